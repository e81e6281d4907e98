/* train.c - `kg train`: CoNLL-U treebanks to the tagger and parser model.
 *
 * Training is the library's (kg_ud_train, deterministic for a seed); the
 * command takes the files and the numbers, logs progress to standard error
 * and saves the model, which appears only when complete.  The treebanks are
 * always named on the command line (`make model` names the UD English ones),
 * so no data path is built into the program. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char train_usage[] =
    "usage: kg train [OPTIONS] FILE.conllu...\n"
    "Trains the tagger and the dependency parser on CoNLL-U treebanks and saves the\n"
    "model (`make model` trains on UD English-EWT and GUM train).  The same files,\n"
    "options and seed give a byte-identical model.\n"
    "  -o, --output PATH       the model file (default: where kg parse looks,\n"
    "                          $KG_MODEL_DIR/" KG_UD_MODEL_FILE ", else\n"
    "                          BIN/../share/kg/models/" KG_UD_MODEL_FILE " if that exists,\n"
    "                          else " KG_MODELDIR "/" KG_UD_MODEL_FILE ")\n"
    "      --tagger-epochs N   passes of the tagger over the data (default 8)\n"
    "      --parser-epochs N   passes of the parser (default 10)\n"
    "      --folds N           jackknife folds for the parser's training tags\n"
    "                          (default 5; 1: train the parser on gold tags)\n"
    "      --seed N            shuffling seed (default: the library's)\n"
    "      --name TEXT         description stored in the model\n"
    "      --min-updates N     keep the features at least N updates touched\n"
    "                          (default 2)\n"
    "      --wordnet DIR       WordNet's dictionary files, for the tagger's word\n"
    "                          classes (default /usr/share/wordnet; 'none': without)\n"
    "      --dev FILE          score the parser on FILE (CoNLL-U, gold tokens) after\n"
    "                          every epoch; never trained on (repeatable)\n"
    "      --ner               train the named-entity tagger instead, on GUM's entity\n"
    "                          annotation (`make model-ner`); the default output is\n"
    "                          " KG_NER_MODEL_FILE " beside the parser model; --dev scores\n"
    "                          its spans per class after every epoch\n"
    "      --ner-epochs N      passes of the NER tagger over the data (default 10)\n"
    "  -q, --quiet             no progress lines\n"
    "  -h, --help              show this help\n"
    "exit status: 0 model written; 2 trouble, nothing written.\n";

enum {
    OPT_TAGGER_EPOCHS = 256,
    OPT_PARSER_EPOCHS,
    OPT_FOLDS,
    OPT_SEED,
    OPT_NAME,
    OPT_DEV,
    OPT_MIN_UPDATES,
    OPT_WORDNET,
    OPT_NER,
    OPT_NER_EPOCHS
};

#define MAX_DEV_FILES 8

typedef struct train_opts {
    kg_ud_train_options to;
    const char *dev[MAX_DEV_FILES];
    const char *output; /* NULL: the default model path */
    bool quiet;
    bool ner; /* the NER tagger (kg_ner_train_files) instead of kg_ud_train */
    int ner_epochs;
} train_opts;

/* Sets an int option from a number in [1, max]; false (printed) if it is not one. */
static bool set_count(const char *name, const char *arg, unsigned long max, int *field)
{
    unsigned long long v;
    if (!kg_cli_number(arg, 1, max, &v)) {
        fprintf(stderr, "kg: train: %s wants a number from 1 to %lu, not '%s'\n", name, max, arg);
        return false;
    }
    *field = (int)v;
    return true;
}

/* Returns -1 to go on, else the exit status. */
static int parse_train_options(int argc, char **argv, train_opts *o)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"tagger-epochs", required_argument, NULL, OPT_TAGGER_EPOCHS},
        {"parser-epochs", required_argument, NULL, OPT_PARSER_EPOCHS},
        {"folds", required_argument, NULL, OPT_FOLDS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"name", required_argument, NULL, OPT_NAME},
        {"dev", required_argument, NULL, OPT_DEV},
        {"min-updates", required_argument, NULL, OPT_MIN_UPDATES},
        {"wordnet", required_argument, NULL, OPT_WORDNET},
        {"ner", no_argument, NULL, OPT_NER},
        {"ner-epochs", required_argument, NULL, OPT_NER_EPOCHS},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    kg_ud_train_options_init(&o->to);
    o->ner_epochs = 10;
    opterr = 0;
    int c;
    bool ok = true;
    while (ok && (c = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case OPT_TAGGER_EPOCHS:
            ok = set_count("--tagger-epochs", optarg, 1000, &o->to.tagger_epochs);
            break;
        case OPT_PARSER_EPOCHS:
            ok = set_count("--parser-epochs", optarg, 1000, &o->to.parser_epochs);
            break;
        case OPT_FOLDS:
            ok = set_count("--folds", optarg, 100, &o->to.folds);
            break;
        case OPT_SEED: {
            unsigned long long seed = 0;
            if (!kg_cli_number(optarg, 0, ULONG_MAX, &seed)) {
                fprintf(stderr, "kg: train: --seed wants a number, not '%s'\n", optarg);
                ok = false;
            }
            o->to.seed = (unsigned long)seed;
            break;
        }
        case OPT_NAME:
            o->to.name = optarg;
            break;
        case OPT_DEV:
            if (o->to.n_dev_files == MAX_DEV_FILES) {
                fprintf(stderr, "kg: train: at most %d --dev files\n", MAX_DEV_FILES);
                ok = false;
            } else
                o->dev[o->to.n_dev_files++] = optarg;
            break;
        case OPT_MIN_UPDATES: {
            int v = 0;
            ok = set_count("--min-updates", optarg, 1000, &v);
            o->to.min_updates = (unsigned)v;
            break;
        }
        case OPT_WORDNET:
            o->to.wordnet_dir = strcmp(optarg, "none") == 0 ? NULL : optarg;
            break;
        case OPT_NER:
            o->ner = true;
            break;
        case OPT_NER_EPOCHS:
            ok = set_count("--ner-epochs", optarg, 1000, &o->ner_epochs);
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            fputs(train_usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_option_error("train", c, argv);
        }
    }
    if (!ok)
        return KG_EXIT_TROUBLE;
    if (optind >= argc) {
        fprintf(stderr, "kg: train: give the CoNLL-U training files (make model names the UD "
                        "English ones)\n");
        return KG_EXIT_TROUBLE;
    }
    if (o->output && !*o->output) {
        fprintf(stderr, "kg: train: -o needs a file name\n");
        return KG_EXIT_TROUBLE;
    }
    o->to.dev_files = o->dev;
    o->to.files = (const char *const *)(argv + optind);
    o->to.n_files = (size_t)(argc - optind);
    o->to.log = o->quiet ? NULL : stderr;
    return -1;
}

/* Where kg_ud_model_load(NULL) or the typer's loader looks, malloc'd (NULL:
 * out of memory). */
static char *default_model_path(const char *file)
{
    char *dir = NULL;
    if (kg_resources_model_dir(&dir, NULL) != KG_OK)
        return NULL;
    size_t n = strlen(dir) + 1 + strlen(file) + 1;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%s", dir, file);
    free(dir);
    return path;
}

/* kg train --ner: the typer, trained with the word lists kg loads to find
 * entities, then the file. */
static int train_ner(const train_opts *o, const char *path)
{
    kg_ner_training no;
    kg_ner_training_init(&no);
    no.files = o->to.files;
    no.n_files = o->to.n_files;
    no.dev_files = o->to.dev_files;
    no.n_dev_files = o->to.n_dev_files;
    no.epochs = o->ner_epochs;
    if (o->to.min_updates)
        no.min_updates = o->to.min_updates;
    no.seed = o->to.seed;
    no.name = o->to.name;
    no.log = o->to.log;
    kg_error err = {0};
    kg_ner *m = NULL;
    int rc = KG_EXIT_OK;
    if (kg_ner_train_files(&no, &m, &err) != KG_OK || kg_ner_save(m, path, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    if (rc == KG_EXIT_OK && !o->quiet)
        printf("wrote %s (%s)\n", path, kg_ner_name(m));
    kg_ner_free(m);
    return rc;
}

int kg_cmd_train(int argc, char **argv)
{
    train_opts o;
    int rc = parse_train_options(argc, argv, &o);
    if (rc >= 0)
        return rc;
    char *own = o.output ? NULL : default_model_path(o.ner ? KG_NER_MODEL_FILE : KG_UD_MODEL_FILE);
    const char *path = o.output ? o.output : own;
    if (!path)
        return kg_cli_die("out of memory");
    if (o.ner) {
        rc = train_ner(&o, path);
        free(own);
        return rc;
    }
    kg_error err = {0};
    kg_ud_model *m = NULL;
    if (kg_ud_train(&o.to, &m, &err) != KG_OK || kg_ud_model_save(m, path, &err) != KG_OK)
        rc = kg_cli_die(err.message);
    else
        rc = KG_EXIT_OK;
    if (rc == KG_EXIT_OK && !o.quiet)
        printf("wrote %s (%s)\n", path, kg_ud_model_name(m));
    if (m)
        kg_ud_model_free(m);
    free(own);
    return rc;
}
