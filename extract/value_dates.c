/* value_dates.c - dates in a phrase, resolved against the document's date
 * (values.h says which and how).
 *
 * A date is read from the token it starts with: digits ("2024-01-05", "5
 * January 2024", a year that is all the text), a month ("January 5"), a
 * weekday, a word of the date list ("yesterday", "last"), or "in", "since"
 * and the like before a year.  Days are counted from 1970-01-01 in the
 * proleptic Gregorian calendar, so "last Monday" and "yesterday" are sums,
 * and every date written is checked against the calendar.
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "values_internal.h"

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

/* ---------------------------------------------------------------- reading */

static void emit_date(scan *s, const char date[11], size_t start, size_t end)
{
    kg_values_emit(s, KG_VALUE_DATE, 0, NULL, date, start, end);
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

/* A plain number of 4 digits: a year's. */
static bool year_token(const scan *s, size_t a, size_t b, long *year)
{
    number n;
    if (b - a != 4 || !kg_value_numbers_parse(s, a, b, &n) || !n.plain || n.rest != b)
        return false;
    *year = (long)n.mant;
    return true;
}

/* A day of the month: 1..31, plain or with an ordinal suffix ("5th"). */
static bool day_token(const scan *s, size_t a, size_t b, long *day)
{
    number n;
    if (!kg_value_numbers_parse(s, a, b, &n) || !n.plain || n.digits > 2 || n.mant < 1 ||
        n.mant > 31)
        return false;
    if (n.rest < b) {
        const word *w = kg_values_word_at(s, n.rest, b);
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
    if (!kg_values_next_token(s, b, &c, &e))
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
    if (kg_values_next_token(s, p, &f, &g) && year_token(s, f, g, &year))
        end = g;
    else
        year = 0;
    return day_month_year(s, day, month, year, a, end);
}

/* "5 January 2024", "5th January" from the day's token [a, b). */
static size_t day_first(scan *s, size_t a, size_t b, long day)
{
    size_t c, e, end, f, g;
    if (!kg_values_next_token(s, b, &c, &e) || !capitalized(s, c))
        return 0;
    const word *w = kg_values_word_or_abbreviation(s, c, e, &end);
    if (!w || w->use != U_MONTH)
        return 0;
    long year = 0;
    if (kg_values_next_token(s, end, &f, &g) && year_token(s, f, g, &year))
        end = g;
    else
        year = 0;
    return day_month_year(s, day, (long)w->value, year, a, end);
}

/* A bare year after "in", "since", ... ("in 2023"), unless a unit or a
 * scale makes it an amount ("by 2000 percent"). */
static size_t year_after(scan *s, size_t b)
{
    size_t c, e, f, g;
    long year;
    if (!kg_values_next_token(s, b, &c, &e) || !year_token(s, c, e, &year) || year < 1900 ||
        year > 2100)
        return 0;
    kg_value_kind kind;
    const char *code = NULL;
    const word *w = kg_values_next_token(s, e, &f, &g) ? kg_values_word_at(s, f, g) : NULL;
    if ((w && w->use == U_SCALE) || kg_value_numbers_unit_after(s, e, &kind, &code))
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

void kg_value_dates_set_doc(scan *s, const char *doc_date)
{
    if (doc_date && strnlen(doc_date, 11) == 10 && kg_date_check(doc_date)) {
        long y = strtol(doc_date, NULL, 10), m = strtol(doc_date + 5, NULL, 10),
             d = strtol(doc_date + 8, NULL, 10);
        s->dated = true;
        s->doc_y = y;
        s->doc_days = days_from_civil(y, m, d);
    }
}

size_t kg_value_dates_iso(scan *s, size_t a, size_t b)
{
    if (b - a == 10 && s->t[a + 4] == '-' && kg_date_check(s->t + a)) {
        char date[11];
        memcpy(date, s->t + a, 10);
        date[10] = '\0';
        emit_date(s, date, a, b);
        return b;
    }
    return 0;
}

bool kg_value_dates_digits(scan *s, size_t a, size_t b, bool glued, size_t *end)
{
    long day;
    if (day_token(s, a, b, &day)) {
        size_t e = day_first(s, a, b, day);
        if (e || glued) {
            *end = e; /* "5th" alone is no number */
            return true;
        }
    }
    long year;
    if (year_token(s, a, b, &year) && year >= 1900 && year <= 2100 &&
        kg_text_skip_space(s->t, 0, a) == a && kg_text_skip_space(s->t, b, s->len) == s->len) {
        /* the whole text: an argument after a preposition the relation took
         * ("fled since | 2023") */
        char date[11];
        format_date(date, year, 0, 0);
        emit_date(s, date, a, b);
        *end = b;
        return true;
    }
    return false;
}

size_t kg_value_dates_word(scan *s, const word *w, size_t a, size_t b, size_t end)
{
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
        if (!s->dated || !kg_values_next_token(s, b, &c, &d) || !capitalized(s, c))
            return 0;
        const word *day = kg_values_word_at(s, c, d);
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
