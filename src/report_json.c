/* report_json: the comparison as JSON (schema in docs/compare-schema.md). */
#include <math.h>

#include <jansson.h>

#include "compare.h"

static json_t *strs(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *opt_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* NaN (not computed: no headline) as null. */
static json_t *opt_real(double v)
{
	return isnan(v) ? json_null() : json_real(v);
}

static json_t *terms(const px_term *t, size_t n, const char *score)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "term", json_string(t[i].name));
		json_object_set_new(o, score, json_real(t[i].score));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *ids(const precis_comparison *c, const size_t *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(c->articles[v[i]].id));
	return a;
}

static json_t *facts(const precis_comparison *c, const px_fact *f, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "text", json_string(f[i].text));
		json_object_set_new(o, "articles", ids(c, f[i].articles, f[i].narticles));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *article(const px_article *a)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(a->id));
	json_object_set_new(o, "outlet", opt_str(a->outlet));
	json_object_set_new(o, "headline", opt_str(a->headline));
	json_object_set_new(o, "date", opt_str(a->date));
	json_object_set_new(o, "event_date", opt_str(a->event_date));
	json_object_set_new(o, "url", opt_str(a->url));
	json_object_set_new(o, "language", json_string(a->lang));
	json_object_set_new(o, "words", json_integer((json_int_t)a->words));
	json_object_set_new(o, "sentences", json_integer((json_int_t)a->nsentences));
	json_object_set_new(o, "agencies", strs(a->agencies, a->nagencies));
	json_object_set_new(o, "places", strs(a->places, a->nplaces));
	json_object_set_new(o, "persons", strs(a->persons, a->npersons));
	json_object_set_new(o, "lead", json_string(a->lead));
	json_object_set_new(o, "summary", strs(a->summary, a->nsummary));
	json_t *q = json_array();
	for (size_t i = 0; i < a->nquotes; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "speaker", opt_str(a->quotes[i].speaker));
		json_object_set_new(x, "text", json_string(a->quotes[i].text));
		json_array_append_new(q, x);
	}
	json_object_set_new(o, "quotes", q);
	json_t *h = json_object();
	json_object_set_new(h, "subject", opt_str(a->subject));
	json_object_set_new(h, "key_terms", terms(a->head_terms, a->nhead_terms, "idf"));
	json_object_set_new(h, "rouge1_f_vs_lead", opt_real(a->head_vs_lead));
	json_object_set_new(h, "rouge1_f_vs_summary", opt_real(a->head_vs_summary));
	json_object_set_new(o, "headline_analysis", h);
	json_object_set_new(o, "unique_facts", strs(a->unique, a->nunique));
	json_object_set_new(o, "distinctive_terms", terms(a->distinctive, a->ndistinctive, "z"));
	json_object_set_new(o, "story", json_integer(a->story));
	if (a->problem)
		json_object_set_new(o, "problem", json_string(a->problem));
	return o;
}

static json_t *record_errors(const precis_comparison *c)
{
	json_t *errors = json_array();
	for (size_t k = 0; k < c->nerrors; k++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(c->errors[k].id));
		json_object_set_new(o, "reason", json_string(c->errors[k].reason));
		json_array_append_new(errors, o);
	}
	return errors;
}

static json_t *decisions(const precis_comparison *c)
{
	json_t *d = json_array();
	for (size_t k = 0; k < c->ndecisions; k++) {
		const px_decision *x = &c->decisions[k];
		json_t *o = json_object();
		json_object_set_new(o, "a", json_string(c->articles[x->a].id));
		json_object_set_new(o, "b", json_string(c->articles[x->b].id));
		json_object_set_new(o, "score", json_real(x->score));
		json_object_set_new(o, "linked", json_boolean(x->linked));
		json_object_set_new(o, "evidence", json_string(x->evidence));
		json_t *f = json_object();
		for (size_t q = 0; q < PX_PAIR_NFEATURES; q++)
			json_object_set_new(f, px_pair_feature_names[q], json_real(x->features[q]));
		json_object_set_new(o, "features", f);
		json_array_append_new(d, o);
	}
	return d;
}

int precis_report_json(const precis_comparison *c, FILE *fp)
{
	json_t *root = json_object();
	json_object_set_new(root, "schema", json_string("precis-compare/1"));
	json_object_set_new(root, "threshold", json_real(c->threshold));
	json_t *arts = json_array();
	for (size_t i = 0; i < c->narticles; i++)
		json_array_append_new(arts, article(&c->articles[i]));
	json_object_set_new(root, "articles", arts);
	json_t *stories = json_array();
	for (size_t s = 0; s < c->nstories; s++) {
		const px_story *st = &c->stories[s];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer((json_int_t)s));
		json_object_set_new(o, "label", json_string(st->label));
		json_object_set_new(o, "date", opt_str(st->date));
		json_object_set_new(o, "articles", ids(c, st->articles, st->narticles));
		json_object_set_new(o, "shared_facts", facts(c, st->shared, st->nshared));
		json_object_set_new(o, "consensus", facts(c, st->consensus, st->nconsensus));
		json_array_append_new(stories, o);
	}
	json_object_set_new(root, "stories", stories);
	json_t *reuse = json_array();
	for (size_t r = 0; r < c->nreuse; r++) {
		const px_reuse *x = &c->reuse[r];
		json_t *o = json_object();
		json_object_set_new(o, "a", json_string(c->articles[x->a].id));
		json_object_set_new(o, "b", json_string(c->articles[x->b].id));
		json_object_set_new(o, "share_a", json_real(x->share_a));
		json_object_set_new(o, "share_b", json_real(x->share_b));
		json_object_set_new(o, "agency", opt_str(x->agency));
		json_object_set_new(o, "passages", strs(x->passages, x->npassages));
		json_array_append_new(reuse, o);
	}
	json_object_set_new(root, "reuse", reuse);
	json_object_set_new(root, "errors", record_errors(c));
	if (c->sim) {
		json_t *m = json_array();
		for (size_t i = 0; i < c->narticles; i++) {
			json_t *row = json_array();
			for (size_t j = 0; j < c->narticles; j++)
				json_array_append_new(row, json_real(c->sim[i * c->narticles + j]));
			json_array_append_new(m, row);
		}
		json_object_set_new(root, "similarity", m);
	} else {
		json_object_set_new(root, "similarity", json_null());
	}
	if (c->ndecisions)
		json_object_set_new(root, "decisions", decisions(c));
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	fputc('\n', fp);
	json_decref(root);
	return rc ? PRECIS_EIO : 0;
}
