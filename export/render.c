/* render.c - SVG and PNG drawn by Graphviz's gvc.
 *
 * The graph is the one dot.c writes (kg_dot_build).  The default layout is
 * dot: on news graphs of a few dozen actors it gives straight, separated
 * edges with readable labels, where neato and sfdp (tried on the same
 * graphs) pile edge labels onto nodes.  Any other Graphviz engine can be
 * asked for; the name is checked first, because gvLayout would report an
 * unknown one by printing to stderr.
 *
 * One GVC_t serves the whole process, made on first use and never freed.
 * That is deliberate: Graphviz 2.42's pango text-layout plugin keeps, in a
 * static variable, a pointer to a font name owned by the context that last
 * laid out text, and reads it on the next layout; after gvFreeContext and a
 * new gvContext that read is a use-after-free (ASan stops on it on the second
 * render in a process, e.g. `--format svg,png`).  Graphviz has more such
 * state (cgraph's too), so every use of it in kg is serialised by
 * kg_graphviz_lock.  Besides igraph's RNG seed, this context and that lock are
 * kg's only process-wide state.
 */
#include <graphviz/gvc.h>
#include <pthread.h>
#include <string.h>

#include "dot_build.h"
#include "kg/export.h"

static const char *const engines[] = {"dot",   "neato", "fdp",   "sfdp",
                                      "circo", "twopi", "osage", "patchwork"};

static bool known_engine(const char *name)
{
    for (size_t i = 0; i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(name, engines[i]) == 0)
            return true;
    return false;
}

static pthread_once_t context_once = PTHREAD_ONCE_INIT;
static GVC_t *context;

static void context_init(void)
{
    context = gvContext();
}

kg_status kg_export_render(const kg_graph *g, const char *format, const char *layout, FILE *out,
                           kg_error *err)
{
    if (!g || !out || !format)
        return kg_error_set(err, KG_ERR_USAGE, "render: no graph, format or output");
    if (strcmp(format, "svg") != 0 && strcmp(format, "png") != 0)
        return kg_error_set(err, KG_ERR_USAGE, "render: unknown image format '%s' (svg or png)",
                            format);
    if (!layout)
        layout = "dot";
    if (!known_engine(layout))
        return kg_error_set(err, KG_ERR_USAGE,
                            "render: unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, "
                            "twopi, osage or patchwork)",
                            layout);
    kg_graphviz_lock();
    pthread_once(&context_once, context_init);
    GVC_t *gvc = context;
    kg_status st = KG_OK;
    Agraph_t *ag = gvc ? kg_dot_build(g, err) : NULL;
    if (!gvc) {
        st = kg_error_set(err, KG_ERR_LIB, "render: cannot start Graphviz");
    } else if (!ag) {
        st = err ? err->status : KG_ERR_LIB;
    } else {
        if (gvLayout(gvc, ag, layout) != 0) {
            st = kg_error_set(err, KG_ERR_LIB, "render: Graphviz layout '%s' failed", layout);
        } else {
            /* into memory, then written here: Graphviz 2.42 calls exit(1)
             * when a write of its own fails (gvwrite_no_z), so a full disk
             * would end kg with a partial temporary file and no message */
            char *data = NULL;
            unsigned int len = 0;
            if (gvRenderData(gvc, ag, format, &data, &len) != 0 || !data)
                st = kg_error_set(err, KG_ERR_LIB, "render: Graphviz cannot render %s", format);
            else if (fwrite(data, 1, len, out) != len)
                st = kg_export_io_error(err);
            gvFreeRenderData(data);
            gvFreeLayout(gvc, ag);
        }
        agclose(ag);
    }
    kg_graphviz_unlock();
    return st;
}
