/* Shared helpers for the cmocka unit tests. */
#ifndef PRECIS_TESTUTIL_H
#define PRECIS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "precis.h"

/* Path of shared/ test data relative to the repository root (tests run from there). */
#define SHARED_DIR "../shared"

/* The analyzer of a test program, made by tu_setup and freed by tu_teardown. */
static precis_analyzer *A __attribute__((unused));

static inline int tu_setup(void **state)
{
	(void)state;
	return precis_analyzer_new(&A);
}

static inline int tu_teardown(void **state)
{
	(void)state;
	precis_analyzer_free(A);
	return 0;
}

/* Read a whole file into a NUL-terminated buffer; NULL when absent. */
static inline char *tu_read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (n + 4096 > cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		size_t r = fread(buf + n, 1, cap - n - 1, fp);
		if (r == 0)
			break;
		n += r;
	}
	fclose(fp);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

#endif
