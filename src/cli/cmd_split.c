/* precis split: one sentence per line. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opt.h"

struct opts {
	precis_doc_options doc;
	bool offsets;
};

static const cli_command command = {
	"split",
	"Usage: precis split [--raw] [--lang CODE|auto] [--offsets] FILE|-\n",
	"Print the sentences of an article, one per line (line breaks inside a\n"
	"sentence become spaces). Boilerplate lines are removed first.\n"
};

#define AT(m) CLI_AT(struct opts, m)
static const px_cli_opt opts[] = {
	CLI_UNSET("raw", 0, AT(doc.clean), "split the whole text, without removing boilerplate"),
	CLI_VALUE("lang", 0, "CODE", AT(doc.lang), CLI_CHECK_LANG, "language (auto)"),
	CLI_FLAG("offsets", 0, AT(offsets),
		 "prefix each sentence with its byte range START-END and a tab"),
	CLI_FLAG("lossy", 0, AT(doc.lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_VALUE("max-bytes", 0, "N", AT(doc.max_bytes), CLI_CHECK_BYTES,
		  "refuse larger documents (64M; suffixes k, M, G)"),
	CLI_HELP,
	CLI_END
};

int cmd_split(int argc, char **argv)
{
	struct opts o = { PRECIS_DOC_OPTIONS_INIT, false };
	cli_args args;
	int rc = cli_opt_parse(&args, &o, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (args.npos != 1) {
		cli_error("split: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = args.pos[0];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf = NULL;
	size_t len;
	precis_error err = { 0 };
	precis_analyzer *a = NULL;
	precis_doc *doc = NULL;
	rc = cli_read_file(&buf, &len, path, o.doc.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	if (!rc && !(rc = precis_analyzer_new(&a)))
		rc = precis_doc_new(&doc, a, buf, len, &o.doc, &err);
	if (rc) {
		cli_report(name, rc, &err);
		free(buf);
		precis_analyzer_free(a);
		return EXIT_SOME_FAILED;
	}
	const char *text = precis_doc_text(doc, NULL);
	for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
		precis_span sp = precis_doc_sentence(doc, i);
		if (o.offsets)
			printf("%zu-%zu\t", sp.start, sp.end);
		for (size_t k = sp.start; k < sp.end; k++)
			putchar(text[k] == '\n' || text[k] == '\r' ? ' ' : text[k]);
		putchar('\n');
	}
	precis_doc_free(doc);
	precis_analyzer_free(a);
	free(buf);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_SOME_FAILED;
}
