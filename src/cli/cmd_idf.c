/* precis idf: corpus document frequencies, built per shard and merged. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis idf [OPTIONS] CORPUS... -o FILE\n"
	"       precis idf --merge PART... -o FILE\n\n"
	"Count in how many documents each stemmed term occurs, for 'summarize --idf'.\n"
	"CORPUS is text files, directories of them, or with --jsonl JSONL files\n"
	"(one document per line). Tables of shards merge into exactly the table of\n"
	"one run over all of them.\n\n"
	"  -o, --output FILE   write the table here (atomically); default stdout\n"
	"      --jsonl         CORPUS files are JSONL\n"
	"      --text-key K    JSONL field holding the text (text)\n"
	"      --lang CODE     language of the corpus (auto: per document)\n"
	"      --raw           do not remove boilerplate lines\n"
	"      --merge         inputs are IDF tables to add up\n"
	"  -h, --help          this help\n";

enum { OPT_JSONL = 256, OPT_TEXTKEY, OPT_LANG, OPT_RAW, OPT_MERGE };

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "text-key", required_argument, NULL, OPT_TEXTKEY },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

struct idf_run {
	precis_idf *idf;
	precis_analyzer *a;
	precis_doc_options dopt;
	const char *text_key;
	int failed;
};

static void add_text(struct idf_run *r, const char *name, size_t line, const char *text, size_t len)
{
	precis_doc *doc;
	precis_error err = { 0 };
	int rc = precis_doc_new(&doc, r->a, text, len, &r->dopt, &err);
	if (!rc) {
		rc = precis_idf_add(r->idf, doc);
		precis_doc_free(doc);
	}
	if (rc) {
		if (line)
			fprintf(stderr, "precis: %s: line %zu: %s\n", name, line,
				err.message[0] ? err.message : precis_strerror(rc));
		else
			cli_report(name, rc, &err);
		r->failed++;
	}
}

static void add_jsonl(struct idf_run *r, const char *name, const char *buf, size_t len)
{
	size_t line = 0;
	const char *p = buf, *end = buf + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		line++;
		if (eol > p) {
			json_error_t jerr;
			json_t *rec = json_loadb(p, (size_t)(eol - p), 0, &jerr);
			json_t *t = rec ? json_object_get(rec, r->text_key) : NULL;
			if (!json_is_string(t)) {
				fprintf(stderr, "precis: %s: line %zu: %s\n", name, line,
					rec ? "no string field with the text" : jerr.text);
				r->failed++;
			} else {
				add_text(r, name, line, json_string_value(t), json_string_length(t));
			}
			json_decref(rec);
		}
		p = eol + 1;
	}
}

static int merge_tables(precis_idf *into, char **paths, int n)
{
	int failed = 0;
	for (int i = 0; i < n; i++) {
		FILE *fp = fopen(paths[i], "r");
		if (!fp) {
			cli_error("%s: cannot open", paths[i]);
			failed++;
			continue;
		}
		precis_idf *part;
		precis_error err;
		int rc = precis_idf_read(&part, fp, &err);
		fclose(fp);
		if (!rc) {
			rc = precis_idf_merge(into, part);
			precis_idf_free(part);
		}
		if (rc) {
			cli_report(paths[i], rc, &err);
			failed++;
		}
	}
	return failed;
}

static int write_table(const precis_idf *idf, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return PRECIS_ENOMEM;
	int rc = precis_idf_write(idf, mem);
	fclose(mem);
	if (!rc)
		rc = cli_write_atomic(path, buf, len);
	free(buf);
	return rc;
}

int cmd_idf(int argc, char **argv)
{
	struct idf_run r = { NULL, NULL, PRECIS_DOC_OPTIONS_INIT, "text", 0 };
	const char *output = NULL;
	bool jsonl = false, merge = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case OPT_JSONL: jsonl = true; break;
		case OPT_TEXTKEY: r.text_key = optarg; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("idf: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			r.dopt.lang = optarg;
			break;
		case OPT_RAW: r.dopt.clean = false; break;
		case OPT_MERGE: merge = true; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis idf --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("idf: no input (see 'precis idf --help')");
		return EXIT_USAGE;
	}
	if (precis_idf_new(&r.idf) || precis_analyzer_new(&r.a)) {
		cli_error("out of memory");
		precis_idf_free(r.idf);
		return EXIT_SOME_FAILED;
	}
	if (merge) {
		r.failed = merge_tables(r.idf, argv + optind, argc - optind);
	} else {
		char **paths = cli_expand_paths(argv + optind, argc - optind, &r.failed);
		for (char **p = paths; p && *p; p++) {
			char *buf;
			size_t len;
			precis_error err;
			int rc = cli_read_file(&buf, &len, *p, jsonl ? 0 : r.dopt.max_bytes, &err);
			if (rc) {
				cli_report(*p, rc, &err);
				r.failed++;
				continue;
			}
			if (jsonl)
				add_jsonl(&r, *p, buf, len);
			else
				add_text(&r, *p, 0, buf, len);
			free(buf);
		}
		cli_free_paths(paths);
	}
	int rc = write_table(r.idf, output);
	if (rc)
		cli_error("%s: cannot write: %s", output ? output : "(stdout)", precis_strerror(rc));
	precis_idf_free(r.idf);
	precis_analyzer_free(r.a);
	return rc || r.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
