/* precis summarize: extractive summaries of files, directories, stdin or JSONL. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"

enum format { FMT_TEXT, FMT_JSON, FMT_MD };

struct opts {
	precis_summary_options sum;
	precis_doc_options doc;
	enum format format;
	bool jsonl;
	bool headline;
	bool verbose;
	int threads;
	const char *idf_path;
	precis_idf *idf;
};

static const char usage_text[] =
	"Usage: precis summarize [OPTIONS] FILE... | DIR | -\n"
	"       precis summarize --jsonl [OPTIONS] < IN.jsonl > OUT.jsonl\n\n"
	"Extractive summary of news articles: TF-IDF sentence graph, PageRank, MMR.\n\n"
	"Length (the tightest wins; default -n 3):\n"
	"  -n, --sentences N      at most N sentences\n"
	"      --ratio P          at most P percent of the sentences\n"
	"      --words W          at most W words\n"
	"      --chars C          at most C characters\n"
	"      --truncate         cut the last sentence exactly at the word/char budget\n"
	"Ranking:\n"
	"      --algorithm A      precis (default), textrank, lexrank, lead, centroid, random\n"
	"      --position-bias W  weight of the early-sentence prior, 0..1\n"
	"      --title-bias W     weight of the headline prior, 0..1\n"
	"      --damping D        PageRank damping (0.85)\n"
	"      --tolerance T      power-iteration tolerance (1e-6)\n"
	"      --max-iter N       power-iteration cap (100)\n"
	"      --threshold T      LexRank edge threshold (0.1)\n"
	"      --continuous       LexRank with weighted edges\n"
	"      --redundancy L     MMR lambda, 0..1 (0.7; 1 = no redundancy control)\n"
	"      --order doc|rank   order of the picked sentences (doc)\n"
	"      --idf FILE         corpus IDF from 'precis idf'\n"
	"      --seed N           seed of --algorithm random\n"
	"Input and output:\n"
	"      --lang CODE|auto   language (auto)\n"
	"      --raw              do not remove boilerplate lines\n"
	"      --lossy            replace invalid UTF-8 by U+FFFD instead of failing\n"
	"      --max-bytes N      refuse larger documents (64M)\n"
	"      --headline         print the detected headline first\n"
	"      --format F         text (default), json or md\n"
	"      --jsonl            stream: {\"id\",\"text\",\"title\"?} per line in, one line out\n"
	"  -j, --jobs N           threads for --jsonl (output identical for any N)\n"
	"  -v, --verbose          report the detected language on stderr\n"
	"  -h, --help             this help\n";

static int parse_algorithm(const char *s, precis_algorithm *out)
{
	static const struct {
		const char *name;
		precis_algorithm alg;
	} names[] = { { "precis", PRECIS_ALG_DEFAULT },   { "default", PRECIS_ALG_DEFAULT },
		      { "textrank", PRECIS_ALG_TEXTRANK }, { "lexrank", PRECIS_ALG_LEXRANK },
		      { "lead", PRECIS_ALG_LEAD },         { "centroid", PRECIS_ALG_CENTROID },
		      { "random", PRECIS_ALG_RANDOM } };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].alg;
			return 0;
		}
	return -1;
}

enum {
	OPT_RATIO = 256, OPT_WORDS, OPT_CHARS, OPT_TRUNCATE, OPT_ALGORITHM, OPT_POSITION,
	OPT_TITLE, OPT_DAMPING, OPT_TOLERANCE, OPT_MAXITER, OPT_THRESHOLD, OPT_CONTINUOUS,
	OPT_REDUNDANCY, OPT_ORDER, OPT_IDF, OPT_SEED, OPT_LANG, OPT_RAW, OPT_LOSSY,
	OPT_MAXBYTES, OPT_HEADLINE, OPT_FORMAT, OPT_JSONL
};

static const struct option longopts[] = {
	{ "sentences", required_argument, NULL, 'n' },
	{ "ratio", required_argument, NULL, OPT_RATIO },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "chars", required_argument, NULL, OPT_CHARS },
	{ "truncate", no_argument, NULL, OPT_TRUNCATE },
	{ "algorithm", required_argument, NULL, OPT_ALGORITHM },
	{ "position-bias", required_argument, NULL, OPT_POSITION },
	{ "title-bias", required_argument, NULL, OPT_TITLE },
	{ "damping", required_argument, NULL, OPT_DAMPING },
	{ "tolerance", required_argument, NULL, OPT_TOLERANCE },
	{ "max-iter", required_argument, NULL, OPT_MAXITER },
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ "continuous", no_argument, NULL, OPT_CONTINUOUS },
	{ "redundancy", required_argument, NULL, OPT_REDUNDANCY },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "idf", required_argument, NULL, OPT_IDF },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "max-bytes", required_argument, NULL, OPT_MAXBYTES },
	{ "headline", no_argument, NULL, OPT_HEADLINE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "jobs", required_argument, NULL, 'j' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int bad_value(const char *opt, const char *val)
{
	cli_error("summarize: invalid value '%s' for %s (see 'precis summarize --help')", val, opt);
	return EXIT_USAGE;
}

static int parse_unit(const char *opt, const char *val, double *out)
{
	if (cli_parse_double(val, out) != 0 || *out < 0.0 || *out > 1.0)
		return bad_value(opt, val);
	return 0;
}

static int parse_args(struct opts *o, int argc, char **argv)
{
	size_t z;
	double d;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "n:j:vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (cli_parse_size(optarg, &z) || z == 0)
				return bad_value("-n", optarg);
			o->sum.sentences = z;
			break;
		case OPT_RATIO:
			if (cli_parse_double(optarg, &d) || d <= 0.0 || d > 100.0)
				return bad_value("--ratio", optarg);
			o->sum.ratio = d;
			o->sum.sentences = 0;
			break;
		case OPT_WORDS:
			if (cli_parse_size(optarg, &z) || z == 0)
				return bad_value("--words", optarg);
			o->sum.words = z;
			o->sum.sentences = 0;
			break;
		case OPT_CHARS:
			if (cli_parse_size(optarg, &z) || z == 0)
				return bad_value("--chars", optarg);
			o->sum.chars = z;
			o->sum.sentences = 0;
			break;
		case OPT_TRUNCATE: o->sum.truncate = true; break;
		case OPT_ALGORITHM:
			if (parse_algorithm(optarg, &o->sum.algorithm))
				return bad_value("--algorithm", optarg);
			break;
		case OPT_POSITION:
			if (parse_unit("--position-bias", optarg, &o->sum.position_bias))
				return EXIT_USAGE;
			break;
		case OPT_TITLE:
			if (parse_unit("--title-bias", optarg, &o->sum.title_bias))
				return EXIT_USAGE;
			break;
		case OPT_DAMPING:
			if (cli_parse_double(optarg, &d) || d <= 0.0 || d >= 1.0)
				return bad_value("--damping", optarg);
			o->sum.damping = d;
			break;
		case OPT_TOLERANCE:
			if (cli_parse_double(optarg, &d) || d <= 0.0)
				return bad_value("--tolerance", optarg);
			o->sum.tolerance = d;
			break;
		case OPT_MAXITER:
			if (cli_parse_size(optarg, &z) || z == 0 || z > 1000000)
				return bad_value("--max-iter", optarg);
			o->sum.max_iterations = (int)z;
			break;
		case OPT_THRESHOLD:
			if (cli_parse_double(optarg, &d) || d < 0.0 || d >= 1.0)
				return bad_value("--threshold", optarg);
			o->sum.lexrank_threshold = d;
			break;
		case OPT_CONTINUOUS: o->sum.lexrank_continuous = true; break;
		case OPT_REDUNDANCY:
			if (parse_unit("--redundancy", optarg, &o->sum.redundancy))
				return EXIT_USAGE;
			break;
		case OPT_ORDER:
			if (strcmp(optarg, "doc") == 0)
				o->sum.order = PRECIS_ORDER_DOC;
			else if (strcmp(optarg, "rank") == 0)
				o->sum.order = PRECIS_ORDER_RANK;
			else
				return bad_value("--order", optarg);
			break;
		case OPT_IDF: o->idf_path = optarg; break;
		case OPT_SEED:
			if (cli_parse_size(optarg, &z))
				return bad_value("--seed", optarg);
			o->sum.seed = z;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg))
				return bad_value("--lang", optarg);
			o->doc.lang = optarg;
			break;
		case OPT_RAW: o->doc.clean = false; break;
		case OPT_LOSSY: o->doc.lossy = true; break;
		case OPT_MAXBYTES:
			if (cli_parse_size(optarg, &z) || z == 0)
				return bad_value("--max-bytes", optarg);
			o->doc.max_bytes = z;
			break;
		case OPT_HEADLINE: o->headline = true; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				o->format = FMT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = FMT_JSON;
			else if (strcmp(optarg, "md") == 0)
				o->format = FMT_MD;
			else
				return bad_value("--format", optarg);
			break;
		case OPT_JSONL: o->jsonl = true; break;
		case 'j':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 64)
				return bad_value("-j", optarg);
			o->threads = (int)z;
			break;
		case 'v': o->verbose = true; break;
		case 'h': fputs(usage_text, stdout); return -1;
		default:
			fputs("Try 'precis summarize --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	return 0;
}

static int load_idf(struct opts *o)
{
	if (!o->idf_path)
		return 0;
	FILE *fp = fopen(o->idf_path, "r");
	if (!fp) {
		cli_error("%s: cannot open IDF table", o->idf_path);
		return EXIT_SOME_FAILED;
	}
	precis_error err;
	int rc = precis_idf_read(&o->idf, fp, &err);
	fclose(fp);
	if (rc) {
		cli_report(o->idf_path, rc, &err);
		return EXIT_SOME_FAILED;
	}
	o->sum.idf = o->idf;
	return 0;
}

/* Summary of one document as a JSON object (file mode and JSONL mode share it). */
static json_t *summary_json(const precis_doc *doc, const precis_summary *s, bool detail)
{
	size_t len;
	const char *text = precis_doc_text(doc, &len);
	json_t *picks = json_array();
	for (size_t k = 0; k < precis_summary_count(s); k++) {
		const precis_pick *p = &precis_summary_picks(s)[k];
		json_t *t = json_stringn(text + p->span.start, p->span.end - p->span.start);
		if (!detail) {
			json_array_append_new(picks, t);
			continue;
		}
		json_t *o = json_object();
		json_object_set_new(o, "index", json_integer((json_int_t)p->index));
		json_object_set_new(o, "score", json_real(p->score));
		json_object_set_new(o, "start", json_integer((json_int_t)p->span.start));
		json_object_set_new(o, "end", json_integer((json_int_t)p->span.end));
		json_object_set_new(o, "text", t);
		json_array_append_new(picks, o);
	}
	return picks;
}

static json_t *headline_json(const precis_doc *doc)
{
	precis_span h = precis_doc_headline(doc);
	if (h.end <= h.start)
		return json_null();
	return json_stringn(precis_doc_text(doc, NULL) + h.start, h.end - h.start);
}

static int summarize_doc(precis_doc **doc, precis_summary **s, precis_analyzer *a,
			 const struct opts *o, const char *text, size_t len, const char *title,
			 precis_error *err)
{
	precis_doc_options dopt = o->doc;
	if (title)
		dopt.title = title;
	int rc = precis_doc_new(doc, a, text, len, &dopt, err);
	if (rc)
		return rc;
	if (precis_doc_sentence_count(*doc) == 0) {
		/* Empty, blank, punctuation only, or nothing but boilerplate. */
		snprintf(err->message, sizeof err->message, "%s",
			 len ? "no sentences to summarize (only blanks, punctuation or boilerplate)"
			     : "empty input");
		err->line = 0;
		precis_doc_free(*doc);
		*doc = NULL;
		return PRECIS_EEMPTY;
	}
	rc = precis_summarize(s, *doc, &o->sum);
	if (rc) {
		snprintf(err->message, sizeof err->message, "%s", precis_strerror(rc));
		err->line = 0;
		precis_doc_free(*doc);
		*doc = NULL;
	}
	return rc;
}

/* ---------------------------------------------------------- file mode */

static void print_text(const struct opts *o, const char *name, const precis_doc *doc,
		       const precis_summary *s, bool many, bool first)
{
	const char *text = precis_doc_text(doc, NULL);
	precis_span h = precis_doc_headline(doc);
	if (o->format == FMT_MD) {
		printf("%s## %s\n\n", first ? "" : "\n", name);
		if (o->headline && h.end > h.start)
			printf("**%.*s**\n\n", (int)(h.end - h.start), text + h.start);
	} else {
		if (many)
			printf("%s==> %s <==\n", first ? "" : "\n", name);
		if (o->headline && h.end > h.start)
			printf("%.*s\n\n", (int)(h.end - h.start), text + h.start);
	}
	for (size_t k = 0; k < precis_summary_count(s); k++) {
		precis_span sp = precis_summary_picks(s)[k].span;
		printf("%s%.*s\n", o->format == FMT_MD ? "- " : "", (int)(sp.end - sp.start),
		       text + sp.start);
	}
}

static int run_files(struct opts *o, char **args, int nargs)
{
	int failed = 0;
	char *dash = "-";
	char **paths = nargs ? cli_expand_paths(args, nargs, &failed)
			     : cli_expand_paths(&dash, 1, &failed);
	precis_analyzer *a;
	if (!paths || precis_analyzer_new(&a)) {
		cli_free_paths(paths);
		cli_error("out of memory");
		return EXIT_SOME_FAILED;
	}
	size_t npaths = 0;
	while (paths[npaths])
		npaths++;
	bool many = npaths > 1;
	json_t *all = o->format == FMT_JSON ? json_array() : NULL;
	bool first = true;
	for (size_t i = 0; i < npaths; i++) {
		const char *name = strcmp(paths[i], "-") == 0 ? "(stdin)" : paths[i];
		char *buf;
		size_t len;
		precis_error err = { 0 };
		int rc = cli_read_file(&buf, &len, paths[i], o->doc.max_bytes, &err);
		if (rc) {
			cli_report(name, rc, &err);
			failed++;
			continue;
		}
		precis_doc *doc;
		precis_summary *s;
		rc = summarize_doc(&doc, &s, a, o, buf, len, NULL, &err);
		free(buf);
		if (rc) {
			cli_report(name, rc, &err);
			failed++;
			continue;
		}
		if (o->verbose)
			fprintf(stderr, "precis: %s: language %s, %zu sentences\n", name,
				precis_doc_language(doc), precis_doc_sentence_count(doc));
		if (all) {
			json_t *j = json_object();
			json_object_set_new(j, "file", json_string(name));
			json_object_set_new(j, "language", json_string(precis_doc_language(doc)));
			json_object_set_new(j, "headline", headline_json(doc));
			json_object_set_new(j, "sentences",
					    json_integer((json_int_t)precis_doc_sentence_count(doc)));
			json_object_set_new(j, "summary", summary_json(doc, s, true));
			json_array_append_new(all, j);
		} else {
			print_text(o, name, doc, s, many, first);
		}
		first = false;
		precis_summary_free(s);
		precis_doc_free(doc);
	}
	if (all) {
		json_t *root = json_object();
		json_object_set_new(root, "summaries", all);
		json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		fputc('\n', stdout);
		json_decref(root);
	}
	precis_analyzer_free(a);
	cli_free_paths(paths);
	if (fflush(stdout) != 0)
		return EXIT_SOME_FAILED;
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

/* ---------------------------------------------------------- JSONL mode */

static int jsonl_record(char **out, precis_analyzer *a, void *state, size_t line_no,
			const char *line, size_t len, void *ctx)
{
	const struct opts *o = ctx;
	if (!line) {
		*out = cli_jsonl_error(NULL, line_no, "line of %zu bytes exceeds --max-bytes", len);
		return 1;
	}
	json_error_t jerr;
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!rec || !json_is_object(rec)) {
		*out = rec ? cli_jsonl_error(NULL, line_no, "not a JSON object")
			   : cli_jsonl_error(NULL, line_no, "malformed JSON at column %d: %s",
					     jerr.column, jerr.text);
		json_decref(rec);
		return 1;
	}
	json_t *id = json_object_get(rec, "id");
	json_t *text = json_object_get(rec, "text");
	json_t *title = json_object_get(rec, "title");
	if (id && !json_is_string(id) && !json_is_integer(id)) {
		*out = cli_jsonl_error(NULL, line_no, "\"id\" must be a string or an integer");
		json_decref(rec);
		return 1;
	}
	if (!json_is_string(text) || (title && !json_is_string(title) && !json_is_null(title))) {
		*out = cli_jsonl_error(id, line_no, text ? "\"text\" and \"title\" must be strings"
							 : "missing \"text\"");
		json_decref(rec);
		return 1;
	}
	precis_doc *doc;
	precis_summary *s;
	precis_error err = { 0 };
	int rc = summarize_doc(&doc, &s, a, o, json_string_value(text), json_string_length(text),
			       json_is_string(title) ? json_string_value(title) : NULL, &err);
	if (rc) {
		*out = cli_jsonl_error(id, line_no, "%s", err.message[0] ? err.message
									  : precis_strerror(rc));
		json_decref(rec);
		return 1;
	}
	json_t *res = json_object();
	if (id)
		json_object_set(res, "id", id);
	else
		json_object_set_new(res, "line", json_integer((json_int_t)line_no));
	json_object_set_new(res, "language", json_string(precis_doc_language(doc)));
	json_object_set_new(res, "summary", summary_json(doc, s, false));
	json_t *idx = json_array();
	for (size_t k = 0; k < precis_summary_count(s); k++)
		json_array_append_new(idx, json_integer((json_int_t)precis_summary_picks(s)[k].index));
	json_object_set_new(res, "indices", idx);
	*out = json_dumps(res, JSON_COMPACT);
	json_decref(res);
	json_decref(rec);
	precis_summary_free(s);
	precis_doc_free(doc);
	return 0;
}

static int run_jsonl(struct opts *o, char **args, int nargs)
{
	FILE *in = stdin;
	if (nargs > 1) {
		cli_error("summarize: --jsonl reads one input (a file or -)");
		return EXIT_USAGE;
	}
	if (nargs == 1 && strcmp(args[0], "-") != 0 && !(in = fopen(args[0], "r"))) {
		cli_error("%s: cannot open", args[0]);
		return EXIT_SOME_FAILED;
	}
	/* A line holds a JSON-escaped document: allow for escaping overhead. */
	size_t max_line = o->doc.max_bytes ? o->doc.max_bytes * 2 + 4096 : (size_t)-1;
	long failed = cli_jsonl_run(in, stdout, o->threads, max_line, jsonl_record, o, NULL);
	if (in != stdin)
		fclose(in);
	if (failed < 0) {
		if (failed != PRECIS_EIO)
			cli_error("summarize: %s", precis_strerror((int)failed));
		return EXIT_SOME_FAILED;
	}
	if (failed)
		cli_error("summarize: %ld record(s) failed", failed);
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

int cmd_summarize(int argc, char **argv)
{
	struct opts o = { PRECIS_SUMMARY_OPTIONS_INIT, PRECIS_DOC_OPTIONS_INIT, FMT_TEXT,
			  false, false, false, 1, NULL, NULL };
	int rc = parse_args(&o, argc, argv);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if ((rc = load_idf(&o)))
		return rc;
	rc = o.jsonl ? run_jsonl(&o, argv + optind, argc - optind)
		     : run_files(&o, argv + optind, argc - optind);
	precis_idf_free(o.idf);
	return rc;
}
