/*
 * compare_group: which articles report one event. Evidence per pair (TF-IDF
 * cosine, shared entities, event dates), candidate pairs from an inverted
 * index so large collections are not compared pair by pair, then
 * clustering by decreasing evidence with an average-link check, and the
 * --explain record of each decision.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "compare_priv.h"
#include "vec.h"

#define NEIGHBORS 30        /* candidate links kept per article past MATRIX_MAX */
#define COMMON_WINDOW 64    /* postings walked per very common term */
#define DATE_NEAR 3         /* days: same event */
#define DATE_FAR 10         /* days: different events */

/*
 * Entities of every article as sorted ids into one collection table, with
 * a smoothed IDF weight each. Entities are compared by precis_entity.key,
 * the folded form meta gives them ("Élysée" = "élysée", "Kim Jong-un" =
 * "Kim Jong Un").
 */
static int entity_intern(coll *c, size_t *cap_idf, size_t *cap_name, const char *key,
			 size_t len, const char *name, uint32_t *out)
{
	int64_t id;
	int added;
	if (px_strmap_intern(c->ents, key, len, &id, &added) ||
	    px_vec_reserve((void **)&c->ent_idf, cap_idf, (size_t)id + 1, sizeof *c->ent_idf) ||
	    px_vec_reserve((void **)&c->ent_name, cap_name, (size_t)id + 1, sizeof *c->ent_name))
		return PRECIS_ENOMEM;
	if (added) {
		c->ent_idf[id] = 0;
		c->ent_name[id] = name;
	}
	*out = (uint32_t)id;
	return 0;
}

int px_cmp_entity_index(coll *c)
{
	if (px_strmap_new(&c->ents))
		return PRECIS_ENOMEM;
	size_t cap_idf = 0, cap_name = 0;
	for (size_t i = 0; i < c->n; i++) {
		work *w = &c->w[i];
		size_t np, nl;
		const precis_entity *pe = precis_meta_persons(w->meta, &np);
		const precis_entity *pl = precis_meta_places(w->meta, &nl);
		if (!(w->ent = malloc((np + nl ? np + nl : 1) * sizeof *w->ent)))
			return PRECIS_ENOMEM;
		for (size_t k = 0; k < np + nl; k++) {
			const precis_entity *e = k < np ? &pe[k] : &pl[k - np];
			if (entity_intern(c, &cap_idf, &cap_name, e->key, strlen(e->key), e->name,
					  &w->ent[w->nent++]))
				return PRECIS_ENOMEM;
		}
		/* Sorted and unique, so that overlaps are merges. */
		w->nent = px_u32_sort_unique(w->ent, w->nent);
		for (size_t k = 0; k < w->nent; k++)
			c->ent_idf[w->ent[k]] += 1; /* document frequency for now */
	}
	for (size_t id = 0; id < px_strmap_count(c->ents); id++)
		c->ent_idf[id] = px_idf_smooth((double)c->n, c->ent_idf[id]);
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

/* Postings: for each term of the collection, the articles carrying it, in article order. */
typedef struct {
	size_t *df, *start, *post;
} postings;

static void postings_free(postings *p)
{
	free(p->df);
	free(p->start);
	free(p->post);
}

static int postings_build(postings *p, const coll *c)
{
	size_t nt = px_strmap_count(c->vocab);
	size_t *fill = calloc(nt ? nt : 1, sizeof *fill);
	int rc = PRECIS_ENOMEM;
	p->df = calloc(nt ? nt : 1, sizeof *p->df);
	p->start = calloc(nt + 1, sizeof *p->start);
	if (!fill || !p->df || !p->start)
		goto done;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->w[i].vec.n; k++)
			p->df[c->w[i].vec.id[k]]++;
	for (size_t t = 0; t < nt; t++)
		p->start[t + 1] = p->start[t] + p->df[t];
	if (!(p->post = malloc((p->start[nt] + 1) * sizeof *p->post)))
		goto done;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->w[i].vec.n; k++) {
			uint32_t t = c->w[i].vec.id[k];
			p->post[p->start[t] + fill[t]++] = i;
		}
	rc = 0;
done:
	free(fill);
	return rc;
}

/*
 * The articles after i that share a term with it, into touched[0..*ntouched)
 * with their summed shared IDF in acc; returns how many of the first ones
 * to score (the best-sharing NEIGHBORS past MATRIX_MAX articles).
 *
 * A term in more than a fifth of a large collection would pair nearly
 * every article with every other: its postings are only walked for the
 * next COMMON_WINDOW articles after this one. That still links the
 * articles of a story covered by most of the collection (each needs only a
 * few links into it), at a cost linear in n.
 */
static size_t touch_candidates(const coll *c, const postings *p, size_t i, double *acc,
			       size_t *touched, size_t *ntouched)
{
	size_t n = c->n, nt_i = 0;
	size_t dfcap = n > 50 ? n / 5 : n;
	const svec *v = &c->w[i].vec;
	for (size_t k = 0; k < v->n; k++) {
		uint32_t t = v->id[k];
		size_t lo = p->start[t], hi = p->start[t + 1];
		while (lo < hi) { /* postings are in article order: find i */
			size_t mid = lo + (hi - lo) / 2;
			if (p->post[mid] <= i)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = p->start[t + 1];
		if (p->df[t] > dfcap && end - lo > COMMON_WINDOW)
			end = lo + COMMON_WINDOW;
		for (size_t q = lo; q < end; q++) {
			size_t j = p->post[q];
			if (acc[j] == 0)
				touched[nt_i++] = j;
			acc[j] += c->idf[t]; /* shared terms, rare ones first, pick the candidates */
		}
	}
	*ntouched = nt_i;
	if (n <= MATRIX_MAX || nt_i <= NEIGHBORS)
		return nt_i;
	/* Partial selection by shared-term weight (deterministic ties by index). */
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
	return NEIGHBORS;
}

/* Candidate pairs through an inverted index over the terms, in decreasing evidence. */
static int candidate_edges(edge **out, size_t *nout, coll *c, double *sim)
{
	size_t n = c->n, ne = 0, cap = 0;
	postings p = { NULL, NULL, NULL };
	double *acc = calloc(n ? n : 1, sizeof *acc);
	size_t *touched = malloc((n ? n : 1) * sizeof *touched);
	edge *edges = NULL;
	int rc = postings_build(&p, c);
	if (!rc && (!acc || !touched))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		size_t nt_i, keep = touch_candidates(c, &p, i, acc, touched, &nt_i);
		for (size_t q = 0; q < nt_i; q++) {
			size_t j = touched[q];
			acc[j] = 0;
			if (q >= keep || rc)
				continue;
			double cosv = px_vec_dot(&c->w[i].vec, &c->w[j].vec);
			if (sim)
				sim[i * n + j] = sim[j * n + i] = cosv;
			int date;
			double s = pair_score(c, i, j, cosv, &date);
			if ((rc = px_vec_reserve((void **)&edges, &cap, ne + 1, sizeof *edges)))
				break;
			edges[ne++] = (edge){ i, j, s, cosv, date };
		}
	}
	if (!rc && ne > 1)
		qsort(edges, ne, sizeof *edges, cmp_edge);
	postings_free(&p);
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
	if (px_vec_reserve((void **)&cmp->decisions, &cmp->decisions_cap, cmp->ndecisions + 1,
			   sizeof *cmp->decisions))
		return PRECIS_ENOMEM;
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
	char *text = strdup(buf);
	if (!text)
		return PRECIS_ENOMEM;
	cmp->decisions[cmp->ndecisions++] =
		(px_decision){ e->a, e->b, e->cosine, e->score, text, linked };
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
int px_cmp_group(precis_comparison *cmp, coll *c, const precis_compare_options *o,
		 size_t **story_of)
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

