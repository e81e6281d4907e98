/* entities.h - finding, typing and canonicalizing the actors and places of a
 * document.
 *
 * Mentions come from capitalized runs of tokens (with titles, honorifics and
 * nationality adjectives peeled off), known names (countries, organizations,
 * places), nationality words, acronyms defined in parentheses, and - resolved
 * against earlier mentions - pronouns and role descriptions ("the prime
 * minister").  Within a document, later short forms (surname, title +
 * surname) join the person first named in full; two people who share a
 * surname stay apart and a bare surname goes to the most recent of them.
 */
#ifndef KG_ENTITIES_H
#define KG_ENTITIES_H

#include "kg/extract.h"
#include "lexicon.h"
#include "ner.h"

/* A title phrase that tied a person to a country or organization in the
 * text ("Israeli Prime Minister Benjamin Netanyahu"): becomes a role triple. */
typedef struct kg_role_fact {
    size_t person;       /* entity index */
    long place;          /* entity index of the country/organization, -1 if none */
    const char *role;    /* "Prime Minister" */
    size_t sentence;
} kg_role_fact;

typedef struct kg_entity_result {
    kg_entity *entities;
    size_t n_entities;
    kg_mention *mentions;   /* in text order */
    size_t n_mentions;
    kg_role_fact *roles;
    size_t n_roles;
} kg_entity_result;

/* tokens[s] / n_tokens[s] are sentence s's tokens.  ner (NULL: none) types
 * the names the word lists cannot.  cp offsets are left 0 for the caller to
 * fill. */
kg_status kg_entities_find(kg_arena *a, const kg_lexicon *lx, const kg_ner *ner, const char *text,
                           const kg_span *sentences, size_t n_sentences,
                           kg_token *const *tokens, const size_t *n_tokens,
                           kg_entity_result *out, kg_error *err);

/* The slug used as an entity id: the letters, marks and digits of the
 * name's key in every script, case-folded ("владимир-путин", "习近平"),
 * diacritics of Latin, Greek, Cyrillic, Hebrew and Arabic letters stripped
 * ("jose"), apostrophes dropped, runs of anything else as one '-'.  A name
 * with no letter or digit is its code points in hex ("u2605").  Different
 * names that still share a slug are told apart by the caller (a suffix). */
char *kg_entities_slug(kg_arena *a, const char *name);

#endif
