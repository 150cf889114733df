/* report: see report.h. */
#include <math.h>

#include "report.h"

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
		r->esc(r->fp, a->date);
	} else if (a->event_date) {
		r->esc(r->fp, a->event_date);
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
