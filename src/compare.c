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
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "compare.h"
#include "doc.h"
#include "error.h"
#include "strmap.h"
#include "text.h"
#include "vectorize.h"

#define MATRIX_MAX 200      /* full similarity matrix up to this many articles */
#define NEIGHBORS 30        /* candidate links kept per article past that */
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
} work;

typedef struct {
	px_strmap *vocab;      /* stems of the collection */
	double *idf;
	size_t nterms;
	work *w;
	size_t n;
	precis_analyzer *a;
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

static long day_number(precis_ymd d);

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

static int read_article(px_article *pa, work *w, coll *c, const precis_article_input *in,
			const precis_compare_options *o, precis_error *err)
{
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = o->lang;
	dopt.title = in->title;
	int rc = precis_doc_new(&w->doc, c->a, in->text, in->len, &dopt, err);
	if (rc)
		return rc;
	if (precis_doc_sentence_count(w->doc) == 0)
		return px_error_set(err, PRECIS_EEMPTY, 0, "no sentences (empty or only boilerplate)");
	if ((rc = precis_meta_new(&w->meta, c->a, w->doc, in->date)))
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
	if (w->has_event)
		pa->event_date = ymd_str(w->ev_first, w->ev_last);
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
	pa->lead = span_dup(text, d->sents[0]);
	size_t ns = precis_summary_count(w->sum);
	pa->summary = calloc(ns ? ns : 1, sizeof *pa->summary);
	for (size_t i = 0; pa->summary && i < ns; i++)
		pa->summary[pa->nsummary++] = span_dup(text, precis_summary_picks(w->sum)[i].span);
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
	if (rc || !w->sent)
		return rc ? rc : PRECIS_ENOMEM;
	/* Words: content counts for log-odds; every word hashed for shingles. */
	if ((rc = px_strmap_new(&w->words)))
		return rc;
	struct words_ctx wc = { w, c->a, d->lang, 0, 0, 0 };
	for (size_t i = 0; i < d->nsents && !wc.err; i++) {
		wc.base = d->sents[i].start;
		px_analyze(c->a, d->lang, text + d->sents[i].start, d->sents[i].end - d->sents[i].start,
			   0, on_body_word, &wc);
	}
	return wc.err;
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
	for (size_t i = 0; i < a->nsummary; i++)
		free(a->summary[i]);
	free(a->summary);
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

/* ------------------------------------------------------------ grouping */

static size_t overlap(char **a, size_t na, char **b, size_t nb)
{
	size_t k = 0;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			k += strcmp(a[i], b[j]) == 0;
	return k;
}

static double jaccard(char **a, size_t na, char **b, size_t nb)
{
	size_t k = overlap(a, na, b, nb);
	return na + nb - k ? (double)k / (double)(na + nb - k) : 0;
}

static long day_number(precis_ymd d)
{
	int y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
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
		long a0 = day_number(x->ev_first), a1 = day_number(x->ev_last);
		long b0 = day_number(y->ev_first), b1 = day_number(y->ev_last);
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

static double pair_score(const px_article *pa, const work *w, size_t i, size_t j, double cosv,
			 int *date)
{
	long gap;
	*date = date_evidence(&w[i], &w[j], &gap);
	double s = cosv;
	s += *date > 0 ? 0.2 : *date < 0 ? -0.5 : 0;
	s += 0.3 * jaccard(pa[i].places, pa[i].nplaces, pa[j].places, pa[j].nplaces);
	s += 0.3 * jaccard(pa[i].persons, pa[i].npersons, pa[j].persons, pa[j].npersons);
	return s;
}

/* Candidate pairs through an inverted index over rare-enough terms. */
static int candidate_edges(edge **out, size_t *nout, coll *c, const px_article *pa, double *sim)
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
	/* Terms in more than a fifth of a large collection link everything to everything. */
	size_t dfcap = n > 50 ? n / 5 : n;
	for (size_t i = 0; i < n && !rc; i++) {
		size_t nt_i = 0;
		const svec *v = &c->w[i].vec;
		for (size_t k = 0; k < v->n; k++) {
			uint32_t t = v->id[k];
			if (df[t] > dfcap)
				continue;
			for (size_t q = start[t]; q < start[t + 1]; q++) {
				size_t j = post[q];
				if (j <= i)
					continue;
				if (acc[j] == 0)
					touched[nt_i++] = j;
				acc[j] += 1; /* a shared term: worth an exact cosine */
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
			double s = pair_score(pa, c->w, i, j, cosv, &date);
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
		s.lo = day_number(w->ev_first);
		s.hi = day_number(w->ev_last);
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

static int explain_add(precis_comparison *cmp, const px_article *pa, const edge *e, bool linked,
		       const char *why)
{
	px_decision *nv = realloc(cmp->decisions, (cmp->ndecisions + 1) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	cmp->decisions = nv;
	char buf[512];
	size_t sp = overlap(pa[e->a].places, pa[e->a].nplaces, pa[e->b].places, pa[e->b].nplaces);
	size_t sq = overlap(pa[e->a].persons, pa[e->a].npersons, pa[e->b].persons,
			    pa[e->b].npersons);
	snprintf(buf, sizeof buf, "cosine %.3f; dates %s (%s / %s); %zu shared places, %zu shared persons; %s",
		 e->cosine, e->date > 0 ? "agree" : e->date < 0 ? "conflict" : "unknown",
		 pa[e->a].event_date ? pa[e->a].event_date : "?",
		 pa[e->b].event_date ? pa[e->b].event_date : "?", sp, sq, why);
	nv[cmp->ndecisions++] = (px_decision){ e->a, e->b, e->cosine, e->score, strdup(buf), linked };
	return 0;
}

static int group(precis_comparison *cmp, coll *c, const precis_compare_options *o, size_t **story_of)
{
	size_t n = c->n;
	edge *edges;
	size_t ne;
	int rc = candidate_edges(&edges, &ne, c, cmp->articles, cmp->sim);
	if (rc)
		return rc;
	size_t *parent = malloc(n * sizeof *parent);
	if (!parent) {
		free(edges);
		return PRECIS_ENOMEM;
	}
	span_set *dates = malloc(n * sizeof *dates);
	if (!dates) {
		free(edges);
		free(parent);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		dates[i] = cluster_dates(&c->w[i]);
	}
	size_t clusters = n;
	for (size_t k = 0; k < ne && !rc; k++) {
		const edge *e = &edges[k];
		size_t ra = find(parent, e->a), rb = find(parent, e->b);
		bool want = o->stories ? clusters > o->stories : e->score >= o->threshold;
		const char *why;
		bool linked = false;
		if (ra == rb)
			why = "already in one story";
		else if (!want)
			why = o->stories ? "enough stories" : "below the threshold";
		else if (date_conflict(&dates[ra], &dates[rb]))
			why = "dates of the two stories conflict";
		else {
			merge_dates(&dates[ra], &dates[rb]);
			parent[rb] = ra;
			clusters--;
			linked = true;
			why = "linked";
		}
		if (o->explain && (linked || e->score >= o->threshold * 0.5 || k < 50) &&
		    cmp->ndecisions < 10 * n)
			rc = explain_add(cmp, cmp->articles, e, linked, why);
	}
	free(edges);
	free(dates);
	if (rc) {
		free(parent);
		return rc;
	}
	*story_of = malloc(n * sizeof **story_of);
	if (!*story_of) {
		free(parent);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		(*story_of)[i] = find(parent, i);
	free(parent);
	return 0;
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
 * Shared and unique facts. A sentence's fact is carried by every other
 * article holding a sentence that aligns with it; facts are listed once,
 * from the first article that has them.
 */
static int facts(precis_comparison *cmp, coll *c, px_story *st)
{
	size_t na = st->narticles;
	bool **seen = calloc(na, sizeof *seen);
	size_t *carriers = malloc((na ? na : 1) * sizeof *carriers);
	if (!seen || !carriers) {
		free(seen);
		free(carriers);
		return PRECIS_ENOMEM;
	}
	for (size_t x = 0; x < na; x++)
		seen[x] = calloc(c->w[st->articles[x]].doc->nsents + 1, sizeof **seen);
	int rc = 0;
	for (size_t x = 0; x < na && !rc; x++) {
		size_t ax = st->articles[x];
		work *wx = &c->w[ax];
		px_article *pa = &cmp->articles[ax];
		size_t uniq_cap = 3;
		pa->unique = calloc(uniq_cap, sizeof *pa->unique);
		for (size_t s = 0; s < wx->doc->nsents && !rc; s++) {
			if (seen[x][s] || wx->doc->words[s] < 5)
				continue;
			size_t nc = 0;
			carriers[nc++] = ax;
			for (size_t y = 0; y < na; y++) {
				if (y == x)
					continue;
				work *wy = &c->w[st->articles[y]];
				double best = 0;
				size_t bs = 0;
				for (size_t t = 0; t < wy->doc->nsents; t++) {
					double v = align(&wx->sent[s], &wy->sent[t]);
					if (v > best) {
						best = v;
						bs = t;
					}
				}
				if (best >= ALIGN_MIN) {
					carriers[nc++] = st->articles[y];
					seen[y][bs] = true;
				}
			}
			if (nc >= 2)
				rc = push_fact(&st->shared, &st->nshared, sentence_text(wx, s), carriers, nc);
			else if (na > 1 && pa->unique && pa->nunique < uniq_cap && s < 12)
				pa->unique[pa->nunique++] = sentence_text(wx, s);
		}
	}
	for (size_t x = 0; x < na; x++)
		free(seen[x]);
	free(seen);
	free(carriers);
	return rc;
}

/* Consensus: the best sentences over all outlets, by how many outlets carry them. */
static int consensus(precis_comparison *cmp, coll *c, px_story *st, size_t want)
{
	(void)cmp;
	/* Score each shared fact by its carriers; fall back to the first article's summary. */
	size_t *order = malloc((st->nshared ? st->nshared : 1) * sizeof *order);
	if (!order)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < st->nshared; i++)
		order[i] = i;
	for (size_t i = 1; i < st->nshared; i++) /* stable insertion sort by carriers */
		for (size_t k = i; k > 0 && st->shared[order[k]].narticles >
						     st->shared[order[k - 1]].narticles; k--) {
			size_t t = order[k];
			order[k] = order[k - 1];
			order[k - 1] = t;
		}
	int rc = 0;
	for (size_t i = 0; i < st->nshared && st->nconsensus < want && !rc; i++) {
		px_fact *f = &st->shared[order[i]];
		char *t = strdup(f->text);
		rc = t ? push_fact(&st->consensus, &st->nconsensus, t, f->articles, f->narticles)
		       : PRECIS_ENOMEM;
	}
	/* Not enough agreement (one outlet, or different texts): the lead article's summary. */
	size_t a0 = st->articles[0];
	const precis_summary *s = c->w[a0].sum;
	for (size_t k = 0; k < precis_summary_count(s) && st->nconsensus < want && !rc; k++) {
		char *t = span_dup(c->w[a0].doc->text, precis_summary_picks(s)[k].span);
		bool dup = false;
		for (size_t q = 0; t && q < st->nconsensus; q++)
			dup |= strcmp(st->consensus[q].text, t) == 0;
		if (dup) {
			free(t);
			continue;
		}
		rc = t ? push_fact(&st->consensus, &st->nconsensus, t, &a0, 1) : PRECIS_ENOMEM;
	}
	free(order);
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
static int distinctive(precis_comparison *cmp, coll *c, px_story *st, px_strmap *all,
		       const double *all_count, double all_total)
{
	if (st->narticles < 2)
		return 0;
	const double a0 = 1000.0; /* prior strength, in words */
	for (size_t x = 0; x < st->narticles; x++) {
		work *wx = &c->w[st->articles[x]];
		px_article *pa = &cmp->articles[st->articles[x]];
		size_t nw = px_strmap_count(wx->words);
		zterm *zs = malloc((nw ? nw : 1) * sizeof *zs);
		if (!zs)
			return PRECIS_ENOMEM;
		double ni = (double)wx->nwords_total, nj = 0;
		for (size_t y = 0; y < st->narticles; y++)
			if (y != x)
				nj += (double)c->w[st->articles[y]].nwords_total;
		size_t nz = 0;
		for (size_t k = 0; k < nw; k++) {
			size_t len;
			const char *word = px_strmap_key(wx->words, (int64_t)k, &len);
			int64_t g = px_strmap_get(all, word, len);
			double alpha = a0 * (g >= 0 ? all_count[g] : 1) / all_total;
			double yi = wx->wcount[k], yj = 0;
			for (size_t y = 0; y < st->narticles; y++) {
				if (y == x)
					continue;
				work *wy = &c->w[st->articles[y]];
				int64_t id = px_strmap_get(wy->words, word, len);
				if (id >= 0)
					yj += wy->wcount[id];
			}
			double d = log((yi + alpha) / (ni + a0 - yi - alpha)) -
				   log((yj + alpha) / (nj + a0 - yj - alpha));
			double var = 1 / (yi + alpha) + 1 / (yj + alpha);
			zs[nz++] = (zterm){ word, d / sqrt(var) };
		}
		qsort(zs, nz, sizeof *zs, cmp_z);
		pa->distinctive = calloc(MAX_TERMS, sizeof *pa->distinctive);
		for (size_t k = 0; pa->distinctive && k < nz && pa->ndistinctive < MAX_TERMS; k++)
			if (zs[k].z > 1.0)
				pa->distinctive[pa->ndistinctive++] =
					(px_term){ strdup(zs[k].w), zs[k].z };
		free(zs);
	}
	return 0;
}

/* Headline: its subject (first person or place), key terms, agreement with its body. */
static int headline(px_article *pa, work *w, coll *c, precis_rouge *scorer)
{
	if (!pa->headline)
		return 0;
	const char *h = pa->headline;
	/* The subject: the entity whose name appears first in the headline. */
	size_t best = (size_t)-1;
	const char *subject = NULL;
	size_t np, nl;
	const precis_entity *pe = precis_meta_persons(w->meta, &np);
	const precis_entity *pl = precis_meta_places(w->meta, &nl);
	for (int pass = 0; pass < 2; pass++) {
		const precis_entity *e = pass ? pl : pe;
		size_t n = pass ? nl : np;
		for (size_t i = 0; i < n; i++)
			for (const char *const *v = e[i].variants; *v; v++) {
				const char *hit = strstr(h, *v);
				if (hit && (size_t)(hit - h) < best) {
					best = (size_t)(hit - h);
					subject = e[i].name;
				}
			}
	}
	if (subject)
		pa->subject = strdup(subject);
	/* Key terms: the headline's content words by collection IDF. */
	const px_terms *t = &w->doc->title_terms;
	pa->head_terms = calloc(MAX_TERMS, sizeof *pa->head_terms);
	for (size_t k = 0; pa->head_terms && k < t->n && pa->nhead_terms < MAX_TERMS; k++) {
		size_t len;
		const char *key = px_strmap_key(w->doc->vocab, t->id[k], &len);
		int64_t id = px_strmap_get(c->vocab, key, len);
		pa->head_terms[pa->nhead_terms++] =
			(px_term){ strndup(key, len), id >= 0 ? c->idf[id] : 0 };
	}
	for (size_t i = 1; i < pa->nhead_terms; i++)
		for (size_t k = i; k > 0 && pa->head_terms[k].score > pa->head_terms[k - 1].score; k--) {
			px_term tmp = pa->head_terms[k];
			pa->head_terms[k] = pa->head_terms[k - 1];
			pa->head_terms[k - 1] = tmp;
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
				*r = (px_reuse){ x->a, x->b, sa, sb, NULL, 0 };
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
	for (size_t s = 0; s < cmp->nstories && !rc; s++) {
		px_story *st = &cmp->stories[s];
		for (size_t x = 0; x < st->narticles; x++) {
			cmp->articles[st->articles[x]].story = (int)s;
			cmp->articles[st->articles[x]].color = (int)x;
		}
		/* Label: the headline of the article closest to the others. */
		size_t best = st->articles[0];
		double bestsum = -1;
		for (size_t x = 0; x < st->narticles; x++) {
			double sum = 0;
			for (size_t y = 0; y < st->narticles; y++)
				sum += px_vec_dot(&c->w[st->articles[x]].vec, &c->w[st->articles[y]].vec);
			if (sum > bestsum && cmp->articles[st->articles[x]].headline) {
				bestsum = sum;
				best = st->articles[x];
			}
		}
		px_article *pb = &cmp->articles[best];
		st->label = strdup(pb->headline ? pb->headline : pb->lead);
		for (size_t x = 0; x < st->narticles && !st->date; x++)
			if (cmp->articles[st->articles[x]].event_date)
				st->date = strdup(cmp->articles[st->articles[x]].event_date);
		rc = facts(cmp, c, st);
		if (!rc)
			rc = consensus(cmp, c, st, want);
		if (!rc)
			rc = distinctive(cmp, c, st, all, all_count, all_total);
	}
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
	coll c = { NULL, NULL, 0, NULL, 0, a };
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
	for (size_t i = 0; i < n && !rc; i++) {
		precis_error e1 = { 0 };
		px_article *pa = &cmp->articles[cmp->narticles];
		work *w = &c.w[c.n];
		int r1 = read_article(pa, w, &c, &in[i], o, &e1);
		if (r1 == PRECIS_ENOMEM)
			rc = r1;
		if (r1) {
			if (!first_err) {
				first_err = r1;
				if (err) {
					*err = e1;
					err->code = r1;
					snprintf(err->message, sizeof err->message, "%.60s: %.180s",
						 in[i].id ? in[i].id : "article",
						 e1.message[0] ? e1.message : precis_strerror(r1));
				}
			}
			article_free(pa);
			memset(pa, 0, sizeof *pa);
			work_free(w);
			memset(w, 0, sizeof *w);
			continue;
		}
		cmp->narticles++;
		c.n++;
	}
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
