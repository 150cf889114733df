/* Unit tests: budgeted selection (knapsack fill, furniture), sentence features. */
#include "testutil.h"

#include <math.h>

#include "doc.h"
#include "feature.h"
#include "furniture.h"
#include "select.h"
#include "vectorize.h"

/* Four sentences with disjoint vocabularies (every cosine is 0). */
static px_vec ROWS[4];
static const px_vectors V = { ROWS, 4, { NULL, NULL, 0 }, 0, NULL, NULL };
static const double SCORES[4] = { 1.0, 0.9, 0.85, 0.1 };
static const size_t WORDS[4] = { 30, 20, 20, 50 };
static const size_t CHARS[4] = { 180, 120, 120, 300 };
static const bool COMPLETE[4] = { true, true, true, true };

static px_select_options options(void)
{
	px_select_options o = { 0, 40, 0, false, 0.7, 0.8, 4, NULL };
	return o;
}

static size_t words_of(const size_t *picked, size_t n)
{
	size_t w = 0;
	for (size_t k = 0; k < n; k++)
		w += WORDS[picked[k]];
	return w;
}

static void test_budget_filled(void **state)
{
	(void)state;
	/* Best first would take sentence 0 (30 words) and nothing else fits. */
	size_t picked[4], n;
	px_select_options o = options();
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	assert_int_equal(n, 2);
	assert_int_equal(words_of(picked, n), 40);
	assert_int_equal(picked[0], 1); /* by score */
	assert_int_equal(picked[1], 2);
}

static void test_budget_chars(void **state)
{
	(void)state;
	size_t picked[4], n;
	px_select_options o = options();
	o.max_words = 0;
	o.max_chars = 240;
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	assert_int_equal(n, 2);
	assert_int_equal(picked[0] + picked[1], 3);
}

static void test_truncate_takes_best_first(void **state)
{
	(void)state;
	/* With --truncate the last pick is cut: the best sentence comes first. */
	size_t picked[4], n;
	px_select_options o = options();
	o.truncate = true;
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	assert_int_equal(picked[0], 0);
	assert_int_equal(n, 2);
}

static void test_furniture_skipped(void **state)
{
	(void)state;
	size_t picked[4], n;
	bool skip[4] = { false, true, false, false };
	px_select_options o = options();
	o.skip = skip;
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	for (size_t k = 0; k < n; k++)
		assert_int_not_equal(picked[k], 1);
	o.max_words = 0;
	o.max_sentences = 3;
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	assert_int_equal(n, 3);
	for (size_t k = 0; k < n; k++)
		assert_int_not_equal(picked[k], 1);
}

static void test_nothing_fits(void **state)
{
	(void)state;
	/* No sentence fits 10 words: the best one is given whole. */
	size_t picked[4], n;
	px_select_options o = options();
	o.max_words = 10;
	assert_int_equal(px_select(picked, &n, SCORES, &V, WORDS, CHARS, COMPLETE, 4, &o), 0);
	assert_int_equal(n, 1);
	assert_int_equal(picked[0], 0);
}

static precis_doc *make_doc(const char *text)
{
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = "en";
	o.clean = false;
	precis_doc *d = NULL;
	assert_int_equal(precis_doc_new(&d, A, text, strlen(text), &o, NULL), 0);
	return d;
}

static void test_furniture_sentences(void **state)
{
	(void)state;
	precis_doc *d = make_doc("By . Daily Mail Reporter . PUBLISHED: . 12:30 EST, 1 January "
				 "2014 . The council cut the library budget on Tuesday. Scroll "
				 "down for video . Click here to read the report . The mayor "
				 "said two branches would close.");
	size_t n = d->nsents;
	bool *f = malloc(n * sizeof *f);
	assert_non_null(f);
	assert_int_equal(px_furniture_mark(f, d), 0);
	size_t body = 0;
	for (size_t i = 0; i < n; i++) {
		const char *s = d->text + d->sents[i].start;
		bool want = !(strncmp(s, "The council", 11) == 0 || strncmp(s, "The mayor", 9) == 0);
		assert_int_equal(f[i], want);
		body += !f[i];
	}
	assert_int_equal(body, 2);
	free(f);
	precis_doc_free(d);
}

static void test_caption_does_not_glue(void **state)
{
	(void)state;
	/* A line without a final stop (a caption) stays a unit of its own, marked open. */
	precis_doc *d = make_doc("Firefighters at the flooded house on Elm Street\n"
				 "The storm cut power to thousands of homes on Monday.\n"
				 "Officials said repairs would take a week.");
	assert_int_equal(d->nsents, 3);
	assert_false(d->complete[0]);
	assert_true(d->complete[1]);
	assert_memory_equal(d->text + d->sents[1].start, "The storm", 9);
	precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
	o.sentences = 1;
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_not_equal(precis_summary_picks(s)[0].index, 0);
	precis_summary_free(s);
	precis_doc_free(d);
}

static void test_dateline(void **state)
{
	(void)state;
	const char *a = "WASHINGTON (CNN) -- The Senate voted.";
	assert_string_equal(a + px_furniture_dateline(a, strlen(a)), "The Senate voted.");
	const char *b = "(CNN)Share, and your gift will be multiplied.";
	assert_string_equal(b + px_furniture_dateline(b, strlen(b)), "Share, and your gift will be multiplied.");
	const char *c = "Atlanta, Georgia (CNN) \xE2\x80\x94 Storms hit.";
	assert_string_equal(c + px_furniture_dateline(c, strlen(c)), "Storms hit.");
	/* an aside in parentheses is not a dateline */
	const char *e = "The mayor (a Democrat) said no.";
	assert_int_equal(px_furniture_dateline(e, strlen(e)), 0);
	const char *g = "The Senate (CNN) voted.";
	assert_int_equal(px_furniture_dateline(g, strlen(g)), 0);
}

static void test_directed_centrality(void **state)
{
	(void)state;
	/* Sentence 0 shares words with the later ones only; 2 with the earlier ones only. */
	precis_doc *d = make_doc("Rates rose sharply at the central bank. "
				 "The central bank said rates rose because prices rose. "
				 "Prices rose in shops across the country.");
	px_vectors v;
	assert_int_equal(px_tfidf_build(&v, d, NULL), 0);
	double f[3 * PX_NFEAT];
	px_rank_options ro = { 0.85, 1e-8, 200, 0.0, false, 0, 0, NULL, NULL, NULL };
	assert_int_equal(px_features(f, d, &v, &ro), 0);
	assert_true(f[0 * PX_NFEAT + PX_F_FORWARD] > 0.0);
	assert_true(f[0 * PX_NFEAT + PX_F_BACKWARD] == 0.0);
	assert_true(f[2 * PX_NFEAT + PX_F_FORWARD] == 0.0);
	assert_true(f[2 * PX_NFEAT + PX_F_BACKWARD] > 0.0);
	assert_true(f[1 * PX_NFEAT + PX_F_PAGERANK] == 1.0); /* the hub */
	assert_true(f[0 * PX_NFEAT + PX_F_FIRST] == 1.0 && f[1 * PX_NFEAT + PX_F_FIRST] == 0.0);
	assert_true(f[1 * PX_NFEAT + PX_F_NUMBER] == 0.0);
	double w[PX_NFEAT];
	px_model_weights(w, "en", 1.0, 1.0);
	double p = px_model_score(f, w);
	assert_true(p > 0.0 && p < 1.0);
	/* a zero position scale removes the position terms */
	double w0[PX_NFEAT];
	px_model_weights(w0, "en", 0.0, 1.0);
	assert_true(w0[PX_F_LEAD] == 0.0 && w[PX_F_LEAD] != 0.0);
	px_vectors_free(&v);
	precis_doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_budget_filled),
		cmocka_unit_test(test_budget_chars),
		cmocka_unit_test(test_truncate_takes_best_first),
		cmocka_unit_test(test_furniture_skipped),
		cmocka_unit_test(test_nothing_fits),
		cmocka_unit_test(test_furniture_sentences),
		cmocka_unit_test(test_caption_does_not_glue),
		cmocka_unit_test(test_dateline),
		cmocka_unit_test(test_directed_centrality),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
