/* load_json_edges.c - a graph file's edges and claims read back
 * (load_json_internal.h): endpoints, relation, flags, values and the
 * evidence sentences, checked and handed to kg_graph_put_edge/put_claim.
 *
 * Edges and claims are together because they are read the same way: both
 * name their node by id, both carry evidence, and both give support beyond
 * the evidence, which goes in as a second contribution without evidence.
 * Only node-link carries claims.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_json_internal.h"

static kg_status endpoint(kg_loader *l, const json_t *link, const char *key, size_t *index)
{
    const char *id = NULL;
    kg_status st = kg_load_get_id(l, link, key, &id);
    if (st != KG_OK)
        return st;
    long i = kg_graph_find_node(l->g, id);
    if (i < 0)
        return kg_load_fail(l, key, "no node with id \"%s\"", id);
    *index = (size_t)i;
    return KG_OK;
}

/* A link's or a claim's evidence into *out (malloc'd, *n entries). */
static kg_status read_evidence(kg_loader *l, const json_t *link, kg_evidence **out, size_t *n)
{
    json_t *evs;
    kg_status st = kg_load_get_array(l, link, "evidence", false, JSON_OBJECT, &evs);
    if (st != KG_OK || !evs || json_array_size(evs) == 0)
        return st;
    kg_evidence *ev = calloc(json_array_size(evs), sizeof *ev);
    if (!ev)
        return kg_load_nomem(l);
    *out = ev;
    size_t i;
    json_t *e;
    json_array_foreach(evs, i, e)
    {
        size_t mark = kg_load_enter(l, ".evidence[%zu]", i);
        kg_evidence *x = &ev[i];
        x->date = x->text = "";
        st = kg_load_get_doc(l, e, "doc", &x->doc);
        if (st == KG_OK)
            st = kg_load_get_date(l, e, "date", &x->date);
        if (st == KG_OK)
            st = kg_load_get_size(l, e, "sentence", true, &x->sentence);
        if (st == KG_OK)
            st = kg_load_get_size(l, e, "start", false, &x->start);
        if (st == KG_OK)
            st = kg_load_get_size(l, e, "end", false, &x->end);
        if (st == KG_OK)
            st = kg_load_get_size(l, e, "cp_start", false, &x->cp_start);
        if (st == KG_OK)
            st = kg_load_get_size(l, e, "cp_end", false, &x->cp_end);
        if (st == KG_OK && x->start > x->end)
            st = kg_load_fail(l, "end", "%zu is before start (%zu)", x->end, x->start);
        if (st == KG_OK && x->cp_start > x->cp_end)
            st = kg_load_fail(l, "cp_end", "%zu is before cp_start (%zu)", x->cp_end, x->cp_start);
        if (st == KG_OK)
            st = kg_load_get_string(l, e, "text", false, &x->text);
        kg_load_leave(l, mark);
        if (st != KG_OK)
            return st;
        (*n)++;
    }
    return KG_OK;
}

/* Where one edge's attributes are, in its style (paths as for nodes). */
typedef struct edge_view {
    const json_t *ends; /* "source" and "target" */
    const char *ends_at;
    const json_t *rel; /* "relation" */
    const char *rel_at;
    const json_t *fields; /* the rest (may be NULL) */
    const char *fields_at;
} edge_view;

static kg_status read_edge_fields(kg_loader *l, const json_t *link, kg_edge *spec, size_t *count)
{
    kg_status st = kg_load_get_bool(l, link, "negated", &spec->negated);
    if (st == KG_OK)
        st = kg_load_get_bool(l, link, "modal", &spec->modal);
    if (st == KG_OK)
        st = kg_load_get_bool(l, link, "attributed", &spec->attributed);
    if (st == KG_OK)
        st = kg_load_get_number(l, link, "confidence", false, &spec->confidence);
    if (st == KG_OK && !(spec->confidence >= 0.0 && spec->confidence <= 1.0))
        st = kg_load_fail(l, "confidence", "%g is outside [0, 1]", spec->confidence);
    if (st == KG_OK)
        st = read_evidence(l, link, &spec->evidence, &spec->n_evidence);
    *count = spec->n_evidence ? spec->n_evidence : 1;
    if (st == KG_OK)
        st = kg_load_get_size(l, link, "count", false, count);
    if (st == KG_OK && (*count < spec->n_evidence || *count == 0))
        st = kg_load_fail(l, "count", "%zu is less than the evidence given (%zu, and at least 1)",
                          *count, spec->n_evidence);
    return st;
}

static kg_status read_link(kg_loader *l, const edge_view *v)
{
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.confidence = 1.0;
    size_t count = 1, mark = kg_load_enter(l, "%s", v->ends_at);
    kg_status st = endpoint(l, v->ends, "source", &spec.source);
    if (st == KG_OK)
        st = endpoint(l, v->ends, "target", &spec.target);
    kg_load_leave(l, mark);
    mark = kg_load_enter(l, "%s", v->rel_at);
    if (st == KG_OK)
        st = kg_load_get_id(l, v->rel, "relation", &spec.relation);
    kg_load_leave(l, mark);
    mark = kg_load_enter(l, "%s", v->fields_at);
    if (st == KG_OK)
        st = read_edge_fields(l, v->fields, &spec, &count);
    kg_load_leave(l, mark);
    size_t before = kg_graph_edge_count(l->g), index = 0;
    spec.count = count;
    if (st == KG_OK)
        st = kg_graph_put_edge(l->g, &spec, &index, l->err);
    if (st == KG_OK && kg_graph_edge_count(l->g) == before)
        st = kg_load_fail(l, NULL, "same source, target, relation and negation as %s[%zu]",
                          l->edges_at, index);
    mark = kg_load_enter(l, "%s", v->fields_at);
    if (st == KG_OK && kg_graph_edge(l->g, index)->n_evidence < spec.n_evidence)
        st = kg_load_fail(l, "evidence", "two entries have the same doc and sentence");
    kg_load_leave(l, mark);
    /* support without evidence: the graph keeps it apart */
    if (st == KG_OK && spec.n_evidence && count > spec.n_evidence) {
        kg_edge rest = spec;
        rest.evidence = NULL;
        rest.n_evidence = 0;
        rest.count = count - spec.n_evidence;
        st = kg_graph_put_edge(l->g, &rest, &index, l->err);
    }
    free(spec.evidence);
    return st;
}

static kg_status edge_view_of(kg_loader *l, const json_t *el, edge_view *v)
{
    json_t *sub = NULL;
    kg_status st = KG_OK;
    *v = (edge_view){el, "", el, "", el, ""}; /* node-link */
    switch (l->style) {
    case KG_LOAD_NODE_LINK:
        break;
    case KG_LOAD_CYTOSCAPE:
        st = kg_load_get_object(l, el, "data", true, &sub);
        *v = (edge_view){sub, ".data", sub, ".data", sub, ".data"};
        break;
    case KG_LOAD_GRAPHOLOGY:
        st = kg_load_get_object(l, el, "attributes", false, &sub);
        *v = (edge_view){el, "", sub, ".attributes", sub, ".attributes"};
        break;
    case KG_LOAD_JGF:
        st = kg_load_get_object(l, el, "metadata", false, &sub);
        *v = (edge_view){el, "", el, "", sub, ".metadata"};
        break;
    }
    return st;
}

/* The edges: parent's array under key. */
kg_status kg_load_read_links(kg_loader *l, const json_t *parent, const char *key, bool required)
{
    json_t *links;
    kg_status st = kg_load_get_array(l, parent, key, required, JSON_OBJECT, &links);
    size_t i;
    json_t *link;
    json_array_foreach(links, i, link)
    {
        if (st != KG_OK)
            break;
        size_t mark = kg_load_enter(l, "%s%s[%zu]", l->path_len ? "." : "", key, i);
        edge_view v;
        st = edge_view_of(l, link, &v);
        if (st == KG_OK)
            st = read_link(l, &v);
        kg_load_leave(l, mark);
    }
    return st;
}

static kg_status read_value(kg_loader *l, const json_t *v, kg_claim_value *out)
{
    const char *kind = NULL, *text = "", *s = "";
    kg_status st = kg_load_get_id(l, v, "kind", &kind);
    if (st == KG_OK && !kg_value_kind_parse(kind, &out->kind))
        st = kg_load_fail(l, "kind", "\"%s\" is not number, percent, money or date", kind);
    if (st == KG_OK && out->kind == KG_VALUE_DATE) {
        st = kg_load_get_string(l, v, "date", true, &s);
        size_t n = strlen(s);
        char day[11];
        /* YYYY, YYYY-MM or YYYY-MM-DD, checked as the day it stands for */
        snprintf(day, sizeof day, "%s%s", s, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
        if (st == KG_OK && ((n != 4 && n != 7 && n != 10) || !kg_date_check(day)))
            st = kg_load_fail(l, "date", "\"%s\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", s);
        if (st == KG_OK)
            memcpy(out->date, s, n + 1);
    } else if (st == KG_OK) {
        st = kg_load_get_number(l, v, "amount", true, &out->amount);
    }
    if (st == KG_OK && out->kind == KG_VALUE_MONEY) {
        st = kg_load_get_string(l, v, "currency", false, &s);
        if (st == KG_OK && strlen(s) >= sizeof out->currency)
            st = kg_load_fail(l, "currency", "\"%s\" is no currency code", s);
        if (st == KG_OK)
            memcpy(out->currency, s, strlen(s) + 1);
    }
    if (st == KG_OK)
        st = kg_load_get_string(l, v, "text", false, &text);
    out->text = text;
    return st;
}

static kg_status read_values(kg_loader *l, const json_t *c, kg_claim *spec)
{
    json_t *vals;
    kg_status st = kg_load_get_array(l, c, "values", false, JSON_OBJECT, &vals);
    if (st != KG_OK || !vals || json_array_size(vals) == 0)
        return st;
    kg_claim_value *vs = calloc(json_array_size(vals), sizeof *vs);
    if (!vs)
        return kg_load_nomem(l);
    spec->values = vs;
    size_t i;
    json_t *v;
    json_array_foreach(vals, i, v)
    {
        size_t mark = kg_load_enter(l, ".values[%zu]", i);
        st = read_value(l, v, &vs[i]);
        kg_load_leave(l, mark);
        if (st != KG_OK)
            return st;
        spec->n_values++;
    }
    return KG_OK;
}

static kg_status read_claim(kg_loader *l, const json_t *c)
{
    kg_claim spec;
    memset(&spec, 0, sizeof spec);
    spec.confidence = 1.0;
    spec.argument = spec.speaker = "";
    const char *role = NULL;
    kg_status st = endpoint(l, c, "entity", &spec.node);
    if (st == KG_OK)
        st = kg_load_get_id(l, c, "role", &role);
    if (st == KG_OK && !kg_claim_role_parse(role, &spec.role))
        st = kg_load_fail(l, "role", "\"%s\" is neither subject nor object", role);
    if (st == KG_OK)
        st = kg_load_get_id(l, c, "relation", &spec.relation);
    if (st == KG_OK)
        st = kg_load_get_string(l, c, "argument", true, &spec.argument);
    if (st == KG_OK)
        st = kg_load_get_bool(l, c, "negated", &spec.negated);
    if (st == KG_OK)
        st = kg_load_get_bool(l, c, "modal", &spec.modal);
    if (st == KG_OK)
        st = kg_load_get_bool(l, c, "attributed", &spec.attributed);
    if (st == KG_OK)
        st = kg_load_get_string(l, c, "speaker", false, &spec.speaker);
    if (st == KG_OK)
        st = kg_load_get_number(l, c, "confidence", false, &spec.confidence);
    if (st == KG_OK && !(spec.confidence >= 0.0 && spec.confidence <= 1.0))
        st = kg_load_fail(l, "confidence", "%g is outside [0, 1]", spec.confidence);
    if (st == KG_OK)
        st = read_values(l, c, &spec);
    if (st == KG_OK)
        st = read_evidence(l, c, &spec.evidence, &spec.n_evidence);
    size_t count = spec.n_evidence ? spec.n_evidence : 1;
    if (st == KG_OK)
        st = kg_load_get_size(l, c, "count", false, &count);
    if (st == KG_OK && (count < spec.n_evidence || count == 0))
        st = kg_load_fail(l, "count", "%zu is less than the evidence given (%zu, and at least 1)",
                          count, spec.n_evidence);
    size_t before = kg_graph_claim_count(l->g), index = 0;
    spec.count = count;
    if (st == KG_OK)
        st = kg_graph_put_claim(l->g, &spec, &index, l->err);
    if (st == KG_OK && kg_graph_claim_count(l->g) == before)
        st = kg_load_fail(l, NULL, "the same claim as claims[%zu]", index);
    if (st == KG_OK && kg_graph_claim(l->g, index)->n_evidence < spec.n_evidence)
        st = kg_load_fail(l, "evidence", "two entries have the same doc and sentence");
    if (st == KG_OK && spec.n_evidence && count > spec.n_evidence) {
        kg_claim rest = spec;
        rest.evidence = NULL;
        rest.n_evidence = 0;
        rest.count = count - spec.n_evidence;
        st = kg_graph_put_claim(l->g, &rest, &index, l->err);
    }
    free(spec.evidence);
    free((void *)spec.values);
    return st;
}

/* Claims came with schema version 2: a version 1 file has none. */
kg_status kg_load_read_claims(kg_loader *l, const json_t *root)
{
    json_t *claims;
    kg_status st = kg_load_get_array(l, root, "claims", false, JSON_OBJECT, &claims);
    size_t i;
    json_t *c;
    json_array_foreach(claims, i, c)
    {
        if (st != KG_OK)
            break;
        size_t mark = kg_load_enter(l, "claims[%zu]", i);
        st = read_claim(l, c);
        kg_load_leave(l, mark);
    }
    return st;
}
