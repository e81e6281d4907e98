/* parser.h - link-grammar behind a small, copyable result.
 *
 * A kg_parser owns the English dictionary (0.3 s and ~28 MB to load, so once
 * per process) and is shared read-only by every thread; parse options and
 * sentences are created per call.  kg_parser_parse hands link-grammar the
 * sentence's normalized tokens and copies the first (lowest-cost) linkage into
 * arena memory, mapping every link-grammar word back to the token it came
 * from, so callers never touch link-grammar types.
 */
#ifndef KG_PARSER_H
#define KG_PARSER_H

#include <stdbool.h>

#include "kg/extract.h"

typedef struct kg_parser kg_parser;

typedef struct kg_lg_word {
    const char *word;    /* as link-grammar printed it, e.g. "communicated.v-d" */
    const char *base;    /* the word without subscript or [!...] guess marks, e.g. "communicated" */
    const char *sub;     /* the subscript after '.', e.g. "v-d"; "" when none */
    long token;          /* index of the token it came from, -1 for the walls */
} kg_lg_word;

typedef struct kg_lg_link {
    size_t left, right;  /* word indices, left < right */
    const char *label;   /* "Ss*s", "MVp", ... */
} kg_lg_link;

typedef struct kg_linkage {
    kg_lg_word *words;
    size_t n_words;
    kg_lg_link *links;
    size_t n_links;
    size_t nulls;        /* words left unlinked */
} kg_linkage;

typedef enum kg_parse_result {
    KG_PARSE_OK,
    KG_PARSE_NONE,       /* no complete linkage within the limits */
    KG_PARSE_TIMEOUT     /* the time limit ran out */
} kg_parse_result;

kg_status kg_parser_new(kg_parser **out, kg_error *err);
void kg_parser_free(kg_parser *p);

/* Parses tokens[0..n) of one sentence.  Tokens with skip[i] set (skip may
 * be NULL) are left out: callers collapse a multi-word name to its head word
 * ("Secretary of State Antony J. Blinken" to "Blinken"), which makes the
 * parse both faster and more often right.  *out is filled only for
 * KG_PARSE_OK. */
kg_status kg_parser_parse(const kg_parser *p, kg_arena *a, const kg_token *tokens, size_t n,
                          const bool *skip, int seconds, kg_linkage *out,
                          kg_parse_result *result, kg_error *err);

/* True if the dictionary has this exact word as a verb (checks lemma guesses). */
bool kg_parser_knows(const kg_parser *p, const char *word);

#endif
