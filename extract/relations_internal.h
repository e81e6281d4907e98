/* relations_internal.h - what the clause reader (clauses.c with clause.c and
 * clause_label.c), nominal.c, speech.c and relations.c share about one
 * sentence; the contract is relations.h. */
#ifndef KG_RELATIONS_INTERNAL_H
#define KG_RELATIONS_INTERNAL_H

#include "emit.h"
#include "relations.h"
#include "udtree.h"

typedef struct kg_rel_ctx {
    kg_arena *a;
    const kg_lexicon *lx;
    const kg_rel_sentence *s;
    kg_udtree t;
    kg_emitter em;
    /* per word, set by speech.c before the other readers run: */
    const char **speaker; /* the clause this predicate heads is what speaker said */
    bool *speech_verb;    /* a verb of saying whose clause speech.c reported */
    bool *attribution;    /* an "according to X" phrase: not an argument */
    bool *cut;            /* scratch mask for phrases, all false between uses */
    bool oom;
} kg_rel_ctx;

/* One triple (s, rel, o) out through the emitter, rel and surf copied
 * (surf NULL: rel); attributed to the speaker of word at's clause, none
 * when at is KG_UD_NONE.  Without a subject or a relation nothing is
 * emitted. */
kg_status kg_rel_put(kg_rel_ctx *c, kg_arg s, const char *rel, const char *surf, kg_arg o,
                     size_t at, bool negated, bool modal, kg_triple_source source,
                     kg_emit_kind kind, kg_error *err);

kg_status kg_speech_read(kg_rel_ctx *c, kg_error *err);
kg_status kg_clauses_read(kg_rel_ctx *c, kg_error *err);
kg_status kg_nominal_read(kg_rel_ctx *c, kg_error *err);

/* Shared word tests (clause.c). */
/* The subject of predicate p, borrowed from a controlling, coordinated or
 * modified word when p has none (*borrowed set); KG_UD_NONE if none. */
size_t kg_clause_subject(const kg_rel_ctx *c, size_t p, bool *borrowed);
/* A noun phrase argument: the subtree of i without its relative clauses,
 * appositions, coordinated conjuncts and punctuation. */
const char *kg_clause_np(kg_rel_ctx *c, size_t i);
/* The same without word w and its subtree (a preposition: "in Chile"). */
const char *kg_clause_np_without(kg_rel_ctx *c, size_t i, size_t w);
/* The same without a preposition the parser left on it ("for X, who ..."). */
const char *kg_clause_subject_np(kg_rel_ctx *c, size_t i);
bool kg_clause_is_predicate(const kg_rel_ctx *c, size_t i);
/* The entity type of entity e, or -1 */
int kg_rel_entity_type(const kg_rel_ctx *c, long e);

#endif
