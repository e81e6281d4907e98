/* test_escape.c - printing input text: no control character reaches a
 * terminal raw, and a TSV field stays one field that reads back. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

/* kg_escape_write(s, mode) into a fresh string the caller frees. */
static char *escaped(const char *s, kg_escape_mode mode)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(kg_escape_write(f, s, mode), 0);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void expect(const char *s, kg_escape_mode mode, const char *want)
{
    char *got = escaped(s, mode);
    assert_string_equal(got, want);
    free(got);
}

static void test_escape_line_shows_esc_bel_and_osc_as_hex(void **state)
{
    (void)state;
    expect("Egypt \033]0;pwned\007 with \033[31mBiden", KG_ESCAPE_LINE,
           "Egypt \\x1b]0;pwned\\x07 with \\x1b[31mBiden");
}

static void test_escape_line_shows_del_and_c1_controls_as_hex(void **state)
{
    (void)state;
    /* U+009B (CSI) and U+0085 (NEL) are two bytes each in UTF-8 */
    expect("a\177b\302\233c\302\205d", KG_ESCAPE_LINE, "a\\x7fb\\x9bc\\x85d");
}

static void test_escape_line_makes_tab_and_newline_spaces(void **state)
{
    (void)state;
    expect("one\ttwo\nthree\r\nfour", KG_ESCAPE_LINE, "one two three  four");
}

static void test_escape_line_keeps_letters_and_backslashes(void **state)
{
    (void)state;
    const char *s = "Caf\303\251 \320\237\321\203\321\202\320\270\320\275 11\\/32 \360\237\230\200";
    expect(s, KG_ESCAPE_LINE, s);
}

static void test_escape_shows_a_byte_that_is_not_utf8_as_hex(void **state)
{
    (void)state;
    expect("caf\351 \233x", KG_ESCAPE_LINE, "caf\\xe9 \\x9bx");
    expect("caf\351", KG_ESCAPE_TSV, "caf\\xe9");
}

static void test_escape_tsv_field_escapes_tab_newline_cr_and_backslash(void **state)
{
    (void)state;
    expect("Benjamin\tNetanyahu\nmet\r\\x", KG_ESCAPE_TSV, "Benjamin\\tNetanyahu\\nmet\\r\\\\x");
    expect("\033[2J\001", KG_ESCAPE_TSV, "\\x1b[2J\\x01");
}

static void test_escape_json_escapes_only_del_and_c1(void **state)
{
    (void)state;
    expect("{\n  \"a\": \"x\177y\302\233z\\u001b\"\n}", KG_ESCAPE_JSON,
           "{\n  \"a\": \"x\\u007Fy\\u009Bz\\u001b\"\n}");
}

static void test_escape_reports_a_failed_write(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    assert_non_null(f);
    setvbuf(f, NULL, _IONBF, 0);
    assert_int_equal(kg_escape_write(f, "x\033y", KG_ESCAPE_LINE), EOF);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_line_shows_esc_bel_and_osc_as_hex),
        cmocka_unit_test(test_escape_line_shows_del_and_c1_controls_as_hex),
        cmocka_unit_test(test_escape_line_makes_tab_and_newline_spaces),
        cmocka_unit_test(test_escape_line_keeps_letters_and_backslashes),
        cmocka_unit_test(test_escape_shows_a_byte_that_is_not_utf8_as_hex),
        cmocka_unit_test(test_escape_tsv_field_escapes_tab_newline_cr_and_backslash),
        cmocka_unit_test(test_escape_json_escapes_only_del_and_c1),
        cmocka_unit_test(test_escape_reports_a_failed_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
