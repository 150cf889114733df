/* precis compare: how outlets covered the same events, as Markdown, HTML or JSON. */
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"
#include "page.h"
#include "compare_input.h"

struct opts {
	precis_compare_options o;
	const char *output;
	int format; /* index in format_names */
	bool jsonl, lossy;
	int threads;
	size_t max_bytes;
	int input; /* CLI_INPUT_* */
	const char *warc;
	const char *model;
	size_t window; /* days; 0: one report */
};

static const cli_command command = {
	"compare",
	"Usage: precis compare [OPTIONS] FILE... | DIR\n"
	"       precis compare [OPTIONS] --jsonl FILE|-\n"
	"       precis compare [OPTIONS] --warc FILE.warc[.gz]\n",
	"Group articles into stories (events) and show side by side how each outlet\n"
	"framed each story: cards, headlines, shared and unique facts, distinctive words,\n"
	"reused agency copy, a consensus summary and a similarity matrix. JSONL records:\n"
	"{\"id\", \"text\"|\"html\", \"title\"?, \"outlet\"?, \"date\"?, \"url\"?}; given fields\n"
	"win over what the page or the text says.\n"
};

enum { FMT_MD, FMT_HTML, FMT_JSON };
static const char *const format_names[] = { "md", "html", "json", NULL };

#define AT(m) CLI_AT(struct opts, m)
/* --threshold keeps the 0..2 range the command has always accepted. */
static const px_cli_opt opts[] = {
	CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE, "md (default), html or json",
		  .choices = format_names),
	CLI_VALUE("output", 'o', "F", AT(output), CLI_CHECK_STRING,
		  "write the report to F (atomically) instead of stdout"),
	CLI_VALUE("threshold", 0, "T", AT(o.threshold), CLI_CHECK_NUMBER,
		  "probability of one story that links two articles (0.5)", .max = 2),
	CLI_VALUE("stories", 0, "N", AT(o.stories), CLI_CHECK_COUNT, "force N stories"),
	CLI_FLAG("explain", 0, AT(o.explain), "list each grouping decision with its evidence"),
	CLI_VALUE("model", 0, "W,...", AT(model), CLI_CHECK_STRING,
		  "grouping model: bias and 8 weights (eval/grouping_fit.py)"),
	CLI_VALUE("lang", 0, "CODE", AT(o.lang), CLI_CHECK_LANG,
		  "language of every article (auto: per article)"),
	CLI_VALUE("sentences", 'n', "N", AT(o.summary_sentences), CLI_CHECK_COUNT,
		  "sentences per summary (3)", .max = 50),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads reading the articles (default: one per core)"),
	CLI_FLAG("jsonl", 0, AT(jsonl), "read JSONL records"),
	CLI_VALUE("max-bytes", 0, "N", AT(max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_FLAG("lossy", 0, AT(lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("window", 0, "DAYS", AT(window), CLI_CHECK_COUNT,
		  "with --jsonl: stream time-ordered records, one finished story per line",
		  .max = 36500),
	CLI_VALUE("input", 0, "K", AT(input), CLI_CHECK_CHOICE,
		  "auto (HTML when it looks like HTML), text or html",
		  .choices = cli_input_names),
	CLI_VALUE("warc", 0, "FILE", AT(warc), CLI_CHECK_STRING,
		  "compare the HTML responses of a WARC file (.warc or .warc.gz)"),
	CLI_HELP,
	CLI_END
};

/* "b,w1,...,w8": exactly PRECIS_COMPARE_MODEL_SIZE finite numbers. */
static int parse_model(double *w, const char *s)
{
	for (int k = 0; k < PRECIS_COMPARE_MODEL_SIZE; k++) {
		char *end;
		w[k] = strtod(s, &end);
		if (end == s || !isfinite(w[k]) ||
		    *end != (k + 1 < PRECIS_COMPARE_MODEL_SIZE ? ',' : '\0'))
			return -1;
		s = end + 1;
	}
	return 0;
}

/* The report in its format, to -o or stdout; 0 or non-zero after naming the failure. */
static int write_report(const precis_comparison *cmp, const struct opts *op, int unread)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int rc = !mem ? PRECIS_ENOMEM
		 : op->format == FMT_HTML ? precis_report_html(cmp, mem)
		 : op->format == FMT_JSON ? precis_report_json(cmp, mem)
					  : precis_report_md(cmp, mem);
	if (mem)
		fclose(mem);
	/* -o FILE is not replaced when an input could not be read (README: -o). */
	if (!rc && unread && op->output && strcmp(op->output, "-") != 0) {
		cli_error("%s: not written (the old file is kept): %d input(s) not read",
			  op->output, unread);
		rc = EXIT_SOME_FAILED;
	} else if (!rc) {
		rc = cli_write_atomic(op->output, buf, len);
	}
	free(buf);
	return rc;
}

int cmd_compare(int argc, char **argv)
{
	struct opts op = { PRECIS_COMPARE_OPTIONS_INIT, NULL, FMT_MD, false, false, 0,
			   PRECIS_DEFAULT_MAX_BYTES, CLI_INPUT_AUTO, NULL, NULL, 0 };
	cli_args args;
	int rc = cli_opt_parse(&args, &op, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (op.warc && (op.jsonl || args.npos)) {
		cli_error("compare: --warc FILE takes no other input");
		return EXIT_USAGE;
	}
	if ((args.npos == 0 && !op.jsonl && !op.warc) || (op.jsonl && args.npos > 1)) {
		cli_error("compare: %s (see 'precis compare --help')",
			  op.jsonl ? "--jsonl reads one input (a file or -)" : "no input");
		return EXIT_USAGE;
	}
	precis_compare_options o = op.o;
	o.threads = (unsigned)op.threads;
	double model[PRECIS_COMPARE_MODEL_SIZE];
	if (op.model) {
		if (parse_model(model, op.model)) {
			cli_error("compare: --model wants %d comma-separated numbers",
				  PRECIS_COMPARE_MODEL_SIZE);
			return EXIT_USAGE;
		}
		o.model = model;
	}
	if (op.window) {
		if (!op.jsonl || op.o.stories || op.format == FMT_HTML) {
			cli_error("compare: --window streams --jsonl records into JSON Lines "
				  "(no --stories, no --format html)");
			return EXIT_USAGE;
		}
		return cli_compare_window(args.npos ? args.pos[0] : "-", op.output, (long)op.window, &o,
					  op.max_bytes, op.lossy);
	}
	inputs in = { .max_bytes = op.max_bytes, .lossy = op.lossy };
	int failed = op.warc    ? cli_in_read_warc(&in, op.warc)
		     : op.jsonl ? cli_in_read_jsonl(&in, args.npos ? args.pos[0] : "-")
				: cli_in_read_files(&in, args.pos, args.npos, op.input);
	if (cli_in_unique_ids(&in))
		failed++;
	precis_analyzer *a = NULL;
	precis_comparison *cmp = NULL;
	precis_error err = { 0 };
	rc = precis_analyzer_new(&a);
	if (!rc && in.n == 0 && in.nbad == 0) {
		/* No article at all (empty directory or file): no report of zero. */
		rc = PRECIS_EEMPTY;
		snprintf(err.message, sizeof err.message, "no articles in the input");
	}
	o.unread = in.bad;
	o.nunread = in.nbad;
	if (!rc)
		rc = precis_compare_new(&cmp, a, in.v, in.n, &o, &err);
	for (size_t i = 0; cmp && i < precis_comparison_article_count(cmp); i++)
		failed += cli_compare_article_notes(cmp, i); /* the report is written, the exit says so */
	if (rc) {
		cli_error("compare: %s", err.message[0] ? err.message : precis_strerror(rc));
	} else {
		rc = write_report(cmp, &op, in.unread);
	}
	precis_comparison_free(cmp);
	precis_analyzer_free(a);
	cli_in_free(&in);
	if (failed)
		cli_error("compare: %d input(s) not read or without usable text (named above)", failed);
	if (rc)
		return EXIT_SOME_FAILED;
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}
