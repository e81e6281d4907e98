/* posindex.h - where each entry of a list is: (pointer, number) -> position.
 *
 * For the graph's long lists (a node's documents, an edge's evidence), whose
 * entries are found by an interned string (equal strings are equal
 * pointers) and a number.  Keys are compared as given, never dereferenced.
 * A key has at most one position; putting it again replaces the position.
 * Lookups never allocate.
 */
#ifndef KG_POSINDEX_H
#define KG_POSINDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/base.h"

typedef struct kg_posindex kg_posindex;

kg_posindex *kg_posindex_new(void);
void kg_posindex_free(kg_posindex *ix);
/* Forgets every key, keeping the memory. */
void kg_posindex_clear(kg_posindex *ix);
/* Sets key (p, k) to pos.  KG_ERR_NOMEM on failure, the index unchanged. */
kg_status kg_posindex_put(kg_posindex *ix, const void *p, size_t k, size_t pos);
/* True, with *pos set, when (p, k) is present. */
bool kg_posindex_find(const kg_posindex *ix, const void *p, size_t k, size_t *pos);

#endif
