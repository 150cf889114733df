/*
 * The report vocabulary shared by the Markdown and HTML renderers: dates
 * as a reader says them, and which URLs may become links.
 */
#include <stdbool.h>

#include "testutil.h"

#include "report.h"

static void expect_date(const char *iso, const char *want)
{
	char buf[PX_DATE_TEXT_MAX];
	bool ok = px_report_date_text(buf, iso);
	if (!want) {
		assert_false(ok);
		assert_string_equal(buf, "");
		return;
	}
	assert_true(ok);
	assert_string_equal(buf, want);
}

static void test_date_text(void **state)
{
	(void)state;
	expect_date("2024-03-07", "7 March 2024");
	expect_date("2024-12-31", "31 December 2024");
	expect_date("--03-07", "7 March (year not given)");
	expect_date("--02-29", "29 February (year not given)");
	expect_date("2024-03", "March 2024");
	expect_date("2024", "2024");
	expect_date("2024-03-04T12:15:00+01:00", "4 March 2024");
	expect_date("2024-03-04/2024-03-07", "4\xE2\x80\x93" "7 March 2024");
	expect_date("2024-02-28/2024-03-03", "28 February \xE2\x80\x93 3 March 2024");
	expect_date("2023-12-30/2024-01-02", "30 December 2023 \xE2\x80\x93 2 January 2024");
	/* Not ISO 8601, or not a calendar day: shown as given by the caller. */
	expect_date("04/03/2024", NULL);
	expect_date("2024-13-01", NULL);
	expect_date("2023-02-29", NULL);
	expect_date("2024-03-00x", NULL);
	expect_date("--3-7", NULL);
	expect_date("", NULL);
	expect_date(NULL, NULL);
	expect_date("2024-03-04/yesterday", NULL);
	expect_date("2024-03/2024-04", NULL);
}

static void test_url_ok(void **state)
{
	(void)state;
	assert_true(px_report_url_ok("https://example.org/a?b=1&c=2"));
	assert_true(px_report_url_ok("HTTP://example.org/"));
	assert_false(px_report_url_ok("javascript:alert(1)"));
	assert_false(px_report_url_ok("ftp://example.org/"));
	assert_false(px_report_url_ok("/relative/path"));
	assert_false(px_report_url_ok("https://example.org/a b"));
	assert_false(px_report_url_ok("https://example.org/\xE2\x80\xAE"));
	assert_false(px_report_url_ok("https://example.org/\n"));
	assert_false(px_report_url_ok(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_text),
		cmocka_unit_test(test_url_ok),
	};
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
