/* mentions.h - the first pass of the entity finder: one sentence's tokens
 * into candidate mentions (f->cands, in text order) with a kind, a type and
 * a name.  Capitalized runs have titles, honorifics and nationality words
 * peeled off (each its own candidate where it names something), runs are
 * split at connectors when the whole names nothing, acronyms defined in
 * parentheses follow their name; pronouns and role descriptions ("the prime
 * minister") are candidates for entities.c to resolve against earlier
 * people. */
#ifndef KG_MENTIONS_H
#define KG_MENTIONS_H

#include "entities_internal.h"

/* Appends the candidates of sentence si (tokens t[0, n)) to f->cands. */
kg_status kg_mentions_scan(kg_entity_finder *f, size_t si, const kg_token *t, size_t n);

/* Once every sentence is scanned: a place the document names as a club
 * ("Newcastle manager Graeme Souness", "Leeds fans") is that club in every
 * mention, and in a report of games (rows of results or standings, team
 * words) a town's name that is no place of the story is its team.
 * tokens[s] are sentence s's. */
kg_status kg_mentions_clubs(kg_entity_finder *f, kg_token *const *tokens, const size_t *n_tokens);

#endif
