/* cli/jsonl: ordered, bounded, multi-threaded line streaming. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

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

/*
 * Read one line; lines over max are drained and returned as NULL with their
 * length, up to DRAIN_MAX past max; beyond, PRECIS_ETOOBIG.
 */
static int read_line(FILE *in, size_t max, char **line, size_t *len)
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
		*line = buf;
	}
	*len = n;
	return 0;
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

long cli_jsonl_run(FILE *in, FILE *out, int threads, size_t max_line, cli_jsonl_fn fn, void *ctx,
		   const cli_jsonl_state *state)
{
	batch b = { .fn = fn, .ctx = ctx, .state = state };
	b.recs = calloc(BATCH, sizeof *b.recs);
	if (!b.recs)
		return PRECIS_ENOMEM;
	long failed = 0;
	size_t line_no = 0;
	int rc = 0;
	bool eof = false;
	while (!eof && !rc) {
		b.n = 0;
		/*
		 * One thread answers each record as it arrives (a client may send a
		 * line and wait for its answer); several threads work on batches.
		 */
		size_t batch_size = threads > 1 ? BATCH : 1;
		while (b.n < batch_size) {
			record *r = &b.recs[b.n];
			memset(r, 0, sizeof *r);
			int st = read_line(in, max_line, &r->line, &r->len);
			if (st == 1) {
				eof = true;
				break;
			}
			if (st < 0) {
				rc = st;
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
	if (rc == PRECIS_ETOOBIG)
		fprintf(stderr, "precis: line %zu: no newline within %zu MiB past the line limit "
				"of %zu bytes; stopped reading\n", line_no + 1, DRAIN_MAX >> 20,
			max_line);
	if (!rc && line_no == 0)
		rc = PRECIS_EEMPTY; /* no records at all: an error, not zero answers */
	return rc ? rc : failed;
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
