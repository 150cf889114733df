/* precis compare: how outlets covered the same events, as Markdown, HTML or JSON. */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"
#include "page.h"

struct opts {
	precis_compare_options o;
	const char *output;
	int format; /* index in format_names */
	bool jsonl;
	int threads;
	size_t max_bytes;
	int input; /* CLI_INPUT_* */
	const char *warc;
};

static const cli_command command = {
	"compare",
	"Usage: precis compare [OPTIONS] FILE... | DIR\n"
	"       precis compare [OPTIONS] --jsonl FILE|-\n"
	"       precis compare [OPTIONS] --warc FILE.warc[.gz]\n",
	"Group articles into stories (events) and show side by side how each outlet\n"
	"framed each story: cards, headlines, shared and unique facts, distinctive words,\n"
	"reused agency copy, a consensus summary and a similarity matrix. JSONL records:\n"
	"{\"id\", \"text\"|\"html\", \"title\"?, \"outlet\"?, \"date\"?, \"url\"?}; given fields\n"
	"win over what the page or the text says.\n"
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
	CLI_VALUE("max-bytes", 0, "N", AT(max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_VALUE("input", 0, "K", AT(input), CLI_CHECK_CHOICE,
		  "auto (HTML when it looks like HTML), text or html",
		  .choices = cli_input_names),
	CLI_VALUE("warc", 0, "FILE", AT(warc), CLI_CHECK_STRING,
		  "compare the HTML responses of a WARC file (.warc or .warc.gz)"),
	CLI_HELP,
	CLI_END
};

typedef struct {
	precis_article_input *v;
	size_t n, cap;
	char **owned; /* strings to free */
	size_t nowned, capowned;
	int unread; /* inputs not read at all (then -o is not replaced) */
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
	char *b = cli_display_name(basename(copy));
	free(copy);
	if (b) {
		char *dot = strrchr(b, '.');
		if (dot && dot != b)
			*dot = '\0';
	}
	return b;
}

static char *own_str(inputs *in, const char *s)
{
	return s ? own(in, strdup(s)) : NULL;
}

/*
 * An article from a page: its main content, and its fields where the
 * caller gave none (fetched: a WARC-Date, the day it was fetched).
 */
static int add_page(inputs *in, const char *id, const cli_text *t, const char *fetched,
		    const char *url)
{
	precis_article_input *a = add(in);
	if (!a)
		return PRECIS_ENOMEM;
	a->id = own_str(in, id);
	a->text = own(in, strndup(t->text, t->len));
	a->len = t->len;
	if (!a->id || !a->text) {
		in->n--;
		return PRECIS_ENOMEM;
	}
	a->title = own_str(in, cli_text_field(t, PRECIS_PAGE_TITLE, NULL));
	a->outlet = own_str(in, cli_text_field(t, PRECIS_PAGE_OUTLET, NULL));
	a->date = own_str(in, cli_text_field(t, PRECIS_PAGE_DATE, NULL));
	if (!a->date && fetched && strlen(fetched) >= 10)
		a->date = own(in, strndup(fetched, 10));
	a->url = own_str(in, url ? url : cli_text_field(t, PRECIS_PAGE_URL, NULL));
	return 0;
}

static int read_files(inputs *in, char **args, int n, int input, size_t max_bytes)
{
	int failed = 0;
	char **paths = cli_expand_paths(args, n, &failed);
	in->unread += failed;
	for (char **p = paths; p && *p; p++) {
		char *buf;
		size_t len;
		precis_error err;
		if (cli_read_file(&buf, &len, *p, max_bytes, &err)) {
			cli_report(*p, err.code, &err);
			in->unread++;
			failed++;
			continue;
		}
		cli_text t;
		if (cli_text_from(&t, buf, len, input, false, NULL, NULL, &err)) {
			cli_report(*p, err.code, &err);
			free(buf);
			failed++;
			continue;
		}
		if (t.page) {
			char *id = base_id(*p);
			int rc = id ? add_page(in, id, &t, NULL, NULL) : PRECIS_ENOMEM;
			free(id);
			free(buf);
			cli_text_free(&t);
			if (rc) {
				failed++;
				break;
			}
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

struct warc_ctx {
	inputs *in;
	int failed;
};

static int warc_record(const precis_warc_record *r, void *arg)
{
	struct warc_ctx *c = arg;
	cli_text t;
	precis_error err = { 0 };
	int rc = cli_text_from(&t, r->body, r->body_len, CLI_INPUT_HTML, false, r->charset,
			       r->target_uri, &err);
	if (!rc && t.len)
		rc = add_page(c->in, r->target_uri, &t, r->date, r->target_uri);
	if (rc) {
		cli_report(r->target_uri, rc, &err);
		c->failed++;
	}
	cli_text_free(&t);
	return rc == PRECIS_ENOMEM;
}

static int read_warc(inputs *in, const char *path)
{
	struct warc_ctx c = { in, 0 };
	long bad = 0;
	int rc = cli_warc_each(path, warc_record, &c, &bad);
	return c.failed + (int)bad + (rc != 0);
}

/* A JSONL record carrying "html": the page's fields, where the record gives none. */
static int read_jsonl_page(inputs *in, json_t *rec, json_t *html, const char *id,
			   const char *path, size_t lineno)
{
	cli_text t;
	precis_error err = { 0 };
	json_t *url = json_object_get(rec, "url");
	if (cli_text_from(&t, json_string_value(html), json_string_length(html), CLI_INPUT_HTML,
			  true, NULL, json_string_value(url), &err) != 0) {
		fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", path, lineno, err.message);
		return 1;
	}
	int rc = add_page(in, id, &t, NULL, NULL);
	cli_text_free(&t);
	if (rc)
		return 1;
	precis_article_input *a = &in->v[in->n - 1];
	static const char *const keys[] = { "title", "outlet", "date", "url" };
	const char **dst[] = { &a->title, &a->outlet, &a->date, &a->url };
	for (size_t k = 0; k < 4; k++) {
		char *v = field(in, rec, keys[k]);
		if (v)
			*dst[k] = v;
	}
	return 0;
}

static int read_jsonl(inputs *in, const char *path)
{
	FILE *fp = cli_open_input(path);
	if (!fp) {
		in->unread++;
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
		json_t *rec = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
		json_t *text = rec ? json_object_get(rec, "text") : NULL;
		json_t *html = rec ? json_object_get(rec, "html") : NULL;
		if ((!json_is_string(text) && !json_is_string(html)) ||
		    (json_is_string(text) && strlen(json_string_value(text)) != json_string_length(text))) {
			fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", path, lineno,
				!rec ? e.text : json_is_string(text) ? "NUL byte in \"text\""
								      : "no string \"text\" or \"html\"");
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
		if (!json_is_string(text)) {
			failed += read_jsonl_page(in, rec, html, id.text, path, lineno);
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
	if (cli_close_input(fp, path)) {
		in->unread++;
		failed++;
	}
	return failed;
}

/* Why article x gave no usable text, as far as reading it alone tells. */
static void why_unusable(char *why, size_t n, precis_analyzer *a, const precis_article_input *x,
			 const precis_compare_options *o)
{
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = o->lang;
	precis_doc *d = NULL;
	precis_error e = { 0 };
	int rc = precis_doc_new(&d, a, x->text, x->len, &dopt, &e);
	if (rc)
		snprintf(why, n, "%s", e.message[0] ? e.message : precis_strerror(rc));
	else if (precis_doc_sentence_count(d) == 0)
		snprintf(why, n, "no sentences (empty or only boilerplate)");
	else
		snprintf(why, n, "no usable text");
	precis_doc_free(d);
}

/*
 * The library reports the first article it left out; name every one, one
 * line each. The ones still in the comparison are the ids its JSON lists.
 * Returns how many were left out (at least 1: the library said so).
 */
static int name_left_out(const inputs *in, const precis_comparison *cmp, precis_analyzer *a,
			 const precis_compare_options *o, const precis_error *first)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc = mem ? precis_report_json(cmp, mem) : PRECIS_ENOMEM;
	if (mem)
		fclose(mem);
	json_t *root = rc ? NULL : json_loadb(buf, len, 0, NULL);
	free(buf);
	json_t *arts = json_object_get(root, "articles");
	int n = 0;
	for (size_t i = 0; arts && i < in->n; i++) {
		const char *id = in->v[i].id;
		bool kept = false;
		for (size_t k = 0; k < json_array_size(arts) && !kept; k++) {
			const char *got = json_string_value(json_object_get(json_array_get(arts, k), "id"));
			kept = got && strcmp(got, id) == 0;
		}
		if (kept)
			continue;
		char why[256];
		why_unusable(why, sizeof why, a, &in->v[i], o);
		cli_error("compare: %s: %s (left out)", id, why);
		n++;
	}
	json_decref(root);
	if (n == 0) {
		/* The JSON could not be read back: at least the library's one. */
		cli_error("compare: %s (left out)", first->message);
		n = 1;
	}
	return n;
}

/*
 * Two articles under one id (a/x.txt and b/x.txt, or a JSONL id given
 * twice) would be one in the report: the later ones become "x-2", "x-3",
 * said on stderr. -1 when out of memory.
 */
static int unique_ids(inputs *in)
{
	for (size_t i = 1; i < in->n; i++) {
		const char *id = in->v[i].id;
		bool taken = false;
		for (size_t k = 0; k < i && !taken; k++)
			taken = strcmp(in->v[k].id, id) == 0;
		for (unsigned n = 2; taken; n++) {
			size_t len = strlen(id) + 16;
			char *alt = malloc(len);
			if (!alt || !own(in, alt))
				return -1;
			snprintf(alt, len, "%s-%u", id, n);
			taken = false;
			for (size_t k = 0; k < in->n && !taken; k++)
				taken = strcmp(in->v[k].id, alt) == 0;
			if (!taken) {
				cli_error("compare: article %zu: id '%s' is taken, shown as '%s'", i + 1,
					  id, alt);
				in->v[i].id = alt;
			}
		}
	}
	return 0;
}

int cmd_compare(int argc, char **argv)
{
	struct opts op = { PRECIS_COMPARE_OPTIONS_INIT, NULL, FMT_MD, false, 0,
			   PRECIS_DEFAULT_MAX_BYTES, CLI_INPUT_AUTO, NULL };
	cli_args args;
	int rc = cli_opt_parse(&args, &op, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (op.warc && (op.jsonl || args.npos)) {
		cli_error("compare: --warc FILE takes no other input");
		return EXIT_USAGE;
	}
	if (args.npos == 0 && !op.jsonl && !op.warc) {
		cli_error("compare: no input (see 'precis compare --help')");
		return EXIT_USAGE;
	}
	precis_compare_options o = op.o;
	o.threads = (unsigned)op.threads;
	inputs in = { 0 };
	int failed = op.warc    ? read_warc(&in, op.warc)
		     : op.jsonl ? read_jsonl(&in, args.npos ? args.pos[0] : "-")
				: read_files(&in, args.pos, args.npos, op.input, op.max_bytes);
	if (unique_ids(&in))
		failed++;
	precis_analyzer *a = NULL;
	precis_comparison *cmp = NULL;
	precis_error err = { 0 };
	rc = precis_analyzer_new(&a);
	if (!rc && in.n == 0) {
		/* No article at all (empty directory or file): no report of zero. */
		rc = PRECIS_EEMPTY;
		snprintf(err.message, sizeof err.message, "no articles in the input");
	}
	if (!rc)
		rc = precis_compare_new(&cmp, a, in.v, in.n, &o, &err);
	if (err.code && cmp)
		failed += name_left_out(&in, cmp, a, &o, &err);
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
		/* -o FILE is not replaced when an input could not be read (README: -o). */
		if (!rc && in.unread && op.output && strcmp(op.output, "-") != 0) {
			cli_error("%s: not written (the old file is kept): %d input(s) not read",
				  op.output, in.unread);
			rc = EXIT_SOME_FAILED;
		} else if (!rc) {
			rc = cli_write_atomic(op.output, buf, len);
		}
		free(buf);
	}
	precis_comparison_free(cmp);
	precis_analyzer_free(a);
	for (size_t i = 0; i < in.nowned; i++)
		free(in.owned[i]);
	free(in.owned);
	free(in.v);
	if (failed)
		cli_error("compare: %d input(s) left out", failed);
	if (rc)
		return EXIT_SOME_FAILED;
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
