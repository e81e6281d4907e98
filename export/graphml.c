/* graphml.c - GraphML for Gephi, yEd, networkx and igraph.
 *
 * Written here rather than with igraph_write_graph_graphml: igraph writes
 * attributes only through its attribute handler, which is process-global
 * (installing one would change every igraph graph in the process), and
 * without it the file would hold bare structure.  The format is small; what
 * needs care is XML escaping, done for every string.
 *
 * Node ids are the kg ids (slugs), so files from different runs join on
 * them.  Attributes are declared with <key> elements: label, type, mentions,
 * aliases, roles, iso2, iso3 for nodes (iso codes only when set); relation,
 * count, negated, modal, attributed, confidence, weight (the count again, the
 * name Gephi and yEd take for a weight), label (the relation, to draw on the
 * edge) and the first evidence's text, document and sentence for edges (the
 * three only when there is evidence); and the metrics after
 * kg_graph_analyze.  GraphML has no list type, so aliases and roles are one
 * string each, joined by "; " (the JSON keeps the lists exact).  Key ids are
 * unique over the file, so the edge label's key is "edge_label" with
 * attr.name "label".
 */
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "kg/export.h"

typedef struct key {
    const char *id, *domain, *name, *type;
    bool metric;
} key;

static const key keys[] = {
    {"label", "node", "label", "string", false},
    {"type", "node", "type", "string", false},
    {"mentions", "node", "mentions", "long", false},
    {"aliases", "node", "aliases", "string", false},
    {"roles", "node", "roles", "string", false},
    {"iso2", "node", "iso2", "string", false},
    {"iso3", "node", "iso3", "string", false},
    {"degree", "node", "degree", "double", true},
    {"weighted_degree", "node", "weighted_degree", "double", true},
    {"pagerank", "node", "pagerank", "double", true},
    {"betweenness", "node", "betweenness", "double", true},
    {"component", "node", "component", "long", true},
    {"community", "node", "community", "long", true},
    {"relation", "edge", "relation", "string", false},
    {"count", "edge", "count", "long", false},
    {"negated", "edge", "negated", "boolean", false},
    {"modal", "edge", "modal", "boolean", false},
    {"attributed", "edge", "attributed", "boolean", false},
    {"confidence", "edge", "confidence", "double", false},
    {"weight", "edge", "weight", "double", false},
    {"edge_label", "edge", "label", "string", false},
    {"evidence", "edge", "evidence", "string", false},
    {"document", "edge", "document", "string", false},
    {"sentence", "edge", "sentence", "long", false},
};

static void data_str(FILE *out, const char *key, const char *value)
{
    fprintf(out, "      <data key=\"%s\">", key);
    kg_export_xml_write(out, value, false);
    fputs("</data>\n", out);
}

/* items joined by "; ", as one string */
static void data_list(FILE *out, const char *key, const char *const *items, size_t n)
{
    fprintf(out, "      <data key=\"%s\">", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs("; ", out);
        kg_export_xml_write(out, items[i], false);
    }
    fputs("</data>\n", out);
}

static void data_num(FILE *out, const char *key, double value)
{
    char buf[64];
    kg_export_format_double(buf, sizeof buf, 10, value);
    fprintf(out, "      <data key=\"%s\">%s</data>\n", key, buf);
}

static void data_int(FILE *out, const char *key, long long value)
{
    fprintf(out, "      <data key=\"%s\">%lld</data>\n", key, value);
}

static void data_bool(FILE *out, const char *key, bool value)
{
    fprintf(out, "      <data key=\"%s\">%s</data>\n", key, value ? "true" : "false");
}

static void write_node(FILE *out, const kg_node *n, bool analyzed)
{
    fputs("    <node id=\"", out);
    kg_export_xml_write(out, n->id, true);
    fputs("\">\n", out);
    data_str(out, "label", n->label);
    data_str(out, "type", kg_entity_type_name(n->type));
    data_int(out, "mentions", (long long)n->mentions);
    data_list(out, "aliases", n->aliases, n->n_aliases);
    data_list(out, "roles", n->roles, n->n_roles);
    if (n->iso2[0])
        data_str(out, "iso2", n->iso2);
    if (n->iso3[0])
        data_str(out, "iso3", n->iso3);
    if (analyzed) {
        data_num(out, "degree", n->degree);
        data_num(out, "weighted_degree", n->weighted_degree);
        data_num(out, "pagerank", n->pagerank);
        data_num(out, "betweenness", n->betweenness);
        data_int(out, "component", n->component);
        data_int(out, "community", n->community);
    }
    fputs("    </node>\n", out);
}

static void write_edge(FILE *out, const kg_graph *g, size_t j)
{
    const kg_edge *e = kg_graph_edge(g, j);
    fprintf(out, "    <edge id=\"e%zu\" source=\"", j);
    kg_export_xml_write(out, kg_graph_node(g, e->source)->id, true);
    fputs("\" target=\"", out);
    kg_export_xml_write(out, kg_graph_node(g, e->target)->id, true);
    fputs("\">\n", out);
    data_str(out, "relation", e->relation);
    data_int(out, "count", (long long)e->count);
    data_bool(out, "negated", e->negated);
    data_bool(out, "modal", e->modal);
    data_bool(out, "attributed", e->attributed);
    data_num(out, "confidence", e->confidence);
    data_int(out, "weight", (long long)e->count);
    data_str(out, "edge_label", e->relation);
    if (e->n_evidence) {
        data_str(out, "evidence", e->evidence[0].text);
        data_str(out, "document", e->evidence[0].doc);
        data_int(out, "sentence", (long long)e->evidence[0].sentence);
    }
    fputs("    </edge>\n", out);
}

kg_status kg_export_graphml(const kg_graph *g, FILE *out, kg_error *err)
{
    bool analyzed = kg_graph_analyzed(g);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
          "  <!-- kg " KG_VERSION " -->\n",
          out);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (analyzed || !keys[i].metric)
            fprintf(out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                    keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
    fputs("  <graph id=\"kg\" edgedefault=\"directed\">\n", out);
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        write_node(out, kg_graph_node(g, i), analyzed);
    for (size_t j = 0; j < kg_graph_edge_count(g); j++)
        write_edge(out, g, j);
    fputs("  </graph>\n</graphml>\n", out);
    if (ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}
