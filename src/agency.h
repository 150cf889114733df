/*
 * agency: the news agencies of stopwords/cues/agencies.txt and the one
 * matcher for them. Names match as printed (exact case: "AP" is an agency,
 * "ap" no word of one) and whole words only; every alias names its
 * canonical line ("Agence France-Presse" -> "AFP"). clean uses it for
 * signature and credit lines, meta for the agencies an article cites.
 */
#ifndef PX_AGENCY_H
#define PX_AGENCY_H

#include <stdbool.h>
#include <stddef.h>

#include "token.h"

typedef struct px_agencies px_agencies;

/* The table of agencies.txt, built on first use and shared (NULL: out of memory). */
const px_agencies *px_agency_table(void);

/* Most words in an agency name. */
size_t px_agencies_maxwords(const px_agencies *t);

/* Can an agency name start with byte c? Words that cannot need no lookup. */
bool px_agency_may_start(const px_agencies *t, unsigned char c);

/*
 * The longest agency name that is exactly the first k of the nwords
 * consecutive words of s (byte spans; the caller decides what separates
 * words). Returns k, 0 when no name matches; *canon and *clen get the
 * canonical name (pointing into the embedded data).
 */
size_t px_agency_match(const px_agencies *t, const char *s, const px_token *words, size_t nwords,
		       const char **canon, size_t *clen);

/* Is s[0..len) exactly an agency's name or alias? *canon, *clen as above. */
bool px_agency_exact(const px_agencies *t, const char *s, size_t len, const char **canon,
		     size_t *clen);

#endif
