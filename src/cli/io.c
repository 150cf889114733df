/* cli/io: reading inputs (files, paths, sizes) and naming errors for the subcommands. */
#define _GNU_SOURCE /* realpath */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "vec.h"

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
	struct stat sst;
	if (strcmp(path, "-") == 0 && fstat(STDIN_FILENO, &sst) == 0 && S_ISDIR(sst.st_mode))
		return set_err(err, PRECIS_EIO, "%s", "is a directory (standard input)");
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
		if (px_vec_reserve((void **)&buf, &cap, n + 2, 1)) {
			rc = set_err(err, PRECIS_ENOMEM, "%s", "out of memory");
			break;
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
	if (px_vec_reserve((void **)v, cap, *n + 2, sizeof **v)) {
		free(s);
		return -1;
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
			if (n == first) {
				/* An empty directory is no input at all, not zero documents. */
				cli_error("%s: no files in this directory", args[i]);
				(*failed)++;
			}
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

FILE *cli_open_input(const char *path)
{
	struct stat st;
	bool is_stdin = strcmp(path, "-") == 0;
	if (is_stdin ? fstat(STDIN_FILENO, &st) == 0 : stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			cli_error("%s: is a directory", is_stdin ? "standard input" : path);
			return NULL;
		}
	} else if (!is_stdin) {
		cli_error("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (is_stdin)
		return stdin;
	FILE *fp = fopen(path, "r");
	if (!fp)
		cli_error("%s: %s", path, strerror(errno));
	return fp;
}

int cli_close_input(FILE *fp, const char *path)
{
	if (!fp)
		return 0;
	int bad = ferror(fp);
	int e = 0;
	if (bad) {
		/* errno of the failed read is long gone: read once more for it. */
		clearerr(fp);
		errno = 0;
		if (getc(fp) == EOF && ferror(fp))
			e = errno;
	}
	if (bad)
		cli_error("%s: read error: %s", strcmp(path, "-") == 0 ? "standard input" : path,
			  e ? strerror(e) : "unknown error");
	if (fp != stdin)
		fclose(fp);
	return bad ? EXIT_SOME_FAILED : 0;
}

/* Length of the valid UTF-8 sequence at s (strict: no overlongs, surrogates
 * or code points past U+10FFFF), or 0. */
static size_t utf8_valid_at(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (!n || s[0] > 0xF4)
		return 0;
	for (size_t k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return n;
}

/* utf8_valid_at within n bytes (a sequence cut by the end is invalid). */
static size_t utf8_valid_in(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	size_t need = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : 2;
	return need > n ? 0 : utf8_valid_at(s);
}

int cli_utf8_lossy(char **buf, size_t *len)
{
	const unsigned char *s = (const unsigned char *)*buf;
	size_t n = *len, bad = 0;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_valid_in(s + i, n - i);
		bad += !k;
		i += k ? k : 1;
	}
	if (!bad)
		return 0;
	/* Each bad byte (1) becomes U+FFFD (3): 2 more bytes each. */
	if (bad > (SIZE_MAX - n - 1) / 2)
		return PRECIS_ENOMEM;
	char *out = malloc(n + 2 * bad + 1);
	if (!out)
		return PRECIS_ENOMEM;
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_valid_in(s + i, n - i);
		if (k) {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		}
	}
	out[o] = '\0';
	free(*buf);
	*buf = out;
	*len = o;
	return 0;
}

char *cli_display_name(const char *path)
{
	const char *p = strcmp(path, "-") == 0 ? "(stdin)" : path;
	size_t len = strlen(p);
	/* Each byte becomes at most 4 ("\xFF"): no overflow below SIZE_MAX / 4. */
	char *out = len < SIZE_MAX / 4 ? malloc(len * 4 + 1) : NULL;
	if (!out)
		return NULL;
	size_t o = 0;
	for (const unsigned char *s = (const unsigned char *)p; *s;) {
		size_t n = utf8_valid_at(s);
		if (n) {
			memcpy(out + o, s, n);
			o += n;
			s += n;
		} else {
			o += (size_t)snprintf(out + o, 5, "\\x%02X", *s);
			s++;
		}
	}
	out[o] = '\0';
	return out;
}

int cli_load_idf(precis_idf **out, const char *path)
{
	*out = NULL;
	FILE *fp = cli_open_input(path);
	if (!fp)
		return EXIT_SOME_FAILED;
	precis_error err = { 0 };
	int rc = precis_idf_read(out, fp, &err);
	if (cli_close_input(fp, path)) {
		precis_idf_free(*out);
		*out = NULL;
		return EXIT_SOME_FAILED;
	}
	if (rc) {
		cli_report(strcmp(path, "-") == 0 ? "standard input" : path, rc, &err);
		return EXIT_SOME_FAILED;
	}
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
