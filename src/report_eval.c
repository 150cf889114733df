/*
 * report_eval: the tables of an evaluation (precis eval) as Markdown, CSV
 * and JSON, and its per-document JSON lines. The numbers come from
 * precis_eval_mean/_ci/_paired; the caller names the systems and pairs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "precis.h"

#define M PRECIS_EVAL_MEASURES

/* What the tables show: per system and measure, the mean and CI; per pair, p. */
typedef struct {
	size_t nsys, npairs;
	precis_prf (*mean)[M];
	double (*lo)[M], (*hi)[M];
	double (*p)[M];
} tables;

static void tables_free(tables *t)
{
	free(t->mean);
	free(t->lo);
	free(t->hi);
	free(t->p);
}

/* Every number first, so a failure prints nothing. */
static int tables_fill(tables *t, const precis_eval_result *r, const size_t *pairs,
		       size_t npairs)
{
	size_t n = precis_eval_result_systems(r);
	*t = (tables){ n, npairs, calloc(n ? n : 1, sizeof *t->mean),
		       calloc(n ? n : 1, sizeof *t->lo), calloc(n ? n : 1, sizeof *t->hi),
		       calloc(npairs ? npairs : 1, sizeof *t->p) };
	int rc = t->mean && t->lo && t->hi && t->p ? 0 : PRECIS_ENOMEM;
	for (size_t s = 0; s < n && !rc; s++)
		for (int m = 0; m < M && !rc; m++)
			if (!(rc = precis_eval_mean(&t->mean[s][m], r, s, m)))
				rc = precis_eval_ci(&t->lo[s][m], &t->hi[s][m], r, s, m);
	for (size_t c = 0; c < npairs && !rc; c++)
		rc = pairs[2 * c] < n && pairs[2 * c + 1] < n
			     ? precis_eval_paired(t->p[c], r, pairs[2 * c], pairs[2 * c + 1])
			     : PRECIS_EINVAL;
	return rc;
}

static int checked(FILE *fp)
{
	return ferror(fp) ? PRECIS_EIO : 0;
}

static void print_json(const tables *t, const char *const *names, const size_t *pairs,
		       size_t nrecs, const precis_eval_options *o, FILE *fp)
{
	json_t *systems = json_array(), *cmp = json_array();
	for (size_t s = 0; s < t->nsys; s++) {
		json_t *x = json_pack("{s:s}", "system", names[s]);
		for (int m = 0; m < M; m++) {
			const precis_prf *v = &t->mean[s][m];
			json_object_set_new(x, precis_eval_measure_name(m),
					    json_pack("{s:f,s:f,s:f,s:[f,f]}", "p", v->p, "r", v->r,
						      "f", v->f, "f_ci95", t->lo[s][m],
						      t->hi[s][m]));
		}
		json_array_append_new(systems, x);
	}
	for (size_t c = 0; c < t->npairs; c++) {
		json_t *x = json_pack("{s:s,s:s}", "a", names[pairs[2 * c]], "b",
				      names[pairs[2 * c + 1]]);
		for (int m = 0; m < M; m++)
			json_object_set_new(x, precis_eval_measure_name(m), json_real(t->p[c][m]));
		json_array_append_new(cmp, x);
	}
	json_t *root = json_pack("{s:I,s:s,s:b,s:o,s:o}", "documents", (json_int_t)nrecs,
				 "compat", precis_rouge_compat_name(o->compat), "stem", o->stem,
				 "systems", systems, "compare", cmp);
	json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8));
	fputc('\n', fp);
	json_decref(root);
}

/* One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
static void csv_field(const char *s, FILE *fp)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/*
 * One rectangular table that pandas.read_csv and spreadsheets read: a
 * column means one thing in every row. Score rows leave versus and p_value
 * empty; pair rows (system A, versus B) leave the score columns empty.
 */
static void print_csv(const tables *t, const char *const *names, const size_t *pairs,
		      FILE *fp)
{
	fprintf(fp, "system,versus,measure,p,r,f,f_lo,f_hi,p_value\n");
	for (size_t s = 0; s < t->nsys; s++)
		for (int m = 0; m < M; m++) {
			csv_field(names[s], fp);
			fprintf(fp, ",,%s,%.6f,%.6f,%.6f,%.6f,%.6f,\n", precis_eval_measure_name(m),
				t->mean[s][m].p, t->mean[s][m].r, t->mean[s][m].f, t->lo[s][m],
				t->hi[s][m]);
		}
	for (size_t c = 0; c < t->npairs; c++)
		for (int m = 0; m < M; m++) {
			csv_field(names[pairs[2 * c]], fp);
			fputc(',', fp);
			csv_field(names[pairs[2 * c + 1]], fp);
			fprintf(fp, ",%s,,,,,,%.4f\n", precis_eval_measure_name(m), t->p[c][m]);
		}
}

static void print_md(const tables *t, const char *const *names, const size_t *pairs,
		     size_t nrecs, const precis_eval_options *o, FILE *fp)
{
	fprintf(fp, "ROUGE (%s%s), %zu documents; F x 100 with 95%% bootstrap CI (%zu samples, "
		"seed %lu)\n\n", precis_rouge_compat_name(o->compat), o->stem ? ", stemmed" : "",
		nrecs, o->samples, o->seed);
	fprintf(fp, "| system | R-1 P | R-1 R | R-1 F | R-2 P | R-2 R | R-2 F "
		"| R-Lsum P | R-Lsum R | R-Lsum F |"
		"\n|---|---|---|---|---|---|---|---|---|---|\n");
	for (size_t s = 0; s < t->nsys; s++) {
		fprintf(fp, "| %s ", names[s]);
		for (int m = 0; m < M; m++)
			fprintf(fp, "| %.2f | %.2f | %.2f [%.2f, %.2f] ", 100 * t->mean[s][m].p,
				100 * t->mean[s][m].r, 100 * t->mean[s][m].f, 100 * t->lo[s][m],
				100 * t->hi[s][m]);
		fprintf(fp, "|\n");
	}
	if (!t->npairs)
		return;
	fprintf(fp, "\nPaired bootstrap, one-sided p-value that A beats B (F):\n\n");
	fprintf(fp, "| A | B | R-1 | R-2 | R-Lsum |\n|---|---|---|---|---|\n");
	for (size_t c = 0; c < t->npairs; c++)
		fprintf(fp, "| %s | %s | %.4f | %.4f | %.4f |\n", names[pairs[2 * c]],
			names[pairs[2 * c + 1]], t->p[c][0], t->p[c][1], t->p[c][2]);
}

enum format { F_MD, F_CSV, F_JSON };

static int render(int format, const precis_eval_result *r, const char *const *names,
		  const size_t *pairs, size_t npairs, const precis_eval_options *o, FILE *fp)
{
	if (!r || !names || (npairs && !pairs) || !o || !fp)
		return PRECIS_EINVAL;
	tables t;
	int rc = tables_fill(&t, r, pairs, npairs);
	if (rc)
		goto done;
	size_t nrecs = precis_eval_result_records(r);
	if (format == F_JSON)
		print_json(&t, names, pairs, nrecs, o, fp);
	else if (format == F_CSV)
		print_csv(&t, names, pairs, fp);
	else
		print_md(&t, names, pairs, nrecs, o, fp);
	rc = checked(fp);
done:
	tables_free(&t);
	return rc;
}

int precis_report_eval_md(const precis_eval_result *r, const char *const *names,
			  const size_t *pairs, size_t npairs, const precis_eval_options *o,
			  FILE *fp)
{
	return render(F_MD, r, names, pairs, npairs, o, fp);
}

int precis_report_eval_csv(const precis_eval_result *r, const char *const *names,
			   const size_t *pairs, size_t npairs, const precis_eval_options *o,
			   FILE *fp)
{
	return render(F_CSV, r, names, pairs, npairs, o, fp);
}

int precis_report_eval_json(const precis_eval_result *r, const char *const *names,
			    const size_t *pairs, size_t npairs, const precis_eval_options *o,
			    FILE *fp)
{
	return render(F_JSON, r, names, pairs, npairs, o, fp);
}

int precis_report_eval_doc_jsonl(const precis_eval_result *r, const char *const *names,
				 size_t rec, const char *id, FILE *fp)
{
	if (!r || !names || !id || !fp || rec >= precis_eval_result_records(r))
		return PRECIS_EINVAL;
	for (size_t s = 0; s < precis_eval_result_systems(r); s++) {
		json_t *o = json_pack("{s:s,s:s}", "id", id, "system", names[s]);
		for (int m = 0; m < M; m++) {
			precis_prf x;
			precis_eval_score(&x, r, s, rec, m);
			json_object_set_new(o, precis_eval_measure_name(m),
					    json_pack("{s:f,s:f,s:f}", "p", x.p, "r", x.r, "f",
						      x.f));
		}
		if (precis_eval_missing(r, s, rec))
			json_object_set_new(o, "missing", json_true());
		char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
						   JSON_REAL_PRECISION(15));
		int bad = !line || fprintf(fp, "%s\n", line) < 0;
		free(line);
		json_decref(o);
		if (bad)
			return PRECIS_EIO;
	}
	return 0;
}
