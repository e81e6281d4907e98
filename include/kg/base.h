/* kg/base.h - status codes, error reports, arenas and growable arrays shared by
 * every stage.
 *
 * Every fallible function returns a kg_status (KG_OK == 0) and, on failure,
 * fills a kg_error that the caller owns.  The message already carries its
 * context ("FILE:LINE:COL: what went wrong"), so a CLI prints it as is.
 */
#ifndef KG_BASE_H
#define KG_BASE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define KG_VERSION "0.1.0"

typedef enum kg_status {
    KG_OK = 0,
    KG_ERR_IO,      /* a file could not be opened, read or written */
    KG_ERR_INPUT,   /* the input is not something kg accepts */
    KG_ERR_NOMEM,   /* an allocation failed */
    KG_ERR_LIB,     /* a library we call failed (igraph, Graphviz, ...) */
    KG_ERR_USAGE    /* the caller passed arguments that make no sense */
} kg_status;

typedef struct kg_error {
    kg_status status;
    char message[1024];
} kg_error;

/* Records status and a printf-style message in err (which may be NULL) and
 * returns status, so that `return kg_error_set(err, ...)` reads naturally. */
kg_status kg_error_set(kg_error *err, kg_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
kg_status kg_error_setv(kg_error *err, kg_status status, const char *fmt, va_list ap);
void kg_error_clear(kg_error *err);

/* A bump allocator for per-document data: everything a document needs is
 * freed at once with kg_arena_free, so extraction code never frees piecemeal.
 * Allocation failure returns NULL; callers report KG_ERR_NOMEM. */
typedef struct kg_arena kg_arena;

kg_arena *kg_arena_new(void);
void *kg_arena_alloc(kg_arena *a, size_t size);        /* zeroed, 16-aligned */
char *kg_arena_strndup(kg_arena *a, const char *s, size_t n);
char *kg_arena_strdup(kg_arena *a, const char *s);
char *kg_arena_printf(kg_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t kg_arena_used(const kg_arena *a);
void kg_arena_free(kg_arena *a);

/* Growable array of fixed-size items on the heap.  Used where the count is
 * not known in advance and the data outlives no document (or is owned by a
 * longer-lived object that frees it with kg_vec_free). */
typedef struct kg_vec {
    void *items;
    size_t len;
    size_t cap;
    size_t item_size;
} kg_vec;

void kg_vec_init(kg_vec *v, size_t item_size);
/* Appends a copy of item; returns a pointer to the stored copy or NULL on
 * allocation failure. */
void *kg_vec_push(kg_vec *v, const void *item);
void *kg_vec_at(const kg_vec *v, size_t i);
void kg_vec_free(kg_vec *v);

#endif
