/* diff_json.c - a kg_diff as JSON, holding everything, in the shape
 * docs/diff-format.md describes.
 *
 * Built as a jansson tree and dumped at once, so a failure (no memory, a
 * string that is not UTF-8) leaves nothing half written; the value JSON is
 * the graph export's (kg_export_value_json), so a value reads the same in
 * both files.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "dot_build.h"
#include "diff_sides.h"
#include "json_build.h"
#include "kg/diff_export.h"

static json_t *side_info(kg_json_builder *b, const char *name, const kg_graph *g)
{
    json_t *o = json_object(), *docs = json_array();
    bool ok = kg_json_put(b, o, "name", kg_json_str(b, name)) &&
              kg_json_put(b, o, "entities", kg_json_num(kg_graph_node_count(g))) &&
              kg_json_put(b, o, "relations", kg_json_num(kg_graph_edge_count(g))) &&
              kg_json_put(b, o, "claims", kg_json_num(kg_graph_claim_count(g)));
    for (size_t i = 0; ok && i < kg_graph_doc_count(g); i++) {
        const kg_graph_doc *doc = kg_graph_doc_at(g, i);
        json_t *x = json_object();
        ok =
            kg_json_push(b, docs,
                         kg_json_done(x, kg_json_put(b, x, "id", kg_json_str(b, doc->id)) &&
                                             kg_json_put(b, x, "date", kg_json_str(b, doc->date))));
    }
    ok = ok ? kg_json_put(b, o, "documents", docs) : (json_decref(docs), false);
    return kg_json_done(o, ok);
}

static json_t *summary(kg_json_builder *b, const kg_diff *d)
{
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    json_t *o = json_object(), *e = json_object(), *r = json_object(), *c = json_object(),
           *k = json_object(), *t = json_object();
    bool ok = kg_json_put(b, e, "added", kg_json_num(s.entities_added)) &&
              kg_json_put(b, e, "removed", kg_json_num(s.entities_removed)) &&
              kg_json_put(b, e, "changed", kg_json_num(s.entities_changed)) &&
              kg_json_put(b, e, "unchanged", kg_json_num(s.entities_unchanged)) &&
              kg_json_put(b, e, "renamed", kg_json_num(s.entities_renamed)) &&
              kg_json_put(b, e, "mentions_changed", kg_json_num(s.entities_mentions_changed));
    ok = ok && kg_json_put(b, r, "added", kg_json_num(s.relations_added)) &&
         kg_json_put(b, r, "removed", kg_json_num(s.relations_removed)) &&
         kg_json_put(b, r, "changed", kg_json_num(s.relations_changed)) &&
         kg_json_put(b, r, "unchanged", kg_json_num(s.relations_unchanged));
    ok = ok && kg_json_put(b, c, "added", kg_json_num(s.claims_added)) &&
         kg_json_put(b, c, "removed", kg_json_num(s.claims_removed)) &&
         kg_json_put(b, c, "changed", kg_json_num(s.claims_changed)) &&
         kg_json_put(b, c, "unchanged", kg_json_num(s.claims_unchanged));
    ok = ok && kg_json_put(b, k, "reversed", kg_json_num(s.reversed)) &&
         kg_json_put(b, k, "value", kg_json_num(s.values)) &&
         kg_json_put(b, k, "relation", kg_json_num(s.relabelled)) &&
         kg_json_put(b, k, "replaced", kg_json_num(s.replaced)) &&
         kg_json_put(b, k, "context", kg_json_num(s.context));
    ok = ok && kg_json_put(b, t, "changed", kg_json_num(s.sentences_changed)) &&
         kg_json_put(b, t, "reworded", kg_json_num(s.sentences_reworded));
    if (!ok) {
        json_decref(e);
        json_decref(r);
        json_decref(c);
        json_decref(k);
        json_decref(t);
        return kg_json_done(o, false);
    }
    return kg_json_done(o, kg_json_put(b, o, "entities", e) && kg_json_put(b, o, "relations", r) &&
                               kg_json_put(b, o, "claims", c) && kg_json_put(b, o, "kinds", k) &&
                               kg_json_put(b, o, "sentences", t));
}

static json_t *sentences(kg_json_builder *b, const kg_diff_evidence *ev)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < ev->n; i++) {
        json_t *o = json_object();
        ok = kg_json_push(
            b, arr,
            kg_json_done(o, kg_json_put(b, o, "doc", kg_json_str(b, ev->items[i].doc)) &&
                                kg_json_put(b, o, "sentence", kg_json_num(ev->items[i].sentence)) &&
                                kg_json_put(b, o, "start", kg_json_num(ev->items[i].start)) &&
                                kg_json_put(b, o, "end", kg_json_num(ev->items[i].end)) &&
                                kg_json_put(b, o, "cp_start", kg_json_num(ev->items[i].cp_start)) &&
                                kg_json_put(b, o, "cp_end", kg_json_num(ev->items[i].cp_end)) &&
                                kg_json_put(b, o, "text", kg_json_str(b, ev->items[i].text))));
    }
    return kg_json_done(arr, ok);
}

static json_t *evidence(kg_json_builder *b, const kg_diff_evidence *old_ev,
                        const kg_diff_evidence *new_ev)
{
    json_t *o = json_object();
    return kg_json_done(o, kg_json_put(b, o, "old", sentences(b, old_ev)) &&
                               kg_json_put(b, o, "new", sentences(b, new_ev)));
}

static json_t *node_side(kg_json_builder *b, const kg_node *n)
{
    if (!n)
        return json_null();
    json_t *o = json_object();
    return kg_json_done(
        o, kg_json_put(b, o, "id", kg_json_str(b, n->id)) &&
               kg_json_put(b, o, "label", kg_json_str(b, kg_diff_label_of(n))) &&
               kg_json_put(b, o, "type", kg_json_str(b, kg_entity_type_name(n->type))) &&
               kg_json_put(b, o, "aliases", kg_json_strings(b, n->aliases, n->n_aliases)) &&
               kg_json_put(b, o, "roles", kg_json_strings(b, n->roles, n->n_roles)) &&
               kg_json_put(b, o, "mentions", kg_json_num(n->mentions)));
}

static json_t *entity_json(kg_json_builder *b, const kg_diff *d, const kg_diff_entity *e)
{
    const kg_node *n = kg_diff_entity_node(d, e);
    const char *changes[2], *notes[2];
    size_t nc = 0, nn = 0;
    if (e->type_changed)
        changes[nc++] = "type";
    if (e->n_roles_added || e->n_roles_removed)
        changes[nc++] = "roles";
    if (e->label_changed)
        notes[nn++] = "label";
    if (kg_diff_mentions_changed(e))
        notes[nn++] = "mentions";
    json_t *o = json_object();
    bool ok =
        kg_json_put(b, o, "status", kg_json_str(b, kg_diff_state_name(e->state))) &&
        kg_json_put(b, o, "kind", kg_json_str(b, kg_diff_kind_name(e->kind))) &&
        kg_json_put(b, o, "context", json_boolean(e->context)) &&
        kg_json_put(b, o, "id", kg_json_str(b, n->id)) &&
        kg_json_put(b, o, "label", kg_json_str(b, kg_diff_label_of(n))) &&
        kg_json_put(b, o, "type", kg_json_str(b, kg_entity_type_name(n->type))) &&
        kg_json_put(b, o, "match", kg_json_str(b, kg_diff_match_name(e->match))) &&
        kg_json_put(b, o, "changes", kg_json_strings(b, changes, nc)) &&
        kg_json_put(b, o, "notes", kg_json_strings(b, notes, nn)) &&
        kg_json_put(b, o, "roles_added", kg_json_strings(b, e->roles_added, e->n_roles_added)) &&
        kg_json_put(b, o, "roles_removed",
                    kg_json_strings(b, e->roles_removed, e->n_roles_removed)) &&
        kg_json_put(b, o, "old", node_side(b, kg_diff_old_node(d, e))) &&
        kg_json_put(b, o, "new", node_side(b, kg_diff_new_node(d, e))) &&
        kg_json_put(b, o, "evidence", evidence(b, &e->old_evidence, &e->new_evidence));
    return kg_json_done(o, ok);
}

static json_t *edge_side(kg_json_builder *b, const kg_graph *g, const kg_edge *e)
{
    if (!e)
        return json_null();
    json_t *o = json_object();
    return kg_json_done(
        o, kg_json_put(b, o, "source", kg_json_str(b, kg_graph_node(g, e->source)->id)) &&
               kg_json_put(b, o, "target", kg_json_str(b, kg_graph_node(g, e->target)->id)) &&
               kg_json_put(b, o, "relation", kg_json_str(b, e->relation)) &&
               kg_json_put(b, o, "negated", json_boolean(e->negated)) &&
               kg_json_put(b, o, "modal", json_boolean(e->modal)) &&
               kg_json_put(b, o, "attributed", json_boolean(e->attributed)) &&
               kg_json_put(b, o, "count", kg_json_num(e->count)));
}

static json_t *relation_json(kg_json_builder *b, const kg_diff *d, const kg_diff_relation *r)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const kg_edge *e = kg_diff_relation_edge(d, r);
    const char *changes[4];
    size_t nc = 0;
    if (r->negation_changed)
        changes[nc++] = "negation";
    if (r->modality_changed)
        changes[nc++] = "modality";
    if (r->attribution_changed)
        changes[nc++] = "attribution";
    if (r->count_changed)
        changes[nc++] = "count";
    json_t *o = json_object();
    bool ok =
        kg_json_put(b, o, "status", kg_json_str(b, kg_diff_state_name(r->state))) &&
        kg_json_put(b, o, "kind", kg_json_str(b, kg_diff_kind_name(r->kind))) &&
        kg_json_put(b, o, "context", json_boolean(r->context)) &&
        kg_json_put(b, o, "source", kg_json_str(b, kg_diff_entity_node(d, &ents[r->source])->id)) &&
        kg_json_put(b, o, "relation", kg_json_str(b, e->relation)) &&
        kg_json_put(b, o, "target", kg_json_str(b, kg_diff_entity_node(d, &ents[r->target])->id)) &&
        kg_json_put(b, o, "changes", kg_json_strings(b, changes, nc)) &&
        kg_json_put(b, o, "old", edge_side(b, kg_diff_old_graph(d), kg_diff_old_edge(d, r))) &&
        kg_json_put(b, o, "new", edge_side(b, kg_diff_new_graph(d), kg_diff_new_edge(d, r))) &&
        kg_json_put(b, o, "evidence", evidence(b, &r->old_evidence, &r->new_evidence));
    return kg_json_done(o, ok);
}

/* A NULL result (no memory) is reported by the put or push it goes to. */
static json_t *value_json(const kg_claim_value *v)
{
    return v ? kg_export_value_json(v) : json_null();
}

static json_t *values_json(kg_json_builder *b, const kg_claim_value *v, size_t n)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = kg_json_push(b, arr, value_json(&v[i]));
    return kg_json_done(arr, ok);
}

static json_t *claim_side(kg_json_builder *b, const kg_graph *g, const kg_claim *c)
{
    if (!c)
        return json_null();
    json_t *o = json_object();
    return kg_json_done(
        o, kg_json_put(b, o, "entity", kg_json_str(b, kg_graph_node(g, c->node)->id)) &&
               kg_json_put(b, o, "role", kg_json_str(b, kg_claim_role_name(c->role))) &&
               kg_json_put(b, o, "relation", kg_json_str(b, c->relation)) &&
               kg_json_put(b, o, "argument", kg_json_str(b, c->argument)) &&
               kg_json_put(b, o, "negated", json_boolean(c->negated)) &&
               kg_json_put(b, o, "modal", json_boolean(c->modal)) &&
               kg_json_put(b, o, "attributed", json_boolean(c->attributed)) &&
               kg_json_put(b, o, "speaker", kg_json_str(b, c->speaker)) &&
               kg_json_put(b, o, "values", values_json(b, c->values, c->n_values)) &&
               kg_json_put(b, o, "count", kg_json_num(c->count)));
}

static json_t *claim_json(kg_json_builder *b, const kg_diff *d, const kg_diff_claim *c)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const kg_claim *k = kg_diff_claim_record(d, c);
    const char *changes[5];
    size_t nc = 0;
    if (c->negation_changed)
        changes[nc++] = "negation";
    if (c->modality_changed)
        changes[nc++] = "modality";
    if (c->attribution_changed)
        changes[nc++] = "attribution";
    if (c->count_changed)
        changes[nc++] = "count";
    if (c->n_values)
        changes[nc++] = "values";
    json_t *o = json_object(), *vals = json_array();
    bool ok = vals != NULL;
    for (size_t i = 0; ok && i < c->n_values; i++) {
        json_t *x = json_object();
        ok = kg_json_push(
            b, vals,
            kg_json_done(x, kg_json_put(b, x, "old", value_json(c->values[i].old_value)) &&
                                kg_json_put(b, x, "new", value_json(c->values[i].new_value))));
    }
    ok =
        ok && kg_json_put(b, o, "status", kg_json_str(b, kg_diff_state_name(c->state))) &&
        kg_json_put(b, o, "kind", kg_json_str(b, kg_diff_kind_name(c->kind))) &&
        kg_json_put(b, o, "context", json_boolean(c->context)) &&
        kg_json_put(b, o, "entity", kg_json_str(b, kg_diff_entity_node(d, &ents[c->entity])->id)) &&
        kg_json_put(b, o, "role", kg_json_str(b, kg_claim_role_name(k->role))) &&
        kg_json_put(b, o, "relation", kg_json_str(b, k->relation)) &&
        kg_json_put(b, o, "argument", kg_json_str(b, k->argument)) &&
        kg_json_put(b, o, "changes", kg_json_strings(b, changes, nc)) &&
        kg_json_put(b, o, "value_changes", vals);
    if (!ok && vals && !json_object_get(o, "value_changes"))
        json_decref(vals);
    ok = ok &&
         kg_json_put(b, o, "old", claim_side(b, kg_diff_old_graph(d), kg_diff_old_claim(d, c))) &&
         kg_json_put(b, o, "new", claim_side(b, kg_diff_new_graph(d), kg_diff_new_claim(d, c))) &&
         kg_json_put(b, o, "evidence", evidence(b, &c->old_evidence, &c->new_evidence));
    return kg_json_done(o, ok);
}

/* The aligned sentences that are not the same in both versions. */
static json_t *sentence_pairs_json(kg_json_builder *b, const kg_diff *d)
{
    size_t n;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(d, &n);
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const kg_diff_sentence_pair *p = &ps[i];
        if (p->state == KG_DIFF_UNCHANGED)
            continue;
        json_t *o = json_object();
        json_t *side[2];
        for (int k = 0; k < 2; k++) {
            const char *doc = k ? p->new_doc : p->old_doc, *text = k ? p->new_text : p->old_text;
            long sn = k ? p->new_sentence : p->old_sentence;
            if (sn < 0) {
                side[k] = json_null();
                continue;
            }
            side[k] = json_object();
            ok = ok && kg_json_put(b, side[k], "doc", kg_json_str(b, doc)) &&
                 kg_json_put(b, side[k], "sentence", kg_json_num((size_t)sn)) &&
                 kg_json_put(b, side[k], "start", kg_json_num(k ? p->new_start : p->old_start)) &&
                 kg_json_put(b, side[k], "end", kg_json_num(k ? p->new_end : p->old_end)) &&
                 kg_json_put(b, side[k], "text", kg_json_str(b, text));
        }
        ok = kg_json_push(
            b, arr,
            kg_json_done(
                o, ok &&
                       kg_json_put(b, o, "status", kg_json_str(b, kg_diff_state_name(p->state))) &&
                       kg_json_put(b, o, "meaning_changed", json_boolean(p->meaning_changed)) &&
                       kg_json_put(b, o, "old", side[0]) && kg_json_put(b, o, "new", side[1])));
    }
    return kg_json_done(arr, ok);
}

static json_t *diff_json(kg_json_builder *b, const kg_diff *d)
{
    json_t *root = json_object(), *ents = json_array(), *rels = json_array(), *cls = json_array();
    bool ok =
        kg_json_put(b, root, "format", kg_json_str(b, "kg-diff")) &&
        kg_json_put(b, root, "version", json_integer(2)) &&
        kg_json_put(b, root, "generator", kg_json_str(b, "kg " KG_VERSION)) &&
        kg_json_put(b, root, "changed", json_boolean(kg_diff_changed(d))) &&
        kg_json_put(b, root, "old", side_info(b, kg_diff_old_name(d), kg_diff_old_graph(d))) &&
        kg_json_put(b, root, "new", side_info(b, kg_diff_new_name(d), kg_diff_new_graph(d))) &&
        kg_json_put(b, root, "summary", summary(b, d));
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (es[i].state != KG_DIFF_UNCHANGED || es[i].label_changed ||
            kg_diff_mentions_changed(&es[i]))
            ok = kg_json_push(b, ents, entity_json(b, d, &es[i]));
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED)
            ok = kg_json_push(b, rels, relation_json(b, d, &rs[i]));
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (cs[i].state != KG_DIFF_UNCHANGED)
            ok = kg_json_push(b, cls, claim_json(b, d, &cs[i]));
    if (ok) {
        ok = kg_json_put(b, root, "entities", ents);
        ents = NULL;
    }
    if (ok) {
        ok = kg_json_put(b, root, "relations", rels);
        rels = NULL;
    }
    if (ok) {
        ok = kg_json_put(b, root, "claims", cls);
        cls = NULL;
    }
    ok = ok && kg_json_put(b, root, "sentences", sentence_pairs_json(b, d));
    json_decref(ents);
    json_decref(rels);
    json_decref(cls);
    return kg_json_done(root, ok);
}

kg_status kg_diff_export_json(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    kg_json_builder b = {false, NULL};
    json_t *root = diff_json(&b, d);
    if (!root)
        return kg_json_builder_error(&b, err);
    /* usually read on a terminal: C1 controls escaped too (kg_escape_write) */
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text)
        return kg_error_set(err, KG_ERR_NOMEM, "json: out of memory");
    int rc = kg_escape_write(out, text, KG_ESCAPE_JSON);
    free(text);
    if (rc == EOF || fputc('\n', out) == EOF)
        return kg_export_io_error(err);
    return KG_OK;
}
