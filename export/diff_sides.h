/* diff_sides.h - each side's record of a diff entry, for the diff exporters
 * (diff_text.c, diff_json.c, diff_dot.c, diff_html.c; export/ only, not
 * installed).  NULL on the side where the entry is absent.  The value JSON
 * is shared with the graph export, so a value reads the same in both files. */
#ifndef KG_DIFF_SIDES_H
#define KG_DIFF_SIDES_H

#include <jansson.h>
#include <stdbool.h>

#include "kg/diff.h"

static inline const char *kg_diff_label_of(const kg_node *n)
{
    return n->label ? n->label : n->id;
}

/* Matched on both sides, with another mention count: a note, not a change. */
static inline bool kg_diff_mentions_changed(const kg_diff_entity *e)
{
    return e->old_node >= 0 && e->new_node >= 0 && e->old_mentions != e->new_mentions;
}

static inline const kg_node *kg_diff_old_node(const kg_diff *d, const kg_diff_entity *e)
{
    return e->old_node >= 0 ? kg_graph_node(kg_diff_old_graph(d), (size_t)e->old_node) : NULL;
}

static inline const kg_node *kg_diff_new_node(const kg_diff *d, const kg_diff_entity *e)
{
    return e->new_node >= 0 ? kg_graph_node(kg_diff_new_graph(d), (size_t)e->new_node) : NULL;
}

static inline const kg_edge *kg_diff_old_edge(const kg_diff *d, const kg_diff_relation *r)
{
    return r->old_edge >= 0 ? kg_graph_edge(kg_diff_old_graph(d), (size_t)r->old_edge) : NULL;
}

static inline const kg_edge *kg_diff_new_edge(const kg_diff *d, const kg_diff_relation *r)
{
    return r->new_edge >= 0 ? kg_graph_edge(kg_diff_new_graph(d), (size_t)r->new_edge) : NULL;
}

static inline const kg_claim *kg_diff_old_claim(const kg_diff *d, const kg_diff_claim *c)
{
    return c->old_claim >= 0 ? kg_graph_claim(kg_diff_old_graph(d), (size_t)c->old_claim) : NULL;
}

static inline const kg_claim *kg_diff_new_claim(const kg_diff *d, const kg_diff_claim *c)
{
    return c->new_claim >= 0 ? kg_graph_claim(kg_diff_new_graph(d), (size_t)c->new_claim) : NULL;
}

/* A claim's value as the graph JSON writes it (json.c): {"kind", "amount"
 * or "date", "currency" for money, "text"}.  NULL when out of memory or
 * when the text is not UTF-8. */
json_t *kg_export_value_json(const kg_claim_value *v);

#endif
