/* graph_internal.h - what graph.c lets the rest of graph/ touch, and nothing
 * outside graph/ includes: analytics writes its metrics straight into the
 * node records and marks the graph as analyzed. */
#ifndef KG_GRAPH_INTERNAL_H
#define KG_GRAPH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"

/* kg_graph_add_node/add_edge without bringing the igraph structure up to date,
 * for callers adding many (each igraph update costs O(V+E)).  Call
 * kg_graph_sync before returning to the user. */
kg_status kg_graph_put_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err);
kg_status kg_graph_put_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err);
/* Brings igraph up to date; returns st unless st is KG_OK and syncing failed. */
kg_status kg_graph_sync(kg_graph *g, kg_status st, kg_error *err);

/* The node record itself, for writing metrics.  Valid until the graph changes. */
kg_node *kg_graph_node_mut(kg_graph *g, size_t i);
/* Set by kg_graph_analyze; any change to nodes or edges clears it. */
void kg_graph_set_analyzed(kg_graph *g, bool analyzed);

#endif
