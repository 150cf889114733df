/*
 * precis._precis.Rouge: a ROUGE scorer (precis_rouge) with the results
 * shaped as rouge-score shapes them: a dict from measure name to a
 * (precision, recall, fmeasure) tuple of the caller's class.
 */
#include "ext.h"

#include <pthread.h>
#include <pythread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NMEASURES PRECIS_ROUGE_MEASURES
#define MAX_KEYS 32
#define MAX_THREADS 64

/* Where each measure lives in precis_rouge_scores, in the library's index order. */
static const size_t field_off[NMEASURES] = {
	offsetof(precis_rouge_scores, rouge1),    offsetof(precis_rouge_scores, rouge2),
	offsetof(precis_rouge_scores, rouge3),    offsetof(precis_rouge_scores, rouge4),
	offsetof(precis_rouge_scores, rougeL),    offsetof(precis_rouge_scores, rougeLsum),
	offsetof(precis_rouge_scores, rougeW),    offsetof(precis_rouge_scores, rougeSU4),
};

typedef struct {
	PyObject_HEAD
	precis_rouge *r;
	precis_rouge_options opts;
	char lang[16];
	PyObject *score_cls; /* NULL: plain tuples */
	/*
	 * Scorers of score_batch's threads, kept from batch to batch so their
	 * stem caches stay warm; the lock gives them to one batch at a time
	 * (a concurrent batch on the same object makes its own).
	 */
	precis_rouge *workers[MAX_THREADS];
	PyThread_type_lock batch_lock;
	PyObject *keys;      /* tuple of measure names, in the caller's order */
	int idx[MAX_KEYS];   /* library measure index of each key */
	Py_ssize_t nkeys;
} RougeObject;

static precis_prf *prf_at(precis_rouge_scores *s, int m)
{
	return (precis_prf *)((char *)s + field_off[m]);
}

/* ------------------------------------------------------------ texts */

/* A NUL-terminated UTF-8 text the scorer can take. */
typedef struct rtext {
	const char *s;
	PyObject *owner;
	char *copy;
} rtext;

/*
 * Lone surrogates cannot be encoded: they become '?', which every compat
 * mode tokenizes as punctuation, as rouge-score's regex does the surrogate.
 * A NUL byte would end the C string early: it becomes a space, also a
 * separator for every tokenizer.
 */
static int rtext_get(rtext *t, PyObject *obj)
{
	Py_ssize_t n;
	const char *s;
	memset(t, 0, sizeof *t);
	if (PyUnicode_Check(obj)) {
		s = PyUnicode_AsUTF8AndSize(obj, &n);
		if (s) {
			t->owner = Py_NewRef(obj);
		} else {
			PyErr_Clear();
			t->owner = PyUnicode_AsEncodedString(obj, "utf-8", "replace");
			if (!t->owner)
				return -1;
			s = PyBytes_AS_STRING(t->owner);
			n = PyBytes_GET_SIZE(t->owner);
		}
	} else if (PyBytes_Check(obj)) {
		t->owner = Py_NewRef(obj);
		s = PyBytes_AS_STRING(obj);
		n = PyBytes_GET_SIZE(obj);
	} else {
		PyErr_Format(PyExc_TypeError, "texts must be str or bytes, not %.100s",
			     Py_TYPE(obj)->tp_name);
		return -1;
	}
	t->s = s;
	if (memchr(s, '\0', (size_t)n)) {
		t->copy = malloc((size_t)n + 1);
		if (!t->copy) {
			Py_CLEAR(t->owner);
			PyErr_NoMemory();
			return -1;
		}
		for (Py_ssize_t i = 0; i < n; i++)
			t->copy[i] = s[i] ? s[i] : ' ';
		t->copy[n] = '\0';
		t->s = t->copy;
	}
	return 0;
}

static void rtext_free(rtext *t)
{
	Py_CLEAR(t->owner);
	free(t->copy);
	t->copy = NULL;
}

/* ------------------------------------------------------------ scoring */

/*
 * rouge-score's score_multi: per measure, the reference whose F is
 * highest, the first one on ties (numpy.argmax). ROUGE-1.5.5 instead pools
 * the references' counts, which the library does itself.
 */
static int score_refs(precis_rouge_scores *out, precis_rouge *r, const precis_rouge_options *o,
		      const char *cand, const char *const *refs, size_t nrefs)
{
	if (nrefs <= 1 || o->compat == PRECIS_ROUGE_155)
		return precis_rouge_score(out, r, cand, refs, nrefs);
	int rc = precis_rouge_score(out, r, cand, refs, 1);
	for (size_t k = 1; k < nrefs && rc == 0; k++) {
		precis_rouge_scores cur;
		rc = precis_rouge_score(&cur, r, cand, refs + k, 1);
		for (int m = 0; m < NMEASURES && rc == 0; m++)
			if (prf_at(&cur, m)->f > prf_at(out, m)->f)
				*prf_at(out, m) = *prf_at(&cur, m);
	}
	return rc;
}

static PyObject *make_score(PyObject *cls, const precis_prf *v)
{
	PyObject *o;
	if (!cls) {
		o = PyTuple_New(3);
	} else if (PyType_Check(cls) && PyType_IsSubtype((PyTypeObject *)cls, &PyTuple_Type)) {
		/* What tuple.__new__ does for a subclass, without a Python-level call. */
		o = ((PyTypeObject *)cls)->tp_alloc((PyTypeObject *)cls, 3);
	} else {
		return PyObject_CallFunction(cls, "ddd", v->p, v->r, v->f);
	}
	if (!o)
		return NULL;
	const double x[3] = { v->p, v->r, v->f };
	for (int i = 0; i < 3; i++) {
		PyObject *d = PyFloat_FromDouble(x[i]);
		if (!d) {
			Py_DECREF(o);
			return NULL;
		}
		PyTuple_SET_ITEM(o, i, d);
	}
	return o;
}

static PyObject *scores_dict(RougeObject *self, precis_rouge_scores *s)
{
	PyObject *d = PyDict_New();
	if (!d)
		return NULL;
	for (Py_ssize_t k = 0; k < self->nkeys; k++) {
		PyObject *v = make_score(self->score_cls, prf_at(s, self->idx[k]));
		if (!v || PyDict_SetItem(d, PyTuple_GET_ITEM(self->keys, k), v) != 0) {
			Py_XDECREF(v);
			Py_DECREF(d);
			return NULL;
		}
		Py_DECREF(v);
	}
	return d;
}

static PyObject *raise_rouge(int rc, Py_ssize_t item)
{
	precis_error err = { 0 };
	err.code = rc;
	if (item < 0)
		return px_raise(rc, &err, NULL);
	char where[48];
	snprintf(where, sizeof where, "item %zd", item);
	return px_raise(rc, &err, where);
}

/* Rouge.score(target, prediction) and Rouge.score_multi(targets, prediction). */
static int ready(RougeObject *self)
{
	if (self->r)
		return 1;
	PyErr_SetString(PyExc_RuntimeError, "Rouge is not initialised");
	return 0;
}

/* score(): the common case, without the sequence and arrays of score_multi. */
static PyObject *score_one(RougeObject *self, PyObject *target, PyObject *pred)
{
	rtext cand, ref;
	if (rtext_get(&cand, pred) != 0)
		return NULL;
	if (rtext_get(&ref, target) != 0) {
		rtext_free(&cand);
		return NULL;
	}
	precis_rouge_scores sc;
	int rc = precis_rouge_score(&sc, self->r, cand.s, &ref.s, 1);
	PyObject *res = rc ? raise_rouge(rc, -1) : scores_dict(self, &sc);
	rtext_free(&ref);
	rtext_free(&cand);
	return res;
}

static PyObject *score_common(RougeObject *self, PyObject *targets, PyObject *pred, int multi)
{
	if (!ready(self))
		return NULL;
	if (!multi)
		return score_one(self, targets, pred);
	PyObject *seq = PySequence_Fast(targets, "targets must be a sequence");
	if (!seq)
		return NULL;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
	PyObject *res = NULL;
	rtext cand = { 0 };
	rtext *refs = calloc((size_t)n + 1, sizeof *refs);
	const char **ptrs = calloc((size_t)n + 1, sizeof *ptrs);
	Py_ssize_t got = 0;
	if (!refs || !ptrs) {
		PyErr_NoMemory();
		goto done;
	}
	if (n == 0) {
		PyErr_SetString(PyExc_ValueError, "score_multi needs at least one target");
		goto done;
	}
	if (rtext_get(&cand, pred) != 0)
		goto done;
	for (; got < n; got++) {
		if (rtext_get(&refs[got], PySequence_Fast_GET_ITEM(seq, got)) != 0)
			goto done;
		ptrs[got] = refs[got].s;
	}
	precis_rouge_scores sc;
	int rc = score_refs(&sc, self->r, &self->opts, cand.s, ptrs, (size_t)n);
	res = rc ? raise_rouge(rc, -1) : scores_dict(self, &sc);
done:
	for (Py_ssize_t i = 0; i < got; i++)
		rtext_free(&refs[i]);
	rtext_free(&cand);
	free(refs);
	free(ptrs);
	Py_DECREF(seq);
	return res;
}

static PyObject *rouge_score(RougeObject *self, PyObject *const *args, Py_ssize_t nargs)
{
	if (nargs != 2) {
		PyErr_Format(PyExc_TypeError, "score() takes 2 arguments (%zd given)", nargs);
		return NULL;
	}
	return score_common(self, args[0], args[1], 0);
}

static PyObject *rouge_score_multi(RougeObject *self, PyObject *args)
{
	PyObject *targets, *pred;
	if (!PyArg_ParseTuple(args, "OO:score_multi", &targets, &pred))
		return NULL;
	return score_common(self, targets, pred, 1);
}

/* ------------------------------------------------------------ batches */

typedef struct item {
	const char *cand;
	const char **refs;
	size_t nrefs;
	int rc;
	precis_rouge_scores out;
} item;

/*
 * Items [first, end) for one thread: contiguous chunks, so that threads
 * never write results into the same cache lines.
 */
typedef struct job {
	item *items;
	size_t first, end;
	const precis_rouge_options *opts;
	precis_rouge **keep; /* this chunk's kept scorer, or NULL: a fresh one */
	int rc;              /* scorer creation failed */
} job;

/*
 * Each thread owns its scorer (stemmer caches are not re-entrant), whose
 * buffers are reused from pair to pair: no allocator traffic to contend on.
 */
static void *batch_worker(void *arg)
{
	job *j = arg;
	precis_rouge *r = j->keep ? *j->keep : NULL;
	if (!r && (j->rc = precis_rouge_new(&r, j->opts)) != 0)
		return NULL;
	for (size_t i = j->first; i < j->end; i++) {
		item *it = &j->items[i];
		it->rc = score_refs(&it->out, r, j->opts, it->cand, it->refs, it->nrefs);
	}
	if (j->keep)
		*j->keep = r;
	else
		precis_rouge_free(r);
	return NULL;
}

static int run_batch(item *items, size_t n, const precis_rouge_options *opts, unsigned threads,
		     precis_rouge **keep)
{
	job jobs[MAX_THREADS];
	pthread_t tid[MAX_THREADS];
	unsigned started = 0;
	for (unsigned t = 0; t < threads; t++)
		jobs[t] = (job){ items, n * t / threads, n * (t + 1) / threads, opts,
				 keep ? &keep[t] : NULL, 0 };
	for (unsigned t = 1; t < threads; t++) {
		if (pthread_create(&tid[t], NULL, batch_worker, &jobs[t]) != 0)
			break;
		started = t;
	}
	/* Chunks whose thread did not start are done here, after our own. */
	batch_worker(&jobs[0]);
	for (unsigned t = started + 1; t < threads; t++)
		batch_worker(&jobs[t]);
	for (unsigned t = 1; t <= started; t++)
		pthread_join(tid[t], NULL);
	for (unsigned t = 0; t < threads; t++)
		if (jobs[t].rc)
			return jobs[t].rc;
	return 0;
}

/* Texts of the batch, converted while holding the GIL; owners kept alive. */
typedef struct batch {
	item *items;
	rtext *texts;
	const char **ptrs;
	size_t ntexts;
	size_t cap; /* texts counted by len() in the first pass */
} batch;

static void batch_free(batch *b)
{
	for (size_t i = 0; i < b->ntexts; i++)
		rtext_free(&b->texts[i]);
	free(b->items);
	free(b->texts);
	free(b->ptrs);
}

static int add_text(batch *b, PyObject *obj)
{
	if (b->ntexts >= b->cap) {
		/* A sequence whose iteration yields more items than its len() said. */
		PyErr_SetString(PyExc_ValueError, "a target changed size while being read");
		return -1;
	}
	if (rtext_get(&b->texts[b->ntexts], obj) != 0)
		return -1;
	b->ptrs[b->ntexts] = b->texts[b->ntexts].s;
	b->ntexts++;
	return 0;
}

/* A target is a str/bytes (one reference) or a sequence of them. */
static Py_ssize_t count_refs(PyObject *t)
{
	if (PyUnicode_Check(t) || PyBytes_Check(t))
		return 1;
	Py_ssize_t k = PySequence_Size(t);
	if (k == 0 && !PyErr_Occurred())
		PyErr_SetString(PyExc_ValueError, "a target has no reference");
	return k <= 0 ? -1 : k;
}

static int batch_fill(batch *b, PyObject *tseq, PyObject *pseq, Py_ssize_t n)
{
	size_t total = 0;
	for (Py_ssize_t i = 0; i < n; i++) {
		Py_ssize_t k = count_refs(PySequence_Fast_GET_ITEM(tseq, i));
		if (k < 0)
			return -1;
		total += (size_t)k + 1;
	}
	b->cap = total;
	b->items = calloc((size_t)n + 1, sizeof *b->items);
	b->texts = calloc(total + 1, sizeof *b->texts);
	b->ptrs = calloc(total + 1, sizeof *b->ptrs);
	if (!b->items || !b->texts || !b->ptrs) {
		PyErr_NoMemory();
		return -1;
	}
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *t = PySequence_Fast_GET_ITEM(tseq, i);
		item *it = &b->items[i];
		if (add_text(b, PySequence_Fast_GET_ITEM(pseq, i)) != 0)
			return -1;
		it->cand = b->ptrs[b->ntexts - 1];
		it->refs = &b->ptrs[b->ntexts];
		if (PyUnicode_Check(t) || PyBytes_Check(t)) {
			if (add_text(b, t) != 0)
				return -1;
			it->nrefs = 1;
			continue;
		}
		PyObject *rs = PySequence_Fast(t, "a target must be a text or a sequence of texts");
		if (!rs)
			return -1;
		for (Py_ssize_t k = 0; k < PySequence_Fast_GET_SIZE(rs); k++, it->nrefs++)
			if (add_text(b, PySequence_Fast_GET_ITEM(rs, k)) != 0) {
				Py_DECREF(rs);
				return -1;
			}
		Py_DECREF(rs);
	}
	return 0;
}

static PyObject *batch_results(RougeObject *self, batch *b, Py_ssize_t n)
{
	for (Py_ssize_t i = 0; i < n; i++)
		if (b->items[i].rc)
			return raise_rouge(b->items[i].rc, i);
	PyObject *list = PyList_New(n);
	if (!list)
		return NULL;
	for (Py_ssize_t i = 0; i < n; i++) {
		PyObject *d = scores_dict(self, &b->items[i].out);
		if (!d) {
			Py_DECREF(list);
			return NULL;
		}
		PyList_SET_ITEM(list, i, d);
	}
	return list;
}

static unsigned pick_threads(long threads, Py_ssize_t n)
{
	if (threads <= 0) {
		long c = sysconf(_SC_NPROCESSORS_ONLN);
		threads = c > 0 ? c : 1;
	}
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if (threads > n)
		threads = n > 0 ? (long)n : 1;
	return (unsigned)threads;
}

static PyObject *rouge_score_batch(RougeObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "targets", "predictions", "threads", NULL };
	PyObject *targets, *preds, *tseq = NULL, *pseq = NULL, *res = NULL;
	long threads = 1;
	batch b = { 0 };
	if (!ready(self) || !PyArg_ParseTupleAndKeywords(args, kw, "OO|l:score_batch", kwlist,
							  &targets, &preds, &threads))
		return NULL;
	tseq = PySequence_Fast(targets, "targets must be a sequence");
	pseq = tseq ? PySequence_Fast(preds, "predictions must be a sequence") : NULL;
	if (!pseq)
		goto done;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(tseq);
	if (PySequence_Fast_GET_SIZE(pseq) != n) {
		PyErr_Format(PyExc_ValueError, "%zd targets but %zd predictions", n,
			     PySequence_Fast_GET_SIZE(pseq));
		goto done;
	}
	if (batch_fill(&b, tseq, pseq, n) != 0)
		goto done;
	unsigned nt = pick_threads(threads, n);
	int own = PyThread_acquire_lock(self->batch_lock, NOWAIT_LOCK);
	int rc;
	Py_BEGIN_ALLOW_THREADS
	rc = run_batch(b.items, (size_t)n, &self->opts, nt, own ? self->workers : NULL);
	Py_END_ALLOW_THREADS
	if (own)
		PyThread_release_lock(self->batch_lock);
	res = rc ? raise_rouge(rc, -1) : batch_results(self, &b, n);
done:
	batch_free(&b);
	Py_XDECREF(tseq);
	Py_XDECREF(pseq);
	return res;
}

/* ------------------------------------------------------------ type */

static int set_keys(RougeObject *self, PyObject *types)
{
	PyObject *seq = PySequence_Fast(types, "rouge_types must be a sequence of str");
	if (!seq)
		return -1;
	Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
	if (n > MAX_KEYS) {
		PyErr_SetString(PyExc_ValueError, "too many rouge types");
		goto fail;
	}
	for (Py_ssize_t k = 0; k < n; k++) {
		const char *s = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, k));
		if (!s)
			goto fail;
		size_t m;
		if (precis_rouge_measure_from_name(&m, s) != 0 || m >= NMEASURES) {
			PyErr_Format(PyExc_ValueError, "Invalid rouge type: %s", s);
			goto fail;
		}
		self->idx[k] = (int)m;
		self->opts.measures |= precis_rouge_measure_flag(m);
	}
	self->nkeys = n;
	self->keys = PySequence_Tuple(seq);
	Py_DECREF(seq);
	return self->keys ? 0 : -1;
fail:
	Py_DECREF(seq);
	return -1;
}

static int rouge_init(RougeObject *self, PyObject *args, PyObject *kw)
{
	static char *kwlist[] = { "compat", "stem", "types", "score_cls", "lang", "alpha", NULL };
	int compat = PRECIS_ROUGE_SCORE, stem = 0;
	PyObject *types, *cls = Py_None;
	const char *lang = NULL;
	double alpha = 0.5;
	if (self->r) {
		PyErr_SetString(PyExc_RuntimeError, "Rouge is already initialised");
		return -1;
	}
	if (!PyArg_ParseTupleAndKeywords(args, kw, "ipO|Ozd:Rouge", kwlist, &compat, &stem, &types,
					 &cls, &lang, &alpha))
		return -1;
	if (compat < PRECIS_ROUGE_UNICODE || compat > PRECIS_ROUGE_155 || alpha < 0 || alpha > 1) {
		PyErr_SetString(PyExc_ValueError, "compat or alpha out of range");
		return -1;
	}
	Py_CLEAR(self->keys);
	Py_CLEAR(self->score_cls);
	self->opts = (precis_rouge_options)PRECIS_ROUGE_OPTIONS_INIT;
	self->opts.compat = (precis_rouge_compat)compat;
	self->opts.stem = stem;
	self->opts.alpha = alpha;
	if (lang) {
		if (strlen(lang) >= sizeof self->lang ||
		    (strcmp(lang, "auto") != 0 && !precis_language_supported(lang))) {
			PyErr_Format(PyExc_ValueError, "unsupported language '%s'", lang);
			return -1;
		}
		strcpy(self->lang, lang);
		self->opts.lang = self->lang;
	}
	if (set_keys(self, types) != 0)
		return -1;
	if (cls != Py_None)
		self->score_cls = Py_NewRef(cls);
	if (!self->batch_lock && !(self->batch_lock = PyThread_allocate_lock())) {
		PyErr_NoMemory();
		return -1;
	}
	int rc = precis_rouge_new(&self->r, &self->opts);
	if (rc) {
		raise_rouge(rc, -1);
		return -1;
	}
	return 0;
}

static void rouge_dealloc(RougeObject *self)
{
	precis_rouge_free(self->r);
	for (int t = 0; t < MAX_THREADS; t++)
		precis_rouge_free(self->workers[t]);
	if (self->batch_lock)
		PyThread_free_lock(self->batch_lock);
	Py_XDECREF(self->score_cls);
	Py_XDECREF(self->keys);
	Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *rouge_keys(RougeObject *self, void *unused)
{
	return Py_NewRef(self->keys ? self->keys : Py_None);
}

static PyMethodDef rouge_methods[] = {
	{ "score", (PyCFunction)(void (*)(void))rouge_score, METH_FASTCALL,
	  "score(target, prediction) -> dict\n\nEvery requested measure of prediction against "
	  "target." },
	{ "score_multi", (PyCFunction)rouge_score_multi, METH_VARARGS,
	  "score_multi(targets, prediction) -> dict\n\nPer measure the best target by F (the "
	  "first on ties); rouge155 mode pools the targets' counts instead." },
	{ "score_batch", (PyCFunction)(void (*)(void))rouge_score_batch,
	  METH_VARARGS | METH_KEYWORDS,
	  "score_batch(targets, predictions, threads=1) -> list[dict]\n\nScore pairs on "
	  "threads (0: one per core) with the GIL released. A target may be a list of "
	  "references (score_multi rules)." },
	{ NULL, NULL, 0, NULL }
};

static PyGetSetDef rouge_getset[] = {
	{ "types", (getter)rouge_keys, NULL, "measure names, in order", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

PyTypeObject px_rouge_type = {
	PyVarObject_HEAD_INIT(NULL, 0)
	.tp_name = "precis._precis.Rouge",
	.tp_basicsize = sizeof(RougeObject),
	.tp_dealloc = (destructor)rouge_dealloc,
	.tp_flags = Py_TPFLAGS_DEFAULT,
	.tp_doc = "Rouge(compat, stem, types, score_cls=None, lang=None, alpha=0.5)\n\n"
		  "A ROUGE scorer of the C library. Not thread-safe: one per thread.",
	.tp_methods = rouge_methods,
	.tp_getset = rouge_getset,
	.tp_init = (initproc)rouge_init,
	.tp_new = PyType_GenericNew,
};
