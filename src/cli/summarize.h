/* cli/summarize: what cmd_summarize.c shares with its --jsonl mode (summarize_jsonl.c). */
#ifndef PRECIS_CLI_SUMMARIZE_H
#define PRECIS_CLI_SUMMARIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

enum format { FMT_TEXT, FMT_JSON, FMT_MD };

struct opts {
	precis_summary_options sum;
	precis_doc_options doc;
	int format; /* enum format */
	bool jsonl;
	bool headline;
	bool verbose;
	int threads;
	const char *idf_path;
	precis_idf *idf;
	int order;         /* precis_order, through --order's choice index */
	size_t max_iter;   /* sum.max_iterations, an int */
	size_t seed;       /* sum.seed, an unsigned long */
	int input;         /* CLI_INPUT_* */
	const char *warc;
};

/* The document and summary of one text, with a clear error when it has no sentence. */
int cli_summarize_doc(precis_doc **doc, precis_summary **s, precis_analyzer *a,
		      const struct opts *o, const char *text, size_t len, const char *title,
		      precis_error *err);

/* --jsonl: the records of one file (or -); an exit status. */
int cli_summarize_jsonl(struct opts *o, char **args, int nargs);

#endif
