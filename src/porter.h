/* porter: the Porter stemmer variants of NLTK (rouge-score) and ROUGE-1.5.5. */
#ifndef PX_PORTER_H
#define PX_PORTER_H

#include <stddef.h>

/* Stem a lowercase ASCII word into out (len + 2 bytes); returns the stem length. */
size_t px_porter_nltk(char *out, const char *word, size_t len);
size_t px_porter_rouge155(char *out, const char *word, size_t len);

#endif
