/*
 * rouge: private header of the ROUGE scorer. The scorer itself is public
 * (precis_rouge_* in precis.h); its work is cut in four files:
 *
 *	rouge_tokens.c  texts -> token ids split into lines, in the three
 *	                tokenizations, with 1.5.5's -l/-b limits and stemming
 *	rouge_vocab.c   the word -> id map of a call, reused across calls
 *	rouge_lcs.c     n-gram ids, clipped counts, LCS and union-LCS tables:
 *	                every count of one candidate-reference pair
 *	rouge.c         the API: options, scores from counts, several references
 *
 * px_rouge_tokens is also used by the tests, to see what the scorer compares.
 */
#ifndef PX_ROUGE_H
#define PX_ROUGE_H

#include <stdint.h>

#include "precis.h"
#include "strmap.h"

#define PX_ROUGE_WEIGHT 1.2 /* ROUGE-W weighting factor, 1.5.5's -w default */

/* Packed n-gram keys -> dense ids; open addressing, 0 marks an empty slot. */
typedef struct {
	uint64_t *key;
	uint32_t *val;
	size_t cap;
	uint32_t n;
} px_idtab;

/* A growable buffer; users view p as the one element type they keep in it. */
typedef struct {
	void *p;
	size_t cap; /* elements */
} px_rouge_buf;

/*
 * Buffers reused across calls (a scorer serves one thread). Counters come
 * in pairs, [2k] for the reference and [2k+1] for the candidate.
 */
typedef struct {
	px_idtab tab;
	px_rouge_buf cnt;            /* uint32_t: counter pair per n-gram id */
	px_rouge_buf gram_r, gram_c; /* uint32_t: n-gram id starting at each position */
	px_rouge_buf pos_r, pos_c;   /* uint32_t: positions whose n-gram may be shared */
	px_rouge_buf moves;          /* uint64_t: LCS backtrack, bit set = move left */
	px_rouge_buf row;            /* uint32_t: two LCS rows (long texts) */
	px_rouge_buf wrow;           /* double: two weighted LCS rows */
	px_rouge_buf run;            /* uint32_t: two rows of consecutive-match lengths (ROUGE-W) */
	px_rouge_buf pw;             /* double: pw[k] = k^PX_ROUGE_WEIGHT, k < pw_n */
	size_t pw_n;
	px_rouge_buf clip;           /* uint32_t: unigram counter pair left per token id */
	px_rouge_buf mask;           /* unsigned char: union-LCS hits of one reference line */
	px_rouge_buf loc;            /* uint32_t: token id -> row of pm (bit-parallel LCS) */
	px_rouge_buf pm;             /* uint64_t: match masks of the bit side, a row per token */
	px_rouge_buf cols;           /* uint64_t: bit-parallel LCS columns */
} px_rouge_scratch;

/* A word of a px_rouge_vocab: its bytes in the arena, and its slot. */
typedef struct {
	size_t off, slot;
	uint32_t len;
} px_rouge_word;

/* The word -> id map of one scoring call, kept and emptied between calls. */
typedef struct {
	uint32_t *slot; /* id + 1, 0 for an empty slot */
	size_t cap;     /* slots: 0 or a power of two */
	px_rouge_word *w;
	size_t n, wcap;
	char *arena;
	size_t alen, acap;
} px_rouge_vocab;

/* One tokenized text: ids, and line starts (lines[k]..lines[k+1]). */
typedef struct {
	uint32_t *id;
	size_t n, cap;
	size_t *line;
	size_t nlines, lcap;
} px_toks;

/*
 * A text tokenized for n-grams (flat) and for LCS (lines). They are the
 * same token stream except with 1.5.5's -b, whose two readers cut
 * differently; otherwise lines aliases flat.
 */
typedef struct {
	px_toks flat, own_lines;
	const px_toks *lines;
} px_rouge_text;

/* A cached word of the ASCII modes: its stem, and the stem's id in call "call". */
typedef struct {
	uint32_t sid, vid, call;
} px_rouge_stem;

struct precis_rouge {
	precis_rouge_options o;
	precis_analyzer *a;    /* unicode mode */
	px_strmap *exc;        /* 1.5.5: WordNet exception form -> index of base */
	char **exc_base;
	size_t exc_cap;
	px_strmap *stop;       /* 1.5.5 -s */
	px_rouge_vocab stems;  /* ASCII modes: word -> index into stem */
	px_rouge_vocab stem_of; /* the stems themselves */
	px_rouge_stem *stem;
	size_t stem_cap;
	uint32_t call;         /* number of the scoring call, stamps px_rouge_stem.vid */
	px_rouge_scratch s;
	px_rouge_vocab vocab;
	px_rouge_text cand, ref; /* token buffers, kept from call to call */
};

/* What one scoring call tokenizes with: one vocabulary, one language. */
typedef struct {
	precis_rouge *r;
	px_rouge_vocab *vocab;
	const char *lang;
} px_rouge_ctx;

typedef struct {
	double hit, cand, ref; /* counts; ref and cand may be weighted (ROUGE-W) */
} px_rouge_counts;

typedef struct {
	px_rouge_counts n[4], L, Lsum, W, SU4;
} px_rouge_all_counts;

/* ---- rouge_tokens.c */

/* 1.5.5 -m: the WordNet exception lists (form -> base) into r->exc. */
int px_rouge_load_exceptions(precis_rouge *r);

/*
 * Start a scoring call: c tokenizes into r's emptied vocabulary, in lang.
 * The stem cache starts afresh when it has grown large (a long stream of
 * new words).
 */
int px_rouge_call_begin(px_rouge_ctx *c, precis_rouge *r, const char *lang);

/*
 * Tokenize s into t in c's vocabulary; t is zeroed or holds buffers of an
 * earlier text, which are reused.
 */
int px_rouge_text_tokenize(px_rouge_text *t, px_rouge_ctx *c, const char *s);
void px_rouge_text_free(px_rouge_text *t);

/*
 * The tokens of text as r compares them (lowercased or folded, stemmed,
 * WordNet-mapped, stop words dropped, cut by -l/-b), space-separated, one
 * output line per line the scorer sees (for 1.5.5: its n-gram reader's
 * lines). *out is malloc'ed and NUL-terminated. PRECIS_EUTF8 for invalid
 * text.
 */
int px_rouge_tokens(char **out, precis_rouge *r, const char *text);

/* ---- rouge_vocab.c */

/* Id of word s[0..n), the next one when new. PRECIS_ETOOBIG past 2^30 words. */
int px_rouge_vocab_intern(uint32_t *id, px_rouge_vocab *v, const char *s, size_t n);
const char *px_rouge_vocab_key(const px_rouge_vocab *v, uint32_t id, size_t *len);
void px_rouge_vocab_reset(px_rouge_vocab *v);
void px_rouge_vocab_free(px_rouge_vocab *v);

/* ---- rouge_lcs.c */

/*
 * Every count of measures want (PRECIS_ROUGE_M_*) for one pair: n-grams on
 * the flat token streams, LCS measures on the lines; nvocab bounds the
 * token ids. PRECIS_ETOOBIG when an LCS table would be too large.
 */
int px_rouge_count_all(px_rouge_all_counts *a, px_rouge_scratch *s, const px_toks *cand_flat,
		       const px_toks *ref_flat, const px_toks *cand_lines,
		       const px_toks *ref_lines, size_t nvocab, unsigned want);

void px_rouge_scratch_free(px_rouge_scratch *s);

#endif
