/* select: MMR under sentence, word and character budgets. */
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "select.h"

/*
 * Relevance for MMR and the knapsack: scores stretched to [0, 1] over the
 * document, so the redundancy penalty weighs the same whether a ranker's
 * scores spread widely (PageRank) or sit in a narrow band (probabilities).
 */
struct range {
	double lo, hi;
};

static struct range score_range(const double *scores, size_t n)
{
	struct range r = { n ? scores[0] : 0.0, n ? scores[0] : 0.0 };
	for (size_t i = 1; i < n; i++) {
		if (scores[i] < r.lo)
			r.lo = scores[i];
		if (scores[i] > r.hi)
			r.hi = scores[i];
	}
	return r;
}

static double relevance(struct range r, double s)
{
	return r.hi > r.lo ? (s - r.lo) / (r.hi - r.lo) : 1.0;
}

static bool fits(size_t used, size_t add, size_t limit)
{
	return limit == 0 || used + add <= limit;
}

/*
 * A word or character budget without --truncate: the best set that fits,
 * not the best sentence first and then whatever still fits. A 0/1
 * knapsack over the KNAPSACK_POOL best-scored sentences, each worth its
 * relevance times its length (the expected count of summary-worthy words
 * it brings), so the budget fills with good sentences and one long good
 * sentence cannot crowd out two short better ones. Near-duplicates are
 * handled by dropping the weaker of a picked pair and solving again.
 */
#define KNAPSACK_POOL 48
#define KNAPSACK_ROUNDS 4

struct pool {
	size_t idx[KNAPSACK_POOL];
	size_t n;
};

static int cmp_score_desc(const void *a, const void *b, const double *scores)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (scores[x] != scores[y])
		return scores[x] < scores[y] ? 1 : -1;
	return (x > y) - (x < y);
}

/* The pool: eligible sentences by decreasing score (insertion keeps it tiny). */
static void pool_build(struct pool *p, const double *scores, const size_t *cost,
		       const size_t *words, const bool *complete, const bool *banned, size_t n,
		       size_t cap, const px_select_options *o)
{
	p->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (banned[i] || cost[i] == 0 || cost[i] > cap || (o->skip && o->skip[i]))
			continue;
		if (o->min_words && (words[i] < o->min_words || !complete[i]))
			continue;
		size_t at = p->n < KNAPSACK_POOL ? p->n++ : KNAPSACK_POOL;
		if (at == KNAPSACK_POOL) {
			if (cmp_score_desc(&i, &p->idx[KNAPSACK_POOL - 1], scores) >= 0)
				continue;
			at = KNAPSACK_POOL - 1;
		}
		while (at > 0 && cmp_score_desc(&i, &p->idx[at - 1], scores) < 0) {
			p->idx[at] = p->idx[at - 1];
			at--;
		}
		p->idx[at] = i;
	}
}

/* Solve the knapsack over the pool; picked gets the chosen sentences. */
static int knapsack_solve(size_t *picked, size_t *npicked, const struct pool *p,
			  const double *scores, struct range r, const size_t *cost, size_t cap)
{
	size_t w = cap + 1;
	double *best = calloc(w, sizeof *best);
	uint8_t *take = calloc(p->n * w, 1);
	if (!best || !take) {
		free(best);
		free(take);
		return PRECIS_ENOMEM;
	}
	for (size_t k = 0; k < p->n; k++) {
		size_t i = p->idx[k], c = cost[i];
		double val = relevance(r, scores[i]) * (double)c;
		for (size_t b = cap; b >= c; b--) {
			if (best[b - c] + val > best[b]) {
				best[b] = best[b - c] + val;
				take[k * w + b] = 1;
			}
			if (b == c)
				break;
		}
	}
	size_t b = cap;
	*npicked = 0;
	for (size_t k = p->n; k-- > 0;)
		if (take[k * w + b]) {
			picked[(*npicked)++] = p->idx[k];
			b -= cost[p->idx[k]];
		}
	/* pick order: by score, as the greedy path reports it */
	for (size_t a = 1; a < *npicked; a++)
		for (size_t z = a; z > 0 && scores[picked[z]] > scores[picked[z - 1]]; z--) {
			size_t t = picked[z];
			picked[z] = picked[z - 1];
			picked[z - 1] = t;
		}
	free(best);
	free(take);
	return 0;
}

/* The weaker sentence of the first near-duplicate pair in picked, or n. */
static size_t duplicate_of(const size_t *picked, size_t np, const px_vectors *v, double dup,
			   size_t n)
{
	for (size_t a = 0; a < np; a++)
		for (size_t b = a + 1; b < np; b++)
			if (px_vec_dot(&v->rows[picked[a]], &v->rows[picked[b]]) >= dup)
				return picked[b]; /* picked is by decreasing score */
	return n;
}

static int knapsack_select(size_t *picked, size_t *npicked, const double *scores,
			   const px_vectors *v, const size_t *cost, const size_t *words,
			   const bool *complete, size_t n, size_t cap, const px_select_options *o)
{
	bool *banned = calloc(n, sizeof *banned);
	struct pool *p = malloc(sizeof *p);
	int rc = PRECIS_ENOMEM;
	if (!banned || !p)
		goto done;
	struct range r = score_range(scores, n);
	for (int round = 0; round < KNAPSACK_ROUNDS; round++) {
		pool_build(p, scores, cost, words, complete, banned, n, cap, o);
		if ((rc = knapsack_solve(picked, npicked, p, scores, r, cost, cap)))
			goto done;
		size_t d = duplicate_of(picked, *npicked, v, o->duplicate, n);
		if (d == n)
			break;
		banned[d] = true;
		*npicked = 0;
	}
	rc = 0;
done:
	free(banned);
	free(p);
	return rc;
}

static int mmr_select(size_t *picked, size_t *npicked, const double *scores, const px_vectors *v,
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
	struct range r = score_range(scores, n);
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
				if (pass < 2 && o->skip && o->skip[i])
					continue;
				if (pass == 0 && o->min_words && (words[i] < o->min_words || !complete[i]))
					continue;
				bool ok = o->truncate || pass == 2 ||
					  (fits(nwords, words[i], o->max_words) &&
					   fits(nchars, chars[i], o->max_chars));
				if (!ok)
					continue;
				double rel = relevance(r, scores[i]);
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

/* Largest budget the knapsack table handles (cells = pool * budget). */
#define KNAPSACK_MAX_BUDGET 20000

int px_select(size_t *picked, size_t *npicked, const double *scores, const px_vectors *v,
	      const size_t *words, const size_t *chars, const bool *complete, size_t n,
	      const px_select_options *o)
{
	*npicked = 0;
	if (n > 0 && !o->truncate && !o->max_sentences && o->lambda < 1.0 &&
	    (o->max_words == 0) != (o->max_chars == 0)) {
		const size_t *cost = o->max_words ? words : chars;
		size_t cap = o->max_words ? o->max_words : o->max_chars;
		if (cap <= KNAPSACK_MAX_BUDGET) {
			int rc = knapsack_select(picked, npicked, scores, v, cost, words, complete, n,
						 cap, o);
			if (rc || *npicked > 0)
				return rc;
		}
	}
	return mmr_select(picked, npicked, scores, v, words, chars, complete, n, o);
}
