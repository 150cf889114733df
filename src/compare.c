/*
 * compare: which articles cover the same event, and how each outlet framed
 * it. precis_compare_new runs the stages in order: read every article
 * (compare_read.c), weigh their vectors by the collection's IDF, analyse
 * headlines (compare_story.c), group articles into stories
 * (compare_group.c), analyse each story (compare_story.c) and find reused
 * copy (compare_reuse.c). The renderers walk the result (compare.h).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare_priv.h"
#include "vec.h"

static int cmp_story(const void *a, const void *b)
{
	const px_story *x = a, *y = b;
	if (x->narticles != y->narticles)
		return x->narticles < y->narticles ? 1 : -1;
	return (x->articles[0] > y->articles[0]) - (x->articles[0] < y->articles[0]);
}

/* Stories from the grouping, biggest first, each listing its articles in input order. */
static int make_stories(precis_comparison *cmp, const size_t *story_of, size_t n)
{
	if (!(cmp->stories = calloc(n ? n : 1, sizeof *cmp->stories)))
		return PRECIS_ENOMEM;
	size_t *size = calloc(n ? n : 1, sizeof *size), *at = malloc((n ? n : 1) * sizeof *at);
	int rc = PRECIS_ENOMEM;
	if (!size || !at)
		goto done;
	for (size_t i = 0; i < n; i++)
		size[story_of[i]]++;
	for (size_t i = 0; i < n; i++) {
		if (story_of[i] != i)
			continue;
		px_story *st = &cmp->stories[cmp->nstories];
		if (!(st->articles = malloc(size[i] * sizeof *st->articles)))
			goto done;
		at[i] = cmp->nstories++;
	}
	for (size_t j = 0; j < n; j++) {
		px_story *st = &cmp->stories[at[story_of[j]]];
		st->articles[st->narticles++] = j;
	}
	qsort(cmp->stories, cmp->nstories, sizeof *cmp->stories, cmp_story);
	rc = 0;
done:
	free(size);
	free(at);
	return rc;
}

/* Collection-wide word counts: the Dirichlet prior of the distinctive words. */
static int collection_counts(px_strmap **out, double **count, double *total, const coll *c)
{
	size_t cap = 0;
	*count = NULL;
	*total = 0;
	if (px_strmap_new(out))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < px_strmap_count(c->w[i].words); k++) {
			size_t len;
			const char *word = px_strmap_key(c->w[i].words, (int64_t)k, &len);
			int64_t id;
			if (px_strmap_intern(*out, word, len, &id, NULL) ||
			    px_vec_reserve0((void **)count, &cap, (size_t)id + 1, sizeof **count))
				return PRECIS_ENOMEM;
			(*count)[id] += c->w[i].wcount[k];
			*total += c->w[i].wcount[k];
		}
	return 0;
}

/*
 * Label: the headline of the article closest to the others, by its dot
 * product with the story's summed vector (linear, not pairwise, in the
 * story's size). centroid is all zeros on entry and on return.
 */
static int story_label(precis_comparison *cmp, const coll *c, px_story *st, double *centroid)
{
	for (size_t x = 0; x < st->narticles; x++) {
		const svec *v = &c->w[st->articles[x]].vec;
		for (size_t k = 0; k < v->n; k++)
			centroid[v->id[k]] += v->w[k];
	}
	size_t best = st->articles[0];
	double bestsum = -1;
	for (size_t x = 0; x < st->narticles; x++) {
		const svec *v = &c->w[st->articles[x]].vec;
		double sum = 0;
		for (size_t k = 0; k < v->n; k++)
			sum += v->w[k] * centroid[v->id[k]];
		if (sum > bestsum && cmp->articles[st->articles[x]].headline) {
			bestsum = sum;
			best = st->articles[x];
		}
	}
	for (size_t x = 0; x < st->narticles; x++) {
		const svec *v = &c->w[st->articles[x]].vec;
		for (size_t k = 0; k < v->n; k++)
			centroid[v->id[k]] = 0;
	}
	const px_article *pb = &cmp->articles[best];
	if (!(st->label = strdup(pb->headline ? pb->headline : pb->lead)))
		return PRECIS_ENOMEM;
	for (size_t x = 0; x < st->narticles && !st->date; x++) {
		const char *d = cmp->articles[st->articles[x]].event_date;
		if (d && !(st->date = strdup(d)))
			return PRECIS_ENOMEM;
	}
	return 0;
}

static int build_stories(precis_comparison *cmp, coll *c, const size_t *story_of, size_t want)
{
	px_strmap *all = NULL;
	double *all_count = NULL, all_total = 0, *centroid = NULL;
	int rc = make_stories(cmp, story_of, c->n);
	if (!rc)
		rc = collection_counts(&all, &all_count, &all_total, c);
	if (!rc && !(centroid = calloc(c->nterms ? c->nterms : 1, sizeof *centroid)))
		rc = PRECIS_ENOMEM;
	for (size_t s = 0; s < cmp->nstories && !rc; s++) {
		px_story *st = &cmp->stories[s];
		for (size_t x = 0; x < st->narticles; x++) {
			cmp->articles[st->articles[x]].story = (int)s;
			cmp->articles[st->articles[x]].color = (int)x;
		}
		rc = story_label(cmp, c, st, centroid);
		if (!rc)
			rc = px_cmp_story_facts(cmp, c, st, want);
		if (!rc)
			rc = px_cmp_distinctive(cmp, c, st, all, all_count, all_total);
	}
	free(centroid);
	px_strmap_free(all);
	free(all_count);
	return rc;
}

/* A record that could not be read at all: listed under errors, not in a story. */
static int record_error(precis_comparison *cmp, size_t *cap, const char *id, const char *why)
{
	if (px_vec_reserve((void **)&cmp->errors, cap, cmp->nerrors + 1, sizeof *cmp->errors))
		return PRECIS_ENOMEM;
	px_record_error *e = &cmp->errors[cmp->nerrors];
	e->id = strdup(id ? id : "article");
	e->reason = strdup(why);
	cmp->nerrors++;
	return e->id && e->reason ? 0 : PRECIS_ENOMEM;
}

/*
 * Reads every article, in input order into cmp->articles and c->w. Every
 * record ends up there (one without usable text carries a problem) or, when
 * the caller could not read it (o->unread) or reading failed past the
 * text, in cmp->errors: none is lost.
 */
static int read_articles(precis_comparison *cmp, coll *c, precis_analyzer *a,
			 const precis_article_input *in, size_t n, const precis_compare_options *o)
{
	int *status = calloc(n ? n : 1, sizeof *status);
	precis_error *errs = calloc(n ? n : 1, sizeof *errs);
	size_t cap = 0;
	int rc = 0;
	if (!status || !errs)
		rc = PRECIS_ENOMEM;
	for (size_t k = 0; k < o->nunread && !rc; k++)
		rc = record_error(cmp, &cap, o->unread[k].id, o->unread[k].reason ? o->unread[k].reason : "unreadable");
	if (!rc) {
		px_cmp_reader r = { in, o, cmp->articles, c->w, status, errs, n };
		rc = px_cmp_read_all(&r, a, o->threads);
	}
	for (size_t i = 0; i < n && !rc; i++) {
		if (!status[i])
			status[i] = px_cmp_article_vectors(&c->w[i], c);
		if (status[i] == PRECIS_ENOMEM)
			rc = PRECIS_ENOMEM;
		else if (status[i])
			rc = record_error(cmp, &cap, in[i].id,
					  errs[i].message[0] ? errs[i].message : precis_strerror(status[i]));
	}
	for (size_t i = 0; i < n; i++) {
		if (rc || status[i]) {
			px_cmp_article_free(&cmp->articles[i]);
			px_cmp_work_free(&c->w[i]);
			continue;
		}
		cmp->articles[cmp->narticles++] = cmp->articles[i];
		c->w[c->n++] = c->w[i];
	}
	free(status);
	free(errs);
	return rc;
}

/* Collection IDF over whole articles, then every vector weighed by it. */
static int weigh_collection(coll *c)
{
	c->nterms = px_strmap_count(c->vocab);
	if (!(c->idf = calloc(c->nterms ? c->nterms : 1, sizeof *c->idf)))
		return PRECIS_ENOMEM;
	for (size_t i = 0; i < c->n; i++)
		for (size_t k = 0; k < c->w[i].vec.n; k++)
			c->idf[c->w[i].vec.id[k]] += 1;
	for (size_t t = 0; t < c->nterms; t++)
		c->idf[t] = px_idf_smooth((double)c->n, c->idf[t]);
	for (size_t i = 0; i < c->n; i++) {
		px_vec_weigh(&c->w[i].vec, c->idf);
		px_vec_weigh(&c->w[i].title, c->idf);
		for (size_t s = 0; s < c->w[i].doc->nsents; s++)
			px_vec_weigh(&c->w[i].sent[s], c->idf);
	}
	return 0;
}

static int headlines(precis_comparison *cmp, coll *c)
{
	precis_rouge_options ro = PRECIS_ROUGE_OPTIONS_INIT;
	ro.stem = true;
	ro.measures = PRECIS_ROUGE_M_N;
	precis_rouge *scorer = NULL;
	int rc = precis_rouge_new(&scorer, &ro);
	for (size_t i = 0; !rc && i < c->n; i++)
		rc = px_cmp_headline(&cmp->articles[i], &c->w[i], c, scorer);
	precis_rouge_free(scorer);
	return rc;
}

static void coll_free(coll *c)
{
	for (size_t i = 0; c->w && i < c->n; i++)
		px_cmp_work_free(&c->w[i]);
	free(c->w);
	free(c->idf);
	px_strmap_free(c->vocab);
	px_strmap_free(c->ents);
	free(c->ent_idf);
	free(c->ent_name);
}

int precis_compare_new(precis_comparison **out, precis_analyzer *a,
		       const precis_article_input *in, size_t n, const precis_compare_options *opts,
		       precis_error *err)
{
	precis_compare_options v2 = PRECIS_COMPARE_OPTIONS_INIT;
	const precis_compare_options *o = opts ? opts : &v2;
	if (opts && opts->version == 1) { /* the fields of version 1, the rest as INIT */
		memcpy(&v2, opts, offsetof(precis_compare_options, model));
		v2.version = PRECIS_COMPARE_OPTIONS_VERSION;
		o = &v2;
	}
	if (!out || !a || (!in && n) || o->version != PRECIS_COMPARE_OPTIONS_VERSION ||
	    (o->nunread && !o->unread))
		return px_error_set(err, PRECIS_EINVAL, 0, "invalid argument");
	precis_comparison *cmp = calloc(1, sizeof *cmp);
	coll c = { .a = a, .model = o->model };
	size_t *story_of = NULL;
	int rc = PRECIS_ENOMEM;
	if (!cmp || px_strmap_new(&c.vocab))
		goto done;
	cmp->threshold = o->threshold;
	cmp->articles = calloc(n ? n : 1, sizeof *cmp->articles);
	c.w = calloc(n ? n : 1, sizeof *c.w);
	if (!cmp->articles || !c.w)
		goto done;
	if ((rc = read_articles(cmp, &c, a, in, n, o)) || (rc = weigh_collection(&c)))
		goto done;
	if (c.n <= MATRIX_MAX) {
		cmp->sim = calloc(c.n * c.n, sizeof *cmp->sim);
		for (size_t i = 0; cmp->sim && i < c.n; i++)
			cmp->sim[i * c.n + i] = 1;
	}
	if ((rc = headlines(cmp, &c)) || (rc = px_cmp_entity_index(&c)) ||
	    (rc = px_cmp_group(cmp, &c, o, &story_of)) ||
	    (rc = build_stories(cmp, &c, story_of, o->summary_sentences)))
		goto done;
	rc = px_cmp_reuse(cmp, &c);
done:
	free(story_of);
	coll_free(&c);
	if (rc) {
		if (err && !err->code)
			px_error_set(err, rc, 0, "%s", precis_strerror(rc));
		precis_comparison_free(cmp);
		return rc;
	}
	*out = cmp;
	return 0;
}

void precis_comparison_free(precis_comparison *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->narticles; i++)
		px_cmp_article_free(&c->articles[i]);
	free(c->articles);
	for (size_t s = 0; s < c->nstories; s++) {
		px_story *st = &c->stories[s];
		free(st->articles);
		free(st->label);
		free(st->date);
		for (size_t k = 0; k < st->nshared; k++)
			px_cmp_fact_free(&st->shared[k]);
		free(st->shared);
		for (size_t k = 0; k < st->nconsensus; k++)
			px_cmp_fact_free(&st->consensus[k]);
		free(st->consensus);
	}
	free(c->stories);
	for (size_t r = 0; r < c->nreuse; r++) {
		for (size_t k = 0; k < c->reuse[r].npassages; k++)
			free(c->reuse[r].passages[k]);
		free(c->reuse[r].passages);
	}
	free(c->reuse);
	free(c->sim);
	for (size_t k = 0; k < c->ndecisions; k++)
		free(c->decisions[k].evidence);
	free(c->decisions);
	for (size_t k = 0; k < c->nerrors; k++) {
		free(c->errors[k].id);
		free(c->errors[k].reason);
	}
	free(c->errors);
	free(c);
}

size_t precis_comparison_article_count(const precis_comparison *c)
{
	return c->narticles;
}

const char *precis_comparison_problem(const precis_comparison *c, size_t i, const char **id,
				      bool *unusable)
{
	const px_article *a = i < c->narticles ? &c->articles[i] : NULL;
	if (id)
		*id = a ? a->id : NULL;
	if (unusable)
		*unusable = a && a->unusable;
	return a ? a->problem : NULL;
}

size_t precis_comparison_story_count(const precis_comparison *c)
{
	return c->nstories;
}

/* ------------------------------------------------ membership accessors */

const size_t *precis_comparison_story_articles(const precis_comparison *c, size_t i, size_t *n)
{
	if (!c || i >= c->nstories) {
		if (n)
			*n = 0;
		return NULL;
	}
	if (n)
		*n = c->stories[i].narticles;
	return c->stories[i].articles;
}

const char *precis_comparison_story_headline(const precis_comparison *c, size_t i)
{
	return c && i < c->nstories ? c->stories[i].label : NULL;
}

const char *precis_comparison_story_date(const precis_comparison *c, size_t i)
{
	return c && i < c->nstories ? c->stories[i].date : NULL;
}

static const px_article *article_at(const precis_comparison *c, size_t j)
{
	return c && j < c->narticles ? &c->articles[j] : NULL;
}

const char *precis_comparison_article_id(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->id : NULL;
}

const char *precis_comparison_article_outlet(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->outlet : NULL;
}

const char *precis_comparison_article_headline(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->headline : NULL;
}

const char *precis_comparison_article_date(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->date : NULL;
}

const char *precis_comparison_article_event_date(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->event_date : NULL;
}

const char *precis_comparison_article_warning(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->date_warning : NULL;
}

int precis_comparison_article_story(const precis_comparison *c, size_t j)
{
	const px_article *a = article_at(c, j);
	return a ? a->story : -1;
}
