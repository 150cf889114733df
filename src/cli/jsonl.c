/* cli/jsonl: ordered, bounded, multi-threaded line streaming. */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl.h"

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
	record *recs;
	size_t n;
	size_t next; /* next record to claim */
	pthread_mutex_t lock;
	cli_jsonl_fn fn;
	void *ctx;
	const cli_jsonl_state *state;
	int error; /* first worker failure (no analyzer) */
	/*
	 * One analyzer and state per worker slot, kept across batches: their
	 * caches (stems, stop lists) serve the whole stream.
	 */
	precis_analyzer *a[64];
	void *st[64];
} batch;

typedef struct {
	batch *b;
	int slot;
} worker_arg;

/* Read one line; lines over max are drained and returned as NULL with their length. */
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
			n++;
			continue;
		}
		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				return PRECIS_ENOMEM;
			}
			buf = nb;
			cap *= 2;
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

static void *worker(void *arg)
{
	worker_arg *wa = arg;
	batch *b = wa->b;
	int k = wa->slot;
	if ((!b->a[k] && precis_analyzer_new(&b->a[k]) != 0) ||
	    (!b->st[k] && b->state && b->state->init && !(b->st[k] = b->state->init(b->ctx)))) {
		pthread_mutex_lock(&b->lock);
		b->error = PRECIS_ENOMEM;
		pthread_mutex_unlock(&b->lock);
		return NULL;
	}
	precis_analyzer *a = b->a[k];
	void *st = b->st[k];
	for (;;) {
		pthread_mutex_lock(&b->lock);
		size_t i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n)
			break;
		record *r = &b->recs[i];
		r->failed = b->fn(&r->out, a, st, r->line_no, r->line, r->len, b->ctx);
	}
	return NULL;
}

static int run_batch(batch *b, int threads)
{
	b->next = 0;
	worker_arg args[64];
	for (int t = 0; t < 64; t++)
		args[t] = (worker_arg){ b, t };
	if (threads <= 1 || b->n < 2) {
		worker(&args[0]);
		return b->error;
	}
	pthread_t tid[64];
	int started = 0;
	for (int t = 0; t < threads && t < 64; t++) {
		if (pthread_create(&tid[t], NULL, worker, &args[t]) != 0)
			break;
		started++;
	}
	if (started == 0)
		worker(&args[0]);
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	return b->error;
}

long cli_jsonl_run(FILE *in, FILE *out, int threads, size_t max_line, cli_jsonl_fn fn, void *ctx,
		   const cli_jsonl_state *state)
{
	batch b = { .fn = fn, .ctx = ctx, .state = state };
	b.recs = calloc(BATCH, sizeof *b.recs);
	if (!b.recs)
		return PRECIS_ENOMEM;
	pthread_mutex_init(&b.lock, NULL);
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
	pthread_mutex_destroy(&b.lock);
	for (int t = 0; t < 64; t++) {
		precis_analyzer_free(b.a[t]);
		if (b.st[t] && state && state->fini)
			state->fini(b.st[t]);
	}
	free(b.recs);
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
