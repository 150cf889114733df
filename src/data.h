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

#endif
