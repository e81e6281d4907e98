/* doc_case.h - what the tests that run short texts of their own through
 * kg_extract_buffer share: the resources (loaded once per test group, with
 * the parser when DOC_CASE_PARSER is true), and the CASE harness that
 * extracts a text and checks each expectation with the including file's
 * check_expectation(d, x). */
#ifndef KG_DOC_CASE_H
#define KG_DOC_CASE_H

#include <stdio.h>
#include <string.h>

#include "fixtures.h"

#ifndef DOC_CASE_PARSER
#define DOC_CASE_PARSER false
#endif

static kg_resources *res;

static int setup(void **state)
{
    (void)state;
    kg_error err = {0};
    kg_resources_options o = {NULL, DOC_CASE_PARSER};
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

/* Every mention of d on standard error, for a failing case. */
static __attribute__((unused)) void dump_mentions(const kg_document *d)
{
    size_t n, nm;
    const kg_entity *e = kg_document_entities(d, &n);
    const kg_mention *m = kg_document_mentions(d, &nm);
    for (size_t i = 0; i < nm; i++)
        fprintf(stderr, "  mention '%s' @%zu -> %s (%s, %s)\n", m[i].text, m[i].start,
                e[m[i].entity].name, kg_entity_type_name(e[m[i].entity].type),
                kg_resolution_name(m[i].how));
}

static void check_expectation(const kg_document *d, const char *x);

static void check_case(const char *text, const char *const *expect)
{
    kg_error err = {0};
    kg_document *d = NULL;
    kg_extract_options o;
    kg_extract_options_init(&o);
    if (kg_extract_buffer(res, &o, "case", text, strlen(text), &d, &err) != KG_OK)
        fail_msg("%s", err.message);
    for (size_t i = 0; expect[i]; i++)
        check_expectation(d, expect[i]);
    kg_document_free(d);
}

#define CASE(name, text, ...)                                                                      \
    static void name(void **state)                                                                 \
    {                                                                                              \
        (void)state;                                                                               \
        check_case(text, (const char *const[]){__VA_ARGS__, NULL});                                \
    }

#endif
