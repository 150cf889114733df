/* analyze: tokens -> folded forms -> stop flags -> stems, per thread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "stem.h"
#include "stopwords.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/*
 * The stem memo is cleared past this many forms: enough for a day of news,
 * and small enough that a long stream keeps flat memory (eval/BENCH.md).
 */
#define MEMO_MAX 20000
/* Language detection reads at most this much text. */
#define DETECT_BYTES 2048
/*
 * Detections by scanning the lists (px_detect_scan) before an analyzer
 * builds the shared detection set: a one-file run never pays for the set,
 * a stream pays for it once. callgrind: a scan costs 2.2M instructions,
 * building the set 3.2M (and a megabyte), a lookup in it next to nothing.
 */
#define DETECT_SCANS 2

typedef struct {
	const px_wordset *stop; /* shared, built once per process */
	px_stemmer *stemmer;
	px_strmap *memo;    /* folded form -> index into memo_stem */
	int64_t *memo_stem; /* id in stems */
	bool *memo_stop;    /* the form is a stop word */
	size_t memo_cap;
	px_strmap *stems;
} lang_state;

struct precis_analyzer {
	lang_state *langs;  /* one per px_lang_at() index */
	unsigned detections; /* texts whose language was detected by scanning */
	char *buf;          /* scratch for folding long words */
	size_t bufcap;
};

int precis_analyzer_new(precis_analyzer **out)
{
	precis_analyzer *a = calloc(1, sizeof *a);
	if (!a)
		return PRECIS_ENOMEM;
	a->langs = calloc(px_lang_count(), sizeof *a->langs);
	if (!a->langs) {
		free(a);
		return PRECIS_ENOMEM;
	}
	*out = a;
	return 0;
}

static void memo_clear(lang_state *l)
{
	px_strmap_free(l->memo);
	px_strmap_free(l->stems);
	free(l->memo_stem);
	free(l->memo_stop);
	l->memo = NULL;
	l->stems = NULL;
	l->memo_stem = NULL;
	l->memo_stop = NULL;
	l->memo_cap = 0;
}

void precis_analyzer_free(precis_analyzer *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < px_lang_count(); i++) {
		px_stemmer_free(a->langs[i].stemmer);
		memo_clear(&a->langs[i]);
	}
	free(a->langs);
	free(a->buf);
	free(a);
}

static int lang_get(lang_state **out, precis_analyzer *a, const char *lang, bool stem)
{
	int li = px_lang_index(lang);
	if (li < 0)
		return PRECIS_ELANG;
	lang_state *l = &a->langs[li];
	int rc;
	if (!l->stop && !(l->stop = px_stopwords(li)))
		return PRECIS_ENOMEM;
	if (stem && !l->stemmer) {
		if ((rc = px_stemmer_new(&l->stemmer, px_lang_at(li)->snowball)))
			return rc;
	}
	*out = l;
	return 0;
}

int px_is_stopword(precis_analyzer *a, const char *lang, const char *folded, size_t len)
{
	lang_state *l;
	if (lang_get(&l, a, lang, false))
		return 0;
	return px_wordset_langs(l->stop, folded, len) != 0;
}

/*
 * Stem through the per-language memo: most words of a text repeat, so one
 * hash lookup gives both the stem and the stop-word flag.
 */
static const char *memo_stem(lang_state *l, const char *form, size_t len, size_t *outlen,
			     bool *stop)
{
	if (l->memo && px_strmap_count(l->memo) >= MEMO_MAX)
		memo_clear(l);
	if (!l->memo && (px_strmap_new(&l->memo) || px_strmap_new(&l->stems)))
		return NULL;
	int64_t id;
	int added;
	if (px_strmap_intern(l->memo, form, len, &id, &added))
		return NULL;
	if (!added) {
		*stop = l->memo_stop[id];
		return px_strmap_key(l->stems, l->memo_stem[id], outlen);
	}
	if ((size_t)id >= l->memo_cap) {
		/* Two parallel arrays: memo_cap is what both hold. */
		size_t c_stem = l->memo_cap, c_stop = l->memo_cap;
		if (px_vec_reserve((void **)&l->memo_stem, &c_stem, (size_t)id + 1,
				   sizeof *l->memo_stem) != 0 ||
		    px_vec_reserve((void **)&l->memo_stop, &c_stop, (size_t)id + 1,
				   sizeof *l->memo_stop) != 0)
			return NULL;
		l->memo_cap = c_stem < c_stop ? c_stem : c_stop;
	}
	l->memo_stop[id] = *stop = px_wordset_langs(l->stop, form, len) != 0;
	size_t sl;
	const char *s = px_stem(l->stemmer, form, len, &sl);
	if (!s)
		return NULL;
	int64_t sid;
	if (px_strmap_intern(l->stems, s, sl, &sid, NULL))
		return NULL;
	l->memo_stem[id] = sid;
	return px_strmap_key(l->stems, sid, outlen);
}

struct walk {
	precis_analyzer *a;
	lang_state *l;
	const char *lang;
	const char *s;
	unsigned flags;
	px_word_fn fn;
	void *ctx;
};

/* Typographic apostrophes fold to ASCII so "aujourd’hui" meets "aujourd'hui". */
static size_t ascii_apostrophes(char *w, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 2 < n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
		    ((unsigned char)w[i + 2] == 0x99 || (unsigned char)w[i + 2] == 0x98)) {
			w[o++] = '\'';
			i += 2;
			continue;
		}
		w[o++] = w[i];
	}
	w[o] = '\0';
	return o;
}

static int on_token(const px_token *t, void *ctx)
{
	struct walk *w = ctx;
	size_t n = t->end - t->start;
	size_t need = n * 3 + 16; /* case folding can grow UTF-8 text */
	if (need > w->a->bufcap) {
		char *nb = realloc(w->a->buf, need);
		if (!nb)
			return PRECIS_ENOMEM;
		w->a->buf = nb;
		w->a->bufcap = need;
	}
	size_t fl = px_fold_into(w->a->buf, w->a->bufcap, w->s + t->start, n);
	if (fl == (size_t)-1) {
		char *f;
		int rc = px_fold(&f, &fl, w->s + t->start, n);
		if (rc)
			return rc;
		if (fl + 1 > w->a->bufcap) {
			char *nb = realloc(w->a->buf, fl + 1);
			if (!nb) {
				free(f);
				return PRECIS_ENOMEM;
			}
			w->a->buf = nb;
			w->a->bufcap = fl + 1;
		}
		memcpy(w->a->buf, f, fl + 1);
		free(f);
	}
	char *form = w->a->buf;
	fl = ascii_apostrophes(form, fl);
	px_word word = { t->start, t->end, form, fl, form, fl, false, t->number };
	if ((w->flags & PX_ANALYZE_STEM) && !t->number && fl < 128) {
		word.stem = memo_stem(w->l, form, fl, &word.stem_len, &word.stop);
		if (!word.stem)
			return PRECIS_ENOMEM;
	} else {
		word.stop = px_wordset_langs(w->l->stop, form, fl) != 0;
	}
	return w->fn(&word, w->ctx);
}

int px_analyze(precis_analyzer *a, const char *lang, const char *s, size_t len,
	       unsigned flags, px_word_fn fn, void *ctx)
{
	struct walk w = { a, NULL, lang, s, flags, fn, ctx };
	int rc = lang_get(&w.l, a, lang, flags & PX_ANALYZE_STEM);
	if (rc)
		return rc;
	return px_tokenize(s, len, lang, on_token, &w);
}

/* ------------------------------------------------ language detection */

/*
 * The words of the text's head, folded: an arena of forms (each under
 * 64 bytes) and where each starts. A token takes a byte and a separator
 * at least, so half the bytes read (DETECT_BYTES and up to three bytes
 * that end a character) bound their number.
 */
struct detect {
	const char *s;
	char arena[DETECT_BYTES * 4];
	size_t used;
	const char *w[DETECT_BYTES / 2 + 4];
	size_t len[DETECT_BYTES / 2 + 4];
	size_t n;
};

static int on_detect_token(const px_token *t, void *ctx)
{
	struct detect *d = ctx;
	char buf[64];
	size_t n = t->end - t->start;
	if (n >= 16 || d->n == sizeof d->w / sizeof d->w[0])
		return 0;
	size_t fl = px_fold_into(buf, sizeof buf, d->s + t->start, n);
	if (fl == (size_t)-1)
		return 0;
	fl = ascii_apostrophes(buf, fl);
	if (d->used + fl > sizeof d->arena)
		return 0;
	memcpy(d->arena + d->used, buf, fl);
	d->w[d->n] = d->arena + d->used;
	d->len[d->n++] = fl;
	d->used += fl;
	return 0;
}

/*
 * The languages of the words: from the detection set when the process has
 * built it, else by scanning the lists for these words alone, which costs
 * less for the first texts; an analyzer that has detected DETECT_SCANS
 * texts builds the set (once per process) and uses it from then on.
 */
static int detect_masks(uint32_t *mask, precis_analyzer *a, const struct detect *d)
{
	const px_wordset *set = px_detect_words_built();
	px_wordset *scan = NULL;
	if (!set && a->detections < DETECT_SCANS) {
		int rc = px_detect_scan(&scan, d->w, d->len, d->n);
		if (rc)
			return rc;
		a->detections++;
		set = scan;
	} else if (!set && !(set = px_detect_words())) {
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < d->n; i++)
		mask[i] = px_wordset_langs(set, d->w[i], d->len[i]);
	px_wordset_free(scan);
	return 0;
}

int precis_detect_language(const char **code, precis_analyzer *a, const char *text, size_t len)
{
	struct detect *d = malloc(sizeof *d);
	uint32_t *mask = malloc(sizeof d->w / sizeof d->w[0] * sizeof *mask);
	int rc = d && mask ? 0 : PRECIS_ENOMEM;
	if (rc)
		goto done;
	d->s = text;
	d->used = d->n = 0;
	size_t n = len < DETECT_BYTES ? len : DETECT_BYTES;
	while (n < len && ((unsigned char)text[n] & 0xC0) == 0x80)
		n++; /* do not cut a character in two */
	/* No elision rule: tokens stay whole, so "l'" forms do not bias to French. */
	px_tokenize(text, n, NULL, on_detect_token, d);
	if ((rc = detect_masks(mask, a, d)))
		goto done;
	double score[32] = { 0 };
	for (size_t i = 0; i < d->n; i++) {
		int k = __builtin_popcount(mask[i]);
		/* A word shared by k lists is weak evidence for each of them. */
		for (size_t li = 0; k && li < px_lang_count(); li++)
			if (mask[i] & (1u << li))
				score[li] += 1.0 / k;
	}
	int best = px_lang_index("en");
	double best_score = 0.0;
	for (size_t li = 0; li < px_lang_count(); li++) {
		if (score[li] > best_score) {
			best_score = score[li];
			best = (int)li;
		}
	}
	*code = px_lang_at(best)->code;
done:
	free(d);
	free(mask);
	return rc;
}
