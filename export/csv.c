/* csv.c - the graph as two tables, nodes and edges, in the CSV that
 * `neo4j-admin database import full --nodes=nodes.csv
 * --relationships=edges.csv` reads with its default options (and that any
 * RFC 4180 reader, spreadsheets, pandas or Python's csv module, reads too).
 *
 * The columns are neo4j's (id:ID, name, :LABEL; :START_ID, :END_ID, :TYPE),
 * then the attributes of attrs.c that CSV writes, then an edge's date:
 *
 *   id:ID,name,:LABEL,mentions:long,aliases:string[],roles:string[],documents:string[]
 *   :START_ID,:END_ID,:TYPE,relation,count:long,negated:boolean,modal:boolean,
 *   attributed:boolean,confidence:double,evidence,document,sentence:long,date:date
 *
 * The headers carry neo4j's column types (docs/formats.md): string arrays
 * are joined with ';', neo4j's default --array-delimiter.  neo4j has no way
 * to escape that delimiter inside an element, so a ';' within an alias,
 * role or document id is written as ','.  Its default --multiline-fields=false
 * refuses a line break inside a field, so tab, newline, CR, vertical tab and
 * form feed are written as a space; the other control characters (C0, DEL,
 * C1) are dropped, a byte that is not UTF-8, U+FFFE and U+FFFF become U+FFFD
 * (as in the XML outputs).  A field holding ',' or '"' is quoted, '"' doubled.
 * Records end with CRLF (RFC 4180).
 *
 * A relationship needs a type: the relation upper-cased, every run of
 * characters other than letters and digits as one '_' ("meet with" ->
 * MEET_WITH), NOT_ in front when negated, so that a query for MEET never
 * finds a meeting the article denies; the relation as written stays in the
 * `relation` column.
 */
#include <string.h>
#include <utf8proc.h>

#include "attrs.h"
#include "dot_build.h"
#include "kg/export.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* How the character at s is written: its length in bytes, and in *put what
 * to write instead of it (NULL: the bytes themselves; "": nothing). */
static size_t clean_char(const char *s, bool in_array, const char **put)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
    *put = NULL;
    if (n <= 0) {
        *put = REPLACEMENT;
        return 1;
    }
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f')
        *put = " ";
    else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        *put = "";
    else if (cp == 0xFFFE || cp == 0xFFFF)
        *put = REPLACEMENT;
    else if (cp == ';' && in_array)
        *put = ",";
    return (size_t)n;
}

/* Whether s, written as a field (or as an element of one), needs quotes. */
static bool needs_quotes(const char *s, bool in_array)
{
    return s && (strpbrk(s, ",\"") || (in_array && strchr(s, ';')));
}

/* s cleaned, with '"' doubled; the quotes around it are the caller's.  A
 * string never set (NULL) writes as "". */
static void put_text(FILE *out, const char *s, bool in_array)
{
    const char *put;
    for (size_t len; s && *s; s += len) {
        len = clean_char(s, in_array, &put);
        if (put)
            fputs(put, out);
        else if (*s == '"')
            fputs("\"\"", out);
        else
            fwrite(s, 1, len, out);
    }
}

static void field(FILE *out, const char *s)
{
    bool q = needs_quotes(s, false);
    if (q)
        fputc('"', out);
    put_text(out, s, false);
    if (q)
        fputc('"', out);
}

/* A string array: item(ctx, i) for i < n, joined by ';'.  Empty when n is
 * 0, which neo4j reads as no property. */
static void array_field(FILE *out, kg_attr_item_fn item, const void *ctx, size_t n)
{
    bool q = false;
    for (size_t i = 0; i < n && !q; i++)
        q = needs_quotes(item(ctx, i), true);
    if (q)
        fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(';', out);
        put_text(out, item(ctx, i), true);
    }
    if (q)
        fputc('"', out);
}

static void header_column(void *out, const kg_attr *a)
{
    /* neo4j's types are XML Schema's; a string column has none */
    if (a->type == KG_ATTR_STR)
        fprintf(out, ",%s", a->name);
    else if (a->type == KG_ATTR_LIST)
        fprintf(out, ",%s:string[]", a->name);
    else
        fprintf(out, ",%s:%s", a->name, kg_attrs_type_name(a->type));
}

/* A column's value after its comma; empty for none. */
static void cell(void *ctx, const kg_attr *a, const kg_attr_value *v)
{
    (void)a;
    FILE *out = ctx;
    char buf[64];
    fputc(',', out);
    if (v->type == KG_ATTR_STR)
        field(out, v->str);
    else if (v->type == KG_ATTR_LIST)
        array_field(out, v->list.item, v->list.ctx, v->list.n);
    else if (v->type != KG_ATTR_NONE)
        fputs(kg_attrs_scalar(v, 6, buf, sizeof buf), out);
}

/* neo4j's node label for an entity type. */
static const char *label_of(kg_entity_type t)
{
    switch (t) {
    case KG_ENT_PERSON:
        return "Person";
    case KG_ENT_ORGANIZATION:
        return "Organization";
    case KG_ENT_COUNTRY:
        return "Country";
    case KG_ENT_LOCATION:
        return "Location";
    }
    return "Entity";
}

/* The relationship type of an edge (see the top of the file).  Letters and
 * digits in any script count: neo4j takes any Unicode in a type. */
static void put_type(FILE *out, const kg_edge *e)
{
    if (e->negated)
        fputs("NOT_", out);
    bool wrote = false, gap = false;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(e->relation ? e->relation : "");
    for (utf8proc_ssize_t n; *p; p += n > 0 ? n : 1) {
        utf8proc_int32_t cp;
        n = utf8proc_iterate(p, -1, &cp);
        utf8proc_category_t c = n > 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
        /* letters, combining marks (a decomposed accent) and digits */
        bool alnum = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
        if (!alnum) {
            gap = wrote;
            continue;
        }
        if (gap)
            fputc('_', out);
        gap = false;
        wrote = true;
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_toupper(cp), buf);
        fwrite(buf, 1, (size_t)len, out);
    }
    if (!wrote) /* no letter or digit at all: still a type neo4j takes */
        fputs("RELATED_TO", out);
}

kg_status kg_export_csv_nodes(const kg_graph *g, FILE *out, kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "csv: no graph or no output");
    fputs("id:ID,name,:LABEL", out);
    kg_attrs_declare(false, KG_ATTRS_CSV, false, header_column, out);
    fputs("\r\n", out);
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        field(out, n->id);
        fputc(',', out);
        field(out, n->label);
        fprintf(out, ",%s", label_of(n->type));
        kg_attrs_node(n, KG_ATTRS_CSV, false, cell, out);
        fputs("\r\n", out);
    }
    if (ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

kg_status kg_export_csv_edges(const kg_graph *g, FILE *out, kg_error *err)
{
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "csv: no graph or no output");
    fputs(":START_ID,:END_ID,:TYPE", out);
    kg_attrs_declare(true, KG_ATTRS_CSV, false, header_column, out);
    fputs(",date:date\r\n", out);
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        field(out, kg_graph_node(g, e->source)->id);
        fputc(',', out);
        field(out, kg_graph_node(g, e->target)->id);
        fputc(',', out);
        put_type(out, e);
        kg_attrs_edge(e, KG_ATTRS_CSV, cell, out);
        /* the first evidence's date; neo4j refuses a date it cannot parse,
         * so a bad one is left out */
        const char *date = e->n_evidence ? e->evidence[0].date : NULL;
        fputc(',', out);
        if (date && strlen(date) == 10 && kg_date_check(date))
            fputs(date, out);
        fputs("\r\n", out);
    }
    if (ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

static kg_status write_nodes(const void *ctx, FILE *out, kg_error *err)
{
    return kg_export_csv_nodes(ctx, out, err);
}

static kg_status write_edges(const void *ctx, FILE *out, kg_error *err)
{
    return kg_export_csv_edges(ctx, out, err);
}

kg_status kg_export_csv_files(const kg_graph *g, const char *nodes_path, const char *edges_path,
                              kg_error *err)
{
    if (!g || !nodes_path || !*nodes_path || !edges_path || !*edges_path)
        return kg_error_set(err, KG_ERR_USAGE, "csv: no graph or no path");
    if (strcmp(nodes_path, edges_path) == 0)
        return kg_error_set(err, KG_ERR_USAGE, "%s: nodes and edges cannot be one file",
                            nodes_path);
    const kg_file_output outs[] = {{nodes_path, write_nodes, g}, {edges_path, write_edges, g}};
    return kg_file_write_all(outs, 2, err);
}
