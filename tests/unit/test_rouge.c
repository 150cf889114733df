/*
 * ROUGE: every development vector of ../shared/data/rouge/dev_vectors.jsonl
 * (rouge-score fields to 1e-6, ROUGE-1.5.5 fields exactly as printed), the
 * two Porter variants against NLTK and ROUGE-1.5.5 on known words, and
 * hand-computed ROUGE-W / SU4 / union-LCS cases.
 */
#include "testutil.h"

#include <math.h>

#include <jansson.h>

#include "porter.h"

#define VECTORS SHARED_DIR "/data/rouge/dev_vectors.jsonl"

static precis_rouge *make(precis_rouge_compat compat, bool stem)
{
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = compat;
	o.stem = stem;
	precis_rouge *r;
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	return r;
}

static const precis_prf *pick(const precis_rouge_scores *s, const char *name)
{
	if (strcmp(name, "rouge1") == 0)
		return &s->rouge1;
	if (strcmp(name, "rouge2") == 0)
		return &s->rouge2;
	if (strcmp(name, "rougeL") == 0)
		return &s->rougeL;
	return &s->rougeLsum;
}

/* Compare one tool's expected block; returns the number of mismatching fields. */
static int compare(const char *id, const char *mode, json_t *expect, const precis_rouge_scores *s,
		   bool exact)
{
	int bad = 0;
	const char *measure;
	json_t *prf;
	json_object_foreach(expect, measure, prf) {
		const precis_prf *got = pick(s, measure);
		const char *k;
		json_t *v;
		json_object_foreach(prf, k, v) {
			double want = json_number_value(v);
			double g = k[0] == 'p' ? got->p : k[0] == 'r' ? got->r : got->f;
			bool ok;
			if (exact) {
				char a[32], b[32];
				snprintf(a, sizeof a, "%.5f", g);
				snprintf(b, sizeof b, "%.5f", want);
				ok = strcmp(a, b) == 0;
			} else {
				ok = fabs(g - want) <= 1e-6;
			}
			if (!ok) {
				bad++;
				print_message("%s %s %s.%s: got %.10f want %.10f\n", id, mode, measure, k, g,
					      want);
			}
		}
	}
	return bad;
}

static void test_dev_vectors(void **state)
{
	(void)state;
	FILE *fp = fopen(VECTORS, "r");
	if (!fp) {
		print_message("skipped: %s not found\n", VECTORS);
		skip();
	}
	precis_rouge *rs[2] = { make(PRECIS_ROUGE_SCORE, false), make(PRECIS_ROUGE_SCORE, true) };
	precis_rouge *rp[2] = { make(PRECIS_ROUGE_155, false), make(PRECIS_ROUGE_155, true) };
	char *line = NULL;
	size_t cap = 0, n = 0;
	int bad = 0, fields = 0;
	while (getline(&line, &cap, fp) > 0) {
		json_error_t err;
		json_t *v = json_loads(line, 0, &err);
		assert_non_null(v);
		const char *id = json_string_value(json_object_get(v, "id"));
		const char *cand = json_string_value(json_object_get(v, "candidate"));
		json_t *refs = json_object_get(v, "references");
		const char *rv[8];
		size_t nr = json_array_size(refs);
		for (size_t k = 0; k < nr && k < 8; k++)
			rv[k] = json_string_value(json_array_get(refs, k));
		for (int st = 0; st < 2; st++) {
			const char *mode = st ? "stem" : "nostem";
			precis_rouge_scores s;
			json_t *rsb = json_object_get(v, "rouge_score");
			if (json_is_object(rsb)) {
				assert_int_equal(precis_rouge_score(&s, rs[st], cand, rv, nr), 0);
				bad += compare(id, mode, json_object_get(rsb, mode), &s, false);
				fields += 12;
			}
			json_t *p5 = json_object_get(v, "rouge155");
			assert_int_equal(precis_rouge_score(&s, rp[st], cand, rv, nr), 0);
			bad += compare(id, mode, json_object_get(p5, mode), &s, true);
			fields += 9;
		}
		json_decref(v);
		n++;
	}
	free(line);
	fclose(fp);
	for (int k = 0; k < 2; k++) {
		precis_rouge_free(rs[k]);
		precis_rouge_free(rp[k]);
	}
	print_message("dev vectors: %zu vectors, %d of %d fields wrong\n", n, bad, fields);
	assert_true(n >= 100);
	assert_int_equal(bad, 0);
}

static void stems(size_t (*fn)(char *, const char *, size_t), const char *const *pairs)
{
	for (; *pairs; pairs += 2) {
		char out[64];
		size_t n = fn(out, pairs[0], strlen(pairs[0]));
		if (strlen(pairs[1]) != n || memcmp(out, pairs[1], n) != 0)
			fail_msg("stem(%s) = %.*s, want %s", pairs[0], (int)n, out, pairs[1]);
	}
}

static void test_porter_variants(void **state)
{
	(void)state;
	/* NLTK 3.8 PorterStemmer() outputs (checked with Debian python3-nltk). */
	static const char *const nltk[] = {
		"dies", "die", "tied", "tie", "news", "news", "skies", "sky", "hopefully", "hope",
		"agreement", "agreement", "caresses", "caress", "ponies", "poni", "relational",
		"relat", "conditional", "condit", "generalization", "gener", "running", "run",
		"hopping", "hop", "happy", "happi", "sky", "sky", "dying", "die", "analogi", "analog",
		"controlling", "control", "formality", "formal", "feed", "feed", "agreed", "agre", NULL
	};
	stems(px_porter_nltk, nltk);
	/* ROUGE-1.5.5 (README of the test vectors and its Perl rules). */
	static const char *const p155[] = {
		"dies", "di", "tied", "ti", "news", "new", "skies", "ski", "hopefully", "hopefulli",
		"agreement", "agreem", "accidental", "accid", "argument", "argum", "apology", "apolog",
		"logement", "logem", "seulement", "seulem", "unes", "un", "running", "run",
		"relational", "relat", "yelling", "yell", NULL
	};
	stems(px_porter_rouge155, p155);
}

/* Whole word lists: NLTK (tests/data/porter-nltk.tsv) and ROUGE-1.5.5's Perl stemmer. */
static void check_list(const char *path, size_t (*fn)(char *, const char *, size_t))
{
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char line[256];
	int n = 0, bad = 0;
	while (fgets(line, sizeof line, fp)) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		char *want = tab + 1;
		want[strcspn(want, "\n")] = '\0';
		char out[300];
		size_t k = fn(out, line, strlen(line));
		n++;
		if (k != strlen(want) || memcmp(out, want, k) != 0) {
			if (bad++ < 5)
				print_message("%s: %s: got %.*s, want %s\n", path, line, (int)k, out, want);
		}
	}
	fclose(fp);
	assert_true(n > 4000);
	assert_int_equal(bad, 0);
}

static void test_porter_word_lists(void **state)
{
	(void)state;
	check_list("tests/data/porter-nltk.tsv", px_porter_nltk);
	check_list("tests/data/porter-rouge155.tsv", px_porter_rouge155);
}

static void test_wordnet_exceptions(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_155, true);
	precis_rouge_scores s;
	/* "went" and "go", "geese" and "goose", "better" and "well" meet only through WordNet. */
	const char *refs[] = { "they go home with the goose and do well" };
	assert_int_equal(precis_rouge_score(&s, r, "they went home with the geese and did better", refs, 1), 0);
	/* went->go, geese->goose, better->well; "did" (3 letters) is never stemmed. */
	assert_true(fabs(s.rouge1.r - round(7.0 / 9 * 1e5) / 1e5) < 1e-9);
	precis_rouge_free(r);
}

static void test_hand_computed(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_155, false);
	precis_rouge_scores s;
	/*
	 * SU4 with 1.5.5's quirk (unigrams of all tokens but the last):
	 * ref "a b c": unigrams a b, skip pairs ab ac bc -> 5 grams;
	 * cand "a c": unigram a, pair ac -> 2 grams; hits a, ac = 2.
	 * R = 2/5, P = 2/2.
	 */
	const char *refs[] = { "a b c" };
	assert_int_equal(precis_rouge_score(&s, r, "a c", refs, 1), 0);
	assert_true(fabs(s.rougeSU4.r - 0.4) < 1e-9);
	assert_true(fabs(s.rougeSU4.p - 1.0) < 1e-9);
	/*
	 * ROUGE-W: ref "a b c d" (one line), cand "a b x d": LCS a b d, runs
	 * [a b] and [d]: hit = 2^1.2 + 1. Base = f(f(4)) = (4^1.2)^1.2 = 4^1.44;
	 * R = (hit / 4^1.44)^(1/1.2); P = (hit / 4^1.2)^(1/1.2).
	 */
	const char *refs2[] = { "a b c d" };
	assert_int_equal(precis_rouge_score(&s, r, "a b x d", refs2, 1), 0);
	double hit = pow(2, 1.2) + 1;
	double wr = pow(hit / pow(4, 1.44), 1 / 1.2), wp = pow(hit / pow(4, 1.2), 1 / 1.2);
	char want[16], got[16];
	snprintf(want, sizeof want, "%.5f", wr);
	snprintf(got, sizeof got, "%.5f", s.rougeW.r);
	assert_string_equal(got, want);
	snprintf(want, sizeof want, "%.5f", wp);
	snprintf(got, sizeof got, "%.5f", s.rougeW.p);
	assert_string_equal(got, want);
	/*
	 * Union LCS, Lin (2004) 3.2's example: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6
	 * w7 w8, c2 = w1 w3 w8 w9 w5: union {w1 w2 w3 w5}, R = 4/5.
	 */
	const char *refs3[] = { "w1 w2 w3 w4 w5" };
	assert_int_equal(precis_rouge_score(&s, r, "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", refs3, 1), 0);
	assert_true(fabs(s.rougeLsum.r - 0.8) < 1e-9);
	precis_rouge_free(r);
}

static void test_edges_and_unicode(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_SCORE, false);
	precis_rouge_scores s;
	const char *refs[] = { "Le général est arrivé." };
	assert_int_equal(precis_rouge_score(&s, r, "", refs, 1), 0);
	assert_true(s.rouge1.f == 0 && s.rougeL.f == 0 && s.rougeLsum.f == 0);
	/* rouge-score turns "général" into "g n ral": identical texts still score 1. */
	assert_int_equal(precis_rouge_score(&s, r, "Le général est arrivé.", refs, 1), 0);
	assert_true(fabs(s.rouge1.f - 1.0) < 1e-12);
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_UNICODE, true);
	/* Unicode mode keeps accents and stems French with Snowball. */
	const char *refs2[] = { "Les présidents sont arrivés à Paris." };
	assert_int_equal(precis_rouge_score(&s, r, "Le président est arrivé à Paris.", refs2, 1), 0);
	/* le/les, président(s), arrivé(s), à and paris share stems; est/sont do not: 5 of 6. */
	assert_true(fabs(s.rouge1.r - 5.0 / 6) < 1e-12);
	/* Symmetric F for one reference. */
	precis_rouge_scores t;
	const char *refs3[] = { "Le président est arrivé à Paris." };
	assert_int_equal(precis_rouge_score(&t, r, "Les présidents sont arrivés à Paris.", refs3, 1), 0);
	assert_true(fabs(t.rouge1.f - s.rouge1.f) < 1e-12);
	/* Regression (found by fuzzing): lines without any token on either side. */
	const char *blank[] = { "Le \n\n  \n" };
	assert_int_equal(precis_rouge_score(&s, r, "  \n\t\n", blank, 1), 0);
	assert_true(s.rougeLsum.f == 0 && s.rougeW.f == 0);
	const char *bad[] = { "ok" };
	assert_int_equal(precis_rouge_score(&s, r, "\xC3\x28", bad, 1), PRECIS_EUTF8);
	precis_rouge_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dev_vectors),
		cmocka_unit_test(test_porter_variants),
		cmocka_unit_test(test_porter_word_lists),
		cmocka_unit_test(test_wordnet_exceptions),
		cmocka_unit_test(test_hand_computed),
		cmocka_unit_test(test_edges_and_unicode),
	};
	return cmocka_run_group_tests_name("rouge", tests, NULL, NULL);
}
