/* fuzz_entities.c - libFuzzer target: kg_extract_buffer without the parser.
 *
 * The word lists are loaded once (LLVMFuzzerInitialize) because loading them
 * takes far longer than one input; the parser is not loaded, so each input
 * runs reader, sentences, tokens and entities (no tree, so no triple).  The
 * resources and the mention checks are fuzz_doc.h's.
 *
 * Checked promises (abort() on a broken one): every mention's byte span lies
 * in the text and its text is those bytes, code-point offsets are ordered and
 * no larger than the byte offsets, and triples point at real entities and
 * sentences. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_resources("fuzz_entities", false);
    return 0;
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
        fuzz_check_mentions(d);
        check_triples(d);
    } else if (err.message[0] == '\0') {
        abort();
    }
    kg_document_free(d);
    return 0;
}
