/* test_sentences.c - sentence boundaries in news text. */
#include "fixtures.h"
#include "reader.h"
#include "sentences.h"

#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    *state = kg_arena_new();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    kg_arena_free(*state);
    return 0;
}

/* Splits all of text and checks the sentences' text, in order. */
static void check_split(void **state, const char *text, const char *const *want, size_t n_want)
{
    kg_span *spans;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 0, strlen(text), &spans, &n, &err), KG_OK);
    for (size_t i = 0; i < n && i < n_want; i++) {
        size_t len = spans[i].end - spans[i].start;
        char *got = kg_arena_strndup(*state, text + spans[i].start, len);
        assert_string_equal(got, want[i]);
    }
    assert_int_equal(n, n_want);
}

#define CHECK(text, ...)                                                                           \
    do {                                                                                           \
        const char *const want_[] = {__VA_ARGS__};                                                 \
        check_split(state, text, want_, sizeof want_ / sizeof want_[0]);                           \
    } while (0)

static void test_sentence_split_keeps_mr_abbreviation(void **state)
{
    CHECK("Mr. Okafor arrived in Lagos on Monday. He met Dr. Mensah at the port.",
          "Mr. Okafor arrived in Lagos on Monday.", "He met Dr. Mensah at the port.");
}

static void test_sentence_split_keeps_titles_and_months(void **state)
{
    CHECK("Gen. Haddad and Sen. Ortiz toured St. Petersburg on Jan. 12. Gov. Lee stayed home.",
          "Gen. Haddad and Sen. Ortiz toured St. Petersburg on Jan. 12.", "Gov. Lee stayed home.");
}

static void test_sentence_split_keeps_middle_initial(void **state)
{
    CHECK("Commerce Secretary Laura M. Whitfield spoke first. Reporters waited outside.",
          "Commerce Secretary Laura M. Whitfield spoke first.", "Reporters waited outside.");
}

static void test_sentence_split_keeps_acronym_before_name(void **state)
{
    CHECK("The U.S. State Department issued a statement. It was brief.",
          "The U.S. State Department issued a statement.", "It was brief.");
}

static void test_sentence_split_breaks_after_acronym_before_opener(void **state)
{
    CHECK("Envoys flew back to the U.S. The next day, talks resumed in the U.K. on schedule.",
          "Envoys flew back to the U.S.", "The next day, talks resumed in the U.K. on schedule.");
}

static void test_sentence_split_headline_line_stands_alone(void **state)
{
    CHECK("CHRYSLER TO BUY AMERICAN MOTORS\nChrysler Corp said it would buy American Motors.",
          "CHRYSLER TO BUY AMERICAN MOTORS", "Chrysler Corp said it would buy American Motors.");
    CHECK("- - - -\nMEDIA INDONESIA\nAround 2,000 cars arrived on Thursday.", "- - - -",
          "MEDIA INDONESIA", "Around 2,000 cars arrived on Thursday.");
}

/* a line break inside prose, even before a capital, is no boundary */
static void test_sentence_split_wrapped_line_is_one_sentence(void **state)
{
    CHECK("The Netherlands drew 2-2 with\nBrazil in a friendly on Saturday.",
          "The Netherlands drew 2-2 with\nBrazil in a friendly on Saturday.");
    CHECK("Officials of the UN and\nNATO met in Brussels.",
          "Officials of the UN and\nNATO met in Brussels.");
}

static void test_sentence_split_keeps_decimal_numbers(void **state)
{
    CHECK("Growth slowed to 3.5 percent in March. Analysts had expected 4.1 percent.",
          "Growth slowed to 3.5 percent in March.", "Analysts had expected 4.1 percent.");
}

static void test_sentence_split_ends_at_question_and_exclamation(void **state)
{
    CHECK("Will the ceasefire hold? Nobody knows! Talks continue?! Yes.",
          "Will the ceasefire hold?", "Nobody knows!", "Talks continue?!", "Yes.");
}

static void test_sentence_split_keeps_closing_quote_in_sentence(void **state)
{
    CHECK("The envoy said: \xE2\x80\x9CWe expect hard weeks ahead.\xE2\x80\x9D The talks resumed.",
          "The envoy said: \xE2\x80\x9CWe expect hard weeks ahead.\xE2\x80\x9D",
          "The talks resumed.");
}

static void test_sentence_split_continues_after_quoted_question(void **state)
{
    CHECK("\xE2\x80\x9CWhy now?\xE2\x80\x9D she asked. Nobody replied.",
          "\xE2\x80\x9CWhy now?\xE2\x80\x9D she asked.", "Nobody replied.");
}

static void test_sentence_split_breaks_after_acronym_in_quote(void **state)
{
    CHECK("He said \"we trust the U.N.\" Critics disagreed.", "He said \"we trust the U.N.\"",
          "Critics disagreed.");
}

static void test_sentence_split_breaks_at_blank_line_after_headline(void **state)
{
    CHECK("Ceasefire talks resume in Doha\n\nNegotiators returned on Sunday.\n",
          "Ceasefire talks resume in Doha", "Negotiators returned on Sunday.");
}

static void test_sentence_split_blank_line_with_spaces_and_crlf(void **state)
{
    CHECK("Markets fell sharply\r\n \t\r\nTraders blamed the strike", "Markets fell sharply",
          "Traders blamed the strike");
}

static void test_sentence_split_joins_lines_without_blank_line(void **state)
{
    CHECK("The minister spoke\nfor an hour. Then she left.", "The minister spoke\nfor an hour.",
          "Then she left.");
}

static void test_sentence_split_etc_depends_on_next_word(void **state)
{
    CHECK("They brought food, water, etc. and blankets. Aid arrived, etc. Trucks left.",
          "They brought food, water, etc. and blankets.", "Aid arrived, etc.", "Trucks left.");
}

static void test_sentence_split_no_abbreviation_before_number(void **state)
{
    CHECK("The office is at No. 10 Downing Street. His answer was No. Then he left.",
          "The office is at No. 10 Downing Street.", "His answer was No.", "Then he left.");
}

static void test_sentence_split_datelines_stand_apart(void **state)
{
    (void)state;
    CHECK("WASHINGTON (Reuters) - The senator met the envoy. They talked.",
          "WASHINGTON (Reuters) -", "The senator met the envoy.", "They talked.");
    CHECK("KYIV, Ukraine -- Officials met on Monday.", "KYIV, Ukraine --",
          "Officials met on Monday.");
    CHECK("GAZA CITY \xE2\x80\x94 Aid arrived.", "GAZA CITY \xE2\x80\x94", "Aid arrived.");
    CHECK("(AP) - Talks resumed.", "(AP) -", "Talks resumed.");
    /* no dateline: an ordinary start, a dash later in the sentence, an
     * acronym that is the subject */
    CHECK("NATO - the alliance - met.", "NATO - the alliance - met.");
    CHECK("The UN said talks - if any - would resume.",
          "The UN said talks - if any - would resume.");
    CHECK("A US-led force arrived.", "A US-led force arrived.");
}

static void test_sentence_split_handles_ellipses(void **state)
{
    CHECK("The talks \xE2\x80\xA6 stalled. Officials left... Later they returned.",
          "The talks \xE2\x80\xA6 stalled.", "Officials left...", "Later they returned.");
}

static void test_sentence_split_keeps_bracket_with_sentence(void **state)
{
    CHECK("(The vote was delayed.) Lawmakers left early [see p. 4] in protest.",
          "(The vote was delayed.)", "Lawmakers left early [see p. 4] in protest.");
}

static void test_sentence_split_continues_before_lower_case(void **state)
{
    CHECK("The meeting ended at 5 p.m. on Friday. Officials left.",
          "The meeting ended at 5 p.m. on Friday.", "Officials left.");
}

static void test_sentence_split_breaks_before_digit_and_quote(void **state)
{
    CHECK("Turnout fell in 2019. 2020 was worse. \xE2\x80\x9CNever again,\xE2\x80\x9D he said.",
          "Turnout fell in 2019.", "2020 was worse.",
          "\xE2\x80\x9CNever again,\xE2\x80\x9D he said.");
}

static void test_sentence_split_keeps_emoji_offsets(void **state)
{
    const char *text = "Crowds cheered \xF0\x9F\x8E\x89. Police watched.";
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 0, strlen(text), &s, &n, &err), KG_OK);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].start, 0);
    assert_int_equal(s[0].end, 20);
    assert_int_equal(s[1].start, 21);
    assert_int_equal(s[1].end, 36);
}

static void test_sentence_split_respects_region_and_trims(void **state)
{
    const char *text = "IGNORED.   Aid flowed.  Roads opened. \n TAIL";
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 8, 39, &s, &n, &err), KG_OK);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].start, 11);
    assert_int_equal(s[0].end, 22);
    assert_int_equal(s[1].start, 24);
    assert_int_equal(s[1].end, 37);
}

static void test_sentence_split_whitespace_only_gives_none(void **state)
{
    const char *text = "  \n\n \xC2\xA0 \n";
    kg_span *s = (kg_span *)1;
    size_t n = 99;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 0, strlen(text), &s, &n, &err), KG_OK);
    assert_int_equal(n, 0);
    assert_null(s);
}

static void test_sentence_split_long_line_without_punctuation(void **state)
{
    size_t len = 1024 * 1024;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = (i % 6 == 5) ? ' ' : 'w';
    text[len] = '\0';
    text[len - 1] = ' '; /* trailing space is trimmed */
    kg_span *s;
    size_t n;
    kg_error err;
    kg_status st = kg_sentences_split(*state, text, 0, len, &s, &n, &err);
    free(text);
    assert_int_equal(st, KG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(s[0].start, 0);
    assert_int_equal(s[0].end, len - 1);
}

static void test_sentence_split_starts_after_sample_style_header(void **state)
{
    const char *data = " date 2024-01-05 In a time of rising tension, Gen. Aydin Kaya flew to "
                       "Ankara. He met officials there.\n";
    kg_doc doc;
    kg_error err;
    assert_int_equal(kg_reader_read_buffer(*state, "kaya.txt", data, strlen(data), &doc, &err),
                     KG_OK);
    kg_span *s;
    size_t n;
    assert_int_equal(kg_sentences_split(*state, doc.text, doc.body_start, doc.len, &s, &n, &err),
                     KG_OK);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].start, 17);
    assert_memory_equal(doc.text + s[0].start, "In a time", 9);
    assert_memory_equal(doc.text + s[0].end - 7, "Ankara.", 7);
}

static void test_sentence_split_skips_leading_bom(void **state)
{
    CHECK("\xEF\xBB\xBFPrices rose. Wages did not.", "Prices rose.", "Wages did not.");
}

static void test_sentence_split_reports_reversed_region(void **state)
{
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, "abc", 2, 1, &s, &n, &err), KG_ERR_USAGE);
}

static void test_sentence_abbreviation_lookup_is_case_sensitive(void **state)
{
    (void)state;
    assert_true(kg_sentences_is_abbreviation("Mr", 2));
    assert_true(kg_sentences_is_abbreviation("Sept", 4));
    assert_true(kg_sentences_is_abbreviation("etc", 3));
    assert_false(kg_sentences_is_abbreviation("mr", 2));
    assert_false(kg_sentences_is_abbreviation("Israel", 6));
}

/* Robustness: marks by the thousand, nesting, and raw bytes.  The text is
 * built on the heap at its exact length, so that AddressSanitizer (make san)
 * sees any read past the end. */
static char *heap_text(const char *head, char fill, size_t n, const char *tail, size_t *len)
{
    size_t h = strlen(head), t = strlen(tail);
    *len = h + n + t;
    char *s = malloc(*len + 1);
    assert_non_null(s);
    memcpy(s, head, h);
    memset(s + h, fill, n);
    memcpy(s + h + n, tail, t + 1);
    return s;
}

static void test_sentence_split_run_of_marks_is_one_boundary(void **state)
{
    size_t len;
    char *text = heap_text("Israel", '!', 5000, " Egypt won.", &len);
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 0, len, &s, &n, &err), KG_OK);
    free(text);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].end, 6 + 5000);
    assert_int_equal(s[1].start, 6 + 5000 + 1);
}

static void test_sentence_split_sees_start_behind_deep_openers(void **state)
{
    size_t len;
    char *text = heap_text("Talks ended. ", '(', 3000, "Egypt agreed.", &len);
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, text, 0, len, &s, &n, &err), KG_OK);
    free(text);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].end, 12);
    assert_int_equal(s[1].start, 13);
    assert_int_equal(s[1].end, len);
}

static void test_sentence_split_raw_bytes_at_the_end_stay_inside(void **state)
{
    /* a truncated sequence, a lone lead byte and a NUL, each at the very end */
    static const char *const tails[] = {"Talks ended. \xE2\x80", "Talks ended. \xC3",
                                        "Talks ended.\xF0"};
    for (size_t k = 0; k < 3; k++) {
        size_t len = strlen(tails[k]);
        char *text = malloc(len);
        assert_non_null(text);
        memcpy(text, tails[k], len); /* no terminating NUL */
        kg_span *s;
        size_t n;
        kg_error err;
        assert_int_equal(kg_sentences_split(*state, text, 0, len, &s, &n, &err), KG_OK);
        free(text);
        assert_true(n >= 1);
        assert_int_equal(s[n - 1].end, len);
    }
    char nul[] = {'T', 'a', 'l', 'k', 's', '.', ' ', '\0', ' ', 'N', 'o', 'w', '.'};
    kg_span *s;
    size_t n;
    kg_error err;
    assert_int_equal(kg_sentences_split(*state, nul, 0, sizeof nul, &s, &n, &err), KG_OK);
    assert_true(n >= 1);
    assert_int_equal(s[n - 1].end, sizeof nul);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_sentence_split_run_of_marks_is_one_boundary),
        T(test_sentence_split_sees_start_behind_deep_openers),
        T(test_sentence_split_raw_bytes_at_the_end_stay_inside),
        T(test_sentence_split_keeps_mr_abbreviation),
        T(test_sentence_split_keeps_titles_and_months),
        T(test_sentence_split_keeps_middle_initial),
        T(test_sentence_split_headline_line_stands_alone),
        T(test_sentence_split_wrapped_line_is_one_sentence),
        T(test_sentence_split_keeps_acronym_before_name),
        T(test_sentence_split_breaks_after_acronym_before_opener),
        T(test_sentence_split_keeps_decimal_numbers),
        T(test_sentence_split_ends_at_question_and_exclamation),
        T(test_sentence_split_keeps_closing_quote_in_sentence),
        T(test_sentence_split_continues_after_quoted_question),
        T(test_sentence_split_breaks_after_acronym_in_quote),
        T(test_sentence_split_breaks_at_blank_line_after_headline),
        T(test_sentence_split_blank_line_with_spaces_and_crlf),
        T(test_sentence_split_joins_lines_without_blank_line),
        T(test_sentence_split_etc_depends_on_next_word),
        T(test_sentence_split_no_abbreviation_before_number),
        T(test_sentence_split_datelines_stand_apart),
        T(test_sentence_split_handles_ellipses),
        T(test_sentence_split_keeps_bracket_with_sentence),
        T(test_sentence_split_continues_before_lower_case),
        T(test_sentence_split_breaks_before_digit_and_quote),
        T(test_sentence_split_keeps_emoji_offsets),
        T(test_sentence_split_respects_region_and_trims),
        T(test_sentence_split_whitespace_only_gives_none),
        T(test_sentence_split_long_line_without_punctuation),
        T(test_sentence_split_starts_after_sample_style_header),
        T(test_sentence_split_skips_leading_bom),
        T(test_sentence_split_reports_reversed_region),
        T(test_sentence_abbreviation_lookup_is_case_sensitive),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
