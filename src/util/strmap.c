/* strmap: string -> dense id map. */
#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "strmap.h"
#include "vec.h"

typedef struct {
	size_t off; /* key offset in the arena */
	uint32_t len;
} entry;

struct px_strmap {
	int64_t *slots; /* id + 1, 0 = empty */
	size_t nslots;
	entry *entries;
	size_t n, cap;
	char *arena;
	size_t alen, acap;
};

uint64_t px_hash_more(uint64_t h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

uint64_t px_hash(const char *s, size_t len)
{
	return px_hash_more(1469598103934665603ULL, s, len);
}

int px_strmap_new(px_strmap **out)
{
	px_strmap *m = calloc(1, sizeof *m);
	if (!m)
		return PRECIS_ENOMEM;
	m->nslots = 64;
	m->slots = calloc(m->nslots, sizeof *m->slots);
	if (!m->slots) {
		free(m);
		return PRECIS_ENOMEM;
	}
	*out = m;
	return 0;
}

void px_strmap_free(px_strmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m->entries);
	free(m->arena);
	free(m);
}

static size_t find_slot(const px_strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t mask = m->nslots - 1, i = (size_t)h & mask;
	for (;;) {
		int64_t v = m->slots[i];
		if (v == 0)
			return i;
		const entry *e = &m->entries[v - 1];
		if (e->len == len && memcmp(m->arena + e->off, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

int64_t px_strmap_get(const px_strmap *m, const char *key, size_t len)
{
	size_t i = find_slot(m, key, len, px_hash(key, len));
	return m->slots[i] - 1;
}

static int grow(px_strmap *m)
{
	size_t ns = m->nslots * 2;
	int64_t *slots = calloc(ns, sizeof *slots);
	if (!slots)
		return PRECIS_ENOMEM;
	for (size_t id = 0; id < m->n; id++) {
		const entry *e = &m->entries[id];
		size_t i = (size_t)px_hash(m->arena + e->off, e->len) & (ns - 1);
		while (slots[i])
			i = (i + 1) & (ns - 1);
		slots[i] = (int64_t)id + 1;
	}
	free(m->slots);
	m->slots = slots;
	m->nslots = ns;
	return 0;
}

int px_strmap_intern(px_strmap *m, const char *key, size_t len, int64_t *id, int *added)
{
	uint64_t h = px_hash(key, len);
	size_t i = find_slot(m, key, len, h);
	if (m->slots[i]) {
		*id = m->slots[i] - 1;
		if (added)
			*added = 0;
		return 0;
	}
	if (len > UINT32_MAX)
		return PRECIS_ETOOBIG;
	if (px_vec_reserve((void **)&m->entries, &m->cap, m->n + 1, sizeof *m->entries) != 0 ||
	    px_vec_reserve((void **)&m->arena, &m->acap, m->alen + len + 1, 1) != 0)
		return PRECIS_ENOMEM;
	memcpy(m->arena + m->alen, key, len);
	m->arena[m->alen + len] = '\0';
	m->entries[m->n] = (entry){ m->alen, (uint32_t)len };
	m->alen += len + 1;
	m->slots[i] = (int64_t)m->n + 1;
	*id = (int64_t)m->n;
	m->n++;
	if (added)
		*added = 1;
	if (m->n * 2 > m->nslots)
		return grow(m);
	return 0;
}

size_t px_strmap_count(const px_strmap *m)
{
	return m->n;
}

const char *px_strmap_key(const px_strmap *m, int64_t id, size_t *len)
{
	const entry *e = &m->entries[id];
	if (len)
		*len = e->len;
	return m->arena + e->off;
}
