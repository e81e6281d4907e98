/* fuzz_values.c - libFuzzer target: kg_values_find, the normalizer that makes
 * the values of claims comparable ("5 per cent" is 5%, "on Monday" a date).
 *
 * The three word lists are loaded once (LLVMFuzzerInitialize).  The first
 * byte of an input picks the story's date (none, empty, or one of a few days
 * at the calendar's edges, so that weekday arithmetic crosses months, years
 * and leap days); the rest is the text, in a heap copy of exactly its size
 * and without a terminating NUL, so that AddressSanitizer sees a read past
 * the end.
 *
 * Checked promises (abort() on a broken one): values lie in the text, in
 * order and disjoint; each has a known kind; a date is "YYYY", "YYYY-MM" or a
 * real calendar day (kg_date_check); a currency is empty or three capital
 * letters; an amount is a finite number (JSON has no infinity); asking with
 * less room gives the same count and the same first values. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/base.h"
#include "values.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_VALUES = 512 };

static kg_values *values;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_error err = {0};
    if (kg_values_load(NULL, &values, &err) != KG_OK) {
        fprintf(stderr, "fuzz_values: %s\n", err.message);
        abort();
    }
    return 0;
}

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool date_ok(const char *d)
{
    size_t n = strnlen(d, 11);
    if (n == 4)
        return digits(d, 4);
    if (n == 7) {
        int month = atoi(d + 5);
        return digits(d, 4) && d[4] == '-' && digits(d + 5, 2) && month >= 1 && month <= 12;
    }
    return n == 10 && kg_date_check(d);
}

static void check_value(const kg_value *v, size_t len, size_t prev_end)
{
    if (v->start < prev_end || v->end <= v->start || v->end > len)
        abort();
    switch (v->kind) {
    case KG_VALUE_DATE:
        if (!date_ok(v->date))
            abort();
        break;
    case KG_VALUE_MONEY: {
        size_t n = strnlen(v->currency, sizeof v->currency);
        if (n == sizeof v->currency)
            abort();
        for (size_t i = 0; i < n; i++)
            if (v->currency[i] < 'A' || v->currency[i] > 'Z')
                abort();
        if (n != 0 && n != 3)
            abort();
    }
        /* fall through */
    case KG_VALUE_NUMBER:
    case KG_VALUE_PERCENT:
        if (!isfinite(v->amount))
            abort();
        break;
    default:
        abort();
    }
}

/* Field by field: padding bytes of a copied struct need not match. */
static bool same_value(const kg_value *a, const kg_value *b)
{
    return a->kind == b->kind && a->start == b->start && a->end == b->end &&
           (a->amount == b->amount || (isnan(a->amount) && isnan(b->amount))) &&
           strncmp(a->currency, b->currency, sizeof a->currency) == 0 &&
           strncmp(a->date, b->date, sizeof a->date) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const dates[] = {NULL,         "",           "2024-01-05", "2024-03-01",
                                        "2023-01-01", "2000-02-29", "1900-01-01", "2100-12-31"};
    if (size == 0)
        return 0;
    const char *date = dates[data[0] % (sizeof dates / sizeof dates[0])];
    size_t len = size - 1;
    char *text = malloc(len ? len : 1);
    if (!text)
        return 0;
    memcpy(text, data + 1, len);

    kg_value all[MAX_VALUES], few[4];
    size_t n = kg_values_find(values, text, len, date, all, MAX_VALUES);
    size_t shown = n < MAX_VALUES ? n : MAX_VALUES;
    size_t prev_end = 0;
    for (size_t i = 0; i < shown; i++) {
        check_value(&all[i], len, prev_end);
        prev_end = all[i].end;
    }
    size_t m = kg_values_find(values, text, len, date, few, 4);
    if (m != n)
        abort();
    for (size_t i = 0; i < m && i < 4; i++)
        if (!same_value(&few[i], &all[i]))
            abort();
    free(text);
    return 0;
}
