/* test_values.c - numbers, percentages, money and dates found in a phrase
 * and normalized (extract/values.h), and the load errors of their lists. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "values.h"

#ifndef KG_DATADIR
#error "compile with -DKG_DATADIR='\"/path/to/data\"'"
#endif

#define MAXV 16

static const kg_values *vals;

static int setup(void **state)
{
    (void)state;
    kg_values *v = NULL;
    kg_error err = {0};
    if (kg_values_load(KG_DATADIR, &v, &err) != KG_OK) {
        fprintf(stderr, "values: %s\n", err.message);
        return -1;
    }
    vals = v;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kg_values_free((kg_values *)vals);
    return 0;
}

/* The values of text (NUL-terminated) with the document date doc. */
static size_t find(const char *text, const char *doc, kg_value *out)
{
    return kg_values_find(vals, text, strlen(text), doc, out, MAXV);
}

/* text holds exactly one value, of kind, with that amount (or date) and
 * currency, spanning the bytes of span in text. */
static void assert_one(const char *text, const char *doc, kg_value_kind kind, double amount,
                       const char *currency_or_date, const char *span)
{
    kg_value v[MAXV];
    size_t n = find(text, doc, v);
    if (n != 1)
        fail_msg("\"%s\": %zu values, expected 1", text, n);
    assert_int_equal(v[0].kind, kind);
    if (kind == KG_VALUE_DATE) {
        assert_string_equal(v[0].date, currency_or_date);
    } else {
        if (v[0].amount != amount)
            fail_msg("\"%s\": amount %.17g, expected %.17g", text, v[0].amount, amount);
        assert_string_equal(v[0].currency, kind == KG_VALUE_MONEY ? currency_or_date : "");
    }
    const char *at = strstr(text, span);
    assert_non_null(at);
    assert_int_equal(v[0].start, (size_t)(at - text));
    assert_int_equal(v[0].end, (size_t)(at - text) + strlen(span));
}

static void assert_none(const char *text, const char *doc)
{
    kg_value v[MAXV];
    size_t n = find(text, doc, v);
    if (n != 0)
        fail_msg("\"%s\": %zu values (first %s \"%.*s\"), expected none", text, n,
                 kg_value_kind_name(v[0].kind), (int)(v[0].end - v[0].start), text + v[0].start);
}

/* ---------------------------------------------------------------- several in one phrase */

static void test_values_percent_then_money_with_offsets(void **state)
{
    (void)state;
    const char *text = "rose 5% to $3.2 billion";
    kg_value v[MAXV];
    assert_int_equal(find(text, "", v), 2);
    assert_int_equal(v[0].kind, KG_VALUE_PERCENT);
    assert_true(v[0].amount == 5);
    assert_int_equal(v[0].start, 5);
    assert_int_equal(v[0].end, 7);
    assert_int_equal(v[1].kind, KG_VALUE_MONEY);
    assert_true(v[1].amount == 3.2e9);
    assert_string_equal(v[1].currency, "USD");
    assert_int_equal(v[1].start, 11);
    assert_int_equal(v[1].end, 23);
}

/* ---------------------------------------------------------------- numbers */

static void test_values_number_with_thousands_commas(void **state)
{
    (void)state;
    assert_one("22,000 Palestinians", "", KG_VALUE_NUMBER, 22000, "", "22,000");
    assert_one("1,250,000.5 votes", "", KG_VALUE_NUMBER, 1250000.5, "", "1,250,000.5");
}

static void test_values_number_with_scale_word_or_suffix(void **state)
{
    (void)state;
    assert_one("1.5 million people", "", KG_VALUE_NUMBER, 1.5e6, "", "1.5 million");
    assert_one("a deficit of 3.2bn", "", KG_VALUE_NUMBER, 3.2e9, "", "3.2bn");
    assert_one("22 thousand", "", KG_VALUE_NUMBER, 22000, "", "22 thousand");
}

static void test_values_number_in_words(void **state)
{
    (void)state;
    assert_one("five soldiers", "", KG_VALUE_NUMBER, 5, "", "five");
    assert_one("Twenty-two schools", "", KG_VALUE_NUMBER, 22, "", "Twenty-two");
    assert_one("twenty two schools", "", KG_VALUE_NUMBER, 22, "", "twenty two");
    assert_one("two hundred and fifty thousand homes", "", KG_VALUE_NUMBER, 250000, "",
               "two hundred and fifty thousand");
    assert_one("a dozen eggs", "", KG_VALUE_NUMBER, 12, "", "a dozen");
    assert_one("a million", "", KG_VALUE_NUMBER, 1e6, "", "a million");
}

/* "a" alone, "and" at the end and two units in a row are no number, or
 * end one */
static void test_values_number_words_stop_where_english_does(void **state)
{
    (void)state;
    assert_none("a meeting", "");
    assert_one("three hundred and a cat", "", KG_VALUE_NUMBER, 300, "", "three hundred");
    kg_value v[MAXV];
    assert_int_equal(find("five six", "", v), 2);
    assert_true(v[0].amount == 5 && v[1].amount == 6);
}

/* A number glued to letters, or joined by a hyphen, slash or colon, is a
 * name, an ordinal, a decade, a range or a time: no value. */
static void test_values_number_glued_to_letters_is_none(void **state)
{
    (void)state;
    const char *none[] = {"the G7 summit",    "F-16 jets",    "COVID-19",      "the 7th fleet",
                          "the 1990s",        "10-15 people", "24/7 coverage", "at 3:30",
                          "a five-year plan", "5G masts",     "someone"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        assert_none(none[i], "2024-01-05");
}

/* "40m" is metres as often as millions: a scale only money takes */
static void test_values_money_suffix_needs_a_currency(void **state)
{
    (void)state;
    assert_none("a 100m sprint", "");
    assert_one("£40m", "", KG_VALUE_MONEY, 4e7, "GBP", "£40m");
    assert_one("40m euros", "", KG_VALUE_MONEY, 4e7, "EUR", "40m euros");
}

static void test_values_no_value_in_plain_words(void **state)
{
    (void)state;
    assert_none("these proposals", "2024-01-05");
    assert_none("the Ministry of Defence", "2024-01-05");
}

/* ---------------------------------------------------------------- percentages */

static void test_values_per_cent_is_percent_sign(void **state)
{
    (void)state;
    const char *same[] = {"5%",         "5 %", "5 per cent",   "5 percent",
                          "5 Per Cent", "5pc", "five percent", "5 percentage points"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        assert_one(same[i], "", KG_VALUE_PERCENT, 5, "", same[i]);
    assert_one("0.25 percentage point", "", KG_VALUE_PERCENT, 0.25, "", "0.25 percentage point");
}

/* ---------------------------------------------------------------- money */

static void test_values_money_symbols_codes_and_words(void **state)
{
    (void)state;
    assert_one("US$12", "", KG_VALUE_MONEY, 12, "USD", "US$12");
    assert_one("€5", "", KG_VALUE_MONEY, 5, "EUR", "€5");
    assert_one("about ¥100", "", KG_VALUE_MONEY, 100, "JPY", "¥100");
    assert_one("HK$3.5 billion", "", KG_VALUE_MONEY, 3.5e9, "HKD", "HK$3.5 billion");
    assert_one("Rs 500", "", KG_VALUE_MONEY, 500, "INR", "Rs 500");
    assert_one("USD 5", "", KG_VALUE_MONEY, 5, "USD", "USD 5");
    assert_one("5 million dollars", "", KG_VALUE_MONEY, 5e6, "USD", "5 million dollars");
    assert_one("ten pounds", "", KG_VALUE_MONEY, 10, "GBP", "ten pounds");
    assert_one("a million US dollars", "", KG_VALUE_MONEY, 1e6, "USD", "a million US dollars");
}

/* "PUS$5": a currency is no tail of a longer word; "$" alone still is one */
static void test_values_currency_prefix_starts_a_word(void **state)
{
    (void)state;
    assert_one("PUS$5", "", KG_VALUE_MONEY, 5, "USD", "$5");
}

/* ---------------------------------------------------------------- dates */

/* 2024-01-05 was a Friday: "Monday" in news is the Monday just past */
static void test_values_weekday_is_latest_on_or_before_document_date(void **state)
{
    (void)state;
    assert_one("on Monday", "2024-01-05", KG_VALUE_DATE, 0, "2024-01-01", "Monday");
    assert_one("on Friday", "2024-01-05", KG_VALUE_DATE, 0, "2024-01-05", "Friday");
    assert_one("on Saturday", "2024-01-05", KG_VALUE_DATE, 0, "2023-12-30", "Saturday");
    assert_one("last Friday", "2024-01-05", KG_VALUE_DATE, 0, "2023-12-29", "last Friday");
    assert_one("next Monday", "2024-01-05", KG_VALUE_DATE, 0, "2024-01-08", "next Monday");
}

static void test_values_weekday_without_document_date_is_none(void **state)
{
    (void)state;
    assert_none("on Monday", "");
    assert_none("on Monday", NULL);
    assert_none("on Monday", "2024-13-01"); /* no date */
    assert_none("yesterday", "");
    assert_none("on monday", "2024-01-05"); /* a weekday is capitalized */
}

static void test_values_relative_days(void **state)
{
    (void)state;
    assert_one("yesterday", "2024-03-01", KG_VALUE_DATE, 0, "2024-02-29", "yesterday");
    assert_one("Today", "2024-03-01", KG_VALUE_DATE, 0, "2024-03-01", "Today");
    assert_one("tomorrow", "2023-12-31", KG_VALUE_DATE, 0, "2024-01-01", "tomorrow");
}

static void test_values_day_month_year_in_any_order(void **state)
{
    (void)state;
    const char *doc = "2024-06-10";
    assert_one("on 5 January 2024", doc, KG_VALUE_DATE, 0, "2024-01-05", "5 January 2024");
    assert_one("January 5, 2024", doc, KG_VALUE_DATE, 0, "2024-01-05", "January 5, 2024");
    assert_one("5th January", doc, KG_VALUE_DATE, 0, "2024-01-05", "5th January");
    assert_one("Jan. 5", doc, KG_VALUE_DATE, 0, "2024-01-05", "Jan. 5");
    assert_one("Sept. 30, 2023", doc, KG_VALUE_DATE, 0, "2023-09-30", "Sept. 30, 2023");
}

static void test_values_month_year_and_iso_date(void **state)
{
    (void)state;
    assert_one("in March 2023", "", KG_VALUE_DATE, 0, "2023-03", "March 2023");
    assert_one("2024-01-05", "", KG_VALUE_DATE, 0, "2024-01-05", "2024-01-05");
    assert_none("2024-02-30", "");
    assert_none("in May", "2024-01-05");
}

/* a bare year is a date after "in", "since", ... or as the whole text, and
 * a number elsewhere */
static void test_values_year_after_preposition_or_alone(void **state)
{
    (void)state;
    assert_one("in 2023", "", KG_VALUE_DATE, 0, "2023", "2023");
    assert_one("since 1990", "", KG_VALUE_DATE, 0, "1990", "1990");
    assert_one(" 2023 ", "", KG_VALUE_DATE, 0, "2023", "2023");
    assert_one("the 2023 budget", "", KG_VALUE_NUMBER, 2023, "", "2023");
    assert_one("in 1850", "", KG_VALUE_NUMBER, 1850, "", "1850");
    assert_one("by 2000 percent", "", KG_VALUE_PERCENT, 2000, "", "2000 percent");
}

/* without a document date a day and month name no year: no value, and no
 * number for the day either */
static void test_values_day_month_without_any_year_is_none(void **state)
{
    (void)state;
    assert_none("5 January", "");
    assert_none("January 5", "");
    assert_one("5 January", "2021-07-01", KG_VALUE_DATE, 0, "2021-01-05", "5 January");
}

/* ---------------------------------------------------------------- robustness */

static void test_values_empty_and_garbage_give_nothing(void **state)
{
    (void)state;
    kg_value v[MAXV];
    assert_int_equal(kg_values_find(vals, "", 0, "2024-01-05", v, MAXV), 0);
    assert_int_equal(kg_values_find(vals, NULL, 0, NULL, NULL, 0), 0);
    const char garbage[] = "\xff\xfe\x80\xc3(\xe2\x82\x00\x01\x7f,.-/:%$\xc2\xa3";
    assert_int_equal(kg_values_find(vals, garbage, sizeof garbage - 1, "2024-01-05", v, MAXV), 0);
    /* every byte value, with digits and letters about */
    char all[1024];
    for (size_t i = 0; i < sizeof all; i++)
        all[i] = (char)(i * 37 % 251);
    size_t n = kg_values_find(vals, all, sizeof all, "2024-01-05", v, MAXV);
    for (size_t i = 0; i < n && i < MAXV; i++)
        assert_true(v[i].start < v[i].end && v[i].end <= sizeof all);
}

/* the text need not end with a NUL, and nothing past len counts: a heap
 * block of exactly len bytes, so ASan sees a read past it */
static void test_values_reads_nothing_past_len(void **state)
{
    (void)state;
    const char *full = "rose 5 per cent";
    size_t len = strlen("rose 5 per");
    char *text = malloc(len);
    assert_non_null(text);
    memcpy(text, full, len);
    kg_value v[MAXV];
    assert_int_equal(kg_values_find(vals, text, len, "", v, MAXV), 1);
    assert_int_equal(v[0].kind, KG_VALUE_NUMBER);
    assert_int_equal(v[0].end, 6);
    for (size_t cut = 0; cut <= len; cut++)
        (void)kg_values_find(vals, text, cut, "2024-01-05", v, MAXV);
    free(text);
}

/* the count is of all values, only max of them written */
static void test_values_counts_past_max(void **state)
{
    (void)state;
    kg_value v[2];
    memset(v, 0, sizeof v);
    assert_int_equal(kg_values_find(vals, "1, 2 and 3", 10, "", v, 1), 3);
    assert_true(v[0].amount == 1);
    assert_true(v[1].amount == 0 && v[1].end == 0);
}

/* long runs of number words and digits are read once: they end as values
 * of at most MAX_NUMBER_WORDS words or a number too long to be one */
static void test_values_long_runs(void **state)
{
    (void)state;
    size_t len = 200000;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < len; i++)
        text[i] = "twenty "[i % 7];
    kg_value *v = malloc(len * sizeof *v);
    assert_non_null(v);
    size_t n = kg_values_find(vals, text, len, "", v, len);
    assert_true(n > 0 && n <= len / 7 + 1);
    memset(text, '9', len);
    assert_int_equal(kg_values_find(vals, text, len, "", v, len), 0);
    free(v);
    free(text);
}

static void test_values_kind_names_round_trip(void **state)
{
    (void)state;
    const char *names[] = {"number", "percent", "money", "date"};
    for (int k = KG_VALUE_NUMBER; k <= KG_VALUE_DATE; k++) {
        kg_value_kind back;
        assert_string_equal(kg_value_kind_name((kg_value_kind)k), names[k]);
        assert_true(kg_value_kind_parse(names[k], &back));
        assert_int_equal(back, k);
    }
    kg_value_kind back;
    assert_false(kg_value_kind_parse("amount", &back));
}

/* ---------------------------------------------------------------- load errors */

/* A data directory with the three lists copied from the real one, then
 * name overwritten with contents. */
static void load_error(const char *name, const char *contents, const char *expected)
{
    char dir[] = "/tmp/kg-values-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *files[] = {"number-words.txt", "date-words.txt", "currency-words.txt"};
    char path[512], cmd[1024];
    for (size_t i = 0; i < 3; i++) {
        snprintf(cmd, sizeof cmd, "cp '%s/%s' '%s/'", KG_DATADIR, files[i], dir);
        assert_int_equal(system(cmd), 0);
    }
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(contents, f);
    fclose(f);
    kg_values *v = NULL;
    kg_error err = {0};
    kg_status st = kg_values_load(dir, &v, &err);
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
    assert_int_equal(st, KG_ERR_INPUT);
    assert_null(v);
    char want[600];
    snprintf(want, sizeof want, "%s/%s:%s", dir, name, expected);
    assert_string_equal(err.message, want);
}

static void test_values_load_errors_name_file_and_line(void **state)
{
    (void)state;
    load_error("number-words.txt", "# header\none\t1\tunits\n", "2: unknown use 'units'");
    load_error("number-words.txt", "one\tone\tunit\n", "1: 'one' is not a number");
    load_error("number-words.txt", "One\t1\tunit\n", "1: 'One': entries are lower case");
    load_error("date-words.txt", "monday\t1\tweekday\nmonday\t1\tweekday\n",
               "2: 'monday' is listed twice");
    load_error("date-words.txt", "smarch\t13\tmonth\n", "1: month 13 is not 1..12");
    load_error("currency-words.txt", "$\tusd\tbefore\n", "1: 'usd' is not an ISO 4217 code");
    load_error("currency-words.txt", "$\tUSD\tahead\n",
               "1: unknown place 'ahead' (before, after, both)");
    load_error("currency-words.txt", "$\tUSD\n", "1: expected 3 TAB-separated columns, found 2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values_percent_then_money_with_offsets),
        cmocka_unit_test(test_values_number_with_thousands_commas),
        cmocka_unit_test(test_values_number_with_scale_word_or_suffix),
        cmocka_unit_test(test_values_number_in_words),
        cmocka_unit_test(test_values_number_words_stop_where_english_does),
        cmocka_unit_test(test_values_number_glued_to_letters_is_none),
        cmocka_unit_test(test_values_money_suffix_needs_a_currency),
        cmocka_unit_test(test_values_no_value_in_plain_words),
        cmocka_unit_test(test_values_per_cent_is_percent_sign),
        cmocka_unit_test(test_values_money_symbols_codes_and_words),
        cmocka_unit_test(test_values_currency_prefix_starts_a_word),
        cmocka_unit_test(test_values_weekday_is_latest_on_or_before_document_date),
        cmocka_unit_test(test_values_weekday_without_document_date_is_none),
        cmocka_unit_test(test_values_relative_days),
        cmocka_unit_test(test_values_day_month_year_in_any_order),
        cmocka_unit_test(test_values_month_year_and_iso_date),
        cmocka_unit_test(test_values_year_after_preposition_or_alone),
        cmocka_unit_test(test_values_day_month_without_any_year_is_none),
        cmocka_unit_test(test_values_empty_and_garbage_give_nothing),
        cmocka_unit_test(test_values_reads_nothing_past_len),
        cmocka_unit_test(test_values_counts_past_max),
        cmocka_unit_test(test_values_long_runs),
        cmocka_unit_test(test_values_kind_names_round_trip),
        cmocka_unit_test(test_values_load_errors_name_file_and_line),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
