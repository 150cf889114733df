/* The library's enum names: every value named, names read back, unknowns refused. */
#include "testutil.h"

static void test_algorithms(void **state)
{
	(void)state;
	const precis_algorithm all[] = { PRECIS_ALG_DEFAULT, PRECIS_ALG_TEXTRANK,
					 PRECIS_ALG_LEXRANK, PRECIS_ALG_LEAD,
					 PRECIS_ALG_CENTROID, PRECIS_ALG_RANDOM };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		const char *name = precis_algorithm_name(all[i]);
		assert_non_null(name);
		precis_algorithm back = (precis_algorithm)-1;
		assert_int_equal(precis_algorithm_from_name(&back, name), 0);
		assert_int_equal(back, all[i]);
	}
	assert_string_equal(precis_algorithm_name(PRECIS_ALG_DEFAULT), "precis");
	assert_string_equal(precis_algorithm_name(PRECIS_ALG_LEXRANK), "lexrank");
	precis_algorithm a = PRECIS_ALG_LEAD;
	assert_int_equal(precis_algorithm_from_name(&a, "default"), 0);
	assert_int_equal(a, PRECIS_ALG_DEFAULT);
	a = PRECIS_ALG_LEAD;
	assert_int_equal(precis_algorithm_from_name(&a, "TextRank"), PRECIS_EINVAL);
	assert_int_equal(precis_algorithm_from_name(&a, ""), PRECIS_EINVAL);
	assert_int_equal(precis_algorithm_from_name(&a, NULL), PRECIS_EINVAL);
	assert_int_equal(a, PRECIS_ALG_LEAD); /* untouched on failure */
	assert_null(precis_algorithm_name((precis_algorithm)6));
	assert_null(precis_algorithm_name((precis_algorithm)-1));
}

static void test_compat(void **state)
{
	(void)state;
	const char *names[] = { "unicode", "rouge-score", "rouge155" };
	const precis_rouge_compat modes[] = { PRECIS_ROUGE_UNICODE, PRECIS_ROUGE_SCORE,
					      PRECIS_ROUGE_155 };
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(precis_rouge_compat_name(modes[i]), names[i]);
		precis_rouge_compat c = (precis_rouge_compat)-1;
		assert_int_equal(precis_rouge_compat_from_name(&c, names[i]), 0);
		assert_int_equal(c, modes[i]);
	}
	precis_rouge_compat c;
	assert_int_equal(precis_rouge_compat_from_name(&c, "rouge-1.5.5"), PRECIS_EINVAL);
	assert_null(precis_rouge_compat_name((precis_rouge_compat)3));
}

static void test_date_kinds(void **state)
{
	(void)state;
	assert_string_equal(precis_date_kind_name(PRECIS_DATE_FULL), "full");
	assert_string_equal(precis_date_kind_name(PRECIS_DATE_DAY_MONTH), "day-month");
	assert_string_equal(precis_date_kind_name(PRECIS_DATE_RELATIVE), "relative");
	assert_null(precis_date_kind_name((precis_date_kind)6));
}

/* Measure k is the k-th field of precis_rouge_scores, and its flag computes it. */
static void test_measures(void **state)
{
	(void)state;
	precis_rouge_scores s;
	const precis_prf *fields[PRECIS_ROUGE_MEASURES] = { &s.rouge1, &s.rouge2,    &s.rouge3,
							    &s.rouge4, &s.rougeL,    &s.rougeLsum,
							    &s.rougeW, &s.rougeSU4 };
	const unsigned flags[PRECIS_ROUGE_MEASURES] = {
		PRECIS_ROUGE_M_N, PRECIS_ROUGE_M_N,    PRECIS_ROUGE_M_N, PRECIS_ROUGE_M_N,
		PRECIS_ROUGE_M_L, PRECIS_ROUGE_M_LSUM, PRECIS_ROUGE_M_W, PRECIS_ROUGE_M_SU4
	};
	const char *names[PRECIS_ROUGE_MEASURES] = { "rouge1", "rouge2",    "rouge3", "rouge4",
						     "rougeL", "rougeLsum", "rougeW", "rougeSU4" };
	for (size_t k = 0; k < PRECIS_ROUGE_MEASURES; k++) {
		assert_ptr_equal(precis_rouge_measure(&s, k), fields[k]);
		assert_int_equal(precis_rouge_measure_flag(k), flags[k]);
		assert_string_equal(precis_rouge_measure_name(k), names[k]);
		size_t back = 99;
		assert_int_equal(precis_rouge_measure_from_name(&back, names[k]), 0);
		assert_int_equal(back, k);
	}
	size_t k;
	assert_int_equal(precis_rouge_measure_from_name(&k, "rougeS"), PRECIS_EINVAL);
	assert_null(precis_rouge_measure_name(PRECIS_ROUGE_MEASURES));
	assert_null(precis_rouge_measure(&s, PRECIS_ROUGE_MEASURES));
	assert_null(precis_rouge_measure(NULL, 0));
	assert_int_equal(precis_rouge_measure_flag(PRECIS_ROUGE_MEASURES), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_algorithms),
		cmocka_unit_test(test_compat),
		cmocka_unit_test(test_date_kinds),
		cmocka_unit_test(test_measures),
	};
	return cmocka_run_group_tests_name("enums", tests, NULL, NULL);
}
