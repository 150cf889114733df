/* precis clean: the article body of a scraped page, or why each line goes. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage_text[] =
	"Usage: precis clean [--explain] [--lang CODE|auto] FILE|-\n\n"
	"Print the article body of a scraped news page: menus, breadcrumbs, photo\n"
	"credits, share and comment widgets, newsletter and consent text, teasers,\n"
	"repeated lines and leftover markup are dropped.\n\n"
	"  --explain        print every line, prefixed by 'keep' or 'drop:REASON' and a tab\n"
	"  --lang CODE      language of the cue lists (auto)\n"
	"  --lossy          replace invalid UTF-8 by U+FFFD instead of failing\n"
	"  -h, --help       this help\n";

enum { OPT_EXPLAIN = 256, OPT_LANG, OPT_LOSSY };

static const struct option longopts[] = {
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "lossy", no_argument, NULL, OPT_LOSSY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

int cmd_clean(int argc, char **argv)
{
	bool explain = false;
	precis_doc_options dopt = PRECIS_DOC_OPTIONS_INIT;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_EXPLAIN: explain = true; break;
		case OPT_LANG:
			if (strcmp(optarg, "auto") != 0 && !precis_language_supported(optarg)) {
				cli_error("clean: unsupported language '%s'", optarg);
				return EXIT_USAGE;
			}
			dopt.lang = optarg;
			break;
		case OPT_LOSSY: dopt.lossy = true; break;
		case 'h': fputs(usage_text, stdout); return EXIT_OK;
		default: fputs("Try 'precis clean --help'.\n", stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cli_error("clean: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = argv[optind];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf;
	size_t len;
	precis_error err = { 0 };
	int rc = cli_read_file(&buf, &len, path, dopt.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	precis_analyzer *a = NULL;
	precis_cleaned *cl = NULL;
	if (!rc && !(rc = precis_analyzer_new(&a)))
		rc = precis_clean_new(&cl, a, buf, len, &dopt, &err);
	if (rc) {
		cli_report(name, rc, &err);
		if (!err.line && rc == PRECIS_ENOMEM)
			cli_error("out of memory");
		free(buf);
		precis_analyzer_free(a);
		return EXIT_SOME_FAILED;
	}
	const char *text = precis_cleaned_text(cl, NULL);
	size_t n = precis_cleaned_line_count(cl);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		const char *reason;
		precis_span sp = precis_cleaned_line(cl, i, &reason);
		int w = (int)(sp.end - sp.start);
		if (explain) {
			if (reason)
				printf("drop:%s\t%.*s\n", reason, w, text + sp.start);
			else
				printf("keep\t%.*s\n", w, text + sp.start);
		} else if (!reason) {
			printf("%s%.*s\n", first ? "" : "\n", w, text + sp.start);
			first = false;
		}
	}
	precis_cleaned_free(cl);
	precis_analyzer_free(a);
	free(buf);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_SOME_FAILED;
}
