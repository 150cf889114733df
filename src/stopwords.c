/* stopwords: supported languages and their embedded stop lists. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "precis.h"
#include "stopwords.h"

/* Languages with both a Snowball stemmer and a stop list in stopwords/. */
static const px_lang langs[] = {
	{ "ar", "arabic" },     { "ca", "catalan" },    { "da", "danish" },
	{ "de", "german" },     { "el", "greek" },      { "en", "english" },
	{ "es", "spanish" },    { "eu", "basque" },     { "fi", "finnish" },
	{ "fr", "french" },     { "ga", "irish" },      { "hi", "hindi" },
	{ "hu", "hungarian" },  { "hy", "armenian" },   { "id", "indonesian" },
	{ "it", "italian" },    { "lt", "lithuanian" }, { "nl", "dutch" },
	{ "no", "norwegian" },  { "pt", "portuguese" }, { "ro", "romanian" },
	{ "ru", "russian" },    { "sv", "swedish" },    { "tr", "turkish" },
};

static const char *const codes[] = {
	"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi",
	"hu", "hy", "id", "it", "lt", "nl", "no", "pt", "ro", "ru", "sv", "tr", NULL
};

const char *const *precis_languages(void)
{
	return codes;
}

int precis_language_supported(const char *code)
{
	return px_lang_index(code) >= 0;
}

size_t px_lang_count(void)
{
	return sizeof langs / sizeof langs[0];
}

int px_lang_index(const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < px_lang_count(); i++)
		if (strcmp(langs[i].code, code) == 0)
			return (int)i;
	return -1;
}

const px_lang *px_lang_at(int index)
{
	return &langs[index];
}

/* Add every word of an embedded list ('|' starts a comment) to m. */
static int parse_list(px_strmap *m, const char *path)
{
	const px_datafile *f = px_data_find(path);
	if (!f)
		return PRECIS_ELANG;
	const char *p = f->bytes, *end = f->bytes + f->len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *bar = memchr(p, '|', (size_t)(eol - p));
		const char *stop = bar ? bar : eol;
		const char *w = p;
		while (w < stop) {
			while (w < stop && (*w == ' ' || *w == '\t' || *w == '\r'))
				w++;
			const char *we = w;
			while (we < stop && *we != ' ' && *we != '\t' && *we != '\r')
				we++;
			if (we > w) {
				int64_t id;
				int rc = px_strmap_intern(m, w, (size_t)(we - w), &id, NULL);
				if (rc)
					return rc;
			}
			w = we;
		}
		p = eol + 1;
	}
	return 0;
}

static int load(px_strmap **out, int lang_index, bool detect)
{
	char path[64];
	px_strmap *m;
	int rc = px_strmap_new(&m);
	if (rc)
		return rc;
	snprintf(path, sizeof path, "stopwords/%s.txt", langs[lang_index].code);
	rc = parse_list(m, path);
	if (!rc && detect) {
		snprintf(path, sizeof path, "stopwords/detect/%s.txt", langs[lang_index].code);
		rc = parse_list(m, path);
	}
	if (rc) {
		px_strmap_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

int px_stopwords_load(px_strmap **out, int lang_index)
{
	return load(out, lang_index, false);
}

int px_detect_words_load(px_strmap **out, int lang_index)
{
	return load(out, lang_index, true);
}

/* ------------------------------------------------ shared word sets */

struct slot {
	const char *w; /* in the embedded list; NULL when free */
	uint32_t len;
	uint32_t langs;
};

struct px_wordset {
	struct slot *slots;
	size_t mask; /* slots - 1, a power of two minus one */
	size_t n;    /* words */
};

/*
 * Eight bytes at a time, each block mixed by a multiply (the murmur3
 * finalizer constant): building the detection set hashes 24,000 words,
 * a third of a one-file run's instructions with a byte-at-a-time hash.
 */
static inline uint64_t word_hash(const char *w, size_t n, size_t readable)
{
	uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ULL, x;
	for (; n >= 8; w += 8, n -= 8, readable -= 8) {
		memcpy(&x, w, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (readable >= 8) {
		/* Inside the embedded data: one load, the bytes past the word masked off. */
		memcpy(&x, w, 8);
		x &= n ? ~0ULL >> (64 - 8 * n) : 0;
	} else
#endif
	{
		unsigned char tail[8] = { 0 };
		memcpy(tail, w, n);
		memcpy(&x, tail, 8);
	}
	h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
	return h ^ (h >> 29);
}

/* The slot of w[0..n) (readable bytes from w), or the free slot where it goes. */
static struct slot *find(const px_wordset *set, const char *w, size_t n, size_t readable)
{
	for (size_t i = word_hash(w, n, readable) & set->mask;; i = (i + 1) & set->mask) {
		struct slot *sl = &set->slots[i];
		if (!sl->w || (sl->len == n && memcmp(sl->w, w, n) == 0))
			return sl;
	}
}

uint32_t px_wordset_langs(const px_wordset *set, const char *w, size_t n)
{
	const struct slot *sl = set ? find(set, w, n, n) : NULL;
	return sl && sl->w ? sl->langs : 0;
}

/* Twice the slots, every word placed again: the set stays at most half full. */
static int grow(px_wordset *set)
{
	size_t cap = 2 * (set->mask + 1);
	struct slot *old = set->slots, *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return PRECIS_ENOMEM;
	size_t oldcap = set->mask + 1;
	set->slots = slots;
	set->mask = cap - 1;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].w)
			*find(set, old[i].w, old[i].len, old[i].len) = old[i];
	free(old);
	return 0;
}

static int add_word(px_wordset *set, const char *w, size_t n, size_t readable, int li)
{
	struct slot *sl = find(set, w, n, readable);
	if (!sl->w) {
		if (2 * (set->n + 1) > set->mask + 1) {
			int rc = grow(set);
			if (rc)
				return rc;
			sl = find(set, w, n, readable);
		}
		set->n++;
	}
	*sl = (struct slot){ w, (uint32_t)n, sl->langs | 1u << li };
	return 0;
}

/* Bytes that end a word of a list: blanks, line ends and the comment bar. */
static const bool ends_word[256] = { [' '] = true, ['\t'] = true, ['\r'] = true, ['\n'] = true,
				     ['|'] = true };

/* Every word of an embedded list, as parse_list reads it, into set for language li. */
static int add_list(px_wordset *set, const px_datafile *f, int li)
{
	const char *p = f->bytes, *end = f->bytes + f->len;
	int rc = 0;
	while (p < end && !rc) {
		while (p < end && *p != '|' && ends_word[(unsigned char)*p])
			p++;
		if (p < end && *p == '|') {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			p = eol ? eol : end;
			continue;
		}
		const char *w = p;
		while (p < end && !ends_word[(unsigned char)*p])
			p++;
		if (p > w)
			rc = add_word(set, w, (size_t)(p - w), (size_t)(end - w), li);
	}
	return rc;
}

static void wordset_free(void *set)
{
	if (set)
		free(((px_wordset *)set)->slots);
	free(set);
}

/*
 * The set of the lists of lang_index (all languages when -1), with the
 * detection profiles when detect. Words take 7 to 8 bytes a line on
 * average: a slot per 4 bytes keeps the set under half full, or it grows.
 */
static int build_set(void **out, int lang_index, bool detect)
{
	const px_datafile *files[2 * 32];
	size_t nf = 0, bytes = 0;
	char path[64];
	for (size_t li = 0; li < px_lang_count(); li++) {
		if (lang_index >= 0 && (int)li != lang_index)
			continue;
		snprintf(path, sizeof path, "stopwords/%s.txt", langs[li].code);
		files[nf++] = px_data_find(path);
		snprintf(path, sizeof path, "stopwords/detect/%s.txt", langs[li].code);
		files[nf++] = detect ? px_data_find(path) : NULL;
		if (!files[nf - 2])
			return PRECIS_ELANG;
		for (size_t k = nf - 2; k < nf; k++)
			bytes += files[k] ? files[k]->len : 0;
	}
	px_wordset *set = calloc(1, sizeof *set);
	size_t cap = 64;
	while (cap < bytes / 4)
		cap *= 2;
	if (!set || !(set->slots = calloc(cap, sizeof *set->slots))) {
		free(set);
		return PRECIS_ENOMEM;
	}
	set->mask = cap - 1;
	int rc = 0;
	for (size_t k = 0; k < nf && !rc; k++)
		if (files[k])
			rc = add_list(set, files[k], lang_index >= 0 ? lang_index : (int)(k / 2));
	if (rc) {
		wordset_free(set);
		return rc;
	}
	*out = set;
	return 0;
}

static int build_stop(void **out, const void *arg)
{
	return build_set(out, (int)(intptr_t)arg, false);
}

static int build_detect(void **out, const void *arg)
{
	(void)arg;
	return build_set(out, -1, true);
}

const px_wordset *px_stopwords(int lang_index)
{
	static px_data_once once[sizeof langs / sizeof langs[0]];
	void *set;
	if (lang_index < 0 || (size_t)lang_index >= px_lang_count() ||
	    px_data_once_get(&set, &once[lang_index], build_stop, wordset_free,
			     (const void *)(intptr_t)lang_index))
		return NULL;
	return set;
}

const px_wordset *px_detect_words(void)
{
	static px_data_once once;
	void *set;
	return px_data_once_get(&set, &once, build_detect, wordset_free, NULL) ? NULL : set;
}
