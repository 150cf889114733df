/* vectorize: sentence TF-IDF vectors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "idf.h"
#include "vectorize.h"

double px_idf_smooth(double ndocs, double df)
{
	return log((1.0 + ndocs) / (1.0 + df)) + 1.0;
}

void px_vec_weigh(px_vec *v, const double *idf)
{
	double norm = 0.0;
	for (size_t k = 0; k < v->n; k++) {
		v->w[k] = v->w[k] > 0 ? (1.0 + log(v->w[k])) * idf[v->id[k]] : 0.0;
		norm += v->w[k] * v->w[k];
	}
	norm = sqrt(norm);
	for (size_t k = 0; k < v->n && norm > 0; k++)
		v->w[k] /= norm;
}

static void weigh(px_vec *v, const px_terms *t, const double *idf, double *w)
{
	v->id = t->id;
	v->w = w;
	v->n = t->n;
	for (size_t k = 0; k < t->n; k++)
		w[k] = (double)t->tf[k];
	px_vec_weigh(v, idf);
}

int px_tfidf_build(px_vectors *out, const precis_doc *d, const precis_idf *idf)
{
	memset(out, 0, sizeof *out);
	size_t nterms = px_strmap_count(d->vocab), total = d->title_terms.n;
	for (size_t i = 0; i < d->nsents; i++)
		total += d->terms[i].n;
	out->n = d->nsents;
	out->nterms = nterms;
	out->rows = calloc(d->nsents ? d->nsents : 1, sizeof *out->rows);
	out->idf = calloc(nterms ? nterms : 1, sizeof *out->idf);
	out->arena = malloc((total ? total : 1) * sizeof *out->arena);
	if (!out->rows || !out->idf || !out->arena) {
		px_vectors_free(out);
		return PRECIS_ENOMEM;
	}
	if (idf) {
		double N = (double)precis_idf_documents(idf);
		for (size_t t = 0; t < nterms; t++) {
			size_t len;
			const char *key = px_strmap_key(d->vocab, (int64_t)t, &len);
			out->idf[t] = px_idf_smooth(N, (double)px_idf_df(idf, key, len));
		}
	} else {
		/* idf reuses as a df counter first. */
		for (size_t i = 0; i < d->nsents; i++)
			for (size_t k = 0; k < d->terms[i].n; k++)
				out->idf[d->terms[i].id[k]] += 1.0;
		double N = (double)d->nsents;
		for (size_t t = 0; t < nterms; t++)
			out->idf[t] = px_idf_smooth(N, out->idf[t]);
	}
	double *w = out->arena;
	for (size_t i = 0; i < d->nsents; i++) {
		weigh(&out->rows[i], &d->terms[i], out->idf, w);
		w += d->terms[i].n;
	}
	weigh(&out->title, &d->title_terms, out->idf, w);
	return 0;
}

void px_vectors_free(px_vectors *v)
{
	if (!v)
		return;
	free(v->rows);
	free(v->idf);
	free(v->arena);
	memset(v, 0, sizeof *v);
}

double px_vec_dot(const px_vec *a, const px_vec *b)
{
	double s = 0.0;
	size_t i = 0, j = 0;
	while (i < a->n && j < b->n) {
		if (a->id[i] < b->id[j])
			i++;
		else if (a->id[i] > b->id[j])
			j++;
		else
			s += a->w[i++] * b->w[j++];
	}
	return s;
}
