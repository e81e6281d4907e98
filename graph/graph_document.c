/* graph_document.c - one extracted document into the graph.
 *
 * Kept apart from graph.c because it is the only part of graph/ that needs the
 * extractor (kg_document_*): the store, its tests and the exporters link
 * without it.  Everything goes through kg_graph_add_doc/put_node/put_edge, so
 * the merge rules of graph.c apply unchanged; igraph is updated once, at the end.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

static kg_status add_entities(kg_graph *g, const kg_document *d, const kg_doc *doc, size_t *node_of,
                              kg_error *err)
{
    size_t n;
    const kg_entity *ents = kg_document_entities(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_entity *e = &ents[i];
        kg_doc_count count = {doc->id, e->mentions};
        kg_node spec;
        memset(&spec, 0, sizeof spec);
        spec.id = e->id;
        spec.label = e->name;
        spec.type = e->type;
        memcpy(spec.iso2, e->iso2, sizeof spec.iso2);
        memcpy(spec.iso3, e->iso3, sizeof spec.iso3);
        spec.aliases = e->aliases;
        spec.n_aliases = e->n_aliases;
        spec.roles = e->roles;
        spec.n_roles = e->n_roles;
        spec.mentions = e->mentions;
        spec.first_doc = doc->id;
        spec.first_offset = e->first_offset;
        spec.first_cp = e->first_cp;
        spec.docs = &count;
        spec.n_docs = 1;
        kg_status st = kg_graph_put_node(g, &spec, &node_of[i], err);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* Evidence quotes at most this many bytes of its sentence: a runaway
 * "sentence" of a megabyte full of names would otherwise be copied, hashed
 * and compared once per triple (quadratic), and a quote that long helps no
 * reader.  The span still gives the whole sentence's place in the input. */
#define EVIDENCE_MAX_BYTES 1000

static char *evidence_text(const char *s, size_t n)
{
    bool cut = n > EVIDENCE_MAX_BYTES;
    if (cut) {
        n = EVIDENCE_MAX_BYTES;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 sequence */
    }
    char *text = malloc(n + sizeof "\u2026");
    if (!text)
        return NULL;
    memcpy(text, s, n);
    strcpy(text + n, cut ? "\u2026" : "");
    return text;
}

static kg_status add_triples(kg_graph *g, const kg_document *d, const kg_doc *doc,
                             const size_t *node_of, size_t n_entities, kg_error *err)
{
    size_t n_sent, n;
    const kg_span *sentences = kg_document_sentences(d, &n_sent);
    const kg_triple *triples = kg_document_triples(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_triple *t = &triples[i];
        if (t->subject.entity < 0 || t->object.entity < 0 ||
            (size_t)t->subject.entity >= n_entities || (size_t)t->object.entity >= n_entities ||
            !t->relation || t->sentence >= n_sent)
            continue;
        size_t s = node_of[t->subject.entity], o = node_of[t->object.entity];
        if (s == o) /* two entities with one id, or one entity on both sides */
            continue;
        kg_span span = sentences[t->sentence];
        if (span.end > doc->len || span.start > span.end)
            return kg_error_set(err, KG_ERR_INPUT, "%s: sentence %zu lies outside the text",
                                doc->path ? doc->path : doc->id, t->sentence);
        char *text = evidence_text(doc->text + span.start, span.end - span.start);
        if (!text)
            return kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
        kg_evidence ev = {
            .doc = doc->id,
            .date = doc->date,
            .sentence = t->sentence,
            .start = span.start,
            .end = span.end,
            .cp_start = kg_document_cp(d, span.start),
            .cp_end = kg_document_cp(d, span.end),
            .text = text,
        };
        kg_edge spec;
        memset(&spec, 0, sizeof spec);
        spec.source = s;
        spec.target = o;
        spec.relation = t->relation;
        spec.negated = t->negated;
        spec.modal = t->modal;
        spec.attributed = t->attributed;
        spec.count = 1;
        spec.confidence = t->confidence;
        spec.evidence = &ev;
        spec.n_evidence = 1;
        size_t index;
        kg_status st = kg_graph_put_edge(g, &spec, &index, err);
        free(text);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

kg_status kg_graph_add_document(kg_graph *g, const kg_document *d, kg_error *err)
{
    if (!g || !d)
        return kg_error_set(err, KG_ERR_USAGE, "graph: add_document needs a graph and a document");
    const kg_doc *doc = kg_document_doc(d);
    kg_status st = kg_graph_claim_doc(g, doc->id, doc->date, doc->path, err);
    if (st != KG_OK)
        return st;
    size_t n_entities;
    kg_document_entities(d, &n_entities);
    size_t *node_of = malloc((n_entities ? n_entities : 1) * sizeof *node_of);
    if (!node_of)
        return kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
    st = add_entities(g, d, doc, node_of, err);
    if (st == KG_OK)
        st = add_triples(g, d, doc, node_of, n_entities, err);
    free(node_of);
    return kg_graph_sync_lazy(g, st, err);
}
