/* gexf.c - GEXF 1.3 for Gephi (and networkx's read_gexf).
 *
 * What Gephi shows without any set-up: node labels, a colour per entity type
 * and a size that grows with mentions (viz module), edge weights (count) and
 * labels (relation), and, when the articles are dated, a timeline: the graph
 * is then dynamic with dates as time, and every node and edge that a dated
 * document supports carries start and end, the earliest and latest date of
 * the documents that mention it (a node) or give its evidence (an edge).
 * Everything else is declared in <attributes>: lists (aliases, roles,
 * documents) as liststring, written as Gephi prints arrays ("[\"a\", \"b\"]",
 * '\' and '"' escaped with '\'), so Gephi reads them back as string lists.
 *
 * Text goes through kg_export_xml_write (xml.c), so the file is well-formed
 * whatever an article held.  Nodes and edges come in the graph's order (sorted
 * by kg_export_write) and nothing depends on the clock, so the same graph
 * gives the same bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attrs.h"
#include "dot_build.h"
#include "kg/export.h"

/* One fixed colour a type, the Okabe-Ito colours dot.c draws with, so a
 * graph looks alike in Graphviz and Gephi; "other" for a type this file does
 * not know. */
typedef struct rgb {
    unsigned char r, g, b;
} rgb;

static rgb type_color(kg_entity_type t)
{
    switch (t) {
    case KG_ENT_PERSON:
        return (rgb){0x56, 0xB4, 0xE9}; /* sky blue */
    case KG_ENT_ORGANIZATION:
        return (rgb){0xE6, 0x9F, 0x00}; /* orange */
    case KG_ENT_COUNTRY:
        return (rgb){0x00, 0x9E, 0x73}; /* bluish green */
    case KG_ENT_LOCATION:
        return (rgb){0xF0, 0xE4, 0x42}; /* yellow */
    }
    return (rgb){0x99, 0x99, 0x99}; /* other: grey */
}

/* ---------------------------------------------------------------- dates */

/* The graph's documents by id, to find the date of a node's documents. */
typedef struct doc_dates {
    const kg_graph_doc **docs;
    size_t n;
} doc_dates;

static int doc_cmp(const void *a, const void *b)
{
    return strcmp((*(const kg_graph_doc *const *)a)->id, (*(const kg_graph_doc *const *)b)->id);
}

static kg_status doc_dates_init(doc_dates *d, const kg_graph *g, kg_error *err)
{
    d->n = kg_graph_doc_count(g);
    d->docs = malloc((d->n ? d->n : 1) * sizeof *d->docs);
    if (!d->docs)
        return kg_error_set(err, KG_ERR_NOMEM, "gexf: out of memory");
    for (size_t i = 0; i < d->n; i++)
        d->docs[i] = kg_graph_doc_at(g, i);
    /* sorted here: the writer takes a const graph, sorted or not */
    qsort(d->docs, d->n, sizeof *d->docs, doc_cmp);
    return KG_OK;
}

static bool is_date(const char *s)
{
    return s && strlen(s) == 10 && kg_date_check(s);
}

/* The date of document id, or NULL when it has none (or g has no such
 * document). */
static const char *doc_date(const doc_dates *d, const char *id)
{
    kg_graph_doc key = {id, NULL};
    const kg_graph_doc *kp = &key;
    const kg_graph_doc **hit = d->n ? bsearch(&kp, d->docs, d->n, sizeof *d->docs, doc_cmp) : NULL;
    return hit && is_date((*hit)->date) ? (*hit)->date : NULL;
}

/* The earliest and latest of the dates seen; NULL while none. */
typedef struct span {
    const char *start, *end;
} span;

static void span_add(span *s, const char *date)
{
    if (!date)
        return;
    if (!s->start || strcmp(date, s->start) < 0)
        s->start = date;
    if (!s->end || strcmp(date, s->end) > 0)
        s->end = date;
}

static span node_span(const doc_dates *d, const kg_node *n)
{
    span s = {NULL, NULL};
    for (size_t i = 0; i < n->n_docs; i++)
        span_add(&s, doc_date(d, n->docs[i].doc));
    return s;
}

/* Evidence carries its document's date; a hand-written graph may give it only
 * on the document. */
static span edge_span(const doc_dates *d, const kg_edge *e)
{
    span s = {NULL, NULL};
    for (size_t i = 0; i < e->n_evidence; i++) {
        const kg_evidence *ev = &e->evidence[i];
        span_add(&s, is_date(ev->date) ? ev->date : doc_date(d, ev->doc));
    }
    return s;
}

static bool has_dates(const kg_graph *g)
{
    for (size_t i = 0; i < kg_graph_doc_count(g); i++)
        if (is_date(kg_graph_doc_at(g, i)->date))
            return true;
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        for (size_t i = 0; i < e->n_evidence; i++)
            if (is_date(e->evidence[i].date))
                return true;
    }
    return false;
}

static void put_span(FILE *out, span s)
{
    if (s.start)
        fprintf(out, " start=\"%s\" end=\"%s\"", s.start, s.end);
}

/* ---------------------------------------------------------------- attributes */

static void declare_one(void *out, const kg_attr *a)
{
    fprintf(out, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", a->id, a->id,
            kg_attrs_type_name(a->type));
}

static void declare(FILE *out, bool edge, bool analyzed)
{
    fprintf(out, "    <attributes class=\"%s\">\n", edge ? "edge" : "node");
    kg_attrs_declare(edge, KG_ATTRS_GEXF, analyzed, declare_one, out);
    fputs("    </attributes>\n", out);
}

/* One element of a liststring, quoted as Gephi's array parser reads it. */
static void list_item(FILE *out, const char *s)
{
    fputs("&quot;", out);
    for (size_t n; s && *s; s += n) {
        n = strcspn(s, "\\\"");
        kg_export_xml_write_len(out, s, n, true);
        if (s[n]) {
            fputs(s[n] == '"' ? "\\&quot;" : "\\\\", out);
            n++;
        }
    }
    fputs("&quot;", out);
}

/* An <attvalue>; nothing for an empty list (Gephi skips an empty value, and
 * an absent one reads the same). */
static void value(void *ctx, const kg_attr *a, const kg_attr_value *v)
{
    FILE *out = ctx;
    char buf[64];
    if (v->type == KG_ATTR_NONE || (v->type == KG_ATTR_LIST && !v->list.n))
        return;
    fprintf(out, "          <attvalue for=\"%s\" value=\"", a->id);
    if (v->type == KG_ATTR_STR) {
        kg_export_xml_write(out, v->str, true);
    } else if (v->type == KG_ATTR_LIST) { /* as Gephi prints an array */
        fputc('[', out);
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                fputs(", ", out);
            list_item(out, v->list.item(v->list.ctx, i));
        }
        fputc(']', out);
    } else {
        fputs(kg_attrs_scalar(v, 6, buf, sizeof buf), out);
    }
    fputs("\"/>\n", out);
}

/* ---------------------------------------------------------------- nodes and edges */

static void write_node(FILE *out, const doc_dates *d, const kg_node *n, bool analyzed)
{
    fputs("      <node id=\"", out);
    kg_export_xml_write(out, n->id, true);
    fputs("\" label=\"", out);
    kg_export_xml_write(out, n->label, true);
    fputc('"', out);
    if (d)
        put_span(out, node_span(d, n));
    fputs(">\n", out);
    fputs("        <attvalues>\n", out);
    kg_attrs_node(n, KG_ATTRS_GEXF, analyzed, value, out);
    fputs("        </attvalues>\n", out);
    /* area, not radius, grows with mentions, so that 100 mentions are not
     * drawn 100 times as wide as one */
    char size[64];
    kg_export_format_double(size, sizeof size, 6, 10.0 + 4.0 * sqrt((double)n->mentions));
    fprintf(out, "        <viz:size value=\"%s\"/>\n", size);
    rgb c = type_color(n->type);
    fprintf(out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", c.r, c.g, c.b);
    fputs("      </node>\n", out);
}

static void write_edge(FILE *out, const kg_graph *g, const doc_dates *d, size_t j)
{
    const kg_edge *e = kg_graph_edge(g, j);
    fprintf(out, "      <edge id=\"e%zu\" source=\"", j);
    kg_export_xml_write(out, kg_graph_node(g, e->source)->id, true);
    fputs("\" target=\"", out);
    kg_export_xml_write(out, kg_graph_node(g, e->target)->id, true);
    fputs("\" label=\"", out);
    kg_export_xml_write(out, e->relation, true);
    fprintf(out, "\" weight=\"%zu\"", e->count);
    if (d)
        put_span(out, edge_span(d, e));
    fputs(">\n        <attvalues>\n", out);
    kg_attrs_edge(e, KG_ATTRS_GEXF, value, out);
    fputs("        </attvalues>\n      </edge>\n", out);
}

kg_status kg_export_gexf(const kg_graph *g, FILE *out, kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "gexf: no graph or no output");
    bool analyzed = kg_graph_analyzed(g), dynamic = has_dates(g);
    doc_dates dates = {NULL, 0};
    if (dynamic && doc_dates_init(&dates, g, err) != KG_OK)
        return err ? err->status : KG_ERR_NOMEM;
    const doc_dates *d = dynamic ? &dates : NULL;

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
          "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
          "      version=\"1.3\">\n"
          "  <meta>\n"
          "    <creator>kg " KG_VERSION "</creator>\n"
          "    <description>entities of news articles and what the articles say of "
          "them</description>\n"
          "  </meta>\n",
          out);
    fprintf(out, "  <graph defaultedgetype=\"directed\"%s>\n",
            dynamic ? " mode=\"dynamic\" timeformat=\"date\"" : " mode=\"static\"");
    declare(out, false, analyzed);
    declare(out, true, analyzed);
    fprintf(out, "    <nodes count=\"%zu\">\n", kg_graph_node_count(g));
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        write_node(out, d, kg_graph_node(g, i), analyzed);
    fprintf(out, "    </nodes>\n    <edges count=\"%zu\">\n", kg_graph_edge_count(g));
    for (size_t j = 0; j < kg_graph_edge_count(g); j++)
        write_edge(out, g, d, j);
    fputs("    </edges>\n  </graph>\n</gexf>\n", out);
    free(dates.docs);
    if (ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}
