/*
 * clean: turn a scraped news page into an article: drop navigation,
 * credits, widgets, newsletter and consent text, repeated lines; find the
 * headline, the outlet and the agency signatures. Cue phrases come from
 * data files (stopwords/cues/clean-<lang>.txt, agencies.txt).
 */
#ifndef PX_CLEAN_H
#define PX_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

typedef struct px_clean_line {
	precis_span span;   /* the line, without its line end and outer spaces */
	const char *reason; /* NULL when kept; else a static reason ("menu", "credit", "headline", ...) */
} px_clean_line;

/* Most evidence lines kept per page: a page states its date and authors a few times at most. */
#define PX_CLEAN_MAX_EVIDENCE 8

/*
 * A dateline, byline, published or updated line (see clean_evidence.c):
 * not body, but what the page says of its date, outlet and place. Spans
 * are empty when the line does not give the field.
 */
typedef struct px_clean_evidence {
	size_t line;         /* index into lines */
	precis_evidence_kind kind;
	precis_span span;    /* the evidence: its line, or the dateline heading a paragraph */
	precis_span outlet;  /* "Le Figaro", "Reuters", "Associated Press" */
	precis_span place;   /* a dateline's place ("BRUSSELS") or a byline's last word */
	bool agency;         /* outlet names a wire service (agencies.txt) */
} px_clean_evidence;

typedef struct px_clean_result {
	px_clean_line *lines; /* every non-blank line of the input, in order */
	size_t nlines;
	/*
	 * The headline, without site suffix (" | Atlantico.fr") or template
	 * comments ("<!-- -->"): it may end before its line does, and may be the
	 * tail of a breadcrumb. start == end when the page shows none.
	 */
	precis_span headline;
	/*
	 * The outlet's name as the page prints it, trimmed to the name:
	 * "Atlantico" in "Atlantico.fr", "Le Placentin" in "Le Placentin.".
	 * Empty when the page does not show one.
	 */
	precis_span outlet;
	/* Indexes into lines of the agency signatures ("AFP", "(avec AFP)"), in order. */
	size_t *signatures;
	size_t nsignatures;
	/* Evidence lines in page order; their lines are marked "dateline", "byline", ... */
	px_clean_evidence evidence[PX_CLEAN_MAX_EVIDENCE];
	size_t nevidence;
} px_clean_result;

/*
 * Classify every line of text (valid UTF-8) written in lang (NULL: "en").
 * The headline line, when found, is marked with reason "headline" (it is
 * not body); signature lines with "signature". Returns 0, PRECIS_ENOMEM,
 * or PRECIS_EFORMAT when an embedded cue file is malformed.
 */
int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang);
void px_clean_result_free(px_clean_result *r);

/*
 * A copy of the outlet's name as a doc carries it: "Atlantico.fr" ->
 * "Atlantico", "www.x.com" -> "x". NULL when out of memory.
 */
char *px_clean_outlet_name(const char *s, size_t len);

#endif
