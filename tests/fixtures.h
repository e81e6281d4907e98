/* fixtures.h - what every test file needs: cmocka and the library. */
#ifndef KG_TEST_FIXTURES_H
#define KG_TEST_FIXTURES_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "kg.h"

#endif
