/* precis meta: headline, outlet, language, dates, places, persons, agencies, quotes. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis meta [--format json|text] [--lang CODE|auto] [--date YYYY-MM-DD] FILE|-\n\n"
	"What a scraped article says about itself: headline and outlet, language,\n"
	"the dates it mentions (resolved against --date, the publication date),\n"
	"places, persons (name variants merged), agencies cited, and quotes with\n"
	"their speaker.\n\n"
	"  --format F     json (default) or text\n"
	"  --lang CODE    language (auto)\n"
	"  --date D       publication date, to resolve 'jeudi', 'hier', '23 avril'\n"
	"  --lossy        replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help     this help\n";

enum { OPT_FORMAT = 256, OPT_LANG, OPT_DATE, OPT_LOSSY };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static const char *kind_name(precis_date_kind k)
{
	static const char *const names[] = { "full", "day-month", "month", "year", "weekday",
					     "relative" };
	return names[k];
}

static json_t *ymd_json(precis_ymd d)
{
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
	return json_string(buf);
}

static json_t *span_text(const char *text, precis_span s)
{
	return json_stringn(text + s.start, s.end - s.start);
}

static json_t *entities_json(const precis_entity *e, size_t n, bool variants)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "name", json_string(e[i].name));
		json_object_set_new(o, "key", json_string(e[i].key));
		json_object_set_new(o, "mentions", json_integer((json_int_t)e[i].mentions));
		json_object_set_new(o, "first", json_integer((json_int_t)e[i].first));
		if (variants) {
			json_t *v = json_array();
			for (const char *const *p = e[i].variants; *p; p++)
				json_array_append_new(v, json_string(*p));
			json_object_set_new(o, "variants", v);
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *meta_json(const char *name, const precis_doc *doc, const precis_meta *m,
			 const char *pubdate)
{
	const char *text = precis_doc_text(doc, NULL);
	json_t *o = json_object();
	json_object_set_new(o, "file", json_string(name));
	precis_span h = precis_doc_headline(doc);
	json_object_set_new(o, "headline", h.end > h.start ? span_text(text, h) : json_null());
	const char *outlet = precis_doc_outlet(doc);
	json_object_set_new(o, "outlet", outlet ? json_string(outlet) : json_null());
	json_object_set_new(o, "language", json_string(precis_doc_language(doc)));
	json_object_set_new(o, "date", pubdate ? json_string(pubdate) : json_null());
	precis_ymd first, last, ref = { 0, 0, 0 };
	if (pubdate)
		precis_ymd_parse(&ref, pubdate);
	if (precis_meta_event_date(m, &first, &last) == 0) {
		json_t *ev = json_object();
		json_object_set_new(ev, "from", ymd_json(first));
		json_object_set_new(ev, "to", ymd_json(last));
		json_object_set_new(o, "event_date", ev);
	} else {
		json_object_set_new(o, "event_date", json_null());
	}
	size_t n;
	const precis_date *d = precis_meta_dates(m, &n);
	json_t *dates = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "text", span_text(text, d[i].span));
		json_object_set_new(x, "start", json_integer((json_int_t)d[i].span.start));
		json_object_set_new(x, "end", json_integer((json_int_t)d[i].span.end));
		json_object_set_new(x, "kind", json_string(kind_name(d[i].kind)));
		if (d[i].year)
			json_object_set_new(x, "year", json_integer(d[i].year));
		if (d[i].month)
			json_object_set_new(x, "month", json_integer(d[i].month));
		if (d[i].day)
			json_object_set_new(x, "day", json_integer(d[i].day));
		if (d[i].day_end)
			json_object_set_new(x, "day_end", json_integer(d[i].day_end));
		if (d[i].weekday)
			json_object_set_new(x, "weekday", json_integer(d[i].weekday));
		if (d[i].last)
			json_object_set_new(x, "last", json_true());
		if (d[i].next)
			json_object_set_new(x, "next", json_true());
		if (d[i].future)
			json_object_set_new(x, "future", json_true());
		if (d[i].kind == PRECIS_DATE_RELATIVE) {
			char off[32];
			snprintf(off, sizeof off, "%+d%c", d[i].offset, d[i].offset_unit);
			json_object_set_new(x, "offset", json_string(off));
		}
		if (precis_date_resolve(&first, &last, &d[i], ref) == 0) {
			json_object_set_new(x, "from", ymd_json(first));
			json_object_set_new(x, "to", ymd_json(last));
		}
		json_array_append_new(dates, x);
	}
	json_object_set_new(o, "dates", dates);
	const precis_entity *e = precis_meta_places(m, &n);
	json_object_set_new(o, "places", entities_json(e, n, false));
	e = precis_meta_persons(m, &n);
	json_object_set_new(o, "persons", entities_json(e, n, true));
	e = precis_meta_agencies(m, &n);
	json_object_set_new(o, "agencies", entities_json(e, n, false));
	const precis_quote *q = precis_meta_quotes(m, &n);
	json_t *quotes = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "text", span_text(text, q[i].span));
		json_object_set_new(x, "start", json_integer((json_int_t)q[i].span.start));
		json_object_set_new(x, "end", json_integer((json_int_t)q[i].span.end));
		json_object_set_new(x, "speaker", q[i].speaker ? json_string(q[i].speaker) : json_null());
		json_array_append_new(quotes, x);
	}
	json_object_set_new(o, "quotes", quotes);
	return o;
}

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
		} else if (json_is_object(v)) {
			printf("%-10s %s .. %s\n", k, json_string_value(json_object_get(v, "from")),
			       json_string_value(json_object_get(v, "to")));
		}
	}
}

int cmd_meta(int argc, char **argv)
{
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	bool text_format = false;
	const char *pubdate = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
				cli_error("meta: --format must be json or text");
				return EXIT_USAGE;
			}
			text_format = strcmp(optarg, "text") == 0;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("meta: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			dopt.lang = optarg;
			break;
		case OPT_DATE: {
			precis_ymd d;
			if (precis_ymd_parse(&d, optarg) != 0) {
				cli_error("meta: --date wants YYYY-MM-DD, got '%s'", optarg);
				return EXIT_USAGE;
			}
			pubdate = optarg;
			break;
		}
		case OPT_LOSSY: dopt.lossy = true; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis meta --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_error("meta: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf = NULL;
	size_t len;
	precis_error err = { 0 };
	precis_analyzer *a = NULL;
	precis_doc *doc = NULL;
	precis_meta *m = NULL;
	int rc = cli_read_file(&buf, &len, path, dopt.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	if (!rc && !(rc = precis_analyzer_new(&a)) &&
	    !(rc = precis_doc_new(&doc, a, buf, len, &dopt, &err)))
		rc = precis_meta_new(&m, a, doc, pubdate);
	if (rc) {
		cli_report(name, rc, &err);
		free(buf);
		precis_doc_free(doc);
		precis_analyzer_free(a);
		return EXIT_SOME_FAILED;
	}
	json_t *o = meta_json(name, doc, m, pubdate);
	if (text_format)
		print_text(o);
	else {
		json_dumpf(o, stdout, JSON_INDENT(2));
		fputc('\n', stdout);
	}
	json_decref(o);
	precis_meta_free(m);
	precis_doc_free(doc);
	precis_analyzer_free(a);
	free(buf);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_SOME_FAILED;
}
