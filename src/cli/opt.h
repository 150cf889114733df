/*
 * cli/opt: one option table per command (the idea of libgit2's src/cli/opt.c,
 * simplified). A command declares `static const px_cli_opt opts[]`; one
 * parser fills the targets, checks every value in one place (languages, -j,
 * counts, sizes, numbers in a range, --format and other choices, algorithm
 * and --compat names through the library) and prints --help from the same
 * table, so the help cannot drift from what is parsed.
 *
 *	struct opts { size_t sentences; int format; };
 *	#define AT(m) CLI_AT(struct opts, m)
 *	static const char *const format_names[] = { "text", "json", "md", NULL };
 *	static const px_cli_opt opts[] = {
 *		CLI_SECTION("Length:"),
 *		CLI_VALUE("sentences", 'n', "N", AT(sentences), CLI_CHECK_COUNT,
 *			  "at most N sentences"),
 *		CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE,
 *			  "text (default), json or md", .choices = format_names),
 *		CLI_HELP, CLI_END
 *	};
 *	struct opts o = { 3, 0 };
 *	cli_args args;
 *	int rc = cli_opt_parse(&args, &o, &cmd, opts, argc, argv);
 *	if (rc != CLI_PARSED)
 *		return rc;
 *
 * Targets are offsets into the command's options struct, so the table is
 * static const data and no option lives in a global.
 */
#ifndef PRECIS_CLI_OPT_H
#define PRECIS_CLI_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* What an option does when it appears. */
typedef enum cli_opt_type {
	CLI_OPT_END = 0,  /* terminates a table */
	CLI_OPT_SECTION,  /* a heading in --help; help is the heading text */
	CLI_OPT_FLAG,     /* bool *target = true */
	CLI_OPT_UNSET,    /* bool *target = false (--raw clears doc.clean) */
	CLI_OPT_VALUE,    /* takes a value, stored and checked by `check` */
	CLI_OPT_HELP      /* prints the help, the command exits 0 */
} cli_opt_type;

/* How a CLI_OPT_VALUE is checked and where it goes (the target's C type). */
typedef enum cli_check {
	CLI_CHECK_STRING = 0, /* const char *: any value */
	CLI_CHECK_LIST,       /* cli_strlist: repeatable, each value appended */
	CLI_CHECK_LANG,       /* const char *: "auto" or a supported language */
	CLI_CHECK_JOBS,       /* int: 1..64 threads */
	CLI_CHECK_COUNT,      /* size_t: decimal integer >= min (1 when min is 0), <= max if set */
	CLI_CHECK_UINT,       /* size_t: decimal integer >= 0, <= max if set (seeds, --stories 0) */
	CLI_CHECK_BYTES,      /* size_t: >= 1 with an optional k, M or G suffix */
	CLI_CHECK_NUMBER,     /* double: finite, in [min, max] (see CLI_MIN_OPEN/CLI_MAX_OPEN) */
	CLI_CHECK_CHOICE,     /* int: index of the value in choices[] */
	CLI_CHECK_ALGORITHM,  /* precis_algorithm: precis_algorithm_from_name */
	CLI_CHECK_COMPAT,     /* precis_rouge_compat: precis_rouge_compat_from_name */
	CLI_CHECK_PAIR        /* cli_strlist: two words a time (--compare A B), appended in order */
} cli_check;

/* Flags of a CLI_CHECK_NUMBER range; without them both bounds are included. */
enum { CLI_MIN_OPEN = 1u << 0, CLI_MAX_OPEN = 1u << 1, CLI_NO_MAX = 1u << 2 };

typedef struct px_cli_opt {
	cli_opt_type type;
	const char *name;       /* long name without "--" */
	char alias;             /* short name, or 0 */
	const char *value_name; /* "N", "FILE" in --help; NULL for flags */
	size_t offset;          /* of the target in the command's options struct (CLI_AT) */
	cli_check check;
	const char *help;       /* --help text; '\n' continues it under the first line */
	double min, max;        /* CLI_CHECK_COUNT/UINT/NUMBER bounds */
	unsigned range;         /* CLI_MIN_OPEN | CLI_MAX_OPEN | CLI_NO_MAX for NUMBER */
	const char *const *choices; /* CLI_CHECK_CHOICE: NULL-terminated names */
} px_cli_opt;

/* Where a target lives: the options struct is passed to cli_opt_parse as `base`. */
#define CLI_AT(type, member) offsetof(type, member)

/*
 * One row each. Extra designated fields follow the help text:
 * CLI_VALUE("ratio", 0, "P", AT(ratio), CLI_CHECK_NUMBER, "...", .max = 100).
 */
#define CLI_SECTION(heading) { .type = CLI_OPT_SECTION, .help = (heading) }
#define CLI_FLAG(name_, alias_, at, help_) \
	{ .type = CLI_OPT_FLAG, .name = (name_), .alias = (alias_), .offset = (at), .help = (help_) }
#define CLI_UNSET(name_, alias_, at, help_) \
	{ .type = CLI_OPT_UNSET, .name = (name_), .alias = (alias_), .offset = (at), .help = (help_) }
#define CLI_VALUE(name_, alias_, value_name_, at, check_, help_, ...)                     \
	{ .type = CLI_OPT_VALUE, .name = (name_), .alias = (alias_), .value_name = (value_name_), \
	  .offset = (at), .check = (check_), .help = (help_), __VA_ARGS__ }
#define CLI_HELP { .type = CLI_OPT_HELP, .name = "help", .alias = 'h', .help = "this help" }
#define CLI_END { .type = CLI_OPT_END }

/* A repeatable option's values (--system A --system B), in order. */
typedef struct cli_strlist {
	const char **items;
	size_t count, cap;
} cli_strlist;

void cli_strlist_free(cli_strlist *l);

/* What a command is called and what its --help says around the option list. */
typedef struct cli_command {
	const char *name;     /* "summarize": used in messages */
	const char *synopsis; /* "Usage: ..." lines, each ending in '\n' */
	const char *about;    /* paragraph(s) after the synopsis, or NULL */
} cli_command;

/* The operands left after the options, and which options were given. */
typedef struct cli_args {
	char **pos;
	int npos;
	const px_cli_opt *specs;
	unsigned char seen[128];
} cli_args;

/* cli_opt_parse's "go on" result; anything else is the exit status to return. */
#define CLI_PARSED (-1)

/*
 * Parse argv (argv[0] is the command name) against specs. Options and
 * operands may be mixed (GNU style; "--" ends the options). Returns
 * CLI_PARSED, EXIT_OK after printing --help, or EXIT_USAGE after naming the
 * offending option on stderr ("precis: CMD: invalid value 'V' for --OPT").
 */
int cli_opt_parse(cli_args *out, void *base, const cli_command *cmd, const px_cli_opt *specs,
		  int argc, char **argv);

/* Whether an option stored at `offset` (CLI_AT) appeared on the command line. */
bool cli_opt_seen(const cli_args *args, size_t offset);

/* Print the --help text: synopsis, about, then the table's options. */
void cli_opt_help(FILE *fp, const cli_command *cmd, const px_cli_opt *specs);

/* The usage error for a value found bad after parsing (a cross-option rule). */
int cli_opt_bad_value(const cli_command *cmd, const char *option, const char *value);

#endif
