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

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_format {
    KG_FMT_JSON,
    KG_FMT_DOT,
    KG_FMT_SVG,
    KG_FMT_PNG,
    KG_FMT_GRAPHML,
    KG_FMT_GEXF, /* Gephi */
    KG_FMT_CSV,  /* two files, nodes and edges (kg_export_csv_files) */
    KG_FMT_HTML  /* one self-contained interactive page */
} kg_format;

/* "json" -> KG_FMT_JSON ...; false if unknown. */
bool kg_format_parse(const char *name, kg_format *out);
const char *kg_format_extension(kg_format f); /* "json", "dot", ... */

/* Node-link JSON (d3/networkx): {"directed","multigraph","graph":{...},"nodes":[...],"edges":[...],
 * "claims":[...]} (docs/json-format.md); kg_graph_load_json reads it back (and "links" for
 * "edges", as older kg and networkx before 3.6 wrote it). */
kg_status kg_export_json(const kg_graph *g, FILE *out, kg_error *err);

/* The same graph in the JSON other visualization tools load as it is
 * (docs/json-format.md, one section each).  Every style is deterministic;
 * kg_graph_load_json reads each back (claims are node-link's alone). */
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
/* Graphviz DOT built with cgraph: the diagram of kg_export_dot_with's
 * defaults. */
kg_status kg_export_dot(const kg_graph *g, FILE *out, kg_error *err);
/* Rendered by Graphviz (gvc), format "svg" or "png": the diagram of the
 * default options, with the given layout engine (NULL: as
 * kg_export_options.layout says). */
kg_status kg_export_render(const kg_graph *g, const char *format, const char *layout, FILE *out,
                           kg_error *err);
/* GraphML with attributes declared as <key>s (igraph's reader accepts it). */
kg_status kg_export_graphml(const kg_graph *g, FILE *out, kg_error *err);
/* GEXF 1.3 for Gephi. */
kg_status kg_export_gexf(const kg_graph *g, FILE *out, kg_error *err);
/* CSV tables: one row a node, one row an edge, with a header row. */
kg_status kg_export_csv_nodes(const kg_graph *g, FILE *out, kg_error *err);
kg_status kg_export_csv_edges(const kg_graph *g, FILE *out, kg_error *err);
/* Both tables, each written atomically; neither is left if either fails.
 * Rows come in the order g holds them, as from the writers above: sort g
 * first (kg_graph_sort) for the canonical order kg build writes. */
kg_status kg_export_csv_files(const kg_graph *g, const char *nodes_path, const char *edges_path,
                              kg_error *err);
/* A self-contained HTML page that draws the graph interactively. */
kg_status kg_export_html(const kg_graph *g, FILE *out, kg_error *err);

kg_status kg_export_write(kg_graph *g, kg_format f, FILE *out, kg_error *err);
/* Sorts g, then writes path atomically (temporary file + rename). */
kg_status kg_export_file(kg_graph *g, kg_format f, const char *path, kg_error *err);

/* Which nodes without a drawn edge a diagram leaves out. */
typedef enum kg_isolated {
    KG_ISOLATED_AUTO, /* left out when the graph has more than one document, or
                         more than KG_DIAGRAM_ISOLATED_MAX of them */
    KG_ISOLATED_KEEP,
    KG_ISOLATED_DROP
} kg_isolated;
/* A one-document graph draws up to this many isolated nodes (a BBC article
 * has up to 16; 40 still tile on one screen). */
#define KG_DIAGRAM_ISOLATED_MAX 40
/* Above this many drawn nodes the default layout is sfdp, not dot: dot took
 * 1.4 s on 1,097 nodes of 741 BBC articles, 24 s on 2,003 and 53 s on
 * 2,636 (all 2,225), where sfdp takes 5 s. */
#define KG_DIAGRAM_DOT_MAX_NODES 1000

/* How a format is written, where it has a choice.  kg_export_write and
 * kg_export_file use the defaults that kg_export_options_init sets. */
typedef struct kg_export_options {
    kg_json_style json_style; /* for KG_FMT_JSON; default KG_JSON_NODE_LINK */
    /* What the diagrams (KG_FMT_DOT, KG_FMT_SVG, KG_FMT_PNG) draw, and
     * nothing else: the other formats always hold the whole graph
     * (docs/diagrams.md).  The filters apply in this order: types,
     * min_count, focus; a node that had an edge and lost every one to them
     * is left out too, and so is an isolated node as isolated says. */
    kg_isolated isolated; /* default KG_ISOLATED_AUTO */
    size_t min_count;     /* edges of fewer supporting sentences are left out; default 1 */
    unsigned types;       /* bit (1u << kg_entity_type) per type drawn; 0 (default): all */
    const char *focus;    /* a node id: only nodes within depth relations of it, taken
                             either way; NULL (default): every node.  No node with
                             this id is a KG_ERR_USAGE error naming it */
    size_t depth;         /* for focus; default 1 */
    const char *layout;   /* Graphviz engine: "dot", "sfdp", "neato", ...; NULL
                             (default): dot, sfdp above KG_DIAGRAM_DOT_MAX_NODES
                             drawn nodes */
} kg_export_options;

void kg_export_options_init(kg_export_options *o);
/* kg_export_write/kg_export_file with options (NULL: the defaults). */
kg_status kg_export_write_with(kg_graph *g, kg_format f, const kg_export_options *o, FILE *out,
                               kg_error *err);
kg_status kg_export_file_with(kg_graph *g, kg_format f, const kg_export_options *o,
                              const char *path, kg_error *err);
/* Whether Graphviz has a layout engine of this name (dot, neato, fdp, sfdp,
 * circo, twopi, osage, patchwork), as kg_export_options.layout takes. */
bool kg_export_layout_known(const char *name);
/* The diagrams with options (NULL: the defaults); layout and the filters as
 * kg_export_options says.  A graph sorted or not, as kg_export_dot. */
kg_status kg_export_dot_with(const kg_graph *g, const kg_export_options *o, FILE *out,
                             kg_error *err);
kg_status kg_export_render_with(const kg_graph *g, const char *format, const kg_export_options *o,
                                FILE *out, kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
