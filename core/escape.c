/* escape.c - text from the input, made safe to print.
 *
 * An article or a hand-written graph may hold any character, and kg prints
 * names, relations and sentences to terminals and into TSV rows.  A raw ESC,
 * BEL or C1 control there is an instruction to the terminal (colours, window
 * titles, OSC 52 clipboard writes, U+009B is CSI), and a raw tab or newline
 * splits a TSV row.  Every printer in kg goes through kg_escape_write, one
 * mode per kind of output (kg/base.h lists them).
 *
 * Escapes are \xHH with the code point in hex, as Python writes a str
 * ("\x1b", "\x7f", "\x9b" for U+009B, which is two bytes in UTF-8).  A byte
 * that is not part of valid UTF-8 is shown the same way, so no raw 8-bit
 * control reaches a terminal either.  Runs of ordinary text are written with
 * one fwrite, so printing costs about what fputs does.
 */
#include "kg/base.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* C0 controls, DEL and C1 controls (U+0080-U+009F). */
static bool is_control(utf8proc_int32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Writes the escape for code point (or stray byte) cp in mode; a stray
 * byte is never a backslash, tab or newline, which are ASCII. */
static int put_escape(FILE *out, utf8proc_int32_t cp, kg_escape_mode mode)
{
    if (mode == KG_ESCAPE_JSON) /* a JSON string escape: the same value */
        return fprintf(out, "\\u%04X", (unsigned)cp) < 0 ? EOF : 0; /* as jansson's */
    if (mode == KG_ESCAPE_LINE && (cp == '\t' || cp == '\n' || cp == '\r'))
        return fputc(' ', out) == EOF ? EOF : 0;
    if (mode == KG_ESCAPE_TSV) {
        const char *c = cp == '\t'   ? "\\t"
                        : cp == '\n' ? "\\n"
                        : cp == '\r' ? "\\r"
                        : cp == '\\' ? "\\\\"
                                     : NULL;
        if (c)
            return fputs(c, out) == EOF ? EOF : 0;
    }
    return fprintf(out, "\\x%02x", (unsigned)cp) < 0 ? EOF : 0;
}

/* True if code point cp (a stray byte when !valid) cannot be written raw in
 * mode. */
static bool needs_escape(utf8proc_int32_t cp, bool valid, kg_escape_mode mode)
{
    if (mode == KG_ESCAPE_JSON) /* jansson escapes C0 itself; its layout needs \n */
        return valid && cp >= 0x7F && cp <= 0x9F;
    if (!valid)
        return true;
    return is_control(cp) || (mode == KG_ESCAPE_TSV && cp == '\\');
}

int kg_escape_write(FILE *out, const char *s, kg_escape_mode mode)
{
    if (!s)
        return 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *run = p;
    while (*p) {
        utf8proc_int32_t cp = *p;
        utf8proc_ssize_t n = 1;
        if (*p >= 0x80)
            n = utf8proc_iterate(p, -1, &cp);
        bool valid = n > 0;
        if (!valid) {
            cp = *p; /* the stray byte itself */
            n = 1;
        }
        if (!needs_escape(cp, valid, mode)) {
            p += n;
            continue;
        }
        if (p > run && fwrite(run, 1, (size_t)(p - run), out) != (size_t)(p - run))
            return EOF;
        if (put_escape(out, cp, mode) == EOF)
            return EOF;
        p += n;
        run = p;
    }
    if (p > run && fwrite(run, 1, (size_t)(p - run), out) != (size_t)(p - run))
        return EOF;
    return 0;
}
