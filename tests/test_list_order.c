/* test_list_order.c - the graph's long lists: mending a list whose tail came
 * out of order (list_order.h) and finding entries by position index
 * (posindex.h). */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "list_order.h"
#include "posindex.h"

typedef struct entry {
    int key;
    int arrival; /* to see that equal keys keep their arrival order */
} entry;

static int entry_cmp(const void *ctx, size_t a, size_t b)
{
    const entry *e = ctx;
    return (e[a].key > e[b].key) - (e[a].key < e[b].key);
}

static void mend(entry *e, size_t sorted, size_t n)
{
    size_t *from = malloc((n ? n : 1) * sizeof *from);
    assert_non_null(from);
    assert_int_equal(kg_list_order_tail(sorted, n, entry_cmp, e, from), KG_OK);
    assert_int_equal(kg_list_order_apply(e, n, sizeof *e, from), KG_OK);
    free(from);
}

static void test_list_order_merges_an_unsorted_tail_into_the_sorted_prefix(void **state)
{
    (void)state;
    entry e[] = {{1, 0}, {4, 1}, {9, 2}, {7, 3}, {0, 4}, {4, 5}, {12, 6}, {2, 7}};
    size_t n = sizeof e / sizeof *e;
    mend(e, 3, n);
    int keys[] = {0, 1, 2, 4, 4, 7, 9, 12};
    for (size_t i = 0; i < n; i++)
        assert_int_equal(e[i].key, keys[i]);
    /* the 4 of the prefix before the 4 that came later */
    assert_int_equal(e[3].arrival, 1);
    assert_int_equal(e[4].arrival, 5);
}

static void test_list_order_sorts_a_tail_that_is_the_whole_list(void **state)
{
    (void)state;
    enum { N = 1000 };
    entry *e = malloc(N * sizeof *e);
    assert_non_null(e);
    for (int i = 0; i < N; i++)
        e[i] = (entry){(i * 389) % N, i}; /* a permutation */
    mend(e, 0, N);
    for (int i = 0; i < N; i++)
        assert_int_equal(e[i].key, i);
    free(e);
}

static void test_list_order_leaves_a_sorted_list_and_an_empty_one_alone(void **state)
{
    (void)state;
    entry e[] = {{1, 0}, {2, 1}, {3, 2}};
    mend(e, 3, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(e[i].key, i + 1);
    mend(e, 0, 0);
    mend(e, 5, 3); /* a prefix claimed longer than the list is the list */
    for (int i = 0; i < 3; i++)
        assert_int_equal(e[i].key, i + 1);
}

static void test_posindex_finds_replaces_and_forgets_keys(void **state)
{
    (void)state;
    kg_posindex *ix = kg_posindex_new();
    assert_non_null(ix);
    static const char docs[3][8] = {"a", "b", "c"};
    size_t pos = 99;
    assert_false(kg_posindex_find(ix, docs[0], 0, &pos));
    /* many keys: the table grows, every key keeps its position */
    for (size_t k = 0; k < 5000; k++)
        assert_int_equal(kg_posindex_put(ix, docs[k % 3], k, 10 * k), KG_OK);
    for (size_t k = 0; k < 5000; k++) {
        assert_true(kg_posindex_find(ix, docs[k % 3], k, &pos));
        assert_int_equal(pos, 10 * k);
    }
    /* the same pointer with another number, another pointer with the same */
    assert_false(kg_posindex_find(ix, docs[0], 1, &pos));
    assert_false(kg_posindex_find(ix, docs[1], 0, &pos));
    assert_int_equal(kg_posindex_put(ix, docs[0], 0, 7), KG_OK);
    assert_true(kg_posindex_find(ix, docs[0], 0, &pos));
    assert_int_equal(pos, 7);
    assert_int_equal(kg_posindex_put(ix, NULL, 0, 1), KG_ERR_USAGE);
    kg_posindex_clear(ix);
    assert_false(kg_posindex_find(ix, docs[0], 0, &pos));
    assert_int_equal(kg_posindex_put(ix, docs[2], 3, 4), KG_OK);
    assert_true(kg_posindex_find(ix, docs[2], 3, &pos));
    assert_int_equal(pos, 4);
    kg_posindex_free(ix);
    kg_posindex_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_order_merges_an_unsorted_tail_into_the_sorted_prefix),
        cmocka_unit_test(test_list_order_sorts_a_tail_that_is_the_whole_list),
        cmocka_unit_test(test_list_order_leaves_a_sorted_list_and_an_empty_one_alone),
        cmocka_unit_test(test_posindex_finds_replaces_and_forgets_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
