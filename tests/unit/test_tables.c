/*
 * Unit tests: the tables built once per process from embedded data
 * (data.c px_data_sections and px_data_once_get, stopwords.c word sets,
 * agency.c), and that threads share them.
 */
#include <pthread.h>

#include "testutil.h"

#include "agency.h"
#include "data.h"
#include "stopwords.h"

/* ------------------------------------------------------------ sections */

struct seen {
	char out[512];
	size_t n;
};

static int record(const px_data_line *l, void *ctx)
{
	struct seen *s = ctx;
	s->n += (size_t)snprintf(s->out + s->n, sizeof s->out - s->n, "%zu:%zu:%.*s:%.*s;",
				 l->lineno, l->nth, (int)l->slen, l->section ? l->section : "",
				 (int)l->len, l->text);
	return strncmp(l->text, "stop", l->len) == 0 ? 7 : 0;
}

static void test_sections(void **state)
{
	(void)state;
	static const char text[] = "before\n| comment\n\n[one]\na b  \r\nc\n[two words=3]\nd\n";
	px_datafile f = { "mem", text, sizeof text - 1 };
	struct seen s = { "", 0 };
	assert_int_equal(px_data_sections(&f, record, &s), 0);
	/* Comments and blank lines are skipped; trailing blanks and CR dropped; nth counts per section. */
	assert_string_equal(s.out, "1:1::before;4:0:[one]:[one];5:1:[one]:a b;6:2:[one]:c;"
				   "7:0:[two words=3]:[two words=3];8:1:[two words=3]:d;");
	static const char stop[] = "[s]\nstop\nnever\n";
	px_datafile g = { "mem", stop, sizeof stop - 1 };
	s.n = 0;
	assert_int_equal(px_data_sections(&g, record, &s), 7); /* the callback's return stops the walk */
	assert_string_equal(s.out, "1:0:[s]:[s];2:1:[s]:stop;");
	assert_int_equal(px_data_sections(NULL, record, &s), 0);
}

/* ----------------------------------------------------------- once */

static int builds;

static int build_int(void **out, const void *arg)
{
	int *p = malloc(sizeof *p);
	if (!p)
		return PRECIS_ENOMEM;
	*p = *(const int *)arg;
	__atomic_add_fetch(&builds, 1, __ATOMIC_SEQ_CST);
	*out = p;
	return 0;
}

static int build_fail(void **out, const void *arg)
{
	(void)out;
	(void)arg;
	return PRECIS_ENOMEM;
}

static void test_once(void **state)
{
	(void)state;
	static px_data_once once;
	int v = 42, w = 7;
	void *a, *b;
	assert_int_equal(px_data_once_get(&a, &once, build_fail, free, &v), PRECIS_ENOMEM);
	assert_int_equal(px_data_once_get(&a, &once, build_int, free, &v), 0); /* retried */
	assert_int_equal(px_data_once_get(&b, &once, build_int, free, &w), 0);
	assert_ptr_equal(a, b);
	assert_int_equal(*(int *)b, 42); /* built once: the second arg is not used */
	assert_int_equal(builds, 1);
	free(a);
}

/* ----------------------------------------------------------- word sets */

/*
 * The shared sets read the lists exactly as px_stopwords_load does (the
 * parser sentence.c still uses): the same words, for every language.
 */
static void test_stop_sets_match_lists(void **state)
{
	(void)state;
	for (size_t li = 0; li < px_lang_count(); li++) {
		const px_wordset *set = px_stopwords((int)li);
		assert_non_null(set);
		px_strmap *m;
		assert_int_equal(px_stopwords_load(&m, (int)li), 0);
		assert_true(px_strmap_count(m) > 0);
		for (size_t k = 0; k < px_strmap_count(m); k++) {
			size_t n;
			const char *w = px_strmap_key(m, (int64_t)k, &n);
			if (px_wordset_langs(set, w, n) != 1u << li)
				fail_msg("%s: '%s' missing from the shared set", px_lang_at((int)li)->code,
					 w);
		}
		px_strmap_free(m);
		assert_ptr_equal(px_stopwords((int)li), set); /* built once */
	}
	assert_null(px_stopwords(-1));
	assert_null(px_stopwords((int)px_lang_count()));
	int fr = px_lang_index("fr"), en = px_lang_index("en");
	assert_true(px_wordset_langs(px_stopwords(fr), "les", 3) != 0);
	assert_int_equal(px_wordset_langs(px_stopwords(fr), "the", 3), 0);
	assert_int_equal(px_wordset_langs(px_stopwords(en), "", 0), 0);
}

/* Each language's stop list and profile are in the detection set with that language's bit. */
static void test_detect_set(void **state)
{
	(void)state;
	const px_wordset *set = px_detect_words();
	assert_non_null(set);
	size_t words = 0;
	for (size_t li = 0; li < px_lang_count(); li++) {
		px_strmap *m;
		assert_int_equal(px_detect_words_load(&m, (int)li), 0);
		for (size_t k = 0; k < px_strmap_count(m); k++, words++) {
			size_t n;
			const char *w = px_strmap_key(m, (int64_t)k, &n);
			if (!(px_wordset_langs(set, w, n) & 1u << li))
				fail_msg("%s: '%s' not in the detection set", px_lang_at((int)li)->code, w);
		}
		px_strmap_free(m);
	}
	assert_true(words > 10000);
	uint32_t both = px_wordset_langs(set, "de", 2);
	assert_true(both & 1u << px_lang_index("fr"));
	assert_true(both & 1u << px_lang_index("es"));
	assert_int_equal(px_wordset_langs(set, "zzzzqqq", 7), 0);
}

/* Scanning the lists for a text's words says what the detection set says of them. */
static void test_detect_scan(void **state)
{
	(void)state;
	static const char *const words[] = { "de", "the", "und", "les", "zzzzqqq", "и", "że",
					     "de", "aujourd'hui", "και", "abcdefghijklmnop", "a" };
	enum { N = sizeof words / sizeof words[0] };
	size_t len[N];
	for (size_t i = 0; i < N; i++)
		len[i] = strlen(words[i]);
	px_wordset *scan;
	assert_int_equal(px_detect_scan(&scan, words, len, N), 0);
	const px_wordset *set = px_detect_words();
	assert_ptr_equal(px_detect_words_built(), set);
	size_t known = 0;
	for (size_t i = 0; i < N; i++) {
		uint32_t want = px_wordset_langs(set, words[i], len[i]);
		if (px_wordset_langs(scan, words[i], len[i]) != want)
			fail_msg("'%s': scan 0x%x, set 0x%x", words[i],
				 px_wordset_langs(scan, words[i], len[i]), want);
		known += want != 0;
	}
	assert_true(known >= 6);
	assert_int_equal(px_wordset_langs(scan, "zzzzqqq", 7), 0);
	px_wordset_free(scan);
	assert_int_equal(px_detect_scan(&scan, words, len, 0), 0);
	assert_int_equal(px_wordset_langs(scan, "de", 2), 0);
	px_wordset_free(scan);
}

/* ------------------------------------------------------------ agencies */

static size_t match(const char *s, const char **canon, size_t *clen)
{
	px_token w[8];
	size_t n = 0;
	for (const char *p = s; *p && n < 8;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		w[n++] = (px_token){ (size_t)(p - s), (size_t)(p - s) + len, false };
		p += len + (e != NULL);
	}
	const px_agencies *t = px_agency_table();
	assert_non_null(t);
	return px_agency_match(t, s, w, n, canon, clen);
}

static void test_agency_match(void **state)
{
	(void)state;
	const char *c = NULL;
	size_t cl = 0;
	assert_int_equal(match("AFP", &c, &cl), 1);
	assert_int_equal(match("Agence France-Presse dit", &c, &cl), 2); /* the longest name */
	assert_int_equal(cl, 3);                                        /* named by its canonical line */
	assert_memory_equal(c, "AFP", 3);
	assert_int_equal(match("Associated Press", &c, &cl), 2);
	assert_int_equal(cl, 2);
	assert_memory_equal(c, "AP", 2);
	assert_int_equal(match("RIA Novosti", &c, &cl), 2);
	assert_int_equal(match("afp", &c, &cl), 0);    /* exact case */
	assert_int_equal(match("APPEL", &c, &cl), 0);  /* whole words */
	assert_int_equal(match("Agence", &c, &cl), 0); /* part of a name is none */
	assert_true(px_agencies_maxwords(px_agency_table()) >= 3);
	assert_true(px_agency_may_start(px_agency_table(), 'A'));
	assert_false(px_agency_may_start(px_agency_table(), 'q'));
}

/* ------------------------------------------------------------- threads */

struct race {
	const void *stop, *detect, *agencies;
	const char *lang;
	int ok;
};

static void *racer(void *p)
{
	struct race *r = p;
	r->stop = px_stopwords(px_lang_index("de"));
	r->detect = px_detect_words();
	r->agencies = px_agency_table();
	precis_analyzer *a;
	if (precis_analyzer_new(&a) == 0) {
		r->ok = precis_detect_language(&r->lang, a, "Der Hund und die Katze sind im Haus.", 36) == 0;
		precis_analyzer_free(a);
	}
	return NULL;
}

/* Threads that ask for the same table first at the same time all get the one kept. */
static void test_threads_share(void **state)
{
	(void)state;
	enum { T = 8 };
	pthread_t th[T];
	struct race r[T];
	memset(r, 0, sizeof r);
	for (int i = 0; i < T; i++)
		assert_int_equal(pthread_create(&th[i], NULL, racer, &r[i]), 0);
	for (int i = 0; i < T; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for (int i = 0; i < T; i++) {
		assert_true(r[i].ok);
		assert_string_equal(r[i].lang, "de");
		assert_non_null(r[i].stop);
		assert_ptr_equal(r[i].stop, r[0].stop);
		assert_ptr_equal(r[i].detect, r[0].detect);
		assert_ptr_equal(r[i].agencies, r[0].agencies);
	}
}

int main(void)
{
	/* The race test goes first: no table is built yet when its threads start. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_share),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_once),
		cmocka_unit_test(test_stop_sets_match_lists),
		cmocka_unit_test(test_detect_set),
		cmocka_unit_test(test_detect_scan),
		cmocka_unit_test(test_agency_match),
	};
	return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
