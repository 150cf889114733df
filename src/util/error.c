/* error: status codes and error records. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

const char *precis_strerror(int code)
{
	switch (code) {
	case PRECIS_OK: return "success";
	case PRECIS_ENOMEM: return "out of memory";
	case PRECIS_EINVAL: return "invalid argument";
	case PRECIS_EUTF8: return "invalid UTF-8";
	case PRECIS_EIO: return "input/output error";
	case PRECIS_ELANG: return "unsupported language";
	case PRECIS_EEMPTY: return "no text";
	case PRECIS_ETOOBIG: return "input too large";
	case PRECIS_EJSON: return "malformed JSON";
	case PRECIS_ENUMERIC: return "numerical failure";
	case PRECIS_EBINARY: return "binary data, not text";
	case PRECIS_EFORMAT: return "malformed data file";
	default: return "unknown error";
	}
}

int px_error_set(precis_error *err, int code, size_t offset, const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	err->offset = offset;
	err->line = 0;
	err->column = 0;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return code;
}

void px_error_locate(precis_error *err, const char *text, size_t len)
{
	if (!err || err->offset > len)
		return;
	size_t line = 1, col = 1;
	for (size_t i = 0; i < err->offset; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	err->line = line;
	err->column = col;
}
