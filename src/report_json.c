/*
 * report_json: the documented JSON outputs. The comparison (schema in
 * docs/compare-schema.md), then an article's metadata (docs/meta-schema.md)
 * and summaries (precis(1)), so every JSON the CLI prints comes from here.
 */
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "compare.h"
#include "report.h"

static json_t *strs(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *opt_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* NaN (not computed: no headline) as null. */
static json_t *opt_real(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static json_t *terms(const px_term *t, size_t n, const char *score)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "term", json_string(t[i].name));
		json_object_set_new(o, score, json_real(t[i].score));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *ids(const precis_comparison *c, const size_t *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(c->articles[v[i]].id));
	return a;
}

static json_t *facts(const precis_comparison *c, const px_fact *f, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "text", json_string(f[i].text));
		json_object_set_new(o, "articles", ids(c, f[i].articles, f[i].narticles));
		json_object_set_new(o, "match", json_string(f[i].anchored ? "anchors" : "wording"));
		if (f[i].anchored)
			json_object_set_new(o, "anchors", strs(f[i].anchors, f[i].nanchors));
		json_array_append_new(a, o);
	}
	return a;
}

/* The story's languages, in article order, each once. */
static json_t *story_languages(const precis_comparison *c, const px_story *st)
{
	json_t *v = json_array();
	for (size_t x = 0; x < st->narticles; x++) {
		const char *l = c->articles[st->articles[x]].lang;
		bool seen = false;
		for (size_t y = 0; y < x && !seen; y++)
			seen = strcmp(c->articles[st->articles[y]].lang, l) == 0;
		if (!seen)
			json_array_append_new(v, json_string(l));
	}
	return v;
}

/* The reader's form of an ISO 8601 date (report.c), null when there is none. */
static json_t *date_text(const char *iso)
{
	char text[PX_DATE_TEXT_MAX];
	return px_report_date_text(text, iso) ? json_string(text) : json_null();
}

static json_t *article(const px_article *a)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(a->id));
	json_object_set_new(o, "outlet", opt_str(a->outlet));
	json_object_set_new(o, "headline", opt_str(a->headline));
	json_object_set_new(o, "date", opt_str(a->date));
	json_object_set_new(o, "date_text", date_text(a->date));
	json_object_set_new(o, "event_date", opt_str(a->event_date));
	json_object_set_new(o, "event_date_text", date_text(a->event_date));
	json_object_set_new(o, "event_date_source", opt_str(a->event_date_source));
	json_object_set_new(o, "date_warning", opt_str(a->date_warning));
	json_object_set_new(o, "url", opt_str(a->url));
	json_object_set_new(o, "language", json_string(a->lang));
	json_object_set_new(o, "words", json_integer((json_int_t)a->words));
	json_object_set_new(o, "sentences", json_integer((json_int_t)a->nsentences));
	json_object_set_new(o, "agencies", strs(a->agencies, a->nagencies));
	json_object_set_new(o, "photo_credits", strs(a->credited, a->ncredited));
	json_object_set_new(o, "places", strs(a->places, a->nplaces));
	json_object_set_new(o, "persons", strs(a->persons, a->npersons));
	json_object_set_new(o, "lead", json_string(a->lead));
	json_object_set_new(o, "summary", strs(a->summary, a->nsummary));
	json_t *q = json_array();
	for (size_t i = 0; i < a->nquotes; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "speaker", opt_str(a->quotes[i].speaker));
		json_object_set_new(x, "text", json_string(a->quotes[i].text));
		json_array_append_new(q, x);
	}
	json_object_set_new(o, "quotes", q);
	json_t *h = json_object();
	json_object_set_new(h, "subject", opt_str(a->subject));
	json_object_set_new(h, "key_terms", terms(a->head_terms, a->nhead_terms, "idf"));
	json_object_set_new(h, "rouge1_f_vs_lead", opt_real(a->head_vs_lead));
	json_object_set_new(h, "rouge1_f_vs_summary", opt_real(a->head_vs_summary));
	json_object_set_new(o, "headline_analysis", h);
	json_object_set_new(o, "unique_facts", strs(a->unique, a->nunique));
	json_object_set_new(o, "unique_unchecked", json_integer((json_int_t)a->unchecked));
	json_object_set_new(o, "distinctive_terms", terms(a->distinctive, a->ndistinctive, "z"));
	json_object_set_new(o, "distinctive_peers", json_integer((json_int_t)a->distinctive_peers));
	json_object_set_new(o, "story", json_integer(a->story));
	if (a->problem)
		json_object_set_new(o, "problem", json_string(a->problem));
	return o;
}

static json_t *record_errors(const precis_comparison *c)
{
	json_t *errors = json_array();
	for (size_t k = 0; k < c->nerrors; k++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(c->errors[k].id));
		json_object_set_new(o, "reason", json_string(c->errors[k].reason));
		json_array_append_new(errors, o);
	}
	return errors;
}

static json_t *decisions(const precis_comparison *c)
{
	json_t *d = json_array();
	for (size_t k = 0; k < c->ndecisions; k++) {
		const px_decision *x = &c->decisions[k];
		json_t *o = json_object();
		json_object_set_new(o, "a", json_string(c->articles[x->a].id));
		json_object_set_new(o, "b", json_string(c->articles[x->b].id));
		json_object_set_new(o, "score", json_real(x->score));
		json_object_set_new(o, "linked", json_boolean(x->linked));
		json_object_set_new(o, "evidence", json_string(x->evidence));
		json_t *f = json_object();
		for (size_t q = 0; q < PX_PAIR_NFEATURES; q++)
			json_object_set_new(f, px_pair_feature_names[q], json_real(x->features[q]));
		json_object_set_new(o, "features", f);
		json_array_append_new(d, o);
	}
	return d;
}

int precis_report_json(const precis_comparison *c, FILE *fp)
{
	json_t *root = json_object();
	json_object_set_new(root, "schema", json_string("precis-compare/1"));
	json_object_set_new(root, "threshold", json_real(c->threshold));
	json_t *arts = json_array();
	for (size_t i = 0; i < c->narticles; i++)
		json_array_append_new(arts, article(&c->articles[i]));
	json_object_set_new(root, "articles", arts);
	json_t *stories = json_array();
	for (size_t s = 0; s < c->nstories; s++) {
		const px_story *st = &c->stories[s];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer((json_int_t)s));
		json_object_set_new(o, "label", json_string(st->label));
		json_object_set_new(o, "date", opt_str(st->date));
		json_object_set_new(o, "date_text", date_text(st->date));
		json_object_set_new(o, "articles", ids(c, st->articles, st->narticles));
		json_object_set_new(o, "languages", story_languages(c, st));
		json_object_set_new(o, "languages_compared", json_boolean(st->nlangs > 1));
		json_object_set_new(o, "shared_facts", facts(c, st->shared, st->nshared));
		json_object_set_new(o, "consensus", facts(c, st->consensus, st->nconsensus));
		json_array_append_new(stories, o);
	}
	json_object_set_new(root, "stories", stories);
	json_t *reuse = json_array();
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		json_t *o = json_object();
		json_object_set_new(o, "a", json_string(c->articles[x->a].id));
		json_object_set_new(o, "b", json_string(c->articles[x->b].id));
		json_object_set_new(o, "share_a", json_real(x->share_a));
		json_object_set_new(o, "share_b", json_real(x->share_b));
		json_object_set_new(o, "agency", opt_str(x->agency));
		json_object_set_new(o, "passages", strs(x->passages, x->npassages));
		json_array_append_new(reuse, o);
	}
	json_object_set_new(root, "reuse", reuse);
	json_object_set_new(root, "errors", record_errors(c));
	if (c->sim) {
		json_t *m = json_array();
		for (size_t i = 0; i < c->narticles; i++) {
			json_t *row = json_array();
			for (size_t j = 0; j < c->narticles; j++)
				json_array_append_new(row, json_real(c->sim[i * c->narticles + j]));
			json_array_append_new(m, row);
		}
		json_object_set_new(root, "similarity", m);
	} else {
		json_object_set_new(root, "similarity", json_null());
	}
	if (c->ndecisions)
		json_object_set_new(root, "decisions", decisions(c));
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	fputc('\n', fp);
	json_decref(root);
	return rc ? PRECIS_EIO : 0;
}

/* ------------------------------------------------------------- metadata */
/* `precis meta` JSON, schema in docs/meta-schema.md. */

static json_t *meta_ymd(precis_ymd d)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
	return json_string(buf);
}

static json_t *meta_span(const char *text, precis_span s)
{
	return json_stringn(text + s.start, s.end - s.start);
}

static json_t *meta_entities(const precis_entity *e, size_t n, bool variants, bool credits)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(e[i].name));
		json_object_set_new(o, "key", json_string(e[i].key));
		json_object_set_new(o, "mentions", json_integer((json_int_t)e[i].mentions));
		json_object_set_new(o, "first", json_integer((json_int_t)e[i].first));
		if (credits)
			json_object_set_new(o, "credits", json_integer((json_int_t)e[i].credits));
		if (variants) {
			json_t *v = json_array();
			for (const char *const *p = e[i].variants; *p; p++)
				json_array_append_new(v, json_string(*p));
			json_object_set_new(o, "variants", v);
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

/* The fields the text gives, then from/to when the date resolves against ref. */
static json_t *meta_date(const char *text, const precis_date *d, precis_ymd ref)
{
	json_t *x = json_object();
	json_object_set_new(x, "text", meta_span(text, d->span));
	json_object_set_new(x, "start", json_integer((json_int_t)d->span.start));
	json_object_set_new(x, "end", json_integer((json_int_t)d->span.end));
	json_object_set_new(x, "kind", json_string(precis_date_kind_name(d->kind)));
	if (d->year)
		json_object_set_new(x, "year", json_integer(d->year));
	if (d->month)
		json_object_set_new(x, "month", json_integer(d->month));
	if (d->day)
		json_object_set_new(x, "day", json_integer(d->day));
	if (d->day_end)
		json_object_set_new(x, "day_end", json_integer(d->day_end));
	if (d->weekday)
		json_object_set_new(x, "weekday", json_integer(d->weekday));
	if (d->last)
		json_object_set_new(x, "last", json_true());
	if (d->next)
		json_object_set_new(x, "next", json_true());
	if (d->future)
		json_object_set_new(x, "future", json_true());
	if (d->kind == PRECIS_DATE_RELATIVE) {
		char off[32];
		snprintf(off, sizeof off, "%+d%c", d->offset, d->offset_unit);
		json_object_set_new(x, "offset", json_string(off));
	}
	precis_ymd first, last;
	if (precis_date_resolve(&first, &last, d, ref) == 0) {
		json_object_set_new(x, "from", meta_ymd(first));
		json_object_set_new(x, "to", meta_ymd(last));
	}
	return x;
}

static json_t *meta_quotes(const char *text, const precis_meta *m)
{
	size_t n;
	const precis_quote *q = precis_meta_quotes(m, &n);
	json_t *quotes = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "text", meta_span(text, q[i].span));
		json_object_set_new(x, "start", json_integer((json_int_t)q[i].span.start));
		json_object_set_new(x, "end", json_integer((json_int_t)q[i].span.end));
		json_object_set_new(x, "speaker",
				    q[i].speaker ? json_string(q[i].speaker) : json_null());
		json_array_append_new(quotes, x);
	}
	return quotes;
}

/* A date as ISO 8601: "2024-03-04", "--03-04" without a year, null without a day. */
static json_t *evidence_date(precis_ymd y)
{
	char b[48];
	if (y.month == 0 || y.day == 0)
		return json_null();
	if (y.year > 0)
		snprintf(b, sizeof b, "%04d-%02d-%02d", y.year, y.month, y.day);
	else
		snprintf(b, sizeof b, "--%02d-%02d", y.month, y.day);
	return json_string(b);
}

/*
 * What the page says of itself, and which of its lines said it: each
 * evidence line lists in "used_for" the fields it gave ("date": the
 * published date; "outlet": the outlet shown; "place": the dateline's).
 */
static json_t *evidence_line(const char *text, const precis_evidence *e, bool date, bool outlet,
			     bool place)
{
	json_t *x = json_object();
	json_object_set_new(x, "kind", json_string(precis_evidence_kind_name(e->kind)));
	json_object_set_new(x, "line", json_integer((json_int_t)e->line));
	json_object_set_new(x, "start", json_integer((json_int_t)e->span.start));
	json_object_set_new(x, "end", json_integer((json_int_t)e->span.end));
	json_object_set_new(x, "text", json_stringn(text + e->span.start, e->span.end - e->span.start));
	json_object_set_new(x, "outlet", e->outlet ? json_string(e->outlet) : json_null());
	json_object_set_new(x, "place", e->place ? json_string(e->place) : json_null());
	json_object_set_new(x, "date", evidence_date(e->date));
	json_t *u = json_array();
	if (date)
		json_array_append_new(u, json_string("date"));
	if (outlet)
		json_array_append_new(u, json_string("outlet"));
	if (place)
		json_array_append_new(u, json_string("place"));
	json_object_set_new(x, "used_for", u);
	return x;
}

static void meta_evidence(json_t *o, const char *text, const precis_doc *doc, const precis_meta *m)
{
	size_t n, which = (size_t)-1;
	const precis_evidence *e = precis_meta_evidence(m, &n);
	precis_ymd pub;
	bool has_pub = precis_meta_published(m, &pub, &which) == 0;
	json_object_set_new(o, "published", has_pub ? evidence_date(pub) : json_null());
	const char *place = precis_meta_dateline_place(m);
	json_object_set_new(o, "dateline_place", place ? json_string(place) : json_null());
	json_object_set_new(o, "date_warning",
			    precis_meta_pubdate_invalid(m)
				    ? json_string("date is not ISO 8601 (YYYY-MM-DD): ignored")
				    : json_null());
	const char *outlet = precis_doc_outlet(doc);
	bool outlet_used = false, place_used = false;
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		bool uo = !outlet_used && outlet && e[i].outlet && strcmp(outlet, e[i].outlet) == 0;
		bool up = !place_used && place && e[i].place == place;
		outlet_used |= uo;
		place_used |= up;
		json_array_append_new(a, evidence_line(text, &e[i], has_pub && i == which, uo, up));
	}
	json_object_set_new(o, "evidence", a);
}

static json_t *meta_object(const precis_doc *doc, const precis_meta *m, const char *name,
			   const char *pubdate)
{
	const char *text = precis_doc_text(doc, NULL);
	json_t *o = json_object();
	json_object_set_new(o, "file", json_string(name));
	precis_span h = precis_doc_headline(doc);
	json_object_set_new(o, "headline", h.end > h.start ? meta_span(text, h) : json_null());
	const char *outlet = precis_doc_outlet(doc);
	json_object_set_new(o, "outlet", outlet ? json_string(outlet) : json_null());
	json_object_set_new(o, "language", json_string(precis_doc_language(doc)));
	json_object_set_new(o, "date", pubdate ? json_string(pubdate) : json_null());
	precis_ymd first, last, ref = { 0, 0, 0 };
	/* Without --date, the date the page states resolves "Wednesday" and "hier". */
	if (!pubdate || precis_ymd_parse(&ref, pubdate) != 0)
		precis_meta_published(m, &ref, NULL);
	json_t *ev = json_null();
	if (precis_meta_event_date(m, &first, &last) == 0) {
		ev = json_object();
		json_object_set_new(ev, "from", meta_ymd(first));
		json_object_set_new(ev, "to", meta_ymd(last));
	}
	json_object_set_new(o, "event_date", ev);
	size_t n;
	const precis_date *d = precis_meta_dates(m, &n);
	json_t *dates = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(dates, meta_date(text, &d[i], ref));
	json_object_set_new(o, "dates", dates);
	const precis_entity *e = precis_meta_places(m, &n);
	json_object_set_new(o, "places", meta_entities(e, n, false, false));
	e = precis_meta_persons(m, &n);
	json_object_set_new(o, "persons", meta_entities(e, n, true, false));
	e = precis_meta_agencies(m, &n);
	json_object_set_new(o, "agencies", meta_entities(e, n, false, true));
	json_object_set_new(o, "quotes", meta_quotes(text, m));
	meta_evidence(o, text, doc, m);
	return o;
}

/* jansson reports a failed allocation as a NULL somewhere down the tree:
 * dumping then fails, which is the one check that covers every node. */
static int dump_json(json_t *o, FILE *fp, size_t flags, bool newline)
{
	if (!o)
		return PRECIS_ENOMEM;
	int rc = json_dumpf(o, fp, flags) == 0 ? 0 : PRECIS_EIO;
	json_decref(o);
	if (!rc && newline && fputc('\n', fp) == EOF)
		rc = PRECIS_EIO;
	return rc;
}

int precis_report_meta_json(const precis_doc *doc, const precis_meta *m, const char *name,
			    const char *pubdate, FILE *fp)
{
	if (!doc || !m || !name || !fp)
		return PRECIS_EINVAL;
	return dump_json(meta_object(doc, m, name, pubdate), fp, JSON_INDENT(2), true);
}

/* -------------------------------------------------------------- summaries */
/* `precis summarize --format json` and `--jsonl`, described in precis(1). */

/* Picked sentences: their texts (JSONL), or index, score, offsets and text. */
static json_t *summary_picks(const precis_doc *doc, const precis_summary *s, bool detail)
{
	const char *text = precis_doc_text(doc, NULL);
	json_t *picks = json_array();
	for (size_t k = 0; k < precis_summary_count(s); k++) {
		const precis_pick *p = &precis_summary_picks(s)[k];
		json_t *t = json_stringn(text + p->span.start, p->span.end - p->span.start);
		if (!detail) {
			json_array_append_new(picks, t);
			continue;
		}
		json_t *o = json_object();
		json_object_set_new(o, "index", json_integer((json_int_t)p->index));
		json_object_set_new(o, "score", json_real(p->score));
		json_object_set_new(o, "start", json_integer((json_int_t)p->span.start));
		json_object_set_new(o, "end", json_integer((json_int_t)p->span.end));
		json_object_set_new(o, "text", t);
		json_array_append_new(picks, o);
	}
	return picks;
}

/* Indent every line after the first by `pad` spaces: entries of a streamed
 * array sit where json_dumpf would have put them in the whole document. */
static int write_indented(const char *s, int pad, FILE *fp)
{
	for (; *s; s++) {
		if (fputc(*s, fp) == EOF)
			return PRECIS_EIO;
		if (*s == '\n' && fprintf(fp, "%*s", pad, "") < 0)
			return PRECIS_EIO;
	}
	return 0;
}

int precis_report_summary_json(const precis_doc *doc, const precis_summary *s, const char *name,
			       size_t index, FILE *fp)
{
	if (!doc || !s || !name || !fp)
		return PRECIS_EINVAL;
	json_t *o = json_object();
	precis_span h = precis_doc_headline(doc);
	json_object_set_new(o, "file", json_string(name));
	json_object_set_new(o, "language", json_string(precis_doc_language(doc)));
	json_object_set_new(o, "headline",
			    h.end > h.start ? json_stringn(precis_doc_text(doc, NULL) + h.start,
							   h.end - h.start)
					    : json_null());
	json_object_set_new(o, "sentences",
			    json_integer((json_int_t)precis_doc_sentence_count(doc)));
	json_object_set_new(o, "summary", summary_picks(doc, s, true));
	/* Ten significant digits: scores compare across runs without float noise. */
	char *text = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	json_decref(o);
	if (!text)
		return PRECIS_ENOMEM;
	int rc = fputs(index == 0 ? "{\n  \"summaries\": [\n    " : ",\n    ", fp) == EOF
			 ? PRECIS_EIO
			 : write_indented(text, 4, fp);
	free(text);
	return rc;
}

int precis_report_summary_json_end(size_t count, FILE *fp)
{
	if (!fp)
		return PRECIS_EINVAL;
	const char *tail = count ? "\n  ]\n}\n" : "{\n  \"summaries\": []\n}\n";
	return fputs(tail, fp) == EOF ? PRECIS_EIO : 0;
}

int precis_report_summary_jsonl(const precis_doc *doc, const precis_summary *s,
				const char *id_json, size_t line, FILE *fp)
{
	if (!doc || !s || !fp)
		return PRECIS_EINVAL;
	json_t *id = NULL;
	if (id_json) {
		id = json_loads(id_json, JSON_DECODE_ANY, NULL);
		if (!json_is_string(id) && !json_is_integer(id)) {
			json_decref(id);
			return PRECIS_EINVAL;
		}
	}
	json_t *o = json_object();
	if (id)
		json_object_set_new(o, "id", id);
	else
		json_object_set_new(o, "line", json_integer((json_int_t)line));
	json_object_set_new(o, "language", json_string(precis_doc_language(doc)));
	json_object_set_new(o, "summary", summary_picks(doc, s, false));
	json_t *idx = json_array();
	for (size_t k = 0; k < precis_summary_count(s); k++)
		json_array_append_new(idx,
				      json_integer((json_int_t)precis_summary_picks(s)[k].index));
	json_object_set_new(o, "indices", idx);
	return dump_json(o, fp, JSON_COMPACT, false);
}
