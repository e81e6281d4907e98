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

/* The token is a double quotation mark as written or as kg_tokens_split
 * normalizes it: " \u201c \u201d `` ''. */
bool kg_tokens_is_quote(const char *token);

kg_status kg_tokens_split(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                          size_t *n, kg_error *err);

/* UD English tokens, for the tagger and dependency parser (kg/parse.h), cut
 * as the UD English-EWT and GUM treebanks cut them.  Split off: clitics as
 * above (don’t -> do n’t, can't -> ca n't, Israel's -> Israel 's), fused
 * words (cannot -> can not, gonna -> gon na, wanna -> wan na, gotta -> got
 * ta), every hyphen (long - term, 15 - year, 1970 - 1971) except after a
 * prefix (non-profit, co-operate, e-mail) or inside a telephone number, a
 * unit after a number (5pm -> 5 pm, $5 -> $ 5, 5% -> 5 %) and punctuation.
 * Kept whole: numbers, times and dates (22,000  3.5  1990s  4th  10:30
 * 9/11), abbreviations, initials and dotted acronyms with their period as
 * above, URLs, e-mail addresses, file and domain names (enron.com), runs of
 * . ! ? (...  ?!), of - = _ * + ~ and of < >, two single quotes (''), and
 * emoticons.  Offsets, kind and space_before as above; norm folds only the
 * quotes and apostrophes, so a dash stays a dash for the tagger. */
kg_status kg_tokens_split_ud(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                             size_t *n, kg_error *err);

#endif
