/* render.c - SVG and PNG drawn by Graphviz's gvc.
 *
 * The graph is the one dot.c writes (kg_dot_build), so the picture is the
 * DOT file's.  The default layout is dot: on news graphs of a few dozen
 * actors it gives straight, separated edges with readable labels, where
 * neato and sfdp (tried on the same graphs) pile edge labels onto nodes.
 * Above KG_DIAGRAM_DOT_MAX_NODES drawn nodes it is sfdp (diagram.c says
 * why).  Any other Graphviz engine can be asked for; the name is checked
 * first, because gvLayout would report an unknown one by printing to stderr.
 *
 * Layout and rendering go through graphviz.c (one context, one lock, into
 * memory).
 */
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"
#include "kg/export.h"

kg_status kg_export_render(const kg_graph *g, const char *format, const char *layout, FILE *out,
                           kg_error *err)
{
    kg_export_options o;
    kg_export_options_init(&o);
    o.layout = layout;
    return kg_export_render_with(g, format, &o, out, err);
}

kg_status kg_export_render_with(const kg_graph *g, const char *format, const kg_export_options *o,
                                FILE *out, kg_error *err)
{
    if (!g || !out || !format)
        return kg_error_set(err, KG_ERR_USAGE, "render: no graph, format or output");
    if (strcmp(format, "svg") != 0 && strcmp(format, "png") != 0)
        return kg_error_set(err, KG_ERR_USAGE, "render: unknown image format '%s' (svg or png)",
                            format);
    kg_graphviz_lock();
    Agraph_t *ag = NULL;
    const char *engine = NULL;
    kg_status st = kg_dot_build(g, o, "render", &ag, &engine, err);
    if (st == KG_OK) {
        st = kg_graphviz_draw(ag, engine, true, format, out, "render", err);
        agclose(ag);
    }
    kg_graphviz_unlock();
    return st;
}
