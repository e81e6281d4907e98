/* format.c - choosing an exporter; files are written whole or not at all
 * through kg_file_write_atomic (core/file.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dot_build.h"
#include "kg/export.h"

static const char *const names[] = {
    [KG_FMT_JSON] = "json", [KG_FMT_DOT] = "dot",         [KG_FMT_SVG] = "svg",
    [KG_FMT_PNG] = "png",   [KG_FMT_GRAPHML] = "graphml", [KG_FMT_GEXF] = "gexf",
    [KG_FMT_CSV] = "csv",   [KG_FMT_HTML] = "html",
};
#define N_FORMATS (sizeof names / sizeof names[0])

bool kg_format_parse(const char *name, kg_format *out)
{
    if (!name)
        return false;
    for (size_t i = 0; i < N_FORMATS; i++) {
        if (strcmp(name, names[i]) == 0) {
            if (out)
                *out = (kg_format)i;
            return true;
        }
    }
    return false;
}

const char *kg_format_extension(kg_format f)
{
    return (size_t)f < N_FORMATS ? names[f] : NULL;
}

void kg_export_format_double(char *buf, size_t size, int precision, double v)
{
    snprintf(buf, size, "%.*g", precision, v);
    for (char *p = buf; *p; p++)
        if (*p == ',') /* a decimal comma from the locale */
            *p = '.';
}

kg_status kg_export_io_error(kg_error *err)
{
    int e = errno;
    char msg[256];
    if (e == 0 || strerror_r(e, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "I/O error");
    return kg_error_set(err, KG_ERR_IO, "cannot write: %s", msg);
}

void kg_export_options_init(kg_export_options *o)
{
    memset(o, 0, sizeof *o);
    o->json_style = KG_JSON_NODE_LINK;
    o->isolated = KG_ISOLATED_AUTO;
    o->min_count = 1;
    o->depth = 1;
}

kg_status kg_export_write(kg_graph *g, kg_format f, FILE *out, kg_error *err)
{
    return kg_export_write_with(g, f, NULL, out, err);
}

kg_status kg_export_write_with(kg_graph *g, kg_format f, const kg_export_options *o, FILE *out,
                               kg_error *err)
{
    kg_export_options defaults;
    if (!o) {
        kg_export_options_init(&defaults);
        o = &defaults;
    }
    if (!g || !out)
        return kg_error_set(err, KG_ERR_USAGE, "export: no graph or no output");
    kg_status st = kg_graph_sort(g, err);
    if (st != KG_OK)
        return st;
    errno = 0;
    switch (f) {
    case KG_FMT_JSON:
        st = kg_export_json_styled(g, o->json_style, out, err);
        break;
    case KG_FMT_DOT:
        st = kg_export_dot_with(g, o, out, err);
        break;
    case KG_FMT_SVG:
        st = kg_export_render_with(g, "svg", o, out, err);
        break;
    case KG_FMT_PNG:
        st = kg_export_render_with(g, "png", o, out, err);
        break;
    case KG_FMT_GRAPHML:
        st = kg_export_graphml(g, out, err);
        break;
    case KG_FMT_GEXF:
        st = kg_export_gexf(g, out, err);
        break;
    case KG_FMT_CSV:
        return kg_error_set(err, KG_ERR_USAGE,
                            "csv: writes two files (nodes and edges); give -o, not a stream");
    case KG_FMT_HTML:
        st = kg_export_html(g, out, err);
        break;
    default:
        return kg_error_set(err, KG_ERR_USAGE, "export: unknown format %d", (int)f);
    }
    if (st != KG_OK)
        return st;
    /* Buffered output meets a full disk here, if not before. */
    if (fflush(out) != 0 || ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

kg_status kg_export_file(kg_graph *g, kg_format f, const char *path, kg_error *err)
{
    return kg_export_file_with(g, f, NULL, path, err);
}

typedef struct graph_job {
    kg_graph *g;
    kg_format f;
    const kg_export_options *o;
} graph_job;

static kg_status write_graph(const void *ctx, FILE *out, kg_error *err)
{
    const graph_job *j = ctx;
    return kg_export_write_with(j->g, j->f, j->o, out, err);
}

kg_status kg_export_file_with(kg_graph *g, kg_format f, const kg_export_options *o,
                              const char *path, kg_error *err)
{
    if (!g || !path || !*path)
        return kg_error_set(err, KG_ERR_USAGE, "export: no graph or no path");
    graph_job j = {g, f, o};
    return kg_file_write_atomic(path, write_graph, &j, err);
}
