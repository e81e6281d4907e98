/* attrs.c - the one list of what GraphML, GEXF and CSV write of a node and
 * an edge (see attrs.h).
 *
 * The formats differ in what they put elsewhere: GEXF writes a node's label
 * and an edge's label and weight in the element itself, and CSV writes the
 * label as the name column and the type as neo4j's :LABEL, so those are
 * GraphML's only here.  GraphML has no list type and leaves out a node's
 * documents.  The first evidence, in (document, sentence) order, stands for
 * all of an edge's (text, document, sentence); the JSON keeps them all.
 */
#include "attrs.h"

#include <stdio.h>

#include "dot_build.h"

/* The attributes in the order of the files: a field's value is read by
 * node_value or edge_value. */
typedef enum field {
    LABEL,
    TYPE,
    MENTIONS,
    ALIASES,
    ROLES,
    DOCUMENTS,
    ISO2,
    ISO3,
    DEGREE,
    WEIGHTED_DEGREE,
    PAGERANK,
    BETWEENNESS,
    COMPONENT,
    COMMUNITY,
    RELATION,
    COUNT,
    NEGATED,
    MODAL,
    ATTRIBUTED,
    CONFIDENCE,
    WEIGHT,
    EDGE_LABEL,
    EVIDENCE,
    DOCUMENT,
    SENTENCE,
    FIELDS
} field;

#define XML (KG_ATTRS_GRAPHML | KG_ATTRS_GEXF)
#define ALL (KG_ATTRS_GRAPHML | KG_ATTRS_GEXF | KG_ATTRS_CSV)

static const kg_attr attrs[FIELDS] = {
    [LABEL] = {"label", "label", KG_ATTR_STR, false, false, KG_ATTRS_GRAPHML},
    [TYPE] = {"type", "type", KG_ATTR_STR, false, false, XML},
    [MENTIONS] = {"mentions", "mentions", KG_ATTR_INT, false, false, ALL},
    [ALIASES] = {"aliases", "aliases", KG_ATTR_LIST, false, false, ALL},
    [ROLES] = {"roles", "roles", KG_ATTR_LIST, false, false, ALL},
    [DOCUMENTS] = {"documents", "documents", KG_ATTR_LIST, false, false,
                   KG_ATTRS_GEXF | KG_ATTRS_CSV},
    [ISO2] = {"iso2", "iso2", KG_ATTR_STR, false, false, XML},
    [ISO3] = {"iso3", "iso3", KG_ATTR_STR, false, false, XML},
    [DEGREE] = {"degree", "degree", KG_ATTR_NUM, false, true, XML},
    [WEIGHTED_DEGREE] = {"weighted_degree", "weighted_degree", KG_ATTR_NUM, false, true, XML},
    [PAGERANK] = {"pagerank", "pagerank", KG_ATTR_NUM, false, true, XML},
    [BETWEENNESS] = {"betweenness", "betweenness", KG_ATTR_NUM, false, true, XML},
    [COMPONENT] = {"component", "component", KG_ATTR_INT, false, true, XML},
    [COMMUNITY] = {"community", "community", KG_ATTR_INT, false, true, XML},
    [RELATION] = {"relation", "relation", KG_ATTR_STR, true, false, ALL},
    [COUNT] = {"count", "count", KG_ATTR_INT, true, false, ALL},
    [NEGATED] = {"negated", "negated", KG_ATTR_BOOL, true, false, ALL},
    [MODAL] = {"modal", "modal", KG_ATTR_BOOL, true, false, ALL},
    [ATTRIBUTED] = {"attributed", "attributed", KG_ATTR_BOOL, true, false, ALL},
    [CONFIDENCE] = {"confidence", "confidence", KG_ATTR_NUM, true, false, ALL},
    /* the count again, under the name Gephi and yEd take for a weight */
    [WEIGHT] = {"weight", "weight", KG_ATTR_NUM, true, false, KG_ATTRS_GRAPHML},
    /* the relation again, to draw on the edge */
    [EDGE_LABEL] = {"edge_label", "label", KG_ATTR_STR, true, false, KG_ATTRS_GRAPHML},
    [EVIDENCE] = {"evidence", "evidence", KG_ATTR_STR, true, false, ALL},
    [DOCUMENT] = {"document", "document", KG_ATTR_STR, true, false, ALL},
    [SENTENCE] = {"sentence", "sentence", KG_ATTR_INT, true, false, ALL},
};

static bool writes(const kg_attr *a, bool edge, unsigned format, bool analyzed)
{
    return a->edge == edge && (a->formats & format) && (analyzed || !a->metric);
}

void kg_attrs_declare(bool edge, unsigned format, bool analyzed, kg_attr_declare_fn declare,
                      void *ctx)
{
    for (size_t f = 0; f < FIELDS; f++)
        if (writes(&attrs[f], edge, format, analyzed))
            declare(ctx, &attrs[f]);
}

const char *kg_attrs_type_name(kg_attr_type t)
{
    switch (t) {
    case KG_ATTR_INT:
        return "long";
    case KG_ATTR_NUM:
        return "double";
    case KG_ATTR_BOOL:
        return "boolean";
    case KG_ATTR_LIST:
        return "liststring";
    default:
        return "string";
    }
}

/* ---------------------------------------------------------------- values */

const char *kg_attrs_scalar(const kg_attr_value *v, int precision, char *buf, size_t size)
{
    switch (v->type) {
    case KG_ATTR_INT:
        snprintf(buf, size, "%lld", v->i);
        return buf;
    case KG_ATTR_NUM:
        kg_export_format_double(buf, size, precision, v->num);
        return buf;
    case KG_ATTR_BOOL:
        return v->b ? "true" : "false";
    default:
        return NULL;
    }
}

static const kg_attr_value none = {.type = KG_ATTR_NONE};

static kg_attr_value str(const char *s)
{
    return (kg_attr_value){.type = KG_ATTR_STR, .str = s};
}

/* A string that is not set ("") is none. */
static kg_attr_value str_set(const char *s)
{
    return s[0] ? str(s) : none;
}

static kg_attr_value integer(long long i)
{
    return (kg_attr_value){.type = KG_ATTR_INT, .i = i};
}

static kg_attr_value num(double v)
{
    return (kg_attr_value){.type = KG_ATTR_NUM, .num = v};
}

static kg_attr_value boolean(bool b)
{
    return (kg_attr_value){.type = KG_ATTR_BOOL, .b = b};
}

static kg_attr_value list(kg_attr_item_fn item, const void *ctx, size_t n)
{
    return (kg_attr_value){.type = KG_ATTR_LIST, .list = {item, ctx, n}};
}

static const char *string_item(const void *ctx, size_t i)
{
    return ((const char *const *)ctx)[i];
}

static const char *doc_item(const void *ctx, size_t i)
{
    return ((const kg_doc_count *)ctx)[i].doc;
}

static kg_attr_value node_value(field f, const kg_node *n)
{
    switch (f) {
    case LABEL:
        return str(n->label);
    case TYPE:
        return str(kg_entity_type_name(n->type));
    case MENTIONS:
        return integer((long long)n->mentions);
    case ALIASES:
        return list(string_item, n->aliases, n->n_aliases);
    case ROLES:
        return list(string_item, n->roles, n->n_roles);
    case DOCUMENTS:
        return list(doc_item, n->docs, n->n_docs);
    case ISO2:
        return str_set(n->iso2);
    case ISO3:
        return str_set(n->iso3);
    case DEGREE:
        return num(n->degree);
    case WEIGHTED_DEGREE:
        return num(n->weighted_degree);
    case PAGERANK:
        return num(n->pagerank);
    case BETWEENNESS:
        return num(n->betweenness);
    case COMPONENT:
        return integer(n->component);
    case COMMUNITY:
        return integer(n->community);
    default: /* an edge's: not asked for */
        return none;
    }
}

static kg_attr_value edge_value(field f, const kg_edge *e)
{
    const kg_evidence *ev = e->n_evidence ? &e->evidence[0] : NULL;
    switch (f) {
    case RELATION:
    case EDGE_LABEL:
        return str(e->relation);
    case COUNT:
    case WEIGHT: /* declared a double; an integer is one */
        return integer((long long)e->count);
    case NEGATED:
        return boolean(e->negated);
    case MODAL:
        return boolean(e->modal);
    case ATTRIBUTED:
        return boolean(e->attributed);
    case CONFIDENCE:
        return num(e->confidence);
    case EVIDENCE:
        return ev ? str(ev->text) : none;
    case DOCUMENT:
        return ev ? str(ev->doc) : none;
    case SENTENCE:
        return ev ? integer((long long)ev->sentence) : none;
    default: /* a node's: not asked for */
        return none;
    }
}

void kg_attrs_node(const kg_node *n, unsigned format, bool analyzed, kg_attr_put_fn put, void *ctx)
{
    for (size_t f = 0; f < FIELDS; f++)
        if (writes(&attrs[f], false, format, analyzed)) {
            kg_attr_value v = node_value((field)f, n);
            put(ctx, &attrs[f], &v);
        }
}

void kg_attrs_edge(const kg_edge *e, unsigned format, kg_attr_put_fn put, void *ctx)
{
    for (size_t f = 0; f < FIELDS; f++)
        if (writes(&attrs[f], true, format, false)) {
            kg_attr_value v = edge_value((field)f, e);
            put(ctx, &attrs[f], &v);
        }
}
