/* transition.c - see transition.h. */
#include "transition.h"

#include <stdlib.h>
#include <string.h>

/* Every per-word array lives in one allocation, stack first: a state costs
 * one malloc per sentence, and kg_tr_free one free. */
kg_status kg_tr_init(kg_tr_state *s, size_t n, kg_error *err)
{
    memset(s, 0, sizeof *s);
    size_t m = n + 1;
    size_t words = 2 * sizeof(uint64_t) + 6 * sizeof(size_t) + sizeof(int) + 2 * sizeof(uint16_t);
    unsigned char *block = m <= SIZE_MAX / words ? calloc(m, words) : NULL;
    if (!block)
        return kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    /* widest types first, so each array stays aligned */
    s->lset = (uint64_t *)block;
    s->rset = s->lset + m;
    s->stack = (size_t *)(s->rset + m);
    s->head = s->stack + m;
    s->lc1 = s->head + m;
    s->lc2 = s->lc1 + m;
    s->rc1 = s->lc2 + m;
    s->rc2 = s->rc1 + m;
    s->label = (int *)(s->rc2 + m);
    s->nl = (uint16_t *)(s->label + m);
    s->nr = s->nl + m;
    s->n = n;
    for (size_t i = 0; i < m; i++) {
        s->head[i] = KG_TR_NONE;
        s->label[i] = -1;
    }
    s->stack[0] = 0;
    s->depth = 1;
    s->b = 1;
    return KG_OK;
}

void kg_tr_free(kg_tr_state *s)
{
    free(s->lset);
    memset(s, 0, sizeof *s);
}

bool kg_tr_valid(const kg_tr_state *s, kg_tr_move m)
{
    bool buffer = s->b <= s->n;
    switch (m) {
    case KG_TR_SHIFT:
        return buffer;
    case KG_TR_LEFT:
        return buffer && s->depth >= 2;
    case KG_TR_RIGHT:
        return s->depth >= 3 || (s->depth == 2 && !buffer);
    }
    return false;
}

bool kg_tr_done(const kg_tr_state *s)
{
    return s->b > s->n && s->depth == 1;
}

size_t kg_tr_stack(const kg_tr_state *s, size_t i)
{
    return i < s->depth ? s->stack[s->depth - 1 - i] : KG_TR_NONE;
}

size_t kg_tr_buffer(const kg_tr_state *s, size_t i)
{
    return s->b + i <= s->n ? s->b + i : KG_TR_NONE;
}

static void attach(kg_tr_state *s, size_t h, size_t d, int label)
{
    s->head[d] = h;
    s->label[d] = label;
    uint64_t bit = (uint64_t)1 << ((unsigned)label % 64);
    if (d < h) {
        if (!s->lc1[h] || d < s->lc1[h]) {
            s->lc2[h] = s->lc1[h];
            s->lc1[h] = d;
        } else if (!s->lc2[h] || d < s->lc2[h])
            s->lc2[h] = d;
        s->nl[h]++;
        s->lset[h] |= bit;
    } else {
        if (!s->rc1[h] || d > s->rc1[h]) {
            s->rc2[h] = s->rc1[h];
            s->rc1[h] = d;
        } else if (!s->rc2[h] || d > s->rc2[h])
            s->rc2[h] = d;
        s->nr[h]++;
        s->rset[h] |= bit;
    }
}

void kg_tr_apply(kg_tr_state *s, kg_tr_move m, int label)
{
    size_t s0 = s->stack[s->depth - 1];
    switch (m) {
    case KG_TR_SHIFT:
        s->stack[s->depth++] = s->b++;
        break;
    case KG_TR_LEFT:
        attach(s, s->b, s0, label);
        s->depth--;
        break;
    case KG_TR_RIGHT:
        attach(s, s->stack[s->depth - 2], s0, label);
        s->depth--;
        break;
    }
}

/* Gold dependents of w still in the buffer. */
static size_t deps_in_buffer(const kg_tr_state *s, size_t w, const size_t *gold)
{
    size_t c = 0;
    for (size_t i = s->b; i <= s->n; i++)
        c += gold[i] == w;
    return c;
}

size_t kg_tr_cost(const kg_tr_state *s, kg_tr_move m, const size_t *gold)
{
    size_t s0 = s->stack[s->depth - 1];
    size_t s1 = s->depth >= 2 ? s->stack[s->depth - 2] : KG_TR_NONE;
    size_t c = 0;
    switch (m) {
    case KG_TR_SHIFT: {
        /* b0 can no longer take a stack word as dependent, nor a head
         * below the top */
        size_t b0 = s->b;
        for (size_t i = 0; i < s->depth; i++) {
            size_t w = s->stack[i];
            c += w != 0 && gold[w] == b0;
            c += i + 1 < s->depth && gold[b0] == w;
        }
        return c;
    }
    case KG_TR_LEFT: {
        /* s0 loses its dependents in the buffer and a head in s1 or past b0 */
        size_t h = gold[s0];
        c = deps_in_buffer(s, s0, gold);
        c += h == s1 || (h > s->b && h <= s->n);
        return c;
    }
    case KG_TR_RIGHT: {
        size_t h = gold[s0];
        c = deps_in_buffer(s, s0, gold);
        c += h >= s->b && h <= s->n;
        return c;
    }
    }
    return 0;
}

/* ------------------------------------------------------------ projectivity */

static bool dominates(const size_t *head, size_t n, size_t h, size_t k)
{
    for (size_t steps = 0; k != 0 && steps <= n; steps++) {
        if (k == h)
            return true;
        k = head[k];
    }
    return h == 0;
}

/* An arc h -> d is projective when h dominates every word between them. */
static bool projective(const size_t *head, size_t n, size_t d)
{
    size_t h = head[d];
    size_t lo = h < d ? h : d, hi = h < d ? d : h;
    for (size_t k = lo + 1; k < hi; k++)
        if (!dominates(head, n, h, k))
            return false;
    return true;
}

size_t kg_tr_projectivize(size_t *head, size_t n)
{
    size_t lifted = 0;
    /* each lift moves an arc closer to the root, so at most n lifts per word */
    for (size_t round = 0; round < n * n + 1; round++) {
        size_t best = 0, best_len = (size_t)-1;
        for (size_t d = 1; d <= n; d++) {
            if (head[d] == 0)
                continue;
            size_t len = head[d] < d ? d - head[d] : head[d] - d;
            if (len < best_len && !projective(head, n, d)) {
                best = d;
                best_len = len;
            }
        }
        if (!best)
            break;
        head[best] = head[head[best]];
        lifted++;
    }
    return lifted;
}
