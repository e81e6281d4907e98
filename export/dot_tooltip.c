/* dot_tooltip.c - what an SVG reader sees on pointing at a node or an edge.
 *
 * The picture shows a node's name and an edge's relation; the tooltip
 * (Graphviz's tooltip, SVG's xlink:title) says why it is there: a node's
 * type, mentions, documents, aliases and roles; an edge's relation, its
 * support and the first sentence that says it, with that sentence's
 * document.  The text is composed with our own line breaks and handed to
 * kg_graphviz_label, which doubles backslashes (Graphviz expands escapes in
 * tooltips too), writes the breaks as "\n" (which Graphviz writes into the
 * SVG as "&#10;", a line break that XML keeps in an attribute) and makes the
 * text safe for XML.  A sentence is cut at TIP_SENTENCE code points: a
 * tooltip is read at a glance, and the JSON holds the whole.
 */
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"

#define TIP_SENTENCE 280
#define TIP_NAMES 8 /* aliases or roles listed, then "..." */

/* s with every run of spaces and control characters (line breaks
 * included: a sentence is one line here) as one space, cut after max code
 * points with an ellipsis. */
static void put_text(FILE *f, const char *s, size_t max)
{
    size_t cps = 0;
    bool space = false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        bool blank = c <= 0x20 || c == 0x7F;
        if (blank && space)
            continue;
        space = blank;
        if ((c & 0xC0) != 0x80 && cps++ == max) {
            fputs("\xE2\x80\xA6", f); /* … */
            return;
        }
        fputc(blank ? ' ' : (int)c, f);
    }
}

static void put_names(FILE *f, const char *what, const char **names, size_t n)
{
    if (n == 0)
        return;
    fprintf(f, "\n%s: ", what);
    for (size_t i = 0; i < n && i < TIP_NAMES; i++) {
        if (i)
            fputs(", ", f);
        put_text(f, names[i], 60);
    }
    if (n > TIP_NAMES)
        fprintf(f, ", \xE2\x80\xA6 (%zu in all)", n);
}

/* Closes f, whose text is then *buf, and returns that text as a Graphviz
 * string. */
static char *finish(FILE *f, char **buf)
{
    bool ok = !ferror(f);
    ok = fclose(f) == 0 && ok;
    char *tip = ok && *buf ? kg_graphviz_label(*buf, SIZE_MAX, true) : NULL;
    free(*buf);
    return tip;
}

char *kg_dot_node_tooltip(const kg_node *n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    put_text(f, n->label, 120);
    fprintf(f, " (%s)\n%zu %s", kg_entity_type_name(n->type), n->mentions,
            n->mentions == 1 ? "mention" : "mentions");
    if (n->n_docs)
        fprintf(f, " in %zu %s", n->n_docs, n->n_docs == 1 ? "document" : "documents");
    put_names(f, "aliases", n->aliases, n->n_aliases);
    put_names(f, "roles", n->roles, n->n_roles);
    return finish(f, &buf);
}

char *kg_dot_edge_tooltip(const kg_graph *g, const kg_edge *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    put_text(f, kg_graph_node(g, e->source)->label, 120);
    fputs(" \xE2\x86\x92 ", f); /* → */
    put_text(f, kg_graph_node(g, e->target)->label, 120);
    fprintf(f, ": %s", e->negated ? "not " : "");
    put_text(f, e->relation, 120);
    size_t count = e->count ? e->count : 1;
    fprintf(f, "\n%zu %s", count, count == 1 ? "sentence" : "sentences");
    if (e->negated)
        fputs(", negated", f);
    if (e->modal)
        fputs(", modal", f);
    if (e->attributed)
        fputs(", reported speech", f);
    if (e->n_evidence) {
        const kg_evidence *ev = &e->evidence[0];
        fputs("\n\xE2\x80\x9C", f); /* “ */
        put_text(f, ev->text ? ev->text : "", TIP_SENTENCE);
        fputs("\xE2\x80\x9D (", f); /* ” */
        put_text(f, ev->doc ? ev->doc : "", 80);
        if (ev->date && *ev->date) {
            fputs(", ", f);
            put_text(f, ev->date, 20);
        }
        fputc(')', f);
        if (e->n_evidence > 1)
            fprintf(f, "\nand %zu more", e->n_evidence - 1);
    }
    return finish(f, &buf);
}
