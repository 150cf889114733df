/* stem: Snowball stemming. The only module that talks to libstemmer. */
#ifndef PX_STEM_H
#define PX_STEM_H

#include <stddef.h>

typedef struct px_stemmer px_stemmer;

/* A stemmer for a libstemmer algorithm name ("french", "english", ...). */
int px_stemmer_new(px_stemmer **out, const char *algorithm);
void px_stemmer_free(px_stemmer *s);

/*
 * Stem word (UTF-8, folded). The result stays valid until the next call on
 * this stemmer; NULL on allocation failure.
 */
const char *px_stem(px_stemmer *s, const char *word, size_t len, size_t *outlen);

#endif
