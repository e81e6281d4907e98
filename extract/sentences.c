/* sentences.c - sentence boundaries by rule, in one left-to-right pass.
 *
 * A candidate boundary is a run of terminators (. ! ? …) plus any closing
 * quotes or brackets, followed by whitespace.  It is a boundary unless the
 * next word starts with a lower-case letter, or the run is a single period
 * after a word that rarely ends a sentence:
 *   - titles and name parts (Mr. Dr. St. Gen. vs.) never end one;
 *   - "No." and friends end one unless a number follows ("No. 10");
 *   - weak abbreviations (Jan. Inc. Jr.), single-letter initials (J.) and
 *     dotted acronyms (U.S. p.m.) end one only if the next word is a common
 *     sentence opener (The, He, But, In, ...): "the U.S. The next day" splits,
 *     "U.S. State Department" and "Antony J. Blinken" do not;
 *   - "etc." ends one unless a lower-case word follows (the general rule).
 * A closing quote after the period ("... ahead.” The") overrides the word
 * rules: the quoted sentence is over.  A blank line always ends a sentence,
 * and so does the line break before and after an all-capital headline or a
 * line with no letter (wire.h).
 *
 * Every byte is looked at a bounded number of times (look-behind for the word
 * before a period is capped, look-ahead stops at the next word), so a long
 * text without punctuation costs linear time.
 */
#include "sentences.h"
#include "text.h"
#include "wire.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

/* Longer "words" before a period are never abbreviations. */
#define MAX_ABBREV_BYTES 16

typedef enum abbrev_kind {
    ABBR_NONE,
    ABBR_TITLE,    /* precedes a name: never ends a sentence */
    ABBR_NUMBERED, /* precedes a number: ends a sentence unless a digit follows */
    ABBR_WEAK,     /* ends a sentence only before a common sentence opener */
    ABBR_ETC       /* ends a sentence unless lower case follows */
} abbrev_kind;

typedef struct abbrev {
    const char *word;
    abbrev_kind kind;
} abbrev;

/* Case-sensitive: "No." is an abbreviation, "no." is a word. */
static const abbrev ABBREVS[] = {
    {"Mr", ABBR_TITLE},     {"Mrs", ABBR_TITLE},    {"Ms", ABBR_TITLE},     {"Messrs", ABBR_TITLE},
    {"Dr", ABBR_TITLE},     {"Prof", ABBR_TITLE},   {"Gen", ABBR_TITLE},    {"Gens", ABBR_TITLE},
    {"Sen", ABBR_TITLE},    {"Sens", ABBR_TITLE},   {"Gov", ABBR_TITLE},    {"Rep", ABBR_TITLE},
    {"Reps", ABBR_TITLE},   {"Lt", ABBR_TITLE},     {"Col", ABBR_TITLE},    {"Capt", ABBR_TITLE},
    {"Cmdr", ABBR_TITLE},   {"Sgt", ABBR_TITLE},    {"Maj", ABBR_TITLE},    {"Adm", ABBR_TITLE},
    {"Brig", ABBR_TITLE},   {"Cpl", ABBR_TITLE},    {"Pvt", ABBR_TITLE},    {"Rev", ABBR_TITLE},
    {"Hon", ABBR_TITLE},    {"Pres", ABBR_TITLE},   {"Supt", ABBR_TITLE},   {"Insp", ABBR_TITLE},
    {"Det", ABBR_TITLE},    {"Amb", ABBR_TITLE},    {"Atty", ABBR_TITLE},   {"Fr", ABBR_TITLE},
    {"St", ABBR_TITLE},     {"Mt", ABBR_TITLE},     {"Ft", ABBR_TITLE},     {"vs", ABBR_TITLE},
    {"No", ABBR_NUMBERED},  {"Nos", ABBR_NUMBERED}, {"Art", ABBR_NUMBERED}, {"Vol", ABBR_NUMBERED},
    {"Fig", ABBR_NUMBERED}, {"pp", ABBR_NUMBERED},  {"Jan", ABBR_WEAK},     {"Feb", ABBR_WEAK},
    {"Mar", ABBR_WEAK},     {"Apr", ABBR_WEAK},     {"Jun", ABBR_WEAK},     {"Jul", ABBR_WEAK},
    {"Aug", ABBR_WEAK},     {"Sep", ABBR_WEAK},     {"Sept", ABBR_WEAK},    {"Oct", ABBR_WEAK},
    {"Nov", ABBR_WEAK},     {"Dec", ABBR_WEAK},     {"Inc", ABBR_WEAK},     {"Corp", ABBR_WEAK},
    {"Ltd", ABBR_WEAK},     {"Co", ABBR_WEAK},      {"Bros", ABBR_WEAK},    {"Jr", ABBR_WEAK},
    {"Sr", ABBR_WEAK},      {"Ave", ABBR_WEAK},     {"Blvd", ABBR_WEAK},    {"Rd", ABBR_WEAK},
    {"Dept", ABBR_WEAK},    {"Univ", ABBR_WEAK},    {"approx", ABBR_WEAK},  {"etc", ABBR_ETC},
};

/* Words that open sentences in news text and rarely follow an abbreviation
 * inside one: "the U.S. The" splits, "the U.S. Embassy" does not. */
static const char *const OPENERS[] = {
    "A",      "An",    "The",      "He",     "She",       "It",      "They", "We",    "I",
    "You",    "This",  "That",     "These",  "Those",     "There",   "Then", "But",   "And",
    "Or",     "So",    "Yet",      "Still",  "In",        "On",      "At",   "As",    "After",
    "Before", "When",  "While",    "If",     "Its",       "His",     "Her",  "Their", "Our",
    "My",     "Some",  "Many",     "Most",   "Meanwhile", "However", "Also", "For",   "Despite",
    "During", "Since", "Although", "Though", "Earlier",   "Later",   "Last", "Now",   "What",
    "Why",    "How",   "Who",      "Where",  "Officials", "Such",    "Both", "Each",  "Neither",
};

/* ------------------------------------------------------------ characters */

static bool is_e2_80(const char *t, size_t i, size_t end, unsigned char last)
{
    return end - i >= 3 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == last;
}

/* . ! ? or the ellipsis character. */
static size_t terminator_len(const char *t, size_t i, size_t end)
{
    char c = t[i];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    return is_e2_80(t, i, end, 0xA6) ? 3 : 0;
}

static size_t bracket_close_len(const char *t, size_t i)
{
    return (t[i] == ')' || t[i] == ']' || t[i] == '}') ? 1 : 0;
}

/* Opening quotes and brackets that may precede the first word of a sentence. */
static size_t opener_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '(' || t[i] == '[' || t[i] == '{')
        return 1;
    return kg_text_open_quote_len(t, i, end);
}

static bool starts_lower(const char *t, size_t i, size_t end)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(end - i), &cp) <= 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ------------------------------------------------------------ words */

static abbrev_kind abbrev_kind_of(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof ABBREVS / sizeof ABBREVS[0]; i++)
        if (strlen(ABBREVS[i].word) == len && memcmp(ABBREVS[i].word, w, len) == 0)
            return ABBREVS[i].kind;
    return ABBR_NONE;
}

bool kg_sentences_is_abbreviation(const char *word, size_t len)
{
    return abbrev_kind_of(word, len) != ABBR_NONE;
}

/* One letter, ASCII or not: "J" in "Antony J. Blinken". */
static bool is_initial(const char *w, size_t len)
{
    if (len == 1)
        return is_ascii_letter(w[0]);
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)len, &cp);
    if (n != (utf8proc_ssize_t)len)
        return false;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* "U.S" "D.C" "p.m": single letters joined by periods (the last period is
 * the candidate boundary and not part of w). */
static bool is_dotted_acronym(const char *w, size_t len)
{
    if (len < 3 || len % 2 == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (i % 2 == 0 ? !is_ascii_letter(w[i]) : w[i] != '.')
            return false;
    return true;
}

static bool is_opener_word(const char *t, size_t i, size_t end)
{
    size_t n = 0;
    while (i + n < end && n <= MAX_ABBREV_BYTES && is_ascii_letter(t[i + n]))
        n++;
    if (n == 0 || (i + n < end && (unsigned char)t[i + n] >= 0x80))
        return false; /* "Inés" is not "In" */
    for (size_t k = 0; k < sizeof OPENERS / sizeof OPENERS[0]; k++)
        if (strlen(OPENERS[k]) == n && memcmp(OPENERS[k], t + i, n) == 0)
            return true;
    return false;
}

/* Start of the word that ends at dot, without opening quotes or brackets;
 * dot itself if the word is too long to be an abbreviation. */
static size_t word_before(const char *t, size_t lo, size_t dot)
{
    size_t w = dot;
    while (w > lo && dot - w <= MAX_ABBREV_BYTES && t[w - 1] != ' ' && t[w - 1] != '\n' &&
           t[w - 1] != '\t' && t[w - 1] != '\r')
        w--;
    if (dot - w > MAX_ABBREV_BYTES)
        return dot;
    /* Non-ASCII spaces (a no-break space before "Jan.") also end the word. */
    size_t n;
    for (size_t i = w; i < dot; i++)
        if ((unsigned char)t[i] >= 0x80 && (n = kg_text_space_len(t, i, dot)) > 0)
            w = i + n;
    while (w < dot && (n = opener_len(t, w, dot)) > 0)
        w += n;
    return w;
}

/* ------------------------------------------------------------ boundaries */

/* Whether a single period at dot, followed by next (the first byte of the
 * next word), ends the sentence; the file comment gives the rules. */
static bool period_ends_sentence(const char *t, size_t lo, size_t dot, size_t next, size_t end)
{
    size_t w = word_before(t, lo, dot);
    const char *word = t + w;
    size_t len = dot - w;
    switch (abbrev_kind_of(word, len)) {
    case ABBR_TITLE:
        return false;
    case ABBR_NUMBERED:
        return !(t[next] >= '0' && t[next] <= '9');
    case ABBR_WEAK:
        return is_opener_word(t, next, end);
    case ABBR_ETC:
        return true;
    case ABBR_NONE:
        break;
    }
    if (is_initial(word, len) || is_dotted_acronym(word, len))
        return is_opener_word(t, next, end);
    return true;
}

static bool has_close_quote(const char *t, size_t j, size_t k)
{
    for (size_t q = j; q < k; q++)
        if (kg_text_close_quote_len(t, q, k) > 0)
            return true;
    return false;
}

/* The candidate: terminators in [i, j), closers in [j, k), whitespace at k. */
static bool ends_sentence(const char *t, size_t lo, size_t i, size_t j, size_t k, size_t end)
{
    size_t next = kg_text_skip_space(t, k, end);
    if (next >= end)
        return true;
    size_t w = next, n;
    while (w < end && (n = opener_len(t, w, end)) > 0)
        w += n;
    if (w >= end)
        return true;
    if (starts_lower(t, w, end))
        return false;
    if (j != i + 1 || t[i] != '.' || has_close_quote(t, j, k))
        return true;
    return period_ends_sentence(t, lo, i, w, end);
}

/* If t[i] is the newline that starts a blank line, returns the offset just
 * after the blank line's own newline; otherwise 0. */
static size_t blank_line_end(const char *t, size_t i, size_t end)
{
    size_t j = i + 1, n;
    while (j < end && t[j] != '\n' && (n = kg_text_space_len(t, j, end)) > 0)
        j += n;
    return (j < end && t[j] == '\n') ? j + 1 : 0;
}

/* Appends [s, e) trimmed of whitespace, unless nothing is left. */
static bool emit(kg_vec *v, const char *t, size_t s, size_t e)
{
    s = kg_text_skip_space(t, s, e);
    size_t n;
    while (e > s && (n = kg_text_space_len_before(t, s, e)) > 0)
        e -= n;
    if (e == s)
        return true;
    kg_span span = {s, e};
    return kg_vec_push(v, &span) != NULL;
}

/* Length of the candidate boundary at i: terminators then closers, with j
 * set to the end of the terminators.  0 if t[i] is not a terminator. */
static size_t candidate_len(const char *t, size_t i, size_t end, size_t *j)
{
    size_t k = i, n;
    while (k < end && (n = terminator_len(t, k, end)) > 0)
        k += n;
    *j = k;
    while (k < end &&
           ((n = kg_text_close_quote_len(t, k, end)) > 0 || (n = bracket_close_len(t, k)) > 0))
        k += n;
    return k == i ? 0 : k - i;
}

static bool has_letter(const char *t, kg_span sp)
{
    for (size_t i = sp.start; i < sp.end; i++)
        if (isalpha((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80)
            return true;
    return false;
}

/* The line ending at the newline nl, or the one after it, is an
 * all-capital headline or a line with no letter ("- - - -"): wire copy puts
 * those on lines of their own without a full stop, and they are no part of
 * the sentence next to them. */
static bool headline_edge(const char *t, size_t s, size_t nl, size_t end)
{
    size_t b = nl;
    while (b > s && t[b - 1] != '\n')
        b--;
    size_t e = nl + 1;
    while (e < end && t[e] != '\n')
        e++;
    kg_span before = {b, nl}, after = {nl + 1, e};
    return (b < nl && (kg_wire_is_headline(t, before) || !has_letter(t, before))) ||
           (nl + 1 < e && (kg_wire_is_headline(t, after) || !has_letter(t, after)));
}

kg_status kg_sentences_split(kg_arena *a, const char *text, size_t start, size_t end, kg_span **out,
                             size_t *n, kg_error *err)
{
    *out = NULL;
    *n = 0;
    if (start > end)
        return kg_error_set(err, KG_ERR_USAGE, "sentences: start %zu after end %zu", start, end);
    kg_vec v;
    kg_vec_init(&v, sizeof(kg_span));
    size_t s = start, i = start, j, len;
    bool ok = true;
    /* the dateline is a sentence of its own, so that the first real
     * sentence parses without it */
    size_t dl = kg_wire_dateline_end(text, (kg_span){start, end});
    if (dl > start) {
        ok = emit(&v, text, s, dl);
        s = i = dl;
    }
    while (ok && i < end) {
        if (text[i] == '\n') {
            size_t after = blank_line_end(text, i, end);
            if (after) {
                ok = emit(&v, text, s, i);
                s = after;
            } else if (headline_edge(text, s, i, end)) {
                ok = emit(&v, text, s, i);
                s = i + 1;
            }
            i = after ? after : i + 1;
        } else if (terminator_len(text, i, end) == 0) {
            i++;
        } else {
            len = candidate_len(text, i, end, &j);
            size_t k = i + len;
            if ((k == end || kg_text_space_len(text, k, end) > 0) &&
                ends_sentence(text, s, i, j, k, end)) {
                ok = emit(&v, text, s, k);
                s = k;
            }
            i = k;
        }
    }
    if (ok)
        ok = emit(&v, text, s, end);
    if (ok && v.len > 0) {
        *out = kg_arena_alloc(a, v.len * sizeof(kg_span));
        ok = *out != NULL;
        if (ok) {
            memcpy(*out, v.items, v.len * sizeof(kg_span));
            *n = v.len;
        }
    }
    kg_vec_free(&v);
    return ok ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "sentences: out of memory");
}
