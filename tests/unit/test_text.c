/* Unit tests: UTF-8 validation and repair, tokenizer, analyzer, language detection. */
#include "testutil.h"

#include "analyze.h"
#include "text.h"
#include "token.h"

static void test_valid_utf8(void **state)
{
	(void)state;
	const char *ok = "L\xE2\x80\x99\xC3\x89tat \xC2\xAB ok \xC2\xBB";
	assert_int_equal(px_text_check(ok, strlen(ok), NULL), 0);
}

static void check_bad(const char *s, size_t len, int code, size_t offset)
{
	precis_error err = { 0 };
	assert_int_equal(px_text_check(s, len, &err), code);
	assert_int_equal(err.code, code);
	assert_int_equal(err.offset, offset);
	assert_true(strlen(err.message) > 0);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	check_bad("ab\xC0\xAF", 4, PRECIS_EUTF8, 2);         /* overlong '/' */
	check_bad("a\xED\xA0\x80z", 5, PRECIS_EUTF8, 1);     /* surrogate U+D800 */
	check_bad("abc\xE2\x82", 5, PRECIS_EUTF8, 3);        /* truncated */
	check_bad("\x80xyz", 4, PRECIS_EUTF8, 0);            /* stray continuation */
	check_bad("a\xF4\x90\x80\x80", 5, PRECIS_EUTF8, 1);  /* beyond U+10FFFF */
	check_bad("ab\0cd", 5, PRECIS_EBINARY, 2);
	check_bad("\xFF\xFEh\0i\0", 6, PRECIS_EBINARY, 0);   /* UTF-16 LE BOM */
}

static void test_repair(void **state)
{
	(void)state;
	char *out;
	size_t len;
	assert_int_equal(px_text_repair(&out, &len, "a\xC0\xAF" "b", 4), 0);
	assert_string_equal(out, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	assert_int_equal(px_text_check(out, len, NULL), 0);
	free(out);
}

static void test_classes(void **state)
{
	(void)state;
	assert_true(px_cp_is_space(0xA0));
	assert_true(px_cp_is_space(0x202F));
	assert_true(px_cp_is_space('\r'));
	assert_false(px_cp_is_space('a'));
	assert_true(px_cp_is_letter(0xE9));   /* é */
	assert_true(px_cp_is_letter(0x301));  /* combining acute */
	assert_true(px_cp_is_digit(0x663));   /* Arabic-Indic three */
	assert_true(px_cp_is_upper(0xC9));    /* É */
}

static void test_fold(void **state)
{
	(void)state;
	char buf[64];
	/* Decomposed E + combining acute composes (NFC) and folds to é. */
	size_t n = px_fold_into(buf, sizeof buf, "E\xCC\x81TAT", 6);
	assert_int_equal(n, 5);
	assert_string_equal(buf, "\xC3\xA9tat");
	n = px_fold_into(buf, sizeof buf, "Stra\xC3\x9F" "e", 8);
	assert_string_equal(buf, "strasse");
	assert_int_equal(px_fold_into(buf, 3, "ABCDEF", 6), (size_t)-1);
	/* Latin-1 fast path: capitals fold, the multiplication sign does not. */
	n = px_fold_into(buf, sizeof buf, "\xC3\x89T\xC3\x89 \xC3\x97 \xC3\x80", 11);
	assert_string_equal(buf, "\xC3\xA9t\xC3\xA9 \xC3\x97 \xC3\xA0");
	/* U+0178 (Y with diaeresis) lives outside Latin-1 but folds into it. */
	px_fold_into(buf, sizeof buf, "\xC5\xB8", 2);
	assert_string_equal(buf, "\xC3\xBF");
}

/* UTF-8 encoding of one code point (cp < 0x10000), for the exhaustive tests. */
static size_t put_cp(char *b, unsigned cp)
{
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	b[0] = (char)(0xE0 | cp >> 12);
	b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	b[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Every code point the hand-written Latin-1 fast path of px_fold_into claims. */
static size_t fast_path_cps(unsigned *cps)
{
	size_t n = 0;
	for (unsigned cp = 0; cp <= 0xFF; cp++)
		cps[n++] = cp;
	for (unsigned cp = 0x2002; cp <= 0x203F; cp++)
		cps[n++] = cp;
	cps[n++] = 0x20AC;
	return n;
}

static void expect_same_fold(const char *s, size_t len)
{
	char fast[64];
	char *ref = NULL;
	size_t reflen = 0;
	assert_int_equal(px_fold(&ref, &reflen, s, len), 0);
	size_t n = px_fold_into(fast, sizeof fast, s, len);
	if (n != reflen || memcmp(fast, ref, reflen) != 0) {
		char hex[3 * 16 + 1] = "";
		for (size_t i = 0; i < len && i < 16; i++)
			snprintf(hex + 3 * i, 4, "%02X ", (unsigned char)s[i]);
		fail_msg("fold of [%s]: fast path gives %zu bytes, utf8proc %zu", hex, n, reflen);
	}
	free(ref);
}

/*
 * utf8proc's test/case.c idea: the fast path must give utf8proc's bytes for
 * every code point it claims, alone, in every pair and beside ASCII capitals.
 */
static void test_fold_fast_path_exhaustive(void **state)
{
	(void)state;
	unsigned cps[256 + 62 + 1];
	size_t n = fast_path_cps(cps);
	for (size_t i = 0; i < n; i++) {
		char b[16];
		size_t k = put_cp(b, cps[i]);
		expect_same_fold(b, k);
		b[k] = 'Q';
		expect_same_fold(b, k + 1);
		for (size_t j = 0; j < n; j++) {
			size_t m = k + put_cp(b + k, cps[j]);
			expect_same_fold(b, m);
		}
	}
}

struct toks {
	char words[32][64];
	int n;
	const char *src;
};

static int collect(const px_token *t, void *ctx)
{
	struct toks *k = ctx;
	snprintf(k->words[k->n++], 64, "%.*s", (int)(t->end - t->start), k->src + t->start);
	return 0;
}

static void expect_tokens(const char *lang, const char *s, const char *const *want, int n)
{
	struct toks k = { .n = 0, .src = s };
	assert_int_equal(px_tokenize(s, strlen(s), lang, collect, &k), 0);
	assert_int_equal(k.n, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(k.words[i], want[i]);
}

static void test_tokenize(void **state)
{
	(void)state;
	const char *fr[] = { "\xC3\x89tat", "accord", "il", "aujourd'hui", ("nord-cor\xC3\xA9" "en") };
	expect_tokens("fr", "l\xE2\x80\x99\xC3\x89tat, d'accord qu\xE2\x80\x99il aujourd'hui nord-cor\xC3\xA9" "en.",
		      fr, 5);
	const char *nums[] = { "3.5", "2.600", "1,5", "10h30", "2019" };
	expect_tokens("fr", "3.5 2.600 1,5 10h30 (2019).", nums, 5);
	/* English keeps apostrophes inside words; no elision rule applies. */
	const char *en[] = { "don't", "Putin's", "e", "g" };
	expect_tokens("en", "don't -- Putin's e.g.", en, 4);
	const char *edge[] = { "a", "b" };
	expect_tokens("fr", "-a- 'b'", edge, 2);
}

struct words {
	char stems[32][64];
	int stop[32];
	int n;
};

static int on_word(const px_word *w, void *ctx)
{
	struct words *k = ctx;
	snprintf(k->stems[k->n], 64, "%s", w->stem);
	k->stop[k->n++] = w->stop;
	return 0;
}

static void test_analyze(void **state)
{
	(void)state;
	precis_analyzer *a;
	assert_int_equal(precis_analyzer_new(&a), 0);
	struct words k = { .n = 0 };
	const char *s = "Les pr\xC3\xA9sidents ont rencontr\xC3\xA9 l\xE2\x80\x99\xC3\x89tat";
	assert_int_equal(px_analyze(a, "fr", s, strlen(s), PX_ANALYZE_STEM, on_word, &k), 0);
	assert_int_equal(k.n, 5);
	assert_true(k.stop[0]);             /* les */
	assert_string_equal(k.stems[1], "pr\xC3\xA9sident");
	assert_false(k.stop[1]);
	assert_string_equal(k.stems[3], "rencontr");
	assert_string_equal(k.stems[4], "\xC3\xA9tat");
	assert_int_equal(px_analyze(a, "xx", s, strlen(s), 0, on_word, &k), PRECIS_ELANG);
	precis_analyzer_free(a);
}

static void test_detect(void **state)
{
	(void)state;
	precis_analyzer *a;
	assert_int_equal(precis_analyzer_new(&a), 0);
	const char *code;
	const char *fr = "Le président a rencontré les journalistes dans la capitale pour une "
			 "conférence sur la situation.";
	const char *en = "The president met the reporters in the capital for a conference about "
			 "the situation.";
	const char *de = "Der Präsident traf die Journalisten in der Hauptstadt und sprach mit "
			 "ihnen über die Lage.";
	const char *es = "El presidente se reunió con los periodistas en la capital para una "
			 "conferencia sobre la situación.";
	assert_int_equal(precis_detect_language(&code, a, fr, strlen(fr)), 0);
	assert_string_equal(code, "fr");
	precis_detect_language(&code, a, en, strlen(en));
	assert_string_equal(code, "en");
	precis_detect_language(&code, a, de, strlen(de));
	assert_string_equal(code, "de");
	precis_detect_language(&code, a, es, strlen(es));
	assert_string_equal(code, "es");
	precis_detect_language(&code, a, "", 0);
	assert_string_equal(code, "en");
	precis_analyzer_free(a);
}

static void test_languages(void **state)
{
	(void)state;
	size_t n = 0;
	for (const char *const *l = precis_languages(); *l; l++) {
		assert_true(precis_language_supported(*l));
		n++;
	}
	assert_true(n >= 20);
	assert_false(precis_language_supported("xx"));
	assert_false(precis_language_supported(NULL));
	/* Every supported language has a working stemmer and stop list. */
	precis_analyzer *a;
	assert_int_equal(precis_analyzer_new(&a), 0);
	struct words k;
	for (const char *const *l = precis_languages(); *l; l++) {
		k.n = 0;
		assert_int_equal(px_analyze(a, *l, "word", 4, PX_ANALYZE_STEM, on_word, &k), 0);
		assert_int_equal(k.n, 1);
	}
	precis_analyzer_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8), cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_repair),     cmocka_unit_test(test_classes),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_fast_path_exhaustive),
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_analyze),    cmocka_unit_test(test_detect),
		cmocka_unit_test(test_languages),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
