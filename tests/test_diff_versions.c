/* test_diff_versions.c - two versions of an article, as an editor revises
 * it, through the whole pipeline: each kind of change kg diff reports (a
 * verb reversed, a value changed, another verb between the same actors, a
 * person replaced), the notes (text reworded or moved, meaning the same),
 * and that an edit of one sentence reports nothing about the others. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_case.h"

/* Every change (not a note) of the diff, as "KIND what" lines, for messages. */
static void dump(const kg_diff *d)
{
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++)
        if (es[i].state != KG_DIFF_UNCHANGED)
            fprintf(stderr, "  entity %s %s %s%s\n", kg_diff_state_name(es[i].state),
                    kg_diff_kind_name(es[i].kind), kg_diff_entity_node(d, &es[i])->id,
                    es[i].context ? " (context)" : "");
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED)
            fprintf(stderr, "  relation %s %s %s%s\n", kg_diff_state_name(rs[i].state),
                    kg_diff_kind_name(rs[i].kind), kg_diff_relation_edge(d, &rs[i])->relation,
                    rs[i].context ? " (context)" : "");
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; i < n; i++)
        if (cs[i].state != KG_DIFF_UNCHANGED) {
            const kg_claim *c = kg_diff_claim_record(d, &cs[i]);
            fprintf(stderr, "  claim %s %s %s | %s%s\n", kg_diff_state_name(cs[i].state),
                    kg_diff_kind_name(cs[i].kind), c->relation, c->argument,
                    cs[i].context ? " (context)" : "");
        }
}

/* How many changes (notes aside) the diff reports. */
static size_t changes(const kg_diff *d)
{
    size_t n, k = 0;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++)
        k += es[i].state != KG_DIFF_UNCHANGED && !es[i].context;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        k += rs[i].state != KG_DIFF_UNCHANGED && !rs[i].context;
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; i < n; i++)
        k += cs[i].state != KG_DIFF_UNCHANGED && !cs[i].context;
    return k;
}

static void expect_one_change(const kg_diff *d)
{
    if (changes(d) != 1) {
        dump(d);
        fail_msg("expected one change, found %zu", changes(d));
    }
    assert_true(kg_diff_changed(d));
}

/* The one claim that changed. */
static const kg_diff_claim *changed_claim(const kg_diff *d)
{
    size_t n;
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; i < n; i++)
        if (cs[i].state != KG_DIFF_UNCHANGED && !cs[i].context)
            return &cs[i];
    dump(d);
    fail_msg("no claim changed");
    return NULL;
}

static const kg_diff_relation *changed_relation(const kg_diff *d)
{
    size_t n;
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED && !rs[i].context)
            return &rs[i];
    dump(d);
    fail_msg("no relation changed");
    return NULL;
}

/* ---------------------------------------------------------------- kinds */

#define STORY_HEAD "date 2024-01-05\n\n"

static void test_reversed_verb_with_a_phrase(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Prime Minister Benjamin Netanyahu rejected these proposals.\n",
                        STORY_HEAD "Prime Minister Benjamin Netanyahu accepted these proposals.\n");
    expect_one_change(p.d);
    const kg_diff_claim *c = changed_claim(p.d);
    assert_int_equal(c->state, KG_DIFF_CHANGED);
    assert_int_equal(c->kind, KG_DIFF_KIND_REVERSED);
    assert_string_equal(kg_graph_claim(kg_diff_old_graph(p.d), (size_t)c->old_claim)->relation,
                        "reject");
    assert_string_equal(kg_graph_claim(kg_diff_new_graph(p.d), (size_t)c->new_claim)->relation,
                        "accept");
    free_pair(&p);
}

static void test_reversed_verb_between_two_actors(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Rafael Nadal won against Roger Federer.\n",
                        STORY_HEAD "Rafael Nadal lost against Roger Federer.\n");
    expect_one_change(p.d);
    const kg_diff_relation *r = changed_relation(p.d);
    assert_int_equal(r->kind, KG_DIFF_KIND_REVERSED);
    assert_true(r->old_edge >= 0 && r->new_edge >= 0);
    free_pair(&p);
}

/* The claim whose value changed, with its one value change. */
static const kg_diff_value_change *value_change(const kg_diff *d)
{
    expect_one_change(d);
    const kg_diff_claim *c = changed_claim(d);
    assert_int_equal(c->state, KG_DIFF_CHANGED);
    assert_int_equal(c->kind, KG_DIFF_KIND_VALUE);
    assert_int_equal(c->n_values, 1);
    assert_non_null(c->values[0].old_value);
    assert_non_null(c->values[0].new_value);
    return &c->values[0];
}

static void test_changed_number(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Hamas said 22,000 Palestinians had been killed.\n",
                        STORY_HEAD "Hamas said 25,000 Palestinians had been killed.\n");
    const kg_diff_value_change *v = value_change(p.d);
    assert_int_equal(v->old_value->kind, KG_VALUE_NUMBER);
    assert_true(v->old_value->amount == 22000.0);
    assert_true(v->new_value->amount == 25000.0);
    free_pair(&p);
}

static void test_changed_amount(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Microsoft will spend $3.2 billion on new data centres.\n",
                        STORY_HEAD "Microsoft will spend $4.5 billion on new data centres.\n");
    const kg_diff_value_change *v = value_change(p.d);
    assert_int_equal(v->new_value->kind, KG_VALUE_MONEY);
    assert_string_equal(v->new_value->currency, "USD");
    assert_true(v->old_value->amount == 3.2e9);
    assert_true(v->new_value->amount == 4.5e9);
    free_pair(&p);
}

static void test_changed_percentage(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Barclays raised its interest rate by 5%.\n",
                        STORY_HEAD "Barclays raised its interest rate by 7 per cent.\n");
    const kg_diff_value_change *v = value_change(p.d);
    assert_int_equal(v->new_value->kind, KG_VALUE_PERCENT);
    assert_true(v->old_value->amount == 5.0);
    assert_true(v->new_value->amount == 7.0);
    free_pair(&p);
}

static void test_changed_date(void **state)
{
    (void)state;
    /* 2024-01-05 was a Friday: Monday is the 1st, Tuesday the 2nd */
    pair p = diff_texts(STORY_HEAD "Antony Blinken arrived in Cairo on Monday.\n",
                        STORY_HEAD "Antony Blinken arrived in Cairo on Tuesday.\n");
    size_t n;
    const kg_diff_claim *cs = kg_diff_claims(p.d, &n);
    (void)cs;
    const kg_diff_value_change *v = value_change(p.d);
    assert_int_equal(v->old_value->kind, KG_VALUE_DATE);
    assert_string_equal(v->old_value->date, "2024-01-01");
    assert_string_equal(v->new_value->date, "2024-01-02");
    free_pair(&p);
}

static void test_changed_verb_between_the_same_actors(void **state)
{
    (void)state;
    /* (praise and criticise are antonyms in WordNet: that pair is reversed) */
    pair p = diff_texts(STORY_HEAD "John Prescott thanked Tony Blair in a speech.\n",
                        STORY_HEAD "John Prescott blamed Tony Blair in a speech.\n");
    expect_one_change(p.d);
    const kg_diff_relation *r = changed_relation(p.d);
    assert_int_equal(r->state, KG_DIFF_CHANGED);
    assert_int_equal(r->kind, KG_DIFF_KIND_RELATION);
    assert_string_equal(kg_graph_edge(kg_diff_old_graph(p.d), (size_t)r->old_edge)->relation,
                        "thank");
    assert_string_equal(kg_graph_edge(kg_diff_new_graph(p.d), (size_t)r->new_edge)->relation,
                        "blame");
    free_pair(&p);
}

static void test_replaced_person(void **state)
{
    (void)state;
    pair p = diff_texts(STORY_HEAD "Deputy Prime Minister John Prescott criticised Tony Blair.\n"
                                   "The two men later met in London.\n",
                        STORY_HEAD "Deputy Prime Minister John Reid criticised Tony Blair.\n"
                                   "The two men later met in London.\n");
    expect_one_change(p.d);
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(p.d, &n);
    const kg_diff_entity *e = NULL;
    for (size_t i = 0; i < n; i++)
        if (es[i].state != KG_DIFF_UNCHANGED)
            e = &es[i];
    assert_non_null(e);
    assert_int_equal(e->kind, KG_DIFF_KIND_REPLACED);
    assert_int_equal(e->match, KG_DIFF_MATCH_REPLACED);
    assert_string_equal(kg_graph_node(kg_diff_old_graph(p.d), (size_t)e->old_node)->id,
                        "john-prescott");
    assert_string_equal(kg_graph_node(kg_diff_new_graph(p.d), (size_t)e->new_node)->id,
                        "john-reid");
    free_pair(&p);
}

/* ---------------------------------------------------------------- notes */

#define ARTICLE                                                                                    \
    STORY_HEAD "Prime Minister Benjamin Netanyahu rejected these proposals on Monday.\n"           \
               "The weather in Jerusalem was mild.\n"                                              \
               "Hamas said 22,000 Palestinians had been killed.\n"

static void test_reworded_text_is_a_note(void **state)
{
    (void)state;
    pair p = diff_texts(ARTICLE, STORY_HEAD
                        "Prime Minister Benjamin Netanyahu rejected these proposals on Monday.\n"
                        "The weather in Jerusalem stayed mild.\n"
                        "Hamas said 22,000 Palestinians had been killed.\n");
    if (kg_diff_changed(p.d))
        dump(p.d);
    assert_false(kg_diff_changed(p.d));
    kg_diff_summary s;
    kg_diff_summarize(p.d, &s);
    assert_int_equal(s.sentences_changed, 1);
    assert_int_equal(s.sentences_reworded, 1);
    size_t n;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(p.d, &n);
    assert_int_equal(n, 3);
    assert_int_equal(ps[1].state, KG_DIFF_CHANGED);
    assert_false(ps[1].meaning_changed);
    assert_string_equal(ps[1].new_text, "The weather in Jerusalem stayed mild.");
    free_pair(&p);
}

static void test_moved_sentence_is_a_note(void **state)
{
    (void)state;
    pair p = diff_texts(ARTICLE, STORY_HEAD
                        "Hamas said 22,000 Palestinians had been killed.\n"
                        "Prime Minister Benjamin Netanyahu rejected these proposals on Monday.\n"
                        "The weather in Jerusalem was mild.\n");
    if (kg_diff_changed(p.d))
        dump(p.d);
    assert_false(kg_diff_changed(p.d));
    kg_diff_summary s;
    kg_diff_summarize(p.d, &s);
    assert_true(s.sentences_changed >= 2); /* removed where it was, added where it is */
    assert_int_equal(s.sentences_reworded, s.sentences_changed);
    free_pair(&p);
}

static void test_identical_inputs(void **state)
{
    (void)state;
    pair p = diff_texts(ARTICLE, ARTICLE);
    assert_false(kg_diff_changed(p.d));
    kg_diff_summary s;
    kg_diff_summarize(p.d, &s);
    assert_int_equal(s.sentences_changed, 0);
    assert_int_equal(s.claims_unchanged, s.old_claims);
    assert_true(s.old_claims >= 2);
    free_pair(&p);
}

static void test_white_space_only(void **state)
{
    (void)state;
    pair p =
        diff_texts(ARTICLE, STORY_HEAD
                   "Prime Minister  Benjamin Netanyahu rejected\nthese proposals on Monday.\n\n"
                   "The weather in   Jerusalem was mild.\n"
                   "Hamas said 22,000 Palestinians had been killed.   \n");
    assert_false(kg_diff_changed(p.d));
    kg_diff_summary s;
    kg_diff_summarize(p.d, &s);
    assert_int_equal(s.sentences_changed, 0);
    free_pair(&p);
}

/* ---------------------------------------------------------------- one edit at a time */

/* Articles of our own, one sentence a line after the date. */
static const char *const articles[] = {
    STORY_HEAD
    "Secretary of State Antony Blinken arrived in Cairo on Monday for talks with Egypt.\n"
    "He met President Abdel Fattah el-Sisi and discussed aid to Gaza.\n"
    "Egypt has offered to host a conference in March.\n"
    "The United Nations said 1.9 million people had been displaced.\n"
    "Blinken later flew to Jordan, where he met King Abdullah.\n"
    "Officials said the talks would continue next week.\n",
    "date 2023-11-20\n\n"
    "Tesco said its profits rose 5% to 2.8 billion pounds in the first half.\n"
    "Chief executive Ken Murphy praised the company's staff.\n"
    "The supermarket will open 30 new stores in Scotland.\n"
    "Shares in Tesco fell 2% in London on Tuesday.\n"
    "Rival Sainsbury's reported its results a week earlier.\n",
    "date 2024-03-02\n\n"
    "Chancellor Olaf Scholz rejected calls to send missiles to Ukraine.\n"
    "Germany has given Ukraine 7 billion euros in military aid since 2022.\n"
    "The opposition leader Friedrich Merz criticised the decision.\n"
    "Scholz said Berlin would not be drawn into the war.\n"
    "Poland and France have urged Germany to do more.\n",
};

/* The text with the sentence on line `line` (0 = the first after the
 * date) edited by `how`: 0 adds ", officials said" before its full stop;
 * 1 changes its first digit; 2 drops its last word. */
static char *edit(const char *text, size_t line, int how, bool *changed)
{
    const char *body = strstr(text, "\n\n") + 2;
    const char *s = body;
    for (size_t k = 0; k < line; k++)
        s = strchr(s, '\n') + 1;
    const char *end = strchr(s, '\n'); /* the sentence is [s, end) and ends in '.' */
    size_t n = strlen(text);
    char *out = malloc(n + 32);
    assert_non_null(out);
    size_t at = (size_t)(s - text), stop = (size_t)(end - 1 - text); /* the full stop */
    *changed = true;
    if (how == 0) {
        memcpy(out, text, stop);
        strcpy(out + stop, ", officials said");
        strcat(out, text + stop);
    } else if (how == 1) {
        strcpy(out, text);
        size_t k = at;
        while (k < stop && !(out[k] >= '0' && out[k] <= '9'))
            k++;
        if (k == stop)
            *changed = false;
        else
            out[k] = out[k] == '9' ? '1' : (char)(out[k] + 1);
    } else {
        size_t k = stop;
        while (k > at && text[k - 1] != ' ')
            k--;
        if (k <= at + 1) {
            *changed = false;
            strcpy(out, text);
        } else {
            memcpy(out, text, k - 1);
            strcpy(out + k - 1, text + stop);
        }
    }
    return out;
}

static bool in_edited(const kg_diff_evidence *ev, size_t line)
{
    for (size_t i = 0; i < ev->n; i++)
        if (ev->items[i].sentence == line)
            return true;
    return false;
}

/* Every change has a sentence of its evidence on the edited line; every
 * sentence pair but that one reads the same. */
static void check_edit(const kg_diff *d, size_t line, const char *what)
{
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++)
        if (es[i].state != KG_DIFF_UNCHANGED && !es[i].context &&
            !in_edited(&es[i].old_evidence, line) && !in_edited(&es[i].new_evidence, line)) {
            dump(d);
            fail_msg("%s: entity %s changed away from sentence %zu", what,
                     kg_diff_entity_node(d, &es[i])->id, line);
        }
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED && !rs[i].context &&
            !in_edited(&rs[i].old_evidence, line) && !in_edited(&rs[i].new_evidence, line)) {
            dump(d);
            fail_msg("%s: relation changed away from sentence %zu", what, line);
        }
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; i < n; i++)
        if (cs[i].state != KG_DIFF_UNCHANGED && !cs[i].context &&
            !in_edited(&cs[i].old_evidence, line) && !in_edited(&cs[i].new_evidence, line)) {
            dump(d);
            fail_msg("%s: claim changed away from sentence %zu", what, line);
        }
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(d, &n);
    for (size_t i = 0; i < n; i++) {
        if (ps[i].state == KG_DIFF_UNCHANGED)
            continue;
        if (ps[i].old_sentence != (long)line || ps[i].new_sentence != (long)line)
            fail_msg("%s: sentence pair %ld/%ld changed, not %zu", what, ps[i].old_sentence,
                     ps[i].new_sentence, line);
    }
}

static void test_one_sentence_edit_reports_only_that_sentence(void **state)
{
    (void)state;
    size_t edits = 0, with_changes = 0;
    for (size_t a = 0; a < sizeof articles / sizeof articles[0]; a++) {
        size_t lines = 0;
        for (const char *s = strstr(articles[a], "\n\n") + 2; *s; s++)
            lines += *s == '\n';
        for (size_t line = 0; line < lines; line++)
            for (int how = 0; how < 3; how++) {
                bool changed;
                char *text = edit(articles[a], line, how, &changed);
                if (changed) {
                    char what[64];
                    snprintf(what, sizeof what, "article %zu, line %zu, edit %d", a, line, how);
                    pair p = diff_texts(articles[a], text);
                    check_edit(p.d, line, what);
                    edits++;
                    with_changes += kg_diff_changed(p.d);
                    free_pair(&p);
                }
                free(text);
            }
    }
    /* the edits are real: most of them change what a sentence says */
    assert_true(edits >= 30);
    assert_true(with_changes * 2 >= edits);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reversed_verb_with_a_phrase),
        cmocka_unit_test(test_reversed_verb_between_two_actors),
        cmocka_unit_test(test_changed_number),
        cmocka_unit_test(test_changed_amount),
        cmocka_unit_test(test_changed_percentage),
        cmocka_unit_test(test_changed_date),
        cmocka_unit_test(test_changed_verb_between_the_same_actors),
        cmocka_unit_test(test_replaced_person),
        cmocka_unit_test(test_reworded_text_is_a_note),
        cmocka_unit_test(test_moved_sentence_is_a_note),
        cmocka_unit_test(test_identical_inputs),
        cmocka_unit_test(test_white_space_only),
        cmocka_unit_test(test_one_sentence_edit_reports_only_that_sentence),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
