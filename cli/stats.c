/* stats.c - `kg stats FILE.json`: what a graph looks like, in numbers.
 *
 * The graph is read back, put in canonical order and analyzed afresh
 * (kg_graph_analyze: degree, weighted degree, PageRank, betweenness,
 * components, Louvain communities), so the summary never trusts metrics a file
 * carries.  Rankings break ties by node id (or canonical edge order), so the
 * output depends only on the graph.  Actors are people and organizations. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

#define N_TYPES 4
#define DEFAULT_TOP 10
#define COMMUNITY_SAMPLE 5 /* members named per community in the text summary */

static const char stats_usage[] =
    "usage: kg stats FILE.json [--format text|json] [--top N] [--all-communities]\n"
    "               [-o FILE] [-q]\n"
    "  counts, components, communities, the top actors by PageRank and by degree,\n"
    "  the strongest relations (by count, then confidence), the actors with the most\n"
    "  claims and nodes per type.  FILE.json is any JSON style kg writes (node-link,\n"
    "  cytoscape, graphology, jgf; only node-link carries claims)\n"
    "  -f, --format F       text (default) or json, any case\n"
    "  -n, --top N          how many to list in each ranking and of the communities\n"
    "                       (largest first; default 10)\n"
    "  -a, --all-communities\n"
    "                       list single-node communities too (text; by default only\n"
    "                       their number is given)\n"
    "  -o, --output FILE    write to FILE, atomically ('-': standard output, the default)\n"
    "  -q, --quiet          print nothing but the summary and errors\n"
    "  text shows a control character in a name as \\xHH (\\x1b), a tab or newline\n"
    "  as a space\n";

void kg_cli_note_analysis_to(FILE *out, const kg_graph *g)
{
    size_t k = kg_graph_betweenness_sources(g);
    if (k)
        fprintf(out,
                "betweenness: estimated from %zu of %zu nodes as sources (exact up to %zu nodes)\n",
                k, kg_graph_node_count(g), KG_BETWEENNESS_EXACT_MAX_NODES);
    if (kg_graph_community_method(g) == KG_COMMUNITY_LEIDEN)
        fprintf(out, "communities: Leiden (%d iterations) on %zu nodes (Louvain up to %zu nodes)\n",
                KG_COMMUNITY_LEIDEN_ITERATIONS, kg_graph_node_count(g),
                KG_COMMUNITY_LOUVAIN_MAX_NODES);
}

void kg_cli_note_analysis(const kg_graph *g)
{
    kg_cli_note_analysis_to(stdout, g);
}

typedef struct ranked {
    size_t *items; /* node or edge indices, best first */
    size_t n;
} ranked;

/* qsort has no context argument, so each item carries the graph beside its
 * index (no global holds it). */
typedef struct keyed {
    const kg_graph *g;
    size_t index;
} keyed;

static bool is_actor(const kg_node *n)
{
    return n->type == KG_ENT_PERSON || n->type == KG_ENT_ORGANIZATION;
}

static int by_pagerank(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    const kg_node *p = kg_graph_node(a->g, a->index), *q = kg_graph_node(b->g, b->index);
    if (p->pagerank != q->pagerank)
        return p->pagerank > q->pagerank ? -1 : 1;
    return strcmp(p->id, q->id);
}

static int by_degree(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    const kg_node *p = kg_graph_node(a->g, a->index), *q = kg_graph_node(b->g, b->index);
    if (p->degree != q->degree)
        return p->degree > q->degree ? -1 : 1;
    if (p->weighted_degree != q->weighted_degree)
        return p->weighted_degree > q->weighted_degree ? -1 : 1;
    return strcmp(p->id, q->id);
}

static int by_strength(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    const kg_edge *p = kg_graph_edge(a->g, a->index), *q = kg_graph_edge(b->g, b->index);
    if (p->count != q->count)
        return p->count > q->count ? -1 : 1;
    if (p->confidence != q->confidence)
        return p->confidence > q->confidence ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* Node indices (edge indices if edges), only actors if actors_only, sorted
 * by cmp; items is NULL when out of memory. */
static ranked rank(const kg_graph *g, bool edges, bool actors_only,
                   int (*cmp)(const void *, const void *))
{
    ranked r = {NULL, 0};
    size_t total = edges ? kg_graph_edge_count(g) : kg_graph_node_count(g);
    keyed *k = malloc((total ? total : 1) * sizeof *k);
    r.items = malloc((total ? total : 1) * sizeof *r.items);
    if (!k || !r.items) {
        free(k);
        free(r.items);
        r.items = NULL;
        return r;
    }
    for (size_t i = 0; i < total; i++)
        if (edges || !actors_only || is_actor(kg_graph_node(g, i)))
            k[r.n++] = (keyed){g, i};
    qsort(k, r.n, sizeof *k, cmp);
    for (size_t i = 0; i < r.n; i++)
        r.items[i] = k[i].index;
    free(k);
    return r;
}

/* Group sizes of component or community ids (0..n-1 by construction). */
typedef struct groups {
    size_t *size;
    size_t n;
} groups;

static bool count_groups(const kg_graph *g, bool community, groups *out)
{
    size_t nn = kg_graph_node_count(g);
    out->n = 0;
    out->size = calloc(nn ? nn : 1, sizeof *out->size);
    if (!out->size)
        return false;
    for (size_t i = 0; i < nn; i++) {
        const kg_node *n = kg_graph_node(g, i);
        long id = community ? n->community : n->component;
        if (id < 0 || (size_t)id >= nn)
            continue;
        out->size[id]++;
        if ((size_t)id + 1 > out->n)
            out->n = (size_t)id + 1;
    }
    return true;
}

static size_t largest(const groups *gr)
{
    size_t m = 0;
    for (size_t i = 0; i < gr->n; i++)
        if (gr->size[i] > m)
            m = gr->size[i];
    return m;
}

/* A node with claims: how many, and the sentences behind them. */
typedef struct claimant {
    size_t node, claims, support;
} claimant;

static int claimant_cmp(const void *pa, const void *pb)
{
    const claimant *a = pa, *b = pb;
    if (a->claims != b->claims)
        return a->claims > b->claims ? -1 : 1;
    if (a->support != b->support)
        return a->support > b->support ? -1 : 1;
    return (a->node > b->node) - (a->node < b->node); /* nodes are in id order */
}

/* The nodes that have claims, by number of claims; false: no memory. */
static bool rank_claimants(const kg_graph *g, claimant **out, size_t *n)
{
    size_t nn = kg_graph_node_count(g);
    claimant *c = calloc(nn ? nn : 1, sizeof *c);
    if (!c)
        return false;
    for (size_t i = 0; i < nn; i++)
        c[i].node = i;
    for (size_t j = 0; j < kg_graph_claim_count(g); j++) {
        const kg_claim *cl = kg_graph_claim(g, j);
        if (cl->node < nn) {
            c[cl->node].claims++;
            c[cl->node].support += cl->count;
        }
    }
    qsort(c, nn, sizeof *c, claimant_cmp);
    size_t k = 0;
    while (k < nn && c[k].claims)
        k++;
    *out = c;
    *n = k;
    return true;
}

typedef struct summary {
    const char *file;
    const kg_graph *g;
    FILE *out;
    size_t top;
    bool all_communities; /* list single-node communities too */
    size_t types[N_TYPES];
    groups components, communities;
    ranked pagerank;            /* actors */
    ranked degree;              /* actors */
    ranked strength;            /* edges */
    size_t *by_size;            /* community ids, largest first (ties: lower id) */
    size_t *sample;             /* per community, its first COMMUNITY_SAMPLE nodes by PageRank */
    size_t *sampled;            /* per community, how many of sample are set */
    struct claimant *claimants; /* nodes with claims, most first */
    size_t n_claimants;
} summary;

static void summary_free(summary *s)
{
    free(s->components.size);
    free(s->communities.size);
    free(s->pagerank.items);
    free(s->degree.items);
    free(s->strength.items);
    free(s->by_size);
    free(s->sample);
    free(s->sampled);
    free(s->claimants);
}

/* qsort's context again: the sizes beside each community id. */
typedef struct sized {
    size_t id, size;
} sized;

static int by_size_cmp(const void *x, const void *y)
{
    const sized *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* Orders the communities and names each one's leading members, in one pass
 * over the nodes by PageRank (a pass per community would cost communities x
 * nodes on a large graph). */
static bool order_communities(summary *s)
{
    const groups *c = &s->communities;
    size_t n = c->n ? c->n : 1;
    sized *v = malloc(n * sizeof *v);
    s->by_size = malloc(n * sizeof *s->by_size);
    s->sample = malloc(n * COMMUNITY_SAMPLE * sizeof *s->sample);
    s->sampled = calloc(n, sizeof *s->sampled);
    ranked members = rank(s->g, false, false, by_pagerank);
    bool ok = v && s->by_size && s->sample && s->sampled && members.items;
    for (size_t i = 0; ok && i < c->n; i++)
        v[i] = (sized){i, c->size[i]};
    if (ok)
        qsort(v, c->n, sizeof *v, by_size_cmp);
    for (size_t i = 0; ok && i < c->n; i++)
        s->by_size[i] = v[i].id;
    for (size_t k = 0; ok && k < members.n; k++) {
        long id = kg_graph_node(s->g, members.items[k])->community;
        if (id >= 0 && (size_t)id < c->n && s->sampled[id] < COMMUNITY_SAMPLE)
            s->sample[(size_t)id * COMMUNITY_SAMPLE + s->sampled[id]++] = members.items[k];
    }
    free(v);
    free(members.items);
    return ok;
}

static bool summarize(summary *s)
{
    const kg_graph *g = s->g;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        kg_entity_type t = kg_graph_node(g, i)->type;
        if ((unsigned)t < N_TYPES)
            s->types[t]++;
    }
    s->pagerank = rank(g, false, true, by_pagerank);
    s->degree = rank(g, false, true, by_degree);
    s->strength = rank(g, true, false, by_strength);
    return rank_claimants(g, &s->claimants, &s->n_claimants) &&
           count_groups(g, false, &s->components) && count_groups(g, true, &s->communities) &&
           s->pagerank.items && s->degree.items && s->strength.items && order_communities(s);
}

static size_t shown(const ranked *r, size_t top)
{
    return r->n < top ? r->n : top;
}

/* The communities the lists show, largest first: --top of them, those of
 * one node only with --all-communities.  *hidden: how many of one node
 * were left out. */
static size_t listed_communities(const summary *s, size_t *hidden)
{
    size_t big = 0;
    while (big < s->communities.n && s->communities.size[s->by_size[big]] > 1)
        big++;
    size_t eligible = s->all_communities ? s->communities.n : big;
    *hidden = s->communities.n - eligible;
    return eligible < s->top ? eligible : s->top;
}

/* ---------------------------------------------------------------- text */

/* An empty list says so, rather than leaving a heading alone. */
static void print_none(FILE *out, size_t listed)
{
    if (listed == 0)
        fprintf(out, "   (none)\n");
}

/* Labels and relations come from articles (or a hand-written file): shown
 * with their control characters escaped, on one line. */
static void put(FILE *out, const char *s)
{
    kg_escape_write(out, s, KG_ESCAPE_LINE);
}

/* "1 node", "2 nodes" (nouns whose plural adds an s). */
static void count(FILE *out, size_t n, const char *one, const char *many)
{
    fprintf(out, "%zu %s", n, kg_cli_plural(n, one, many));
}

static void print_node(FILE *out, const kg_node *n)
{
    put(out, n->label);
    fprintf(out, " (%s)\n", kg_entity_type_name(n->type));
}

static void print_header(const summary *s)
{
    const kg_graph *g = s->g;
    FILE *out = s->out;
    put(out, s->file);
    fputs(": ", out);
    count(out, kg_graph_doc_count(g), "document", "documents");
    fputs(", ", out);
    count(out, kg_graph_node_count(g), "node", "nodes");
    fputs(", ", out);
    count(out, kg_graph_edge_count(g), "link", "links");
    fputs(", ", out);
    count(out, kg_graph_claim_count(g), "claim", "claims");
    fprintf(out, "\nnodes by type:");
    for (int t = 0; t < N_TYPES; t++)
        fprintf(out, "%s %zu %s", t ? "," : "", s->types[t],
                kg_entity_type_name((kg_entity_type)t));
    fprintf(out, "\ncomponents: %zu (largest: ", s->components.n);
    count(out, largest(&s->components), "node", "nodes");
    fprintf(out, ")\ncommunities: %zu (largest: ", s->communities.n);
    count(out, largest(&s->communities), "node", "nodes");
    fputs(")\n", out);
    kg_cli_note_analysis_to(out, g);
}

static void print_rankings(const summary *s)
{
    const kg_graph *g = s->g;
    FILE *out = s->out;
    fprintf(out, "\ntop actors by PageRank:\n");
    for (size_t k = 0; k < shown(&s->pagerank, s->top); k++) {
        const kg_node *n = kg_graph_node(g, s->pagerank.items[k]);
        fprintf(out, "%4zu. %.4f  ", k + 1, n->pagerank);
        print_node(out, n);
    }
    print_none(out, shown(&s->pagerank, s->top));
    fprintf(out, "\ntop actors by degree:\n");
    for (size_t k = 0; k < shown(&s->degree, s->top); k++) {
        const kg_node *n = kg_graph_node(g, s->degree.items[k]);
        fprintf(out, "%4zu. %3.0f (weighted %.0f)  ", k + 1, n->degree, n->weighted_degree);
        print_node(out, n);
    }
    print_none(out, shown(&s->degree, s->top));
    fprintf(out, "\nstrongest relations (count, confidence):\n");
    for (size_t k = 0; k < shown(&s->strength, s->top); k++) {
        const kg_edge *e = kg_graph_edge(g, s->strength.items[k]);
        fprintf(out, "%4zu. %3zu  %.2f  ", k + 1, e->count, e->confidence);
        put(out, kg_graph_node(g, e->source)->label);
        fprintf(out, " -[%s", e->negated ? "not " : "");
        put(out, e->relation);
        fprintf(out, "]-> ");
        put(out, kg_graph_node(g, e->target)->label);
        fputc('\n', out);
    }
    print_none(out, shown(&s->strength, s->top));
    fprintf(out, "\nmost claims (claims, supporting sentences):\n");
    for (size_t k = 0; k < s->n_claimants && k < s->top; k++) {
        const claimant *c = &s->claimants[k];
        fprintf(out, "%4zu. %3zu  %3zu  ", k + 1, c->claims, c->support);
        print_node(out, kg_graph_node(g, c->node));
    }
    print_none(out, s->n_claimants < s->top ? s->n_claimants : s->top);
}

static void print_communities(const summary *s)
{
    FILE *out = s->out;
    size_t hidden = 0, listed = listed_communities(s, &hidden);
    fprintf(out, "\ncommunities (largest first, members by PageRank):\n");
    for (size_t k = 0; k < listed; k++) {
        size_t c = s->by_size[k], size = s->communities.size[c];
        fprintf(out, "%4zu. ", k + 1);
        count(out, size, "node", "nodes");
        fprintf(out, " (community %zu):", c);
        for (size_t m = 0; m < s->sampled[c]; m++) {
            fputs(m ? ", " : " ", out);
            put(out, kg_graph_node(s->g, s->sample[c * COMMUNITY_SAMPLE + m])->label);
        }
        fprintf(out, "%s\n", size > s->sampled[c] ? ", ..." : "");
    }
    print_none(out, listed);
    size_t more = s->communities.n - hidden - listed;
    if (more)
        fprintf(out, "   ... and %zu more (--top)\n", more);
    if (hidden)
        fprintf(out, "   (%zu single-node %s not listed: --all-communities)\n", hidden,
                kg_cli_plural(hidden, "community", "communities"));
}

static void print_text(const summary *s)
{
    print_header(s);
    print_rankings(s);
    print_communities(s);
}

/* ---------------------------------------------------------------- json */

/* json_object_set_new and json_array_append_new release the value when
 * they fail, so a chain of them leaks nothing; one flag collects failures. */
static void set(json_t *o, const char *key, json_t *v, bool *ok)
{
    if (!v || json_object_set_new(o, key, v) != 0)
        *ok = false;
}

static void append(json_t *a, json_t *v, bool *ok)
{
    if (!v || json_array_append_new(a, v) != 0)
        *ok = false;
}

static json_t *node_ref(const kg_node *n, bool *ok)
{
    json_t *o = json_object();
    set(o, "id", json_string(n->id), ok);
    set(o, "label", json_string(n->label), ok);
    set(o, "type", json_string(kg_entity_type_name(n->type)), ok);
    return o;
}

static json_t *node_metrics(const kg_node *n, bool *ok)
{
    json_t *o = node_ref(n, ok);
    set(o, "degree", json_integer((json_int_t)n->degree), ok);
    set(o, "weighted_degree", json_integer((json_int_t)n->weighted_degree), ok);
    set(o, "pagerank", json_real(n->pagerank), ok);
    set(o, "betweenness", json_real(n->betweenness), ok);
    set(o, "component", json_integer(n->component), ok);
    set(o, "community", json_integer(n->community), ok);
    return o;
}

static json_t *group_json(const groups *gr, bool *ok)
{
    json_t *o = json_object(), *sizes = json_array();
    set(o, "count", json_integer((json_int_t)gr->n), ok);
    set(o, "largest", json_integer((json_int_t)largest(gr)), ok);
    for (size_t i = 0; i < gr->n; i++)
        append(sizes, json_integer((json_int_t)gr->size[i]), ok);
    set(o, "sizes", sizes, ok);
    return o;
}

static json_t *ranking(const summary *s, const ranked *r, bool *ok)
{
    json_t *a = json_array();
    for (size_t k = 0; k < shown(r, s->top); k++)
        append(a, node_metrics(kg_graph_node(s->g, r->items[k]), ok), ok);
    return a;
}

/* The communities the text lists: {"community", "size", "members" (ids of
 * the leading members by PageRank)}. */
static json_t *communities_json(const summary *s, bool *ok)
{
    json_t *a = json_array();
    size_t hidden = 0, listed = listed_communities(s, &hidden);
    for (size_t k = 0; k < listed; k++) {
        size_t c = s->by_size[k];
        json_t *o = json_object(), *m = json_array();
        set(o, "community", json_integer((json_int_t)c), ok);
        set(o, "size", json_integer((json_int_t)s->communities.size[c]), ok);
        for (size_t i = 0; i < s->sampled[c]; i++)
            append(m, json_string(kg_graph_node(s->g, s->sample[c * COMMUNITY_SAMPLE + i])->id),
                   ok);
        set(o, "members", m, ok);
        append(a, o, ok);
    }
    return a;
}

static json_t *summary_json(const summary *s, bool *ok)
{
    const kg_graph *g = s->g;
    json_t *root = json_object(), *types = json_object(), *rels = json_array(),
           *nodes = json_array();
    set(root, "file", json_string(s->file), ok);
    set(root, "documents", json_integer((json_int_t)kg_graph_doc_count(g)), ok);
    set(root, "nodes", json_integer((json_int_t)kg_graph_node_count(g)), ok);
    set(root, "links", json_integer((json_int_t)kg_graph_edge_count(g)), ok);
    set(root, "claims", json_integer((json_int_t)kg_graph_claim_count(g)), ok);
    for (int t = 0; t < N_TYPES; t++)
        set(types, kg_entity_type_name((kg_entity_type)t), json_integer((json_int_t)s->types[t]),
            ok);
    set(root, "types", types, ok);
    set(root, "components", group_json(&s->components, ok), ok);
    /* 0: exact; else the sources the estimate used */
    set(root, "betweenness_sources", json_integer((json_int_t)kg_graph_betweenness_sources(g)), ok);
    set(root, "community_method",
        json_string(kg_community_method_name(kg_graph_community_method(g))), ok);
    set(root, "communities", group_json(&s->communities, ok), ok);
    set(root, "top_communities", communities_json(s, ok), ok);
    set(root, "top_pagerank", ranking(s, &s->pagerank, ok), ok);
    set(root, "top_degree", ranking(s, &s->degree, ok), ok);
    for (size_t k = 0; k < shown(&s->strength, s->top); k++) {
        const kg_edge *e = kg_graph_edge(g, s->strength.items[k]);
        json_t *o = json_object();
        set(o, "source", json_string(kg_graph_node(g, e->source)->id), ok);
        set(o, "target", json_string(kg_graph_node(g, e->target)->id), ok);
        set(o, "relation", json_string(e->relation), ok);
        set(o, "negated", json_boolean(e->negated), ok);
        set(o, "count", json_integer((json_int_t)e->count), ok);
        set(o, "confidence", json_real(e->confidence), ok);
        append(rels, o, ok);
    }
    set(root, "strongest_relations", rels, ok);
    json_t *claimants = json_array();
    for (size_t k = 0; k < s->n_claimants && k < s->top; k++) {
        json_t *o = json_object();
        set(o, "id", json_string(kg_graph_node(g, s->claimants[k].node)->id), ok);
        set(o, "claims", json_integer((json_int_t)s->claimants[k].claims), ok);
        set(o, "support", json_integer((json_int_t)s->claimants[k].support), ok);
        append(claimants, o, ok);
    }
    set(root, "most_claims", claimants, ok);
    for (size_t i = 0; i < kg_graph_node_count(g); i++)
        append(nodes, node_metrics(kg_graph_node(g, i), ok), ok);
    set(root, "node_metrics", nodes, ok);
    return root;
}

static int print_json(const summary *s)
{
    bool ok = true;
    json_t *root = summary_json(s, &ok);
    int rc = KG_EXIT_OK;
    char *text = ok && root ? json_dumps(root, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) : NULL;
    if (!text)
        rc = kg_cli_die("out of memory (or a string that is not UTF-8)");
    else if (kg_escape_write(s->out, text, KG_ESCAPE_JSON) == EOF || fputc('\n', s->out) == EOF)
        rc = kg_cli_die("cannot write the summary");
    free(text);
    json_decref(root);
    return rc;
}

/* ---------------------------------------------------------------- command */

enum { OPT_ALL_COMMUNITIES = 256 };

typedef struct stats_opts {
    const char *file, *output;
    bool json, quiet, all_communities;
    size_t top;
} stats_opts;

/* Returns -1 to go on, else the exit status. */
static int parse_stats_options(int argc, char **argv, stats_opts *o)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"top", required_argument, NULL, 'n'},
                                             {"all-communities", no_argument, NULL, 'a'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *format = "text";
    memset(o, 0, sizeof *o);
    o->top = DEFAULT_TOP;
    opterr = 0; /* kg_cli_getopt_error says it in one line */
    int c;
    while ((c = getopt_long(argc, argv, ":f:n:ao:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            break;
        case 'n': {
            unsigned long long v = 0;
            if (!kg_cli_number(optarg, 0, SIZE_MAX, &v))
                return kg_cli_usage_error("stats: --top wants a number, not '%s'", optarg);
            o->top = (size_t)v;
            break;
        }
        case 'a':
            o->all_communities = true;
            break;
        case 'o':
            o->output = optarg;
            if (!*optarg || optarg[strlen(optarg) - 1] == '/')
                return kg_cli_usage_error("stats: -o '%s' names no file", optarg);
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            fputs(stats_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error("stats", c, argv, longopts);
        }
    }
    o->json = !strcasecmp(format, "json");
    if (!o->json && strcasecmp(format, "text"))
        return kg_cli_usage_error("stats: unknown format '%s' (text, json)", format);
    if (argc - optind != 1)
        return kg_cli_usage_error("%s", "stats: give exactly one FILE.json");
    o->file = argv[optind];
    if (o->output && kg_cli_check_not_input(o->output, &o->file, 1) != KG_EXIT_OK)
        return KG_EXIT_TROUBLE;
    return -1;
}

int kg_cmd_stats(int argc, char **argv)
{
    stats_opts o;
    int rc = parse_stats_options(argc, argv, &o);
    if (rc >= 0)
        return rc;
    kg_error err = {0};
    kg_graph *g = NULL;
    if (kg_graph_load_json(o.file, &g, &err) != KG_OK)
        return kg_cli_die(err.message);
    rc = KG_EXIT_OK;
    if (kg_graph_sort(g, &err) != KG_OK || kg_graph_analyze(g, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    summary s;
    memset(&s, 0, sizeof s);
    s.file = o.file;
    s.g = g;
    s.top = o.top;
    s.all_communities = o.all_communities;
    if (rc == KG_EXIT_OK && !summarize(&s))
        rc = kg_cli_die("out of memory");
    kg_cli_sink sink = {0};
    if (rc == KG_EXIT_OK)
        rc = kg_cli_sink_open(&sink, o.output);
    s.out = sink.f;
    if (rc == KG_EXIT_OK) {
        if (o.json)
            rc = print_json(&s);
        else
            print_text(&s);
    }
    rc = kg_cli_sink_close(&sink, rc);
    summary_free(&s);
    kg_graph_free(g);
    return rc;
}
