/* cli: the precis command line. Thin: parses flags, calls the library. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "precis.h"

/* Exit codes, documented in precis(1). */
enum { EXIT_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

/* One subcommand: argv[0] is the subcommand name. */
int cmd_summarize(int argc, char **argv);
int cmd_idf(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_split(int argc, char **argv);
int cmd_meta(int argc, char **argv);
int cmd_rouge(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_compare(int argc, char **argv);

/* Print "precis: " + message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "precis: NAME: message (line L, column C, byte B)" for a library error. */
void cli_report(const char *name, int code, const precis_error *err);

/*
 * Read path ("-" for stdin) into a NUL-terminated buffer. Refuses more than
 * max_bytes (0: no limit) with PRECIS_ETOOBIG, directories and unreadable
 * files with PRECIS_EIO; err->message says why.
 */
int cli_read_file(char **out, size_t *len, const char *path, size_t max_bytes,
		  precis_error *err);

/*
 * Expand FILE... arguments: directories give their regular files sorted by
 * name (not recursive). Returns a NULL-terminated, malloc'ed array of
 * malloc'ed paths; unreadable directories are reported and counted in *failed.
 */
char **cli_expand_paths(char **args, int n, int *failed);
void cli_free_paths(char **paths);

/*
 * ROUGE-1.5.5's data directory for -m stemming: the --rouge-data value, else
 * $ROUGE_EVAL_HOME (the variable ROUGE-1.5.5 users already set), else NULL
 * (the WordNet 3.0 lists built in).
 */
const char *cli_rouge_data(const char *given);

/* The message for a scorer that could not be made (names the data directory). */
void cli_rouge_new_error(const char *cmd, int code, const char *rouge_data);

/* Parse a size or number option strictly; 0 on success, -1 on junk. */
int cli_parse_size(const char *s, size_t *out);
int cli_parse_double(const char *s, double *out);

/*
 * Write buf atomically to path: a temporary file beside it, then rename.
 * path "-" or NULL writes to stdout.
 */
int cli_write_atomic(const char *path, const char *buf, size_t len);

#endif
