/* pack.c - the connected components of a laid-out graph, tiled in rows.
 *
 * A graph of several articles is many small components.  dot places
 * components side by side across its ranks, which under rankdir=LR is one
 * column (30 BBC articles: 1184x14599 pt, most of it pairs of nodes).
 * Graphviz can pack components itself (pack=true, packmode), but dot 2.43
 * then loses every edge label: each is left at y=0 and not drawn (`echo
 * 'digraph{pack=true; a->b[label=x]; c->d}' | dot -Tsvg` draws no "x").
 * So kg lays the graph out whole, as the engine likes, and then moves each
 * component as a block: a top-level cluster with what it holds is one block,
 * a block's box holds its nodes, edges, labels and clusters, the boxes go in
 * rows left to right, tallest first (next-fit decreasing height), in rows of
 * about sqrt(area * PACK_ASPECT) points so that the picture comes out
 * somewhat wider than high, as screens are, and every coordinate of a block
 * is shifted by its box's move.  The root graph's label (kg's caption) then
 * goes under the blocks, at the left.
 *
 * This reads and writes Graphviz's layout records (types.h), as Graphviz's
 * own pack library does; only graphviz.c calls it, between gvLayout and
 * rendering.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "graphviz.h"

#define PACK_GAP 18.0   /* points between blocks */
#define PACK_ASPECT 1.5 /* width / height aimed at */

typedef struct block {
    boxf box;
    bool any;
    size_t order; /* first node's place, for a stable order */
} block;

static size_t find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void join(size_t *parent, size_t a, size_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b)
        parent[a > b ? a : b] = a < b ? a : b;
}

static void grow(block *b, double x0, double y0, double x1, double y1)
{
    if (!b->any) {
        b->box = (boxf){{x0, y0}, {x1, y1}};
        b->any = true;
        return;
    }
    b->box.LL.x = fmin(b->box.LL.x, x0);
    b->box.LL.y = fmin(b->box.LL.y, y0);
    b->box.UR.x = fmax(b->box.UR.x, x1);
    b->box.UR.y = fmax(b->box.UR.y, y1);
}

static void grow_label(block *b, const textlabel_t *l)
{
    if (l && l->set)
        grow(b, l->pos.x - l->dimen.x / 2, l->pos.y - l->dimen.y / 2, l->pos.x + l->dimen.x / 2,
             l->pos.y + l->dimen.y / 2);
}

static void move_point(pointf *p, pointf d)
{
    p->x += d.x;
    p->y += d.y;
}

static void move_label(textlabel_t *l, pointf d)
{
    if (l)
        move_point(&l->pos, d);
}

static void grow_edge(block *b, Agedge_t *e)
{
    const splines *s = ED_spl(e);
    for (int i = 0; s && i < s->size; i++) {
        const bezier *bz = &s->list[i];
        for (int k = 0; k < bz->size; k++)
            grow(b, bz->list[k].x, bz->list[k].y, bz->list[k].x, bz->list[k].y);
        if (bz->sflag)
            grow(b, bz->sp.x, bz->sp.y, bz->sp.x, bz->sp.y);
        if (bz->eflag)
            grow(b, bz->ep.x, bz->ep.y, bz->ep.x, bz->ep.y);
    }
    grow_label(b, ED_label(e));
    grow_label(b, ED_xlabel(e));
    grow_label(b, ED_head_label(e));
    grow_label(b, ED_tail_label(e));
}

static void move_edge(Agedge_t *e, pointf d)
{
    splines *s = ED_spl(e);
    for (int i = 0; s && i < s->size; i++) {
        bezier *bz = &s->list[i];
        for (int k = 0; k < bz->size; k++)
            move_point(&bz->list[k], d);
        move_point(&bz->sp, d);
        move_point(&bz->ep, d);
    }
    if (s) {
        move_point(&s->bb.LL, d);
        move_point(&s->bb.UR, d);
    }
    move_label(ED_label(e), d);
    move_label(ED_xlabel(e), d);
    move_label(ED_head_label(e), d);
    move_label(ED_tail_label(e), d);
}

/* A cluster the engine laid out: dot gives it Graphviz's graph record
 * (GD_bb, GD_label); neato and others leave a subgraph with a smaller
 * record of their own, which GD_bb would read past. */
static bool named_cluster(Agraph_t *sub)
{
    return strncmp(agnameof(sub), "cluster", 7) == 0;
}

static bool is_cluster(Agraph_t *sub)
{
    if (!named_cluster(sub))
        return false;
    Agrec_t *r = aggetrec(sub, "Agraphinfo_t", 0);
    return r && (void *)r == AGDATA(sub);
}

/* A cluster's box and label, and those of the clusters inside it. */
static void move_cluster(Agraph_t *sub, pointf d)
{
    move_point(&GD_bb(sub).LL, d);
    move_point(&GD_bb(sub).UR, d);
    move_label(GD_label(sub), d);
    for (Agraph_t *in = agfstsubg(sub); in; in = agnxtsubg(in))
        if (is_cluster(in))
            move_cluster(in, d);
}

static bool cluster_laid_out(Agraph_t *sub)
{
    return GD_bb(sub).UR.x > GD_bb(sub).LL.x || GD_bb(sub).UR.y > GD_bb(sub).LL.y;
}

static int by_height(const void *a, const void *b)
{
    const block *x = *(const block *const *)a, *y = *(const block *const *)b;
    double hx = x->box.UR.y - x->box.LL.y, hy = y->box.UR.y - y->box.LL.y;
    if (hx != hy)
        return hx > hy ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

/* How far each block moves (shift, by block), rows from the top down. */
static void place(block **sorted, size_t n, pointf *shift, const block *blocks)
{
    double area = 0, widest = 0;
    for (size_t i = 0; i < n; i++) {
        double w = sorted[i]->box.UR.x - sorted[i]->box.LL.x + PACK_GAP;
        area += w * (sorted[i]->box.UR.y - sorted[i]->box.LL.y + PACK_GAP);
        widest = fmax(widest, w);
    }
    double row_width = fmax(widest, sqrt(area * PACK_ASPECT));
    double x = 0, top = 0, row_height = 0;
    for (size_t i = 0; i < n; i++) {
        const block *b = sorted[i];
        double w = b->box.UR.x - b->box.LL.x, h = b->box.UR.y - b->box.LL.y;
        if (x > 0 && x + w > row_width) {
            top -= row_height + PACK_GAP;
            x = 0;
            row_height = 0;
        }
        /* the block's top left corner at (x, top) */
        shift[b - blocks] = (pointf){x - b->box.LL.x, top - b->box.UR.y};
        x += w + PACK_GAP;
        row_height = fmax(row_height, h);
    }
}

/* The box of the blocks once moved. */
static boxf bounds(block **sorted, size_t n, const pointf *shift, const block *blocks)
{
    boxf bb = {{0, 0}, {0, 0}};
    for (size_t i = 0; i < n; i++) {
        const block *b = sorted[i];
        pointf d = shift[b - blocks];
        boxf moved = {{b->box.LL.x + d.x, b->box.LL.y + d.y},
                      {b->box.UR.x + d.x, b->box.UR.y + d.y}};
        if (i == 0)
            bb = moved;
        bb.LL.x = fmin(bb.LL.x, moved.LL.x);
        bb.LL.y = fmin(bb.LL.y, moved.LL.y);
        bb.UR.x = fmax(bb.UR.x, moved.UR.x);
        bb.UR.y = fmax(bb.UR.y, moved.UR.y);
    }
    return bb;
}

/* The root's label under the blocks, at the left; bb grows to hold it. */
static void place_caption(Agraph_t *ag, boxf *bb)
{
    textlabel_t *l = GD_label(ag);
    if (!l || !l->set)
        return;
    pointf size = {fmax(l->space.x, l->dimen.x), fmax(l->space.y, l->dimen.y)};
    bb->LL.y -= PACK_GAP + size.y;
    l->pos = (pointf){bb->LL.x + size.x / 2, bb->LL.y + size.y / 2};
    bb->UR.x = fmax(bb->UR.x, bb->LL.x + size.x);
}

/* The block of every node (by AGSEQ), and their boxes. */
static size_t *blocks_of(Agraph_t *ag, size_t seqs)
{
    size_t *parent = malloc(seqs * sizeof *parent);
    if (!parent)
        return NULL;
    for (size_t i = 0; i < seqs; i++)
        parent[i] = i;
    for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n))
        for (Agedge_t *e = agfstout(ag, n); e; e = agnxtout(ag, e))
            join(parent, AGSEQ(n), AGSEQ(aghead(e)));
    for (Agraph_t *sub = agfstsubg(ag); sub; sub = agnxtsubg(sub)) {
        Agnode_t *first = named_cluster(sub) ? agfstnode(sub) : NULL;
        for (Agnode_t *n = first; n; n = agnxtnode(sub, n))
            join(parent, AGSEQ(first), AGSEQ(n));
    }
    return parent;
}

static void measure(Agraph_t *ag, size_t *parent, block *blocks)
{
    size_t order = 0;
    for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n), order++) {
        block *b = &blocks[find(parent, AGSEQ(n))];
        if (!b->any)
            b->order = order;
        pointf c = ND_coord(n);
        grow(b, c.x - ND_lw(n), c.y - ND_ht(n) / 2, c.x + ND_rw(n), c.y + ND_ht(n) / 2);
        grow_label(b, ND_xlabel(n));
        for (Agedge_t *e = agfstout(ag, n); e; e = agnxtout(ag, e))
            grow_edge(b, e);
    }
    for (Agraph_t *sub = agfstsubg(ag); sub; sub = agnxtsubg(sub)) {
        Agnode_t *first = is_cluster(sub) ? agfstnode(sub) : NULL;
        if (first && cluster_laid_out(sub)) {
            block *b = &blocks[find(parent, AGSEQ(first))];
            grow(b, GD_bb(sub).LL.x, GD_bb(sub).LL.y, GD_bb(sub).UR.x, GD_bb(sub).UR.y);
            grow_label(b, GD_label(sub));
        }
    }
}

static void move_all(Agraph_t *ag, size_t *parent, const pointf *shift)
{
    for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n)) {
        pointf d = shift[find(parent, AGSEQ(n))];
        move_point(&ND_coord(n), d);
        move_label(ND_xlabel(n), d);
        for (Agedge_t *e = agfstout(ag, n); e; e = agnxtout(ag, e))
            move_edge(e, d);
    }
    for (Agraph_t *sub = agfstsubg(ag); sub; sub = agnxtsubg(sub)) {
        Agnode_t *first = is_cluster(sub) ? agfstnode(sub) : NULL;
        if (first)
            move_cluster(sub, shift[find(parent, AGSEQ(first))]);
    }
}

/* A straight edge from p to q, in the points the engine gave it (a cubic
 * Bezier of 3k + 1 points lies on the segment when they do), its arrowhead
 * as long as the engine drew it. */
static void straighten(Agedge_t *e, pointf p, pointf q)
{
    splines *s = ED_spl(e);
    if (!s || s->size < 1 || s->list[0].size < 2)
        return;
    bezier *bz = &s->list[0];
    pointf end = q;
    if (bz->eflag) {
        pointf last = bz->list[bz->size - 1];
        double arrow = hypot(bz->ep.x - last.x, bz->ep.y - last.y);
        bz->ep = q;
        end.x = q.x - arrow;
    }
    bz->sflag = 0;
    for (int k = 0; k < bz->size; k++) {
        double t = (double)k / (bz->size - 1);
        bz->list[k] = (pointf){p.x + (end.x - p.x) * t, p.y + (end.y - p.y) * t};
    }
    s->size = 1;
    s->bb = (boxf){{p.x, p.y}, {q.x, q.y}};
}

/* A cluster's box around its nodes, its label centred at the top. */
static void frame(Agraph_t *sub)
{
    block b = {0};
    for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n)) {
        pointf c = ND_coord(n);
        grow(&b, c.x - ND_lw(n), c.y - ND_ht(n) / 2, c.x + ND_rw(n), c.y + ND_ht(n) / 2);
    }
    textlabel_t *l = GD_label(sub);
    double title = l ? l->dimen.y + PACK_GAP / 4 : 0, pad = PACK_GAP / 2;
    GD_bb(sub) = (boxf){
        {b.box.LL.x - pad, b.box.LL.y - pad},
        {fmax(b.box.UR.x, b.box.LL.x + (l ? l->dimen.x : 0)) + pad, b.box.UR.y + pad + title}};
    if (l) {
        l->pos = (pointf){(GD_bb(sub).LL.x + GD_bb(sub).UR.x) / 2,
                          GD_bb(sub).UR.y - pad / 2 - l->dimen.y / 2};
        l->set = true;
    }
}

/* A cluster as dot draws kg's legend, for the engines that lay clusters
 * out otherwise (neato: its nodes strewn inside a box) or not at all (sfdp): rows, each a node and,
 * beside it, the head of its first edge in the cluster, the edge straight between them. */
static bool arrange_rows(Agraph_t *sub, size_t seqs)
{
    bool *placed = calloc(seqs, sizeof *placed);
    if (!placed)
        return false;
    double left = 0;
    for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n))
        if (agfstout(sub, n))
            left = fmax(left, ND_lw(n) + ND_rw(n));
    double y = 0;
    for (Agnode_t *n = agfstnode(sub); n; n = agnxtnode(sub, n)) {
        if (placed[AGSEQ(n)])
            continue;
        Agedge_t *e = agfstout(sub, n);
        Agnode_t *head = e && !placed[AGSEQ(aghead(e))] ? aghead(e) : NULL;
        double h = fmax(ND_ht(n), head ? ND_ht(head) : 0);
        y -= h / 2;
        ND_coord(n) = (pointf){left / 2 - (ND_lw(n) + ND_rw(n)) / 2 + ND_lw(n), y};
        placed[AGSEQ(n)] = true;
        if (head) {
            ND_coord(head) = (pointf){left + 2 * PACK_GAP + ND_lw(head), y};
            placed[AGSEQ(head)] = true;
            straighten(e, (pointf){ND_coord(n).x + ND_rw(n), y},
                       (pointf){ND_coord(head).x - ND_lw(head), y});
        }
        y -= h / 2 + PACK_GAP / 2;
    }
    free(placed);
    if (is_cluster(sub)) /* its box and title around the rows */
        frame(sub);
    return true;
}

bool kg_graphviz_pack(Agraph_t *ag, bool rows)
{
    size_t seqs = 1;
    for (Agnode_t *n = agfstnode(ag); n; n = agnxtnode(ag, n))
        if ((size_t)AGSEQ(n) + 1 > seqs)
            seqs = (size_t)AGSEQ(n) + 1;
    for (Agraph_t *sub = agfstsubg(ag); sub; sub = agnxtsubg(sub))
        if (rows && named_cluster(sub) && !arrange_rows(sub, seqs))
            return false;
    size_t *parent = blocks_of(ag, seqs);
    block *blocks = calloc(seqs, sizeof *blocks);
    block **sorted = malloc(seqs * sizeof *sorted);
    pointf *shift = calloc(seqs, sizeof *shift);
    bool ok = parent && blocks && sorted && shift;
    size_t n = 0;
    if (ok) {
        measure(ag, parent, blocks);
        for (size_t i = 0; i < seqs; i++)
            if (blocks[i].any)
                sorted[n++] = &blocks[i];
    }
    if (ok && n > 1) {
        qsort(sorted, n, sizeof *sorted, by_height);
        place(sorted, n, shift, blocks);
        boxf bb = bounds(sorted, n, shift, blocks);
        place_caption(ag, &bb);
        /* Graphviz draws from a lower left corner at (0, 0) */
        pointf home = {-bb.LL.x, -bb.LL.y};
        for (size_t i = 0; i < seqs; i++)
            move_point(&shift[i], home);
        if (GD_label(ag) && GD_label(ag)->set)
            move_point(&GD_label(ag)->pos, home);
        move_all(ag, parent, shift);
        GD_bb(ag) = (boxf){{0, 0}, {bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y}};
    }
    free(parent);
    free(blocks);
    free(sorted);
    free(shift);
    return ok;
}
