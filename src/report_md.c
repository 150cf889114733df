/* report_md: the comparison as Markdown, readable in a terminal and on a forge. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Past this many single-article stories, each gets one line instead of a short card. */
#define SINGLES_DETAILED 12
#define SHARED_SHOWN 10

/* Table cells cannot hold '|' or line breaks. */
static void cell(FILE *fp, const char *s)
{
	if (!s || !*s) {
		fputs("-", fp);
		return;
	}
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", fp);
		else if (*s == '\n' || *s == '\r')
			fputc(' ', fp);
		else
			fputc(*s, fp);
	}
}

static px_render md(FILE *fp)
{
	return (px_render){ fp, cell, "-", ", from the text" };
}

/*
 * The headline as a Markdown link to the article's url when it is http(s):
 * brackets in the text and characters that would end the link or the table
 * cell in the url are escaped.
 */
static void headline(FILE *fp, const px_article *a, const char *text)
{
	if (!text || !*text || !px_report_url_ok(a->url)) {
		cell(fp, text);
		return;
	}
	fputc('[', fp);
	for (const char *p = text; *p; p++) {
		if (*p == '[' || *p == ']' || *p == '\\')
			fputc('\\', fp);
		if (*p == '|')
			fputs("\\|", fp);
		else
			fputc(*p == '\n' || *p == '\r' ? ' ' : *p, fp);
	}
	fputs("](", fp);
	for (const char *p = a->url; *p; p++)
		if (strchr("()<>|\\", *p))
			fprintf(fp, "%%%02X", (unsigned char)*p);
		else
			fputc(*p, fp);
	fputc(')', fp);
}

static void credits(FILE *fp, const precis_comparison *c, const px_fact *f)
{
	fputs(" (", fp);
	for (size_t q = 0; q < f->narticles; q++) {
		fputs(q ? ", " : "", fp);
		cell(fp, px_report_name_of(&c->articles[f->articles[q]]));
	}
	/* Matched across languages: say on what, so a reader can check it. */
	for (size_t k = 0; k < f->nanchors; k++) {
		fputs(k ? ", " : "; across languages on: ", fp);
		cell(fp, f->anchors[k]);
	}
	fputs(")\n", fp);
}

static void quotes(FILE *fp, const px_article *a)
{
	size_t shown = 0, anonymous = 0;
	for (size_t k = 0; k < a->nquotes; k++) {
		if (!a->quotes[k].speaker) {
			anonymous++;
			continue;
		}
		fputs(shown++ ? "; " : "", fp);
		cell(fp, a->quotes[k].speaker);
		fputs(": «", fp);
		cell(fp, a->quotes[k].text);
		fputs("»", fp);
	}
	if (anonymous)
		fprintf(fp, "%s%zu unattributed", shown ? "; " : "", anonymous);
	else if (!shown)
		fputs("-", fp);
}

static void cards(FILE *fp, const precis_comparison *c, const px_story *st)
{
	fputs("### Outlets\n\n| |", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		fputc(' ', fp);
		cell(fp, px_report_name_of(&c->articles[st->articles[x]]));
		fputs(" |", fp);
	}
	fputs("\n|---|", fp);
	for (size_t x = 0; x < st->narticles; x++)
		fputs("---|", fp);
	fputc('\n', fp);
	static const char *const rows[] = { "article", "headline", "date", "language", "length",
					    "agencies", "lead", "summary", "quoted" };
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		fprintf(fp, "| %s |", rows[r]);
		for (size_t x = 0; x < st->narticles; x++) {
			const px_article *a = &c->articles[st->articles[x]];
			px_render md_fp = md(fp);
			fputc(' ', fp);
			switch (r) {
			case 0: cell(fp, a->id); break;
			case 1: headline(fp, a, a->headline); break;
			case 2: px_report_date_of(&md_fp, a); break;
			case 3: cell(fp, a->lang); break;
			case 4: fprintf(fp, "%zu words", a->words); break;
			case 5: px_report_agencies(&md_fp, a); break;
			case 6: cell(fp, a->lead); break;
			case 7:
				for (size_t k = 0; k < a->nsummary; k++) {
					fputs(k ? " / " : "", fp);
					cell(fp, a->summary[k]);
				}
				break;
			case 8: quotes(fp, a); break;
			}
			fputs(" |", fp);
		}
		fputc('\n', fp);
	}
}

static void headlines(FILE *fp, const precis_comparison *c, const px_story *st)
{
	px_render r = md(fp);
	fputs("\n### Headlines\n\nWords shared: how much of the headline's wording the lead and the "
	      "summary repeat, from 0 (no word in common) to 1 (the same words); the measure is ROUGE-1 "
	      "F1.\n\n| outlet | headline | subject | key terms | words shared with the lead | with the "
	      "summary |\n|---|---|---|---|---|---|\n", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		const px_article *a = &c->articles[st->articles[x]];
		fputs("| ", fp);
		cell(fp, px_report_name_of(a));
		fputs(" | ", fp);
		headline(fp, a, a->headline);
		fputs(" | ", fp);
		cell(fp, a->subject);
		fputs(" | ", fp);
		for (size_t k = 0; k < a->nhead_terms; k++) {
			fputs(k ? ", " : "", fp);
			cell(fp, a->head_terms[k].name);
		}
		if (!a->nhead_terms)
			fputs("-", fp);
		fputs(" | ", fp);
		px_report_score(&r, a->head_vs_lead);
		fputs(" | ", fp);
		px_report_score(&r, a->head_vs_summary);
		fputs(" |\n", fp);
	}
}

/* The story's languages, "en, fr", in article order. */
static void languages(FILE *fp, const precis_comparison *c, const px_story *st)
{
	for (size_t x = 0, shown = 0; x < st->narticles; x++) {
		const char *l = c->articles[st->articles[x]].lang;
		bool seen = false;
		for (size_t y = 0; y < x && !seen; y++)
			seen = strcmp(c->articles[st->articles[y]].lang, l) == 0;
		if (!seen) {
			fputs(shown++ ? ", " : "", fp);
			cell(fp, l);
		}
	}
}

static void facts(FILE *fp, const precis_comparison *c, const px_story *st)
{
	fputs("\n### Shared facts\n\n", fp);
	if (st->nlangs > 1) {
		fputs("The outlets write in several languages (", fp);
		languages(fp, c, st);
		fputs("). Sentences in different languages are matched by what survives translation: "
		      "two sentences sharing at least two numbers, dates, names or quoted people state "
		      "one fact; wording is compared only within a language.\n\n", fp);
	}
	if (!st->nshared)
		fputs(st->nlangs > 1 ? "None found by wording or by shared numbers and names.\n"
				     : "None: the outlets report different facts.\n", fp);
	for (size_t k = 0; k < st->nshared && k < SHARED_SHOWN; k++) {
		fputs("- ", fp);
		cell(fp, st->shared[k].text);
		credits(fp, c, &st->shared[k]);
	}
	if (st->nshared > SHARED_SHOWN)
		fprintf(fp, "- ... and %zu more\n", st->nshared - SHARED_SHOWN);
	fputs("\n### Only in one outlet\n\n", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		const px_article *a = &c->articles[st->articles[x]];
		fputs("- **", fp);
		cell(fp, px_report_name_of(a));
		fputs("**: ", fp);
		for (size_t k = 0; k < a->nunique; k++) {
			fputs(k ? " / " : "", fp);
			cell(fp, a->unique[k]);
		}
		if (!a->nunique)
			fputs(a->unchecked ? "nothing found only here" : "nothing of its own", fp);
		/* Never "only here" on a sentence that another language may carry. */
		if (a->unchecked)
			fprintf(fp, " (%s%zu sentence%s not compared across languages: too few numbers "
				"and names to match, or only some of them found in another language)",
				a->nunique ? "and " : "", a->unchecked, a->unchecked > 1 ? "s" : "");
		fputc('\n', fp);
	}
}

static void wording(FILE *fp, const precis_comparison *c, const px_story *st)
{
	fprintf(fp, "\n### Distinctive wording\n\nTerms each outlet uses markedly more than the other "
		"outlets of the story writing in its language (weighted log-odds ratio, informative "
		"Dirichlet prior; stop and function words left out; only z >= %.2f, two-sided 5%%):\n\n",
		PX_DISTINCT_MIN_Z);
	for (size_t x = 0; x < st->narticles; x++) {
		const px_article *a = &c->articles[st->articles[x]];
		fputs("- **", fp);
		cell(fp, px_report_name_of(a));
		fputs("**: ", fp);
		for (size_t k = 0; k < a->ndistinctive; k++) {
			fputs(k ? ", " : "", fp);
			cell(fp, a->distinctive[k].name);
			fprintf(fp, " (%.1f)", a->distinctive[k].score);
		}
		if (!a->distinctive_peers) {
			fputs("not compared: no other outlet of the story writes in its language (", fp);
			cell(fp, a->lang);
			fputc(')', fp);
		} else if (!a->ndistinctive) {
			fputs("none at that line", fp);
		}
		fputc('\n', fp);
	}
}

static void reuse_line(FILE *fp, const precis_comparison *c, const px_reuse *x)
{
	px_render r = md(fp);
	fputs("- **", fp);
	px_report_label(&r, c, x->a);
	fputs("** and **", fp);
	px_report_label(&r, c, x->b);
	fprintf(fp, "** share %s%s copy: %.0f%% of ", x->agency ? x->agency : "",
		x->agency ? "" : "reused", 100 * x->share_a);
	cell(fp, c->articles[x->a].id);
	fprintf(fp, ", %.0f%% of ", 100 * x->share_b);
	cell(fp, c->articles[x->b].id);
	if (x->npassages) {
		size_t best = 0;
		for (size_t k = 1; k < x->npassages; k++)
			if (strlen(x->passages[k]) > strlen(x->passages[best]))
				best = k;
		fprintf(fp, " (%zu passage%s). Longest: \"", x->npassages, x->npassages > 1 ? "s" : "");
		cell(fp, x->passages[best]);
		fputc('"', fp);
	}
	fputs("\n", fp);
}

static void story(FILE *fp, const precis_comparison *c, size_t s)
{
	const px_story *st = &c->stories[s];
	fprintf(fp, "## Story %zu: ", s + 1);
	cell(fp, st->label);
	fprintf(fp, "\n\n%zu articles", st->narticles);
	if (st->date) {
		px_render r = md(fp);
		fputs(", event date ", fp);
		px_report_date(&r, st->date);
	}
	fputs("\n\n", fp);
	cards(fp, c, st);
	headlines(fp, c, st);
	facts(fp, c, st);
	wording(fp, c, st);
	size_t shown = 0;
	for (size_t r = 0; r < c->nreuse; r++)
		if (px_report_reuse_in_story(c, &c->reuse[r], (int)s)) {
			if (!shown++)
				fputs("\n### Reused copy\n\n", fp);
			reuse_line(fp, c, &c->reuse[r]);
		}
	fputs("\n### Consensus summary\n\n", fp);
	for (size_t k = 0; k < st->nconsensus; k++) {
		fputs("- ", fp);
		cell(fp, st->consensus[k].text);
		credits(fp, c, &st->consensus[k]);
	}
	fputc('\n', fp);
}

static void singles(FILE *fp, const precis_comparison *c, size_t nsingle)
{
	px_render r = md(fp);
	fputs("## Single-article stories\n\n", fp);
	for (size_t s = 0; s < c->nstories; s++) {
		const px_story *st = &c->stories[s];
		if (st->narticles != 1)
			continue;
		const px_article *a = &c->articles[st->articles[0]];
		/* Middle dots, not parentheses: a date can carry its own ("year not given"). */
		fprintf(fp, "- Story %zu, **%s** · ", s + 1, a->id);
		if (a->outlet) {
			cell(fp, a->outlet);
			fputs(" · ", fp);
		}
		if (a->date || a->event_date) {
			px_report_date_of(&r, a);
			fputs(" · ", fp);
		}
		fprintf(fp, "%s · %zu words: ", a->lang, a->words);
		headline(fp, a, a->headline ? a->headline : a->lead);
		if (a->problem) {
			fputs(" (", fp);
			cell(fp, a->problem);
			fputc(')', fp);
		}
		fputc('\n', fp);
		for (size_t k = 0; nsingle <= SINGLES_DETAILED && k < a->nsummary; k++) {
			fputs("  - ", fp);
			cell(fp, a->summary[k]);
			fputc('\n', fp);
		}
	}
	fputc('\n', fp);
}

static void matrix(FILE *fp, const precis_comparison *c)
{
	px_render r = md(fp);
	fputs("## How alike the articles are\n\nHow much two articles share their vocabulary, from 0 "
	      "(nothing) to 1 (the same words): the TF-IDF cosine of their bodies.\n\n| |", fp);
	for (size_t j = 0; j < c->narticles; j++) {
		fputc(' ', fp);
		px_report_label(&r, c, j);
		fputs(" |", fp);
	}
	fputs("\n|---|", fp);
	for (size_t j = 0; j < c->narticles; j++)
		fputs("---|", fp);
	fputc('\n', fp);
	for (size_t i = 0; i < c->narticles; i++) {
		fputs("| ", fp);
		px_report_label(&r, c, i);
		fputs(" |", fp);
		for (size_t j = 0; j < c->narticles; j++)
			fprintf(fp, " %.2f |", c->sim[i * c->narticles + j]);
		fputc('\n', fp);
	}
	fputc('\n', fp);
}

/* Who covered what: the stories, then one row per outlet (by the name shown), one column per story. */
static int overview(FILE *fp, const precis_comparison *c)
{
	px_coverage cv;
	int rc = px_report_coverage(&cv, c);
	if (rc < 0)
		return rc;
	size_t ns = cv.nstories;
	fputs("## Who covered what\n\n", fp);
	for (size_t s = 0; s < ns; s++) {
		fprintf(fp, "%zu. ", s + 1);
		cell(fp, c->stories[s].label);
		fprintf(fp, " (%zu article%s)\n", c->stories[s].narticles,
			c->stories[s].narticles > 1 ? "s" : "");
	}
	if (c->nstories > ns)
		fprintf(fp, "\nand %zu more stories, below but not in the table\n", c->nstories - ns);
	fputs("\n| outlet |", fp);
	for (size_t s = 0; s < ns; s++)
		fprintf(fp, " story %zu |", s + 1);
	fputs("\n|---|", fp);
	for (size_t s = 0; s < ns; s++)
		fputs(":---:|", fp);
	fputc('\n', fp);
	for (size_t r = 0; r < cv.nrows; r++) {
		const size_t *count = cv.count + r * ns;
		fputs("| ", fp);
		cell(fp, px_report_name_of(cv.outlet[r]));
		fputs(" |", fp);
		for (size_t s = 0; s < ns; s++)
			if (count[s] > 1)
				fprintf(fp, " x %zu |", count[s]);
			else
				fputs(count[s] ? " x |" : " |", fp);
		fputc('\n', fp);
	}
	fputc('\n', fp);
	px_report_coverage_free(&cv);
	return 0;
}

int precis_report_md(const precis_comparison *c, FILE *fp)
{
	size_t nsingle = px_report_single_count(c), multi = c->nstories - nsingle;
	fprintf(fp, "# Coverage comparison\n\n%zu articles, %zu stories: %zu covered by several "
		    "articles, %zu by one.\n\n", c->narticles, c->nstories, multi, nsingle);
	int rc = overview(fp, c);
	if (rc < 0)
		return rc;
	for (size_t s = 0; s < c->nstories; s++)
		if (c->stories[s].narticles > 1)
			story(fp, c, s);
	if (nsingle)
		singles(fp, c, nsingle);
	size_t across = 0;
	for (size_t r = 0; r < c->nreuse; r++)
		if (c->articles[c->reuse[r].a].story != c->articles[c->reuse[r].b].story) {
			if (!across++)
				fputs("## Reused copy across stories\n\n", fp);
			reuse_line(fp, c, &c->reuse[r]);
		}
	if (across)
		fputc('\n', fp);
	if (c->nerrors) {
		fputs("## Records not read\n\n", fp);
		for (size_t k = 0; k < c->nerrors; k++) {
			fputs("- ", fp);
			cell(fp, c->errors[k].id);
			fputs(": ", fp);
			cell(fp, c->errors[k].reason);
			fputc('\n', fp);
		}
		fputc('\n', fp);
	}
	if (c->sim && c->narticles)
		matrix(fp, c);
	if (c->ndecisions) {
		fprintf(fp, "## Grouping decisions (threshold %.2f)\n\n", c->threshold);
		for (size_t k = 0; k < c->ndecisions; k++) {
			const px_decision *d = &c->decisions[k];
			fprintf(fp, "- %s + %s: score %.3f, %s: %s\n", c->articles[d->a].id,
				c->articles[d->b].id, d->score, d->linked ? "linked" : "not linked",
				d->evidence);
		}
	}
	return ferror(fp) ? PRECIS_EIO : 0;
}
