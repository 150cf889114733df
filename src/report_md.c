/* report_md: the comparison as Markdown, readable in a terminal and on a forge. */
#include <string.h>

#include "compare.h"

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

static void list(FILE *fp, char **v, size_t n)
{
	if (n == 0)
		fputs("-", fp);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", fp);
		cell(fp, v[i]);
	}
}

static const char *name_of(const px_article *a)
{
	return a->outlet ? a->outlet : a->id;
}

static void story(FILE *fp, const precis_comparison *c, size_t s)
{
	const px_story *st = &c->stories[s];
	fprintf(fp, "## Story %zu: ", s + 1);
	cell(fp, st->label);
	fprintf(fp, "\n\n%zu article(s)%s%s\n\n", st->narticles, st->date ? ", event date " : "",
		st->date ? st->date : "");
	fputs("### Outlets\n\n| | ", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		cell(fp, name_of(&c->articles[st->articles[x]]));
		fputs(" | ", fp);
	}
	fputs("\n|---|", fp);
	for (size_t x = 0; x < st->narticles; x++)
		fputs("---|", fp);
	fputc('\n', fp);
	static const char *const rows[] = { "article", "headline", "date", "language", "length",
					    "agencies", "lead", "summary", "quoted" };
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		fprintf(fp, "| %s | ", rows[r]);
		for (size_t x = 0; x < st->narticles; x++) {
			const px_article *a = &c->articles[st->articles[x]];
			switch (r) {
			case 0: cell(fp, a->id); break;
			case 1: cell(fp, a->headline); break;
			case 2:
				cell(fp, a->date ? a->date : a->event_date);
				break;
			case 3: cell(fp, a->lang); break;
			case 4: fprintf(fp, "%zu words", a->words); break;
			case 5: list(fp, a->agencies, a->nagencies); break;
			case 6: cell(fp, a->lead); break;
			case 7:
				for (size_t k = 0; k < a->nsummary; k++) {
					fputs(k ? " / " : "", fp);
					cell(fp, a->summary[k]);
				}
				break;
			case 8: {
				size_t shown = 0;
				for (size_t k = 0; k < a->nquotes; k++) {
					if (!a->quotes[k].speaker)
						continue;
					fputs(shown++ ? "; " : "", fp);
					cell(fp, a->quotes[k].speaker);
					fputs(": «", fp);
					cell(fp, a->quotes[k].text);
					fputs("»", fp);
				}
				if (!shown)
					fputs("-", fp);
				break;
			}
			}
			fputs(" | ", fp);
		}
		fputc('\n', fp);
	}
	fputs("\n### Headlines\n\n| outlet | subject | key terms | ROUGE-1 vs lead | vs summary |\n"
	      "|---|---|---|---|---|\n", fp);
	for (size_t x = 0; x < st->narticles; x++) {
		const px_article *a = &c->articles[st->articles[x]];
		fputs("| ", fp);
		cell(fp, name_of(a));
		fputs(" | ", fp);
		cell(fp, a->subject);
		fputs(" | ", fp);
		for (size_t k = 0; k < a->nhead_terms; k++)
			fprintf(fp, "%s%s", k ? ", " : "", a->head_terms[k].name);
		if (!a->nhead_terms)
			fputs("-", fp);
		fprintf(fp, " | %.2f | %.2f |\n", a->head_vs_lead, a->head_vs_summary);
	}
	if (st->narticles > 1) {
		fputs("\n### Shared facts\n\n", fp);
		if (!st->nshared)
			fputs("None: the outlets report different facts.\n", fp);
		for (size_t k = 0; k < st->nshared && k < 10; k++) {
			fputs("- ", fp);
			cell(fp, st->shared[k].text);
			fputs(" (", fp);
			for (size_t q = 0; q < st->shared[k].narticles; q++)
				fprintf(fp, "%s%s", q ? ", " : "", name_of(&c->articles[st->shared[k].articles[q]]));
			fputs(")\n", fp);
		}
		fputs("\n### Only in one outlet\n\n", fp);
		for (size_t x = 0; x < st->narticles; x++) {
			const px_article *a = &c->articles[st->articles[x]];
			fprintf(fp, "- **%s**: ", name_of(a));
			for (size_t k = 0; k < a->nunique; k++) {
				fputs(k ? " / " : "", fp);
				cell(fp, a->unique[k]);
			}
			if (!a->nunique)
				fputs("nothing of its own", fp);
			fputc('\n', fp);
		}
		fputs("\n### Distinctive wording (weighted log-odds, z-score)\n\n", fp);
		for (size_t x = 0; x < st->narticles; x++) {
			const px_article *a = &c->articles[st->articles[x]];
			fprintf(fp, "- **%s**: ", name_of(a));
			for (size_t k = 0; k < a->ndistinctive; k++)
				fprintf(fp, "%s%s (%.1f)", k ? ", " : "", a->distinctive[k].name,
					a->distinctive[k].score);
			if (!a->ndistinctive)
				fputs("-", fp);
			fputc('\n', fp);
		}
	}
	fputs("\n### Consensus summary\n\n", fp);
	for (size_t k = 0; k < st->nconsensus; k++) {
		fputs("- ", fp);
		cell(fp, st->consensus[k].text);
		fputs(" (", fp);
		for (size_t q = 0; q < st->consensus[k].narticles; q++)
			fprintf(fp, "%s%s", q ? ", " : "", name_of(&c->articles[st->consensus[k].articles[q]]));
		fputs(")\n", fp);
	}
	fputc('\n', fp);
}

int precis_report_md(const precis_comparison *c, FILE *fp)
{
	size_t multi = 0;
	for (size_t s = 0; s < c->nstories; s++)
		multi += c->stories[s].narticles > 1;
	fprintf(fp, "# Coverage comparison\n\n%zu articles, %zu stories (%zu covered by several outlets).\n\n",
		c->narticles, c->nstories, multi);
	for (size_t s = 0; s < c->nstories; s++)
		if (c->stories[s].narticles > 1 || c->nstories <= 12)
			story(fp, c, s);
	if (c->nstories > 12) {
		fputs("## Single-article stories\n\n", fp);
		for (size_t s = 0; s < c->nstories; s++)
			if (c->stories[s].narticles == 1) {
				const px_article *a = &c->articles[c->stories[s].articles[0]];
				fprintf(fp, "- %s (%s): ", a->id, name_of(a));
				cell(fp, a->headline ? a->headline : a->lead);
				fputc('\n', fp);
			}
		fputc('\n', fp);
	}
	fputs("## Reused copy\n\n", fp);
	if (!c->nreuse)
		fputs("No article shares long word runs with another.\n", fp);
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		fprintf(fp, "- **%s** and **%s** share copy: %.0f%% of %s, %.0f%% of %s. ",
			c->articles[x->a].id, c->articles[x->b].id, 100 * x->share_a, c->articles[x->a].id,
			100 * x->share_b, c->articles[x->b].id);
		if (x->npassages) {
			fputs("Longest passage: \"", fp);
			size_t best = 0;
			for (size_t k = 1; k < x->npassages; k++)
				if (strlen(x->passages[k]) > strlen(x->passages[best]))
					best = k;
			cell(fp, x->passages[best]);
			fputs("\"", fp);
		}
		fputc('\n', fp);
	}
	if (c->sim) {
		fputs("\n## Similarity (TF-IDF cosine)\n\n|   |", fp);
		for (size_t j = 0; j < c->narticles; j++)
			fprintf(fp, " %s |", c->articles[j].id);
		fputs("\n|---|", fp);
		for (size_t j = 0; j < c->narticles; j++)
			fputs("---|", fp);
		fputc('\n', fp);
		for (size_t i = 0; i < c->narticles; i++) {
			fprintf(fp, "| %s |", c->articles[i].id);
			for (size_t j = 0; j < c->narticles; j++)
				fprintf(fp, " %.2f |", c->sim[i * c->narticles + j]);
			fputc('\n', fp);
		}
	}
	if (c->ndecisions) {
		fprintf(fp, "\n## Grouping decisions (threshold %.2f)\n\n", c->threshold);
		for (size_t k = 0; k < c->ndecisions; k++) {
			const px_decision *d = &c->decisions[k];
			fprintf(fp, "- %s + %s: score %.3f, %s: %s\n", c->articles[d->a].id,
				c->articles[d->b].id, d->score, d->linked ? "linked" : "not linked",
				d->evidence);
		}
	}
	return ferror(fp) ? PRECIS_EIO : 0;
}
