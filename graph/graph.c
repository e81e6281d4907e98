/* graph.c - the node and edge store: records beside an igraph structure.
 *
 * This file holds its lifetime, interning, igraph, merging and access; the
 * records are in graph_store.h and the rules in the files it names.
 *
 * Nodes and edges are records in arrays whose indices are igraph's vertex and
 * edge ids; two string maps find them by key.  Every string is interned in an
 * arena owned by the graph, so a document id or a sentence repeated in many
 * records is stored once, and equal strings are equal pointers.
 *
 * Merging is commutative, associative and idempotent per document, so the
 * sorted graph depends only on which documents went in, never on their order:
 *  - a node keeps its mentions per (document, type) and takes the larger count
 *    when a document comes again; mentions given without a document (a spec
 *    with no docs) are summed.  mentions = the total; type = the type with the
 *    most mentions among those seen, ties to the lower enum value.
 *  - label, first_doc, first_offset and first_cp come together from the
 *    contribution with the smallest (doc id, offset, label), an unknown
 *    document sorting last: the label is the canonical name in the first
 *    document.
 *  - aliases and roles are ordered by content, fullest first (longer, then
 *    byte order), so the order survives JSON round trips and any grouping
 *    of merges.
 *  - iso2 and iso3 are filled when empty; if contributions disagree the
 *    smaller code wins, so the choice does not depend on order.
 *  - an edge keeps its evidence sorted by (doc, sentence) and unique on that
 *    pair (a duplicate keeps the smaller record).  count = evidence entries
 *    + counts added without evidence: a sentence supports an edge once, however
 *    many of its triples say the same thing, and re-adding a document changes
 *    nothing.  modal is ORed, attributed ANDed, confidence the maximum.
 *  - document dates: the non-empty one wins; two different ones, the smaller.
 *  - counts and mentions saturate at KG_COUNT_MAX instead of wrapping.
 *
 * Aliases and roles are kept in their canonical order at all times.  The
 * long lists (the graph's documents, a node's documents, an edge's evidence)
 * grow by appending, are found through a position index once longer than
 * KG_LIST_INDEX_MIN, and an entry that arrives out of order marks its list to be
 * mended (list_order.h) at the end of the public call, or, for
 * kg_graph_add_document, at kg_graph_sort or the next other call: keeping
 * them sorted by insertion made 200,000 documents naming one person cost
 * the square of that (8 s of memmove).  kg_graph_sort then permutes nodes
 * and edges.  The igraph structure is extended at the end of every public call
 * with one batched igraph_add_edges (each call costs O(V+E), so adding edges
 * one by one would be quadratic) and rebuilt by sort.
 */
#include "graph_store.h"
#include "kg/setup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

kg_status kg_graph_nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
}

kg_status kg_graph_igraph_failed(kg_error *err, igraph_error_t rc)
{
    if (rc == IGRAPH_ENOMEM)
        return kg_graph_nomem(err);
    return kg_error_set(err, KG_ERR_LIB, "graph: igraph: %s", igraph_strerror(rc));
}

void *kg_graph_reserve(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t n = *cap ? *cap : 4;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            return NULL;
        n *= 2;
    }
    void *p = realloc(items, n * size);
    if (p)
        *cap = n;
    return p;
}

const char *kg_graph_intern(kg_graph *g, const char *s)
{
    size_t i;
    if (kg_strmap_get(g->interned, s, &i))
        return g->strings[i];
    const char **strings =
        kg_graph_reserve(g->strings, &g->strings_cap, g->n_strings + 1, sizeof *strings);
    if (!strings)
        return NULL;
    g->strings = strings;
    char *copy = kg_arena_strdup(g->arena, s);
    if (!copy || kg_strmap_put(g->interned, s, g->n_strings) != KG_OK)
        return NULL;
    g->strings[g->n_strings++] = copy;
    return copy;
}

/* ---------------------------------------------------------------- lifetime */

kg_graph *kg_graph_new(void)
{
    /* before the first igraph call, for embedders who did not call it */
    kg_init();
    kg_graph *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->arena = kg_arena_new();
    g->interned = kg_strmap_new();
    g->node_index = kg_strmap_new();
    g->edge_index = kg_strmap_new();
    if (!g->arena || !g->interned || !g->node_index || !g->edge_index ||
        igraph_empty(&g->ig, 0, IGRAPH_DIRECTED) != IGRAPH_SUCCESS) {
        kg_strmap_free(g->edge_index);
        kg_strmap_free(g->node_index);
        kg_strmap_free(g->interned);
        kg_arena_free(g->arena);
        free(g);
        return NULL;
    }
    return g;
}

void kg_graph_free(kg_graph *g)
{
    if (!g)
        return;
    igraph_destroy(&g->ig);
    for (size_t i = 0; i < g->n_nodes; i++) {
        kg_node_rec *n = &g->nodes[i];
        kg_graph_tagged_free(&n->aliases);
        kg_graph_tagged_free(&n->roles);
        free(n->pub.docs);
        free(n->doc_types);
        kg_posindex_free(n->docs_ix);
    }
    for (size_t i = 0; i < g->n_edges; i++) {
        free(g->edges[i].pub.evidence);
        kg_posindex_free(g->edges[i].ev.ix);
    }
    kg_graph_claims_free(g);
    free(g->nodes);
    free(g->edges);
    free(g->docs);
    kg_posindex_free(g->docs_ix);
    free(g->dirty_nodes);
    free(g->dirty_edges);
    free(g->dirty_claims);
    free(g->key);
    free(g->strings);
    kg_strmap_free(g->edge_index);
    kg_strmap_free(g->node_index);
    kg_strmap_free(g->interned);
    kg_arena_free(g->arena);
    free(g);
}

/* Appends the vertices and edges igraph has not seen yet, in one batch. */
static kg_status sync_igraph(kg_graph *g, kg_error *err)
{
    igraph_integer_t nv = igraph_vcount(&g->ig);
    if ((size_t)nv < g->n_nodes) {
        igraph_error_t rc =
            igraph_add_vertices(&g->ig, (igraph_integer_t)(g->n_nodes - (size_t)nv), NULL);
        if (rc != IGRAPH_SUCCESS)
            return kg_graph_igraph_failed(err, rc);
    }
    size_t ne = (size_t)igraph_ecount(&g->ig);
    if (ne < g->n_edges) {
        igraph_vector_int_t v;
        igraph_error_t rc = igraph_vector_int_init(&v, (igraph_integer_t)(2 * (g->n_edges - ne)));
        if (rc != IGRAPH_SUCCESS)
            return kg_graph_igraph_failed(err, rc);
        for (size_t i = ne; i < g->n_edges; i++) {
            VECTOR(v)[2 * (i - ne)] = (igraph_integer_t)g->edges[i].pub.source;
            VECTOR(v)[2 * (i - ne) + 1] = (igraph_integer_t)g->edges[i].pub.target;
        }
        rc = igraph_add_edges(&g->ig, &v, NULL);
        igraph_vector_int_destroy(&v);
        if (rc != IGRAPH_SUCCESS)
            return kg_graph_igraph_failed(err, rc);
    }
    return KG_OK;
}

kg_status kg_graph_finish(kg_graph *g, kg_status st, bool mend, kg_error *err)
{
    kg_error sync_err;
    kg_status sst = sync_igraph(g, &sync_err);
    kg_status mst = mend ? kg_graph_lists_mend(g) : KG_OK;
    if (st != KG_OK)
        return st;
    if (sst != KG_OK)
        return kg_error_set(err, sst, "%s", sync_err.message);
    if (mst != KG_OK)
        return kg_graph_nomem(err);
    return KG_OK;
}

kg_status kg_graph_sync(kg_graph *g, kg_status st, kg_error *err)
{
    return kg_graph_finish(g, st, true, err);
}

kg_status kg_graph_sync_lazy(kg_graph *g, kg_status st, kg_error *err)
{
    return kg_graph_finish(g, st, false, err);
}

/* ---------------------------------------------------------------- merge */

kg_status kg_graph_merge(kg_graph *dst, const kg_graph *src, kg_error *err)
{
    if (!dst || !src)
        return kg_error_set(err, KG_ERR_USAGE, "graph: merge needs two graphs");
    if (dst == src)
        return kg_error_set(err, KG_ERR_USAGE, "graph: cannot merge a graph into itself");
    for (size_t i = 0; i < src->n_docs; i++) {
        kg_status st = kg_graph_docs_offer(dst, src->docs[i].pub.id, src->docs[i].pub.date, err);
        if (st != KG_OK)
            return st;
    }
    size_t *map = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *map);
    if (!map)
        return kg_graph_nomem(err);
    kg_status st = KG_OK;
    for (size_t i = 0; i < src->n_nodes && st == KG_OK; i++)
        st = kg_graph_node_merge(dst, &src->nodes[i], &map[i]);
    for (size_t i = 0; i < src->n_edges && st == KG_OK; i++) {
        const kg_edge_rec *e = &src->edges[i];
        size_t index;
        st = kg_graph_edge_merge(dst, map[e->pub.source], map[e->pub.target], &e->pub, e->bare,
                                 &index);
    }
    for (size_t i = 0; i < src->n_claims && st == KG_OK; i++) {
        const kg_claim_rec *c = &src->claims[i];
        size_t index;
        st = kg_graph_claim_merge(dst, map[c->pub.node], &c->pub, c->bare, &index);
    }
    free(map);
    if (st != KG_OK)
        st = kg_graph_nomem(err);
    return kg_graph_finish(dst, st, true, err);
}

/* ---------------------------------------------------------------- access */

size_t kg_graph_node_count(const kg_graph *g)
{
    return g->n_nodes;
}

size_t kg_graph_edge_count(const kg_graph *g)
{
    return g->n_edges;
}

const kg_node *kg_graph_node(const kg_graph *g, size_t i)
{
    return i < g->n_nodes ? &g->nodes[i].pub : NULL;
}

kg_node *kg_graph_node_mut(kg_graph *g, size_t i)
{
    return i < g->n_nodes ? &g->nodes[i].pub : NULL;
}

const kg_edge *kg_graph_edge(const kg_graph *g, size_t i)
{
    return i < g->n_edges ? &g->edges[i].pub : NULL;
}

size_t kg_graph_doc_count(const kg_graph *g)
{
    return g->n_docs;
}

const kg_graph_doc *kg_graph_doc_at(const kg_graph *g, size_t i)
{
    return i < g->n_docs ? &g->docs[i].pub : NULL;
}

long kg_graph_find_node(const kg_graph *g, const char *id)
{
    size_t i;
    if (!id || !kg_strmap_get(g->node_index, id, &i))
        return -1;
    return (long)i;
}

const void *kg_graph_igraph(const kg_graph *g)
{
    return &g->ig;
}

bool kg_graph_analyzed(const kg_graph *g)
{
    return g->analyzed;
}

size_t kg_graph_betweenness_sources(const kg_graph *g)
{
    return g->betweenness_sources;
}

void kg_graph_set_betweenness_sources(kg_graph *g, size_t sources)
{
    g->betweenness_sources = sources;
}

kg_community_method kg_graph_community_method(const kg_graph *g)
{
    return g->community_method;
}

void kg_graph_set_community_method(kg_graph *g, kg_community_method m)
{
    g->community_method = m;
}

const char *kg_community_method_name(kg_community_method m)
{
    switch (m) {
    case KG_COMMUNITY_LOUVAIN:
        return "louvain";
    case KG_COMMUNITY_LEIDEN:
        return "leiden";
    case KG_COMMUNITY_NONE:
        break;
    }
    return "none";
}

void kg_graph_set_analyzed(kg_graph *g, bool analyzed)
{
    g->analyzed = analyzed;
}
