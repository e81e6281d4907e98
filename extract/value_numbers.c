/* value_numbers.c - numbers, percentages and money (values.h).
 *
 * An amount is digits ("22,000", "3.5") with a scale after them ("1.5
 * million") or glued to them ("3.2bn", "40m": money only), or number words
 * ("two hundred and fifty"); a unit after it ("%", "per cent", "dollars")
 * or a currency before it ("$", "US$", "Rs") makes it a percentage or
 * money.  Digits can also start a date ("2024-01-05", "5 January", a year):
 * value_dates.c reads those first, before they are read as a count.
 */
#include <ctype.h>
#include <string.h>

#include "text.h"
#include "values_internal.h"

/* Most tokens of a number in words ("two hundred and fifty thousand"). */
#define MAX_NUMBER_WORDS 16
/* More significant digits than a double holds exactly are no amount kg
 * can compare. */
#define MAX_DIGITS 18

static bool all_alpha(const scan *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!is_alpha(s->t[i]))
            return false;
    return true;
}

bool kg_value_numbers_parse(const scan *s, size_t a, size_t b, number *n)
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
    while (ph->n < want && kg_values_next_token(s, p, &a, &b) && all_alpha(s, a, b)) {
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

size_t kg_value_numbers_unit_after(const scan *s, size_t p, kg_value_kind *kind, const char **code)
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
        const word *w = kg_values_word_key(s, ph.lower, ph.len[k]);
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
        size_t e = kg_value_numbers_unit_after(s, end, &kind, &code);
        end = e ? e : end;
    }
    if (need_money && kind != KG_VALUE_MONEY)
        return 0;
    kg_values_emit(s, kind, amount, code, NULL, start, end);
    return end;
}

size_t kg_value_numbers_digits(scan *s, size_t a, size_t b)
{
    size_t e = kg_value_dates_iso(s, a, b);
    if (e)
        return e;
    number n;
    if (!kg_value_numbers_parse(s, a, b, &n))
        return 0;
    size_t start = a;
    const currency *before = currency_before(s, a, &start);
    if (!before && kg_value_dates_digits(s, a, b, n.rest < b, &e))
        return e;
    double scale = 1;
    bool need_money = false, percent = false;
    size_t end = b;
    if (n.rest < b) {
        const word *w = kg_values_word_at(s, n.rest, b);
        if (!w || (w->use != U_SUFFIX && w->use != U_MONEY && w->use != U_PERCENT))
            return 0;
        percent = w->use == U_PERCENT;
        scale = percent ? 1 : w->value;
        need_money = w->use == U_MONEY;
    } else {
        size_t c, f;
        const word *w = kg_values_next_token(s, b, &c, &f) ? kg_values_word_at(s, c, f) : NULL;
        if (w && w->use == U_SCALE) {
            scale = w->value;
            end = f;
        }
    }
    if (percent && !before) {
        kg_values_emit(s, KG_VALUE_PERCENT, amount_of(&n, 1), NULL, NULL, a, b);
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
        const word *w = kg_values_word_at(s, p, e);
        if (!w || (p > a && (n->prev != PART_TENS || w->use != U_UNIT)) ||
            (e < b && w->use != U_TENS) || !add_part(n, w))
            return false;
        p = e + 1;
    }
    return true;
}

/* "five", "twenty-two", "two hundred and fifty thousand", "a dozen". */
size_t kg_value_numbers_words(scan *s, size_t a, size_t b)
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
        if (!kg_values_next_token(s, q, &p, &q))
            break;
    }
    if (!end)
        return 0;
    return emit_amount(s, done.total + done.cur, NULL, a, end, false);
}
