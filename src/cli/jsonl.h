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

#include <stddef.h>
#include <stdio.h>

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

/*
 * Stream in to out with `threads` workers. Lines longer than max_line are
 * not kept in memory: fn sees them as NULL with len = their size, so it can
 * answer with an error record. Returns the number of failed records, or a
 * negative status when the stream itself failed (read error, closed output).
 */
long cli_jsonl_run(FILE *in, FILE *out, int threads, size_t max_line, cli_jsonl_fn fn,
		   void *ctx, const cli_jsonl_state *state);

/* Allocate a JSON error line {"id":ID,"error":MSG} or {"line":N,"error":MSG}. */
char *cli_jsonl_error(const void *id_json, size_t line_no, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
