/* precis rouge: ROUGE of one candidate against references, or of a JSONL stream. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "jsonl.h"

static const char usage_text[] =
	"Usage: precis rouge [OPTIONS] CANDIDATE_FILE REFERENCE_FILE...\n"
	"       precis rouge [OPTIONS] --jsonl [FILE|-]\n\n"
	"ROUGE scores. With --jsonl each input line {\"id\", \"candidate\", \"references\":[...]}\n"
	"gives one output line {\"id\", \"rouge1\":{\"p\",\"r\",\"f\"}, ...} in the same order.\n\n"
	"  --compat M        unicode (default: accents kept, case folding, Snowball stems),\n"
	"                    rouge-score (Google's rouge-score 0.1.2, exactly) or\n"
	"                    rouge155 (ROUGE-1.5.5.pl -c 95 -r 1000 -n 2 -a, exactly)\n"
	"  --stem            stem (rouge-score use_stemmer, 1.5.5 -m, Snowball)\n"
	"  --lang CODE       language for unicode mode (auto)\n"
	"  --alpha A         F = PR / ((1-A) P + A R), default 0.5 (F1)\n"
	"  --measures LIST   comma-separated: rouge1,rouge2,rouge3,rouge4,rougeL,rougeLsum,\n"
	"                    rougeW,rougeSU4 (default rouge1,rouge2,rougeL,rougeLsum)\n"
	"  -l, --limit-words N   1.5.5 -l: only the first N words of each text\n"
	"  -b, --limit-bytes N   1.5.5 -b: only the first N bytes\n"
	"  --stopwords FILE  1.5.5 -s: drop these words (one per line, e.g. its\n"
	"                    smart_common_words.txt)\n"
	"  --jsonl           stream mode\n"
	"  -j, --jobs N      threads for --jsonl (output identical for any N)\n"
	"  -h, --help        this help\n";

enum { OPT_COMPAT = 256, OPT_STEM, OPT_LANG, OPT_ALPHA, OPT_MEASURES, OPT_STOPWORDS, OPT_JSONL };

static const struct option longopts[] = {
	{ "compat", required_argument, NULL, OPT_COMPAT },
	{ "stem", no_argument, NULL, OPT_STEM },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "alpha", required_argument, NULL, OPT_ALPHA },
	{ "measures", required_argument, NULL, OPT_MEASURES },
	{ "limit-words", required_argument, NULL, 'l' },
	{ "limit-bytes", required_argument, NULL, 'b' },
	{ "stopwords", required_argument, NULL, OPT_STOPWORDS },
	{ "jsonl", no_argument, NULL, OPT_JSONL },
	{ "jobs", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static const char *const measure_names[] = { "rouge1", "rouge2", "rouge3", "rouge4",
					     "rougeL", "rougeLsum", "rougeW", "rougeSU4" };
#define NMEASURES 8

struct run {
	precis_rouge_options o;
	bool want[NMEASURES];
	char **stop;
	char *stopbuf;
};

static const precis_prf *measure(const precis_rouge_scores *s, int k)
{
	const precis_prf *v[NMEASURES] = { &s->rouge1, &s->rouge2, &s->rouge3, &s->rouge4,
					   &s->rougeL, &s->rougeLsum, &s->rougeW, &s->rougeSU4 };
	return v[k];
}

static int parse_measures(struct run *r, const char *list)
{
	memset(r->want, 0, sizeof r->want);
	char *copy = strdup(list), *save = NULL;
	if (!copy)
		return -1;
	int rc = 0;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int k = 0;
		while (k < NMEASURES && strcmp(measure_names[k], t) != 0)
			k++;
		if (k == NMEASURES) {
			cli_error("rouge: unknown measure '%s'", t);
			rc = -1;
			break;
		}
		r->want[k] = true;
	}
	free(copy);
	return rc;
}

static int load_stopwords(struct run *r, const char *path)
{
	size_t len;
	precis_error err;
	int rc = cli_read_file(&r->stopbuf, &len, path, 0, &err);
	if (rc) {
		cli_report(path, rc, &err);
		return -1;
	}
	size_t n = 0, cap = 64;
	r->stop = malloc(cap * sizeof *r->stop);
	char *save = NULL;
	for (char *t = strtok_r(r->stopbuf, " \t\r\n", &save); t && r->stop;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n + 2 > cap) {
			cap *= 2;
			char **nv = realloc(r->stop, cap * sizeof *nv);
			if (!nv)
				break;
			r->stop = nv;
		}
		r->stop[n++] = t;
	}
	if (!r->stop)
		return -1;
	r->stop[n] = NULL;
	r->o.stopwords = (const char *const *)r->stop;
	return 0;
}

static json_t *scores_json(const struct run *r, const precis_rouge_scores *s, json_t *id,
			   size_t line_no)
{
	json_t *o = json_object();
	if (id)
		json_object_set(o, "id", id);
	else
		json_object_set_new(o, "line", json_integer((json_int_t)line_no));
	for (int k = 0; k < NMEASURES; k++) {
		if (!r->want[k])
			continue;
		const precis_prf *m = measure(s, k);
		json_t *x = json_object();
		json_object_set_new(x, "p", json_real(m->p));
		json_object_set_new(x, "r", json_real(m->r));
		json_object_set_new(x, "f", json_real(m->f));
		json_object_set_new(o, measure_names[k], x);
	}
	return o;
}

static void *scorer_new(void *ctx)
{
	struct run *r = ctx;
	precis_rouge *s;
	return precis_rouge_new(&s, &r->o) == 0 ? s : NULL;
}

static void scorer_free(void *s)
{
	precis_rouge_free(s);
}

static int jsonl_record(char **out, precis_analyzer *a, void *state, size_t line_no,
			const char *line, size_t len, void *ctx)
{
	(void)a;
	struct run *r = ctx;
	if (!line) {
		*out = cli_jsonl_error(NULL, line_no, "line of %zu bytes is too long", len);
		return 1;
	}
	json_error_t jerr;
	json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(rec)) {
		*out = rec ? cli_jsonl_error(NULL, line_no, "not a JSON object")
			   : cli_jsonl_error(NULL, line_no, "malformed JSON at column %d: %s",
					     jerr.column, jerr.text);
		json_decref(rec);
		return 1;
	}
	json_t *id = json_object_get(rec, "id");
	if (id && !json_is_string(id) && !json_is_integer(id))
		id = NULL;
	json_t *cand = json_object_get(rec, "candidate");
	json_t *refs = json_object_get(rec, "references");
	const char *msg = NULL;
	char what[96];
	if (!cand)
		msg = "missing \"candidate\"";
	else if (!json_is_string(cand))
		msg = "\"candidate\" must be a string";
	else if (!refs)
		msg = "missing \"references\"";
	else if (!json_is_array(refs) || json_array_size(refs) == 0)
		msg = "\"references\" must be a non-empty array of strings";
	size_t nr = json_array_size(refs);
	const char **rv = calloc(nr ? nr : 1, sizeof *rv);
	for (size_t k = 0; !msg && rv && k < nr; k++) {
		json_t *x = json_array_get(refs, k);
		if (!json_is_string(x)) {
			snprintf(what, sizeof what, "\"references\"[%zu] must be a string", k);
			msg = what;
		} else {
			rv[k] = json_string_value(x);
		}
	}
	if (!rv)
		msg = "out of memory";
	/* NUL inside a JSON string would silently cut the text: refuse it. */
	if (!msg && strlen(json_string_value(cand)) != json_string_length(cand))
		msg = "NUL character in \"candidate\"";
	precis_rouge_scores s;
	int rc = 0;
	if (!msg && (rc = precis_rouge_score(&s, state, json_string_value(cand), rv, nr)))
		msg = precis_strerror(rc);
	if (msg) {
		*out = cli_jsonl_error(id, line_no, "%s", msg);
		free(rv);
		json_decref(rec);
		return 1;
	}
	json_t *res = scores_json(r, &s, id, line_no);
	/* 15 significant digits: exact for 1.5.5's 5 decimals, 1e-15 for the rest. */
	*out = json_dumps(res, JSON_COMPACT | JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER);
	json_decref(res);
	free(rv);
	json_decref(rec);
	return 0;
}

static int run_pair(struct run *r, char **files, int n)
{
	if (n < 2) {
		cli_error("rouge: expected CANDIDATE_FILE REFERENCE_FILE... (see 'precis rouge --help')");
		return EXIT_USAGE;
	}
	char **texts = calloc((size_t)n, sizeof *texts);
	int failed = 0;
	for (int i = 0; i < n && texts; i++) {
		size_t len;
		precis_error err;
		int rc = cli_read_file(&texts[i], &len, files[i], PRECIS_DEFAULT_MAX_BYTES, &err);
		/* Invalid UTF-8 or a NUL byte: say which file, and where. */
		if (!rc)
			rc = precis_rouge_check(texts[i], len, &err);
		if (rc) {
			cli_report(files[i], rc, &err);
			failed = 1;
		}
	}
	precis_rouge *sc = NULL;
	precis_rouge_scores s;
	int rc = failed ? -1 : precis_rouge_new(&sc, &r->o);
	if (!rc)
		rc = precis_rouge_score(&s, sc, texts[0], (const char *const *)texts + 1, (size_t)n - 1);
	if (rc < 0 && !failed)
		cli_error("rouge: %s", precis_strerror(rc));
	if (!rc) {
		printf("%-10s %-9s %-9s %-9s\n", "measure", "P", "R", "F");
		for (int k = 0; k < NMEASURES; k++) {
			if (!r->want[k])
				continue;
			const precis_prf *m = measure(&s, k);
			printf("%-10s %.5f   %.5f   %.5f\n", measure_names[k], m->p, m->r, m->f);
		}
	}
	precis_rouge_free(sc);
	for (int i = 0; i < n && texts; i++)
		free(texts[i]);
	free(texts);
	return rc ? EXIT_SOME_FAILED : EXIT_OK;
}

int cmd_rouge(int argc, char **argv)
{
	struct run r = { PRECIS_ROUGE_OPTIONS_INIT, { true, true, false, false, true, true, false, false },
			 NULL, NULL };
	bool jsonl = false;
	int threads = 1, c, rc = EXIT_OK;
	size_t z;
	optind = 1;
	while ((c = getopt_long(argc, argv, "l:b:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_COMPAT:
			if (strcmp(optarg, "unicode") == 0)
				r.o.compat = PRECIS_ROUGE_UNICODE;
			else if (strcmp(optarg, "rouge-score") == 0)
				r.o.compat = PRECIS_ROUGE_SCORE;
			else if (strcmp(optarg, "rouge155") == 0)
				r.o.compat = PRECIS_ROUGE_155;
			else {
				cli_error("rouge: --compat must be unicode, rouge-score or rouge155");
				return EXIT_USAGE;
			}
			break;
		case OPT_STEM: r.o.stem = true; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("rouge: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			r.o.lang = optarg;
			break;
		case OPT_ALPHA:
			if (cli_parse_double(optarg, &r.o.alpha) || r.o.alpha < 0 || r.o.alpha > 1) {
				cli_error("rouge: --alpha must be between 0 and 1");
				return EXIT_USAGE;
			}
			break;
		case OPT_MEASURES:
			if (parse_measures(&r, optarg))
				return EXIT_USAGE;
			break;
		case 'l':
		case 'b':
			if (cli_parse_size(optarg, &z) || z == 0) {
				cli_error("rouge: -%c wants a positive number", c);
				return EXIT_USAGE;
			}
			if (c == 'l')
				r.o.limit_words = z;
			else
				r.o.limit_bytes = z;
			break;
		case OPT_STOPWORDS:
			if (load_stopwords(&r, optarg))
				return EXIT_SOME_FAILED;
			break;
		case OPT_JSONL: jsonl = true; break;
		case 'j':
			if (cli_parse_size(optarg, &z) || z == 0 || z > 64) {
				cli_error("rouge: -j wants 1 to 64");
				return EXIT_USAGE;
			}
			threads = (int)z;
			break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis rouge --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	r.o.measures = 0;
	for (int k = 0; k < NMEASURES; k++)
		if (r.want[k])
			r.o.measures |= k < 4 ? PRECIS_ROUGE_M_N : k == 4 ? PRECIS_ROUGE_M_L :
					k == 5 ? PRECIS_ROUGE_M_LSUM : k == 6 ? PRECIS_ROUGE_M_W :
					PRECIS_ROUGE_M_SU4;
	if ((r.o.limit_words || r.o.limit_bytes || r.stop) && r.o.compat != PRECIS_ROUGE_155) {
		cli_error("rouge: -l, -b and --stopwords follow ROUGE-1.5.5 and need --compat rouge155");
		rc = EXIT_USAGE;
	} else if (jsonl) {
		FILE *in = stdin;
		const char *path = optind < argc ? argv[optind] : "-";
		if (strcmp(path, "-") != 0 && !(in = fopen(path, "r"))) {
			cli_error("%s: %s", path, strerror(errno));
			rc = EXIT_SOME_FAILED;
		} else {
			cli_jsonl_state st = { scorer_new, scorer_free };
			long failed = cli_jsonl_run(in, stdout, threads, (size_t)256 << 20, jsonl_record,
						    &r, &st);
			if (in != stdin)
				fclose(in);
			if (failed < 0 && failed != PRECIS_EIO)
				cli_error("rouge: %s", precis_strerror((int)failed));
			else if (failed > 0)
				cli_error("rouge: %ld record(s) failed", failed);
			rc = failed ? EXIT_SOME_FAILED : EXIT_OK;
		}
	} else {
		rc = run_pair(&r, argv + optind, argc - optind);
	}
	free(r.stop);
	free(r.stopbuf);
	return rc;
}
