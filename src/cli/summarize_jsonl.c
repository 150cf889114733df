/*
 * precis summarize --jsonl: one JSON record in, one summary line out, in
 * input order over --jobs threads (cli_jsonl_run).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "page.h"
#include "summarize.h"

/* The library's JSONL record, as the malloc'ed line cli_jsonl_run wants. */
static char *render_record(const precis_doc *doc, const precis_summary *s, json_t *id,
			   size_t line_no)
{
	char *id_json = id ? json_dumps(id, JSON_ENCODE_ANY) : NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = (id && !id_json) ? NULL : open_memstream(&buf, &len);
	int rc = mem ? precis_report_summary_jsonl(doc, s, id_json, line_no, mem) : PRECIS_ENOMEM;
	if (mem && fclose(mem) != 0)
		rc = PRECIS_ENOMEM;
	free(id_json);
	if (rc) {
		free(buf);
		return NULL;
	}
	return buf;
}

static int jsonl_record(char **out, precis_analyzer *a, void *state, size_t line_no,
			const char *line, size_t len, void *ctx)
{
	const struct opts *o = ctx;
	if (!line) {
		*out = cli_jsonl_error(NULL, line_no,
				       "line of %zu bytes cannot hold a text within --max-bytes %zu",
				       len, o->doc.max_bytes);
		return 1;
	}
	json_error_t jerr;
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!rec || !json_is_object(rec)) {
		*out = rec ? cli_jsonl_error(NULL, line_no, "not a JSON object")
			   : cli_jsonl_error(NULL, line_no, "malformed JSON at column %d: %s",
					     jerr.column, jerr.text);
		json_decref(rec);
		return 1;
	}
	cli_record_id id;
	json_t *text = json_object_get(rec, "text");
	if (!text) /* eval's name for it: one vocabulary across commands */
		text = json_object_get(rec, "article");
	json_t *html = json_object_get(rec, "html");
	json_t *title = json_object_get(rec, "title");
	if (!text && json_is_string(html))
		text = html;
	if (cli_jsonl_id(&id, rec, "id", line_no)) {
		*out = cli_jsonl_error(NULL, line_no, "\"id\" must be a string or an integer");
		json_decref(rec);
		return 1;
	}
	if (!json_is_string(text) || (title && !json_is_string(title) && !json_is_null(title))) {
		*out = cli_jsonl_error(id.json, line_no,
				       text ? "\"text\" and \"title\" must be strings"
					    : "missing \"text\" or \"html\"");
		json_decref(rec);
		return 1;
	}
	precis_doc *doc = NULL;
	precis_summary *s = NULL;
	precis_error err = { 0 };
	cli_text t;
	json_t *url = json_object_get(rec, "url");
	int rc = cli_text_from(&t, json_string_value(text), json_string_length(text),
			       text == html ? CLI_INPUT_HTML : CLI_INPUT_TEXT, true, NULL,
			       json_string_value(url), &err);
	const char *head = json_is_string(title) ? json_string_value(title)
						  : cli_text_field(&t, PRECIS_PAGE_TITLE, NULL);
	if (!rc)
		rc = cli_summarize_doc(&doc, &s, a, o, t.text, t.len, head, &err);
	cli_text_free(&t);
	if (rc) {
		/* The library's message does not know the option that raises its limit. */
		*out = cli_jsonl_error(id.json, line_no, "%s%s",
				       err.message[0] ? err.message : precis_strerror(rc),
				       rc == PRECIS_ETOOBIG ? " (--max-bytes)" : "");
		json_decref(rec);
		return 1;
	}
	*out = render_record(doc, s, id.json, line_no);
	json_decref(rec);
	precis_summary_free(s);
	precis_doc_free(doc);
	if (!*out) {
		*out = cli_jsonl_error(id.json, line_no, "out of memory");
		return 1;
	}
	return 0;
}

int cli_summarize_jsonl(struct opts *o, char **args, int nargs)
{
	cli_jsonl_job job = { "summarize", o->threads, o->doc.max_bytes, o->doc.lossy,
			      jsonl_record, o, NULL };
	return cli_jsonl_main(&job, args, nargs);
}
