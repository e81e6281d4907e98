/* fuzz_relations.c - libFuzzer target: kg_extract_buffer with the parser.
 *
 * The word lists and the UD model are loaded once (LLVMFuzzerInitialize);
 * each input then runs the whole first stage: reader, sentences, tokens,
 * entities, the UD tagger and parser, and the relation readers (speech,
 * clauses, nominal) through emit.  The input is the text as it is; its first
 * byte also picks the options, so that one corpus reaches all of them:
 *
 *   bit 0      graph_only
 *   bits 1-3   max_parse_words: 0 the default (200), 1-6 give 1, 2, 4, 8,
 *              16 or 32 words, 7 no limit
 *   bits 4-5   both set (digits, lower-case p-z): a parse cache in a new
 *              temporary directory, and the input extracted twice
 *
 * With the cache the first extraction parses every sentence and stores it,
 * the second reads every tree back, and both must give the same triples.
 * The resources and the mention checks are fuzz_doc.h's.
 *
 * Checked promises (abort() on a broken one): fuzz_doc.h's for mentions
 * (byte and code-point spans, text quoted from the input); every triple's sentence is a
 * sentence of the document, its subject text is there and not empty, its
 * relation is one to four words, its entities are -1 or entities of the
 * document and not the same one twice, its confidence is in [0, 1], and an
 * attributed triple names its speaker; with graph_only, triples come only
 * from sentences that mention an entity; stages' counts add
 * up; and a cached extraction reads every parsed sentence from the cache
 * and gives exactly the triples of the first. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_doc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_resources("fuzz_relations", true);
    return 0;
}

/* Words of a relation label, which emit.c writes with single spaces. */
static size_t label_words(const char *rel)
{
    size_t n = 0;
    for (const char *p = rel; *p; p++)
        n += *p != ' ' && (p == rel || p[-1] == ' ');
    return n;
}

/* named[s]: sentence s mentions an entity (pronouns and roles count, as
 * they are mentions): with graph_only, only those are read for triples. */
static bool *entity_sentences(const kg_document *d, size_t ns)
{
    bool *named = calloc(ns + 1, sizeof *named);
    if (!named)
        return NULL;
    size_t nm;
    const kg_mention *m = kg_document_mentions(d, &nm);
    for (size_t i = 0; i < nm; i++)
        if (m[i].sentence < ns)
            named[m[i].sentence] = true;
    return named;
}

static void check_triples(const kg_document *d, bool graph_only)
{
    size_t ne, nt, ns;
    kg_document_entities(d, &ne);
    kg_document_sentences(d, &ns);
    const kg_triple *t = kg_document_triples(d, &nt);
    bool *named = graph_only && nt ? entity_sentences(d, ns) : NULL;
    for (size_t i = 0; i < nt; i++) {
        const kg_triple *x = &t[i];
        if (x->sentence >= ns || !x->subject.text || !*x->subject.text || !x->relation)
            abort();
        size_t words = label_words(x->relation);
        if (words < 1 || words > 4)
            abort();
        if (x->subject.entity < -1 || x->subject.entity >= (long)ne || x->object.entity < -1 ||
            x->object.entity >= (long)ne)
            abort();
        if (x->subject.entity >= 0 && x->subject.entity == x->object.entity)
            abort();
        if (!(x->confidence >= 0 && x->confidence <= 1))
            abort();
        if (x->attributed && !x->attributed_to)
            abort();
        if (named && !named[x->sentence])
            abort();
    }
    free(named);
    const kg_extract_stats *st = kg_document_stats(d);
    if (st->sentences != ns || st->candidates > ns || st->parsed + st->too_long > st->candidates ||
        st->cached > st->parsed)
        abort();
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The second, cached extraction b of the same input as a. */
static void check_same_triples(const kg_document *a, const kg_document *b)
{
    size_t na, nb;
    const kg_triple *x = kg_document_triples(a, &na);
    const kg_triple *y = kg_document_triples(b, &nb);
    const kg_extract_stats *sa = kg_document_stats(a), *sb = kg_document_stats(b);
    /* every sentence parsed the first time was stored, so is read back */
    if (sb->parsed != sa->parsed || sb->cached != sb->parsed)
        abort();
    if (na != nb)
        abort();
    for (size_t i = 0; i < na; i++) {
        if (!same_text(x[i].relation, y[i].relation) || !same_text(x[i].surface, y[i].surface) ||
            !same_text(x[i].subject.text, y[i].subject.text) ||
            !same_text(x[i].object.text, y[i].object.text) ||
            !same_text(x[i].attributed_to, y[i].attributed_to) ||
            x[i].subject.entity != y[i].subject.entity ||
            x[i].object.entity != y[i].object.entity || x[i].negated != y[i].negated ||
            x[i].modal != y[i].modal || x[i].attributed != y[i].attributed ||
            x[i].confidence != y[i].confidence || x[i].sentence != y[i].sentence ||
            x[i].source != y[i].source)
            abort();
    }
}

/* Empties and removes the cache directory (its entries are plain files). */
static void remove_cache_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (dp) {
        char path[512];
        for (struct dirent *e = readdir(dp); e; e = readdir(dp)) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(dp);
    }
    rmdir(dir);
}

static kg_document *extract(const kg_extract_options *o, const uint8_t *data, size_t size)
{
    kg_document *d = NULL;
    kg_error err = {0};
    if (kg_extract_buffer(resources, o, "fuzz.txt", (const char *)data, size, &d, &err) != KG_OK) {
        if (err.message[0] == '\0')
            abort();
        return NULL;
    }
    fuzz_check_mentions(d);
    check_triples(d, o->graph_only);
    return d;
}

/* Extracts twice through a cache of its own, which the second run reads. */
static void extract_cached(kg_extract_options *o, const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/kg-fuzz-rel-XXXXXX";
    if (!mkdtemp(dir))
        return;
    kg_parse_cache *cache = NULL;
    kg_error err = {0};
    if (kg_parse_cache_open(dir, &cache, &err) != KG_OK) {
        fprintf(stderr, "fuzz_relations: %s\n", err.message);
        abort();
    }
    o->cache = cache;
    kg_document *first = extract(o, data, size);
    if (first) {
        kg_document *second = extract(o, data, size);
        if (!second)
            abort(); /* the same input, now refused */
        check_same_triples(first, second);
        kg_document_free(second);
    }
    kg_document_free(first);
    kg_parse_cache_close(cache);
    remove_cache_dir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t max_words[8] = {200, 1, 2, 4, 8, 16, 32, 0};
    unsigned b = size ? data[0] : 0;
    kg_extract_options o;
    kg_extract_options_init(&o);
    o.graph_only = b & 1;
    o.max_parse_words = (b >> 1 & 7) ? max_words[b >> 1 & 7] : o.max_parse_words;
    if ((b & 0x30) == 0x30)
        extract_cached(&o, data, size);
    else
        kg_document_free(extract(&o, data, size));
    return 0;
}
