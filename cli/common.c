/* common.c - helpers every subcommand uses. */
#include <errno.h>
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
        if (*n == KG_CLI_MAX_FORMATS || !kg_format_parse(f, &formats[*n]))
            rc = kg_cli_usage_error("unknown format '%s' (json, dot, svg, png, graphml)", f);
        else
            (*n)++;
    }
    if (rc == KG_EXIT_OK && *n == 0) {
        fprintf(stderr, "kg: %s: --format needs at least one format\nTry 'kg --help'.\n", cmd);
        rc = KG_EXIT_TROUBLE;
    }
    free(list);
    return rc;
}

int kg_cli_write_outputs(kg_graph *g, const char *prefix, const kg_format *formats, size_t n,
                         const kg_export_options *xo, bool quiet)
{
    kg_error err = {0};
    char *paths[KG_CLI_MAX_FORMATS] = {0}, *staged[KG_CLI_MAX_FORMATS] = {0};
    int rc = KG_EXIT_OK;
    for (size_t k = 0; k < n && rc == KG_EXIT_OK; k++) {
        size_t len = strlen(prefix) + 32;
        paths[k] = malloc(len);
        staged[k] = malloc(len);
        if (!paths[k] || !staged[k]) {
            rc = kg_cli_die("out of memory");
            break;
        }
        snprintf(paths[k], len, "%s.%s", prefix, kg_format_extension(formats[k]));
        snprintf(staged[k], len, "%s.tmp.XXXXXX", paths[k]);
        int fd = mkstemp(staged[k]);
        if (fd < 0) {
            fprintf(stderr, "kg: %s: cannot write: %s\n", paths[k], strerror(errno));
            staged[k][0] = '\0';
            rc = KG_EXIT_TROUBLE;
            break;
        }
        close(fd);
        if (kg_export_file_with(g, formats[k], xo, staged[k], &err) != KG_OK) {
            /* the message names the staging file; name the real one */
            const char *why = strstr(err.message, ": ");
            fprintf(stderr, "kg: %s%s\n", paths[k], why ? why : "");
            rc = KG_EXIT_TROUBLE;
        }
    }
    for (size_t i = 0; i < n && rc == KG_EXIT_OK; i++) {
        if (rename(staged[i], paths[i]) != 0) {
            fprintf(stderr, "kg: %s: cannot write: %s\n", paths[i], strerror(errno));
            rc = KG_EXIT_TROUBLE;
        } else if (!quiet) {
            fputs("wrote ", stdout);
            kg_escape_write(stdout, paths[i], KG_ESCAPE_LINE);
            putchar('\n');
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (rc != KG_EXIT_OK && staged[i] && staged[i][0])
            unlink(staged[i]);
        free(paths[i]);
        free(staged[i]);
    }
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
