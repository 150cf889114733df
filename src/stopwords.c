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

/* FNV-1a, as px_hash; inline so that the walk over the lists stays cheap. */
static inline uint64_t word_hash(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h;
}

static struct slot *find(const px_wordset *set, const char *w, size_t n)
{
	for (size_t i = word_hash(w, n) & set->mask;; i = (i + 1) & set->mask) {
		struct slot *sl = &set->slots[i];
		if (!sl->w || (sl->len == n && memcmp(sl->w, w, n) == 0))
			return sl;
	}
}

uint32_t px_wordset_langs(const px_wordset *set, const char *w, size_t n)
{
	const struct slot *sl = set ? find(set, w, n) : NULL;
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
			*find(set, old[i].w, old[i].len) = old[i];
	free(old);
	return 0;
}

static int add_word(px_wordset *set, const char *w, size_t n, int li)
{
	struct slot *sl = find(set, w, n);
	if (!sl->w) {
		if (2 * (set->n + 1) > set->mask + 1) {
			int rc = grow(set);
			if (rc)
				return rc;
			sl = find(set, w, n);
		}
		set->n++;
	}
	*sl = (struct slot){ w, (uint32_t)n, sl->langs | 1u << li };
	return 0;
}

/* Every word of an embedded list, as parse_list reads it, into set for language li. */
static int add_list(px_wordset *set, const px_datafile *f, int li)
{
	const char *p = f->bytes, *end = f->bytes + f->len;
	int rc = 0;
	while (p < end && !rc) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p < end && *p == '|') {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			p = eol ? eol : end;
			continue;
		}
		const char *w = p;
		while (p < end && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n' && *p != '|')
			p++;
		if (p > w)
			rc = add_word(set, w, (size_t)(p - w), li);
	}
	return rc;
}

/* Lines of f, and a few for lines holding several words. */
static size_t count_lines(const px_datafile *f)
{
	size_t n = 1;
	for (const char *p = f->bytes, *end = f->bytes + f->len;
	     (p = memchr(p, '\n', (size_t)(end - p))); p++)
		n++;
	return n + n / 4;
}

static void wordset_free(void *set)
{
	if (set)
		free(((px_wordset *)set)->slots);
	free(set);
}

/*
 * The set of the lists of lang_index (all languages when -1), with the
 * detection profiles when detect. The lists hold one word a line (the
 * Snowball ones a few more on some lines, and comments): at least twice
 * as many slots as lines keeps probes short.
 */
static int build_set(void **out, int lang_index, bool detect)
{
	const px_datafile *files[2 * 32];
	size_t nf = 0, lines = 0;
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
			lines += files[k] ? count_lines(files[k]) : 0;
	}
	px_wordset *set = calloc(1, sizeof *set);
	size_t cap = 64;
	while (cap < 2 * lines)
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
