/* strmap.c - linear probing over a power-of-two table, FNV-1a hashes,
 * grown at 50% load, keys in one arena.  No deletion: kg builds maps and
 * then only reads them.
 *
 * The lexicon puts some 120,000 words at every start: at 70% load an insert
 * probed ~6 slots and each key was its own malloc, which made the maps half
 * of kg's start-up (0.12 s for `kg entities` on one line); 50% load and an
 * arena for keys cut that to the numbers in the commit that made them. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

typedef struct slot {
    char *key;
    size_t len;
    size_t hash;
    size_t value;
} slot;

struct kg_strmap {
    slot *slots;
    size_t cap;
    size_t count;
    kg_arena *keys;
};

static size_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return (size_t)h;
}

kg_strmap *kg_strmap_new(void)
{
    kg_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->cap = 16;
    m->slots = calloc(m->cap, sizeof *m->slots);
    m->keys = kg_arena_new();
    if (!m->slots || !m->keys) {
        free(m->slots);
        kg_arena_free(m->keys);
        free(m);
        return NULL;
    }
    return m;
}

void kg_strmap_free(kg_strmap *m)
{
    if (!m)
        return;
    kg_arena_free(m->keys);
    free(m->slots);
    free(m);
}

static slot *find(const kg_strmap *m, const char *key, size_t len, size_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

static kg_status grow(kg_strmap *m)
{
    size_t cap = m->cap * 2;
    slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return KG_ERR_NOMEM;
    slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return KG_OK;
}

kg_status kg_strmap_putn(kg_strmap *m, const char *key, size_t len, size_t value)
{
    if ((m->count + 1) * 2 > m->cap && grow(m) != KG_OK)
        return KG_ERR_NOMEM;
    size_t h = hash_bytes(key, len);
    slot *s = find(m, key, len, h);
    if (!s->key) {
        s->key = kg_arena_strndup(m->keys, key, len);
        if (!s->key)
            return KG_ERR_NOMEM;
        s->len = len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return KG_OK;
}

kg_status kg_strmap_put(kg_strmap *m, const char *key, size_t value)
{
    return kg_strmap_putn(m, key, strlen(key), value);
}

bool kg_strmap_getn(const kg_strmap *m, const char *key, size_t len, size_t *value)
{
    const slot *s = find(m, key, len, hash_bytes(key, len));
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

bool kg_strmap_get(const kg_strmap *m, const char *key, size_t *value)
{
    return kg_strmap_getn(m, key, strlen(key), value);
}

size_t kg_strmap_count(const kg_strmap *m)
{
    return m->count;
}

size_t kg_strmap_capacity(const kg_strmap *m)
{
    return m->cap;
}

const char *kg_strmap_slot(const kg_strmap *m, size_t i, size_t *value)
{
    if (i >= m->cap || !m->slots[i].key)
        return NULL;
    if (value)
        *value = m->slots[i].value;
    return m->slots[i].key;
}
