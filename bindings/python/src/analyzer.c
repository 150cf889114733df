/*
 * precis._precis.Analyzer: one precis_analyzer (stop lists, Snowball
 * stemmers) and the document-level calls made with it: summarize, split,
 * clean, detect_language. The GIL is released while the library works; a
 * lock keeps two threads from using one analyzer at once.
 */
#include "analyzer.h"

#include <string.h>

int px_analyzer_lock(AnalyzerObject *self)
{
	if (!self->a) {
		PyErr_SetString(PyExc_RuntimeError, "Analyzer is not initialised");
		return -1;
	}
	if (!PyThread_acquire_lock(self->lock, NOWAIT_LOCK)) {
		Py_BEGIN_ALLOW_THREADS
		PyThread_acquire_lock(self->lock, WAIT_LOCK);
		Py_END_ALLOW_THREADS
	}
	return 0;
}

void px_analyzer_unlock(AnalyzerObject *self)
{
	PyThread_release_lock(self->lock);
}

int px_set_new(PyObject *d, const char *key, PyObject *v)
{
	if (!v)
		return -1;
	int rc = PyDict_SetItemString(d, key, v);
	Py_DECREF(v);
	return rc;
}

/* Document options shared by every call; strings point into Python objects. */
int px_doc_options(precis_doc_options *o, const char *lang, const char *title, int clean,
		   int lossy, Py_ssize_t max_bytes)
{
	*o = (precis_doc_options)PRECIS_DOC_OPTIONS_INIT;
	if (lang && strcmp(lang, "auto") != 0 && !precis_language_supported(lang)) {
		PyErr_Format(PyExc_ValueError, "unsupported language '%s'", lang);
		return -1;
	}
	if (max_bytes < 0) {
		PyErr_SetString(PyExc_ValueError, "max_bytes must be >= 0");
		return -1;
	}
	o->lang = lang;
	o->title = title;
	o->clean = clean;
	o->lossy = lossy;
	o->max_bytes = (size_t)max_bytes;
	return 0;
}

static PyObject *headline(const precis_doc *doc)
{
	precis_span h = precis_doc_headline(doc);
	if (h.end <= h.start)
		Py_RETURN_NONE;
	return px_str(precis_doc_text(doc, NULL), h.start, h.end);
}

/* ------------------------------------------------------------ summarize */

static PyObject *picks_list(const precis_doc *doc, const precis_summary *s, int is_str)
{
	const char *text = precis_doc_text(doc, NULL);
	const precis_pick *p = precis_summary_picks(s);
	size_t n = precis_summary_count(s);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t k = 0; list && k < n; k++) {
		PyObject *t = px_str(text, p[k].span.start, p[k].span.end);
		PyObject *item = t ? Py_BuildValue("(Nndnn)", t, (Py_ssize_t)p[k].index, p[k].score,
						  (Py_ssize_t)px_offset(&off, p[k].span.start),
						  (Py_ssize_t)px_offset(&off, p[k].span.end))
				   : NULL;
		if (!item)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)k, item);
	}
	return list;
}

static int run_summary(AnalyzerObject *self, precis_doc **doc, precis_summary **sum,
		       const px_text *t, const precis_doc_options *dopt,
		       const precis_summary_options *sopt, precis_error *err)
{
	int rc;
	if (px_analyzer_lock(self) != 0)
		return 1;
	Py_BEGIN_ALLOW_THREADS
	rc = precis_doc_new(doc, self->a, t->s, t->len, dopt, err);
	if (rc == 0 && precis_doc_sentence_count(*doc) == 0) {
		/* The CLI's words, so that both say the same about one input. */
		snprintf(err->message, sizeof err->message, "%s",
			 t->len ? "no sentences to summarize (only blanks, punctuation or "
				  "boilerplate)"
				: "empty input");
		err->line = 0;
		rc = PRECIS_EEMPTY;
	}
	if (rc == 0)
		rc = precis_summarize(sum, *doc, sopt);
	Py_END_ALLOW_THREADS
	px_analyzer_unlock(self);
	return rc;
}

static PyObject *an_summarize(AnalyzerObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "text", "sentences", "ratio", "words", "chars", "truncate",
				  "algorithm", "order", "redundancy", "position_bias",
				  "title_bias", "damping", "tolerance", "max_iterations",
				  "threshold", "continuous", "seed", "lang", "title", "clean",
				  "lossy", "max_bytes", NULL };
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	precis_doc_options dopt;
	PyObject *obj;
	Py_ssize_t sentences = 0, words = 0, chars = 0, max_bytes = PRECIS_DEFAULT_MAX_BYTES;
	int truncate = 0, alg = 0, order = 0, continuous = 0, clean = 1, lossy = 0;
	unsigned long seed = 0;
	const char *lang = NULL, *title = NULL;
	so.ratio = 0;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|ndnnpiidddddidpkzzppn:summarize", kwlist,
					 &obj, &sentences, &so.ratio, &words, &chars, &truncate,
					 &alg, &order, &so.redundancy, &so.position_bias,
					 &so.title_bias, &so.damping, &so.tolerance,
					 &so.max_iterations, &so.lexrank_threshold, &continuous,
					 &seed, &lang, &title, &clean, &lossy, &max_bytes))
		return NULL;
	if (sentences < 0 || words < 0 || chars < 0 || alg < 0 || alg > PRECIS_ALG_RANDOM ||
	    order < 0 || order > PRECIS_ORDER_RANK) {
		PyErr_SetString(PyExc_ValueError, "summarize: option out of range");
		return NULL;
	}
	so.sentences = (size_t)sentences;
	so.words = (size_t)words;
	so.chars = (size_t)chars;
	so.truncate = truncate;
	so.algorithm = (precis_algorithm)alg;
	so.order = (precis_order)order;
	so.lexrank_continuous = continuous;
	so.seed = seed;
	if (px_doc_options(&dopt, lang, title, clean, lossy, max_bytes) != 0)
		return NULL;
	px_text t;
	if (px_text_get(&t, obj, "text") != 0)
		return NULL;
	precis_doc *doc = NULL;
	precis_summary *sum = NULL;
	precis_error err = { 0 };
	PyObject *res = NULL;
	int rc = run_summary(self, &doc, &sum, &t, &dopt, &so, &err);
	if (rc > 0)
		goto done;
	if (rc) {
		px_raise(rc, &err, NULL);
		goto done;
	}
	res = Py_BuildValue("(sNnN)", precis_doc_language(doc), headline(doc),
			    (Py_ssize_t)precis_doc_sentence_count(doc),
			    picks_list(doc, sum, t.is_str));
done:
	precis_summary_free(sum);
	precis_doc_free(doc);
	px_text_release(&t);
	return res;
}

/* ------------------------------------------------------------ split */

static PyObject *sentences_list(const precis_doc *doc, int is_str)
{
	const char *text = precis_doc_text(doc, NULL);
	size_t n = precis_doc_sentence_count(doc);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		precis_span sp = precis_doc_sentence(doc, i);
		PyObject *t = px_str(text, sp.start, sp.end);
		PyObject *item = t ? Py_BuildValue("(Nnn)", t, (Py_ssize_t)px_offset(&off, sp.start),
						  (Py_ssize_t)px_offset(&off, sp.end))
				   : NULL;
		if (!item)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}

int px_read_doc(AnalyzerObject *self, precis_doc **doc, const px_text *t,
		const precis_doc_options *dopt, precis_error *err)
{
	int rc;
	if (px_analyzer_lock(self) != 0)
		return 1;
	Py_BEGIN_ALLOW_THREADS
	rc = precis_doc_new(doc, self->a, t->s, t->len, dopt, err);
	Py_END_ALLOW_THREADS
	px_analyzer_unlock(self);
	return rc;
}

static PyObject *an_split(AnalyzerObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "text", "lang", "clean", "lossy", "max_bytes", NULL };
	PyObject *obj;
	const char *lang = NULL;
	int clean = 1, lossy = 0;
	Py_ssize_t max_bytes = PRECIS_DEFAULT_MAX_BYTES;
	precis_doc_options dopt;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zppn:split", kwlist, &obj, &lang, &clean,
					 &lossy, &max_bytes) ||
	    px_doc_options(&dopt, lang, NULL, clean, lossy, max_bytes) != 0)
		return NULL;
	px_text t;
	if (px_text_get(&t, obj, "text") != 0)
		return NULL;
	precis_doc *doc = NULL;
	precis_error err = { 0 };
	PyObject *res = NULL;
	int rc = px_read_doc(self, &doc, &t, &dopt, &err);
	if (rc < 0)
		px_raise(rc, &err, NULL);
	else if (rc == 0)
		res = Py_BuildValue("(sN)", precis_doc_language(doc), sentences_list(doc, t.is_str));
	precis_doc_free(doc);
	px_text_release(&t);
	return res;
}

/* ------------------------------------------------------------ clean */

static PyObject *lines_list(const precis_cleaned *c, int is_str)
{
	const char *text = precis_cleaned_text(c, NULL);
	size_t n = precis_cleaned_line_count(c);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		const char *reason;
		precis_span sp = precis_cleaned_line(c, i, &reason);
		PyObject *t = px_str(text, sp.start, sp.end);
		PyObject *item = t ? Py_BuildValue("(NNnn)", t, px_str_or_none(reason),
						  (Py_ssize_t)px_offset(&off, sp.start),
						  (Py_ssize_t)px_offset(&off, sp.end))
				   : NULL;
		if (!item)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, item);
	}
	return list;
}

static PyObject *cleaned_result(const precis_cleaned *c, int is_str)
{
	precis_span h = precis_cleaned_headline(c);
	const char *text = precis_cleaned_text(c, NULL);
	PyObject *head = h.end > h.start ? px_str(text, h.start, h.end) : Py_NewRef(Py_None);
	return Py_BuildValue("(sNNN)", precis_cleaned_language(c), head,
			     px_str_or_none(precis_cleaned_outlet(c)), lines_list(c, is_str));
}

static PyObject *an_clean(AnalyzerObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "text", "lang", "lossy", "max_bytes", NULL };
	PyObject *obj;
	const char *lang = NULL;
	int lossy = 0;
	Py_ssize_t max_bytes = PRECIS_DEFAULT_MAX_BYTES;
	precis_doc_options dopt;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zpn:clean", kwlist, &obj, &lang, &lossy,
					 &max_bytes) ||
	    px_doc_options(&dopt, lang, NULL, 1, lossy, max_bytes) != 0)
		return NULL;
	px_text t;
	if (px_text_get(&t, obj, "text") != 0)
		return NULL;
	precis_cleaned *c = NULL;
	precis_error err = { 0 };
	PyObject *res = NULL;
	int rc = 1;
	if (px_analyzer_lock(self) == 0) {
		Py_BEGIN_ALLOW_THREADS
		rc = precis_clean_new(&c, self->a, t.s, t.len, &dopt, &err);
		Py_END_ALLOW_THREADS
		px_analyzer_unlock(self);
	}
	if (rc < 0)
		px_raise(rc, &err, NULL);
	else if (rc == 0)
		res = cleaned_result(c, t.is_str);
	precis_cleaned_free(c);
	px_text_release(&t);
	return res;
}

/* ------------------------------------------------------------ language */

static PyObject *an_detect(AnalyzerObject *self, PyObject *arg)
{
	px_text t;
	if (px_text_get(&t, arg, "text") != 0)
		return NULL;
	const char *code = NULL;
	int rc = 1;
	if (px_analyzer_lock(self) == 0) {
		Py_BEGIN_ALLOW_THREADS
		rc = precis_detect_language(&code, self->a, t.s, t.len);
		Py_END_ALLOW_THREADS
		px_analyzer_unlock(self);
	}
	px_text_release(&t);
	if (rc < 0)
		return px_raise(rc, NULL, NULL);
	return rc ? NULL : PyUnicode_FromString(code);
}

/* ------------------------------------------------------------ type */

static int an_init(AnalyzerObject *self, PyObject *args, PyObject *kw)
{
	if (!PyArg_ParseTuple(args, ":Analyzer"))
		return -1;
	if (self->a)
		return 0;
	self->lock = PyThread_allocate_lock();
	if (!self->lock) {
		PyErr_NoMemory();
		return -1;
	}
	int rc = precis_analyzer_new(&self->a);
	if (rc) {
		px_raise(rc, NULL, NULL);
		return -1;
	}
	return 0;
}

static void an_dealloc(AnalyzerObject *self)
{
	precis_analyzer_free(self->a);
	if (self->lock)
		PyThread_free_lock(self->lock);
	Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef an_methods[] = {
	{ "summarize", (PyCFunction)(void (*)(void))an_summarize, METH_VARARGS | METH_KEYWORDS,
	  "summarize(text, ...) -> (language, headline, sentence_count, picks)" },
	{ "split", (PyCFunction)(void (*)(void))an_split, METH_VARARGS | METH_KEYWORDS,
	  "split(text, lang=None, clean=True, lossy=False, max_bytes=...) -> (language, "
	  "[(text, start, end)])" },
	{ "clean", (PyCFunction)(void (*)(void))an_clean, METH_VARARGS | METH_KEYWORDS,
	  "clean(text, lang=None, lossy=False, max_bytes=...) -> (language, headline, outlet, "
	  "[(text, reason, start, end)])" },
	{ "meta", (PyCFunction)(void (*)(void))px_meta, METH_VARARGS | METH_KEYWORDS,
	  "meta(text, date=None, lang=None, title=None, lossy=False, max_bytes=...) -> dict" },
	{ "detect_language", (PyCFunction)an_detect, METH_O,
	  "detect_language(text) -> str" },
	{ NULL, NULL, 0, NULL }
};

PyTypeObject px_analyzer_type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "precis._precis.Analyzer",
	.tp_basicsize = sizeof(AnalyzerObject),
	.tp_dealloc = (destructor)an_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "Analyzer()\n\nStop lists and stemmers of the C library, with the calls "
		  "that use them. The precis package keeps one per thread.",
	.tp_methods = an_methods,
	.tp_init = (initproc)an_init,
	.tp_new = PyType_GenericNew,
};
