/*
 * Analyzer.meta: the dict of docs/meta-schema.md (without "file"), built
 * from the public accessors in the order `precis meta --format json` uses.
 * Offsets count characters when the input was a str, bytes otherwise.
 */
#include "analyzer.h"

#include <string.h>

static PyObject *ymd_str(precis_ymd d)
{
	return PyUnicode_FromFormat("%04d-%02d-%02d", d.year, d.month, d.day);
}

static const char *kind_name(precis_date_kind k)
{
	const char *name = precis_date_kind_name(k);
	return name ? name : "unknown";
}

static int set_int(PyObject *d, const char *key, long v)
{
	return v ? px_set_new(d, key, PyLong_FromLong(v)) : 0;
}

static int set_true(PyObject *d, const char *key, bool v)
{
	return v ? px_set_new(d, key, Py_NewRef(Py_True)) : 0;
}

static int set_span(PyObject *d, const char *text, precis_span sp, px_offsets *off)
{
	if (px_set_new(d, "text", px_str(text, sp.start, sp.end)) != 0)
		return -1;
	size_t a = px_offset(off, sp.start), b = px_offset(off, sp.end);
	if (px_set_new(d, "start", PyLong_FromSize_t(a)) != 0)
		return -1;
	return px_set_new(d, "end", PyLong_FromSize_t(b));
}

static PyObject *date_dict(const char *text, const precis_date *x, precis_ymd ref,
			   px_offsets *off)
{
	PyObject *d = PyDict_New();
	if (!d)
		return NULL;
	int bad = set_span(d, text, x->span, off) ||
		  px_set_new(d, "kind", PyUnicode_FromString(kind_name(x->kind))) ||
		  set_int(d, "year", x->year) || set_int(d, "month", x->month) ||
		  set_int(d, "day", x->day) || set_int(d, "day_end", x->day_end) ||
		  set_int(d, "weekday", x->weekday) || set_true(d, "last", x->last) ||
		  set_true(d, "next", x->next) || set_true(d, "future", x->future);
	if (!bad && x->kind == PRECIS_DATE_RELATIVE) {
		char buf[32];
		snprintf(buf, sizeof buf, "%+d%c", x->offset, x->offset_unit);
		bad = px_set_new(d, "offset", PyUnicode_FromString(buf));
	}
	precis_ymd first, last;
	if (!bad && precis_date_resolve(&first, &last, x, ref) == 0)
		bad = px_set_new(d, "from", ymd_str(first)) || px_set_new(d, "to", ymd_str(last));
	if (bad)
		Py_CLEAR(d);
	return d;
}

static PyObject *variants_list(const char *const *v)
{
	PyObject *list = PyList_New(0);
	for (; list && v && *v; v++) {
		PyObject *s = px_str_or_none(*v);
		if (!s || PyList_Append(list, s) != 0)
			Py_CLEAR(list);
		Py_XDECREF(s);
	}
	return list;
}

static PyObject *entity_dict(const precis_entity *e, bool variants, bool credits,
			     px_offsets *off)
{
	PyObject *d = PyDict_New();
	if (!d)
		return NULL;
	if (px_set_new(d, "name", px_str_or_none(e->name)) ||
	    px_set_new(d, "key", px_str_or_none(e->key)) ||
	    px_set_new(d, "mentions", PyLong_FromSize_t(e->mentions)) ||
	    px_set_new(d, "first", PyLong_FromSize_t(px_offset(off, e->first))) ||
	    (credits && px_set_new(d, "credits", PyLong_FromSize_t(e->credits))) ||
	    (variants && px_set_new(d, "variants", variants_list(e->variants))))
		Py_CLEAR(d);
	return d;
}

/* Entities come sorted by mentions, not offset: each offset walks from 0. */
static PyObject *entities(const precis_entity *e, size_t n, bool variants, bool credits,
			  const char *text, int is_str)
{
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		px_offsets off;
		px_offsets_init(&off, text, is_str);
		PyObject *x = entity_dict(&e[i], variants, credits, &off);
		if (!x)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, x);
	}
	return list;
}

static PyObject *dates_list(const precis_meta *m, const char *text, precis_ymd ref, int is_str)
{
	size_t n;
	const precis_date *d = precis_meta_dates(m, &n);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *x = date_dict(text, &d[i], ref, &off);
		if (!x)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, x);
	}
	return list;
}

static PyObject *quotes_list(const precis_meta *m, const char *text, int is_str)
{
	size_t n;
	const precis_quote *q = precis_meta_quotes(m, &n);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	PyObject *list = PyList_New((Py_ssize_t)n);
	for (size_t i = 0; list && i < n; i++) {
		PyObject *x = PyDict_New();
		if (x && (set_span(x, text, q[i].span, &off) ||
			  px_set_new(x, "speaker", px_str_or_none(q[i].speaker))))
			Py_CLEAR(x);
		if (!x)
			Py_CLEAR(list);
		else
			PyList_SET_ITEM(list, (Py_ssize_t)i, x);
	}
	return list;
}

static PyObject *event_date(const precis_meta *m)
{
	precis_ymd first, last;
	if (precis_meta_event_date(m, &first, &last) != 0)
		Py_RETURN_NONE;
	return Py_BuildValue("{sNsN}", "from", ymd_str(first), "to", ymd_str(last));
}

/* "2024-03-04", "--03-04" without a year, None without a day (docs/meta-schema.md). */
static PyObject *evidence_date(precis_ymd y)
{
	if (y.month == 0 || y.day == 0)
		Py_RETURN_NONE;
	if (y.year == 0)
		return PyUnicode_FromFormat("--%02d-%02d", y.month, y.day);
	return ymd_str(y);
}

static int append_str(PyObject *list, bool yes, const char *s)
{
	if (!yes)
		return 0;
	PyObject *v = PyUnicode_FromString(s);
	int rc = v ? PyList_Append(list, v) : -1;
	Py_XDECREF(v);
	return rc;
}

static PyObject *evidence_item(const precis_evidence *e, const char *text, px_offsets *off,
			       bool date, bool outlet, bool place)
{
	PyObject *u = PyList_New(0);
	if (!u || append_str(u, date, "date") || append_str(u, outlet, "outlet") ||
	    append_str(u, place, "place")) {
		Py_XDECREF(u);
		return NULL;
	}
	PyObject *x = PyDict_New();
	if (!x) {
		Py_DECREF(u);
		return NULL;
	}
	int bad = px_set_new(x, "kind", PyUnicode_FromString(precis_evidence_kind_name(e->kind))) ||
		  px_set_new(x, "line", PyLong_FromSize_t(e->line)) ||
		  set_span(x, text, e->span, off) ||
		  px_set_new(x, "outlet", px_str_or_none(e->outlet)) ||
		  px_set_new(x, "place", px_str_or_none(e->place)) ||
		  px_set_new(x, "date", evidence_date(e->date));
	/* px_set_new takes u's reference, whether it succeeds or not. */
	if (bad)
		Py_DECREF(u);
	if (bad || px_set_new(x, "used_for", u))
		Py_CLEAR(x);
	return x;
}

/* published, dateline_place, date_warning, evidence: as report_json.c writes them. */
static int evidence_fields(PyObject *d, const precis_doc *doc, const precis_meta *m,
			   const char *text, int is_str)
{
	size_t n, which = (size_t)-1;
	const precis_evidence *e = precis_meta_evidence(m, &n);
	precis_ymd pub;
	bool has_pub = precis_meta_published(m, &pub, &which) == 0;
	const char *place = precis_meta_dateline_place(m), *outlet = precis_doc_outlet(doc);
	if (px_set_new(d, "published", has_pub ? evidence_date(pub) : Py_NewRef(Py_None)) ||
	    px_set_new(d, "dateline_place", px_str_or_none(place)) ||
	    px_set_new(d, "date_warning",
		       px_str_or_none(precis_meta_pubdate_invalid(m)
					      ? "date is not ISO 8601 (YYYY-MM-DD): ignored"
					      : NULL)))
		return -1;
	PyObject *list = PyList_New(0);
	px_offsets off;
	px_offsets_init(&off, text, is_str);
	bool outlet_used = false, place_used = false;
	for (size_t i = 0; list && i < n; i++) {
		bool uo = !outlet_used && outlet && e[i].outlet && strcmp(outlet, e[i].outlet) == 0;
		bool up = !place_used && place && e[i].place == place;
		outlet_used |= uo;
		place_used |= up;
		PyObject *x = evidence_item(&e[i], text, &off, has_pub && i == which, uo, up);
		if (!x || PyList_Append(list, x) != 0)
			Py_CLEAR(list);
		Py_XDECREF(x);
	}
	return px_set_new(d, "evidence", list);
}

static PyObject *meta_dict(const precis_doc *doc, const precis_meta *m, const char *pubdate,
			   int is_str)
{
	const char *text = precis_doc_text(doc, NULL);
	precis_ymd ref = { 0, 0, 0 };
	/* Without a date, the page's own resolves the dates, as the CLI does. */
	if (!pubdate || precis_ymd_parse(&ref, pubdate) != 0)
		precis_meta_published(m, &ref, NULL);
	precis_span h = precis_doc_headline(doc);
	size_t n;
	PyObject *d = PyDict_New();
	if (!d)
		return NULL;
	const precis_entity *pl = precis_meta_places(m, &n);
	int bad = px_set_new(d, "headline", h.end > h.start ? px_str(text, h.start, h.end)
							    : Py_NewRef(Py_None)) ||
		  px_set_new(d, "outlet", px_str_or_none(precis_doc_outlet(doc))) ||
		  px_set_new(d, "language", PyUnicode_FromString(precis_doc_language(doc))) ||
		  px_set_new(d, "date", px_str_or_none(pubdate)) ||
		  px_set_new(d, "event_date", event_date(m)) ||
		  px_set_new(d, "dates", dates_list(m, text, ref, is_str)) ||
		  px_set_new(d, "places", entities(pl, n, false, false, text, is_str));
	const precis_entity *pe = precis_meta_persons(m, &n);
	bad = bad || px_set_new(d, "persons", entities(pe, n, true, false, text, is_str));
	const precis_entity *ag = precis_meta_agencies(m, &n);
	bad = bad || px_set_new(d, "agencies", entities(ag, n, false, true, text, is_str)) ||
	      px_set_new(d, "quotes", quotes_list(m, text, is_str)) ||
	      evidence_fields(d, doc, m, text, is_str);
	if (bad)
		Py_CLEAR(d);
	return d;
}

PyObject *px_meta(AnalyzerObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "text", "date", "lang", "title", "lossy", "max_bytes", NULL };
	PyObject *obj;
	const char *pubdate = NULL, *lang = NULL, *title = NULL;
	int lossy = 0;
	Py_ssize_t max_bytes = PRECIS_DEFAULT_MAX_BYTES;
	precis_doc_options dopt;
	precis_ymd ymd;
	if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zzzpn:meta", kwlist, &obj, &pubdate, &lang,
					 &title, &lossy, &max_bytes) ||
	    px_doc_options(&dopt, lang, title, 1, lossy, max_bytes) != 0)
		return NULL;
	if (pubdate && precis_ymd_parse(&ymd, pubdate) != 0) {
		PyErr_Format(PyExc_ValueError, "meta: date wants YYYY-MM-DD, got '%s'", pubdate);
		return NULL;
	}
	px_text t;
	if (px_text_get(&t, obj, "text") != 0)
		return NULL;
	precis_doc *doc = NULL;
	precis_meta *m = NULL;
	precis_error err = { 0 };
	PyObject *res = NULL;
	int rc = px_read_doc(self, &doc, &t, &dopt, &err);
	if (rc == 0 && px_analyzer_lock(self) == 0) {
		Py_BEGIN_ALLOW_THREADS
		rc = precis_meta_new(&m, self->a, doc, pubdate);
		Py_END_ALLOW_THREADS
		px_analyzer_unlock(self);
	} else if (rc == 0) {
		rc = 1;
	}
	if (rc < 0)
		px_raise(rc, &err, NULL);
	else if (rc == 0)
		res = meta_dict(doc, m, pubdate, t.is_str);
	precis_meta_free(m);
	precis_doc_free(doc);
	px_text_release(&t);
	return res;
}
