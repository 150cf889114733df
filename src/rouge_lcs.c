/*
 * rouge_lcs: the counts behind every measure, on token ids. N-grams get
 * dense ids level by level from one table of packed 64-bit keys (an n-gram
 * is its (n-1)-gram id plus a token id), so counting never hashes strings.
 * The union-LCS follows Lin (2004, section 3.2) with the tie-breaking of
 * both reference tools: the backtrack moves left only when T[i][j-1] >
 * T[i-1][j], otherwise up. Only those moves are kept, one bit per cell.
 * Every buffer lives in the scorer's scratch and is reused from call to
 * call, growing only for a longer text.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rouge.h"
#include "vec.h"

#define SKIP_GAP 4 /* ROUGE-SU4 */

/* One union-LCS table may hold this many cells (one bit each: 256 MiB). */
#define MAX_LCS_CELLS ((size_t)1 << 31)

/*
 * LCS work of one candidate-reference pair, in table cells (a union-LCS
 * also counts one per pair of lines): past it the pair fails with
 * PRECIS_ETOOBIG instead of running for minutes. 2^32 is two texts of
 * 65,536 tokens, far beyond any summary.
 */
#define MAX_LCS_WORK ((uint64_t)1 << 32)

/*
 * Room for n elements of size bytes in b (contents kept, not cleared);
 * never less than one, so that b->p is a valid pointer for memset.
 */
static int reserve(px_rouge_buf *b, size_t n, size_t size)
{
	return px_vec_reserve(&b->p, &b->cap, n ? n : 1, size);
}

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
static int idtab_reset(px_idtab *t, size_t keys)
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
			*t = (px_idtab){ 0 };
			return PRECIS_ENOMEM;
		}
		t->cap = cap;
	}
	memset(t->key, 0, t->cap * sizeof *t->key);
	t->n = 0;
	return 0;
}

/* Dense id of key (never 0: every key carries a level >= 1). */
static uint32_t idtab_id(px_idtab *t, uint64_t key)
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
static int counters(px_rouge_scratch *s, size_t n)
{
	if (reserve(&s->cnt, 2 * n, sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	memset(s->cnt.p, 0, 2 * n * sizeof(uint32_t));
	return 0;
}

/* Sum over ids [lo, hi) of the clipped count min(ref, cand). */
static double clipped(const px_rouge_scratch *s, uint32_t lo, uint32_t hi)
{
	const uint32_t *cnt = s->cnt.p;
	double hit = 0;
	for (uint32_t k = lo; k < hi; k++)
		hit += cnt[2 * k] < cnt[2 * k + 1] ? cnt[2 * k] : cnt[2 * k + 1];
	return hit;
}

/*
 * One level of ROUGE-N (size >= 2): the size-gram at i is the pair (id of
 * the (size-1)-gram at i, token i+size-1), numbered in s->tab and counted
 * in cnt. Only a position whose (size-1)-gram occurs in both texts can
 * hold a shared size-gram, and the totals are known without the others:
 * pos[side] lists the positions still live, and each level keeps those
 * whose gram the previous level's counts (prev_cnt) show on both sides.
 * Live positions shrink fast, so levels 3 and 4 cost little.
 */
static int ngram_level(px_rouge_counts *out, px_rouge_scratch *s, const px_toks *text[2],
		       uint32_t *gram[2], uint32_t *pos[2], size_t npos[2], size_t size)
{
	const uint32_t *prev_cnt = s->cnt.p;
	size_t live = 0;
	for (int side = 0; side < 2; side++) {
		size_t n = text[side]->n, k = 0;
		for (size_t q = 0; q < npos[side]; q++) {
			uint32_t i = pos[side][q], g = gram[side][i];
			pos[side][k] = i;
			/* Branch-free: which positions stay is data, not a pattern. */
			k += (size_t)((i + size <= n) & (prev_cnt[2 * (size_t)g] != 0) &
				      (prev_cnt[2 * (size_t)g + 1] != 0));
		}
		npos[side] = k;
		live += k;
	}
	out->hit = 0;
	if (!live)
		return 0;
	if (idtab_reset(&s->tab, live) || counters(s, live))
		return PRECIS_ENOMEM;
	uint32_t *cnt = s->cnt.p;
	for (int side = 0; side < 2; side++) {
		const uint32_t *id = text[side]->id;
		for (size_t q = 0; q < npos[side]; q++) {
			uint32_t i = pos[side][q];
			uint32_t g = idtab_id(&s->tab, key_of(size, gram[side][i], id[i + size - 1]));
			gram[side][i] = g;
			cnt[2 * (size_t)g + (size_t)side]++;
		}
	}
	out->hit = clipped(s, 0, s->tab.n);
	return 0;
}

/*
 * ROUGE-1..4 at once. Unigram ids are the token ids themselves (one
 * vocabulary per call, below nvocab); longer n-grams are numbered level by
 * level, each from its prefix's id.
 */
static int rouge_n(px_rouge_counts out[4], px_rouge_scratch *s, const px_toks *cand,
		   const px_toks *ref, size_t nvocab)
{
	if (counters(s, nvocab) || reserve(&s->gram_r, ref->n + 1, sizeof(uint32_t)) ||
	    reserve(&s->gram_c, cand->n + 1, sizeof(uint32_t)) ||
	    reserve(&s->pos_r, ref->n + 1, sizeof(uint32_t)) ||
	    reserve(&s->pos_c, cand->n + 1, sizeof(uint32_t)))
		return PRECIS_ENOMEM;
	const px_toks *text[2] = { ref, cand };
	uint32_t *gram[2] = { s->gram_r.p, s->gram_c.p }, *pos[2] = { s->pos_r.p, s->pos_c.p };
	size_t npos[2] = { ref->n, cand->n };
	uint32_t *cnt = s->cnt.p;
	for (int side = 0; side < 2; side++) {
		const uint32_t *id = text[side]->id;
		for (size_t i = 0; i < text[side]->n; i++) {
			gram[side][i] = id[i];
			pos[side][i] = (uint32_t)i;
			cnt[2 * (size_t)id[i] + (size_t)side]++;
		}
	}
	out[0].hit = clipped(s, 0, (uint32_t)nvocab);
	int rc = 0;
	for (size_t size = 2; size <= 4 && !rc; size++)
		rc = ngram_level(&out[size - 1], s, text, gram, pos, npos, size);
	for (size_t size = 1; size <= 4 && !rc; size++) {
		out[size - 1].ref = ref->n >= size ? (double)(ref->n - size + 1) : 0;
		out[size - 1].cand = cand->n >= size ? (double)(cand->n - size + 1) : 0;
	}
	return rc;
}

/*
 * Skip-bigrams with gap <= SKIP_GAP plus unigrams, as 1.5.5 -2 4 -u builds
 * them: the unigram of every token but the last (its loop stops one short).
 */
static int rouge_su4(px_rouge_counts *out, px_rouge_scratch *s, const px_toks *cand,
		     const px_toks *ref)
{
	size_t total = (SKIP_GAP + 2) * (cand->n + ref->n);
	if (idtab_reset(&s->tab, total) || counters(s, total))
		return PRECIS_ENOMEM;
	const px_toks *text[2] = { ref, cand };
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
	*out = (px_rouge_counts){ clipped(s, 0, s->tab.n), grams[1], grams[0] };
	return 0;
}

/* ------------------------------------------------------------- LCS */

/* Length of the LCS of a and b, two rows: for texts too long for lcs_length's bits. */
static int lcs_length_dp(size_t *out, px_rouge_scratch *s, const uint32_t *a, size_t m,
		      const uint32_t *b, size_t n)
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

/*
 * Bit-parallel LCS (Hyyro 2004; Crochemore et al. 2001). Column j of the
 * LCS table T of a[0..m) against b is held as m bits: bit i is clear when
 * T[i+1][j] = T[i][j] + 1, so T[i][j] is the number of clear bits below i.
 * The next column follows in a few word operations per 64 tokens of a:
 * V' = (V + (V & M)) | (V & ~M), M the positions where a holds b[j]. The
 * values are T's exactly, so the backtrack reads the same LCS as from the
 * full table, at (m + n) steps instead of m * n cells.
 */

/* Up to this many tokens on the bit side (64 words); longer ones use the tables. */
#define BP_MAX_TOKENS 4096

static size_t bp_words(size_t m)
{
	return (m + 63) / 64;
}

/*
 * Match masks of a[0..m): s->loc[id] is the row of token id in s->pm (row
 * 0, all zero, for tokens absent from a). loc is all zero between uses:
 * bp_unload clears what bp_load set, and growth adds zeros.
 */
static int bp_load(px_rouge_scratch *s, const uint32_t *a, size_t m, size_t nvocab)
{
	size_t words = bp_words(m);
	if (px_vec_reserve0(&s->loc.p, &s->loc.cap, nvocab ? nvocab : 1, sizeof(uint32_t)) ||
	    reserve(&s->pm, (m + 1) * words, sizeof(uint64_t)))
		return PRECIS_ENOMEM;
	uint32_t *loc = s->loc.p;
	uint64_t *pm = s->pm.p;
	uint32_t rows = 1;
	memset(pm, 0, words * sizeof *pm);
	for (size_t i = 0; i < m; i++) {
		if (!loc[a[i]]) {
			loc[a[i]] = rows++;
			memset(pm + (size_t)loc[a[i]] * words, 0, words * sizeof *pm);
		}
		pm[(size_t)loc[a[i]] * words + i / 64] |= (uint64_t)1 << (i % 64);
	}
	return 0;
}

static void bp_unload(px_rouge_scratch *s, const uint32_t *a, size_t m)
{
	uint32_t *loc = s->loc.p;
	for (size_t i = 0; i < m; i++)
		loc[a[i]] = 0;
}

/* Column v (words long) advanced by one token whose match masks are pm. */
static void bp_step(uint64_t *v, const uint64_t *pm, size_t words)
{
	if (words == 1) {
		uint64_t u = v[0] & pm[0];
		v[0] = (v[0] + u) | (v[0] - u);
		return;
	}
	uint64_t carry = 0;
	for (size_t w = 0; w < words; w++) {
		uint64_t x = v[w], u = x & pm[w];
		uint64_t sum = x + u;
		uint64_t c = sum < x;
		sum += carry;
		c |= sum < carry;
		v[w] = sum | (x & ~u);
		carry = c;
	}
}

/* Bits set in x (portable builds have no popcount instruction; no libgcc call). */
static size_t popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (size_t)((x * 0x0101010101010101ULL) >> 56);
}

/* T[i][j] from column j: the clear bits of v below bit i. */
static size_t bp_value(const uint64_t *v, size_t i)
{
	size_t set = 0, w = 0;
	for (; w < i / 64; w++)
		set += popcount64(v[w]);
	if (i % 64)
		set += popcount64(v[w] & (((uint64_t)1 << (i % 64)) - 1));
	return i - set;
}

/* Length of the LCS of a and b: bits over the shorter one. */
static int lcs_length(size_t *out, px_rouge_scratch *s, const uint32_t *a, size_t m,
		      const uint32_t *b, size_t n, size_t nvocab)
{
	if (m > n) {
		const uint32_t *t = a;
		a = b;
		b = t;
		size_t k = m;
		m = n;
		n = k;
	}
	*out = 0;
	if (m == 0)
		return 0;
	if (m > BP_MAX_TOKENS)
		return lcs_length_dp(out, s, a, m, b, n);
	size_t words = bp_words(m);
	if (reserve(&s->cols, words, sizeof(uint64_t)) || bp_load(s, a, m, nvocab))
		return PRECIS_ENOMEM;
	uint64_t *v = s->cols.p;
	const uint64_t *pm = s->pm.p;
	const uint32_t *loc = s->loc.p;
	memset(v, 0xff, words * sizeof *v);
	for (size_t j = 0; j < n; j++)
		bp_step(v, pm + (size_t)loc[b[j]] * words, words);
	*out = bp_value(v, m);
	bp_unload(s, a, m);
	return 0;
}

/*
 * lcs_mark for a reference line whose masks bp_load holds, with s->cols
 * reserved for (n + 1) columns: every column is kept for the backtrack.
 */
static void lcs_mark_bp(px_rouge_scratch *s, unsigned char *hit, const uint32_t *ref, size_t m,
			const uint32_t *cand, size_t n)
{
	size_t words = bp_words(m);
	uint64_t *col = s->cols.p;
	const uint64_t *pm = s->pm.p;
	const uint32_t *loc = s->loc.p;
	memset(col, 0xff, words * sizeof *col);
	if (words == 1) {
		/* Lines of up to 64 tokens: the usual case, one word per column. */
		uint64_t v = col[0];
		for (size_t j = 1; j <= n; j++) {
			uint64_t u = v & pm[loc[cand[j - 1]]];
			col[j] = v = (v + u) | (v - u);
		}
	} else {
		for (size_t j = 1; j <= n; j++) {
			memcpy(col + j * words, col + (j - 1) * words, words * sizeof *col);
			bp_step(col + j * words, pm + (size_t)loc[cand[j - 1]] * words, words);
		}
	}
	size_t i = m, j = n;
	while (i > 0 && j > 0) {
		if (ref[i - 1] == cand[j - 1]) {
			hit[i - 1] = 1;
			i--;
			j--;
		} else if (!(col[j * words + (i - 1) / 64] >> ((i - 1) % 64) & 1)) {
			/*
			 * T[i][j] = max(T[i-1][j], T[i][j-1]) off a match, so
			 * T[i][j-1] > T[i-1][j] exactly when T[i][j] = T[i-1][j] + 1,
			 * which is bit i-1 of column j being clear.
			 */
			j--;
		} else {
			i--;
		}
	}
}

/* k^PX_ROUGE_WEIGHT for k = 0..upto, computed once and kept. */
static int weights(px_rouge_scratch *s, size_t upto)
{
	if (upto < s->pw_n)
		return 0;
	if (reserve(&s->pw, upto + 1, sizeof(double)))
		return PRECIS_ENOMEM;
	double *pw = s->pw.p;
	for (size_t k = s->pw_n; k <= upto; k++)
		pw[k] = pow((double)k, PX_ROUGE_WEIGHT);
	s->pw_n = upto + 1;
	return 0;
}

/*
 * Fill the LCS table of ref[0..m) x cand[0..n) a row at a time, keeping
 * only the backtrack's moves. weighted: ROUGE-W's table, where a match
 * extending a run of k consecutive matches adds (k+1)^w - k^w, summed in
 * 1.5.5's order so ties break as in Perl.
 */
static int lcs_moves(px_rouge_scratch *s, const uint32_t *ref, size_t m, const uint32_t *cand,
		     size_t n, bool weighted)
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
static int lcs_mark(px_rouge_scratch *s, unsigned char *hit, const uint32_t *ref, size_t m,
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

/* The union of one reference line's LCS with every candidate line, bit-parallel. */
static int mark_line_bp(px_rouge_scratch *s, unsigned char *mask, const uint32_t *rs, size_t rn,
			const px_toks *cand, size_t nvocab)
{
	size_t longest = 0;
	for (size_t k = 0; k < cand->nlines; k++) {
		size_t cn = cand->line[k + 1] - cand->line[k];
		if (cn > longest)
			longest = cn;
		if (cn && rn > MAX_LCS_CELLS / cn)
			return PRECIS_ETOOBIG; /* as lcs_mark's table would be */
	}
	if (reserve(&s->cols, (longest + 1) * bp_words(rn), sizeof(uint64_t)) ||
	    bp_load(s, rs, rn, nvocab))
		return PRECIS_ENOMEM;
	for (size_t k = 0; k < cand->nlines; k++)
		if (cand->line[k + 1] > cand->line[k])
			lcs_mark_bp(s, mask, rs, rn, cand->id + cand->line[k],
				    cand->line[k + 1] - cand->line[k]);
	bp_unload(s, rs, rn);
	return 0;
}

/*
 * Summary-level union LCS (and ROUGE-W when weighted): for each reference
 * line, the union of its LCS positions against every candidate line; a
 * position is a hit while its token still has a count left in both texts.
 */
static int union_lcs(px_rouge_counts *out, px_rouge_scratch *s, const px_toks *cand,
		     const px_toks *ref, const px_toks *cand_flat, const px_toks *ref_flat,
		     size_t nvocab, bool weighted)
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
		base += weighted ? pow((double)rn, PX_ROUGE_WEIGHT) : (double)rn;
		if (rn == 0)
			continue; /* a blank line: no tokens (and maybe no token array at all) */
		const uint32_t *rs = ref->id + ref->line[r];
		if (reserve(&s->mask, rn, 1))
			return PRECIS_ENOMEM;
		unsigned char *mask = s->mask.p;
		memset(mask, 0, rn);
		if (!weighted && rn <= BP_MAX_TOKENS)
			rc = mark_line_bp(s, mask, rs, rn, cand, nvocab);
		for (size_t k = 0; k < cand->nlines && !rc && (weighted || rn > BP_MAX_TOKENS); k++)
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
				hit += pow((double)run, PX_ROUGE_WEIGHT);
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
	out->ref = weighted ? pow(base, PX_ROUGE_WEIGHT) : base;
	out->cand = weighted ? pow((double)cand_flat->n, PX_ROUGE_WEIGHT) : (double)cand_flat->n;
	return rc;
}

int px_rouge_count_all(px_rouge_all_counts *a, px_rouge_scratch *s, const px_toks *cand_flat,
		       const px_toks *ref_flat, const px_toks *cand_lines,
		       const px_toks *ref_lines, size_t nvocab, unsigned want)
{
	memset(a, 0, sizeof *a);
	int rc = 0;
	if (want & PRECIS_ROUGE_M_N)
		rc = rouge_n(a->n, s, cand_flat, ref_flat, nvocab);
	uint64_t flat_work = (uint64_t)cand_flat->n * ref_flat->n;
	uint64_t union_work = (uint64_t)cand_lines->n * ref_lines->n +
			      (uint64_t)cand_lines->nlines * ref_lines->nlines;
	if (((want & PRECIS_ROUGE_M_L) && flat_work > MAX_LCS_WORK) ||
	    ((want & (PRECIS_ROUGE_M_LSUM | PRECIS_ROUGE_M_W)) && union_work > MAX_LCS_WORK))
		return PRECIS_ETOOBIG;
	if (!rc && (want & PRECIS_ROUGE_M_L)) {
		size_t l = 0;
		rc = lcs_length(&l, s, ref_flat->id, ref_flat->n, cand_flat->id, cand_flat->n,
				nvocab);
		a->L = (px_rouge_counts){ (double)l, (double)cand_flat->n, (double)ref_flat->n };
	}
	if (!rc && (want & PRECIS_ROUGE_M_LSUM))
		rc = union_lcs(&a->Lsum, s, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, false);
	if (!rc && (want & PRECIS_ROUGE_M_W))
		rc = union_lcs(&a->W, s, cand_lines, ref_lines, cand_flat, ref_flat, nvocab, true);
	if (!rc && (want & PRECIS_ROUGE_M_SU4))
		rc = rouge_su4(&a->SU4, s, cand_flat, ref_flat);
	return rc;
}

void px_rouge_scratch_free(px_rouge_scratch *s)
{
	free(s->tab.key);
	free(s->tab.val);
	px_rouge_buf *all[] = { &s->cnt, &s->gram_r, &s->gram_c, &s->moves, &s->row,
				&s->wrow, &s->run, &s->pw, &s->clip, &s->mask, &s->loc,
				&s->pm, &s->cols, &s->pos_r, &s->pos_c };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		free(all[i]->p);
}

