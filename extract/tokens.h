/* tokens.h - words, numbers and punctuation of one sentence.
 *
 * Kept whole: numbers with separators (22,000  3.5  1990s), hyphenated words
 * (right-wing), abbreviations and initials with their periods (U.S.  Mr.  J.),
 * contractions' stems.  Split off: the possessive 's / ' (as its own token,
 * normalized to "'s" or "'"), n't, and every punctuation mark, curly quotes
 * included.  norm folds ’ ‘ to ' , “ ” to " , – — to - ; it is otherwise the
 * token's bytes.
 */
#ifndef KG_TOKENS_H
#define KG_TOKENS_H

#include "kg/extract.h"

kg_status kg_tokens_split(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                          size_t *n, kg_error *err);

#endif
