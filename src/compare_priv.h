/*
 * compare_priv: what the stages of the comparison share and the renderers
 * never see. The pipeline, in file order:
 *   compare_read.c   one article alone: analysis, metadata, summary, words
 *   compare_group.c  which articles report one event (evidence, clustering)
 *   compare_story.c  per story: facts, consensus, distinctive words, headlines
 *   compare_reuse.c  copy shared between articles (word shingles)
 *   compare.c        the API: precis_compare_new runs the stages in order
 */
#ifndef PX_COMPARE_PRIV_H
#define PX_COMPARE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compare.h"
#include "doc.h"
#include "error.h"
#include "strmap.h"
#include "vectorize.h"

#define MATRIX_MAX 200      /* full similarity matrix up to this many articles */
_Static_assert(PX_PAIR_NFEATURES + 1 == PRECIS_COMPARE_MODEL_SIZE, "one weight per feature");
#define MAX_TERMS 6         /* headline terms and distinctive words per article */

/* Sparse vectors as vectorize.c makes them; here they own their ids. */
typedef px_vec svec;

/* One article's working state, freed once the comparison is built. */
typedef struct {
	precis_doc *doc;
	precis_meta *meta;
	precis_summary *sum;
	svec vec;              /* whole-article TF-IDF, collection vocabulary */
	svec *sent;            /* per sentence, collection vocabulary */
	px_strmap *words;      /* folded content words -> count index */
	uint32_t *wcount;
	size_t wcap;           /* capacity of wcount */
	size_t nwords_total;
	uint64_t *wh;          /* per body word: hash of its folded form */
	precis_span *wspan;    /* per body word: bytes */
	size_t nw;
	char *line;            /* a text without a full sentence: its first line, as title */
	svec title;            /* the headline's TF-IDF, collection vocabulary (n 0: none) */
	precis_ymd ev_first, ev_last; /* the event date shown on the card */
	bool has_event, event_full_year, event_from_pub;
	int ev_month, ev_day;  /* a day and month without a year */
	/* Grouping's time signal: the publication date, else a dated event in the text. */
	long pub_day, text_day; /* days since 1970-01-01 */
	long text_doy;          /* text date's day of the year, 31 * (month - 1) + day */
	bool has_pub, has_text, text_year; /* text_year: text_day is known, not only text_doy */
	uint32_t *ent;         /* persons and places: sorted collection entity ids */
	size_t nent;
} work;

/* The collection: its vocabulary and IDF, and every article's work. */
typedef struct {
	px_strmap *vocab;      /* stems of the collection */
	double *idf;
	size_t nterms;
	work *w;
	size_t n;
	precis_analyzer *a;
	px_strmap *ents;       /* folded entity keys of the collection */
	double *ent_idf;       /* per entity id */
	const char **ent_name; /* as first written (points into the meta entities) */
	const double *model;   /* the pair model's weights, NULL: built in */
} coll;

char *px_cmp_span_dup(const char *text, precis_span s);

/* compare_read.c */
typedef struct {
	const precis_article_input *in;
	const precis_compare_options *o;
	px_article *pa;
	work *w;
	int *rc;               /* per article */
	precis_error *err;     /* per article */
	size_t n;
} px_cmp_reader;

/* Reads every article (worker threads); per-article status in r->rc. */
int px_cmp_read_all(px_cmp_reader *r, precis_analyzer *a, unsigned threads);
/* TF-IDF counts of an article in the collection's vocabulary (serial). */
int px_cmp_article_vectors(work *w, coll *c);
void px_cmp_work_free(work *w);
void px_cmp_article_free(px_article *a);

/* compare_group.c */
/*
 * Every person and place of every article (all of them, not the card's
 * first eight) as sorted ids of their folded keys, with a smoothed IDF.
 */
int px_cmp_entity_index(coll *c);
/* Pair evidence: features, probability of one story, shared entities, days apart. */
typedef struct {
	double f[PX_PAIR_NFEATURES];
	double p;
	size_t shared;
	long gap;              /* days between the two dates, -1 when not both dated */
	bool pub;              /* the gap is between publication dates */
} px_pair;
void px_cmp_pair(px_pair *out, const coll *c, size_t i, size_t j, double cosv);
/* story_of[i]: the representative article of article i's story. */
int px_cmp_group(precis_comparison *cmp, coll *c, const precis_compare_options *o,
		 size_t **story_of);

/* compare_story.c */
int px_cmp_headline(px_article *pa, work *w, coll *c, precis_rouge *scorer);
int px_cmp_story_facts(precis_comparison *cmp, const coll *c, px_story *st, size_t want);
void px_cmp_fact_free(px_fact *f);
int px_cmp_distinctive(precis_comparison *cmp, coll *c, px_story *st, px_strmap *all,
		       const double *all_count, double all_total);

/* compare_anchor.c: what of a sentence survives translation (numbers, dates, names). */
typedef struct {
	uint64_t h;          /* hash of the anchor's key ("n:1.8e+09", "d:03-04", "w:spotify") */
	uint32_t group;      /* one name of several words, or one number, is one group */
	precis_span span;    /* its bytes in the document's text */
	char kind;           /* 'n' number, 'd' date, 'w' name, 'q' quoted person */
} px_anchor;
typedef struct {
	px_anchor *v;
	size_t n, ngroups;   /* groups are numbered 1..ngroups */
} px_anchors;
/*
 * Two sentences in different languages state the same fact when they share
 * PX_ANCHOR_MIN anchors of which one is a number, date or quoted person,
 * or PX_ANCHOR_NAMES names (how it was chosen: compare_story.c).
 */
#define PX_ANCHOR_MIN 2
#define PX_ANCHOR_NAMES 3
int px_cmp_anchors(px_anchors *out, precis_analyzer *a, const work *w, size_t sent);
void px_cmp_anchors_free(px_anchors *a);
/*
 * Shared groups (the smaller count of both sides); hit_x (ngroups + 1, or
 * NULL) marks x's; *hard (or NULL): one of them is not a name.
 */
size_t px_cmp_anchors_shared(const px_anchors *x, const px_anchors *y, bool *hit_x, bool *hard);

/* compare_words.c: function words beyond the stop words (distinctive wording skips them). */
bool px_cmp_function_word(const char *lang, const char *folded, size_t len);

/* compare_reuse.c */
int px_cmp_reuse(precis_comparison *cmp, coll *c);

#endif
