/* entity_match.h - which earlier entity a mention names, asked of the
 * indexes of entity_index.h; each answer is the one a scan over every
 * entity in index order would give (tests/test_entities.c holds the cases).
 * -1: none. */
#ifndef KG_ENTITY_MATCH_H
#define KG_ENTITY_MATCH_H

#include "entities_internal.h"

/* The lowest entity of this type whose key is key (by_key also holds keys
 * an entity has since replaced: each is checked). */
long kg_entity_match_key(kg_entity_finder *f, kg_entity_type type, const char *key);

/* A new entity for candidate c under key, indexed; -1 when out of memory. */
long kg_entity_match_new(kg_entity_finder *f, const kg_cand *c, const char *key);

/* The person a short form or a full name refers to.  A full name joins an
 * entity with the same first and last word ("Antony Blinken" and "Antony J.
 * Blinken"), or a surname-only entity with no first name yet.  A one-word
 * name joins the most recently mentioned person with that surname (or, if
 * none, that given name).  Among several that fit, the lowest index wins,
 * as the scan over all entities this replaced had it. */
long kg_entity_match_person(kg_entity_finder *f, const char *name);

/* An unknown capitalized word (no title, no given name) that is not a
 * person's surname may still be a known entity's name or acronym: the
 * lowest entity with that key or an alias of it. */
long kg_entity_match_any(kg_entity_finder *f, const char *key);

/* The person pronoun candidate ci stands for: of the persons whose gender
 * does not rule them out and who were seen in the last few sentences, the
 * most salient (entity_match.c weighs recency in sentences, being named
 * first in a sentence, how often the person was mentioned, a known gender
 * that agrees, and, for a pronoun inside a quotation, not being the one who
 * says it); of equals, the one seen latest.  When nobody was seen in those
 * sentences, the latest person of fitting gender. */
long kg_entity_match_pronoun(kg_entity_finder *f, size_t ci);

/* The most recent person who was given this role: "the secretary" matches
 * "Secretary of State"; "the prime minister" matches "Prime Minister". */
long kg_entity_match_role_holder(kg_entity_finder *f, const char *role);

#endif
