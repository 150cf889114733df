#include <string.h>

#include "data.h"

const px_datafile *px_data_find(const char *path)
{
	for (const px_datafile *f = px_datafiles; f->path; f++)
		if (strcmp(f->path, path) == 0)
			return f;
	return NULL;
}
