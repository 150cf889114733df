/*
 * meta_entity: entity vectors (keys folded, spellings counted), the
 * gazetteer, persons and places (capitalised runs, name variants merged)
 * and the agencies an article cites (agency.c).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "analyze.h"
#include "data.h"
#include "doc.h"
#include "calendar.h"
#include "meta_priv.h"
#include "strmap.h"
#include "text.h"
#include "token.h"
#include "vec.h"

/* ----------------------------------------------------------- entities */

static void entity_free(entity *e)
{
	free(e->name);
	for (size_t i = 0; i < e->nvariants; i++)
		free(e->variants[i]);
	free(e->variants);
	free(e->vcount);
	free(e->key);
}

void px_meta_entvec_free(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++)
		entity_free(&ev->v[i]);
	free(ev->v);
	px_strmap_free(ev->index);
	memset(ev, 0, sizeof *ev);
}

/* "Kim Jong-Un", "Kim Jong Un" and "KIM Jong un" meet on "kim jong un"; "U.S." on "u s". */
static char *entity_key(const char *s, size_t n)
{
	/* The Latin-1 fast path first: keys of the gazetteer and of every mention. */
	size_t cap = n * 3 + 16, fl;
	char *f = malloc(cap);
	if (!f)
		return NULL;
	if ((fl = px_fold_into(f, cap, s, n)) == (size_t)-1) {
		free(f);
		if (px_fold(&f, &fl, s, n) != 0)
			return NULL;
	}
	size_t o = 0;
	bool space = true; /* drops leading separators */
	for (size_t i = 0; i < fl;) {
		unsigned char ch = (unsigned char)f[i];
		size_t adv = 1;
		bool sep = ch == '-' || ch == '\'' || ch == '.' || ch == ' ' || ch == '\t' ||
			   ch == '\n' || ch == '\r';
		if (!sep && ch >= 0x80) {
			int32_t cp = px_utf8_decode(f + i, fl - i, &adv);
			sep = cp == 0x2019 || px_cp_is_space(cp) || px_cp_is_hyphen(cp);
		}
		if (sep) {
			if (!space)
				f[o++] = ' ';
			space = true;
		} else {
			memmove(f + o, f + i, adv);
			o += adv;
			space = false;
		}
		i += adv;
	}
	while (o && f[o - 1] == ' ')
		o--;
	f[o] = '\0';
	return f;
}

static size_t key_words(const char *key)
{
	size_t w = *key ? 1 : 0;
	for (const char *p = key; *p; p++)
		w += *p == ' ';
	return w;
}

static int add_variant(entity *e, const char *s, size_t n, size_t count)
{
	for (size_t i = 0; i < e->nvariants; i++)
		if (strlen(e->variants[i]) == n && memcmp(e->variants[i], s, n) == 0) {
			e->vcount[i] += count;
			return 0;
		}
	if (e->nvariants >= MAX_VARIANTS)
		return 0;
	char **nv = realloc(e->variants, (e->nvariants + 2) * sizeof *nv);
	if (!nv)
		return PRECIS_ENOMEM;
	e->variants = nv;
	size_t *nc = realloc(e->vcount, (e->nvariants + 1) * sizeof *nc);
	if (!nc)
		return PRECIS_ENOMEM;
	e->vcount = nc;
	if (!(nv[e->nvariants] = strndup(s, n)))
		return PRECIS_ENOMEM;
	nc[e->nvariants] = count;
	nv[++e->nvariants] = NULL;
	return 0;
}

/* Record a mention under key (taken over); name is how it is written. Sets *idx. */
static int mention(entvec *ev, char *key, const char *name, size_t nlen, size_t at, size_t *idx)
{
	int rc = 0;
	if (!ev->index && (rc = px_strmap_new(&ev->index))) {
		free(key);
		return rc;
	}
	int64_t id;
	int added;
	if ((rc = px_strmap_intern(ev->index, key, strlen(key), &id, &added))) {
		free(key);
		return rc;
	}
	if (!added) {
		free(key);
		entity *e = &ev->v[id];
		e->mentions++;
		if (at < e->first)
			e->first = at;
		if (idx)
			*idx = (size_t)id;
		return add_variant(e, name, nlen, 1);
	}
	if (px_vec_reserve((void **)&ev->v, &ev->cap, ev->n + 1, sizeof *ev->v)) {
		free(key);
		return PRECIS_ENOMEM;
	}
	entity *e = &ev->v[ev->n++];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->words = key_words(key);
	e->mentions = 1;
	e->first = at;
	e->into = -1;
	if (idx)
		*idx = (size_t)id;
	return add_variant(e, name, nlen, 1);
}

static int mention_text(entvec *ev, const char *s, size_t n, size_t at, size_t *idx)
{
	char *k = entity_key(s, n);
	if (!k)
		return PRECIS_ENOMEM;
	if (!*k) {
		free(k);
		return 0;
	}
	return mention(ev, k, s, n, at, idx);
}

/* Merge entity from into to (same vector): counts, first offset, and spellings if wanted. */
static int absorb(entity *to, entity *from, int64_t to_idx, bool spellings)
{
	to->mentions += from->mentions;
	if (from->first < to->first)
		to->first = from->first;
	from->into = to_idx;
	for (size_t k = 0; spellings && k < from->nvariants; k++) {
		int rc = add_variant(to, from->variants[k], strlen(from->variants[k]), from->vcount[k]);
		if (rc)
			return rc;
	}
	return 0;
}

static int64_t final_entity(const entvec *ev, int64_t i)
{
	while (i >= 0 && ev->v[i].into >= 0)
		i = ev->v[i].into;
	return i;
}

/* --------------------------------------------------------- gazetteer */

/* Only white space between two tokens: a name does not run across a comma. */
static bool adjacent(const char *text, const tok *a, const tok *b)
{
	for (size_t i = a->end; i < b->start;) {
		size_t adv;
		if (!px_cp_is_space(px_utf8_decode(text + i, b->start - i, &adv)))
			return false;
		i += adv;
	}
	return true;
}

/* Same, with the dots of abbreviations allowed: "U.S.", "St. Petersburg". */
static bool adjacent_dotted(const char *text, const tok *a, const tok *b)
{
	for (size_t i = a->end; i < b->start;) {
		size_t adv;
		int32_t cp = px_utf8_decode(text + i, b->start - i, &adv);
		if (cp != '.' && !px_cp_is_space(cp))
			return false;
		i += adv;
	}
	return true;
}

struct gaz_build {
	gazetteer *g;
	lists *L;
};

struct name_shape {
	const char *name;
	px_token first;
	size_t n;
	uint32_t caps;
};

static int shape_tok(const px_token *t, void *ctx)
{
	struct name_shape *sh = ctx;
	if (sh->n == 0)
		sh->first = *t;
	size_t adv;
	if (sh->n < 32 && px_cp_is_upper(px_utf8_decode(sh->name + t->start, t->end - t->start, &adv)))
		sh->caps |= 1u << sh->n;
	sh->n++;
	return 0;
}

static int gaz_add(const char *canon, size_t clen, const char *name, size_t nlen, void *ctx)
{
	struct gaz_build *b = ctx;
	gazetteer *g = b->g;
	/* Its first word, tokenized and folded as text tokens are, marks where to look. */
	struct name_shape sh = { name, { 0, 0, false }, 0, 0 };
	px_tokenize(name, nlen, NULL, shape_tok, &sh);
	px_token t0 = sh.first;
	char buf[128];
	size_t fl = sh.n ? px_meta_fold_word(buf, sizeof buf, name + t0.start, t0.end - t0.start)
			 : (size_t)-1;
	if (fl != (size_t)-1) {
		lexent *e = px_meta_lex_entry(b->L, buf, fl);
		if (!e)
			return PRECIS_ENOMEM;
		e->mask |= LEX_GAZ;
	}
	char *k = entity_key(name, nlen);
	if (!k)
		return PRECIS_ENOMEM;
	int64_t id;
	int added;
	int rc = px_strmap_intern(g->keys, k, strlen(k), &id, &added);
	free(k);
	if (rc || !added)
		return rc;
	size_t need = (size_t)id + 1;
	if (px_vec_reserve((void **)&g->canon, &g->capcanon, need, sizeof *g->canon) ||
	    px_vec_reserve((void **)&g->canon_len, &g->capclen, need, sizeof *g->canon_len) ||
	    px_vec_reserve((void **)&g->caps, &g->capcaps, need, sizeof *g->caps))
		return PRECIS_ENOMEM;
	g->canon[id] = canon;
	g->canon_len[id] = clen;
	g->caps[id] = sh.caps;
	return 0;
}

int px_meta_gaz_load(gazetteer *g, lists *L)
{
	memset(g, 0, sizeof *g);
	int rc = px_strmap_new(&g->keys);
	struct gaz_build b = { g, L };
	if (!rc)
		rc = px_data_aliases(px_data_find("stopwords/cues/places.txt"), gaz_add, &b);
	return rc;
}

void px_meta_gaz_free(gazetteer *g)
{
	px_strmap_free(g->keys);
	free(g->canon);
	free(g->canon_len);
	free(g->caps);
}

/* Longest gazetteer name starting at token i (same unit): tokens used, 0 if none. */
static size_t gaz_match(const gazetteer *g, const lists *L, const char *text, const tok *v,
			size_t n, size_t i, int64_t *id)
{
	if (!lex_has(L, &v[i], LEX_GAZ))
		return 0;
	char key[256];
	for (size_t len = MAX_PLACE_WORDS; len >= 1; len--) {
		if (i + len > n || v[i + len - 1].unit != v[i].unit)
			continue;
		/* Keys are folded words joined by single spaces, as entity_key makes them. */
		size_t kl = 0;
		bool fits = true;
		for (size_t k = i; k < i + len && fits; k++) {
			if (k > i && !adjacent_dotted(text, &v[k - 1], &v[k]))
				fits = false; /* "Corée, du Nord" is no name */
			fits = fits && kl + v[k].flen + 1 < sizeof key;
			if (!fits)
				break;
			if (k > i)
				key[kl++] = ' ';
			memcpy(key + kl, v[k].fold, v[k].flen);
			kl += v[k].flen;
		}
		if (!fits)
			continue;
		for (size_t c = 0; c < kl; c++)
			if (key[c] == '-' || key[c] == '\'')
				key[c] = ' ';
		*id = px_strmap_get(g->keys, key, kl);
		/* Capitals where the name has them: "La réunion" opening a sentence is no island. */
		bool shaped = *id >= 0;
		for (size_t k = 0; shaped && k < len && k < 32; k++)
			shaped = !((g->caps[*id] >> k) & 1) || v[i + k].cap;
		if (shaped)
			return len;
	}
	return 0;
}

/* ------------------------------------------------- persons and places */

static bool connector(const tok *t)
{
	static const char *const c[] = { "de", "du", "des", "van", "von", "der", "bin", "ben",
					 "al", "el", "da", "di", "dos", NULL };
	for (const char *const *w = c; *w; w++)
		if (tok_is(t, *w))
			return true;
	return false;
}

static int person_mention(struct people *p, size_t s, size_t e, bool single, size_t ent)
{
	if (px_vec_reserve((void **)&p->pm, &p->cappm, p->npm + 1, sizeof *p->pm))
		return PRECIS_ENOMEM;
	p->pm[p->npm++] = (pmention){ p->v[s].start, p->v[e - 1].end, p->v[s].unit, single, false,
				      false, ent, -1 };
	return 0;
}

static int push_run(struct people *p, run r)
{
	if (px_vec_reserve((void **)&p->runs, &p->capruns, p->nruns + 1, sizeof *p->runs))
		return PRECIS_ENOMEM;
	p->runs[p->nruns++] = r;
	return 0;
}

/* Words that open a sentence without being part of a name: "Le", "Selon", "Mr". */
static bool lead_word(struct people *p, const tok *t)
{
	const lists *L = p->L;
	return px_is_stopword(p->a, p->d->lang, t->fold, t->flen) || in_set(L, W_HONOR, t) ||
	       in_set(L, W_PREP, t) || in_set(L, W_YEARCUE, t) || in_set(L, W_THIS, t) ||
	       in_set(L, W_PRONOUNS, t) || in_set(L, W_THAT, t) || lex_has(L, t, LEX_PHRASE(P_SOURCE));
}

static bool name_word(const struct people *p, const tok *t)
{
	return t->cap && t->num < 0 && !wordval(p->L, W_MONTH, t) && !in_set(p->L, W_WEEKDAY, t);
}

/*
 * Walk the tokens once: gazetteer places are recorded at once, other
 * capitalised runs are kept for classify_runs.
 */
static int scan_names(struct people *p)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	size_t i = 0;
	int rc = 0;
	while (i < p->n && !rc) {
		int64_t gid;
		size_t glen = gaz_match(p->g, p->L, text, v, p->n, i, &gid);
		if (glen) {
			rc = mention_text(p->places, p->g->canon[gid], p->g->canon_len[gid], v[i].start,
					  NULL);
			i += glen;
			continue;
		}
		if (!v[i].cap || v[i].num >= 0) {
			i++;
			continue;
		}
		/* Titles, articles and sentence openers before the name. */
		size_t s = i;
		while (s < p->n && v[s].unit == v[i].unit && v[s].cap && lead_word(p, &v[s]))
			s++;
		/*
		 * A sentence's first word is capitalised anyway: it is no name when
		 * the text also writes it in lowercase ("Rencontre", "Puis").
		 */
		if (s < p->n && v[s].first && v[s].cap &&
		    px_strmap_get(p->lowers, v[s].fold, v[s].flen) >= 0)
			s++;
		if (s > i && s < p->n && v[s].unit == v[i].unit) {
			int64_t g2;
			if (gaz_match(p->g, p->L, text, v, p->n, s, &g2)) {
				i = s; /* "Sommet Corée du Nord": the place comes next */
				continue;
			}
		}
		size_t e = s;
		while (e < p->n && v[e].unit == v[i].unit && (e == s || adjacent(text, &v[e - 1], &v[e]))) {
			if (name_word(p, &v[e])) {
				int64_t g2;
				if (e > s && gaz_match(p->g, p->L, text, v, p->n, e, &g2))
					break;
				/* "Russian President Vladimir Putin": the name follows the title. */
				if (in_set(p->L, W_HONOR, &v[e]))
					s = e + 1;
				e++;
				continue;
			}
			if (e > s && e + 1 < p->n && v[e + 1].unit == v[e].unit && connector(&v[e]) &&
			    name_word(p, &v[e + 1])) {
				e++;
				continue;
			}
			break;
		}
		/* "Notre-Dame de" before a gazetteer place: the connector is not the name's. */
		size_t end = e;
		while (e > s + 1 && connector(&v[e - 1]))
			e--;
		if (e <= s) {
			i = end > i ? end : i + 1;
			continue;
		}
		bool org = false;
		for (size_t k = s; k < e && !org; k++)
			org = in_set(p->L, W_ORG, &v[k]);
		/* "North Korean", "South African": an adjective, not a name. */
		bool adjective = in_set(p->L, W_DEMONYM, &v[e - 1]);
		if (!org && !adjective && e - s <= MAX_NAME_WORDS) {
			bool prep = s > 0 && v[s - 1].unit == v[s].unit && in_set(p->L, W_PREP, &v[s - 1]);
			rc = push_run(p, (run){ s, e, prep, v[s].first, false });
		}
		i = end;
	}
	return rc;
}

/*
 * Decide what each run names. Multi-word runs are persons, except after
 * "à"/"in" where they are places unless a person's name contains them
 * ("succède à Kim Jong-il", "parlé à Poutine"): that waits for
 * merge_people, as do one-word runs.
 */
static int classify_runs(struct people *p)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	int rc = 0;
	for (size_t r = 0; r < p->nruns && !rc; r++) {
		run *u = &p->runs[r];
		size_t words = u->e - u->s;
		const char *s = text + v[u->s].start;
		size_t len = v[u->e - 1].end - v[u->s].start;
		size_t idx;
		if (u->prep && words <= 3 && !(u->first && words == 1)) {
			u->pending = true;
		} else if (words >= 2) {
			rc = mention_text(p->persons, s, len, v[u->s].start, &idx);
			if (!rc) {
				entity *e = &p->persons->v[idx];
				e->opener = (e->mentions == 1 || e->opener) && u->first;
				rc = person_mention(p, u->s, u->e, false, idx);
			}
		} else {
			/* Counted once a full name owns it: "Poutine", "M. Kim". */
			rc = mention_text(&p->singles, s, len, v[u->s].start, &idx);
			if (!rc)
				rc = person_mention(p, u->s, u->e, true, idx);
		}
	}
	return rc;
}

/*
 * The words v[s..e) appear elsewhere as the subject of a verb: followed by
 * an auxiliary or a reporting verb ("Apple a indiqué", "Apple said"). A
 * place does not act; a company or an institution does. Cheap evidence
 * against "infliger une amende à Apple" making Apple a place.
 */
static bool acts_elsewhere(const struct people *p, size_t s, size_t e)
{
	const tok *v = p->v;
	size_t w = e - s;
	for (size_t k = 0; k + w < p->n; k++) {
		if (k == s || v[k + w].unit != v[k].unit)
			continue;
		bool same = true;
		for (size_t q = 0; q < w && same; q++)
			same = v[k + q].flen == v[s + q].flen &&
			       memcmp(v[k + q].fold, v[s + q].fold, v[s + q].flen) == 0;
		const tok *next = &v[k + w];
		if (same && (in_set(p->L, W_AUX, next) || lex_has(p->L, next, LEX_PHRASE(P_REPORTING))))
			return true;
	}
	return false;
}

/*
 * A run after "à"/"in": a person's name or short name; else a place,
 * unless the text makes it act elsewhere (then it names neither).
 */
static int settle_pending(struct people *p, const px_strmap *parts, const int64_t *owner)
{
	const tok *v = p->v;
	const char *text = p->d->text;
	int rc = 0;
	for (size_t r = 0; r < p->nruns && !rc; r++) {
		const run *u = &p->runs[r];
		if (!u->pending)
			continue;
		const char *s = text + v[u->s].start;
		size_t len = v[u->e - 1].end - v[u->s].start;
		char *k = entity_key(s, len);
		if (!k)
			return PRECIS_ENOMEM;
		int64_t id = parts ? px_strmap_get(parts, k, strlen(k)) : -1;
		free(k);
		if (id < 0) {
			if (!acts_elsewhere(p, u->s, u->e))
				rc = mention_text(p->places, s, len, v[u->s].start, NULL);
			continue;
		}
		entity *o = &p->persons->v[owner[id]];
		o->mentions++;
		if (v[u->s].start < o->first)
			o->first = v[u->s].start;
		rc = add_variant(o, s, len, 1);
		if (!rc)
			rc = person_mention(p, u->s, u->e, false, (size_t)owner[id]);
		if (!rc) {
			p->pm[p->npm - 1].resolved = true;
			p->pm[p->npm - 1].who = owner[id];
		}
	}
	return rc;
}

/* Better owner of a short form: more mentions, then earlier. */
static bool better(const entity *a, const entity *b)
{
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions;
	return a->first < b->first;
}

/* Runs of consecutive words of person names -> the best person containing them. */
struct parts {
	px_strmap *map;
	int64_t *owner;
	size_t cap;
};

static int index_parts(struct parts *pt, const entvec *P, size_t i)
{
	const entity *e = &P->v[i];
	if (e->words > MAX_NAME_WORDS)
		return 0;
	const char *starts[MAX_NAME_WORDS + 1];
	size_t ns = 0;
	starts[ns++] = e->key;
	for (const char *q = e->key; *q; q++)
		if (*q == ' ')
			starts[ns++] = q + 1;
	size_t klen = strlen(e->key);
	for (size_t a = 0; a < ns; a++)
		for (size_t b = a; b < ns; b++) {
			const char *from = starts[a];
			const char *to = b + 1 < ns ? starts[b + 1] - 1 : e->key + klen;
			int64_t id;
			int added;
			int rc = px_strmap_intern(pt->map, from, (size_t)(to - from), &id, &added);
			if (rc)
				return rc;
			if (px_vec_reserve((void **)&pt->owner, &pt->cap, (size_t)id + 1,
					   sizeof *pt->owner))
				return PRECIS_ENOMEM;
			if (added || better(e, &P->v[pt->owner[id]]))
				pt->owner[id] = (int64_t)i;
		}
	return 0;
}

/*
 * Merge name variants. "Puis Kim Jong-Un" (an opener glued to a name)
 * joins "Kim Jong-Un"; one-word and partial forms ("Poutine", "Jong-un")
 * join the most mentioned full name containing them. Every step is a hash
 * lookup over the words of a name, so this stays linear.
 */
static int merge_people(struct people *p)
{
	entvec *P = p->persons;
	int rc = 0;
	/* 1. A longer name ending with a known name is that name. */
	for (size_t i = 0; i < P->n && !rc; i++) {
		entity *e = &P->v[i];
		if (e->words > MAX_NAME_WORDS)
			continue;
		for (const char *sp = strchr(e->key, ' '); sp; sp = strchr(sp + 1, ' ')) {
			const char *suf = sp + 1;
			if (!strchr(suf, ' '))
				break; /* persons have two words at least */
			int64_t o = px_strmap_get(P->index, suf, strlen(suf));
			if (o >= 0 && (size_t)o != i) {
				/* "Puis Kim Jong-Un" is no spelling of the name worth keeping. */
				rc = absorb(&P->v[final_entity(P, o)], e, final_entity(P, o), false);
				break;
			}
		}
	}
	/*
	 * 2. Every run of consecutive words of a full name -> its best owner.
	 * Names only ever seen opening a sentence go last: "Puis Poutine" is
	 * "Poutine" when a full name owns that, else a name of its own.
	 */
	struct parts pt = { NULL, NULL, 0 };
	if (!rc)
		rc = px_strmap_new(&pt.map);
	for (size_t i = 0; i < P->n && !rc; i++)
		if (P->v[i].into < 0 && !P->v[i].opener)
			rc = index_parts(&pt, P, i);
	for (size_t i = 0; i < P->n && !rc; i++) {
		entity *e = &P->v[i];
		if (e->into >= 0 || !e->opener)
			continue;
		const char *sp = strchr(e->key, ' ');
		int64_t id = sp ? px_strmap_get(pt.map, sp + 1, strlen(sp + 1)) : -1;
		if (id >= 0 && pt.owner[id] != (int64_t)i)
			rc = absorb(&P->v[pt.owner[id]], e, pt.owner[id], false);
		else
			rc = index_parts(&pt, P, i);
	}
	px_strmap *parts = pt.map;
	int64_t *owner = pt.owner;
	/* 3. Short forms join their owner; mentions point to final persons. */
	int64_t *single_owner = NULL;
	if (!rc && p->singles.n && !(single_owner = malloc(p->singles.n * sizeof *single_owner)))
		rc = PRECIS_ENOMEM;
	for (size_t i = 0; i < p->singles.n && !rc; i++) {
		entity *s = &p->singles.v[i];
		int64_t id = px_strmap_get(parts, s->key, strlen(s->key));
		single_owner[i] = id >= 0 ? owner[id] : -1;
		/* "Kremlin", "Washington": not part of a known person's name. */
		if (id >= 0) {
			entity *o = &P->v[owner[id]];
			o->mentions += s->mentions;
			if (s->first < o->first)
				o->first = s->first;
			for (size_t k = 0; k < s->nvariants && !rc; k++)
				rc = add_variant(o, s->variants[k], strlen(s->variants[k]), s->vcount[k]);
		}
	}
	for (size_t m = 0; m < p->npm && !rc; m++) {
		pmention *pm = &p->pm[m];
		pm->who = pm->single ? single_owner[pm->ent] : final_entity(P, (int64_t)pm->ent);
	}
	if (!rc)
		rc = settle_pending(p, parts, owner);
	free(single_owner);
	free(owner);
	px_strmap_free(parts);
	return rc;
}

/* Canonical name: the most used spelling among the longest (full) ones. */
int px_meta_name_entities(entvec *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		entity *e = &ev->v[i];
		if (e->into >= 0)
			continue;
		size_t best = 0, bw = 0;
		for (size_t k = 0; k < e->nvariants; k++) {
			char *vk = entity_key(e->variants[k], strlen(e->variants[k]));
			if (!vk)
				return PRECIS_ENOMEM;
			size_t w = key_words(vk);
			free(vk);
			if (k == 0 || w > bw || (w == bw && e->vcount[k] > e->vcount[best])) {
				best = k;
				bw = w;
			}
		}
		if (!(e->name = strdup(e->variants[best])))
			return PRECIS_ENOMEM;
	}
	return 0;
}

int px_meta_cmp_entity(const void *a, const void *b)
{
	const entity *x = *(const entity *const *)a, *y = *(const entity *const *)b;
	if (x->mentions != y->mentions)
		return x->mentions < y->mentions ? 1 : -1;
	if (x->first != y->first)
		return (x->first > y->first) - (x->first < y->first);
	return strcmp(x->key, y->key);
}

/* ----------------------------------------------------------- agencies */

static bool word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80 || c == '-';
}

/* Whether text[a, ...) lies on a photo-credit line ("© Sam Yeh / AFP", "Photo : Reuters"). */
static bool in_credit(const precis_span *credits, size_t ncredits, size_t a)
{
	for (size_t k = 0; k < ncredits; k++)
		if (a >= credits[k].start && a < credits[k].end)
			return true;
	return false;
}

/*
 * One pass over the words of the whole page (credits and signatures name
 * agencies too), exact case, whole words: "AP" is not in "APPEL", "AFP"
 * not in "AFPTV". Names of several words are tried longest first.
 */
int px_meta_find_agencies(entvec *ev, const char *text, size_t len, const precis_span *credits,
			  size_t ncredits)
{
	const px_agencies *t = px_agency_table();
	int rc = t ? 0 : PRECIS_ENOMEM;
	size_t maxwords = rc ? 0 : px_agencies_maxwords(t), i = 0;
	while (!rc && maxwords && i < len) {
		if (!word_char((unsigned char)text[i]) ||
		    (i > 0 && word_char((unsigned char)text[i - 1]))) {
			i++;
			continue;
		}
		if (!px_agency_may_start(t, (unsigned char)text[i])) {
			while (i < len && word_char((unsigned char)text[i]))
				i++;
			continue;
		}
		/* Words joined by single spaces: a name does not run across a comma or a line. */
		px_token w[8];
		size_t nw = 0, j = i;
		while (nw < maxwords && nw < 8) {
			w[nw].start = j;
			while (j < len && word_char((unsigned char)text[j]))
				j++;
			w[nw++].end = j;
			if (j + 1 >= len || text[j] != ' ' || !word_char((unsigned char)text[j + 1]))
				break;
			j++;
		}
		const char *canon;
		size_t clen, idx, used = px_agency_match(t, text, w, nw, &canon, &clen);
		if (used && !(rc = mention_text(ev, canon, clen, i, &idx)) &&
		    in_credit(credits, ncredits, i))
			ev->v[idx].credits++;
		i = w[used ? used - 1 : 0].end;
	}
	return rc;
}

int px_meta_add_place(entvec *places, const gazetteer *g, const char *name, size_t at)
{
	char *k = entity_key(name, strlen(name));
	if (!k)
		return PRECIS_ENOMEM;
	/* The gazetteer's canonical name, so "BRUSSELS," meets the body's "Bruxelles". */
	int64_t id = px_strmap_get(g->keys, k, strlen(k));
	free(k);
	if (id >= 0)
		return mention_text(places, g->canon[id], g->canon_len[id], at, NULL);
	return mention_text(places, name, strlen(name), at, NULL);
}

int px_meta_find_people(struct people *p)
{
	int rc = scan_names(p);
	if (!rc)
		rc = classify_runs(p);
	if (!rc)
		rc = merge_people(p);
	return rc;
}
