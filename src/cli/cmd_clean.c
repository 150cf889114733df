/* precis clean: the article body of a scraped page or a web page, or why each line goes. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"
#include "page.h"

struct opts {
	bool explain;
	bool jsonl;
	int input; /* CLI_INPUT_* */
	int threads;
	const char *warc;
	precis_doc_options doc;
};

static const cli_command command = {
	"clean",
	"Usage: precis clean [--explain] [--input auto|text|html] [--lang CODE|auto] FILE|-\n"
	"       precis clean --jsonl [-j N] [FILE|-]\n"
	"       precis clean --warc FILE.warc[.gz]\n",
	"Print the article body of a scraped news page or of an HTML page: menus,\n"
	"breadcrumbs, photo credits, share and comment widgets, newsletter and consent\n"
	"text, teasers, repeated lines and leftover markup are dropped. With --jsonl\n"
	"or --warc, one line {\"id\",\"text\",\"headline\",\"outlet\",\"date\",\"lang\",\"url\"}\n"
	"per page, or {\"id\",\"error\"}.\n"
};

#define AT(m) CLI_AT(struct opts, m)
static const px_cli_opt opts[] = {
	CLI_FLAG("explain", 0, AT(explain),
		 "print every line, prefixed by 'keep' or 'drop:REASON' and a tab"),
	CLI_VALUE("input", 0, "K", AT(input), CLI_CHECK_CHOICE,
		  "auto (HTML when it looks like HTML), text or html", .choices = cli_input_names),
	CLI_VALUE("lang", 0, "CODE", AT(doc.lang), CLI_CHECK_LANG, "language of the cue lists (auto)"),
	CLI_FLAG("lossy", 0, AT(doc.lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(doc.max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_FLAG("jsonl", 0, AT(jsonl),
		 "stream: {\"id\",\"html\"|\"text\",\"url\"?} per line in, one line out"),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads for --jsonl (output identical for any N)"),
	CLI_VALUE("warc", 0, "FILE", AT(warc), CLI_CHECK_STRING,
		  "read the HTML responses of a WARC file (.warc or .warc.gz)"),
	CLI_HELP,
	CLI_END
};

/* ------------------------------------------------------------ records */

static int set_str(json_t *o, const char *key, const char *v)
{
	return json_object_set_new(o, key, v ? json_string(v) : json_null());
}

static int set_span(json_t *o, const char *key, const char *text, precis_span s)
{
	if (s.end <= s.start)
		return json_object_set_new(o, key, json_null());
	return json_object_set_new(o, key, json_stringn(text + s.start, s.end - s.start));
}

/* The kept lines of a text page, joined by newlines, into rec (with headline and outlet). */
static int clean_text(json_t *rec, precis_analyzer *a, const char *text, size_t len,
		      const precis_doc_options *doc, precis_error *err)
{
	precis_cleaned *cl = NULL;
	int rc = precis_clean_new(&cl, a, text, len, doc, err);
	if (rc)
		return rc;
	const char *t = precis_cleaned_text(cl, NULL);
	size_t n = precis_cleaned_line_count(cl), cap = len + 1, o = 0;
	char *body = malloc(cap);
	if (!body) {
		precis_cleaned_free(cl);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const char *reason;
		precis_span sp = precis_cleaned_line(cl, i, &reason);
		if (reason || sp.end - sp.start + 1 > cap - o)
			continue;
		if (o)
			body[o++] = '\n';
		memcpy(body + o, t + sp.start, sp.end - sp.start);
		o += sp.end - sp.start;
	}
	rc = json_object_set_new(rec, "text", json_stringn(body, o)) ||
	     set_span(rec, "headline", t, precis_cleaned_headline(cl)) ||
	     set_str(rec, "outlet", precis_cleaned_outlet(cl)) || set_str(rec, "date", NULL) ||
	     set_str(rec, "lang", precis_cleaned_language(cl)) ? PRECIS_ENOMEM : 0;
	free(body);
	precis_cleaned_free(cl);
	return rc;
}

/* The page's content and fields into rec; the language is detected when the page has none. */
static int clean_page(json_t *rec, precis_analyzer *a, const cli_text *t, const char *fetched)
{
	const char *lang = cli_text_field(t, PRECIS_PAGE_LANG, NULL);
	const char *date = cli_text_field(t, PRECIS_PAGE_DATE, NULL);
	char day[11] = "";
	if (!date && fetched && strlen(fetched) >= 10) {
		memcpy(day, fetched, 10); /* the WARC-Date: when the page was fetched */
		date = day;
	}
	if (!lang && t->len && precis_detect_language(&lang, a, t->text, t->len) != 0)
		lang = NULL;
	return json_object_set_new(rec, "text", json_stringn(t->text, t->len)) ||
	       set_str(rec, "headline", cli_text_field(t, PRECIS_PAGE_TITLE, NULL)) ||
	       set_str(rec, "outlet", cli_text_field(t, PRECIS_PAGE_OUTLET, NULL)) ||
	       set_str(rec, "date", date) || set_str(rec, "lang", lang)
		       ? PRECIS_ENOMEM : 0;
}

/* A frameset, a redirect, an empty body: nothing to print is an error of that page. */
static int no_content(precis_error *err)
{
	snprintf(err->message, sizeof err->message,
		 "no main content (an empty page, a frameset or a redirect)");
	err->code = PRECIS_EEMPTY;
	return PRECIS_EEMPTY;
}

/*
 * One output line {"id","text","headline","outlet","date","lang","url"} for
 * an input (HTML or text, per kind), or NULL with err set.
 */
static char *clean_line(precis_analyzer *a, const struct opts *o, json_t *id, const char *buf,
			size_t len, int kind, bool unicode, const char *charset, const char *url,
			const char *fetched, precis_error *err)
{
	cli_text t;
	json_t *rec = json_object();
	char *line = NULL;
	int rc = rec ? 0 : PRECIS_ENOMEM;
	if (!rc)
		rc = cli_text_from(&t, buf, len, kind, unicode, charset, url, err);
	if (rc) {
		json_decref(rec);
		return NULL;
	}
	if (json_object_set(rec, "id", id ? id : json_null()))
		rc = PRECIS_ENOMEM;
	if (!rc && t.page && t.len == 0)
		rc = no_content(err);
	if (!rc)
		rc = t.page ? clean_page(rec, a, &t, fetched)
			    : clean_text(rec, a, t.text, t.len, &o->doc, err);
	/* The address the record gives (WARC-Target-URI, "url") wins over the page's canonical one. */
	const char *u = cli_text_field(&t, PRECIS_PAGE_URL, NULL);
	if (!rc && set_str(rec, "url", url ? url : u))
		rc = PRECIS_ENOMEM;
	if (!rc && !(line = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER)))
		rc = PRECIS_ENOMEM;
	if (rc == PRECIS_ENOMEM)
		snprintf(err->message, sizeof err->message, "out of memory");
	cli_text_free(&t);
	json_decref(rec);
	return line;
}

/* ------------------------------------------------------------ JSONL */

static int jsonl_record(char **out, precis_analyzer *a, void *state, size_t line_no,
			const char *line, size_t len, void *ctx)
{
	const struct opts *o = ctx;
	(void)state;
	if (!line) {
		*out = cli_jsonl_error(NULL, line_no, "line of %zu bytes exceeds the size limit", len);
		return 1;
	}
	json_error_t jerr;
	/* A NUL in an "html" string is the page's business (it reads as a space). */
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!rec || !json_is_object(rec)) {
		*out = rec ? cli_jsonl_error(NULL, line_no, "not a JSON object")
			   : cli_jsonl_error(NULL, line_no, "malformed JSON at column %d: %s",
					     jerr.column, jerr.text);
		json_decref(rec);
		return 1;
	}
	cli_record_id id;
	json_t *html = json_object_get(rec, "html"), *text = json_object_get(rec, "text");
	json_t *url = json_object_get(rec, "url");
	int bad = cli_jsonl_id(&id, rec, "id", line_no);
	if (bad) {
		*out = cli_jsonl_error(NULL, line_no, "\"id\" must be a string or an integer");
	} else if (!json_is_string(html) && !json_is_string(text)) {
		*out = cli_jsonl_error(id.json, line_no, "missing \"html\" or \"text\" (a string)");
		bad = 1;
	} else if (url && !json_is_string(url) && !json_is_null(url)) {
		*out = cli_jsonl_error(id.json, line_no, "\"url\" must be a string or null");
		bad = 1;
	} else if (o->doc.max_bytes &&
		   json_string_length(json_is_string(html) ? html : text) > o->doc.max_bytes) {
		*out = cli_jsonl_error(id.json, line_no, "text of %zu bytes exceeds --max-bytes %zu",
				       json_string_length(json_is_string(html) ? html : text),
				       o->doc.max_bytes);
		bad = 1;
	}
	if (!bad) {
		json_t *in = json_is_string(html) ? html : text;
		precis_error err = { 0 };
		*out = clean_line(a, o, id.json, json_string_value(in), json_string_length(in),
				  in == html ? CLI_INPUT_HTML : CLI_INPUT_TEXT, true, NULL,
				  json_string_value(url), NULL, &err);
		if (!*out) {
			*out = cli_jsonl_error(id.json, line_no, "%s",
					       err.message[0] ? err.message : "cannot read the page");
			bad = 1;
		}
	}
	json_decref(rec);
	return bad;
}

static int run_jsonl(struct opts *o, char **args, int nargs)
{
	cli_jsonl_job job = { "clean", o->threads, o->doc.max_bytes, o->doc.lossy, jsonl_record,
			      o, NULL };
	return cli_jsonl_main(&job, args, nargs);
}

/* ------------------------------------------------------------- WARC */

struct warc_ctx {
	const struct opts *o;
	precis_analyzer *a;
	long failed;
};

static int warc_record(const precis_warc_record *r, void *arg)
{
	struct warc_ctx *c = arg;
	json_t *id = json_string(r->record_id ? r->record_id : r->target_uri);
	precis_error err = { 0 };
	char *line = id ? clean_line(c->a, c->o, id, r->body, r->body_len, CLI_INPUT_HTML, false,
				     r->charset, r->target_uri, r->date, &err)
			: NULL;
	if (!line) {
		line = cli_jsonl_error(id, 0, "%s", err.message[0] ? err.message : "out of memory");
		c->failed++;
	}
	json_decref(id);
	if (line)
		puts(line);
	free(line);
	return fflush(stdout) != 0;
}

static int run_warc(struct opts *o)
{
	struct warc_ctx c = { o, NULL, 0 };
	if (precis_analyzer_new(&c.a)) {
		cli_error("out of memory");
		return EXIT_SOME_FAILED;
	}
	int rc = cli_warc_each(o->warc, warc_record, &c, &c.failed);
	precis_analyzer_free(c.a);
	if (c.failed)
		cli_error("clean: %ld record(s) failed", c.failed);
	return rc || c.failed ? EXIT_SOME_FAILED : EXIT_OK;
}

/* ------------------------------------------------------------- file */

static void print_lines(const precis_cleaned *cl, bool explain)
{
	const char *text = precis_cleaned_text(cl, NULL);
	size_t n = precis_cleaned_line_count(cl);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		const char *reason;
		precis_span sp = precis_cleaned_line(cl, i, &reason);
		int w = (int)(sp.end - sp.start);
		if (explain) {
			if (reason)
				printf("drop:%s\t%.*s\n", reason, w, text + sp.start);
			else
				printf("keep\t%.*s\n", w, text + sp.start);
		} else if (!reason) {
			printf("%s%.*s\n", first ? "" : "\n", w, text + sp.start);
			first = false;
		}
	}
}

/*
 * A page prints its main content, a line per block; --explain shows what
 * the text cleaner then makes of those lines. Text input is cleaned.
 */
static int run_file(struct opts *o, const char *path)
{
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf;
	size_t len;
	precis_error err = { 0 };
	int rc = cli_read_file(&buf, &len, path, o->doc.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	cli_text t = { 0 };
	precis_analyzer *a = NULL;
	precis_cleaned *cl = NULL;
	if (!rc)
		rc = cli_text_from(&t, buf, len, o->input, false, NULL, NULL, &err);
	if (!rc && t.page && t.len == 0) {
		rc = no_content(&err);
	} else if (!rc && t.page && !o->explain) {
		printf("%.*s\n", (int)t.len, t.text);
	} else if (!rc && !(rc = precis_analyzer_new(&a)) &&
		   !(rc = precis_clean_new(&cl, a, t.text, t.len, &o->doc, &err))) {
		print_lines(cl, o->explain);
	}
	if (rc)
		cli_report(name, rc, &err);
	precis_cleaned_free(cl);
	precis_analyzer_free(a);
	cli_text_free(&t);
	free(buf);
	return !rc && fflush(stdout) == 0 ? EXIT_OK : EXIT_SOME_FAILED;
}

int cmd_clean(int argc, char **argv)
{
	struct opts o = { false, false, CLI_INPUT_AUTO, 1, NULL, PRECIS_DOC_OPTIONS_INIT };
	cli_args args;
	int rc = cli_opt_parse(&args, &o, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (o.warc) {
		if (args.npos || o.jsonl) {
			cli_error("clean: --warc FILE takes no other input");
			return EXIT_USAGE;
		}
		return run_warc(&o);
	}
	if (o.jsonl)
		return run_jsonl(&o, args.pos, args.npos);
	if (args.npos != 1) {
		cli_error("clean: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	return run_file(&o, args.pos[0]);
}
