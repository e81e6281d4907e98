/* fuzz_sentences.c - libFuzzer target: reader, then kg_sentences_split over
 * the body, as the pipeline calls it; then the splitter again over the raw
 * bytes (invalid UTF-8 and NULs included) in a heap copy of exactly their
 * size and without a terminating NUL, so that AddressSanitizer sees any read
 * past the end that the reader's terminator would hide.
 *
 * Checked promises (abort() on a broken one): spans lie inside the region,
 * are non-empty, in order and disjoint, and (on the reader's valid UTF-8)
 * start and end on code-point boundaries, so no later stage can cut a
 * character in two. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "sentences.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_continuation(const char *t, size_t i)
{
    return ((unsigned char)t[i] & 0xC0) == 0x80;
}

static void check_spans(const char *text, size_t start, size_t len, const kg_span *s, size_t n,
                        int utf8)
{
    size_t prev = start;
    for (size_t i = 0; i < n; i++) {
        if (s[i].start < prev || s[i].end <= s[i].start || s[i].end > len)
            abort();
        if (utf8 && (is_continuation(text, s[i].start) ||
                     (s[i].end < len && is_continuation(text, s[i].end))))
            abort();
        prev = s[i].end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return 0;
    kg_doc doc;
    kg_error err = {0};
    kg_span *s = NULL;
    size_t n = 0;
    if (kg_reader_read_buffer(a, "fuzz.txt", (const char *)data, size, &doc, &err) == KG_OK) {
        if (kg_sentences_split(a, doc.text, doc.body_start, doc.len, &s, &n, &err) != KG_OK)
            abort(); /* only allocation can fail, and the arena did not */
        check_spans(doc.text, doc.body_start, doc.len, s, n, 1);
    }
    char *raw = malloc(size ? size : 1);
    if (raw) {
        memcpy(raw, data, size);
        if (kg_sentences_split(a, raw, 0, size, &s, &n, &err) != KG_OK)
            abort();
        check_spans(raw, 0, size, s, n, 0);
        free(raw);
    }
    kg_arena_free(a);
    return 0;
}
