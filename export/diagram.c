/* diagram.c - which part of a graph the diagrams (DOT, SVG, PNG) draw, and
 * with which Graphviz engine.
 *
 * A graph of several articles is mostly entities that no relation joins to
 * another (5 BBC politics articles: 26 of 40 nodes; 30 articles: 201 of
 * 249), and Graphviz gives each of them a cell of its own: the picture
 * became a column of lone boxes thousands of points high.  So by default a
 * diagram of more than one document leaves them out, and says in its caption
 * how many it left out.  The filters (types, min_count, focus) choose what to
 * look at; a node that had edges and lost them all to a filter is left out
 * whatever the isolated rule, since it was not the reader's choice to see it
 * alone.  The other exports always carry the whole graph: they are for
 * programs, which filter better themselves.
 */
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "kg/export.h"

static const char *const engines[] = {"dot",   "neato", "fdp",   "sfdp",
                                      "circo", "twopi", "osage", "patchwork"};

bool kg_export_layout_known(const char *name)
{
    for (size_t i = 0; name && i < sizeof engines / sizeof engines[0]; i++)
        if (strcmp(name, engines[i]) == 0)
            return true;
    return false;
}

kg_status kg_diagram_engine(const kg_export_options *o, const kg_diagram_view *v, const char *who,
                            const char **engine, kg_error *err)
{
    if (!o->layout) {
        *engine = v->nodes > KG_DIAGRAM_DOT_MAX_NODES ? "sfdp" : "dot";
        return KG_OK;
    }
    if (kg_export_layout_known(o->layout)) {
        *engine = o->layout;
        return KG_OK;
    }
    return kg_error_set(err, KG_ERR_USAGE,
                        "%s: unknown layout engine '%s' (dot, neato, fdp, sfdp, circo, "
                        "twopi, osage or patchwork)",
                        who, o->layout);
}

static bool type_drawn(const kg_export_options *o, kg_entity_type t)
{
    return o->types == 0 || ((unsigned)t < 32 && ((o->types >> (unsigned)t) & 1u));
}

static size_t support(const kg_edge *e)
{
    return e->count ? e->count : 1;
}

/* Keeps the nodes within depth hops of f along the edges drawn so far,
 * taken either way: a breadth-first search over adjacency lists. */
static bool keep_near(const kg_graph *g, size_t f, size_t depth, kg_diagram_view *v)
{
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    size_t *start = calloc(n + 1, sizeof *start), *fill = malloc((n ? n : 1) * sizeof *fill);
    size_t *adj = malloc((m ? 2 * m : 1) * sizeof *adj);
    size_t *dist = malloc((n ? n : 1) * sizeof *dist), *queue = malloc((n ? n : 1) * sizeof *queue);
    bool ok = start && fill && adj && dist && queue;
    if (ok) {
        for (size_t j = 0; j < m; j++) {
            const kg_edge *e = kg_graph_edge(g, j);
            if (v->edge[j]) {
                start[e->source + 1]++;
                start[e->target + 1]++;
            }
        }
        for (size_t i = 0; i < n; i++) {
            start[i + 1] += start[i];
            fill[i] = start[i];
            dist[i] = SIZE_MAX;
        }
        for (size_t j = 0; j < m; j++) {
            const kg_edge *e = kg_graph_edge(g, j);
            if (v->edge[j]) {
                adj[fill[e->source]++] = e->target;
                adj[fill[e->target]++] = e->source;
            }
        }
        size_t head = 0, tail = 0;
        dist[f] = 0;
        queue[tail++] = f;
        while (head < tail) {
            size_t u = queue[head++];
            if (dist[u] == depth)
                continue;
            for (size_t k = start[u]; k < start[u + 1]; k++) {
                if (dist[adj[k]] == SIZE_MAX) {
                    dist[adj[k]] = dist[u] + 1;
                    queue[tail++] = adj[k];
                }
            }
        }
        for (size_t i = 0; i < n; i++)
            v->node[i] = v->node[i] && dist[i] != SIZE_MAX;
        for (size_t j = 0; j < m; j++) {
            const kg_edge *e = kg_graph_edge(g, j);
            v->edge[j] = v->edge[j] && v->node[e->source] && v->node[e->target];
        }
    }
    free(start);
    free(fill);
    free(adj);
    free(dist);
    free(queue);
    return ok;
}

/* The node the diagram is centred on, checked: its index in *f. */
static kg_status find_focus(const kg_graph *g, const kg_export_options *o, size_t *f, kg_error *err)
{
    long i = kg_graph_find_node(g, o->focus);
    if (i < 0)
        return kg_error_set(err, KG_ERR_USAGE,
                            "diagram: focus \"%s\": no node has this id (ids are those of the "
                            "JSON, such as \"antony-blinken\")",
                            o->focus);
    kg_entity_type t = kg_graph_node(g, (size_t)i)->type;
    if (!type_drawn(o, t))
        return kg_error_set(err, KG_ERR_USAGE,
                            "diagram: focus \"%s\" is a %s, a type the diagram leaves out",
                            o->focus, kg_entity_type_name(t));
    *f = (size_t)i;
    return KG_OK;
}

/* Leaves out the nodes that no drawn edge touches: those that lost their
 * edges to a filter, and the isolated ones as o->isolated says.  The focus
 * (SIZE_MAX: none) always stays. */
static bool leave_out_lone(const kg_graph *g, const kg_export_options *o, size_t focus,
                           kg_diagram_view *v)
{
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g);
    size_t *had = calloc(n ? n : 1, sizeof *had), *has = calloc(n ? n : 1, sizeof *has);
    if (!had || !has) {
        free(had);
        free(has);
        return false;
    }
    for (size_t j = 0; j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        had[e->source]++;
        had[e->target]++;
        if (v->edge[j]) {
            has[e->source]++;
            has[e->target]++;
        }
    }
    size_t lone = 0;
    for (size_t i = 0; i < n; i++) {
        if (!v->node[i] || has[i] || i == focus)
            continue;
        if (had[i]) {
            v->node[i] = false;
            v->filtered++;
        } else {
            lone++;
        }
    }
    bool drop = o->isolated == KG_ISOLATED_DROP ||
                (o->isolated == KG_ISOLATED_AUTO &&
                 (kg_graph_doc_count(g) > 1 || lone > KG_DIAGRAM_ISOLATED_MAX));
    for (size_t i = 0; drop && i < n; i++) {
        if (v->node[i] && !has[i] && !had[i] && i != focus) {
            v->node[i] = false;
            v->isolated++;
        }
    }
    free(had);
    free(has);
    return true;
}

kg_status kg_diagram_select(const kg_graph *g, const kg_export_options *o, kg_diagram_view *v,
                            kg_error *err)
{
    memset(v, 0, sizeof *v);
    size_t n = kg_graph_node_count(g), m = kg_graph_edge_count(g), focus = SIZE_MAX;
    if (o->focus) {
        kg_status st = find_focus(g, o, &focus, err);
        if (st != KG_OK)
            return st;
    }
    v->node = calloc(n ? n : 1, sizeof *v->node);
    v->edge = calloc(m ? m : 1, sizeof *v->edge);
    bool ok = v->node && v->edge;
    for (size_t i = 0; ok && i < n; i++)
        v->node[i] = type_drawn(o, kg_graph_node(g, i)->type);
    for (size_t j = 0; ok && j < m; j++) {
        const kg_edge *e = kg_graph_edge(g, j);
        v->edge[j] = v->node[e->source] && v->node[e->target] && support(e) >= o->min_count;
    }
    for (size_t i = 0; ok && i < n; i++)
        v->filtered += !v->node[i];
    if (ok && focus != SIZE_MAX) {
        size_t before = 0;
        for (size_t i = 0; i < n; i++)
            before += v->node[i];
        ok = keep_near(g, focus, o->depth, v);
        for (size_t i = 0; ok && i < n; i++)
            before -= v->node[i];
        v->filtered += before;
    }
    ok = ok && leave_out_lone(g, o, focus, v);
    if (!ok) {
        kg_diagram_view_free(v);
        return kg_error_set(err, KG_ERR_NOMEM, "diagram: out of memory");
    }
    for (size_t i = 0; i < n; i++)
        v->nodes += v->node[i];
    for (size_t j = 0; j < m; j++)
        v->edges += v->edge[j];
    return KG_OK;
}

void kg_diagram_view_free(kg_diagram_view *v)
{
    free(v->node);
    free(v->edge);
    v->node = NULL;
    v->edge = NULL;
}
