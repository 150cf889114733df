/* report_html: one self-contained page (inline CSS and SVG, no script, no network). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define SHARED_SHOWN 10
#define SINGLES_DETAILED 12
#define PASSAGES_SHOWN 5
/* Columns of the outlet x story overview: past this, a phone scrolls more than it reads. */

/*
 * Outlet colours: Okabe and Ito's palette, told apart with every common
 * colour-vision deficiency, each with the ink (black or white) that reads
 * on it at the higher contrast. An outlet keeps one colour across the
 * report: colored_view picks it by a hash of the outlet's name, not by
 * the card's position.
 */
static const char *const palette[] = { "#0072B2", "#E69F00", "#009E73", "#D55E00",
				       "#56B4E9", "#CC79A7", "#F0E442", "#000000" };
static const char *const inks[] = { "#fff", "#000", "#000", "#000", "#000", "#000", "#000", "#fff" };
#define NCOLORS (sizeof palette / sizeof palette[0])

/*
 * Bidi controls in UTF-8: embeddings and overrides U+202A..U+202E
 * (E2 80 AA..AE), isolates U+2066..U+2068 (E2 81 A6..A8) and their end
 * U+2069 (E2 81 A9). 0 for any other byte sequence.
 */
enum { BIDI_NONE, BIDI_EMBED, BIDI_ISOLATE, BIDI_POP_ISOLATE };

static int bidi_at(const unsigned char *s)
{
	if (s[0] != 0xE2 || (s[1] != 0x80 && s[1] != 0x81))
		return BIDI_NONE;
	if (s[1] == 0x80)
		return s[2] >= 0xAA && s[2] <= 0xAE ? BIDI_EMBED : BIDI_NONE;
	if (s[2] >= 0xA6 && s[2] <= 0xA8)
		return BIDI_ISOLATE;
	return s[2] == 0xA9 ? BIDI_POP_ISOLATE : BIDI_NONE;
}

static bool has_bidi(const char *s)
{
	for (; *s; s++)
		if (bidi_at((const unsigned char *)s) != BIDI_NONE)
			return true;
	return false;
}

/*
 * Untrusted text (titles, outlet names, sentences) into HTML. A text with
 * bidi controls is wrapped in FSI..PDI (U+2068, U+2069): the isolate ends
 * every embedding and override opened inside it, so an RLO in one headline
 * cannot reverse the rest of the page. PDIs the text did not open are
 * dropped (they would close our FSI early) and isolates it left open are
 * closed before ours.
 */
static void esc(FILE *fp, const char *s)
{
	if (!s) {
		fputs("&ndash;", fp);
		return;
	}
	bool isolate = has_bidi(s);
	size_t open = 0;
	if (isolate)
		fputs("\xE2\x81\xA8", fp);
	for (; *s; s++) {
		int b = bidi_at((const unsigned char *)s);
		if (b == BIDI_ISOLATE)
			open++;
		if (b == BIDI_POP_ISOLATE && open == 0) {
			s += 2;
			continue;
		}
		if (b == BIDI_POP_ISOLATE)
			open--;
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: fputc(*s, fp);
		}
	}
	for (; isolate && open > 0; open--)
		fputs("\xE2\x81\xA9", fp);
	if (isolate)
		fputs("\xE2\x81\xA9", fp);
}

/* The article's palette slot, set by colored_view for the whole report. */
static const char *color(const px_article *a)
{
	return palette[(size_t)a->color % NCOLORS];
}

static const char *ink(const px_article *a)
{
	return inks[(size_t)a->color % NCOLORS];
}

static px_render html(FILE *fp)
{
	return (px_render){ fp, esc, "&ndash;", " <small>(from the text)</small>" };
}

/* An outlet's name on its colour: who carries a fact. */
static void chip(FILE *fp, const px_article *a)
{
	fprintf(fp, "<span class=\"chip\" style=\"background:%s;color:%s\">", color(a), ink(a));
	esc(fp, px_report_name_of(a));
	fputs("</span>", fp);
}

/* The headline (or text) linked to the article's url when it is http(s). */
static void headline(FILE *fp, const px_article *a, const char *text)
{
	bool link = px_report_url_ok(a->url);
	if (link) {
		fputs("<a href=\"", fp);
		esc(fp, a->url);
		fputs("\" rel=\"noopener\">", fp);
	}
	esc(fp, text);
	if (link)
		fputs("</a>", fp);
}

static bool in_summary(const px_article *a, const char *text)
{
	for (size_t k = 0; k < a->nsummary; k++)
		if (strcmp(a->summary[k], text) == 0)
			return true;
	return false;
}

/*
 * An outlet's card. Summary sentences other outlets also report carry
 * those outlets' chips; the ones no other outlet reports are tagged.
 */
static void card(FILE *fp, const precis_comparison *c, const px_article *a, bool alone)
{
	px_render r = html(fp);
	fprintf(fp, "<div class=\"card\" style=\"border-top-color:%s\">\n<h3>", color(a));
	esc(fp, px_report_name_of(a));
	fputs("</h3>\n<p class=\"hl\">", fp);
	headline(fp, a, a->headline);
	fputs("</p>\n<dl><dt>Article</dt><dd>", fp);
	esc(fp, a->id);
	fputs("</dd><dt>Date</dt><dd>", fp);
	px_report_date_of(&r, a);
	fprintf(fp, "</dd><dt>Language</dt><dd>%s</dd><dt>Length</dt><dd>%zu words</dd>", a->lang,
		a->words);
	fputs("<dt>Agencies</dt><dd>", fp);
	px_report_agencies(&r, a);
	fputs("</dd></dl>\n<h4>Lead</h4><p class=\"lead\">", fp);
	esc(fp, a->lead);
	fputs("</p>\n<h4>Summary</h4><ol>", fp);
	for (size_t k = 0; k < a->nsummary; k++) {
		fputs("<li>", fp);
		esc(fp, a->summary[k]);
		const px_carriers *also = a->summary_also ? &a->summary_also[k] : NULL;
		if (also && also->n) {
			fputs(" <small>also</small>", fp);
			for (size_t q = 0; q < also->n; q++)
				chip(fp, &c->articles[also->articles[q]]);
		} else if (!alone) {
			fputs(" <span class=\"only-tag\">only here</span>", fp);
		}
		fputs("</li>", fp);
	}
	fputs("</ol>\n", fp);
	size_t anonymous = 0;
	for (size_t k = 0; k < a->nquotes; k++)
		anonymous += !a->quotes[k].speaker;
	if (a->nquotes > anonymous) {
		fputs("<h4>Quoted</h4>", fp);
		for (size_t k = 0; k < a->nquotes; k++) {
			if (!a->quotes[k].speaker)
				continue;
			fprintf(fp, "<blockquote style=\"border-left-color:%s\">&laquo;&nbsp;", color(a));
			esc(fp, a->quotes[k].text);
			fputs("&nbsp;&raquo;<cite>", fp);
			esc(fp, a->quotes[k].speaker);
			fputs("</cite></blockquote>\n", fp);
		}
	}
	if (anonymous)
		fprintf(fp, "<p class=\"note\">%zu unattributed quote%s</p>\n", anonymous,
			anonymous > 1 ? "s" : "");
	size_t more = 0;
	for (size_t k = 0; k < a->nunique; k++)
		more += !in_summary(a, a->unique[k]);
	if (more) {
		fputs("<h4>Also only here</h4><ul class=\"only\">", fp);
		for (size_t k = 0; k < a->nunique; k++) {
			if (in_summary(a, a->unique[k]))
				continue;
			fputs("<li>", fp);
			esc(fp, a->unique[k]);
			fputs("</li>", fp);
		}
		fputs("</ul>\n", fp);
	}
	if (a->ndistinctive) {
		fputs("<h4 title=\"weighted log-odds z-scores against the story's other outlets\">"
		      "Words this outlet favours</h4><p class=\"terms\">", fp);
		for (size_t k = 0; k < a->ndistinctive; k++) {
			fputs("<span>", fp);
			esc(fp, a->distinctive[k].name);
			fprintf(fp, " <small>%.1f</small></span> ", a->distinctive[k].score);
		}
		fputs("</p>\n", fp);
	}
	fputs("</div>\n", fp);
}

/*
 * A fact carried by several outlets: a band in each carrier's colour at
 * its left edge, and their names.
 */
static void fact(FILE *fp, const precis_comparison *c, const px_fact *f)
{
	fputs("<li class=\"fact\"><span class=\"bands\">", fp);
	for (size_t q = 0; q < f->narticles; q++)
		fprintf(fp, "<i style=\"background:%s\"></i>", color(&c->articles[f->articles[q]]));
	fputs("</span><span class=\"text\">", fp);
	esc(fp, f->text);
	fputs(" ", fp);
	for (size_t q = 0; q < f->narticles; q++)
		chip(fp, &c->articles[f->articles[q]]);
	/* Matched across languages: on what, so a reader can check it. */
	for (size_t k = 0; k < f->nanchors; k++) {
		fputs(k ? ", " : " <small class=\"anchors\">across languages on: ", fp);
		esc(fp, f->anchors[k]);
	}
	if (f->nanchors)
		fputs("</small>", fp);
	fputs("</span></li>\n", fp);
}

static void headlines(FILE *fp, const precis_comparison *c, const px_story *st)
{
	px_render r = html(fp);
	fputs("<h3>Headlines</h3><div class=\"scroll\"><table><tr><th>Outlet</th><th>Headline</th>"
	      "<th>Subject</th><th>Key terms</th>"
	      "<th title=\"ROUGE-1 F1 of the headline against the lead\">Words shared with the lead</th>"
	      "<th title=\"ROUGE-1 F1 of the headline against the summary\">Words shared with the "
	      "summary</th></tr>\n", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		const px_article *a = &c->articles[st->articles[x]];
		fputs("<tr><td>", fp);
		chip(fp, a);
		fputs("</td><td>", fp);
		headline(fp, a, a->headline);
		fputs("</td><td><b>", fp);
		esc(fp, a->subject);
		fputs("</b></td><td>", fp);
		for (size_t k = 0; k < a->nhead_terms; k++) {
			fputs(k ? ", " : "", fp);
			esc(fp, a->head_terms[k].name);
		}
		fputs("</td><td class=\"num\">", fp);
		px_report_score(&r, a->head_vs_lead);
		fputs("</td><td class=\"num\">", fp);
		px_report_score(&r, a->head_vs_summary);
		fputs("</td></tr>\n", fp);
	}
	fputs("</table></div>\n<p class=\"note\">Words shared: how much of the headline's wording "
	      "the lead and the summary repeat, from 0 (no word in common) to 1 (the same words); "
	      "the measure is ROUGE-1 F1.</p>\n", fp);
}

static void reuse_block(FILE *fp, const precis_comparison *c, const px_reuse *x)
{
	const px_article *a = &c->articles[x->a], *b = &c->articles[x->b];
	fputs("<div class=\"reuse\"><p>", fp);
	chip(fp, a);
	fputs(" and ", fp);
	chip(fp, b);
	fputs(" share ", fp);
	if (x->agency) {
		fputs("<b>", fp);
		esc(fp, x->agency);
		fputs("</b> copy", fp);
	} else {
		fputs("reused copy", fp);
	}
	fprintf(fp, ": %.0f%% of ", 100 * x->share_a);
	esc(fp, a->id);
	fprintf(fp, ", %.0f%% of ", 100 * x->share_b);
	esc(fp, b->id);
	fputs(".</p>\n", fp);
	/* The longest passages, in text order: short runs are often set phrases. */
	size_t cut = 0;
	if (x->npassages > PASSAGES_SHOWN) {
		size_t lens[PASSAGES_SHOWN] = { 0 };
		for (size_t k = 0; k < x->npassages; k++) {
			size_t l = strlen(x->passages[k]), at = PASSAGES_SHOWN;
			for (; at > 0 && l > lens[at - 1]; at--)
				if (at < PASSAGES_SHOWN)
					lens[at] = lens[at - 1];
			if (at < PASSAGES_SHOWN)
				lens[at] = l;
		}
		cut = lens[PASSAGES_SHOWN - 1];
	}
	size_t shown = 0;
	for (size_t k = 0; k < x->npassages && shown < PASSAGES_SHOWN; k++) {
		if (strlen(x->passages[k]) < cut)
			continue;
		fputs("<blockquote class=\"passage\">", fp);
		esc(fp, x->passages[k]);
		fputs("</blockquote>\n", fp);
		shown++;
	}
	if (x->npassages > shown)
		fprintf(fp, "<p class=\"note\">and %zu shorter passages</p>\n", x->npassages - shown);
	fputs("</div>\n", fp);
}

static void story(FILE *fp, const precis_comparison *c, size_t s)
{
	const px_story *st = &c->stories[s];
	fprintf(fp, "<section id=\"story-%zu\">\n<h2>Story %zu: ", s + 1, s + 1);
	esc(fp, st->label);
	fprintf(fp, "</h2>\n<p class=\"meta\">%zu articles", st->narticles);
	if (st->date) {
		px_render r = html(fp);
		fputs(", event date ", fp);
		px_report_date(&r, st->date);
	}
	fputs("</p>\n<div class=\"cards\">\n", fp);
	for (size_t x = 0; x < st->narticles; x++)
		card(fp, c, &c->articles[st->articles[x]], st->narticles < 2);
	fputs("</div>\n", fp);
	headlines(fp, c, st);
	fputs("<h3>Shared facts</h3>\n", fp);
	if (!st->nshared)
		fputs("<p>None: the outlets report different facts.</p>\n", fp);
	else
		fputs("<ul class=\"facts\">\n", fp);
	for (size_t k = 0; k < st->nshared && k < SHARED_SHOWN; k++)
		fact(fp, c, &st->shared[k]);
	if (st->nshared)
		fputs("</ul>\n", fp);
	if (st->nshared > SHARED_SHOWN)
		fprintf(fp, "<p class=\"note\">and %zu more</p>\n", st->nshared - SHARED_SHOWN);
	bool heading = false;
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		if (!px_report_reuse_in_story(c, x, (int)s))
			continue;
		if (!heading)
			fputs("<h3>Reused copy</h3>\n", fp);
		heading = true;
		reuse_block(fp, c, x);
	}
	fputs("<h3>Consensus summary</h3>\n<ul class=\"facts\">\n", fp);
	for (size_t k = 0; k < st->nconsensus; k++)
		fact(fp, c, &st->consensus[k]);
	fputs("</ul>\n</section>\n", fp);
}

static void singles(FILE *fp, const precis_comparison *c, size_t nsingle)
{
	px_render r = html(fp);
	fputs("<section>\n<h2>Single-article stories</h2>\n<ul class=\"singles\">\n", fp);
	for (size_t s = 0; s < c->nstories; s++) {
		const px_story *st = &c->stories[s];
		if (st->narticles != 1)
			continue;
		const px_article *a = &c->articles[st->articles[0]];
		fprintf(fp, "<li id=\"story-%zu\"><b>Story %zu</b> ", s + 1, s + 1);
		esc(fp, a->id);
		fputs(" &middot; ", fp);
		if (a->outlet) {
			esc(fp, a->outlet);
			fputs(" &middot; ", fp);
		}
		px_report_date_of(&r, a);
		fprintf(fp, " &middot; %s &middot; %zu words<br><span class=\"hl\">", a->lang, a->words);
		headline(fp, a, a->headline ? a->headline : a->lead);
		fputs("</span>", fp);
		if (a->problem) {
			fputs(" <small>(", fp);
			esc(fp, a->problem);
			fputs(")</small>", fp);
		}
		if (nsingle <= SINGLES_DETAILED && a->nsummary) {
			fputs("<ol>", fp);
			for (size_t k = 0; k < a->nsummary; k++) {
				fputs("<li>", fp);
				esc(fp, a->summary[k]);
				fputs("</li>", fp);
			}
			fputs("</ol>", fp);
		}
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n</section>\n", fp);
}

/* An article's label in the matrix: its outlet, with the id when another article shows the same. */
static void sim_label(FILE *fp, const precis_comparison *c, size_t i)
{
	px_render r = html(fp);
	px_report_label(&r, c, i);
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/*
 * Room for the longest label at 11 px: 7.5 px a character is wider than
 * any sans-serif's average, so no label is clipped. The column labels,
 * turned by 55 degrees, reach up sin 55 and right cos 55 of their length.
 */
static double label_room(const precis_comparison *c)
{
	size_t longest = 1;
	for (size_t i = 0; i < c->narticles; i++) {
		size_t l = utf8_chars(px_report_name_of(&c->articles[i]));
		if (px_report_name_shared(c, i) && c->articles[i].outlet)
			l += 3 + utf8_chars(c->articles[i].id);
		longest = l > longest ? l : longest;
	}
	return 7.5 * (double)longest;
}

static void heat_labels(FILE *fp, const precis_comparison *c, size_t cellw, size_t left, size_t top)
{
	for (size_t i = 0; i < c->narticles; i++) {
		fprintf(fp, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\" text-anchor=\"end\">",
			left - 6, top + i * cellw + cellw / 2 + 4);
		sim_label(fp, c, i);
		fprintf(fp, "</text>\n<text transform=\"translate(%zu,%zu) rotate(-55)\" font-size=\"11\">",
			left + i * cellw + cellw / 2, top - 6);
		sim_label(fp, c, i);
		fputs("</text>\n", fp);
	}
}

/* Cosine as a blue of matching depth; dark cells get white numbers. */
static void heatmap(FILE *fp, const precis_comparison *c)
{
	size_t n = c->narticles, cellw = n <= 20 ? 44 : n <= 60 ? 16 : 6;
	double room = cellw >= 16 ? label_room(c) : 0;
	size_t left = (size_t)room + 12, top = (size_t)(room * 0.82) + 12;
	double reach = room * 0.58 - (double)cellw / 2 + 6;
	size_t w = left + n * cellw + (reach > 10 ? (size_t)reach : 10), h = top + n * cellw + 10;
	fprintf(fp, "<section>\n<h2>How alike the articles are</h2>\n<p class=\"note\">How much two "
		    "articles share their vocabulary, from 0 (nothing) to 1 (the same words), as the TF-IDF "
		    "cosine of their bodies; outlines group the articles of each story.</p>\n"
		    "<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%zu\" "
		    "height=\"%zu\" viewBox=\"0 0 %zu %zu\" role=\"img\" aria-label=\"similarity heatmap\" "
		    "font-family=\"sans-serif\">\n", w, h, w, h);
	if (cellw >= 16)
		heat_labels(fp, c, cellw, left, top);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double v = c->sim[i * n + j];
			v = v < 0 ? 0 : v > 1 ? 1 : v;
			int r = (int)(247 - 239 * v), g = (int)(251 - 203 * v), b = (int)(255 - 148 * v);
			fprintf(fp, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" "
				    "fill=\"rgb(%d,%d,%d)\"><title>",
				left + j * cellw, top + i * cellw, cellw - 1, cellw - 1, r, g, b);
			sim_label(fp, c, i);
			fputs(" / ", fp);
			sim_label(fp, c, j);
			fprintf(fp, ": %.2f</title></rect>\n", c->sim[i * n + j]);
			if (cellw >= 40)
				fprintf(fp, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\" text-anchor=\"middle\" "
					    "fill=\"%s\">%.2f</text>\n",
					left + j * cellw + cellw / 2, top + i * cellw + cellw / 2 + 4,
					v > 0.5 ? "#fff" : "#222", c->sim[i * n + j]);
		}
	/* Stories: the articles of one story are not always adjacent, so outline their cells. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (i != j && c->articles[i].story == c->articles[j].story)
				fprintf(fp, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" "
					    "fill=\"none\" stroke=\"#f58518\" stroke-width=\"2\"/>\n",
					left + j * cellw, top + i * cellw, cellw - 1, cellw - 1);
	fputs("</svg></div>\n</section>\n", fp);
}

static void overview_head(FILE *fp, const precis_comparison *c, size_t ns)
{
	fputs("<section>\n<h2>Who covered what</h2>\n<ol class=\"stories\">\n", fp);
	for (size_t s = 0; s < ns; s++) {
		fprintf(fp, "<li><a href=\"#story-%zu\">", s + 1);
		esc(fp, c->stories[s].label);
		fprintf(fp, "</a> <small>(%zu article%s)</small></li>\n", c->stories[s].narticles,
			c->stories[s].narticles > 1 ? "s" : "");
	}
	fputs("</ol>\n", fp);
	if (c->nstories > ns)
		fprintf(fp, "<p class=\"note\">and %zu more stories, below but not in the table</p>\n",
			c->nstories - ns);
	fputs("<div class=\"scroll\"><table id=\"overview\"><thead><tr><th>Outlet</th>", fp);
	for (size_t s = 0; s < ns; s++) {
		fprintf(fp, "<th><a href=\"#story-%zu\" title=\"", s + 1);
		esc(fp, c->stories[s].label);
		fprintf(fp, "\">%zu</a></th>", s + 1);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
}

/* Who covered what: one row per outlet (by the name shown), one column per story, linked. */
static int overview(FILE *fp, const precis_comparison *c)
{
	px_coverage cv;
	int rc = px_report_coverage(&cv, c);
	if (rc < 0)
		return rc;
	overview_head(fp, c, cv.nstories);
	for (size_t r = 0; r < cv.nrows; r++) {
		const size_t *count = cv.count + r * cv.nstories;
		fputs("<tr><th>", fp);
		chip(fp, cv.outlet[r]);
		fputs("</th>", fp);
		for (size_t s = 0; s < cv.nstories; s++) {
			if (!count[s]) {
				fputs("<td></td>", fp);
				continue;
			}
			fprintf(fp, "<td><a href=\"#story-%zu\" title=\"%zu article%s\">&#10003;", s + 1,
				count[s], count[s] > 1 ? "s" : "");
			if (count[s] > 1)
				fprintf(fp, " %zu", count[s]);
			fputs("</a></td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table></div>\n</section>\n", fp);
	px_report_coverage_free(&cv);
	return 0;
}

static const char css[] =
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
	"max-width:1500px;padding:0 max(.6em,min(1.5em,3vw));color:#222;background:#fafafa}\n"
	"h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #ddd;padding-bottom:.2em}\n"
	"h3{margin:1.4em 0 .5em}.meta,.note{color:#666}.note{font-size:.9em}\n"
	/* As many 17em columns as fit, never wider than the page: cards wrap at any width. */
	".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,17em),1fr));gap:1em;"
	"align-items:start}\n"
	".card{min-width:0;background:#fff;padding:.8em 1em;border-top:8px solid #999;"
	"box-shadow:0 1px 3px #0002;border-radius:4px;overflow-wrap:anywhere}\n"
	".scroll{overflow-x:auto;max-width:100%}\n"
	"td,th,li,p,dd{overflow-wrap:anywhere}\n"
	"#overview td{text-align:center}#overview .dot{font-size:1.1em}\n"
	".card h3{margin:.2em 0}.hl{font-weight:600}.card h4{margin:.9em 0 .2em;font-size:.8em;"
	"letter-spacing:.04em;text-transform:uppercase;color:#666}\n"
	".lead{font-style:italic}.card ol,.card ul{padding-left:1.3em;margin:.2em 0}\n"
	"dl{display:grid;grid-template-columns:auto 1fr;gap:.1em .8em;font-size:.9em;margin:.5em 0}"
	"dt{color:#666}dd{margin:0}\n"
	"blockquote{margin:.5em 0;padding:.4em .9em;border-left:5px solid #999;background:#f3f3f3;"
	"font-family:Georgia,'DejaVu Serif',serif;font-style:italic}\n"
	"cite{display:block;margin-top:.2em;font:normal .85em system-ui,sans-serif;color:#555}"
	"cite::before{content:'\\2014\\00a0'}\n"
	".passage{font-family:inherit;font-style:normal;background:#fff6e5;border-left-color:#f58518}\n"
	".chip{display:inline-block;max-width:100%;border-radius:9px;padding:0 .55em;margin:0 .15em;"
	"font-size:.8em;overflow-wrap:anywhere}\n"
	"a{color:inherit;text-decoration-color:#0072B2}a:hover{color:#0072B2}\n"
	"ul.facts{list-style:none;padding:0}.fact{display:flex;gap:.6em;margin:.35em 0;background:#fff;"
	"padding:.35em .6em;border-radius:3px;box-shadow:0 1px 2px #0001}\n"
	".bands{display:flex;gap:2px}.bands i{display:block;width:5px;border-radius:2px}\n"
	"table{border-collapse:collapse;background:#fff}td,th{border:1px solid #ddd;padding:.35em .6em;"
	"vertical-align:top;text-align:left}th{background:#f0f0f0}.num{text-align:right}\n"
	".terms span{display:inline-block;background:#eef;border-radius:3px;padding:0 .3em;margin:.1em}\n"
	".singles li{margin:.5em 0}.singles ol{font-size:.92em;color:#333}\n"
	".reuse{margin:.4em 0 1em}\n"
	".only-tag{font-size:.75em;color:#8a5a00;background:#fff1d6;border-radius:3px;padding:0 .35em;"
	"white-space:nowrap}\n";

static int page(const precis_comparison *c, FILE *fp)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n"
	      "<title>precis: coverage comparison</title>\n<style>\n", fp);
	fputs(css, fp);
	fputs("</style></head><body>\n<h1>Coverage comparison</h1>\n", fp);
	size_t nsingle = px_report_single_count(c), multi = c->nstories - nsingle;
	fprintf(fp, "<p class=\"meta\">%zu articles, %zu stories: %zu covered by several articles, "
		    "%zu by one.</p>\n", c->narticles, c->nstories, multi, nsingle);
	int rc = overview(fp, c);
	if (rc < 0)
		return rc;
	for (size_t s = 0; s < c->nstories; s++)
		if (c->stories[s].narticles > 1)
			story(fp, c, s);
	if (nsingle)
		singles(fp, c, nsingle);
	bool heading = false;
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		if (c->articles[x->a].story == c->articles[x->b].story)
			continue;
		if (!heading)
			fputs("<section>\n<h2>Reused copy across stories</h2>\n", fp);
		heading = true;
		reuse_block(fp, c, x);
	}
	if (heading)
		fputs("</section>\n", fp);
	if (c->nerrors) {
		fputs("<section>\n<h2>Records not read</h2>\n<ul>\n", fp);
		for (size_t k = 0; k < c->nerrors; k++) {
			fputs("<li>", fp);
			esc(fp, c->errors[k].id);
			fputs(": ", fp);
			esc(fp, c->errors[k].reason);
			fputs("</li>\n", fp);
		}
		fputs("</ul>\n</section>\n", fp);
	}
	if (c->sim && c->narticles)
		heatmap(fp, c);
	fputs("</body></html>\n", fp);
	return ferror(fp) ? PRECIS_EIO : 0;
}

/* FNV-1a of the name shown: the same slot in every run, on every machine, in every report. */
static size_t name_slot(const char *name)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % NCOLORS;
}

/*
 * A copy of c whose articles carry their outlet's palette slot in color.
 * Outlets take their hash's slot in name order; one whose slot an outlet
 * before it took takes the next free one, so up to NCOLORS outlets of a
 * report never share a colour (the hash alone would make two of six share
 * one nine times in ten). Past NCOLORS, a new round starts.
 */
static int colored_view(precis_comparison *view, px_article **copy, const precis_comparison *c)
{
	size_t n = c->narticles;
	const px_article **by = NULL;
	*copy = malloc((n ? n : 1) * sizeof **copy);
	if (!*copy || px_report_by_name(&by, c) < 0) {
		free(by);
		return PRECIS_ENOMEM;
	}
	bool used[NCOLORS] = { false };
	size_t nused = 0, slot = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = px_report_name_of(by[i]);
		if (i == 0 || strcmp(name, px_report_name_of(by[i - 1])) != 0) {
			if (nused == NCOLORS) {
				memset(used, 0, sizeof used);
				nused = 0;
			}
			for (slot = name_slot(name); used[slot]; slot = (slot + 1) % NCOLORS)
				;
			used[slot] = true;
			nused++;
		}
		size_t k = (size_t)(by[i] - c->articles);
		(*copy)[k] = *by[i];
		(*copy)[k].color = (int)slot;
	}
	free(by);
	*view = *c;
	view->articles = *copy;
	return 0;
}

int precis_report_html(const precis_comparison *c, FILE *fp)
{
	precis_comparison view;
	px_article *copy = NULL;
	int rc = colored_view(&view, &copy, c);
	if (rc == 0)
		rc = page(&view, fp);
	free(copy);
	return rc;
}
