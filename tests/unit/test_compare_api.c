/*
 * Unit tests: story membership and card accessors of a comparison
 * (precis_comparison_story_articles and friends), on the seeds in
 * examples/ and on the folder of tests/data/journal: which articles form
 * which story, learned without rendering JSON.
 */

#include "testutil.h"

#define MAX_ARTICLES 16

typedef struct {
	char *text[MAX_ARTICLES];
	precis_article_input in[MAX_ARTICLES];
	size_t n;
	precis_comparison *c;
} set;

static void load(set *s, const char *dir, const char *const *names, size_t n)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		size_t len = 0;
		s->text[i] = tu_read_file(path, &len);
		if (!s->text[i])
			fail_msg("cannot read %s", path);
		/* ids are the base names, as the CLI gives them */
		s->in[i] = (precis_article_input){ names[i], s->text[i], len, NULL, NULL, NULL, NULL };
	}
	s->n = n;
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.threads = 1;
	assert_int_equal(precis_compare_new(&s->c, A, s->in, n, &o, NULL), 0);
	assert_int_equal(precis_comparison_article_count(s->c), n);
}

static void unload(set *s)
{
	precis_comparison_free(s->c);
	for (size_t i = 0; i < s->n; i++)
		free(s->text[i]);
}

/* The story holding article id, checked against article_story both ways. */
static size_t story_of(const set *s, const char *id)
{
	for (size_t j = 0; j < s->n; j++) {
		if (strcmp(precis_comparison_article_id(s->c, j), id) != 0)
			continue;
		int st = precis_comparison_article_story(s->c, j);
		assert_true(st >= 0 && (size_t)st < precis_comparison_story_count(s->c));
		size_t n;
		const size_t *v = precis_comparison_story_articles(s->c, (size_t)st, &n);
		bool found = false;
		for (size_t k = 0; k < n; k++)
			found |= v[k] == j;
		assert_true(found);
		return (size_t)st;
	}
	fail_msg("no article %s", id);
	return 0;
}

/* Every article in exactly one story; the stories' sizes add up. */
static void check_partition(const set *s)
{
	size_t total = 0;
	for (size_t i = 0; i < precis_comparison_story_count(s->c); i++) {
		size_t n;
		const size_t *v = precis_comparison_story_articles(s->c, i, &n);
		assert_true(n > 0);
		assert_non_null(precis_comparison_story_headline(s->c, i));
		for (size_t k = 0; k < n; k++) {
			assert_true(v[k] < s->n);
			assert_int_equal(precis_comparison_article_story(s->c, v[k]), (int)i);
		}
		total += n;
	}
	assert_int_equal(total, s->n);
	size_t n = 7;
	assert_null(precis_comparison_story_articles(s->c, precis_comparison_story_count(s->c), &n));
	assert_int_equal(n, 0);
	assert_null(precis_comparison_article_id(s->c, s->n));
	assert_int_equal(precis_comparison_article_story(s->c, s->n), -1);
}

/* Seeds: {000, 001, 002} one meeting, {003} and {004} two others. */
static void test_seed_stories(void **state)
{
	(void)state;
	static const char *const names[] = { "000_a218bc12d536e990.txt", "001_60c60c439b538c3c.txt",
					     "002_247d40d0ead6c7e3.txt", "003_0ed67731ac4c45f8.txt",
					     "004_67d2f7bd1d453721.txt" };
	set s;
	load(&s, "examples", names, 5);
	assert_int_equal(precis_comparison_story_count(s.c), 3);
	check_partition(&s);
	size_t a = story_of(&s, names[0]);
	assert_int_equal(story_of(&s, names[1]), a);
	assert_int_equal(story_of(&s, names[2]), a);
	size_t b = story_of(&s, names[3]), c = story_of(&s, names[4]);
	assert_true(b != a && c != a && b != c);
	size_t n;
	precis_comparison_story_articles(s.c, a, &n);
	assert_int_equal(n, 3);
	unload(&s);
}

/*
 * The journal folder: eight articles, three events, French and English,
 * with only datelines and bylines to say who and when.
 */
static void test_journal_folder(void **state)
{
	(void)state;
	static const char *const names[] = {
		"apple-figaro.txt",	  "apple-lemonde.txt",	       "apple-reuters.txt",
		"notredame-bbc.txt",	  "notredame-france24.txt",    "notredame-ouestfrance.txt",
		"taiwan-ap.txt",	  "taiwan-liberation.txt",
	};
	static const char *const outlets[] = { "Le Figaro", "Le Monde",	    "Reuters",
					       "BBC",	    "France 24",    "Ouest-France",
					       "AP",	    "Libération" };
	set s;
	load(&s, "tests/data/journal", names, 8);
	assert_int_equal(precis_comparison_story_count(s.c), 3);
	check_partition(&s);
	size_t apple = story_of(&s, "apple-figaro.txt"), nd = story_of(&s, "notredame-bbc.txt"),
	       tw = story_of(&s, "taiwan-ap.txt");
	assert_true(apple != nd && nd != tw && apple != tw);
	assert_int_equal(story_of(&s, "apple-lemonde.txt"), apple);
	assert_int_equal(story_of(&s, "apple-reuters.txt"), apple);
	assert_int_equal(story_of(&s, "notredame-france24.txt"), nd);
	assert_int_equal(story_of(&s, "notredame-ouestfrance.txt"), nd);
	assert_int_equal(story_of(&s, "taiwan-liberation.txt"), tw);
	for (size_t j = 0; j < s.n; j++) {
		assert_string_equal(precis_comparison_article_id(s.c, j), names[j]);
		const char *o = precis_comparison_article_outlet(s.c, j);
		assert_non_null(o);
		assert_string_equal(o, outlets[j]);
		const char *h = precis_comparison_article_headline(s.c, j);
		assert_non_null(h);
		assert_true(strncmp(h, "Publi", 5) != 0 && strncmp(h, "Par ", 4) != 0 &&
			    strncmp(h, "By ", 3) != 0);
		assert_null(precis_comparison_article_date(s.c, j)); /* none given */
	}
	/* Dates from the datelines and published lines, not from later mentions. */
	const char *d = precis_comparison_story_date(s.c, apple);
	assert_non_null(d);
	assert_string_equal(d, "2024-03-04");
	assert_string_equal(precis_comparison_article_event_date(s.c, 1), "2024-03-04");
	assert_string_equal(precis_comparison_story_date(s.c, nd), "2024-12-07");
	assert_string_equal(precis_comparison_story_date(s.c, tw), "2024-04-03");
	unload(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_stories),
		cmocka_unit_test(test_journal_folder),
	};
	return cmocka_run_group_tests_name("compare_api", tests, tu_setup, tu_teardown);
}
