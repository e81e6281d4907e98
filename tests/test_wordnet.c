/* test_wordnet.c - WordNet's word classes (extract/wordnet.h): read from
 * Debian's wordnet-base, from a small dictionary written here, and through a
 * model file. */
#include "fixtures.h"
#include "model_file.h"
#include "wordnet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define N KG_WN_LEMMA(0)
#define V KG_WN_LEMMA(1)
#define A KG_WN_LEMMA(2)
#define R KG_WN_LEMMA(3)
#define N_INFL KG_WN_INFLECTED(0)
#define V_INFL KG_WN_INFLECTED(1)
#define A_INFL KG_WN_INFLECTED(2)

/* ------------------------------------------------------------ a small dictionary */

static char dir[64];

static void write_file(const char *name, const char *data)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
    assert_int_equal(fclose(f), 0);
}

/* Lines as WordNet writes them: the licence indented, then the entries. */
static void write_dictionary(const char *index_noun)
{
    write_file("data.noun", "  1 licence\n"
                            "00000100 18 n 01 teacher 0 000 | one who teaches\n"
                            "00000200 15 n 01 Florida 0 000 | a state\n"
                            "00000300 04 n 02 run 0 running 0 000 | a race\n"
                            "00000400 13 n 01 fish 0 000 | food\n");
    write_file("index.noun", index_noun);
    write_file("noun.exc", "geese goose\n");
    write_file("data.verb", "00000500 38 v 01 run 0 000 | move fast\n"
                            "00000600 35 v 01 fish 0 000 | catch fish\n");
    write_file("index.verb", "run v 1 0 1 5 00000500\n"
                             "fish v 1 0 1 0 00000600\n");
    write_file("verb.exc", "ran run\n");
    write_file("data.adj", "00000700 00 a 01 happy(a) 0 000 | glad\n");
    write_file("index.adj", "happy a 1 0 1 1 00000700\n");
    write_file("adj.exc", "");
    write_file("data.adv", "");
    write_file("index.adv", "");
    write_file("adv.exc", "");
}

static const char good_index_noun[] = "  1 licence\n"
                                      "teacher n 1 1 @ 1 2 00000100\n"
                                      "florida n 1 2 @ #p 1 1 00000200\n"
                                      "run n 1 0 1 0 00000300\n"
                                      "running n 1 0 1 0 00000300\n"
                                      "fish n 1 0 1 0 00000400\n"
                                      "ice_cream n 1 0 1 0 00000400\n";

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/kg-test-wordnet-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = {"data.noun", "index.noun", "noun.exc",  "data.verb", "index.verb",
                           "verb.exc",  "data.adj",   "index.adj", "adj.exc",   "data.adv",
                           "index.adv", "adv.exc",    "model.kgm"};
    char path[128];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    return rmdir(dir);
}

static kg_wordnet *build_small(void)
{
    write_dictionary(good_index_noun);
    kg_wordnet *wn = NULL;
    kg_error err;
    kg_error_clear(&err);
    assert_int_equal(kg_wordnet_build(dir, &wn, &err), KG_OK);
    return wn;
}

static void test_wordnet_classes_from_lemmas_exceptions_and_rules(void **state)
{
    (void)state;
    kg_wordnet *wn = build_small();
    /* teacher florida run running fish geese ran happy: ice_cream is a phrase */
    assert_int_equal(kg_wordnet_forms(wn), 8);
    unsigned run = kg_wordnet_classes(wn, "run");
    assert_int_equal(run & KG_WN_POS_BITS, N | V);
    /* run's tagged senses are all verbs */
    assert_int_equal(KG_WN_DOMINANT(run), 2);
    assert_int_equal(KG_WN_FREQUENCY(run), 2);
    assert_int_equal(kg_wordnet_classes(wn, "RUN"), run);
    assert_int_equal(kg_wordnet_classes(wn, "geese") & KG_WN_POS_BITS, N_INFL);
    assert_int_equal(kg_wordnet_classes(wn, "ran") & KG_WN_POS_BITS, V_INFL);
    /* detachment rules, checked against the lemmas of that part of speech */
    assert_int_equal(kg_wordnet_classes(wn, "teachers") & KG_WN_POS_BITS, N_INFL);
    assert_int_equal(kg_wordnet_classes(wn, "fishes") & KG_WN_POS_BITS, N_INFL | V_INFL);
    assert_int_equal(kg_wordnet_classes(wn, "fished") & KG_WN_POS_BITS, V_INFL);
    assert_int_equal(kg_wordnet_classes(wn, "happiest") & KG_WN_POS_BITS, 0);
    /* a doubled consonant is WordNet's exception lists' business, not a rule's */
    assert_int_equal(kg_wordnet_classes(wn, "running") & KG_WN_POS_BITS, N);
    assert_int_equal(kg_wordnet_classes(wn, "zzyzx"), 0);
    assert_int_equal(kg_wordnet_classes(wn, "ice_cream"), 0);
    assert_int_equal(kg_wordnet_classes(wn, ""), 0);
    assert_int_equal(kg_wordnet_classes(wn, "caf\xc3\xa9"), 0);
    assert_int_equal(kg_wordnet_classes(NULL, "run"), 0);
    kg_wordnet_free(wn);
}

static void test_wordnet_case_and_noun_sense(void **state)
{
    (void)state;
    kg_wordnet *wn = build_small();
    unsigned florida = kg_wordnet_classes(wn, "florida");
    assert_true(florida & KG_WN_CAPITALIZED);
    assert_false(florida & KG_WN_LOWERCASE);
    unsigned teacher = kg_wordnet_classes(wn, "Teacher");
    assert_true(teacher & KG_WN_LOWERCASE);
    assert_false(teacher & KG_WN_CAPITALIZED);
    assert_int_equal(KG_WN_NOUN_SENSE(teacher), 18 - 2); /* noun.person */
    assert_int_equal(KG_WN_NOUN_SENSE(florida), 15 - 2); /* noun.location */
    assert_int_equal(KG_WN_NOUN_SENSE(kg_wordnet_classes(wn, "happy")), 0);
    assert_int_equal(KG_WN_VERB_SENSE(kg_wordnet_classes(wn, "run")), 38 - 28); /* verb.motion */
    assert_int_equal(KG_WN_VERB_SENSE(kg_wordnet_classes(wn, "florida")), 0);
    assert_int_equal(kg_wordnet_classes(wn, "happy") & KG_WN_POS_BITS, A);
    kg_wordnet_free(wn);
}

static void test_wordnet_round_trip_through_a_model_file(void **state)
{
    (void)state;
    kg_wordnet *wn = build_small();
    char path[128];
    snprintf(path, sizeof path, "%s/model.kgm", dir);
    kg_mbuf b;
    kg_mbuf_init(&b);
    kg_wordnet_write(wn, &b);
    kg_error err;
    kg_error_clear(&err);
    assert_int_equal(kg_mbuf_save(&b, path, &err), KG_OK);
    kg_mbuf_free(&b);

    kg_mfile f;
    kg_mread r;
    assert_int_equal(kg_mread_open(path, &f, &r, &err), KG_OK);
    kg_wordnet *back = kg_wordnet_read(&r);
    assert_non_null(back);
    assert_int_equal(kg_mread_status(&r, &err), KG_OK);
    const char *words[] = {"run", "ran", "geese", "teachers", "florida", "happy", "zzyzx"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        assert_int_equal(kg_wordnet_classes(back, words[i]), kg_wordnet_classes(wn, words[i]));
    kg_wordnet_free(back);
    kg_mfile_close(&f);
    kg_wordnet_free(wn);
}

static void test_wordnet_refuses_a_table_that_could_loop(void **state)
{
    (void)state;
    char path[128];
    snprintf(path, sizeof path, "%s/model.kgm", dir);
    uint64_t full[4] = {0x10000001, 0x20000001, 0x30000001, 0x40000001};
    struct {
        uint64_t forms, slots;
        const char *why;
    } cases[] = {{4, 4, "too full"}, {0, 4, "too full"}, {1, 4, "count is wrong"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kg_mbuf b;
        kg_mbuf_init(&b);
        kg_mbuf_tag(&b, "WNET");
        kg_mbuf_u64(&b, cases[i].forms);
        kg_mbuf_u64(&b, cases[i].slots);
        kg_mbuf_array(&b, full, sizeof *full, cases[i].slots);
        kg_error err;
        kg_error_clear(&err);
        assert_int_equal(kg_mbuf_save(&b, path, &err), KG_OK);
        kg_mbuf_free(&b);
        kg_mfile f;
        kg_mread r;
        assert_int_equal(kg_mread_open(path, &f, &r, &err), KG_OK);
        assert_null(kg_wordnet_read(&r));
        assert_int_not_equal(kg_mread_status(&r, &err), KG_OK);
        assert_non_null(strstr(err.message, cases[i].why));
        kg_mfile_close(&f);
    }
}

static void test_wordnet_errors_name_the_file_and_line(void **state)
{
    (void)state;
    write_dictionary("  1 licence\nteacher n 1 5 @\n");
    kg_wordnet *wn = NULL;
    kg_error err;
    kg_error_clear(&err);
    assert_int_equal(kg_wordnet_build(dir, &wn, &err), KG_ERR_INPUT);
    assert_null(wn);
    assert_non_null(strstr(err.message, "index.noun:2: not an index line"));

    kg_error_clear(&err);
    assert_int_equal(kg_wordnet_build("/nonexistent-wordnet", &wn, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent-wordnet/data.noun"));
    assert_non_null(strstr(err.message, "wordnet-base"));
}

/* ------------------------------------------------------------ Debian's WordNet */

static void test_wordnet_debian_dictionary_knows_english(void **state)
{
    (void)state;
    kg_wordnet *wn = NULL;
    kg_error err;
    kg_error_clear(&err);
    assert_int_equal(kg_wordnet_build("/usr/share/wordnet", &wn, &err), KG_OK);
    assert_true(kg_wordnet_forms(wn) > 80000);
    assert_true(kg_wordnet_classes(wn, "children") & N_INFL);
    assert_true(kg_wordnet_classes(wn, "negotiated") & V_INFL);
    assert_true(kg_wordnet_classes(wn, "bigger") & A_INFL);
    assert_true(kg_wordnet_classes(wn, "quickly") & R);
    assert_true(kg_wordnet_classes(wn, "Ukraine") & KG_WN_CAPITALIZED);
    assert_false(kg_wordnet_classes(wn, "Ukraine") & KG_WN_LOWERCASE);
    assert_true(kg_wordnet_classes(wn, "minister") & KG_WN_LOWERCASE);
    assert_int_equal(KG_WN_NOUN_SENSE(kg_wordnet_classes(wn, "minister")), 18 - 2);
    assert_int_equal(KG_WN_VERB_SENSE(kg_wordnet_classes(wn, "say")), 32 - 28); /* communication */
    assert_int_equal(kg_wordnet_classes(wn, "Blinken"), 0);
    kg_wordnet_free(wn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordnet_classes_from_lemmas_exceptions_and_rules),
        cmocka_unit_test(test_wordnet_case_and_noun_sense),
        cmocka_unit_test(test_wordnet_round_trip_through_a_model_file),
        cmocka_unit_test(test_wordnet_refuses_a_table_that_could_loop),
        cmocka_unit_test(test_wordnet_errors_name_the_file_and_line),
        cmocka_unit_test(test_wordnet_debian_dictionary_knows_english),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
