/* summarize: rank a document's sentences and pick a summary. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "feature.h"
#include "furniture.h"
#include "rank.h"
#include "rng.h"
#include "select.h"
#include "text.h"
#include "token.h"
#include "vectorize.h"

/* Prior weights of the position- and headline-aware system. */
#define DEFAULT_POSITION_BIAS 0.5
#define DEFAULT_TITLE_BIAS 0.3
#define DUPLICATE_COSINE 0.8
#define MIN_WORDS 4
/*
 * Past this many sentences the graph is sparsified so cost stays linear:
 * each sentence keeps its strongest edges, and terms found in more than
 * max(MIN_DF_CAP, n / DF_CAP_DIVISOR) sentences stop creating edges (their
 * idf is near its floor, and their postings would cost df^2).
 */
#define DENSE_LIMIT 2000
#define MAX_NEIGHBORS 64
#define MIN_DF_CAP 1000
#define DF_CAP_DIVISOR 50

struct precis_summary {
	precis_pick *picks;
	size_t n;
	double *scores;
	size_t nscores;
};

static int check_options(const precis_summary_options *o)
{
	if (o->version != PRECIS_SUMMARY_OPTIONS_VERSION)
		return PRECIS_EINVAL;
	if (!(o->damping > 0.0 && o->damping < 1.0) || !(o->tolerance > 0.0) ||
	    o->max_iterations < 1 || o->ratio < 0.0 || o->ratio > 100.0 ||
	    !(o->redundancy >= 0.0 && o->redundancy <= 1.0) || o->position_bias > 1.0 ||
	    o->title_bias > 1.0 || !(o->lexrank_threshold >= 0.0 && o->lexrank_threshold < 1.0))
		return PRECIS_EINVAL;
	if (o->algorithm < PRECIS_ALG_DEFAULT || o->algorithm > PRECIS_ALG_RANDOM)
		return PRECIS_EINVAL;
	return 0;
}

/*
 * Personalisation vector: uniform mass, plus an early-sentence prior
 * (news puts its key facts first) and a headline-similarity prior.
 */
static int make_prior(double **out, const px_vectors *v, double pos_bias, double title_bias)
{
	size_t n = v->n;
	*out = NULL;
	if (v->title.n == 0)
		title_bias = 0.0;
	if (pos_bias <= 0.0 && title_bias <= 0.0)
		return 0;
	if (pos_bias + title_bias > 1.0) {
		double s = pos_bias + title_bias;
		pos_bias /= s;
		title_bias /= s;
	}
	double *p = malloc(n * sizeof *p), *t = malloc(n * sizeof *t);
	if (!p || !t) {
		free(p);
		free(t);
		return PRECIS_ENOMEM;
	}
	double pos_sum = 0.0, title_sum = 0.0;
	for (size_t i = 0; i < n; i++) {
		pos_sum += 1.0 / (double)(i + 1);
		t[i] = title_bias > 0 ? px_vec_dot(&v->rows[i], &v->title) : 0.0;
		title_sum += t[i];
	}
	if (title_sum <= 0.0)
		title_bias = 0.0;
	double uniform = 1.0 - pos_bias - title_bias;
	for (size_t i = 0; i < n; i++) {
		p[i] = uniform / (double)n + pos_bias * (1.0 / (double)(i + 1)) / pos_sum;
		if (title_bias > 0.0)
			p[i] += title_bias * t[i] / title_sum;
	}
	free(t);
	*out = p;
	return 0;
}

/*
 * The default system: the logistic model of model.c over feature.c's
 * features. --position-bias and --title-bias scale the model's position
 * and headline weights (their defaults leave them as fitted).
 */
static int model_scores(double *scores, const precis_doc *d, const px_vectors *v,
			const px_rank_options *ro, double pb, double tb)
{
	size_t n = d->nsents;
	double *f = malloc((n ? n : 1) * PX_NFEAT * sizeof *f), w[PX_NFEAT];
	if (!f)
		return PRECIS_ENOMEM;
	int rc = px_features(f, d, v, ro);
	px_model_weights(w, d->lang, pb < 0.0 ? 1.0 : pb / DEFAULT_POSITION_BIAS,
			 tb < 0.0 ? 1.0 : tb / DEFAULT_TITLE_BIAS);
	for (size_t i = 0; !rc && i < n; i++)
		scores[i] = px_model_score(f + i * PX_NFEAT, w);
	free(f);
	return rc;
}

static int score_sentences(double *scores, const precis_doc *d, const px_vectors *v,
			   const precis_summary_options *o)
{
	size_t n = v->n;
	size_t df_cap = n / DF_CAP_DIVISOR > MIN_DF_CAP ? n / DF_CAP_DIVISOR : MIN_DF_CAP;
	px_rank_options ro = { o->damping, o->tolerance, o->max_iterations, 0.0, false,
			       n > DENSE_LIMIT ? MAX_NEIGHBORS : 0,
			       n > DENSE_LIMIT ? df_cap : 0, NULL, NULL, NULL };
	double pb = o->position_bias, tb = o->title_bias;
	switch (o->algorithm) {
	case PRECIS_ALG_LEAD:
		for (size_t i = 0; i < n; i++)
			scores[i] = 1.0 / (double)(i + 1);
		return 0;
	case PRECIS_ALG_RANDOM: {
		uint64_t state = (uint64_t)o->seed * 0x9E3779B97F4A7C15ULL + 1;
		for (size_t i = 0; i < n; i++)
			scores[i] = px_rng_unit(&state);
		return 0;
	}
	case PRECIS_ALG_CENTROID:
		return px_rank_centroid(scores, v);
	case PRECIS_ALG_LEXRANK:
		ro.threshold = o->lexrank_continuous ? 0.0 : o->lexrank_threshold;
		ro.binary = !o->lexrank_continuous;
		break;
	case PRECIS_ALG_DEFAULT:
		return model_scores(scores, d, v, &ro, pb, tb);
	case PRECIS_ALG_TEXTRANK:
		break;
	}
	double *prior = NULL;
	int rc = make_prior(&prior, v, pb, tb);
	if (rc)
		return rc;
	ro.prior = prior;
	rc = px_rank_graph(scores, v, &ro);
	free(prior);
	return rc;
}

struct cut {
	size_t limit, count, end;
};

static int on_cut_token(const px_token *t, void *ctx)
{
	struct cut *c = ctx;
	if (c->count == c->limit)
		return 1;
	c->count++;
	c->end = t->end;
	return 0;
}

/* Shorten span to its first `words` words or `chars` characters (0: no cut). */
static precis_span cut_span(const precis_doc *d, precis_span s, size_t words, size_t chars)
{
	if (words) {
		struct cut c = { words, 0, s.start };
		px_tokenize(d->text + s.start, s.end - s.start, d->lang, on_cut_token, &c);
		if (c.count == words)
			s.end = s.start + c.end; /* c.end is relative to the span */
	}
	if (chars) {
		size_t i = s.start, k = 0;
		while (i < s.end && k < chars) {
			size_t adv;
			px_utf8_decode(d->text + i, s.end - i, &adv);
			i += adv;
			k++;
		}
		s.end = i;
	}
	return s;
}

static int cmp_pick_index(const void *a, const void *b)
{
	const precis_pick *x = a, *y = b;
	return (x->index > y->index) - (x->index < y->index);
}

static int pick(precis_summary *s, const precis_doc *d, const px_vectors *v,
		const precis_summary_options *o)
{
	size_t n = d->nsents;
	size_t *chars = malloc(n * sizeof *chars), *picked = malloc(n * sizeof *picked);
	bool *furniture = malloc(n * sizeof *furniture);
	if (!chars || !picked || !furniture || px_furniture_mark(furniture, d)) {
		free(chars);
		free(picked);
		free(furniture);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		chars[i] = px_utf8_length(d->text + d->sents[i].start,
					  d->sents[i].end - d->sents[i].start);
	px_select_options so = { o->sentences, o->words, o->chars, o->truncate, o->redundancy,
				 DUPLICATE_COSINE, MIN_WORDS, furniture };
	if (o->ratio > 0.0) {
		size_t r = (size_t)ceil(o->ratio / 100.0 * (double)n);
		if (r == 0)
			r = 1;
		if (!so.max_sentences || r < so.max_sentences)
			so.max_sentences = r;
	}
	if (o->algorithm == PRECIS_ALG_LEAD || o->algorithm == PRECIS_ALG_RANDOM) {
		so.lambda = 1.0; /* baselines take their order as it is */
		so.min_words = 0;
	}
	size_t np;
	int rc = px_select(picked, &np, s->scores, v, d->words, chars, d->complete, n, &so);
	if (!rc && !(s->picks = malloc((np ? np : 1) * sizeof *s->picks)))
		rc = PRECIS_ENOMEM;
	if (rc) {
		free(chars);
		free(picked);
		free(furniture);
		return rc;
	}
	size_t wused = 0, cused = 0;
	for (size_t k = 0; k < np; k++) {
		size_t i = picked[k];
		precis_span sp = d->sents[i];
		sp.start += px_furniture_dateline(d->text + sp.start, sp.end - sp.start);
		if (o->truncate) {
			size_t wleft = o->words ? o->words - wused : 0;
			size_t cleft = o->chars ? o->chars - cused : 0;
			if ((o->words && d->words[i] > wleft) || (o->chars && chars[i] > cleft))
				sp = cut_span(d, sp, o->words && d->words[i] > wleft ? wleft : 0,
					      o->chars && chars[i] > cleft ? cleft : 0);
		}
		wused += d->words[i];
		cused += chars[i];
		s->picks[k] = (precis_pick){ i, s->scores[i], sp };
	}
	s->n = np;
	if (o->order == PRECIS_ORDER_DOC)
		qsort(s->picks, np, sizeof *s->picks, cmp_pick_index);
	free(chars);
	free(picked);
	free(furniture);
	return 0;
}

int precis_summarize(precis_summary **out, const precis_doc *doc,
		     const precis_summary_options *opts)
{
	precis_summary_options defaults = PRECIS_SUMMARY_OPTIONS_INIT;
	const precis_summary_options *o = opts ? opts : &defaults;
	if (!out || !doc)
		return PRECIS_EINVAL;
	int rc = check_options(o);
	if (rc)
		return rc;
	precis_summary *s = calloc(1, sizeof *s);
	if (!s)
		return PRECIS_ENOMEM;
	s->nscores = doc->nsents;
	s->scores = calloc(doc->nsents ? doc->nsents : 1, sizeof *s->scores);
	if (!s->scores) {
		free(s);
		return PRECIS_ENOMEM;
	}
	px_vectors v;
	if ((rc = px_tfidf_build(&v, doc, o->idf)))
		goto fail;
	rc = score_sentences(s->scores, doc, &v, o);
	if (!rc)
		rc = pick(s, doc, &v, o);
	px_vectors_free(&v);
	if (rc)
		goto fail;
	*out = s;
	return 0;
fail:
	precis_summary_free(s);
	return rc;
}

void precis_summary_free(precis_summary *s)
{
	if (!s)
		return;
	free(s->picks);
	free(s->scores);
	free(s);
}

size_t precis_summary_count(const precis_summary *s)
{
	return s->n;
}

const precis_pick *precis_summary_picks(const precis_summary *s)
{
	return s->picks;
}

const double *precis_summary_scores(const precis_summary *s, size_t *n)
{
	if (n)
		*n = s->nscores;
	return s->scores;
}

int precis_summary_new(precis_summary **out, const precis_doc *doc,
		       const precis_summary_options *opts)
{
	return precis_summarize(out, doc, opts);
}
