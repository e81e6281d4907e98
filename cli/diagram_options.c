/* diagram_options.c - see diagram_options.h.
 *
 * Every message is one line naming the option and the value at fault; the
 * values are checked here, before any document is read, except --focus's id,
 * which only the graph can tell (the exporter refuses an id no node has, and
 * the command reports that as any other failed output). */
#include "diagram_options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_DEPTH 1000

/* "kg: CMD: " + the formatted text, as one line. */
static int say(const char *cmd, const char *fmt, const char *opt, const char *arg)
{
    char msg[512], text[448];
    snprintf(text, sizeof text, fmt, opt, arg);
    snprintf(msg, sizeof msg, "%s: %s", cmd, text);
    return kg_cli_die(msg);
}

static int parse_types(const char *cmd, const char *arg, unsigned *types)
{
    char list[256];
    if (!*arg || !kg_cli_lower(arg, list, sizeof list))
        return say(cmd,
                   "%s wants a list of types (person, organization, country, location), "
                   "not '%s'",
                   "--types", arg);
    *types = 0;
    for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        kg_entity_type type;
        if (!kg_entity_type_parse(t, &type))
            return say(cmd, "%s: unknown type '%s' (person, organization, country or location)",
                       "--types", t);
        *types |= 1u << (unsigned)type;
    }
    if (!*types)
        return say(cmd,
                   "%s wants a list of types (person, organization, country, location), "
                   "not '%s'",
                   "--types", arg);
    return KG_EXIT_OK;
}

int kg_cli_diagram_option(const char *cmd, int opt, const char *arg, kg_export_options *xo,
                          kg_cli_diagram *d)
{
    static const char *const names[] = {"--keep-isolated", "--min-count", "--types",
                                        "--focus",         "--depth",     "--layout"};
    int k = opt - KG_CLI_OPT_KEEP_ISOLATED;
    if (k < 0 || k >= (int)(sizeof names / sizeof names[0]))
        return kg_cli_die("internal error: not a diagram option");
    if (!d->given)
        d->given = names[k];
    unsigned long long v = 0;
    switch (opt) {
    case KG_CLI_OPT_KEEP_ISOLATED:
        xo->isolated = KG_ISOLATED_KEEP;
        return KG_EXIT_OK;
    case KG_CLI_OPT_MIN_COUNT:
        if (!kg_cli_number(arg, 1, KG_COUNT_MAX, &v))
            return say(cmd, "%s wants a positive number of sentences, not '%s'", names[k], arg);
        xo->min_count = (size_t)v;
        return KG_EXIT_OK;
    case KG_CLI_OPT_TYPES:
        return parse_types(cmd, arg, &xo->types);
    case KG_CLI_OPT_FOCUS:
        if (!*arg)
            return say(cmd, "%s wants an entity id (as antony-blinken), not '%s'", names[k], arg);
        xo->focus = arg;
        return KG_EXIT_OK;
    case KG_CLI_OPT_DEPTH:
        if (!kg_cli_number(arg, 0, MAX_DEPTH, &v))
            return say(cmd, "%s wants a number of relations from 0 to 1000, not '%s'", names[k],
                       arg);
        xo->depth = (size_t)v;
        d->depth = true;
        return KG_EXIT_OK;
    default: /* KG_CLI_OPT_LAYOUT */
        if (!kg_export_layout_known(arg))
            return say(cmd,
                       "%s: unknown Graphviz engine '%s' (dot, sfdp, neato, fdp, circo, twopi, "
                       "osage or patchwork)",
                       names[k], arg);
        xo->layout = arg;
        return KG_EXIT_OK;
    }
}

int kg_cli_diagram_check(const char *cmd, const kg_cli_diagram *d, const kg_export_options *xo,
                         const kg_format *formats, size_t n)
{
    if (d->depth && !xo->focus)
        return say(cmd, "%s%s needs --focus ID", "--depth", "");
    bool diagram = false;
    for (size_t i = 0; i < n; i++)
        diagram = diagram || formats[i] == KG_FMT_DOT || formats[i] == KG_FMT_SVG ||
                  formats[i] == KG_FMT_PNG;
    if (d->given && !diagram)
        return say(cmd, "%s changes only the diagrams, and no -f dot, svg or png was asked for%s",
                   d->given, "");
    return KG_EXIT_OK;
}
