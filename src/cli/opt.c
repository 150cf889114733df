/*
 * cli/opt: the option-table parser and --help printer (see opt.h). getopt_long
 * does the scanning (GNU argument permutation, "--", clustered short flags);
 * this file turns a table into its `struct option` array, checks and stores
 * each value, and prints the help from the same table.
 */
#include <errno.h>
#include <stddef.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opt.h"

/* Longest table any command has, with room to grow; checked at parse time. */
#define MAX_SPECS 128
/* getopt_long values of long-only options: above every char. */
#define LONG_BASE 256

void cli_strlist_free(cli_strlist *l)
{
	if (!l)
		return;
	free(l->items);
	l->items = NULL;
	l->count = l->cap = 0;
}

int cli_opt_bad_value(const cli_command *cmd, const char *option, const char *value)
{
	cli_error("%s: invalid value '%s' for %s (see 'precis %s --help')", cmd->name, value,
		  option, cmd->name);
	return EXIT_USAGE;
}

/*
 * A count with no bound of its own: no document precis reads has a billion
 * sentences, words or characters, so more is a typo (or an overflow in a
 * script), refused rather than taken as "no limit".
 */
#define COUNT_CEILING 1e9
/* Sizes likewise: 1 TiB is more than any text precis holds in memory. */
#define BYTES_CEILING ((unsigned long long)1 << 40)

static double count_max(const px_cli_opt *s)
{
	if (s->max > 0)
		return s->max;
	return s->check == CLI_CHECK_COUNT ? COUNT_CEILING : (double)SIZE_MAX;
}

/* The values an option takes, for the usage error: "an integer in 1..100". */
static void describe_range(char *buf, size_t n, const px_cli_opt *s)
{
	double lo = s->check == CLI_CHECK_COUNT && s->min < 1 ? 1 : s->min;
	buf[0] = '\0';
	if (s->check == CLI_CHECK_UINT && s->max <= 0)
		snprintf(buf, n, ": expected an integer in %.0f..%zu", lo, (size_t)SIZE_MAX);
	else if (s->check == CLI_CHECK_COUNT || s->check == CLI_CHECK_UINT)
		snprintf(buf, n, ": expected an integer in %.0f..%.0f", lo, count_max(s));
	else if (s->check == CLI_CHECK_NUMBER && (s->range & CLI_NO_MAX))
		snprintf(buf, n, ": expected a number %s %g", s->range & CLI_MIN_OPEN ? ">" : ">=",
			 s->min);
	else if (s->check == CLI_CHECK_NUMBER)
		snprintf(buf, n, ": expected a number in %c%g, %g%c",
			 s->range & CLI_MIN_OPEN ? '(' : '[', s->min, s->max,
			 s->range & CLI_MAX_OPEN ? ')' : ']');
	else if (s->check == CLI_CHECK_BYTES)
		snprintf(buf, n, ": expected a size from 1 to 1024G (suffix k, M or G)");
	else if (s->check == CLI_CHECK_JOBS)
		snprintf(buf, n, ": expected an integer in 1..64");
}

static int bad_value(const cli_command *cmd, const px_cli_opt *s, const char *value)
{
	char range[128];
	describe_range(range, sizeof range, s);
	cli_error("%s: invalid value '%s' for --%s%s (see 'precis %s --help')", cmd->name, value,
		  s->name, range, cmd->name);
	return EXIT_USAGE;
}

/* Strict decimal integer: no sign, no blanks, no overflow. */
static int parse_uint(const char *s, unsigned long long *out)
{
	if (!s || *s < '0' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno == ERANGE || *end)
		return -1;
	*out = v;
	return 0;
}

/* A byte count with an optional binary suffix (64M), refused when it overflows. */
static int parse_bytes(const char *s, unsigned long long *out)
{
	if (!s || *s < '0' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno == ERANGE)
		return -1;
	unsigned shift = 0;
	if (*end == 'k' || *end == 'K')
		shift = 10, end++;
	else if (*end == 'M')
		shift = 20, end++;
	else if (*end == 'G')
		shift = 30, end++;
	if (*end || v > (SIZE_MAX >> shift))
		return -1;
	*out = v << shift;
	return 0;
}

static bool in_range(const px_cli_opt *s, double v)
{
	if (v < s->min || (v == s->min && (s->range & CLI_MIN_OPEN)))
		return false;
	if (s->range & CLI_NO_MAX)
		return true;
	return v < s->max || (v == s->max && !(s->range & CLI_MAX_OPEN));
}

/* A list never holds more values than argv has words: one allocation, no growth. */
static int store_list(cli_strlist *l, const char *v, int argc)
{
	if (!l->items) {
		l->items = calloc((size_t)argc, sizeof *l->items);
		if (!l->items)
			return -1;
		l->cap = (size_t)argc;
	}
	if (l->count >= l->cap)
		return -1;
	l->items[l->count++] = v;
	return 0;
}

static int store_number(const px_cli_opt *s, void *target, const char *v)
{
	char *end;
	errno = 0;
	/* Decimal only: strtod would also take " 5", "0x10", "nan" and "inf". */
	if (strspn(v, "0123456789.eE+-") != strlen(v))
		return -1;
	double d = *v ? strtod(v, &end) : NAN;
	if (!*v || errno == ERANGE || *end || !isfinite(d) || !in_range(s, d))
		return -1;
	*(double *)target = d;
	return 0;
}

static int store_integer(const px_cli_opt *s, void *target, const char *v)
{
	unsigned long long u;
	double lo = s->check == CLI_CHECK_COUNT && s->min < 1 ? 1 : s->min;
	if (parse_uint(v, &u) || (double)u < lo || (double)u > count_max(s) || u > SIZE_MAX)
		return -1;
	*(size_t *)target = (size_t)u;
	return 0;
}

static int store_choice(const px_cli_opt *s, void *target, const char *v)
{
	for (int i = 0; s->choices && s->choices[i]; i++)
		if (strcmp(s->choices[i], v) == 0) {
			*(int *)target = i;
			return 0;
		}
	return -1;
}

/* Check v against s->check and store it; -1 when it does not pass. */
static int store_value(const px_cli_opt *s, void *target, const char *v, int argc)
{
	unsigned long long u;
	switch (s->check) {
	case CLI_CHECK_STRING: *(const char **)target = v; return 0;
	case CLI_CHECK_LIST: return store_list(target, v, argc);
	case CLI_CHECK_LANG:
		if (strcmp(v, "auto") != 0 && !precis_language_supported(v))
			return -1;
		*(const char **)target = v;
		return 0;
	case CLI_CHECK_JOBS:
		/* 64 threads is past any gain on the machines we measured (eval/BENCH.md)
		 * and keeps a typo like -j 1000 from spawning a thousand threads. */
		if (parse_uint(v, &u) || u < 1 || u > 64)
			return -1;
		*(int *)target = (int)u;
		return 0;
	case CLI_CHECK_COUNT:
	case CLI_CHECK_UINT: return store_integer(s, target, v);
	case CLI_CHECK_BYTES:
		if (parse_bytes(v, &u) || u == 0 || u > BYTES_CEILING)
			return -1;
		*(size_t *)target = (size_t)u;
		return 0;
	case CLI_CHECK_NUMBER: return store_number(s, target, v);
	case CLI_CHECK_CHOICE: return store_choice(s, target, v);
	case CLI_CHECK_ALGORITHM: return precis_algorithm_from_name(target, v) ? -1 : 0;
	case CLI_CHECK_COMPAT: return precis_rouge_compat_from_name(target, v) ? -1 : 0;
	case CLI_CHECK_PAIR: return -1; /* store_pair: needs argv */
	}
	return -1;
}

/* The table as getopt_long wants it; returns the number of specs or -1. */
static int build_getopt(struct option *lo, char *shorts, const px_cli_opt *specs)
{
	int n = 0, nl = 0, ns = 0;
	shorts[ns++] = ':'; /* ':' first: missing values come back as ':', named by us */
	for (; specs[n].type != CLI_OPT_END; n++) {
		const px_cli_opt *s = &specs[n];
		if (n >= MAX_SPECS)
			return -1;
		if (s->type == CLI_OPT_SECTION)
			continue;
		int arg = s->type == CLI_OPT_VALUE ? required_argument : no_argument;
		lo[nl++] = (struct option){ s->name, arg, NULL, LONG_BASE + n };
		if (s->alias) {
			shorts[ns++] = s->alias;
			if (arg == required_argument)
				shorts[ns++] = ':';
		}
	}
	lo[nl] = (struct option){ NULL, 0, NULL, 0 };
	shorts[ns] = '\0';
	return n;
}

static int spec_of_short(const px_cli_opt *specs, int n, int c)
{
	for (int i = 0; i < n; i++)
		if (specs[i].alias == c && specs[i].type != CLI_OPT_SECTION)
			return i;
	return -1;
}

/* Name what getopt refused: an unknown option or one missing its value. */
static int refuse(const cli_command *cmd, const px_cli_opt *specs, int n, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	if (c == ':') {
		int i = optopt >= LONG_BASE ? optopt - LONG_BASE : spec_of_short(specs, n, optopt);
		if (i >= 0)
			cli_error("%s: --%s needs a value (see 'precis %s --help')", cmd->name,
				  specs[i].name, cmd->name);
		else
			cli_error("%s: %s needs a value (see 'precis %s --help')", cmd->name, arg,
				  cmd->name);
	} else if (optopt && optopt < LONG_BASE) {
		cli_error("%s: unknown option '-%c' (see 'precis %s --help')", cmd->name, optopt,
			  cmd->name);
	} else {
		cli_error("%s: unknown option '%s' (see 'precis %s --help')", cmd->name, arg,
			  cmd->name);
	}
	return EXIT_USAGE;
}

/* --compare A B: the word after the value is the second one (GNU getopt has not
 * moved it yet: operands are only permuted when the next option is found). */
static int store_pair(const cli_command *cmd, const px_cli_opt *s, void *target, int argc,
		      char **argv)
{
	if (optind >= argc) {
		cli_error("%s: --%s needs two values (see 'precis %s --help')", cmd->name, s->name,
			  cmd->name);
		return EXIT_USAGE;
	}
	if (store_list(target, optarg, argc) || store_list(target, argv[optind++], argc)) {
		cli_error("out of memory");
		return EXIT_SOME_FAILED;
	}
	return CLI_PARSED;
}

static int apply(cli_args *out, void *base, const cli_command *cmd, const px_cli_opt *s, int i,
		 int argc, char **argv)
{
	void *target = (char *)base + s->offset;
	out->seen[i] = 1;
	switch (s->type) {
	case CLI_OPT_FLAG: *(bool *)target = true; return CLI_PARSED;
	case CLI_OPT_UNSET: *(bool *)target = false; return CLI_PARSED;
	case CLI_OPT_HELP: return EXIT_OK;
	case CLI_OPT_VALUE:
		if (s->check == CLI_CHECK_PAIR)
			return store_pair(cmd, s, target, argc, argv);
		if (store_value(s, target, optarg, argc) == 0)
			return CLI_PARSED;
		if (s->check == CLI_CHECK_LIST) {
			cli_error("out of memory");
			return EXIT_SOME_FAILED;
		}
		return bad_value(cmd, s, optarg);
	default: return EXIT_USAGE;
	}
}

int cli_opt_parse(cli_args *out, void *base, const cli_command *cmd, const px_cli_opt *specs,
		  int argc, char **argv)
{
	struct option lo[MAX_SPECS + 1];
	char shorts[2 * MAX_SPECS + 2];
	memset(out, 0, sizeof *out);
	out->specs = specs;
	int n = build_getopt(lo, shorts, specs);
	if (n < 0) {
		cli_error("%s: option table too long", cmd->name);
		return EXIT_USAGE;
	}
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		int i = c >= LONG_BASE ? c - LONG_BASE : spec_of_short(specs, n, c);
		if (c == '?' || c == ':' || i < 0)
			return refuse(cmd, specs, n, c, argv);
		int rc = apply(out, base, cmd, &specs[i], i, argc, argv);
		if (rc == EXIT_OK) {
			cli_opt_help(stdout, cmd, specs);
			return EXIT_OK;
		}
		if (rc != CLI_PARSED)
			return rc;
	}
	out->pos = argv + optind;
	out->npos = argc - optind;
	return CLI_PARSED;
}

bool cli_opt_seen(const cli_args *args, size_t offset)
{
	for (int i = 0; args->specs && i < MAX_SPECS && args->specs[i].type != CLI_OPT_END; i++)
		if (args->specs[i].type != CLI_OPT_SECTION && args->specs[i].offset == offset &&
		    args->seen[i])
			return true;
	return false;
}

/* "--name VALUE" as --help shows it, without the short alias. */
static int left_width(const px_cli_opt *s)
{
	int w = 2 + (int)strlen(s->name);
	if (s->value_name)
		w += 1 + (int)strlen(s->value_name);
	return w;
}

void cli_opt_help(FILE *fp, const cli_command *cmd, const px_cli_opt *specs)
{
	int col = 0;
	for (const px_cli_opt *s = specs; s->type != CLI_OPT_END; s++)
		if (s->type != CLI_OPT_SECTION && left_width(s) > col)
			col = left_width(s);
	fputs(cmd->synopsis, fp);
	if (cmd->about)
		fprintf(fp, "\n%s", cmd->about);
	fputc('\n', fp);
	for (const px_cli_opt *s = specs; s->type != CLI_OPT_END; s++) {
		if (s->type == CLI_OPT_SECTION) {
			fprintf(fp, "%s\n", s->help);
			continue;
		}
		char left[96];
		snprintf(left, sizeof left, "--%s%s%s", s->name, s->value_name ? " " : "",
			 s->value_name ? s->value_name : "");
		if (s->alias)
			fprintf(fp, "  -%c, %-*s  ", s->alias, col, left);
		else
			fprintf(fp, "      %-*s  ", col, left);
		/* A help text of several lines continues under its first line. */
		for (const char *h = s->help ? s->help : "";;) {
			const char *nl = strchr(h, '\n');
			int len = nl ? (int)(nl - h) : (int)strlen(h);
			fprintf(fp, "%.*s\n", len, h);
			if (!nl || !nl[1])
				break;
			h = nl + 1;
			fprintf(fp, "%*s", col + 8, "");
		}
	}
}
