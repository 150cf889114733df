/* agency: see agency.h. */
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "data.h"
#include "precis.h"
#include "strmap.h"
#include "vec.h"

#define MAX_KEY 256 /* bytes of a name tried: agency names are far shorter */

struct px_agencies {
	px_strmap *alias; /* name as printed -> id */
	const char **canon;
	size_t *canon_len;
	size_t ncanon, capcanon, capclen;
	size_t maxwords;
	bool starts[256]; /* first bytes of names */
};

static void agencies_free(void *p)
{
	px_agencies *t = p;
	if (!t)
		return;
	px_strmap_free(t->alias);
	free(t->canon);
	free(t->canon_len);
	free(t);
}

static int agency_add(const char *canon, size_t clen, const char *name, size_t nlen, void *ctx)
{
	px_agencies *t = ctx;
	size_t words = 1;
	for (size_t i = 0; i < nlen; i++)
		words += name[i] == ' ';
	if (words > t->maxwords)
		t->maxwords = words;
	t->starts[(unsigned char)name[0]] = true;
	int64_t id;
	int added;
	int rc = px_strmap_intern(t->alias, name, nlen, &id, &added);
	if (rc || !added)
		return rc;
	size_t need = (size_t)id + 1;
	if ((rc = px_vec_reserve((void **)&t->canon, &t->capcanon, need, sizeof *t->canon)) ||
	    (rc = px_vec_reserve((void **)&t->canon_len, &t->capclen, need, sizeof *t->canon_len)))
		return rc;
	t->canon[id] = canon;
	t->canon_len[id] = clen;
	t->ncanon = need;
	return 0;
}

static int agencies_build(void **out, const void *arg)
{
	(void)arg;
	px_agencies *t = calloc(1, sizeof *t);
	int rc = t ? px_strmap_new(&t->alias) : PRECIS_ENOMEM;
	if (!rc)
		rc = px_data_aliases(px_data_find("stopwords/cues/agencies.txt"), agency_add, t);
	if (rc) {
		agencies_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

const px_agencies *px_agency_table(void)
{
	static px_data_once once;
	void *t;
	return px_data_once_get(&t, &once, agencies_build, agencies_free, NULL) ? NULL : t;
}

size_t px_agencies_maxwords(const px_agencies *t)
{
	return t->maxwords;
}

bool px_agency_may_start(const px_agencies *t, unsigned char c)
{
	return t->starts[c];
}

size_t px_agency_match(const px_agencies *t, const char *s, const px_token *words, size_t nwords,
		       const char **canon, size_t *clen)
{
	if (nwords == 0 || !t->starts[(unsigned char)s[words[0].start]])
		return 0;
	/* Names are their words joined by single spaces, whatever the text puts between. */
	char key[MAX_KEY];
	size_t klen = 0, ends[16], n = 0;
	for (size_t k = 0; k < nwords && k < t->maxwords && k < 16; k++) {
		size_t wl = words[k].end - words[k].start;
		if (klen + (k > 0) + wl > sizeof key)
			break;
		if (k > 0)
			key[klen++] = ' ';
		memcpy(key + klen, s + words[k].start, wl);
		klen += wl;
		ends[n++] = klen;
	}
	for (size_t k = n; k > 0; k--) {
		int64_t id = px_strmap_get(t->alias, key, ends[k - 1]);
		if (id >= 0) {
			*canon = t->canon[id];
			*clen = t->canon_len[id];
			return k;
		}
	}
	return 0;
}

bool px_agency_exact(const px_agencies *t, const char *s, size_t len, const char **canon,
		     size_t *clen)
{
	int64_t id = px_strmap_get(t->alias, s, len);
	if (id < 0)
		return false;
	*canon = t->canon[id];
	*clen = t->canon_len[id];
	return true;
}
