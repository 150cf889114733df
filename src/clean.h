/*
 * clean: turn a scraped news page into an article: drop navigation,
 * credits, widgets, newsletter and consent text, repeated lines; find the
 * headline. Cue words come from data files (stopwords/cues/<lang>.txt).
 */
#ifndef PX_CLEAN_H
#define PX_CLEAN_H

#include <stddef.h>

#include "precis.h"

typedef struct px_clean_line {
	precis_span span;   /* the line, without its line end */
	const char *reason; /* NULL when kept; else a static reason ("menu", "credit", "headline", ...) */
} px_clean_line;

typedef struct px_clean_result {
	px_clean_line *lines; /* every non-blank line of the input, in order */
	size_t nlines;
	precis_span headline; /* start == end when none was found */
	precis_span outlet;   /* the site's name as printed ("Atlantico.fr"), or empty */
} px_clean_result;

/*
 * Classify every line of text (valid UTF-8) written in lang. The headline
 * line, when found, is marked with reason "headline" (it is not body).
 */
int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang);
void px_clean_result_free(px_clean_result *r);

#endif
