/* graphviz.c - see graphviz.h.
 *
 * The context is made on first use and never freed.  That is deliberate:
 * Graphviz 2.42's pango text-layout plugin keeps, in a static variable, a
 * pointer to a font name owned by the context that last laid out text, and
 * reads it on the next layout; after gvFreeContext and a new gvContext that
 * read is a use-after-free (ASan stops on it on the second render in a
 * process, e.g. `--format svg,png`).  Besides igraph's RNG seed and the table
 * of staged files (core/file.c), this context and its lock are kg's only
 * process-wide state.
 */
#include "graphviz.h"

#include <graphviz/gvc.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"

static pthread_mutex_t graphviz_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t context_once = PTHREAD_ONCE_INIT;
static GVC_t *context;

void kg_graphviz_lock(void)
{
    pthread_mutex_lock(&graphviz_mutex);
}

void kg_graphviz_unlock(void)
{
    pthread_mutex_unlock(&graphviz_mutex);
}

static void context_init(void)
{
    context = gvContext();
}

kg_status kg_graphviz_render(Agraph_t *ag, const char *layout, const char *format, FILE *out,
                             const char *who, kg_error *err)
{
    return kg_graphviz_draw(ag, layout, false, format, out, who, err);
}

kg_status kg_graphviz_draw(Agraph_t *ag, const char *layout, bool pack, const char *format,
                           FILE *out, const char *who, kg_error *err)
{
    pthread_once(&context_once, context_init);
    if (!context)
        return kg_error_set(err, KG_ERR_LIB, "%s: cannot start Graphviz", who);
    if (gvLayout(context, ag, layout) != 0)
        return kg_error_set(err, KG_ERR_LIB, "%s: Graphviz layout '%s' failed", who, layout);
    char *data = NULL;
    unsigned int len = 0;
    kg_status st = KG_OK;
    if (pack && !kg_graphviz_pack(ag, strcmp(layout, "dot") != 0))
        st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory packing the drawing", who);
    else if (gvRenderData(context, ag, format, &data, &len) != 0 || !data)
        st = kg_error_set(err, KG_ERR_LIB, "%s: Graphviz cannot render %s", who, format);
    else if (fwrite(data, 1, len, out) != len)
        st = kg_export_io_error(err);
    gvFreeRenderData(data);
    gvFreeLayout(context, ag);
    return st;
}

bool kg_graphviz_declare(Agraph_t *ag, int kind, const kg_graphviz_attr *a, size_t n)
{
    for (size_t i = 0; i < n; i++) /* cgraph predates const; it copies the strings */
        if (!agattr(ag, kind, (char *)a[i].name, (char *)a[i].value))
            return false;
    return true;
}

#define N_ATTRS(a) (sizeof(a) / sizeof(a)[0])

bool kg_graphviz_defaults(Agraph_t *ag)
{
    static const kg_graphviz_attr graph_attrs[] = {
        {"overlap", "false"},
        {"splines", "true"},
        {"fontname", "Helvetica"},
        {"outputorder", "edgesfirst"},
        {"nodesep", "0.4"},
        {"ranksep", "0.6"},
        {"pad", "0.3"},
    };
    static const kg_graphviz_attr node_attrs[] = {
        {"label", "\\N"},       {"shape", "ellipse"},      {"style", "filled"},
        {"fillcolor", "white"}, {"fontname", "Helvetica"}, {"fontsize", "12"},
        {"fontcolor", "black"}, {"margin", "0.08,0.04"},
    };
    static const kg_graphviz_attr edge_attrs[] = {
        {"label", ""},        {"fontname", "Helvetica"}, {"fontsize", "10"},
        {"color", "#555555"}, {"fontcolor", "#333333"},  {"style", "solid"},
        {"arrowsize", "0.7"},
    };
    return kg_graphviz_declare(ag, AGRAPH, graph_attrs, N_ATTRS(graph_attrs)) &&
           kg_graphviz_declare(ag, AGNODE, node_attrs, N_ATTRS(node_attrs)) &&
           kg_graphviz_declare(ag, AGEDGE, edge_attrs, N_ATTRS(edge_attrs));
}

/* A space where a line may break: not the one before " ×N", which stays
 * with its relation. */
static bool breakable(const char *s)
{
    return s[0] == ' ' && strncmp(s + 1, "\xC3\x97", 2) != 0;
}

static bool line_end(const char *s, bool newlines)
{
    return (s[0] == ' ' && breakable(s)) || (newlines && s[0] == '\n');
}

char *kg_graphviz_label(const char *text, size_t width, bool newlines)
{
    size_t n = strlen(text);
    char *out = malloc(2 * n + 1); /* each byte at most doubles */
    if (!out)
        return NULL;
    size_t o = 0, line = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n' && newlines) {
            out[o++] = '\\';
            out[o++] = 'n';
            line = 0;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            c = ' ';
        if (c == ' ' && line > 0 && breakable(text + i)) {
            size_t word = 0; /* code points of the next word */
            for (size_t w = i + 1; w < n && !line_end(text + w, newlines); w++)
                word += ((unsigned char)text[w] & 0xC0) != 0x80;
            if (word > 0 && line + 1 + word > width) {
                out[o++] = '\\';
                out[o++] = 'n';
                line = 0;
                continue;
            }
        }
        if (c == '\\')
            out[o++] = '\\';
        out[o++] = (char)c;
        line += (c & 0xC0) != 0x80;
    }
    out[o] = '\0';
    return kg_export_graphviz_text(out);
}
