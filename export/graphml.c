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
 * iso2, iso3 for nodes (iso codes only when set); relation, count, negated,
 * modal, attributed, confidence for edges; and the metrics after
 * kg_graph_analyze.
 */
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "kg/export.h"

/* Writes s escaped for XML text and attribute values.  Characters XML 1.0
 * cannot hold (kg_export_xml_char) become U+FFFD, so the file stays
 * well-formed whatever the article held. */
static void xml_text(FILE *out, const char *s)
{
    bool ok;
    for (size_t len; *s; s += len) {
        len = kg_export_xml_char(s, &ok);
        if (!ok) {
            fputs("\xEF\xBF\xBD", out);
            continue;
        }
        if (len > 1) {
            fwrite(s, 1, len, out);
            continue;
        }
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

typedef struct key {
    const char *id, *domain, *type;
    bool metric;
} key;

static const key keys[] = {
    {"label", "node", "string", false},
    {"type", "node", "string", false},
    {"mentions", "node", "long", false},
    {"iso2", "node", "string", false},
    {"iso3", "node", "string", false},
    {"degree", "node", "double", true},
    {"weighted_degree", "node", "double", true},
    {"pagerank", "node", "double", true},
    {"betweenness", "node", "double", true},
    {"component", "node", "long", true},
    {"community", "node", "long", true},
    {"relation", "edge", "string", false},
    {"count", "edge", "long", false},
    {"negated", "edge", "boolean", false},
    {"modal", "edge", "boolean", false},
    {"attributed", "edge", "boolean", false},
    {"confidence", "edge", "double", false},
};

static void data_str(FILE *out, const char *key, const char *value)
{
    fprintf(out, "      <data key=\"%s\">", key);
    xml_text(out, value);
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
    xml_text(out, n->id);
    fputs("\">\n", out);
    data_str(out, "label", n->label);
    data_str(out, "type", kg_entity_type_name(n->type));
    data_int(out, "mentions", (long long)n->mentions);
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
    xml_text(out, kg_graph_node(g, e->source)->id);
    fputs("\" target=\"", out);
    xml_text(out, kg_graph_node(g, e->target)->id);
    fputs("\">\n", out);
    data_str(out, "relation", e->relation);
    data_int(out, "count", (long long)e->count);
    data_bool(out, "negated", e->negated);
    data_bool(out, "modal", e->modal);
    data_bool(out, "attributed", e->attributed);
    data_num(out, "confidence", e->confidence);
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
                    keys[i].id, keys[i].domain, keys[i].id, keys[i].type);
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
