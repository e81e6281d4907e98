/* conllu.h - CoNLL-U treebank files, read whole into an arena.
 *
 * A sentence keeps every line it was given: comments, word lines,
 * multiword-token ranges ("2-3 don't") and empty nodes ("8.1"), so that a file
 * can be written back with new annotation and still line up with its gold
 * version.  Word lines are also collected, in order, as kg_conllu_word with
 * the ten columns split.  HEAD is checked to be a word of the sentence or 0;
 * any line that does not have ten tab-separated columns, an ID out of order
 * or a HEAD out of range is an error "PATH:LINE: ...".
 */
#ifndef KG_CONLLU_H
#define KG_CONLLU_H

#include <stdbool.h>
#include <stdio.h>

#include "kg/base.h"

typedef struct kg_conllu_word {
    const char *form, *lemma, *upos, *xpos, *feats, *deprel, *deps, *misc;
    size_t head;          /* 0 root, else 1-based word index */
    size_t line;          /* in the file, for messages */
} kg_conllu_word;

typedef enum kg_conllu_line_kind {
    KG_CONLLU_COMMENT,    /* "# text = ..." */
    KG_CONLLU_WORD,       /* index into words */
    KG_CONLLU_OTHER       /* a multiword-token range or an empty node, kept verbatim */
} kg_conllu_line_kind;

typedef struct kg_conllu_line {
    kg_conllu_line_kind kind;
    const char *text;     /* the line without its newline (comments and others) */
    size_t word;          /* KG_CONLLU_WORD: index into words */
} kg_conllu_line;

typedef struct kg_conllu_sentence {
    kg_conllu_line *lines;
    size_t n_lines;
    kg_conllu_word *words;
    size_t n_words;
    const char *text;     /* the "# text = " comment's value, or NULL */
} kg_conllu_sentence;

/* Reads the file at path ("-": standard input) into sentences[0..n). */
kg_status kg_conllu_read_file(kg_arena *a, const char *path, kg_conllu_sentence **out, size_t *n,
                              kg_error *err);
/* Same over a buffer (need not be NUL-terminated); name is for messages. */
kg_status kg_conllu_read_buffer(kg_arena *a, const char *name, const char *data, size_t len,
                                kg_conllu_sentence **out, size_t *n, kg_error *err);

/* Writes s back: lines in their order, word lines from s->words.  Returns
 * false if a write failed. */
bool kg_conllu_write_sentence(FILE *f, const kg_conllu_sentence *s);

#endif
