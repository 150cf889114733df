/*
 * meta: what an article says about when, where and who. Dates (French and
 * English forms, resolvable against the publication date), places (a
 * gazetteer plus "à X"/"in X"), persons (capitalised sequences, name
 * variants merged: "Kim Jong Un" / "Kim Jong-un" / "Kim"), agencies cited
 * and quotes with their speaker. Word lists live in stopwords/cues/.
 *
 * Everything works on one token array: each word of the headline and the
 * body sentences with its folded form, its sentence and whether it is
 * capitalised. Every matcher is a left-to-right scan with hash lookups and
 * bounded windows, so the whole extraction stays linear in the input.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "analyze.h"
#include "data.h"
#include "doc.h"
#include "calendar.h"
#include "strmap.h"
#include "text.h"
#include "token.h"

#define MAX_PHRASE 4      /* words in a list phrase ("la semaine dernière") */
#define MAX_PLACE_WORDS 4 /* words in a gazetteer name */
#define MAX_VARIANTS 16   /* spellings kept per entity */
#define MAX_NAME_WORDS 6  /* longer capitalised runs are Title Case, not names */
#define QUOTE_WINDOW 12   /* tokens looked at around a quote for its speaker */
#define SUBJECT_WINDOW 40 /* tokens looked back from a reporting verb for its subject */
#define FUTURE_WINDOW 8   /* tokens looked back from a date for a future-tense verb */
#define MIN_QUOTE_WORDS 3 /* shorter quotes are scare quotes ("solutions") */
#define ABBR 0x100        /* month value flag: an abbreviation ("sept") */

/* ------------------------------------------------------------- tokens */

typedef struct {
	size_t start, end; /* bytes in the doc text */
	const char *fold;  /* folded form (NFC + case fold, ’ as ') */
	size_t flen;
	int unit;          /* 0 = headline, 1.. = sentences */
	bool cap;          /* starts with a capital */
	bool first;        /* first word of its unit */
	bool quoted;       /* inside a quote */
	int num;           /* value when all digits (or "1er", "25th"), else -1 */
	int lex;           /* entry in the lexicon of list words, or -1 */
	char elided;       /* first letter of an elided word before it ("d'après": 'd'), or 0 */
} tok;

/* Growing byte store; strings are kept as offsets until it stops growing. */
typedef struct {
	char *buf;
	size_t len, cap;
} arena;

static int arena_add(size_t *at, arena *a, const char *s, size_t n)
{
	if (a->len + n + 1 > a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 4096;
		while (nc < a->len + n + 1)
			nc *= 2;
		char *nb = realloc(a->buf, nc);
		if (!nb)
			return PRECIS_ENOMEM;
		a->buf = nb;
		a->cap = nc;
	}
	memcpy(a->buf + a->len, s, n);
	a->buf[a->len + n] = '\0';
	*at = a->len;
	a->len += n + 1;
	return 0;
}

static bool tok_is(const tok *t, const char *w)
{
	return t->flen == strlen(w) && memcmp(t->fold, w, t->flen) == 0;
}

/* ------------------------------------------------------------- lists */

/* Word sets of meta-<lang>.txt, each a folded word -> value map. */
enum {
	W_MONTH, W_WEEKDAY, W_AMBIGUOUS, W_UNITS, W_NUMBERS, W_LAST, W_NEXT, W_THIS, W_DAYPART,
	W_AND, W_YEARCUE, W_PRONOUNS, W_AUX, W_THAT, W_HONOR, W_ORG, W_PREP, W_DEMONYM, W_STYLE,
	W_OBJPREP, W_FUTURE, W_FUTURE_EXC, W_COUNT
};

/* Phrase lists: token sequences, found through their first word. */
enum {
	P_RELATIVE, P_AGO_BEFORE, P_IN_BEFORE, P_AGO_AFTER, P_REPORTING, P_SOURCE, P_PRONOUN_REP,
	P_COUNT
};

static const char *const word_sections[W_COUNT] = {
	"[months]", "[weekdays]", "[ambiguous]", "[units]", "[numbers]", "[last]", "[next]",
	"[this]", "[daypart]", "[and]", "[year-cue]", "[pronouns]", "[auxiliaries]", "[that]",
	"[honorifics]", "[org-words]", "[preposition]", "[demonyms]", "[style]",
	"[object-prepositions]", "[future]", "[future-exceptions]"
};

static const char *const phrase_sections[P_COUNT] = {
	"[relative]", "[ago-before]", "[in-before]", "[ago-after]", "[reporting]", "[source]",
	"[pronoun-reporting]"
};

typedef struct {
	size_t w[MAX_PHRASE]; /* word offsets in lists.words */
	size_t n;
	int offset;           /* relative dates: amount of unit */
	char unit;
	char elided;          /* "d'après": the first word must follow this elision */
	int next;             /* next phrase with the same first word, or -1 */
} phrase;

typedef struct {
	px_strmap *first; /* first word -> chain head */
	int *head;
	phrase *v;
	size_t n, cap;
} phrase_list;

/*
 * Every word of every list (and the first words of gazetteer names) in
 * one map, so that each token is looked up once: what the word is in each
 * list becomes an array read.
 */
#define LEX_GAZ (1u << 31) /* first word of a gazetteer name */
#define LEX_PHRASE(p) (1u << (W_COUNT + (p)))

typedef struct {
	uint32_t mask;     /* 1 << W_*, LEX_PHRASE(P_*), LEX_GAZ */
	int val[W_COUNT];  /* the word's value in each set */
	int head[P_COUNT]; /* first phrase of each list starting with the word, or -1 */
} lexent;

typedef struct {
	px_strmap *set[W_COUNT];
	int *val[W_COUNT];
	size_t nval[W_COUNT];
	phrase_list ph[P_COUNT];
	arena words;
	bool lowercase_months; /* the language writes "juin", so "Juin" mid-sentence is a name */
	char future_end[8][8]; /* endings of future-tense verbs ("-ra", "-ront") */
	size_t nfuture_end;
	px_strmap *lex;
	lexent *lexv;
	size_t nlex;
} lists;

static void lists_free(lists *l)
{
	for (int i = 0; i < W_COUNT; i++) {
		px_strmap_free(l->set[i]);
		free(l->val[i]);
	}
	for (int i = 0; i < P_COUNT; i++) {
		px_strmap_free(l->ph[i].first);
		free(l->ph[i].head);
		free(l->ph[i].v);
	}
	free(l->words.buf);
	px_strmap_free(l->lex);
	free(l->lexv);
}

static int set_add(lists *l, int set, const char *w, size_t n, int val)
{
	char buf[128];
	size_t fl = px_fold_into(buf, sizeof buf, w, n);
	if (fl == (size_t)-1)
		return 0;
	int64_t id;
	int added;
	int rc = px_strmap_intern(l->set[set], buf, fl, &id, &added);
	if (rc)
		return rc;
	if ((size_t)id >= l->nval[set]) {
		size_t nc = l->nval[set] ? l->nval[set] * 2 : 32;
		while (nc <= (size_t)id)
			nc *= 2;
		int *nv = realloc(l->val[set], nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		l->val[set] = nv;
		l->nval[set] = nc;
	}
	if (added)
		l->val[set][id] = val;
	return 0;
}

struct phrase_build {
	const char *text;
	phrase *ph;
	arena *words;
	int err;
	size_t first_start; /* where the first token began in the line */
};

static int on_phrase_tok(const px_token *t, void *vctx)
{
	struct phrase_build *b = vctx;
	if (b->ph->n >= MAX_PHRASE)
		return 0;
	if (b->ph->n == 0)
		b->first_start = t->start;
	char buf[128];
	size_t fl = px_fold_into(buf, sizeof buf, b->text + t->start, t->end - t->start);
	if (fl == (size_t)-1)
		return 0;
	if (arena_add(&b->ph->w[b->ph->n], b->words, buf, fl))
		return b->err = PRECIS_ENOMEM;
	b->ph->n++;
	return 0;
}

/* "la semaine dernière = -1w": words tokenized as the text will be. */
static int phrase_add(lists *l, int list, const char *p, size_t len, const char *lang)
{
	phrase_list *pl = &l->ph[list];
	if (pl->n == pl->cap) {
		size_t nc = pl->cap ? pl->cap * 2 : 16;
		phrase *nv = realloc(pl->v, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		pl->v = nv;
		pl->cap = nc;
	}
	phrase *ph = &pl->v[pl->n];
	memset(ph, 0, sizeof *ph);
	const char *eq = memchr(p, '=', len);
	size_t wlen = eq ? (size_t)(eq - p) : len;
	struct phrase_build b = { p, ph, &l->words, 0, 0 };
	px_tokenize(p, wlen, lang, on_phrase_tok, &b);
	if (b.err)
		return b.err;
	if (ph->n == 0)
		return 0;
	/* The tokenizer drops "d'" from "d'après"; the match must see it again. */
	if (b.first_start >= 2 && p[b.first_start - 1] == '\'')
		ph->elided = (char)(p[0] | 0x20);
	if (eq) {
		ph->offset = atoi(eq + 1);
		const char *u = eq + 1, *end = p + len;
		while (u < end && !(*u >= 'a' && *u <= 'z'))
			u++;
		ph->unit = u < end ? *u : 'd';
	}
	const char *w0 = l->words.buf + ph->w[0];
	int64_t id;
	int added;
	int rc = px_strmap_intern(pl->first, w0, strlen(w0), &id, &added);
	if (rc)
		return rc;
	if (added) {
		int *nh = realloc(pl->head, (size_t)(id + 1) * sizeof *nh);
		if (!nh)
			return PRECIS_ENOMEM;
		pl->head = nh;
		pl->head[id] = -1;
	}
	ph->next = pl->head[id];
	pl->head[id] = (int)pl->n++;
	return 0;
}

/* Words of a line; in [months]/[weekdays] the line number is the value. */
static int words_line(lists *l, int set, const char *p, size_t len, int line)
{
	const char *eq = memchr(p, '=', len);
	const char *end = eq ? eq : p + len;
	int val = 1;
	if (set == W_MONTH || set == W_WEEKDAY)
		val = line;
	else if (eq && set == W_UNITS) {
		const char *u = eq + 1;
		while (u < p + len && *u == ' ')
			u++;
		val = u < p + len ? *u : 'd';
	} else if (eq) {
		val = atoi(eq + 1);
	}
	int nth = 0;
	for (const char *w = p; w < end;) {
		const char *we = w;
		while (we < end && *we != ' ')
			we++;
		size_t wl = (size_t)(we - w);
		/* "m." and "mr." keep their dot: the tokenizer drops it, so match without. */
		while (wl && w[wl - 1] == '.')
			wl--;
		if (wl) {
			int v = val;
			if (set == W_MONTH && nth > 0)
				v |= ABBR;
			int rc = set_add(l, set, w, wl, v);
			if (rc)
				return rc;
			nth++;
		}
		w = we + 1;
	}
	return 0;
}

/* The lexicon entry of a word, added when absent. */
static lexent *lex_entry(lists *l, const char *w, size_t n)
{
	int64_t id;
	int added;
	if (px_strmap_intern(l->lex, w, n, &id, &added))
		return NULL;
	if ((size_t)id >= l->nlex) {
		size_t nc = l->nlex ? l->nlex * 2 : 256;
		lexent *nv = realloc(l->lexv, nc * sizeof *nv);
		if (!nv)
			return NULL;
		l->lexv = nv;
		l->nlex = nc;
	}
	lexent *e = &l->lexv[id];
	if (added) {
		memset(e, 0, sizeof *e);
		for (int p = 0; p < P_COUNT; p++)
			e->head[p] = -1;
	}
	return e;
}

static int build_lexicon(lists *l)
{
	int rc = px_strmap_new(&l->lex);
	for (int s = 0; s < W_COUNT && !rc; s++)
		for (size_t id = 0; id < px_strmap_count(l->set[s]); id++) {
			size_t n;
			const char *w = px_strmap_key(l->set[s], (int64_t)id, &n);
			lexent *e = lex_entry(l, w, n);
			if (!e)
				return PRECIS_ENOMEM;
			e->mask |= 1u << s;
			e->val[s] = l->val[s][id];
		}
	for (int p = 0; p < P_COUNT && !rc; p++)
		for (size_t id = 0; id < px_strmap_count(l->ph[p].first); id++) {
			size_t n;
			const char *w = px_strmap_key(l->ph[p].first, (int64_t)id, &n);
			lexent *e = lex_entry(l, w, n);
			if (!e)
				return PRECIS_ENOMEM;
			e->mask |= LEX_PHRASE(p);
			e->head[p] = l->ph[p].head[id];
		}
	return rc;
}

struct list_walk {
	lists *l;
	const char *lang;
	int wset, plist; /* the current section's word set or phrase list, or -1 */
	bool endings;    /* in [future-endings] */
};

static bool named(const px_data_line *d, const char *name)
{
	return strlen(name) == d->len && memcmp(d->text, name, d->len) == 0;
}

static int list_line(const px_data_line *d, void *ctx)
{
	struct list_walk *w = ctx;
	lists *l = w->l;
	if (d->nth == 0) {
		w->wset = w->plist = -1;
		w->endings = named(d, "[future-endings]");
		for (int i = 0; i < W_COUNT; i++)
			if (named(d, word_sections[i]))
				w->wset = i;
		for (int i = 0; i < P_COUNT; i++)
			if (named(d, phrase_sections[i]))
				w->plist = i;
		return 0;
	}
	if (w->wset < 0 && w->plist < 0 && w->endings && l->nfuture_end < 8 && d->len < 8)
		memcpy(l->future_end[l->nfuture_end++], d->text, d->len);
	else if (w->wset >= 0)
		return words_line(l, w->wset, d->text, d->len, (int)d->nth);
	else if (w->plist >= 0)
		return phrase_add(l, w->plist, d->text, d->len, w->lang);
	return 0;
}

static int load_lists(lists *l, const char *lang)
{
	memset(l, 0, sizeof *l);
	char path[64];
	snprintf(path, sizeof path, "stopwords/cues/meta-%s.txt", lang);
	const px_datafile *f = px_data_find(path);
	if (!f) {
		f = px_data_find("stopwords/cues/meta-en.txt");
		lang = "en";
	}
	int rc = 0;
	for (int i = 0; i < W_COUNT && !rc; i++)
		rc = px_strmap_new(&l->set[i]);
	for (int i = 0; i < P_COUNT && !rc; i++)
		rc = px_strmap_new(&l->ph[i].first);
	if (rc || !f)
		return rc;
	struct list_walk w = { l, lang, -1, -1, false };
	rc = px_data_sections(f, list_line, &w);
	l->lowercase_months = px_strmap_get(l->set[W_STYLE], "lowercase-months", 16) >= 0;
	if (!rc)
		rc = build_lexicon(l);
	return rc;
}

static int wordval(const lists *L, int set, const tok *t)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & (1u << set)) ? L->lexv[t->lex].val[set] : 0;
}

static bool in_set(const lists *L, int set, const tok *t)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & (1u << set));
}

static bool lex_has(const lists *L, const tok *t, uint32_t bit)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & bit);
}

/* The longest phrase of list starting at token i (same unit): tokens used, 0 if none. */
static size_t phrase_at(const lists *L, int list, const tok *v, size_t n, size_t i,
			const phrase **which)
{
	const phrase_list *pl = &L->ph[list];
	if (v[i].lex < 0)
		return 0;
	size_t best = 0;
	for (int k = L->lexv[v[i].lex].head[list]; k >= 0; k = pl->v[k].next) {
		const phrase *ph = &pl->v[k];
		if (ph->n <= best || i + ph->n > n || (ph->elided && v[i].elided != ph->elided))
			continue;
		size_t m = 0;
		while (m < ph->n && v[i + m].unit == v[i].unit &&
		       strcmp(v[i + m].fold, L->words.buf + ph->w[m]) == 0)
			m++;
		if (m == ph->n) {
			best = ph->n;
			if (which)
				*which = ph;
		}
	}
	return best;
}

/* ---------------------------------------------------------- tokenizer */

struct tokctx {
	const char *text;
	size_t base; /* offset of the unit being tokenized */
	int unit;
	tok *v;
	size_t *foff; /* fold offsets in fold, until the arena stops growing */
	size_t n, cap;
	arena fold;
	bool first;
	int err;
};

static int number_value(const char *f, size_t n)
{
	size_t d = 0;
	while (d < n && f[d] >= '0' && f[d] <= '9')
		d++;
	if (d == 0 || d > 4)
		return -1;
	const char *rest = f + d;
	size_t rn = n - d;
	if (rn && !(rn == 2 && (memcmp(rest, "er", 2) == 0 || memcmp(rest, "st", 2) == 0 ||
				memcmp(rest, "nd", 2) == 0 || memcmp(rest, "rd", 2) == 0 ||
				memcmp(rest, "th", 2) == 0)))
		return -1;
	int v = 0;
	for (size_t i = 0; i < d; i++)
		v = v * 10 + (f[i] - '0');
	return v;
}

/* Fold s[0..n) into buf with ’ read as ': one apostrophe for every lookup. */
static size_t fold_word(char *buf, size_t cap, const char *s, size_t n)
{
	size_t fl = px_fold_into(buf, cap, s, n);
	if (fl == (size_t)-1)
		return fl;
	size_t o = 0;
	for (size_t i = 0; i < fl; i++) {
		if (i + 2 < fl && (unsigned char)buf[i] == 0xE2 && (unsigned char)buf[i + 1] == 0x80 &&
		    (unsigned char)buf[i + 2] == 0x99) {
			buf[o++] = '\'';
			i += 2;
			continue;
		}
		buf[o++] = buf[i];
	}
	buf[o] = '\0';
	return o;
}

/* "d'après", "l’année": the one-letter elided word before byte start, or 0. */
static char elision_before(const char *text, size_t start)
{
	size_t q;
	if (start >= 2 && text[start - 1] == '\'')
		q = start - 1;
	else if (start >= 4 && memcmp(text + start - 3, "\xE2\x80\x99", 3) == 0)
		q = start - 3;
	else
		return 0;
	char c = (char)(text[q - 1] | 0x20);
	if (c < 'a' || c > 'z')
		return 0;
	/* One letter, starting a word: "l'", not the end of "Paul'". */
	unsigned char before = q >= 2 ? (unsigned char)text[q - 2] : ' ';
	if (before >= 0x80 || ((before | 0x20) >= 'a' && (before | 0x20) <= 'z'))
		return 0;
	return c;
}

static int push_tok(struct tokctx *c, size_t start, size_t end)
{
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 256;
		tok *nv = realloc(c->v, nc * sizeof *nv);
		if (!nv)
			return c->err = PRECIS_ENOMEM;
		c->v = nv;
		size_t *no = realloc(c->foff, nc * sizeof *no);
		if (!no)
			return c->err = PRECIS_ENOMEM;
		c->foff = no;
		c->cap = nc;
	}
	char buf[256];
	size_t fl = fold_word(buf, sizeof buf, c->text + start, end - start);
	if (fl == (size_t)-1)
		return 0; /* an overlong word names nothing */
	if (arena_add(&c->foff[c->n], &c->fold, buf, fl))
		return c->err = PRECIS_ENOMEM;
	size_t adv;
	int32_t cp = px_utf8_decode(c->text + start, end - start, &adv);
	c->v[c->n++] = (tok){ start, end, NULL, fl, c->unit, px_cp_is_upper(cp), c->first, false,
			      number_value(buf, fl), -1, elision_before(c->text, start) };
	c->first = false;
	return 0;
}

static int on_tok(const px_token *t, void *vctx)
{
	struct tokctx *c = vctx;
	return push_tok(c, c->base + t->start, c->base + t->end);
}

static int tokenize_doc(struct tokctx *c, const precis_doc *d)
{
	c->text = d->text;
	for (size_t s = 0; s <= d->nsents && !c->err; s++) {
		precis_span sp = s == 0 ? d->headline : d->sents[s - 1];
		if (sp.end <= sp.start)
			continue;
		c->unit = (int)s; /* 0 = headline */
		c->base = sp.start;
		c->first = true;
		px_tokenize(d->text + sp.start, sp.end - sp.start, d->lang, on_tok, c);
	}
	return c->err;
}

static void tokens_rebase(struct tokctx *c, const lists *L)
{
	for (size_t i = 0; i < c->n; i++) {
		c->v[i].fold = c->fold.buf + c->foff[i];
		c->v[i].lex = (int)px_strmap_get(L->lex, c->v[i].fold, c->v[i].flen);
	}
}

/*
 * Scraped pages lose spaces: "Vladimir Poutineeffectuera une visite". A
 * capitalised word that is a capitalised word seen elsewhere glued to a
 * lowercase word seen elsewhere is split in two. Both halves must be real
 * words of this text, so ordinary long names stay whole.
 */
static int split_glued(struct tokctx *c, const px_strmap *caps, const px_strmap *lowers)
{
	size_t n0 = c->n;
	for (size_t i = 0; i < n0 && !c->err; i++) {
		tok *t = &c->v[i];
		size_t len = t->end - t->start;
		if (!t->cap || t->num >= 0 || len < 7 || len > 48)
			continue;
		const char *s = c->text + t->start;
		for (size_t b = 3; b + 4 <= len; b++) {
			if (((unsigned char)s[b] & 0xC0) == 0x80)
				continue; /* inside a UTF-8 sequence */
			size_t adv;
			int32_t cp = px_utf8_decode(s + b, len - b, &adv);
			if (!px_cp_is_letter(cp) || px_cp_is_upper(cp))
				continue;
			char pre[64], suf[64];
			size_t pl = fold_word(pre, sizeof pre, s, b);
			size_t sl = fold_word(suf, sizeof suf, s + b, len - b);
			if (pl == (size_t)-1 || sl == (size_t)-1 || px_strmap_get(caps, pre, pl) < 0 ||
			    px_strmap_get(lowers, suf, sl) < 0)
				continue;
			/* The tail becomes a token of its own, appended and sorted back below. */
			size_t end = t->end;
			bool first = c->first;
			int unit = c->unit;
			c->first = false;
			c->unit = t->unit;
			push_tok(c, t->start + b, end);
			c->first = first;
			c->unit = unit;
			t = &c->v[i]; /* push_tok may move the array */
			if (!c->err) {
				t->end = t->start + b;
				t->flen = pl;
				if (arena_add(&c->foff[i], &c->fold, pre, pl))
					c->err = PRECIS_ENOMEM;
			}
			break;
		}
	}
	if (c->err || c->n == n0)
		return c->err;
	/* Merge the appended tails back into text order (both runs are sorted). */
	size_t nt = c->n - n0;
	tok *tail = malloc(nt * sizeof *tail);
	size_t *toff = malloc(nt * sizeof *toff);
	if (!tail || !toff) {
		free(tail);
		free(toff);
		return c->err = PRECIS_ENOMEM;
	}
	memcpy(tail, c->v + n0, nt * sizeof *tail);
	memcpy(toff, c->foff + n0, nt * sizeof *toff);
	size_t a = n0, b = nt, o = c->n;
	while (b > 0) {
		if (a > 0 && c->v[a - 1].start > tail[b - 1].start) {
			c->v[--o] = c->v[--a];
			c->foff[o] = c->foff[a];
		} else {
			c->v[--o] = tail[--b];
			c->foff[o] = toff[b];
		}
	}
	free(tail);
	free(toff);
	return 0;
}

int precis_ymd_parse(precis_ymd *out, const char *s)
{
	if (!s || strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-')
		return PRECIS_EINVAL;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return PRECIS_EINVAL;
	precis_ymd d = { atoi(s), atoi(s + 5), atoi(s + 8) };
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > px_days_in_month(d.year, d.month))
		return PRECIS_EINVAL;
	*out = d;
	return 0;
}

/* ------------------------------------------------------------- dates */

typedef struct {
	precis_date *v;
	int *unit; /* unit of each date, for the event date */
	size_t n, cap;
} datevec;

static int push_date(datevec *dv, precis_date d, int unit)
{
	if (dv->n == dv->cap) {
		size_t nc = dv->cap ? dv->cap * 2 : 16;
		precis_date *nv = realloc(dv->v, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		dv->v = nv;
		int *nu = realloc(dv->unit, nc * sizeof *nu);
		if (!nu)
			return PRECIS_ENOMEM;
		dv->unit = nu;
		dv->cap = nc;
	}
	dv->unit[dv->n] = unit;
	dv->v[dv->n++] = d;
	return 0;
}

typedef struct {
	const tok *v;
	size_t n;
	const lists *L;
	const char *text;
	bool month_first; /* numeric dates read M/D/Y when ambiguous (English) */
} dctx;

static bool same(const dctx *c, size_t i, size_t k)
{
	return k < c->n && c->v[k].unit == c->v[i].unit;
}

static bool is_year(const tok *t)
{
	return t->num >= 1900 && t->num <= 2099 && t->flen == 4;
}

static bool is_day(const tok *t)
{
	return t->num >= 1 && t->num <= 31;
}

/* "18-19": a range of days in one token. */
static bool day_range(const tok *t, int *a, int *b)
{
	const char *f = t->fold;
	size_t n = t->flen, i = 0;
	int x = 0, y = 0;
	while (i < n && i < 2 && f[i] >= '0' && f[i] <= '9')
		x = x * 10 + (f[i++] - '0');
	if (i == 0 || i >= n || f[i] != '-')
		return false;
	size_t j = ++i;
	while (i < n && i - j < 2 && f[i] >= '0' && f[i] <= '9')
		y = y * 10 + (f[i++] - '0');
	if (i != n || i == j || x < 1 || y > 31 || x >= y)
		return false;
	*a = x;
	*b = y;
	return true;
}

/* Month named by token k: 1..12, or 0. Abbreviations and word-like months only beside numbers. */
static int month_at(const dctx *c, size_t k, bool beside_number)
{
	int m = wordval(c->L, W_MONTH, &c->v[k]);
	if (!m)
		return 0;
	if (m & ABBR)
		return beside_number ? m & 0xff : 0;
	return m;
}

static bool valid_day(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= px_days_in_month(y ? y : 2000, m);
}

/* "2019-04-25", "25.04.2019", "25/04/2019": tokens used, 0 if none. */
static size_t match_numeric(const dctx *c, size_t i, precis_date *d)
{
	const tok *t = &c->v[i];
	const char *f = t->fold;
	int a, b, y;
	if (t->flen == 10 && f[4] == '-' && f[7] == '-') {
		for (int k = 0; k < 10; k++)
			if (k != 4 && k != 7 && !(f[k] >= '0' && f[k] <= '9'))
				return 0;
		y = atoi(f), a = atoi(f + 5), b = atoi(f + 8);
		if (!valid_day(y, a, b))
			return 0;
		d->year = y, d->month = a, d->day = b;
		d->kind = PRECIS_DATE_FULL;
		return 1;
	}
	size_t used;
	if (t->flen == 10 && f[2] == '.' && f[5] == '.') {
		for (int k = 0; k < 10; k++)
			if (k != 2 && k != 5 && !(f[k] >= '0' && f[k] <= '9'))
				return 0;
		a = atoi(f), b = atoi(f + 3), y = atoi(f + 6);
		used = 1;
	} else if (t->num >= 1 && t->num <= 31 && t->flen <= 2 && same(c, i, i + 2) &&
		   c->text[t->end] == '/' && c->v[i + 1].start == t->end + 1 &&
		   c->v[i + 1].num >= 1 && c->v[i + 1].flen <= 2 &&
		   c->text[c->v[i + 1].end] == '/' && c->v[i + 2].start == c->v[i + 1].end + 1 &&
		   is_year(&c->v[i + 2])) {
		a = t->num, b = c->v[i + 1].num, y = c->v[i + 2].num;
		used = 3;
	} else {
		return 0;
	}
	int day = a, month = b;
	if (c->month_first && a <= 12)
		day = b, month = a;
	if (y < 1900 || y > 2099 || !valid_day(y, month, day))
		return 0;
	d->year = y, d->month = month, d->day = day;
	d->kind = PRECIS_DATE_FULL;
	return used;
}

/* A year after the day and month: "13 septembre 2023", "April 25, 2019". */
static size_t take_year(const dctx *c, size_t i, size_t k, precis_date *d)
{
	if (same(c, i, k) && is_year(&c->v[k])) {
		d->year = c->v[k].num;
		d->kind = PRECIS_DATE_FULL;
		return 1;
	}
	return 0;
}

/* DAY [and DAY | -DAY] [of] MONTH [YEAR] at token j: tokens used from j. */
static size_t match_day_month(const dctx *c, size_t j, precis_date *d)
{
	const tok *v = c->v;
	int a, b = 0;
	size_t k = j;
	if (is_day(&v[k])) {
		a = v[k].num;
		k++;
		if (same(c, j, k + 1) && in_set(c->L, W_AND, &v[k]) && is_day(&v[k + 1]) &&
		    v[k + 1].num > a) {
			b = v[k + 1].num;
			k += 2;
		}
	} else if (day_range(&v[k], &a, &b)) {
		k++;
	} else {
		return 0;
	}
	if (same(c, j, k + 1) && tok_is(&v[k], "of"))
		k++;
	if (!same(c, j, k))
		return 0;
	int m = month_at(c, k, true);
	if (!m || !valid_day(0, m, b ? b : a))
		return 0;
	d->day = a;
	d->day_end = b;
	d->month = m;
	d->kind = PRECIS_DATE_DAY_MONTH;
	k++;
	k += take_year(c, j, k, d);
	return k - j;
}

/* MONTH DAY [-DAY | and DAY] [YEAR] (English order) at token j. */
static size_t match_month_day(const dctx *c, size_t j, precis_date *d)
{
	const tok *v = c->v;
	if (!same(c, j, j + 1))
		return 0;
	int m = month_at(c, j, true), a, b = 0;
	if (!m)
		return 0;
	size_t k = j + 1;
	if (is_day(&v[k])) {
		a = v[k].num;
		k++;
		/* "June 18 and 19", but not "June 18 and 19 July". */
		if (same(c, j, k + 1) && in_set(c->L, W_AND, &v[k]) && is_day(&v[k + 1]) &&
		    v[k + 1].num > a && !(same(c, j, k + 2) && month_at(c, k + 2, true))) {
			b = v[k + 1].num;
			k += 2;
		}
	} else if (day_range(&v[k], &a, &b)) {
		k++;
	} else {
		return 0;
	}
	/* "juin 18 juillet": the number belongs to the next month. */
	if (same(c, j, k) && month_at(c, k, true))
		return 0;
	if (!valid_day(0, m, b ? b : a))
		return 0;
	d->month = m;
	d->day = a;
	d->day_end = b;
	d->kind = PRECIS_DATE_DAY_MONTH;
	k += take_year(c, j, k, d);
	return k - j;
}

/* A month without a day: "septembre 2023", "en septembre", "septembre dernier", "last May". */
static size_t match_month(const dctx *c, size_t i, size_t j, precis_date *d)
{
	const tok *v = c->v;
	const tok *t = &v[j];
	if (same(c, j, j + 1) && is_year(&v[j + 1])) {
		int m = month_at(c, j, true);
		if (!m)
			return 0;
		d->kind = PRECIS_DATE_MONTH;
		d->month = m;
		d->year = v[j + 1].num;
		return 2;
	}
	int m = month_at(c, j, false);
	if (!m)
		return 0;
	bool after_last = same(c, j, j + 1) && in_set(c->L, W_LAST, &v[j + 1]);
	bool after_next = same(c, j, j + 1) && in_set(c->L, W_NEXT, &v[j + 1]);
	bool cue = j > i || after_last || after_next ||
		   (j > 0 && v[j - 1].unit == t->unit && in_set(c->L, W_YEARCUE, &v[j - 1]));
	bool ambiguous = in_set(c->L, W_AMBIGUOUS, t);
	/* "Mars" mid-sentence in French is the planet; "may" in English the verb. */
	if (ambiguous && !(cue && t->cap))
		return 0;
	if (!cue && c->L->lowercase_months && t->cap && !t->first)
		return 0;
	d->kind = PRECIS_DATE_MONTH;
	d->month = m;
	if (after_last || after_next) {
		d->last = after_last;
		d->next = after_next;
		return 2;
	}
	return 1;
}

/* "il y a huit ans", "dans deux semaines", "three years ago": tokens used. */
static size_t match_ago(const dctx *c, size_t i, precis_date *d)
{
	const tok *v = c->v;
	size_t k = i;
	int sign = 0;
	size_t pl;
	if ((pl = phrase_at(c->L, P_AGO_BEFORE, v, c->n, i, NULL)))
		sign = -1, k += pl;
	else if ((pl = phrase_at(c->L, P_IN_BEFORE, v, c->n, i, NULL)))
		sign = 1, k += pl;
	if (!same(c, i, k + 1))
		return 0;
	int amount = v[k].num >= 1 && v[k].num <= 100 && v[k].flen <= 3 ? v[k].num
									 : wordval(c->L, W_NUMBERS, &v[k]);
	int unit = wordval(c->L, W_UNITS, &v[k + 1]);
	if (amount <= 0 || !unit)
		return 0;
	k += 2;
	if (!sign) {
		if (!same(c, i, k) || !(pl = phrase_at(c->L, P_AGO_AFTER, v, c->n, k, NULL)))
			return 0;
		sign = -1;
		k += pl;
	}
	d->kind = PRECIS_DATE_RELATIVE;
	d->offset = sign * amount;
	d->offset_unit = (char)unit;
	return k - i;
}

/* "mercredi matin", "hier soir": the part of the day joins the span. */
static size_t daypart(const dctx *c, size_t i, size_t k)
{
	return same(c, i, k) && in_set(c->L, W_DAYPART, &c->v[k]) ? 1 : 0;
}

/* The date starting at token i, if any: tokens used (0 when none). */
static size_t date_at(const dctx *c, size_t i, precis_date *d)
{
	const tok *v = c->v;
	const phrase *ph = NULL;
	size_t used;
	if ((used = phrase_at(c->L, P_RELATIVE, v, c->n, i, &ph))) {
		d->kind = PRECIS_DATE_RELATIVE;
		d->offset = ph->offset;
		d->offset_unit = ph->unit;
		/* "l'année dernière": the elided article belongs to the span. */
		if (v[i].elided == 'l')
			d->span.start -= c->text[v[i].start - 1] == '\'' ? 2 : 4;
		return used + daypart(c, i, i + used);
	}
	if ((used = match_ago(c, i, d)) || (used = match_numeric(c, i, d)))
		return used;
	/* Modifiers before the date: "ce lundi", "last Monday", "next September". */
	size_t j = i;
	if (same(c, i, j + 1) && in_set(c->L, W_THIS, &v[j]))
		j++;
	else if (same(c, i, j + 1) && in_set(c->L, W_LAST, &v[j]))
		d->last = true, j++;
	else if (same(c, i, j + 1) && in_set(c->L, W_NEXT, &v[j]))
		d->next = true, j++;
	int wd = wordval(c->L, W_WEEKDAY, &v[j]);
	if (wd) {
		d->weekday = wd;
		size_t k = j + 1;
		if (same(c, j, k) && (used = match_day_month(c, k, d)))
			return k + used - i;
		if (same(c, j, k) && (used = match_month_day(c, k, d)))
			return k + used - i;
		d->kind = PRECIS_DATE_WEEKDAY;
		if (same(c, j, k) && !d->last && !d->next) {
			if (in_set(c->L, W_LAST, &v[k]))
				d->last = true, k++;
			else if (in_set(c->L, W_NEXT, &v[k]))
				d->next = true, k++;
		}
		return k + daypart(c, j, k) - i;
	}
	if ((used = match_day_month(c, j, d)) || (used = match_month_day(c, j, d)))
		return j + used - i;
	if ((used = match_month(c, i, j, d)))
		return j + used - i;
	d->last = d->next = false;
	if (is_year(&v[i]) && i > 0 && v[i - 1].unit == v[i].unit &&
	    in_set(c->L, W_YEARCUE, &v[i - 1])) {
		d->kind = PRECIS_DATE_YEAR;
		d->year = v[i].num;
		return 1;
	}
	return 0;
}

/* A word that puts its sentence in the future: "will", "va", "se tiendra". */
static bool future_word(const lists *L, const tok *t)
{
	if (in_set(L, W_FUTURE, t))
		return true;
	if (t->cap || t->num >= 0 || t->flen < 5 || in_set(L, W_FUTURE_EXC, t))
		return false;
	for (size_t e = 0; e < L->nfuture_end; e++) {
		size_t el = strlen(L->future_end[e]);
		if (t->flen > el && memcmp(t->fold + t->flen - el, L->future_end[e], el) == 0)
			return true;
	}
	return false;
}

static int find_dates(datevec *dv, const tok *v, size_t n, const lists *L, const char *text,
		      const char *lang)
{
	dctx c = { v, n, L, text, strcmp(lang, "en") == 0 };
	size_t i = 0;
	while (i < n) {
		precis_date d;
		memset(&d, 0, sizeof d);
		d.span.start = v[i].start;
		size_t used = date_at(&c, i, &d);
		if (!used) {
			i++;
			continue;
		}
		d.span.end = v[i + used - 1].end;
		/*
		 * The verb the date hangs on is close before it: "se tiendra du 9
		 * au 11 juillet", "will take place in October"; a future verb
		 * further away belongs to another clause.
		 */
		for (size_t k = i; k > 0 && i - k < FUTURE_WINDOW && v[k - 1].unit == v[i].unit; k--)
			if ((d.future = future_word(L, &v[k - 1])))
				break;
		if (push_date(dv, d, v[i].unit))
			return PRECIS_ENOMEM;
		i += used;
	}
	return 0;
}

/*
 * The year that puts month/day closest to the reference day r, a day on
 * the unlikely side counting as four: news mostly reports what has
 * happened, so "en septembre" read in June is last September and "le 3
 * janvier" read on 30 December still the coming one; in a sentence about
 * the future ("se tiendra du 9 au 11 juillet", read in February) the past
 * is the unlikely side.
 */
#define UNLIKELY_WEIGHT 4

static int nearest_year(int month, int day, precis_ymd ref, long r, bool future)
{
	int best = ref.year;
	long bestdist = -1;
	for (int y = ref.year - 1; y <= ref.year + 1; y++) {
		int dd = day <= px_days_in_month(y, month) ? day : px_days_in_month(y, month);
		long delta = px_days_from_ymd((precis_ymd){ y, month, dd }) - r;
		long dist = (delta < 0) == future ? UNLIKELY_WEIGHT * labs(delta) : labs(delta);
		if (bestdist < 0 || dist < bestdist) {
			bestdist = dist;
			best = y;
		}
	}
	return best;
}

static void whole_month(precis_ymd *first, precis_ymd *last, int y, int m)
{
	*first = (precis_ymd){ y, m, 1 };
	*last = (precis_ymd){ y, m, px_days_in_month(y, m) };
}

int precis_date_resolve(precis_ymd *first, precis_ymd *last, const precis_date *d,
			precis_ymd ref)
{
	bool have_ref = ref.year && ref.month >= 1 && ref.month <= 12 && ref.day >= 1 &&
			ref.day <= px_days_in_month(ref.year, ref.month);
	long r = have_ref ? px_days_from_ymd(ref) : 0;
	switch (d->kind) {
	case PRECIS_DATE_FULL:
	case PRECIS_DATE_DAY_MONTH: {
		if (d->month < 1 || d->month > 12)
			return PRECIS_EINVAL;
		int y = d->year;
		if (!y) {
			if (!have_ref)
				return PRECIS_EINVAL;
			y = nearest_year(d->month, d->day, ref, r, d->future);
		}
		if (!valid_day(y, d->month, d->day_end ? d->day_end : d->day))
			return PRECIS_EINVAL;
		*first = (precis_ymd){ y, d->month, d->day };
		*last = (precis_ymd){ y, d->month, d->day_end ? d->day_end : d->day };
		return 0;
	}
	case PRECIS_DATE_MONTH: {
		if (d->month < 1 || d->month > 12)
			return PRECIS_EINVAL;
		int y = d->year;
		if (!y) {
			if (!have_ref)
				return PRECIS_EINVAL;
			y = ref.year;
			if (d->last)
				y -= d->month >= ref.month;
			else if (d->next)
				y += d->month <= ref.month;
			else if (d->month != ref.month)
				y = nearest_year(d->month, 15, ref, r, d->future);
		}
		whole_month(first, last, y, d->month);
		return 0;
	}
	case PRECIS_DATE_YEAR:
		*first = (precis_ymd){ d->year, 1, 1 };
		*last = (precis_ymd){ d->year, 12, 31 };
		return 0;
	case PRECIS_DATE_WEEKDAY: {
		if (!have_ref || d->weekday < 1 || d->weekday > 7)
			return PRECIS_EINVAL;
		int diff = d->weekday - px_weekday_of_days(r);
		if (d->last) {
			/* "lundi dernier": strictly before the reference day. */
			if (diff >= 0)
				diff -= 7;
		} else if (d->next) {
			if (diff <= 0)
				diff += 7;
		} else {
			/* "jeudi", "ce lundi": the nearest such day, within three days. */
			if (diff > 3)
				diff -= 7;
			if (diff < -3)
				diff += 7;
		}
		*first = *last = px_ymd_from_days(r + diff);
		return 0;
	}
	case PRECIS_DATE_RELATIVE: {
		if (!have_ref)
			return PRECIS_EINVAL;
		if (d->offset_unit == 'd') {
			*first = *last = px_ymd_from_days(r + d->offset);
		} else if (d->offset_unit == 'w') {
			/* "la semaine dernière": the Monday-to-Sunday week that many weeks away. */
			long monday = r - (px_weekday_of_days(r) - 1) + 7L * d->offset;
			*first = px_ymd_from_days(monday);
			*last = px_ymd_from_days(monday + 6);
		} else if (d->offset_unit == 'm') {
			long m = (long)ref.year * 12 + (ref.month - 1) + d->offset;
			whole_month(first, last, (int)(m / 12), (int)(m % 12) + 1);
		} else if (d->offset_unit == 'y') {
			*first = (precis_ymd){ ref.year + d->offset, 1, 1 };
			*last = (precis_ymd){ ref.year + d->offset, 12, 31 };
		} else {
			return PRECIS_EINVAL;
		}
		return 0;
	}
	}
	return PRECIS_EINVAL;
}

/* ----------------------------------------------------------- entities */

typedef struct {
	char *name;
	char **variants;
	size_t *vcount; /* mentions per variant */
	size_t nvariants;
	size_t mentions, first;
	char *key;      /* folded, hyphens and apostrophes as spaces, single spaces */
	size_t words;   /* words in key */
	int64_t into;   /* merged into this entity of the same vector, or -1 */
	bool opener;    /* every mention starts a sentence ("Puis Poutine") */
} entity;

typedef struct {
	entity *v;
	size_t n, cap;
	px_strmap *index; /* key -> position in v (ids are dense, in insertion order) */
} entvec;

static void entity_free(entity *e)
{
	free(e->name);
	for (size_t i = 0; i < e->nvariants; i++)
		free(e->variants[i]);
	free(e->variants);
	free(e->vcount);
	free(e->key);
}

static void entvec_free(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		entity_free(&ev->v[i]);
	free(ev->v);
	px_strmap_free(ev->index);
	memset(ev, 0, sizeof *ev);
}

/* "Kim Jong-Un", "Kim Jong Un" and "KIM Jong un" meet on "kim jong un"; "U.S." on "u s". */
static char *entity_key(const char *s, size_t n)
{
	char *f;
	size_t fl;
	if (px_fold(&f, &fl, s, n) != 0)
		return NULL;
	size_t o = 0;
	bool space = true; /* drops leading separators */
	for (size_t i = 0; i < fl;) {
		unsigned char ch = (unsigned char)f[i];
		size_t adv = 1;
		bool sep = ch == '-' || ch == '\'' || ch == '.' || ch == ' ' || ch == '\t' ||
			   ch == '\n' || ch == '\r';
		if (!sep && ch >= 0x80) {
			int32_t cp = px_utf8_decode(f + i, fl - i, &adv);
			sep = cp == 0x2019 || px_cp_is_space(cp) || px_cp_is_hyphen(cp);
		}
		if (sep) {
			if (!space)
				f[o++] = ' ';
			space = true;
		} else {
			memmove(f + o, f + i, adv);
			o += adv;
			space = false;
		}
		i += adv;
	}
	while (o && f[o - 1] == ' ')
		o--;
	f[o] = '\0';
	return f;
}

static size_t key_words(const char *key)
{
	size_t w = *key ? 1 : 0;
	for (const char *p = key; *p; p++)
		w += *p == ' ';
	return w;
}

static int add_variant(entity *e, const char *s, size_t n, size_t count)
{
	for (size_t i = 0; i < e->nvariants; i++)
		if (strlen(e->variants[i]) == n && memcmp(e->variants[i], s, n) == 0) {
			e->vcount[i] += count;
			return 0;
		}
	if (e->nvariants >= MAX_VARIANTS)
		return 0;
	char **nv = realloc(e->variants, (e->nvariants + 2) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	e->variants = nv;
	size_t *nc = realloc(e->vcount, (e->nvariants + 1) * sizeof *nc);
	if (!nc)
		return PRECIS_ENOMEM;
	e->vcount = nc;
	if (!(nv[e->nvariants] = strndup(s, n)))
		return PRECIS_ENOMEM;
	nc[e->nvariants] = count;
	nv[++e->nvariants] = NULL;
	return 0;
}

/* Record a mention under key (taken over); name is how it is written. Sets *idx. */
static int mention(entvec *ev, char *key, const char *name, size_t nlen, size_t at, size_t *idx)
{
	int rc = 0;
	if (!ev->index && (rc = px_strmap_new(&ev->index))) {
		free(key);
		return rc;
	}
	int64_t id;
	int added;
	if ((rc = px_strmap_intern(ev->index, key, strlen(key), &id, &added))) {
		free(key);
		return rc;
	}
	if (!added) {
		free(key);
		entity *e = &ev->v[id];
		e->mentions++;
		if (at < e->first)
			e->first = at;
		if (idx)
			*idx = (size_t)id;
		return add_variant(e, name, nlen, 1);
	}
	if (ev->n == ev->cap) {
		size_t nc = ev->cap ? ev->cap * 2 : 16;
		entity *nv = realloc(ev->v, nc * sizeof *nv);
		if (!nv) {
			free(key);
			return PRECIS_ENOMEM;
		}
		ev->v = nv;
		ev->cap = nc;
	}
	entity *e = &ev->v[ev->n++];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->words = key_words(key);
	e->mentions = 1;
	e->first = at;
	e->into = -1;
	if (idx)
		*idx = (size_t)id;
	return add_variant(e, name, nlen, 1);
}

static int mention_text(entvec *ev, const char *s, size_t n, size_t at, size_t *idx)
{
	char *k = entity_key(s, n);
	if (!k)
		return PRECIS_ENOMEM;
	if (!*k) {
		free(k);
		return 0;
	}
	return mention(ev, k, s, n, at, idx);
}

/* Merge entity from into to (same vector): counts, first offset, and spellings if wanted. */
static int absorb(entity *to, entity *from, int64_t to_idx, bool spellings)
{
	to->mentions += from->mentions;
	if (from->first < to->first)
		to->first = from->first;
	from->into = to_idx;
	for (size_t k = 0; spellings && k < from->nvariants; k++) {
		int rc = add_variant(to, from->variants[k], strlen(from->variants[k]), from->vcount[k]);
		if (rc)
			return rc;
	}
	return 0;
}

static int64_t final_entity(const entvec *ev, int64_t i)
{
	while (i >= 0 && ev->v[i].into >= 0)
		i = ev->v[i].into;
	return i;
}

/* --------------------------------------------------------- gazetteer */

/* Only white space between two tokens: a name does not run across a comma. */
static bool adjacent(const char *text, const tok *a, const tok *b)
{
	for (size_t i = a->end; i < b->start;) {
		size_t adv;
		if (!px_cp_is_space(px_utf8_decode(text + i, b->start - i, &adv)))
			return false;
		i += adv;
	}
	return true;
}

/* Same, with the dots of abbreviations allowed: "U.S.", "St. Petersburg". */
static bool adjacent_dotted(const char *text, const tok *a, const tok *b)
{
	for (size_t i = a->end; i < b->start;) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + i, b->start - i, &adv);
		if (cp != '.' && !px_cp_is_space(cp))
			return false;
		i += adv;
	}
	return true;
}

/* Variant key -> canonical name (a line of places.txt). */
typedef struct {
	px_strmap *keys;
	const char **canon;
	size_t *canon_len;
	uint32_t *caps; /* bit i: word i of the name is capitalised ("La Réunion": 0b11) */
	size_t ncanon;
} gazetteer;

struct gaz_build {
	gazetteer *g;
	lists *L;
};

struct name_shape {
	const char *name;
	px_token first;
	size_t n;
	uint32_t caps;
};

static int shape_tok(const px_token *t, void *ctx)
{
	struct name_shape *sh = ctx;
	if (sh->n == 0)
		sh->first = *t;
	size_t adv;
	if (sh->n < 32 && px_cp_is_upper(px_utf8_decode(sh->name + t->start, t->end - t->start, &adv)))
		sh->caps |= 1u << sh->n;
	sh->n++;
	return 0;
}

static int gaz_add(const char *canon, size_t clen, const char *name, size_t nlen, void *ctx)
{
	struct gaz_build *b = ctx;
	gazetteer *g = b->g;
	/* Its first word, tokenized and folded as text tokens are, marks where to look. */
	struct name_shape sh = { name, { 0, 0, false }, 0, 0 };
	px_tokenize(name, nlen, NULL, shape_tok, &sh);
	px_token t0 = sh.first;
	char buf[128];
	size_t fl = sh.n ? fold_word(buf, sizeof buf, name + t0.start, t0.end - t0.start)
			 : (size_t)-1;
	if (fl != (size_t)-1) {
		lexent *e = lex_entry(b->L, buf, fl);
		if (!e)
			return PRECIS_ENOMEM;
		e->mask |= LEX_GAZ;
	}
	char *k = entity_key(name, nlen);
	if (!k)
		return PRECIS_ENOMEM;
	int64_t id;
	int added;
	int rc = px_strmap_intern(g->keys, k, strlen(k), &id, &added);
	free(k);
	if (rc || !added)
		return rc;
	if ((size_t)id >= g->ncanon) {
		size_t nc = g->ncanon ? g->ncanon * 2 : 256;
		const char **cv = realloc(g->canon, nc * sizeof *cv);
		if (!cv)
			return PRECIS_ENOMEM;
		g->canon = cv;
		size_t *cl = realloc(g->canon_len, nc * sizeof *cl);
		if (!cl)
			return PRECIS_ENOMEM;
		g->canon_len = cl;
		uint32_t *cp = realloc(g->caps, nc * sizeof *cp);
		if (!cp)
			return PRECIS_ENOMEM;
		g->caps = cp;
		g->ncanon = nc;
	}
	g->canon[id] = canon;
	g->canon_len[id] = clen;
	g->caps[id] = sh.caps;
	return 0;
}

static int gaz_load(gazetteer *g, lists *L)
{
	memset(g, 0, sizeof *g);
	int rc = px_strmap_new(&g->keys);
	struct gaz_build b = { g, L };
	if (!rc)
		rc = px_data_aliases(px_data_find("stopwords/cues/places.txt"), gaz_add, &b);
	return rc;
}

static void gaz_free(gazetteer *g)
{
	px_strmap_free(g->keys);
	free(g->canon);
	free(g->canon_len);
	free(g->caps);
}

/* Longest gazetteer name starting at token i (same unit): tokens used, 0 if none. */
static size_t gaz_match(const gazetteer *g, const lists *L, const char *text, const tok *v,
			size_t n, size_t i, int64_t *id)
{
	if (!lex_has(L, &v[i], LEX_GAZ))
		return 0;
	char key[256];
	for (size_t len = MAX_PLACE_WORDS; len >= 1; len--) {
		if (i + len > n || v[i + len - 1].unit != v[i].unit)
			continue;
		/* Keys are folded words joined by single spaces, as entity_key makes them. */
		size_t kl = 0;
		bool fits = true;
		for (size_t k = i; k < i + len && fits; k++) {
			if (k > i && !adjacent_dotted(text, &v[k - 1], &v[k]))
				fits = false; /* "Corée, du Nord" is no name */
			fits = fits && kl + v[k].flen + 1 < sizeof key;
			if (!fits)
				break;
			if (k > i)
				key[kl++] = ' ';
			memcpy(key + kl, v[k].fold, v[k].flen);
			kl += v[k].flen;
		}
		if (!fits)
			continue;
		for (size_t c = 0; c < kl; c++)
			if (key[c] == '-' || key[c] == '\'')
				key[c] = ' ';
		*id = px_strmap_get(g->keys, key, kl);
		/* Capitals where the name has them: "La réunion" opening a sentence is no island. */
		bool shaped = *id >= 0;
		for (size_t k = 0; shaped && k < len && k < 32; k++)
			shaped = !((g->caps[*id] >> k) & 1) || v[i + k].cap;
		if (shaped)
			return len;
	}
	return 0;
}

/* ------------------------------------------------- persons and places */

static bool connector(const tok *t)
{
	static const char *const c[] = { "de", "du", "des", "van", "von", "der", "bin", "ben",
					 "al", "el", "da", "di", "dos", NULL };
	for (const char *const *w = c; *w; w++)
		if (tok_is(t, *w))
			return true;
	return false;
}

/* A capitalised run of tokens [s, e), before deciding what it names. */
typedef struct {
	size_t s, e;
	bool prep;    /* after "à", "in": maybe a place */
	bool first;   /* starts its sentence */
	bool pending; /* a place unless a person's name contains it (merge_people decides) */
} run;

/* One mention of a person-like name, for the speaker of quotes. */
typedef struct {
	size_t start, end;
	int unit;
	bool single;   /* a one-word mention, resolved through singles */
	bool resolved; /* who is known already */
	bool quoted;
	size_t ent;    /* index in persons, or in singles when single */
	int64_t who;   /* final person index after merging, -1 when none */
} pmention;

struct people {
	const precis_doc *d;
	precis_analyzer *a;
	const lists *L;
	const gazetteer *g;
	tok *v;
	size_t n;
	entvec *places, *persons;
	entvec singles;     /* one-word capitalised mentions, merged afterwards */
	const px_strmap *lowers; /* words the text also writes in lowercase */
	run *runs;
	size_t nruns, capruns;
	pmention *pm;
	size_t npm, cappm;
};

static int person_mention(struct people *p, size_t s, size_t e, bool single, size_t ent)
{
	if (p->npm == p->cappm) {
		size_t nc = p->cappm ? p->cappm * 2 : 32;
		pmention *nv = realloc(p->pm, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		p->pm = nv;
		p->cappm = nc;
	}
	p->pm[p->npm++] = (pmention){ p->v[s].start, p->v[e - 1].end, p->v[s].unit, single, false,
				      false, ent, -1 };
	return 0;
}

static int push_run(struct people *p, run r)
{
	if (p->nruns == p->capruns) {
		size_t nc = p->capruns ? p->capruns * 2 : 32;
		run *nv = realloc(p->runs, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		p->runs = nv;
		p->capruns = nc;
	}
	p->runs[p->nruns++] = r;
	return 0;
}

/* Words that open a sentence without being part of a name: "Le", "Selon", "Mr". */
static bool lead_word(struct people *p, const tok *t)
{
	const lists *L = p->L;
	return px_is_stopword(p->a, p->d->lang, t->fold, t->flen) || in_set(L, W_HONOR, t) ||
	       in_set(L, W_PREP, t) || in_set(L, W_YEARCUE, t) || in_set(L, W_THIS, t) ||
	       in_set(L, W_PRONOUNS, t) || in_set(L, W_THAT, t) || lex_has(L, t, LEX_PHRASE(P_SOURCE));
}

static bool name_word(const struct people *p, const tok *t)
{
	return t->cap && t->num < 0 && !wordval(p->L, W_MONTH, t) && !in_set(p->L, W_WEEKDAY, t);
}

/*
 * Walk the tokens once: gazetteer places are recorded at once, other
 * capitalised runs are kept for classify_runs.
 */
static int scan_names(struct people *p)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	size_t i = 0;
	int rc = 0;
	while (i < p->n && !rc) {
		int64_t gid;
		size_t glen = gaz_match(p->g, p->L, text, v, p->n, i, &gid);
		if (glen) {
			rc = mention_text(p->places, p->g->canon[gid], p->g->canon_len[gid], v[i].start,
					  NULL);
			i += glen;
			continue;
		}
		if (!v[i].cap || v[i].num >= 0) {
			i++;
			continue;
		}
		/* Titles, articles and sentence openers before the name. */
		size_t s = i;
		while (s < p->n && v[s].unit == v[i].unit && v[s].cap && lead_word(p, &v[s]))
			s++;
		/*
		 * A sentence's first word is capitalised anyway: it is no name when
		 * the text also writes it in lowercase ("Rencontre", "Puis").
		 */
		if (s < p->n && v[s].first && v[s].cap &&
		    px_strmap_get(p->lowers, v[s].fold, v[s].flen) >= 0)
			s++;
		if (s > i && s < p->n && v[s].unit == v[i].unit) {
			int64_t g2;
			if (gaz_match(p->g, p->L, text, v, p->n, s, &g2)) {
				i = s; /* "Sommet Corée du Nord": the place comes next */
				continue;
			}
		}
		size_t e = s;
		while (e < p->n && v[e].unit == v[i].unit && (e == s || adjacent(text, &v[e - 1], &v[e]))) {
			if (name_word(p, &v[e])) {
				int64_t g2;
				if (e > s && gaz_match(p->g, p->L, text, v, p->n, e, &g2))
					break;
				/* "Russian President Vladimir Putin": the name follows the title. */
				if (in_set(p->L, W_HONOR, &v[e]))
					s = e + 1;
				e++;
				continue;
			}
			if (e > s && e + 1 < p->n && v[e + 1].unit == v[e].unit && connector(&v[e]) &&
			    name_word(p, &v[e + 1])) {
				e++;
				continue;
			}
			break;
		}
		if (e <= s) {
			i = e > i ? e : i + 1;
			continue;
		}
		bool org = false;
		for (size_t k = s; k < e && !org; k++)
			org = in_set(p->L, W_ORG, &v[k]);
		/* "North Korean", "South African": an adjective, not a name. */
		bool adjective = in_set(p->L, W_DEMONYM, &v[e - 1]);
		if (!org && !adjective && e - s <= MAX_NAME_WORDS) {
			bool prep = s > 0 && v[s - 1].unit == v[s].unit && in_set(p->L, W_PREP, &v[s - 1]);
			rc = push_run(p, (run){ s, e, prep, v[s].first, false });
		}
		i = e;
	}
	return rc;
}

/*
 * Decide what each run names. Multi-word runs are persons, except after
 * "à"/"in" where they are places unless a person's name contains them
 * ("succède à Kim Jong-il", "parlé à Poutine"): that waits for
 * merge_people, as do one-word runs.
 */
static int classify_runs(struct people *p)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	int rc = 0;
	for (size_t r = 0; r < p->nruns && !rc; r++) {
		run *u = &p->runs[r];
		size_t words = u->e - u->s;
		const char *s = text + v[u->s].start;
		size_t len = v[u->e - 1].end - v[u->s].start;
		size_t idx;
		if (u->prep && words <= 3 && !(u->first && words == 1)) {
			u->pending = true;
		} else if (words >= 2) {
			rc = mention_text(p->persons, s, len, v[u->s].start, &idx);
			if (!rc) {
				entity *e = &p->persons->v[idx];
				e->opener = (e->mentions == 1 || e->opener) && u->first;
				rc = person_mention(p, u->s, u->e, false, idx);
			}
		} else {
			/* Counted once a full name owns it: "Poutine", "M. Kim". */
			rc = mention_text(&p->singles, s, len, v[u->s].start, &idx);
			if (!rc)
				rc = person_mention(p, u->s, u->e, true, idx);
		}
	}
	return rc;
}

/* A run after "à"/"in": a person's name or short name, else a place. */
static int settle_pending(struct people *p, const px_strmap *parts, const int64_t *owner)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	int rc = 0;
	for (size_t r = 0; r < p->nruns && !rc; r++) {
		const run *u = &p->runs[r];
		if (!u->pending)
			continue;
		const char *s = text + v[u->s].start;
		size_t len = v[u->e - 1].end - v[u->s].start;
		char *k = entity_key(s, len);
		if (!k)
			return PRECIS_ENOMEM;
		int64_t id = parts ? px_strmap_get(parts, k, strlen(k)) : -1;
		free(k);
		if (id < 0) {
			rc = mention_text(p->places, s, len, v[u->s].start, NULL);
			continue;
		}
		entity *o = &p->persons->v[owner[id]];
		o->mentions++;
		if (v[u->s].start < o->first)
			o->first = v[u->s].start;
		rc = add_variant(o, s, len, 1);
		if (!rc)
			rc = person_mention(p, u->s, u->e, false, (size_t)owner[id]);
		if (!rc) {
			p->pm[p->npm - 1].resolved = true;
			p->pm[p->npm - 1].who = owner[id];
		}
	}
	return rc;
}

/* Better owner of a short form: more mentions, then earlier. */
static bool better(const entity *a, const entity *b)
{
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions;
	return a->first < b->first;
}

/* Runs of consecutive words of person names -> the best person containing them. */
struct parts {
	px_strmap *map;
	int64_t *owner;
	size_t cap;
};

static int index_parts(struct parts *pt, const entvec *P, size_t i)
{
	const entity *e = &P->v[i];
	if (e->words > MAX_NAME_WORDS)
		return 0;
	const char *starts[MAX_NAME_WORDS + 1];
	size_t ns = 0;
	starts[ns++] = e->key;
	for (const char *q = e->key; *q; q++)
		if (*q == ' ')
			starts[ns++] = q + 1;
	size_t klen = strlen(e->key);
	for (size_t a = 0; a < ns; a++)
		for (size_t b = a; b < ns; b++) {
			const char *from = starts[a];
			const char *to = b + 1 < ns ? starts[b + 1] - 1 : e->key + klen;
			int64_t id;
			int added;
			int rc = px_strmap_intern(pt->map, from, (size_t)(to - from), &id, &added);
			if (rc)
				return rc;
			if ((size_t)id >= pt->cap) {
				size_t nc = pt->cap ? pt->cap * 2 : 64;
				while (nc <= (size_t)id)
					nc *= 2;
				int64_t *no = realloc(pt->owner, nc * sizeof *no);
				if (!no)
					return PRECIS_ENOMEM;
				pt->owner = no;
				pt->cap = nc;
			}
			if (added || better(e, &P->v[pt->owner[id]]))
				pt->owner[id] = (int64_t)i;
		}
	return 0;
}

/*
 * Merge name variants. "Puis Kim Jong-Un" (an opener glued to a name)
 * joins "Kim Jong-Un"; one-word and partial forms ("Poutine", "Jong-un")
 * join the most mentioned full name containing them. Every step is a hash
 * lookup over the words of a name, so this stays linear.
 */
static int merge_people(struct people *p)
{
	entvec *P = p->persons;
	int rc = 0;
	/* 1. A longer name ending with a known name is that name. */
	for (size_t i = 0; i < P->n && !rc; i++) {
		entity *e = &P->v[i];
		if (e->words > MAX_NAME_WORDS)
			continue;
		for (const char *sp = strchr(e->key, ' '); sp; sp = strchr(sp + 1, ' ')) {
			const char *suf = sp + 1;
			if (!strchr(suf, ' '))
				break; /* persons have two words at least */
			int64_t o = px_strmap_get(P->index, suf, strlen(suf));
			if (o >= 0 && (size_t)o != i) {
				/* "Puis Kim Jong-Un" is no spelling of the name worth keeping. */
				rc = absorb(&P->v[final_entity(P, o)], e, final_entity(P, o), false);
				break;
			}
		}
	}
	/*
	 * 2. Every run of consecutive words of a full name -> its best owner.
	 * Names only ever seen opening a sentence go last: "Puis Poutine" is
	 * "Poutine" when a full name owns that, else a name of its own.
	 */
	struct parts pt = { NULL, NULL, 0 };
	if (!rc)
		rc = px_strmap_new(&pt.map);
	for (size_t i = 0; i < P->n && !rc; i++)
		if (P->v[i].into < 0 && !P->v[i].opener)
			rc = index_parts(&pt, P, i);
	for (size_t i = 0; i < P->n && !rc; i++) {
		entity *e = &P->v[i];
		if (e->into >= 0 || !e->opener)
			continue;
		const char *sp = strchr(e->key, ' ');
		int64_t id = sp ? px_strmap_get(pt.map, sp + 1, strlen(sp + 1)) : -1;
		if (id >= 0 && pt.owner[id] != (int64_t)i)
			rc = absorb(&P->v[pt.owner[id]], e, pt.owner[id], false);
		else
			rc = index_parts(&pt, P, i);
	}
	px_strmap *parts = pt.map;
	int64_t *owner = pt.owner;
	/* 3. Short forms join their owner; mentions point to final persons. */
	int64_t *single_owner = NULL;
	if (!rc && p->singles.n && !(single_owner = malloc(p->singles.n * sizeof *single_owner)))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; i < p->singles.n && !rc; i++) {
		entity *s = &p->singles.v[i];
		int64_t id = px_strmap_get(parts, s->key, strlen(s->key));
		single_owner[i] = id >= 0 ? owner[id] : -1;
		/* "Kremlin", "Washington": not part of a known person's name. */
		if (id >= 0) {
			entity *o = &P->v[owner[id]];
			o->mentions += s->mentions;
			if (s->first < o->first)
				o->first = s->first;
			for (size_t k = 0; k < s->nvariants && !rc; k++)
				rc = add_variant(o, s->variants[k], strlen(s->variants[k]), s->vcount[k]);
		}
	}
	for (size_t m = 0; m < p->npm && !rc; m++) {
		pmention *pm = &p->pm[m];
		pm->who = pm->single ? single_owner[pm->ent] : final_entity(P, (int64_t)pm->ent);
	}
	if (!rc)
		rc = settle_pending(p, parts, owner);
	free(single_owner);
	free(owner);
	px_strmap_free(parts);
	return rc;
}

/* Canonical name: the most used spelling among the longest (full) ones. */
static int name_entities(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		entity *e = &ev->v[i];
		if (e->into >= 0)
			continue;
		size_t best = 0, bw = 0;
		for (size_t k = 0; k < e->nvariants; k++) {
			char *vk = entity_key(e->variants[k], strlen(e->variants[k]));
			if (!vk)
				return PRECIS_ENOMEM;
			size_t w = key_words(vk);
			free(vk);
			if (k == 0 || w > bw || (w == bw && e->vcount[k] > e->vcount[best])) {
				best = k;
				bw = w;
			}
		}
		if (!(e->name = strdup(e->variants[best])))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int cmp_entity(const void *a, const void *b)
{
	const entity *x = *(const entity *const *)a, *y = *(const entity *const *)b;
	if (x->mentions != y->mentions)
		return x->mentions < y->mentions ? 1 : -1;
	if (x->first != y->first)
		return (x->first > y->first) - (x->first < y->first);
	return strcmp(x->key, y->key);
}

/* ----------------------------------------------------------- agencies */

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80 || c == '-';
}

/*
 * One pass over the words of the whole page (credits and signatures name
 * agencies too), exact case, whole words: "AP" is not in "APPEL", "AFP"
 * not in "AFPTV". Names of several words are tried longest first.
 */
static int find_agencies(entvec *ev, const char *text, size_t len)
{
	px_agencies *t = NULL;
	int rc = px_agencies_new(&t);
	size_t maxwords = rc ? 0 : px_agencies_maxwords(t), i = 0;
	while (!rc && maxwords && i < len) {
		if (!word_char((unsigned char)text[i]) ||
		    (i > 0 && word_char((unsigned char)text[i - 1]))) {
			i++;
			continue;
		}
		if (!px_agency_may_start(t, (unsigned char)text[i])) {
			while (i < len && word_char((unsigned char)text[i]))
				i++;
			continue;
		}
		/* Words joined by single spaces: a name does not run across a comma or a line. */
		px_token w[8];
		size_t nw = 0, j = i;
		while (nw < maxwords && nw < 8) {
			w[nw].start = j;
			while (j < len && word_char((unsigned char)text[j]))
				j++;
			w[nw++].end = j;
			if (j + 1 >= len || text[j] != ' ' || !word_char((unsigned char)text[j + 1]))
				break;
			j++;
		}
		const char *canon;
		size_t clen, used = px_agency_match(t, text, w, nw, &canon, &clen);
		if (used)
			rc = mention_text(ev, canon, clen, i, NULL);
		i = w[used ? used - 1 : 0].end;
	}
	px_agencies_free(t);
	return rc;
}

/* ------------------------------------------------------------- quotes */

typedef struct {
	precis_quote *v;
	int *uopen, *uclose; /* units where each quote opens and closes */
	size_t n, cap;
} quotevec;

static int32_t close_of(int32_t open)
{
	switch (open) {
	case 0xAB: return 0xBB;     /* « » */
	case 0x201C: return 0x201D; /* “ ” */
	case '"': return '"';
	default: return 0;
	}
}

static int push_quote(quotevec *qv, precis_span sp, int uo, int uc)
{
	if (qv->n == qv->cap) {
		size_t nc = qv->cap ? qv->cap * 2 : 8;
		precis_quote *nq = realloc(qv->v, nc * sizeof *nq);
		if (!nq)
			return PRECIS_ENOMEM;
		qv->v = nq;
		int *no = realloc(qv->uopen, nc * sizeof *no);
		if (!no)
			return PRECIS_ENOMEM;
		qv->uopen = no;
		int *nc2 = realloc(qv->uclose, nc * sizeof *nc2);
		if (!nc2)
			return PRECIS_ENOMEM;
		qv->uclose = nc2;
		qv->cap = nc;
	}
	qv->v[qv->n] = (precis_quote){ sp, NULL };
	qv->uopen[qv->n] = uo;
	qv->uclose[qv->n] = uc;
	qv->n++;
	return 0;
}

static int count_tok(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

/* Does the text between two units break the paragraph? */
static bool paragraph_break(const char *text, size_t from, size_t to)
{
	return from < to && memchr(text + from, '\n', to - from) != NULL;
}

/*
 * Quotes in one pass over the headline and the sentences. A quote may run
 * over several sentences of a paragraph; an opening mark left unclosed at
 * the end of its paragraph is dropped. Marks inside an open quote other
 * than its closing one are part of the quote.
 */
static int find_quotes(quotevec *qv, const precis_doc *d)
{
	const char *t = d->text;
	int32_t want = 0;
	size_t qs = 0, prev_end = 0;
	int uopen = 0;
	int rc = 0;
	for (size_t s = 0; s <= d->nsents && !rc; s++) {
		precis_span sp = s == 0 ? d->headline : d->sents[s - 1];
		if (sp.end <= sp.start)
			continue;
		if (want && (s == 1 || paragraph_break(t, prev_end, sp.start)))
			want = 0;
		prev_end = sp.end;
		for (size_t i = sp.start; i < sp.end && !rc;) {
			size_t clen;
			int32_t cp = px_utf8_decode(t + i, sp.end - i, &clen);
			if (want && cp == want) {
				size_t adv;
				size_t a = qs, b = i;
				while (a < b && px_cp_is_space(px_utf8_decode(t + a, b - a, &adv)))
					a += adv;
				/* Blanks, and a comma that belongs to the reporting sentence ("here," he said). */
				while (b > a) {
					size_t k = b - 1;
					while (k > a && ((unsigned char)t[k] & 0xC0) == 0x80)
						k--;
					if (!px_cp_is_space(px_utf8_decode(t + k, b - k, &adv)) && t[k] != ',')
						break;
					b = k;
				}
				size_t words = 0;
				px_tokenize(t + a, b - a, d->lang, count_tok, &words);
				if (words >= MIN_QUOTE_WORDS)
					rc = push_quote(qv, (precis_span){ a, b }, uopen, (int)s);
				want = 0;
				i += clen;
				continue;
			}
			if (!want && (want = close_of(cp))) {
				qs = i + clen;
				uopen = (int)s;
			}
			i += clen;
		}
	}
	return rc;
}

/* First token starting at or after byte pos. */
static size_t tok_lower_bound(const tok *v, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First person mention starting at or after byte pos. */
static size_t pm_lower_bound(const pmention *pm, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pm[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int cmp_pm(const void *a, const void *b)
{
	const pmention *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

typedef enum { REP_NONE, REP_VERB, REP_SOURCE, REP_PRONOUN } rep_kind;

/* The reporting phrase starting at token k, if any; *len its tokens. */
static rep_kind reporting_at(const lists *L, const tok *v, size_t n, size_t k, size_t *len)
{
	if ((*len = phrase_at(L, P_PRONOUN_REP, v, n, k, NULL)))
		return REP_PRONOUN;
	if ((*len = phrase_at(L, P_SOURCE, v, n, k, NULL)))
		return REP_SOURCE;
	if ((*len = phrase_at(L, P_REPORTING, v, n, k, NULL))) {
		/* "il a déclaré", "he said": the subject is a pronoun. */
		size_t b = k;
		if (b > 0 && v[b - 1].unit == v[k].unit && in_set(L, W_AUX, &v[b - 1]))
			b--;
		if (b > 0 && v[b - 1].unit == v[k].unit && in_set(L, W_PRONOUNS, &v[b - 1]))
			return REP_PRONOUN;
		return REP_VERB;
	}
	return REP_NONE;
}

struct attrib {
	const tok *v;
	size_t n;
	const lists *L;
	const pmention *pm;
	size_t npm;
	const char *text;
};

#define NO_MENTION ((size_t)-1)

/*
 * "avec le chancelier Olaf Scholz, a dit": a name after a preposition
 * (within three words, no comma between) is an object, not the subject.
 */
static bool after_preposition(const struct attrib *c, const pmention *m)
{
	size_t k = tok_lower_bound(c->v, c->n, m->start);
	size_t next = m->start;
	for (size_t back = 0; k > 0 && back < 3; back++) {
		const tok *t = &c->v[--k];
		if (t->unit != m->unit || memchr(c->text + t->end, ',', next - t->end) ||
		    memchr(c->text + t->end, ';', next - t->end) ||
		    memchr(c->text + t->end, ':', next - t->end))
			return false;
		/* "Secretary of State Antony Blinken": the preposition is inside a title. */
		if (in_set(c->L, W_OBJPREP, t))
			return !(k > 0 && c->v[k - 1].unit == t->unit && c->v[k - 1].cap &&
				 in_set(c->L, W_HONOR, &c->v[k - 1]));
		next = t->start;
	}
	return false;
}

/*
 * The first (or last) person mention outside quotes starting in bytes
 * [from, to); subjects only: not after a preposition.
 */
static size_t mention_in(const struct attrib *c, size_t from, size_t to, bool last, bool subject)
{
	size_t found = NO_MENTION;
	for (size_t k = pm_lower_bound(c->pm, c->npm, from); k < c->npm && c->pm[k].start < to;
	     k++) {
		if (c->pm[k].quoted || c->pm[k].who < 0 || (subject && after_preposition(c, &c->pm[k])))
			continue;
		found = k;
		if (!last)
			break;
	}
	return found;
}

static int64_t who_of(const struct attrib *c, size_t m)
{
	return m == NO_MENTION ? -1 : c->pm[m].who;
}

/*
 * "a-t-il ajouté", "he said": the last person named as a subject since the
 * quote before; else whoever spoke that quote, if it was in this or the
 * previous sentence; else the last subject named outside quotes in this or
 * the two sentences before. Each quote looks only at the mentions since the
 * previous one, so all quotes together look at each mention once.
 */
static int64_t pronoun_speaker(const struct attrib *c, const quotevec *qv, const int64_t *who,
			       size_t q, size_t before)
{
	int unit = qv->uopen[q];
	if (q > 0) {
		size_t m = mention_in(c, qv->v[q - 1].span.end, before, true, true);
		if (m != NO_MENTION && c->pm[m].unit >= unit - 2)
			return c->pm[m].who;
		if (who[q - 1] >= 0 && qv->uclose[q - 1] >= unit - 1)
			return who[q - 1];
	}
	size_t k = pm_lower_bound(c->pm, c->npm, before);
	for (size_t steps = 0; k > 0 && steps < 64; steps++) {
		const pmention *m = &c->pm[--k];
		if (m->unit < unit - 2)
			break;
		if (!m->quoted && m->who >= 0 && !after_preposition(c, m))
			return m->who;
	}
	return -1;
}

/* A "que"/"that" between bytes a and b: a name after it is no subject ("annoncé que Kim"). */
static bool that_between(const struct attrib *c, size_t a, size_t b)
{
	for (size_t k = tok_lower_bound(c->v, c->n, a); k < c->n && c->v[k].start < b; k++)
		if (in_set(c->L, W_THAT, &c->v[k]))
			return true;
	return false;
}

/* "Kim Jong Un : « ... »" (headlines): only a colon, blanks and the mark between. */
static bool name_colon(const char *text, size_t from, size_t to)
{
	bool colon = false;
	for (size_t i = from; i < to;) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + i, to - i, &adv);
		if (cp == ':')
			colon = true;
		else if (!px_cp_is_space(cp) && !close_of(cp))
			return false;
		i += adv;
	}
	return colon;
}

/*
 * The speaker of quote q, by the nearest reporting phrase outside it:
 * after it ("», a déclaré X", "\" X said") or before it ("X a dit « »",
 * "selon X, « »"). Windows are a few tokens wide and stop at the
 * neighbouring quotes, so each quote costs a bounded amount of work.
 */
static int64_t speaker_of(const struct attrib *c, const quotevec *qv, const int64_t *who, size_t q)
{
	const tok *v = c->v;
	precis_span sp = qv->v[q].span;
	size_t next_qs = q + 1 < qv->n ? qv->v[q + 1].span.start : (size_t)-1;
	size_t prev_qe = q > 0 ? qv->v[q - 1].span.end : 0;
	int uc = qv->uclose[q], uo = qv->uopen[q];
	size_t len;
	/* After the quote. */
	size_t a = tok_lower_bound(v, c->n, sp.end);
	for (size_t k = a; k < c->n && k < a + QUOTE_WINDOW && v[k].unit == uc && v[k].start < next_qs;
	     k++) {
		rep_kind r = reporting_at(c->L, v, c->n, k, &len);
		if (r == REP_NONE)
			continue;
		if (r == REP_PRONOUN)
			return pronoun_speaker(c, qv, who, q, sp.start);
		/* "», Angela Merkel said", "\" Putin told Kim": the subject comes first. */
		size_t m = mention_in(c, sp.end, v[k].start, true, true);
		if (m != NO_MENTION)
			return c->pm[m].who;
		for (size_t x = a; x < k; x++)
			if (v[x].cap && !v[x].first && v[x].num < 0)
				return -1; /* a subject we cannot name ("Moscow said"): not the object after */
		/* "», a déclaré aux journalistes Iouri Ouchakov", "said Jens Stoltenberg". */
		size_t vend = v[k + len - 1].end, e = k + len;
		while (e < c->n && e < k + len + 6 && v[e].unit == uc && v[e].start < next_qs)
			e++;
		m = e > k + len ? mention_in(c, vend, v[e - 1].end, false, false) : NO_MENTION;
		if (m != NO_MENTION && !that_between(c, vend, c->pm[m].start))
			return c->pm[m].who;
		if (r == REP_SOURCE)
			return -1;
		break;
	}
	/* Before the quote. */
	size_t b = tok_lower_bound(v, c->n, sp.start);
	for (size_t k = b; k > 0 && b - k < QUOTE_WINDOW; k--) {
		const tok *t = &v[k - 1];
		if (t->unit != uo || t->start < prev_qe)
			break;
		rep_kind r = reporting_at(c->L, v, c->n, k - 1, &len);
		if (r == REP_NONE)
			continue;
		if (r == REP_PRONOUN)
			return pronoun_speaker(c, qv, who, q, t->start);
		if (r == REP_SOURCE)
			return who_of(c, mention_in(c, t->end, sp.start, false, false));
		/*
		 * "Kim Jong-un a dit s'attendre à « »", "M. Zelensky, qui ... avec
		 * Olaf Scholz, a dit": the subject before the verb.
		 */
		size_t s0 = k - 1;
		while (s0 > 0 && k - 1 - s0 < SUBJECT_WINDOW && v[s0 - 1].unit == uo &&
		       v[s0 - 1].start >= prev_qe)
			s0--;
		size_t m = mention_in(c, v[s0].start, t->start, true, true);
		if (m != NO_MENTION)
			return c->pm[m].who;
		/* "a déclaré Iouri Ouchakov : « »", but not "a annoncé que Kim allait « »". */
		m = mention_in(c, t->end, sp.start, false, false);
		if (m != NO_MENTION && !that_between(c, t->end, c->pm[m].start))
			return c->pm[m].who;
		return -1;
	}
	size_t m = pm_lower_bound(c->pm, c->npm, sp.start);
	if (m > 0 && !c->pm[m - 1].quoted && c->pm[m - 1].who >= 0 && c->pm[m - 1].end >= prev_qe &&
	    c->pm[m - 1].unit == uo && name_colon(c->text, c->pm[m - 1].end, sp.start))
		return c->pm[m - 1].who;
	return -1;
}

/* Mark tokens and person mentions inside quotes (both sorted by offset). */
static void mark_quoted(tok *v, size_t n, pmention *pm, size_t npm, const quotevec *qv)
{
	size_t q = 0;
	for (size_t i = 0; i < n; i++) {
		while (q < qv->n && qv->v[q].span.end <= v[i].start)
			q++;
		v[i].quoted = q < qv->n && v[i].start >= qv->v[q].span.start;
	}
	q = 0;
	for (size_t i = 0; i < npm; i++) {
		while (q < qv->n && qv->v[q].span.end <= pm[i].start)
			q++;
		pm[i].quoted = q < qv->n && pm[i].start >= qv->v[q].span.start;
	}
}

/* ---------------------------------------------------------- event date */

/*
 * How much a date says "this is when it happened": specific dates in the
 * headline and the lead weigh most; background ("l'an dernier", "en
 * 2000", "septembre dernier") weighs little or nothing.
 */
static int date_weight(const precis_date *d, int unit)
{
	int w;
	switch (d->kind) {
	case PRECIS_DATE_FULL:
	case PRECIS_DATE_DAY_MONTH: w = 4; break;
	case PRECIS_DATE_WEEKDAY: w = d->last ? 1 : 3; break;
	case PRECIS_DATE_RELATIVE: w = d->offset_unit == 'd' ? 3 : 0; break;
	case PRECIS_DATE_MONTH: w = d->last ? 0 : 1; break;
	default: w = 0; break;
	}
	int place = unit == 0 ? 3 : unit <= 3 ? 2 : 1;
	return w * place;
}

/* ---------------------------------------------------------------- API */

struct precis_meta {
	precis_date *dates;
	int *date_units;
	size_t ndates;
	precis_entity *places, *persons, *agencies;
	size_t nplaces, npersons, nagencies;
	precis_quote *quotes;
	size_t nquotes;
	entvec eplaces, epersons, eagencies;
	precis_ymd pub;
};

static int export(precis_entity **out, size_t *nout, const entvec *ev)
{
	size_t live = 0;
	for (size_t i = 0; i < ev->n; i++)
		live += ev->v[i].into < 0;
	const entity **order = malloc((live ? live : 1) * sizeof *order);
	*out = calloc(live ? live : 1, sizeof **out);
	if (!order || !*out) {
		free(order);
		return PRECIS_ENOMEM;
	}
	size_t k = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->v[i].into < 0)
			order[k++] = &ev->v[i];
	if (live > 1)
		qsort(order, live, sizeof *order, cmp_entity);
	for (size_t i = 0; i < live; i++)
		(*out)[i] = (precis_entity){ order[i]->name, order[i]->mentions, order[i]->first,
					     (const char *const *)order[i]->variants, order[i]->key };
	*nout = live;
	free(order);
	return 0;
}

static int build_lowers(px_strmap **lowers, px_strmap **caps, const tok *v, size_t n,
			const arena *fold, const size_t *foff)
{
	int rc = px_strmap_new(lowers);
	if (!rc)
		rc = px_strmap_new(caps);
	for (size_t i = 0; !rc && i < n; i++) {
		if (v[i].num >= 0)
			continue;
		int64_t id;
		rc = px_strmap_intern(v[i].cap ? *caps : *lowers, fold->buf + foff[i], v[i].flen, &id,
				      NULL);
	}
	return rc;
}

int precis_meta_new(precis_meta **out, precis_analyzer *a, const precis_doc *d, const char *pubdate)
{
	if (!out || !a || !d)
		return PRECIS_EINVAL;
	precis_meta *m = calloc(1, sizeof *m);
	if (!m)
		return PRECIS_ENOMEM;
	/* An unreadable pubdate is no reference: dates then resolve only when absolute. */
	if (pubdate)
		precis_ymd_parse(&m->pub, pubdate);
	lists L;
	gazetteer g = { 0 };
	struct tokctx tc = { 0 };
	struct people pp = { 0 };
	quotevec qv = { 0 };
	datevec dv = { 0 };
	px_strmap *lowers = NULL, *caps = NULL;
	int rc = load_lists(&L, d->lang);
	if (!rc)
		rc = gaz_load(&g, &L);
	if (!rc)
		rc = tokenize_doc(&tc, d);
	if (!rc)
		rc = build_lowers(&lowers, &caps, tc.v, tc.n, &tc.fold, tc.foff);
	if (!rc)
		rc = split_glued(&tc, caps, lowers);
	if (!rc) {
		tokens_rebase(&tc, &L);
		rc = find_dates(&dv, tc.v, tc.n, &L, d->text, d->lang);
	}
	if (!rc) {
		pp = (struct people){ d, a, &L, &g, tc.v, tc.n, &m->eplaces, &m->epersons,
				      { 0 }, lowers, NULL, 0, 0, NULL, 0, 0 };
		rc = scan_names(&pp);
	}
	if (!rc)
		rc = classify_runs(&pp);
	if (!rc)
		rc = merge_people(&pp);
	if (!rc)
		rc = find_agencies(&m->eagencies, d->text, d->len);
	if (!rc)
		rc = name_entities(&m->eplaces);
	if (!rc)
		rc = name_entities(&m->epersons);
	if (!rc)
		rc = name_entities(&m->eagencies);
	if (!rc)
		rc = find_quotes(&qv, d);
	if (!rc) {
		if (pp.npm > 1)
			qsort(pp.pm, pp.npm, sizeof *pp.pm, cmp_pm);
		mark_quoted(tc.v, tc.n, pp.pm, pp.npm, &qv);
		struct attrib at = { tc.v, tc.n, &L, pp.pm, pp.npm, d->text };
		int64_t *who = malloc((qv.n ? qv.n : 1) * sizeof *who);
		if (!who)
			rc = PRECIS_ENOMEM;
		for (size_t q = 0; !rc && q < qv.n; q++) {
			who[q] = speaker_of(&at, &qv, who, q);
			qv.v[q].speaker = who[q] >= 0 ? m->epersons.v[who[q]].name : NULL;
		}
		free(who);
	}
	if (!rc)
		rc = export(&m->places, &m->nplaces, &m->eplaces);
	if (!rc)
		rc = export(&m->persons, &m->npersons, &m->epersons);
	if (!rc)
		rc = export(&m->agencies, &m->nagencies, &m->eagencies);
	m->quotes = qv.v;
	m->nquotes = qv.n;
	m->dates = dv.v;
	m->date_units = dv.unit;
	m->ndates = dv.n;
	free(qv.uopen);
	free(qv.uclose);
	free(pp.pm);
	free(pp.runs);
	px_strmap_free(lowers);
	px_strmap_free(caps);
	entvec_free(&pp.singles);
	free(tc.v);
	free(tc.foff);
	free(tc.fold.buf);
	lists_free(&L);
	gaz_free(&g);
	if (rc) {
		precis_meta_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void precis_meta_free(precis_meta *m)
{
	if (!m)
		return;
	free(m->dates);
	free(m->date_units);
	free(m->places);
	free(m->persons);
	free(m->agencies);
	free(m->quotes);
	entvec_free(&m->eplaces);
	entvec_free(&m->epersons);
	entvec_free(&m->eagencies);
	free(m);
}

const precis_date *precis_meta_dates(const precis_meta *m, size_t *n)
{
	*n = m->ndates;
	return m->dates;
}

const precis_entity *precis_meta_places(const precis_meta *m, size_t *n)
{
	*n = m->nplaces;
	return m->places;
}

const precis_entity *precis_meta_persons(const precis_meta *m, size_t *n)
{
	*n = m->npersons;
	return m->persons;
}

const precis_entity *precis_meta_agencies(const precis_meta *m, size_t *n)
{
	*n = m->nagencies;
	return m->agencies;
}

const precis_quote *precis_meta_quotes(const precis_meta *m, size_t *n)
{
	*n = m->nquotes;
	return m->quotes;
}

/*
 * Every date that resolves votes for its day or range with its weight;
 * the range with the most weight wins, the earliest mention breaking ties.
 * Votes are summed in one pass over dates sorted by range, so many dates
 * cost n log n.
 */
struct vote {
	precis_ymd first, last;
	int weight;
	size_t order;
};

static int cmp_vote(const void *a, const void *b)
{
	const struct vote *x = a, *y = b;
	long d = px_days_from_ymd(x->first) - px_days_from_ymd(y->first);
	if (d == 0)
		d = px_days_from_ymd(x->last) - px_days_from_ymd(y->last);
	if (d == 0)
		d = (long)x->order - (long)y->order;
	return (d > 0) - (d < 0);
}

int precis_meta_event_date(const precis_meta *m, precis_ymd *first, precis_ymd *last)
{
	if (m->ndates == 0)
		return PRECIS_EEMPTY;
	struct vote *v = malloc(m->ndates * sizeof *v);
	if (!v)
		return PRECIS_ENOMEM;
	size_t nv = 0;
	for (size_t i = 0; i < m->ndates; i++) {
		int w = date_weight(&m->dates[i], m->date_units[i]);
		precis_ymd a, b;
		if (w > 0 && precis_date_resolve(&a, &b, &m->dates[i], m->pub) == 0)
			v[nv++] = (struct vote){ a, b, w, i };
	}
	if (nv > 1)
		qsort(v, nv, sizeof *v, cmp_vote);
	int best_w = 0;
	size_t best = 0, best_order = 0;
	for (size_t i = 0; i < nv;) {
		size_t j = i;
		int w = 0;
		size_t order = v[i].order; /* sorted: the group's earliest mention */
		while (j < nv && cmp_vote(&(struct vote){ v[i].first, v[i].last, 0, 0 },
					  &(struct vote){ v[j].first, v[j].last, 0, 0 }) == 0)
			w += v[j++].weight;
		if (w > best_w || (w == best_w && order < best_order)) {
			best_w = w;
			best = i;
			best_order = order;
		}
		i = j;
	}
	int rc = PRECIS_EEMPTY;
	if (best_w > 0) {
		*first = v[best].first;
		*last = v[best].last;
		rc = 0;
	}
	free(v);
	return rc;
}
