/* render.c - SVG and PNG drawn by Graphviz's gvc.
 *
 * The graph is the one dot.c writes (kg_dot_build).  The default layout is
 * dot: on news graphs of a few dozen actors it gives straight, separated
 * edges with readable labels, where neato and sfdp (tried on the same
 * graphs) pile edge labels onto nodes.  Any other Graphviz engine can be
 * asked for; the name is checked first, because gvLayout would report an
 * unknown one by printing to stderr.
 *
 * Layout and rendering go through graphviz.c (one context, one lock, into
 * memory).
 */
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"
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
    kg_status st = KG_OK;
    Agraph_t *ag = kg_dot_build(g, err);
    if (!ag)
        st = err ? err->status : KG_ERR_LIB;
    else {
        st = kg_graphviz_render(ag, layout, format, out, "render", err);
        agclose(ag);
    }
    kg_graphviz_unlock();
    return st;
}
