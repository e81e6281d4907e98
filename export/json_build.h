/* json_build.h - building a jansson tree that remembers the first failure:
 * out of memory, or a string that is not UTF-8 (export/ only, not
 * installed).  The graph JSON (json.c) and the diff JSON (diff_json.c) are
 * built with it.
 *
 * Calls chain with &&: kg_json_put and kg_json_push take ownership of the
 * value they are given, also when they fail, and a NULL value (or object) is
 * an earlier failure passed on, so a chain stops at the first failure and
 * leaks nothing.  Failures are sticky: the first one decides the message.
 */
#ifndef KG_JSON_BUILD_H
#define KG_JSON_BUILD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "kg/base.h"

typedef struct kg_json_builder {
    bool nomem;
    const char *bad_string; /* a string jansson refused (not UTF-8) */
} kg_json_builder;

/* s as a JSON string ("" for NULL); NULL, noting s, when it is not UTF-8. */
json_t *kg_json_str(kg_json_builder *b, const char *s);
json_t *kg_json_num(size_t n);
/* value under key in obj, or appended to arr; false when it did not go in. */
bool kg_json_put(kg_json_builder *b, json_t *obj, const char *key, json_t *value);
bool kg_json_push(kg_json_builder *b, json_t *arr, json_t *value);
/* o if everything put into it went in (ok), else NULL (and o is released). */
json_t *kg_json_done(json_t *o, bool ok);
/* Puts v under key if everything so far went well (ok), else releases it:
 * v is consumed either way. */
bool kg_json_put_if(kg_json_builder *b, json_t *o, const char *key, json_t *v, bool ok);
/* The n strings as an array. */
json_t *kg_json_strings(kg_json_builder *b, const char *const *items, size_t n);
/* The first failure as an error: KG_ERR_INPUT naming the string that is not
 * UTF-8, else KG_ERR_NOMEM. */
kg_status kg_json_builder_error(const kg_json_builder *b, kg_error *err);

#endif
