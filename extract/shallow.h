/* shallow.h - triples read off the tokens and the entity mentions alone.
 *
 * Both serve the graph, so both need entities at the ends: "X, a ROLE at Y"
 * appositions, looked for in every sentence because the parser often attaches
 * them elsewhere, and, for a sentence that has no parse at all, entity - up
 * to six words without a clause break - entity.
 */
#ifndef KG_SHALLOW_H
#define KG_SHALLOW_H

#include "triples.h"

/* "Khaled Elgindy, a senior fellow at the Middle East Institute": (Khaled
 * Elgindy, be senior fellow at, Middle East Institute). */
kg_status kg_shallow_appositions(kg_arena *a, const kg_sentence_view *s, kg_vec *out,
                                 kg_error *err);

/* "Chile quietly visited Peru": (Chile, quietly visited, Peru), confidence
 * 0.2. */
kg_status kg_shallow_between_entities(kg_arena *a, const kg_sentence_view *s, kg_vec *out,
                                      kg_error *err);

#endif
