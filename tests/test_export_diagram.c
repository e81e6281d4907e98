/* test_export_diagram.c - what the diagrams (DOT, SVG) draw of a graph:
 * isolated nodes, the filters (min count, types, focus and depth), the
 * legend, the tooltips and their escaping, and the packed layout. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "xml_check.h"

/* Graphviz's and fontconfig's own leaks, as in tests/lsan.supp. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so.6\nleak:libfontconfig.so.1\n";
}

static size_t add(kg_graph *g, const char *id, kg_entity_type type)
{
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.label = id;
    n.type = type;
    n.mentions = 1;
    size_t i;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &n, &i, &err), KG_OK);
    return i;
}

static void link_count(kg_graph *g, const char *s, const char *t, const char *rel, size_t count)
{
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.count = count;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

static void relate(kg_graph *g, const char *s, const char *t, const char *rel)
{
    link_count(g, s, t, rel, 1);
}

static void docs(kg_graph *g, int n)
{
    kg_error err;
    char id[16];
    for (int i = 0; i < n; i++) {
        snprintf(id, sizeof id, "d%d", i);
        assert_int_equal(kg_graph_add_doc(g, id, "", &err), KG_OK);
    }
}

/* The DOT of g under o (NULL: the defaults); NULL with *st set on failure. */
static char *dot_with(kg_graph *g, const kg_export_options *o, kg_status *st, kg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    *st = kg_export_write_with(g, KG_FMT_DOT, o, f, err);
    assert_int_equal(fclose(f), 0);
    if (*st != KG_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static char *dot_of(kg_graph *g, const kg_export_options *o)
{
    kg_status st;
    kg_error err;
    char *dot = dot_with(g, o, &st, &err);
    if (!dot)
        print_error("export failed: %s\n", err.message);
    assert_non_null(dot);
    return dot;
}

static char *svg_of(kg_graph *g, const kg_export_options *o)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    kg_error err;
    kg_status st = kg_export_write_with(g, KG_FMT_SVG, o, f, &err);
    assert_int_equal(fclose(f), 0);
    if (st != KG_OK)
        print_error("render failed: %s\n", err.message);
    assert_int_equal(st, KG_OK);
    return buf;
}

/* Whether dot names node id as a node statement ("id\t[" or "\"id\"\t["). */
static bool drawn(const char *dot, const char *id)
{
    char bare[128], quoted[128];
    snprintf(bare, sizeof bare, "\n\t%s\t[", id);
    snprintf(quoted, sizeof quoted, "\n\t\"%s\"\t[", id);
    return strstr(dot, bare) || strstr(dot, quoted);
}

static bool has(const char *hay, const char *needle)
{
    if (strstr(hay, needle))
        return true;
    print_error("missing %s in:\n%s\n", needle, hay);
    return false;
}

/* a -> b, and c alone */
static kg_graph *with_lone_node(int n_docs)
{
    kg_graph *g = kg_graph_new();
    docs(g, n_docs);
    add(g, "alice", KG_ENT_PERSON);
    add(g, "bob", KG_ENT_PERSON);
    add(g, "carol", KG_ENT_PERSON);
    relate(g, "alice", "bob", "meet");
    return g;
}

static void test_diagram_of_two_documents_leaves_isolated_nodes_out(void **state)
{
    (void)state;
    kg_graph *g = with_lone_node(2);
    char *dot = dot_of(g, NULL);
    assert_true(drawn(dot, "alice"));
    assert_true(drawn(dot, "bob"));
    assert_false(drawn(dot, "carol"));
    assert_true(has(dot, "Not drawn: 1 entity without a relation"));
    assert_true(has(dot, "Drawn: 2 of 3 entities, 1 of 1 relations, from 2 documents."));
    free(dot);

    kg_export_options o;
    kg_export_options_init(&o);
    o.isolated = KG_ISOLATED_KEEP;
    dot = dot_of(g, &o);
    assert_true(drawn(dot, "carol"));
    assert_null(strstr(dot, "Not drawn"));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_of_one_document_keeps_isolated_nodes_unless_too_many(void **state)
{
    (void)state;
    kg_graph *g = with_lone_node(1);
    char *dot = dot_of(g, NULL);
    assert_true(drawn(dot, "carol"));
    assert_null(strstr(dot, "Drawn:")); /* the whole graph: no caption */
    free(dot);

    kg_export_options o;
    kg_export_options_init(&o);
    o.isolated = KG_ISOLATED_DROP;
    dot = dot_of(g, &o);
    assert_false(drawn(dot, "carol"));
    free(dot);

    char id[32];
    for (int i = 0; i < (int)KG_DIAGRAM_ISOLATED_MAX; i++) {
        snprintf(id, sizeof id, "lone%02d", i);
        add(g, id, KG_ENT_LOCATION);
    }
    dot = dot_of(g, NULL); /* carol and 40 more: one too many */
    assert_false(drawn(dot, "carol"));
    assert_false(drawn(dot, "lone00"));
    assert_true(drawn(dot, "alice"));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_min_count_drops_edges_and_the_nodes_they_left_alone(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    docs(g, 1);
    add(g, "alice", KG_ENT_PERSON);
    add(g, "bob", KG_ENT_PERSON);
    add(g, "carol", KG_ENT_PERSON);
    add(g, "dave", KG_ENT_PERSON);
    add(g, "erin", KG_ENT_PERSON); /* isolated from the start */
    link_count(g, "alice", "bob", "meet", 3);
    link_count(g, "carol", "dave", "call", 1);
    kg_export_options o;
    kg_export_options_init(&o);
    o.min_count = 2;
    o.isolated = KG_ISOLATED_KEEP;
    char *dot = dot_of(g, &o);
    assert_true(has(dot, "alice -> bob"));
    assert_null(strstr(dot, "carol -> dave"));
    /* they had an edge and lost it: out, whatever the isolated rule */
    assert_false(drawn(dot, "carol"));
    assert_false(drawn(dot, "dave"));
    assert_true(drawn(dot, "erin"));
    assert_true(has(dot, "relations of 2 or more sentences"));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_types_keep_only_those_types(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    docs(g, 2);
    add(g, "alice", KG_ENT_PERSON);
    add(g, "bob", KG_ENT_PERSON);
    add(g, "acme", KG_ENT_ORGANIZATION);
    add(g, "norway", KG_ENT_COUNTRY);
    relate(g, "alice", "bob", "meet");
    relate(g, "alice", "acme", "lead");
    relate(g, "acme", "norway", "invest in");
    kg_export_options o;
    kg_export_options_init(&o);
    o.types = 1u << KG_ENT_PERSON | 1u << KG_ENT_COUNTRY;
    char *dot = dot_of(g, &o);
    assert_true(drawn(dot, "alice"));
    assert_true(drawn(dot, "bob"));
    assert_false(drawn(dot, "acme"));
    assert_false(drawn(dot, "norway")); /* its one edge went with acme */
    assert_true(has(dot, "alice -> bob"));
    assert_null(strstr(dot, "kg legend Organization"));
    assert_true(has(dot, "Shown only: person, country."));
    free(dot);
    kg_graph_free(g);
}

/* a -> b <- c -> d -> e, and f alone */
static kg_graph *chain(void)
{
    kg_graph *g = kg_graph_new();
    docs(g, 2);
    const char *ids[] = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < 6; i++)
        add(g, ids[i], KG_ENT_PERSON);
    relate(g, "a", "b", "meet");
    relate(g, "c", "b", "call");
    relate(g, "c", "d", "meet");
    relate(g, "d", "e", "meet");
    return g;
}

static void test_diagram_focus_keeps_nodes_within_depth_either_way(void **state)
{
    (void)state;
    kg_graph *g = chain();
    kg_export_options o;
    kg_export_options_init(&o);
    o.focus = "b";
    char *dot = dot_of(g, &o); /* depth 1 by default */
    assert_true(drawn(dot, "a") && drawn(dot, "b") && drawn(dot, "c"));
    assert_false(drawn(dot, "d") || drawn(dot, "e") || drawn(dot, "f"));
    assert_true(has(dot, "within 1 relation of \\\"b\\\""));
    free(dot);
    o.depth = 2;
    dot = dot_of(g, &o);
    assert_true(drawn(dot, "d"));
    assert_false(drawn(dot, "e"));
    assert_true(has(dot, "c -> d"));
    free(dot);
    o.depth = 0; /* the focus alone, though it has edges */
    dot = dot_of(g, &o);
    assert_true(drawn(dot, "b"));
    assert_false(drawn(dot, "a") || drawn(dot, "c"));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_focus_on_an_unknown_id_is_a_usage_error_naming_it(void **state)
{
    (void)state;
    kg_graph *g = chain();
    kg_export_options o;
    kg_export_options_init(&o);
    o.focus = "nobody-here";
    kg_status st;
    kg_error err;
    assert_null(dot_with(g, &o, &st, &err));
    assert_int_equal(st, KG_ERR_USAGE);
    assert_true(has(err.message, "\"nobody-here\""));
    assert_true(has(err.message, "no node has this id"));

    /* the same from the renderer, before anything is written */
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(kg_export_render_with(g, "svg", &o, f, &err), KG_ERR_USAGE);
    fclose(f);
    assert_int_equal(len, 0);
    free(buf);

    /* a focus whose type the diagram leaves out */
    o.focus = "a";
    o.types = 1u << KG_ENT_COUNTRY;
    assert_null(dot_with(g, &o, &st, &err));
    assert_int_equal(st, KG_ERR_USAGE);
    assert_true(has(err.message, "\"a\" is a person"));
    kg_graph_free(g);
}

static void add_styled(kg_graph *g, const char *s, const char *t, const char *rel, bool negated,
                       bool modal, bool attributed)
{
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.count = 1;
    e.negated = negated;
    e.modal = modal;
    e.attributed = attributed;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

static void test_diagram_legend_explains_the_looks_present(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    add(g, "alice", KG_ENT_PERSON);
    add(g, "acme", KG_ENT_ORGANIZATION);
    add(g, "norway", KG_ENT_COUNTRY);
    add_styled(g, "alice", "acme", "lead", true, false, false);
    add_styled(g, "acme", "norway", "invest in", false, false, true);
    char *dot = dot_of(g, NULL);
    assert_true(has(dot, "subgraph cluster_legend {"));
    assert_true(has(dot, "\"kg legend Person\""));
    assert_true(has(dot, "\"kg legend Organization\""));
    assert_true(has(dot, "\"kg legend Country\""));
    assert_null(strstr(dot, "\"kg legend Location\""));
    assert_true(has(dot, "label=\"negated: \xE2\x80\x9Cnot \xE2\x80\xA6\xE2\x80\x9D\""));
    assert_true(has(dot, "label=\"only reported speech\""));
    assert_null(strstr(dot, "label=\"modal:"));     /* no modal edge */
    assert_null(strstr(dot, "N sentences say it")); /* no edge of several */
    /* the key's sample edge looks as the graph's own negated edge does */
    const char *sample = strstr(dot, "\"kg legend edge 2\" -> \"kg legend edge 2 text\"");
    assert_non_null(sample);
    assert_true(has(sample, "color=\"#D55E00\""));
    assert_true(has(sample, "style=dashed"));
    /* reported speech is grey, in the graph and in the key */
    const char *reported = strstr(dot, "acme -> norway");
    assert_non_null(reported);
    assert_true(has(reported, "color=\"#949494\""));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_tooltips_say_why_and_stay_escaped(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "bbc/001", "2024-03-04", &err), KG_OK);
    const char *aliases[] = {"Maria Lindqvist", "Lindqvist"};
    kg_doc_count dc = {"bbc/001", 3};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = "maria-lindqvist";
    n.label = "Maria Lindqvist";
    n.type = KG_ENT_PERSON;
    n.aliases = aliases;
    n.n_aliases = 2;
    n.mentions = 3;
    n.docs = &dc;
    n.n_docs = 1;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    add(g, "norway", KG_ENT_COUNTRY);
    /* a sentence with what DOT, Graphviz's escapes and XML each take apart */
    const char *text = "She said \"a\\N & <b>\"\n\tthen\001 left.";
    kg_evidence ev = {"bbc/001", "2024-03-04", 2, 10, 50, 10, 50, text};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, "maria-lindqvist");
    e.target = (size_t)kg_graph_find_node(g, "norway");
    e.relation = "praise";
    e.modal = true;
    e.evidence = &ev;
    e.n_evidence = 1;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);

    char *dot = dot_of(g, NULL);
    assert_true(xml_check_text(dot));
    assert_true(has(dot, "tooltip=\"Maria Lindqvist (person)\\n3 mentions in 1 document\\n"
                         "aliases: Maria Lindqvist, Lindqvist\""));
    assert_true(has(dot, "Maria Lindqvist \xE2\x86\x92 norway: praise\\n1 sentence, modal\\n"
                         "\xE2\x80\x9CShe said \\\"a\\\\N &amp; <b>\\\" then left."
                         "\xE2\x80\x9D (bbc/001, 2024-03-04)"));
    free(dot);

    char *svg = svg_of(g, NULL);
    assert_true(xml_check_text(svg));
    /* the line breaks are references, which an XML attribute keeps; the
     * backslash is the text's own, not a Graphviz escape */
    assert_true(has(svg, "xlink:title=\"Maria Lindqvist (person)&#10;3 mentions in 1 "
                         "document&#10;aliases: Maria Lindqvist, Lindqvist\""));
    assert_true(has(svg, "&#10;\xE2\x80\x9CShe said &quot;a\\N &amp; &lt;b&gt;&quot; then "
                         "left.\xE2\x80\x9D (bbc/001, 2024&#45;03&#45;04)\""));
    free(svg);
    kg_graph_free(g);
}

static void test_diagram_tooltip_cuts_a_long_sentence(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    add(g, "a", KG_ENT_PERSON);
    add(g, "b", KG_ENT_PERSON);
    char text[2000];
    memset(text, 0, sizeof text);
    for (size_t i = 0; i + 3 < 1500; i += 3)
        memcpy(text + i, "\xC3\xA9 ", 3); /* "é " */
    kg_evidence ev = {"d", "", 0, 0, 10, 0, 10, text};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = 0;
    e.target = 1;
    e.relation = "meet";
    e.evidence = &ev;
    e.n_evidence = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    char *dot = dot_of(g, NULL);
    const char *tip = strstr(dot, "a -> b");
    assert_non_null(tip);
    tip = strstr(tip, "tooltip=");
    assert_non_null(tip);
    const char *end = strstr(tip, "\xE2\x80\xA6\xE2\x80\x9D (d)");
    assert_non_null(end);             /* cut, with an ellipsis */
    assert_true(end - tip < 700);     /* 280 code points of two or one bytes */
    assert_true(xml_check_text(dot)); /* not inside a character */
    free(dot);
    kg_graph_free(g);
}

/* Width and height in points of an SVG's root element. */
static void svg_size(const char *svg, double *w, double *h)
{
    const char *s = strstr(svg, "<svg width=\"");
    assert_non_null(s);
    assert_int_equal(sscanf(s, "<svg width=\"%lfpt\" height=\"%lfpt\"", w, h), 2);
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* 40 pairs: dot alone stacks them in a column 40 pairs high; packed, they
 * tile, and keep their edge labels (which Graphviz's own pack=true loses). */
static void test_diagram_svg_tiles_many_components_and_keeps_edge_labels(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    docs(g, 2);
    char a[32], b[32];
    for (int i = 0; i < 40; i++) {
        snprintf(a, sizeof a, "person-%02d", i);
        snprintf(b, sizeof b, "place-%02d", i);
        add(g, a, KG_ENT_PERSON);
        add(g, b, KG_ENT_LOCATION);
        relate(g, a, b, "visit");
    }
    char *svg = svg_of(g, NULL);
    assert_true(xml_check_text(svg));
    double w, h;
    svg_size(svg, &w, &h);
    assert_true(w / h > 0.5 && w / h < 2.0);
    assert_true(h < 2000); /* a column was 40 x 44 pt and more */
    assert_int_equal(count_of(svg, ">visit</text>"), 40);
    assert_int_equal(count_of(svg, "class=\"node\""), 80 + 4); /* and the legend's */
    free(svg);

    /* the other engines too, the legend drawn in rows */
    kg_export_options o;
    kg_export_options_init(&o);
    const char *engines[] = {"neato", "sfdp"};
    for (int k = 0; k < 2; k++) {
        o.layout = engines[k];
        svg = svg_of(g, &o);
        assert_true(xml_check_text(svg));
        svg_size(svg, &w, &h);
        assert_true(w / h > 0.4 && w / h < 2.5);
        assert_true(has(svg, ">relation: subject \xE2\x86\x92 object</text>"));
        free(svg);
    }
    kg_graph_free(g);
}

static void test_diagram_layout_is_checked_and_written_into_the_dot(void **state)
{
    (void)state;
    kg_graph *g = with_lone_node(1);
    kg_export_options o;
    kg_export_options_init(&o);
    o.layout = "spring";
    kg_status st;
    kg_error err;
    assert_null(dot_with(g, &o, &st, &err));
    assert_int_equal(st, KG_ERR_USAGE);
    assert_true(has(err.message, "unknown layout engine 'spring'"));
    assert_false(kg_export_layout_known("spring"));
    assert_true(kg_export_layout_known("sfdp"));

    o.layout = "sfdp";
    char *dot = dot_of(g, &o);
    assert_true(has(dot, "layout=sfdp"));
    free(dot);
    dot = dot_of(g, NULL); /* dot is the default, and not written */
    assert_null(strstr(dot, "layout="));
    free(dot);
    kg_graph_free(g);
}

static void test_diagram_default_layout_is_sfdp_above_the_dot_limit(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    docs(g, 2);
    char a[32], b[32];
    for (size_t i = 0; i < KG_DIAGRAM_DOT_MAX_NODES / 2 + 1; i++) {
        snprintf(a, sizeof a, "p%zu", i);
        snprintf(b, sizeof b, "q%zu", i);
        add(g, a, KG_ENT_PERSON);
        add(g, b, KG_ENT_PERSON);
        relate(g, a, b, "meet");
    }
    char *dot = dot_of(g, NULL);
    assert_true(has(dot, "layout=sfdp"));
    assert_true(has(dot, "splines=false")); /* routing would take minutes */
    free(dot);
    kg_export_options o;
    kg_export_options_init(&o);
    o.types = 1u << KG_ENT_ORGANIZATION; /* nothing drawn: dot again */
    dot = dot_of(g, &o);
    assert_null(strstr(dot, "layout="));
    free(dot);
    kg_graph_free(g);
}

/* The other formats hold the whole graph whatever the diagram options. */
static void test_diagram_options_leave_the_json_whole(void **state)
{
    (void)state;
    kg_graph *g = chain();
    kg_export_options o;
    kg_export_options_init(&o);
    o.focus = "nobody";
    o.types = 1u << KG_ENT_COUNTRY;
    o.min_count = 5;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_error err;
    assert_int_equal(kg_export_write_with(g, KG_FMT_JSON, &o, f, &err), KG_OK);
    fclose(f);
    assert_true(has(buf, "\"f\""));
    assert_true(has(buf, "\"call\""));
    free(buf);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diagram_of_two_documents_leaves_isolated_nodes_out),
        cmocka_unit_test(test_diagram_of_one_document_keeps_isolated_nodes_unless_too_many),
        cmocka_unit_test(test_diagram_min_count_drops_edges_and_the_nodes_they_left_alone),
        cmocka_unit_test(test_diagram_types_keep_only_those_types),
        cmocka_unit_test(test_diagram_focus_keeps_nodes_within_depth_either_way),
        cmocka_unit_test(test_diagram_focus_on_an_unknown_id_is_a_usage_error_naming_it),
        cmocka_unit_test(test_diagram_legend_explains_the_looks_present),
        cmocka_unit_test(test_diagram_tooltips_say_why_and_stay_escaped),
        cmocka_unit_test(test_diagram_tooltip_cuts_a_long_sentence),
        cmocka_unit_test(test_diagram_svg_tiles_many_components_and_keeps_edge_labels),
        cmocka_unit_test(test_diagram_layout_is_checked_and_written_into_the_dot),
        cmocka_unit_test(test_diagram_default_layout_is_sfdp_above_the_dot_limit),
        cmocka_unit_test(test_diagram_options_leave_the_json_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
