/* precis idf: corpus document frequencies, built per shard and merged. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
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
	precis_doc *doc = NULL;
	precis_error err = { 0 };
	int rc = precis_doc_new(&doc, r->a, text, len, &r->dopt, &err);
	if (!rc && precis_doc_sentence_count(doc) == 0) {
		/* Counted, it would lower every term's IDF without a word: left
		 * out and named, as summarize leaves it out. */
		rc = PRECIS_EEMPTY;
		snprintf(err.message, sizeof err.message,
			 "no usable text (empty, blank or only boilerplate)");
		err.line = 0;
	}
	if (!rc)
		rc = precis_idf_add(r->idf, doc);
	precis_doc_free(doc);
	if (rc) {
		/* The library's message does not know the option that raises its limit. */
		const char *opt = rc == PRECIS_ETOOBIG ? " (--max-bytes)" : "";
		if (line)
			fprintf(stderr, "precis: %s:%zu: %s%s\n", name, line,
				err.message[0] ? err.message : precis_strerror(rc), opt);
		else if (*opt)
			fprintf(stderr, "precis: %s: %s%s\n", name,
				err.message[0] ? err.message : precis_strerror(rc), opt);
		else
			cli_report(name, rc, &err);
		r->failed++;
	}
}

/* A JSONL corpus, line by line: each line bounded by --max-bytes of decoded text. */
static int add_jsonl(struct idf_run *r, const char *path)
{
	FILE *fp = cli_open_input(path);
	if (!fp)
		return 1;
	size_t max_line = cli_jsonl_line_limit(r->dopt.max_bytes), line = 0, len;
	char *buf;
	int rc;
	while ((rc = cli_read_line(fp, max_line, r->dopt.lossy, &buf, &len)) == 0) {
		line++;
		if (!buf) {
			fprintf(stderr, "precis: %s:%zu: line of %zu bytes cannot hold a text within "
					"--max-bytes %zu\n", path, line, len, r->dopt.max_bytes);
			r->failed++;
			continue;
		}
		json_error_t jerr;
		json_t *rec = len ? json_loadb(buf, len, 0, &jerr) : NULL;
		json_t *t = rec ? json_object_get(rec, r->text_key) : NULL;
		if (len && !json_is_string(t)) {
			fprintf(stderr, "precis: %s:%zu: %s\n", path, line,
				rec ? "no string field with the text" : jerr.text);
			r->failed++;
		} else if (len) {
			add_text(r, path, line, json_string_value(t), json_string_length(t));
		}
		json_decref(rec);
		free(buf);
	}
	if (rc == PRECIS_ETOOBIG)
		cli_line_stopped(path, line + 1, max_line);
	else if (rc == PRECIS_ENOMEM)
		cli_error("%s: out of memory", path);
	return cli_close_input(fp, path) || rc < 0;
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
	int unread = 0; /* inputs not read at all, as opposed to documents left out */
	if (r.merge) {
		unread = merge_tables(r.idf, args.pos, args.npos);
	} else {
		char **paths = cli_expand_paths(args.pos, args.npos, &unread);
		for (char **p = paths; p && *p; p++) {
			char *buf;
			size_t len;
			precis_error err;
			if (r.jsonl) {
				unread += add_jsonl(&r, *p);
				continue;
			}
			rc = cli_read_file(&buf, &len, *p, r.dopt.max_bytes, &err);
			if (rc) {
				cli_report(*p, rc, &err);
				unread++;
				continue;
			}
			add_text(&r, *p, 0, buf, len);
			free(buf);
		}
		cli_free_paths(paths);
	}
	r.failed += unread;
	/*
	 * -o FILE is not replaced when an input could not be read (README: -o):
	 * a table missing a whole file or shard must not stand in for the full
	 * one. Documents and records left out are named, the table holds the rest.
	 * A table of no documents is written nowhere: it is no table.
	 */
	if (precis_idf_documents(r.idf) == 0) {
		cli_error("idf: no documents in the input%s", r.output ? "; nothing written" : "");
		rc = EXIT_SOME_FAILED;
	} else if (unread && r.output && strcmp(r.output, "-") != 0) {
		cli_error("%s: not written (the old file is kept): %d input(s) not read",
			  r.output, unread);
		rc = EXIT_SOME_FAILED;
	} else if ((rc = write_table(r.idf, r.output)) < 0) {
		cli_error("%s: %s", r.output ? r.output : "(stdout)", precis_strerror(rc));
	}
	/* As every command: each input left out is named above, then their count. */
	if (r.failed)
		cli_error("idf: %d input(s) or record(s) left out (named above)", r.failed);
	precis_idf_free(r.idf);
	precis_analyzer_free(r.a);
	return rc || r.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
