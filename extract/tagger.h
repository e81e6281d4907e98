/* tagger.h - part-of-speech tags for one sentence at a time.
 *
 * A greedy averaged perceptron (Collins 2002) over the word, its lower-case
 * form, prefixes, suffixes, shape, its WordNet classes, the two words either
 * side and the two tags before it, in two passes left to right: the second
 * also sees the first pass's tags of the two words after it (trained on
 * first-pass tags of sentences that pass did not train on, as it will see
 * them at run time).  A tag is one class of the tag set the caller gives
 * (kg_ud uses "UPOS XPOS" pairs, so both come from one decision).
 * Training is deterministic: the sentence order of each epoch comes from
 * seed alone.
 */
#ifndef KG_TAGGER_H
#define KG_TAGGER_H

#include <stdint.h>
#include <stdio.h>

#include "model_file.h"
#include "wordnet.h"

typedef struct kg_tagger kg_tagger;

/* One training sentence: word forms and gold tag ids. */
typedef struct kg_tagger_sentence {
    const char *const *forms;
    const uint16_t *tags;
    size_t n;
} kg_tagger_sentence;

typedef struct kg_tagger_train_options {
    int epochs;
    unsigned min_updates; /* features fewer updates touched are left out of the model */
    unsigned long seed;
    FILE *log;            /* progress lines, or NULL */
} kg_tagger_train_options;

/* Trains on s[i] for the i with use[i] set (use NULL: all).  wn gives
 * every word its WordNet classes; the tagger keeps the pointer, so wn must
 * outlive it (a model owns both). */
kg_status kg_tagger_train(const kg_tagger_sentence *s, size_t n, const bool *use, size_t n_tags,
                          const kg_wordnet *wn, const kg_tagger_train_options *o,
                          kg_tagger **out, kg_error *err);
/* tags[0..n) = the predicted tag ids of forms[0..n).  alt (may be NULL)
 * gets each decision's runner-up for the parser, which then need not trust
 * a close call: KG_TAG_ALT(tag, closeness), closeness 0 (a near tie) to 3
 * (the tagger was sure). */
kg_status kg_tagger_tag(const kg_tagger *t, const char *const *forms, size_t n, uint16_t *tags,
                        uint16_t *alt, kg_error *err);

#define KG_TAG_ALT(tag, closeness) ((uint16_t)((tag) | (closeness) << 12))
#define KG_TAG_ALT_TAG(a) ((a) & 0x0FFFu)
#define KG_TAG_ALT_CLOSENESS(a) ((a) >> 12 & 3u)
size_t kg_tagger_tags(const kg_tagger *t);
void kg_tagger_write(const kg_tagger *t, kg_mbuf *b);
kg_tagger *kg_tagger_read(kg_mread *r, const kg_wordnet *wn);
void kg_tagger_free(kg_tagger *t);

/* The pieces of a word both the tagger and the parser look at. */
typedef struct kg_word_feats {
    uint64_t form;        /* the word as written, quotes folded */
    uint64_t lower;       /* lower case, digits folded to 9 */
    uint64_t prefix[3];   /* 1..3 code points of lower */
    uint64_t suffix[4];   /* 1..4 code points of lower */
    uint64_t shape;       /* Xx, Xx-Xx, 9.9, ... (runs collapsed) */
    unsigned flags;       /* KG_WF_* */
    unsigned wn;          /* kg_wordnet_classes (the tagger's; 0 elsewhere) */
} kg_word_feats;

#define KG_WF_UPPER 1u    /* starts with an upper-case letter */
#define KG_WF_ALLCAPS 2u
#define KG_WF_DIGIT 4u
#define KG_WF_HYPHEN 8u
#define KG_WF_PUNCT 16u   /* no letter or digit at all */

void kg_word_feats_of(const char *form, kg_word_feats *out);

#endif
