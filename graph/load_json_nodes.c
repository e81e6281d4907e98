/* load_json_nodes.c - a graph file's nodes read back (load_json_internal.h):
 * each node's id, label, type, aliases, roles, codes, first mention,
 * documents and metrics, checked and handed to kg_graph_put_node.
 *
 * A node_view says where each style keeps a node's parts.  The metrics are
 * only collected here: load_json.c restores them once the whole graph is
 * in, because any change to nodes or edges clears them.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_json_internal.h"

static kg_status read_code(kg_loader *l, const json_t *n, const char *key, char *dst, size_t len)
{
    const char *code = NULL;
    kg_status st = kg_load_get_string(l, n, key, false, &code);
    if (st != KG_OK || !code || !*code)
        return st;
    if (strlen(code) != len)
        return kg_load_fail(l, key, "expected a code of %zu letters, not \"%s\"", len, code);
    memcpy(dst, code, len + 1);
    return KG_OK;
}

/* A list of strings into a fresh array (the strings stay jansson's). */
static kg_status read_strings(kg_loader *l, const json_t *n, const char *key, const char ***out,
                              size_t *count)
{
    json_t *arr;
    *out = NULL;
    *count = 0;
    kg_status st = kg_load_get_array(l, n, key, false, JSON_STRING, &arr);
    if (st != KG_OK || !arr || json_array_size(arr) == 0)
        return st;
    const char **items = malloc(json_array_size(arr) * sizeof *items);
    if (!items)
        return kg_load_nomem(l);
    for (size_t i = 0; i < json_array_size(arr); i++)
        items[i] = json_string_value(json_array_get(arr, i));
    *out = items;
    *count = json_array_size(arr);
    return KG_OK;
}

static kg_status read_first_mention(kg_loader *l, const json_t *n, kg_node *spec)
{
    json_t *first;
    kg_status st = kg_load_field(l, n, "first_mention", JSON_OBJECT, false, "an object", &first);
    if (st != KG_OK || !first)
        return st;
    size_t mark = kg_load_enter(l, ".first_mention");
    st = kg_load_get_doc(l, first, "doc", &spec->first_doc);
    if (st == KG_OK)
        st = kg_load_get_size(l, first, "offset", true, &spec->first_offset);
    if (st == KG_OK)
        st = kg_load_get_size(l, first, "cp", true, &spec->first_cp);
    kg_load_leave(l, mark);
    return st;
}

static kg_status read_node_docs(kg_loader *l, const json_t *n, kg_node *spec, size_t *sum)
{
    json_t *docs;
    *sum = 0;
    kg_status st = kg_load_get_array(l, n, "documents", false, JSON_OBJECT, &docs);
    if (st != KG_OK || !docs || json_array_size(docs) == 0)
        return st;
    kg_doc_count *dc = calloc(json_array_size(docs), sizeof *dc);
    if (!dc)
        return kg_load_nomem(l);
    spec->docs = dc;
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        size_t mark = kg_load_enter(l, ".documents[%zu]", i);
        st = kg_load_get_doc(l, d, "id", &dc[i].doc);
        if (st == KG_OK)
            st = kg_load_get_size(l, d, "mentions", true, &dc[i].mentions);
        kg_load_leave(l, mark);
        if (st != KG_OK)
            return st;
        *sum = kg_graph_count_add(*sum, dc[i].mentions);
        spec->n_docs++;
    }
    return KG_OK;
}

static const char *const metric_keys[] = {"degree",      "weighted_degree", "pagerank",
                                          "betweenness", "component",       "community"};

/* The metrics in n's "metrics" object, or (flat) among n's other keys, as
 * the styles other than node-link put them.  *has: whether there were any. */
static kg_status read_metrics(kg_loader *l, const json_t *n, bool flat, bool *has,
                              kg_load_metrics *m)
{
    json_t *o = NULL;
    kg_status st = KG_OK;
    size_t mark = l->path_len;
    if (flat) {
        o = (json_t *)n;
        *has = false;
        for (size_t k = 0; k < sizeof metric_keys / sizeof metric_keys[0]; k++)
            *has = *has || json_object_get(n, metric_keys[k]);
    } else {
        st = kg_load_field(l, n, "metrics", JSON_OBJECT, false, "an object", &o);
        *has = st == KG_OK && o;
        if (*has)
            mark = kg_load_enter(l, ".metrics");
    }
    if (!*has)
        return st;
    st = kg_load_get_number(l, o, "degree", true, &m->degree);
    if (st == KG_OK)
        st = kg_load_get_number(l, o, "weighted_degree", true, &m->weighted_degree);
    if (st == KG_OK)
        st = kg_load_get_number(l, o, "pagerank", true, &m->pagerank);
    if (st == KG_OK)
        st = kg_load_get_number(l, o, "betweenness", true, &m->betweenness);
    if (st == KG_OK)
        st = kg_load_get_long(l, o, "component", &m->component);
    if (st == KG_OK)
        st = kg_load_get_long(l, o, "community", &m->community);
    kg_load_leave(l, mark);
    return st;
}

/* Checks that graph.c kept as many entries as the file gave: fewer means one
 * was repeated (and merged), which would not survive the round trip. */
static kg_status check_kept(kg_loader *l, const char *key, size_t given, size_t kept)
{
    if (kept < given)
        return kg_load_fail(l, key, "an entry is listed twice");
    return KG_OK;
}

/* Where one node's attributes are, in its style.  A path ("", ".data") is
 * where an object is from the node's own entry, for messages. */
typedef struct node_view {
    const char *id;        /* JSON Graph Format: the node's key; NULL: id_key of id_obj */
    const json_t *id_obj;  /* holds the id */
    const char *id_key;    /* "id", or graphology's "key" */
    const char *id_at;     /* id_obj's path */
    const json_t *label;   /* holds "label" */
    const char *label_at;  /* its path */
    const json_t *fields;  /* holds the rest (may be NULL: none given) */
    const char *fields_at; /* its path */
    const char *type_key;  /* "type", or graphology's "entity_type" */
    bool flat_metrics;     /* metrics beside the rest, not in "metrics" */
} node_view;

/* Whether metrics are on every node: -1 before the first, then 0 or 1. */
static kg_status check_metrics(kg_loader *l, const node_view *v, int *analyzed, bool has)
{
    const char *key = v->flat_metrics ? "degree" : "metrics";
    if (*analyzed < 0) {
        *analyzed = has;
        return KG_OK;
    }
    char first[64];
    if (l->style == KG_LOAD_JGF)
        snprintf(first, sizeof first, "the first node");
    else
        snprintf(first, sizeof first, "%s[0]", l->nodes_at);
    if (has && !*analyzed)
        return kg_load_fail(l, key, "present, but %s has none", first);
    if (!has && *analyzed)
        return v->flat_metrics ? kg_load_fail(l, key, "missing, but %s has metrics", first)
                               : kg_load_fail(l, key, "missing, but %s has them", first);
    return KG_OK;
}

static kg_status read_node_id(kg_loader *l, const node_view *v, kg_node *spec)
{
    kg_status st = KG_OK;
    const char *key = v->id_key;
    size_t mark = kg_load_enter(l, "%s", v->id ? "" : v->id_at);
    if (v->id) {
        spec->id = v->id;
        key = NULL;
        if (!*spec->id)
            st = kg_load_fail(l, NULL, "an empty key is no node id");
    } else {
        st = kg_load_get_id(l, v->id_obj, v->id_key, &spec->id);
    }
    if (st == KG_OK) {
        long dup = kg_graph_find_node(l->g, spec->id);
        if (dup >= 0)
            st = kg_load_fail(l, key, "\"%s\" is already the id of %s[%ld]", spec->id, l->nodes_at,
                              dup);
    }
    if (st == KG_OK) {
        kg_load_leave(l, mark);
        mark = kg_load_enter(l, "%s", v->label_at);
        spec->label = spec->id;
        st = kg_load_get_string(l, v->label, "label", false, &spec->label);
    }
    kg_load_leave(l, mark);
    return st;
}

/* Everything but the id and label, at fields_at. */
static kg_status read_node_fields(kg_loader *l, const node_view *v, kg_node *spec,
                                  bool *has_mentions, size_t *sum)
{
    const json_t *n = v->fields;
    const char *type = NULL;
    kg_status st = kg_load_get_string(l, n, v->type_key, true, &type);
    if (st == KG_OK) {
        if (!kg_entity_type_parse(type, &spec->type))
            st =
                kg_load_fail(l, v->type_key,
                             "unknown type \"%s\" (person, organization, country, location)", type);
    }
    if (st == KG_OK)
        st = read_strings(l, n, "aliases", &spec->aliases, &spec->n_aliases);
    if (st == KG_OK)
        st = read_strings(l, n, "roles", &spec->roles, &spec->n_roles);
    if (st == KG_OK)
        st = read_code(l, n, "iso2", spec->iso2, 2);
    if (st == KG_OK)
        st = read_code(l, n, "iso3", spec->iso3, 3);
    if (st == KG_OK)
        st = read_first_mention(l, n, spec);
    if (st == KG_OK)
        st = read_node_docs(l, n, spec, sum);
    if (st == KG_OK) {
        *has_mentions = json_object_get(n, "mentions") != NULL;
        spec->mentions = *sum;
        st = kg_load_get_size(l, n, "mentions", false, &spec->mentions);
    }
    if (st == KG_OK && spec->mentions < *sum)
        st = kg_load_fail(l, "mentions", "%zu is less than the sum over documents (%zu)",
                          spec->mentions, *sum);
    return st;
}

static kg_status read_node(kg_loader *l, const node_view *v, size_t at, int *analyzed,
                           kg_load_metrics *m)
{
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    size_t sum = 0;
    bool has_mentions = false, has_metrics = false;
    kg_status st = read_node_id(l, v, &spec);
    size_t mark = kg_load_enter(l, "%s", v->fields_at);
    if (st == KG_OK)
        st = read_node_fields(l, v, &spec, &has_mentions, &sum);
    if (st == KG_OK)
        st = read_metrics(l, v->fields, v->flat_metrics, &has_metrics, m);
    if (st == KG_OK)
        st = check_metrics(l, v, analyzed, has_metrics);

    size_t index = 0;
    if (st == KG_OK)
        st = kg_graph_put_node(l->g, &spec, &index, l->err);
    /* mentions outside any document: the graph keeps them apart */
    if (st == KG_OK && spec.n_docs && has_mentions && spec.mentions > sum) {
        kg_node rest = spec;
        rest.aliases = rest.roles = NULL;
        rest.n_aliases = rest.n_roles = 0;
        rest.docs = NULL;
        rest.n_docs = 0;
        rest.mentions = spec.mentions - sum;
        st = kg_graph_put_node(l->g, &rest, &index, l->err);
    }
    if (st == KG_OK && index != at) /* ids are unique, so each node is new */
        st = kg_load_fail(l, NULL, "could not be added as a new node");
    const kg_node *got = st == KG_OK ? kg_graph_node(l->g, index) : NULL;
    if (got) {
        st = check_kept(l, "aliases", spec.n_aliases, got->n_aliases);
        if (st == KG_OK)
            st = check_kept(l, "roles", spec.n_roles, got->n_roles);
        if (st == KG_OK)
            st = check_kept(l, "documents", spec.n_docs, got->n_docs);
    }
    kg_load_leave(l, mark);
    free(spec.aliases);
    free(spec.roles);
    free(spec.docs);
    return st;
}

/* The node view of entry el (or, JSON Graph Format, of key's value). */
static kg_status node_view_of(kg_loader *l, const json_t *el, const char *key, node_view *v)
{
    json_t *sub = NULL;
    kg_status st = KG_OK;
    *v = (node_view){NULL, el, "id", "", el, "", el, "", "type", false}; /* node-link */
    switch (l->style) {
    case KG_LOAD_NODE_LINK:
        break;
    case KG_LOAD_CYTOSCAPE:
        st = kg_load_get_object(l, el, "data", true, &sub);
        *v = (node_view){NULL, sub, "id", ".data", sub, ".data", sub, ".data", "type", true};
        break;
    case KG_LOAD_GRAPHOLOGY:
        st = kg_load_get_object(l, el, "attributes", false, &sub);
        *v = (node_view){NULL,          el,  "key", "", sub, ".attributes", sub, ".attributes",
                         "entity_type", true};
        break;
    case KG_LOAD_JGF:
        st = kg_load_get_object(l, el, "metadata", false, &sub);
        *v = (node_view){key, NULL, NULL, "", el, "", sub, ".metadata", "type", true};
        break;
    }
    return st;
}

/* The nodes: an array of entries (node-link, Cytoscape.js's elements.nodes,
 * graphology) or JSON Graph Format's object keyed by id, in its order. */
kg_status kg_load_read_nodes(kg_loader *l, const json_t *parent, const char *key,
                             kg_load_metrics **out, bool *analyzed)
{
    *out = NULL;
    *analyzed = false;
    json_t *nodes = NULL;
    kg_status st = l->style == KG_LOAD_JGF
                       ? kg_load_get_object(l, parent, key, true, &nodes)
                       : kg_load_get_array(l, parent, key, true, JSON_OBJECT, &nodes);
    if (st != KG_OK)
        return st;
    size_t count = json_is_array(nodes) ? json_array_size(nodes) : json_object_size(nodes);
    kg_load_metrics *m = calloc(count ? count : 1, sizeof *m);
    if (!m)
        return kg_load_nomem(l);
    int seen = -1;
    const char *id = NULL, *dot = l->path_len ? "." : "";
    bool keyed = json_is_object(nodes);
    void *it = keyed ? json_object_iter(nodes) : NULL;
    for (size_t i = 0; st == KG_OK && i < count; i++) {
        json_t *el;
        size_t mark;
        if (keyed) {
            id = json_object_iter_key(it);
            el = json_object_iter_value(it);
            it = json_object_iter_next(nodes, it);
            mark = kg_load_enter(l, "%s%s[\"%s\"]", dot, key, id);
            if (!json_is_object(el))
                st = kg_load_fail(l, NULL, "expected an object, not %s", kg_load_kind(el));
        } else {
            el = json_array_get(nodes, i);
            mark = kg_load_enter(l, "%s%s[%zu]", dot, key, i);
        }
        node_view v;
        if (st == KG_OK)
            st = node_view_of(l, el, id, &v);
        if (st == KG_OK)
            st = read_node(l, &v, i, &seen, &m[i]);
        kg_load_leave(l, mark);
    }
    if (st != KG_OK) {
        free(m);
        return st;
    }
    *analyzed = seen == 1;
    *out = m;
    return KG_OK;
}
