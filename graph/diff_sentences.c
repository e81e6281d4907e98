/* diff_sentences.c - the sentences behind each node (a pool sorted by
 * (node, doc, sentence)) and behind each relation, as the diff shows them. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

static int pool_cmp(const void *pa, const void *pb)
{
    const kg_diff_pool_item *a = pa, *b = pb;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    int c = strcmp(a->s.doc, b->s.doc);
    if (c)
        return c;
    return (a->s.sentence > b->s.sentence) - (a->s.sentence < b->s.sentence);
}

/* Sorts and removes duplicates of (node, doc, sentence). */
static void pool_finish(kg_diff_side *s)
{
    qsort(s->pool, s->n_pool, sizeof *s->pool, pool_cmp);
    size_t o = 0;
    for (size_t i = 0; i < s->n_pool; i++)
        if (o == 0 || pool_cmp(&s->pool[o - 1], &s->pool[i]) != 0)
            s->pool[o++] = s->pool[i];
    s->n_pool = o;
}

/* Every sentence of the document that mentions a node of the graph. */
kg_status kg_diff_pool_from_document(kg_arena *a, kg_diff_side *s)
{
    size_t n_ents, n_ments, n_sent;
    const kg_entity *ents = kg_document_entities(s->doc, &n_ents);
    const kg_mention *ments = kg_document_mentions(s->doc, &n_ments);
    const kg_span *spans = kg_document_sentences(s->doc, &n_sent);
    const kg_doc *doc = kg_document_doc(s->doc);
    long *node_of = kg_arena_alloc(a, (n_ents + 1) * sizeof *node_of);
    const char **texts = kg_arena_alloc(a, (n_sent + 1) * sizeof *texts);
    s->pool = kg_arena_alloc(a, (n_ments + 1) * sizeof *s->pool);
    if (!node_of || !texts || !s->pool)
        return KG_ERR_NOMEM;
    for (size_t k = 0; k < n_ents; k++)
        node_of[k] = kg_graph_find_node(s->g, ents[k].id);
    for (size_t m = 0; m < n_ments; m++) {
        size_t e = ments[m].entity, sent = ments[m].sentence;
        if (e >= n_ents || node_of[e] < 0 || sent >= n_sent)
            continue;
        if (!texts[sent]) {
            kg_span sp = spans[sent];
            texts[sent] = kg_arena_strndup(a, doc->text + sp.start, sp.end - sp.start);
            if (!texts[sent])
                return KG_ERR_NOMEM;
        }
        kg_span sp = spans[sent];
        kg_diff_sentence ds = {doc->id,
                               sent,
                               sp.start,
                               sp.end,
                               kg_document_cp(s->doc, sp.start),
                               kg_document_cp(s->doc, sp.end),
                               texts[sent]};
        s->pool[s->n_pool++] = (kg_diff_pool_item){(size_t)node_of[e], ds};
    }
    pool_finish(s);
    return KG_OK;
}

static kg_diff_sentence sentence_of(const kg_evidence *ev)
{
    kg_diff_sentence ds = {
        ev->doc ? ev->doc : "",  ev->sentence, ev->start, ev->end, ev->cp_start, ev->cp_end,
        ev->text ? ev->text : ""};
    return ds;
}

/* Without the document: the sentences of the node's relations and claims. */
kg_status kg_diff_pool_from_edges(kg_arena *a, kg_diff_side *s)
{
    size_t total = 0;
    for (size_t j = 0; j < kg_graph_edge_count(s->g); j++)
        total += 2 * kg_graph_edge(s->g, j)->n_evidence;
    for (size_t j = 0; j < kg_graph_claim_count(s->g); j++)
        total += kg_graph_claim(s->g, j)->n_evidence;
    s->pool = kg_arena_alloc(a, (total + 1) * sizeof *s->pool);
    if (!s->pool)
        return KG_ERR_NOMEM;
    for (size_t j = 0; j < kg_graph_edge_count(s->g); j++) {
        const kg_edge *e = kg_graph_edge(s->g, j);
        for (size_t k = 0; k < e->n_evidence; k++) {
            const kg_evidence *ev = &e->evidence[k];
            kg_diff_sentence ds = sentence_of(ev);
            s->pool[s->n_pool++] = (kg_diff_pool_item){e->source, ds};
            s->pool[s->n_pool++] = (kg_diff_pool_item){e->target, ds};
        }
    }
    for (size_t j = 0; j < kg_graph_claim_count(s->g); j++) {
        const kg_claim *c = kg_graph_claim(s->g, j);
        for (size_t k = 0; k < c->n_evidence; k++)
            s->pool[s->n_pool++] = (kg_diff_pool_item){c->node, sentence_of(&c->evidence[k])};
    }
    pool_finish(s);
    return KG_OK;
}

/* ASCII-case-insensitive substring search. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return false;
    for (const char *p = hay; *p; p++) {
        size_t k = 0;
        while (k < n && p[k]) {
            char a = p[k], b = needle[k];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
            k++;
        }
        if (k == n)
            return true;
    }
    return false;
}

static bool keep(const kg_diff_filter *f, const char *text)
{
    if (!f->words)
        return true;
    for (size_t i = 0; i < f->n_words; i++)
        if (contains(text, f->words[i]))
            return true;
    return false;
}

/* The node's sentences passing f; if a kg_diff_filter by words keeps none, the
 * first sentence, so that a change always shows where the entity is. */
kg_status kg_diff_node_evidence(kg_arena *a, const kg_diff_side *s, long node,
                                const kg_diff_filter *f, kg_diff_evidence *out)
{
    out->items = NULL;
    out->n = 0;
    if (node < 0)
        return KG_OK;
    size_t lo = 0, hi = s->n_pool;
    while (lo < hi) { /* first item of the node */
        size_t mid = lo + (hi - lo) / 2;
        if (s->pool[mid].node < (size_t)node)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < s->n_pool && s->pool[end].node == (size_t)node)
        end++;
    if (end == lo)
        return KG_OK;
    out->items = kg_arena_alloc(a, (end - lo) * sizeof *out->items);
    if (!out->items)
        return KG_ERR_NOMEM;
    for (size_t k = lo; k < end; k++) {
        if (!keep(f, s->pool[k].s.text))
            continue;
        out->items[out->n++] = s->pool[k].s;
        if (f->first_only)
            break;
    }
    if (out->n == 0)
        out->items[out->n++] = s->pool[lo].s;
    return KG_OK;
}

kg_status kg_diff_edge_evidence(kg_arena *a, const kg_graph *g, long edge, kg_diff_evidence *out)
{
    out->items = NULL;
    out->n = 0;
    if (edge < 0)
        return KG_OK;
    const kg_edge *e = kg_graph_edge(g, (size_t)edge);
    out->items = kg_arena_alloc(a, (e->n_evidence + 1) * sizeof *out->items);
    if (!out->items)
        return KG_ERR_NOMEM;
    for (size_t k = 0; k < e->n_evidence; k++) {
        out->items[out->n++] = sentence_of(&e->evidence[k]);
    }
    return KG_OK;
}

kg_status kg_diff_claim_evidence(kg_arena *a, const kg_graph *g, long claim, kg_diff_evidence *out)
{
    out->items = NULL;
    out->n = 0;
    if (claim < 0)
        return KG_OK;
    const kg_claim *c = kg_graph_claim(g, (size_t)claim);
    out->items = kg_arena_alloc(a, (c->n_evidence + 1) * sizeof *out->items);
    if (!out->items)
        return KG_ERR_NOMEM;
    for (size_t k = 0; k < c->n_evidence; k++)
        out->items[out->n++] = sentence_of(&c->evidence[k]);
    return KG_OK;
}
