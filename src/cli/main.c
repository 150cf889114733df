/* precis: command-line entry point. Dispatches to one file per subcommand. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "summarize", cmd_summarize, "extractive summary of articles (files, dirs, stdin, JSONL)" },
	{ "clean", cmd_clean, "article body of a scraped page (--explain: why each line goes)" },
	{ "split", cmd_split, "one sentence per line (--raw: without boilerplate removal)" },
	{ "meta", cmd_meta, "headline, outlet, dates, places, persons, agencies, quotes" },
	{ "compare", cmd_compare, "group articles into stories, compare how outlets framed them" },
	{ "rouge", cmd_rouge, "ROUGE scores (unicode, rouge-score or ROUGE-1.5.5 rules)" },
	{ "eval", cmd_eval, "evaluate systems on a labelled corpus (ROUGE, CIs, tests)" },
	{ "idf", cmd_idf, "build or merge corpus document frequencies for --idf" },
	{ NULL, NULL, NULL }
};

static void usage(FILE *fp)
{
	fputs("Usage: precis COMMAND [OPTIONS] [ARGS]\n\n"
	      "Summarize news articles, evaluate summaries, compare outlets.\n\n"
	      "Commands:\n", fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fputs("\n'precis COMMAND --help' describes each command.\n"
	      "Exit status: 0 all good, 1 some inputs failed, 2 usage error.\n", fp);
}

int main(int argc, char **argv)
{
	/* A closed pipe (precis ... | head -1) must end us quietly via EPIPE
	 * handling in the writers, not by a signal mid-record. */
	signal(SIGPIPE, SIG_IGN);
	cli_stdout_init();
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return cli_close_stdout(EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("precis %s\n", PRECIS_VERSION);
		return cli_close_stdout(EXIT_OK);
	}
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0)
			return cli_close_stdout(c->run(argc - 1, argv + 1));
	cli_error("unknown command '%s' (see 'precis --help')", argv[1]);
	return EXIT_USAGE;
}
