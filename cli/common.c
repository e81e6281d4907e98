/* common.c - helpers every subcommand uses. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    fprintf(stderr, ": warning: %zu invalid UTF-8 byte(s) replaced, first at byte %zu\n",
            doc->n_invalid, doc->first_invalid);
}

int kg_cli_option_error(const char *cmd, int c, char **argv)
{
    /* getopt_long leaves optind past the offending word; optopt is the
     * letter of a short option (a long option's word starts with "--") */
    const char *word = optind > 0 ? argv[optind - 1] : "?";
    char letter[3] = {'-', (char)optopt, '\0'};
    const char *name = optopt && strncmp(word, "--", 2) != 0 ? letter : word;
    if (c == ':')
        fprintf(stderr, "kg: %s: option '%s' needs a value; see 'kg %s --help'\n", cmd, name, cmd);
    else
        fprintf(stderr, "kg: %s: unknown option '%s'; see 'kg %s --help'\n", cmd, name, cmd);
    return KG_EXIT_TROUBLE;
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
        if (!kg_format_parse(f, &k)) {
            rc = kg_cli_usage_error("unknown format '%s' (json, dot, svg, png, graphml)", f);
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

int kg_cli_check_outputs(const char *prefix, const kg_format *formats, size_t n,
                         const char *const *inputs, size_t n_inputs)
{
    int rc = KG_EXIT_OK;
    for (size_t k = 0; k < n && rc == KG_EXIT_OK; k++) {
        size_t len = strlen(prefix) + 32;
        char *path = malloc(len);
        if (!path)
            return kg_cli_die("out of memory");
        snprintf(path, len, "%s.%s", prefix, kg_format_extension(formats[k]));
        rc = kg_cli_check_not_input(path, inputs, n_inputs);
        free(path);
    }
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

/* A kg_file_writer for one format of the graph. */
typedef struct graph_output {
    kg_graph *g;
    kg_format format;
    const kg_export_options *xo;
} graph_output;

static kg_status write_graph(const void *ctx, FILE *out, kg_error *err)
{
    const graph_output *o = ctx;
    return kg_export_write_with(o->g, o->format, o->xo, out, err);
}

int kg_cli_write_outputs(kg_graph *g, const char *prefix, const kg_format *formats, size_t n,
                         const kg_export_options *xo, bool quiet)
{
    kg_error err = {0};
    char *paths[KG_CLI_MAX_FORMATS] = {0};
    graph_output jobs[KG_CLI_MAX_FORMATS] = {{0}};
    kg_file_output outs[KG_CLI_MAX_FORMATS] = {{0}};
    int rc = KG_EXIT_OK;
    for (size_t k = 0; k < n && rc == KG_EXIT_OK; k++) {
        size_t len = strlen(prefix) + 32;
        if (!(paths[k] = malloc(len))) {
            rc = kg_cli_die("out of memory");
            break;
        }
        snprintf(paths[k], len, "%s.%s", prefix, kg_format_extension(formats[k]));
        jobs[k] = (graph_output){g, formats[k], xo};
        outs[k] = (kg_file_output){paths[k], write_graph, &jobs[k]};
    }
    if (rc == KG_EXIT_OK && kg_file_write_all(outs, n, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    for (size_t i = 0; i < n && rc == KG_EXIT_OK && !quiet; i++) {
        fputs("wrote ", stdout);
        kg_escape_write(stdout, paths[i], KG_ESCAPE_LINE);
        putchar('\n');
    }
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
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
