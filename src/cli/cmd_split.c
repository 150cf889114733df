/* precis split: one sentence per line. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis split [--raw] [--lang CODE|auto] [--offsets] FILE|-\n\n"
	"Print the sentences of an article, one per line (line breaks inside a\n"
	"sentence become spaces). Boilerplate lines are removed first.\n\n"
	"  --raw          split the whole text, without removing boilerplate\n"
	"  --lang CODE    language (auto)\n"
	"  --offsets      prefix each sentence with its byte range START-END and a tab\n"
	"  --lossy        replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help     this help\n";

enum { OPT_RAW = 256, OPT_LANG, OPT_OFFSETS, OPT_LOSSY };

static const struct option longopts[] = {
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "offsets", no_argument, NULL, OPT_OFFSETS },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

int cmd_split(int argc, char **argv)
{
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	bool offsets = false;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_RAW: dopt.clean = false; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("split: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			dopt.lang = optarg;
			break;
		case OPT_OFFSETS: offsets = true; break;
		case OPT_LOSSY: dopt.lossy = true; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis split --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_error("split: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf = NULL;
	size_t len;
	precis_error err = { 0 };
	precis_analyzer *a = NULL;
	precis_doc *doc = NULL;
	int rc = cli_read_file(&buf, &len, path, dopt.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	if (!rc && !(rc = precis_analyzer_new(&a)))
		rc = precis_doc_new(&doc, a, buf, len, &dopt, &err);
	if (rc) {
		cli_report(name, rc, &err);
		free(buf);
		precis_analyzer_free(a);
		return EXIT_SOME_FAILED;
	}
	const char *text = precis_doc_text(doc, NULL);
	for (size_t i = 0; i < precis_doc_sentence_count(doc); i++) {
		precis_span sp = precis_doc_sentence(doc, i);
		if (offsets)
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
