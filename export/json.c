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
#include "kg/export.h"

/* Failures are sticky: the first one decides the message. */
typedef struct builder {
    bool nomem;
    const char *bad_string; /* a string jansson refused (not UTF-8) */
} builder;

static json_t *str(builder *b, const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (!v && !b->bad_string && s)
        b->bad_string = s;
    return v;
}

static json_t *num(size_t n)
{
    return json_integer((json_int_t)n);
}

/* put and push take ownership of value, also when they fail (jansson's _new
 * functions release it); a NULL value is an earlier failure passed on. */
static bool put(builder *b, json_t *obj, const char *key, json_t *value)
{
    if (!value || json_object_set_new(obj, key, value) != 0) {
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

static bool push(builder *b, json_t *arr, json_t *value)
{
    if (!value || json_array_append_new(arr, value) != 0) {
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

/* o if everything put into it went in, else NULL (and o is released). */
static json_t *done(json_t *o, bool ok)
{
    if (ok)
        return o;
    json_decref(o);
    return NULL;
}

static json_t *strings(builder *b, const char *const *items, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n && arr; i++)
        if (!push(b, arr, str(b, items[i]))) {
            json_decref(arr);
            return NULL;
        }
    return arr;
}

static json_t *graph_info(builder *b, const kg_graph *g)
{
    json_t *info = json_object(), *docs = json_array();
    bool ok = put(b, info, "generator", str(b, "kg " KG_VERSION)) &&
              put(b, info, "schema_version", json_integer(KG_JSON_SCHEMA_VERSION));
    for (size_t i = 0; ok && i < kg_graph_doc_count(g); i++) {
        const kg_graph_doc *d = kg_graph_doc_at(g, i);
        json_t *doc = json_object();
        ok = push(
            b, docs,
            done(doc, put(b, doc, "id", str(b, d->id)) && put(b, doc, "date", str(b, d->date))));
    }
    if (ok)
        ok = put(b, info, "documents", docs);
    else
        json_decref(docs);
    return done(info, ok);
}

static bool put_metrics(builder *b, json_t *m, const kg_node *n)
{
    return put(b, m, "degree", json_integer((json_int_t)n->degree)) &&
           put(b, m, "weighted_degree", json_integer((json_int_t)n->weighted_degree)) &&
           put(b, m, "pagerank", json_real(n->pagerank)) &&
           put(b, m, "betweenness", json_real(n->betweenness)) &&
           put(b, m, "component", json_integer(n->component)) &&
           put(b, m, "community", json_integer(n->community));
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
static bool node_fields(builder *b, json_t *o, const kg_node *n, bool analyzed,
                        const node_shape *shape)
{
    bool ok = true;
    if (shape->id)
        ok = put(b, o, "id", str(b, n->id));
    if (ok && shape->label)
        ok = put(b, o, "label", str(b, n->label));
    ok = ok && put(b, o, shape->type_key, str(b, kg_entity_type_name(n->type))) &&
         put(b, o, "aliases", strings(b, n->aliases, n->n_aliases)) &&
         put(b, o, "roles", strings(b, n->roles, n->n_roles)) &&
         put(b, o, "mentions", num(n->mentions));
    if (ok && n->iso2[0])
        ok = put(b, o, "iso2", str(b, n->iso2));
    if (ok && n->iso3[0])
        ok = put(b, o, "iso3", str(b, n->iso3));
    if (ok && n->first_doc) {
        json_t *first = json_object();
        ok = put(b, o, "first_mention",
                 done(first, put(b, first, "doc", str(b, n->first_doc)) &&
                                 put(b, first, "offset", num(n->first_offset)) &&
                                 put(b, first, "cp", num(n->first_cp))));
    }
    json_t *docs = ok ? json_array() : NULL;
    for (size_t i = 0; ok && i < n->n_docs; i++) {
        json_t *d = json_object();
        ok = push(b, docs,
                  done(d, put(b, d, "id", str(b, n->docs[i].doc)) &&
                              put(b, d, "mentions", num(n->docs[i].mentions))));
    }
    if (ok)
        ok = put(b, o, "documents", docs);
    else
        json_decref(docs);
    if (ok && analyzed) {
        if (shape->nested_metrics) {
            json_t *m = json_object();
            ok = put(b, o, "metrics", done(m, put_metrics(b, m, n)));
        } else {
            ok = put_metrics(b, o, n);
        }
    }
    return ok;
}

static json_t *node_json(builder *b, const kg_node *n, bool analyzed)
{
    json_t *o = json_object();
    return done(o, node_fields(b, o, n, analyzed, &node_link_shape));
}

static json_t *evidence(builder *b, const kg_evidence *ev)
{
    json_t *o = json_object();
    bool ok = put(b, o, "doc", str(b, ev->doc)) && put(b, o, "date", str(b, ev->date)) &&
              put(b, o, "sentence", num(ev->sentence)) && put(b, o, "start", num(ev->start)) &&
              put(b, o, "end", num(ev->end)) && put(b, o, "cp_start", num(ev->cp_start)) &&
              put(b, o, "cp_end", num(ev->cp_end)) && put(b, o, "text", str(b, ev->text));
    return done(o, ok);
}

/* An edge's attributes from "relation" on (with_relation false: from "negated"). */
static bool edge_fields(builder *b, json_t *o, const kg_edge *e, bool with_relation)
{
    bool ok = (!with_relation || put(b, o, "relation", str(b, e->relation))) &&
              put(b, o, "negated", json_boolean(e->negated)) &&
              put(b, o, "modal", json_boolean(e->modal)) &&
              put(b, o, "attributed", json_boolean(e->attributed)) &&
              put(b, o, "count", num(e->count)) &&
              put(b, o, "confidence", json_real(e->confidence));
    json_t *evs = ok ? json_array() : NULL;
    for (size_t i = 0; ok && i < e->n_evidence; i++)
        ok = push(b, evs, evidence(b, &e->evidence[i]));
    if (ok)
        ok = put(b, o, "evidence", evs);
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

static json_t *link_json(builder *b, const kg_graph *g, const kg_edge *e)
{
    json_t *o = json_object();
    bool ok = put(b, o, "source", str(b, source_id(g, e))) &&
              put(b, o, "target", str(b, target_id(g, e))) && edge_fields(b, o, e, true);
    return done(o, ok);
}

static bool put_if(builder *b, json_t *o, const char *key, json_t *v, bool ok);

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

static json_t *claim_value(builder *b, const kg_claim_value *v)
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

static json_t *claim_json(builder *b, const kg_graph *g, const kg_claim *c)
{
    json_t *o = json_object(), *vals = json_array(), *evs = json_array();
    bool ok = put(b, o, "entity", str(b, kg_graph_node(g, c->node)->id)) &&
              put(b, o, "role", str(b, kg_claim_role_name(c->role))) &&
              put(b, o, "relation", str(b, c->relation)) &&
              put(b, o, "argument", str(b, c->argument)) &&
              put(b, o, "negated", json_boolean(c->negated)) &&
              put(b, o, "modal", json_boolean(c->modal)) &&
              put(b, o, "attributed", json_boolean(c->attributed)) &&
              put(b, o, "speaker", str(b, c->speaker));
    for (size_t i = 0; ok && i < c->n_values; i++)
        ok = push(b, vals, claim_value(b, &c->values[i]));
    ok = put_if(b, o, "values", vals, ok) && ok;
    ok = ok && put(b, o, "count", num(c->count)) &&
         put(b, o, "confidence", json_real(c->confidence));
    for (size_t i = 0; ok && i < c->n_evidence; i++)
        ok = push(b, evs, evidence(b, &c->evidence[i]));
    ok = put_if(b, o, "evidence", evs, ok) && ok;
    return done(o, ok);
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

static json_t *node_link(builder *b, const kg_graph *g)
{
    int multi = has_parallel_edges(g);
    if (multi < 0) {
        b->nomem = true;
        return NULL;
    }
    json_t *root = json_object(), *nodes = json_array(), *links = json_array();
    bool ok = put(b, root, "directed", json_true()) &&
              put(b, root, "multigraph", json_boolean(multi)) &&
              put(b, root, "graph", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++)
        ok = push(b, nodes, node_json(b, kg_graph_node(g, i), analyzed));
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++)
        ok = push(b, links, link_json(b, g, kg_graph_edge(g, j)));
    json_t *claims = json_array();
    for (size_t j = 0; ok && j < kg_graph_claim_count(g); j++)
        ok = push(b, claims, claim_json(b, g, kg_graph_claim(g, j)));
    json_t *parts[3] = {nodes, links, claims};
    /* "edges", the key networkx 3.6 reads by default (node_link_graph's
     * edges="edges"); kg's reader takes "links" too (docs/json-format.md) */
    const char *keys[3] = {"nodes", "edges", "claims"};
    for (int k = 0; k < 3; k++) {
        if (ok)
            ok = put(b, root, keys[k], parts[k]);
        else
            json_decref(parts[k]);
    }
    return done(root, ok);
}

/* Puts v under key if everything so far went well (ok), else releases it:
 * v is consumed either way. */
static bool put_if(builder *b, json_t *o, const char *key, json_t *v, bool ok)
{
    return put(b, o, key, done(v, ok));
}

/* {"data":{...graph info},"elements":{"nodes":[{"data"}],"edges":[{"data"}]}} */
static json_t *cytoscape(builder *b, const kg_graph *g)
{
    static const node_shape shape = {true, true, "type", false};
    json_t *root = json_object(), *elements = json_object();
    json_t *nodes = json_array(), *edges = json_array();
    bool ok = put(b, root, "data", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    size_t colons = edge_key_colons(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        json_t *el = json_object(), *data = json_object();
        bool dok = node_fields(b, data, kg_graph_node(g, i), analyzed, &shape);
        ok = push(b, nodes, done(el, put_if(b, el, "data", data, dok)));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *data = json_object();
        bool dok = put(b, data, "id", edge_key(j, colons)) &&
                   put(b, data, "source", str(b, source_id(g, e))) &&
                   put(b, data, "target", str(b, target_id(g, e))) && edge_fields(b, data, e, true);
        ok = push(b, edges, done(el, put_if(b, el, "data", data, dok)));
    }
    ok = put_if(b, elements, "nodes", nodes, ok);
    ok = put_if(b, elements, "edges", edges, ok);
    return done(root, put_if(b, root, "elements", elements, ok));
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
static json_t *graphology(builder *b, const kg_graph *g)
{
    static const node_shape shape = {false, true, "entity_type", false};
    json_t *root = json_object(), *options = json_object();
    json_t *nodes = json_array(), *edges = json_array();
    bool ok = put(b, root, "attributes", graph_info(b, g));
    ok = put_if(b, root, "options", options,
                ok && put(b, options, "type", str(b, "directed")) &&
                    put(b, options, "multi", json_true()) &&
                    put(b, options, "allowSelfLoops", json_boolean(has_self_loop(g))));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        json_t *el = json_object(), *attrs = json_object();
        bool eok = put(b, el, "key", str(b, n->id));
        eok = put_if(b, el, "attributes", attrs, eok && node_fields(b, attrs, n, analyzed, &shape));
        ok = push(b, nodes, done(el, eok));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *attrs = json_object();
        bool eok = put(b, el, "key", edge_key(j, 1)) &&
                   put(b, el, "source", str(b, source_id(g, e))) &&
                   put(b, el, "target", str(b, target_id(g, e)));
        eok = put_if(b, el, "attributes", attrs,
                     eok && put(b, attrs, "label", str(b, e->relation)) &&
                         edge_fields(b, attrs, e, true));
        ok = push(b, edges, done(el, eok));
    }
    ok = put_if(b, root, "nodes", nodes, ok);
    return done(root, put_if(b, root, "edges", edges, ok));
}

/* JSON Graph Format v2: {"graph":{"directed","metadata","nodes":{ID:{"label","metadata"}},
 * "edges":[{"source","target","relation","metadata"}]}} */
static json_t *jgf(builder *b, const kg_graph *g)
{
    static const node_shape shape = {false, false, "type", false};
    json_t *root = json_object(), *graph = json_object();
    json_t *nodes = json_object(), *edges = json_array();
    bool ok = put(b, graph, "directed", json_true()) && put(b, graph, "metadata", graph_info(b, g));
    bool analyzed = kg_graph_analyzed(g);
    for (size_t i = 0; ok && i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        json_t *el = json_object(), *meta = json_object();
        bool eok = put(b, el, "label", str(b, n->label));
        eok = put_if(b, el, "metadata", meta, eok && node_fields(b, meta, n, analyzed, &shape));
        ok = put(b, nodes, n->id, done(el, eok));
    }
    for (size_t j = 0; ok && j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        json_t *el = json_object(), *meta = json_object();
        bool eok = put(b, el, "source", str(b, source_id(g, e))) &&
                   put(b, el, "target", str(b, target_id(g, e))) &&
                   put(b, el, "relation", str(b, e->relation));
        eok = put_if(b, el, "metadata", meta, eok && edge_fields(b, meta, e, false));
        ok = push(b, edges, done(el, eok));
    }
    ok = put_if(b, graph, "nodes", nodes, ok);
    ok = put_if(b, graph, "edges", edges, ok);
    return done(root, put_if(b, root, "graph", graph, ok));
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
    builder b = {false, NULL};
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
    if (!root) {
        if (b.bad_string)
            return kg_error_set(err, KG_ERR_INPUT, "json: not valid UTF-8: \"%.60s\"",
                                b.bad_string);
        return kg_error_set(err, KG_ERR_NOMEM, "json: out of memory");
    }
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
