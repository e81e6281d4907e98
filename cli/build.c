/* build.c - `kg build`: articles to a graph, on every core.
 *
 * The command parses its options, names its inputs and outputs, and hands
 * the documents to kg_corpus_build (kg/corpus.h), which extracts them on N
 * worker threads and merges them in input order, so every output byte is
 * the same for any N.  What stays here is where the documents come from and
 * what is said about them: the source reads files (one article each) or,
 * with --jsonl, JSON Lines records, one line at a time for whichever worker
 * asks next; the report prints bad documents, warnings and the progress
 * line; then the graph is joined, analysed and written.
 *
 * Without --keep-going the first bad document (in input order) ends the run
 * before anything is written, so a bad input costs no output file and leaves
 * earlier outputs as they were; with it, a bad document is reported in one
 * line and skipped.  A document whose id an earlier input has is bad too:
 * kg_graph_add_document refuses it, naming both inputs, before it changes
 * the graph. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diagram_options.h"

#define MAX_JOBS 256
/* A JSON string escapes a byte in at most 6 ("\u00e9"), so a record holding a
 * document of max_bytes is at most 6 * max_bytes plus its other fields. */
#define JSONL_SLACK 65536
/* "some documents failed and were skipped; the graph holds the others" */
#define BUILD_EXIT_SKIPPED 1

static const char build_usage[] =
    "usage: kg build [OPTIONS] FILE...\n"
    "       kg build --jsonl [OPTIONS] [FILE...]\n"
    "  -o, --output PREFIX     write PREFIX.json, ... (default: the first file's name);\n"
    "                          with one format, -o g.json writes g.json; '-' writes\n"
    "                          the one format to standard output, and nothing else\n"
    "  -f, --format LIST       comma-separated, any case (default: json): json, dot, svg,\n"
    "                          png, graphml, gexf, html, csv (PREFIX.nodes.csv and\n"
    "                          PREFIX.edges.csv)\n"
    "      --json-style STYLE  JSON as node-link (default), cytoscape, graphology or jgf\n"
    "  -j, --jobs N            extract on N threads (default: every online core); the\n"
    "                          output is the same for every N\n"
    "      --jsonl             each FILE (default: standard input) holds one document a\n"
    "                          line: {\"id\": ..., \"date\": \"YYYY-MM-DD\", \"text\": ...};\n"
    "                          id and date are optional; implies --keep-going\n"
    "  -k, --keep-going        report a bad document in one line, skip it, build the rest\n"
    "      --no-keep-going     stop at the first bad document, writing nothing\n"
    "      --max-bytes N       refuse documents larger than N bytes (default: 64 MiB)\n"
    "      --max-parse-words N longer sentences are not parsed and give no relation\n"
    "                          (default: 200)\n"
    "      --stats             print counts, per-stage CPU seconds and peak memory on\n"
    "                          standard error, as 'stat NAME VALUE' lines\n"
    "  -q, --quiet             print nothing but errors (no summary, no progress line)\n"
    /* --keep-isolated, --min-count, ... (diagram_options.h) */
    KG_CLI_DIAGRAM_USAGE /* then the notes */
    "A progress line goes to standard error when it is a terminal.\n"
    "A bad document (unreadable, empty, a bad record, an empty id, or the id of an\n"
    "earlier input: a.txt and a.md are both \"a\") is reported as 'kg: FILE[:LINE]: why'.\n"
    "exit status: 0 all documents built; 1 some documents failed and were skipped\n"
    "(--keep-going), the outputs hold the others; 2 trouble, nothing written.\n";

/* ------------------------------------------------------------ options */

typedef struct build_opts {
    const char *prefix;
    kg_format formats[KG_CLI_MAX_FORMATS];
    size_t n_formats;
    long jobs;
    bool jsonl, keep_going, stats, quiet;
    kg_extract_options eo;
    kg_export_options xo;
    kg_cli_diagram diagram; /* which diagram options were given */
    char **files;
    size_t n_files;
    char **ids; /* file mode: the id of each file whose name another shares, else NULL */
} build_opts;

/* A positive decimal number no larger than max, or 0 if arg is not one. */
static unsigned long long parse_count(const char *arg, unsigned long long max)
{
    unsigned long long v = 0;
    return kg_cli_number(arg, 1, max, &v) ? v : 0;
}

enum { OPT_JSONL = 256, OPT_NO_KEEP, OPT_MAX_BYTES, OPT_MAX_WORDS, OPT_STATS, OPT_JSON_STYLE };

static int parse_build_options(int argc, char **argv, build_opts *o, bool *help)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"jsonl", no_argument, NULL, OPT_JSONL},
        {"keep-going", no_argument, NULL, 'k'},
        {"no-keep-going", no_argument, NULL, OPT_NO_KEEP},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"max-parse-words", required_argument, NULL, OPT_MAX_WORDS},
        {"stats", no_argument, NULL, OPT_STATS},
        {"json-style", required_argument, NULL, OPT_JSON_STYLE},
        KG_CLI_DIAGRAM_LONGOPTS,
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *format = "json";
    int keep = -1; /* -1: the default for the input kind */
    unsigned long long v;
    kg_extract_options_init(&o->eo);
    kg_export_options_init(&o->xo);
    /* The graph keeps only triples with an entity (edges and claims), and a
     * triple's entities are mentions of its own sentence: on the 2,127 BBC
     * articles of make bench this parses 28,306 sentences of 42,039. */
    o->eo.graph_only = true;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = cores < 1 ? 1 : cores > MAX_JOBS ? MAX_JOBS : cores;
    int c;
    opterr = 0; /* kg_cli_getopt_error says it in one line */
    while ((c = getopt_long(argc, argv, ":o:f:j:kqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->prefix = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'j':
            if (!(v = parse_count(optarg, MAX_JOBS)))
                return kg_cli_usage_error("build: -j wants a number of threads from 1 to 256, "
                                          "not '%s'",
                                          optarg);
            o->jobs = (long)v;
            break;
        case OPT_JSON_STYLE:
            if (kg_cli_json_style("build", optarg, &o->xo.json_style) != KG_EXIT_OK)
                return KG_EXIT_TROUBLE;
            break;
        case KG_CLI_OPT_KEEP_ISOLATED:
        case KG_CLI_OPT_MIN_COUNT:
        case KG_CLI_OPT_TYPES:
        case KG_CLI_OPT_FOCUS:
        case KG_CLI_OPT_DEPTH:
        case KG_CLI_OPT_LAYOUT:
            if (kg_cli_diagram_option("build", c, optarg, &o->xo, &o->diagram) != KG_EXIT_OK)
                return KG_EXIT_TROUBLE;
            break;
        case OPT_JSONL:
            o->jsonl = true;
            break;
        case 'k':
            keep = 1;
            break;
        case OPT_NO_KEEP:
            keep = 0;
            break;
        case OPT_MAX_BYTES:
            if (!(v = parse_count(optarg, SIZE_MAX / 8)))
                return kg_cli_usage_error("build: --max-bytes wants a positive number, not '%s'",
                                          optarg);
            o->eo.max_bytes = (size_t)v;
            break;
        case OPT_MAX_WORDS:
            if (!(v = parse_count(optarg, 100000)))
                return kg_cli_usage_error(
                    "build: --max-parse-words wants a positive number, not '%s'", optarg);
            o->eo.max_parse_words = (size_t)v;
            break;
        case OPT_STATS:
            o->stats = true;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            *help = true;
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error("build", c, argv, longopts);
        }
    }
    o->keep_going = keep < 0 ? o->jsonl : keep;
    o->files = argv + optind;
    o->n_files = (size_t)(argc - optind);
    if (!o->jsonl && o->n_files == 0)
        return kg_cli_usage_error("%s", "build: no input file");
    int rc = kg_cli_parse_formats("build", format, o->formats, &o->n_formats);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_diagram_check("build", &o->diagram, &o->xo, o->formats, o->n_formats);
    return rc;
}

/* ------------------------------------------------------------ inputs */

typedef struct named {
    char *stem;
    size_t file;
} named;

static int by_stem(const void *a, const void *b)
{
    const named *x = a, *y = b;
    int c = strcmp(x->stem, y->stem);
    return c ? c : (x->file > y->file) - (x->file < y->file);
}

/* Files of the same name in different folders (bbc/business/001.txt and
 * bbc/politics/001.txt) would otherwise be one document "001" in the graph,
 * their evidence mixed: those get their path as id ("bbc/business/001").
 * Ids of other files stay their bare name.  Returns false out of memory. */
static bool assign_ids(build_opts *o)
{
    if (o->jsonl || o->n_files < 2)
        return true;
    named *v = calloc(o->n_files, sizeof *v);
    bool ok = v != NULL;
    for (size_t i = 0; ok && i < o->n_files; i++) {
        v[i] = (named){kg_extract_doc_id(o->files[i], false), i};
        ok = v[i].stem != NULL;
    }
    if (ok)
        qsort(v, o->n_files, sizeof *v, by_stem);
    for (size_t i = 0; ok && i < o->n_files; i++) {
        bool shared = (i > 0 && !strcmp(v[i].stem, v[i - 1].stem)) ||
                      (i + 1 < o->n_files && !strcmp(v[i].stem, v[i + 1].stem));
        if (!shared)
            continue;
        if (!o->ids && !(o->ids = calloc(o->n_files, sizeof *o->ids)))
            ok = false;
        else if (!(o->ids[v[i].file] = kg_extract_doc_id(o->files[v[i].file], true)))
            ok = false;
    }
    for (size_t i = 0; v && i < o->n_files; i++)
        free(v[i].stem);
    free(v);
    return ok;
}

static void free_ids(build_opts *o)
{
    for (size_t i = 0; o->ids && i < o->n_files; i++)
        free(o->ids[i]);
    free(o->ids);
    o->ids = NULL;
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Elapsed time, for the progress line and wall_s. */
static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* ------------------------------------------------------------ the source */

/* Where the documents come from: kg_corpus_build calls source_next one
 * call at a time, in document order. */
typedef struct source {
    const build_opts *o;
    size_t file; /* next file (file mode) or the file being read (jsonl) */
    FILE *in;    /* jsonl: open file, NULL between files */
    size_t line; /* jsonl: lines read from in */
    size_t max_line;
    size_t bytes_done;  /* jsonl: input bytes read so far, over all files */
    size_t bytes_total; /* jsonl: sum of the regular files' sizes, 0 if unknown */
} source;

/* What a JSON Lines record's kg_extract_input points into, until it has
 * been extracted (record_free). */
typedef struct record {
    json_t *json;
    char *name;   /* "FILE:LINE" */
    char *own_id; /* the id of a record without one */
    char num[32]; /* a numeric id as text */
} record;

static char *printf_alloc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *printf_alloc(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

static const char *jsonl_file(const source *src)
{
    return src->o->n_files ? src->o->files[src->file] : "-";
}

/* The id of a record without one, from its name "DIR/corpus.jsonl:12":
 * "corpus-12" ("stdin-12" from "-:12"), so that ids stay distinct within and
 * across files.  malloc'd. */
static char *record_id(const char *name)
{
    const char *colon = strrchr(name, ':');
    char *file = colon ? strndup(name, (size_t)(colon - name)) : strdup(name);
    char *stem = file ? kg_extract_doc_id(file, false) : NULL;
    char *id = stem ? printf_alloc("%s-%s", stem, colon ? colon + 1 : "0") : NULL;
    free(stem);
    free(file);
    return id;
}

static void record_free(void *ctx, kg_corpus_item *item)
{
    (void)ctx;
    record *rec = item->owner;
    if (!rec)
        return;
    json_decref(rec->json);
    free(rec->name);
    free(rec->own_id);
    free(rec);
    item->owner = NULL;
}

/* Reads a record's fields into item->input (the text is extracted later,
 * on a worker), or says in item->error why it holds no document.  Messages
 * name the record as FILE:LINE:COLUMN.  Takes name (malloc'd). */
static void read_record(kg_corpus_item *item, char *name, const char *line, size_t len)
{
    record *rec = name ? calloc(1, sizeof *rec) : NULL;
    if (!rec) {
        free(name);
        kg_error_set(&item->error, KG_ERR_NOMEM, "out of memory reading a record");
        return;
    }
    rec->name = name;
    item->owner = rec;
    item->input.name = name;
    kg_error *err = &item->error;
    json_error_t je;
    json_t *j = rec->json = json_loadb(line, len, 0, &je);
    if (!j) {
        kg_error_set(err, KG_ERR_INPUT, "%s:%d: invalid JSON: %s", name,
                     je.column > 0 ? je.column : 1, je.text);
        return;
    }
    json_t *text = json_is_object(j) ? json_object_get(j, "text") : NULL;
    json_t *id = json_is_object(j) ? json_object_get(j, "id") : NULL;
    json_t *date = json_is_object(j) ? json_object_get(j, "date") : NULL;
    if (!json_is_object(j))
        kg_error_set(err, KG_ERR_INPUT, "%s:1: a record must be a JSON object", name);
    else if (!json_is_string(text))
        kg_error_set(err, KG_ERR_INPUT, "%s:1: \"text\" must be a string", name);
    else if (id && !json_is_string(id) && !json_is_integer(id))
        kg_error_set(err, KG_ERR_INPUT, "%s:1: \"id\" must be a string or a number", name);
    else if (date && !json_is_null(date) && !json_is_string(date))
        kg_error_set(err, KG_ERR_INPUT, "%s:1: \"date\" must be a string", name);
    else if (json_is_integer(id))
        snprintf(rec->num, sizeof rec->num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    else if (!id && !(rec->own_id = record_id(name)))
        kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    if (err->status != KG_OK)
        return;
    item->input.id = json_is_string(id)    ? json_string_value(id)
                     : json_is_integer(id) ? rec->num
                                           : rec->own_id;
    item->input.date = json_is_string(date) ? json_string_value(date) : NULL;
    item->input.data = json_string_value(text);
    item->input.len = json_string_length(text);
}

/* Reads one line of src->in (without its newline) into a fresh buffer.
 * Returns 1 with a line, 0 at end of file, -1 if the line is longer than
 * max_line (the rest of it is skipped), -2 on a read error or no memory. */
static int read_line(source *src, char **out, size_t *len)
{
    size_t n = 0, cap = 0;
    char *b = NULL;
    bool over = false;
    int c;
    while ((c = getc_unlocked(src->in)) != EOF && c != '\n') {
        if (over || n == src->max_line) {
            over = true;
            continue;
        }
        if (n + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nb = realloc(b, ncap);
            if (!nb) {
                free(b);
                return -2;
            }
            b = nb;
            cap = ncap;
        }
        b[n++] = (char)c;
    }
    src->bytes_done += n + (c == '\n');
    if (ferror(src->in)) {
        free(b);
        return -2;
    }
    if (c == EOF && n == 0 && !over) {
        free(b);
        return 0;
    }
    if (over) {
        free(b);
        return -1;
    }
    if (!b && !(b = malloc(1)))
        return -2;
    b[n] = '\0';
    *out = b;
    *len = n;
    return 1;
}

/* The next JSON Lines record, skipping blank lines; false at the end of the
 * last file.  A file that cannot be opened or read, and a line too long to be
 * a document, become an item that carries only its error. */
static bool jsonl_next(source *src, kg_corpus_item *item)
{
    for (;;) {
        if (!src->in) {
            if (src->file >= (src->o->n_files ? src->o->n_files : 1))
                return false;
            const char *path = jsonl_file(src);
            src->in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
            src->line = 0;
            if (!src->in) {
                item->input.name = path;
                kg_error_set(&item->error, KG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
                src->file++;
                return true;
            }
        }
        const char *path = jsonl_file(src);
        char *line = NULL;
        size_t len = 0;
        int got = read_line(src, &line, &len);
        src->line++;
        if (got == 1) {
            size_t k = 0;
            while (k < len && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
                k++;
            if (k == len) { /* a blank line holds no document */
                free(line);
                continue;
            }
            read_record(item, printf_alloc("%s:%zu", path, src->line), line, len);
            free(line);
            return true;
        }
        if (got == -1) {
            item->input.name = path;
            kg_error_set(&item->error, KG_ERR_INPUT, "%s:%zu:1: record longer than %zu bytes", path,
                         src->line, src->max_line);
            return true;
        }
        if (got == -2) {
            item->input.name = path;
            kg_error_set(&item->error, KG_ERR_IO, "%s:%zu: cannot read: %s", path, src->line,
                         errno ? strerror(errno) : "out of memory");
        }
        if (src->in != stdin)
            fclose(src->in);
        src->in = NULL;
        src->file++;
        if (got == -2)
            return true;
    }
}

static bool source_next(void *ctx, kg_corpus_item *item)
{
    source *src = ctx;
    if (src->o->jsonl) {
        bool got = jsonl_next(src, item);
        item->offset = src->bytes_done;
        return got;
    }
    if (src->file >= src->o->n_files)
        return false;
    item->input.id = src->o->ids ? src->o->ids[src->file] : NULL;
    item->input.path = src->o->files[src->file++];
    return true;
}

static void source_close(source *src)
{
    if (src->in && src->in != stdin)
        fclose(src->in);
    src->in = NULL;
}

/* The bytes the JSON Lines inputs hold, for the time estimate; 0 if unknown
 * (standard input, a pipe). */
static size_t jsonl_size(const build_opts *o)
{
    size_t total = 0;
    for (size_t i = 0; i < o->n_files; i++) {
        struct stat st;
        if (!strcmp(o->files[i], "-") || stat(o->files[i], &st) != 0 || !S_ISREG(st.st_mode))
            return 0;
        total += (size_t)st.st_size;
    }
    return total;
}

/* ------------------------------------------------------------ progress */

typedef struct progress {
    bool on;    /* standard error is a terminal and -q was not given */
    bool shown; /* a line is on the screen */
    double start, last;
} progress;

static void progress_clear(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

/* How far a run is: done documents of total_docs (0: unknown), and
 * bytes_done of bytes_total input bytes (JSON Lines files; 0: unknown). */
typedef struct progress_point {
    size_t done, total_docs, bytes_done, bytes_total, sentences;
} progress_point;

static void progress_show(progress *p, const progress_point *pt)
{
    double t = now();
    /* four updates a second read as live without costing anything */
    if (!p->on || t - p->last < 0.25)
        return;
    p->last = t;
    double el = t - p->start;
    size_t done = pt->done, total_docs = pt->total_docs, sentences = pt->sentences;
    double frac = 0;
    if (total_docs)
        frac = (double)done / (double)total_docs;
    else if (pt->bytes_total)
        frac = (double)pt->bytes_done / (double)pt->bytes_total;
    fprintf(stderr, "\r%zu", done);
    if (total_docs)
        fprintf(stderr, " of %zu", total_docs);
    fprintf(stderr, " documents, %.1f sentences/s", el > 0 ? (double)sentences / el : 0.0);
    if (frac > 0.001 && frac < 1) {
        long left = (long)(el / frac * (1 - frac) + 0.5);
        fprintf(stderr, ", %ld:%02ld left", left / 60, left % 60);
    }
    fputs("\033[K", stderr);
    fflush(stderr);
    p->shown = true;
}

/* ------------------------------------------------------------ the run */

typedef struct build_totals {
    kg_corpus_totals corpus;
    double load_s, graph_s, export_s;
} build_totals;

/* What report_document needs: which run, and its progress line. */
typedef struct build_report {
    const build_opts *o;
    const source *src;
    progress pg;
} build_report;

/* Each document as it is merged, in input order: a bad one in one line
 * (with --keep-going: without it, kg_corpus_build's error says it once),
 * a replaced invalid byte as a warning, then the progress line. */
static void report_document(void *ctx, const kg_corpus_result *res)
{
    build_report *rep = ctx;
    const kg_document *d = res->status == KG_OK ? res->document : NULL;
    if (!d || kg_document_doc(d)->n_invalid)
        progress_clear(&rep->pg);
    if (!d && rep->o->keep_going)
        kg_cli_die(res->message);
    else if (d)
        kg_cli_warn_invalid(d);
    progress_point pt = {res->index + 1, rep->o->jsonl ? 0 : rep->o->n_files, res->offset,
                         rep->src->bytes_total, res->totals->stats.sentences};
    progress_show(&rep->pg, &pt);
}

/* Every document into g by kg_corpus_build.  Returns KG_EXIT_OK, or
 * KG_EXIT_TROUBLE (its message printed) after the first bad document without
 * --keep-going, or when the graph itself fails. */
static int extract_all(const build_opts *o, const kg_resources *r, kg_graph *g, build_totals *tot)
{
    source src = {.o = o};
    size_t max = o->eo.max_bytes;
    src.max_line = max > (SIZE_MAX - JSONL_SLACK) / 6 ? SIZE_MAX : 6 * max + JSONL_SLACK;
    src.bytes_total = o->jsonl ? jsonl_size(o) : 0;
    build_report rep = {o, &src, {.on = !o->quiet && isatty(STDERR_FILENO), .start = now()}};
    kg_corpus_source cs = {source_next, o->jsonl ? record_free : NULL, &src,
                           o->jsonl ? 0 : o->n_files};
    kg_corpus_options co;
    kg_corpus_options_init(&co);
    co.extract = &o->eo;
    co.jobs = (size_t)o->jobs;
    co.keep_going = o->keep_going;
    co.on_document = report_document;
    co.ctx = &rep;
    kg_error err = {0};
    kg_status st = kg_corpus_build(r, &cs, &co, g, &tot->corpus, &err);
    progress_clear(&rep.pg);
    source_close(&src);
    return st == KG_OK ? KG_EXIT_OK : kg_cli_die(err.message);
}

/* ------------------------------------------------------------ outputs */

static void print_summary(const kg_graph *g)
{
    size_t actors = 0, countries = 0, places = 0;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        kg_entity_type t = kg_graph_node(g, i)->type;
        actors += t == KG_ENT_PERSON || t == KG_ENT_ORGANIZATION;
        countries += t == KG_ENT_COUNTRY;
        places += t == KG_ENT_LOCATION;
    }
    size_t docs = kg_graph_doc_count(g), rels = kg_graph_edge_count(g);
    printf("%zu %s: %zu %s, %zu %s, %zu other %s, %zu %s\n", docs,
           kg_cli_plural(docs, "document", "documents"), actors,
           kg_cli_plural(actors, "actor", "actors"), countries,
           kg_cli_plural(countries, "country", "countries"), places,
           kg_cli_plural(places, "place", "places"), rels,
           kg_cli_plural(rels, "relation", "relations"));
    kg_cli_note_analysis(g);
}

/* One 'stat NAME VALUE' a line, for bench/bench.sh and people alike.  Stage
 * times are CPU seconds (extraction stages summed over the workers; graph and
 * export on the main thread); cpu_s is the whole process's user + system
 * time, wall_s the elapsed time from start to finish. */
static void print_stats(const build_opts *o, const build_totals *t, const kg_graph *g, double wall)
{
    struct rusage ru;
    bool have = getrusage(RUSAGE_SELF, &ru) == 0;
    long rss_kb = have ? ru.ru_maxrss : -1;
    double cpu = have ? (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
                            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6
                      : -1;
    const kg_extract_stats *x = &t->corpus.stats;
    fprintf(stderr,
            "stat jobs %ld\nstat workers %zu\nstat documents %zu\nstat failed %zu\nstat bytes %zu\n"
            "stat sentences %zu\nstat candidates %zu\nstat parsed %zu\nstat cached %zu\n"
            "stat too_long %zu\nstat nodes %zu\nstat edges %zu\n",
            o->jobs, t->corpus.workers, t->corpus.documents, t->corpus.failed, x->bytes,
            x->sentences, x->candidates, x->parsed, x->cached, x->too_long, kg_graph_node_count(g),
            kg_graph_edge_count(g));
    fprintf(stderr,
            "stat load_s %.3f\nstat read_s %.3f\nstat split_s %.3f\nstat entities_s %.3f\n"
            "stat parse_s %.3f\nstat triples_s %.3f\nstat graph_s %.3f\nstat export_s %.3f\n"
            "stat betweenness_sources %zu\n"
            "stat community_method %s\n"
            "stat cpu_s %.3f\nstat wall_s %.3f\nstat peak_rss_kb %ld\n",
            t->load_s, x->read_s, x->split_s, x->entities_s, x->parse_s, x->triples_s, t->graph_s,
            t->export_s, kg_graph_betweenness_sources(g),
            kg_community_method_name(kg_graph_community_method(g)), cpu, wall, rss_kb);
}

int kg_cmd_build(int argc, char **argv)
{
    /* loading runs on two threads (kg_resources_load): its CPU time is the
     * process's, taken before any worker starts */
    double t_start = now(), t_cpu = clock_s(CLOCK_PROCESS_CPUTIME_ID);
    build_opts o = {0};
    bool help = false;
    int rc = parse_build_options(argc, argv, &o, &help);
    if (rc != KG_EXIT_OK)
        return rc;
    if (help) {
        fputs(build_usage, stdout);
        return KG_EXIT_OK;
    }
    const char *first = o.n_files ? o.files[0] : "-";
    /* outputs are named after the input as it is named (bytes, not the id) */
    char *own = o.prefix ? NULL : kg_extract_doc_stem(first);
    /* an input "-.txt" names its outputs "./-.json": only -o - is standard output */
    const char *prefix = o.prefix ? o.prefix : own && kg_cli_is_stdout(own) ? "./-" : own;
    const char *std_in = "-";
    /* every refusal that needs no document comes before the first is read */
    if (!prefix)
        rc = kg_cli_die("out of memory");
    else if (o.prefix)
        rc = kg_cli_check_target("build", o.prefix, o.formats, o.n_formats);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_check_outputs(prefix, o.formats, o.n_formats,
                                  o.n_files ? (const char *const *)o.files : &std_in,
                                  o.n_files ? o.n_files : 1);
    if (rc == KG_EXIT_OK && !o.quiet)
        rc = kg_cli_check_stdout();
    if (rc == KG_EXIT_OK && !assign_ids(&o))
        rc = kg_cli_die("out of memory");
    if (rc != KG_EXIT_OK) {
        free(own);
        free_ids(&o);
        return rc;
    }
    build_totals tot = {0};
    kg_error err = {0};
    kg_resources *r = kg_cli_load_resources(true, &err);
    if (!r) {
        free(own);
        free_ids(&o);
        return kg_cli_die(err.message);
    }
    tot.load_s = clock_s(CLOCK_PROCESS_CPUTIME_ID) - t_cpu;
    kg_graph *g = kg_graph_new();
    if (!g) {
        kg_resources_free(r);
        free(own);
        free_ids(&o);
        return kg_cli_die("out of memory");
    }
    rc = extract_all(&o, r, g, &tot);
    kg_resources_free(r);
    if (rc == KG_EXIT_OK && tot.corpus.failed && !tot.corpus.documents)
        rc = kg_cli_die("no document could be built");
    tot.graph_s = tot.corpus.merge_s;
    double t0 = kg_thread_cpu_seconds();
    size_t joined = 0;
    if (rc == KG_EXIT_OK && kg_graph_join_surnames(&g, &joined, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    if (rc == KG_EXIT_OK && kg_graph_analyze(g, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    tot.graph_s += kg_thread_cpu_seconds() - t0;
    t0 = kg_thread_cpu_seconds();
    if (rc == KG_EXIT_OK)
        rc = kg_cli_write_outputs(g, prefix, o.formats, o.n_formats, &o.xo, o.quiet);
    tot.export_s = kg_thread_cpu_seconds() - t0;
    /* with -o - standard output holds the graph alone */
    if (rc == KG_EXIT_OK && !o.quiet && !kg_cli_is_stdout(prefix))
        print_summary(g);
    if (o.stats)
        print_stats(&o, &tot, g, now() - t_start);
    if (rc == KG_EXIT_OK && tot.corpus.failed)
        rc = BUILD_EXIT_SKIPPED;
    free(own);
    free_ids(&o);
    kg_graph_free(g);
    return rc;
}
