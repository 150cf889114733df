/* pool: see pool.h. */
#include <pthread.h>
#include <stdint.h>

#include "pool.h"
#include "precis.h"

typedef struct {
	const px_pool_job *job;
	size_t n;
	pthread_mutex_t lock;
	size_t next, done;
	int error;         /* of the lowest failed item, else of a worker */
	size_t error_item; /* SIZE_MAX: no item failed */
	int stop;
} pool;

typedef struct {
	pool *p;
	unsigned worker;
} pool_arg;

static void fail(pool *p, int rc, size_t item)
{
	pthread_mutex_lock(&p->lock);
	if (item != SIZE_MAX)
		p->stop = 1;
	if (!p->error || item < p->error_item) {
		p->error = rc;
		p->error_item = item;
	}
	pthread_mutex_unlock(&p->lock);
}

static void *run_worker(void *arg)
{
	pool_arg *wa = arg;
	pool *p = wa->p;
	const px_pool_job *job = p->job;
	void *state = NULL;
	int rc = job->init ? job->init(&state, wa->worker, job->ctx) : 0;
	if (rc) {
		fail(p, rc, SIZE_MAX);
		goto done;
	}
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->stop ? p->n : p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			break;
		rc = job->item ? job->item(state, i, job->ctx) : 0;
		if (rc)
			fail(p, rc, i);
		pthread_mutex_lock(&p->lock);
		p->done++;
		if (job->progress)
			job->progress(p->done, p->n, job->ctx);
		pthread_mutex_unlock(&p->lock);
	}
done:
	if (job->fini)
		job->fini(state, job->ctx);
	return NULL;
}

int px_pool_run(size_t n, unsigned threads, const px_pool_job *job)
{
	if (!job)
		return PRECIS_EINVAL;
	size_t want = threads ? threads : 1;
	if (want > PX_POOL_MAX_THREADS)
		want = PX_POOL_MAX_THREADS;
	if (want > n)
		want = n ? n : 1;
	pool p = { job, n, PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, SIZE_MAX, 0 };
	pthread_t tid[PX_POOL_MAX_THREADS];
	pool_arg arg[PX_POOL_MAX_THREADS];
	size_t started = 1;
	for (size_t k = 0; k < want; k++)
		arg[k] = (pool_arg){ &p, (unsigned)k };
	for (; started < want; started++)
		if (pthread_create(&tid[started], NULL, run_worker, &arg[started]))
			break; /* fewer workers is still correct */
	run_worker(&arg[0]);
	for (size_t k = 1; k < started; k++)
		pthread_join(tid[k], NULL);
	pthread_mutex_destroy(&p.lock);
	return p.error;
}
