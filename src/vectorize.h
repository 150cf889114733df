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

/* Dot product of two sparse vectors (a cosine for normalized ones). */
double px_vec_dot(const px_vec *a, const px_vec *b);

#endif
