/* doc: read an article into sentences and stemmed terms. */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "clean.h"
#include "doc.h"
#include "error.h"
#include "sentence.h"
#include "text.h"
#include "vec.h"

typedef struct {
	uint32_t *v;
	size_t n, cap;
} u32vec;

static int u32_push(u32vec *v, uint32_t x)
{
	if (px_vec_reserve((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v) != 0)
		return PRECIS_ENOMEM;
	v->v[v->n++] = x;
	return 0;
}

struct collect {
	precis_doc *doc;
	u32vec ids;   /* term ids of the current unit, in text order */
	size_t words;
};

static int on_word(const px_word *w, void *ctx)
{
	struct collect *c = ctx;
	c->words++;
	if (w->stop)
		return 0;
	int64_t id;
	int rc = px_strmap_intern(c->doc->vocab, w->stem, w->stem_len, &id, NULL);
	if (rc)
		return rc;
	if (id > UINT32_MAX)
		return PRECIS_ETOOBIG;
	return u32_push(&c->ids, (uint32_t)id);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sort the unit's ids and count duplicates in place: ids[k], tf[k]. */
static size_t count_terms(uint32_t *ids, size_t n, uint32_t *tf)
{
	if (n == 0)
		return 0;
	qsort(ids, n, sizeof *ids, cmp_u32);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (o > 0 && ids[o - 1] == ids[i]) {
			tf[o - 1]++;
			continue;
		}
		ids[o] = ids[i];
		tf[o] = 1;
		o++;
	}
	return o;
}

/* Analyse every sentence (and the title) into px_terms backed by one arena. */
static int analyse(precis_doc *d, precis_analyzer *a, const char *title, size_t title_len)
{
	struct collect c = { d, { 0 }, 0 };
	size_t *starts = malloc((d->nsents + 2) * sizeof *starts);
	d->words = calloc(d->nsents + 1, sizeof *d->words);
	d->terms = calloc(d->nsents + 1, sizeof *d->terms);
	if (!starts || !d->words || !d->terms) {
		free(starts);
		return PRECIS_ENOMEM;
	}
	int rc = 0;
	for (size_t i = 0; i <= d->nsents && !rc; i++) {
		starts[i] = c.ids.n;
		c.words = 0;
		if (i < d->nsents)
			rc = px_analyze(a, d->lang, d->text + d->sents[i].start,
					d->sents[i].end - d->sents[i].start, PX_ANALYZE_STEM,
					on_word, &c);
		else if (title_len)
			rc = px_analyze(a, d->lang, title, title_len, PX_ANALYZE_STEM, on_word, &c);
		if (i < d->nsents)
			d->words[i] = c.words;
	}
	starts[d->nsents + 1] = c.ids.n;
	if (rc) {
		free(starts);
		free(c.ids.v);
		return rc;
	}
	/* Arena: ids then counts, each unit compacted at its own start. */
	size_t total = c.ids.n;
	d->term_arena = malloc((total ? total : 1) * 2 * sizeof *d->term_arena);
	if (!d->term_arena) {
		free(starts);
		free(c.ids.v);
		return PRECIS_ENOMEM;
	}
	if (total)
		memcpy(d->term_arena, c.ids.v, total * sizeof *c.ids.v);
	free(c.ids.v);
	for (size_t i = 0; i <= d->nsents; i++) {
		px_terms *t = i < d->nsents ? &d->terms[i] : &d->title_terms;
		t->id = d->term_arena + starts[i];
		t->tf = d->term_arena + total + starts[i];
		t->n = count_terms(t->id, starts[i + 1] - starts[i], t->tf);
	}
	free(starts);
	return 0;
}

/* Ends with . ! ? or an ellipsis, maybe followed by closing quotes or brackets. */
static bool ends_like_sentence(const char *s, size_t len)
{
	while (len) {
		size_t i = len - 1;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
			return true;
		if (!(cp == '"' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D ||
		      cp == 0x2019 || px_cp_is_space(cp)))
			return false;
		len = i;
	}
	return false;
}

/* A unit with no word at all ("***", "--", a lone quote mark) is not a sentence. */
static void drop_wordless(precis_doc *d)
{
	size_t o = 0;
	for (size_t i = 0; i < d->nsents; i++) {
		if (d->words[i] == 0)
			continue;
		d->sents[o] = d->sents[i];
		d->words[o] = d->words[i];
		d->complete[o] = d->complete[i];
		d->terms[o] = d->terms[i];
		o++;
	}
	d->nsents = o;
}

/* Dropped for position and shape alone, not for what the line says. */
static bool is_layout_drop(const char *reason)
{
	static const char *const layout[] = { "header", "footer", "headline" };
	for (size_t k = 0; reason && k < sizeof layout / sizeof *layout; k++)
		if (strcmp(reason, layout[k]) == 0)
			return true;
	return false;
}

static int find_regions(precis_doc *d, precis_analyzer *a, const precis_doc_options *o,
			precis_span **regions, size_t *nregions)
{
	*regions = NULL;
	*nregions = 0;
	if (!o->clean)
		return 0;
	px_clean_result cr;
	int rc = px_clean_text(&cr, a, d->text, d->len, d->lang);
	if (rc)
		return rc;
	precis_span *r = malloc((cr.nlines ? cr.nlines : 1) * sizeof *r);
	if (!r) {
		px_clean_result_free(&cr);
		return PRECIS_ENOMEM;
	}
	size_t n = 0;
	for (size_t i = 0; i < cr.nlines; i++)
		if (!cr.lines[i].reason)
			r[n++] = cr.lines[i].span;
	/*
	 * No body at all: a bare headline or a one-line brief. Its lines were
	 * dropped only for where they sit and how they end (no final stop),
	 * so they are the text, not furniture around it (issue 11: such
	 * records were lost). Cue-list drops (menus, cookies) stay dropped.
	 */
	size_t body = n;
	for (size_t i = 0; body == 0 && i < cr.nlines; i++)
		if (is_layout_drop(cr.lines[i].reason))
			r[n++] = cr.lines[i].span;
	d->headline = cr.headline;
	/* A lone line with no title given is a bare headline: also its headline. */
	if (body == 0 && n == 1 && cr.nlines == 1 && !o->title && d->headline.end <= d->headline.start)
		d->headline = r[0];
	if (cr.outlet.end > cr.outlet.start &&
	    !(d->outlet = px_clean_outlet_name(d->text + cr.outlet.start, cr.outlet.end - cr.outlet.start))) {
		px_clean_result_free(&cr);
		free(r);
		return PRECIS_ENOMEM;
	}
	px_clean_result_free(&cr);
	*regions = r;
	*nregions = n;
	return 0;
}

static int load_text(precis_doc *d, const char *text, size_t len, const precis_doc_options *o,
		     precis_error *err)
{
	if (o->max_bytes && len > o->max_bytes)
		return px_error_set(err, PRECIS_ETOOBIG, 0,
				    "input of %zu bytes exceeds the limit of %zu bytes", len,
				    o->max_bytes);
	if (o->lossy) {
		if (len >= 2 && (((unsigned char)text[0] == 0xFF && (unsigned char)text[1] == 0xFE) ||
				 ((unsigned char)text[0] == 0xFE && (unsigned char)text[1] == 0xFF)))
			return px_error_set(err, PRECIS_EBINARY, 0,
					    "UTF-16 byte order mark: convert the file to UTF-8");
		return px_text_repair(&d->text, &d->len, text, len);
	}
	int rc = px_text_check(text, len, err);
	if (rc) {
		px_error_locate(err, text, len);
		return rc;
	}
	d->text = malloc(len + 1);
	if (!d->text)
		return PRECIS_ENOMEM;
	memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	return 0;
}

int precis_doc_new(precis_doc **out, precis_analyzer *a, const char *text, size_t len,
		   const precis_doc_options *opts, precis_error *err)
{
	precis_doc_options defaults = PRECIS_DOC_OPTIONS_INIT;
	const precis_doc_options *o = opts ? opts : &defaults;
	if (!out || !a || (!text && len))
		return px_error_set(err, PRECIS_EINVAL, 0, "invalid argument");
	if (o->version != PRECIS_DOC_OPTIONS_VERSION)
		return px_error_set(err, PRECIS_EINVAL, 0, "precis_doc_options: unknown version");
	if (err)
		memset(err, 0, sizeof *err);
	precis_doc *d = calloc(1, sizeof *d);
	if (!d)
		return px_error_set(err, PRECIS_ENOMEM, 0, "out of memory");
	int rc = load_text(d, text ? text : "", len, o, err);
	if (rc)
		goto fail;
	if (!o->lang || strcmp(o->lang, "auto") == 0) {
		const char *code;
		if ((rc = precis_detect_language(&code, a, d->text, d->len)))
			goto fail;
		snprintf(d->lang, sizeof d->lang, "%s", code);
	} else if (!precis_language_supported(o->lang)) {
		rc = px_error_set(err, PRECIS_ELANG, 0, "unsupported language '%s'", o->lang);
		goto fail;
	} else {
		snprintf(d->lang, sizeof d->lang, "%s", o->lang);
	}
	if ((rc = px_strmap_new(&d->vocab)))
		goto fail;
	precis_span *regions;
	size_t nregions;
	if ((rc = find_regions(d, a, o, &regions, &nregions)))
		goto fail;
	if (o->clean && nregions == 0) {
		free(regions); /* only boilerplate: a document without sentences */
		d->nsents = 0;
	} else {
		rc = px_sentence_split(&d->sents, &d->nsents, d->text, d->len, regions, nregions,
				       d->lang);
		free(regions);
		if (rc)
			goto fail;
	}
	const char *title = o->title;
	size_t title_len = title ? strlen(title) : 0;
	if (!title && d->headline.end > d->headline.start) {
		title = d->text + d->headline.start;
		title_len = d->headline.end - d->headline.start;
	}
	if (title && px_text_check(title, title_len, NULL) != 0)
		title_len = 0; /* an invalid title only loses the headline prior */
	if ((rc = analyse(d, a, title, title_len)))
		goto fail;
	if (!(d->complete = malloc((d->nsents ? d->nsents : 1) * sizeof *d->complete))) {
		rc = PRECIS_ENOMEM;
		goto fail;
	}
	for (size_t i = 0; i < d->nsents; i++)
		d->complete[i] = ends_like_sentence(d->text + d->sents[i].start,
						    d->sents[i].end - d->sents[i].start);
	drop_wordless(d);
	*out = d;
	return 0;
fail:
	if (err && !err->code)
		px_error_set(err, rc, 0, "%s", precis_strerror(rc));
	precis_doc_free(d);
	return rc;
}

void precis_doc_free(precis_doc *d)
{
	if (!d)
		return;
	free(d->text);
	free(d->outlet);
	free(d->sents);
	free(d->words);
	free(d->complete);
	free(d->terms);
	free(d->term_arena);
	px_strmap_free(d->vocab);
	free(d);
}

const char *precis_doc_text(const precis_doc *d, size_t *len)
{
	if (len)
		*len = d->len;
	return d->text;
}

const char *precis_doc_language(const precis_doc *d)
{
	return d->lang;
}

size_t precis_doc_sentence_count(const precis_doc *d)
{
	return d->nsents;
}

precis_span precis_doc_sentence(const precis_doc *d, size_t i)
{
	return i < d->nsents ? d->sents[i] : (precis_span){ 0, 0 };
}

precis_span precis_doc_headline(const precis_doc *d)
{
	return d->headline;
}

size_t precis_doc_sentence_words(const precis_doc *d, size_t i)
{
	return i < d->nsents ? d->words[i] : 0;
}

const char *precis_doc_outlet(const precis_doc *d)
{
	return d->outlet;
}
