/* test_graph_load.c - reading node-link JSON back: exact round trips, merges
 * through files, messages that name the place, and the other JSON styles. */
#include "fixtures.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

static char *styled(kg_graph *g, kg_json_style style)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    kg_export_options o;
    kg_export_options_init(&o);
    o.json_style = style;
    kg_error err;
    assert_int_equal(kg_export_write_with(g, KG_FMT_JSON, &o, f, &err), KG_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static char *json_of(kg_graph *g)
{
    return styled(g, KG_JSON_NODE_LINK);
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

/* The message loading json gives (the load must fail). */
static const char *load_error(const char *json, kg_error *err)
{
    kg_graph *g = (kg_graph *)1;
    assert_int_not_equal(kg_graph_load_json_buffer("t.json", json, strlen(json), &g, err), KG_OK);
    assert_null(g);
    return err->message;
}

static void node(kg_graph *g, const char *id, const char *label, kg_entity_type type,
                 const char *doc, size_t offset, size_t mentions, const char **aliases,
                 size_t n_aliases)
{
    kg_doc_count dc = {doc, mentions};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.label = label;
    n.type = type;
    n.aliases = aliases;
    n.n_aliases = n_aliases;
    n.mentions = mentions;
    n.first_doc = doc;
    n.first_offset = offset;
    n.first_cp = offset;
    n.docs = doc ? &dc : NULL;
    n.n_docs = doc ? 1 : 0;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
}

static void claim(kg_graph *g, const char *s, const char *t, const char *rel, bool negated,
                  const char *doc, size_t sentence, const char *text, double confidence)
{
    kg_evidence ev = {doc,
                      "2024-03-0"
                      "1",
                      sentence,
                      100 * sentence,
                      100 * sentence + 20,
                      90 * sentence,
                      90 * sentence + 19,
                      text};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.negated = negated;
    e.modal = sentence == 2;
    e.attributed = sentence == 3;
    e.confidence = confidence;
    e.evidence = &ev;
    e.n_evidence = doc ? 1 : 0;
    e.count = 2;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

/* A claim of entity id in doc's sentence (doc NULL: support without
 * evidence), with at most one value (kind < 0: none). */
static void fact(kg_graph *g, const char *id, kg_claim_role role, const char *rel, const char *arg,
                 const char *doc, size_t sentence, int kind, double amount, const char *date,
                 const char *vtext)
{
    kg_claim_value v = {(kg_value_kind)(kind < 0 ? 0 : kind), amount, "", "", vtext};
    if (kind == KG_VALUE_MONEY)
        memcpy(v.currency, "USD", 4);
    if (date)
        snprintf(v.date, sizeof v.date, "%s", date);
    kg_evidence ev = {doc, "", sentence, 0, 20, 0, 20, "Evidence sentence."};
    kg_claim c = {.node = (size_t)kg_graph_find_node(g, id),
                  .role = role,
                  .relation = rel,
                  .argument = arg,
                  .speaker = "",
                  .values = kind < 0 ? NULL : &v,
                  .n_values = kind < 0 ? 0 : 1,
                  .count = 1,
                  .confidence = 0.6,
                  .evidence = doc ? &ev : NULL,
                  .n_evidence = doc ? 1 : 0};
    kg_error err;
    assert_int_equal(kg_graph_add_claim(g, &c, NULL, &err), KG_OK);
}

/* One document's graph, as kg build would make it. */
static kg_graph *doc_graph(int which)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    const char *a1[] = {"Secretary of State Antony Blinken", "Antony Blinken", "Blinken"};
    const char *a2[] = {"Antony Blinken", "Secretary Blinken", "Blinken"};
    const char *a3[] = {"Antony Blinken", "Mr. Blinken"};
    const char *q[] = {"Qatari", "Qatar"};
    switch (which) {
    case 1:
        assert_int_equal(kg_graph_add_doc(g, "cairo", "2024-02-05", &err), KG_OK);
        node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, "cairo", 19, 3, a1, 3);
        node(g, "egypt", "Egypt", KG_ENT_COUNTRY, "cairo", 50, 2, NULL, 0);
        claim(g, "antony-blinken", "egypt", "meet", false, "cairo", 0, "Blinken met Egypt.", 0.9);
        fact(g, "antony-blinken", KG_CLAIM_SUBJECT, "say", "the talks went well", "cairo", 1, -1, 0,
             NULL, NULL);
        break;
    case 2:
        assert_int_equal(kg_graph_add_doc(g, "doha", "2024-02-06", &err), KG_OK);
        node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, "doha", 40, 2, a2, 3);
        node(g, "qatar", "Qatar", KG_ENT_COUNTRY, "doha", 0, 2, q, 2);
        node(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "doha", 70, 1, NULL, 0);
        claim(g, "antony-blinken", "qatar", "thank", false, "doha", 1, "Blinken thanked Qatar.",
              0.8);
        claim(g, "qatar", "hamas", "mediate with", false, "doha", 2, "Qatar may mediate.", 0.5);
        fact(g, "qatar", KG_CLAIM_SUBJECT, "pledge", "$2.5 billion", "doha", 3, KG_VALUE_MONEY,
             2.5e9, NULL, "$2.5 billion");
        break;
    default:
        assert_int_equal(kg_graph_add_doc(g, "jerusalem", "", &err), KG_OK);
        node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, "jerusalem", 5, 2, a3, 2);
        node(g, "egypt", "Egypt", KG_ENT_COUNTRY, "jerusalem", 60, 1, NULL, 0);
        node(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "jerusalem", 0, 2, NULL, 0);
        claim(g, "antony-blinken", "egypt", "meet", false, "jerusalem", 3, "He met Egypt.", 0.95);
        claim(g, "hamas", "antony-blinken", "reject", true, "jerusalem", 1, "Hamas did not.", 0.7);
        fact(g, "antony-blinken", KG_CLAIM_SUBJECT, "say", "the talks went well", "jerusalem", 2,
             -1, 0, NULL, NULL);
        fact(g, "hamas", KG_CLAIM_OBJECT, "attack on", "an attack on Monday", "jerusalem", 4,
             KG_VALUE_DATE, 0, "2024-02-05", "Monday");
        break;
    }
    return g;
}

/* Everything the format can say at once: several documents, a type
 * conflict, mentions and support outside any document, codes, a self-loop,
 * a node without a first mention, text that needs escaping. */
static kg_graph *rich(void)
{
    kg_graph *g = doc_graph(1), *g2 = doc_graph(2);
    kg_error err;
    assert_int_equal(kg_graph_merge(g, g2, &err), KG_OK);
    kg_graph_free(g2);
    node(g, "hamas", "Hamas", KG_ENT_PERSON, "cairo", 90, 1, NULL, 0); /* outvoted type */
    node(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, NULL, 0, 4, NULL, 0);
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = "turkiye";
    n.label = "Türkiye \"Turkey\"\n";
    n.type = KG_ENT_COUNTRY;
    memcpy(n.iso2, "TR", 3);
    memcpy(n.iso3, "TUR", 4);
    n.mentions = 2;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    claim(g, "turkiye", "turkiye", "border", false, "doha", 4, "Türkiye\tborders itself.", 0.25);
    claim(g, "qatar", "egypt", "call", false, NULL, 0, "", 1.0);
    claim(g, "antony-blinken", "qatar", "thank", false, NULL, 0, "", 0.1); /* bare support */
    fact(g, "qatar", KG_CLAIM_SUBJECT, "pledge", "$2.5 billion", NULL, 0, KG_VALUE_MONEY, 2.5e9,
         NULL, "$2.5 billion");
    return g;
}

static void assert_round_trip(kg_graph *g)
{
    char *first = json_of(g);
    kg_graph *back = load(first);
    char *second = json_of(back);
    assert_string_equal(second, first);
    free(second);
    kg_graph_free(back);
    free(first);
}

/* ---------------------------------------------------------------- round trip */

static void test_load_then_export_gives_the_same_bytes(void **state)
{
    (void)state;
    kg_graph *g = rich();
    assert_round_trip(g);
    kg_graph_free(g);
}

static void test_load_keeps_every_attribute(void **state)
{
    (void)state;
    kg_graph *g = rich();
    char *json = json_of(g);
    kg_graph *back = load(json);
    assert_int_equal(kg_graph_node_count(back), kg_graph_node_count(g));
    assert_int_equal(kg_graph_edge_count(back), kg_graph_edge_count(g));
    assert_int_equal(kg_graph_doc_count(back), 2);
    assert_string_equal(kg_graph_doc_at(back, 0)->date, "2024-02-05");
    const kg_node *b = kg_graph_node(back, (size_t)kg_graph_find_node(back, "antony-blinken"));
    assert_int_equal(b->n_aliases, 4);
    assert_string_equal(b->aliases[0], "Secretary of State Antony Blinken"); /* fullest first */
    assert_string_equal(b->aliases[1], "Secretary Blinken");
    assert_string_equal(b->first_doc, "cairo");
    assert_int_equal(b->first_offset, 19);
    assert_int_equal(b->n_docs, 2);
    assert_int_equal(b->mentions, 5);
    const kg_node *h = kg_graph_node(back, (size_t)kg_graph_find_node(back, "hamas"));
    assert_int_equal(h->type, KG_ENT_ORGANIZATION);
    assert_int_equal(h->mentions, 6); /* 1 + 1 in documents, 4 outside */
    const kg_node *t = kg_graph_node(back, (size_t)kg_graph_find_node(back, "turkiye"));
    assert_string_equal(t->iso3, "TUR");
    assert_string_equal(t->label, "Türkiye \"Turkey\"\n");
    assert_null(t->first_doc);
    bool bare_seen = false;
    for (size_t j = 0; j < kg_graph_edge_count(back); j++) {
        const kg_edge *e = kg_graph_edge(back, j);
        if (!strcmp(e->relation, "thank")) {
            assert_int_equal(e->count, 3); /* one sentence and two given without */
            assert_int_equal(e->n_evidence, 1);
            assert_true(e->confidence > 0.79 && e->confidence < 0.81);
            bare_seen = true;
        }
        if (!strcmp(e->relation, "mediate with"))
            assert_true(e->modal);
    }
    assert_true(bare_seen);
    free(json);
    kg_graph_free(back);
    kg_graph_free(g);
}

static void test_load_restores_metrics_so_an_analyzed_file_round_trips(void **state)
{
    (void)state;
    kg_graph *g = rich();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    char *first = json_of(g);
    assert_non_null(strstr(first, "\"metrics\""));
    kg_graph *back = load(first);
    assert_true(kg_graph_analyzed(back));
    char *second = json_of(back);
    assert_string_equal(second, first);
    /* and analyzing again gives the same numbers */
    assert_int_equal(kg_graph_analyze(back, &err), KG_OK);
    char *third = json_of(back);
    assert_string_equal(third, first);
    free(third);
    free(second);
    free(first);
    kg_graph_free(back);
    kg_graph_free(g);
}

static void test_load_of_an_empty_graph_round_trips(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    assert_round_trip(g);
    kg_graph_free(g);
}

static void test_load_merged_into_an_empty_graph_gives_the_same_bytes(void **state)
{
    (void)state;
    kg_graph *g = rich();
    char *first = json_of(g);
    kg_graph *back = load(first), *into = kg_graph_new();
    kg_error err;
    assert_int_equal(kg_graph_merge(into, back, &err), KG_OK);
    char *second = json_of(into);
    assert_string_equal(second, first);
    free(second);
    free(first);
    kg_graph_free(into);
    kg_graph_free(back);
    kg_graph_free(g);
}

/* Merging per-document graphs read from files gives the bytes that merging
 * them in memory gives, in any order and for groupings whose files hold
 * documents next to each other in id order (see docs/json-format.md). */
static void test_merge_through_files_does_not_depend_on_order_or_grouping(void **state)
{
    (void)state;
    char *file[4];
    for (int k = 1; k <= 3; k++) {
        kg_graph *g = doc_graph(k);
        file[k] = json_of(g);
        kg_graph_free(g);
    }
    kg_graph *direct = kg_graph_new();
    kg_error err;
    for (int k = 1; k <= 3; k++) {
        kg_graph *g = doc_graph(k);
        assert_int_equal(kg_graph_merge(direct, g, &err), KG_OK);
        kg_graph_free(g);
    }
    char *expect = json_of(direct);
    const int orders[][3] = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}};
    for (size_t o = 0; o < 6; o++) {
        kg_graph *m = kg_graph_new();
        for (int k = 0; k < 3; k++) {
            kg_graph *part = load(file[orders[o][k]]);
            assert_int_equal(kg_graph_merge(m, part, &err), KG_OK);
            kg_graph_free(part);
        }
        char *got = json_of(m);
        assert_string_equal(got, expect);
        free(got);
        kg_graph_free(m);
    }
    /* (1 2) 3 and 1 (2 3), each pair written out and read back */
    const int pairs[][3] = {{1, 2, 3}, {2, 3, 1}};
    for (size_t p = 0; p < 2; p++) {
        kg_graph *pair = load(file[pairs[p][0]]), *other = load(file[pairs[p][1]]);
        assert_int_equal(kg_graph_merge(pair, other, &err), KG_OK);
        char *pair_json = json_of(pair);
        kg_graph *m = load(pair_json), *last = load(file[pairs[p][2]]);
        assert_int_equal(kg_graph_merge(m, last, &err), KG_OK);
        char *got = json_of(m);
        assert_string_equal(got, expect);
        free(got);
        free(pair_json);
        kg_graph_free(last);
        kg_graph_free(m);
        kg_graph_free(other);
        kg_graph_free(pair);
    }
    free(expect);
    kg_graph_free(direct);
    for (int k = 1; k <= 3; k++)
        free(file[k]);
}

static void test_load_reads_a_file_and_names_it_when_it_cannot(void **state)
{
    (void)state;
    char path[] = "/tmp/kg-test-load-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    kg_graph *g = rich();
    char *json = json_of(g);
    assert_int_equal(write(fd, json, strlen(json)), (ssize_t)strlen(json));
    close(fd);
    kg_graph *back = NULL;
    kg_error err;
    assert_int_equal(kg_graph_load_json(path, &back, &err), KG_OK);
    char *again = json_of(back);
    assert_string_equal(again, json);
    unlink(path);
    kg_graph_free(back);
    back = (kg_graph *)1;
    assert_int_equal(kg_graph_load_json(path, &back, &err), KG_ERR_IO);
    assert_null(back);
    char expect[128];
    snprintf(expect, sizeof expect, "%s: cannot open: No such file or directory", path);
    assert_string_equal(err.message, expect);
    free(again);
    free(json);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- messages */

/* declares document "d", which nodes and evidence may then name */
#define HEAD "{\"graph\": {\"schema_version\": 1, \"documents\": [{\"id\": \"d\"}]}, "

static void test_load_reports_malformed_json_with_line_and_column(void **state)
{
    (void)state;
    kg_error err;
    const char *msg =
        load_error("{\n  \"graph\": {\"schema_version\": 1},\n  \"nodes\": [,]\n}", &err);
    assert_int_equal(err.status, KG_ERR_INPUT);
    assert_string_equal(msg, "t.json:3:13: unexpected token near ','");
    msg = load_error("", &err);
    assert_non_null(strstr(msg, "t.json:"));
}

static void test_load_names_the_field_with_the_wrong_type(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}, "
                                        "{\"id\": \"b\", \"type\": 3}], \"links\": []}",
                                   &err),
                        "t.json: nodes[1].type: expected a string, not an integer");
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"aliases\": [\"x\", "
                        "null]}], \"links\": []}",
                   &err),
        "t.json: nodes[0].aliases[1]: expected a string, not null");
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"documents\": "
                        "[{\"id\": \"d\", \"mentions\": -1}]}], \"links\": []}",
                   &err),
        "t.json: nodes[0].documents[0].mentions: expected a non-negative integer, not -1");
    assert_string_equal(load_error("[]", &err),
                        "t.json: expected a JSON object at the top, not an array");
}

static void test_load_names_the_missing_field(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"type\": \"person\"}], \"links\": []}", &err),
        "t.json: nodes[0].id: missing (expected a string)");
    assert_string_equal(load_error("{\"nodes\": [], \"links\": []}", &err),
                        "t.json: graph: missing (expected an object)");
    assert_string_equal(load_error(HEAD "\"nodes\": []}", &err),
                        "t.json: edges: missing (expected an array of objects)");
    assert_string_equal(
        load_error(HEAD
                   "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": [{\"source\": "
                   "\"a\", \"target\": \"a\", \"relation\": \"r\", \"evidence\": [{\"doc\": "
                   "\"d\"}]}]}",
                   &err),
        "t.json: links[0].evidence[0].sentence: missing (expected a non-negative integer)");
}

static void test_load_skips_a_byte_order_mark(void **state)
{
    (void)state;
    const char *json = "\xEF\xBB\xBF" HEAD "\"nodes\": [], \"links\": []}";
    kg_graph *g = NULL;
    kg_error err;
    assert_int_equal(kg_graph_load_json_buffer("t.json", json, strlen(json), &g, &err), KG_OK);
    assert_int_equal(kg_graph_doc_count(g), 1);
    kg_graph_free(g);
}

static void test_load_refuses_undeclared_documents_and_backward_spans(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"documents\": "
                        "[{\"id\": \"zz\", \"mentions\": 1}]}], \"links\": []}",
                   &err),
        "t.json: nodes[0].documents[0].id: document \"zz\" is not in graph.documents");
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"first_mention\": "
                        "{\"doc\": \"zz\", \"offset\": 0, \"cp\": 0}}], \"links\": []}",
                   &err),
        "t.json: nodes[0].first_mention.doc: document \"zz\" is not in graph.documents");
    const char *link = HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": "
                            "[{\"source\": \"a\", \"target\": \"a\", \"relation\": \"r\", "
                            "\"evidence\": [{\"doc\": \"%s\", \"sentence\": 0, %s}]}]}";
    char json[1024];
    snprintf(json, sizeof json, link, "zz", "\"start\": 0");
    assert_string_equal(
        load_error(json, &err),
        "t.json: links[0].evidence[0].doc: document \"zz\" is not in graph.documents");
    snprintf(json, sizeof json, link, "d", "\"start\": 9, \"end\": 5");
    assert_string_equal(load_error(json, &err),
                        "t.json: links[0].evidence[0].end: 5 is before start (9)");
    snprintf(json, sizeof json, link, "d", "\"cp_start\": 9, \"cp_end\": 5");
    assert_string_equal(load_error(json, &err),
                        "t.json: links[0].evidence[0].cp_end: 5 is before cp_start (9)");
    snprintf(json, sizeof json, link, "d", "\"date\": \"2023-02-29\"");
    assert_string_equal(load_error(json, &err), "t.json: links[0].evidence[0].date: \"2023-02-29\" "
                                                "is not a date (YYYY-MM-DD, or \"\")");
    assert_string_equal(
        load_error("{\"graph\": {\"schema_version\": 1, \"documents\": [{\"id\": "
                   "\"d\", \"date\": \"2024-02-31\"}]}, \"nodes\": [], \"links\": []}",
                   &err),
        "t.json: graph.documents[0].date: \"2024-02-31\" is not a date "
        "(YYYY-MM-DD, or \"\")");
}

static void test_load_refuses_links_to_unknown_nodes(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(
        load_error(HEAD
                   "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": [{\"source\": "
                   "\"a\", \"target\": \"x\", \"relation\": \"meet\"}]}",
                   &err),
        "t.json: links[0].target: no node with id \"x\"");
}

static void test_claims_merge_across_documents(void **state)
{
    (void)state;
    kg_graph *g = doc_graph(1), *g3 = doc_graph(3);
    kg_error err;
    assert_int_equal(kg_graph_merge(g, g3, &err), KG_OK);
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_int_equal(kg_graph_claim_count(g), 2); /* "say" twice is one claim */
    const kg_claim *c = kg_graph_claim(g, 0);
    assert_string_equal(kg_graph_node(g, c->node)->id, "antony-blinken");
    assert_int_equal(c->count, 2);
    assert_int_equal(c->n_evidence, 2);
    c = kg_graph_claim(g, 1);
    assert_string_equal(kg_graph_node(g, c->node)->id, "hamas");
    assert_int_equal(c->role, KG_CLAIM_OBJECT);
    assert_int_equal(c->n_values, 1);
    assert_string_equal(c->values[0].date, "2024-02-05");
    kg_graph_free(g3);
    kg_graph_free(g);
}

static void test_load_refuses_bad_claims(void **state)
{
    (void)state;
    kg_error err;
    const char *nodes = HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": [], ";
    char buf[512];
    snprintf(buf, sizeof buf,
             "%s\"claims\": [{\"entity\": \"b\", \"role\": \"subject\", "
             "\"relation\": \"say\", \"argument\": \"x\"}]}",
             nodes);
    assert_string_equal(load_error(buf, &err), "t.json: claims[0].entity: no node with id \"b\"");
    snprintf(buf, sizeof buf,
             "%s\"claims\": [{\"entity\": \"a\", \"role\": \"agent\", "
             "\"relation\": \"say\", \"argument\": \"x\"}]}",
             nodes);
    assert_string_equal(load_error(buf, &err),
                        "t.json: claims[0].role: \"agent\" is neither subject nor object");
    snprintf(buf, sizeof buf,
             "%s\"claims\": [{\"entity\": \"a\", \"role\": \"subject\", "
             "\"relation\": \"say\", \"argument\": \"x\", \"values\": [{\"kind\": "
             "\"date\", \"date\": \"2024-02-31\"}]}]}",
             nodes);
    assert_string_equal(load_error(buf, &err),
                        "t.json: claims[0].values[0].date: \"2024-02-31\" is not a date "
                        "(YYYY-MM-DD, YYYY-MM or YYYY)");
    snprintf(buf, sizeof buf,
             "%s\"claims\": [{\"entity\": \"a\", \"role\": \"subject\", "
             "\"relation\": \"say\", \"argument\": \"x\", \"values\": [{\"kind\": "
             "\"weight\", \"amount\": 3}]}]}",
             nodes);
    assert_string_equal(load_error(buf, &err), "t.json: claims[0].values[0].kind: \"weight\" is "
                                               "not number, percent, money or date");
    snprintf(buf, sizeof buf,
             "%s\"claims\": [{\"entity\": \"a\", \"role\": \"subject\", "
             "\"relation\": \"say\", \"argument\": \"x\"}, {\"entity\": \"a\", \"role\": "
             "\"subject\", \"relation\": \"say\", \"argument\": \"x\"}]}",
             nodes);
    assert_string_equal(load_error(buf, &err), "t.json: claims[1]: the same claim as claims[0]");
}

static void test_load_reads_a_version_1_graph_without_claims(void **state)
{
    (void)state;
    kg_graph *g = load("{\"graph\": {\"schema_version\": 1, \"documents\": []}, "
                       "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": []}");
    assert_int_equal(kg_graph_node_count(g), 1);
    assert_int_equal(kg_graph_claim_count(g), 0);
    kg_graph_free(g);
}

static void test_load_refuses_another_schema_version(void **state)
{
    (void)state;
    kg_error err;
    assert_string_equal(
        load_error("{\"graph\": {\"schema_version\": 4}, \"nodes\": [], \"links\": []}", &err),
        "t.json: graph.schema_version: version 4 is not supported (this kg reads "
        "versions 1 to 3)");
}

static void test_load_refuses_what_would_not_survive_the_round_trip(void **state)
{
    (void)state;
    kg_error err;
    const char *two_a = HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}, {\"id\": \"a\", "
                             "\"type\": \"person\"}], \"links\": []}";
    assert_string_equal(load_error(two_a, &err),
                        "t.json: nodes[1].id: \"a\" is already the id of nodes[0]");
    const char *two_links = HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}, {\"id\": "
                                 "\"b\", \"type\": \"person\"}], \"links\": [{\"source\": \"a\", "
                                 "\"target\": \"b\", \"relation\": \"r\"}, {\"source\": \"a\", "
                                 "\"target\": \"b\", \"relation\": \"r\"}]}";
    assert_string_equal(load_error(two_links, &err),
                        "t.json: links[1]: same source, target, relation and negation as links[0]");
    assert_string_equal(load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"robot\"}], "
                                        "\"links\": []}",
                                   &err),
                        "t.json: nodes[0].type: unknown type \"robot\" (person, organization, "
                        "country, location)");
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"mentions\": 1, "
                        "\"documents\": [{\"id\": \"d\", \"mentions\": 2}]}], \"links\": []}",
                   &err),
        "t.json: nodes[0].mentions: 1 is less than the sum over documents (2)");
    assert_string_equal(load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", "
                                        "\"aliases\": [\"x\", \"x\"]}], \"links\": []}",
                                   &err),
                        "t.json: nodes[0].aliases: an entry is listed twice");
    assert_string_equal(load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"country\", "
                                        "\"iso2\": \"ISR\"}], \"links\": []}",
                                   &err),
                        "t.json: nodes[0].iso2: expected a code of 2 letters, not \"ISR\"");
    assert_string_equal(
        load_error(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\", \"metrics\": "
                        "{\"degree\": 0, \"weighted_degree\": 0, \"pagerank\": 1, \"betweenness\": "
                        "0, \"component\": 0, \"community\": 0}}, {\"id\": \"b\", \"type\": "
                        "\"person\"}], \"links\": []}",
                   &err),
        "t.json: nodes[1].metrics: missing, but nodes[0] has them");
    assert_string_equal(
        load_error(HEAD
                   "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": [{\"source\": "
                   "\"a\", \"target\": \"a\", \"relation\": \"r\", \"confidence\": 1.5}]}",
                   &err),
        "t.json: links[0].confidence: 1.5 is outside [0, 1]");
    assert_string_equal(load_error("{\"graph\": {\"schema_version\": 1, \"documents\": [{\"id\": "
                                   "\"d\"}, {\"id\": \"d\"}]}, \"nodes\": [], \"links\": []}",
                                   &err),
                        "t.json: graph.documents[1].id: document \"d\" is listed twice");
    assert_string_equal(load_error("{\"graph\": {\"schema_version\": 1}, \"graph\": {}}", &err),
                        "t.json:1:40: duplicate object key near '\"graph\"'");
}

static void test_load_accepts_a_minimal_hand_written_graph(void **state)
{
    (void)state;
    kg_graph *g = load(HEAD "\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}, {\"id\": \"b\", "
                            "\"type\": \"country\"}], \"links\": [{\"source\": \"a\", \"target\": "
                            "\"b\", \"relation\": \"visit\"}], \"extra\": 1}");
    assert_int_equal(kg_graph_node_count(g), 2);
    assert_int_equal(kg_graph_edge_count(g), 1);
    assert_string_equal(kg_graph_node(g, 0)->label, "a");
    assert_int_equal(kg_graph_edge(g, 0)->count, 1);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- styles */

static json_t *parse(const char *text)
{
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    if (!root)
        fail_msg("%d:%d: %s", je.line, je.column, je.text);
    return root;
}

static void test_styles_have_their_names(void **state)
{
    (void)state;
    const char *names[] = {"node-link", "cytoscape", "graphology", "jgf"};
    for (int s = 0; s < 4; s++) {
        kg_json_style style;
        assert_true(kg_json_style_parse(names[s], &style));
        assert_int_equal(style, s);
        assert_string_equal(kg_json_style_name(style), names[s]);
    }
    assert_false(kg_json_style_parse("d3", NULL));
    assert_false(kg_json_style_parse(NULL, NULL));
}

static void test_cytoscape_style_has_elements_with_data(void **state)
{
    (void)state;
    kg_graph *g = rich();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    char *text = styled(g, KG_JSON_CYTOSCAPE);
    json_t *root = parse(text);
    json_t *nodes = json_object_get(json_object_get(root, "elements"), "nodes");
    json_t *edges = json_object_get(json_object_get(root, "elements"), "edges");
    assert_int_equal(json_array_size(nodes), kg_graph_node_count(g));
    assert_int_equal(json_array_size(edges), kg_graph_edge_count(g));
    json_t *n0 = json_object_get(json_array_get(nodes, 0), "data");
    assert_string_equal(json_string_value(json_object_get(n0, "id")), "antony-blinken");
    assert_string_equal(json_string_value(json_object_get(n0, "type")), "person");
    assert_true(json_is_real(json_object_get(n0, "pagerank")));
    json_t *e0 = json_object_get(json_array_get(edges, 0), "data");
    assert_string_equal(json_string_value(json_object_get(e0, "id")), "e:0");
    assert_string_equal(json_string_value(json_object_get(e0, "source")), "antony-blinken");
    assert_non_null(json_object_get(e0, "evidence"));
    json_decref(root);
    free(text);
    kg_graph_free(g);
}

static void test_cytoscape_edge_ids_never_name_a_node(void **state)
{
    (void)state;
    kg_graph *g = load(HEAD "\"nodes\": [{\"id\": \"e:0\", \"type\": \"person\"}, {\"id\": "
                            "\"e::1\", \"type\": \"person\"}], \"links\": [{\"source\": \"e:0\", "
                            "\"target\": \"e::1\", \"relation\": \"r\"}, {\"source\": \"e::1\", "
                            "\"target\": \"e:0\", \"relation\": \"r\"}]}");
    char *text = styled(g, KG_JSON_CYTOSCAPE);
    json_t *root = parse(text);
    json_t *edges = json_object_get(json_object_get(root, "elements"), "edges");
    assert_int_equal(json_array_size(edges), 2);
    for (size_t j = 0; j < 2; j++) {
        const char *id = json_string_value(
            json_object_get(json_object_get(json_array_get(edges, j), "data"), "id"));
        char want[16];
        snprintf(want, sizeof want, "e:::%zu", j);
        assert_string_equal(id, want);
    }
    json_decref(root);
    free(text);
    kg_graph_free(g);
}

static void test_graphology_style_is_a_serialized_multigraph(void **state)
{
    (void)state;
    kg_graph *g = rich();
    char *text = styled(g, KG_JSON_GRAPHOLOGY);
    json_t *root = parse(text);
    json_t *options = json_object_get(root, "options");
    assert_string_equal(json_string_value(json_object_get(options, "type")), "directed");
    assert_true(json_is_true(json_object_get(options, "multi")));
    /* rich() has a self-loop, which graphology refuses unless allowed */
    assert_true(json_is_true(json_object_get(options, "allowSelfLoops")));
    json_t *nodes = json_object_get(root, "nodes"), *edges = json_object_get(root, "edges");
    assert_int_equal(json_array_size(nodes), kg_graph_node_count(g));
    assert_int_equal(json_array_size(edges), kg_graph_edge_count(g));
    json_t *attrs = json_object_get(json_array_get(nodes, 0), "attributes");
    assert_string_equal(json_string_value(json_object_get(attrs, "entity_type")), "person");
    assert_null(json_object_get(attrs, "type")); /* sigma reads it as a program name */
    json_t *e = json_array_get(edges, 0);
    assert_string_equal(json_string_value(json_object_get(e, "key")), "e:0");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(e, "attributes"), "label")), "meet");
    json_decref(root);
    free(text);
    kg_graph_free(g);

    g = doc_graph(1);
    text = styled(g, KG_JSON_GRAPHOLOGY);
    assert_non_null(strstr(text, "\"allowSelfLoops\": false"));
    free(text);
    kg_graph_free(g);
}

static void test_jgf_style_keys_nodes_by_id(void **state)
{
    (void)state;
    kg_graph *g = rich();
    char *text = styled(g, KG_JSON_JGF);
    json_t *root = parse(text);
    json_t *graph = json_object_get(root, "graph");
    assert_true(json_is_true(json_object_get(graph, "directed")));
    json_t *nodes = json_object_get(graph, "nodes");
    assert_int_equal(json_object_size(nodes), kg_graph_node_count(g));
    json_t *q = json_object_get(nodes, "qatar");
    assert_string_equal(json_string_value(json_object_get(q, "label")), "Qatar");
    assert_string_equal(json_string_value(json_object_get(json_object_get(q, "metadata"), "type")),
                        "country");
    json_t *edges = json_object_get(graph, "edges");
    assert_int_equal(json_array_size(edges), kg_graph_edge_count(g));
    json_t *e = json_array_get(edges, 0);
    assert_string_equal(json_string_value(json_object_get(e, "relation")), "meet");
    assert_non_null(json_object_get(json_object_get(e, "metadata"), "count"));
    json_decref(root);
    free(text);
    kg_graph_free(g);
}

static kg_graph *merged(const int *order)
{
    kg_graph *g = kg_graph_new();
    kg_error err;
    for (int k = 0; k < 3; k++) {
        kg_graph *part = doc_graph(order[k]);
        assert_int_equal(kg_graph_merge(g, part, &err), KG_OK);
        kg_graph_free(part);
    }
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    return g;
}

static void test_every_style_is_deterministic(void **state)
{
    (void)state;
    const int forward[] = {1, 2, 3}, backward[] = {3, 2, 1};
    kg_graph *a = merged(forward), *b = merged(backward);
    for (int s = 0; s < 4; s++) {
        char *x = styled(a, (kg_json_style)s), *y = styled(b, (kg_json_style)s);
        char *again = styled(a, (kg_json_style)s);
        assert_string_equal(x, y);
        assert_string_equal(x, again);
        free(again);
        free(y);
        free(x);
    }
    kg_graph_free(b);
    kg_graph_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_then_export_gives_the_same_bytes),
        cmocka_unit_test(test_load_keeps_every_attribute),
        cmocka_unit_test(test_load_restores_metrics_so_an_analyzed_file_round_trips),
        cmocka_unit_test(test_load_of_an_empty_graph_round_trips),
        cmocka_unit_test(test_load_merged_into_an_empty_graph_gives_the_same_bytes),
        cmocka_unit_test(test_merge_through_files_does_not_depend_on_order_or_grouping),
        cmocka_unit_test(test_load_reads_a_file_and_names_it_when_it_cannot),
        cmocka_unit_test(test_load_reports_malformed_json_with_line_and_column),
        cmocka_unit_test(test_load_names_the_field_with_the_wrong_type),
        cmocka_unit_test(test_load_names_the_missing_field),
        cmocka_unit_test(test_load_refuses_links_to_unknown_nodes),
        cmocka_unit_test(test_load_skips_a_byte_order_mark),
        cmocka_unit_test(test_load_refuses_undeclared_documents_and_backward_spans),
        cmocka_unit_test(test_load_refuses_another_schema_version),
        cmocka_unit_test(test_claims_merge_across_documents),
        cmocka_unit_test(test_load_refuses_bad_claims),
        cmocka_unit_test(test_load_reads_a_version_1_graph_without_claims),
        cmocka_unit_test(test_load_refuses_what_would_not_survive_the_round_trip),
        cmocka_unit_test(test_load_accepts_a_minimal_hand_written_graph),
        cmocka_unit_test(test_styles_have_their_names),
        cmocka_unit_test(test_cytoscape_style_has_elements_with_data),
        cmocka_unit_test(test_cytoscape_edge_ids_never_name_a_node),
        cmocka_unit_test(test_graphology_style_is_a_serialized_multigraph),
        cmocka_unit_test(test_jgf_style_keys_nodes_by_id),
        cmocka_unit_test(test_every_style_is_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
