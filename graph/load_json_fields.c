/* load_json_fields.c - the JSON loader's path, its messages and its typed
 * fields (load_json_internal.h), for every other part of it.
 *
 * Each value the loader uses is checked here against the type it must have,
 * and a failure names the field by its path in the file ("nodes[3].type",
 * "elements.nodes[3].data.type"), because jansson keeps no positions for
 * values, only for syntax errors.  The path is one buffer in the loader that
 * grows as a record is entered and is cut back as it is left.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "load_json_internal.h"

kg_status kg_load_fail(kg_loader *l, const char *key, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *dot = l->path_len && key ? "." : "";
    return kg_error_set(l->err, KG_ERR_INPUT, "%s: %s%s%s%s%s", l->name, l->path, dot,
                        key ? key : "", l->path_len || key ? ": " : "", what);
}

size_t kg_load_enter(kg_loader *l, const char *fmt, ...)
{
    size_t mark = l->path_len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->path + mark, sizeof l->path - mark, fmt, ap);
    va_end(ap);
    l->path_len = n < 0 ? mark : strlen(l->path);
    return mark;
}

void kg_load_leave(kg_loader *l, size_t mark)
{
    l->path_len = mark;
    l->path[mark] = '\0';
}

const char *kg_load_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a real number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "something else";
}

kg_status kg_load_nomem(kg_loader *l)
{
    return kg_error_set(l->err, KG_ERR_NOMEM, "%s: out of memory", l->name);
}

/* The value of key in obj, checked against want (JSON_INTEGER also takes
 * nothing else; JSON_REAL takes any number; JSON_TRUE any boolean).  *v is
 * NULL when the key is absent and not required. */
kg_status kg_load_field(kg_loader *l, const json_t *obj, const char *key, json_type want,
                        bool required, const char *expected, json_t **v)
{
    *v = json_object_get(obj, key);
    if (!*v) {
        if (required)
            return kg_load_fail(l, key, "missing (expected %s)", expected);
        return KG_OK;
    }
    json_type t = json_typeof(*v);
    bool ok = t == want || (want == JSON_REAL && t == JSON_INTEGER) ||
              (want == JSON_TRUE && t == JSON_FALSE);
    if (!ok)
        return kg_load_fail(l, key, "expected %s, not %s", expected, kg_load_kind(*v));
    return KG_OK;
}

kg_status kg_load_get_string(kg_loader *l, const json_t *obj, const char *key, bool required,
                             const char **out)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, key, JSON_STRING, required, "a string", &v);
    if (st == KG_OK && v)
        *out = json_string_value(v);
    return st;
}

kg_status kg_load_get_id(kg_loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = kg_load_get_string(l, obj, key, true, out);
    if (st == KG_OK && (!*out || !**out))
        return kg_load_fail(l, key, "expected a non-empty string");
    return st;
}

/* A document id that graph.documents declares: evidence and mentions of a
 * document the graph does not list would be written back without it. */
kg_status kg_load_get_doc(kg_loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = kg_load_get_id(l, obj, key, out);
    if (st == KG_OK && !kg_strmap_get(l->docs, *out, NULL))
        return kg_load_fail(l, key, "document \"%s\" is not in graph.documents", *out);
    return st;
}

/* "" or a YYYY-MM-DD that names a day. */
kg_status kg_load_get_date(kg_loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = kg_load_get_string(l, obj, key, false, out);
    if (st == KG_OK && **out && (strlen(*out) != 10 || !kg_date_check(*out)))
        return kg_load_fail(l, key, "\"%s\" is not a date (YYYY-MM-DD, or \"\")", *out);
    return st;
}

kg_status kg_load_get_size(kg_loader *l, const json_t *obj, const char *key, bool required,
                           size_t *out)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, key, JSON_INTEGER, required, "a non-negative integer", &v);
    if (st != KG_OK || !v)
        return st;
    json_int_t n = json_integer_value(v);
    if (n < 0)
        return kg_load_fail(l, key, "expected a non-negative integer, not %lld", (long long)n);
    *out = (size_t)n;
    return KG_OK;
}

kg_status kg_load_get_long(kg_loader *l, const json_t *obj, const char *key, long *out)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, key, JSON_INTEGER, true, "an integer", &v);
    if (st == KG_OK)
        *out = (long)json_integer_value(v);
    return st;
}

kg_status kg_load_get_number(kg_loader *l, const json_t *obj, const char *key, bool required,
                             double *out)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, key, JSON_REAL, required, "a number", &v);
    if (st == KG_OK && v)
        *out = json_number_value(v);
    return st;
}

kg_status kg_load_get_bool(kg_loader *l, const json_t *obj, const char *key, bool *out)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, key, JSON_TRUE, false, "true or false", &v);
    if (st == KG_OK && v)
        *out = json_is_true(v);
    return st;
}

/* An array of objects (or of strings: items = JSON_STRING); *out NULL when absent. */
kg_status kg_load_get_array(kg_loader *l, const json_t *obj, const char *key, bool required,
                            json_type items, json_t **out)
{
    const char *expected = items == JSON_STRING ? "an array of strings" : "an array of objects";
    kg_status st = kg_load_field(l, obj, key, JSON_ARRAY, required, expected, out);
    if (st != KG_OK || !*out)
        return st;
    size_t i;
    json_t *v;
    json_array_foreach(*out, i, v)
    {
        if (json_typeof(v) != items) {
            size_t mark = kg_load_enter(l, "%s%s[%zu]", l->path_len ? "." : "", key, i);
            st = kg_load_fail(l, NULL, "expected %s, not %s",
                              items == JSON_STRING ? "a string" : "an object", kg_load_kind(v));
            kg_load_leave(l, mark);
            return st;
        }
    }
    return KG_OK;
}

/* An object member of an array entry, NULL when absent; KG_ERR_INPUT when
 * required and absent, or not an object. */
kg_status kg_load_get_object(kg_loader *l, const json_t *el, const char *key, bool required,
                             json_t **out)
{
    return kg_load_field(l, el, key, JSON_OBJECT, required, "an object", out);
}
