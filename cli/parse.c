/* parse.c - `kg parse`: text or CoNLL-U to tagged and parsed CoNLL-U.
 *
 * The command only chooses the input and the output: the model (kg/parse.h)
 * splits, tokenizes, tags and parses.  A text file is read whole by the
 * library's reader (UTF-8 repair, NUL refusal, a leading `date` header
 * skipped) and parsed before anything is written; a CoNLL-U file is annotated
 * sentence by sentence as the library reads it.  With -o the output goes to a
 * temporary file renamed into place only when all of it was written, so a
 * failure leaves no partial file and an older one as it was (CoNLL-U is
 * annotated into memory first, so that an error in the input never creates
 * the output file).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli.h"

static const char parse_usage[] =
    "usage: kg parse [OPTIONS] FILE\n"
    "Splits FILE (UTF-8 text, '-' for standard input) into sentences and Universal\n"
    "Dependencies tokens, tags and lemmatizes them and parses each sentence; writes\n"
    "CoNLL-U.  A leading 'date YYYY-MM-DD' line is skipped.\n"
    "  -f, --format F      output format: conllu (the default and only one; any case)\n"
    "      --input KIND    text (default) or conllu: keep FILE's sentences, words,\n"
    "                      comments, multiword-token and MISC columns, and fill in\n"
    "                      LEMMA, UPOS, XPOS, HEAD and DEPREL\n"
    "  -o, --output FILE   write FILE ('-': standard output, the default); it appears\n"
    "                      only when complete\n"
    "  -m, --model PATH    the model (default: $KG_MODEL_DIR/" KG_UD_MODEL_FILE ", else the\n"
    "                      models folder kg was built with)\n"
    "  -q, --quiet         no warnings (invalid UTF-8 repaired), only errors\n"
    "      --stats         one line on standard error: model, load seconds (wall),\n"
    "                      sentences, tokens, CPU seconds to tokenize, tag and parse,\n"
    "                      and tokens per CPU second of tagging and parsing\n"
    "  -h, --help          show this help\n"
    "exit status: 0 written; 2 trouble (a message names the file and line).\n";

typedef struct parse_opts {
    const char *file;
    const char *output; /* NULL: standard output */
    const char *model;  /* NULL: the default model */
    bool conllu_in;
    bool stats;
    bool quiet;
} parse_opts;

enum { OPT_INPUT = 256, OPT_STATS };

/* Returns -1 to go on, else the exit status. */
static int parse_parse_options(int argc, char **argv, parse_opts *o)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"input", required_argument, NULL, OPT_INPUT},
        {"output", required_argument, NULL, 'o'}, {"model", required_argument, NULL, 'm'},
        {"stats", no_argument, NULL, OPT_STATS},  {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":f:o:m:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcasecmp(optarg, "conllu") != 0) {
                fprintf(stderr, "kg: parse: unknown format '%s' (conllu)\n", optarg);
                return KG_EXIT_TROUBLE;
            }
            break;
        case OPT_INPUT:
            if (strcasecmp(optarg, "text") != 0 && strcasecmp(optarg, "conllu") != 0) {
                fprintf(stderr, "kg: parse: unknown input kind '%s' (text, conllu)\n", optarg);
                return KG_EXIT_TROUBLE;
            }
            o->conllu_in = !strcasecmp(optarg, "conllu");
            break;
        case 'o':
            o->output = strcmp(optarg, "-") ? optarg : NULL;
            break;
        case 'm':
            o->model = optarg;
            break;
        case OPT_STATS:
            o->stats = true;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            fputs(parse_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error("parse", c, argv, longopts);
        }
    }
    if (argc - optind != 1) {
        fprintf(stderr, "kg: parse: give exactly one FILE ('-' for standard input)\n");
        return KG_EXIT_TROUBLE;
    }
    o->file = argv[optind];
    if (o->output && !*o->output) {
        fprintf(stderr, "kg: parse: -o needs a file name\n");
        return KG_EXIT_TROUBLE;
    }
    if (o->output && kg_cli_check_not_input(o->output, &o->file, 1) != KG_EXIT_OK)
        return KG_EXIT_TROUBLE;
    return -1;
}

/* ------------------------------------------------------------ writers */

/* The parsed text, for kg_ud_write_conllu; a kg_file_writer's context. */
typedef struct text_job {
    const char *text; /* the body the sentences point into */
    const kg_ud_sentence *sentences;
    size_t n;
    const char *prefix; /* sent_id prefix: the document id */
} text_job;

static kg_status write_text(const void *ctx, FILE *out, kg_error *err)
{
    const text_job *j = ctx;
    return kg_ud_write_conllu(out, j->text, j->sentences, j->n, j->prefix, 1, err);
}

static kg_status stdout_error(kg_error *err)
{
    if (fflush(stdout) != 0 || ferror(stdout))
        return kg_error_set(err, KG_ERR_IO, "cannot write to standard output");
    return KG_OK;
}

/* Annotates the CoNLL-U file onto standard output, or into memory and then
 * into -o's file: the staged writer would put the output's name before a
 * message about the input, and an input error should cost no output file. */
static kg_status annotate_file(const parse_opts *o, const kg_ud_model *m, kg_ud_stats *stats,
                               kg_error *err)
{
    if (!o->output) {
        kg_status st = kg_ud_annotate_conllu(m, o->file, stdout, stats, err);
        return st == KG_OK ? stdout_error(err) : st;
    }
    kg_cli_bytes b = {NULL, 0};
    char *data = NULL;
    FILE *mem = open_memstream(&data, &b.len);
    if (!mem)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", o->file);
    kg_status st = kg_ud_annotate_conllu(m, o->file, mem, stats, err);
    if (fclose(mem) != 0 && st == KG_OK)
        st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", o->file);
    b.data = data;
    if (st == KG_OK)
        st = kg_file_write_atomic(o->output, kg_cli_write_bytes, &b, err);
    free(data);
    return st;
}

/* ------------------------------------------------------------ the run */

static double wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reads and parses the text file, then writes it. */
static kg_status parse_text_file(const parse_opts *o, const kg_ud_model *m, kg_ud_stats *stats,
                                 kg_error *err)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", o->file);
    kg_doc doc;
    kg_status st = kg_doc_read_file(a, o->file, 0, &doc, err);
    char *id = NULL;
    text_job j = {0};
    if (st == KG_OK) {
        if (!o->quiet)
            kg_cli_warn_invalid_doc(&doc);
        kg_ud_sentence *sentences = NULL;
        j.text = doc.text;
        st =
            kg_ud_parse_text(m, a, doc.text, doc.body_start, doc.len, &sentences, &j.n, stats, err);
        j.sentences = sentences;
    }
    if (st == KG_OK && !(id = kg_extract_doc_id(o->file, false)))
        st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", o->file);
    if (st == KG_OK) {
        j.prefix = id;
        if (o->output)
            st = kg_file_write_atomic(o->output, write_text, &j, err);
        else if ((st = write_text(&j, stdout, err)) == KG_OK)
            st = stdout_error(err);
    }
    free(id);
    kg_arena_free(a);
    return st;
}

static void print_stats(const kg_ud_model *m, double load_s, const kg_ud_stats *s)
{
    double work = s->tag_s + s->parse_s;
    fprintf(stderr,
            "stats model=\"%s\" load_s=%.3f sentences=%zu tokens=%zu tokenize_s=%.4f "
            "tag_s=%.4f parse_s=%.4f tokens_per_s=%.0f\n",
            kg_ud_model_name(m), load_s, s->sentences, s->tokens, s->tokenize_s, s->tag_s,
            s->parse_s, work > 0 ? (double)s->tokens / work : 0.0);
}

int kg_cmd_parse(int argc, char **argv)
{
    parse_opts o;
    int rc = parse_parse_options(argc, argv, &o);
    if (rc >= 0)
        return rc;
    kg_error err = {0};
    kg_ud_model *m = NULL;
    double t0 = wall_now();
    if (kg_ud_model_load(o.model, &m, &err) != KG_OK)
        return kg_cli_die(err.message);
    double load_s = wall_now() - t0;
    kg_ud_stats stats = {0};
    kg_status st =
        o.conllu_in ? annotate_file(&o, m, &stats, &err) : parse_text_file(&o, m, &stats, &err);
    rc = st == KG_OK ? KG_EXIT_OK : kg_cli_die(err.message);
    if (o.stats && st == KG_OK)
        print_stats(m, load_s, &stats);
    if (m)
        kg_ud_model_free(m);
    return rc;
}
