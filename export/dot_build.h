/* dot_build.h - what the exporters share (export/ only, not installed).
 *
 * The DOT and the rendered exports draw the same picture: kg_dot_build makes
 * it as a cgraph graph, which dot.c writes with agwrite and render.c lays out
 * and renders with gvc.
 */
#ifndef KG_DOT_BUILD_H
#define KG_DOT_BUILD_H

#include <stdbool.h>
#include <stdio.h>

#include <graphviz/cgraph.h>
#include <stddef.h>

#include "kg/export.h"
#include "kg/graph.h"

/* What a diagram draws of a graph (diagram.c): the nodes and edges that
 * o's filters and isolated rule keep, and what they left out. */
typedef struct kg_diagram_view {
    bool *node;      /* node i is drawn */
    bool *edge;      /* edge j is drawn */
    size_t nodes;    /* nodes drawn */
    size_t edges;    /* edges drawn */
    size_t isolated; /* nodes of no edge at all, left out */
    size_t filtered; /* nodes left out by the types, min_count or focus */
} kg_diagram_view;

/* The view of g under o; KG_ERR_USAGE naming the id when o->focus is no
 * node's.  Free it with kg_diagram_view_free. */
kg_status kg_diagram_select(const kg_graph *g, const kg_export_options *o, kg_diagram_view *v,
                            kg_error *err);
void kg_diagram_view_free(kg_diagram_view *v);
/* The Graphviz engine that draws v: o->layout, checked (KG_ERR_USAGE,
 * starting with who, if Graphviz has no such engine), or the default. */
kg_status kg_diagram_engine(const kg_export_options *o, const kg_diagram_view *v, const char *who,
                            const char **engine, kg_error *err);

/* The drawing of g under o (NULL: the defaults): a digraph "kg" with styled
 * nodes and edges, tooltips, a legend cluster and a caption saying what was
 * left out, with the graph attributes of the engine that is to lay it out
 * (*engine, if not NULL).  who starts the error messages.  The caller closes
 * *out with agclose.  Call with kg_graphviz_lock (graphviz.h) held. */
kg_status kg_dot_build(const kg_graph *g, const kg_export_options *o, const char *who,
                       Agraph_t **out, const char **engine, kg_error *err);

/* How the diagrams draw things (dot.c), shared by the drawing, its legend
 * and its tooltips (dot_legend.c, dot_tooltip.c) so that they agree. */
typedef struct kg_dot_type_style {
    const char *title, *shape, *fill,
        *look; /* "Person", "ellipse", "#56B4E9", "sky blue ellipse" */
} kg_dot_type_style;
#define KG_DOT_TYPES 4 /* the entity types; anything else is drawn as a location */
const kg_dot_type_style *kg_dot_type_style_of(kg_entity_type t);
/* The looks of an edge, as bits: which of them a drawing holds. */
enum {
    KG_DOT_EDGE_PLAIN = 1u << 0,
    KG_DOT_EDGE_COUNT = 1u << 1,    /* supported by several sentences: thicker */
    KG_DOT_EDGE_NEGATED = 1u << 2,  /* vermillion, dashed, "not ..." */
    KG_DOT_EDGE_MODAL = 1u << 3,    /* dotted */
    KG_DOT_EDGE_REPORTED = 1u << 4, /* every sentence reported speech: grey */
};
/* Styles an edge of these properties (count: supporting sentences); returns
 * the looks it got, 0 when out of memory. */
unsigned kg_dot_style_edge(Agedge_t *ae, bool negated, bool modal, bool attributed, size_t count);
/* agsafeset, whose strings cgraph does not modify; false out of memory. */
bool kg_dot_set(void *obj, const char *name, const char *value);
/* The tooltips (dot_tooltip.c), as Graphviz strings (kg_graphviz_label);
 * NULL out of memory. */
char *kg_dot_node_tooltip(const kg_node *n);
char *kg_dot_edge_tooltip(const kg_graph *g, const kg_edge *e);
/* The legend cluster for the types present (present[t]) and the edge looks
 * (KG_DOT_EDGE_*), and the caption saying what o and v left out
 * (dot_legend.c); false out of memory. */
bool kg_dot_add_legend(Agraph_t *ag, const bool *present, unsigned looks);
bool kg_dot_add_caption(Agraph_t *ag, const kg_graph *g, const kg_export_options *o,
                        const kg_diagram_view *v);

/* "cannot write: <strerror(errno)>" as KG_ERR_IO; kg_export_file puts the
 * path in front. */
kg_status kg_export_io_error(kg_error *err);

/* XML 1.0's characters (xml.c): the length in bytes of the character at s
 * (not at its end), and in *ok whether XML can hold it (it cannot hold a C0
 * control but tab, newline and CR; U+FFFE, U+FFFF; a surrogate; a byte that
 * is not UTF-8, which counts as one character of one byte). */
size_t kg_export_xml_char(const char *s, bool *ok);
/* s as XML text (attribute false) or an attribute value (true): markup
 * characters as references, what XML cannot hold as U+FFFD, and in an
 * attribute value tab, newline and CR as references, which a parser would
 * otherwise read as spaces. */
void kg_export_xml_write(FILE *out, const char *s, bool attribute);
/* The same for the n bytes at s. */
void kg_export_xml_write_len(FILE *out, const char *s, size_t n, bool attribute);
/* s as a string to hand to Graphviz, whose SVG must stay well-formed: what
 * XML cannot hold as U+FFFD, '&' as "&amp;" (Graphviz decodes references).
 * Takes s (malloc'd, may be NULL) and frees it; NULL when out of memory. */
char *kg_export_graphviz_text(char *s);

/* Prints a double with %.*g as C does whatever LC_NUMERIC says. */
void kg_export_format_double(char *buf, size_t size, int precision, double v);

#endif
