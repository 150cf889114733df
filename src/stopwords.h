/*
 * stopwords: the supported languages and their stop lists, parsed from the
 * files embedded at build time (stopwords/<code>.txt).
 */
#ifndef PX_STOPWORDS_H
#define PX_STOPWORDS_H

#include <stddef.h>
#include <stdint.h>

#include "data.h"
#include "strmap.h"

typedef struct px_lang {
	const char *code;     /* ISO 639-1 */
	const char *snowball; /* libstemmer algorithm name */
} px_lang;

/* Index of code in the language table, or -1. */
int px_lang_index(const char *code);
const px_lang *px_lang_at(int index);
size_t px_lang_count(void);

/*
 * Tables built from a per-language embedded file "<prefix><code>.txt"
 * (cue lists, meta word lists): one slot per language that has its own
 * file, and one shared slot for English and every language without one.
 * build(out, arg) receives a px_lang_file.
 */
#define PX_LANG_SLOTS 64
typedef struct px_lang_once {
	px_data_once lang[PX_LANG_SLOTS];
	px_data_once fallback;
} px_lang_once;

typedef struct px_lang_file {
	const char *code;          /* the language's code, "en" for the shared slot */
	const px_datafile *file;   /* its own file, NULL for the shared slot */
} px_lang_file;

int px_lang_data_get(void **out, px_lang_once *once, const char *prefix, const char *lang,
		     px_build_fn build, px_destroy_fn destroy);

/* Parse the stop list of language index into a new set (ids unused). */
int px_stopwords_load(px_strmap **out, int lang_index);

/*
 * The stop list plus the longer detection profile (stopwords/detect/),
 * for language identification only: the longer lists hold content words
 * that must not be dropped when summarizing, but they make languages with
 * short Snowball lists (French: 154 words) as visible as the rest.
 */
int px_detect_words_load(px_strmap **out, int lang_index);

/*
 * A set of words read in place from embedded lists (no copies), each
 * with the languages (bit i: px_lang_at(i)) whose list holds it. Built
 * once per process and read-only after: shared by every analyzer.
 */
typedef struct px_wordset px_wordset;

/* Languages whose lists in set hold the word w[0..n) (folded); 0 when none. */
uint32_t px_wordset_langs(const px_wordset *set, const char *w, size_t n);

/* The stop list of language index, built on first use (NULL: out of memory). */
const px_wordset *px_stopwords(int lang_index);

/*
 * Every language's stop list and detection profile in one set, for
 * language identification, built on first use (NULL: out of memory).
 */
const px_wordset *px_detect_words(void);

/* px_detect_words() when it is built already (by any thread), else NULL. */
const px_wordset *px_detect_words_built(void);

/*
 * The n words w[i] (len[i] bytes, folded; kept by pointer, not copied)
 * with, for each, the languages whose stop list or detection profile
 * holds it, read straight from the lists: what px_detect_words() says of
 * them, at a third of the cost of building it, without its megabyte.
 * Free with px_wordset_free.
 */
int px_detect_scan(px_wordset **out, const char *const *w, const size_t *len, size_t n);
void px_wordset_free(px_wordset *set);

#endif
