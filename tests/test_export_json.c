/* test_export_json.c - node-link JSON: exact form, determinism, options. */
#include "fixtures.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *json_of(kg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    kg_error err;
    assert_int_equal(kg_export_write(g, KG_FMT_JSON, f, &err), KG_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static size_t add(kg_graph *g, const char *id, const char *label, kg_entity_type type,
                  const char *doc, size_t offset, size_t mentions)
{
    kg_doc_count dc = {doc, mentions};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.label = label;
    n.type = type;
    n.mentions = mentions;
    n.first_doc = doc;
    n.first_offset = offset;
    n.first_cp = offset;
    n.docs = &dc;
    n.n_docs = 1;
    size_t i;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &n, &i, &err), KG_OK);
    return i;
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void claim(kg_graph *g, const char *s, const char *t, const char *rel, bool negated,
                  const char *doc, size_t sentence, const char *text)
{
    kg_evidence ev = {doc,
                      "2024-01-05",
                      sentence,
                      100 * sentence,
                      100 * sentence + strlen(text),
                      90 * sentence,
                      90 * sentence + code_points(text),
                      text};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.negated = negated;
    e.confidence = 0.75;
    e.evidence = &ev;
    e.n_evidence = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

static kg_graph *tiny(void)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "doc", "2024-01-05", &err), KG_OK);
    const char *aliases[] = {"Antony Blinken", "Blinken"};
    const char *roles[] = {"Secretary of State"};
    kg_doc_count dc = {"doc", 2};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = "antony-blinken";
    n.label = "Antony Blinken";
    n.type = KG_ENT_PERSON;
    n.aliases = aliases;
    n.n_aliases = 2;
    n.roles = roles;
    n.n_roles = 1;
    n.mentions = 2;
    n.first_doc = "doc";
    n.first_offset = 16;
    n.first_cp = 16;
    n.docs = &dc;
    n.n_docs = 1;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    memset(&n, 0, sizeof n);
    n.id = "turkey";
    n.label = "Türkiye";
    n.type = KG_ENT_COUNTRY;
    memcpy(n.iso2, "TR", 3);
    memcpy(n.iso3, "TUR", 4);
    n.mentions = 1;
    dc.mentions = 1;
    n.first_doc = "doc";
    n.first_offset = 40;
    n.first_cp = 39;
    n.docs = &dc;
    n.n_docs = 1;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    claim(g, "antony-blinken", "turkey", "visit", false, "doc", 0,
          "Blinken visited Türkiye, \"briefly\".");
    kg_claim_value v = {KG_VALUE_PERCENT, 5.5, "", "", "5.5%"};
    kg_evidence ev = {"doc", "2024-01-05", 1, 40, 80, 39, 79, "He said aid rose 5.5%."};
    kg_claim c = {.node = (size_t)kg_graph_find_node(g, "antony-blinken"),
                  .role = KG_CLAIM_SUBJECT,
                  .relation = "say",
                  .argument = "aid rose 5.5%",
                  .speaker = "",
                  .values = &v,
                  .n_values = 1,
                  .count = 1,
                  .confidence = 0.9,
                  .evidence = &ev,
                  .n_evidence = 1};
    assert_int_equal(kg_graph_add_claim(g, &c, NULL, &err), KG_OK);
    return g;
}

static const char tiny_json[] =
    "{\n"
    "  \"directed\": true,\n"
    "  \"multigraph\": false,\n"
    "  \"graph\": {\n"
    "    \"generator\": \"kg " KG_VERSION "\",\n"
    "    \"schema_version\": 3,\n"
    "    \"documents\": [\n"
    "      {\n"
    "        \"id\": \"doc\",\n"
    "        \"date\": \"2024-01-05\"\n"
    "      }\n"
    "    ]\n"
    "  },\n"
    "  \"nodes\": [\n"
    "    {\n"
    "      \"id\": \"antony-blinken\",\n"
    "      \"label\": \"Antony Blinken\",\n"
    "      \"type\": \"person\",\n"
    "      \"aliases\": [\n"
    "        \"Antony Blinken\",\n"
    "        \"Blinken\"\n"
    "      ],\n"
    "      \"roles\": [\n"
    "        \"Secretary of State\"\n"
    "      ],\n"
    "      \"mentions\": 2,\n"
    "      \"first_mention\": {\n"
    "        \"doc\": \"doc\",\n"
    "        \"offset\": 16,\n"
    "        \"cp\": 16\n"
    "      },\n"
    "      \"documents\": [\n"
    "        {\n"
    "          \"id\": \"doc\",\n"
    "          \"mentions\": 2\n"
    "        }\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"turkey\",\n"
    "      \"label\": \"Türkiye\",\n"
    "      \"type\": \"country\",\n"
    "      \"aliases\": [],\n"
    "      \"roles\": [],\n"
    "      \"mentions\": 1,\n"
    "      \"iso2\": \"TR\",\n"
    "      \"iso3\": \"TUR\",\n"
    "      \"first_mention\": {\n"
    "        \"doc\": \"doc\",\n"
    "        \"offset\": 40,\n"
    "        \"cp\": 39\n"
    "      },\n"
    "      \"documents\": [\n"
    "        {\n"
    "          \"id\": \"doc\",\n"
    "          \"mentions\": 1\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"edges\": [\n"
    "    {\n"
    "      \"source\": \"antony-blinken\",\n"
    "      \"target\": \"turkey\",\n"
    "      \"relation\": \"visit\",\n"
    "      \"negated\": false,\n"
    "      \"modal\": false,\n"
    "      \"attributed\": false,\n"
    "      \"count\": 1,\n"
    "      \"confidence\": 0.75,\n"
    "      \"evidence\": [\n"
    "        {\n"
    "          \"doc\": \"doc\",\n"
    "          \"date\": \"2024-01-05\",\n"
    "          \"sentence\": 0,\n"
    "          \"start\": 0,\n"
    "          \"end\": 36,\n"
    "          \"cp_start\": 0,\n"
    "          \"cp_end\": 35,\n"
    "          \"text\": \"Blinken visited Türkiye, \\\"briefly\\\".\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ],\n"
    "  \"claims\": [\n"
    "    {\n"
    "      \"entity\": \"antony-blinken\",\n"
    "      \"role\": \"subject\",\n"
    "      \"relation\": \"say\",\n"
    "      \"argument\": \"aid rose 5.5%\",\n"
    "      \"negated\": false,\n"
    "      \"modal\": false,\n"
    "      \"attributed\": false,\n"
    "      \"speaker\": \"\",\n"
    "      \"values\": [\n"
    "        {\n"
    "          \"kind\": \"percent\",\n"
    "          \"amount\": 5.5,\n"
    "          \"text\": \"5.5%\"\n"
    "        }\n"
    "      ],\n"
    "      \"count\": 1,\n"
    "      \"confidence\": 0.9,\n"
    "      \"evidence\": [\n"
    "        {\n"
    "          \"doc\": \"doc\",\n"
    "          \"date\": \"2024-01-05\",\n"
    "          \"sentence\": 1,\n"
    "          \"start\": 40,\n"
    "          \"end\": 80,\n"
    "          \"cp_start\": 39,\n"
    "          \"cp_end\": 79,\n"
    "          \"text\": \"He said aid rose 5.5%.\"\n"
    "        }\n"
    "      ]\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void test_json_of_tiny_graph_matches_golden(void **state)
{
    (void)state;
    kg_graph *g = tiny();
    char *json = json_of(g);
    assert_string_equal(json, tiny_json);
    free(json);
    kg_graph_free(g);
}

static void test_json_of_empty_graph_has_every_section(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    char *json = json_of(g);
    assert_string_equal(json, "{\n"
                              "  \"directed\": true,\n"
                              "  \"multigraph\": false,\n"
                              "  \"graph\": {\n"
                              "    \"generator\": \"kg " KG_VERSION "\",\n"
                              "    \"schema_version\": 3,\n"
                              "    \"documents\": []\n"
                              "  },\n"
                              "  \"nodes\": [],\n"
                              "  \"edges\": [],\n"
                              "  \"claims\": []\n"
                              "}\n");
    free(json);
    kg_graph_free(g);
}

/* The same content, built in the order given by perm (a permutation of 0..5
 * over the steps below). */
static kg_graph *built_in_order(const int *perm)
{
    kg_graph *g = kg_graph_new();
    kg_error err;
    for (int k = 0; k < 6; k++) {
        switch (perm[k]) {
        case 0:
            assert_int_equal(kg_graph_add_doc(g, "d2", "2024-02-02", &err), KG_OK);
            add(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "d2", 10, 2);
            add(g, "qatar", "Qatar", KG_ENT_COUNTRY, "d2", 50, 1);
            claim(g, "qatar", "hamas", "host", false, "d2", 1, "Qatar hosts Hamas.");
            break;
        case 1:
            assert_int_equal(kg_graph_add_doc(g, "d1", "2024-01-01", &err), KG_OK);
            add(g, "qatar", "State of Qatar", KG_ENT_COUNTRY, "d1", 5, 3);
            add(g, "israel", "Israel", KG_ENT_COUNTRY, "d1", 30, 2);
            claim(g, "israel", "qatar", "thank", false, "d1", 2, "Israel thanked Qatar.");
            break;
        case 2:
            add(g, "israel", "Israel", KG_ENT_COUNTRY, "d2", 0, 1);
            add(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "d2", 10, 2);
            claim(g, "israel", "hamas", "negotiate with", true, "d2", 0,
                  "Israel will not negotiate with Hamas.");
            break;
        case 3:
            add(g, "israel", "Israel", KG_ENT_COUNTRY, "d1", 30, 2);
            add(g, "qatar", "State of Qatar", KG_ENT_COUNTRY, "d1", 5, 3);
            claim(g, "israel", "qatar", "thank", false, "d1", 0, "Israel thanks Qatar.");
            break;
        case 4:
            add(g, "israel", "Israel", KG_ENT_COUNTRY, "d2", 0, 1);
            add(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "d2", 10, 2);
            claim(g, "israel", "hamas", "negotiate with", false, "d2", 3,
                  "Israel negotiates with Hamas.");
            break;
        case 5:
            add(g, "qatar", "Qatar", KG_ENT_COUNTRY, "d2", 50, 1);
            add(g, "israel", "Israel", KG_ENT_COUNTRY, "d2", 0, 1);
            claim(g, "israel", "qatar", "thank", false, "d2", 4, "Israel thanks Qatar again.");
            break;
        }
    }
    return g;
}

static void test_json_is_byte_identical_for_any_insertion_order(void **state)
{
    (void)state;
    const int orders[][6] = {{0, 1, 2, 3, 4, 5},
                             {5, 4, 3, 2, 1, 0},
                             {2, 0, 5, 1, 3, 4},
                             {3, 5, 1, 4, 0, 2},
                             {4, 2, 0, 3, 5, 1}};
    kg_graph *first = built_in_order(orders[0]);
    char *expect = json_of(first);
    for (size_t k = 1; k < sizeof orders / sizeof orders[0]; k++) {
        kg_graph *g = built_in_order(orders[k]);
        char *json = json_of(g);
        assert_string_equal(json, expect);
        free(json);
        kg_graph_free(g);
    }
    /* and the content is what the steps say */
    assert_int_equal(kg_graph_node_count(first), 3);
    assert_int_equal(kg_graph_edge_count(first), 4);
    const kg_node *q = kg_graph_node(first, (size_t)kg_graph_find_node(first, "qatar"));
    assert_string_equal(q->label, "State of Qatar");
    assert_int_equal(q->mentions, 4);
    free(expect);
    kg_graph_free(first);
}

static void test_json_writes_metrics_only_after_analyze(void **state)
{
    (void)state;
    kg_graph *g = tiny();
    char *before = json_of(g);
    assert_null(strstr(before, "\"metrics\""));
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    char *after = json_of(g);
    const char *m = strstr(after, "\"metrics\": {\n"
                                  "        \"degree\": 1,\n"
                                  "        \"weighted_degree\": 1,\n"
                                  "        \"pagerank\": 0.350877,\n"
                                  "        \"betweenness\": 0.0,\n"
                                  "        \"component\": 0,\n"
                                  "        \"community\": 0\n"
                                  "      }");
    assert_non_null(m);
    free(before);
    free(after);
    kg_graph_free(g);
}

static void test_json_parses_back_with_the_same_content(void **state)
{
    (void)state;
    kg_graph *g = tiny();
    char *json = json_of(g);
    json_error_t jerr;
    json_t *root = json_loads(json, 0, &jerr);
    assert_non_null(root);
    json_t *node = json_array_get(json_object_get(root, "nodes"), 1);
    assert_string_equal(json_string_value(json_object_get(node, "label")), "Türkiye");
    json_t *link = json_array_get(json_object_get(root, "edges"), 0);
    assert_string_equal(json_string_value(json_object_get(link, "source")), "antony-blinken");
    json_t *ev = json_array_get(json_object_get(link, "evidence"), 0);
    assert_string_equal(json_string_value(json_object_get(ev, "text")),
                        "Blinken visited Türkiye, \"briefly\".");
    json_decref(root);
    free(json);
    kg_graph_free(g);
}

static void test_json_marks_parallel_links_as_multigraph(void **state)
{
    (void)state;
    kg_graph *g = tiny();
    claim(g, "antony-blinken", "turkey", "praise", false, "doc", 1, "Blinken praised Türkiye.");
    char *json = json_of(g);
    assert_non_null(strstr(json, "\"multigraph\": true,"));
    free(json);
    kg_graph_free(g);
}

static void test_json_refuses_strings_that_are_not_utf8(void **state)
{
    (void)state;
    kg_graph *g = tiny();
    add(g, "bad", "Caf\xe9", KG_ENT_LOCATION, "doc", 0, 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_error err;
    assert_int_equal(kg_export_json(g, f, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "json: not valid UTF-8: \"Caf\xe9\"");
    fclose(f);
    free(buf);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_of_tiny_graph_matches_golden),
        cmocka_unit_test(test_json_of_empty_graph_has_every_section),
        cmocka_unit_test(test_json_is_byte_identical_for_any_insertion_order),
        cmocka_unit_test(test_json_writes_metrics_only_after_analyze),
        cmocka_unit_test(test_json_parses_back_with_the_same_content),
        cmocka_unit_test(test_json_marks_parallel_links_as_multigraph),
        cmocka_unit_test(test_json_refuses_strings_that_are_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
