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

#include "kg/graph.h"

/* The drawing of g: a digraph "kg" with styled nodes and edges and a legend
 * cluster.  NULL with err set on failure; the caller closes it with agclose.
 * Call with kg_graphviz_lock (graphviz.h) held. */
Agraph_t *kg_dot_build(const kg_graph *g, kg_error *err);

/* "cannot write: <strerror(errno)>" as KG_ERR_IO; kg_export_file puts the
 * path in front. */
kg_status kg_export_io_error(kg_error *err);

/* XML 1.0's characters (xml.c): the length in bytes of the character at s
 * (not at its end), and in *ok whether XML can hold it (it cannot hold a C0
 * control but tab, newline and CR; U+FFFE, U+FFFF; a surrogate; a byte that
 * is not UTF-8, which counts as one character of one byte). */
size_t kg_export_xml_char(const char *s, bool *ok);
/* s as a string to hand to Graphviz, whose SVG must stay well-formed: what
 * XML cannot hold as U+FFFD, '&' as "&amp;" (Graphviz decodes references).
 * Takes s (malloc'd, may be NULL) and frees it; NULL when out of memory. */
char *kg_export_graphviz_text(char *s);

/* Prints a double with %.*g as C does whatever LC_NUMERIC says. */
void kg_export_format_double(char *buf, size_t size, int precision, double v);

#endif
