/* fuzz_reader.c - libFuzzer target: any bytes through kg_reader_read_buffer.
 *
 * Besides memory errors and undefined behaviour, the reader's promises are
 * checked (abort() makes a broken one a crash the fuzzer reports): the text
 * keeps the input's length and is NUL-terminated, every byte is part of a
 * valid UTF-8 sequence after repair, the first replaced byte is a '?', the
 * body starts inside the text, and a refusal always carries a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_valid_utf8(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            abort();
        i += (size_t)n;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return 0;
    kg_doc doc;
    kg_error err = {0};
    if (kg_reader_read_buffer(a, "fuzz.txt", (const char *)data, size, &doc, &err) == KG_OK) {
        if (doc.len != size || strlen(doc.text) != doc.len || doc.body_start > doc.len)
            abort();
        check_valid_utf8(doc.text, doc.len);
        if (doc.n_invalid > 0 &&
            (doc.first_invalid >= doc.len || doc.text[doc.first_invalid] != '?'))
            abort();
        size_t line, col;
        kg_reader_position(doc.text, doc.len, &line, &col);
        if (line < 1 || col < 1)
            abort();
    } else if (err.message[0] == '\0') {
        abort();
    }
    kg_arena_free(a);
    return 0;
}
