/* graph.c - the node and edge store: records beside an igraph structure.
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
 * Per-node lists (aliases, roles, documents) and evidence are kept in their
 * canonical order at all times; kg_graph_sort only has to permute nodes and
 * edges.  The igraph structure is extended at the end of every public call
 * with one batched igraph_add_edges (each call costs O(V+E), so adding edges
 * one by one would be quadratic) and rebuilt by sort.
 */
#include "graph_internal.h"

#include <igraph.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

#define N_TYPES ((int)KG_ENT_LOCATION + 1)

/* Strings ordered by where they were first seen (aliases, roles). */
typedef struct tagged_list {
    const char **items; /* the public view, in order */
    const char **docs;  /* document where first seen, NULL if unknown */
    size_t *ranks;      /* position in that document's list */
    size_t n, cap;
} tagged_list;

typedef struct node_rec {
    kg_node pub;
    tagged_list aliases, roles;
    size_t (*doc_types)[N_TYPES]; /* mentions per type, parallel to pub.docs */
    size_t docs_cap;
    size_t undoc[N_TYPES]; /* mentions given without a document */
    unsigned seen_types;   /* bit per type any contribution had */
    bool has_first;        /* label/first_* came from a contribution */
} node_rec;

/* A document, and the input kg_graph_add_document took it from (NULL for
 * one that came with another graph or from JSON), to name both inputs when
 * a second document claims its id. */
typedef struct doc_rec {
    kg_graph_doc pub;
    const char *source;
} doc_rec;

typedef struct edge_rec {
    kg_edge pub;
    size_t ev_cap;
    size_t bare; /* support added without evidence */
} edge_rec;

struct kg_graph {
    kg_arena *arena;
    kg_strmap *interned; /* string -> index into strings */
    const char **strings;
    size_t n_strings, strings_cap;

    node_rec *nodes;
    size_t n_nodes, nodes_cap;
    edge_rec *edges;
    size_t n_edges, edges_cap;
    kg_strmap *node_index; /* id -> node index */
    kg_strmap *edge_index; /* edge key -> edge index */
    doc_rec *docs;         /* sorted by id */
    size_t n_docs, docs_cap;

    char *key; /* scratch for edge keys */
    size_t key_cap;

    igraph_t ig;
    bool analyzed;
};

/* ---------------------------------------------------------------- helpers */

static kg_status nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
}

static kg_status igraph_failed(kg_error *err, igraph_error_t rc)
{
    if (rc == IGRAPH_ENOMEM)
        return nomem(err);
    return kg_error_set(err, KG_ERR_LIB, "graph: igraph: %s", igraph_strerror(rc));
}

/* Makes room for need items; returns the (possibly moved) array, or NULL with
 * the old array still valid. */
static void *reserve(void *items, size_t *cap, size_t need, size_t size)
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

static const char *intern(kg_graph *g, const char *s)
{
    size_t i;
    if (kg_strmap_get(g->interned, s, &i))
        return g->strings[i];
    const char **strings = reserve(g->strings, &g->strings_cap, g->n_strings + 1, sizeof *strings);
    if (!strings)
        return NULL;
    g->strings = strings;
    char *copy = kg_arena_strdup(g->arena, s);
    if (!copy || kg_strmap_put(g->interned, s, g->n_strings) != KG_OK)
        return NULL;
    g->strings[g->n_strings++] = copy;
    return copy;
}

/* NULL (an unknown document) sorts after every document. */
static int cmp_doc(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

static int cmp_size(size_t a, size_t b)
{
    return (a > b) - (a < b);
}

/* ---------------------------------------------------------------- lifetime */

kg_graph *kg_graph_new(void)
{
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

static void tagged_free(tagged_list *l)
{
    free(l->items);
    free(l->docs);
    free(l->ranks);
}

void kg_graph_free(kg_graph *g)
{
    if (!g)
        return;
    igraph_destroy(&g->ig);
    for (size_t i = 0; i < g->n_nodes; i++) {
        node_rec *n = &g->nodes[i];
        tagged_free(&n->aliases);
        tagged_free(&n->roles);
        free(n->pub.docs);
        free(n->doc_types);
    }
    for (size_t i = 0; i < g->n_edges; i++)
        free(g->edges[i].pub.evidence);
    free(g->nodes);
    free(g->edges);
    free(g->docs);
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
            return igraph_failed(err, rc);
    }
    size_t ne = (size_t)igraph_ecount(&g->ig);
    if (ne < g->n_edges) {
        igraph_vector_int_t v;
        igraph_error_t rc = igraph_vector_int_init(&v, (igraph_integer_t)(2 * (g->n_edges - ne)));
        if (rc != IGRAPH_SUCCESS)
            return igraph_failed(err, rc);
        for (size_t i = ne; i < g->n_edges; i++) {
            VECTOR(v)[2 * (i - ne)] = (igraph_integer_t)g->edges[i].pub.source;
            VECTOR(v)[2 * (i - ne) + 1] = (igraph_integer_t)g->edges[i].pub.target;
        }
        rc = igraph_add_edges(&g->ig, &v, NULL);
        igraph_vector_int_destroy(&v);
        if (rc != IGRAPH_SUCCESS)
            return igraph_failed(err, rc);
    }
    return KG_OK;
}

/* A public mutator's result: its own status, or a failure to bring igraph up
 * to date (which the caller must hear about even when the change succeeded). */
static kg_status finish(kg_graph *g, kg_status st, kg_error *err)
{
    kg_error sync_err;
    kg_status sst = sync_igraph(g, &sync_err);
    if (st != KG_OK)
        return st;
    if (sst != KG_OK)
        return kg_error_set(err, sst, "%s", sync_err.message);
    return KG_OK;
}

/* ---------------------------------------------------------------- documents */

static size_t doc_search(const kg_graph *g, const char *id, bool *found)
{
    size_t lo = 0, hi = g->n_docs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->docs[mid].pub.id, id);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

/* Inserts a new document at i (where doc_search put it). */
static kg_status doc_insert(kg_graph *g, size_t i, const char *id, const char *date,
                            const char *source, kg_error *err)
{
    doc_rec *docs = reserve(g->docs, &g->docs_cap, g->n_docs + 1, sizeof *docs);
    if (!docs)
        return nomem(err);
    g->docs = docs;
    const char *iid = intern(g, id), *idate = intern(g, date);
    const char *isource = source ? intern(g, source) : NULL;
    if (!iid || !idate || (source && !isource))
        return nomem(err);
    memmove(&docs[i + 1], &docs[i], (g->n_docs - i) * sizeof *docs);
    docs[i] = (doc_rec){{iid, idate}, isource};
    g->n_docs++;
    return KG_OK;
}

kg_status kg_graph_add_doc(kg_graph *g, const char *id, const char *date, kg_error *err)
{
    if (!g || !id || !*id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a document needs an id");
    if (!date)
        date = "";
    bool found;
    size_t i = doc_search(g, id, &found);
    if (!found)
        return doc_insert(g, i, id, date, NULL, err);
    const char *old = g->docs[i].pub.date;
    if (*date && (!*old || strcmp(date, old) < 0)) {
        const char *d = intern(g, date);
        if (!d)
            return nomem(err);
        g->docs[i].pub.date = d;
    }
    return KG_OK;
}

kg_status kg_graph_claim_doc(kg_graph *g, const char *id, const char *date, const char *source,
                             kg_error *err)
{
    if (!g || !id || !*id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a document needs an id");
    if (!source)
        source = id;
    bool found;
    size_t i = doc_search(g, id, &found);
    if (!found)
        return doc_insert(g, i, id, date ? date : "", source, err);
    /* the same input again (a path given twice) adds nothing: merging is
     * idempotent per document */
    if (g->docs[i].source && !strcmp(g->docs[i].source, source))
        return kg_graph_add_doc(g, id, date, err);
    if (g->docs[i].source)
        return kg_error_set(err, KG_ERR_INPUT, "%s: document id \"%s\" is already that of %s",
                            source, id, g->docs[i].source);
    return kg_error_set(err, KG_ERR_INPUT, "%s: document id \"%s\" is already in the graph", source,
                        id);
}

/* ---------------------------------------------------------------- nodes */

/* Aliases and roles are ordered by content alone, fullest first (longer,
 * then byte order): an order that depended on which document gave a string
 * first could not survive a round trip through JSON, which does not record
 * that, and merging would stop being associative.  The document and rank
 * are kept for callers that want provenance. */
static int tag_cmp(const char *doc_a, size_t rank_a, const char *s_a, const char *doc_b,
                   size_t rank_b, const char *s_b)
{
    (void)doc_a;
    (void)doc_b;
    (void)rank_a;
    (void)rank_b;
    size_t la = strlen(s_a), lb = strlen(s_b);
    if (la != lb)
        return la > lb ? -1 : 1;
    return strcmp(s_a, s_b);
}

/* Room for one more string.  The three arrays share one capacity, raised
 * only when all of them have grown. */
static kg_status tagged_grow(tagged_list *l)
{
    if (l->n < l->cap)
        return KG_OK;
    size_t cap = l->cap ? 2 * l->cap : 4;
    const char **items = realloc(l->items, cap * sizeof *items);
    if (!items)
        return KG_ERR_NOMEM;
    l->items = items;
    const char **docs = realloc(l->docs, cap * sizeof *docs);
    if (!docs)
        return KG_ERR_NOMEM;
    l->docs = docs;
    size_t *ranks = realloc(l->ranks, cap * sizeof *ranks);
    if (!ranks)
        return KG_ERR_NOMEM;
    l->ranks = ranks;
    l->cap = cap;
    return KG_OK;
}

/* Adds s (interned) seen at position rank of doc's list, or moves it earlier
 * if this sighting comes first. */
static kg_status tagged_offer(tagged_list *l, const char *s, const char *doc, size_t rank)
{
    size_t i = 0;
    while (i < l->n && l->items[i] != s)
        i++;
    if (i < l->n) {
        if (tag_cmp(doc, rank, s, l->docs[i], l->ranks[i], s) >= 0)
            return KG_OK;
        l->n--;
        memmove(&l->items[i], &l->items[i + 1], (l->n - i) * sizeof *l->items);
        memmove(&l->docs[i], &l->docs[i + 1], (l->n - i) * sizeof *l->docs);
        memmove(&l->ranks[i], &l->ranks[i + 1], (l->n - i) * sizeof *l->ranks);
    } else {
        if (tagged_grow(l) != KG_OK)
            return KG_ERR_NOMEM;
    }
    size_t j = 0;
    while (j < l->n && tag_cmp(l->docs[j], l->ranks[j], l->items[j], doc, rank, s) < 0)
        j++;
    memmove(&l->items[j + 1], &l->items[j], (l->n - j) * sizeof *l->items);
    memmove(&l->docs[j + 1], &l->docs[j], (l->n - j) * sizeof *l->docs);
    memmove(&l->ranks[j + 1], &l->ranks[j], (l->n - j) * sizeof *l->ranks);
    l->items[j] = s;
    l->docs[j] = doc;
    l->ranks[j] = rank;
    l->n++;
    return KG_OK;
}

/* Records mentions of the node per type in doc (interned), keeping the larger
 * count when the document was seen before. */
static kg_status node_offer_doc(node_rec *n, const char *doc, const size_t counts[N_TYPES])
{
    kg_node *p = &n->pub;
    size_t lo = 0, hi = p->n_docs;
    bool found = false;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p->docs[mid].doc, doc);
        if (c == 0) {
            found = true;
            lo = mid;
            break;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t i = lo;
    if (!found) {
        if (p->n_docs == n->docs_cap) {
            /* two parallel arrays, as in tagged_grow */
            size_t cap = n->docs_cap ? 2 * n->docs_cap : 4;
            kg_doc_count *docs = realloc(p->docs, cap * sizeof *docs);
            if (!docs)
                return KG_ERR_NOMEM;
            p->docs = docs;
            size_t(*types)[N_TYPES] = realloc(n->doc_types, cap * sizeof *types);
            if (!types)
                return KG_ERR_NOMEM;
            n->doc_types = types;
            n->docs_cap = cap;
        }
        kg_doc_count *docs = p->docs;
        size_t(*types)[N_TYPES] = n->doc_types;
        memmove(&docs[i + 1], &docs[i], (p->n_docs - i) * sizeof *docs);
        memmove(&types[i + 1], &types[i], (p->n_docs - i) * sizeof *types);
        docs[i].doc = doc;
        docs[i].mentions = 0;
        memset(types[i], 0, sizeof types[i]);
        p->n_docs++;
    }
    size_t sum = 0;
    for (int t = 0; t < N_TYPES; t++) {
        if (counts[t] > n->doc_types[i][t])
            n->doc_types[i][t] = kg_graph_count_add(0, counts[t]);
        sum = kg_graph_count_add(sum, n->doc_types[i][t]);
    }
    p->docs[i].mentions = sum;
    return KG_OK;
}

static void node_offer_first(node_rec *n, const char *label, const char *doc, size_t offset,
                             size_t cp)
{
    kg_node *p = &n->pub;
    if (n->has_first) {
        int c = cmp_doc(doc, p->first_doc);
        if (!c)
            c = cmp_size(offset, p->first_offset);
        if (!c)
            c = strcmp(label, p->label);
        if (!c)
            c = cmp_size(cp, p->first_cp);
        if (c >= 0)
            return;
    }
    n->has_first = true;
    p->label = label;
    p->first_doc = doc;
    p->first_offset = offset;
    p->first_cp = cp;
}

/* Copies a code from a fixed-size field that may lack its terminator. */
static void code_offer(char *dst, size_t size, const char *src)
{
    char c[4] = {0};
    size_t len = strnlen(src, size);
    if (len >= size)
        len = size - 1;
    memcpy(c, src, len);
    if (c[0] && (!dst[0] || strcmp(c, dst) < 0))
        memcpy(dst, c, size);
}

static void node_recount(node_rec *n)
{
    size_t total[N_TYPES];
    memcpy(total, n->undoc, sizeof total);
    for (size_t i = 0; i < n->pub.n_docs; i++)
        for (int t = 0; t < N_TYPES; t++)
            total[t] = kg_graph_count_add(total[t], n->doc_types[i][t]);
    int best = -1;
    size_t sum = 0;
    for (int t = 0; t < N_TYPES; t++) {
        sum = kg_graph_count_add(sum, total[t]);
        if ((n->seen_types & (1u << t)) && (best < 0 || total[t] > total[best]))
            best = t;
    }
    n->pub.mentions = sum;
    if (best >= 0)
        n->pub.type = (kg_entity_type)best;
    n->pub.aliases = n->aliases.items;
    n->pub.n_aliases = n->aliases.n;
    n->pub.roles = n->roles.items;
    n->pub.n_roles = n->roles.n;
}

/* The node with this id, created (label = id, no first mention) if new. */
static kg_status node_get(kg_graph *g, const char *id, size_t *index)
{
    if (kg_strmap_get(g->node_index, id, index))
        return KG_OK;
    node_rec *nodes = reserve(g->nodes, &g->nodes_cap, g->n_nodes + 1, sizeof *nodes);
    if (!nodes)
        return KG_ERR_NOMEM;
    g->nodes = nodes;
    const char *iid = intern(g, id);
    if (!iid || kg_strmap_put(g->node_index, iid, g->n_nodes) != KG_OK)
        return KG_ERR_NOMEM;
    node_rec *n = &nodes[g->n_nodes];
    memset(n, 0, sizeof *n);
    n->pub.id = iid;
    n->pub.label = iid;
    n->pub.component = -1;
    n->pub.community = -1;
    *index = g->n_nodes++;
    return KG_OK;
}

static kg_status node_add(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err)
{
    if ((spec->n_aliases && !spec->aliases) || (spec->n_roles && !spec->roles) ||
        (spec->n_docs && !spec->docs))
        return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: a list is missing", spec->id);
    for (size_t k = 0; k < spec->n_docs; k++)
        if (!spec->docs[k].doc)
            return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: a document has no id",
                                spec->id);
    for (size_t k = 0; k < spec->n_aliases; k++)
        if (!spec->aliases[k])
            return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: an alias is NULL", spec->id);
    for (size_t k = 0; k < spec->n_roles; k++)
        if (!spec->roles[k])
            return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: a role is NULL", spec->id);

    size_t i;
    if (node_get(g, spec->id, &i) != KG_OK)
        return nomem(err);
    g->analyzed = false;
    node_rec *n = &g->nodes[i];
    const char *doc = spec->first_doc ? intern(g, spec->first_doc) : NULL;
    const char *label = intern(g, spec->label ? spec->label : spec->id);
    if ((spec->first_doc && !doc) || !label)
        return nomem(err);
    node_offer_first(n, label, doc, spec->first_offset, spec->first_cp);
    code_offer(n->pub.iso2, sizeof n->pub.iso2, spec->iso2);
    code_offer(n->pub.iso3, sizeof n->pub.iso3, spec->iso3);

    kg_status st = KG_OK;
    for (size_t k = 0; k < spec->n_aliases && st == KG_OK; k++) {
        const char *s = intern(g, spec->aliases[k]);
        st = s ? tagged_offer(&n->aliases, s, doc, k) : KG_ERR_NOMEM;
    }
    for (size_t k = 0; k < spec->n_roles && st == KG_OK; k++) {
        const char *s = intern(g, spec->roles[k]);
        st = s ? tagged_offer(&n->roles, s, doc, k) : KG_ERR_NOMEM;
    }
    n->seen_types |= 1u << spec->type;
    if (spec->n_docs == 0)
        n->undoc[spec->type] = kg_graph_count_add(n->undoc[spec->type], spec->mentions);
    for (size_t k = 0; k < spec->n_docs && st == KG_OK; k++) {
        size_t counts[N_TYPES] = {0};
        counts[spec->type] = spec->docs[k].mentions;
        const char *d = intern(g, spec->docs[k].doc);
        st = d ? node_offer_doc(n, d, counts) : KG_ERR_NOMEM;
    }
    node_recount(n);
    if (st != KG_OK)
        return nomem(err);
    *index = i;
    return KG_OK;
}

kg_status kg_graph_put_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err)
{
    if (!g || !spec || !spec->id || !*spec->id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a node needs an id");
    if ((unsigned)spec->type >= (unsigned)N_TYPES)
        return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: unknown type %d", spec->id,
                            (int)spec->type);
    return node_add(g, spec, index, err);
}

kg_status kg_graph_add_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err)
{
    size_t i = 0;
    kg_status st = kg_graph_put_node(g, spec, &i, err);
    if (g)
        st = finish(g, st, err);
    if (st == KG_OK && index)
        *index = i;
    return st;
}

/* Merges a node record of another graph, keeping every per-contribution key
 * so that merging graphs gives what adding all their documents would. */
static kg_status node_merge(kg_graph *g, const node_rec *src, size_t *index)
{
    size_t i;
    if (node_get(g, src->pub.id, &i) != KG_OK)
        return KG_ERR_NOMEM;
    g->analyzed = false;
    node_rec *n = &g->nodes[i];
    const kg_node *p = &src->pub;
    if (src->has_first) {
        const char *doc = p->first_doc ? intern(g, p->first_doc) : NULL;
        const char *label = intern(g, p->label);
        if ((p->first_doc && !doc) || !label)
            return KG_ERR_NOMEM;
        node_offer_first(n, label, doc, p->first_offset, p->first_cp);
    }
    code_offer(n->pub.iso2, sizeof n->pub.iso2, p->iso2);
    code_offer(n->pub.iso3, sizeof n->pub.iso3, p->iso3);
    const tagged_list *lists[2] = {&src->aliases, &src->roles};
    tagged_list *into[2] = {&n->aliases, &n->roles};
    for (int l = 0; l < 2; l++) {
        for (size_t k = 0; k < lists[l]->n; k++) {
            const char *s = intern(g, lists[l]->items[k]);
            const char *d = lists[l]->docs[k] ? intern(g, lists[l]->docs[k]) : NULL;
            if (!s || (lists[l]->docs[k] && !d) ||
                tagged_offer(into[l], s, d, lists[l]->ranks[k]) != KG_OK)
                return KG_ERR_NOMEM;
        }
    }
    n->seen_types |= src->seen_types;
    for (int t = 0; t < N_TYPES; t++)
        n->undoc[t] = kg_graph_count_add(n->undoc[t], src->undoc[t]);
    kg_status st = KG_OK;
    for (size_t k = 0; k < p->n_docs && st == KG_OK; k++) {
        const char *d = intern(g, p->docs[k].doc);
        st = d ? node_offer_doc(n, d, src->doc_types[k]) : KG_ERR_NOMEM;
    }
    node_recount(n);
    *index = i;
    return st;
}

/* ---------------------------------------------------------------- edges */

/* The lookup key of an edge in g->key: source, relation, target separated by
 * NULs (which no C string contains, so the key is unambiguous), then 0/1. */
static bool edge_key(kg_graph *g, const char *source, const char *relation, const char *target,
                     bool negated, size_t *len)
{
    size_t ls = strlen(source), lr = strlen(relation), lt = strlen(target);
    size_t need = ls + lr + lt + 4;
    char *key = reserve(g->key, &g->key_cap, need, 1);
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

static int evidence_cmp_key(const kg_evidence *a, const kg_evidence *b)
{
    int c = strcmp(a->doc, b->doc);
    return c ? c : cmp_size(a->sentence, b->sentence);
}

static int evidence_cmp_all(const kg_evidence *a, const kg_evidence *b)
{
    int c = evidence_cmp_key(a, b);
    if (!c)
        c = cmp_size(a->start, b->start);
    if (!c)
        c = cmp_size(a->end, b->end);
    if (!c)
        c = cmp_size(a->cp_start, b->cp_start);
    if (!c)
        c = cmp_size(a->cp_end, b->cp_end);
    if (!c)
        c = strcmp(a->text, b->text);
    if (!c)
        c = strcmp(a->date, b->date);
    return c;
}

static kg_status edge_offer_evidence(kg_graph *g, edge_rec *e, const kg_evidence *ev)
{
    kg_evidence x = *ev;
    x.doc = intern(g, ev->doc ? ev->doc : "");
    x.date = intern(g, ev->date ? ev->date : "");
    x.text = intern(g, ev->text ? ev->text : "");
    if (!x.doc || !x.date || !x.text)
        return KG_ERR_NOMEM;
    kg_edge *p = &e->pub;
    size_t lo = 0, hi = p->n_evidence;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = evidence_cmp_key(&p->evidence[mid], &x);
        if (c == 0) {
            if (evidence_cmp_all(&x, &p->evidence[mid]) < 0)
                p->evidence[mid] = x;
            return KG_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    kg_evidence *evs = reserve(p->evidence, &e->ev_cap, p->n_evidence + 1, sizeof *evs);
    if (!evs)
        return KG_ERR_NOMEM;
    p->evidence = evs;
    memmove(&evs[lo + 1], &evs[lo], (p->n_evidence - lo) * sizeof *evs);
    evs[lo] = x;
    p->n_evidence++;
    return KG_OK;
}

static double clamp_confidence(double c)
{
    if (!(c >= 0.0)) /* also NaN */
        return 0.0;
    return c > 1.0 ? 1.0 : c;
}

/* Adds or merges the edge source -> target described by spec (its source,
 * target and count are ignored), with `bare` support beyond its evidence. */
static kg_status edge_add(kg_graph *g, size_t source, size_t target, const kg_edge *spec,
                          size_t bare, size_t *index)
{
    size_t len, i;
    if (!edge_key(g, g->nodes[source].pub.id, spec->relation, g->nodes[target].pub.id,
                  spec->negated, &len))
        return KG_ERR_NOMEM;
    double conf = clamp_confidence(spec->confidence);
    edge_rec *e;
    if (kg_strmap_getn(g->edge_index, g->key, len, &i)) {
        e = &g->edges[i];
        e->pub.modal = e->pub.modal || spec->modal;
        e->pub.attributed = e->pub.attributed && spec->attributed;
        if (conf > e->pub.confidence)
            e->pub.confidence = conf;
    } else {
        edge_rec *edges = reserve(g->edges, &g->edges_cap, g->n_edges + 1, sizeof *edges);
        if (!edges)
            return KG_ERR_NOMEM;
        g->edges = edges;
        const char *rel = intern(g, spec->relation);
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
        st = edge_offer_evidence(g, e, &spec->evidence[k]);
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
    if (edge_add(g, spec->source, spec->target, spec, bare, &i) != KG_OK)
        return nomem(err);
    if (index)
        *index = i;
    return KG_OK;
}

kg_status kg_graph_add_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err)
{
    size_t i = 0;
    kg_status st = kg_graph_put_edge(g, spec, &i, err);
    if (g)
        st = finish(g, st, err);
    if (st == KG_OK && index)
        *index = i;
    return st;
}

kg_status kg_graph_sync(kg_graph *g, kg_status st, kg_error *err)
{
    return finish(g, st, err);
}

/* ---------------------------------------------------------------- merge */

kg_status kg_graph_merge(kg_graph *dst, const kg_graph *src, kg_error *err)
{
    if (!dst || !src)
        return kg_error_set(err, KG_ERR_USAGE, "graph: merge needs two graphs");
    if (dst == src)
        return kg_error_set(err, KG_ERR_USAGE, "graph: cannot merge a graph into itself");
    for (size_t i = 0; i < src->n_docs; i++) {
        kg_status st = kg_graph_add_doc(dst, src->docs[i].pub.id, src->docs[i].pub.date, err);
        if (st != KG_OK)
            return st;
    }
    size_t *map = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *map);
    if (!map)
        return nomem(err);
    kg_status st = KG_OK;
    for (size_t i = 0; i < src->n_nodes && st == KG_OK; i++)
        st = node_merge(dst, &src->nodes[i], &map[i]);
    for (size_t i = 0; i < src->n_edges && st == KG_OK; i++) {
        const edge_rec *e = &src->edges[i];
        size_t index;
        st = edge_add(dst, map[e->pub.source], map[e->pub.target], &e->pub, e->bare, &index);
    }
    free(map);
    if (st != KG_OK)
        st = nomem(err);
    return finish(dst, st, err);
}

/* ---------------------------------------------------------------- sort */

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
    int c = cmp_size(a->source, b->source);
    if (!c)
        c = cmp_size(a->target, b->target);
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
    size_t nn = g->n_nodes, ne = g->n_edges;
    node_order *no = malloc((nn ? nn : 1) * sizeof *no);
    size_t *new_of_old = malloc((nn ? nn : 1) * sizeof *new_of_old);
    edge_order *eo = malloc((ne ? ne : 1) * sizeof *eo);
    node_rec *nodes = malloc((nn ? nn : 1) * sizeof *nodes);
    edge_rec *edges = malloc((ne ? ne : 1) * sizeof *edges);
    kg_strmap *node_index = kg_strmap_new(), *edge_index = kg_strmap_new();
    igraph_vector_int_t ev;
    bool have_ev = false;
    igraph_t ig;
    kg_status st = KG_OK;
    if (!no || !new_of_old || !eo || !nodes || !edges || !node_index || !edge_index) {
        st = nomem(err);
        goto out;
    }
    for (size_t i = 0; i < nn; i++)
        no[i] = (node_order){g->nodes[i].pub.id, i};
    qsort(no, nn, sizeof *no, node_order_cmp);
    for (size_t k = 0; k < nn; k++) {
        new_of_old[no[k].old] = k;
        if (kg_strmap_put(node_index, no[k].id, k) != KG_OK) {
            st = nomem(err);
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
        st = igraph_failed(err, rc);
        goto out;
    }
    have_ev = true;
    for (size_t k = 0; k < ne; k++) {
        size_t len;
        const kg_edge *e = &g->edges[eo[k].old].pub;
        if (!edge_key(g, g->nodes[e->source].pub.id, e->relation, g->nodes[e->target].pub.id,
                      e->negated, &len) ||
            kg_strmap_putn(edge_index, g->key, len, k) != KG_OK) {
            st = nomem(err);
            goto out;
        }
        VECTOR(ev)[2 * k] = (igraph_integer_t)eo[k].source;
        VECTOR(ev)[2 * k + 1] = (igraph_integer_t)eo[k].target;
    }
    rc = igraph_create(&ig, &ev, (igraph_integer_t)nn, IGRAPH_DIRECTED);
    if (rc != IGRAPH_SUCCESS) {
        st = igraph_failed(err, rc);
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

void kg_graph_set_analyzed(kg_graph *g, bool analyzed)
{
    g->analyzed = analyzed;
}
