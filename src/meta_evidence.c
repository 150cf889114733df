/*
 * meta_evidence: what the page says of itself. The cleaner finds the
 * datelines, bylines and published/updated lines (clean_evidence.c);
 * here each becomes a line number, an outlet's display name, a place and
 * a date ("04/03/2024", "4 March 2024", "March 4, 2024", "3 avril 2024",
 * "March 4": no year). Numeric dates are read day first, as in every
 * language precis supports but American English, unless the first number
 * cannot be a day.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "clean.h"
#include "doc.h"
#include "meta_priv.h"
#include "text.h"
#include "token.h"

#define EVIDENCE_WORDS 24 /* words of an evidence line looked at for its date */

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static int number_at(const char *s, size_t i, size_t lim, size_t *end)
{
	int v = 0;
	size_t k = i;
	while (k < lim && digit(s[k]) && k - i < 5)
		v = v * 10 + (s[k++] - '0');
	*end = k;
	return k > i ? v : -1;
}

static bool valid_ymd(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (y == 0 || (y >= 1900 && y <= 2200));
}

/*
 * "04/03/2024", "04.03.2024", "2024-03-04": day first unless it cannot be.
 * A published line may write the year in two digits ("Publié le
 * 27/07/24"): 69-99 are 1969-1999 and 00-68 2000-2068, POSIX strptime's %y.
 */
static bool numeric_date(precis_ymd *out, const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		if (!digit(s[i]) || (i > a && digit(s[i - 1])))
			continue;
		size_t e1, e2, e3;
		int x = number_at(s, i, b, &e1);
		if (e1 >= b || !(s[e1] == '/' || s[e1] == '.' || s[e1] == '-'))
			continue;
		char sep = s[e1];
		int y = number_at(s, e1 + 1, b, &e2);
		if (y < 0 || e2 >= b || s[e2] != sep)
			continue;
		int z = number_at(s, e2 + 1, b, &e3);
		if (z < 0)
			continue;
		if (e1 - i == 4 && valid_ymd(x, y, z)) {
			*out = (precis_ymd){ x, y, z };
			return true;
		}
		size_t ylen = e3 - e2 - 1;
		if (ylen == 2 && sep != '-') {
			z += z >= 69 ? 1900 : 2000;
			ylen = 4;
		}
		if (ylen == 4) {
			if (x > 12 || !valid_ymd(z, x, y)) {
				if (valid_ymd(z, y, x)) {
					*out = (precis_ymd){ z, y, x };
					return true;
				}
			} else {
				*out = valid_ymd(z, y, x) ? (precis_ymd){ z, y, x } : (precis_ymd){ z, x, y };
				return true;
			}
		}
	}
	return false;
}

struct words {
	px_token t[EVIDENCE_WORDS];
	size_t n;
};

static int collect(const px_token *t, void *ctx)
{
	struct words *w = ctx;
	if (w->n == EVIDENCE_WORDS)
		return 1;
	w->t[w->n++] = *t;
	return 0;
}

static int month_of(const lists *L, const char *s, const px_token *t)
{
	char f[64];
	size_t fl = px_meta_fold_word(f, sizeof f, s + t->start, t->end - t->start);
	if (fl == (size_t)-1)
		return 0;
	int64_t id = px_strmap_get(L->set[W_MONTH], f, fl);
	return id < 0 ? 0 : L->val[W_MONTH][id] & 0xFF;
}

static int day_of(const char *s, const px_token *t)
{
	size_t e;
	int v = number_at(s, t->start, t->end, &e);
	/* "1er", "3rd", "4," */
	return v >= 1 && v <= 31 && e - t->start <= 2 ? v : -1;
}

static int year_of(const char *s, const px_token *t)
{
	size_t e;
	int v = number_at(s, t->start, t->end, &e);
	return e - t->start == 4 && v >= 1900 && v <= 2200 ? v : 0;
}

/* "4 March 2024", "March 4, 2024", "3 avril 2024", "March 4". */
static bool word_date(precis_ymd *out, const lists *L, const char *s, size_t a, size_t b,
		      const char *lang)
{
	struct words w = { .n = 0 };
	px_tokenize(s + a, b - a, lang, collect, &w);
	for (size_t k = 0; k < w.n; k++) {
		w.t[k].start += a;
		w.t[k].end += a;
	}
	for (size_t k = 0; k < w.n; k++) {
		int m = month_of(L, s, &w.t[k]);
		if (!m)
			continue;
		int d = k > 0 ? day_of(s, &w.t[k - 1]) : -1;
		size_t yk = k + 1;
		if (d < 0 && k + 1 < w.n && (d = day_of(s, &w.t[k + 1])) > 0)
			yk = k + 2;
		if (d < 0)
			continue;
		int y = yk < w.n ? year_of(s, &w.t[yk]) : 0;
		*out = (precis_ymd){ y, m, d };
		return true;
	}
	return false;
}

/* "BRUSSELS" -> "Brussels", "SAINT-DENIS" -> "Saint-Denis": capitals kept after a break only. */
static char *name_case(const char *s, size_t len)
{
	char *o = malloc(4 * len + 1);
	if (!o)
		return NULL;
	size_t n = 0;
	bool start = true;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (!adv)
			adv = 1;
		if (start || !px_cp_is_upper(cp)) {
			memcpy(o + n, s + i, adv);
			n += adv;
		} else {
			size_t fl = px_fold_into(o + n, 4 * len + 1 - n, s + i, adv);
			if (fl == (size_t)-1) {
				memcpy(o + n, s + i, adv);
				fl = adv;
			}
			n += fl;
		}
		start = cp == ' ' || cp == '-' || cp == '\'';
		i += adv;
	}
	o[n] = '\0';
	return o;
}

static char *span_dup(const char *s, precis_span sp)
{
	char *o = malloc(sp.end - sp.start + 1);
	if (o) {
		memcpy(o, s + sp.start, sp.end - sp.start);
		o[sp.end - sp.start] = '\0';
	}
	return o;
}

static int evidence_one(precis_evidence *out, const px_clean_evidence *ev, const precis_doc *d,
			const lists *L, const lists *en)
{
	const char *s = d->text;
	*out = (precis_evidence){ .kind = ev->kind, .span = ev->span };
	if (ev->outlet.end > ev->outlet.start &&
	    !(out->outlet = px_clean_outlet_name(s + ev->outlet.start, ev->outlet.end - ev->outlet.start)))
		return PRECIS_ENOMEM;
	if (ev->place.end > ev->place.start) {
		char *p = ev->kind == PRECIS_EVIDENCE_DATELINE
				  ? name_case(s + ev->place.start, ev->place.end - ev->place.start)
				  : span_dup(s, ev->place);
		if (!(out->place = p))
			return PRECIS_ENOMEM;
	}
	precis_ymd y = { 0, 0, 0 };
	if (numeric_date(&y, s, ev->span.start, ev->span.end) ||
	    word_date(&y, L, s, ev->span.start, ev->span.end, d->lang) ||
	    (en && word_date(&y, en, s, ev->span.start, ev->span.end, "en")))
		out->date = y;
	return 0;
}

void px_meta_evidence_free(precis_evidence *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free((char *)v[i].outlet);
		free((char *)v[i].place);
	}
	free(v);
}

/* The lines the cleaner drops as photo credits ([credit] cues of stopwords/cues/clean-*.txt). */
static int credit_lines(precis_span **out, size_t *nout, const px_clean_result *cr)
{
	*nout = 0;
	if (!(*out = malloc((cr->nlines ? cr->nlines : 1) * sizeof **out)))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < cr->nlines; i++)
		if (cr->lines[i].reason && strcmp(cr->lines[i].reason, "credit") == 0)
			(*out)[(*nout)++] = cr->lines[i].span;
	return 0;
}

int px_meta_find_evidence(precis_evidence **out, size_t *nout, precis_span **credits,
			  size_t *ncredits, precis_analyzer *a, const precis_doc *d, const lists *L)
{
	*out = NULL;
	*nout = 0;
	*credits = NULL;
	*ncredits = 0;
	px_clean_result cr;
	int rc = px_clean_text(&cr, a, d->text, d->len, d->lang);
	if (rc)
		return rc;
	if ((rc = credit_lines(credits, ncredits, &cr)))
		goto done;
	const meta_tables *en = NULL;
	if (strcmp(d->lang, "en") != 0 && (rc = px_meta_tables(&en, "en")))
		goto done;
	precis_evidence *v = calloc(cr.nevidence ? cr.nevidence : 1, sizeof *v);
	if (!v) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	size_t line = 1, at = 0;
	for (size_t i = 0; i < cr.nevidence && !rc; i++) {
		rc = evidence_one(&v[i], &cr.evidence[i], d, L, en ? &en->L : NULL);
		for (; at < cr.evidence[i].span.start; at++)
			line += d->text[at] == '\n';
		v[i].line = line;
		*nout = i + 1;
	}
	*out = v;
done:
	px_clean_result_free(&cr);
	return rc;
}
