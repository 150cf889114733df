/*
 * clean_layout: the rules that judge a line by the page around it:
 * repeats (exact and near), body bounds, menus, the headline, the
 * outlet and page furniture.
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

/* --------------------------------------------------------------- repeats */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* The distinct words of a line's skeleton, hashed and sorted. */
static int word_set(line *l, const char *sk)
{
	size_t cap = 0, n = 0;
	uint64_t *v = NULL;
	for (const char *p = sk; *p;) {
		const char *e = strchr(p, ' ');
		size_t wl = e ? (size_t)(e - p) : strlen(p);
		if (px_vec_reserve((void **)&v, &cap, n + 1, sizeof *v)) {
			free(v);
			return PRECIS_ENOMEM;
		}
		v[n++] = px_hash(p, wl);
		p += wl + (e != NULL);
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_u64);
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if (o == 0 || v[o - 1] != v[i])
			v[o++] = v[i];
	l->wset = v;
	l->nwset = o;
	return 0;
}

static double jaccard(const line *a, const line *b)
{
	size_t i = 0, j = 0, inter = 0;
	while (i < a->nwset && j < b->nwset) {
		if (a->wset[i] == b->wset[j])
			inter++, i++, j++;
		else if (a->wset[i] < b->wset[j])
			i++;
		else
			j++;
	}
	size_t uni = a->nwset + b->nwset - inter;
	return uni ? (double)inter / (double)uni : 0.0;
}

/* Key of the first (or last) five words of a skeleton; *klen 0 when too short. */
static const char *edge_key(const char *sk, size_t len, bool last, size_t *klen)
{
	size_t words = 0;
	if (!last) {
		size_t i = 0;
		for (; i < len && words < 5; i++)
			words += sk[i] == ' ';
		*klen = words == 5 ? i - 1 : 0;
		return sk;
	}
	size_t i = len;
	while (i > 0 && words < 5)
		words += sk[--i] == ' ';
	*klen = words == 5 ? len - i - 1 : 0;
	return sk + i + 1;
}

/* Near-duplicate candidates: lines sharing a first- or last-five-words key. */
typedef struct {
	px_strmap *keys;
	size_t (*slots)[NEAR_CANDIDATES];
	size_t *count;
	size_t cap, capslots; /* of count, of slots */
} near_index;

static int near_add(near_index *ix, const char *k, size_t klen, size_t line_no)
{
	int64_t id;
	int added;
	int rc = px_strmap_intern(ix->keys, k, klen, &id, &added);
	if (rc)
		return rc;
	size_t need = (size_t)id + 1;
	if (px_vec_reserve((void **)&ix->slots, &ix->capslots, need, sizeof *ix->slots) ||
	    px_vec_reserve0((void **)&ix->count, &ix->cap, need, sizeof *ix->count))
		return PRECIS_ENOMEM;
	/* A ring of the latest lines: repeats sit close together on a page. */
	ix->slots[id][ix->count[id] % NEAR_CANDIDATES] = line_no;
	ix->count[id]++;
	return 0;
}

/* An earlier kept line that l nearly repeats, or (size_t)-1. */
static size_t near_match(const near_index *ix, const line *L, const line *l, const char *k,
			 size_t klen)
{
	int64_t id = px_strmap_get(ix->keys, k, klen);
	if (id < 0)
		return (size_t)-1;
	size_t c = ix->count[id] < NEAR_CANDIDATES ? ix->count[id] : NEAR_CANDIDATES;
	for (size_t i = 0; i < c; i++) {
		size_t j = ix->slots[id][i];
		if (!L[j].reason && jaccard(&L[j], l) >= NEAR_DUPLICATE)
			return j;
	}
	return (size_t)-1;
}

/*
 * Is line i (skeleton sk, sl bytes) a near copy of a kept line sharing its
 * opening or closing words? Else it becomes a candidate for later lines.
 */
static int near_repeat(page *pg, near_index *ix, size_t i, const char *sk, size_t sl)
{
	line *l = &pg->L[i];
	int rc = word_set(l, sk);
	if (rc)
		return rc;
	size_t kl[2];
	const char *k[2] = { edge_key(sk, sl, false, &kl[0]), edge_key(sk, sl, true, &kl[1]) };
	for (int e = 0; e < 2; e++) {
		size_t j = kl[e] ? near_match(ix, pg->L, l, k[e], kl[e]) : (size_t)-1;
		if (j != (size_t)-1) {
			l->reason = "duplicate";
			l->dup_of = j;
			return 0;
		}
	}
	for (int e = 0; e < 2 && !rc; e++)
		if (kl[e])
			rc = near_add(ix, k[e], kl[e], i);
	return rc;
}

/*
 * A paragraph printed twice: the later copy is a "duplicate" (also when
 * the copies differ in a word or two: word sets 80% alike). Only kept
 * lines count as originals, so a photo caption that repeats a paragraph
 * leaves the body copy as the one kept. A short name printed twice is
 * the site's name, in its header and footer.
 */
int px_clean_mark_repeats(page *pg)
{
	if (pg->n < 2)
		return 0; /* one line repeats nothing (most JSONL records) */
	px_strmap *exact = NULL;
	near_index ix = { 0 };
	size_t *first = malloc(pg->n * sizeof *first);
	int rc = first ? px_strmap_new(&exact) : PRECIS_ENOMEM;
	if (!rc)
		rc = px_strmap_new(&ix.keys);
	for (size_t i = 0; i < pg->n && !rc; i++) {
		line *l = &pg->L[i];
		if (l->reason)
			continue;
		size_t sl = px_clean_skeleton(pg->scratch, l->folded, l->flen, true);
		int64_t id;
		int added;
		if (sl == 0 || (rc = px_strmap_intern(exact, pg->scratch, sl, &id, &added)))
			continue;
		if (added) {
			first[id] = i;
			if (l->words >= NEAR_WORDS)
				rc = near_repeat(pg, &ix, i, pg->scratch, sl);
			continue;
		}
		size_t j = first[id];
		if (px_clean_is_reason(&pg->L[j], "site") || (!pg->L[j].reason && px_clean_name_like(pg, l))) {
			pg->L[j].reason = "site";
			l->reason = "site";
		} else {
			l->reason = "duplicate";
			l->dup_of = j;
		}
	}
	px_strmap_free(exact);
	px_strmap_free(ix.keys);
	free(ix.slots);
	free(ix.count);
	free(first);
	return rc;
}

/* ---------------------------------------------------------------- layout */

static bool is_paragraph(const line *l)
{
	return (l->terminal && l->words >= PARAGRAPH_WORDS) || l->words >= LONG_WORDS;
}

/* The lead (first body paragraph long enough) and the last body paragraph. */
void px_clean_find_body(page *pg)
{
	pg->lead = pg->last = pg->n;
	for (size_t i = 0; i < pg->n; i++) {
		const line *l = &pg->L[i];
		if (l->reason)
			continue;
		if (pg->lead == pg->n &&
		    ((l->terminal && l->words >= LEAD_WORDS) || l->words >= LONG_WORDS))
			pg->lead = i;
		if (pg->lead < pg->n && is_paragraph(l))
			pg->last = i;
	}
}

/*
 * A long sentence between two body paragraphs is body, whatever cue
 * phrase it contains (« Nous utilisons des cookies depuis vingt ans »,
 * says a publisher): widgets inside an article are short lines.
 */
void px_clean_rescue_sandwiched(page *pg)
{
	size_t prev = pg->n; /* the latest kept paragraph */
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		if (!l->reason && is_paragraph(l)) {
			prev = i;
			continue;
		}
		if (!l->by_cue || prev == pg->n || !l->terminal || l->words <= START_WORDS)
			continue;
		size_t j = i + 1;
		while (j < pg->n && pg->L[j].reason && pg->L[j].words <= MENU_WORDS)
			j++; /* an advert or a share button may sit between */
		if (j < pg->n && !pg->L[j].reason && is_paragraph(&pg->L[j])) {
			l->reason = NULL;
			l->by_cue = false;
		}
	}
}

/* One-word lines that nothing explains: "Flash", "International". */
void px_clean_mark_fragments(page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (!pg->L[i].reason && pg->L[i].words <= 1 && !pg->L[i].terminal)
			pg->L[i].reason = "fragment";
}

/* A line that reads as a menu entry: short and unexplained, a lone word, a navigation cue. */
static bool menu_item(const line *l)
{
	return (!l->reason && l->words <= ITEM_WORDS && !l->terminal) ||
	       px_clean_is_reason(l, "fragment") || (l->line_cue && px_clean_is_reason(l, "nav"));
}

/*
 * Runs of short lines are menus (blank lines do not break a run). Above
 * the lead and below the last paragraph two entries make a menu; inside
 * the body it takes three, so an intertitle next to an advert stays.
 */
void px_clean_mark_menus(page *pg)
{
	size_t i = 0;
	while (i < pg->n) {
		size_t j = i;
		while (j < pg->n &&
		       (pg->L[j].reason || (pg->L[j].words <= MENU_WORDS && !pg->L[j].terminal)))
			j++;
		size_t items = 0;
		for (size_t k = i; k < j; k++)
			items += menu_item(&pg->L[k]);
		bool inside = i > pg->lead && j <= pg->last;
		if (j - i >= 3 && items >= (inside ? 3u : 2u))
			for (size_t k = i; k < j; k++)
				if (menu_item(&pg->L[k]))
					pg->L[k].reason = "menu";
		i = j > i ? j : i + 1;
	}
}

/* ------------------------------------------------------ headline, outlet */

/* Trim a site name to the name: "www.lemonde.fr" -> "lemonde", "Le Placentin." -> "Le Placentin". */
static precis_span outlet_name(const char *text, precis_span sp)
{
	const char *s = text + sp.start;
	size_t a = 0, b = sp.end - sp.start;
	while (b > a && (s[b - 1] == '.' || s[b - 1] == ' '))
		b--;
	if (b - a > 4 && strncmp(s, "www.", 4) == 0)
		a += 4;
	/* A top-level domain: a final ".xx" of 2 to 6 lowercase letters. */
	size_t d = b;
	while (d > a && s[d - 1] >= 'a' && s[d - 1] <= 'z')
		d--;
	if (d > a + 1 && s[d - 1] == '.' && b - d >= 2 && b - d <= 6)
		b = d - 1;
	return (precis_span){ sp.start + a, sp.start + b };
}

static bool is_tld_name(const char *s, size_t len)
{
	size_t d = len;
	while (d > 0 && s[d - 1] >= 'a' && s[d - 1] <= 'z')
		d--;
	return d > 1 && s[d - 1] == '.' && len - d >= 2 && len - d <= 6;
}

static bool listed_outlet(const page *pg, const char *s, size_t len)
{
	char f[128], sk[128];
	size_t fl = px_fold_into(f, sizeof f, s, len);
	if (fl == (size_t)-1 || fl >= sizeof sk)
		return false;
	size_t sl = px_clean_skeleton(sk, f, fl, true);
	return px_clean_in_list(pg->cues, LIST_OUTLET, sk, sl);
}

/* Width of a title-suffix separator ending at s[i] (" | ", " - ", " – ", " — ", " :: "). */
static size_t suffix_sep(const char *s, size_t i, size_t len, bool *bar)
{
	static const char *const seps[] = { " | ", " :: ", " · ", " - ", " \xE2\x80\x93 ",
					    " \xE2\x80\x94 ", NULL };
	for (int k = 0; seps[k]; k++) {
		size_t w = strlen(seps[k]);
		if (i + w <= len && memcmp(s + i, seps[k], w) == 0) {
			*bar = k < 3;
			return w;
		}
	}
	return 0;
}

/* Start of a trailing " | Section" of at most SITE_WORDS words in s[0..len), or len. */
static size_t last_bar_segment(const page *pg, const char *s, size_t len)
{
	for (size_t i = len; i-- > 1;) {
		if (!(s[i] == '|' && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' '))
			continue;
		size_t words = px_clean_count_words(s + i + 2, len - i - 2, pg->lang);
		return words && words <= SITE_WORDS && px_clean_count_words(s, i - 1, pg->lang) >= 3 ? i - 1 : len;
	}
	return len;
}

/*
 * Strip " | Atlantico.fr", " - Le Monde" and "<!-- -->" from a title line.
 * A bar suffix of up to four capitalized words is a site; a dash suffix
 * (titles contain dashes: "Corée du Nord - Russie") only when it looks
 * like a domain or names a listed outlet. *site is the outlet's name.
 */
static precis_span strip_title(const page *pg, precis_span sp, precis_span *site)
{
	const char *s = pg->text + sp.start;
	size_t len = sp.end - sp.start;
	*site = (precis_span){ 0, 0 };
	for (size_t i = len; i-- > 1;) {
		bool bar;
		size_t w = suffix_sep(s, i, len, &bar);
		if (!w)
			continue;
		const char *t = s + i + w;
		size_t tl = len - i - w;
		size_t words = px_clean_count_words(t, tl, pg->lang);
		if (words == 0 || words > SITE_WORDS)
			break;
		bool ok = bar ? px_clean_starts_upper(t, tl) || strncmp(t, "www.", 4) == 0
			      : is_tld_name(t, tl) || listed_outlet(pg, t, tl);
		if (!ok)
			break;
		*site = outlet_name(pg->text, (precis_span){ sp.start + i + w, sp.end });
		len = i;
		/* "Title | North Korea | The Guardian": the section goes too. */
		while (bar && (i = last_bar_segment(pg, s, len)) < len)
			len = i;
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

static bool title_like(const page *pg, const line *l)
{
	const char *s = pg->text + l->span.start;
	size_t len = l->span.end - l->span.start;
	size_t adv;
	int32_t cp = px_utf8_decode(s, len, &adv);
	bool opens = px_cp_is_upper(cp) || px_cp_is_digit(cp) || cp == '"' || cp == 0xAB ||
		     cp == 0x201C || cp == '\'';
	return !l->reason && opens && l->words >= 3 && l->words <= TITLE_MAX &&
	       !px_clean_ends_with_stop(s, len);
}

/* Same skeleton (digits kept) for a span of text and a line. */
static bool same_skeleton(const page *pg, precis_span sp, const line *l)
{
	size_t fl;
	char *f = px_clean_fold_line(pg->text + sp.start, sp.end - sp.start, &fl);
	if (!f)
		return false;
	char *a = malloc(fl + 1), *b = malloc(l->flen + 1);
	bool same = false;
	if (a && b) {
		px_clean_skeleton(a, f, fl, true);
		px_clean_skeleton(b, l->folded, l->flen, true);
		same = a[0] && strcmp(a, b) == 0;
	}
	free(a);
	free(b);
	free(f);
	return same;
}

/* Later kept copies of the headline's text are duplicates. */
static void mark_title_copies(page *pg, size_t h, precis_span head)
{
	for (size_t j = h + 1; j < pg->n; j++) {
		line *l = &pg->L[j];
		if (!l->reason && l->words <= TITLE_MAX && same_skeleton(pg, head, l)) {
			l->reason = "duplicate";
			l->dup_of = h;
		}
	}
}

/* A title line with a site suffix: "Sommet ... <!-- --> | Atlantico.fr". */
static size_t headline_with_suffix(page *pg, size_t lim, precis_span *head, precis_span *site)
{
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		precis_span st, sp = strip_title(pg, pg->L[i].span, &st);
		if (st.end > st.start &&
		    px_clean_count_words(pg->text + sp.start, sp.end - sp.start, pg->lang) >= 3) {
			*head = sp;
			*site = st;
			mark_title_copies(pg, i, sp);
			return i;
		}
	}
	return pg->n;
}

/* A breadcrumb's last segment, or the line below that prints it alone. */
static size_t headline_from_breadcrumb(page *pg, size_t lim, precis_span *head)
{
	for (size_t i = 0; i < lim; i++) {
		line *l = &pg->L[i];
		size_t tail;
		const char *s = pg->text + l->span.start;
		size_t len = l->span.end - l->span.start;
		if (!px_clean_is_reason(l, "breadcrumb") || !px_clean_is_breadcrumb(pg, s, len, &tail) ||
		    px_clean_count_words(s + tail, len - tail, pg->lang) < 3)
			continue;
		precis_span t = { l->span.start + tail, l->span.end };
		for (size_t j = i + 1; j < lim; j++) {
			if (title_like(pg, &pg->L[j]) && same_skeleton(pg, t, &pg->L[j])) {
				*head = pg->L[j].span;
				mark_title_copies(pg, j, *head);
				return j;
			}
		}
		*head = t;
		return i;
	}
	return pg->n;
}

/* A title-like line that mark_repeats found printed again later. */
static size_t headline_printed_twice(const page *pg, size_t lim, precis_span *head)
{
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		for (size_t j = i + 1; j < pg->n; j++)
			if (px_clean_is_reason(&pg->L[j], "duplicate") && pg->L[j].dup_of == i) {
				*head = pg->L[i].span;
				return i;
			}
	}
	return pg->n;
}

/* The first title-like line with at most two unexplained lines between it and the lead. */
static size_t headline_above_lead(const page *pg, size_t lim, precis_span *head,
				  precis_span *site)
{
	if (pg->lead == pg->n)
		return pg->n;
	for (size_t i = 0; i < lim; i++) {
		if (!title_like(pg, &pg->L[i]))
			continue;
		/* Bylines, dates and credits between title and lead are dropped already. */
		size_t between = 0;
		for (size_t j = i + 1; j < pg->lead; j++)
			between += !pg->L[j].reason;
		if (between <= 2) {
			*head = strip_title(pg, pg->L[i].span, site);
			return i;
		}
	}
	return pg->n;
}

/*
 * The headline, found above the lead by the strongest evidence first. The
 * first printing is the headline; later copies are duplicates. Returns
 * its line, or n when the page shows none (a page that opens with a
 * caption and the lead has no title to find).
 */
size_t px_clean_find_headline(page *pg, precis_span *head, precis_span *site)
{
	size_t lim = pg->lead < HEAD_LINES ? pg->lead : HEAD_LINES;
	if (lim > pg->n)
		lim = pg->n;
	*site = (precis_span){ 0, 0 };
	size_t h = headline_with_suffix(pg, lim, head, site);
	if (h == pg->n)
		h = headline_from_breadcrumb(pg, lim, head);
	if (h == pg->n)
		h = headline_printed_twice(pg, lim, head);
	if (h == pg->n)
		h = headline_above_lead(pg, lim, head, site);
	return h;
}

/* Does the line's skeleton contain the outlet's name as whole words? */
static bool mentions(const line *l, const char *name)
{
	size_t nl = strlen(name);
	if (!nl || l->flen > LINE_CUE_BYTES)
		return false;
	char sk[LINE_CUE_BYTES + 1];
	size_t sl = px_clean_skeleton(sk, l->folded, l->flen, true);
	for (const char *p = sk; (p = strstr(p, name)); p++) {
		bool start = p == sk || p[-1] == ' ';
		bool end = p + nl == sk + sl || p[nl] == ' ';
		if (start && end)
			return true;
	}
	return false;
}

/*
 * Above the lead and below the last paragraph, what is left and does not
 * end like a sentence is page furniture: kickers, tags, slugs, labels;
 * but a long line between headline and lead is the standfirst, written
 * like the body. A short line that names the outlet there is the site's
 * own ("Atlantico, c'est qui, c'est quoi ?").
 */
void px_clean_mark_furniture(page *pg, const char *outlet, size_t headline)
{
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		/* A name printed twice that is not the outlet: a tag or a section. */
		if (px_clean_is_reason(l, "site") && !l->agency && *outlet && !mentions(l, outlet))
			l->reason = NULL;
		bool above = i < pg->lead, below = pg->last < pg->n && i > pg->last;
		if (l->reason || !(above || below))
			continue;
		if (l->words <= 2 * SITE_WORDS && mentions(l, outlet))
			l->reason = "site";
		else if (above && headline < i && l->words > DECK_WORDS)
			continue;
		else if (!l->terminal && l->words < LONG_WORDS)
			l->reason = above ? "header" : "footer";
	}
}

/*
 * Agency names alone on a line: a signature below the lead ("AFP" at the
 * end), a credit above it, the masthead on the first line ("Reuters").
 */
void px_clean_place_agencies(page *pg)
{
	for (size_t i = 0; i < pg->n; i++) {
		line *l = &pg->L[i];
		if (!l->agency)
			continue;
		if (i == 0 && pg->lead > 0)
			l->reason = "site";
		else if (pg->lead < pg->n ? i < pg->lead : i < pg->n / 2)
			l->reason = "credit";
	}
}

/*
 * The outlet's name: a title suffix, else a site line (a name printed
 * twice, or a listed outlet or agency as masthead), else the owner of a
 * signature ("Le Monde avec AFP"), else a listed outlet alone on a line
 * anywhere ("Euronews" below the text).
 */
precis_span px_clean_find_outlet(const page *pg, precis_span suffix)
{
	if (suffix.end > suffix.start)
		return suffix;
	/* A byline or dateline naming a title ("Par Le Figaro avec AFP") is the page's own word. */
	for (size_t k = 0; k < pg->nevidence; k++)
		if (pg->evidence[k].outlet.end > pg->evidence[k].outlet.start && !pg->evidence[k].agency)
			return outlet_name(pg->text, pg->evidence[k].outlet);
	for (size_t i = 0; i < pg->n; i++)
		if (px_clean_is_reason(&pg->L[i], "site") && pg->L[i].words <= SITE_WORDS)
			return outlet_name(pg->text, pg->L[i].span);
	/* A wire's byline or dateline ("(Reuters)"): the page is its copy. */
	for (size_t k = 0; k < pg->nevidence; k++)
		if (pg->evidence[k].outlet.end > pg->evidence[k].outlet.start)
			return pg->evidence[k].outlet;
	precis_span owner;
	for (size_t i = 0; i < pg->n; i++)
		if (px_clean_is_reason(&pg->L[i], "signature") && px_clean_owned_signature(pg, &pg->L[i], &owner))
			return outlet_name(pg->text, owner);
	for (size_t i = 0; i < pg->n; i++) {
		const line *l = &pg->L[i];
		if (l->words <= SITE_WORDS &&
		    listed_outlet(pg, pg->text + l->span.start, l->span.end - l->span.start))
			return outlet_name(pg->text, l->span);
	}
	return (precis_span){ 0, 0 };
}
