/* mentions_internal.h - what the files of the entity finder's first pass
 * (mentions.h) share: mentions.c walks a sentence and pushes its candidates,
 * mention_runs.c cuts a capitalized run into candidates, mention_type.c
 * types a name and holds the word tests of organizations and teams the
 * others use, and mention_clubs.c turns places into clubs once the document
 * is scanned.  Nothing else includes it. */
#ifndef KG_MENTIONS_INTERNAL_H
#define KG_MENTIONS_INTERNAL_H

#include "entities_internal.h"

/* Appends c to f->cands, marked as in a row of results when the sentence
 * being scanned is one. */
kg_status kg_mentions_push(kg_entity_finder *f, const kg_cand *c);

/* The capitalized run that starts at token i of sentence si (tokens
 * t[0, n)) into candidates; *end is the token after the run. */
kg_status kg_mention_runs_add(kg_entity_finder *f, size_t si, const kg_token *t, size_t n, size_t i,
                              size_t *end);

/* Types the name tokens [s, e) of a run (titles already removed; titled if
 * there were any) into c's kind, type and name; clause_start: the run opens
 * a sentence, a quotation or a bracket, so its capital says nothing.
 * Returns false when the words name nothing we keep. */
bool kg_mention_type_name(kg_entity_finder *f, const kg_token *t, size_t s, size_t e, bool titled,
                          bool clause_start, kg_cand *c);

/* A legal form that ends a company's name: "Corp", "Co", "Ltd", "AG". */
bool kg_mention_type_is_legal_form(const kg_lexicon *lx, const kg_token *t);

/* A word that makes a longer capitalized phrase an organization: a cue
 * ("Ministry", "Bank") or a legal form. */
bool kg_mention_type_is_org_word(const kg_lexicon *lx, const kg_token *t);

/* [s, e) is a place's name and then one capitalized plural: a team
 * ("Leeds Rhinos"). */
bool kg_mention_type_is_team_name(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e);

#endif
