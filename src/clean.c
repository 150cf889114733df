/* clean: boilerplate removal (first version: keeps every line). */
#include <stdlib.h>

#include "clean.h"

int px_clean_text(px_clean_result *out, precis_analyzer *a, const char *text, size_t len,
		  const char *lang)
{
	(void)a;
	(void)lang;
	out->lines = NULL;
	out->nlines = 0;
	out->headline = (precis_span){ 0, 0 };
	size_t cap = 0, i = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t s = i, t = e;
		while (s < t && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r'))
			s++;
		while (t > s && (text[t - 1] == ' ' || text[t - 1] == '\t' || text[t - 1] == '\r'))
			t--;
		if (t > s) {
			if (out->nlines == cap) {
				cap = cap ? cap * 2 : 32;
				px_clean_line *nl = realloc(out->lines, cap * sizeof *nl);
				if (!nl) {
					px_clean_result_free(out);
					return PRECIS_ENOMEM;
				}
				out->lines = nl;
			}
			out->lines[out->nlines++] = (px_clean_line){ { s, t }, NULL };
		}
		i = e + 1;
	}
	return 0;
}

void px_clean_result_free(px_clean_result *r)
{
	if (!r)
		return;
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
}
