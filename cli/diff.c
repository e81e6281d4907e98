/* diff.c - `kg diff OLD NEW`: what changed in meaning between two versions of
 * an article.
 *
 * Each side is an article, or a graph JSON written by kg (a text that starts
 * with '{' and is JSON; '{Breaking} ...' is an article).  Both are read, no
 * further than the size limit, and compared before anything is written, and
 * -o may not name either of them; the exit status is diff(1)'s: 0 no change in meaning, 1
 * changes, 2 trouble. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "kg/diff.h"
#include "kg/diff_export.h"

#define KG_EXIT_DIFFERENT 1

static const char diff_usage[] =
    "usage: kg diff OLD NEW [-q] [-f FORMAT] [-o FILE] [--cache DIR] [--color WHEN]\n"
    "Compares two versions of an article, or two graph JSON files written by kg, and\n"
    "reports what changed in meaning: entities, relations and claims added or removed,\n"
    "verbs reversed (rejected -> accepted), values changed (5% -> 7%, Monday ->\n"
    "Tuesday), another verb between the same actors, a person replaced by another,\n"
    "negation, modality and roles, with the sentences behind each change; sentences\n"
    "reworded without a change in meaning are notes.\n"
    "  -q, --brief          say only whether the meaning changed\n"
    "  -f, --format FORMAT  text (default), json, html (the two versions side by side),\n"
    "                       dot or svg (the union graph, coloured); any case\n"
    "  -o, --output FILE    write to FILE, atomically, instead of standard output\n"
    "                       (never over OLD or NEW; '-': standard output)\n"
    "  -c, --cache DIR      keep sentence parses in DIR and reuse them: a new version\n"
    "                       costs only the sentences that changed\n"
    "      --color WHEN     auto (a terminal, NO_COLOR unset), always or never\n"
    "OLD or NEW is read as graph JSON when it starts with '{' and is JSON, else as an\n"
    "article; an error says which reading was taken.\n"
    "text shows a control character from an article as \\xHH (\\x1b), a tab or newline\n"
    "in a sentence as a space.\n"
    "exit status: 0 no change in meaning, 1 changes, 2 trouble\n";

typedef struct diff_opts {
    const char *paths[2];
    kg_diff_format format;
    const char *output;
    const char *cache_dir;
    int color; /* -1 auto, 0 never, 1 always */
    bool brief;
} diff_opts;

enum { OPT_COLOR = 256 };

/* kg_cli_usage_error, with its status visible here (and to the analyzers). */
static int usage(const char *fmt, const char *arg)
{
    kg_cli_usage_error(fmt, arg);
    return KG_EXIT_TROUBLE;
}

/* Returns -1 to go on, else the exit status. */
static int parse_diff_options(int argc, char **argv, diff_opts *o)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"cache", required_argument, NULL, 'c'},
                                             {"color", required_argument, NULL, OPT_COLOR},
                                             {"brief", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->format = KG_DIFF_FMT_TEXT;
    o->color = -1;
    int c;
    char name[16];
    opterr = 0; /* kg_cli_getopt_error says it in one line */
    while ((c = getopt_long(argc, argv, ":f:o:c:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'q':
            o->brief = true;
            break;
        case 'f':
            if (!kg_cli_lower(optarg, name, sizeof name) || !kg_diff_format_parse(name, &o->format))
                return usage("diff: unknown format '%s' (text, json, html, dot, svg)", optarg);
            break;
        case 'o':
            o->output = kg_cli_is_stdout(optarg) ? NULL : optarg;
            if (!*optarg || optarg[strlen(optarg) - 1] == '/')
                return usage("diff: -o '%s' names no file", optarg);
            break;
        case 'c':
            o->cache_dir = optarg;
            break;
        case OPT_COLOR:
            if (!strcasecmp(optarg, "auto"))
                o->color = -1;
            else if (!strcasecmp(optarg, "always"))
                o->color = 1;
            else if (!strcasecmp(optarg, "never"))
                o->color = 0;
            else
                return usage("diff: --color takes auto, always or never, not '%s'", optarg);
            break;
        case 'h':
            fputs(diff_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error("diff", c, argv, longopts);
        }
    }
    if (argc - optind != 2)
        return usage("%s", "diff: give two files, OLD and NEW");
    o->paths[0] = argv[optind];
    o->paths[1] = argv[optind + 1];
    if (!strcmp(o->paths[0], "-") && !strcmp(o->paths[1], "-"))
        return usage("%s", "diff: only one side can be standard input");
    return -1;
}

/* ------------------------------------------------------------ inputs */

/* Each side is read whole (never more than its limit) and then told apart by
 * its content: text that starts with '{' and parses as JSON is a graph; any
 * other text, '{Breaking} ...' included, is an article.  Errors say which
 * reading was taken. */
typedef struct input {
    const char *path;
    char *data;
    size_t len;
    bool json;
    kg_document *doc; /* articles only */
    kg_graph *graph;
} input;

static bool starts_with_brace(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) /* a UTF-8 byte order mark */
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i < n && s[i] == '{';
}

/* "kg: MESSAGE (read as WHAT)". */
static int die_as(const char *msg, const char *what)
{
    char line[sizeof((kg_error *)0)->message + 64];
    snprintf(line, sizeof line, "%s (read as %s)", msg, what);
    return kg_cli_die(line);
}

/* Reads in->path under the article limit, or, when the text may be a graph,
 * under the graph JSON limit. */
static int read_input(input *in, size_t article_max)
{
    kg_error err = {0};
    FILE *f = NULL;
    if (kg_file_open(in->path, &f, &err) != KG_OK)
        return kg_cli_die(err.message);
    kg_status st = kg_file_read(f, in->path, article_max, &in->data, &in->len, &err);
    in->json = starts_with_brace(in->data, in->len);
    if (st == KG_ERR_INPUT && in->json && article_max < KG_GRAPH_JSON_MAX_BYTES)
        st = kg_file_read(f, in->path, KG_GRAPH_JSON_MAX_BYTES, &in->data, &in->len, &err);
    if (f != stdin)
        fclose(f);
    if (st != KG_OK)
        return kg_cli_die(err.message);
    return -1;
}

/* Loads a side that looks like JSON as a graph; one that is not JSON at all
 * becomes an article (in->json false). */
static int load_graph(input *in)
{
    kg_error err = {0};
    if (kg_graph_load_json_buffer(in->path, in->data, in->len, &in->graph, &err) == KG_OK)
        return -1;
    size_t bom = in->len >= 3 && !memcmp(in->data, "\xEF\xBB\xBF", 3) ? 3 : 0;
    json_error_t je;
    json_t *any = json_loadb(in->data + bom, in->len - bom, JSON_DECODE_ANY, &je);
    if (!any) {
        in->json = false;
        return -1;
    }
    json_decref(any);
    return die_as(err.message, "graph JSON");
}

/* The extraction of an article, with no output, so that the two sides can
 * run on two threads.  Its graph is built afterwards, on the main thread:
 * igraph's error-cleanup stack is one per process. */
typedef struct side_job {
    input *in;
    const kg_resources *r;
    const kg_extract_options *eo;
    kg_error err;
    kg_status st;
} side_job;

static void *extract_side(void *arg)
{
    side_job *j = arg;
    input *in = j->in;
    j->st = kg_extract_buffer(j->r, j->eo, in->path, in->data, in->len, &in->doc, &j->err);
    return NULL;
}

/* Reports a side's extraction (its error, or its invalid-byte warning) and
 * builds its graph. */
static int side_result(side_job *j, bool looked_like_json)
{
    input *in = j->in;
    if (j->st != KG_OK)
        return looked_like_json ? die_as(j->err.message, "an article: it is not JSON")
                                : kg_cli_die(j->err.message);
    kg_cli_warn_invalid(in->doc);
    kg_error err = {0};
    if (!(in->graph = kg_graph_new()))
        return kg_cli_die("out of memory");
    if (kg_graph_add_document(in->graph, in->doc, &err) != KG_OK)
        return kg_cli_die(err.message);
    return -1;
}

/* Both articles are read at once when both are articles: a warm diff's
 * time is then one article's extraction, not two. */
static int load_articles(input in[2], const kg_resources *r, const kg_extract_options *eo,
                         const bool looked_like_json[2])
{
    side_job jobs[2] = {{&in[0], r, eo, {0}, KG_OK}, {&in[1], r, eo, {0}, KG_OK}};
    pthread_t th;
    bool both = !in[0].json && !in[1].json;
    bool threaded = both && pthread_create(&th, NULL, extract_side, &jobs[1]) == 0;
    if (!in[0].json)
        extract_side(&jobs[0]);
    if (threaded)
        pthread_join(th, NULL);
    else if (!in[1].json)
        extract_side(&jobs[1]);
    int rc = -1;
    for (int s = 0; s < 2 && rc < 0; s++)
        if (!in[s].json)
            rc = side_result(&jobs[s], looked_like_json[s]);
    return rc;
}

static void free_input(input *in)
{
    kg_graph_free(in->graph);
    kg_document_free(in->doc);
    free(in->data);
}

/* ------------------------------------------------------------ output */

static bool use_color(const diff_opts *o)
{
    if (o->color >= 0)
        return o->color == 1;
    const char *no = getenv("NO_COLOR");
    return !o->output && !(no && *no) && isatty(STDOUT_FILENO);
}

static int write_diff(const kg_diff *d, const diff_opts *o)
{
    kg_diff_export_options xo = {use_color(o), 0};
    kg_error err = {0};
    kg_status st = o->output ? kg_diff_export_file(d, o->format, &xo, o->output, &err)
                             : kg_diff_export_write(d, o->format, &xo, stdout, &err);
    if (st != KG_OK)
        return kg_cli_die(o->output ? err.message : "cannot write to standard output");
    return -1;
}

/* -q: one line, as diff -q says whether files differ. */
static int write_brief(const kg_diff *d, const diff_opts *o)
{
    if (!kg_diff_changed(d))
        return -1;
    fputs("kg: ", stdout);
    kg_escape_write(stdout, o->paths[0], KG_ESCAPE_LINE);
    fputs(" and ", stdout);
    kg_escape_write(stdout, o->paths[1], KG_ESCAPE_LINE);
    if (puts(" differ in meaning") == EOF || fflush(stdout) == EOF)
        return kg_cli_die("cannot write to standard output");
    return -1;
}

/* ------------------------------------------------------------ command */

static int open_cache(const diff_opts *o, kg_extract_options *eo, kg_parse_cache **cache)
{
    (void)eo;
    if (!o->cache_dir)
        return -1;
    kg_error err = {0};
    if (kg_parse_cache_open(o->cache_dir, cache, &err) != KG_OK)
        return kg_cli_die(err.message);
    /* parses that cannot be kept make every later run as slow as this one:
     * said once, not once per sentence */
    if (access(o->cache_dir, W_OK | X_OK) != 0) {
        char msg[sizeof err.message];
        snprintf(msg, sizeof msg, "%s: warning: cannot write to the cache: %s; parses are not kept",
                 o->cache_dir, strerror(errno));
        fprintf(stderr, "kg: ");
        kg_escape_write(stderr, msg, KG_ESCAPE_LINE);
        fputc('\n', stderr);
    }
    eo->cache = *cache;
    return -1;
}

int kg_cmd_diff(int argc, char **argv)
{
    diff_opts o;
    int rc = parse_diff_options(argc, argv, &o);
    if (rc >= 0)
        return rc;
    input in[2] = {{o.paths[0], NULL, 0, false, NULL, NULL},
                   {o.paths[1], NULL, 0, false, NULL, NULL}};
    kg_resources *r = NULL;
    kg_parse_cache *cache = NULL;
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    eo.graph_only = true; /* the graph keeps only triples with an entity */
    if (o.output)
        rc = kg_cli_check_not_input(o.output, o.paths, 2) == KG_EXIT_OK ? -1 : KG_EXIT_TROUBLE;
    bool looked_like_json[2] = {false, false};
    for (int s = 0; s < 2 && rc < 0; s++) {
        rc = read_input(&in[s], eo.max_bytes);
        looked_like_json[s] = in[s].json;
        if (rc < 0 && in[s].json)
            rc = load_graph(&in[s]);
    }
    if (rc < 0 && (!in[0].json || !in[1].json)) {
        kg_error err = {0};
        r = kg_cli_load_resources(true, &err);
        rc = r ? open_cache(&o, &eo, &cache) : kg_cli_die(err.message);
    }
    if (rc < 0)
        rc = load_articles(in, r, &eo, looked_like_json);
    for (int s = 0; s < 2 && rc < 0; s++) {
        kg_error err = {0};
        if (kg_graph_sort(in[s].graph, &err) != KG_OK)
            rc = kg_cli_die(err.message);
    }

    kg_diff *d = NULL;
    if (rc < 0) {
        kg_error err = {0};
        kg_diff_options dopts = {o.paths[0], o.paths[1], in[0].doc, in[1].doc, NULL};
        if (kg_diff_graphs(in[0].graph, in[1].graph, &dopts, &d, &err) != KG_OK)
            rc = kg_cli_die(err.message);
    }
    if (rc < 0 && o.brief)
        rc = write_brief(d, &o);
    else if (rc < 0)
        rc = write_diff(d, &o);
    if (rc < 0)
        rc = kg_diff_changed(d) ? KG_EXIT_DIFFERENT : KG_EXIT_OK;
    kg_diff_free(d);
    for (int s = 0; s < 2; s++)
        free_input(&in[s]);
    kg_parse_cache_close(cache);
    kg_resources_free(r);
    return rc;
}
