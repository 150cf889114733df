/*
 * compare_words: distinctive wording per outlet (weighted log-odds), and
 * the words it leaves out. Beyond the Snowball stop words the analyzer
 * marks, function words say nothing about how an outlet framed a story:
 * auxiliary and modal forms, reporting verbs, degree and linking adverbs,
 * number words, months and weekdays. Snowball's lists are made for
 * retrieval and keep "avoir", "plus", "said", which filled the
 * "Distinctive wording" of the journal report (issue 16). The lists below
 * were written from the grammar of each language (closed classes and
 * reporting verbs only, never a topic word); languages without one here
 * keep their stop words only.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare_priv.h"
#include "vec.h"

static const char *const en[] = {
	"about", "according", "added", "adding", "after", "ago", "already", "also", "although",
	"among", "another", "around", "asked", "away", "back", "because", "been", "before",
	"behind", "being", "besides", "both", "can", "cannot", "could", "despite", "did",
	"does", "done", "during", "each", "eight", "either", "else", "even", "ever", "every",
	"five", "four", "had", "has", "have", "however", "instead", "just", "least", "less",
	"made", "make", "makes", "many", "may", "might", "more", "most", "much", "must", "nine",
	"now", "one", "only", "perhaps", "quite", "rather", "really", "said", "say", "saying",
	"says", "seven", "shall", "should", "since", "six", "still", "such", "ten", "than",
	"thanks", "though", "three", "through", "thus", "told", "tell", "tells", "two", "upon",
	"very", "well", "whether", "which", "while", "will", "within", "without", "would",
	"yet", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};

static const char *const fr[] = {
	"afin", "ainsi", "alors", "après", "assez", "aujourd'hui", "auparavant",
	"aussi", "autant", "autre", "autres", "avait", "avaient", "avant", "avec", "avoir",
	"beaucoup", "bien", "cependant", "cinq", "comme", "déclaré", "déjà", "depuis", "deux",
	"dit", "dite", "dits", "dix", "donc", "dont", "désormais", "encore", "enfin", "ensuite",
	"environ", "être", "fait", "faire", "faut", "huit", "ici", "indiqué", "jamais", "lors",
	"lorsque", "mais", "moins", "neuf", "notamment", "peu", "peut", "peuvent", "plus",
	"plusieurs", "pourtant", "près", "puis", "quatre", "quelque", "quelques", "sept", "selon",
	"sera", "seront", "serait", "six", "sont", "souvent", "surtout", "tant", "tard", "toujours",
	"tous", "tout", "toute", "toutes", "très", "trois", "trop", "un", "une", "vers", "déclare",
	"affirmé", "ajouté", "annoncé", "estimé", "expliqué", "précisé", "souligné", "doit",
	"devrait", "pourrait", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	"dimanche", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre",
};

/* Linear scan: the lists are short and this runs once per distinct word. */
static bool in_list(const char *const *v, size_t n, const char *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], w, len) == 0)
			return true;
	return false;
}

bool px_cmp_function_word(const char *lang, const char *folded, size_t len)
{
	if (!lang)
		return false;
	if (strcmp(lang, "en") == 0)
		return in_list(en, sizeof en / sizeof *en, folded, len);
	if (strcmp(lang, "fr") == 0)
		return in_list(fr, sizeof fr / sizeof *fr, folded, len);
	return false;
}

typedef struct {
	const char *w;
	double z;
} zterm;

static int cmp_z(const void *a, const void *b)
{
	const zterm *x = a, *y = b;
	if (x->z != y->z)
		return x->z < y->z ? 1 : -1;
	return strcmp(x->w, y->w);
}

/*
 * Distinctive words of each outlet against the other outlets of its story
 * that write in the same language (across languages every word would
 * differ): weighted log-odds ratio with an informative Dirichlet prior
 * from the whole collection (Monroe, Colaresi & Quinn 2008), as z-scores.
 * Only z >= 1.96 is reported: the usual two-sided 5% line, which the
 * reports state; below it the journal report listed noise (z 1.0-1.9).
 */
#define DISTINCT_MIN_COUNT 2
/*
 * Prior strength in words: Monroe et al. scale the collection counts; at
 * 200 a short article's own usage still shows through the prior.
 */
#define DISTINCT_PRIOR 200.0

/* The story's word counts, so that "the other outlets" is the story minus one. */
typedef struct {
	px_strmap *words;
	double *count, total;
	size_t cap;
} counts;

static int story_counts(counts *sc, const coll *c, const px_story *st, const char *lang)
{
	if (px_strmap_new(&sc->words))
		return PRECIS_ENOMEM;
	for (size_t x = 0; x < st->narticles; x++) {
		const work *wx = &c->w[st->articles[x]];
		if (strcmp(wx->doc->lang, lang) != 0)
			continue;
		for (size_t k = 0; k < px_strmap_count(wx->words); k++) {
			size_t len;
			const char *word = px_strmap_key(wx->words, (int64_t)k, &len);
			int64_t id;
			if (px_strmap_intern(sc->words, word, len, &id, NULL) ||
			    px_vec_reserve0((void **)&sc->count, &sc->cap, (size_t)id + 1,
					    sizeof *sc->count))
				return PRECIS_ENOMEM;
			sc->count[id] += wx->wcount[k];
			sc->total += wx->wcount[k];
		}
	}
	return 0;
}

/* One article's words with z >= DISTINCT_MIN_Z against the rest of its story. */
static int article_distinctive(px_article *pa, const work *wx, const counts *sc,
			       px_strmap *all, const double *all_count, double all_total)
{
	const double a0 = DISTINCT_PRIOR;
	size_t nw = px_strmap_count(wx->words), nz = 0;
	zterm *zs = malloc((nw ? nw : 1) * sizeof *zs);
	if (!zs || !(pa->distinctive = calloc(MAX_TERMS, sizeof *pa->distinctive))) {
		free(zs);
		return PRECIS_ENOMEM;
	}
	double ni = (double)wx->nwords_total, nj = sc->total - ni;
	for (size_t k = 0; k < nw; k++) {
		size_t len;
		const char *word = px_strmap_key(wx->words, (int64_t)k, &len);
		int64_t g = px_strmap_get(all, word, len);
		double alpha = a0 * (g >= 0 ? all_count[g] : 1) / all_total;
		double yi = wx->wcount[k];
		double yj = sc->count[px_strmap_get(sc->words, word, len)] - yi;
		double d = log((yi + alpha) / (ni + a0 - yi - alpha)) -
			   log((yj + alpha) / (nj + a0 - yj - alpha));
		double var = 1 / (yi + alpha) + 1 / (yj + alpha);
		if (yi >= DISTINCT_MIN_COUNT) /* "uses markedly more": at least twice */
			zs[nz++] = (zterm){ word, d / sqrt(var) };
	}
	qsort(zs, nz, sizeof *zs, cmp_z);
	int rc = 0;
	for (size_t k = 0; k < nz && pa->ndistinctive < MAX_TERMS && !rc; k++) {
		if (zs[k].z < PX_DISTINCT_MIN_Z)
			continue;
		char *name = strdup(zs[k].w);
		if (name)
			pa->distinctive[pa->ndistinctive++] = (px_term){ name, zs[k].z };
		else
			rc = PRECIS_ENOMEM;
	}
	free(zs);
	return rc;
}

int px_cmp_distinctive(precis_comparison *cmp, coll *c, px_story *st, px_strmap *all,
		       const double *all_count, double all_total)
{
	if (st->narticles < 2)
		return 0;
	int rc = 0;
	/* One language at a time: each outlet against its same-language peers only. */
	for (size_t x = 0; x < st->narticles && !rc; x++) {
		const char *lang = c->w[st->articles[x]].doc->lang;
		size_t peers = 0;
		bool first = true;
		for (size_t y = 0; y < st->narticles; y++) {
			bool same = strcmp(c->w[st->articles[y]].doc->lang, lang) == 0;
			first &= !(same && y < x);
			peers += same && y != x;
		}
		if (!first)
			continue; /* its language was done with an earlier article */
		counts sc = { NULL, NULL, 0, 0 };
		if (peers)
			rc = story_counts(&sc, c, st, lang);
		for (size_t y = x; y < st->narticles && !rc; y++) {
			px_article *pa = &cmp->articles[st->articles[y]];
			if (strcmp(c->w[st->articles[y]].doc->lang, lang) != 0)
				continue;
			pa->distinctive_peers = peers;
			if (peers)
				rc = article_distinctive(pa, &c->w[st->articles[y]], &sc, all, all_count,
							 all_total);
		}
		px_strmap_free(sc.words);
		free(sc.count);
	}
	return rc;
}

