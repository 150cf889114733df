/*
 * compare(): group articles into stories and render the comparison with
 * the library's own renderers (Markdown, HTML, JSON) into a string.
 */
#include "analyzer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FMT_MD, FMT_HTML, FMT_JSON };

static int render(char **out, size_t *len, const precis_comparison *c, int format)
{
	FILE *fp = open_memstream(out, len);
	if (!fp)
		return PRECIS_ENOMEM;
	int rc = format == FMT_HTML ? precis_report_html(c, fp)
		 : format == FMT_JSON ? precis_report_json(c, fp)
				      : precis_report_md(c, fp);
	if (fclose(fp) != 0 && rc == 0)
		rc = PRECIS_ENOMEM;
	return rc;
}

/* Each article is a tuple (id, text, title, outlet, date, url), made by precis.compare. */
static int fill_articles(precis_article_input *v, px_text *texts, PyObject *tup)
{
	for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(tup); i++) {
		PyObject *text;
		precis_article_input *a = &v[i];
		if (!PyArg_ParseTuple(PyTuple_GET_ITEM(tup, i), "zOzzzz:article", &a->id, &text,
				      &a->title, &a->outlet, &a->date, &a->url))
			return -1;
		if (px_text_get(&texts[i], text, "an article's text") != 0)
			return -1;
		a->text = texts[i].s;
		a->len = texts[i].len;
	}
	return 0;
}

/*
 * "ID: problem; ID: problem (N articles without usable text)" for the
 * articles the comparison kept as stories of their own, or NULL.
 */
static char *problems(const precis_comparison *c)
{
	char *out = NULL;
	size_t len = 0, count = 0;
	FILE *fp = open_memstream(&out, &len);
	if (!fp)
		return NULL;
	for (size_t i = 0; i < precis_comparison_article_count(c); i++) {
		const char *id = NULL;
		bool unusable = false;
		const char *p = precis_comparison_problem(c, i, &id, &unusable);
		if (p && unusable)
			fprintf(fp, "%s%s: %s", count++ ? "; " : "", id ? id : "?", p);
	}
	if (count)
		fprintf(fp, " (%zu article%s without usable text)", count, count > 1 ? "s" : "");
	if (fclose(fp) != 0 || !count) {
		free(out);
		return NULL;
	}
	return out;
}

static PyObject *result(int rc, const precis_error *err, char *buf, size_t len,
			const char *warning)
{
	if (rc)
		return px_raise(rc, err, NULL);
	PyObject *warn = warning ? px_str_or_none(warning)
			 : err->code ? px_str_or_none(err->message) : Py_NewRef(Py_None);
	if (!warn)
		return NULL;
	return Py_BuildValue("(NN)", PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "replace"), warn);
}

static int run(AnalyzerObject *an, char **buf, size_t *len, char **warning,
	       const precis_article_input *v, size_t n, const precis_compare_options *o, int format,
	       precis_error *err)
{
	precis_comparison *c = NULL;
	int rc;
	if (px_analyzer_lock(an) != 0)
		return 1;
	Py_BEGIN_ALLOW_THREADS
	rc = precis_compare_new(&c, an->a, v, n, o, err);
	if (rc == 0)
		rc = render(buf, len, c, format);
	if (rc == 0)
		*warning = problems(c);
	precis_comparison_free(c);
	Py_END_ALLOW_THREADS
	px_analyzer_unlock(an);
	return rc;
}

PyObject *px_compare(PyObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "analyzer", "articles", "format", "threshold", "stories",
				  "summary_sentences", "explain", "lang", "threads", NULL };
	precis_compare_options o = PRECIS_COMPARE_OPTIONS_INIT;
	AnalyzerObject *an;
	PyObject *articles, *tup = NULL, *res = NULL;
	int format = FMT_MD, explain = 0;
	Py_ssize_t stories = 0, sents = 3, threads = 0;
	double threshold = -1; /* < 0: the library's default */
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O|idnnpzn:compare", kwlist, &px_analyzer_type,
					 &an, &articles, &format, &threshold, &stories, &sents,
					 &explain, &o.lang, &threads))
		return NULL;
	if (stories < 0 || sents < 0 || threads < 0 || format < FMT_MD || format > FMT_JSON ||
	    (o.lang && strcmp(o.lang, "auto") != 0 && !precis_language_supported(o.lang))) {
		PyErr_SetString(PyExc_ValueError, "compare: option out of range");
		return NULL;
	}
	if (threshold >= 0)
		o.threshold = threshold;
	o.stories = (size_t)stories;
	o.summary_sentences = (size_t)sents;
	o.explain = explain;
	o.threads = (unsigned)threads;
	if (!(tup = PySequence_Tuple(articles)))
		return NULL;
	size_t n = (size_t)PyTuple_GET_SIZE(tup);
	precis_article_input *v = calloc(n + 1, sizeof *v);
	px_text *texts = calloc(n + 1, sizeof *texts);
	char *buf = NULL, *warning = NULL;
	size_t len = 0;
	precis_error err = { 0 };
	if (!v || !texts) {
		PyErr_NoMemory();
		goto done;
	}
	if (fill_articles(v, texts, tup) != 0)
		goto done;
	int rc = run(an, &buf, &len, &warning, v, n, &o, format, &err);
	if (rc <= 0)
		res = result(rc, &err, buf, len, warning);
done:
	for (size_t i = 0; texts && i < n; i++)
		px_text_release(&texts[i]);
	free(texts);
	free(v);
	free(buf);
	free(warning);
	Py_XDECREF(tup);
	return res;
}
