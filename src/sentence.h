/*
 * sentence: split text into sentences, keeping byte offsets into the
 * original. French and English rules (abbreviations, initials, numbers,
 * URLs, closing quotes, sentences glued by scraping).
 */
#ifndef PX_SENTENCE_H
#define PX_SENTENCE_H

#include <stddef.h>

#include "precis.h"

/*
 * Split the regions of text (each a span of text[0..len); NULL regions =
 * the whole text) into sentences, appended in order to *out (malloc'ed,
 * *n entries, leading/trailing white space excluded). A region boundary
 * always ends a sentence. lang ("fr", "en", ... or NULL) selects
 * abbreviation lists.
 */
int px_sentence_split(precis_span **out, size_t *n, const char *text, size_t len,
		      const precis_span *regions, size_t nregions, const char *lang);

#endif
