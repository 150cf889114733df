/*
 * rouge: private helpers of the ROUGE scorer (src/rouge.c), for the tests
 * and the CLI. The scorer itself is public (precis_rouge_* in precis.h).
 */
#ifndef PX_ROUGE_H
#define PX_ROUGE_H

#include "precis.h"

/*
 * The tokens of text as r compares them (lowercased or folded, stemmed,
 * WordNet-mapped, stop words dropped, cut by -l/-b), space-separated, one
 * output line per line the scorer sees (for 1.5.5: its n-gram reader's
 * lines). *out is malloc'ed and NUL-terminated. PRECIS_EUTF8 for invalid
 * text.
 */
int px_rouge_tokens(char **out, precis_rouge *r, const char *text);

#endif
