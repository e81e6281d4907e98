/* test_extract.c - the pipeline's own checks on what it is handed
 * (kg_extract_text): ids and dates given beside the text. */
#include "fixtures.h"

#include <stdio.h>
#include <string.h>

static int setup(void **state)
{
    return kg_test_resources_setup(state, false);
}

static int teardown(void **state)
{
    return kg_test_resources_teardown(state);
}

static kg_status extract_with_id(void **state, const char *id, kg_document **d, kg_error *err)
{
    const char *text = "Antony Blinken met Benjamin Netanyahu.";
    kg_extract_input in = {.name = "corpus.jsonl:3", .id = id, .data = text, .len = strlen(text)};
    *d = NULL;
    return kg_extract_text(*state, NULL, &in, d, err);
}

/* It stopped `kg build --jsonl` with "graph: a document needs an id",
 * naming no record. */
static void test_extract_refuses_an_empty_document_id(void **state)
{
    kg_document *d;
    kg_error err = {0};
    assert_int_equal(extract_with_id(state, "", &d, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "corpus.jsonl:3: the document id is empty");
    assert_null(d);
}

/* Ids go to JSON and XML, which hold only UTF-8. */
static void test_extract_id_that_is_not_utf8_is_repaired(void **state)
{
    kg_document *d;
    kg_error err = {0};
    assert_int_equal(extract_with_id(state, "caf\351-1", &d, &err), KG_OK);
    assert_string_equal(kg_document_doc(d)->id, "caf\xEF\xBF\xBD-1");
    kg_document_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_refuses_an_empty_document_id),
        cmocka_unit_test(test_extract_id_that_is_not_utf8_is_repaired),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
