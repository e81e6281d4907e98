/* posindex.c - open addressing with linear probing over (pointer, number)
 * keys; the table doubles at three quarters full, so a list of n entries
 * costs O(n) to index and O(1) per lookup on average. */
#include "posindex.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct slot {
    const void *p; /* NULL: empty (no list entry has a NULL key) */
    size_t k, pos;
} slot;

struct kg_posindex {
    slot *slots;
    size_t cap, n; /* cap: 0 or a power of two */
};

static size_t hash_key(const void *p, size_t k)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)k + 0x632BE59BD9B4E019u + (h << 6) + (h >> 2);
    h ^= h >> 29;
    return (size_t)(h * 0xBF58476D1CE4E5B9u);
}

kg_posindex *kg_posindex_new(void)
{
    return calloc(1, sizeof(kg_posindex));
}

void kg_posindex_free(kg_posindex *ix)
{
    if (!ix)
        return;
    free(ix->slots);
    free(ix);
}

void kg_posindex_clear(kg_posindex *ix)
{
    for (size_t i = 0; i < ix->cap; i++)
        ix->slots[i].p = NULL;
    ix->n = 0;
}

static slot *probe(slot *slots, size_t cap, const void *p, size_t k)
{
    size_t i = hash_key(p, k) & (cap - 1);
    while (slots[i].p && (slots[i].p != p || slots[i].k != k))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static bool grow(kg_posindex *ix)
{
    size_t cap = ix->cap ? 2 * ix->cap : 16;
    if (cap > SIZE_MAX / sizeof(slot))
        return false;
    slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < ix->cap; i++)
        if (ix->slots[i].p)
            *probe(slots, cap, ix->slots[i].p, ix->slots[i].k) = ix->slots[i];
    free(ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    return true;
}

kg_status kg_posindex_put(kg_posindex *ix, const void *p, size_t k, size_t pos)
{
    if (!p)
        return KG_ERR_USAGE;
    if (4 * (ix->n + 1) > 3 * ix->cap && !grow(ix))
        return KG_ERR_NOMEM;
    slot *s = probe(ix->slots, ix->cap, p, k);
    if (!s->p) {
        s->p = p;
        s->k = k;
        ix->n++;
    }
    s->pos = pos;
    return KG_OK;
}

bool kg_posindex_find(const kg_posindex *ix, const void *p, size_t k, size_t *pos)
{
    if (!ix->cap)
        return false;
    const slot *s = probe(ix->slots, ix->cap, p, k);
    if (!s->p)
        return false;
    *pos = s->pos;
    return true;
}
