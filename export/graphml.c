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
#include "attrs.h"
#include "dot_build.h"
#include "kg/export.h"

static void declare(void *out, const kg_attr *a)
{
    fprintf(out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a->id,
            a->edge ? "edge" : "node", a->name,
            /* GraphML has no list type: a list is one string */
            a->type == KG_ATTR_LIST ? "string" : kg_attrs_type_name(a->type));
}

static void data(void *ctx, const kg_attr *a, const kg_attr_value *v)
{
    FILE *out = ctx;
    char buf[64];
    if (v->type == KG_ATTR_NONE)
        return;
    fprintf(out, "      <data key=\"%s\">", a->id);
    if (v->type == KG_ATTR_STR) {
        kg_export_xml_write(out, v->str, false);
    } else if (v->type == KG_ATTR_LIST) { /* items joined by "; " */
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                fputs("; ", out);
            kg_export_xml_write(out, v->list.item(v->list.ctx, i), false);
        }
    } else {
        fputs(kg_attrs_scalar(v, 10, buf, sizeof buf), out);
    }
    fputs("</data>\n", out);
}

static void write_node(FILE *out, const kg_node *n, bool analyzed)
{
    fputs("    <node id=\"", out);
    kg_export_xml_write(out, n->id, true);
    fputs("\">\n", out);
    kg_attrs_node(n, KG_ATTRS_GRAPHML, analyzed, data, out);
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
    kg_attrs_edge(e, KG_ATTRS_GRAPHML, data, out);
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
    kg_attrs_declare(false, KG_ATTRS_GRAPHML, analyzed, declare, out);
    kg_attrs_declare(true, KG_ATTRS_GRAPHML, analyzed, declare, out);
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
