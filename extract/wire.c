/* wire.c - datelines and headlines of wire-service copy (wire.h).
 *
 * A dateline is read as a small grammar over the bytes, so that it needs no
 * tokens and no word list: PLACE [, REGION] then a DATE and/or an (AGENCY),
 * then a dash.  PLACE is one to four words in capitals; REGION one to three
 * capitalized words ("N.H.", "Calif.", "New South Wales"); DATE an ISO date
 * or a month and a day ("March 9", "Jan. 5"); AGENCY one to four
 * capitalized words in brackets.  A place followed by neither a date nor an
 * agency is a dateline only before a dash and a story that opens like a
 * sentence ("KYIV, Ukraine -- Officials met"): "SOCCER - JAPAN GET LUCKY
 * WIN" is a headline.  "(AP) - " alone opens a story too. */
#include "wire.h"

#include <string.h>

typedef struct cursor {
    const char *s;
    size_t at, end;
} cursor;

static bool is_up(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_low(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char peek(const cursor *c)
{
    return c->at < c->end ? c->s[c->at] : '\0';
}

static void skip_spaces(cursor *c)
{
    while (c->at < c->end && (c->s[c->at] == ' ' || c->s[c->at] == '\t' ||
                              c->s[c->at] == '\n' || c->s[c->at] == '\r'))
        c->at++;
}

/* A byte that may continue a name word: a letter, a byte of a multibyte
 * letter, or . ' - inside "N.H.", "N'DJAMENA", "AL-RAM". */
static bool name_byte(char c)
{
    return is_up(c) || is_low(c) || (unsigned char)c >= 0x80 || c == '.' || c == '\'' || c == '-';
}

/* A word at c; with caps, one with no lower-case letter.  Moves past it. */
static bool word(cursor *c, bool caps)
{
    size_t at = c->at;
    if (!is_up(peek(c)) && !((unsigned char)peek(c) >= 0x80 && caps))
        return false;
    bool upper = false;
    while (c->at < c->end && name_byte(c->s[c->at])) {
        if (is_low(c->s[c->at]) && caps) {
            c->at = at;
            return false;
        }
        upper = upper || is_up(c->s[c->at]);
        c->at++;
    }
    if (!upper) {
        c->at = at;
        return false;
    }
    return true;
}

/* One to max words separated by single spaces; span gets them. */
static bool words(cursor *c, bool caps, size_t max, kg_span *span)
{
    size_t n = 0, end = c->at;
    span->start = c->at;
    while (n < max) {
        cursor k = *c;
        if (n > 0) {
            if (peek(&k) != ' ')
                break;
            k.at++;
        }
        if (!word(&k, caps))
            break;
        *c = k;
        end = c->at;
        n++;
    }
    span->end = end;
    return n > 0;
}

static bool iso_date(cursor *c)
{
    static const char shape[] = "dddd-dd-dd";
    if (c->end - c->at < sizeof shape - 1)
        return false;
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? !is_digit(c->s[c->at + i]) : c->s[c->at + i] != '-')
            return false;
    c->at += sizeof shape - 1;
    return true;
}

/* "March 9", "Jan 5", "Sept. 22", with ", 1987" after it if given. */
static bool month_day(cursor *c)
{
    static const char *const months[] = {"january", "february", "march",     "april",
                                         "may",     "june",     "july",      "august",
                                         "september", "october", "november", "december"};
    cursor k = *c;
    size_t from = k.at;
    while (k.at < k.end && (is_up(k.s[k.at]) || is_low(k.s[k.at])))
        k.at++;
    size_t len = k.at - from;
    bool found = false;
    for (size_t m = 0; m < 12 && !found && len >= 3; m++) {
        if (len > strlen(months[m]))
            continue;
        found = true;
        for (size_t i = 0; i < len && found; i++)
            found = (k.s[from + i] | 0x20) == months[m][i];
        if (found && len != strlen(months[m]) && len > 4)
            found = false; /* an abbreviation is three or four letters */
    }
    if (!found || !is_up(k.s[from]))
        return false;
    if (peek(&k) == '.')
        k.at++;
    skip_spaces(&k);
    size_t digits = 0;
    while (is_digit(peek(&k)) && digits < 3) {
        k.at++;
        digits++;
    }
    if (digits == 0 || digits > 2 || name_byte(peek(&k)))
        return false;
    cursor y = k;
    skip_spaces(&y);
    if (peek(&y) == ',') {
        y.at++;
        skip_spaces(&y);
        size_t yd = 0;
        while (is_digit(peek(&y))) {
            y.at++;
            yd++;
        }
        if (yd == 4)
            k = y;
    }
    *c = k;
    return true;
}

/* "(Reuters)", "( AP )", "(Agence France-Presse)". */
static bool agency(cursor *c)
{
    cursor k = *c;
    if (peek(&k) != '(')
        return false;
    k.at++;
    skip_spaces(&k);
    kg_span span;
    if (!words(&k, false, 4, &span))
        return false;
    skip_spaces(&k);
    if (peek(&k) != ')')
        return false;
    k.at++;
    *c = k;
    return true;
}

static bool date(cursor *c)
{
    return iso_date(c) || month_day(c);
}

/* "-", "--", an en or em dash. */
static bool dash(cursor *c)
{
    if (peek(c) == '-') {
        while (peek(c) == '-')
            c->at++;
        return true;
    }
    if (c->end - c->at >= 3 && (unsigned char)c->s[c->at] == 0xE2 &&
        (unsigned char)c->s[c->at + 1] == 0x80 &&
        ((unsigned char)c->s[c->at + 2] == 0x93 || (unsigned char)c->s[c->at + 2] == 0x94)) {
        c->at += 3;
        return true;
    }
    return false;
}

static bool at_line_start(const char *text, size_t at)
{
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\r'))
        at--;
    return at == 0 || text[at - 1] == '\n';
}

/* After the place (and region): a date, an agency, or both.  Whether one
 * was there; c moves past what was read. */
static bool date_or_agency(cursor *c, bool *dated)
{
    cursor k = *c;
    *dated = date(&k);
    cursor a = k;
    skip_spaces(&a);
    if (peek(&a) == ',') { /* "WASHINGTON, March 9, (AP)" is rare but cheap */
        a.at++;
        skip_spaces(&a);
    }
    bool agent = agency(&a);
    if (agent)
        k = a;
    if (!*dated && !agent)
        return false;
    *c = k;
    return true;
}

/* A dash and then a story that opens like a sentence ("- The senator",
 * "-- Officials"): a capital and a lower-case letter, or a quote.  With it,
 * a place needs no date ("KYIV, Ukraine -- Officials met"), while "SOCCER -
 * JAPAN GET LUCKY WIN" and "NATO - the alliance - met" stay prose.  c moves
 * past the dash. */
static bool story_dash(cursor *c)
{
    cursor k = *c;
    skip_spaces(&k);
    if (!dash(&k) || (peek(&k) != ' ' && peek(&k) != '\n'))
        return false;
    cursor s = k;
    skip_spaces(&s);
    char a = peek(&s), b = s.at + 1 < s.end ? s.s[s.at + 1] : '\0';
    if (!((is_up(a) && is_low(b)) || a == '"' || (unsigned char)a == 0xE2))
        return false;
    *c = k;
    return true;
}

/* Reads a dateline from the sentence's start; its end (the story's start),
 * or 0 when there is none.  places[0..*n) get the place names. */
static size_t dateline(const char *text, kg_span sentence, kg_span places[2], size_t *n)
{
    *n = 0;
    if (!at_line_start(text, sentence.start))
        return 0;
    cursor c = {text, sentence.start, sentence.end};
    kg_span city, region = {0, 0};
    bool dated = false;
    if (peek(&c) == '(') {
        /* "(AP) - Talks resumed.": the agency alone */
        if (!agency(&c) || !story_dash(&c))
            return 0;
        skip_spaces(&c);
        return c.at;
    }
    if (!words(&c, true, 4, &city) || city.end - city.start < 2)
        return 0;
    skip_spaces(&c);
    bool dashed = false;
    if (peek(&c) == ',') {
        c.at++;
        skip_spaces(&c);
        cursor r = c;
        if (!date_or_agency(&c, &dated)) {
            c = r;
            if (!words(&c, false, 3, &region))
                return 0;
            skip_spaces(&c);
            if (peek(&c) == ',') {
                c.at++;
                skip_spaces(&c);
            }
            if (!date_or_agency(&c, &dated) && !(dashed = story_dash(&c)))
                return 0;
        }
    } else if (!date_or_agency(&c, &dated) && !(dashed = story_dash(&c))) {
        return 0;
    }
    skip_spaces(&c);
    dashed = dashed || dash(&c);
    /* an agency alone must be followed by the dash: "LONDON (AP) -" */
    if (!dashed && !dated)
        return 0;
    /* after a date without a dash, the story or the sentence's end */
    if (!dashed && c.at < c.end && c.s[c.at] != ' ' && c.s[c.at] != '\n')
        return 0;
    skip_spaces(&c);
    places[(*n)++] = city;
    if (region.end > region.start)
        places[(*n)++] = region;
    return c.at;
}

size_t kg_wire_dateline_end(const char *text, kg_span sentence)
{
    kg_span places[2];
    size_t n;
    size_t end = dateline(text, sentence, places, &n);
    return end ? end : sentence.start;
}

size_t kg_wire_dateline_places(const char *text, kg_span sentence, kg_span *out, size_t max)
{
    kg_span places[2];
    size_t n;
    if (!dateline(text, sentence, places, &n))
        return 0;
    if (n > max)
        n = max;
    memcpy(out, places, n * sizeof *out);
    return n;
}

bool kg_wire_is_headline(const char *text, kg_span sentence)
{
    size_t upper = 0, lower = 0, words = 0, run = 0, longest = 0;
    bool in_word = false, lettered = false;
    for (size_t i = sentence.start; i <= sentence.end; i++) {
        char ch = i < sentence.end ? text[i] : ' ';
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
            if (in_word && lettered)
                words++;
            in_word = lettered = false;
            run = 0;
            continue;
        }
        in_word = true;
        if (is_up(ch)) {
            upper++;
            lettered = true;
            if (++run > longest)
                longest = run;
        } else {
            run = 0;
            if (is_low(ch)) {
                lower++;
                lettered = true;
            }
        }
    }
    /* one word alone in capitals is a slug or the kicker the splitter cut
     * off a headline ("SOCCER" of "SOCCER - JAPAN GET LUCKY WIN") */
    if (words == 1)
        return lower == 0 && longest >= 4;
    return words >= 2 && longest >= 3 && upper * 10 >= 9 * (upper + lower);
}
