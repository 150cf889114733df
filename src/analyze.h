/*
 * analyze: words of a text as the summarizer sees them: tokenized
 * (token.c), NFC-normalized and case-folded (text.c), marked as stop words
 * (stopwords.c) and stemmed (stem.c). Owns the per-thread state behind the
 * public precis_analyzer.
 */
#ifndef PX_ANALYZE_H
#define PX_ANALYZE_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

typedef struct px_word {
	size_t start, end;    /* bytes of the token in the source text */
	const char *form;     /* folded form (NFC + case fold), NUL-terminated */
	size_t form_len;
	const char *stem;     /* Snowball stem of form (== form when not stemming) */
	size_t stem_len;
	bool stop;            /* a stop word of the language */
	bool number;          /* made of digits (with inner separators) */
} px_word;

/* Called for each word; a non-zero return stops the walk and is returned. */
typedef int (*px_word_fn)(const px_word *w, void *ctx);

enum {
	PX_ANALYZE_STEM = 1 /* compute stems (otherwise stem == form) */
};

/*
 * Walk the words of s[0..len) (valid UTF-8) in language lang (a supported
 * ISO code). Pointers in px_word are valid only during the callback.
 */
int px_analyze(precis_analyzer *a, const char *lang, const char *s, size_t len,
	       unsigned flags, px_word_fn fn, void *ctx);

/* 1 when the folded word is a stop word of lang. */
int px_is_stopword(precis_analyzer *a, const char *lang, const char *folded, size_t len);

#endif
