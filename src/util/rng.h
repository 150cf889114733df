/*
 * rng: splitmix64 (Steele, Lea & Flood 2014), the library's one random
 * number generator: seeded, tiny, and the same on every platform, so that
 * bootstrap intervals and the random baseline reproduce byte for byte.
 * The state is the caller's: no global state, thread-safe.
 */
#ifndef PX_RNG_H
#define PX_RNG_H

#include <stddef.h>
#include <stdint.h>

uint64_t px_rng_next(uint64_t *state);

/* Uniform in [0, n) (n > 0; modulo bias is below 2^-40 for n < 2^24). */
size_t px_rng_below(uint64_t *state, size_t n);

/* Uniform in [0, 1) with 53 random bits. */
double px_rng_unit(uint64_t *state);

#endif
