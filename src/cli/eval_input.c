/* cli/eval_input: see eval_input.h. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "eval_input.h"
#include "jsonl.h"

/*
 * Call fn on each line of path parsed as JSON (v NULL and why set when it
 * is not JSON); blank lines are skipped. -1 when path cannot be read.
 */
int cli_eval_each_json_line(run *r, const char *path, size_t flags,
			  void (*fn)(run *r, void *dst, json_t *v, const char *path, size_t line,
				     const char *why),
			  void *dst)
{
	FILE *fp = cli_open_input(path);
	if (!fp)
		return -1;
	/* --max-bytes counts the decoded text: the raw line may be longer. */
	size_t max_line = cli_jsonl_line_limit(r->max_bytes), lineno = 0, len;
	char *line, why[128];
	int rc;
	while ((rc = cli_read_line(fp, max_line, r->lossy, &line, &len)) == 0) {
		lineno++;
		if (!line) {
			snprintf(why, sizeof why, "line of %zu bytes cannot hold a text within "
				 "--max-bytes %zu", len, r->max_bytes);
			fn(r, dst, NULL, path, lineno, why);
			continue;
		}
		json_error_t jerr;
		json_t *v = len ? json_loadb(line, len, flags, &jerr) : NULL;
		if (len)
			fn(r, dst, v, path, lineno, jerr.text);
		json_decref(v);
		free(line);
	}
	if (rc == PRECIS_ETOOBIG)
		cli_line_stopped(path, lineno + 1, max_line);
	else if (rc == PRECIS_ENOMEM)
		cli_error("%s: out of memory", path);
	return cli_close_input(fp, path) || rc < 0 ? -1 : 0;
}

/*
 * The text and the reference of a record. One vocabulary across commands
 * (README: JSONL fields): besides eval's own "article" and "abstract",
 * records may say "text" and "reference"/"references" as summarize,
 * compare and rouge do, unless --text-key/--ref-key name another field.
 */
static json_t *text_of(const run *r, json_t *v)
{
	json_t *x = json_object_get(v, r->text_key);
	return x || strcmp(r->text_key, "article") != 0 ? x : json_object_get(v, "text");
}

static json_t *ref_of(const run *r, json_t *v)
{
	json_t *x = json_object_get(v, r->ref_key);
	if (x || strcmp(r->ref_key, "abstract") != 0)
		return x;
	x = json_object_get(v, "reference");
	return x ? x : json_object_get(v, "references");
}

/* A string, or a non-empty array of strings: anything else is no reference. */
static bool is_reference(json_t *ref)
{
	if (json_is_string(ref))
		return true;
	if (!json_is_array(ref) || json_array_size(ref) == 0)
		return false;
	size_t i;
	json_t *x;
	json_array_foreach(ref, i, x) if (!json_is_string(x)) return false;
	return true;
}

/* The bytes of a reference (is_reference's), counted with the article against --max-bytes. */
static size_t ref_bytes(json_t *ref)
{
	if (json_is_string(ref))
		return json_string_length(ref);
	size_t n = 0, i;
	json_t *x;
	json_array_foreach(ref, i, x) n += json_string_length(x);
	return n;
}

/* A record of --data: kept (its JSON stays alive in r->rows) or reported. */
void cli_eval_add_record(run *r, void *bad, json_t *v, const char *path, size_t line,
		       const char *why)
{
	json_t *text = text_of(r, v), *ref = ref_of(r, v);
	cli_record_id id;
	char over[128];
	size_t total = json_string_length(text) + ref_bytes(ref);
	snprintf(over, sizeof over, "texts of %zu bytes (article and references) exceed "
		 "--max-bytes %zu", total, r->max_bytes);
	why = !v ? why : !json_is_object(v) ? "not a JSON object"
		: !json_is_string(text) ? "no string field with the text"
		: !is_reference(ref) ? "no reference (a string or a non-empty array of strings)"
		: cli_jsonl_id(&id, v, r->id_key, line) ? "id neither a string nor an integer"
		: r->max_bytes && total > r->max_bytes ? over
		: NULL;
	json_t *first = why ? NULL : json_object_get(r->seen, id.text);
	if (first) {
		fprintf(stderr, "precis: %s:%zu: duplicate id '%s' (first on line %lld; record "
				"skipped)\n", path, line, id.text, (long long)json_integer_value(first));
		++*(int *)bad;
		return;
	}
	if (why) {
		fprintf(stderr, "precis: %s:%zu: %s (record skipped)\n", path, line, why);
		++*(int *)bad;
		return;
	}
	json_object_set_new(r->seen, id.text, json_integer((json_int_t)line));
	json_array_append(r->rows, v);
	json_array_append_new(r->ids, json_string(id.text));
	r->nrefs += json_is_array(ref) ? json_array_size(ref) : 1;
}

/* A line of a file: system, id -> summary (an array of sentences becomes lines). */
static void add_output(run *r, void *out, json_t *v, const char *path, size_t line,
		       const char *why)
{
	json_t *sum = json_object_get(v, "summary");
	cli_record_id id;
	if (!json_is_object(v) || cli_jsonl_id(&id, v, "id", line) || !id.json ||
	    !(json_is_string(sum) || json_is_array(sum))) {
		fprintf(stderr, "precis: %s:%zu: %s (skipped)\n", path, line,
			v ? "no \"id\" and \"summary\"" : why);
		r->out_errors++;
		return;
	}
	if (json_object_get(out, id.text)) {
		/* Two summaries for one id: neither may silently win. */
		fprintf(stderr, "precis: %s:%zu: duplicate id '%s' (skipped)\n", path, line,
			id.text);
		r->out_errors++;
		return;
	}
	size_t len = 1, i;
	json_t *x;
	json_array_foreach(sum, i, x) len += json_is_string(x) ? json_string_length(x) + 1 : 0;
	char *s = json_is_string(sum) ? NULL : calloc(len, 1);
	json_array_foreach(sum, i, x) if (s && json_is_string(x)) {
		if (s[0])
			strcat(s, "\n");
		strcat(s, json_string_value(x));
	}
	json_object_set_new(out, id.text, s ? json_string(s) : json_incref(sum));
	free(s);
}

int cli_eval_add_system(run *r, const char *arg)
{
	if (r->nsys == MAX_SYSTEMS) {
		cli_error("eval: at most %d systems", MAX_SYSTEMS);
		return EXIT_USAGE;
	}
	size_t s = r->nsys;
	/* "LABEL=file:PATH" names a file system in the tables. */
	const char *name = arg, *eq = strstr(arg, "=file:");
	if (eq && eq > arg && eq - arg < 64)
		name = eq + 1;
	if (strncmp(name, "file:", 5) == 0) {
		r->sys[s] = (precis_eval_system){ NULL, PRECIS_ALG_DEFAULT, 0, false, NULL };
		/* A file that cannot be read is a failed input (1), not a usage error. */
		if (!(r->files[s] = json_object()) ||
		    cli_eval_each_json_line(r, name + 5, 0, add_output, r->files[s])) {
			json_decref(r->files[s]);
			r->files[s] = NULL;
			return EXIT_SOME_FAILED;
		}
	} else if (precis_eval_system_from_name(&r->sys[s], name) != 0) {
		cli_error("eval: unknown system '%s' (see 'precis eval --help')", name);
		return EXIT_USAGE;
	}
	char *label = name != arg ? strndup(arg, (size_t)(eq - arg)) : strdup(name);
	/* A label is bytes from argv: escaped, so JSON and CSV keep it. */
	r->names[s] = label ? cli_display_name(label) : NULL;
	free(label);
	r->sys[s].name = r->names[s];
	r->nsys++;
	return r->names[s] ? 0 : EXIT_SOME_FAILED;
}

/*
 * The library's view of the records: pointers into their JSON, references
 * in one array, and per file: system its output for each record (NULL:
 * missing).
 */
int cli_eval_view_records(run *r)
{
	size_t n = json_array_size(r->rows), i;
	r->recs = calloc(n ? n : 1, sizeof *r->recs);
	r->refs = calloc(r->nrefs ? r->nrefs : 1, sizeof *r->refs);
	bool ok = r->recs && r->refs && json_array_size(r->ids) == n;
	for (size_t s = 0; s < r->nsys && ok; s++)
		if (r->files[s])
			ok = (r->outputs[s] = calloc(n ? n : 1, sizeof(char *)));
	if (!ok)
		return PRECIS_ENOMEM;
	for (size_t s = 0; s < r->nsys; s++)
		r->sys[s].outputs = r->outputs[s];
	const char **refs = r->refs;
	json_t *v;
	json_array_foreach(r->rows, i, v) {
		json_t *ref = ref_of(r, v);
		size_t nr = json_is_array(ref) ? json_array_size(ref) : 1;
		for (size_t k = 0; k < nr; k++) {
			json_t *x = json_is_array(ref) ? json_array_get(ref, k) : ref;
			refs[k] = json_is_string(x) ? json_string_value(x) : "";
		}
		const char *id = json_string_value(json_array_get(r->ids, i));
		if (!id)
			return PRECIS_ENOMEM;
		json_t *text = text_of(r, v);
		json_t *title = r->title_key[0] ? json_object_get(v, r->title_key) : NULL;
		r->recs[i] = (precis_eval_record){ id, json_string_value(text),
						   json_string_value(title), refs, nr };
		refs += nr;
		for (size_t s = 0; s < r->nsys; s++)
			if (r->files[s])
				r->outputs[s][i] =
					json_string_value(json_object_get(r->files[s], id));
	}
	r->nrecs = n;
	return 0;
}

/* ------------------------------------------------------------ output */

