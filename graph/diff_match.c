/* diff_match.c - one side's nodes as the matcher sees them, and the rounds
 * that match them: a pair is matched only when each is the other's single
 * candidate, counting every node of the other side, matched or not, so the
 * result does not depend on the order in which nodes are visited.  The alias
 * and name rounds cost, for each entity left unmatched by id (few, in two
 * versions of one article), a pass over the other side.  The last round,
 * replaced, pairs what is still apart by where the edited sentences name it. */
#include "diff_internal.h"

#include <stdlib.h>
#include <string.h>

/* Replacement candidates looked at, at most: two versions of an article
 * give a handful; a rewrite past this is no edit of names. */
#define REPLACED_MAX_CANDIDATES 1024

static bool has_name(const kg_diff_side_node *s, const char *name)
{
    for (size_t i = 0; i < s->n_names; i++)
        if (strcmp(s->names[i], name) == 0)
            return true;
    return false;
}

kg_status kg_diff_side_init(kg_arena *a, kg_diff_side *s, const kg_graph *g, const kg_document *doc)
{
    s->g = g;
    s->doc = doc;
    s->n = kg_graph_node_count(g);
    s->nodes = kg_arena_alloc(a, (s->n + 1) * sizeof *s->nodes);
    if (!s->nodes)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < s->n; i++) {
        kg_diff_side_node *sn = &s->nodes[i];
        const kg_node *n = kg_graph_node(g, i);
        sn->node = n;
        sn->match = -1;
        sn->label = kg_diff_fold(a, n->label ? n->label : n->id);
        sn->names = kg_arena_alloc(a, (n->n_aliases + 1) * sizeof *sn->names);
        if (!sn->label || !sn->names)
            return KG_ERR_NOMEM;
        sn->names[sn->n_names++] = sn->label;
        for (size_t k = 0; k < n->n_aliases; k++) {
            const char *f = kg_diff_fold(a, n->aliases[k]);
            if (!f)
                return KG_ERR_NOMEM;
            if (*f && !has_name(sn, f))
                sn->names[sn->n_names++] = f;
        }
        if (n->type != KG_ENT_PERSON)
            continue;
        char *words = kg_arena_strdup(a, sn->label);
        const char **w = kg_arena_alloc(a, KG_DIFF_NAME_WORDS * sizeof *w);
        if (!words || !w)
            return KG_ERR_NOMEM;
        size_t nw = kg_diff_name_words(words, w, KG_DIFF_NAME_WORDS);
        if (nw > 0) {
            sn->surname = w[nw - 1];
            sn->given = w;
            sn->n_given = nw - 1;
        }
    }
    return KG_OK;
}

void kg_diff_match_link(kg_diff_side *o, size_t i, kg_diff_side *n, size_t j, kg_diff_match how)
{
    o->nodes[i].match = (long)j;
    o->nodes[i].how = how;
    n->nodes[j].match = (long)i;
    n->nodes[j].how = how;
}

static void match_ids(kg_diff_side *o, kg_diff_side *n)
{
    for (size_t i = 0; i < o->n; i++) {
        long j = kg_graph_find_node(n->g, o->nodes[i].node->id);
        if (j >= 0 && n->nodes[j].match < 0)
            kg_diff_match_link(o, i, n, (size_t)j, KG_DIFF_MATCH_ID);
    }
}

typedef bool (*fits_fn)(const kg_diff_side_node *a, const kg_diff_side_node *b);

static bool alias_fits(const kg_diff_side_node *a, const kg_diff_side_node *b)
{
    return a->node->type == b->node->type && (has_name(b, a->label) || has_name(a, b->label));
}

static bool name_fits(const kg_diff_side_node *a, const kg_diff_side_node *b)
{
    return a->surname && b->surname && a->node->type == b->node->type &&
           strcmp(a->surname, b->surname) == 0 &&
           kg_diff_given_compatible(a->given, a->n_given, b->given, b->n_given);
}

/* Names of a that b has and no other candidate of a has. */
static size_t telling_names(const kg_diff_side_node *a, const kg_diff_side_node *b,
                            const kg_diff_side *other, fits_fn fits)
{
    size_t count = 0;
    for (size_t k = 0; k < a->n_names; k++) {
        if (!has_name(b, a->names[k]))
            continue;
        bool shared = false;
        for (size_t j = 0; j < other->n && !shared; j++) {
            const kg_diff_side_node *c = &other->nodes[j];
            shared = c != b && fits(a, c) && has_name(c, a->names[k]);
        }
        count += !shared;
    }
    return count;
}

/* The node of other that a fits, if there is exactly one, or the one among
 * several that shares a telling name with a; -1 if none, if ambiguous, or
 * if that node is already matched.  Candidates are counted among all nodes,
 * matched or not: "Biden" against "Joe Biden" (matched by id) and "Hunter
 * Biden" is ambiguous, not Hunter's by elimination. */
static long single_candidate(const kg_diff_side_node *a, const kg_diff_side *other, fits_fn fits,
                             bool by_names)
{
    long found = -1;
    size_t count = 0;
    for (size_t j = 0; j < other->n; j++)
        if (fits(a, &other->nodes[j]))
            found = count++ ? found : (long)j;
    if (count > 1 && !by_names)
        return -1;
    if (count > 1) {
        found = -1;
        count = 0;
        for (size_t j = 0; j < other->n; j++) {
            const kg_diff_side_node *c = &other->nodes[j];
            if (fits(a, c) && telling_names(a, c, other, fits) > 0)
                found = count++ ? found : (long)j;
        }
    }
    return count == 1 && other->nodes[found].match < 0 ? found : -1;
}

/* Matches each unmatched old node to the new node it singles out, when that
 * node singles it out in turn. */
static void match_round(kg_diff_side *o, kg_diff_side *n, fits_fn fits, kg_diff_match how,
                        bool by_names)
{
    for (size_t i = 0; i < o->n; i++) {
        if (o->nodes[i].match >= 0)
            continue;
        long j = single_candidate(&o->nodes[i], n, fits, by_names);
        if (j >= 0 && single_candidate(&n->nodes[j], o, fits, by_names) == (long)i)
            kg_diff_match_link(o, i, n, (size_t)j, how);
    }
}

void kg_diff_match_sides(kg_diff_side *o, kg_diff_side *n)
{
    match_ids(o, n);
    match_round(o, n, alias_fits, KG_DIFF_MATCH_ALIAS, false);
    match_round(o, n, name_fits, KG_DIFF_MATCH_NAME, true);
}

/* ---------------------------------------------------------------- replaced */

/* The words of a sentence as byte spans (white space apart). */
typedef struct word_span {
    size_t start, end;
} word_span;

static size_t split_words(kg_arena *a, const char *t, word_span **out)
{
    size_t n = 0, cap = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != ' ' && (i == 0 || t[i - 1] == ' '))
            cap++;
    *out = kg_arena_alloc(a, (cap + 1) * sizeof **out);
    if (!*out)
        return (size_t)-1;
    for (size_t i = 0; t[i];) {
        while (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r')
            i++;
        if (!t[i])
            break;
        size_t s = i;
        while (t[i] && t[i] != ' ' && t[i] != '\n' && t[i] != '\t' && t[i] != '\r')
            i++;
        if (n < cap)
            (*out)[n++] = (word_span){s, i};
    }
    return n;
}

static bool same_word(const char *a, word_span x, const char *b, word_span y)
{
    return x.end - x.start == y.end - y.start && !memcmp(a + x.start, b + y.start, x.end - x.start);
}

/* The bytes each side's edit spans: what is left when the words both
 * sentences start and end with are taken off.  False when a side is empty
 * (words only added or only removed: no name stands for another). */
static bool edited_spans(kg_arena *a, const char *ot, const char *nt, word_span *os, word_span *ns)
{
    word_span *ow, *nw;
    size_t no = split_words(a, ot, &ow), nn = split_words(a, nt, &nw);
    if (no == (size_t)-1 || nn == (size_t)-1)
        return false;
    size_t head = 0, tail = 0;
    while (head < no && head < nn && same_word(ot, ow[head], nt, nw[head]))
        head++;
    while (tail < no - head && tail < nn - head &&
           same_word(ot, ow[no - 1 - tail], nt, nw[nn - 1 - tail]))
        tail++;
    if (head + tail >= no || head + tail >= nn)
        return false;
    *os = (word_span){ow[head].start, ow[no - 1 - tail].end};
    *ns = (word_span){nw[head].start, nw[nn - 1 - tail].end};
    return true;
}

/* Whether one of the node's names, written in text, covers span. */
static bool name_covers(const kg_node *node, const char *text, word_span span)
{
    for (size_t k = 0; k <= node->n_aliases; k++) {
        const char *name = k == 0 ? node->label : node->aliases[k - 1];
        size_t len = name ? strlen(name) : 0;
        if (len == 0)
            continue;
        for (const char *p = strstr(text, name); p; p = strstr(p + 1, name)) {
            size_t at = (size_t)(p - text);
            if (at <= span.start && at + len >= span.end)
                return true;
        }
    }
    return false;
}

typedef struct sentence_node {
    const char *doc;
    size_t sentence, node;
} sentence_node;

static int sentence_node_cmp(const void *pa, const void *pb)
{
    const sentence_node *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    if (!c)
        c = (a->sentence > b->sentence) - (a->sentence < b->sentence);
    return c ? c : (a->node > b->node) - (a->node < b->node);
}

/* The side's (sentence, node) pairs, by sentence. */
static sentence_node *by_sentence(kg_arena *a, const kg_diff_side *s)
{
    sentence_node *v = kg_arena_alloc(a, (s->n_pool + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < s->n_pool; i++)
        v[i] = (sentence_node){s->pool[i].s.doc, s->pool[i].s.sentence, s->pool[i].node};
    qsort(v, s->n_pool, sizeof *v, sentence_node_cmp);
    return v;
}

/* The first entry of (doc, sentence) in v, or n. */
static size_t first_of(const sentence_node *v, size_t n, const char *doc, size_t sentence)
{
    size_t lo = 0, hi = n;
    sentence_node key = {doc, sentence, 0};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sentence_node_cmp(&v[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct candidate {
    size_t old_node, new_node;
} candidate;

kg_status kg_diff_match_replaced(kg_arena *a, kg_diff_side *o, kg_diff_side *n,
                                 const kg_diff_align *al)
{
    sentence_node *vo = by_sentence(a, o), *vn = by_sentence(a, n);
    if (!vo || !vn)
        return KG_ERR_NOMEM;
    size_t cap = 0, nc = 0;
    candidate *c = NULL;
    kg_status st = KG_OK;
    for (size_t p = 0; p < al->n && st == KG_OK; p++) {
        const kg_diff_sentence_pair *sp = &al->pairs[p];
        word_span os, ns;
        if (sp->state != KG_DIFF_CHANGED || !edited_spans(a, sp->old_text, sp->new_text, &os, &ns))
            continue;
        size_t i0 = first_of(vo, o->n_pool, sp->old_doc, (size_t)sp->old_sentence);
        size_t j0 = first_of(vn, n->n_pool, sp->new_doc, (size_t)sp->new_sentence);
        for (size_t i = i0; i < o->n_pool && vo[i].sentence == (size_t)sp->old_sentence &&
                            !strcmp(vo[i].doc, sp->old_doc) && st == KG_OK;
             i++) {
            const kg_diff_side_node *x = &o->nodes[vo[i].node];
            if (x->match >= 0 || !name_covers(x->node, sp->old_text, os))
                continue;
            for (size_t j = j0; j < n->n_pool && vn[j].sentence == (size_t)sp->new_sentence &&
                                !strcmp(vn[j].doc, sp->new_doc);
                 j++) {
                const kg_diff_side_node *y = &n->nodes[vn[j].node];
                if (y->match >= 0 || y->node->type != x->node->type ||
                    !name_covers(y->node, sp->new_text, ns))
                    continue;
                if (nc == REPLACED_MAX_CANDIDATES)
                    return KG_OK;
                if (nc == cap) {
                    size_t ncap = cap ? 2 * cap : 16;
                    candidate *m = kg_arena_alloc(a, ncap * sizeof *m);
                    if (!m) {
                        st = KG_ERR_NOMEM;
                        break;
                    }
                    if (nc)
                        memcpy(m, c, nc * sizeof *c);
                    c = m;
                    cap = ncap;
                }
                c[nc++] = (candidate){vo[i].node, vn[j].node};
            }
        }
    }
    /* a pair is taken only when neither side has another candidate */
    for (size_t k = 0; k < nc && st == KG_OK; k++) {
        bool alone = true;
        for (size_t m = 0; m < nc && alone; m++)
            if ((c[m].old_node == c[k].old_node) != (c[m].new_node == c[k].new_node))
                alone = false;
        if (alone && o->nodes[c[k].old_node].match < 0 && n->nodes[c[k].new_node].match < 0)
            kg_diff_match_link(o, c[k].old_node, n, c[k].new_node, KG_DIFF_MATCH_REPLACED);
    }
    return st;
}
