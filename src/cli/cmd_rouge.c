/* precis rouge: ROUGE of one candidate against references, or of a JSONL stream. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"

struct run {
	precis_rouge_options o;
	bool want[PRECIS_ROUGE_MEASURES];
	char **stop;
	char *stopbuf;
	/* flags */
	const char *measures, *stopwords;
	bool jsonl, lossy;
	int threads;
	size_t max_bytes;
};

static const cli_command command = {
	"rouge",
	"Usage: precis rouge [OPTIONS] CANDIDATE_FILE REFERENCE_FILE...\n"
	"       precis rouge [OPTIONS] --jsonl [FILE|-]\n",
	"ROUGE scores. With --jsonl each input line {\"id\", \"candidate\", \"references\":[...]}\n"
	"gives one output line {\"id\", \"rouge1\":{\"p\",\"r\",\"f\"}, ...} in the same order.\n"
};

#define AT(m) CLI_AT(struct run, m)
static const px_cli_opt opts[] = {
	CLI_VALUE("compat", 0, "M", AT(o.compat), CLI_CHECK_COMPAT,
		  "unicode (default: accents kept, case folding, Snowball stems),\n"
		  "rouge-score (Google's rouge-score 0.1.2, exactly) or\n"
		  "rouge155 (ROUGE-1.5.5.pl -c 95 -r 1000 -n 2 -a, exactly)"),
	CLI_FLAG("stem", 0, AT(o.stem), "stem (rouge-score use_stemmer, 1.5.5 -m, Snowball)"),
	CLI_VALUE("rouge-data", 0, "DIR", AT(o.wordnet_dir), CLI_CHECK_STRING,
		  "1.5.5 -m: WordNet exception lists of a ROUGE-1.5.5 data\n"
		  "directory (default $ROUGE_EVAL_HOME, else WordNet 3.0 built in)"),
	CLI_VALUE("lang", 0, "CODE", AT(o.lang), CLI_CHECK_LANG, "language for unicode mode (auto)"),
	CLI_VALUE("alpha", 0, "A", AT(o.alpha), CLI_CHECK_NUMBER,
		  "F = PR / ((1-A) P + A R), default 0.5 (F1)", .max = 1),
	CLI_VALUE("measures", 0, "LIST", AT(measures), CLI_CHECK_STRING,
		  "comma-separated: rouge1,rouge2,rouge3,rouge4,rougeL,rougeLsum,\n"
		  "rougeW,rougeSU4 (default rouge1,rouge2,rougeL,rougeLsum)"),
	CLI_VALUE("limit-words", 'l', "N", AT(o.limit_words), CLI_CHECK_COUNT,
		  "1.5.5 -l: only the first N words of each text"),
	CLI_VALUE("limit-bytes", 'b', "N", AT(o.limit_bytes), CLI_CHECK_BYTES,
		  "1.5.5 -b: only the first N bytes"),
	CLI_VALUE("stopwords", 0, "FILE", AT(stopwords), CLI_CHECK_STRING,
		  "1.5.5 -s: drop these words (one per line, e.g. its\n"
		  "smart_common_words.txt)"),
	CLI_FLAG("jsonl", 0, AT(jsonl), "stream mode"),
	CLI_FLAG("lossy", 0, AT(lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(max_bytes), CLI_CHECK_BYTES,
		  "refuse larger files, or --jsonl records (candidate and\n"
		  "references together; 64M; suffixes k, M, G)"),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads for --jsonl (output identical for any N)"),
	CLI_HELP,
	CLI_END
};

/* --measures: names from the library's table; flags for the scorer. */
static int parse_measures(struct run *r)
{
	if (r->measures) {
		memset(r->want, 0, sizeof r->want);
		char *copy = strdup(r->measures), *save = NULL;
		if (!copy) {
			cli_error("out of memory");
			return EXIT_SOME_FAILED;
		}
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
			size_t k;
			if (precis_rouge_measure_from_name(&k, t)) {
				int rc = cli_opt_bad_value(&command, "--measures", t);
				free(copy);
				return rc;
			}
			r->want[k] = true;
		}
		free(copy);
	}
	r->o.measures = 0;
	for (size_t k = 0; k < PRECIS_ROUGE_MEASURES; k++)
		if (r->want[k])
			r->o.measures |= precis_rouge_measure_flag(k);
	return 0;
}

static const char stop_blanks[] = " \t\r\n";

static int load_stopwords(struct run *r, const char *path)
{
	size_t len;
	precis_error err;
	/* Bounded like every input (a device or FIFO named here would not end). */
	int rc = cli_read_file(&r->stopbuf, &len, path, r->max_bytes, &err);
	if (rc) {
		cli_report(path, rc, &err);
		return -1;
	}
	/* Count the words first: one allocation of the exact size. */
	size_t n = 0;
	for (const char *p = r->stopbuf + strspn(r->stopbuf, stop_blanks); *p;
	     p += strspn(p, stop_blanks)) {
		n++;
		p += strcspn(p, stop_blanks);
	}
	r->stop = malloc((n + 1) * sizeof *r->stop);
	if (!r->stop) {
		cli_error("out of memory");
		return -1;
	}
	n = 0;
	char *save = NULL;
	for (char *t = strtok_r(r->stopbuf, stop_blanks, &save); t;
	     t = strtok_r(NULL, stop_blanks, &save))
		r->stop[n++] = t;
	r->stop[n] = NULL;
	r->o.stopwords = (const char *const *)r->stop;
	return 0;
}

static json_t *scores_json(const struct run *r, const precis_rouge_scores *s, json_t *id,
			   size_t line_no)
{
	json_t *o = json_object();
	if (id)
		json_object_set(o, "id", id);
	else
		json_object_set_new(o, "line", json_integer((json_int_t)line_no));
	for (size_t k = 0; k < PRECIS_ROUGE_MEASURES; k++) {
		if (!r->want[k])
			continue;
		const precis_prf *m = precis_rouge_measure(s, k);
		json_t *x = json_object();
		json_object_set_new(x, "p", json_real(m->p));
		json_object_set_new(x, "r", json_real(m->r));
		json_object_set_new(x, "f", json_real(m->f));
		json_object_set_new(o, precis_rouge_measure_name(k), x);
	}
	return o;
}

static void *scorer_new(void *ctx)
{
	struct run *r = ctx;
	precis_rouge *s;
	return precis_rouge_new(&s, &r->o) == 0 ? s : NULL;
}

static void scorer_free(void *s)
{
	precis_rouge_free(s);
}

static int jsonl_record(char **out, precis_analyzer *a, void *state, size_t line_no,
			const char *line, size_t len, void *ctx)
{
	(void)a;
	struct run *r = ctx;
	if (!line) {
		*out = cli_jsonl_error(NULL, line_no, "line of %zu bytes is too long", len);
		return 1;
	}
	json_error_t jerr;
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(rec)) {
		*out = rec ? cli_jsonl_error(NULL, line_no, "not a JSON object")
			   : cli_jsonl_error(NULL, line_no, "malformed JSON at column %d: %s",
					     jerr.column, jerr.text);
		json_decref(rec);
		return 1;
	}
	cli_record_id rid;
	if (cli_jsonl_id(&rid, rec, "id", line_no)) {
		*out = cli_jsonl_error(NULL, line_no, "\"id\" must be a string or an integer");
		json_decref(rec);
		return 1;
	}
	json_t *id = rid.json;
	/* One vocabulary across commands (README, JSONL fields): "summary" is
	 * what eval's system files call the candidate, "reference" (string or
	 * array) what summarize and eval call the references. */
	json_t *cand = json_object_get(rec, "candidate");
	if (!cand)
		cand = json_object_get(rec, "summary");
	json_t *refs = json_object_get(rec, "references");
	if (!refs)
		refs = json_object_get(rec, "reference");
	const char *msg = NULL;
	char what[128];
	if (!cand)
		msg = "missing \"candidate\" (or \"summary\")";
	else if (!json_is_string(cand))
		msg = "\"candidate\" must be a string";
	else if (!refs)
		msg = "missing \"references\" (or \"reference\")";
	else if (!json_is_string(refs) && (!json_is_array(refs) || json_array_size(refs) == 0))
		msg = "\"references\" must be a string or a non-empty array of strings";
	/* --max-bytes bounds a record's decoded texts together, so that the
	 * line limit (cli_jsonl_line_limit) can never refuse a record within it. */
	size_t total = msg ? 0 : json_string_length(cand);
	size_t nr = json_is_string(refs) ? 1 : json_array_size(refs);
	const char **rv = calloc(nr ? nr : 1, sizeof *rv);
	for (size_t k = 0; !msg && rv && k < nr; k++) {
		json_t *x = json_is_string(refs) ? refs : json_array_get(refs, k);
		if (!json_is_string(x)) {
			snprintf(what, sizeof what, "\"references\"[%zu] must be a string", k);
			msg = what;
		} else {
			rv[k] = json_string_value(x);
			total += json_string_length(x);
		}
	}
	if (!rv)
		msg = "out of memory";
	if (!msg && total > r->max_bytes) {
		snprintf(what, sizeof what, "texts of %zu bytes (candidate and references) exceed "
			 "--max-bytes %zu", total, r->max_bytes);
		msg = what;
	}
	/* NUL inside a JSON string would silently cut the text: refuse it. */
	if (!msg && strlen(json_string_value(cand)) != json_string_length(cand))
		msg = "NUL character in \"candidate\"";
	precis_rouge_scores s;
	int rc = 0;
	if (!msg && (rc = precis_rouge_score(&s, state, json_string_value(cand), rv, nr)))
		msg = precis_strerror(rc);
	if (msg) {
		*out = cli_jsonl_error(id, line_no, "%s", msg);
		free(rv);
		json_decref(rec);
		return 1;
	}
	json_t *res = scores_json(r, &s, id, line_no);
	/* 15 significant digits: exact for 1.5.5's 5 decimals, 1e-15 for the rest. */
	*out = json_dumps(res, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER);
	json_decref(res);
	free(rv);
	json_decref(rec);
	return 0;
}

static int run_pair(struct run *r, char **files, int n)
{
	if (n < 2) {
		cli_error("rouge: expected CANDIDATE_FILE REFERENCE_FILE... (see 'precis rouge --help')");
		return EXIT_USAGE;
	}
	char **texts = calloc((size_t)n, sizeof *texts);
	int failed = 0;
	for (int i = 0; i < n && texts; i++) {
		size_t len;
		precis_error err = { 0 };
		int rc = cli_read_file(&texts[i], &len, files[i], r->max_bytes, &err);
		if (!rc && r->lossy && (rc = cli_utf8_lossy(&texts[i], &len)))
			err.message[0] = '\0';
		/* Invalid UTF-8 or a NUL byte: say which file, and where. */
		if (!rc)
			rc = precis_rouge_check(texts[i], len, &err);
		if (rc) {
			cli_report(files[i], rc, &err);
			failed = 1;
		}
	}
	precis_rouge *sc = NULL;
	precis_rouge_scores s;
	int rc = failed ? -1 : precis_rouge_new(&sc, &r->o);
	if (!rc)
		rc = precis_rouge_score(&s, sc, texts[0], (const char *const *)texts + 1, (size_t)n - 1);
	if (rc < 0 && !failed)
		cli_rouge_new_error("rouge", rc, r->o.wordnet_dir);
	if (!rc) {
		printf("%-10s %-9s %-9s %-9s\n", "measure", "P", "R", "F");
		for (size_t k = 0; k < PRECIS_ROUGE_MEASURES; k++) {
			if (!r->want[k])
				continue;
			const precis_prf *m = precis_rouge_measure(&s, k);
			printf("%-10s %.5f   %.5f   %.5f\n", precis_rouge_measure_name(k), m->p, m->r,
			       m->f);
		}
	}
	precis_rouge_free(sc);
	for (int i = 0; i < n && texts; i++)
		free(texts[i]);
	free(texts);
	return rc ? EXIT_SOME_FAILED : EXIT_OK;
}

int cmd_rouge(int argc, char **argv)
{
	struct run r = { PRECIS_ROUGE_OPTIONS_INIT,
			 { true, true, false, false, true, true, false, false },
			 NULL, NULL, NULL, NULL, false, false, 1, PRECIS_DEFAULT_MAX_BYTES };
	cli_args args;
	int rc = cli_opt_parse(&args, &r, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if ((rc = parse_measures(&r)))
		return rc;
	r.o.wordnet_dir = cli_rouge_data(r.o.wordnet_dir);
	if (r.stopwords && load_stopwords(&r, r.stopwords)) {
		free(r.stopbuf);
		return EXIT_SOME_FAILED;
	}
	if ((r.o.limit_words || r.o.limit_bytes || r.stop) && r.o.compat != PRECIS_ROUGE_155) {
		cli_error("rouge: -l, -b and --stopwords follow ROUGE-1.5.5 and need --compat rouge155");
		rc = EXIT_USAGE;
	} else if (r.jsonl) {
		cli_jsonl_state st = { scorer_new, scorer_free };
		cli_jsonl_job job = { "rouge", r.threads, r.max_bytes, r.lossy, jsonl_record, &r,
				      &st };
		rc = cli_jsonl_main(&job, args.pos, args.npos);
	} else {
		rc = run_pair(&r, args.pos, args.npos);
	}
	free(r.stop);
	free(r.stopbuf);
	return rc;
}
