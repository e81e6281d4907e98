/* graph_edge.c - the merge rules of an edge: found by (source, relation,
 * target, negated); modal ORed, attributed ANDed, confidence the maximum,
 * evidence unique per (doc, sentence) (graph_lists.c), count = evidence +
 * support given without it. */
#include "graph_store.h"

#include <string.h>

/* The key in g->key: source, relation, target separated by
 * NULs (which no C string contains, so the key is unambiguous), then 0/1. */
bool kg_graph_edge_key(kg_graph *g, const char *source, const char *relation, const char *target,
                       bool negated, size_t *len)
{
    size_t ls = strlen(source), lr = strlen(relation), lt = strlen(target);
    size_t need = ls + lr + lt + 4;
    char *key = kg_graph_reserve(g->key, &g->key_cap, need, 1);
    if (!key)
        return false;
    g->key = key;
    memcpy(key, source, ls);
    key[ls] = '\0';
    memcpy(key + ls + 1, relation, lr);
    key[ls + 1 + lr] = '\0';
    memcpy(key + ls + lr + 2, target, lt);
    key[ls + lr + 2 + lt] = '\0';
    key[need - 1] = negated ? '1' : '0';
    *len = need;
    return true;
}

kg_status kg_graph_edge_merge(kg_graph *g, size_t source, size_t target, const kg_edge *spec,
                              size_t bare, size_t *index)
{
    size_t len, i;
    if (!kg_graph_edge_key(g, g->nodes[source].pub.id, spec->relation, g->nodes[target].pub.id,
                           spec->negated, &len))
        return KG_ERR_NOMEM;
    double conf = kg_graph_clamp_confidence(spec->confidence);
    kg_edge_rec *e;
    if (kg_strmap_getn(g->edge_index, g->key, len, &i)) {
        e = &g->edges[i];
        e->pub.modal = e->pub.modal || spec->modal;
        e->pub.attributed = e->pub.attributed && spec->attributed;
        if (conf > e->pub.confidence)
            e->pub.confidence = conf;
    } else {
        kg_edge_rec *edges =
            kg_graph_reserve(g->edges, &g->edges_cap, g->n_edges + 1, sizeof *edges);
        if (!edges)
            return KG_ERR_NOMEM;
        g->edges = edges;
        const char *rel = kg_graph_intern(g, spec->relation);
        if (!rel || kg_strmap_putn(g->edge_index, g->key, len, g->n_edges) != KG_OK)
            return KG_ERR_NOMEM;
        i = g->n_edges++;
        e = &edges[i];
        memset(e, 0, sizeof *e);
        e->pub.source = source;
        e->pub.target = target;
        e->pub.relation = rel;
        e->pub.negated = spec->negated;
        e->pub.modal = spec->modal;
        e->pub.attributed = spec->attributed;
        e->pub.confidence = conf;
    }
    g->analyzed = false;
    kg_status st = KG_OK;
    for (size_t k = 0; k < spec->n_evidence && st == KG_OK; k++)
        st = kg_graph_evidence_offer(g, i, &spec->evidence[k]);
    e->bare = kg_graph_count_add(e->bare, bare);
    e->pub.count = kg_graph_count_add(e->pub.n_evidence, e->bare);
    *index = i;
    return st;
}

kg_status kg_graph_put_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err)
{
    if (!g || !spec || !spec->relation)
        return kg_error_set(err, KG_ERR_USAGE, "graph: an edge needs a relation");
    if (spec->source >= g->n_nodes || spec->target >= g->n_nodes)
        return kg_error_set(
            err, KG_ERR_USAGE,
            "graph: edge '%s' joins node %zu to node %zu but the graph has %zu nodes",
            spec->relation, spec->source, spec->target, g->n_nodes);
    if (spec->n_evidence && !spec->evidence)
        return kg_error_set(err, KG_ERR_USAGE, "graph: edge '%s': evidence is missing",
                            spec->relation);
    /* Support without evidence counts as given (at least once); with evidence
     * the evidence is the count. */
    size_t bare = spec->n_evidence ? 0 : (spec->count ? spec->count : 1);
    size_t i = 0;
    if (kg_graph_edge_merge(g, spec->source, spec->target, spec, bare, &i) != KG_OK)
        return kg_graph_nomem(err);
    if (index)
        *index = i;
    return KG_OK;
}

kg_status kg_graph_add_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err)
{
    size_t i = 0;
    kg_status st = kg_graph_put_edge(g, spec, &i, err);
    if (g)
        st = kg_graph_finish(g, st, true, err);
    if (st == KG_OK && index)
        *index = i;
    return st;
}
