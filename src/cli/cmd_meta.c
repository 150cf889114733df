/* precis meta: headline, outlet, language, dates, places, persons, agencies, quotes. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "opt.h"
#include "page.h"

struct opts {
	int format; /* index in format_names */
	precis_doc_options doc;
	const char *pubdate;
	int input; /* CLI_INPUT_* */
};

static const cli_command command = {
	"meta",
	"Usage: precis meta [--format json|text] [--lang CODE|auto] [--date YYYY-MM-DD] FILE|-\n",
	"What a scraped article says about itself: headline and outlet, language,\n"
	"the dates it mentions (resolved against --date, the publication date),\n"
	"places, persons (name variants merged), agencies cited, and quotes with\n"
	"their speaker. On an HTML page, \"sources\" says where each field came\n"
	"from: json-ld, meta, time, html (the page's own elements) or text.\n"
};

enum { FMT_JSON, FMT_TEXT };
static const char *const format_names[] = { "json", "text", NULL };

#define AT(m) CLI_AT(struct opts, m)
static const px_cli_opt opts[] = {
	CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE, "json (default) or text",
		  .choices = format_names),
	CLI_VALUE("lang", 0, "CODE", AT(doc.lang), CLI_CHECK_LANG, "language (auto)"),
	CLI_VALUE("date", 0, "D", AT(pubdate), CLI_CHECK_STRING,
		  "publication date, to resolve 'jeudi', 'hier', '23 avril'"),
	CLI_FLAG("lossy", 0, AT(doc.lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(doc.max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_VALUE("input", 0, "K", AT(input), CLI_CHECK_CHOICE,
		  "auto (HTML when it looks like HTML), text or html", .choices = cli_input_names),
	CLI_HELP,
	CLI_END
};

/*
 * --format text: one line per field of the library's JSON (docs/meta-schema.md),
 * read back from that JSON so the two formats always say the same thing.
 */
static void print_text(json_t *o)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		if (json_is_string(v)) {
			printf("%-10s %s\n", k, json_string_value(v));
		} else if (json_is_null(v)) {
			printf("%-10s -\n", k);
		} else if (json_is_array(v)) {
			printf("%-10s", k);
			size_t i;
			json_t *x;
			const char *sep = " ";
			json_array_foreach(v, i, x) {
				json_t *t = json_object_get(x, "name");
				if (!t)
					t = json_object_get(x, "text");
				printf("%s%s", sep, json_string_value(t));
				json_t *mn = json_object_get(x, "mentions");
				if (json_is_integer(mn) && json_integer_value(mn) > 1)
					printf(" \xc3\x97%" JSON_INTEGER_FORMAT, json_integer_value(mn));
				json_t *sp = json_object_get(x, "speaker");
				if (json_is_string(sp))
					printf(" (%s)", json_string_value(sp));
				json_t *f = json_object_get(x, "from"), *l = json_object_get(x, "to");
				if (json_is_string(f) && json_is_string(l) &&
				    strcmp(json_string_value(f), json_string_value(l)) != 0)
					printf(" [%s..%s]", json_string_value(f), json_string_value(l));
				else if (json_is_string(f))
					printf(" [%s]", json_string_value(f));
				sep = "; ";
			}
			printf("\n");
		} else if (json_is_object(v) && json_object_get(v, "from")) {
			printf("%-10s %s .. %s\n", k, json_string_value(json_object_get(v, "from")),
			       json_string_value(json_object_get(v, "to")));
		} else if (json_is_object(v)) {
			/* "sources": field=origin pairs. */
			const char *fk;
			json_t *fv;
			printf("%-10s", k);
			json_object_foreach(v, fk, fv)
				printf(" %s=%s", fk, json_string_value(fv));
			printf("\n");
		}
	}
}

/*
 * On a page, the fields the markup gives replace what the text suggested,
 * and "sources" names the origin of each: the page's ("json-ld", "meta",
 * "time", "html", "url") or "text" for what was read from the text.
 */
static int add_page_fields(json_t *j, const cli_text *t, bool date_given)
{
	static const struct {
		const char *key;
		precis_page_field f;
	} map[] = { { "headline", PRECIS_PAGE_TITLE }, { "outlet", PRECIS_PAGE_OUTLET },
		    { "date", PRECIS_PAGE_DATE },     { "language", PRECIS_PAGE_LANG },
		    { "url", PRECIS_PAGE_URL },       { "author", PRECIS_PAGE_AUTHOR } };
	json_t *src = json_object();
	if (!src)
		return PRECIS_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < sizeof map / sizeof map[0] && !rc; i++) {
		const char *from, *v = cli_text_field(t, map[i].f, &from);
		json_t *cur = json_object_get(j, map[i].key);
		if (map[i].f == PRECIS_PAGE_DATE && date_given) {
			rc = json_object_set_new(src, "date", json_string("option"));
			continue;
		}
		/* A language the text was read in wins: it is what the stemmer used. */
		if (v && !(map[i].f == PRECIS_PAGE_LANG && json_is_string(cur) &&
			   strcmp(json_string_value(cur), v) != 0)) {
			rc = json_object_set_new(j, map[i].key, json_string(v)) ||
			     json_object_set_new(src, map[i].key, json_string(from));
		} else if (json_is_string(cur)) {
			rc = json_object_set_new(src, map[i].key, json_string("text"));
		} else if (!cur) {
			rc = json_object_set_new(j, map[i].key, json_null());
		}
	}
	if (!rc)
		rc = json_object_set_new(j, "sources", src);
	else
		json_decref(src);
	return rc ? PRECIS_ENOMEM : 0;
}

static int print_meta(const struct opts *o, const char *name, const precis_doc *doc,
		      const precis_meta *m, const cli_text *t, const char *pubdate)
{
	if (o->format == FMT_JSON && !t->page)
		return precis_report_meta_json(doc, m, name, pubdate, stdout);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return PRECIS_ENOMEM;
	int rc = precis_report_meta_json(doc, m, name, pubdate, mem);
	fclose(mem);
	json_t *j = rc ? NULL : json_loadb(buf, len, JSON_DECODE_ANY, NULL);
	if (!rc && !j)
		rc = PRECIS_ENOMEM;
	if (!rc && t->page)
		rc = add_page_fields(j, t, o->pubdate != NULL);
	if (!rc && o->format == FMT_TEXT) {
		print_text(j);
	} else if (!rc) {
		char *out = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		rc = out ? 0 : PRECIS_ENOMEM;
		if (out)
			printf("%s\n", out);
		free(out);
	}
	json_decref(j);
	free(buf);
	return rc;
}

int cmd_meta(int argc, char **argv)
{
	struct opts o = { FMT_JSON, PRECIS_DOC_OPTIONS_INIT, NULL, CLI_INPUT_AUTO };
	cli_args args;
	int rc = cli_opt_parse(&args, &o, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	precis_ymd d;
	if (o.pubdate && precis_ymd_parse(&d, o.pubdate) != 0)
		return cli_opt_bad_value(&command, "--date (YYYY-MM-DD)", o.pubdate);
	if (args.npos != 1) {
		cli_error("meta: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = args.pos[0];
	char *shown = cli_display_name(path);
	const char *name = shown ? shown : path;
	char *buf = NULL;
	size_t len;
	precis_error err = { 0 };
	precis_analyzer *a = NULL;
	precis_doc *doc = NULL;
	precis_meta *m = NULL;
	rc = cli_read_file(&buf, &len, path, o.doc.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		free(shown);
		return EXIT_SOME_FAILED;
	}
	cli_text t = { 0 };
	if (!rc)
		rc = cli_text_from(&t, buf, len, o.input, false, NULL, NULL, &err);
	/* A page's own publication date resolves "jeudi" and "hier" unless --date says otherwise. */
	const char *pubdate = o.pubdate ? o.pubdate : cli_text_field(&t, PRECIS_PAGE_DATE, NULL);
	precis_doc_options dopt = o.doc;
	if (!dopt.title)
		dopt.title = cli_text_field(&t, PRECIS_PAGE_TITLE, NULL);
	if (!rc && !(rc = precis_analyzer_new(&a)) &&
	    !(rc = precis_doc_new(&doc, a, t.text, t.len, &dopt, &err)))
		rc = precis_meta_new(&m, a, doc, pubdate);
	if (rc) {
		cli_report(name, rc, &err);
		cli_text_free(&t);
		free(buf);
		free(shown);
		precis_doc_free(doc);
		precis_analyzer_free(a);
		return EXIT_SOME_FAILED;
	}
	rc = print_meta(&o, name, doc, m, &t, pubdate);
	if (rc)
		cli_error("%s: %s", name, precis_strerror(rc));
	cli_text_free(&t);
	precis_meta_free(m);
	precis_doc_free(doc);
	precis_analyzer_free(a);
	free(buf);
	free(shown);
	return fflush(stdout) == 0 && !rc ? EXIT_OK : EXIT_SOME_FAILED;
}
