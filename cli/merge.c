/* merge.c - `kg merge FILE.json... -o PREFIX`: graphs written by kg, as one.
 *
 * Each input is read back with kg_graph_load_json and merged with
 * kg_graph_merge, whose rules make the result independent of the order and
 * grouping of the inputs; the merged graph is analyzed afresh and written in
 * every format asked for.  Every input is read before anything is written, so
 * a bad input costs no output file and leaves earlier outputs as they were. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char merge_usage[] =
    "usage: kg merge FILE.json... -o PREFIX [--format LIST] [--json-style STYLE] [-q]\n"
    "  merges graphs written by 'kg build' or 'kg merge', in any of their JSON styles\n"
    "  (node-link, cytoscape, graphology, jgf; only node-link carries claims)\n"
    "  -o, --output PREFIX     write PREFIX.json, PREFIX.dot, ... (required); with one\n"
    "                          format, -o g.json writes g.json; '-' writes the one\n"
    "                          format to standard output, and nothing else\n"
    "  -f, --format LIST       comma-separated, any case (default: json): json, dot, svg,\n"
    "                          png, graphml, gexf, html, csv (PREFIX.nodes.csv and\n"
    "                          PREFIX.edges.csv)\n"
    "  -s, --json-style STYLE  node-link (default), cytoscape, graphology or jgf\n"
    "  -q, --quiet             print nothing but errors\n";

/* Loads every input into g; the first failure stops it. */
static int merge_inputs(kg_graph *g, char **files, int n)
{
    kg_error err = {0};
    for (int i = 0; i < n; i++) {
        kg_graph *part = NULL;
        if (kg_graph_load_json(files[i], &part, &err) != KG_OK)
            return kg_cli_die(err.message);
        kg_status st = kg_graph_merge(g, part, &err);
        kg_graph_free(part);
        if (st != KG_OK)
            return kg_cli_die(err.message);
    }
    return KG_EXIT_OK;
}

static void print_summary(const kg_graph *g, size_t files)
{
    size_t docs = kg_graph_doc_count(g), nodes = kg_graph_node_count(g),
           rels = kg_graph_edge_count(g);
    printf("merged %zu %s: %zu %s, %zu %s, %zu %s\n", files, kg_cli_plural(files, "file", "files"),
           docs, kg_cli_plural(docs, "document", "documents"), nodes,
           kg_cli_plural(nodes, "node", "nodes"), rels,
           kg_cli_plural(rels, "relation", "relations"));
    kg_cli_note_analysis(g);
}

int kg_cmd_merge(int argc, char **argv)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"json-style", required_argument, NULL, 's'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *prefix = NULL, *format = "json";
    kg_export_options eo;
    kg_export_options_init(&eo);
    bool quiet = false;
    int c;
    opterr = 0; /* kg_cli_getopt_error says it in one line */
    while ((c = getopt_long(argc, argv, ":o:f:s:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            prefix = optarg;
            break;
        case 'f':
            format = optarg;
            break;
        case 's':
            if (kg_cli_json_style("merge", optarg, &eo.json_style) != KG_EXIT_OK)
                return KG_EXIT_TROUBLE;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            fputs(merge_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error("merge", c, argv, longopts);
        }
    }
    if (optind >= argc)
        return kg_cli_usage_error("%s", "merge: no input file");
    /* no default: the first input's name would put the output over it */
    if (!prefix || !*prefix)
        return kg_cli_usage_error("%s", "merge: give the output with -o PREFIX");
    kg_format formats[KG_CLI_MAX_FORMATS];
    size_t n_formats = 0;
    int rc = kg_cli_parse_formats("merge", format, formats, &n_formats);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_check_target("merge", prefix, formats, n_formats);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_check_outputs(prefix, formats, n_formats, (const char *const *)argv + optind,
                                  (size_t)(argc - optind));
    if (rc == KG_EXIT_OK && !quiet)
        rc = kg_cli_check_stdout();
    if (rc != KG_EXIT_OK)
        return rc;

    kg_graph *g = kg_graph_new();
    if (!g)
        return kg_cli_die("out of memory");
    kg_error err = {0};
    rc = merge_inputs(g, argv + optind, argc - optind);
    size_t joined = 0;
    if (rc == KG_EXIT_OK && kg_graph_join_surnames(&g, &joined, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    if (rc == KG_EXIT_OK && kg_graph_analyze(g, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    if (rc == KG_EXIT_OK)
        rc = kg_cli_write_outputs(g, prefix, formats, n_formats, &eo, quiet);
    /* with -o - standard output holds the graph alone */
    if (rc == KG_EXIT_OK && !quiet && !kg_cli_is_stdout(prefix))
        print_summary(g, (size_t)(argc - optind));
    kg_graph_free(g);
    return rc;
}
