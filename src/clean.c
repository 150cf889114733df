/*
 * clean: turn a scraped news page into an article. Each non-blank line is
 * kept or dropped with a reason; the headline and the outlet are found
 * among the first lines. Rules go from the most specific evidence (markup,
 * credits, cue phrases) to layout (menu runs, repeats), and a real
 * sentence is protected from weak cues: a long paragraph that mentions
 * "AFP" or "newsletter" is body text.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "data.h"
#include "strmap.h"
#include "text.h"
#include "token.h"

#define MAX_CUES 256
#define SHORT_WORDS 6      /* a menu item has at most this many words */
#define WEAK_WORDS 4       /* weak cues only drop lines this short */
#define START_WORDS 20     /* start cues only drop lines this short */
#define STRONG_WORDS 60    /* longer lines are body whatever they contain */
#define HEAD_LINES 15      /* the headline is looked for among these lines */
#define NEAR_DUPLICATE 0.8 /* word-set Jaccard of two repeated paragraphs */

typedef struct {
	const char *s;
	size_t len;
} cue;

typedef struct {
	cue strong[MAX_CUES], start[MAX_CUES], weak[MAX_CUES];
	size_t nstrong, nstart, nweak;
	cue agencies[64];
	size_t nagencies;
} cues;

typedef struct {
	precis_span span;
	char *folded;   /* NFC + case folded, typographic apostrophes as ' */
	size_t words;
	bool terminal;  /* ends like a sentence */
	const char *reason;
} line;

/* ------------------------------------------------------------- cue data */

static void add_cue(cue *v, size_t *n, size_t max, const char *s, size_t len)
{
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	if (len && *n < max)
		v[(*n)++] = (cue){ s, len };
}

static int add_agency(const char *canon, size_t clen, const char *name, size_t nlen, void *ctx)
{
	(void)canon;
	(void)clen;
	cues *c = ctx;
	if (c->nagencies < 64)
		c->agencies[c->nagencies++] = (cue){ name, nlen };
	return 0;
}

static void load_cues(cues *c, const char *lang)
{
	memset(c, 0, sizeof *c);
	char path[64];
	snprintf(path, sizeof path, "stopwords/cues/clean-%s.txt", lang);
	const px_datafile *f = px_data_find(path);
	if (!f)
		f = px_data_find("stopwords/cues/clean-en.txt");
	const char *p = f ? f->bytes : "", *end = f ? f->bytes + f->len : p;
	int section = 0; /* 1 strong, 2 start, 3 weak */
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t len = (size_t)(eol - p);
		if (len && p[0] == '[')
			section = strncmp(p, "[strong]", 8) == 0 ? 1 :
				  strncmp(p, "[start]", 7) == 0  ? 2 :
				  strncmp(p, "[weak]", 6) == 0   ? 3 : 0;
		else if (len && p[0] != '|' && section == 1)
			add_cue(c->strong, &c->nstrong, MAX_CUES, p, len);
		else if (len && p[0] != '|' && section == 2)
			add_cue(c->start, &c->nstart, MAX_CUES, p, len);
		else if (len && p[0] != '|' && section == 3)
			add_cue(c->weak, &c->nweak, MAX_CUES, p, len);
		p = eol + 1;
	}
	px_data_aliases(px_data_find("stopwords/cues/agencies.txt"), add_agency, c);
}

/* ----------------------------------------------------------- line facts */

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

/* Folded copy for cue matching: NBSP as space, ’ as '. */
static char *fold_line(const char *s, size_t len)
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
	return f;
}

static bool contains(const char *hay, const cue *c)
{
	size_t n = strlen(hay);
	for (size_t i = 0; i + c->len <= n; i++)
		if (memcmp(hay + i, c->s, c->len) == 0)
			return true;
	return false;
}

static bool any_contains(const char *hay, const cue *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (contains(hay, &v[i]))
			return true;
	return false;
}

static bool any_starts(const char *hay, const cue *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(hay, v[i].s, v[i].len) == 0)
			return true;
	return false;
}

/* Is s[0..len) (original case) exactly one agency name, maybe in brackets or after "avec"? */
static bool is_agency_name(const cues *c, const char *s, size_t len)
{
	while (len && (*s == '(' || *s == ' ' || *s == '-'))
		s++, len--;
	while (len && (s[len - 1] == ')' || s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	if (len > 5 && (strncmp(s, "avec ", 5) == 0 || strncmp(s, "with ", 5) == 0))
		s += 5, len -= 5;
	for (size_t i = 0; i < c->nagencies; i++)
		if (c->agencies[i].len == len && memcmp(c->agencies[i].s, s, len) == 0)
			return true;
	return false;
}

/*
 * Photo captions and credits: "(photo AFP)", "... / AFP", "NAME,HANDOUT /
 * AFP", "Crédits Photo: ...". The tail after the last " / " names an
 * agency or is written in capitals.
 */
static bool is_credit(const cues *c, const char *s, size_t len, const char *folded)
{
	if (strstr(folded, "(photo ") || strstr(folded, "photo afp") || strstr(folded, "getty images"))
		return true;
	const char *slash = NULL;
	for (size_t i = 0; i + 2 < len; i++)
		if (s[i] == ' ' && s[i + 1] == '/' && s[i + 2] == ' ')
			slash = s + i;
	if (!slash)
		return false;
	const char *tail = slash + 3;
	size_t tl = (size_t)(s + len - tail);
	if (is_agency_name(c, tail, tl))
		return true;
	size_t letters = 0, upper = 0;
	for (size_t i = 0; i < tl;) {
		size_t adv;
		int32_t cp = px_utf8_decode(tail + i, tl - i, &adv);
		if (px_cp_is_letter(cp)) {
			letters++;
			upper += px_cp_is_upper(cp);
		}
		i += adv;
	}
	return letters >= 2 && upper == letters;
}

static bool is_markup(const char *s, size_t len, const char *folded)
{
	if (strstr(folded, "<!--") == folded || strstr(folded, "</") || strstr(folded, "/>"))
		return true;
	if (len && s[0] == '<' && s[len - 1] == '>')
		return true;
	/* A line with no letter or digit at all: "<", "***", "|". */
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (px_cp_is_letter(cp) || px_cp_is_digit(cp))
			return false;
		i += adv;
	}
	return true;
}

static bool is_script(const char *folded)
{
	return strstr(folded, "window.") || strstr(folded, "function(") ||
	       strstr(folded, "function (") || strstr(folded, "= new ") ||
	       strstr(folded, "document.") || strstr(folded, "var ") == folded ||
	       (strchr(folded, '{') && strchr(folded, '}') && strchr(folded, ';'));
}

/*
 * Template tokens: one word, no capital, joined by '-' or '_' or mixing
 * letters and digits ("news-details", "fr-02", "author" after a widget).
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
	return joiner || (digit && letter);
}

/* "Accueil | Monde | Titre": two or more separators between short segments. */
static bool is_breadcrumb(const char *s, size_t len, const char **tail)
{
	size_t seps = 0;
	const char *last = NULL;
	for (size_t i = 0; i + 2 < len; i++) {
		if (s[i] == ' ' && (s[i + 1] == '|' || s[i + 1] == '>') && s[i + 2] == ' ') {
			seps++;
			last = s + i + 3;
		} else if (s[i] == ' ' && i + 4 < len && (unsigned char)s[i + 1] == 0xE2 &&
			   (unsigned char)s[i + 2] == 0x80 && (unsigned char)s[i + 3] == 0xBA) {
			seps++; /* › */
			last = s + i + 5;
		}
	}
	*tail = last;
	return seps >= 2;
}

/* Word-set Jaccard of two folded lines, for near-duplicate paragraphs. */
static double jaccard(const char *a, const char *b)
{
	/* Small and rare (only long lines that start alike): a quadratic scan is fine. */
	size_t inter = 0, na = 0, nb = 0;
	const char *p = a;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (e > p) {
			na++;
			size_t wl = (size_t)(e - p);
			const char *q = b;
			while (*q) {
				while (*q == ' ')
					q++;
				const char *f = q;
				while (*f && *f != ' ')
					f++;
				if ((size_t)(f - q) == wl && memcmp(p, q, wl) == 0) {
					inter++;
					break;
				}
				q = f;
			}
		}
		p = e;
	}
	for (p = b; *p;) {
		while (*p == ' ')
			p++;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		nb += e > p;
		p = e;
	}
	size_t uni = na + nb - inter;
	return uni ? (double)inter / (double)uni : 0.0;
}

/* Compare two lines ignoring case, spaces and punctuation. */
static bool same_text(const char *a, const char *b)
{
	for (;;) {
		while (*a && !(((unsigned char)*a >= 0x80) || (*a >= 'a' && *a <= 'z') ||
			       (*a >= '0' && *a <= '9')))
			a++;
		while (*b && !(((unsigned char)*b >= 0x80) || (*b >= 'a' && *b <= 'z') ||
			       (*b >= '0' && *b <= '9')))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (*a != *b)
			return false;
		a++;
		b++;
	}
}

/* Does folded line a start with folded line b's text (b at least 20 bytes)? */
static bool starts_with_text(const char *a, const char *b)
{
	size_t n = strlen(b);
	return n >= 20 && strncmp(a, b, n) == 0;
}

/* ------------------------------------------------------------ classify */

static void classify(line *L, size_t n, const char *text, const cues *c)
{
	for (size_t i = 0; i < n; i++) {
		line *l = &L[i];
		const char *s = text + l->span.start;
		size_t len = l->span.end - l->span.start;
		const char *f = l->folded;
		const char *tail;
		if (is_markup(s, len, f))
			l->reason = "markup";
		else if (l->words <= STRONG_WORDS && is_script(f))
			l->reason = "script"; /* in a long paragraph, leftover code is a lesser evil */
		else if (l->words == 1 && is_template_token(s, len))
			l->reason = "template";
		else if (is_breadcrumb(s, len, &tail) && !l->terminal)
			l->reason = "breadcrumb";
		else if (is_credit(c, s, len, f))
			l->reason = "credit";
		else if (l->words <= STRONG_WORDS && any_contains(f, c->strong, c->nstrong))
			l->reason = "widget";
		else if (l->words <= START_WORDS && any_starts(f, c->start, c->nstart))
			l->reason = "widget";
		else if (is_agency_name(c, s, len))
			l->reason = "signature";
		else if (l->words <= WEAK_WORDS && !l->terminal && any_contains(f, c->weak, c->nweak))
			l->reason = "widget";
		else if (l->words <= 1 && !l->terminal)
			l->reason = "fragment";
	}
}

/* A line that reads as a menu entry: unexplained, a lone word, or a short cue ("Connexion"). */
static bool menu_item(const line *l)
{
	if (!l->reason || strcmp(l->reason, "fragment") == 0)
		return true;
	return strcmp(l->reason, "widget") == 0 && l->words <= 2 && !l->terminal;
}

/* Runs of three or more short lines are menus (blank lines do not break a run). */
static void mark_menus(line *L, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && (L[j].reason || (L[j].words <= SHORT_WORDS && !L[j].terminal)))
			j++;
		size_t items = 0;
		for (size_t k = i; k < j; k++)
			items += menu_item(&L[k]);
		/* Only a run with at least 3 lines, 2 of them plain short items. */
		if (j - i >= 3 && items >= 2)
			for (size_t k = i; k < j; k++)
				if (menu_item(&L[k]))
					L[k].reason = "menu";
		i = j > i ? j : i + 1;
	}
}

/* A short line that comes back (site names) or a paragraph printed twice. */
/* The text same_text() compares: no ASCII punctuation or space. */
static size_t normalize(char *out, const char *f, size_t max_words)
{
	size_t o = 0, words = 0;
	bool in = false;
	for (; *f; f++) {
		unsigned char ch = (unsigned char)*f;
		bool keep = ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
		if (keep && !in && ++words > max_words)
			break;
		in = keep || (in && ch != ' ');
		if (keep)
			out[o++] = (char)ch;
	}
	out[o] = '\0';
	return o;
}

#define BUCKET 8 /* near-duplicate candidates kept per opening */

/*
 * A short line that comes back (site names), or a paragraph printed twice.
 * Exact repeats are found by hashing; near repeats are looked for only
 * among kept paragraphs that open with the same five words, so long pages
 * stay linear.
 */
static int mark_repeats(line *L, size_t n)
{
	if (n < 2)
		return 0; /* one line repeats nothing (most JSONL records) */
	px_strmap *all = NULL, *kept = NULL, *opening = NULL;
	size_t *first_all = malloc((n ? n : 1) * sizeof *first_all);
	size_t (*bucket)[BUCKET] = calloc(n ? n : 1, sizeof *bucket);
	size_t *bucket_n = calloc(n ? n : 1, sizeof *bucket_n);
	char *buf = NULL;
	size_t cap = 0;
	int rc = px_strmap_new(&all);
	if (!rc)
		rc = px_strmap_new(&kept);
	if (!rc)
		rc = px_strmap_new(&opening);
	if (!rc && (!first_all || !bucket || !bucket_n))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; i < n && !rc; i++) {
		size_t need = strlen(L[i].folded) + 1;
		if (need > cap) {
			char *nb = realloc(buf, need);
			if (!nb) {
				rc = PRECIS_ENOMEM;
				break;
			}
			buf = nb;
			cap = need;
		}
		size_t kl = normalize(buf, L[i].folded, (size_t)-1);
		int64_t id, oid = -1;
		int added;
		if ((rc = px_strmap_intern(all, buf, kl, &id, &added)))
			break;
		if (added)
			first_all[id] = i;
		bool repeat = !added;
		size_t j = repeat ? first_all[id] : i;
		if (!L[i].reason && repeat && L[i].words <= 4) {
			/* The site's name printed in its header and footer. */
			if (!L[j].reason || strcmp(L[j].reason, "menu") == 0 ||
			    strcmp(L[j].reason, "fragment") == 0)
				L[j].reason = "site";
			L[i].reason = "site";
		} else if (!L[i].reason) {
			/*
			 * A paragraph printed twice: drop the second copy, unless the
			 * first was itself dropped (a photo caption repeating the lead
			 * leaves the body copy as the one to keep).
			 */
			int64_t k = px_strmap_get(kept, buf, kl);
			if (k >= 0) {
				L[i].reason = "duplicate";
			} else if (L[i].words >= 12) {
				size_t ol = normalize(buf, L[i].folded, 5);
				if ((rc = px_strmap_intern(opening, buf, ol, &oid, &added)))
					break;
				for (size_t b = 0; b < bucket_n[oid] && b < BUCKET; b++)
					if (jaccard(L[i].folded, L[bucket[oid][b]].folded) >= NEAR_DUPLICATE) {
						L[i].reason = "duplicate";
						break;
					}
			}
		}
		/* Kept lines (and the headline) are what later copies repeat. */
		if (!L[i].reason || strcmp(L[i].reason, "headline") == 0) {
			kl = normalize(buf, L[i].folded, (size_t)-1);
			if ((rc = px_strmap_intern(kept, buf, kl, &id, &added)))
				break;
			if (L[i].words >= 12) {
				size_t ol = normalize(buf, L[i].folded, 5);
				if ((rc = px_strmap_intern(opening, buf, ol, &oid, &added)))
					break;
				bucket[oid][bucket_n[oid]++ % BUCKET] = i;
			}
		}
	}
	px_strmap_free(all);
	px_strmap_free(kept);
	px_strmap_free(opening);
	free(first_all);
	free(bucket);
	free(bucket_n);
	free(buf);
	return rc;
}

/* Strip " | Atlantico.fr", " - Le Monde" and "<!-- -->" from a title line. */
static precis_span strip_title(const char *text, precis_span sp, precis_span *site)
{
	*site = (precis_span){ 0, 0 };
	const char *s = text + sp.start;
	size_t len = sp.end - sp.start;
	for (size_t i = len; i-- > 2;) {
		bool bar = s[i] == '|' && s[i - 1] == ' ';
		bool dash = (s[i] == '-' && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' ');
		if (!bar && !dash)
			continue;
		size_t after = i + 1;
		while (after < len && s[after] == ' ')
			after++;
		size_t words = count_words(s + after, len - after, NULL);
		if (words == 0 || words > 4)
			break;
		*site = (precis_span){ sp.start + after, sp.end };
		len = i - 1;
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

static bool title_like(const line *l)
{
	return !l->reason && l->words >= 4 && l->words <= 30 && !l->terminal;
}

/*
 * The headline: a <title>-style line with a site suffix, a breadcrumb's
 * last segment or a line printed twice, else the first title-like line
 * that comes right before the body.
 */
static ssize_t find_headline(line *L, size_t n, const char *text, precis_span *head,
			     precis_span *site)
{
	size_t lim = n < HEAD_LINES ? n : HEAD_LINES;
	*site = (precis_span){ 0, 0 };
	/* Evidence 1: a line (or breadcrumb tail) repeated later. */
	for (size_t i = 0; i < lim; i++) {
		const char *tail;
		const char *s = text + L[i].span.start;
		size_t len = L[i].span.end - L[i].span.start;
		bool crumb = L[i].reason && strcmp(L[i].reason, "breadcrumb") == 0 &&
			     is_breadcrumb(s, len, &tail);
		for (size_t j = i + 1; j < lim; j++) {
			if (!L[j].reason || strcmp(L[j].reason, "duplicate") != 0 || L[j].words < 4 ||
			    L[j].words > 30 || L[j].terminal)
				continue;
			if (!crumb && L[i].reason)
				continue;
			char *tf = crumb ? fold_line(tail, (size_t)(s + len - tail)) : NULL;
			bool match = crumb ? tf && same_text(tf, L[j].folded)
					   : starts_with_text(L[i].folded, L[j].folded) ||
						     same_text(L[i].folded, L[j].folded);
			free(tf);
			if (!match)
				continue;
			/* Keep the cleaner copy (no breadcrumb, no site suffix) as headline. */
			precis_span s1 = strip_title(text, L[j].span, site);
			precis_span s0;
			strip_title(text, L[i].span, &s0);
			if (site->end == site->start)
				*site = s0;
			*head = s1;
			if (!crumb && !L[i].reason)
				L[i].reason = "header";
			L[j].reason = "headline";
			return (ssize_t)j;
		}
	}
	/* Evidence 2: a title-like line carrying a site suffix. */
	for (size_t i = 0; i < lim; i++) {
		if (L[i].reason || L[i].terminal)
			continue;
		precis_span st, sp = strip_title(text, L[i].span, &st);
		if (st.end > st.start && L[i].words >= 5) {
			*head = sp;
			*site = st;
			L[i].reason = "headline";
			return (ssize_t)i;
		}
	}
	/* Evidence 3: the first title-like line followed by a body paragraph. */
	for (size_t i = 0; i < lim; i++) {
		if (!L[i].reason && L[i].terminal && L[i].words >= 12)
			return -1; /* the body started first: no headline shown */
		if (!title_like(&L[i]))
			continue;
		for (size_t j = i + 1; j < n && j <= i + 3; j++) {
			if (L[j].reason)
				continue;
			if (L[j].terminal && L[j].words >= 12) {
				*head = strip_title(text, L[i].span, site);
				L[i].reason = "headline";
				return (ssize_t)i;
			}
		}
	}
	return -1;
}

/* Lines before the headline are page furniture (kickers, teasers, tags). */
static void mark_header(line *L, size_t upto)
{
	for (size_t i = 0; i < upto; i++)
		if (!L[i].reason)
			L[i].reason = "header";
}

/* ---------------------------------------------------------------- API */

static int split_lines(line **out, size_t *n, const char *text, size_t len, const char *lang)
{
	size_t cap = 32, i = 0;
	line *L = malloc(cap * sizeof *L);
	if (!L)
		return PRECIS_ENOMEM;
	*n = 0;
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
		if (t > s) {
			if (*n == cap) {
				cap *= 2;
				line *nl = realloc(L, cap * sizeof *nl);
				if (!nl)
					goto oom;
				L = nl;
			}
			line *l = &L[(*n)++];
			memset(l, 0, sizeof *l);
			l->span = (precis_span){ s, t };
			if (!(l->folded = fold_line(text + s, t - s))) {
				(*n)--;
				goto oom;
			}
			l->words = count_words(text + s, t - s, lang);
			l->terminal = ends_like_sentence(text + s, t - s);
		}
		i = e + 1;
	}
	*out = L;
	return 0;
oom:
	for (size_t k = 0; k < *n; k++)
		free(L[k].folded);
	free(L);
	return PRECIS_ENOMEM;
}

int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang)
{
	(void)a;
	memset(out, 0, sizeof *out);
	line *L;
	size_t n;
	int rc = split_lines(&L, &n, text, len, lang);
	if (rc)
		return rc;
	cues c;
	load_cues(&c, lang ? lang : "en");
	classify(L, n, text, &c);
	if ((rc = mark_repeats(L, n))) {
		for (size_t i = 0; i < n; i++)
			free(L[i].folded);
		free(L);
		return rc;
	}
	mark_menus(L, n);
	precis_span head = { 0, 0 }, site = { 0, 0 };
	ssize_t h = find_headline(L, n, text, &head, &site);
	if (h >= 0) {
		mark_header(L, (size_t)h);
		out->headline = head;
		out->outlet = site;
	}
	/* A short line repeated in header and footer names the site. */
	if (out->outlet.end == out->outlet.start)
		for (size_t i = 0; i < n; i++)
			if (L[i].reason && strcmp(L[i].reason, "site") == 0) {
				out->outlet = L[i].span;
				break;
			}
	out->lines = malloc((n ? n : 1) * sizeof *out->lines);
	if (!out->lines) {
		rc = PRECIS_ENOMEM;
	} else {
		for (size_t i = 0; i < n; i++)
			out->lines[i] = (px_clean_line){ L[i].span, L[i].reason };
		out->nlines = n;
	}
	for (size_t i = 0; i < n; i++)
		free(L[i].folded);
	free(L);
	return rc;
}

void px_clean_result_free(px_clean_result *r)
{
	if (!r)
		return;
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}
