/* fuzz_tokens.c - libFuzzer target: reader, sentences, then kg_tokens_split and
 * kg_tokens_split_ud (the UD tokenizer of kg parse) on each sentence, as the
 * pipelines call them; then both tokenizers again over
 * the raw bytes as one span (tokens.c accepts any text, invalid UTF-8 and
 * NULs included), in a heap copy of exactly their size and without a
 * terminating NUL, so that AddressSanitizer sees any read past the end.
 *
 * Checked promises (abort() on a broken one): tokens lie inside their span,
 * are non-empty, in order and disjoint, carry a norm no longer than the
 * token, and (on the reader's valid UTF-8) start and end on code-point
 * boundaries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "sentences.h"
#include "tokens.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_continuation(const char *t, size_t i)
{
    return ((unsigned char)t[i] & 0xC0) == 0x80;
}

static void check_tokens(const char *text, size_t len, kg_span s, const kg_token *tok, size_t n,
                         int utf8)
{
    size_t prev = s.start;
    for (size_t i = 0; i < n; i++) {
        if (tok[i].start < prev || tok[i].end <= tok[i].start || tok[i].end > s.end)
            abort();
        if (utf8 && (is_continuation(text, tok[i].start) ||
                     (tok[i].end < len && is_continuation(text, tok[i].end))))
            abort();
        /* a NUL in raw text ends the norm early, so only "no longer" holds */
        if (!tok[i].norm || strlen(tok[i].norm) > tok[i].end - tok[i].start)
            abort();
        prev = tok[i].end;
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
    if (kg_reader_read_buffer(a, "fuzz.txt", (const char *)data, size, &doc, &err) == KG_OK &&
        kg_sentences_split(a, doc.text, doc.body_start, doc.len, &s, &n, &err) == KG_OK) {
        for (size_t i = 0; i < n; i++) {
            kg_token *tok = NULL;
            size_t nt = 0;
            if (kg_tokens_split(a, doc.text, s[i], &tok, &nt, &err) != KG_OK)
                abort();
            if (nt == 0)
                abort(); /* a sentence is never empty, so it has a token */
            check_tokens(doc.text, doc.len, s[i], tok, nt, 1);
            if (kg_tokens_split_ud(a, doc.text, s[i], &tok, &nt, &err) != KG_OK || nt == 0)
                abort();
            check_tokens(doc.text, doc.len, s[i], tok, nt, 1);
        }
    }
    char *raw = malloc(size ? size : 1);
    if (raw) {
        memcpy(raw, data, size);
        kg_span all = {0, size};
        kg_token *tok = NULL;
        size_t nt = 0;
        if (kg_tokens_split(a, raw, all, &tok, &nt, &err) != KG_OK)
            abort();
        check_tokens(raw, size, all, tok, nt, 0);
        if (kg_tokens_split_ud(a, raw, all, &tok, &nt, &err) != KG_OK)
            abort();
        check_tokens(raw, size, all, tok, nt, 0);
        free(raw);
    }
    kg_arena_free(a);
    return 0;
}
