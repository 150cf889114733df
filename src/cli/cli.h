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

/* --idf FILE ("-": stdin) read, or EXIT_SOME_FAILED after naming it and why. */
int cli_load_idf(precis_idf **out, const char *path);

/*
 * ROUGE-1.5.5's data directory for -m stemming: the --rouge-data value, else
 * $ROUGE_EVAL_HOME (the variable ROUGE-1.5.5 users already set), else NULL
 * (the WordNet 3.0 lists built in).
 */
const char *cli_rouge_data(const char *given);

/* The message for a scorer that could not be made (names the data directory). */
void cli_rouge_new_error(const char *cmd, int code, const char *rouge_data);


/*
 * An output as -o FILE, --per-doc FILE or stdout ("-" or NULL) sees it: like
 * a shell redirection made safe. An existing regular file is replaced at
 * commit by a temporary beside it (fsync, rename) keeping its mode and owner
 * (a file with other hard links is copied into from the complete temporary,
 * so that every link sees the new content), a new one gets 0666 & ~umask; a symlink is followed to its target; a device
 * or FIFO is written in place, a socket, a directory or a read-only file
 * refused. Until commit the old file is untouched; abort, a failed commit or
 * SIGINT/SIGTERM/SIGHUP remove the temporary.
 */
typedef struct cli_output {
	FILE *fp;           /* write here */
	const char *name;   /* as the user gave it, for messages */
	char *target;       /* the file replaced or written (symlinks resolved) */
	char *tmp;          /* the temporary beside it, or NULL */
	int slot;           /* in the signal cleanup list */
	bool linked;        /* target has other hard links: copied into, not renamed over */
} cli_output;

/* 0, or EXIT_SOME_FAILED after naming the output and the reason on stderr. */
int cli_output_open(cli_output *o, const char *path);
/* Flush, fsync, rename; 0 or EXIT_SOME_FAILED (named; stdout's at exit). */
int cli_output_commit(cli_output *o);
void cli_output_abort(cli_output *o);

/* buf as the whole content of path (cli_output_open + commit). */
int cli_write_atomic(const char *path, const char *buf, size_t len);

/*
 * Open an input ("-": stdin) for reading; NULL after naming it and the
 * reason (missing, unreadable, a directory) on stderr.
 */
FILE *cli_open_input(const char *path);
/* Close it (stdin stays open); EXIT_SOME_FAILED after naming a read error. */
int cli_close_input(FILE *fp, const char *path);

/*
 * --lossy for bytes precis reads itself (JSONL lines, ROUGE texts): bytes
 * that are not UTF-8 become U+FFFD, as precis_doc_new does with lossy.
 * *buf (malloc'ed, NUL-terminated) is replaced only when something changes.
 */
int cli_utf8_lossy(char **buf, size_t *len);

/*
 * path as reports show it: "-" is "(stdin)", and bytes that are not valid
 * UTF-8 (file names are bytes) become "\xFF" so that JSON and HTML keep the
 * name instead of dropping it. malloc'ed; NULL when out of memory.
 */
char *cli_display_name(const char *path);

/*
 * The coreutils close_stdout discipline, once in main: flush and close
 * stdout; on failure name it and the reason and turn status 0 into 1.
 */
int cli_close_stdout(int status);
/* Route stdout through a writer that remembers why a write failed (main, first). */
void cli_stdout_init(void);

#endif
