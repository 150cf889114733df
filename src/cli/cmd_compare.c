/* precis compare: how outlets covered the same events, as Markdown, HTML or JSON. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"

struct opts {
	precis_compare_options o;
	const char *output;
	int format; /* index in format_names */
	bool jsonl;
	int threads;
};

static const cli_command command = {
	"compare",
	"Usage: precis compare [OPTIONS] FILE... | DIR\n"
	"       precis compare [OPTIONS] --jsonl FILE|-\n",
	"Group articles into stories (events) and show side by side how each outlet\n"
	"framed each story: cards, headlines, shared and unique facts, distinctive words,\n"
	"reused agency copy, a consensus summary and a similarity matrix. JSONL records:\n"
	"{\"id\", \"text\", \"title\"?, \"outlet\"?, \"date\"?, \"url\"?}; given fields win.\n"
};

enum { FMT_MD, FMT_HTML, FMT_JSON };
static const char *const format_names[] = { "md", "html", "json", NULL };

#define AT(m) CLI_AT(struct opts, m)
/* --threshold keeps the 0..2 range the command has always accepted. */
static const px_cli_opt opts[] = {
	CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE, "md (default), html or json",
		  .choices = format_names),
	CLI_VALUE("output", 'o', "F", AT(output), CLI_CHECK_STRING,
		  "write the report to F (atomically) instead of stdout"),
	CLI_VALUE("threshold", 0, "T", AT(o.threshold), CLI_CHECK_NUMBER,
		  "evidence score that links two articles (0.3)", .max = 2),
	CLI_VALUE("stories", 0, "N", AT(o.stories), CLI_CHECK_COUNT, "force N stories"),
	CLI_FLAG("explain", 0, AT(o.explain), "list each grouping decision with its evidence"),
	CLI_VALUE("lang", 0, "CODE", AT(o.lang), CLI_CHECK_LANG,
		  "language of every article (auto: per article)"),
	CLI_VALUE("sentences", 'n', "N", AT(o.summary_sentences), CLI_CHECK_COUNT,
		  "sentences per summary (3)", .max = 50),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads reading the articles (default: one per core)"),
	CLI_FLAG("jsonl", 0, AT(jsonl), "read JSONL records"),
	CLI_HELP,
	CLI_END
};

typedef struct {
	precis_article_input *v;
	size_t n, cap;
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
		if (!json_is_string(text)) {
			fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", path, lineno,
				rec ? "no string \"text\"" : e.text);
			failed++;
			json_decref(rec);
			continue;
		}
		cli_record_id id;
		if (cli_jsonl_id(&id, rec, "id", lineno)) {
			fprintf(stderr, "precis: %s:%zu: \"id\" must be a string or an integer "
					"(record skipped)\n", path, lineno);
			failed++;
			json_decref(rec);
			continue;
		}
		precis_article_input *a = add(in);
		if (a && (!(a->id = own(in, strdup(id.text))) || !(a->text = field(in, rec, "text")))) {
			in->n--; /* out of memory: drop the half-filled article */
			a = NULL;
		}
		if (!a) {
			json_decref(rec);
			failed++;
			break;
		}
		a->len = json_string_length(text);
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

int cmd_compare(int argc, char **argv)
{
	struct opts op = { PRECIS_COMPARE_OPTIONS_INIT, NULL, FMT_MD, false, 0 };
	cli_args args;
	int rc = cli_opt_parse(&args, &op, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (args.npos == 0 && !op.jsonl) {
		cli_error("compare: no input (see 'precis compare --help')");
		return EXIT_USAGE;
	}
	precis_compare_options o = op.o;
	o.threads = (unsigned)op.threads;
	inputs in = { 0 };
	int failed = op.jsonl ? read_jsonl(&in, args.npos ? args.pos[0] : "-")
			      : read_files(&in, args.pos, args.npos);
	precis_analyzer *a = NULL;
	precis_comparison *cmp = NULL;
	precis_error err = { 0 };
	rc = precis_analyzer_new(&a);
	if (!rc)
		rc = precis_compare_new(&cmp, a, in.v, in.n, &o, &err);
	if (err.code && cmp) {
		cli_error("compare: %s (left out)", err.message);
		failed++;
	}
	if (rc) {
		cli_error("compare: %s", err.message[0] ? err.message : precis_strerror(rc));
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		rc = !mem ? PRECIS_ENOMEM
		     : op.format == FMT_HTML ? precis_report_html(cmp, mem)
		     : op.format == FMT_JSON ? precis_report_json(cmp, mem)
				   : precis_report_md(cmp, mem);
		if (mem)
			fclose(mem);
		if (!rc && (rc = cli_write_atomic(op.output, buf, len)))
			cli_error("%s: cannot write the report", op.output ? op.output : "(stdout)");
		free(buf);
	}
	precis_comparison_free(cmp);
	precis_analyzer_free(a);
	for (size_t i = 0; i < in.nowned; i++)
		free(in.owned[i]);
	free(in.owned);
	free(in.v);
	if (rc)
		return EXIT_SOME_FAILED;
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
