/*
 * clean: turn a scraped news page into an article. Each non-blank line is
 * kept or dropped with a reason; the headline, the outlet and the agency
 * signatures are found on the way.
 *
 * Passes, from the most specific evidence to layout:
 *   1. each line alone: markup, script, template tokens, breadcrumbs,
 *      photo credits, agency names, cue phrases from the data files,
 *      date lines, bylines;
 *   2. repeats: a paragraph or title printed twice (also nearly), a site
 *      name printed in header and footer;
 *   3. layout: where the body starts (the lead) and ends; runs of short
 *      lines are menus; the headline is looked for above the lead;
 *      unexplained fragments above the lead or below the last paragraph
 *      are page furniture.
 * A real sentence is protected: cue phrases only drop lines up to a
 * length, and layout rules never touch a line that ends like a sentence.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "clean.h"
#include "data.h"
#include "strmap.h"
#include "text.h"
#include "token.h"

#define START_WORDS 20     /* default length limit of ^ cues */
#define ANY_WORDS 60       /* default length limit of * cues; longer lines are body */
#define LINE_CUE_BYTES 256 /* = cues only look at lines this short */
#define MENU_WORDS 6       /* runs of lines this short may be menus */
#define ITEM_WORDS 3       /* a menu entry has at most this many words (headlines have more) */
#define SITE_WORDS 4       /* a site name has at most this many words */
#define PARAGRAPH_WORDS 8  /* a line ending like a sentence and this long is a paragraph */
#define LEAD_WORDS 12      /* the first paragraph this long starts the body */
#define DECK_WORDS 12      /* a standfirst under the headline is longer than this */
#define LONG_WORDS 30      /* a line this long is a paragraph even without final stop */
#define TITLE_MAX 40       /* a headline (with its site suffix) has at most this many words */
#define HEAD_LINES 20      /* the headline is looked for among these lines */
#define DATE_WORDS 14      /* a date line has at most this many words */
#define BYLINE_WORDS 10    /* "Par Jean Dupont", "By A and B, BBC News" */
#define NEAR_WORDS 12      /* near-duplicates are looked for among lines this long */
#define NEAR_DUPLICATE 0.8 /* word-set Jaccard of two copies of one paragraph */
#define NEAR_CANDIDATES 16 /* earlier lines compared per shared key */
#define MAX_TOKENS 16      /* agency-only and name-like lines have fewer tokens */

/* ------------------------------------------------------------- cue data */

enum match { MATCH_LINE, MATCH_START, MATCH_ANY, MATCH_END };

typedef struct {
	const char *reason;  /* static */
	enum match how;
	size_t max_words;
	const char *part[3]; /* NUL-terminated, in the arena; MATCH_LINE: a skeleton */
	size_t nparts;
} cue;

/* Plain word lists of the cue files (sections that are not reasons). */
enum {
	LIST_OUTLET,    /* [outlet]: outlets that sign their pages */
	LIST_DATEWORD,  /* [dateword]: words of a date line besides numbers */
	LIST_SIGNATURE, /* [signature-word]: words around agencies ("avec", "source") */
	LIST_OWNER,     /* [owner-word]: joins an outlet to its agencies ("avec", "with") */
	LIST_UNNAMED,   /* [unnamed-agencies]: agencies not named ("agences") */
	LIST_COUNT
};

static const char *const list_sections[LIST_COUNT] = {
	"outlet", "dateword", "signature-word", "owner-word", "unnamed-agencies"
};

typedef struct {
	cue *cues;
	size_t ncues, capcues;
	const char **list[LIST_COUNT];
	size_t nlist[LIST_COUNT], capwords;
	px_agencies *agencies;
	char *arena;
	size_t alen, acap;
} cueset;

/* The reasons a data file may name; the strings returned to callers. */
static const char *const cue_reasons[] = {
	"nav", "share", "comments", "newsletter", "consent", "teaser", "copyright", "credit",
	"ad", "byline", "support", "template", "signature", "widget", "paywall", NULL
};

static void cueset_free(cueset *c)
{
	free(c->cues);
	for (int i = 0; i < LIST_COUNT; i++)
		free(c->list[i]);
	px_agencies_free(c->agencies);
	free(c->arena);
}

/* Copy s into the arena, NUL-terminated (the arena is sized up front). */
static const char *arena_copy(cueset *c, const char *s, size_t len)
{
	char *d = c->arena + c->alen;
	memcpy(d, s, len);
	d[len] = '\0';
	c->alen += len + 1;
	return d;
}

/*
 * The skeleton of folded text: letters (digits too when keep_digits),
 * apostrophes and hyphens inside words; every other run becomes one
 * space, none at either end. out has room for len + 1 bytes.
 */
static size_t skeleton(char *out, const char *s, size_t len, bool keep_digits)
{
	size_t o = 0;
	bool gap = false;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		bool keep = px_cp_is_letter(cp) || (keep_digits && px_cp_is_digit(cp));
		/* An apostrophe or hyphen stays between two kept characters. */
		if (!keep && o > 0 && !gap && (px_cp_is_apostrophe(cp) || px_cp_is_hyphen(cp)) &&
		    i + adv < len) {
			size_t nadv;
			int32_t next = px_utf8_decode(s + i + adv, len - i - adv, &nadv);
			keep = px_cp_is_letter(next) || (keep_digits && px_cp_is_digit(next));
		}
		if (keep) {
			if (gap && o > 0)
				out[o++] = ' ';
			gap = false;
			memcpy(out + o, s + i, adv);
			o += adv;
		} else {
			gap = true;
		}
		i += adv;
	}
	out[o] = '\0';
	return o;
}

static const char *reason_named(const char *s, size_t len)
{
	for (const char *const *r = cue_reasons; *r; r++)
		if (strlen(*r) == len && memcmp(*r, s, len) == 0)
			return *r;
	return NULL;
}

static int push_word(cueset *c, int list, const char *s, size_t len)
{
	if (c->nlist[list] == c->capwords)
		return PRECIS_EFORMAT; /* the lists are ours: a cap hit is a data bug */
	c->list[list][c->nlist[list]++] = arena_copy(c, s, len);
	return 0;
}

/* "[reason words=N]": the section's reason (or list) and length limit. */
static int parse_section(const char *p, size_t len, const char **reason, int *list,
			 size_t *max_words)
{
	size_t e = 1;
	while (e < len && p[e] != ']' && p[e] != ' ')
		e++;
	*reason = reason_named(p + 1, e - 1);
	*list = -1;
	for (int i = 0; i < LIST_COUNT && !*reason && *list < 0; i++)
		if (strlen(list_sections[i]) == e - 1 && memcmp(p + 1, list_sections[i], e - 1) == 0)
			*list = i;
	if (!*reason && *list < 0)
		return PRECIS_EFORMAT;
	*max_words = 0;
	if (e < len && p[e] == ' ') {
		if (len - e < 8 || memcmp(p + e, " words=", 7) != 0)
			return PRECIS_EFORMAT;
		for (e += 7; e < len && p[e] >= '0' && p[e] <= '9'; e++)
			*max_words = *max_words * 10 + (size_t)(p[e] - '0');
	}
	return e < len && p[e] == ']' ? 0 : PRECIS_EFORMAT;
}

/* "^ a + b": up to three phrases joined by " + ". */
static int parse_cue(cueset *c, const char *reason, size_t max_words, const char *p, size_t len)
{
	if (len < 3 || p[1] != ' ' || !strchr("=^*$", p[0]))
		return PRECIS_EFORMAT;
	if (c->ncues == c->capcues)
		return PRECIS_EFORMAT;
	cue *k = &c->cues[c->ncues++];
	memset(k, 0, sizeof *k);
	k->reason = reason;
	k->how = p[0] == '=' ? MATCH_LINE : p[0] == '^' ? MATCH_START : p[0] == '*' ? MATCH_ANY : MATCH_END;
	k->max_words = max_words ? max_words : k->how == MATCH_START ? START_WORDS : ANY_WORDS;
	const char *s = p + 2, *end = p + len;
	while (s < end) {
		const char *plus = s;
		while (plus + 3 <= end && memcmp(plus, " + ", 3) != 0)
			plus++;
		if (plus + 3 > end)
			plus = end;
		if (k->nparts == 3 || plus == s)
			return PRECIS_EFORMAT;
		if (k->how == MATCH_LINE) {
			char *d = c->arena + c->alen;
			c->alen += skeleton(d, s, (size_t)(plus - s), false) + 1;
			k->part[k->nparts++] = d;
		} else {
			k->part[k->nparts++] = arena_copy(c, s, (size_t)(plus - s));
		}
		s = plus < end ? plus + 3 : end;
	}
	return 0;
}

struct cue_walk {
	cueset *c;
	const char *reason;
	int list;
	size_t max_words;
};

static int cue_line(const px_data_line *d, void *ctx)
{
	struct cue_walk *w = ctx;
	cueset *c = w->c;
	if (d->nth == 0)
		return parse_section(d->text, d->len, &w->reason, &w->list, &w->max_words);
	if (w->list >= 0)
		return push_word(c, w->list, d->text, d->len);
	if (w->reason)
		return parse_cue(c, w->reason, w->max_words, d->text, d->len);
	return PRECIS_EFORMAT; /* a cue before any section */
}

static int load_cue_file(cueset *c, const px_datafile *f)
{
	struct cue_walk w = { c, NULL, -1, 0 };
	return px_data_sections(f, cue_line, &w);
}

/*
 * The cues for lang, then the English ones (English widget text shows up
 * on pages in every language), and the agency table.
 */
static int load_cues(cueset *c, const char *lang)
{
	memset(c, 0, sizeof *c);
	const px_datafile *files[2] = { NULL, NULL };
	char path[64];
	if (lang && strcmp(lang, "en") != 0 && strlen(lang) < 8) {
		snprintf(path, sizeof path, "stopwords/cues/clean-%s.txt", lang);
		files[0] = px_data_find(path);
	}
	files[1] = px_data_find("stopwords/cues/clean-en.txt");
	size_t bytes = 0, lines = 0;
	for (int i = 0; i < 2; i++) {
		if (!files[i])
			continue;
		bytes += files[i]->len;
		for (size_t k = 0; k < files[i]->len; k++)
			lines += files[i]->bytes[k] == '\n' || files[i]->bytes[k] == ',';
	}
	/* Every copy is at most its source line plus a NUL. */
	c->acap = bytes + lines + 3;
	c->capcues = lines + 1;
	c->capwords = lines + 1;
	c->arena = malloc(c->acap);
	c->cues = malloc(c->capcues * sizeof *c->cues);
	bool lists = true;
	for (int i = 0; i < LIST_COUNT; i++)
		lists = (c->list[i] = malloc(c->capwords * sizeof *c->list[i])) && lists;
	int rc = c->arena && c->cues && lists ? px_agencies_new(&c->agencies) : PRECIS_ENOMEM;
	for (int i = 0; i < 2 && !rc; i++)
		if (files[i])
			rc = load_cue_file(c, files[i]);
	if (rc)
		cueset_free(c);
	return rc;
}

static bool in_list(const cueset *c, int list, const char *s, size_t len)
{
	const char *const *v = c->list[list];
	size_t n = c->nlist[list];
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], s, len) == 0)
			return true;
	return false;
}

/* ----------------------------------------------------------- line facts */

typedef struct {
	precis_span span;
	char *folded;        /* NFC, case folded, NBSP as space, ’ as ' */
	size_t flen;
	size_t words;
	bool terminal;       /* ends like a sentence */
	bool line_cue;       /* matched a whole-line cue ("Newsletter", "0 Commentaire") */
	bool by_cue;         /* dropped by a cue phrase (and nothing stronger) */
	bool agency;         /* names agencies only ("AFP", "(avec AFP)") */
	size_t dup_of;       /* for duplicates: the line it repeats */
	uint64_t *wset;      /* sorted distinct word hashes, for near-duplicates */
	size_t nwset;
	const char *reason;
} line;

typedef struct {
	line *L;
	size_t n;
	const char *text;
	const char *lang;
	const cueset *cues;
	char *scratch;       /* room for the skeleton of the longest line */
	size_t lead, last;   /* first and last body paragraph; n when none */
} page;

static int count_word(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

static size_t count_words(const char *s, size_t len, const char *lang)
{
	size_t n = 0;
	px_tokenize(s, len, lang, count_word, &n);
	return n;
}

typedef struct {
	px_token t[MAX_TOKENS];
	size_t n;
	bool overflow;
} tokens;

static int collect_token(const px_token *t, void *ctx)
{
	tokens *v = ctx;
	if (v->n == MAX_TOKENS) {
		v->overflow = true;
		return 1; /* stop: too long to be a name */
	}
	v->t[v->n++] = *t;
	return 0;
}

/* The words of a short line; false when it has more than MAX_TOKENS. */
static bool short_tokens(tokens *v, const char *s, size_t len, const char *lang)
{
	v->n = 0;
	v->overflow = false;
	px_tokenize(s, len, lang, collect_token, v);
	return !v->overflow;
}

/* Last code point of s[0..len) and its start. */
static int32_t last_cp(const char *s, size_t len, size_t *at)
{
	size_t i = len;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	size_t adv;
	*at = i;
	return len ? px_utf8_decode(s + i, len - i, &adv) : 0;
}

/* Ends with . ! ? … possibly followed by closing quotes or brackets. */
static bool ends_like_sentence(const char *s, size_t len)
{
	while (len) {
		size_t at;
		int32_t cp = last_cp(s, len, &at);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
			return true;
		if (!(cp == '"' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D ||
		      cp == 0x2019 || px_cp_is_space(cp)))
			return false;
		len = at;
	}
	return false;
}

/* Ends with a full stop (not ? or !): headlines may be questions, not statements. */
static bool ends_with_stop(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == ')'))
		len--;
	return len && s[len - 1] == '.';
}

/* Folded copy for cue matching: NBSP as space, ’ as '. */
static char *fold_line(const char *s, size_t len, size_t *outlen)
{
	size_t cap = len * 3 + 16;
	char *f = malloc(cap);
	if (!f)
		return NULL;
	size_t fl = px_fold_into(f, cap, s, len); /* Latin-1 fast path, else utf8proc */
	if (fl == (size_t)-1) {
		free(f);
		if (px_fold(&f, &fl, s, len) != 0)
			return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < fl; i++) {
		unsigned char c = (unsigned char)f[i];
		if (c == 0xC2 && i + 1 < fl && (unsigned char)f[i + 1] == 0xA0) {
			f[o++] = ' ';
			i++;
		} else if (c == 0xE2 && i + 2 < fl && (unsigned char)f[i + 1] == 0x80 &&
			   ((unsigned char)f[i + 2] == 0x99 || (unsigned char)f[i + 2] == 0xAF)) {
			f[o++] = (unsigned char)f[i + 2] == 0x99 ? '\'' : ' ';
			i += 2;
		} else {
			f[o++] = f[i];
		}
	}
	f[o] = '\0';
	*outlen = o;
	return f;
}

static bool starts_upper(const char *s, size_t len)
{
	size_t adv;
	int32_t cp = len ? px_utf8_decode(s, len, &adv) : 0;
	return px_cp_is_upper(cp) || px_cp_is_digit(cp);
}

/* Lowercase words a name may contain: "Le Petit Écho", "Voice of America". */
static bool name_connector(const char *s, size_t len)
{
	static const char *const w[] = { "de", "du", "des", "la", "le", "les", "l", "d", "of",
					 "the", "and", "et", "en", "à", "a", "y", NULL };
	for (const char *const *p = w; *p; p++)
		if (strlen(*p) == len && memcmp(*p, s, len) == 0)
			return true;
	return false;
}

/* 1 to SITE_WORDS words, each capitalized or a connector: "Le Placentin". */
static bool name_like(const page *pg, const line *l)
{
	tokens v;
	const char *s = pg->text + l->span.start;
	if (l->words == 0 || l->words > SITE_WORDS ||
	    !short_tokens(&v, s, l->span.end - l->span.start, pg->lang) || v.n == 0)
		return false;
	for (size_t i = 0; i < v.n; i++) {
		const char *w = s + v.t[i].start;
		size_t wl = v.t[i].end - v.t[i].start;
		if (!starts_upper(w, wl) && !(i > 0 && name_connector(w, wl)))
			return false;
	}
	return true;
}

static bool is_reason(const line *l, const char *r)
{
	return l->reason && strcmp(l->reason, r) == 0;
}

/* ---------------------------------------------------- single-line rules */

static bool contains_all(const char *hay, const cue *k, size_t from)
{
	for (size_t i = from; i < k->nparts; i++)
		if (!strstr(hay, k->part[i]))
			return false;
	return true;
}

/* Does f end with phrase, closing brackets and stops aside ("... (Getty Images)")? */
static bool ends_with(const char *f, const char *phrase)
{
	size_t n = strlen(f), pl = strlen(phrase);
	while (n && (f[n - 1] == ' ' || f[n - 1] == '.' || f[n - 1] == ')' || f[n - 1] == ']'))
		n--;
	return n >= pl && memcmp(f + n - pl, phrase, pl) == 0;
}

/* The first cue that matches the line, or NULL; *whole says it was a = cue. */
static const char *match_cue(const cueset *c, const line *l, bool *whole)
{
	char sk[LINE_CUE_BYTES + 1];
	bool short_line = l->flen <= LINE_CUE_BYTES;
	if (short_line)
		skeleton(sk, l->folded, l->flen, false);
	*whole = false;
	for (size_t i = 0; i < c->ncues; i++) {
		const cue *k = &c->cues[i];
		bool hit = false;
		if (k->how == MATCH_LINE)
			hit = short_line && strcmp(sk, k->part[0]) == 0;
		else if (l->words > k->max_words)
			continue;
		else if (k->how == MATCH_START)
			hit = strncmp(l->folded, k->part[0], strlen(k->part[0])) == 0 &&
			      contains_all(l->folded, k, 1);
		else if (k->how == MATCH_END)
			hit = ends_with(l->folded, k->part[0]) && contains_all(l->folded, k, 1);
		else
			hit = contains_all(l->folded, k, 0);
		if (hit) {
			*whole = k->how == MATCH_LINE;
			return k->reason;
		}
	}
	return NULL;
}

/* Is the word s[0..len), folded, in a word list of the cue files? */
static bool listed_word(const cueset *c, int list, const char *s, size_t len)
{
	char f[64];
	size_t fl = px_fold_into(f, sizeof f, s, len);
	return fl != (size_t)-1 && in_list(c, list, f, fl);
}

/* s[0..len) names agencies and nothing else: "AFP", "(avec AFP et Reuters)". */
static bool agency_only(const cueset *c, const char *s, size_t len, const char *lang)
{
	tokens v;
	if (!short_tokens(&v, s, len, lang) || v.n == 0)
		return false;
	size_t agencies = 0;
	for (size_t i = 0; i < v.n;) {
		const char *canon;
		size_t clen;
		size_t used = px_agency_match(c->agencies, s, v.t + i, v.n - i, &canon, &clen);
		const char *w = s + v.t[i].start;
		size_t wl = v.t[i].end - v.t[i].start;
		if (!used && listed_word(c, LIST_UNNAMED, w, wl))
			used = 1; /* "avec agences" */
		if (used) {
			agencies++;
			i += used;
		} else if (listed_word(c, LIST_SIGNATURE, w, wl)) {
			i++;
		} else {
			return false;
		}
	}
	return agencies > 0;
}

/*
 * "Le Monde avec AFP", "BBC News with agencies": an outlet's name, then
 * agencies after "avec" or "with". *owner is the name.
 */
static bool owned_signature(const page *pg, const line *l, precis_span *owner)
{
	tokens v;
	const char *s = pg->text + l->span.start;
	size_t len = l->span.end - l->span.start;
	if (l->terminal || !short_tokens(&v, s, len, pg->lang))
		return false;
	for (size_t i = v.n; i-- > 1;) {
		const char *w = s + v.t[i].start;
		size_t wl = v.t[i].end - v.t[i].start;
		if (!listed_word(pg->cues, LIST_OWNER, w, wl))
			continue;
		if (i > SITE_WORDS || !agency_only(pg->cues, w + wl, (size_t)(s + len - w - wl), pg->lang))
			return false;
		for (size_t k = 0; k < i; k++)
			if (!starts_upper(s + v.t[k].start, v.t[k].end - v.t[k].start) &&
			    !(k > 0 && name_connector(s + v.t[k].start, v.t[k].end - v.t[k].start)))
				return false;
		*owner = (precis_span){ l->span.start + v.t[0].start, l->span.start + v.t[i - 1].end };
		return true;
	}
	return false;
}

/* All letters of s[0..len) are capitals, and there are at least min of them. */
static bool all_caps(const char *s, size_t len, size_t min)
{
	size_t letters = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (px_cp_is_letter(cp)) {
			if (!px_cp_is_upper(cp))
				return false;
			letters++;
		}
		i += adv;
	}
	return letters >= min;
}

/*
 * A photo credit by layout: the tail after the last " / " names an agency
 * or a photographer in capitals ("... / ALEXANDER ZEMLIANICHENKO,HANDOUT /
 * AFP"). A glued "/AFP" counts only on a line that is not a sentence.
 */
static bool credit_tail(const page *pg, const line *l)
{
	const char *s = pg->text + l->span.start;
	size_t len = l->span.end - l->span.start;
	size_t slash = len;
	for (size_t i = len; i-- > 0;)
		if (s[i] == '/' && !(i > 0 && s[i - 1] == ':') && !(i + 1 < len && s[i + 1] == '/') &&
		    !(i > 0 && s[i - 1] == '/')) {
			slash = i;
			break;
		}
	if (slash == len)
		return false;
	bool spaced = slash > 0 && s[slash - 1] == ' ' && slash + 1 < len && s[slash + 1] == ' ';
	const char *tail = s + slash + 1;
	size_t tl = len - slash - 1;
	if (agency_only(pg->cues, tail, tl, pg->lang))
		return spaced || !l->terminal;
	return spaced && all_caps(tail, tl, 6) && count_words(tail, tl, pg->lang) <= 6;
}

/*
 * Markup left in the text: a line that is tags and comments with (almost)
 * no text, or has no letter or digit at all ("<", "***", "|"). A paragraph
 * wrapped in <p> keeps its words.
 */
static bool is_markup(const char *s, size_t len, const char *lang)
{
	bool alnum = false, tag = false;
	for (size_t i = 0; i < len && !alnum;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		alnum = px_cp_is_letter(cp) || px_cp_is_digit(cp);
		i += adv;
	}
	if (!alnum || !memchr(s, '<', len))
		return !alnum;
	size_t textbytes = 0;
	char *rest = malloc(len + 1);
	if (!rest)
		return false;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (cp == '<' && i + 1 < len &&
		    (s[i + 1] == '/' || s[i + 1] == '!' || (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
		     (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
			const char *gt = memchr(s + i, '>', len - i);
			if (gt) {
				tag = true;
				i = (size_t)(gt - s) + 1;
				rest[textbytes++] = ' ';
				continue;
			}
		}
		memcpy(rest + textbytes, s + i, adv);
		textbytes += adv;
		i += adv;
	}
	size_t words = tag ? count_words(rest, textbytes, lang) : 0;
	free(rest);
	return tag && words < 3;
}

/* Code that leaked from a <script> or <style>: window.pvp_x = new Pvp(...). */
static bool is_script(const char *f, size_t len)
{
	static const char *const calls[] = { "window.", "document.", "function(", "function (",
					     "jquery(", "$(", NULL };
	for (const char *const *c = calls; *c; c++) {
		const char *hit = strstr(f, *c);
		/* "the window." in prose is followed by a space, not an identifier. */
		if (hit) {
			char nx = hit[strlen(*c)];
			if ((nx >= 'a' && nx <= 'z') || nx == '_' || nx == '$' || nx == ')' ||
			    nx == '{' || nx == '"' || nx == '\'')
				return true;
		}
	}
	if (strstr(f, " = new ") && strchr(f, '('))
		return true;
	if (len >= 2 && ((f[0] == '{' && f[len - 1] == '}') || (f[0] == '[' && f[len - 1] == ']')) &&
	    strchr(f, ':') && strchr(f, '"'))
		return true; /* JSON-LD */
	return strchr(f, '{') && strchr(f, '}') && strchr(f, ';');
}

/*
 * Template tokens: one word, no capital, joined by '-' or '_' or mixing
 * letters and digits ("news-details", "fr-02").
 */
static bool is_template_token(const char *s, size_t len)
{
	bool joiner = false, digit = false, letter = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch >= 0x80 || (ch >= 'A' && ch <= 'Z'))
			return false;
		joiner |= ch == '-' || ch == '_';
		digit |= ch >= '0' && ch <= '9';
		letter |= ch >= 'a' && ch <= 'z';
	}
	return letter && (joiner || digit);
}

/* Width of a breadcrumb separator at s[i] (" | ", " > ", " › ", " » "), or 0. */
static size_t crumb_sep(const char *s, size_t len, size_t i)
{
	if (s[i] != ' ' || i + 2 >= len)
		return 0;
	if ((s[i + 1] == '|' || s[i + 1] == '>') && s[i + 2] == ' ')
		return 3;
	if (i + 4 < len && (unsigned char)s[i + 1] == 0xE2 && (unsigned char)s[i + 2] == 0x80 &&
	    (unsigned char)s[i + 3] == 0xBA && s[i + 4] == ' ')
		return 5; /* › */
	if (i + 3 < len && (unsigned char)s[i + 1] == 0xC2 && (unsigned char)s[i + 2] == 0xBB &&
	    s[i + 3] == ' ')
		return 4; /* » */
	return 0;
}

/*
 * "Accueil | Monde | Titre", "Home > World": two or more separators
 * between short segments, or one after a navigation word. *tail is the
 * last segment (the page's title, often).
 */
static bool is_breadcrumb(const page *pg, const char *s, size_t len, size_t *tail)
{
	size_t seps = 0, seg = 0, first_end = 0;
	for (size_t i = 0; i < len; i++) {
		size_t w = crumb_sep(s, len, i);
		if (!w)
			continue;
		if (count_words(s + seg, i - seg, pg->lang) > SITE_WORDS)
			return false; /* only the last segment may be long */
		if (seps++ == 0)
			first_end = i;
		seg = i + w;
		i += w - 1;
	}
	*tail = seg;
	if (seps >= 2)
		return true;
	if (seps == 0)
		return false;
	char f[64], sk[64];
	size_t fl = px_fold_into(f, sizeof f, s, first_end);
	if (fl == (size_t)-1)
		return false;
	skeleton(sk, f, fl, false);
	return strcmp(sk, "accueil") == 0 || strcmp(sk, "home") == 0;
}

/*
 * A date line: numbers and date words only, with a number ("Publié le 13
 * septembre 2023 à 10h45", "February 13, 2024 5:03 AM GMT").
 */
static bool is_date_line(const page *pg, const line *l)
{
	tokens v;
	const char *s = pg->text + l->span.start;
	if (l->words > DATE_WORDS || !short_tokens(&v, s, l->span.end - l->span.start, pg->lang))
		return false;
	bool number = false;
	for (size_t i = 0; i < v.n; i++) {
		if (v.t[i].number) {
			number = true;
			continue;
		}
		char f[64];
		size_t fl = px_fold_into(f, sizeof f, s + v.t[i].start, v.t[i].end - v.t[i].start);
		if (fl == (size_t)-1 ||
		    !in_list(pg->cues, LIST_DATEWORD, f, fl))
			return false;
	}
	return number;
}

/* "Par Jean Dupont", "By David Morgan and Richard Cowan, BBC News". */
static bool is_byline(const page *pg, const line *l)
{
	if (l->terminal || l->words < 2 || l->words > BYLINE_WORDS ||
	    !(strncmp(l->folded, "par ", 4) == 0 || strncmp(l->folded, "by ", 3) == 0))
		return false;
	tokens v;
	const char *s = pg->text + l->span.start;
	if (!short_tokens(&v, s, l->span.end - l->span.start, pg->lang))
		return false;
	for (size_t i = 1; i < v.n; i++) {
		const char *w = s + v.t[i].start;
		size_t wl = v.t[i].end - v.t[i].start;
		if (!starts_upper(w, wl) && !name_connector(w, wl) &&
		    !listed_word(pg->cues, LIST_SIGNATURE, w, wl))
			return false;
	}
	return true;
}

static void classify(page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		const char *s = pg->text + l->span.start;
		size_t len = l->span.end - l->span.start, tail;
		precis_span owner;
		bool whole = false;
		const char *cue;
		if (is_markup(s, len, pg->lang))
			l->reason = "markup";
		else if (l->words <= ANY_WORDS && is_script(l->folded, l->flen))
			l->reason = "script"; /* in a long paragraph, leftover code is a lesser evil */
		else if (l->words == 1 && is_template_token(s, len))
			l->reason = "template";
		else if (!l->terminal && is_breadcrumb(pg, s, len, &tail))
			l->reason = "breadcrumb";
		else if (l->words <= ANY_WORDS && credit_tail(pg, l))
			l->reason = "credit";
		else if (agency_only(pg->cues, s, len, pg->lang)) {
			l->agency = true;
			l->reason = "signature"; /* or credit: see place_agencies */
		} else if (owned_signature(pg, l, &owner)) {
			l->reason = "signature";
		} else if ((cue = match_cue(pg->cues, l, &whole))) {
			l->reason = cue;
			l->line_cue = whole;
			l->by_cue = true;
		} else if (is_date_line(pg, l))
			l->reason = "date";
		else if (is_byline(pg, l))
			l->reason = "byline";
	}
}

/* --------------------------------------------------------------- repeats */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The distinct words of a line's skeleton, hashed and sorted. */
static int word_set(line *l, const char *sk)
{
	size_t cap = l->words + 1, n = 0;
	uint64_t *v = malloc(cap * sizeof *v);
	if (!v)
		return PRECIS_ENOMEM;
	for (const char *p = sk; *p;) {
		const char *e = strchr(p, ' ');
		size_t wl = e ? (size_t)(e - p) : strlen(p);
		if (n == cap) {
			uint64_t *nv = realloc(v, 2 * cap * sizeof *nv);
			if (!nv) {
				free(v);
				return PRECIS_ENOMEM;
			}
			v = nv;
			cap *= 2;
		}
		v[n++] = px_hash(p, wl);
		p += wl + (e != NULL);
	}
	qsort(v, n, sizeof *v, cmp_u64);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (o == 0 || v[o - 1] != v[i])
			v[o++] = v[i];
	l->wset = v;
	l->nwset = o;
	return 0;
}

static double jaccard(const line *a, const line *b)
{
	size_t i = 0, j = 0, inter = 0;
	while (i < a->nwset && j < b->nwset) {
		if (a->wset[i] == b->wset[j])
			inter++, i++, j++;
		else if (a->wset[i] < b->wset[j])
			i++;
		else
			j++;
	}
	size_t uni = a->nwset + b->nwset - inter;
	return uni ? (double)inter / (double)uni : 0.0;
}

/* Key of the first (or last) five words of a skeleton; *klen 0 when too short. */
static const char *edge_key(const char *sk, size_t len, bool last, size_t *klen)
{
	size_t words = 0;
	if (!last) {
		size_t i = 0;
		for (; i < len && words < 5; i++)
			words += sk[i] == ' ';
		*klen = words == 5 ? i - 1 : 0;
		return sk;
	}
	size_t i = len;
	while (i > 0 && words < 5)
		words += sk[--i] == ' ';
	*klen = words == 5 ? len - i - 1 : 0;
	return sk + i + 1;
}

/* Near-duplicate candidates: lines sharing a first- or last-five-words key. */
typedef struct {
	px_strmap *keys;
	size_t (*slots)[NEAR_CANDIDATES];
	size_t *count;
	size_t cap;
} near_index;

static int near_add(near_index *ix, const char *k, size_t klen, size_t line_no)
{
	int64_t id;
	int added;
	int rc = px_strmap_intern(ix->keys, k, klen, &id, &added);
	if (rc)
		return rc;
	if ((size_t)id >= ix->cap) {
		size_t nc = ix->cap ? 2 * ix->cap : 64;
		void *ns = realloc(ix->slots, nc * sizeof *ix->slots);
		if (!ns)
			return PRECIS_ENOMEM;
		ix->slots = ns;
		size_t *ncount = realloc(ix->count, nc * sizeof *ncount);
		if (!ncount)
			return PRECIS_ENOMEM;
		ix->count = ncount;
		memset(ix->count + ix->cap, 0, (nc - ix->cap) * sizeof *ncount);
		ix->cap = nc;
	}
	/* A ring of the latest lines: repeats sit close together on a page. */
	ix->slots[id][ix->count[id] % NEAR_CANDIDATES] = line_no;
	ix->count[id]++;
	return 0;
}

/* An earlier kept line that l nearly repeats, or (size_t)-1. */
static size_t near_match(const near_index *ix, const line *L, const line *l, const char *k,
			 size_t klen)
{
	int64_t id = px_strmap_get(ix->keys, k, klen);
	if (id < 0)
		return (size_t)-1;
	size_t c = ix->count[id] < NEAR_CANDIDATES ? ix->count[id] : NEAR_CANDIDATES;
	for (size_t i = 0; i < c; i++) {
		size_t j = ix->slots[id][i];
		if (!L[j].reason && jaccard(&L[j], l) >= NEAR_DUPLICATE)
			return j;
	}
	return (size_t)-1;
}

/*
 * Is line i (skeleton sk, sl bytes) a near copy of a kept line sharing its
 * opening or closing words? Else it becomes a candidate for later lines.
 */
static int near_repeat(page *pg, near_index *ix, size_t i, const char *sk, size_t sl)
{
	line *l = &pg->L[i];
	int rc = word_set(l, sk);
	if (rc)
		return rc;
	size_t kl[2];
	const char *k[2] = { edge_key(sk, sl, false, &kl[0]), edge_key(sk, sl, true, &kl[1]) };
	for (int e = 0; e < 2; e++) {
		size_t j = kl[e] ? near_match(ix, pg->L, l, k[e], kl[e]) : (size_t)-1;
		if (j != (size_t)-1) {
			l->reason = "duplicate";
			l->dup_of = j;
			return 0;
		}
	}
	for (int e = 0; e < 2 && !rc; e++)
		if (kl[e])
			rc = near_add(ix, k[e], kl[e], i);
	return rc;
}

/*
 * A paragraph printed twice: the later copy is a "duplicate" (also when
 * the copies differ in a word or two: word sets 80% alike). Only kept
 * lines count as originals, so a photo caption that repeats a paragraph
 * leaves the body copy as the one kept. A short name printed twice is
 * the site's name, in its header and footer.
 */
static int mark_repeats(page *pg)
{
	if (pg->n < 2)
		return 0; /* one line repeats nothing (most JSONL records) */
	px_strmap *exact = NULL;
	near_index ix = { 0 };
	size_t *first = malloc(pg->n * sizeof *first);
	int rc = first ? px_strmap_new(&exact) : PRECIS_ENOMEM;
	if (!rc)
		rc = px_strmap_new(&ix.keys);
	for (size_t i = 0; i < pg->n && !rc; i++) {
		line *l = &pg->L[i];
		if (l->reason)
			continue;
		size_t sl = skeleton(pg->scratch, l->folded, l->flen, true);
		int64_t id;
		int added;
		if (sl == 0 || (rc = px_strmap_intern(exact, pg->scratch, sl, &id, &added)))
			continue;
		if (added) {
			first[id] = i;
			if (l->words >= NEAR_WORDS)
				rc = near_repeat(pg, &ix, i, pg->scratch, sl);
			continue;
		}
		size_t j = first[id];
		if (is_reason(&pg->L[j], "site") || (!pg->L[j].reason && name_like(pg, l))) {
			pg->L[j].reason = "site";
			l->reason = "site";
		} else {
			l->reason = "duplicate";
			l->dup_of = j;
		}
	}
	px_strmap_free(exact);
	px_strmap_free(ix.keys);
	free(ix.slots);
	free(ix.count);
	free(first);
	return rc;
}

/* ---------------------------------------------------------------- layout */

static bool is_paragraph(const line *l)
{
	return (l->terminal && l->words >= PARAGRAPH_WORDS) || l->words >= LONG_WORDS;
}

/* The lead (first body paragraph long enough) and the last body paragraph. */
static void find_body(page *pg)
{
	pg->lead = pg->last = pg->n;
	for (size_t i = 0; i < pg->n; i++) {
		const line *l = &pg->L[i];
		if (l->reason)
			continue;
		if (pg->lead == pg->n &&
		    ((l->terminal && l->words >= LEAD_WORDS) || l->words >= LONG_WORDS))
			pg->lead = i;
		if (pg->lead < pg->n && is_paragraph(l))
			pg->last = i;
	}
}

/*
 * A long sentence between two body paragraphs is body, whatever cue
 * phrase it contains (« Nous utilisons des cookies depuis vingt ans »,
 * says a publisher): widgets inside an article are short lines.
 */
static void rescue_sandwiched(page *pg)
{
	size_t prev = pg->n; /* the latest kept paragraph */
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		if (!l->reason && is_paragraph(l)) {
			prev = i;
			continue;
		}
		if (!l->by_cue || prev == pg->n || !l->terminal || l->words <= START_WORDS)
			continue;
		size_t j = i + 1;
		while (j < pg->n && pg->L[j].reason && pg->L[j].words <= MENU_WORDS)
			j++; /* an advert or a share button may sit between */
		if (j < pg->n && !pg->L[j].reason && is_paragraph(&pg->L[j])) {
			l->reason = NULL;
			l->by_cue = false;
		}
	}
}

/* One-word lines that nothing explains: "Flash", "International". */
static void mark_fragments(page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (!pg->L[i].reason && pg->L[i].words <= 1 && !pg->L[i].terminal)
			pg->L[i].reason = "fragment";
}

/* A line that reads as a menu entry: short and unexplained, a lone word, a navigation cue. */
static bool menu_item(const line *l)
{
	return (!l->reason && l->words <= ITEM_WORDS && !l->terminal) ||
	       is_reason(l, "fragment") || (l->line_cue && is_reason(l, "nav"));
}

/*
 * Runs of short lines are menus (blank lines do not break a run). Above
 * the lead and below the last paragraph two entries make a menu; inside
 * the body it takes three, so an intertitle next to an advert stays.
 */
static void mark_menus(page *pg)
{
	size_t i = 0;
	while (i < pg->n) {
		size_t j = i;
		while (j < pg->n &&
		       (pg->L[j].reason || (pg->L[j].words <= MENU_WORDS && !pg->L[j].terminal)))
			j++;
		size_t items = 0;
		for (size_t k = i; k < j; k++)
			items += menu_item(&pg->L[k]);
		bool inside = i > pg->lead && j <= pg->last;
		if (j - i >= 3 && items >= (inside ? 3u : 2u))
			for (size_t k = i; k < j; k++)
				if (menu_item(&pg->L[k]))
					pg->L[k].reason = "menu";
		i = j > i ? j : i + 1;
	}
}

/* ------------------------------------------------------ headline, outlet */

/* Trim a site name to the name: "www.lemonde.fr" -> "lemonde", "Le Placentin." -> "Le Placentin". */
static precis_span outlet_name(const char *text, precis_span sp)
{
	const char *s = text + sp.start;
	size_t a = 0, b = sp.end - sp.start;
	while (b > a && (s[b - 1] == '.' || s[b - 1] == ' '))
		b--;
	if (b - a > 4 && strncmp(s, "www.", 4) == 0)
		a += 4;
	/* A top-level domain: a final ".xx" of 2 to 6 lowercase letters. */
	size_t d = b;
	while (d > a && s[d - 1] >= 'a' && s[d - 1] <= 'z')
		d--;
	if (d > a + 1 && s[d - 1] == '.' && b - d >= 2 && b - d <= 6)
		b = d - 1;
	return (precis_span){ sp.start + a, sp.start + b };
}

static bool is_tld_name(const char *s, size_t len)
{
	size_t d = len;
	while (d > 0 && s[d - 1] >= 'a' && s[d - 1] <= 'z')
		d--;
	return d > 1 && s[d - 1] == '.' && len - d >= 2 && len - d <= 6;
}

static bool listed_outlet(const page *pg, const char *s, size_t len)
{
	char f[128], sk[128];
	size_t fl = px_fold_into(f, sizeof f, s, len);
	if (fl == (size_t)-1 || fl >= sizeof sk)
		return false;
	size_t sl = skeleton(sk, f, fl, true);
	return in_list(pg->cues, LIST_OUTLET, sk, sl);
}

/* Width of a title-suffix separator ending at s[i] (" | ", " - ", " – ", " — ", " :: "). */
static size_t suffix_sep(const char *s, size_t i, size_t len, bool *bar)
{
	static const char *const seps[] = { " | ", " :: ", " · ", " - ", " \xE2\x80\x93 ",
					    " \xE2\x80\x94 ", NULL };
	for (int k = 0; seps[k]; k++) {
		size_t w = strlen(seps[k]);
		if (i + w <= len && memcmp(s + i, seps[k], w) == 0) {
			*bar = k < 3;
			return w;
		}
	}
	return 0;
}

/* Start of a trailing " | Section" of at most SITE_WORDS words in s[0..len), or len. */
static size_t last_bar_segment(const page *pg, const char *s, size_t len)
{
	for (size_t i = len; i-- > 1;) {
		if (!(s[i] == '|' && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' '))
			continue;
		size_t words = count_words(s + i + 2, len - i - 2, pg->lang);
		return words && words <= SITE_WORDS && count_words(s, i - 1, pg->lang) >= 3 ? i - 1 : len;
	}
	return len;
}

/*
 * Strip " | Atlantico.fr", " - Le Monde" and "<!-- -->" from a title line.
 * A bar suffix of up to four capitalized words is a site; a dash suffix
 * (titles contain dashes: "Corée du Nord - Russie") only when it looks
 * like a domain or names a listed outlet. *site is the outlet's name.
 */
static precis_span strip_title(const page *pg, precis_span sp, precis_span *site)
{
	const char *s = pg->text + sp.start;
	size_t len = sp.end - sp.start;
	*site = (precis_span){ 0, 0 };
	for (size_t i = len; i-- > 1;) {
		bool bar;
		size_t w = suffix_sep(s, i, len, &bar);
		if (!w)
			continue;
		const char *t = s + i + w;
		size_t tl = len - i - w;
		size_t words = count_words(t, tl, pg->lang);
		if (words == 0 || words > SITE_WORDS)
			break;
		bool ok = bar ? starts_upper(t, tl) || strncmp(t, "www.", 4) == 0
			      : is_tld_name(t, tl) || listed_outlet(pg, t, tl);
		if (!ok)
			break;
		*site = outlet_name(pg->text, (precis_span){ sp.start + i + w, sp.end });
		len = i;
		/* "Title | North Korea | The Guardian": the section goes too. */
		while (bar && (i = last_bar_segment(pg, s, len)) < len)
			len = i;
		break;
	}
	/* Drop trailing template comments and spaces. */
	for (;;) {
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len >= 8 && memcmp(s + len - 8, "<!-- -->", 8) == 0)
			len -= 8;
		else if (len >= 7 && memcmp(s + len - 7, "<!---->", 7) == 0)
			len -= 7;
		else
			break;
	}
	return (precis_span){ sp.start, sp.start + len };
}

static bool title_like(const page *pg, const line *l)
{
	const char *s = pg->text + l->span.start;
	size_t len = l->span.end - l->span.start;
	size_t adv;
	int32_t cp = px_utf8_decode(s, len, &adv);
	bool opens = px_cp_is_upper(cp) || px_cp_is_digit(cp) || cp == '"' || cp == 0xAB ||
		     cp == 0x201C || cp == '\'';
	return !l->reason && opens && l->words >= 3 && l->words <= TITLE_MAX &&
	       !ends_with_stop(s, len);
}

/* Same skeleton (digits kept) for a span of text and a line. */
static bool same_skeleton(const page *pg, precis_span sp, const line *l)
{
	size_t fl;
	char *f = fold_line(pg->text + sp.start, sp.end - sp.start, &fl);
	if (!f)
		return false;
	char *a = malloc(fl + 1), *b = malloc(l->flen + 1);
	bool same = false;
	if (a && b) {
		skeleton(a, f, fl, true);
		skeleton(b, l->folded, l->flen, true);
		same = a[0] && strcmp(a, b) == 0;
	}
	free(a);
	free(b);
	free(f);
	return same;
}

/* Later kept copies of the headline's text are duplicates. */
static void mark_title_copies(page *pg, size_t h, precis_span head)
{
	for (size_t j = h + 1; j < pg->n; j++) {
		line *l = &pg->L[j];
		if (!l->reason && l->words <= TITLE_MAX && same_skeleton(pg, head, l)) {
			l->reason = "duplicate";
			l->dup_of = h;
		}
	}
}

/* A title line with a site suffix: "Sommet ... <!-- --> | Atlantico.fr". */
static size_t headline_with_suffix(page *pg, size_t lim, precis_span *head, precis_span *site)
{
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		precis_span st, sp = strip_title(pg, pg->L[i].span, &st);
		if (st.end > st.start &&
		    count_words(pg->text + sp.start, sp.end - sp.start, pg->lang) >= 3) {
			*head = sp;
			*site = st;
			mark_title_copies(pg, i, sp);
			return i;
		}
	}
	return pg->n;
}

/* A breadcrumb's last segment, or the line below that prints it alone. */
static size_t headline_from_breadcrumb(page *pg, size_t lim, precis_span *head)
{
	for (size_t i = 0; i < lim; i++) {
		line *l = &pg->L[i];
		size_t tail;
		const char *s = pg->text + l->span.start;
		size_t len = l->span.end - l->span.start;
		if (!is_reason(l, "breadcrumb") || !is_breadcrumb(pg, s, len, &tail) ||
		    count_words(s + tail, len - tail, pg->lang) < 3)
			continue;
		precis_span t = { l->span.start + tail, l->span.end };
		for (size_t j = i + 1; j < lim; j++) {
			if (title_like(pg, &pg->L[j]) && same_skeleton(pg, t, &pg->L[j])) {
				*head = pg->L[j].span;
				mark_title_copies(pg, j, *head);
				return j;
			}
		}
		*head = t;
		return i;
	}
	return pg->n;
}

/* A title-like line that mark_repeats found printed again later. */
static size_t headline_printed_twice(const page *pg, size_t lim, precis_span *head)
{
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		for (size_t j = i + 1; j < pg->n; j++)
			if (is_reason(&pg->L[j], "duplicate") && pg->L[j].dup_of == i) {
				*head = pg->L[i].span;
				return i;
			}
	}
	return pg->n;
}

/* The first title-like line with at most two unexplained lines between it and the lead. */
static size_t headline_above_lead(const page *pg, size_t lim, precis_span *head,
				  precis_span *site)
{
	if (pg->lead == pg->n)
		return pg->n;
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		/* Bylines, dates and credits between title and lead are dropped already. */
		size_t between = 0;
		for (size_t j = i + 1; j < pg->lead; j++)
			between += !pg->L[j].reason;
		if (between <= 2) {
			*head = strip_title(pg, pg->L[i].span, site);
			return i;
		}
	}
	return pg->n;
}

/*
 * The headline, found above the lead by the strongest evidence first. The
 * first printing is the headline; later copies are duplicates. Returns
 * its line, or n when the page shows none (a page that opens with a
 * caption and the lead has no title to find).
 */
static size_t find_headline(page *pg, precis_span *head, precis_span *site)
{
	size_t lim = pg->lead < HEAD_LINES ? pg->lead : HEAD_LINES;
	if (lim > pg->n)
		lim = pg->n;
	*site = (precis_span){ 0, 0 };
	size_t h = headline_with_suffix(pg, lim, head, site);
	if (h == pg->n)
		h = headline_from_breadcrumb(pg, lim, head);
	if (h == pg->n)
		h = headline_printed_twice(pg, lim, head);
	if (h == pg->n)
		h = headline_above_lead(pg, lim, head, site);
	return h;
}

/* Does the line's skeleton contain the outlet's name as whole words? */
static bool mentions(const line *l, const char *name)
{
	size_t nl = strlen(name);
	if (!nl || l->flen > LINE_CUE_BYTES)
		return false;
	char sk[LINE_CUE_BYTES + 1];
	size_t sl = skeleton(sk, l->folded, l->flen, true);
	for (const char *p = sk; (p = strstr(p, name)); p++) {
		bool start = p == sk || p[-1] == ' ';
		bool end = p + nl == sk + sl || p[nl] == ' ';
		if (start && end)
			return true;
	}
	return false;
}

/*
 * Above the lead and below the last paragraph, what is left and does not
 * end like a sentence is page furniture: kickers, tags, slugs, labels;
 * but a long line between headline and lead is the standfirst, written
 * like the body. A short line that names the outlet there is the site's
 * own ("Atlantico, c'est qui, c'est quoi ?").
 */
static void mark_furniture(page *pg, const char *outlet, size_t headline)
{
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		/* A name printed twice that is not the outlet: a tag or a section. */
		if (is_reason(l, "site") && !l->agency && *outlet && !mentions(l, outlet))
			l->reason = NULL;
		bool above = i < pg->lead, below = pg->last < pg->n && i > pg->last;
		if (l->reason || !(above || below))
			continue;
		if (l->words <= 2 * SITE_WORDS && mentions(l, outlet))
			l->reason = "site";
		else if (above && headline < i && l->words > DECK_WORDS)
			continue;
		else if (!l->terminal && l->words < LONG_WORDS)
			l->reason = above ? "header" : "footer";
	}
}

/*
 * Agency names alone on a line: a signature below the lead ("AFP" at the
 * end), a credit above it, the masthead on the first line ("Reuters").
 */
static void place_agencies(page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		if (!l->agency)
			continue;
		if (i == 0 && pg->lead > 0)
			l->reason = "site";
		else if (pg->lead < pg->n ? i < pg->lead : i < pg->n / 2)
			l->reason = "credit";
	}
}

/*
 * The outlet's name: a title suffix, else a site line (a name printed
 * twice, or a listed outlet or agency as masthead), else the owner of a
 * signature ("Le Monde avec AFP"), else a listed outlet alone on a line
 * anywhere ("Euronews" below the text).
 */
static precis_span find_outlet(const page *pg, precis_span suffix)
{
	if (suffix.end > suffix.start)
		return suffix;
	for (size_t i = 0; i < pg->n; i++)
		if (is_reason(&pg->L[i], "site") && pg->L[i].words <= SITE_WORDS)
			return outlet_name(pg->text, pg->L[i].span);
	precis_span owner;
	for (size_t i = 0; i < pg->n; i++)
		if (is_reason(&pg->L[i], "signature") && owned_signature(pg, &pg->L[i], &owner))
			return outlet_name(pg->text, owner);
	for (size_t i = 0; i < pg->n; i++) {
		const line *l = &pg->L[i];
		if (l->words <= SITE_WORDS &&
		    listed_outlet(pg, pg->text + l->span.start, l->span.end - l->span.start))
			return outlet_name(pg->text, l->span);
	}
	return (precis_span){ 0, 0 };
}

/* ---------------------------------------------------------------- API */

static void free_lines(line *L, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(L[k].folded);
		free(L[k].wset);
	}
	free(L);
}

static int split_lines(page *pg, const char *text, size_t len)
{
	size_t cap = 32, i = 0, longest = 0;
	line *L = malloc(cap * sizeof *L);
	if (!L)
		return PRECIS_ENOMEM;
	pg->n = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n' && text[e] != '\r')
			e++;
		size_t s = i, t = e;
		while (s < t) {
			size_t adv;
			if (!px_cp_is_space(px_utf8_decode(text + s, t - s, &adv)))
				break;
			s += adv;
		}
		while (t > s) {
			size_t at;
			if (!px_cp_is_space(last_cp(text + s, t - s, &at)))
				break;
			t = s + at;
		}
		i = e + 1;
		if (t == s)
			continue;
		if (pg->n == cap) {
			line *nl = realloc(L, 2 * cap * sizeof *nl);
			if (!nl)
				goto oom;
			L = nl;
			cap *= 2;
		}
		line *l = &L[pg->n];
		memset(l, 0, sizeof *l);
		l->span = (precis_span){ s, t };
		if (!(l->folded = fold_line(text + s, t - s, &l->flen)))
			goto oom;
		pg->n++;
		l->words = count_words(text + s, t - s, pg->lang);
		l->terminal = ends_like_sentence(text + s, t - s);
		if (l->flen > longest)
			longest = l->flen;
	}
	pg->L = L;
	if (!(pg->scratch = malloc(longest + 1)))
		return PRECIS_ENOMEM;
	return 0;
oom:
	free_lines(L, pg->n);
	pg->L = NULL;
	pg->n = 0;
	return PRECIS_ENOMEM;
}

static int fill_result(px_clean_result *out, const page *pg)
{
	out->lines = malloc((pg->n ? pg->n : 1) * sizeof *out->lines);
	out->signatures = malloc((pg->n ? pg->n : 1) * sizeof *out->signatures);
	if (!out->lines || !out->signatures)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < pg->n; i++) {
		out->lines[i] = (px_clean_line){ pg->L[i].span, pg->L[i].reason };
		if (is_reason(&pg->L[i], "signature"))
			out->signatures[out->nsignatures++] = i;
	}
	out->nlines = pg->n;
	return 0;
}

static int clean_page(px_clean_result *out, page *pg, const char *text, size_t len)
{
	int rc = split_lines(pg, text, len);
	if (rc)
		return rc;
	classify(pg);
	rescue_sandwiched(pg);
	if ((rc = mark_repeats(pg)))
		return rc;
	mark_fragments(pg);
	find_body(pg);
	mark_menus(pg);
	place_agencies(pg);
	precis_span head = { 0, 0 }, suffix = { 0, 0 };
	size_t h = find_headline(pg, &head, &suffix);
	if (h < pg->n) {
		pg->L[h].reason = "headline";
		out->headline = head;
	}
	out->outlet = find_outlet(pg, suffix);
	char *name = NULL;
	if (out->outlet.end > out->outlet.start) {
		size_t fl, ol = out->outlet.end - out->outlet.start;
		char *f = fold_line(text + out->outlet.start, ol, &fl);
		if (f && (name = malloc(fl + 1)))
			skeleton(name, f, fl, true);
		free(f);
		if (!name)
			return PRECIS_ENOMEM;
	}
	mark_furniture(pg, name ? name : "", h);
	free(name);
	return fill_result(out, pg);
}

int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang)
{
	(void)a;
	memset(out, 0, sizeof *out);
	cueset cues;
	int rc = load_cues(&cues, lang);
	if (rc)
		return rc;
	page pg = { .text = text, .lang = lang ? lang : "en", .cues = &cues };
	rc = clean_page(out, &pg, text, len);
	free_lines(pg.L, pg.n);
	free(pg.scratch);
	cueset_free(&cues);
	if (rc)
		px_clean_result_free(out);
	return rc;
}

void px_clean_result_free(px_clean_result *r)
{
	if (!r)
		return;
	free(r->lines);
	free(r->signatures);
	r->lines = NULL;
	r->signatures = NULL;
	r->nlines = 0;
	r->nsignatures = 0;
}
