/* diff_match.c - one side's nodes as the matcher sees them, and the rounds
 * that match them: a pair is matched only when each is the other's single
 * candidate, counting every node of the other side, matched or not, so the
 * result does not depend on the order in which nodes are visited.  The alias
 * and name rounds cost, for each entity left unmatched by id (few, in two
 * versions of one article), a pass over the other side. */
#include "diff_internal.h"

#include <string.h>

static bool has_name(const kg_diff_side_node *s, const char *name)
{
    for (size_t i = 0; i < s->n_names; i++)
        if (strcmp(s->names[i], name) == 0)
            return true;
    return false;
}

kg_status kg_diff_side_init(kg_arena *a, kg_diff_side *s, const kg_graph *g, const kg_document *doc)
{
    s->g = g;
    s->doc = doc;
    s->n = kg_graph_node_count(g);
    s->nodes = kg_arena_alloc(a, (s->n + 1) * sizeof *s->nodes);
    if (!s->nodes)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < s->n; i++) {
        kg_diff_side_node *sn = &s->nodes[i];
        const kg_node *n = kg_graph_node(g, i);
        sn->node = n;
        sn->match = -1;
        sn->label = kg_diff_fold(a, n->label ? n->label : n->id);
        sn->names = kg_arena_alloc(a, (n->n_aliases + 1) * sizeof *sn->names);
        if (!sn->label || !sn->names)
            return KG_ERR_NOMEM;
        sn->names[sn->n_names++] = sn->label;
        for (size_t k = 0; k < n->n_aliases; k++) {
            const char *f = kg_diff_fold(a, n->aliases[k]);
            if (!f)
                return KG_ERR_NOMEM;
            if (*f && !has_name(sn, f))
                sn->names[sn->n_names++] = f;
        }
        if (n->type != KG_ENT_PERSON)
            continue;
        char *words = kg_arena_strdup(a, sn->label);
        const char **w = kg_arena_alloc(a, KG_DIFF_NAME_WORDS * sizeof *w);
        if (!words || !w)
            return KG_ERR_NOMEM;
        size_t nw = kg_diff_name_words(words, w, KG_DIFF_NAME_WORDS);
        if (nw > 0) {
            sn->surname = w[nw - 1];
            sn->given = w;
            sn->n_given = nw - 1;
        }
    }
    return KG_OK;
}

static void link_pair(kg_diff_side *o, size_t i, kg_diff_side *n, size_t j, kg_diff_match how)
{
    o->nodes[i].match = (long)j;
    o->nodes[i].how = how;
    n->nodes[j].match = (long)i;
    n->nodes[j].how = how;
}

static void match_ids(kg_diff_side *o, kg_diff_side *n)
{
    for (size_t i = 0; i < o->n; i++) {
        long j = kg_graph_find_node(n->g, o->nodes[i].node->id);
        if (j >= 0 && n->nodes[j].match < 0)
            link_pair(o, i, n, (size_t)j, KG_DIFF_MATCH_ID);
    }
}

typedef bool (*fits_fn)(const kg_diff_side_node *a, const kg_diff_side_node *b);

static bool alias_fits(const kg_diff_side_node *a, const kg_diff_side_node *b)
{
    return a->node->type == b->node->type && (has_name(b, a->label) || has_name(a, b->label));
}

static bool name_fits(const kg_diff_side_node *a, const kg_diff_side_node *b)
{
    return a->surname && b->surname && a->node->type == b->node->type &&
           strcmp(a->surname, b->surname) == 0 &&
           kg_diff_given_compatible(a->given, a->n_given, b->given, b->n_given);
}

/* Names of a that b has and no other candidate of a has. */
static size_t telling_names(const kg_diff_side_node *a, const kg_diff_side_node *b,
                            const kg_diff_side *other, fits_fn fits)
{
    size_t count = 0;
    for (size_t k = 0; k < a->n_names; k++) {
        if (!has_name(b, a->names[k]))
            continue;
        bool shared = false;
        for (size_t j = 0; j < other->n && !shared; j++) {
            const kg_diff_side_node *c = &other->nodes[j];
            shared = c != b && fits(a, c) && has_name(c, a->names[k]);
        }
        count += !shared;
    }
    return count;
}

/* The node of other that a fits, if there is exactly one, or the one among
 * several that shares a telling name with a; -1 if none, if ambiguous, or
 * if that node is already matched.  Candidates are counted among all nodes,
 * matched or not: "Biden" against "Joe Biden" (matched by id) and "Hunter
 * Biden" is ambiguous, not Hunter's by elimination. */
static long single_candidate(const kg_diff_side_node *a, const kg_diff_side *other, fits_fn fits,
                             bool by_names)
{
    long found = -1;
    size_t count = 0;
    for (size_t j = 0; j < other->n; j++)
        if (fits(a, &other->nodes[j]))
            found = count++ ? found : (long)j;
    if (count > 1 && !by_names)
        return -1;
    if (count > 1) {
        found = -1;
        count = 0;
        for (size_t j = 0; j < other->n; j++) {
            const kg_diff_side_node *c = &other->nodes[j];
            if (fits(a, c) && telling_names(a, c, other, fits) > 0)
                found = count++ ? found : (long)j;
        }
    }
    return count == 1 && other->nodes[found].match < 0 ? found : -1;
}

/* Matches each unmatched old node to the new node it singles out, when that
 * node singles it out in turn. */
static void match_round(kg_diff_side *o, kg_diff_side *n, fits_fn fits, kg_diff_match how,
                        bool by_names)
{
    for (size_t i = 0; i < o->n; i++) {
        if (o->nodes[i].match >= 0)
            continue;
        long j = single_candidate(&o->nodes[i], n, fits, by_names);
        if (j >= 0 && single_candidate(&n->nodes[j], o, fits, by_names) == (long)i)
            link_pair(o, i, n, (size_t)j, how);
    }
}

void kg_diff_match_sides(kg_diff_side *o, kg_diff_side *n)
{
    match_ids(o, n);
    match_round(o, n, alias_fits, KG_DIFF_MATCH_ALIAS, false);
    match_round(o, n, name_fits, KG_DIFF_MATCH_NAME, true);
}
