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

#endif
