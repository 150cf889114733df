/*
 * report: the vocabulary the comparison renderers share (report_md.c,
 * report_html.c): who an article is, how a score, a date or a list reads,
 * how many stories stand alone. Written once and told how to escape, the
 * way cmark's render.c takes each format's outc.
 */
#ifndef PX_REPORT_H
#define PX_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "compare.h"

typedef struct px_render {
	FILE *fp;
	/* Writes s escaped for the format; s may be NULL (the format decides what that reads as). */
	void (*esc)(FILE *fp, const char *s);
	const char *none;     /* a missing value: "-" in Markdown, "&ndash;" in HTML */
	const char *in_text;  /* marks a date the text states rather than the input gives */
} px_render;

/* The outlet, or the article id when the outlet is unknown. */
const char *px_report_name_of(const px_article *a);
/* A score with two decimals, none for NaN. */
void px_report_score(const px_render *r, double v);
/*
 * An ISO 8601 date as a reader says it, in English: "2024-03-07" ->
 * "7 March 2024", "--03-07" -> "7 March (year not given)", "2024-03" ->
 * "March 2024", "2024", a range "2024-03-04/2024-03-07" -> "4-7 March
 * 2024" (en dash), a date-time -> its day. Returns false, with buf empty,
 * for anything else (the caller shows the text as given).
 */
#define PX_DATE_TEXT_MAX 64
bool px_report_date_text(char buf[PX_DATE_TEXT_MAX], const char *iso);
/* iso through px_report_date_text, escaped as given when not understood; none for NULL. */
void px_report_date(const px_render *r, const char *iso);
/* The publication date when given, else the event date the text states, else none. */
void px_report_date_of(const px_render *r, const px_article *a);
/*
 * Whether another article of c shows under the same name as article i, so
 * a label naming articles (the similarity matrix) must add the id.
 */
bool px_report_name_shared(const precis_comparison *c, size_t i);
/* Article i by its shown name, and its id in parentheses when another article shows the same. */
void px_report_label(const px_render *r, const precis_comparison *c, size_t i);
/*
 * The articles of c sorted by shown name (ties in input order), so one
 * outlet's articles are adjacent: *out is malloc'ed, the caller frees it.
 */
int px_report_by_name(const px_article ***out, const precis_comparison *c);
/*
 * Who covered what: one row per outlet (by the name shown, sorted, so
 * one outlet's articles count once), with how many of its articles each
 * of the first nstories stories holds. Past PX_OVERVIEW_STORIES stories a
 * table wraps more than it reads: the renderers say how many are left out.
 */
#define PX_OVERVIEW_STORIES 30
typedef struct px_coverage {
	const px_article **outlet; /* an article of each row's outlet */
	size_t *count;             /* nrows x nstories */
	size_t nrows, nstories;
} px_coverage;
int px_report_coverage(px_coverage *cv, const precis_comparison *c);
void px_report_coverage_free(px_coverage *cv);

/* Whether url may become a link: http(s), no space, control or bidi byte. */
bool px_report_url_ok(const char *url);
/* v[0..n) escaped, joined by ", "; none when n is 0. */
void px_report_list(const px_render *r, char *const *v, size_t n);
/* The agencies an article names or signs, then "photo: ..." for those only credited for a picture. */
void px_report_agencies(const px_render *r, const px_article *a);
/* Stories covered by one article only. */
size_t px_report_single_count(const precis_comparison *c);
/* Whether both articles of a reuse pair are in the given story. */
bool px_report_reuse_in_story(const precis_comparison *c, const px_reuse *x, int story);

#endif
