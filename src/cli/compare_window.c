/*
 * cli/compare_window: `precis compare --jsonl --window DAYS`, the
 * time-ordered streaming mode (see the comment below and precis(1)).
 */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "compare_input.h"
#include "jsonl.h"

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
			w->failed += cli_compare_article_notes(cmp, i);
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

int cli_compare_window(const char *path, const char *output, long days,
			  const precis_compare_options *o, size_t max_bytes, bool lossy)
{
	window w = { days, 0, 0, false, 0, 0, stdout, o, NULL, 0 };
	inputs in = { 0 };
	in.max_bytes = max_bytes;
	in.lossy = lossy;
	cli_output out;
	FILE *fp = cli_open_input(path);
	if (!fp)
		return EXIT_SOME_FAILED;
	if (cli_output_open(&out, output)) {
		fclose(fp);
		return EXIT_SOME_FAILED;
	}
	w.out = out.fp;
	int rc = precis_analyzer_new(&w.an), st = 0;
	char *line;
	size_t len, lineno = 0;
	while (!rc) {
		size_t before = in.n, listed = in.nbad;
		st = cli_in_next_line(&in, fp, path, &line, &len, &lineno);
		w.failed += (int)(in.nbad - listed); /* overlong lines */
		if (st == 0) {
			int r = cli_in_read_jsonl_record(&in, line, len, path, lineno);
			free(line);
			if (r < 0)
				rc = PRECIS_ENOMEM;
			w.failed += r != 0;
		}
		if (!rc)
			rc = write_unread(&w, &in);
		if (st)
			break;
		if (!rc && in.n > before)
			place(&w, &in);
		if (!rc && w.dated && w.now - w.last_run >= w.days)
			rc = flush(&w, &in, false);
	}
	if (!rc)
		rc = flush(&w, &in, true);
	if (rc == PRECIS_EIO)
		cli_error("%s: cannot write the report", out.name);
	else if (rc == PRECIS_ENOMEM || st == PRECIS_ENOMEM)
		cli_error("compare: out of memory");
	cli_in_free(&in);
	precis_analyzer_free(w.an);
	bool unread = cli_close_input(fp, path) != 0 || st < 0;
	if (!rc && !unread && lineno == 0) {
		cli_error("%s: no records", strcmp(path, "-") != 0 ? path : "standard input");
		unread = true;
	}
	if (!rc && unread && out.fp != stdout) {
		/* README: -o: a report missing part of its input does not replace the file. */
		cli_error("%s: not written (the old file is kept): the input was not read to its "
			  "end", out.name);
		rc = 1;
	}
	if (rc || (unread && out.fp != stdout))
		cli_output_abort(&out);
	else if (cli_output_commit(&out))
		rc = 1;
	return rc || unread || w.failed ? EXIT_SOME_FAILED : EXIT_OK;
}
