/* The Analyzer object, shared by analyzer.c, meta.c and compare.c. */
#ifndef PRECIS_PY_ANALYZER_H
#define PRECIS_PY_ANALYZER_H

#include "ext.h"

#include <pythread.h>

typedef struct {
	PyObject_HEAD
	precis_analyzer *a;
	PyThread_type_lock lock;
} AnalyzerObject;

/* Take the analyzer's lock (waiting without the GIL); 0 ok, -1 with an exception. */
int px_analyzer_lock(AnalyzerObject *self);
void px_analyzer_unlock(AnalyzerObject *self);

int px_doc_options(precis_doc_options *o, const char *lang, const char *title, int clean,
		   int lossy, Py_ssize_t max_bytes);
/* precis_doc_new without the GIL: library status, or 1 with a Python exception set. */
int px_read_doc(AnalyzerObject *self, precis_doc **doc, const px_text *t,
		const precis_doc_options *dopt, precis_error *err);
/* d[key] = v, stealing v; -1 when v is NULL or the set fails. */
int px_set_new(PyObject *d, const char *key, PyObject *v);

PyObject *px_meta(AnalyzerObject *self, PyObject *args, PyObject *kw);

#endif
