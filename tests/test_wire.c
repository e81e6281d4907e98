/* test_wire.c - datelines and headlines of wire copy (wire.h), on lines
 * written for the purpose. */
#include <string.h>

#include "fixtures.h"
#include "wire.h"

static kg_span whole(const char *text)
{
    return (kg_span){0, strlen(text)};
}

/* The story after the dateline of text, as a string to compare. */
static const char *story(const char *text)
{
    return text + kg_wire_dateline_end(text, whole(text));
}

static void test_wire_dateline_city_and_date(void **state)
{
    (void)state;
    assert_string_equal(story("NEW YORK, March 9 - Velnor Corp said."), "Velnor Corp said.");
    kg_span p[2];
    const char *t = "NEW YORK, March 9 - Velnor Corp said.";
    assert_int_equal(kg_wire_dateline_places(t, whole(t), p, 2), 1);
    assert_int_equal(p[0].start, 0);
    assert_int_equal(p[0].end, 8);
}

static void test_wire_dateline_agency_and_dash(void **state)
{
    (void)state;
    assert_string_equal(story("WASHINGTON (Reuters) - The Fed met."), "The Fed met.");
    assert_string_equal(story("LONDON, Jan 5 (AP) \u2014 Shares fell."), "Shares fell.");
    assert_string_equal(story("PARIS, Sept. 22, 1997 (AFP) -- Talks ended."), "Talks ended.");
}

/* without a date, a place is a dateline only before a dash and a story
 * that opens like a sentence */
static void test_wire_dateline_place_and_dash_before_a_story(void **state)
{
    (void)state;
    assert_string_equal(story("KYIV, Ukraine -- Officials met."), "Officials met.");
    assert_string_equal(story("GAZA CITY \u2014 Aid arrived."), "Aid arrived.");
    assert_string_equal(story("(AP) - Talks resumed."), "Talks resumed.");
    const char *t = "KYIV, Ukraine -- Officials met.";
    kg_span p[2];
    assert_int_equal(kg_wire_dateline_places(t, whole(t), p, 2), 2);
    const char *no[] = {"NATO - the alliance - met.", "RUSSIA - PUTIN WINS", "EU -- 12 states"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_int_equal(kg_wire_dateline_end(no[i], whole(no[i])), 0);
}

static void test_wire_dateline_iso_date_with_region(void **state)
{
    (void)state;
    const char *t = "ROCHESTER, N.H. 1996-08-22";
    assert_int_equal(kg_wire_dateline_end(t, whole(t)), strlen(t));
    kg_span p[2];
    assert_int_equal(kg_wire_dateline_places(t, whole(t), p, 2), 2);
    assert_int_equal(p[1].start, 11);
    assert_int_equal(p[1].end, 15);
    assert_string_equal(story("BONN 1996-08-22"), "");
}

static void test_wire_no_dateline_without_date_or_agency(void **state)
{
    (void)state;
    const char *t[] = {"SOCCER - JAPAN GET LUCKY WIN", "The Fed met in New York.",
                       "WASHINGTON (Reuters) said nothing", "NATO, the alliance, met."};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        assert_int_equal(kg_wire_dateline_end(t[i], whole(t[i])), 0);
}

static void test_wire_dateline_only_at_a_line_start(void **state)
{
    (void)state;
    const char *t = "He said. LONDON, March 9 - more.";
    kg_span s = {9, strlen(t)};
    assert_int_equal(kg_wire_dateline_end(t, s), 9);
    const char *u = "Headline here\n\nLONDON, March 9 - more.";
    kg_span s2 = {15, strlen(u)};
    assert_string_equal(u + kg_wire_dateline_end(u, s2), "more.");
}

static void test_wire_headline_in_capitals(void **state)
{
    (void)state;
    const char *yes[] = {"CHRYSLER TO BUY AMERICAN MOTORS", "SOCCER - JAPAN GET LUCKY WIN .",
                         "SOCCER"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(kg_wire_is_headline(yes[i], whole(yes[i])));
}

static void test_wire_acronym_heavy_sentence_is_no_headline(void **state)
{
    (void)state;
    const char *no[] = {"The IMF and NATO met the EU.", "US GDP rose in Q2 at IBM and AT&T plants.",
                        "He left.", "UN", "Shares of Velnor Corp fell 3 pct."};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(kg_wire_is_headline(no[i], whole(no[i])));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wire_dateline_city_and_date),
        cmocka_unit_test(test_wire_dateline_agency_and_dash),
        cmocka_unit_test(test_wire_dateline_place_and_dash_before_a_story),
        cmocka_unit_test(test_wire_dateline_iso_date_with_region),
        cmocka_unit_test(test_wire_no_dateline_without_date_or_agency),
        cmocka_unit_test(test_wire_dateline_only_at_a_line_start),
        cmocka_unit_test(test_wire_headline_in_capitals),
        cmocka_unit_test(test_wire_acronym_heavy_sentence_is_no_headline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
