/* cli/page: HTML and WARC inputs for the subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "page.h"

const char *const cli_input_names[] = { "auto", "text", "html", NULL };

int cli_text_from(cli_text *t, const char *buf, size_t len, int kind, bool unicode,
		  const char *charset, const char *url, precis_error *err)
{
	memset(t, 0, sizeof *t);
	bool html = kind == CLI_INPUT_HTML ||
		    (kind == CLI_INPUT_AUTO && precis_html_detect(buf, len));
	if (!html) {
		t->text = buf;
		t->len = len;
		return 0;
	}
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	o.unicode = unicode;
	o.charset = charset;
	o.url = url;
	int rc = precis_html_extract(&t->page, buf, len, &o, err);
	if (rc)
		return rc;
	t->text = precis_page_text(t->page, &t->len);
	return 0;
}

void cli_text_free(cli_text *t)
{
	if (!t)
		return;
	precis_page_free(t->page);
	memset(t, 0, sizeof *t);
}

const char *cli_text_field(const cli_text *t, precis_page_field f, const char **source)
{
	if (!t->page) {
		if (source)
			*source = NULL;
		return NULL;
	}
	return precis_page_field_get(t->page, f, source);
}

int cli_warc_each(const char *path, cli_warc_fn fn, void *ctx, long *failed)
{
	FILE *fp = cli_open_input(path);
	if (!fp)
		return PRECIS_EIO;
	precis_warc_reader *r;
	int rc = precis_warc_reader_new(&r, fp);
	long pages = 0, bad = *failed;
	while (rc == 0) {
		const precis_warc_record *rec;
		precis_error err = { 0 };
		int st = precis_warc_reader_next(r, &rec, &err);
		if (st == 0)
			break;
		if (st < 0) {
			cli_report(path, st, &err);
			(*failed)++;
			if (st == PRECIS_EIO || st == PRECIS_ENOMEM)
				rc = st;
			continue;
		}
		if (rec->html && rec->target_uri && (pages++, fn(rec, ctx) != 0))
			break;
	}
	precis_warc_reader_free(r);
	if (cli_close_input(fp, path) && !rc)
		rc = PRECIS_EIO;
	if (!rc && !pages && *failed == bad) {
		/* An empty WARC (or one without HTML pages) is no input, not zero pages. */
		cli_error("%s: no HTML responses in this WARC file",
			  strcmp(path, "-") != 0 ? path : "standard input");
		rc = PRECIS_EEMPTY;
	}
	return rc;
}
