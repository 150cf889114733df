/* cli/io: reading inputs and writing outputs for the subcommands. */
#define _GNU_SOURCE /* fopencookie (glibc), realpath */
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

int cli_parse_size(const char *s, size_t *out)
{
	/* A digit first: strtoull would take " 5", "+5" and "-1" (as 2^64-1). */
	if (!s || *s < '0' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	unsigned shift = 0;
	if (*end == 'k' || *end == 'K')
		shift = 10, end++;
	else if (*end == 'M')
		shift = 20, end++;
	else if (*end == 'G')
		shift = 30, end++;
	if (*end || v > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

int cli_parse_double(const char *s, double *out)
{
	if (!s || !*s)
		return -1;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

/*
 * Temporary files alive now, unlinked by the handler of SIGINT, SIGTERM and
 * SIGHUP so that an interrupted run leaves no temporary behind. A signal
 * handler can only reach static storage: this is the CLI's one piece of it.
 */
#define MAX_TEMPS 4
static char *volatile live_temps[MAX_TEMPS];

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_TEMPS; i++)
		if (live_temps[i])
			unlink(live_temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int temp_track(char *path)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	for (int i = 0; i < MAX_TEMPS; i++)
		if (!live_temps[i]) {
			struct sigaction sa;
			memset(&sa, 0, sizeof sa);
			sa.sa_handler = on_signal;
			sigemptyset(&sa.sa_mask);
			for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
				sigaction(sigs[k], &sa, NULL);
			live_temps[i] = path;
			return i;
		}
	return -1;
}

static void temp_untrack(int slot)
{
	if (slot >= 0 && slot < MAX_TEMPS)
		live_temps[slot] = NULL;
}

static int out_fail(cli_output *o, const char *what, int e)
{
	cli_error("%s: %s%s%s", o->name, what ? what : "", what && e ? ": " : "",
		  e ? strerror(e) : "");
	return EXIT_SOME_FAILED;
}

/* The mode a new file gets from a shell redirection: 0666 less the umask. */
static mode_t new_file_mode(void)
{
	mode_t m = umask(0); /* the only way to read it; set straight back */
	umask(m);
	return 0666 & ~m;
}

/* Where -o PATH really writes: symlinks followed; fills st when it exists. */
static int resolve_target(cli_output *o, const char *path, struct stat *st, bool *exists)
{
	struct stat lst;
	*exists = false;
	if (lstat(path, &lst) != 0) {
		if (errno != ENOENT)
			return out_fail(o, NULL, errno);
		o->target = strdup(path);
		return o->target ? 0 : out_fail(o, NULL, ENOMEM);
	}
	if (S_ISLNK(lst.st_mode)) {
		o->target = realpath(path, NULL);
		if (!o->target)
			return out_fail(o, "symbolic link to a missing file; not replaced", 0);
	} else if (!(o->target = strdup(path))) {
		return out_fail(o, NULL, ENOMEM);
	}
	if (stat(o->target, st) != 0)
		return out_fail(o, NULL, errno);
	*exists = true;
	return 0;
}

/* A device, FIFO or terminal: written in place as the shell would, never replaced. */
static int open_in_place(cli_output *o, const struct stat *st)
{
	if (S_ISSOCK(st->st_mode))
		return out_fail(o, "is a socket; not written", 0);
	int fd = open(o->target, O_WRONLY | O_NOCTTY);
	if (fd < 0)
		return out_fail(o, NULL, errno);
	if (!(o->fp = fdopen(fd, "wb"))) {
		int e = errno;
		close(fd);
		return out_fail(o, NULL, e);
	}
	return 0;
}

/* A regular file: a temporary beside it with the final mode, renamed at commit. */
static int open_temp(cli_output *o, const struct stat *st, bool exists)
{
	size_t len = strlen(o->target) + sizeof ".precis-XXXXXX";
	if (!(o->tmp = malloc(len)))
		return out_fail(o, NULL, ENOMEM);
	snprintf(o->tmp, len, "%s.precis-XXXXXX", o->target);
	o->slot = temp_track(o->tmp);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		temp_untrack(o->slot);
		free(o->tmp);
		o->tmp = NULL;
		return out_fail(o, "cannot create a temporary file beside it", e);
	}
	mode_t mode = exists ? st->st_mode & 07777 : new_file_mode();
	if (exists && fchown(fd, st->st_uid, st->st_gid) != 0) {
		/* Not root: the new file is ours, as when the shell recreates it. */
	}
	if (fchmod(fd, mode) != 0 || !(o->fp = fdopen(fd, "wb"))) {
		int e = errno;
		close(fd);
		cli_output_abort(o);
		return out_fail(o, NULL, e);
	}
	return 0;
}

int cli_output_open(cli_output *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->slot = -1;
	if (!path || strcmp(path, "-") == 0) {
		o->name = "(stdout)";
		o->fp = stdout;
		return 0;
	}
	o->name = path;
	struct stat st;
	bool exists;
	int rc = resolve_target(o, path, &st, &exists);
	if (!rc && exists && S_ISDIR(st.st_mode))
		rc = out_fail(o, "is a directory", 0);
	else if (!rc && exists && !S_ISREG(st.st_mode))
		rc = open_in_place(o, &st);
	else if (!rc && exists && access(o->target, W_OK) != 0)
		rc = out_fail(o, NULL, errno);
	else if (!rc && exists && !(st.st_mode & 0222))
		rc = out_fail(o, "read-only file; not replaced", 0);
	else if (!rc)
		rc = open_temp(o, &st, exists);
	if (rc) {
		free(o->target);
		o->target = NULL;
	}
	return rc;
}

void cli_output_abort(cli_output *o)
{
	if (!o)
		return;
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp) {
		unlink(o->tmp);
		temp_untrack(o->slot);
	}
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof *o);
	o->slot = -1;
}

/* fsync the directory so the rename itself survives a crash; best effort. */
static void sync_dir(const char *target)
{
	const char *slash = strrchr(target, '/');
	char *dir = slash ? strndup(target, slash == target ? 1 : (size_t)(slash - target))
			  : strdup(".");
	int fd = dir ? open(dir, O_RDONLY) : -1;
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int cli_output_commit(cli_output *o)
{
	if (o->fp == stdout) {
		/* stdout's errors are named once, at exit (cli_close_stdout). */
		int rc = fflush(stdout) != 0 || ferror(stdout) ? EXIT_SOME_FAILED : 0;
		memset(o, 0, sizeof *o);
		return rc;
	}
	int e = 0;
	errno = 0;
	if (fflush(o->fp) != 0 || ferror(o->fp))
		e = errno ? errno : EIO;
	else if (o->tmp && fsync(fileno(o->fp)) != 0)
		e = errno;
	FILE *fp = o->fp;
	o->fp = NULL;
	if (fclose(fp) != 0 && !e)
		e = errno;
	if (!e && o->tmp && rename(o->tmp, o->target) != 0)
		e = errno;
	if (e) {
		out_fail(o, o->tmp ? "not written (the old file is kept)" : "write error", e);
		cli_output_abort(o);
		return EXIT_SOME_FAILED;
	}
	if (o->tmp) {
		temp_untrack(o->slot);
		sync_dir(o->target);
	}
	free(o->tmp);
	free(o->target);
	memset(o, 0, sizeof *o);
	return 0;
}

int cli_write_atomic(const char *path, const char *buf, size_t len)
{
	cli_output o;
	int rc = cli_output_open(&o, path);
	if (rc)
		return rc;
	if (len && fwrite(buf, 1, len, o.fp) != len && o.fp != stdout) {
		out_fail(&o, "write error", errno);
		cli_output_abort(&o);
		return EXIT_SOME_FAILED;
	}
	return cli_output_commit(&o);
}

/*
 * stdio forgets why a write failed once the buffer is dropped: stdout goes
 * through this cookie, which keeps the first write error's errno so that the
 * message at exit can give the reason (ENOSPC, EPIPE, EIO, ...).
 */
#ifdef __GLIBC__
static int stdout_errno;

static ssize_t stdout_write(void *cookie, const char *buf, size_t len)
{
	(void)cookie;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(STDOUT_FILENO, buf + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (!stdout_errno)
				stdout_errno = w < 0 ? errno : EIO;
			return done ? (ssize_t)done : -1;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static int stdout_close(void *cookie)
{
	(void)cookie;
	if (close(STDOUT_FILENO) != 0 && errno != EBADF && !stdout_errno)
		stdout_errno = errno;
	return stdout_errno ? -1 : 0;
}
#endif

void cli_stdout_init(void)
{
#ifdef __GLIBC__
	cookie_io_functions_t io = { NULL, stdout_write, NULL, stdout_close };
	FILE *fp = fopencookie(NULL, "w", io);
	if (fp) {
		/* Line-buffered on a terminal as before; fully buffered elsewhere. */
		if (isatty(STDOUT_FILENO))
			setvbuf(fp, NULL, _IOLBF, BUFSIZ);
		stdout = fp;
	}
#endif
}

int cli_close_stdout(int status)
{
	int had_error = ferror(stdout);
	errno = 0;
	int e = fflush(stdout) != 0 ? errno : 0;
	if (fclose(stdout) != 0 && !e)
		e = errno;
#ifdef __GLIBC__
	if (stdout_errno)
		e = stdout_errno;
#endif
	if (!had_error && !e)
		return status;
	/* A reader that stopped early (precis ... | head) is not an error to
	 * explain, but the run did not write everything: status 1, no message. */
	if (e != EPIPE)
		cli_error("write error on standard output: %s", e ? strerror(e) : "unknown error");
	return status == EXIT_OK ? EXIT_SOME_FAILED : status;
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
