/*
 * token: words of a text by Unicode category. A word is a run of letters,
 * marks and digits, with inner hyphens and apostrophes (nord-coréen,
 * aujourd'hui) and inner decimal or thousand separators between digits
 * (3.5, 2.600, 1,5). French and Italian elisions are split off and dropped
 * (l'État -> État, qu'il -> il).
 */
#ifndef PX_TOKEN_H
#define PX_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct px_token {
	size_t start, end; /* bytes in the source */
	bool number;       /* starts with a digit */
} px_token;

typedef int (*px_token_fn)(const px_token *t, void *ctx);

/* Walk the words of s[0..len) (valid UTF-8); lang selects elision rules. */
int px_tokenize(const char *s, size_t len, const char *lang, px_token_fn fn, void *ctx);

#endif
