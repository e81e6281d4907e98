/* shuffle.c - see shuffle.h. */
#include "shuffle.h"

void kg_shuffle_seed(kg_shuffle_state *st, uint64_t seed)
{
    st->s = seed;
}

uint64_t kg_shuffle_next(kg_shuffle_state *st)
{
    uint64_t z = (st->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void kg_shuffle(kg_shuffle_state *st, size_t *items, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        /* the modulo bias is below 2^-40 for any n we shuffle */
        size_t j = (size_t)(kg_shuffle_next(st) % i);
        size_t t = items[i - 1];
        items[i - 1] = items[j];
        items[j] = t;
    }
}
