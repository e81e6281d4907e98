/* fuzz_diff.c - libFuzzer target: two graph JSON files through kg_diff_graphs
 * and every diff exporter, as `kg diff OLD.json NEW.json` drives them.
 *
 * The input is split at its first NUL byte into OLD and NEW (no NUL: at the
 * middle), each in a heap copy of exactly its size so that AddressSanitizer
 * sees any read past the end.  Both are loaded with the graph JSON loader and
 * sorted, as the CLI does; the diff is then written as text (with and without
 * colour), JSON, DOT and SVG to memory.
 *
 * Checked promises (abort() on a broken one): a refusal carries a message;
 * the summary adds up (every entity and relation in exactly one state, the
 * sides' counts those of the graphs); a change makes the text report non-empty,
 * and with neither changes nor notes it is empty; every exporter succeeds on a diff that was
 * made; and a graph compared with itself has no changes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The graph in data[0..len), loaded and sorted; NULL if refused. */
static kg_graph *load(const char *name, const uint8_t *data, size_t len)
{
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return NULL;
    memcpy(copy, data, len);
    kg_graph *g = NULL;
    kg_error err = {0};
    kg_status st = kg_graph_load_json_buffer(name, copy, len, &g, &err);
    free(copy);
    if (st != KG_OK) {
        if (err.message[0] == '\0')
            abort();
        kg_graph_free(g);
        return NULL;
    }
    if (kg_graph_sort(g, &err) != KG_OK)
        abort(); /* a graph that loaded can be sorted */
    return g;
}

/* The diff written in format f; its length, or abort() if writing failed. */
static size_t write_diff(const kg_diff *d, kg_diff_format f, bool color)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return 0;
    kg_diff_export_options xo = {color, 0};
    kg_error err = {0};
    kg_status st = kg_diff_export_write(d, f, &xo, out, &err);
    if (fclose(out) != 0 || st != KG_OK) {
        fprintf(stderr, "diff export %d failed: %s\n", (int)f, err.message);
        abort();
    }
    free(buf);
    return len;
}

static void check_summary(const kg_diff *d, const kg_graph *old_g, const kg_graph *new_g)
{
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    size_t ne = 0, nr = 0;
    kg_diff_entities(d, &ne);
    kg_diff_relations(d, &nr);
    if (s.entities_added + s.entities_removed + s.entities_changed + s.entities_unchanged != ne ||
        s.relations_added + s.relations_removed + s.relations_changed + s.relations_unchanged != nr)
        abort();
    if (s.old_entities != kg_graph_node_count(old_g) ||
        s.new_entities != kg_graph_node_count(new_g) ||
        s.old_relations != kg_graph_edge_count(old_g) ||
        s.new_relations != kg_graph_edge_count(new_g))
        abort();
    bool changed = s.entities_added || s.entities_removed || s.entities_changed ||
                   s.relations_added || s.relations_removed || s.relations_changed ||
                   s.claims_added || s.claims_removed || s.claims_changed;
    if (changed != kg_diff_changed(d))
        abort();
}

static void diff_pair(const kg_graph *old_g, const kg_graph *new_g, bool export_all)
{
    kg_diff_options opts = {"old.json", "new.json", NULL, NULL, NULL};
    kg_diff *d = NULL;
    kg_error err = {0};
    if (kg_diff_graphs(old_g, new_g, &opts, &d, &err) != KG_OK) {
        if (err.message[0] == '\0')
            abort();
        return;
    }
    check_summary(d, old_g, new_g);
    if (old_g == new_g && kg_diff_changed(d)) {
        fprintf(stderr, "a graph differs from itself\n");
        abort();
    }
    size_t text_len = write_diff(d, KG_DIFF_FMT_TEXT, false);
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    /* a change is reported; with neither changes nor notes the report is empty */
    bool notes = s.entities_renamed || s.entities_mentions_changed || s.sentences_reworded ||
                 s.context;
    if (kg_diff_changed(d) ? text_len == 0 : !notes && text_len != 0) {
        fprintf(stderr, "text report of %zu bytes for a diff that %s\n", text_len,
                kg_diff_changed(d) ? "changed" : "did not change");
        abort();
    }
    if (export_all) {
        write_diff(d, KG_DIFF_FMT_TEXT, true);
        write_diff(d, KG_DIFF_FMT_JSON, false);
        write_diff(d, KG_DIFF_FMT_DOT, false);
        write_diff(d, KG_DIFF_FMT_SVG, false);
        write_diff(d, KG_DIFF_FMT_HTML, false);
    }
    kg_diff_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size);
    size_t old_len = nul ? (size_t)(nul - data) : size / 2;
    size_t new_at = nul ? old_len + 1 : old_len;
    kg_graph *old_g = load("old.json", data, old_len);
    kg_graph *new_g = old_g ? load("new.json", data + new_at, size - new_at) : NULL;
    if (old_g && new_g) {
        diff_pair(old_g, new_g, true);
        diff_pair(new_g, new_g, false);
    }
    kg_graph_free(new_g);
    kg_graph_free(old_g);
    return 0;
}
