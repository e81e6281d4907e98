/* fuzz_doc.h - what the libFuzzer targets that run kg_extract_buffer share:
 * the resources, loaded once, and the promises every extracted document
 * keeps about its mentions.  The resources pointer is a target's only static
 * state: libFuzzer's entry point has no other way to receive it, and it is
 * only read after loading. */
#ifndef KG_FUZZ_DOC_H
#define KG_FUZZ_DOC_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

static kg_resources *resources;

/* Loads the word lists (and with parser, the tagger and parser), or aborts
 * naming the target. */
static void fuzz_load_resources(const char *target, bool parser)
{
    kg_resources_options ro = {NULL, parser};
    kg_error err = {0};
    if (kg_resources_load(&ro, &resources, &err) != KG_OK) {
        fprintf(stderr, "%s: %s\n", target, err.message);
        abort();
    }
}

/* Every mention's byte span lies in the text and its text is those bytes
 * (pronouns and names alike are quoted from it); code-point offsets are
 * ordered and no larger than the byte offsets. */
static void fuzz_check_mentions(const kg_document *d)
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
        if (!m[i].text || strlen(m[i].text) != m[i].end - m[i].start ||
            memcmp(m[i].text, doc->text + m[i].start, m[i].end - m[i].start) != 0)
            abort();
    }
}

#endif
