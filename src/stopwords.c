/* stopwords: supported languages and their embedded stop lists. */
#include <stdatomic.h>
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

int px_lang_data_get(void **out, px_lang_once *once, const char *prefix, const char *lang,
		     px_build_fn build, px_destroy_fn destroy)
{
	int li = lang && strcmp(lang, "en") != 0 ? px_lang_index(lang) : -1;
	px_lang_file lf = { "en", NULL };
	if (li >= 0 && li < PX_LANG_SLOTS) {
		char path[96];
		snprintf(path, sizeof path, "%s%s.txt", prefix, lang);
		if ((lf.file = px_data_find(path)))
			lf.code = px_lang_at(li)->code;
	}
	return px_data_once_get(out, lf.file ? &once->lang[li] : &once->fallback, build, destroy,
				&lf);
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

typedef int (*word_fn)(const char *w, size_t n, size_t readable, int li, void *ctx);

/* Every word of an embedded list, as parse_list reads it, to fn (language li). */
static int each_word(const px_datafile *f, int li, word_fn fn, void *ctx)
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
			rc = fn(w, (size_t)(p - w), (size_t)(end - w), li, ctx);
	}
	return rc;
}

static int add_cb(const char *w, size_t n, size_t readable, int li, void *set)
{
	return add_word(set, w, n, readable, li);
}

/* The stop list of language li, and its detection profile when detect (else NULL). */
static int lang_files(const px_datafile *files[2], size_t li, bool detect)
{
	char path[64];
	snprintf(path, sizeof path, "stopwords/%s.txt", langs[li].code);
	files[0] = px_data_find(path);
	snprintf(path, sizeof path, "stopwords/detect/%s.txt", langs[li].code);
	files[1] = detect ? px_data_find(path) : NULL;
	return files[0] ? 0 : PRECIS_ELANG;
}

static px_wordset *wordset_new(size_t cap)
{
	px_wordset *set = calloc(1, sizeof *set);
	if (!set || !(set->slots = calloc(cap, sizeof *set->slots))) {
		free(set);
		return NULL;
	}
	set->mask = cap - 1;
	return set;
}

void px_wordset_free(px_wordset *set)
{
	if (set)
		free(set->slots);
	free(set);
}

static void wordset_free(void *set)
{
	px_wordset_free(set);
}

/*
 * The set of the lists of lang_index (all languages when -1), with the
 * detection profiles when detect. Words take 7 to 8 bytes a line on
 * average: a slot per 4 bytes keeps the set under half full, or it grows.
 */
static int build_set(void **out, int lang_index, bool detect)
{
	const px_datafile *files[2 * 32];
	int li0 = lang_index >= 0 ? lang_index : 0;
	int nl = lang_index >= 0 ? 1 : (int)px_lang_count();
	size_t bytes = 0;
	for (int k = 0; k < nl; k++) {
		if (lang_files(files + 2 * k, (size_t)(li0 + k), detect))
			return PRECIS_ELANG;
		bytes += files[2 * k]->len + (files[2 * k + 1] ? files[2 * k + 1]->len : 0);
	}
	size_t cap = 64;
	while (cap < bytes / 4)
		cap *= 2;
	px_wordset *set = wordset_new(cap);
	int rc = set ? 0 : PRECIS_ENOMEM;
	for (int k = 0; k < 2 * nl && !rc; k++)
		if (files[k])
			rc = each_word(files[k], li0 + k / 2, add_cb, set);
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

static px_data_once detect_once;

const px_wordset *px_detect_words(void)
{
	void *set;
	return px_data_once_get(&set, &detect_once, build_detect, wordset_free, NULL) ? NULL : set;
}

const px_wordset *px_detect_words_built(void)
{
	return atomic_load_explicit(&detect_once.table, memory_order_acquire);
}

/* ------------------------------------------------- one text's words */

/* Lengths (to 63) and first bytes of the words of a scan: most list words need no hash. */
struct scan {
	px_wordset *set;
	uint64_t seen[64 * 256 / 64];
};

static int mark_cb(const char *w, size_t n, size_t readable, int li, void *ctx)
{
	struct scan *sc = ctx;
	size_t bit = (n < 63 ? n : 63) * 256 + (unsigned char)w[0];
	if (!(sc->seen[bit / 64] >> (bit % 64) & 1))
		return 0;
	struct slot *sl = find(sc->set, w, n, readable);
	if (sl->w)
		sl->langs |= 1u << li;
	return 0;
}

int px_detect_scan(px_wordset **out, const char *const *w, const size_t *len, size_t n)
{
	size_t cap = 64;
	while (cap < 2 * n + 2)
		cap *= 2;
	struct scan sc = { wordset_new(cap), { 0 } };
	if (!sc.set)
		return PRECIS_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		if (len[i] == 0)
			continue;
		size_t bit = (len[i] < 63 ? len[i] : 63) * 256 + (unsigned char)w[i][0];
		sc.seen[bit / 64] |= 1ULL << (bit % 64);
		rc = add_word(sc.set, w[i], len[i], len[i], 0);
	}
	for (size_t i = 0; i <= sc.set->mask; i++)
		sc.set->slots[i].langs = 0; /* add_word marked language 0 */
	const px_datafile *files[2];
	for (size_t li = 0; li < px_lang_count() && !rc; li++) {
		if (!(rc = lang_files(files, li, true)))
			rc = each_word(files[0], (int)li, mark_cb, &sc);
		if (!rc && files[1])
			rc = each_word(files[1], (int)li, mark_cb, &sc);
	}
	if (rc) {
		px_wordset_free(sc.set);
		return rc;
	}
	*out = sc.set;
	return 0;
}
