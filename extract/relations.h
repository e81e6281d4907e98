/* relations.h - the triples of one parsed sentence.
 *
 * Read off the sentence's Universal Dependencies tree (kg/parse.h) by three
 * readers, one concern each: clauses.c (verbs with their subjects, objects
 * and prepositional phrases; control chains, coordination, relative clauses,
 * passives, negation and modality), nominal.c (appositions, titles before a
 * name, possessives, nominal relations between entities) and speech.c (what
 * was said, by whom, and "according to").  Every triple goes out through
 * emit.c, which holds the confidence table and deduplicates.  Arguments are
 * tied to entities through the word -> entity map.
 */
#ifndef KG_RELATIONS_H
#define KG_RELATIONS_H

#include "entities.h"
#include "kg/extract.h"
#include "kg/parse.h"
#include "lexicon.h"

typedef struct kg_rel_sentence {
    size_t index;              /* sentence number in the document */
    const char *text;          /* the whole document text */
    const kg_ud_word *words;   /* tagged and parsed, offsets into text */
    size_t n;
    const long *word_entity;   /* entity index per word, -1 if none */
    const kg_entity *entities; /* the document's entities, for their types */
    size_t n_entities;
    const kg_role_fact *roles; /* the entity finder's role facts of this sentence */
    size_t n_roles;
} kg_rel_sentence;

/* Appends the sentence's triples to out (a kg_vec of kg_triple). */
kg_status kg_relations_extract(kg_arena *a, const kg_lexicon *lx, const kg_rel_sentence *s,
                               kg_vec *out, kg_error *err);

#endif
