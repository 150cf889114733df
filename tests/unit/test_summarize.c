/* Unit tests: documents, vectors, ranking, selection, summaries, IDF tables. */
#include "testutil.h"

#include <math.h>

#include "doc.h"
#include "rank.h"
#include "select.h"
#include "vectorize.h"

static precis_doc *make_doc(const char *text, const char *lang)
{
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = lang;
	o.clean = false;
	precis_doc *d = NULL;
	precis_error err;
	assert_int_equal(precis_doc_new(&d, A, text, strlen(text), &o, &err), 0);
	return d;
}

static const char *NEWS =
	"The central bank raised interest rates by half a point on Tuesday. "
	"Markets fell sharply after the central bank announced the rate rise. "
	"The bank said inflation remained far above its target. "
	"A local football club won its third match in a row. "
	"Analysts expect the central bank to raise rates again next month. "
	"The weather was mild for the season.";

static void test_doc_sentences(void **state)
{
	(void)state;
	precis_doc *d = make_doc(NEWS, "en");
	assert_int_equal(precis_doc_sentence_count(d), 6);
	size_t len;
	const char *t = precis_doc_text(d, &len);
	assert_int_equal(len, strlen(NEWS));
	precis_span s = precis_doc_sentence(d, 1);
	assert_memory_equal(t + s.start, "Markets fell", 12);
	assert_int_equal(t[s.end - 1], '.');
	assert_int_equal(precis_doc_sentence_words(d, 0), 12);
	assert_string_equal(precis_doc_language(d), "en");
	precis_doc_free(d);
}

static void test_doc_errors(void **state)
{
	(void)state;
	precis_doc *d = NULL;
	precis_error err;
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	const char bad[] = "Line one.\nLine \xC3\x28 two.";
	assert_int_equal(precis_doc_new(&d, A, bad, sizeof bad - 1, &o, &err), PRECIS_EUTF8);
	assert_null(d);
	assert_int_equal(err.offset, 15);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 6);
	o.lossy = true;
	assert_int_equal(precis_doc_new(&d, A, bad, sizeof bad - 1, &o, &err), 0);
	precis_doc_free(d);
	o.lossy = false;
	o.max_bytes = 4;
	assert_int_equal(precis_doc_new(&d, A, NEWS, strlen(NEWS), &o, &err), PRECIS_ETOOBIG);
	o.max_bytes = 0;
	o.lang = "xx";
	assert_int_equal(precis_doc_new(&d, A, NEWS, strlen(NEWS), &o, &err), PRECIS_ELANG);
	/* Empty input is a document without sentences, not an error. */
	o.lang = NULL;
	assert_int_equal(precis_doc_new(&d, A, "", 0, &o, &err), 0);
	assert_int_equal(precis_doc_sentence_count(d), 0);
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, NULL), 0);
	assert_int_equal(precis_summary_count(s), 0);
	precis_summary_free(s);
	precis_doc_free(d);
	/* An options struct from another version of the header is refused. */
	o.version = PRECIS_DOC_OPTIONS_VERSION + 1;
	d = NULL;
	assert_int_equal(precis_doc_new(&d, A, NEWS, strlen(NEWS), &o, &err), PRECIS_EINVAL);
	assert_null(d);
}

/* precis_summary_new is precis_summarize under its *_new name. */
static void test_summary_new_alias(void **state)
{
	(void)state;
	precis_doc *d = NULL;
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	assert_int_equal(precis_doc_new(&d, A, NEWS, strlen(NEWS), &o, NULL), 0);
	precis_summary *a = NULL, *b = NULL;
	assert_int_equal(precis_summary_new(&a, d, NULL), 0);
	assert_int_equal(precis_summarize(&b, d, NULL), 0);
	assert_true(precis_summary_count(a) > 0);
	assert_int_equal(precis_summary_count(a), precis_summary_count(b));
	for (size_t i = 0; i < precis_summary_count(a); i++)
		assert_int_equal(precis_summary_picks(a)[i].index, precis_summary_picks(b)[i].index);
	precis_summary_free(a);
	precis_summary_free(b);
	precis_doc_free(d);
}

static void test_vectors(void **state)
{
	(void)state;
	precis_doc *d = make_doc(NEWS, "en");
	px_vectors v;
	assert_int_equal(px_tfidf_build(&v, d, NULL), 0);
	for (size_t i = 0; i < v.n; i++)
		assert_true(fabs(px_vec_dot(&v.rows[i], &v.rows[i]) - 1.0) < 1e-9);
	/* Sentences about the bank are closer to each other than to football. */
	double bank = px_vec_dot(&v.rows[0], &v.rows[4]);
	double sport = px_vec_dot(&v.rows[0], &v.rows[3]);
	assert_true(bank > 0.2);
	assert_true(sport < bank);
	px_vectors_free(&v);
	precis_doc_free(d);
}

static void test_pagerank(void **state)
{
	(void)state;
	precis_doc *d = make_doc(NEWS, "en");
	px_vectors v;
	assert_int_equal(px_tfidf_build(&v, d, NULL), 0);
	double scores[6];
	px_rank_options ro = { 0.85, 1e-10, 1000, 0.0, false, 0, 0, NULL, NULL, NULL };
	assert_int_equal(px_rank_graph(scores, &v, &ro), 0);
	double sum = 0;
	for (int i = 0; i < 6; i++)
		sum += scores[i];
	assert_true(fabs(sum - 1.0) < 1e-9);
	/* The weather sentence shares nothing: it only gets teleport mass. */
	for (int i = 0; i < 5; i++)
		assert_true(scores[5] <= scores[i] || i == 3);
	assert_true(scores[0] > scores[3]);
	/* A prior concentrated on one node raises it. */
	double prior[6] = { 0, 0, 0, 1, 0, 0 }, biased[6];
	ro.prior = prior;
	assert_int_equal(px_rank_graph(biased, &v, &ro), 0);
	assert_true(biased[3] > scores[3]);
	px_vectors_free(&v);
	precis_doc_free(d);
}

static void test_pagerank_neighbor_cap(void **state)
{
	(void)state;
	/* Capping neighbours still gives a distribution. */
	precis_doc *d = make_doc(NEWS, "en");
	px_vectors v;
	assert_int_equal(px_tfidf_build(&v, d, NULL), 0);
	double scores[6];
	px_rank_options ro = { 0.85, 1e-10, 1000, 0.0, true, 1, 0, NULL, NULL, NULL };
	assert_int_equal(px_rank_graph(scores, &v, &ro), 0);
	double sum = 0;
	for (int i = 0; i < 6; i++) {
		assert_true(scores[i] > 0);
		sum += scores[i];
	}
	assert_true(fabs(sum - 1.0) < 1e-9);
	px_vectors_free(&v);
	precis_doc_free(d);
}

static void test_mmr_duplicates(void **state)
{
	(void)state;
	const char *text = "The president waved at the crowd from the palace balcony today. "
			   "The president waved at the crowd from the palace balcony today. "
			   "Parliament passed the budget after a long night of debate. "
			   "The opposition promised to challenge the budget in court.";
	precis_doc *d = make_doc(text, "en");
	precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
	o.algorithm = PRECIS_ALG_LEAD; /* lead would take both copies without MMR */
	o.redundancy = 1.0;
	o.sentences = 2;
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_equal(precis_summary_count(s), 2);
	assert_int_equal(precis_summary_picks(s)[0].index, 0);
	assert_int_equal(precis_summary_picks(s)[1].index, 2);
	precis_summary_free(s);
	precis_doc_free(d);
}

static void test_budgets(void **state)
{
	(void)state;
	precis_doc *d = make_doc(NEWS, "en");
	precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
	precis_summary *s;
	o.sentences = 0;
	o.words = 20;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	size_t words = 0;
	for (size_t k = 0; k < precis_summary_count(s); k++)
		words += precis_doc_sentence_words(d, precis_summary_picks(s)[k].index);
	assert_true(words <= 20);
	assert_true(precis_summary_count(s) >= 1);
	precis_summary_free(s);

	/* --truncate cuts the last sentence at exactly the budget. */
	o.algorithm = PRECIS_ALG_LEAD;
	o.words = 15;
	o.truncate = true;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_equal(precis_summary_count(s), 2);
	precis_span last = precis_summary_picks(s)[1].span;
	const char *t = precis_doc_text(d, NULL);
	assert_memory_equal(t + last.start, "Markets fell sharply", last.end - last.start);
	assert_int_equal(last.end - last.start, strlen("Markets fell sharply"));
	precis_summary_free(s);

	o.truncate = false;
	o.words = 0;
	o.chars = 70;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_equal(precis_summary_count(s), 1);
	precis_summary_free(s);

	o.chars = 0;
	o.ratio = 50.0;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_equal(precis_summary_count(s), 3);
	precis_summary_free(s);
	precis_doc_free(d);
}

static void test_algorithms_and_order(void **state)
{
	(void)state;
	precis_doc *d = make_doc(NEWS, "en");
	precis_algorithm algs[] = { PRECIS_ALG_DEFAULT, PRECIS_ALG_TEXTRANK, PRECIS_ALG_LEXRANK,
				    PRECIS_ALG_CENTROID, PRECIS_ALG_LEAD, PRECIS_ALG_RANDOM };
	for (size_t a = 0; a < sizeof algs / sizeof algs[0]; a++) {
		precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
		o.algorithm = algs[a];
		o.sentences = 2;
		precis_summary *s1, *s2;
		assert_int_equal(precis_summarize(&s1, d, &o), 0);
		assert_int_equal(precis_summarize(&s2, d, &o), 0);
		assert_int_equal(precis_summary_count(s1), 2);
		/* Deterministic, and in document order by default. */
		assert_memory_equal(precis_summary_picks(s1), precis_summary_picks(s2),
				    2 * sizeof(precis_pick));
		assert_true(precis_summary_picks(s1)[0].index < precis_summary_picks(s1)[1].index);
		/* No sentence about football or the weather in a bank story. */
		if (algs[a] != PRECIS_ALG_RANDOM && algs[a] != PRECIS_ALG_LEAD)
			for (int k = 0; k < 2; k++)
				assert_true(precis_summary_picks(s1)[k].index != 3 &&
					    precis_summary_picks(s1)[k].index != 5);
		precis_summary_free(s1);
		precis_summary_free(s2);
	}
	precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
	o.order = PRECIS_ORDER_RANK;
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	const precis_pick *p = precis_summary_picks(s);
	for (size_t k = 1; k < precis_summary_count(s); k++)
		assert_true(p[k - 1].score >= p[k].score || o.redundancy < 1.0);
	precis_summary_free(s);
	o.damping = 1.5;
	assert_int_equal(precis_summarize(&s, d, &o), PRECIS_EINVAL);
	precis_doc_free(d);
}

static void test_title_bias(void **state)
{
	(void)state;
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = "en";
	dopt.clean = false;
	dopt.title = "Local football club wins third match";
	precis_doc *d;
	assert_int_equal(precis_doc_new(&d, A, NEWS, strlen(NEWS), &dopt, NULL), 0);
	precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
	o.sentences = 1;
	o.title_bias = 1.0;
	o.position_bias = 0.0;
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, &o), 0);
	assert_int_equal(precis_summary_picks(s)[0].index, 3);
	precis_summary_free(s);
	precis_doc_free(d);
}

static void test_idf_merge_roundtrip(void **state)
{
	(void)state;
	const char *docs[] = { "Kim met Putin in Vladivostok.", "Putin visited Pyongyang.",
			       "The court ruled on Monday.", "Kim and Putin signed a pact." };
	precis_idf *all, *p1, *p2;
	assert_int_equal(precis_idf_new(&all), 0);
	assert_int_equal(precis_idf_new(&p1), 0);
	assert_int_equal(precis_idf_new(&p2), 0);
	for (int i = 0; i < 4; i++) {
		precis_doc *d = make_doc(docs[i], "en");
		assert_int_equal(precis_idf_add(all, d), 0);
		assert_int_equal(precis_idf_add(i < 2 ? p1 : p2, d), 0);
		precis_doc_free(d);
	}
	assert_int_equal(precis_idf_merge(p1, p2), 0);
	char *a = NULL, *b = NULL;
	size_t al, bl;
	FILE *fa = open_memstream(&a, &al), *fb = open_memstream(&b, &bl);
	assert_int_equal(precis_idf_write(all, fa), 0);
	assert_int_equal(precis_idf_write(p1, fb), 0);
	fclose(fa);
	fclose(fb);
	assert_int_equal(al, bl);
	assert_memory_equal(a, b, al);
	assert_non_null(strstr(a, "putin\t3\n"));
	assert_int_equal(strncmp(a, "precis-idf\t1\t4\n", 15), 0);
	/* Read back, write again: identical bytes. */
	FILE *in = fmemopen(a, al, "r");
	precis_idf *back;
	assert_int_equal(precis_idf_read(&back, in, NULL), 0);
	fclose(in);
	assert_int_equal(precis_idf_documents(back), 4);
	char *c = NULL;
	size_t cl;
	FILE *fc = open_memstream(&c, &cl);
	precis_idf_write(back, fc);
	fclose(fc);
	assert_int_equal(cl, al);
	assert_memory_equal(a, c, al);
	free(a);
	free(b);
	free(c);
	precis_idf_free(all);
	precis_idf_free(p1);
	precis_idf_free(p2);
	precis_idf_free(back);
}

static void test_idf_malformed(void **state)
{
	(void)state;
	const char *bad[] = { "", "not an idf\n", "precis-idf\t1\t3\nword\n",
			      "precis-idf\t1\t3\nword\tx9\n", "precis-idf\t2\t3\n" };
	size_t lines[] = { 0, 0, 2, 2, 0 };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		FILE *in = fmemopen((void *)bad[i], strlen(bad[i]) + (bad[i][0] ? 0 : 1), "r");
		precis_idf *idf = NULL;
		precis_error err = { 0 };
		assert_int_equal(precis_idf_read(&idf, in, &err), PRECIS_EFORMAT);
		assert_null(idf);
		if (lines[i])
			assert_non_null(strstr(err.message, "line 2"));
		fclose(in);
	}
}

static void test_corpus_idf_changes_weights(void **state)
{
	(void)state;
	/* With a corpus where "bank" is everywhere, bank sentences lose weight. */
	precis_idf *idf;
	assert_int_equal(precis_idf_new(&idf), 0);
	for (int i = 0; i < 50; i++) {
		precis_doc *c = make_doc("The central bank and rates.", "en");
		precis_idf_add(idf, c);
		precis_doc_free(c);
	}
	precis_doc *d = make_doc(NEWS, "en");
	px_vectors own, corpus;
	assert_int_equal(px_tfidf_build(&own, d, NULL), 0);
	assert_int_equal(px_tfidf_build(&corpus, d, idf), 0);
	assert_true(px_vec_dot(&corpus.rows[0], &corpus.rows[4]) <
		    px_vec_dot(&own.rows[0], &own.rows[4]));
	px_vectors_free(&own);
	px_vectors_free(&corpus);
	precis_doc_free(d);
	precis_idf_free(idf);
}

static void test_large_document_sparse(void **state)
{
	(void)state;
	/* 5,000 sentences: exercises the neighbour cap path; must stay sane. */
	size_t cap = 5000 * 64, n = 0;
	char *text = malloc(cap);
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(text + n, cap - n, "Topic%d meets topic%d and word%d. ", i % 97,
				      (i * 7) % 89, i % 13);
	precis_doc *d = make_doc(text, "en");
	assert_int_equal(precis_doc_sentence_count(d), 5000);
	precis_summary *s;
	assert_int_equal(precis_summarize(&s, d, NULL), 0);
	assert_int_equal(precis_summary_count(s), 3);
	size_t ns;
	const double *sc = precis_summary_scores(s, &ns);
	assert_int_equal(ns, 5000);
	for (size_t i = 0; i < ns; i++)
		assert_true(isfinite(sc[i]) && sc[i] >= 0);
	precis_summary_free(s);
	precis_doc_free(d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc_sentences),
		cmocka_unit_test(test_doc_errors),
		cmocka_unit_test(test_summary_new_alias),
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_pagerank),
		cmocka_unit_test(test_pagerank_neighbor_cap),
		cmocka_unit_test(test_mmr_duplicates),
		cmocka_unit_test(test_budgets),
		cmocka_unit_test(test_algorithms_and_order),
		cmocka_unit_test(test_title_bias),
		cmocka_unit_test(test_idf_merge_roundtrip),
		cmocka_unit_test(test_idf_malformed),
		cmocka_unit_test(test_corpus_idf_changes_weights),
		cmocka_unit_test(test_large_document_sparse),
	};
	return cmocka_run_group_tests_name("summarize", tests, tu_setup, tu_teardown);
}
