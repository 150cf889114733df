/* precis idf: corpus document frequencies, built per shard and merged. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "opt.h"

struct idf_run {
	precis_idf *idf;
	precis_analyzer *a;
	precis_doc_options dopt;
	const char *text_key;
	int failed;
	const char *output;
	bool jsonl, merge;
};

static const cli_command command = {
	"idf",
	"Usage: precis idf [OPTIONS] CORPUS... -o FILE\n"
	"       precis idf --merge PART... -o FILE\n",
	"Count in how many documents each stemmed term occurs, for 'summarize --idf'.\n"
	"CORPUS is text files, directories of them, or with --jsonl JSONL files\n"
	"(one document per line). Tables of shards merge into exactly the table of\n"
	"one run over all of them.\n"
};

#define AT(m) CLI_AT(struct idf_run, m)
static const px_cli_opt opts[] = {
	CLI_VALUE("output", 'o', "FILE", AT(output), CLI_CHECK_STRING,
		  "write the table here (atomically); default stdout"),
	CLI_FLAG("jsonl", 0, AT(jsonl), "CORPUS files are JSONL"),
	CLI_VALUE("text-key", 0, "K", AT(text_key), CLI_CHECK_STRING,
		  "JSONL field holding the text (text)"),
	CLI_VALUE("lang", 0, "CODE", AT(dopt.lang), CLI_CHECK_LANG,
		  "language of the corpus (auto: per document)"),
	CLI_UNSET("raw", 0, AT(dopt.clean), "do not remove boilerplate lines"),
	CLI_FLAG("merge", 0, AT(merge), "inputs are IDF tables to add up"),
	CLI_FLAG("lossy", 0, AT(dopt.lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(dopt.max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_HELP,
	CLI_END
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
		FILE *fp = cli_open_input(paths[i]);
		if (!fp) {
			failed++;
			continue;
		}
		precis_idf *part;
		precis_error err;
		int rc = precis_idf_read(&part, fp, &err);
		if (cli_close_input(fp, paths[i]) && !rc) {
			precis_idf_free(part);
			failed++;
			continue;
		}
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
	struct idf_run r = { NULL, NULL, PRECIS_DOC_OPTIONS_INIT, "text", 0, NULL, false, false };
	cli_args args;
	int rc = cli_opt_parse(&args, &r, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (args.npos == 0) {
		cli_error("idf: no input (see 'precis idf --help')");
		return EXIT_USAGE;
	}
	if (precis_idf_new(&r.idf) || precis_analyzer_new(&r.a)) {
		cli_error("out of memory");
		precis_idf_free(r.idf);
		return EXIT_SOME_FAILED;
	}
	if (r.merge) {
		r.failed = merge_tables(r.idf, args.pos, args.npos);
	} else {
		char **paths = cli_expand_paths(args.pos, args.npos, &r.failed);
		for (char **p = paths; p && *p; p++) {
			char *buf;
			size_t len;
			precis_error err;
			rc = cli_read_file(&buf, &len, *p, r.jsonl ? 0 : r.dopt.max_bytes, &err);
			if (rc) {
				cli_report(*p, rc, &err);
				r.failed++;
				continue;
			}
			if (r.jsonl)
				add_jsonl(&r, *p, buf, len);
			else
				add_text(&r, *p, 0, buf, len);
			free(buf);
		}
		cli_free_paths(paths);
	}
	if (!r.failed && precis_idf_documents(r.idf) == 0) {
		cli_error("idf: no documents in the input");
		r.failed++;
	}
	/* -o FILE is replaced only by a run that exits 0 (README: -o): a table
	 * missing a failed input must not stand in for the whole one. */
	if (r.failed && r.output && strcmp(r.output, "-") != 0) {
		cli_error("%s: not written (the old file is kept): %d input(s) failed", r.output,
			  r.failed);
		rc = EXIT_SOME_FAILED;
	} else if ((rc = write_table(r.idf, r.output)) < 0) {
		cli_error("%s: %s", r.output ? r.output : "(stdout)", precis_strerror(rc));
	}
	precis_idf_free(r.idf);
	precis_analyzer_free(r.a);
	return rc || r.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
