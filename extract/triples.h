/* triples.h - subject-relation-object triples of one sentence.
 *
 * From a link-grammar linkage: clauses (S links) with their verb chain
 * (auxiliaries, passives, control verbs), objects (O) and prepositional
 * objects (MV + J), coordination on either side (SJ), relative pronouns and
 * subjectless participles tied to their antecedent, appositions and
 * possessed nouns ("his visit to Israel").  Without a linkage, a shallow
 * extractor reads entity - words - entity patterns off the tokens.
 * Arguments are tied to entities through the token -> entity map.
 */
#ifndef KG_TRIPLES_H
#define KG_TRIPLES_H

#include "kg/extract.h"
#include "parser.h"

typedef struct kg_sentence_view {
    size_t index;
    const char *text;          /* the whole document text */
    const kg_token *tokens;
    size_t n_tokens;
    const long *token_entity;  /* entity index per token, -1 if none */
} kg_sentence_view;

/* Appends the triples of one sentence to out (a kg_vec of kg_triple).
 * lk may be NULL: then only the shallow extractor runs. */
kg_status kg_triples_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s,
                             const kg_linkage *lk, kg_vec *out, kg_error *err);

#endif
