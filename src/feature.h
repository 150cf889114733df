/*
 * feature: what the default system knows about each sentence besides its
 * words: centrality in the TF-IDF graph (undirected PageRank and PacSum's
 * forward/backward halves), position, headline and centroid similarity,
 * length, quotes, numbers and capitalised names. The model that weighs
 * them lives in model.c; eval/fit_rank.py refits it.
 */
#ifndef PX_FEATURES_H
#define PX_FEATURES_H
#include <stddef.h>
#include "doc.h"
#include "rank.h"
#include "vectorize.h"

enum {
	PX_F_BIAS,     /* 1 */
	PX_F_PAGERANK, /* PageRank, the document's top sentence = 1 */
	PX_F_FORWARD,  /* summed cosine to later sentences, top = 1 */
	PX_F_BACKWARD, /* summed cosine to earlier sentences, top = 1 */
	PX_F_LEAD,     /* exp(-i / 4) */
	PX_F_FIRST,    /* the first sentence */
	PX_F_RELPOS,   /* i / n */
	PX_F_TITLE,    /* cosine with the headline (0 without one) */
	PX_F_CENTROID, /* cosine with the document's TF-IDF centroid */
	PX_F_LOGLEN,   /* log(1 + words) */
	PX_F_SHORT,    /* fewer than 8 words */
	PX_F_LONG,     /* words past 40, in units of 40 */
	PX_F_QUOTE,    /* holds a quotation mark */
	PX_F_NUMBER,   /* holds a number */
	PX_F_CAPS,     /* share of words after the first with a capital initial */
	PX_F_OPEN,     /* no final stop (a title, subhead or caption) */
	PX_F_QUESTION, /* ends with ? or : */
	PX_F_DOCLEN,   /* log(1 + sentences in the document) */
	PX_NFEAT
};

/*
 * Features of every sentence of d, row-major into f[d->nsents * PX_NFEAT].
 * ro gives the graph options (its prior, forward and backward are ignored).
 */
int px_features(double *f, const precis_doc *d, const px_vectors *v, const px_rank_options *ro);

/*
 * The model's weights for lang into w[PX_NFEAT], the position and headline
 * weights multiplied by the given scales (1: as fitted).
 */
void px_model_weights(double *w, const char *lang, double position_scale, double title_scale);

/* The default system's score of one sentence's features: a probability in (0, 1). */
double px_model_score(const double *f, const double *w);
#endif
