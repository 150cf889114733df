/*
 * The CLI's option tables (src/cli/opt.c): every check kind accepts what it
 * documents and refuses the rest with a usage error naming the option. The
 * CLI is not part of libprecis, so its one file under test is compiled in.
 */
#include "testutil.h"

#include "../../src/cli/opt.c"

static char last_error[512];

/* The CLI's io.c prints to stderr; here the message is kept for the asserts. */
void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof last_error, fmt, ap);
	va_end(ap);
}

struct o {
	size_t count, uint, bytes;
	double unit, open, positive;
	int jobs, choice;
	const char *lang, *str;
	bool flag, on;
	precis_algorithm alg;
	precis_rouge_compat compat;
	cli_strlist list, pairs;
};

#define AT(m) CLI_AT(struct o, m)
static const char *const choices[] = { "text", "json", "md", NULL };
static const px_cli_opt specs[] = {
	CLI_SECTION("Section:"),
	CLI_VALUE("count", 'n', "N", AT(count), CLI_CHECK_COUNT, "a count", .max = 1000),
	CLI_VALUE("uint", 0, "N", AT(uint), CLI_CHECK_UINT, "zero allowed"),
	CLI_VALUE("bytes", 'b', "N", AT(bytes), CLI_CHECK_BYTES, "a size"),
	CLI_VALUE("unit", 0, "W", AT(unit), CLI_CHECK_NUMBER, "0..1", .max = 1),
	CLI_VALUE("open", 0, "D", AT(open), CLI_CHECK_NUMBER, "(0, 1)", .max = 1,
		  .range = CLI_MIN_OPEN | CLI_MAX_OPEN),
	CLI_VALUE("positive", 0, "T", AT(positive), CLI_CHECK_NUMBER, "> 0",
		  .range = CLI_MIN_OPEN | CLI_NO_MAX),
	CLI_VALUE("jobs", 'j', "N", AT(jobs), CLI_CHECK_JOBS, "threads"),
	CLI_VALUE("format", 0, "F", AT(choice), CLI_CHECK_CHOICE, "text, json or md",
		  .choices = choices),
	CLI_VALUE("lang", 0, "CODE", AT(lang), CLI_CHECK_LANG, "language"),
	CLI_VALUE("name", 0, "S", AT(str), CLI_CHECK_STRING, "any string"),
	CLI_VALUE("algorithm", 0, "A", AT(alg), CLI_CHECK_ALGORITHM, "an algorithm"),
	CLI_VALUE("compat", 0, "M", AT(compat), CLI_CHECK_COMPAT, "a compat mode\nsecond line"),
	CLI_VALUE("item", 0, "X", AT(list), CLI_CHECK_LIST, "repeatable"),
	CLI_VALUE("pair", 0, "A B", AT(pairs), CLI_CHECK_PAIR, "two words, repeatable"),
	CLI_FLAG("flag", 'f', AT(flag), "sets"),
	CLI_UNSET("raw", 0, AT(on), "clears"),
	CLI_HELP,
	CLI_END
};
static const cli_command cmd = { "test", "Usage: precis test [OPTIONS] ARGS\n", "About.\n" };

static int parse(struct o *o, cli_args *args, int argc, const char **argv)
{
	memset(o, 0, sizeof *o);
	o->on = true;
	last_error[0] = '\0';
	return cli_opt_parse(args, o, &cmd, specs, argc, (char **)argv);
}

/* One option with one value: the parse status. */
static int one(struct o *o, const char *opt, const char *value)
{
	const char *argv[] = { "test", opt, value, NULL };
	cli_args args;
	int rc = parse(o, &args, 3, argv);
	if (rc == EXIT_USAGE)
		assert_non_null(strstr(last_error, opt[1] == '-' ? opt : "--"));
	return rc;
}

static void test_integers(void **state)
{
	(void)state;
	struct o o;
	assert_int_equal(one(&o, "--count", "12"), CLI_PARSED);
	assert_int_equal(o.count, 12);
	assert_int_equal(one(&o, "-n", "1000"), CLI_PARSED);
	const char *bad_counts[] = { "0", "1001", "-1", "+3", " 3", "3x", "", "1e3",
				     "18446744073709551616", "99999999999999999999999" };
	for (size_t i = 0; i < sizeof bad_counts / sizeof *bad_counts; i++)
		assert_int_equal(one(&o, "--count", bad_counts[i]), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--count"));
	assert_int_equal(one(&o, "--uint", "0"), CLI_PARSED);
	assert_int_equal(o.uint, 0);
	assert_int_equal(one(&o, "--uint", "18446744073709551615"), CLI_PARSED);
	assert_int_equal(one(&o, "--uint", "-0"), EXIT_USAGE);
	assert_int_equal(one(&o, "--bytes", "64M"), CLI_PARSED);
	assert_int_equal(o.bytes, (size_t)64 << 20);
	assert_int_equal(one(&o, "-b", "2k"), CLI_PARSED);
	assert_int_equal(o.bytes, 2048);
	const char *bad_bytes[] = { "0", "0M", "-1", "1T", "17179869184G", "M", "1MB" };
	for (size_t i = 0; i < sizeof bad_bytes / sizeof *bad_bytes; i++)
		assert_int_equal(one(&o, "--bytes", bad_bytes[i]), EXIT_USAGE);
	assert_int_equal(one(&o, "-j", "64"), CLI_PARSED);
	assert_int_equal(o.jobs, 64);
	assert_int_equal(one(&o, "-j", "1"), CLI_PARSED);
	assert_int_equal(one(&o, "-j", "0"), EXIT_USAGE);
	assert_int_equal(one(&o, "--jobs", "65"), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--jobs"));
}

static void test_numbers(void **state)
{
	(void)state;
	struct o o;
	assert_int_equal(one(&o, "--unit", "0"), CLI_PARSED);
	assert_int_equal(one(&o, "--unit", "1"), CLI_PARSED);
	assert_int_equal(one(&o, "--unit", "0.25"), CLI_PARSED);
	assert_true(o.unit == 0.25);
	const char *bad_unit[] = { "-0.1", "1.0001", "nan", "NaN", "inf", "-inf", "", "0.5x",
				   "1e400" };
	for (size_t i = 0; i < sizeof bad_unit / sizeof *bad_unit; i++)
		assert_int_equal(one(&o, "--unit", bad_unit[i]), EXIT_USAGE);
	assert_int_equal(one(&o, "--open", "0"), EXIT_USAGE);
	assert_int_equal(one(&o, "--open", "1"), EXIT_USAGE);
	assert_int_equal(one(&o, "--open", "0.85"), CLI_PARSED);
	assert_int_equal(one(&o, "--positive", "0"), EXIT_USAGE);
	assert_int_equal(one(&o, "--positive", "1e300"), CLI_PARSED);
	assert_int_equal(one(&o, "--positive", "1e-9"), CLI_PARSED);
}

static void test_names(void **state)
{
	(void)state;
	struct o o;
	assert_int_equal(one(&o, "--format", "md"), CLI_PARSED);
	assert_int_equal(o.choice, 2);
	assert_int_equal(one(&o, "--format", "MD"), EXIT_USAGE);
	assert_int_equal(one(&o, "--lang", "auto"), CLI_PARSED);
	assert_int_equal(one(&o, "--lang", "fr"), CLI_PARSED);
	assert_string_equal(o.lang, "fr");
	assert_int_equal(one(&o, "--lang", "xx"), EXIT_USAGE);
	assert_int_equal(one(&o, "--algorithm", "lexrank"), CLI_PARSED);
	assert_int_equal(o.alg, PRECIS_ALG_LEXRANK);
	assert_int_equal(one(&o, "--algorithm", "pagerank"), EXIT_USAGE);
	assert_int_equal(one(&o, "--compat", "rouge155"), CLI_PARSED);
	assert_int_equal(o.compat, PRECIS_ROUGE_155);
	assert_int_equal(one(&o, "--compat", "155"), EXIT_USAGE);
	assert_non_null(strstr(last_error, "invalid value '155' for --compat"));
}

static void test_shape(void **state)
{
	(void)state;
	struct o o;
	cli_args args;
	/* Operands and options mix; --name=value; clustered short flags; "--" ends options. */
	const char *argv[] = { "test", "a", "--item", "x", "-fn3", "--item=y", "b",
			       "--raw", "--", "--count", NULL };
	assert_int_equal(parse(&o, &args, 10, argv), CLI_PARSED);
	assert_int_equal(args.npos, 3);
	assert_string_equal(args.pos[0], "a");
	assert_string_equal(args.pos[1], "b");
	assert_string_equal(args.pos[2], "--count");
	assert_true(o.flag);
	assert_false(o.on);
	assert_int_equal(o.count, 3);
	assert_int_equal(o.list.count, 2);
	assert_string_equal(o.list.items[0], "x");
	assert_string_equal(o.list.items[1], "y");
	assert_true(cli_opt_seen(&args, AT(count)));
	assert_true(cli_opt_seen(&args, AT(list)));
	assert_false(cli_opt_seen(&args, AT(unit)));
	cli_strlist_free(&o.list);
	const char *pairs[] = { "test", "--pair", "a", "b", "x", "--pair", "c", "d", NULL };
	assert_int_equal(parse(&o, &args, 8, pairs), CLI_PARSED);
	assert_int_equal(o.pairs.count, 4);
	assert_string_equal(o.pairs.items[1], "b");
	assert_string_equal(o.pairs.items[3], "d");
	assert_int_equal(args.npos, 1);
	assert_string_equal(args.pos[0], "x");
	cli_strlist_free(&o.pairs);
	const char *half[] = { "test", "--pair", "a", NULL };
	assert_int_equal(parse(&o, &args, 3, half), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--pair needs two values"));
	const char *unknown[] = { "test", "--bogus", NULL };
	assert_int_equal(parse(&o, &args, 2, unknown), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--bogus"));
	const char *missing[] = { "test", "--count", NULL };
	assert_int_equal(parse(&o, &args, 2, missing), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--count needs a value"));
	const char *missing_short[] = { "test", "-j", NULL };
	assert_int_equal(parse(&o, &args, 2, missing_short), EXIT_USAGE);
	assert_non_null(strstr(last_error, "--jobs needs a value"));
}

/* The help lists every option of the table once, its text in one column. */
static void test_help(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	cli_opt_help(mem, &cmd, specs);
	fclose(mem);
	assert_true(strncmp(buf, "Usage: precis test", 18) == 0);
	assert_non_null(strstr(buf, "\nAbout.\n\nSection:\n"));
	int column = -1, options = 0;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "  -", 3) != 0 && strncmp(line, "      --", 8) != 0) {
			continue;
		}
		char *text = strstr(line + 6, "  ");
		assert_non_null(text);
		while (*text == ' ')
			text++;
		if (column < 0)
			column = (int)(text - line);
		assert_int_equal(text - line, column);
		options++;
	}
	/* 16 options and --help; the continuation line sits under the first. */
	assert_int_equal(options, 17);
	free(buf);
	mem = open_memstream(&buf, &len);
	cli_opt_help(mem, &cmd, specs);
	fclose(mem);
	char want[64];
	snprintf(want, sizeof want, "\n%*ssecond line\n", column, "");
	assert_non_null(strstr(buf, want));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests_name("opt", tests, NULL, NULL);
}
