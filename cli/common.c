/* common.c - helpers every subcommand uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int kg_cli_die(const char *msg)
{
    fprintf(stderr, "kg: %s\n", msg);
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
    const kg_doc *doc = kg_document_doc(d);
    if (doc->n_invalid)
        fprintf(stderr, "kg: %s: warning: %zu invalid UTF-8 byte(s) replaced, first at byte %zu\n",
                doc->path, doc->n_invalid, doc->first_invalid);
}

char *kg_cli_default_prefix(const char *path)
{
    if (!strcmp(path, "-"))
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, base, n);
        p[n] = '\0';
    }
    return p;
}
