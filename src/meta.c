/*
 * meta: what an article says about when, where and who. Dates (French and
 * English forms, resolvable against the publication date), places (a
 * gazetteer plus "à X"/"in X"), persons (capitalised sequences, name
 * variants merged: "Kim Jong Un" / "Kim Jong-un" / "Kim"), agencies cited
 * and quotes with their speaker. Word lists live in stopwords/cues/.
 *
 * Everything works on one token array: each word of the headline and the
 * body sentences with its folded form, its sentence and whether it is
 * capitalised, so every matcher is a linear scan.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "data.h"
#include "doc.h"
#include "strmap.h"
#include "text.h"
#include "token.h"

#define MAX_PHRASE 4 /* words in a relative-date phrase or a place name */

typedef struct {
	size_t start, end; /* bytes in the doc text */
	const char *fold;  /* folded form, in the arena */
	size_t flen;
	int unit;          /* 0 = headline, 1.. = sentences */
	bool cap;          /* starts with a capital */
	bool first;        /* first word of its unit */
	int num;           /* value when all digits (or "1er", "25th"), else -1 */
} tok;

typedef struct {
	char *buf;
	size_t len, cap;
} arena;

/* Word lists of one language. Words are folded; phrases are token sequences. */
typedef struct {
	px_strmap *month;     /* word -> month index (id order gives nothing: see month_of) */
	int *month_of;
	px_strmap *weekday;
	int *weekday_of;
	px_strmap *last, *and_, *honor, *org, *prep, *reporting1;
	struct phrase {
		const char *w[MAX_PHRASE];
		size_t n;
		int offset;
		char unit;
	} rel[32], rep[48];
	size_t nrel, nrep;
	arena words; /* storage for phrase words */
} lists;

typedef struct {
	char *name;
	char **variants;
	size_t nvariants;
	size_t mentions, first;
	char *key; /* folded, hyphens as spaces */
} entity;

typedef struct {
	entity *v;
	size_t n, cap;
} entvec;

struct precis_meta {
	precis_date *dates;
	size_t ndates;
	precis_entity *places, *persons, *agencies;
	size_t nplaces, npersons, nagencies;
	precis_quote *quotes;
	size_t nquotes;
	char **quote_speakers;
	entvec eplaces, epersons, eagencies;
	precis_ymd pub;
	int lead_units; /* headline + first sentences considered for the event date */
};

/* ------------------------------------------------------------- arena */

/*
 * Returns the string's offset disguised as a pointer (re-based with
 * arena_ptr once the arena stops growing). Offset 0 is never used, so
 * NULL still means failure.
 */
static const char *arena_add(arena *a, const char *s, size_t n)
{
	if (a->len == 0)
		a->len = 1;
	if (a->len + n + 1 > a->cap) {
		size_t nc = a->cap ? a->cap * 2 : 4096;
		while (nc < a->len + n + 1)
			nc *= 2;
		char *nb = realloc(a->buf, nc);
		if (!nb)
			return NULL;
		a->buf = nb;
		a->cap = nc;
	}
	memcpy(a->buf + a->len, s, n);
	a->buf[a->len + n] = '\0';
	const char *at = (const char *)(uintptr_t)a->len;
	a->len += n + 1;
	return at;
}

static const char *arena_ptr(const arena *a, const char *off)
{
	return a->buf + (uintptr_t)off;
}

/* ------------------------------------------------------------ tokens */

struct tokctx {
	const char *text;
	size_t base; /* offset of the unit being tokenized */
	int unit;
	tok *v;
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

static int on_tok(const px_token *t, void *vctx)
{
	struct tokctx *c = vctx;
	if (c->n == c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 256;
		tok *nv = realloc(c->v, nc * sizeof *nv);
		if (!nv)
			return c->err = PRECIS_ENOMEM;
		c->v = nv;
		c->cap = nc;
	}
	char buf[256];
	size_t start = c->base + t->start, end = c->base + t->end;
	size_t fl = px_fold_into(buf, sizeof buf, c->text + start, end - start);
	if (fl == (size_t)-1)
		return 0; /* an overlong word names nothing */
	for (size_t i = 0; i + 2 < fl; i++) /* ’ -> ' */
		if ((unsigned char)buf[i] == 0xE2 && (unsigned char)buf[i + 1] == 0x80 &&
		    (unsigned char)buf[i + 2] == 0x99) {
			buf[i] = '\'';
			memmove(buf + i + 1, buf + i + 3, fl - i - 2);
			fl -= 2;
		}
	const char *off = arena_add(&c->fold, buf, fl);
	if (!off)
		return c->err = PRECIS_ENOMEM;
	size_t adv;
	int32_t cp = px_utf8_decode(c->text + start, end - start, &adv);
	c->v[c->n++] = (tok){ start, end, off, fl, c->unit, px_cp_is_upper(cp), c->first,
			      number_value(buf, fl) };
	c->first = false;
	return 0;
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
	for (size_t i = 0; i < c->n; i++)
		c->v[i].fold = arena_ptr(&c->fold, c->v[i].fold);
	return c->err;
}

static bool tok_is(const tok *t, const char *w)
{
	return t->flen == strlen(w) && memcmp(t->fold, w, t->flen) == 0;
}

/* -------------------------------------------------------------- lists */

static int set_add(px_strmap *m, const char *w, size_t n, int **vals, int val)
{
	int64_t id;
	int added;
	int rc = px_strmap_intern(m, w, n, &id, &added);
	if (rc || !vals)
		return rc;
	int *nv = realloc(*vals, (size_t)(id + 1) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	*vals = nv;
	nv[id] = val;
	return 0;
}

struct phrase_build {
	const char *text;
	struct phrase *ph;
	arena *words;
};

static int on_phrase_tok(const px_token *t, void *vctx)
{
	struct phrase_build *b = vctx;
	if (b->ph->n >= MAX_PHRASE)
		return 0;
	char buf[64];
	size_t fl = px_fold_into(buf, sizeof buf, b->text + t->start, t->end - t->start);
	if (fl == (size_t)-1)
		return 0;
	const char *off = arena_add(b->words, buf, fl);
	if (!off)
		return PRECIS_ENOMEM;
	b->ph->w[b->ph->n++] = off;
	return 0;
}

static void lists_free(lists *l)
{
	px_strmap_free(l->month);
	px_strmap_free(l->weekday);
	px_strmap_free(l->last);
	px_strmap_free(l->and_);
	px_strmap_free(l->honor);
	px_strmap_free(l->org);
	px_strmap_free(l->prep);
	px_strmap_free(l->reporting1);
	free(l->month_of);
	free(l->weekday_of);
	free(l->words.buf);
}

static int load_lists(lists *l, const char *lang)
{
	memset(l, 0, sizeof *l);
	char path[64];
	snprintf(path, sizeof path, "stopwords/cues/meta-%s.txt", lang);
	const px_datafile *f = px_data_find(path);
	if (!f)
		f = px_data_find("stopwords/cues/meta-en.txt");
	int rc = 0;
	px_strmap **maps[] = { &l->month, &l->weekday, &l->last, &l->and_, &l->honor, &l->org,
			       &l->prep, &l->reporting1 };
	for (size_t i = 0; i < sizeof maps / sizeof maps[0] && !rc; i++)
		rc = px_strmap_new(maps[i]);
	if (rc || !f)
		return rc;
	const char *p = f->bytes, *end = f->bytes + f->len;
	char section[32] = "";
	int month = 0, weekday = 0;
	while (p < end && !rc) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t len = (size_t)(eol - p);
		if (len && *p == '[') {
			snprintf(section, sizeof section, "%.*s", (int)len, p);
		} else if (len && *p != '|') {
			if (strcmp(section, "[months]") == 0 || strcmp(section, "[weekdays]") == 0) {
				bool months = section[1] == 'm';
				int idx = months ? ++month : ++weekday;
				for (const char *w = p; w < eol && !rc;) {
					const char *we = w;
					while (we < eol && *we != ' ')
						we++;
					if (we > w)
						rc = set_add(months ? l->month : l->weekday, w, (size_t)(we - w),
							     months ? &l->month_of : &l->weekday_of, idx);
					w = we + 1;
				}
			} else if (strcmp(section, "[relative]") == 0 && l->nrel < 32) {
				const char *eq = memchr(p, '=', len);
				if (eq) {
					struct phrase *ph = &l->rel[l->nrel++];
					memset(ph, 0, sizeof *ph);
					struct phrase_build b = { p, ph, &l->words };
					rc = px_tokenize(p, (size_t)(eq - p), lang, on_phrase_tok, &b);
					ph->offset = atoi(eq + 1);
					const char *u = eq + 1;
					while (u < eol && !(*u >= 'a' && *u <= 'z'))
						u++;
					ph->unit = u < eol ? *u : 'd';
				}
			} else if (strcmp(section, "[reporting]") == 0 && l->nrep < 48) {
				struct phrase *ph = &l->rep[l->nrep++];
				memset(ph, 0, sizeof *ph);
				struct phrase_build b = { p, ph, &l->words };
				rc = px_tokenize(p, len, lang, on_phrase_tok, &b);
			} else {
				px_strmap *m = strcmp(section, "[last]") == 0 ? l->last :
					       strcmp(section, "[and]") == 0 ? l->and_ :
					       strcmp(section, "[honorifics]") == 0 ? l->honor :
					       strcmp(section, "[org-words]") == 0 ? l->org :
					       strcmp(section, "[preposition]") == 0 ? l->prep : NULL;
				size_t wl = len;
				while (wl && (p[wl - 1] == '.' || p[wl - 1] == ' '))
					wl--;
				if (m)
					rc = set_add(m, p, wl, NULL, 0);
			}
		}
		p = eol + 1;
	}
	for (size_t i = 0; i < l->nrel; i++)
		for (size_t k = 0; k < l->rel[i].n; k++)
			l->rel[i].w[k] = arena_ptr(&l->words, l->rel[i].w[k]);
	for (size_t i = 0; i < l->nrep; i++)
		for (size_t k = 0; k < l->rep[i].n; k++)
			l->rep[i].w[k] = arena_ptr(&l->words, l->rep[i].w[k]);
	return rc;
}

static bool in_set(const px_strmap *m, const tok *t)
{
	return px_strmap_get(m, t->fold, t->flen) >= 0;
}

static int lookup(const px_strmap *m, const int *vals, const tok *t)
{
	int64_t id = px_strmap_get(m, t->fold, t->flen);
	return id < 0 ? 0 : vals[id];
}

/* Does the phrase start at token i (same unit)? Returns its length in tokens. */
static size_t phrase_at(const tok *v, size_t n, size_t i, const struct phrase *ph)
{
	if (ph->n == 0 || i + ph->n > n)
		return 0;
	for (size_t k = 0; k < ph->n; k++)
		if (v[i + k].unit != v[i].unit || !tok_is(&v[i + k], ph->w[k]))
			return 0;
	return ph->n;
}

/* -------------------------------------------------------------- dates */

typedef struct {
	precis_date *v;
	size_t n, cap;
} datevec;

static int push_date(datevec *dv, precis_date d)
{
	if (dv->n == dv->cap) {
		size_t nc = dv->cap ? dv->cap * 2 : 16;
		precis_date *nv = realloc(dv->v, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		dv->v = nv;
		dv->cap = nc;
	}
	dv->v[dv->n++] = d;
	return 0;
}

static bool is_year(const tok *t)
{
	return t->num >= 1900 && t->num <= 2099 && t->flen == 4;
}

static bool is_day(const tok *t)
{
	return t->num >= 1 && t->num <= 31;
}

/* Months that are also common words ("may", "march") need a number beside them. */
static bool ambiguous_month(const tok *t)
{
	return tok_is(t, "may") || tok_is(t, "march") || tok_is(t, "mar") || tok_is(t, "jan") ||
	       tok_is(t, "sept") || tok_is(t, "oct") || tok_is(t, "dec") || tok_is(t, "sep") ||
	       tok_is(t, "nov") || tok_is(t, "aug") || tok_is(t, "jun") || tok_is(t, "jul") ||
	       tok_is(t, "apr") || tok_is(t, "feb") || tok_is(t, "mai");
}

/* Parse an ISO date token "2019-04-25". */
static bool iso_token(const tok *t, int *y, int *m, int *d)
{
	if (t->flen != 10 || t->fold[4] != '-' || t->fold[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(t->fold[i] >= '0' && t->fold[i] <= '9'))
			return false;
	*y = atoi(t->fold);
	*m = atoi(t->fold + 5);
	*d = atoi(t->fold + 8);
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

static int find_dates(datevec *dv, const tok *v, size_t n, const lists *L)
{
	size_t i = 0;
	while (i < n) {
		const tok *t = &v[i];
		precis_date d = { { t->start, t->end }, PRECIS_DATE_WEEKDAY, 0, 0, 0, 0, 0, false, 0, 0 };
		size_t used = 1;
		int y, mo, da;
#define SAME(k) ((k) < n && v[k].unit == t->unit)
		int wd = lookup(L->weekday, L->weekday_of, t);
		size_t j = i + (wd ? 1 : 0);
		int month_here = lookup(L->month, L->month_of, t);
		if (iso_token(t, &y, &mo, &da)) {
			d.kind = PRECIS_DATE_FULL;
			d.year = y, d.month = mo, d.day = da;
		} else if (SAME(j) && is_day(&v[j]) &&
			   ((SAME(j + 1) && lookup(L->month, L->month_of, &v[j + 1])) ||
			    (SAME(j + 3) && in_set(L->and_, &v[j + 1]) && is_day(&v[j + 2]) &&
			     lookup(L->month, L->month_of, &v[j + 3])))) {
			/* [weekday] DAY MONTH [YEAR], or DAY et DAY MONTH [YEAR]. */
			d.weekday = wd;
			d.day = v[j].num;
			size_t mpos = j + 1;
			if (!lookup(L->month, L->month_of, &v[j + 1])) {
				d.day_end = v[j + 2].num;
				mpos = j + 3;
			}
			d.month = lookup(L->month, L->month_of, &v[mpos]);
			d.kind = PRECIS_DATE_DAY_MONTH;
			used = mpos - i + 1;
			if (SAME(mpos + 1) && is_year(&v[mpos + 1])) {
				d.year = v[mpos + 1].num;
				d.kind = PRECIS_DATE_FULL;
				used++;
			}
		} else if (month_here && SAME(i + 1) && is_day(&v[i + 1]) &&
			   !(SAME(i + 2) && lookup(L->month, L->month_of, &v[i + 2]))) {
			/* English: MONTH DAY[, YEAR] */
			d.month = month_here;
			d.day = v[i + 1].num;
			d.kind = PRECIS_DATE_DAY_MONTH;
			used = 2;
			if (SAME(i + 2) && is_year(&v[i + 2])) {
				d.year = v[i + 2].num;
				d.kind = PRECIS_DATE_FULL;
				used = 3;
			}
		} else if (month_here && SAME(i + 1) && is_year(&v[i + 1])) {
			d.kind = PRECIS_DATE_MONTH;
			d.month = month_here;
			d.year = v[i + 1].num;
			used = 2;
		} else if (month_here && !ambiguous_month(t) &&
			   ((SAME(i + 1) && in_set(L->last, &v[i + 1])) ||
			    (i > 0 && v[i - 1].unit == t->unit && in_set(L->last, &v[i - 1])))) {
			d.kind = PRECIS_DATE_MONTH;
			d.month = month_here;
			d.last = true;
			if (SAME(i + 1) && in_set(L->last, &v[i + 1]))
				used = 2;
			else
				d.span.start = v[i - 1].start;
		} else if (month_here && !ambiguous_month(t) && !t->cap) {
			/* "en septembre": a lowercase month name alone (French writes them so). */
			d.kind = PRECIS_DATE_MONTH;
			d.month = month_here;
		} else if (month_here && !ambiguous_month(t) && i > 0 && v[i - 1].unit == t->unit &&
			   (tok_is(&v[i - 1], "in") || tok_is(&v[i - 1], "en"))) {
			d.kind = PRECIS_DATE_MONTH;
			d.month = month_here;
		} else if (wd) {
			d.weekday = wd;
		} else if (is_year(t) && i > 0 && v[i - 1].unit == t->unit &&
			   (in_set(L->prep, &v[i - 1]) || tok_is(&v[i - 1], "since") ||
			    tok_is(&v[i - 1], "depuis"))) {
			d.kind = PRECIS_DATE_YEAR;
			d.year = t->num;
		} else {
			size_t len = 0;
			for (size_t r = 0; r < L->nrel && !len; r++) {
				len = phrase_at(v, n, i, &L->rel[r]);
				if (len) {
					d.kind = PRECIS_DATE_RELATIVE;
					d.offset = L->rel[r].offset;
					d.offset_unit = L->rel[r].unit;
					used = len;
				}
			}
			if (!len) {
				i++;
				continue;
			}
		}
#undef SAME
		d.span.end = v[i + used - 1].end;
		if (push_date(dv, d))
			return PRECIS_ENOMEM;
		i += used;
	}
	return 0;
}

/* Days since 1970-01-01 (proleptic Gregorian), and back. */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static precis_ymd civil_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	return (precis_ymd){ (int)(y + (m <= 2)), m, d };
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

int precis_ymd_parse(precis_ymd *out, const char *s)
{
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return PRECIS_EINVAL;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return PRECIS_EINVAL;
	precis_ymd d = { atoi(s), atoi(s + 5), atoi(s + 8) };
	if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
		return PRECIS_EINVAL;
	*out = d;
	return 0;
}

int precis_date_resolve(precis_ymd *first, precis_ymd *last, const precis_date *d,
			precis_ymd ref)
{
	bool have_ref = ref.year && ref.month && ref.day;
	long r = have_ref ? days_from_civil(ref.year, ref.month, ref.day) : 0;
	switch (d->kind) {
	case PRECIS_DATE_FULL:
		*first = (precis_ymd){ d->year, d->month, d->day };
		*last = (precis_ymd){ d->year, d->month, d->day_end ? d->day_end : d->day };
		return 0;
	case PRECIS_DATE_DAY_MONTH: {
		if (!have_ref)
			return PRECIS_EINVAL;
		/* The year that puts the date closest to the reference. */
		int best = ref.year;
		long bestdist = -1;
		for (int y = ref.year - 1; y <= ref.year + 1; y++) {
			int dd = d->day <= days_in_month(y, d->month) ? d->day : days_in_month(y, d->month);
			long dist = labs(days_from_civil(y, d->month, dd) - r);
			if (bestdist < 0 || dist < bestdist) {
				bestdist = dist;
				best = y;
			}
		}
		*first = (precis_ymd){ best, d->month, d->day };
		*last = (precis_ymd){ best, d->month, d->day_end ? d->day_end : d->day };
		return 0;
	}
	case PRECIS_DATE_MONTH: {
		int y = d->year;
		if (!y) {
			if (!have_ref)
				return PRECIS_EINVAL;
			y = ref.year;
			if (d->last ? d->month >= ref.month : d->month - ref.month > 6)
				y--;
			else if (!d->last && ref.month - d->month > 6)
				y++;
		}
		*first = (precis_ymd){ y, d->month, 1 };
		*last = (precis_ymd){ y, d->month, days_in_month(y, d->month) };
		return 0;
	}
	case PRECIS_DATE_YEAR:
		*first = (precis_ymd){ d->year, 1, 1 };
		*last = (precis_ymd){ d->year, 12, 31 };
		return 0;
	case PRECIS_DATE_WEEKDAY: {
		if (!have_ref || !d->weekday)
			return PRECIS_EINVAL;
		/* 1970-01-01 was a Thursday (4). Nearest such day, within 3 days. */
		int refwd = (int)(((r % 7) + 7 + 3) % 7) + 1;
		int diff = d->weekday - refwd;
		if (diff > 3)
			diff -= 7;
		if (diff < -3)
			diff += 7;
		*first = *last = civil_from_days(r + diff);
		return 0;
	}
	case PRECIS_DATE_RELATIVE: {
		if (!have_ref)
			return PRECIS_EINVAL;
		if (d->offset_unit == 'd') {
			*first = *last = civil_from_days(r + d->offset);
		} else if (d->offset_unit == 'w') {
			*first = civil_from_days(r + 7L * d->offset - 3);
			*last = civil_from_days(r + 7L * d->offset + 3);
		} else if (d->offset_unit == 'm') {
			int m = ref.month + d->offset, y = ref.year;
			while (m < 1)
				m += 12, y--;
			while (m > 12)
				m -= 12, y++;
			*first = (precis_ymd){ y, m, 1 };
			*last = (precis_ymd){ y, m, days_in_month(y, m) };
		} else {
			*first = (precis_ymd){ ref.year + d->offset, 1, 1 };
			*last = (precis_ymd){ ref.year + d->offset, 12, 31 };
		}
		return 0;
	}
	}
	return PRECIS_EINVAL;
}

/* ----------------------------------------------------------- entities */

static void entity_free(entity *e)
{
	free(e->name);
	for (size_t i = 0; i < e->nvariants; i++)
		free(e->variants[i]);
	free(e->variants);
	free(e->key);
}

static void entvec_free(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		entity_free(&ev->v[i]);
	free(ev->v);
	memset(ev, 0, sizeof *ev);
}

/* Folded, hyphens and apostrophes as spaces: "Kim Jong-Un" and "Kim Jong Un" meet. */
static char *entity_key(const char *s, size_t n)
{
	char *f;
	size_t fl;
	if (px_fold(&f, &fl, s, n) != 0)
		return NULL;
	for (size_t i = 0; i < fl; i++)
		if (f[i] == '-' || f[i] == '\'')
			f[i] = ' ';
	return f;
}

static int add_variant(entity *e, const char *s, size_t n)
{
	for (size_t i = 0; i < e->nvariants; i++)
		if (strlen(e->variants[i]) == n && memcmp(e->variants[i], s, n) == 0)
			return 0;
	char **nv = realloc(e->variants, (e->nvariants + 2) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	e->variants = nv;
	if (!(nv[e->nvariants] = strndup(s, n)))
		return PRECIS_ENOMEM;
	nv[++e->nvariants] = NULL;
	return 0;
}

/* Record a mention under canonical key; name is how it is written. */
static int mention(entvec *ev, const char *key, const char *name, size_t nlen, size_t at)
{
	for (size_t i = 0; i < ev->n; i++)
		if (strcmp(ev->v[i].key, key) == 0) {
			ev->v[i].mentions++;
			if (at < ev->v[i].first)
				ev->v[i].first = at;
			return add_variant(&ev->v[i], name, nlen);
		}
	if (ev->n == ev->cap) {
		size_t nc = ev->cap ? ev->cap * 2 : 16;
		entity *nv = realloc(ev->v, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		ev->v = nv;
		ev->cap = nc;
	}
	entity *e = &ev->v[ev->n];
	memset(e, 0, sizeof *e);
	if (!(e->key = strdup(key)))
		return PRECIS_ENOMEM;
	e->mentions = 1;
	e->first = at;
	ev->n++;
	return add_variant(e, name, nlen);
}

/* The gazetteer: variant key -> canonical name. */
typedef struct {
	px_strmap *keys;
	const char **canon;
	size_t *canon_len;
	size_t maxwords;
} gazetteer;

static int count_tok(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

struct gaz_build {
	gazetteer *g;
	size_t cap;
};

static int gaz_add(const char *canon, size_t clen, const char *name, size_t nlen, void *ctx)
{
	struct gaz_build *b = ctx;
	gazetteer *g = b->g;
	char *k = entity_key(name, nlen);
	if (!k)
		return PRECIS_ENOMEM;
	int64_t id;
	int added;
	int rc = px_strmap_intern(g->keys, k, strlen(k), &id, &added);
	free(k);
	size_t words = 0;
	px_tokenize(name, nlen, NULL, count_tok, &words);
	if (words > g->maxwords)
		g->maxwords = words;
	if (!rc && (size_t)id >= b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 256;
		const char **ncn = realloc(g->canon, nc * sizeof *ncn);
		if (ncn)
			g->canon = ncn;
		size_t *nl = realloc(g->canon_len, nc * sizeof *nl);
		if (nl)
			g->canon_len = nl;
		if (!ncn || !nl)
			return PRECIS_ENOMEM;
		b->cap = nc;
	}
	if (!rc && added) {
		g->canon[id] = canon;
		g->canon_len[id] = clen;
	}
	return rc;
}

static int gaz_load(gazetteer *g)
{
	memset(g, 0, sizeof *g);
	int rc = px_strmap_new(&g->keys);
	struct gaz_build b = { g, 0 };
	if (!rc)
		rc = px_data_aliases(px_data_find("stopwords/cues/places.txt"), gaz_add, &b);
	if (g->maxwords > MAX_PHRASE)
		g->maxwords = MAX_PHRASE;
	return rc;
}

static void gaz_free(gazetteer *g)
{
	px_strmap_free(g->keys);
	free(g->canon);
	free(g->canon_len);
}

/* Longest gazetteer match starting at token i (same unit): tokens used, 0 if none. */
static size_t gaz_match(const gazetteer *g, const char *text, const tok *v, size_t n, size_t i,
			int64_t *id)
{
	for (size_t len = g->maxwords; len >= 1; len--) {
		if (i + len > n || v[i + len - 1].unit != v[i].unit)
			continue;
		char *k = entity_key(text + v[i].start, v[i + len - 1].end - v[i].start);
		if (!k)
			return 0;
		*id = px_strmap_get(g->keys, k, strlen(k));
		free(k);
		if (*id >= 0)
			return len;
	}
	return 0;
}

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

static bool connector(const tok *t)
{
	static const char *const c[] = { "de", "du", "des", "van", "von", "der", "bin", "ben",
					 "al", "el", "da", "di", "dos", NULL };
	for (const char *const *w = c; *w; w++)
		if (tok_is(t, *w))
			return true;
	return false;
}

static bool is_stop_like(precis_analyzer *a, const char *lang, const tok *t)
{
	return px_is_stopword(a, lang, t->fold, t->flen) != 0;
}

struct people {
	const precis_doc *d;
	precis_analyzer *a;
	const lists *L;
	const gazetteer *g;
	const tok *v;
	size_t n;
	entvec *places, *persons;
	entvec singles; /* one-word capitalised mentions, merged afterwards */
	px_strmap *lowers; /* words the text also writes in lowercase */
	struct { size_t start, end; char *key; } *pm; /* person mentions, for quotes */
	size_t npm, cappm;
};

static int person_mention(struct people *p, size_t start, size_t end, const char *key)
{
	if (p->npm == p->cappm) {
		size_t nc = p->cappm ? p->cappm * 2 : 32;
		void *nv = realloc(p->pm, nc * sizeof *p->pm);
		if (!nv)
			return PRECIS_ENOMEM;
		p->pm = nv;
		p->cappm = nc;
	}
	if (!(p->pm[p->npm].key = strdup(key)))
		return PRECIS_ENOMEM;
	p->pm[p->npm].start = start;
	p->pm[p->npm].end = end;
	p->npm++;
	return 0;
}

static int find_people_places(struct people *p)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	size_t i = 0;
	int rc = 0;
	while (i < p->n && !rc) {
		int64_t gid;
		size_t glen = gaz_match(p->g, text, v, p->n, i, &gid);
		if (glen && (v[i].cap || glen > 1)) {
			char *k = entity_key(p->g->canon[gid], p->g->canon_len[gid]);
			rc = k ? mention(p->places, k, p->g->canon[gid], p->g->canon_len[gid], v[i].start)
			       : PRECIS_ENOMEM;
			free(k);
			i += glen;
			continue;
		}
		if (!v[i].cap || v[i].num >= 0) {
			i++;
			continue;
		}
		/* A run of capitalised words, with name particles inside. */
		size_t s = i;
		while (s < p->n && v[s].unit == v[i].unit && v[s].cap &&
		       (is_stop_like(p->a, p->d->lang, &v[s]) || in_set(p->L->honor, &v[s])))
			s++;
		/*
		 * A sentence's first word is capitalised anyway: it is no name when
		 * the text also writes it in lowercase ("Rencontre", "Selon").
		 */
		if (s < p->n && v[s].first && v[s].cap &&
		    px_strmap_get(p->lowers, v[s].fold, v[s].flen) >= 0) {
			int64_t g3;
			s++;
			if (s < p->n && gaz_match(p->g, text, v, p->n, s, &g3)) {
				i = s; /* "Sommet Corée du Nord": the place comes next */
				continue;
			}
		}
		size_t e = s;
		while (e < p->n && v[e].unit == v[i].unit && (e == s || adjacent(text, &v[e - 1], &v[e]))) {
			if (v[e].cap && v[e].num < 0 && !lookup(p->L->month, p->L->month_of, &v[e]) &&
			    !lookup(p->L->weekday, p->L->weekday_of, &v[e])) {
				int64_t g2;
				if (e > s && gaz_match(p->g, text, v, p->n, e, &g2))
					break;
				e++;
				continue;
			}
			if (e > s && e + 1 < p->n && v[e + 1].unit == v[e].unit && connector(&v[e]) &&
			    v[e + 1].cap) {
				e++;
				continue;
			}
			break;
		}
		if (e == s) {
			i = s > i ? s : i + 1;
			continue;
		}
		size_t words = e - s;
		bool prep = s > 0 && v[s - 1].unit == v[s].unit && in_set(p->L->prep, &v[s - 1]);
		bool org = in_set(p->L->org, &v[s]);
		char *k = entity_key(text + v[s].start, v[e - 1].end - v[s].start);
		if (!k)
			return PRECIS_ENOMEM;
		if (org) {
			/* "Parti communiste", "Comité central": organisations, not people. */
		} else if (prep && words <= 3 && !(v[s].first && words == 1)) {
			rc = mention(p->places, k, text + v[s].start, v[e - 1].end - v[s].start,
				     v[s].start);
		} else if (words >= 2) {
			rc = mention(p->persons, k, text + v[s].start, v[e - 1].end - v[s].start,
				     v[s].start);
			if (!rc)
				rc = person_mention(p, v[s].start, v[e - 1].end, k);
		} else if (!v[s].first || s > i) {
			rc = mention(&p->singles, k, text + v[s].start, v[s].end - v[s].start,
				     v[s].start);
			if (!rc)
				rc = person_mention(p, v[s].start, v[s].end, k);
		}
		free(k);
		i = e;
	}
	return rc;
}

/* Does key a contain the word w (space-separated)? */
static bool key_has_word(const char *key, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = key; (p = strstr(p, w)); p++)
		if ((p == key || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* The multi-word person a one-word mention belongs to ("Poutine" -> "Vladimir Poutine"). */
static entity *owner(entvec *persons, const char *key)
{
	entity *best = NULL;
	for (size_t k = 0; k < persons->n; k++)
		if (key_has_word(persons->v[k].key, key) &&
		    (!best || persons->v[k].mentions > best->mentions))
			best = &persons->v[k];
	return best;
}

/* "Puis Kim Jong-Un" is "Kim Jong-Un" after a capitalised sentence opener. */
static entity *suffix_owner(entvec *persons, const entity *e)
{
	for (size_t k = 0; k < persons->n; k++) {
		const entity *o = &persons->v[k];
		size_t lo = strlen(o->key), le = strlen(e->key);
		if (o != e && lo < le && strcmp(e->key + le - lo, o->key) == 0 &&
		    e->key[le - lo - 1] == ' ')
			return &persons->v[k];
	}
	return NULL;
}

static int merge_singles(struct people *p)
{
	for (size_t i = 0; i < p->persons->n; i++) {
		entity *e = &p->persons->v[i];
		entity *o = suffix_owner(p->persons, e);
		if (!o)
			continue;
		o->mentions += e->mentions;
		if (e->first < o->first)
			o->first = e->first;
		for (size_t m = 0; m < p->npm; m++)
			if (strcmp(p->pm[m].key, e->key) == 0) {
				char *k = strdup(o->key);
				if (!k)
					return PRECIS_ENOMEM;
				free(p->pm[m].key);
				p->pm[m].key = k;
			}
		entity_free(e);
		p->persons->v[i--] = p->persons->v[--p->persons->n];
	}
	for (size_t i = 0; i < p->singles.n; i++) {
		entity *s = &p->singles.v[i];
		entity *o = owner(p->persons, s->key);
		if (!o)
			continue; /* "Kremlin", "Washington": not a known person */
		o->mentions += s->mentions;
		if (s->first < o->first)
			o->first = s->first;
		for (size_t k = 0; k < s->nvariants; k++)
			if (add_variant(o, s->variants[k], strlen(s->variants[k])))
				return PRECIS_ENOMEM;
	}
	/* Person mentions point to their owner's key from now on. */
	for (size_t m = 0; m < p->npm; m++) {
		entity *o = owner(p->persons, p->pm[m].key);
		if (o && strcmp(o->key, p->pm[m].key) != 0) {
			char *k = strdup(o->key);
			if (!k)
				return PRECIS_ENOMEM;
			free(p->pm[m].key);
			p->pm[m].key = k;
		}
	}
	return 0;
}

/* Canonical name: the longest spelling among the most frequent full forms. */
static int name_entities(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		entity *e = &ev->v[i];
		const char *best = e->variants[0];
		for (size_t k = 1; k < e->nvariants; k++)
			if (strlen(e->variants[k]) > strlen(best))
				best = e->variants[k];
		if (!(e->name = strdup(best)))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int cmp_entity(const void *a, const void *b)
{
	const entity *x = a, *y = b;
	if (x->mentions != y->mentions)
		return x->mentions < y->mentions ? 1 : -1;
	return (x->first > y->first) - (x->first < y->first);
}

/* ----------------------------------------------------------- agencies */

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80 || c == '-';
}

struct agency_scan {
	entvec *ev;
	const char *text;
	size_t len;
};

/* Exact case, whole words: "AP" is not in "APPEL", "AFP" not in "AFPTV". */
static int scan_agency(const char *canon, size_t clen, const char *name, size_t nl, void *ctx)
{
	struct agency_scan *s = ctx;
	for (size_t i = 0; i + nl <= s->len; i++) {
		if (memcmp(s->text + i, name, nl) != 0)
			continue;
		if ((i > 0 && word_char((unsigned char)s->text[i - 1])) ||
		    (i + nl < s->len && word_char((unsigned char)s->text[i + nl])))
			continue;
		char key[64];
		snprintf(key, sizeof key, "%.*s", (int)clen, canon);
		if (mention(s->ev, key, canon, clen, i))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int find_agencies(entvec *ev, const char *text, size_t len)
{
	struct agency_scan s = { ev, text, len };
	return px_data_aliases(px_data_find("stopwords/cues/agencies.txt"), scan_agency, &s);
}

/* ------------------------------------------------------------- quotes */

typedef struct {
	precis_quote *v;
	char **speakers;
	size_t n, cap;
} quotevec;

static int32_t close_of(int32_t open)
{
	switch (open) {
	case 0xAB: return 0xBB;
	case 0x201C: return 0x201D;
	case '"': return '"';
	default: return 0;
	}
}

/* Start of the first reporting verb of the sentence outside the quote, or (size_t)-1. */
static size_t reporting_verb(const tok *v, size_t n, int unit, size_t qs, size_t qe, const lists *L)
{
	for (size_t i = 0; i < n; i++) {
		if (v[i].unit != unit || (v[i].start >= qs && v[i].end <= qe))
			continue;
		for (size_t r = 0; r < L->nrep; r++)
			if (phrase_at(v, n, i, &L->rep[r]))
				return v[i].start;
	}
	return (size_t)-1;
}

static int find_quotes(quotevec *qv, const precis_doc *d, const tok *v, size_t n, const lists *L,
		       struct people *pp)
{
	for (size_t s = 0; s < d->nsents; s++) {
		const char *t = d->text;
		size_t i = d->sents[s].start, end = d->sents[s].end;
		while (i < end) {
			size_t adv;
			int32_t cp = px_utf8_decode(t + i, end - i, &adv);
			int32_t want = close_of(cp);
			if (!want) {
				i += adv;
				continue;
			}
			size_t qs = i + adv, k = qs;
			bool found = false;
			while (k < end) {
				size_t a2;
				int32_t c2 = px_utf8_decode(t + k, end - k, &a2);
				if (c2 == want) {
					found = true;
					break;
				}
				k += a2;
			}
			if (!found)
				break; /* the quote runs into the next sentence: skip the rest */
			size_t qe = k;
			size_t a = qs, b = qe;
			while (a < b && px_cp_is_space(px_utf8_decode(t + a, b - a, &adv)))
				a += adv;
			while (b > a && (t[b - 1] == ' ' || ((unsigned char)t[b - 1] == 0xA0) ||
					 ((unsigned char)t[b - 1] == 0xAF && b >= 3)))
				b -= (unsigned char)t[b - 1] == ' ' ? 1 : ((unsigned char)t[b - 1] == 0xA0 ? 2 : 3);
			size_t words = 0;
			px_tokenize(t + a, b - a, d->lang, count_tok, &words);
			if (words >= 3) {
				const char *speaker = NULL;
				size_t verb = reporting_verb(v, n, (int)s + 1, qs, qe, L);
				if (verb != (size_t)-1) {
					/*
					 * "..., a déclaré X": the first person after the verb;
					 * "X a dit « ... »": the last person before it.
					 */
					bool after = verb > qe;
					size_t best = (size_t)-1;
					for (size_t m = 0; m < pp->npm; m++) {
						size_t ps = pp->pm[m].start;
						if (ps < d->sents[s].start || pp->pm[m].end > d->sents[s].end ||
						    (ps >= qs && pp->pm[m].end <= qe))
							continue;
						if (after ? ps < verb : ps > verb)
							continue;
						size_t dist = after ? ps - verb : verb - ps;
						if (dist < best) {
							best = dist;
							speaker = pp->pm[m].key;
						}
					}
				}
				if (qv->n == qv->cap) {
					size_t nc = qv->cap ? qv->cap * 2 : 8;
					precis_quote *nq = realloc(qv->v, nc * sizeof *nq);
					char **ns = realloc(qv->speakers, nc * sizeof *ns);
					if (nq)
						qv->v = nq;
					if (ns)
						qv->speakers = ns;
					if (!nq || !ns)
						return PRECIS_ENOMEM;
					qv->cap = nc;
				}
				qv->speakers[qv->n] = speaker ? strdup(speaker) : NULL;
				qv->v[qv->n++] = (precis_quote){ { a, b }, NULL };
			}
			i = qe + 1;
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- API */

static int export(precis_entity **out, size_t *nout, entvec *ev)
{
	if (ev->n > 1)
		qsort(ev->v, ev->n, sizeof *ev->v, cmp_entity);
	*out = calloc(ev->n ? ev->n : 1, sizeof **out);
	if (!*out)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < ev->n; i++)
		(*out)[i] = (precis_entity){ ev->v[i].name, ev->v[i].mentions, ev->v[i].first,
					     (const char *const *)ev->v[i].variants };
	*nout = ev->n;
	return 0;
}

int precis_meta_new(precis_meta **out, precis_analyzer *a, const precis_doc *d, const char *pubdate)
{
	precis_meta *m = calloc(1, sizeof *m);
	if (!m)
		return PRECIS_ENOMEM;
	if (pubdate)
		precis_ymd_parse(&m->pub, pubdate);
	lists L = { 0 };
	gazetteer g = { 0 };
	struct tokctx tc = { 0 };
	struct people pp = { 0 };
	quotevec qv = { 0 };
	datevec dv = { 0 };
	int rc = load_lists(&L, d->lang);
	if (!rc)
		rc = gaz_load(&g);
	if (!rc)
		rc = tokenize_doc(&tc, d);
	if (!rc)
		rc = find_dates(&dv, tc.v, tc.n, &L);
	if (!rc) {
		pp = (struct people){ d, a, &L, &g, tc.v, tc.n, &m->eplaces, &m->epersons,
				      { 0 }, NULL, NULL, 0, 0 };
		rc = px_strmap_new(&pp.lowers);
		for (size_t i = 0; !rc && i < tc.n; i++)
			if (!tc.v[i].cap)
				rc = px_strmap_intern(pp.lowers, tc.v[i].fold, tc.v[i].flen,
						      &(int64_t){ 0 }, NULL);
		if (!rc)
			rc = find_people_places(&pp);
	}
	if (!rc)
		rc = merge_singles(&pp);
	if (!rc)
		rc = find_agencies(&m->eagencies, d->text, d->len);
	if (!rc)
		rc = find_quotes(&qv, d, tc.v, tc.n, &L, &pp);
	if (!rc)
		rc = name_entities(&m->eplaces);
	if (!rc)
		rc = name_entities(&m->epersons);
	if (!rc)
		rc = name_entities(&m->eagencies);
	if (!rc)
		rc = export(&m->places, &m->nplaces, &m->eplaces);
	if (!rc)
		rc = export(&m->persons, &m->npersons, &m->epersons);
	if (!rc)
		rc = export(&m->agencies, &m->nagencies, &m->eagencies);
	/* Speakers by canonical name, now that persons are named. */
	for (size_t q = 0; !rc && q < qv.n; q++) {
		qv.v[q].speaker = NULL;
		for (size_t k = 0; qv.speakers[q] && k < m->epersons.n; k++)
			if (strcmp(m->epersons.v[k].key, qv.speakers[q]) == 0)
				qv.v[q].speaker = m->epersons.v[k].name;
	}
	m->quotes = qv.v;
	m->nquotes = qv.n;
	m->quote_speakers = qv.speakers;
	m->dates = dv.v;
	m->ndates = dv.n;
	for (size_t i = 0; i < pp.npm; i++)
		free(pp.pm[i].key);
	free(pp.pm);
	px_strmap_free(pp.lowers);
	entvec_free(&pp.singles);
	free(tc.v);
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
	free(m->places);
	free(m->persons);
	free(m->agencies);
	for (size_t i = 0; i < m->nquotes; i++)
		free(m->quote_speakers[i]);
	free(m->quote_speakers);
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

int precis_meta_event_date(const precis_meta *m, precis_ymd *first, precis_ymd *last)
{
	/* Most specific first: a full date, then a day and month, then a weekday. */
	static const precis_date_kind order[] = { PRECIS_DATE_FULL, PRECIS_DATE_DAY_MONTH,
						  PRECIS_DATE_WEEKDAY, PRECIS_DATE_MONTH };
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		for (size_t i = 0; i < m->ndates; i++)
			if (m->dates[i].kind == order[k] &&
			    precis_date_resolve(first, last, &m->dates[i], m->pub) == 0)
				return 0;
	return PRECIS_EEMPTY;
}
