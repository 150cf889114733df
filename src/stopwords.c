/* stopwords: supported languages and their embedded stop lists. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "data.h"
#include "precis.h"
#include "stopwords.h"

/* Languages with both a Snowball stemmer and a stop list in stopwords/. */
static const px_lang langs[] = {
	{ "ar", "arabic" },     { "ca", "catalan" },    { "da", "danish" },
	{ "de", "german" },     { "el", "greek" },      { "en", "english" },
	{ "es", "spanish" },    { "eu", "basque" },     { "fi", "finnish" },
	{ "fr", "french" },     { "ga", "irish" },      { "hi", "hindi" },
	{ "hu", "hungarian" },  { "hy", "armenian" },   { "id", "indonesian" },
	{ "it", "italian" },    { "lt", "lithuanian" }, { "nl", "dutch" },
	{ "no", "norwegian" },  { "pt", "portuguese" }, { "ro", "romanian" },
	{ "ru", "russian" },    { "sv", "swedish" },    { "tr", "turkish" },
};

static const char *const codes[] = {
	"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr", "ga", "hi",
	"hu", "hy", "id", "it", "lt", "nl", "no", "pt", "ro", "ru", "sv", "tr", NULL
};

const char *const *precis_languages(void)
{
	return codes;
}

int precis_language_supported(const char *code)
{
	return px_lang_index(code) >= 0;
}

size_t px_lang_count(void)
{
	return sizeof langs / sizeof langs[0];
}

int px_lang_index(const char *code)
{
	if (!code)
		return -1;
	for (size_t i = 0; i < px_lang_count(); i++)
		if (strcmp(langs[i].code, code) == 0)
			return (int)i;
	return -1;
}

const px_lang *px_lang_at(int index)
{
	return &langs[index];
}

/* Add every word of an embedded list ('|' starts a comment) to m. */
static int parse_list(px_strmap *m, const char *path)
{
	const px_datafile *f = px_data_find(path);
	if (!f)
		return PRECIS_ELANG;
	const char *p = f->bytes, *end = f->bytes + f->len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *bar = memchr(p, '|', (size_t)(eol - p));
		const char *stop = bar ? bar : eol;
		const char *w = p;
		while (w < stop) {
			while (w < stop && (*w == ' ' || *w == '\t' || *w == '\r'))
				w++;
			const char *we = w;
			while (we < stop && *we != ' ' && *we != '\t' && *we != '\r')
				we++;
			if (we > w) {
				int64_t id;
				int rc = px_strmap_intern(m, w, (size_t)(we - w), &id, NULL);
				if (rc)
					return rc;
			}
			w = we;
		}
		p = eol + 1;
	}
	return 0;
}

static int load(px_strmap **out, int lang_index, bool detect)
{
	char path[64];
	px_strmap *m;
	int rc = px_strmap_new(&m);
	if (rc)
		return rc;
	snprintf(path, sizeof path, "stopwords/%s.txt", langs[lang_index].code);
	rc = parse_list(m, path);
	if (!rc && detect) {
		snprintf(path, sizeof path, "stopwords/detect/%s.txt", langs[lang_index].code);
		rc = parse_list(m, path);
	}
	if (rc) {
		px_strmap_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

int px_stopwords_load(px_strmap **out, int lang_index)
{
	return load(out, lang_index, false);
}

int px_detect_words_load(px_strmap **out, int lang_index)
{
	return load(out, lang_index, true);
}
