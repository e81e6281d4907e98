/* arena.c - a chunked bump allocator.
 *
 * Chunks grow geometrically so a document with a few sentences costs one small
 * chunk and a large one costs O(log n) chunks; a request larger than the
 * current chunk size gets a chunk of its own. */
#include "kg/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    /* data follows, 16-aligned by the padding below */
    max_align_t data[];
} chunk;

struct kg_arena {
    chunk *head;
    size_t next_size;
    size_t total;
};

#define ALIGN16(n) (((n) + 15u) & ~(size_t)15u)

kg_arena *kg_arena_new(void)
{
    kg_arena *a = calloc(1, sizeof *a);
    if (a)
        a->next_size = 16 * 1024;
    return a;
}

void *kg_arena_alloc(kg_arena *a, size_t size)
{
    size = ALIGN16(size ? size : 1);
    if (!a->head || a->head->size - a->head->used < size) {
        size_t want = a->next_size;
        if (want < size)
            want = size;
        chunk *c = malloc(sizeof(chunk) + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        if (a->next_size < 8u * 1024 * 1024)
            a->next_size *= 2;
    }
    void *p = (char *)a->head->data + a->head->used;
    a->head->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *kg_arena_strndup(kg_arena *a, const char *s, size_t n)
{
    char *d = kg_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *kg_arena_strdup(kg_arena *a, const char *s)
{
    return kg_arena_strndup(a, s, strlen(s));
}

char *kg_arena_printf(kg_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *d = kg_arena_alloc(a, (size_t)n + 1);
    if (!d)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

size_t kg_arena_used(const kg_arena *a)
{
    return a->total;
}

void kg_arena_free(kg_arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void kg_vec_init(kg_vec *v, size_t item_size)
{
    v->items = NULL;
    v->len = 0;
    v->cap = 0;
    v->item_size = item_size;
}

void *kg_vec_push(kg_vec *v, const void *item)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void *p = realloc(v->items, cap * v->item_size);
        if (!p)
            return NULL;
        v->items = p;
        v->cap = cap;
    }
    void *slot = (char *)v->items + v->len * v->item_size;
    memcpy(slot, item, v->item_size);
    v->len++;
    return slot;
}

void *kg_vec_at(const kg_vec *v, size_t i)
{
    return (char *)v->items + i * v->item_size;
}

void kg_vec_free(kg_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}
