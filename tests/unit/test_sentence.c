/*
 * Sentence splitting: the hand-written cases of tests/data/sentences.txt,
 * and properties on real articles. `test_sentence --report` prints the
 * accuracy instead of asserting (make eval-split).
 */
#include "testutil.h"

#include "sentence.h"
#include "text.h"

#define CASES "tests/data/sentences.txt"

typedef struct {
	char lang[8];
	char *input;
	size_t len;
	char *want[16];
	size_t nwant;
	int line;
} scase;

/* Decode \n, \r, \t, \\ and \uXXXX into UTF-8. */
static char *unescape(const char *s, size_t *outlen)
{
	size_t n = strlen(s);
	char *o = malloc(n * 3 + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\' || i + 1 >= n) {
			o[k++] = s[i];
			continue;
		}
		char c = s[++i];
		if (c == 'n')
			o[k++] = '\n';
		else if (c == 'r')
			o[k++] = '\r';
		else if (c == 't')
			o[k++] = '\t';
		else if (c == 'u' && i + 4 < n) {
			char hex[5] = { s[i + 1], s[i + 2], s[i + 3], s[i + 4], 0 };
			k += px_utf8_encode((int32_t)strtol(hex, NULL, 16), o + k);
			i += 4;
		} else
			o[k++] = c;
	}
	o[k] = '\0';
	*outlen = k;
	return o;
}

static size_t load_cases(scase **out)
{
	size_t len;
	char *buf = tu_read_file(CASES, &len);
	if (!buf)
		return 0;
	scase *v = calloc(512, sizeof *v);
	size_t n = 0;
	int lineno = 0;
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		if (line[0] == '@') {
			n++;
			snprintf(v[n - 1].lang, sizeof v[n - 1].lang, "%s", line + 2);
			v[n - 1].line = lineno;
		} else if (line[0] == '>' && n) {
			v[n - 1].input = unescape(line + 2, &v[n - 1].len);
		} else if (line[0] == '=' && n && v[n - 1].nwant < 16) {
			size_t l;
			v[n - 1].want[v[n - 1].nwant++] = unescape(line + 2, &l);
		}
	}
	free(buf);
	*out = v;
	return n;
}

static void free_cases(scase *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].input);
		for (size_t k = 0; k < v[i].nwant; k++)
			free(v[i].want[k]);
	}
	free(v);
}

/* Does the split of case c match exactly? Counts boundaries for the report. */
static int run_case(const scase *c, size_t *tp, size_t *fp, size_t *fn, int verbose)
{
	precis_span *sp = NULL;
	size_t n = 0;
	if (px_sentence_split(&sp, &n, c->input, c->len, NULL, 0, c->lang) != 0)
		return 0;
	int ok = n == c->nwant;
	for (size_t k = 0; ok && k < n; k++)
		ok = strlen(c->want[k]) == sp[k].end - sp[k].start &&
		     memcmp(c->want[k], c->input + sp[k].start, sp[k].end - sp[k].start) == 0;
	/* Boundaries as end offsets of all sentences but the last. */
	size_t got_ends[64], want_ends[64], ng = 0, nw = 0, pos = 0;
	for (size_t k = 0; k + 1 < n && ng < 64; k++)
		got_ends[ng++] = sp[k].end;
	for (size_t k = 0; k + 1 < c->nwant && nw < 64; k++) {
		const char *hit = strstr(c->input + pos, c->want[k]);
		if (!hit)
			break;
		pos = (size_t)(hit - c->input) + strlen(c->want[k]);
		want_ends[nw++] = pos;
	}
	for (size_t a = 0; a < ng; a++) {
		int found = 0;
		for (size_t b = 0; b < nw; b++)
			found |= got_ends[a] == want_ends[b];
		*tp += found;
		*fp += !found;
	}
	for (size_t b = 0; b < nw; b++) {
		int found = 0;
		for (size_t a = 0; a < ng; a++)
			found |= got_ends[a] == want_ends[b];
		*fn += !found;
	}
	if (!ok && verbose) {
		fprintf(stderr, "case at line %d (%s): %s\n", c->line, c->lang, c->input);
		for (size_t k = 0; k < n; k++)
			fprintf(stderr, "   got: %.*s\n", (int)(sp[k].end - sp[k].start),
				c->input + sp[k].start);
		for (size_t k = 0; k < c->nwant; k++)
			fprintf(stderr, "  want: %s\n", c->want[k]);
	}
	free(sp);
	return ok;
}

static void test_cases(void **state)
{
	(void)state;
	scase *v;
	size_t n = load_cases(&v);
	assert_true(n >= 150);
	size_t tp = 0, fp = 0, fn = 0, bad = 0;
	for (size_t i = 0; i < n; i++)
		bad += !run_case(&v[i], &tp, &fp, &fn, 1);
	free_cases(v, n);
	assert_int_equal(bad, 0);
}

/* Invariants on real text: in order, inside the text, trimmed, nothing lost. */
static void check_properties(const char *text, size_t len, const char *lang)
{
	precis_span *sp = NULL;
	size_t n = 0;
	assert_int_equal(px_sentence_split(&sp, &n, text, len, NULL, 0, lang), 0);
	size_t prev = 0;
	for (size_t k = 0; k < n; k++) {
		assert_true(sp[k].start >= prev);
		assert_true(sp[k].end > sp[k].start);
		assert_true(sp[k].end <= len);
		size_t adv;
		assert_false(px_cp_is_space(px_utf8_decode(text + sp[k].start, len - sp[k].start, &adv)));
		assert_false(text[sp[k].end - 1] == ' ' || text[sp[k].end - 1] == '\n');
		/* Only white space between sentences. */
		for (size_t i = prev; i < sp[k].start; i += adv)
			assert_true(px_cp_is_space(px_utf8_decode(text + i, len - i, &adv)));
		prev = sp[k].end;
	}
	free(sp);
}

static void test_properties_on_seeds(void **state)
{
	(void)state;
	const char *files[] = { "examples/000_a218bc12d536e990.txt", "examples/001_60c60c439b538c3c.txt",
				"examples/002_247d40d0ead6c7e3.txt", "examples/003_0ed67731ac4c45f8.txt",
				"examples/004_67d2f7bd1d453721.txt" };
	for (size_t i = 0; i < 5; i++) {
		size_t len = 0;
		char *t = tu_read_file(files[i], &len);
		assert_non_null(t);
		check_properties(t, len, "fr");
		free(t);
	}
}

/* OrangeSum articles: the glued "word.Word" junctions are split. */
static void test_orangesum_glued(void **state)
{
	(void)state;
	size_t len = 0;
	char *buf = tu_read_file(SHARED_DIR "/data/orangesum/valid.jsonl", &len);
	if (!buf) {
		print_message("skipped: " SHARED_DIR "/data/orangesum/valid.jsonl not found\n");
		skip();
	}
	/* Articles are JSON strings; the raw line is text enough for these properties. */
	size_t docs = 0, glued = 0, split = 0;
	for (char *line = strtok(buf, "\n"); line && docs < 300; line = strtok(NULL, "\n"), docs++) {
		size_t ll = strlen(line);
		check_properties(line, ll, "fr");
		precis_span *sp = NULL;
		size_t n = 0;
		px_sentence_split(&sp, &n, line, ll, NULL, 0, "fr");
		for (size_t i = 1; i + 2 < ll; i++) {
			unsigned char a = (unsigned char)line[i - 1], b = (unsigned char)line[i + 1],
				      c = (unsigned char)line[i + 2];
			if (line[i] == '.' && a >= 'a' && a <= 'z' && b >= 'A' && b <= 'Z' && c >= 'a' &&
			    c <= 'z') {
				glued++;
				for (size_t k = 0; k < n; k++)
					split += sp[k].end == i + 1;
			}
		}
		free(sp);
	}
	free(buf);
	print_message("OrangeSum: %zu of %zu glued junctions split in %zu articles\n", split, glued, docs);
	assert_true(glued > 100);
	assert_true(split * 100 >= glued * 95);
}

static int report(void)
{
	scase *v;
	size_t n = load_cases(&v);
	if (n == 0) {
		fprintf(stderr, "no cases in %s\n", CASES);
		return 1;
	}
	size_t tp = 0, fp = 0, fn = 0, ok = 0;
	for (size_t i = 0; i < n; i++)
		ok += run_case(&v[i], &tp, &fp, &fn, 1);
	free_cases(v, n);
	double p = tp + fp ? (double)tp / (double)(tp + fp) : 1.0;
	double r = tp + fn ? (double)tp / (double)(tp + fn) : 1.0;
	printf("sentence splitting, %s: %zu/%zu cases exactly right (%.1f%%); "
	       "boundary precision %.3f, recall %.3f, F1 %.3f\n",
	       CASES, ok, n, 100.0 * (double)ok / (double)n, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--report") == 0)
		return report();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_properties_on_seeds),
		cmocka_unit_test(test_orangesum_glued),
	};
	return cmocka_run_group_tests_name("sentence", tests, NULL, NULL);
}
