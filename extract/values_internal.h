/* values_internal.h - what the value finder's files share: values.c loads
 * the word lists and scans the text token by token, handing each to
 * value_numbers.c (numbers, percentages, money) or value_dates.c (dates).
 * Nothing else includes it: the finder's contract is values.h. */
#ifndef KG_VALUES_INTERNAL_H
#define KG_VALUES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "strmap.h"
#include "values.h"

/* A word or phrase longer than this is in no list. */
#define KEY_MAX 64
/* Most words in one phrase of the lists ("percentage points": 2). */
#define PHRASE_MAX 4

enum use {
    /* data/number-words.txt */
    U_UNIT,
    U_TENS,
    U_SCALE,
    U_SUFFIX,
    U_MONEY,
    U_AND,
    U_ARTICLE,
    U_PERCENT,
    /* data/date-words.txt */
    U_MONTH,
    U_WEEKDAY,
    U_DAY,
    U_WEEKDAYS,
    U_ORDINAL,
    U_YEAR
};

enum place { P_BEFORE = 1, P_AFTER = 2 };

typedef struct word {
    enum use use;
    double value;
} word;

typedef struct currency {
    char code[4];
    unsigned place;
} currency;

struct kg_values {
    kg_strmap *words; /* lower-case word or phrase -> index into word_list */
    kg_vec word_list; /* word */
    size_t word_phrase_max;
    kg_strmap *currencies; /* symbol or code as written, word in lower case -> index */
    kg_vec currency_list;  /* currency */
    size_t currency_phrase_max;
    size_t before_max; /* bytes of the longest text written before an amount */
};

/* One call of kg_values_find. */
typedef struct scan {
    const kg_values *v;
    const char *t;
    size_t len;
    bool dated; /* the document's date is known */
    long doc_y, doc_days;
    kg_value *out;
    size_t max, n;
    size_t floor; /* end of the last value: no later value reaches back before it */
} scan;

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

static inline bool capitalized(const scan *s, size_t a)
{
    return s->t[a] >= 'A' && s->t[a] <= 'Z';
}

/* values.c: the tokens and the lists */
/* The token after one whitespace character at p: [*a, *b). */
bool kg_values_next_token(const scan *s, size_t p, size_t *a, size_t *b);
/* The list entry of key[0, n) (lower case), or NULL. */
const word *kg_values_word_key(const scan *s, const char *key, size_t n);
/* The list entry of text[a, b) in lower case, or NULL. */
const word *kg_values_word_at(const scan *s, size_t a, size_t b);
/* As kg_values_word_at, but "Jan." before "Jan": *end is past the period
 * if it counted. */
const word *kg_values_word_or_abbreviation(const scan *s, size_t a, size_t b, size_t *end);
/* One value found over [start, end): currency and date NULL unless money
 * or a date; later values start at end or after. */
void kg_values_emit(scan *s, kg_value_kind kind, double amount, const char *currency,
                    const char *date, size_t start, size_t end);

/* value_numbers.c */
typedef struct number {
    uint64_t mant; /* the digits without separators */
    int dec;       /* of them after the point */
    bool plain;    /* digits only: no comma, no point */
    size_t digits; /* how many */
    size_t rest;   /* start of the letters glued after the digits (b if none) */
} number;

/* text[a, b) as digits with optional thousands commas and decimals, and
 * nothing but letters after them. */
bool kg_value_numbers_parse(const scan *s, size_t a, size_t b, number *n);
/* After a number ending at p: "%", "per cent", "dollars", "USD"?  Sets
 * *kind (and *code for money) and returns the end, or 0. */
size_t kg_value_numbers_unit_after(const scan *s, size_t p, kg_value_kind *kind, const char **code);
/* The value the digit token [a, b) starts, an amount or a date: its end,
 * or 0. */
size_t kg_value_numbers_digits(scan *s, size_t a, size_t b);
/* The number in words from the token [a, b) on ("five", "two hundred and
 * fifty"): its end, or 0. */
size_t kg_value_numbers_words(scan *s, size_t a, size_t b);

/* value_dates.c: the finders return the end of the date found, or 0 */
/* The document's date, when doc_date is a valid "YYYY-MM-DD". */
void kg_value_dates_set_doc(scan *s, const char *doc_date);
/* "2024-01-05" as the token [a, b). */
size_t kg_value_dates_iso(scan *s, size_t a, size_t b);
/* A date the digit token [a, b) starts when no currency comes before it:
 * "5 January 2024", "5th January", a year that is all the text.  True when
 * the token is settled here, with *end the date's end, or 0 for a day with
 * letters glued on (glued: "5th") that starts no date and is no number. */
bool kg_value_dates_digits(scan *s, size_t a, size_t b, bool glued, size_t *end);
/* A date from the token [a, b), word w of the date list: a month, a
 * weekday, "last", "yesterday", "in" before a year.  end: past w's
 * abbreviation's period, if any. */
size_t kg_value_dates_word(scan *s, const word *w, size_t a, size_t b, size_t end);

#endif
