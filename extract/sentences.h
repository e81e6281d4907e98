/* sentences.h - sentence boundaries in a span of text.
 *
 * A sentence ends at . ! ? (and any closing quotes/brackets after it) followed
 * by whitespace and a plausible sentence start, or at a blank line.  It does not
 * end after honorifics and common abbreviations (Mr. Dr. St. Gen. U.S. etc.),
 * after single-letter initials (Antony J. Blinken), or inside a number (3.5).
 * Spans exclude surrounding whitespace; empty sentences are never produced.
 */
#ifndef KG_SENTENCES_H
#define KG_SENTENCES_H

#include "kg/extract.h"

kg_status kg_sentences_split(kg_arena *a, const char *text, size_t start, size_t end,
                             kg_span **out, size_t *n, kg_error *err);

/* True if word (len bytes, without its period) is an abbreviation the splitter
 * knows ("Mr", "Gen", "Jan", "etc"), so the tokenizer keeps the same periods. */
bool kg_sentences_is_abbreviation(const char *word, size_t len);

#endif
