/* strmap.h - a string-keyed hash map to size_t values (open addressing).
 *
 * Keys are copied and owned by the map.  Values are indices or small numbers;
 * a set is a map whose values are ignored.  Lookups never allocate and are
 * safe from several threads as long as nobody writes.
 */
#ifndef KG_STRMAP_H
#define KG_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kg/base.h"

typedef struct kg_strmap kg_strmap;

kg_strmap *kg_strmap_new(void);
void kg_strmap_free(kg_strmap *m);

/* Inserts key -> value, replacing an existing value.  KG_ERR_NOMEM on failure. */
kg_status kg_strmap_put(kg_strmap *m, const char *key, size_t value);
kg_status kg_strmap_putn(kg_strmap *m, const char *key, size_t len, size_t value);
/* True and *value (if non-NULL) set when key is present. */
bool kg_strmap_get(const kg_strmap *m, const char *key, size_t *value);
bool kg_strmap_getn(const kg_strmap *m, const char *key, size_t len, size_t *value);
size_t kg_strmap_count(const kg_strmap *m);

/* Iteration in unspecified order: i from 0 to kg_strmap_capacity; slots that
 * are empty return NULL. */
size_t kg_strmap_capacity(const kg_strmap *m);
const char *kg_strmap_slot(const kg_strmap *m, size_t i, size_t *value);

/* Frozen images: a map written out as its table, to be used later where it
 * lies (a mapped file) with no rebuilding.  kg_strmap_freeze writes m's
 * image (a multiple of 8 bytes); KG_ERR_INPUT if a value or the key bytes
 * exceed 32 bits, KG_ERR_IO if out fails.  kg_strmap_thaw views the image at
 * image (8-aligned, avail bytes readable) without copying, sets *used to
 * its size and returns the map, or NULL if the head is malformed.  The
 * image must outlive the map.  Every read of a frozen map is bounds-checked
 * and every probe walk bounded, so a damaged image gives wrong answers but
 * no crash or hang.  Writing to a frozen map first copies it. */
kg_status kg_strmap_freeze(const kg_strmap *m, FILE *out);
kg_strmap *kg_strmap_thaw(const void *image, size_t avail, size_t *used);

#endif
