/*
 * meta: what an article says about when, where and who. Dates (French and
 * English forms, resolvable against the publication date), places (a
 * gazetteer plus "à X"/"in X"), persons (capitalised sequences, name
 * variants merged: "Kim Jong Un" / "Kim Jong-un" / "Kim"), agencies cited
 * and quotes with their speaker. Word lists live in stopwords/cues/.
 *
 * Everything works on one token array: each word of the headline and the
 * body sentences with its folded form, its sentence and whether it is
 * capitalised. Every matcher is a left-to-right scan with hash lookups and
 * bounded windows, so the whole extraction stays linear in the input.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "analyze.h"
#include "data.h"
#include "doc.h"
#include "calendar.h"
#include "meta_priv.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ------------------------------------------------------------- tokens */

int px_meta_arena_add(size_t *at, arena *a, const char *s, size_t n)
{
	if (px_vec_reserve((void **)&a->buf, &a->cap, a->len + n + 1, 1))
		return PRECIS_ENOMEM;
	memcpy(a->buf + a->len, s, n);
	a->buf[a->len + n] = '\0';
	*at = a->len;
	a->len += n + 1;
	return 0;
}

/* ---------------------------------------------------------- event date */

/*
 * How much a date says "this is when it happened": specific dates in the
 * headline and the lead weigh most; background ("l'an dernier", "en
 * 2000", "septembre dernier") weighs little or nothing.
 */
static int date_weight(const precis_date *d, int unit)
{
	int w;
	switch (d->kind) {
	case PRECIS_DATE_FULL:
	case PRECIS_DATE_DAY_MONTH: w = 4; break;
	case PRECIS_DATE_WEEKDAY: w = d->last ? 1 : 3; break;
	case PRECIS_DATE_RELATIVE: w = d->offset_unit == 'd' ? 3 : 0; break;
	case PRECIS_DATE_MONTH: w = d->last ? 0 : 1; break;
	default: w = 0; break;
	}
	int place = unit == 0 ? 3 : unit <= 3 ? 2 : 1;
	return w * place;
}

/* ---------------------------------------------------------------- API */

struct precis_meta {
	precis_date *dates;
	int *date_units;
	size_t ndates;
	precis_entity *places, *persons, *agencies;
	size_t nplaces, npersons, nagencies;
	precis_quote *quotes;
	size_t nquotes;
	entvec eplaces, epersons, eagencies;
	precis_ymd pub;
	precis_evidence *evidence;
	size_t nevidence;
	bool pub_invalid; /* a pubdate was given but is not YYYY-MM-DD */
};

static int export(precis_entity **out, size_t *nout, const entvec *ev)
{
	size_t live = 0;
	for (size_t i = 0; i < ev->n; i++)
		live += ev->v[i].into < 0;
	const entity **order = malloc((live ? live : 1) * sizeof *order);
	*out = calloc(live ? live : 1, sizeof **out);
	if (!order || !*out) {
		free(order);
		return PRECIS_ENOMEM;
	}
	size_t k = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].into < 0)
			order[k++] = &ev->v[i];
	if (live > 1)
		qsort(order, live, sizeof *order, px_meta_cmp_entity);
	for (size_t i = 0; i < live; i++)
		(*out)[i] = (precis_entity){ order[i]->name, order[i]->mentions, order[i]->first,
					     (const char *const *)order[i]->variants, order[i]->key,
					     order[i]->credits };
	*nout = live;
	free(order);
	return 0;
}

/*
 * The token array of the doc, glued words split, each token with its
 * lexicon entry; *lowers the words the text writes in lowercase.
 */
static int meta_tokens(struct tokctx *tc, px_strmap **lowers, const precis_doc *d, const lists *L)
{
	px_strmap *caps = NULL;
	int rc = px_meta_tokenize_doc(tc, d);
	if (!rc)
		rc = px_strmap_new(lowers);
	if (!rc)
		rc = px_strmap_new(&caps);
	for (size_t i = 0; !rc && i < tc->n; i++) {
		if (tc->v[i].num >= 0)
			continue;
		int64_t id;
		rc = px_strmap_intern(tc->v[i].cap ? caps : *lowers, tc->fold.buf + tc->foff[i],
				      tc->v[i].flen, &id, NULL);
	}
	if (!rc)
		rc = px_meta_split_glued(tc, caps, *lowers);
	if (!rc)
		px_meta_tokens_rebase(tc, L);
	px_strmap_free(caps);
	return rc;
}

/* Places, persons and agencies named, then the public arrays of them. */
static int meta_entities(precis_meta *m, struct people *pp, const precis_span *credits,
			 size_t ncredits)
{
	int rc = px_meta_find_people(pp);
	/* A dateline's place ("HUALIEN, Taiwan (AP)") is where the story happened. */
	for (size_t i = 0; i < m->nevidence && !rc; i++)
		if (m->evidence[i].kind == PRECIS_EVIDENCE_DATELINE && m->evidence[i].place)
			rc = px_meta_add_place(&m->eplaces, pp->g, m->evidence[i].place,
					       m->evidence[i].span.start);
	if (!rc)
		rc = px_meta_find_agencies(&m->eagencies, pp->d->text, pp->d->len, credits, ncredits);
	entvec *ev[3] = { &m->eplaces, &m->epersons, &m->eagencies };
	precis_entity **out[3] = { &m->places, &m->persons, &m->agencies };
	size_t *nout[3] = { &m->nplaces, &m->npersons, &m->nagencies };
	for (int k = 0; k < 3 && !rc; k++)
		rc = px_meta_name_entities(ev[k]);
	for (int k = 0; k < 3 && !rc; k++)
		rc = export(out[k], nout[k], ev[k]);
	return rc;
}

int precis_meta_new(precis_meta **out, precis_analyzer *a, const precis_doc *d, const char *pubdate)
{
	if (!out || !a || !d)
		return PRECIS_EINVAL;
	precis_meta *m = calloc(1, sizeof *m);
	if (!m)
		return PRECIS_ENOMEM;
	/* An unreadable pubdate is no reference: the page's own date, if any, is used instead. */
	if (pubdate && precis_ymd_parse(&m->pub, pubdate) != 0) {
		m->pub = (precis_ymd){ 0, 0, 0 };
		m->pub_invalid = true;
	}
	const meta_tables *t = NULL;
	struct tokctx tc = { 0 };
	struct people pp = { 0 };
	quotevec qv = { 0 };
	datevec dv = { 0 };
	px_strmap *lowers = NULL;
	precis_span *credits = NULL;
	size_t ncredits = 0;
	int rc = px_meta_tables(&t, d->lang);
	if (!rc)
		rc = px_meta_find_evidence(&m->evidence, &m->nevidence, &credits, &ncredits, a, d,
					   &t->L);
	if (!rc && m->pub.year == 0)
		precis_meta_published(m, &m->pub, NULL);
	if (!rc)
		rc = meta_tokens(&tc, &lowers, d, &t->L);
	if (!rc)
		rc = px_meta_find_dates(&dv, tc.v, tc.n, &t->L, d->text, d->lang);
	m->dates = dv.v;
	m->date_units = dv.unit;
	m->ndates = dv.n;
	if (rc)
		goto done;
	pp = (struct people){ d, a, &t->L, &t->g, tc.v, tc.n, &m->eplaces, &m->epersons,
			      { 0 }, lowers, NULL, 0, 0, NULL, 0, 0 };
	if ((rc = meta_entities(m, &pp, credits, ncredits)) || (rc = px_meta_find_quotes(&qv, d)))
		goto done;
	rc = px_meta_speakers(&qv, tc.v, tc.n, &t->L, pp.pm, pp.npm, d->text, &m->epersons);
done:
	free(credits);
	m->quotes = qv.v;
	m->nquotes = qv.n;
	free(qv.uopen);
	free(qv.uclose);
	free(pp.pm);
	free(pp.runs);
	px_strmap_free(lowers);
	px_meta_entvec_free(&pp.singles);
	free(tc.v);
	free(tc.foff);
	free(tc.fold.buf);
	if (rc) {
		precis_meta_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void precis_meta_free(precis_meta *m)
{
	if (!m)
		return;
	free(m->dates);
	free(m->date_units);
	free(m->places);
	free(m->persons);
	free(m->agencies);
	free(m->quotes);
	px_meta_evidence_free(m->evidence, m->nevidence);
	px_meta_entvec_free(&m->eplaces);
	px_meta_entvec_free(&m->epersons);
	px_meta_entvec_free(&m->eagencies);
	free(m);
}

const precis_date *precis_meta_dates(const precis_meta *m, size_t *n)
{
	*n = m->ndates;
	return m->dates;
}

const precis_entity *precis_meta_places(const precis_meta *m, size_t *n)
{
	*n = m->nplaces;
	return m->places;
}

const precis_entity *precis_meta_persons(const precis_meta *m, size_t *n)
{
	*n = m->npersons;
	return m->persons;
}

const precis_entity *precis_meta_agencies(const precis_meta *m, size_t *n)
{
	*n = m->nagencies;
	return m->agencies;
}

const precis_quote *precis_meta_quotes(const precis_meta *m, size_t *n)
{
	*n = m->nquotes;
	return m->quotes;
}

/*
 * Every date that resolves votes for its day or range with its weight;
 * the range with the most weight wins, the earliest mention breaking ties.
 * Votes are summed in one pass over dates sorted by range, so many dates
 * cost n log n.
 */
struct vote {
	precis_ymd first, last;
	int weight;
	size_t order;
};

static int cmp_vote(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;
	long d = px_days_from_ymd(x->first) - px_days_from_ymd(y->first);
	if (d == 0)
		d = px_days_from_ymd(x->last) - px_days_from_ymd(y->last);
	if (d == 0)
		d = (long)x->order - (long)y->order;
	return (d > 0) - (d < 0);
}

/*
 * The page's own dates vote first: a dateline or published line weighs as
 * much as a full date in the headline (4 x 3), so that a later mention
 * ("the rules take effect on March 7", weight 4) cannot outvote it, while
 * a lead that dates the event otherwise, twice, still can (2 x 4 x 2). An
 * updated line weighs as a full date in the lead: it is often a day late.
 * Weights chosen by hand on tests/data/journal and the meta goldens.
 */
#define EVIDENCE_WEIGHT 12
#define UPDATED_WEIGHT 8

static size_t evidence_votes(struct vote *v, const precis_meta *m)
{
	size_t nv = 0;
	for (size_t i = 0; i < m->nevidence; i++) {
		precis_ymd y = m->evidence[i].date;
		if (y.month == 0)
			continue;
		if (y.year == 0 && (y.year = m->pub.year) == 0)
			continue;
		/* A day and month after the reference belongs to the year before. */
		if (m->evidence[i].date.year == 0 && px_days_from_ymd(y) > px_days_from_ymd(m->pub) + 1)
			y.year--;
		int w = m->evidence[i].kind == PRECIS_EVIDENCE_UPDATED ? UPDATED_WEIGHT
								       : EVIDENCE_WEIGHT;
		v[nv] = (struct vote){ y, y, w, 0 };
		nv++;
	}
	return nv;
}

/*
 * A day the headline or lead names, one to LEAD_DAYS days before the
 * page's own date, is when the page's story happened ("vendredi soir" on
 * a page published Saturday at 00:12): it takes that date's vote on top
 * of its own. Later mentions (units past the lead) never do.
 */
#define LEAD_DAYS 3

static int lead_support(const struct vote *page, size_t npage, precis_ymd a, precis_ymd b,
			int unit)
{
	if (unit > 3 || px_days_from_ymd(a) != px_days_from_ymd(b))
		return 0;
	int w = 0;
	for (size_t k = 0; k < npage; k++) {
		long gap = px_days_from_ymd(page[k].first) - px_days_from_ymd(a);
		if (gap >= 1 && gap <= LEAD_DAYS && page[k].weight > w)
			w = page[k].weight;
	}
	return w;
}

int precis_meta_event_date(const precis_meta *m, precis_ymd *first, precis_ymd *last)
{
	if (m->ndates == 0 && m->nevidence == 0)
		return PRECIS_EEMPTY;
	struct vote *v = malloc((m->ndates + m->nevidence) * sizeof *v);
	if (!v)
		return PRECIS_ENOMEM;
	size_t nv = evidence_votes(v, m), npage = nv;
	for (size_t i = 0; i < m->ndates; i++) {
		int w = date_weight(&m->dates[i], m->date_units[i]);
		precis_ymd a, b;
		if (w > 0 && precis_date_resolve(&a, &b, &m->dates[i], m->pub) == 0)
			v[nv++] = (struct vote){ a, b, w + lead_support(v, npage, a, b, m->date_units[i]),
						 i };
	}
	if (nv > 1)
		qsort(v, nv, sizeof *v, cmp_vote);
	int best_w = 0;
	size_t best = 0, best_order = 0;
	for (size_t i = 0; i < nv;) {
		size_t j = i;
		int w = 0;
		size_t order = v[i].order; /* sorted: the group's earliest mention */
		while (j < nv && cmp_vote(&(struct vote){ v[i].first, v[i].last, 0, 0 },
					  &(struct vote){ v[j].first, v[j].last, 0, 0 }) == 0)
			w += v[j++].weight;
		if (w > best_w || (w == best_w && order < best_order)) {
			best_w = w;
			best = i;
			best_order = order;
		}
		i = j;
	}
	int rc = PRECIS_EEMPTY;
	if (best_w > 0) {
		*first = v[best].first;
		*last = v[best].last;
		rc = 0;
	}
	free(v);
	return rc;
}

const precis_evidence *precis_meta_evidence(const precis_meta *m, size_t *n)
{
	*n = m->nevidence;
	return m->evidence;
}

const char *precis_evidence_kind_name(precis_evidence_kind kind)
{
	switch (kind) {
	case PRECIS_EVIDENCE_DATELINE: return "dateline";
	case PRECIS_EVIDENCE_BYLINE: return "byline";
	case PRECIS_EVIDENCE_PUBLISHED: return "published";
	case PRECIS_EVIDENCE_UPDATED: return "updated";
	}
	return "unknown";
}

int precis_meta_published(const precis_meta *m, precis_ymd *out, size_t *which)
{
	/* Most telling first: the page's "published", then its dateline, then "updated". */
	static const precis_evidence_kind order[] = { PRECIS_EVIDENCE_PUBLISHED,
						      PRECIS_EVIDENCE_DATELINE,
						      PRECIS_EVIDENCE_UPDATED };
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		for (size_t i = 0; i < m->nevidence; i++) {
			const precis_evidence *e = &m->evidence[i];
			if (e->kind == order[k] && e->date.year > 0) {
				*out = e->date;
				if (which)
					*which = i;
				return 0;
			}
		}
	return PRECIS_EEMPTY;
}

const char *precis_meta_outlet(const precis_meta *m, size_t *which)
{
	/* A title ("Le Figaro") before a wire ("AFP") that the same page names. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < m->nevidence; i++) {
			const precis_evidence *e = &m->evidence[i];
			if (!e->outlet)
				continue;
			const px_agencies *ag = px_agency_table();
			const char *c;
			size_t cl;
			bool wire = ag && px_agency_exact(ag, e->outlet, strlen(e->outlet), &c, &cl);
			if (pass == 1 || !wire) {
				if (which)
					*which = i;
				return e->outlet;
			}
		}
	return NULL;
}

const char *precis_meta_dateline_place(const precis_meta *m)
{
	for (size_t i = 0; i < m->nevidence; i++)
		if (m->evidence[i].kind == PRECIS_EVIDENCE_DATELINE && m->evidence[i].place)
			return m->evidence[i].place;
	return NULL;
}

int precis_meta_pubdate_invalid(const precis_meta *m)
{
	return m->pub_invalid;
}
