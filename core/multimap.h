/* multimap.h - a string-keyed map to lists of size_t values.
 *
 * Values are only ever added: a key's list holds every value put under it,
 * the latest first, duplicates included.  What a list means when its values
 * go stale is the caller's business (the entity finder checks each one).
 * Iteration: for (size_t it = kg_multimap_first(m, k, n); it != KG_MULTIMAP_END;
 * it = kg_multimap_next(m, it)) use kg_multimap_value(m, it).
 */
#ifndef KG_MULTIMAP_H
#define KG_MULTIMAP_H

#include <stddef.h>
#include <stdint.h>

#include "kg/base.h"

#define KG_MULTIMAP_END SIZE_MAX

typedef struct kg_multimap kg_multimap;

kg_multimap *kg_multimap_new(void);
void kg_multimap_free(kg_multimap *m);

/* Adds value to key's list.  KG_ERR_NOMEM on failure. */
kg_status kg_multimap_addn(kg_multimap *m, const char *key, size_t len, size_t value);
kg_status kg_multimap_add(kg_multimap *m, const char *key, size_t value);

size_t kg_multimap_first(const kg_multimap *m, const char *key, size_t len);
size_t kg_multimap_next(const kg_multimap *m, size_t it);
size_t kg_multimap_value(const kg_multimap *m, size_t it);

#endif
