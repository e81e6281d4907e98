/* test_corpus.c - kg_corpus_build: the same graph on any number of threads,
 * bad documents reported by index and skipped or ending the run; kg_init. */
#include "fixtures.h"

#include <igraph.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int setup(void **state)
{
    return kg_test_resources_setup(state, true);
}

static int teardown(void **state)
{
    return kg_test_resources_teardown(state);
}

/* ---------------------------------------------------------------- a source */

/* Documents in memory; a NULL text is one the source cannot read. */
typedef struct doc_spec {
    const char *name, *id, *text;
} doc_spec;

typedef struct memory_source {
    const doc_spec *docs;
    size_t n, next;
    size_t released; /* release calls, from any worker */
    pthread_mutex_t lock;
} memory_source;

static bool memory_next(void *ctx, kg_corpus_item *item)
{
    memory_source *s = ctx;
    if (s->next == s->n)
        return false;
    const doc_spec *d = &s->docs[s->next];
    item->input.name = d->name;
    item->input.id = d->id;
    if (d->text) {
        item->input.data = d->text;
        item->input.len = strlen(d->text);
    } else {
        kg_error_set(&item->error, KG_ERR_INPUT, "%s:1: invalid JSON: not a record", d->name);
    }
    item->offset = 100 * ++s->next;
    return true;
}

static void memory_release(void *ctx, kg_corpus_item *item)
{
    memory_source *s = ctx;
    (void)item;
    pthread_mutex_lock(&s->lock);
    s->released++;
    pthread_mutex_unlock(&s->lock);
}

/* What on_document heard, in the order it heard it. */
#define MAX_SEEN 16
typedef struct seen {
    size_t n;
    size_t index[MAX_SEEN], offset[MAX_SEEN];
    kg_status status[MAX_SEEN];
    char name[MAX_SEEN][64], message[MAX_SEEN][256];
    bool had_document[MAX_SEEN];
} seen;

static void remember(void *ctx, const kg_corpus_result *r)
{
    seen *s = ctx;
    assert_true(s->n < MAX_SEEN);
    s->index[s->n] = r->index;
    s->offset[s->n] = r->offset;
    s->status[s->n] = r->status;
    snprintf(s->name[s->n], sizeof s->name[0], "%s", r->name);
    snprintf(s->message[s->n], sizeof s->message[0], "%s", r->message ? r->message : "");
    s->had_document[s->n] = r->document != NULL;
    assert_int_equal(r->totals->documents + r->totals->failed, r->index + 1);
    s->n++;
}

/* Builds docs into a new graph on jobs threads. */
static kg_status build(void **state, const doc_spec *docs, size_t n, size_t jobs, bool keep_going,
                       kg_graph **g, seen *heard, kg_corpus_totals *tot, kg_error *err)
{
    memory_source ms = {.docs = docs, .n = n};
    pthread_mutex_init(&ms.lock, NULL);
    kg_corpus_source src = {memory_next, memory_release, &ms, 0};
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    eo.graph_only = true;
    kg_corpus_options o;
    kg_corpus_options_init(&o);
    o.extract = &eo;
    o.jobs = jobs;
    o.keep_going = keep_going;
    o.on_document = remember;
    o.ctx = heard;
    memset(heard, 0, sizeof *heard);
    *g = kg_graph_new();
    assert_non_null(*g);
    kg_status st = kg_corpus_build(*state, &src, &o, *g, tot, err);
    /* every document handed out was given back, merged or not */
    assert_int_equal(ms.released, ms.next);
    pthread_mutex_destroy(&ms.lock);
    return st;
}

/* The graph as kg build writes it. */
static char *graph_json(kg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    kg_error err = {0};
    assert_int_equal(kg_export_write(g, KG_FMT_JSON, f, &err), KG_OK);
    fclose(f);
    return buf;
}

static const doc_spec three[] = {
    {"a.txt", "a",
     "date 2024-03-01\nGerman Chancellor Olaf Scholz met French President Emmanuel Macron in "
     "Paris on Friday. Scholz said Germany would support France."},
    {"b.txt", "b",
     "The European Union criticised China over its trade policy. Chinese Foreign Minister "
     "Wang Yi rejected the criticism and accused the European Union of protectionism."},
    {"c.txt", "c",
     "Olaf Scholz visited Poland on Sunday, where he met Polish Prime Minister Donald Tusk. "
     "Tusk said Poland and Germany would work together."},
};

/* ---------------------------------------------------------------- tests */

static void test_corpus_graph_is_the_same_on_one_and_two_jobs(void **state)
{
    kg_graph *g1, *g2;
    seen h1, h2;
    kg_corpus_totals t1, t2;
    kg_error err = {0};
    assert_int_equal(build(state, three, 3, 1, false, &g1, &h1, &t1, &err), KG_OK);
    assert_int_equal(build(state, three, 3, 2, false, &g2, &h2, &t2, &err), KG_OK);
    assert_int_equal(t1.documents, 3);
    assert_int_equal(t2.documents, 3);
    assert_int_equal(t1.failed + t2.failed, 0);
    assert_int_equal(t1.workers, 1);
    assert_true(t2.workers >= 1 && t2.workers <= 2);
    assert_int_equal(t1.stats.sentences, t2.stats.sentences);
    assert_true(kg_graph_node_count(g1) >= 8);
    assert_true(kg_graph_edge_count(g1) >= 1);
    char *j1 = graph_json(g1), *j2 = graph_json(g2);
    assert_string_equal(j1, j2);
    /* reported in input order, each with its own name and mark */
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(h2.index[i], i);
        assert_int_equal(h2.status[i], KG_OK);
        assert_int_equal(h2.offset[i], 100 * (i + 1));
        assert_string_equal(h2.name[i], three[i].name);
        assert_true(h2.had_document[i]);
    }
    free(j1);
    free(j2);
    kg_graph_free(g1);
    kg_graph_free(g2);
}

/* Workers finish out of order (a long document among short ones); the
 * caller hears of each in input order. */
static void test_corpus_reports_documents_in_input_order(void **state)
{
    static char names[12][16], ids[12][8];
    doc_spec docs[12];
    for (size_t i = 0; i < 12; i++) {
        snprintf(names[i], sizeof names[i], "d%zu.txt", i);
        snprintf(ids[i], sizeof ids[i], "d%zu", i);
        docs[i] = (doc_spec){names[i], ids[i], i == 1 ? three[0].text : "Tusk met Scholz."};
    }
    kg_graph *g;
    seen h;
    kg_corpus_totals t;
    kg_error err = {0};
    assert_int_equal(build(state, docs, 12, 2, false, &g, &h, &t, &err), KG_OK);
    assert_int_equal(h.n, 12);
    for (size_t i = 0; i < 12; i++) {
        assert_int_equal(h.index[i], i);
        assert_string_equal(h.name[i], names[i]);
    }
    kg_graph_free(g);
}

static const doc_spec with_bad[] = {
    {"a.txt", "a", "Olaf Scholz met Emmanuel Macron in Paris."},
    {"empty.txt", "empty", ""},
    {"c.txt", "c", "Donald Tusk met Olaf Scholz in Warsaw."},
};

static void test_corpus_keep_going_reports_bad_document_by_index_and_skips_it(void **state)
{
    for (size_t jobs = 1; jobs <= 2; jobs++) {
        kg_graph *g;
        seen h;
        kg_corpus_totals t;
        kg_error err = {0};
        assert_int_equal(build(state, with_bad, 3, jobs, true, &g, &h, &t, &err), KG_OK);
        assert_int_equal(h.n, 3);
        assert_int_equal(h.index[1], 1);
        assert_int_equal(h.status[1], KG_ERR_INPUT);
        assert_string_equal(h.name[1], "empty.txt");
        assert_string_equal(h.message[1], "empty.txt: empty document");
        assert_false(h.had_document[1]);
        assert_int_equal(h.status[0], KG_OK);
        assert_int_equal(h.status[2], KG_OK);
        assert_int_equal(t.documents, 2);
        assert_int_equal(t.failed, 1);
        assert_int_equal(kg_graph_doc_count(g), 2);
        kg_graph_free(g);
    }
}

static void test_corpus_bad_document_ends_the_run_without_keep_going(void **state)
{
    for (size_t jobs = 1; jobs <= 2; jobs++) {
        kg_graph *g;
        seen h;
        kg_corpus_totals t;
        kg_error err = {0};
        assert_int_equal(build(state, with_bad, 3, jobs, false, &g, &h, &t, &err), KG_ERR_INPUT);
        assert_string_equal(err.message, "empty.txt: empty document");
        /* the document after it is never merged, nor reported */
        assert_int_equal(h.n, 2);
        assert_int_equal(h.status[1], KG_ERR_INPUT);
        assert_int_equal(t.documents, 1);
        assert_int_equal(t.failed, 1);
        assert_int_equal(kg_graph_doc_count(g), 1);
        kg_graph_free(g);
    }
}

/* A record the source could not read is reported with the source's own
 * status and message, and never extracted. */
static void test_corpus_source_error_is_reported_as_given(void **state)
{
    static const doc_spec docs[] = {
        {"in.jsonl:1", "r1", "Olaf Scholz met Emmanuel Macron."},
        {"in.jsonl:2", NULL, NULL},
        {"in.jsonl:3", "r3", "Donald Tusk met Olaf Scholz."},
    };
    kg_graph *g;
    seen h;
    kg_corpus_totals t;
    kg_error err = {0};
    assert_int_equal(build(state, docs, 3, 2, true, &g, &h, &t, &err), KG_OK);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.status[1], KG_ERR_INPUT);
    assert_string_equal(h.message[1], "in.jsonl:2:1: invalid JSON: not a record");
    assert_false(h.had_document[1]);
    assert_int_equal(t.documents, 2);
    kg_graph_free(g);
}

/* A second document with an earlier one's id is refused before the graph
 * changes: a bad document, its extraction kept in the result. */
static void test_corpus_document_with_a_taken_id_is_bad(void **state)
{
    static const doc_spec docs[] = {
        {"x/a.txt", "a", "Olaf Scholz met Emmanuel Macron."},
        {"y/a.txt", "a", "Donald Tusk met Olaf Scholz."},
    };
    kg_graph *g;
    seen h;
    kg_corpus_totals t;
    kg_error err = {0};
    assert_int_equal(build(state, docs, 2, 2, true, &g, &h, &t, &err), KG_OK);
    assert_int_equal(h.status[0], KG_OK);
    assert_int_equal(h.status[1], KG_ERR_INPUT);
    assert_true(h.had_document[1]);
    assert_non_null(strstr(h.message[1], "y/a.txt"));
    assert_int_equal(t.documents, 1);
    assert_int_equal(t.failed, 1);
    assert_int_equal(kg_graph_doc_count(g), 1);
    kg_graph_free(g);
}

static void test_corpus_empty_source_builds_nothing(void **state)
{
    kg_graph *g;
    seen h;
    kg_corpus_totals t;
    kg_error err = {0};
    assert_int_equal(build(state, three, 0, 2, false, &g, &h, &t, &err), KG_OK);
    assert_int_equal(h.n, 0);
    assert_int_equal(t.documents + t.failed, 0);
    assert_int_equal(kg_graph_doc_count(g), 0);
    kg_graph_free(g);
}

static void test_corpus_without_a_source_is_a_usage_error(void **state)
{
    kg_graph *g = kg_graph_new();
    kg_corpus_source src = {NULL, NULL, NULL, 0};
    kg_error err = {0};
    assert_int_equal(kg_corpus_build(*state, &src, NULL, g, NULL, &err), KG_ERR_USAGE);
    kg_graph_free(g);
}

/* ---------------------------------------------------------------- kg_init */

static void *init_twice(void *arg)
{
    (void)arg;
    kg_init();
    kg_init();
    return NULL;
}

static igraph_error_t odd_edges(void)
{
    igraph_vector_int_t v;
    igraph_t ig;
    igraph_vector_int_init(&v, 3); /* an edge list of odd length */
    igraph_error_t rc = igraph_create(&ig, &v, 0, IGRAPH_DIRECTED);
    if (rc == IGRAPH_SUCCESS)
        igraph_destroy(&ig);
    igraph_vector_int_destroy(&v);
    return rc;
}

static void custom_handler(const char *reason, const char *file, int line, igraph_error_t e)
{
    (void)reason;
    (void)file;
    (void)line;
    (void)e;
    IGRAPH_FINALLY_FREE();
}

static void test_init_is_idempotent_and_safe_from_several_threads(void **state)
{
    (void)state;
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, init_twice, NULL), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    kg_init();
    /* igraph's default handler would abort() here */
    assert_int_not_equal(odd_edges(), IGRAPH_SUCCESS);
    igraph_error_handler_t *was = igraph_set_error_handler(igraph_error_handler_ignore);
    assert_ptr_equal(was, igraph_error_handler_ignore);
}

/* An embedder's own handler, set after kg_init, stays. */
static void test_init_keeps_a_handler_set_after_it(void **state)
{
    (void)state;
    kg_init();
    igraph_set_error_handler(custom_handler);
    kg_init();
    kg_graph_free(kg_graph_new());
    igraph_error_handler_t *was = igraph_set_error_handler(igraph_error_handler_ignore);
    assert_ptr_equal(was, custom_handler);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_graph_is_the_same_on_one_and_two_jobs),
        cmocka_unit_test(test_corpus_reports_documents_in_input_order),
        cmocka_unit_test(test_corpus_keep_going_reports_bad_document_by_index_and_skips_it),
        cmocka_unit_test(test_corpus_bad_document_ends_the_run_without_keep_going),
        cmocka_unit_test(test_corpus_source_error_is_reported_as_given),
        cmocka_unit_test(test_corpus_document_with_a_taken_id_is_bad),
        cmocka_unit_test(test_corpus_empty_source_builds_nothing),
        cmocka_unit_test(test_corpus_without_a_source_is_a_usage_error),
        cmocka_unit_test(test_init_is_idempotent_and_safe_from_several_threads),
        cmocka_unit_test(test_init_keeps_a_handler_set_after_it),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
