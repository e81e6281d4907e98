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
 *
 * Here: telling the styles apart, the graph's own record and the driving;
 * the field checks, the nodes and the edges and claims are in the files
 * load_json_internal.h lists.
 */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load_json_internal.h"

/* How each style is named in messages, and the --json-style that writes it. */
static const char *const style_title[] = {"node-link", "Cytoscape.js", "graphology",
                                          "JSON Graph Format"};
static const char *const style_option[] = {"node-link", "cytoscape", "graphology", "jgf"};

static kg_load_style detect_style(const json_t *root)
{
    if (json_object_get(root, "elements"))
        return KG_LOAD_CYTOSCAPE;
    if (json_object_get(root, "options") || json_object_get(root, "attributes"))
        return KG_LOAD_GRAPHOLOGY;
    const json_t *graph = json_object_get(root, "graph");
    if (!json_object_get(root, "nodes") &&
        (json_object_get(root, "graphs") ||
         (json_is_object(graph) &&
          (json_object_get(graph, "nodes") || json_object_get(graph, "edges")))))
        return KG_LOAD_JGF;
    return KG_LOAD_NODE_LINK;
}

/* Another tool's file in a style kg writes: said once, naming the style,
 * rather than as the first field that kg's own writer would have put there. */
static kg_status not_kgs(kg_loader *l, const char *what)
{
    return kg_error_set(l->err, KG_ERR_INPUT,
                        "%s: a %s file %s: kg reads the %s JSON that 'kg build --json-style %s' "
                        "writes, or node-link JSON",
                        l->name, style_title[l->style], what, style_title[l->style],
                        style_option[l->style]);
}

/* The graph's own record: parent's key (the path is parent's) holds
 * schema_version, generator and documents. */
static kg_status read_info(kg_loader *l, const json_t *parent, const char *key)
{
    json_t *info = json_object_get(parent, key);
    if (l->style != KG_LOAD_NODE_LINK &&
        (!json_is_object(info) || !json_object_get(info, "schema_version")))
        return not_kgs(l, "without kg's schema_version");
    kg_status st = kg_load_field(l, parent, key, JSON_OBJECT, true, "an object", &info);
    if (st != KG_OK)
        return st;
    size_t mark = kg_load_enter(l, "%s%s", l->path_len ? "." : "", key);
    json_t *version = NULL, *docs = NULL;
    const char *generator;
    st = kg_load_field(l, info, "schema_version", JSON_INTEGER, true, "an integer", &version);
    if (st == KG_OK &&
        (json_integer_value(version) < 1 || json_integer_value(version) > KG_JSON_SCHEMA_VERSION))
        st = kg_load_fail(l, "schema_version",
                          "version %lld is not supported (this kg reads versions 1 to %d)",
                          (long long)json_integer_value(version), KG_JSON_SCHEMA_VERSION);
    if (st == KG_OK)
        st = kg_load_get_string(l, info, "generator", false, &generator);
    if (st == KG_OK)
        st = kg_load_get_array(l, info, "documents", false, JSON_OBJECT, &docs);
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        if (st != KG_OK)
            break;
        size_t m = kg_load_enter(l, ".documents[%zu]", i);
        const char *id, *date = "";
        st = kg_load_get_id(l, d, "id", &id);
        if (st == KG_OK)
            st = kg_load_get_date(l, d, "date", &date);
        size_t before = kg_graph_doc_count(l->g);
        if (st == KG_OK)
            st = kg_graph_add_doc(l->g, id, date, l->err);
        if (st == KG_OK && kg_graph_doc_count(l->g) == before)
            st = kg_load_fail(l, "id", "document \"%s\" is listed twice", id);
        if (st == KG_OK && kg_strmap_put(l->docs, id, i) != KG_OK)
            st = kg_load_nomem(l);
        kg_load_leave(l, m);
    }
    kg_load_leave(l, mark);
    return st;
}

/* "directed" (node-link at the top, JSON Graph Format in its graph), when
 * given, must be true. */
static kg_status read_directed(kg_loader *l, const json_t *obj)
{
    json_t *v;
    kg_status st = kg_load_field(l, obj, "directed", JSON_TRUE, false, "true", &v);
    if (st == KG_OK && v && !json_is_true(v))
        return kg_load_fail(l, "directed", "only directed graphs are supported");
    return st;
}

static kg_status read_header(kg_loader *l, const json_t *root)
{
    bool multi;
    kg_status st = read_directed(l, root);
    if (st == KG_OK)
        st = kg_load_get_bool(l, root, "multigraph", &multi); /* recomputed when written */
    return st == KG_OK ? read_info(l, root, "graph") : st;
}

static void restore_metrics(kg_graph *g, const kg_load_metrics *m)
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
static kg_status load_node_link(kg_loader *l, const json_t *root, kg_load_metrics **m,
                                bool *analyzed)
{
    bool edges = json_object_get(root, "edges"), links = json_object_get(root, "links");
    if (edges && links)
        return kg_load_fail(l, "links", "given beside \"edges\": a graph has one list of edges");
    l->nodes_at = "nodes";
    l->edges_at = links ? "links" : "edges";
    kg_status st = read_header(l, root);
    if (st == KG_OK)
        st = kg_load_read_nodes(l, root, "nodes", m, analyzed);
    if (st == KG_OK)
        st = kg_load_read_links(l, root, l->edges_at, true);
    if (st == KG_OK)
        st = kg_load_read_claims(l, root);
    return st;
}

/* Cytoscape.js: {"data", "elements": {"nodes": [{"data"}], "edges": [{"data"}]}}. */
static kg_status load_cytoscape(kg_loader *l, const json_t *root, kg_load_metrics **m,
                                bool *analyzed)
{
    json_t *elements;
    l->nodes_at = "elements.nodes";
    l->edges_at = "elements.edges";
    kg_status st = read_info(l, root, "data");
    if (st == KG_OK)
        st = kg_load_get_object(l, root, "elements", true, &elements);
    size_t mark = kg_load_enter(l, "elements");
    if (st == KG_OK)
        st = kg_load_read_nodes(l, elements, "nodes", m, analyzed);
    if (st == KG_OK)
        st = kg_load_read_links(l, elements, "edges", false);
    kg_load_leave(l, mark);
    return st;
}

/* graphology: {"attributes", "options", "nodes": [{"key", "attributes"}],
 * "edges": [{"key", "source", "target", "attributes"}]}. */
static kg_status load_graphology(kg_loader *l, const json_t *root, kg_load_metrics **m,
                                 bool *analyzed)
{
    json_t *options;
    const char *type = NULL;
    l->nodes_at = "nodes";
    l->edges_at = "edges";
    kg_status st = kg_load_get_object(l, root, "options", false, &options);
    size_t mark = kg_load_enter(l, "options");
    if (st == KG_OK)
        st = kg_load_get_string(l, options, "type", false, &type);
    if (st == KG_OK && type && strcmp(type, "directed") != 0)
        st = kg_load_fail(l, "type", "\"%s\": only directed graphs are supported", type);
    kg_load_leave(l, mark);
    if (st == KG_OK)
        st = read_info(l, root, "attributes");
    if (st == KG_OK)
        st = kg_load_read_nodes(l, root, "nodes", m, analyzed);
    if (st == KG_OK)
        st = kg_load_read_links(l, root, "edges", false);
    return st;
}

/* JSON Graph Format 2: {"graph": {"directed", "metadata", "nodes": {ID:
 * {"label", "metadata"}}, "edges": [{"source", "target", "relation",
 * "metadata"}]}}. */
static kg_status load_jgf(kg_loader *l, const json_t *root, kg_load_metrics **m, bool *analyzed)
{
    if (json_object_get(root, "graphs"))
        return not_kgs(l, "of several graphs (\"graphs\")");
    json_t *graph;
    l->nodes_at = "graph.nodes";
    l->edges_at = "graph.edges";
    kg_status st = kg_load_get_object(l, root, "graph", true, &graph);
    size_t mark = kg_load_enter(l, "graph");
    if (st == KG_OK)
        st = read_directed(l, graph);
    if (st == KG_OK)
        st = read_info(l, graph, "metadata");
    if (st == KG_OK)
        st = kg_load_read_nodes(l, graph, "nodes", m, analyzed);
    if (st == KG_OK)
        st = kg_load_read_links(l, graph, "edges", false);
    kg_load_leave(l, mark);
    return st;
}

static kg_status load(kg_loader *l, const json_t *root)
{
    if (!json_is_object(root))
        return kg_load_fail(l, NULL, "expected a JSON object at the top, not %s",
                            kg_load_kind(root));
    kg_load_metrics *m = NULL;
    bool analyzed = false;
    kg_status st = KG_OK;
    l->style = detect_style(root);
    switch (l->style) {
    case KG_LOAD_NODE_LINK:
        st = load_node_link(l, root, &m, &analyzed);
        break;
    case KG_LOAD_CYTOSCAPE:
        st = load_cytoscape(l, root, &m, &analyzed);
        break;
    case KG_LOAD_GRAPHOLOGY:
        st = load_graphology(l, root, &m, &analyzed);
        break;
    case KG_LOAD_JGF:
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
    kg_loader l = {.name = name, .err = err, .g = kg_graph_new(), .docs = kg_strmap_new()};
    kg_status st = l.g && l.docs ? load(&l, root) : kg_load_nomem(&l);
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
