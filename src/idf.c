/* idf: corpus document frequencies, mergeable across shards. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "error.h"
#include "idf.h"
#include "strmap.h"
#include "vec.h"

#define IDF_MAGIC "precis-idf"
#define IDF_FORMAT 1

struct precis_idf {
	px_strmap *terms;
	uint64_t *df;
	size_t cap;
	uint64_t docs;
};

int precis_idf_new(precis_idf **out)
{
	precis_idf *idf = calloc(1, sizeof *idf);
	if (!idf)
		return PRECIS_ENOMEM;
	if (px_strmap_new(&idf->terms)) {
		free(idf);
		return PRECIS_ENOMEM;
	}
	*out = idf;
	return 0;
}

void precis_idf_free(precis_idf *idf)
{
	if (!idf)
		return;
	px_strmap_free(idf->terms);
	free(idf->df);
	free(idf);
}

static int bump(precis_idf *idf, const char *key, size_t len, uint64_t by)
{
	int64_t id;
	int added;
	int rc = px_strmap_intern(idf->terms, key, len, &id, &added);
	if (rc)
		return rc;
	if (px_vec_reserve0((void **)&idf->df, &idf->cap, (size_t)id + 1, sizeof *idf->df) != 0)
		return PRECIS_ENOMEM;
	idf->df[id] += by;
	return 0;
}

int precis_idf_add(precis_idf *idf, const precis_doc *doc)
{
	size_t nterms = px_strmap_count(doc->vocab);
	unsigned char *seen = calloc(nterms ? nterms : 1, 1);
	if (!seen)
		return PRECIS_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < doc->nsents && !rc; i++) {
		const px_terms *t = &doc->terms[i];
		for (size_t k = 0; k < t->n && !rc; k++) {
			if (seen[t->id[k]])
				continue;
			seen[t->id[k]] = 1;
			size_t len;
			const char *key = px_strmap_key(doc->vocab, t->id[k], &len);
			rc = bump(idf, key, len, 1);
		}
	}
	free(seen);
	if (!rc)
		idf->docs++;
	return rc;
}

int precis_idf_merge(precis_idf *into, const precis_idf *from)
{
	for (size_t id = 0; id < px_strmap_count(from->terms); id++) {
		size_t len;
		const char *key = px_strmap_key(from->terms, (int64_t)id, &len);
		int rc = bump(into, key, len, from->df[id]);
		if (rc)
			return rc;
	}
	into->docs += from->docs;
	return 0;
}

size_t precis_idf_documents(const precis_idf *idf)
{
	return (size_t)idf->docs;
}

uint64_t px_idf_df(const precis_idf *idf, const char *stem, size_t len)
{
	int64_t id = px_strmap_get(idf->terms, stem, len);
	return id < 0 ? 0 : idf->df[id];
}


static int cmp_key(const void *a, const void *b, const px_strmap *m)
{
	size_t la, lb;
	const char *ka = px_strmap_key(m, *(const int64_t *)a, &la);
	const char *kb = px_strmap_key(m, *(const int64_t *)b, &lb);
	int c = memcmp(ka, kb, la < lb ? la : lb);
	return c ? c : (la > lb) - (la < lb);
}

/* Merge sort: qsort has no context argument in C11, and no global state is allowed. */
static void merge_sort(int64_t *v, int64_t *tmp, size_t n, const px_strmap *m)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(v, tmp, h, m);
	merge_sort(v + h, tmp, n - h, m);
	size_t i = 0, j = h, o = 0;
	while (i < h && j < n)
		tmp[o++] = cmp_key(&v[j], &v[i], m) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[o++] = v[i++];
	while (j < n)
		tmp[o++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

int precis_idf_write(const precis_idf *idf, FILE *fp)
{
	size_t n = px_strmap_count(idf->terms);
	int64_t *order = malloc((n ? n : 1) * sizeof *order);
	int64_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
	if (!order || !tmp) {
		free(order);
		free(tmp);
		return PRECIS_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = (int64_t)i;
	merge_sort(order, tmp, n, idf->terms);
	free(tmp);
	fprintf(fp, "%s\t%d\t%" PRIu64 "\n", IDF_MAGIC, IDF_FORMAT, idf->docs);
	for (size_t i = 0; i < n; i++)
		fprintf(fp, "%s\t%" PRIu64 "\n", px_strmap_key(idf->terms, order[i], NULL),
			idf->df[order[i]]);
	free(order);
	return ferror(fp) ? PRECIS_EIO : 0;
}

static int parse_u64(const char *s, const char *end, uint64_t *out)
{
	if (s == end)
		return -1;
	uint64_t v = 0;
	for (const char *p = s; p < end; p++) {
		if (*p < '0' || *p > '9' || v > (UINT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	*out = v;
	return 0;
}

/*
 * Longest line of a table: a term and its count. No stem comes near it; a
 * longer line is not a table, and an input without newlines (a device, a
 * binary file) stops here instead of being read into memory for ever.
 */
#define IDF_LINE_MAX ((size_t)1 << 20)

/* One line without its newline, NUL-terminated: its length, -1 at the end,
 * -2 when over IDF_LINE_MAX, -3 out of memory. */
static ssize_t read_line(char **line, size_t *cap, FILE *fp)
{
	size_t n = 0;
	int c;
	while ((c = getc(fp)) != EOF && c != '\n') {
		if (n >= IDF_LINE_MAX)
			return -2;
		if (px_vec_reserve((void **)line, cap, n + 2, 1))
			return -3;
		(*line)[n++] = (char)c;
	}
	if (c == EOF && n == 0)
		return -1;
	if (px_vec_reserve((void **)line, cap, n + 1, 1))
		return -3;
	(*line)[n] = '\0';
	return (ssize_t)n;
}

int precis_idf_read(precis_idf **out, FILE *fp, precis_error *err)
{
	precis_idf *idf;
	int rc = precis_idf_new(&idf);
	if (rc)
		return px_error_set(err, rc, 0, "out of memory");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	while ((n = read_line(&line, &cap, fp)) >= 0 || n < -1) {
		lineno++;
		if (n < -1) {
			rc = n == -3 ? px_error_set(err, PRECIS_ENOMEM, 0, "out of memory")
				     : px_error_set(err, PRECIS_EFORMAT, 0, "line %zu: longer than "
						    "%zu bytes: not a precis IDF table", lineno,
						    IDF_LINE_MAX);
			break;
		}
		char *tab = memchr(line, '\t', (size_t)n);
		if (lineno == 1) {
			char *tab2 = tab ? memchr(tab + 1, '\t', (size_t)(line + n - tab - 1)) : NULL;
			uint64_t fmt;
			if (!tab || !tab2 || (size_t)(tab - line) != strlen(IDF_MAGIC) ||
			    memcmp(line, IDF_MAGIC, strlen(IDF_MAGIC)) != 0 ||
			    parse_u64(tab + 1, tab2, &fmt) || fmt != IDF_FORMAT ||
			    parse_u64(tab2 + 1, line + n, &idf->docs)) {
				rc = px_error_set(err, PRECIS_EFORMAT, 0,
						  "line 1: not a precis IDF table (expected '%s\\t%d\\tDOCS')",
						  IDF_MAGIC, IDF_FORMAT);
				break;
			}
			continue;
		}
		uint64_t df;
		if (!tab || tab == line || parse_u64(tab + 1, line + n, &df)) {
			rc = px_error_set(err, PRECIS_EFORMAT, 0,
					  "line %zu: expected 'TERM<TAB>COUNT'", lineno);
			break;
		}
		if ((rc = bump(idf, line, (size_t)(tab - line), df))) {
			px_error_set(err, rc, 0, "line %zu: %s", lineno, precis_strerror(rc));
			break;
		}
	}
	free(line);
	if (!rc && lineno == 0)
		rc = px_error_set(err, PRECIS_EFORMAT, 0, "empty file: not a precis IDF table");
	if (!rc && ferror(fp))
		rc = px_error_set(err, PRECIS_EIO, 0, "read error: %s", strerror(errno));
	if (rc) {
		precis_idf_free(idf);
		return rc;
	}
	if (err)
		err->line = lineno;
	*out = idf;
	return 0;
}
