/*
 * Unit tests: the evaluation engine (precis_eval_*, eval_run.c) and the
 * worker pool under it (util/pool.c). The expected scores are derived by
 * hand next to each case (rouge-score rules, no stemming).
 */
#include "testutil.h"

#include <math.h>
#include <pthread.h>

#include "pool.h"

static void near(double got, double want)
{
	if (fabs(got - want) > 1e-12)
		fail_msg("got %.15f, want %.15f", got, want);
}

/* ---------------------------------------------------------------- pool */

typedef struct {
	size_t *out;
	size_t fail_at;   /* item that fails, or SIZE_MAX */
	unsigned fail_init;
	pthread_mutex_t lock;
	size_t inits, finis, calls, last_done;
	int order_ok;
} pool_ctx;

static int p_init(void **state, unsigned worker, void *vctx)
{
	pool_ctx *c = vctx;
	if (worker + 1 == c->fail_init)
		return PRECIS_EIO;
	pthread_mutex_lock(&c->lock);
	c->inits++;
	pthread_mutex_unlock(&c->lock);
	*state = malloc(sizeof(unsigned)); /* a real allocation: the sanitizers see leaks */
	if (!*state)
		return PRECIS_ENOMEM;
	*(unsigned *)*state = worker;
	return 0;
}

static int p_item(void *state, size_t i, void *vctx)
{
	pool_ctx *c = vctx;
	(void)state;
	if (i == c->fail_at)
		return PRECIS_EFORMAT;
	c->out[i] = i * i + 1;
	return 0;
}

static void p_fini(void *state, void *vctx)
{
	pool_ctx *c = vctx;
	pthread_mutex_lock(&c->lock);
	c->finis++;
	pthread_mutex_unlock(&c->lock);
	free(state);
}

/* Called under the pool's lock: done must count up by one. */
static void p_progress(size_t done, size_t n, void *vctx)
{
	pool_ctx *c = vctx;
	c->calls++;
	if (done != c->last_done + 1 || done > n)
		c->order_ok = 0;
	c->last_done = done;
}

static void test_pool_order(void **state)
{
	(void)state;
	enum { N = 2000 };
	for (unsigned threads = 1; threads <= 4; threads++) {
		pool_ctx c = { calloc(N, sizeof(size_t)), SIZE_MAX, 0, PTHREAD_MUTEX_INITIALIZER,
			       0, 0, 0, 0, 1 };
		assert_non_null(c.out);
		px_pool_job job = { p_init, p_item, p_fini, p_progress, &c };
		assert_int_equal(px_pool_run(N, threads, &job), 0);
		for (size_t i = 0; i < N; i++)
			assert_int_equal(c.out[i], i * i + 1);
		assert_true(c.inits >= 1 && c.inits <= threads);
		assert_int_equal(c.inits, c.finis);
		assert_int_equal(c.calls, N);
		assert_int_equal(c.last_done, N);
		assert_true(c.order_ok);
		free(c.out);
	}
}

static void test_pool_errors(void **state)
{
	(void)state;
	size_t out[50] = { 0 };
	/* One thread: items run in order, the failing one stops the claiming. */
	pool_ctx c = { out, 7, 0, PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, 0, 1 };
	px_pool_job job = { p_init, p_item, p_fini, NULL, &c };
	assert_int_equal(px_pool_run(50, 1, &job), PRECIS_EFORMAT);
	assert_int_equal(out[6], 37);
	assert_int_equal(out[7], 0);
	assert_int_equal(out[8], 0);
	/* Several threads: the same error comes back. */
	memset(out, 0, sizeof out);
	c.inits = c.finis = 0;
	assert_int_equal(px_pool_run(50, 3, &job), PRECIS_EFORMAT);
	assert_int_equal(c.inits, c.finis);
	/* The only worker cannot start: its error, and no item ran. */
	memset(out, 0, sizeof out);
	c.fail_at = SIZE_MAX;
	c.fail_init = 1;
	assert_int_equal(px_pool_run(50, 1, &job), PRECIS_EIO);
	for (size_t i = 0; i < 50; i++)
		assert_int_equal(out[i], 0);
	/* Nothing to do, and a job with no callbacks at all. */
	c.fail_init = 0;
	assert_int_equal(px_pool_run(0, 4, &job), 0);
	px_pool_job empty = { NULL, NULL, NULL, NULL, NULL };
	assert_int_equal(px_pool_run(10, 2, &empty), 0);
	assert_int_equal(px_pool_run(10, 2, NULL), PRECIS_EINVAL);
}

/* ----------------------------------------------------------- eval API */

/*
 * Three records whose first sentences give known scores against their
 * references (rouge-score tokens: lowercase [a-z0-9] runs):
 *  1. "The bank raised rates." vs itself: everything 1.
 *  2. "rivers burst their banks" vs "thousands fled the rivers": one
 *     unigram in common of 4 and 4 (P = R = F = 1/4), no bigram, LCS 1.
 *  3. "a club won the cup on sunday" (7) vs "a club won" (3): R-1 hits 3,
 *     P = 3/7, R = 1, F = 0.6; R-2 hits 2 of 6 and 2 bigrams, P = 1/3,
 *     R = 1, F = 0.5; LCS 3, as R-1.
 */
static const char *const refs1[] = { "The bank raised rates." };
static const char *const refs2[] = { "Thousands fled the rivers." };
static const char *const refs3[] = { "A club won." };
static const precis_eval_record three[] = {
	{ "r1", "The bank raised rates. Markets fell after the announcement.", NULL, refs1, 1 },
	{ "r2", "Rivers burst their banks. Thousands fled the valley.", NULL, refs2, 1 },
	{ "r3", "A club won the cup on Sunday. Fans cheered in the streets.", NULL, refs3, 1 },
};

static precis_eval_options en_options(void)
{
	precis_eval_options o = PRECIS_EVAL_OPTIONS_INIT;
	o.compat = PRECIS_ROUGE_SCORE;
	o.lang = "en";
	o.samples = 500;
	o.threads = 1;
	return o;
}

static void test_known_scores(void **state)
{
	(void)state;
	/* System 1 gives the references themselves, except one output missing. */
	static const char *const given[] = { "The bank raised rates.", NULL, "A club won." };
	precis_eval_system sys[2];
	assert_int_equal(precis_eval_system_from_name(&sys[0], "lead-1"), 0);
	sys[1] = (precis_eval_system){ "given", PRECIS_ALG_DEFAULT, 0, false, given };
	precis_eval_options o = en_options();
	precis_eval_result *r;
	assert_int_equal(precis_eval_run(&r, three, 3, sys, 2, &o), 0);
	assert_int_equal(precis_eval_result_records(r), 3);
	assert_int_equal(precis_eval_result_systems(r), 2);
	const double f1[3] = { 1, 0.25, 0.6 }, f2[3] = { 1, 0, 0.5 }, fl[3] = { 1, 0.25, 0.6 };
	const double p1[3] = { 1, 0.25, 3.0 / 7 }, r2[3] = { 1, 0, 1 };
	precis_prf x;
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(precis_eval_score(&x, r, 0, i, PRECIS_EVAL_ROUGE1), 0);
		near(x.f, f1[i]);
		near(x.p, p1[i]);
		assert_int_equal(precis_eval_score(&x, r, 0, i, PRECIS_EVAL_ROUGE2), 0);
		near(x.f, f2[i]);
		near(x.r, r2[i]);
		assert_int_equal(precis_eval_score(&x, r, 0, i, PRECIS_EVAL_ROUGEL), 0);
		near(x.f, fl[i]);
		assert_int_equal(precis_eval_missing(r, 0, i), 0);
	}
	assert_int_equal(precis_eval_mean(&x, r, 0, PRECIS_EVAL_ROUGE1), 0);
	near(x.f, (1 + 0.25 + 0.6) / 3);
	near(x.p, (1 + 0.25 + 3.0 / 7) / 3);
	/* The missing output scores zero and is reported as missing. */
	assert_int_equal(precis_eval_score(&x, r, 1, 1, PRECIS_EVAL_ROUGE1), 0);
	near(x.f, 0);
	assert_int_equal(precis_eval_missing(r, 1, 1), 1);
	assert_int_equal(precis_eval_missing(r, 1, 2), 0);
	assert_int_equal(precis_eval_mean(&x, r, 1, PRECIS_EVAL_ROUGE2), 0);
	near(x.f, 2.0 / 3);
	/* The interval holds the mean and stays within the per-record range. */
	double lo, hi;
	assert_int_equal(precis_eval_ci(&lo, &hi, r, 0, PRECIS_EVAL_ROUGE1), 0);
	assert_true(lo <= (1 + 0.25 + 0.6) / 3 && hi >= (1 + 0.25 + 0.6) / 3);
	assert_true(lo >= 0.25 && hi <= 1);
	/* Out of range. */
	assert_int_equal(precis_eval_score(&x, r, 2, 0, PRECIS_EVAL_ROUGE1), PRECIS_EINVAL);
	assert_int_equal(precis_eval_score(&x, r, 0, 3, PRECIS_EVAL_ROUGE1), PRECIS_EINVAL);
	assert_int_equal(precis_eval_mean(&x, r, 0, PRECIS_EVAL_MEASURES), PRECIS_EINVAL);
	assert_int_equal(precis_eval_missing(r, 0, 9), 0);
	precis_eval_result_free(r);
	precis_eval_result_free(NULL);
}

static void test_paired_direction(void **state)
{
	(void)state;
	/*
	 * "perfect" outputs the references (F = 1 everywhere), lead-1 scores
	 * 1, 1/4 and 0.6: perfect never loses a record, so a resample finds
	 * it no better only when it draws record 1 three times ((1/3)^3, about
	 * 4%); lead-1 is never better than perfect (p = 1).
	 */
	static const char *const perfect[] = { "The bank raised rates.",
					       "Thousands fled the rivers.", "A club won." };
	precis_eval_system sys[2] = { { "perfect", PRECIS_ALG_DEFAULT, 0, false, perfect } };
	assert_int_equal(precis_eval_system_from_name(&sys[1], "lead-1"), 0);
	precis_eval_options o = en_options();
	o.samples = 2000;
	precis_eval_result *r;
	assert_int_equal(precis_eval_run(&r, three, 3, sys, 2, &o), 0);
	double p[PRECIS_EVAL_MEASURES];
	assert_int_equal(precis_eval_paired(p, r, 0, 1), 0);
	for (int m = 0; m < PRECIS_EVAL_MEASURES; m++)
		assert_true(p[m] > 0.01 && p[m] < 0.08);
	assert_int_equal(precis_eval_paired(p, r, 1, 0), 0);
	for (int m = 0; m < PRECIS_EVAL_MEASURES; m++)
		near(p[m], 1);
	/* A system against itself: never strictly better. */
	assert_int_equal(precis_eval_paired(p, r, 1, 1), 0);
	near(p[0], 1);
	assert_int_equal(precis_eval_paired(p, r, 0, 2), PRECIS_EINVAL);
	precis_eval_result_free(r);
}

static void count_progress(size_t done, size_t total, void *ctx)
{
	size_t *c = ctx;
	c[0]++;
	c[1] = done;
	c[2] = total;
}

static void test_threads_identical(void **state)
{
	(void)state;
	enum { N = 24 };
	static const char *const sents[] = {
		"The central bank raised its rates by half a point on Tuesday.",
		"Markets fell sharply after the announcement in Frankfurt.",
		"Analysts had expected a smaller move this month.",
		"The weather in the capital was mild for the season.",
		"Exporters warned that the stronger currency would hurt sales.",
		"The governor said further rises could follow in the spring.",
	};
	char *texts[N], *refs[N];
	const char *rp[N][1];
	precis_eval_record recs[N];
	for (size_t i = 0; i < N; i++) {
		/* Each record a different rotation and length of the sentences. */
		size_t len = 1, k0 = i % 6, nk = 3 + i % 4;
		for (size_t k = 0; k < nk; k++)
			len += strlen(sents[(k0 + k) % 6]) + 1;
		texts[i] = calloc(len, 1);
		assert_non_null(texts[i]);
		for (size_t k = 0; k < nk; k++) {
			strcat(texts[i], sents[(k0 + k) % 6]);
			strcat(texts[i], " ");
		}
		refs[i] = strdup(sents[(i * 5 + 1) % 6]);
		rp[i][0] = refs[i];
		recs[i] = (precis_eval_record){ NULL, texts[i], NULL, rp[i], 1 };
	}
	const char *names[] = { "precis", "textrank", "lexrank", "centroid", "random", "lead",
				"lead-2", "oracle" };
	precis_eval_system sys[8];
	for (size_t s = 0; s < 8; s++)
		assert_int_equal(precis_eval_system_from_name(&sys[s], names[s]), 0);
	precis_eval_options o = en_options();
	o.ref_length = true;
	o.compat = PRECIS_ROUGE_UNICODE;
	precis_eval_result *r1, *r2;
	size_t calls[3] = { 0 };
	o.threads = 1;
	assert_int_equal(precis_eval_run(&r1, recs, N, sys, 8, &o), 0);
	o.threads = 2;
	o.progress = count_progress;
	o.progress_ctx = calls;
	assert_int_equal(precis_eval_run(&r2, recs, N, sys, 8, &o), 0);
	assert_int_equal(calls[0], N);
	assert_int_equal(calls[1], N);
	assert_int_equal(calls[2], N);
	int differ = 0;
	for (size_t s = 0; s < 8; s++)
		for (int m = 0; m < PRECIS_EVAL_MEASURES; m++) {
			precis_prf a, b;
			double lo1, hi1, lo2, hi2;
			for (size_t i = 0; i < N; i++) {
				precis_eval_score(&a, r1, s, i, m);
				precis_eval_score(&b, r2, s, i, m);
				assert_memory_equal(&a, &b, sizeof a);
				differ |= a.f != 1;
			}
			precis_eval_mean(&a, r1, s, m);
			precis_eval_mean(&b, r2, s, m);
			assert_memory_equal(&a, &b, sizeof a);
			precis_eval_ci(&lo1, &hi1, r1, s, m);
			precis_eval_ci(&lo2, &hi2, r2, s, m);
			assert_true(lo1 == lo2 && hi1 == hi2);
		}
	assert_true(differ); /* not a degenerate run where everything scores 1 */
	precis_eval_result_free(r1);
	precis_eval_result_free(r2);
	for (size_t i = 0; i < N; i++) {
		free(texts[i]);
		free(refs[i]);
	}
}

static void test_ref_length_tokenizer(void **state)
{
	(void)state;
	/*
	 * The reference has 3 whitespace-separated pieces but 2 words ("—" is
	 * none), so the truncated lead keeps "Rates rose": P = 1. Counted by
	 * white space, "Rates rose sharply" would give P = 2/3.
	 */
	static const char *const ref[] = { "Rates — rose." };
	precis_eval_record rec = { "x", "Rates rose sharply today in Paris.", NULL, ref, 1 };
	precis_eval_system sys;
	assert_int_equal(precis_eval_system_from_name(&sys, "lead"), 0);
	precis_eval_options o = en_options();
	o.ref_length = true;
	o.truncate = true;
	precis_eval_result *r;
	assert_int_equal(precis_eval_run(&r, &rec, 1, &sys, 1, &o), 0);
	precis_prf x;
	assert_int_equal(precis_eval_score(&x, r, 0, 0, PRECIS_EVAL_ROUGE1), 0);
	near(x.p, 1);
	near(x.r, 1);
	precis_eval_result_free(r);
}

static void test_names_and_errors(void **state)
{
	(void)state;
	precis_eval_system s;
	assert_int_equal(precis_eval_system_from_name(&s, "lead-3"), 0);
	assert_int_equal(s.lead_n, 3);
	assert_int_equal(s.algorithm, PRECIS_ALG_LEAD);
	assert_int_equal(precis_eval_system_from_name(&s, "oracle"), 0);
	assert_true(s.oracle);
	assert_int_equal(precis_eval_system_from_name(&s, "textrank"), 0);
	assert_int_equal(s.algorithm, PRECIS_ALG_TEXTRANK);
	assert_false(s.oracle);
	assert_string_equal(s.name, "textrank");
	const char *bad[] = { "lead-0", "lead-", "lead-2x", "lead--1", "Precis", "", "file:x" };
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
		assert_int_equal(precis_eval_system_from_name(&s, bad[k]), PRECIS_EINVAL);
	assert_string_equal(precis_eval_measure_name(PRECIS_EVAL_ROUGEL), "rougeLsum");
	assert_null(precis_eval_measure_name(PRECIS_EVAL_MEASURES));

	precis_eval_result *r = (precis_eval_result *)&s; /* must be reset to NULL */
	precis_eval_options o = en_options();
	precis_eval_system lead;
	precis_eval_system_from_name(&lead, "lead");
	assert_int_equal(precis_eval_run(&r, three, 3, &lead, 0, &o), PRECIS_EINVAL);
	assert_null(r);
	o.version = 99;
	assert_int_equal(precis_eval_run(&r, three, 3, &lead, 1, &o), PRECIS_EINVAL);
	o = en_options();
	o.lang = "xx";
	assert_int_equal(precis_eval_run(&r, three, 3, &lead, 1, &o), PRECIS_EINVAL);
	o = en_options();
	precis_eval_record norefs = { "n", "Some text here.", NULL, refs1, 0 };
	assert_int_equal(precis_eval_run(&r, &norefs, 1, &lead, 1, &o), PRECIS_EINVAL);
	/* An empty article: an empty summary, scored zero, and the run goes on. */
	precis_eval_record empty = { "e", "", NULL, refs1, 1 };
	assert_int_equal(precis_eval_run(&r, &empty, 1, &lead, 1, &o), 0);
	precis_prf x;
	assert_int_equal(precis_eval_score(&x, r, 0, 0, PRECIS_EVAL_ROUGE1), 0);
	near(x.f, 0);
	precis_eval_result_free(r);
	/* No record at all: means of zero. */
	assert_int_equal(precis_eval_run(&r, NULL, 0, &lead, 1, &o), 0);
	assert_int_equal(precis_eval_mean(&x, r, 0, PRECIS_EVAL_ROUGE1), 0);
	near(x.f, 0);
	precis_eval_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool_order),
		cmocka_unit_test(test_pool_errors),
		cmocka_unit_test(test_known_scores),
		cmocka_unit_test(test_paired_direction),
		cmocka_unit_test(test_threads_identical),
		cmocka_unit_test(test_ref_length_tokenizer),
		cmocka_unit_test(test_names_and_errors),
	};
	return cmocka_run_group_tests_name("eval_run", tests, NULL, NULL);
}
