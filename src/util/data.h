/* data: files embedded at build time (stop lists, cue lists, tables). */
#ifndef PX_DATA_H
#define PX_DATA_H

#include <stddef.h>

typedef struct px_datafile {
	const char *path; /* repository path, e.g. "stopwords/fr.txt" */
	const char *bytes;
	size_t len;
} px_datafile;

/* Terminated by an entry whose path is NULL. */
extern const px_datafile px_datafiles[];

/* The embedded file at path, or NULL. */
const px_datafile *px_data_find(const char *path);


/*
 * Lists of names with aliases, one entry a line: "Canonical = alias, alias"
 * ('|' starts a comment line). fn sees every name of every entry, the
 * canonical one first, with the entry's canonical name; a non-zero return
 * stops the walk and is returned.
 */
typedef int (*px_alias_fn)(const char *canon, size_t clen, const char *name, size_t nlen,
			   void *ctx);
int px_data_aliases(const px_datafile *f, px_alias_fn fn, void *ctx);

/*
 * Files of sections (the cue files): a line "[name ...]" opens a section,
 * '|' starts a comment line, blank lines are skipped; trailing blanks and
 * CRs are not part of a line. fn sees every header (nth == 0, text the
 * whole header with its brackets) and every entry (nth counts the entries
 * of its section from 1). Entries before the first header come with
 * section NULL. A non-zero return stops the walk and is returned.
 */
typedef struct px_data_line {
	const char *section; /* the current header, brackets included, or NULL */
	size_t slen;
	const char *text;    /* the line */
	size_t len;
	size_t lineno;       /* line in the file, from 1: for error messages */
	size_t nth;          /* entry in its section, from 1; 0 for a header */
} px_data_line;

typedef int (*px_section_fn)(const px_data_line *l, void *ctx);
int px_data_sections(const px_datafile *f, px_section_fn fn, void *ctx);

/*
 * Tables parsed from embedded data (stop lists, cue lists, the detection
 * table) are built on first use, once per process, and never change
 * after: read-only, they are shared by every thread and analyzer, and a
 * run pays only for the tables of the languages it reads. Zero-initialised
 * (static storage) means not built yet.
 */
typedef struct px_data_once {
	_Atomic(void *) table;
} px_data_once;

typedef int (*px_build_fn)(void **out, const void *arg);
typedef void (*px_destroy_fn)(void *table);

/*
 * *out = the table of once, built by build(out, arg) on the first call.
 * Threads that race on the first call may each build one; one wins and
 * the others are destroyed. A failed build is not remembered: the next
 * caller tries again. Returns 0 or build's error.
 */
int px_data_once_get(void **out, px_data_once *once, px_build_fn build, px_destroy_fn destroy,
		     const void *arg);

#endif
