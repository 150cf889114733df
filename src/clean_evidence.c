/*
 * clean_evidence: datelines, bylines and "published/updated" lines. They
 * leave the body (they are not sentences, and never the headline), but
 * they are the strongest evidence a page gives of when it was written,
 * by whom and from where; each is kept with the spans meta reads:
 *   "Publié le 04/03/2024 à 12:15", "Published 4 March 2024",
 *   "Mis à jour le ...", "Updated ..."           published, updated;
 *   "Par Le Figaro avec AFP", "By Jane Doe, Reuters"     byline;
 *   "Libération, 3 avril 2024"                   outlet and date: published;
 *   "BRUSSELS, March 4 (Reuters) - ...",
 *   "HUALIEN, Taiwan (AP) — April 3, 2024"       dateline.
 * A dateline that opens a paragraph leaves its line: the paragraph after
 * the dash stays body.
 */
#include <stdbool.h>
#include <string.h>

#include "clean_priv.h"
#include "text.h"

#define DATELINE_PLACE_WORDS 4 /* "RIO DE JANEIRO" */
#define DATELINE_DATE_WORDS 6  /* "April 3, 2024": a longer tail after the dash is body */

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Does the folded line start with the phrase, as whole words? */
static bool starts_with_phrase(const char *f, size_t fl, const char *p)
{
	size_t pl = strlen(p);
	if (pl > fl || memcmp(f, p, pl) != 0)
		return false;
	unsigned char c = pl < fl ? (unsigned char)f[pl] : ' ';
	return !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c < 0x80;
}

/* Whether a phrase of the list starts a word of the folded line past its first. */
static bool has_list_phrase(const page *pg, int list, const line *l)
{
	for (size_t i = 1; i < l->flen; i++) {
		if (l->folded[i - 1] != ' ')
			continue;
		for (size_t k = 0; k < pg->cues->nlist[list]; k++)
			if (starts_with_phrase(l->folded + i, l->flen - i, pg->cues->list[list][k]))
				return true;
	}
	return false;
}

static bool starts_with_list(const page *pg, int list, const line *l)
{
	for (size_t k = 0; k < pg->cues->nlist[list]; k++)
		if (starts_with_phrase(l->folded, l->flen, pg->cues->list[list][k]))
			return true;
	return false;
}

static precis_span trim(const char *text, size_t a, size_t b)
{
	while (a < b && (is_space(text[a]) || text[a] == ',' || text[a] == ':'))
		a++;
	while (b > a && (is_space(text[b - 1]) || text[b - 1] == ',' || text[b - 1] == '.'))
		b--;
	return (precis_span){ a, b };
}

static bool has_digit(const char *s, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* Is text[sp] exactly an agency's name (or alias)? */
static bool agency_span(const page *pg, precis_span sp)
{
	px_token w[8];
	size_t n = 0;
	const char *s = pg->text;
	for (size_t i = sp.start; i < sp.end && n < 8;) {
		while (i < sp.end && is_space(s[i]))
			i++;
		if (i == sp.end)
			break;
		size_t e = i;
		while (e < sp.end && !is_space(s[e]))
			e++;
		w[n++] = (px_token){ i, e, false };
		i = e;
	}
	const char *canon;
	size_t clen;
	return n && px_agency_match(pg->cues->agencies, s, w, n, &canon, &clen) == n;
}

static bool listed_outlet_span(const page *pg, precis_span sp)
{
	char f[128], sk[128];
	size_t fl = px_fold_into(f, sizeof f, pg->text + sp.start, sp.end - sp.start);
	if (fl == (size_t)-1 || fl >= sizeof sk)
		return false;
	size_t sl = px_clean_skeleton(sk, f, fl, true);
	return px_clean_in_list(pg->cues, LIST_OUTLET, sk, sl);
}

/* "Le Figaro", "The Guardian", "L'Équipe": an article then a capital is a title, not a person. */
static bool outlet_like(const page *pg, precis_span sp)
{
	static const char *const articles[] = { "Le ", "La ", "Les ", "L'", "L\xE2\x80\x99",
						"The ", "El ", "Il ", "Der ", "Die ", "Das ", NULL };
	const char *s = pg->text + sp.start;
	size_t len = sp.end - sp.start;
	if (listed_outlet_span(pg, sp))
		return true;
	for (const char *const *a = articles; *a; a++) {
		size_t al = strlen(*a);
		if (len > al && memcmp(s, *a, al) == 0 && px_clean_starts_upper(s + al, len - al))
			return true;
	}
	return false;
}

/* Where a byline segment ends: ',', ';', '/', or " avec "/" with " (the owner words). */
static size_t segment_end(const page *pg, size_t i, size_t end, size_t *next)
{
	static const char *const joins[] = { " avec ", " with ", " for ", " pour ", NULL };
	for (size_t k = i; k < end; k++) {
		char c = pg->text[k];
		if (c == ',' || c == ';' || c == '/' || c == '|') {
			*next = k + 1;
			return k;
		}
		for (const char *const *j = joins; *j; j++) {
			size_t jl = strlen(*j);
			if (k + jl <= end && memcmp(pg->text + k, *j, jl) == 0) {
				*next = k + jl;
				return k;
			}
		}
	}
	*next = end;
	return end;
}

/*
 * Where the outlet starts in a byline segment after the [staff-of] words
 * ("la rédaction de L'Équipe", "the staff of Reuters"): a listed word
 * ending in an apostrophe matches an elided one ("la rédaction d'Ouest-
 * France"). sp.start when none matches.
 */
static size_t after_staff(const page *pg, precis_span sp)
{
	const char *s = pg->text;
	for (size_t k = 0; k < pg->cues->nlist[LIST_STAFF]; k++) {
		const char *p = pg->cues->list[LIST_STAFF][k];
		size_t i = sp.start;
		bool ok = true;
		while (*p && ok) {
			size_t plen = strcspn(p, " ");
			size_t we = i;
			while (we < sp.end && !is_space(s[we]))
				we++;
			char f[64];
			size_t fl = px_fold_into(f, sizeof f, s + i, we - i);
			if (fl == (size_t)-1) {
				ok = false;
			} else if (plen > 1 && p[plen - 1] == '\'') {
				size_t base = plen - 1; /* ASCII before the apostrophe: "d'", "l'" */
				ok = fl > base && memcmp(f, p, base) == 0;
				if (ok && s[i + base] == '\'')
					i += base + 1;
				else if (ok && we - i > base + 3 && memcmp(s + i + base, "\xE2\x80\x99", 3) == 0)
					i += base + 3;
				else
					ok = false;
			} else {
				ok = fl == plen && memcmp(f, p, plen) == 0;
				for (i = we; ok && i < sp.end && is_space(s[i]); i++)
					;
			}
			p += plen + (p[plen] == ' ');
		}
		if (ok && i < sp.end)
			return i;
	}
	return sp.start;
}

/*
 * "Par Le Figaro avec AFP": the outlet is the first segment that looks
 * like a title, else the first agency (wire copy signed by the wire);
 * the other segments are persons, and a last one-word segment after the
 * outlet is the place ("By Hugh Schofield, BBC News, Paris").
 */
static bool read_byline(const page *pg, const line *l, px_clean_evidence *ev)
{
	if (!(starts_with_phrase(l->folded, l->flen, "par") ||
	      starts_with_phrase(l->folded, l->flen, "by")) ||
	    l->terminal || l->words > BYLINE_WORDS + 2)
		return false;
	size_t i = l->span.start;
	while (i < l->span.end && !is_space(pg->text[i]))
		i++;
	precis_span agency = { 0, 0 };
	for (size_t next; i < l->span.end; i = next) {
		precis_span sp = trim(pg->text, i, segment_end(pg, i, l->span.end, &next));
		if (sp.end <= sp.start)
			continue;
		sp.start = after_staff(pg, sp);
		if (ev->outlet.end > ev->outlet.start || agency.end > agency.start) {
			if (px_clean_count_words(pg->text + sp.start, sp.end - sp.start, pg->lang) == 1 &&
			    px_clean_starts_upper(pg->text + sp.start, sp.end - sp.start) &&
			    !agency_span(pg, sp))
				ev->place = sp;
			continue;
		}
		if (agency_span(pg, sp) && agency.end == agency.start)
			agency = sp;
		else if (outlet_like(pg, sp))
			ev->outlet = sp;
	}
	if (ev->outlet.end == ev->outlet.start && agency.end > agency.start) {
		ev->outlet = agency;
		ev->agency = true;
	}
	ev->kind = PRECIS_EVIDENCE_BYLINE;
	return true;
}

/* "Libération, 3 avril 2024": a short name, a comma, then a date. */
static bool read_outlet_date(const page *pg, const line *l, px_clean_evidence *ev)
{
	const char *s = pg->text;
	const char *comma = memchr(s + l->span.start, ',', l->span.end - l->span.start);
	if (!comma || l->words > DATE_WORDS || l->terminal)
		return false;
	size_t c = (size_t)(comma - s);
	precis_span name = trim(s, l->span.start, c);
	size_t nw = px_clean_count_words(s + name.start, name.end - name.start, pg->lang);
	if (nw == 0 || nw > SITE_WORDS || has_digit(s, name.start, name.end) ||
	    !px_clean_starts_upper(s + name.start, name.end - name.start) ||
	    !has_digit(s, c, l->span.end))
		return false;
	/* The rest is a date: its words are date words or numbers. */
	for (size_t i = c + 1; i < l->span.end;) {
		while (i < l->span.end && (is_space(s[i]) || s[i] == ',' || s[i] == '.'))
			i++;
		size_t e = i;
		while (e < l->span.end && !is_space(s[e]) && s[e] != ',')
			e++;
		if (e > i && !has_digit(s, i, e)) {
			char f[64];
			size_t fl = px_fold_into(f, sizeof f, s + i, e - i);
			if (fl == (size_t)-1 || !px_clean_in_list(pg->cues, LIST_DATEWORD, f, fl))
				return false;
		}
		i = e;
	}
	ev->kind = PRECIS_EVIDENCE_PUBLISHED;
	ev->outlet = name;
	ev->agency = agency_span(pg, name);
	return true;
}

/* A word in capitals ("BRUSSELS", "HUALIEN", "SAINT-DENIS") ending at *end. */
static bool caps_word(const char *s, size_t i, size_t lim, size_t *end)
{
	size_t letters = 0;
	while (i < lim && !is_space(s[i]) && s[i] != ',' && s[i] != '(') {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, lim - i, &adv);
		if (px_cp_is_upper(cp))
			letters++;
		else if (cp != '-' && cp != '\'' && cp != '.')
			return false;
		i += adv ? adv : 1;
	}
	*end = i;
	return letters >= 2;
}

/* A dash that ends a dateline: " - ", " – ", " — " (or one closing the line). */
static size_t dash_at(const char *s, size_t i, size_t lim)
{
	static const char *const dashes[] = { "\xE2\x80\x94", "\xE2\x80\x93", "--", "-", NULL };
	for (const char *const *d = dashes; *d; d++) {
		size_t dl = strlen(*d);
		if (i + dl <= lim && memcmp(s + i, *d, dl) == 0 && (i + dl == lim || is_space(s[i + dl])))
			return dl;
	}
	return 0;
}

/*
 * "PLACE[, Region][, date] [(Agency)] — [date | paragraph]". A place in
 * capitals and an agency in brackets, or a place, a comma and a dash, are
 * needed: a word in capitals alone, or before a dash, is a kicker.
 */
static bool read_dateline(const page *pg, line *l, px_clean_evidence *ev)
{
	const char *s = pg->text;
	size_t i = l->span.start, lim = l->span.end, e, words = 0;
	while (words < DATELINE_PLACE_WORDS && caps_word(s, i, lim, &e)) {
		words++;
		ev->place = (precis_span){ l->span.start, e };
		for (i = e; i < lim && is_space(s[i]); i++)
			;
	}
	if (!words || i >= lim || !(s[i] == ',' || s[i] == '(' || dash_at(s, i, lim)))
		return false;
	bool closed = false, comma = false;
	size_t dl = 0;
	while (i < lim && !closed) {
		if (s[i] == '(') {
			const char *rp = memchr(s + i, ')', lim - i);
			if (!rp)
				return false;
			precis_span a = trim(s, i + 1, (size_t)(rp - s));
			if (!agency_span(pg, a) && !outlet_like(pg, a))
				return false;
			ev->outlet = a;
			ev->agency = agency_span(pg, a);
			i = (size_t)(rp - s) + 1;
		} else if ((dl = dash_at(s, i, lim))) {
			closed = true;
			i += dl;
		} else if (s[i] == ',' || is_space(s[i])) {
			comma |= s[i] == ',';
			i++;
		} else {
			/* ", Taiwan", ", March 4": a region or the date, up to the next mark. */
			while (i < lim && s[i] != ',' && s[i] != '(' && !(is_space(s[i - 1]) && dash_at(s, i, lim)))
				i++;
		}
	}
	/* "VIDÉO - Le titre", "EXCLUSIVE - ...": a kicker has neither a comma nor a wire. */
	bool wire = ev->outlet.end > ev->outlet.start;
	if ((!closed && !wire) || (!comma && !wire)) {
		ev->place = ev->outlet = (precis_span){ 0, 0 };
		return false;
	}
	ev->kind = PRECIS_EVIDENCE_DATELINE;
	precis_span rest = trim(s, i, lim);
	size_t rw = px_clean_count_words(s + rest.start, rest.end - rest.start, pg->lang);
	if (rest.end > rest.start && (rw > DATELINE_DATE_WORDS || l->terminal)) {
		/* The paragraph after the dash is body: the line keeps only it. */
		ev->span = (precis_span){ l->span.start, i };
		l->span.start = rest.start;
	}
	return true;
}

static bool evidence_candidate(const line *l)
{
	return !l->reason || px_clean_is_reason(l, "date") || px_clean_is_reason(l, "byline") ||
	       px_clean_is_reason(l, "signature") || px_clean_is_reason(l, "header");
}

void px_clean_find_evidence(page *pg)
{
	pg->nevidence = 0;
	for (size_t i = 0; i < pg->n && pg->nevidence < PX_CLEAN_MAX_EVIDENCE; i++) {
		line *l = &pg->L[i];
		if (!evidence_candidate(l))
			continue;
		px_clean_evidence ev = { .line = i, .span = l->span };
		bool found = false;
		const char *reason = NULL;
		/* "Published in 1998, the first directive..." is a sentence, not a date line. */
		bool short_line = l->words <= DATE_WORDS && (!l->terminal || l->reason);
		/* "Publié le 6 juin 2024 à 14:32 Mis à jour le 6 juin 2024 à 16:10": two date lines in one. */
		if (!short_line && l->words <= 2 * DATE_WORDS && !l->terminal &&
		    starts_with_list(pg, LIST_PUBLISHED, l) && has_list_phrase(pg, LIST_UPDATED, l))
			short_line = true;
		if (short_line && starts_with_list(pg, LIST_UPDATED, l)) {
			ev.kind = PRECIS_EVIDENCE_UPDATED;
			found = true;
			reason = "updated";
		} else if (short_line && starts_with_list(pg, LIST_PUBLISHED, l)) {
			ev.kind = PRECIS_EVIDENCE_PUBLISHED;
			found = true;
			reason = "published";
		} else if (i < HEAD_LINES && px_clean_is_reason(l, "date")) {
			/* A bare date line in the header ("Tue 12 Sep 2023 04.15 BST") dates the page. */
			ev.kind = PRECIS_EVIDENCE_PUBLISHED;
			found = true;
			reason = "date";
		} else if (read_byline(pg, l, &ev)) {
			found = true;
			reason = "byline";
		} else if (i < HEAD_LINES && read_outlet_date(pg, l, &ev)) {
			found = true;
			reason = "published";
		} else if (i < HEAD_LINES && (ev = (px_clean_evidence){ .line = i, .span = l->span },
					      read_dateline(pg, l, &ev))) {
			found = true;
			/* A dateline heading a paragraph leaves the paragraph in the body. */
			reason = ev.span.end == l->span.end ? "dateline" : l->reason;
		}
		if (!found)
			continue;
		l->reason = reason;
		pg->evidence[pg->nevidence++] = ev;
	}
}
