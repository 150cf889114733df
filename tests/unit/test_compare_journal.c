/*
 * Unit tests: what a reader of a comparison must be able to trust (issue
 * 16): the event date from the dateline before later mentions, record
 * dates that are not ISO 8601, facts matched across languages, distinctive
 * wording within a language, entity types and dateline places.
 */
#include "testutil.h"

#include "compare.h"

static precis_article_input art(const char *id, const char *text, const char *date)
{
	precis_article_input a = { id, text, strlen(text), NULL, NULL, date, NULL };
	return a;
}

static const char *REUTERS =
	"EU fines Apple 1.8 billion euros over music streaming\n\n"
	"By Foo Yun Chee, Reuters\n"
	"BRUSSELS, March 4 (Reuters) - EU antitrust regulators fined Apple 1.8 billion euros on "
	"Monday for preventing music streaming rivals such as Spotify from telling users about "
	"cheaper options outside the App Store.\n"
	"The European Commission said Apple had abused its dominant position for a decade.\n"
	"Apple said it would appeal the decision in court.\n"
	"New rules under the Digital Markets Act take effect on March 7.\n";

/* The dateline's day, not the day a law takes effect named in the last sentence. */
static void test_event_date_from_dateline(void **state)
{
	(void)state;
	precis_article_input in[1] = { art("reuters", REUTERS, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_string_equal(c->articles[0].event_date, "--03-04");
	assert_string_equal(c->articles[0].event_date_source, "dateline");
	precis_comparison_free(c);
}

/* A later mention still dates an article that has nothing else. */
static void test_event_date_later_mention_last(void **state)
{
	(void)state;
	const char *t = "The city council met for three hours and approved the budget for the "
			"coming year after a long debate. The new parking rules will take effect "
			"on March 7 in every district of the city.";
	precis_article_input in[1] = { art("x", t, NULL) };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 1, NULL, NULL), 0);
	assert_string_equal(c->articles[0].event_date, "--03-07");
	assert_string_equal(c->articles[0].event_date_source, "later mention");
	precis_comparison_free(c);
}

static void test_record_date_not_iso(void **state)
{
	(void)state;
	const char *fr = "La Commission européenne a infligé une amende de 1,8 milliard d'euros à "
			 "Apple pour abus de position dominante. Apple fera appel de la décision.";
	const char *en = "EU regulators fined Apple 1.8 billion euros for abusing its dominant "
			 "position in music streaming. Apple said it would appeal the decision.";
	precis_article_input in[4] = { art("fr", fr, "04/03/2024"), art("en", en, "04/03/2024"),
				       art("day", en, "13/03/2024"), art("iso", en, "2024-03-05") };
	precis_comparison *c;
	assert_int_equal(precis_compare_new(&c, A, in, 4, NULL, NULL), 0);
	/* French writes the day first: read, with a warning naming what was given. */
	assert_string_equal(precis_comparison_article_date(c, 0), "2024-03-04");
	assert_non_null(strstr(precis_comparison_article_warning(c, 0), "04/03/2024"));
	/* English writes both orders: ignored, with a warning. */
	assert_null(precis_comparison_article_date(c, 1));
	assert_non_null(strstr(precis_comparison_article_warning(c, 1), "ignored"));
	/* A day over 12 leaves no doubt. */
	assert_string_equal(precis_comparison_article_date(c, 2), "2024-03-13");
	assert_non_null(precis_comparison_article_warning(c, 2));
	assert_null(precis_comparison_article_warning(c, 3));
	assert_string_equal(precis_comparison_article_date(c, 3), "2024-03-05");
	precis_comparison_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_event_date_from_dateline),
		cmocka_unit_test(test_event_date_later_mention_last),
		cmocka_unit_test(test_record_date_not_iso),
	};
	return cmocka_run_group_tests(tests, tu_setup, tu_teardown);
}
