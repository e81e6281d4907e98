/* csv.c - the graph as two tables, nodes and edges, in the CSV that
 * `neo4j-admin database import full --nodes=nodes.csv
 * --relationships=edges.csv` reads with its default options (and that any
 * RFC 4180 reader, spreadsheets, pandas or Python's csv module, reads too).
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

#include "dot_build.h"
#include "kg/export.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

static const char nodes_header[] =
    "id:ID,name,:LABEL,mentions:long,aliases:string[],roles:string[],documents:string[]";
static const char edges_header[] = ":START_ID,:END_ID,:TYPE,relation,count:long,negated:boolean,"
                                   "modal:boolean,attributed:boolean,confidence:double,"
                                   "evidence,document,sentence:long,date:date";

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
typedef const char *(*item_fn)(const void *ctx, size_t i);

static void array_field(FILE *out, item_fn item, const void *ctx, size_t n)
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

static const char *string_item(const void *ctx, size_t i)
{
    return ((const char *const *)ctx)[i];
}

static const char *doc_item(const void *ctx, size_t i)
{
    return ((const kg_doc_count *)ctx)[i].doc;
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
    fprintf(out, "%s\r\n", nodes_header);
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        const kg_node *n = kg_graph_node(g, i);
        field(out, n->id);
        fputc(',', out);
        field(out, n->label);
        fprintf(out, ",%s,%zu,", label_of(n->type), n->mentions);
        array_field(out, string_item, n->aliases, n->n_aliases);
        fputc(',', out);
        array_field(out, string_item, n->roles, n->n_roles);
        fputc(',', out);
        array_field(out, doc_item, n->docs, n->n_docs);
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
    fprintf(out, "%s\r\n", edges_header);
    for (size_t j = 0; j < kg_graph_edge_count(g); j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        field(out, kg_graph_node(g, e->source)->id);
        fputc(',', out);
        field(out, kg_graph_node(g, e->target)->id);
        fputc(',', out);
        put_type(out, e);
        fputc(',', out);
        field(out, e->relation);
        char conf[64];
        kg_export_format_double(conf, sizeof conf, 6, e->confidence);
        fprintf(out, ",%zu,%s,%s,%s,%s,", e->count, e->negated ? "true" : "false",
                e->modal ? "true" : "false", e->attributed ? "true" : "false", conf);
        if (e->n_evidence) { /* the first, in (document, sentence) order */
            const kg_evidence *ev = &e->evidence[0];
            field(out, ev->text);
            fputc(',', out);
            field(out, ev->doc);
            fprintf(out, ",%zu,", ev->sentence);
            /* neo4j refuses a date it cannot parse; a bad one is left out */
            if (ev->date && strlen(ev->date) == 10 && kg_date_check(ev->date))
                fputs(ev->date, out);
        } else {
            fputs(",,,", out);
        }
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

kg_status kg_export_csv_files(kg_graph *g, const char *nodes_path, const char *edges_path,
                              kg_error *err)
{
    if (!g || !nodes_path || !*nodes_path || !edges_path || !*edges_path)
        return kg_error_set(err, KG_ERR_USAGE, "csv: no graph or no path");
    if (strcmp(nodes_path, edges_path) == 0)
        return kg_error_set(err, KG_ERR_USAGE, "%s: nodes and edges cannot be one file",
                            nodes_path);
    kg_status st = kg_graph_sort(g, err);
    if (st != KG_OK)
        return st;
    const kg_file_output outs[] = {{nodes_path, write_nodes, g}, {edges_path, write_edges, g}};
    return kg_file_write_all(outs, 2, err);
}
