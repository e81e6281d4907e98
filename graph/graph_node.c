/* graph_node.c - the merge rules of a node (graph.c's header lists them):
 * aliases and roles by content, the first mention, ISO codes, mentions per
 * document and type, and the type that follows from them. */
#include "graph_store.h"

#include <stdlib.h>
#include <string.h>

/* NULL (an unknown document) sorts after every document. */
static int cmp_doc(const char *a, const char *b)
{
    if (!a || !b)
        return (a == NULL) - (b == NULL);
    return strcmp(a, b);
}

void kg_graph_tagged_free(kg_tagged_list *l)
{
    free(l->items);
    free(l->docs);
    free(l->ranks);
}

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
static kg_status tagged_grow(kg_tagged_list *l)
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
static kg_status tagged_offer(kg_tagged_list *l, const char *s, const char *doc, size_t rank)
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

static void node_offer_first(kg_node_rec *n, const char *label, const char *doc, size_t offset,
                             size_t cp)
{
    kg_node *p = &n->pub;
    if (n->has_first) {
        int c = cmp_doc(doc, p->first_doc);
        if (!c)
            c = kg_graph_cmp_size(offset, p->first_offset);
        if (!c)
            c = strcmp(label, p->label);
        if (!c)
            c = kg_graph_cmp_size(cp, p->first_cp);
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

static void node_recount(kg_node_rec *n)
{
    size_t total[KG_N_TYPES];
    for (int t = 0; t < KG_N_TYPES; t++)
        total[t] = kg_graph_count_add(n->undoc[t], n->doc_total[t]);
    int best = -1;
    size_t sum = 0;
    for (int t = 0; t < KG_N_TYPES; t++) {
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
    kg_node_rec *nodes = kg_graph_reserve(g->nodes, &g->nodes_cap, g->n_nodes + 1, sizeof *nodes);
    if (!nodes)
        return KG_ERR_NOMEM;
    g->nodes = nodes;
    const char *iid = kg_graph_intern(g, id);
    if (!iid || kg_strmap_put(g->node_index, iid, g->n_nodes) != KG_OK)
        return KG_ERR_NOMEM;
    kg_node_rec *n = &nodes[g->n_nodes];
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
        return kg_graph_nomem(err);
    g->analyzed = false;
    kg_node_rec *n = &g->nodes[i];
    const char *doc = spec->first_doc ? kg_graph_intern(g, spec->first_doc) : NULL;
    const char *label = kg_graph_intern(g, spec->label ? spec->label : spec->id);
    if ((spec->first_doc && !doc) || !label)
        return kg_graph_nomem(err);
    node_offer_first(n, label, doc, spec->first_offset, spec->first_cp);
    code_offer(n->pub.iso2, sizeof n->pub.iso2, spec->iso2);
    code_offer(n->pub.iso3, sizeof n->pub.iso3, spec->iso3);

    kg_status st = KG_OK;
    for (size_t k = 0; k < spec->n_aliases && st == KG_OK; k++) {
        const char *s = kg_graph_intern(g, spec->aliases[k]);
        st = s ? tagged_offer(&n->aliases, s, doc, k) : KG_ERR_NOMEM;
    }
    for (size_t k = 0; k < spec->n_roles && st == KG_OK; k++) {
        const char *s = kg_graph_intern(g, spec->roles[k]);
        st = s ? tagged_offer(&n->roles, s, doc, k) : KG_ERR_NOMEM;
    }
    n->seen_types |= 1u << spec->type;
    if (spec->n_docs == 0)
        n->undoc[spec->type] = kg_graph_count_add(n->undoc[spec->type], spec->mentions);
    for (size_t k = 0; k < spec->n_docs && st == KG_OK; k++) {
        size_t counts[KG_N_TYPES] = {0};
        counts[spec->type] = spec->docs[k].mentions;
        const char *d = kg_graph_intern(g, spec->docs[k].doc);
        st = d ? kg_graph_node_docs_offer(g, i, d, counts) : KG_ERR_NOMEM;
    }
    node_recount(n);
    if (st != KG_OK)
        return kg_graph_nomem(err);
    *index = i;
    return KG_OK;
}

kg_status kg_graph_put_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err)
{
    if (!g || !spec || !spec->id || !*spec->id)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a node needs an id");
    if ((unsigned)spec->type >= (unsigned)KG_N_TYPES)
        return kg_error_set(err, KG_ERR_USAGE, "graph: node %s: unknown type %d", spec->id,
                            (int)spec->type);
    return node_add(g, spec, index, err);
}

kg_status kg_graph_add_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err)
{
    size_t i = 0;
    kg_status st = kg_graph_put_node(g, spec, &i, err);
    if (g)
        st = kg_graph_finish(g, st, true, err);
    if (st == KG_OK && index)
        *index = i;
    return st;
}

kg_status kg_graph_node_merge(kg_graph *g, const kg_node_rec *src, size_t *index)
{
    size_t i;
    if (node_get(g, src->pub.id, &i) != KG_OK)
        return KG_ERR_NOMEM;
    g->analyzed = false;
    kg_node_rec *n = &g->nodes[i];
    const kg_node *p = &src->pub;
    if (src->has_first) {
        const char *doc = p->first_doc ? kg_graph_intern(g, p->first_doc) : NULL;
        const char *label = kg_graph_intern(g, p->label);
        if ((p->first_doc && !doc) || !label)
            return KG_ERR_NOMEM;
        node_offer_first(n, label, doc, p->first_offset, p->first_cp);
    }
    code_offer(n->pub.iso2, sizeof n->pub.iso2, p->iso2);
    code_offer(n->pub.iso3, sizeof n->pub.iso3, p->iso3);
    const kg_tagged_list *lists[2] = {&src->aliases, &src->roles};
    kg_tagged_list *into[2] = {&n->aliases, &n->roles};
    for (int l = 0; l < 2; l++) {
        for (size_t k = 0; k < lists[l]->n; k++) {
            const char *s = kg_graph_intern(g, lists[l]->items[k]);
            const char *d = lists[l]->docs[k] ? kg_graph_intern(g, lists[l]->docs[k]) : NULL;
            if (!s || (lists[l]->docs[k] && !d) ||
                tagged_offer(into[l], s, d, lists[l]->ranks[k]) != KG_OK)
                return KG_ERR_NOMEM;
        }
    }
    n->seen_types |= src->seen_types;
    for (int t = 0; t < KG_N_TYPES; t++)
        n->undoc[t] = kg_graph_count_add(n->undoc[t], src->undoc[t]);
    kg_status st = KG_OK;
    for (size_t k = 0; k < p->n_docs && st == KG_OK; k++) {
        const char *d = kg_graph_intern(g, p->docs[k].doc);
        st = d ? kg_graph_node_docs_offer(g, i, d, src->doc_types[k]) : KG_ERR_NOMEM;
    }
    node_recount(n);
    *index = i;
    return st;
}
