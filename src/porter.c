/*
 * porter: the two Porter stemmer variants ROUGE tools use, reimplemented
 * so scores match theirs to the last digit. Neither equals Snowball's
 * "porter" (see the ROUGE test-vector README):
 *
 * - NLTK's PorterStemmer in its default NLTK_EXTENSIONS mode, used by
 *   Google's rouge-score (special-cased words, -ies/-ied on short words,
 *   the fulli and logi rules, y -> i only after a consonant).
 * - The Perl stemmer of ROUGE-1.5.5 (B. Martin's porter.pl as modified by
 *   C.-Y. Lin): regex rules where step 4 tries "-ement", then "-ment",
 *   then "-ent" one after another, so "agreement" becomes "agreem".
 *
 * Both take lowercase ASCII words and write the stem into out, which must
 * hold len + 2 bytes; they return the stem's length.
 */
#include <stdbool.h>
#include <string.h>

#include "porter.h"

/* ------------------------------------------------------------- NLTK */

static bool nltk_consonant(const char *w, size_t i)
{
	char c = w[i];
	if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u')
		return false;
	if (c == 'y')
		return i == 0 ? true : !nltk_consonant(w, i - 1);
	return true;
}

/* m in [C](VC)^m[V]: the number of vowel-consonant transitions. */
static int nltk_measure(const char *w, size_t n)
{
	int m = 0;
	for (size_t i = 1; i < n; i++)
		if (!nltk_consonant(w, i - 1) && nltk_consonant(w, i))
			m++;
	return m;
}

static bool nltk_has_vowel(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!nltk_consonant(w, i))
			return true;
	return false;
}

static bool nltk_double_consonant(const char *w, size_t n)
{
	return n >= 2 && w[n - 1] == w[n - 2] && nltk_consonant(w, n - 1);
}

static bool nltk_cvc(const char *w, size_t n)
{
	if (n >= 3 && nltk_consonant(w, n - 3) && !nltk_consonant(w, n - 2) &&
	    nltk_consonant(w, n - 1) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y')
		return true;
	return n == 2 && !nltk_consonant(w, 0) && nltk_consonant(w, 1);
}

static bool ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/* Replace suffix suf (known to end w) by rep; returns the new length. */
static size_t replace(char *w, size_t n, const char *suf, const char *rep)
{
	size_t k = strlen(suf), r = strlen(rep);
	memcpy(w + n - k, rep, r);
	w[n - k + r] = '\0';
	return n - k + r;
}

typedef enum { COND_NONE, COND_M0, COND_M1 } cond;

typedef struct {
	const char *suf, *rep;
	cond c;
} rule;

/*
 * NLTK's _apply_rule_list: the first rule whose suffix ends the word
 * decides, whether its condition holds or not.
 */
static size_t apply_rules(char *w, size_t n, const rule *rules, size_t nrules)
{
	for (size_t i = 0; i < nrules; i++) {
		if (!ends(w, n, rules[i].suf))
			continue;
		size_t stem = n - strlen(rules[i].suf);
		bool ok = rules[i].c == COND_NONE ||
			  (rules[i].c == COND_M0 && nltk_measure(w, stem) > 0) ||
			  (rules[i].c == COND_M1 && nltk_measure(w, stem) > 1);
		return ok ? replace(w, n, rules[i].suf, rules[i].rep) : n;
	}
	return n;
}

static size_t nltk_step1a(char *w, size_t n)
{
	if (ends(w, n, "ies") && n == 4)
		return replace(w, n, "ies", "ie");
	static const rule r[] = { { "sses", "ss", COND_NONE }, { "ies", "i", COND_NONE },
				  { "ss", "ss", COND_NONE }, { "s", "", COND_NONE } };
	return apply_rules(w, n, r, 4);
}

static size_t nltk_step1b(char *w, size_t n)
{
	if (ends(w, n, "ied"))
		return replace(w, n, "ied", n == 4 ? "ie" : "i");
	if (ends(w, n, "eed"))
		return nltk_measure(w, n - 3) > 0 ? replace(w, n, "eed", "ee") : n;
	size_t stem;
	if (ends(w, n, "ed") && nltk_has_vowel(w, n - 2))
		stem = n - 2;
	else if (ends(w, n, "ing") && nltk_has_vowel(w, n - 3))
		stem = n - 3;
	else
		return n;
	w[stem] = '\0';
	n = stem;
	if (ends(w, n, "at"))
		return replace(w, n, "at", "ate");
	if (ends(w, n, "bl"))
		return replace(w, n, "bl", "ble");
	if (ends(w, n, "iz"))
		return replace(w, n, "iz", "ize");
	if (nltk_double_consonant(w, n)) {
		/* The "*d" rule: drop one letter unless it is l, s or z. */
		char last = w[n - 1];
		if (last != 'l' && last != 's' && last != 'z')
			w[--n] = '\0';
		return n;
	}
	if (nltk_measure(w, n) == 1 && nltk_cvc(w, n)) {
		w[n++] = 'e';
		w[n] = '\0';
	}
	return n;
}

static size_t nltk_step1c(char *w, size_t n)
{
	if (ends(w, n, "y") && n - 1 > 1 && nltk_consonant(w, n - 2))
		return replace(w, n, "y", "i");
	return n;
}

static size_t nltk_step2(char *w, size_t n)
{
	if (ends(w, n, "alli") && nltk_measure(w, n - 4) > 0)
		return nltk_step2(w, replace(w, n, "alli", "al"));
	static const rule r[] = {
		{ "ational", "ate", COND_M0 }, { "tional", "tion", COND_M0 },
		{ "enci", "ence", COND_M0 },   { "anci", "ance", COND_M0 },
		{ "izer", "ize", COND_M0 },    { "bli", "ble", COND_M0 },
		{ "alli", "al", COND_M0 },     { "entli", "ent", COND_M0 },
		{ "eli", "e", COND_M0 },       { "ousli", "ous", COND_M0 },
		{ "ization", "ize", COND_M0 }, { "ation", "ate", COND_M0 },
		{ "ator", "ate", COND_M0 },    { "alism", "al", COND_M0 },
		{ "iveness", "ive", COND_M0 }, { "fulness", "ful", COND_M0 },
		{ "ousness", "ous", COND_M0 }, { "aliti", "al", COND_M0 },
		{ "iviti", "ive", COND_M0 },   { "biliti", "ble", COND_M0 },
		{ "fulli", "ful", COND_M0 },
	};
	size_t nrules = sizeof r / sizeof r[0];
	for (size_t i = 0; i < nrules; i++)
		if (ends(w, n, r[i].suf))
			return apply_rules(w, n, &r[i], 1);
	/* NLTK's logi rule measures the word minus "ogi", not minus "logi". */
	if (ends(w, n, "logi"))
		return nltk_measure(w, n - 3) > 0 ? replace(w, n, "logi", "log") : n;
	return n;
}

static size_t nltk_step3(char *w, size_t n)
{
	static const rule r[] = { { "icate", "ic", COND_M0 }, { "ative", "", COND_M0 },
				  { "alize", "al", COND_M0 }, { "iciti", "ic", COND_M0 },
				  { "ical", "ic", COND_M0 },  { "ful", "", COND_M0 },
				  { "ness", "", COND_M0 } };
	return apply_rules(w, n, r, sizeof r / sizeof r[0]);
}

static size_t nltk_step4(char *w, size_t n)
{
	static const char *const sufs[] = { "al",  "ance", "ence", "er",  "ic",  "able", "ible",
					    "ant", "ement", "ment", "ent", "ion", "ou",  "ism",
					    "ate", "iti",  "ous",  "ive", "ize" };
	for (size_t i = 0; i < sizeof sufs / sizeof sufs[0]; i++) {
		if (!ends(w, n, sufs[i]))
			continue;
		size_t stem = n - strlen(sufs[i]);
		bool ok = nltk_measure(w, stem) > 1;
		if (strcmp(sufs[i], "ion") == 0)
			ok = ok && stem > 0 && (w[stem - 1] == 's' || w[stem - 1] == 't');
		if (ok)
			w[stem] = '\0';
		return ok ? stem : n;
	}
	return n;
}

static size_t nltk_step5(char *w, size_t n)
{
	if (ends(w, n, "e")) {
		int m = nltk_measure(w, n - 1);
		if (m > 1 || (m == 1 && !nltk_cvc(w, n - 1)))
			w[--n] = '\0';
	}
	if (ends(w, n, "ll") && nltk_measure(w, n - 1) > 1)
		w[--n] = '\0';
	return n;
}

size_t px_porter_nltk(char *out, const char *word, size_t len)
{
	static const struct {
		const char *form, *stem;
	} pool[] = { { "sky", "sky" },       { "skies", "sky" },     { "dying", "die" },
		     { "lying", "lie" },     { "tying", "tie" },     { "news", "news" },
		     { "innings", "inning" }, { "inning", "inning" }, { "outings", "outing" },
		     { "outing", "outing" }, { "cannings", "canning" }, { "canning", "canning" },
		     { "howe", "howe" },     { "proceed", "proceed" }, { "exceed", "exceed" },
		     { "succeed", "succeed" } };
	for (size_t i = 0; i < sizeof pool / sizeof pool[0]; i++)
		if (strlen(pool[i].form) == len && memcmp(pool[i].form, word, len) == 0) {
			strcpy(out, pool[i].stem);
			return strlen(out);
		}
	memcpy(out, word, len);
	out[len] = '\0';
	if (len <= 2)
		return len;
	size_t n = nltk_step1a(out, len);
	n = nltk_step1b(out, n);
	n = nltk_step1c(out, n);
	n = nltk_step2(out, n);
	n = nltk_step3(out, n);
	n = nltk_step4(out, n);
	return nltk_step5(out, n);
}

/* ------------------------------------------------------ ROUGE-1.5.5 Perl */

/*
 * The Perl stemmer tests [C](VC)^m[V] with regexes over these classes:
 * c = [^aeiou], v = [aeiouy], C = c[^aeiouy]*, V = v[aeiou]*. A vowel
 * run goes on only over [aeiou] and a consonant run only over
 * [^aeiouy], so 'y' always starts a new run, and since C and V must
 * alternate, that run is whatever kind comes next: a consonant after a
 * vowel ("play" is C V C, m = 1), a vowel after a consonant ("syzygy").
 * Backtracking cannot find another reading: cutting a run short leaves a
 * character the next run cannot start with. So the regexes reduce to
 * counting the runs of that one reading. An initial 'y' was uppercased by
 * the Perl code ('Y' is a plain consonant): callers pass it as 'Y'.
 */
static bool perl_vowel_more(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool perl_vowel_start(char c)
{
	return perl_vowel_more(c) || c == 'y';
}

typedef struct {
	int m;      /* VC pairs: regex mgr0 is m > 0, mgr1 m > 1, meq1 m == 1 */
	bool vowel; /* some vowel run exists (regex _v) */
} shape;

static shape perl_shape(const char *w, size_t n)
{
	shape s = { 0, false };
	if (n == 0)
		return s;
	bool in_vowel = perl_vowel_more(w[0]);
	s.vowel = in_vowel;
	for (size_t i = 1; i < n; i++) {
		bool starts = w[i] == 'y' || perl_vowel_more(w[i]) != in_vowel;
		if (!starts)
			continue;
		in_vowel = !in_vowel;
		if (in_vowel)
			s.vowel = true;
		else
			s.m++; /* a consonant run after a vowel run closes one VC */
	}
	return s;
}

/* /^C v [^aeiouwxy]$/: a consonant run, one vowel, one final consonant. */
static bool perl_short_cvc(const char *w, size_t n)
{
	if (n < 3 || perl_vowel_more(w[0])) /* a consonant run may start with y */
		return false;
	size_t i = 1;
	while (i < n && !perl_vowel_start(w[i]))
		i++;
	if (i + 2 != n || !perl_vowel_start(w[i]))
		return false;
	char c = w[i + 1];
	return !(perl_vowel_more(c) || c == 'w' || c == 'x' || c == 'y');
}

/* Longest suffix of w from the list (the leftmost regex match). */
static const char *perl_longest(const char *w, size_t n, const char *const *list)
{
	const char *best = NULL;
	for (const char *const *s = list; *s; s++)
		if (ends(w, n, *s) && (!best || strlen(*s) > strlen(best)))
			best = *s;
	return best;
}

size_t px_porter_rouge155(char *out, const char *word, size_t len)
{
	memcpy(out, word, len);
	out[len] = '\0';
	if (len < 3)
		return len;
	char *w = out;
	size_t n = len;
	bool ystart = w[0] == 'y';
	if (ystart)
		w[0] = 'Y';
	/* Step 1a */
	if (ends(w, n, "sses") || ends(w, n, "ies"))
		n -= 2, w[n] = '\0';
	else if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
		w[--n] = '\0';
	/* Step 1b */
	if (ends(w, n, "eed")) {
		if (perl_shape(w, n - 3).m > 0)
			w[--n] = '\0';
	} else if ((ends(w, n, "ed") && perl_shape(w, n - 2).vowel) ||
		   (ends(w, n, "ing") && perl_shape(w, n - 3).vowel)) {
		n -= ends(w, n, "ed") ? 2 : 3;
		w[n] = '\0';
		if (ends(w, n, "at") || ends(w, n, "bl") || ends(w, n, "iz")) {
			w[n++] = 'e';
			w[n] = '\0';
		} else if (n >= 2 && w[n - 1] == w[n - 2] && !perl_vowel_start(w[n - 1]) &&
			   w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z') {
			w[--n] = '\0';
		} else if (perl_short_cvc(w, n)) {
			w[n++] = 'e';
			w[n] = '\0';
		}
	}
	/* Step 1c */
	if (ends(w, n, "y") && perl_shape(w, n - 1).vowel)
		w[n - 1] = 'i';
	/* Step 2 */
	static const char *const s2[] = { "ational", "tional", "enci", "anci", "izer", "bli",
					  "alli", "entli", "eli", "ousli", "ization", "ation",
					  "ator", "alism", "iveness", "fulness", "ousness", "aliti",
					  "iviti", "biliti", "logi", NULL };
	static const char *const r2[] = { "ate", "tion", "ence", "ance", "ize", "ble", "al",
					  "ent", "e", "ous", "ize", "ate", "ate", "al", "ive",
					  "ful", "ous", "al", "ive", "ble", "log", NULL };
	const char *suf = perl_longest(w, n, s2);
	if (suf && perl_shape(w, n - strlen(suf)).m > 0) {
		size_t k = 0;
		while (strcmp(s2[k], suf) != 0)
			k++;
		n = replace(w, n, suf, r2[k]);
	}
	/* Step 3 */
	static const char *const s3[] = { "icate", "ative", "alize", "iciti", "ical", "ful",
					  "ness", NULL };
	static const char *const r3[] = { "ic", "", "al", "ic", "ic", "", "", NULL };
	suf = perl_longest(w, n, s3);
	if (suf && perl_shape(w, n - strlen(suf)).m > 0) {
		size_t k = 0;
		while (strcmp(s3[k], suf) != 0)
			k++;
		n = replace(w, n, suf, r3[k]);
	}
	/* Step 4: three separate tests, each on the result of the last. */
	static const char *const s4[] = { "al", "ance", "ence", "er", "ic", "able", "ible",
					  "ant", "ement", "ou", "ism", "ate", "iti", "ous",
					  "ive", "ize", NULL };
	suf = perl_longest(w, n, s4);
	if (suf && perl_shape(w, n - strlen(suf)).m > 1)
		n -= strlen(suf), w[n] = '\0';
	if (ends(w, n, "ment") && perl_shape(w, n - 4).m > 1)
		n -= 4, w[n] = '\0';
	if (ends(w, n, "ent")) {
		if (perl_shape(w, n - 3).m > 1)
			n -= 3, w[n] = '\0';
	} else if ((ends(w, n, "sion") || ends(w, n, "tion")) && perl_shape(w, n - 3).m > 1) {
		n -= 3, w[n] = '\0';
	}
	/* Step 5 */
	if (ends(w, n, "e")) {
		shape s = perl_shape(w, n - 1);
		if (s.m > 1 || (s.m == 1 && !perl_short_cvc(w, n - 1)))
			w[--n] = '\0';
	}
	if (ends(w, n, "ll") && perl_shape(w, n).m > 1)
		w[--n] = '\0';
	if (ystart)
		w[0] = 'y';
	return n;
}
