/*
 * meta_words: the cue lists of meta-<lang>.txt (word sets and phrases,
 * one lexicon for all) and the tokenizer that turns a doc into the token
 * array every matcher scans.
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
#include "meta_priv.h"
#include "stopwords.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ------------------------------------------------------------- lists */

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

void px_meta_lists_free(lists *l)
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
	if (px_vec_reserve((void **)&l->val[set], &l->nval[set], (size_t)id + 1, sizeof *l->val[set]))
		return PRECIS_ENOMEM;
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
	if (px_meta_arena_add(&b->ph->w[b->ph->n], b->words, buf, fl))
		return b->err = PRECIS_ENOMEM;
	b->ph->n++;
	return 0;
}

/* "la semaine dernière = -1w": words tokenized as the text will be. */
static int phrase_add(lists *l, int list, const char *p, size_t len, const char *lang)
{
	phrase_list *pl = &l->ph[list];
	if (px_vec_reserve((void **)&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v))
		return PRECIS_ENOMEM;
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
		if (px_vec_reserve((void **)&pl->head, &pl->caphead, (size_t)id + 1, sizeof *pl->head))
			return PRECIS_ENOMEM;
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
lexent *px_meta_lex_entry(lists *l, const char *w, size_t n)
{
	int64_t id;
	int added;
	if (px_strmap_intern(l->lex, w, n, &id, &added))
		return NULL;
	if (px_vec_reserve((void **)&l->lexv, &l->nlex, (size_t)id + 1, sizeof *l->lexv))
		return NULL;
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
			lexent *e = px_meta_lex_entry(l, w, n);
			if (!e)
				return PRECIS_ENOMEM;
			e->mask |= 1u << s;
			e->val[s] = l->val[s][id];
		}
	for (int p = 0; p < P_COUNT && !rc; p++)
		for (size_t id = 0; id < px_strmap_count(l->ph[p].first); id++) {
			size_t n;
			const char *w = px_strmap_key(l->ph[p].first, (int64_t)id, &n);
			lexent *e = px_meta_lex_entry(l, w, n);
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

int px_meta_load_lists(lists *l, const char *lang)
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

/* The longest phrase of list starting at token i (same unit): tokens used, 0 if none. */
size_t px_meta_phrase_at(const lists *L, int list, const tok *v, size_t n, size_t i,
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
size_t px_meta_fold_word(char *buf, size_t cap, const char *s, size_t n)
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
	if (px_vec_reserve((void **)&c->v, &c->cap, c->n + 1, sizeof *c->v) ||
	    px_vec_reserve((void **)&c->foff, &c->capoff, c->n + 1, sizeof *c->foff))
		return c->err = PRECIS_ENOMEM;
	char buf[256];
	size_t fl = px_meta_fold_word(buf, sizeof buf, c->text + start, end - start);
	if (fl == (size_t)-1)
		return 0; /* an overlong word names nothing */
	if (px_meta_arena_add(&c->foff[c->n], &c->fold, buf, fl))
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

int px_meta_tokenize_doc(struct tokctx *c, const precis_doc *d)
{
	c->text = d->text;
	for (size_t s = 0; s <= d->nsents && !c->err; s++) {
		precis_span sp = s == 0 ? d->headline : d->sents[s - 1];
		/* A bare headline is also its one sentence: read it once. */
		if (sp.end <= sp.start || (s > 0 && sp.start == d->headline.start && sp.end == d->headline.end))
			continue;
		c->unit = (int)s; /* 0 = headline */
		c->base = sp.start;
		c->first = true;
		px_tokenize(d->text + sp.start, sp.end - sp.start, d->lang, on_tok, c);
	}
	return c->err;
}

void px_meta_tokens_rebase(struct tokctx *c, const lists *L)
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
int px_meta_split_glued(struct tokctx *c, const px_strmap *caps, const px_strmap *lowers)
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
			size_t pl = px_meta_fold_word(pre, sizeof pre, s, b);
			size_t sl = px_meta_fold_word(suf, sizeof suf, s + b, len - b);
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
				if (px_meta_arena_add(&c->foff[i], &c->fold, pre, pl))
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

static void tables_free(void *p)
{
	meta_tables *t = p;
	if (!t)
		return;
	px_meta_lists_free(&t->L);
	px_meta_gaz_free(&t->g);
	free(t);
}

static int tables_build(void **out, const void *arg)
{
	const char *lang = ((const px_lang_file *)arg)->code;
	meta_tables *t = calloc(1, sizeof *t);
	if (!t)
		return PRECIS_ENOMEM;
	int rc = px_meta_load_lists(&t->L, lang);
	if (!rc)
		rc = px_meta_gaz_load(&t->g, &t->L);
	if (rc) {
		tables_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int px_meta_tables(const meta_tables **out, const char *lang)
{
	static px_lang_once once;
	void *t;
	int rc = px_lang_data_get(&t, &once, "stopwords/cues/meta-", lang, tables_build, tables_free);
	if (!rc)
		*out = t;
	return rc;
}
