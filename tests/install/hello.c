/* hello.c - the smallest C program of kg's public API, which
 * tests/cli/install.sh compiles against an installed kg with nothing but
 * `pkg-config --cflags --libs kg`: the article given as argv[1] (its text,
 * not a file name) to a graph, then the graph's node count and first edge,
 * as "nodes N" and "edge SOURCE RELATION TARGET". */
#include <kg.h>

#include <stdio.h>
#include <string.h>

static int fail(const kg_error *err)
{
    fprintf(stderr, "hello: %s\n", err->message);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: hello TEXT\n", stderr);
        return 2;
    }
    kg_error err = {0};
    kg_resources_options ro = {.data_dir = NULL, .load_parser = true};
    kg_resources *r = NULL;
    if (kg_resources_load(&ro, &r, &err) != KG_OK)
        return fail(&err);
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    kg_document *d = NULL;
    kg_graph *g = NULL;
    int rc = 1;
    if (kg_extract_buffer(r, &eo, "hello.txt", argv[1], strlen(argv[1]), &d, &err) != KG_OK)
        goto out;
    if (!(g = kg_graph_new())) {
        kg_error_set(&err, KG_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (kg_graph_add_document(g, d, &err) != KG_OK || kg_graph_sort(g, &err) != KG_OK)
        goto out;
    printf("nodes %zu\n", kg_graph_node_count(g));
    if (kg_graph_edge_count(g) > 0) {
        const kg_edge *e = kg_graph_edge(g, 0);
        printf("edge %s %s %s\n", kg_graph_node(g, e->source)->id, e->relation,
               kg_graph_node(g, e->target)->id);
    }
    rc = 0;
out:
    if (rc)
        fail(&err);
    kg_graph_free(g);
    kg_document_free(d);
    kg_resources_free(r);
    return rc;
}
