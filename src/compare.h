/*
 * compare: the comparison of articles from several outlets, as the
 * renderers (report_md.c, report_html.c, report_json.c) walk it.
 */
#ifndef PX_COMPARE_H
#define PX_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

typedef struct {
	char *speaker; /* NULL when unknown */
	char *text;
} px_quote;

typedef struct {
	char *name;
	double score; /* z-score of the weighted log-odds */
} px_term;

typedef struct {
	size_t *articles;
	size_t n;
} px_carriers;

typedef struct px_article {
	char *id, *outlet, *headline, *date, *url, *lang;
	char *problem;       /* what was wrong with the record (no sentence, no usable text), or NULL */
	bool unusable;       /* no usable text at all: a story of its own */
	char *event_date;    /* "YYYY-MM-DD", "YYYY-MM-DD/YYYY-MM-DD", "--MM-DD" (no year), or NULL */
	const char *event_date_source; /* static: where event_date came from, or NULL */
	char *date_warning;  /* the record's date was not ISO 8601: what was done with it */
	size_t words, nsentences;
	char **agencies;     /* agencies the text names or signs */
	size_t nagencies;
	char **credited;     /* agencies named only in photo credits: pictures, not copy */
	size_t ncredited;
	char **places, **persons; /* canonical names, most mentioned first */
	size_t nplaces, npersons;
	px_quote *quotes;
	size_t nquotes;
	char *lead;
	char **summary;
	size_t nsummary;
	px_carriers *summary_also; /* per summary sentence: the other articles carrying it */
	/* headline analysis */
	char *subject;       /* who or what comes first in the headline */
	px_term *head_terms;
	size_t nhead_terms;
	double head_vs_lead, head_vs_summary; /* ROUGE-1 F (unicode); NaN without a headline */
	/* within its story */
	char **unique;       /* facts no other outlet of the story reports */
	size_t nunique;
	size_t unchecked;    /* sentences no other outlet carries that too few anchors left unchecked
				against the outlets in other languages (never listed as unique) */
	px_term *distinctive;
	size_t ndistinctive;
	size_t distinctive_peers; /* same-language outlets of the story it was compared with */
	int story;
	int color;           /* index in the story, for the HTML palette */
} px_article;

typedef struct {
	char *text;
	size_t *articles;    /* indices of the articles carrying it */
	size_t narticles;
	bool anchored;       /* carried across languages: matched by shared anchors, not wording */
	char **anchors;      /* the anchors shared, as this sentence writes them */
	size_t nanchors;
} px_fact;

typedef struct {
	size_t *articles;
	size_t narticles;
	char *label;         /* the most central headline */
	char *date;          /* the agreed event date, or NULL */
	px_fact *shared;     /* facts carried by two or more outlets */
	size_t nshared;
	px_fact *consensus;  /* consensus summary, each credited */
	size_t nconsensus;
	size_t nlangs;       /* languages of its articles; > 1: facts matched across them by anchors */
} px_story;

typedef struct {
	size_t a, b;
	double share_a, share_b;
	const char *agency;  /* an agency both articles credit (the likely source), or NULL */
	char **passages;
	size_t npassages;
} px_reuse;

/* Distinctive wording's significance line: two-sided 5%, as the reports say. */
#define PX_DISTINCT_MIN_Z 1.96

/* Features of the grouping's pair model, named for the JSON report. */
#define PX_PAIR_NFEATURES 8
extern const char *const px_pair_feature_names[PX_PAIR_NFEATURES];

typedef struct {
	size_t a, b;
	double cosine, score; /* score: probability that the two report one story */
	char *evidence;      /* human-readable reasons */
	bool linked;
	double features[PX_PAIR_NFEATURES];
} px_decision;

typedef struct {
	char *id;            /* the record's id, or "line-N" */
	char *reason;
} px_record_error;

struct precis_comparison {
	px_article *articles;
	size_t narticles;
	px_story *stories;   /* sorted by size, then first article */
	size_t nstories;
	px_reuse *reuse;
	size_t nreuse;
	double *sim;         /* narticles^2 cosine matrix (NULL past MATRIX_MAX) */
	px_decision *decisions; /* with --explain */
	size_t ndecisions, decisions_cap;
	px_record_error *errors; /* records that could not be read, in input order */
	size_t nerrors;
	double threshold;
};

#endif
