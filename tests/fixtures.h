/* fixtures.h - what every test file needs: cmocka and the library. */
#ifndef KG_TEST_FIXTURES_H
#define KG_TEST_FIXTURES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>

#include "kg.h"

/* cmocka group setup and teardown with the resources in *state: the word
 * lists, and the tagger and parser when parser is true. */
static inline int kg_test_resources_setup(void **state, bool parser)
{
    kg_resources_options o = {NULL, parser};
    kg_resources *r = NULL;
    kg_error err = {0};
    if (kg_resources_load(&o, &r, &err) != KG_OK) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    *state = r;
    return 0;
}

static inline int kg_test_resources_teardown(void **state)
{
    kg_resources_free(*state);
    return 0;
}

#endif
