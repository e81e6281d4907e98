/* graph_store.h - the records of the node and edge store, shared by the
 * files that make it up (graph.c: lifetime, interning, igraph, merge and
 * access; graph_lists.c: the long lists; graph_node.c and graph_edge.c: the
 * merge rules of nodes and edges; graph_sort.c: the canonical order).
 * Nothing outside those files includes it: the rest of graph/ goes through
 * graph_internal.h, everyone else through kg/graph.h.
 */
#ifndef KG_GRAPH_STORE_H
#define KG_GRAPH_STORE_H

#include <igraph.h>
#include <stdbool.h>
#include <stddef.h>

#include "graph_internal.h"
#include "posindex.h"
#include "strmap.h"

#define KG_N_TYPES ((int)KG_ENT_LOCATION + 1)

/* Lists up to this long are searched; longer ones get a position index. */
#define KG_LIST_INDEX_MIN 8

/* Strings ordered by where they were first seen (aliases, roles). */
typedef struct kg_tagged_list {
    const char **items; /* the public view, in order */
    const char **docs;  /* document where first seen, NULL if unknown */
    size_t *ranks;      /* position in that document's list */
    size_t n, cap;
} kg_tagged_list;

typedef struct kg_node_rec {
    kg_node pub;
    kg_tagged_list aliases, roles;
    size_t (*doc_types)[KG_N_TYPES]; /* mentions per type, parallel to pub.docs */
    size_t docs_cap;
    size_t docs_sorted;       /* pub.docs[0, docs_sorted) are in order */
    kg_posindex *docs_ix;     /* doc -> position in pub.docs; NULL: search */
    size_t undoc[KG_N_TYPES]; /* mentions given without a document */
    /* the sum of doc_types over documents, per type, saturated: kept as
     * counts rise, since re-summing every document at each update made a
     * node in 200,000 documents cost 9.8 s */
    size_t doc_total[KG_N_TYPES];
    unsigned seen_types; /* bit per type any contribution had */
    bool has_first;      /* label/first_* came from a contribution */
} kg_node_rec;

/* A document, and the input kg_graph_add_document took it from (NULL for
 * one that came with another graph or from JSON), to name both inputs when
 * a second document claims its id. */
typedef struct kg_doc_rec {
    kg_graph_doc pub;
    const char *source;
} kg_doc_rec;

/* The bookkeeping of an evidence list (an edge's or a claim's). */
typedef struct kg_ev_list {
    size_t cap;
    size_t sorted;   /* items[0, sorted) are in order */
    kg_posindex *ix; /* (doc, sentence) -> position; NULL: search */
} kg_ev_list;

typedef struct kg_edge_rec {
    kg_edge pub;
    kg_ev_list ev;
    size_t bare; /* support added without evidence */
} kg_edge_rec;

typedef struct kg_claim_rec {
    kg_claim pub;
    kg_ev_list ev;
    size_t bare;
    kg_claim_value *values; /* owned; pub.values points here */
} kg_claim_rec;

struct kg_graph {
    kg_arena *arena;
    kg_strmap *interned; /* string -> index into strings */
    const char **strings;
    size_t n_strings, strings_cap;

    kg_node_rec *nodes;
    size_t n_nodes, nodes_cap;
    kg_edge_rec *edges;
    size_t n_edges, edges_cap;
    kg_strmap *node_index; /* id -> node index */
    kg_strmap *edge_index; /* edge key -> edge index */
    kg_claim_rec *claims;
    size_t n_claims, claims_cap;
    kg_strmap *claim_index; /* claim key -> claim index */
    kg_doc_rec *docs;       /* by id, once mended */
    size_t n_docs, docs_cap;
    size_t docs_sorted;   /* docs[0, docs_sorted) are in order */
    kg_posindex *docs_ix; /* interned id -> position; NULL: search */

    /* lists with entries out of order, to mend; mend_all: a stack could
     * not grow, so every list is looked at */
    size_t *dirty_nodes, n_dirty_nodes, dirty_nodes_cap;
    size_t *dirty_edges, n_dirty_edges, dirty_edges_cap;
    size_t *dirty_claims, n_dirty_claims, dirty_claims_cap;
    bool mend_all;

    char *key; /* scratch for edge keys */
    size_t key_cap;

    igraph_t ig;
    bool analyzed;
    size_t betweenness_sources;           /* of the last analysis; 0: exact */
    kg_community_method community_method; /* of the last analysis */
};

/* ---- graph.c */
kg_status kg_graph_nomem(kg_error *err);
kg_status kg_graph_igraph_failed(kg_error *err, igraph_error_t rc);
/* Makes room for need items; returns the (possibly moved) array, or NULL with
 * the old array still valid. */
void *kg_graph_reserve(void *items, size_t *cap, size_t need, size_t size);
/* The graph's copy of s (equal strings give the same pointer); NULL: no memory. */
const char *kg_graph_intern(kg_graph *g, const char *s);
/* A public mutator's result: its own status, or a failure to bring igraph up
 * to date or to mend the lists (which the caller must hear about even when
 * the change succeeded).  mend false leaves the lists for later. */
kg_status kg_graph_finish(kg_graph *g, kg_status st, bool mend, kg_error *err);

/* A confidence as the store keeps it: in [0, 1], NaN as 0. */
static inline double kg_graph_clamp_confidence(double c)
{
    if (!(c >= 0.0))
        return 0.0;
    return c > 1.0 ? 1.0 : c;
}

static inline int kg_graph_cmp_size(size_t a, size_t b)
{
    return (a > b) - (a < b);
}

/* ---- graph_lists.c: the graph's documents, a node's documents, an edge's
 * evidence.  Entries are appended, found through a position index once a
 * list is longer than KG_LIST_INDEX_MIN, and a list whose new entry came
 * out of order is mended by kg_graph_lists_mend. */
/* kg_graph_add_doc without mending the list. */
kg_status kg_graph_docs_offer(kg_graph *g, const char *id, const char *date, kg_error *err);
/* Records mentions of node ni per type in doc (interned), keeping the larger
 * count when the document was seen before. */
kg_status kg_graph_node_docs_offer(kg_graph *g, size_t ni, const char *doc,
                                   const size_t counts[KG_N_TYPES]);
/* Adds evidence to edge ei, or keeps the smaller of two for one (doc, sentence). */
kg_status kg_graph_evidence_offer(kg_graph *g, size_t ei, const kg_evidence *ev);
/* The same for claim ci. */
kg_status kg_graph_claim_evidence_offer(kg_graph *g, size_t ci, const kg_evidence *ev);
/* Puts every list marked out of order back in order.  On failure the lists
 * not yet mended stay marked, so a later call finishes the job. */
kg_status kg_graph_lists_mend(kg_graph *g);

/* ---- graph_node.c */
void kg_graph_tagged_free(kg_tagged_list *l);
/* Merges a node record of another graph, keeping every per-contribution key
 * so that merging graphs gives what adding all their documents would. */
kg_status kg_graph_node_merge(kg_graph *g, const kg_node_rec *src, size_t *index);

/* ---- graph_edge.c */
/* The lookup key of an edge in g->key (length *len); false: no memory. */
bool kg_graph_edge_key(kg_graph *g, const char *source, const char *relation, const char *target,
                       bool negated, size_t *len);
/* Adds or merges the edge source -> target described by spec (its source,
 * target and count are ignored), with `bare` support beyond its evidence. */
kg_status kg_graph_edge_merge(kg_graph *g, size_t source, size_t target, const kg_edge *spec,
                              size_t bare, size_t *index);

/* ---- graph_claim.c */
void kg_graph_claims_free(kg_graph *g);
/* Adds or merges src's claim as a claim of node `node` of g, with `bare`
 * support beyond its evidence. */
kg_status kg_graph_claim_merge(kg_graph *g, size_t node, const kg_claim *src, size_t bare,
                               size_t *index);
/* Puts the claims in canonical order (after the nodes were sorted). */
kg_status kg_graph_claims_sort(kg_graph *g);

#endif
