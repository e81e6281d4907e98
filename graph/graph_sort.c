/* graph_sort.c - the canonical order: nodes by id, edges by (source id,
 * target id, relation, negated), every list mended; the igraph structure is
 * rebuilt to match.  Everything is built before anything is swapped in, so a
 * failure leaves the graph as it was. */
#include "graph_store.h"

#include <stdlib.h>
#include <string.h>

typedef struct node_order {
    const char *id;
    size_t old;
} node_order;

typedef struct edge_order {
    size_t source, target; /* new node indices */
    const char *relation;
    bool negated;
    size_t old;
} edge_order;

static int node_order_cmp(const void *a, const void *b)
{
    return strcmp(((const node_order *)a)->id, ((const node_order *)b)->id);
}

static int edge_order_cmp(const void *pa, const void *pb)
{
    const edge_order *a = pa, *b = pb;
    int c = kg_graph_cmp_size(a->source, b->source);
    if (!c)
        c = kg_graph_cmp_size(a->target, b->target);
    if (!c)
        c = strcmp(a->relation, b->relation);
    if (!c)
        c = (int)a->negated - (int)b->negated;
    return c;
}

/* Everything sort needs is built here first, so that a failure leaves the
 * graph as it was; only then is it swapped in. */
kg_status kg_graph_sort(kg_graph *g, kg_error *err)
{
    if (!g)
        return kg_error_set(err, KG_ERR_USAGE, "graph: no graph to sort");
    if (kg_graph_lists_mend(g) != KG_OK)
        return kg_graph_nomem(err);
    size_t nn = g->n_nodes, ne = g->n_edges;
    node_order *no = malloc((nn ? nn : 1) * sizeof *no);
    size_t *new_of_old = malloc((nn ? nn : 1) * sizeof *new_of_old);
    edge_order *eo = malloc((ne ? ne : 1) * sizeof *eo);
    kg_node_rec *nodes = malloc((nn ? nn : 1) * sizeof *nodes);
    kg_edge_rec *edges = malloc((ne ? ne : 1) * sizeof *edges);
    kg_strmap *node_index = kg_strmap_new(), *edge_index = kg_strmap_new();
    igraph_vector_int_t ev;
    bool have_ev = false;
    igraph_t ig;
    kg_status st = KG_OK;
    if (!no || !new_of_old || !eo || !nodes || !edges || !node_index || !edge_index) {
        st = kg_graph_nomem(err);
        goto out;
    }
    for (size_t i = 0; i < nn; i++)
        no[i] = (node_order){g->nodes[i].pub.id, i};
    qsort(no, nn, sizeof *no, node_order_cmp);
    for (size_t k = 0; k < nn; k++) {
        new_of_old[no[k].old] = k;
        if (kg_strmap_put(node_index, no[k].id, k) != KG_OK) {
            st = kg_graph_nomem(err);
            goto out;
        }
    }
    for (size_t i = 0; i < ne; i++) {
        const kg_edge *e = &g->edges[i].pub;
        eo[i] =
            (edge_order){new_of_old[e->source], new_of_old[e->target], e->relation, e->negated, i};
    }
    qsort(eo, ne, sizeof *eo, edge_order_cmp);
    igraph_error_t rc = igraph_vector_int_init(&ev, (igraph_integer_t)(2 * ne));
    if (rc != IGRAPH_SUCCESS) {
        st = kg_graph_igraph_failed(err, rc);
        goto out;
    }
    have_ev = true;
    for (size_t k = 0; k < ne; k++) {
        size_t len;
        const kg_edge *e = &g->edges[eo[k].old].pub;
        if (!kg_graph_edge_key(g, g->nodes[e->source].pub.id, e->relation,
                               g->nodes[e->target].pub.id, e->negated, &len) ||
            kg_strmap_putn(edge_index, g->key, len, k) != KG_OK) {
            st = kg_graph_nomem(err);
            goto out;
        }
        VECTOR(ev)[2 * k] = (igraph_integer_t)eo[k].source;
        VECTOR(ev)[2 * k + 1] = (igraph_integer_t)eo[k].target;
    }
    rc = igraph_create(&ig, &ev, (igraph_integer_t)nn, IGRAPH_DIRECTED);
    if (rc != IGRAPH_SUCCESS) {
        st = kg_graph_igraph_failed(err, rc);
        goto out;
    }
    /* Nothing can fail from here on. */
    for (size_t k = 0; k < nn; k++)
        nodes[k] = g->nodes[no[k].old];
    for (size_t k = 0; k < ne; k++) {
        edges[k] = g->edges[eo[k].old];
        edges[k].pub.source = eo[k].source;
        edges[k].pub.target = eo[k].target;
    }
    free(g->nodes);
    g->nodes = nodes;
    g->nodes_cap = nn ? nn : 1;
    nodes = NULL;
    free(g->edges);
    g->edges = edges;
    g->edges_cap = ne ? ne : 1;
    edges = NULL;
    kg_strmap *tmp = g->node_index;
    g->node_index = node_index;
    node_index = tmp;
    tmp = g->edge_index;
    g->edge_index = edge_index;
    edge_index = tmp;
    igraph_destroy(&g->ig);
    g->ig = ig;
    for (size_t k = 0; k < g->n_claims; k++)
        g->claims[k].pub.node = new_of_old[g->claims[k].pub.node];
    /* a failure here leaves the claims in their old order, still whole */
    if (kg_graph_claims_sort(g) != KG_OK)
        st = kg_graph_nomem(err);
out:
    if (have_ev)
        igraph_vector_int_destroy(&ev);
    kg_strmap_free(edge_index);
    kg_strmap_free(node_index);
    free(edges);
    free(nodes);
    free(eo);
    free(new_of_old);
    free(no);
    return st;
}
