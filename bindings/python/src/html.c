/*
 * html(), html_detect(): a web page's main content and metadata through
 * the library's HTML extractor (precis_html_extract).
 */
#include "analyzer.h"

static PyObject *page_dict(const precis_page *p)
{
	size_t len;
	const char *text = precis_page_text(p, &len);
	PyObject *d = PyDict_New(), *sources = PyDict_New();
	if (!d || !sources || px_set_new(d, "text", px_str(text, 0, len)) != 0)
		goto fail;
	for (int f = 0; f < PRECIS_PAGE_FIELD_COUNT; f++) {
		const char *src = NULL, *name = precis_page_field_name((precis_page_field)f);
		const char *v = precis_page_field_get(p, (precis_page_field)f, &src);
		if (!name || px_set_new(d, name, px_str_or_none(v)) != 0)
			goto fail;
		if (v && src && px_set_new(sources, name, PyUnicode_FromString(src)) != 0)
			goto fail;
	}
	if (px_set_new(d, "charset", px_str_or_none(precis_page_charset(p))) != 0 ||
	    PyDict_SetItemString(d, "sources", sources) != 0)
		goto fail;
	Py_DECREF(sources);
	return d;
fail:
	Py_XDECREF(d);
	Py_XDECREF(sources);
	return NULL;
}

PyObject *px_html(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "page", "url", "charset", "max_bytes", NULL };
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	PyObject *obj;
	Py_ssize_t max_bytes = PRECIS_DEFAULT_MAX_BYTES;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zzn:html", kwlist, &obj, &o.url,
					 &o.charset, &max_bytes))
		return NULL;
	if (max_bytes < 0) {
		PyErr_SetString(PyExc_ValueError, "max_bytes must be >= 0");
		return NULL;
	}
	o.max_bytes = (size_t)max_bytes;
	px_text t;
	if (px_text_get(&t, obj, "page") != 0)
		return NULL;
	/* A str was decoded already: the charset the page declares no longer applies. */
	o.unicode = t.is_str;
	precis_page *p = NULL;
	precis_error err = { 0 };
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = precis_html_extract(&p, t.s, t.len, &o, &err);
	Py_END_ALLOW_THREADS
	PyObject *res = rc ? px_raise(rc, &err, NULL) : page_dict(p);
	precis_page_free(p);
	px_text_release(&t);
	return res;
}

PyObject *px_html_detect(PyObject *self, PyObject *arg)
{
	px_text t;
	if (px_text_get(&t, arg, "page") != 0)
		return NULL;
	int yes = precis_html_detect(t.s, t.len);
	px_text_release(&t);
	return PyBool_FromLong(yes);
}
