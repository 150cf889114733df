/*
 * furniture: page furniture inside the body, sentence by sentence. The
 * cleaner drops furniture that has a line of its own; a text without line
 * breaks (research sets ship CNN/Daily Mail so: "By . Daily Mail Reporter .
 * PUBLISHED: . 12:30 EST, 1 January 2014 . | ...") keeps it inside the
 * body. Such sentences are never picked for a summary, but they stay in the
 * document for meta and compare (dates, places, outlets are evidence).
 * The cues are the cleaner's own (stopwords/cues/clean-<lang>.txt and
 * clean-en.txt): what the cleaner drops as a line goes as a sentence.
 */
#ifndef PX_FURNITURE_H
#define PX_FURNITURE_H
#include <stdbool.h>
#include "doc.h"

/* out[i] = sentence i of d is furniture. Returns 0 or PRECIS_ENOMEM. */
int px_furniture_mark(bool *out, const precis_doc *d);

/*
 * Bytes of a leading dateline to leave out of a picked sentence of s[0..len):
 * "(CNN)", "WASHINGTON (CNN) --", "LONDON, England (Reuters) -- ".
 */
size_t px_furniture_dateline(const char *s, size_t len);
#endif
