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
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/* Whole files (core/file.c).
 *
 * Reading: kg_file_open opens path ("-": standard input), refusing a
 * directory ("PATH: cannot open: Is a directory").  kg_file_read appends what
 * f holds to *buf (malloc'd, *len bytes so far; the caller frees it, also on
 * failure) and reads no more than one byte past max: more is a KG_ERR_INPUT
 * "NAME: larger than MAX bytes".  kg_file_read_all does both, *buf NULL on
 * failure.  kg_file_read_regular is kg_file_read_all for a file kg itself
 * keeps (a cache entry), where anything but a regular file is refused
 * ("PATH: not a regular file") without blocking: a FIFO planted under the
 * name must not hang the run. */
kg_status kg_file_open(const char *path, FILE **out, kg_error *err);
kg_status kg_file_read(FILE *f, const char *name, size_t max, char **buf, size_t *len,
                       kg_error *err);
kg_status kg_file_read_all(const char *path, size_t max, char **buf, size_t *len, kg_error *err);
kg_status kg_file_read_regular(const char *path, size_t max, char **buf, size_t *len,
                               kg_error *err);
/* The read-only descriptor of path if it is a regular file, opened without
 * blocking on a FIFO (O_NONBLOCK, O_CLOEXEC); otherwise -1, and err (which
 * may be NULL) says why as kg_file_read_regular does.  What
 * kg_file_read_regular and the lexicon cache's mmap both open with. */
int kg_file_open_regular(const char *path, kg_error *err);

/* Writing: write(ctx, out, err) fills PATH.tmp.XXXXXX, which is flushed,
 * fsynced, closed and renamed into place, keeping an existing file's mode; on
 * failure the temporary file goes, path stays as it was, and err reads
 * "PATH: why".  kg_file_write_all stages every output first and renames them
 * only when all were written (a directory in the way of any is refused before
 * the first rename), so a failure leaves every path as it was. */
typedef kg_status (*kg_file_writer)(const void *ctx, FILE *out, kg_error *err);
kg_status kg_file_write_atomic(const char *path, kg_file_writer write, const void *ctx,
                               kg_error *err);
typedef struct kg_file_output {
    const char *path;
    kg_file_writer write;
    const void *ctx;
} kg_file_output;
kg_status kg_file_write_all(const kg_file_output *outs, size_t n, kg_error *err);

/* Installs handlers for SIGINT, SIGTERM and SIGHUP (those not ignored) that
 * remove every temporary file the writers above have open, then end the
 * process by the same signal.  For programs; a library caller that handles
 * these signals itself need not call it. */
void kg_file_cleanup_on_signals(void);

/* KG_ERR_USAGE "OUTPUT: would write over the input IN" if the existing file
 * output is one of inputs (the same device and inode: a hard link or another
 * spelling of the path counts; "-" is standard input); KG_OK otherwise. */
kg_status kg_file_check_not_input(const char *output, const char *const *inputs, size_t n,
                                  kg_error *err);

/* CPU seconds this thread has used: what the stage times of
 * kg_extract_stats count (core/clock.c says why). */
double kg_thread_cpu_seconds(void);

/* True if the 10 bytes at s are YYYY-MM-DD naming a day of the Gregorian
 * calendar (2024-02-29 is one, 2023-02-29 and 2024-02-31 are not).  s need
 * not be NUL-terminated, but must hold 10 bytes or a NUL before them. */
bool kg_date_check(const char *s);

/* Printing text that came from the input (core/escape.c says why).  Each
 * mode escapes what its output cannot show raw, as \xHH with the code point
 * in hex ("\x1b"), and a byte that is not UTF-8 the same way ("\xe9"):
 *   LINE  one line for a person: C0 and C1 controls and DEL escaped; tab,
 *         newline and CR become a space (backslashes stay as they are)
 *   TSV   one TSV field: tab, newline, CR and backslash as \t \n \r \\,
 *         other controls as \xHH, so the row stays a row and reads back
 *   JSON  JSON text written by jansson (which escapes C0 itself): DEL and C1
 *         controls as \u00HH, the same value in JSON */
typedef enum kg_escape_mode { KG_ESCAPE_LINE, KG_ESCAPE_TSV, KG_ESCAPE_JSON } kg_escape_mode;

/* Writes s (NULL: nothing) to out in mode; 0, or EOF when a write failed. */
int kg_escape_write(FILE *out, const char *s, kg_escape_mode mode);

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

#ifdef __cplusplus
}
#endif

#endif
