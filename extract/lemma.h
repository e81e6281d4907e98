/* lemma.h - the base form of an English verb or noun, for relation labels.
 *
 * Irregular forms come from a table; regular ones are guessed by stripping
 * inflections (-s, -es, -ies, -ed, -d, -ied, -ing, doubled consonants) and
 * keeping the first guess the parser's dictionary knows, so "stopped" gives
 * "stop", "hoped" gives "hope" and "focused" gives "focus".  Without a parser
 * the plain strip is used.  Output is lower case.
 */
#ifndef KG_LEMMA_H
#define KG_LEMMA_H

#include "parser.h"

const char *kg_lemma_verb(kg_arena *a, const kg_parser *p, const char *word);

#endif
