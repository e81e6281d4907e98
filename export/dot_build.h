/* dot_build.h - what the exporters share (export/ only, not installed).
 *
 * The DOT and the rendered exports draw the same picture: kg_dot_build makes
 * it as a cgraph graph, which dot.c writes with agwrite and render.c lays out
 * and renders with gvc.
 */
#ifndef KG_DOT_BUILD_H
#define KG_DOT_BUILD_H

#include <stdio.h>

#include <graphviz/cgraph.h>
#include <stddef.h>

#include "kg/graph.h"

/* The drawing of g: a digraph "kg" with styled nodes and edges and a legend
 * cluster.  NULL with err set on failure; the caller closes it with agclose.
 * Call with kg_graphviz_lock held. */
Agraph_t *kg_dot_build(const kg_graph *g, kg_error *err);

/* Graphviz keeps process-wide state (cgraph while building a graph, gvc's
 * plugins while laying out and rendering), so kg uses it from one thread at a
 * time: hold this lock around kg_dot_build and everything done with its
 * result until agclose. */
void kg_graphviz_lock(void);
void kg_graphviz_unlock(void);

/* "person", "organization", "country", "location": the names JSON and
 * GraphML use for types.  The same strings as kg_entity_type_name, kept here
 * so that graph/ and export/ link without the extractor. */
const char *kg_export_type_name(kg_entity_type t);

/* "cannot write: <strerror(errno)>" as KG_ERR_IO; kg_export_file puts the
 * path in front. */
kg_status kg_export_io_error(kg_error *err);

/* Writes PATH atomically: write(ctx, out, err) fills PATH.tmp.XXXXXX, which
 * is flushed, fsynced, closed and renamed into place; on failure the
 * temporary file goes, PATH stays as it was, and err reads "PATH: why". */
typedef kg_status (*kg_export_writer)(const void *ctx, FILE *out, kg_error *err);
kg_status kg_export_atomic(const char *path, kg_export_writer write, const void *ctx,
                           kg_error *err);

/* Prints a double with %.*g as C does whatever LC_NUMERIC says. */
void kg_export_format_double(char *buf, size_t size, int precision, double v);

#endif
