/* fuzz_entities.c - libFuzzer target: kg_extract_buffer without the parser.
 *
 * The word lists are loaded once (LLVMFuzzerInitialize) because loading them
 * takes far longer than one input; the parser is not loaded, so each input
 * runs reader, sentences, tokens and entities (no tree, so no triple).  The
 * resources pointer is the harness's only static state: libFuzzer's entry
 * point has no other way to receive it, and it is only read after loading.
 *
 * Checked promises (abort() on a broken one): every mention's byte span lies
 * in the text and its text is those bytes, code-point offsets are ordered and
 * no larger than the byte offsets, and triples point at real entities and
 * sentences. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kg_resources *resources;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_resources_options ro = {NULL, false};
    kg_error err = {0};
    if (kg_resources_load(&ro, &resources, &err) != KG_OK) {
        fprintf(stderr, "fuzz_entities: %s\n", err.message);
        abort();
    }
    return 0;
}

static void check_mentions(const kg_document *d)
{
    const kg_doc *doc = kg_document_doc(d);
    size_t ne, nm, ns;
    kg_document_entities(d, &ne);
    kg_document_sentences(d, &ns);
    const kg_mention *m = kg_document_mentions(d, &nm);
    for (size_t i = 0; i < nm; i++) {
        if (m[i].entity >= ne || m[i].sentence >= ns || m[i].start >= m[i].end ||
            m[i].end > doc->len || m[i].cp_start >= m[i].cp_end || m[i].cp_end > m[i].end ||
            m[i].cp_start > m[i].start)
            abort();
        /* pronouns and names alike are quoted from the text */
        if (!m[i].text || strlen(m[i].text) != m[i].end - m[i].start ||
            memcmp(m[i].text, doc->text + m[i].start, m[i].end - m[i].start) != 0)
            abort();
    }
}

static void check_triples(const kg_document *d)
{
    size_t ne, nt, ns;
    kg_document_entities(d, &ne);
    kg_document_sentences(d, &ns);
    const kg_triple *t = kg_document_triples(d, &nt);
    for (size_t i = 0; i < nt; i++) {
        if (t[i].subject.entity >= (long)ne || t[i].object.entity >= (long)ne ||
            t[i].subject.entity < -1 || t[i].object.entity < -1 || t[i].sentence >= ns ||
            !t[i].relation || !(t[i].confidence >= 0 && t[i].confidence <= 1))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_extract_options o;
    kg_extract_options_init(&o);
    kg_document *d = NULL;
    kg_error err = {0};
    if (kg_extract_buffer(resources, &o, "fuzz.txt", (const char *)data, size, &d, &err) == KG_OK) {
        check_mentions(d);
        check_triples(d);
    } else if (err.message[0] == '\0') {
        abort();
    }
    kg_document_free(d);
    return 0;
}
