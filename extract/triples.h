/* triples.h - subject-relation-object triples of one sentence.
 *
 * From a link-grammar linkage, one triple per clause in the shape of Open IE
 * benchmarks: the relation as written in t->surface ("has been accepted by"),
 * lemmatized in t->relation ("be accept by"), the subject phrase, and the
 * object phrase followed by the clause's other phrases ("the minister in
 * Berlin in May").  Clauses are found through subjects, relative pronouns,
 * participles and infinitives; verb chains are followed through auxiliaries
 * and control verbs and forked at coordinated verbs.  Reported speech marks
 * the inner clauses attributed, with the speaker phrase.  Smaller triples serve
 * the graph at lower confidence: one per prepositional phrase, per coordinated
 * entity, per "noun + preposition" object, the active reading of a passive,
 * appositions and titles (be), possessives (have), "his visit to Israel".
 * Without a linkage, the sentence is parsed again in pieces (pieces.h), and
 * failing that a shallow extractor reads entity - words - entity patterns off
 * the tokens (shallow.h).  Arguments are tied to entities through the token ->
 * entity map.
 */
#ifndef KG_TRIPLES_H
#define KG_TRIPLES_H

#include "kg/extract.h"
#include "parser.h"

typedef struct kg_sentence_view {
    size_t index;
    const char *text; /* the whole document text */
    const kg_token *tokens;
    size_t n_tokens;
    const long *token_entity; /* entity index per token, -1 if none */
} kg_sentence_view;

/* Appends the triples of one sentence to out (a kg_vec of kg_triple).  lk
 * may be NULL (no linkage): then the sentence is parsed in pieces with p, or
 * if p is NULL too, only the shallow extractor runs. */
kg_status kg_triples_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s,
                             const kg_linkage *lk, kg_vec *out, kg_error *err);

#endif
