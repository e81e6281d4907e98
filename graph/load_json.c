/* load_json.c - the JSON that kg_export_json_styled writes, read back: kg's
 * node-link JSON and the Cytoscape.js, graphology and JSON Graph Format
 * styles, told apart by their top-level keys ("elements"; "options" or
 * "attributes"; a "graph" holding "nodes" and no top-level "nodes").
 *
 * jansson parses the whole text (duplicate keys refused); then one pass over
 * the graph's documents, nodes, edges and claims checks every field it uses
 * and hands each record to kg_graph_put_node/put_edge/put_claim, so the
 * merge rules of graph.c apply and igraph is brought up to date once, at the
 * end.  A style is a view: where a record keeps its id, label, attributes
 * and metrics (a node_view, an edge_view); the checks are the same for all.
 * A message names the field by its path in the file ("nodes[3].type",
 * "elements.nodes[3].data.type"), because jansson keeps no positions for
 * values, only for syntax errors.  Keys this reader does not know are
 * ignored.  Node-link edges are "edges" (what networkx 3.6 reads by default)
 * or "links" (schema versions 1 and 2 as kg wrote them, networkx before 3.6).
 *
 * Exact round trip: what a record says is given back in the form graph.c
 * stores it.  Mentions beyond the per-document counts, and support beyond the
 * evidence, go in as a second contribution without documents (or evidence);
 * metrics are restored as written, so loading and exporting in the same style
 * reproduces the file byte for byte (only node-link carries claims, so a
 * graph read from another style has none).  What the file cannot say is
 * where each alias or role was first seen, and which type each document gave
 * a node: every alias is taken as seen in the first document, and every
 * document as giving the node's type (see docs/json-format.md, "Merging").
 */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "graph_internal.h"
#include "strmap.h"

/* The JSON styles kg writes (export/json.c), told apart by their top-level
 * keys. */
typedef enum style { NODE_LINK, CYTOSCAPE, GRAPHOLOGY, JGF } style;

typedef struct loader {
    const char *name; /* the file, for messages */
    kg_error *err;
    kg_graph *g;
    kg_strmap *docs; /* graph.documents[].id: every other document id must be one */
    style style;
    const char *nodes_at; /* where the nodes are: "nodes", "elements.nodes", "graph.nodes" */
    const char *edges_at; /* "edges", "links", "elements.edges", "graph.edges" */
    char path[160];       /* the record being read: "nodes[3]", "edges[7].evidence[0]" */
    size_t path_len;
} loader;

typedef struct metrics {
    double degree, weighted_degree, pagerank, betweenness;
    long component, community;
} metrics;

/* ---------------------------------------------------------------- messages */

/* "NAME: PATH.key: what"; key may be NULL (the record itself). */
static kg_status fail(loader *l, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static kg_status fail(loader *l, const char *key, const char *fmt, ...)
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

/* Descends into a record: the path grows by the printf'd text; returns the
 * length to restore with leave. */
static size_t enter(loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static size_t enter(loader *l, const char *fmt, ...)
{
    size_t mark = l->path_len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->path + mark, sizeof l->path - mark, fmt, ap);
    va_end(ap);
    l->path_len = n < 0 ? mark : strlen(l->path);
    return mark;
}

static void leave(loader *l, size_t mark)
{
    l->path_len = mark;
    l->path[mark] = '\0';
}

static const char *kind(const json_t *v)
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

static kg_status nomem(loader *l)
{
    return kg_error_set(l->err, KG_ERR_NOMEM, "%s: out of memory", l->name);
}

/* ---------------------------------------------------------------- fields */

/* The value of key in obj, checked against want (JSON_INTEGER also takes
 * nothing else; JSON_REAL takes any number; JSON_TRUE any boolean).  *v is
 * NULL when the key is absent and not required. */
static kg_status field(loader *l, const json_t *obj, const char *key, json_type want, bool required,
                       const char *expected, json_t **v)
{
    *v = json_object_get(obj, key);
    if (!*v) {
        if (required)
            return fail(l, key, "missing (expected %s)", expected);
        return KG_OK;
    }
    json_type t = json_typeof(*v);
    bool ok = t == want || (want == JSON_REAL && t == JSON_INTEGER) ||
              (want == JSON_TRUE && t == JSON_FALSE);
    if (!ok)
        return fail(l, key, "expected %s, not %s", expected, kind(*v));
    return KG_OK;
}

static kg_status get_string(loader *l, const json_t *obj, const char *key, bool required,
                            const char **out)
{
    json_t *v;
    kg_status st = field(l, obj, key, JSON_STRING, required, "a string", &v);
    if (st == KG_OK && v)
        *out = json_string_value(v);
    return st;
}

static kg_status get_id(loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = get_string(l, obj, key, true, out);
    if (st == KG_OK && (!*out || !**out))
        return fail(l, key, "expected a non-empty string");
    return st;
}

/* A document id that graph.documents declares: evidence and mentions of a
 * document the graph does not list would be written back without it. */
static kg_status get_doc(loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = get_id(l, obj, key, out);
    if (st == KG_OK && !kg_strmap_get(l->docs, *out, NULL))
        return fail(l, key, "document \"%s\" is not in graph.documents", *out);
    return st;
}

/* "" or a YYYY-MM-DD that names a day. */
static kg_status get_date(loader *l, const json_t *obj, const char *key, const char **out)
{
    kg_status st = get_string(l, obj, key, false, out);
    if (st == KG_OK && **out && (strlen(*out) != 10 || !kg_date_check(*out)))
        return fail(l, key, "\"%s\" is not a date (YYYY-MM-DD, or \"\")", *out);
    return st;
}

static kg_status get_size(loader *l, const json_t *obj, const char *key, bool required, size_t *out)
{
    json_t *v;
    kg_status st = field(l, obj, key, JSON_INTEGER, required, "a non-negative integer", &v);
    if (st != KG_OK || !v)
        return st;
    json_int_t n = json_integer_value(v);
    if (n < 0)
        return fail(l, key, "expected a non-negative integer, not %lld", (long long)n);
    *out = (size_t)n;
    return KG_OK;
}

static kg_status get_long(loader *l, const json_t *obj, const char *key, long *out)
{
    json_t *v;
    kg_status st = field(l, obj, key, JSON_INTEGER, true, "an integer", &v);
    if (st == KG_OK)
        *out = (long)json_integer_value(v);
    return st;
}

static kg_status get_number(loader *l, const json_t *obj, const char *key, bool required,
                            double *out)
{
    json_t *v;
    kg_status st = field(l, obj, key, JSON_REAL, required, "a number", &v);
    if (st == KG_OK && v)
        *out = json_number_value(v);
    return st;
}

static kg_status get_bool(loader *l, const json_t *obj, const char *key, bool *out)
{
    json_t *v;
    kg_status st = field(l, obj, key, JSON_TRUE, false, "true or false", &v);
    if (st == KG_OK && v)
        *out = json_is_true(v);
    return st;
}

/* An array of objects (or of strings: items = JSON_STRING); *out NULL when absent. */
static kg_status get_array(loader *l, const json_t *obj, const char *key, bool required,
                           json_type items, json_t **out)
{
    const char *expected = items == JSON_STRING ? "an array of strings" : "an array of objects";
    kg_status st = field(l, obj, key, JSON_ARRAY, required, expected, out);
    if (st != KG_OK || !*out)
        return st;
    size_t i;
    json_t *v;
    json_array_foreach(*out, i, v)
    {
        if (json_typeof(v) != items) {
            size_t mark = enter(l, "%s%s[%zu]", l->path_len ? "." : "", key, i);
            st = fail(l, NULL, "expected %s, not %s",
                      items == JSON_STRING ? "a string" : "an object", kind(v));
            leave(l, mark);
            return st;
        }
    }
    return KG_OK;
}

/* ---------------------------------------------------------------- graph */

/* How each style is named in messages, and the --json-style that writes it. */
static const char *const style_title[] = {"node-link", "Cytoscape.js", "graphology",
                                          "JSON Graph Format"};
static const char *const style_option[] = {"node-link", "cytoscape", "graphology", "jgf"};

static style detect_style(const json_t *root)
{
    if (json_object_get(root, "elements"))
        return CYTOSCAPE;
    if (json_object_get(root, "options") || json_object_get(root, "attributes"))
        return GRAPHOLOGY;
    const json_t *graph = json_object_get(root, "graph");
    if (!json_object_get(root, "nodes") &&
        (json_object_get(root, "graphs") ||
         (json_is_object(graph) &&
          (json_object_get(graph, "nodes") || json_object_get(graph, "edges")))))
        return JGF;
    return NODE_LINK;
}

/* Another tool's file in a style kg writes: said once, naming the style,
 * rather than as the first field that kg's own writer would have put there. */
static kg_status not_kgs(loader *l, const char *what)
{
    return kg_error_set(l->err, KG_ERR_INPUT,
                        "%s: a %s file %s: kg reads the %s JSON that 'kg build --json-style %s' "
                        "writes, or node-link JSON",
                        l->name, style_title[l->style], what, style_title[l->style],
                        style_option[l->style]);
}

/* The graph's own record: parent's key (the path is parent's) holds
 * schema_version, generator and documents. */
static kg_status read_info(loader *l, const json_t *parent, const char *key)
{
    json_t *info = json_object_get(parent, key);
    if (l->style != NODE_LINK &&
        (!json_is_object(info) || !json_object_get(info, "schema_version")))
        return not_kgs(l, "without kg's schema_version");
    kg_status st = field(l, parent, key, JSON_OBJECT, true, "an object", &info);
    if (st != KG_OK)
        return st;
    size_t mark = enter(l, "%s%s", l->path_len ? "." : "", key);
    json_t *version = NULL, *docs = NULL;
    const char *generator;
    st = field(l, info, "schema_version", JSON_INTEGER, true, "an integer", &version);
    if (st == KG_OK &&
        (json_integer_value(version) < 1 || json_integer_value(version) > KG_JSON_SCHEMA_VERSION))
        st = fail(l, "schema_version",
                  "version %lld is not supported (this kg reads versions 1 to %d)",
                  (long long)json_integer_value(version), KG_JSON_SCHEMA_VERSION);
    if (st == KG_OK)
        st = get_string(l, info, "generator", false, &generator);
    if (st == KG_OK)
        st = get_array(l, info, "documents", false, JSON_OBJECT, &docs);
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        if (st != KG_OK)
            break;
        size_t m = enter(l, ".documents[%zu]", i);
        const char *id, *date = "";
        st = get_id(l, d, "id", &id);
        if (st == KG_OK)
            st = get_date(l, d, "date", &date);
        size_t before = kg_graph_doc_count(l->g);
        if (st == KG_OK)
            st = kg_graph_add_doc(l->g, id, date, l->err);
        if (st == KG_OK && kg_graph_doc_count(l->g) == before)
            st = fail(l, "id", "document \"%s\" is listed twice", id);
        if (st == KG_OK && kg_strmap_put(l->docs, id, i) != KG_OK)
            st = nomem(l);
        leave(l, m);
    }
    leave(l, mark);
    return st;
}

/* "directed" (node-link at the top, JSON Graph Format in its graph), when
 * given, must be true. */
static kg_status read_directed(loader *l, const json_t *obj)
{
    json_t *v;
    kg_status st = field(l, obj, "directed", JSON_TRUE, false, "true", &v);
    if (st == KG_OK && v && !json_is_true(v))
        return fail(l, "directed", "only directed graphs are supported");
    return st;
}

static kg_status read_header(loader *l, const json_t *root)
{
    bool multi;
    kg_status st = read_directed(l, root);
    if (st == KG_OK)
        st = get_bool(l, root, "multigraph", &multi); /* recomputed when written */
    return st == KG_OK ? read_info(l, root, "graph") : st;
}

static kg_status read_code(loader *l, const json_t *n, const char *key, char *dst, size_t len)
{
    const char *code = NULL;
    kg_status st = get_string(l, n, key, false, &code);
    if (st != KG_OK || !code || !*code)
        return st;
    if (strlen(code) != len)
        return fail(l, key, "expected a code of %zu letters, not \"%s\"", len, code);
    memcpy(dst, code, len + 1);
    return KG_OK;
}

/* A list of strings into a fresh array (the strings stay jansson's). */
static kg_status read_strings(loader *l, const json_t *n, const char *key, const char ***out,
                              size_t *count)
{
    json_t *arr;
    *out = NULL;
    *count = 0;
    kg_status st = get_array(l, n, key, false, JSON_STRING, &arr);
    if (st != KG_OK || !arr || json_array_size(arr) == 0)
        return st;
    const char **items = malloc(json_array_size(arr) * sizeof *items);
    if (!items)
        return nomem(l);
    for (size_t i = 0; i < json_array_size(arr); i++)
        items[i] = json_string_value(json_array_get(arr, i));
    *out = items;
    *count = json_array_size(arr);
    return KG_OK;
}

static kg_status read_first_mention(loader *l, const json_t *n, kg_node *spec)
{
    json_t *first;
    kg_status st = field(l, n, "first_mention", JSON_OBJECT, false, "an object", &first);
    if (st != KG_OK || !first)
        return st;
    size_t mark = enter(l, ".first_mention");
    st = get_doc(l, first, "doc", &spec->first_doc);
    if (st == KG_OK)
        st = get_size(l, first, "offset", true, &spec->first_offset);
    if (st == KG_OK)
        st = get_size(l, first, "cp", true, &spec->first_cp);
    leave(l, mark);
    return st;
}

static kg_status read_node_docs(loader *l, const json_t *n, kg_node *spec, size_t *sum)
{
    json_t *docs;
    *sum = 0;
    kg_status st = get_array(l, n, "documents", false, JSON_OBJECT, &docs);
    if (st != KG_OK || !docs || json_array_size(docs) == 0)
        return st;
    kg_doc_count *dc = calloc(json_array_size(docs), sizeof *dc);
    if (!dc)
        return nomem(l);
    spec->docs = dc;
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        size_t mark = enter(l, ".documents[%zu]", i);
        st = get_doc(l, d, "id", &dc[i].doc);
        if (st == KG_OK)
            st = get_size(l, d, "mentions", true, &dc[i].mentions);
        leave(l, mark);
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
static kg_status read_metrics(loader *l, const json_t *n, bool flat, bool *has, metrics *m)
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
        st = field(l, n, "metrics", JSON_OBJECT, false, "an object", &o);
        *has = st == KG_OK && o;
        if (*has)
            mark = enter(l, ".metrics");
    }
    if (!*has)
        return st;
    st = get_number(l, o, "degree", true, &m->degree);
    if (st == KG_OK)
        st = get_number(l, o, "weighted_degree", true, &m->weighted_degree);
    if (st == KG_OK)
        st = get_number(l, o, "pagerank", true, &m->pagerank);
    if (st == KG_OK)
        st = get_number(l, o, "betweenness", true, &m->betweenness);
    if (st == KG_OK)
        st = get_long(l, o, "component", &m->component);
    if (st == KG_OK)
        st = get_long(l, o, "community", &m->community);
    leave(l, mark);
    return st;
}

/* Checks that graph.c kept as many entries as the file gave: fewer means one
 * was repeated (and merged), which would not survive the round trip. */
static kg_status check_kept(loader *l, const char *key, size_t given, size_t kept)
{
    if (kept < given)
        return fail(l, key, "an entry is listed twice");
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
static kg_status check_metrics(loader *l, const node_view *v, int *analyzed, bool has)
{
    const char *key = v->flat_metrics ? "degree" : "metrics";
    if (*analyzed < 0) {
        *analyzed = has;
        return KG_OK;
    }
    char first[64];
    if (l->style == JGF)
        snprintf(first, sizeof first, "the first node");
    else
        snprintf(first, sizeof first, "%s[0]", l->nodes_at);
    if (has && !*analyzed)
        return fail(l, key, "present, but %s has none", first);
    if (!has && *analyzed)
        return v->flat_metrics ? fail(l, key, "missing, but %s has metrics", first)
                               : fail(l, key, "missing, but %s has them", first);
    return KG_OK;
}

static kg_status read_node_id(loader *l, const node_view *v, kg_node *spec)
{
    kg_status st = KG_OK;
    const char *key = v->id_key;
    size_t mark = enter(l, "%s", v->id ? "" : v->id_at);
    if (v->id) {
        spec->id = v->id;
        key = NULL;
        if (!*spec->id)
            st = fail(l, NULL, "an empty key is no node id");
    } else {
        st = get_id(l, v->id_obj, v->id_key, &spec->id);
    }
    if (st == KG_OK) {
        long dup = kg_graph_find_node(l->g, spec->id);
        if (dup >= 0)
            st = fail(l, key, "\"%s\" is already the id of %s[%ld]", spec->id, l->nodes_at, dup);
    }
    if (st == KG_OK) {
        leave(l, mark);
        mark = enter(l, "%s", v->label_at);
        spec->label = spec->id;
        st = get_string(l, v->label, "label", false, &spec->label);
    }
    leave(l, mark);
    return st;
}

/* Everything but the id and label, at fields_at. */
static kg_status read_node_fields(loader *l, const node_view *v, kg_node *spec, bool *has_mentions,
                                  size_t *sum)
{
    const json_t *n = v->fields;
    const char *type = NULL;
    kg_status st = get_string(l, n, v->type_key, true, &type);
    if (st == KG_OK) {
        if (!kg_entity_type_parse(type, &spec->type))
            st = fail(l, v->type_key,
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
        st = get_size(l, n, "mentions", false, &spec->mentions);
    }
    if (st == KG_OK && spec->mentions < *sum)
        st = fail(l, "mentions", "%zu is less than the sum over documents (%zu)", spec->mentions,
                  *sum);
    return st;
}

static kg_status read_node(loader *l, const node_view *v, size_t at, int *analyzed, metrics *m)
{
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    size_t sum = 0;
    bool has_mentions = false, has_metrics = false;
    kg_status st = read_node_id(l, v, &spec);
    size_t mark = enter(l, "%s", v->fields_at);
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
        st = fail(l, NULL, "could not be added as a new node");
    const kg_node *got = st == KG_OK ? kg_graph_node(l->g, index) : NULL;
    if (got) {
        st = check_kept(l, "aliases", spec.n_aliases, got->n_aliases);
        if (st == KG_OK)
            st = check_kept(l, "roles", spec.n_roles, got->n_roles);
        if (st == KG_OK)
            st = check_kept(l, "documents", spec.n_docs, got->n_docs);
    }
    leave(l, mark);
    free(spec.aliases);
    free(spec.roles);
    free(spec.docs);
    return st;
}

/* An object member of an array entry, NULL when absent; KG_ERR_INPUT when
 * required and absent, or not an object. */
static kg_status member(loader *l, const json_t *el, const char *key, bool required, json_t **out)
{
    return field(l, el, key, JSON_OBJECT, required, "an object", out);
}

/* The node view of entry el (or, JSON Graph Format, of key's value). */
static kg_status node_view_of(loader *l, const json_t *el, const char *key, node_view *v)
{
    json_t *sub = NULL;
    kg_status st = KG_OK;
    *v = (node_view){NULL, el, "id", "", el, "", el, "", "type", false}; /* node-link */
    switch (l->style) {
    case NODE_LINK:
        break;
    case CYTOSCAPE:
        st = member(l, el, "data", true, &sub);
        *v = (node_view){NULL, sub, "id", ".data", sub, ".data", sub, ".data", "type", true};
        break;
    case GRAPHOLOGY:
        st = member(l, el, "attributes", false, &sub);
        *v = (node_view){NULL,          el,  "key", "", sub, ".attributes", sub, ".attributes",
                         "entity_type", true};
        break;
    case JGF:
        st = member(l, el, "metadata", false, &sub);
        *v = (node_view){key, NULL, NULL, "", el, "", sub, ".metadata", "type", true};
        break;
    }
    return st;
}

/* The nodes: an array of entries (node-link, Cytoscape.js's elements.nodes,
 * graphology) or JSON Graph Format's object keyed by id, in its order. */
static kg_status read_nodes(loader *l, const json_t *parent, const char *key, metrics **out,
                            bool *analyzed)
{
    *out = NULL;
    *analyzed = false;
    json_t *nodes = NULL;
    kg_status st = l->style == JGF ? member(l, parent, key, true, &nodes)
                                   : get_array(l, parent, key, true, JSON_OBJECT, &nodes);
    if (st != KG_OK)
        return st;
    size_t count = json_is_array(nodes) ? json_array_size(nodes) : json_object_size(nodes);
    metrics *m = calloc(count ? count : 1, sizeof *m);
    if (!m)
        return nomem(l);
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
            mark = enter(l, "%s%s[\"%s\"]", dot, key, id);
            if (!json_is_object(el))
                st = fail(l, NULL, "expected an object, not %s", kind(el));
        } else {
            el = json_array_get(nodes, i);
            mark = enter(l, "%s%s[%zu]", dot, key, i);
        }
        node_view v;
        if (st == KG_OK)
            st = node_view_of(l, el, id, &v);
        if (st == KG_OK)
            st = read_node(l, &v, i, &seen, &m[i]);
        leave(l, mark);
    }
    if (st != KG_OK) {
        free(m);
        return st;
    }
    *analyzed = seen == 1;
    *out = m;
    return KG_OK;
}

static kg_status endpoint(loader *l, const json_t *link, const char *key, size_t *index)
{
    const char *id = NULL;
    kg_status st = get_id(l, link, key, &id);
    if (st != KG_OK)
        return st;
    long i = kg_graph_find_node(l->g, id);
    if (i < 0)
        return fail(l, key, "no node with id \"%s\"", id);
    *index = (size_t)i;
    return KG_OK;
}

/* A link's or a claim's evidence into *out (malloc'd, *n entries). */
static kg_status read_evidence(loader *l, const json_t *link, kg_evidence **out, size_t *n)
{
    json_t *evs;
    kg_status st = get_array(l, link, "evidence", false, JSON_OBJECT, &evs);
    if (st != KG_OK || !evs || json_array_size(evs) == 0)
        return st;
    kg_evidence *ev = calloc(json_array_size(evs), sizeof *ev);
    if (!ev)
        return nomem(l);
    *out = ev;
    size_t i;
    json_t *e;
    json_array_foreach(evs, i, e)
    {
        size_t mark = enter(l, ".evidence[%zu]", i);
        kg_evidence *x = &ev[i];
        x->date = x->text = "";
        st = get_doc(l, e, "doc", &x->doc);
        if (st == KG_OK)
            st = get_date(l, e, "date", &x->date);
        if (st == KG_OK)
            st = get_size(l, e, "sentence", true, &x->sentence);
        if (st == KG_OK)
            st = get_size(l, e, "start", false, &x->start);
        if (st == KG_OK)
            st = get_size(l, e, "end", false, &x->end);
        if (st == KG_OK)
            st = get_size(l, e, "cp_start", false, &x->cp_start);
        if (st == KG_OK)
            st = get_size(l, e, "cp_end", false, &x->cp_end);
        if (st == KG_OK && x->start > x->end)
            st = fail(l, "end", "%zu is before start (%zu)", x->end, x->start);
        if (st == KG_OK && x->cp_start > x->cp_end)
            st = fail(l, "cp_end", "%zu is before cp_start (%zu)", x->cp_end, x->cp_start);
        if (st == KG_OK)
            st = get_string(l, e, "text", false, &x->text);
        leave(l, mark);
        if (st != KG_OK)
            return st;
        (*n)++;
    }
    return KG_OK;
}

/* Where one edge's attributes are, in its style (paths as for nodes). */
typedef struct edge_view {
    const json_t *ends; /* "source" and "target" */
    const char *ends_at;
    const json_t *rel; /* "relation" */
    const char *rel_at;
    const json_t *fields; /* the rest (may be NULL) */
    const char *fields_at;
} edge_view;

static kg_status read_edge_fields(loader *l, const json_t *link, kg_edge *spec, size_t *count)
{
    kg_status st = get_bool(l, link, "negated", &spec->negated);
    if (st == KG_OK)
        st = get_bool(l, link, "modal", &spec->modal);
    if (st == KG_OK)
        st = get_bool(l, link, "attributed", &spec->attributed);
    if (st == KG_OK)
        st = get_number(l, link, "confidence", false, &spec->confidence);
    if (st == KG_OK && !(spec->confidence >= 0.0 && spec->confidence <= 1.0))
        st = fail(l, "confidence", "%g is outside [0, 1]", spec->confidence);
    if (st == KG_OK)
        st = read_evidence(l, link, &spec->evidence, &spec->n_evidence);
    *count = spec->n_evidence ? spec->n_evidence : 1;
    if (st == KG_OK)
        st = get_size(l, link, "count", false, count);
    if (st == KG_OK && (*count < spec->n_evidence || *count == 0))
        st = fail(l, "count", "%zu is less than the evidence given (%zu, and at least 1)", *count,
                  spec->n_evidence);
    return st;
}

static kg_status read_link(loader *l, const edge_view *v)
{
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.confidence = 1.0;
    size_t count = 1, mark = enter(l, "%s", v->ends_at);
    kg_status st = endpoint(l, v->ends, "source", &spec.source);
    if (st == KG_OK)
        st = endpoint(l, v->ends, "target", &spec.target);
    leave(l, mark);
    mark = enter(l, "%s", v->rel_at);
    if (st == KG_OK)
        st = get_id(l, v->rel, "relation", &spec.relation);
    leave(l, mark);
    mark = enter(l, "%s", v->fields_at);
    if (st == KG_OK)
        st = read_edge_fields(l, v->fields, &spec, &count);
    leave(l, mark);
    size_t before = kg_graph_edge_count(l->g), index = 0;
    spec.count = count;
    if (st == KG_OK)
        st = kg_graph_put_edge(l->g, &spec, &index, l->err);
    if (st == KG_OK && kg_graph_edge_count(l->g) == before)
        st = fail(l, NULL, "same source, target, relation and negation as %s[%zu]", l->edges_at,
                  index);
    mark = enter(l, "%s", v->fields_at);
    if (st == KG_OK && kg_graph_edge(l->g, index)->n_evidence < spec.n_evidence)
        st = fail(l, "evidence", "two entries have the same doc and sentence");
    leave(l, mark);
    /* support without evidence: the graph keeps it apart */
    if (st == KG_OK && spec.n_evidence && count > spec.n_evidence) {
        kg_edge rest = spec;
        rest.evidence = NULL;
        rest.n_evidence = 0;
        rest.count = count - spec.n_evidence;
        st = kg_graph_put_edge(l->g, &rest, &index, l->err);
    }
    free(spec.evidence);
    return st;
}

static kg_status edge_view_of(loader *l, const json_t *el, edge_view *v)
{
    json_t *sub = NULL;
    kg_status st = KG_OK;
    *v = (edge_view){el, "", el, "", el, ""}; /* node-link */
    switch (l->style) {
    case NODE_LINK:
        break;
    case CYTOSCAPE:
        st = member(l, el, "data", true, &sub);
        *v = (edge_view){sub, ".data", sub, ".data", sub, ".data"};
        break;
    case GRAPHOLOGY:
        st = member(l, el, "attributes", false, &sub);
        *v = (edge_view){el, "", sub, ".attributes", sub, ".attributes"};
        break;
    case JGF:
        st = member(l, el, "metadata", false, &sub);
        *v = (edge_view){el, "", el, "", sub, ".metadata"};
        break;
    }
    return st;
}

/* The edges: parent's array under key. */
static kg_status read_links(loader *l, const json_t *parent, const char *key, bool required)
{
    json_t *links;
    kg_status st = get_array(l, parent, key, required, JSON_OBJECT, &links);
    size_t i;
    json_t *link;
    json_array_foreach(links, i, link)
    {
        if (st != KG_OK)
            break;
        size_t mark = enter(l, "%s%s[%zu]", l->path_len ? "." : "", key, i);
        edge_view v;
        st = edge_view_of(l, link, &v);
        if (st == KG_OK)
            st = read_link(l, &v);
        leave(l, mark);
    }
    return st;
}

static kg_status read_value(loader *l, const json_t *v, kg_claim_value *out)
{
    const char *kind = NULL, *text = "", *s = "";
    kg_status st = get_id(l, v, "kind", &kind);
    if (st == KG_OK && !kg_value_kind_parse(kind, &out->kind))
        st = fail(l, "kind", "\"%s\" is not number, percent, money or date", kind);
    if (st == KG_OK && out->kind == KG_VALUE_DATE) {
        st = get_string(l, v, "date", true, &s);
        size_t n = strlen(s);
        char day[11];
        /* YYYY, YYYY-MM or YYYY-MM-DD, checked as the day it stands for */
        snprintf(day, sizeof day, "%s%s", s, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
        if (st == KG_OK && ((n != 4 && n != 7 && n != 10) || !kg_date_check(day)))
            st = fail(l, "date", "\"%s\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", s);
        if (st == KG_OK)
            memcpy(out->date, s, n + 1);
    } else if (st == KG_OK) {
        st = get_number(l, v, "amount", true, &out->amount);
    }
    if (st == KG_OK && out->kind == KG_VALUE_MONEY) {
        st = get_string(l, v, "currency", false, &s);
        if (st == KG_OK && strlen(s) >= sizeof out->currency)
            st = fail(l, "currency", "\"%s\" is no currency code", s);
        if (st == KG_OK)
            memcpy(out->currency, s, strlen(s) + 1);
    }
    if (st == KG_OK)
        st = get_string(l, v, "text", false, &text);
    out->text = text;
    return st;
}

static kg_status read_values(loader *l, const json_t *c, kg_claim *spec)
{
    json_t *vals;
    kg_status st = get_array(l, c, "values", false, JSON_OBJECT, &vals);
    if (st != KG_OK || !vals || json_array_size(vals) == 0)
        return st;
    kg_claim_value *vs = calloc(json_array_size(vals), sizeof *vs);
    if (!vs)
        return nomem(l);
    spec->values = vs;
    size_t i;
    json_t *v;
    json_array_foreach(vals, i, v)
    {
        size_t mark = enter(l, ".values[%zu]", i);
        st = read_value(l, v, &vs[i]);
        leave(l, mark);
        if (st != KG_OK)
            return st;
        spec->n_values++;
    }
    return KG_OK;
}

static kg_status read_claim(loader *l, const json_t *c)
{
    kg_claim spec;
    memset(&spec, 0, sizeof spec);
    spec.confidence = 1.0;
    spec.argument = spec.speaker = "";
    const char *role = NULL;
    kg_status st = endpoint(l, c, "entity", &spec.node);
    if (st == KG_OK)
        st = get_id(l, c, "role", &role);
    if (st == KG_OK && !kg_claim_role_parse(role, &spec.role))
        st = fail(l, "role", "\"%s\" is neither subject nor object", role);
    if (st == KG_OK)
        st = get_id(l, c, "relation", &spec.relation);
    if (st == KG_OK)
        st = get_string(l, c, "argument", true, &spec.argument);
    if (st == KG_OK)
        st = get_bool(l, c, "negated", &spec.negated);
    if (st == KG_OK)
        st = get_bool(l, c, "modal", &spec.modal);
    if (st == KG_OK)
        st = get_bool(l, c, "attributed", &spec.attributed);
    if (st == KG_OK)
        st = get_string(l, c, "speaker", false, &spec.speaker);
    if (st == KG_OK)
        st = get_number(l, c, "confidence", false, &spec.confidence);
    if (st == KG_OK && !(spec.confidence >= 0.0 && spec.confidence <= 1.0))
        st = fail(l, "confidence", "%g is outside [0, 1]", spec.confidence);
    if (st == KG_OK)
        st = read_values(l, c, &spec);
    if (st == KG_OK)
        st = read_evidence(l, c, &spec.evidence, &spec.n_evidence);
    size_t count = spec.n_evidence ? spec.n_evidence : 1;
    if (st == KG_OK)
        st = get_size(l, c, "count", false, &count);
    if (st == KG_OK && (count < spec.n_evidence || count == 0))
        st = fail(l, "count", "%zu is less than the evidence given (%zu, and at least 1)", count,
                  spec.n_evidence);
    size_t before = kg_graph_claim_count(l->g), index = 0;
    spec.count = count;
    if (st == KG_OK)
        st = kg_graph_put_claim(l->g, &spec, &index, l->err);
    if (st == KG_OK && kg_graph_claim_count(l->g) == before)
        st = fail(l, NULL, "the same claim as claims[%zu]", index);
    if (st == KG_OK && kg_graph_claim(l->g, index)->n_evidence < spec.n_evidence)
        st = fail(l, "evidence", "two entries have the same doc and sentence");
    if (st == KG_OK && spec.n_evidence && count > spec.n_evidence) {
        kg_claim rest = spec;
        rest.evidence = NULL;
        rest.n_evidence = 0;
        rest.count = count - spec.n_evidence;
        st = kg_graph_put_claim(l->g, &rest, &index, l->err);
    }
    free(spec.evidence);
    free((void *)spec.values);
    return st;
}

/* Claims came with schema version 2: a version 1 file has none. */
static kg_status read_claims(loader *l, const json_t *root)
{
    json_t *claims;
    kg_status st = get_array(l, root, "claims", false, JSON_OBJECT, &claims);
    size_t i;
    json_t *c;
    json_array_foreach(claims, i, c)
    {
        if (st != KG_OK)
            break;
        size_t mark = enter(l, "claims[%zu]", i);
        st = read_claim(l, c);
        leave(l, mark);
    }
    return st;
}

static void restore_metrics(kg_graph *g, const metrics *m)
{
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        kg_node *n = kg_graph_node_mut(g, i);
        n->degree = m[i].degree;
        n->weighted_degree = m[i].weighted_degree;
        n->pagerank = m[i].pagerank;
        n->betweenness = m[i].betweenness;
        n->component = m[i].component;
        n->community = m[i].community;
    }
    kg_graph_set_analyzed(g, true);
}

/* Node-link: {"directed", "multigraph", "graph", "nodes", "edges" (or, as
 * schema versions 1 and 2 and networkx before 3.6 have it, "links"),
 * "claims"}. */
static kg_status load_node_link(loader *l, const json_t *root, metrics **m, bool *analyzed)
{
    bool edges = json_object_get(root, "edges"), links = json_object_get(root, "links");
    if (edges && links)
        return fail(l, "links", "given beside \"edges\": a graph has one list of edges");
    l->nodes_at = "nodes";
    l->edges_at = links ? "links" : "edges";
    kg_status st = read_header(l, root);
    if (st == KG_OK)
        st = read_nodes(l, root, "nodes", m, analyzed);
    if (st == KG_OK)
        st = read_links(l, root, l->edges_at, true);
    if (st == KG_OK)
        st = read_claims(l, root);
    return st;
}

/* Cytoscape.js: {"data", "elements": {"nodes": [{"data"}], "edges": [{"data"}]}}. */
static kg_status load_cytoscape(loader *l, const json_t *root, metrics **m, bool *analyzed)
{
    json_t *elements;
    l->nodes_at = "elements.nodes";
    l->edges_at = "elements.edges";
    kg_status st = read_info(l, root, "data");
    if (st == KG_OK)
        st = member(l, root, "elements", true, &elements);
    size_t mark = enter(l, "elements");
    if (st == KG_OK)
        st = read_nodes(l, elements, "nodes", m, analyzed);
    if (st == KG_OK)
        st = read_links(l, elements, "edges", false);
    leave(l, mark);
    return st;
}

/* graphology: {"attributes", "options", "nodes": [{"key", "attributes"}],
 * "edges": [{"key", "source", "target", "attributes"}]}. */
static kg_status load_graphology(loader *l, const json_t *root, metrics **m, bool *analyzed)
{
    json_t *options;
    const char *type = NULL;
    l->nodes_at = "nodes";
    l->edges_at = "edges";
    kg_status st = member(l, root, "options", false, &options);
    size_t mark = enter(l, "options");
    if (st == KG_OK)
        st = get_string(l, options, "type", false, &type);
    if (st == KG_OK && type && strcmp(type, "directed") != 0)
        st = fail(l, "type", "\"%s\": only directed graphs are supported", type);
    leave(l, mark);
    if (st == KG_OK)
        st = read_info(l, root, "attributes");
    if (st == KG_OK)
        st = read_nodes(l, root, "nodes", m, analyzed);
    if (st == KG_OK)
        st = read_links(l, root, "edges", false);
    return st;
}

/* JSON Graph Format 2: {"graph": {"directed", "metadata", "nodes": {ID:
 * {"label", "metadata"}}, "edges": [{"source", "target", "relation",
 * "metadata"}]}}. */
static kg_status load_jgf(loader *l, const json_t *root, metrics **m, bool *analyzed)
{
    if (json_object_get(root, "graphs"))
        return not_kgs(l, "of several graphs (\"graphs\")");
    json_t *graph;
    l->nodes_at = "graph.nodes";
    l->edges_at = "graph.edges";
    kg_status st = member(l, root, "graph", true, &graph);
    size_t mark = enter(l, "graph");
    if (st == KG_OK)
        st = read_directed(l, graph);
    if (st == KG_OK)
        st = read_info(l, graph, "metadata");
    if (st == KG_OK)
        st = read_nodes(l, graph, "nodes", m, analyzed);
    if (st == KG_OK)
        st = read_links(l, graph, "edges", false);
    leave(l, mark);
    return st;
}

static kg_status load(loader *l, const json_t *root)
{
    if (!json_is_object(root))
        return fail(l, NULL, "expected a JSON object at the top, not %s", kind(root));
    metrics *m = NULL;
    bool analyzed = false;
    kg_status st = KG_OK;
    l->style = detect_style(root);
    switch (l->style) {
    case NODE_LINK:
        st = load_node_link(l, root, &m, &analyzed);
        break;
    case CYTOSCAPE:
        st = load_cytoscape(l, root, &m, &analyzed);
        break;
    case GRAPHOLOGY:
        st = load_graphology(l, root, &m, &analyzed);
        break;
    case JGF:
        st = load_jgf(l, root, &m, &analyzed);
        break;
    }
    st = kg_graph_sync(l->g, st, l->err);
    if (st == KG_OK && analyzed && m)
        restore_metrics(l->g, m);
    free(m);
    return st;
}

/* ---------------------------------------------------------------- entry points */

kg_status kg_graph_load_json_buffer(const char *name, const char *data, size_t len, kg_graph **out,
                                    kg_error *err)
{
    if (!out)
        return kg_error_set(err, KG_ERR_USAGE, "load_json: no place for the graph");
    *out = NULL;
    if (!name)
        name = "(buffer)";
    if (!data && len)
        return kg_error_set(err, KG_ERR_USAGE, "%s: no data", name);
    /* a byte order mark, which some editors put before UTF-8 text; line and
     * column stay those of the file (jansson counts the mark as no column) */
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    }
    json_error_t je;
    json_t *root = json_loadb(data ? data : "", len, JSON_REJECT_DUPLICATES, &je);
    if (!root) {
        if (je.line > 0)
            return kg_error_set(err, KG_ERR_INPUT, "%s:%d:%d: %s", name, je.line, je.column,
                                je.text);
        return kg_error_set(err, KG_ERR_INPUT, "%s: %s", name, je.text);
    }
    loader l = {.name = name, .err = err, .g = kg_graph_new(), .docs = kg_strmap_new()};
    kg_status st = l.g && l.docs ? load(&l, root) : nomem(&l);
    kg_strmap_free(l.docs);
    json_decref(root);
    if (st != KG_OK) {
        kg_graph_free(l.g);
        return st;
    }
    *out = l.g;
    return KG_OK;
}

kg_status kg_graph_load_json(const char *path, kg_graph **out, kg_error *err)
{
    if (!out || !path)
        return kg_error_set(err, KG_ERR_USAGE, "load_json: no path or no place for the graph");
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_file_read_all(path, KG_GRAPH_JSON_MAX_BYTES, &buf, &len, err);
    if (st == KG_OK)
        st = kg_graph_load_json_buffer(path, buf, len, out, err);
    free(buf);
    return st;
}
