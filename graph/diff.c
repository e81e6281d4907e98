/* diff.c - matching two graphs and listing what changed between them.
 *
 * Entities are matched in rounds (id, alias, name; see kg/diff.h).  A pair
 * is matched only when each is the other's single candidate, counting every
 * node of the other side, matched or not, so the result does not depend on
 * the order in which nodes are visited.  Relations are then grouped by
 * (matched source, relation, matched target) and paired within a group,
 * the same negation first.
 *
 * Everything the diff allocates lives in one arena; the graphs and documents
 * are borrowed.  This file pairs entities and relations and answers the
 * public calls; matching, names and sentences are in the files that
 * diff_internal.h lists.
 */
#include "diff_internal.h"

#include <stdlib.h>

#include "antonyms.h"
#include <string.h>

static kg_status nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "diff: out of memory");
}

const char *kg_diff_state_name(kg_diff_state s)
{
    switch (s) {
    case KG_DIFF_UNCHANGED:
        return "unchanged";
    case KG_DIFF_ADDED:
        return "added";
    case KG_DIFF_REMOVED:
        return "removed";
    case KG_DIFF_CHANGED:
        return "changed";
    }
    return "unknown";
}

const char *kg_diff_match_name(kg_diff_match m)
{
    switch (m) {
    case KG_DIFF_MATCH_NONE:
        return "none";
    case KG_DIFF_MATCH_ID:
        return "id";
    case KG_DIFF_MATCH_ALIAS:
        return "alias";
    case KG_DIFF_MATCH_NAME:
        return "name";
    case KG_DIFF_MATCH_REPLACED:
        return "replaced";
    }
    return "unknown";
}

const char *kg_diff_kind_name(kg_diff_kind k)
{
    switch (k) {
    case KG_DIFF_KIND_PLAIN:
        return "plain";
    case KG_DIFF_KIND_REVERSED:
        return "reversed";
    case KG_DIFF_KIND_VALUE:
        return "value";
    case KG_DIFF_KIND_RELATION:
        return "relation";
    case KG_DIFF_KIND_REPLACED:
        return "replaced";
    }
    return "unknown";
}

/* ---------------------------------------------------------------- entities */

static const char *primary_id(const kg_diff_side *o, const kg_diff_side *n, const kg_diff_entity *e)
{
    return e->new_node >= 0 ? n->nodes[e->new_node].node->id : o->nodes[e->old_node].node->id;
}

/* qsort has no context argument; entities are sorted through this view. */
typedef struct entity_order {
    const char *primary, *old_id;
    kg_diff_entity e;
} entity_order;

static int entity_order_cmp(const void *pa, const void *pb)
{
    const entity_order *a = pa, *b = pb;
    int c = strcmp(a->primary, b->primary);
    return c ? c : strcmp(a->old_id, b->old_id);
}

/* roles of a (raw) whose folded form b lacks. */
static kg_status roles_missing(kg_arena *a, const kg_node *from, const kg_node *in,
                               const char ***out, size_t *n)
{
    *out = kg_arena_alloc(a, (from->n_roles + 1) * sizeof **out);
    if (!*out)
        return KG_ERR_NOMEM;
    *n = 0;
    for (size_t i = 0; i < from->n_roles; i++) {
        const char *f = kg_diff_fold(a, from->roles[i]);
        if (!f)
            return KG_ERR_NOMEM;
        bool found = false;
        for (size_t k = 0; k < in->n_roles && !found; k++) {
            const char *g = kg_diff_fold(a, in->roles[k]);
            if (!g)
                return KG_ERR_NOMEM;
            found = strcmp(f, g) == 0;
        }
        if (!found)
            (*out)[(*n)++] = from->roles[i];
    }
    return KG_OK;
}

static kg_status entity_changes(kg_arena *a, const kg_diff_side *o, const kg_diff_side *n,
                                kg_diff_entity *e)
{
    if (e->old_node < 0 || e->new_node < 0) {
        e->state = e->old_node < 0 ? KG_DIFF_ADDED : KG_DIFF_REMOVED;
        e->old_mentions = e->old_node < 0 ? 0 : o->nodes[e->old_node].node->mentions;
        e->new_mentions = e->new_node < 0 ? 0 : n->nodes[e->new_node].node->mentions;
        kg_diff_filter all = {NULL, 0, false};
        if (kg_diff_node_evidence(a, o, e->old_node, &all, &e->old_evidence) != KG_OK ||
            kg_diff_node_evidence(a, n, e->new_node, &all, &e->new_evidence) != KG_OK)
            return KG_ERR_NOMEM;
        return KG_OK;
    }
    const kg_diff_side_node *so = &o->nodes[e->old_node], *sn = &n->nodes[e->new_node];
    const kg_node *on = so->node, *nn = sn->node;
    e->match = so->how;
    e->old_mentions = on->mentions;
    e->new_mentions = nn->mentions;
    e->type_changed = on->type != nn->type;
    e->label_changed =
        kg_diff_ws_cmp(on->label ? on->label : on->id, nn->label ? nn->label : nn->id) != 0;
    if (roles_missing(a, nn, on, &e->roles_added, &e->n_roles_added) != KG_OK ||
        roles_missing(a, on, nn, &e->roles_removed, &e->n_roles_removed) != KG_OK)
        return KG_ERR_NOMEM;
    bool roles = e->n_roles_added || e->n_roles_removed;
    e->state = e->type_changed || roles ? KG_DIFF_CHANGED : KG_DIFF_UNCHANGED;
    if (so->how == KG_DIFF_MATCH_REPLACED) {
        /* another entity: where each is named is the change */
        e->state = KG_DIFF_CHANGED;
        e->kind = KG_DIFF_KIND_REPLACED;
        e->label_changed = false; /* not a new name: another entity */
        kg_diff_filter all = {NULL, 0, false};
        if (kg_diff_node_evidence(a, o, e->old_node, &all, &e->old_evidence) != KG_OK ||
            kg_diff_node_evidence(a, n, e->new_node, &all, &e->new_evidence) != KG_OK)
            return KG_ERR_NOMEM;
        return KG_OK;
    }

    kg_diff_filter fo = {NULL, 0, false}, fn = {NULL, 0, false};
    if (!e->type_changed && roles) {
        fo = (kg_diff_filter){e->roles_removed, e->n_roles_removed, false};
        fn = (kg_diff_filter){e->roles_added, e->n_roles_added, false};
        /* a role only added: show where the old version named the entity */
        if (!e->n_roles_removed)
            fo = (kg_diff_filter){NULL, 0, true};
        if (!e->n_roles_added)
            fn = (kg_diff_filter){NULL, 0, true};
    } else if (!e->type_changed) {
        if (!e->label_changed)
            return KG_OK; /* nothing to show */
        fo = (kg_diff_filter){&on->label, 1, true};
        fn = (kg_diff_filter){&nn->label, 1, true};
    }
    if (kg_diff_node_evidence(a, o, e->old_node, &fo, &e->old_evidence) != KG_OK ||
        kg_diff_node_evidence(a, n, e->new_node, &fn, &e->new_evidence) != KG_OK)
        return KG_ERR_NOMEM;
    return KG_OK;
}

static kg_status build_entities(kg_diff *d, kg_diff_side *o, kg_diff_side *n)
{
    size_t cap = o->n + n->n;
    entity_order *order = malloc((cap + 1) * sizeof *order);
    if (!order)
        return KG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < o->n; i++) {
        kg_diff_entity e = {0};
        e.old_node = (long)i;
        e.new_node = o->nodes[i].match;
        order[k++] = (entity_order){NULL, o->nodes[i].node->id, e};
    }
    for (size_t j = 0; j < n->n; j++) {
        if (n->nodes[j].match >= 0)
            continue;
        kg_diff_entity e = {0};
        e.old_node = -1;
        e.new_node = (long)j;
        order[k++] = (entity_order){NULL, "", e};
    }
    for (size_t i = 0; i < k; i++)
        order[i].primary = primary_id(o, n, &order[i].e);
    qsort(order, k, sizeof *order, entity_order_cmp);
    d->entities = kg_arena_alloc(d->arena, (k + 1) * sizeof *d->entities);
    kg_status st = d->entities ? KG_OK : KG_ERR_NOMEM;
    for (size_t i = 0; i < k && st == KG_OK; i++) {
        d->entities[i] = order[i].e;
        if (order[i].e.old_node >= 0)
            o->nodes[order[i].e.old_node].entity = i;
        if (order[i].e.new_node >= 0)
            n->nodes[order[i].e.new_node].entity = i;
        st = entity_changes(d->arena, o, n, &d->entities[i]);
    }
    d->n_entities = k;
    free(order);
    return st;
}

/* ---------------------------------------------------------------- relations */

typedef struct edge_ref {
    size_t source, target; /* entity indices */
    const char *relation;
    bool negated;
    bool is_new;
    size_t edge;
} edge_ref;

static int edge_ref_cmp(const void *pa, const void *pb)
{
    const edge_ref *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    int c = kg_diff_ws_cmp(a->relation, b->relation);
    if (c)
        return c;
    if (a->negated != b->negated)
        return a->negated ? 1 : -1;
    return (int)a->is_new - (int)b->is_new;
}

static bool same_group(const edge_ref *a, const edge_ref *b)
{
    return a->source == b->source && a->target == b->target &&
           kg_diff_ws_cmp(a->relation, b->relation) == 0;
}

/* One relation entry: old_e and new_e paired, or one of them alone (the
 * other NULL); at is either of them, for the entities it joins. */
static kg_status add_relation(kg_diff *d, const edge_ref *at, const edge_ref *old_e,
                              const edge_ref *new_e)
{
    kg_diff_relation *r = &d->relations[d->n_relations++];
    memset(r, 0, sizeof *r);
    r->source = at->source;
    r->target = at->target;
    r->old_edge = old_e ? (long)old_e->edge : -1;
    r->new_edge = new_e ? (long)new_e->edge : -1;
    const kg_edge *oe = old_e ? kg_graph_edge(d->old_graph, old_e->edge) : NULL;
    const kg_edge *ne = new_e ? kg_graph_edge(d->new_graph, new_e->edge) : NULL;
    r->old_count = oe ? oe->count : 0;
    r->new_count = ne ? ne->count : 0;
    if (oe && ne) {
        r->negation_changed = oe->negated != ne->negated;
        r->modality_changed = oe->modal != ne->modal;
        r->attribution_changed = oe->attributed != ne->attributed;
        r->count_changed = oe->count != ne->count;
        bool changed = r->negation_changed || r->modality_changed || r->attribution_changed ||
                       r->count_changed;
        r->state = changed ? KG_DIFF_CHANGED : KG_DIFF_UNCHANGED;
    } else {
        r->state = oe ? KG_DIFF_REMOVED : KG_DIFF_ADDED;
    }
    if (kg_diff_edge_evidence(d->arena, d->old_graph, r->old_edge, &r->old_evidence) != KG_OK ||
        kg_diff_edge_evidence(d->arena, d->new_graph, r->new_edge, &r->new_evidence) != KG_OK)
        return KG_ERR_NOMEM;
    return KG_OK;
}

/* Pairs one group's edges: the same negation first, then what is left,
 * one to one, in the group's order.  A kg_diff_side has at most two edges in a
 * group (plain and negated) unless two relations differ only in white
 * space; any number works. */
static kg_status pair_group(kg_diff *d, const edge_ref *g, size_t n)
{
    bool *used = calloc(n ? n : 1, sizeof *used);
    if (!used)
        return KG_ERR_NOMEM;
    kg_status st = KG_OK;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if (g[i].is_new || used[i])
                continue;
            for (size_t j = 0; j < n; j++) {
                if (!g[j].is_new || used[j] || (pass == 0 && g[i].negated != g[j].negated))
                    continue;
                used[i] = used[j] = true;
                st = add_relation(d, &g[j], &g[i], &g[j]);
                break;
            }
        }
    for (size_t i = 0; i < n && st == KG_OK; i++)
        if (!used[i])
            st = g[i].is_new ? add_relation(d, &g[i], NULL, &g[i])
                             : add_relation(d, &g[i], &g[i], NULL);
    free(used);
    return st;
}

static int relation_cmp(const void *pa, const void *pb, const kg_diff *d)
{
    const kg_diff_relation *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    const kg_edge *ea = kg_diff_relation_edge(d, a), *eb = kg_diff_relation_edge(d, b);
    int c = kg_diff_ws_cmp(ea->relation, eb->relation);
    if (c)
        return c;
    if (ea->negated != eb->negated)
        return ea->negated ? 1 : -1;
    /* the same (source, relation, target, negation) on one kg_diff_side is one edge,
     * so two entries get here only as an old-only and a new-only one */
    return (a->old_edge >= 0) - (b->old_edge >= 0);
}

/* Insertion sort: relation_cmp needs the diff, which qsort cannot pass, and
 * the pairing above already leaves the list almost in order. */
static void sort_relations(kg_diff *d)
{
    for (size_t i = 1; i < d->n_relations; i++) {
        kg_diff_relation r = d->relations[i];
        size_t j = i;
        while (j > 0 && relation_cmp(&d->relations[j - 1], &r, d) > 0) {
            d->relations[j] = d->relations[j - 1];
            j--;
        }
        d->relations[j] = r;
    }
}

/* Whether removed relation r and added relation a are one change, and which. */
static bool relations_fit(kg_diff *d, const kg_diff_relation *r, const kg_diff_relation *a,
                          kg_diff_kind *kind)
{
    const kg_edge *oe = kg_graph_edge(d->old_graph, (size_t)r->old_edge);
    const kg_edge *ne = kg_graph_edge(d->new_graph, (size_t)a->new_edge);
    if (oe->negated != ne->negated)
        return false;
    if (kg_diff_opposite(d, oe->relation, ne->relation)) {
        *kind = KG_DIFF_KIND_REVERSED;
        return true;
    }
    if (kg_diff_aligned(d, &r->old_evidence, &a->new_evidence)) {
        *kind = KG_DIFF_KIND_RELATION;
        return true;
    }
    return false;
}

/* A relation removed and one added between the same two actors are one
 * change when their verbs are opposites, or when one edited sentence gives
 * both: reversed, else relation.  Opposites first, then in order. */
static kg_status pair_relations(kg_diff *d)
{
    bool *gone = calloc(d->n_relations + 1, sizeof *gone);
    if (!gone)
        return KG_ERR_NOMEM;
    for (size_t lo = 0; lo < d->n_relations;) {
        size_t hi = lo + 1, nr = 0, na = 0;
        while (hi < d->n_relations && d->relations[hi].source == d->relations[lo].source &&
               d->relations[hi].target == d->relations[lo].target)
            hi++;
        for (size_t i = lo; i < hi; i++) {
            nr += d->relations[i].state == KG_DIFF_REMOVED;
            na += d->relations[i].state == KG_DIFF_ADDED;
        }
        for (int pass = 0; nr && na && nr * na <= KG_DIFF_LOOSE_MAX_PAIRS && pass < 2; pass++)
            for (size_t i = lo; i < hi; i++) {
                kg_diff_relation *r = &d->relations[i];
                if (r->state != KG_DIFF_REMOVED || gone[i])
                    continue;
                for (size_t j = lo; j < hi; j++) {
                    kg_diff_relation *a = &d->relations[j];
                    kg_diff_kind kind;
                    if (a->state != KG_DIFF_ADDED || gone[j] || !relations_fit(d, r, a, &kind) ||
                        (pass == 0 && kind != KG_DIFF_KIND_REVERSED))
                        continue;
                    const kg_edge *oe = kg_graph_edge(d->old_graph, (size_t)r->old_edge);
                    const kg_edge *ne = kg_graph_edge(d->new_graph, (size_t)a->new_edge);
                    r->state = KG_DIFF_CHANGED;
                    r->kind = kind;
                    r->new_edge = a->new_edge;
                    r->new_count = a->new_count;
                    r->new_evidence = a->new_evidence;
                    r->modality_changed = oe->modal != ne->modal;
                    r->attribution_changed = oe->attributed != ne->attributed;
                    r->count_changed = oe->count != ne->count;
                    gone[j] = true;
                    break;
                }
            }
        lo = hi;
    }
    size_t o = 0;
    for (size_t i = 0; i < d->n_relations; i++)
        if (!gone[i])
            d->relations[o++] = d->relations[i];
    d->n_relations = o;
    free(gone);
    return KG_OK;
}

/* ---------------------------------------------------------------- notes */

/* Whether every sentence of ev is in a pair of state UNCHANGED (and there
 * is one); false for a sentence the alignment does not hold. */
/* Whether evidence quotes the sentence: the same text, or its start when
 * the quote was cut ("...\u2026"). */
static bool quotes(const char *quote, const char *text)
{
    if (!quote || !text)
        return false;
    if (kg_diff_ws_cmp(quote, text) == 0)
        return true;
    size_t n = strlen(quote), e = sizeof "\u2026" - 1;
    return n > e && !strcmp(quote + n - e, "\u2026") && !strncmp(quote, text, n - e);
}

/* A graph written by hand may give two sentences one (doc, index): the
 * evidence must quote the aligned sentence for it to count as unchanged. */
static bool only_unchanged(const kg_diff *d, const kg_diff_evidence *ev, bool new_side,
                           size_t *seen)
{
    for (size_t i = 0; i < ev->n; i++) {
        long p = kg_diff_align_find(&d->align, new_side, ev->items[i].doc, ev->items[i].sentence);
        if (p < 0 || d->align.pairs[p].state != KG_DIFF_UNCHANGED ||
            !quotes(ev->items[i].text,
                    new_side ? d->align.pairs[p].new_text : d->align.pairs[p].old_text))
            return false;
        (*seen)++;
    }
    return true;
}

static bool context_only(const kg_diff *d, const kg_diff_evidence *o, const kg_diff_evidence *n)
{
    size_t seen = 0;
    return only_unchanged(d, o, false, &seen) && only_unchanged(d, n, true, &seen) && seen > 0;
}

static void mark_meaning(kg_diff *d, const kg_diff_evidence *ev, bool new_side)
{
    for (size_t i = 0; i < ev->n; i++) {
        long p = kg_diff_align_find(&d->align, new_side, ev->items[i].doc, ev->items[i].sentence);
        if (p >= 0)
            d->align.pairs[p].meaning_changed = true;
    }
}

/* With both documents, a change whose sentences all read the same in both
 * versions follows from an edit elsewhere (a sentence is read the same way
 * whatever surrounds it, but for who a pronoun is) and becomes a note.  A
 * graph alone cannot say so: one written by hand, or merged, may tie other
 * facts to the same words.  The sentences of the changes that remain are
 * marked as changed in meaning. */
static void find_context(kg_diff *d, bool texts)
{
    for (size_t i = 0; i < d->n_entities; i++) {
        kg_diff_entity *e = &d->entities[i];
        if (e->state == KG_DIFF_UNCHANGED)
            continue;
        e->context = texts && context_only(d, &e->old_evidence, &e->new_evidence);
        if (!e->context) {
            mark_meaning(d, &e->old_evidence, false);
            mark_meaning(d, &e->new_evidence, true);
        }
    }
    for (size_t i = 0; i < d->n_relations; i++) {
        kg_diff_relation *r = &d->relations[i];
        if (r->state == KG_DIFF_UNCHANGED)
            continue;
        r->context = texts && context_only(d, &r->old_evidence, &r->new_evidence);
        if (!r->context) {
            mark_meaning(d, &r->old_evidence, false);
            mark_meaning(d, &r->new_evidence, true);
        }
    }
    for (size_t i = 0; i < d->n_claims; i++) {
        kg_diff_claim *c = &d->claims[i];
        if (c->state == KG_DIFF_UNCHANGED)
            continue;
        c->context = texts && context_only(d, &c->old_evidence, &c->new_evidence);
        if (!c->context) {
            mark_meaning(d, &c->old_evidence, false);
            mark_meaning(d, &c->new_evidence, true);
        }
    }
}

static kg_status build_relations(kg_diff *d, const kg_diff_side *o, const kg_diff_side *n)
{
    size_t eo = kg_graph_edge_count(o->g), en = kg_graph_edge_count(n->g);
    edge_ref *refs = malloc((eo + en + 1) * sizeof *refs);
    d->relations = kg_arena_alloc(d->arena, (eo + en + 1) * sizeof *d->relations);
    if (!refs || !d->relations) {
        free(refs);
        return KG_ERR_NOMEM;
    }
    size_t k = 0;
    const kg_diff_side *sides[2] = {o, n};
    for (int s = 0; s < 2; s++) {
        for (size_t j = 0; j < kg_graph_edge_count(sides[s]->g); j++) {
            const kg_edge *e = kg_graph_edge(sides[s]->g, j);
            refs[k++] = (edge_ref){sides[s]->nodes[e->source].entity,
                                   sides[s]->nodes[e->target].entity,
                                   e->relation,
                                   e->negated,
                                   s == 1,
                                   j};
        }
    }
    qsort(refs, k, sizeof *refs, edge_ref_cmp);
    kg_status st = KG_OK;
    for (size_t i = 0; i < k && st == KG_OK;) {
        size_t end = i + 1;
        while (end < k && same_group(&refs[i], &refs[end]))
            end++;
        st = pair_group(d, &refs[i], end - i);
        i = end;
    }
    free(refs);
    if (st == KG_OK)
        sort_relations(d);
    if (st == KG_OK)
        st = pair_relations(d);
    return st;
}

/* ---------------------------------------------------------------- public */

kg_status kg_diff_graphs(const kg_graph *old_graph, const kg_graph *new_graph,
                         const kg_diff_options *opts, kg_diff **out, kg_error *err)
{
    *out = NULL;
    if (!old_graph || !new_graph)
        return kg_error_set(err, KG_ERR_USAGE, "diff: two graphs are needed");
    kg_diff *d = calloc(1, sizeof *d);
    if (!d || !(d->arena = kg_arena_new())) {
        free(d);
        return nomem(err);
    }
    d->old_graph = old_graph;
    d->new_graph = new_graph;
    d->wordnet_dir =
        opts && opts->wordnet_dir ? kg_arena_strdup(d->arena, opts->wordnet_dir) : NULL;
    const char *on = opts && opts->old_name ? opts->old_name : "old";
    const char *nn = opts && opts->new_name ? opts->new_name : "new";
    d->old_name = kg_arena_strdup(d->arena, on);
    d->new_name = kg_arena_strdup(d->arena, nn);
    kg_diff_side o = {0}, n = {0};
    kg_status st = d->old_name && d->new_name ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK)
        st = kg_diff_side_init(d->arena, &o, old_graph, opts ? opts->old_doc : NULL);
    if (st == KG_OK)
        st = kg_diff_side_init(d->arena, &n, new_graph, opts ? opts->new_doc : NULL);
    if (st == KG_OK) {
        kg_diff_match_sides(&o, &n);
        st = o.doc ? kg_diff_pool_from_document(d->arena, &o)
                   : kg_diff_pool_from_edges(d->arena, &o);
    }
    if (st == KG_OK)
        st = n.doc ? kg_diff_pool_from_document(d->arena, &n)
                   : kg_diff_pool_from_edges(d->arena, &n);
    if (st == KG_OK)
        st = kg_diff_align_build(d->arena, &o, &n, &d->align);
    if (st == KG_OK)
        st = kg_diff_match_replaced(d->arena, &o, &n, &d->align);
    if (st == KG_OK)
        st = build_entities(d, &o, &n);
    if (st == KG_OK)
        st = build_relations(d, &o, &n);
    if (st == KG_OK)
        st = kg_diff_build_claims(d, &o, &n);
    if (st == KG_OK)
        find_context(d, o.doc && n.doc);
    if (st != KG_OK) {
        kg_diff_free(d);
        return nomem(err);
    }
    *out = d;
    return KG_OK;
}

void kg_diff_free(kg_diff *d)
{
    if (!d)
        return;
    kg_antonyms_close(d->antonyms);
    kg_arena_free(d->arena);
    free(d);
}

const kg_graph *kg_diff_old_graph(const kg_diff *d)
{
    return d->old_graph;
}

const kg_graph *kg_diff_new_graph(const kg_diff *d)
{
    return d->new_graph;
}

const char *kg_diff_old_name(const kg_diff *d)
{
    return d->old_name;
}

const char *kg_diff_new_name(const kg_diff *d)
{
    return d->new_name;
}

const kg_diff_entity *kg_diff_entities(const kg_diff *d, size_t *n)
{
    *n = d->n_entities;
    return d->entities;
}

const kg_diff_relation *kg_diff_relations(const kg_diff *d, size_t *n)
{
    *n = d->n_relations;
    return d->relations;
}

const kg_diff_claim *kg_diff_claims(const kg_diff *d, size_t *n)
{
    *n = d->n_claims;
    return d->claims;
}

const kg_diff_sentence_pair *kg_diff_sentence_pairs(const kg_diff *d, size_t *n)
{
    *n = d->align.n;
    return d->align.pairs;
}

const kg_claim *kg_diff_claim_record(const kg_diff *d, const kg_diff_claim *c)
{
    return c->new_claim >= 0 ? kg_graph_claim(d->new_graph, (size_t)c->new_claim)
                             : kg_graph_claim(d->old_graph, (size_t)c->old_claim);
}

const kg_node *kg_diff_entity_node(const kg_diff *d, const kg_diff_entity *e)
{
    return e->new_node >= 0 ? kg_graph_node(d->new_graph, (size_t)e->new_node)
                            : kg_graph_node(d->old_graph, (size_t)e->old_node);
}

const kg_edge *kg_diff_relation_edge(const kg_diff *d, const kg_diff_relation *r)
{
    return r->new_edge >= 0 ? kg_graph_edge(d->new_graph, (size_t)r->new_edge)
                            : kg_graph_edge(d->old_graph, (size_t)r->old_edge);
}

/* Counts a change of state st and kind k (a note when context). */
static void count_kind(kg_diff_summary *s, kg_diff_state st, kg_diff_kind k, bool context)
{
    if (st == KG_DIFF_UNCHANGED)
        return;
    if (context) {
        s->context++;
        return;
    }
    s->reversed += k == KG_DIFF_KIND_REVERSED;
    s->values += k == KG_DIFF_KIND_VALUE;
    s->relabelled += k == KG_DIFF_KIND_RELATION;
    s->replaced += k == KG_DIFF_KIND_REPLACED;
}

void kg_diff_summarize(const kg_diff *d, kg_diff_summary *s)
{
    memset(s, 0, sizeof *s);
    s->old_entities = kg_graph_node_count(d->old_graph);
    s->new_entities = kg_graph_node_count(d->new_graph);
    s->old_relations = kg_graph_edge_count(d->old_graph);
    s->new_relations = kg_graph_edge_count(d->new_graph);
    s->old_claims = kg_graph_claim_count(d->old_graph);
    s->new_claims = kg_graph_claim_count(d->new_graph);
    for (size_t i = 0; i < d->n_entities; i++) {
        const kg_diff_entity *e = &d->entities[i];
        size_t *counts[] = {&s->entities_unchanged, &s->entities_added, &s->entities_removed,
                            &s->entities_changed};
        (*counts[e->context ? KG_DIFF_UNCHANGED : e->state])++;
        count_kind(s, e->state, e->kind, e->context);
        s->entities_renamed += e->label_changed;
        s->entities_mentions_changed +=
            e->old_node >= 0 && e->new_node >= 0 && e->old_mentions != e->new_mentions;
    }
    for (size_t i = 0; i < d->n_relations; i++) {
        const kg_diff_relation *r = &d->relations[i];
        size_t *counts[] = {&s->relations_unchanged, &s->relations_added, &s->relations_removed,
                            &s->relations_changed};
        (*counts[r->context ? KG_DIFF_UNCHANGED : r->state])++;
        count_kind(s, r->state, r->kind, r->context);
    }
    for (size_t i = 0; i < d->n_claims; i++) {
        const kg_diff_claim *c = &d->claims[i];
        size_t *counts[] = {&s->claims_unchanged, &s->claims_added, &s->claims_removed,
                            &s->claims_changed};
        (*counts[c->context ? KG_DIFF_UNCHANGED : c->state])++;
        count_kind(s, c->state, c->kind, c->context);
    }
    for (size_t i = 0; i < d->align.n; i++) {
        const kg_diff_sentence_pair *p = &d->align.pairs[i];
        if (p->state == KG_DIFF_UNCHANGED)
            continue;
        s->sentences_changed++;
        s->sentences_reworded += !p->meaning_changed;
    }
}

bool kg_diff_changed(const kg_diff *d)
{
    for (size_t i = 0; i < d->n_entities; i++)
        if (d->entities[i].state != KG_DIFF_UNCHANGED && !d->entities[i].context)
            return true;
    for (size_t i = 0; i < d->n_relations; i++)
        if (d->relations[i].state != KG_DIFF_UNCHANGED && !d->relations[i].context)
            return true;
    for (size_t i = 0; i < d->n_claims; i++)
        if (d->claims[i].state != KG_DIFF_UNCHANGED && !d->claims[i].context)
            return true;
    return false;
}
