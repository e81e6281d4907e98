/* xml.c - the characters XML 1.0 can hold, for GraphML and for the text
 * Graphviz writes into SVG.
 *
 * XML 1.0 allows tab, newline, CR, U+0020-U+D7FF, U+E000-U+FFFD and
 * U+10000-U+10FFFF; any other character (the other C0 controls, U+FFFE,
 * U+FFFF, a surrogate, a byte that is not UTF-8) makes the whole document
 * not well-formed, and XML parsers refuse it.  An article or a hand-written
 * graph can hold any of them, so every string an XML output carries is
 * passed through here and such characters become U+FFFD.
 *
 * Graphviz needs one thing more: it decodes character references in labels
 * ("&#1;" becomes a raw U+0001 in the SVG) and copies them unchanged into
 * names (<title>n&#1;x</title>), so a text that merely looks like a reference
 * would put a forbidden character, or an undefined entity ("&nbsp;" in XML),
 * into the SVG.  A literal '&' is therefore handed to Graphviz as "&amp;",
 * which every Graphviz output shows as '&'.
 *
 * GraphML and GEXF write their text through kg_export_xml_write, which
 * escapes markup as well; in attribute values it also writes tab, newline and
 * CR as references, so that a sentence keeps its line breaks.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dot_build.h"

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

size_t kg_export_xml_char(const char *s, bool *ok)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    if (*p < 0x80) {
        *ok = *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
        return 1;
    }
    utf8proc_int32_t cp;
    /* utf8proc refuses surrogates, overlongs and truncated sequences */
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
    if (n <= 0) {
        *ok = false;
        return 1; /* one stray byte; what follows is looked at on its own */
    }
    *ok = cp != 0xFFFE && cp != 0xFFFF;
    return (size_t)n;
}

char *kg_export_graphviz_text(char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *out = malloc(5 * n + 1); /* '&' grows most, to "&amp;" */
    if (out) {
        size_t o = 0;
        bool ok;
        for (size_t i = 0, len; i < n; i += len) {
            len = kg_export_xml_char(s + i, &ok);
            const char *put = !ok ? REPLACEMENT : s[i] == '&' ? "&amp;" : s + i;
            size_t put_len = !ok ? 3 : s[i] == '&' ? 5 : len;
            memcpy(out + o, put, put_len);
            o += put_len;
        }
        out[o] = '\0';
    }
    free(s);
    return out;
}

void kg_export_xml_write(FILE *out, const char *s, bool attribute)
{
    if (s) /* a string never set writes as "" */
        kg_export_xml_write_len(out, s, strlen(s), attribute);
}

void kg_export_xml_write_len(FILE *out, const char *s, size_t n, bool attribute)
{
    bool ok;
    for (size_t len; n; s += len, n -= len) {
        len = kg_export_xml_char(s, &ok);
        if (len > n) /* a sequence cut by n: its bytes are not a character */
            len = 1, ok = false;
        if (!ok) {
            fputs(REPLACEMENT, out);
            continue;
        }
        if (len > 1) {
            fwrite(s, 1, len, out);
            continue;
        }
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        case '\t':
        case '\n':
        case '\r':
            /* a parser turns these into spaces in an attribute value
             * (XML 1.0, 3.3.3), but keeps them written as references */
            if (attribute)
                fprintf(out, "&#%d;", *s);
            else
                fputc(*s, out);
            break;
        default:
            fputc(*s, out);
        }
    }
}
