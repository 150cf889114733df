/*
 * clean_lines: the facts of each line (words, folded form, sentence end)
 * and the rules that judge a line alone: markup, script, template tokens,
 * breadcrumbs, credits, agency signatures, cue phrases, dates, bylines.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean_priv.h"
#include "data.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ----------------------------------------------------------- line facts */

static int count_word(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

size_t px_clean_count_words(const char *s, size_t len, const char *lang)
{
	size_t n = 0;
	px_tokenize(s, len, lang, count_word, &n);
	return n;
}

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
int32_t px_clean_last_cp(const char *s, size_t len, size_t *at)
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
bool px_clean_ends_like_sentence(const char *s, size_t len)
{
	while (len) {
		size_t at;
		int32_t cp = px_clean_last_cp(s, len, &at);
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
bool px_clean_ends_with_stop(const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '"' || s[len - 1] == ')'))
		len--;
	return len && s[len - 1] == '.';
}

/* Folded copy for cue matching: NBSP as space, ’ as '. */
char *px_clean_fold_line(const char *s, size_t len, size_t *outlen)
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

bool px_clean_starts_upper(const char *s, size_t len)
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
bool px_clean_name_like(const page *pg, const line *l)
{
	tokens v;
	const char *s = pg->text + l->span.start;
	if (l->words == 0 || l->words > SITE_WORDS ||
	    !short_tokens(&v, s, l->span.end - l->span.start, pg->lang) || v.n == 0)
		return false;
	for (size_t i = 0; i < v.n; i++) {
		const char *w = s + v.t[i].start;
		size_t wl = v.t[i].end - v.t[i].start;
		if (!px_clean_starts_upper(w, wl) && !(i > 0 && name_connector(w, wl)))
			return false;
	}
	return true;
}


void px_clean_free_lines(line *L, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(L[k].folded);
		free(L[k].wset);
	}
	free(L);
}

/* The span of s[0..len) without white space at either end. */
static precis_span trim_blank(const char *text, size_t s, size_t t)
{
	while (s < t) {
		size_t adv;
		if (!px_cp_is_space(px_utf8_decode(text + s, t - s, &adv)))
			break;
		s += adv;
	}
	while (t > s) {
		size_t at;
		if (!px_cp_is_space(px_clean_last_cp(text + s, t - s, &at)))
			break;
		t = s + at;
	}
	return (precis_span){ s, t };
}

int px_clean_split_lines(page *pg, const char *text, size_t len)
{
	size_t cap = 0, i = 0, longest = 0;
	pg->n = 0;
	pg->L = NULL;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n' && text[e] != '\r')
			e++;
		precis_span sp = trim_blank(text, i, e);
		i = e + 1;
		if (sp.end == sp.start)
			continue;
		if (px_vec_reserve((void **)&pg->L, &cap, pg->n + 1, sizeof *pg->L))
			goto oom;
		line *l = &pg->L[pg->n];
		memset(l, 0, sizeof *l);
		l->span = sp;
		const char *s = text + sp.start;
		size_t n = sp.end - sp.start;
		if (!(l->folded = px_clean_fold_line(s, n, &l->flen)))
			goto oom;
		pg->n++;
		l->words = px_clean_count_words(s, n, pg->lang);
		l->terminal = px_clean_ends_like_sentence(s, n);
		if (l->flen > longest)
			longest = l->flen;
	}
	if (!(pg->scratch = malloc(longest + 1)))
		return PRECIS_ENOMEM; /* the caller frees the lines */
	return 0;
oom:
	px_clean_free_lines(pg->L, pg->n);
	pg->L = NULL;
	pg->n = 0;
	return PRECIS_ENOMEM;
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
		px_clean_skeleton(sk, l->folded, l->flen, false);
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
	return fl != (size_t)-1 && px_clean_in_list(c, list, f, fl);
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
bool px_clean_owned_signature(const page *pg, const line *l, precis_span *owner)
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
			if (!px_clean_starts_upper(s + v.t[k].start, v.t[k].end - v.t[k].start) &&
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
	return spaced && all_caps(tail, tl, 6) && px_clean_count_words(tail, tl, pg->lang) <= 6;
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
	size_t words = tag ? px_clean_count_words(rest, textbytes, lang) : 0;
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
bool px_clean_is_breadcrumb(const page *pg, const char *s, size_t len, size_t *tail)
{
	size_t seps = 0, seg = 0, first_end = 0;
	for (size_t i = 0; i < len; i++) {
		size_t w = crumb_sep(s, len, i);
		if (!w)
			continue;
		if (px_clean_count_words(s + seg, i - seg, pg->lang) > SITE_WORDS)
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
	px_clean_skeleton(sk, f, fl, false);
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
		    !px_clean_in_list(pg->cues, LIST_DATEWORD, f, fl))
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
		if (!px_clean_starts_upper(w, wl) && !name_connector(w, wl) &&
		    !listed_word(pg->cues, LIST_SIGNATURE, w, wl))
			return false;
	}
	return true;
}

void px_clean_classify(page *pg)
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
		else if (!l->terminal && px_clean_is_breadcrumb(pg, s, len, &tail))
			l->reason = "breadcrumb";
		else if (l->words <= ANY_WORDS && credit_tail(pg, l))
			l->reason = "credit";
		else if (agency_only(pg->cues, s, len, pg->lang)) {
			l->agency = true;
			l->reason = "signature"; /* or credit: see place_agencies */
		} else if (px_clean_owned_signature(pg, l, &owner)) {
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
