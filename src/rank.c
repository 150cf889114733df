/* rank: similarity graph and PageRank with GSL sparse matrices. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_spblas.h>
#include <gsl/gsl_spmatrix.h>
#include <gsl/gsl_vector.h>

#include "precis.h"
#include "rank.h"
#include "vec.h"

/* Postings of the inverted index: for each term, the rows using it. */
typedef struct {
	size_t *start; /* nterms + 1 */
	uint32_t *row;
	double *w;
} postings;

static int postings_build(postings *p, const px_vectors *v)
{
	p->start = calloc(v->nterms + 1, sizeof *p->start);
	size_t total = 0;
	for (size_t i = 0; i < v->n; i++)
		total += v->rows[i].n;
	p->row = malloc((total ? total : 1) * sizeof *p->row);
	p->w = malloc((total ? total : 1) * sizeof *p->w);
	if (!p->start || !p->row || !p->w)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < v->n; i++)
		for (size_t k = 0; k < v->rows[i].n; k++)
			p->start[v->rows[i].id[k] + 1]++;
	for (size_t t = 0; t < v->nterms; t++)
		p->start[t + 1] += p->start[t];
	size_t *fill = malloc((v->nterms ? v->nterms : 1) * sizeof *fill);
	if (!fill)
		return PRECIS_ENOMEM;
	memcpy(fill, p->start, v->nterms * sizeof *fill);
	for (size_t i = 0; i < v->n; i++)
		for (size_t k = 0; k < v->rows[i].n; k++) {
			size_t at = fill[v->rows[i].id[k]]++;
			p->row[at] = (uint32_t)i;
			p->w[at] = v->rows[i].w[k];
		}
	free(fill);
	return 0;
}

static void postings_free(postings *p)
{
	free(p->start);
	free(p->row);
	free(p->w);
}

typedef struct {
	uint32_t j;
	double w;
} edge;

static int cmp_edge_desc(const void *a, const void *b)
{
	const edge *x = a, *y = b;
	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return (x->j > y->j) - (x->j < y->j); /* ties by index: deterministic */
}

/* Is x a weaker edge than y? Ties by index keep the choice deterministic. */
static bool weaker(const edge *x, const edge *y)
{
	return cmp_edge_desc(x, y) > 0;
}

static void sift_down(edge *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && weaker(&h[l], &h[m]))
			m = l;
		if (r < n && weaker(&h[r], &h[m]))
			m = r;
		if (m == i)
			return;
		edge t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/*
 * Keep the k strongest of e[0..n) in e[0..k), in O(n log k): a min-heap
 * of the best k seen so far, whose root is the weakest of them.
 */
static void keep_strongest(edge *e, size_t n, size_t k)
{
	for (size_t i = k / 2; i-- > 0;)
		sift_down(e, k, i);
	for (size_t i = k; i < n; i++) {
		if (weaker(&e[0], &e[i])) {
			e[0] = e[i];
			sift_down(e, k, 0);
		}
	}
}

static int cmp_edge_index(const void *a, const void *b)
{
	const edge *x = a, *y = b;
	return (x->j > y->j) - (x->j < y->j);
}

/*
 * The edges of sentence i: cosines with every sentence sharing a term
 * (through the postings), the directed sums PacSum needs, then the
 * threshold and the neighbour cap. Returns their count, sorted by column.
 */
static size_t row_edges(edge *touched, double *acc, const postings *p, const px_vectors *v,
			size_t i, const px_rank_options *o)
{
	size_t nt = 0;
	const px_vec *r = &v->rows[i];
	for (size_t k = 0; k < r->n; k++) {
		uint32_t t = r->id[k];
		if (o->max_df && p->start[t + 1] - p->start[t] > o->max_df)
			continue;
		for (size_t q = p->start[t]; q < p->start[t + 1]; q++) {
			uint32_t j = p->row[q];
			if (j == i)
				continue;
			if (acc[j] == 0.0)
				touched[nt++].j = j;
			acc[j] += r->w[k] * p->w[q];
		}
	}
	size_t kept = 0;
	for (size_t q = 0; q < nt; q++) {
		uint32_t j = touched[q].j;
		double s = acc[j];
		acc[j] = 0.0;
		if (o->forward && j > i)
			o->forward[i] += s;
		else if (o->backward && j < i)
			o->backward[i] += s;
		if (s > o->threshold)
			touched[kept++] = (edge){ j, o->binary ? 1.0 : s };
	}
	if (o->max_neighbors && kept > o->max_neighbors) {
		keep_strongest(touched, kept, o->max_neighbors);
		kept = o->max_neighbors;
	}
	/* Summation order must not depend on hash or touch order. */
	qsort(touched, kept, sizeof *touched, cmp_edge_index);
	return kept;
}

typedef struct {
	size_t i, j;
	double w;
} triplet;

/*
 * Row-stochastic transition matrix in CSR. Rows without edges (dangling
 * nodes) stay empty; their mass goes to the prior in the iteration.
 */
static int graph_build(gsl_spmatrix **out, bool *dangling, const px_vectors *v,
		       const px_rank_options *o)
{
	postings p = { 0 };
	int rc = postings_build(&p, v);
	double *acc = calloc(v->n ? v->n : 1, sizeof *acc);
	edge *touched = malloc((v->n ? v->n : 1) * sizeof *touched);
	triplet *e3 = NULL;
	size_t ecap = 0, ne = 0;
	if (rc || !acc || !touched) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < v->n; i++) {
		size_t kept = row_edges(touched, acc, &p, v, i, o);
		double sum = 0.0;
		for (size_t q = 0; q < kept; q++)
			sum += touched[q].w;
		dangling[i] = kept == 0;
		if (px_vec_reserve((void **)&e3, &ecap, ne + kept, sizeof *e3)) {
			rc = PRECIS_ENOMEM;
			goto done;
		}
		for (size_t q = 0; q < kept; q++)
			e3[ne++] = (triplet){ i, touched[q].j, touched[q].w / sum };
	}
	/*
	 * Edges come row by row with sorted columns: that is CSR already, so
	 * fill GSL's arrays directly (p: row starts, i: columns) instead of
	 * inserting triplets one by one.
	 */
	gsl_spmatrix *W = gsl_spmatrix_alloc_nzmax(v->n, v->n, ne ? ne : 1, GSL_SPMATRIX_CSR);
	if (!W) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	size_t e = 0;
	for (size_t r = 0; r < v->n; r++) {
		W->p[r] = (int)e;
		while (e < ne && e3[e].i == r) {
			W->i[e] = (int)e3[e].j;
			W->data[e] = e3[e].w;
			e++;
		}
	}
	W->p[v->n] = (int)ne;
	W->nz = ne;
	*out = W;
done:
	postings_free(&p);
	free(acc);
	free(touched);
	free(e3);
	return rc;
}

int px_rank_graph(double *scores, const px_vectors *v, const px_rank_options *o)
{
	size_t n = v->n;
	if (n == 0)
		return 0;
	gsl_set_error_handler_off();
	bool *dangling = calloc(n, sizeof *dangling);
	if (!dangling)
		return PRECIS_ENOMEM;
	if (o->forward)
		memset(o->forward, 0, n * sizeof *o->forward);
	if (o->backward)
		memset(o->backward, 0, n * sizeof *o->backward);
	gsl_spmatrix *W = NULL;
	int rc = graph_build(&W, dangling, v, o);
	gsl_vector *x = gsl_vector_alloc(n), *y = gsl_vector_alloc(n);
	double *prior = malloc(n * sizeof *prior);
	if (rc || !x || !y || !prior) {
		rc = rc ? rc : PRECIS_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		prior[i] = o->prior ? o->prior[i] : 1.0 / (double)n;
	for (size_t i = 0; i < n; i++)
		gsl_vector_set(x, i, prior[i]);
	double d = o->damping;
	for (int it = 0; it < o->max_iterations; it++) {
		double lost = 0.0;
		for (size_t i = 0; i < n; i++)
			if (dangling[i])
				lost += gsl_vector_get(x, i);
		/* y = d * W^T x */
		if (gsl_spblas_dgemv(CblasTrans, d, W, x, 0.0, y) != GSL_SUCCESS) {
			rc = PRECIS_ENUMERIC;
			goto done;
		}
		double teleport = (1.0 - d) + d * lost, change = 0.0;
		for (size_t i = 0; i < n; i++) {
			double yi = gsl_vector_get(y, i) + teleport * prior[i];
			change += fabs(yi - gsl_vector_get(x, i));
			gsl_vector_set(y, i, yi);
		}
		gsl_vector_swap(x, y);
		if (change < o->tolerance)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		scores[i] = gsl_vector_get(x, i);
		if (!isfinite(scores[i])) {
			rc = PRECIS_ENUMERIC;
			break;
		}
	}
done:
	gsl_spmatrix_free(W);
	gsl_vector_free(x);
	gsl_vector_free(y);
	free(prior);
	free(dangling);
	return rc;
}

int px_rank_centroid(double *scores, const px_vectors *v)
{
	double *c = calloc(v->nterms ? v->nterms : 1, sizeof *c);
	if (!c)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < v->n; i++)
		for (size_t k = 0; k < v->rows[i].n; k++)
			c[v->rows[i].id[k]] += v->rows[i].w[k];
	double norm = 0.0;
	for (size_t t = 0; t < v->nterms; t++)
		norm += c[t] * c[t];
	norm = sqrt(norm);
	for (size_t i = 0; i < v->n; i++) {
		double s = 0.0;
		for (size_t k = 0; k < v->rows[i].n; k++)
			s += v->rows[i].w[k] * c[v->rows[i].id[k]];
		scores[i] = norm > 0 ? s / norm : 0.0;
	}
	free(c);
	return 0;
}
