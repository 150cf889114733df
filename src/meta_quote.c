/*
 * meta_quote: quotes in one pass over the sentences, and their speakers
 * by the nearest reporting phrase.
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

/* ------------------------------------------------------------- quotes */

static int32_t close_of(int32_t open)
{
	switch (open) {
	case 0xAB: return 0xBB;     /* « » */
	case 0x201C: return 0x201D; /* “ ” */
	case '"': return '"';
	default: return 0;
	}
}

static int push_quote(quotevec *qv, precis_span sp, int uo, int uc)
{
	size_t need = qv->n + 1;
	if (px_vec_reserve((void **)&qv->v, &qv->cap, need, sizeof *qv->v) ||
	    px_vec_reserve((void **)&qv->uopen, &qv->capopen, need, sizeof *qv->uopen) ||
	    px_vec_reserve((void **)&qv->uclose, &qv->capclose, need, sizeof *qv->uclose))
		return PRECIS_ENOMEM;
	qv->v[qv->n] = (precis_quote){ sp, NULL };
	qv->uopen[qv->n] = uo;
	qv->uclose[qv->n] = uc;
	qv->n++;
	return 0;
}

static int count_tok(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

/* Does the text between two units break the paragraph? */
static bool paragraph_break(const char *text, size_t from, size_t to)
{
	return from < to && memchr(text + from, '\n', to - from) != NULL;
}

/*
 * Quotes in one pass over the headline and the sentences. A quote may run
 * over several sentences of a paragraph; an opening mark left unclosed at
 * the end of its paragraph is dropped. Marks inside an open quote other
 * than its closing one are part of the quote.
 */
int px_meta_find_quotes(quotevec *qv, const precis_doc *d)
{
	const char *t = d->text;
	int32_t want = 0;
	size_t qs = 0, prev_end = 0;
	int uopen = 0;
	int rc = 0;
	for (size_t s = 0; s <= d->nsents && !rc; s++) {
		precis_span sp = s == 0 ? d->headline : d->sents[s - 1];
		/* A bare headline is also its one sentence: read it once. */
		if (sp.end <= sp.start || (s > 0 && sp.start == d->headline.start && sp.end == d->headline.end))
			continue;
		if (want && (s == 1 || paragraph_break(t, prev_end, sp.start)))
			want = 0;
		prev_end = sp.end;
		for (size_t i = sp.start; i < sp.end && !rc;) {
			size_t clen;
			int32_t cp = px_utf8_decode(t + i, sp.end - i, &clen);
			if (want && cp == want) {
				size_t adv;
				size_t a = qs, b = i;
				while (a < b && px_cp_is_space(px_utf8_decode(t + a, b - a, &adv)))
					a += adv;
				/* Blanks, and a comma that belongs to the reporting sentence ("here," he said). */
				while (b > a) {
					size_t k = b - 1;
					while (k > a && ((unsigned char)t[k] & 0xC0) == 0x80)
						k--;
					if (!px_cp_is_space(px_utf8_decode(t + k, b - k, &adv)) && t[k] != ',')
						break;
					b = k;
				}
				size_t words = 0;
				px_tokenize(t + a, b - a, d->lang, count_tok, &words);
				if (words >= MIN_QUOTE_WORDS)
					rc = push_quote(qv, (precis_span){ a, b }, uopen, (int)s);
				want = 0;
				i += clen;
				continue;
			}
			if (!want && (want = close_of(cp))) {
				qs = i + clen;
				uopen = (int)s;
			}
			i += clen;
		}
	}
	return rc;
}

/* First token starting at or after byte pos. */
static size_t tok_lower_bound(const tok *v, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First person mention starting at or after byte pos. */
static size_t pm_lower_bound(const pmention *pm, size_t n, size_t pos)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pm[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int cmp_pm(const void *a, const void *b)
{
	const pmention *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

typedef enum { REP_NONE, REP_VERB, REP_SOURCE, REP_PRONOUN } rep_kind;

/* The reporting phrase starting at token k, if any; *len its tokens. */
static rep_kind reporting_at(const lists *L, const tok *v, size_t n, size_t k, size_t *len)
{
	if ((*len = px_meta_phrase_at(L, P_PRONOUN_REP, v, n, k, NULL)))
		return REP_PRONOUN;
	if ((*len = px_meta_phrase_at(L, P_SOURCE, v, n, k, NULL)))
		return REP_SOURCE;
	if ((*len = px_meta_phrase_at(L, P_REPORTING, v, n, k, NULL))) {
		/* "il a déclaré", "he said": the subject is a pronoun. */
		size_t b = k;
		if (b > 0 && v[b - 1].unit == v[k].unit && in_set(L, W_AUX, &v[b - 1]))
			b--;
		if (b > 0 && v[b - 1].unit == v[k].unit && in_set(L, W_PRONOUNS, &v[b - 1]))
			return REP_PRONOUN;
		return REP_VERB;
	}
	return REP_NONE;
}

struct attrib {
	const tok *v;
	size_t n;
	const lists *L;
	const pmention *pm;
	size_t npm;
	const char *text;
};

#define NO_MENTION ((size_t)-1)

/*
 * "avec le chancelier Olaf Scholz, a dit": a name after a preposition
 * (within three words, no comma between) is an object, not the subject.
 */
static bool after_preposition(const struct attrib *c, const pmention *m)
{
	size_t k = tok_lower_bound(c->v, c->n, m->start);
	size_t next = m->start;
	for (size_t back = 0; k > 0 && back < 3; back++) {
		const tok *t = &c->v[--k];
		if (t->unit != m->unit || memchr(c->text + t->end, ',', next - t->end) ||
		    memchr(c->text + t->end, ';', next - t->end) ||
		    memchr(c->text + t->end, ':', next - t->end))
			return false;
		/* "Secretary of State Antony Blinken": the preposition is inside a title. */
		if (in_set(c->L, W_OBJPREP, t))
			return !(k > 0 && c->v[k - 1].unit == t->unit && c->v[k - 1].cap &&
				 in_set(c->L, W_HONOR, &c->v[k - 1]));
		next = t->start;
	}
	return false;
}

/*
 * The first (or last) person mention outside quotes starting in bytes
 * [from, to); subjects only: not after a preposition.
 */
static size_t mention_in(const struct attrib *c, size_t from, size_t to, bool last, bool subject)
{
	size_t found = NO_MENTION;
	for (size_t k = pm_lower_bound(c->pm, c->npm, from); k < c->npm && c->pm[k].start < to;
	     k++) {
		if (c->pm[k].quoted || c->pm[k].who < 0 || (subject && after_preposition(c, &c->pm[k])))
			continue;
		found = k;
		if (!last)
			break;
	}
	return found;
}

static int64_t who_of(const struct attrib *c, size_t m)
{
	return m == NO_MENTION ? -1 : c->pm[m].who;
}

/*
 * "a-t-il ajouté", "he said": the last person named as a subject since the
 * quote before; else whoever spoke that quote, if it was in this or the
 * previous sentence; else the last subject named outside quotes in this or
 * the two sentences before. Each quote looks only at the mentions since the
 * previous one, so all quotes together look at each mention once.
 */
static int64_t pronoun_speaker(const struct attrib *c, const quotevec *qv, const int64_t *who,
			       size_t q, size_t before)
{
	int unit = qv->uopen[q];
	if (q > 0) {
		size_t m = mention_in(c, qv->v[q - 1].span.end, before, true, true);
		if (m != NO_MENTION && c->pm[m].unit >= unit - 2)
			return c->pm[m].who;
		if (who[q - 1] >= 0 && qv->uclose[q - 1] >= unit - 1)
			return who[q - 1];
	}
	size_t k = pm_lower_bound(c->pm, c->npm, before);
	for (size_t steps = 0; k > 0 && steps < 64; steps++) {
		const pmention *m = &c->pm[--k];
		if (m->unit < unit - 2)
			break;
		if (!m->quoted && m->who >= 0 && !after_preposition(c, m))
			return m->who;
	}
	return -1;
}

/* A "que"/"that" between bytes a and b: a name after it is no subject ("annoncé que Kim"). */
static bool that_between(const struct attrib *c, size_t a, size_t b)
{
	for (size_t k = tok_lower_bound(c->v, c->n, a); k < c->n && c->v[k].start < b; k++)
		if (in_set(c->L, W_THAT, &c->v[k]))
			return true;
	return false;
}

/* "Kim Jong Un : « ... »" (headlines): only a colon, blanks and the mark between. */
static bool name_colon(const char *text, size_t from, size_t to)
{
	bool colon = false;
	for (size_t i = from; i < to;) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + i, to - i, &adv);
		if (cp == ':')
			colon = true;
		else if (!px_cp_is_space(cp) && !close_of(cp))
			return false;
		i += adv;
	}
	return colon;
}

/*
 * The speaker of quote q, by the nearest reporting phrase outside it:
 * after it ("», a déclaré X", "\" X said") or before it ("X a dit « »",
 * "selon X, « »"). Windows are a few tokens wide and stop at the
 * neighbouring quotes, so each quote costs a bounded amount of work.
 */
static int64_t speaker_of(const struct attrib *c, const quotevec *qv, const int64_t *who, size_t q)
{
	const tok *v = c->v;
	precis_span sp = qv->v[q].span;
	size_t next_qs = q + 1 < qv->n ? qv->v[q + 1].span.start : (size_t)-1;
	size_t prev_qe = q > 0 ? qv->v[q - 1].span.end : 0;
	int uc = qv->uclose[q], uo = qv->uopen[q];
	size_t len;
	/* After the quote. */
	size_t a = tok_lower_bound(v, c->n, sp.end);
	for (size_t k = a; k < c->n && k < a + QUOTE_WINDOW && v[k].unit == uc && v[k].start < next_qs;
	     k++) {
		rep_kind r = reporting_at(c->L, v, c->n, k, &len);
		if (r == REP_NONE)
			continue;
		if (r == REP_PRONOUN)
			return pronoun_speaker(c, qv, who, q, sp.start);
		/* "», Angela Merkel said", "\" Putin told Kim": the subject comes first. */
		size_t m = mention_in(c, sp.end, v[k].start, true, true);
		if (m != NO_MENTION)
			return c->pm[m].who;
		for (size_t x = a; x < k; x++)
			if (v[x].cap && !v[x].first && v[x].num < 0)
				return -1; /* a subject we cannot name ("Moscow said"): not the object after */
		/* "», a déclaré aux journalistes Iouri Ouchakov", "said Jens Stoltenberg". */
		size_t vend = v[k + len - 1].end, e = k + len;
		while (e < c->n && e < k + len + 6 && v[e].unit == uc && v[e].start < next_qs)
			e++;
		m = e > k + len ? mention_in(c, vend, v[e - 1].end, false, false) : NO_MENTION;
		if (m != NO_MENTION && !that_between(c, vend, c->pm[m].start))
			return c->pm[m].who;
		if (r == REP_SOURCE)
			return -1;
		break;
	}
	/* Before the quote. */
	size_t b = tok_lower_bound(v, c->n, sp.start);
	for (size_t k = b; k > 0 && b - k < QUOTE_WINDOW; k--) {
		const tok *t = &v[k - 1];
		if (t->unit != uo || t->start < prev_qe)
			break;
		rep_kind r = reporting_at(c->L, v, c->n, k - 1, &len);
		if (r == REP_NONE)
			continue;
		if (r == REP_PRONOUN)
			return pronoun_speaker(c, qv, who, q, t->start);
		if (r == REP_SOURCE)
			return who_of(c, mention_in(c, t->end, sp.start, false, false));
		/*
		 * "Kim Jong-un a dit s'attendre à « »", "M. Zelensky, qui ... avec
		 * Olaf Scholz, a dit": the subject before the verb.
		 */
		size_t s0 = k - 1;
		while (s0 > 0 && k - 1 - s0 < SUBJECT_WINDOW && v[s0 - 1].unit == uo &&
		       v[s0 - 1].start >= prev_qe)
			s0--;
		size_t m = mention_in(c, v[s0].start, t->start, true, true);
		if (m != NO_MENTION)
			return c->pm[m].who;
		/* "a déclaré Iouri Ouchakov : « »", but not "a annoncé que Kim allait « »". */
		m = mention_in(c, t->end, sp.start, false, false);
		if (m != NO_MENTION && !that_between(c, t->end, c->pm[m].start))
			return c->pm[m].who;
		return -1;
	}
	size_t m = pm_lower_bound(c->pm, c->npm, sp.start);
	if (m > 0 && !c->pm[m - 1].quoted && c->pm[m - 1].who >= 0 && c->pm[m - 1].end >= prev_qe &&
	    c->pm[m - 1].unit == uo && name_colon(c->text, c->pm[m - 1].end, sp.start))
		return c->pm[m - 1].who;
	return -1;
}

/* Mark tokens and person mentions inside quotes (both sorted by offset). */
static void mark_quoted(tok *v, size_t n, pmention *pm, size_t npm, const quotevec *qv)
{
	size_t q = 0;
	for (size_t i = 0; i < n; i++) {
		while (q < qv->n && qv->v[q].span.end <= v[i].start)
			q++;
		v[i].quoted = q < qv->n && v[i].start >= qv->v[q].span.start;
	}
	q = 0;
	for (size_t i = 0; i < npm; i++) {
		while (q < qv->n && qv->v[q].span.end <= pm[i].start)
			q++;
		pm[i].quoted = q < qv->n && pm[i].start >= qv->v[q].span.start;
	}
}

int px_meta_speakers(quotevec *qv, tok *v, size_t n, const lists *L, pmention *pm, size_t npm,
		     const char *text, const entvec *persons)
{
	if (npm > 1)
		qsort(pm, npm, sizeof *pm, cmp_pm);
	mark_quoted(v, n, pm, npm, qv);
	struct attrib at = { v, n, L, pm, npm, text };
	int64_t *who = malloc((qv->n ? qv->n : 1) * sizeof *who);
	if (!who)
		return PRECIS_ENOMEM;
	for (size_t q = 0; q < qv->n; q++) {
		who[q] = speaker_of(&at, qv, who, q);
		qv->v[q].speaker = who[q] >= 0 ? persons->v[who[q]].name : NULL;
	}
	free(who);
	return 0;
}
