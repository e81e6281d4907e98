/* diff_export.c - a kg_diff in the format asked for, to a stream or
 * atomically to a file.
 *
 * The formats themselves are apart, one a file: the text summary
 * (diff_text.c), JSON (diff_json.c), DOT or SVG of the union graph
 * (diff_dot.c) and the HTML page (diff_html.c); here are their names and
 * what writing any of them has in common (flushing, the I/O error, the
 * atomic file).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dot_build.h"
#include "kg/diff_export.h"

static const char *const format_names[] = {[KG_DIFF_FMT_TEXT] = "text",
                                           [KG_DIFF_FMT_JSON] = "json",
                                           [KG_DIFF_FMT_DOT] = "dot",
                                           [KG_DIFF_FMT_SVG] = "svg",
                                           [KG_DIFF_FMT_HTML] = "html"};

bool kg_diff_format_parse(const char *name, kg_diff_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            if (out)
                *out = (kg_diff_format)i;
            return true;
        }
    return false;
}

kg_status kg_diff_export_write(const kg_diff *d, kg_diff_format f,
                               const kg_diff_export_options *opts, FILE *out, kg_error *err)
{
    errno = 0;
    kg_status st;
    switch (f) {
    case KG_DIFF_FMT_TEXT:
        st = kg_diff_export_text(d, opts, out, err);
        break;
    case KG_DIFF_FMT_JSON:
        st = kg_diff_export_json(d, out, err);
        break;
    case KG_DIFF_FMT_DOT:
        st = kg_diff_export_dot(d, out, err);
        break;
    case KG_DIFF_FMT_SVG:
        st = kg_diff_export_svg(d, out, err);
        break;
    case KG_DIFF_FMT_HTML:
        st = kg_diff_export_html(d, out, err);
        break;
    default:
        return kg_error_set(err, KG_ERR_USAGE, "diff: unknown format %d", (int)f);
    }
    if (st == KG_OK && (fflush(out) != 0 || ferror(out)))
        st = kg_export_io_error(err);
    return st;
}

typedef struct diff_job {
    const kg_diff *d;
    kg_diff_format f;
    const kg_diff_export_options *opts;
} diff_job;

static kg_status write_diff(const void *ctx, FILE *out, kg_error *err)
{
    const diff_job *j = ctx;
    return kg_diff_export_write(j->d, j->f, j->opts, out, err);
}

/* Atomic, as kg_export_file: on failure PATH stays as it was. */
kg_status kg_diff_export_file(const kg_diff *d, kg_diff_format f,
                              const kg_diff_export_options *opts, const char *path, kg_error *err)
{
    if (!d || !path || !*path)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no path");
    diff_job j = {d, f, opts};
    return kg_file_write_atomic(path, write_diff, &j, err);
}
