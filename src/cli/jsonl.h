/*
 * cli/jsonl: line-in, line-out streaming for batch modes (--jsonl), the
 * shape Hadoop Streaming, Spark RDD.pipe and GNU parallel expect: each
 * input line gives exactly one output line, in input order, flushed per
 * record with one thread (per batch of 256 with several), with memory
 * bounded by the batch size whatever the stream length.
 * With several threads the output is byte-identical to one thread.
 */
#ifndef PRECIS_CLI_JSONL_H
#define PRECIS_CLI_JSONL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "precis.h"

/*
 * Handle one input line (NUL-terminated, without its newline; line_no is
 * 1-based). Set *out to a malloc'ed output line without newline (or NULL
 * to write nothing). Return 0 when the record succeeded, 1 when it gave an
 * error record. a is this worker thread's analyzer.
 */
typedef int (*cli_jsonl_fn)(char **out, precis_analyzer *a, void *state, size_t line_no,
			    const char *line, size_t len, void *ctx);

/*
 * Optional per-thread state (a ROUGE scorer, say): made by init(ctx) in
 * each worker thread, passed to fn as state, released by fini.
 */
typedef struct cli_jsonl_state {
	void *(*init)(void *ctx);
	void (*fini)(void *state);
} cli_jsonl_state;

/* A --jsonl run: who runs it, its limits and what it does with each record. */
typedef struct cli_jsonl_job {
	const char *cmd;   /* "summarize": in messages */
	int threads;
	size_t max_bytes;  /* of decoded text per record (0: none); bounds the line */
	bool lossy;        /* invalid UTF-8 in a line becomes U+FFFD before parsing */
	cli_jsonl_fn fn;
	void *ctx;
	const cli_jsonl_state *state; /* or NULL */
} cli_jsonl_job;

/*
 * Stream in (named name in messages) to out with job->threads workers.
 * Lines longer than cli_jsonl_line_limit(max_bytes) are not kept in memory:
 * fn sees them as NULL with len = their size, so it can answer with an
 * error record. Returns the number of failed records, or a negative status
 * when the stream itself failed (read error, closed output; PRECIS_EEMPTY
 * for an input without a single line; PRECIS_ETOOBIG, named, for a line
 * without end).
 */
long cli_jsonl_run(FILE *in, FILE *out, const char *name, const cli_jsonl_job *job);

/*
 * The whole --jsonl mode of a command: FILE or - (one input; more is a
 * usage error), streamed to stdout, failures counted on stderr. An exit
 * status.
 */
int cli_jsonl_main(const cli_jsonl_job *job, char **args, int nargs);

/*
 * Read one line of a JSONL input, bounded: 0 and the NUL-terminated line
 * (without its newline or CR) in *line, or *line NULL when the line is over
 * max bytes (drained, *len its size); 1 at the end; PRECIS_ETOOBIG when no
 * newline comes far past max (an endless line: stop reading), PRECIS_EIO,
 * PRECIS_ENOMEM. With lossy, bytes that are not UTF-8 become U+FFFD.
 */
int cli_read_line(FILE *in, size_t max, bool lossy, char **line, size_t *len);

/* "NAME:LINE: no newline within ... stopped reading" for PRECIS_ETOOBIG. */
void cli_line_stopped(const char *name, size_t line_no, size_t max_line);

/*
 * The longest line that can hold a record whose decoded text is max_bytes:
 * limits count decoded text, so the raw line may be 6 times longer.
 */
size_t cli_jsonl_line_limit(size_t max_bytes);

/*
 * The one naming rule of JSONL records, in every command: a string or an
 * integer under `key` ("id" unless a command lets the user pick another)
 * names the record; without one (absent or null) the record is named by its
 * 1-based line: "line-N" as text, {"line": N} in output records. Any other
 * type is an error of that record, reported under its line.
 */
typedef struct cli_record_id {
	json_t *json;     /* the id as read (borrowed from the record), or NULL */
	const char *text; /* "abc", "42" or "line-7"; points into json or buf: do not copy */
	char buf[32];
} cli_record_id;

/* Returns 0, or PRECIS_EJSON for an id of another type (out then names the line). */
int cli_jsonl_id(cli_record_id *out, json_t *rec, const char *key, size_t line_no);

/* Allocate a JSON error line {"id":ID,"error":MSG} or {"line":N,"error":MSG}. */
char *cli_jsonl_error(const void *id_json, size_t line_no, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
