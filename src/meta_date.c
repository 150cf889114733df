/*
 * meta_date: the date grammar (French and English forms, numeric dates,
 * relative dates) over the token array, and precis_date_resolve on
 * util/calendar.
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
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

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

static int push_date(datevec *dv, precis_date d, int unit)
{
	if (px_vec_reserve((void **)&dv->v, &dv->cap, dv->n + 1, sizeof *dv->v) ||
	    px_vec_reserve((void **)&dv->unit, &dv->capunit, dv->n + 1, sizeof *dv->unit))
		return PRECIS_ENOMEM;
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
	if ((pl = px_meta_phrase_at(c->L, P_AGO_BEFORE, v, c->n, i, NULL)))
		sign = -1, k += pl;
	else if ((pl = px_meta_phrase_at(c->L, P_IN_BEFORE, v, c->n, i, NULL)))
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
		if (!same(c, i, k) || !(pl = px_meta_phrase_at(c->L, P_AGO_AFTER, v, c->n, k, NULL)))
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
	if ((used = px_meta_phrase_at(c->L, P_RELATIVE, v, c->n, i, &ph))) {
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

int px_meta_find_dates(datevec *dv, const tok *v, size_t n, const lists *L, const char *text,
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

/* Days from reference day r to the weekday d names. */
static int weekday_offset(const precis_date *d, long r)
{
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
	return diff;
}

/* "hier", "la semaine dernière", "il y a deux mois", "l'an prochain" from ref (day r). */
static int resolve_relative(precis_ymd *first, precis_ymd *last, const precis_date *d,
			    precis_ymd ref, long r)
{
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
	case PRECIS_DATE_WEEKDAY:
		if (!have_ref || d->weekday < 1 || d->weekday > 7)
			return PRECIS_EINVAL;
		*first = *last = px_ymd_from_days(r + weekday_offset(d, r));
		return 0;
	case PRECIS_DATE_RELATIVE:
		return have_ref ? resolve_relative(first, last, d, ref, r) : PRECIS_EINVAL;
	}
	return PRECIS_EINVAL;
}
