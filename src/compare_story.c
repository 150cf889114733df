/*
 * compare_story: what each story says and how each outlet framed it:
 * shared and unique facts (sentence alignment), a consensus summary credited
 * to the outlets carrying each sentence, distinctive wording (weighted
 * log-odds with an informative Dirichlet prior, Monroe et al. 2008) and
 * headline analysis.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "compare_priv.h"
#include "text.h"
#include "vec.h"

#define ALIGN_MIN 0.35      /* sentence alignment score for "the same fact" */

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
	return px_cmp_span_dup(w->doc->text, w->doc->sents[s]);
}

static int push_fact(px_fact **v, size_t *n, char *text, size_t *arts, size_t na)
{
	px_fact *nv = realloc(*v, (*n + 1) * sizeof *nv);
	size_t *copy = malloc((na ? na : 1) * sizeof *copy);
	if (nv)
		*v = nv;
	if (!nv || !copy) {
		free(text);
		free(copy);
		return PRECIS_ENOMEM;
	}
	memcpy(copy, arts, na * sizeof *copy);
	nv[(*n)++] = (px_fact){ text, copy, na, false, NULL, 0 };
	return 0;
}

void px_cmp_fact_free(px_fact *f)
{
	free(f->text);
	free(f->articles);
	for (size_t k = 0; k < f->nanchors; k++)
		free(f->anchors[k]);
	free(f->anchors);
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
	bool anchored;    /* a carrier in another language matched it by anchors */
	size_t ay, at;    /* the first such match: story article and sentence */
	bool checked;     /* it could be compared with every other article of the story */
} unit;

/*
 * A story whose articles are in several languages: each sentence's anchors
 * (compare_anchor.c), per sampled article and sentence; NULL otherwise.
 *
 * How the rule was chosen: a pair of sentences in different languages
 * states the same fact when they share two anchor groups of which one is a
 * number, date or quoted person, or three names (PX_ANCHOR_MIN,
 * PX_ANCHOR_NAMES). The grouping collections (AllSides, BASIL, ECB+) are
 * English only and cannot test it; tests/data/journal (3 stories, French
 * and English) and the French-English stories of eval/compare/labelled.jsonl
 * can. Any two shared anchors matched 25 facts there, three of them wrong:
 * "Notre-Dame" and "Paris", "Poutine" and "Kim" name the whole story, not a
 * fact. Asking a third name when no number, date or quote is shared kept
 * the 22 right ones (every one read against its partner) and dropped the
 * three. One anchor would match any two sentences naming "Apple". A
 * sentence with anchors in common with another language that do not reach
 * the rule is never called "only here" (unit.checked). A match scores as
 * wording would: ALIGN_MIN at two groups, full alignment at ANCHOR_FULL.
 */
#define ANCHOR_FULL 5.0

typedef struct {
	px_anchors **a;   /* [story article][sentence] */
	size_t na;
} story_anchors;

static bool same_lang(const coll *c, const px_story *st, size_t x, size_t y)
{
	return strcmp(c->w[st->articles[x]].doc->lang, c->w[st->articles[y]].doc->lang) == 0;
}

/* Anchors shared as a score: 0 below the rule, ALIGN_MIN or more at it. */
static double anchor_score(size_t k, bool hard)
{
	if (k < PX_ANCHOR_MIN || (!hard && k < PX_ANCHOR_NAMES))
		return 0;
	return k >= ANCHOR_FULL ? 1.0 : (double)k / ANCHOR_FULL;
}

/*
 * How well sentence s of story article x and sentence t of y state one
 * fact, 0..1; *shared (may be NULL) gets the anchors they share (0 within
 * a language).
 */
static double fact_score(const coll *c, const px_story *st, const story_anchors *sa, size_t x,
			 size_t s, size_t y, size_t t, size_t *shared)
{
	if (shared)
		*shared = 0;
	if (!sa || same_lang(c, st, x, y))
		return align(&c->w[st->articles[x]].sent[s], &c->w[st->articles[y]].sent[t]);
	bool hard;
	size_t k = px_cmp_anchors_shared(&sa->a[x][s], &sa->a[y][t], NULL, &hard);
	if (shared)
		*shared = k;
	return anchor_score(k, hard);
}

static void units_free(unit *u, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(u[i].carriers);
	free(u);
}

/*
 * Align every sentence of every article with its best match in each other
 * article (same language: stemmed TF-IDF cosine plus word overlap,
 * align(); another language: shared anchors, fact_score()); a match
 * scoring ALIGN_MIN or more carries the same fact.
 */
static int align_story(unit **out, size_t *nout, const coll *c, const px_story *st,
		       const story_anchors *sa)
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
			v->checked = true;
			double sum = 0;
			for (size_t y = 0; y < na; y++) {
				if (y == x)
					continue;
				const work *wy = &c->w[st->articles[y]];
				size_t nt = wy->doc->nsents < FACT_SENTENCES ? wy->doc->nsents : FACT_SENTENCES;
				double best = 0;
				size_t best_t = 0, some = 0;
				bool cross = sa && !same_lang(c, st, x, y);
				for (size_t t = 0; t < nt; t++) {
					size_t k;
					double a = fact_score(c, st, sa, x, s, y, t, &k);
					if (a > best)
						best = a, best_t = t;
					some += k;
				}
				/*
				 * "Only here" across languages needs proof of absence: enough
				 * anchors to be found, and none of them in the other article.
				 */
				if (cross && (sa->a[x][s].ngroups < PX_ANCHOR_MIN || some > 0))
					v->checked = false;
				sum += best;
				if (best >= ALIGN_MIN) {
					v->carriers[v->ncarriers++] = y;
					if (cross && !v->anchored)
						v->anchored = true, v->ay = y, v->at = best_t;
				}
			}
			v->centrality = na > 1 ? sum / (double)(na - 1) : 0;
		}
	}
	*out = u;
	*nout = n;
	return 0;
}

/* The anchors sentence u shares with its first match in another language, as u writes them. */
static int fact_anchors(px_fact *f, const coll *c, const px_story *st, const story_anchors *sa,
			const unit *u)
{
	const px_anchors *x = &sa->a[u->art][u->sent], *y = &sa->a[u->ay][u->at];
	bool *hit = calloc(x->ngroups + 1, 1);
	if (!hit || !(f->anchors = calloc(x->ngroups + 1, sizeof *f->anchors))) {
		free(hit);
		return PRECIS_ENOMEM;
	}
	f->anchored = true;
	px_cmp_anchors_shared(x, y, hit, NULL);
	const char *text = c->w[st->articles[u->art]].doc->text;
	int rc = 0;
	for (uint32_t g = 1; g <= x->ngroups && !rc; g++) {
		if (!hit[g])
			continue;
		precis_span sp = { SIZE_MAX, 0 };
		for (size_t i = 0; i < x->n; i++)
			if (x->v[i].group == g && x->v[i].span.end > x->v[i].span.start) {
				sp.start = x->v[i].span.start < sp.start ? x->v[i].span.start : sp.start;
				sp.end = x->v[i].span.end > sp.end ? x->v[i].span.end : sp.end;
			}
		/* A quote's speaker has no bytes of its own: its name is listed beside. */
		char *a = sp.end == 0 ? strdup("a quote of the same person") : px_cmp_span_dup(text, sp);
		if (!(f->anchors[f->nanchors++] = a))
			rc = PRECIS_ENOMEM;
	}
	free(hit);
	return rc;
}

static int credit(px_fact **v, size_t *nv, const coll *c, const px_story *st,
		  const story_anchors *sa, const unit *u)
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
	int rc = push_fact(v, nv, text, arts, u->ncarriers);
	if (!rc && u->anchored)
		rc = fact_anchors(&(*v)[*nv - 1], c, st, sa, u);
	return rc;
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
 * Unique facts of story article x: its best-ranked sentences (by its own
 * summary scores) that no other outlet carries, in document order.
 */
static int unique_facts(px_article *pa, const coll *c, const px_story *st, const unit *u,
			size_t nu, size_t x)
{
	const work *w = &c->w[st->articles[x]];
	size_t nscores;
	const double *score = precis_summary_scores(w->sum, &nscores);
	size_t pick[UNIQUE_MAX], np = 0;
	for (size_t i = 0; i < nu; i++) {
		if (u[i].art != x || u[i].ncarriers > 1 || u[i].sent >= nscores)
			continue;
		if (!u[i].checked) {
			pa->unchecked++;
			continue;
		}
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
		return PRECIS_ENOMEM;
	int rc = summary_carriers(pa, w, st, u, nu, x);
	for (size_t k = 0; k < np && !rc; k++)
		if (!(pa->unique[pa->nunique++] = sentence_text(w, u[pick[k]].sent)))
			rc = PRECIS_ENOMEM;
	return rc;
}

/*
 * Shared facts: sentences carried by two outlets or more, each listed once
 * (from the first article that has it), most widely carried first; then
 * each article's unique facts.
 */
static int facts(precis_comparison *cmp, const coll *c, px_story *st, const story_anchors *sa,
		 const unit *u, size_t nu)
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
			dup = fact_score(c, st, sa, f->art, f->sent, u[i].art, u[i].sent, NULL) >=
			      ALIGN_MIN;
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
		rc = credit(&st->shared, &st->nshared, c, st, sa, &u[order[k]]);
	free(order);
	for (size_t x = 0; x < st->narticles && x < FACT_ARTICLES && !rc; x++)
		rc = unique_facts(&cmp->articles[st->articles[x]], c, st, u, nu, x);
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

static int consensus(const coll *c, px_story *st, const story_anchors *sa, unit *u, size_t nu,
		     size_t want)
{
	size_t a0 = st->articles[0];
	if (st->narticles < 2) {
		const precis_summary *s = c->w[a0].sum;
		int rc = 0;
		for (size_t k = 0; k < precis_summary_count(s) && !rc; k++) {
			char *t = px_cmp_span_dup(c->w[a0].doc->text, precis_summary_picks(s)[k].span);
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
			double redundancy = 0;
			bool taken = false;
			for (size_t k = 0; k < np; k++) {
				const unit *p = &u[picked[k]];
				double a = fact_score(c, st, sa, u[i].art, u[i].sent, p->art, p->sent,
						      NULL);
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
		rc = credit(&st->consensus, &st->nconsensus, c, st, sa, &u[best]);
	}
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
			/* "Notre-Dame" is one name; "Poutine-Kim" two, of which the first. */
			size_t whole = x->end - x->start;
			if (whole > len && proper_in_body(w->doc, h + x->start, whole))
				return strndup(h + x->start, whole);
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
int px_cmp_headline(px_article *pa, work *w, coll *c, precis_rouge *scorer)
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


static void anchors_free(story_anchors *sa, const coll *c, const px_story *st)
{
	for (size_t x = 0; sa->a && x < sa->na; x++) {
		size_t ns = c->w[st->articles[x]].doc->nsents;
		for (size_t s = 0; sa->a[x] && s < ns && s < FACT_SENTENCES; s++)
			px_cmp_anchors_free(&sa->a[x][s]);
		free(sa->a[x]);
	}
	free(sa->a);
}

/* Anchors of every sampled sentence, when the story mixes languages. */
static int story_anchors_new(story_anchors *sa, const coll *c, px_story *st)
{
	size_t na = st->narticles < FACT_ARTICLES ? st->narticles : FACT_ARTICLES;
	st->nlangs = 0;
	for (size_t x = 0; x < st->narticles; x++) {
		bool first = true;
		for (size_t y = 0; y < x && first; y++)
			first = !same_lang(c, st, x, y);
		st->nlangs += first;
	}
	*sa = (story_anchors){ NULL, 0 };
	if (st->nlangs < 2)
		return 0;
	if (!(sa->a = calloc(na, sizeof *sa->a)))
		return PRECIS_ENOMEM;
	sa->na = na;
	for (size_t x = 0; x < na; x++) {
		const work *w = &c->w[st->articles[x]];
		size_t ns = w->doc->nsents < FACT_SENTENCES ? w->doc->nsents : FACT_SENTENCES;
		if (!(sa->a[x] = calloc(ns ? ns : 1, sizeof *sa->a[x])))
			return PRECIS_ENOMEM;
		for (size_t s = 0; s < ns; s++) {
			int rc = px_cmp_anchors(&sa->a[x][s], c->a, w, s);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Shared and unique facts, then the consensus summary of up to want sentences. */
int px_cmp_story_facts(precis_comparison *cmp, const coll *c, px_story *st, size_t want)
{
	unit *u = NULL;
	size_t nu = 0;
	story_anchors sa;
	int rc = story_anchors_new(&sa, c, st);
	const story_anchors *psa = sa.a ? &sa : NULL;
	if (!rc)
		rc = align_story(&u, &nu, c, st, psa);
	if (!rc)
		rc = facts(cmp, c, st, psa, u, nu);
	if (!rc)
		rc = consensus(c, st, psa, u, nu, want);
	units_free(u, nu);
	anchors_free(&sa, c, st);
	return rc;
}
