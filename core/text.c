/* text.c - see text.h. */
#include "text.h"

#include <utf8proc.h>

size_t kg_text_decode(const char *t, size_t i, size_t end, int32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(end - i), &c);
    if (n <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return (size_t)n;
}

bool kg_text_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cp == 0xFEFF || cp == 0x85 || cat == UTF8PROC_CATEGORY_ZS ||
           cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

size_t kg_text_space_len(const char *t, size_t i, size_t end)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80)
        return kg_text_is_space(c) ? 1 : 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(end - i), &cp);
    return n > 0 && kg_text_is_space(cp) ? (size_t)n : 0;
}

size_t kg_text_skip_space(const char *t, size_t i, size_t end)
{
    size_t n;
    while (i < end && (n = kg_text_space_len(t, i, end)) > 0)
        i += n;
    return i;
}

size_t kg_text_space_len_before(const char *t, size_t lo, size_t e)
{
    if (e <= lo)
        return 0;
    size_t j = e - 1;
    while (j > lo && e - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    size_t n = kg_text_space_len(t, j, e);
    return j + n == e ? n : 0;
}

/* U+2018-U+201D and U+2039/U+203A are E2 80 xx in UTF-8. */
static bool is_e2_80(const char *t, size_t i, size_t end, unsigned char last)
{
    return end - i >= 3 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == last;
}

/* U+00AB and U+00BB are C2 xx. */
static bool is_c2(const char *t, size_t i, size_t end, unsigned char last)
{
    return end - i >= 2 && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == last;
}

size_t kg_text_open_quote_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '"' || t[i] == '\'')
        return 1;
    if (is_e2_80(t, i, end, 0x9C) || is_e2_80(t, i, end, 0x98) || is_e2_80(t, i, end, 0xB9))
        return 3;
    return is_c2(t, i, end, 0xAB) ? 2 : 0;
}

size_t kg_text_close_quote_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '"' || t[i] == '\'')
        return 1;
    if (is_e2_80(t, i, end, 0x9D) || is_e2_80(t, i, end, 0x99) || is_e2_80(t, i, end, 0xBA))
        return 3;
    return is_c2(t, i, end, 0xBB) ? 2 : 0;
}
