/*
 * eval_run: the evaluation engine behind precis_eval_run. Records are the
 * pool's items: a worker summarizes one record with every system and
 * scores each summary, writing into that record's own cells, so results
 * do not depend on the number of threads. Means and confidence intervals
 * are computed once the scores are in; paired tests on request.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pool.h"
#include "text.h"
#include "token.h"

#define M PRECIS_EVAL_MEASURES
#define NSCORES (3 * M) /* P, R, F of each measure */

/* With threads = 0: one per core, up to this many (as precis_compare_new). */
#define MAX_AUTO_THREADS 8

struct precis_eval_result {
	size_t n, nsys;
	size_t samples;
	unsigned long seed;
	double *scores;         /* [sys][rec][NSCORES] */
	unsigned char *missing; /* [sys][rec] */
	double *mean;           /* [sys][NSCORES] */
	double *lo, *hi;        /* [sys][M]: CI of the mean F */
};

/* What the workers share. */
typedef struct {
	const precis_eval_record *recs;
	const precis_eval_system *sys;
	size_t nsys;
	const precis_eval_options *o;
	precis_eval_result *res;
} run;

/* A worker's objects: neither may be used by two threads at once. */
typedef struct {
	precis_analyzer *a;
	precis_rouge *scorer;
} worker;

/* rougeLsum: eval scores the summary-level LCS (rouge-score's rougeLsum); "rougeL"
 * is the sentence-level one everywhere (issue 15), so it must not be called that. */
static const char *const measure_names[M] = { "rouge1", "rouge2", "rougeLsum" };

const char *precis_eval_measure_name(precis_eval_measure m)
{
	return (unsigned)m < M ? measure_names[m] : NULL;
}

int precis_eval_system_from_name(precis_eval_system *out, const char *name)
{
	if (!out || !name)
		return PRECIS_EINVAL;
	*out = (precis_eval_system){ name, PRECIS_ALG_DEFAULT, 0, false, NULL };
	if (strcmp(name, "oracle") == 0) {
		out->oracle = true;
		return 0;
	}
	if (precis_algorithm_from_name(&out->algorithm, name) == 0)
		return 0;
	if (strncmp(name, "lead-", 5) != 0 || name[5] < '0' || name[5] > '9')
		return PRECIS_EINVAL;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(name + 5, &end, 10);
	if (errno == ERANGE || *end || v == 0 || v > SIZE_MAX)
		return PRECIS_EINVAL;
	out->algorithm = PRECIS_ALG_LEAD;
	out->lead_n = (size_t)v;
	return 0;
}

/* ------------------------------------------------------------ one record */

static int count_token(const px_token *t, void *ctx)
{
	(void)t;
	(*(size_t *)ctx)++;
	return 0;
}

/* Words of ref as the words budget counts them (doc.c, select.c): px_tokenize's. */
static size_t ref_words(const char *ref, const char *lang)
{
	size_t n = 0, len = strlen(ref);
	if (px_text_check(ref, len, NULL) == 0)
		px_tokenize(ref, len, lang, count_token, &n);
	return n;
}

/* Picked spans of doc, one per line (newlines inside a span become spaces). */
static char *join_spans(const precis_doc *doc, const precis_pick *p, size_t n)
{
	const char *text = precis_doc_text(doc, NULL);
	size_t len = 1;
	for (size_t k = 0; k < n; k++)
		len += p[k].span.end - p[k].span.start + 1;
	char *out = malloc(len), *o = out;
	if (!out)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		for (size_t i = p[k].span.start; i < p[k].span.end; i++)
			*o++ = text[i] == '\n' ? ' ' : text[i];
		if (k + 1 < n)
			*o++ = '\n';
	}
	*o = '\0';
	return out;
}

static int oracle_summary(char **out, const precis_doc *doc, const precis_eval_record *rec,
			  precis_rouge *scorer, size_t max)
{
	size_t n = precis_doc_sentence_count(doc), np = 0;
	size_t *picked = malloc((n ? n : 1) * sizeof *picked);
	precis_pick *p = malloc((n ? n : 1) * sizeof *p);
	int rc = picked && p ? 0 : PRECIS_ENOMEM;
	if (!rc)
		rc = precis_oracle(picked, &np, doc, rec->refs[0], scorer, max);
	if (!rc) {
		for (size_t k = 0; k < np; k++)
			p[k] = (precis_pick){ picked[k], 0, precis_doc_sentence(doc, picked[k]) };
		*out = join_spans(doc, p, np);
		rc = *out ? 0 : PRECIS_ENOMEM;
	}
	free(picked);
	free(p);
	return rc;
}

static int ranked_summary(char **out, const precis_doc *doc, const precis_eval_system *s,
			  const precis_eval_options *o, size_t words)
{
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	so.algorithm = s->algorithm;
	so.idf = o->idf;
	so.seed = o->seed;
	so.sentences = o->sentences;
	so.words = words;
	so.truncate = o->truncate;
	if (so.words)
		so.sentences = 0;
	if (s->lead_n) {
		so.algorithm = PRECIS_ALG_LEAD;
		so.sentences = s->lead_n;
		so.words = 0;
	}
	precis_summary *sum;
	int rc = precis_summarize(&sum, doc, &so);
	if (rc)
		return rc;
	*out = join_spans(doc, precis_summary_picks(sum), precis_summary_count(sum));
	precis_summary_free(sum);
	return *out ? 0 : PRECIS_ENOMEM;
}

/* The summary of system s; *out is "" when none can be made. */
static int make_summary(char **out, worker *w, const run *r, const precis_eval_system *s,
			const precis_eval_record *rec, const precis_doc *doc, size_t words)
{
	*out = NULL;
	int rc = PRECIS_EEMPTY;
	if (doc && s->oracle)
		rc = oracle_summary(out, doc, rec, w->scorer, r->o->sentences);
	else if (doc)
		rc = ranked_summary(out, doc, s, r->o, words);
	if (rc == PRECIS_ENOMEM)
		return rc;
	if (!*out)
		*out = strdup("");
	return *out ? 0 : PRECIS_ENOMEM;
}

static int score_into(double *cell, precis_rouge *scorer, const char *sum,
		      const precis_eval_record *rec)
{
	precis_rouge_scores sc;
	int rc = precis_rouge_score(&sc, scorer, sum, rec->refs, rec->nrefs);
	if (rc)
		return rc == PRECIS_ENOMEM ? rc : 0; /* scored as zeros */
	const precis_prf *m[M] = { &sc.rouge1, &sc.rouge2, &sc.rougeLsum };
	for (int k = 0; k < M; k++) {
		cell[3 * k] = m[k]->p;
		cell[3 * k + 1] = m[k]->r;
		cell[3 * k + 2] = m[k]->f;
	}
	return 0;
}

static int eval_record(void *state, size_t i, void *ctx)
{
	worker *w = state;
	const run *r = ctx;
	const precis_eval_record *rec = &r->recs[i];
	precis_eval_result *res = r->res;
	precis_doc *doc = NULL;
	int rc = 0;
	bool need_doc = false;
	for (size_t s = 0; s < r->nsys; s++)
		need_doc |= !r->sys[s].outputs;
	if (need_doc) {
		precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
		dopt.lang = r->o->lang;
		dopt.title = rec->title;
		dopt.lossy = true;
		rc = precis_doc_new(&doc, w->a, rec->text, strlen(rec->text), &dopt, NULL);
		if (rc == PRECIS_ENOMEM)
			return rc;
		rc = 0; /* no document: every system's summary is empty */
	}
	size_t words = r->o->words;
	if (r->o->ref_length && doc)
		words = ref_words(rec->refs[0], precis_doc_language(doc));
	for (size_t s = 0; s < r->nsys && !rc; s++) {
		const precis_eval_system *sys = &r->sys[s];
		char *sum = NULL;
		if (sys->outputs) {
			res->missing[s * res->n + i] = !sys->outputs[i];
			if (!(sum = strdup(sys->outputs[i] ? sys->outputs[i] : "")))
				rc = PRECIS_ENOMEM;
		} else {
			rc = make_summary(&sum, w, r, sys, rec, doc, words);
		}
		if (!rc)
			rc = score_into(&res->scores[(s * res->n + i) * NSCORES], w->scorer, sum,
					rec);
		free(sum);
	}
	precis_doc_free(doc);
	return rc;
}

static int worker_init(void **state, unsigned k, void *ctx)
{
	(void)k;
	const run *r = ctx;
	worker *w = calloc(1, sizeof *w);
	if (!w)
		return PRECIS_ENOMEM;
	*state = w;
	precis_rouge_options ro = PRECIS_ROUGE_OPTIONS_INIT;
	ro.compat = r->o->compat;
	ro.stem = r->o->stem;
	ro.lang = r->o->lang;
	ro.wordnet_dir = r->o->wordnet_dir;
	ro.measures = PRECIS_ROUGE_M_N | PRECIS_ROUGE_M_LSUM;
	int rc = precis_analyzer_new(&w->a);
	if (!rc)
		rc = precis_rouge_new(&w->scorer, &ro);
	return rc;
}

static void worker_fini(void *state, void *ctx)
{
	(void)ctx;
	worker *w = state;
	if (!w)
		return;
	precis_rouge_free(w->scorer);
	precis_analyzer_free(w->a);
	free(w);
}

/* ------------------------------------------------------------ the run */

/* Score k (of NSCORES) of system s over all records, into col. */
static void column(double *col, const precis_eval_result *r, size_t s, size_t k)
{
	for (size_t i = 0; i < r->n; i++)
		col[i] = r->scores[(s * r->n + i) * NSCORES + k];
}

static int aggregate(precis_eval_result *r)
{
	double *col = malloc((r->n ? r->n : 1) * sizeof *col);
	if (!col)
		return PRECIS_ENOMEM;
	int rc = 0;
	for (size_t s = 0; s < r->nsys && !rc; s++)
		for (size_t k = 0; k < NSCORES && !rc; k++) {
			column(col, r, s, k);
			double sum = 0;
			for (size_t i = 0; i < r->n; i++)
				sum += col[i];
			r->mean[s * NSCORES + k] = r->n ? sum / (double)r->n : 0;
			if (k % 3 == 2)
				rc = precis_bootstrap_ci(&r->lo[s * M + k / 3],
							 &r->hi[s * M + k / 3], col, r->n,
							 r->samples, r->seed, 0.95);
		}
	free(col);
	return rc;
}

static int check_args(const precis_eval_record *recs, size_t n, const precis_eval_system *sys,
		      size_t nsys, const precis_eval_options *o)
{
	if ((!recs && n) || !sys || nsys == 0 || !o || o->version != PRECIS_EVAL_OPTIONS_VERSION ||
	    o->samples == 0 || (o->lang && strcmp(o->lang, "auto") != 0 &&
				!precis_language_supported(o->lang)))
		return PRECIS_EINVAL;
	for (size_t i = 0; i < n; i++) {
		if (!recs[i].text || !recs[i].refs || recs[i].nrefs == 0)
			return PRECIS_EINVAL;
		for (size_t k = 0; k < recs[i].nrefs; k++)
			if (!recs[i].refs[k])
				return PRECIS_EINVAL;
	}
	return 0;
}

static void progress(size_t done, size_t total, void *ctx)
{
	const run *r = ctx;
	r->o->progress(done, total, r->o->progress_ctx);
}

static unsigned thread_count(unsigned threads)
{
	if (threads)
		return threads;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	return cores < 1 ? 1 : cores > MAX_AUTO_THREADS ? MAX_AUTO_THREADS : (unsigned)cores;
}

int precis_eval_run(precis_eval_result **out, const precis_eval_record *recs, size_t n,
		    const precis_eval_system *sys, size_t nsys, const precis_eval_options *opts)
{
	if (!out)
		return PRECIS_EINVAL;
	*out = NULL;
	int rc = check_args(recs, n, sys, nsys, opts);
	if (rc)
		return rc;
	precis_eval_result *r = calloc(1, sizeof *r);
	if (!r)
		return PRECIS_ENOMEM;
	r->n = n;
	r->nsys = nsys;
	r->samples = opts->samples;
	r->seed = opts->seed;
	size_t cells = nsys * (n ? n : 1);
	if (cells / nsys != (n ? n : 1)) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	r->scores = calloc(cells, NSCORES * sizeof *r->scores);
	r->missing = calloc(cells, sizeof *r->missing);
	r->mean = calloc(nsys, NSCORES * sizeof *r->mean);
	r->lo = calloc(nsys, M * sizeof *r->lo);
	r->hi = calloc(nsys, M * sizeof *r->hi);
	if (!r->scores || !r->missing || !r->mean || !r->lo || !r->hi) {
		rc = PRECIS_ENOMEM;
		goto done;
	}
	run ctx = { recs, sys, nsys, opts, r };
	px_pool_job job = { worker_init, eval_record, worker_fini,
			    opts->progress ? progress : NULL, &ctx };
	if (n)
		rc = px_pool_run(n, thread_count(opts->threads), &job);
	if (!rc)
		rc = aggregate(r);
done:
	if (rc) {
		precis_eval_result_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void precis_eval_result_free(precis_eval_result *r)
{
	if (!r)
		return;
	free(r->scores);
	free(r->missing);
	free(r->mean);
	free(r->lo);
	free(r->hi);
	free(r);
}

size_t precis_eval_result_records(const precis_eval_result *r)
{
	return r ? r->n : 0;
}

size_t precis_eval_result_systems(const precis_eval_result *r)
{
	return r ? r->nsys : 0;
}

/* ------------------------------------------------------------ accessors */

static precis_prf prf_at(const double *x)
{
	return (precis_prf){ x[0], x[1], x[2] };
}

int precis_eval_mean(precis_prf *out, const precis_eval_result *r, size_t sys,
		     precis_eval_measure m)
{
	if (!out || !r || sys >= r->nsys || (unsigned)m >= M)
		return PRECIS_EINVAL;
	*out = prf_at(&r->mean[sys * NSCORES + 3 * (size_t)m]);
	return 0;
}

int precis_eval_ci(double *lo, double *hi, const precis_eval_result *r, size_t sys,
		   precis_eval_measure m)
{
	if (!lo || !hi || !r || sys >= r->nsys || (unsigned)m >= M)
		return PRECIS_EINVAL;
	*lo = r->lo[sys * M + (size_t)m];
	*hi = r->hi[sys * M + (size_t)m];
	return 0;
}

int precis_eval_score(precis_prf *out, const precis_eval_result *r, size_t sys, size_t rec,
		      precis_eval_measure m)
{
	if (!out || !r || sys >= r->nsys || rec >= r->n || (unsigned)m >= M)
		return PRECIS_EINVAL;
	*out = prf_at(&r->scores[(sys * r->n + rec) * NSCORES + 3 * (size_t)m]);
	return 0;
}

int precis_eval_missing(const precis_eval_result *r, size_t sys, size_t rec)
{
	return r && sys < r->nsys && rec < r->n && r->missing[sys * r->n + rec];
}

int precis_eval_paired(double p[PRECIS_EVAL_MEASURES], const precis_eval_result *r, size_t a,
		       size_t b)
{
	if (!p || !r || a >= r->nsys || b >= r->nsys)
		return PRECIS_EINVAL;
	double *x = malloc((r->n ? r->n : 1) * sizeof *x);
	double *y = malloc((r->n ? r->n : 1) * sizeof *y);
	int rc = x && y ? 0 : PRECIS_ENOMEM;
	for (size_t m = 0; m < M && !rc; m++) {
		column(x, r, a, 3 * m + 2);
		column(y, r, b, 3 * m + 2);
		rc = precis_paired_bootstrap(&p[m], x, y, r->n, r->samples, r->seed);
	}
	free(x);
	free(y);
	return rc;
}
