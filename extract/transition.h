/* transition.h - the arc-hybrid transition system and its dynamic oracle.
 *
 * Words are 1..n; 0 is the artificial root, which starts on the stack
 * (Kuhlmann, Gomez-Rodriguez and Satta 2011).  SHIFT pushes the front of the
 * buffer; LEFT makes the buffer's front the head of the stack's top and pops
 * it; RIGHT makes the word below the top its head and pops it.  RIGHT onto
 * the root is allowed only once the buffer is empty, so every tree has one
 * root word.  The system only builds projective trees; kg_tr_projectivize
 * lifts the arcs of a gold tree that is not (Nivre and Nilsson 2005) so that
 * the oracle's costs stay exact.
 *
 * The dynamic oracle (Goldberg and Nivre 2013) gives each move its cost: how
 * many arcs of the gold tree that could still be built it makes impossible.
 * A move of cost 0 keeps the best reachable tree reachable, from any state,
 * so training can follow the model's own mistakes and still learn the best
 * next move.
 */
#ifndef KG_TRANSITION_H
#define KG_TRANSITION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kg/base.h"

typedef enum kg_tr_move { KG_TR_SHIFT, KG_TR_LEFT, KG_TR_RIGHT } kg_tr_move;

#define KG_TR_NONE ((size_t)-1)

typedef struct kg_tr_state {
    size_t n;             /* words 1..n */
    size_t *stack;        /* stack[0] is the root (0) */
    size_t depth;
    size_t b;             /* front of the buffer; n + 1 when it is empty */
    size_t *head;         /* [0..n]: KG_TR_NONE until attached */
    int *label;           /* [0..n]: -1 until attached */
    /* what the parser's features read of each word's dependents so far */
    size_t *lc1, *lc2;    /* leftmost and second leftmost (0: none) */
    size_t *rc1, *rc2;    /* rightmost and second rightmost */
    uint16_t *nl, *nr;    /* how many on each side */
    uint64_t *lset, *rset; /* labels seen on each side, one bit each (label % 64) */
} kg_tr_state;

/* Allocates for a sentence of n words and sets the initial state. */
kg_status kg_tr_init(kg_tr_state *s, size_t n, kg_error *err);
void kg_tr_free(kg_tr_state *s);

bool kg_tr_valid(const kg_tr_state *s, kg_tr_move m);
void kg_tr_apply(kg_tr_state *s, kg_tr_move m, int label);
bool kg_tr_done(const kg_tr_state *s);

/* The stack's i-th element from the top (0: top), or KG_TR_NONE. */
size_t kg_tr_stack(const kg_tr_state *s, size_t i);
/* The buffer's i-th word from the front, or KG_TR_NONE. */
size_t kg_tr_buffer(const kg_tr_state *s, size_t i);

/* Gold arcs that m (a valid move) makes unreachable; gold[1..n] are the heads
 * of a projective tree. */
size_t kg_tr_cost(const kg_tr_state *s, kg_tr_move m, const size_t *gold);

/* Rewrites head[1..n] (a tree: every chain ends at 0) into a projective tree
 * by lifting the shortest non-projective arc to the head's head until none
 * is left.  Returns the number of arcs lifted. */
size_t kg_tr_projectivize(size_t *head, size_t n);

#endif
