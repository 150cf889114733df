/* Unit tests: bootstrap intervals, paired tests and the extractive oracle (eval.c). */
#include "testutil.h"

#include <math.h>

static void test_bootstrap_ci(void **state)
{
	(void)state;
	double x[200], lo, hi, lo2, hi2;
	for (int i = 0; i < 200; i++)
		x[i] = (i % 10) / 10.0; /* mean 0.45 */
	assert_int_equal(precis_bootstrap_ci(&lo, &hi, x, 200, 1000, 7, 0.95), 0);
	assert_true(lo < 0.45 && hi > 0.45);
	assert_true(hi - lo < 0.15 && hi - lo > 0.01);
	/* Deterministic for a seed, different for another. */
	assert_int_equal(precis_bootstrap_ci(&lo2, &hi2, x, 200, 1000, 7, 0.95), 0);
	assert_true(lo == lo2 && hi == hi2);
	assert_int_equal(precis_bootstrap_ci(&lo2, &hi2, x, 200, 1000, 8, 0.95), 0);
	assert_true(lo != lo2 || hi != hi2);
	/* Constant data: a zero-width interval. */
	double c[5] = { 0.3, 0.3, 0.3, 0.3, 0.3 };
	assert_int_equal(precis_bootstrap_ci(&lo, &hi, c, 5, 100, 1, 0.95), 0);
	assert_true(fabs(lo - 0.3) < 1e-12 && fabs(hi - 0.3) < 1e-12);
	assert_int_equal(precis_bootstrap_ci(&lo, &hi, c, 5, 0, 1, 0.95), PRECIS_EINVAL);
}

static void test_paired(void **state)
{
	(void)state;
	double a[100], b[100], p;
	for (int i = 0; i < 100; i++) {
		a[i] = 0.5 + (i % 7) / 100.0;
		b[i] = a[i] - 0.01; /* A always better */
	}
	assert_int_equal(precis_paired_bootstrap(&p, a, b, 100, 1000, 3), 0);
	assert_true(p < 0.001);
	assert_int_equal(precis_paired_bootstrap(&p, b, a, 100, 1000, 3), 0);
	assert_true(p > 0.999);
	/* Noise around no difference: p near one half. */
	for (int i = 0; i < 100; i++)
		b[i] = a[i] + ((i % 2) ? 0.05 : -0.05);
	assert_int_equal(precis_paired_bootstrap(&p, a, b, 100, 2000, 3), 0);
	assert_true(p > 0.2 && p < 0.8);
}

static void test_oracle(void **state)
{
	(void)state;
	precis_analyzer *a;
	assert_int_equal(precis_analyzer_new(&a), 0);
	const char *text = "The weather was mild. The central bank raised rates by half a point. "
			   "A football club won. Markets fell after the rate rise.";
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = "en";
	o.clean = false;
	precis_doc *d;
	assert_int_equal(precis_doc_new(&d, a, text, strlen(text), &o, NULL), 0);
	precis_rouge_options ro = PRECIS_ROUGE_OPTIONS_INIT;
	ro.compat = PRECIS_ROUGE_SCORE;
	precis_rouge *r;
	assert_int_equal(precis_rouge_new(&r, &ro), 0);
	size_t picked[4], n;
	/* The reference is sentence 1 verbatim: the oracle picks it and stops. */
	assert_int_equal(precis_oracle(picked, &n, d, "The central bank raised rates by half a point.", r, 0), 0);
	assert_int_equal(n, 1);
	assert_int_equal(picked[0], 1);
	/* Two reference sentences: both picked, in document order. */
	assert_int_equal(precis_oracle(picked, &n, d, "Markets fell after the rate rise. The central bank raised rates by half a point.", r, 0), 0);
	assert_int_equal(n, 2);
	assert_int_equal(picked[0], 1);
	assert_int_equal(picked[1], 3);
	/* The cap holds. */
	assert_int_equal(precis_oracle(picked, &n, d, "Markets fell after the rate rise. The central bank raised rates.", r, 1), 0);
	assert_int_equal(n, 1);
	precis_rouge_free(r);
	precis_doc_free(d);
	precis_analyzer_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bootstrap_ci),
		cmocka_unit_test(test_paired),
		cmocka_unit_test(test_oracle),
	};
	return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
