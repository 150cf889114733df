/*
 * enums: the names of the library's enums (algorithms, ROUGE compat modes
 * and measures, date kinds), the way utf8proc_category_string and
 * cmark_node_get_type_string name theirs. Every program that prints or reads
 * these names (the CLI's flags, JSON output, bindings) goes through here, so
 * a new algorithm is spelled in one table.
 */
#include <string.h>

#include "precis.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Indexed by precis_algorithm. */
static const char *const algorithm_names[] = { "precis", "textrank", "lexrank",
					       "lead",   "centroid", "random" };

/* Indexed by precis_rouge_compat. */
static const char *const compat_names[] = { "unicode", "rouge-score", "rouge155" };

/* Indexed by precis_date_kind. */
static const char *const date_kind_names[] = { "full", "day-month", "month",
					       "year", "weekday",   "relative" };

/* In the order of precis_rouge_scores' fields. */
static const char *const measure_names[PRECIS_ROUGE_MEASURES] = {
	"rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum", "rougeW", "rougeSU4"
};

static int index_of(const char *const *names, size_t n, const char *name, size_t *out)
{
	if (!name)
		return PRECIS_EINVAL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0) {
			*out = i;
			return 0;
		}
	return PRECIS_EINVAL;
}

const char *precis_algorithm_name(precis_algorithm alg)
{
	return (size_t)alg < COUNT(algorithm_names) ? algorithm_names[alg] : NULL;
}

int precis_algorithm_from_name(precis_algorithm *out, const char *name)
{
	size_t i;
	/* "default" names the same algorithm as "precis" (older scripts use it). */
	if (name && strcmp(name, "default") == 0) {
		*out = PRECIS_ALG_DEFAULT;
		return 0;
	}
	if (index_of(algorithm_names, COUNT(algorithm_names), name, &i))
		return PRECIS_EINVAL;
	*out = (precis_algorithm)i;
	return 0;
}

const char *precis_rouge_compat_name(precis_rouge_compat compat)
{
	return (size_t)compat < COUNT(compat_names) ? compat_names[compat] : NULL;
}

int precis_rouge_compat_from_name(precis_rouge_compat *out, const char *name)
{
	size_t i;
	if (index_of(compat_names, COUNT(compat_names), name, &i))
		return PRECIS_EINVAL;
	*out = (precis_rouge_compat)i;
	return 0;
}

const char *precis_date_kind_name(precis_date_kind kind)
{
	return (size_t)kind < COUNT(date_kind_names) ? date_kind_names[kind] : NULL;
}

const char *precis_rouge_measure_name(size_t index)
{
	return index < PRECIS_ROUGE_MEASURES ? measure_names[index] : NULL;
}

int precis_rouge_measure_from_name(size_t *out, const char *name)
{
	return index_of(measure_names, PRECIS_ROUGE_MEASURES, name, out);
}

unsigned precis_rouge_measure_flag(size_t index)
{
	static const unsigned flags[PRECIS_ROUGE_MEASURES] = {
		PRECIS_ROUGE_M_N, PRECIS_ROUGE_M_N,    PRECIS_ROUGE_M_N, PRECIS_ROUGE_M_N,
		PRECIS_ROUGE_M_L, PRECIS_ROUGE_M_LSUM, PRECIS_ROUGE_M_W, PRECIS_ROUGE_M_SU4
	};
	return index < PRECIS_ROUGE_MEASURES ? flags[index] : 0;
}

const precis_prf *precis_rouge_measure(const precis_rouge_scores *s, size_t index)
{
	if (!s || index >= PRECIS_ROUGE_MEASURES)
		return NULL;
	const precis_prf *v[PRECIS_ROUGE_MEASURES] = { &s->rouge1, &s->rouge2,    &s->rouge3,
						       &s->rouge4, &s->rougeL,    &s->rougeLsum,
						       &s->rougeW, &s->rougeSU4 };
	return v[index];
}
