/* diagram_options.h - the options that choose what kg's diagrams (dot, svg,
 * png) draw: --keep-isolated, --min-count, --types, --focus, --depth and
 * --layout, parsed into kg_export_options (docs/diagrams.md).  A command
 * puts KG_CLI_DIAGRAM_LONGOPTS in its option table, KG_CLI_DIAGRAM_USAGE in
 * its help, hands each of their values to kg_cli_diagram_option and, once
 * its formats are known, calls kg_cli_diagram_check. */
#ifndef KG_CLI_DIAGRAM_OPTIONS_H
#define KG_CLI_DIAGRAM_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "kg.h"

enum {
    KG_CLI_OPT_KEEP_ISOLATED = 0x1000,
    KG_CLI_OPT_MIN_COUNT,
    KG_CLI_OPT_TYPES,
    KG_CLI_OPT_FOCUS,
    KG_CLI_OPT_DEPTH,
    KG_CLI_OPT_LAYOUT,
};

#define KG_CLI_DIAGRAM_LONGOPTS                                                                    \
    {"keep-isolated", no_argument, NULL, KG_CLI_OPT_KEEP_ISOLATED},                                \
        {"min-count", required_argument, NULL, KG_CLI_OPT_MIN_COUNT},                              \
        {"types", required_argument, NULL, KG_CLI_OPT_TYPES},                                      \
        {"focus", required_argument, NULL, KG_CLI_OPT_FOCUS},                                      \
        {"depth", required_argument, NULL, KG_CLI_OPT_DEPTH},                                      \
    {                                                                                              \
        "layout", required_argument, NULL, KG_CLI_OPT_LAYOUT                                       \
    }

#define KG_CLI_DIAGRAM_USAGE                                                                       \
    "Diagrams (-f dot, svg, png; the other formats always hold the whole graph):\n"                \
    "      --keep-isolated     draw entities that no relation joins to another too\n"              \
    "                          (left out by default when there are several documents)\n"           \
    "      --min-count N       draw only relations that N or more sentences support\n"             \
    "      --types LIST        draw only these types, comma-separated: person,\n"                  \
    "                          organization, country, location\n"                                  \
    "      --focus ID          draw only what lies within --depth relations of the\n"              \
    "                          entity ID (its id in the JSON, as antony-blinken)\n"                \
    "      --depth N           for --focus, relations taken either way (default: 1)\n"             \
    "      --layout ENGINE     Graphviz engine for svg and png: dot (default), sfdp\n"             \
    "                          (default above 1000 entities drawn), neato, fdp, circo,\n"          \
    "                          twopi, osage or patchwork\n"

/* Which diagram options a command was given, for kg_cli_diagram_check. */
typedef struct kg_cli_diagram {
    const char *given; /* the first diagram option given ("--focus"), or NULL */
    bool depth;        /* --depth was given */
} kg_cli_diagram;

/* Parses option opt (KG_CLI_OPT_*) with its value arg into xo; returns
 * KG_EXIT_OK, or KG_EXIT_TROUBLE after one line on standard error
 * ("kg: build: --types: unknown type 'people' (person, ...)"). */
int kg_cli_diagram_option(const char *cmd, int opt, const char *arg, kg_export_options *xo,
                          kg_cli_diagram *d);
/* KG_EXIT_TROUBLE (one line printed) if a diagram option was given but no
 * diagram format, or --depth without --focus. */
int kg_cli_diagram_check(const char *cmd, const kg_cli_diagram *d, const kg_export_options *xo,
                         const kg_format *formats, size_t n);

#endif
