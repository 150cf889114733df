/*
 * cli/eval_input: what `precis eval` reads: the labelled JSONL corpus, the
 * system names (--system) and other systems' outputs (NAME=file:PATH),
 * turned into the records and systems precis_eval_run takes.
 */
#ifndef PRECIS_CLI_EVAL_INPUT_H
#define PRECIS_CLI_EVAL_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <jansson.h>

#include "opt.h"
#include "precis.h"

#define MAX_SYSTEMS 32
#define MAX_COMPARE 16

enum format { F_MD, F_CSV, F_JSON };

typedef struct {
	/* flags */
	const char *data, *text_key, *ref_key, *title_key, *id_key, *perdoc, *idf_path;
	cli_strlist systems, compare;
	int format;  /* enum format */
	int threads;
	size_t seed; /* o.seed, an unsigned long */
	size_t max_bytes; /* of a record's decoded text (article and references) */
	bool lossy;       /* invalid UTF-8 in a line becomes U+FFFD before parsing */
	precis_eval_options o;
	/* systems */
	precis_idf *idf;
	precis_eval_system sys[MAX_SYSTEMS];
	char *names[MAX_SYSTEMS];
	json_t *files[MAX_SYSTEMS];        /* file: systems: id -> summary string */
	const char **outputs[MAX_SYSTEMS]; /* into files[], per record */
	size_t nsys;
	const char *pairs[MAX_COMPARE][2]; /* --compare A B */
	size_t pair_sys[MAX_COMPARE][2];   /* their system indices */
	size_t npairs;
	/* records */
	json_t *rows, *ids;                /* the records read, and their ids */
	json_t *seen;                      /* id -> its line in --data: ids are unique */
	int out_errors;                    /* system-output lines refused */
	precis_eval_record *recs;          /* strings inside rows and ids */
	const char **refs;
	size_t nrecs, nrefs;
	time_t start;
} run;

/* Calls fn with each JSON line of path (fn gets the reason of a refused line in why). */
int cli_eval_each_json_line(run *r, const char *path, size_t flags,
			    void (*fn)(run *r, void *dst, json_t *v, const char *path, size_t line,
				       const char *why),
			    void *dst);

/* One --data record into r->rows (dst counts refused records). */
void cli_eval_add_record(run *r, void *bad, json_t *v, const char *path, size_t line,
			 const char *why);

/* One --system NAME (or LABEL=file:PATH): 0, EXIT_USAGE, or EXIT_SOME_FAILED (unreadable file). */
int cli_eval_add_system(run *r, const char *arg);

/* r->recs and the systems' outputs as views into the records read. */
int cli_eval_view_records(run *r);

#endif
