/* sentence: split text into sentences with byte offsets (first version). */
#include <stdbool.h>
#include <stdlib.h>

#include "sentence.h"
#include "text.h"

typedef struct {
	precis_span *v;
	size_t n, cap;
} spanvec;

static int push(spanvec *sv, const char *text, size_t start, size_t end)
{
	while (start < end) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + start, end - start, &adv);
		if (!px_cp_is_space(cp))
			break;
		start += adv;
	}
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' ||
			       text[end - 1] == '\n' || text[end - 1] == '\r'))
		end--;
	if (end <= start)
		return 0;
	if (sv->n == sv->cap) {
		size_t nc = sv->cap ? sv->cap * 2 : 64;
		precis_span *nv = realloc(sv->v, nc * sizeof *nv);
		if (!nv)
			return PRECIS_ENOMEM;
		sv->v = nv;
		sv->cap = nc;
	}
	sv->v[sv->n++] = (precis_span){ start, end };
	return 0;
}

static bool is_terminal(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static bool is_closer(int32_t cp)
{
	return cp == '"' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D || cp == 0x2019;
}

static int split_region(spanvec *sv, const char *text, size_t start, size_t end)
{
	size_t sent = start, i = start;
	while (i < end) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + i, end - i, &adv);
		if (cp == '\n') {
			int rc = push(sv, text, sent, i);
			if (rc)
				return rc;
			sent = i + 1;
			i++;
			continue;
		}
		if (!is_terminal(cp)) {
			i += adv;
			continue;
		}
		size_t j = i + adv;
		while (j < end) {
			size_t a2;
			int32_t c2 = px_utf8_decode(text + j, end - j, &a2);
			if (!is_terminal(c2) && !is_closer(c2))
				break;
			j += a2;
		}
		size_t k = j;
		bool space = false;
		while (k < end) {
			size_t a2;
			int32_t c2 = px_utf8_decode(text + k, end - k, &a2);
			if (!px_cp_is_space(c2) || c2 == '\n')
				break;
			space = true;
			k += a2;
		}
		if (k >= end) {
			i = k;
			continue;
		}
		size_t a3;
		int32_t next = px_utf8_decode(text + k, end - k, &a3);
		if (space && (px_cp_is_upper(next) || px_cp_is_digit(next) || next == 0xAB ||
			      next == '"' || next == 0x201C)) {
			int rc = push(sv, text, sent, j);
			if (rc)
				return rc;
			sent = k;
		}
		i = k > j ? k : j;
	}
	return push(sv, text, sent, end);
}

int px_sentence_split(precis_span **out, size_t *n, const char *text, size_t len,
		      const precis_span *regions, size_t nregions, const char *lang)
{
	(void)lang;
	spanvec sv = { *out, *n, *n };
	precis_span whole = { 0, len };
	if (!regions) {
		regions = &whole;
		nregions = 1;
	}
	for (size_t r = 0; r < nregions; r++) {
		int rc = split_region(&sv, text, regions[r].start, regions[r].end);
		if (rc) {
			free(sv.v);
			*out = NULL;
			*n = 0;
			return rc;
		}
	}
	*out = sv.v;
	*n = sv.n;
	return 0;
}
