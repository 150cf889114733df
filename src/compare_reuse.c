/*
 * compare_reuse: copy shared between articles (agency dispatches, rewrites)
 * found by hashed word shingles, with the passages and the agency both
 * articles credit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare_priv.h"
#include "vec.h"

#define SHINGLE 6           /* words per shingle for reused copy */
#define REUSE_MIN_SHARE 0.10

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
		if (px_vec_reserve((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v))
			return PRECIS_ENOMEM;
		p->v[p->n++] = (pairmark){ x->art, y->art, 0, NULL, NULL };
	}
	p->v[id].count++;
	return 0;
}

static bool has_name(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

/*
 * Copy shared by two articles that credit the same agency is that
 * agency's dispatch: one naming or signing it in its text while the
 * other does too, or credits it only for a picture (a Le Monde page of
 * AFP copy often shows AFP only under its photo), in the order of the
 * first article's agencies (most mentioned first). Two photo credits
 * alone say nothing about the text.
 */
static const char *common_agency(const px_article *a, const px_article *b)
{
	for (size_t i = 0; i < a->nagencies; i++)
		if (has_name(b->agencies, b->nagencies, a->agencies[i]) ||
		    has_name(b->credited, b->ncredited, a->agencies[i]))
			return a->agencies[i];
	for (size_t i = 0; i < b->nagencies; i++)
		if (has_name(a->credited, a->ncredited, b->agencies[i]))
			return b->agencies[i];
	return NULL;
}

/* Every SHINGLE-word window of every article, hashed, sorted by hash. */
static int shingles(shingle **out, size_t *nout, const coll *c)
{
	size_t total = 0, k = 0;
	for (size_t i = 0; i < c->n; i++)
		total += c->w[i].nw >= SHINGLE ? c->w[i].nw - SHINGLE + 1 : 0;
	shingle *sh = malloc((total ? total : 1) * sizeof *sh);
	if (!sh)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < c->n; i++) {
		const work *w = &c->w[i];
		for (size_t p = 0; p + SHINGLE <= w->nw; p++) {
			uint64_t h = 1469598103934665603ULL; /* FNV-1a over the word hashes */
			for (size_t q = 0; q < SHINGLE; q++)
				h = (h ^ w->wh[p + q]) * 1099511628211ULL;
			sh[k++] = (shingle){ h, (uint32_t)i, (uint32_t)p };
		}
	}
	if (k > 1)
		qsort(sh, k, sizeof *sh, cmp_shingle);
	*out = sh;
	*nout = k;
	return 0;
}

/*
 * Pairs worth a coverage pass: enough shared shingles for REUSE_MIN_SHARE
 * of the shorter article, the strongest REUSE_PAIRS_PER_ARTICLE per article;
 * each gets its coverage marks allocated.
 */
static int keep_pairs(struct pairs *pp, const coll *c)
{
	size_t *kept = calloc(c->n ? c->n : 1, sizeof *kept);
	pairmark *sorted = malloc((pp->n ? pp->n : 1) * sizeof *sorted);
	int rc = PRECIS_ENOMEM;
	if (!kept || !sorted)
		goto done;
	if (pp->n)
		memcpy(sorted, pp->v, pp->n * sizeof *sorted);
	if (pp->n > 1)
		qsort(sorted, pp->n, sizeof *sorted, cmp_pair_count);
	for (size_t i = 0; i < pp->n; i++) {
		pairmark *m = &sorted[i];
		size_t sa = c->w[m->a].nw, sb = c->w[m->b].nw;
		size_t smaller = sa < sb ? sa : sb;
		if ((double)m->count < REUSE_MIN_SHARE * (double)smaller / 2 ||
		    kept[m->a] >= REUSE_PAIRS_PER_ARTICLE || kept[m->b] >= REUSE_PAIRS_PER_ARTICLE)
			continue;
		uint32_t key[2] = { m->a, m->b };
		int64_t id = px_strmap_get(pp->index, (const char *)key, sizeof key);
		pp->v[id].ca = calloc(sa, 1);
		pp->v[id].cb = calloc(sb, 1);
		if (!pp->v[id].ca || !pp->v[id].cb)
			goto done;
		kept[m->a]++;
		kept[m->b]++;
	}
	rc = 0;
done:
	free(kept);
	free(sorted);
	return rc;
}

/* Passages: the maximal covered runs of words in a, as text. */
static int passages(px_reuse *r, const work *wa, const unsigned char *covered)
{
	size_t cap = 0;
	for (size_t i = 0; i < wa->nw;) {
		if (!covered[i]) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < wa->nw && covered[j])
			j++;
		if (px_vec_reserve((void **)&r->passages, &cap, r->npassages + 1, sizeof *r->passages))
			return PRECIS_ENOMEM;
		char *text = px_cmp_span_dup(wa->doc->text, (precis_span){ wa->wspan[i].start,
									     wa->wspan[j - 1].end });
		if (!text)
			return PRECIS_ENOMEM;
		r->passages[r->npassages++] = text;
		i = j;
	}
	return 0;
}

/* A kept pair becomes a reuse entry when enough of either article is covered. */
static int pair_reuse(precis_comparison *cmp, const coll *c, const pairmark *x, size_t *cap)
{
	const work *wa = &c->w[x->a], *wb = &c->w[x->b];
	size_t na = 0, nb = 0;
	for (size_t i = 0; i < wa->nw; i++)
		na += x->ca[i];
	for (size_t i = 0; i < wb->nw; i++)
		nb += x->cb[i];
	double sa = wa->nw ? (double)na / (double)wa->nw : 0;
	double sb = wb->nw ? (double)nb / (double)wb->nw : 0;
	if (sa < REUSE_MIN_SHARE && sb < REUSE_MIN_SHARE)
		return 0;
	if (px_vec_reserve((void **)&cmp->reuse, cap, cmp->nreuse + 1, sizeof *cmp->reuse))
		return PRECIS_ENOMEM;
	px_reuse *r = &cmp->reuse[cmp->nreuse++];
	*r = (px_reuse){ x->a, x->b, sa, sb,
			 common_agency(&cmp->articles[x->a], &cmp->articles[x->b]), NULL, 0 };
	return passages(r, wa, x->ca);
}

/* Pass 1: shared-shingle counts per pair; pass 2: coverage of the likely pairs. */
int px_cmp_reuse(precis_comparison *cmp, coll *c)
{
	shingle *sh = NULL;
	size_t k = 0, cap = 0;
	struct pairs pp = { NULL, NULL, 0, 0, false };
	int rc = shingles(&sh, &k, c);
	if (!rc)
		rc = px_strmap_new(&pp.index);
	if (!rc)
		rc = each_shared(sh, k, on_pair, &pp);
	if (!rc)
		rc = keep_pairs(&pp, c);
	pp.second = true;
	if (!rc)
		rc = each_shared(sh, k, on_pair, &pp);
	for (size_t m = 0; m < pp.n; m++) {
		pairmark *x = &pp.v[m];
		if (!rc && x->ca && x->cb)
			rc = pair_reuse(cmp, c, x, &cap);
		free(x->ca);
		free(x->cb);
	}
	free(sh);
	free(pp.v);
	px_strmap_free(pp.index);
	return rc;
}
