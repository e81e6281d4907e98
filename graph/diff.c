/* diff.c - matching two graphs and listing what changed between them.
 *
 * Entities are matched in rounds (id, alias, name; see kg/diff.h).  A pair
 * is matched only when each is the other's single candidate, counting every
 * node of the other side, matched or not, so the result does not depend on
 * the order in which nodes are visited.  Relations are then grouped by
 * (matched source, relation, matched target) and paired within a group,
 * the same negation first.
 *
 * Everything the diff allocates lives in one arena; the graphs and documents
 * are borrowed.  Names are folded with utf8proc (case, diacritics) once per
 * node; the alias and name rounds then cost, for each entity left unmatched
 * by id (few, in two versions of one article), a pass over the other side.
 */
#include "kg/diff.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "strmap.h"

/* What one side's node looks like to the matcher. */
typedef struct side_node {
    const kg_node *node;
    const char *label;  /* folded */
    const char **names; /* folded label and aliases, unique */
    size_t n_names;
    const char **given; /* folded given names of a person, suffixes dropped */
    size_t n_given;
    const char *surname; /* folded, NULL if not a person or no name */
    long match;          /* node index on the other side, -1 */
    kg_diff_match how;
    size_t entity; /* index in the diff's entity list */
} side_node;

typedef struct side {
    const kg_graph *g;
    const kg_document *doc;
    side_node *nodes;
    size_t n;
    /* sentences per node, sorted by (node, doc, sentence) */
    struct pool_item *pool;
    size_t n_pool;
} side;

typedef struct pool_item {
    size_t node;
    kg_diff_sentence s;
} pool_item;

struct kg_diff {
    kg_arena *arena;
    const kg_graph *old_graph, *new_graph;
    const char *old_name, *new_name;
    kg_diff_entity *entities;
    size_t n_entities;
    kg_diff_relation *relations;
    size_t n_relations;
};

static kg_status nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "diff: out of memory");
}

const char *kg_diff_state_name(kg_diff_state s)
{
    switch (s) {
    case KG_DIFF_UNCHANGED:
        return "unchanged";
    case KG_DIFF_ADDED:
        return "added";
    case KG_DIFF_REMOVED:
        return "removed";
    case KG_DIFF_CHANGED:
        return "changed";
    }
    return "unknown";
}

const char *kg_diff_match_name(kg_diff_match m)
{
    switch (m) {
    case KG_DIFF_MATCH_NONE:
        return "none";
    case KG_DIFF_MATCH_ID:
        return "id";
    case KG_DIFF_MATCH_ALIAS:
        return "alias";
    case KG_DIFF_MATCH_NAME:
        return "name";
    }
    return "unknown";
}

/* ---------------------------------------------------------------- names */

/* s case-folded, without diacritics, with periods dropped, commas as
 * spaces and runs of spaces as one: "Antony J.  Blinken" -> "antony j
 * blinken".  NULL when out of memory. */
static char *fold(kg_arena *a, const char *s)
{
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &f,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    const char *src = n >= 0 ? (const char *)f : s; /* invalid UTF-8: bytes as they are */
    size_t len = strlen(src);
    char *out = kg_arena_alloc(a, len + 1);
    if (out) {
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            char c = src[i];
            if (n < 0 && c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c == '.')
                continue;
            if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
                if (o > 0 && out[o - 1] != ' ')
                    out[o++] = ' ';
                continue;
            }
            out[o++] = c;
        }
        while (o > 0 && out[o - 1] == ' ')
            o--;
        out[o] = '\0';
    }
    free(f);
    return out;
}

static bool is_suffix(const char *w)
{
    static const char *const suffixes[] = {"jr", "sr", "ii", "iii", "iv", "v"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
        if (strcmp(w, suffixes[i]) == 0)
            return true;
    return false;
}

/* Splits a folded name into words (in place), dropping generational
 * suffixes after the first word.  Returns the number of words. */
static size_t name_words(char *folded, const char **words, size_t max)
{
    size_t n = 0;
    for (char *save = NULL, *w = strtok_r(folded, " ", &save); w && n < max;
         w = strtok_r(NULL, " ", &save))
        words[n++] = w;
    while (n > 1 && is_suffix(words[n - 1]))
        n--;
    return n;
}

/* One given name against another: equal, or an initial of it. */
static bool given_fits(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    size_t la = strlen(a), lb = strlen(b);
    return (la == 1 && a[0] == b[0]) || (lb == 1 && b[0] == a[0]);
}

/* Whether the shorter list fits into the longer one in order. */
static bool given_compatible(const char *const *a, size_t na, const char *const *b, size_t nb)
{
    if (na > nb)
        return given_compatible(b, nb, a, na);
    size_t j = 0;
    for (size_t i = 0; i < na; i++) {
        while (j < nb && !given_fits(a[i], b[j]))
            j++;
        if (j == nb)
            return false;
        j++;
    }
    return true;
}

#define MAX_NAME_WORDS 16

bool kg_diff_names_compatible(const char *a, const char *b)
{
    kg_arena *arena = kg_arena_new();
    char *fa = arena ? fold(arena, a) : NULL, *fb = arena ? fold(arena, b) : NULL;
    bool ok = false;
    if (fa && fb) {
        const char *wa[MAX_NAME_WORDS], *wb[MAX_NAME_WORDS];
        size_t na = name_words(fa, wa, MAX_NAME_WORDS), nb = name_words(fb, wb, MAX_NAME_WORDS);
        ok = na > 0 && nb > 0 && strcmp(wa[na - 1], wb[nb - 1]) == 0 &&
             given_compatible(wa, na - 1, wb, nb - 1);
    }
    kg_arena_free(arena);
    return ok;
}

/* ---------------------------------------------------------------- sides */

static bool has_name(const side_node *s, const char *name)
{
    for (size_t i = 0; i < s->n_names; i++)
        if (strcmp(s->names[i], name) == 0)
            return true;
    return false;
}

static kg_status side_init(kg_arena *a, side *s, const kg_graph *g, const kg_document *doc)
{
    s->g = g;
    s->doc = doc;
    s->n = kg_graph_node_count(g);
    s->nodes = kg_arena_alloc(a, (s->n + 1) * sizeof *s->nodes);
    if (!s->nodes)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < s->n; i++) {
        side_node *sn = &s->nodes[i];
        const kg_node *n = kg_graph_node(g, i);
        sn->node = n;
        sn->match = -1;
        sn->label = fold(a, n->label ? n->label : n->id);
        sn->names = kg_arena_alloc(a, (n->n_aliases + 1) * sizeof *sn->names);
        if (!sn->label || !sn->names)
            return KG_ERR_NOMEM;
        sn->names[sn->n_names++] = sn->label;
        for (size_t k = 0; k < n->n_aliases; k++) {
            const char *f = fold(a, n->aliases[k]);
            if (!f)
                return KG_ERR_NOMEM;
            if (*f && !has_name(sn, f))
                sn->names[sn->n_names++] = f;
        }
        if (n->type != KG_ENT_PERSON)
            continue;
        char *words = kg_arena_strdup(a, sn->label);
        const char **w = kg_arena_alloc(a, MAX_NAME_WORDS * sizeof *w);
        if (!words || !w)
            return KG_ERR_NOMEM;
        size_t nw = name_words(words, w, MAX_NAME_WORDS);
        if (nw > 0) {
            sn->surname = w[nw - 1];
            sn->given = w;
            sn->n_given = nw - 1;
        }
    }
    return KG_OK;
}

static void link_pair(side *o, size_t i, side *n, size_t j, kg_diff_match how)
{
    o->nodes[i].match = (long)j;
    o->nodes[i].how = how;
    n->nodes[j].match = (long)i;
    n->nodes[j].how = how;
}

static void match_ids(side *o, side *n)
{
    for (size_t i = 0; i < o->n; i++) {
        long j = kg_graph_find_node(n->g, o->nodes[i].node->id);
        if (j >= 0 && n->nodes[j].match < 0)
            link_pair(o, i, n, (size_t)j, KG_DIFF_MATCH_ID);
    }
}

typedef bool (*fits_fn)(const side_node *a, const side_node *b);

static bool alias_fits(const side_node *a, const side_node *b)
{
    return a->node->type == b->node->type && (has_name(b, a->label) || has_name(a, b->label));
}

static bool name_fits(const side_node *a, const side_node *b)
{
    return a->surname && b->surname && a->node->type == b->node->type &&
           strcmp(a->surname, b->surname) == 0 &&
           given_compatible(a->given, a->n_given, b->given, b->n_given);
}

/* Names of a that b has and no other candidate of a has. */
static size_t telling_names(const side_node *a, const side_node *b, const side *other, fits_fn fits)
{
    size_t count = 0;
    for (size_t k = 0; k < a->n_names; k++) {
        if (!has_name(b, a->names[k]))
            continue;
        bool shared = false;
        for (size_t j = 0; j < other->n && !shared; j++) {
            const side_node *c = &other->nodes[j];
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
static long single_candidate(const side_node *a, const side *other, fits_fn fits, bool by_names)
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
            const side_node *c = &other->nodes[j];
            if (fits(a, c) && telling_names(a, c, other, fits) > 0)
                found = count++ ? found : (long)j;
        }
    }
    return count == 1 && other->nodes[found].match < 0 ? found : -1;
}

/* Matches each unmatched old node to the new node it singles out, when that
 * node singles it out in turn. */
static void match_round(side *o, side *n, fits_fn fits, kg_diff_match how, bool by_names)
{
    for (size_t i = 0; i < o->n; i++) {
        if (o->nodes[i].match >= 0)
            continue;
        long j = single_candidate(&o->nodes[i], n, fits, by_names);
        if (j >= 0 && single_candidate(&n->nodes[j], o, fits, by_names) == (long)i)
            link_pair(o, i, n, (size_t)j, how);
    }
}

/* ---------------------------------------------------------------- sentences */

static int pool_cmp(const void *pa, const void *pb)
{
    const pool_item *a = pa, *b = pb;
    if (a->node != b->node)
        return a->node < b->node ? -1 : 1;
    int c = strcmp(a->s.doc, b->s.doc);
    if (c)
        return c;
    return (a->s.sentence > b->s.sentence) - (a->s.sentence < b->s.sentence);
}

/* Sorts and removes duplicates of (node, doc, sentence). */
static void pool_finish(side *s)
{
    qsort(s->pool, s->n_pool, sizeof *s->pool, pool_cmp);
    size_t o = 0;
    for (size_t i = 0; i < s->n_pool; i++)
        if (o == 0 || pool_cmp(&s->pool[o - 1], &s->pool[i]) != 0)
            s->pool[o++] = s->pool[i];
    s->n_pool = o;
}

/* Every sentence of the document that mentions a node of the graph. */
static kg_status pool_from_document(kg_arena *a, side *s)
{
    size_t n_ents, n_ments, n_sent;
    const kg_entity *ents = kg_document_entities(s->doc, &n_ents);
    const kg_mention *ments = kg_document_mentions(s->doc, &n_ments);
    const kg_span *spans = kg_document_sentences(s->doc, &n_sent);
    const kg_doc *doc = kg_document_doc(s->doc);
    long *node_of = kg_arena_alloc(a, (n_ents + 1) * sizeof *node_of);
    const char **texts = kg_arena_alloc(a, (n_sent + 1) * sizeof *texts);
    s->pool = kg_arena_alloc(a, (n_ments + 1) * sizeof *s->pool);
    if (!node_of || !texts || !s->pool)
        return KG_ERR_NOMEM;
    for (size_t k = 0; k < n_ents; k++)
        node_of[k] = kg_graph_find_node(s->g, ents[k].id);
    for (size_t m = 0; m < n_ments; m++) {
        size_t e = ments[m].entity, sent = ments[m].sentence;
        if (e >= n_ents || node_of[e] < 0 || sent >= n_sent)
            continue;
        if (!texts[sent]) {
            kg_span sp = spans[sent];
            texts[sent] = kg_arena_strndup(a, doc->text + sp.start, sp.end - sp.start);
            if (!texts[sent])
                return KG_ERR_NOMEM;
        }
        kg_span sp = spans[sent];
        kg_diff_sentence ds = {doc->id,
                               sent,
                               sp.start,
                               sp.end,
                               kg_document_cp(s->doc, sp.start),
                               kg_document_cp(s->doc, sp.end),
                               texts[sent]};
        s->pool[s->n_pool++] = (pool_item){(size_t)node_of[e], ds};
    }
    pool_finish(s);
    return KG_OK;
}

static kg_diff_sentence sentence_of(const kg_evidence *ev)
{
    kg_diff_sentence ds = {
        ev->doc ? ev->doc : "",  ev->sentence, ev->start, ev->end, ev->cp_start, ev->cp_end,
        ev->text ? ev->text : ""};
    return ds;
}

/* Without the document: the sentences of the node's relations. */
static kg_status pool_from_edges(kg_arena *a, side *s)
{
    size_t total = 0;
    for (size_t j = 0; j < kg_graph_edge_count(s->g); j++)
        total += 2 * kg_graph_edge(s->g, j)->n_evidence;
    s->pool = kg_arena_alloc(a, (total + 1) * sizeof *s->pool);
    if (!s->pool)
        return KG_ERR_NOMEM;
    for (size_t j = 0; j < kg_graph_edge_count(s->g); j++) {
        const kg_edge *e = kg_graph_edge(s->g, j);
        for (size_t k = 0; k < e->n_evidence; k++) {
            const kg_evidence *ev = &e->evidence[k];
            kg_diff_sentence ds = sentence_of(ev);
            s->pool[s->n_pool++] = (pool_item){e->source, ds};
            s->pool[s->n_pool++] = (pool_item){e->target, ds};
        }
    }
    pool_finish(s);
    return KG_OK;
}

/* ASCII-case-insensitive substring search. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return false;
    for (const char *p = hay; *p; p++) {
        size_t k = 0;
        while (k < n && p[k]) {
            char a = p[k], b = needle[k];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
            k++;
        }
        if (k == n)
            return true;
    }
    return false;
}

/* How sentences are chosen from a node's pool. */
typedef struct filter {
    const char *const *words; /* keep sentences containing any of these; NULL: all */
    size_t n_words;
    bool first_only; /* stop after the first kept sentence */
} filter;

static bool keep(const filter *f, const char *text)
{
    if (!f->words)
        return true;
    for (size_t i = 0; i < f->n_words; i++)
        if (contains(text, f->words[i]))
            return true;
    return false;
}

/* The node's sentences passing f; if a filter by words keeps none, the
 * first sentence, so that a change always shows where the entity is. */
static kg_status node_evidence(kg_arena *a, const side *s, long node, const filter *f,
                               kg_diff_evidence *out)
{
    out->items = NULL;
    out->n = 0;
    if (node < 0)
        return KG_OK;
    size_t lo = 0, hi = s->n_pool;
    while (lo < hi) { /* first item of the node */
        size_t mid = lo + (hi - lo) / 2;
        if (s->pool[mid].node < (size_t)node)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < s->n_pool && s->pool[end].node == (size_t)node)
        end++;
    if (end == lo)
        return KG_OK;
    out->items = kg_arena_alloc(a, (end - lo) * sizeof *out->items);
    if (!out->items)
        return KG_ERR_NOMEM;
    for (size_t k = lo; k < end; k++) {
        if (!keep(f, s->pool[k].s.text))
            continue;
        out->items[out->n++] = s->pool[k].s;
        if (f->first_only)
            break;
    }
    if (out->n == 0)
        out->items[out->n++] = s->pool[lo].s;
    return KG_OK;
}

static kg_status edge_evidence(kg_arena *a, const kg_graph *g, long edge, kg_diff_evidence *out)
{
    out->items = NULL;
    out->n = 0;
    if (edge < 0)
        return KG_OK;
    const kg_edge *e = kg_graph_edge(g, (size_t)edge);
    out->items = kg_arena_alloc(a, (e->n_evidence + 1) * sizeof *out->items);
    if (!out->items)
        return KG_ERR_NOMEM;
    for (size_t k = 0; k < e->n_evidence; k++) {
        out->items[out->n++] = sentence_of(&e->evidence[k]);
    }
    return KG_OK;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The next character of s as compared: a run of white space reads as one
 * space, and white space at either end not at all. */
static char ws_next(const char **s)
{
    const char *p = *s;
    if (is_space(*p)) {
        while (is_space(*p))
            p++;
        *s = p;
        return *p ? ' ' : '\0';
    }
    if (*p)
        *s = p + 1;
    return *p;
}

/* strcmp as if white space were normalized: the extractor copies some
 * phrases (relations, names) from the text as written, and a version that
 * only reflows the text must not differ. */
static int ws_cmp(const char *a, const char *b)
{
    while (is_space(*a))
        a++;
    while (is_space(*b))
        b++;
    for (;;) {
        unsigned char ca = (unsigned char)ws_next(&a), cb = (unsigned char)ws_next(&b);
        if (ca != cb || !ca)
            return (ca > cb) - (ca < cb);
    }
}

/* ---------------------------------------------------------------- entities */

static const char *primary_id(const side *o, const side *n, const kg_diff_entity *e)
{
    return e->new_node >= 0 ? n->nodes[e->new_node].node->id : o->nodes[e->old_node].node->id;
}

/* qsort has no context argument; entities are sorted through this view. */
typedef struct entity_order {
    const char *primary, *old_id;
    kg_diff_entity e;
} entity_order;

static int entity_order_cmp(const void *pa, const void *pb)
{
    const entity_order *a = pa, *b = pb;
    int c = strcmp(a->primary, b->primary);
    return c ? c : strcmp(a->old_id, b->old_id);
}

/* roles of a (raw) whose folded form b lacks. */
static kg_status roles_missing(kg_arena *a, const kg_node *from, const kg_node *in,
                               const char ***out, size_t *n)
{
    *out = kg_arena_alloc(a, (from->n_roles + 1) * sizeof **out);
    if (!*out)
        return KG_ERR_NOMEM;
    *n = 0;
    for (size_t i = 0; i < from->n_roles; i++) {
        const char *f = fold(a, from->roles[i]);
        if (!f)
            return KG_ERR_NOMEM;
        bool found = false;
        for (size_t k = 0; k < in->n_roles && !found; k++) {
            const char *g = fold(a, in->roles[k]);
            if (!g)
                return KG_ERR_NOMEM;
            found = strcmp(f, g) == 0;
        }
        if (!found)
            (*out)[(*n)++] = from->roles[i];
    }
    return KG_OK;
}

static kg_status entity_changes(kg_arena *a, const side *o, const side *n, kg_diff_entity *e)
{
    if (e->old_node < 0 || e->new_node < 0) {
        e->state = e->old_node < 0 ? KG_DIFF_ADDED : KG_DIFF_REMOVED;
        e->old_mentions = e->old_node < 0 ? 0 : o->nodes[e->old_node].node->mentions;
        e->new_mentions = e->new_node < 0 ? 0 : n->nodes[e->new_node].node->mentions;
        filter all = {NULL, 0, false};
        if (node_evidence(a, o, e->old_node, &all, &e->old_evidence) != KG_OK ||
            node_evidence(a, n, e->new_node, &all, &e->new_evidence) != KG_OK)
            return KG_ERR_NOMEM;
        return KG_OK;
    }
    const side_node *so = &o->nodes[e->old_node], *sn = &n->nodes[e->new_node];
    const kg_node *on = so->node, *nn = sn->node;
    e->match = so->how;
    e->old_mentions = on->mentions;
    e->new_mentions = nn->mentions;
    e->type_changed = on->type != nn->type;
    e->label_changed = ws_cmp(on->label ? on->label : on->id, nn->label ? nn->label : nn->id) != 0;
    if (roles_missing(a, nn, on, &e->roles_added, &e->n_roles_added) != KG_OK ||
        roles_missing(a, on, nn, &e->roles_removed, &e->n_roles_removed) != KG_OK)
        return KG_ERR_NOMEM;
    bool roles = e->n_roles_added || e->n_roles_removed;
    e->state = e->type_changed || roles ? KG_DIFF_CHANGED : KG_DIFF_UNCHANGED;

    filter fo = {NULL, 0, false}, fn = {NULL, 0, false};
    if (!e->type_changed && roles) {
        fo = (filter){e->roles_removed, e->n_roles_removed, false};
        fn = (filter){e->roles_added, e->n_roles_added, false};
        /* a role only added: show where the old version named the entity */
        if (!e->n_roles_removed)
            fo = (filter){NULL, 0, true};
        if (!e->n_roles_added)
            fn = (filter){NULL, 0, true};
    } else if (!e->type_changed) {
        if (!e->label_changed)
            return KG_OK; /* nothing to show */
        fo = (filter){&on->label, 1, true};
        fn = (filter){&nn->label, 1, true};
    }
    if (node_evidence(a, o, e->old_node, &fo, &e->old_evidence) != KG_OK ||
        node_evidence(a, n, e->new_node, &fn, &e->new_evidence) != KG_OK)
        return KG_ERR_NOMEM;
    return KG_OK;
}

static kg_status build_entities(kg_diff *d, side *o, side *n)
{
    size_t cap = o->n + n->n;
    entity_order *order = malloc((cap + 1) * sizeof *order);
    if (!order)
        return KG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < o->n; i++) {
        kg_diff_entity e = {0};
        e.old_node = (long)i;
        e.new_node = o->nodes[i].match;
        order[k++] = (entity_order){NULL, o->nodes[i].node->id, e};
    }
    for (size_t j = 0; j < n->n; j++) {
        if (n->nodes[j].match >= 0)
            continue;
        kg_diff_entity e = {0};
        e.old_node = -1;
        e.new_node = (long)j;
        order[k++] = (entity_order){NULL, "", e};
    }
    for (size_t i = 0; i < k; i++)
        order[i].primary = primary_id(o, n, &order[i].e);
    qsort(order, k, sizeof *order, entity_order_cmp);
    d->entities = kg_arena_alloc(d->arena, (k + 1) * sizeof *d->entities);
    kg_status st = d->entities ? KG_OK : KG_ERR_NOMEM;
    for (size_t i = 0; i < k && st == KG_OK; i++) {
        d->entities[i] = order[i].e;
        if (order[i].e.old_node >= 0)
            o->nodes[order[i].e.old_node].entity = i;
        if (order[i].e.new_node >= 0)
            n->nodes[order[i].e.new_node].entity = i;
        st = entity_changes(d->arena, o, n, &d->entities[i]);
    }
    d->n_entities = k;
    free(order);
    return st;
}

/* ---------------------------------------------------------------- relations */

typedef struct edge_ref {
    size_t source, target; /* entity indices */
    const char *relation;
    bool negated;
    bool is_new;
    size_t edge;
} edge_ref;

static int edge_ref_cmp(const void *pa, const void *pb)
{
    const edge_ref *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    int c = ws_cmp(a->relation, b->relation);
    if (c)
        return c;
    if (a->negated != b->negated)
        return a->negated ? 1 : -1;
    return (int)a->is_new - (int)b->is_new;
}

static bool same_group(const edge_ref *a, const edge_ref *b)
{
    return a->source == b->source && a->target == b->target &&
           ws_cmp(a->relation, b->relation) == 0;
}

/* One relation entry: old_e and new_e paired, or one of them alone (the
 * other NULL); at is either of them, for the entities it joins. */
static kg_status add_relation(kg_diff *d, const edge_ref *at, const edge_ref *old_e,
                              const edge_ref *new_e)
{
    kg_diff_relation *r = &d->relations[d->n_relations++];
    memset(r, 0, sizeof *r);
    r->source = at->source;
    r->target = at->target;
    r->old_edge = old_e ? (long)old_e->edge : -1;
    r->new_edge = new_e ? (long)new_e->edge : -1;
    const kg_edge *oe = old_e ? kg_graph_edge(d->old_graph, old_e->edge) : NULL;
    const kg_edge *ne = new_e ? kg_graph_edge(d->new_graph, new_e->edge) : NULL;
    r->old_count = oe ? oe->count : 0;
    r->new_count = ne ? ne->count : 0;
    if (oe && ne) {
        r->negation_changed = oe->negated != ne->negated;
        r->modality_changed = oe->modal != ne->modal;
        r->attribution_changed = oe->attributed != ne->attributed;
        r->count_changed = oe->count != ne->count;
        bool changed = r->negation_changed || r->modality_changed || r->attribution_changed ||
                       r->count_changed;
        r->state = changed ? KG_DIFF_CHANGED : KG_DIFF_UNCHANGED;
    } else {
        r->state = oe ? KG_DIFF_REMOVED : KG_DIFF_ADDED;
    }
    if (edge_evidence(d->arena, d->old_graph, r->old_edge, &r->old_evidence) != KG_OK ||
        edge_evidence(d->arena, d->new_graph, r->new_edge, &r->new_evidence) != KG_OK)
        return KG_ERR_NOMEM;
    return KG_OK;
}

/* Pairs one group's edges: the same negation first, then what is left,
 * one to one, in the group's order.  A side has at most two edges in a
 * group (plain and negated) unless two relations differ only in white
 * space; any number works. */
static kg_status pair_group(kg_diff *d, const edge_ref *g, size_t n)
{
    bool *used = calloc(n ? n : 1, sizeof *used);
    if (!used)
        return KG_ERR_NOMEM;
    kg_status st = KG_OK;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if (g[i].is_new || used[i])
                continue;
            for (size_t j = 0; j < n; j++) {
                if (!g[j].is_new || used[j] || (pass == 0 && g[i].negated != g[j].negated))
                    continue;
                used[i] = used[j] = true;
                st = add_relation(d, &g[j], &g[i], &g[j]);
                break;
            }
        }
    for (size_t i = 0; i < n && st == KG_OK; i++)
        if (!used[i])
            st = g[i].is_new ? add_relation(d, &g[i], NULL, &g[i])
                             : add_relation(d, &g[i], &g[i], NULL);
    free(used);
    return st;
}

static int relation_cmp(const void *pa, const void *pb, const kg_diff *d)
{
    const kg_diff_relation *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    const kg_edge *ea = kg_diff_relation_edge(d, a), *eb = kg_diff_relation_edge(d, b);
    int c = ws_cmp(ea->relation, eb->relation);
    if (c)
        return c;
    if (ea->negated != eb->negated)
        return ea->negated ? 1 : -1;
    /* the same (source, relation, target, negation) on one side is one edge,
     * so two entries get here only as an old-only and a new-only one */
    return (a->old_edge >= 0) - (b->old_edge >= 0);
}

/* Insertion sort: relation_cmp needs the diff, which qsort cannot pass, and
 * the pairing above already leaves the list almost in order. */
static void sort_relations(kg_diff *d)
{
    for (size_t i = 1; i < d->n_relations; i++) {
        kg_diff_relation r = d->relations[i];
        size_t j = i;
        while (j > 0 && relation_cmp(&d->relations[j - 1], &r, d) > 0) {
            d->relations[j] = d->relations[j - 1];
            j--;
        }
        d->relations[j] = r;
    }
}

static kg_status build_relations(kg_diff *d, const side *o, const side *n)
{
    size_t eo = kg_graph_edge_count(o->g), en = kg_graph_edge_count(n->g);
    edge_ref *refs = malloc((eo + en + 1) * sizeof *refs);
    d->relations = kg_arena_alloc(d->arena, (eo + en + 1) * sizeof *d->relations);
    if (!refs || !d->relations) {
        free(refs);
        return KG_ERR_NOMEM;
    }
    size_t k = 0;
    const side *sides[2] = {o, n};
    for (int s = 0; s < 2; s++) {
        for (size_t j = 0; j < kg_graph_edge_count(sides[s]->g); j++) {
            const kg_edge *e = kg_graph_edge(sides[s]->g, j);
            refs[k++] = (edge_ref){sides[s]->nodes[e->source].entity,
                                   sides[s]->nodes[e->target].entity,
                                   e->relation,
                                   e->negated,
                                   s == 1,
                                   j};
        }
    }
    qsort(refs, k, sizeof *refs, edge_ref_cmp);
    kg_status st = KG_OK;
    for (size_t i = 0; i < k && st == KG_OK;) {
        size_t end = i + 1;
        while (end < k && same_group(&refs[i], &refs[end]))
            end++;
        st = pair_group(d, &refs[i], end - i);
        i = end;
    }
    free(refs);
    if (st == KG_OK)
        sort_relations(d);
    return st;
}

/* ---------------------------------------------------------------- public */

kg_status kg_diff_graphs(const kg_graph *old_graph, const kg_graph *new_graph,
                         const kg_diff_options *opts, kg_diff **out, kg_error *err)
{
    *out = NULL;
    if (!old_graph || !new_graph)
        return kg_error_set(err, KG_ERR_USAGE, "diff: two graphs are needed");
    kg_diff *d = calloc(1, sizeof *d);
    if (!d || !(d->arena = kg_arena_new())) {
        free(d);
        return nomem(err);
    }
    d->old_graph = old_graph;
    d->new_graph = new_graph;
    const char *on = opts && opts->old_name ? opts->old_name : "old";
    const char *nn = opts && opts->new_name ? opts->new_name : "new";
    d->old_name = kg_arena_strdup(d->arena, on);
    d->new_name = kg_arena_strdup(d->arena, nn);
    side o = {0}, n = {0};
    kg_status st = d->old_name && d->new_name ? KG_OK : KG_ERR_NOMEM;
    if (st == KG_OK)
        st = side_init(d->arena, &o, old_graph, opts ? opts->old_doc : NULL);
    if (st == KG_OK)
        st = side_init(d->arena, &n, new_graph, opts ? opts->new_doc : NULL);
    if (st == KG_OK) {
        match_ids(&o, &n);
        match_round(&o, &n, alias_fits, KG_DIFF_MATCH_ALIAS, false);
        match_round(&o, &n, name_fits, KG_DIFF_MATCH_NAME, true);
        st = o.doc ? pool_from_document(d->arena, &o) : pool_from_edges(d->arena, &o);
    }
    if (st == KG_OK)
        st = n.doc ? pool_from_document(d->arena, &n) : pool_from_edges(d->arena, &n);
    if (st == KG_OK)
        st = build_entities(d, &o, &n);
    if (st == KG_OK)
        st = build_relations(d, &o, &n);
    if (st != KG_OK) {
        kg_diff_free(d);
        return nomem(err);
    }
    *out = d;
    return KG_OK;
}

void kg_diff_free(kg_diff *d)
{
    if (!d)
        return;
    kg_arena_free(d->arena);
    free(d);
}

const kg_graph *kg_diff_old_graph(const kg_diff *d)
{
    return d->old_graph;
}

const kg_graph *kg_diff_new_graph(const kg_diff *d)
{
    return d->new_graph;
}

const char *kg_diff_old_name(const kg_diff *d)
{
    return d->old_name;
}

const char *kg_diff_new_name(const kg_diff *d)
{
    return d->new_name;
}

const kg_diff_entity *kg_diff_entities(const kg_diff *d, size_t *n)
{
    *n = d->n_entities;
    return d->entities;
}

const kg_diff_relation *kg_diff_relations(const kg_diff *d, size_t *n)
{
    *n = d->n_relations;
    return d->relations;
}

const kg_node *kg_diff_entity_node(const kg_diff *d, const kg_diff_entity *e)
{
    return e->new_node >= 0 ? kg_graph_node(d->new_graph, (size_t)e->new_node)
                            : kg_graph_node(d->old_graph, (size_t)e->old_node);
}

const kg_edge *kg_diff_relation_edge(const kg_diff *d, const kg_diff_relation *r)
{
    return r->new_edge >= 0 ? kg_graph_edge(d->new_graph, (size_t)r->new_edge)
                            : kg_graph_edge(d->old_graph, (size_t)r->old_edge);
}

void kg_diff_summarize(const kg_diff *d, kg_diff_summary *s)
{
    memset(s, 0, sizeof *s);
    s->old_entities = kg_graph_node_count(d->old_graph);
    s->new_entities = kg_graph_node_count(d->new_graph);
    s->old_relations = kg_graph_edge_count(d->old_graph);
    s->new_relations = kg_graph_edge_count(d->new_graph);
    for (size_t i = 0; i < d->n_entities; i++) {
        const kg_diff_entity *e = &d->entities[i];
        size_t *counts[] = {&s->entities_unchanged, &s->entities_added, &s->entities_removed,
                            &s->entities_changed};
        (*counts[e->state])++;
        s->entities_renamed += e->label_changed;
        s->entities_mentions_changed +=
            e->old_node >= 0 && e->new_node >= 0 && e->old_mentions != e->new_mentions;
    }
    for (size_t i = 0; i < d->n_relations; i++) {
        size_t *counts[] = {&s->relations_unchanged, &s->relations_added, &s->relations_removed,
                            &s->relations_changed};
        (*counts[d->relations[i].state])++;
    }
}

bool kg_diff_changed(const kg_diff *d)
{
    for (size_t i = 0; i < d->n_entities; i++)
        if (d->entities[i].state != KG_DIFF_UNCHANGED)
            return true;
    for (size_t i = 0; i < d->n_relations; i++)
        if (d->relations[i].state != KG_DIFF_UNCHANGED)
            return true;
    return false;
}
