/* graphviz.h - kg's one door to Graphviz (export/ only, not installed).
 *
 * Graphviz keeps process-wide state (cgraph while a graph is built, gvc's
 * plugins while one is laid out and rendered), so kg uses it from one thread
 * at a time: hold kg_graphviz_lock around building a cgraph graph and
 * everything done with it until agclose.  One GVC_t serves the process
 * (graphviz.c says why it is never freed).  Both the graph's pictures
 * (render.c) and the diff's (diff_dot.c) are laid out and rendered here,
 * into memory, and only then written: Graphviz 2.42 calls exit(1) when a
 * write of its own fails (gvwrite_no_z), so rendering straight to a full
 * disk ended kg with its message and no clean-up.
 */
#ifndef KG_GRAPHVIZ_H
#define KG_GRAPHVIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <graphviz/cgraph.h>

#include "kg/base.h"

void kg_graphviz_lock(void);
void kg_graphviz_unlock(void);

/* Lays ag out with the engine layout (dot, neato, ...; checked by the
 * caller), renders it as format (svg, png) and writes it to out.  who starts
 * the error messages ("render", "diff").  Call with the lock held. */
kg_status kg_graphviz_render(Agraph_t *ag, const char *layout, const char *format, FILE *out,
                             const char *who, kg_error *err);
/* The same, with pack: the connected components tiled in rows after the
 * layout (kg_graphviz_pack). */
kg_status kg_graphviz_draw(Agraph_t *ag, const char *layout, bool pack, const char *format,
                           FILE *out, const char *who, kg_error *err);
/* After gvLayout: moves ag's connected components (a top-level cluster and
 * what it holds counting as one) into rows, tallest first, and sets its
 * bounding box (pack.c).  With rows (an engine other than dot), each
 * top-level cluster is first redrawn as dot draws kg's legend: rows of a
 * node and the head of its edge.  False when out of memory. */
bool kg_graphviz_pack(Agraph_t *ag, bool rows);

/* A graph, node or edge attribute and its default. */
typedef struct kg_graphviz_attr {
    const char *name, *value;
} kg_graphviz_attr;
/* Declares the n attributes at a, of kind AGRAPH, AGNODE or AGEDGE, with
 * their defaults; false when out of memory. */
bool kg_graphviz_declare(Agraph_t *ag, int kind, const kg_graphviz_attr *a, size_t n);
/* The defaults that the graph's drawing (dot.c) and the diff's (diff_dot.c)
 * share, so that the two look alike: Helvetica, edges drawn under the
 * nodes, white filled ellipses labelled with the node's name, grey edges
 * with small arrows.  Each declares its own extras (rankdir, labelloc, ...)
 * before or after; agwrite lists the defaults by name, so the order in which
 * they are declared does not show in the DOT.  False when out of memory. */
bool kg_graphviz_defaults(Agraph_t *ag);

/* text as a Graphviz label, made safe for the SVG (kg_export_graphviz_text):
 * backslashes doubled, control characters as spaces, greedy wrapping at
 * spaces so that a line stays within width code points unless one word is
 * longer; never before " ×" (a count stays with its relation).  With
 * newlines, a '\n' in text starts a new line.  NULL when out of memory;
 * caller frees. */
char *kg_graphviz_label(const char *text, size_t width, bool newlines);

#endif
