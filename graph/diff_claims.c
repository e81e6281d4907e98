/* diff_claims.c - claims matched across the versions, and the pairs that
 * are one change.
 *
 * Claims are grouped by (matched entity, role, relation, argument) and
 * paired within a group, the same negation first, as relations are.  What
 * is left is paired within (entity, role), in three rounds, each only among
 * claims still alone, so that the strongest reading wins:
 *   reversed  the relations are opposites (WordNet) and the argument the same;
 *   value     the same relation, and arguments that differ only in their
 *             values ("rose 5%" -> "rose 7%", "on Monday" -> "on Tuesday");
 *   relation  the same argument, another relation, in one edited sentence.
 */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

#include "antonyms.h"

bool kg_diff_opposite(kg_diff *d, const char *a, const char *b)
{
    if (!d->antonyms_tried) {
        d->antonyms_tried = true;
        kg_error err = {0};
        /* without WordNet no change is read as reversed; the rest of the
         * diff stands */
        if (kg_antonyms_open(d->wordnet_dir, &d->antonyms, &err) != KG_OK)
            d->antonyms = NULL;
    }
    return d->antonyms && kg_antonyms_opposite(d->antonyms, a, b);
}

bool kg_diff_aligned(const kg_diff *d, const kg_diff_evidence *old_ev,
                     const kg_diff_evidence *new_ev)
{
    for (size_t i = 0; i < old_ev->n; i++) {
        long po =
            kg_diff_align_find(&d->align, false, old_ev->items[i].doc, old_ev->items[i].sentence);
        if (po < 0)
            continue;
        for (size_t j = 0; j < new_ev->n; j++)
            if (kg_diff_align_find(&d->align, true, new_ev->items[j].doc,
                                   new_ev->items[j].sentence) == po)
                return true;
    }
    return false;
}

typedef struct claim_ref {
    size_t entity;
    kg_claim_role role;
    const char *relation, *argument;
    bool negated, is_new;
    size_t claim;
    bool used;
} claim_ref;

static int ref_cmp(const void *pa, const void *pb)
{
    const claim_ref *a = pa, *b = pb;
    if (a->entity != b->entity)
        return a->entity < b->entity ? -1 : 1;
    if (a->role != b->role)
        return a->role < b->role ? -1 : 1;
    int c = kg_diff_ws_cmp(a->relation, b->relation);
    if (!c)
        c = kg_diff_ws_cmp(a->argument, b->argument);
    if (!c && a->negated != b->negated)
        c = a->negated ? 1 : -1;
    if (!c)
        c = (int)a->is_new - (int)b->is_new;
    if (!c)
        c = (a->claim > b->claim) - (a->claim < b->claim);
    return c;
}

static bool same_group(const claim_ref *a, const claim_ref *b)
{
    return a->entity == b->entity && a->role == b->role &&
           kg_diff_ws_cmp(a->relation, b->relation) == 0 &&
           kg_diff_ws_cmp(a->argument, b->argument) == 0;
}

static bool value_equal(const kg_claim_value *a, const kg_claim_value *b)
{
    return a->kind == b->kind && a->amount == b->amount && !strcmp(a->currency, b->currency) &&
           !strcmp(a->date, b->date);
}

/* The argument with each value's words replaced by a mark of its kind, so
 * that two arguments that differ only in their values read the same.
 * NULL when out of memory. */
static char *masked(kg_arena *a, const kg_claim *c)
{
    size_t len = strlen(c->argument);
    char *out = kg_arena_alloc(a, len + 2 * c->n_values + 1);
    if (!out)
        return NULL;
    size_t at = 0, o = 0;
    for (size_t k = 0; k < c->n_values; k++) {
        const char *t = c->values[k].text;
        const char *p = t && *t ? strstr(c->argument + at, t) : NULL;
        if (!p)
            continue;
        size_t start = (size_t)(p - c->argument);
        memcpy(out + o, c->argument + at, start - at);
        o += start - at;
        out[o++] = '\x01';
        out[o++] = (char)('0' + (int)c->values[k].kind);
        at = start + strlen(t);
    }
    memcpy(out + o, c->argument + at, len - at);
    out[o + len - at] = '\0';
    return out;
}

static const kg_claim *old_claim(const kg_diff *d, const claim_ref *r)
{
    return kg_graph_claim(d->old_graph, r->claim);
}

static const kg_claim *new_claim(const kg_diff *d, const claim_ref *r)
{
    return kg_graph_claim(d->new_graph, r->claim);
}

/* The values of two claims that differ, position by position. */
static kg_status value_changes(kg_diff *d, const kg_claim *oc, const kg_claim *nc,
                               kg_diff_claim *out)
{
    size_t n = oc->n_values > nc->n_values ? oc->n_values : nc->n_values;
    kg_diff_value_change *v = kg_arena_alloc(d->arena, (n + 1) * sizeof *v);
    if (!v)
        return KG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const kg_claim_value *a = i < oc->n_values ? &oc->values[i] : NULL;
        const kg_claim_value *b = i < nc->n_values ? &nc->values[i] : NULL;
        if (!a || !b || !value_equal(a, b))
            v[k++] = (kg_diff_value_change){a, b};
    }
    out->values = v;
    out->n_values = k;
    return KG_OK;
}

static kg_status add_claim(kg_diff *d, const claim_ref *o, const claim_ref *n, kg_diff_kind kind)
{
    kg_diff_claim *c = &d->claims[d->n_claims++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->entity = o ? o->entity : n->entity;
    c->old_claim = o ? (long)o->claim : -1;
    c->new_claim = n ? (long)n->claim : -1;
    const kg_claim *oc = o ? old_claim(d, o) : NULL, *nc = n ? new_claim(d, n) : NULL;
    c->old_count = oc ? oc->count : 0;
    c->new_count = nc ? nc->count : 0;
    kg_status st = KG_OK;
    if (oc && nc) {
        c->negation_changed = oc->negated != nc->negated;
        c->modality_changed = oc->modal != nc->modal;
        c->attribution_changed =
            oc->attributed != nc->attributed || kg_diff_ws_cmp(oc->speaker, nc->speaker) != 0;
        c->count_changed = oc->count != nc->count;
        st = value_changes(d, oc, nc, c);
        bool changed = kind != KG_DIFF_KIND_PLAIN || c->negation_changed || c->modality_changed ||
                       c->attribution_changed || c->count_changed || c->n_values;
        if (kind == KG_DIFF_KIND_PLAIN && c->n_values)
            c->kind = KG_DIFF_KIND_VALUE;
        c->state = changed ? KG_DIFF_CHANGED : KG_DIFF_UNCHANGED;
    } else {
        c->state = oc ? KG_DIFF_REMOVED : KG_DIFF_ADDED;
    }
    if (st == KG_OK)
        st = kg_diff_claim_evidence(d->arena, d->old_graph, c->old_claim, &c->old_evidence);
    if (st == KG_OK)
        st = kg_diff_claim_evidence(d->arena, d->new_graph, c->new_claim, &c->new_evidence);
    return st;
}

/* Within one exact group: the same negation first, then the rest, one to one. */
static kg_status pair_exact(kg_diff *d, claim_ref *g, size_t n)
{
    kg_status st = KG_OK;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if (g[i].is_new || g[i].used)
                continue;
            for (size_t j = 0; j < n; j++) {
                if (!g[j].is_new || g[j].used || (pass == 0 && g[i].negated != g[j].negated))
                    continue;
                g[i].used = g[j].used = true;
                st = add_claim(d, &g[i], &g[j], KG_DIFF_KIND_PLAIN);
                break;
            }
        }
    return st;
}

typedef enum round { ROUND_REVERSED, ROUND_VALUE, ROUND_RELATION } round;

static bool fits(kg_diff *d, round r, const claim_ref *o, const claim_ref *n)
{
    const kg_claim *oc = old_claim(d, o), *nc = new_claim(d, n);
    bool same_arg = kg_diff_ws_cmp(oc->argument, nc->argument) == 0;
    switch (r) {
    case ROUND_REVERSED:
        return same_arg && oc->negated == nc->negated &&
               kg_diff_opposite(d, oc->relation, nc->relation);
    case ROUND_VALUE: {
        if (oc->negated != nc->negated || kg_diff_ws_cmp(oc->relation, nc->relation) != 0 ||
            (!oc->n_values && !nc->n_values))
            return false;
        char *a = masked(d->arena, oc), *b = masked(d->arena, nc);
        return a && b && kg_diff_ws_cmp(a, b) == 0;
    }
    case ROUND_RELATION: {
        kg_diff_evidence oe, ne;
        if (!same_arg || oc->negated != nc->negated ||
            kg_diff_claim_evidence(d->arena, d->old_graph, (long)o->claim, &oe) != KG_OK ||
            kg_diff_claim_evidence(d->arena, d->new_graph, (long)n->claim, &ne) != KG_OK)
            return false;
        return kg_diff_aligned(d, &oe, &ne);
    }
    }
    return false;
}

static const kg_diff_kind round_kind[] = {KG_DIFF_KIND_REVERSED, KG_DIFF_KIND_VALUE,
                                          KG_DIFF_KIND_RELATION};

/* The claims of one (entity, role) left alone after exact matching. */
static kg_status pair_loose(kg_diff *d, claim_ref *g, size_t n)
{
    kg_status st = KG_OK;
    size_t left[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        left[g[i].is_new] += !g[i].used;
    bool rounds = left[0] * left[1] <= KG_DIFF_LOOSE_MAX_PAIRS;
    for (int r = ROUND_REVERSED; rounds && r <= ROUND_RELATION; r++)
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if (g[i].is_new || g[i].used)
                continue;
            for (size_t j = 0; j < n; j++) {
                if (!g[j].is_new || g[j].used || !fits(d, (round)r, &g[i], &g[j]))
                    continue;
                g[i].used = g[j].used = true;
                st = add_claim(d, &g[i], &g[j], round_kind[r]);
                break;
            }
        }
    for (size_t i = 0; i < n && st == KG_OK; i++)
        if (!g[i].used)
            st = g[i].is_new ? add_claim(d, NULL, &g[i], KG_DIFF_KIND_PLAIN)
                             : add_claim(d, &g[i], NULL, KG_DIFF_KIND_PLAIN);
    return st;
}

/* The canonical order is ref_cmp's, each entry keyed by its record (the
 * new side's where it has one): entity, role, relation, argument, negation,
 * an old claim alone before the rest. */
typedef struct claim_order {
    claim_ref key;
    kg_diff_claim c;
} claim_order;

static int order_cmp(const void *pa, const void *pb)
{
    return ref_cmp(&((const claim_order *)pa)->key, &((const claim_order *)pb)->key);
}

static kg_status sort_claims(kg_diff *d)
{
    claim_order *v = malloc((d->n_claims + 1) * sizeof *v);
    if (!v)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < d->n_claims; i++) {
        const kg_diff_claim *dc = &d->claims[i];
        const kg_claim *c = kg_diff_claim_record(d, dc);
        bool has_new = dc->new_claim >= 0;
        v[i] = (claim_order){{dc->entity, c->role, c->relation, c->argument, c->negated, has_new,
                              (size_t)(has_new ? dc->new_claim : dc->old_claim), false},
                             *dc};
    }
    qsort(v, d->n_claims, sizeof *v, order_cmp);
    for (size_t i = 0; i < d->n_claims; i++)
        d->claims[i] = v[i].c;
    free(v);
    return KG_OK;
}

kg_status kg_diff_build_claims(kg_diff *d, const kg_diff_side *o, const kg_diff_side *n)
{
    size_t co = kg_graph_claim_count(o->g), cn = kg_graph_claim_count(n->g);
    claim_ref *refs = malloc((co + cn + 1) * sizeof *refs);
    d->claims = kg_arena_alloc(d->arena, (co + cn + 1) * sizeof *d->claims);
    if (!refs || !d->claims) {
        free(refs);
        return KG_ERR_NOMEM;
    }
    size_t k = 0;
    const kg_diff_side *sides[2] = {o, n};
    for (int s = 0; s < 2; s++)
        for (size_t j = 0; j < kg_graph_claim_count(sides[s]->g); j++) {
            const kg_claim *c = kg_graph_claim(sides[s]->g, j);
            refs[k++] = (claim_ref){sides[s]->nodes[c->node].entity,
                                    c->role,
                                    c->relation,
                                    c->argument,
                                    c->negated,
                                    s == 1,
                                    j,
                                    false};
        }
    qsort(refs, k, sizeof *refs, ref_cmp);
    kg_status st = KG_OK;
    for (size_t i = 0; i < k && st == KG_OK;) {
        size_t end = i + 1;
        while (end < k && same_group(&refs[i], &refs[end]))
            end++;
        st = pair_exact(d, &refs[i], end - i);
        i = end;
    }
    /* then within (entity, role), among what is left */
    for (size_t i = 0; i < k && st == KG_OK;) {
        size_t end = i + 1;
        while (end < k && refs[end].entity == refs[i].entity && refs[end].role == refs[i].role)
            end++;
        st = pair_loose(d, &refs[i], end - i);
        i = end;
    }
    free(refs);
    return st == KG_OK ? sort_claims(d) : st;
}
