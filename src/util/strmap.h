/*
 * strmap: a string -> integer id map with open addressing (FNV-1a), keys
 * copied into an internal arena. Ids are dense, in insertion order, so
 * callers can keep per-id data in plain arrays.
 */
#ifndef PX_STRMAP_H
#define PX_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct px_strmap px_strmap;

int px_strmap_new(px_strmap **out);
void px_strmap_free(px_strmap *m);

/* Id of key (len bytes), or -1 when absent. */
int64_t px_strmap_get(const px_strmap *m, const char *key, size_t len);

/* Id of key, inserting it with the next id when absent (*added = 1). */
int px_strmap_intern(px_strmap *m, const char *key, size_t len, int64_t *id, int *added);

size_t px_strmap_count(const px_strmap *m);

/* The key of an id (NUL-terminated, stable until free). */
const char *px_strmap_key(const px_strmap *m, int64_t id, size_t *len);

uint64_t px_hash(const char *s, size_t len);
/* px_hash of the concatenation: h = px_hash(a), then px_hash_more(h, b) hashes a then b. */
uint64_t px_hash_more(uint64_t h, const char *s, size_t len);

#endif
