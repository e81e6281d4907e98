/* fuzz_ud_parse.c - libFuzzer target: the UD tagger and parser of `kg parse`.
 *
 * The committed model (models/en-ud.kgm, memory-mapped) is loaded once.  Each
 * input then goes through kg_ud_parse_text two ways: as `kg parse` reads a
 * file (the reader, then the body), and over the raw bytes as one text, in a
 * heap copy of exactly their size without a terminating NUL, so that
 * AddressSanitizer sees any read past the end (once, when the reader kept
 * the bytes as they were); what was parsed is written as CoNLL-U.  An input
 * the CoNLL-U reader accepts also goes through kg_ud_annotate_conllu (`kg
 * parse --input conllu`) from a temporary file, and what that writes must read back.
 *
 * Checked promises (abort() on a broken one): sentences are in order, inside
 * the text and not empty; tokens lie inside their sentence, non-empty, in
 * order and disjoint, with code-point offsets that count the text's code
 * points (on the reader's valid UTF-8); every word has its lemma, tags and
 * relation; and every tree is complete: one root, every head a word of the
 * sentence, every head chain reaching the root. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conllu.h"
#include "kg/parse.h"
#include "reader.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kg_ud_model *model;
/* The input for kg_ud_annotate_conllu goes to a temporary file that is
 * unlinked at once and named through /proc/self/fd, so that none is left
 * behind however the fuzzer exits (libFuzzer's time limit skips atexit). */
static int conllu_fd = -1;
static char conllu_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_error err = {0};
    if (kg_ud_model_load(NULL, &model, &err) != KG_OK) {
        fprintf(stderr, "fuzz_ud_parse: %s\n", err.message);
        abort();
    }
    char name[] = "/tmp/kg-fuzz-ud-XXXXXX";
    conllu_fd = mkstemp(name);
    if (conllu_fd < 0) {
        perror("fuzz_ud_parse: mkstemp");
        abort();
    }
    unlink(name);
    snprintf(conllu_path, sizeof conllu_path, "/proc/self/fd/%d", conllu_fd);
    return 0;
}

/* heads[0..n) (1-based, 0 the root) form one tree over the n words. */
static void check_tree(const size_t *heads, size_t n)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (heads[i] > n || heads[i] == i + 1)
            abort();
        roots += heads[i] == 0;
        size_t at = i + 1, steps = 0;
        while (at != 0) {
            if (++steps > n)
                abort(); /* a cycle */
            at = heads[at - 1];
        }
    }
    if (n > 0 && roots != 1)
        abort();
}

static size_t code_points(const char *t, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

static void check_sentences(const char *text, size_t start, size_t len, const kg_ud_sentence *s,
                            size_t n, int utf8)
{
    size_t prev = start, cp = 0, cp_at = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].start < prev || s[i].end <= s[i].start || s[i].end > len || s[i].n == 0)
            abort();
        size_t *heads = malloc(s[i].n * sizeof *heads);
        if (!heads)
            return;
        size_t at = s[i].start;
        for (size_t k = 0; k < s[i].n; k++) {
            const kg_ud_word *w = &s[i].words[k];
            if (w->start < at || w->end <= w->start || w->end > s[i].end)
                abort();
            /* a NUL in raw text ends the form early, so only there may it be "" */
            if (!w->form || (utf8 && !*w->form) || !w->lemma || !w->upos || !*w->upos || !w->xpos ||
                !w->deprel || !*w->deprel)
                abort();
            if (utf8) {
                cp += code_points(text, cp_at, w->start);
                if (w->cp_start != cp)
                    abort();
                cp += code_points(text, w->start, w->end);
                cp_at = w->end;
                if (w->cp_end != cp)
                    abort();
            }
            heads[k] = w->head;
            at = w->end;
        }
        check_tree(heads, s[i].n);
        free(heads);
        prev = s[i].end;
    }
}

static void parse(kg_arena *a, const char *text, size_t start, size_t len, int utf8, FILE *sink)
{
    kg_ud_sentence *s = NULL;
    size_t n = 0;
    kg_error err = {0};
    if (kg_ud_parse_text(model, a, text, start, len, &s, &n, NULL, &err) != KG_OK) {
        if (err.message[0] == '\0')
            abort();
        return;
    }
    check_sentences(text, start, len, s, n, utf8);
    if (sink && kg_ud_write_conllu(sink, text, s, n, "fuzz", 1, &err) != KG_OK)
        abort();
}

/* `kg parse --input conllu` over the input, which the CoNLL-U reader accepted. */
static void annotate_conllu(const uint8_t *data, size_t size)
{
    if (ftruncate(conllu_fd, 0) != 0 || pwrite(conllu_fd, data, size, 0) != (ssize_t)size)
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return;
    kg_error err = {0};
    kg_status st = kg_ud_annotate_conllu(model, conllu_path, out, NULL, &err);
    if (fclose(out) != 0 || st != KG_OK) {
        fprintf(stderr, "annotating readable CoNLL-U failed: %s\n", err.message);
        abort();
    }
    kg_arena *a = kg_arena_new();
    kg_conllu_sentence *s = NULL;
    size_t n = 0;
    if (a && kg_conllu_read_buffer(a, "annotated.conllu", buf, len, &s, &n, &err) != KG_OK) {
        fprintf(stderr, "annotated CoNLL-U does not read back: %s\n", err.message);
        abort();
    }
    for (size_t i = 0; a && i < n; i++) {
        size_t *heads = malloc(s[i].n_words * sizeof *heads + 1);
        if (!heads)
            break;
        for (size_t k = 0; k < s[i].n_words; k++)
            heads[k] = s[i].words[k].head;
        check_tree(heads, s[i].n_words);
        free(heads);
    }
    kg_arena_free(a);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return 0;
    FILE *sink = fopen("/dev/null", "w");
    kg_doc doc;
    kg_error err = {0};
    int read = kg_reader_read_buffer(a, "fuzz.txt", (const char *)data, size, &doc, &err) == KG_OK;
    /* parsing is the slow part: text the reader kept as it was is parsed
     * once, in the raw copy, with the reader path's checks */
    int same = read && doc.body_start == 0 && doc.len == size && !memcmp(doc.text, data, size);
    if (read && !same)
        parse(a, doc.text, doc.body_start, doc.len, 1, sink);
    char *raw = malloc(size ? size : 1);
    if (raw) {
        memcpy(raw, data, size);
        parse(a, raw, 0, size, same, sink);
        free(raw);
    }
    if (sink)
        fclose(sink);
    kg_conllu_sentence *cs = NULL;
    size_t n = 0;
    if (kg_conllu_read_buffer(a, "fuzz.conllu", (const char *)data, size, &cs, &n, &err) == KG_OK)
        annotate_conllu(data, size);
    kg_arena_free(a);
    return 0;
}
