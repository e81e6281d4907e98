/* diff_dot.c - a kg_diff drawn as the union of both graphs, written as DOT
 * or rendered to SVG.
 *
 * Nodes and edges are coloured by state; colour is never the only cue
 * (removed parts are dashed, changed edges say what they were, and a legend
 * names the colours).  The DOT and the SVG are the same cgraph graph, built
 * once here with kg_graphviz_lock held (graphviz.h).
 */
#include <graphviz/cgraph.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"
#include "diff_sides.h"
#include "kg/diff_export.h"

typedef struct state_style {
    const char *title, *line, *fill, *font, *node_style, *edge_style;
} state_style;

/* Okabe-Ito's bluish green, vermillion and orange, and greys. */
static const state_style state_styles[] = {
    [KG_DIFF_UNCHANGED] = {"unchanged", "#999999", "#F2F2F2", "#555555", "filled", "solid"},
    [KG_DIFF_ADDED] = {"added", "#009E73", "#CCEDE3", "#000000", "filled,bold", "bold"},
    [KG_DIFF_REMOVED] = {"removed", "#D55E00", "#F7DCCC", "#000000", "filled,dashed", "dashed"},
    [KG_DIFF_CHANGED] = {"changed", "#E69F00", "#FAEBCC", "#000000", "filled,bold", "bold"},
};

static const char *const type_shapes[] = {
    [KG_ENT_PERSON] = "ellipse",
    [KG_ENT_ORGANIZATION] = "box",
    [KG_ENT_COUNTRY] = "hexagon",
    [KG_ENT_LOCATION] = "note",
};

static bool set(void *obj, const char *name, const char *value)
{
    return kg_dot_set(obj, name, value);
}

static bool set_label(void *obj, const char *text, size_t width)
{
    char *label = kg_graphviz_label(text, width, true);
    bool ok = label && set(obj, "label", label);
    free(label);
    return ok;
}

static bool style_node(Agnode_t *an, kg_diff_state s, kg_entity_type t)
{
    const state_style *st = &state_styles[s];
    const char *shape =
        (size_t)t < sizeof type_shapes / sizeof type_shapes[0] ? type_shapes[t] : "ellipse";
    return set(an, "shape", shape) && set(an, "color", st->line) &&
           set(an, "fillcolor", st->fill) && set(an, "fontcolor", st->font) &&
           set(an, "style", st->node_style);
}

static bool draw_nodes(Agraph_t *ag, const kg_diff *d, Agnode_t **nodes)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_diff_entity *e = &ents[i];
        const kg_node *node = kg_diff_entity_node(d, e);
        char name[32], *text = NULL;
        snprintf(name, sizeof name, "e%zu", i); /* ids may hold anything; these never clash */
        if (e->label_changed) {
            const char *o = kg_diff_label_of(kg_diff_old_node(d, e)), *nw = kg_diff_label_of(node);
            size_t len = strlen(o) + strlen(nw) + 16;
            text = malloc(len);
            if (text)
                snprintf(text, len, "%s\n(was %s)", nw, o);
        }
        nodes[i] = agnode(ag, name, 1);
        bool ok = nodes[i] && (!e->label_changed || text) &&
                  set_label(nodes[i], text ? text : kg_diff_label_of(node), 18) &&
                  style_node(nodes[i], e->state, node->type);
        free(text);
        if (!ok)
            return false;
    }
    return true;
}

/* "not attend ×2", the way dot.c labels edges. */
static char *edge_form(const kg_edge *e)
{
    size_t len = strlen(e->relation) + 64;
    char *s = malloc(len);
    if (!s)
        return NULL;
    int k = snprintf(s, len, "%s%s%s", e->negated ? "not " : "", e->relation,
                     e->modal ? " (modal)" : "");
    if (e->count > 1)
        snprintf(s + k, len - (size_t)k, " \xC3\x97%zu", e->count);
    return s;
}

static bool draw_edges(Agraph_t *ag, const kg_diff *d, Agnode_t **nodes)
{
    size_t n;
    const kg_diff_relation *rels = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_diff_relation *r = &rels[i];
        const kg_edge *ne = kg_diff_new_edge(d, r), *oe = kg_diff_old_edge(d, r);
        char *now = edge_form(ne ? ne : oe), *was = ne && oe ? edge_form(oe) : NULL;
        char *text = NULL;
        if (now && (r->state != KG_DIFF_CHANGED || was)) {
            size_t len = strlen(now) + (was ? strlen(was) : 0) + 16;
            text = malloc(len);
            if (text)
                snprintf(text, len, r->state == KG_DIFF_CHANGED ? "%s\n(was %s)" : "%s", now,
                         was ? was : "");
        }
        free(now);
        free(was);
        const state_style *st = &state_styles[r->state];
        Agedge_t *ae = text ? agedge(ag, nodes[r->source], nodes[r->target], NULL, 1) : NULL;
        bool ok = ae && set_label(ae, text, 24) && set(ae, "color", st->line) &&
                  set(ae, "fontcolor", r->state == KG_DIFF_UNCHANGED ? st->font : st->line) &&
                  set(ae, "style", st->edge_style);
        free(text);
        if (!ok)
            return false;
    }
    return true;
}

/* A legend naming the four colours; its node names hold spaces, which the
 * entity nodes' names ("e12") never do. */
static bool draw_legend(Agraph_t *ag)
{
    Agraph_t *sub = agsubg(ag, "cluster_legend", 1);
    if (!sub || !set(sub, "label", "Legend") || !set(sub, "style", "rounded") ||
        !set(sub, "color", "#999999") || !set(sub, "fontsize", "11"))
        return false;
    Agnode_t *prev = NULL;
    for (size_t s = 0; s < sizeof state_styles / sizeof state_styles[0]; s++) {
        char name[40];
        snprintf(name, sizeof name, "kg legend %s", state_styles[s].title);
        Agnode_t *an = agnode(sub, name, 1);
        if (!an || !style_node(an, (kg_diff_state)s, KG_ENT_ORGANIZATION) ||
            !set(an, "label", state_styles[s].title) || !set(an, "fontsize", "10"))
            return false;
        if (prev) {
            Agedge_t *ae = agedge(sub, prev, an, NULL, 1);
            if (!ae || !set(ae, "style", "invis"))
                return false;
        }
        prev = an;
    }
    return true;
}

static bool draw_defaults(Agraph_t *ag, const kg_diff *d)
{
    static const kg_graphviz_attr graph_attrs[] = {{"labelloc", "t"}, {"fontsize", "14"}};
    if (!kg_graphviz_defaults(ag) ||
        !kg_graphviz_declare(ag, AGRAPH, graph_attrs, sizeof graph_attrs / sizeof graph_attrs[0]) ||
        !agattr(ag, AGNODE, "color", "black"))
        return false;
    size_t len = strlen(kg_diff_old_name(d)) + strlen(kg_diff_new_name(d)) + 16;
    char *title = malloc(len);
    if (!title)
        return false;
    snprintf(title, len, "%s \xE2\x86\x92 %s", kg_diff_old_name(d), kg_diff_new_name(d));
    bool ok = set_label(ag, title, 80);
    free(title);
    return ok;
}

/* The union graph; call with kg_graphviz_lock held. */
static Agraph_t *draw(const kg_diff *d, kg_error *err)
{
    size_t n;
    kg_diff_entities(d, &n);
    Agnode_t **nodes = malloc((n ? n : 1) * sizeof *nodes);
    Agraph_t *ag = agopen("kg_diff", Agdirected, NULL);
    bool ok = nodes && ag && draw_defaults(ag, d) && draw_nodes(ag, d, nodes) &&
              draw_edges(ag, d, nodes) && draw_legend(ag);
    free(nodes);
    if (!ok) {
        if (ag)
            agclose(ag);
        kg_error_set(err, KG_ERR_LIB, "diff: cannot build the Graphviz graph (out of memory?)");
        return NULL;
    }
    return ag;
}

kg_status kg_diff_export_dot(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    kg_graphviz_lock();
    Agraph_t *ag = draw(d, err);
    int rc = ag ? agwrite(ag, out) : 0;
    if (ag)
        agclose(ag);
    kg_graphviz_unlock();
    if (!ag)
        return err ? err->status : KG_ERR_LIB;
    if (rc != 0 || ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

kg_status kg_diff_export_svg(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    kg_graphviz_lock();
    kg_status st = KG_OK;
    Agraph_t *ag = draw(d, err);
    if (!ag)
        st = err ? err->status : KG_ERR_LIB;
    else {
        st = kg_graphviz_render(ag, "dot", "svg", out, "diff", err);
        agclose(ag);
    }
    kg_graphviz_unlock();
    return st;
}
