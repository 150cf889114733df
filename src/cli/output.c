/*
 * cli/output: the safe output layer. -o FILE replaced atomically (a
 * temporary renamed over it, unlinked on SIGINT/SIGTERM/SIGHUP), checked
 * writes, and standard output whose errors are named once at exit.
 */
#define _GNU_SOURCE /* fopencookie (glibc) */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

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
			for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++) {
				/* A signal ignored at start (SIGINT of a background job)
				 * stays ignored, as the caller wanted. */
				struct sigaction old;
				if (sigaction(sigs[k], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
					sigaction(sigs[k], &sa, NULL);
			}
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
	o->linked = exists && st->st_nlink > 1;
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

/*
 * A hard-linked target keeps its inode: the complete, synced temporary is
 * copied into it (rename would give this name a new file and leave the
 * other links on the old content). 0 or an errno.
 */
static int copy_into_target(const cli_output *o)
{
	int in = open(o->tmp, O_RDONLY);
	if (in < 0)
		return errno;
	int out = open(o->target, O_WRONLY | O_TRUNC);
	int e = out < 0 ? errno : 0;
	char buf[1 << 16];
	ssize_t n = 0;
	while (!e && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			e = errno == EINTR ? 0 : errno;
			continue;
		}
		for (ssize_t done = 0, w; !e && done < n; done += w > 0 ? w : 0) {
			w = write(out, buf + done, (size_t)(n - done));
			if (w == 0 || (w < 0 && errno != EINTR))
				e = w == 0 ? EIO : errno;
		}
	}
	if (!e && fsync(out) != 0)
		e = errno;
	if (out >= 0 && close(out) != 0 && !e)
		e = errno;
	close(in);
	return e;
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
	if (!e && o->tmp && o->linked) {
		int ce = copy_into_target(o);
		if (ce) {
			/* The target may be cut short now: the complete output stays in
			 * the temporary, named, rather than being lost with it. */
			cli_error("%s: %s while copying into the hard-linked file; the complete output "
				  "is in %s", o->name, strerror(ce), o->tmp);
			temp_untrack(o->slot);
			free(o->tmp);
			o->tmp = NULL;
			cli_output_abort(o);
			return EXIT_SOME_FAILED;
		}
		e = unlink(o->tmp) != 0 ? errno : 0;
	} else if (!e && o->tmp && rename(o->tmp, o->target) != 0) {
		e = errno;
	}
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
