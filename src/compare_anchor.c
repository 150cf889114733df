/*
 * compare_anchor: what of a sentence survives translation, so that facts
 * can be matched across languages where wording cannot: numbers as values
 * ("1,8 milliard" and "1.8 billion", "1 500" and "1,500", "7,4" and
 * "7.4"), small number words ("neuf", "nine"), dates by their day and
 * month or weekday ("mercredi", "Wednesday"), and names (capitalised words
 * that are neither stop nor function words, accents dropped: "Taïwan" and
 * "Taiwan") and the speakers of quotes. Consecutive capitalised words form one anchor ("Margrethe
 * Vestager"), so that a single person never counts twice.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "compare_priv.h"
#include "strmap.h"
#include "text.h"
#include "vec.h"

void px_cmp_anchors_free(px_anchors *a)
{
	if (a)
		free(a->v);
}

/* Latin-1 letters without their accents (à..ÿ), for names written either way. */
static int32_t unaccent(int32_t cp)
{
	static const char base[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	return cp >= 0xE0 && cp <= 0xFF && cp != 0xF7 ? (int32_t)(unsigned char)base[cp - 0xE0] : cp;
}

/* Folded, accents dropped, into buf; its length, or 0 when it does not fit. */
static size_t anchor_key(char *buf, size_t cap, const char *s, size_t len)
{
	char f[256];
	size_t fl = px_fold_into(f, sizeof f, s, len), n = 0;
	if (fl == (size_t)-1)
		return 0;
	for (size_t i = 0; i < fl;) {
		size_t adv;
		int32_t cp = px_utf8_decode(f + i, fl - i, &adv);
		if (cp < 0)
			return 0;
		char enc[4];
		size_t el = px_utf8_encode(unaccent(cp), enc);
		if (n + el >= cap)
			return 0;
		memcpy(buf + n, enc, el);
		n += el;
		i += adv;
	}
	buf[n] = '\0';
	return n;
}

struct scan {
	const char *t;     /* the document's text */
	size_t end;        /* end of the sentence */
	const char *lang;
	px_anchors *out;
	size_t cap;
	uint32_t group;
	char kind;         /* of the anchors being pushed: 'n', 'd', 'w' or 'q' */
};

static int push(struct scan *s, uint64_t h, size_t start, size_t end)
{
	if (px_vec_reserve((void **)&s->out->v, &s->cap, s->out->n + 1, sizeof *s->out->v))
		return PRECIS_ENOMEM;
	s->out->v[s->out->n++] = (px_anchor){ h, s->group, { start, end }, s->kind };
	return 0;
}

/* The kind and the key hashed as "k:key", the key whole however long (no buffer to outgrow). */
static int push_key(struct scan *s, char kind, const char *key, size_t start, size_t end)
{
	char head[2] = { kind, ':' };
	s->kind = kind;
	return push(s, px_hash_more(px_hash(head, sizeof head), key, strlen(key)), start, end);
}

static bool digit_at(const struct scan *s, size_t i)
{
	return i < s->end && s->t[i] >= '0' && s->t[i] <= '9';
}

/* Digits from i; their count. */
static size_t digits(const struct scan *s, size_t i)
{
	size_t k = 0;
	while (digit_at(s, i + k))
		k++;
	return k;
}

/* A space between digit groups: ' ', NBSP or narrow NBSP; its byte length or 0. */
static size_t group_space(const struct scan *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s->t + i;
	if (i < s->end && u[0] == ' ')
		return 1;
	if (i + 1 < s->end && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (i + 2 < s->end && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF)
		return 3;
	return 0;
}

/*
 * The scale word after a number ("milliard", "billion", "million"), as a
 * power of ten; 0 when none. English "billion" is 10^9; French "billion"
 * is 10^12 but rare in news, where "milliard" is 10^9.
 */
static int scale_after(const struct scan *s, size_t i, size_t *end)
{
	static const struct {
		const char *w;
		int p;
	} sc[] = { { "thousand", 3 }, { "mille", 3 },    { "million", 6 },  { "millions", 6 },
		   { "billion", 9 },  { "billions", 9 }, { "milliard", 9 }, { "milliards", 9 },
		   { "bn", 9 },       { "trillion", 12 } };
	size_t sp = group_space(s, i);
	if (!sp)
		return 0;
	i += sp;
	size_t j = i;
	while (j < s->end && ((s->t[j] >= 'a' && s->t[j] <= 'z') || (s->t[j] >= 'A' && s->t[j] <= 'Z')))
		j++;
	for (size_t k = 0; k < sizeof sc / sizeof sc[0]; k++)
		if (strlen(sc[k].w) == j - i && strncasecmp(s->t + i, sc[k].w, j - i) == 0) {
			bool fr_billion = s->lang && strcmp(s->lang, "fr") == 0 &&
					  strncmp(sc[k].w, "billion", 7) == 0;
			*end = j;
			return fr_billion ? 12 : sc[k].p;
		}
	return 0;
}

/*
 * A number from i: groups of three after a space (both languages) or
 * after the thousands mark of the language (',' in English, '.'
 * elsewhere), one decimal mark (the other one). *end gets its end.
 */
static double read_number(const struct scan *s, size_t i, size_t *end)
{
	bool en = s->lang && strcmp(s->lang, "en") == 0;
	char thousands = en ? ',' : '.', decimal = en ? '.' : ',';
	double v = 0, frac = 0, scale = 1;
	size_t k = digits(s, i);
	for (size_t q = 0; q < k; q++)
		v = v * 10 + (s->t[i + q] - '0');
	i += k;
	for (;;) {
		size_t sp = group_space(s, i);
		size_t mark = sp ? sp : (i < s->end && s->t[i] == thousands) ? 1 : 0;
		if (mark && digits(s, i + mark) == 3) {
			for (size_t q = 0; q < 3; q++)
				v = v * 10 + (s->t[i + mark + q] - '0');
			i += mark + 3;
			continue;
		}
		break;
	}
	if (i < s->end && s->t[i] == decimal && (k = digits(s, i + 1)) > 0) {
		for (size_t q = 0; q < k; q++) {
			scale /= 10;
			frac += scale * (s->t[i + 1 + q] - '0');
		}
		i += 1 + k;
	}
	v += frac;
	size_t e;
	int p = scale_after(s, i, &e);
	if (p) {
		v *= pow(10, p);
		i = e;
	}
	*end = i;
	return v;
}

/* Small number words that translate one to one (not "one"/"un": also an article). */
static int number_word(const char *key)
{
	static const char *const w[][3] = {
		{ "two", "deux", "2" },    { "three", "trois", "3" }, { "four", "quatre", "4" },
		{ "five", "cinq", "5" },   { "six", "six", "6" },     { "seven", "sept", "7" },
		{ "eight", "huit", "8" },  { "nine", "neuf", "9" },   { "ten", "dix", "10" },
		{ "eleven", "onze", "11" }, { "twelve", "douze", "12" }, { "twenty", "vingt", "20" },
		{ "hundred", "cent", "100" }, { "dozens", "dizaines", "12" },
	};
	for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
		if (strcmp(key, w[k][0]) == 0 || strcmp(key, w[k][1]) == 0)
			return atoi(w[k][2]);
	return 0;
}

static bool in_dates(const precis_date *d, size_t nd, size_t pos)
{
	for (size_t k = 0; k < nd; k++)
		if (pos >= d[k].span.start && pos < d[k].span.end)
			return true;
	return false;
}

/* Dates of the sentence: a day and month, a month of a year or a year; and a weekday. */
static int date_anchors(struct scan *s, const precis_date *d, size_t nd, precis_span sent)
{
	for (size_t k = 0; k < nd; k++) {
		if (d[k].span.start < sent.start || d[k].span.end > sent.end)
			continue;
		char key[32] = "", wd[8] = "";
		if (d[k].month && d[k].day)
			snprintf(key, sizeof key, "%02d-%02d", d[k].month % 100, d[k].day % 100);
		else if (d[k].month && d[k].year)
			snprintf(key, sizeof key, "%04d-%02d", d[k].year % 10000, d[k].month % 100);
		else if (d[k].year && d[k].kind == PRECIS_DATE_YEAR) /* "since 1994", "depuis 1994" */
			snprintf(key, sizeof key, "%04d", d[k].year % 10000);
		/* "mercredi 13 septembre" is also "Wednesday": one group, either key matches. */
		if (d[k].weekday)
			snprintf(wd, sizeof wd, "wd%d", d[k].weekday % 10);
		if (!key[0] && !wd[0])
			continue;
		s->group++;
		int rc = 0;
		if (key[0])
			rc = push_key(s, 'd', key, d[k].span.start, d[k].span.end);
		if (!rc && wd[0])
			rc = push_key(s, 'd', wd, d[k].span.start, d[k].span.end);
		if (rc)
			return rc;
	}
	return 0;
}

/* Letters (and inner hyphens or apostrophes) from i: the word's end. */
static size_t word_end(const struct scan *s, size_t i)
{
	while (i < s->end) {
		size_t adv;
		int32_t cp = px_utf8_decode(s->t + i, s->end - i, &adv);
		if (cp < 0)
			break;
		if (!px_cp_is_letter(cp) && !(px_cp_is_hyphen(cp) || px_cp_is_apostrophe(cp)))
			break;
		if (!px_cp_is_letter(cp)) { /* inner only */
			size_t a2;
			int32_t nx = i + adv < s->end ? px_utf8_decode(s->t + i + adv, s->end - i - adv, &a2)
						      : -1;
			if (nx < 0 || !px_cp_is_letter(nx))
				break;
		}
		i += adv;
	}
	return i;
}

/*
 * A word: a number word, or a name (capitalised, two letters or more, not
 * a stop or function word of the language). *run says whether the last
 * word was a name, so that a run of them is one anchor.
 */
static int word_anchor(struct scan *s, precis_analyzer *a, size_t i, size_t e, bool *run)
{
	/* An elided article or pronoun is not the name's: "l'App Store", "d'Apple". */
	for (size_t k = i + 1; k < e && k <= i + 2; k++) {
		size_t adv;
		int32_t ap = px_utf8_decode(s->t + k, e - k, &adv);
		if (ap >= 0 && px_cp_is_apostrophe(ap) && k + adv < e) {
			i = k + adv;
			break;
		}
	}
	char key[128];
	size_t kl = anchor_key(key, sizeof key, s->t + i, e - i);
	size_t adv;
	int32_t cp = px_utf8_decode(s->t + i, s->end - i, &adv);
	int nw = kl ? number_word(key) : 0;
	if (nw) {
		char num[16];
		snprintf(num, sizeof num, "%d", nw);
		s->group++;
		*run = false;
		return push_key(s, 'n', num, i, e);
	}
	bool name = kl >= 2 && px_cp_is_upper(cp) && !px_is_stopword(a, s->lang, key, kl) &&
		    !px_cmp_function_word(s->lang, key, kl);
	if (!name) {
		*run = false;
		return 0;
	}
	if (!*run)
		s->group++;
	*run = true;
	return push_key(s, 'w', key, i, e);
}

/*
 * A quote in the sentence with a known speaker: the same person quoted is
 * a fact of its own beside the name (quotes are translated, speakers are
 * not), so it is a group of its own, with no bytes to show.
 */
static int quote_anchors(struct scan *s, const precis_meta *m, precis_span sent)
{
	size_t nq;
	const precis_quote *q = precis_meta_quotes(m, &nq);
	for (size_t k = 0; k < nq; k++) {
		if (!q[k].speaker || q[k].span.end <= sent.start || q[k].span.start >= sent.end)
			continue;
		char key[128];
		if (!anchor_key(key, sizeof key, q[k].speaker, strlen(q[k].speaker)))
			continue;
		s->group++;
		int rc = push_key(s, 'q', key, sent.start, sent.start);
		if (rc)
			return rc;
	}
	return 0;
}

int px_cmp_anchors(px_anchors *out, precis_analyzer *a, const work *w, size_t sent)
{
	*out = (px_anchors){ NULL, 0, 0 };
	const precis_doc *d = w->doc;
	precis_span sp = d->sents[sent];
	size_t nd;
	const precis_date *dates = precis_meta_dates(w->meta, &nd);
	struct scan s = { d->text, sp.end, d->lang, out, 0, 0, 0 };
	int rc = date_anchors(&s, dates, nd, sp);
	if (!rc)
		rc = quote_anchors(&s, w->meta, sp);
	bool run = false;
	for (size_t i = sp.start; i < sp.end && !rc;) {
		size_t adv;
		int32_t cp = px_utf8_decode(d->text + i, sp.end - i, &adv);
		if (cp < 0)
			break;
		if (in_dates(dates, nd, i)) {
			run = false;
			i += adv;
			continue;
		}
		if (digit_at(&s, i)) {
			size_t e;
			double v = read_number(&s, i, &e);
			char num[40];
			snprintf(num, sizeof num, "%.6g", v);
			s.group++;
			run = false;
			rc = push_key(&s, 'n', num, i, e);
			i = e;
		} else if (px_cp_is_letter(cp)) {
			size_t e = word_end(&s, i);
			rc = word_anchor(&s, a, i, e, &run);
			i = e;
		} else {
			/* Only spaces continue a run of names: "Wu Chien-fu", not "Apple, Spotify". */
			run &= cp == ' ';
			i += adv;
		}
	}
	out->ngroups = s.group;
	return rc;
}

/* Groups of x with an anchor that y has too; *hard: one of them is not a name. */
static size_t covered(const px_anchors *x, const px_anchors *y, bool *hit, bool *hard)
{
	size_t n = 0;
	for (size_t i = 0; i < x->n; i++) {
		uint32_t g = x->v[i].group;
		if (hit[g])
			continue;
		for (size_t j = 0; j < y->n; j++)
			if (x->v[i].h == y->v[j].h) {
				hit[g] = true;
				*hard |= x->v[i].kind != 'w';
				n++;
				break;
			}
	}
	return n;
}

/*
 * Anchors two sentences share, counted by groups in each and the smaller
 * count taken, so that "Margrethe Vestager" against "Vestager" is one.
 * Sentences hold a few dozen anchors: the quadratic scan is cheap.
 */
size_t px_cmp_anchors_shared(const px_anchors *x, const px_anchors *y, bool *hit_x, bool *hard)
{
	bool local[256], other[256], h = false;
	size_t gx = x->ngroups + 1, gy = y->ngroups + 1;
	bool *hx = hit_x ? hit_x : gx <= 256 ? local : calloc(gx, 1);
	bool *hy = gy <= 256 ? other : calloc(gy, 1);
	size_t r = 0;
	if (hx && hy) {
		memset(hx, 0, gx);
		memset(hy, 0, gy);
		size_t a = covered(x, y, hx, &h), b = covered(y, x, hy, &h);
		r = a < b ? a : b;
	}
	if (hx != local && hx != hit_x)
		free(hx);
	if (hy != other)
		free(hy);
	if (hard)
		*hard = h;
	return r;
}
