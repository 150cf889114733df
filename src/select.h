/*
 * select: pick sentences under a length budget with Maximal Marginal
 * Relevance (Carbonell & Goldstein 1998): each step takes the sentence
 * that best trades relevance against similarity to what is already
 * picked, and near-duplicates are never both picked.
 */
#ifndef PX_SELECT_H
#define PX_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "vectorize.h"

typedef struct px_select_options {
	size_t max_sentences; /* 0: no limit */
	size_t max_words;     /* 0: no limit */
	size_t max_chars;     /* 0: no limit */
	bool truncate;        /* the last pick may overflow the word/char budget (caller cuts it) */
	double lambda;        /* 1: relevance only */
	double duplicate;     /* cosine at or above which two sentences are duplicates */
	size_t min_words;     /* shorter sentences are picked only when nothing else fits, */
	                      /* and so are units without a final stop (titles, subheads) */
	const bool *skip;     /* page furniture: picked only when nothing else fits (NULL: none) */
} px_select_options;

/*
 * Pick from n sentences with relevance scores, word and character counts.
 * Writes the picked indices in pick order to picked (capacity n) and
 * returns their count in *npicked.
 */
int px_select(size_t *picked, size_t *npicked, const double *scores, const px_vectors *v,
	      const size_t *words, const size_t *chars, const bool *complete, size_t n,
	      const px_select_options *o);

#endif
