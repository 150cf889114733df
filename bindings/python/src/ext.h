/*
 * precis._precis: the CPython extension behind the precis package.
 *
 * It calls include/precis.h only, like any other program. Heavy work runs
 * with the GIL released; the objects that own library state (analyzer,
 * ROUGE scorer) are never shared between threads by the Python layer, and
 * the analyzer carries a lock so that even a shared one stays safe.
 */
#ifndef PRECIS_PY_EXT_H
#define PRECIS_PY_EXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "precis.h"

/*
 * A text handed to the library: UTF-8 bytes owned by a Python object
 * (a str's cached UTF-8 form, a bytes object, or a converted copy).
 * is_str says whether offsets reported back should count characters.
 */
typedef struct px_text {
	const char *s;
	size_t len;
	PyObject *owner;
	int is_str;
} px_text;

/* str or bytes to px_text; 0 ok, -1 with a Python exception set. */
int px_text_get(px_text *t, PyObject *obj, const char *what);
void px_text_release(px_text *t);

/*
 * Byte offsets to character offsets of a UTF-8 text, walking forward
 * from the last position (offsets are asked in increasing order).
 */
typedef struct px_offsets {
	const char *s;
	size_t byte;
	size_t chr;
	int is_str;
} px_offsets;

void px_offsets_init(px_offsets *o, const char *s, int is_str);
size_t px_offset(px_offsets *o, size_t byte);

/* str from the UTF-8 bytes [start, end) of s. */
PyObject *px_str(const char *s, size_t start, size_t end);
/* str or None. */
PyObject *px_str_or_none(const char *s);

/* Raise precis.PrecisError (MemoryError for PRECIS_ENOMEM); returns NULL. */
PyObject *px_raise(int code, const precis_error *err, const char *where);

/* The exception class, created at import and read-only afterwards. */
extern PyObject *px_error_type;

/* Types and functions of the other files. */
extern PyTypeObject px_rouge_type;
extern PyTypeObject px_analyzer_type;
PyObject *px_compare(PyObject *self, PyObject *args, PyObject *kw);
PyObject *px_html(PyObject *self, PyObject *args, PyObject *kw);
PyObject *px_html_detect(PyObject *self, PyObject *arg);

#endif
