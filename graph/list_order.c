/* list_order.c - a bottom-up merge sort of the tail's indices (qsort has no
 * context argument and is not stable), then one merge with the prefix. */
#include "list_order.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Merges the runs a[0..na) and b[0..nb) into out; ties go to a. */
static void merge_runs(const size_t *a, size_t na, const size_t *b, size_t nb, kg_list_cmp cmp,
                       const void *ctx, size_t *out)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na && j < nb)
        out[k++] = cmp(ctx, b[j], a[i]) < 0 ? b[j++] : a[i++];
    while (i < na)
        out[k++] = a[i++];
    while (j < nb)
        out[k++] = b[j++];
}

/* Sorts v[0..n) by cmp, stably; tmp has room for n. Returns the sorted copy
 * (v or tmp). */
static size_t *sort_indices(size_t *v, size_t *tmp, size_t n, kg_list_cmp cmp, const void *ctx)
{
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = mid + w < n ? mid + w : n;
            merge_runs(v + lo, mid - lo, v + mid, hi - mid, cmp, ctx, tmp + lo);
        }
        size_t *swap = v;
        v = tmp;
        tmp = swap;
    }
    return v;
}

kg_status kg_list_order_tail(size_t sorted, size_t n, kg_list_cmp cmp, const void *ctx,
                             size_t *from)
{
    if (sorted > n)
        sorted = n;
    size_t k = n - sorted;
    if (k > SIZE_MAX / 2 / sizeof(size_t))
        return KG_ERR_NOMEM;
    size_t *tail = malloc((2 * k + 1) * sizeof *tail);
    if (!tail)
        return KG_ERR_NOMEM;
    size_t *head = from; /* the prefix needs no copy: it is 0, 1, ... */
    for (size_t i = 0; i < k; i++)
        tail[i] = sorted + i;
    size_t *t = sort_indices(tail, tail + k, k, cmp, ctx);
    /* merge from the back, so that from can hold the result while the
     * prefix's indices are generated on the fly */
    size_t i = sorted, j = k, out = n;
    while (j > 0) {
        if (i > 0 && cmp(ctx, i - 1, t[j - 1]) > 0)
            head[--out] = --i;
        else
            head[--out] = t[--j];
    }
    while (i > 0)
        head[--out] = --i;
    free(tail);
    return KG_OK;
}

kg_status kg_list_order_apply(void *base, size_t n, size_t size, const size_t *from)
{
    if (n == 0)
        return KG_OK;
    if (n > SIZE_MAX / size)
        return KG_ERR_NOMEM;
    unsigned char *tmp = malloc(n * size);
    if (!tmp)
        return KG_ERR_NOMEM;
    const unsigned char *src = base;
    for (size_t i = 0; i < n; i++)
        memcpy(tmp + i * size, src + from[i] * size, size);
    memcpy(base, tmp, n * size);
    free(tmp);
    return KG_OK;
}
