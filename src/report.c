/* report: see report.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report.h"
#include "util/calendar.h"

static const char *const months[] = { "January", "February", "March",     "April",
				      "May",     "June",     "July",      "August",
				      "September", "October", "November", "December" };

/* n digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int k = 0; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/*
 * One ISO 8601 calendar form at s: YYYY-MM-DD, --MM-DD, YYYY-MM or YYYY,
 * ending where a character of stop (or the string) is. Fields absent are
 * 0 (year 0: not given). Returns the length read, or 0.
 */
static size_t iso_part(precis_ymd *d, const char *s, const char *stop)
{
	size_t len = strcspn(s, stop);
	*d = (precis_ymd){ 0 };
	if (len == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
		d->month = digits(s + 2, 2);
		d->day = digits(s + 5, 2);
	} else if (len == 10 && s[4] == '-' && s[7] == '-') {
		d->year = digits(s, 4);
		d->month = digits(s + 5, 2);
		d->day = digits(s + 8, 2);
	} else if (len == 7 && s[4] == '-') {
		d->year = digits(s, 4);
		d->month = digits(s + 5, 2);
	} else if (len == 4) {
		d->year = digits(s, 4);
	} else {
		return 0;
	}
	if (d->year < 0 || d->month < 0 || d->month > 12 || d->day < 0)
		return 0;
	if (d->day && (!d->month || d->day > px_days_in_month(d->year ? d->year : 2000, d->month)))
		return 0;
	return d->year || d->month ? len : 0;
}

bool px_report_date_text(char buf[PX_DATE_TEXT_MAX], const char *iso)
{
	precis_ymd a, b;
	buf[0] = '\0';
	size_t n = iso ? iso_part(&a, iso, "/T ") : 0;
	if (!n)
		return false;
	/* A date-time reads as its day: the report shows no times. */
	if (iso[n] == 'T' || iso[n] == ' ')
		return a.day && a.year && snprintf(buf, PX_DATE_TEXT_MAX, "%d %s %d", a.day,
						   months[a.month - 1], a.year) > 0;
	if (iso[n] == '/') {
		size_t m = iso_part(&b, iso + n + 1, "");
		/* Ranges come from meta as two full days; anything else is not ours to guess. */
		if (!m || !a.day || !a.year || !b.day || !b.year)
			return false;
		const char *dash = "\xE2\x80\x93"; /* en dash */
		if (a.year != b.year)
			snprintf(buf, PX_DATE_TEXT_MAX, "%d %s %d %s %d %s %d", a.day, months[a.month - 1],
				 a.year, dash, b.day, months[b.month - 1], b.year);
		else if (a.month != b.month)
			snprintf(buf, PX_DATE_TEXT_MAX, "%d %s %s %d %s %d", a.day, months[a.month - 1], dash,
				 b.day, months[b.month - 1], b.year);
		else
			snprintf(buf, PX_DATE_TEXT_MAX, "%d%s%d %s %d", a.day, dash, b.day,
				 months[a.month - 1], a.year);
		return true;
	}
	if (a.day && a.year)
		snprintf(buf, PX_DATE_TEXT_MAX, "%d %s %d", a.day, months[a.month - 1], a.year);
	else if (a.day)
		snprintf(buf, PX_DATE_TEXT_MAX, "%d %s (year not given)", a.day, months[a.month - 1]);
	else if (a.month)
		snprintf(buf, PX_DATE_TEXT_MAX, "%s %d", months[a.month - 1], a.year);
	else
		snprintf(buf, PX_DATE_TEXT_MAX, "%d", a.year);
	return true;
}

void px_report_date(const px_render *r, const char *iso)
{
	char text[PX_DATE_TEXT_MAX];
	if (!iso)
		fputs(r->none, r->fp);
	else if (px_report_date_text(text, iso))
		r->esc(r->fp, text);
	else
		r->esc(r->fp, iso);
}

const char *px_report_name_of(const px_article *a)
{
	return a->outlet ? a->outlet : a->id;
}

void px_report_score(const px_render *r, double v)
{
	if (isnan(v))
		fputs(r->none, r->fp);
	else
		fprintf(r->fp, "%.2f", v);
}

void px_report_date_of(const px_render *r, const px_article *a)
{
	if (a->date) {
		px_report_date(r, a->date);
	} else if (a->event_date) {
		px_report_date(r, a->event_date);
		fputs(r->in_text, r->fp);
	} else {
		fputs(r->none, r->fp);
	}
}

void px_report_list(const px_render *r, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", r->fp);
		r->esc(r->fp, v[i]);
	}
	if (n == 0)
		fputs(r->none, r->fp);
}

void px_report_agencies(const px_render *r, const px_article *a)
{
	if (a->nagencies || !a->ncredited)
		px_report_list(r, a->agencies, a->nagencies);
	if (a->ncredited) {
		fputs(a->nagencies ? "; photo: " : "photo: ", r->fp);
		px_report_list(r, a->credited, a->ncredited);
	}
}

size_t px_report_single_count(const precis_comparison *c)
{
	size_t n = 0;
	for (size_t s = 0; s < c->nstories; s++)
		n += c->stories[s].narticles == 1;
	return n;
}

bool px_report_reuse_in_story(const precis_comparison *c, const px_reuse *x, int story)
{
	return c->articles[x->a].story == story && c->articles[x->b].story == story;
}

bool px_report_name_shared(const precis_comparison *c, size_t i)
{
	const char *name = px_report_name_of(&c->articles[i]);
	for (size_t j = 0; j < c->narticles; j++)
		if (j != i && strcmp(px_report_name_of(&c->articles[j]), name) == 0)
			return true;
	return false;
}

void px_report_label(const px_render *r, const precis_comparison *c, size_t i)
{
	const px_article *a = &c->articles[i];
	r->esc(r->fp, px_report_name_of(a));
	if (a->outlet && px_report_name_shared(c, i)) {
		fputs(" (", r->fp);
		r->esc(r->fp, a->id);
		fputc(')', r->fp);
	}
}

static int by_name(const void *x, const void *y)
{
	const px_article *a = *(const px_article *const *)x, *b = *(const px_article *const *)y;
	int d = strcmp(px_report_name_of(a), px_report_name_of(b));
	return d ? d : (a < b ? -1 : a > b);
}

int px_report_by_name(const px_article ***out, const precis_comparison *c)
{
	const px_article **by = malloc((c->narticles ? c->narticles : 1) * sizeof *by);
	*out = by;
	if (!by)
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < c->narticles; i++)
		by[i] = &c->articles[i];
	qsort(by, c->narticles, sizeof *by, by_name);
	return 0;
}

int px_report_coverage(px_coverage *cv, const precis_comparison *c)
{
	size_t n = c->narticles;
	*cv = (px_coverage){ NULL, NULL, 0,
			     c->nstories < PX_OVERVIEW_STORIES ? c->nstories : PX_OVERVIEW_STORIES };
	const px_article **by = NULL;
	int rc = px_report_by_name(&by, c);
	if (rc < 0)
		goto done;
	rc = PRECIS_ENOMEM;
	if (!(cv->outlet = malloc((n ? n : 1) * sizeof *cv->outlet)) ||
	    !(cv->count = calloc((n ? n : 1) * (cv->nstories ? cv->nstories : 1), sizeof *cv->count)))
		goto done;
	for (size_t i = 0, j; i < n; i = j, cv->nrows++) {
		size_t *row = cv->count + cv->nrows * cv->nstories;
		cv->outlet[cv->nrows] = by[i];
		for (j = i; j < n && strcmp(px_report_name_of(by[j]), px_report_name_of(by[i])) == 0; j++)
			if (by[j]->story >= 0 && (size_t)by[j]->story < cv->nstories)
				row[by[j]->story]++;
	}
	rc = 0;
done:
	free(by);
	if (rc)
		px_report_coverage_free(cv);
	return rc;
}

void px_report_coverage_free(px_coverage *cv)
{
	free(cv->outlet);
	free(cv->count);
	*cv = (px_coverage){ 0 };
}

bool px_report_url_ok(const char *url)
{
	if (!url || (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0))
		return false;
	/* Printable ASCII only: a space, a control or a bidi byte would be a trap in a link. */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p >= 0x7F)
			return false;
	return true;
}
