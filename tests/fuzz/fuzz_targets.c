/*
 * libFuzzer targets, one per entry point that reads untrusted bytes. Built
 * by `make fuzz` with -DFUZZ_<NAME>; `make test` replays the committed
 * corpora (tests/fuzz/corpus/<name>/) through the same code under ASan and
 * UBSan with tests/fuzz/replay.c. Each target also checks invariants:
 * summaries are in-order subsets of the sentences, scores are finite,
 * ROUGE lies in [0, 1] and F is symmetric for one reference.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "precis.h"
#include "sentence.h"
#include "clean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void must(int cond)
{
	if (!cond)
		abort();
}

/* Valid text from arbitrary bytes: the library's own repair. */
static inline precis_doc *doc_of(precis_analyzer *a, const uint8_t *data, size_t size, bool clean)
{
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lossy = true;
	o.clean = clean;
	o.lang = size && (data[0] & 1) ? "fr" : "en";
	precis_doc *d = NULL;
	if (precis_doc_new(&d, a, (const char *)data, size, &o, NULL) != 0)
		return NULL;
	return d;
}

#if defined(FUZZ_SPLIT)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_analyzer *a;
	if (precis_analyzer_new(&a))
		return 0;
	precis_doc *d = doc_of(a, data, size, false);
	if (d) {
		size_t len;
		precis_doc_text(d, &len);
		size_t prev = 0;
		for (size_t i = 0; i < precis_doc_sentence_count(d); i++) {
			precis_span s = precis_doc_sentence(d, i);
			must(s.start >= prev && s.end > s.start && s.end <= len);
			prev = s.end;
		}
	}
	precis_doc_free(d);
	precis_analyzer_free(a);
	return 0;
}
#elif defined(FUZZ_CLEAN)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_analyzer *a;
	if (precis_analyzer_new(&a))
		return 0;
	precis_doc_options o = PRECIS_DOC_OPTIONS_INIT;
	o.lossy = true;
	precis_cleaned *c;
	if (precis_clean_new(&c, a, (const char *)data, size, &o, NULL) == 0) {
		size_t len;
		precis_cleaned_text(c, &len);
		for (size_t i = 0; i < precis_cleaned_line_count(c); i++) {
			const char *reason;
			precis_span s = precis_cleaned_line(c, i, &reason);
			must(s.end <= len && s.start < s.end);
		}
		precis_span h = precis_cleaned_headline(c);
		must(h.start <= h.end && h.end <= len);
		precis_cleaned_free(c);
	}
	precis_analyzer_free(a);
	return 0;
}
#elif defined(FUZZ_SUMMARIZE)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_analyzer *a;
	if (precis_analyzer_new(&a))
		return 0;
	precis_doc *d = doc_of(a, data, size, true);
	if (d) {
		precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
		o.algorithm = size ? (precis_algorithm)(data[size - 1] % 6) : PRECIS_ALG_DEFAULT;
		o.words = size > 1 && (data[1] & 1) ? 20 : 0;
		o.truncate = size > 1 && (data[1] & 2);
		precis_summary *s;
		if (precis_summarize(&s, d, &o) == 0) {
			size_t n;
			const double *sc = precis_summary_scores(s, &n);
			for (size_t i = 0; i < n; i++)
				must(isfinite(sc[i]));
			const precis_pick *p = precis_summary_picks(s);
			for (size_t k = 1; k < precis_summary_count(s); k++)
				must(p[k].index > p[k - 1].index); /* in document order, no repeats */
			for (size_t k = 0; k < precis_summary_count(s); k++) {
				precis_span full = precis_doc_sentence(d, p[k].index);
				must(p[k].span.start == full.start && p[k].span.end <= full.end);
			}
			precis_summary_free(s);
		}
		precis_meta *m;
		if (precis_meta_new(&m, a, d, "2024-01-31") == 0)
			precis_meta_free(m);
		precis_doc_free(d);
	}
	precis_analyzer_free(a);
	return 0;
}
#elif defined(FUZZ_ROUGE)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Two texts split at the first 0xFF byte; both modes; F symmetric. */
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t la = sep ? (size_t)(sep - data) : size / 2;
	char *x = malloc(la + 1), *y = malloc(size - la + 1);
	if (!x || !y)
		goto out;
	memcpy(x, data, la);
	x[la] = 0;
	size_t lb = size - la - (sep ? 1 : 0);
	memcpy(y, data + (size - lb), lb);
	y[lb] = 0;
	for (int m = 0; m < 3; m++) {
		precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
		o.compat = (precis_rouge_compat)m;
		o.stem = size & 1;
		o.lang = "fr";
		precis_rouge *r;
		if (precis_rouge_new(&r, &o))
			continue;
		precis_rouge_scores s1, s2;
		const char *rx = x, *ry = y;
		if (precis_rouge_score(&s1, r, x, &ry, 1) == 0 &&
		    precis_rouge_score(&s2, r, y, &rx, 1) == 0) {
			const precis_prf *v = &s1.rouge1;
			for (size_t k = 0; k < sizeof s1 / sizeof(precis_prf); k++)
				must(v[k].p >= 0 && v[k].p <= 1 && v[k].r >= 0 && v[k].r <= 1 &&
				     v[k].f >= 0 && v[k].f <= 1 && isfinite(v[k].f));
			must(fabs(s1.rouge1.f - s2.rouge1.f) < 1e-9);
			must(fabs(s1.rouge2.f - s2.rouge2.f) < 1e-9);
		}
		precis_rouge_free(r);
	}
out:
	free(x);
	free(y);
	return 0;
}
#elif defined(FUZZ_JSONL)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The JSON records precis reads: parse, then summarize the text field. */
	json_error_t e;
	json_t *v = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &e);
	if (!v)
		return 0;
	json_t *t = json_object_get(v, "text");
	if (json_is_string(t)) {
		precis_analyzer *a;
		if (precis_analyzer_new(&a) == 0) {
			precis_doc *d = doc_of(a, (const uint8_t *)json_string_value(t),
					       json_string_length(t), true);
			precis_summary *s;
			if (d && precis_summarize(&s, d, NULL) == 0)
				precis_summary_free(s);
			precis_doc_free(d);
			precis_analyzer_free(a);
		}
	}
	json_decref(v);
	return 0;
}
#elif defined(FUZZ_COMPARE)
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Up to four articles separated by 0xFF bytes. */
	precis_article_input in[4];
	char ids[4][8];
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= size && n < 4; i++) {
		if (i == size || data[i] == 0xFF) {
			snprintf(ids[n], sizeof ids[n], "a%zu", n);
			in[n] = (precis_article_input){ ids[n], (const char *)data + start, i - start,
							NULL, NULL, n % 2 ? "2024-06-18" : NULL, NULL };
			n++;
			start = i + 1;
		}
	}
	precis_analyzer *a;
	if (precis_analyzer_new(&a))
		return 0;
	precis_comparison *c;
	if (precis_compare_new(&c, a, in, n, NULL, NULL) == 0) {
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		if (fp) {
			precis_report_md(c, fp);
			precis_report_html(c, fp);
			precis_report_json(c, fp);
			fclose(fp);
		}
		free(buf);
		precis_comparison_free(c);
	}
	precis_analyzer_free(a);
	return 0;
}
#elif defined(FUZZ_TOKENS)
#include "analyze.h"
static int on_word(const px_word *w, void *ctx)
{
	(void)ctx;
	must(w->start < w->end && w->form_len > 0 && w->stem_len > 0);
	return 0;
}
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	precis_analyzer *a;
	if (precis_analyzer_new(&a))
		return 0;
	precis_doc *d = doc_of(a, data, size, false);
	if (d) {
		size_t len;
		const char *t = precis_doc_text(d, &len);
		static const char *const langs[] = { "fr", "en", "de", "ru", "ar", "el" };
		px_analyze(a, langs[size % 6], t, len, PX_ANALYZE_STEM, on_word, NULL);
		const char *code;
		precis_detect_language(&code, a, t, len);
		must(precis_language_supported(code));
		precis_doc_free(d);
	}
	precis_analyzer_free(a);
	return 0;
}
#elif defined(FUZZ_HTML)
/*
 * HTML pages and WARC files: bytes starting with "WARC" or a gzip magic are
 * read as a WARC file (each HTML record extracted), anything else as a page
 * (the first byte's low bit says "came as a JSON string"). Text and fields
 * must be valid UTF-8 without NUL.
 */
#include "text.h"
static void check_page(const char *b, size_t n, bool unicode, const char *charset)
{
	precis_html_options o = PRECIS_HTML_OPTIONS_INIT;
	o.unicode = unicode;
	o.charset = charset;
	precis_page *p = NULL;
	if (precis_html_extract(&p, b, n, &o, NULL) != 0)
		return;
	size_t len;
	const char *t = precis_page_text(p, &len);
	must(strlen(t) == len && px_text_check(t, len, NULL) == 0);
	for (int f = 0; f < PRECIS_PAGE_FIELD_COUNT; f++) {
		const char *src, *v = precis_page_field_get(p, (precis_page_field)f, &src);
		must((v == NULL) == (src == NULL));
		must(!v || px_text_check(v, strlen(v), NULL) == 0);
	}
	precis_page_free(p);
}
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if ((size >= 4 && memcmp(data, "WARC", 4) == 0) ||
	    (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)) {
		FILE *fp = fmemopen((void *)data, size, "rb");
		if (!fp)
			return 0;
		precis_warc_reader *r;
		if (precis_warc_reader_new(&r, fp) == 0) {
			const precis_warc_record *rec;
			int rc, guard = 0;
			while ((rc = precis_warc_reader_next(r, &rec, NULL)) != 0 && rc != PRECIS_EIO &&
			       guard++ < 10000) {
				if (rc == 1 && rec->html)
					check_page(rec->body, rec->body_len, false, rec->charset);
			}
			precis_warc_reader_free(r);
		}
		fclose(fp);
		return 0;
	}
	check_page((const char *)data, size, size && (data[0] & 1), NULL);
	return 0;
}
#endif
