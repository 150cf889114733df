/*
 * compare: which articles cover the same event, and how each outlet framed
 * it. Grouping combines TF-IDF cosine of the bodies with the event dates,
 * places and people each article names; candidates come from an inverted
 * index so large collections are not compared pair by pair. Each story is
 * then analysed: outlet cards, headlines, shared and unique facts,
 * distinctive wording (weighted log-odds with an informative Dirichlet
 * prior, Monroe et al. 2008), reused agency copy (word shingles) and a
 * consensus summary credited to the outlets that carry each sentence.
 */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "calendar.h"
#include "compare.h"
#include "doc.h"
#include "error.h"
#include "strmap.h"
#include "text.h"
#include "vectorize.h"

#define MATRIX_MAX 200      /* full similarity matrix up to this many articles */
#define NEIGHBORS 30        /* candidate links kept per article past that */
#define COMMON_WINDOW 64    /* postings walked per very common term */
#define SHINGLE 6           /* words per shingle for reused copy */
#define REUSE_MIN_SHARE 0.10
#define ALIGN_MIN 0.35      /* sentence alignment score for "the same fact" */
#define DATE_NEAR 3         /* days: same event */
#define DATE_FAR 10         /* days: different events */
#define MAX_TERMS 6

/* Sparse vectors as vectorize.c makes them; here they own their ids. */
typedef px_vec svec;

typedef struct {
	precis_doc *doc;
	precis_meta *meta;
	precis_summary *sum;
	svec vec;              /* whole-article TF-IDF, collection vocabulary */
	svec *sent;            /* per sentence, collection vocabulary */
	px_strmap *words;      /* folded content words -> count index */
	uint32_t *wcount;
	size_t nwords_total;
	uint64_t *wh;          /* per body word: hash of its folded form */
	precis_span *wspan;    /* per body word: bytes */
	size_t nw;
	precis_ymd ev_first, ev_last;
	bool has_event, event_full_year, event_from_pub;
	int ev_month, ev_day;  /* a day and month without a year */
	uint32_t *ent;         /* persons and places: sorted collection entity ids */
	size_t nent;
} work;

typedef struct {
	px_strmap *vocab;      /* stems of the collection */
	double *idf;
	size_t nterms;
	work *w;
	size_t n;
	precis_analyzer *a;
	px_strmap *ents;       /* normalized entity names of the collection */
	double *ent_idf;       /* per entity id */
	const char **ent_name; /* as first written (points into the px_articles) */
} coll;

/* ------------------------------------------------------------ helpers */

static char *span_dup(const char *text, precis_span s)
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
	size_t cap = 0;
	for (size_t u = 0; u < nunits; u++)
		cap += units[u]->n;
	uint32_t *ids = malloc((cap ? cap : 1) * sizeof *ids);
	double *w = malloc((cap ? cap : 1) * sizeof *w);
	if (!ids || !w) {
		free(ids);
		free(w);
		return PRECIS_ENOMEM;
	}
	size_t n = 0;
	for (size_t u = 0; u < nunits; u++)
		for (size_t k = 0; k < units[u]->n; k++) {
			size_t len;
			const char *key = px_strmap_key(d->vocab, units[u]->id[k], &len);
			int64_t id;
			if (px_strmap_intern(c->vocab, key, len, &id, NULL)) {
				free(ids);
				free(w);
				return PRECIS_ENOMEM;
			}
			ids[n] = (uint32_t)id;
			w[n] = weights[u] * units[u]->tf[k];
			n++;
		}
	/* Sort the ids, merging duplicates, then add the weights up. */
	uint32_t *sid = malloc((n ? n : 1) * sizeof *sid);
	double *sw = calloc(n ? n : 1, sizeof *sw);
	if (!sid || !sw) {
		free(sid);
		free(sw);
		free(ids);
		free(w);
		return PRECIS_ENOMEM;
	}
	if (n)
		memcpy(sid, ids, n * sizeof *ids);
	qsort(sid, n, sizeof *sid, cmp_u32);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (m == 0 || sid[m - 1] != sid[i])
			sid[m++] = sid[i];
	for (size_t i = 0; i < n; i++) {
		uint32_t *hit = bsearch(&ids[i], sid, m, sizeof *sid, cmp_u32);
		sw[hit - sid] += w[i];
	}
	free(ids);
	free(w);
	out->id = sid;
	out->w = sw;
	out->n = m;
	return 0;
}

static void weigh(svec *v, const double *idf)
{
	double norm = 0;
	for (size_t k = 0; k < v->n; k++) {
		v->w[k] = v->w[k] > 0 ? (1 + log(v->w[k])) * idf[v->id[k]] : 0;
		norm += v->w[k] * v->w[k];
	}
	norm = sqrt(norm);
	for (size_t k = 0; k < v->n && norm > 0; k++)
		v->w[k] /= norm;
}

/* ------------------------------------------------------------ articles */

struct words_ctx {
	work *w;
	precis_analyzer *a;
	const char *lang;
	size_t base;
	size_t cap;
	int err;
};

static int on_body_word(const px_word *word, void *vctx)
{
	struct words_ctx *c = vctx;
	work *w = c->w;
	if (w->nw == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 512;
		uint64_t *nh = realloc(w->wh, c->cap * sizeof *nh);
		precis_span *ns = realloc(w->wspan, c->cap * sizeof *ns);
		if (nh)
			w->wh = nh;
		if (ns)
			w->wspan = ns;
		if (!nh || !ns)
			return c->err = PRECIS_ENOMEM;
	}
	w->wh[w->nw] = px_hash(word->form, word->form_len);
	w->wspan[w->nw] = (precis_span){ c->base + word->start, c->base + word->end };
	w->nw++;
	if (word->stop || word->number || word->form_len < 3)
		return 0;
	int64_t id;
	int added;
	if (px_strmap_intern(w->words, word->form, word->form_len, &id, &added))
		return c->err = PRECIS_ENOMEM;
	if (added) {
		uint32_t *nc = realloc(w->wcount, (size_t)(id + 1) * sizeof *nc);
		if (!nc)
			return c->err = PRECIS_ENOMEM;
		w->wcount = nc;
		nc[id] = 0;
	}
	w->wcount[id]++;
	w->nwords_total++;
	return 0;
}


static void set_event(work *w, const precis_meta *m, precis_ymd pub)
{
	precis_ymd a, b;
	if (precis_meta_event_date(m, &a, &b) == 0) {
		w->has_event = true;
		w->ev_first = a;
		w->ev_last = b;
		w->event_full_year = true;
		return;
	}
	/* Without a publication date, "18 et 19 juin" still tells month and day. */
	size_t n;
	const precis_date *d = precis_meta_dates(m, &n);
	for (size_t i = 0; i < n; i++)
		if (d[i].kind == PRECIS_DATE_DAY_MONTH) {
			w->ev_month = d[i].month;
			w->ev_day = d[i].day;
			return;
		}
	/* Nothing in the text: news reports what happened in the days before it ran. */
	if (pub.year) {
		w->has_event = true;
		w->ev_first = w->ev_last = pub;
		w->event_from_pub = true;
	}
}

static char *ymd_str(precis_ymd a, precis_ymd b)
{
	char buf[32];
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", a.year, a.month, a.day);
	else
		snprintf(buf, sizeof buf, "%04d-%02d-%02d/%04d-%02d-%02d", a.year, a.month, a.day,
			 b.year, b.month, b.day);
	return strdup(buf);
}

static char **entity_names(const precis_entity *e, size_t n, size_t *out, size_t max)
{
	size_t k = n < max ? n : max;
	char **v = calloc(k ? k : 1, sizeof *v);
	for (size_t i = 0; v && i < k; i++)
		v[i] = strdup(e[i].name);
	*out = v ? k : 0;
	return v;
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

/*
 * Everything about one article that needs no other article: analysis,
 * metadata, summary, card fields and words. Runs in worker threads, each
 * with its own analyzer.
 */
static int read_article(px_article *pa, work *w, precis_analyzer *an,
			const precis_article_input *in, const precis_compare_options *o,
			precis_error *err)
{
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = o->lang;
	dopt.title = in->title;
	int rc = precis_doc_new(&w->doc, an, in->text, in->len, &dopt, err);
	if (rc)
		return rc;
	if (precis_doc_sentence_count(w->doc) == 0)
		return px_error_set(err, PRECIS_EEMPTY, 0, "no sentences (empty or only boilerplate)");
	if ((rc = precis_meta_new(&w->meta, an, w->doc, in->date)))
		return rc;
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	so.sentences = o->summary_sentences;
	if ((rc = precis_summarize(&w->sum, w->doc, &so)))
		return rc;
	precis_doc *d = w->doc;
	const char *text = d->text;
	pa->id = strdup(in->id ? in->id : "article");
	pa->lang = strdup(d->lang);
	if (in->outlet)
		pa->outlet = strdup(in->outlet);
	else if (d->outlet)
		pa->outlet = strdup(d->outlet);
	if (in->title)
		pa->headline = strdup(in->title);
	else if (d->headline.end > d->headline.start)
		pa->headline = span_dup(text, d->headline);
	pa->date = in->date ? strdup(in->date) : NULL;
	pa->url = in->url ? strdup(in->url) : NULL;
	precis_ymd pub = { 0, 0, 0 };
	if (in->date)
		precis_ymd_parse(&pub, in->date);
	set_event(w, w->meta, pub);
	if (w->has_event) {
		pa->event_date = ymd_str(w->ev_first, w->ev_last);
	} else if (w->ev_month) {
		char md[16]; /* ISO 8601 for a day and month without a year */
		snprintf(md, sizeof md, "--%02d-%02d", w->ev_month, w->ev_day);
		pa->event_date = strdup(md);
	}
	pa->nsentences = d->nsents;
	for (size_t i = 0; i < d->nsents; i++)
		pa->words += d->words[i];
	size_t n;
	const precis_entity *e = precis_meta_agencies(w->meta, &n);
	pa->agencies = entity_names(e, n, &pa->nagencies, 8);
	e = precis_meta_places(w->meta, &n);
	pa->places = entity_names(e, n, &pa->nplaces, 8);
	e = precis_meta_persons(w->meta, &n);
	pa->persons = entity_names(e, n, &pa->npersons, 8);
	const precis_quote *q = precis_meta_quotes(w->meta, &n);
	pa->quotes = calloc(n ? n : 1, sizeof *pa->quotes);
	for (size_t i = 0; pa->quotes && i < n; i++) {
		pa->quotes[i].text = span_dup(text, q[i].span);
		pa->quotes[i].speaker = q[i].speaker ? strdup(q[i].speaker) : NULL;
		pa->nquotes++;
	}
	pa->lead = span_dup(text, d->sents[lead_sentence(d)]);
	size_t ns = precis_summary_count(w->sum);
	pa->summary = calloc(ns ? ns : 1, sizeof *pa->summary);
	for (size_t i = 0; pa->summary && i < ns; i++)
		pa->summary[pa->nsummary++] = span_dup(text, precis_summary_picks(w->sum)[i].span);
	/* Words: content counts for log-odds; every word hashed for shingles. */
	if ((rc = px_strmap_new(&w->words)))
		return rc;
	struct words_ctx wc = { w, an, d->lang, 0, 0, 0 };
	for (size_t i = 0; i < d->nsents && !wc.err; i++) {
		wc.base = d->sents[i].start;
		px_analyze(an, d->lang, text + d->sents[i].start, d->sents[i].end - d->sents[i].start,
			   0, on_body_word, &wc);
	}
	return wc.err;
}

/* TF-IDF counts in the collection's vocabulary (serial: the vocabulary is shared). */
static int article_vectors(work *w, coll *c)
{
	const precis_doc *d = w->doc;
	int rc;
	/* Vectors: the body, the headline counted twice. */
	const px_terms **units = malloc((d->nsents + 1) * sizeof *units);
	double *weights = malloc((d->nsents + 1) * sizeof *weights);
	if (!units || !weights) {
		free(units);
		free(weights);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < d->nsents; i++) {
		units[i] = &d->terms[i];
		weights[i] = 1;
	}
	units[d->nsents] = &d->title_terms;
	weights[d->nsents] = 2;
	rc = terms_to_vec(&w->vec, c, d, units, weights, d->nsents + 1);
	w->sent = calloc(d->nsents, sizeof *w->sent);
	for (size_t i = 0; !rc && w->sent && i < d->nsents; i++)
		rc = terms_to_vec(&w->sent[i], c, d, &units[i], weights, 1);
	free(units);
	free(weights);
	return rc ? rc : w->sent ? 0 : PRECIS_ENOMEM;
}

/* Articles are read by worker threads taking the next index under a lock. */
typedef struct {
	const precis_article_input *in;
	const precis_compare_options *o;
	px_article *pa;
	work *w;
	int *rc;
	precis_error *err;
	size_t n, next;
	pthread_mutex_t lock;
} reader;

typedef struct {
	reader *r;
	precis_analyzer *a; /* NULL: make one for this thread */
} reader_thread;

static void *read_worker(void *arg)
{
	reader_thread *t = arg;
	reader *r = t->r;
	precis_analyzer *a = t->a;
	if (!a && precis_analyzer_new(&a))
		a = NULL;
	for (;;) {
		pthread_mutex_lock(&r->lock);
		size_t i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->n)
			break;
		r->rc[i] = a ? read_article(&r->pa[i], &r->w[i], a, &r->in[i], r->o, &r->err[i])
			     : PRECIS_ENOMEM;
	}
	if (!t->a)
		precis_analyzer_free(a);
	return NULL;
}

/* Past a handful of articles, reading them is worth a thread per core. */
#define ARTICLES_PER_THREAD 8
#define MAX_THREADS 8

static int read_all(reader *r, precis_analyzer *a, unsigned threads)
{
	size_t want = threads ? threads : (size_t)sysconf(_SC_NPROCESSORS_ONLN);
	size_t useful = (r->n + ARTICLES_PER_THREAD - 1) / ARTICLES_PER_THREAD;
	want = want < 1 ? 1 : want > MAX_THREADS ? MAX_THREADS : want;
	want = want < useful ? want : useful ? useful : 1;
	if (pthread_mutex_init(&r->lock, NULL))
		return PRECIS_ENOMEM;
	pthread_t tid[MAX_THREADS];
	reader_thread arg[MAX_THREADS];
	size_t started = 1;
	for (size_t k = 0; k < want; k++)
		arg[k] = (reader_thread){ r, k == 0 ? a : NULL };
	for (; started < want; started++)
		if (pthread_create(&tid[started], NULL, read_worker, &arg[started]))
			break; /* fewer threads is still correct */
	read_worker(&arg[0]);
	for (size_t k = 1; k < started; k++)
		pthread_join(tid[k], NULL);
	pthread_mutex_destroy(&r->lock);
	return 0;
}

static void work_free(work *w)
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
	px_strmap_free(w->words);
	free(w->ent);
	free(w->wcount);
	free(w->wh);
	free(w->wspan);
}

static void article_free(px_article *a)
{
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

/*
 * Entities of every article as sorted ids into one collection table, with
 * a smoothed IDF weight each. Names are compared case-folded with hyphens
 * as spaces ("Kim Jong-un" = "Kim Jong Un").
 */
static int entity_index(coll *c, const px_article *pa)
{
	if (px_strmap_new(&c->ents))
		return PRECIS_ENOMEM;
	size_t cap = 0;
	char key[256];
	for (size_t i = 0; i < c->n; i++) {
		work *w = &c->w[i];
		size_t total = pa[i].npersons + pa[i].nplaces;
		if (!(w->ent = malloc((total ? total : 1) * sizeof *w->ent)))
			return PRECIS_ENOMEM;
		for (size_t k = 0; k < total; k++) {
			const char *name = k < pa[i].npersons ? pa[i].persons[k]
							      : pa[i].places[k - pa[i].npersons];
			size_t len = 0;
			for (; name[len] && len < sizeof key; len++) {
				unsigned char ch = (unsigned char)name[len];
				key[len] = ch == '-' ? ' ' : ch < 0x80 ? (char)tolower(ch) : (char)ch;
			}
			int64_t id;
			int added;
			if (px_strmap_intern(c->ents, key, len, &id, &added))
				return PRECIS_ENOMEM;
			if ((size_t)id >= cap) {
				size_t nc = cap ? cap * 2 : 256;
				double *ni = realloc(c->ent_idf, nc * sizeof *ni);
				if (ni)
					c->ent_idf = ni;
				const char **nn = realloc(c->ent_name, nc * sizeof *nn);
				if (nn)
					c->ent_name = nn;
				if (!ni || !nn)
					return PRECIS_ENOMEM;
				cap = nc;
			}
			if (added) {
				c->ent_idf[id] = 0;
				c->ent_name[id] = name;
			}
			w->ent[w->nent++] = (uint32_t)id;
		}
		/* Sorted and unique, so that overlaps are merges. */
		qsort(w->ent, w->nent, sizeof *w->ent, cmp_u32);
		size_t m = 0;
		for (size_t k = 0; k < w->nent; k++)
			if (m == 0 || w->ent[m - 1] != w->ent[k])
				w->ent[m++] = w->ent[k];
		w->nent = m;
		for (size_t k = 0; k < m; k++)
			c->ent_idf[w->ent[k]] += 1; /* document frequency for now */
	}
	for (size_t id = 0; id < px_strmap_count(c->ents); id++)
		c->ent_idf[id] = log((1.0 + (double)c->n) / (1.0 + c->ent_idf[id])) + 1.0;
	return 0;
}

/* ------------------------------------------------------------ grouping */

/*
 * Weighted Jaccard of two articles' entities (persons and places), each
 * entity weighted by its rarity in the collection: sharing "Emmanuel
 * Macron" says less in a collection about French politics than sharing
 * "Vostotchny".
 */
static double entity_overlap(const coll *c, const work *x, const work *y, size_t *shared)
{
	double inter = 0, uni = 0;
	size_t i = 0, j = 0, k = 0;
	while (i < x->nent || j < y->nent) {
		if (j == y->nent || (i < x->nent && x->ent[i] < y->ent[j])) {
			uni += c->ent_idf[x->ent[i++]];
		} else if (i == x->nent || y->ent[j] < x->ent[i]) {
			uni += c->ent_idf[y->ent[j++]];
		} else {
			inter += c->ent_idf[x->ent[i]];
			uni += c->ent_idf[x->ent[i]];
			i++, j++, k++;
		}
	}
	if (shared)
		*shared = k;
	return uni > 0 ? inter / uni : 0;
}

/*
 * Date evidence between two articles: +1 same event window, -1 clearly
 * different events, 0 unknown. Day-and-month dates without a year still
 * count when both articles only have those.
 */
static int date_evidence(const work *x, const work *y, long *gap)
{
	*gap = -1;
	if (x->has_event && y->has_event) {
		long a0 = px_days_from_ymd(x->ev_first), a1 = px_days_from_ymd(x->ev_last);
		long b0 = px_days_from_ymd(y->ev_first), b1 = px_days_from_ymd(y->ev_last);
		long g = a1 < b0 ? b0 - a1 : b1 < a0 ? a0 - b1 : 0;
		*gap = g;
		/* Two publication dates close together say little; far apart, a lot. */
		if (x->event_from_pub || y->event_from_pub)
			return g >= DATE_FAR ? -1 : 0;
		return g <= DATE_NEAR ? 1 : g >= DATE_FAR ? -1 : 0;
	}
	int xm = x->has_event ? x->ev_first.month : x->ev_month;
	int xd = x->has_event ? x->ev_first.day : x->ev_day;
	int ym = y->has_event ? y->ev_first.month : y->ev_month;
	int yd = y->has_event ? y->ev_first.day : y->ev_day;
	if (!xm || !ym)
		return 0;
	long g = labs((long)(xm * 31 + xd) - (long)(ym * 31 + yd));
	*gap = g;
	return g <= DATE_NEAR ? 1 : g >= DATE_FAR ? -1 : 0;
}

typedef struct {
	size_t a, b;
	double score, cosine;
	int date;
} edge;

static int cmp_edge(const void *p, const void *q)
{
	const edge *x = p, *y = q;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->a != y->a)
		return (x->a > y->a) - (x->a < y->a);
	return (x->b > y->b) - (x->b < y->b);
}

/*
 * The evidence that two articles report one event: the cosine of their
 * TF-IDF vectors, their shared entities, and their dates. Between two
 * languages the cosine only sees names, numbers and cognates, so it runs
 * about half as high for the same event (measured on eval/compare/): it
 * is doubled there.
 */
#define ENTITY_WEIGHT 0.3
#define DATE_AGREE 0.2
#define DATE_DISAGREE -0.5
#define CROSS_LANGUAGE 2.0

static double pair_score(const coll *c, size_t i, size_t j, double cosv, int *date)
{
	long gap;
	*date = date_evidence(&c->w[i], &c->w[j], &gap);
	double s = cosv;
	if (strcmp(c->w[i].doc->lang, c->w[j].doc->lang) != 0)
		s = fmin(1.0, s * CROSS_LANGUAGE);
	s += *date > 0 ? DATE_AGREE : *date < 0 ? DATE_DISAGREE : 0;
	s += ENTITY_WEIGHT * entity_overlap(c, &c->w[i], &c->w[j], NULL);
	return s;
}

/* Candidate pairs through an inverted index over rare-enough terms. */
static int candidate_edges(edge **out, size_t *nout, coll *c, double *sim)
{
	size_t n = c->n, nt = px_strmap_count(c->vocab);
	size_t *df = calloc(nt ? nt : 1, sizeof *df);
	if (!df)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < c->w[i].vec.n; k++)
			df[c->w[i].vec.id[k]]++;
	/* Postings. */
	size_t *start = calloc(nt + 1, sizeof *start);
	for (size_t t = 0; start && t < nt; t++)
		start[t + 1] = start[t] + df[t];
	size_t *post = malloc((start ? start[nt] + 1 : 1) * sizeof *post);
	size_t *fill = calloc(nt ? nt : 1, sizeof *fill);
	double *acc = calloc(n, sizeof *acc);
	size_t *touched = malloc(n * sizeof *touched);
	edge *edges = NULL;
	size_t ne = 0, cap = 0;
	int rc = 0;
	if (!start || !post || !fill || !acc || !touched) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < c->w[i].vec.n; k++) {
			uint32_t t = c->w[i].vec.id[k];
			post[start[t] + fill[t]++] = i;
		}
	/*
	 * A term in more than a fifth of a large collection would pair nearly
	 * every article with every other: its postings are only walked for
	 * the next COMMON_WINDOW articles after this one. That still links
	 * the articles of a story covered by most of the collection (each
	 * needs only a few links into it), at a cost linear in n.
	 */
	size_t dfcap = n > 50 ? n / 5 : n;
	for (size_t i = 0; i < n && !rc; i++) {
		size_t nt_i = 0;
		const svec *v = &c->w[i].vec;
		for (size_t k = 0; k < v->n; k++) {
			uint32_t t = v->id[k];
			size_t lo = start[t], hi = start[t + 1];
			while (lo < hi) { /* postings are in article order: find i */
				size_t mid = lo + (hi - lo) / 2;
				if (post[mid] <= i)
					lo = mid + 1;
				else
					hi = mid;
			}
			size_t end = start[t + 1];
			if (df[t] > dfcap && end - lo > COMMON_WINDOW)
				end = lo + COMMON_WINDOW;
			for (size_t q = lo; q < end; q++) {
				size_t j = post[q];
				if (acc[j] == 0)
					touched[nt_i++] = j;
				acc[j] += c->idf[t]; /* shared terms, rare ones first, pick the candidates */
			}
		}
		/* Keep the best-sharing candidates, then score them exactly. */
		size_t keep = nt_i;
		if (n > MATRIX_MAX && keep > NEIGHBORS) {
			/* Partial selection by shared-term count (deterministic ties by index). */
			for (size_t a = 0; a < NEIGHBORS; a++) {
				size_t best = a;
				for (size_t b = a + 1; b < nt_i; b++)
					if (acc[touched[b]] > acc[touched[best]] ||
					    (acc[touched[b]] == acc[touched[best]] && touched[b] < touched[best]))
						best = b;
				size_t t = touched[a];
				touched[a] = touched[best];
				touched[best] = t;
			}
			keep = NEIGHBORS;
		}
		for (size_t q = 0; q < nt_i; q++) {
			size_t j = touched[q];
			acc[j] = 0;
			if (q >= keep)
				continue;
			double cosv = px_vec_dot(&c->w[i].vec, &c->w[j].vec);
			if (sim) {
				sim[i * n + j] = sim[j * n + i] = cosv;
			}
			int date;
			double s = pair_score(c, i, j, cosv, &date);
			if (ne == cap) {
				cap = cap ? cap * 2 : 256;
				edge *nv = realloc(edges, cap * sizeof *nv);
				if (!nv) {
					rc = PRECIS_ENOMEM;
					break;
				}
				edges = nv;
			}
			edges[ne++] = (edge){ i, j, s, cosv, date };
		}
	}
	if (!rc && ne > 1)
		qsort(edges, ne, sizeof *edges, cmp_edge);
done:
	free(df);
	free(start);
	free(post);
	free(fill);
	free(acc);
	free(touched);
	if (rc) {
		free(edges);
		return rc;
	}
	*out = edges;
	*nout = ne;
	return 0;
}

static size_t find(size_t *parent, size_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/*
 * Known event dates of a cluster as ranges: full dates in days, and
 * day-and-month dates (no year) as month * 31 + day. Two clusters
 * conflict when some date of one is DATE_FAR or more from some date of
 * the other, which the ranges' ends decide.
 */
typedef struct {
	long lo, hi;     /* days; lo > hi when none */
	long mlo, mhi;   /* month-day keys */
} span_set;

static span_set cluster_dates(const work *w)
{
	span_set s = { 1, 0, 1, 0 };
	if (w->has_event) {
		s.lo = px_days_from_ymd(w->ev_first);
		s.hi = px_days_from_ymd(w->ev_last);
	}
	int m = w->has_event ? w->ev_first.month : w->ev_month;
	int d = w->has_event ? w->ev_first.day : w->ev_day;
	if (m) {
		s.mlo = s.mhi = m * 31 + d;
	}
	return s;
}

static bool ranges_conflict(long alo, long ahi, long blo, long bhi, long far)
{
	if (alo > ahi || blo > bhi)
		return false;
	return bhi - alo >= far || ahi - blo >= far;
}

static bool date_conflict(const span_set *a, const span_set *b)
{
	if (ranges_conflict(a->lo, a->hi, b->lo, b->hi, DATE_FAR))
		return true;
	/* Month-day keys only when one side has no full date at all. */
	if ((a->lo > a->hi || b->lo > b->hi) &&
	    ranges_conflict(a->mlo, a->mhi, b->mlo, b->mhi, DATE_FAR))
		return true;
	return false;
}

static void merge_dates(span_set *into, const span_set *from)
{
	if (from->lo <= from->hi) {
		into->lo = into->lo <= into->hi && into->lo < from->lo ? into->lo : from->lo;
		into->hi = into->lo <= into->hi && into->hi > from->hi ? into->hi : from->hi;
	}
	if (from->mlo <= from->mhi) {
		bool had = into->mlo <= into->mhi;
		into->mlo = had && into->mlo < from->mlo ? into->mlo : from->mlo;
		into->mhi = had && into->mhi > from->mhi ? into->mhi : from->mhi;
	}
}

/* "2019-04-25", "2019-04-23..2019-04-25", "--04-23" (no year), or "?". */
static void dates_str(char *buf, size_t size, const span_set *s)
{
	if (s->lo <= s->hi) {
		precis_ymd a = px_ymd_from_days(s->lo), b = px_ymd_from_days(s->hi);
		if (s->lo == s->hi)
			snprintf(buf, size, "%04d-%02d-%02d", a.year, a.month, a.day);
		else
			snprintf(buf, size, "%04d-%02d-%02d..%04d-%02d-%02d", a.year, a.month, a.day,
				 b.year, b.month, b.day);
	} else if (s->mlo <= s->mhi) {
		snprintf(buf, size, "--%02ld-%02ld", (s->mlo - 1) / 31, (s->mlo - 1) % 31 + 1);
	} else {
		snprintf(buf, size, "?");
	}
}

/* Up to three shared entity names, for the evidence text. */
static void shared_names(char *buf, size_t size, const coll *c, const work *x, const work *y)
{
	size_t i = 0, j = 0, k = 0, used = 0;
	buf[0] = '\0';
	while (i < x->nent && j < y->nent && k < 3) {
		if (x->ent[i] < y->ent[j]) {
			i++;
		} else if (y->ent[j] < x->ent[i]) {
			j++;
		} else {
			const char *name = c->ent_name[x->ent[i]];
			int w = snprintf(buf + used, size - used, "%s%s", k ? ", " : "", name);
			if (w < 0 || (size_t)w >= size - used)
				break;
			used += (size_t)w;
			i++, j++, k++;
		}
	}
}

#define CONFLICT "dates of the two stories conflict"

static int explain_add(precis_comparison *cmp, const coll *c, const edge *e, const span_set *da,
		       const span_set *db, double mean, bool linked, const char *why)
{
	px_decision *nv = realloc(cmp->decisions, (cmp->ndecisions + 1) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	cmp->decisions = nv;
	const work *x = &c->w[e->a], *y = &c->w[e->b];
	size_t shared;
	double eo = entity_overlap(c, x, y, &shared);
	char names[160], sa[48], sb[48], ca[48], cb[48], link[64] = "";
	shared_names(names, sizeof names, c, x, y);
	span_set pa = cluster_dates(x), pb = cluster_dates(y);
	dates_str(sa, sizeof sa, &pa);
	dates_str(sb, sizeof sb, &pb);
	dates_str(ca, sizeof ca, da);
	dates_str(cb, sizeof cb, db);
	if (mean == mean) /* NaN when the mean link was not needed */
		snprintf(link, sizeof link, "; mean link of the two stories %.3f", mean);
	char conflict[112] = "";
	if (strcmp(why, CONFLICT) == 0)
		snprintf(conflict, sizeof conflict, " (%s vs %s)", ca, cb);
	char buf[768];
	snprintf(buf, sizeof buf, "cosine %.3f%s; %zu shared entities%s%s (overlap %.2f); dates %s (%s / %s)%s; %s%s",
		 e->cosine, strcmp(x->doc->lang, y->doc->lang) ? " (x2: two languages)" : "", shared,
		 shared ? ": " : "", names, eo,
		 e->date > 0 ? "agree" : e->date < 0 ? "conflict" : "say nothing", sa, sb, link, why,
		 conflict);
	nv[cmp->ndecisions++] = (px_decision){ e->a, e->b, e->cosine, e->score, strdup(buf), linked };
	return 0;
}

/* Cluster members as linked lists (head and tail per root), for the mean link. */
#define NONE ((size_t)-1)
typedef struct {
	size_t *parent, *next, *head, *tail;
	span_set *dates;
} clusters;

/*
 * Average link: the mean evidence over the pairs across two clusters (at
 * most LINK_SAMPLE members of each side, so the cost stays bounded), so
 * that one strong pair cannot chain two events together, as single link
 * does with successive rulings of one trial.
 */
#define LINK_SAMPLE 12

static double mean_link(const coll *c, const clusters *k, size_t ra, size_t rb)
{
	double sum = 0;
	size_t n = 0, ia = 0;
	for (size_t x = k->head[ra]; x != NONE && ia < LINK_SAMPLE; x = k->next[x], ia++) {
		size_t ib = 0;
		for (size_t y = k->head[rb]; y != NONE && ib < LINK_SAMPLE; y = k->next[y], ib++) {
			int date;
			sum += pair_score(c, x, y, px_vec_dot(&c->w[x].vec, &c->w[y].vec), &date);
			n++;
		}
	}
	return n ? sum / (double)n : 0;
}

static void clusters_free(clusters *k)
{
	free(k->parent);
	free(k->next);
	free(k->head);
	free(k->tail);
	free(k->dates);
}

static int clusters_init(clusters *k, const coll *c)
{
	size_t n = c->n ? c->n : 1;
	k->parent = malloc(n * sizeof *k->parent);
	k->next = malloc(n * sizeof *k->next);
	k->head = malloc(n * sizeof *k->head);
	k->tail = malloc(n * sizeof *k->tail);
	k->dates = malloc(n * sizeof *k->dates);
	if (!k->parent || !k->next || !k->head || !k->tail || !k->dates) {
		clusters_free(k);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < c->n; i++) {
		k->parent[i] = k->head[i] = k->tail[i] = i;
		k->next[i] = NONE;
		k->dates[i] = cluster_dates(&c->w[i]);
	}
	return 0;
}

static void clusters_merge(clusters *k, size_t ra, size_t rb)
{
	merge_dates(&k->dates[ra], &k->dates[rb]);
	k->parent[rb] = ra;
	k->next[k->tail[ra]] = k->head[rb];
	k->tail[ra] = k->tail[rb];
}

/*
 * Stories: candidate pairs in decreasing evidence; two stories merge when
 * the pair clears the threshold, their dates do not conflict, and the
 * mean evidence across them clears it too (average link). --stories N
 * instead merges the best pairs until N stories remain.
 */
static int group(precis_comparison *cmp, coll *c, const precis_compare_options *o, size_t **story_of)
{
	size_t n = c->n;
	edge *edges;
	size_t ne;
	int rc = candidate_edges(&edges, &ne, c, cmp->sim);
	if (rc)
		return rc;
	clusters k;
	if ((rc = clusters_init(&k, c))) {
		free(edges);
		return rc;
	}
	size_t count = n;
	for (size_t e = 0; e < ne && !rc; e++) {
		const edge *ed = &edges[e];
		size_t ra = find(k.parent, ed->a), rb = find(k.parent, ed->b);
		bool want = o->stories ? count > o->stories : ed->score >= o->threshold;
		double mean = NAN;
		const char *why;
		bool linked = false;
		if (ra == rb)
			why = "already in one story";
		else if (!want)
			why = o->stories ? "enough stories" : "below the threshold";
		else if (date_conflict(&k.dates[ra], &k.dates[rb]))
			why = CONFLICT;
		else if (!o->stories && (k.head[ra] != k.tail[ra] || k.head[rb] != k.tail[rb]) &&
			 (mean = mean_link(c, &k, ra, rb)) < o->threshold)
			why = "the two stories are too far apart on average";
		else {
			linked = true;
			why = "linked";
		}
		if (o->explain && (linked || ed->score >= o->threshold * 0.5 || e < 50) &&
		    cmp->ndecisions < 10 * n)
			rc = explain_add(cmp, c, ed, &k.dates[ra], &k.dates[rb], mean, linked, why);
		if (linked) {
			clusters_merge(&k, ra, rb);
			count--;
		}
	}
	free(edges);
	if (!rc && !(*story_of = malloc((n ? n : 1) * sizeof **story_of)))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; !rc && i < n; i++)
		(*story_of)[i] = find(k.parent, i);
	clusters_free(&k);
	return rc;
}

/* ------------------------------------------------------------- stories */

/* Alignment score of two sentences: TF-IDF cosine plus content-word overlap. */
static double align(const svec *a, const svec *b)
{
	double cosv = px_vec_dot(a, b);
	size_t i = 0, j = 0, inter = 0;
	while (i < a->n && j < b->n) {
		if (a->id[i] < b->id[j])
			i++;
		else if (a->id[i] > b->id[j])
			j++;
		else
			inter++, i++, j++;
	}
	size_t uni = a->n + b->n - inter;
	double jac = uni ? (double)inter / (double)uni : 0;
	return 0.7 * cosv + 0.3 * jac;
}

static char *sentence_text(const work *w, size_t s)
{
	return span_dup(w->doc->text, w->doc->sents[s]);
}

static int push_fact(px_fact **v, size_t *n, char *text, size_t *arts, size_t na)
{
	px_fact *nv = realloc(*v, (*n + 1) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	*v = nv;
	size_t *copy = malloc((na ? na : 1) * sizeof *copy);
	if (!copy)
		return PRECIS_ENOMEM;
	memcpy(copy, arts, na * sizeof *copy);
	nv[(*n)++] = (px_fact){ text, copy, na };
	return 0;
}

/*
 * Big stories are analysed on a bounded sample so cost stays linear in
 * the collection: the first FACT_ARTICLES articles, the first
 * FACT_SENTENCES sentences of each.
 */
#define FACT_ARTICLES 40
#define FACT_SENTENCES 40
#define FACT_MIN_WORDS 5
#define UNIQUE_MAX 3

/* One sentence of a story: who carries it and how central it is. */
typedef struct {
	size_t art;       /* index into the story's articles */
	size_t sent;      /* sentence number in its article */
	size_t *carriers; /* story-article indices whose best match aligns (itself first) */
	size_t ncarriers;
	double centrality; /* mean best alignment with the other articles */
	double score;
} unit;

static void units_free(unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(u[i].carriers);
	free(u);
}

/*
 * Align every sentence of every article with its best match in each other
 * article (stemmed TF-IDF cosine plus word overlap, align()); a match
 * scoring ALIGN_MIN or more carries the same fact.
 */
static int align_story(unit **out, size_t *nout, const coll *c, const px_story *st)
{
	size_t na = st->narticles < FACT_ARTICLES ? st->narticles : FACT_ARTICLES;
	size_t total = 0;
	for (size_t x = 0; x < na; x++) {
		size_t ns = c->w[st->articles[x]].doc->nsents;
		total += ns < FACT_SENTENCES ? ns : FACT_SENTENCES;
	}
	unit *u = calloc(total ? total : 1, sizeof *u);
	if (!u)
		return PRECIS_ENOMEM;
	size_t n = 0;
	for (size_t x = 0; x < na; x++) {
		const work *wx = &c->w[st->articles[x]];
		size_t ns = wx->doc->nsents < FACT_SENTENCES ? wx->doc->nsents : FACT_SENTENCES;
		for (size_t s = 0; s < ns; s++) {
			if (wx->doc->words[s] < FACT_MIN_WORDS)
				continue;
			unit *v = &u[n++];
			v->art = x;
			v->sent = s;
			if (!(v->carriers = malloc(na * sizeof *v->carriers))) {
				units_free(u, n);
				return PRECIS_ENOMEM;
			}
			v->carriers[v->ncarriers++] = x;
			double sum = 0;
			for (size_t y = 0; y < na; y++) {
				if (y == x)
					continue;
				const work *wy = &c->w[st->articles[y]];
				size_t nt = wy->doc->nsents < FACT_SENTENCES ? wy->doc->nsents : FACT_SENTENCES;
				double best = 0;
				for (size_t t = 0; t < nt; t++) {
					double a = align(&wx->sent[s], &wy->sent[t]);
					best = a > best ? a : best;
				}
				sum += best;
				if (best >= ALIGN_MIN)
					v->carriers[v->ncarriers++] = y;
			}
			v->centrality = na > 1 ? sum / (double)(na - 1) : 0;
		}
	}
	*out = u;
	*nout = n;
	return 0;
}

static int credit(px_fact **v, size_t *nv, const coll *c, const px_story *st, const unit *u)
{
	size_t arts[FACT_ARTICLES];
	for (size_t k = 0; k < u->ncarriers; k++) { /* in story order */
		size_t v = st->articles[u->carriers[k]], at = k;
		for (; at > 0 && arts[at - 1] > v; at--)
			arts[at] = arts[at - 1];
		arts[at] = v;
	}
	char *text = sentence_text(&c->w[st->articles[u->art]], u->sent);
	if (!text)
		return PRECIS_ENOMEM;
	return push_fact(v, nv, text, arts, u->ncarriers);
}

/* Which other articles of the story carry each sentence of an article's summary. */
static int summary_carriers(px_article *pa, const work *w, const px_story *st, const unit *u,
			    size_t nu, size_t x)
{
	if (!pa->nsummary)
		return 0;
	if (!(pa->summary_also = calloc(pa->nsummary, sizeof *pa->summary_also)))
		return PRECIS_ENOMEM;
	const precis_pick *picks = precis_summary_picks(w->sum);
	for (size_t k = 0; k < pa->nsummary; k++)
		for (size_t i = 0; i < nu; i++) {
			if (u[i].art != x || u[i].sent != picks[k].index || u[i].ncarriers < 2)
				continue;
			px_carriers *cr = &pa->summary_also[k];
			if (!(cr->articles = malloc((u[i].ncarriers - 1) * sizeof *cr->articles)))
				return PRECIS_ENOMEM;
			for (size_t q = 1; q < u[i].ncarriers; q++)
				cr->articles[cr->n++] = st->articles[u[i].carriers[q]];
			break;
		}
	return 0;
}

/*
 * Shared facts: sentences carried by two outlets or more, each listed once
 * (from the first article that has it), most widely carried first.
 * Unique facts: per article, its best-ranked sentences (by its own summary
 * scores) that no other outlet carries, in document order.
 */
static int facts(precis_comparison *cmp, const coll *c, px_story *st, const unit *u, size_t nu)
{
	if (st->narticles < 2)
		return 0;
	size_t *order = malloc((nu ? nu : 1) * sizeof *order);
	if (!order)
		return PRECIS_ENOMEM;
	size_t no = 0;
	for (size_t i = 0; i < nu; i++) {
		if (u[i].ncarriers < 2)
			continue;
		/* Skip a sentence another listed fact already stands for. */
		bool dup = false;
		for (size_t k = 0; k < no && !dup; k++) {
			const unit *f = &u[order[k]];
			dup = align(&c->w[st->articles[f->art]].sent[f->sent],
				    &c->w[st->articles[u[i].art]].sent[u[i].sent]) >= ALIGN_MIN;
		}
		if (!dup)
			order[no++] = i;
	}
	for (size_t i = 1; i < no; i++) /* stable: most carriers first */
		for (size_t k = i; k > 0 && u[order[k]].ncarriers > u[order[k - 1]].ncarriers; k--) {
			size_t t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	int rc = 0;
	for (size_t k = 0; k < no && !rc; k++)
		rc = credit(&st->shared, &st->nshared, c, st, &u[order[k]]);
	free(order);
	for (size_t x = 0; x < st->narticles && x < FACT_ARTICLES && !rc; x++) {
		const work *w = &c->w[st->articles[x]];
		px_article *pa = &cmp->articles[st->articles[x]];
		size_t nscores;
		const double *score = precis_summary_scores(w->sum, &nscores);
		size_t pick[UNIQUE_MAX], np = 0;
		for (size_t i = 0; i < nu; i++) {
			if (u[i].art != x || u[i].ncarriers > 1 || u[i].sent >= nscores)
				continue;
			size_t at = np < UNIQUE_MAX ? np++ : UNIQUE_MAX;
			if (at == UNIQUE_MAX && score[u[i].sent] <= score[u[pick[UNIQUE_MAX - 1]].sent])
				continue;
			if (at == UNIQUE_MAX)
				at = UNIQUE_MAX - 1;
			pick[at] = i;
			for (; at > 0 && score[u[pick[at]].sent] > score[u[pick[at - 1]].sent]; at--) {
				size_t t = pick[at];
				pick[at] = pick[at - 1];
				pick[at - 1] = t;
			}
		}
		for (size_t i = 1; i < np; i++) /* back to document order */
			for (size_t k = i; k > 0 && u[pick[k]].sent < u[pick[k - 1]].sent; k--) {
				size_t t = pick[k];
				pick[k] = pick[k - 1];
				pick[k - 1] = t;
			}
		if (np && !(pa->unique = calloc(np, sizeof *pa->unique)))
			rc = PRECIS_ENOMEM;
		if (!rc)
			rc = summary_carriers(pa, w, st, u, nu, x);
		for (size_t k = 0; k < np && !rc; k++)
			if (!(pa->unique[pa->nunique++] = sentence_text(w, u[pick[k]].sent)))
				rc = PRECIS_ENOMEM;
	}
	return rc;
}

/*
 * Consensus summary: every sentence of the story scored by the share of
 * outlets carrying it, its mean alignment with the other outlets and an
 * early-position prior (news puts key facts first), then picked by MMR so
 * that no two picks state the same fact; each pick is credited to the
 * outlets that carry it. One article alone: its own summary.
 */
#define CONSENSUS_CARRY 1.0
#define CONSENSUS_CENTRAL 1.0
#define CONSENSUS_LEAD 0.3

static int consensus(const coll *c, px_story *st, unit *u, size_t nu, size_t want)
{
	size_t a0 = st->articles[0];
	if (st->narticles < 2) {
		const precis_summary *s = c->w[a0].sum;
		int rc = 0;
		for (size_t k = 0; k < precis_summary_count(s) && !rc; k++) {
			char *t = span_dup(c->w[a0].doc->text, precis_summary_picks(s)[k].span);
			rc = t ? push_fact(&st->consensus, &st->nconsensus, t, &a0, 1) : PRECIS_ENOMEM;
		}
		return rc;
	}
	size_t na = st->narticles < FACT_ARTICLES ? st->narticles : FACT_ARTICLES;
	for (size_t i = 0; i < nu; i++) {
		const work *w = &c->w[st->articles[u[i].art]];
		u[i].score = CONSENSUS_CARRY * (double)(u[i].ncarriers - 1) / (double)(na - 1) +
			     CONSENSUS_CENTRAL * u[i].centrality +
			     CONSENSUS_LEAD / (1.0 + (double)u[i].sent) +
			     (w->doc->complete[u[i].sent] ? 0 : -1.0);
	}
	size_t picked[64];
	size_t np = 0;
	int rc = 0;
	while (np < want && np < 64 && !rc) {
		size_t best = nu;
		double best_v = -INFINITY;
		for (size_t i = 0; i < nu; i++) {
			const svec *vi = &c->w[st->articles[u[i].art]].sent[u[i].sent];
			double redundancy = 0;
			bool taken = false;
			for (size_t k = 0; k < np; k++) {
				const unit *p = &u[picked[k]];
				double a = align(vi, &c->w[st->articles[p->art]].sent[p->sent]);
				redundancy = a > redundancy ? a : redundancy;
				taken |= picked[k] == i;
			}
			if (taken || redundancy >= ALIGN_MIN)
				continue;
			double v = u[i].score - redundancy;
			if (v > best_v) {
				best_v = v;
				best = i;
			}
		}
		if (best == nu)
			break;
		picked[np++] = best;
		rc = credit(&st->consensus, &st->nconsensus, c, st, &u[best]);
	}
	return rc;
}

typedef struct {
	const char *w;
	double z;
} zterm;

static int cmp_z(const void *a, const void *b)
{
	const zterm *x = a, *y = b;
	if (x->z != y->z)
		return x->z < y->z ? 1 : -1;
	return strcmp(x->w, y->w);
}

/*
 * Distinctive words of each outlet against the rest of its story:
 * weighted log-odds ratio with an informative Dirichlet prior from the
 * whole collection (Monroe, Colaresi & Quinn 2008), as z-scores.
 */
/* Double a zeroed count array until it holds index *cap; false when out of memory. */
static bool grow_counts(double **v, size_t *cap)
{
	size_t nc = *cap ? *cap * 2 : 1024;
	double *nv = realloc(*v, nc * sizeof *nv);
	if (!nv)
		return false;
	memset(nv + *cap, 0, (nc - *cap) * sizeof *nv);
	*v = nv;
	*cap = nc;
	return true;
}

#define DISTINCT_MIN_COUNT 2
#define DISTINCT_MIN_Z 1.0

static int distinctive(precis_comparison *cmp, coll *c, px_story *st, px_strmap *all,
		       const double *all_count, double all_total)
{
	if (st->narticles < 2)
		return 0;
	/*
	 * Prior strength in words: Monroe et al. scale the collection counts;
	 * at 200 a short article's own usage still shows through the prior.
	 */
	const double a0 = 200.0;
	/* The story's counts, so that "the other outlets" is the story minus this one. */
	px_strmap *story;
	if (px_strmap_new(&story))
		return PRECIS_ENOMEM;
	double *scount = NULL, stotal = 0;
	size_t cap = 0;
	for (size_t x = 0; x < st->narticles; x++) {
		const work *wx = &c->w[st->articles[x]];
		for (size_t k = 0; k < px_strmap_count(wx->words); k++) {
			size_t len;
			const char *word = px_strmap_key(wx->words, (int64_t)k, &len);
			int64_t id;
			if (px_strmap_intern(story, word, len, &id, NULL) ||
			    ((size_t)id >= cap && !grow_counts(&scount, &cap))) {
				px_strmap_free(story);
				free(scount);
				return PRECIS_ENOMEM;
			}
			scount[id] += wx->wcount[k];
			stotal += wx->wcount[k];
		}
	}
	int rc = 0;
	for (size_t x = 0; x < st->narticles && !rc; x++) {
		work *wx = &c->w[st->articles[x]];
		px_article *pa = &cmp->articles[st->articles[x]];
		size_t nw = px_strmap_count(wx->words);
		zterm *zs = malloc((nw ? nw : 1) * sizeof *zs);
		if (!zs) {
			rc = PRECIS_ENOMEM;
			break;
		}
		double ni = (double)wx->nwords_total, nj = stotal - ni;
		size_t nz = 0;
		for (size_t k = 0; k < nw; k++) {
			size_t len;
			const char *word = px_strmap_key(wx->words, (int64_t)k, &len);
			int64_t g = px_strmap_get(all, word, len);
			double alpha = a0 * (g >= 0 ? all_count[g] : 1) / all_total;
			double yi = wx->wcount[k];
			double yj = scount[px_strmap_get(story, word, len)] - yi;
			double d = log((yi + alpha) / (ni + a0 - yi - alpha)) -
				   log((yj + alpha) / (nj + a0 - yj - alpha));
			double var = 1 / (yi + alpha) + 1 / (yj + alpha);
			if (yi >= DISTINCT_MIN_COUNT) /* "uses markedly more": at least twice */
				zs[nz++] = (zterm){ word, d / sqrt(var) };
		}
		qsort(zs, nz, sizeof *zs, cmp_z);
		pa->distinctive = calloc(MAX_TERMS, sizeof *pa->distinctive);
		for (size_t k = 0; pa->distinctive && k < nz && pa->ndistinctive < MAX_TERMS; k++)
			if (zs[k].z >= DISTINCT_MIN_Z)
				pa->distinctive[pa->ndistinctive++] =
					(px_term){ strdup(zs[k].w), zs[k].z };
		free(zs);
	}
	px_strmap_free(story);
	free(scount);
	return rc;
}

/* The headline's words, as the analyzer sees them, with their bytes. */
typedef struct {
	size_t start, end;
	char stem[64];
	bool stop, number;
} hword;

struct hwords {
	hword v[64];
	size_t n;
};

static int on_head_word(const px_word *w, void *ctx)
{
	struct hwords *h = ctx;
	if (h->n == sizeof h->v / sizeof h->v[0])
		return 1; /* a headline of 64 words is plenty */
	hword *x = &h->v[h->n++];
	x->start = w->start;
	x->end = w->end;
	snprintf(x->stem, sizeof x->stem, "%.*s", (int)w->stem_len, w->stem);
	x->stop = w->stop;
	x->number = w->number;
	return 0;
}

static bool starts_upper(const char *s, size_t len)
{
	size_t adv;
	int32_t cp = len ? px_utf8_decode(s, len, &adv) : -1;
	return cp > 0 && px_cp_is_upper(cp);
}

/* Folded equality of two byte strings (ASCII case only: names are compared as written). */
static bool same_word(const char *a, size_t na, const char *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return false;
	return true;
}

/* The entity one of whose variants is, or has a word equal to, s[0..len). */
static const char *entity_of(const precis_entity *e, size_t n, const char *s, size_t len,
			     const char *rest)
{
	for (size_t i = 0; i < n; i++)
		for (const char *const *v = e[i].variants; *v; v++) {
			size_t vl = strlen(*v);
			if (strncmp(rest, *v, vl) == 0)
				return e[i].name;
			for (const char *p = *v; *p;) {
				size_t wl = strcspn(p, " -");
				if (wl >= 3 && same_word(p, wl, s, len))
					return e[i].name;
				p += wl;
				p += *p != '\0';
			}
		}
	return NULL;
}

/* A capitalized word that the body also capitalizes mid-sentence: a name. */
static bool proper_in_body(const precis_doc *d, const char *s, size_t len)
{
	for (size_t i = 0; i < d->nsents; i++) {
		const char *t = d->text + d->sents[i].start;
		size_t tl = d->sents[i].end - d->sents[i].start;
		for (size_t k = 1; k + len <= tl; k++)
			if (t[k - 1] == ' ' && memcmp(t + k, s, len) == 0 &&
			    (k + len == tl || !isalpha((unsigned char)t[k + len])))
				return true;
	}
	return false;
}

/*
 * Who or what the headline puts first: the first capitalized word (after a
 * "Kicker:" or "Topic - " prefix) that names a person or place of the
 * article, or failing that a word the body writes as a name. Hyphenated
 * pairs count by their first half ("Poutine-Kim" -> Poutine).
 */
static char *headline_subject(const char *h, const struct hwords *hw, const work *w)
{
	size_t hl = strlen(h), from = 0;
	const char *k = strstr(h, ": ");
	if (!k)
		k = strstr(h, " - ");
	if (k && (size_t)(k - h) < hl / 2)
		from = (size_t)(k - h) + 2;
	size_t np, nl;
	const precis_entity *pe = precis_meta_persons(w->meta, &np);
	const precis_entity *pl = precis_meta_places(w->meta, &nl);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < hw->n; i++) {
			const hword *x = &hw->v[i];
			if ((pass == 0) != (x->start >= from) || !starts_upper(h + x->start, x->end - x->start))
				continue;
			size_t len = x->end - x->start;
			size_t part = strcspn(h + x->start, "-");
			if (part < len)
				len = part;
			const char *name = entity_of(pe, np, h + x->start, len, h + x->start);
			if (!name)
				name = entity_of(pl, nl, h + x->start, len, h + x->start);
			if (name)
				return strdup(name);
			if (proper_in_body(w->doc, h + x->start, len))
				return strndup(h + x->start, len);
		}
	return NULL;
}

/*
 * Headline: its subject, its key terms (content words, rarest in the
 * collection first, as written) and how well it agrees with its own lead
 * and summary (ROUGE-1 F, stemmed).
 */
static int headline(px_article *pa, work *w, coll *c, precis_rouge *scorer)
{
	pa->head_vs_lead = pa->head_vs_summary = NAN;
	if (!pa->headline)
		return 0;
	const char *h = pa->headline;
	struct hwords hw = { .n = 0 };
	px_analyze(c->a, w->doc->lang, h, strlen(h), PX_ANALYZE_STEM, on_head_word, &hw);
	pa->subject = headline_subject(h, &hw, w);
	pa->head_terms = calloc(MAX_TERMS, sizeof *pa->head_terms);
	if (!pa->head_terms)
		return PRECIS_ENOMEM;
	bool used[64] = { false };
	while (pa->nhead_terms < MAX_TERMS) {
		size_t best = hw.n;
		double best_idf = 0;
		for (size_t i = 0; i < hw.n; i++) {
			if (used[i] || hw.v[i].stop || hw.v[i].number)
				continue;
			int64_t id = px_strmap_get(c->vocab, hw.v[i].stem, strlen(hw.v[i].stem));
			double idf = id >= 0 ? c->idf[id] : 0;
			if (best == hw.n || idf > best_idf) {
				best = i;
				best_idf = idf;
			}
		}
		if (best == hw.n)
			break;
		for (size_t i = 0; i < hw.n; i++) /* one entry per stem */
			used[i] |= strcmp(hw.v[i].stem, hw.v[best].stem) == 0;
		char *term = strndup(h + hw.v[best].start, hw.v[best].end - hw.v[best].start);
		if (!term)
			return PRECIS_ENOMEM;
		pa->head_terms[pa->nhead_terms++] = (px_term){ term, best_idf };
	}
	precis_rouge_scores s;
	const char *lead = pa->lead;
	if (precis_rouge_score(&s, scorer, h, &lead, 1) == 0)
		pa->head_vs_lead = s.rouge1.f;
	size_t len = 1;
	for (size_t i = 0; i < pa->nsummary; i++)
		len += strlen(pa->summary[i]) + 1;
	char *sum = malloc(len);
	if (sum) {
		sum[0] = '\0';
		for (size_t i = 0; i < pa->nsummary; i++) {
			strcat(sum, pa->summary[i]);
			strcat(sum, "\n");
		}
		const char *sp = sum;
		if (precis_rouge_score(&s, scorer, h, &sp, 1) == 0)
			pa->head_vs_summary = s.rouge1.f;
		free(sum);
	}
	return 0;
}

/* -------------------------------------------------------------- reuse */

typedef struct {
	uint64_t h;
	uint32_t art, pos;
} shingle;

static int cmp_shingle(const void *a, const void *b)
{
	const shingle *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	if (x->art != y->art)
		return (x->art > y->art) - (x->art < y->art);
	return (x->pos > y->pos) - (x->pos < y->pos);
}

typedef struct {
	uint32_t a, b;
	uint32_t count;         /* shared shingles */
	unsigned char *ca, *cb; /* covered words (second pass) */
} pairmark;

/* Shingles shared by more articles than this are boilerplate, not copy. */
#define SHINGLE_MAX_DOCS 20
/* At most this many reuse pairs per article are examined. */
#define REUSE_PAIRS_PER_ARTICLE 10

static int cmp_pair_count(const void *p, const void *q)
{
	const pairmark *x = p, *y = q;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->a != y->a)
		return (x->a > y->a) - (x->a < y->a);
	return (x->b > y->b) - (x->b < y->b);
}

/* Walk the runs of equal shingles; fn sees each pair of different articles. */
static int each_shared(const shingle *sh, size_t k, int (*fn)(const shingle *, const shingle *, void *),
		       void *ctx)
{
	for (size_t s = 0; s < k;) {
		size_t e = s;
		while (e < k && sh[e].h == sh[s].h)
			e++;
		if (e - s <= SHINGLE_MAX_DOCS)
			for (size_t x = s; x < e; x++)
				for (size_t y = x + 1; y < e; y++)
					if (sh[x].art != sh[y].art) {
						int rc = fn(&sh[x], &sh[y], ctx);
						if (rc)
							return rc;
					}
		s = e;
	}
	return 0;
}

struct pairs {
	px_strmap *index; /* (a, b) -> position in v */
	pairmark *v;
	size_t n, cap;
	bool second;      /* pass 2: mark coverage of kept pairs only */
};

static int on_pair(const shingle *x, const shingle *y, void *vctx)
{
	struct pairs *p = vctx;
	uint32_t key[2] = { x->art, y->art };
	int64_t id;
	if (p->second) {
		id = px_strmap_get(p->index, (const char *)key, sizeof key);
		if (id < 0 || !p->v[id].ca)
			return 0;
		for (size_t q = 0; q < SHINGLE; q++) {
			p->v[id].ca[x->pos + q] = 1;
			p->v[id].cb[y->pos + q] = 1;
		}
		return 0;
	}
	int added;
	if (px_strmap_intern(p->index, (const char *)key, sizeof key, &id, &added))
		return PRECIS_ENOMEM;
	if (added) {
		if (p->n == p->cap) {
			size_t nc = p->cap ? p->cap * 2 : 256;
			pairmark *nv = realloc(p->v, nc * sizeof *nv);
			if (!nv)
				return PRECIS_ENOMEM;
			p->v = nv;
			p->cap = nc;
		}
		p->v[p->n++] = (pairmark){ x->art, y->art, 0, NULL, NULL };
	}
	p->v[id].count++;
	return 0;
}

/* Copy shared by two articles that credit the same agency is that agency's dispatch. */
static const char *common_agency(const px_article *a, const px_article *b)
{
	for (size_t i = 0; i < a->nagencies; i++)
		for (size_t j = 0; j < b->nagencies; j++)
			if (strcmp(a->agencies[i], b->agencies[j]) == 0)
				return a->agencies[i];
	return NULL;
}

static int reuse(precis_comparison *cmp, coll *c)
{
	size_t total = 0;
	for (size_t i = 0; i < c->n; i++)
		total += c->w[i].nw >= SHINGLE ? c->w[i].nw - SHINGLE + 1 : 0;
	shingle *sh = malloc((total ? total : 1) * sizeof *sh);
	if (!sh)
		return PRECIS_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < c->n; i++) {
		work *w = &c->w[i];
		for (size_t p = 0; p + SHINGLE <= w->nw; p++) {
			uint64_t h = 1469598103934665603ULL;
			for (size_t q = 0; q < SHINGLE; q++)
				h = (h ^ w->wh[p + q]) * 1099511628211ULL;
			sh[k++] = (shingle){ h, (uint32_t)i, (uint32_t)p };
		}
	}
	if (k > 1)
		qsort(sh, k, sizeof *sh, cmp_shingle);
	/* Pass 1: shared-shingle counts per pair; pass 2: coverage of the likely pairs. */
	struct pairs pp = { NULL, NULL, 0, 0, false };
	int rc = px_strmap_new(&pp.index);
	if (!rc)
		rc = each_shared(sh, k, on_pair, &pp);
	size_t *kept = calloc(c->n ? c->n : 1, sizeof *kept);
	if (!rc && !kept)
		rc = PRECIS_ENOMEM;
	if (!rc) {
		/* Rank pairs by count, keep the strongest few per article. */
		pairmark *sorted = malloc((pp.n ? pp.n : 1) * sizeof *sorted);
		if (!sorted)
			rc = PRECIS_ENOMEM;
		if (!rc) {
			if (pp.n)
				memcpy(sorted, pp.v, pp.n * sizeof *sorted);
			if (pp.n > 1)
				qsort(sorted, pp.n, sizeof *sorted, cmp_pair_count);
			for (size_t i = 0; i < pp.n && !rc; i++) {
				pairmark *m = &sorted[i];
				size_t sa = c->w[m->a].nw, sb = c->w[m->b].nw;
				size_t smaller = sa < sb ? sa : sb;
				if ((double)m->count < REUSE_MIN_SHARE * (double)smaller / 2 ||
				    kept[m->a] >= REUSE_PAIRS_PER_ARTICLE ||
				    kept[m->b] >= REUSE_PAIRS_PER_ARTICLE)
					continue;
				uint32_t key[2] = { m->a, m->b };
				int64_t id = px_strmap_get(pp.index, (const char *)key, sizeof key);
				pp.v[id].ca = calloc(sa, 1);
				pp.v[id].cb = calloc(sb, 1);
				if (!pp.v[id].ca || !pp.v[id].cb)
					rc = PRECIS_ENOMEM;
				kept[m->a]++;
				kept[m->b]++;
			}
		}
		free(sorted);
	}
	pp.second = true;
	if (!rc)
		rc = each_shared(sh, k, on_pair, &pp);
	free(sh);
	free(kept);
	for (size_t m = 0; m < pp.n; m++) {
		pairmark *x = &pp.v[m];
		if (!x->ca || !x->cb || rc) {
			free(x->ca);
			free(x->cb);
			continue;
		}
		work *wa = &c->w[x->a], *wb = &c->w[x->b];
		size_t na = 0, nb = 0;
		for (size_t i = 0; i < wa->nw; i++)
			na += x->ca[i];
		for (size_t i = 0; i < wb->nw; i++)
			nb += x->cb[i];
		double sa = wa->nw ? (double)na / (double)wa->nw : 0;
		double sb = wb->nw ? (double)nb / (double)wb->nw : 0;
		if (sa >= REUSE_MIN_SHARE || sb >= REUSE_MIN_SHARE) {
			px_reuse *nv = realloc(cmp->reuse, (cmp->nreuse + 1) * sizeof *nv);
			if (!nv) {
				rc = PRECIS_ENOMEM;
			} else {
				cmp->reuse = nv;
				px_reuse *r = &nv[cmp->nreuse++];
				*r = (px_reuse){ x->a, x->b, sa, sb,
						 common_agency(&cmp->articles[x->a], &cmp->articles[x->b]),
						 NULL, 0 };
				/* Passages: maximal covered runs in a, as text. */
				for (size_t i = 0; i < wa->nw;) {
					if (!x->ca[i]) {
						i++;
						continue;
					}
					size_t j = i;
					while (j < wa->nw && x->ca[j])
						j++;
					char **np = realloc(r->passages, (r->npassages + 1) * sizeof *np);
					if (np) {
						r->passages = np;
						np[r->npassages++] = span_dup(wa->doc->text,
									      (precis_span){ wa->wspan[i].start,
											     wa->wspan[j - 1].end });
					}
					i = j;
				}
			}
		}
		free(x->ca);
		free(x->cb);
	}
	free(pp.v);
	px_strmap_free(pp.index);
	return rc;
}

/* ---------------------------------------------------------------- API */

static int cmp_story(const void *a, const void *b)
{
	const px_story *x = a, *y = b;
	if (x->narticles != y->narticles)
		return x->narticles < y->narticles ? 1 : -1;
	return (x->articles[0] > y->articles[0]) - (x->articles[0] < y->articles[0]);
}

static int build_stories(precis_comparison *cmp, coll *c, const size_t *story_of, size_t want)
{
	size_t n = c->n;
	cmp->stories = calloc(n, sizeof *cmp->stories);
	if (!cmp->stories)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		if (story_of[i] != i)
			continue;
		px_story *st = &cmp->stories[cmp->nstories++];
		for (size_t j = 0; j < n; j++)
			if (story_of[j] == i) {
				size_t *nv = realloc(st->articles, (st->narticles + 1) * sizeof *nv);
				if (!nv)
					return PRECIS_ENOMEM;
				st->articles = nv;
				nv[st->narticles++] = j;
			}
	}
	qsort(cmp->stories, cmp->nstories, sizeof *cmp->stories, cmp_story);
	/* Collection-wide word counts: the Dirichlet prior of distinctive(). */
	px_strmap *all;
	int rc = px_strmap_new(&all);
	double *all_count = NULL, all_total = 0;
	size_t cap = 0;
	for (size_t i = 0; i < n && !rc; i++)
		for (size_t k = 0; k < px_strmap_count(c->w[i].words) && !rc; k++) {
			size_t len;
			const char *word = px_strmap_key(c->w[i].words, (int64_t)k, &len);
			int64_t id;
			rc = px_strmap_intern(all, word, len, &id, NULL);
			if (!rc && (size_t)id >= cap) {
				size_t nc = cap ? cap * 2 : 4096;
				double *nv = realloc(all_count, nc * sizeof *nv);
				if (!nv) {
					rc = PRECIS_ENOMEM;
					break;
				}
				memset(nv + cap, 0, (nc - cap) * sizeof *nv);
				all_count = nv;
				cap = nc;
			}
			if (!rc) {
				all_count[id] += c->w[i].wcount[k];
				all_total += c->w[i].wcount[k];
			}
		}
	double *centroid = rc ? NULL : calloc(c->nterms ? c->nterms : 1, sizeof *centroid);
	if (!rc && !centroid)
		rc = PRECIS_ENOMEM;
	for (size_t s = 0; s < cmp->nstories && !rc; s++) {
		px_story *st = &cmp->stories[s];
		for (size_t x = 0; x < st->narticles; x++) {
			cmp->articles[st->articles[x]].story = (int)s;
			cmp->articles[st->articles[x]].color = (int)x;
		}
		/*
		 * Label: the headline of the article closest to the others, by
		 * its dot product with the story's summed vector (linear, not
		 * pairwise, in the story's size).
		 */
		for (size_t x = 0; x < st->narticles; x++) {
			const svec *v = &c->w[st->articles[x]].vec;
			for (size_t k = 0; k < v->n; k++)
				centroid[v->id[k]] += v->w[k];
		}
		size_t best = st->articles[0];
		double bestsum = -1;
		for (size_t x = 0; x < st->narticles; x++) {
			const svec *v = &c->w[st->articles[x]].vec;
			double sum = 0;
			for (size_t k = 0; k < v->n; k++)
				sum += v->w[k] * centroid[v->id[k]];
			if (sum > bestsum && cmp->articles[st->articles[x]].headline) {
				bestsum = sum;
				best = st->articles[x];
			}
		}
		for (size_t x = 0; x < st->narticles; x++) {
			const svec *v = &c->w[st->articles[x]].vec;
			for (size_t k = 0; k < v->n; k++)
				centroid[v->id[k]] = 0;
		}
		px_article *pb = &cmp->articles[best];
		st->label = strdup(pb->headline ? pb->headline : pb->lead);
		for (size_t x = 0; x < st->narticles && !st->date; x++)
			if (cmp->articles[st->articles[x]].event_date)
				st->date = strdup(cmp->articles[st->articles[x]].event_date);
		unit *u = NULL;
		size_t nu = 0;
		rc = align_story(&u, &nu, c, st);
		if (!rc)
			rc = facts(cmp, c, st, u, nu);
		if (!rc)
			rc = consensus(c, st, u, nu, want);
		units_free(u, nu);
		if (!rc)
			rc = distinctive(cmp, c, st, all, all_count, all_total);
	}
	free(centroid);
	px_strmap_free(all);
	free(all_count);
	return rc;
}

int precis_compare_new(precis_comparison **out, precis_analyzer *a,
		       const precis_article_input *in, size_t n, const precis_compare_options *opts,
		       precis_error *err)
{
	precis_compare_options defaults = PRECIS_COMPARE_OPTIONS_INIT;
	const precis_compare_options *o = opts ? opts : &defaults;
	if (!out || !a || (!in && n) || o->version != PRECIS_COMPARE_OPTIONS_VERSION)
		return px_error_set(err, PRECIS_EINVAL, 0, "invalid argument");
	precis_comparison *cmp = calloc(1, sizeof *cmp);
	coll c = { NULL, NULL, 0, NULL, 0, a, NULL, NULL, NULL };
	size_t *story_of = NULL;
	precis_rouge *scorer = NULL;
	int rc = 0, first_err = 0;
	if (!cmp || px_strmap_new(&c.vocab)) {
		free(cmp);
		px_strmap_free(c.vocab);
		return px_error_set(err, PRECIS_ENOMEM, 0, "out of memory");
	}
	cmp->threshold = o->threshold;
	cmp->articles = rc ? NULL : calloc(n ? n : 1, sizeof *cmp->articles);
	c.w = rc ? NULL : calloc(n ? n : 1, sizeof *c.w);
	if (!rc && (!cmp->articles || !c.w))
		rc = PRECIS_ENOMEM;
	/* Read every article; a bad one is reported and left out. */
	int *status = calloc(n ? n : 1, sizeof *status);
	precis_error *errs = calloc(n ? n : 1, sizeof *errs);
	if (!rc && (!status || !errs))
		rc = PRECIS_ENOMEM;
	if (!rc) {
		reader r = { .in = in, .o = o, .pa = cmp->articles, .w = c.w, .rc = status,
			     .err = errs, .n = n, .next = 0 };
		rc = read_all(&r, a, o->threads);
	}
	for (size_t i = 0; i < n && !rc; i++) {
		int r1 = status[i];
		if (r1 == PRECIS_ENOMEM)
			rc = r1;
		if (!r1 && (r1 = article_vectors(&c.w[i], &c)) == PRECIS_ENOMEM)
			rc = r1;
		if (r1 && !first_err) {
			first_err = r1;
			if (err) {
				*err = errs[i];
				err->code = r1;
				snprintf(err->message, sizeof err->message, "%.60s: %.180s",
					 in[i].id ? in[i].id : "article",
					 errs[i].message[0] ? errs[i].message : precis_strerror(r1));
			}
		}
	}
	/* Keep the good ones, in input order. */
	for (size_t i = 0; i < n && cmp->articles && c.w; i++) {
		if (rc || status[i] || !c.w[i].vec.id) {
			article_free(&cmp->articles[i]);
			work_free(&c.w[i]);
			continue;
		}
		cmp->articles[cmp->narticles++] = cmp->articles[i];
		c.w[c.n++] = c.w[i];
	}
	free(status);
	free(errs);
	if (!rc && c.n == 0)
		rc = first_err ? first_err : PRECIS_EEMPTY;
	/* Collection IDF over whole articles. */
	if (!rc) {
		c.nterms = px_strmap_count(c.vocab);
		c.idf = calloc(c.nterms ? c.nterms : 1, sizeof *c.idf);
		if (!c.idf)
			rc = PRECIS_ENOMEM;
	}
	for (size_t i = 0; !rc && i < c.n; i++)
		for (size_t k = 0; k < c.w[i].vec.n; k++)
			c.idf[c.w[i].vec.id[k]] += 1;
	for (size_t t = 0; !rc && t < c.nterms; t++)
		c.idf[t] = log((1.0 + (double)c.n) / (1.0 + c.idf[t])) + 1.0;
	for (size_t i = 0; !rc && i < c.n; i++) {
		weigh(&c.w[i].vec, c.idf);
		for (size_t s = 0; s < c.w[i].doc->nsents; s++)
			weigh(&c.w[i].sent[s], c.idf);
	}
	if (!rc && c.n <= MATRIX_MAX) {
		cmp->sim = calloc(c.n * c.n, sizeof *cmp->sim);
		for (size_t i = 0; cmp->sim && i < c.n; i++)
			cmp->sim[i * c.n + i] = 1;
	}
	precis_rouge_options ro = PRECIS_ROUGE_OPTIONS_INIT;
	ro.stem = true;
	ro.measures = PRECIS_ROUGE_M_N;
	if (!rc)
		rc = precis_rouge_new(&scorer, &ro);
	for (size_t i = 0; !rc && i < c.n; i++)
		rc = headline(&cmp->articles[i], &c.w[i], &c, scorer);
	if (!rc)
		rc = entity_index(&c, cmp->articles);
	if (!rc)
		rc = group(cmp, &c, o, &story_of);
	if (!rc)
		rc = build_stories(cmp, &c, story_of, o->summary_sentences);
	if (!rc)
		rc = reuse(cmp, &c);
	free(story_of);
	precis_rouge_free(scorer);
	for (size_t i = 0; c.w && i < c.n; i++)
		work_free(&c.w[i]);
	free(c.w);
	free(c.idf);
	px_strmap_free(c.vocab);
	px_strmap_free(c.ents);
	free(c.ent_idf);
	free(c.ent_name);
	if (rc) {
		if (err && !err->code)
			px_error_set(err, rc, 0, "%s", precis_strerror(rc));
		precis_comparison_free(cmp);
		return rc;
	}
	*out = cmp;
	return 0;
}

void precis_comparison_free(precis_comparison *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->narticles; i++)
		article_free(&c->articles[i]);
	free(c->articles);
	for (size_t s = 0; s < c->nstories; s++) {
		px_story *st = &c->stories[s];
		free(st->articles);
		free(st->label);
		free(st->date);
		for (size_t k = 0; k < st->nshared; k++) {
			free(st->shared[k].text);
			free(st->shared[k].articles);
		}
		free(st->shared);
		for (size_t k = 0; k < st->nconsensus; k++) {
			free(st->consensus[k].text);
			free(st->consensus[k].articles);
		}
		free(st->consensus);
	}
	free(c->stories);
	for (size_t r = 0; r < c->nreuse; r++) {
		for (size_t k = 0; k < c->reuse[r].npassages; k++)
			free(c->reuse[r].passages[k]);
		free(c->reuse[r].passages);
	}
	free(c->reuse);
	free(c->sim);
	for (size_t k = 0; k < c->ndecisions; k++)
		free(c->decisions[k].evidence);
	free(c->decisions);
	free(c);
}

size_t precis_comparison_story_count(const precis_comparison *c)
{
	return c->nstories;
}
