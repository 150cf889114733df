/* cli/compare_input: the articles precis compare reads (compare_input.c). */
#ifndef PRECIS_CLI_COMPARE_INPUT_H
#define PRECIS_CLI_COMPARE_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

typedef struct {
	precis_article_input *v;
	long *day; /* --window: each article's place in time (days since 1970) */
	size_t n, cap, capday; /* v and day grow apart: either may fail */
	precis_record_error *bad; /* records not read: the report's errors */
	size_t nbad, capbad;
	char **owned; /* strings to free */
	size_t nowned, capowned;
	int unread; /* inputs not read at all (then -o is not replaced) */
	size_t max_bytes; /* --max-bytes: of an article's text (0: none) */
	bool lossy;       /* --lossy: invalid UTF-8 becomes U+FFFD */
} inputs;

/* Keeps s (malloc'ed) until cli_in_free; NULL, with s freed, when out of memory. */
char *cli_in_own(inputs *in, char *s);

/* A new zeroed article at the end, or NULL when out of memory. */
precis_article_input *cli_in_add(inputs *in);

/* A copy of s kept until cli_in_free (NULL for NULL or out of memory). */
char *cli_in_own_str(inputs *in, const char *s);

/* Files and directories (- is stdin) as text or HTML per input; how many failed. */
int cli_in_read_files(inputs *in, char **args, int n, int input);

/* The responses of a WARC file; how many failed (an unreadable file counts). */
int cli_in_read_warc(inputs *in, const char *path);

/* The records of a JSONL file (- is stdin); how many failed. */
int cli_in_read_jsonl(inputs *in, const char *path);

/*
 * The next non-blank line of a JSONL input, bounded by in->max_bytes: 0 and
 * the malloc'ed line (its number in *lineno); an overlong line is listed
 * under errors and skipped; 1 at the end; negative when reading stops (an
 * endless line, named; out of memory; a read error, for cli_close_input).
 */
int cli_in_next_line(inputs *in, FILE *fp, const char *path, char **line, size_t *len,
		     size_t *lineno);

/* One JSONL line: an article (0), a record listed under errors (1), out of memory (-1). */
int cli_in_read_jsonl_record(inputs *in, const char *line, size_t len, const char *path,
			     size_t lineno);

/* Frees everything in, and zeroes it. */
void cli_in_free(inputs *in);

/* Makes the ids unique (a suffix on repeats); -1 when out of memory. */
int cli_in_unique_ids(inputs *in);

/*
 * Names on stderr what is wrong with article i of cmp (a record date that
 * is not ISO 8601, no usable text); returns whether it is unusable, which
 * makes the run's exit status 1 though its report is written.
 */
bool cli_compare_article_notes(const precis_comparison *cmp, size_t i);

/*
 * --window DAYS over the JSONL records at path: finished stories as JSON
 * lines to output (NULL: stdout); the exit status.
 */
int cli_compare_window(const char *path, const char *output, long days,
		       const precis_compare_options *o, size_t max_bytes, bool lossy);

#endif
