/* graph_claim.c - the merge rules and the canonical order of claims.
 *
 * A claim is found by (entity id, role, relation, argument, negated,
 * speaker, values): modal ORed, attributed ANDed, confidence the maximum,
 * evidence unique per (doc, sentence) (graph_lists.c), count = evidence +
 * support given without it, exactly as for edges.  The values are part of
 * the key because a relative date depends on the document's date: "on
 * Monday" in stories of two weeks is two claims.  Claims live beside the
 * igraph structure, not in it: they join an entity to a phrase, not to a node.
 */
#include "graph_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *kg_claim_role_name(kg_claim_role r)
{
    return r == KG_CLAIM_OBJECT ? "object" : "subject";
}

bool kg_claim_role_parse(const char *s, kg_claim_role *out)
{
    if (!strcmp(s, "subject"))
        *out = KG_CLAIM_SUBJECT;
    else if (!strcmp(s, "object"))
        *out = KG_CLAIM_OBJECT;
    else
        return false;
    return true;
}

void kg_graph_claims_free(kg_graph *g)
{
    for (size_t i = 0; i < g->n_claims; i++) {
        free(g->claims[i].pub.evidence);
        free(g->claims[i].values);
        kg_posindex_free(g->claims[i].ev.ix);
    }
    free(g->claims);
    kg_strmap_free(g->claim_index);
}

/* One value as it enters the key and the order: kind, amount to 17
 * significant digits (exact for a double), currency, date. */
static int value_key(const kg_claim_value *v, char *buf, size_t n)
{
    return snprintf(buf, n, "%d:%.17g:%s:%s;", (int)v->kind, v->amount, v->currency, v->date);
}

/* The key in g->key: the fields separated by NULs. */
static bool claim_key(kg_graph *g, const char *node_id, const kg_claim *c, size_t *len)
{
    const char *parts[5] = {node_id, c->relation, c->argument ? c->argument : "",
                            c->speaker ? c->speaker : "", NULL};
    size_t need = 8;
    for (int k = 0; k < 4; k++)
        need += strlen(parts[k]) + 1;
    need += c->n_values * 64;
    char *key = kg_graph_reserve(g->key, &g->key_cap, need, 1);
    if (!key)
        return false;
    g->key = key;
    size_t at = 0;
    for (int k = 0; k < 4; k++) {
        size_t l = strlen(parts[k]);
        memcpy(key + at, parts[k], l);
        at += l;
        key[at++] = '\0';
    }
    key[at++] = c->role == KG_CLAIM_OBJECT ? 'o' : 's';
    key[at++] = c->negated ? '1' : '0';
    for (size_t i = 0; i < c->n_values; i++) {
        int w = value_key(&c->values[i], key + at, need - at);
        if (w < 0 || (size_t)w >= need - at)
            return false;
        at += (size_t)w;
    }
    *len = at;
    return true;
}

static kg_status copy_values(kg_graph *g, kg_claim_rec *r, const kg_claim *src)
{
    if (!src->n_values)
        return KG_OK;
    r->values = malloc(src->n_values * sizeof *r->values);
    if (!r->values)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < src->n_values; i++) {
        r->values[i] = src->values[i];
        r->values[i].currency[sizeof r->values[i].currency - 1] = '\0';
        r->values[i].date[sizeof r->values[i].date - 1] = '\0';
        r->values[i].text = kg_graph_intern(g, src->values[i].text ? src->values[i].text : "");
        if (!r->values[i].text)
            return KG_ERR_NOMEM;
    }
    r->pub.values = r->values;
    r->pub.n_values = src->n_values;
    return KG_OK;
}

kg_status kg_graph_claim_merge(kg_graph *g, size_t node, const kg_claim *src, size_t bare,
                               size_t *index)
{
    size_t len, i;
    if (!g->claim_index && !(g->claim_index = kg_strmap_new()))
        return KG_ERR_NOMEM;
    if (!claim_key(g, g->nodes[node].pub.id, src, &len))
        return KG_ERR_NOMEM;
    double conf = kg_graph_clamp_confidence(src->confidence);
    kg_claim_rec *c;
    if (kg_strmap_getn(g->claim_index, g->key, len, &i)) {
        c = &g->claims[i];
        c->pub.modal = c->pub.modal || src->modal;
        c->pub.attributed = c->pub.attributed && src->attributed;
        if (conf > c->pub.confidence)
            c->pub.confidence = conf;
    } else {
        kg_claim_rec *claims =
            kg_graph_reserve(g->claims, &g->claims_cap, g->n_claims + 1, sizeof *claims);
        if (!claims)
            return KG_ERR_NOMEM;
        g->claims = claims;
        const char *rel = kg_graph_intern(g, src->relation);
        const char *arg = kg_graph_intern(g, src->argument ? src->argument : "");
        const char *who = kg_graph_intern(g, src->speaker ? src->speaker : "");
        if (!rel || !arg || !who)
            return KG_ERR_NOMEM;
        c = &claims[g->n_claims];
        memset(c, 0, sizeof *c);
        c->pub.node = node;
        c->pub.role = src->role;
        c->pub.relation = rel;
        c->pub.argument = arg;
        c->pub.negated = src->negated;
        c->pub.modal = src->modal;
        c->pub.attributed = src->attributed;
        c->pub.speaker = who;
        c->pub.confidence = conf;
        if (copy_values(g, c, src) != KG_OK) {
            free(c->values);
            return KG_ERR_NOMEM;
        }
        if (kg_strmap_putn(g->claim_index, g->key, len, g->n_claims) != KG_OK) {
            free(c->values);
            return KG_ERR_NOMEM;
        }
        i = g->n_claims++;
    }
    kg_status st = KG_OK;
    for (size_t k = 0; k < src->n_evidence && st == KG_OK; k++)
        st = kg_graph_claim_evidence_offer(g, i, &src->evidence[k]);
    c = &g->claims[i];
    c->bare = kg_graph_count_add(c->bare, bare);
    c->pub.count = kg_graph_count_add(c->pub.n_evidence, c->bare);
    *index = i;
    return st;
}

kg_status kg_graph_put_claim(kg_graph *g, const kg_claim *spec, size_t *index, kg_error *err)
{
    if (!g || !spec || !spec->relation)
        return kg_error_set(err, KG_ERR_USAGE, "graph: a claim needs a relation");
    if (spec->node >= g->n_nodes)
        return kg_error_set(err, KG_ERR_USAGE,
                            "graph: claim '%s' is of node %zu but the graph has %zu nodes",
                            spec->relation, spec->node, g->n_nodes);
    if ((spec->n_evidence && !spec->evidence) || (spec->n_values && !spec->values))
        return kg_error_set(err, KG_ERR_USAGE, "graph: claim '%s': evidence or values missing",
                            spec->relation);
    size_t bare = spec->n_evidence ? 0 : (spec->count ? spec->count : 1);
    size_t i = 0;
    if (kg_graph_claim_merge(g, spec->node, spec, bare, &i) != KG_OK)
        return kg_graph_nomem(err);
    if (index)
        *index = i;
    return KG_OK;
}

kg_status kg_graph_add_claim(kg_graph *g, const kg_claim *spec, size_t *index, kg_error *err)
{
    size_t i = 0;
    kg_status st = kg_graph_put_claim(g, spec, &i, err);
    if (g)
        st = kg_graph_finish(g, st, true, err);
    if (st == KG_OK && index)
        *index = i;
    return st;
}

size_t kg_graph_claim_count(const kg_graph *g)
{
    return g->n_claims;
}

const kg_claim *kg_graph_claim(const kg_graph *g, size_t i)
{
    return i < g->n_claims ? &g->claims[i].pub : NULL;
}

/* ---------------------------------------------------------------- order */

static int value_cmp(const kg_claim_value *a, const kg_claim_value *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->amount != b->amount)
        return a->amount < b->amount ? -1 : 1;
    int c = strcmp(a->currency, b->currency);
    return c ? c : strcmp(a->date, b->date);
}

static int claim_cmp(const kg_graph *g, const kg_claim *a, const kg_claim *b)
{
    int c = strcmp(g->nodes[a->node].pub.id, g->nodes[b->node].pub.id);
    if (!c && a->role != b->role)
        c = a->role < b->role ? -1 : 1;
    if (!c)
        c = strcmp(a->relation, b->relation);
    if (!c)
        c = strcmp(a->argument, b->argument);
    if (!c && a->negated != b->negated)
        c = a->negated ? 1 : -1;
    if (!c)
        c = strcmp(a->speaker, b->speaker);
    for (size_t i = 0; !c && i < a->n_values && i < b->n_values; i++)
        c = value_cmp(&a->values[i], &b->values[i]);
    if (!c)
        c = kg_graph_cmp_size(a->n_values, b->n_values);
    return c;
}

/* qsort has no context argument in C11: the graph rides in each item. */
typedef struct claim_order {
    const kg_graph *g;
    size_t old;
} claim_order;

static int claim_order_cmp(const void *pa, const void *pb)
{
    const claim_order *a = pa, *b = pb;
    return claim_cmp(a->g, &a->g->claims[a->old].pub, &b->g->claims[b->old].pub);
}

kg_status kg_graph_claims_sort(kg_graph *g)
{
    size_t n = g->n_claims;
    if (n == 0)
        return KG_OK;
    claim_order *order = malloc(n * sizeof *order);
    kg_claim_rec *claims = malloc(n * sizeof *claims);
    kg_strmap *index = kg_strmap_new();
    kg_status st = order && claims && index ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK) {
        for (size_t i = 0; i < n; i++)
            order[i] = (claim_order){g, i};
        qsort(order, n, sizeof *order, claim_order_cmp);
        for (size_t k = 0; k < n && st == KG_OK; k++) {
            size_t len;
            const kg_claim *c = &g->claims[order[k].old].pub;
            if (!claim_key(g, g->nodes[c->node].pub.id, c, &len) ||
                kg_strmap_putn(index, g->key, len, k) != KG_OK)
                st = KG_ERR_NOMEM;
        }
    }
    if (st == KG_OK) {
        for (size_t k = 0; k < n; k++)
            claims[k] = g->claims[order[k].old];
        free(g->claims);
        g->claims = claims;
        g->claims_cap = n;
        claims = NULL;
        kg_strmap *tmp = g->claim_index;
        g->claim_index = index;
        index = tmp;
    }
    kg_strmap_free(index);
    free(claims);
    free(order);
    return st;
}
