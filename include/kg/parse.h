/* kg/parse.h - part-of-speech tags, lemmas and Universal Dependencies trees.
 *
 * A kg_ud_model is a trained tagger (averaged perceptron, UPOS and Penn XPOS)
 * and a greedy transition-based dependency parser (arc-hybrid, dynamic oracle,
 * averaged perceptron) with UD English relation labels.  It is loaded once per
 * process and afterwards only read, so one instance serves any number of
 * threads; every call takes the caller's arena for what it returns.
 *
 *   kg_ud_model_load    models/en-ud.kgm (or a path) -> model
 *   kg_ud_parse_text    raw text -> sentences of UD tokens, tagged and parsed
 *   kg_ud_annotate      word forms of one sentence -> lemma, tags, tree
 *   kg_ud_train         CoNLL-U treebanks -> model (deterministic)
 */
#ifndef KG_PARSE_H
#define KG_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kg/base.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_ud_model kg_ud_model;

typedef struct kg_ud_word {
    const char *form;     /* as written: the token's bytes */
    const char *lemma;    /* predicted */
    const char *upos;     /* "NOUN" */
    const char *xpos;     /* "NN" */
    size_t head;          /* 0 for the root, else the 1-based index of the head word */
    const char *deprel;   /* UD relation with subtype: "nsubj", "obl:tmod" */
    /* kg_ud_parse_text only (0 otherwise): where the token stands in the text */
    size_t start, end;    /* bytes, end exclusive */
    size_t cp_start, cp_end; /* code points */
    bool space_after;     /* whitespace follows the token (SpaceAfter=No when false) */
} kg_ud_word;

typedef struct kg_ud_sentence {
    kg_ud_word *words;
    size_t n;
    size_t start, end;    /* bytes of the sentence in the text */
} kg_ud_sentence;

/* The model's file name in the models folder. */
#define KG_UD_MODEL_FILE "en-ud.kgm"

/* path NULL: $KG_MODEL_DIR/en-ud.kgm when that is set, else the models folder
 * the library was built with.  A file that is not a kg model, of another
 * format version, or cut short is a KG_ERR_INPUT naming the file. */
kg_status kg_ud_model_load(const char *path, kg_ud_model **out, kg_error *err);
/* Writes the model to a temporary file beside path and renames it into
 * place, so a failure leaves no partial file. */
kg_status kg_ud_model_save(const kg_ud_model *m, const char *path, kg_error *err);
void kg_ud_model_free(kg_ud_model *m);
/* What the model says of itself: "en-ud 1 (UD_English-EWT train + GUM CC BY train)". */
const char *kg_ud_model_name(const kg_ud_model *m);
/* What tells this model's output from another's, for caches of it: the name,
 * the file's size and modification time ("en-ud 1 (...) 47878408
 * 1764686000.123456789"); the name alone for a model not loaded from a file. */
const char *kg_ud_model_id(const kg_ud_model *m);

/* What annotating cost, added up over calls: CPU seconds of the calling
 * thread (CLOCK_THREAD_CPUTIME_ID). */
typedef struct kg_ud_stats {
    size_t sentences;
    size_t tokens;
    double tokenize_s;    /* sentence splitting and tokenizing (raw text only) */
    double tag_s;         /* tags and lemmas */
    double parse_s;       /* trees */
} kg_ud_stats;

/* Fills lemma, upos, xpos, head and deprel of words[0..n) from their forms
 * (which must be set).  Strings point into the model or the arena.  The tree
 * is always complete: exactly one word has head 0, and every head chain
 * reaches it.  n may be 0.  stats (may be NULL) is added to. */
kg_status kg_ud_annotate(const kg_ud_model *m, kg_arena *a, kg_ud_word *words, size_t n,
                         kg_ud_stats *stats, kg_error *err);

/* Splits text[start..len) into sentences and UD English tokens (don't -> do
 * n't, Israel's -> Israel 's, hyphens split as in UD English-EWT), with byte
 * and code-point offsets into text of every token, and annotates each
 * sentence. */
kg_status kg_ud_parse_text(const kg_ud_model *m, kg_arena *a, const char *text, size_t start,
                           size_t len, kg_ud_sentence **out, size_t *n, kg_ud_stats *stats,
                           kg_error *err);

/* Writes sentences s[0..n) of text as CoNLL-U: "# sent_id = PREFIX-K" (K from
 * first_id on, PREFIX omitted when NULL), "# text = ..." (the sentence's bytes
 * with line breaks and tabs folded to spaces), then one line a word with
 * SpaceAfter=No where no whitespace follows.  FEATS and DEPS are "_". */
kg_status kg_ud_write_conllu(FILE *out, const char *text, const kg_ud_sentence *s, size_t n,
                             const char *sent_prefix, size_t first_id, kg_error *err);

/* Reads the CoNLL-U file at path ("-": standard input), annotates each
 * sentence from its FORM column alone, and writes it to out with the
 * predicted LEMMA, UPOS, XPOS, HEAD and DEPREL; FEATS and DEPS become "_";
 * comments, MISC, multiword-token and empty-node lines are kept as they were.
 * A malformed line is a KG_ERR_INPUT "PATH:LINE: ..."; nothing is written for
 * the sentence it is in or any after it. */
kg_status kg_ud_annotate_conllu(const kg_ud_model *m, const char *path, FILE *out,
                                kg_ud_stats *stats, kg_error *err);

/* ---------------------------------------------------------------- training */

typedef struct kg_ud_train_options {
    const char *const *files; /* CoNLL-U training files */
    size_t n_files;
    int tagger_epochs;        /* passes over the data (default 8) */
    int parser_epochs;        /* (default 10: on EWT dev the parser stops gaining after 8) */
    int folds;                /* jackknife folds: the parser trains on tags predicted by a
                                 tagger that did not see the sentence (default 5; 1: gold tags) */
    unsigned min_updates;     /* the tagger and parser keep the features at least this many
                                 updates touched (default 2: rarer ones cost megabytes, not
                                 accuracy) */
    unsigned long seed;       /* shuffling; the same seed gives a byte-identical model */
    const char *name;         /* description stored in the model; NULL: from the file names */
    const char *wordnet_dir;  /* WordNet's dictionary files, whose word classes the tagger
                                 learns from and the model keeps (default
                                 /usr/share/wordnet, Debian's wordnet-base; NULL or "":
                                 none) */
    const char *const *dev_files; /* CoNLL-U files to score the parser on after every epoch
                                     (gold tokens, predicted tags; logged, never trained on) */
    size_t n_dev_files;
    FILE *log;                /* progress lines, or NULL */
} kg_ud_train_options;

void kg_ud_train_options_init(kg_ud_train_options *o);
kg_status kg_ud_train(const kg_ud_train_options *o, kg_ud_model **out, kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
