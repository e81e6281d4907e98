/* graph_lists.c - the long lists of the store: the graph's documents, a
 * node's documents, an edge's or a claim's evidence (graph_store.h).
 *
 * Entries are appended; a list longer than KG_LIST_INDEX_MIN is found
 * through a position index (posindex.h), shorter ones are searched; an entry
 * that arrives out of order marks its list, and kg_graph_lists_mend puts the
 * marked lists back in order (list_order.h) at the end of a public call.
 * Keeping the lists sorted by insertion made 200,000 documents naming one
 * person cost the square of that.  Strings are interned, so keys compare as
 * pointers.
 */
#include "graph_store.h"

#include <stdlib.h>
#include <string.h>

#include "list_order.h"

/* Remembers that list i (a node's documents, an edge's evidence) has an
 * entry out of order.  If the stack cannot grow, every list is mended. */
static void mark_dirty(kg_graph *g, size_t **stack, size_t *n, size_t *cap, size_t i)
{
    size_t *s = kg_graph_reserve(*stack, cap, *n + 1, sizeof *s);
    if (!s) {
        g->mend_all = true;
        return;
    }
    *stack = s;
    s[(*n)++] = i;
}

/* After an entry was put at position `at` of a list now n long (keys given
 * by key_of): records it in *ix, creating the index once the list is longer
 * than KG_LIST_INDEX_MIN.  The index only saves time: when memory runs out it is
 * dropped, and the list searched. */
typedef const void *(*key_fn)(const void *list, size_t i, size_t *k);

static void index_entry(kg_posindex **ix, const void *list, size_t n, size_t at, key_fn key_of)
{
    size_t k;
    if (*ix) {
        const void *p = key_of(list, at, &k);
        if (kg_posindex_put(*ix, p, k, at) == KG_OK)
            return;
    } else if (n > KG_LIST_INDEX_MIN) {
        *ix = kg_posindex_new();
        bool ok = *ix != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            const void *p = key_of(list, i, &k);
            ok = kg_posindex_put(*ix, p, k, i) == KG_OK;
        }
        if (ok)
            return;
    } else {
        return;
    }
    kg_posindex_free(*ix);
    *ix = NULL;
}

/* Rebuilds *ix after a list's entries moved (no index: nothing to do). */
static void reindex(kg_posindex **ix, const void *list, size_t n, key_fn key_of)
{
    if (!*ix)
        return;
    kg_posindex_clear(*ix);
    for (size_t i = 0; i < n; i++) {
        size_t k;
        const void *p = key_of(list, i, &k);
        if (kg_posindex_put(*ix, p, k, i) != KG_OK) {
            kg_posindex_free(*ix);
            *ix = NULL;
            return;
        }
    }
}

/* ---------------------------------------------------------------- documents */

static const void *doc_key(const void *list, size_t i, size_t *k)
{
    *k = 0;
    return ((const kg_doc_rec *)list)[i].pub.id;
}

static int doc_list_cmp(const void *ctx, size_t a, size_t b)
{
    const kg_doc_rec *d = ctx;
    return strcmp(d[a].pub.id, d[b].pub.id);
}

/* The position of the document with this id, if g has it. */
static bool doc_find(const kg_graph *g, const char *id, size_t *i)
{
    size_t si;
    if (!kg_strmap_get(g->interned, id, &si))
        return false; /* every document id is interned */
    const char *iid = g->strings[si];
    if (g->docs_ix)
        return kg_posindex_find(g->docs_ix, iid, 0, i);
    for (size_t k = 0; k < g->n_docs; k++) {
        if (g->docs[k].pub.id == iid) {
            *i = k;
            return true;
        }
    }
    return false;
}

/* Appends a document g does not have. */
static kg_status doc_append(kg_graph *g, const char *id, const char *date, const char *source,
                            kg_error *err)
{
    kg_doc_rec *docs = kg_graph_reserve(g->docs, &g->docs_cap, g->n_docs + 1, sizeof *docs);
    if (!docs)
        return kg_graph_nomem(err);
    g->docs = docs;
    const char *iid = kg_graph_intern(g, id), *idate = kg_graph_intern(g, date);
    const char *isource = source ? kg_graph_intern(g, source) : NULL;
    if (!iid || !idate || (source && !isource))
        return kg_graph_nomem(err);
    size_t i = g->n_docs++;
    docs[i] = (kg_doc_rec){{iid, idate}, isource};
    if (g->docs_sorted == i && (i == 0 || strcmp(docs[i - 1].pub.id, iid) < 0))
        g->docs_sorted = i + 1;
    index_entry(&g->docs_ix, docs, g->n_docs, i, doc_key);
    return KG_OK;
}

kg_status kg_graph_docs_offer(kg_graph *g, const char *id, const char *date, kg_error *err)
{
    if (!date)
        date = "";
    size_t i;
    if (!doc_find(g, id, &i))
        return doc_append(g, id, date, NULL, err);
    const char *old = g->docs[i].pub.date;
    if (*date && (!*old || strcmp(date, old) < 0)) {
        const char *d = kg_graph_intern(g, date);
        if (!d)
            return kg_graph_nomem(err);
        g->docs[i].pub.date = d;
    }
    return KG_OK;
}

static kg_status mend_docs(kg_graph *g)
{
    if (g->docs_sorted == g->n_docs)
        return KG_OK;
    size_t *from = malloc(g->n_docs * sizeof *from);
    kg_status st = from ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK)
        st = kg_list_order_tail(g->docs_sorted, g->n_docs, doc_list_cmp, g->docs, from);
    if (st == KG_OK)
        st = kg_list_order_apply(g->docs, g->n_docs, sizeof *g->docs, from);
    free(from);
    if (st != KG_OK)
        return st;
    g->docs_sorted = g->n_docs;
    reindex(&g->docs_ix, g->docs, g->n_docs, doc_key);
    return KG_OK;
}

kg_status kg_graph_add_doc(kg_graph *g, const char *id, const char *date, kg_error *err)
{
    if (!g || !id || !*id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a document needs an id");
    kg_status st = kg_graph_docs_offer(g, id, date, err);
    if (st == KG_OK && kg_graph_lists_mend(g) != KG_OK)
        st = kg_graph_nomem(err);
    return st;
}

kg_status kg_graph_claim_doc(kg_graph *g, const char *id, const char *date, const char *source,
                             kg_error *err)
{
    if (!g || !id || !*id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a document needs an id");
    if (!source)
        source = id;
    size_t i;
    if (!doc_find(g, id, &i))
        return doc_append(g, id, date ? date : "", source, err);
    /* the same input again (a path given twice) adds nothing: merging is
     * idempotent per document */
    if (g->docs[i].source && !strcmp(g->docs[i].source, source))
        return kg_graph_docs_offer(g, id, date, err);
    if (g->docs[i].source)
        return kg_error_set(err, KG_ERR_INPUT, "%s: document id \"%s\" is already that of %s",
                            source, id, g->docs[i].source);
    return kg_error_set(err, KG_ERR_INPUT, "%s: document id \"%s\" is already in the graph", source,
                        id);
}

/* ---------------------------------------------------------------- node documents */

static const void *node_doc_key(const void *list, size_t i, size_t *k)
{
    *k = 0;
    return ((const kg_doc_count *)list)[i].doc;
}

static int node_doc_cmp(const void *ctx, size_t a, size_t b)
{
    const kg_doc_count *d = ctx;
    return strcmp(d[a].doc, d[b].doc);
}

/* Where doc (interned, so compared as a pointer) is in n's documents. */
static bool node_doc_find(const kg_node_rec *n, const char *doc, size_t *i)
{
    if (n->docs_ix)
        return kg_posindex_find(n->docs_ix, doc, 0, i);
    for (size_t k = 0; k < n->pub.n_docs; k++) {
        if (n->pub.docs[k].doc == doc) {
            *i = k;
            return true;
        }
    }
    return false;
}

/* Appends doc to node ni's documents, with no mentions yet. */
static kg_status node_doc_append(kg_graph *g, size_t ni, const char *doc, size_t *at)
{
    kg_node_rec *n = &g->nodes[ni];
    kg_node *p = &n->pub;
    if (p->n_docs == n->docs_cap) {
        /* two parallel arrays, as in tagged_grow */
        size_t cap = n->docs_cap ? 2 * n->docs_cap : 4;
        kg_doc_count *docs = realloc(p->docs, cap * sizeof *docs);
        if (!docs)
            return KG_ERR_NOMEM;
        p->docs = docs;
        size_t(*types)[KG_N_TYPES] = realloc(n->doc_types, cap * sizeof *types);
        if (!types)
            return KG_ERR_NOMEM;
        n->doc_types = types;
        n->docs_cap = cap;
    }
    size_t i = p->n_docs++;
    p->docs[i].doc = doc;
    p->docs[i].mentions = 0;
    memset(n->doc_types[i], 0, sizeof n->doc_types[i]);
    if (n->docs_sorted == i) {
        if (i == 0 || strcmp(p->docs[i - 1].doc, doc) < 0)
            n->docs_sorted = i + 1;
        else
            mark_dirty(g, &g->dirty_nodes, &g->n_dirty_nodes, &g->dirty_nodes_cap, ni);
    }
    index_entry(&n->docs_ix, p->docs, p->n_docs, i, node_doc_key);
    *at = i;
    return KG_OK;
}

kg_status kg_graph_node_docs_offer(kg_graph *g, size_t ni, const char *doc,
                                   const size_t counts[KG_N_TYPES])
{
    kg_node_rec *n = &g->nodes[ni];
    size_t i;
    if (!node_doc_find(n, doc, &i) && node_doc_append(g, ni, doc, &i) != KG_OK)
        return KG_ERR_NOMEM;
    size_t sum = 0;
    for (int t = 0; t < KG_N_TYPES; t++) {
        if (counts[t] > n->doc_types[i][t]) {
            size_t now = kg_graph_count_add(0, counts[t]);
            /* a count only rises, so the saturated total stays exact:
             * min(MAX, S) + rise, saturated, is min(MAX, S + rise) */
            n->doc_total[t] = kg_graph_count_add(n->doc_total[t], now - n->doc_types[i][t]);
            n->doc_types[i][t] = now;
        }
        sum = kg_graph_count_add(sum, n->doc_types[i][t]);
    }
    n->pub.docs[i].mentions = sum;
    return KG_OK;
}

static kg_status mend_node_docs(kg_node_rec *n)
{
    kg_node *p = &n->pub;
    if (n->docs_sorted == p->n_docs)
        return KG_OK;
    size_t *from = malloc(p->n_docs * sizeof *from);
    kg_status st = from ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK)
        st = kg_list_order_tail(n->docs_sorted, p->n_docs, node_doc_cmp, p->docs, from);
    /* the second move cannot be undone, so both buffers come first */
    size_t(*types)[KG_N_TYPES] = NULL;
    if (st == KG_OK && !(types = malloc(p->n_docs * sizeof *types)))
        st = KG_ERR_NOMEM;
    if (st == KG_OK)
        st = kg_list_order_apply(p->docs, p->n_docs, sizeof *p->docs, from);
    if (st == KG_OK) {
        for (size_t i = 0; i < p->n_docs; i++)
            memcpy(types[i], n->doc_types[from[i]], sizeof types[i]);
        memcpy(n->doc_types, types, p->n_docs * sizeof *types);
    }
    free(types);
    free(from);
    if (st != KG_OK)
        return st;
    n->docs_sorted = p->n_docs;
    reindex(&n->docs_ix, p->docs, p->n_docs, node_doc_key);
    return KG_OK;
}

/* ---------------------------------------------------------------- evidence */

static int evidence_cmp_key(const kg_evidence *a, const kg_evidence *b)
{
    int c = strcmp(a->doc, b->doc);
    return c ? c : kg_graph_cmp_size(a->sentence, b->sentence);
}

static int evidence_cmp_all(const kg_evidence *a, const kg_evidence *b)
{
    int c = evidence_cmp_key(a, b);
    if (!c)
        c = kg_graph_cmp_size(a->start, b->start);
    if (!c)
        c = kg_graph_cmp_size(a->end, b->end);
    if (!c)
        c = kg_graph_cmp_size(a->cp_start, b->cp_start);
    if (!c)
        c = kg_graph_cmp_size(a->cp_end, b->cp_end);
    if (!c)
        c = strcmp(a->text, b->text);
    if (!c)
        c = strcmp(a->date, b->date);
    return c;
}

static const void *evidence_key(const void *list, size_t i, size_t *k)
{
    const kg_evidence *ev = &((const kg_evidence *)list)[i];
    *k = ev->sentence;
    return ev->doc;
}

static int evidence_list_cmp(const void *ctx, size_t a, size_t b)
{
    const kg_evidence *ev = ctx;
    return evidence_cmp_key(&ev[a], &ev[b]);
}

/* Where the evidence of (doc, sentence) is; doc is interned. */
static bool evidence_find(const kg_evidence *evs, size_t n, const kg_ev_list *l, const char *doc,
                          size_t sentence, size_t *i)
{
    if (l->ix)
        return kg_posindex_find(l->ix, doc, sentence, i);
    for (size_t k = 0; k < n; k++) {
        if (evs[k].doc == doc && evs[k].sentence == sentence) {
            *i = k;
            return true;
        }
    }
    return false;
}

/* Offers ev to the list (*items, *n, l); *disordered says the list needs
 * mending. */
static kg_status evidence_put(kg_graph *g, kg_evidence **items, size_t *n, kg_ev_list *l,
                              const kg_evidence *ev, bool *disordered)
{
    kg_evidence x = *ev;
    *disordered = false;
    x.doc = kg_graph_intern(g, ev->doc ? ev->doc : "");
    x.date = kg_graph_intern(g, ev->date ? ev->date : "");
    x.text = kg_graph_intern(g, ev->text ? ev->text : "");
    if (!x.doc || !x.date || !x.text)
        return KG_ERR_NOMEM;
    size_t i;
    if (evidence_find(*items, *n, l, x.doc, x.sentence, &i)) {
        if (evidence_cmp_all(&x, &(*items)[i]) < 0)
            (*items)[i] = x;
        return KG_OK;
    }
    kg_evidence *evs = kg_graph_reserve(*items, &l->cap, *n + 1, sizeof *evs);
    if (!evs)
        return KG_ERR_NOMEM;
    *items = evs;
    i = (*n)++;
    evs[i] = x;
    if (l->sorted == i) {
        if (i == 0 || evidence_cmp_key(&evs[i - 1], &x) < 0)
            l->sorted = i + 1;
        else
            *disordered = true;
    }
    index_entry(&l->ix, evs, *n, i, evidence_key);
    return KG_OK;
}

kg_status kg_graph_evidence_offer(kg_graph *g, size_t ei, const kg_evidence *ev)
{
    kg_edge_rec *e = &g->edges[ei];
    bool disordered;
    kg_status st = evidence_put(g, &e->pub.evidence, &e->pub.n_evidence, &e->ev, ev, &disordered);
    if (disordered)
        mark_dirty(g, &g->dirty_edges, &g->n_dirty_edges, &g->dirty_edges_cap, ei);
    return st;
}

kg_status kg_graph_claim_evidence_offer(kg_graph *g, size_t ci, const kg_evidence *ev)
{
    kg_claim_rec *c = &g->claims[ci];
    bool disordered;
    kg_status st = evidence_put(g, &c->pub.evidence, &c->pub.n_evidence, &c->ev, ev, &disordered);
    if (disordered)
        mark_dirty(g, &g->dirty_claims, &g->n_dirty_claims, &g->dirty_claims_cap, ci);
    return st;
}

static kg_status mend_evidence(kg_evidence *evs, size_t n, kg_ev_list *l)
{
    if (l->sorted == n)
        return KG_OK;
    size_t *from = malloc(n * sizeof *from);
    kg_status st = from ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK)
        st = kg_list_order_tail(l->sorted, n, evidence_list_cmp, evs, from);
    if (st == KG_OK)
        st = kg_list_order_apply(evs, n, sizeof *evs, from);
    free(from);
    if (st != KG_OK)
        return st;
    l->sorted = n;
    reindex(&l->ix, evs, n, evidence_key);
    return KG_OK;
}

static kg_status mend_edge(kg_edge_rec *e)
{
    return mend_evidence(e->pub.evidence, e->pub.n_evidence, &e->ev);
}

static kg_status mend_claim(kg_claim_rec *c)
{
    return mend_evidence(c->pub.evidence, c->pub.n_evidence, &c->ev);
}

kg_status kg_graph_lists_mend(kg_graph *g)
{
    kg_status st = mend_docs(g);
    if (g->mend_all) {
        for (size_t i = 0; i < g->n_nodes && st == KG_OK; i++)
            st = mend_node_docs(&g->nodes[i]);
        for (size_t i = 0; i < g->n_edges && st == KG_OK; i++)
            st = mend_edge(&g->edges[i]);
        for (size_t i = 0; i < g->n_claims && st == KG_OK; i++)
            st = mend_claim(&g->claims[i]);
    } else {
        for (size_t k = 0; k < g->n_dirty_nodes && st == KG_OK; k++)
            st = mend_node_docs(&g->nodes[g->dirty_nodes[k]]);
        for (size_t k = 0; k < g->n_dirty_edges && st == KG_OK; k++)
            st = mend_edge(&g->edges[g->dirty_edges[k]]);
        for (size_t k = 0; k < g->n_dirty_claims && st == KG_OK; k++)
            st = mend_claim(&g->claims[g->dirty_claims[k]]);
    }
    g->n_dirty_nodes = g->n_dirty_edges = g->n_dirty_claims = 0;
    g->mend_all = st != KG_OK;
    return st;
}
