/* main.c - the kg command: dispatches to a subcommand, each in its own file
 * and each driving the library through its public API (kg.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char usage_text[] =
    "usage: kg COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Builds knowledge graphs of the people, organizations and countries in news articles.\n"
    "FILE is an English article in UTF-8 ('-' for standard input), optionally starting\n"
    "with 'date YYYY-MM-DD'.\n"
    "\n"
    "commands:\n"
    "  build FILE...      extract entities and relations and write the graph\n"
    "  entities FILE      list every entity mention\n"
    "  triples FILE       list every subject-relation-object triple\n"
    "  merge FILE.json... merge graphs written by kg build or kg merge\n"
    "  stats FILE.json    counts, rankings and communities of a graph\n"
    "  diff OLD NEW       what changed in meaning between two versions of an article\n"
    "  parse FILE         tag and parse English text: Universal Dependencies, CoNLL-U\n"
    "  train CONLLU...    train kg parse's tagger and parser on treebanks\n"
    "\n"
    "'kg COMMAND --help' describes a command's options.\n"
    "  -h, --help         show this help\n"
    "  -V, --version      show the version\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

/* clang-format off */
static const command commands[] = {
    {"build", kg_cmd_build},
    {"entities", kg_cmd_entities},
    {"triples", kg_cmd_triples},
    {"merge", kg_cmd_merge},
    {"stats", kg_cmd_stats},
    {"diff", kg_cmd_diff},
    {"parse", kg_cmd_parse},
    {"train", kg_cmd_train},
};
/* clang-format on */

/* A standard stream the caller closed (`>&-`) is given a descriptor that
 * refuses the same operations (/dev/null opened the other way), so the next
 * file kg opens cannot become "standard output": error messages or "wrote"
 * lines would land in a staged output, and reading "-" still fails with
 * "Bad file descriptor" as it did. */
static void hold_closed_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        int got = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (got >= 0 && got != fd) { /* a lower one was closed too and took it */
            dup2(got, fd);
            close(got);
        }
    }
}

int main(int argc, char **argv)
{
    hold_closed_streams();
    /* an interrupted write removes its temporary files */
    kg_file_cleanup_on_signals();
    /* igraph must return its errors rather than abort; jansson seeded
     * before any worker thread starts (kg/setup.h) */
    kg_init();
    if (argc < 2)
        return kg_cli_usage_error("%s", "no command given");
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(usage_text, stdout);
        /* where this kg reads its word lists and models, so an installed
         * one can be checked, and the variables that move them */
        char *data = NULL, *models = NULL;
        if (kg_resources_data_dir(&data, NULL) == KG_OK &&
            kg_resources_model_dir(&models, NULL) == KG_OK)
            printf("\nword lists: %s (set KG_DATA_DIR to use others)\n"
                   "models:     %s (set KG_MODEL_DIR to use others)\n",
                   data, models);
        free(data);
        free(models);
        return KG_EXIT_OK;
    }
    if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
        printf("kg %s\n", KG_VERSION);
        return KG_EXIT_OK;
    }
    int rc = -1;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            rc = commands[i].run(argc - 1, argv + 1);
    if (rc < 0)
        rc = kg_cli_usage_error("unknown command '%s'", argv[1]);
    /* a failed write earlier may have emptied stdio's buffer, so the final
     * flush can succeed; the error flag remembers it */
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc == KG_EXIT_OK)
        rc = kg_cli_die("cannot write to standard output");
    return rc;
}
