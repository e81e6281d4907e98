/* test_tokens.c - words, numbers and punctuation of one sentence. */
#include "fixtures.h"
#include "tokens.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

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
    clock_t t0 = clock();
    kg_token *t = split(state, text, &n);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(text);
    assert_int_equal(n, pairs + 1);
    assert_string_equal(t[0].norm, "a.");
    assert_string_equal(t[n - 1].norm, "ab");
    assert_true(seconds < 2.0); /* a rescan from each letter is quadratic: minutes */
}

/* ---------------------------------------------------------------- UD English */

static kg_token *split_ud(void **state, const char *text, size_t *n)
{
    kg_token *toks;
    kg_error err;
    kg_span all = {0, strlen(text)};
    assert_int_equal(kg_tokens_split_ud(*state, text, all, &toks, n, &err), KG_OK);
    return toks;
}

/* The UD tokens' bytes, text[start, end), joined by '|': a wrong offset
 * shows as a wrong string. */
static const char *ud_forms(void **state, const char *text)
{
    size_t n, len = 1;
    kg_token *t = split_ud(state, text, &n);
    for (size_t i = 0; i < n; i++)
        len += t[i].end - t[i].start + 1;
    char *out = kg_arena_alloc(*state, len);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            out[o++] = '|';
        memcpy(out + o, text + t[i].start, t[i].end - t[i].start);
        o += t[i].end - t[i].start;
    }
    out[o] = '\0';
    return out;
}

/* The UD tokens' start offsets, joined by ' '. */
static const char *ud_starts(void **state, const char *text)
{
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    char *out = kg_arena_alloc(*state, n * 21 + 1);
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(out + o, i > 0 ? " %zu" : "%zu", t[i].start);
    return out;
}

static const char *ud_norms(void **state, const char *text)
{
    size_t n, len = 1;
    kg_token *t = split_ud(state, text, &n);
    for (size_t i = 0; i < n; i++)
        len += strlen(t[i].norm) + 1;
    char *out = kg_arena_alloc(*state, len);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat(out, "|");
        strcat(out, t[i].norm);
    }
    return out;
}

static void test_ud_splits_dont(void **state)
{
    const char *text = "They don't agree.";
    assert_string_equal(ud_forms(state, text), "They|do|n't|agree|.");
    assert_string_equal(ud_starts(state, text), "0 5 7 11 16");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[2].kind, KG_TOK_WORD);
    assert_false(t[2].space_before);
}

static void test_ud_splits_cant_and_wont(void **state)
{
    const char *text = "I can't, we won't.";
    assert_string_equal(ud_forms(state, text), "I|ca|n't|,|we|wo|n't|.");
    assert_string_equal(ud_starts(state, text), "0 2 4 7 9 12 14 17");
}

static void test_ud_splits_cannot(void **state)
{
    const char *text = "We cannot stay. CANNOT";
    assert_string_equal(ud_forms(state, text), "We|can|not|stay|.|CAN|NOT");
    assert_string_equal(ud_starts(state, text), "0 3 6 10 14 16 19");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_true(t[1].space_before);
    assert_false(t[2].space_before);
}

static void test_ud_splits_pronoun_clitics(void **state)
{
    const char *text = "I'm sure they're right, we've said he'll and she'd go.";
    assert_string_equal(ud_forms(state, text),
                        "I|'m|sure|they|'re|right|,|we|'ve|said|he|'ll|and|she|'d|go|.");
    assert_string_equal(ud_starts(state, text), "0 1 4 9 13 17 22 24 26 30 35 37 41 45 48 51 53");
}

static void test_ud_splits_possessives(void **state)
{
    const char *text = "Israel's army and the Palestinians' homes";
    assert_string_equal(ud_forms(state, text), "Israel|'s|army|and|the|Palestinians|'|homes");
    assert_string_equal(ud_starts(state, text), "0 6 9 14 18 22 34 36");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[6].kind, KG_TOK_WORD); /* the possessive, not a closing quote */
}

/* The form keeps ’ (the tagger sees what was written); norm has the ASCII
 * form that word lists are written in. */
static void test_ud_splits_curly_apostrophe_clitics(void **state)
{
    const char *text = "They don\xE2\x80\x99t know Israel\xE2\x80\x99s plan";
    assert_string_equal(ud_forms(state, text),
                        "They|do|n\xE2\x80\x99t|know|Israel|\xE2\x80\x99s|plan");
    assert_string_equal(ud_starts(state, text), "0 5 7 13 18 24 29");
    assert_string_equal(ud_norms(state, text), "They|do|n't|know|Israel|'s|plan");
}

static void test_ud_splits_gonna_wanna_gotta(void **state)
{
    const char *text = "I'm gonna go, you wanna stay, we gotta run";
    assert_string_equal(ud_forms(state, text), "I|'m|gon|na|go|,|you|wan|na|stay|,|we|got|ta|run");
    assert_string_equal(ud_starts(state, text), "0 1 4 7 10 12 14 18 21 24 28 30 33 36 39");
}

static void test_ud_splits_contractions_typed_without_apostrophe(void **state)
{
    /* EWT splits them as if the apostrophe were there; "IM" is a word */
    const char *text = "I dont know, Im sure thats it, but IM works";
    assert_string_equal(ud_forms(state, text), "I|do|nt|know|,|I|m|sure|that|s|it|,|but|IM|works");
    assert_string_equal(ud_starts(state, text), "0 2 4 7 11 13 14 16 21 25 27 29 31 35 38");
}

static void test_ud_splits_its_only_where_it_means_it_is(void **state)
{
    const char *text = "its a shame; its own staff; its not-for-profit arm";
    assert_string_equal(ud_forms(state, text),
                        "it|s|a|shame|;|its|own|staff|;|its|not|-|for|-|profit|arm");
    assert_string_equal(ud_starts(state, text), "0 2 4 6 11 13 17 21 26 28 32 35 36 39 40 47");
}

static void test_ud_splits_hyphenated_words(void **state)
{
    const char *text = "Al-Zaman's long-term plan, a 15-year deal";
    assert_string_equal(ud_forms(state, text), "Al|-|Zaman|'s|long|-|term|plan|,|a|15|-|year|deal");
    assert_string_equal(ud_starts(state, text), "0 2 3 8 11 15 16 21 25 27 29 31 32 37");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[1].kind, KG_TOK_PUNCT);
    assert_false(t[1].space_before);
    assert_false(t[2].space_before);
    assert_false(t[5].space_before);
    assert_int_equal(t[10].kind, KG_TOK_NUMBER);
    /* the entity finder's tokenizer keeps them whole */
    assert_string_equal(norms(state, text), "Al-Zaman|'s|long-term|plan|,|a|15-year|deal");
}

static void test_ud_keeps_prefix_hyphens(void **state)
{
    const char *text = "co-operate by e-mail with non-profit groups re-elected";
    assert_string_equal(ud_forms(state, text),
                        "co-operate|by|e-mail|with|non-profit|groups|re-elected");
    assert_string_equal(ud_starts(state, text), "0 11 14 21 26 37 44");
}

static void test_ud_splits_ranges_keeps_phone_numbers(void **state)
{
    const char *text = "in 1970-1971 call 555-1234 or 1-800-555-1234";
    assert_string_equal(ud_forms(state, text), "in|1970|-|1971|call|555-1234|or|1-800-555-1234");
    assert_string_equal(ud_starts(state, text), "0 3 7 8 13 18 27 30");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[5].kind, KG_TOK_NUMBER);
}

/* At the end of a sentence EWT writes "U.S ." and GUM's news "U.S."; we keep
 * the period, as kg_tokens_split does, so both tokenizers name the country
 * alike. */
static void test_ud_keeps_us_abbreviation(void **state)
{
    const char *text = "U.S. envoys flew to the U.S.";
    assert_string_equal(ud_forms(state, text), "U.S.|envoys|flew|to|the|U.S.");
    assert_string_equal(ud_starts(state, text), "0 5 12 17 20 24");
}

static void test_ud_keeps_abbreviation_periods(void **state)
{
    const char *text = "Mr. Okafor met Dr. J. Smith of Acme Inc. at 9 a.m., e.g. on Wed. mornings";
    assert_string_equal(
        ud_forms(state, text),
        "Mr.|Okafor|met|Dr.|J.|Smith|of|Acme|Inc.|at|9|a.m.|,|e.g.|on|Wed.|mornings");
    assert_string_equal(ud_starts(state, text), "0 4 11 15 19 22 28 31 36 41 44 46 50 52 57 60 65");
    /* in capitals too; but "sun." is a word and its period ends the clause */
    const char *caps = "Acme LTD. staff saw the sun. Then";
    assert_string_equal(ud_forms(state, caps), "Acme|LTD.|staff|saw|the|sun|.|Then");
    assert_string_equal(ud_starts(state, caps), "0 5 10 16 20 24 27 29");
}

static void test_ud_splits_sentence_final_period(void **state)
{
    assert_string_equal(ud_forms(state, "Talks ended late."), "Talks|ended|late|.");
    assert_string_equal(ud_starts(state, "Talks ended late."), "0 6 12 16");
    assert_string_equal(ud_forms(state, "They sent tents, etc."), "They|sent|tents|,|etc|.");
    const char *quoted = "\xE2\x80\x9CWe are done.\xE2\x80\x9D";
    assert_string_equal(ud_forms(state, quoted), "\xE2\x80\x9C|We|are|done|.|\xE2\x80\x9D");
    assert_string_equal(ud_starts(state, quoted), "0 3 6 10 14 15");
}

static void test_ud_keeps_ellipsis_whole(void **state)
{
    const char *text = "Wait... what...? Now\xE2\x80\xA6 ok";
    assert_string_equal(ud_forms(state, text), "Wait|...|what|...|?|Now|\xE2\x80\xA6|ok");
    assert_string_equal(ud_starts(state, text), "0 4 8 12 15 17 20 24");
}

static void test_ud_keeps_numbers_whole(void **state)
{
    const char *text = "22,000 people, 3.5 percent, the 1990s, his 4th and 80's";
    assert_string_equal(ud_forms(state, text),
                        "22,000|people|,|3.5|percent|,|the|1990s|,|his|4th|and|80's");
    assert_string_equal(ud_starts(state, text), "0 7 13 15 19 26 28 32 37 39 43 47 51");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[0].kind, KG_TOK_NUMBER);
    assert_int_equal(t[3].kind, KG_TOK_NUMBER);
    assert_int_equal(t[7].kind, KG_TOK_NUMBER);
}

static void test_ud_splits_currency_and_percent(void **state)
{
    const char *text = "$5 and 5% and US$4.25";
    assert_string_equal(ud_forms(state, text), "$|5|and|5|%|and|US|$|4.25");
    assert_string_equal(ud_starts(state, text), "0 1 3 7 8 10 14 16 17");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[0].kind, KG_TOK_PUNCT);
    assert_int_equal(t[1].kind, KG_TOK_NUMBER);
    assert_false(t[1].space_before);
}

static void test_ud_splits_units_after_numbers(void **state)
{
    const char *text = "at 5pm, 7:30PM for 65k or 35mm in 3D";
    assert_string_equal(ud_forms(state, text), "at|5|pm|,|7:30|PM|for|65|k|or|35|mm|in|3D");
    assert_string_equal(ud_starts(state, text), "0 3 4 6 8 12 15 19 21 23 26 28 31 34");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_false(t[2].space_before);
}

static void test_ud_keeps_times_and_dates(void **state)
{
    const char *text = "at 10:30 on 11/28/2000 and 9/11, not 2001/02";
    assert_string_equal(ud_forms(state, text), "at|10:30|on|11/28/2000|and|9/11|,|not|2001|/|02");
    assert_string_equal(ud_starts(state, text), "0 3 9 12 23 27 31 33 37 41 42");
}

static void test_ud_keeps_urls_and_email(void **state)
{
    const char *text = "See (http://www.example.com/a-b?x=1) or mail john.smith@example.com.";
    assert_string_equal(ud_forms(state, text),
                        "See|(|http://www.example.com/a-b?x=1|)|or|mail|john.smith@example.com|.");
    assert_string_equal(ud_starts(state, text), "0 4 5 35 37 40 45 67");
}

static void test_ud_keeps_emoticons(void **state)
{
    const char *text = "Great :) sad :-( Note:Do";
    assert_string_equal(ud_forms(state, text), "Great|:)|sad|:-(|Note|:|Do");
    assert_string_equal(ud_starts(state, text), "0 6 9 13 17 21 22");
}

static void test_ud_splits_quotes_and_brackets(void **state)
{
    const char *text = "\xE2\x80\x9CYes,\xE2\x80\x9D he said (twice) ['ok'] \"no\"";
    assert_string_equal(ud_forms(state, text), "\xE2\x80\x9C|Yes|,|\xE2\x80\x9D|he|said|(|twice|)|"
                                               "[|'|ok|'|]|\"|no|\"");
    assert_string_equal(ud_starts(state, text), "0 3 6 7 11 14 19 20 25 27 28 29 31 32 34 35 37");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[12].kind, KG_TOK_PUNCT);
}

/* UD tags "-" HYPH but a dash ":" or ",": folding the dash to "-" would
 * make it read as a hyphen. */
static void test_ud_norm_folds_quotes_keeps_dashes(void **state)
{
    const char *text = "\xE2\x80\x9C"
                       "Enough,\xE2\x80\x9D he said \xE2\x80\x94 twice \xE2\x80\x93 "
                       "\xE2\x80\x98loudly\xE2\x80\x99";
    assert_string_equal(ud_norms(state, text), "\"|Enough|,|\"|he|said|\xE2\x80\x94|twice|"
                                               "\xE2\x80\x93|'|loudly|'");
    assert_string_equal(ud_starts(state, text), "0 3 9 10 14 17 22 26 32 36 39 45");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[6].kind, KG_TOK_PUNCT);
    assert_int_equal(t[11].kind, KG_TOK_PUNCT);
}

static void test_ud_offsets_after_multibyte(void **state)
{
    const char *text = "M\xC3\xBCller\xE2\x80\x99s caf\xC3\xA9 doesn\xE2\x80\x99t open "
                       "\xE2\x80\x94 5\xE2\x82\xAC at 10:30.";
    assert_string_equal(ud_forms(state, text), "M\xC3\xBCller|\xE2\x80\x99s|caf\xC3\xA9|does|"
                                               "n\xE2\x80\x99t|open|\xE2\x80\x94|5|\xE2\x82\xAC|"
                                               "at|10:30|.");
    assert_string_equal(ud_starts(state, text), "0 7 12 18 22 28 33 37 38 42 45 50");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[4].end, 27);
    assert_int_equal(t[11].end, 51);
}

static void test_ud_keeps_file_and_domain_names(void **state)
{
    const char *text = "Open enron.xls at amazon.com, St.George and AT&T";
    assert_string_equal(ud_forms(state, text),
                        "Open|enron.xls|at|amazon.com|,|St.|George|and|AT&T");
    assert_string_equal(ud_starts(state, text), "0 5 15 18 28 30 33 40 44");
}

static void test_ud_keeps_punctuation_runs(void **state)
{
    const char *text = "Really?! No!!! ---- >> done";
    assert_string_equal(ud_forms(state, text), "Really|?!|No|!!!|----|>>|done");
    assert_string_equal(ud_starts(state, text), "0 6 9 11 15 20 23");
}

/* GUM's transcripts keep a word broken off in speech whole; a dangling
 * hyphen after a whole word is split in both treebanks. */
static void test_ud_keeps_truncated_fragment(void **state)
{
    const char *text = "I w- I want troop- and police-run";
    assert_string_equal(ud_forms(state, text), "I|w-|I|want|troop|-|and|police|-|run");
    assert_string_equal(ud_starts(state, text), "0 2 5 7 12 17 19 23 29 30");
}

static void test_ud_keeps_handles_and_hashtags(void **state)
{
    const char *text = "@Ryan said #IStandWithAhmed is #1";
    assert_string_equal(ud_forms(state, text), "@Ryan|said|#IStandWithAhmed|is|#|1");
    assert_string_equal(ud_starts(state, text), "0 6 11 28 31 32");
}

static void test_ud_keeps_short_years(void **state)
{
    const char *text = "the class of '72 and the \xE2\x80\x99"
                       "60s";
    assert_string_equal(ud_forms(state, text), "the|class|of|'72|and|the|\xE2\x80\x99"
                                               "60s");
    assert_string_equal(ud_starts(state, text), "0 4 10 13 17 21 25");
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(t[3].kind, KG_TOK_NUMBER);
}

static void test_ud_keeps_slash_abbreviations(void **state)
{
    const char *text = "coffee w/o milk b/c and/or not";
    assert_string_equal(ud_forms(state, text), "coffee|w/o|milk|b/c|and|/|or|not");
    assert_string_equal(ud_starts(state, text), "0 7 11 16 20 23 24 27");
}

static void test_ud_kinds_and_space_before(void **state)
{
    const char *text = "He paid $5, (twice).";
    size_t n;
    kg_token *t = split_ud(state, text, &n);
    assert_string_equal(ud_forms(state, text), "He|paid|$|5|,|(|twice|)|.");
    static const kg_token_kind kinds[] = {KG_TOK_WORD,   KG_TOK_WORD,  KG_TOK_PUNCT,
                                          KG_TOK_NUMBER, KG_TOK_PUNCT, KG_TOK_PUNCT,
                                          KG_TOK_WORD,   KG_TOK_PUNCT, KG_TOK_PUNCT};
    static const bool spaces[] = {false, true, true, false, false, true, false, false, false};
    assert_int_equal(n, 9);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(t[i].kind, kinds[i]);
        assert_int_equal(t[i].space_before, spaces[i]);
    }
}

static void test_ud_respects_sentence_span(void **state)
{
    const char *text = "xx Talks resumed. yy";
    kg_span s = {3, 17};
    kg_token *t;
    size_t n;
    kg_error err;
    assert_int_equal(kg_tokens_split_ud(*state, text, s, &t, &n, &err), KG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(t[0].start, 3);
    assert_int_equal(t[0].end, 8);
    assert_true(t[0].space_before); /* the space before the span counts */
    assert_int_equal(t[2].start, 16);
    assert_int_equal(t[2].end, 17);
}

static void test_ud_empty_span_gives_none_and_reversed_fails(void **state)
{
    kg_span empty = {2, 2}, reversed = {4, 2};
    kg_token *t = (kg_token *)1;
    size_t n = 7;
    kg_error err;
    assert_int_equal(kg_tokens_split_ud(*state, "ab  cd", empty, &t, &n, &err), KG_OK);
    assert_int_equal(n, 0);
    assert_null(t);
    assert_int_equal(kg_tokens_split_ud(*state, "ab  cd", reversed, &t, &n, &err), KG_ERR_USAGE);
}

/* Every rule that looks ahead is bounded (phone groups, e-mail parts), so
 * runs that almost match are not rescanned from each of their words.  With
 * the phone rule unbounded the first run took 74 s of CPU; bounded, both
 * take milliseconds, so 2 s fails only a quadratic scan. */
static void test_ud_long_runs_are_linear(void **state)
{
    size_t groups = 100000, len = 4 * groups + 1;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t i = 0; i < groups; i++)
        memcpy(text + 4 * i, "555-", 4);
    memcpy(text + 4 * groups, "x", 2);
    size_t n;
    clock_t t0 = clock();
    kg_token *t = split_ud(state, text, &n);
    assert_int_equal(n, 2 * groups + 1);
    assert_int_equal(t[n - 1].start, len - 1);
    for (size_t i = 0; i < groups; i++)
        memcpy(text + 4 * i, "a.b@", 4);
    t = split_ud(state, text, &n);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    free(text);
    assert_true(n > 0);
    assert_int_equal(t[n - 1].end, len);
    assert_true(seconds < 2.0);
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
        T(test_ud_splits_dont),
        T(test_ud_splits_cant_and_wont),
        T(test_ud_splits_cannot),
        T(test_ud_splits_pronoun_clitics),
        T(test_ud_splits_possessives),
        T(test_ud_splits_curly_apostrophe_clitics),
        T(test_ud_splits_gonna_wanna_gotta),
        T(test_ud_splits_contractions_typed_without_apostrophe),
        T(test_ud_splits_its_only_where_it_means_it_is),
        T(test_ud_splits_hyphenated_words),
        T(test_ud_keeps_prefix_hyphens),
        T(test_ud_splits_ranges_keeps_phone_numbers),
        T(test_ud_keeps_us_abbreviation),
        T(test_ud_keeps_abbreviation_periods),
        T(test_ud_splits_sentence_final_period),
        T(test_ud_keeps_ellipsis_whole),
        T(test_ud_keeps_numbers_whole),
        T(test_ud_splits_currency_and_percent),
        T(test_ud_splits_units_after_numbers),
        T(test_ud_keeps_times_and_dates),
        T(test_ud_keeps_urls_and_email),
        T(test_ud_keeps_emoticons),
        T(test_ud_splits_quotes_and_brackets),
        T(test_ud_norm_folds_quotes_keeps_dashes),
        T(test_ud_offsets_after_multibyte),
        T(test_ud_keeps_file_and_domain_names),
        T(test_ud_keeps_punctuation_runs),
        T(test_ud_keeps_truncated_fragment),
        T(test_ud_keeps_handles_and_hashtags),
        T(test_ud_keeps_short_years),
        T(test_ud_keeps_slash_abbreviations),
        T(test_ud_kinds_and_space_before),
        T(test_ud_respects_sentence_span),
        T(test_ud_empty_span_gives_none_and_reversed_fails),
        T(test_ud_long_runs_are_linear),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
