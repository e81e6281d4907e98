/* reader.c - one document from a file or buffer into the arena.
 *
 * The bytes are copied once into the arena and repaired in place: every byte
 * that is not part of a well-formed UTF-8 sequence becomes '?', so the length
 * (and every byte offset a later stage reports) stays that of the input.  NUL
 * bytes are refused instead, because they mean the input is not text.
 *
 * Whitespace, for the empty-document check and around the date header, is
 * ASCII whitespace, Unicode separators (Zs/Zl/Zp), NEL and the BOM (U+FEFF),
 * so a file that starts with a BOM reads like one that does not.
 * Without a date header body_start is 0, as kg/extract.h promises; later
 * stages skip the leading whitespace (BOM included) themselves.
 * max_bytes 0 means KG_READER_MAX_BYTES.  Error texts use strerror, which
 * glibc makes thread-safe for the errno values a read can produce.
 */
#include "reader.h"
#include "text.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>


/* ------------------------------------------------------------ helpers */

/* Where the id of path lies in it: [*from, *to).  See kg_extract_doc_id. */
static void id_span(const char *path, bool keep_dirs, size_t *from, size_t *to)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t base = len;
    while (base > 0 && path[base - 1] != '/')
        base--;
    size_t stop = len;
    for (size_t i = len; i > base + 1; i--) {
        if (path[i - 1] == '.') {
            stop = i - 1;
            break;
        }
    }
    if (stop == base) { /* nothing left (path "/"): keep what was given */
        *from = 0;
        *to = len;
        return;
    }
    size_t start = base;
    if (keep_dirs) {
        start = 0;
        while (start + 1 < base && path[start] == '.' && path[start + 1] == '/') {
            start += 2;
            while (start < base && path[start] == '/')
                start++;
        }
    }
    *from = start;
    *to = stop;
}

/* s[0..n) with each byte that is not part of valid UTF-8 as U+FFFD: ids are
 * written to JSON and XML, which hold only UTF-8, and a file name need not be
 * UTF-8 (a Latin-1 "caf\xe9.txt").  malloc'd. */
static char *valid_utf8(const char *s, size_t n)
{
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0) {
            memcpy(out + o, s + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    return out;
}

char *kg_extract_doc_id(const char *path, bool keep_dirs)
{
    if (!path || strcmp(path, "-") == 0)
        return strdup("stdin");
    size_t from, to;
    id_span(path, keep_dirs, &from, &to);
    return valid_utf8(path + from, to - from);
}

char *kg_extract_doc_stem(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return strdup("stdin");
    size_t from, to;
    id_span(path, false, &from, &to);
    return strndup(path + from, to - from);
}

const char *kg_reader_id(kg_arena *a, const char *id)
{
    char *v = valid_utf8(id, strlen(id));
    const char *copy = v ? kg_arena_strdup(a, v) : NULL;
    free(v);
    return copy;
}

static const char *doc_id(kg_arena *a, const char *path)
{
    char *id = kg_extract_doc_id(path, false);
    const char *copy = id ? kg_arena_strdup(a, id) : NULL;
    free(id);
    return copy;
}

/* ------------------------------------------------------------ UTF-8 repair */

/* Replaces each byte that is not part of a valid sequence by '?'.  utf8proc
 * rejects overlongs, surrogates, code points above U+10FFFF and truncated
 * sequences; stepping one byte after a failure replaces the bad sequence
 * byte by byte, so offsets do not move. */
static void repair_utf8(char *text, size_t len, kg_doc *doc)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)text[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0) {
            i += (size_t)n;
            continue;
        }
        if (doc->n_invalid == 0)
            doc->first_invalid = i;
        doc->n_invalid++;
        text[i++] = '?';
    }
}

/* ------------------------------------------------------------ date header */

/* Recognizes `date YYYY-MM-DD` at the first non-space byte.  On success
 * copies the date and returns the offset of the first non-space byte after
 * it (len if nothing follows); otherwise returns 0. */
static size_t read_date_header(const char *text, size_t len, char date[11])
{
    size_t i = kg_text_skip_space(text, 0, len);
    if (len - i < 4 || memcmp(text + i, "date", 4) != 0)
        return 0;
    size_t d = kg_text_skip_space(text, i + 4, len);
    if (d == i + 4 || len - d < 10 || !kg_date_check(text + d))
        return 0;
    size_t after = d + 10;
    if (after < len && kg_text_space_len(text, after, len) == 0)
        return 0; /* "2024-01-05x" is not a date */
    memcpy(date, text + d, 10);
    date[10] = '\0';
    return kg_text_skip_space(text, after, len);
}

/* ------------------------------------------------------------ public */

/* Columns count code points; an invalid byte counts as one, as it would once
 * repaired, so positions in raw input (the NUL message) match the repaired text. */
void kg_reader_position(const char *text, size_t offset, size_t *line, size_t *col)
{
    size_t l = 1, c = 1, i = 0;
    while (i < offset) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = 1;
        if ((unsigned char)text[i] >= 0x80)
            n = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(offset - i),
                                 &cp);
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
        i += n > 0 ? (size_t)n : 1;
    }
    if (line)
        *line = l;
    if (col)
        *col = c;
}

kg_status kg_reader_read_buffer(kg_arena *a, const char *name, const char *data, size_t len,
                                kg_doc *out, kg_error *err)
{
    memset(out, 0, sizeof *out);
    if (!name)
        name = "-";
    const char *nul = len ? memchr(data, '\0', len) : NULL;
    if (nul) {
        size_t at = (size_t)(nul - data), line, col;
        kg_reader_position(data, at, &line, &col);
        return kg_error_set(err, KG_ERR_INPUT, "%s:%zu:%zu: binary data (NUL byte at byte %zu)",
                            name, line, col, at);
    }
    char *text = kg_arena_strndup(a, len ? data : "", len);
    const char *path = kg_arena_strdup(a, name);
    const char *id = doc_id(a, name);
    if (!text || !path || !id)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    kg_doc doc = {.id = id, .path = path, .text = text, .len = len};
    repair_utf8(text, len, &doc);
    doc.body_start = read_date_header(text, len, doc.date);
    if (kg_text_skip_space(text, doc.body_start, len) == len)
        return kg_error_set(err, KG_ERR_INPUT, "%s: empty document", name);
    *out = doc;
    return KG_OK;
}

kg_status kg_reader_read_bytes(const char *path, size_t max_bytes, char **buf, size_t *len,
                               kg_error *err)
{
    return kg_file_read_all(path, max_bytes, buf, len, err);
}

kg_status kg_reader_read_file(kg_arena *a, const char *path, size_t max_bytes, kg_doc *out,
                              kg_error *err)
{
    memset(out, 0, sizeof *out);
    if (max_bytes == 0)
        max_bytes = KG_READER_MAX_BYTES;
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_reader_read_bytes(path, max_bytes, &buf, &len, err);
    if (st != KG_OK)
        return st;
    st = kg_reader_read_buffer(a, path, buf, len, out, err);
    free(buf);
    return st;
}

kg_status kg_doc_read_file(kg_arena *a, const char *path, size_t max_bytes, kg_doc *out,
                           kg_error *err)
{
    return kg_reader_read_file(a, path, max_bytes, out, err);
}
