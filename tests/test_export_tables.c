/* test_export_tables.c - GEXF (Gephi), the CSV tables (neo4j-admin import)
 * and what GraphML carries for the tools that read it. */
#include "fixtures.h"

#include <dirent.h>
#include <igraph.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xml_check.h"

/* ---------------------------------------------------------------- the graph */

/* A comma, a quote, a newline, a tab, ESC and U+FFFF in one label. */
#define HOSTILE_LABEL "Smith, \"Jo\"\nline\ttab\033esc\xEF\xBF\xBF end"

/* Two people, Egypt and Cairo; three documents, two of them dated.  Edges:
 * smith -[meet with]-> egypt in both dated documents (count 2), smith
 * -[attack]-> egypt negated in the undated one, cairo -[host]-> smith
 * without evidence. */
static kg_graph *tables_graph(bool reversed)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    const char *docs[][2] = {{"a", "2024-01-05"}, {"b", "2024-02-07"}, {"c", ""}};
    for (int k = 0; k < 3; k++) {
        int i = reversed ? 2 - k : k;
        assert_int_equal(kg_graph_add_doc(g, docs[i][0], docs[i][1], &err), KG_OK);
    }
    const char *aliases[] = {"Jo Smith", "semi;colon", "back\\slash \"q\""};
    const char *roles[] = {"minister, acting"};
    kg_doc_count smith_docs[] = {{"a", 2}, {"b", 1}, {"c", 1}};
    kg_doc_count egypt_docs[] = {{"b", 1}};
    kg_node specs[4];
    memset(specs, 0, sizeof specs);
    specs[0] = (kg_node){.id = "smith",
                         .label = HOSTILE_LABEL,
                         .type = KG_ENT_PERSON,
                         .aliases = aliases,
                         .n_aliases = 3,
                         .roles = roles,
                         .n_roles = 1,
                         .mentions = 4,
                         .docs = smith_docs,
                         .n_docs = 3};
    specs[1] = (kg_node){.id = "egypt",
                         .label = "Egypt",
                         .type = KG_ENT_COUNTRY,
                         .mentions = 1,
                         .docs = egypt_docs,
                         .n_docs = 1};
    memcpy(specs[1].iso2, "EG", 3);
    specs[2] = (kg_node){.id = "cairo", .label = "Cairo", .type = KG_ENT_LOCATION, .mentions = 9};
    specs[3] = (kg_node){.id = "un", .label = "UN", .type = KG_ENT_ORGANIZATION, .mentions = 1};
    size_t index[4];
    for (int k = 0; k < 4; k++) {
        int i = reversed ? 3 - k : k;
        assert_int_equal(kg_graph_add_node(g, &specs[i], &index[i], &err), KG_OK);
    }
    kg_evidence meet_ev[] = {
        {.doc = "b", .date = "2024-02-07", .sentence = 4, .text = "They met again,\nlater."},
        {.doc = "a", .date = "2024-01-05", .sentence = 1, .text = "Smith met \"Egypt\"."},
    };
    kg_evidence attack_ev[] = {{.doc = "c", .date = "", .sentence = 0, .text = "No attack."}};
    kg_edge edges[3];
    memset(edges, 0, sizeof edges);
    edges[0] = (kg_edge){.source = index[0],
                         .target = index[1],
                         .relation = "meet with",
                         .count = 2,
                         .confidence = 0.9,
                         .evidence = meet_ev,
                         .n_evidence = 2};
    edges[1] = (kg_edge){.source = index[0],
                         .target = index[1],
                         .relation = "attack",
                         .negated = true,
                         .count = 1,
                         .confidence = 0.5,
                         .evidence = attack_ev,
                         .n_evidence = 1};
    edges[2] = (kg_edge){
        .source = index[2], .target = index[0], .relation = "host", .count = 1, .modal = true};
    for (int k = 0; k < 3; k++) {
        int i = reversed ? 2 - k : k;
        assert_int_equal(kg_graph_add_edge(g, &edges[i], NULL, &err), KG_OK);
    }
    return g;
}

static char *written(kg_graph *g, kg_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    kg_error err;
    assert_int_equal(kg_export_write(g, f, out, &err), KG_OK);
    assert_int_equal(fclose(out), 0);
    return buf;
}

/* The text of the element that starts with start, up to its end tag. */
static char *element(const char *xml, const char *start, const char *end_tag)
{
    const char *s = strstr(xml, start);
    assert_non_null(s);
    const char *e = strstr(s, end_tag);
    assert_non_null(e);
    return strndup(s, (size_t)(e - s) + strlen(end_tag));
}

/* ---------------------------------------------------------------- GEXF */

static void test_gexf_is_well_formed_whatever_the_text(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *xml = written(g, KG_FMT_GEXF);
    assert_true(xml_check_text(xml));
    assert_non_null(strstr(xml, "<gexf xmlns=\"http://gexf.net/1.3\" "
                                "xmlns:viz=\"http://gexf.net/1.3/viz\""));
    assert_non_null(strstr(xml, "version=\"1.3\">"));
    /* line breaks and tabs survive an attribute as references; XML cannot
     * hold ESC or U+FFFF, which become U+FFFD */
    assert_non_null(strstr(xml, "label=\"Smith, &quot;Jo&quot;&#10;line&#9;tab\xEF\xBF\xBD"
                                "esc\xEF\xBF\xBD end\""));
    assert_null(strstr(xml, "\033"));
    assert_null(strstr(xml, "\xEF\xBF\xBF"));
    /* every element opened is closed: the counts of the main ones agree */
    assert_non_null(strstr(xml, "<nodes count=\"4\">"));
    assert_non_null(strstr(xml, "<edges count=\"3\">"));
    assert_non_null(strstr(xml, "</nodes>\n    <edges"));
    assert_string_equal(xml + strlen(xml) - strlen("</graph>\n</gexf>\n"), "</graph>\n</gexf>\n");
    free(xml);
    kg_graph_free(g);
}

static void test_gexf_edges_carry_weight_label_and_first_evidence(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *xml = written(g, KG_FMT_GEXF);
    char *meet = element(xml, "<edge id=\"e2\" source=\"smith\" target=\"egypt\"", "</edge>");
    assert_non_null(strstr(meet, " label=\"meet with\" weight=\"2\" start=\"2024-01-05\" "
                                 "end=\"2024-02-07\">"));
    assert_non_null(strstr(meet, "<attvalue for=\"relation\" value=\"meet with\"/>"));
    assert_non_null(strstr(meet, "<attvalue for=\"count\" value=\"2\"/>"));
    assert_non_null(strstr(meet, "<attvalue for=\"negated\" value=\"false\"/>"));
    /* the first evidence in (document, sentence) order: document a */
    assert_non_null(
        strstr(meet, "<attvalue for=\"evidence\" value=\"Smith met &quot;Egypt&quot;.\"/>"));
    assert_non_null(strstr(meet, "<attvalue for=\"document\" value=\"a\"/>"));
    assert_non_null(strstr(meet, "<attvalue for=\"sentence\" value=\"1\"/>"));
    /* negated, from an undated document: no time */
    char *attack = element(xml, "<edge id=\"e1\" source=\"smith\" target=\"egypt\"", "</edge>");
    assert_non_null(strstr(attack, " label=\"attack\" weight=\"1\">"));
    assert_non_null(strstr(attack, "<attvalue for=\"negated\" value=\"true\"/>"));
    /* no evidence: no evidence values and no time */
    char *host = element(xml, "<edge id=\"e0\" source=\"cairo\" target=\"smith\"", "</edge>");
    assert_non_null(strstr(host, " label=\"host\" weight=\"1\">"));
    assert_non_null(strstr(host, "<attvalue for=\"modal\" value=\"true\"/>"));
    assert_null(strstr(host, "for=\"evidence\""));
    free(meet);
    free(attack);
    free(host);
    free(xml);
    kg_graph_free(g);
}

static void test_gexf_nodes_carry_time_colour_size_and_lists(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *xml = written(g, KG_FMT_GEXF);
    assert_non_null(strstr(xml, "<graph defaultedgetype=\"directed\" mode=\"dynamic\" "
                                "timeformat=\"date\">"));
    assert_non_null(strstr(xml, "<attribute id=\"aliases\" title=\"aliases\" "
                                "type=\"liststring\"/>"));
    char *smith = element(xml, "<node id=\"smith\"", "</node>");
    /* documents a, b (dated) and c (not): the span of a and b */
    assert_non_null(strstr(smith, "start=\"2024-01-05\" end=\"2024-02-07\">"));
    assert_non_null(strstr(smith, "<attvalue for=\"mentions\" value=\"4\"/>"));
    /* Gephi's array syntax; '\' and '"' escaped by '\' inside the quotes */
    assert_non_null(strstr(smith, "<attvalue for=\"aliases\" value=\"[&quot;back\\\\slash "
                                  "\\&quot;q\\&quot;&quot;, &quot;semi;colon&quot;, "
                                  "&quot;Jo Smith&quot;]\"/>"));
    assert_non_null(
        strstr(smith, "<attvalue for=\"roles\" value=\"[&quot;minister, acting&quot;]\"/>"));
    assert_non_null(strstr(smith, "<attvalue for=\"documents\" value=\"[&quot;a&quot;, "
                                  "&quot;b&quot;, &quot;c&quot;]\"/>"));
    assert_non_null(strstr(smith, "<viz:size value=\"18\"/>")); /* 10 + 4 * sqrt(4) */
    assert_non_null(strstr(smith, "<viz:color r=\"86\" g=\"180\" b=\"233\"/>"));
    char *egypt = element(xml, "<node id=\"egypt\"", "</node>");
    assert_non_null(strstr(egypt, "start=\"2024-02-07\" end=\"2024-02-07\">"));
    assert_non_null(strstr(egypt, "<viz:color r=\"0\" g=\"158\" b=\"115\"/>"));
    assert_non_null(strstr(egypt, "<attvalue for=\"iso2\" value=\"EG\"/>"));
    assert_null(strstr(egypt, "for=\"aliases\"")); /* an empty list is left out */
    char *cairo = element(xml, "<node id=\"cairo\"", "</node>");
    assert_non_null(strstr(cairo, "<node id=\"cairo\" label=\"Cairo\">")); /* no documents */
    assert_non_null(strstr(cairo, "<viz:size value=\"22\"/>"));            /* 10 + 4 * 3 */
    assert_non_null(strstr(cairo, "<viz:color r=\"240\" g=\"228\" b=\"66\"/>"));
    char *un = element(xml, "<node id=\"un\"", "</node>");
    assert_non_null(strstr(un, "<viz:color r=\"230\" g=\"159\" b=\"0\"/>"));
    assert_null(strstr(xml, "for=\"pagerank\"")); /* not analyzed */
    free(smith);
    free(egypt);
    free(cairo);
    free(un);
    free(xml);
    kg_graph_free(g);
}

static void test_gexf_without_dates_is_static(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "d", "", &err), KG_OK);
    kg_doc_count dc = {"d", 1};
    kg_node n = {.id = "x", .label = "X", .mentions = 1, .docs = &dc, .n_docs = 1};
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    char *xml = written(g, KG_FMT_GEXF);
    assert_non_null(strstr(xml, "<graph defaultedgetype=\"directed\" mode=\"static\">"));
    assert_null(strstr(xml, "timeformat"));
    assert_null(strstr(xml, "start="));
    assert_true(xml_check_text(xml));
    free(xml);
    kg_graph_free(g);
}

static void test_gexf_and_csv_depend_only_on_content(void **state)
{
    (void)state;
    kg_graph *a = tables_graph(false), *b = tables_graph(true);
    kg_error err;
    assert_int_equal(kg_graph_analyze(a, &err), KG_OK);
    assert_int_equal(kg_graph_analyze(b, &err), KG_OK);
    char *xa = written(a, KG_FMT_GEXF), *xb = written(b, KG_FMT_GEXF);
    assert_string_equal(xa, xb);
    assert_non_null(strstr(xa, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>"));
    assert_non_null(strstr(xa, "<attvalue for=\"pagerank\" value=\"0."));
    free(xa);
    free(xb);
    char *ca = NULL, *cb = NULL;
    size_t la = 0, lb = 0;
    FILE *fa = open_memstream(&ca, &la), *fb = open_memstream(&cb, &lb);
    assert_int_equal(kg_export_csv_edges(a, fa, &err), KG_OK);
    assert_int_equal(kg_export_csv_edges(b, fb, &err), KG_OK);
    fclose(fa);
    fclose(fb);
    assert_string_equal(ca, cb);
    free(ca);
    free(cb);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* ---------------------------------------------------------------- CSV */

/* An RFC 4180 reader, written from the RFC: records of fields, a quoted
 * field may hold anything with '"' doubled.  Returns the number of records
 * and fills rows[r][f] (malloc'd) and nf[r]; fails the test on bad syntax. */
#define MAX_ROWS 16
#define MAX_FIELDS 16
static size_t csv_parse(const char *s, char *rows[MAX_ROWS][MAX_FIELDS], size_t nf[MAX_ROWS])
{
    size_t r = 0;
    while (*s) {
        assert_true(r < MAX_ROWS);
        nf[r] = 0;
        for (;;) {
            assert_true(nf[r] < MAX_FIELDS);
            char *buf = malloc(strlen(s) + 1);
            size_t n = 0;
            if (*s == '"') {
                for (s++;; s++) {
                    assert_true(*s != '\0'); /* unterminated quote */
                    if (*s == '"' && s[1] == '"')
                        buf[n++] = *s++;
                    else if (*s == '"')
                        break;
                    else
                        buf[n++] = *s;
                }
                s++;
                assert_true(*s == ',' || *s == '\r'); /* nothing after a closing quote */
            } else {
                while (*s && *s != ',' && *s != '\r') {
                    assert_true(*s != '"' && *s != '\n'); /* bare quote or LF */
                    buf[n++] = *s++;
                }
            }
            buf[n] = '\0';
            rows[r][nf[r]++] = buf;
            if (*s == ',') {
                s++;
                continue;
            }
            assert_true(s[0] == '\r' && s[1] == '\n'); /* every record ends in CRLF */
            s += 2;
            break;
        }
        r++;
    }
    return r;
}

static void csv_free(char *rows[MAX_ROWS][MAX_FIELDS], const size_t nf[MAX_ROWS], size_t n)
{
    for (size_t r = 0; r < n; r++)
        for (size_t f = 0; f < nf[r]; f++)
            free(rows[r][f]);
}

static char *csv_of(kg_graph *g, bool nodes)
{
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(nodes ? kg_export_csv_nodes(g, out, &err) : kg_export_csv_edges(g, out, &err),
                     KG_OK);
    fclose(out);
    return buf;
}

#define NODES_HEADER                                                                               \
    "id:ID,name,:LABEL,mentions:long,aliases:string[],roles:string[],documents:string[]\r\n"
#define EDGES_HEADER                                                                               \
    ":START_ID,:END_ID,:TYPE,relation,count:long,negated:boolean,modal:boolean,"                   \
    "attributed:boolean,confidence:double,evidence,document,sentence:long,date:date\r\n"

/* No byte below 0x20 but the CR LF that end records. */
static void assert_no_controls(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\r') {
            assert_int_equal(p[1], '\n');
            p++;
        } else {
            assert_false((unsigned char)*p < 0x20 || *p == 0x7F);
        }
    }
}

static void test_csv_nodes_parse_back_field_for_field(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *csv = csv_of(g, true);
    assert_memory_equal(csv, NODES_HEADER, strlen(NODES_HEADER));
    assert_no_controls(csv);
    assert_null(strstr(csv, "\xEF\xBF\xBF"));
    char *rows[MAX_ROWS][MAX_FIELDS];
    size_t nf[MAX_ROWS];
    size_t n = csv_parse(csv, rows, nf);
    assert_int_equal(n, 5); /* header and four nodes, in id order */
    for (size_t r = 0; r < n; r++)
        assert_int_equal(nf[r], 7);
    assert_string_equal(rows[1][0], "cairo");
    assert_string_equal(rows[1][2], "Location");
    assert_string_equal(rows[1][3], "9");
    assert_string_equal(rows[1][4], ""); /* no aliases: no property */
    assert_string_equal(rows[2][0], "egypt");
    assert_string_equal(rows[2][2], "Country");
    assert_string_equal(rows[2][6], "b");
    assert_string_equal(rows[3][0], "smith");
    /* newline and tab as spaces, ESC dropped, U+FFFF as U+FFFD */
    assert_string_equal(rows[3][1], "Smith, \"Jo\" line tabesc\xEF\xBF\xBD end");
    assert_string_equal(rows[3][2], "Person");
    assert_string_equal(rows[3][3], "4");
    /* ';' separates the elements, so one inside an element becomes ',' */
    assert_string_equal(rows[3][4], "back\\slash \"q\";semi,colon;Jo Smith");
    assert_string_equal(rows[3][5], "minister, acting");
    assert_string_equal(rows[3][6], "a;b;c");
    assert_string_equal(rows[4][2], "Organization");
    csv_free(rows, nf, n);
    free(csv);
    kg_graph_free(g);
}

static void test_csv_edges_parse_back_with_neo4j_types(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *csv = csv_of(g, false);
    assert_memory_equal(csv, EDGES_HEADER, strlen(EDGES_HEADER));
    assert_no_controls(csv);
    char *rows[MAX_ROWS][MAX_FIELDS];
    size_t nf[MAX_ROWS];
    size_t n = csv_parse(csv, rows, nf);
    assert_int_equal(n, 4);
    for (size_t r = 0; r < n; r++)
        assert_int_equal(nf[r], 13);
    /* cairo -> smith, then smith -> egypt attack (negated), then meet with */
    const char *host[] = {"cairo", "smith", "HOST", "host", "1", "false", "true",
                          "false", "0",     "",     "",     "",  ""};
    const char *attack[] = {"smith", "egypt", "NOT_ATTACK", "attack", "1", "true", "false",
                            "false", "0.5",   "No attack.", "c",      "0", ""};
    const char *meet[] = {"smith", "egypt", "MEET_WITH", "meet with", "1" /* unused */,
                          "false", "false", "false",     "0.9",       "Smith met \"Egypt\".",
                          "a",     "1",     "2024-01-05"};
    for (size_t f = 0; f < 13; f++) {
        assert_string_equal(rows[1][f], host[f]);
        assert_string_equal(rows[2][f], attack[f]);
        if (f != 4)
            assert_string_equal(rows[3][f], meet[f]);
    }
    assert_string_equal(rows[3][4], "2");
    csv_free(rows, nf, n);
    free(csv);
    kg_graph_free(g);
}

/* The type of a relationship from its relation (docs/formats.md). */
static void test_csv_relationship_types_are_neo4j_names(void **state)
{
    (void)state;
    const struct {
        const char *relation;
        bool negated;
        const char *type;
    } cases[] = {
        {"meet with", false, "MEET_WITH"},
        {"rise to", true, "NOT_RISE_TO"},
        {"  call-for  ", false, "CALL_FOR"},
        {"pay 5%", false, "PAY_5"},
        {"n\xC3\xA9gocier avec", false, "N\xC3\x89GOCIER_AVEC"}, /* négocier: NÉGOCIER */
        {"\"?!\"", false, "RELATED_TO"},
        {"", true, "NOT_RELATED_TO"},
        {"say\nto\xEF\xBF\xBF", false, "SAY_TO"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        kg_graph *g = kg_graph_new();
        kg_error err;
        kg_node a = {.id = "a", .label = "A"}, b = {.id = "b", .label = "B"};
        assert_int_equal(kg_graph_add_node(g, &a, NULL, &err), KG_OK);
        assert_int_equal(kg_graph_add_node(g, &b, NULL, &err), KG_OK);
        kg_edge e = {.source = 0,
                     .target = 1,
                     .relation = cases[k].relation,
                     .negated = cases[k].negated,
                     .count = 1};
        assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
        char *csv = csv_of(g, false);
        char *rows[MAX_ROWS][MAX_FIELDS];
        size_t nf[MAX_ROWS];
        size_t n = csv_parse(csv, rows, nf);
        assert_int_equal(n, 2);
        assert_string_equal(rows[1][2], cases[k].type);
        csv_free(rows, nf, n);
        free(csv);
        kg_graph_free(g);
    }
}

static char *make_dir(void)
{
    char tmpl[] = "/tmp/kg-test-tables-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    return strdup(tmpl);
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, m);
    fclose(m);
    fclose(f);
    return buf;
}

static void test_csv_files_are_written_both_or_neither(void **state)
{
    (void)state;
    char *dir = make_dir();
    char nodes[512], edges[512], blocked[512];
    snprintf(nodes, sizeof nodes, "%s/g.nodes.csv", dir);
    snprintf(edges, sizeof edges, "%s/g.edges.csv", dir);
    kg_graph *g = tables_graph(true); /* added out of order: sorted, as the header asks */
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_int_equal(kg_export_csv_files(g, nodes, edges, &err), KG_OK);
    assert_int_equal(entries(dir), 2);
    char *text = slurp(nodes);
    assert_memory_equal(text, NODES_HEADER "cairo,", strlen(NODES_HEADER "cairo,"));
    free(text);
    text = slurp(edges);
    assert_memory_equal(text, EDGES_HEADER "cairo,smith,HOST,",
                        strlen(EDGES_HEADER "cairo,smith,HOST,"));
    free(text);
    assert_int_equal(unlink(nodes), 0);
    assert_int_equal(unlink(edges), 0);

    /* the edges file cannot be written: no nodes file is left either */
    snprintf(blocked, sizeof blocked, "%s/missing/g.edges.csv", dir);
    assert_int_equal(kg_export_csv_files(g, nodes, blocked, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, blocked));
    assert_int_equal(entries(dir), 0);
    /* a directory in the way of the nodes file: the same */
    assert_int_equal(mkdir(nodes, 0755), 0);
    assert_int_equal(kg_export_csv_files(g, nodes, edges, &err), KG_ERR_IO);
    assert_int_equal(entries(dir), 1);
    assert_int_equal(rmdir(nodes), 0);

    assert_int_equal(kg_export_csv_files(g, nodes, nodes, &err), KG_ERR_USAGE);
    assert_non_null(strstr(err.message, "one file"));
    assert_int_equal(kg_export_csv_files(g, "", edges, &err), KG_ERR_USAGE);
    assert_int_equal(entries(dir), 0);
    kg_graph_free(g);
    rmdir(dir);
    free(dir);
}

/* One stream cannot hold two tables. */
static void test_csv_to_a_stream_is_refused(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    kg_error err;
    assert_int_equal(kg_export_write(g, KG_FMT_CSV, stdout, &err), KG_ERR_USAGE);
    assert_non_null(strstr(err.message, "two files"));
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- GraphML */

static void test_graphml_carries_lists_weight_label_and_evidence(void **state)
{
    (void)state;
    kg_graph *g = tables_graph(false);
    char *xml = written(g, KG_FMT_GRAPHML);
    assert_true(xml_check_text(xml));
    assert_non_null(strstr(xml, "<key id=\"edge_label\" for=\"edge\" attr.name=\"label\" "
                                "attr.type=\"string\"/>"));
    assert_non_null(
        strstr(xml, "<key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"));
    assert_non_null(strstr(xml, "<data key=\"aliases\">back\\slash &quot;q&quot;; semi;colon; "
                                "Jo Smith</data>"));
    assert_non_null(strstr(xml, "<data key=\"roles\">minister, acting</data>"));
    char *meet = element(xml, "<edge id=\"e2\" source=\"smith\" target=\"egypt\">", "</edge>");
    assert_non_null(strstr(meet, "<data key=\"weight\">2</data>\n"
                                 "      <data key=\"edge_label\">meet with</data>\n"
                                 "      <data key=\"evidence\">Smith met &quot;Egypt&quot;."
                                 "</data>\n"
                                 "      <data key=\"document\">a</data>\n"
                                 "      <data key=\"sentence\">1</data>\n"));
    char *host = element(xml, "<edge id=\"e0\"", "</edge>");
    assert_null(strstr(host, "key=\"evidence\""));
    free(meet);
    free(host);

    /* igraph, with its attribute table, reads them back by name */
    igraph_attribute_table_t *old = igraph_set_attribute_table(&igraph_cattribute_table);
    FILE *f = fmemopen(xml, strlen(xml), "r");
    igraph_t ig;
    assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), 4);
    assert_int_equal(igraph_ecount(&ig), 3);
    assert_string_equal(EAS(&ig, "label", 2), "meet with");
    assert_true(EAN(&ig, "weight", 2) == 2.0);
    assert_string_equal(EAS(&ig, "document", 2), "a");
    assert_string_equal(VAS(&ig, "label", 0), "Cairo");
    assert_string_equal(VAS(&ig, "roles", 2), "minister, acting");
    igraph_destroy(&ig);
    igraph_set_attribute_table(old);
    free(xml);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gexf_is_well_formed_whatever_the_text),
        cmocka_unit_test(test_gexf_edges_carry_weight_label_and_first_evidence),
        cmocka_unit_test(test_gexf_nodes_carry_time_colour_size_and_lists),
        cmocka_unit_test(test_gexf_without_dates_is_static),
        cmocka_unit_test(test_gexf_and_csv_depend_only_on_content),
        cmocka_unit_test(test_csv_nodes_parse_back_field_for_field),
        cmocka_unit_test(test_csv_edges_parse_back_with_neo4j_types),
        cmocka_unit_test(test_csv_relationship_types_are_neo4j_names),
        cmocka_unit_test(test_csv_files_are_written_both_or_neither),
        cmocka_unit_test(test_csv_to_a_stream_is_refused),
        cmocka_unit_test(test_graphml_carries_lists_weight_label_and_evidence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
