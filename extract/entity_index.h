/* entity_index.h - the indexes of resolution, kept in step with the
 * entities: who has a surname, a key, an alias, an organization's initials,
 * a role, how many persons share a given name or middle word, and who was
 * seen last (per pronoun gender).  Scanning every entity for each mention
 * made 40,000 sentences of new names take 35 s (and 100,000 not finish in
 * 400 s); these maps answer in what a name shares with earlier ones.
 * Every call that can fail returns KG_ERR_NOMEM, set in f->err. */
#ifndef KG_ENTITY_INDEX_H
#define KG_ENTITY_INDEX_H

#include "entities_internal.h"

/* Counts (or uncounts) person e under its given name (when it has two words
 * or more) and the words between its first and last, which kg_entity_match_person's
 * one-word rules ask about.  Words of one byte are never asked about. */
kg_status kg_entity_index_tally_person(kg_entity_finder *f, size_t e, bool add);

/* The one entity tallied under w: its index, -1 if none, -2 if several. */
long kg_entity_index_tally_one(kg_entity_finder *f, const kg_strmap *m, const char *w);

/* Person e was just seen, as candidate last_seen - 1: to the front of the
 * lists its gender fits, one more time named (unless by a pronoun), and the
 * sentence and rank of the mention (of two in one sentence the first's
 * rank stands). */
void kg_entity_index_touch(kg_entity_finder *f, size_t e);

/* How many persons other than candidate ci's own entity are named before it
 * in its sentence: 0 for the first, which is most often the subject. (A possessive
 * "His" opening a sentence counts too: telling it from "He" lost on GUM.) */
size_t kg_entity_index_rank(kg_entity_finder *f, size_t ci);

/* A role of person e, under every key kg_entity_match_role_holder asks with: the role
 * lower-cased and without a lower-case qualifier ("former Prime Minister"
 * answers "the prime minister"), and each of its word prefixes ("the
 * secretary" answers "Secretary of State"). */
kg_status kg_entity_index_role(kg_entity_finder *f, size_t e, const char *r);

/* An alias of entity e: kg_entity_match_any finds the lowest entity with an alias of
 * that key. */
kg_status kg_entity_index_alias(kg_entity_finder *f, size_t e, const char *alias);

/* Entity e (just made) into the indexes its type uses. */
kg_status kg_entity_index_add(kg_entity_finder *f, size_t e);

kg_status kg_entity_index_init(kg_entity_finder *f);

void kg_entity_index_free(kg_entity_finder *f);

#endif
