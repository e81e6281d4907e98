/* kg/export.h - writing a graph for people and for other tools.
 *
 * Exporters write to a FILE*; kg_export_file wraps them so that a file is
 * written to a temporary name in the same directory and renamed into place
 * only when complete: a failed or interrupted run never leaves a partial file
 * and never harms an existing one.  Output is deterministic: call
 * kg_graph_sort first (kg_export_file does).
 */
#ifndef KG_EXPORT_H
#define KG_EXPORT_H

#include <stdio.h>

#include "kg/base.h"
#include "kg/graph.h"

typedef enum kg_format {
    KG_FMT_JSON,
    KG_FMT_DOT,
    KG_FMT_SVG,
    KG_FMT_PNG,
    KG_FMT_GRAPHML
} kg_format;

/* "json" -> KG_FMT_JSON ...; false if unknown. */
bool kg_format_parse(const char *name, kg_format *out);
const char *kg_format_extension(kg_format f); /* "json", "dot", ... */

/* Node-link JSON (d3/networkx): {"directed","multigraph","graph":{...},"nodes":[...],"links":[...]}
 * (docs/json-format.md); kg_graph_load_json reads it back. */
kg_status kg_export_json(const kg_graph *g, FILE *out, kg_error *err);

/* The same graph in the JSON other visualization tools load as it is
 * (docs/json-format.md, one section each).  Every style is deterministic. */
typedef enum kg_json_style {
    KG_JSON_NODE_LINK,  /* "node-link": d3, networkx, kg itself (the default) */
    KG_JSON_CYTOSCAPE,  /* "cytoscape": Cytoscape.js {"elements":{"nodes","edges"}} */
    KG_JSON_GRAPHOLOGY, /* "graphology": graphology's serialization, for sigma.js */
    KG_JSON_JGF         /* "jgf": JSON Graph Format, version 2 */
} kg_json_style;

/* "node-link" -> KG_JSON_NODE_LINK ...; false if unknown. */
bool kg_json_style_parse(const char *name, kg_json_style *out);
const char *kg_json_style_name(kg_json_style s);
kg_status kg_export_json_styled(const kg_graph *g, kg_json_style style, FILE *out, kg_error *err);
/* Graphviz DOT built with cgraph. */
kg_status kg_export_dot(const kg_graph *g, FILE *out, kg_error *err);
/* Rendered by Graphviz (gvc) with the given layout engine (NULL: "dot"); format "svg" or "png". */
kg_status kg_export_render(const kg_graph *g, const char *format, const char *layout, FILE *out,
                           kg_error *err);
/* GraphML with attributes declared as <key>s (igraph's reader accepts it). */
kg_status kg_export_graphml(const kg_graph *g, FILE *out, kg_error *err);

kg_status kg_export_write(kg_graph *g, kg_format f, FILE *out, kg_error *err);
/* Sorts g, then writes path atomically (temporary file + rename). */
kg_status kg_export_file(kg_graph *g, kg_format f, const char *path, kg_error *err);

/* How a format is written, where it has a choice.  kg_export_write and
 * kg_export_file use the defaults that kg_export_options_init sets. */
typedef struct kg_export_options {
    kg_json_style json_style; /* for KG_FMT_JSON; default KG_JSON_NODE_LINK */
} kg_export_options;

void kg_export_options_init(kg_export_options *o);
/* kg_export_write/kg_export_file with options (NULL: the defaults). */
kg_status kg_export_write_with(kg_graph *g, kg_format f, const kg_export_options *o, FILE *out,
                               kg_error *err);
kg_status kg_export_file_with(kg_graph *g, kg_format f, const kg_export_options *o,
                              const char *path, kg_error *err);

#endif
