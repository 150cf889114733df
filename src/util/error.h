/* error: status codes and error records. */
#ifndef PX_ERROR_H
#define PX_ERROR_H

#include "precis.h"

/* Fill err (if not NULL) and return code, so callers can `return px_error_set(...)`. */
int px_error_set(precis_error *err, int code, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Compute err->line and err->column from err->offset within text. */
void px_error_locate(precis_error *err, const char *text, size_t len);

#endif
