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
	CLI_HELP,
	CLI_END
};

/* ------------------------------------------------------------ input */

/*
 * Call fn on each line of path parsed as JSON (v NULL and why set when it
 * is not JSON); blank lines are skipped. -1 when path cannot be read.
 */
static int each_json_line(run *r, const char *path, size_t flags,
			  void (*fn)(run *r, void *dst, json_t *v, const char *path, size_t line,
				     const char *why),
			  void *dst)
{
	FILE *fp = cli_open_input(path);
	if (!fp)
		return -1;
	size_t cap = 0, lineno = 0;
	char *line = NULL;
	ssize_t len;
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		json_error_t jerr;
		json_t *v = len > 1 ? json_loadb(line, (size_t)len, flags, &jerr) : NULL;
		if (len > 1)
			fn(r, dst, v, path, lineno, jerr.text);
		json_decref(v);
	}
	free(line);
	return cli_close_input(fp, path) ? -1 : 0;
}

/*
 * The text and the reference of a record. One vocabulary across commands
 * (README: JSONL fields): besides eval's own "article" and "abstract",
 * records may say "text" and "reference"/"references" as summarize,
 * compare and rouge do, unless --text-key/--ref-key name another field.
 */
static json_t *text_of(const run *r, json_t *v)
{
	json_t *x = json_object_get(v, r->text_key);
	return x || strcmp(r->text_key, "article") != 0 ? x : json_object_get(v, "text");
}

static json_t *ref_of(const run *r, json_t *v)
{
	json_t *x = json_object_get(v, r->ref_key);
	if (x || strcmp(r->ref_key, "abstract") != 0)
		return x;
	x = json_object_get(v, "reference");
	return x ? x : json_object_get(v, "references");
}

/* A string, or a non-empty array of strings: anything else is no reference. */
static bool is_reference(json_t *ref)
{
	if (json_is_string(ref))
		return true;
	if (!json_is_array(ref) || json_array_size(ref) == 0)
		return false;
	size_t i;
	json_t *x;
	json_array_foreach(ref, i, x) if (!json_is_string(x)) return false;
	return true;
}

/* A record of --data: kept (its JSON stays alive in r->rows) or reported. */
static void add_record(run *r, void *bad, json_t *v, const char *path, size_t line,
		       const char *why)
{
	json_t *text = text_of(r, v), *ref = ref_of(r, v);
	cli_record_id id;
	why = !v ? why : !json_is_object(v) ? "not a JSON object"
		: !json_is_string(text) ? "no string field with the text"
		: !is_reference(ref) ? "no reference (a string or a non-empty array of strings)"
		: cli_jsonl_id(&id, v, r->id_key, line) ? "id neither a string nor an integer"
		: NULL;
	json_t *first = why ? NULL : json_object_get(r->seen, id.text);
	if (first) {
		fprintf(stderr, "precis: %s:%zu: duplicate id '%s' (first on line %lld; record "
				"skipped)\n", path, line, id.text, (long long)json_integer_value(first));
		++*(int *)bad;
		return;
	}
	if (why) {
		fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", path, line, why);
		++*(int *)bad;
		return;
	}
	json_object_set_new(r->seen, id.text, json_integer((json_int_t)line));
	json_array_append(r->rows, v);
	json_array_append_new(r->ids, json_string(id.text));
	r->nrefs += json_is_array(ref) ? json_array_size(ref) : 1;
}

/* A line of a file: system, id -> summary (an array of sentences becomes lines). */
static void add_output(run *r, void *out, json_t *v, const char *path, size_t line,
		       const char *why)
{
	json_t *sum = json_object_get(v, "summary");
	cli_record_id id;
	if (!json_is_object(v) || cli_jsonl_id(&id, v, "id", line) || !id.json ||
	    !(json_is_string(sum) || json_is_array(sum))) {
		fprintf(stderr, "precis: %s:%zu: no \"id\" and \"summary\" (skipped)\n", path,
			line);
		r->out_errors++;
		return;
	}
	if (json_object_get(out, id.text)) {
		/* Two summaries for one id: neither may silently win. */
		fprintf(stderr, "precis: %s:%zu: duplicate id '%s' (skipped)\n", path, line,
			id.text);
		r->out_errors++;
		return;
	}
	size_t len = 1, i;
	json_t *x;
	json_array_foreach(sum, i, x) len += json_is_string(x) ? json_string_length(x) + 1 : 0;
	char *s = json_is_string(sum) ? NULL : calloc(len, 1);
	json_array_foreach(sum, i, x) if (s && json_is_string(x)) {
		if (s[0])
			strcat(s, "\n");
		strcat(s, json_string_value(x));
	}
	json_object_set_new(out, id.text, s ? json_string(s) : json_incref(sum));
	free(s);
}

static int add_system(run *r, const char *arg)
{
	if (r->nsys == MAX_SYSTEMS) {
		cli_error("eval: at most %d systems", MAX_SYSTEMS);
		return -1;
	}
	size_t s = r->nsys;
	/* "LABEL=file:PATH" names a file system in the tables. */
	const char *name = arg, *eq = strstr(arg, "=file:");
	if (eq && eq > arg && eq - arg < 64)
		name = eq + 1;
	if (strncmp(name, "file:", 5) == 0) {
		r->sys[s] = (precis_eval_system){ NULL, PRECIS_ALG_DEFAULT, 0, false, NULL };
		if (!(r->files[s] = json_object()) ||
		    each_json_line(r, name + 5, 0, add_output, r->files[s]))
			return -1;
	} else if (precis_eval_system_from_name(&r->sys[s], name) != 0) {
		cli_error("eval: unknown system '%s' (see 'precis eval --help')", name);
		return -1;
	}
	char *label = name != arg ? strndup(arg, (size_t)(eq - arg)) : strdup(name);
	/* A label is bytes from argv: escaped, so JSON and CSV keep it. */
	r->names[s] = label ? cli_display_name(label) : NULL;
	free(label);
	r->sys[s].name = r->names[s];
	r->nsys++;
	return r->names[s] ? 0 : -1;
}

/*
 * The library's view of the records: pointers into their JSON, references
 * in one array, and per file: system its output for each record (NULL:
 * missing).
 */
static int view_records(run *r)
{
	size_t n = json_array_size(r->rows), i;
	r->recs = calloc(n ? n : 1, sizeof *r->recs);
	r->refs = calloc(r->nrefs ? r->nrefs : 1, sizeof *r->refs);
	bool ok = r->recs && r->refs && json_array_size(r->ids) == n;
	for (size_t s = 0; s < r->nsys && ok; s++)
		if (r->files[s])
			ok = (r->outputs[s] = calloc(n ? n : 1, sizeof(char *)));
	if (!ok)
		return PRECIS_ENOMEM;
	for (size_t s = 0; s < r->nsys; s++)
		r->sys[s].outputs = r->outputs[s];
	const char **refs = r->refs;
	json_t *v;
	json_array_foreach(r->rows, i, v) {
		json_t *ref = ref_of(r, v);
		size_t nr = json_is_array(ref) ? json_array_size(ref) : 1;
		for (size_t k = 0; k < nr; k++) {
			json_t *x = json_is_array(ref) ? json_array_get(ref, k) : ref;
			refs[k] = json_is_string(x) ? json_string_value(x) : "";
		}
		const char *id = json_string_value(json_array_get(r->ids, i));
		if (!id)
			return PRECIS_ENOMEM;
		json_t *text = text_of(r, v);
		json_t *title = r->title_key[0] ? json_object_get(v, r->title_key) : NULL;
		r->recs[i] = (precis_eval_record){ id, json_string_value(text),
						   json_string_value(title), refs, nr };
		refs += nr;
		for (size_t s = 0; s < r->nsys; s++)
			if (r->files[s])
				r->outputs[s][i] =
					json_string_value(json_object_get(r->files[s], id));
	}
	r->nrecs = n;
	return 0;
}

/* ------------------------------------------------------------ output */

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
	FILE *fp = fopen(r->idf_path, "r");
	precis_error err;
	int rc = fp ? precis_idf_read(&r->idf, fp, &err) : PRECIS_EIO;
	if (fp)
		fclose(fp);
	if (rc)
		cli_error("%s: cannot read IDF table", r->idf_path);
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
	for (size_t k = 0; k < r->systems.count; k++)
		if (add_system(r, r->systems.items[k]))
			return EXIT_USAGE;
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
	int rc = view_records(r);
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
		  .id_key = "id", .threads = 1, .seed = 1, .o = PRECIS_EVAL_OPTIONS_INIT };
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
		     : each_json_line(&r, r.data, JSON_REJECT_DUPLICATES, add_record, &bad)
		     ? EXIT_SOME_FAILED : CLI_PARSED;
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
