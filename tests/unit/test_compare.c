/* Unit tests: story grouping and the per-story analyses (compare.c). */
#include "testutil.h"

#include "compare.h"

static precis_article_input art(const char *id, const char *text, const char *date)
{
	precis_article_input a = { id, text, strlen(text), NULL, NULL, date, NULL };
	return a;
}

static size_t story_of(const precis_comparison *c, const char *id)
{
	for (size_t i = 0; i < c->narticles; i++)
		if (strcmp(c->articles[i].id, id) == 0)
			return (size_t)c->articles[i].story;
	fail_msg("no article %s", id);
	return 0;
}

static void test_identical_text(void **state)
{
	(void)state;
	const char *t = "Le conseil municipal de Lyon a voté jeudi la gratuité des transports pour les "
			"moins de vingt-cinq ans. La mesure coûtera deux millions d'euros par an. "
			"L'opposition dénonce une dépense électoraliste à un an du scrutin municipal.";
	precis_article_input in[2] = { art("a", t, "2024-03-07"), art("b", t, "2024-03-07") };
	in[0].outlet = "Le Progrès";
	in[1].outlet = "Lyon Mag";
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_int_equal(c->nreuse, 1);
	assert_true(c->reuse[0].share_a > 0.95 && c->reuse[0].share_b > 0.95);
	/* Every fact is shared, none is unique. */
	assert_true(c->stories[0].nshared >= 2);
	assert_int_equal(c->articles[0].nunique, 0);
	assert_string_equal(c->articles[0].outlet, "Le Progrès");
	precis_comparison_free(c);
}

static void test_single_article_no_date(void **state)
{
	(void)state;
	const char *t = "The regional council approved a new bus line on Monday evening. Residents of "
			"the northern districts had asked for it for years. Construction starts in spring.";
	precis_article_input in[1] = { art("solo", t, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_int_equal(c->nstories, 1);
	assert_int_equal(c->stories[0].narticles, 1);
	assert_null(c->articles[0].event_date);
	assert_int_equal(c->nreuse, 0);
	assert_true(c->stories[0].nconsensus >= 1);
	/* All three renderers accept it. */
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	assert_int_equal(precis_report_md(c, fp), 0);
	assert_int_equal(precis_report_html(c, fp), 0);
	assert_int_equal(precis_report_json(c, fp), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "\"stories\""));
	assert_non_null(strstr(buf, "<svg"));
	free(buf);
	precis_comparison_free(c);
}

/* Five events, four outlets each, written from one template with different facts. */
static void test_twenty_articles_five_events(void **state)
{
	(void)state;
	static const struct {
		const char *who, *where, *what, *date;
	} ev[5] = {
		{ "Angela Merkel", "Berlin", "a coalition agreement on energy prices", "2022-01-10" },
		{ "Pedro Sánchez", "Madrid", "a housing plan for young tenants", "2022-03-21" },
		{ "Mario Draghi", "Rome", "a reform of the judicial system", "2022-05-02" },
		{ "Justin Trudeau", "Ottawa", "a ban on assault-style firearms", "2022-07-18" },
		{ "Jacinda Ardern", "Wellington", "new climate targets for farming", "2022-10-03" },
	};
	static const char *const outlets[4] = { "Outlet A", "Outlet B", "Outlet C", "Outlet D" };
	static const char *const tmpl[4] = {
		"%s announced %s in %s on Monday. Opposition leaders in %s criticised %s. The plan will be debated next month.",
		"In %s, %s presented %s to reporters. Critics said the measure came too late. %s defended %s as necessary.",
		"%s unveiled %s during a press conference in %s. Unions welcomed the move. Business groups in %s asked for details of %s.",
		"Speaking in %s, %s promised %s. Polls show strong public support. Analysts in %s expect %s to pass."
	};
	precis_article_input in[20];
	char texts[20][512], ids[20][32];
	for (int e = 0; e < 5; e++)
		for (int o = 0; o < 4; o++) {
			int k = e * 4 + o;
			const char *a1 = o == 1 || o == 3 ? ev[e].where : ev[e].who;
			const char *a2 = o == 1 || o == 3 ? ev[e].who : ev[e].what;
			const char *a3 = o == 1 || o == 3 ? ev[e].what : ev[e].where;
			snprintf(texts[k], sizeof texts[k], tmpl[o], a1, a2, a3,
				 o == 1 ? ev[e].who : ev[e].where, ev[e].what);
			snprintf(ids[k], sizeof ids[k], "e%d-%d", e, o);
			in[k] = art(ids[k], texts[k], ev[e].date);
			in[k].outlet = outlets[o];
		}
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 20, NULL, NULL), 0);
	assert_int_equal(c->nstories, 5);
	for (int e = 0; e < 5; e++)
		for (int o = 1; o < 4; o++) {
			char a[32], b[32];
			snprintf(a, sizeof a, "e%d-0", e);
			snprintf(b, sizeof b, "e%d-%d", e, o);
			assert_int_equal(story_of(c, a), story_of(c, b));
		}
	assert_true(story_of(c, "e0-0") != story_of(c, "e1-0"));
	precis_comparison_free(c);
}

static void test_same_leaders_different_years(void **state)
{
	(void)state;
	/* Near miss: the same two leaders, the same city, two summits a year apart. */
	precis_article_input in[4] = {
		art("s1a", "Joe Biden met Xi Jinping in Bali on Monday for three hours of talks. The two leaders discussed Taiwan and trade.", "2022-11-14"),
		art("s1b", "Xi Jinping and Joe Biden held talks in Bali on Monday. They agreed to resume climate cooperation.", "2022-11-14"),
		art("s2a", "Joe Biden met Xi Jinping near San Francisco on Wednesday for four hours of talks. The two leaders discussed Taiwan and fentanyl.", "2023-11-15"),
		art("s2b", "Xi Jinping and Joe Biden held talks near San Francisco on Wednesday. They agreed to restore military communication.", "2023-11-15"),
	};
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	o.explain = true;
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, &o, NULL), 0);
	assert_int_equal(story_of(c, "s1a"), story_of(c, "s1b"));
	assert_int_equal(story_of(c, "s2a"), story_of(c, "s2b"));
	assert_true(story_of(c, "s1a") != story_of(c, "s2a"));
	assert_true(c->ndecisions > 0);
	precis_comparison_free(c);
}

static void test_bad_article_left_out(void **state)
{
	(void)state;
	precis_article_input in[2] = {
		art("good", "A perfectly fine article about the harbour works. They will finish in May.", NULL),
		{ "bad", "Broken \xC3\x28 text here.", 17, NULL, NULL, NULL, NULL },
	};
	precis_comparison *c;
	precis_error err = { 0 };
	assert_int_equal(precis_compare_new(&c, A, in, 2, NULL, &err), 0);
	assert_int_equal(c->narticles, 1);
	assert_int_equal(err.code, PRECIS_EUTF8);
	assert_non_null(strstr(err.message, "bad"));
	precis_comparison_free(c);
	assert_int_equal(precis_compare_new(&c, A, in + 1, 1, NULL, &err), PRECIS_EUTF8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_text),
		cmocka_unit_test(test_single_article_no_date),
		cmocka_unit_test(test_twenty_articles_five_events),
		cmocka_unit_test(test_same_leaders_different_years),
		cmocka_unit_test(test_bad_article_left_out),
	};
	return cmocka_run_group_tests_name("compare", tests, tu_setup, tu_teardown);
}
