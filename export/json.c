/* json.c - the graph as JSON: node-link (d3, networkx, kg's own reader) and
 * the forms Cytoscape.js, graphology/sigma.js and JSON Graph Format load.
 *
 * Keys come in a fixed order (jansson keeps insertion order), indented by
 * two, reals with 6 significant digits, UTF-8 written as is.  Optional parts
 * appear only when they carry something: iso2/iso3 when set, first_mention
 * when the first document is known, metrics after kg_graph_analyze.
 *
 * "multigraph" says whether two links join the same ordered pair of nodes
 * (they then differ in relation or negation): networkx must then build a
 * MultiDiGraph, or it would keep only one of them.
 *
 * The other styles carry the same facts, shaped for their tool: node
 * attributes flat (metrics beside the rest, so that a style sheet can map
 * them), edges named "e:N" after their canonical position (no extracted
 * entity id has a colon; Cytoscape keeps nodes and edges in one id space, so
 * when a hand-written node is called "e:3" the edges become "e::N"), and in graphology the
 * entity type as "entity_type", because sigma.js reads "type" as the name of
 * the program that draws a node.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diff_sides.h"
#include "dot_build.h"
#include "json_build.h"
#include "kg/export.h"

static json_t *graph_info(kg_json_builder *b, const kg_graph *g)
{
    json_t *info = json_object(), *docs = json_array();
    bool ok = kg_json_put(b, info, "generator", kg_json_str(b, "kg " KG_VERSION)) &&
              kg_json_put(b, info, "schema_version", json_integer(KG_JSON_SCHEMA_VERSION));
    for (size_t i = 0; ok && i < kg_graph_doc_count(g); i++) {
        const kg_graph_doc *d = kg_graph_doc_at(g, i);
        json_t *doc = json_object();
        ok = kg_json_push(
            b, docs,
            kg_json_done(doc, kg_json_put(b, doc, "id", kg_json_str(b, d->id)) &&
                                  kg_json_put(b, doc, "date", kg_json_str(b, d->date))));
    }
    if (ok)
        ok = kg_json_put(b, info, "documents", docs);
    else
        json_decref(docs);
    return kg_json_done(info, ok);
}

static bool put_metrics(kg_json_builder *b, json_t *m, const kg_node *n)
{
    return kg_json_put(b, m, "degree", json_integer((json_int_t)n->degree)) &&
           kg_json_put(b, m, "weighted_degree", json_integer((json_int_t)n->weighted_degree)) &&
           kg_json_put(b, m, "pagerank", json_real(n->pagerank)) &&
           kg_json_put(b, m, "betweenness", json_real(n->betweenness)) &&
           kg_json_put(b, m, "component", json_integer(n->component)) &&
           kg_json_put(b, m, "community", json_integer(n->community));
}

/* How a style names and nests a node's attributes. */
typedef struct node_shape {
    bool id;              /* "id" first */
    bool label;           /* "label" (JGF keeps it outside the metadata) */
    const char *type_key; /* "type" or "entity_type" */
    bool nested_metrics;  /* "metrics":{...} rather than beside the rest */
} node_shape;

static const node_shape node_link_shape = {true, true, "type", true};

/* Puts n's attributes into o in the shape's order. */
static bool node_fields(kg_json_builder *b, json_t *o, const kg_node *n, bool analyzed,
                        const node_shape *shape)
{
    bool ok = true;
    if (shape->id)
        ok = kg_json_put(b, o, "id", kg_json_str(b, n->id));
    if (ok && shape->label)
        ok = kg_json_put(b, o, "label", kg_json_str(b, n->label));
    ok = ok && kg_json_put(b, o, shape->type_key, kg_json_str(b, kg_entity_type_name(n->type))) &&
         kg_json_put(b, o, "aliases", kg_json_strings(b, n->aliases, n->n_aliases)) &&
         kg_json_put(b, o, "roles", kg_json_strings(b, n->roles, n->n_roles)) &&
         kg_json_put(b, o, "mentions", kg_json_num(n->mentions));
    if (ok && n->iso2[0])
        ok = kg_json_put(b, o, "iso2", kg_json_str(b, n->iso2));
    if (ok && n->iso3[0])
        ok = kg_json_put(b, o, "iso3", kg_json_str(b, n->iso3));
    if (ok && n->first_doc) {
        json_t *first = json_object();
        ok = kg_json_put(
            b, o, "first_mention",
            kg_json_done(first, kg_json_put(b, first, "doc", kg_json_str(b, n->first_doc)) &&
                                    kg_json_put(b, first, "offset", kg_json_num(n->first_offset)) &&
                                    kg_json_put(b, first, "cp", kg_json_num(n->first_cp))));
    }
    json_t *docs = ok ? json_array() : NULL;
    for (size_t i = 0; ok && i < n->n_docs; i++) {
        json_t *d = json_object();
        ok = kg_json_push(
            b, docs,
            kg_json_done(d, kg_json_put(b, d, "id", kg_json_str(b, n->docs[i].doc)) &&
                                kg_json_put(b, d, "mentions", kg_json_num(n->docs[i].mentions))));
    }
    if (ok)
        ok = kg_json_put(b, o, "documents", docs);
    else
        json_decref(docs);
    if (ok && analyzed) {
        if (shape->nested_metrics) {
            json_t *m = json_object();
            ok = kg_json_put(b, o, "metrics", kg_json_done(m, put_metrics(b, m, n)));
        } else {
            ok = put_metrics(b, o, n);
        }
    }
    return ok;
}

static json_t *node_json(kg_json_builder *b, const kg_node *n, bool analyzed)
{
    json_t *o = json_object();
    return kg_json_done(o, node_fields(b, o, n, analyzed, &node_link_shape));
}

static json_t *evidence(kg_json_builder *b, const kg_evidence *ev)
{
    json_t *o = json_object();
    bool ok = kg_json_put(b, o, "doc", kg_json_str(b, ev->doc)) &&
              kg_json_put(b, o, "date", kg_json_str(b, ev->date)) &&
              kg_json_put(b, o, "sentence", kg_json_num(ev->sentence)) &&
              kg_json_put(b, o, "start", kg_json_num(ev->start)) &&
              kg_json_put(b, o, "end", kg_json_num(ev->end)) &&
              kg_json_put(b, o, "cp_start", kg_json_num(ev->cp_start)) &&
              kg_json_put(b, o, "cp_end", kg_json_num(ev->cp_end)) &&
              kg_json_put(b, o, "text", kg_json_str(b, ev->text));
    return kg_json_done(o, ok);
}

/* An edge's attributes from "relation" on (with_relation false: from "negated"). */
static bool edge_fields(kg_json_builder *b, json_t *o, const kg_edge *e, bool with_relation)
{
    bool ok = (!with_relation || kg_json_put(b, o, "relation", kg_json_str(b, e->relation))) &&
              kg_json_put(b, o, "negated", json_boolean(e->negated)) &&
              kg_json_put(b, o, "modal", json_boolean(e->modal)) &&
              kg_json_put(b, o, "attributed", json_boolean(e->attributed)) &&
              kg_json_put(b, o, "count", kg_json_num(e->count)) &&
              kg_json_put(b, o, "confidence", json_real(e->confidence));
    json_t *evs = ok ? json_array() : NULL;
    for (size_t i = 0; ok && i < e->n_evidence; i++)
        ok = kg_json_push(b, evs, evidence(b, &e->evidence[i]));
    if (ok)
        ok = kg_json_put(b, o, "evidence", evs);
    else
        json_decref(evs);
    return ok;
}

static const char *source_id(const kg_graph *g, const kg_edge *e)
{
    return kg_graph_node(g, e->source)->id;
}

static const char *target_id(const kg_graph *g, const kg_edge *e)
{
    return kg_graph_node(g, e->target)->id;
}

static json_t *link_json(kg_json_builder *b, const kg_graph *g, const kg_edge *e)
{
    json_t *o = json_object();
    bool ok = kg_json_put(b, o, "source", kg_json_str(b, source_id(g, e))) &&
              kg_json_put(b, o, "target", kg_json_str(b, target_id(g, e))) &&
              edge_fields(b, o, e, true);
    return kg_json_done(o, ok);
}

/* An amount as an integer when it is one (exactly, below 2^53), so that
 * 22,000 and $3.2 billion keep every digit; else a real. */
static json_t *amount(double v)
{
    if (v == (double)(long long)v && v > -9007199254740992.0 && v < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

json_t *kg_export_value_json(const kg_claim_value *v)
{
    json_t *o = json_object();
    bool ok = o && !json_object_set_new(o, "kind", json_string(kg_value_kind_name(v->kind)));
    if (ok && v->kind == KG_VALUE_DATE)
        ok = !json_object_set_new(o, "date", json_string(v->date));
    else if (ok)
        ok = !json_object_set_new(o, "amount", amount(v->amount));
    if (ok && v->kind == KG_VALUE_MONEY)
        ok = !json_object_set_new(o, "currency", json_string(v->currency));
    ok = ok && !json_object_set_new(o, "text", json_string(v->text ? v->text : ""));
    if (!ok)
        json_decref(o);
    return ok ? o : NULL;
}

static json_t *claim_value(kg_json_builder *b, const kg_claim_value *v)
{
    json_t *o = kg_export_value_json(v);
    if (!o && !b->bad_string) { /* name the text if that is what jansson refused */
        json_t *t = json_string(v->text ? v->text : "");
        if (t)
            json_decref(t);
        else
            b->bad_string = v->text;
    }
    return o;
}

static json_t *claim_json(kg_json_builder *b, const kg_graph *g, const kg_claim *c)
{
    json_t *o = json_object(), *vals = json_array(), *evs = json_array();
    bool ok = kg_json_put(b, o, "entity", kg_json_str(b, kg_graph_node(g, c->node)->id)) &&
              kg_json_put(b, o, "role", kg_json_str(b, kg_claim_role_name(c->role))) &&
              kg_json_put(b, o, "relation", kg_json_str(b, c->relation)) &&
              kg_json_put(b, o, "argument", kg_json_str(b, c->argument)) &&
              kg_json_put(b, o, "negated", json_boolean(c->negated)) &&
              kg_json_put(b, o, "modal", json_boolean(c->modal)) &&
              kg_json_put(b, o, "attributed", json_boolean(c->attributed)) &&
              kg_json_put(b, o, "speaker", kg_json_str(b, c->speaker));
    for (size_t i = 0; ok && i < c->n_values; i++)
        ok = kg_json_push(b, vals, claim_value(b, &c->values[i]));
    ok = kg_json_put_if(b, o, "values", vals, ok) && ok;
    ok = ok && kg_json_put(b, o, "count", kg_json_num(c->count)) &&
         kg_json_put(b, o, "confidence", json_real(c->confidence));
    for (size_t i = 0; ok && i < c->n_evidence; i++)
        ok = kg_json_push(b, evs, evidence(b, &c->evidence[i]));
    ok = kg_json_put_if(b, o, "evidence", evs, ok) && ok;
    return kg_json_done(o, ok);
}

/* Whether id is "e", then colons colons, then digits only. */
static bool is_edge_key(const char *id, size_t colons)
{
    if (id[0] != 'e')
        return false;
    size_t i = 1;
    for (; i <= colons; i++)
        if (id[i] != ':')
            return false;
    if (id[i] < '0' || id[i] > '9')
        return false;
    while (id[i] >= '0' && id[i] <= '9')
        i++;
    return id[i] == '\0';
}

/* How many colons edge keys get: one ("e:N", see the header comment), or
 * more when a node (from a hand-written graph) is already called so, since
 * Cytoscape keeps nodes and edges in one id space.  Depends only on the
 * node ids, so the output stays deterministic. */
static size_t edge_key_colons(const kg_graph *g)
{
    size_t colons = 1;
    for (bool clash = true; clash && colons < 16; colons += clash) {
        clash = false;
        for (size_t i = 0; !clash && i < kg_graph_node_count(g); i++)
            clash = is_edge_key(kg_graph_node(g, i)->id, colons);
    }
    return colons;
}

/* "e" + colons ":" + N. */
static json_t *edge_key(size_t j, size_t colons)
{
    char key[48] = "e";
    memset(key + 1, ':', colons);
    snprintf(key + 1 + colons, sizeof key - 1 - colons, "%zu", j);
    return json_string(key);
}

typedef struct pair {
    size_t s, t;
} pair;

static int pair_cmp(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
}

/* Whether two edges join the same ordered pair; -1 when out of memory. */
static int has_parallel_edges(const kg_graph *g)
{
    size_t m = kg_graph_edge_count(g);
    if (m < 2)
        return 0;
    pair *p = malloc(m * sizeof *p);
    if (!p)
        return -1;
    for (size_t j = 0; j < m; j++)
        p[j] = (pair){kg_graph_edge(g, j)->source, kg_graph_edge(g, j)->target};
    qsort(p, m, sizeof *p, pair_cmp);
    int found = 0;
    for (size_t j = 1; j < m && !found; j++)
        found = p[j].s == p[j - 1].s && p[j].t == p[j - 1].t;
    free(p);
    return found;
}

static json_t *node_link(kg_json_builder *b, const kg_graph *g)
{
    int multi = has_parallel_edges(g);
    if (multi < 0) {
        b->nomem = true;
        return NULL;
    }
    json_t *root = json_object(), *nodes = json_array(), *links = json_array();
    bool ok = kg_json_put(b, root, "directed", json_true()) &&
              kg_json_put(b, root, "multigraph", json_boolean(multi)) &&
              kg_json_put(b, root, "graph", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++)
        ok = kg_json_push(b, nodes, node_json(b, kg_graph_node(g, i), analyzed));
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++)
        ok = kg_json_push(b, links, link_json(b, g, kg_graph_edge(g, j)));
    json_t *claims = json_array();
    for (size_t j = 0; ok && j < kg_graph_claim_count(g); j++)
        ok = kg_json_push(b, claims, claim_json(b, g, kg_graph_claim(g, j)));
    json_t *parts[3] = {nodes, links, claims};
    /* "edges", the key networkx 3.6 reads by default (node_link_graph's
     * edges="edges"); kg's reader takes "links" too (docs/json-format.md) */
    const char *keys[3] = {"nodes", "edges", "claims"};
    for (int k = 0; k < 3; k++) {
        if (ok)
            ok = kg_json_put(b, root, keys[k], parts[k]);
        else
            json_decref(parts[k]);
    }
    return kg_json_done(root, ok);
}

/* {"data":{...graph info},"elements":{"nodes":[{"data"}],"edges":[{"data"}]}} */
static json_t *cytoscape(kg_json_builder *b, const kg_graph *g)
{
    static const node_shape shape = {true, true, "type", false};
    json_t *root = json_object(), *elements = json_object();
    json_t *nodes = json_array(), *edges = json_array();
    bool ok = kg_json_put(b, root, "data", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    size_t colons = edge_key_colons(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        json_t *el = json_object(), *data = json_object();
        bool dok = node_fields(b, data, kg_graph_node(g, i), analyzed, &shape);
        ok = kg_json_push(b, nodes, kg_json_done(el, kg_json_put_if(b, el, "data", data, dok)));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *data = json_object();
        bool dok = kg_json_put(b, data, "id", edge_key(j, colons)) &&
                   kg_json_put(b, data, "source", kg_json_str(b, source_id(g, e))) &&
                   kg_json_put(b, data, "target", kg_json_str(b, target_id(g, e))) &&
                   edge_fields(b, data, e, true);
        ok = kg_json_push(b, edges, kg_json_done(el, kg_json_put_if(b, el, "data", data, dok)));
    }
    ok = kg_json_put_if(b, elements, "nodes", nodes, ok);
    ok = kg_json_put_if(b, elements, "edges", edges, ok);
    return kg_json_done(root, kg_json_put_if(b, root, "elements", elements, ok));
}

static bool has_self_loop(const kg_graph *g)
{
    for (size_t j = 0; j < kg_graph_edge_count(g); j++)
        if (kg_graph_edge(g, j)->source == kg_graph_edge(g, j)->target)
            return true;
    return false;
}

/* graphology's Graph#export: {"attributes","options","nodes":[{"key","attributes"}],
 * "edges":[{"key","source","target","attributes"}]} */
static json_t *graphology(kg_json_builder *b, const kg_graph *g)
{
    static const node_shape shape = {false, true, "entity_type", false};
    json_t *root = json_object(), *options = json_object();
    json_t *nodes = json_array(), *edges = json_array();
    bool ok = kg_json_put(b, root, "attributes", graph_info(b, g));
    ok = kg_json_put_if(
        b, root, "options", options,
        ok && kg_json_put(b, options, "type", kg_json_str(b, "directed")) &&
            kg_json_put(b, options, "multi", json_true()) &&
            kg_json_put(b, options, "allowSelfLoops", json_boolean(has_self_loop(g))));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        json_t *el = json_object(), *attrs = json_object();
        bool eok = kg_json_put(b, el, "key", kg_json_str(b, n->id));
        eok = kg_json_put_if(b, el, "attributes", attrs,
                             eok && node_fields(b, attrs, n, analyzed, &shape));
        ok = kg_json_push(b, nodes, kg_json_done(el, eok));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *attrs = json_object();
        bool eok = kg_json_put(b, el, "key", edge_key(j, 1)) &&
                   kg_json_put(b, el, "source", kg_json_str(b, source_id(g, e))) &&
                   kg_json_put(b, el, "target", kg_json_str(b, target_id(g, e)));
        eok = kg_json_put_if(b, el, "attributes", attrs,
                             eok && kg_json_put(b, attrs, "label", kg_json_str(b, e->relation)) &&
                                 edge_fields(b, attrs, e, true));
        ok = kg_json_push(b, edges, kg_json_done(el, eok));
    }
    ok = kg_json_put_if(b, root, "nodes", nodes, ok);
    return kg_json_done(root, kg_json_put_if(b, root, "edges", edges, ok));
}

/* JSON Graph Format v2: {"graph":{"directed","metadata","nodes":{ID:{"label","metadata"}},
 * "edges":[{"source","target","relation","metadata"}]}} */
static json_t *jgf(kg_json_builder *b, const kg_graph *g)
{
    static const node_shape shape = {false, false, "type", false};
    json_t *root = json_object(), *graph = json_object();
    json_t *nodes = json_object(), *edges = json_array();
    bool ok = kg_json_put(b, graph, "directed", json_true()) &&
              kg_json_put(b, graph, "metadata", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        json_t *el = json_object(), *meta = json_object();
        bool eok = kg_json_put(b, el, "label", kg_json_str(b, n->label));
        eok = kg_json_put_if(b, el, "metadata", meta,
                             eok && node_fields(b, meta, n, analyzed, &shape));
        ok = kg_json_put(b, nodes, n->id, kg_json_done(el, eok));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *meta = json_object();
        bool eok = kg_json_put(b, el, "source", kg_json_str(b, source_id(g, e))) &&
                   kg_json_put(b, el, "target", kg_json_str(b, target_id(g, e))) &&
                   kg_json_put(b, el, "relation", kg_json_str(b, e->relation));
        eok = kg_json_put_if(b, el, "metadata", meta, eok && edge_fields(b, meta, e, false));
        ok = kg_json_push(b, edges, kg_json_done(el, eok));
    }
    ok = kg_json_put_if(b, graph, "nodes", nodes, ok);
    ok = kg_json_put_if(b, graph, "edges", edges, ok);
    return kg_json_done(root, kg_json_put_if(b, root, "graph", graph, ok));
}

static const char *const style_names[] = {
    [KG_JSON_NODE_LINK] = "node-link",
    [KG_JSON_CYTOSCAPE] = "cytoscape",
    [KG_JSON_GRAPHOLOGY] = "graphology",
    [KG_JSON_JGF] = "jgf",
};
#define N_STYLES (sizeof style_names / sizeof style_names[0])

bool kg_json_style_parse(const char *name, kg_json_style *out)
{
    for (size_t i = 0; name && i < N_STYLES; i++) {
        if (strcmp(name, style_names[i]) == 0) {
            if (out)
                *out = (kg_json_style)i;
            return true;
        }
    }
    return false;
}

const char *kg_json_style_name(kg_json_style s)
{
    return (size_t)s < N_STYLES ? style_names[s] : NULL;
}

kg_status kg_export_json_styled(const kg_graph *g, kg_json_style style, FILE *out, kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "json: no graph or no output");
    kg_json_builder b = {false, NULL};
    json_t *root = NULL;
    switch (style) {
    case KG_JSON_NODE_LINK:
        root = node_link(&b, g);
        break;
    case KG_JSON_CYTOSCAPE:
        root = cytoscape(&b, g);
        break;
    case KG_JSON_GRAPHOLOGY:
        root = graphology(&b, g);
        break;
    case KG_JSON_JGF:
        root = jgf(&b, g);
        break;
    default:
        return kg_error_set(err, KG_ERR_USAGE, "json: unknown style %d", (int)style);
    }
    if (!root)
        return kg_json_builder_error(&b, err);
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (rc != 0 || fputc('\n', out) == EOF)
        return kg_export_io_error(err);
    return KG_OK;
}

kg_status kg_export_json(const kg_graph *g, FILE *out, kg_error *err)
{
    return kg_export_json_styled(g, KG_JSON_NODE_LINK, out, err);
}
