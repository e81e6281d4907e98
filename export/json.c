/* json.c - node-link JSON, the form d3 and networkx read.
 *
 * Keys come in a fixed order (jansson keeps insertion order), indented by
 * two, reals with 6 significant digits, UTF-8 written as is.  Optional parts
 * appear only when they carry something: iso2/iso3 when set, first_mention
 * when the first document is known, metrics after kg_graph_analyze.
 *
 * "multigraph" says whether two links join the same ordered pair of nodes
 * (they then differ in relation or negation): networkx must then build a
 * MultiDiGraph, or it would keep only one of them.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
              put(b, info, "schema_version", json_integer(1));
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

static json_t *metrics(builder *b, const kg_node *n)
{
    json_t *m = json_object();
    bool ok = put(b, m, "degree", json_integer((json_int_t)n->degree)) &&
              put(b, m, "weighted_degree", json_integer((json_int_t)n->weighted_degree)) &&
              put(b, m, "pagerank", json_real(n->pagerank)) &&
              put(b, m, "betweenness", json_real(n->betweenness)) &&
              put(b, m, "component", json_integer(n->component)) &&
              put(b, m, "community", json_integer(n->community));
    return done(m, ok);
}

static json_t *node_json(builder *b, const kg_node *n, bool analyzed)
{
    json_t *o = json_object();
    bool ok = put(b, o, "id", str(b, n->id)) && put(b, o, "label", str(b, n->label)) &&
              put(b, o, "type", str(b, kg_export_type_name(n->type))) &&
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
    if (ok && analyzed)
        ok = put(b, o, "metrics", metrics(b, n));
    return done(o, ok);
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

static json_t *link_json(builder *b, const kg_graph *g, const kg_edge *e)
{
    json_t *o = json_object();
    bool ok = put(b, o, "source", str(b, kg_graph_node(g, e->source)->id)) &&
              put(b, o, "target", str(b, kg_graph_node(g, e->target)->id)) &&
              put(b, o, "relation", str(b, e->relation)) &&
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
    return done(o, ok);
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

static json_t *document(builder *b, const kg_graph *g)
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
    json_t *parts[2] = {nodes, links};
    const char *keys[2] = {"nodes", "links"};
    for (int k = 0; k < 2; k++) {
        if (ok)
            ok = put(b, root, keys[k], parts[k]);
        else
            json_decref(parts[k]);
    }
    return done(root, ok);
}

kg_status kg_export_json(const kg_graph *g, FILE *out, kg_error *err)
{
    builder b = {false, NULL};
    json_t *root = document(&b, g);
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
