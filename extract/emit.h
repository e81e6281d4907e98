/* emit.h - the one door every triple of a sentence goes out through.
 *
 * The readers (clauses.c, nominal.c, speech.c) say what they found and of
 * which kind; the emitter holds the single table of confidences by kind,
 * refuses labels a reader would strike out (more than four words, a stray
 * conjunction, determiner or symbol, an argument that is only punctuation),
 * never relates an entity to itself, and keeps one triple per (subject,
 * relation, object, negation) — the surest.  Triples are appended to the
 * caller's kg_vec of kg_triple in the order first found, so output is
 * deterministic.
 */
#ifndef KG_EMIT_H
#define KG_EMIT_H

#include "kg/extract.h"

/* What kind of reading made a triple; its confidence comes from the table
 * in emit.c. */
typedef enum kg_emit_kind {
    KG_EMIT_CLAUSE,          /* a verb with its own subject and object */
    KG_EMIT_CLAUSE_BORROWED, /* subject from a controlling, coordinated or modified word */
    KG_EMIT_CLAUSE_NO_OBJECT, /* intransitive: "The ceasefire collapsed" */
    KG_EMIT_OBLIQUE,         /* one prepositional phrase of a clause: "meet in" */
    KG_EMIT_ACTIVE,          /* a passive with its agent read actively */
    KG_EMIT_COPULA,          /* "X is a fellow at Y" */
    KG_EMIT_SPEECH,          /* the speaker and what was said */
    KG_EMIT_APPOSITION,      /* "X, a spokesperson for Y" */
    KG_EMIT_ROLE,            /* "British foreign minister Jack Straw" */
    KG_EMIT_TITLE,           /* a title with no holder: (Leo Graham, be, producer) */
    KG_EMIT_POSSESSIVE,      /* "Blinken's visit to Israel" */
    KG_EMIT_HAVE,            /* a possessive that names no relation: (X, have, N) */
    KG_EMIT_NOMINAL,         /* "a deal between Iran and China", "the city of" */
    KG_EMIT_KINDS
} kg_emit_kind;

typedef struct kg_emitter {
    kg_arena *arena;
    kg_vec *out;       /* of kg_triple */
    size_t first;      /* out's length before this sentence: dedup looks no further back */
    size_t sentence;
} kg_emitter;

void kg_emit_begin(kg_emitter *e, kg_arena *a, kg_vec *out, size_t sentence);

/* Emits t (its confidence and sentence are set here).  A refused triple is
 * not an error: KG_OK without output.  Only memory can fail. */
kg_status kg_emit(kg_emitter *e, const kg_triple *t, kg_emit_kind kind, kg_error *err);

/* The confidence the table gives a kind. */
double kg_emit_confidence(kg_emit_kind kind);

#endif
