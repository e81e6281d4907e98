/* fuzz_graph_json.c - libFuzzer target: any bytes through kg_graph_load_json_buffer.
 *
 * A graph that loads is written back as JSON, loaded again and written again;
 * the two writings must be byte for byte the same (abort() otherwise), since
 * the loader promises an exact round trip for whatever kg itself wrote.  The
 * loaded graph is then analyzed and written as DOT, so igraph and cgraph see
 * whatever ids, labels and weights the loader let through.  A refusal must
 * carry a message. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The graph written in format f, in a malloc'd buffer; NULL if writing failed.
 * Sorted first, as kg_export_file does, so that the output is canonical. */
static char *write_graph(kg_graph *g, kg_format f, size_t *len)
{
    kg_error err = {0};
    if (kg_graph_sort(g, &err) != KG_OK)
        return NULL;
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    if (!out)
        return NULL;
    kg_status st = kg_export_write(g, f, out, &err);
    if (fclose(out) != 0 || st != KG_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_graph *g = NULL;
    kg_error err = {0};
    if (kg_graph_load_json_buffer("fuzz.json", (const char *)data, size, &g, &err) != KG_OK) {
        if (err.message[0] == '\0')
            abort();
        kg_graph_free(g);
        return 0;
    }
    size_t len1 = 0, len2 = 0, dot_len = 0;
    char *first = write_graph(g, KG_FMT_JSON, &len1);
    if (!first)
        abort(); /* a graph that loaded can be written */
    kg_graph *again = NULL;
    if (kg_graph_load_json_buffer("again.json", first, len1, &again, &err) != KG_OK) {
        fprintf(stderr, "written JSON does not load: %s\n", err.message);
        abort();
    }
    char *second = write_graph(again, KG_FMT_JSON, &len2);
    if (!second || len1 != len2 || memcmp(first, second, len1) != 0)
        abort();
    if (kg_graph_analyze(g, &err) == KG_OK)
        free(write_graph(g, KG_FMT_DOT, &dot_len));
    free(first);
    free(second);
    kg_graph_free(again);
    kg_graph_free(g);
    return 0;
}
