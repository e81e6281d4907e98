/* load_json_internal.h - the pieces of kg_graph_load_json (load_json.c),
 * shared by the files that make it up and by nobody else:
 *   load_json_fields.c  the loader's path, its messages and typed fields
 *   load_json_nodes.c   the nodes, with their documents and metrics
 *   load_json_edges.c   the edges and the claims, with their evidence
 * load_json.c itself tells the styles apart, reads the graph's own record
 * (schema version, documents) and drives the rest. */
#ifndef KG_LOAD_JSON_INTERNAL_H
#define KG_LOAD_JSON_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "graph_internal.h"
#include "strmap.h"

/* The JSON styles kg writes (export/json.c), told apart by their top-level
 * keys. */
typedef enum kg_load_style {
    KG_LOAD_NODE_LINK,
    KG_LOAD_CYTOSCAPE,
    KG_LOAD_GRAPHOLOGY,
    KG_LOAD_JGF
} kg_load_style;

typedef struct kg_loader {
    const char *name; /* the file, for messages */
    kg_error *err;
    kg_graph *g;
    kg_strmap *docs; /* graph.documents[].id: every other document id must be one */
    kg_load_style style;
    const char *nodes_at; /* where the nodes are: "nodes", "elements.nodes", "graph.nodes" */
    const char *edges_at; /* "edges", "links", "elements.edges", "graph.edges" */
    char path[160];       /* the record being read: "nodes[3]", "edges[7].evidence[0]" */
    size_t path_len;
} kg_loader;

/* A node's metrics as the file gives them, restored once the whole graph is
 * in (any change to nodes or edges clears them). */
typedef struct kg_load_metrics {
    double degree, weighted_degree, pagerank, betweenness;
    long component, community;
} kg_load_metrics;

/* ---- load_json_fields.c */

/* "NAME: PATH.key: what"; key may be NULL (the record itself). */
kg_status kg_load_fail(kg_loader *l, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Descends into a record: the path grows by the printf'd text; returns the
 * length to restore with kg_load_leave. */
size_t kg_load_enter(kg_loader *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void kg_load_leave(kg_loader *l, size_t mark);
/* "an object", "a string", ...: what v is, for messages. */
const char *kg_load_kind(const json_t *v);
kg_status kg_load_nomem(kg_loader *l);

/* The typed fields of obj; each fails naming PATH.key.  A field that is
 * absent and not required is no error: kg_load_field, _get_array and
 * _get_object set *out to NULL, the others leave it as it was. */
kg_status kg_load_field(kg_loader *l, const json_t *obj, const char *key, json_type want,
                        bool required, const char *expected, json_t **v);
kg_status kg_load_get_string(kg_loader *l, const json_t *obj, const char *key, bool required,
                             const char **out);
kg_status kg_load_get_id(kg_loader *l, const json_t *obj, const char *key, const char **out);
kg_status kg_load_get_doc(kg_loader *l, const json_t *obj, const char *key, const char **out);
kg_status kg_load_get_date(kg_loader *l, const json_t *obj, const char *key, const char **out);
kg_status kg_load_get_size(kg_loader *l, const json_t *obj, const char *key, bool required,
                           size_t *out);
kg_status kg_load_get_long(kg_loader *l, const json_t *obj, const char *key, long *out);
kg_status kg_load_get_number(kg_loader *l, const json_t *obj, const char *key, bool required,
                             double *out);
kg_status kg_load_get_bool(kg_loader *l, const json_t *obj, const char *key, bool *out);
kg_status kg_load_get_array(kg_loader *l, const json_t *obj, const char *key, bool required,
                            json_type items, json_t **out);
kg_status kg_load_get_object(kg_loader *l, const json_t *el, const char *key, bool required,
                             json_t **out);

/* ---- the records: parent's list under key, at the loader's path */

/* The nodes; *out (malloc'd, one a node) gets their metrics, and *analyzed
 * whether every node had them. */
kg_status kg_load_read_nodes(kg_loader *l, const json_t *parent, const char *key,
                             kg_load_metrics **out, bool *analyzed);
kg_status kg_load_read_links(kg_loader *l, const json_t *parent, const char *key, bool required);
/* Node-link's top-level "claims" (none in a version 1 file). */
kg_status kg_load_read_claims(kg_loader *l, const json_t *root);

#endif
