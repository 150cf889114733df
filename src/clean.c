/*
 * clean: turn a scraped news page into an article. Each non-blank line is
 * kept or dropped with a reason; the headline, the outlet and the agency
 * signatures are found on the way.
 *
 * Passes, from the most specific evidence to layout:
 *   1. each line alone: markup, script, template tokens, breadcrumbs,
 *      photo credits, agency names, cue phrases from the data files,
 *      date lines, bylines;
 *   2. repeats: a paragraph or title printed twice (also nearly), a site
 *      name printed in header and footer;
 *   3. layout: where the body starts (the lead) and ends; runs of short
 *      lines are menus; the headline is looked for above the lead;
 *      unexplained fragments above the lead or below the last paragraph
 *      are page furniture.
 * A real sentence is protected: cue phrases only drop lines up to a
 * length, and layout rules never touch a line that ends like a sentence.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean_priv.h"
#include "doc.h"
#include "error.h"
#include "data.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ---------------------------------------------------------------- API */

static int fill_result(px_clean_result *out, const page *pg)
{
	out->lines = malloc((pg->n ? pg->n : 1) * sizeof *out->lines);
	out->signatures = malloc((pg->n ? pg->n : 1) * sizeof *out->signatures);
	if (!out->lines || !out->signatures)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < pg->n; i++) {
		out->lines[i] = (px_clean_line){ pg->L[i].span, pg->L[i].reason };
		if (px_clean_is_reason(&pg->L[i], "signature"))
			out->signatures[out->nsignatures++] = i;
	}
	out->nlines = pg->n;
	memcpy(out->evidence, pg->evidence, pg->nevidence * sizeof *pg->evidence);
	out->nevidence = pg->nevidence;
	return 0;
}

static int clean_page(px_clean_result *out, page *pg, const char *text, size_t len)
{
	int rc = px_clean_split_lines(pg, text, len);
	if (rc)
		return rc;
	px_clean_classify(pg);
	px_clean_find_evidence(pg);
	px_clean_rescue_sandwiched(pg);
	if ((rc = px_clean_mark_repeats(pg)))
		return rc;
	px_clean_mark_fragments(pg);
	px_clean_find_body(pg);
	px_clean_mark_menus(pg);
	px_clean_place_agencies(pg);
	precis_span head = { 0, 0 }, suffix = { 0, 0 };
	size_t h = px_clean_find_headline(pg, &head, &suffix);
	if (h < pg->n) {
		pg->L[h].reason = "headline";
		out->headline = head;
	}
	out->outlet = px_clean_find_outlet(pg, suffix);
	char *name = NULL;
	if (out->outlet.end > out->outlet.start) {
		size_t fl, ol = out->outlet.end - out->outlet.start;
		char *f = px_clean_fold_line(text + out->outlet.start, ol, &fl);
		if (f && (name = malloc(fl + 1)))
			px_clean_skeleton(name, f, fl, true);
		free(f);
		if (!name)
			return PRECIS_ENOMEM;
	}
	px_clean_mark_furniture(pg, name ? name : "", h);
	free(name);
	return fill_result(out, pg);
}

int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang)
{
	(void)a;
	memset(out, 0, sizeof *out);
	const cueset *cues;
	int rc = px_clean_cues(&cues, lang);
	if (rc)
		return rc;
	page pg = { .text = text, .lang = lang ? lang : "en", .cues = cues };
	rc = clean_page(out, &pg, text, len);
	px_clean_free_lines(pg.L, pg.n);
	free(pg.scratch);
	if (rc)
		px_clean_result_free(out);
	return rc;
}

void px_clean_result_free(px_clean_result *r)
{
	if (!r)
		return;
	free(r->lines);
	free(r->signatures);
	r->lines = NULL;
	r->signatures = NULL;
	r->nlines = 0;
	r->nsignatures = 0;
}

/* "Atlantico.fr" -> "Atlantico", "Le Placentin." -> "Le Placentin", "Associated Press" -> "AP". */
char *px_clean_outlet_name(const char *s, size_t len)
{
	static const char *const tlds[] = { ".fr", ".com", ".net", ".org", ".info", ".co.uk",
					    ".de", ".es", ".it", ".be", ".ch", ".ca", ".eu", NULL };
	while (len && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	for (const char *const *t = tlds; *t; t++) {
		size_t tl = strlen(*t);
		if (len > tl && memcmp(s + len - tl, *t, tl) == 0) {
			len -= tl;
			break;
		}
	}
	if (len > 4 && memcmp(s, "www.", 4) == 0)
		s += 4, len -= 4;
	/* One display name per wire service: "Associated Press" is "AP". */
	const px_agencies *ag = px_agency_table();
	const char *canon;
	size_t clen;
	if (ag && px_agency_exact(ag, s, len, &canon, &clen))
		s = canon, len = clen;
	char *o = malloc(len + 1);
	if (o) {
		memcpy(o, s, len);
		o[len] = '\0';
	}
	return o;
}

/* ------------------------------------------------------ public API */

struct precis_cleaned {
	precis_doc *doc; /* text, language, outlet */
	px_clean_result r;
};

int precis_clean_new(precis_cleaned **out, precis_analyzer *a, const char *text, size_t len,
		     const precis_doc_options *opts, precis_error *err)
{
	precis_doc_options o = opts ? *opts : (precis_doc_options)PRECIS_DOC_OPTIONS_INIT;
	o.clean = false; /* the doc only carries text and language here */
	precis_cleaned *c = calloc(1, sizeof *c);
	if (!c)
		return px_error_set(err, PRECIS_ENOMEM, 0, "out of memory");
	int rc = precis_doc_new(&c->doc, a, text, len, &o, err);
	if (!rc)
		rc = px_clean_text(&c->r, a, c->doc->text, c->doc->len, c->doc->lang);
	if (!rc && c->r.outlet.end > c->r.outlet.start &&
	    !(c->doc->outlet = px_clean_outlet_name(c->doc->text + c->r.outlet.start,
					   c->r.outlet.end - c->r.outlet.start)))
		rc = PRECIS_ENOMEM;
	if (rc) {
		if (err && !err->code)
			px_error_set(err, rc, 0, "%s", precis_strerror(rc));
		precis_cleaned_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void precis_cleaned_free(precis_cleaned *c)
{
	if (!c)
		return;
	px_clean_result_free(&c->r);
	precis_doc_free(c->doc);
	free(c);
}

const char *precis_cleaned_text(const precis_cleaned *c, size_t *len)
{
	return precis_doc_text(c->doc, len);
}

const char *precis_cleaned_language(const precis_cleaned *c)
{
	return c->doc->lang;
}

size_t precis_cleaned_line_count(const precis_cleaned *c)
{
	return c->r.nlines;
}

precis_span precis_cleaned_line(const precis_cleaned *c, size_t i, const char **reason)
{
	if (i >= c->r.nlines) {
		*reason = NULL;
		return (precis_span){ 0, 0 };
	}
	*reason = c->r.lines[i].reason;
	return c->r.lines[i].span;
}

precis_span precis_cleaned_headline(const precis_cleaned *c)
{
	return c->r.headline;
}

const char *precis_cleaned_outlet(const precis_cleaned *c)
{
	return c->doc->outlet;
}
