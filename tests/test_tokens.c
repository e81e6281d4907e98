/* test_tokens.c - words, numbers and punctuation of one sentence. */
#include "fixtures.h"
#include "tokens.h"

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

static kg_token *split(void **state, const char *text, size_t *n)
{
    kg_token *toks;
    kg_error err;
    kg_span all = {0, strlen(text)};
    assert_int_equal(kg_tokens_split(*state, text, all, &toks, n, &err), KG_OK);
    return toks;
}

/* The norms joined by '|', the easiest form to compare in one assertion. */
static const char *norms(void **state, const char *text)
{
    size_t n, len = 0;
    kg_token *t = split(state, text, &n);
    for (size_t i = 0; i < n; i++)
        len += strlen(t[i].norm) + 1;
    char *out = kg_arena_alloc(*state, len + 1);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(out, "|");
        strcat(out, t[i].norm);
    }
    return out;
}

static void test_tokens_split_curly_possessive(void **state)
{
    const char *text = "the administration\xE2\x80\x99s plan";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "the|administration|'s|plan");
    assert_int_equal(t[2].start, 18);
    assert_int_equal(t[2].end, 22);
    assert_int_equal(t[2].kind, KG_TOK_WORD);
    assert_false(t[2].space_before);
}

static void test_tokens_split_plural_possessive(void **state)
{
    const char *text = "the Palestinians\xE2\x80\x99 homes";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "the|Palestinians|'|homes");
    assert_int_equal(t[2].start, 16);
    assert_int_equal(t[2].end, 19);
    assert_int_equal(t[2].kind, KG_TOK_WORD); /* the possessive, not a closing quote */
}

static void test_tokens_split_negative_contraction(void **state)
{
    assert_string_equal(norms(state, "They don\xE2\x80\x99t agree and can't wait."),
                        "They|do|n't|agree|and|ca|n't|wait|.");
}

static void test_tokens_split_other_clitics(void **state)
{
    assert_string_equal(norms(state, "We\xE2\x80\x99re sure they'll come, I'm told"),
                        "We|'re|sure|they|'ll|come|,|I|'m|told");
}

static void test_tokens_keep_apostrophe_inside_name(void **state)
{
    assert_string_equal(norms(state, "O\xE2\x80\x99"
                                     "Brien\xE2\x80\x99s office"),
                        "O'Brien|'s|office");
}

static void test_tokens_closing_single_quote_is_punctuation(void **state)
{
    const char *text = "the \xE2\x80\x98"
                       "bus\xE2\x80\x99 plan";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "the|'|bus|'|plan");
    assert_int_equal(t[3].kind, KG_TOK_PUNCT);
}

static void test_tokens_keep_numbers_whole(void **state)
{
    const char *text = "22,000 people, 3.5 percent, the 1990s and $4.25";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "22,000|people|,|3.5|percent|,|the|1990s|and|$|4.25");
    assert_int_equal(t[0].kind, KG_TOK_NUMBER);
    assert_int_equal(t[3].kind, KG_TOK_NUMBER);
    assert_int_equal(t[7].kind, KG_TOK_NUMBER);
    assert_int_equal(t[9].kind, KG_TOK_PUNCT);
    assert_int_equal(t[10].kind, KG_TOK_NUMBER);
    assert_false(t[10].space_before);
}

static void test_tokens_split_number_lists(void **state)
{
    /* a comma joins digits only before exactly three of them */
    assert_string_equal(norms(state, "scores 1,2 and 10,0000"), "scores|1|,|2|and|10|,|0000");
}

static void test_tokens_keep_hyphenated_words(void **state)
{
    const char *text = "right-wing and post-conflict plans, a 10-year deal";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "right-wing|and|post-conflict|plans|,|a|10-year|deal");
    assert_int_equal(t[6].kind, KG_TOK_WORD);
}

static void test_tokens_keep_abbreviation_periods(void **state)
{
    assert_string_equal(norms(state, "Mr. Okafor met U.S. envoy Laura M. Whitfield on Jan. 3."),
                        "Mr.|Okafor|met|U.S.|envoy|Laura|M.|Whitfield|on|Jan.|3|.");
}

static void test_tokens_split_sentence_final_period(void **state)
{
    assert_string_equal(norms(state, "Talks ended late."), "Talks|ended|late|.");
    assert_string_equal(norms(state, "They sent food, tents, etc."),
                        "They|sent|food|,|tents|,|etc|.");
    assert_string_equal(norms(state, "\xE2\x80\x9CWe are done.\xE2\x80\x9D"),
                        "\"|We|are|done|.|\"");
}

static void test_tokens_acronym_keeps_period_at_end(void **state)
{
    /* "U.S" would not match the country's name; see tokens.c */
    assert_string_equal(norms(state, "She flew to the U.S."), "She|flew|to|the|U.S.");
    assert_string_equal(norms(state, "U.S.-led forces, e.g., drones"),
                        "U.S.|-|led|forces|,|e.g.|,|drones");
}

static void test_tokens_fold_curly_quotes_and_dashes(void **state)
{
    const char *text = "\xE2\x80\x9C"
                       "Enough,\xE2\x80\x9D he said \xE2\x80\x94 twice \xE2\x80\x93 loudly";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_string_equal(norms(state, text), "\"|Enough|,|\"|he|said|-|twice|-|loudly");
    assert_int_equal(t[6].kind, KG_TOK_PUNCT);
    assert_int_equal(t[6].end - t[6].start, 3);
}

static void test_tokens_keep_non_ascii_letters(void **state)
{
    assert_string_equal(norms(state, "Erdo\xC4\x9F"
                                     "an met M\xC3\xBCller in S\xC3\xA3o Paulo and "
                                     "\xE5\x8C\x97\xE4\xBA\xAC, \xC5\x9E"
                                     "ahin said"),
                        "Erdo\xC4\x9F"
                        "an|met|M\xC3\xBCller|in|S\xC3\xA3o|Paulo|and|"
                        "\xE5\x8C\x97\xE4\xBA\xAC|,|\xC5\x9E"
                        "ahin|said");
}

static void test_tokens_keep_combining_mark_in_word(void **state)
{
    assert_string_equal(norms(state, "Cafe\xCC\x81 owners"), "Cafe\xCC\x81|owners");
}

static void test_tokens_emoji_are_punctuation_with_offsets(void **state)
{
    const char *text = "Fans \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 cheered";
    size_t n;
    kg_token *t = split(state, text, &n);
    assert_int_equal(n, 4);
    assert_int_equal(t[1].kind, KG_TOK_PUNCT);
    assert_int_equal(t[1].start, 5);
    assert_int_equal(t[1].end, 9);
    assert_int_equal(t[2].start, 9);
    assert_int_equal(t[2].end, 13);
    assert_int_equal(t[3].start, 14);
    assert_int_equal(t[3].end, 21);
    assert_false(t[0].space_before);
    assert_true(t[1].space_before);
    assert_false(t[2].space_before);
    assert_true(t[3].space_before);
}

static void test_tokens_keep_ellipsis_runs(void **state)
{
    assert_string_equal(norms(state, "Wait... what\xE2\x80\xA6 now -- or never"),
                        "Wait|...|what|\xE2\x80\xA6|now|--|or|never");
}

static void test_tokens_respect_sentence_span(void **state)
{
    const char *text = "xx Talks resumed. yy";
    kg_span s = {3, 17};
    kg_token *t;
    size_t n;
    kg_error err;
    assert_int_equal(kg_tokens_split(*state, text, s, &t, &n, &err), KG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(t[0].start, 3);
    assert_int_equal(t[0].end, 8);
    assert_true(t[0].space_before); /* the space before the span counts */
    assert_string_equal(t[2].norm, ".");
    assert_int_equal(t[2].start, 16);
}

static void test_tokens_empty_span_gives_none(void **state)
{
    kg_span s = {2, 2};
    kg_token *t = (kg_token *)1;
    size_t n = 7;
    kg_error err;
    assert_int_equal(kg_tokens_split(*state, "ab  cd", s, &t, &n, &err), KG_OK);
    assert_int_equal(n, 0);
    assert_null(t);
}

static void test_tokens_replaced_bytes_are_punctuation(void **state)
{
    assert_string_equal(norms(state, "Caf? ??open"), "Caf|?|?|?|open");
}

static void test_tokens_long_line_without_punctuation(void **state)
{
    size_t len = 1024 * 1024;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = (i % 8 == 7) ? ' ' : 'w';
    text[len] = '\0';
    size_t n;
    kg_token *t = split(state, text, &n);
    free(text);
    assert_int_equal(n, len / 8);
    assert_int_equal(t[n - 1].start, len - 8);
    assert_int_equal(t[n - 1].end, len - 1);
}

static void test_tokens_keep_dotted_acronym_up_to_eight_letters(void **state)
{
    assert_string_equal(norms(state, "the A.B.C.D.E.F.G.H. list"), "the|A.B.C.D.E.F.G.H.|list");
    assert_string_equal(norms(state, "the A.B.C.D.E.F.G.H.I.J. list"),
                        "the|A.|B.|C.|D.|E.|F.|G.|H.|I.|J.|list");
}

/* Found by hand while fuzzing: each letter of a long "a.a.a." run rescanned
 * the run to its end, so 160 KB took 37 s.  Now it takes milliseconds. */
static void test_tokens_long_dotted_run_is_linear(void **state)
{
    size_t pairs = 100000, len = 2 * pairs + 2;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < pairs; i++)
        memcpy(text + 2 * i, "a.", 2);
    memcpy(text + 2 * pairs, "ab", 3);
    size_t n;
    kg_token *t = split(state, text, &n);
    free(text);
    assert_int_equal(n, pairs + 1);
    assert_string_equal(t[0].norm, "a.");
    assert_string_equal(t[n - 1].norm, "ab");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_tokens_split_curly_possessive),
        T(test_tokens_split_plural_possessive),
        T(test_tokens_split_negative_contraction),
        T(test_tokens_split_other_clitics),
        T(test_tokens_keep_apostrophe_inside_name),
        T(test_tokens_closing_single_quote_is_punctuation),
        T(test_tokens_keep_numbers_whole),
        T(test_tokens_split_number_lists),
        T(test_tokens_keep_hyphenated_words),
        T(test_tokens_keep_abbreviation_periods),
        T(test_tokens_split_sentence_final_period),
        T(test_tokens_acronym_keeps_period_at_end),
        T(test_tokens_fold_curly_quotes_and_dashes),
        T(test_tokens_keep_non_ascii_letters),
        T(test_tokens_keep_combining_mark_in_word),
        T(test_tokens_emoji_are_punctuation_with_offsets),
        T(test_tokens_keep_ellipsis_runs),
        T(test_tokens_respect_sentence_span),
        T(test_tokens_empty_span_gives_none),
        T(test_tokens_replaced_bytes_are_punctuation),
        T(test_tokens_long_line_without_punctuation),
        T(test_tokens_keep_dotted_acronym_up_to_eight_letters),
        T(test_tokens_long_dotted_run_is_linear),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
