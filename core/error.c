/* error.c - formatting of kg_error reports. */
#include "kg/base.h"

#include <stdio.h>
#include <string.h>

kg_status kg_error_setv(kg_error *err, kg_status status, const char *fmt, va_list ap)
{
    if (err) {
        err->status = status;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
    }
    return status;
}

kg_status kg_error_set(kg_error *err, kg_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kg_error_setv(err, status, fmt, ap);
    va_end(ap);
    return status;
}

void kg_error_clear(kg_error *err)
{
    if (err) {
        err->status = KG_OK;
        err->message[0] = '\0';
    }
}
