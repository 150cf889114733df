/* stem: Snowball stemming through libstemmer (not thread-safe per instance). */
#include <stdlib.h>

#include <libstemmer.h>

#include "precis.h"
#include "stem.h"

struct px_stemmer {
	struct sb_stemmer *sb;
};

int px_stemmer_new(px_stemmer **out, const char *algorithm)
{
	px_stemmer *s = malloc(sizeof *s);
	if (!s)
		return PRECIS_ENOMEM;
	s->sb = sb_stemmer_new(algorithm, "UTF_8");
	if (!s->sb) {
		free(s);
		return PRECIS_ELANG;
	}
	*out = s;
	return 0;
}

void px_stemmer_free(px_stemmer *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->sb);
	free(s);
}

const char *px_stem(px_stemmer *s, const char *word, size_t len, size_t *outlen)
{
	const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
	if (!r)
		return NULL;
	*outlen = (size_t)sb_stemmer_length(s->sb);
	return (const char *)r;
}
