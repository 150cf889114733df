/*
 * precis eval: read a labelled corpus (JSONL) and other systems' outputs,
 * run precis_eval_run, print the tables. The engine is the library's.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"

#include "eval_input.h"

static const cli_command command = {
	"eval",
	"Usage: precis eval --data FILE.jsonl --system NAME... [OPTIONS]\n",
	"Summarize every record with each system and score it against its reference(s)\n"
	"with ROUGE-1, ROUGE-2 and ROUGE-Lsum (summary-level LCS), with 95% bootstrap confidence\n"
	"intervals.\n\n"
	"Systems: precis, textrank, lexrank, centroid, lead (shared length), lead-N (first N\n"
	"sentences), random, oracle (greedy extractive upper bound), file:OUT.jsonl\n"
	"(outputs of another system: {\"id\", \"summary\": string or array}; LABEL=file:PATH\n"
	"names it).\n"
};

static const char *const format_names[] = { "md", "csv", "json", NULL }; /* enum format */

#define AT(m) CLI_AT(run, m)
/*
 * --samples stops at a million, far more than two printed decimals need:
 * the bootstrap keeps one double per resample, so a typo cannot ask for
 * gigabytes.
 */
static const px_cli_opt opts[] = {
	CLI_VALUE("data", 0, "FILE", AT(data), CLI_CHECK_STRING, "input JSONL"),
	CLI_VALUE("text-key", 0, "K", AT(text_key), CLI_CHECK_STRING,
		  "field with the article (article)"),
	CLI_VALUE("ref-key", 0, "K", AT(ref_key), CLI_CHECK_STRING,
		  "field with the reference, string or array (abstract)"),
	CLI_VALUE("title-key", 0, "K", AT(title_key), CLI_CHECK_STRING,
		  "field with the headline (title); '' disables it"),
	CLI_VALUE("id-key", 0, "K", AT(id_key), CLI_CHECK_STRING, "field with the record id (id)"),
	CLI_VALUE("system", 0, "NAME", AT(systems), CLI_CHECK_LIST,
		  "a system to evaluate (repeatable)"),
	CLI_VALUE("sentences", 'n', "N", AT(o.sentences), CLI_CHECK_COUNT,
		  "at most N sentences (default 1)"),
	CLI_VALUE("words", 0, "W", AT(o.words), CLI_CHECK_COUNT, "at most W words"),
	CLI_FLAG("ref-length", 0, AT(o.ref_length),
		 "each summary gets the word count of its own reference"),
	CLI_FLAG("truncate", 0, AT(o.truncate), "cut the last sentence exactly at the word budget"),
	CLI_VALUE("idf", 0, "FILE", AT(idf_path), CLI_CHECK_STRING,
		  "corpus IDF for the precis-family systems"),
	CLI_VALUE("compat", 0, "M", AT(o.compat), CLI_CHECK_COMPAT,
		  "ROUGE rules: unicode (default), rouge-score, rouge155"),
	CLI_FLAG("stem", 0, AT(o.stem), "ROUGE with stemming"),
	CLI_VALUE("rouge-data", 0, "DIR", AT(o.wordnet_dir), CLI_CHECK_STRING,
		  "rouge155 --stem: WordNet lists of a ROUGE-1.5.5 data\n"
		  "directory (default $ROUGE_EVAL_HOME, else WordNet 3.0 built in)"),
	CLI_VALUE("lang", 0, "CODE", AT(o.lang), CLI_CHECK_LANG, "language of the corpus (auto)"),
	CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE, "md (default), csv or json",
		  .choices = format_names),
	CLI_VALUE("compare", 0, "A B", AT(compare), CLI_CHECK_PAIR,
		  "paired bootstrap test that A beats B (repeatable)"),
	CLI_VALUE("per-doc", 0, "FILE", AT(perdoc), CLI_CHECK_STRING,
		  "write every document's scores as JSONL"),
	CLI_VALUE("seed", 0, "N", AT(seed), CLI_CHECK_UINT, "bootstrap and random-system seed (1)"),
	CLI_VALUE("samples", 0, "N", AT(o.samples), CLI_CHECK_COUNT, "bootstrap resamples (1000)",
		  .max = 1000000),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads (results identical for any N)"),
	CLI_VALUE("max-bytes", 0, "N", AT(max_bytes), CLI_CHECK_BYTES,
		  "refuse larger records (article and references together;\n"
		  "64M; suffixes k, M, G)"),
	CLI_FLAG("lossy", 0, AT(lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_HELP,
	CLI_END
};

/* ------------------------------------------------------------ input */

static void progress(size_t done, size_t total, void *ctx)
{
	const run *r = ctx;
	if (done % 25 != 0 && done != total)
		return;
	double el = difftime(time(NULL), r->start);
	double rate = el > 0 ? (double)done / el : 0;
	double eta = rate > 0 ? (double)(total - done) / rate : 0;
	int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu  %.0f docs/s  ETA %.0fs ", fill,
		"##############################", width - fill, "", done, total, rate, eta);
	if (done == total)
		fputc('\n', stderr);
}

/* Every record's scores by every system, one JSON line each. */
static int write_perdoc(const run *r, const precis_eval_result *res)
{
	cli_output out;
	if (cli_output_open(&out, r->perdoc))
		return -1;
	for (size_t i = 0; i < r->nrecs; i++)
		if (precis_report_eval_doc_jsonl(res, (const char *const *)r->names, i,
						 r->recs[i].id, out.fp)) {
			cli_error("%s: cannot write record %zu", out.name, i + 1);
			cli_output_abort(&out);
			return -1;
		}
	return cli_output_commit(&out) ? -1 : 0;
}

/* ------------------------------------------------------------ flags */

/* The index of system name, or r->nsys. */
static size_t system_index(const run *r, const char *name)
{
	size_t s = 0;
	while (s < r->nsys && strcmp(r->names[s], name) != 0)
		s++;
	return s;
}

static int load_idf(run *r)
{
	if (!r->idf_path)
		return 0;
	int rc = cli_load_idf(&r->idf, r->idf_path);
	r->o.idf = r->idf;
	return rc;
}

/* The rules across options, then the systems and the IDF table. */
static int check_args(run *r, const cli_args *args)
{
	if (!r->data || r->systems.count == 0) {
		cli_error("eval: --data and at least one --system are required");
		return EXIT_USAGE;
	}
	if (args->npos > 0 || r->compare.count > 2 * MAX_COMPARE) {
		if (args->npos > 0)
			cli_error("eval: unexpected argument '%s'", args->pos[0]);
		else
			cli_error("eval: at most %d --compare", MAX_COMPARE);
		return EXIT_USAGE;
	}
	for (size_t k = 0; k < r->systems.count; k++) {
		int rc = cli_eval_add_system(r, r->systems.items[k]);
		if (rc)
			return rc;
	}
	r->npairs = r->compare.count / 2; /* CLI_CHECK_PAIR: A and B in turn */
	for (size_t c = 0; c < r->npairs; c++) {
		r->pairs[c][0] = r->compare.items[2 * c];
		r->pairs[c][1] = r->compare.items[2 * c + 1];
		for (int j = 0; j < 2; j++)
			if ((r->pair_sys[c][j] = system_index(r, r->pairs[c][j])) == r->nsys) {
				cli_error("eval: --compare names '%s', which is not a --system",
					  r->pairs[c][j]);
				return EXIT_USAGE;
			}
	}
	r->o.seed = r->seed;
	r->o.threads = (unsigned)r->threads;
	return load_idf(r) ? EXIT_SOME_FAILED : CLI_PARSED;
}

/* ------------------------------------------------------------ main */

/*
 * Every record a file: system has no output for, and every output id that
 * names no record, one line each; returns how many. A table of zeros from
 * mismatched ids must not pass for a result.
 */
static size_t name_unmatched(const run *r, const precis_eval_result *res)
{
	size_t n = 0;
	for (size_t s = 0; s < r->nsys; s++) {
		for (size_t i = 0; i < r->nrecs; i++)
			if (precis_eval_missing(res, s, i)) {
				cli_error("eval: %s: no output for id '%s'", r->names[s],
					  r->recs[i].id);
				n++;
			}
		const char *key;
		json_t *v;
		if (r->files[s])
			json_object_foreach(r->files[s], key, v) if (!json_object_get(r->seen, key)) {
				cli_error("eval: %s: output id '%s' matches no record of %s",
					  r->names[s], key, r->data);
				n++;
			}
	}
	return n;
}

static int evaluate(run *r, int bad)
{
	precis_eval_result *res = NULL;
	int rc = cli_eval_view_records(r);
	if (!rc)
		rc = precis_eval_run(&res, r->recs, r->nrecs, r->sys, r->nsys, &r->o);
	const char *const *names = (const char *const *)r->names;
	const size_t *pairs = &r->pair_sys[0][0];
	/* A failing stdout is named once, at exit (cli_close_stdout), as before. */
	int wrc = rc ? 0
		  : r->format == F_JSON ? precis_report_eval_json(res, names, pairs, r->npairs,
								  &r->o, stdout)
		  : r->format == F_CSV  ? precis_report_eval_csv(res, names, pairs, r->npairs,
								 &r->o, stdout)
					: precis_report_eval_md(res, names, pairs, r->npairs, &r->o,
								stdout);
	if (wrc != PRECIS_EIO)
		rc = wrc ? wrc : rc;
	if (rc) {
		cli_rouge_new_error("eval", rc, r->o.wordnet_dir);
		bad = -1;
	}
	size_t missing = rc ? 0 : name_unmatched(r, res);
	if (missing || r->out_errors) {
		cli_error("eval: %zu system output(s) missing or unmatched, %d refused: the "
			  "scores above count missing ones as empty", missing, r->out_errors);
		bad++;
	}
	/* --per-doc FILE is not replaced by scores of mismatched outputs (README: -o);
	 * --data records left out are named and the file holds the others. */
	if (!rc && r->perdoc && (missing || r->out_errors) && strcmp(r->perdoc, "-") != 0)
		cli_error("%s: not written (the old file is kept): system outputs do not match "
			  "the data", r->perdoc);
	else if (!rc && r->perdoc && write_perdoc(r, res))
		bad++;
	precis_eval_result_free(res);
	return bad ? EXIT_SOME_FAILED : EXIT_OK;
}

static void run_free(run *r)
{
	free(r->recs);
	free(r->refs);
	json_decref(r->rows);
	json_decref(r->ids);
	json_decref(r->seen);
	for (size_t s = 0; s < r->nsys; s++) {
		free(r->outputs[s]);
		free(r->names[s]);
		json_decref(r->files[s]);
	}
	precis_idf_free(r->idf);
	cli_strlist_free(&r->systems);
	cli_strlist_free(&r->compare);
}

int cmd_eval(int argc, char **argv)
{
	run r = { .text_key = "article", .ref_key = "abstract", .title_key = "title",
		  .id_key = "id", .threads = 1, .seed = 1, .o = PRECIS_EVAL_OPTIONS_INIT,
		  .max_bytes = PRECIS_DEFAULT_MAX_BYTES };
	r.start = time(NULL);
	if (isatty(2)) {
		r.o.progress = progress;
		r.o.progress_ctx = &r;
	}
	cli_args args;
	int rc = cli_opt_parse(&args, &r, &command, opts, argc, argv);
	if (rc == CLI_PARSED) {
		r.o.wordnet_dir = cli_rouge_data(r.o.wordnet_dir);
		rc = check_args(&r, &args);
	}
	if (rc == CLI_PARSED) {
		r.rows = json_array();
		r.ids = json_array();
		r.seen = json_object();
		int bad = 0;
		rc = !r.rows || !r.ids || !r.seen ? EXIT_SOME_FAILED
		     : cli_eval_each_json_line(&r, r.data, JSON_REJECT_DUPLICATES, cli_eval_add_record, &bad)
		     ? EXIT_SOME_FAILED : CLI_PARSED;
		if (bad)
			cli_error("eval: %d record(s) of %s left out (named above)", bad, r.data);
		if (rc == CLI_PARSED && json_array_size(r.rows) == 0) {
			cli_error("%s: no records to evaluate", r.data);
			rc = EXIT_SOME_FAILED;
		} else if (rc == CLI_PARSED) {
			rc = evaluate(&r, bad);
		}
	}
	run_free(&r);
	return rc;
}
