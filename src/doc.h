/*
 * doc: an analysed article: validated text, headline, sentences, and the
 * stemmed content terms of each sentence (stop words removed), with ids
 * from a per-document vocabulary. Internal layout shared with vectorize.
 */
#ifndef PX_DOC_H
#define PX_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "precis.h"
#include "strmap.h"

/* Terms of one text unit: (id, count) pairs sorted by id. */
typedef struct px_terms {
	uint32_t *id;
	uint32_t *tf;
	size_t n;
} px_terms;

struct precis_doc {
	char *text;
	size_t len;
	char lang[8];
	precis_span headline;  /* in text; empty when none */
	char *outlet;          /* outlet name, or NULL */
	precis_span *sents;
	size_t nsents;
	size_t *words;         /* words per sentence, stop words included */
	bool *complete;        /* ends like a sentence (not a title or subhead) */
	px_terms *terms;       /* per sentence */
	px_terms title_terms;  /* of the headline or options.title */
	px_strmap *vocab;      /* stem -> term id */
	uint32_t *term_arena;  /* backing store of every px_terms */
};

#endif
