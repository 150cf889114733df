/*
 * ROUGE: every development vector of ../shared/data/rouge/dev_vectors.jsonl
 * (rouge-score fields to 1e-12, ROUGE-1.5.5 fields exactly as printed),
 * the two Porter variants against NLTK and ROUGE-1.5.5's Perl stem() on
 * tests/data/porter_stems.tsv, the WordNet exceptions, the tokenizers, and
 * hand-computed union-LCS, ROUGE-W, SU4, multi-reference and length-limit
 * cases whose derivations are written next to them.
 */
#include "testutil.h"

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "porter.h"
#include "rouge.h"

#define VECTORS SHARED_DIR "/data/rouge/dev_vectors.jsonl"
#define STEMS "tests/data/porter_stems.tsv"
#define W 1.2

static precis_rouge *make_opts(precis_rouge_compat compat, bool stem, size_t words, size_t bytes)
{
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = compat;
	o.stem = stem;
	o.limit_words = words;
	o.limit_bytes = bytes;
	precis_rouge *r = NULL;
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	return r;
}

static precis_rouge *make(precis_rouge_compat compat, bool stem)
{
	return make_opts(compat, stem, 0, 0);
}

static void score1(precis_rouge_scores *s, precis_rouge *r, const char *cand, const char *ref)
{
	assert_int_equal(precis_rouge_score(s, r, cand, &ref, 1), 0);
}

static void near(double got, double want)
{
	if (fabs(got - want) > 1e-12)
		fail_msg("got %.15f, want %.15f", got, want);
}

/* 1.5.5 prints 5 decimals: compare as printed. */
static void printed(double got, double want)
{
	char a[32], b[32];
	snprintf(a, sizeof a, "%.5f", got);
	snprintf(b, sizeof b, "%.5f", want);
	if (strcmp(a, b) != 0)
		fail_msg("printed %s, want %s", a, b);
}

static void tokens(precis_rouge *r, const char *text, const char *want)
{
	char *got = NULL;
	assert_int_equal(px_rouge_tokens(&got, r, text), 0);
	if (strcmp(got, want) != 0)
		fail_msg("tokens of \"%s\": \"%s\", want \"%s\"", text, got, want);
	free(got);
}

/* ------------------------------------------------------ dev vectors */

static const precis_prf *pick(const precis_rouge_scores *s, const char *name)
{
	if (strcmp(name, "rouge1") == 0)
		return &s->rouge1;
	if (strcmp(name, "rouge2") == 0)
		return &s->rouge2;
	if (strcmp(name, "rougeL") == 0)
		return &s->rougeL;
	if (strcmp(name, "rougeLsum") == 0)
		return &s->rougeLsum;
	return NULL;
}

/* Compare one tool's expected block; returns the number of mismatching fields. */
static int compare(const char *id, const char *tool, const char *mode, json_t *expect,
		   const precis_rouge_scores *s, bool exact, int *fields)
{
	int bad = 0;
	const char *measure;
	json_t *prf;
	json_object_foreach(expect, measure, prf) {
		const precis_prf *got = pick(s, measure);
		if (!got)
			fail_msg("%s: unknown measure %s", id, measure);
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
				ok = fabs(g - want) <= 1e-12;
			}
			(*fields)++;
			if (!ok) {
				bad++;
				print_message("%s %s %s %s.%s: got %.15f want %.15f\n", id, tool, mode,
					      measure, k, g, want);
			}
		}
	}
	return bad;
}

enum { G_FR, G_EN, G_MULTI, NGROUPS };

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
	static const char *const gname[NGROUPS] = { "French", "English", "multi-reference" };
	/* Vectors seen and vectors matched, per group, tool (0 rouge_score, 1 rouge155), stem. */
	int seen[NGROUPS][2] = { { 0 } }, ok[NGROUPS][2][2] = { { { 0 } } };
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
		assert_non_null(id);
		assert_non_null(cand);
		const char *rv[8];
		size_t nr = json_array_size(refs);
		assert_true(nr >= 1 && nr <= 8);
		for (size_t k = 0; k < nr; k++)
			assert_non_null(rv[k] = json_string_value(json_array_get(refs, k)));
		int g = strncmp(id, "dev-fr-", 7) == 0 ? G_FR : strncmp(id, "dev-en-", 7) == 0 ? G_EN
											  : G_MULTI;
		json_t *rsb = json_object_get(v, "rouge_score");
		json_t *p5 = json_object_get(v, "rouge155");
		seen[g][0] += json_is_object(rsb);
		seen[g][1]++;
		for (int st = 0; st < 2; st++) {
			const char *mode = st ? "stem" : "nostem";
			precis_rouge_scores s;
			if (json_is_object(rsb)) {
				assert_int_equal(precis_rouge_score(&s, rs[st], cand, rv, nr), 0);
				int b = compare(id, "rouge_score", mode, json_object_get(rsb, mode), &s,
						false, &fields);
				ok[g][0][st] += b == 0;
				bad += b;
			}
			assert_int_equal(precis_rouge_score(&s, rp[st], cand, rv, nr), 0);
			int b = compare(id, "rouge155", mode, json_object_get(p5, mode), &s, true, &fields);
			ok[g][1][st] += b == 0;
			bad += b;
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
	for (int g = 0; g < NGROUPS; g++)
		print_message("dev %-15s rouge_score %d/%d nostem %d/%d stem; "
			      "rouge155 %d/%d nostem %d/%d stem\n",
			      gname[g], ok[g][0][0], seen[g][0], ok[g][0][1], seen[g][0], ok[g][1][0],
			      seen[g][1], ok[g][1][1], seen[g][1]);
	print_message("dev vectors: %zu vectors, %d of %d fields wrong\n", n, bad, fields);
	assert_true(n >= 123);
	assert_true(fields >= 5094);
	assert_int_equal(bad, 0);
}

/* ------------------------------------------------------------ Porter */

static void stems(size_t (*fn)(char *, const char *, size_t), const char *const *pairs)
{
	for (; *pairs; pairs += 2) {
		char out[64];
		size_t n = fn(out, pairs[0], strlen(pairs[0]));
		if (strlen(pairs[1]) != n || memcmp(out, pairs[1], n) != 0)
			fail_msg("stem(%s) = %.*s, want %s", pairs[0], (int)n, out, pairs[1]);
	}
}

static void test_porter_known(void **state)
{
	(void)state;
	/* NLTK 3.8 PorterStemmer() outputs (checked with Debian python3-nltk). */
	static const char *const nltk[] = {
		"dies", "die", "tied", "tie", "news", "news", "skies", "sky", "hopefully", "hope",
		"agreement", "agreement", "caresses", "caress", "ponies", "poni", "relational",
		"relat", "conditional", "condit", "generalization", "gener", "running", "run",
		"hopping", "hop", "happy", "happi", "sky", "sky", "dying", "die", "analogi", "analog",
		"controlling", "control", "formality", "formal", "feed", "feed", "agreed", "agre",
		"player", "player", "usefulness", "use", NULL
	};
	stems(px_porter_nltk, nltk);
	/* ROUGE-1.5.5's Perl stem() (the test vectors' README, and perl runs). */
	static const char *const p155[] = {
		"dies", "di", "tied", "ti", "news", "new", "skies", "ski", "hopefully", "hopefulli",
		"agreement", "agreem", "accidental", "accid", "argument", "argum", "apology", "apolog",
		"logement", "logem", "seulement", "seulem", "unes", "un", "running", "run",
		"relational", "relat", "yelling", "yell",
		/* y after a vowel opens a consonant run: p-l-a-y is [C]VC, m = 1. */
		"playful", "play", "downplayed", "downplai", "abeyance", "abey", "aboyer", "aboy",
		"usefulness", "us", NULL
	};
	stems(px_porter_rouge155, p155);
}

/* Every line of tests/data/porter_stems.tsv: word, NLTK stem, 1.5.5 stem. */
static void test_porter_word_list(void **state)
{
	(void)state;
	FILE *fp = fopen(STEMS, "r");
	if (!fp)
		fail_msg("%s missing (run from the repository root)", STEMS);
	char *line = NULL, out[512];
	size_t cap = 0, n = 0;
	int bad = 0;
	while (getline(&line, &cap, fp) > 0) {
		if (line[0] == '#')
			continue;
		char *save = NULL;
		char *w = strtok_r(line, "\t\n", &save), *sn = strtok_r(NULL, "\t\n", &save),
		     *sp = strtok_r(NULL, "\t\n", &save);
		assert_non_null(sp);
		size_t len = strlen(w);
		assert_true(len + 2 <= sizeof out);
		size_t k = px_porter_nltk(out, w, len);
		if (k != strlen(sn) || memcmp(out, sn, k) != 0) {
			if (bad++ < 10)
				print_message("NLTK %s: %.*s, want %s\n", w, (int)k, out, sn);
		}
		k = px_porter_rouge155(out, w, len);
		if (k != strlen(sp) || memcmp(out, sp, k) != 0) {
			if (bad++ < 10)
				print_message("1.5.5 %s: %.*s, want %s\n", w, (int)k, out, sp);
		}
		n++;
	}
	free(line);
	fclose(fp);
	print_message("porter: %zu words, %d stems wrong\n", n, bad);
	assert_true(n >= 10000);
	assert_int_equal(bad, 0);
}

/* The lead's word lists: tests/data/porter-nltk.tsv and porter-rouge155.tsv (word, stem). */
static void check_list(const char *path, size_t (*fn)(char *, const char *, size_t))
{
	FILE *fp = fopen(path, "r");
	if (!fp)
		fail_msg("%s missing (run from the repository root)", path);
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

/* ------------------------------------------------------ tokenizers */

static void test_wordnet_exceptions(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_155, true);
	/*
	 * Forms of more than 3 letters take the first base form of their
	 * exception line and skip the stemmer; better -> well (adv.exc wins
	 * over adj.exc's good); offer -> offer (adj.exc's later line wins over
	 * "offer off"); ran (3 letters) is left alone; running is not an
	 * exception and goes through Porter.
	 */
	tokens(r, "went geese better were crises lice children axes offer ran running media",
	       "go goose well be crisis louse child ax offer ran run medium\n");
	precis_rouge_free(r);
	/* rouge-score has no exception list: NLTK alone. */
	r = make(PRECIS_ROUGE_SCORE, true);
	tokens(r, "went geese better crises", "went gees better crise\n");
	precis_rouge_free(r);
	/*
	 * Through the scores: went/go and better/well meet only via WordNet.
	 * geese becomes goose and stops there, while the reference's goose
	 * goes through Porter to goos: no match, as in 1.5.5. did/do (3 and
	 * 2 letters) are never stemmed. they -> thei on both sides. 7 of 9.
	 */
	r = make(PRECIS_ROUGE_155, true);
	precis_rouge_scores s;
	score1(&s, r, "they went home with the geese and did better",
	       "they go home with the goose and do well");
	printed(s.rouge1.r, 7.0 / 9);
	precis_rouge_free(r);
}

static void test_tokenizers(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_SCORE, false);
	/*
	 * Python's lower(): U+0130 becomes "i" + U+0307 (a separator), the
	 * Kelvin sign U+212A becomes "k"; accented letters, apostrophes,
	 * hyphens, NBSP and % separate.
	 */
	tokens(r, "\xC4\xB0stanbul \xE2\x84\xAA" "elvin", "i stanbul kelvin\n");
	tokens(r, "Le G\xC3\xA9n\xC3\xA9ral \xC3\x80 l'\xC3\xA9t\xC3\xA9, vis-\xC3\xA0-vis : 3,5\xC2\xA0%",
	       "le g n ral l t vis vis 3 5\n");
	/* "général" falls apart into g n ral, yet identical texts still score 1. */
	precis_rouge_scores s;
	score1(&s, r, "Le g\xC3\xA9n\xC3\xA9ral est arriv\xC3\xA9.", "Le g\xC3\xA9n\xC3\xA9ral est arriv\xC3\xA9.");
	near(s.rouge1.f, 1.0);
	near(s.rougeLsum.f, 1.0);
	/* Lines split on "\n" only; an empty line is dropped, a blank one kept. */
	tokens(r, "A b\n\nc\r\n \nd", "a b\nc\n\nd\n");
	precis_rouge_free(r);
	/* ROUGE-1.5.5 reads bytes: both special code points are separators. */
	r = make(PRECIS_ROUGE_155, false);
	tokens(r, "\xC4\xB0stanbul \xE2\x84\xAA" "elvin", "stanbul elvin\n");
	tokens(r, "Le G\xC3\xA9n\xC3\xA9ral -- vis-\xC3\xA0-vis", "le g n ral vis vis\n");
	precis_rouge_free(r);
	/* Unicode mode keeps accents, folds case, drops French elided articles. */
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.lang = "fr";
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	tokens(r, "L'\xC3\x89t\xC3\xA9 \xC3\xA0 PARIS", "\xC3\xA9t\xC3\xA9 \xC3\xA0 paris\n");
	precis_rouge_free(r);
}

/* ---------------------------------------------- hand-computed scores */

static void test_union_lcs_tie_break(void **state)
{
	(void)state;
	/*
	 * Reference lines "a b" and "a", candidate line "b a". LCS("a b",
	 * "b a") has length 1 and two readings. The DP table of ref x cand:
	 * T[2][2] (b vs a, no match) sees left T[2][1] = 1 and up T[1][2] = 1:
	 * a tie, so the backtrack goes up to (1,2) where a = a: the union is
	 * {a}. Clipping: a counts 2 in the reference, 1 in the candidate, so
	 * this a is a hit and uses the candidate's only a. Line "a" then finds
	 * a again, but the candidate has no a left. Hits 1 of 3 reference
	 * tokens, of 2 candidate tokens. Going left on ties would pick b and
	 * then a: 2 hits.
	 */
	const char *cand = "b a", *ref = "a b\na";
	precis_rouge_scores s;
	precis_rouge *r = make(PRECIS_ROUGE_SCORE, false);
	score1(&s, r, cand, ref);
	near(s.rougeLsum.r, 1.0 / 3);
	near(s.rougeLsum.p, 1.0 / 2);
	near(s.rougeLsum.f, 2 * (1.0 / 3) * (1.0 / 2) / (1.0 / 3 + 1.0 / 2));
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_155, false);
	score1(&s, r, cand, ref);
	printed(s.rougeL.r, 0.33333);
	printed(s.rougeL.p, 0.5);
	printed(s.rougeL.f, 0.4); /* 0.33333 * 0.5 / (0.5 * 0.33333 + 0.5 * 0.5) = 0.39999.. */
	/*
	 * Lin (2004) 3.2's example: r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8,
	 * c2 = w1 w3 w8 w9 w5: LCS(r, c1) = w1 w2, LCS(r, c2) = w1 w3 w5,
	 * union {w1 w2 w3 w5}: R = 4/5. P: 4 of 10 candidate tokens.
	 */
	score1(&s, r, "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5", "w1 w2 w3 w4 w5");
	printed(s.rougeL.r, 0.8);
	printed(s.rougeL.p, 0.4);
	precis_rouge_free(r);
	/* Sentence-level rougeL ignores the lines: LCS(b a, a b a) = 2. */
	r = make(PRECIS_ROUGE_SCORE, false);
	score1(&s, r, cand, ref);
	near(s.rougeL.r, 2.0 / 3);
	near(s.rougeL.p, 1.0);
	precis_rouge_free(r);
}

static void test_rouge_w(void **state)
{
	(void)state;
	/*
	 * 1.5.5's ROUGE-W (-w 1.2), f(k) = k^1.2. Reference lines "b" and
	 * "a b z d", candidate line "a b y d".
	 * Line "b": the LCS marks b; b is counted (ref b 2 -> 1, cand b 1 -> 0);
	 * a run of 1 ends at the line end: hit f(1) = 1.
	 * Line "a b z d": the weighted table's backtrack marks a, b, d (at
	 * T[3][3], z vs y, left and up both hold f(2): a tie goes up). a is
	 * counted, run 1, not closed because b is marked too; b is marked
	 * but the candidate has no b left: not counted, and, as in 1.5.5's
	 * wlcs, neither closes nor resets the run; z is off the LCS; d is
	 * counted, run 2, closed at the line end: hit f(2).
	 * Hits: 1 + 2^1.2. Reference base: f(f(1) + f(4)) = (1 + 4^1.2)^1.2;
	 * candidate base f(4) (its unigram count). R = (hits / base)^(1/1.2).
	 */
	const char *cand = "a b y d", *ref = "b\na b z d";
	double hit = 1 + pow(2, W);
	double wr = pow(hit / pow(1 + pow(4, W), W), 1 / W), wp = pow(hit / pow(4, W), 1 / W);
	precis_rouge_scores s;
	precis_rouge *r = make(PRECIS_ROUGE_SCORE, false);
	score1(&s, r, cand, ref);
	near(s.rougeW.r, wr);
	near(s.rougeW.p, wp);
	near(s.rougeW.f, 2 * wr * wp / (wr + wp));
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_155, false);
	score1(&s, r, cand, ref);
	precis_prf want;
	assert_int_equal(precis_rouge155_prf(&want, wp, wr, 0.5), 0);
	printed(s.rougeW.r, want.r);
	printed(s.rougeW.p, want.p);
	printed(s.rougeW.f, want.f);
	precis_rouge_free(r);
}

static void test_rouge_su4(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_155, false);
	precis_rouge_scores s;
	/*
	 * 1.5.5 -2 4 -u: the unigram of every token but the last, and pairs
	 * (i, j) with j <= i + 5. Reference "a b c d e f g": unigrams a..f (6);
	 * pairs from a: b..f (5), b: c..g (5), c: 4, d: 3, e: 2, f: 1 (20);
	 * 26 grams, without (a, g). Candidate "a g": unigram a, pair (a, g):
	 * 2 grams. Hits: a only. R = 1/26, P = 1/2.
	 */
	score1(&s, r, "a g", "a b c d e f g");
	printed(s.rougeSU4.r, 1.0 / 26);
	printed(s.rougeSU4.p, 0.5);
	/* Reference "a b c": a, b, ab, ac, bc (5); candidate "a c": a, ac. R 2/5, P 1. */
	score1(&s, r, "a c", "a b c");
	printed(s.rougeSU4.r, 0.4);
	printed(s.rougeSU4.p, 1.0);
	precis_rouge_free(r);
	/* Unrounded in rouge-score mode: the same counts. */
	r = make(PRECIS_ROUGE_SCORE, false);
	score1(&s, r, "a g", "a b c d e f g");
	near(s.rougeSU4.r, 1.0 / 26);
	near(s.rougeSU4.p, 0.5);
	precis_rouge_free(r);
}

static void test_multi_reference(void **state)
{
	(void)state;
	const char *refs[] = { "a b", "c d", "" };
	precis_rouge_scores s;
	/*
	 * 1.5.5 -f A sums counts: R = (2 + 0 + 0) / (2 + 2 + 0) = 0.5; P =
	 * 2 / (3 references x 2 candidate tokens) = 1/3: the empty reference
	 * still adds the candidate's count.
	 */
	precis_rouge *r = make(PRECIS_ROUGE_155, false);
	assert_int_equal(precis_rouge_score(&s, r, "a b", refs, 3), 0);
	printed(s.rouge1.r, 0.5);
	printed(s.rouge1.p, 1.0 / 3);
	printed(s.rougeL.r, 0.5);
	printed(s.rougeL.p, 1.0 / 3);
	precis_rouge_free(r);
	/* rouge-score's score_multi keeps the best F: the first reference, 1. */
	r = make(PRECIS_ROUGE_SCORE, false);
	assert_int_equal(precis_rouge_score(&s, r, "a b", refs, 3), 0);
	near(s.rouge1.f, 1.0);
	near(s.rougeLsum.f, 1.0);
	/* A better F wins: ref 1 P 1/5 R 1/3 F 1/4; ref 2 P 1/5 R 1 F 1/3. */
	const char *better[] = { "a x x", "a" };
	assert_int_equal(precis_rouge_score(&s, r, "a y y y y", better, 2), 0);
	near(s.rouge1.r, 1.0);
	/*
	 * Equal F keeps the first (numpy's argmax): "a c" gives P 1/2 R 1/2,
	 * "a b c d e f" P 1 R 1/3; both F are exactly 0.5 in doubles.
	 */
	const char *tie[] = { "a c", "a b c d e f" };
	assert_int_equal(precis_rouge_score(&s, r, "a b", tie, 2), 0);
	assert_true(s.rouge1.f == 0.5);
	near(s.rouge1.r, 0.5);
	precis_rouge_free(r);
}

static void test_length_limits(void **state)
{
	(void)state;
	/*
	 * -l 4: lines of 3 and 3 words; 3 < 4 keeps the first, the second is
	 * cut to its first 4 - 3 = 1 word, and reading stops. Perl's split
	 * gives a leading empty field for a line starting with white space:
	 * " a b" counts 3 fields.
	 */
	precis_rouge *r = make_opts(PRECIS_ROUGE_155, false, 4, 0);
	tokens(r, "a b c\nd e f\ng", "a b c\nd\n");
	tokens(r, " a b\nc d e", "a b\nc\n");
	precis_rouge_free(r);
	/*
	 * -b 4 with candidate "xy\nab ab" and reference "a ab". n-gram reader:
	 * "xy" (2 < 4 bytes, total 2), then "ab ab" is cut to 4 - 2 = 2 bytes:
	 * tokens xy ab. The LCS reader never adds to its byte count, so it
	 * cuts "ab ab" to 4 bytes: lines [xy] [ab a]. Reference: "a ab" is not
	 * under 4 bytes, cut to 4: itself, for both readers.
	 * ROUGE-1: hits ab: R 1/2, P 1/2.
	 * ROUGE-L: ref [a ab] vs [ab a]: T[2][2] ties (1, 1) and goes up to
	 * a = a: the union is {a}; but the n-gram reader's candidate has no a
	 * (clipping counts come from it): 0 hits. With one reader, [ab] would
	 * give the hit ab: R 1/2.
	 */
	r = make_opts(PRECIS_ROUGE_155, false, 0, 4);
	tokens(r, "xy\nab ab", "xy\nab\n");
	precis_rouge_scores s;
	score1(&s, r, "xy\nab ab", "a ab");
	printed(s.rouge1.r, 0.5);
	printed(s.rouge1.p, 0.5);
	printed(s.rougeL.r, 0);
	printed(s.rougeL.p, 0);
	precis_rouge_free(r);
}

static void test_stopwords(void **state)
{
	(void)state;
	/*
	 * 1.5.5 -s drops a token found in the list before its [a-z0-9$] test
	 * and before stemming: "running" is not in the list and stems to
	 * run; "the" and "a" go; counts and denominators shrink with them.
	 */
	static const char *const stop[] = { "the", "a", "runs", NULL };
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = PRECIS_ROUGE_155;
	o.stem = true;
	o.stopwords = stop;
	precis_rouge *r;
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	tokens(r, "The cat runs, a dog is running", "cat dog is run\n");
	precis_rouge_scores s;
	/* Candidate cat and dog (3), reference cat run (2): 1 hit. */
	score1(&s, r, "the cat and a dog", "a cat running");
	printed(s.rouge1.r, 0.5);
	printed(s.rouge1.p, 1.0 / 3); /* cat and dog: "and" is not in this list */
	precis_rouge_free(r);
}

static void test_rounding(void **state)
{
	(void)state;
	/*
	 * dev-fr-001: P = 1/9, R = 1/22. Exact F 0.0645161.. prints 0.06452;
	 * 1.5.5 computes F from the printed 0.11111 and 0.04545: 0.06451.
	 */
	precis_prf f;
	assert_int_equal(precis_rouge155_prf(&f, 1.0 / 9, 1.0 / 22, 0.5), 0);
	printed(f.p, 0.11111);
	printed(f.r, 0.04545);
	assert_true(fabs(f.f - 0.06451) < 1e-12);
	/* alpha weighs recall: F = PR / ((1 - a) P + a R); a = 0 gives R... */
	assert_int_equal(precis_rouge155_prf(&f, 0.5, 0.25, 0.0), 0);
	assert_true(fabs(f.f - 0.25) < 1e-12);
	/* ...and a = 1 gives P. */
	assert_int_equal(precis_rouge155_prf(&f, 0.5, 0.25, 1.0), 0);
	assert_true(fabs(f.f - 0.5) < 1e-12);
	assert_int_equal(precis_rouge155_prf(&f, 0, 0, 0.5), 0);
	assert_true(f.f == 0);
	assert_int_equal(precis_rouge155_prf(&f, 1.5, 0, 0.5), PRECIS_EINVAL);
	assert_int_equal(precis_rouge155_prf(&f, 0.5, 0.5, -0.1), PRECIS_EINVAL);
	assert_int_equal(precis_rouge155_prf(&f, NAN, 0.5, 0.5), PRECIS_EINVAL);
	/* The scorer's alpha: P 1/2 and R 1 ("a b" vs "a"), alpha 0 -> F = R. */
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = PRECIS_ROUGE_SCORE;
	o.alpha = 0;
	precis_rouge *r;
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	precis_rouge_scores s;
	score1(&s, r, "a b", "a");
	near(s.rouge1.f, 1.0);
	precis_rouge_free(r);
}

static void test_empty_texts(void **state)
{
	(void)state;
	static const char *const empty[] = { "", "   ", "\n\n", ".,;!", "\xC3\xA9\xC3\xA0" };
	for (int compat = 0; compat < 3; compat++) {
		precis_rouge *r = make((precis_rouge_compat)compat, true);
		for (size_t k = 0; k < sizeof empty / sizeof empty[0]; k++) {
			/* Unicode mode has tokens in "éà". */
			if (compat == PRECIS_ROUGE_UNICODE && k == 4)
				continue;
			const char *pairs[3][2] = { { empty[k], "le chat dort" },
						    { "le chat dort", empty[k] },
						    { empty[k], empty[k] } };
			for (int p = 0; p < 3; p++) {
				precis_rouge_scores s;
				score1(&s, r, pairs[p][0], pairs[p][1]);
				const precis_prf *m = &s.rouge1;
				for (size_t q = 0; q < sizeof s / sizeof *m; q++)
					if (m[q].p != 0 || m[q].r != 0 || m[q].f != 0)
						fail_msg("compat %d, \"%s\" vs \"%s\": measure %zu not 0",
							 compat, pairs[p][0], pairs[p][1], q);
			}
		}
		precis_rouge_free(r);
	}
	/* Regression (found by fuzzing): lines without any token on either side. */
	for (int compat = 0; compat < 3; compat++) {
		precis_rouge *r = make((precis_rouge_compat)compat, false);
		const char *blank[] = { "Le \n\n  \n" };
		precis_rouge_scores s;
		assert_int_equal(precis_rouge_score(&s, r, "  \n\t\n", blank, 1), 0);
		assert_true(s.rougeLsum.f == 0 && s.rougeW.f == 0);
		assert_int_equal(precis_rouge_score(&s, r, "Le \n\n  \n", blank, 1), 0);
		assert_true(s.rougeLsum.f > 0);
		precis_rouge_free(r);
	}
	/* No reference at all: zeros, not an error. */
	precis_rouge *r = make(PRECIS_ROUGE_155, false);
	precis_rouge_scores s;
	assert_int_equal(precis_rouge_score(&s, r, "a b", NULL, 0), 0);
	assert_true(s.rouge1.f == 0 && s.rougeL.f == 0);
	/* One token: no bigram on either side; rouge-score's max(count, 1) gives 0, not NaN. */
	precis_rouge_free(r);
	r = make(PRECIS_ROUGE_SCORE, false);
	score1(&s, r, "chat", "chat");
	near(s.rouge1.f, 1.0);
	assert_true(s.rouge2.p == 0 && s.rouge2.r == 0 && s.rouge2.f == 0);
	precis_rouge_free(r);
}

static void test_unicode_mode(void **state)
{
	(void)state;
	precis_rouge *r = make(PRECIS_ROUGE_UNICODE, true);
	precis_rouge_scores s, t;
	/* rouge-score turns "général" into "g n ral"; unicode mode keeps the word. */
	score1(&s, r, "Le pr\xC3\xA9sident est arriv\xC3\xA9 \xC3\xA0 Paris.",
	       "Les pr\xC3\xA9sidents sont arriv\xC3\xA9s \xC3\xA0 Paris.");
	/* le/les, président(s), arrivé(s), à, paris share Snowball stems; est/sont not: 5 of 6. */
	near(s.rouge1.r, 5.0 / 6);
	/* Symmetric F for one reference. */
	score1(&t, r, "Les pr\xC3\xA9sidents sont arriv\xC3\xA9s \xC3\xA0 Paris.",
	       "Le pr\xC3\xA9sident est arriv\xC3\xA9 \xC3\xA0 Paris.");
	near(t.rouge1.f, s.rouge1.f);
	precis_rouge_free(r);
}

static void test_errors_and_limits(void **state)
{
	(void)state;
	precis_rouge *r = NULL;
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.alpha = 1.5;
	assert_int_equal(precis_rouge_new(&r, &o), PRECIS_EINVAL);
	o.alpha = 0.5;
	o.version = 99;
	assert_int_equal(precis_rouge_new(&r, &o), PRECIS_EINVAL);
	o.version = PRECIS_ROUGE_OPTIONS_VERSION;
	o.lang = "xx";
	assert_int_equal(precis_rouge_new(&r, &o), PRECIS_EINVAL);
	o.lang = NULL;
	o.compat = (precis_rouge_compat)7;
	assert_int_equal(precis_rouge_new(&r, &o), PRECIS_EINVAL);
	r = make(PRECIS_ROUGE_SCORE, false);
	precis_rouge_scores s;
	const char *bad[] = { "ok" };
	assert_int_equal(precis_rouge_score(&s, r, "\xC3\x28", bad, 1), PRECIS_EUTF8);
	const char *bad2[] = { "\xFF" };
	assert_int_equal(precis_rouge_score(&s, r, "ok", bad2, 1), PRECIS_EUTF8);
	assert_int_equal(precis_rouge_score(&s, r, NULL, bad, 1), PRECIS_EINVAL);
	assert_int_equal(precis_rouge_score(&s, r, "ok", NULL, 1), PRECIS_EINVAL);
	/*
	 * Two single-line texts of 70,000 tokens: an LCS table of 4.9e9
	 * cells is refused (PRECIS_ETOOBIG) before any work; without LCS
	 * measures the same pair scores, and in well under a second.
	 */
	size_t n = 70000;
	char *big = malloc(2 * n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++) {
		big[2 * i] = (char)('a' + i % 7);
		big[2 * i + 1] = ' ';
	}
	big[2 * n] = '\0';
	const char *refs[] = { big };
	assert_int_equal(precis_rouge_score(&s, r, big, refs, 1), PRECIS_ETOOBIG);
	precis_rouge_free(r);
	o = (precis_rouge_options)PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = PRECIS_ROUGE_SCORE;
	o.measures = PRECIS_ROUGE_M_N | PRECIS_ROUGE_M_SU4;
	assert_int_equal(precis_rouge_new(&r, &o), 0);
	assert_int_equal(precis_rouge_score(&s, r, big, refs, 1), 0);
	near(s.rouge4.f, 1.0);
	near(s.rougeSU4.f, 1.0);
	precis_rouge_free(r);
	free(big);
	precis_rouge_free(NULL);
}

/* F1 of ROUGE-1 for one pair under 1.5.5 -m with the given exception lists. */
static int r1_with_lists(double *f, const char *dir, const char *cand, const char *ref)
{
	precis_rouge_options o = PRECIS_ROUGE_OPTIONS_INIT;
	o.compat = PRECIS_ROUGE_155;
	o.stem = true;
	o.wordnet_dir = dir;
	precis_rouge *r = NULL;
	int rc = precis_rouge_new(&r, &o);
	precis_rouge_scores s;
	const char *refs[] = { ref };
	if (!rc)
		rc = precis_rouge_score(&s, r, cand, refs, 1);
	if (!rc)
		*f = s.rouge1.f;
	precis_rouge_free(r);
	return rc;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/*
 * The exception lists can come from the user's ROUGE-1.5.5 data directory:
 * a form listed there stems to its base, the built-in WordNet 3.0 lists are
 * not used, and a directory without the lists is an I/O error.
 */
static void test_wordnet_dir(void **state)
{
	(void)state;
	char dir[] = "/tmp/precis-wn-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char sub[600];
	snprintf(sub, sizeof sub, "%s/WordNet-2.0-Exceptions", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_file(sub, "adj.exc", "");
	write_file(sub, "adv.exc", "");
	write_file(sub, "noun.exc", "zorbles quux\n");
	write_file(sub, "verb.exc", "");
	double with = 0, without = 0;
	/* "zorbles" is "quux" only through the user's list. */
	assert_int_equal(r1_with_lists(&with, dir, "zorbles here", "quux here"), 0);
	assert_int_equal(r1_with_lists(&without, NULL, "zorbles here", "quux here"), 0);
	assert_true(with > 0.99);
	assert_true(without < 0.51);
	/*
	 * The built-in lists are WordNet 3.0's: "sudatoria sudatorium" is one of
	 * its 14 lines that 2.0 lacks (1.5.5 takes the base as it is, unstemmed).
	 */
	assert_int_equal(r1_with_lists(&without, NULL, "sudatoria", "sudatorium"), 0);
	assert_true(without > 0.99);
	assert_int_equal(r1_with_lists(&with, dir, "sudatoria", "sudatorium"), 0);
	assert_true(with < 0.01);
	double f;
	assert_int_equal(r1_with_lists(&f, "/nonexistent/precis", "a", "a"), PRECIS_EIO);
	for (size_t i = 0; i < 4; i++) {
		static const char *const n[] = { "adj.exc", "adv.exc", "noun.exc", "verb.exc" };
		char path[700];
		snprintf(path, sizeof path, "%s/%s", sub, n[i]);
		unlink(path);
	}
	rmdir(sub);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dev_vectors),
		cmocka_unit_test(test_porter_known),
		cmocka_unit_test(test_porter_word_list),
		cmocka_unit_test(test_porter_word_lists),
		cmocka_unit_test(test_wordnet_exceptions),
		cmocka_unit_test(test_tokenizers),
		cmocka_unit_test(test_union_lcs_tie_break),
		cmocka_unit_test(test_rouge_w),
		cmocka_unit_test(test_rouge_su4),
		cmocka_unit_test(test_multi_reference),
		cmocka_unit_test(test_length_limits),
		cmocka_unit_test(test_stopwords),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_empty_texts),
		cmocka_unit_test(test_unicode_mode),
		cmocka_unit_test(test_errors_and_limits),
		cmocka_unit_test(test_wordnet_dir),
	};
	return cmocka_run_group_tests_name("rouge", tests, NULL, NULL);
}
