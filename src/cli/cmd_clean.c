/* precis clean: the article body of a scraped page, or why each line goes. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "opt.h"

struct opts {
	bool explain;
	precis_doc_options doc;
};

static const cli_command command = {
	"clean",
	"Usage: precis clean [--explain] [--lang CODE|auto] FILE|-\n",
	"Print the article body of a scraped news page: menus, breadcrumbs, photo\n"
	"credits, share and comment widgets, newsletter and consent text, teasers,\n"
	"repeated lines and leftover markup are dropped.\n"
};

#define AT(m) CLI_AT(struct opts, m)
static const px_cli_opt opts[] = {
	CLI_FLAG("explain", 0, AT(explain),
		 "print every line, prefixed by 'keep' or 'drop:REASON' and a tab"),
	CLI_VALUE("lang", 0, "CODE", AT(doc.lang), CLI_CHECK_LANG, "language of the cue lists (auto)"),
	CLI_FLAG("lossy", 0, AT(doc.lossy), "replace invalid UTF-8 by U+FFFD instead of failing"),
	CLI_HELP,
	CLI_END
};

int cmd_clean(int argc, char **argv)
{
	struct opts o = { false, PRECIS_DOC_OPTIONS_INIT };
	cli_args args;
	int rc = cli_opt_parse(&args, &o, &command, opts, argc, argv);
	if (rc != CLI_PARSED)
		return rc;
	if (args.npos != 1) {
		cli_error("clean: expected one FILE (or -)");
		return EXIT_USAGE;
	}
	const char *path = args.pos[0];
	const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
	char *buf;
	size_t len;
	precis_error err = { 0 };
	rc = cli_read_file(&buf, &len, path, o.doc.max_bytes, &err);
	if (!rc && len == 0) {
		cli_error("%s: empty input", name);
		free(buf);
		return EXIT_SOME_FAILED;
	}
	precis_analyzer *a = NULL;
	precis_cleaned *cl = NULL;
	if (!rc && !(rc = precis_analyzer_new(&a)))
		rc = precis_clean_new(&cl, a, buf, len, &o.doc, &err);
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
		if (o.explain) {
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
