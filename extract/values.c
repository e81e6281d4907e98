/* values.c - numbers, percentages, money and dates in a phrase (values.h).
 *
 * The text is read as tokens: maximal runs of ASCII letters and digits,
 * where '.' and ',' join two digits ("22,000", "3.2") and '-', '/' and ':'
 * join any two ("twenty-two", "2024-01-05", "F-16").  A token is a value
 * as a whole or not at all, which is what keeps "G7" and "COVID-19" out
 * without a rule for each.  At each token a value is tried by looking a
 * few tokens ahead (at most a phrase of words, a day-month-year, a number
 * of up to MAX_NUMBER_WORDS words) and one currency symbol behind; a value
 * found is consumed, so the scan is linear in the text.  Every word is one
 * hash probe on a lower-cased copy on the stack.
 */
#include "values.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "paths.h"
#include "strmap.h"
#include "text.h"

/* A word or phrase longer than this is in no list. */
#define KEY_MAX 64
/* Most words in one phrase of the lists ("percentage points": 2). */
#define PHRASE_MAX 4
/* Most tokens of a number in words ("two hundred and fifty thousand"). */
#define MAX_NUMBER_WORDS 16
/* More significant digits than a double holds exactly are no amount kg
 * can compare. */
#define MAX_DIGITS 18

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

/* ---------------------------------------------------------------- calendar */

/* Days since 1970-01-01 of a date of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* 1 Monday .. 7 Sunday; day 0 was a Thursday. */
static long iso_weekday(long days)
{
    return ((days % 7) + 7 + 3) % 7 + 1;
}

static void put_digits(char *out, long v, int n)
{
    for (int i = n - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (m or d 0: left out); false when the
 * year has not four digits or the day is not in the calendar. */
static bool format_date(char out[11], long y, long m, long d)
{
    if (y < 1 || y > 9999)
        return false;
    memset(out, 0, 11);
    put_digits(out, y, 4);
    if (m) {
        out[4] = '-';
        put_digits(out + 5, m, 2);
    }
    if (d) {
        out[7] = '-';
        put_digits(out + 8, d, 2);
        return kg_date_check(out);
    }
    return true;
}

/* ---------------------------------------------------------------- the scan */

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

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
    return is_digit(c) || is_alpha(c);
}

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

/* The token after one whitespace character at p: [*a, *b). */
static bool next_token(const scan *s, size_t p, size_t *a, size_t *b)
{
    size_t w = p < s->len ? kg_text_space_len(s->t, p, s->len) : 0;
    if (!w || p + w >= s->len || !is_alnum(s->t[p + w]))
        return false;
    *a = p + w;
    *b = token_end(s, *a);
    return true;
}

static bool all_alpha(const scan *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!is_alpha(s->t[i]))
            return false;
    return true;
}

static const word *word_key(const scan *s, const char *key, size_t n)
{
    size_t idx;
    return kg_strmap_getn(s->v->words, key, n, &idx) ? kg_vec_at(&s->v->word_list, idx) : NULL;
}

/* The list entry of text[a, b) in lower case, or NULL. */
static const word *word_at(const scan *s, size_t a, size_t b)
{
    char key[KEY_MAX];
    if (b - a >= sizeof key)
        return NULL;
    for (size_t i = a; i < b; i++)
        key[i - a] = (char)tolower((unsigned char)s->t[i]);
    return word_key(s, key, b - a);
}

/* As word_at, but "Jan." before "Jan": *end is past the period if it counted. */
static const word *word_or_abbreviation(const scan *s, size_t a, size_t b, size_t *end)
{
    char key[KEY_MAX];
    if (b - a + 1 >= sizeof key)
        return NULL;
    for (size_t i = a; i < b; i++)
        key[i - a] = (char)tolower((unsigned char)s->t[i]);
    const word *w = NULL;
    if (b < s->len && s->t[b] == '.') {
        key[b - a] = '.';
        if ((w = word_key(s, key, b - a + 1))) {
            *end = b + 1;
            return w;
        }
    }
    *end = b;
    return word_key(s, key, b - a);
}

static bool capitalized(const scan *s, size_t a)
{
    return s->t[a] >= 'A' && s->t[a] <= 'Z';
}

static void emit(scan *s, kg_value_kind kind, double amount, const char *currency, const char *date,
                 size_t start, size_t end)
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

static void emit_date(scan *s, const char date[11], size_t start, size_t end)
{
    emit(s, KG_VALUE_DATE, 0, NULL, date, start, end);
}

/* A day some days from the document's date, when it is known. */
static void emit_doc_day(scan *s, long offset, size_t start, size_t end)
{
    long y, m, d;
    char date[11];
    civil_from_days(s->doc_days + offset, &y, &m, &d);
    if (s->dated && format_date(date, y, m, d))
        emit_date(s, date, start, end);
}

/* ---------------------------------------------------------------- numbers */

typedef struct number {
    uint64_t mant; /* the digits without separators */
    int dec;       /* of them after the point */
    bool plain;    /* digits only: no comma, no point */
    size_t digits; /* how many */
    size_t rest;   /* start of the letters glued after the digits (b if none) */
} number;

/* text[a, b) as digits with optional thousands commas and decimals, and
 * nothing but letters after them. */
static bool parse_number(const scan *s, size_t a, size_t b, number *n)
{
    memset(n, 0, sizeof *n);
    size_t group = 0, i = a;
    bool comma = false, point = false;
    for (; i < b; i++) {
        char c = s->t[i];
        if (is_digit(c)) {
            if (++n->digits > MAX_DIGITS)
                return false;
            n->mant = n->mant * 10 + (uint64_t)(c - '0');
            if (point)
                n->dec++;
            else
                group++;
        } else if (c == ',' && !point) {
            /* "22,000": a first group of 1-3 digits, then groups of 3 */
            if (comma ? group != 3 : group > 3)
                return false;
            comma = true;
            group = 0;
        } else if (c == '.' && !point) {
            if (comma && group != 3)
                return false;
            point = true;
        } else {
            break;
        }
    }
    if (comma && !point && group != 3)
        return false;
    n->plain = !comma && !point;
    n->rest = i;
    return all_alpha(s, i, b);
}

static double amount_of(const number *n, double scale)
{
    static const double pow10[MAX_DIGITS + 1] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                                 1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                                 1e14, 1e15, 1e16, 1e17, 1e18};
    /* one rounding: 32 * 1e9 / 10 is exactly the double nearest 3.2e9 */
    return (double)n->mant * scale / pow10[n->dec];
}

/* A plain number of 4 digits: a year's. */
static bool year_token(const scan *s, size_t a, size_t b, long *year)
{
    number n;
    if (b - a != 4 || !parse_number(s, a, b, &n) || !n.plain || n.rest != b)
        return false;
    *year = (long)n.mant;
    return true;
}

/* A day of the month: 1..31, plain or with an ordinal suffix ("5th"). */
static bool day_token(const scan *s, size_t a, size_t b, long *day)
{
    number n;
    if (!parse_number(s, a, b, &n) || !n.plain || n.digits > 2 || n.mant < 1 || n.mant > 31)
        return false;
    if (n.rest < b) {
        const word *w = word_at(s, n.rest, b);
        if (!w || w->use != U_ORDINAL)
            return false;
    }
    *day = (long)n.mant;
    return true;
}

/* Emits the date of day, month and year (0: the document's year, when
 * known) over [start, end); returns end, or 0 when the day is not in the
 * calendar. */
static size_t day_month_year(scan *s, long d, long m, long y, size_t start, size_t end)
{
    char date[11];
    if (!y) {
        if (!s->dated)
            return end; /* a date, but of no known year: no value */
        y = s->doc_y;
    }
    if (!format_date(date, y, m, d))
        return 0;
    emit_date(s, date, start, end);
    return end;
}

/* "March 2023", "January 5", "Jan. 5, 2024", "January 5th 2024" from the
 * month word [a, b). */
static size_t month_first(scan *s, size_t a, size_t b, long month)
{
    size_t c, e;
    long year = 0, day = 0;
    if (!next_token(s, b, &c, &e))
        return 0;
    if (year_token(s, c, e, &year)) {
        char date[11];
        if (!format_date(date, year, month, 0))
            return 0;
        emit_date(s, date, a, e);
        return e;
    }
    if (!day_token(s, c, e, &day))
        return 0;
    size_t end = e, p = e, f, g;
    if (p < s->len && s->t[p] == ',')
        p++;
    if (next_token(s, p, &f, &g) && year_token(s, f, g, &year))
        end = g;
    else
        year = 0;
    return day_month_year(s, day, month, year, a, end);
}

/* "5 January 2024", "5th January" from the day's token [a, b). */
static size_t day_first(scan *s, size_t a, size_t b, long day)
{
    size_t c, e, end, f, g;
    if (!next_token(s, b, &c, &e) || !capitalized(s, c))
        return 0;
    const word *w = word_or_abbreviation(s, c, e, &end);
    if (!w || w->use != U_MONTH)
        return 0;
    long year = 0;
    if (next_token(s, end, &f, &g) && year_token(s, f, g, &year))
        end = g;
    else
        year = 0;
    return day_month_year(s, day, (long)w->value, year, a, end);
}

/* A currency written before the amount at p ("$5", "US$12", "Rs 500"):
 * the longest that ends at p or one whitespace before it, starts no
 * earlier than s->floor and is no tail of a longer word ("PUS$"). */
static const currency *currency_before(const scan *s, size_t p, size_t *start)
{
    for (int gap = 0; gap <= 1; gap++) {
        size_t e = p;
        if (gap) {
            size_t w = kg_text_space_len_before(s->t, s->floor, p);
            if (!w)
                break;
            e = p - w;
        }
        size_t most = s->v->before_max < e - s->floor ? s->v->before_max : e - s->floor;
        for (size_t l = most; l >= 1; l--) {
            size_t a = e - l, idx;
            if (!kg_strmap_getn(s->v->currencies, s->t + a, l, &idx))
                continue;
            const currency *c = kg_vec_at(&s->v->currency_list, idx);
            if (!(c->place & P_BEFORE) || (a > 0 && is_alnum(s->t[a]) && is_alnum(s->t[a - 1])))
                continue;
            if (!gap && is_alnum(s->t[e - 1]))
                continue; /* "USD5" is one token, and no amount */
            *start = a;
            return c;
        }
    }
    return NULL;
}

/* Up to PHRASE_MAX words after one whitespace at p, in lower case and as
 * written, separated by single spaces. */
typedef struct phrase {
    size_t n;
    size_t end[PHRASE_MAX]; /* text offset after word k */
    size_t len[PHRASE_MAX]; /* key bytes up to word k */
    char lower[KEY_MAX], exact[KEY_MAX];
} phrase;

static void read_phrase(const scan *s, size_t p, size_t want, phrase *ph)
{
    ph->n = 0;
    size_t k = 0, a, b;
    while (ph->n < want && next_token(s, p, &a, &b) && all_alpha(s, a, b)) {
        if (k + (ph->n > 0) + (b - a) >= KEY_MAX)
            break;
        if (ph->n) {
            ph->lower[k] = ph->exact[k] = ' ';
            k++;
        }
        for (size_t i = a; i < b; i++, k++) {
            ph->exact[k] = s->t[i];
            ph->lower[k] = (char)tolower((unsigned char)s->t[i]);
        }
        ph->end[ph->n] = b;
        ph->len[ph->n++] = k;
        p = b;
    }
}

/* After a number ending at p: "%", "per cent", "dollars", "USD"?  Sets
 * *kind (and *code for money) and returns the end, or 0. */
static size_t unit_after(const scan *s, size_t p, kg_value_kind *kind, const char **code)
{
    size_t q = p + (p < s->len ? kg_text_space_len(s->t, p, s->len) : 0);
    if (q < s->len && s->t[q] == '%') {
        *kind = KG_VALUE_PERCENT;
        return q + 1;
    }
    size_t want = s->v->word_phrase_max > s->v->currency_phrase_max ? s->v->word_phrase_max
                                                                    : s->v->currency_phrase_max;
    phrase ph;
    read_phrase(s, p, want < PHRASE_MAX ? want : PHRASE_MAX, &ph);
    for (size_t k = ph.n; k-- > 0;) {
        const word *w = word_key(s, ph.lower, ph.len[k]);
        if (w && w->use == U_PERCENT) {
            *kind = KG_VALUE_PERCENT;
            return ph.end[k];
        }
        size_t idx;
        if (kg_strmap_getn(s->v->currencies, ph.exact, ph.len[k], &idx) ||
            kg_strmap_getn(s->v->currencies, ph.lower, ph.len[k], &idx)) {
            const currency *c = kg_vec_at(&s->v->currency_list, idx);
            if (c->place & P_AFTER) {
                *kind = KG_VALUE_MONEY;
                *code = c->code;
                return ph.end[k];
            }
        }
    }
    return 0;
}

/* A number [start, end) of amount: a percentage or money if a unit follows
 * (or, money, a currency came before it).  need_money: the amount had a
 * scale only money takes ("40m"). */
static size_t emit_amount(scan *s, double amount, const currency *before, size_t start, size_t end,
                          bool need_money)
{
    kg_value_kind kind = KG_VALUE_NUMBER;
    const char *code = NULL;
    if (before) {
        kind = KG_VALUE_MONEY;
        code = before->code;
    } else {
        size_t e = unit_after(s, end, &kind, &code);
        end = e ? e : end;
    }
    if (need_money && kind != KG_VALUE_MONEY)
        return 0;
    emit(s, kind, amount, code, NULL, start, end);
    return end;
}

/* A value starting with the digit token [a, b). */
static size_t number_value(scan *s, size_t a, size_t b)
{
    if (b - a == 10 && s->t[a + 4] == '-' && kg_date_check(s->t + a)) {
        char date[11];
        memcpy(date, s->t + a, 10);
        date[10] = '\0';
        emit_date(s, date, a, b);
        return b;
    }
    number n;
    if (!parse_number(s, a, b, &n))
        return 0;
    size_t start = a;
    const currency *before = currency_before(s, a, &start);
    long day;
    if (!before && day_token(s, a, b, &day)) {
        size_t e = day_first(s, a, b, day);
        if (e || n.rest < b)
            return e; /* "5th" alone is no number */
    }
    long year;
    if (!before && year_token(s, a, b, &year) && year >= 1900 && year <= 2100 &&
        kg_text_skip_space(s->t, 0, a) == a && kg_text_skip_space(s->t, b, s->len) == s->len) {
        /* the whole text: an argument after a preposition the relation took
         * ("fled since | 2023") */
        char date[11];
        format_date(date, year, 0, 0);
        emit_date(s, date, a, b);
        return b;
    }
    double scale = 1;
    bool need_money = false, percent = false;
    size_t end = b;
    if (n.rest < b) {
        const word *w = word_at(s, n.rest, b);
        if (!w || (w->use != U_SUFFIX && w->use != U_MONEY && w->use != U_PERCENT))
            return 0;
        percent = w->use == U_PERCENT;
        scale = percent ? 1 : w->value;
        need_money = w->use == U_MONEY;
    } else {
        size_t c, e;
        const word *w = next_token(s, b, &c, &e) ? word_at(s, c, e) : NULL;
        if (w && w->use == U_SCALE) {
            scale = w->value;
            end = e;
        }
    }
    if (percent && !before) {
        emit(s, KG_VALUE_PERCENT, amount_of(&n, 1), NULL, NULL, a, b);
        return b;
    }
    return emit_amount(s, amount_of(&n, scale), before, start, end, need_money);
}

/* ---------------------------------------------------------------- numbers in words */

enum part { PART_START, PART_UNIT, PART_TENS, PART_SCALE, PART_ARTICLE, PART_AND };

typedef struct words_number {
    double total, cur; /* cur: the group below the last scale of a thousand or more */
    double last_scale;
    enum part prev;
} words_number;

/* Adds one number word to n; false if English does not say it there. */
static bool add_part(words_number *n, const word *w)
{
    switch (w->use) {
    case U_UNIT:
        if (n->prev == PART_UNIT || n->prev == PART_ARTICLE ||
            (n->prev == PART_TENS && w->value >= 10))
            return false;
        n->cur += w->value;
        n->prev = PART_UNIT;
        return true;
    case U_TENS:
        if (n->prev != PART_START && n->prev != PART_SCALE && n->prev != PART_AND)
            return false;
        n->cur += w->value;
        n->prev = PART_TENS;
        return true;
    case U_SCALE:
        if (n->prev == PART_START || n->prev == PART_AND ||
            (n->prev == PART_SCALE && w->value <= n->last_scale))
            return false;
        if (w->value < 1000) {
            n->cur *= w->value; /* "five hundred", "two dozen" */
        } else {
            n->total += n->cur * w->value;
            n->cur = 0;
        }
        n->last_scale = w->value;
        n->prev = PART_SCALE;
        return true;
    case U_ARTICLE:
        if (n->prev != PART_START)
            return false;
        n->cur = 1;
        n->prev = PART_ARTICLE;
        return true;
    case U_AND:
        if (n->prev != PART_SCALE)
            return false;
        n->prev = PART_AND;
        return true;
    default:
        return false;
    }
}

/* Adds the parts of one token ("twenty-two": a hyphen only inside a
 * number below a hundred). */
static bool add_token(const scan *s, size_t a, size_t b, words_number *n)
{
    for (size_t p = a; p < b;) {
        size_t e = p;
        while (e < b && s->t[e] != '-')
            e++;
        const word *w = word_at(s, p, e);
        if (!w || (p > a && (n->prev != PART_TENS || w->use != U_UNIT)) ||
            (e < b && w->use != U_TENS) || !add_part(n, w))
            return false;
        p = e + 1;
    }
    return true;
}

/* "five", "twenty-two", "two hundred and fifty thousand", "a dozen". */
static size_t words_value(scan *s, size_t a, size_t b)
{
    words_number n = {0, 0, 0, PART_START}, done = n;
    size_t end = 0, p = a, q = b;
    for (int k = 0; k < MAX_NUMBER_WORDS; k++) {
        if (!add_token(s, p, q, &n))
            break;
        if (n.prev != PART_ARTICLE && n.prev != PART_AND) {
            done = n;
            end = q;
        }
        if (!next_token(s, q, &p, &q))
            break;
    }
    if (!end)
        return 0;
    return emit_amount(s, done.total + done.cur, NULL, a, end, false);
}

/* ---------------------------------------------------------------- words */

/* A bare year after "in", "since", ... ("in 2023"), unless a unit or a
 * scale makes it an amount ("by 2000 percent"). */
static size_t year_after(scan *s, size_t b)
{
    size_t c, e, f, g;
    long year;
    if (!next_token(s, b, &c, &e) || !year_token(s, c, e, &year) || year < 1900 || year > 2100)
        return 0;
    kg_value_kind kind;
    const char *code = NULL;
    const word *w = next_token(s, e, &f, &g) ? word_at(s, f, g) : NULL;
    if ((w && w->use == U_SCALE) || unit_after(s, e, &kind, &code))
        return 0;
    char date[11];
    format_date(date, year, 0, 0);
    emit_date(s, date, c, e);
    return e;
}

/* Days from the document's date to the weekday wd (1 Monday): with
 * qualifier 0 (bare) the latest on or before the document's date, -1
 * ("last") the latest before it, 1 ("next") the first after it. */
static long weekday_offset(const scan *s, long wd, int qualifier)
{
    long back = (iso_weekday(s->doc_days) - wd + 7) % 7;
    if (qualifier > 0) {
        long ahead = (wd - iso_weekday(s->doc_days) + 7) % 7;
        return ahead ? ahead : 7;
    }
    if (qualifier < 0 && back == 0)
        return -7;
    return -back;
}

/* A value starting with the letter token [a, b). */
static size_t word_value(scan *s, size_t a, size_t b)
{
    size_t e = a, end;
    while (e < b && s->t[e] != '-')
        e++;
    const word *w = word_or_abbreviation(s, a, e, &end);
    if (!w)
        return 0;
    if (w->use == U_UNIT || w->use == U_TENS || w->use == U_ARTICLE)
        return words_value(s, a, b);
    if (e < b)
        return 0; /* "Monday-Friday" */
    size_t c, d;
    switch (w->use) {
    case U_MONTH:
        return capitalized(s, a) ? month_first(s, a, end, (long)w->value) : 0;
    case U_WEEKDAY:
        if (!capitalized(s, a) || !s->dated)
            return 0;
        emit_doc_day(s, weekday_offset(s, (long)w->value, 0), a, b);
        return b;
    case U_WEEKDAYS: {
        if (!s->dated || !next_token(s, b, &c, &d) || !capitalized(s, c))
            return 0;
        const word *day = word_at(s, c, d);
        if (!day || day->use != U_WEEKDAY)
            return 0;
        emit_doc_day(s, weekday_offset(s, (long)day->value, (int)w->value), a, d);
        return d;
    }
    case U_DAY:
        if (!s->dated)
            return 0;
        emit_doc_day(s, (long)w->value, a, b);
        return b;
    case U_YEAR:
        return year_after(s, b);
    default:
        return 0;
    }
}

size_t kg_values_find(const kg_values *v, const char *text, size_t len, const char *doc_date,
                      kg_value *out, size_t max)
{
    scan s = {.v = v, .t = text, .len = len, .out = out, .max = out ? max : 0};
    if (doc_date && strnlen(doc_date, 11) == 10 && kg_date_check(doc_date)) {
        long y = strtol(doc_date, NULL, 10), m = strtol(doc_date + 5, NULL, 10),
             d = strtol(doc_date + 8, NULL, 10);
        s.dated = true;
        s.doc_y = y;
        s.doc_days = days_from_civil(y, m, d);
    }
    for (size_t i = 0; i < len;) {
        if (!is_alnum(text[i])) {
            i++;
            continue;
        }
        size_t e = token_end(&s, i);
        size_t next = is_digit(text[i]) ? number_value(&s, i, e) : word_value(&s, i, e);
        i = next > e ? next : e;
    }
    return s.n;
}
