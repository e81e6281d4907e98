/* kg/graph.h - the knowledge graph: actors and places as nodes, claims as edges.
 *
 * Structure lives in an igraph directed graph; the attributes live beside it in
 * kg_node/kg_edge records indexed by igraph's vertex and edge ids (igraph's
 * attribute handler is process-global, which would break thread safety).
 *
 * Nodes are keyed by id (the entity slug; on a type conflict the type with
 * more mentions wins, ties to the lower enum value); edges by
 * (source, relation, target, negated).  Adding a node or edge that already
 * exists merges into it: aliases and roles are unioned, counts summed,
 * evidence appended.  kg_graph_sort puts nodes and edges and every list in a
 * canonical order so that output depends only on content, never on the order
 * documents were added.
 */
#ifndef KG_GRAPH_H
#define KG_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/base.h"
#include "kg/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_graph kg_graph;

/* The largest count and mention total a graph holds: sums saturate here
 * rather than wrap, since this is the largest integer that JSON readers
 * (jansson, so kg itself) take, and every graph kg writes must read back. */
#define KG_COUNT_MAX ((size_t)INT64_MAX)

typedef struct kg_evidence {
    const char *doc;         /* document id */
    const char *date;        /* "YYYY-MM-DD" or "" */
    size_t sentence;         /* sentence index within the document */
    size_t start, end;       /* byte span of the sentence */
    size_t cp_start, cp_end; /* code-point span of the sentence */
    const char *text;        /* the sentence */
} kg_evidence;

typedef struct kg_doc_count {
    const char *doc;
    size_t mentions;
} kg_doc_count;

typedef struct kg_node {
    const char *id;
    const char *label;
    kg_entity_type type;
    char iso2[3];
    char iso3[4];
    const char **aliases;
    size_t n_aliases;
    const char **roles;
    size_t n_roles;
    size_t mentions;       /* over all documents */
    const char *first_doc; /* document of the first mention (smallest id wins across docs) */
    size_t first_offset;   /* byte offset of the first mention in first_doc */
    size_t first_cp;
    kg_doc_count *docs; /* mentions per document */
    size_t n_docs;
    /* analytics, filled by kg_graph_analyze */
    double degree, weighted_degree, pagerank, betweenness;
    long component, community;
} kg_node;

typedef struct kg_edge {
    size_t source, target; /* node indices */
    const char *relation;
    bool negated;
    bool modal;        /* any supporting triple was modal */
    bool attributed;   /* every supporting triple was reported speech */
    size_t count;      /* supporting sentences: one per (doc, sentence) evidence, plus
                          support added without evidence */
    double confidence; /* highest confidence among them */
    kg_evidence *evidence;
    size_t n_evidence;
} kg_edge;

/* A value found in a claim's argument (kg_value of kg/extract.h), with the
 * words that gave it. */
typedef struct kg_claim_value {
    kg_value_kind kind;
    double amount;    /* number, percent, money */
    char currency[4]; /* money: ISO 4217, "" if unknown */
    char date[11];    /* date: "YYYY-MM-DD", "YYYY-MM" or "YYYY" */
    const char *text; /* as written: "5%", "on Monday" */
} kg_claim_value;

/* Whether a claim's entity is what the clause is about (its subject: what
 * the entity said or did) or what was done to it (its object). */
typedef enum kg_claim_role { KG_CLAIM_SUBJECT, KG_CLAIM_OBJECT } kg_claim_role;

/* What an article says an entity did or said, when the other argument is no
 * entity: "Netanyahu -[reject]-> these proposals", "Tesco -[say]-> its
 * profits rose 5%".  Keyed by (entity, role, relation, argument, negated,
 * speaker, values): the same claim in several documents or sentences is one,
 * with their evidence; modal ORed, attributed ANDed, confidence the highest,
 * as for edges. */
typedef struct kg_claim {
    size_t node; /* node index of the entity */
    kg_claim_role role;
    const char *relation; /* lemmatized, as for edges: "reject", "rise to" */
    const char *argument; /* the other argument as written; "" when the verb has none */
    bool negated;
    bool modal;
    bool attributed;              /* every supporting triple was reported speech */
    const char *speaker;          /* who is reported to have said it ("Hamas"), "" if no one */
    const kg_claim_value *values; /* in the argument, in order */
    size_t n_values;
    size_t count; /* supporting sentences, as for edges */
    double confidence;
    kg_evidence *evidence;
    size_t n_evidence;
} kg_claim;

const char *kg_claim_role_name(kg_claim_role r); /* "subject", "object" */
bool kg_claim_role_parse(const char *s, kg_claim_role *out);

typedef struct kg_graph_doc {
    const char *id;
    const char *date;
} kg_graph_doc;

kg_graph *kg_graph_new(void);
void kg_graph_free(kg_graph *g);

/* Adds a document's entities as nodes and, for every triple whose subject and
 * object are both entities (and differ), an edge with the sentence as
 * evidence; a triple with one entity argument gives a claim of that entity
 * (of a clause's overlapping readings only the fullest: "reject these
 * proposals on Monday", not also "reject proposals on Monday").
 * A document whose id g already holds is refused before anything is added
 * (KG_ERR_INPUT, "PATH: document id "X" is already that of OTHER-PATH"): two
 * inputs under one id would mix their evidence (a.txt and a.md, two JSON
 * Lines records with id 1 and "1").  The same path again is the same
 * document, and adds nothing.  The lists it extends (the graph's documents,
 * each node's documents, each edge's evidence) may keep new entries at their
 * end until kg_graph_sort or the next other call that changes g puts them in
 * order: mending them at every document cost the square of a corpus whose
 * documents all name one person. */
kg_status kg_graph_add_document(kg_graph *g, const kg_document *d, kg_error *err);

/* Low-level construction, used by add_document, the JSON reader and tests.
 * Strings are copied.  *index receives the node's index (new or merged). */
kg_status kg_graph_add_node(kg_graph *g, const kg_node *spec, size_t *index, kg_error *err);
kg_status kg_graph_add_edge(kg_graph *g, const kg_edge *spec, size_t *index, kg_error *err);
kg_status kg_graph_add_doc(kg_graph *g, const char *id, const char *date, kg_error *err);
/* Adds or merges a claim of node spec->node (strings and values copied;
 * count as for kg_graph_add_edge). */
kg_status kg_graph_add_claim(kg_graph *g, const kg_claim *spec, size_t *index, kg_error *err);

/* Canonical order: nodes by id, edges by (source id, target id,
 * relation, negated), claims by (entity id, role, relation, argument,
 * negated, speaker, values), evidence by (doc, sentence), aliases/roles as first seen
 * in the earliest document.  Node and edge indices change. */
kg_status kg_graph_sort(kg_graph *g, kg_error *err);

/* Merges every node, edge and document of src into dst. */
kg_status kg_graph_merge(kg_graph *dst, const kg_graph *src, kg_error *err);

/* Across documents: a person named by surname alone ("Peston") joins the
 * one person of *g whose name kg diff takes for the same person
 * (kg_diff_names_compatible: "Robert Peston"), with its mentions, aliases,
 * roles, documents and edges; with two such people it stays apart.  *g is
 * replaced when anything joined (*joined says how many); on failure it is
 * left as it was. */
kg_status kg_graph_join_surnames(kg_graph **g, size_t *joined, kg_error *err);

size_t kg_graph_node_count(const kg_graph *g);
size_t kg_graph_claim_count(const kg_graph *g);
const kg_claim *kg_graph_claim(const kg_graph *g, size_t i);
size_t kg_graph_edge_count(const kg_graph *g);
const kg_node *kg_graph_node(const kg_graph *g, size_t i);
const kg_edge *kg_graph_edge(const kg_graph *g, size_t i);
size_t kg_graph_doc_count(const kg_graph *g);
const kg_graph_doc *kg_graph_doc_at(const kg_graph *g, size_t i);
/* Index of the node with this id (any type), or -1. */
long kg_graph_find_node(const kg_graph *g, const char *id);

/* The igraph structure (vertex i == node i, edge j == edge j), valid until the
 * graph is next changed.  Declared as void* so that this header does not pull
 * in igraph; cast to (const igraph_t *). */
const void *kg_graph_igraph(const kg_graph *g);

/* Degree, weighted degree (by count), PageRank, betweenness, weakly connected
 * components and communities (Louvain on the undirected weighted view).
 * Betweenness is exact up to KG_BETWEENNESS_EXACT_MAX_NODES nodes.  Exact
 * betweenness costs a breadth-first search from every node (100,000 nodes:
 * over 600 s), so above that it is estimated from KG_BETWEENNESS_SOURCES
 * sources spread evenly over the nodes in id order (Brandes and Pich 2007):
 * the sum over those sources, scaled by nodes / sources; the same graph gives
 * the same numbers.  kg_graph_betweenness_sources says which was done. */
kg_status kg_graph_analyze(kg_graph *g, kg_error *err);
#define KG_BETWEENNESS_EXACT_MAX_NODES ((size_t)10000)
#define KG_BETWEENNESS_SOURCES ((size_t)1000)
/* Communities are found by Louvain up to KG_COMMUNITY_LOUVAIN_MAX_NODES
 * nodes and by Leiden (KG_COMMUNITY_LEIDEN_ITERATIONS iterations, maximizing
 * the same modularity) above: igraph's Louvain repeats its moving phase
 * while modularity rises at all, and on 100,000 nodes took 460 passes (17 s),
 * where Leiden's fixed iterations took 0.4 s for the same modularity.  Both
 * are seeded, so the same graph gives the same communities;
 * kg_graph_community_method says which ran. */
#define KG_COMMUNITY_LOUVAIN_MAX_NODES ((size_t)10000)
#define KG_COMMUNITY_LEIDEN_ITERATIONS 2
typedef struct kg_analyze_options {
    size_t exact_max_nodes;   /* betweenness is exact up to this many nodes; SIZE_MAX: always */
    size_t sources;           /* sources of the estimate above that */
    size_t louvain_max_nodes; /* Louvain up to this many nodes, Leiden above; SIZE_MAX: always */
} kg_analyze_options;
void kg_analyze_options_init(kg_analyze_options *o); /* the defaults above */
kg_status kg_graph_analyze_with(kg_graph *g, const kg_analyze_options *o, kg_error *err);
/* How many sources the last analysis estimated betweenness from; 0 when it
 * was exact (or the graph was not analyzed). */
size_t kg_graph_betweenness_sources(const kg_graph *g);
typedef enum kg_community_method {
    KG_COMMUNITY_NONE,    /* not analyzed */
    KG_COMMUNITY_LOUVAIN, /* igraph_community_multilevel */
    KG_COMMUNITY_LEIDEN   /* igraph_community_leiden, modularity */
} kg_community_method;
/* How the last analysis found communities. */
kg_community_method kg_graph_community_method(const kg_graph *g);
/* "louvain", "leiden" or "none", for messages and stats. */
const char *kg_community_method_name(kg_community_method m);
/* True after kg_graph_analyze until nodes or edges next change: whether the
 * analytics fields of kg_node are meaningful (exporters write them only then). */
bool kg_graph_analyzed(const kg_graph *g);

/* Reads a graph back from the node-link JSON that kg_export_json writes
 * (docs/json-format.md), validating as it goes: malformed JSON is reported as
 * "FILE:LINE:COLUMN: message", a missing or mistyped field by its path
 * ("FILE: nodes[3].type: expected a string"), an edge endpoint that names no
 * node as "FILE: edges[7].target: no node with id \"x\"", and a
 * schema_version other than the one written here by that field.  Loading then
 * exporting gives the original bytes.  *out is a new graph (kg_graph_free).
 * path "-" is standard input; a file larger than KG_GRAPH_JSON_MAX_BYTES is
 * refused ("FILE: larger than N bytes") after reading no more than that, and
 * a UTF-8 byte order mark before the JSON is skipped. */
kg_status kg_graph_load_json(const char *path, kg_graph **out, kg_error *err);
/* The node-link schema kg writes: 2 added the claims, 3 names the edge
 * array "edges" (networkx 3.6's default) instead of "links".  The reader
 * takes 1 to 3, with either name. */
#define KG_JSON_SCHEMA_VERSION 3
/* Largest graph JSON read: four times the largest article kg reads (a graph
 * of 200,000 documents is about 60 MB). */
#define KG_GRAPH_JSON_MAX_BYTES ((size_t)256 * 1024 * 1024)
/* The same over a buffer; name stands for the file in messages. */
kg_status kg_graph_load_json_buffer(const char *name, const char *data, size_t len, kg_graph **out,
                                    kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
