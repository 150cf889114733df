/* Library renderers of meta and summary JSON: schema order, offsets, streaming. */
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

static char *render(render_fn fn, void *ctx, int *rc)
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_json),
		cmocka_unit_test(test_summary_json),
		cmocka_unit_test(test_summary_jsonl),
	};
	return cmocka_run_group_tests_name("renderers", tests, tu_setup, tu_teardown);
}
