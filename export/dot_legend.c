/* dot_legend.c - what a diagram says about itself: a legend of the node
 * types and edge looks it holds, and a caption saying what it left out.
 *
 * The legend draws each edge look with kg_dot_style_edge, the function that
 * styles the graph's own edges, so the key cannot drift from the picture.
 * It is a cluster: under dot its unconnected type nodes take the first rank
 * and stack in a column (rankdir=LR), each sample edge runs from a point in
 * that column to the words that explain it, and the packing (dot.c) places
 * the cluster as one more component of the grid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"

#define CAPTION_WIDTH 90

typedef struct edge_key {
    unsigned look;
    bool negated, modal, attributed;
    size_t count;
    const char *text;
} edge_key;

static const edge_key keys[] = {
    {KG_DOT_EDGE_PLAIN, false, false, false, 1, "relation: subject \xE2\x86\x92 object"},
    {KG_DOT_EDGE_COUNT, false, false, false, 4, "\xC3\x97N: N sentences say it (thicker)"},
    {KG_DOT_EDGE_NEGATED, true, false, false, 1,
     "negated: \xE2\x80\x9Cnot \xE2\x80\xA6\xE2\x80\x9D"},
    {KG_DOT_EDGE_MODAL, false, true, false, 1, "modal: may, could, would \xE2\x80\xA6"},
    {KG_DOT_EDGE_REPORTED, false, false, true, 1, "only reported speech"},
};
#define N_KEYS (sizeof keys / sizeof keys[0])

static bool legend_names_free(Agraph_t *ag)
{
    char name[64];
    for (size_t t = 0; t < KG_DOT_TYPES; t++) {
        const char *title = kg_dot_type_style_of((kg_entity_type)t)->title;
        snprintf(name, sizeof name, "kg legend %s", title);
        if (agnode(ag, name, 0))
            return false;
    }
    if (agnode(ag, "kg legend type pad", 0))
        return false;
    for (size_t k = 0; k < N_KEYS; k++) {
        snprintf(name, sizeof name, "kg legend edge %zu", k);
        if (agnode(ag, name, 0))
            return false;
        snprintf(name, sizeof name, "kg legend edge %zu text", k);
        if (agnode(ag, name, 0))
            return false;
    }
    return true;
}

static Agnode_t *add_type_key(Agraph_t *sub, kg_entity_type t)
{
    const kg_dot_type_style *s = kg_dot_type_style_of(t);
    char name[64], tip[96];
    snprintf(name, sizeof name, "kg legend %s", s->title);
    snprintf(tip, sizeof tip, "%s: %s", s->title, s->look);
    Agnode_t *an = agnode(sub, name, 1);
    bool ok = an && kg_dot_set(an, "label", s->title) && kg_dot_set(an, "shape", s->shape) &&
              kg_dot_set(an, "fillcolor", s->fill) && kg_dot_set(an, "fontsize", "10") &&
              kg_dot_set(an, "height", "0.3") && kg_dot_set(an, "tooltip", tip);
    return ok ? an : NULL;
}

/* The types present two to a row: each pair tied by an invisible edge,
 * which under dot puts the second in the next rank, beside the first (an
 * odd one out beside an invisible node), so that the key is two columns,
 * and the sample edges under it run straight from the first to the second. */
static bool add_type_keys(Agraph_t *sub, const bool *present)
{
    Agnode_t *left = NULL;
    for (size_t t = 0; t <= KG_DOT_TYPES; t++) {
        Agnode_t *an = NULL;
        if (t == KG_DOT_TYPES && left) {
            an = agnode(sub, "kg legend type pad", 1);
            if (!an || !kg_dot_set(an, "style", "invis") || !kg_dot_set(an, "label", "") ||
                !kg_dot_set(an, "height", "0.3"))
                return false;
        } else if (t < KG_DOT_TYPES && present[t] && !(an = add_type_key(sub, (kg_entity_type)t))) {
            return false;
        }
        if (!an)
            continue;
        if (!left) {
            left = an;
            continue;
        }
        Agedge_t *ae = agedge(sub, left, an, NULL, 1);
        if (!ae || !kg_dot_set(ae, "style", "invis") || !kg_dot_set(ae, "weight", "10"))
            return false;
        left = NULL;
    }
    return true;
}

static bool add_edge_key(Agraph_t *sub, size_t k)
{
    char from[64], to[64];
    snprintf(from, sizeof from, "kg legend edge %zu", k);
    snprintf(to, sizeof to, "kg legend edge %zu text", k);
    Agnode_t *a = agnode(sub, from, 1), *b = agnode(sub, to, 1);
    if (!a || !b || !kg_dot_set(a, "shape", "point") || !kg_dot_set(a, "width", "0.06") ||
        !kg_dot_set(a, "label", "") || !kg_dot_set(a, "tooltip", keys[k].text) ||
        !kg_dot_set(b, "shape", "plaintext") || !kg_dot_set(b, "label", keys[k].text) ||
        !kg_dot_set(b, "fontsize", "10") || !kg_dot_set(b, "height", "0.3") ||
        !kg_dot_set(b, "tooltip", keys[k].text))
        return false;
    Agedge_t *ae = agedge(sub, a, b, NULL, 1);
    return ae && kg_dot_set(ae, "tooltip", keys[k].text) && kg_dot_set(ae, "weight", "10") &&
           kg_dot_style_edge(ae, keys[k].negated, keys[k].modal, keys[k].attributed,
                             keys[k].count) != 0;
}

/* A cluster with one node per type present, in enum order, and one sample
 * edge per look present.  Its node names contain spaces, which slugs never
 * do; if a node already has such a name the legend is left out rather than
 * merged with it. */
bool kg_dot_add_legend(Agraph_t *ag, const bool *present, unsigned looks)
{
    bool any = looks != 0;
    for (size_t t = 0; t < KG_DOT_TYPES; t++)
        any = any || present[t];
    if (!any || !legend_names_free(ag))
        return true;
    Agraph_t *sub = agsubg(ag, "cluster_legend", 1);
    if (!sub || !kg_dot_set(sub, "label", "Legend") || !kg_dot_set(sub, "style", "rounded") ||
        !kg_dot_set(sub, "color", "#999999") || !kg_dot_set(sub, "fontsize", "11"))
        return false;
    if (!add_type_keys(sub, present))
        return false;
    for (size_t k = 0; k < N_KEYS; k++)
        if ((looks & keys[k].look) && !add_edge_key(sub, k))
            return false;
    return true;
}

static void put_filters(FILE *f, const kg_export_options *o)
{
    const char *sep = "\nShown only: ";
    if (o->types) {
        fputs(sep, f);
        sep = "; ";
        const char *comma = "";
        for (size_t t = 0; t < KG_DOT_TYPES; t++) {
            if (o->types & (1u << t)) {
                fprintf(f, "%s%s", comma, kg_entity_type_name((kg_entity_type)t));
                comma = ", ";
            }
        }
    }
    if (o->min_count > 1) {
        fprintf(f, "%srelations of %zu or more sentences", sep, o->min_count);
        sep = "; ";
    }
    if (o->focus) {
        fprintf(f, "%swithin %zu %s of \"%s\"", sep, o->depth,
                o->depth == 1 ? "relation" : "relations", o->focus);
        sep = "; ";
    }
    if (strcmp(sep, "; ") == 0)
        fputc('.', f);
}

/* A Graphviz label with its line breaks ("\\n") as left-justified ones
 * ("\\l"), the last line ended too.  Takes label (NULL: out of memory). */
static char *left_lines(char *label)
{
    if (!label)
        return NULL;
    size_t n = strlen(label);
    char *out = malloc(n + 3);
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < n; i++) {
            out[o++] = label[i];
            if (label[i] == '\\' && i + 1 < n) /* an escape: its letter too */
                out[o++] = label[++i] == 'n' ? 'l' : label[i];
        }
        memcpy(out + o, "\\l", 3);
    }
    free(label);
    return out;
}

/* "Drawn: ...", what was left out and why, under the picture; nothing when
 * the diagram draws the whole graph. */
bool kg_dot_add_caption(Agraph_t *ag, const kg_graph *g, const kg_export_options *o,
                        const kg_diagram_view *v)
{
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g), docs = kg_graph_doc_count(g);
    if (v->nodes == n && v->edges == m)
        return true;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return false;
    fprintf(f, "Drawn: %zu of %zu entities, %zu of %zu relations", v->nodes, n, v->edges, m);
    if (docs)
        fprintf(f, ", from %zu %s", docs, docs == 1 ? "document" : "documents");
    fputc('.', f);
    if (v->isolated)
        fprintf(f, "\nNot drawn: %zu %s without a relation (--keep-isolated draws them).",
                v->isolated, v->isolated == 1 ? "entity" : "entities");
    put_filters(f, o);
    bool ok = !ferror(f);
    ok = fclose(f) == 0 && ok;
    char *label = ok ? left_lines(kg_graphviz_label(buf, CAPTION_WIDTH, true)) : NULL;
    free(buf);
    ok = label && kg_dot_set(ag, "label", label) && kg_dot_set(ag, "labeljust", "l") &&
         kg_dot_set(ag, "labelloc", "b") && kg_dot_set(ag, "fontsize", "11") &&
         kg_dot_set(ag, "fontcolor", "#333333");
    free(label);
    return ok;
}
