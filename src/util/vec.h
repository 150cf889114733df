/*
 * vec: growth of caller-owned arrays, the one home of the "double the
 * capacity" loop (libgit2's git_array, jansson's strbuffer). A function, not
 * a macro, so that no control flow hides in it:
 *
 *	if (px_vec_reserve((void **)&v, &cap, n + 1, sizeof *v) != 0)
 *		goto done;
 *	v[n++] = x;
 */
#ifndef PX_VEC_H
#define PX_VEC_H

#include <stddef.h>
#include <stdint.h>

/*
 * Makes room for at least need elements of elem bytes in *p (capacity *cap,
 * in elements), doubling from 16; new space is not zeroed. Returns 0, or
 * PRECIS_ENOMEM (with *p and *cap unchanged) on overflow or failure.
 */
int px_vec_reserve(void **p, size_t *cap, size_t need, size_t elem);

/* As px_vec_reserve, and zeroes the elements it adds. */
int px_vec_reserve0(void **p, size_t *cap, size_t need, size_t elem);

/*
 * Sorts v[0..n) ascending and drops repeats in place; returns how many
 * remain. Sorted unique id lists make overlaps a linear merge.
 */
size_t px_u32_sort_unique(uint32_t *v, size_t n);

#endif
