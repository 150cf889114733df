/*
 * precis eval: read a labelled corpus (JSONL) and other systems' outputs,
 * run precis_eval_run, print the tables. The engine is the library's.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis eval --data FILE.jsonl --system NAME... [OPTIONS]\n\n"
	"Summarize every record with each system and score it against its reference(s)\n"
	"with ROUGE-1, ROUGE-2 and ROUGE-L (summary level), with 95% bootstrap confidence\n"
	"intervals.\n\n"
	"Systems: precis, textrank, lexrank, centroid, lead (shared length), lead-N (first N\n"
	"sentences), random, oracle (greedy extractive upper bound), file:OUT.jsonl\n"
	"(outputs of another system: {\"id\", \"summary\": string or array}; LABEL=file:PATH\n"
	"names it).\n\n"
	"  --data FILE       input JSONL\n"
	"  --text-key K      field with the article (article)\n"
	"  --ref-key K       field with the reference, string or array (abstract)\n"
	"  --title-key K     field with the headline (title); '' disables it\n"
	"  --id-key K        field with the record id (id)\n"
	"  --system NAME     a system to evaluate (repeatable)\n"
	"  -n N              at most N sentences (default 1)\n"
	"  --words W         at most W words\n"
	"  --ref-length      each summary gets the word count of its own reference\n"
	"  --truncate        cut the last sentence exactly at the word budget\n"
	"  --idf FILE        corpus IDF for the precis-family systems\n"
	"  --compat M        ROUGE rules: unicode (default), rouge-score, rouge155\n"
	"  --stem            ROUGE with stemming\n"
	"  --lang CODE       language of the corpus (auto)\n"
	"  --format F        md (default), csv or json\n"
	"  --compare A B     paired bootstrap test that A beats B (repeatable)\n"
	"  --per-doc FILE    write every document's scores as JSONL\n"
	"  --seed N          bootstrap and random-system seed (1)\n"
	"  --samples N       bootstrap resamples (1000)\n"
	"  -j, --jobs N      threads (results identical for any N)\n"
	"  -h, --help        this help\n";

enum {
	OPT_DATA = 256, OPT_TEXTKEY, OPT_REFKEY, OPT_TITLEKEY, OPT_IDKEY, OPT_SYSTEM, OPT_WORDS,
	OPT_REFLEN, OPT_TRUNCATE, OPT_IDF, OPT_COMPAT, OPT_STEM, OPT_LANG, OPT_FORMAT,
	OPT_COMPARE, OPT_PERDOC, OPT_SEED, OPT_SAMPLES
};

static const struct option longopts[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "text-key", required_argument, NULL, OPT_TEXTKEY },
	{ "ref-key", required_argument, NULL, OPT_REFKEY },
	{ "title-key", required_argument, NULL, OPT_TITLEKEY },
	{ "id-key", required_argument, NULL, OPT_IDKEY },
	{ "system", required_argument, NULL, OPT_SYSTEM },
	{ "sentences", required_argument, NULL, 'n' },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "ref-length", no_argument, NULL, OPT_REFLEN },
	{ "truncate", no_argument, NULL, OPT_TRUNCATE },
	{ "idf", required_argument, NULL, OPT_IDF },
	{ "compat", required_argument, NULL, OPT_COMPAT },
	{ "stem", no_argument, NULL, OPT_STEM },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "per-doc", required_argument, NULL, OPT_PERDOC },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "samples", required_argument, NULL, OPT_SAMPLES },
	{ "jobs", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

#define MAX_SYSTEMS 32
#define MAX_COMPARE 16
#define M PRECIS_EVAL_MEASURES

typedef struct {
	const char *data, *text_key, *ref_key, *title_key, *id_key, *perdoc;
	enum { F_MD, F_CSV, F_JSON } format;
	const char *compare[MAX_COMPARE][2];
	size_t ncompare;
	precis_eval_options o;
	precis_idf *idf;
	precis_eval_system sys[MAX_SYSTEMS];
	char *names[MAX_SYSTEMS];
	json_t *files[MAX_SYSTEMS];        /* file: systems: id -> summary string */
	const char **outputs[MAX_SYSTEMS]; /* into files[], per record */
	size_t nsys;
	json_t *rows, *ids;                /* the records read, and their ids */
	precis_eval_record *recs;          /* strings inside rows and ids */
	const char **refs;
	size_t nrecs;
	time_t start;
} run;

/* ------------------------------------------------------------ input */

/* The record id: the id field (string or integer), else "line-N". */
static json_t *record_id(json_t *id, size_t line)
{
	if (json_is_string(id))
		return json_incref(id);
	if (json_is_integer(id))
		return json_sprintf("%lld", (long long)json_integer_value(id));
	return json_sprintf("line-%zu", line);
}

/* Returns the number of records skipped, or -1 when the file cannot be read. */
static int load_records(run *r)
{
	FILE *fp = fopen(r->data, "r");
	if (!fp) {
		cli_error("%s: cannot open", r->data);
		return -1;
	}
	size_t lcap = 0, lineno = 0;
	char *line = NULL;
	ssize_t len;
	int bad = 0;
	while ((len = getline(&line, &lcap, fp)) != -1) {
		lineno++;
		if (len <= 1)
			continue;
		json_error_t jerr;
		json_t *v = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
		json_t *text = v ? json_object_get(v, r->text_key) : NULL;
		json_t *ref = v ? json_object_get(v, r->ref_key) : NULL;
		const char *why = !v ? jerr.text : !json_is_object(v) ? "not a JSON object"
					: !json_is_string(text) ? "no string field with the text"
					: !(json_is_string(ref) || (json_is_array(ref) && json_array_size(ref)))
					? "no reference (string or non-empty array)" : NULL;
		if (why) {
			fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", r->data, lineno, why);
			bad++;
			json_decref(v);
			continue;
		}
		json_array_append_new(r->rows, v);
		json_array_append_new(r->ids, record_id(json_object_get(v, r->id_key), lineno));
	}
	free(line);
	fclose(fp);
	return bad;
}

/* The library's view of the rows: pointers into them, references in one array. */
static int view_records(run *r)
{
	size_t n = json_array_size(r->rows), nrefs = 0, i;
	json_t *v;
	json_array_foreach(r->rows, i, v) {
		json_t *ref = json_object_get(v, r->ref_key);
		nrefs += json_is_array(ref) ? json_array_size(ref) : 1;
	}
	r->recs = calloc(n ? n : 1, sizeof *r->recs);
	r->refs = calloc(nrefs ? nrefs : 1, sizeof *r->refs);
	if (!r->recs || !r->refs || json_array_size(r->ids) != n)
		return PRECIS_ENOMEM;
	const char **refs = r->refs;
	json_array_foreach(r->rows, i, v) {
		json_t *ref = json_object_get(v, r->ref_key);
		size_t nr = json_is_array(ref) ? json_array_size(ref) : 1;
		for (size_t k = 0; k < nr; k++) {
			const char *s = json_string_value(json_is_array(ref) ? json_array_get(ref, k) : ref);
			refs[k] = s ? s : "";
		}
		r->recs[i] = (precis_eval_record){
			json_string_value(json_array_get(r->ids, i)),
			json_string_value(json_object_get(v, r->text_key)),
			r->title_key[0] ? json_string_value(json_object_get(v, r->title_key)) : NULL,
			refs, nr };
		if (!r->recs[i].id)
			return PRECIS_ENOMEM;
		refs += nr;
	}
	r->nrecs = n;
	return 0;
}

/* An output given as an array of sentences, one per line. */
static json_t *joined(json_t *v)
{
	if (json_is_string(v))
		return json_incref(v);
	size_t len = 1, i;
	json_t *x;
	json_array_foreach(v, i, x) len += json_is_string(x) ? json_string_length(x) + 1 : 0;
	char *out = calloc(len, 1);
	json_array_foreach(v, i, x) if (out && json_is_string(x)) {
		if (out[0])
			strcat(out, "\n");
		strcat(out, json_string_value(x));
	}
	json_t *s = out ? json_string(out) : NULL;
	free(out);
	return s;
}

/* A file: system's outputs, id -> summary. */
static json_t *load_outputs(const char *path)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		cli_error("eval: %s: cannot open", path);
		return NULL;
	}
	json_t *out = json_object();
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	while (out && getline(&line, &cap, fp) != -1) {
		lineno++;
		json_t *v = json_loads(line, 0, NULL);
		json_t *id = v ? json_object_get(v, "id") : NULL;
		json_t *sum = v ? json_object_get(v, "summary") : NULL;
		json_t *key = json_is_string(id) || json_is_integer(id) ? record_id(id, 0) : NULL;
		if (key && (json_is_string(sum) || json_is_array(sum)))
			json_object_set_new(out, json_string_value(key), joined(sum));
		else if (line[0] != '\n')
			fprintf(stderr, "precis: %s:%zu: no \"id\" and \"summary\" (skipped)\n", path,
				lineno);
		json_decref(key);
		json_decref(v);
	}
	free(line);
	fclose(fp);
	return out;
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
		if (!(r->files[s] = load_outputs(name + 5)))
			return -1;
		r->sys[s] = (precis_eval_system){ NULL, PRECIS_ALG_DEFAULT, 0, false, NULL };
	} else if (precis_eval_system_from_name(&r->sys[s], name) != 0) {
		cli_error("eval: unknown system '%s' (see 'precis eval --help')", name);
		return -1;
	}
	r->names[s] = name != arg ? strndup(arg, (size_t)(eq - arg)) : strdup(name);
	r->sys[s].name = r->names[s];
	r->nsys++;
	return r->names[s] ? 0 : -1;
}

/* Per record outputs of file: systems, NULL where one is missing. */
static int map_outputs(run *r)
{
	for (size_t s = 0; s < r->nsys; s++) {
		if (!r->files[s])
			continue;
		r->outputs[s] = calloc(r->nrecs ? r->nrecs : 1, sizeof *r->outputs[s]);
		if (!r->outputs[s])
			return PRECIS_ENOMEM;
		for (size_t i = 0; i < r->nrecs; i++)
			r->outputs[s][i] = json_string_value(json_object_get(r->files[s], r->recs[i].id));
		r->sys[s].outputs = r->outputs[s];
	}
	return 0;
}

/* ------------------------------------------------------------ output */

static const char *compat_name(precis_rouge_compat c)
{
	return c == PRECIS_ROUGE_SCORE ? "rouge-score" : c == PRECIS_ROUGE_155 ? "rouge155" : "unicode";
}

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

/* System index of --compare's name (checked to exist when parsing). */
static size_t index_of(const run *r, const char *name)
{
	size_t s = 0;
	while (s + 1 < r->nsys && strcmp(r->names[s], name) != 0)
		s++;
	return s;
}

static void paired(double p[M], const run *r, const precis_eval_result *res, size_t c)
{
	if (precis_eval_paired(p, res, index_of(r, r->compare[c][0]),
			       index_of(r, r->compare[c][1])) != 0)
		memset(p, 0, M * sizeof *p);
}

static json_t *json_measure(const precis_eval_result *res, size_t s, precis_eval_measure m)
{
	precis_prf x;
	double lo, hi;
	precis_eval_mean(&x, res, s, m);
	precis_eval_ci(&lo, &hi, res, s, m);
	return json_pack("{s:f,s:f,s:f,s:[f,f]}", "p", x.p, "r", x.r, "f", x.f, "f_ci95", lo, hi);
}

static void print_json(const run *r, const precis_eval_result *res)
{
	json_t *systems = json_array(), *cmp = json_array();
	for (size_t s = 0; s < r->nsys; s++) {
		json_t *o = json_pack("{s:s}", "system", r->names[s]);
		for (int m = 0; m < M; m++)
			json_object_set_new(o, precis_eval_measure_name(m), json_measure(res, s, m));
		json_array_append_new(systems, o);
	}
	for (size_t c = 0; c < r->ncompare; c++) {
		double p[M];
		paired(p, r, res, c);
		json_t *o = json_pack("{s:s,s:s}", "a", r->compare[c][0], "b", r->compare[c][1]);
		for (int m = 0; m < M; m++)
			json_object_set_new(o, precis_eval_measure_name(m), json_real(p[m]));
		json_array_append_new(cmp, o);
	}
	json_t *root = json_pack("{s:I,s:s,s:b,s:o,s:o}", "documents", (json_int_t)r->nrecs,
				 "compat", compat_name(r->o.compat), "stem", r->o.stem, "systems",
				 systems, "compare", cmp);
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8));
	fputc('\n', stdout);
	json_decref(root);
}

static void print_csv(const run *r, const precis_eval_result *res)
{
	printf("system,measure,p,r,f,f_lo,f_hi\n");
	for (size_t s = 0; s < r->nsys; s++)
		for (int m = 0; m < M; m++) {
			precis_prf x;
			double lo, hi;
			precis_eval_mean(&x, res, s, m);
			precis_eval_ci(&lo, &hi, res, s, m);
			printf("%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f\n", r->names[s],
			       precis_eval_measure_name(m), x.p, x.r, x.f, lo, hi);
		}
	for (size_t c = 0; c < r->ncompare; c++) {
		double p[M];
		paired(p, r, res, c);
		for (int m = 0; m < M; m++)
			printf("compare:%s>%s,%s,,,%.4f,,\n", r->compare[c][0], r->compare[c][1],
			       precis_eval_measure_name(m), p[m]);
	}
}

static void print_md(const run *r, const precis_eval_result *res)
{
	printf("ROUGE (%s%s), %zu documents; F x 100 with 95%% bootstrap CI (%zu samples, seed %lu)\n\n",
	       compat_name(r->o.compat), r->o.stem ? ", stemmed" : "", r->nrecs, r->o.samples,
	       r->o.seed);
	printf("| system | R-1 P | R-1 R | R-1 F | R-2 P | R-2 R | R-2 F | R-L P | R-L R | R-L F |\n");
	printf("|---|---|---|---|---|---|---|---|---|---|\n");
	for (size_t s = 0; s < r->nsys; s++) {
		printf("| %s ", r->names[s]);
		for (int m = 0; m < M; m++) {
			precis_prf x;
			double lo, hi;
			precis_eval_mean(&x, res, s, m);
			precis_eval_ci(&lo, &hi, res, s, m);
			printf("| %.2f | %.2f | %.2f [%.2f, %.2f] ", 100 * x.p, 100 * x.r, 100 * x.f,
			       100 * lo, 100 * hi);
		}
		printf("|\n");
	}
	if (!r->ncompare)
		return;
	printf("\nPaired bootstrap, one-sided p-value that A beats B (F):\n\n");
	printf("| A | B | R-1 | R-2 | R-L |\n|---|---|---|---|---|\n");
	for (size_t c = 0; c < r->ncompare; c++) {
		double p[M];
		paired(p, r, res, c);
		printf("| %s | %s | %.4f | %.4f | %.4f |\n", r->compare[c][0], r->compare[c][1], p[0],
		       p[1], p[2]);
	}
}

static int write_perdoc(const run *r, const precis_eval_result *res)
{
	FILE *fp = fopen(r->perdoc, "w");
	if (!fp) {
		cli_error("%s: cannot write", r->perdoc);
		return -1;
	}
	for (size_t i = 0; i < r->nrecs; i++)
		for (size_t s = 0; s < r->nsys; s++) {
			json_t *o = json_pack("{s:s,s:s}", "id", r->recs[i].id, "system", r->names[s]);
			for (int m = 0; m < M; m++) {
				precis_prf x;
				precis_eval_score(&x, res, s, i, m);
				json_object_set_new(o, precis_eval_measure_name(m),
						    json_pack("{s:f,s:f,s:f}", "p", x.p, "r", x.r,
							      "f", x.f));
			}
			if (precis_eval_missing(res, s, i))
				json_object_set_new(o, "missing", json_true());
			char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
							   JSON_REAL_PRECISION(15));
			fprintf(fp, "%s\n", line);
			free(line);
			json_decref(o);
		}
	return fclose(fp) == 0 ? 0 : -1;
}

/* ------------------------------------------------------------ flags */

static bool is_system(const run *r, const char *name)
{
	for (size_t s = 0; s < r->nsys; s++)
		if (strcmp(r->names[s], name) == 0)
			return true;
	return false;
}

static int read_idf(run *r, const char *path)
{
	FILE *fp = fopen(path, "r");
	precis_error err;
	int rc = fp ? precis_idf_read(&r->idf, fp, &err) : PRECIS_EIO;
	if (fp)
		fclose(fp);
	if (rc)
		cli_error("%s: cannot read IDF table", path);
	r->o.idf = r->idf;
	return rc;
}

static int parse_args(run *r, int argc, char **argv)
{
	int c;
	size_t z;
	optind = 1;
	while ((c = getopt_long(argc, argv, "n:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DATA: r->data = optarg; break;
		case OPT_TEXTKEY: r->text_key = optarg; break;
		case OPT_REFKEY: r->ref_key = optarg; break;
		case OPT_TITLEKEY: r->title_key = optarg; break;
		case OPT_IDKEY: r->id_key = optarg; break;
		case OPT_SYSTEM:
			if (add_system(r, optarg))
				return EXIT_USAGE;
			break;
		case 'n':
			if (cli_parse_size(optarg, &z) || z == 0)
				goto bad;
			r->o.sentences = z;
			break;
		case OPT_WORDS:
			if (cli_parse_size(optarg, &z) || z == 0)
				goto bad;
			r->o.words = z;
			break;
		case OPT_REFLEN: r->o.ref_length = true; break;
		case OPT_TRUNCATE: r->o.truncate = true; break;
		case OPT_IDF:
			if (read_idf(r, optarg))
				return EXIT_SOME_FAILED;
			break;
		case OPT_COMPAT:
			if (strcmp(optarg, "unicode") == 0)
				r->o.compat = PRECIS_ROUGE_UNICODE;
			else if (strcmp(optarg, "rouge-score") == 0)
				r->o.compat = PRECIS_ROUGE_SCORE;
			else if (strcmp(optarg, "rouge155") == 0)
				r->o.compat = PRECIS_ROUGE_155;
			else
				goto bad;
			break;
		case OPT_STEM: r->o.stem = true; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg))
				goto bad;
			r->o.lang = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "md") == 0)
				r->format = F_MD;
			else if (strcmp(optarg, "csv") == 0)
				r->format = F_CSV;
			else if (strcmp(optarg, "json") == 0)
				r->format = F_JSON;
			else
				goto bad;
			break;
		case OPT_COMPARE:
			if (optind >= argc || r->ncompare == MAX_COMPARE)
				goto bad;
			r->compare[r->ncompare][0] = optarg;
			r->compare[r->ncompare][1] = argv[optind++];
			r->ncompare++;
			break;
		case OPT_PERDOC: r->perdoc = optarg; break;
		case OPT_SEED:
			if (cli_parse_size(optarg, &z))
				goto bad;
			r->o.seed = z;
			break;
		case OPT_SAMPLES:
			if (cli_parse_size(optarg, &z) || z == 0 || z > 1000000)
				goto bad;
			r->o.samples = z;
			break;
		case 'j':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 64)
				goto bad;
			r->o.threads = (unsigned)z;
			break;
		case 'h': fputs(usage_text, stdout); return -1;
		default: fputs("Try 'precis eval --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (!r->data || r->nsys == 0) {
		cli_error("eval: --data and at least one --system are required");
		return EXIT_USAGE;
	}
	for (size_t k = 0; k < r->ncompare; k++)
		for (int j = 0; j < 2; j++)
			if (!is_system(r, r->compare[k][j])) {
				cli_error("eval: --compare names '%s', which is not a --system",
					  r->compare[k][j]);
				return EXIT_USAGE;
			}
	return 0;
bad:
	cli_error("eval: invalid value for option %s (see 'precis eval --help')", argv[optind - 1]);
	return EXIT_USAGE;
}

/* ------------------------------------------------------------ main */

static int evaluate(run *r, int bad)
{
	precis_eval_result *res = NULL;
	int rc = view_records(r);
	if (!rc)
		rc = map_outputs(r);
	if (!rc)
		rc = precis_eval_run(&res, r->recs, r->nrecs, r->sys, r->nsys, &r->o);
	if (rc) {
		cli_error("eval: %s", precis_strerror(rc));
		return EXIT_SOME_FAILED;
	}
	if (r->format == F_JSON)
		print_json(r, res);
	else if (r->format == F_CSV)
		print_csv(r, res);
	else
		print_md(r, res);
	if (r->perdoc && write_perdoc(r, res))
		bad++;
	size_t missing = 0;
	for (size_t s = 0; s < r->nsys; s++)
		for (size_t i = 0; i < r->nrecs; i++)
			missing += (size_t)precis_eval_missing(res, s, i);
	if (missing)
		cli_error("eval: %zu system outputs missing (scored as empty)", missing);
	precis_eval_result_free(res);
	return bad ? EXIT_SOME_FAILED : EXIT_OK;
}

static void run_free(run *r)
{
	free(r->recs);
	free(r->refs);
	json_decref(r->rows);
	json_decref(r->ids);
	for (size_t s = 0; s < r->nsys; s++) {
		free(r->outputs[s]);
		free(r->names[s]);
		json_decref(r->files[s]);
	}
	precis_idf_free(r->idf);
}

int cmd_eval(int argc, char **argv)
{
	run r = { .text_key = "article", .ref_key = "abstract", .title_key = "title",
		  .id_key = "id", .o = PRECIS_EVAL_OPTIONS_INIT };
	r.o.threads = 1;
	r.start = time(NULL);
	r.rows = json_array();
	r.ids = json_array();
	if (isatty(2)) {
		r.o.progress = progress;
		r.o.progress_ctx = &r;
	}
	int rc = r.rows && r.ids ? parse_args(&r, argc, argv) : EXIT_SOME_FAILED;
	if (rc == 0) {
		int bad = load_records(&r);
		rc = bad < 0 ? EXIT_SOME_FAILED : evaluate(&r, bad);
	}
	run_free(&r);
	return rc < 0 ? EXIT_OK : rc;
}
