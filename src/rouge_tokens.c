/*
 * rouge_tokens: texts as the scorer sees them. Each text becomes token ids
 * (one vocabulary per scoring call) split into lines, in one of three
 * tokenizations: rouge-score's (Python lower(), [a-z0-9] runs, NLTK's
 * Porter), ROUGE-1.5.5's (bytes, ASCII lowercase, its Perl Porter and the
 * WordNet exceptions with -m, -s stop words, the -l/-b cuts of its two
 * readers) and the Unicode one (the library's analyzer: NFC, case folding,
 * Snowball stems). Stems are cached per scorer, so a word is stemmed once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "data.h"
#include "porter.h"
#include "rouge.h"
#include "text.h"
#include "vec.h"

/*
 * Token and n-gram ids are packed 30 bits each into 64-bit keys, so a call
 * may see at most this many tokens (ids stay below 2^30 with room to spare).
 */
#define MAX_TOKENS ((size_t)1 << 26)

/* Words whose stems a scorer remembers before it starts afresh. */
#define STEM_CACHE_MAX ((size_t)1 << 20)

static int push_token(px_toks *t, uint32_t id)
{
	if (t->n >= MAX_TOKENS)
		return PRECIS_ETOOBIG;
	if (t->n >= t->cap &&
	    px_vec_reserve((void **)&t->id, &t->cap, t->n + 1, sizeof *t->id))
		return PRECIS_ENOMEM;
	t->id[t->n++] = id;
	return 0;
}

static int push_id(px_toks *t, px_rouge_ctx *c, const char *w, size_t n)
{
	uint32_t id;
	int rc = px_rouge_vocab_intern(&id, c->vocab, w, n);
	return rc ? rc : push_token(t, id);
}

static int new_line(px_toks *t)
{
	if (t->nlines + 2 > t->lcap &&
	    px_vec_reserve((void **)&t->line, &t->lcap, t->nlines + 2, sizeof *t->line))
		return PRECIS_ENOMEM;
	t->line[t->nlines++] = t->n;
	t->line[t->nlines] = t->n;
	return 0;
}

static void toks_free(px_toks *t)
{
	free(t->id);
	free(t->line);
	memset(t, 0, sizeof *t);
}

/* Forget every cached stem (the cache is full, or could not be completed). */
static void stems_forget(precis_rouge *r)
{
	px_rouge_vocab_reset(&r->stems);
	px_rouge_vocab_reset(&r->stem_of);
}

int px_rouge_call_begin(px_rouge_ctx *c, precis_rouge *r, const char *lang)
{
	*c = (px_rouge_ctx){ r, &r->vocab, lang };
	px_rouge_vocab_reset(&r->vocab);
	if (r->stems.n >= STEM_CACHE_MAX)
		stems_forget(r);
	if (++r->call == 0) {
		/* 2^32 calls: stamps of old calls could match again. */
		stems_forget(r);
		r->call = 1;
	}
	return 0;
}

/* Stem new word wid (1.5.5: its WordNet base form first) into r->stem[wid]. */
static int stem_word(precis_rouge *r, uint32_t wid, const char *w, size_t n)
{
	if (px_vec_reserve((void **)&r->stem, &r->stem_cap, (size_t)wid + 1, sizeof *r->stem))
		return PRECIS_ENOMEM;
	const char *st = NULL;
	size_t sl = 0;
	if (r->o.compat == PRECIS_ROUGE_155) {
		int64_t e = px_strmap_get(r->exc, w, n);
		if (e >= 0) {
			st = r->exc_base[e];
			sl = strlen(st);
		}
	}
	/* Words of any length are stemmed; only long ones need the heap. */
	char local[256], *buf = NULL;
	if (!st) {
		buf = n + 2 <= sizeof local ? local : malloc(n + 2);
		if (!buf)
			return PRECIS_ENOMEM;
		sl = r->o.compat == PRECIS_ROUGE_SCORE ? px_porter_nltk(buf, w, n)
						       : px_porter_rouge155(buf, w, n);
		st = buf;
	}
	uint32_t sid;
	int rc = px_rouge_vocab_intern(&sid, &r->stem_of, st, sl);
	if (!rc)
		r->stem[wid] = (px_rouge_stem){ sid, 0, 0 };
	if (buf != local)
		free(buf);
	return rc;
}

/* Add an ASCII word (already lowercase, [a-z0-9]) with the mode's stemming. */
static int add_ascii_word(px_toks *t, px_rouge_ctx *c, const char *w, size_t n)
{
	precis_rouge *r = c->r;
	if (r->stop && px_strmap_get(r->stop, w, n) >= 0)
		return 0;
	if (!r->o.stem || n <= 3)
		return push_id(t, c, w, n);
	/*
	 * Words recur: each is stemmed once per scorer, and its stem's id in
	 * this call's vocabulary is looked up once per call (r->call stamps it).
	 */
	size_t known = r->stems.n;
	uint32_t wid;
	int rc = px_rouge_vocab_intern(&wid, &r->stems, w, n);
	if (!rc && wid == known && (rc = stem_word(r, wid, w, n)) != 0)
		stems_forget(r); /* wid has no stem: the cache must not keep it */
	if (rc)
		return rc;
	px_rouge_stem *e = &r->stem[wid];
	if (e->call != r->call) {
		size_t sl;
		const char *st = px_rouge_vocab_key(&r->stem_of, e->sid, &sl);
		if ((rc = px_rouge_vocab_intern(&e->vid, c->vocab, st, sl)) != 0)
			return rc;
		e->call = r->call;
	}
	return push_token(t, e->vid);
}

/*
 * The letter s[i..] gives a word (*adv bytes long), or -1 for a separator.
 * rouge-score: Python's lower(), then every run outside [a-z0-9] is a
 * separator. Only two non-ASCII code points lowercase to anything ASCII:
 * U+0130 (to "i" + U+0307, a separator: *split_after) and the Kelvin sign
 * U+212A (to "k"); checked over all of Unicode with Python 3.11. Every
 * byte of any other code point is a separator on its own (the text is
 * valid UTF-8, so no lead byte is mistaken for a continuation).
 * rouge155: bytes, ASCII lowercase, anything else separates.
 */
static int special_char(const unsigned char *s, size_t i, size_t len, bool unicode_lower,
			size_t *adv, bool *split_after)
{
	unsigned char b = s[i];
	if (!unicode_lower)
		return -1;
	if (b == 0xC4 && i + 1 < len && s[i + 1] == 0xB0) {
		*adv = 2;
		*split_after = true;
		return 'i';
	}
	if (b == 0xE2 && i + 2 < len && s[i + 1] == 0x84 && s[i + 2] == 0xAA) {
		*adv = 3;
		return 'k';
	}
	return -1;
}

static inline int word_char(const unsigned char *s, size_t i, size_t len, bool unicode_lower,
			    size_t *adv, bool *split_after)
{
	unsigned char b = s[i];
	*adv = 1;
	if (b >= 0x80)
		return special_char(s, i, len, unicode_lower, adv, split_after);
	unsigned char l = b | 0x20;
	if ((unsigned)(l - 'a') < 26)
		return l;
	return (unsigned)(b - '0') < 10 ? b : -1;
}

/* Whether a word ending at s[i] goes on: U+0130 or U+212A follow (rouge-score only). */
static bool continues_word(const unsigned char *s, size_t i, size_t len, bool unicode_lower)
{
	if (i >= len || s[i] < 0x80 || !unicode_lower)
		return false;
	return (s[i] == 0xC4 && i + 1 < len && s[i + 1] == 0xB0) ||
	       (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x84 && s[i + 2] == 0xAA);
}

/*
 * Room for a rewritten word of up to need bytes: buf itself when it is
 * already on the heap (sized for the longest word left at its first use)
 * or when local (local_size bytes) suffices; NULL without memory.
 */
static char *word_buf(char *buf, char *local, size_t local_size, size_t need)
{
	if (buf != local || need <= local_size)
		return buf;
	return malloc(need);
}

/*
 * A word that is already lowercase ASCII (most are) is passed straight
 * from s; one with capitals or the two special letters is rewritten into
 * buf, which holds any word of s (words never grow).
 */
static int tokenize_ascii(px_toks *t, px_rouge_ctx *c, const char *s, size_t len,
			  bool unicode_lower)
{
	const unsigned char *u = (const unsigned char *)s;
	char local[256], *buf = local;
	size_t i = 0;
	int rc = 0;
	while (i < len && !rc) {
		/*
		 * The common case first: an ASCII letter-digit run ended by a
		 * separator (or the end) is a word as it stands, lowercased when it
		 * has capitals. A run going on with U+0130 or U+212A goes the
		 * general way from the same start.
		 */
		size_t start = i;
		bool upper = false;
		for (; i < len; i++) {
			unsigned char b = u[i];
			if ((unsigned)(b - 'a') < 26 || (unsigned)(b - '0') < 10)
				continue;
			if ((unsigned)(b - 'A') >= 26)
				break;
			upper = true;
		}
		if (i > start && !continues_word(u, i, len, unicode_lower)) {
			if (!upper) {
				rc = add_ascii_word(t, c, s + start, i - start);
				continue;
			}
			if (!(buf = word_buf(buf, local, sizeof local, len - start))) {
				buf = local;
				rc = PRECIS_ENOMEM;
				break;
			}
			for (size_t k = start; k < i; k++)
				buf[k - start] = (char)((unsigned)(u[k] - 'A') < 26 ? u[k] + 32 : u[k]);
			rc = add_ascii_word(t, c, buf, i - start);
			continue;
		}
		i = start;
		size_t adv;
		bool split = false;
		int ch = word_char(u, i, len, unicode_lower, &adv, &split);
		if (ch < 0) {
			i += adv;
			continue;
		}
		size_t wn = 0;
		bool plain = true;
		for (;;) {
			if (plain && (adv != 1 || ch != u[i])) {
				if (!(buf = word_buf(buf, local, sizeof local, len - start))) {
					buf = local;
					rc = PRECIS_ENOMEM;
					break;
				}
				wn = i - start;
				memcpy(buf, s + start, wn);
				plain = false;
			}
			if (!plain)
				buf[wn++] = (char)ch;
			i += adv;
			if (split || i >= len)
				break;
			ch = word_char(u, i, len, unicode_lower, &adv, &split);
			if (ch < 0)
				break;
		}
		if (!rc)
			rc = plain ? add_ascii_word(t, c, s + start, i - start)
				   : add_ascii_word(t, c, buf, wn);
	}
	if (buf != local)
		free(buf);
	return rc;
}

static int on_unicode_word(const px_word *w, void *vctx)
{
	void **pair = vctx;
	px_toks *t = pair[0];
	px_rouge_ctx *c = pair[1];
	return push_id(t, c, w->stem, w->stem_len);
}

static int tokenize_line(px_toks *t, px_rouge_ctx *c, const char *s, size_t len)
{
	switch (c->r->o.compat) {
	case PRECIS_ROUGE_SCORE:
		return tokenize_ascii(t, c, s, len, true);
	case PRECIS_ROUGE_155:
		return tokenize_ascii(t, c, s, len, false);
	case PRECIS_ROUGE_UNICODE: {
		void *pair[2] = { t, c };
		return px_analyze(c->r->a, c->lang, s, len, c->r->o.stem ? PX_ANALYZE_STEM : 0,
				  on_unicode_word, pair);
	}
	}
	return PRECIS_EINVAL;
}

/* ------------------------------------------------ 1.5.5 length limits */

/* Perl's \s on a byte string (5.18 and later count the vertical tab). */
static bool perl_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v' || ch == '\n';
}

/*
 * Fields of a line as Perl's split(/\s+/) returns them: a leading empty
 * field when the line starts with white space, no trailing empty ones.
 * *cut_at is where the keep-th field ends (len when there are fewer).
 */
static size_t perl_words(const char *s, size_t len, size_t *cut_at, size_t keep)
{
	size_t n = 0, i = 0;
	*cut_at = len;
	if (len && perl_space(s[0])) {
		n = 1;
		if (keep == 1)
			*cut_at = 0;
	}
	while (i < len) {
		while (i < len && perl_space(s[i]))
			i++;
		if (i >= len)
			break;
		while (i < len && !perl_space(s[i]))
			i++;
		n++;
		if (n == keep)
			*cut_at = i;
	}
	return n;
}

typedef struct {
	const char *s;
	size_t len;
} line_ref;

/*
 * The lines 1.5.5 reads (non-empty ones), cut by -l or -b as its readText
 * (joined, for n-grams) and readText_LCS (per line) do: they differ, the
 * LCS reader never advances its byte count.
 */
static size_t limited_lines(line_ref *out, const char *text, const precis_rouge_options *o,
			    bool for_lcs)
{
	size_t n = 0, words = 0, bytes = 0;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 0) {
			line_ref l = { p, len };
			if (o->limit_words) {
				size_t cut;
				size_t w = perl_words(p, len, &cut, o->limit_words - words);
				if (words + w < o->limit_words) {
					words += w;
				} else {
					l.len = cut;
					out[n++] = l;
					return n;
				}
			} else if (o->limit_bytes) {
				if (bytes + len < o->limit_bytes) {
					if (!for_lcs)
						bytes += len;
				} else {
					l.len = o->limit_bytes - bytes;
					out[n++] = l;
					return n;
				}
			}
			out[n++] = l;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return n;
}

/* Tokenize a whole text into lines (rougeLsum / 1.5.5 units). */
static int tokenize_text(px_toks *t, px_rouge_ctx *c, const char *text, bool for_lcs)
{
	precis_rouge_options *o = &c->r->o;
	if (o->compat == PRECIS_ROUGE_155) {
		size_t cap = 1;
		for (const char *p = text; *p; p++)
			cap += *p == '\n';
		line_ref *lines = malloc(cap * sizeof *lines);
		if (!lines)
			return PRECIS_ENOMEM;
		size_t nl = limited_lines(lines, text, o, for_lcs);
		int rc = 0;
		for (size_t k = 0; k < nl && !rc; k++) {
			rc = new_line(t);
			if (!rc)
				rc = tokenize_line(t, c, lines[k].s, lines[k].len);
			if (!rc)
				t->line[t->nlines] = t->n;
		}
		free(lines);
		return rc;
	}
	/* rouge-score: split on "\n", drop empty strings (whitespace lines stay). */
	const char *p = text;
	int rc = 0;
	while (!rc) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > 0) {
			rc = new_line(t);
			if (!rc)
				rc = tokenize_line(t, c, p, len);
			if (!rc)
				t->line[t->nlines] = t->n;
		}
		if (!eol)
			break;
		p = eol + 1;
	}
	return rc;
}

/* One exception list: "form base [base...]" a line; the first base wins. */
static int add_exceptions(precis_rouge *r, const char *p, size_t len)
{
	const char *end = p + len;
	int rc = 0;
	while (p < end && !rc) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		const char *sp = memchr(p, ' ', (size_t)(eol - p));
		if (sp) {
			const char *b = sp + 1, *be = b;
			while (be < eol && *be != ' ' && *be != '\r')
				be++;
			int64_t id;
			rc = px_strmap_intern(r->exc, p, (size_t)(sp - p), &id, NULL);
			if (!rc)
				rc = px_vec_reserve0((void **)&r->exc_base, &r->exc_cap, (size_t)id + 1,
						     sizeof *r->exc_base);
			if (!rc) {
				free(r->exc_base[id]);
				if (!(r->exc_base[id] = strndup(b, (size_t)(be - b))))
					rc = PRECIS_ENOMEM;
			}
		}
		p = eol + 1;
	}
	return rc;
}

/*
 * A list from the user's directory: dir/WordNet-2.0-Exceptions/name (a
 * ROUGE-1.5.5 data directory, as ROUGE_EVAL_HOME names it) or dir/name.
 */
static int add_exception_file(precis_rouge *r, const char *dir, const char *name)
{
	static const char *const sub[] = { "/WordNet-2.0-Exceptions/", "/" };
	FILE *fp = NULL;
	for (size_t i = 0; i < 2 && !fp; i++) {
		size_t n = strlen(dir) + strlen(sub[i]) + strlen(name) + 1;
		char *path = malloc(n);
		if (!path)
			return PRECIS_ENOMEM;
		snprintf(path, n, "%s%s%s", dir, sub[i], name);
		fp = fopen(path, "rb");
		free(path);
	}
	if (!fp)
		return PRECIS_EIO;
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	int rc = 0;
	do {
		if ((rc = px_vec_reserve((void **)&buf, &cap, len + 65536, 1)) != 0)
			break;
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	if (!rc && ferror(fp))
		rc = PRECIS_EIO;
	fclose(fp);
	if (!rc)
		rc = add_exceptions(r, buf, len);
	free(buf);
	return rc;
}

int px_rouge_load_exceptions(precis_rouge *r)
{
	/*
	 * 1.5.5's buildExeptionDB.pl keeps, per form, the first base form of
	 * its line, later lines overwriting earlier ones. Its shipped database
	 * maps better/best to well, i.e. adv.exc was read after adj.exc; the
	 * only other cross-file conflict of four letters or more (testes:
	 * noun "testis", verb "testes") is decided by this order too, which
	 * the shipped database may not share.
	 */
	static const char *const files[] = { "adj.exc", "adv.exc", "noun.exc", "verb.exc" };
	int rc = px_strmap_new(&r->exc);
	for (size_t f = 0; f < 4 && !rc; f++) {
		if (r->o.wordnet_dir) {
			rc = add_exception_file(r, r->o.wordnet_dir, files[f]);
			continue;
		}
		char key[32];
		snprintf(key, sizeof key, "wordnet/%s", files[f]);
		const px_datafile *d = px_data_find(key);
		rc = d ? add_exceptions(r, d->bytes, d->len) : PRECIS_EFORMAT;
	}
	return rc;
}

/* Both token streams of a text (see px_rouge_text). */
int px_rouge_text_tokenize(px_rouge_text *t, px_rouge_ctx *c, const char *s)
{
	t->flat.n = t->flat.nlines = 0;
	t->own_lines.n = t->own_lines.nlines = 0;
	int rc = tokenize_text(&t->flat, c, s, false);
	t->lines = &t->flat;
	if (!rc && c->r->o.compat == PRECIS_ROUGE_155 && c->r->o.limit_bytes) {
		rc = tokenize_text(&t->own_lines, c, s, true);
		t->lines = &t->own_lines;
	}
	return rc;
}

void px_rouge_text_free(px_rouge_text *t)
{
	toks_free(&t->flat);
	toks_free(&t->own_lines);
}
int px_rouge_tokens(char **out, precis_rouge *r, const char *text)
{
	*out = NULL;
	if (!r || !text)
		return PRECIS_EINVAL;
	if (px_text_check(text, strlen(text), NULL) != 0)
		return PRECIS_EUTF8;
	const char *lang = "en";
	if (r->o.compat == PRECIS_ROUGE_UNICODE) {
		if (r->o.lang && strcmp(r->o.lang, "auto") != 0)
			lang = r->o.lang;
		else
			precis_detect_language(&lang, r->a, text, strlen(text));
	}
	px_rouge_ctx c;
	int rc = px_rouge_call_begin(&c, r, lang);
	if (rc)
		return rc;
	px_toks t = { 0 };
	rc = tokenize_text(&t, &c, text, false);
	size_t len = 1;
	for (size_t i = 0; !rc && i < t.n; i++) {
		size_t kl;
		px_rouge_vocab_key(c.vocab, t.id[i], &kl);
		len += kl + 1;
	}
	char *s = rc ? NULL : malloc(len + t.nlines);
	if (!rc && !s)
		rc = PRECIS_ENOMEM;
	size_t o = 0;
	for (size_t l = 0; !rc && l < t.nlines; l++) {
		for (size_t i = t.line[l]; i < t.line[l + 1]; i++) {
			size_t kl;
			const char *k = px_rouge_vocab_key(c.vocab, t.id[i], &kl);
			if (i > t.line[l])
				s[o++] = ' ';
			memcpy(s + o, k, kl);
			o += kl;
		}
		s[o++] = '\n';
	}
	if (!rc) {
		s[o] = '\0';
		*out = s;
	}
	toks_free(&t);
	return rc;
}
