/* pieces.h - a sentence the parser cannot take whole, parsed in pieces.
 *
 * About one sentence in five of encyclopedic text gets no linkage even with
 * one null link, yet is often clauses that parse on their own: "X did A; Y did
 * B", "X did A, and Y did B", or a clause with an aside in parentheses.  The
 * pieces are parsed apart (at most a few per sentence, each short) and their
 * triples extracted as if they were sentences, with a lower confidence.
 */
#ifndef KG_PIECES_H
#define KG_PIECES_H

#include "triples.h"

/* Appends the triples of the pieces of sentence s to out; *any tells whether
 * any piece gave a triple. */
kg_status kg_pieces_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s, kg_vec *out,
                            bool *any, kg_error *err);

#endif
