/* precis compare: how outlets covered the same events, as Markdown, HTML or JSON. */
#include <getopt.h>
#include <libgen.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis compare [OPTIONS] FILE... | DIR\n"
	"       precis compare [OPTIONS] --jsonl FILE|-\n\n"
	"Group articles into stories (events) and show side by side how each outlet\n"
	"framed each story: cards, headlines, shared and unique facts, distinctive words,\n"
	"reused agency copy, a consensus summary and a similarity matrix. JSONL records:\n"
	"{\"id\", \"text\", \"title\"?, \"outlet\"?, \"date\"?, \"url\"?}; given fields win.\n\n"
	"  --format F      md (default), html or json\n"
	"  -o, --output F  write the report to F (atomically) instead of stdout\n"
	"  --threshold T   probability of one story that links two articles (0.5)\n"
	"  --stories N     force N stories\n"
	"  --explain       list each grouping decision with its evidence\n"
	"  --model W,...   grouping model: bias and 8 weights (eval/grouping_fit.py)\n"
	"  --lang CODE     language of every article (auto: per article)\n"
	"  -n N            sentences per summary (3)\n"
	"  -j, --jobs N    threads reading the articles (default: one per core)\n"
	"  --jsonl         read JSONL records\n"
	"  -h, --help      this help\n";

enum { OPT_FORMAT = 256, OPT_THRESHOLD, OPT_STORIES, OPT_EXPLAIN, OPT_LANG, OPT_JSONL, OPT_MODEL };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ "stories", required_argument, NULL, OPT_STORIES },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "jobs", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

typedef struct {
	precis_article_input *v;
	size_t n, cap;
	precis_record_error *bad; /* records not read: the report's errors */
	size_t nbad, capbad;
	char **owned; /* strings to free */
	size_t nowned, capowned;
} inputs;

static char *own(inputs *in, char *s)
{
	if (!s)
		return NULL;
	if (in->nowned == in->capowned) {
		size_t nc = in->capowned ? in->capowned * 2 : 64;
		char **nv = realloc(in->owned, nc * sizeof *nv);
		if (!nv) {
			free(s);
			return NULL;
		}
		in->owned = nv;
		in->capowned = nc;
	}
	return in->owned[in->nowned++] = s;
}

static precis_article_input *add(inputs *in)
{
	if (in->n == in->cap) {
		size_t nc = in->cap ? in->cap * 2 : 64;
		precis_article_input *nv = realloc(in->v, nc * sizeof *nv);
		if (!nv)
			return NULL;
		in->v = nv;
		in->cap = nc;
	}
	precis_article_input *a = &in->v[in->n++];
	memset(a, 0, sizeof *a);
	return a;
}

static int add_bad(inputs *in, const char *id, const char *reason)
{
	if (in->nbad == in->capbad) {
		size_t nc = in->capbad ? in->capbad * 2 : 16;
		precis_record_error *nv = realloc(in->bad, nc * sizeof *nv);
		if (!nv)
			return -1;
		in->bad = nv;
		in->capbad = nc;
	}
	in->bad[in->nbad++] = (precis_record_error){ id, reason };
	return 0;
}

/* File base name without extension: the article's id. */
static char *base_id(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return NULL;
	char *b = strdup(basename(copy));
	free(copy);
	if (b) {
		char *dot = strrchr(b, '.');
		if (dot && dot != b)
			*dot = '\0';
	}
	return b;
}

static int read_files(inputs *in, char **args, int n)
{
	int failed = 0;
	char **paths = cli_expand_paths(args, n, &failed);
	for (char **p = paths; p && *p; p++) {
		char *buf;
		size_t len;
		precis_error err;
		if (cli_read_file(&buf, &len, *p, PRECIS_DEFAULT_MAX_BYTES, &err)) {
			cli_report(*p, err.code, &err);
			failed++;
			continue;
		}
		precis_article_input *a = add(in);
		if (!a) {
			free(buf);
			failed++;
			break;
		}
		a->text = own(in, buf);
		a->len = len;
		a->id = own(in, base_id(*p));
	}
	cli_free_paths(paths);
	return failed;
}

static char *field(inputs *in, json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);
	if (json_is_string(v))
		return own(in, strndup(json_string_value(v), json_string_length(v)));
	if (json_is_integer(v)) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
		return own(in, strdup(buf));
	}
	return NULL;
}

static int read_jsonl(inputs *in, const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	if (!fp) {
		cli_error("%s: cannot open", path);
		return 1;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	int failed = 0;
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len <= 1)
			continue;
		json_error_t e;
		json_t *rec = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &e);
		json_t *text = rec ? json_object_get(rec, "text") : NULL;
		char where[32];
		snprintf(where, sizeof where, "line-%zu", lineno);
		if (!json_is_string(text)) {
			/* Listed in the report's errors, by id when the record has one. */
			const char *why = rec ? "no string \"text\"" : e.text;
			fprintf(stderr, "precis: %s:%zu: %s (listed under errors)\n", path, lineno, why);
			const char *id = rec ? field(in, rec, "id") : NULL;
			if (add_bad(in, id ? id : own(in, strdup(where)), own(in, strdup(why)))) {
				json_decref(rec);
				failed++;
				break;
			}
			failed++;
			json_decref(rec);
			continue;
		}
		precis_article_input *a = add(in);
		if (!a) {
			json_decref(rec);
			failed++;
			break;
		}
		a->text = field(in, rec, "text");
		a->len = json_string_length(text);
		a->id = field(in, rec, "id");
		if (!a->id)
			a->id = own(in, strdup(where));
		a->title = field(in, rec, "title");
		a->outlet = field(in, rec, "outlet");
		a->date = field(in, rec, "date");
		a->url = field(in, rec, "url");
		json_decref(rec);
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	return failed;
}

/* "b,w1,...,w8": exactly PRECIS_COMPARE_MODEL_SIZE finite numbers. */
static int parse_model(double *w, const char *s)
{
	for (int k = 0; k < PRECIS_COMPARE_MODEL_SIZE; k++) {
		char *end;
		w[k] = strtod(s, &end);
		if (end == s || !isfinite(w[k]) || *end != (k + 1 < PRECIS_COMPARE_MODEL_SIZE ? ',' : '\0'))
			return -1;
		s = end + 1;
	}
	return 0;
}

int cmd_compare(int argc, char **argv)
{
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	double model[PRECIS_COMPARE_MODEL_SIZE];
	const char *output = NULL;
	int format = 0; /* 0 md, 1 html, 2 json */
	bool jsonl = false;
	int c;
	size_t z;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:n:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "md") == 0)
				format = 0;
			else if (strcmp(optarg, "html") == 0)
				format = 1;
			else if (strcmp(optarg, "json") == 0)
				format = 2;
			else {
				cli_error("compare: --format must be md, html or json");
				return EXIT_USAGE;
			}
			break;
		case 'o': output = optarg; break;
		case OPT_THRESHOLD:
			if (cli_parse_double(optarg, &o.threshold) || o.threshold < 0 || o.threshold > 2) {
				cli_error("compare: --threshold wants a number between 0 and 2");
				return EXIT_USAGE;
			}
			break;
		case OPT_STORIES:
			if (cli_parse_size(optarg, &o.stories) || o.stories == 0) {
				cli_error("compare: --stories wants a positive number");
				return EXIT_USAGE;
			}
			break;
		case OPT_EXPLAIN: o.explain = true; break;
		case OPT_MODEL:
			if (parse_model(model, optarg)) {
				cli_error("compare: --model wants %d comma-separated numbers",
					  PRECIS_COMPARE_MODEL_SIZE);
				return EXIT_USAGE;
			}
			o.model = model;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("compare: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			o.lang = optarg;
			break;
		case 'n':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 50) {
				cli_error("compare: -n wants 1 to 50");
				return EXIT_USAGE;
			}
			o.summary_sentences = z;
			break;
		case OPT_JSONL: jsonl = true; break;
		case 'j':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 64) {
				cli_error("compare: -j wants 1 to 64");
				return EXIT_USAGE;
			}
			o.threads = (unsigned)z;
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis compare --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc && !jsonl) {
		cli_error("compare: no input (see 'precis compare --help')");
		return EXIT_USAGE;
	}
	inputs in = { 0 };
	int failed = jsonl ? read_jsonl(&in, optind < argc ? argv[optind] : "-")
			   : read_files(&in, argv + optind, argc - optind);
	precis_analyzer *a = NULL;
	precis_comparison *cmp = NULL;
	precis_error err = { 0 };
	int rc = precis_analyzer_new(&a);
	o.unread = in.bad;
	o.nunread = in.nbad;
	if (!rc)
		rc = precis_compare_new(&cmp, a, in.v, in.n, &o, &err);
	for (size_t i = 0; cmp && i < precis_comparison_article_count(cmp); i++) {
		const char *id, *problem = precis_comparison_problem(cmp, i, &id);
		if (problem)
			cli_error("compare: %s: %s (kept as an article)", id, problem);
	}
	if (rc) {
		cli_error("compare: %s", err.message[0] ? err.message : precis_strerror(rc));
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		rc = !mem ? PRECIS_ENOMEM
		     : format == 1 ? precis_report_html(cmp, mem)
		     : format == 2 ? precis_report_json(cmp, mem)
				   : precis_report_md(cmp, mem);
		if (mem)
			fclose(mem);
		if (!rc && (rc = cli_write_atomic(output, buf, len)))
			cli_error("%s: cannot write the report", output ? output : "(stdout)");
		free(buf);
	}
	precis_comparison_free(cmp);
	precis_analyzer_free(a);
	for (size_t i = 0; i < in.nowned; i++)
		free(in.owned[i]);
	free(in.owned);
	free(in.v);
	free(in.bad);
	if (rc)
		return EXIT_SOME_FAILED;
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
