/* analytics.c - centrality, components and communities through igraph.
 *
 * Every measure is computed on canonical copies of the structure: vertices in
 * node-id order, edges in kg_graph_sort's order.  So the numbers, down to the
 * last bit, depend only on the content of the graph, whether or not it was
 * sorted, and analyzing never moves nodes or edges.
 *
 *  degree           in + out edges, on the directed multigraph
 *  weighted_degree  the same, each edge weighted by its count
 *  pagerank         PRPACK, damping 0.85, directed, weights = count
 *  betweenness      on the undirected simple view (a pair of linked nodes is
 *                   one link whatever the number or direction of claims),
 *                   unweighted: who lies between whom.  Exact up to
 *                   KG_BETWEENNESS_EXACT_MAX_NODES nodes; above, estimated
 *                   from evenly spread sources (include/kg/graph.h): exact
 *                   costs nodes x links, and a 100,000-node merge ran past
 *                   600 s, with no way to skip it.  Directed betweenness
 *                   is zero for most nodes of a sparse news graph, and a
 *                   count as a distance would make strong ties long.
 *  component        weakly connected components
 *  community        Louvain (igraph_community_multilevel) on the undirected
 *                   simple view with summed counts as weights; self-loops are
 *                   left out of that view.  Above KG_COMMUNITY_LOUVAIN_MAX_NODES
 *                   nodes, Leiden (igraph_community_leiden) maximizing the
 *                   same modularity, for KG_COMMUNITY_LEIDEN_ITERATIONS
 *                   iterations: igraph 0.10's Louvain repeats its moving
 *                   phase while modularity rises at all, and on a 100,000-
 *                   node graph (bench/scale_gen.py graph) that took 460
 *                   passes over the graph (17 s; 50,000 nodes: 75 passes,
 *                   0.5 s), 70% of a whole kg merge.  Leiden's fixed
 *                   iterations cost O(links) each (0.4 s there) and find
 *                   communities of the same modularity (0.9021 vs 0.9022),
 *                   which are moreover connected.
 * Component and community ids are renumbered 0, 1, ... in the order their
 * first member appears in node-id order.
 */
#include "graph_internal.h"

#include <igraph.h>
#include <stdlib.h>
#include <string.h>

typedef struct vertex_order {
    const char *id;
    size_t node;
} vertex_order;

typedef struct arc {
    size_t a, b; /* canonical vertex positions */
    const char *relation;
    bool negated;
    double weight;
} arc;

/* Like IGRAPH_CHECK, but without raising igraph's error again: the failing
 * function already reported to igraph's handler. */
#define TRY(call)                                                                                  \
    do {                                                                                           \
        igraph_error_t rc_ = (call);                                                               \
        if (rc_ != IGRAPH_SUCCESS)                                                                 \
            return rc_;                                                                            \
    } while (0)

static int vertex_order_cmp(const void *x, const void *y)
{
    return strcmp(((const vertex_order *)x)->id, ((const vertex_order *)y)->id);
}

static int cmp_size(size_t a, size_t b)
{
    return (a > b) - (a < b);
}

static int arc_cmp(const void *x, const void *y)
{
    const arc *a = x, *b = y;
    int c = cmp_size(a->a, b->a);
    if (!c)
        c = cmp_size(a->b, b->b);
    if (!c && a->relation && b->relation)
        c = strcmp(a->relation, b->relation);
    if (!c)
        c = (int)a->negated - (int)b->negated;
    return c;
}

/* Renumbers labels (indexed by canonical position) 0, 1, ... by first
 * appearance; seen is scratch for n entries. */
static bool canonical_ids(const igraph_vector_int_t *labels, size_t n, long *seen, long *out)
{
    if ((size_t)igraph_vector_int_size(labels) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        seen[i] = -1;
    long next = 0;
    for (size_t r = 0; r < n; r++) {
        igraph_integer_t l = VECTOR(*labels)[r];
        if (l < 0 || (size_t)l >= n)
            return false;
        if (seen[l] < 0)
            seen[l] = next++;
        out[r] = seen[l];
    }
    return true;
}

/* The sources of the estimate: k of the n canonical positions, spread
 * evenly (position floor(i * n / k)), so the choice depends only on the
 * graph's content. */
static igraph_error_t pick_sources(igraph_vector_int_t *src, size_t n, size_t k)
{
    TRY(igraph_vector_int_resize(src, (igraph_integer_t)k));
    for (size_t i = 0; i < k; i++)
        VECTOR(*src)[i] = (igraph_integer_t)((double)i * (double)n / (double)k);
    return IGRAPH_SUCCESS;
}

/* The scratch objects of one analysis, destroyed together. */
typedef struct work {
    vertex_order *order; /* canonical position -> node */
    size_t *pos;         /* node -> canonical position */
    arc *arcs, *links;
    long *component, *community, *seen;
    igraph_vector_int_t dir_ev, und_ev, degree, membership, communities;
    igraph_vector_t dir_w, und_w, strength, pagerank, betweenness;
    int n_int, n_real; /* vectors initialised so far */
    igraph_t dir, und;
    bool have_dir, have_und;
    size_t sources; /* of the betweenness estimate; 0: exact */
    bool leiden;    /* communities by Leiden rather than Louvain */
} work;

static void work_free(work *w)
{
    igraph_vector_int_t *iv[] = {&w->dir_ev, &w->und_ev, &w->degree, &w->membership,
                                 &w->communities};
    igraph_vector_t *rv[] = {&w->dir_w, &w->und_w, &w->strength, &w->pagerank, &w->betweenness};
    for (int i = 0; i < w->n_int; i++)
        igraph_vector_int_destroy(iv[i]);
    for (int i = 0; i < w->n_real; i++)
        igraph_vector_destroy(rv[i]);
    if (w->have_dir)
        igraph_destroy(&w->dir);
    if (w->have_und)
        igraph_destroy(&w->und);
    free(w->order);
    free(w->pos);
    free(w->arcs);
    free(w->links);
    free(w->component);
    free(w->community);
    free(w->seen);
}

static igraph_error_t work_init_vectors(work *w)
{
    igraph_vector_int_t *iv[] = {&w->dir_ev, &w->und_ev, &w->degree, &w->membership,
                                 &w->communities};
    igraph_vector_t *rv[] = {&w->dir_w, &w->und_w, &w->strength, &w->pagerank, &w->betweenness};
    for (; w->n_int < 5; w->n_int++) {
        igraph_error_t rc = igraph_vector_int_init(iv[w->n_int], 0);
        if (rc != IGRAPH_SUCCESS)
            return rc;
    }
    for (; w->n_real < 5; w->n_real++) {
        igraph_error_t rc = igraph_vector_init(rv[w->n_real], 0);
        if (rc != IGRAPH_SUCCESS)
            return rc;
    }
    return IGRAPH_SUCCESS;
}

/* Builds the canonical directed multigraph and the undirected simple view. */
static igraph_error_t build_views(const kg_graph *g, work *w, size_t n, size_t m, size_t *n_links)
{
    for (size_t i = 0; i < n; i++)
        w->order[i] = (vertex_order){kg_graph_node(g, i)->id, i};
    qsort(w->order, n, sizeof *w->order, vertex_order_cmp);
    for (size_t r = 0; r < n; r++)
        w->pos[w->order[r].node] = r;
    for (size_t j = 0; j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        w->arcs[j] =
            (arc){w->pos[e->source], w->pos[e->target], e->relation, e->negated, (double)e->count};
    }
    qsort(w->arcs, m, sizeof *w->arcs, arc_cmp);

    TRY(igraph_vector_int_resize(&w->dir_ev, (igraph_integer_t)(2 * m)));
    TRY(igraph_vector_resize(&w->dir_w, (igraph_integer_t)m));
    for (size_t j = 0; j < m; j++) {
        VECTOR(w->dir_ev)[2 * j] = (igraph_integer_t)w->arcs[j].a;
        VECTOR(w->dir_ev)[2 * j + 1] = (igraph_integer_t)w->arcs[j].b;
        VECTOR(w->dir_w)[j] = w->arcs[j].weight;
    }
    TRY(igraph_create(&w->dir, &w->dir_ev, (igraph_integer_t)n, IGRAPH_DIRECTED));
    w->have_dir = true;

    size_t k = 0;
    for (size_t j = 0; j < m; j++) {
        size_t a = w->arcs[j].a, b = w->arcs[j].b;
        if (a == b)
            continue;
        w->links[k++] = (arc){a < b ? a : b, a < b ? b : a, NULL, false, w->arcs[j].weight};
    }
    qsort(w->links, k, sizeof *w->links, arc_cmp);
    size_t u = 0;
    for (size_t j = 0; j < k; j++) {
        if (u > 0 && w->links[u - 1].a == w->links[j].a && w->links[u - 1].b == w->links[j].b)
            w->links[u - 1].weight += w->links[j].weight;
        else
            w->links[u++] = w->links[j];
    }
    TRY(igraph_vector_int_resize(&w->und_ev, (igraph_integer_t)(2 * u)));
    TRY(igraph_vector_resize(&w->und_w, (igraph_integer_t)u));
    for (size_t j = 0; j < u; j++) {
        VECTOR(w->und_ev)[2 * j] = (igraph_integer_t)w->links[j].a;
        VECTOR(w->und_ev)[2 * j + 1] = (igraph_integer_t)w->links[j].b;
        VECTOR(w->und_w)[j] = w->links[j].weight;
    }
    TRY(igraph_create(&w->und, &w->und_ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED));
    w->have_und = true;
    *n_links = u;
    return IGRAPH_SUCCESS;
}

/* Modularity by Leiden: node weights are the strengths, resolution 1/2m
 * (igraph's documented recipe); beta 0.01, the randomness of the
 * refinement, is igraph's and python-igraph's default. */
static igraph_error_t leiden(work *w)
{
    igraph_vector_t strength;
    TRY(igraph_vector_init(&strength, 0));
    igraph_error_t rc =
        igraph_strength(&w->und, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w->und_w);
    igraph_real_t total = igraph_vector_sum(&w->und_w);
    igraph_integer_t clusters;
    igraph_real_t quality;
    if (rc == IGRAPH_SUCCESS)
        rc = igraph_community_leiden(
            &w->und, &w->und_w, &strength, total > 0 ? 1.0 / (2.0 * total) : 1.0, 0.01, false,
            KG_COMMUNITY_LEIDEN_ITERATIONS, &w->communities, &clusters, &quality);
    igraph_vector_destroy(&strength);
    return rc;
}

static igraph_error_t measure(work *w)
{
    TRY(igraph_degree(&w->dir, &w->degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    TRY(igraph_strength(&w->dir, &w->strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS,
                        &w->dir_w));
    igraph_real_t value;
    TRY(igraph_pagerank(&w->dir, IGRAPH_PAGERANK_ALGO_PRPACK, &w->pagerank, &value,
                        igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &w->dir_w, NULL));
    if (w->sources == 0) {
        TRY(igraph_betweenness(&w->und, &w->betweenness, igraph_vss_all(), IGRAPH_UNDIRECTED,
                               NULL));
    } else {
        igraph_vector_int_t src;
        TRY(igraph_vector_int_init(&src, 0));
        igraph_integer_t n = igraph_vcount(&w->und);
        igraph_error_t rc = pick_sources(&src, (size_t)n, w->sources);
        if (rc == IGRAPH_SUCCESS)
            rc = igraph_betweenness_subset(&w->und, &w->betweenness, igraph_vss_all(),
                                           IGRAPH_UNDIRECTED, igraph_vss_vector(&src),
                                           igraph_vss_all(), NULL);
        igraph_vector_int_destroy(&src);
        TRY(rc);
        igraph_vector_scale(&w->betweenness, (igraph_real_t)n / (igraph_real_t)w->sources);
    }
    TRY(igraph_connected_components(&w->dir, &w->membership, NULL, NULL, IGRAPH_WEAK));
    /* Louvain visits vertices in random order.  igraph's RNG is process-global
     * (and Debian's igraph is built without thread-local state); this is the
     * one place kg touches it, seeding it so that communities are the same on
     * every run. */
    TRY(igraph_rng_seed(igraph_rng_default(), 42));
    if (!w->leiden) {
        TRY(igraph_community_multilevel(&w->und, &w->und_w, 1.0, &w->communities, NULL, NULL));
        return IGRAPH_SUCCESS;
    }
    return leiden(w);
}

void kg_analyze_options_init(kg_analyze_options *o)
{
    o->exact_max_nodes = KG_BETWEENNESS_EXACT_MAX_NODES;
    o->sources = KG_BETWEENNESS_SOURCES;
    o->louvain_max_nodes = KG_COMMUNITY_LOUVAIN_MAX_NODES;
}

kg_status kg_graph_analyze(kg_graph *g, kg_error *err)
{
    kg_analyze_options o;
    kg_analyze_options_init(&o);
    return kg_graph_analyze_with(g, &o, err);
}

kg_status kg_graph_analyze_with(kg_graph *g, const kg_analyze_options *o, kg_error *err)
{
    if (!g || !o)
        return kg_error_set(err, KG_ERR_USAGE, "graph: no graph to analyze");
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    kg_graph_set_betweenness_sources(g, 0);
    kg_graph_set_community_method(g, KG_COMMUNITY_NONE);
    if (n == 0) {
        kg_graph_set_analyzed(g, true);
        return KG_OK;
    }
    work w;
    memset(&w, 0, sizeof w);
    /* as many sources as nodes give the exact numbers, at the exact cost */
    if (n > o->exact_max_nodes && o->sources > 0 && o->sources <= n)
        w.sources = o->sources;
    w.leiden = n > o->louvain_max_nodes;
    w.order = malloc(n * sizeof *w.order);
    w.pos = malloc(n * sizeof *w.pos);
    w.arcs = malloc((m ? m : 1) * sizeof *w.arcs);
    w.links = malloc((m ? m : 1) * sizeof *w.links);
    w.component = malloc(n * sizeof *w.component);
    w.community = malloc(n * sizeof *w.community);
    w.seen = malloc(n * sizeof *w.seen);
    kg_status st = KG_OK;
    if (!w.order || !w.pos || !w.arcs || !w.links || !w.component || !w.community || !w.seen) {
        st = kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
        goto out;
    }
    size_t n_links;
    igraph_error_t rc = work_init_vectors(&w);
    if (rc == IGRAPH_SUCCESS)
        rc = build_views(g, &w, n, m, &n_links);
    if (rc == IGRAPH_SUCCESS)
        rc = measure(&w);
    if (rc != IGRAPH_SUCCESS) {
        st = kg_error_set(err, rc == IGRAPH_ENOMEM ? KG_ERR_NOMEM : KG_ERR_LIB,
                          "graph: analysis: igraph: %s", igraph_strerror(rc));
        goto out;
    }
    if (!canonical_ids(&w.membership, n, w.seen, w.component) ||
        !canonical_ids(&w.communities, n, w.seen, w.community)) {
        st = kg_error_set(err, KG_ERR_LIB, "graph: analysis: igraph returned bad memberships");
        goto out;
    }
    for (size_t r = 0; r < n; r++) {
        kg_node *node = kg_graph_node_mut(g, w.order[r].node);
        node->degree = (double)VECTOR(w.degree)[r];
        node->weighted_degree = VECTOR(w.strength)[r];
        node->pagerank = VECTOR(w.pagerank)[r];
        node->betweenness = VECTOR(w.betweenness)[r];
        node->component = w.component[r];
        node->community = w.community[r];
    }
    kg_graph_set_betweenness_sources(g, w.sources);
    kg_graph_set_community_method(g, w.leiden ? KG_COMMUNITY_LEIDEN : KG_COMMUNITY_LOUVAIN);
    kg_graph_set_analyzed(g, true);
out:
    work_free(&w);
    return st;
}
