/*
 * precis: extractive summarization of news articles, ROUGE evaluation,
 * and side-by-side comparison of how outlets covered the same event.
 *
 * Conventions (libgit2 style): every function that can fail returns an int
 * status, 0 on success or a negative PRECIS_E* code, and writes its results
 * through out-parameters placed first. The caller owns what a *_new returns
 * and releases it with the matching *_free; every *_free accepts NULL.
 * Options structs carry a version field; initialise them with the matching
 * *_OPTIONS_INIT macro so new fields never break callers.
 *
 * Thread safety: there is no global mutable state. Objects may be read from
 * several threads at once; a precis_analyzer (it owns Snowball stemmers,
 * which are not re-entrant) must be used by one thread at a time, so create
 * one per thread.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRECIS_VERSION "0.1.0"

/*
 * Every public function is declared PRECIS_EXTERN. The library is built with
 * -fvisibility=hidden, so what is not marked here (the px_* internals) stays
 * out of libprecis.so's dynamic symbol table; tests/check-exports.sh keeps
 * the two lists equal.
 */
#if defined(__GNUC__) || defined(__clang__)
#define PRECIS_EXTERN __attribute__((visibility("default")))
#else
#define PRECIS_EXTERN
#endif

/* ---------------------------------------------------------------- errors */

enum precis_status {
	PRECIS_OK = 0,
	PRECIS_ENOMEM = -1,   /* out of memory */
	PRECIS_EINVAL = -2,   /* invalid argument or option value */
	PRECIS_EUTF8 = -3,    /* input is not valid UTF-8 */
	PRECIS_EIO = -4,      /* read or write failed */
	PRECIS_ELANG = -5,    /* language not supported */
	PRECIS_EEMPTY = -6,   /* input has no text to work on */
	PRECIS_ETOOBIG = -7,  /* input exceeds the configured size limit */
	PRECIS_EJSON = -8,    /* malformed JSON or wrong field types */
	PRECIS_ENUMERIC = -9, /* numerical routine failed (GSL) */
	PRECIS_EBINARY = -10, /* binary data (NUL bytes, UTF-16) where text was expected */
	PRECIS_EFORMAT = -11  /* malformed data file (IDF table, ...) */
};

/* A static, human-readable description of a status code. Never NULL. */
PRECIS_EXTERN const char *precis_strerror(int code);

/*
 * Details of a failure, filled by functions that take a precis_error *
 * (which may be NULL). offset is a byte offset into the input; line and
 * column are 1-based (0 when unknown).
 */
typedef struct precis_error {
	int code;
	size_t offset;
	size_t line;
	size_t column;
	char message[256];
} precis_error;

/* ------------------------------------------------------------- languages */

/*
 * Supported languages, as ISO 639-1 codes: those with both a Snowball
 * stemmer and a stop list. The array is static and NULL-terminated.
 */
PRECIS_EXTERN const char *const *precis_languages(void);

/* 1 when code names a supported language, 0 otherwise. */
PRECIS_EXTERN int precis_language_supported(const char *code);

/* ------------------------------------------------------------- analyzer */

/*
 * Per-thread linguistic state: stop lists and Snowball stemmers, created
 * lazily per language. One analyzer must not be used by two threads at once.
 */
typedef struct precis_analyzer precis_analyzer;

PRECIS_EXTERN int precis_analyzer_new(precis_analyzer **out);
PRECIS_EXTERN void precis_analyzer_free(precis_analyzer *a);

/*
 * Guess the language of a UTF-8 text by stop-word hit rate over the
 * supported languages. *code points to a static string. Falls back to
 * "en" when no list matches anything.
 */
PRECIS_EXTERN int precis_detect_language(const char **code, precis_analyzer *a,
			   const char *text, size_t len);

/* ------------------------------------------------------------- document */

typedef struct precis_doc precis_doc;

typedef struct precis_doc_options {
	unsigned version;
	const char *lang;  /* ISO 639-1 code; NULL or "auto" detects */
	bool lossy;        /* replace invalid UTF-8 by U+FFFD instead of failing */
	bool clean;        /* drop boilerplate (menus, credits, widgets) */
	size_t max_bytes;  /* refuse larger inputs with PRECIS_ETOOBIG; 0: no limit */
	const char *title; /* a known headline (NULL: detect when cleaning) */
} precis_doc_options;

#define PRECIS_DOC_OPTIONS_VERSION 1
#define PRECIS_DEFAULT_MAX_BYTES ((size_t)64 << 20)
#define PRECIS_DOC_OPTIONS_INIT \
	{ PRECIS_DOC_OPTIONS_VERSION, NULL, false, true, PRECIS_DEFAULT_MAX_BYTES, NULL }

/* A byte range [start, end) of the document's text. */
typedef struct precis_span {
	size_t start;
	size_t end;
} precis_span;

/*
 * Read an article: validate UTF-8, find its headline and body (when
 * cleaning), split the body into sentences and analyse their words.
 * On failure err (if not NULL) says what and where.
 */
PRECIS_EXTERN int precis_doc_new(precis_doc **out, precis_analyzer *a, const char *text,
		   size_t len, const precis_doc_options *opts, precis_error *err);
PRECIS_EXTERN void precis_doc_free(precis_doc *doc);

/*
 * The text all offsets refer to: the input itself, or with --lossy the
 * input with invalid sequences replaced by U+FFFD. NUL-terminated.
 */
PRECIS_EXTERN const char *precis_doc_text(const precis_doc *doc, size_t *len);
PRECIS_EXTERN const char *precis_doc_language(const precis_doc *doc);
PRECIS_EXTERN size_t precis_doc_sentence_count(const precis_doc *doc);
PRECIS_EXTERN precis_span precis_doc_sentence(const precis_doc *doc, size_t i);
/* Headline span; start == end when none is known. */
PRECIS_EXTERN precis_span precis_doc_headline(const precis_doc *doc);
/* Words (non-punctuation tokens) of sentence i, stop words included. */
PRECIS_EXTERN size_t precis_doc_sentence_words(const precis_doc *doc, size_t i);
/* The outlet's name when the page shows one ("Atlantico"), else NULL. */
PRECIS_EXTERN const char *precis_doc_outlet(const precis_doc *doc);

/* ------------------------------------------------------------- cleaning */

/*
 * Boilerplate removal alone (what precis_doc_new does when opts->clean):
 * every non-blank line of a scraped page with the reason it was dropped
 * (NULL when kept as body), plus headline and outlet.
 */
typedef struct precis_cleaned precis_cleaned;

PRECIS_EXTERN int precis_clean_new(precis_cleaned **out, precis_analyzer *a, const char *text, size_t len,
		     const precis_doc_options *opts, precis_error *err);
PRECIS_EXTERN void precis_cleaned_free(precis_cleaned *c);
/* The text spans refer to (validated or repaired input). */
PRECIS_EXTERN const char *precis_cleaned_text(const precis_cleaned *c, size_t *len);
PRECIS_EXTERN const char *precis_cleaned_language(const precis_cleaned *c);
PRECIS_EXTERN size_t precis_cleaned_line_count(const precis_cleaned *c);
/* Line i; *reason is NULL for body lines, else a static word ("menu", "credit", ...). */
PRECIS_EXTERN precis_span precis_cleaned_line(const precis_cleaned *c, size_t i, const char **reason);
PRECIS_EXTERN precis_span precis_cleaned_headline(const precis_cleaned *c);
PRECIS_EXTERN const char *precis_cleaned_outlet(const precis_cleaned *c);

/* ------------------------------------------------------------ corpus IDF */

/*
 * Corpus document frequencies of stemmed terms, for --idf. Tables built
 * over shards merge into exactly the table of one run over all shards.
 */
typedef struct precis_idf precis_idf;

PRECIS_EXTERN int precis_idf_new(precis_idf **out);
PRECIS_EXTERN void precis_idf_free(precis_idf *idf);
PRECIS_EXTERN int precis_idf_add(precis_idf *idf, const precis_doc *doc);
PRECIS_EXTERN int precis_idf_merge(precis_idf *into, const precis_idf *from);
PRECIS_EXTERN size_t precis_idf_documents(const precis_idf *idf);
/* Deterministic text format: sorted terms, one per line. */
PRECIS_EXTERN int precis_idf_write(const precis_idf *idf, FILE *fp);
PRECIS_EXTERN int precis_idf_read(precis_idf **out, FILE *fp, precis_error *err);

/* ------------------------------------------------------------- metadata */

typedef enum precis_date_kind {
	PRECIS_DATE_FULL,      /* "13 septembre 2023", "April 25, 2019", "2019-04-25" */
	PRECIS_DATE_DAY_MONTH, /* "mardi 23 avril", "les 18 et 19 juin", "June 18-19" */
	PRECIS_DATE_MONTH,     /* "septembre 2023", "en septembre dernier", "last May" */
	PRECIS_DATE_YEAR,      /* "en 2019", "since 2000" */
	PRECIS_DATE_WEEKDAY,   /* "jeudi", "ce lundi", "mercredi matin", "last Monday" */
	PRECIS_DATE_RELATIVE   /* "hier", "la semaine dernière", "il y a huit ans", "last year" */
} precis_date_kind;

/*
 * A date as written. Unknown fields are 0; day_end > day for ranges ("les
 * 18 et 19 juin"). last and next qualify weekdays and months ("lundi
 * dernier", "next September"); relative dates count offset units from the
 * reference day ("il y a huit ans": -8 'y').
 */
typedef struct precis_date {
	precis_span span;
	precis_date_kind kind;
	int year, month, day, day_end;
	int weekday;      /* 1 = Monday .. 7 = Sunday, 0 unknown */
	bool last;        /* the latest such day or month strictly before the reference */
	int offset;       /* relative: amount of offset_unit */
	char offset_unit; /* 'd', 'w', 'm' or 'y' */
	bool next;        /* the earliest such day or month strictly after the reference */
	bool future;      /* a future verb just before it: a missing year leans forward */
} precis_date;

/* A calendar day; 0 fields mean unknown. */
typedef struct precis_ymd {
	int year, month, day;
} precis_ymd;

/*
 * Resolve a date against a reference (the article's publication date):
 * weekdays to the nearest such day (within three days either way; with
 * last/next strictly before/after); a day and month, or a month alone, to
 * the year that puts it closest to the reference, a day ahead counting as
 * four behind since news reports what happened ("28 décembre" read on 3
 * January is last year's, "en septembre" read in June last September,
 * "le 3 janvier" read on 30 December the coming one), the other way round
 * when a future verb governs the date (d->future); relative dates by
 * their offset ('w': the Monday-to-Sunday week). first and last bound the
 * result (equal for a single day). PRECIS_EINVAL when ref is incomplete
 * and the date needs it, or when the fields make no calendar day.
 */
PRECIS_EXTERN int precis_date_resolve(precis_ymd *first, precis_ymd *last, const precis_date *d,
			precis_ymd ref);

/* Parse "YYYY-MM-DD" (also the first 10 bytes of an ISO timestamp). */
PRECIS_EXTERN int precis_ymd_parse(precis_ymd *out, const char *s);

/* Persons and places are sorted by mentions (most first), then first offset. */
typedef struct precis_entity {
	const char *name;     /* canonical: the most frequent full form */
	size_t mentions;
	size_t first;         /* byte offset of the first mention */
	const char *const *variants; /* every spelling seen (up to 16), NULL-terminated */
	/*
	 * name folded, hyphens, apostrophes and dots as single spaces: the
	 * same entity in two articles has the same key even when they spell
	 * it differently ("Kim Jong-un", "Kim Jong Un" -> "kim jong un").
	 */
	const char *key;
	/*
	 * Mentions inside a photo credit ("© Sam Yeh / AFP", "Photo: Reuters"):
	 * an agency named only there supplied a picture, not the text.
	 */
	size_t credits;
} precis_entity;

typedef struct precis_quote {
	precis_span span;     /* the quoted words, without the quote marks */
	const char *speaker;  /* canonical person name, or NULL */
} precis_quote;

typedef struct precis_meta precis_meta;

/*
 * Lines where the page states its own date, outlet and place. They are
 * not body (never summarized, never the headline) but evidence:
 *   DATELINE  "BRUSSELS, March 4 (Reuters) -", "HUALIEN, Taiwan (AP) — April 3, 2024"
 *   BYLINE    "Par Le Figaro avec AFP", "By Jane Doe, Reuters"
 *   PUBLISHED "Publié le 04/03/2024 à 12:15", "Published 4 March 2024",
 *             "Libération, 3 avril 2024"
 *   UPDATED   "Mis à jour le 04/03/2024", "Updated 5 March 2024"
 */
typedef enum precis_evidence_kind {
	PRECIS_EVIDENCE_DATELINE,
	PRECIS_EVIDENCE_BYLINE,
	PRECIS_EVIDENCE_PUBLISHED,
	PRECIS_EVIDENCE_UPDATED
} precis_evidence_kind;

typedef struct precis_evidence {
	precis_evidence_kind kind;
	size_t line;         /* 1-based line number in the document's text */
	precis_span span;    /* the evidence's bytes in the document's text */
	const char *outlet;  /* display name ("Le Figaro", "Reuters", "AP"), or NULL */
	const char *place;   /* a dateline's place as a name ("Brussels"), or NULL */
	precis_ymd date;     /* the date the line gives; year 0 when not given, all 0 when none */
} precis_evidence;

/*
 * Dates, places, persons, agencies and quotes of an article. Works on the
 * document's headline and body sentences (and, for agencies, on the whole
 * page: credits and signatures name them too). pubdate (YYYY-MM-DD, or an
 * ISO timestamp) or NULL; an unparsable pubdate counts as NULL. Spans are
 * byte ranges of precis_doc_text(doc); meta keeps no pointer into doc.
 * Work is linear in the size of the document.
 */
PRECIS_EXTERN int precis_meta_new(precis_meta **out, precis_analyzer *a, const precis_doc *doc,
		    const char *pubdate);
PRECIS_EXTERN void precis_meta_free(precis_meta *m);
PRECIS_EXTERN const precis_date *precis_meta_dates(const precis_meta *m, size_t *n);
PRECIS_EXTERN const precis_entity *precis_meta_places(const precis_meta *m, size_t *n);
PRECIS_EXTERN const precis_entity *precis_meta_persons(const precis_meta *m, size_t *n);
PRECIS_EXTERN const precis_entity *precis_meta_agencies(const precis_meta *m, size_t *n);
PRECIS_EXTERN const precis_quote *precis_meta_quotes(const precis_meta *m, size_t *n);
/*
 * The event date the article most likely reports: every date that
 * resolves against pubdate votes for its day or range, weighted by how
 * specific it is (a day beats a month; background such as "l'an dernier"
 * or "en 2000" does not vote) and where it stands (headline, then lead).
 * Returns 0 and fills first and last, or PRECIS_EEMPTY when there is none.
 */
PRECIS_EXTERN int precis_meta_event_date(const precis_meta *m, precis_ymd *first, precis_ymd *last);
/* The evidence lines of the page, in text order (see precis_evidence). */
PRECIS_EXTERN const precis_evidence *precis_meta_evidence(const precis_meta *m, size_t *n);
/* "dateline", "byline", "published", "updated". */
PRECIS_EXTERN const char *precis_evidence_kind_name(precis_evidence_kind kind);
/*
 * The publication date the page states: a published line, else a
 * dateline, else an updated line (with a year). Returns 0 and fills out,
 * PRECIS_EEMPTY when the page states none; *which (may be NULL) gets the
 * index of the evidence it came from.
 */
PRECIS_EXTERN int precis_meta_published(const precis_meta *m, precis_ymd *out, size_t *which);
/* The outlet the page's evidence names (display name), or NULL; *which as above. */
PRECIS_EXTERN const char *precis_meta_outlet(const precis_meta *m, size_t *which);
/* The dateline's place ("Brussels"), or NULL. */
PRECIS_EXTERN const char *precis_meta_dateline_place(const precis_meta *m);
/*
 * Non-zero when the pubdate given to precis_meta_new was not ISO 8601
 * (YYYY-MM-DD): it was then ignored, and the page's own date used.
 */
PRECIS_EXTERN int precis_meta_pubdate_invalid(const precis_meta *m);

/* ---------------------------------------------------------- summarizing */

typedef enum precis_algorithm {
	PRECIS_ALG_DEFAULT = 0, /* position- and headline-aware TextRank */
	PRECIS_ALG_TEXTRANK,    /* plain TextRank: PageRank on cosine graph */
	PRECIS_ALG_LEXRANK,     /* thresholded (or continuous) cosine graph */
	PRECIS_ALG_LEAD,        /* document order */
	PRECIS_ALG_CENTROID,    /* similarity to the document's TF-IDF centroid */
	PRECIS_ALG_RANDOM       /* seeded random order, a baseline */
} precis_algorithm;

typedef enum precis_order {
	PRECIS_ORDER_DOC = 0, /* picked sentences in document order */
	PRECIS_ORDER_RANK     /* best first */
} precis_order;

typedef struct precis_summary_options {
	unsigned version;
	precis_algorithm algorithm;
	double damping;           /* PageRank damping (0.85) */
	double tolerance;         /* power iteration stops below this L1 change */
	int max_iterations;
	/*
	 * 0..1, < 0 for the default. The default system (PRECIS_ALG_DEFAULT):
	 * scale the learned model's position and headline weights, in units of
	 * their defaults (the default leaves them as fitted). textrank and
	 * lexrank: weight of the early-sentence and headline-similarity priors
	 * of their personalised PageRank.
	 */
	double position_bias;
	double title_bias;
	double lexrank_threshold; /* LexRank edge threshold (cosine) */
	bool lexrank_continuous;  /* LexRank with weighted edges, no threshold */
	size_t sentences;         /* budget: at most this many sentences (0: off) */
	double ratio;             /* budget: this percent of the sentences (0: off) */
	size_t words;             /* budget: at most this many words (0: off) */
	size_t chars;             /* budget: at most this many characters (0: off) */
	bool truncate;            /* cut the last sentence exactly at the budget */
	double redundancy;        /* MMR lambda: 1 = relevance only, lower = more diverse */
	precis_order order;
	const precis_idf *idf;    /* corpus IDF, or NULL for the document's own */
	unsigned long seed;       /* for PRECIS_ALG_RANDOM */
} precis_summary_options;

#define PRECIS_SUMMARY_OPTIONS_VERSION 1
#define PRECIS_SUMMARY_OPTIONS_INIT                                         \
	{ PRECIS_SUMMARY_OPTIONS_VERSION, PRECIS_ALG_DEFAULT, 0.85, 1e-6, 100, \
	  -1.0, -1.0, 0.1, false, 3, 0.0, 0, 0, false, 0.7, PRECIS_ORDER_DOC, \
	  NULL, 0 }

/* One picked sentence. */
typedef struct precis_pick {
	size_t index;      /* sentence number in the document */
	double score;      /* ranking score */
	precis_span span;  /* bytes in precis_doc_text(); shortened when truncated */
} precis_pick;

typedef struct precis_summary precis_summary;

/*
 * Rank the sentences of doc and pick the best under the budgets (the
 * tightest one wins). position_bias/title_bias < 0 mean "the algorithm's
 * default". The summary keeps no pointer into doc; free it with
 * precis_summary_free. precis_summary_new is the name that follows the
 * *_new and *_free convention; precis_summarize is the same function, kept while
 * the version is 0.x.
 */
PRECIS_EXTERN int precis_summary_new(precis_summary **out, const precis_doc *doc,
				     const precis_summary_options *opts);
PRECIS_EXTERN int precis_summarize(precis_summary **out, const precis_doc *doc,
		     const precis_summary_options *opts);
PRECIS_EXTERN void precis_summary_free(precis_summary *s);
PRECIS_EXTERN size_t precis_summary_count(const precis_summary *s);
PRECIS_EXTERN const precis_pick *precis_summary_picks(const precis_summary *s);
/* Ranking score of every sentence of the document. */
PRECIS_EXTERN const double *precis_summary_scores(const precis_summary *s, size_t *n);

/* ---------------------------------------------------------------- ROUGE */

typedef enum precis_rouge_compat {
	PRECIS_ROUGE_UNICODE = 0, /* accents kept, NFC, case folding, Snowball stems */
	PRECIS_ROUGE_SCORE,       /* Google's rouge-score 0.1.2, exactly */
	PRECIS_ROUGE_155          /* ROUGE-1.5.5.pl -c 95 -r 1000 -n 2 -a [-m], exactly */
} precis_rouge_compat;

typedef struct precis_rouge_options {
	unsigned version;
	precis_rouge_compat compat;
	bool stem;               /* rouge-score use_stemmer / 1.5.5 -m / Snowball */
	double alpha;            /* F = PR / ((1 - alpha) P + alpha R); 0.5 is F1 */
	size_t limit_words;      /* 1.5.5 -l: first N words of each text (0: off) */
	size_t limit_bytes;      /* 1.5.5 -b: first N bytes (0: off) */
	const char *lang;        /* unicode mode: ISO code, NULL or "auto" detects */
	const char *const *stopwords; /* 1.5.5 -s: words to drop (NULL-terminated), or NULL */
	unsigned measures;       /* PRECIS_ROUGE_M_* to compute; 0 = all */
	/*
	 * 1.5.5 -m: where the WordNet exception lists (adj.exc, adv.exc,
	 * noun.exc, verb.exc) are: a ROUGE-1.5.5 data directory (its
	 * WordNet-2.0-Exceptions/ is used) or a directory holding the four
	 * files. NULL: the WordNet 3.0 lists built in, which differ from 2.0 in
	 * 14 lines (README: "ROUGE-1.5.5 stemming").
	 */
	const char *wordnet_dir;
} precis_rouge_options;

enum {
	PRECIS_ROUGE_M_N = 1,      /* rouge1 .. rouge4 */
	PRECIS_ROUGE_M_L = 2,      /* rougeL */
	PRECIS_ROUGE_M_LSUM = 4,   /* rougeLsum */
	PRECIS_ROUGE_M_W = 8,      /* rougeW */
	PRECIS_ROUGE_M_SU4 = 16    /* rougeSU4 */
};

#define PRECIS_ROUGE_OPTIONS_VERSION 1
#define PRECIS_ROUGE_OPTIONS_INIT \
	{ PRECIS_ROUGE_OPTIONS_VERSION, PRECIS_ROUGE_UNICODE, false, 0.5, 0, 0, NULL, NULL, 0, NULL }

typedef struct precis_prf {
	double p, r, f;
} precis_prf;

/*
 * Every measure for one candidate. rougeL is sentence-level LCS over the
 * whole texts; rougeLsum the summary-level union LCS over lines (what
 * ROUGE-1.5.5 calls ROUGE-L); rougeW is 1.5.5's weighted LCS (w = 1.2);
 * rougeSU4 its skip-bigrams with gaps up to 4 plus unigrams. In
 * PRECIS_ROUGE_155 mode every number is already rounded as 1.5.5 prints
 * it (5 decimals, F from the rounded P and R).
 */
typedef struct precis_rouge_scores {
	precis_prf rouge1, rouge2, rouge3, rouge4;
	precis_prf rougeL, rougeLsum, rougeW, rougeSU4;
} precis_rouge_scores;

typedef struct precis_rouge precis_rouge;

/* A scorer (owns stemmer caches and exception tables): one per thread. */
PRECIS_EXTERN int precis_rouge_new(precis_rouge **out, const precis_rouge_options *opts);
PRECIS_EXTERN void precis_rouge_free(precis_rouge *r);

/*
 * Score cand against refs[0..nrefs) (UTF-8; newlines separate sentences).
 * Several references: rouge-score and unicode modes keep, per measure, the
 * reference with the best F (rouge-score's score_multi); 1.5.5 sums counts
 * over references (its -f A). PRECIS_EUTF8 for invalid text;
 * PRECIS_ETOOBIG when an LCS measure is asked of texts so long that its
 * table would exceed 2^32 cells (65,536 tokens on each side).
 */
PRECIS_EXTERN int precis_rouge_score(precis_rouge_scores *out, precis_rouge *r, const char *cand,
		       const char *const *refs, size_t nrefs);

/*
 * Check that text (len bytes) is what precis_rouge_score accepts: UTF-8
 * without NUL bytes (which would end its C string early). On failure
 * (PRECIS_EUTF8, PRECIS_EBINARY) err, when not NULL, says what and where:
 * byte offset, line and column (1-based, in characters).
 */
PRECIS_EXTERN int precis_rouge_check(const char *text, size_t len, precis_error *err);

/*
 * ROUGE-1.5.5's rounding, for numbers computed elsewhere: P and R as it
 * prints them (5 decimals) and F from those printed values, rounded in
 * turn: F = P5 R5 / ((1 - alpha) P5 + alpha R5), 0 when the denominator
 * is 0. So F may differ by 1e-5 from the rounded exact F, as in 1.5.5.
 * p, r and alpha in [0, 1]; print the results with "%.5f".
 */
PRECIS_EXTERN int precis_rouge155_prf(precis_prf *out, double p, double r, double alpha);

/* ------------------------------------------------------ names of enums */

/*
 * The library names its own enums, so every program (the CLI, JSON output,
 * bindings) spells them alike. _name returns NULL for a value out of range;
 * _from_name returns 0 and sets *out, or PRECIS_EINVAL for an unknown name.
 * Algorithms: precis (also accepted: default), textrank, lexrank, lead,
 * centroid, random. Compat modes: unicode, rouge-score, rouge155.
 */
PRECIS_EXTERN const char *precis_algorithm_name(precis_algorithm alg);
PRECIS_EXTERN int precis_algorithm_from_name(precis_algorithm *out, const char *name);
PRECIS_EXTERN const char *precis_rouge_compat_name(precis_rouge_compat compat);
PRECIS_EXTERN int precis_rouge_compat_from_name(precis_rouge_compat *out, const char *name);
/* "full", "day-month", "month", "year", "weekday", "relative" (docs/meta-schema.md). */
PRECIS_EXTERN const char *precis_date_kind_name(precis_date_kind kind);

/*
 * ROUGE measures in the order of precis_rouge_scores' fields: index 0..7 is
 * rouge1, rouge2, rouge3, rouge4, rougeL, rougeLsum, rougeW, rougeSU4.
 */
#define PRECIS_ROUGE_MEASURES 8
PRECIS_EXTERN const char *precis_rouge_measure_name(size_t index);
PRECIS_EXTERN int precis_rouge_measure_from_name(size_t *out, const char *name);
/* The PRECIS_ROUGE_M_* flag that computes measure index (0 when out of range). */
PRECIS_EXTERN unsigned precis_rouge_measure_flag(size_t index);
/* The scores of measure index in s, or NULL when out of range. */
PRECIS_EXTERN const precis_prf *precis_rouge_measure(const precis_rouge_scores *s, size_t index);

/* ---------------------------------------------------------- comparison */

/* One article to compare; only text is required, given fields win over detection. */
typedef struct precis_article_input {
	const char *id;     /* shown in reports (file base name, JSONL id) */
	const char *text;
	size_t len;
	const char *title;
	const char *outlet;
	const char *date;   /* publication date YYYY-MM-DD, resolves "jeudi", "hier" */
	const char *url;
} precis_article_input;

/* A record the caller could not read (invalid JSON, no text): listed in the report's errors. */
typedef struct precis_record_error {
	const char *id;     /* the record's id, or "line-N" */
	const char *reason;
} precis_record_error;

typedef struct precis_compare_options {
	unsigned version;
	double threshold;          /* link two articles at this probability of one story (0.5) */
	size_t stories;            /* force this many stories (0: by threshold) */
	size_t summary_sentences;  /* per-outlet and consensus summaries (3) */
	bool explain;              /* keep the evidence of every grouping decision */
	const char *lang;          /* NULL or "auto": per article */
	unsigned threads;          /* threads reading the articles (0: one per core, at most 8) */
	/*
	 * Grouping's pair model: bias then PRECIS_COMPARE_MODEL_SIZE - 1
	 * feature weights (docs/compare-schema.md), or NULL for the built-in
	 * one fitted on the development sets. For refitting, not for tuning
	 * per collection.
	 */
	const double *model;
	/* Records the caller could not read, for the report's errors (version 2). */
	const precis_record_error *unread;
	size_t nunread;
} precis_compare_options;

#define PRECIS_COMPARE_MODEL_SIZE 9

/* Version 2 added model, unread and nunread; version 1 structs are still accepted. */
#define PRECIS_COMPARE_OPTIONS_VERSION 2
#define PRECIS_COMPARE_OPTIONS_INIT { PRECIS_COMPARE_OPTIONS_VERSION, 0.5, 0, 3, false, NULL, 0, NULL, NULL, 0 }

typedef struct precis_comparison precis_comparison;

/*
 * Group articles into stories and analyse how each outlet framed each
 * story (cards, headlines, shared and unique facts, distinctive words,
 * reused agency copy, consensus summary, similarity matrix). No record is
 * lost: one without a full sentence is grouped by its title or its one
 * line, one without usable text is a story of its own, each with a
 * problem (precis_comparison_problem); the records in opts->unread are
 * listed in the report's errors. Fails only on invalid arguments or when
 * out of memory.
 */
PRECIS_EXTERN int precis_compare_new(precis_comparison **out, precis_analyzer *a,
		       const precis_article_input *articles, size_t n,
		       const precis_compare_options *opts, precis_error *err);
PRECIS_EXTERN void precis_comparison_free(precis_comparison *c);
PRECIS_EXTERN size_t precis_comparison_story_count(const precis_comparison *c);
PRECIS_EXTERN size_t precis_comparison_article_count(const precis_comparison *c);
/*
 * What was wrong with article i (NULL: nothing), its id in *id, and in
 * *unusable whether it had no usable text at all (bad input, rather than
 * a one-line or headline-only record grouped by what it has). For messages
 * and exit statuses; id and unusable may be NULL.
 */
PRECIS_EXTERN const char *precis_comparison_problem(const precis_comparison *c, size_t i,
						    const char **id, bool *unusable);
/*
 * Story membership and cards, without rendering JSON. Articles are
 * indexed as by precis_comparison_article_count (input order); stories
 * in report order. Out-of-range indices give NULL (and *n = 0), or -1
 * for article_story.
 */
/* Article indices of story i; *n gets their count. */
PRECIS_EXTERN const size_t *precis_comparison_story_articles(const precis_comparison *c, size_t i,
							     size_t *n);
/* The story's label: the headline of its most central article (or its lead). */
PRECIS_EXTERN const char *precis_comparison_story_headline(const precis_comparison *c, size_t i);
/* The story's event date ("YYYY-MM-DD", a "from/to" range, "--MM-DD" without a year), or NULL. */
PRECIS_EXTERN const char *precis_comparison_story_date(const precis_comparison *c, size_t i);
/* The article's id (precis_article_input.id, "article" when none was given). */
PRECIS_EXTERN const char *precis_comparison_article_id(const precis_comparison *c, size_t j);
/* The outlet given, else the one the page names (byline, dateline, masthead), or NULL. */
PRECIS_EXTERN const char *precis_comparison_article_outlet(const precis_comparison *c, size_t j);
/* The title given, else the headline found on the page, or NULL. */
PRECIS_EXTERN const char *precis_comparison_article_headline(const precis_comparison *c, size_t j);
/* The publication date given (precis_article_input.date), or NULL. */
PRECIS_EXTERN const char *precis_comparison_article_date(const precis_comparison *c, size_t j);
/* The event date the article reports, in the forms of story_date, or NULL. */
PRECIS_EXTERN const char *precis_comparison_article_event_date(const precis_comparison *c,
							       size_t j);
/*
 * A warning about the article's record, or NULL: a date that is not ISO
 * 8601, and whether it was read ("04/03/2024" in a French article: 4 March,
 * day first) or ignored (the page's own date used instead). For stderr.
 */
PRECIS_EXTERN const char *precis_comparison_article_warning(const precis_comparison *c, size_t j);
/* The story the article belongs to, or -1. */
PRECIS_EXTERN int precis_comparison_article_story(const precis_comparison *c, size_t j);

/* Renderers: Markdown, self-contained HTML (inline CSS and SVG), JSON. */
PRECIS_EXTERN int precis_report_md(const precis_comparison *c, FILE *fp);
PRECIS_EXTERN int precis_report_html(const precis_comparison *c, FILE *fp);
PRECIS_EXTERN int precis_report_json(const precis_comparison *c, FILE *fp);

/*
 * JSON of one article's metadata (docs/meta-schema.md), indented, with a
 * final newline. name goes in "file"; pubdate (YYYY-MM-DD or NULL) is the
 * reference the dates were resolved against, as given to precis_meta_new.
 */
PRECIS_EXTERN int precis_report_meta_json(const precis_doc *doc, const precis_meta *m,
					  const char *name, const char *pubdate, FILE *fp);

/*
 * Summaries as JSON (precis(1), --format json): {"summaries": [ENTRY, ...]},
 * written one entry at a time so memory stays flat over many files. Call
 * precis_report_summary_json with index 0, 1, ... for each document (ENTRY:
 * file, language, headline, sentences, summary [{index, score, start, end,
 * text}]), then precis_report_summary_json_end with the number written.
 */
PRECIS_EXTERN int precis_report_summary_json(const precis_doc *doc, const precis_summary *s,
					     const char *name, size_t index, FILE *fp);
PRECIS_EXTERN int precis_report_summary_json_end(size_t count, FILE *fp);

/*
 * One JSONL output record of a summary, without the newline:
 * {"id" or "line", "language", "summary": [texts], "indices": [sentence numbers]}.
 * id_json is the input record's id as JSON text (a string or an integer, as
 * read), or NULL to name the record by its 1-based line.
 */
PRECIS_EXTERN int precis_report_summary_jsonl(const precis_doc *doc, const precis_summary *s,
					      const char *id_json, size_t line, FILE *fp);

/* ----------------------------------------------------------- evaluation */

/*
 * Percentile bootstrap confidence interval of the mean of x[0..n): samples
 * resamples drawn with a seeded generator (identical results for a seed),
 * level e.g. 0.95.
 */
PRECIS_EXTERN int precis_bootstrap_ci(double *lo, double *hi, const double *x, size_t n, size_t samples,
			unsigned long seed, double level);

/*
 * Paired bootstrap test (Koehn 2004; Berg-Kirkpatrick et al. 2012): the
 * one-sided p-value that system A's mean beats B's, i.e. the share of
 * resamples where mean(a - b) <= 0.
 */
PRECIS_EXTERN int precis_paired_bootstrap(double *p, const double *a, const double *b, size_t n,
			    size_t samples, unsigned long seed);

/*
 * Greedy extractive oracle (Nallapati et al. 2017): add the sentence that
 * most raises ROUGE-1 F + ROUGE-2 F of the selection against ref, until no
 * sentence raises it (or max sentences, 0 = no limit). picked holds the
 * indices in document order; capacity precis_doc_sentence_count(doc).
 */
PRECIS_EXTERN int precis_oracle(size_t *picked, size_t *npicked, const precis_doc *doc, const char *ref,
		  precis_rouge *scorer, size_t max);

/* ------------------------------------------------------ evaluation runs */

/*
 * An evaluation: every record summarized by every system and scored with
 * ROUGE-1, ROUGE-2 and ROUGE-L against its references, then per system the
 * mean scores with bootstrap confidence intervals, and paired tests
 * between systems. Results are identical for any number of threads.
 */

/* One labelled record: an article and its reference summaries. */
typedef struct precis_eval_record {
	const char *id;          /* the caller's name for it; not used by the run */
	const char *text;        /* the article (invalid UTF-8 is replaced, as with lossy) */
	const char *title;       /* a known headline, or NULL */
	const char *const *refs; /* refs[0..nrefs), nrefs >= 1; newlines separate sentences */
	size_t nrefs;
} precis_eval_record;

/*
 * A system. The first of these that is set decides what it does:
 * outputs: another system's summaries, one per record (NULL: missing,
 * scored as an empty summary); oracle: the greedy extractive oracle
 * (precis_oracle) against refs[0], at most options.sentences sentences;
 * lead_n > 0: the first lead_n sentences whatever the budgets; else the
 * algorithm under the run's budgets.
 */
typedef struct precis_eval_system {
	const char *name;        /* for the caller's reports; not used by the run */
	precis_algorithm algorithm;
	size_t lead_n;
	bool oracle;
	const char *const *outputs;
} precis_eval_system;

/*
 * The system that `precis eval --system NAME` means: an algorithm's name
 * (precis_algorithm_from_name: precis, textrank, lexrank, centroid, lead
 * under the run's budgets, random), oracle, or lead-N (the first N >= 1
 * sentences). out->name is name. PRECIS_EINVAL for any other name.
 */
PRECIS_EXTERN int precis_eval_system_from_name(precis_eval_system *out, const char *name);

typedef struct precis_eval_options {
	unsigned version;
	precis_rouge_compat compat;
	bool stem;               /* ROUGE with stemming */
	const char *lang;        /* of the corpus; NULL or "auto" detects per record */
	size_t sentences;        /* budget: at most this many sentences (1) */
	size_t words;            /* budget: at most this many words, instead of sentences */
	/*
	 * Each summary gets as many words as the record's first reference
	 * has, counted by the tokenizer that counts the words budget.
	 */
	bool ref_length;
	bool truncate;           /* cut the last sentence exactly at the words budget */
	const precis_idf *idf;   /* corpus IDF for the ranking systems, or NULL */
	size_t samples;          /* bootstrap resamples (1000) */
	unsigned long seed;      /* bootstrap and the random system (1) */
	unsigned threads;        /* 0: one per core, at most 8 */
	/*
	 * Called after each record, never by two threads at once, done from 1
	 * to the record count (for progress reports); may be NULL.
	 */
	void (*progress)(size_t done, size_t total, void *ctx);
	void *progress_ctx;
	const char *wordnet_dir; /* precis_rouge_options.wordnet_dir (NULL: built in) */
} precis_eval_options;

#define PRECIS_EVAL_OPTIONS_VERSION 1
#define PRECIS_EVAL_OPTIONS_INIT                                                   \
	{ PRECIS_EVAL_OPTIONS_VERSION, PRECIS_ROUGE_UNICODE, false, NULL, 1, 0, false, \
	  false, NULL, 1000, 1, 0, NULL, NULL, NULL }

/* The measures of an evaluation. */
typedef enum precis_eval_measure {
	PRECIS_EVAL_ROUGE1 = 0,
	PRECIS_EVAL_ROUGE2,
	PRECIS_EVAL_ROUGEL,      /* summary-level LCS: rougeLsum, 1.5.5's ROUGE-L */
	PRECIS_EVAL_MEASURES     /* how many there are */
} precis_eval_measure;

/* "rouge1", "rouge2", "rougeLsum" (summary-level LCS); NULL out of range. */
PRECIS_EXTERN const char *precis_eval_measure_name(precis_eval_measure m);

typedef struct precis_eval_result precis_eval_result;

/*
 * Run the evaluation of nsys >= 1 systems on n records. The result keeps
 * no pointer into recs, sys or opts. PRECIS_EINVAL for a record without
 * text or references, or invalid options. A summary that cannot be made
 * (an empty article, say) or scored (invalid UTF-8 in a reference) counts
 * as all zeros, like an empty one: one bad record does not stop a run.
 */
PRECIS_EXTERN int precis_eval_run(precis_eval_result **out, const precis_eval_record *recs,
				  size_t n, const precis_eval_system *sys, size_t nsys,
				  const precis_eval_options *opts);
PRECIS_EXTERN void precis_eval_result_free(precis_eval_result *r);
PRECIS_EXTERN size_t precis_eval_result_records(const precis_eval_result *r);
PRECIS_EXTERN size_t precis_eval_result_systems(const precis_eval_result *r);

/* Mean P, R and F of system sys over the records (0 for no record). */
PRECIS_EXTERN int precis_eval_mean(precis_prf *out, const precis_eval_result *r, size_t sys,
				   precis_eval_measure m);

/* 95% percentile bootstrap confidence interval of the mean F (precis_bootstrap_ci). */
PRECIS_EXTERN int precis_eval_ci(double *lo, double *hi, const precis_eval_result *r,
				 size_t sys, precis_eval_measure m);

/* Scores of record rec by system sys. */
PRECIS_EXTERN int precis_eval_score(precis_prf *out, const precis_eval_result *r, size_t sys,
				    size_t rec, precis_eval_measure m);

/* 1 when system sys had no output for record rec (scored as empty), else 0. */
PRECIS_EXTERN int precis_eval_missing(const precis_eval_result *r, size_t sys, size_t rec);

/*
 * Paired bootstrap test per measure (precis_paired_bootstrap on F, the
 * run's samples and seed): p[m] is the one-sided p-value that system a
 * beats system b.
 */
PRECIS_EXTERN int precis_eval_paired(double p[PRECIS_EVAL_MEASURES], const precis_eval_result *r,
				     size_t a, size_t b);

/*
 * Renderers of an evaluation's tables (precis eval --format md, csv, json):
 * per system (names[s], one per system of r) the mean P, R, F of each
 * measure with the F's 95% CI, then per pair (pairs[2c] against
 * pairs[2c + 1], system indices) the paired p-values. Nothing is written
 * when a number cannot be computed. PRECIS_EIO when fp fails.
 */
PRECIS_EXTERN int precis_report_eval_md(const precis_eval_result *r, const char *const *names,
					const size_t *pairs, size_t npairs,
					const precis_eval_options *o, FILE *fp);
PRECIS_EXTERN int precis_report_eval_csv(const precis_eval_result *r, const char *const *names,
					 const size_t *pairs, size_t npairs,
					 const precis_eval_options *o, FILE *fp);
PRECIS_EXTERN int precis_report_eval_json(const precis_eval_result *r, const char *const *names,
					  const size_t *pairs, size_t npairs,
					  const precis_eval_options *o, FILE *fp);
/*
 * Record rec's scores by every system, one JSON line each (--per-doc):
 * {"id", "system", "rouge1": {p, r, f}, ..., "missing": true when it had no output}.
 */
PRECIS_EXTERN int precis_report_eval_doc_jsonl(const precis_eval_result *r,
					       const char *const *names, size_t rec,
					       const char *id, FILE *fp);
/* ------------------------------------------------------------ web pages */

/*
 * HTML in: the page's main content as plain text (paragraphs, subheads and
 * list items one per line, in reading order) and its metadata, each field
 * with where it came from. Only src/html*.c talks to the HTML parser.
 */
typedef struct precis_page precis_page;

typedef struct precis_html_options {
	unsigned version;
	bool unicode;        /* input came as a Unicode string (JSON): ignore declared charsets */
	const char *charset; /* transport charset (HTTP Content-Type), or NULL */
	const char *url;     /* the page's address when known (WARC-Target-URI), or NULL */
	size_t max_bytes;    /* refuse larger pages with PRECIS_ETOOBIG; 0: no limit */
} precis_html_options;

#define PRECIS_HTML_OPTIONS_VERSION 1
#define PRECIS_HTML_OPTIONS_INIT \
	{ PRECIS_HTML_OPTIONS_VERSION, false, NULL, NULL, PRECIS_DEFAULT_MAX_BYTES }

typedef enum precis_page_field {
	PRECIS_PAGE_TITLE,       /* headline */
	PRECIS_PAGE_OUTLET,      /* site or publisher name */
	PRECIS_PAGE_DATE,        /* publication date, YYYY-MM-DD */
	PRECIS_PAGE_LANG,        /* ISO 639-1 code, lower case */
	PRECIS_PAGE_URL,         /* canonical address */
	PRECIS_PAGE_AUTHOR,
	PRECIS_PAGE_DESCRIPTION,
	PRECIS_PAGE_FIELD_COUNT
} precis_page_field;

/*
 * 1 when the bytes look like an HTML page (a doctype, <html>, <head> or
 * <body> among the first non-blank bytes, or a run of block tags), else 0.
 */
PRECIS_EXTERN int precis_html_detect(const char *buf, size_t len);

/*
 * Parse a page and extract its main content and metadata. A page with no
 * readable content (a frameset, a redirect, an empty body) still succeeds
 * with empty text; the text is always valid UTF-8 without NUL bytes.
 */
PRECIS_EXTERN int precis_html_extract(precis_page **out, const char *html, size_t len,
				      const precis_html_options *opts, precis_error *err);
PRECIS_EXTERN void precis_page_free(precis_page *p);
/* Main content, NUL-terminated; lines separated by '\n'. */
PRECIS_EXTERN const char *precis_page_text(const precis_page *p, size_t *len);
/*
 * A metadata field, or NULL when the page does not give it; *source (may be
 * NULL) is a static word: "json-ld", "meta", "time", "html" or "url".
 */
PRECIS_EXTERN const char *precis_page_field_get(const precis_page *p, precis_page_field f,
						const char **source);
/* Static name of a field ("title", "outlet", "date", ...). */
PRECIS_EXTERN const char *precis_page_field_name(precis_page_field f);
/* The encoding the bytes were read with ("UTF-8", "windows-1252", ...). */
PRECIS_EXTERN const char *precis_page_charset(const precis_page *p);

/* ---------------------------------------------------------------- WARC */

/*
 * A reader of WARC 1.0/1.1 files, plain or with one gzip member per record
 * (as Common Crawl publishes them), in constant memory whatever the file's
 * size. Fields and body are valid until the next call.
 */
typedef struct precis_warc_reader precis_warc_reader;

typedef struct precis_warc_record {
	size_t offset;           /* byte offset of the record (of its gzip member) in the file */
	const char *type;        /* WARC-Type: "response", "request", "warcinfo", ... */
	const char *target_uri;  /* WARC-Target-URI, or NULL */
	const char *date;        /* WARC-Date, or NULL */
	const char *record_id;   /* WARC-Record-ID, or NULL */
	int http_status;         /* response records: the HTTP status, else 0 */
	const char *content_type; /* response records: the HTTP Content-Type, or NULL */
	const char *charset;     /* its charset parameter, or NULL */
	bool html;               /* a response whose payload is an HTML page */
	const char *body;        /* the payload (HTTP headers and chunking removed) */
	size_t body_len;
} precis_warc_record;

PRECIS_EXTERN int precis_warc_reader_new(precis_warc_reader **out, FILE *fp);
PRECIS_EXTERN void precis_warc_reader_free(precis_warc_reader *r);
/*
 * Read the next record: 1 and *rec set, 0 at the end of the file, or a
 * negative code with err saying what is wrong and the record's offset.
 * After an error the next call resumes at the following record, so a
 * corrupt record costs only itself; PRECIS_EIO means reading stopped.
 */
PRECIS_EXTERN int precis_warc_reader_next(precis_warc_reader *r,
					  const precis_warc_record **rec, precis_error *err);

#ifdef __cplusplus
}
#endif

#endif
