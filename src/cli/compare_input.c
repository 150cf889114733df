/*
 * cli/compare_input: what precis compare reads into precis_article_input:
 * files and directories, JSONL records (text or html), WARC responses;
 * records not read are kept for the report's errors; ids made unique.
 */
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "compare_input.h"
#include "jsonl.h"
#include "page.h"
#include "vec.h"

char *cli_in_own(inputs *in, char *s)
{
	if (!s)
		return NULL;
	if (px_vec_reserve((void **)&in->owned, &in->capowned, in->nowned + 1, sizeof *in->owned)) {
		free(s);
		return NULL;
	}
	return in->owned[in->nowned++] = s;
}

precis_article_input *cli_in_add(inputs *in)
{
	if (px_vec_reserve((void **)&in->v, &in->cap, in->n + 1, sizeof *in->v) ||
	    px_vec_reserve((void **)&in->day, &in->capday, in->n + 1, sizeof *in->day))
		return NULL;
	in->day[in->n] = 0;
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

char *cli_in_own_str(inputs *in, const char *s)
{
	return s ? cli_in_own(in, strdup(s)) : NULL;
}

/*
 * An article from a page: its main content, and its fields where the
 * caller gave none (fetched: a WARC-Date, the day it was fetched).
 */
static int add_page(inputs *in, const char *id, const cli_text *t, const char *fetched,
		    const char *url)
{
	precis_article_input *a = cli_in_add(in);
	if (!a)
		return PRECIS_ENOMEM;
	a->id = cli_in_own_str(in, id);
	a->text = cli_in_own(in, strndup(t->text, t->len));
	a->len = t->len;
	if (!a->id || !a->text) {
		in->n--;
		return PRECIS_ENOMEM;
	}
	a->title = cli_in_own_str(in, cli_text_field(t, PRECIS_PAGE_TITLE, NULL));
	a->outlet = cli_in_own_str(in, cli_text_field(t, PRECIS_PAGE_OUTLET, NULL));
	a->date = cli_in_own_str(in, cli_text_field(t, PRECIS_PAGE_DATE, NULL));
	if (!a->date && fetched && strlen(fetched) >= 10)
		a->date = cli_in_own(in, strndup(fetched, 10));
	a->url = cli_in_own_str(in, url ? url : cli_text_field(t, PRECIS_PAGE_URL, NULL));
	return 0;
}

int cli_in_read_files(inputs *in, char **args, int n, int input)
{
	int failed = 0;
	char **paths = cli_expand_paths(args, n, &failed);
	in->unread += failed;
	for (char **p = paths; p && *p; p++) {
		char *buf;
		size_t len;
		precis_error err;
		if (cli_read_file(&buf, &len, *p, in->max_bytes, &err)) {
			cli_report(*p, err.code, &err);
			in->unread++;
			failed++;
			continue;
		}
		if (in->lossy && cli_utf8_lossy(&buf, &len)) {
			free(buf);
			failed++;
			break;
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
		precis_article_input *a = cli_in_add(in);
		if (!a) {
			free(buf);
			failed++;
			break;
		}
		a->text = cli_in_own(in, buf);
		a->len = len;
		a->id = cli_in_own(in, base_id(*p));
	}
	cli_free_paths(paths);
	return failed;
}

static char *field(inputs *in, json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);
	if (json_is_string(v))
		return cli_in_own(in, strndup(json_string_value(v), json_string_length(v)));
	if (json_is_integer(v)) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
		return cli_in_own(in, strdup(buf));
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

int cli_in_read_warc(inputs *in, const char *path)
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

/* A record that cannot be read: named on stderr and listed in the report's errors. */
static int add_bad(inputs *in, const char *path, size_t lineno, const char *id, const char *why)
{
	fprintf(stderr, "precis: %s:%zu: %s (listed under errors)\n", path, lineno, why);
	if (px_vec_reserve((void **)&in->bad, &in->capbad, in->nbad + 1, sizeof *in->bad))
		return -1;
	char where[32];
	snprintf(where, sizeof where, "line-%zu", lineno);
	const char *i = cli_in_own(in, strdup(id ? id : where)), *r = cli_in_own(in, strdup(why));
	if (!i || !r)
		return -1;
	in->bad[in->nbad++] = (precis_record_error){ i, r };
	return 0;
}

/*
 * One JSONL line: an article added to in, or a record listed under errors
 * (1), or out of memory (-1).
 */
int cli_in_read_jsonl_record(inputs *in, const char *line, size_t len, const char *path,
			     size_t lineno)
{
	json_error_t e;
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
	json_t *text = rec ? json_object_get(rec, "text") : NULL;
	json_t *html = rec ? json_object_get(rec, "html") : NULL;
	cli_record_id id;
	bool named = rec && cli_jsonl_id(&id, rec, "id", lineno) == 0;
	size_t tlen = json_is_string(text) ? json_string_length(text) : json_string_length(html);
	char over[96];
	snprintf(over, sizeof over, "text of %zu bytes exceeds --max-bytes %zu", tlen,
		 in->max_bytes);
	const char *why = !rec ? e.text
			  : !named ? "\"id\" must be a string or an integer"
			  : !json_is_string(text) && !json_is_string(html) ? "no string \"text\" or \"html\""
			  : json_is_string(text) && strlen(json_string_value(text)) != json_string_length(text)
				  ? "NUL byte in \"text\""
			  : in->max_bytes && tlen > in->max_bytes ? over : NULL;
	if (why) {
		int bad = add_bad(in, path, lineno, named ? id.text : NULL, why);
		json_decref(rec); /* after: id.text and why may point into it */
		return bad ? -1 : 1;
	}
	if (!json_is_string(text)) {
		int failed = read_jsonl_page(in, rec, html, id.text, path, lineno);
		json_decref(rec);
		return failed;
	}
	precis_article_input *a = cli_in_add(in);
	if (a && (!(a->id = cli_in_own(in, strdup(id.text))) || !(a->text = field(in, rec, "text")))) {
		in->n--; /* out of memory: drop the half-filled article */
		a = NULL;
	}
	if (!a) {
		json_decref(rec);
		return -1;
	}
	a->len = json_string_length(text);
	a->title = field(in, rec, "title");
	a->outlet = field(in, rec, "outlet");
	a->date = field(in, rec, "date");
	a->url = field(in, rec, "url");
	json_decref(rec);
	return 0;
}

int cli_in_next_line(inputs *in, FILE *fp, const char *path, char **line, size_t *len,
		     size_t *lineno)
{
	/* --max-bytes counts the decoded text: the raw line may be longer. */
	size_t max_line = cli_jsonl_line_limit(in->max_bytes);
	for (;;) {
		int rc = cli_read_line(fp, max_line, in->lossy, line, len);
		if (rc == PRECIS_ETOOBIG)
			cli_line_stopped(path, *lineno + 1, max_line);
		if (rc)
			return rc;
		++*lineno;
		if (!*line) {
			char why[128];
			snprintf(why, sizeof why, "line of %zu bytes cannot hold a text within "
				 "--max-bytes %zu", *len, in->max_bytes);
			if (add_bad(in, path, *lineno, NULL, why))
				return PRECIS_ENOMEM;
			continue;
		}
		if (*len)
			return 0;
		free(*line);
	}
}

int cli_in_read_jsonl(inputs *in, const char *path)
{
	FILE *fp = cli_open_input(path);
	if (!fp) {
		in->unread++;
		return 1;
	}
	char *line;
	size_t len, lineno = 0;
	int failed = 0, rc;
	for (;;) {
		size_t listed = in->nbad;
		rc = cli_in_next_line(in, fp, path, &line, &len, &lineno);
		failed += (int)(in->nbad - listed); /* overlong lines, listed and skipped */
		if (rc)
			break;
		int r = cli_in_read_jsonl_record(in, line, len, path, lineno);
		free(line);
		failed += r != 0;
		if (r < 0)
			break;
	}
	if (rc < 0 && rc != PRECIS_EIO) {
		in->unread++; /* the rest of the input is not read */
		failed++;
	}
	if (cli_close_input(fp, path)) {
		in->unread++;
		failed++;
	}
	return failed;
}

void cli_in_free(inputs *in)
{
	for (size_t i = 0; i < in->nowned; i++)
		free(in->owned[i]);
	free(in->owned);
	free(in->v);
	free(in->day);
	free(in->bad);
	memset(in, 0, sizeof *in);
}

/*
 * Two articles under one id (a/x.txt and b/x.txt, or a JSONL id given
 * twice) would be one in the report: the later ones become "x-2", "x-3",
 * said on stderr. -1 when out of memory.
 */
int cli_in_unique_ids(inputs *in)
{
	for (size_t i = 1; i < in->n; i++) {
		const char *id = in->v[i].id;
		bool taken = false;
		for (size_t k = 0; k < i && !taken; k++)
			taken = strcmp(in->v[k].id, id) == 0;
		for (unsigned n = 2; taken; n++) {
			size_t len = strlen(id) + 16;
			char *alt = malloc(len);
			if (!alt || !cli_in_own(in, alt))
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

bool cli_compare_article_notes(const precis_comparison *cmp, size_t i)
{
	const char *id;
	bool unusable;
	const char *problem = precis_comparison_problem(cmp, i, &id, &unusable);
	const char *warning = precis_comparison_article_warning(cmp, i);
	if (warning)
		cli_error("compare: %s: warning: %s", id, warning);
	if (problem)
		cli_error("compare: %s: %s (kept as an article)", id, problem);
	return unusable;
}
