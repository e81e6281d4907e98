/* common.c - helpers every subcommand uses. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

int kg_cli_die(const char *msg)
{
    /* messages quote inputs (file names, record ids and dates): escaped, so
     * that no control character reaches the terminal and an error is one line */
    fputs("kg: ", stderr);
    kg_escape_write(stderr, msg, KG_ESCAPE_LINE);
    fputc('\n', stderr);
    return KG_EXIT_TROUBLE;
}

int kg_cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "kg: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'kg --help'.\n");
    return KG_EXIT_TROUBLE;
}

kg_resources *kg_cli_load_resources(bool parser, kg_error *err)
{
    kg_resources_options ro = {NULL, parser};
    kg_resources *r = NULL;
    if (kg_resources_load(&ro, &r, err) != KG_OK)
        return NULL;
    return r;
}

void kg_cli_warn_invalid(const kg_document *d)
{
    kg_cli_warn_invalid_doc(kg_document_doc(d));
}

void kg_cli_warn_invalid_doc(const kg_doc *doc)
{
    if (!doc->n_invalid)
        return;
    fputs("kg: ", stderr);
    kg_escape_write(stderr, doc->path, KG_ESCAPE_LINE);
    fprintf(stderr, ": warning: %zu invalid UTF-8 %s replaced, first at byte %zu\n", doc->n_invalid,
            kg_cli_plural(doc->n_invalid, "byte", "bytes"), doc->first_invalid);
}

/* Edits (insertions, deletions, substitutions and swaps of two neighbours)
 * that turn a into b: the optimal string alignment distance, so "fromat" is
 * one from "format".  Words longer than 63 bytes count as far from any. */
static size_t edit_distance(const char *a, size_t n, const char *b)
{
    size_t m = strlen(b);
    if (n > 63 || m > 63)
        return SIZE_MAX;
    size_t d[64][64];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m];
}

/* The long option closest to name (n bytes), or NULL when none is close: at
 * most one edit in a word of up to 5 letters, two up to 11, three beyond,
 * so that "--fromat" suggests --format and "--bogus" not --focus. */
static const char *closest_option(const char *name, size_t n, const struct option *longopts)
{
    size_t limit = n <= 5 ? 1 : n <= 11 ? 2 : 3, best = SIZE_MAX;
    const char *found = NULL;
    for (const struct option *o = longopts; o && o->name; o++) {
        size_t d = edit_distance(name, n, o->name);
        if (d <= limit && d < best) {
            best = d;
            found = o->name;
        }
    }
    return found;
}

/* The long options that name (n bytes) abbreviates, when it is no option's
 * whole name; how many. */
static size_t abbreviated(const char *name, size_t n, const struct option *longopts,
                          const struct option **first)
{
    size_t count = 0;
    for (const struct option *o = longopts; n && o && o->name; o++) {
        if (strlen(o->name) == n && !strncmp(o->name, name, n)) {
            *first = o;
            return 1;
        }
        if (!strncmp(o->name, name, n) && count++ == 0)
            *first = o;
    }
    return count;
}

/* "kg: CMD: " + text + the offending word (escaped) + rest, on one line. */
static void option_message(const char *cmd, const char *text, const char *word, const char *rest)
{
    fprintf(stderr, "kg: %s: %s'", cmd, text);
    kg_escape_write(stderr, word, KG_ESCAPE_LINE);
    fprintf(stderr, "'%s\n", rest);
}

int kg_cli_getopt_error(const char *cmd, int c, char **argv, const struct option *longopts)
{
    /* getopt_long leaves optind past the offending word (a long option's
     * word starts with "--"); optopt is the letter of a short option */
    const char *word = optind > 0 ? argv[optind - 1] : "?";
    bool is_long = !strncmp(word, "--", 2) && word[2];
    const char *name = word + 2, *eq = is_long ? strchr(name, '=') : NULL;
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    const struct option *match = NULL;
    size_t matches = is_long ? abbreviated(name, n, longopts, &match) : 0;
    /* optopt is 0 for an unknown long option, else the letter (or value) of
     * the option at fault: a short one in "-xq", where optind has not moved
     * past the word and argv[optind - 1] is the word before it, unless the
     * long word names that very option ("--format" without its value) */
    if (longopts && is_long && optopt && !(matches == 1 && match->val == optopt))
        is_long = false, matches = 0;
    char shown[128]; /* "-x", or "--name" without its "=value" */
    if (is_long)
        snprintf(shown, sizeof shown, "--%.*s", (int)(n < 100 ? n : 100), name);
    else if (optopt > 0 && optopt < 128)
        snprintf(shown, sizeof shown, "-%c", (char)optopt);
    else
        snprintf(shown, sizeof shown, "%.100s", word);
    char rest[160];
    snprintf(rest, sizeof rest, " (see 'kg %s --help')", cmd);
    if (matches == 1) /* an abbreviation: named in full */
        snprintf(shown, sizeof shown, "--%s", match->name);

    if (c == ':') {
        snprintf(rest, sizeof rest, " needs a value (see 'kg %s --help')", cmd);
        option_message(cmd, "option ", shown, rest);
        return KG_EXIT_TROUBLE;
    }
    if (matches == 1 && eq && match->has_arg == no_argument) {
        snprintf(rest, sizeof rest, " takes no value (see 'kg %s --help')", cmd);
        option_message(cmd, "option ", shown, rest);
        return KG_EXIT_TROUBLE;
    }
    if (matches > 1) {
        size_t at = (size_t)snprintf(rest, sizeof rest, " is ambiguous (");
        for (const struct option *o = longopts; o->name && at < sizeof rest; o++)
            if (!strncmp(o->name, name, n))
                at += (size_t)snprintf(rest + at, sizeof rest - at, "%s--%s",
                                       rest[at - 1] == '(' ? "" : ", ", o->name);
        if (at < sizeof rest)
            snprintf(rest + at, sizeof rest - at, ")");
        option_message(cmd, "option ", shown, rest);
        return KG_EXIT_TROUBLE;
    }
    const char *near = is_long ? closest_option(name, n, longopts) : NULL;
    if (near)
        snprintf(rest, sizeof rest, " (did you mean --%s?)", near);
    option_message(cmd, "unknown option ", shown, rest);
    return KG_EXIT_TROUBLE;
}

int kg_cli_option_error(const char *cmd, int c, char **argv)
{
    return kg_cli_getopt_error(cmd, c, argv, NULL);
}

bool kg_cli_lower(const char *arg, char *buf, size_t size)
{
    size_t n = strlen(arg);
    if (n >= size)
        return false;
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)tolower((unsigned char)arg[i]);
    return true;
}

const char *kg_cli_plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* "json, dot, ..., html": every format the library names, so that a new
 * exporter shows up here without a change. */
static void list_formats(char *buf, size_t size)
{
    size_t at = 0;
    buf[0] = '\0';
    for (int f = 0; kg_format_extension((kg_format)f) && at < size; f++)
        at += (size_t)snprintf(buf + at, size - at, "%s%s", f ? ", " : "",
                               kg_format_extension((kg_format)f));
}

/* A format name as given ("JSON", " svg"): case and surrounding blanks do
 * not matter. */
static bool parse_format(const char *name, kg_format *out)
{
    while (*name == ' ')
        name++;
    char buf[32];
    if (!kg_cli_lower(name, buf, sizeof buf))
        return false;
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return kg_format_parse(buf, out);
}

int kg_cli_parse_formats(const char *cmd, const char *arg, kg_format *formats, size_t *n)
{
    char *list = strdup(arg);
    if (!list)
        return kg_cli_die("out of memory");
    *n = 0;
    int rc = KG_EXIT_OK;
    for (char *save = NULL, *f = strtok_r(list, ",", &save); f && rc == KG_EXIT_OK;
         f = strtok_r(NULL, ",", &save)) {
        kg_format k;
        if (!parse_format(f, &k)) {
            char known[256];
            list_formats(known, sizeof known);
            fprintf(stderr, "kg: %s: unknown format '", cmd);
            kg_escape_write(stderr, f, KG_ESCAPE_LINE);
            fprintf(stderr, "' (%s)\nTry 'kg %s --help'.\n", known, cmd);
            rc = KG_EXIT_TROUBLE;
            break;
        }
        /* "json,json" is one file, written once */
        bool seen = false;
        for (size_t i = 0; i < *n; i++)
            seen = seen || formats[i] == k;
        if (!seen && *n == KG_CLI_MAX_FORMATS)
            rc = kg_cli_usage_error("%s: too many formats", cmd);
        else if (!seen)
            formats[(*n)++] = k;
    }
    if (rc == KG_EXIT_OK && *n == 0) {
        fprintf(stderr, "kg: %s: --format needs at least one format\nTry 'kg --help'.\n", cmd);
        rc = KG_EXIT_TROUBLE;
    }
    free(list);
    return rc;
}

int kg_cli_json_style(const char *cmd, const char *arg, kg_json_style *out)
{
    char buf[32];
    if (kg_cli_lower(arg, buf, sizeof buf) && kg_json_style_parse(buf, out))
        return KG_EXIT_OK;
    fprintf(stderr, "kg: %s: unknown JSON style '", cmd);
    kg_escape_write(stderr, arg, KG_ESCAPE_LINE);
    fputs("' (", stderr);
    for (int k = 0; kg_json_style_name((kg_json_style)k); k++)
        fprintf(stderr, "%s%s", k ? ", " : "", kg_json_style_name((kg_json_style)k));
    fprintf(stderr, ")\nTry 'kg %s --help'.\n", cmd);
    return KG_EXIT_TROUBLE;
}

bool kg_cli_is_stdout(const char *output)
{
    return output && !strcmp(output, "-");
}

int kg_cli_check_prefix(const char *cmd, const char *prefix)
{
    /* "" and "d/" would write the hidden ".json" and "d/.json"; "d/." and
     * "d/.." name a directory too */
    const char *slash = strrchr(prefix, '/');
    const char *last = slash ? slash + 1 : prefix;
    if (!*last || !strcmp(last, ".") || !strcmp(last, "..")) {
        fprintf(stderr, "kg: %s: -o '", cmd);
        kg_escape_write(stderr, prefix, KG_ESCAPE_LINE);
        fprintf(stderr, "' names no file: give a prefix such as out/graph\nTry 'kg --help'.\n");
        return KG_EXIT_TROUBLE;
    }
    return KG_EXIT_OK;
}

int kg_cli_check_target(const char *cmd, const char *prefix, const kg_format *formats, size_t n)
{
    if (!kg_cli_is_stdout(prefix))
        return kg_cli_check_prefix(cmd, prefix);
    bool csv = false;
    for (size_t i = 0; i < n; i++)
        csv = csv || formats[i] == KG_FMT_CSV;
    if (csv) {
        fprintf(stderr,
                "kg: %s: -o - cannot take csv, which is two files (nodes and edges): "
                "give a prefix such as out/graph\nTry 'kg %s --help'.\n",
                cmd, cmd);
        return KG_EXIT_TROUBLE;
    }
    if (n != 1) {
        fprintf(stderr,
                "kg: %s: -o - writes one format to standard output, not %zu: "
                "give a prefix such as out/graph\nTry 'kg %s --help'.\n",
                cmd, n, cmd);
        return KG_EXIT_TROUBLE;
    }
    return KG_EXIT_OK;
}

/* ------------------------------------------------------------ outputs */

/* Which table of a csv output a file holds; every other format is one file. */
typedef enum part { PART_WHOLE, PART_NODES, PART_EDGES } part;

/* The files one run writes: at most two a format (csv). */
typedef struct plan {
    char *paths[2 * KG_CLI_MAX_FORMATS];
    kg_format formats[2 * KG_CLI_MAX_FORMATS];
    part parts[2 * KG_CLI_MAX_FORMATS];
    size_t n;
} plan;

static void plan_free(plan *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->paths[i]);
    p->n = 0;
}

static bool plan_add(plan *p, const char *stem, size_t stem_len, const char *suffix, kg_format f,
                     part what)
{
    size_t len = stem_len + strlen(suffix) + 2;
    char *path = malloc(len);
    if (!path)
        return false;
    snprintf(path, len, "%.*s%s%s", (int)stem_len, stem, *suffix ? "." : "", suffix);
    p->paths[p->n] = path;
    p->formats[p->n] = f;
    p->parts[p->n++] = what;
    return true;
}

/* PREFIX.EXT for each format (csv: PREFIX.nodes.csv and PREFIX.edges.csv),
 * except that with one format a prefix that already ends in its extension
 * ("out/g.json", "out/g.JSON") is the file itself (csv: the stem's two
 * tables).  False out of memory. */
static bool plan_outputs(const char *prefix, const kg_format *formats, size_t n, plan *p)
{
    p->n = 0;
    size_t stem = strlen(prefix);
    bool exact = false;
    if (n == 1) {
        const char *ext = kg_format_extension(formats[0]);
        size_t e = strlen(ext);
        /* "x.json", not ".json" nor "d/.json": a hidden file stays a prefix */
        if (stem > e + 1 && prefix[stem - e - 1] == '.' && prefix[stem - e - 2] != '/' &&
            strcasecmp(prefix + stem - e, ext) == 0) {
            exact = formats[0] != KG_FMT_CSV;
            stem -= e + 1;
        }
    }
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        if (formats[k] == KG_FMT_CSV)
            ok = plan_add(p, prefix, stem, "nodes.csv", formats[k], PART_NODES) &&
                 plan_add(p, prefix, stem, "edges.csv", formats[k], PART_EDGES);
        else if (exact)
            ok = plan_add(p, prefix, strlen(prefix), "", formats[k], PART_WHOLE);
        else
            ok = plan_add(p, prefix, stem, kg_format_extension(formats[k]), formats[k], PART_WHOLE);
    }
    if (!ok)
        plan_free(p);
    return ok;
}

int kg_cli_check_outputs(const char *prefix, const kg_format *formats, size_t n,
                         const char *const *inputs, size_t n_inputs)
{
    if (kg_cli_is_stdout(prefix))
        return KG_EXIT_OK;
    plan p;
    if (!plan_outputs(prefix, formats, n, &p))
        return kg_cli_die("out of memory");
    int rc = KG_EXIT_OK;
    for (size_t k = 0; k < p.n && rc == KG_EXIT_OK; k++)
        rc = kg_cli_check_not_input(p.paths[k], inputs, n_inputs);
    plan_free(&p);
    return rc;
}

int kg_cli_check_not_input(const char *output, const char *const *inputs, size_t n)
{
    kg_error err = {0};
    if (kg_file_check_not_input(output, inputs, n, &err) != KG_OK)
        return kg_cli_die(err.message);
    return KG_EXIT_OK;
}

int kg_cli_check_stdout(void)
{
    /* a closed standard output (`>&-`, which main keeps closed for writing)
     * would fail only after the outputs were written, at "wrote" */
    int fl = fcntl(STDOUT_FILENO, F_GETFL);
    if (fl < 0 || (fl & O_ACCMODE) == O_RDONLY)
        return kg_cli_die("cannot write to standard output: Bad file descriptor");
    return KG_EXIT_OK;
}

/* A kg_file_writer for one file of the graph. */
typedef struct graph_output {
    kg_graph *g;
    kg_format format;
    part what;
    const kg_export_options *xo;
} graph_output;

static kg_status write_graph(const void *ctx, FILE *out, kg_error *err)
{
    const graph_output *o = ctx;
    /* the tables take the graph as it is: kg_cli_write_outputs sorted it */
    if (o->what == PART_NODES)
        return kg_export_csv_nodes(o->g, out, err);
    if (o->what == PART_EDGES)
        return kg_export_csv_edges(o->g, out, err);
    return kg_export_write_with(o->g, o->format, o->xo, out, err);
}

static int write_to_stdout(kg_graph *g, kg_format f, const kg_export_options *xo)
{
    kg_error err = {0};
    if (kg_export_write_with(g, f, xo, stdout, &err) != KG_OK) {
        /* the exporter's "cannot write: ..." names no file */
        char msg[sizeof err.message + 32];
        snprintf(msg, sizeof msg, "standard output: %s", err.message);
        return kg_cli_die(err.status == KG_ERR_IO ? msg : err.message);
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        return kg_cli_die("cannot write to standard output");
    return KG_EXIT_OK;
}

int kg_cli_write_outputs(kg_graph *g, const char *prefix, const kg_format *formats, size_t n,
                         const kg_export_options *xo, bool quiet)
{
    if (kg_cli_is_stdout(prefix))
        return n == 1 ? write_to_stdout(g, formats[0], xo)
                      : kg_cli_die("-o - writes one format to standard output");
    kg_error err = {0};
    plan p;
    if (!plan_outputs(prefix, formats, n, &p))
        return kg_cli_die("out of memory");
    graph_output jobs[2 * KG_CLI_MAX_FORMATS];
    kg_file_output outs[2 * KG_CLI_MAX_FORMATS];
    for (size_t k = 0; k < p.n; k++) {
        jobs[k] = (graph_output){g, p.formats[k], p.parts[k], xo};
        outs[k] = (kg_file_output){p.paths[k], write_graph, &jobs[k]};
    }
    int rc = KG_EXIT_OK;
    if (kg_graph_sort(g, &err) != KG_OK || kg_file_write_all(outs, p.n, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    for (size_t i = 0; i < p.n && rc == KG_EXIT_OK && !quiet; i++) {
        fputs("wrote ", stdout);
        kg_escape_write(stdout, p.paths[i], KG_ESCAPE_LINE);
        putchar('\n');
    }
    plan_free(&p);
    return rc;
}

/* ------------------------------------------------------------ one output stream */

int kg_cli_sink_open(kg_cli_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (!path || kg_cli_is_stdout(path)) {
        s->f = stdout;
        return KG_EXIT_OK;
    }
    s->path = path;
    s->f = open_memstream(&s->data, &s->len);
    return s->f ? KG_EXIT_OK : kg_cli_die("out of memory");
}

kg_status kg_cli_write_bytes(const void *ctx, FILE *out, kg_error *err)
{
    const kg_cli_bytes *b = ctx;
    if (b->len && fwrite(b->data, 1, b->len, out) != b->len)
        return kg_error_set(err, KG_ERR_IO, "cannot write: %s", strerror(errno));
    return KG_OK;
}

int kg_cli_sink_close(kg_cli_sink *s, int rc)
{
    if (!s->f)
        return rc;
    if (!s->path) {
        s->f = NULL;
        if (rc == KG_EXIT_OK && (fflush(stdout) != 0 || ferror(stdout)))
            rc = kg_cli_die("cannot write to standard output");
        return rc;
    }
    bool closed = fclose(s->f) == 0;
    s->f = NULL;
    if (rc == KG_EXIT_OK && !closed)
        rc = kg_cli_die("out of memory");
    kg_error err = {0};
    kg_cli_bytes b = {s->data, s->len};
    if (rc == KG_EXIT_OK && kg_file_write_atomic(s->path, kg_cli_write_bytes, &b, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    free(s->data);
    s->data = NULL;
    return rc;
}

bool kg_cli_number(const char *arg, unsigned long long min, unsigned long long max,
                   unsigned long long *out)
{
    if (!arg || *arg < '0' || *arg > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (errno || *end || v < min || v > max)
        return false;
    *out = v;
    return true;
}
