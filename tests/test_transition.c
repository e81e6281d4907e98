/* test_transition.c - the arc-hybrid system, its dynamic oracle and
 * projectivization, on hand-made and random trees. */
#include "fixtures.h"
#include "shuffle.h"
#include "transition.h"

#include <stdlib.h>
#include <string.h>

/* Follows zero-cost moves (the first valid one in SHIFT, LEFT, RIGHT order)
 * from the initial state and returns the heads built, in heads[1..n]. */
static void follow_oracle(const size_t *gold, size_t n, size_t *heads)
{
    kg_tr_state s;
    kg_error err;
    assert_int_equal(kg_tr_init(&s, n, &err), KG_OK);
    while (!kg_tr_done(&s)) {
        kg_tr_move chosen = KG_TR_SHIFT;
        bool found = false;
        for (int m = KG_TR_SHIFT; m <= KG_TR_RIGHT && !found; m++)
            if (kg_tr_valid(&s, (kg_tr_move)m) && kg_tr_cost(&s, (kg_tr_move)m, gold) == 0) {
                chosen = (kg_tr_move)m;
                found = true;
            }
        assert_true(found);
        kg_tr_apply(&s, chosen, 0);
    }
    for (size_t i = 1; i <= n; i++)
        heads[i] = s.head[i];
    kg_tr_free(&s);
}

/* A random tree over 1..n with one root word, as in UD: each word's head is
 * a word placed before it, and positions are shuffled, so trees of every
 * shape (crossing ones too) occur. */
static void random_tree(kg_shuffle_state *rng, size_t n, size_t *head)
{
    size_t *order = malloc((n + 1) * sizeof *order);
    size_t *pos = malloc((n + 1) * sizeof *pos);
    for (size_t i = 0; i < n; i++)
        order[i] = i + 1;
    kg_shuffle(rng, order, n);
    pos[0] = 0;
    for (size_t k = 0; k < n; k++) {
        size_t parent = k == 0 ? 0 : 1 + (size_t)(kg_shuffle_next(rng) % k);
        head[order[k]] = parent == 0 ? 0 : order[parent - 1];
    }
    free(order);
    free(pos);
}

static bool is_projective(const size_t *head, size_t n)
{
    for (size_t d = 1; d <= n; d++) {
        size_t h = head[d], lo = h < d ? h : d, hi = h < d ? d : h;
        for (size_t k = lo + 1; k < hi; k++) {
            size_t x = k, steps = 0;
            while (x != h && x != 0 && steps++ <= n)
                x = head[x];
            if (x != h && h != 0)
                return false;
        }
    }
    return true;
}

static void test_oracle_rebuilds_a_hand_made_tree(void **state)
{
    (void)state;
    /* "The cat sat on the mat ." : The<-cat<-sat->mat, on<-mat, the<-mat, .<-sat */
    size_t gold[] = {0, 2, 3, 0, 6, 6, 3, 3};
    size_t heads[8];
    follow_oracle(gold, 7, heads);
    for (size_t i = 1; i <= 7; i++)
        assert_int_equal(heads[i], gold[i]);
}

static void test_oracle_rebuilds_random_projective_trees(void **state)
{
    (void)state;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, 42);
    size_t gold[41], heads[41];
    for (int round = 0; round < 500; round++) {
        size_t n = 1 + (size_t)(kg_shuffle_next(&rng) % 40);
        gold[0] = 0;
        random_tree(&rng, n, gold);
        kg_tr_projectivize(gold, n);
        follow_oracle(gold, n, heads);
        for (size_t i = 1; i <= n; i++)
            assert_int_equal(heads[i], gold[i]);
    }
}

/* The costs are exact: along any path, the costs of the moves taken add up
 * to the gold arcs missing from the tree at the end. */
static void test_costs_add_up_to_the_arcs_lost(void **state)
{
    (void)state;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, 7);
    size_t gold[31];
    kg_error err;
    for (int round = 0; round < 500; round++) {
        size_t n = 1 + (size_t)(kg_shuffle_next(&rng) % 30);
        random_tree(&rng, n, gold);
        kg_tr_projectivize(gold, n);
        kg_tr_state s;
        assert_int_equal(kg_tr_init(&s, n, &err), KG_OK);
        size_t lost = 0;
        while (!kg_tr_done(&s)) {
            kg_tr_move m;
            do
                m = (kg_tr_move)(kg_shuffle_next(&rng) % 3);
            while (!kg_tr_valid(&s, m));
            lost += kg_tr_cost(&s, m, gold);
            kg_tr_apply(&s, m, 0);
        }
        size_t wrong = 0;
        for (size_t i = 1; i <= n; i++)
            wrong += s.head[i] != gold[i];
        assert_int_equal(lost, wrong);
        kg_tr_free(&s);
    }
}

static void test_every_parse_is_a_tree_with_one_root(void **state)
{
    (void)state;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, 3);
    kg_error err;
    for (int round = 0; round < 200; round++) {
        size_t n = 1 + (size_t)(kg_shuffle_next(&rng) % 25);
        kg_tr_state s;
        assert_int_equal(kg_tr_init(&s, n, &err), KG_OK);
        size_t moves = 0;
        while (!kg_tr_done(&s)) {
            kg_tr_move m;
            do
                m = (kg_tr_move)(kg_shuffle_next(&rng) % 3);
            while (!kg_tr_valid(&s, m));
            kg_tr_apply(&s, m, 0);
            moves++;
        }
        assert_int_equal(moves, 2 * n);
        size_t roots = 0;
        for (size_t i = 1; i <= n; i++) {
            roots += s.head[i] == 0;
            size_t x = i, steps = 0;
            while (x != 0 && steps++ <= n)
                x = s.head[x];
            assert_int_equal(x, 0);
        }
        assert_int_equal(roots, 1);
        assert_true(is_projective(s.head, n));
        kg_tr_free(&s);
    }
}

static void test_projectivize_lifts_a_crossing_arc(void **state)
{
    (void)state;
    /* 3 -> 1 crosses 4 -> 2, and 3 and 4 hang from the root word 5; lifting
     * 1 to 5 leaves 4 -> 2 over 3, so 2 goes up to 5 too */
    size_t head[] = {0, 3, 4, 5, 5, 0};
    assert_false(is_projective(head, 5));
    assert_int_equal(kg_tr_projectivize(head, 5), 2);
    assert_true(is_projective(head, 5));
    assert_int_equal(head[1], 5);
    assert_int_equal(head[2], 5);
    assert_int_equal(head[3], 5);
    assert_int_equal(head[4], 5);
}

static void test_projectivize_keeps_projective_trees(void **state)
{
    (void)state;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, 11);
    size_t head[31], copy[31];
    for (int round = 0; round < 300; round++) {
        size_t n = 1 + (size_t)(kg_shuffle_next(&rng) % 30);
        random_tree(&rng, n, head);
        kg_tr_projectivize(head, n);
        assert_true(is_projective(head, n));
        memcpy(copy, head, sizeof head);
        assert_int_equal(kg_tr_projectivize(head, n), 0);
        assert_memory_equal(head, copy, (n + 1) * sizeof *head);
    }
}

static void test_right_onto_the_root_waits_for_the_buffer(void **state)
{
    (void)state;
    kg_tr_state s;
    kg_error err;
    assert_int_equal(kg_tr_init(&s, 2, &err), KG_OK);
    assert_false(kg_tr_valid(&s, KG_TR_LEFT));
    assert_false(kg_tr_valid(&s, KG_TR_RIGHT));
    kg_tr_apply(&s, KG_TR_SHIFT, 0);
    assert_false(kg_tr_valid(&s, KG_TR_RIGHT)); /* word 2 still to come */
    assert_true(kg_tr_valid(&s, KG_TR_LEFT));
    kg_tr_apply(&s, KG_TR_SHIFT, 0);
    assert_false(kg_tr_valid(&s, KG_TR_SHIFT));
    assert_true(kg_tr_valid(&s, KG_TR_RIGHT));
    kg_tr_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_oracle_rebuilds_a_hand_made_tree),
        cmocka_unit_test(test_oracle_rebuilds_random_projective_trees),
        cmocka_unit_test(test_costs_add_up_to_the_arcs_lost),
        cmocka_unit_test(test_every_parse_is_a_tree_with_one_root),
        cmocka_unit_test(test_projectivize_lifts_a_crossing_arc),
        cmocka_unit_test(test_projectivize_keeps_projective_trees),
        cmocka_unit_test(test_right_onto_the_root_waits_for_the_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
