/*
 * meta_priv: what the parts of meta share. meta.c holds the API and the
 * token array, meta_words.c the cue lists and the tokenizer, meta_date.c
 * the date grammar, meta_entity.c places, persons and agencies,
 * meta_quote.c quotes and their speakers.
 */
#ifndef PX_META_PRIV_H
#define PX_META_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "data.h"
#include "precis.h"
#include "strmap.h"

#define MAX_PHRASE 4      /* words in a list phrase ("la semaine dernière") */
#define MAX_PLACE_WORDS 4 /* words in a gazetteer name */
#define MAX_VARIANTS 16   /* spellings kept per entity */
#define MAX_NAME_WORDS 6  /* longer capitalised runs are Title Case, not names */
#define QUOTE_WINDOW 12   /* tokens looked at around a quote for its speaker */
#define SUBJECT_WINDOW 40 /* tokens looked back from a reporting verb for its subject */
#define FUTURE_WINDOW 8   /* tokens looked back from a date for a future-tense verb */
#define MIN_QUOTE_WORDS 3 /* shorter quotes are scare quotes ("solutions") */
#define ABBR 0x100        /* month value flag: an abbreviation ("sept") */

typedef struct {
	size_t start, end; /* bytes in the doc text */
	const char *fold;  /* folded form (NFC + case fold, ’ as ') */
	size_t flen;
	int unit;          /* 0 = headline, 1.. = sentences */
	bool cap;          /* starts with a capital */
	bool first;        /* first word of its unit */
	bool quoted;       /* inside a quote */
	int num;           /* value when all digits (or "1er", "25th"), else -1 */
	int lex;           /* entry in the lexicon of list words, or -1 */
	char elided;       /* first letter of an elided word before it ("d'après": 'd'), or 0 */
} tok;

/* Growing byte store; strings are kept as offsets until it stops growing. */
typedef struct {
	char *buf;
	size_t len, cap;
} arena;

/* Word sets of meta-<lang>.txt, each a folded word -> value map. */
enum {
	W_MONTH, W_WEEKDAY, W_AMBIGUOUS, W_UNITS, W_NUMBERS, W_LAST, W_NEXT, W_THIS, W_DAYPART,
	W_AND, W_YEARCUE, W_PRONOUNS, W_AUX, W_THAT, W_HONOR, W_ORG, W_PREP, W_DEMONYM, W_STYLE,
	W_OBJPREP, W_FUTURE, W_FUTURE_EXC, W_COUNT
};

/* Phrase lists: token sequences, found through their first word. */
enum {
	P_RELATIVE, P_AGO_BEFORE, P_IN_BEFORE, P_AGO_AFTER, P_REPORTING, P_SOURCE, P_PRONOUN_REP,
	P_COUNT
};

typedef struct {
	size_t w[MAX_PHRASE]; /* word offsets in lists.words */
	size_t n;
	int offset;           /* relative dates: amount of unit */
	char unit;
	char elided;          /* "d'après": the first word must follow this elision */
	int next;             /* next phrase with the same first word, or -1 */
} phrase;

typedef struct {
	px_strmap *first; /* first word -> chain head */
	int *head;
	phrase *v;
	size_t n, cap, caphead;
} phrase_list;

/*
 * Every word of every list (and the first words of gazetteer names) in
 * one map, so that each token is looked up once: what the word is in each
 * list becomes an array read.
 */
#define LEX_GAZ (1u << 31) /* first word of a gazetteer name */
#define LEX_PHRASE(p) (1u << (W_COUNT + (p)))

typedef struct {
	uint32_t mask;     /* 1 << W_*, LEX_PHRASE(P_*), LEX_GAZ */
	int val[W_COUNT];  /* the word's value in each set */
	int head[P_COUNT]; /* first phrase of each list starting with the word, or -1 */
} lexent;

typedef struct {
	px_strmap *set[W_COUNT];
	int *val[W_COUNT];
	size_t nval[W_COUNT]; /* capacities of val */
	phrase_list ph[P_COUNT];
	arena words;
	bool lowercase_months; /* the language writes "juin", so "Juin" mid-sentence is a name */
	char future_end[8][8]; /* endings of future-tense verbs ("-ra", "-ront") */
	size_t nfuture_end;
	px_strmap *lex;
	lexent *lexv;
	size_t nlex; /* capacity of lexv */
} lists;

struct tokctx {
	const char *text;
	size_t base; /* offset of the unit being tokenized */
	int unit;
	tok *v;
	size_t *foff; /* fold offsets in fold, until the arena stops growing */
	size_t n, cap, capoff;
	arena fold;
	bool first;
	int err;
};

typedef struct {
	precis_date *v;
	int *unit; /* unit of each date, for the event date */
	size_t n, cap, capunit;
} datevec;

typedef struct {
	char *name;
	char **variants;
	size_t *vcount; /* mentions per variant */
	size_t nvariants;
	size_t mentions, first;
	char *key;      /* folded, hyphens and apostrophes as spaces, single spaces */
	size_t words;   /* words in key */
	int64_t into;   /* merged into this entity of the same vector, or -1 */
	bool opener;    /* every mention starts a sentence ("Puis Poutine") */
	size_t credits; /* mentions in photo credits (agencies) */
} entity;

typedef struct {
	entity *v;
	size_t n, cap;
	px_strmap *index; /* key -> position in v (ids are dense, in insertion order) */
} entvec;

/* Variant key -> canonical name (a line of places.txt). */
typedef struct {
	px_strmap *keys;
	const char **canon;
	size_t *canon_len;
	uint32_t *caps; /* bit i: word i of the name is capitalised ("La Réunion": 0b11) */
	size_t capcanon, capclen, capcaps;
} gazetteer;

/* A capitalised run of tokens [s, e), before deciding what it names. */
typedef struct {
	size_t s, e;
	bool prep;    /* after "à", "in": maybe a place */
	bool first;   /* starts its sentence */
	bool pending; /* a place unless a person's name contains it (merge_people decides) */
} run;

/* One mention of a person-like name, for the speaker of quotes. */
typedef struct {
	size_t start, end;
	int unit;
	bool single;   /* a one-word mention, resolved through singles */
	bool resolved; /* who is known already */
	bool quoted;
	size_t ent;    /* index in persons, or in singles when single */
	int64_t who;   /* final person index after merging, -1 when none */
} pmention;

struct people {
	const precis_doc *d;
	precis_analyzer *a;
	const lists *L;
	const gazetteer *g;
	tok *v;
	size_t n;
	entvec *places, *persons;
	entvec singles;     /* one-word capitalised mentions, merged afterwards */
	const px_strmap *lowers; /* words the text also writes in lowercase */
	run *runs;
	size_t nruns, capruns;
	pmention *pm;
	size_t npm, cappm;
};

typedef struct {
	precis_quote *v;
	int *uopen, *uclose; /* units where each quote opens and closes */
	size_t n, cap, capopen, capclose;
} quotevec;

/* The cue lists and gazetteer of a language, built once and shared. */
typedef struct {
	lists L;
	gazetteer g; /* its first words are in L's lexicon */
} meta_tables;

static inline bool tok_is(const tok *t, const char *w)
{
	return t->flen == strlen(w) && memcmp(t->fold, w, t->flen) == 0;
}

static inline int wordval(const lists *L, int set, const tok *t)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & (1u << set)) ? L->lexv[t->lex].val[set] : 0;
}

static inline bool in_set(const lists *L, int set, const tok *t)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & (1u << set));
}

static inline bool lex_has(const lists *L, const tok *t, uint32_t bit)
{
	return t->lex >= 0 && (L->lexv[t->lex].mask & bit);
}

/* meta.c */
int px_meta_arena_add(size_t *at, arena *a, const char *s, size_t n);

/* meta_words.c */
void px_meta_lists_free(lists *l);
lexent *px_meta_lex_entry(lists *l, const char *w, size_t n);
int px_meta_load_lists(lists *l, const char *lang);
/* The tables for docs in lang (meta-<lang>.txt, else English), built on first use. */
int px_meta_tables(const meta_tables **out, const char *lang);
size_t px_meta_phrase_at(const lists *L, int list, const tok *v, size_t n, size_t i,
			const phrase **which);
size_t px_meta_fold_word(char *buf, size_t cap, const char *s, size_t n);
int px_meta_tokenize_doc(struct tokctx *c, const precis_doc *d);
void px_meta_tokens_rebase(struct tokctx *c, const lists *L);
int px_meta_split_glued(struct tokctx *c, const px_strmap *caps, const px_strmap *lowers);

/* meta_date.c */
int px_meta_find_dates(datevec *dv, const tok *v, size_t n, const lists *L, const char *text,
		      const char *lang);

/* meta_entity.c */
void px_meta_entvec_free(entvec *ev);
int px_meta_gaz_load(gazetteer *g, lists *L);
void px_meta_gaz_free(gazetteer *g);
/* A place the page states outside its body (a dateline's), at byte offset at. */
int px_meta_add_place(entvec *places, const gazetteer *g, const char *name, size_t at);
int px_meta_find_people(struct people *p);
int px_meta_name_entities(entvec *ev);
int px_meta_cmp_entity(const void *a, const void *b);
/* credits: the page's photo-credit lines (px_meta_find_evidence), sorted. */
int px_meta_find_agencies(entvec *ev, const char *text, size_t len, const precis_span *credits,
			  size_t ncredits);

/* meta_evidence.c: the page's datelines, bylines, published/updated lines. */
/* Also *credits: the lines the cleaner drops as photo credits, in page order (caller frees). */
int px_meta_find_evidence(precis_evidence **out, size_t *nout, precis_span **credits,
			  size_t *ncredits, precis_analyzer *a, const precis_doc *d, const lists *L);
void px_meta_evidence_free(precis_evidence *v, size_t n);

/* meta_quote.c */
int px_meta_find_quotes(quotevec *qv, const precis_doc *d);
int px_meta_speakers(quotevec *qv, tok *v, size_t n, const lists *L, pmention *pm, size_t npm,
		     const char *text, const entvec *persons);

#endif
