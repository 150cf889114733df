/* token: words of a text by Unicode category. */
#include <string.h>
#include <strings.h>

#include "text.h"
#include "token.h"

/* Elided forms that are split off before an apostrophe, per language. */
static const char *const elisions_fr[] = {
	"l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu",
	"jusqu", "quoiqu", "presqu", "quelqu", NULL
};
static const char *const elisions_it[] = {
	"l", "d", "un", "dell", "all", "dall", "nell", "sull", "coll", "quell",
	"c", "v", "s", "gl", "nessun", NULL
};
static const char *const elisions_ca[] = { "l", "d", "s", "m", "t", "n", NULL };

static const char *const *elisions_for(const char *lang)
{
	if (!lang)
		return NULL;
	if (strcmp(lang, "fr") == 0)
		return elisions_fr;
	if (strcmp(lang, "it") == 0)
		return elisions_it;
	if (strcmp(lang, "ca") == 0)
		return elisions_ca;
	return NULL;
}

/* Does s[start..end) spell an elided form (ASCII, case-insensitive)? */
static bool is_elision(const char *const *list, const char *s, size_t start, size_t end)
{
	size_t n = end - start;
	if (!list || n == 0 || n > 7)
		return false;
	for (const char *const *e = list; *e; e++)
		if (strlen(*e) == n && strncasecmp(*e, s + start, n) == 0)
			return true;
	return false;
}

static bool is_word_cp(int32_t cp)
{
	return px_cp_is_letter(cp) || px_cp_is_digit(cp);
}

int px_tokenize(const char *s, size_t len, const char *lang, px_token_fn fn, void *ctx)
{
	const char *const *elisions = elisions_for(lang);
	size_t i = 0;
	while (i < len) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		if (!is_word_cp(cp)) {
			i += adv;
			continue;
		}
		px_token t = { i, 0, px_cp_is_digit(cp) };
		int32_t prev = cp;
		i += adv;
		while (i < len) {
			int32_t c = px_utf8_decode(s + i, len - i, &adv);
			if (is_word_cp(c)) {
				prev = c;
				i += adv;
				continue;
			}
			/* An inner joiner continues the word only when a word character follows. */
			bool joiner = px_cp_is_hyphen(c) || px_cp_is_apostrophe(c) ||
				      ((c == '.' || c == ',') && px_cp_is_digit(prev));
			if (!joiner || i + adv >= len)
				break;
			size_t adv2;
			int32_t next = px_utf8_decode(s + i + adv, len - i - adv, &adv2);
			if (!is_word_cp(next) || ((c == '.' || c == ',') && !px_cp_is_digit(next)))
				break;
			if (px_cp_is_apostrophe(c) && is_elision(elisions, s, t.start, i)) {
				/* l'État: drop "l", restart the word after the apostrophe. */
				t.start = i + adv;
				t.number = px_cp_is_digit(next);
			}
			prev = next;
			i += adv + adv2;
		}
		t.end = i;
		int rc = fn(&t, ctx);
		if (rc)
			return rc;
	}
	return 0;
}
