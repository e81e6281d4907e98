/* multimap.c - one kg_strmap from key to the head of a singly linked list,
 * the list cells in one growing array: a value costs one cell, and a key
 * with a single value no allocation of its own. */
#include "multimap.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"

typedef struct cell {
    size_t value;
    size_t next;
} cell;

struct kg_multimap {
    kg_strmap *heads; /* key -> index of its latest cell */
    kg_vec cells;     /* cell */
};

kg_multimap *kg_multimap_new(void)
{
    kg_multimap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->heads = kg_strmap_new();
    if (!m->heads) {
        free(m);
        return NULL;
    }
    kg_vec_init(&m->cells, sizeof(cell));
    return m;
}

void kg_multimap_free(kg_multimap *m)
{
    if (!m)
        return;
    kg_strmap_free(m->heads);
    kg_vec_free(&m->cells);
    free(m);
}

kg_status kg_multimap_addn(kg_multimap *m, const char *key, size_t len, size_t value)
{
    cell c = {value, KG_MULTIMAP_END};
    (void)kg_strmap_getn(m->heads, key, len, &c.next);
    if (!kg_vec_push(&m->cells, &c))
        return KG_ERR_NOMEM;
    if (kg_strmap_putn(m->heads, key, len, m->cells.len - 1) != KG_OK) {
        m->cells.len--;
        return KG_ERR_NOMEM;
    }
    return KG_OK;
}

kg_status kg_multimap_add(kg_multimap *m, const char *key, size_t value)
{
    return kg_multimap_addn(m, key, strlen(key), value);
}

size_t kg_multimap_first(const kg_multimap *m, const char *key, size_t len)
{
    size_t it;
    return kg_strmap_getn(m->heads, key, len, &it) ? it : KG_MULTIMAP_END;
}

size_t kg_multimap_next(const kg_multimap *m, size_t it)
{
    return ((const cell *)kg_vec_at(&m->cells, it))->next;
}

size_t kg_multimap_value(const kg_multimap *m, size_t it)
{
    return ((const cell *)kg_vec_at(&m->cells, it))->value;
}
