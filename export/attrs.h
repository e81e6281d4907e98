/* attrs.h - the attributes that the table exports (GraphML, GEXF, CSV) write
 * of a node and an edge (export/ only, not installed).
 *
 * attrs.c holds the one list of them, in the order the files write them,
 * with their types, the formats that write each and which are metrics
 * (written only after kg_graph_analyze).  A format visits the list through a
 * callback and keeps only its own syntax: how it declares an attribute and
 * how it writes a value.
 */
#ifndef KG_EXPORT_ATTRS_H
#define KG_EXPORT_ATTRS_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/graph.h"

/* An attribute's type, and the tag of a value (KG_ATTR_NONE: the node or
 * edge has none, as an iso code not set or the evidence of an edge of
 * none).  The two may differ: GraphML's weight is declared a double and
 * written as the integer count. */
typedef enum kg_attr_type {
    KG_ATTR_NONE,
    KG_ATTR_STR,
    KG_ATTR_INT,
    KG_ATTR_NUM,
    KG_ATTR_BOOL,
    KG_ATTR_LIST, /* of strings */
} kg_attr_type;

/* The formats, as bits. */
enum { KG_ATTRS_GRAPHML = 1u << 0, KG_ATTRS_GEXF = 1u << 1, KG_ATTRS_CSV = 1u << 2 };

typedef struct kg_attr {
    const char *id;   /* unique over nodes and edges: "edge_label" */
    const char *name; /* as tools show it: "label" */
    kg_attr_type type;
    bool edge;        /* an edge's, not a node's */
    bool metric;      /* only after kg_graph_analyze */
    unsigned formats; /* KG_ATTRS_* that write it */
} kg_attr;

/* The i-th string of a list value. */
typedef const char *(*kg_attr_item_fn)(const void *ctx, size_t i);

typedef struct kg_attr_value {
    kg_attr_type type;
    union {
        const char *str; /* may be NULL, written as "" */
        long long i;
        double num;
        bool b;
        struct {
            kg_attr_item_fn item;
            const void *ctx;
            size_t n;
        } list;
    };
} kg_attr_value;

/* The XML Schema name of a type ("long", "double", "boolean", "string"),
 * which GraphML, GEXF and neo4j share; a list is GEXF's "liststring". */
const char *kg_attrs_type_name(kg_attr_type t);
/* The text of an integer, number (precision significant digits) or boolean
 * value, in buf if it needs one; NULL for a string, a list or none. */
const char *kg_attrs_scalar(const kg_attr_value *v, int precision, char *buf, size_t size);

typedef void (*kg_attr_declare_fn)(void *ctx, const kg_attr *a);
typedef void (*kg_attr_put_fn)(void *ctx, const kg_attr *a, const kg_attr_value *v);

/* Calls declare(ctx, a) for each node attribute (edge: each edge attribute)
 * that format writes, in order; the metrics only when analyzed. */
void kg_attrs_declare(bool edge, unsigned format, bool analyzed, kg_attr_declare_fn declare,
                      void *ctx);
/* Calls put(ctx, a, value) for the same attributes, with n's (e's) values;
 * a value of KG_ATTR_NONE is the caller's to skip or write empty. */
void kg_attrs_node(const kg_node *n, unsigned format, bool analyzed, kg_attr_put_fn put, void *ctx);
void kg_attrs_edge(const kg_edge *e, unsigned format, kg_attr_put_fn put, void *ctx);

#endif
