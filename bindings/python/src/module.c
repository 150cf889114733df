/* Module definition and the helpers every file shares: text in, errors out. */
#include "ext.h"

#include <string.h>

PyObject *px_error_type;

int px_text_get(px_text *t, PyObject *obj, const char *what)
{
	memset(t, 0, sizeof *t);
	if (PyUnicode_Check(obj)) {
		Py_ssize_t n;
		const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
		if (!s)
			return -1;
		t->s = s;
		t->len = (size_t)n;
		t->is_str = 1;
	} else if (PyBytes_Check(obj)) {
		t->s = PyBytes_AS_STRING(obj);
		t->len = (size_t)PyBytes_GET_SIZE(obj);
	} else {
		PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.100s", what,
			     Py_TYPE(obj)->tp_name);
		return -1;
	}
	Py_INCREF(obj);
	t->owner = obj;
	return 0;
}

void px_text_release(px_text *t)
{
	Py_CLEAR(t->owner);
}

void px_offsets_init(px_offsets *o, const char *s, int is_str)
{
	o->s = s;
	o->byte = 0;
	o->chr = 0;
	o->is_str = is_str;
}

size_t px_offset(px_offsets *o, size_t byte)
{
	if (!o->is_str)
		return byte;
	if (byte < o->byte) {
		o->byte = 0;
		o->chr = 0;
	}
	for (; o->byte < byte; o->byte++)
		if (((unsigned char)o->s[o->byte] & 0xC0) != 0x80)
			o->chr++;
	return o->chr;
}

PyObject *px_str(const char *s, size_t start, size_t end)
{
	return PyUnicode_DecodeUTF8(s + start, (Py_ssize_t)(end - start), "replace");
}

PyObject *px_str_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

PyObject *px_raise(int code, const precis_error *err, const char *where)
{
	if (code == PRECIS_ENOMEM)
		return PyErr_NoMemory();
	const char *msg = err && err->message[0] ? err->message : precis_strerror(code);
	PyObject *text;
	if (err && err->line)
		text = PyUnicode_FromFormat("%s%s%zu:%zu: %s", where ? where : "", where ? ":" : "",
					    err->line, err->column, msg);
	else
		text = PyUnicode_FromFormat("%s%s%s", where ? where : "", where ? ": " : "", msg);
	if (!text)
		return NULL;
	PyObject *exc = PyObject_CallOneArg(px_error_type, text);
	Py_DECREF(text);
	if (!exc)
		return NULL;
	size_t line = err ? err->line : 0, column = err ? err->column : 0;
	PyObject *vals[4] = { PyLong_FromLong(code), PyLong_FromSize_t(line),
			      PyLong_FromSize_t(column),
			      err && err->line ? PyLong_FromSize_t(err->offset) : Py_NewRef(Py_None) };
	static const char *const names[4] = { "code", "line", "column", "offset" };
	for (int i = 0; i < 4; i++) {
		if (vals[i] && PyObject_SetAttrString(exc, names[i], vals[i]) == 0)
			continue;
		for (int k = 0; k < 4; k++)
			Py_XDECREF(vals[k]);
		Py_DECREF(exc);
		return NULL;
	}
	for (int k = 0; k < 4; k++)
		Py_DECREF(vals[k]);
	PyErr_SetObject(px_error_type, exc);
	Py_DECREF(exc);
	return NULL;
}

static PyObject *px_languages(PyObject *self, PyObject *unused)
{
	PyObject *list = PyList_New(0);
	if (!list)
		return NULL;
	for (const char *const *p = precis_languages(); *p; p++) {
		PyObject *s = PyUnicode_FromString(*p);
		if (!s || PyList_Append(list, s) != 0) {
			Py_XDECREF(s);
			Py_DECREF(list);
			return NULL;
		}
		Py_DECREF(s);
	}
	return list;
}

static PyObject *px_strerror(PyObject *self, PyObject *arg)
{
	int code = PyLong_AsLong(arg);
	if (code == -1 && PyErr_Occurred())
		return NULL;
	return PyUnicode_FromString(precis_strerror(code));
}

/* The library's names of its enums, so Python spells them as the CLI does. */
static PyObject *px_algorithm_from_name(PyObject *self, PyObject *arg)
{
	const char *name = PyUnicode_AsUTF8(arg);
	precis_algorithm alg;
	if (!name)
		return NULL;
	if (precis_algorithm_from_name(&alg, name) != 0)
		return PyErr_Format(PyExc_ValueError, "unknown algorithm '%s'", name);
	return PyLong_FromLong(alg);
}

static PyObject *px_compat_from_name(PyObject *self, PyObject *arg)
{
	const char *name = PyUnicode_AsUTF8(arg);
	precis_rouge_compat c;
	if (!name)
		return NULL;
	if (precis_rouge_compat_from_name(&c, name) != 0)
		return PyErr_Format(PyExc_ValueError, "unknown compat mode '%s'", name);
	return PyLong_FromLong(c);
}

static PyMethodDef methods[] = {
	{ "algorithm_from_name", px_algorithm_from_name, METH_O,
	  "algorithm_from_name(name) -> int\n\nThe library's algorithm named name." },
	{ "compat_from_name", px_compat_from_name, METH_O,
	  "compat_from_name(name) -> int\n\nThe library's ROUGE compat mode named name." },
	{ "languages", px_languages, METH_NOARGS,
	  "languages() -> list[str]\n\nISO 639-1 codes of the supported languages." },
	{ "strerror", px_strerror, METH_O,
	  "strerror(code) -> str\n\nThe library's description of a status code." },
	{ "html", (PyCFunction)(void (*)(void))px_html, METH_VARARGS | METH_KEYWORDS,
	  "html(page, url=None, charset=None, max_bytes=...) -> dict\n\nLow-level; use "
	  "precis.html()." },
	{ "html_detect", px_html_detect, METH_O,
	  "html_detect(data) -> bool\n\nWhether the bytes look like an HTML page." },
	{ "compare", (PyCFunction)(void (*)(void))px_compare, METH_VARARGS | METH_KEYWORDS,
	  "compare(analyzer, articles, format, threshold, stories, summary_sentences, explain,"
	  " lang, threads) -> str\n\nLow-level; use precis.compare()." },
	{ NULL, NULL, 0, NULL }
};

static struct PyModuleDef moduledef = {
	PyModuleDef_HEAD_INIT, "precis._precis",
	"Low-level bindings to the precis C library (include/precis.h). Use the precis package.",
	-1, methods, NULL, NULL, NULL, NULL
};

static int add_constants(PyObject *m)
{
	static const struct {
		const char *name;
		long value;
	} c[] = { { "ROUGE_UNICODE", PRECIS_ROUGE_UNICODE },
		  { "ROUGE_SCORE", PRECIS_ROUGE_SCORE },
		  { "ROUGE_155", PRECIS_ROUGE_155 },
		  { "ALG_DEFAULT", PRECIS_ALG_DEFAULT },
		  { "ALG_TEXTRANK", PRECIS_ALG_TEXTRANK },
		  { "ALG_LEXRANK", PRECIS_ALG_LEXRANK },
		  { "ALG_LEAD", PRECIS_ALG_LEAD },
		  { "ALG_CENTROID", PRECIS_ALG_CENTROID },
		  { "ALG_RANDOM", PRECIS_ALG_RANDOM },
		  { "ORDER_DOC", PRECIS_ORDER_DOC },
		  { "ORDER_RANK", PRECIS_ORDER_RANK },
		  { "ENOMEM", PRECIS_ENOMEM },
		  { "EINVAL", PRECIS_EINVAL },
		  { "EUTF8", PRECIS_EUTF8 },
		  { "EIO", PRECIS_EIO },
		  { "ELANG", PRECIS_ELANG },
		  { "EEMPTY", PRECIS_EEMPTY },
		  { "ETOOBIG", PRECIS_ETOOBIG },
		  { "EJSON", PRECIS_EJSON },
		  { "ENUMERIC", PRECIS_ENUMERIC },
		  { "EBINARY", PRECIS_EBINARY },
		  { "EFORMAT", PRECIS_EFORMAT } };
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (PyModule_AddIntConstant(m, c[i].name, c[i].value) != 0)
			return -1;
	return PyModule_AddStringConstant(m, "LIB_VERSION", PRECIS_VERSION);
}

PyMODINIT_FUNC PyInit__precis(void)
{
	PyObject *m = PyModule_Create(&moduledef);
	if (!m)
		return NULL;
	if (PyType_Ready(&px_rouge_type) != 0 || PyType_Ready(&px_analyzer_type) != 0)
		goto fail;
	px_error_type = PyErr_NewExceptionWithDoc(
		"precis.PrecisError",
		"A precis library error. Attributes: code (negative PRECIS_E* status), line and\n"
		"column (1-based, 0 when unknown), offset (byte offset, or None).",
		PyExc_ValueError, NULL);
	if (!px_error_type || PyModule_AddObjectRef(m, "PrecisError", px_error_type) != 0 ||
	    PyModule_AddObjectRef(m, "Rouge", (PyObject *)&px_rouge_type) != 0 ||
	    PyModule_AddObjectRef(m, "Analyzer", (PyObject *)&px_analyzer_type) != 0 ||
	    add_constants(m) != 0)
		goto fail;
	return m;
fail:
	Py_DECREF(m);
	return NULL;
}
