/* precis summarize: extractive summaries of files, directories, stdin or JSONL. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "opt.h"
#include "page.h"
#include "summarize.h"

static const cli_command command = {
	"summarize",
	"Usage: precis summarize [OPTIONS] FILE... | DIR | -\n"
	"       precis summarize --jsonl [OPTIONS] < IN.jsonl > OUT.jsonl\n"
	"       precis summarize --warc FILE.warc[.gz] [OPTIONS]\n",
	"Extractive summary of news articles: TF-IDF sentence graph, PageRank, MMR.\n"
};

static const char *const format_names[] = { "text", "json", "md", NULL };
static const char *const order_names[] = { "doc", "rank", NULL }; /* precis_order */

#define AT(m) CLI_AT(struct opts, m)
/* Bounds: budgets are positive; biases and lambda are weights in [0, 1];
 * damping must stay inside (0, 1) for PageRank to converge. */
static const px_cli_opt opts[] = {
	CLI_SECTION("Length (the tightest wins; default -n 3):"),
	CLI_VALUE("sentences", 'n', "N", AT(sum.sentences), CLI_CHECK_COUNT, "at most N sentences"),
	CLI_VALUE("ratio", 0, "P", AT(sum.ratio), CLI_CHECK_NUMBER,
		  "at most P percent of the sentences", .min = 0, .max = 100, .range = CLI_MIN_OPEN),
	CLI_VALUE("words", 0, "W", AT(sum.words), CLI_CHECK_COUNT, "at most W words"),
	CLI_VALUE("chars", 0, "C", AT(sum.chars), CLI_CHECK_COUNT, "at most C characters"),
	CLI_FLAG("truncate", 0, AT(sum.truncate),
		  "cut the last sentence exactly at the word/char budget"),
	CLI_SECTION("Ranking:"),
	CLI_VALUE("algorithm", 0, "A", AT(sum.algorithm), CLI_CHECK_ALGORITHM,
		  "precis (default), textrank, lexrank, lead, centroid, random"),
	CLI_VALUE("position-bias", 0, "W", AT(sum.position_bias), CLI_CHECK_NUMBER,
		  "weight of the early-sentence prior, 0..1", .max = 1),
	CLI_VALUE("title-bias", 0, "W", AT(sum.title_bias), CLI_CHECK_NUMBER,
		  "weight of the headline prior, 0..1", .max = 1),
	CLI_VALUE("damping", 0, "D", AT(sum.damping), CLI_CHECK_NUMBER, "PageRank damping (0.85)",
		  .max = 1, .range = CLI_MIN_OPEN | CLI_MAX_OPEN),
	CLI_VALUE("tolerance", 0, "T", AT(sum.tolerance), CLI_CHECK_NUMBER,
		  "power-iteration tolerance (1e-6)", .max = 1, .range = CLI_MIN_OPEN),
	CLI_VALUE("max-iter", 0, "N", AT(max_iter), CLI_CHECK_COUNT, "power-iteration cap (100)",
		  .max = 1000000),
	CLI_VALUE("threshold", 0, "T", AT(sum.lexrank_threshold), CLI_CHECK_NUMBER,
		  "LexRank edge threshold (0.1)", .max = 1, .range = CLI_MAX_OPEN),
	CLI_FLAG("continuous", 0, AT(sum.lexrank_continuous),
		  "LexRank with weighted edges"),
	CLI_VALUE("redundancy", 0, "L", AT(sum.redundancy), CLI_CHECK_NUMBER,
		  "MMR lambda, 0..1 (0.7; 1 = no redundancy control)", .max = 1),
	CLI_VALUE("order", 0, "doc|rank", AT(order), CLI_CHECK_CHOICE,
		  "order of the picked sentences (doc)", .choices = order_names),
	CLI_VALUE("idf", 0, "FILE", AT(idf_path), CLI_CHECK_STRING, "corpus IDF from 'precis idf'"),
	CLI_VALUE("seed", 0, "N", AT(seed), CLI_CHECK_UINT, "seed of --algorithm random"),
	CLI_SECTION("Input and output:"),
	CLI_VALUE("lang", 0, "CODE|auto", AT(doc.lang), CLI_CHECK_LANG, "language (auto)"),
	CLI_UNSET("raw", 0, AT(doc.clean), "do not remove boilerplate lines"),
	CLI_FLAG("lossy", 0, AT(doc.lossy),
		  "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(doc.max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M)"),
	CLI_VALUE("input", 0, "K", AT(input), CLI_CHECK_CHOICE,
		  "auto (HTML when it looks like HTML), text or html",
		  .choices = cli_input_names),
	CLI_VALUE("warc", 0, "FILE", AT(warc), CLI_CHECK_STRING,
		  "summarize the HTML responses of a WARC file (.warc or .warc.gz)"),
	CLI_FLAG("headline", 0, AT(headline), "print the detected headline first"),
	CLI_VALUE("format", 0, "F", AT(format), CLI_CHECK_CHOICE, "text (default), json or md",
		  .choices = format_names),
	CLI_FLAG("jsonl", 0, AT(jsonl),
		  "stream: {\"id\",\"text\"|\"html\",\"title\"?} per line in, one line out"),
	CLI_VALUE("jobs", 'j', "N", AT(threads), CLI_CHECK_JOBS,
		  "threads for --jsonl (output identical for any N)"),
	CLI_FLAG("verbose", 'v', AT(verbose),
		  "report the detected language on stderr"),
	CLI_HELP,
	CLI_END
};

/* Table values that need a C type the table does not store, and the budget rule. */
static void finish_args(struct opts *o, const cli_args *args)
{
	/* Another budget given without -n drops the default of 3 sentences. */
	if (!cli_opt_seen(args, AT(sum.sentences)) &&
	    (cli_opt_seen(args, AT(sum.ratio)) || cli_opt_seen(args, AT(sum.words)) ||
	     cli_opt_seen(args, AT(sum.chars))))
		o->sum.sentences = 0;
	o->sum.order = o->order == 1 ? PRECIS_ORDER_RANK : PRECIS_ORDER_DOC;
	o->sum.max_iterations = (int)o->max_iter;
	o->sum.seed = (unsigned long)o->seed;
}

static int load_idf(struct opts *o)
{
	if (!o->idf_path)
		return 0;
	int rc = cli_load_idf(&o->idf, o->idf_path);
	o->sum.idf = o->idf;
	return rc;
}

/*
 * Whether most letters are in scripts written without spaces between words
 * (Han, kana, Thai, Lao, Khmer, Myanmar): a hand decoder of UTF-8 lead
 * bytes, enough to word a message (the CLI does not link utf8proc).
 */
static bool mostly_unspaced(const char *t, size_t len)
{
	size_t unspaced = 0, letters = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)t[i];
		uint32_t cp = c;
		size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (n > 1 && i + n <= len) {
			cp = c & (0x7F >> n);
			for (size_t k = 1; k < n; k++)
				cp = (cp << 6) | ((unsigned char)t[i + k] & 0x3F);
		}
		i += n;
		bool un = (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
			  (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
			  (cp >= 0x3400 && cp <= 0x9FFF);
		unspaced += un;
		letters += un || (cp < 0x80 && isalpha((int)cp)) || cp >= 0xC0;
	}
	return letters && unspaced * 2 > letters;
}

/* Why a document gave no sentence, as accurately as we can tell. */
static void explain_empty(precis_error *err, precis_analyzer *a, const precis_doc_options *dopt,
			  const char *text, size_t len)
{
	const char *why = len ? "no sentences to summarize (only blanks, punctuation or boilerplate)"
			      : "empty input";
	precis_doc_options raw = *dopt;
	raw.clean = false;
	precis_doc *d = NULL;
	precis_error e2;
	if (len && dopt->clean && precis_doc_new(&d, a, text, len, &raw, &e2) == 0 &&
	    precis_doc_sentence_count(d) > 0)
		why = mostly_unspaced(text, len)
			      ? "no sentences left after boilerplate removal: the line cleaner took "
				"every line of this text without spaces between words (Chinese, "
				"Japanese, Thai); --raw keeps them"
			      : "no sentences left after boilerplate removal (it took every line); "
				"--raw keeps them";
	precis_doc_free(d);
	snprintf(err->message, sizeof err->message, "%s", why);
	err->line = 0;
}

int cli_summarize_doc(precis_doc **doc, precis_summary **s, precis_analyzer *a,
		      const struct opts *o, const char *text, size_t len, const char *title,
		      precis_error *err)
{
	precis_doc_options dopt = o->doc;
	if (title)
		dopt.title = title;
	int rc = precis_doc_new(doc, a, text, len, &dopt, err);
	if (rc)
		return rc;
	if (precis_doc_sentence_count(*doc) == 0) {
		/* Empty, blank, punctuation only, or nothing but boilerplate. */
		explain_empty(err, a, &dopt, text, len);
		precis_doc_free(*doc);
		*doc = NULL;
		return PRECIS_EEMPTY;
	}
	rc = precis_summarize(s, *doc, &o->sum);
	if (rc) {
		snprintf(err->message, sizeof err->message, "%s", precis_strerror(rc));
		err->line = 0;
		precis_doc_free(*doc);
		*doc = NULL;
	}
	return rc;
}

/* ---------------------------------------------------------- file mode */

static void print_text(const struct opts *o, const char *name, const precis_doc *doc,
		       const precis_summary *s, bool many, bool first)
{
	const char *text = precis_doc_text(doc, NULL);
	precis_span h = precis_doc_headline(doc);
	if (o->format == FMT_MD) {
		printf("%s## %s\n\n", first ? "" : "\n", name);
		if (o->headline && h.end > h.start)
			printf("**%.*s**\n\n", (int)(h.end - h.start), text + h.start);
	} else {
		if (many)
			printf("%s==> %s <==\n", first ? "" : "\n", name);
		if (o->headline && h.end > h.start)
			printf("%.*s\n\n", (int)(h.end - h.start), text + h.start);
	}
	for (size_t k = 0; k < precis_summary_count(s); k++) {
		precis_span sp = precis_summary_picks(s)[k].span;
		printf("%s%.*s\n", o->format == FMT_MD ? "- " : "", (int)(sp.end - sp.start),
		       text + sp.start);
	}
}

/* State of a file or WARC run: outputs so far, for separators and JSON commas. */
struct run {
	const struct opts *o;
	precis_analyzer *a;
	bool many, first;
	size_t written; /* --format json entries */
	long failed;
};

/* Summarize one input (text or HTML, per kind) and print it under name. */
static void summarize_one(struct run *r, const char *name, const char *buf, size_t len, int kind,
			  const char *charset, const char *url)
{
	const struct opts *o = r->o;
	precis_doc *doc = NULL;
	precis_summary *s = NULL;
	precis_error err = { 0 };
	cli_text t;
	int rc = cli_text_from(&t, buf, len, kind, false, charset, url, &err);
	if (!rc)
		rc = cli_summarize_doc(&doc, &s, r->a, o, t.text, t.len,
				   cli_text_field(&t, PRECIS_PAGE_TITLE, NULL), &err);
	if (rc) {
		cli_report(name, rc, &err);
		r->failed++;
		cli_text_free(&t);
		return;
	}
	if (o->verbose)
		fprintf(stderr, "precis: %s: language %s, %zu sentences\n", name,
			precis_doc_language(doc), precis_doc_sentence_count(doc));
	if (o->format == FMT_JSON) {
		if ((rc = precis_report_summary_json(doc, s, name, r->written, stdout)))
			cli_error("%s: %s", name, precis_strerror(rc));
		r->written += !rc;
		r->failed += rc != 0;
	} else {
		print_text(o, name, doc, s, r->many, r->first);
	}
	r->first = false;
	precis_summary_free(s);
	precis_doc_free(doc);
	cli_text_free(&t);
}

static int warc_record(const precis_warc_record *rec, void *ctx)
{
	summarize_one(ctx, rec->target_uri, rec->body, rec->body_len, CLI_INPUT_HTML, rec->charset,
		      rec->target_uri);
	return 0;
}

static int run_files(struct opts *o, char **args, int nargs)
{
	int failed = 0;
	char *dash = "-";
	char **paths = o->warc ? calloc(1, sizeof *paths)
		       : nargs ? cli_expand_paths(args, nargs, &failed)
			       : cli_expand_paths(&dash, 1, &failed);
	struct run r = { o, NULL, true, true, 0, failed };
	if (!paths || precis_analyzer_new(&r.a)) {
		cli_free_paths(paths);
		cli_error("out of memory");
		return EXIT_SOME_FAILED;
	}
	size_t npaths = 0;
	while (paths[npaths])
		npaths++;
	r.many = o->warc || npaths > 1;
	for (size_t i = 0; i < npaths; i++) {
		char *shown = cli_display_name(paths[i]);
		const char *name = shown ? shown : paths[i];
		char *buf;
		size_t len;
		precis_error err = { 0 };
		int rc = cli_read_file(&buf, &len, paths[i], o->doc.max_bytes, &err);
		if (rc) {
			cli_report(name, rc, &err);
			r.failed++;
		} else {
			summarize_one(&r, name, buf, len, o->input, NULL, NULL);
			free(buf);
		}
		free(shown);
	}
	if (o->warc && cli_warc_each(o->warc, warc_record, &r, &r.failed) != 0)
		r.failed++;
	if (o->format == FMT_JSON && precis_report_summary_json_end(r.written, stdout))
		r.failed++;
	precis_analyzer_free(r.a);
	cli_free_paths(paths);
	/* Each one was named above; with several inputs, how many in all. */
	if (r.failed && npaths > 1)
		cli_error("summarize: %ld of %zu inputs left out", r.failed, npaths);
	if (fflush(stdout) != 0)
		return EXIT_SOME_FAILED;
	return r.failed ? EXIT_SOME_FAILED : EXIT_OK;
}

int cmd_summarize(int argc, char **argv)
{
	struct opts o = { PRECIS_SUMMARY_OPTIONS_INIT, PRECIS_DOC_OPTIONS_INIT, FMT_TEXT, false,
			  false, false, 1, NULL, NULL, PRECIS_ORDER_DOC, 0, 0, CLI_INPUT_AUTO, NULL };
	o.max_iter = (size_t)o.sum.max_iterations;
	o.seed = o.sum.seed;
	cli_args args;
	int rc = cli_opt_parse(&args, &o, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	finish_args(&o, &args);
	if ((rc = load_idf(&o)))
		return rc;
	if (o.warc && (o.jsonl || args.npos)) {
		cli_error("summarize: --warc FILE takes no other input");
		precis_idf_free(o.idf);
		return EXIT_USAGE;
	}
	rc = o.jsonl ? cli_summarize_jsonl(&o, args.pos, args.npos) : run_files(&o, args.pos, args.npos);
	precis_idf_free(o.idf);
	return rc;
}
