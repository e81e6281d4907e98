/* text.c - see text.h. */
#include "text.h"

#include <utf8proc.h>

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
