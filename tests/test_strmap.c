/* test_strmap.c - the hash map, and its frozen images: what a map answers
 * after kg_strmap_freeze and kg_strmap_thaw, and that a damaged image gives
 * wrong answers at worst, never a read out of bounds or an endless probe. */
#include "fixtures.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

#define N_KEYS 5000

static void key_of(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "key-%zu-%zx", i, i * 2654435761u);
}

static kg_strmap *filled(void)
{
    kg_strmap *m = kg_strmap_new();
    assert_non_null(m);
    for (size_t i = 0; i < N_KEYS; i++) {
        char k[64];
        key_of(i, k, sizeof k);
        assert_int_equal(kg_strmap_put(m, k, i * 3), KG_OK);
    }
    /* an empty key and one with a NUL inside are keys too */
    assert_int_equal(kg_strmap_putn(m, "", 0, 7), KG_OK);
    assert_int_equal(kg_strmap_putn(m, "a\0b", 3, 8), KG_OK);
    return m;
}

/* The image of m, in 8-aligned memory (malloc's). */
static void *image_of(const kg_strmap *m, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(kg_strmap_freeze(m, f), KG_OK);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(n % 8, 0);
    void *copy = malloc(n);
    assert_non_null(copy);
    memcpy(copy, buf, n);
    free(buf);
    *len = n;
    return copy;
}

static void assert_same_answers(const kg_strmap *m)
{
    for (size_t i = 0; i < N_KEYS; i++) {
        char k[64];
        key_of(i, k, sizeof k);
        size_t v = 0;
        assert_true(kg_strmap_get(m, k, &v));
        assert_int_equal(v, i * 3);
    }
    size_t v = 0;
    assert_true(kg_strmap_getn(m, "", 0, &v));
    assert_int_equal(v, 7);
    assert_true(kg_strmap_getn(m, "a\0b", 3, &v));
    assert_int_equal(v, 8);
    assert_false(kg_strmap_getn(m, "a", 1, NULL));
    assert_false(kg_strmap_get(m, "key-absent", NULL));
    assert_int_equal(kg_strmap_count(m), N_KEYS + 2);
}

static void test_thawed_image_answers_like_the_map(void **state)
{
    (void)state;
    kg_strmap *m = filled();
    size_t len = 0;
    void *image = image_of(m, &len);
    size_t used = 0;
    kg_strmap *t = kg_strmap_thaw(image, len, &used);
    assert_non_null(t);
    assert_int_equal(used, len);
    assert_same_answers(t);
    /* iteration sees the same keys */
    size_t seen = 0;
    for (size_t i = 0; i < kg_strmap_capacity(t); i++)
        seen += kg_strmap_slot(t, i, NULL) != NULL;
    assert_int_equal(seen, N_KEYS + 2);
    /* a frozen map written to is copied first: old keys stay, the image
     * is not touched */
    char *before = malloc(len);
    memcpy(before, image, len);
    assert_int_equal(kg_strmap_put(t, "new", 99), KG_OK);
    size_t v = 0;
    assert_true(kg_strmap_get(t, "new", &v));
    assert_int_equal(v, 99);
    assert_true(kg_strmap_get(t, "key-0-0", &v));
    assert_int_equal(v, 0);
    assert_memory_equal(before, image, len);
    free(before);
    kg_strmap_free(t);
    free(image);
    kg_strmap_free(m);
}

static void test_thaw_refuses_bad_heads(void **state)
{
    (void)state;
    kg_strmap *m = filled();
    size_t len = 0, used = 0;
    uint64_t *image = image_of(m, &len);
    assert_null(kg_strmap_thaw(image, len - 8, &used));             /* cut short */
    assert_null(kg_strmap_thaw((char *)image + 4, len - 4, &used)); /* misaligned */
    uint64_t cap = image[0];
    image[0] = cap - 1; /* not a power of two */
    assert_null(kg_strmap_thaw(image, len, &used));
    image[0] = cap;
    image[1] = cap; /* as many keys as slots: no empty slot */
    assert_null(kg_strmap_thaw(image, len, &used));
    free(image);
    kg_strmap_free(m);
}

/* Every byte of a small image flipped in turn, and a table whose slots are
 * all taken: every lookup ends (under ASan: in bounds). */
static void test_damaged_images_never_read_out_of_bounds(void **state)
{
    (void)state;
    kg_strmap *m = kg_strmap_new();
    for (size_t i = 0; i < 40; i++) {
        char k[64];
        key_of(i, k, sizeof k);
        assert_int_equal(kg_strmap_put(m, k, i), KG_OK);
    }
    size_t len = 0, used = 0;
    unsigned char *image = image_of(m, &len);
    for (size_t at = 0; at < len; at++)
        for (unsigned bit = 0; bit < 8; bit += 3) {
            image[at] ^= (unsigned char)(1u << bit);
            kg_strmap *t = kg_strmap_thaw(image, len, &used);
            if (t) {
                for (size_t i = 0; i < 45; i++) {
                    char k[64];
                    key_of(i, k, sizeof k);
                    kg_strmap_get(t, k, NULL);
                }
                for (size_t i = 0; i < kg_strmap_capacity(t); i++)
                    kg_strmap_slot(t, i, NULL);
                kg_strmap_free(t);
            }
            image[at] ^= (unsigned char)(1u << bit);
        }
    /* every slot taken (offsets set on the empty ones): a miss still ends */
    uint64_t cap = ((uint64_t *)image)[0];
    uint32_t *slots = (uint32_t *)(image + 24);
    for (uint64_t i = 0; i < cap; i++)
        if (!slots[4 * i])
            slots[4 * i] = 1;
    kg_strmap *t = kg_strmap_thaw(image, len, &used);
    assert_non_null(t);
    assert_false(kg_strmap_get(t, "absent", NULL));
    kg_strmap_free(t);
    free(image);
    kg_strmap_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thawed_image_answers_like_the_map),
        cmocka_unit_test(test_thaw_refuses_bad_heads),
        cmocka_unit_test(test_damaged_images_never_read_out_of_bounds),
    };
    return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
