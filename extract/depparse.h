/* depparse.h - Universal Dependencies trees from tagged words.
 *
 * A greedy arc-hybrid parser (transition.h) whose moves, labelled, are
 * chosen by an averaged perceptron over the rich feature set of Zhang and
 * Nivre (2011), adapted to arc-hybrid: words, tags, dependents' labels,
 * distance, valency and label sets of the stack's top two and the buffer's
 * first three words, and WordNet's classes of the words.  Trained with the dynamic oracle and exploration
 * (Goldberg and Nivre 2012): after the first epoch the parser follows its
 * own prediction and learns the cheapest move from wherever it is.
 * Words are indexed from 0 here; heads are 0 for the root, else 1 + the
 * index of the head word, as in CoNLL-U.
 */
#ifndef KG_DEPPARSE_H
#define KG_DEPPARSE_H

#include <stdint.h>
#include <stdio.h>

#include "model_file.h"
#include "wordnet.h"

typedef struct kg_depparse kg_depparse;

typedef struct kg_dep_sentence {
    const char *const *forms;
    const uint16_t *tags;   /* tag ids, as the tagger gives them */
    const uint16_t *alt;    /* the tagger's runners-up (KG_TAG_ALT), or NULL */
    const size_t *heads;    /* gold */
    const uint16_t *labels; /* gold label ids */
    size_t n;
} kg_dep_sentence;

typedef struct kg_depparse_train_options {
    size_t n_tags, n_labels;
    int epochs;
    unsigned min_updates;   /* features touched by fewer updates are left out of the model */
    unsigned long seed;
    const kg_wordnet *wordnet; /* word classes; kept by the parser, so it must outlive it */
    FILE *log;
    /* called with the averaged model after every epoch (may be NULL), to
     * score it on held-out data */
    kg_status (*epoch_done)(void *ctx, int epoch, const kg_depparse *p, kg_error *err);
    void *hook_ctx;
} kg_depparse_train_options;

kg_status kg_depparse_train(const kg_dep_sentence *s, size_t n,
                            const kg_depparse_train_options *o, kg_depparse **out,
                            kg_error *err);
/* heads[0..n) and labels[0..n) of a complete projective tree. */
kg_status kg_depparse_parse(const kg_depparse *p, const char *const *forms, const uint16_t *tags,
                            const uint16_t *alt, size_t n, size_t *heads, uint16_t *labels,
                            kg_error *err);
size_t kg_depparse_labels(const kg_depparse *p);
void kg_depparse_write(const kg_depparse *p, kg_mbuf *b);
kg_depparse *kg_depparse_read(kg_mread *r, const kg_wordnet *wn);
void kg_depparse_free(kg_depparse *p);

#endif
