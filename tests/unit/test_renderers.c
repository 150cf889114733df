/*
 * Library renderers of meta and summary JSON (schema order, offsets,
 * streaming) and of eval's tables (every column in every row).
 */
#include <math.h>
#include <stdbool.h>

#include <jansson.h>

#include "testutil.h"

static const char article[] =
	"Central bank raises rates again\n\n"
	"The central bank raised interest rates on Tuesday, said Jerome Powell in Washington. "
	"Markets in London fell after the announcement on 12 March 2024. "
	"\"We will act again if inflation stays high,\" Jerome Powell said. "
	"Analysts expect another rise next month. "
	"Banks in Paris followed the decision within hours.\n";

static precis_doc *make_doc(void)
{
	precis_doc *doc = NULL;
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lang = "en";
	assert_int_equal(precis_doc_new(&doc, A, article, sizeof article - 1, &o, NULL), 0);
	return doc;
}

/* Render through a memory stream; returns the malloc'ed bytes. */
typedef int (*render_fn)(FILE *fp, void *ctx);

/* Not inlined: gcc 12 then takes the returned bytes for a pointer to the local buf. */
__attribute__((noinline)) static char *render(render_fn fn, void *ctx, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_non_null(mem);
	*rc = fn(mem, ctx);
	fclose(mem);
	return buf;
}

struct meta_ctx {
	const precis_doc *doc;
	const precis_meta *m;
	const char *pubdate;
};

static int meta_fn(FILE *fp, void *ctx)
{
	struct meta_ctx *c = ctx;
	return precis_report_meta_json(c->doc, c->m, "x.txt", c->pubdate, fp);
}

/* Every {text, start, end} of an array quotes the document at its offsets. */
static void check_spans(json_t *arr, const char *text)
{
	size_t i;
	json_t *x;
	json_array_foreach(arr, i, x) {
		size_t s = (size_t)json_integer_value(json_object_get(x, "start"));
		size_t e = (size_t)json_integer_value(json_object_get(x, "end"));
		json_t *t = json_object_get(x, "text");
		assert_true(s < e);
		assert_int_equal(json_string_length(t), e - s);
		assert_memory_equal(json_string_value(t), text + s, e - s);
	}
}

static void test_meta_json(void **state)
{
	(void)state;
	precis_doc *doc = make_doc();
	precis_meta *m = NULL;
	assert_int_equal(precis_meta_new(&m, A, doc, "2024-03-14"), 0);
	struct meta_ctx c = { doc, m, "2024-03-14" };
	int rc;
	char *out = render(meta_fn, &c, &rc);
	assert_int_equal(rc, 0);
	assert_int_equal(out[strlen(out) - 1], '\n');
	json_t *o = json_loads(out, 0, NULL);
	assert_non_null(o);
	/* docs/meta-schema.md: keys always in this order. */
	const char *keys[] = { "file", "headline", "outlet", "language", "date", "event_date",
			       "dates", "places", "persons", "agencies", "quotes",
			       "published", "dateline_place", "date_warning", "evidence" };
	size_t k = 0;
	const char *key;
	json_t *v;
	json_object_foreach(o, key, v) {
		assert_true(k < sizeof keys / sizeof keys[0]);
		assert_string_equal(key, keys[k++]);
	}
	assert_int_equal(k, sizeof keys / sizeof keys[0]);
	assert_string_equal(json_string_value(json_object_get(o, "file")), "x.txt");
	assert_string_equal(json_string_value(json_object_get(o, "date")), "2024-03-14");
	assert_string_equal(json_string_value(json_object_get(o, "language")), "en");
	json_t *dates = json_object_get(o, "dates");
	assert_true(json_array_size(dates) >= 1);
	check_spans(dates, precis_doc_text(doc, NULL));
	check_spans(json_object_get(o, "quotes"), precis_doc_text(doc, NULL));
	size_t i;
	json_array_foreach(dates, i, v) {
		precis_date_kind kind;
		const char *name = json_string_value(json_object_get(v, "kind"));
		for (kind = PRECIS_DATE_FULL; kind <= PRECIS_DATE_RELATIVE; kind++)
			if (strcmp(precis_date_kind_name(kind), name) == 0)
				break;
		assert_true(kind <= PRECIS_DATE_RELATIVE);
	}
	json_decref(o);
	free(out);
	/* Without a publication date: "date" is null. */
	c.pubdate = NULL;
	out = render(meta_fn, &c, &rc);
	assert_int_equal(rc, 0);
	o = json_loads(out, 0, NULL);
	assert_true(json_is_null(json_object_get(o, "date")));
	json_decref(o);
	free(out);
	assert_int_equal(precis_report_meta_json(doc, NULL, "x", NULL, stdout), PRECIS_EINVAL);
	precis_meta_free(m);
	precis_doc_free(doc);
}

struct sum_ctx {
	const precis_doc *doc;
	const precis_summary *s;
	size_t entries;
};

static int summaries_fn(FILE *fp, void *ctx)
{
	struct sum_ctx *c = ctx;
	for (size_t i = 0; i < c->entries; i++) {
		int rc = precis_report_summary_json(c->doc, c->s, i ? "b.txt" : "a.txt", i, fp);
		if (rc)
			return rc;
	}
	return precis_report_summary_json_end(c->entries, fp);
}

/* Streamed entry by entry, the bytes are what jansson writes for the whole document. */
static void test_summary_json(void **state)
{
	(void)state;
	precis_doc *doc = make_doc();
	precis_summary *s = NULL;
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	so.sentences = 2;
	assert_int_equal(precis_summarize(&s, doc, &so), 0);
	for (size_t entries = 0; entries <= 2; entries++) {
		struct sum_ctx c = { doc, s, entries };
		int rc;
		char *out = render(summaries_fn, &c, &rc);
		assert_int_equal(rc, 0);
		json_t *o = json_loads(out, 0, NULL);
		assert_non_null(o);
		json_t *arr = json_object_get(o, "summaries");
		assert_int_equal(json_array_size(arr), entries);
		char *whole = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
		size_t n = strlen(whole);
		assert_int_equal(strlen(out), n + 1);
		assert_memory_equal(out, whole, n);
		assert_int_equal(out[n], '\n');
		free(whole);
		size_t i;
		json_t *e;
		json_array_foreach(arr, i, e) {
			assert_string_equal(json_string_value(json_object_get(e, "file")),
					    i ? "b.txt" : "a.txt");
			json_t *picks = json_object_get(e, "summary");
			assert_int_equal(json_array_size(picks), 2);
			check_spans(picks, precis_doc_text(doc, NULL));
		}
		json_decref(o);
		free(out);
	}
	precis_summary_free(s);
	precis_doc_free(doc);
}

struct line_ctx {
	const precis_doc *doc;
	const precis_summary *s;
	const char *id;
};

static int line_fn(FILE *fp, void *ctx)
{
	struct line_ctx *c = ctx;
	return precis_report_summary_jsonl(c->doc, c->s, c->id, 7, fp);
}

static void test_summary_jsonl(void **state)
{
	(void)state;
	precis_doc *doc = make_doc();
	precis_summary *s = NULL;
	precis_summary_options so = PRECIS_SUMMARY_OPTIONS_INIT;
	assert_int_equal(precis_summarize(&s, doc, &so), 0);
	const char *ids[] = { "42", "\"a-1\"", NULL };
	for (size_t i = 0; i < 3; i++) {
		struct line_ctx c = { doc, s, ids[i] };
		int rc;
		char *out = render(line_fn, &c, &rc);
		assert_int_equal(rc, 0);
		assert_null(strchr(out, '\n'));
		json_t *o = json_loads(out, 0, NULL);
		assert_non_null(o);
		if (i == 0)
			assert_int_equal(json_integer_value(json_object_get(o, "id")), 42);
		else if (i == 1)
			assert_string_equal(json_string_value(json_object_get(o, "id")), "a-1");
		else
			assert_int_equal(json_integer_value(json_object_get(o, "line")), 7);
		json_t *idx = json_object_get(o, "indices");
		assert_int_equal(json_array_size(idx), precis_summary_count(s));
		assert_int_equal(json_array_size(json_object_get(o, "summary")),
				 precis_summary_count(s));
		for (size_t k = 0; k < precis_summary_count(s); k++)
			assert_int_equal(json_integer_value(json_array_get(idx, k)),
					 precis_summary_picks(s)[k].index);
		json_decref(o);
		free(out);
	}
	struct line_ctx bad = { doc, s, "[1]" };
	int rc;
	free(render(line_fn, &bad, &rc));
	assert_int_equal(rc, PRECIS_EINVAL);
	precis_summary_free(s);
	precis_doc_free(doc);
}

/* ------------------------------------------------------------ eval tables */

static const char *const eval_refs[] = { "The central bank raised interest rates on Tuesday.",
					  "Markets fell after the announcement." };
static const char *const eval_outputs[] = { "Markets in London fell.", NULL };
static const char *const eval_names[] = { "lead", "ext" };
static const size_t eval_pairs[] = { 0, 1 };

static precis_eval_result *eval_result(precis_eval_options *o)
{
	precis_eval_record recs[2] = {
		{ "r1", article, NULL, &eval_refs[0], 1 },
		{ "r2", article + 33, NULL, &eval_refs[1], 1 },
	};
	precis_eval_system sys[2];
	assert_int_equal(precis_eval_system_from_name(&sys[0], "lead"), 0);
	sys[1] = (precis_eval_system){ "ext", PRECIS_ALG_DEFAULT, 0, false, eval_outputs };
	o->samples = 50;
	precis_eval_result *r = NULL;
	assert_int_equal(precis_eval_run(&r, recs, 2, sys, 2, o), 0);
	return r;
}

struct eval_ctx {
	const precis_eval_result *r;
	const precis_eval_options *o;
	int format; /* 0 md, 1 csv, 2 json, 3 per-doc lines of record 1, 4 a bad pair */
};

static int eval_fn(FILE *fp, void *ctx)
{
	struct eval_ctx *c = ctx;
	switch (c->format) {
	case 0:
		return precis_report_eval_md(c->r, eval_names, eval_pairs, 1, c->o, fp);
	case 1:
		return precis_report_eval_csv(c->r, eval_names, eval_pairs, 1, c->o, fp);
	case 2:
		return precis_report_eval_json(c->r, eval_names, eval_pairs, 1, c->o, fp);
	case 3:
		return precis_report_eval_doc_jsonl(c->r, eval_names, 1, "r2", fp);
	default: {
		static const size_t bad_pairs[] = { 0, 2 };
		return precis_report_eval_md(c->r, eval_names, bad_pairs, 1, c->o, fp);
	}
	}
}

static size_t count_char(const char *s, const char *end, char ch)
{
	size_t n = 0;
	for (; s < end; s++)
		n += *s == ch;
	return n;
}

/* Markdown: every row of a table has its table's cell count. */
static void check_eval_md(const char *out)
{
	assert_non_null(strstr(out, "2 documents"));
	size_t rows = 0, pair_rows = 0;
	for (const char *l = out; *l; l = strchr(l, '\n') + 1) {
		const char *end = strchr(l, '\n');
		assert_non_null(end);
		if (*l != '|')
			continue;
		size_t bars = count_char(l, end, '|');
		/* system + 3 measures x (P, R, F [CI]), or A, B and three p-values */
		assert_true(bars == 11 || bars == 6);
		rows += bars == 11;
		pair_rows += bars == 6;
		if (bars == 11 && strncmp(l, "| system", 8) != 0 && l[1] != '-')
			assert_int_equal(count_char(l, end, '['), 3);
	}
	assert_int_equal(rows, 2 + 2);      /* header, rule, two systems */
	assert_int_equal(pair_rows, 2 + 1); /* header, rule, one pair */
}

/* CSV: nine fields per line; scores fill columns 4-8, pairs only the last. */
static void check_eval_csv(const char *out)
{
	const char *l = out;
	assert_int_equal(strncmp(l, "system,versus,measure,p,r,f,f_lo,f_hi,p_value\n", 46), 0);
	size_t lines = 0;
	for (l = strchr(l, '\n') + 1; *l; l = strchr(l, '\n') + 1, lines++) {
		const char *end = strchr(l, '\n');
		assert_int_equal(count_char(l, end, ','), 8);
		bool pair = lines >= 6;
		assert_int_equal(end[-1] != ',', pair);
		assert_int_equal(strstr(l, ",,,,,,") != NULL && strstr(l, ",,,,,,") < end, pair);
	}
	assert_int_equal(lines, 2 * 3 + 1 * 3);
}

static void check_eval_json(const char *out, const precis_eval_result *r)
{
	json_t *root = json_loads(out, 0, NULL);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "documents")), 2);
	json_t *systems = json_object_get(root, "systems");
	assert_int_equal(json_array_size(systems), 2);
	for (size_t s = 0; s < 2; s++) {
		json_t *o = json_array_get(systems, s);
		assert_string_equal(json_string_value(json_object_get(o, "system")), eval_names[s]);
		for (int m = 0; m < PRECIS_EVAL_MEASURES; m++) {
			json_t *x = json_object_get(o, precis_eval_measure_name(m));
			precis_prf mean;
			assert_int_equal(precis_eval_mean(&mean, r, s, m), 0);
			assert_true(fabs(json_real_value(json_object_get(x, "f")) - mean.f) < 1e-6);
			assert_true(json_is_real(json_object_get(x, "p")));
			assert_true(json_is_real(json_object_get(x, "r")));
			assert_int_equal(json_array_size(json_object_get(x, "f_ci95")), 2);
		}
	}
	json_t *cmp = json_array_get(json_object_get(root, "compare"), 0);
	assert_string_equal(json_string_value(json_object_get(cmp, "b")), "ext");
	for (int m = 0; m < PRECIS_EVAL_MEASURES; m++)
		assert_true(json_is_real(json_object_get(cmp, precis_eval_measure_name(m))));
	json_decref(root);
}

/* Per-doc: one line per system; the system without an output says so. */
static void check_eval_doc(const char *out)
{
	const char *nl = strchr(out, '\n');
	assert_non_null(nl);
	assert_int_equal(count_char(out, out + strlen(out), '\n'), 2);
	for (size_t s = 0; s < 2; s++, out = nl + 1, nl = strchr(out, '\n')) {
		json_t *o = json_loadb(out, (size_t)(nl - out), 0, NULL);
		assert_non_null(o);
		assert_string_equal(json_string_value(json_object_get(o, "id")), "r2");
		assert_string_equal(json_string_value(json_object_get(o, "system")), eval_names[s]);
		for (int m = 0; m < PRECIS_EVAL_MEASURES; m++)
			assert_int_equal(json_object_size(json_object_get(o,
						  precis_eval_measure_name(m))), 3);
		assert_int_equal(json_is_true(json_object_get(o, "missing")), s == 1);
		json_decref(o);
	}
}

static void test_eval_tables(void **state)
{
	(void)state;
	precis_eval_options o = PRECIS_EVAL_OPTIONS_INIT;
	precis_eval_result *r = eval_result(&o);
	for (int f = 0; f < 4; f++) {
		struct eval_ctx c = { r, &o, f };
		int rc;
		char *out = render(eval_fn, &c, &rc);
		assert_int_equal(rc, 0);
		if (f == 0)
			check_eval_md(out);
		else if (f == 1)
			check_eval_csv(out);
		else if (f == 2)
			check_eval_json(out, r);
		else
			check_eval_doc(out);
		free(out);
	}
	/* A pair naming no system is refused before anything is written. */
	struct eval_ctx c = { r, &o, 4 };
	int rc;
	char *out = render(eval_fn, &c, &rc);
	assert_int_equal(rc, PRECIS_EINVAL);
	assert_string_equal(out, "");
	free(out);
	precis_eval_result_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_json),
		cmocka_unit_test(test_summary_json),
		cmocka_unit_test(test_summary_jsonl),
		cmocka_unit_test(test_eval_tables),
	};
	return cmocka_run_group_tests_name("renderers", tests, tu_setup, tu_teardown);
}
