/* test_antonyms.c - opposites from WordNet's antonym pointers. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "antonyms.h"

static kg_antonyms *wn;

static int setup(void **state)
{
    (void)state;
    kg_error err = {0};
    if (kg_antonyms_open(NULL, &wn, &err) != KG_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kg_antonyms_close(wn);
    return 0;
}

static void test_opposites_of_news_verbs(void **state)
{
    (void)state;
    static const char *const yes[][2] = {
        {"reject", "accept"},  {"rise", "fall"},         {"rise to", "fall to"},
        {"rose", "fell"},      {"win", "lose"},          {"increase", "decrease"},
        {"raised", "lowered"}, {"be defeated", "be victorious"}, {"agree", "disagree"},
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (!kg_antonyms_opposite(wn, yes[i][0], yes[i][1]))
            fail_msg("%s / %s should be opposites", yes[i][0], yes[i][1]);
        if (!kg_antonyms_opposite(wn, yes[i][1], yes[i][0]))
            fail_msg("%s / %s should be opposites both ways", yes[i][1], yes[i][0]);
    }
}

static void test_what_is_not_opposite(void **state)
{
    (void)state;
    static const char *const no[][2] = {
        {"say", "tell"},     {"meet", "visit"},        {"rise to", "fall by"},
        {"reject", "reject"}, {"be killed", "be injured"}, {"criticise", "praise in"},
        {"", "accept"},      {"reject", ""},
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (kg_antonyms_opposite(wn, no[i][0], no[i][1]))
            fail_msg("%s / %s are no opposites", no[i][0], no[i][1]);
    assert_false(kg_antonyms_opposite(NULL, "reject", "accept"));
}

static void test_missing_directory_is_named(void **state)
{
    (void)state;
    kg_antonyms *a = NULL;
    kg_error err = {0};
    assert_int_equal(kg_antonyms_open("/nonexistent/wn", &a, &err), KG_ERR_INPUT);
    assert_null(a);
    assert_non_null(strstr(err.message, "/nonexistent/wn/index.verb"));
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Damaged files answer false and never read out of bounds (run under ASan). */
static void test_garbage_files_answer_false(void **state)
{
    (void)state;
    char dir[] = "/tmp/kg-wn-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *names[] = {"index.verb", "data.verb", "verb.exc", "index.adj", "data.adj",
                           "adj.exc"};
    for (int k = 0; k < 6; k++)
        write_file(dir, names[k], "");
    /* an index line pointing past the data, and a data line cut short */
    write_file(dir, "index.verb",
               "  1 licence\naccept v 2 1 ! 2 1 0 99999999\nreject v 1 1 ! 1 1 00000000\n");
    write_file(dir, "data.verb", "00000000 31 v 01 reject 0 002 ! 00000");
    kg_antonyms *a = NULL;
    kg_error err = {0};
    assert_int_equal(kg_antonyms_open(dir, &a, &err), KG_OK);
    assert_false(kg_antonyms_opposite(a, "accept", "reject"));
    assert_false(kg_antonyms_opposite(a, "reject", "accept"));
    assert_false(kg_antonyms_opposite(a, "rejected", "accepting"));
    kg_antonyms_close(a);
    for (int k = 0; k < 6; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opposites_of_news_verbs),
        cmocka_unit_test(test_what_is_not_opposite),
        cmocka_unit_test(test_missing_directory_is_named),
        cmocka_unit_test(test_garbage_files_answer_false),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
