/* graph_join.c - a person named by surname alone in one document joins the
 * person that surname belongs to in another (kg_graph_join_surnames).
 *
 * Within a document the entity finder already ties "Peston" to "Robert
 * Peston"; across documents each is its own node.  A surname-only node
 * joins a full name when exactly one person node of the merged graph has a
 * name kg diff would take for the same person (kg_diff_names_compatible:
 * the same surname, given names that fit); two such names ("Robert Peston",
 * "Jane Peston") leave it alone.  The joined graph is built afresh from the
 * old one's records, so every count, alias, role, document and piece of
 * evidence is merged by the rules kg_graph_merge follows. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff_internal.h"
#include "graph_store.h"
#include "kg/diff.h"
#include "strmap.h"

/* The folded last word of a person's label, and how many words it has. */
static const char *last_word(kg_arena *a, const char *label, size_t *words)
{
    char *f = kg_diff_fold(a, label);
    if (!f)
        return NULL;
    const char *w[KG_DIFF_NAME_WORDS];
    *words = kg_diff_name_words(f, w, KG_DIFF_NAME_WORDS);
    return *words ? w[*words - 1] : "";
}

/* A peer is known by a title ("Lord Browne" of BP is John Browne), and the
 * title's surname often names someone else elsewhere ("Des Browne"): a
 * surname-only node called so joins only a full name called so too. */
static const char *const PEERAGE[] = {"lord ", "lady ", "baroness ", "baron ", "viscount "};

static bool peer_alias(const kg_node *n, const char *alias)
{
    for (size_t k = 0; k < n->n_aliases; k++)
        if (!strcasecmp(n->aliases[k], alias))
            return true;
    return false;
}

/* Surname-only node s may join full name f as far as peerage goes. */
static bool peerage_fits(const kg_node *s, const kg_node *f)
{
    for (size_t k = 0; k < s->n_aliases; k++)
        for (size_t p = 0; p < sizeof PEERAGE / sizeof *PEERAGE; p++)
            if (!strncasecmp(s->aliases[k], PEERAGE[p], strlen(PEERAGE[p])) &&
                !peer_alias(f, s->aliases[k]))
                return false;
    return true;
}

/* into[i] = the node surname-only node i joins, or i.  Returns how many join;
 * (size_t)-1 when out of memory. */
static size_t choose(const kg_graph *g, kg_arena *a, size_t *into)
{
    kg_strmap *full = kg_strmap_new(); /* last word -> node + 1, or 0 when two share it */
    const char **last = kg_arena_alloc(a, (g->n_nodes ? g->n_nodes : 1) * sizeof *last);
    size_t *words = kg_arena_alloc(a, (g->n_nodes ? g->n_nodes : 1) * sizeof *words);
    if (!full || !last || !words) {
        kg_strmap_free(full);
        return (size_t)-1;
    }
    size_t joined = 0;
    bool oom = false;
    for (size_t i = 0; i < g->n_nodes && !oom; i++) {
        into[i] = i;
        last[i] = NULL;
        if (g->nodes[i].pub.type != KG_ENT_PERSON)
            continue;
        last[i] = last_word(a, g->nodes[i].pub.label, &words[i]);
        oom = last[i] == NULL;
        if (oom || words[i] < 2 || !*last[i])
            continue;
        size_t v;
        bool seen = kg_strmap_get(full, last[i], &v);
        oom = kg_strmap_put(full, last[i], seen ? 0 : i + 1) != KG_OK;
    }
    for (size_t i = 0; i < g->n_nodes && !oom; i++) {
        size_t v;
        if (!last[i] || words[i] != 1 || !kg_strmap_get(full, last[i], &v) || v == 0)
            continue;
        if (kg_diff_names_compatible(g->nodes[i].pub.label, g->nodes[v - 1].pub.label) &&
            peerage_fits(&g->nodes[i].pub, &g->nodes[v - 1].pub)) {
            into[i] = v - 1;
            joined++;
        }
    }
    kg_strmap_free(full);
    return oom ? (size_t)-1 : joined;
}

kg_status kg_graph_join_surnames(kg_graph **g, size_t *joined, kg_error *err)
{
    kg_graph *src = *g;
    *joined = 0;
    kg_arena *a = kg_arena_new();
    size_t *into = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *into);
    size_t *map = malloc((src->n_nodes ? src->n_nodes : 1) * sizeof *map);
    size_t n = a && into && map ? choose(src, a, into) : (size_t)-1;
    kg_status st = n == (size_t)-1 ? kg_graph_nomem(err) : KG_OK;
    kg_graph *out = st == KG_OK && n > 0 ? kg_graph_new() : NULL;
    if (st == KG_OK && n > 0 && !out)
        st = kg_graph_nomem(err);
    for (size_t i = 0; out && i < src->n_docs && st == KG_OK; i++)
        st = kg_graph_docs_offer(out, src->docs[i].pub.id, src->docs[i].pub.date, err);
    /* the full names first, so that a joined node's label and first mention
     * stay the full name's */
    for (int pass = 0; out && pass < 2 && st == KG_OK; pass++)
        for (size_t i = 0; i < src->n_nodes && st == KG_OK; i++) {
            if ((into[i] != i) != (pass == 1))
                continue;
            kg_node_rec rec = src->nodes[i];
            if (into[i] != i) {
                rec.pub.id = src->nodes[into[i]].pub.id;
                rec.has_first = false;
            }
            if (kg_graph_node_merge(out, &rec, &map[i]) != KG_OK)
                st = kg_graph_nomem(err);
        }
    for (size_t i = 0; out && i < src->n_edges && st == KG_OK; i++) {
        const kg_edge_rec *e = &src->edges[i];
        size_t s = map[e->pub.source], t = map[e->pub.target], index;
        if (s == t)
            continue; /* "Peston" said of "Robert Peston": no relation to himself */
        if (kg_graph_edge_merge(out, s, t, &e->pub, e->bare, &index) != KG_OK)
            st = kg_graph_nomem(err);
    }
    for (size_t i = 0; out && i < src->n_claims && st == KG_OK; i++) {
        const kg_claim_rec *c = &src->claims[i];
        size_t index;
        if (kg_graph_claim_merge(out, map[c->pub.node], &c->pub, c->bare, &index) != KG_OK)
            st = kg_graph_nomem(err);
    }
    if (out && st == KG_OK)
        st = kg_graph_finish(out, KG_OK, true, err);
    free(into);
    free(map);
    kg_arena_free(a);
    if (st != KG_OK) {
        kg_graph_free(out);
        return st;
    }
    if (out) {
        kg_graph_free(src);
        *g = out;
        *joined = n;
    }
    return KG_OK;
}
