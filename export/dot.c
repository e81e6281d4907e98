/* dot.c - the graph as Graphviz draws it, written as DOT.
 *
 * One cgraph graph serves the DOT file and the rendered images (render.c), so
 * they never disagree.  It draws what diagram.c selects.  The picture:
 *  - nodes: shape and fill by type, from the Okabe-Ito palette, which stays
 *    distinct under the common colour-vision deficiencies (and the shapes
 *    differ too, so colour is never the only cue);
 *  - labels wrapped at spaces to lines of about 18 characters;
 *  - edges: "relation", plus " ×N" when N sentences support it, pen width
 *    1 + log2(N); negated edges vermillion (Okabe-Ito's red), dashed and
 *    labelled "not relation"; modal edges dotted (a negated modal edge is
 *    vermillion and dotted); edges only reported speech supports light grey;
 *  - tooltips (SVG): a node's type, mentions and aliases; an edge's relation,
 *    support and first sentence (dot_tooltip.c);
 *  - a legend cluster of the types and edge looks present, and a caption
 *    saying what was left out (dot_legend.c);
 *  - left to right, with the connected components packed in a grid: a
 *    graph of many articles is many small components, which dot otherwise
 *    stacks in one column (30 BBC articles: 1184x14599 pt).
 *
 * Graphviz expands escapes in labels (\N is the node name, \n a line break),
 * so backslashes in our text are doubled; cgraph itself escapes quotes when
 * writing.  Graphviz also decodes "&...;" references, and XML cannot hold
 * some characters an article may contain: kg_export_graphviz_text (xml.c)
 * deals with both, for every name and label.  A node's DOT name is its id;
 * cgraph writes names verbatim between quotes, where a backslash before the
 * closing quote would end the file's syntax, so a backslash in an id (never
 * in a slug) is written as U+29F5.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"
#include "kg/export.h"

#define LABEL_WIDTH 18
#define EDGE_LABEL_WIDTH 24
#define FORCE_SPLINES_MAX_NODES 200

static const kg_dot_type_style styles[KG_DOT_TYPES] = {
    [KG_ENT_PERSON] = {"Person", "ellipse", "#56B4E9", "sky blue ellipse"},
    [KG_ENT_ORGANIZATION] = {"Organization", "box", "#E69F00", "orange box"},
    [KG_ENT_COUNTRY] = {"Country", "hexagon", "#009E73", "bluish green hexagon"},
    [KG_ENT_LOCATION] = {"Location", "note", "#F0E442", "yellow note"},
};

#define NEGATED_COLOR "#D55E00" /* vermillion */
/* light enough to read as "only said", dark enough to read (3:1 on white) */
#define REPORTED_COLOR "#949494"
#define REPORTED_FONT_COLOR "#767676"

const kg_dot_type_style *kg_dot_type_style_of(kg_entity_type t)
{
    return (size_t)t < KG_DOT_TYPES ? &styles[t] : &styles[KG_ENT_LOCATION];
}

/* cgraph predates const; it does not modify these strings. */
bool kg_dot_set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0;
}

static bool set(void *obj, const char *name, const char *value)
{
    return kg_dot_set(obj, name, value);
}

/* The DOT name of a node: its id, with backslashes as U+29F5 (see above)
 * and a leading '%' as U+FF05, made safe for the SVG's <title>
 * (kg_export_graphviz_text).  cgraph takes a name that starts with '%' for
 * one of its own anonymous ids and never frees what it allocates for it. */
static char *node_name(const char *id)
{
    size_t n = strlen(id), extra = 0;
    for (size_t i = 0; i < n; i++)
        extra += id[i] == '\\' || (i == 0 && id[i] == '%') ? 2 : 0;
    char *name = malloc(n + extra + 1);
    if (!name)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (id[i] == '\\') {
            memcpy(name + o, "\xE2\xA7\xB5", 3);
            o += 3;
        } else if (i == 0 && id[i] == '%') {
            memcpy(name + o, "\xEF\xBC\x85", 3);
            o += 3;
        } else {
            name[o++] = id[i];
        }
    }
    name[o] = '\0';
    return kg_export_graphviz_text(name);
}

static bool style_node(Agnode_t *an, kg_entity_type type, const char *label)
{
    const kg_dot_type_style *s = kg_dot_type_style_of(type);
    return set(an, "label", label) && set(an, "shape", s->shape) && set(an, "fillcolor", s->fill);
}

static size_t type_slot(kg_entity_type t)
{
    return (size_t)t < KG_DOT_TYPES ? (size_t)t : KG_ENT_LOCATION;
}

static bool add_nodes(Agraph_t *ag, const kg_graph *g, const kg_diagram_view *v, Agnode_t **nodes,
                      bool *present)
{
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        nodes[i] = NULL;
        if (!v->node[i])
            continue;
        const kg_node *n = kg_graph_node(g, i);
        char *name = node_name(n->id);
        char *label = kg_graphviz_label(n->label, LABEL_WIDTH, false);
        char *tip = kg_dot_node_tooltip(n);
        bool ok = name && label && tip;
        if (ok && agnode(ag, name, 0)) {
            /* two ids that differ only in a backslash and U+29F5, or in
             * characters XML cannot hold and U+FFFD */
            char alt[64];
            snprintf(alt, sizeof alt, "%s #%zu", "kg node", i);
            free(name);
            name = strdup(alt);
            ok = name != NULL;
        }
        nodes[i] = ok ? agnode(ag, name, 1) : NULL;
        ok = nodes[i] && style_node(nodes[i], n->type, label) && set(nodes[i], "tooltip", tip);
        free(name);
        free(label);
        free(tip);
        if (!ok)
            return false;
        present[type_slot(n->type)] = true;
    }
    return true;
}

unsigned kg_dot_style_edge(Agedge_t *ae, bool negated, bool modal, bool attributed, size_t count)
{
    char pen[32];
    kg_export_format_double(pen, sizeof pen, 3, 1.0 + log2((double)(count ? count : 1)));
    unsigned looks = count > 1 ? KG_DOT_EDGE_COUNT : 0;
    bool ok = set(ae, "penwidth", pen);
    if (ok && negated) {
        ok = set(ae, "color", NEGATED_COLOR) && set(ae, "fontcolor", NEGATED_COLOR) &&
             set(ae, "style", modal ? "dotted" : "dashed");
        looks |= KG_DOT_EDGE_NEGATED | (modal ? KG_DOT_EDGE_MODAL : 0);
    } else if (ok && attributed) {
        ok = set(ae, "color", REPORTED_COLOR) && set(ae, "fontcolor", REPORTED_FONT_COLOR);
        looks |= KG_DOT_EDGE_REPORTED;
    }
    if (ok && modal && !negated) {
        ok = set(ae, "style", "dotted");
        looks |= KG_DOT_EDGE_MODAL;
    }
    if (!(looks & (KG_DOT_EDGE_NEGATED | KG_DOT_EDGE_MODAL | KG_DOT_EDGE_REPORTED)))
        looks |= KG_DOT_EDGE_PLAIN;
    return ok ? looks : 0;
}

/* "relation", "not relation", plus " ×N" when N > 1, wrapped. */
static char *edge_label(const kg_edge *e)
{
    size_t size = strlen(e->relation) + 48;
    char *rel = malloc(size);
    if (!rel)
        return NULL;
    int len = snprintf(rel, size, "%s%s", e->negated ? "not " : "", e->relation);
    if (e->count > 1)
        snprintf(rel + len, size - (size_t)len, " \xC3\x97%zu", e->count); /* " ×N" */
    char *label = kg_graphviz_label(rel, EDGE_LABEL_WIDTH, false);
    free(rel);
    return label;
}

static bool add_edges(Agraph_t *ag, const kg_graph *g, const kg_diagram_view *v, Agnode_t **nodes,
                      unsigned *looks)
{
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        if (!v->edge[j])
            continue;
        const kg_edge *e = kg_graph_edge(g, j);
        char *label = edge_label(e);
        char *tip = kg_dot_edge_tooltip(g, e);
        Agedge_t *ae =
            label && tip ? agedge(ag, nodes[e->source], nodes[e->target], NULL, 1) : NULL;
        bool ok = ae && set(ae, "label", label) && set(ae, "tooltip", tip);
        free(label);
        free(tip);
        unsigned got =
            ok ? kg_dot_style_edge(ae, e->negated, e->modal, e->attributed, e->count) : 0;
        if (!got)
            return false;
        *looks |= got;
    }
    return true;
}

/* The graph attributes for engine.  dot: left to right, since news graphs
 * are stars around a few actors, and ranks stacked top-down make a strip
 * several thousand points wide for one article (the sample: 3563x661 px
 * top-down, 1416x2230 left-right, which a README or a screen shows without
 * zooming).  Every engine: components packed as an array, whose rows and
 * columns keep the picture near square however many there are. */
static bool graph_defaults(Agraph_t *ag, const char *engine, size_t nodes)
{
    /* springs long enough for an edge's label (sfdp, fdp: K; neato: an
     * edge's len, in inches), and room around nodes */
    static const kg_graphviz_attr force_attrs[] = {{"K", "1.2"}, {"sep", "+10"}};
    bool ok = agattr(ag, AGRAPH, "rankdir", "LR") && kg_graphviz_defaults(ag) &&
              agattr(ag, AGEDGE, "penwidth", "1");
    /* a DOT file says which engine kg would draw it with; the force-directed
     * engines route edges around nodes (splines=true) in time that grows
     * fast with the nodes (sfdp on 588: 8 s; on 2,636: over 18 minutes),
     * so above FORCE_SPLINES_MAX_NODES their edges are straight */
    if (ok && strcmp(engine, "dot") != 0)
        ok = set(ag, "layout", engine) &&
             (nodes <= FORCE_SPLINES_MAX_NODES || set(ag, "splines", "false")) &&
             kg_graphviz_declare(ag, AGRAPH, force_attrs,
                                 sizeof force_attrs / sizeof force_attrs[0]) &&
             agattr(ag, AGEDGE, "len", "1.8") != NULL;
    return ok;
}

static kg_status build(Agraph_t *ag, const kg_graph *g, const kg_export_options *o,
                       const kg_diagram_view *v, const char *engine, const char *who, kg_error *err)
{
    size_t n = kg_graph_node_count(g);
    Agnode_t **nodes = malloc((n ? n : 1) * sizeof *nodes);
    bool present[KG_DOT_TYPES] = {false};
    unsigned looks = 0;
    bool ok = nodes && graph_defaults(ag, engine, v->nodes) &&
              add_nodes(ag, g, v, nodes, present) && add_edges(ag, g, v, nodes, &looks) &&
              kg_dot_add_legend(ag, present, looks) && kg_dot_add_caption(ag, g, o, v);
    free(nodes);
    if (!ok)
        return kg_error_set(err, KG_ERR_LIB, "%s: cannot build the Graphviz graph (out of memory?)",
                            who);
    return KG_OK;
}

kg_status kg_dot_build(const kg_graph *g, const kg_export_options *o, const char *who,
                       Agraph_t **out, const char **engine, kg_error *err)
{
    kg_export_options defaults;
    if (!o) {
        kg_export_options_init(&defaults);
        o = &defaults;
    }
    *out = NULL;
    kg_diagram_view v;
    kg_status st = kg_diagram_select(g, o, &v, err);
    if (st != KG_OK)
        return st;
    const char *eng = NULL;
    st = kg_diagram_engine(o, &v, who, &eng, err);
    Agraph_t *ag = NULL;
    if (st == KG_OK && !(ag = agopen("kg", Agdirected, NULL)))
        st = kg_error_set(err, KG_ERR_LIB, "%s: cannot start a Graphviz graph", who);
    if (st == KG_OK)
        st = build(ag, g, o, &v, eng, who, err);
    kg_diagram_view_free(&v);
    if (st != KG_OK) {
        if (ag)
            agclose(ag);
        return st;
    }
    *out = ag;
    if (engine)
        *engine = eng;
    return KG_OK;
}

kg_status kg_export_dot(const kg_graph *g, FILE *out, kg_error *err)
{
    return kg_export_dot_with(g, NULL, out, err);
}

kg_status kg_export_dot_with(const kg_graph *g, const kg_export_options *o, FILE *out,
                             kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "dot: no graph or no output");
    kg_graphviz_lock();
    Agraph_t *ag = NULL;
    kg_status st = kg_dot_build(g, o, "dot", &ag, NULL, err);
    if (st != KG_OK) {
        kg_graphviz_unlock();
        return st;
    }
    int rc = agwrite(ag, out);
    agclose(ag);
    kg_graphviz_unlock();
    if (rc != 0 || ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}
