/* build.c - `kg build FILE... [-o PREFIX] [--format LIST]`: articles to a graph.
 *
 * Every input is read and extracted before anything is written, so a bad
 * input costs no output file and leaves earlier outputs as they were. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_FORMATS 8

static const char build_usage[] =
    "usage: kg build FILE... [-o PREFIX] [--format LIST] [-q]\n"
    "  -o, --output PREFIX  write PREFIX.json, PREFIX.dot, ... (default: the first file's name)\n"
    "  -f, --format LIST    comma-separated: json,dot,svg,png,graphml (default: json)\n"
    "  -q, --quiet          print nothing but errors\n";

static int parse_formats(const char *arg, kg_format *formats, size_t *n)
{
    char *list = strdup(arg);
    if (!list)
        return kg_cli_die("out of memory");
    *n = 0;
    int rc = KG_EXIT_OK;
    for (char *save = NULL, *f = strtok_r(list, ",", &save); f && rc == KG_EXIT_OK;
         f = strtok_r(NULL, ",", &save)) {
        if (*n == MAX_FORMATS || !kg_format_parse(f, &formats[*n]))
            rc = kg_cli_usage_error("unknown format '%s' (json, dot, svg, png, graphml)", f);
        else
            (*n)++;
    }
    free(list);
    return rc;
}

static int write_outputs(kg_graph *g, const char *prefix, const kg_format *formats, size_t n,
                         bool quiet)
{
    kg_error err = {0};
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(prefix) + 16;
        char *path = malloc(len);
        if (!path)
            return kg_cli_die("out of memory");
        snprintf(path, len, "%s.%s", prefix, kg_format_extension(formats[k]));
        kg_status st = kg_export_file(g, formats[k], path, &err);
        if (st == KG_OK && !quiet)
            printf("wrote %s\n", path);
        free(path);
        if (st != KG_OK)
            return kg_cli_die(err.message);
    }
    return KG_EXIT_OK;
}

static void print_summary(const kg_graph *g)
{
    size_t actors = 0, countries = 0, places = 0;
    for (size_t i = 0; i < kg_graph_node_count(g); i++) {
        kg_entity_type t = kg_graph_node(g, i)->type;
        actors += t == KG_ENT_PERSON || t == KG_ENT_ORGANIZATION;
        countries += t == KG_ENT_COUNTRY;
        places += t == KG_ENT_LOCATION;
    }
    printf("%zu document(s): %zu actors, %zu countries, %zu other places, %zu relations\n",
           kg_graph_doc_count(g), actors, countries, places, kg_graph_edge_count(g));
}

int kg_cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *prefix = NULL, *format = "json";
    bool quiet = false;
    int c;
    while ((c = getopt_long(argc, argv, "o:f:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            prefix = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            fputs(build_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_usage_error("%s", "build: bad option");
        }
    }
    if (optind >= argc)
        return kg_cli_usage_error("%s", "build: no input file");
    kg_format formats[MAX_FORMATS];
    size_t n_formats = 0;
    int rc = parse_formats(format, formats, &n_formats);
    if (rc != KG_EXIT_OK)
        return rc;

    kg_error err = {0};
    kg_resources *r = kg_cli_load_resources(true, &err);
    if (!r)
        return kg_cli_die(err.message);
    kg_graph *g = kg_graph_new();
    if (!g) {
        kg_resources_free(r);
        return kg_cli_die("out of memory");
    }
    for (int i = optind; i < argc && rc == KG_EXIT_OK; i++) {
        kg_document *d = NULL;
        if (kg_extract_file(r, NULL, argv[i], &d, &err) != KG_OK ||
            kg_graph_add_document(g, d, &err) != KG_OK)
            rc = kg_cli_die(err.message);
        else
            kg_cli_warn_invalid(d);
        kg_document_free(d);
    }
    kg_resources_free(r);
    if (rc == KG_EXIT_OK && kg_graph_analyze(g, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    char *own = prefix ? NULL : kg_cli_default_prefix(argv[optind]);
    if (rc == KG_EXIT_OK)
        rc = write_outputs(g, prefix ? prefix : own, formats, n_formats, quiet);
    if (rc == KG_EXIT_OK && !quiet)
        print_summary(g);
    free(own);
    kg_graph_free(g);
    return rc;
}
