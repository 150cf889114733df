/*
 * rouge: ROUGE-N, ROUGE-L (sentence and summary level), ROUGE-W and
 * ROUGE-SU4, in three tokenizations: Google's rouge-score, ROUGE-1.5.5.pl
 * (both reproduced to the last printed digit) and a Unicode-aware one.
 *
 * Texts become arrays of token ids (one id space per call) split into
 * lines; every measure then works on ids. N-grams get dense ids level by
 * level from one table of packed 64-bit keys (an n-gram is its (n-1)-gram
 * id plus a token id), so counting never hashes strings. The union-LCS
 * follows Lin (2004, section 3.2) with the tie-breaking of both reference
 * tools: the backtrack moves left only when T[i][j-1] > T[i-1][j],
 * otherwise up. Only those moves are kept, one bit per cell.
 *
 * Measure buffers live in the scorer and are reused from call to call,
 * growing only for a longer text; a call allocates its vocabulary and
 * token arrays, never per token or per LCS table.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "data.h"
#include "error.h"
#include "porter.h"
#include "rouge.h"
#include "strmap.h"
#include "text.h"

#define WEIGHT 1.2   /* ROUGE-W weighting factor, 1.5.5's -w default */
#define SKIP_GAP 4   /* ROUGE-SU4 */

/*
 * Token and n-gram ids are packed 30 bits each into 64-bit keys, so a call
 * may see at most this many tokens (ids stay below 2^30 with room to spare).
 */
#define MAX_TOKENS ((size_t)1 << 26)

/* Words whose stems a scorer remembers before it starts afresh. */
#define STEM_CACHE_MAX ((size_t)1 << 20)

/* One union-LCS table may hold this many cells (one bit each: 256 MiB). */
#define MAX_LCS_CELLS ((size_t)1 << 31)

/*
 * LCS work of one candidate-reference pair, in table cells (a union-LCS
 * also counts one per pair of lines): past it the pair fails with
 * PRECIS_ETOOBIG instead of running for minutes. 2^32 is two texts of
 * 65,536 tokens, far beyond any summary.
 */
#define MAX_LCS_WORK ((uint64_t)1 << 32)

/* Packed n-gram keys -> dense ids; open addressing, 0 marks an empty slot. */
typedef struct {
	uint64_t *key;
	uint32_t *val;
	size_t cap;
	uint32_t n;
} idtab;

/* A growable buffer; users view p as the element type they keep in it. */
typedef struct {
	void *p;
	size_t cap; /* bytes */
} buf;

/* Buffers reused across calls (a scorer serves one thread). */
typedef struct {
	idtab tab;
	buf cnt;            /* uint32_t: two counters per n-gram id, [2k] reference, [2k+1] candidate */
	buf gram_r, gram_c; /* uint32_t: n-gram id starting at each position */
	buf moves;          /* uint64_t: LCS backtrack, bit set = move left */
	buf row;            /* uint32_t: two LCS rows */
	buf wrow;           /* double: two weighted LCS rows */
	buf run;            /* uint32_t: two rows of consecutive-match lengths (ROUGE-W) */
	buf pw;             /* double: pw[k] = k^WEIGHT for k < pw_n */
	size_t pw_n;
	buf clip;           /* uint32_t: unigram counts left per vocabulary id, [2v] ref, [2v+1] cand */
	buf mask;           /* unsigned char: union-LCS hits of one reference line */
} scratch;

struct precis_rouge {
	precis_rouge_options o;
	precis_analyzer *a;    /* unicode mode */
	px_strmap *exc;        /* 1.5.5: WordNet exception form -> index of base */
	char **exc_base;
	px_strmap *stop;       /* 1.5.5 -s */
	px_strmap *stems;      /* ASCII modes: word -> index into stem_id */
	px_strmap *stem_of;    /* the stems themselves */
	uint32_t *stem_id;
	size_t stem_cap;
	scratch s;
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
} ctx;

/* Room for n elements of size bytes in b (contents kept, not cleared). */
static int reserve(buf *b, size_t n, size_t size)
{
	if (n > SIZE_MAX / 2 / size)
		return PRECIS_ENOMEM;
	size_t want = n * size;
	if (want <= b->cap && b->p)
		return 0;
	size_t nc = b->cap ? b->cap : 256;
	while (nc < want)
		nc *= 2;
	void *nv = realloc(b->p, nc);
	if (!nv)
		return PRECIS_ENOMEM;
	b->p = nv;
	b->cap = nc;
	return 0;
}

/* ----------------------------------------------------------- tokens */

static int push_id(toks *t, ctx *c, const char *w, size_t n)
{
	int64_t id;
	int rc = px_strmap_intern(c->vocab, w, n, &id, NULL);
	if (rc)
		return rc;
	if (t->n >= MAX_TOKENS || id >= (int64_t)1 << 30)
		return PRECIS_ETOOBIG;
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

/* Cache word -> stem; the stems live in their own map (many words share one). */
static int remember_stem(precis_rouge *r, const char *w, size_t n, const char *st, size_t sl)
{
	int64_t wid, sid;
	int rc = px_strmap_intern(r->stem_of, st, sl, &sid, NULL);
	if (!rc)
		rc = px_strmap_intern(r->stems, w, n, &wid, NULL);
	if (rc)
		return rc;
	if ((size_t)wid >= r->stem_cap) {
		size_t nc = r->stem_cap ? r->stem_cap * 2 : 1024;
		uint32_t *nv = realloc(r->stem_id, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		r->stem_id = nv;
		r->stem_cap = nc;
	}
	r->stem_id[wid] = (uint32_t)sid;
	return 0;
}

/* Drop the stem cache when it has grown large (a long stream of new words). */
static int stems_trim(precis_rouge *r)
{
	if (!r->o.stem || r->o.compat == PRECIS_ROUGE_UNICODE ||
	    (r->stems && px_strmap_count(r->stems) < STEM_CACHE_MAX))
		return 0;
	px_strmap_free(r->stems);
	px_strmap_free(r->stem_of);
	r->stems = r->stem_of = NULL;
	int rc = px_strmap_new(&r->stems);
	if (!rc)
		rc = px_strmap_new(&r->stem_of);
	return rc;
}

/* Add an ASCII word (already lowercase, [a-z0-9]) with the mode's stemming. */
static int add_ascii_word(toks *t, ctx *c, const char *w, size_t n)
{
	precis_rouge *r = c->r;
	if (r->stop && px_strmap_get(r->stop, w, n) >= 0)
		return 0;
	if (!r->o.stem || n <= 3)
		return push_id(t, c, w, n);
	if (r->o.compat == PRECIS_ROUGE_155) {
		int64_t e = px_strmap_get(r->exc, w, n);
		if (e >= 0)
			return push_id(t, c, r->exc_base[e], strlen(r->exc_base[e]));
	}
	/* Words recur: stem each once per scorer. */
	int64_t hit = px_strmap_get(r->stems, w, n);
	if (hit >= 0) {
		size_t sl;
		const char *st = px_strmap_key(r->stem_of, r->stem_id[hit], &sl);
		return push_id(t, c, st, sl);
	}
	/* Words of any length are stemmed; only long ones need the heap. */
	char local[256];
	char *buf = n + 2 <= sizeof local ? local : malloc(n + 2);
	if (!buf)
		return PRECIS_ENOMEM;
	size_t sl = r->o.compat == PRECIS_ROUGE_SCORE ? px_porter_nltk(buf, w, n)
						       : px_porter_rouge155(buf, w, n);
	int rc = remember_stem(r, w, n, buf, sl);
	if (!rc)
		rc = push_id(t, c, buf, sl);
	if (buf != local)
		free(buf);
	return rc;
}

/*
 * rouge-score: Python's lower(), then every run outside [a-z0-9] is a
 * separator. Only two non-ASCII code points lowercase to anything ASCII:
 * U+0130 (to "i" + U+0307, a separator) and the Kelvin sign U+212A (to
 * "k"); checked over all of Unicode with Python 3.11.
 * rouge155: bytes, ASCII lowercase, anything else separates.
 */
static int tokenize_ascii(toks *t, ctx *c, const char *s, size_t len, bool unicode_lower)
{
	char local[256];
	char *w = len < sizeof local ? local : malloc(len + 1);
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
		if ((ch < 0 || split_after) && wn) {
			rc = add_ascii_word(t, c, w, wn);
			wn = 0;
		}
		i += adv;
	}
	if (w != local)
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

/* Perl's \s on a byte string (5.18 and later count the vertical tab). */
static bool perl_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v' || ch == '\n';
}

/*
 * Fields of a line as Perl's split(/\s+/) returns them: a leading empty
 * field when the line starts with white space, no trailing empty ones.
 * *cut_at is where the keep-th field ends (len when there are fewer).
 */
static size_t perl_words(const char *s, size_t len, size_t *cut_at, size_t keep)
{
	size_t n = 0, i = 0;
	*cut_at = len;
	if (len && perl_space(s[0])) {
		n = 1;
		if (keep == 1)
			*cut_at = 0;
	}
	while (i < len) {
		while (i < len && perl_space(s[i]))
			i++;
		if (i >= len)
			break;
		while (i < len && !perl_space(s[i]))
			i++;
		n++;
		if (n == keep)
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

/* --------------------------------------------------------- n-grams */

static uint64_t key_of(uint64_t level, uint64_t a, uint64_t b)
{
	return level << 60 | a << 30 | b;
}

static size_t slot_of(uint64_t key, size_t mask)
{
	/* splitmix64's finalizer: packed keys differ in few bits. */
	key ^= key >> 30;
	key *= 0xbf58476d1ce4e5b9ULL;
	key ^= key >> 27;
	key *= 0x94d049bb133111ebULL;
	key ^= key >> 31;
	return (size_t)key & mask;
}

/* Empty the table, sized for up to keys insertions (no growth later). */
static int idtab_reset(idtab *t, size_t keys)
{
	size_t cap = 64;
	while (cap < 2 * keys)
		cap *= 2;
	if (cap > t->cap || cap * 8 < t->cap) {
		free(t->key);
		free(t->val);
		t->key = malloc(cap * sizeof *t->key);
		t->val = malloc(cap * sizeof *t->val);
		if (!t->key || !t->val) {
			free(t->key);
			free(t->val);
			*t = (idtab){ 0 };
			return PRECIS_ENOMEM;
		}
		t->cap = cap;
	}
	memset(t->key, 0, t->cap * sizeof *t->key);
	t->n = 0;
	return 0;
}

/* Dense id of key (never 0: every key carries a level >= 1). */
static uint32_t idtab_id(idtab *t, uint64_t key)
{
	size_t mask = t->cap - 1, i = slot_of(key, mask);
	while (t->key[i]) {
		if (t->key[i] == key)
			return t->val[i];
		i = (i + 1) & mask;
	}
	t->key[i] = key;
	t->val[i] = t->n;
	return t->n++;
}

/* Room for n ids' counters, all zero. */
static int counters(scratch *s, size_t n)
{
	if (reserve(&s->cnt, 2 * n, sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	memset(s->cnt.p, 0, 2 * n * sizeof(uint32_t));
	return 0;
}

/* Sum over ids [lo, hi) of the clipped count min(ref, cand). */
static double clipped(const scratch *s, uint32_t lo, uint32_t hi)
{
	const uint32_t *cnt = s->cnt.p;
	double hit = 0;
	for (uint32_t k = lo; k < hi; k++)
		hit += cnt[2 * k] < cnt[2 * k + 1] ? cnt[2 * k] : cnt[2 * k + 1];
	return hit;
}

typedef struct {
	double hit, cand, ref; /* counts; ref and cand may be weighted (ROUGE-W) */
} counts;

/*
 * ROUGE-1..4 at once: the level-k id of the n-gram at i is the id of
 * (level-(k-1) id at i, token i+k-1), so ids of one level are contiguous.
 */
static int rouge_n(counts out[4], scratch *s, const toks *cand, const toks *ref)
{
	size_t total = 4 * (cand->n + ref->n);
	if (idtab_reset(&s->tab, total) || counters(s, total) ||
	    reserve(&s->gram_r, ref->n + 1, sizeof(uint32_t)) ||
	    reserve(&s->gram_c, cand->n + 1, sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	const toks *text[2] = { ref, cand };
	uint32_t *gram[2] = { s->gram_r.p, s->gram_c.p };
	uint32_t *cnt = s->cnt.p;
	for (uint64_t size = 1; size <= 4; size++) {
		uint32_t lo = s->tab.n;
		for (int side = 0; side < 2; side++) {
			const uint32_t *id = text[side]->id;
			size_t n = text[side]->n;
			for (size_t i = 0; i + size <= n; i++) {
				uint64_t prev = size == 1 ? 0 : gram[side][i];
				uint32_t g = idtab_id(&s->tab, key_of(size, prev, id[i + size - 1]));
				gram[side][i] = g;
				cnt[2 * g + (size_t)side]++;
			}
		}
		counts *c = &out[size - 1];
		c->hit = clipped(s, lo, s->tab.n);
		c->ref = ref->n >= size ? (double)(ref->n - size + 1) : 0;
		c->cand = cand->n >= size ? (double)(cand->n - size + 1) : 0;
	}
	return 0;
}

/*
 * Skip-bigrams with gap <= SKIP_GAP plus unigrams, as 1.5.5 -2 4 -u builds
 * them: the unigram of every token but the last (its loop stops one short).
 */
static int rouge_su4(counts *out, scratch *s, const toks *cand, const toks *ref)
{
	size_t total = (SKIP_GAP + 2) * (cand->n + ref->n);
	if (idtab_reset(&s->tab, total) || counters(s, total))
		return PRECIS_ENOMEM;
	const toks *text[2] = { ref, cand };
	uint32_t *cnt = s->cnt.p;
	double grams[2] = { 0, 0 };
	for (int side = 0; side < 2; side++) {
		const uint32_t *id = text[side]->id;
		size_t n = text[side]->n;
		for (size_t i = 0; i + 1 < n; i++) {
			cnt[2 * idtab_id(&s->tab, key_of(1, 0, id[i])) + (size_t)side]++;
			grams[side]++;
			for (size_t j = i + 1; j < n && j <= i + SKIP_GAP + 1; j++) {
				cnt[2 * idtab_id(&s->tab, key_of(2, id[i], id[j])) + (size_t)side]++;
				grams[side]++;
			}
		}
	}
	*out = (counts){ clipped(s, 0, s->tab.n), grams[1], grams[0] };
	return 0;
}

/* ------------------------------------------------------------- LCS */

/* Length of the LCS of a and b, two rows. */
static int lcs_length(size_t *out, scratch *s, const uint32_t *a, size_t m, const uint32_t *b,
		      size_t n)
{
	if (reserve(&s->row, 2 * (n + 1), sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	uint32_t *prev = s->row.p, *cur = prev + n + 1;
	memset(prev, 0, (n + 1) * sizeof *prev);
	cur[0] = 0;
	for (size_t i = 1; i <= m; i++) {
		for (size_t j = 1; j <= n; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
						      : (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		uint32_t *tmp = prev;
		prev = cur;
		cur = tmp;
	}
	*out = prev[n];
	return 0;
}

/* k^WEIGHT for k = 0..upto, computed once and kept. */
static int weights(scratch *s, size_t upto)
{
	if (upto < s->pw_n)
		return 0;
	if (reserve(&s->pw, upto + 1, sizeof(double)))
		return PRECIS_ENOMEM;
	double *pw = s->pw.p;
	for (size_t k = s->pw_n; k <= upto; k++)
		pw[k] = pow((double)k, WEIGHT);
	s->pw_n = upto + 1;
	return 0;
}

/*
 * Fill the LCS table of ref[0..m) x cand[0..n) a row at a time, keeping
 * only the backtrack's moves. weighted: ROUGE-W's table, where a match
 * extending a run of k consecutive matches adds (k+1)^w - k^w, summed in
 * 1.5.5's order so ties break as in Perl.
 */
static int lcs_moves(scratch *s, const uint32_t *ref, size_t m, const uint32_t *cand, size_t n,
		     bool weighted)
{
	size_t words = (m * n + 63) / 64;
	if (reserve(&s->moves, words, sizeof(uint64_t)))
		return PRECIS_ENOMEM;
	uint64_t *mv = s->moves.p;
	memset(mv, 0, words * sizeof *mv);
	if (!weighted) {
		if (reserve(&s->row, 2 * (n + 1), sizeof(uint32_t)))
			return PRECIS_ENOMEM;
		uint32_t *prev = s->row.p, *cur = prev + n + 1;
		memset(prev, 0, (n + 1) * sizeof *prev);
		cur[0] = 0;
		for (size_t i = 1; i <= m; i++) {
			uint32_t r = ref[i - 1];
			size_t bit = (i - 1) * n;
			for (size_t j = 1; j <= n; j++, bit++) {
				if (r == cand[j - 1]) {
					cur[j] = prev[j - 1] + 1;
				} else if (cur[j - 1] > prev[j]) {
					cur[j] = cur[j - 1];
					mv[bit / 64] |= (uint64_t)1 << (bit % 64);
				} else {
					cur[j] = prev[j];
				}
			}
			uint32_t *tmp = prev;
			prev = cur;
			cur = tmp;
		}
		return 0;
	}
	if (weights(s, (m < n ? m : n) + 1) ||
	    reserve(&s->wrow, 2 * (n + 1), sizeof(double)) ||
	    reserve(&s->run, 2 * (n + 1), sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	double *prev = s->wrow.p, *cur = prev + n + 1;
	uint32_t *lprev = s->run.p, *lcur = lprev + n + 1;
	for (size_t j = 0; j <= n; j++) {
		prev[j] = 0;
		lprev[j] = 0;
	}
	cur[0] = 0;
	lcur[0] = 0;
	const double *pw = s->pw.p;
	for (size_t i = 1; i <= m; i++) {
		uint32_t r = ref[i - 1];
		size_t bit = (i - 1) * n;
		for (size_t j = 1; j <= n; j++, bit++) {
			if (r == cand[j - 1]) {
				uint32_t k = lprev[j - 1];
				cur[j] = prev[j - 1] + pw[k + 1] - pw[k];
				lcur[j] = k + 1;
			} else if (cur[j - 1] > prev[j]) {
				cur[j] = cur[j - 1];
				lcur[j] = 0;
				mv[bit / 64] |= (uint64_t)1 << (bit % 64);
			} else {
				cur[j] = prev[j];
				lcur[j] = 0;
			}
		}
		double *tmp = prev;
		prev = cur;
		cur = tmp;
		uint32_t *ltmp = lprev;
		lprev = lcur;
		lcur = ltmp;
	}
	return 0;
}

/* Mark in hit[] the reference positions of the LCS the backtrack reads. */
static int lcs_mark(scratch *s, unsigned char *hit, const uint32_t *ref, size_t m,
		    const uint32_t *cand, size_t n, bool weighted)
{
	if (m == 0 || n == 0)
		return 0;
	if (m > MAX_LCS_CELLS / n)
		return PRECIS_ETOOBIG;
	int rc = lcs_moves(s, ref, m, cand, n, weighted);
	if (rc)
		return rc;
	const uint64_t *mv = s->moves.p;
	size_t i = m, j = n;
	while (i > 0 && j > 0) {
		size_t bit = (i - 1) * n + (j - 1);
		if (ref[i - 1] == cand[j - 1]) {
			hit[i - 1] = 1;
			i--;
			j--;
		} else if (mv[bit / 64] >> (bit % 64) & 1) {
			j--;
		} else {
			i--;
		}
	}
	return 0;
}

/*
 * Summary-level union LCS (and ROUGE-W when weighted): for each reference
 * line, the union of its LCS positions against every candidate line; a
 * position is a hit while its token still has a count left in both texts.
 */
static int union_lcs(counts *out, scratch *s, const toks *cand, const toks *ref,
		     const toks *cand_flat, const toks *ref_flat, size_t nvocab, bool weighted)
{
	if (reserve(&s->clip, 2 * nvocab + 2, sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	uint32_t *left = s->clip.p;
	memset(left, 0, (2 * nvocab + 2) * sizeof *left);
	/* 1.5.5 clips with the unigram counts of the texts as its n-gram reader sees them. */
	for (size_t i = 0; i < ref_flat->n; i++)
		left[2 * ref_flat->id[i]]++;
	for (size_t i = 0; i < cand_flat->n; i++)
		left[2 * cand_flat->id[i] + 1]++;
	double hit = 0, base = 0;
	int rc = 0;
	for (size_t r = 0; r < ref->nlines && !rc; r++) {
		size_t rn = ref->line[r + 1] - ref->line[r];
		base += weighted ? pow((double)rn, WEIGHT) : (double)rn;
		if (rn == 0)
			continue; /* a blank line: no tokens (and maybe no token array at all) */
		const uint32_t *rs = ref->id + ref->line[r];
		if (reserve(&s->mask, rn, 1))
			return PRECIS_ENOMEM;
		unsigned char *mask = s->mask.p;
		memset(mask, 0, rn);
		for (size_t k = 0; k < cand->nlines && !rc; k++)
			if (cand->line[k + 1] > cand->line[k])
				rc = lcs_mark(s, mask, rs, rn, cand->id + cand->line[k],
					      cand->line[k + 1] - cand->line[k], weighted);
		/*
		 * ROUGE-W adds k^w per run of k consecutive hits, closing a run at
		 * a counted hit followed by a position off the LCS or by the line
		 * end, as 1.5.5's wlcs does (an uncounted LCS position neither
		 * closes nor resets the run).
		 */
		size_t run = 0;
		for (size_t j = 0; j < rn; j++) {
			uint32_t v = rs[j];
			if (!mask[j] || !left[2 * v] || !left[2 * v + 1])
				continue;
			left[2 * v]--;
			left[2 * v + 1]--;
			if (!weighted) {
				hit++;
				continue;
			}
			run++;
			if (j + 1 == rn || !mask[j + 1]) {
				hit += pow((double)run, WEIGHT);
				run = 0;
			}
		}
	}
	out->hit = hit;
	/*
	 * ROUGE-W's denominators are weighted once more: f(sum of f(line
	 * lengths)) for the reference, f(token count) for the candidate, as
	 * 1.5.5's computeWLCSScore adds them up per reference.
	 */
	out->ref = weighted ? pow(base, WEIGHT) : base;
	out->cand = weighted ? pow((double)cand_flat->n, WEIGHT) : (double)cand_flat->n;
	return rc;
}

/* ------------------------------------------------------------ scores */

static double fmeasure(double p, double r, double alpha)
{
	if (alpha == 0.5)
		return p + r > 0 ? 2 * p * r / (p + r) : 0.0; /* rouge-score's formula */
	double d = (1 - alpha) * p + alpha * r;
	return d > 0 ? p * r / d : 0.0;
}

static precis_prf prf_plain(const counts *c, double alpha)
{
	double p = c->cand > 0 ? c->hit / c->cand : 0.0;
	double r = c->ref > 0 ? c->hit / c->ref : 0.0;
	return (precis_prf){ p, r, fmeasure(p, r, alpha) };
}

/* x as printf("%.5f") shows it, read back. */
static double round5(double x)
{
	char buf[48];
	snprintf(buf, sizeof buf, "%.5f", x);
	return strtod(buf, NULL);
}

/* 1.5.5: ($P * $R) / ((1 - $alpha) * $P + $alpha * $R) on the printed P and R. */
static precis_prf prf_155(double p, double r, double alpha)
{
	double p5 = round5(p), r5 = round5(r);
	double d = (1 - alpha) * p5 + alpha * r5;
	return (precis_prf){ p5, r5, d > 0 ? round5(p5 * r5 / d) : 0.0 };
}

int precis_rouge155_prf(precis_prf *out, double p, double r, double alpha)
{
	if (!out || !(p >= 0 && p <= 1) || !(r >= 0 && r <= 1) || !(alpha >= 0 && alpha <= 1))
		return PRECIS_EINVAL;
	*out = prf_155(p, r, alpha);
	return 0;
}

typedef struct {
	counts n[4], L, Lsum, W, SU4;
} all_counts;

static int count_all(all_counts *a, scratch *s, const toks *cand_flat, const toks *ref_flat,
		     const toks *cand_lines, const toks *ref_lines, size_t nvocab, unsigned want)
{
	memset(a, 0, sizeof *a);
	int rc = 0;
	if (want & PRECIS_ROUGE_M_N)
		rc = rouge_n(a->n, s, cand_flat, ref_flat);
	uint64_t flat_work = (uint64_t)cand_flat->n * ref_flat->n;
	uint64_t union_work = (uint64_t)cand_lines->n * ref_lines->n +
			      (uint64_t)cand_lines->nlines * ref_lines->nlines;
	if (((want & PRECIS_ROUGE_M_L) && flat_work > MAX_LCS_WORK) ||
	    ((want & (PRECIS_ROUGE_M_LSUM | PRECIS_ROUGE_M_W)) && union_work > MAX_LCS_WORK))
		return PRECIS_ETOOBIG;
	if (!rc && (want & PRECIS_ROUGE_M_L)) {
		size_t l = 0;
		rc = lcs_length(&l, s, ref_flat->id, ref_flat->n, cand_flat->id, cand_flat->n);
		a->L = (counts){ (double)l, (double)cand_flat->n, (double)ref_flat->n };
	}
	if (!rc && (want & PRECIS_ROUGE_M_LSUM))
		rc = union_lcs(&a->Lsum, s, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, false);
	if (!rc && (want & PRECIS_ROUGE_M_W))
		rc = union_lcs(&a->W, s, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, true);
	if (!rc && (want & PRECIS_ROUGE_M_SU4))
		rc = rouge_su4(&a->SU4, s, cand_flat, ref_flat);
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

/* 1.5.5's numbers from counts summed over references. */
static void scores_155(precis_rouge_scores *out, const all_counts *sum, double alpha)
{
	precis_prf *ns[4] = { &out->rouge1, &out->rouge2, &out->rouge3, &out->rouge4 };
	for (int k = 0; k < 4; k++) {
		const counts *x = &sum->n[k];
		*ns[k] = prf_155(x->cand ? x->hit / x->cand : 0, x->ref ? x->hit / x->ref : 0,
					 alpha);
	}
	const counts *l = &sum->Lsum;
	out->rougeLsum =
		prf_155(l->cand ? l->hit / l->cand : 0, l->ref ? l->hit / l->ref : 0, alpha);
	out->rougeL = out->rougeLsum; /* 1.5.5's ROUGE-L is summary level */
	const counts *w = &sum->W;
	double wr = w->ref > 0 ? pow(w->hit / w->ref, 1 / WEIGHT) : 0;
	double wp = w->cand > 0 ? pow(w->hit / w->cand, 1 / WEIGHT) : 0;
	out->rougeW = prf_155(wp, wr, alpha);
	const counts *s = &sum->SU4;
	out->rougeSU4 =
		prf_155(s->cand ? s->hit / s->cand : 0, s->ref ? s->hit / s->ref : 0, alpha);
}

/* --------------------------------------------------------------- API */

static int load_exceptions(precis_rouge *r)
{
	/*
	 * 1.5.5's buildExeptionDB.pl keeps, per form, the first base form of
	 * its line, later lines overwriting earlier ones. Its shipped database
	 * maps better/best to well, i.e. adv.exc was read after adj.exc; the
	 * only other cross-file conflict of four letters or more (testes:
	 * noun "testis", verb "testes") is decided by this order too, which
	 * the shipped database may not share.
	 */
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
				rc = px_strmap_intern(r->exc, p, (size_t)(sp - p), &id, NULL);
				if (!rc && (size_t)id >= cap) {
					size_t nc = cap ? cap * 2 : 8192;
					char **nb = realloc(r->exc_base, nc * sizeof *nb);
					if (!nb) {
						rc = PRECIS_ENOMEM;
					} else {
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
	if (!out || o->version != PRECIS_ROUGE_OPTIONS_VERSION ||
	    !(o->alpha >= 0 && o->alpha <= 1) || (int)o->compat < (int)PRECIS_ROUGE_UNICODE ||
	    (int)o->compat > (int)PRECIS_ROUGE_155 ||
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

static void scratch_free(scratch *s)
{
	free(s->tab.key);
	free(s->tab.val);
	buf *all[] = { &s->cnt, &s->gram_r, &s->gram_c, &s->moves, &s->row,
		       &s->wrow, &s->run, &s->pw, &s->clip, &s->mask };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]->p);
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
	px_strmap_free(r->stems);
	px_strmap_free(r->stem_of);
	free(r->stem_id);
	scratch_free(&r->s);
	free(r);
}

/*
 * A text tokenized for n-grams (flat) and for LCS (lines). They are the
 * same token stream except with 1.5.5's -b, whose two readers cut
 * differently; otherwise lines aliases flat.
 */
typedef struct {
	toks flat, own_lines;
	const toks *lines;
} text_toks;

static int text_tokenize(text_toks *t, ctx *c, const char *s)
{
	memset(t, 0, sizeof *t);
	int rc = tokenize_text(&t->flat, c, s, false);
	t->lines = &t->flat;
	if (!rc && c->r->o.compat == PRECIS_ROUGE_155 && c->r->o.limit_bytes) {
		rc = tokenize_text(&t->own_lines, c, s, true);
		t->lines = &t->own_lines;
	}
	return rc;
}

static void text_free(text_toks *t)
{
	toks_free(&t->flat);
	toks_free(&t->own_lines);
}

int precis_rouge_score(precis_rouge_scores *out, precis_rouge *r, const char *cand,
		       const char *const *refs, size_t nrefs)
{
	if (!out)
		return PRECIS_EINVAL;
	memset(out, 0, sizeof *out);
	if (!r || !cand || (!refs && nrefs))
		return PRECIS_EINVAL;
	if (px_text_check(cand, strlen(cand), NULL) != 0)
		return PRECIS_EUTF8;
	for (size_t k = 0; k < nrefs; k++)
		if (!refs[k] || px_text_check(refs[k], strlen(refs[k]), NULL) != 0)
			return PRECIS_EUTF8;
	ctx c = { r, NULL, "en" };
	if (r->o.compat == PRECIS_ROUGE_UNICODE) {
		if (r->o.lang && strcmp(r->o.lang, "auto") != 0) {
			c.lang = r->o.lang;
		} else {
			const char *src = nrefs && refs[0][0] ? refs[0] : cand;
			precis_detect_language(&c.lang, r->a, src, strlen(src));
		}
	}
	int rc = stems_trim(r);
	if (!rc)
		rc = px_strmap_new(&c.vocab);
	if (rc)
		return rc;
	text_toks ct;
	rc = text_tokenize(&ct, &c, cand);
	unsigned want = r->o.measures ? r->o.measures : ~0u;
	if (r->o.compat == PRECIS_ROUGE_155 && (want & PRECIS_ROUGE_M_L))
		want |= PRECIS_ROUGE_M_LSUM; /* 1.5.5's ROUGE-L is the summary-level one */
	/* 1.5.5 sums counts over references; the others keep the best F. */
	all_counts sum;
	memset(&sum, 0, sizeof sum);
	for (size_t k = 0; k < nrefs && !rc; k++) {
		text_toks rt;
		rc = text_tokenize(&rt, &c, refs[k]);
		all_counts a;
		if (!rc)
			rc = count_all(&a, &r->s, &ct.flat, &rt.flat, ct.lines, rt.lines,
				       px_strmap_count(c.vocab), want);
		if (!rc && r->o.compat == PRECIS_ROUGE_155) {
			counts *src = &a.n[0], *dst = &sum.n[0];
			for (size_t m = 0; m < sizeof sum / sizeof(counts); m++) {
				dst[m].hit += src[m].hit;
				dst[m].cand += src[m].cand;
				dst[m].ref += src[m].ref;
			}
		} else if (!rc) {
			/* rouge-score's score_multi: per measure, the first best F. */
			precis_rouge_scores s;
			scores_plain(&s, &a, &ct.flat, &rt.flat, r->o.alpha);
			precis_prf *dst = &out->rouge1, *src = &s.rouge1;
			for (size_t m = 0; m < sizeof s / sizeof(precis_prf); m++)
				if (k == 0 || src[m].f > dst[m].f)
					dst[m] = src[m];
		}
		text_free(&rt);
	}
	if (!rc && r->o.compat == PRECIS_ROUGE_155)
		scores_155(out, &sum, r->o.alpha);
	if (rc)
		memset(out, 0, sizeof *out);
	text_free(&ct);
	px_strmap_free(c.vocab);
	return rc;
}

int precis_rouge_check(const char *text, size_t len, precis_error *err)
{
	if (!text)
		return PRECIS_EINVAL;
	int rc = px_text_check(text, len, err);
	if (rc)
		px_error_locate(err, text, len);
	return rc;
}

int px_rouge_tokens(char **out, precis_rouge *r, const char *text)
{
	*out = NULL;
	if (!r || !text)
		return PRECIS_EINVAL;
	if (px_text_check(text, strlen(text), NULL) != 0)
		return PRECIS_EUTF8;
	ctx c = { r, NULL, "en" };
	if (r->o.compat == PRECIS_ROUGE_UNICODE) {
		if (r->o.lang && strcmp(r->o.lang, "auto") != 0)
			c.lang = r->o.lang;
		else
			precis_detect_language(&c.lang, r->a, text, strlen(text));
	}
	int rc = stems_trim(r);
	if (!rc)
		rc = px_strmap_new(&c.vocab);
	if (rc)
		return rc;
	toks t = { 0 };
	rc = tokenize_text(&t, &c, text, false);
	size_t len = 1;
	for (size_t i = 0; !rc && i < t.n; i++) {
		size_t kl;
		px_strmap_key(c.vocab, t.id[i], &kl);
		len += kl + 1;
	}
	char *s = rc ? NULL : malloc(len + t.nlines);
	if (!rc && !s)
		rc = PRECIS_ENOMEM;
	size_t o = 0;
	for (size_t l = 0; !rc && l < t.nlines; l++) {
		for (size_t i = t.line[l]; i < t.line[l + 1]; i++) {
			size_t kl;
			const char *k = px_strmap_key(c.vocab, t.id[i], &kl);
			if (i > t.line[l])
				s[o++] = ' ';
			memcpy(s + o, k, kl);
			o += kl;
		}
		s[o++] = '\n';
	}
	if (!rc) {
		s[o] = '\0';
		*out = s;
	}
	toks_free(&t);
	px_strmap_free(c.vocab);
	return rc;
}
