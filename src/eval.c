/* eval: bootstrap confidence intervals, paired tests, the extractive oracle. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "rng.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int precis_bootstrap_ci(double *lo, double *hi, const double *x, size_t n, size_t samples,
			unsigned long seed, double level)
{
	if (!lo || !hi || (!x && n) || samples == 0 || !(level > 0 && level < 1))
		return PRECIS_EINVAL;
	if (n == 0) {
		*lo = *hi = 0;
		return 0;
	}
	double *means = malloc(samples * sizeof *means);
	if (!means)
		return PRECIS_ENOMEM;
	uint64_t s = seed;
	for (size_t k = 0; k < samples; k++) {
		double sum = 0;
		for (size_t i = 0; i < n; i++)
			sum += x[px_rng_below(&s, n)];
		means[k] = sum / (double)n;
	}
	qsort(means, samples, sizeof *means, cmp_double);
	double tail = (1 - level) / 2;
	size_t a = (size_t)(tail * (double)samples);
	size_t b = (size_t)((1 - tail) * (double)samples);
	if (b >= samples)
		b = samples - 1;
	*lo = means[a];
	*hi = means[b];
	free(means);
	return 0;
}

int precis_paired_bootstrap(double *p, const double *a, const double *b, size_t n,
			    size_t samples, unsigned long seed)
{
	if (!p || ((!a || !b) && n) || samples == 0)
		return PRECIS_EINVAL;
	if (n == 0) {
		*p = 1;
		return 0;
	}
	uint64_t s = seed;
	size_t not_better = 0;
	for (size_t k = 0; k < samples; k++) {
		double d = 0;
		for (size_t i = 0; i < n; i++) {
			size_t j = px_rng_below(&s, n);
			d += a[j] - b[j];
		}
		not_better += d <= 0;
	}
	*p = (double)not_better / (double)samples;
	return 0;
}

/* Selection text: the picked sentences, one per line. */
static char *selection_text(const precis_doc *d, const size_t *sel, size_t n, size_t extra)
{
	size_t len = 1;
	for (size_t k = 0; k < n; k++)
		len += d->sents[sel[k]].end - d->sents[sel[k]].start + 1;
	if (extra != (size_t)-1)
		len += d->sents[extra].end - d->sents[extra].start + 1;
	char *t = malloc(len), *p = t;
	if (!t)
		return NULL;
	for (size_t k = 0; k <= n; k++) {
		size_t i = k < n ? sel[k] : extra;
		if (k == n && extra == (size_t)-1)
			break;
		size_t l = d->sents[i].end - d->sents[i].start;
		memcpy(p, d->text + d->sents[i].start, l);
		p += l;
		*p++ = '\n';
	}
	*p = '\0';
	return t;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

int precis_oracle(size_t *picked, size_t *npicked, const precis_doc *doc, const char *ref,
		  precis_rouge *scorer, size_t max)
{
	*npicked = 0;
	size_t n = doc->nsents;
	bool *used = calloc(n ? n : 1, sizeof *used);
	if (!used)
		return PRECIS_ENOMEM;
	double best_score = 0;
	int rc = 0;
	while (!rc && (max == 0 || *npicked < max)) {
		size_t best = n;
		double best_gain = best_score;
		for (size_t i = 0; i < n && !rc; i++) {
			if (used[i])
				continue;
			char *t = selection_text(doc, picked, *npicked, i);
			if (!t) {
				rc = PRECIS_ENOMEM;
				break;
			}
			precis_rouge_scores s;
			rc = precis_rouge_score(&s, scorer, t, &ref, 1);
			free(t);
			double v = s.rouge1.f + s.rouge2.f;
			if (!rc && v > best_gain) {
				best_gain = v;
				best = i;
			}
		}
		if (best == n)
			break;
		used[best] = true;
		picked[(*npicked)++] = best;
		best_score = best_gain;
	}
	free(used);
	if (*npicked > 1)
		qsort(picked, *npicked, sizeof *picked, cmp_size);
	return rc;
}
