/* dot.c - the graph as Graphviz draws it, written as DOT.
 *
 * One cgraph graph serves the DOT file and the rendered images (render.c), so
 * they never disagree.  The picture:
 *  - nodes: shape and fill by type, from the Okabe-Ito palette, which stays
 *    distinct under the common colour-vision deficiencies (and the shapes
 *    differ too, so colour is never the only cue);
 *  - labels wrapped at spaces to lines of about 18 characters;
 *  - edges: "relation", plus " ×N" when N sentences support it, pen width
 *    1 + log2(N); negated edges vermillion (Okabe-Ito's red), dashed and
 *    labelled "not relation"; modal edges dotted (a negated modal edge is
 *    vermillion and dotted);
 *  - a legend cluster with one node per type present.
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

typedef struct type_style {
    const char *title, *shape, *fill;
} type_style;

static const type_style styles[] = {
    [KG_ENT_PERSON] = {"Person", "ellipse", "#56B4E9"},         /* sky blue */
    [KG_ENT_ORGANIZATION] = {"Organization", "box", "#E69F00"}, /* orange */
    [KG_ENT_COUNTRY] = {"Country", "hexagon", "#009E73"},       /* bluish green */
    [KG_ENT_LOCATION] = {"Location", "note", "#F0E442"},        /* yellow */
};
#define N_STYLES (sizeof styles / sizeof styles[0])

#define NEGATED_COLOR "#D55E00" /* vermillion */
#define EDGE_COLOR "#555555"

static const type_style *style_of(kg_entity_type t)
{
    return (size_t)t < N_STYLES ? &styles[t] : &styles[KG_ENT_LOCATION];
}

/* cgraph predates const; it does not modify these strings. */
static bool set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0;
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
    const type_style *s = style_of(type);
    return set(an, "label", label) && set(an, "shape", s->shape) && set(an, "fillcolor", s->fill);
}

static bool add_nodes(Agraph_t *ag, const kg_graph *g, Agnode_t **nodes, bool *present)
{
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        char *name = node_name(n->id);
        char *label = kg_graphviz_label(n->label, LABEL_WIDTH, false);
        bool ok = name && label;
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
        ok = nodes[i] && style_node(nodes[i], n->type, label);
        free(name);
        free(label);
        if (!ok)
            return false;
        present[(size_t)n->type < N_STYLES ? (size_t)n->type : KG_ENT_LOCATION] = true;
    }
    return true;
}

static bool add_edges(Agraph_t *ag, const kg_graph *g, Agnode_t **nodes)
{
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        size_t size = strlen(e->relation) + 48;
        char *rel = malloc(size);
        if (!rel)
            return false;
        int len = snprintf(rel, size, "%s%s", e->negated ? "not " : "", e->relation);
        if (e->count > 1)
            snprintf(rel + len, size - (size_t)len, " \xC3\x97%zu", e->count); /* " ×N" */
        char *label = kg_graphviz_label(rel, EDGE_LABEL_WIDTH, false);
        free(rel);
        if (!label)
            return false;
        char pen[32];
        kg_export_format_double(pen, sizeof pen, 3, 1.0 + log2((double)(e->count ? e->count : 1)));
        Agedge_t *ae = agedge(ag, nodes[e->source], nodes[e->target], NULL, 1);
        bool ok = ae && set(ae, "label", label) && set(ae, "penwidth", pen);
        free(label);
        if (ok && e->negated)
            ok = set(ae, "color", NEGATED_COLOR) && set(ae, "fontcolor", NEGATED_COLOR) &&
                 set(ae, "style", e->modal ? "dotted" : "dashed");
        else if (ok && e->modal)
            ok = set(ae, "style", "dotted");
        if (!ok)
            return false;
    }
    return true;
}

/* A cluster with one node per type present, in enum order.  Its node names
 * contain spaces, which slugs never do; if a node already has such a name
 * the legend is left out rather than merged with it. */
static bool add_legend(Agraph_t *ag, const bool *present)
{
    char names[N_STYLES][40];
    bool any = false;
    for (size_t t = 0; t < N_STYLES; t++) {
        snprintf(names[t], sizeof names[t], "kg legend %s", styles[t].title);
        if (agnode(ag, names[t], 0))
            return true;
        any = any || present[t];
    }
    if (!any)
        return true;
    Agraph_t *sub = agsubg(ag, "cluster_legend", 1);
    if (!sub || !set(sub, "label", "Legend") || !set(sub, "style", "rounded") ||
        !set(sub, "color", "#999999") || !set(sub, "fontsize", "11"))
        return false;
    Agnode_t *prev = NULL;
    for (size_t t = 0; t < N_STYLES; t++) {
        if (!present[t])
            continue;
        Agnode_t *an = agnode(sub, names[t], 1);
        if (!an || !style_node(an, (kg_entity_type)t, styles[t].title) ||
            !set(an, "fontsize", "10"))
            return false;
        /* invisible edges stack the legend in one column under dot */
        if (prev) {
            Agedge_t *ae = agedge(sub, prev, an, NULL, 1);
            if (!ae || !set(ae, "style", "invis"))
                return false;
        }
        prev = an;
    }
    return true;
}

static bool graph_defaults(Agraph_t *ag)
{
    /* left to right: news graphs are stars around a few actors, and ranks
     * stacked top-down make a strip several thousand points wide for one
     * article (the sample: 3563x661 px top-down, 1416x2230 left-right, which
     * a README or a screen shows without zooming) */
    static const char *const graph_attrs[][2] = {
        {"rankdir", "LR"},
        {"overlap", "false"},
        {"splines", "true"},
        {"fontname", "Helvetica"},
        {"outputorder", "edgesfirst"},
        {"nodesep", "0.4"},
        {"ranksep", "0.6"},
        {"pad", "0.3"},
    };
    static const char *const node_attrs[][2] = {
        {"label", "\\N"},       {"shape", "ellipse"},      {"style", "filled"},
        {"fillcolor", "white"}, {"fontname", "Helvetica"}, {"fontsize", "12"},
        {"fontcolor", "black"}, {"margin", "0.08,0.04"},
    };
    static const char *const edge_attrs[][2] = {
        {"label", ""},         {"fontname", "Helvetica"}, {"fontsize", "10"},
        {"color", EDGE_COLOR}, {"fontcolor", "#333333"},  {"penwidth", "1"},
        {"style", "solid"},    {"arrowsize", "0.7"},
    };
    for (size_t i = 0; i < sizeof graph_attrs / sizeof graph_attrs[0]; i++)
        if (!agattr(ag, AGRAPH, (char *)graph_attrs[i][0], (char *)graph_attrs[i][1]))
            return false;
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++)
        if (!agattr(ag, AGNODE, (char *)node_attrs[i][0], (char *)node_attrs[i][1]))
            return false;
    for (size_t i = 0; i < sizeof edge_attrs / sizeof edge_attrs[0]; i++)
        if (!agattr(ag, AGEDGE, (char *)edge_attrs[i][0], (char *)edge_attrs[i][1]))
            return false;
    return true;
}

Agraph_t *kg_dot_build(const kg_graph *g, kg_error *err)
{
    size_t n = kg_graph_node_count(g);
    Agnode_t **nodes = malloc((n ? n : 1) * sizeof *nodes);
    Agraph_t *ag = agopen("kg", Agdirected, NULL);
    bool present[N_STYLES] = {false};
    bool ok = nodes && ag && graph_defaults(ag) && add_nodes(ag, g, nodes, present) &&
              add_edges(ag, g, nodes) && add_legend(ag, present);
    free(nodes);
    if (!ok) {
        if (ag)
            agclose(ag);
        kg_error_set(err, KG_ERR_LIB, "dot: cannot build the Graphviz graph (out of memory?)");
        return NULL;
    }
    return ag;
}

kg_status kg_export_dot(const kg_graph *g, FILE *out, kg_error *err)
{
    kg_graphviz_lock();
    Agraph_t *ag = kg_dot_build(g, err);
    if (!ag) {
        kg_graphviz_unlock();
        return err ? err->status : KG_ERR_LIB;
    }
    int rc = agwrite(ag, out);
    agclose(ag);
    kg_graphviz_unlock();
    if (rc != 0 || ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}
