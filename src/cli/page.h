/*
 * cli/page: web pages in. A file or a JSONL record may hold HTML (detected
 * from its content, or forced with --input html|text) and a WARC file holds
 * many; each becomes the plain text the other commands read, plus the
 * page's own metadata (headline, outlet, date, language, address).
 */
#ifndef PRECIS_CLI_PAGE_H
#define PRECIS_CLI_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

enum { CLI_INPUT_AUTO, CLI_INPUT_TEXT, CLI_INPUT_HTML };
/* The --input choices, in the order of the enum. */
extern const char *const cli_input_names[];

typedef struct cli_text {
	const char *text;  /* what the pipeline reads: the input, or the page's main content */
	size_t len;
	precis_page *page; /* the parsed page, NULL for text */
} cli_text;

/*
 * Turn an input into text: HTML goes through precis_html_extract (unicode:
 * the bytes came from a JSON string; charset/url: from a WARC record).
 * t->text points into buf or into t->page.
 */
int cli_text_from(cli_text *t, const char *buf, size_t len, int kind, bool unicode,
		  const char *charset, const char *url, precis_error *err);
void cli_text_free(cli_text *t);

/* A page field or NULL (for text input too). */
const char *cli_text_field(const cli_text *t, precis_page_field f, const char **source);

/*
 * Call fn on every HTML response record of a WARC file (plain or gzip,
 * "-" for stdin); other records are skipped, corrupt ones reported on
 * stderr with their offset and counted in *failed. Stops when fn returns
 * non-zero. Returns 0, or a negative status when the file cannot be read.
 */
typedef int (*cli_warc_fn)(const precis_warc_record *rec, void *ctx);
int cli_warc_each(const char *path, cli_warc_fn fn, void *ctx, long *failed);

#endif
