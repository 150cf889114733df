/*
 * pool: the one worker pool of the library and the CLI. N items, T
 * threads, results in input order: workers claim item indices in turn and
 * each item writes its result into its own slot, so the output depends on
 * the items alone, never on the number of threads or their timing.
 *
 * Each worker has its own state (an analyzer, a ROUGE scorer: objects one
 * thread at a time may use), made by init on that worker's thread and
 * released by fini. The calling thread is worker 0, so one thread starts
 * no thread at all.
 *
 *	px_pool_job job = { my_init, my_item, my_fini, NULL, &ctx };
 *	rc = px_pool_run(n, threads, &job);
 */
#ifndef PX_POOL_H
#define PX_POOL_H

#include <stddef.h>

/* Threads a run may use at most (more are not useful for what precis does). */
#define PX_POOL_MAX_THREADS 64

typedef struct px_pool_job {
	/*
	 * Make worker's state in *state (may be NULL: no state). A non-zero
	 * return is the run's error; that worker then takes no item, and fini
	 * still receives whatever init left in *state (so a half-made state is
	 * released in one place).
	 */
	int (*init)(void **state, unsigned worker, void *ctx);
	/*
	 * Work on item i with this worker's state. A non-zero return is the
	 * run's error and stops the claiming of further items (items already
	 * claimed finish). NULL fields of the job are skipped.
	 */
	int (*item)(void *state, size_t i, void *ctx);
	void (*fini)(void *state, void *ctx);
	/*
	 * After each item, with the pool's lock held (so calls never overlap):
	 * done counts finished items, 1 to n. For progress reports.
	 */
	void (*progress)(size_t done, size_t n, void *ctx);
	void *ctx;
} px_pool_job;

/*
 * Run job->item on items 0..n-1 with up to `threads` workers (at least 1,
 * at most PX_POOL_MAX_THREADS and n; a thread that cannot be started only
 * means fewer workers). Returns 0, or the error of the lowest item (or
 * worker, when no item failed) that failed.
 */
int px_pool_run(size_t n, unsigned threads, const px_pool_job *job);

#endif
