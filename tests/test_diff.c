/* test_diff.c - matching two graphs and reporting what changed in meaning. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kg/diff.h"
#include "kg/diff_export.h"
#include "xml_check.h"

/* ---------------------------------------------------------------- helpers */

/* A node as one document saw it. */
static size_t node(kg_graph *g, const char *id, const char *label, kg_entity_type type,
                   const char *const *aliases, const char *const *roles, size_t mentions)
{
    size_t na = 0, nr = 0;
    while (aliases && aliases[na])
        na++;
    while (roles && roles[nr])
        nr++;
    kg_doc_count dc = {"doc", mentions};
    kg_node spec;
    memset(&spec, 0, sizeof spec);
    spec.id = id;
    spec.label = label;
    spec.type = type;
    spec.aliases = (const char **)aliases;
    spec.n_aliases = na;
    spec.roles = (const char **)roles;
    spec.n_roles = nr;
    spec.mentions = mentions;
    spec.first_doc = "doc";
    spec.docs = &dc;
    spec.n_docs = 1;
    size_t index = 0;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &spec, &index, &err), KG_OK);
    return index;
}

static size_t person(kg_graph *g, const char *id, const char *label, const char *const *aliases)
{
    return node(g, id, label, KG_ENT_PERSON, aliases, NULL, 1);
}

static size_t country(kg_graph *g, const char *id, const char *label)
{
    return node(g, id, label, KG_ENT_COUNTRY, NULL, NULL, 1);
}

typedef struct claim {
    bool negated, modal, attributed;
    size_t sentences; /* supporting sentences, 0 taken as 1 */
} claim;

static void edge(kg_graph *g, const char *source, const char *relation, const char *target, claim c)
{
    size_t n = c.sentences ? c.sentences : 1;
    kg_evidence ev[4];
    char text[4][64];
    for (size_t k = 0; k < n && k < 4; k++) {
        snprintf(text[k], sizeof text[k], "%s %s%s %s (%zu).", source, c.negated ? "not " : "",
                 relation, target, k);
        ev[k] = (kg_evidence){"doc", "2024-01-05", k, 0, 10, 0, 10, text[k]};
    }
    kg_edge spec;
    memset(&spec, 0, sizeof spec);
    long s = kg_graph_find_node(g, source), t = kg_graph_find_node(g, target);
    assert_true(s >= 0 && t >= 0);
    spec.source = (size_t)s;
    spec.target = (size_t)t;
    spec.relation = relation;
    spec.negated = c.negated;
    spec.modal = c.modal;
    spec.attributed = c.attributed;
    spec.confidence = 0.8;
    spec.evidence = ev;
    spec.n_evidence = n;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &spec, NULL, &err), KG_OK);
}

static const claim plain = {false, false, false, 1};

static kg_diff *diff_of(const kg_graph *a, const kg_graph *b)
{
    kg_diff *d = NULL;
    kg_error err;
    assert_int_equal(kg_diff_graphs(a, b, NULL, &d, &err), KG_OK);
    assert_non_null(d);
    return d;
}

/* The entity whose node (new side first) has this id. */
static const kg_diff_entity *entity(const kg_diff *d, const char *id)
{
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(kg_diff_entity_node(d, &es[i])->id, id))
            return &es[i];
    fail_msg("no entity %s in the diff", id);
    return NULL;
}

static const kg_diff_entity *entity_old(const kg_diff *d, const char *old_id)
{
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++)
        if (es[i].old_node >= 0 &&
            !strcmp(kg_graph_node(kg_diff_old_graph(d), (size_t)es[i].old_node)->id, old_id))
            return &es[i];
    fail_msg("no old entity %s in the diff", old_id);
    return NULL;
}

static size_t count_state(const kg_diff *d, kg_diff_state s, bool relations)
{
    kg_diff_summary sum;
    kg_diff_summarize(d, &sum);
    switch (s) {
    case KG_DIFF_ADDED:
        return relations ? sum.relations_added : sum.entities_added;
    case KG_DIFF_REMOVED:
        return relations ? sum.relations_removed : sum.entities_removed;
    case KG_DIFF_CHANGED:
        return relations ? sum.relations_changed : sum.entities_changed;
    default:
        return relations ? sum.relations_unchanged : sum.entities_unchanged;
    }
}

static char *export_string(const kg_diff *d, kg_diff_format f, bool color)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    kg_diff_export_options xo = {color, 0};
    kg_error err;
    assert_int_equal(kg_diff_export_write(d, f, &xo, out, &err), KG_OK);
    fclose(out);
    return buf;
}

/* Two small versions of one story. */
static kg_graph *story(bool second)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    static const char *const blinken_full[] = {"Secretary of State Antony J. Blinken",
                                               "Antony J. Blinken", "Secretary Blinken", NULL};
    static const char *const blinken_short[] = {"Secretary of State Blinken", "Blinken", NULL};
    if (second)
        person(g, "blinken", "Blinken", blinken_short);
    else
        person(g, "antony-j-blinken", "Antony J. Blinken", blinken_full);
    country(g, "israel", "Israel");
    country(g, "egypt", "Egypt");
    edge(g, second ? "blinken" : "antony-j-blinken", "visit", "israel", plain);
    return g;
}

/* ---------------------------------------------------------------- identity */

static void test_diff_identical_graphs_have_no_change(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    kg_diff *d = diff_of(a, b);
    assert_false(kg_diff_changed(d));
    assert_int_equal(count_state(d, KG_DIFF_UNCHANGED, false), 3);
    assert_int_equal(count_state(d, KG_DIFF_UNCHANGED, true), 1);
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(es[i].match, KG_DIFF_MATCH_ID);
        assert_false(es[i].label_changed);
    }
    /* the text summary of no change is empty, like diff(1)'s */
    char *text = export_string(d, KG_DIFF_FMT_TEXT, false);
    assert_string_equal(text, "");
    free(text);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_graph_against_itself(void **state)
{
    (void)state;
    kg_graph *a = story(true);
    kg_diff *d = diff_of(a, a);
    assert_false(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
}

static void test_diff_empty_graphs(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = story(false);
    kg_diff *d = diff_of(a, a);
    assert_false(kg_diff_changed(d));
    size_t n;
    kg_diff_entities(d, &n);
    assert_int_equal(n, 0);
    kg_diff_free(d);
    d = diff_of(a, b);
    assert_int_equal(count_state(d, KG_DIFF_ADDED, false), 3);
    assert_int_equal(count_state(d, KG_DIFF_ADDED, true), 1);
    kg_diff_free(d);
    d = NULL;
    kg_error err;
    assert_int_equal(kg_diff_graphs(a, NULL, NULL, &d, &err), KG_ERR_USAGE);
    assert_null(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* ---------------------------------------------------------------- matching */

static void test_diff_matches_full_and_short_name(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    /* no alias in common: only the name rule can match them */
    static const char *const full[] = {"Antony J. Blinken", NULL};
    static const char *const shortened[] = {"Secretary Blinken", NULL};
    person(a, "antony-j-blinken", "Antony J. Blinken", full);
    person(b, "blinken", "Blinken", shortened);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "blinken");
    assert_int_equal(e->match, KG_DIFF_MATCH_NAME);
    assert_int_equal(e->state, KG_DIFF_UNCHANGED);
    assert_true(e->label_changed);
    assert_false(kg_diff_changed(d)); /* a rename is a note, not a change */
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    assert_int_equal(s.entities_renamed, 1);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_names_compatible_rules(void **state)
{
    (void)state;
    assert_true(kg_diff_names_compatible("Blinken", "Antony J. Blinken"));
    assert_true(kg_diff_names_compatible("Antony Blinken", "Antony J. Blinken"));
    assert_true(kg_diff_names_compatible("A. J. Blinken", "Antony J. Blinken"));
    assert_true(kg_diff_names_compatible("A. Blinken", "Antony John Blinken"));
    assert_true(kg_diff_names_compatible("antony j blinken", "Antony J. Blinken"));
    assert_true(kg_diff_names_compatible("José Ortega", "Jose Ortega"));
    assert_true(kg_diff_names_compatible("Martin Luther King Jr.", "Martin Luther King"));
    assert_true(kg_diff_names_compatible("Martin Luther King, Jr.", "King"));
    assert_false(kg_diff_names_compatible("Joe Biden", "Hunter Biden"));
    assert_false(kg_diff_names_compatible("Joe Biden", "Joseph Biden"));
    assert_false(kg_diff_names_compatible("B. Blinken", "Antony Blinken"));
    assert_false(kg_diff_names_compatible("John Antony Blinken", "Antony John Blinken"));
    assert_false(kg_diff_names_compatible("Blinken", "Blinkin"));
    assert_false(kg_diff_names_compatible("", "Blinken"));
}

static void test_diff_never_matches_two_people_of_one_surname(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    person(a, "joe-biden", "Joe Biden", NULL);
    person(b, "hunter-biden", "Hunter Biden", NULL);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity(d, "joe-biden")->state, KG_DIFF_REMOVED);
    assert_int_equal(entity(d, "hunter-biden")->state, KG_DIFF_ADDED);
    assert_true(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_bare_surname_against_two_is_ambiguous(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const bare[] = {"Biden", NULL};
    static const char *const joe[] = {"Joe Biden", "Biden", NULL};
    static const char *const hunter[] = {"Hunter Biden", "Biden", NULL};
    person(a, "biden", "Biden", bare);
    person(b, "joe-biden", "Joe Biden", joe);
    person(b, "hunter-biden", "Hunter Biden", hunter);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity_old(d, "biden")->state, KG_DIFF_REMOVED);
    assert_int_equal(entity(d, "joe-biden")->state, KG_DIFF_ADDED);
    assert_int_equal(entity(d, "hunter-biden")->state, KG_DIFF_ADDED);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_aliases_disambiguate_a_bare_surname(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const bare[] = {"President Biden", "Biden", NULL};
    static const char *const joe[] = {"President Joe Biden", "Joe Biden", "President Biden",
                                      "Biden", NULL};
    static const char *const hunter[] = {"Hunter Biden", "Biden", NULL};
    person(a, "biden", "Biden", bare);
    person(b, "joe-biden", "Joe Biden", joe);
    person(b, "hunter-biden", "Hunter Biden", hunter);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "joe-biden");
    assert_int_equal(e->match, KG_DIFF_MATCH_NAME);
    assert_int_equal(kg_graph_node(kg_diff_old_graph(d), (size_t)e->old_node)->id[0], 'b');
    assert_int_equal(entity(d, "hunter-biden")->state, KG_DIFF_ADDED);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* A bare surname left over once its namesake matched by id is still
 * ambiguous: it is not the other namesake's by elimination. */
static void test_diff_no_match_by_elimination(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    person(a, "joe-biden", "Joe Biden", NULL);
    person(a, "biden", "Biden", NULL);
    person(b, "joe-biden", "Joe Biden", NULL);
    person(b, "hunter-biden", "Hunter Biden", NULL);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity(d, "joe-biden")->match, KG_DIFF_MATCH_ID);
    assert_int_equal(entity_old(d, "biden")->state, KG_DIFF_REMOVED);
    assert_int_equal(entity(d, "hunter-biden")->state, KG_DIFF_ADDED);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_matches_label_among_aliases(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const un[] = {"United Nations", "UN", NULL};
    node(a, "un", "UN", KG_ENT_ORGANIZATION, NULL, NULL, 1);
    node(b, "united-nations", "United Nations", KG_ENT_ORGANIZATION, un, NULL, 1);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "united-nations");
    assert_int_equal(e->match, KG_DIFF_MATCH_ALIAS);
    assert_int_equal(e->state, KG_DIFF_UNCHANGED);
    assert_false(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_alias_needs_the_same_type(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const jordan[] = {"Jordan", NULL};
    node(a, "jordan", "Jordan", KG_ENT_COUNTRY, NULL, NULL, 1);
    node(b, "michael-jordan", "Michael Jordan", KG_ENT_PERSON, jordan, NULL, 1);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity(d, "jordan")->state, KG_DIFF_REMOVED);
    assert_int_equal(entity(d, "michael-jordan")->state, KG_DIFF_ADDED);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_same_id_other_type_is_a_change(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    node(a, "georgia", "Georgia", KG_ENT_COUNTRY, NULL, NULL, 1);
    node(b, "georgia", "Georgia", KG_ENT_LOCATION, NULL, NULL, 1);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "georgia");
    assert_int_equal(e->match, KG_DIFF_MATCH_ID);
    assert_int_equal(e->state, KG_DIFF_CHANGED);
    assert_true(e->type_changed);
    assert_true(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* ---------------------------------------------------------------- changes */

static void test_diff_edges_follow_matched_entities(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(true);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity(d, "blinken")->match, KG_DIFF_MATCH_NAME);
    assert_int_equal(count_state(d, KG_DIFF_UNCHANGED, true), 1);
    assert_false(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_negation_change(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "attend", "egypt", plain);
    edge(b, "antony-j-blinken", "attend", "egypt", (claim){true, false, false, 1});
    kg_diff *d = diff_of(a, b);
    size_t n;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    assert_int_equal(n, 2);
    const kg_diff_relation *r = NULL;
    for (size_t i = 0; i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED)
            r = &rs[i];
    assert_non_null(r);
    assert_int_equal(r->state, KG_DIFF_CHANGED);
    assert_true(r->negation_changed);
    assert_false(r->modality_changed);
    assert_true(kg_diff_relation_edge(d, r)->negated);
    assert_int_equal(r->old_evidence.n, 1);
    assert_int_equal(r->new_evidence.n, 1);
    assert_non_null(strstr(r->new_evidence.items[0].text, "not attend"));
    assert_true(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* Both "attend" and "not attend" before, only "not attend" after: the
 * negated pair is unchanged and the plain one removed. */
static void test_diff_pairs_the_same_negation_first(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "attend", "egypt", plain);
    edge(a, "antony-j-blinken", "attend", "egypt", (claim){true, false, false, 1});
    edge(b, "antony-j-blinken", "attend", "egypt", (claim){true, false, false, 1});
    kg_diff *d = diff_of(a, b);
    assert_int_equal(count_state(d, KG_DIFF_REMOVED, true), 1);
    assert_int_equal(count_state(d, KG_DIFF_CHANGED, true), 0);
    assert_int_equal(count_state(d, KG_DIFF_UNCHANGED, true), 2);
    size_t n;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        if (rs[i].state == KG_DIFF_REMOVED)
            assert_false(kg_diff_relation_edge(d, &rs[i])->negated);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_modality_change(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "attend", "egypt", plain);
    edge(b, "antony-j-blinken", "attend", "egypt", (claim){false, true, false, 1});
    kg_diff *d = diff_of(a, b);
    assert_int_equal(count_state(d, KG_DIFF_CHANGED, true), 1);
    size_t n;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        if (rs[i].state == KG_DIFF_CHANGED) {
            assert_true(rs[i].modality_changed);
            assert_false(rs[i].negation_changed);
        }
    char *text = export_string(d, KG_DIFF_FMT_TEXT, false);
    assert_non_null(strstr(text, "~ Antony J. Blinken -[attend]-> Egypt: now modal"));
    free(text);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_attribution_change(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "attend", "egypt", plain);
    edge(b, "antony-j-blinken", "attend", "egypt", (claim){false, false, true, 1});
    kg_diff *d = diff_of(a, b);
    assert_int_equal(count_state(d, KG_DIFF_CHANGED, true), 1);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_role_change(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const pm[] = {"Prime Minister", NULL};
    static const char *const former[] = {"former Prime Minister", NULL};
    node(a, "benjamin-netanyahu", "Benjamin Netanyahu", KG_ENT_PERSON, NULL, pm, 3);
    node(b, "benjamin-netanyahu", "Benjamin Netanyahu", KG_ENT_PERSON, NULL, former, 3);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "benjamin-netanyahu");
    assert_int_equal(e->state, KG_DIFF_CHANGED);
    assert_int_equal(e->n_roles_added, 1);
    assert_string_equal(e->roles_added[0], "former Prime Minister");
    assert_int_equal(e->n_roles_removed, 1);
    assert_string_equal(e->roles_removed[0], "Prime Minister");
    assert_true(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_roles_compare_without_case(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    static const char *const r1[] = {"Prime Minister", NULL};
    static const char *const r2[] = {"prime minister", NULL};
    node(a, "x", "X", KG_ENT_PERSON, NULL, r1, 1);
    node(b, "x", "X", KG_ENT_PERSON, NULL, r2, 1);
    kg_diff *d = diff_of(a, b);
    assert_false(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_count_change(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "attend", "egypt", plain);
    edge(b, "antony-j-blinken", "attend", "egypt", (claim){false, false, false, 3});
    kg_diff *d = diff_of(a, b);
    size_t n;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    bool seen = false;
    for (size_t i = 0; i < n; i++)
        if (rs[i].state == KG_DIFF_CHANGED) {
            seen = true;
            assert_true(rs[i].count_changed);
            assert_int_equal(rs[i].old_count, 1);
            assert_int_equal(rs[i].new_count, 3);
            assert_int_equal(rs[i].new_evidence.n, 3);
        }
    assert_true(seen);
    assert_true(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* Mention counts are notes: reported, never a change. */
static void test_diff_mention_count_is_a_note(void **state)
{
    (void)state;
    kg_graph *a = kg_graph_new(), *b = kg_graph_new();
    node(a, "israel", "Israel", KG_ENT_COUNTRY, NULL, NULL, 11);
    node(b, "israel", "Israel", KG_ENT_COUNTRY, NULL, NULL, 10);
    kg_diff *d = diff_of(a, b);
    const kg_diff_entity *e = entity(d, "israel");
    assert_int_equal(e->state, KG_DIFF_UNCHANGED);
    assert_int_equal(e->old_mentions, 11);
    assert_int_equal(e->new_mentions, 10);
    assert_false(kg_diff_changed(d));
    char *json = export_string(d, KG_DIFF_FMT_JSON, false);
    assert_non_null(strstr(json, "\"mentions_changed\": 1"));
    assert_non_null(strstr(json, "\"notes\": [\n        \"mentions\"\n      ]"));
    free(json);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_added_and_removed_nodes_and_edges(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    country(a, "jordan", "Jordan");
    edge(a, "antony-j-blinken", "visit", "jordan", plain);
    country(b, "qatar", "Qatar");
    edge(b, "antony-j-blinken", "visit", "qatar", plain);
    edge(b, "israel", "border", "egypt", plain);
    kg_diff *d = diff_of(a, b);
    assert_int_equal(entity(d, "jordan")->state, KG_DIFF_REMOVED);
    assert_int_equal(entity(d, "qatar")->state, KG_DIFF_ADDED);
    assert_int_equal(count_state(d, KG_DIFF_ADDED, false), 1);
    assert_int_equal(count_state(d, KG_DIFF_REMOVED, false), 1);
    assert_int_equal(count_state(d, KG_DIFF_ADDED, true), 2);
    assert_int_equal(count_state(d, KG_DIFF_REMOVED, true), 1);
    assert_int_equal(count_state(d, KG_DIFF_UNCHANGED, true), 1);
    /* without documents, an entity's evidence is its relations' sentences */
    const kg_diff_entity *q = entity(d, "qatar");
    assert_int_equal(q->new_evidence.n, 1);
    assert_non_null(strstr(q->new_evidence.items[0].text, "qatar"));
    assert_int_equal(q->old_evidence.n, 0);
    char *text = export_string(d, KG_DIFF_FMT_TEXT, false);
    assert_non_null(strstr(text, "+ country Qatar\n"));
    assert_non_null(strstr(text, "- country Jordan\n"));
    assert_non_null(strstr(text, "+ Israel -[border]-> Egypt\n"));
    assert_non_null(strstr(text, "entities: 1 added, 1 removed, 0 changed (4 -> 4)"));
    free(text);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* A relation phrase copied from reflowed text differs only in white space. */
static void test_diff_ignores_white_space_in_relations(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = story(false);
    edge(a, "antony-j-blinken", "be senior fellow at", "egypt", plain);
    edge(b, "antony-j-blinken", "be senior \n fellow  at", "egypt", plain);
    kg_diff *d = diff_of(a, b);
    assert_false(kg_diff_changed(d));
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* ---------------------------------------------------------------- output */

static kg_graph *shuffled_story(bool reverse)
{
    kg_graph *g = kg_graph_new();
    const char *ids[] = {"antony-j-blinken", "israel", "egypt", "qatar"};
    for (size_t k = 0; k < 4; k++) {
        size_t i = reverse ? 3 - k : k;
        if (i == 0)
            person(g, ids[0], "Antony J. Blinken", NULL);
        else
            country(g, ids[i], ids[i]);
    }
    if (reverse) {
        edge(g, "antony-j-blinken", "visit", "qatar", plain);
        edge(g, "antony-j-blinken", "visit", "israel", (claim){true, false, false, 1});
    } else {
        edge(g, "antony-j-blinken", "visit", "israel", (claim){true, false, false, 1});
        edge(g, "antony-j-blinken", "visit", "qatar", plain);
    }
    return g;
}

static void test_diff_json_is_deterministic(void **state)
{
    (void)state;
    kg_graph *old1 = story(false), *old2 = story(false);
    kg_graph *new1 = shuffled_story(false), *new2 = shuffled_story(true);
    kg_diff *d1 = diff_of(old1, new1), *d2 = diff_of(old2, new2);
    char *j1 = export_string(d1, KG_DIFF_FMT_JSON, false);
    char *j2 = export_string(d2, KG_DIFF_FMT_JSON, false);
    assert_string_equal(j1, j2);
    /* and in a fixed, documented shape */
    assert_non_null(strstr(j1, "\"format\": \"kg-diff\""));
    assert_non_null(strstr(j1, "\"changed\": true"));
    const char *ent = strstr(j1, "\"entities\": [");
    const char *rel = strstr(j1, "\"relations\": [");
    assert_non_null(ent);
    assert_non_null(rel);
    assert_true(ent < rel);
    /* qatar is added; israel changed negation on its relation */
    assert_non_null(strstr(ent, "\"id\": \"qatar\""));
    assert_non_null(strstr(rel, "\"changes\": [\n        \"negation\"\n      ]"));
    free(j1);
    free(j2);
    kg_diff_free(d1);
    kg_diff_free(d2);
    kg_graph_free(old1);
    kg_graph_free(old2);
    kg_graph_free(new1);
    kg_graph_free(new2);
}

/* A rename (by the name rule) and a negation, in the documented shape. */
static kg_graph *golden_side(bool second)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    static const char *const ann[] = {"Ann Lee", NULL};
    static const char *const lee[] = {"Ms. Lee", NULL};
    person(g, second ? "lee" : "ann-lee", second ? "Lee" : "Ann Lee", second ? lee : ann);
    country(g, "peru", "Peru");
    edge(g, second ? "lee" : "ann-lee", "visit", "peru", (claim){second, false, false, 1});
    return g;
}

static const char golden_json[] = "{\n"
                                  "  \"format\": \"kg-diff\",\n"
                                  "  \"version\": 2,\n"
                                  "  \"generator\": \"kg " KG_VERSION "\",\n"
                                  "  \"changed\": true,\n"
                                  "  \"old\": {\n"
                                  "    \"name\": \"old\",\n"
                                  "    \"entities\": 2,\n"
                                  "    \"relations\": 1,\n"
                                  "    \"claims\": 0,\n"
                                  "    \"documents\": []\n"
                                  "  },\n"
                                  "  \"new\": {\n"
                                  "    \"name\": \"new\",\n"
                                  "    \"entities\": 2,\n"
                                  "    \"relations\": 1,\n"
                                  "    \"claims\": 0,\n"
                                  "    \"documents\": []\n"
                                  "  },\n"
                                  "  \"summary\": {\n"
                                  "    \"entities\": {\n"
                                  "      \"added\": 0,\n"
                                  "      \"removed\": 0,\n"
                                  "      \"changed\": 0,\n"
                                  "      \"unchanged\": 2,\n"
                                  "      \"renamed\": 1,\n"
                                  "      \"mentions_changed\": 0\n"
                                  "    },\n"
                                  "    \"relations\": {\n"
                                  "      \"added\": 0,\n"
                                  "      \"removed\": 0,\n"
                                  "      \"changed\": 1,\n"
                                  "      \"unchanged\": 0\n"
                                  "    },\n"
                                  "    \"claims\": {\n"
                                  "      \"added\": 0,\n"
                                  "      \"removed\": 0,\n"
                                  "      \"changed\": 0,\n"
                                  "      \"unchanged\": 0\n"
                                  "    },\n"
                                  "    \"kinds\": {\n"
                                  "      \"reversed\": 0,\n"
                                  "      \"value\": 0,\n"
                                  "      \"relation\": 0,\n"
                                  "      \"replaced\": 0,\n"
                                  "      \"context\": 0\n"
                                  "    },\n"
                                  "    \"sentences\": {\n"
                                  "      \"changed\": 1,\n"
                                  "      \"reworded\": 0\n"
                                  "    }\n"
                                  "  },\n"
                                  "  \"entities\": [\n"
                                  "    {\n"
                                  "      \"status\": \"unchanged\",\n"
                                  "      \"kind\": \"plain\",\n"
                                  "      \"context\": false,\n"
                                  "      \"id\": \"lee\",\n"
                                  "      \"label\": \"Lee\",\n"
                                  "      \"type\": \"person\",\n"
                                  "      \"match\": \"name\",\n"
                                  "      \"changes\": [],\n"
                                  "      \"notes\": [\n"
                                  "        \"label\"\n"
                                  "      ],\n"
                                  "      \"roles_added\": [],\n"
                                  "      \"roles_removed\": [],\n"
                                  "      \"old\": {\n"
                                  "        \"id\": \"ann-lee\",\n"
                                  "        \"label\": \"Ann Lee\",\n"
                                  "        \"type\": \"person\",\n"
                                  "        \"aliases\": [\n"
                                  "          \"Ann Lee\"\n"
                                  "        ],\n"
                                  "        \"roles\": [],\n"
                                  "        \"mentions\": 1\n"
                                  "      },\n"
                                  "      \"new\": {\n"
                                  "        \"id\": \"lee\",\n"
                                  "        \"label\": \"Lee\",\n"
                                  "        \"type\": \"person\",\n"
                                  "        \"aliases\": [\n"
                                  "          \"Ms. Lee\"\n"
                                  "        ],\n"
                                  "        \"roles\": [],\n"
                                  "        \"mentions\": 1\n"
                                  "      },\n"
                                  "      \"evidence\": {\n"
                                  "        \"old\": [\n"
                                  "          {\n"
                                  "            \"doc\": \"doc\",\n"
                                  "            \"sentence\": 0,\n"
                                  "            \"start\": 0,\n"
                                  "            \"end\": 10,\n"
                                  "            \"cp_start\": 0,\n"
                                  "            \"cp_end\": 10,\n"
                                  "            \"text\": \"ann-lee visit peru (0).\"\n"
                                  "          }\n"
                                  "        ],\n"
                                  "        \"new\": [\n"
                                  "          {\n"
                                  "            \"doc\": \"doc\",\n"
                                  "            \"sentence\": 0,\n"
                                  "            \"start\": 0,\n"
                                  "            \"end\": 10,\n"
                                  "            \"cp_start\": 0,\n"
                                  "            \"cp_end\": 10,\n"
                                  "            \"text\": \"lee not visit peru (0).\"\n"
                                  "          }\n"
                                  "        ]\n"
                                  "      }\n"
                                  "    }\n"
                                  "  ],\n"
                                  "  \"relations\": [\n"
                                  "    {\n"
                                  "      \"status\": \"changed\",\n"
                                  "      \"kind\": \"plain\",\n"
                                  "      \"context\": false,\n"
                                  "      \"source\": \"lee\",\n"
                                  "      \"relation\": \"visit\",\n"
                                  "      \"target\": \"peru\",\n"
                                  "      \"changes\": [\n"
                                  "        \"negation\"\n"
                                  "      ],\n"
                                  "      \"old\": {\n"
                                  "        \"source\": \"ann-lee\",\n"
                                  "        \"target\": \"peru\",\n"
                                  "        \"relation\": \"visit\",\n"
                                  "        \"negated\": false,\n"
                                  "        \"modal\": false,\n"
                                  "        \"attributed\": false,\n"
                                  "        \"count\": 1\n"
                                  "      },\n"
                                  "      \"new\": {\n"
                                  "        \"source\": \"lee\",\n"
                                  "        \"target\": \"peru\",\n"
                                  "        \"relation\": \"visit\",\n"
                                  "        \"negated\": true,\n"
                                  "        \"modal\": false,\n"
                                  "        \"attributed\": false,\n"
                                  "        \"count\": 1\n"
                                  "      },\n"
                                  "      \"evidence\": {\n"
                                  "        \"old\": [\n"
                                  "          {\n"
                                  "            \"doc\": \"doc\",\n"
                                  "            \"sentence\": 0,\n"
                                  "            \"start\": 0,\n"
                                  "            \"end\": 10,\n"
                                  "            \"cp_start\": 0,\n"
                                  "            \"cp_end\": 10,\n"
                                  "            \"text\": \"ann-lee visit peru (0).\"\n"
                                  "          }\n"
                                  "        ],\n"
                                  "        \"new\": [\n"
                                  "          {\n"
                                  "            \"doc\": \"doc\",\n"
                                  "            \"sentence\": 0,\n"
                                  "            \"start\": 0,\n"
                                  "            \"end\": 10,\n"
                                  "            \"cp_start\": 0,\n"
                                  "            \"cp_end\": 10,\n"
                                  "            \"text\": \"lee not visit peru (0).\"\n"
                                  "          }\n"
                                  "        ]\n"
                                  "      }\n"
                                  "    }\n"
                                  "  ],\n"
                                  "  \"claims\": [],\n"
                                  "  \"sentences\": [\n"
                                  "    {\n"
                                  "      \"status\": \"changed\",\n"
                                  "      \"meaning_changed\": true,\n"
                                  "      \"old\": {\n"
                                  "        \"doc\": \"doc\",\n"
                                  "        \"sentence\": 0,\n"
                                  "        \"start\": 0,\n"
                                  "        \"end\": 10,\n"
                                  "        \"text\": \"ann-lee visit peru (0).\"\n"
                                  "      },\n"
                                  "      \"new\": {\n"
                                  "        \"doc\": \"doc\",\n"
                                  "        \"sentence\": 0,\n"
                                  "        \"start\": 0,\n"
                                  "        \"end\": 10,\n"
                                  "        \"text\": \"lee not visit peru (0).\"\n"
                                  "      }\n"
                                  "    }\n"
                                  "  ]\n"
                                  "}\n";

static void test_diff_json_matches_golden(void **state)
{
    (void)state;
    kg_graph *a = golden_side(false), *b = golden_side(true);
    kg_diff *d = diff_of(a, b);
    char *json = export_string(d, KG_DIFF_FMT_JSON, false);
    assert_string_equal(json, golden_json);
    free(json);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_text_colours_only_on_request(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = shuffled_story(false);
    kg_diff *d = diff_of(a, b);
    char *plain_text = export_string(d, KG_DIFF_FMT_TEXT, false);
    char *color_text = export_string(d, KG_DIFF_FMT_TEXT, true);
    assert_null(strchr(plain_text, '\033'));
    assert_non_null(strstr(color_text, "\033[32m+ country qatar"));
    assert_non_null(strstr(plain_text, "+ country qatar"));
    free(plain_text);
    free(color_text);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_dot_colours_the_union(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = shuffled_story(false);
    country(a, "jordan", "Jordan");
    kg_diff *d = diff_of(a, b);
    char *dot = export_string(d, KG_DIFF_FMT_DOT, false);
    assert_non_null(strstr(dot, "digraph kg_diff"));
    assert_non_null(strstr(dot, "#009E73"));       /* added: qatar */
    assert_non_null(strstr(dot, "filled,dashed")); /* removed: jordan */
    assert_non_null(strstr(dot, "#E69F00"));       /* changed: visit israel, negated */
    assert_non_null(strstr(dot, "(was visit)"));
    assert_non_null(strstr(dot, "label=Jordan"));
    free(dot);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_svg_renders(void **state)
{
    (void)state;
    kg_graph *a = story(false), *b = shuffled_story(false);
    kg_diff *d = diff_of(a, b);
    char *svg = export_string(d, KG_DIFF_FMT_SVG, false);
    assert_non_null(strstr(svg, "<svg"));
    assert_non_null(strstr(svg, "qatar"));
    free(svg);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* Names, roles, relations and sentences as an article or a hand-written
 * graph may hold them: terminal controls, C1 controls, characters XML cannot
 * hold, text that looks like an XML reference. */
static kg_diff *hostile_diff(kg_graph **a, kg_graph **b)
{
    *a = kg_graph_new();
    *b = kg_graph_new();
    const char *roles[] = {"Envoy\033[2J", NULL};
    for (int side = 0; side < 2; side++) {
        kg_graph *g = side ? *b : *a;
        node(g, "evil", "Evil\033]0;pwned\007 \302\233One\357\277\276 &#1;", KG_ENT_PERSON, NULL,
             side ? roles : NULL, 1);
        country(g, "israel", "Israel");
        if (side)
            edge(g, "evil", "meet\033[5m\tnow\n", "israel", plain);
    }
    return diff_of(*a, *b);
}

static void test_diff_text_shows_control_characters_escaped(void **state)
{
    (void)state;
    kg_graph *a, *b;
    kg_diff *d = hostile_diff(&a, &b);
    char *text = export_string(d, KG_DIFF_FMT_TEXT, false);
    assert_null(strchr(text, '\033'));
    assert_null(strchr(text, '\007'));
    assert_null(strchr(text, '\t'));
    assert_null(strstr(text, "\302\233"));
    assert_non_null(strstr(
        text,
        "+ Evil\\x1b]0;pwned\\x07 \\x9bOne\357\277\276 &#1; -[meet\\x1b[5m now ]-> Israel\n"));
    assert_non_null(strstr(text, "role \"Envoy\\x1b[2J\" added"));
    /* the sentence is one line, its controls shown */
    assert_non_null(strstr(text, "    new [1] evil meet\\x1b[5m now  israel (0).\n"));
    free(text);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_json_escapes_c1_controls(void **state)
{
    (void)state;
    kg_graph *a, *b;
    kg_diff *d = hostile_diff(&a, &b);
    char *json = export_string(d, KG_DIFF_FMT_JSON, false);
    assert_null(strstr(json, "\302\233"));
    assert_non_null(strstr(json, "\"Evil\\u001B]0;pwned\\u0007 \\u009BOne"));
    free(json);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_svg_holds_only_xml_characters(void **state)
{
    (void)state;
    kg_graph *a, *b;
    kg_diff *d = hostile_diff(&a, &b);
    char *svg = export_string(d, KG_DIFF_FMT_SVG, false);
    char *dot = export_string(d, KG_DIFF_FMT_DOT, false);
    assert_true(xml_check_text(svg));
    assert_true(xml_check_text(dot));         /* what `dot -Tsvg` is handed */
    assert_non_null(strstr(svg, "&amp;#1;")); /* the text as written, not a reference */
    free(dot);
    free(svg);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_export_file_is_atomic(void **state)
{
    (void)state;
    char dir[] = "/tmp/kg-test-diff-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64], missing[80];
    snprintf(path, sizeof path, "%s/d.json", dir);
    snprintf(missing, sizeof missing, "%s/no/such/dir/d.json", dir);
    kg_graph *a = story(false), *b = story(true);
    kg_diff *d = diff_of(a, b);
    kg_error err;
    assert_int_equal(kg_diff_export_file(d, KG_DIFF_FMT_JSON, NULL, path, &err), KG_OK);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    fclose(f);
    assert_int_not_equal(kg_diff_export_file(d, KG_DIFF_FMT_JSON, NULL, missing, &err), KG_OK);
    assert_non_null(strstr(err.message, missing));
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* nothing else, no temporary file, was left */
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_diff_format_names(void **state)
{
    (void)state;
    kg_diff_format f;
    assert_true(kg_diff_format_parse("json", &f));
    assert_int_equal(f, KG_DIFF_FMT_JSON);
    assert_true(kg_diff_format_parse("svg", &f));
    assert_int_equal(f, KG_DIFF_FMT_SVG);
    assert_false(kg_diff_format_parse("png", &f));
    assert_false(kg_diff_format_parse(NULL, &f));
    assert_string_equal(kg_diff_state_name(KG_DIFF_CHANGED), "changed");
    assert_string_equal(kg_diff_match_name(KG_DIFF_MATCH_ALIAS), "alias");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_identical_graphs_have_no_change),
        cmocka_unit_test(test_diff_graph_against_itself),
        cmocka_unit_test(test_diff_empty_graphs),
        cmocka_unit_test(test_diff_matches_full_and_short_name),
        cmocka_unit_test(test_diff_names_compatible_rules),
        cmocka_unit_test(test_diff_never_matches_two_people_of_one_surname),
        cmocka_unit_test(test_diff_bare_surname_against_two_is_ambiguous),
        cmocka_unit_test(test_diff_aliases_disambiguate_a_bare_surname),
        cmocka_unit_test(test_diff_no_match_by_elimination),
        cmocka_unit_test(test_diff_matches_label_among_aliases),
        cmocka_unit_test(test_diff_alias_needs_the_same_type),
        cmocka_unit_test(test_diff_same_id_other_type_is_a_change),
        cmocka_unit_test(test_diff_edges_follow_matched_entities),
        cmocka_unit_test(test_diff_negation_change),
        cmocka_unit_test(test_diff_pairs_the_same_negation_first),
        cmocka_unit_test(test_diff_modality_change),
        cmocka_unit_test(test_diff_attribution_change),
        cmocka_unit_test(test_diff_role_change),
        cmocka_unit_test(test_diff_roles_compare_without_case),
        cmocka_unit_test(test_diff_count_change),
        cmocka_unit_test(test_diff_mention_count_is_a_note),
        cmocka_unit_test(test_diff_added_and_removed_nodes_and_edges),
        cmocka_unit_test(test_diff_ignores_white_space_in_relations),
        cmocka_unit_test(test_diff_json_is_deterministic),
        cmocka_unit_test(test_diff_json_matches_golden),
        cmocka_unit_test(test_diff_text_colours_only_on_request),
        cmocka_unit_test(test_diff_dot_colours_the_union),
        cmocka_unit_test(test_diff_svg_renders),
        cmocka_unit_test(test_diff_export_file_is_atomic),
        cmocka_unit_test(test_diff_format_names),
        cmocka_unit_test(test_diff_text_shows_control_characters_escaped),
        cmocka_unit_test(test_diff_json_escapes_c1_controls),
        cmocka_unit_test(test_diff_svg_holds_only_xml_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
