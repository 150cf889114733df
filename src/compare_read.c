/*
 * compare_read: everything about one article that needs no other article
 * (analysis, metadata, summary, card fields, word counts and hashes), read
 * on the library's worker pool (util/pool.c); then its counts in the
 * collection's vocabulary.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "calendar.h"
#include "compare_priv.h"
#include "pool.h"
#include "text.h"
#include "vec.h"

char *px_cmp_span_dup(const char *text, precis_span s)
{
	return strndup(text + s.start, s.end - s.start);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Map doc-local term ids to collection ids, summing counts (sorted by id). */
static int terms_to_vec(svec *out, coll *c, const precis_doc *d, const px_terms *const *units,
			const double *weights, size_t nunits)
{
	size_t cap = 0, n = 0, m;
	for (size_t u = 0; u < nunits; u++)
		cap += units[u]->n;
	uint32_t *ids = malloc((cap ? cap : 1) * sizeof *ids);
	uint32_t *sid = malloc((cap ? cap : 1) * sizeof *sid);
	double *w = malloc((cap ? cap : 1) * sizeof *w), *sw = NULL;
	int rc = PRECIS_ENOMEM;
	if (!ids || !sid || !w)
		goto done;
	for (size_t u = 0; u < nunits; u++)
		for (size_t k = 0; k < units[u]->n; k++) {
			size_t len;
			const char *key = px_strmap_key(d->vocab, units[u]->id[k], &len);
			int64_t id;
			if (px_strmap_intern(c->vocab, key, len, &id, NULL))
				goto done;
			ids[n] = (uint32_t)id;
			w[n] = weights[u] * units[u]->tf[k];
			n++;
		}
	/* Sort the ids, merging duplicates, then add the weights up. */
	if (n)
		memcpy(sid, ids, n * sizeof *ids);
	m = px_u32_sort_unique(sid, n);
	if (!(sw = calloc(m ? m : 1, sizeof *sw)))
		goto done;
	for (size_t i = 0; i < n; i++) {
		uint32_t *hit = bsearch(&ids[i], sid, m, sizeof *sid, cmp_u32);
		sw[hit - sid] += w[i];
	}
	*out = (svec){ sid, sw, m };
	sid = NULL;
	sw = NULL;
	rc = 0;
done:
	free(ids);
	free(sid);
	free(w);
	free(sw);
	return rc;
}

struct words_ctx {
	work *w;
	precis_analyzer *a;
	const char *lang;
	size_t base;
	size_t cap_h, cap_s; /* capacities of w->wh and w->wspan */
	int err;
};

static int on_body_word(const px_word *word, void *vctx)
{
	struct words_ctx *c = vctx;
	work *w = c->w;
	if (px_vec_reserve((void **)&w->wh, &c->cap_h, w->nw + 1, sizeof *w->wh) ||
	    px_vec_reserve((void **)&w->wspan, &c->cap_s, w->nw + 1, sizeof *w->wspan))
		return c->err = PRECIS_ENOMEM;
	w->wh[w->nw] = px_hash(word->form, word->form_len);
	w->wspan[w->nw] = (precis_span){ c->base + word->start, c->base + word->end };
	w->nw++;
	if (word->stop || word->number || word->form_len < 3 ||
	    px_cmp_function_word(c->lang, word->form, word->form_len))
		return 0;
	int64_t id;
	int added;
	if (px_strmap_intern(w->words, word->form, word->form_len, &id, &added))
		return c->err = PRECIS_ENOMEM;
	if (added) {
		if (px_vec_reserve((void **)&w->wcount, &w->wcap, (size_t)id + 1, sizeof *w->wcount))
			return c->err = PRECIS_ENOMEM;
		w->wcount[id] = 0;
	}
	w->wcount[id]++;
	w->nwords_total++;
	return 0;
}


/* The sentence of d holding byte offset pos, or d->nsents. */
static size_t sentence_at(const precis_doc *d, size_t pos)
{
	for (size_t i = 0; i < d->nsents; i++)
		if (pos >= d->sents[i].start && pos < d->sents[i].end)
			return i;
	return d->nsents;
}

static size_t lead_sentence(const precis_doc *d);

/*
 * The event date when meta cannot resolve one (no year anywhere), in the
 * order a reader trusts: the page's own dateline or published line ("BRUSSELS,
 * March 4 (Reuters)"), then a day and month in the headline or the lead,
 * and a later mention ("the rules take effect on March 7") only when nothing
 * else dates the article. *src gets where it came from (docs/compare-schema.md).
 */
static void day_month_fallback(work *w, const precis_meta *m, const char **src)
{
	size_t n;
	const precis_evidence *e = precis_meta_evidence(m, &n);
	for (size_t i = 0; i < n; i++)
		if (e[i].date.month && e[i].date.day && e[i].kind != PRECIS_EVIDENCE_UPDATED) {
			w->ev_month = e[i].date.month;
			w->ev_day = e[i].date.day;
			*src = precis_evidence_kind_name(e[i].kind);
			return;
		}
	const precis_date *d = precis_meta_dates(m, &n);
	const precis_doc *doc = w->doc;
	size_t lead = lead_sentence(doc), later = n;
	for (size_t i = 0; i < n; i++) {
		if (d[i].kind != PRECIS_DATE_DAY_MONTH)
			continue;
		size_t s = sentence_at(doc, d[i].span.start);
		bool in_head = d[i].span.end <= doc->headline.end && doc->headline.end > 0 &&
			       d[i].span.start >= doc->headline.start;
		if (in_head || s <= lead) {
			w->ev_month = d[i].month;
			w->ev_day = d[i].day;
			*src = in_head ? "headline" : "lead";
			return;
		}
		if (later == n)
			later = i;
	}
	if (later < n) {
		w->ev_month = d[later].month;
		w->ev_day = d[later].day;
		*src = "later mention";
	}
}

static void set_event(work *w, const precis_meta *m, precis_ymd pub, const char **src)
{
	precis_ymd a, b;
	*src = NULL;
	if (precis_meta_event_date(m, &a, &b) == 0) {
		w->has_event = true;
		w->ev_first = a;
		w->ev_last = b;
		w->event_full_year = true;
		/* The page's own line when it names the same day, else the text's dates. */
		precis_ymd p;
		size_t which, ne;
		const precis_evidence *e = precis_meta_evidence(m, &ne);
		bool same = precis_meta_published(m, &p, &which) == 0 && p.year == a.year &&
			    p.month == a.month && p.day == a.day && a.day == b.day && a.month == b.month;
		*src = same && which < ne ? precis_evidence_kind_name(e[which].kind) : "text";
		return;
	}
	/* Without a year, "March 4" in a dateline still tells month and day. */
	day_month_fallback(w, m, src);
	if (w->ev_month)
		return;
	/* Nothing in the text: news reports what happened in the days before it ran. */
	if (pub.year) {
		w->has_event = true;
		w->ev_first = w->ev_last = pub;
		w->event_from_pub = true;
		*src = "publication date";
	}
}

static void ymd_str(char *buf, size_t size, precis_ymd a, precis_ymd b)
{
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		snprintf(buf, size, "%04d-%02d-%02d", a.year, a.month, a.day);
	else
		snprintf(buf, size, "%04d-%02d-%02d/%04d-%02d-%02d", a.year, a.month, a.day,
			 b.year, b.month, b.day);
}

/* The first max names of e, as the card lists them. */
/* which: 0 every entity, 1 those named outside photo credits, 2 those named only in them. */
static int entity_names_of(char ***out, size_t *nout, const precis_entity *e, size_t n,
			   size_t max, int which)
{
	*nout = 0;
	if (!(*out = calloc(max ? max : 1, sizeof **out)))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < n && *nout < max; i++) {
		bool credit_only = e[i].credits >= e[i].mentions;
		if ((which == 1 && credit_only) || (which == 2 && !credit_only))
			continue;
		if (!((*out)[(*nout)++] = strdup(e[i].name)))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int entity_names(char ***out, size_t *nout, const precis_entity *e, size_t n, size_t max)
{
	return entity_names_of(out, nout, e, n, max, 0);
}

/* *out = a copy of s, or NULL when s is NULL. */
static int copy_str(char **out, const char *s)
{
	*out = s ? strdup(s) : NULL;
	return s && !*out ? PRECIS_ENOMEM : 0;
}

static int span_copy(char **out, const char *text, precis_span s)
{
	*out = px_cmp_span_dup(text, s);
	return *out ? 0 : PRECIS_ENOMEM;
}

/*
 * The lead: the first complete sentence of some length. Scraped pages
 * keep stray subheads and teasers above it ("Poutine prepare un voyage en
 * Coree du Nord pour renforcer").
 */
#define LEAD_MIN_WORDS 8

static size_t lead_sentence(const precis_doc *d)
{
	for (size_t i = 0; i < d->nsents; i++)
		if (d->complete[i] && d->words[i] >= LEAD_MIN_WORDS)
			return i;
	return 0;
}

/* Card fields: what the input gives wins over what the text says. */
static int read_card(px_article *pa, const work *w, const precis_article_input *in,
		     const char *iso)
{
	const precis_doc *d = w->doc;
	int rc;
	if ((rc = copy_str(&pa->id, in->id ? in->id : "article")) || (rc = copy_str(&pa->lang, d->lang)) ||
	    (rc = copy_str(&pa->outlet, in->outlet ? in->outlet : d->outlet)) ||
	    (rc = copy_str(&pa->url, in->url)))
		return rc;
	/* A date read from another form shows as read; one left unread does not show. */
	if ((rc = copy_str(&pa->date, !pa->date_warning ? in->date : iso[0] ? iso : NULL)))
		return rc;
	pa->nsentences = d->nsents;
	for (size_t i = 0; i < d->nsents; i++)
		pa->words += d->words[i];
	if (in->title)
		return copy_str(&pa->headline, in->title);
	if (d->headline.end > d->headline.start)
		return span_copy(&pa->headline, d->text, d->headline);
	return copy_str(&pa->headline, w->line);
}

/*
 * A record's date that is not ISO 8601: "04/03/2024", "4.3.2024",
 * "04-03-2024 12:15". Read where the order of day and month is certain:
 * a first number over 12 is a day, a second over 12 makes it month first
 * (US); both 12 or less, the article's language decides, except English,
 * which writes both orders (UK day first, US month first) and is left
 * unread. Every other language precis supports writes the day first
 * (fr "04/03/2024" is 4 March). Returns 0 and fills out, or PRECIS_EINVAL.
 */
static int numeric_date(precis_ymd *out, const char *s, const char *lang, const char **how)
{
	int a, b, y, used = 0;
	char s1, s2;
	if (sscanf(s, "%2d%c%2d%c%4d%n", &a, &s1, &b, &s2, &y, &used) != 5 || used < 8 ||
	    s1 != s2 || (s1 != '/' && s1 != '.' && s1 != '-') || y < 1000 ||
	    (s[used] && s[used] != ' ' && s[used] != 'T'))
		return PRECIS_EINVAL;
	bool day_first;
	if (a > 12 && b <= 12)
		day_first = true, *how = "day first: the first number is over 12";
	else if (b > 12 && a <= 12)
		day_first = false, *how = "month first: the second number is over 12";
	else if (a <= 12 && b <= 12 && lang && strcmp(lang, "en") != 0)
		day_first = true, *how = "day first, as the article's language writes dates";
	else
		return PRECIS_EINVAL;
	precis_ymd d = { y, day_first ? b : a, day_first ? a : b };
	if (d.month < 1 || d.day < 1 || d.day > px_days_in_month(d.year, d.month))
		return PRECIS_EINVAL;
	*out = d;
	return 0;
}

/*
 * The record's publication date as ISO 8601 in iso (empty: none). One that
 * is not ISO 8601 gets a warning naming what was done with it.
 */
static int read_pubdate(px_article *pa, const precis_article_input *in, const char *lang,
			char iso[11])
{
	precis_ymd d;
	const char *how = NULL;
	char msg[256];
	iso[0] = '\0';
	if (!in->date)
		return 0;
	if (precis_ymd_parse(&d, in->date) == 0) {
		snprintf(iso, 11, "%.10s", in->date);
		return 0;
	}
	if (numeric_date(&d, in->date, lang, &how) == 0) {
		char buf[40];
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
		snprintf(iso, 11, "%.10s", buf);
		snprintf(msg, sizeof msg, "date \"%.40s\" is not ISO 8601 (YYYY-MM-DD): read as %s (%s)",
			 in->date, iso, how);
	} else {
		snprintf(msg, sizeof msg,
			 "date \"%.40s\" is not ISO 8601 (YYYY-MM-DD)%s: ignored, the page's own date "
			 "is used if it states one",
			 in->date, strchr(in->date, '/') ? " and its day and month order is unknown" : "");
	}
	return copy_str(&pa->date_warning, msg);
}

/* Event date, entities and quotes, from the article's metadata. */
static int read_meta(px_article *pa, work *w, const char *iso)
{
	precis_ymd pub = { 0, 0, 0 };
	const char *src;
	if (iso[0])
		precis_ymd_parse(&pub, iso);
	set_event(w, w->meta, pub, &src);
	pa->event_date_source = src;
	if (pub.year) {
		w->has_pub = true;
		w->pub_day = px_days_from_ymd(pub);
	} else if (w->has_event) {
		/* No publication date: the event the text dates with a year, mid-range. */
		w->has_text = w->text_year = true;
		w->text_day = (px_days_from_ymd(w->ev_first) + px_days_from_ymd(w->ev_last)) / 2;
		w->text_doy = 31 * (w->ev_first.month - 1) + w->ev_first.day;
	} else if (w->ev_month) {
		/* "le 18 juin", no year anywhere: only the day of the year compares. */
		w->has_text = true;
		w->text_doy = 31 * (w->ev_month - 1) + w->ev_day;
	}
	char md[48];
	if (w->has_event) {
		ymd_str(md, sizeof md, w->ev_first, w->ev_last);
	} else if (w->ev_month) {
		/* ISO 8601 for a day and month without a year */
		snprintf(md, sizeof md, "--%02d-%02d", w->ev_month, w->ev_day);
	}
	int rc = copy_str(&pa->event_date, w->has_event || w->ev_month ? md : NULL);
	size_t n;
	const precis_entity *e = precis_meta_agencies(w->meta, &n);
	if (rc || (rc = entity_names_of(&pa->agencies, &pa->nagencies, e, n, 8, 1)) ||
	    (rc = entity_names_of(&pa->credited, &pa->ncredited, e, n, 8, 2)))
		return rc;
	e = precis_meta_places(w->meta, &n);
	if ((rc = entity_names(&pa->places, &pa->nplaces, e, n, 8)))
		return rc;
	e = precis_meta_persons(w->meta, &n);
	if ((rc = entity_names(&pa->persons, &pa->npersons, e, n, 8)))
		return rc;
	const precis_quote *q = precis_meta_quotes(w->meta, &n);
	if (!(pa->quotes = calloc(n ? n : 1, sizeof *pa->quotes)))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		px_quote *pq = &pa->quotes[pa->nquotes++];
		if ((rc = span_copy(&pq->text, w->doc->text, q[i].span)) ||
		    (rc = copy_str(&pq->speaker, q[i].speaker)))
			return rc;
	}
	return 0;
}

/* Lead and summary sentences, then every body word (counts and hashes). */
static int read_words(px_article *pa, work *w, precis_analyzer *an)
{
	const precis_doc *d = w->doc;
	int rc = d->nsents ? span_copy(&pa->lead, d->text, d->sents[lead_sentence(d)])
			   : copy_str(&pa->lead, pa->headline ? pa->headline : "");
	size_t ns = precis_summary_count(w->sum);
	if (rc || !(pa->summary = calloc(ns ? ns : 1, sizeof *pa->summary)))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < ns; i++)
		if ((rc = span_copy(&pa->summary[pa->nsummary++], d->text,
				    precis_summary_picks(w->sum)[i].span)))
			return rc;
	/* Words: content counts for log-odds; every word hashed for shingles. */
	if ((rc = px_strmap_new(&w->words)))
		return rc;
	struct words_ctx wc = { w, an, d->lang, 0, 0, 0, 0 };
	for (size_t i = 0; i < d->nsents && !wc.err; i++) {
		wc.base = d->sents[i].start;
		px_analyze(an, d->lang, d->text + d->sents[i].start,
			   d->sents[i].end - d->sents[i].start, 0, on_body_word, &wc);
	}
	return wc.err;
}

/* The first non-blank line of s, at most LINE_MAX_BYTES (cut on a character); NULL if none. */
#define LINE_MAX_BYTES 400

static int first_line(char **out, const char *s, size_t n)
{
	size_t i = 0, end;
	*out = NULL;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	for (end = i; end < n && s[end] != '\n' && s[end] != '\r' && s[end] != '\0'; end++)
		;
	if (end - i > LINE_MAX_BYTES) {
		end = i + LINE_MAX_BYTES;
		while (end > i && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
	}
	while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end == i)
		return 0;
	*out = strndup(s + i, end - i);
	return *out ? 0 : PRECIS_ENOMEM;
}

/*
 * The article's document. A record without a full sentence is still an
 * article: a one-line brief or a bare headline is read again with that
 * line as its title, so grouping sees its words; one with no usable text
 * (unreadable, blank, boilerplate only) keeps an empty document and ends
 * up a story of its own. Either way *problem says what was wrong.
 */
static int open_doc(work *w, precis_analyzer *an, const precis_article_input *in,
		    const precis_compare_options *o, px_article *pa, precis_error *err)
{
	char **problem = &pa->problem;
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = o->lang;
	dopt.title = in->title;
	const char *text = in->text ? in->text : "";
	size_t len = in->text ? in->len : 0;
	int rc = precis_doc_new(&w->doc, an, text, len, &dopt, err);
	if (rc == PRECIS_ENOMEM)
		return rc;
	if (rc) {
		char why[sizeof err->message + 32];
		snprintf(why, sizeof why, "no usable text (%s)",
			 err->message[0] ? err->message : precis_strerror(rc));
		memset(err, 0, sizeof *err);
		if ((rc = precis_doc_new(&w->doc, an, "", 0, &dopt, err)))
			return rc;
		pa->unusable = true;
		return copy_str(problem, why);
	}
	if (w->doc->nsents > 0)
		return 0;
	if (!in->title && (rc = first_line(&w->line, text, len)))
		return rc;
	if (w->line) {
		precis_doc_free(w->doc);
		w->doc = NULL;
		dopt.title = w->line;
		if ((rc = precis_doc_new(&w->doc, an, text, len, &dopt, err)))
			return rc;
	}
	pa->unusable = w->doc->title_terms.n == 0;
	return copy_str(problem, pa->unusable
					 ? "no usable text (empty, blank or only boilerplate)"
				 : in->title ? "no full sentence: grouped by its title"
					     : "no full sentence: grouped by its one line");
}

/*
 * Everything about one article that needs no other article: analysis,
 * metadata, summary, card fields and words. Runs in worker threads, each
 * with its own analyzer.
 */
static int read_article(px_article *pa, work *w, precis_analyzer *an,
			const precis_article_input *in, const precis_compare_options *o,
			precis_error *err)
{
	char iso[11];
	int rc = open_doc(w, an, in, o, pa, err);
	if (rc || (rc = read_pubdate(pa, in, w->doc->lang, iso)))
		return rc;
	if ((rc = precis_meta_new(&w->meta, an, w->doc, iso[0] ? iso : NULL)))
		return rc;
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	so.sentences = o->summary_sentences;
	if ((rc = precis_summarize(&w->sum, w->doc, &so)))
		return rc;
	if ((rc = read_card(pa, w, in, iso)) || (rc = read_meta(pa, w, iso)))
		return rc;
	return read_words(pa, w, an);
}

/* TF-IDF counts in the collection's vocabulary (serial: the vocabulary is shared). */
int px_cmp_article_vectors(work *w, coll *c)
{
	const precis_doc *d = w->doc;
	int rc = PRECIS_ENOMEM;
	/* Vectors: the body, the headline counted twice. */
	const px_terms **units = malloc((d->nsents + 1) * sizeof *units);
	double *weights = malloc((d->nsents + 1) * sizeof *weights);
	w->sent = calloc(d->nsents ? d->nsents : 1, sizeof *w->sent);
	if (!units || !weights || !w->sent)
		goto done;
	for (size_t i = 0; i < d->nsents; i++) {
		units[i] = &d->terms[i];
		weights[i] = 1;
	}
	units[d->nsents] = &d->title_terms;
	weights[d->nsents] = 2;
	rc = terms_to_vec(&w->vec, c, d, units, weights, d->nsents + 1);
	static const double once = 1.0;
	if (!rc)
		rc = terms_to_vec(&w->title, c, d, &units[d->nsents], &once, 1);
	for (size_t i = 0; !rc && i < d->nsents; i++)
		rc = terms_to_vec(&w->sent[i], c, d, &units[i], weights, 1);
done:
	free(units);
	free(weights);
	return rc;
}

/* Articles are read on the library's worker pool, each worker with its own analyzer. */
typedef struct {
	px_cmp_reader *job;
	precis_analyzer *a; /* the caller's: worker 0 (the calling thread) uses it */
} reader;

static int reader_init(void **state, unsigned worker, void *ctx)
{
	reader *r = ctx;
	if (worker == 0) {
		*state = r->a;
		return 0;
	}
	return precis_analyzer_new((precis_analyzer **)state);
}

static int reader_item(void *state, size_t i, void *ctx)
{
	px_cmp_reader *j = ((reader *)ctx)->job;
	j->rc[i] = read_article(&j->pa[i], &j->w[i], state, &j->in[i], j->o, &j->err[i]);
	/* An article's trouble is its own (kept in rc[i]); only memory stops the run. */
	return j->rc[i] == PRECIS_ENOMEM ? PRECIS_ENOMEM : 0;
}

static void reader_fini(void *state, void *ctx)
{
	if (state != ((reader *)ctx)->a)
		precis_analyzer_free(state);
}

/* Past a handful of articles, reading them is worth a thread per core. */
#define ARTICLES_PER_THREAD 8
#define MAX_THREADS 8

int px_cmp_read_all(px_cmp_reader *job, precis_analyzer *a, unsigned threads)
{
	size_t want = threads ? threads : (size_t)sysconf(_SC_NPROCESSORS_ONLN);
	size_t useful = (job->n + ARTICLES_PER_THREAD - 1) / ARTICLES_PER_THREAD;
	want = want < 1 ? 1 : want > MAX_THREADS ? MAX_THREADS : want;
	want = want < useful ? want : useful ? useful : 1;
	reader r = { job, a };
	px_pool_job pj = { reader_init, reader_item, reader_fini, NULL, &r };
	return px_pool_run(job->n, (unsigned)want, &pj);
}

void px_cmp_work_free(work *w)
{
	precis_summary_free(w->sum);
	precis_meta_free(w->meta);
	if (w->doc && w->sent)
		for (size_t i = 0; i < w->doc->nsents; i++) {
			free((void *)w->sent[i].id);
			free(w->sent[i].w);
		}
	precis_doc_free(w->doc);
	free(w->sent);
	free((void *)w->vec.id);
	free(w->vec.w);
	free((void *)w->title.id);
	free(w->title.w);
	px_strmap_free(w->words);
	free(w->line);
	free(w->ent);
	free(w->wcount);
	free(w->wh);
	free(w->wspan);
}

void px_cmp_article_free(px_article *a)
{
	free(a->problem);
	free(a->date_warning);
	free(a->id);
	free(a->outlet);
	free(a->headline);
	free(a->date);
	free(a->url);
	free(a->lang);
	free(a->event_date);
	for (size_t i = 0; i < a->nagencies; i++)
		free(a->agencies[i]);
	free(a->agencies);
	for (size_t i = 0; i < a->ncredited; i++)
		free(a->credited[i]);
	free(a->credited);
	for (size_t i = 0; i < a->nplaces; i++)
		free(a->places[i]);
	free(a->places);
	for (size_t i = 0; i < a->npersons; i++)
		free(a->persons[i]);
	free(a->persons);
	for (size_t i = 0; i < a->nquotes; i++) {
		free(a->quotes[i].text);
		free(a->quotes[i].speaker);
	}
	free(a->quotes);
	free(a->lead);
	for (size_t i = 0; i < a->nsummary; i++) {
		free(a->summary[i]);
		if (a->summary_also)
			free(a->summary_also[i].articles);
	}
	free(a->summary);
	free(a->summary_also);
	free(a->subject);
	for (size_t i = 0; i < a->nhead_terms; i++)
		free(a->head_terms[i].name);
	free(a->head_terms);
	for (size_t i = 0; i < a->nunique; i++)
		free(a->unique[i]);
	free(a->unique);
	for (size_t i = 0; i < a->ndistinctive; i++)
		free(a->distinctive[i].name);
	free(a->distinctive);
}

