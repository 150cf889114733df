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
	bool jsonl;
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

/* ------------------------------------------------------------ --window */

/*
 * --window DAYS: records are read in time order and only the open stories
 * are kept. Grouping runs over the open articles each time the stream's
 * date has moved DAYS on since the last run; a story whose last article
 * is more than DAYS older than the stream is finished: written as one
 * JSON line and freed. Running every DAYS days (not every record) keeps
 * the work linear: each article is grouped in at most about two runs.
 */
typedef struct {
	long days;
	long now;       /* latest date of the stream */
	long last_run;  /* `now` at the last grouping */
	bool dated;     /* a dated record has been seen */
	long prev;      /* place of the record before */
	long next_story;
	FILE *out;
	const precis_compare_options *o;
	precis_analyzer *an;
	int failed;
} window;

#define NO_DAY LONG_MIN

/* "YYYY-MM-DD..." to days since 1970-01-01 (proleptic Gregorian). */
static bool parse_day(long *out, const char *s)
{
	int y, m, d, n = 0;
	if (!s || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || m < 1 || m > 12 ||
	    d < 1 || d > 31)
		return false;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return true;
}

/* The new article's place in time: its date, else the record before's. */
static void place(window *w, inputs *in)
{
	long day;
	if (!parse_day(&day, in->v[in->n - 1].date)) {
		in->day[in->n - 1] = w->dated ? w->prev : NO_DAY;
		return;
	}
	if (!w->dated) /* undated records at the start: at the first date */
		for (size_t i = 0; i < in->n; i++)
			in->day[i] = day;
	in->day[in->n - 1] = day;
	if (!w->dated || day > w->now)
		w->now = day;
	if (!w->dated)
		w->last_run = day;
	w->dated = true;
	w->prev = day;
}

/* Copies article i of from into to, with its place. */
static int keep(inputs *to, const inputs *from, size_t i)
{
	const precis_article_input *s = &from->v[i];
	precis_article_input *a = cli_in_add(to);
	if (!a)
		return PRECIS_ENOMEM;
	a->id = cli_in_own_str(to, s->id);
	a->text = cli_in_own(to, s->text ? strndup(s->text, s->len) : NULL);
	a->len = s->len;
	a->title = cli_in_own_str(to, s->title);
	a->outlet = cli_in_own_str(to, s->outlet);
	a->date = cli_in_own_str(to, s->date);
	a->url = cli_in_own_str(to, s->url);
	to->day[to->n - 1] = from->day[i];
	if (!a->id || (s->text && !a->text) || (s->title && !a->title) ||
	    (s->outlet && !a->outlet) || (s->date && !a->date) || (s->url && !a->url))
		return PRECIS_ENOMEM;
	return 0;
}

/* Story k of the report as one line: the story, its articles' records, its reuse. */
static int write_story(window *w, json_t *rep, json_t *story, size_t k)
{
	long id = w->next_story++;
	json_t *recs = json_array(), *reuse = json_array(), *arts = json_object_get(rep, "articles");
	size_t i;
	json_t *v;
	json_array_foreach(arts, i, v) {
		if ((size_t)json_integer_value(json_object_get(v, "story")) != k)
			continue;
		json_t *r = json_deep_copy(v); /* v's story index is still read by flush */
		if (!r || json_object_set_new(r, "story", json_integer(id)) ||
		    json_array_append_new(recs, r)) {
			json_decref(recs);
			json_decref(reuse);
			return PRECIS_ENOMEM;
		}
	}
	json_t *mine = json_object_get(story, "articles");
	json_array_foreach(json_object_get(rep, "reuse"), i, v) {
		const char *a = json_string_value(json_object_get(v, "a"));
		size_t j;
		json_t *m;
		json_array_foreach(mine, j, m)
			if (a && strcmp(a, json_string_value(m)) == 0) {
				json_array_append(reuse, v);
				break;
			}
	}
	json_object_set_new(story, "id", json_integer(id));
	json_object_set_new(story, "records", recs);
	json_object_set_new(story, "reuse", reuse);
	char *line = json_dumps(story, JSON_COMPACT);
	if (!line)
		return PRECIS_ENOMEM;
	int rc = fprintf(w->out, "%s\n", line) >= 0 ? 0 : PRECIS_EIO;
	free(line);
	return rc;
}

/*
 * Groups the open articles; writes and drops the finished stories (all of
 * them when final). The articles of the open stories move to a fresh
 * inputs, so memory follows the open set, not the stream.
 */
static int flush(window *w, inputs *in, bool final)
{
	precis_comparison *cmp = NULL;
	precis_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	json_t *rep = NULL;
	inputs kept = { 0 };
	w->last_run = w->now;
	int rc = in->n ? precis_compare_new(&cmp, w->an, in->v, in->n, w->o, &err) : 0;
	if (rc) {
		cli_error("compare: %s", err.message[0] ? err.message : precis_strerror(rc));
		goto done;
	}
	if (!in->n)
		goto done;
	FILE *mem = open_memstream(&buf, &len);
	rc = !mem ? PRECIS_ENOMEM : precis_report_json(cmp, mem);
	if (mem)
		fclose(mem);
	json_error_t je;
	if (!rc && !(rep = json_loadb(buf, len, 0, &je)))
		rc = PRECIS_ENOMEM;
	json_t *arts = json_object_get(rep, "articles"), *stories = json_object_get(rep, "stories");
	if (!rc && json_array_size(arts) != in->n)
		rc = PRECIS_EINVAL; /* the report lists the articles in input order */
	size_t k, i;
	json_t *st, *v;
	json_array_foreach(stories, k, st) {
		if (rc)
			break;
		long last = NO_DAY;
		json_array_foreach(arts, i, v)
			if ((size_t)json_integer_value(json_object_get(v, "story")) == k && in->day[i] > last)
				last = in->day[i];
		bool done = final || last == NO_DAY || last + w->days < w->now;
		json_array_foreach(arts, i, v) {
			if ((size_t)json_integer_value(json_object_get(v, "story")) != k)
				continue;
			if (!done) {
				rc = keep(&kept, in, i);
				continue;
			}
			const char *id;
			bool unusable;
			const char *problem = precis_comparison_problem(cmp, i, &id, &unusable);
			if (problem)
				cli_error("compare: %s: %s (kept as an article)", id, problem);
			w->failed += unusable;
		}
		if (!rc && done)
			rc = write_story(w, rep, st, k);
	}
	if (!rc) {
		cli_in_free(in);
		*in = kept;
		memset(&kept, 0, sizeof kept);
	}
done:
	cli_in_free(&kept);
	json_decref(rep);
	free(buf);
	precis_comparison_free(cmp);
	return rc;
}

/* A record that cannot be read: one line of its own, {"id", "error"}. */
static int write_unread(window *w, inputs *in)
{
	for (size_t i = 0; i < in->nbad; i++) {
		json_t *e = json_pack("{s:s, s:s}", "id", in->bad[i].id, "error", in->bad[i].reason);
		char *line = e ? json_dumps(e, JSON_COMPACT) : NULL;
		json_decref(e);
		if (!line)
			return PRECIS_ENOMEM;
		fprintf(w->out, "%s\n", line);
		free(line);
	}
	in->nbad = 0;
	return 0;
}

static int compare_window(const char *path, const char *output, long days,
			  const precis_compare_options *o)
{
	window w = { days, 0, 0, false, 0, 0, stdout, o, NULL, 0 };
	inputs in = { 0 };
	FILE *fp = cli_open_input(path);
	if (!fp)
		return EXIT_SOME_FAILED;
	if (output && !(w.out = fopen(output, "w"))) {
		cli_error("%s: cannot write the report", output);
		fclose(fp);
		return EXIT_SOME_FAILED;
	}
	int rc = precis_analyzer_new(&w.an);
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	while (!rc && (len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if (len <= 1)
			continue;
		size_t before = in.n;
		int r = cli_in_read_jsonl_record(&in, line, (size_t)len, path, lineno);
		if (r < 0)
			rc = PRECIS_ENOMEM;
		w.failed += r != 0;
		if (!rc)
			rc = write_unread(&w, &in);
		if (!rc && in.n > before)
			place(&w, &in);
		if (!rc && w.dated && w.now - w.last_run >= w.days)
			rc = flush(&w, &in, false);
	}
	if (!rc)
		rc = flush(&w, &in, true);
	if (rc == PRECIS_EIO)
		cli_error("%s: cannot write the report", output ? output : "(stdout)");
	else if (rc == PRECIS_ENOMEM)
		cli_error("compare: out of memory");
	free(line);
	cli_in_free(&in);
	precis_analyzer_free(w.an);
	if (cli_close_input(fp, path))
		w.failed++;
	if (w.out != stdout && fclose(w.out) != 0 && !rc) {
		cli_error("%s: cannot write the report", output);
		rc = 1;
	}
	return rc || w.failed ? EXIT_SOME_FAILED : EXIT_OK;
}

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

int cmd_compare(int argc, char **argv)
{
	struct opts op = { PRECIS_COMPARE_OPTIONS_INIT, NULL, FMT_MD, false, 0,
			   PRECIS_DEFAULT_MAX_BYTES, CLI_INPUT_AUTO, NULL, NULL, 0 };
	cli_args args;
	int rc = cli_opt_parse(&args, &op, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (op.warc && (op.jsonl || args.npos)) {
		cli_error("compare: --warc FILE takes no other input");
		return EXIT_USAGE;
	}
	if (args.npos == 0 && !op.jsonl && !op.warc) {
		cli_error("compare: no input (see 'precis compare --help')");
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
		return compare_window(args.npos ? args.pos[0] : "-", op.output, (long)op.window, &o);
	}
	inputs in = { 0 };
	int failed = op.warc    ? cli_in_read_warc(&in, op.warc)
		     : op.jsonl ? cli_in_read_jsonl(&in, args.npos ? args.pos[0] : "-")
				: cli_in_read_files(&in, args.pos, args.npos, op.input, op.max_bytes);
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
	for (size_t i = 0; cmp && i < precis_comparison_article_count(cmp); i++) {
		const char *id;
		bool unusable;
		const char *problem = precis_comparison_problem(cmp, i, &id, &unusable);
		if (problem)
			cli_error("compare: %s: %s (kept as an article)", id, problem);
		failed += unusable; /* bad input: the report is written, the exit says so */
	}
	if (rc) {
		cli_error("compare: %s", err.message[0] ? err.message : precis_strerror(rc));
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		rc = !mem ? PRECIS_ENOMEM
		     : op.format == FMT_HTML ? precis_report_html(cmp, mem)
		     : op.format == FMT_JSON ? precis_report_json(cmp, mem)
				   : precis_report_md(cmp, mem);
		if (mem)
			fclose(mem);
		/* -o FILE is not replaced when an input could not be read (README: -o). */
		if (!rc && in.unread && op.output && strcmp(op.output, "-") != 0) {
			cli_error("%s: not written (the old file is kept): %d input(s) not read",
				  op.output, in.unread);
			rc = EXIT_SOME_FAILED;
		} else if (!rc) {
			rc = cli_write_atomic(op.output, buf, len);
		}
		free(buf);
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
