/* names.c - words and names as the entity finder reads them (names.h). */
#include "names.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

/* Mathematical Alphanumeric Symbols (U+1D400-U+1D7FF, "𝐁"): styled letters
 * that running text uses as symbols, never to start a name; the slug keeps
 * every letter, so one before a name would become part of its id. */
static bool is_math_letter(utf8proc_int32_t cp)
{
    return cp >= 0x1D400 && cp <= 0x1D7FF;
}

static bool kg_name_is_upper_start(const char *s)
{
    if ((unsigned char)s[0] < 0x80)
        return isupper((unsigned char)s[0]) != 0;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) < 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU && !is_math_letter(cp);
}

bool kg_name_is_cap(const kg_token *t)
{
    return is_word(t) && kg_name_is_upper_start(t->norm);
}

bool kg_name_is_calendar_word(const char *w)
{
    static const char *const names[] = {
        "January",   "February", "March",     "April",    "May",    "June",     "July",   "August",
        "September", "October",  "November",  "December", "Jan.",   "Feb.",     "Mar.",   "Apr.",
        "Jun.",      "Jul.",     "Aug.",      "Sep.",     "Sept.",  "Oct.",     "Nov.",   "Dec.",
        "Monday",    "Tuesday",  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL};
    for (size_t i = 0; names[i]; i++)
        if (eq(w, names[i]))
            return true;
    return false;
}

bool kg_name_is_particle(const char *w, size_t len, bool joined)
{
    static const char *const alone[] = {"al", "el", "bin", "ibn", "bint", "ben", "abu",   "de",
                                        "du", "da", "di",  "dos", "das",  "del", "della", "der",
                                        "la", "le", "van", "von", "ter",  "zu",  NULL};
    static const char *const prefix[] = {"ad", "an", "as", "ash", "at", "az", "ul", NULL};
    for (size_t i = 0; alone[i]; i++)
        if (strlen(alone[i]) == len && strncasecmp(w, alone[i], len) == 0)
            return true;
    for (size_t i = 0; joined && prefix[i]; i++)
        if (strlen(prefix[i]) == len && strncasecmp(w, prefix[i], len) == 0)
            return true;
    return false;
}

bool kg_name_is_connector(const char *w)
{
    return eq(w, "of") || eq(w, "&") || eq(w, "for") ||
           (islower((unsigned char)w[0]) && kg_name_is_particle(w, strlen(w), false));
}

/* "al-Assad", "el-Sisi": a particle joined to a capitalized name. */
static bool is_particle_name(const kg_token *t)
{
    const char *dash = strchr(t->norm, '-');
    return is_word(t) && dash && islower((unsigned char)t->norm[0]) &&
           kg_name_is_particle(t->norm, (size_t)(dash - t->norm), true) &&
           kg_name_is_upper_start(dash + 1);
}

bool kg_name_is_name_word(const kg_token *t)
{
    return kg_name_is_cap(t) || is_particle_name(t);
}

const char *kg_name_surname_core(const char *last)
{
    const char *dash = strchr(last, '-');
    if (dash && kg_name_is_particle(last, (size_t)(dash - last), true) &&
        kg_name_is_upper_start(dash + 1))
        return dash + 1;
    return last;
}

const char *kg_name_lower_word(kg_arena *a, const char *w)
{
    char *d = kg_arena_strdup(a, w);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d ? d : w;
}

kg_gender kg_name_pronoun_gender(const char *w)
{
    if (ieq(w, "he") || ieq(w, "him") || ieq(w, "his") || ieq(w, "himself"))
        return KG_GENDER_MALE;
    if (ieq(w, "she") || ieq(w, "her") || ieq(w, "hers") || ieq(w, "herself"))
        return KG_GENDER_FEMALE;
    return KG_GENDER_UNKNOWN;
}

kg_gender kg_name_title_gender(const char *title)
{
    static const char *const male[] = {"Mr.",  "Mr",     "King",         "Prince",  "Sir",
                                       "Lord", "Father", "Crown Prince", "Emperor", NULL};
    static const char *const female[] = {"Mrs.",     "Mrs",  "Ms.",  "Ms",      "Miss", "Queen",
                                         "Princess", "Dame", "Lady", "Empress", NULL};
    for (size_t i = 0; male[i]; i++)
        if (eq(title, male[i]))
            return KG_GENDER_MALE;
    for (size_t i = 0; female[i]; i++)
        if (eq(title, female[i]))
            return KG_GENDER_FEMALE;
    return KG_GENDER_UNKNOWN;
}

char *kg_name_join_norms(kg_arena *a, const kg_token *t, size_t from, size_t to)
{
    size_t len = 0;
    for (size_t i = from; i < to; i++)
        len += strlen(t[i].norm) + 1;
    char *s = kg_arena_alloc(a, len + 1);
    if (!s)
        return NULL;
    size_t at = 0;
    for (size_t i = from; i < to; i++) {
        /* "Gaza health ministry", but "al-Qaeda" and "O'Neill" stay joined */
        if (i > from && t[i].space_before)
            s[at++] = ' ';
        size_t k = strlen(t[i].norm);
        memcpy(s + at, t[i].norm, k);
        at += k;
    }
    s[at] = '\0';
    return s;
}

/* Whether a combining mark on base is a diacritic a name may lose: in the
 * Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic blocks ("José" is
 * "Jose", "Ёлкин" is "Елкин", Arabic's short-vowel marks are optional), but
 * not in scripts whose marks are letters of the word (Devanagari's vowel
 * signs, kana's voicing marks: "मोदी" is not "मद", "が" is not "か"), which
 * would otherwise give different names one key and one id. */
static bool mark_is_diacritic(utf8proc_int32_t base)
{
    return base < 0x0780 || (base >= 0x1E00 && base <= 0x1FFF);
}

/* name case-folded, diacritics dropped as mark_is_diacritic allows, and
 * composed again (NFC).  malloc'd; NULL if name is not UTF-8 or out of memory. */
static char *fold_name(const char *name)
{
    const utf8proc_option_t opts =
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD;
    const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)name;
    utf8proc_ssize_t n = utf8proc_decompose(in, 0, NULL, 0, opts);
    utf8proc_int32_t *cps = n >= 0 ? malloc(((size_t)n + 1) * sizeof *cps) : NULL;
    if (!cps || utf8proc_decompose(in, 0, cps, n, opts) != n) {
        free(cps);
        return NULL;
    }
    utf8proc_ssize_t kept = 0;
    utf8proc_int32_t base = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_category_t cat = utf8proc_category(cps[i]);
        bool mark = cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
                    cat == UTF8PROC_CATEGORY_ME;
        if (!mark)
            base = cps[i];
        if (!mark || !mark_is_diacritic(base))
            cps[kept++] = cps[i];
    }
    /* reencode composes in place and writes UTF-8 over the code points */
    utf8proc_ssize_t len = utf8proc_reencode(cps, kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        free(cps);
        return NULL;
    }
    return (char *)cps;
}

char *kg_name_key(kg_arena *a, const char *name)
{
    char *folded = fold_name(name);
    if (!folded)
        return kg_arena_strdup(a, name);
    char *k = kg_arena_alloc(a, strlen(folded) + 1);
    if (k) {
        size_t at = 0;
        for (size_t i = 0; folded[i]; i++)
            if (folded[i] != '.')
                k[at++] = folded[i];
        k[at] = '\0';
        /* "Apple Inc." and a later "Apple" are one company: the legal form
         * is no part of the identity */
        static const char *const legal[] = {" inc", " corp", " ltd", " plc",  " llc", " co",
                                            " ag",  " sa",   " nv",  " gmbh", NULL};
        for (size_t i = 0; legal[i]; i++) {
            size_t l = strlen(legal[i]);
            if (at > l && !strcmp(k + at - l, legal[i])) {
                at -= l;
                while (at > 0 && (k[at - 1] == ',' || k[at - 1] == ' '))
                    at--;
                k[at] = '\0';
                break;
            }
        }
    }
    free(folded);
    return k;
}

/* Letters, marks and digits of every script are part of an id: utf8proc
 * numbers the categories L*, M*, N* from LU to NO, in that order. */
static bool slug_char(utf8proc_int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* The id of a key with no letter or digit at all ("★"): its code points in
 * hex, "u2605", so that two such names still get two ids. */
static char *hex_slug(kg_arena *a, const char *k)
{
    size_t size = 9 * strlen(k) + sizeof "entity"; /* "-u10ffff" per code point at most */
    char *out = kg_arena_alloc(a, size);
    if (!out)
        return NULL;
    size_t at = 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    for (const char *p = k; *p; p += n) {
        n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        if (n <= 0) {
            n = 1;
            cp = (unsigned char)*p;
        }
        if (cp != ' ')
            at += (size_t)snprintf(out + at, size - at, "%su%x", at ? "-" : "", (unsigned)cp);
    }
    if (at == 0) /* an empty name */
        snprintf(out, size, "entity");
    return out;
}

char *kg_entities_slug(kg_arena *a, const char *name)
{
    char *k = kg_name_key(a, name);
    if (!k)
        return NULL;
    size_t at = 0;
    bool dash = false;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    for (size_t i = 0; k[i]; i += (size_t)n) {
        n = utf8proc_iterate((const utf8proc_uint8_t *)k + i, -1, &cp);
        if (n <= 0) { /* kg_name_key kept a name that is not UTF-8 as it was */
            n = 1;
            cp = 0xFFFD;
        }
        if (slug_char(cp)) {
            if (dash && at > 0)
                k[at++] = '-';
            memmove(k + at, k + i, (size_t)n); /* at <= i: the slug is never longer */
            at += (size_t)n;
            dash = false;
        } else if (cp != '\'') {
            dash = true;
        }
    }
    if (at == 0) /* nothing was moved: k is the key as it was */
        return hex_slug(a, k);
    k[at] = '\0';
    return k;
}

const char *kg_name_first_word(kg_arena *a, const char *name)
{
    const char *sp = strchr(name, ' ');
    return sp ? kg_arena_strndup(a, name, (size_t)(sp - name)) : name;
}

const char *kg_name_last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

size_t kg_name_count_words(const char *name)
{
    size_t n = 1;
    for (const char *p = name; *p; p++)
        if (*p == ' ')
            n++;
    return n;
}

char *kg_name_lower_copy(kg_arena *a, const char *s, size_t len)
{
    char *d = kg_arena_strndup(a, s, len);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d;
}

char *kg_name_initials(kg_arena *a, const char *name)
{
    char *out = kg_arena_alloc(a, strlen(name) + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    const char *p = name;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        if (wl == 0)
            break;
        bool small = (wl == 2 && !strncmp(w, "of", 2)) || (wl == 3 && !strncmp(w, "and", 3)) ||
                     (wl == 3 && !strncmp(w, "the", 3)) || (wl == 3 && !strncmp(w, "for", 3)) ||
                     (wl == 1 && *w == '&');
        if (!small)
            out[k++] = (char)toupper((unsigned char)*w);
    }
    out[k] = '\0';
    return k >= 2 ? out : NULL;
}

bool kg_name_is_all_caps(const char *s)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!isupper((unsigned char)*s))
            return false;
    return n >= 2;
}

char *kg_name_title_case(kg_arena *a, const char *s)
{
    char *d = kg_arena_strdup(a, s);
    if (!d)
        return NULL;
    /* a capital after a space, a hyphen or a period starts a word; after an
     * apostrophe only when one letter precedes it ("N'Djamena", not "Don'T") */
    bool start = true;
    for (size_t i = 0; d[i]; i++) {
        unsigned char c = (unsigned char)d[i];
        if (isalpha(c)) {
            if (!start)
                d[i] = (char)tolower(c);
            start = false;
        } else {
            start = c == ' ' || c == '-' || c == '.' ||
                    (c == '\'' && i == 1) || (c == '\'' && i >= 2 && !isalpha((unsigned char)d[i - 2]));
        }
    }
    return d;
}
