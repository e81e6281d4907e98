/* fuzz_conllu.c - libFuzzer target: any bytes through kg_conllu_read_buffer.
 *
 * Besides memory errors and undefined behaviour, the reader's promises are
 * checked (abort() makes a broken one a crash the fuzzer reports): every
 * sentence has words, every HEAD names a word of its sentence or the root,
 * every word line is listed once in order, a refusal carries a message that
 * names the file, and what is read writes back without error. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conllu.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const kg_conllu_sentence *s)
{
    if (s->n_words == 0 || s->n_lines < s->n_words)
        abort();
    size_t next = 0;
    for (size_t i = 0; i < s->n_lines; i++)
        if (s->lines[i].kind == KG_CONLLU_WORD && s->lines[i].word != next++)
            abort();
    if (next != s->n_words)
        abort();
    for (size_t i = 0; i < s->n_words; i++)
        if (s->words[i].head > s->n_words || !s->words[i].form || !*s->words[i].form)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return 0;
    kg_conllu_sentence *s = NULL;
    size_t n = 0;
    kg_error err = {0};
    if (kg_conllu_read_buffer(a, "fuzz.conllu", (const char *)data, size, &s, &n, &err) == KG_OK) {
        FILE *sink = fopen("/dev/null", "w");
        for (size_t i = 0; i < n; i++) {
            check(&s[i]);
            if (sink && !kg_conllu_write_sentence(sink, &s[i]))
                abort();
        }
        if (sink)
            fclose(sink);
    } else if (strncmp(err.message, "fuzz.conllu", 11) != 0) {
        abort();
    }
    kg_arena_free(a);
    return 0;
}
