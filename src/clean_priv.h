/*
 * clean_priv: what the parts of clean share. clean.c holds the API and
 * the passes driver, clean_cues.c the cue data, clean_lines.c the facts
 * of each line and the single-line rules, clean_layout.c repeats, layout,
 * the headline and the outlet.
 */
#ifndef PX_CLEAN_PRIV_H
#define PX_CLEAN_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "agency.h"
#include "clean.h"
#include "precis.h"
#include "token.h"

#define START_WORDS 20     /* default length limit of ^ cues */
#define ANY_WORDS 60       /* default length limit of * cues; longer lines are body */
#define LINE_CUE_BYTES 256 /* = cues only look at lines this short */
#define MENU_WORDS 6       /* runs of lines this short may be menus */
#define ITEM_WORDS 3       /* a menu entry has at most this many words (headlines have more) */
#define SITE_WORDS 4       /* a site name has at most this many words */
#define PARAGRAPH_WORDS 8  /* a line ending like a sentence and this long is a paragraph */
#define LEAD_WORDS 12      /* the first paragraph this long starts the body */
#define DECK_WORDS 12      /* a standfirst under the headline is longer than this */
#define LONG_WORDS 30      /* a line this long is a paragraph even without final stop */
#define TITLE_MAX 40       /* a headline (with its site suffix) has at most this many words */
#define HEAD_LINES 20      /* the headline is looked for among these lines */
#define DATE_WORDS 14      /* a date line has at most this many words */
#define BYLINE_WORDS 10    /* "Par Jean Dupont", "By A and B, BBC News" */
#define NEAR_WORDS 12      /* near-duplicates are looked for among lines this long */
#define NEAR_DUPLICATE 0.8 /* word-set Jaccard of two copies of one paragraph */
#define NEAR_CANDIDATES 16 /* earlier lines compared per shared key */
#define MAX_TOKENS 16      /* agency-only and name-like lines have fewer tokens */

enum match { MATCH_LINE, MATCH_START, MATCH_ANY, MATCH_END };

typedef struct {
	const char *reason;  /* static */
	enum match how;
	size_t max_words;
	const char *part[3]; /* NUL-terminated, in the arena; MATCH_LINE: a skeleton */
	size_t nparts;
} cue;

/* Plain word lists of the cue files (sections that are not reasons). */
enum {
	LIST_OUTLET,    /* [outlet]: outlets that sign their pages */
	LIST_DATEWORD,  /* [dateword]: words of a date line besides numbers */
	LIST_SIGNATURE, /* [signature-word]: words around agencies ("avec", "source") */
	LIST_OWNER,     /* [owner-word]: joins an outlet to its agencies ("avec", "with") */
	LIST_UNNAMED,   /* [unnamed-agencies]: agencies not named ("agences") */
	LIST_PUBLISHED, /* [published-cue]: how a "published" line starts ("publié le") */
	LIST_UPDATED,   /* [updated-cue]: how an "updated" line starts ("mis à jour") */
	LIST_STAFF,     /* [staff-of]: words before an outlet in a byline ("la rédaction de") */
	LIST_COUNT
};

typedef struct {
	cue *cues;
	size_t ncues, capcues;
	const char **list[LIST_COUNT];
	size_t nlist[LIST_COUNT], capwords;
	const px_agencies *agencies; /* shared */
	char *arena;
	size_t alen, acap;
} cueset;

typedef struct {
	precis_span span;
	char *folded;        /* NFC, case folded, NBSP as space, ’ as ' */
	size_t flen;
	size_t words;
	bool terminal;       /* ends like a sentence */
	bool line_cue;       /* matched a whole-line cue ("Newsletter", "0 Commentaire") */
	bool by_cue;         /* dropped by a cue phrase (and nothing stronger) */
	bool agency;         /* names agencies only ("AFP", "(avec AFP)") */
	size_t dup_of;       /* for duplicates: the line it repeats */
	uint64_t *wset;      /* sorted distinct word hashes, for near-duplicates */
	size_t nwset;
	const char *reason;
} line;

typedef struct {
	line *L;
	size_t n;
	const char *text;
	const char *lang;
	const cueset *cues;
	char *scratch;       /* room for the skeleton of the longest line */
	size_t lead, last;   /* first and last body paragraph; n when none */
	px_clean_evidence evidence[PX_CLEAN_MAX_EVIDENCE];
	size_t nevidence;
} page;

typedef struct {
	px_token t[MAX_TOKENS];
	size_t n;
	bool overflow;
} tokens;


static inline bool px_clean_is_reason(const line *l, const char *r)
{
	return l->reason && strcmp(l->reason, r) == 0;
}

/* clean_cues.c */
size_t px_clean_skeleton(char *out, const char *s, size_t len, bool keep_digits);
/* The cues for pages in lang (NULL: English), built on first use and shared. */
int px_clean_cues(const cueset **out, const char *lang);
bool px_clean_in_list(const cueset *c, int list, const char *s, size_t len);

/* clean_lines.c */
void px_clean_free_lines(line *L, size_t n);
/* Every non-blank line of text, with its facts; pg->scratch sized for the longest. */
int px_clean_split_lines(page *pg, const char *text, size_t len);
size_t px_clean_count_words(const char *s, size_t len, const char *lang);
int32_t px_clean_last_cp(const char *s, size_t len, size_t *at);
bool px_clean_ends_like_sentence(const char *s, size_t len);
bool px_clean_ends_with_stop(const char *s, size_t len);
char *px_clean_fold_line(const char *s, size_t len, size_t *outlen);
bool px_clean_starts_upper(const char *s, size_t len);
bool px_clean_name_like(const page *pg, const line *l);
bool px_clean_owned_signature(const page *pg, const line *l, precis_span *owner);
bool px_clean_is_breadcrumb(const page *pg, const char *s, size_t len, size_t *tail);
void px_clean_classify(page *pg);

/* clean_evidence.c: datelines, bylines, published and updated lines, marked and kept. */
void px_clean_find_evidence(page *pg);

/* clean_layout.c */
int px_clean_mark_repeats(page *pg);
void px_clean_find_body(page *pg);
void px_clean_rescue_sandwiched(page *pg);
void px_clean_mark_fragments(page *pg);
void px_clean_mark_menus(page *pg);
size_t px_clean_find_headline(page *pg, precis_span *head, precis_span *site);
void px_clean_mark_furniture(page *pg, const char *outlet, size_t headline);
void px_clean_place_agencies(page *pg);
precis_span px_clean_find_outlet(const page *pg, precis_span suffix);

#endif
