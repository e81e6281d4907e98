/* wire.h - the parts of wire-service copy (Reuters, AP, AFP) that are not
 * prose, so that the entity finder and the relation extractor do not read
 * them as such.
 *
 * A dateline opens a story at the start of a line: the place in capitals,
 * then a date, the agency in brackets, or both, then usually a dash:
 * "NEW YORK, March 9 - ", "WASHINGTON (Reuters) - ", "LONDON, Jan 5 (AP) -- ",
 * "ROCHESTER, N.H. 1996-08-22", "KYIV, Ukraine -- ", "(AP) - ".  A headline is a line in capitals:
 * "CHRYSLER TO BUY AMERICAN MOTORS", "SOCCER - JAPAN GET LUCKY WIN".
 * Pure functions of the text: no word list, no state. */
#ifndef KG_WIRE_H
#define KG_WIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/extract.h"

/* The byte offset where the story starts after sentence's dateline (past
 * the dash and the spaces after it), or sentence.start when the sentence
 * does not open a line with a dateline.  text is the whole document. */
size_t kg_wire_dateline_end(const char *text, kg_span sentence);

/* The places a dateline names, in order, as byte spans of text: the city
 * and, when given, its state or country ("ROCHESTER" and "N.H."); at most
 * max of them.  Returns how many (0 when there is no dateline). */
size_t kg_wire_dateline_places(const char *text, kg_span sentence, kg_span *places, size_t max);

/* Whether the sentence reads as a headline: at least two words with
 * letters, nine letters in ten or more capitals, and a word of three
 * capitals or more; or one word alone, of four capitals or more and no
 * lower-case letter (a slug: "SOCCER").  "The IMF and NATO met" is not one.  A caller that
 * skipped a dateline passes the rest, {kg_wire_dateline_end, end}. */
bool kg_wire_is_headline(const char *text, kg_span sentence);

#endif
