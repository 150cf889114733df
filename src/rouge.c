/*
 * rouge: ROUGE-N, ROUGE-L (sentence and summary level), ROUGE-W and
 * ROUGE-SU4, in three tokenizations: Google's rouge-score, ROUGE-1.5.5.pl
 * (both reproduced to the last printed digit) and a Unicode-aware one.
 *
 * Texts become arrays of token ids (one id space per call) split into
 * lines; every measure then works on ids. The union-LCS follows Lin
 * (2004, section 3.2) with the tie-breaking of both reference tools: the
 * backtrack moves left only when T[i][j-1] > T[i-1][j], otherwise up.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "data.h"
#include "porter.h"
#include "strmap.h"
#include "text.h"

#define WEIGHT 1.2   /* ROUGE-W weighting factor, 1.5.5's -w default */
#define SKIP_GAP 4   /* ROUGE-SU4 */

struct precis_rouge {
	precis_rouge_options o;
	precis_analyzer *a;    /* unicode mode */
	px_strmap *exc;        /* 1.5.5: WordNet exception form -> index of base */
	char **exc_base;
	px_strmap *stop;       /* 1.5.5 -s */
};

/* One tokenized text: ids, and line starts (lines[k]..lines[k+1]). */
typedef struct {
	uint32_t *id;
	size_t n, cap;
	size_t *line;
	size_t nlines, lcap;
} toks;

typedef struct {
	precis_rouge *r;
	px_strmap *vocab;
	const char *lang;
	int err;
} ctx;

/* ----------------------------------------------------------- tokens */

static int push_id(toks *t, ctx *c, const char *w, size_t n)
{
	int64_t id;
	int rc = px_strmap_intern(c->vocab, w, n, &id, NULL);
	if (rc)
		return rc;
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 64;
		uint32_t *nv = realloc(t->id, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		t->id = nv;
		t->cap = nc;
	}
	t->id[t->n++] = (uint32_t)id;
	return 0;
}

static int new_line(toks *t)
{
	if (t->nlines + 2 > t->lcap) {
		size_t nc = t->lcap ? t->lcap * 2 : 16;
		size_t *nv = realloc(t->line, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		t->line = nv;
		t->lcap = nc;
	}
	t->line[t->nlines++] = t->n;
	t->line[t->nlines] = t->n;
	return 0;
}

static void toks_free(toks *t)
{
	free(t->id);
	free(t->line);
	memset(t, 0, sizeof *t);
}

/* Add an ASCII word (already lowercase, [a-z0-9]) with the mode's stemming. */
static int add_ascii_word(toks *t, ctx *c, const char *w, size_t n)
{
	precis_rouge *r = c->r;
	if (r->stop && px_strmap_get(r->stop, w, n) >= 0)
		return 0;
	if (!r->o.stem || n <= 3)
		return push_id(t, c, w, n);
	char buf[512];
	if (n + 2 > sizeof buf)
		return push_id(t, c, w, n);
	if (r->o.compat == PRECIS_ROUGE_SCORE) {
		size_t sl = px_porter_nltk(buf, w, n);
		return push_id(t, c, buf, sl);
	}
	int64_t e = px_strmap_get(r->exc, w, n);
	if (e >= 0)
		return push_id(t, c, r->exc_base[e], strlen(r->exc_base[e]));
	size_t sl = px_porter_rouge155(buf, w, n);
	return push_id(t, c, buf, sl);
}

/*
 * rouge-score: Python's lower(), then every run outside [a-z0-9] is a
 * separator. Only two non-ASCII code points lowercase to ASCII: U+0130
 * (to "i" + U+0307) and the Kelvin sign U+212A (to "k").
 * rouge155: bytes, ASCII lowercase, anything else separates.
 */
static int tokenize_ascii(toks *t, ctx *c, const char *s, size_t len, bool unicode_lower)
{
	char *w = malloc(len + 1);
	if (!w)
		return PRECIS_ENOMEM;
	size_t wn = 0, i = 0;
	int rc = 0;
	while (i <= len && !rc) {
		int ch = -1; /* -1 separator, else an ASCII char to append */
		bool split_after = false;
		size_t adv = 1;
		if (i < len) {
			unsigned char b = (unsigned char)s[i];
			if (b < 0x80) {
				if (b >= 'A' && b <= 'Z')
					ch = b + 32;
				else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
					ch = b;
			} else if (unicode_lower) {
				int32_t cp = px_utf8_decode(s + i, len - i, &adv);
				if (cp == 0x130) {
					ch = 'i';
					split_after = true; /* U+0307 follows */
				} else if (cp == 0x212A) {
					ch = 'k';
				}
			}
		}
		if (ch >= 0)
			w[wn++] = (char)ch;
		if ((ch < 0 || split_after || i + adv > len) && wn) {
			rc = add_ascii_word(t, c, w, wn);
			wn = 0;
		}
		i += adv;
	}
	free(w);
	return rc;
}

static int on_unicode_word(const px_word *w, void *vctx)
{
	void **pair = vctx;
	toks *t = pair[0];
	ctx *c = pair[1];
	return push_id(t, c, w->stem, w->stem_len);
}

static int tokenize_line(toks *t, ctx *c, const char *s, size_t len)
{
	switch (c->r->o.compat) {
	case PRECIS_ROUGE_SCORE:
		return tokenize_ascii(t, c, s, len, true);
	case PRECIS_ROUGE_155:
		return tokenize_ascii(t, c, s, len, false);
	case PRECIS_ROUGE_UNICODE: {
		void *pair[2] = { t, c };
		return px_analyze(c->r->a, c->lang, s, len, c->r->o.stem ? PX_ANALYZE_STEM : 0,
				  on_unicode_word, pair);
	}
	}
	return PRECIS_EINVAL;
}

/* ------------------------------------------------ 1.5.5 length limits */

/* Whitespace-separated words of a line as Perl's split(/\s+/) counts them. */
static size_t perl_words(const char *s, size_t len, size_t *cut_at, size_t keep)
{
	size_t n = 0, i = 0;
	*cut_at = len;
	bool leading = len && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\f');
	if (leading) { /* split keeps a leading empty field */
		n = 1;
		if (keep == 1)
			*cut_at = 0;
	}
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f'))
			i++;
		if (i >= len)
			break;
		while (i < len && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f'))
			i++;
		n++;
		if (n == keep && *cut_at == len)
			*cut_at = i;
	}
	return n;
}

typedef struct {
	const char *s;
	size_t len;
} line_ref;

/*
 * The lines 1.5.5 reads (non-empty ones), cut by -l or -b as its readText
 * (joined, for n-grams) and readText_LCS (per line) do: they differ, the
 * LCS reader never advances its byte count.
 */
static size_t limited_lines(line_ref *out, const char *text, const precis_rouge_options *o,
			    bool for_lcs)
{
	size_t n = 0, words = 0, bytes = 0;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 0) {
			line_ref l = { p, len };
			if (o->limit_words) {
				size_t cut;
				size_t w = perl_words(p, len, &cut, o->limit_words - words);
				if (words + w < o->limit_words) {
					words += w;
				} else {
					perl_words(p, len, &cut, o->limit_words - words);
					l.len = cut;
					out[n++] = l;
					return n;
				}
			} else if (o->limit_bytes) {
				if (bytes + len < o->limit_bytes) {
					if (!for_lcs)
						bytes += len;
				} else {
					l.len = o->limit_bytes - bytes;
					out[n++] = l;
					return n;
				}
			}
			out[n++] = l;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return n;
}

/* Tokenize a whole text into lines (rougeLsum / 1.5.5 units). */
static int tokenize_text(toks *t, ctx *c, const char *text, bool for_lcs)
{
	precis_rouge_options *o = &c->r->o;
	if (o->compat == PRECIS_ROUGE_155) {
		size_t cap = 1;
		for (const char *p = text; *p; p++)
			cap += *p == '\n';
		line_ref *lines = malloc(cap * sizeof *lines);
		if (!lines)
			return PRECIS_ENOMEM;
		size_t nl = limited_lines(lines, text, o, for_lcs);
		int rc = 0;
		for (size_t k = 0; k < nl && !rc; k++) {
			rc = new_line(t);
			if (!rc)
				rc = tokenize_line(t, c, lines[k].s, lines[k].len);
			if (!rc)
				t->line[t->nlines] = t->n;
		}
		free(lines);
		return rc;
	}
	/* rouge-score: split on "\n", drop empty strings (whitespace lines stay). */
	const char *p = text;
	int rc = 0;
	while (!rc) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 0) {
			rc = new_line(t);
			if (!rc)
				rc = tokenize_line(t, c, p, len);
			if (!rc)
				t->line[t->nlines] = t->n;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return rc;
}

/* --------------------------------------------------------- measures */

typedef struct {
	double hit, cand, ref; /* counts; ref and cand may be weighted (ROUGE-W) */
} counts;

/* Counts of n-grams as keys of packed ids. */
static int ngram_counts(px_strmap *m, uint32_t **cnt, size_t *cap, const uint32_t *ids,
			size_t n, size_t size, int add)
{
	for (size_t i = 0; i + size <= n; i++) {
		int64_t id;
		int rc = px_strmap_intern(m, (const char *)(ids + i), size * sizeof *ids, &id, NULL);
		if (rc)
			return rc;
		if ((size_t)id >= *cap) {
			size_t nc = *cap ? *cap * 2 : 64;
			while (nc <= (size_t)id)
				nc *= 2;
			uint32_t *nv = realloc(*cnt, nc * 2 * sizeof *nv);
			if (!nv)
				return PRECIS_ENOMEM;
			/* Two counters per n-gram: [2k] reference, [2k+1] candidate. */
			memset(nv + *cap * 2, 0, (nc - *cap) * 2 * sizeof *nv);
			*cnt = nv;
			*cap = nc;
		}
		(*cnt)[2 * id + add]++;
	}
	return 0;
}

static int rouge_n(counts *out, const toks *cand, const toks *ref, size_t size)
{
	px_strmap *m;
	int rc = px_strmap_new(&m);
	if (rc)
		return rc;
	uint32_t *cnt = NULL;
	size_t cap = 0;
	rc = ngram_counts(m, &cnt, &cap, ref->id, ref->n, size, 0);
	if (!rc)
		rc = ngram_counts(m, &cnt, &cap, cand->id, cand->n, size, 1);
	double hit = 0;
	for (size_t k = 0; !rc && k < px_strmap_count(m); k++)
		hit += cnt[2 * k] < cnt[2 * k + 1] ? cnt[2 * k] : cnt[2 * k + 1];
	out->hit = hit;
	out->ref = ref->n >= size ? (double)(ref->n - size + 1) : 0;
	out->cand = cand->n >= size ? (double)(cand->n - size + 1) : 0;
	free(cnt);
	px_strmap_free(m);
	return rc;
}

/* Skip-bigrams with gap <= SKIP_GAP plus unigrams, as 1.5.5 -2 4 -u builds them. */
static int skip_grams(px_strmap *m, uint32_t **cnt, size_t *cap, const toks *t, int add,
		      double *total)
{
	uint32_t pair[2];
	*total = 0;
	for (size_t i = 0; i + 1 < t->n; i++) {
		/* 1.5.5 adds the unigram of every token but the last. */
		int rc = ngram_counts(m, cnt, cap, t->id + i, 1, 1, add);
		if (rc)
			return rc;
		(*total)++;
		for (size_t j = i + 1; j < t->n && j <= i + SKIP_GAP + 1; j++) {
			pair[0] = t->id[i];
			pair[1] = t->id[j];
			if ((rc = ngram_counts(m, cnt, cap, pair, 2, 2, add)))
				return rc;
			(*total)++;
		}
	}
	return 0;
}

static int rouge_su4(counts *out, const toks *cand, const toks *ref)
{
	px_strmap *m;
	int rc = px_strmap_new(&m);
	if (rc)
		return rc;
	uint32_t *cnt = NULL;
	size_t cap = 0;
	double rt = 0, ct = 0;
	rc = skip_grams(m, &cnt, &cap, ref, 0, &rt);
	if (!rc)
		rc = skip_grams(m, &cnt, &cap, cand, 1, &ct);
	double hit = 0;
	for (size_t k = 0; !rc && k < px_strmap_count(m); k++)
		hit += cnt[2 * k] < cnt[2 * k + 1] ? cnt[2 * k] : cnt[2 * k + 1];
	*out = (counts){ hit, ct, rt };
	free(cnt);
	px_strmap_free(m);
	return rc;
}

static int lcs_length(size_t *out, const uint32_t *a, size_t m, const uint32_t *b, size_t n)
{
	uint32_t *prev = calloc(n + 1, sizeof *prev), *cur = calloc(n + 1, sizeof *cur);
	if (!prev || !cur) {
		free(prev);
		free(cur);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 1; i <= m; i++) {
		for (size_t j = 1; j <= n; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
						      : (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		uint32_t *tmp = prev;
		prev = cur;
		cur = tmp;
	}
	*out = prev[n];
	free(prev);
	free(cur);
	return 0;
}

/*
 * Mark in hit[] the reference positions of one LCS of ref[0..m) and
 * cand[0..n). weighted: ROUGE-W's table (runs of consecutive matches
 * weigh k^WEIGHT), whose backtrack follows the same moves.
 */
static int lcs_mark(unsigned char *hit, const uint32_t *ref, size_t m, const uint32_t *cand,
		    size_t n, bool weighted)
{
	size_t w = n + 1;
	double *c = calloc((m + 1) * w, sizeof *c);
	uint32_t *l = weighted ? calloc((m + 1) * w, sizeof *l) : NULL;
	if (!c || (weighted && !l)) {
		free(c);
		free(l);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 1; i <= m; i++)
		for (size_t j = 1; j <= n; j++) {
			if (ref[i - 1] == cand[j - 1]) {
				if (weighted) {
					uint32_t k = l[(i - 1) * w + j - 1];
					c[i * w + j] = c[(i - 1) * w + j - 1] + pow(k + 1, WEIGHT) -
						       pow(k, WEIGHT);
					l[i * w + j] = k + 1;
				} else {
					c[i * w + j] = c[(i - 1) * w + j - 1] + 1;
				}
			} else {
				double up = c[(i - 1) * w + j], left = c[i * w + j - 1];
				c[i * w + j] = up >= left ? up : left;
			}
		}
	size_t i = m, j = n;
	while (i > 0 && j > 0) {
		if (ref[i - 1] == cand[j - 1]) {
			hit[i - 1] = 1;
			i--;
			j--;
		} else if (c[i * w + j - 1] > c[(i - 1) * w + j]) {
			j--;
		} else {
			i--;
		}
	}
	free(c);
	free(l);
	return 0;
}

/*
 * Summary-level union LCS (and ROUGE-W when weighted): for each reference
 * line, the union of its LCS positions against every candidate line; a
 * position is a hit while its token still has a count left in both texts.
 */
static int union_lcs(counts *out, const toks *cand, const toks *ref, const toks *cand_flat,
		     const toks *ref_flat, size_t nvocab, bool weighted)
{
	uint32_t *rc_cnt = calloc(nvocab ? nvocab : 1, sizeof *rc_cnt);
	uint32_t *cc_cnt = calloc(nvocab ? nvocab : 1, sizeof *cc_cnt);
	if (!rc_cnt || !cc_cnt) {
		free(rc_cnt);
		free(cc_cnt);
		return PRECIS_ENOMEM;
	}
	/* 1.5.5 clips with the unigram counts of the texts as its n-gram reader sees them. */
	for (size_t i = 0; i < ref_flat->n; i++)
		rc_cnt[ref_flat->id[i]]++;
	for (size_t i = 0; i < cand_flat->n; i++)
		cc_cnt[cand_flat->id[i]]++;
	double hit = 0, base = 0;
	int rc = 0;
	for (size_t r = 0; r < ref->nlines && !rc; r++) {
		size_t rn = ref->line[r + 1] - ref->line[r];
		base += weighted ? pow((double)rn, WEIGHT) : (double)rn;
		if (rn == 0)
			continue; /* a blank line: no tokens (and maybe no token array at all) */
		const uint32_t *rs = ref->id + ref->line[r];
		unsigned char *mask = calloc(rn, 1);
		if (!mask) {
			rc = PRECIS_ENOMEM;
			break;
		}
		for (size_t k = 0; k < cand->nlines && !rc; k++)
			if (cand->line[k + 1] > cand->line[k])
				rc = lcs_mark(mask, rs, rn, cand->id + cand->line[k],
					      cand->line[k + 1] - cand->line[k], weighted);
		size_t run = 0;
		for (size_t j = 0; j < rn; j++) {
			bool counted = false;
			if (mask[j] && rc_cnt[rs[j]] > 0 && cc_cnt[rs[j]] > 0) {
				rc_cnt[rs[j]]--;
				cc_cnt[rs[j]]--;
				counted = true;
				run++;
				if (!weighted)
					hit++;
			}
			/* ROUGE-W adds k^w for each run of consecutive hits (1.5.5's wlcs). */
			if (weighted && counted && ((j + 1 < rn && !mask[j + 1]) || j + 1 == rn)) {
				hit += pow((double)run, WEIGHT);
				run = 0;
			}
		}
		free(mask);
	}
	out->hit = hit;
	/*
	 * ROUGE-W's denominators are weighted once more: f(sum of f(line
	 * lengths)) for the reference, f(token count) for the candidate, as
	 * 1.5.5's computeWLCSScore adds them up per reference.
	 */
	out->ref = weighted ? pow(base, WEIGHT) : base;
	out->cand = weighted ? pow((double)cand_flat->n, WEIGHT) : (double)cand_flat->n;
	free(rc_cnt);
	free(cc_cnt);
	return rc;
}

/* ------------------------------------------------------------ scores */

static double fmeasure(double p, double r, double alpha)
{
	if (alpha == 0.5)
		return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
	double d = (1 - alpha) * p + alpha * r;
	return d > 0 ? p * r / d : 0.0;
}

static precis_prf prf_plain(const counts *c, double alpha)
{
	double p = c->cand > 0 ? c->hit / c->cand : 0.0;
	double r = c->ref > 0 ? c->hit / c->ref : 0.0;
	return (precis_prf){ p, r, fmeasure(p, r, alpha) };
}

static double round5(double x)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.5f", x);
	return strtod(buf, NULL);
}

/* 1.5.5: P and R printed with 5 decimals, F computed from those. */
static precis_prf prf_155(double p, double r, double alpha)
{
	double p5 = round5(p), r5 = round5(r);
	double d = (1 - alpha) * p5 + alpha * r5;
	return (precis_prf){ p5, r5, d > 0 ? round5(p5 * r5 / d) : 0.0 };
}

typedef struct {
	counts n[4], L, Lsum, W, SU4;
} all_counts;

static int count_all(all_counts *a, const toks *cand_flat, const toks *ref_flat,
		     const toks *cand_lines, const toks *ref_lines, size_t nvocab, unsigned want)
{
	memset(a, 0, sizeof *a);
	int rc = 0;
	for (size_t k = 0; k < 4 && !rc && (want & PRECIS_ROUGE_M_N); k++)
		rc = rouge_n(&a->n[k], cand_flat, ref_flat, k + 1);
	if (!rc && (want & PRECIS_ROUGE_M_L)) {
		size_t l = 0;
		rc = lcs_length(&l, ref_flat->id, ref_flat->n, cand_flat->id, cand_flat->n);
		a->L = (counts){ (double)l, (double)cand_flat->n, (double)ref_flat->n };
		if (!cand_flat->n || !ref_flat->n)
			a->L.hit = 0;
	}
	if (!rc && (want & PRECIS_ROUGE_M_LSUM))
		rc = union_lcs(&a->Lsum, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, false);
	if (!rc && (want & PRECIS_ROUGE_M_W))
		rc = union_lcs(&a->W, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, true);
	if (!rc && (want & PRECIS_ROUGE_M_SU4))
		rc = rouge_su4(&a->SU4, cand_flat, ref_flat);
	return rc;
}

/* rouge-score scores of one pair, with its empty-text rules. */
static void scores_plain(precis_rouge_scores *s, const all_counts *a, const toks *cand,
			 const toks *ref, double alpha)
{
	precis_prf *ns[4] = { &s->rouge1, &s->rouge2, &s->rouge3, &s->rouge4 };
	for (int k = 0; k < 4; k++) {
		/* rouge-score divides by max(count, 1). */
		counts c = a->n[k];
		c.cand = c.cand > 1 ? c.cand : 1;
		c.ref = c.ref > 1 ? c.ref : 1;
		*ns[k] = prf_plain(&c, alpha);
	}
	s->rougeL = cand->n && ref->n ? prf_plain(&a->L, alpha) : (precis_prf){ 0, 0, 0 };
	s->rougeLsum = cand->n && ref->n && cand->nlines && ref->nlines
			       ? prf_plain(&a->Lsum, alpha)
			       : (precis_prf){ 0, 0, 0 };
	precis_prf w = { 0, 0, 0 };
	if (a->W.ref > 0 && a->W.cand > 0) {
		/* 1.5.5's ROUGE-W: R and P are the 1/w-th roots of hit ratios. */
		w.r = pow(a->W.hit / a->W.ref, 1 / WEIGHT);
		w.p = pow(a->W.hit / a->W.cand, 1 / WEIGHT);
		w.f = fmeasure(w.p, w.r, alpha);
	}
	s->rougeW = w;
	s->rougeSU4 = prf_plain(&a->SU4, alpha);
}

static bool better(precis_prf a, precis_prf b)
{
	return a.f > b.f;
}

/* --------------------------------------------------------------- API */

static int load_exceptions(precis_rouge *r)
{
	/* Later files win where a form repeats: adv.exc maps better/best to well. */
	static const char *const files[] = { "src/data/wordnet/adj.exc", "src/data/wordnet/adv.exc",
					     "src/data/wordnet/noun.exc",
					     "src/data/wordnet/verb.exc" };
	int rc = px_strmap_new(&r->exc);
	size_t cap = 0;
	for (size_t f = 0; f < 4 && !rc; f++) {
		const px_datafile *d = px_data_find(files[f]);
		if (!d)
			return PRECIS_EFORMAT;
		const char *p = d->bytes, *end = d->bytes + d->len;
		while (p < end && !rc) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			if (!eol)
				eol = end;
			const char *sp = memchr(p, ' ', (size_t)(eol - p));
			if (sp) {
				const char *b = sp + 1, *be = b;
				while (be < eol && *be != ' ')
					be++;
				int64_t id;
				int added;
				rc = px_strmap_intern(r->exc, p, (size_t)(sp - p), &id, &added);
				if (!rc && (size_t)id >= cap) {
					size_t nc = cap ? cap * 2 : 8192;
					char **nb = realloc(r->exc_base, nc * sizeof *nb);
					if (!nb)
						rc = PRECIS_ENOMEM;
					else {
						memset(nb + cap, 0, (nc - cap) * sizeof *nb);
						r->exc_base = nb;
						cap = nc;
					}
				}
				if (!rc) {
					free(r->exc_base[id]);
					if (!(r->exc_base[id] = strndup(b, (size_t)(be - b))))
						rc = PRECIS_ENOMEM;
				}
			}
			p = eol + 1;
		}
	}
	return rc;
}

int precis_rouge_new(precis_rouge **out, const precis_rouge_options *opts)
{
	precis_rouge_options defaults = PRECIS_ROUGE_OPTIONS_INIT;
	const precis_rouge_options *o = opts ? opts : &defaults;
	if (o->version != PRECIS_ROUGE_OPTIONS_VERSION || !(o->alpha >= 0 && o->alpha <= 1) ||
	    (o->lang && strcmp(o->lang, "auto") != 0 && !precis_language_supported(o->lang)))
		return PRECIS_EINVAL;
	precis_rouge *r = calloc(1, sizeof *r);
	if (!r)
		return PRECIS_ENOMEM;
	r->o = *o;
	int rc = 0;
	if (o->compat == PRECIS_ROUGE_UNICODE)
		rc = precis_analyzer_new(&r->a);
	if (!rc && o->compat == PRECIS_ROUGE_155 && o->stem)
		rc = load_exceptions(r);
	if (!rc && o->stopwords) {
		rc = px_strmap_new(&r->stop);
		for (const char *const *w = o->stopwords; !rc && *w; w++)
			rc = px_strmap_intern(r->stop, *w, strlen(*w), &(int64_t){ 0 }, NULL);
	}
	r->o.stopwords = NULL; /* the caller's array need not outlive us */
	if (rc) {
		precis_rouge_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void precis_rouge_free(precis_rouge *r)
{
	if (!r)
		return;
	precis_analyzer_free(r->a);
	if (r->exc)
		for (size_t i = 0; i < px_strmap_count(r->exc); i++)
			free(r->exc_base[i]);
	free(r->exc_base);
	px_strmap_free(r->exc);
	px_strmap_free(r->stop);
	free(r);
}

/* Flatten line-tokenized text (the token stream with line breaks ignored). */
static toks flat_view(const toks *t)
{
	toks f = *t;
	f.nlines = 0;
	return f;
}

int precis_rouge_score(precis_rouge_scores *out, precis_rouge *r, const char *cand,
		       const char *const *refs, size_t nrefs)
{
	memset(out, 0, sizeof *out);
	if (!r || !cand || (!refs && nrefs))
		return PRECIS_EINVAL;
	if (px_text_check(cand, strlen(cand), NULL) != 0)
		return PRECIS_EUTF8;
	for (size_t k = 0; k < nrefs; k++)
		if (!refs[k] || px_text_check(refs[k], strlen(refs[k]), NULL) != 0)
			return PRECIS_EUTF8;
	ctx c = { r, NULL, "en", 0 };
	if (r->o.compat == PRECIS_ROUGE_UNICODE) {
		if (r->o.lang && strcmp(r->o.lang, "auto") != 0) {
			c.lang = r->o.lang;
		} else {
			const char *src = nrefs && refs[0][0] ? refs[0] : cand;
			precis_detect_language(&c.lang, r->a, src, strlen(src));
		}
	}
	int rc = px_strmap_new(&c.vocab);
	if (rc)
		return rc;
	toks ct = { 0 }, ctl = { 0 };
	rc = tokenize_text(&ct, &c, cand, false);
	if (!rc)
		rc = tokenize_text(&ctl, &c, cand, true);
	unsigned want = r->o.measures ? r->o.measures : ~0u;
	if (r->o.compat == PRECIS_ROUGE_155 && (want & PRECIS_ROUGE_M_L))
		want |= PRECIS_ROUGE_M_LSUM; /* 1.5.5's ROUGE-L is the summary-level one */
	/* 1.5.5 sums counts over references; the others keep the best F. */
	all_counts sum;
	memset(&sum, 0, sizeof sum);
	bool first = true;
	for (size_t k = 0; k < nrefs && !rc; k++) {
		toks rt = { 0 }, rtl = { 0 };
		rc = tokenize_text(&rt, &c, refs[k], false);
		if (!rc)
			rc = tokenize_text(&rtl, &c, refs[k], true);
		all_counts a;
		toks cf = flat_view(&ct), rf = flat_view(&rt);
		if (!rc)
			rc = count_all(&a, &cf, &rf, &ctl, &rtl, px_strmap_count(c.vocab), want);
		if (!rc && r->o.compat == PRECIS_ROUGE_155) {
			counts *src = &a.n[0], *dst = &sum.n[0];
			for (size_t m = 0; m < sizeof sum / sizeof(counts); m++) {
				dst[m].hit += src[m].hit;
				dst[m].cand += src[m].cand;
				dst[m].ref += src[m].ref;
			}
		} else if (!rc) {
			precis_rouge_scores s;
			scores_plain(&s, &a, &ct, &rt, r->o.alpha);
			precis_prf *dst = &out->rouge1, *src = &s.rouge1;
			for (size_t m = 0; m < sizeof s / sizeof(precis_prf); m++)
				if (first || better(src[m], dst[m]))
					dst[m] = src[m];
			first = false;
		}
		toks_free(&rt);
		toks_free(&rtl);
	}
	if (!rc && r->o.compat == PRECIS_ROUGE_155) {
		precis_prf *ns[4] = { &out->rouge1, &out->rouge2, &out->rouge3, &out->rouge4 };
		for (int k = 0; k < 4; k++) {
			counts *x = &sum.n[k];
			*ns[k] = prf_155(x->cand ? x->hit / x->cand : 0, x->ref ? x->hit / x->ref : 0,
					 r->o.alpha);
		}
		counts *l = &sum.Lsum;
		out->rougeLsum = prf_155(l->cand ? l->hit / l->cand : 0, l->ref ? l->hit / l->ref : 0,
					 r->o.alpha);
		out->rougeL = out->rougeLsum; /* 1.5.5's ROUGE-L is summary level */
		/* ROUGE-W: 1.5.5 weighs the summed base once more (its computeWLCSScore). */
		counts *w = &sum.W;
		double wr = w->ref > 0 ? pow(w->hit / w->ref, 1 / WEIGHT) : 0;
		double wp = w->cand > 0 ? pow(w->hit / w->cand, 1 / WEIGHT) : 0;
		out->rougeW = prf_155(wp, wr, r->o.alpha);
		counts *s = &sum.SU4;
		out->rougeSU4 = prf_155(s->cand ? s->hit / s->cand : 0, s->ref ? s->hit / s->ref : 0,
					r->o.alpha);
	}
	toks_free(&ct);
	toks_free(&ctl);
	px_strmap_free(c.vocab);
	return rc;
}
