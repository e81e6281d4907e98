/* lemmatizer.h - the lemma of a tagged word, learnt from a treebank.
 *
 * A word seen in training with its tag gets the lemma it had most often
 * there.  Any other word gets an edit learnt from the training words of the
 * same tag that end the same way, the longest ending seen (up to 5 code
 * points): strip so many bytes, append a string, keep or lower the case
 * ("studies" NNS -> strip 3, append "y").  This is the suffix-rule approach
 * of UDPipe 1 and Morfette, without a classifier.
 */
#ifndef KG_LEMMATIZER_H
#define KG_LEMMATIZER_H

#include <stdint.h>

#include "model_file.h"

typedef struct kg_lemmatizer kg_lemmatizer;

typedef struct kg_lemma_example {
    const char *form;
    const char *lemma;
    uint16_t tag;
} kg_lemma_example;

kg_status kg_lemmatizer_train(const kg_lemma_example *ex, size_t n, kg_lemmatizer **out,
                              kg_error *err);
/* The lemma of form with tag; the result is in the model or the arena. */
const char *kg_lemmatizer_lemma(const kg_lemmatizer *l, kg_arena *a, const char *form,
                                uint16_t tag);
void kg_lemmatizer_write(const kg_lemmatizer *l, kg_mbuf *b);
kg_lemmatizer *kg_lemmatizer_read(kg_mread *r);
void kg_lemmatizer_free(kg_lemmatizer *l);

#endif
