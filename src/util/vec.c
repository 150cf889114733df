/* vec: see vec.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "vec.h"

int px_vec_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap : 16;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return PRECIS_ENOMEM;
		n *= 2;
	}
	if (elem && n > SIZE_MAX / elem)
		return PRECIS_ENOMEM;
	void *q = realloc(*p, n * elem);
	if (!q)
		return PRECIS_ENOMEM;
	*p = q;
	*cap = n;
	return 0;
}

int px_vec_reserve0(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t old = *cap;
	int rc = px_vec_reserve(p, cap, need, elem);
	if (rc == 0 && *cap > old)
		memset((char *)*p + old * elem, 0, (*cap - old) * elem);
	return rc;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

size_t px_u32_sort_unique(uint32_t *v, size_t n)
{
	if (n < 2)
		return n;
	qsort(v, n, sizeof *v, cmp_u32);
	size_t m = 1;
	for (size_t i = 1; i < n; i++)
		if (v[m - 1] != v[i])
			v[m++] = v[i];
	return m;
}
