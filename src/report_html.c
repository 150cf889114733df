/* report_html: one self-contained page (inline CSS and SVG, no script). */
#include <string.h>

#include "compare.h"

static const char *const palette[] = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
				       "#17becf", "#8c564b", "#e377c2" };

static void esc(FILE *fp, const char *s)
{
	if (!s) {
		fputs("&ndash;", fp);
		return;
	}
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: fputc(*s, fp);
		}
	}
}

static const char *color(const px_article *a)
{
	return palette[a->color % 8];
}

static const char *name_of(const px_article *a)
{
	return a->outlet ? a->outlet : a->id;
}

static void card(FILE *fp, const px_article *a)
{
	fprintf(fp, "<div class=\"card\" style=\"border-top:6px solid %s\">\n<h3>", color(a));
	esc(fp, name_of(a));
	fputs("</h3>\n<p class=\"hl\">", fp);
	esc(fp, a->headline);
	fputs("</p>\n<dl>", fp);
	fputs("<dt>Article</dt><dd>", fp);
	esc(fp, a->id);
	fputs("</dd><dt>Date</dt><dd>", fp);
	esc(fp, a->date ? a->date : a->event_date);
	fprintf(fp, "</dd><dt>Language</dt><dd>%s</dd><dt>Length</dt><dd>%zu words</dd>", a->lang,
		a->words);
	fputs("<dt>Agencies</dt><dd>", fp);
	for (size_t k = 0; k < a->nagencies; k++) {
		fputs(k ? ", " : "", fp);
		esc(fp, a->agencies[k]);
	}
	if (!a->nagencies)
		fputs("&ndash;", fp);
	fputs("</dd></dl>\n<h4>Lead</h4><p>", fp);
	esc(fp, a->lead);
	fputs("</p>\n<h4>Summary</h4><ol>", fp);
	for (size_t k = 0; k < a->nsummary; k++) {
		fputs("<li>", fp);
		esc(fp, a->summary[k]);
		fputs("</li>", fp);
	}
	fputs("</ol>\n", fp);
	size_t shown = 0;
	for (size_t k = 0; k < a->nquotes; k++) {
		if (!a->quotes[k].speaker)
			continue;
		if (!shown++)
			fputs("<h4>Quoted</h4>", fp);
		fprintf(fp, "<blockquote style=\"border-left-color:%s\">&laquo;&nbsp;", color(a));
		esc(fp, a->quotes[k].text);
		fputs("&nbsp;&raquo;<cite>", fp);
		esc(fp, a->quotes[k].speaker);
		fputs("</cite></blockquote>\n", fp);
	}
	if (a->nunique) {
		fputs("<h4>Only here</h4><ul>", fp);
		for (size_t k = 0; k < a->nunique; k++) {
			fputs("<li>", fp);
			esc(fp, a->unique[k]);
			fputs("</li>", fp);
		}
		fputs("</ul>\n", fp);
	}
	if (a->ndistinctive) {
		fputs("<h4>Distinctive words</h4><p class=\"terms\">", fp);
		for (size_t k = 0; k < a->ndistinctive; k++) {
			fputs("<span>", fp);
			esc(fp, a->distinctive[k].name);
			fprintf(fp, " <small>%.1f</small></span> ", a->distinctive[k].score);
		}
		fputs("</p>\n", fp);
	}
	fputs("</div>\n", fp);
}

static void dots(FILE *fp, const precis_comparison *c, const px_fact *f)
{
	for (size_t q = 0; q < f->narticles; q++) {
		const px_article *a = &c->articles[f->articles[q]];
		fprintf(fp, "<span class=\"dot\" style=\"background:%s\" title=\"", color(a));
		esc(fp, name_of(a));
		fputs("\"></span>", fp);
	}
}

static void heatmap(FILE *fp, const precis_comparison *c)
{
	size_t n = c->narticles, cellw = 36, pad = 150;
	size_t w = pad + n * cellw + 10, h = pad + n * cellw + 10;
	fprintf(fp, "<h2>Similarity</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%zu\" height=\"%zu\" "
		    "role=\"img\" aria-label=\"similarity heatmap\">\n", w, h);
	for (size_t i = 0; i < n; i++) {
		fprintf(fp, "<text x=\"%zu\" y=\"%zu\" font-size=\"11\" text-anchor=\"end\">", pad - 6,
			pad + i * cellw + cellw / 2 + 4);
		esc(fp, c->articles[i].id);
		fputs("</text>\n", fp);
		fprintf(fp, "<text transform=\"translate(%zu,%zu) rotate(-60)\" font-size=\"11\">",
			pad + i * cellw + cellw / 2, pad - 6);
		esc(fp, c->articles[i].id);
		fputs("</text>\n", fp);
		for (size_t j = 0; j < n; j++) {
			double v = c->sim[i * n + j];
			int shade = (int)(255 - 200 * (v < 0 ? 0 : v > 1 ? 1 : v));
			fprintf(fp, "<rect x=\"%zu\" y=\"%zu\" width=\"%zu\" height=\"%zu\" "
				    "fill=\"rgb(%d,%d,255)\"><title>%.2f</title></rect>"
				    "<text x=\"%zu\" y=\"%zu\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">%.2f</text>\n",
				pad + j * cellw, pad + i * cellw, cellw - 2, cellw - 2, shade, shade, v,
				pad + j * cellw + cellw / 2 - 1, pad + i * cellw + cellw / 2 + 3,
				v > 0.6 ? "#fff" : "#000", v);
		}
	}
	fputs("</svg>\n", fp);
}

int precis_report_html(const precis_comparison *c, FILE *fp)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	      "<title>precis: coverage comparison</title>\n<style>\n"
	      "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222;background:#fafafa}\n"
	      "h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}\n"
	      ".cards{display:flex;gap:1em;align-items:flex-start;overflow-x:auto}\n"
	      ".card{flex:1 1 0;min-width:260px;background:#fff;padding:.8em 1em;box-shadow:0 1px 3px #0002;border-radius:4px}\n"
	      ".card h3{margin:.2em 0}.hl{font-weight:600}.card h4{margin:.8em 0 .2em;font-size:.9em;text-transform:uppercase;color:#666}\n"
	      "dl{display:grid;grid-template-columns:auto 1fr;gap:.1em .8em;font-size:.9em}dt{color:#666}dd{margin:0}\n"
	      "blockquote{margin:.4em 0;padding:.2em .8em;border-left:4px solid #999;background:#f4f4f4;font-style:italic}\n"
	      "cite{display:block;font-style:normal;font-size:.85em;color:#555}\n"
	      ".dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-left:.2em}\n"
	      "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3em .6em;vertical-align:top}\n"
	      ".terms span{display:inline-block;background:#eef;border-radius:3px;padding:0 .3em;margin:.1em}\n"
	      "</style></head><body>\n<h1>Coverage comparison</h1>\n", fp);
	fprintf(fp, "<p>%zu articles, %zu stories.</p>\n", c->narticles, c->nstories);
	for (size_t s = 0; s < c->nstories; s++) {
		const px_story *st = &c->stories[s];
		if (st->narticles == 1 && c->nstories > 12)
			continue;
		fprintf(fp, "<h2>Story %zu: ", s + 1);
		esc(fp, st->label);
		fprintf(fp, "</h2>\n<p>%zu article(s)%s", st->narticles, st->date ? ", event date " : "");
		esc(fp, st->date ? st->date : "");
		fputs("</p>\n<div class=\"cards\">\n", fp);
		for (size_t x = 0; x < st->narticles; x++)
			card(fp, &c->articles[st->articles[x]]);
		fputs("</div>\n", fp);
		fputs("<h3>Headlines</h3><table><tr><th>Outlet</th><th>Subject</th><th>Key terms</th>"
		      "<th>ROUGE-1 vs lead</th><th>vs summary</th></tr>\n", fp);
		for (size_t x = 0; x < st->narticles; x++) {
			const px_article *a = &c->articles[st->articles[x]];
			fprintf(fp, "<tr><td style=\"color:%s\">", color(a));
			esc(fp, name_of(a));
			fputs("</td><td>", fp);
			esc(fp, a->subject);
			fputs("</td><td>", fp);
			for (size_t k = 0; k < a->nhead_terms; k++) {
				fputs(k ? ", " : "", fp);
				esc(fp, a->head_terms[k].name);
			}
			fprintf(fp, "</td><td>%.2f</td><td>%.2f</td></tr>\n", a->head_vs_lead,
				a->head_vs_summary);
		}
		fputs("</table>\n", fp);
		if (st->nshared) {
			fputs("<h3>Shared facts</h3><ul>\n", fp);
			for (size_t k = 0; k < st->nshared && k < 10; k++) {
				fputs("<li>", fp);
				esc(fp, st->shared[k].text);
				dots(fp, c, &st->shared[k]);
				fputs("</li>\n", fp);
			}
			fputs("</ul>\n", fp);
		}
		fputs("<h3>Consensus summary</h3><ol>\n", fp);
		for (size_t k = 0; k < st->nconsensus; k++) {
			fputs("<li>", fp);
			esc(fp, st->consensus[k].text);
			dots(fp, c, &st->consensus[k]);
			fputs("</li>\n", fp);
		}
		fputs("</ol>\n", fp);
	}
	if (c->nstories > 12) {
		fputs("<h2>Single-article stories</h2><ul>\n", fp);
		for (size_t s = 0; s < c->nstories; s++)
			if (c->stories[s].narticles == 1) {
				const px_article *a = &c->articles[c->stories[s].articles[0]];
				fputs("<li>", fp);
				esc(fp, name_of(a));
				fputs(": ", fp);
				esc(fp, a->headline ? a->headline : a->lead);
				fputs("</li>\n", fp);
			}
		fputs("</ul>\n", fp);
	}
	fputs("<h2>Reused copy</h2>\n", fp);
	if (!c->nreuse)
		fputs("<p>No article shares long word runs with another.</p>\n", fp);
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		fputs("<p><b>", fp);
		esc(fp, c->articles[x->a].id);
		fputs("</b> and <b>", fp);
		esc(fp, c->articles[x->b].id);
		fprintf(fp, "</b>: %.0f%% and %.0f%% of their text shared.</p>\n", 100 * x->share_a,
			100 * x->share_b);
		for (size_t k = 0; k < x->npassages && k < 5; k++) {
			fputs("<blockquote>", fp);
			esc(fp, x->passages[k]);
			fputs("</blockquote>\n", fp);
		}
	}
	if (c->sim)
		heatmap(fp, c);
	fputs("</body></html>\n", fp);
	return ferror(fp) ? PRECIS_EIO : 0;
}
