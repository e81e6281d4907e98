/* datafile.c - the one reader of the word lists under data/ (datafile.h). */
#include "datafile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

kg_status kg_datafile_read(const char *path, const char *hint, char **out, size_t *len,
                           kg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        kg_error_set(err, KG_ERR_IO, "%s: cannot open: %s%s", path, strerror(errno),
                     hint ? hint : "");
        return KG_ERR_IO;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (!buf) {
        kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
        return KG_ERR_NOMEM;
    }
    if (failed) {
        free(buf);
        kg_error_set(err, KG_ERR_IO, "%s: read error", path);
        return KG_ERR_IO;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return KG_OK;
}

char *kg_datafile_next_line(char **cursor)
{
    char *s = *cursor;
    if (!*s)
        return NULL;
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = s + strlen(s);
    }
    size_t n = strlen(s);
    if (n && s[n - 1] == '\r')
        s[n - 1] = '\0';
    return s;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

kg_status kg_datafile_error(const kg_datafile_row *at, kg_error *err, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: %s", at->path, at->line, msg);
}

/* Splits one entry at TABs into cols; *n is the count. */
static kg_status split_row(const kg_datafile_row *at, char *t, size_t max_cols, char **cols,
                           size_t *n, kg_error *err)
{
    *n = 0;
    for (char *c = t; c; (*n)++) {
        char *tab = strchr(c, '\t');
        if (tab)
            *tab = '\0';
        if (*n == max_cols || *n == KG_DATAFILE_MAX_COLS)
            return kg_datafile_error(at, err, "too many columns (at most %zu)", max_cols);
        cols[*n] = trim(c);
        if (!*cols[*n])
            return kg_datafile_error(at, err, "empty column %zu", *n + 1);
        c = tab ? tab + 1 : NULL;
    }
    return KG_OK;
}

kg_status kg_datafile_rows(const char *dir, const char *name, size_t min_cols, size_t max_cols,
                           kg_datafile_row_fn fn, void *ctx, kg_error *err)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return kg_error_set(err, KG_ERR_USAGE, "%s: data directory path too long", dir);
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_datafile_read(path, NULL, &buf, &len, err);
    if (st)
        return st;
    kg_datafile_row at = {.path = path, .line = 0};
    char *cursor = buf, *line;
    while (!st && (line = kg_datafile_next_line(&cursor))) {
        at.line++;
        char *t = trim(line);
        if (!*t || *t == '#')
            continue;
        char *cols[KG_DATAFILE_MAX_COLS];
        size_t n = 0;
        st = split_row(&at, t, max_cols, cols, &n, err);
        if (!st && n < min_cols)
            st = kg_datafile_error(&at, err, "expected %zu TAB-separated columns, found %zu",
                                   min_cols, n);
        if (!st)
            st = fn(ctx, &at, cols, n, err);
    }
    free(buf);
    return st;
}
