/* datafile.h - reading the project's word lists under data/, one format for
 * all of them, so every list reports a bad line the same way.
 *
 * A data file is UTF-8 text, one entry a line: blank lines and lines
 * starting with '#' are skipped, an entry is split at TABs into columns,
 * each trimmed of spaces and tabs and never empty.  Errors name the file
 * and the line ("data/demonyms.txt:12: unknown country code XX").
 */
#ifndef KG_DATAFILE_H
#define KG_DATAFILE_H

#include <stddef.h>

#include "kg/base.h"

/* Where a row came from, for messages. */
typedef struct kg_datafile_row {
    const char *path;
    size_t line;
} kg_datafile_row;

/* Called with each entry's columns (which it may modify in place). */
typedef kg_status (*kg_datafile_row_fn)(void *ctx, const kg_datafile_row *at, char **cols,
                                        size_t ncols, kg_error *err);

/* Most columns an entry may have. */
#define KG_DATAFILE_MAX_COLS 8

/* Reads DIR/NAME and passes every entry of min_cols..max_cols columns to
 * fn, stopping at the first status fn returns that is not KG_OK. */
kg_status kg_datafile_rows(const char *dir, const char *name, size_t min_cols, size_t max_cols,
                           kg_datafile_row_fn fn, void *ctx, kg_error *err);

/* KG_ERR_INPUT "PATH:LINE: what" in err. */
kg_status kg_datafile_error(const kg_datafile_row *at, kg_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The whole file at path, NUL-terminated, malloc'd (the caller frees *out);
 * hint is appended to a "cannot open" message (what to install). */
kg_status kg_datafile_read(const char *path, const char *hint, char **out, size_t *len,
                           kg_error *err);
/* Cuts the next line out of *cursor in place (without its \n or \r\n) and
 * returns it, or NULL at the end. */
char *kg_datafile_next_line(char **cursor);

#endif
