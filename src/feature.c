/* feature: per-sentence inputs of the default system's model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "feature.h"
#include "text.h"

/* Decay of the lead feature: sentence 4 weighs 1/e of the first. */
#define LEAD_DECAY 4.0
#define SHORT_WORDS 8
#define LONG_WORDS 40.0

static bool is_quote(int32_t cp)
{
	return cp == '"' || cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D ||
	       cp == 0x201E;
}

/*
 * Quotes, numbers, capitals and the final mark of one sentence, in one pass
 * over its bytes (no second tokenization: words come from the document).
 */
static void surface_features(double *f, const char *s, size_t len, size_t words)
{
	bool quote = false, number = false, start = true, first = true;
	size_t caps = 0;
	int32_t last = 0;
	for (size_t i = 0; i < len;) {
		size_t adv = 1;
		int32_t cp = (unsigned char)s[i] < 0x80 ? s[i] : px_utf8_decode(s + i, len - i, &adv);
		if (is_quote(cp))
			quote = true;
		if (cp >= '0' && cp <= '9')
			number = true;
		bool space = cp < 0x80 ? cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r'
				       : px_cp_is_space(cp);
		if (start && !space && !is_quote(cp) && cp != '(') {
			bool upper = cp < 0x80 ? cp >= 'A' && cp <= 'Z' : px_cp_is_upper(cp);
			if (!first && upper)
				caps++;
			first = false;
			start = false;
		}
		if (space)
			start = true;
		else if (!is_quote(cp) && cp != ')')
			last = cp;
		i += adv ? adv : 1;
	}
	f[PX_F_QUOTE] = quote;
	f[PX_F_NUMBER] = number;
	f[PX_F_CAPS] = words > 1 ? (double)(caps < words ? caps : words - 1) / (double)(words - 1) : 0.0;
	f[PX_F_QUESTION] = last == '?' || last == ':';
}

static void scale_to_top(double *f, size_t n, size_t col)
{
	double top = 0.0;
	for (size_t i = 0; i < n; i++)
		if (f[i * PX_NFEAT + col] > top)
			top = f[i * PX_NFEAT + col];
	for (size_t i = 0; i < n; i++)
		f[i * PX_NFEAT + col] = top > 0.0 ? f[i * PX_NFEAT + col] / top : 0.0;
}

int px_features(double *f, const precis_doc *d, const px_vectors *v, const px_rank_options *ro)
{
	size_t n = d->nsents;
	if (n == 0)
		return 0;
	double *pr = malloc(n * sizeof *pr), *fw = malloc(n * sizeof *fw);
	double *bw = malloc(n * sizeof *bw), *cen = malloc(n * sizeof *cen);
	int rc = PRECIS_ENOMEM;
	if (!pr || !fw || !bw || !cen)
		goto done;
	px_rank_options o = *ro;
	o.prior = NULL;
	o.forward = fw;
	o.backward = bw;
	if ((rc = px_rank_graph(pr, v, &o)) || (rc = px_rank_centroid(cen, v)))
		goto done;
	for (size_t i = 0; i < n; i++) {
		double *r = f + i * PX_NFEAT;
		size_t w = d->words[i];
		memset(r, 0, PX_NFEAT * sizeof *r);
		r[PX_F_BIAS] = 1.0;
		r[PX_F_PAGERANK] = pr[i];
		r[PX_F_FORWARD] = fw[i];
		r[PX_F_BACKWARD] = bw[i];
		r[PX_F_LEAD] = exp(-(double)i / LEAD_DECAY);
		r[PX_F_FIRST] = i == 0;
		r[PX_F_RELPOS] = (double)i / (double)n;
		r[PX_F_TITLE] = v->title.n ? px_vec_dot(&v->rows[i], &v->title) : 0.0;
		r[PX_F_CENTROID] = cen[i];
		r[PX_F_LOGLEN] = log1p((double)w);
		r[PX_F_SHORT] = w < SHORT_WORDS;
		r[PX_F_LONG] = w > LONG_WORDS ? ((double)w - LONG_WORDS) / LONG_WORDS : 0.0;
		r[PX_F_OPEN] = !d->complete[i];
		r[PX_F_DOCLEN] = log1p((double)n);
		surface_features(r, d->text + d->sents[i].start, d->sents[i].end - d->sents[i].start,
				 w);
	}
	scale_to_top(f, n, PX_F_PAGERANK);
	scale_to_top(f, n, PX_F_FORWARD);
	scale_to_top(f, n, PX_F_BACKWARD);
	rc = 0;
done:
	free(pr);
	free(fw);
	free(bw);
	free(cen);
	return rc;
}
