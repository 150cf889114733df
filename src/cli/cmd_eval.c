/* precis eval: summarize a labelled corpus with several systems and score them. */
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis eval --data FILE.jsonl --system NAME... [OPTIONS]\n\n"
	"Summarize every record with each system and score it against its reference(s)\n"
	"with ROUGE-1, ROUGE-2 and ROUGE-L (summary level), with 95% bootstrap confidence\n"
	"intervals.\n\n"
	"Systems: precis, textrank, lexrank, centroid, lead (shared length), lead-N (first N\n"
	"sentences), random, oracle (greedy extractive upper bound), file:OUT.jsonl\n"
	"(outputs of another system: {\"id\", \"summary\": string or array}; LABEL=file:PATH\n"
	"names it).\n\n"
	"  --data FILE       input JSONL\n"
	"  --text-key K      field with the article (article)\n"
	"  --ref-key K       field with the reference, string or array (abstract)\n"
	"  --title-key K     field with the headline (title); '' disables it\n"
	"  --id-key K        field with the record id (id)\n"
	"  --system NAME     a system to evaluate (repeatable)\n"
	"  -n N              at most N sentences (default 1)\n"
	"  --words W         at most W words\n"
	"  --ref-length      each summary gets the word count of its own reference\n"
	"  --truncate        cut the last sentence exactly at the word budget\n"
	"  --idf FILE        corpus IDF for the precis-family systems\n"
	"  --compat M        ROUGE rules: unicode (default), rouge-score, rouge155\n"
	"  --stem            ROUGE with stemming\n"
	"  --lang CODE       language of the corpus (auto)\n"
	"  --format F        md (default), csv or json\n"
	"  --compare A B     paired bootstrap test that A beats B (repeatable)\n"
	"  --per-doc FILE    write every document's scores as JSONL\n"
	"  --seed N          bootstrap and random-system seed (1)\n"
	"  --samples N       bootstrap resamples (1000)\n"
	"  -j, --jobs N      threads (results identical for any N)\n"
	"  -h, --help        this help\n";

enum {
	OPT_DATA = 256, OPT_TEXTKEY, OPT_REFKEY, OPT_TITLEKEY, OPT_IDKEY, OPT_SYSTEM, OPT_WORDS,
	OPT_REFLEN, OPT_TRUNCATE, OPT_IDF, OPT_COMPAT, OPT_STEM, OPT_LANG, OPT_FORMAT,
	OPT_COMPARE, OPT_PERDOC, OPT_SEED, OPT_SAMPLES
};

static const struct option longopts[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "text-key", required_argument, NULL, OPT_TEXTKEY },
	{ "ref-key", required_argument, NULL, OPT_REFKEY },
	{ "title-key", required_argument, NULL, OPT_TITLEKEY },
	{ "id-key", required_argument, NULL, OPT_IDKEY },
	{ "system", required_argument, NULL, OPT_SYSTEM },
	{ "sentences", required_argument, NULL, 'n' },
	{ "words", required_argument, NULL, OPT_WORDS },
	{ "ref-length", no_argument, NULL, OPT_REFLEN },
	{ "truncate", no_argument, NULL, OPT_TRUNCATE },
	{ "idf", required_argument, NULL, OPT_IDF },
	{ "compat", required_argument, NULL, OPT_COMPAT },
	{ "stem", no_argument, NULL, OPT_STEM },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "compare", required_argument, NULL, OPT_COMPARE },
	{ "per-doc", required_argument, NULL, OPT_PERDOC },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "samples", required_argument, NULL, OPT_SAMPLES },
	{ "jobs", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

#define MAX_SYSTEMS 32
#define NSCORES 9 /* R-1, R-2, R-L (summary level) x P, R, F */

enum kind { SYS_PRECIS, SYS_TEXTRANK, SYS_LEXRANK, SYS_CENTROID, SYS_LEAD, SYS_LEAD_N,
	    SYS_RANDOM, SYS_ORACLE, SYS_FILE };

typedef struct {
	char *name;
	enum kind kind;
	size_t n;       /* lead-N */
	json_t *outputs; /* file: id -> summary */
} sys;

typedef struct {
	char *id, *text, *title;
	char **refs;
	size_t nrefs;
	size_t line;
} record;

typedef struct {
	/* options */
	const char *data, *text_key, *ref_key, *title_key, *id_key, *lang, *perdoc;
	sys systems[MAX_SYSTEMS];
	size_t nsystems;
	size_t sentences, words;
	bool ref_length, truncate, stem, progress;
	precis_rouge_compat compat;
	enum { F_MD, F_CSV, F_JSON } format;
	const char *compare[16][2];
	size_t ncompare;
	unsigned long seed;
	size_t samples;
	int threads;
	precis_idf *idf;
	/* data */
	record *recs;
	size_t nrecs;
	double *scores; /* [system][record][NSCORES] */
	int *missing;   /* file: systems without an output for the record */
	/* work sharing */
	pthread_mutex_t lock;
	size_t next, done;
	int error;
	time_t start;
} run;

/* ------------------------------------------------------------ input */

static char *dup_str(json_t *v)
{
	return json_is_string(v) ? strndup(json_string_value(v), json_string_length(v)) : NULL;
}

static int load_records(run *r)
{
	FILE *fp = fopen(r->data, "r");
	if (!fp) {
		cli_error("%s: cannot open", r->data);
		return -1;
	}
	size_t cap = 0, lineno = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	int bad = 0;
	while ((len = getline(&line, &lcap, fp)) != -1) {
		lineno++;
		if (len <= 1)
			continue;
		json_error_t jerr;
		json_t *v = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES, &jerr);
		json_t *text = v ? json_object_get(v, r->text_key) : NULL;
		json_t *ref = v ? json_object_get(v, r->ref_key) : NULL;
		const char *why = !v ? jerr.text : !json_is_object(v) ? "not a JSON object"
					: !json_is_string(text) ? "no string field with the text"
					: !(json_is_string(ref) || (json_is_array(ref) && json_array_size(ref)))
					? "no reference (string or non-empty array)" : NULL;
		if (why) {
			fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", r->data, lineno, why);
			bad++;
			json_decref(v);
			continue;
		}
		if (r->nrecs == cap) {
			cap = cap ? cap * 2 : 1024;
			record *nv = realloc(r->recs, cap * sizeof *nv);
			if (!nv) {
				json_decref(v);
				break;
			}
			r->recs = nv;
		}
		record *rec = &r->recs[r->nrecs++];
		memset(rec, 0, sizeof *rec);
		rec->line = lineno;
		json_t *id = json_object_get(v, r->id_key);
		char buf[32];
		if (json_is_integer(id)) {
			snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
			rec->id = strdup(buf);
		} else if (json_is_string(id)) {
			rec->id = dup_str(id);
		} else {
			snprintf(buf, sizeof buf, "line-%zu", lineno);
			rec->id = strdup(buf);
		}
		rec->text = dup_str(text);
		if (r->title_key[0])
			rec->title = dup_str(json_object_get(v, r->title_key));
		size_t nr = json_is_array(ref) ? json_array_size(ref) : 1;
		rec->refs = calloc(nr, sizeof *rec->refs);
		for (size_t k = 0; rec->refs && k < nr; k++) {
			json_t *x = json_is_array(ref) ? json_array_get(ref, k) : ref;
			rec->refs[rec->nrefs++] = json_is_string(x) ? dup_str(x) : strdup("");
		}
		json_decref(v);
	}
	free(line);
	fclose(fp);
	return bad;
}

static void free_records(run *r)
{
	for (size_t i = 0; i < r->nrecs; i++) {
		free(r->recs[i].id);
		free(r->recs[i].text);
		free(r->recs[i].title);
		for (size_t k = 0; k < r->recs[i].nrefs; k++)
			free(r->recs[i].refs[k]);
		free(r->recs[i].refs);
	}
	free(r->recs);
}

static int add_system(run *r, const char *name)
{
	if (r->nsystems == MAX_SYSTEMS) {
		cli_error("eval: at most %d systems", MAX_SYSTEMS);
		return -1;
	}
	sys *s = &r->systems[r->nsystems];
	memset(s, 0, sizeof *s);
	/* "LABEL=file:PATH" names a file system in the tables. */
	const char *label = NULL, *eq = strstr(name, "=file:");
	char labelbuf[64];
	if (eq && eq > name && (size_t)(eq - name) < sizeof labelbuf) {
		snprintf(labelbuf, sizeof labelbuf, "%.*s", (int)(eq - name), name);
		label = labelbuf;
		name = eq + 1;
	}
	static const struct {
		const char *name;
		enum kind kind;
	} plain[] = { { "precis", SYS_PRECIS },     { "textrank", SYS_TEXTRANK },
		      { "lexrank", SYS_LEXRANK },   { "centroid", SYS_CENTROID },
		      { "lead", SYS_LEAD },         { "random", SYS_RANDOM },
		      { "oracle", SYS_ORACLE } };
	bool found = false;
	for (size_t k = 0; k < sizeof plain / sizeof plain[0]; k++)
		if (strcmp(name, plain[k].name) == 0) {
			s->kind = plain[k].kind;
			found = true;
		}
	if (!found && strncmp(name, "lead-", 5) == 0) {
		if (cli_parse_size(name + 5, &s->n) || s->n == 0) {
			cli_error("eval: bad system '%s'", name);
			return -1;
		}
		s->kind = SYS_LEAD_N;
		found = true;
	}
	if (!found && strncmp(name, "file:", 5) == 0) {
		FILE *fp = fopen(name + 5, "r");
		if (!fp) {
			cli_error("eval: %s: cannot open", name + 5);
			return -1;
		}
		s->kind = SYS_FILE;
		s->outputs = json_object();
		char *line = NULL;
		size_t cap = 0, lineno = 0;
		while (getline(&line, &cap, fp) != -1) {
			lineno++;
			json_error_t e;
			json_t *v = json_loads(line, 0, &e);
			json_t *id = v ? json_object_get(v, "id") : NULL;
			json_t *sum = v ? json_object_get(v, "summary") : NULL;
			char buf[32];
			const char *key = json_is_string(id) ? json_string_value(id) : NULL;
			if (json_is_integer(id)) {
				snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
				key = buf;
			}
			if (key && (json_is_string(sum) || json_is_array(sum)))
				json_object_set(s->outputs, key, sum);
			else if (line[0] != '\n')
				fprintf(stderr, "precis: %s:%zu: no \"id\" and \"summary\" (skipped)\n",
					name + 5, lineno);
			json_decref(v);
		}
		free(line);
		fclose(fp);
		found = true;
	}
	if (!found) {
		cli_error("eval: unknown system '%s' (see 'precis eval --help')", name);
		return -1;
	}
	s->name = strdup(label ? label : name);
	r->nsystems++;
	return 0;
}

/* ---------------------------------------------------------- scoring */

static size_t count_words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; *s; s++) {
		bool sp = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* Picked spans of doc as one sentence per line. */
static char *join_spans(const precis_doc *doc, const precis_pick *p, size_t n)
{
	const char *text = precis_doc_text(doc, NULL);
	size_t len = 1;
	for (size_t k = 0; k < n; k++)
		len += p[k].span.end - p[k].span.start + 1;
	char *out = malloc(len), *o = out;
	if (!out)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		size_t l = p[k].span.end - p[k].span.start;
		for (size_t i = 0; i < l; i++)
			*o++ = text[p[k].span.start + i] == '\n' ? ' ' : text[p[k].span.start + i];
		if (k + 1 < n)
			*o++ = '\n';
	}
	*o = '\0';
	return out;
}

static char *file_summary(const sys *s, const record *rec)
{
	json_t *v = json_object_get(s->outputs, rec->id);
	if (json_is_string(v))
		return strdup(json_string_value(v));
	if (!json_is_array(v))
		return NULL;
	size_t len = 1, i;
	json_t *x;
	json_array_foreach(v, i, x) len += json_is_string(x) ? json_string_length(x) + 1 : 0;
	char *out = calloc(len, 1);
	json_array_foreach(v, i, x) if (out && json_is_string(x)) {
		if (out[0])
			strcat(out, "\n");
		strcat(out, json_string_value(x));
	}
	return out;
}

static char *make_summary(run *r, const sys *s, const record *rec, precis_analyzer *a,
			  precis_rouge *scorer, int *missing)
{
	if (s->kind == SYS_FILE) {
		char *t = file_summary(s, rec);
		if (!t) {
			*missing = 1;
			t = strdup("");
		}
		return t;
	}
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	dopt.lang = r->lang;
	dopt.title = rec->title;
	dopt.lossy = true;
	precis_doc *doc;
	if (precis_doc_new(&doc, a, rec->text, strlen(rec->text), &dopt, NULL) != 0)
		return strdup("");
	char *out = NULL;
	if (s->kind == SYS_ORACLE) {
		size_t n = precis_doc_sentence_count(doc), np = 0;
		size_t *picked = malloc((n ? n : 1) * sizeof *picked);
		precis_pick *p = malloc((n ? n : 1) * sizeof *p);
		if (picked && p &&
		    precis_oracle(picked, &np, doc, rec->refs[0], scorer, r->sentences) == 0) {
			for (size_t k = 0; k < np; k++)
				p[k] = (precis_pick){ picked[k], 0, precis_doc_sentence(doc, picked[k]) };
			out = join_spans(doc, p, np);
		}
		free(picked);
		free(p);
	} else {
		precis_summary_options o = PRECIS_SUMMARY_OPTIONS_INIT;
		o.idf = r->idf;
		o.seed = r->seed;
		o.sentences = r->sentences;
		o.words = r->words;
		o.truncate = r->truncate;
		if (r->ref_length)
			o.words = count_words(rec->refs[0]);
		if (o.words)
			o.sentences = 0;
		switch (s->kind) {
		case SYS_TEXTRANK: o.algorithm = PRECIS_ALG_TEXTRANK; break;
		case SYS_LEXRANK: o.algorithm = PRECIS_ALG_LEXRANK; break;
		case SYS_CENTROID: o.algorithm = PRECIS_ALG_CENTROID; break;
		case SYS_LEAD: o.algorithm = PRECIS_ALG_LEAD; break;
		case SYS_LEAD_N:
			o.algorithm = PRECIS_ALG_LEAD;
			o.sentences = s->n;
			o.words = 0;
			break;
		case SYS_RANDOM: o.algorithm = PRECIS_ALG_RANDOM; break;
		default: o.algorithm = PRECIS_ALG_DEFAULT; break;
		}
		precis_summary *sum;
		if (precis_summarize(&sum, doc, &o) == 0) {
			out = join_spans(doc, precis_summary_picks(sum), precis_summary_count(sum));
			precis_summary_free(sum);
		}
	}
	precis_doc_free(doc);
	return out ? out : strdup("");
}

static void progress(run *r)
{
	size_t total = r->nrecs;
	double el = difftime(time(NULL), r->start);
	double rate = el > 0 ? (double)r->done / el : 0;
	double eta = rate > 0 ? (double)(total - r->done) / rate : 0;
	int width = 30, fill = total ? (int)((double)width * (double)r->done / (double)total) : width;
	fprintf(stderr, "\r[%.*s%*s] %zu/%zu  %.0f docs/s  ETA %.0fs ", fill,
		"##############################", width - fill, "", r->done, total, rate, eta);
	if (r->done == total)
		fputc('\n', stderr);
}

static void *worker(void *arg)
{
	run *r = arg;
	precis_analyzer *a = NULL;
	precis_rouge *scorer = NULL;
	precis_rouge_options ro = PRECIS_ROUGE_OPTIONS_INIT;
	ro.compat = r->compat;
	ro.stem = r->stem;
	ro.lang = r->lang;
	ro.measures = PRECIS_ROUGE_M_N | PRECIS_ROUGE_M_LSUM;
	if (precis_analyzer_new(&a) || precis_rouge_new(&scorer, &ro)) {
		pthread_mutex_lock(&r->lock);
		r->error = PRECIS_ENOMEM;
		pthread_mutex_unlock(&r->lock);
		precis_analyzer_free(a);
		return NULL;
	}
	for (;;) {
		pthread_mutex_lock(&r->lock);
		size_t i = r->next++;
		pthread_mutex_unlock(&r->lock);
		if (i >= r->nrecs)
			break;
		record *rec = &r->recs[i];
		for (size_t s = 0; s < r->nsystems; s++) {
			int missing = 0;
			char *sum = make_summary(r, &r->systems[s], rec, a, scorer, &missing);
			precis_rouge_scores sc;
			double *out = &r->scores[(s * r->nrecs + i) * NSCORES];
			if (sum && precis_rouge_score(&sc, scorer, sum, (const char *const *)rec->refs,
						      rec->nrefs) == 0) {
				const precis_prf *m[3] = { &sc.rouge1, &sc.rouge2, &sc.rougeLsum };
				for (int k = 0; k < 3; k++) {
					out[3 * k] = m[k]->p;
					out[3 * k + 1] = m[k]->r;
					out[3 * k + 2] = m[k]->f;
				}
			}
			r->missing[s * r->nrecs + i] = missing;
			free(sum);
		}
		pthread_mutex_lock(&r->lock);
		r->done++;
		if (r->progress && (r->done % 25 == 0 || r->done == r->nrecs))
			progress(r);
		pthread_mutex_unlock(&r->lock);
	}
	precis_rouge_free(scorer);
	precis_analyzer_free(a);
	return NULL;
}

static int evaluate(run *r)
{
	r->scores = calloc(r->nsystems * (r->nrecs ? r->nrecs : 1) * NSCORES, sizeof *r->scores);
	r->missing = calloc(r->nsystems * (r->nrecs ? r->nrecs : 1), sizeof *r->missing);
	if (!r->scores || !r->missing)
		return PRECIS_ENOMEM;
	pthread_mutex_init(&r->lock, NULL);
	r->start = time(NULL);
	pthread_t tid[64];
	int started = 0;
	for (int t = 1; t < r->threads && t < 64; t++)
		if (pthread_create(&tid[started], NULL, worker, r) == 0)
			started++;
	worker(r);
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&r->lock);
	return r->error;
}

/* ---------------------------------------------------------- output */

static const char *const measure_names[3] = { "rouge1", "rouge2", "rougeL" };

typedef struct {
	double mean[NSCORES], lo[3], hi[3];
} summary;

static int summarize_system(summary *out, run *r, size_t s)
{
	double *col = malloc((r->nrecs ? r->nrecs : 1) * sizeof *col);
	if (!col)
		return PRECIS_ENOMEM;
	for (int k = 0; k < NSCORES; k++) {
		double sum = 0;
		for (size_t i = 0; i < r->nrecs; i++) {
			col[i] = r->scores[(s * r->nrecs + i) * NSCORES + k];
			sum += col[i];
		}
		out->mean[k] = r->nrecs ? sum / (double)r->nrecs : 0;
		if (k % 3 == 2)
			precis_bootstrap_ci(&out->lo[k / 3], &out->hi[k / 3], col, r->nrecs, r->samples,
					    r->seed, 0.95);
	}
	free(col);
	return 0;
}

static ssize_t system_index(run *r, const char *name)
{
	for (size_t s = 0; s < r->nsystems; s++)
		if (strcmp(r->systems[s].name, name) == 0)
			return (ssize_t)s;
	return -1;
}

static int paired(double p[3], run *r, size_t a, size_t b)
{
	double *x = malloc((r->nrecs ? r->nrecs : 1) * sizeof *x);
	double *y = malloc((r->nrecs ? r->nrecs : 1) * sizeof *y);
	if (!x || !y) {
		free(x);
		free(y);
		return PRECIS_ENOMEM;
	}
	for (int m = 0; m < 3; m++) {
		for (size_t i = 0; i < r->nrecs; i++) {
			x[i] = r->scores[(a * r->nrecs + i) * NSCORES + 3 * m + 2];
			y[i] = r->scores[(b * r->nrecs + i) * NSCORES + 3 * m + 2];
		}
		precis_paired_bootstrap(&p[m], x, y, r->nrecs, r->samples, r->seed);
	}
	free(x);
	free(y);
	return 0;
}

static const char *compat_name(precis_rouge_compat c)
{
	return c == PRECIS_ROUGE_SCORE ? "rouge-score" : c == PRECIS_ROUGE_155 ? "rouge155" : "unicode";
}

static void print_results(run *r, summary *sums)
{
	if (r->format == F_JSON) {
		json_t *root = json_object();
		json_object_set_new(root, "documents", json_integer((json_int_t)r->nrecs));
		json_object_set_new(root, "compat", json_string(compat_name(r->compat)));
		json_object_set_new(root, "stem", json_boolean(r->stem));
		json_t *arr = json_array();
		for (size_t s = 0; s < r->nsystems; s++) {
			json_t *o = json_object();
			json_object_set_new(o, "system", json_string(r->systems[s].name));
			for (int m = 0; m < 3; m++) {
				json_t *x = json_object();
				json_object_set_new(x, "p", json_real(sums[s].mean[3 * m]));
				json_object_set_new(x, "r", json_real(sums[s].mean[3 * m + 1]));
				json_object_set_new(x, "f", json_real(sums[s].mean[3 * m + 2]));
				json_t *ci = json_array();
				json_array_append_new(ci, json_real(sums[s].lo[m]));
				json_array_append_new(ci, json_real(sums[s].hi[m]));
				json_object_set_new(x, "f_ci95", ci);
				json_object_set_new(o, measure_names[m], x);
			}
			json_array_append_new(arr, o);
		}
		json_object_set_new(root, "systems", arr);
		json_t *cmp = json_array();
		for (size_t c = 0; c < r->ncompare; c++) {
			double p[3];
			paired(p, r, (size_t)system_index(r, r->compare[c][0]),
			       (size_t)system_index(r, r->compare[c][1]));
			json_t *o = json_object();
			json_object_set_new(o, "a", json_string(r->compare[c][0]));
			json_object_set_new(o, "b", json_string(r->compare[c][1]));
			for (int m = 0; m < 3; m++)
				json_object_set_new(o, measure_names[m], json_real(p[m]));
			json_array_append_new(cmp, o);
		}
		json_object_set_new(root, "compare", cmp);
		json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(8));
		fputc('\n', stdout);
		json_decref(root);
		return;
	}
	if (r->format == F_CSV) {
		printf("system,measure,p,r,f,f_lo,f_hi\n");
		for (size_t s = 0; s < r->nsystems; s++)
			for (int m = 0; m < 3; m++)
				printf("%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f\n", r->systems[s].name,
				       measure_names[m], sums[s].mean[3 * m], sums[s].mean[3 * m + 1],
				       sums[s].mean[3 * m + 2], sums[s].lo[m], sums[s].hi[m]);
		for (size_t c = 0; c < r->ncompare; c++) {
			double p[3];
			paired(p, r, (size_t)system_index(r, r->compare[c][0]),
			       (size_t)system_index(r, r->compare[c][1]));
			for (int m = 0; m < 3; m++)
				printf("compare:%s>%s,%s,,,%.4f,,\n", r->compare[c][0], r->compare[c][1],
				       measure_names[m], p[m]);
		}
		return;
	}
	printf("ROUGE (%s%s), %zu documents; F x 100 with 95%% bootstrap CI (%zu samples, seed %lu)\n\n",
	       compat_name(r->compat), r->stem ? ", stemmed" : "", r->nrecs, r->samples, r->seed);
	printf("| system | R-1 P | R-1 R | R-1 F | R-2 P | R-2 R | R-2 F | R-L P | R-L R | R-L F |\n");
	printf("|---|---|---|---|---|---|---|---|---|---|\n");
	for (size_t s = 0; s < r->nsystems; s++) {
		printf("| %s ", r->systems[s].name);
		for (int m = 0; m < 3; m++)
			printf("| %.2f | %.2f | %.2f [%.2f, %.2f] ", 100 * sums[s].mean[3 * m],
			       100 * sums[s].mean[3 * m + 1], 100 * sums[s].mean[3 * m + 2],
			       100 * sums[s].lo[m], 100 * sums[s].hi[m]);
		printf("|\n");
	}
	if (r->ncompare) {
		printf("\nPaired bootstrap, one-sided p-value that A beats B (F):\n\n");
		printf("| A | B | R-1 | R-2 | R-L |\n|---|---|---|---|---|\n");
		for (size_t c = 0; c < r->ncompare; c++) {
			double p[3];
			paired(p, r, (size_t)system_index(r, r->compare[c][0]),
			       (size_t)system_index(r, r->compare[c][1]));
			printf("| %s | %s | %.4f | %.4f | %.4f |\n", r->compare[c][0], r->compare[c][1],
			       p[0], p[1], p[2]);
		}
	}
}

static int write_perdoc(run *r)
{
	FILE *fp = fopen(r->perdoc, "w");
	if (!fp) {
		cli_error("%s: cannot write", r->perdoc);
		return -1;
	}
	for (size_t i = 0; i < r->nrecs; i++)
		for (size_t s = 0; s < r->nsystems; s++) {
			const double *x = &r->scores[(s * r->nrecs + i) * NSCORES];
			json_t *o = json_object();
			json_object_set_new(o, "id", json_string(r->recs[i].id));
			json_object_set_new(o, "system", json_string(r->systems[s].name));
			for (int m = 0; m < 3; m++) {
				json_t *v = json_object();
				json_object_set_new(v, "p", json_real(x[3 * m]));
				json_object_set_new(v, "r", json_real(x[3 * m + 1]));
				json_object_set_new(v, "f", json_real(x[3 * m + 2]));
				json_object_set_new(o, measure_names[m], v);
			}
			if (r->missing[s * r->nrecs + i])
				json_object_set_new(o, "missing", json_true());
			char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
							   JSON_REAL_PRECISION(15));
			fprintf(fp, "%s\n", line);
			free(line);
			json_decref(o);
		}
	return fclose(fp) == 0 ? 0 : -1;
}

static int parse_args(run *r, int argc, char **argv)
{
	int c;
	size_t z;
	optind = 1;
	while ((c = getopt_long(argc, argv, "n:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DATA: r->data = optarg; break;
		case OPT_TEXTKEY: r->text_key = optarg; break;
		case OPT_REFKEY: r->ref_key = optarg; break;
		case OPT_TITLEKEY: r->title_key = optarg; break;
		case OPT_IDKEY: r->id_key = optarg; break;
		case OPT_SYSTEM:
			if (add_system(r, optarg))
				return EXIT_USAGE;
			break;
		case 'n':
			if (cli_parse_size(optarg, &z) || z == 0)
				goto bad;
			r->sentences = z;
			break;
		case OPT_WORDS:
			if (cli_parse_size(optarg, &z) || z == 0)
				goto bad;
			r->words = z;
			break;
		case OPT_REFLEN: r->ref_length = true; break;
		case OPT_TRUNCATE: r->truncate = true; break;
		case OPT_IDF: {
			FILE *fp = fopen(optarg, "r");
			precis_error err;
			if (!fp || precis_idf_read(&r->idf, fp, &err) != 0) {
				cli_error("%s: cannot read IDF table", optarg);
				if (fp)
					fclose(fp);
				return EXIT_SOME_FAILED;
			}
			fclose(fp);
			break;
		}
		case OPT_COMPAT:
			if (strcmp(optarg, "unicode") == 0)
				r->compat = PRECIS_ROUGE_UNICODE;
			else if (strcmp(optarg, "rouge-score") == 0)
				r->compat = PRECIS_ROUGE_SCORE;
			else if (strcmp(optarg, "rouge155") == 0)
				r->compat = PRECIS_ROUGE_155;
			else
				goto bad;
			break;
		case OPT_STEM: r->stem = true; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg))
				goto bad;
			r->lang = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "md") == 0)
				r->format = F_MD;
			else if (strcmp(optarg, "csv") == 0)
				r->format = F_CSV;
			else if (strcmp(optarg, "json") == 0)
				r->format = F_JSON;
			else
				goto bad;
			break;
		case OPT_COMPARE:
			if (optind >= argc || r->ncompare == 16)
				goto bad;
			r->compare[r->ncompare][0] = optarg;
			r->compare[r->ncompare][1] = argv[optind++];
			r->ncompare++;
			break;
		case OPT_PERDOC: r->perdoc = optarg; break;
		case OPT_SEED:
			if (cli_parse_size(optarg, &z))
				goto bad;
			r->seed = z;
			break;
		case OPT_SAMPLES:
			if (cli_parse_size(optarg, &z) || z == 0 || z > 1000000)
				goto bad;
			r->samples = z;
			break;
		case 'j':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 64)
				goto bad;
			r->threads = (int)z;
			break;
		case 'h': fputs(usage_text, stdout); return -1;
		default: fputs("Try 'precis eval --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (!r->data || r->nsystems == 0) {
		cli_error("eval: --data and at least one --system are required");
		return EXIT_USAGE;
	}
	for (size_t k = 0; k < r->ncompare; k++)
		for (int j = 0; j < 2; j++)
			if (system_index(r, r->compare[k][j]) < 0) {
				cli_error("eval: --compare names '%s', which is not a --system",
					  r->compare[k][j]);
				return EXIT_USAGE;
			}
	return 0;
bad:
	cli_error("eval: invalid value for option %s (see 'precis eval --help')", argv[optind - 1]);
	return EXIT_USAGE;
}

int cmd_eval(int argc, char **argv)
{
	run r;
	memset(&r, 0, sizeof r);
	r.text_key = "article";
	r.ref_key = "abstract";
	r.title_key = "title";
	r.id_key = "id";
	r.sentences = 1;
	r.seed = 1;
	r.samples = 1000;
	r.threads = 1;
	r.progress = isatty(2);
	int rc = parse_args(&r, argc, argv);
	if (rc == 0) {
		int bad = load_records(&r);
		if (bad < 0) {
			rc = EXIT_SOME_FAILED;
		} else if ((rc = evaluate(&r)) != 0) {
			cli_error("eval: %s", precis_strerror(rc));
			rc = EXIT_SOME_FAILED;
		} else {
			summary *sums = calloc(r.nsystems, sizeof *sums);
			for (size_t s = 0; sums && s < r.nsystems; s++)
				summarize_system(&sums[s], &r, s);
			if (sums)
				print_results(&r, sums);
			free(sums);
			if (r.perdoc && write_perdoc(&r))
				bad++;
			size_t missing = 0;
			for (size_t i = 0; i < r.nsystems * r.nrecs; i++)
				missing += (size_t)r.missing[i];
			if (missing)
				cli_error("eval: %zu system outputs missing (scored as empty)", missing);
			rc = bad ? EXIT_SOME_FAILED : EXIT_OK;
		}
	}
	free_records(&r);
	free(r.scores);
	free(r.missing);
	for (size_t s = 0; s < r.nsystems; s++) {
		free(r.systems[s].name);
		json_decref(r.systems[s].outputs);
	}
	precis_idf_free(r.idf);
	return rc < 0 ? EXIT_OK : rc;
}
