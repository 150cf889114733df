/* cli/jsonl: ordered, bounded, multi-threaded line streaming. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"
#include "pool.h"
#include "vec.h"

/* Lines handled per round; bounds memory to BATCH lines in flight. */
#define BATCH 256

typedef struct {
	char *line; /* NULL for an overlong line */
	size_t len;
	size_t line_no;
	char *out;
	int failed;
} record;

typedef struct {
	precis_analyzer *a;
	void *st;
} slot;

typedef struct {
	record *recs;
	size_t n;
	cli_jsonl_fn fn;
	void *ctx;
	const cli_jsonl_state *state;
	slot slots[PX_POOL_MAX_THREADS];
} batch;

size_t cli_jsonl_line_limit(size_t max_bytes)
{
	/* A JSON string spends at most 6 bytes (\u0001) on one byte of text. */
	if (!max_bytes || max_bytes > (SIZE_MAX - 4096) / 6)
		return SIZE_MAX / 2;
	return max_bytes * 6 + 4096;
}

/*
 * How far past the line limit an overlong line is drained to find the next
 * record: far enough that one oversized record (the 50 MB line of
 * tests/bad) does not lose the records after it, bounded so that an input
 * without newlines (/dev/zero, a binary dump) stops instead of running on.
 */
#define DRAIN_MAX ((size_t)256 << 20)

int cli_read_line(FILE *in, size_t max, bool lossy, char **line, size_t *len)
{
	size_t cap = 256, n = 0;
	char *buf = malloc(cap);
	bool over = false;
	if (!buf)
		return PRECIS_ENOMEM;
	int c;
	while ((c = getc(in)) != EOF && c != '\n') {
		if (over || n >= max) {
			over = true;
			if (++n - max > DRAIN_MAX) {
				free(buf);
				return PRECIS_ETOOBIG;
			}
			continue;
		}
		if (px_vec_reserve((void **)&buf, &cap, n + 2, 1)) {
			free(buf);
			return PRECIS_ENOMEM;
		}
		buf[n++] = (char)c;
	}
	if (c == EOF && n == 0 && !over) {
		free(buf);
		return ferror(in) ? PRECIS_EIO : 1;
	}
	if (over) {
		free(buf);
		*line = NULL;
	} else {
		if (n > 0 && buf[n - 1] == '\r')
			n--;
		buf[n] = '\0';
		if (lossy && cli_utf8_lossy(&buf, &n)) {
			free(buf);
			return PRECIS_ENOMEM;
		}
		*line = buf;
	}
	*len = n;
	return 0;
}

void cli_line_stopped(const char *name, size_t line_no, size_t max_line)
{
	cli_error("%s:%zu: no newline within %zu MiB past the line limit of %zu bytes; "
		  "stopped reading (--max-bytes raises the limit)", name, line_no, DRAIN_MAX >> 20,
		  max_line);
}

/*
 * A worker slot's analyzer and command state, made on first use and kept
 * across batches (their caches of stems and stop lists serve the whole
 * stream); the pool's worker k always gets slot k.
 */
static int slot_init(void **state, unsigned k, void *ctx)
{
	batch *b = ctx;
	slot *s = &b->slots[k];
	*state = s;
	if (!s->a && precis_analyzer_new(&s->a) != 0)
		return PRECIS_ENOMEM;
	if (!s->st && b->state && b->state->init && !(s->st = b->state->init(b->ctx)))
		return PRECIS_ENOMEM;
	return 0;
}

static int slot_item(void *state, size_t i, void *ctx)
{
	batch *b = ctx;
	slot *s = state;
	record *r = &b->recs[i];
	r->failed = b->fn(&r->out, s->a, s->st, r->line_no, r->line, r->len, b->ctx);
	return 0;
}

/* The records of a batch on the library's worker pool (util/pool.h). */
static int run_batch(batch *b, int threads)
{
	px_pool_job job = { slot_init, slot_item, NULL, NULL, b };
	return px_pool_run(b->n, threads > 0 ? (unsigned)threads : 1, &job);
}

long cli_jsonl_run(FILE *in, FILE *out, const char *name, const cli_jsonl_job *job)
{
	batch b = { .fn = job->fn, .ctx = job->ctx, .state = job->state };
	const cli_jsonl_state *state = job->state;
	int threads = job->threads;
	/* --max-bytes counts the decoded text: the raw line may be longer. */
	size_t max_line = cli_jsonl_line_limit(job->max_bytes);
	b.recs = calloc(BATCH, sizeof *b.recs);
	if (!b.recs)
		return PRECIS_ENOMEM;
	long failed = 0;
	size_t line_no = 0;
	int rc = 0, stop = 0; /* stop: a read failure, after the records before it */
	bool eof = false;
	while (!eof && !rc && !stop) {
		b.n = 0;
		/*
		 * One thread answers each record as it arrives (a client may send a
		 * line and wait for its answer); several threads work on batches.
		 */
		size_t batch_size = threads > 1 ? BATCH : 1;
		while (b.n < batch_size) {
			record *r = &b.recs[b.n];
			memset(r, 0, sizeof *r);
			int st = cli_read_line(in, max_line, job->lossy, &r->line, &r->len);
			if (st == 1) {
				eof = true;
				break;
			}
			if (st < 0) {
				stop = st;
				break;
			}
			r->line_no = ++line_no;
			b.n++;
		}
		if (!rc && b.n)
			rc = run_batch(&b, threads);
		for (size_t i = 0; i < b.n; i++) {
			record *r = &b.recs[i];
			if (!rc && r->out) {
				fputs(r->out, out);
				fputc('\n', out);
			}
			failed += r->failed;
			free(r->line);
			free(r->out);
		}
		if (!rc && fflush(out) != 0)
			rc = PRECIS_EIO; /* stdout closed early: stop reading */
	}
	for (int t = 0; t < PX_POOL_MAX_THREADS; t++) {
		precis_analyzer_free(b.slots[t].a);
		if (b.slots[t].st && state && state->fini)
			state->fini(b.slots[t].st);
	}
	free(b.recs);
	if (!rc)
		rc = stop;
	if (rc == PRECIS_ETOOBIG)
		cli_line_stopped(name, line_no + 1, max_line);
	if (!rc && line_no == 0)
		rc = PRECIS_EEMPTY; /* no records at all: an error, not zero answers */
	return rc ? rc : failed;
}

int cli_jsonl_main(const cli_jsonl_job *job, char **args, int nargs)
{
	if (nargs > 1) {
		cli_error("%s: --jsonl reads one input (a file or -), not %d", job->cmd, nargs);
		return EXIT_USAGE;
	}
	const char *path = nargs == 1 ? args[0] : "-";
	const char *name = strcmp(path, "-") != 0 ? path : "standard input";
	FILE *in = cli_open_input(path);
	if (!in)
		return EXIT_SOME_FAILED;
	long failed = cli_jsonl_run(in, stdout, name, job);
	if (cli_close_input(in, path))
		return EXIT_SOME_FAILED;
	if (failed == PRECIS_EEMPTY)
		cli_error("%s: no records", name);
	else if (failed < 0 && failed != PRECIS_EIO && failed != PRECIS_ETOOBIG)
		cli_error("%s: %s", job->cmd, precis_strerror((int)failed));
	else if (failed > 0)
		cli_error("%s: %ld record(s) failed", job->cmd, failed);
	/* PRECIS_EIO: a closed stdout, named once at exit (cli_close_stdout). */
	return failed ? EXIT_SOME_FAILED : EXIT_OK;
}

char *cli_jsonl_error(const void *id_json, size_t line_no, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	json_t *o = json_object();
	if (!o)
		return NULL;
	if (id_json)
		json_object_set(o, "id", (json_t *)id_json);
	else
		json_object_set_new(o, "line", json_integer((json_int_t)line_no));
	json_object_set_new(o, "error", json_string(msg));
	char *s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	return s;
}

int cli_jsonl_id(cli_record_id *out, json_t *rec, const char *key, size_t line_no)
{
	json_t *id = json_object_get(rec, key);
	out->json = NULL;
	if (json_is_string(id)) {
		out->json = id;
		out->text = json_string_value(id);
		return 0;
	}
	if (json_is_integer(id)) {
		out->json = id;
		snprintf(out->buf, sizeof out->buf, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		out->text = out->buf;
		return 0;
	}
	snprintf(out->buf, sizeof out->buf, "line-%zu", line_no);
	out->text = out->buf;
	return id && !json_is_null(id) ? PRECIS_EJSON : 0;
}
