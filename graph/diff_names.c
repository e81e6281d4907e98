/* diff_names.c - names and phrases as the diff compares them: folded with
 * utf8proc (case, diacritics, periods), person names split into given names
 * and a surname, and white space normalized. */
#include "diff_internal.h"

#include <string.h>
#include <utf8proc.h>

/* s case-folded, without diacritics, with periods dropped, commas as
 * spaces and runs of spaces as one: "Antony J.  Blinken" -> "antony j
 * blinken".  NULL when out of memory. */
char *kg_diff_fold(kg_arena *a, const char *s)
{
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const char *src = n >= 0 ? (const char *)f : s; /* invalid UTF-8: bytes as they are */
    size_t len = strlen(src);
    char *out = kg_arena_alloc(a, len + 1);
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            char c = src[i];
            if (n < 0 && c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c == '.')
                continue;
            if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
                if (o > 0 && out[o - 1] != ' ')
                    out[o++] = ' ';
                continue;
            }
            out[o++] = c;
        }
        while (o > 0 && out[o - 1] == ' ')
            o--;
        out[o] = '\0';
    }
    free(f);
    return out;
}

static bool is_suffix(const char *w)
{
    static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "v"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (strcmp(w, suffixes[i]) == 0)
            return true;
    return false;
}

/* Splits a folded name into words (in place), dropping generational
 * suffixes after the first word.  Returns the number of words. */
size_t kg_diff_name_words(char *folded, const char **words, size_t max)
{
    size_t n = 0;
    for (char *save = NULL, *w = strtok_r(folded, " ", &save); w && n < max;
         w = strtok_r(NULL, " ", &save))
        words[n++] = w;
    while (n > 1 && is_suffix(words[n - 1]))
        n--;
    return n;
}

/* One given name against another: equal, or an initial of it. */
static bool given_fits(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    size_t la = strlen(a), lb = strlen(b);
    return (la == 1 && a[0] == b[0]) || (lb == 1 && b[0] == a[0]);
}

/* Whether the shorter list fits into the longer one in order. */
bool kg_diff_given_compatible(const char *const *a, size_t na, const char *const *b, size_t nb)
{
    if (na > nb)
        return kg_diff_given_compatible(b, nb, a, na);
    size_t j = 0;
    for (size_t i = 0; i < na; i++) {
        while (j < nb && !given_fits(a[i], b[j]))
            j++;
        if (j == nb)
            return false;
        j++;
    }
    return true;
}

bool kg_diff_names_compatible(const char *a, const char *b)
{
    kg_arena *arena = kg_arena_new();
    char *fa = arena ? kg_diff_fold(arena, a) : NULL, *fb = arena ? kg_diff_fold(arena, b) : NULL;
    bool ok = false;
    if (fa && fb) {
        const char *wa[KG_DIFF_NAME_WORDS], *wb[KG_DIFF_NAME_WORDS];
        size_t na = kg_diff_name_words(fa, wa, KG_DIFF_NAME_WORDS),
               nb = kg_diff_name_words(fb, wb, KG_DIFF_NAME_WORDS);
        ok = na > 0 && nb > 0 && strcmp(wa[na - 1], wb[nb - 1]) == 0 &&
             kg_diff_given_compatible(wa, na - 1, wb, nb - 1);
    }
    kg_arena_free(arena);
    return ok;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The next character of s as compared: a run of white space reads as one
 * space, and white space at either end not at all. */
static char ws_next(const char **s)
{
    const char *p = *s;
    if (is_space(*p)) {
        while (is_space(*p))
            p++;
        *s = p;
        return *p ? ' ' : '\0';
    }
    if (*p)
        *s = p + 1;
    return *p;
}

/* strcmp as if white space were normalized: the extractor copies some
 * phrases (relations, names) from the text as written, and a version that
 * only reflows the text must not differ. */
int kg_diff_ws_cmp(const char *a, const char *b)
{
    while (is_space(*a))
        a++;
    while (is_space(*b))
        b++;
    for (;;) {
        unsigned char ca = (unsigned char)ws_next(&a), cb = (unsigned char)ws_next(&b);
        if (ca != cb || !ca)
            return (ca > cb) - (ca < cb);
    }
}
