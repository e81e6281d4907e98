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

/* The entity argument of a triple that gives a claim (the other argument
 * no entity), or -1; *role says which side it is on. */
static long claim_entity(const kg_triple *t, size_t n_entities, kg_claim_role *role)
{
    bool s = t->subject.entity >= 0 && (size_t)t->subject.entity < n_entities;
    bool o = t->object.entity >= 0 && (size_t)t->object.entity < n_entities;
    if (s == o)
        return -1;
    *role = s ? KG_CLAIM_SUBJECT : KG_CLAIM_OBJECT;
    return s ? t->subject.entity : t->object.entity;
}

static const char *claim_argument(const kg_triple *t, kg_claim_role role)
{
    const char *a = role == KG_CLAIM_SUBJECT ? t->object.text : t->subject.text;
    return a ? a : "";
}

static size_t first_word_len(const char *s)
{
    size_t n = 0;
    while (s[n] && s[n] != ' ')
        n++;
    return n;
}

/* Whether u reads the same clause as t more fully: the same sentence,
 * entity and role, the same verb (first word of the relation) and an
 * argument that holds t's ("reject these proposals on Monday" holds both
 * "reject these proposals" and "reject proposals on Monday").  Of two equal
 * readings the first is kept. */
static bool fuller_reading(const kg_triple *u, size_t ui, const kg_triple *t, size_t ti,
                           size_t n_entities)
{
    kg_claim_role ru = KG_CLAIM_SUBJECT, rt = KG_CLAIM_SUBJECT;
    long eu = claim_entity(u, n_entities, &ru), et = claim_entity(t, n_entities, &rt);
    if (ui == ti || eu < 0 || eu != et || ru != rt || u->sentence != t->sentence || !u->relation)
        return false;
    size_t lu = first_word_len(u->relation), lt = first_word_len(t->relation);
    if (lu != lt || memcmp(u->relation, t->relation, lu) != 0)
        return false;
    const char *au = claim_argument(u, ru), *at = claim_argument(t, rt);
    size_t nu = strlen(au), nt = strlen(at);
    if (nu < nt || !strstr(au, at))
        return false;
    return nu > nt || strlen(u->relation) < strlen(t->relation) ||
           (strlen(u->relation) == strlen(t->relation) && ui < ti);
}

/* Whether u is an edge between two entities read off t's clause, with t's
 * entity in the same role and the same verb. */
static bool clause_edge(const kg_triple *u, const kg_triple *t, long e, kg_claim_role role,
                        size_t n_entities)
{
    if (u == t || u->sentence != t->sentence || !u->relation || u->subject.entity < 0 ||
        u->object.entity < 0 || (size_t)u->subject.entity >= n_entities ||
        (size_t)u->object.entity >= n_entities || u->subject.entity == u->object.entity)
        return false;
    if ((role == KG_CLAIM_SUBJECT ? u->subject.entity : u->object.entity) != e)
        return false;
    size_t lu = first_word_len(u->relation), lt = first_word_len(t->relation);
    return lu == lt && memcmp(u->relation, t->relation, lu) == 0;
}

typedef struct doc_sentences {
    const kg_document *d;
    const kg_doc *doc;
    const kg_span *spans;
    size_t n;
} doc_sentences;

/* The evidence of sentence s; ev->text is malloc'd. */
static kg_status sentence_evidence(const doc_sentences *ds, size_t s, kg_evidence *ev,
                                   kg_error *err)
{
    kg_span span = ds->spans[s];
    if (span.end > ds->doc->len || span.start > span.end)
        return kg_error_set(err, KG_ERR_INPUT, "%s: sentence %zu lies outside the text",
                            ds->doc->path ? ds->doc->path : ds->doc->id, s);
    char *text = evidence_text(ds->doc->text + span.start, span.end - span.start);
    if (!text)
        return kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
    *ev = (kg_evidence){
        .doc = ds->doc->id,
        .date = ds->doc->date,
        .sentence = s,
        .start = span.start,
        .end = span.end,
        .cp_start = kg_document_cp(ds->d, span.start),
        .cp_end = kg_document_cp(ds->d, span.end),
        .text = text,
    };
    return KG_OK;
}

/* Triples of one sentence are few (tens), so comparing each with the
 * others of its sentence stays linear in the document. */
static kg_status add_claim(kg_graph *g, const doc_sentences *ds, const kg_triple *triples, size_t i,
                           size_t lo, size_t hi, const size_t *node_of, size_t n_entities,
                           kg_error *err)
{
    const kg_triple *t = &triples[i];
    kg_claim_role role;
    long e = claim_entity(t, n_entities, &role);
    /* a clause says what an entity did; a noun phrase ("Israel's military
     * strategy", "President Biden") only names it */
    if (e < 0 || !t->relation || !*t->relation || t->source != KG_SRC_PARSE)
        return KG_OK;
    for (size_t k = lo; k < hi; k++)
        if (fuller_reading(&triples[k], k, t, i, n_entities))
            return KG_OK;
    const char *arg = claim_argument(t, role);
    const kg_value *vs = role == KG_CLAIM_SUBJECT ? t->object_values : t->subject_values;
    size_t nv = role == KG_CLAIM_SUBJECT ? t->n_object_values : t->n_subject_values;
    /* a piece of a clause that joins the entity to another ("criticised
     * Blair in a speech": "criticise in a speech") is told by that edge,
     * unless it carries a value the edge does not ("met Blinken on Monday") */
    for (size_t k = lo; k < hi && nv == 0; k++)
        if (clause_edge(&triples[k], t, e, role, n_entities))
            return KG_OK;
    size_t alen = strlen(arg);
    kg_claim_value *cv = nv ? calloc(nv, sizeof *cv) : NULL;
    char **texts = nv ? calloc(nv, sizeof *texts) : NULL;
    kg_evidence ev;
    kg_status st =
        nv && (!cv || !texts) ? kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory") : KG_OK;
    size_t kept = 0;
    for (size_t k = 0; k < nv && st == KG_OK; k++) {
        if (vs[k].start > vs[k].end || vs[k].end > alen)
            continue;
        texts[kept] = malloc(vs[k].end - vs[k].start + 1);
        if (!texts[kept]) {
            st = kg_error_set(err, KG_ERR_NOMEM, "graph: out of memory");
            break;
        }
        memcpy(texts[kept], arg + vs[k].start, vs[k].end - vs[k].start);
        texts[kept][vs[k].end - vs[k].start] = '\0';
        cv[kept] =
            (kg_claim_value){.kind = vs[k].kind, .amount = vs[k].amount, .text = texts[kept]};
        memcpy(cv[kept].currency, vs[k].currency, sizeof cv[kept].currency);
        memcpy(cv[kept].date, vs[k].date, sizeof cv[kept].date);
        kept++;
    }
    if (st == KG_OK)
        st = sentence_evidence(ds, t->sentence, &ev, err);
    if (st == KG_OK) {
        kg_claim spec = {
            .node = node_of[e],
            .role = role,
            .relation = t->relation,
            .argument = arg,
            .negated = t->negated,
            .modal = t->modal,
            .attributed = t->attributed,
            .speaker = t->attributed && t->attributed_to ? t->attributed_to : "",
            .values = cv,
            .n_values = kept,
            .count = 1,
            .confidence = t->confidence,
            .evidence = &ev,
            .n_evidence = 1,
        };
        size_t index;
        st = kg_graph_put_claim(g, &spec, &index, err);
        free((char *)ev.text);
    }
    for (size_t k = 0; k < kept; k++)
        free(texts[k]);
    free(texts);
    free(cv);
    return st;
}

static kg_status add_triples(kg_graph *g, const kg_document *d, const kg_doc *doc,
                             const size_t *node_of, size_t n_entities, kg_error *err)
{
    size_t n_sent, n;
    const kg_span *sentences = kg_document_sentences(d, &n_sent);
    const kg_triple *triples = kg_document_triples(d, &n);
    doc_sentences ds = {d, doc, sentences, n_sent};
    size_t lo = 0, hi = 0; /* the triples of t's sentence, which come together */
    for (size_t i = 0; i < n; i++) {
        const kg_triple *t = &triples[i];
        if (t->sentence >= n_sent)
            continue;
        if (i >= hi || triples[lo].sentence != t->sentence) {
            lo = i;
            for (hi = i; hi < n && triples[hi].sentence == t->sentence; hi++)
                ;
        }
        if (t->subject.entity < 0 || t->object.entity < 0 ||
            (size_t)t->subject.entity >= n_entities || (size_t)t->object.entity >= n_entities ||
            !t->relation) {
            kg_status st = add_claim(g, &ds, triples, i, lo, hi, node_of, n_entities, err);
            if (st != KG_OK)
                return st;
            continue;
        }
        size_t s = node_of[t->subject.entity], o = node_of[t->object.entity];
        if (s == o) /* two entities with one id, or one entity on both sides */
            continue;
        kg_evidence ev;
        kg_status est = sentence_evidence(&ds, t->sentence, &ev, err);
        if (est != KG_OK)
            return est;
        char *text = (char *)ev.text;
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
