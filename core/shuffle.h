/* shuffle.h - a seeded, portable random order for training passes.
 *
 * splitmix64 (Steele, Lea and Flood 2014) drives a Fisher-Yates shuffle, so
 * the same seed gives the same order on every machine and C library, which
 * rand() does not promise.
 */
#ifndef KG_SHUFFLE_H
#define KG_SHUFFLE_H

#include <stddef.h>
#include <stdint.h>

typedef struct kg_shuffle_state {
    uint64_t s;
} kg_shuffle_state;

void kg_shuffle_seed(kg_shuffle_state *st, uint64_t seed);
uint64_t kg_shuffle_next(kg_shuffle_state *st);
/* Puts items[0..n) in a random order. */
void kg_shuffle(kg_shuffle_state *st, size_t *items, size_t n);

#endif
