/* xml_check.h - for tests of XML outputs (GraphML, SVG): whether a text holds
 * only what a well-formed XML 1.0 document can, written here from the XML
 * specification rather than from kg's own rules: characters (raw or as
 * references "&#1;", "&#xFFFE;") in Char, and no entity but the five
 * predefined ones.  The CLI tests also hand the files to Python's parser. */
#ifndef KG_TEST_XML_CHECK_H
#define KG_TEST_XML_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* XML 1.0, section 2.2: Char. */
static inline bool xml_check_char(long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* The reference at s ("&...;"): true if XML allows it; *len its length. */
static inline bool xml_check_reference(const char *s, size_t *len)
{
    static const char *const predefined[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    const char *end = strchr(s, ';');
    *len = 1;
    if (!end)
        return false;
    *len = (size_t)(end - s) + 1;
    if (s[1] == '#') {
        char *stop;
        long cp = s[2] == 'x' ? strtol(s + 3, &stop, 16) : strtol(s + 2, &stop, 10);
        return stop == end && xml_check_char(cp);
    }
    for (size_t i = 0; i < sizeof predefined / sizeof predefined[0]; i++)
        if (strlen(predefined[i]) == *len && !strncmp(s, predefined[i], *len))
            return true;
    return false;
}

/* True if xml holds only allowed characters and references; otherwise
 * prints the first offender and its offset. */
static inline bool xml_check_text(const char *xml)
{
    for (size_t i = 0, len = 1; xml[i]; i += len) {
        utf8proc_int32_t cp = (unsigned char)xml[i];
        len = 1;
        bool ok;
        if (xml[i] == '&') {
            ok = xml_check_reference(xml + i, &len);
        } else {
            utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)xml + i, -1, &cp);
            ok = n > 0 && xml_check_char(cp);
            len = n > 0 ? (size_t)n : 1;
        }
        if (!ok) {
            fprintf(stderr, "not XML at byte %zu: %.20s\n", i, xml + i);
            return false;
        }
    }
    return true;
}

#endif
