/*
 * clean_cues: the cue data of clean-<lang>.txt (cues with their reason
 * and length limit, plain word lists) and the skeleton that cues and
 * lines are compared on.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean_priv.h"
#include "data.h"
#include "stopwords.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ------------------------------------------------------------- cue data */

static const char *const list_sections[LIST_COUNT] = {
	"outlet", "dateword", "signature-word", "owner-word", "unnamed-agencies",
	"published-cue", "updated-cue", "staff-of"
};

/* The reasons a data file may name; the strings returned to callers. */
static const char *const cue_reasons[] = {
	"nav", "share", "comments", "newsletter", "consent", "teaser", "copyright", "credit",
	"ad", "byline", "support", "template", "signature", "widget", "paywall", NULL
};

static void cueset_free(void *p)
{
	cueset *c = p;
	if (!c)
		return;
	free(c->cues);
	for (int i = 0; i < LIST_COUNT; i++)
		free(c->list[i]);
	free(c->arena);
	free(c);
}

/* Copy s into the arena, NUL-terminated (the arena is sized up front). */
static const char *arena_copy(cueset *c, const char *s, size_t len)
{
	char *d = c->arena + c->alen;
	memcpy(d, s, len);
	d[len] = '\0';
	c->alen += len + 1;
	return d;
}

/*
 * The skeleton of folded text: letters (digits too when keep_digits),
 * apostrophes and hyphens inside words; every other run becomes one
 * space, none at either end. out has room for len + 1 bytes.
 */
size_t px_clean_skeleton(char *out, const char *s, size_t len, bool keep_digits)
{
	size_t o = 0;
	bool gap = false;
	for (size_t i = 0; i < len;) {
		size_t adv;
		int32_t cp = px_utf8_decode(s + i, len - i, &adv);
		bool keep = px_cp_is_letter(cp) || (keep_digits && px_cp_is_digit(cp));
		/* An apostrophe or hyphen stays between two kept characters. */
		if (!keep && o > 0 && !gap && (px_cp_is_apostrophe(cp) || px_cp_is_hyphen(cp)) &&
		    i + adv < len) {
			size_t nadv;
			int32_t next = px_utf8_decode(s + i + adv, len - i - adv, &nadv);
			keep = px_cp_is_letter(next) || (keep_digits && px_cp_is_digit(next));
		}
		if (keep) {
			if (gap && o > 0)
				out[o++] = ' ';
			gap = false;
			memcpy(out + o, s + i, adv);
			o += adv;
		} else {
			gap = true;
		}
		i += adv;
	}
	out[o] = '\0';
	return o;
}

static const char *reason_named(const char *s, size_t len)
{
	for (const char *const *r = cue_reasons; *r; r++)
		if (strlen(*r) == len && memcmp(*r, s, len) == 0)
			return *r;
	return NULL;
}

static int push_word(cueset *c, int list, const char *s, size_t len)
{
	if (c->nlist[list] == c->capwords)
		return PRECIS_EFORMAT; /* the lists are ours: a cap hit is a data bug */
	c->list[list][c->nlist[list]++] = arena_copy(c, s, len);
	return 0;
}

/* "[reason words=N]": the section's reason (or list) and length limit. */
static int parse_section(const char *p, size_t len, const char **reason, int *list,
			 size_t *max_words)
{
	size_t e = 1;
	while (e < len && p[e] != ']' && p[e] != ' ')
		e++;
	*reason = reason_named(p + 1, e - 1);
	*list = -1;
	for (int i = 0; i < LIST_COUNT && !*reason && *list < 0; i++)
		if (strlen(list_sections[i]) == e - 1 && memcmp(p + 1, list_sections[i], e - 1) == 0)
			*list = i;
	if (!*reason && *list < 0)
		return PRECIS_EFORMAT;
	*max_words = 0;
	if (e < len && p[e] == ' ') {
		if (len - e < 8 || memcmp(p + e, " words=", 7) != 0)
			return PRECIS_EFORMAT;
		for (e += 7; e < len && p[e] >= '0' && p[e] <= '9'; e++)
			*max_words = *max_words * 10 + (size_t)(p[e] - '0');
	}
	return e < len && p[e] == ']' ? 0 : PRECIS_EFORMAT;
}

/* "^ a + b": up to three phrases joined by " + ". */
static int parse_cue(cueset *c, const char *reason, size_t max_words, const char *p, size_t len)
{
	if (len < 3 || p[1] != ' ' || !strchr("=^*$", p[0]))
		return PRECIS_EFORMAT;
	if (c->ncues == c->capcues)
		return PRECIS_EFORMAT;
	cue *k = &c->cues[c->ncues++];
	memset(k, 0, sizeof *k);
	k->reason = reason;
	k->how = p[0] == '=' ? MATCH_LINE : p[0] == '^' ? MATCH_START : p[0] == '*' ? MATCH_ANY : MATCH_END;
	k->max_words = max_words ? max_words : k->how == MATCH_START ? START_WORDS : ANY_WORDS;
	const char *s = p + 2, *end = p + len;
	while (s < end) {
		const char *plus = s;
		while (plus + 3 <= end && memcmp(plus, " + ", 3) != 0)
			plus++;
		if (plus + 3 > end)
			plus = end;
		if (k->nparts == 3 || plus == s)
			return PRECIS_EFORMAT;
		if (k->how == MATCH_LINE) {
			char *d = c->arena + c->alen;
			c->alen += px_clean_skeleton(d, s, (size_t)(plus - s), false) + 1;
			k->part[k->nparts++] = d;
		} else {
			k->part[k->nparts++] = arena_copy(c, s, (size_t)(plus - s));
		}
		s = plus < end ? plus + 3 : end;
	}
	return 0;
}

struct cue_walk {
	cueset *c;
	const char *reason;
	int list;
	size_t max_words;
};

static int cue_line(const px_data_line *d, void *ctx)
{
	struct cue_walk *w = ctx;
	cueset *c = w->c;
	if (d->nth == 0)
		return parse_section(d->text, d->len, &w->reason, &w->list, &w->max_words);
	if (w->list >= 0)
		return push_word(c, w->list, d->text, d->len);
	if (w->reason)
		return parse_cue(c, w->reason, w->max_words, d->text, d->len);
	return PRECIS_EFORMAT; /* a cue before any section */
}

static int load_cue_file(cueset *c, const px_datafile *f)
{
	struct cue_walk w = { c, NULL, -1, 0 };
	return px_data_sections(f, cue_line, &w);
}

/*
 * The cues of file (clean-<lang>.txt, or NULL), then the English ones
 * (English widget text shows up on pages in every language), and the
 * agency table.
 */
static int cues_build(void **out, const void *arg)
{
	const px_datafile *file = ((const px_lang_file *)arg)->file;
	cueset *c = calloc(1, sizeof *c);
	if (!c)
		return PRECIS_ENOMEM;
	const px_datafile *files[2] = { file, px_data_find("stopwords/cues/clean-en.txt") };
	size_t bytes = 0, lines = 0;
	for (int i = 0; i < 2; i++) {
		if (!files[i])
			continue;
		bytes += files[i]->len;
		for (size_t k = 0; k < files[i]->len; k++)
			lines += files[i]->bytes[k] == '\n' || files[i]->bytes[k] == ',';
	}
	/* Every copy is at most its source line plus a NUL. */
	c->acap = bytes + lines + 3;
	c->capcues = lines + 1;
	c->capwords = lines + 1;
	c->arena = malloc(c->acap);
	c->cues = malloc(c->capcues * sizeof *c->cues);
	bool lists = true;
	for (int i = 0; i < LIST_COUNT; i++)
		lists = (c->list[i] = malloc(c->capwords * sizeof *c->list[i])) && lists;
	int rc = c->arena && c->cues && lists && (c->agencies = px_agency_table()) ? 0 : PRECIS_ENOMEM;
	for (int i = 0; i < 2 && !rc; i++)
		if (files[i])
			rc = load_cue_file(c, files[i]);
	if (rc) {
		cueset_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

int px_clean_cues(const cueset **out, const char *lang)
{
	static px_lang_once once;
	void *c;
	int rc = px_lang_data_get(&c, &once, "stopwords/cues/clean-", lang, cues_build, cueset_free);
	if (!rc)
		*out = c;
	return rc;
}

bool px_clean_in_list(const cueset *c, int list, const char *s, size_t len)
{
	const char *const *v = c->list[list];
	size_t n = c->nlist[list];
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], s, len) == 0)
			return true;
	return false;
}
