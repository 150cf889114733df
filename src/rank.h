/*
 * rank: sentence centrality. Builds the cosine-similarity graph through an
 * inverted index (cost grows with overlapping pairs, not n^2), stores it
 * as a GSL sparse matrix and runs (personalised) PageRank by power
 * iteration. The only module that talks to GSL.
 */
#ifndef PX_RANK_H
#define PX_RANK_H

#include <stdbool.h>

#include "vectorize.h"

typedef struct px_rank_options {
	double damping;
	double tolerance;      /* L1 change that ends the iteration */
	int max_iterations;
	double threshold;      /* keep edges with cosine > threshold */
	bool binary;           /* edges weigh 1 (thresholded LexRank) */
	size_t max_neighbors;  /* keep each node's strongest edges (0: all) */
	size_t max_df;         /* ignore terms in more sentences than this (0: none) */
	const double *prior;   /* personalisation, sums to 1; NULL = uniform */
	/*
	 * Out, optional (NULL: skipped): for each sentence, the summed cosine
	 * of its edges to later and to earlier sentences, the two halves of
	 * PacSum's directed centrality (Zheng & Lapata 2019).
	 */
	double *forward;
	double *backward;
} px_rank_options;

/* PageRank scores (summing to 1) of the sentence graph of v, into scores[v->n]. */
int px_rank_graph(double *scores, const px_vectors *v, const px_rank_options *o);

/* Cosine of each sentence with the document's TF-IDF centroid. */
int px_rank_centroid(double *scores, const px_vectors *v);

#endif
