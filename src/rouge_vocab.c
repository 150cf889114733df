/*
 * rouge_vocab: the word -> id map of one scoring call. Every call numbers
 * its tokens afresh (ids index the counters of rouge_lcs.c, so they must be
 * dense and small), but the map lives in the scorer and is emptied, not
 * freed, between calls: a reset clears only the slots the last call used,
 * and the arrays keep their size. Scoring short texts one call at a time
 * (rouge-score's usage) then costs no allocation and no table clearing.
 */
#include <stdlib.h>
#include <string.h>

#include "rouge.h"
#include "vec.h"

/* Words are short: mix them 8 bytes at a time (splitmix64's constants). */
static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t x;
		memcpy(&x, s, 8);
		h = (h ^ x) * 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 31;
	}
	if (n) {
		uint64_t x = 0;
		for (size_t k = 0; k < n; k++)
			x |= (uint64_t)(unsigned char)s[k] << (8 * k);
		h = (h ^ x) * 0x94d049bb133111ebULL;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 32);
}

/* Twice the slots, every word placed again (its slot recorded for reset). */
static int grow(px_rouge_vocab *v)
{
	size_t cap = v->cap ? 2 * v->cap : 256;
	uint32_t *slot = calloc(cap, sizeof *slot);
	if (!slot)
		return PRECIS_ENOMEM;
	for (size_t id = 0; id < v->n; id++) {
		px_rouge_word *w = &v->w[id];
		size_t i = (size_t)word_hash(v->arena + w->off, w->len) & (cap - 1);
		while (slot[i])
			i = (i + 1) & (cap - 1);
		slot[i] = (uint32_t)id + 1;
		w->slot = i;
	}
	free(v->slot);
	v->slot = slot;
	v->cap = cap;
	return 0;
}

int px_rouge_vocab_intern(uint32_t *id, px_rouge_vocab *v, const char *s, size_t n)
{
	if (n > UINT32_MAX || v->n >= (size_t)1 << 30)
		return PRECIS_ETOOBIG;
	if (2 * (v->n + 1) > v->cap && grow(v))
		return PRECIS_ENOMEM;
	size_t mask = v->cap - 1, i = (size_t)word_hash(s, n) & mask;
	for (uint32_t e; (e = v->slot[i]) != 0; i = (i + 1) & mask) {
		const px_rouge_word *w = &v->w[e - 1];
		if (w->len == n && memcmp(v->arena + w->off, s, n) == 0) {
			*id = e - 1;
			return 0;
		}
	}
	if ((v->n >= v->wcap &&
	     px_vec_reserve((void **)&v->w, &v->wcap, v->n + 1, sizeof *v->w)) ||
	    (v->alen + n + 1 > v->acap &&
	     px_vec_reserve((void **)&v->arena, &v->acap, v->alen + n + 1, 1)))
		return PRECIS_ENOMEM;
	memcpy(v->arena + v->alen, s, n);
	v->arena[v->alen + n] = '\0';
	v->w[v->n] = (px_rouge_word){ v->alen, i, (uint32_t)n };
	v->alen += n + 1;
	v->slot[i] = (uint32_t)v->n + 1;
	*id = (uint32_t)v->n++;
	return 0;
}

const char *px_rouge_vocab_key(const px_rouge_vocab *v, uint32_t id, size_t *len)
{
	*len = v->w[id].len;
	return v->arena + v->w[id].off;
}

void px_rouge_vocab_reset(px_rouge_vocab *v)
{
	for (size_t id = 0; id < v->n; id++)
		v->slot[v->w[id].slot] = 0;
	v->n = 0;
	v->alen = 0;
}

void px_rouge_vocab_free(px_rouge_vocab *v)
{
	free(v->slot);
	free(v->w);
	free(v->arena);
	memset(v, 0, sizeof *v);
}
