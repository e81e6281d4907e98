/* diff_case.h - what the tests that diff two article texts of their own
 * share: the resources with the parser (loaded once per test group), and
 * two versions read, graphed and compared as `kg diff` does. */
#ifndef KG_DIFF_CASE_H
#define KG_DIFF_CASE_H

#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "kg/diff.h"

static kg_resources *res;

static int setup(void **state)
{
    (void)state;
    kg_error err = {0};
    kg_resources_options o = {NULL, true};
    if (kg_resources_load(&o, &res, &err) != KG_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    kg_resources_free(res);
    return 0;
}

/* One version: its document and graph, as `kg diff` builds them. */
typedef struct version {
    kg_document *doc;
    kg_graph *graph;
} version;

static version read_version(const char *name, const char *text)
{
    version v = {NULL, kg_graph_new()};
    kg_extract_options o;
    kg_extract_options_init(&o);
    o.graph_only = true;
    kg_error err = {0};
    assert_non_null(v.graph);
    if (kg_extract_buffer(res, &o, name, text, strlen(text), &v.doc, &err) != KG_OK)
        fail_msg("%s", err.message);
    assert_int_equal(kg_graph_add_document(v.graph, v.doc, &err), KG_OK);
    assert_int_equal(kg_graph_sort(v.graph, &err), KG_OK);
    return v;
}

static void free_version(version *v)
{
    kg_graph_free(v->graph);
    kg_document_free(v->doc);
}

typedef struct pair {
    version old, new;
    kg_diff *d;
} pair;

static pair diff_texts(const char *old_text, const char *new_text)
{
    pair p = {read_version("old.txt", old_text), read_version("new.txt", new_text), NULL};
    kg_diff_options o = {"old.txt", "new.txt", p.old.doc, p.new.doc, NULL};
    kg_error err = {0};
    if (kg_diff_graphs(p.old.graph, p.new.graph, &o, &p.d, &err) != KG_OK)
        fail_msg("%s", err.message);
    return p;
}

static void free_pair(pair *p)
{
    kg_diff_free(p->d);
    free_version(&p->old);
    free_version(&p->new);
}

#endif
