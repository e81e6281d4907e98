/* json_build.c - see json_build.h. */
#include "json_build.h"

json_t *kg_json_str(kg_json_builder *b, const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (!v && !b->bad_string && s)
        b->bad_string = s;
    return v;
}

json_t *kg_json_num(size_t n)
{
    return json_integer((json_int_t)n);
}

bool kg_json_put(kg_json_builder *b, json_t *obj, const char *key, json_t *value)
{
    if (!obj || !value || json_object_set_new(obj, key, value) != 0) {
        if (!obj)
            json_decref(value);
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

bool kg_json_push(kg_json_builder *b, json_t *arr, json_t *value)
{
    if (!arr || !value || json_array_append_new(arr, value) != 0) {
        if (!arr)
            json_decref(value);
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

json_t *kg_json_done(json_t *o, bool ok)
{
    if (ok)
        return o;
    json_decref(o);
    return NULL;
}

bool kg_json_put_if(kg_json_builder *b, json_t *o, const char *key, json_t *v, bool ok)
{
    return kg_json_put(b, o, key, kg_json_done(v, ok));
}

json_t *kg_json_strings(kg_json_builder *b, const char *const *items, size_t n)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; i < n && ok; i++)
        ok = kg_json_push(b, arr, kg_json_str(b, items[i]));
    return kg_json_done(arr, ok);
}

kg_status kg_json_builder_error(const kg_json_builder *b, kg_error *err)
{
    if (b->bad_string)
        return kg_error_set(err, KG_ERR_INPUT, "json: not valid UTF-8: \"%.60s\"", b->bad_string);
    return kg_error_set(err, KG_ERR_NOMEM, "json: out of memory");
}
