/* graph_internal.h - what graph.c lets the rest of graph/ touch, and nothing
 * outside graph/ includes: analytics writes its metrics straight into the
 * node records and marks the graph as analyzed. */
#ifndef KG_GRAPH_INTERNAL_H
#define KG_GRAPH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"

/* a + b for counts and mentions, saturating at KG_COUNT_MAX (two merged
 * graphs near 2^63 would otherwise wrap, and be written as negative). */
static inline size_t kg_graph_count_add(size_t a, size_t b)
{
    if (a > KG_COUNT_MAX)
        a = KG_COUNT_MAX;
    return b > KG_COUNT_MAX - a ? KG_COUNT_MAX : a + b;
}

/* kg_graph_add_node/add_edge without bringing the igraph structure up to date,
 * for callers adding many (each igraph update costs O(V+E)).  Call
 * kg_graph_sync before returning to the user. */
kg_status kg_graph_put_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err);
kg_status kg_graph_put_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err);
kg_status kg_graph_put_claim(kg_graph *g, const kg_claim *spec, size_t *index, kg_error *err);
/* Adds a document that must be new to g: one whose id g already holds is a
 * KG_ERR_INPUT, "SOURCE: document id "X" is already that of OTHER-SOURCE"
 * (or "... already in the graph" when it came with another graph), because
 * the evidence of two inputs would mix under one id.  source names the
 * input (a path, "corpus.jsonl:12"; NULL: the id); the same source again is
 * the same document, which merging adds nothing to. */
kg_status kg_graph_claim_doc(kg_graph *g, const char *id, const char *date, const char *source,
                             kg_error *err);
/* Brings igraph up to date and the lists in order (the graph's documents, a
 * node's documents, an edge's evidence); returns st unless st is KG_OK and
 * that failed. */
kg_status kg_graph_sync(kg_graph *g, kg_status st, kg_error *err);
/* The same, leaving the lists in arrival order until kg_graph_sort or the
 * next public call that changes g: for kg_graph_add_document, called once
 * a document, where mending a list of n entries at each call costs n. */
kg_status kg_graph_sync_lazy(kg_graph *g, kg_status st, kg_error *err);

/* The node record itself, for writing metrics.  Valid until the graph changes. */
kg_node *kg_graph_node_mut(kg_graph *g, size_t i);
/* Set by kg_graph_analyze; any change to nodes or edges clears it. */
void kg_graph_set_analyzed(kg_graph *g, bool analyzed);
void kg_graph_set_betweenness_sources(kg_graph *g, size_t sources);
void kg_graph_set_community_method(kg_graph *g, kg_community_method m);

#endif
