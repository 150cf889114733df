/*
 * dump_features: the training table of eval/fit_rank.py. For every record
 * of a JSONL set ({"article", "abstract", "title"?}), one line per sentence:
 * record number, sentence number, greedy-oracle label (1 when the ROUGE
 * oracle picks the sentence), then the PX_NFEAT features of feature.c.
 * Built and run by fit_rank.py against build/libprecis.a and src/.
 * Usage: dump_features [--stem] FILE.jsonl
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "feature.h"
#include "precis.h"
#include "vectorize.h"

/*
 * The greedy oracle's cost grows with the square of what it has picked;
 * 10 sentences cover BBC's long references (8 on average) and keep a
 * 25 KB article with a 2,000-word reference from taking minutes.
 */
#define ORACLE_MAX 10

static const char *str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void dump(size_t rec, const precis_doc *d, const char *ref, precis_rouge *scorer)
{
	size_t n = d->nsents, np = 0;
	px_vectors v;
	double *f = malloc((n ? n : 1) * PX_NFEAT * sizeof *f);
	size_t *picked = malloc((n ? n : 1) * sizeof *picked);
	char *label = calloc(n ? n : 1, 1);
	px_rank_options ro = { 0.85, 1e-6, 100, 0.0, false, 0, 0, NULL, NULL, NULL };
	if (!f || !picked || !label || px_tfidf_build(&v, d, NULL))
		exit(1);
	if (px_features(f, d, &v, &ro) || precis_oracle(picked, &np, d, ref, scorer, ORACLE_MAX))
		exit(1);
	for (size_t k = 0; k < np; k++)
		label[picked[k]] = 1;
	for (size_t i = 0; i < n; i++) {
		printf("%zu\t%zu\t%d", rec, i, label[i]);
		for (size_t k = 0; k < PX_NFEAT; k++)
			printf("\t%.6g", f[i * PX_NFEAT + k]);
		putchar('\n');
	}
	px_vectors_free(&v);
	free(f);
	free(picked);
	free(label);
}

int main(int argc, char **argv)
{
	int stem = argc > 2 && strcmp(argv[1], "--stem") == 0;
	FILE *in = fopen(argv[argc - 1], "r");
	precis_analyzer *a;
	precis_rouge *scorer;
	precis_rouge_options rop = PRECIS_ROUGE_OPTIONS_INIT;
	rop.compat = PRECIS_ROUGE_SCORE;
	rop.stem = stem;
	if (!in || precis_analyzer_new(&a) || precis_rouge_new(&scorer, &rop))
		return 1;
	char *line = NULL;
	size_t cap = 0, rec = 0;
	while (getline(&line, &cap, in) > 0) {
		json_t *o = json_loads(line, 0, NULL);
		const char *text = o ? str(o, "article") : NULL, *ref = o ? str(o, "abstract") : NULL;
		precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
		dopt.lossy = true;
		dopt.title = str(o, "title");
		precis_doc *d;
		if (text && ref && precis_doc_new(&d, a, text, strlen(text), &dopt, NULL) == 0) {
			dump(rec, d, ref, scorer);
			precis_doc_free(d);
		}
		json_decref(o);
		rec++;
	}
	free(line);
	precis_rouge_free(scorer);
	precis_analyzer_free(a);
	fclose(in);
	return 0;
}
