/* values.c - numbers, percentages, money and dates in a phrase (values.h):
 * the word lists and the scan.
 *
 * The text is read as tokens: maximal runs of ASCII letters and digits,
 * where '.' and ',' join two digits ("22,000", "3.2") and '-', '/' and ':'
 * join any two ("twenty-two", "2024-01-05", "F-16").  A token is a value
 * as a whole or not at all, which is what keeps "G7" and "COVID-19" out
 * without a rule for each.  At each token a value is tried by looking a
 * few tokens ahead (at most a phrase of words, a day-month-year, a number
 * of up to value_numbers.c's MAX_NUMBER_WORDS words) and one currency symbol behind; a value
 * found is consumed, so the scan is linear in the text.  Every word is one
 * hash probe on a lower-cased copy on the stack.
 *
 * A token that starts with a digit goes to value_numbers.c, which hands the
 * dates that digits start to value_dates.c; one that starts with a letter
 * goes to value_numbers.c if it is a number word, else to value_dates.c.
 */
#include "values.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "paths.h"
#include "text.h"
#include "values_internal.h"

/* ---------------------------------------------------------------- loading */

typedef struct use_name {
    const char *name;
    enum use use;
} use_name;

/* The column names of the files' formats, not a word list. */
static const use_name number_uses[] = {
    {"unit", U_UNIT},   {"tens", U_TENS}, {"scale", U_SCALE},     {"suffix", U_SUFFIX},
    {"money", U_MONEY}, {"and", U_AND},   {"article", U_ARTICLE}, {"percent", U_PERCENT},
};
static const use_name date_uses[] = {
    {"month", U_MONTH},       {"weekday", U_WEEKDAY}, {"day", U_DAY},
    {"weekdays", U_WEEKDAYS}, {"ordinal", U_ORDINAL}, {"year", U_YEAR},
};

typedef struct loader {
    kg_values *v;
    const use_name *uses;
    size_t n_uses;
} loader;

static size_t phrase_words(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static kg_status check_key(const kg_datafile_row *at, const char *key, kg_error *err)
{
    if (strlen(key) >= KEY_MAX)
        return kg_datafile_error(at, err, "'%s' is longer than %d bytes", key, KEY_MAX - 1);
    if (phrase_words(key) > PHRASE_MAX)
        return kg_datafile_error(at, err, "'%s' has more than %d words", key, PHRASE_MAX);
    if (strstr(key, "  "))
        return kg_datafile_error(at, err, "'%s': words are separated by one space", key);
    return KG_OK;
}

static kg_status row_word(void *ctx, const kg_datafile_row *at, char **cols, size_t n,
                          kg_error *err)
{
    (void)n;
    loader *ld = ctx;
    kg_values *v = ld->v;
    const char *key = cols[0];
    for (const char *p = key; *p; p++)
        if (isupper((unsigned char)*p))
            return kg_datafile_error(at, err, "'%s': entries are lower case", key);
    kg_status st = check_key(at, key, err);
    if (st)
        return st;
    word w = {0};
    size_t i = 0;
    while (i < ld->n_uses && strcmp(cols[2], ld->uses[i].name))
        i++;
    if (i == ld->n_uses)
        return kg_datafile_error(at, err, "unknown use '%s'", cols[2]);
    w.use = ld->uses[i].use;
    char *end = NULL;
    w.value = strtod(cols[1], &end);
    if (end == cols[1] || *end)
        return kg_datafile_error(at, err, "'%s' is not a number", cols[1]);
    if (w.use == U_MONTH && (w.value < 1 || w.value > 12 || w.value != (int)w.value))
        return kg_datafile_error(at, err, "month %s is not 1..12", cols[1]);
    if (w.use == U_WEEKDAY && (w.value < 1 || w.value > 7 || w.value != (int)w.value))
        return kg_datafile_error(at, err, "weekday %s is not 1 (Monday)..7 (Sunday)", cols[1]);
    if ((w.use == U_DAY || w.use == U_WEEKDAYS) && w.value != (int)w.value)
        return kg_datafile_error(at, err, "%s is not a whole number of days", cols[1]);
    if (kg_strmap_get(v->words, key, NULL))
        return kg_datafile_error(at, err, "'%s' is listed twice", key);
    size_t idx = v->word_list.len;
    if (!kg_vec_push(&v->word_list, &w) || kg_strmap_put(v->words, key, idx))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", at->path);
    if (phrase_words(key) > v->word_phrase_max)
        v->word_phrase_max = phrase_words(key);
    return KG_OK;
}

static kg_status row_currency(void *ctx, const kg_datafile_row *at, char **cols, size_t n,
                              kg_error *err)
{
    (void)n;
    kg_values *v = ((loader *)ctx)->v;
    const char *key = cols[0];
    kg_status st = check_key(at, key, err);
    if (st)
        return st;
    currency c = {0};
    const char *code = cols[1];
    if (strlen(code) != 3 || !isupper((unsigned char)code[0]) || !isupper((unsigned char)code[1]) ||
        !isupper((unsigned char)code[2]))
        return kg_datafile_error(at, err, "'%s' is not an ISO 4217 code", code);
    memcpy(c.code, code, 4);
    if (!strcmp(cols[2], "before"))
        c.place = P_BEFORE;
    else if (!strcmp(cols[2], "after"))
        c.place = P_AFTER;
    else if (!strcmp(cols[2], "both"))
        c.place = P_BEFORE | P_AFTER;
    else
        return kg_datafile_error(at, err, "unknown place '%s' (before, after, both)", cols[2]);
    if (kg_strmap_get(v->currencies, key, NULL))
        return kg_datafile_error(at, err, "'%s' is listed twice", key);
    size_t idx = v->currency_list.len;
    if (!kg_vec_push(&v->currency_list, &c) || kg_strmap_put(v->currencies, key, idx))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", at->path);
    if ((c.place & P_BEFORE) && strlen(key) > v->before_max)
        v->before_max = strlen(key);
    if ((c.place & P_AFTER) && phrase_words(key) > v->currency_phrase_max)
        v->currency_phrase_max = phrase_words(key);
    return KG_OK;
}

kg_status kg_values_load(const char *data_dir, kg_values **out, kg_error *err)
{
    *out = NULL;
    char found[KG_PATHS_MAX];
    if (!data_dir) {
        kg_status fst = kg_paths_data_dir(found, sizeof found, err);
        if (fst != KG_OK)
            return fst;
        data_dir = found;
    }
    kg_values *v = calloc(1, sizeof *v);
    if (!v)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_vec_init(&v->word_list, sizeof(word));
    kg_vec_init(&v->currency_list, sizeof(currency));
    v->words = kg_strmap_new();
    v->currencies = kg_strmap_new();
    if (!v->words || !v->currencies) {
        kg_values_free(v);
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    loader numbers = {v, number_uses, sizeof number_uses / sizeof *number_uses};
    loader dates = {v, date_uses, sizeof date_uses / sizeof *date_uses};
    kg_status st = kg_datafile_rows(data_dir, "number-words.txt", 3, 3, row_word, &numbers, err);
    if (!st)
        st = kg_datafile_rows(data_dir, "date-words.txt", 3, 3, row_word, &dates, err);
    if (!st)
        st = kg_datafile_rows(data_dir, "currency-words.txt", 3, 3, row_currency, &numbers, err);
    if (st) {
        kg_values_free(v);
        return st;
    }
    *out = v;
    return KG_OK;
}

void kg_values_free(kg_values *v)
{
    if (!v)
        return;
    kg_strmap_free(v->words);
    kg_strmap_free(v->currencies);
    kg_vec_free(&v->word_list);
    kg_vec_free(&v->currency_list);
    free(v);
}

const char *kg_value_kind_name(kg_value_kind k)
{
    switch (k) {
    case KG_VALUE_NUMBER:
        return "number";
    case KG_VALUE_PERCENT:
        return "percent";
    case KG_VALUE_MONEY:
        return "money";
    case KG_VALUE_DATE:
        return "date";
    }
    return "unknown";
}

bool kg_value_kind_parse(const char *s, kg_value_kind *out)
{
    for (int k = KG_VALUE_NUMBER; k <= KG_VALUE_DATE; k++) {
        if (!strcmp(s, kg_value_kind_name((kg_value_kind)k))) {
            *out = (kg_value_kind)k;
            return true;
        }
    }
    return false;
}

/* ---------------------------------------------------------------- the scan */

static bool joins(char before, char c, char after)
{
    if (c == '.' || c == ',')
        return is_digit(before) && is_digit(after);
    if (c == '-' || c == '/' || c == ':')
        return is_alnum(before) && is_alnum(after);
    return false;
}

/* The end of the token that starts at i (an ASCII letter or digit). */
static size_t token_end(const scan *s, size_t i)
{
    for (i++; i < s->len; i++)
        if (!is_alnum(s->t[i]) && !(i + 1 < s->len && joins(s->t[i - 1], s->t[i], s->t[i + 1])))
            break;
    return i;
}

bool kg_values_next_token(const scan *s, size_t p, size_t *a, size_t *b)
{
    size_t w = p < s->len ? kg_text_space_len(s->t, p, s->len) : 0;
    if (!w || p + w >= s->len || !is_alnum(s->t[p + w]))
        return false;
    *a = p + w;
    *b = token_end(s, *a);
    return true;
}

const word *kg_values_word_key(const scan *s, const char *key, size_t n)
{
    size_t idx;
    return kg_strmap_getn(s->v->words, key, n, &idx) ? kg_vec_at(&s->v->word_list, idx) : NULL;
}

const word *kg_values_word_at(const scan *s, size_t a, size_t b)
{
    char key[KEY_MAX];
    if (b - a >= sizeof key)
        return NULL;
    for (size_t i = a; i < b; i++)
        key[i - a] = (char)tolower((unsigned char)s->t[i]);
    return kg_values_word_key(s, key, b - a);
}

const word *kg_values_word_or_abbreviation(const scan *s, size_t a, size_t b, size_t *end)
{
    char key[KEY_MAX];
    if (b - a + 1 >= sizeof key)
        return NULL;
    for (size_t i = a; i < b; i++)
        key[i - a] = (char)tolower((unsigned char)s->t[i]);
    const word *w = NULL;
    if (b < s->len && s->t[b] == '.') {
        key[b - a] = '.';
        if ((w = kg_values_word_key(s, key, b - a + 1))) {
            *end = b + 1;
            return w;
        }
    }
    *end = b;
    return kg_values_word_key(s, key, b - a);
}

void kg_values_emit(scan *s, kg_value_kind kind, double amount, const char *currency,
                    const char *date, size_t start, size_t end)
{
    if (s->n < s->max) {
        kg_value *o = &s->out[s->n];
        memset(o, 0, sizeof *o);
        o->kind = kind;
        o->amount = amount;
        if (currency)
            memcpy(o->currency, currency, 4);
        if (date)
            memcpy(o->date, date, sizeof o->date);
        o->start = start;
        o->end = end;
    }
    s->n++;
    s->floor = end;
}

/* A value starting with the letter token [a, b). */
static size_t word_value(scan *s, size_t a, size_t b)
{
    size_t e = a, end;
    while (e < b && s->t[e] != '-')
        e++;
    const word *w = kg_values_word_or_abbreviation(s, a, e, &end);
    if (!w)
        return 0;
    if (w->use == U_UNIT || w->use == U_TENS || w->use == U_ARTICLE)
        return kg_value_numbers_words(s, a, b);
    if (e < b)
        return 0; /* "Monday-Friday" */
    return kg_value_dates_word(s, w, a, b, end);
}

size_t kg_values_find(const kg_values *v, const char *text, size_t len, const char *doc_date,
                      kg_value *out, size_t max)
{
    scan s = {.v = v, .t = text, .len = len, .out = out, .max = out ? max : 0};
    kg_value_dates_set_doc(&s, doc_date);
    for (size_t i = 0; i < len;) {
        if (!is_alnum(text[i])) {
            i++;
            continue;
        }
        size_t e = token_end(&s, i);
        size_t next = is_digit(text[i]) ? kg_value_numbers_digits(&s, i, e) : word_value(&s, i, e);
        i = next > e ? next : e;
    }
    return s.n;
}
