/*
 * sentence: split text into sentences with byte offsets.
 *
 * A boundary is a run of terminal marks (. ! ? …), the closing quotes or
 * brackets after it, white space, and a word that can start a sentence.
 * A period does not end a sentence after an abbreviation (M., Mme, Dr,
 * sept., av. J.-C.), an initial (J. Biden), inside a number (3.5, 2.600),
 * a URL, an e-mail address or a domain name (Atlantico.fr). Scraped text
 * glues sentences together ("domestique.Consternant"): a period between a
 * lowercase word and a capitalised word splits even without a space.
 *
 * Lines: a blank line always ends a sentence. A line without final
 * punctuation (a title, a subhead) is its own unit when the next line
 * starts with a capital; when it starts in lowercase the line was wrapped
 * and the sentence goes on.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "sentence.h"
#include "stopwords.h"
#include "strmap.h"
#include "text.h"
#include "vec.h"

#define MAX_ABBREV 256

typedef struct {
	const char *s;
	size_t len;
	bool numeric; /* only before a number: "p. 12" */
} abbrev;

typedef struct {
	abbrev v[MAX_ABBREV];
	size_t n;
} abbrevs;

typedef struct {
	precis_span *v;
	size_t n, cap;
} spanvec;

typedef struct {
	const char *text;
	size_t end;         /* end of the region */
	const abbrevs *ab;
	px_strmap **stop;   /* the language's stop words, loaded on first use */
	int lang;           /* index of the language, -1 when unknown */
	spanvec *out;
	size_t sent;        /* start of the current sentence */
} splitter;

/* ------------------------------------------------------------ helpers */

static int32_t cp_at(const char *t, size_t i, size_t end, size_t *adv)
{
	if (i >= end) {
		*adv = 0;
		return -1;
	}
	return px_utf8_decode(t + i, end - i, adv);
}

/* Start of the code point that ends at i (i > 0). */
static size_t cp_before(const char *t, size_t i)
{
	size_t k = i - 1;
	while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
		k--;
	return k;
}

static bool is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x0964 ||
	       cp == 0x0965 || cp == 0x06D4 || cp == 0x061F || cp == 0x3002 || cp == 0xFF01 ||
	       cp == 0xFF1F;
}

static bool is_closer(int32_t cp)
{
	return cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D || cp == 0x2019 ||
	       cp == 0x203A;
}

static bool is_opener(int32_t cp)
{
	return cp == 0xAB || cp == 0x201C || cp == '"' || cp == '(' || cp == '[' ||
	       cp == 0x2018 || cp == '\'' || cp == 0x2014 || cp == 0x2013 || cp == '-' ||
	       cp == 0x2039 || cp == 0xBF || cp == 0xA1;
}

static bool is_hspace(int32_t cp)
{
	return cp != '\n' && cp != '\r' && px_cp_is_space(cp);
}

static void load_abbrevs(abbrevs *ab, const char *lang)
{
	ab->n = 0;
	const char *files[2] = { "stopwords/cues/abbrev-en.txt", NULL };
	char path[64];
	if (lang && strcmp(lang, "en") != 0) {
		snprintf(path, sizeof path, "stopwords/cues/abbrev-%s.txt", lang);
		files[1] = path;
	}
	for (int k = 0; k < 2; k++) {
		const px_datafile *f = files[k] ? px_data_find(files[k]) : NULL;
		if (!f)
			continue;
		const char *p = f->bytes, *end = f->bytes + f->len;
		while (p < end && ab->n < MAX_ABBREV) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			if (!eol)
				eol = end;
			if (eol > p && *p != '|') {
				const char *w = p, *we = p;
				while (we < eol && *we != ' ')
					we++;
				bool numeric = memchr(we, '#', (size_t)(eol - we)) != NULL;
				ab->v[ab->n++] = (abbrev){ w, (size_t)(we - w), numeric };
			}
			p = eol + 1;
		}
	}
}

static int push(spanvec *sv, const char *text, size_t start, size_t end)
{
	while (start < end) {
		size_t adv;
		if (!px_cp_is_space(px_utf8_decode(text + start, end - start, &adv)))
			break;
		start += adv;
	}
	while (end > start) {
		size_t k = cp_before(text, end), adv;
		if (!px_cp_is_space(px_utf8_decode(text + k, end - k, &adv)))
			break;
		end = k;
	}
	if (end <= start)
		return 0;
	if (px_vec_reserve((void **)&sv->v, &sv->cap, sv->n + 1, sizeof *sv->v) != 0)
		return PRECIS_ENOMEM;
	sv->v[sv->n++] = (precis_span){ start, end };
	return 0;
}

static int boundary(splitter *s, size_t cut, size_t next)
{
	int rc = push(s->out, s->text, s->sent, cut);
	s->sent = next;
	return rc;
}

/* ----------------------------------------------------- the word before */

typedef struct {
	size_t start, end; /* the non-space token ending at the period */
} span;

/*
 * How far around a mark the splitter looks: abbreviations, initials and
 * URL markers sit within this many bytes of it. The bound keeps the scan
 * linear on texts like "a.a.a.a..." that never end a sentence.
 */
#define LOOK 256

static span token_before(const splitter *s, size_t dot)
{
	size_t b = dot;
	size_t floor = dot > s->sent + LOOK ? dot - LOOK : s->sent;
	while (b > floor) {
		size_t k = cp_before(s->text, b), adv;
		int32_t cp = px_utf8_decode(s->text + k, dot - k, &adv);
		if (px_cp_is_space(cp) || is_opener(cp) || cp == 0xAB)
			break;
		b = k;
	}
	return (span){ b, dot };
}

static bool is_abbreviation(const splitter *s, span w, bool number_follows)
{
	size_t len = w.end - w.start;
	if (len == 0 || len > 12)
		return false;
	char buf[64];
	size_t fl = px_fold_into(buf, sizeof buf, s->text + w.start, len);
	if (fl == (size_t)-1)
		return false;
	for (size_t i = 0; i < s->ab->n; i++) {
		const abbrev *a = &s->ab->v[i];
		if (a->len == fl && memcmp(a->s, buf, fl) == 0)
			return !a->numeric || number_follows;
	}
	return false;
}

/*
 * Initials: one-letter segments each followed by a period ("J.", "U.S.",
 * "J.-L.", "p.m."), or a name ending in "-P" ("Jean-P."). Returns the
 * number of letters, 0 when w is not initials. A single lowercase letter
 * is a unit ("18 h."), not an initial.
 */
static size_t initials(const splitter *s, span w)
{
	const char *t = s->text;
	size_t i = w.start, letters = 0;
	for (size_t k = w.end; k > w.start; k--)
		if (t[k - 1] == '-' && k < w.end) {
			size_t adv;
			int32_t cp = cp_at(t, k, w.end, &adv);
			if (k + adv == w.end && px_cp_is_upper(cp))
				return 1; /* "Jean-P" */
			break;
		}
	while (i < w.end) {
		if (t[i] == '-')
			i++;
		size_t adv;
		int32_t cp = cp_at(t, i, w.end, &adv);
		if (!px_cp_is_letter(cp))
			return 0;
		letters++;
		i += adv;
		if (i < w.end && t[i] != '.')
			return 0;
		if (i < w.end)
			i++;
	}
	if (letters == 1) {
		size_t adv;
		if (!px_cp_is_upper(cp_at(t, w.start, w.end, &adv)))
			return 0;
	}
	return letters <= 4 ? letters : 0;
}

/* Is the word at k a stop word ("The", "Le")? Such a word after an acronym starts a sentence. */
static bool stop_word_at(const splitter *s, size_t k)
{
	/* Acronyms at a sentence end are rare: load the list only when one shows up. */
	if (!*s->stop && (s->lang < 0 || px_stopwords_load(s->stop, s->lang) != 0))
		return false;
	size_t e = k, adv;
	while (e < s->end && px_cp_is_letter(cp_at(s->text, e, s->end, &adv)))
		e += adv;
	char buf[64];
	size_t fl = e > k ? px_fold_into(buf, sizeof buf, s->text + k, e - k) : (size_t)-1;
	return fl != (size_t)-1 && px_strmap_get(*s->stop, buf, fl) >= 0;
}

/* Is the word at k a top-level domain ("Example.Com")? */
static bool tld_at(const splitter *s, size_t k)
{
	static const char *const tlds[] = { "com", "fr", "org", "net", "de", "uk", "io", "eu",
					    "info", "gov", "edu", "be", "ch", "es", "it", NULL };
	size_t e = k, adv;
	while (e < s->end && px_cp_is_letter(cp_at(s->text, e, s->end, &adv)))
		e += adv;
	char buf[16];
	size_t fl = e > k ? px_fold_into(buf, sizeof buf, s->text + k, e - k) : (size_t)-1;
	if (fl == (size_t)-1)
		return false;
	for (const char *const *d = tlds; *d; d++)
		if (strlen(*d) == fl && memcmp(*d, buf, fl) == 0)
			return true;
	return false;
}

static bool looks_like_url(const splitter *s, span w, size_t after)
{
	/* The token goes on after the period: look at it whole (within LOOK bytes). */
	size_t e = after, stop = after + LOOK < s->end ? after + LOOK : s->end;
	while (e < stop) {
		size_t adv;
		int32_t cp = cp_at(s->text, e, s->end, &adv);
		if (px_cp_is_space(cp))
			break;
		e += adv;
	}
	for (size_t i = w.start; i + 2 < e; i++) {
		if (s->text[i] == '@' || (s->text[i] == ':' && s->text[i + 1] == '/' &&
					  s->text[i + 2] == '/'))
			return true;
		if (i + 4 <= e && strncmp(s->text + i, "www.", 4) == 0)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------- decide */

/*
 * The sentence-starting word at k: a capital, a digit or an opening
 * quote/dash. For a period, next_lower tells the caller it was lowercase.
 */
static bool can_start(int32_t cp)
{
	return px_cp_is_upper(cp) || px_cp_is_digit(cp) || is_opener(cp) ||
	       (px_cp_is_letter(cp) && !px_cp_is_upper(cp) && cp > 0x24F &&
		!(cp >= 0x370 && cp <= 0x52F)); /* caseless scripts (Arabic, Hindi, ...) */
}

/* Decide on the terminal run text[t0..t1) ending the current sentence. */
static int terminal_run(splitter *s, size_t t0, size_t t1, size_t *resume)
{
	const char *t = s->text;
	size_t adv;
	bool has_period_only = true, ellipsis = false, fullwidth = false;
	size_t dots = 0;
	for (size_t i = t0; i < t1; i += adv) {
		int32_t cp = cp_at(t, i, t1, &adv);
		if (cp != '.')
			has_period_only = false;
		dots += cp == '.';
		ellipsis |= cp == 0x2026;
		/* 。！？ (and halfwidth ｡): Chinese and Japanese put no space after
		 * them and have no capitals, so they end a sentence as they stand. */
		fullwidth |= cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
	}
	ellipsis |= dots >= 3;
	/* "(...)": an elision mark inside a quotation, never a boundary. */
	if (ellipsis && t0 > 0 && t[t0 - 1] == '(' && t1 < s->end && t[t1] == ')') {
		*resume = t1 + 1;
		return 0;
	}
	/* Closing quotes and brackets belong to the sentence, NBSP or not. */
	size_t j = t1;
	for (;;) {
		size_t k = j;
		while (k < s->end && is_hspace(cp_at(t, k, s->end, &adv)))
			k += adv;
		int32_t cp = cp_at(t, k, s->end, &adv);
		if (is_closer(cp)) {
			j = k + adv;
			continue;
		}
		/* A straight quote right after the stop closes ('ended." The'). */
		if ((cp == '"' || cp == '\'') && k == j) {
			j = k + adv;
			continue;
		}
		break;
	}
	size_t k = j;
	bool space = false;
	while (k < s->end && is_hspace(cp_at(t, k, s->end, &adv))) {
		space = true;
		k += adv;
	}
	if (k >= s->end) {
		*resume = k;
		return 0; /* the region's end closes the sentence anyway */
	}
	int32_t next = cp_at(t, k, s->end, &adv);
	if (next == '\n' || next == '\r') {
		*resume = j;
		return boundary(s, j, j); /* a stop at the end of a line */
	}
	if (fullwidth) {
		*resume = k;
		return boundary(s, j, k);
	}
	span w = token_before(s, t0);
	if (!space) {
		/* Glued: "domestique.Consternant", "fr-02.Le"; not "Atlantico.fr", "3.5", "U.S.A". */
		*resume = j > t1 ? j : t1;
		if (!has_period_only || j != t1)
			return px_cp_is_upper(next) ? boundary(s, j, k) : 0;
		if (!px_cp_is_upper(next) || w.end - w.start < 2 || initials(s, w) ||
		    looks_like_url(s, w, k) || tld_at(s, k))
			return 0;
		size_t adv2;
		int32_t after = cp_at(t, k + adv, s->end, &adv2);
		size_t pk = cp_before(t, t0), padv;
		int32_t prev = px_utf8_decode(t + pk, t0 - pk, &padv);
		bool prev_ok = (px_cp_is_letter(prev) && !px_cp_is_upper(prev)) ||
			       px_cp_is_digit(prev) || is_closer(prev);
		if (prev_ok && px_cp_is_letter(after) && !px_cp_is_upper(after) &&
		    !is_abbreviation(s, w, false))
			return boundary(s, j, k);
		return 0;
	}
	*resume = k;
	if (!can_start(next))
		return 0;
	if (has_period_only && !ellipsis) {
		if (is_abbreviation(s, w, px_cp_is_digit(next)))
			return 0;
		size_t letters = initials(s, w);
		/*
		 * "J. Biden", "U.S. Army", "p.m. on Monday" go on; an acronym
		 * followed by a stop word ("in the U.S. The ...") ends.
		 */
		if (letters == 1 || (letters > 1 && !stop_word_at(s, k)))
			return 0;
	}
	return boundary(s, j, k);
}

/* After a line break at i (pointing at \n or \r): end the sentence or not. */
static int line_break(splitter *s, size_t i, size_t *resume)
{
	const char *t = s->text;
	size_t adv, k = i, breaks = 0;
	while (k < s->end) {
		int32_t cp = cp_at(t, k, s->end, &adv);
		if (cp == '\n' || cp == '\r') {
			/* CRLF counts once. */
			if (!(cp == '\n' && k > i && t[k - 1] == '\r'))
				breaks++;
		} else if (!is_hspace(cp)) {
			break;
		}
		k += adv;
	}
	*resume = k;
	if (k >= s->end)
		return 0;
	if (breaks >= 2)
		return boundary(s, i, k);
	/* One break: a wrapped line goes on in lowercase; anything else starts anew. */
	int32_t next = cp_at(t, k, s->end, &adv);
	if (px_cp_is_letter(next) && !px_cp_is_upper(next) && can_start(next) == false)
		return 0;
	return boundary(s, i, k);
}

static int split_region(spanvec *sv, const char *text, size_t start, size_t end,
			const abbrevs *ab, px_strmap **stop, int lang)
{
	splitter s = { text, end, ab, stop, lang, sv, start };
	size_t i = start;
	while (i < end) {
		size_t adv, resume;
		int32_t cp = cp_at(text, i, end, &adv);
		int rc = 0;
		if (cp == '\n' || cp == '\r') {
			rc = line_break(&s, i, &resume);
			i = resume;
		} else if (is_terminal(cp)) {
			size_t t1 = i + adv;
			while (t1 < end && is_terminal(cp_at(text, t1, end, &adv)))
				t1 += adv;
			rc = terminal_run(&s, i, t1, &resume);
			i = resume > i ? resume : t1;
		} else {
			i += adv;
		}
		if (rc)
			return rc;
	}
	return push(sv, text, s.sent, end);
}

int px_sentence_split(precis_span **out, size_t *n, const char *text, size_t len,
		      const precis_span *regions, size_t nregions, const char *lang)
{
	spanvec sv = { NULL, 0, 0 };
	precis_span whole = { 0, len };
	abbrevs ab;
	load_abbrevs(&ab, lang);
	px_strmap *stop = NULL;
	int li = px_lang_index(lang ? lang : "en");
	if (!regions) {
		regions = &whole;
		nregions = 1;
	}
	for (size_t r = 0; r < nregions; r++) {
		int rc = split_region(&sv, text, regions[r].start, regions[r].end, &ab, &stop, li);
		if (rc) {
			px_strmap_free(stop);
			free(sv.v);
			*out = NULL;
			*n = 0;
			return rc;
		}
	}
	px_strmap_free(stop);
	*out = sv.v;
	*n = sv.n;
	return 0;
}
