/* test_graph.c - the node/edge store: merging, sorting, igraph, analytics. */
#include "fixtures.h"

#include <igraph.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static kg_graph *new_graph(void)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    return g;
}

/* A node as one document saw it. */
static size_t add_node(kg_graph *g, const char *id, const char *label, kg_entity_type type,
                       const char *doc, size_t offset, size_t mentions, const char **aliases,
                       size_t n_aliases)
{
    kg_doc_count dc = {doc, mentions};
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    spec.id = id;
    spec.label = label;
    spec.type = type;
    spec.aliases = aliases;
    spec.n_aliases = n_aliases;
    spec.mentions = mentions;
    spec.first_doc = doc;
    spec.first_offset = offset;
    spec.first_cp = offset;
    spec.docs = doc ? &dc : NULL;
    spec.n_docs = doc ? 1 : 0;
    size_t index = 99;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &spec, &index, &err), KG_OK);
    return index;
}

static size_t person(kg_graph *g, const char *id, const char *doc)
{
    return add_node(g, id, id, KG_ENT_PERSON, doc, 0, 1, NULL, 0);
}

/* An edge supported by one sentence. */
static size_t add_claim(kg_graph *g, size_t s, size_t t, const char *rel, bool negated,
                        const char *doc, size_t sentence)
{
    kg_evidence ev = {
        doc,           "2024-01-05",      sentence,     sentence * 10, sentence * 10 + 9,
        sentence * 10, sentence * 10 + 9, "A sentence."};
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.source = s;
    spec.target = t;
    spec.relation = rel;
    spec.negated = negated;
    spec.count = 1;
    spec.confidence = 0.5;
    spec.evidence = &ev;
    spec.n_evidence = 1;
    size_t index = 99;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &spec, &index, &err), KG_OK);
    return index;
}

static size_t id_of(const kg_graph *g, const char *id)
{
    long i = kg_graph_find_node(g, id);
    assert_true(i >= 0);
    return (size_t)i;
}

static char *json_of(kg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_int_equal(kg_export_json(g, f, &err), KG_OK);
    assert_int_equal(fclose(f), 0);
    return buf;
}

/* Three documents' worth of graph, each in its own kg_graph. */
static kg_graph *doc_a(void)
{
    kg_graph *g = new_graph();
    const char *al[] = {"Antony Blinken", "Blinken"};
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "a", "2024-01-05", &err), KG_OK);
    size_t b = add_node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, "a", 0, 3, al, 2);
    size_t i = add_node(g, "israel", "Israel", KG_ENT_COUNTRY, "a", 40, 2, NULL, 0);
    add_claim(g, b, i, "visit", false, "a", 0);
    add_claim(g, b, i, "visit", false, "a", 2);
    return g;
}

static kg_graph *doc_b(void)
{
    kg_graph *g = new_graph();
    const char *al[] = {"Blinken", "Secretary Blinken"};
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "b", "2024-01-06", &err), KG_OK);
    size_t i = add_node(g, "israel", "Israel", KG_ENT_COUNTRY, "b", 5, 1, NULL, 0);
    size_t b = add_node(g, "antony-blinken", "Blinken", KG_ENT_PERSON, "b", 9, 2, al, 2);
    size_t q = add_node(g, "qatar", "Qatar", KG_ENT_COUNTRY, "b", 30, 1, NULL, 0);
    add_claim(g, b, q, "visit", false, "b", 1);
    add_claim(g, i, q, "criticize", true, "b", 1);
    add_claim(g, b, i, "visit", false, "b", 3);
    return g;
}

static kg_graph *doc_c(void)
{
    kg_graph *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "c", "", &err), KG_OK);
    size_t q = add_node(g, "qatar", "State of Qatar", KG_ENT_COUNTRY, "c", 0, 4, NULL, 0);
    size_t h = add_node(g, "hamas", "Hamas", KG_ENT_ORGANIZATION, "c", 20, 2, NULL, 0);
    add_claim(g, q, h, "host", false, "c", 0);
    return g;
}

/* ---------------------------------------------------------------- nodes */

static void test_graph_new_graph_is_empty(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    assert_int_equal(kg_graph_node_count(g), 0);
    assert_int_equal(kg_graph_edge_count(g), 0);
    assert_int_equal(kg_graph_doc_count(g), 0);
    assert_int_equal(kg_graph_find_node(g, "x"), -1);
    assert_null(kg_graph_node(g, 0));
    assert_int_equal(igraph_vcount(kg_graph_igraph(g)), 0);
    assert_false(kg_graph_analyzed(g));
    kg_graph_free(g);
}

static void test_graph_copies_the_strings_it_is_given(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    char id[] = "benjamin-netanyahu", label[] = "Benjamin Netanyahu", alias[] = "Bibi",
         doc[] = "doc1";
    const char *aliases[] = {alias};
    size_t i = add_node(g, id, label, KG_ENT_PERSON, doc, 4, 1, aliases, 1);
    memset(id, 'x', sizeof id - 1);
    memset(label, 'x', sizeof label - 1);
    memset(alias, 'x', sizeof alias - 1);
    memset(doc, 'x', sizeof doc - 1);
    const kg_node *n = kg_graph_node(g, i);
    assert_string_equal(n->id, "benjamin-netanyahu");
    assert_string_equal(n->label, "Benjamin Netanyahu");
    assert_string_equal(n->aliases[0], "Bibi");
    assert_string_equal(n->first_doc, "doc1");
    assert_string_equal(n->docs[0].doc, "doc1");
    kg_graph_free(g);
}

static void test_graph_merges_aliases_of_same_id(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    const char *a1[] = {"Antony Blinken", "Blinken"};
    const char *a2[] = {"Blinken", "Mr. Blinken"};
    size_t i = add_node(g, "antony-blinken", "Antony Blinken", KG_ENT_PERSON, "a", 0, 2, a1, 2);
    size_t j = add_node(g, "antony-blinken", "Blinken", KG_ENT_PERSON, "b", 0, 1, a2, 2);
    assert_int_equal(i, j);
    assert_int_equal(kg_graph_node_count(g), 1);
    const kg_node *n = kg_graph_node(g, i);
    assert_int_equal(n->n_aliases, 3);
    assert_string_equal(n->aliases[0], "Antony Blinken");
    assert_string_equal(n->aliases[1], "Mr. Blinken");
    assert_string_equal(n->aliases[2], "Blinken");
    kg_graph_free(g);
}

static void test_graph_orders_aliases_fullest_first_whatever_the_arrival(void **state)
{
    (void)state;
    const char *in_b[] = {"X", "Yy"};
    const char *in_a[] = {"Zzz", "Yy", "W"};
    for (int order = 0; order < 2; order++) {
        kg_graph *g = new_graph();
        size_t i = add_node(g, "n", "N", KG_ENT_PERSON, order ? "a" : "b", 0, 1,
                            order ? in_a : in_b, order ? 3 : 2);
        add_node(g, "n", "N", KG_ENT_PERSON, order ? "b" : "a", 0, 1, order ? in_b : in_a,
                 order ? 2 : 3);
        const kg_node *n = kg_graph_node(g, i);
        assert_int_equal(n->n_aliases, 4);
        assert_string_equal(n->aliases[0], "Zzz");
        assert_string_equal(n->aliases[1], "Yy");
        assert_string_equal(n->aliases[2], "W");
        assert_string_equal(n->aliases[3], "X");
        kg_graph_free(g);
    }
}

static void test_graph_unions_roles_fullest_first(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    const char *r1[] = {"Secretary of State", "diplomat"};
    const char *r2[] = {"diplomat", "spokesperson"};
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    spec.id = "p";
    spec.first_doc = "a";
    spec.roles = r1;
    spec.n_roles = 2;
    kg_error err;
    size_t i;
    assert_int_equal(kg_graph_add_node(g, &spec, &i, &err), KG_OK);
    spec.first_doc = "b";
    spec.roles = r2;
    assert_int_equal(kg_graph_add_node(g, &spec, &i, &err), KG_OK);
    const kg_node *n = kg_graph_node(g, i);
    assert_int_equal(n->n_roles, 3);
    assert_string_equal(n->roles[0], "Secretary of State");
    assert_string_equal(n->roles[1], "spokesperson");
    assert_string_equal(n->roles[2], "diplomat");
    assert_string_equal(n->label, "p"); /* no label given: the id */
    kg_graph_free(g);
}

static void test_graph_sums_mentions_across_documents(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "israel", "Israel", KG_ENT_COUNTRY, "b", 0, 2, NULL, 0);
    add_node(g, "israel", "Israel", KG_ENT_COUNTRY, "a", 0, 3, NULL, 0);
    const kg_node *n = kg_graph_node(g, i);
    assert_int_equal(n->mentions, 5);
    assert_int_equal(n->n_docs, 2);
    assert_string_equal(n->docs[0].doc, "a");
    assert_int_equal(n->docs[0].mentions, 3);
    assert_string_equal(n->docs[1].doc, "b");
    assert_int_equal(n->docs[1].mentions, 2);
    kg_graph_free(g);
}

static void test_graph_readding_a_document_changes_nothing(void **state)
{
    (void)state;
    kg_graph *once = doc_a(), *twice = doc_a(), *a = doc_a();
    kg_error err;
    assert_int_equal(kg_graph_merge(twice, a, &err), KG_OK);
    const kg_node *n = kg_graph_node(twice, id_of(twice, "antony-blinken"));
    assert_int_equal(n->mentions, 3);
    assert_int_equal(n->n_docs, 1);
    assert_int_equal(kg_graph_edge(twice, 0)->count, 2);
    char *j1 = json_of(once), *j2 = json_of(twice);
    assert_string_equal(j1, j2);
    free(j1);
    free(j2);
    kg_graph_free(a);
    kg_graph_free(twice);
    kg_graph_free(once);
}

static void test_graph_mentions_without_documents_are_summed(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "x", "X", KG_ENT_LOCATION, NULL, 0, 2, NULL, 0);
    add_node(g, "x", "X", KG_ENT_LOCATION, NULL, 0, 2, NULL, 0);
    const kg_node *n = kg_graph_node(g, i);
    assert_int_equal(n->mentions, 4);
    assert_int_equal(n->n_docs, 0);
    assert_null(n->first_doc);
    kg_graph_free(g);
}

static void test_graph_label_and_first_mention_come_from_earliest_document(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "qatar", "Qatar", KG_ENT_COUNTRY, "b", 5, 1, NULL, 0);
    add_node(g, "qatar", "State of Qatar", KG_ENT_COUNTRY, "a", 120, 1, NULL, 0);
    add_node(g, "qatar", "Katar", KG_ENT_COUNTRY, "c", 0, 1, NULL, 0);
    const kg_node *n = kg_graph_node(g, i);
    assert_string_equal(n->label, "State of Qatar");
    assert_string_equal(n->first_doc, "a");
    assert_int_equal(n->first_offset, 120);
    assert_int_equal(n->first_cp, 120);
    kg_graph_free(g);
}

static void test_graph_type_conflict_goes_to_type_with_more_mentions(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "jordan", "Jordan", KG_ENT_PERSON, "a", 0, 1, NULL, 0);
    add_node(g, "jordan", "Jordan", KG_ENT_COUNTRY, "b", 0, 3, NULL, 0);
    assert_int_equal(kg_graph_node(g, i)->type, KG_ENT_COUNTRY);
    add_node(g, "jordan", "Jordan", KG_ENT_PERSON, "c", 0, 3, NULL, 0);
    assert_int_equal(kg_graph_node(g, i)->type, KG_ENT_PERSON); /* 4 against 3 */
    kg_graph_free(g);
}

/* The per-type totals are kept as counts rise (not re-summed over every
 * document at each update): a document counted again with more mentions
 * raises the total by the difference, with fewer changes nothing, and the
 * type and the saturation follow. */
static void test_graph_totals_follow_a_document_counted_again(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "jordan", "Jordan", KG_ENT_PERSON, "a", 0, 2, NULL, 0);
    add_node(g, "jordan", "Jordan", KG_ENT_COUNTRY, "b", 0, 3, NULL, 0);
    assert_int_equal(kg_graph_node(g, i)->mentions, 5);
    assert_int_equal(kg_graph_node(g, i)->type, KG_ENT_COUNTRY);
    add_node(g, "jordan", "Jordan", KG_ENT_PERSON, "a", 0, 4, NULL, 0); /* 2 -> 4 */
    assert_int_equal(kg_graph_node(g, i)->mentions, 7);
    assert_int_equal(kg_graph_node(g, i)->type, KG_ENT_PERSON);
    add_node(g, "jordan", "Jordan", KG_ENT_PERSON, "a", 0, 1, NULL, 0); /* fewer: kept 4 */
    add_node(g, "jordan", "Jordan", KG_ENT_COUNTRY, "b", 0, 3, NULL, 0);
    assert_int_equal(kg_graph_node(g, i)->mentions, 7);
    size_t near = ((size_t)1 << 62) + 1;
    size_t j = add_node(g, "x", "X", KG_ENT_LOCATION, "a", 0, near, NULL, 0);
    add_node(g, "x", "X", KG_ENT_LOCATION, "b", 0, 1, NULL, 0);
    assert_int_equal(kg_graph_node(g, j)->mentions, near + 1);
    add_node(g, "x", "X", KG_ENT_LOCATION, "b", 0, near, NULL, 0); /* past 2^63 */
    assert_int_equal(kg_graph_node(g, j)->mentions, KG_COUNT_MAX);
    add_node(g, "x", "X", KG_ENT_LOCATION, "c", 0, 5, NULL, 0); /* stays at the top */
    assert_int_equal(kg_graph_node(g, j)->mentions, KG_COUNT_MAX);
    kg_graph *m = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_merge(m, g, &err), KG_OK);
    assert_int_equal(kg_graph_merge(m, g, &err), KG_OK); /* the same documents again */
    assert_int_equal(kg_graph_node(m, id_of(m, "jordan"))->mentions, 7);
    assert_int_equal(kg_graph_node(m, id_of(m, "x"))->mentions, KG_COUNT_MAX);
    kg_graph_free(m);
    kg_graph_free(g);
}

static void test_graph_type_tie_goes_to_lower_enum_value(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t i = add_node(g, "x", "X", KG_ENT_LOCATION, "a", 0, 2, NULL, 0);
    add_node(g, "x", "X", KG_ENT_ORGANIZATION, "b", 0, 2, NULL, 0);
    assert_int_equal(kg_graph_node(g, i)->type, KG_ENT_ORGANIZATION);
    /* a type seen with no mentions still counts when it is the only one */
    size_t j = add_node(g, "y", "Y", KG_ENT_COUNTRY, "a", 0, 0, NULL, 0);
    assert_int_equal(kg_graph_node(g, j)->type, KG_ENT_COUNTRY);
    kg_graph_free(g);
}

static void test_graph_fills_iso_codes_when_empty(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    spec.id = "israel";
    spec.type = KG_ENT_COUNTRY;
    kg_error err;
    size_t i;
    assert_int_equal(kg_graph_add_node(g, &spec, &i, &err), KG_OK);
    assert_string_equal(kg_graph_node(g, i)->iso2, "");
    memcpy(spec.iso2, "IL", 3);
    memcpy(spec.iso3, "ISR", 4);
    assert_int_equal(kg_graph_add_node(g, &spec, &i, &err), KG_OK);
    memset(spec.iso2, 0, sizeof spec.iso2);
    memset(spec.iso3, 0, sizeof spec.iso3);
    assert_int_equal(kg_graph_add_node(g, &spec, &i, &err), KG_OK);
    assert_string_equal(kg_graph_node(g, i)->iso2, "IL");
    assert_string_equal(kg_graph_node(g, i)->iso3, "ISR");
    kg_graph_free(g);
}

static void test_graph_rejects_nodes_without_id_or_with_unknown_type(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &spec, NULL, &err), KG_ERR_USAGE);
    spec.id = "";
    assert_int_equal(kg_graph_add_node(g, &spec, NULL, &err), KG_ERR_USAGE);
    spec.id = "x";
    spec.type = (kg_entity_type)7;
    assert_int_equal(kg_graph_add_node(g, &spec, NULL, &err), KG_ERR_USAGE);
    assert_string_equal(err.message, "graph: node x: unknown type 7");
    assert_int_equal(kg_graph_node_count(g), 0);
    kg_graph_free(g);
}

static void test_graph_finds_nodes_by_id(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    person(g, "b", "d");
    person(g, "a", "d");
    assert_int_equal(kg_graph_find_node(g, "b"), 0);
    assert_int_equal(kg_graph_find_node(g, "a"), 1);
    assert_int_equal(kg_graph_find_node(g, "c"), -1);
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_int_equal(kg_graph_find_node(g, "a"), 0);
    assert_int_equal(kg_graph_find_node(g, "b"), 1);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- edges */

static void test_graph_edge_key_includes_negation(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t a = person(g, "a", "d"), b = person(g, "b", "d");
    size_t e1 = add_claim(g, a, b, "support", false, "d", 0);
    size_t e2 = add_claim(g, a, b, "support", true, "d", 1);
    size_t e3 = add_claim(g, a, b, "support", false, "d", 2);
    size_t e4 = add_claim(g, b, a, "support", false, "d", 2);
    assert_int_equal(kg_graph_edge_count(g), 3);
    assert_int_equal(e1, e3);
    assert_int_not_equal(e1, e2);
    assert_int_not_equal(e1, e4);
    assert_int_equal(kg_graph_edge(g, e1)->count, 2);
    assert_true(kg_graph_edge(g, e2)->negated);
    kg_graph_free(g);
}

static void test_graph_merged_edge_sums_ors_ands_and_keeps_max_confidence(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t a = person(g, "a", "d"), b = person(g, "b", "d");
    kg_evidence ev[2] = {{"d", "", 0, 0, 5, 0, 5, "One."}, {"d", "", 1, 6, 11, 6, 11, "Two."}};
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.source = a;
    spec.target = b;
    spec.relation = "warn";
    spec.modal = false;
    spec.attributed = true;
    spec.confidence = 0.4;
    spec.evidence = &ev[0];
    spec.n_evidence = 1;
    kg_error err;
    size_t i;
    assert_int_equal(kg_graph_add_edge(g, &spec, &i, &err), KG_OK);
    spec.modal = true;
    spec.attributed = false;
    spec.confidence = 0.9;
    spec.evidence = &ev[1];
    assert_int_equal(kg_graph_add_edge(g, &spec, &i, &err), KG_OK);
    spec.modal = false;
    spec.attributed = true;
    spec.confidence = 0.7;
    assert_int_equal(kg_graph_add_edge(g, &spec, &i, &err), KG_OK);
    const kg_edge *e = kg_graph_edge(g, i);
    assert_int_equal(e->count, 2);
    assert_true(e->modal);
    assert_false(e->attributed);
    assert_true(e->confidence == 0.9);
    assert_int_equal(e->n_evidence, 2);
    assert_string_equal(e->evidence[0].text, "One.");
    assert_string_equal(e->evidence[1].text, "Two.");
    kg_graph_free(g);
}

static void test_graph_evidence_is_deduplicated_by_doc_and_sentence(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t a = person(g, "a", "d"), b = person(g, "b", "d");
    add_claim(g, a, b, "meet", false, "d2", 4);
    add_claim(g, a, b, "meet", false, "d1", 4);
    add_claim(g, a, b, "meet", false, "d2", 4); /* same sentence again */
    size_t i = add_claim(g, a, b, "meet", false, "d2", 1);
    const kg_edge *e = kg_graph_edge(g, i);
    assert_int_equal(e->count, 3);
    assert_int_equal(e->n_evidence, 3);
    assert_string_equal(e->evidence[0].doc, "d1");
    assert_string_equal(e->evidence[1].doc, "d2");
    assert_int_equal(e->evidence[1].sentence, 1);
    assert_int_equal(e->evidence[2].sentence, 4);
    assert_int_equal(e->evidence[2].start, 40);
    assert_string_equal(e->evidence[2].date, "2024-01-05");
    kg_graph_free(g);
}

static void test_graph_edge_without_evidence_counts_given_support(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t a = person(g, "a", "d"), b = person(g, "b", "d");
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.source = a;
    spec.target = b;
    spec.relation = "meet";
    spec.count = 3;
    kg_error err;
    size_t i;
    assert_int_equal(kg_graph_add_edge(g, &spec, &i, &err), KG_OK);
    spec.count = 0; /* no count: supported once */
    assert_int_equal(kg_graph_add_edge(g, &spec, &i, &err), KG_OK);
    add_claim(g, a, b, "meet", false, "d", 0);
    assert_int_equal(kg_graph_edge(g, i)->count, 5);
    assert_int_equal(kg_graph_edge(g, i)->n_evidence, 1);
    kg_graph_free(g);
}

static void test_graph_rejects_edges_to_unknown_nodes(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    person(g, "a", "d");
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.relation = "meet";
    spec.target = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &spec, NULL, &err), KG_ERR_USAGE);
    assert_string_equal(err.message,
                        "graph: edge 'meet' joins node 0 to node 1 but the graph has 1 nodes");
    spec.target = 0;
    spec.relation = NULL;
    assert_int_equal(kg_graph_add_edge(g, &spec, NULL, &err), KG_ERR_USAGE);
    assert_int_equal(kg_graph_edge_count(g), 0);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- documents, sort */

static void test_graph_documents_are_kept_sorted_with_their_date(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "b", "", &err), KG_OK);
    assert_int_equal(kg_graph_add_doc(g, "a", "2024-01-05", &err), KG_OK);
    assert_int_equal(kg_graph_add_doc(g, "b", "2024-02-01", &err), KG_OK);
    assert_int_equal(kg_graph_add_doc(g, "a", NULL, &err), KG_OK);
    assert_int_equal(kg_graph_add_doc(g, "", "x", &err), KG_ERR_USAGE);
    assert_int_equal(kg_graph_doc_count(g), 2);
    assert_string_equal(kg_graph_doc_at(g, 0)->id, "a");
    assert_string_equal(kg_graph_doc_at(g, 0)->date, "2024-01-05");
    assert_string_equal(kg_graph_doc_at(g, 1)->id, "b");
    assert_string_equal(kg_graph_doc_at(g, 1)->date, "2024-02-01");
    assert_null(kg_graph_doc_at(g, 2));
    kg_graph_free(g);
}

/* Documents arriving out of order (as "doc-9" before "doc-10" do), in lists
 * long enough to be indexed: the order after the call is the canonical one,
 * a repeated document is found again rather than added twice, and a merge of
 * interleaved halves equals adding everything to one graph.  (The lists were
 * once kept sorted by insertion, so 200,000 documents cost their square.) */
#define LONG_LIST 200

static void long_list_half(kg_graph *g, int parity)
{
    char doc[32];
    for (int k = LONG_LIST - 1; k >= 0; k--) {
        int i = (k * 37) % LONG_LIST; /* a permutation, neither order */
        if (i % 2 != parity)
            continue;
        snprintf(doc, sizeof doc, "doc-%d", i);
        size_t a = person(g, "joe", doc), b = person(g, "ann", doc);
        add_claim(g, a, b, "met", false, doc, (size_t)(i % 3));
        kg_error err;
        assert_int_equal(kg_graph_add_doc(g, doc, "", &err), KG_OK);
    }
}

static void assert_long_lists_in_order(const kg_graph *g)
{
    assert_int_equal(kg_graph_doc_count(g), LONG_LIST);
    for (size_t i = 1; i < LONG_LIST; i++)
        assert_true(strcmp(kg_graph_doc_at(g, i - 1)->id, kg_graph_doc_at(g, i)->id) < 0);
    const kg_node *n = kg_graph_node(g, id_of(g, "joe"));
    assert_int_equal(n->n_docs, LONG_LIST);
    assert_int_equal(n->mentions, LONG_LIST);
    for (size_t i = 1; i < n->n_docs; i++)
        assert_true(strcmp(n->docs[i - 1].doc, n->docs[i].doc) < 0);
    assert_int_equal(kg_graph_edge_count(g), 1);
    const kg_edge *e = kg_graph_edge(g, 0);
    assert_int_equal(e->n_evidence, LONG_LIST);
    assert_int_equal(e->count, LONG_LIST);
    for (size_t i = 1; i < e->n_evidence; i++)
        assert_true(strcmp(e->evidence[i - 1].doc, e->evidence[i].doc) < 0);
}

static void test_graph_long_lists_arriving_out_of_order_end_in_order(void **state)
{
    (void)state;
    kg_graph *all = new_graph(), *even = new_graph(), *odd = new_graph();
    long_list_half(all, 0);
    long_list_half(all, 1);
    long_list_half(all, 0); /* again: found, not added */
    assert_long_lists_in_order(all);
    long_list_half(even, 0);
    long_list_half(odd, 1);
    kg_error err;
    assert_int_equal(kg_graph_merge(even, odd, &err), KG_OK);
    assert_long_lists_in_order(even);
    assert_int_equal(kg_graph_merge(even, all, &err), KG_OK);
    assert_long_lists_in_order(even);
    char *a = json_of(all), *b = json_of(even);
    assert_string_equal(a, b);
    free(a);
    free(b);
    kg_graph_free(odd);
    kg_graph_free(even);
    kg_graph_free(all);
}

static void test_graph_sort_orders_nodes_edges_and_evidence(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t z = person(g, "zelensky", "d"), b = person(g, "biden", "d"),
           m = person(g, "macron", "d");
    add_claim(g, z, b, "thank", false, "d", 3);
    add_claim(g, b, z, "support", false, "d", 1);
    add_claim(g, b, m, "call", false, "d", 2);
    add_claim(g, b, m, "call", true, "d", 2);
    add_claim(g, b, m, "attack", false, "d", 0);
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_string_equal(kg_graph_node(g, 0)->id, "biden");
    assert_string_equal(kg_graph_node(g, 1)->id, "macron");
    assert_string_equal(kg_graph_node(g, 2)->id, "zelensky");
    const char *expect[][4] = {{"biden", "macron", "attack", "0"},
                               {"biden", "macron", "call", "0"},
                               {"biden", "macron", "call", "1"},
                               {"biden", "zelensky", "support", "0"},
                               {"zelensky", "biden", "thank", "0"}};
    assert_int_equal(kg_graph_edge_count(g), 5);
    for (size_t j = 0; j < 5; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        assert_string_equal(kg_graph_node(g, e->source)->id, expect[j][0]);
        assert_string_equal(kg_graph_node(g, e->target)->id, expect[j][1]);
        assert_string_equal(e->relation, expect[j][2]);
        assert_int_equal(e->negated, expect[j][3][0] == '1');
    }
    /* merging after a sort still finds the moved edges */
    size_t again = add_claim(g, 2, 0, "thank", false, "d", 3);
    assert_int_equal(again, 4);
    assert_int_equal(kg_graph_edge_count(g), 5);
    kg_graph_free(g);
}

static void test_graph_igraph_mirrors_nodes_and_edges(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t c = person(g, "c", "d"), a = person(g, "a", "d"), b = person(g, "b", "d");
    add_claim(g, c, a, "x", false, "d", 0);
    add_claim(g, a, b, "y", false, "d", 0);
    const igraph_t *ig = kg_graph_igraph(g);
    assert_true(igraph_is_directed(ig));
    assert_int_equal(igraph_vcount(ig), 3);
    assert_int_equal(igraph_ecount(ig), 2);
    kg_error err;
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    ig = kg_graph_igraph(g);
    assert_int_equal(igraph_vcount(ig), 3);
    for (igraph_integer_t j = 0; j < igraph_ecount(ig); j++) {
        igraph_integer_t from, to;
        assert_int_equal(igraph_edge(ig, j, &from, &to), IGRAPH_SUCCESS);
        assert_int_equal(from, (igraph_integer_t)kg_graph_edge(g, (size_t)j)->source);
        assert_int_equal(to, (igraph_integer_t)kg_graph_edge(g, (size_t)j)->target);
    }
    /* a -> b is edge 0 after sorting: a is node 0, b node 1 */
    igraph_integer_t from, to;
    igraph_edge(ig, 0, &from, &to);
    assert_int_equal(from, 0);
    assert_int_equal(to, 1);
    person(g, "d", "d");
    assert_int_equal(igraph_vcount(kg_graph_igraph(g)), 4);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- merge */

static kg_graph *merged(kg_graph *x, kg_graph *y)
{
    kg_graph *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_merge(g, x, &err), KG_OK);
    assert_int_equal(kg_graph_merge(g, y, &err), KG_OK);
    return g;
}

static void test_graph_merge_is_commutative(void **state)
{
    (void)state;
    kg_graph *a = doc_a(), *b = doc_b();
    kg_graph *ab = merged(a, b), *ba = merged(b, a);
    char *j1 = json_of(ab), *j2 = json_of(ba);
    assert_string_equal(j1, j2);
    const kg_node *n = kg_graph_node(ab, id_of(ab, "antony-blinken"));
    assert_string_equal(n->label, "Antony Blinken");
    assert_int_equal(n->mentions, 5);
    assert_int_equal(n->n_aliases, 3);
    assert_string_equal(n->aliases[0], "Secretary Blinken"); /* fullest first */
    free(j1);
    free(j2);
    kg_graph_free(ba);
    kg_graph_free(ab);
    kg_graph_free(b);
    kg_graph_free(a);
}

static void test_graph_merge_is_associative(void **state)
{
    (void)state;
    kg_graph *a = doc_a(), *b = doc_b(), *c = doc_c();
    kg_graph *ab = merged(a, b), *bc = merged(b, c);
    kg_graph *left = merged(ab, c), *right = merged(a, bc);
    char *j1 = json_of(left), *j2 = json_of(right);
    assert_string_equal(j1, j2);
    assert_int_equal(kg_graph_node_count(left), 4);
    assert_int_equal(kg_graph_edge_count(left), 4);
    assert_int_equal(kg_graph_doc_count(left), 3);
    free(j1);
    free(j2);
    kg_graph_free(right);
    kg_graph_free(left);
    kg_graph_free(bc);
    kg_graph_free(ab);
    kg_graph_free(c);
    kg_graph_free(b);
    kg_graph_free(a);
}

static void test_graph_merge_equals_adding_everything_to_one_graph(void **state)
{
    (void)state;
    kg_graph *a = doc_a(), *b = doc_b();
    kg_graph *ab = merged(a, b);
    /* doc_b's additions made directly on top of doc_a */
    kg_graph *one = doc_a();
    const char *al[] = {"Blinken", "Secretary Blinken"};
    kg_error err;
    assert_int_equal(kg_graph_add_doc(one, "b", "2024-01-06", &err), KG_OK);
    size_t i = add_node(one, "israel", "Israel", KG_ENT_COUNTRY, "b", 5, 1, NULL, 0);
    size_t bl = add_node(one, "antony-blinken", "Blinken", KG_ENT_PERSON, "b", 9, 2, al, 2);
    size_t q = add_node(one, "qatar", "Qatar", KG_ENT_COUNTRY, "b", 30, 1, NULL, 0);
    add_claim(one, bl, q, "visit", false, "b", 1);
    add_claim(one, i, q, "criticize", true, "b", 1);
    add_claim(one, bl, i, "visit", false, "b", 3);
    char *j1 = json_of(ab), *j2 = json_of(one);
    assert_string_equal(j1, j2);
    const kg_edge *e = kg_graph_edge(ab, 0); /* antony-blinken -> israel visit */
    assert_string_equal(e->relation, "visit");
    assert_int_equal(e->count, 3);
    free(j1);
    free(j2);
    kg_graph_free(one);
    kg_graph_free(ab);
    kg_graph_free(b);
    kg_graph_free(a);
}

static void test_graph_merge_into_itself_is_refused(void **state)
{
    (void)state;
    kg_graph *a = doc_a();
    kg_error err;
    assert_int_equal(kg_graph_merge(a, a, &err), KG_ERR_USAGE);
    assert_string_equal(err.message, "graph: cannot merge a graph into itself");
    kg_graph_free(a);
}

/* A node with mentions outside any document and an edge a -> b with
 * support but no evidence: the parts merging sums. */
static kg_graph *heavy(size_t mentions, size_t count)
{
    kg_graph *g = new_graph();
    size_t a = add_node(g, "a", "A", KG_ENT_PERSON, NULL, 0, mentions, NULL, 0);
    size_t b = add_node(g, "b", "B", KG_ENT_PERSON, NULL, 0, 1, NULL, 0);
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    spec.source = a;
    spec.target = b;
    spec.relation = "meet";
    spec.count = count;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &spec, NULL, &err), KG_OK);
    return g;
}

static void test_graph_merged_counts_saturate_instead_of_wrapping(void **state)
{
    (void)state;
    size_t near = ((size_t)1 << 62) + 1; /* two of them pass 2^63 */
    kg_graph *x = heavy(near, near), *y = heavy(near, near);
    kg_graph *xy = merged(x, y);
    assert_int_equal(kg_graph_node(xy, id_of(xy, "a"))->mentions, KG_COUNT_MAX);
    assert_int_equal(kg_graph_edge(xy, 0)->count, KG_COUNT_MAX);
    kg_graph *xyx = merged(xy, x); /* stays at the top */
    assert_int_equal(kg_graph_node(xyx, id_of(xyx, "a"))->mentions, KG_COUNT_MAX);
    assert_int_equal(kg_graph_edge(xyx, 0)->count, KG_COUNT_MAX);
    /* what kg writes, kg reads back */
    char *json = json_of(xy);
    kg_graph *back = NULL;
    kg_error err;
    assert_int_equal(kg_graph_load_json_buffer("xy.json", json, strlen(json), &back, &err), KG_OK);
    assert_int_equal(kg_graph_node(back, id_of(back, "a"))->mentions, KG_COUNT_MAX);
    kg_graph_free(back);
    free(json);
    kg_graph_free(xyx);
    kg_graph_free(xy);
    kg_graph_free(y);
    kg_graph_free(x);
}

static void test_graph_counts_given_beyond_the_maximum_are_capped(void **state)
{
    (void)state;
    kg_graph *g = heavy(SIZE_MAX, SIZE_MAX);
    add_node(g, "c", "C", KG_ENT_PERSON, "d", 0, SIZE_MAX, NULL, 0);
    assert_int_equal(kg_graph_node(g, id_of(g, "a"))->mentions, KG_COUNT_MAX);
    assert_int_equal(kg_graph_node(g, id_of(g, "c"))->mentions, KG_COUNT_MAX);
    assert_int_equal(kg_graph_edge(g, 0)->count, KG_COUNT_MAX);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- documents from text */

static kg_document *extracted(const kg_resources *r, const char *name, const char *text)
{
    kg_document *d = NULL;
    kg_error err;
    assert_int_equal(kg_extract_buffer(r, NULL, name, text, strlen(text), &d, &err), KG_OK);
    return d;
}

static kg_resources *word_lists(void)
{
    kg_resources_options o = {NULL, false};
    kg_resources *r = NULL;
    kg_error err;
    assert_int_equal(kg_resources_load(&o, &r, &err), KG_OK);
    return r;
}

static void test_graph_refuses_a_second_document_with_the_same_id(void **state)
{
    (void)state;
    kg_resources *r = word_lists();
    /* a.txt and a.md are both document "a" */
    kg_document *first = extracted(r, "a.txt", "Antony Blinken met Benjamin Netanyahu.");
    kg_document *second = extracted(r, "a.md", "Joe Biden visited Egypt and Jordan.");
    kg_graph *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_add_document(g, first, &err), KG_OK);
    char *before = json_of(g);
    assert_int_equal(kg_graph_add_document(g, second, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "a.md: document id \"a\" is already that of a.txt");
    char *after = json_of(g);
    assert_string_equal(before, after); /* refused before anything was added */
    free(after);
    /* the same input again is the same document: nothing changes */
    assert_int_equal(kg_graph_add_document(g, first, &err), KG_OK);
    after = json_of(g);
    assert_string_equal(before, after);
    free(after);
    free(before);
    kg_graph_free(g);
    kg_document_free(second);
    kg_document_free(first);
    kg_resources_free(r);
}

static void test_graph_refuses_a_document_whose_id_came_with_another_graph(void **state)
{
    (void)state;
    kg_resources *r = word_lists();
    kg_document *d = extracted(r, "a.txt", "Antony Blinken met Benjamin Netanyahu.");
    kg_graph *loaded = new_graph(), *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_add_doc(loaded, "a", "", &err), KG_OK);
    assert_int_equal(kg_graph_merge(g, loaded, &err), KG_OK);
    assert_int_equal(kg_graph_add_document(g, d, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "a.txt: document id \"a\" is already in the graph");
    assert_int_equal(kg_graph_node_count(g), 0);
    kg_graph_free(g);
    kg_graph_free(loaded);
    kg_document_free(d);
    kg_resources_free(r);
}

/* ---------------------------------------------------------------- analytics */

/* a -> b -> c, b -> c twice more (count 3), d alone. */
static kg_graph *path_graph(void)
{
    kg_graph *g = new_graph();
    size_t a = person(g, "a", "d"), b = person(g, "b", "d"), c = person(g, "c", "d");
    person(g, "d", "d");
    add_claim(g, a, b, "x", false, "d", 0);
    add_claim(g, b, c, "y", false, "d", 1);
    add_claim(g, b, c, "y", false, "d", 2);
    add_claim(g, b, c, "y", false, "d", 3);
    return g;
}

static void test_analyze_degree_counts_edges_in_and_out(void **state)
{
    (void)state;
    kg_graph *g = path_graph();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_true(kg_graph_analyzed(g));
    assert_true(kg_graph_node(g, id_of(g, "a"))->degree == 1.0);
    assert_true(kg_graph_node(g, id_of(g, "b"))->degree == 2.0);
    assert_true(kg_graph_node(g, id_of(g, "d"))->degree == 0.0);
    kg_graph_free(g);
}

static void test_analyze_weighted_degree_uses_counts(void **state)
{
    (void)state;
    kg_graph *g = path_graph();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_true(kg_graph_node(g, id_of(g, "a"))->weighted_degree == 1.0);
    assert_true(kg_graph_node(g, id_of(g, "b"))->weighted_degree == 4.0);
    assert_true(kg_graph_node(g, id_of(g, "c"))->weighted_degree == 3.0);
    kg_graph_free(g);
}

static void test_analyze_pagerank_sums_to_one_and_favours_the_target(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t hub = person(g, "hub", "d");
    const char *ids[] = {"s1", "s2", "s3"};
    for (int k = 0; k < 3; k++)
        add_claim(g, person(g, ids[k], "d"), hub, "praise", false, "d", (size_t)k);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    double sum = 0;
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        sum += kg_graph_node(g, i)->pagerank;
    assert_true(sum > 0.999999 && sum < 1.000001);
    double h = kg_graph_node(g, hub)->pagerank;
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        if (i != hub)
            assert_true(kg_graph_node(g, i)->pagerank < h);
    kg_graph_free(g);
}

static void test_analyze_betweenness_counts_the_middle_of_a_path(void **state)
{
    (void)state;
    kg_graph *g = path_graph();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_true(kg_graph_node(g, id_of(g, "a"))->betweenness == 0.0);
    assert_true(kg_graph_node(g, id_of(g, "b"))->betweenness == 1.0);
    assert_true(kg_graph_node(g, id_of(g, "c"))->betweenness == 0.0);
    kg_graph_free(g);
}

static void test_analyze_numbers_components_by_first_node_id(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    size_t z = person(g, "z", "d"), y = person(g, "y", "d"), b = person(g, "b", "d"),
           a = person(g, "a", "d");
    add_claim(g, z, a, "x", false, "d", 0);
    add_claim(g, y, b, "x", false, "d", 0);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_int_equal(kg_graph_node(g, a)->component, 0);
    assert_int_equal(kg_graph_node(g, z)->component, 0);
    assert_int_equal(kg_graph_node(g, b)->component, 1);
    assert_int_equal(kg_graph_node(g, y)->component, 1);
    kg_graph_free(g);
}

/* Two triangles joined by one edge, added in a scrambled order. */
static kg_graph *two_triangles(bool reverse)
{
    kg_graph *g = new_graph();
    const char *ids[] = {"f", "a", "e", "c", "b", "d"};
    for (int k = 0; k < 6; k++)
        person(g, ids[reverse ? 5 - k : k], "d");
    const char *pairs[][2] = {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"},
                              {"e", "f"}, {"f", "d"}, {"c", "d"}};
    for (int k = 0; k < 7; k++) {
        int p = reverse ? 6 - k : k;
        add_claim(g, id_of(g, pairs[p][0]), id_of(g, pairs[p][1]), "meet", false, "d", (size_t)p);
    }
    return g;
}

/* Above a size betweenness is estimated from some sources (exact costs a
 * search from every node: 100,000 nodes ran past 600 s).  With every node as
 * a source the estimate is the exact value; with fewer it is the same on
 * every run, scaled to the whole, and says how many sources it used. */
static void test_analyze_betweenness_estimate_from_sources(void **state)
{
    (void)state;
    kg_graph *g = two_triangles(false);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_int_equal(kg_graph_betweenness_sources(g), 0); /* small: exact */
    const char *ids[] = {"a", "b", "c", "d", "e", "f"};
    double exact[6];
    for (int k = 0; k < 6; k++)
        exact[k] = kg_graph_node(g, id_of(g, ids[k]))->betweenness;
    assert_true(exact[2] == 6.0 && exact[3] == 6.0 && exact[0] == 0.0);
    kg_analyze_options o;
    kg_analyze_options_init(&o);
    assert_int_equal(o.exact_max_nodes, KG_BETWEENNESS_EXACT_MAX_NODES);
    o.exact_max_nodes = 5;
    o.sources = 6;
    assert_int_equal(kg_graph_analyze_with(g, &o, &err), KG_OK);
    assert_int_equal(kg_graph_betweenness_sources(g), 6);
    for (int k = 0; k < 6; k++)
        assert_true(kg_graph_node(g, id_of(g, ids[k]))->betweenness == exact[k]);
    o.sources = 3; /* a, c and e */
    assert_int_equal(kg_graph_analyze_with(g, &o, &err), KG_OK);
    assert_int_equal(kg_graph_betweenness_sources(g), 3);
    double c = kg_graph_node(g, id_of(g, "c"))->betweenness;
    double d = kg_graph_node(g, id_of(g, "d"))->betweenness;
    assert_true(c > 0 && d > 0 && kg_graph_node(g, id_of(g, "a"))->betweenness == 0.0);
    assert_int_equal(kg_graph_analyze_with(g, &o, &err), KG_OK);
    assert_true(kg_graph_node(g, id_of(g, "c"))->betweenness == c);
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK); /* the default again: exact */
    assert_int_equal(kg_graph_betweenness_sources(g), 0);
    assert_true(kg_graph_node(g, id_of(g, "c"))->betweenness == 6.0);
    kg_graph_free(g);
}

static void test_analyze_finds_two_communities(void **state)
{
    (void)state;
    kg_graph *g = two_triangles(false);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    const char *ids[] = {"a", "b", "c", "d", "e", "f"};
    long expect[] = {0, 0, 0, 1, 1, 1};
    for (int k = 0; k < 6; k++) {
        assert_int_equal(kg_graph_node(g, id_of(g, ids[k]))->community, expect[k]);
        assert_int_equal(kg_graph_node(g, id_of(g, ids[k]))->component, 0);
    }
    kg_graph_free(g);
}

/* Above louvain_max_nodes communities come from Leiden (igraph's Louvain
 * once took 460 passes over a 100,000-node graph): the same two triangles,
 * the method said, and the same numbers on a second run. */
static void test_analyze_uses_leiden_above_the_louvain_size(void **state)
{
    (void)state;
    kg_graph *g = two_triangles(false);
    kg_error err;
    assert_int_equal(kg_graph_community_method(g), KG_COMMUNITY_NONE);
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_int_equal(kg_graph_community_method(g), KG_COMMUNITY_LOUVAIN);
    kg_analyze_options o;
    kg_analyze_options_init(&o);
    assert_int_equal(o.louvain_max_nodes, KG_COMMUNITY_LOUVAIN_MAX_NODES);
    o.louvain_max_nodes = 5; /* six nodes: above */
    for (int run = 0; run < 2; run++) {
        assert_int_equal(kg_graph_analyze_with(g, &o, &err), KG_OK);
        assert_int_equal(kg_graph_community_method(g), KG_COMMUNITY_LEIDEN);
        assert_string_equal(kg_community_method_name(kg_graph_community_method(g)), "leiden");
        const char *ids[] = {"a", "b", "c", "d", "e", "f"};
        long expect[] = {0, 0, 0, 1, 1, 1};
        for (int k = 0; k < 6; k++)
            assert_int_equal(kg_graph_node(g, id_of(g, ids[k]))->community, expect[k]);
    }
    kg_graph_free(g);
}

static void test_analyze_does_not_depend_on_insertion_order(void **state)
{
    (void)state;
    kg_graph *g1 = two_triangles(false), *g2 = two_triangles(true);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g1, &err), KG_OK);
    assert_int_equal(kg_graph_analyze(g2, &err), KG_OK);
    for (size_t i = 0; i < 6; i++) {
        const kg_node *n1 = kg_graph_node(g1, i);
        const kg_node *n2 = kg_graph_node(g2, id_of(g2, n1->id));
        assert_memory_equal(&n1->pagerank, &n2->pagerank, sizeof(double));
        assert_memory_equal(&n1->betweenness, &n2->betweenness, sizeof(double));
        assert_int_equal(n1->community, n2->community);
    }
    char *j1 = json_of(g1), *j2 = json_of(g2);
    assert_string_equal(j1, j2);
    free(j1);
    free(j2);
    kg_graph_free(g2);
    kg_graph_free(g1);
}

static void test_analyze_is_cleared_by_a_change_and_handles_empty_graphs(void **state)
{
    (void)state;
    kg_graph *g = new_graph();
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_true(kg_graph_analyzed(g));
    person(g, "a", "d");
    assert_false(kg_graph_analyzed(g));
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    assert_int_equal(kg_graph_node(g, 0)->community, 0);
    assert_true(kg_graph_node(g, 0)->pagerank == 1.0);
    assert_int_equal(kg_graph_sort(g, &err), KG_OK);
    assert_true(kg_graph_analyzed(g)); /* sorting moves metrics with their nodes */
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graph_new_graph_is_empty),
        cmocka_unit_test(test_graph_copies_the_strings_it_is_given),
        cmocka_unit_test(test_graph_merges_aliases_of_same_id),
        cmocka_unit_test(test_graph_orders_aliases_fullest_first_whatever_the_arrival),
        cmocka_unit_test(test_graph_unions_roles_fullest_first),
        cmocka_unit_test(test_graph_sums_mentions_across_documents),
        cmocka_unit_test(test_graph_readding_a_document_changes_nothing),
        cmocka_unit_test(test_graph_mentions_without_documents_are_summed),
        cmocka_unit_test(test_graph_label_and_first_mention_come_from_earliest_document),
        cmocka_unit_test(test_graph_type_conflict_goes_to_type_with_more_mentions),
        cmocka_unit_test(test_graph_totals_follow_a_document_counted_again),
        cmocka_unit_test(test_graph_type_tie_goes_to_lower_enum_value),
        cmocka_unit_test(test_graph_fills_iso_codes_when_empty),
        cmocka_unit_test(test_graph_rejects_nodes_without_id_or_with_unknown_type),
        cmocka_unit_test(test_graph_finds_nodes_by_id),
        cmocka_unit_test(test_graph_edge_key_includes_negation),
        cmocka_unit_test(test_graph_merged_edge_sums_ors_ands_and_keeps_max_confidence),
        cmocka_unit_test(test_graph_evidence_is_deduplicated_by_doc_and_sentence),
        cmocka_unit_test(test_graph_edge_without_evidence_counts_given_support),
        cmocka_unit_test(test_graph_rejects_edges_to_unknown_nodes),
        cmocka_unit_test(test_graph_documents_are_kept_sorted_with_their_date),
        cmocka_unit_test(test_graph_long_lists_arriving_out_of_order_end_in_order),
        cmocka_unit_test(test_graph_sort_orders_nodes_edges_and_evidence),
        cmocka_unit_test(test_graph_igraph_mirrors_nodes_and_edges),
        cmocka_unit_test(test_graph_merge_is_commutative),
        cmocka_unit_test(test_graph_merge_is_associative),
        cmocka_unit_test(test_graph_merge_equals_adding_everything_to_one_graph),
        cmocka_unit_test(test_graph_merge_into_itself_is_refused),
        cmocka_unit_test(test_graph_merged_counts_saturate_instead_of_wrapping),
        cmocka_unit_test(test_graph_counts_given_beyond_the_maximum_are_capped),
        cmocka_unit_test(test_graph_refuses_a_second_document_with_the_same_id),
        cmocka_unit_test(test_graph_refuses_a_document_whose_id_came_with_another_graph),
        cmocka_unit_test(test_analyze_degree_counts_edges_in_and_out),
        cmocka_unit_test(test_analyze_weighted_degree_uses_counts),
        cmocka_unit_test(test_analyze_pagerank_sums_to_one_and_favours_the_target),
        cmocka_unit_test(test_analyze_betweenness_counts_the_middle_of_a_path),
        cmocka_unit_test(test_analyze_betweenness_estimate_from_sources),
        cmocka_unit_test(test_analyze_numbers_components_by_first_node_id),
        cmocka_unit_test(test_analyze_finds_two_communities),
        cmocka_unit_test(test_analyze_uses_leiden_above_the_louvain_size),
        cmocka_unit_test(test_analyze_does_not_depend_on_insertion_order),
        cmocka_unit_test(test_analyze_is_cleared_by_a_change_and_handles_empty_graphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
