/* select: MMR under sentence, word and character budgets. */
#include <float.h>
#include <stdlib.h>

#include "precis.h"
#include "select.h"

static bool fits(size_t used, size_t add, size_t limit)
{
	return limit == 0 || used + add <= limit;
}

int px_select(size_t *picked, size_t *npicked, const double *scores, const px_vectors *v,
	      const size_t *words, const size_t *chars, const bool *complete, size_t n,
	      const px_select_options *o)
{
	*npicked = 0;
	if (n == 0)
		return 0;
	bool *used = calloc(n, sizeof *used);
	double *maxsim = calloc(n, sizeof *maxsim);
	if (!used || !maxsim) {
		free(used);
		free(maxsim);
		return PRECIS_ENOMEM;
	}
	double top = 0.0;
	for (size_t i = 0; i < n; i++)
		if (scores[i] > top)
			top = scores[i];
	size_t nwords = 0, nchars = 0;
	bool full = false;
	/*
	 * Pass 0 skips very short units (subheads, stray lines); pass 1 allows
	 * them; pass 2 runs only when nothing fits at all, since an empty
	 * summary serves nobody: the best sentence is then given whole.
	 */
	for (int pass = 0; pass < 3 && !full; pass++) {
		if (pass == 2 && *npicked > 0)
			break;
		for (;;) {
			if (o->max_sentences && *npicked >= o->max_sentences) {
				full = true;
				break;
			}
			size_t best = n;
			double best_val = -DBL_MAX;
			for (size_t i = 0; i < n; i++) {
				if (used[i] || maxsim[i] >= o->duplicate)
					continue;
				if (pass == 0 && o->min_words && (words[i] < o->min_words || !complete[i]))
					continue;
				bool ok = o->truncate || pass == 2 ||
					  (fits(nwords, words[i], o->max_words) &&
					   fits(nchars, chars[i], o->max_chars));
				if (!ok)
					continue;
				double rel = top > 0 ? scores[i] / top : 0.0;
				double val = o->lambda * rel - (1.0 - o->lambda) * maxsim[i];
				if (val > best_val) {
					best_val = val;
					best = i;
				}
			}
			if (best == n)
				break;
			used[best] = true;
			picked[(*npicked)++] = best;
			nwords += words[best];
			nchars += chars[best];
			if (pass == 2 || (o->max_words && nwords >= o->max_words) ||
			    (o->max_chars && nchars >= o->max_chars)) {
				full = true;
				break;
			}
			for (size_t i = 0; i < n; i++) {
				if (used[i])
					continue;
				double s = px_vec_dot(&v->rows[i], &v->rows[best]);
				if (s > maxsim[i])
					maxsim[i] = s;
			}
		}
	}
	free(used);
	free(maxsim);
	return 0;
}
