/* cli/io: reading inputs and writing outputs for the subcommands. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("precis: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_report(const char *name, int code, const precis_error *err)
{
	const char *msg = err && err->message[0] ? err->message : precis_strerror(code);
	if (err && err->line)
		fprintf(stderr, "precis: %s:%zu:%zu: %s\n", name, err->line, err->column, msg);
	else
		fprintf(stderr, "precis: %s: %s\n", name, msg);
}

static int set_err(precis_error *err, int code, const char *fmt, const char *a)
{
	if (err) {
		memset(err, 0, sizeof *err);
		err->code = code;
		snprintf(err->message, sizeof err->message, fmt, a);
	}
	return code;
}

int cli_read_file(char **out, size_t *len, const char *path, size_t max_bytes,
		  precis_error *err)
{
	FILE *fp = stdin;
	if (strcmp(path, "-") != 0) {
		struct stat st;
		if (stat(path, &st) != 0)
			return set_err(err, PRECIS_EIO, "%s", strerror(errno));
		if (S_ISDIR(st.st_mode))
			return set_err(err, PRECIS_EIO, "%s", "is a directory");
		fp = fopen(path, "rb");
		if (!fp)
			return set_err(err, PRECIS_EIO, "%s", strerror(errno));
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		if (fp != stdin)
			fclose(fp);
		return set_err(err, PRECIS_ENOMEM, "%s", "out of memory");
	}
	int rc = 0;
	for (;;) {
		if (cap - n < 2) {
			char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
			if (!nb) {
				rc = set_err(err, PRECIS_ENOMEM, "%s", "out of memory");
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, fp);
		n += r;
		if (max_bytes && n > max_bytes) {
			rc = PRECIS_ETOOBIG;
			if (err) {
				memset(err, 0, sizeof *err);
				err->code = rc;
				snprintf(err->message, sizeof err->message,
					 "larger than --max-bytes %zu", max_bytes);
			}
			break;
		}
		if (r == 0) {
			if (ferror(fp))
				rc = set_err(err, PRECIS_EIO, "%s", strerror(errno));
			break;
		}
	}
	if (fp != stdin)
		fclose(fp);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (!s)
		return -1;
	if (*n + 2 > *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		char **nv = realloc(*v, nc * sizeof **v);
		if (!nv) {
			free(s);
			return -1;
		}
		*v = nv;
		*cap = nc;
	}
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
	return 0;
}

char **cli_expand_paths(char **args, int nargs, int *failed)
{
	size_t n = 0, cap = 16;
	char **v = calloc(cap, sizeof *v);
	if (!v)
		return NULL;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			DIR *d = opendir(args[i]);
			if (!d) {
				cli_error("%s: %s", args[i], strerror(errno));
				(*failed)++;
				continue;
			}
			size_t first = n;
			struct dirent *e;
			while ((e = readdir(d))) {
				if (e->d_name[0] == '.')
					continue;
				size_t dl = strlen(args[i]);
				while (dl > 1 && args[i][dl - 1] == '/')
					dl--;
				size_t len = dl + strlen(e->d_name) + 2;
				char *p = malloc(len);
				if (!p)
					break;
				snprintf(p, len, "%.*s/%s", (int)dl, args[i], e->d_name);
				struct stat fst;
				if (stat(p, &fst) != 0 || !S_ISREG(fst.st_mode)) {
					free(p);
					continue;
				}
				if (push(&v, &n, &cap, p) != 0)
					break;
			}
			closedir(d);
			qsort(v + first, n - first, sizeof *v, cmp_str);
		} else {
			push(&v, &n, &cap, strdup(args[i]));
		}
	}
	return v;
}

void cli_free_paths(char **paths)
{
	if (!paths)
		return;
	for (char **p = paths; *p; p++)
		free(*p);
	free(paths);
}

int cli_parse_size(const char *s, size_t *out)
{
	if (!s || !*s || *s == '-')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	unsigned long long mul = 1;
	if (*end == 'k' || *end == 'K')
		mul = 1ULL << 10, end++;
	else if (*end == 'M')
		mul = 1ULL << 20, end++;
	else if (*end == 'G')
		mul = 1ULL << 30, end++;
	if (*end)
		return -1;
	*out = (size_t)(v * mul);
	return 0;
}

int cli_parse_double(const char *s, double *out)
{
	if (!s || !*s)
		return -1;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || v != v)
		return -1;
	*out = v;
	return 0;
}

int cli_write_atomic(const char *path, const char *buf, size_t len)
{
	if (!path || strcmp(path, "-") == 0) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0)
			return PRECIS_EIO;
		return 0;
	}
	size_t plen = strlen(path) + 16;
	char *tmp = malloc(plen);
	if (!tmp)
		return PRECIS_ENOMEM;
	snprintf(tmp, plen, "%s.tmpXXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return PRECIS_EIO;
	}
	FILE *fp = fdopen(fd, "wb");
	int ok = fp && fwrite(buf, 1, len, fp) == len;
	if (fp)
		ok = (fclose(fp) == 0) && ok;
	else
		close(fd);
	if (!ok || rename(tmp, path) != 0) {
		unlink(tmp);
		free(tmp);
		return PRECIS_EIO;
	}
	free(tmp);
	return 0;
}

const char *cli_rouge_data(const char *given)
{
	if (given)
		return given;
	const char *env = getenv("ROUGE_EVAL_HOME");
	return env && *env ? env : NULL;
}

void cli_rouge_new_error(const char *cmd, int code, const char *rouge_data)
{
	if (code == PRECIS_EIO && rouge_data)
		cli_error("%s: no readable WordNet exception lists (adj.exc, adv.exc, noun.exc, "
			  "verb.exc) in %s or %s/WordNet-2.0-Exceptions (--rouge-data, ROUGE_EVAL_HOME)",
			  cmd, rouge_data, rouge_data);
	else
		cli_error("%s: %s", cmd, precis_strerror(code));
}
