/* test_graph_load_styles.c - kg_graph_load_json reads every JSON style kg
 * writes (Cytoscape.js, graphology, JSON Graph Format, node-link with
 * "edges" or "links"), names fields by their place in each, and names the
 * style of a file kg did not write. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

static const kg_json_style all_styles[] = {KG_JSON_NODE_LINK, KG_JSON_CYTOSCAPE, KG_JSON_GRAPHOLOGY,
                                           KG_JSON_JGF};

static char *styled(kg_graph *g, kg_json_style style)
{
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(kg_export_json_styled(g, style, f, &err), KG_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void node(kg_graph *g, const char *id, const char *label, kg_entity_type type,
                 const char *iso2)
{
    kg_doc_count dc = {"doc", 2};
    const char *aliases[] = {label};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.label = label;
    n.type = type;
    n.aliases = aliases;
    n.n_aliases = 1;
    n.mentions = 2;
    n.first_doc = "doc";
    n.first_offset = 3;
    n.first_cp = 3;
    n.docs = &dc;
    n.n_docs = 1;
    if (iso2)
        memcpy(n.iso2, iso2, 3);
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
}

static void edge(kg_graph *g, const char *s, const char *t, const char *rel, bool negated,
                 size_t sentence)
{
    kg_evidence ev = {"doc", "2024-01-05", sentence, 10, 30, 10, 30, "A sentence of the article."};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.negated = negated;
    e.modal = sentence == 2;
    e.confidence = 0.75;
    e.evidence = &ev;
    e.n_evidence = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

/* Three nodes, three edges (two between the same pair), analyzed; no claims,
 * which only node-link carries. */
static kg_graph *sample(void)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "doc", "2024-01-05", &err), KG_OK);
    node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, NULL);
    node(g, "egypt", "Egypt", KG_ENT_COUNTRY, "EG");
    node(g, "cairo", "Cairo", KG_ENT_LOCATION, NULL);
    edge(g, "antony-blinken", "egypt", "meet", false, 0);
    edge(g, "antony-blinken", "egypt", "meet", true, 1);
    edge(g, "antony-blinken", "cairo", "visit", false, 2);
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    return g;
}

static kg_graph *load(const char *json)
{
    kg_graph *g = NULL;
    kg_error err;
    kg_status st = kg_graph_load_json_buffer("t.json", json, strlen(json), &g, &err);
    if (st != KG_OK)
        fail_msg("%s", err.message);
    return g;
}

static const char *load_error(const char *json, kg_error *err)
{
    kg_graph *g = NULL;
    assert_int_equal(kg_graph_load_json_buffer("t.json", json, strlen(json), &g, err),
                     KG_ERR_INPUT);
    assert_null(g);
    return err->message;
}

/* Each style, read back, writes the same bytes again, and the same
 * node-link JSON as the graph it came from. */
static void test_load_reads_every_style_back_exactly(void **state)
{
    (void)state;
    kg_graph *g = sample();
    char *node_link = styled(g, KG_JSON_NODE_LINK);
    for (size_t k = 0; k < sizeof all_styles / sizeof all_styles[0]; k++) {
        char *written = styled(g, all_styles[k]);
        kg_graph *back = load(written);
        assert_non_null(back);
        assert_int_equal(kg_graph_node_count(back), 3);
        assert_int_equal(kg_graph_edge_count(back), 3);
        assert_true(kg_graph_analyzed(back));
        char *again = styled(back, all_styles[k]);
        assert_string_equal(again, written);
        char *as_node_link = styled(back, KG_JSON_NODE_LINK);
        assert_string_equal(as_node_link, node_link);
        free(as_node_link);
        free(again);
        free(written);
        kg_graph_free(back);
    }
    free(node_link);
    kg_graph_free(g);
}

/* kg writes node-link edges as "edges" (networkx 3.6's default key); files
 * of schema versions 1 and 2 and older networkx call them "links". */
static void test_load_reads_links_as_well_as_edges(void **state)
{
    (void)state;
    kg_graph *g = sample();
    char *json = styled(g, KG_JSON_NODE_LINK);
    assert_non_null(strstr(json, "\n  \"edges\": ["));
    assert_null(strstr(json, "\"links\""));
    char *key = strstr(json, "\n  \"edges\": [");
    memcpy(key + 4, "links", 5);
    kg_graph *back = load(json);
    assert_non_null(back);
    assert_int_equal(kg_graph_edge_count(back), 3);
    kg_graph_free(back);
    free(json);
    kg_graph_free(g);

    kg_error err;
    assert_string_equal(load_error("{\"graph\": {\"schema_version\": 2}, \"nodes\": [], "
                                   "\"edges\": [], \"links\": []}",
                                   &err),
                        "t.json: links: given beside \"edges\": a graph has one list of edges");
    assert_string_equal(
        load_error("{\"graph\": {\"schema_version\": 2}, \"nodes\": [], "
                   "\"links\": [{\"source\": \"a\", \"target\": \"b\", \"relation\": \"r\"}]}",
                   &err),
        "t.json: links[0].source: no node with id \"a\"");
    assert_string_equal(load_error("{\"graph\": {\"schema_version\": 2}, \"nodes\": []}", &err),
                        "t.json: edges: missing (expected an array of objects)");
}

#define CY_HEAD "{\"data\": {\"schema_version\": 2}, \"elements\": "
#define GY_HEAD "{\"attributes\": {\"schema_version\": 2}, \"options\": {\"type\": \"directed\"}, "
#define JGF_HEAD "{\"graph\": {\"directed\": true, \"metadata\": {\"schema_version\": 2}, "

/* A field is named by its place in the file, whatever the style. */
static void test_load_names_fields_in_each_style(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(load_error(CY_HEAD "{\"nodes\": [{\"data\": {\"id\": \"a\"}}]}}", &err),
                        "t.json: elements.nodes[0].data.type: missing (expected a string)");
    assert_string_equal(load_error(CY_HEAD "{\"nodes\": [{\"id\": \"a\"}]}}", &err),
                        "t.json: elements.nodes[0].data: missing (expected an object)");
    assert_string_equal(
        load_error(CY_HEAD "{\"nodes\": [{\"data\": {\"id\": \"a\", \"type\": \"person\"}}], "
                           "\"edges\": [{\"data\": {\"source\": \"a\", \"target\": \"x\"}}]}}",
                   &err),
        "t.json: elements.edges[0].data.target: no node with id \"x\"");
    assert_string_equal(
        load_error(GY_HEAD "\"nodes\": [{\"key\": \"a\", \"attributes\": {\"type\": \"person\"}}]}",
                   &err),
        "t.json: nodes[0].attributes.entity_type: missing (expected a string)");
    assert_string_equal(load_error(GY_HEAD "\"nodes\": [{\"attributes\": {}}]}", &err),
                        "t.json: nodes[0].key: missing (expected a string)");
    assert_string_equal(
        load_error(GY_HEAD "\"nodes\": [{\"key\": \"a\", \"attributes\": {\"entity_type\": "
                           "\"person\"}}], \"edges\": [{\"source\": \"a\", \"target\": \"a\", "
                           "\"attributes\": {\"confidence\": 2}}]}",
                   &err),
        "t.json: edges[0].attributes.relation: missing (expected a string)");
    assert_string_equal(load_error("{\"attributes\": {\"schema_version\": 2}, \"options\": "
                                   "{\"type\": \"undirected\"}, \"nodes\": []}",
                                   &err),
                        "t.json: options.type: \"undirected\": only directed graphs are supported");
    assert_string_equal(load_error(JGF_HEAD "\"nodes\": {\"a\": {\"metadata\": {}}}}}", &err),
                        "t.json: graph.nodes[\"a\"].metadata.type: missing (expected a string)");
    assert_string_equal(
        load_error(JGF_HEAD "\"nodes\": {\"a\": {\"metadata\": {\"type\": \"person\"}}}, "
                            "\"edges\": [{\"source\": \"a\", \"target\": \"a\", \"relation\": "
                            "\"r\", \"metadata\": {\"count\": -1}}]}}",
                   &err),
        "t.json: graph.edges[0].metadata.count: expected a non-negative integer, not -1");
    assert_string_equal(load_error(JGF_HEAD "\"nodes\": [] }}", &err),
                        "t.json: graph.nodes: expected an object, not an array");
    assert_string_equal(
        load_error(CY_HEAD "{\"nodes\": [{\"data\": {\"id\": \"a\", \"type\": \"person\", "
                           "\"degree\": 1}}]}}",
                   &err),
        "t.json: elements.nodes[0].data.weighted_degree: missing (expected a number)");
}

/* A file in one of these styles that kg did not write (no schema_version)
 * is refused naming its style and the option that writes what kg reads. */
static void test_load_names_the_style_of_a_foreign_file(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(
        load_error("{\"elements\": {\"nodes\": [], \"edges\": []}}", &err),
        "t.json: a Cytoscape.js file without kg's schema_version: kg reads the Cytoscape.js JSON "
        "that 'kg build --json-style cytoscape' writes, or node-link JSON");
    assert_non_null(strstr(load_error("{\"attributes\": {}, \"nodes\": []}", &err),
                           "t.json: a graphology file without kg's schema_version"));
    assert_non_null(strstr(load_error("{\"graph\": {\"nodes\": {}}}", &err),
                           "t.json: a JSON Graph Format file without kg's schema_version"));
    assert_non_null(strstr(load_error("{\"graphs\": [{\"nodes\": {}}]}", &err),
                           "t.json: a JSON Graph Format file of several graphs"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_reads_every_style_back_exactly),
        cmocka_unit_test(test_load_reads_links_as_well_as_edges),
        cmocka_unit_test(test_load_names_fields_in_each_style),
        cmocka_unit_test(test_load_names_the_style_of_a_foreign_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
