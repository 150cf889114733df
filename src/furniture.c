/* furniture: sentences of page furniture, by the cleaner's cue phrases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "furniture.h"
#include "stopwords.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* Default word limits of the cue kinds, as in clean-fr.txt's header. */
#define START_WORDS 20
#define ANY_WORDS 60
/*
 * Sentences longer than this are body whatever they say (the cleaner's
 * default limit for a line starting with a cue): furniture is short.
 */
#define SENTENCE_WORDS 20
/*
 * A phrase anywhere in a sentence ("* share this article") makes it
 * furniture only in a short one: a longer sentence that quotes a widget's
 * words is body (and strstr over every sentence would cost 10% of a run).
 */
#define CONTAINS_WORDS 12
/* A dateline ends within this many bytes of the sentence start. */
#define DATELINE_SPAN 48

typedef struct {
	char kind;          /* = ^ * $ */
	const char *a, *b;  /* phrase, and the second phrase of "a + b" (or NULL) */
	size_t alen, blen;
	size_t max_words;
} cue;

typedef struct {
	cue *cues;
	size_t n, cap;
	char *arenas[2];    /* skeletons of the phrases, one arena per file */
	char *arena;
	size_t used, narenas;
	const char **datewords;
	size_t *dlen;
	size_t nd, dcap, lcap;
} cueset;

static size_t skeleton(char *out, const char *s, size_t len);

/* The skeleton of p[0..len) in the arena (room for it was made by the caller). */
static const char *keep_skeleton(cueset *c, const char *p, size_t len, size_t *outlen)
{
	char *out = c->arena + c->used;
	*outlen = skeleton(out, p, len);
	c->used += *outlen + 1;
	return out;
}

static int add_cue(cueset *c, char kind, const char *p, size_t len, size_t words)
{
	if (px_vec_reserve((void **)&c->cues, &c->cap, c->n + 1, sizeof *c->cues))
		return PRECIS_ENOMEM;
	cue *k = &c->cues[c->n++];
	const char *plus = NULL;
	for (size_t i = 0; i + 3 <= len; i++)
		if (memcmp(p + i, " + ", 3) == 0) {
			plus = p + i;
			break;
		}
	size_t alen = plus ? (size_t)(plus - p) : len;
	*k = (cue){ kind, NULL, NULL, 0, 0, 0 };
	k->a = keep_skeleton(c, p, alen, &k->alen);
	if (plus)
		k->b = keep_skeleton(c, plus + 3, len - alen - 3, &k->blen);
	k->max_words = words ? words : (kind == '^' || kind == '=') ? START_WORDS : ANY_WORDS;
	return 0;
}

static int add_dateword(cueset *c, const char *p, size_t len)
{
	if (px_vec_reserve((void **)&c->datewords, &c->dcap, c->nd + 1, sizeof *c->datewords) ||
	    px_vec_reserve((void **)&c->dlen, &c->lcap, c->nd + 1, sizeof *c->dlen))
		return PRECIS_ENOMEM;
	c->datewords[c->nd] = p;
	c->dlen[c->nd++] = len;
	return 0;
}

/* "[credit words=6]" -> 6; 0 when the header sets no limit. */
static size_t header_words(const char *h, size_t len)
{
	for (size_t i = 0; i + 6 < len; i++)
		if (memcmp(h + i, "words=", 6) == 0)
			return (size_t)strtoul(h + i + 6, NULL, 10);
	return 0;
}

struct loader {
	cueset *c;
	size_t words;
	bool dateword;
};

/*
 * Entries of reason sections that start with a cue kind become cues; the
 * [dateword] list is kept; the other word lists ([outlet], ...) are not cues.
 */
static int on_cue_line(const px_data_line *l, void *ctx)
{
	struct loader *ld = ctx;
	if (l->nth == 0) {
		ld->words = header_words(l->text, l->len);
		ld->dateword = l->len == 10 && memcmp(l->text, "[dateword]", 10) == 0;
		return 0;
	}
	if (ld->dateword)
		return add_dateword(ld->c, l->text, l->len);
	if (l->section && l->len > 2 && strchr("=^*$", l->text[0]) && l->text[1] == ' ')
		return add_cue(ld->c, l->text[0], l->text + 2, l->len - 2, ld->words);
	return 0;
}

static int load(cueset *c, const px_datafile *f)
{
	if (!f)
		return 0;
	/* skeletons are never longer than their phrase: the file's size bounds them */
	c->arena = malloc(f->len + 1);
	c->used = 0;
	if (!c->arena)
		return PRECIS_ENOMEM;
	c->arenas[c->narenas++] = c->arena;
	struct loader ld = { c, 0, false };
	return px_data_sections(f, on_cue_line, &ld);
}

/*
 * Lowercase letters and single spaces only: "PUBLISHED: . 12:30" ->
 * "published". Folding is ASCII and Latin-1 only: cue phrases are
 * lowercase already, and furniture is rarely in other capitals.
 */
static size_t skeleton(char *out, const char *s, size_t len)
{
	size_t o = 0;
	bool gap = false;
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) { /* the common case, without decoding */
			i++;
			if ((b | 0x20) < 'a' || (b | 0x20) > 'z') {
				gap = true;
				continue;
			}
			if (gap && o > 0)
				out[o++] = ' ';
			gap = false;
			out[o++] = (char)(b | 0x20);
			continue;
		}
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		i += adv ? adv : 1;
		if (!px_cp_is_letter(cp)) {
			gap = true;
			continue;
		}
		if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
			cp += 0x20;
		if (gap && o > 0)
			out[o++] = ' ';
		gap = false;
		o += px_utf8_encode(cp, out + o);
	}
	out[o] = '\0';
	return o;
}

/* Does phrase occur in sk at a word boundary, at pos (or anywhere when pos is NULL)? */
static bool word_at(const char *sk, size_t sl, const char *ph, size_t pl, size_t pos)
{
	return pos + pl <= sl && memcmp(sk + pos, ph, pl) == 0 && (pos == 0 || sk[pos - 1] == ' ') &&
	       (pos + pl == sl || sk[pos + pl] == ' ');
}

/* Does the NUL-terminated phrase occur in the NUL-terminated sk as whole words? */
static bool contains(const char *sk, size_t sl, const char *ph, size_t pl)
{
	for (const char *p = sk; pl && (p = strstr(p, ph)) != NULL; p++)
		if (word_at(sk, sl, ph, pl, (size_t)(p - sk)))
			return true;
	return false;
}

static bool cue_matches(const cue *k, const char *sk, size_t sl, size_t words)
{
	size_t al = k->alen;
	if (words > k->max_words || al == 0 || (k->kind == '*' && words > CONTAINS_WORDS))
		return false;
	bool hit = false;
	switch (k->kind) {
	case '=': hit = al == sl && memcmp(k->a, sk, sl) == 0; break;
	case '^': hit = word_at(sk, sl, k->a, al, 0); break;
	case '$': hit = al <= sl && word_at(sk, sl, k->a, al, sl - al); break;
	default: hit = contains(sk, sl, k->a, al); break;
	}
	if (hit && k->b)
		hit = contains(sk, sl, k->b, k->blen);
	return hit;
}

struct datecheck {
	const cueset *c;
	const char *s;
	bool other;
};

static bool same_folded(const char *word, size_t wl, const char *s, size_t len)
{
	if (wl != len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 0x20) : s[i];
		if (ch != word[i])
			return false;
	}
	return true;
}

static int on_date_token(const px_token *t, void *ctx)
{
	struct datecheck *d = ctx;
	if (t->number)
		return 0;
	for (size_t i = 0; i < d->c->nd; i++)
		if (same_folded(d->c->datewords[i], d->c->dlen[i], d->s + t->start, t->end - t->start))
			return 0;
	d->other = true;
	return 1;
}

/* Only numbers and date words ("12:30 EST, 1 January 2014"). */
static bool date_only(const cueset *c, const char *sk, const char *s, size_t len,
		      const char *lang)
{
	(void)sk;
	struct datecheck d = { c, s, false };
	px_tokenize(s, len, lang, on_date_token, &d);
	return !d.other;
}

static bool has_digit(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

static int mark(bool *out, const precis_doc *d, const cueset *c)
{
	char *sk = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < d->nsents; i++) {
		out[i] = false;
		if (d->words[i] > SENTENCE_WORDS)
			continue;
		const char *s = d->text + d->sents[i].start;
		size_t len = d->sents[i].end - d->sents[i].start;
		/* a skeleton is at most as long as its sentence (Latin-1 folds keep their size) */
		if (px_vec_reserve((void **)&sk, &cap, len + 1, 1)) {
			free(sk);
			return PRECIS_ENOMEM;
		}
		size_t sl = skeleton(sk, s, len);
		out[i] = has_digit(s, len) && date_only(c, sk, s, len, d->lang);
		for (size_t k = 0; k < c->n && !out[i]; k++)
			out[i] = cue_matches(&c->cues[k], sk, sl, d->words[i]);
	}
	free(sk);
	return 0;
}

static void cueset_free(void *p)
{
	cueset *c = p;
	if (!c)
		return;
	for (size_t k = 0; k < c->narenas; k++)
		free(c->arenas[k]);
	free(c->cues);
	free(c->datewords);
	free(c->dlen);
	free(c);
}

/* The cues of one language's file plus English's (arg: the file, or NULL). */
static int cues_build(void **out, const void *arg)
{
	cueset *c = calloc(1, sizeof *c);
	if (!c)
		return PRECIS_ENOMEM;
	int rc = load(c, ((const px_lang_file *)arg)->file);
	if (!rc)
		rc = load(c, px_data_find("stopwords/cues/clean-en.txt"));
	if (rc) {
		cueset_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

/* Built on first use, once per process, read-only after (util/data.h). */
static int furniture_cues(const cueset **out, const char *lang)
{
	static px_lang_once once;
	void *c;
	int rc = px_lang_data_get(&c, &once, "stopwords/cues/clean-", lang, cues_build, cueset_free);
	if (!rc)
		*out = c;
	return rc;
}

int px_furniture_mark(bool *out, const precis_doc *d)
{
	const cueset *c;
	int rc = furniture_cues(&c, d->lang);
	return rc ? rc : mark(out, d, c);
}

/* "WASHINGTON", "Atlanta, Georgia": capitalised words and commas only. */
static bool place_like(const char *s, size_t len)
{
	bool word_start = true;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (cp == ' ' || cp == ',')
			word_start = true;
		else if (word_start && !px_cp_is_upper(cp))
			return false;
		else if (!word_start && !px_cp_is_letter(cp) && cp != '.' && cp != '-')
			return false;
		else
			word_start = false;
		i += adv ? adv : 1;
	}
	return true;
}

/* "CNN", "AP", "Reuters", "EW.com": one word, capital first, no spaces. */
static bool outlet_like(const char *s, size_t len)
{
	if (len < 2 || len > 20 || !(s[0] >= 'A' && s[0] <= 'Z'))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '.'))
			return false;
	return true;
}

size_t px_furniture_dateline(const char *s, size_t len)
{
	const char *open = memchr(s, '(', len < DATELINE_SPAN ? len : DATELINE_SPAN);
	if (!open || !place_like(s, (size_t)(open - s)))
		return 0;
	const char *close = memchr(open, ')', len - (size_t)(open - s));
	if (!close || !outlet_like(open + 1, (size_t)(close - open - 1)))
		return 0;
	size_t end = (size_t)(close - s) + 1;
	while (end < len && s[end] == ' ')
		end++;
	size_t dash = end;
	while (end < len && s[end] == '-')
		end++;
	if (end + 3 <= len && memcmp(s + end, "\xE2\x80\x94", 3) == 0) /* em dash */
		end += 3;
	/* after a place, only a dash makes it a dateline ("The Senate (CNN) voted" is not) */
	if (open > s && end == dash)
		return 0;
	while (end < len && s[end] == ' ')
		end++;
	return end < len ? end : 0;
}
