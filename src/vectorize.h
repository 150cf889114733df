/*
 * vectorize: TF-IDF vectors of sentences (sublinear tf, smoothed idf),
 * L2-normalized, so a dot product is a cosine similarity.
 */
#ifndef PX_VECTORIZE_H
#define PX_VECTORIZE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef struct px_vec {
	const uint32_t *id; /* sorted term ids (shared with the doc) */
	double *w;
	size_t n;
} px_vec;

typedef struct px_vectors {
	px_vec *rows;   /* one per sentence */
	size_t n;
	px_vec title;   /* the headline's vector (n == 0 when none) */
	size_t nterms;  /* size of the term id space */
	double *idf;    /* per term id */
	double *arena;
} px_vectors;

/* Vectors of doc's sentences; idf NULL uses the sentences as the corpus. */
int px_tfidf_build(px_vectors *out, const precis_doc *doc, const precis_idf *idf);
void px_vectors_free(px_vectors *v);

/*
 * The one TF-IDF formula of precis. Smoothed idf, as scikit-learn:
 * ln((1 + ndocs) / (1 + df)) + 1, so a term in every document still counts.
 */
double px_idf_smooth(double ndocs, double df);
/*
 * Weighs v in place: v->w holds (possibly weighted) term counts on entry,
 * sublinear tf (1 + ln tf) times idf[id] on return, L2-normalized.
 */
void px_vec_weigh(px_vec *v, const double *idf);

/* Dot product of two sparse vectors (a cosine for normalized ones). */
double px_vec_dot(const px_vec *a, const px_vec *b);

#endif
