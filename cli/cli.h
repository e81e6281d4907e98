/* cli.h - what the kg command's subcommands share.
 *
 * Each subcommand is a function over its own argc/argv (argv[0] is the
 * subcommand name) that parses its options with getopt_long and returns the
 * process exit status: 0 success, 1 "differences found" where a command has
 * that notion (diff), 2 trouble. */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "kg.h"

#define KG_EXIT_OK 0
#define KG_EXIT_TROUBLE 2

/* Prints "kg: MSG" on standard error and returns KG_EXIT_TROUBLE. */
int kg_cli_die(const char *msg);
/* Prints "kg: " + the formatted text and a hint to --help; returns KG_EXIT_TROUBLE. */
int kg_cli_usage_error(const char *fmt, const char *arg);
/* Loads the word lists and, if parser is set, the tagger and parser. */
kg_resources *kg_cli_load_resources(bool parser, kg_error *err);
/* Warns once on standard error if the reader replaced invalid UTF-8. */
void kg_cli_warn_invalid(const kg_document *d);
void kg_cli_warn_invalid_doc(const kg_doc *doc);
struct option;
/* For getopt_long's '?' or ':' (the option string starts with ':' and opterr
 * is 0): prints one line and returns KG_EXIT_TROUBLE:
 *   kg: build: unknown option '--fromat' (did you mean --format?)
 *   kg: build: unknown option '--bogus' (see 'kg build --help')
 *   kg: build: option '--format' needs a value (see 'kg build --help')
 * and "option '--quiet' takes no value", "option '--js' is ambiguous (--jsonl,
 * --json-style)".  The suggestion is the long option of longopts closest by
 * edit distance, when it is close; longopts may be NULL (no suggestion). */
int kg_cli_getopt_error(const char *cmd, int c, char **argv, const struct option *longopts);
/* The same without suggestions. */
int kg_cli_option_error(const char *cmd, int c, char **argv);

/* "document" when n is 1, else "documents": counts read "1 country". */
const char *kg_cli_plural(size_t n, const char *one, const char *many);
/* arg in ASCII lower case into buf (names of formats and styles are not
 * case-sensitive); false if it does not fit. */
bool kg_cli_lower(const char *arg, char *buf, size_t size);

/* A decimal number in [min, max] (digits only: no sign, space or suffix)
 * in *out; false if arg is not one. */
bool kg_cli_number(const char *arg, unsigned long long min, unsigned long long max,
                   unsigned long long *out);

/* Most output formats one command writes at once. */
#define KG_CLI_MAX_FORMATS 8
/* Parses --format's "json,dot,svg" into formats, each once ("json,json" is
 * json); cmd ("build") names the command in messages.  Returns KG_EXIT_OK or KG_EXIT_TROUBLE
 * (printed). */
int kg_cli_parse_formats(const char *cmd, const char *arg, kg_format *formats, size_t *n);
/* -o PREFIX names the outputs PREFIX.EXT, one a format, and csv's two
 * tables PREFIX.nodes.csv and PREFIX.edges.csv; with one format, a PREFIX
 * that ends in its extension is the file itself ("-o g.json": g.json; "-o
 * g.csv -f csv": g.nodes.csv and g.edges.csv).  "-o -" is standard output,
 * for one format other than csv. */
/* Whether an -o argument is "-", standard output. */
bool kg_cli_is_stdout(const char *output);
/* --json-style's STYLE, in any case, into *out; KG_EXIT_TROUBLE (printed,
 * naming every style) if it is none. */
int kg_cli_json_style(const char *cmd, const char *arg, kg_json_style *out);
/* For -o PREFIX: KG_EXIT_TROUBLE (printed) if the prefix's last part is
 * empty, "." or "..", so that no hidden ".json" is written. */
int kg_cli_check_prefix(const char *cmd, const char *prefix);
/* kg_cli_check_prefix, and for "-": KG_EXIT_TROUBLE (printed) with several
 * formats or with csv. */
int kg_cli_check_target(const char *cmd, const char *prefix, const kg_format *formats, size_t n);
/* KG_EXIT_TROUBLE (printed: "kg: OUT: would write over the input IN") if
 * output, or one of the files -o PREFIX names for the formats, is one of the
 * inputs. */
int kg_cli_check_not_input(const char *output, const char *const *inputs, size_t n);
int kg_cli_check_outputs(const char *prefix, const kg_format *formats, size_t n,
                         const char *const *inputs, size_t n_inputs);
/* KG_EXIT_TROUBLE (printed) if standard output was closed, for a command that
 * would report on it only after writing its files. */
int kg_cli_check_stdout(void);
/* Writes g (sorting it) to the files -o PREFIX names for the formats, or
 * to standard output for "-".  Every file goes to a temporary name first and
 * all are renamed into place only when all were written, so a failure leaves
 * no partial file and older files as they were.  Prints "wrote PATH" per
 * file unless quiet (never for "-"). */
int kg_cli_write_outputs(kg_graph *g, const char *prefix, const kg_format *formats, size_t n,
                         const kg_export_options *xo, bool quiet);

/* Where a command that prints its result writes it: standard output, or
 * with -o FILE a buffer that kg_cli_sink_close writes to FILE atomically, so
 * that a failed run leaves no partial file and an older one as it was. */
typedef struct kg_cli_sink {
    FILE *f;          /* write here */
    const char *path; /* NULL: standard output */
    char *data;
    size_t len;
} kg_cli_sink;
/* path NULL or "-": standard output. */
int kg_cli_sink_open(kg_cli_sink *s, const char *path);
/* With rc KG_EXIT_OK, writes the file (or checks standard output); returns
 * rc, or KG_EXIT_TROUBLE (printed) if that failed.  Frees the buffer. */
int kg_cli_sink_close(kg_cli_sink *s, int rc);

int kg_cmd_build(int argc, char **argv);
int kg_cmd_entities(int argc, char **argv);
int kg_cmd_triples(int argc, char **argv);
int kg_cmd_merge(int argc, char **argv);
int kg_cmd_stats(int argc, char **argv);
int kg_cmd_diff(int argc, char **argv);
int kg_cmd_parse(int argc, char **argv);
int kg_cmd_train(int argc, char **argv);

/* A line on standard output for each measure that large graphs get by a
 * cheaper method: betweenness estimated from some sources (above
 * KG_BETWEENNESS_EXACT_MAX_NODES nodes), communities by Leiden (above
 * KG_COMMUNITY_LOUVAIN_MAX_NODES); nothing on smaller graphs. */
void kg_cli_note_analysis(const kg_graph *g);
/* The same on out. */
void kg_cli_note_analysis_to(FILE *out, const kg_graph *g);

/* A kg_file_writer for bytes already in memory (what a command built in
 * a memory stream). */
typedef struct kg_cli_bytes {
    const char *data;
    size_t len;
} kg_cli_bytes;
kg_status kg_cli_write_bytes(const void *ctx, FILE *out, kg_error *err);

#endif
