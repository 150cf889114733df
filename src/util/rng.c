/* rng: see rng.h. */
#include "rng.h"

uint64_t px_rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

size_t px_rng_below(uint64_t *s, size_t n)
{
	return (size_t)(px_rng_next(s) % n);
}

double px_rng_unit(uint64_t *s)
{
	return (double)(px_rng_next(s) >> 11) / 9007199254740992.0;
}
