/* list_order.h - putting a list back in order when only its tail is new.
 *
 * The graph's lists (documents, a node's documents, an edge's evidence) grow
 * by appending; while entries arrive in order nothing is to be done, and
 * when some did not, the list is mended once, when it is next read, rather
 * than by moving half the list at every insertion (which made 200,000
 * documents naming one person cost the square of that).  Mending a list of
 * n entries whose first `sorted` are in order costs O(n + k log k) for the
 * k others: they are sorted (a stable merge sort, so equal keys keep their
 * arrival order) and merged with the rest.
 */
#ifndef KG_LIST_ORDER_H
#define KG_LIST_ORDER_H

#include <stddef.h>

#include "kg/base.h"

/* Compares entries a and b of the list ctx (negative, 0, positive). */
typedef int (*kg_list_cmp)(const void *ctx, size_t a, size_t b);

/* Fills from[0..n) with the entry that goes to each position once the list
 * is in order, given that entries [0, sorted) already are: from[i] = j
 * means position i takes entry j.  KG_ERR_NOMEM on failure. */
kg_status kg_list_order_tail(size_t sorted, size_t n, kg_list_cmp cmp, const void *ctx,
                             size_t *from);
/* Moves the n entries of size bytes at base as from says.  KG_ERR_NOMEM on
 * failure, with base unchanged. */
kg_status kg_list_order_apply(void *base, size_t n, size_t size, const size_t *from);

#endif
