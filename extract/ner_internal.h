/* ner_internal.h - what ner.c (features, tagging, the file) and ner_train.c
 * (training, gold spans, scoring) share.
 *
 * Tags: 0 is O; 1 + 4 * class + position is B, I, L or U of a class. */
#ifndef KG_NER_INTERNAL_H
#define KG_NER_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "model_file.h"
#include "ner.h"
#include "perceptron.h"
#include "tagger.h"

enum { KG_NER_B, KG_NER_I, KG_NER_L, KG_NER_U };
#define KG_NER_TAGS (1 + 4 * KG_NER_CLASSES)
#define KG_NER_TAG(cls, pos) ((uint8_t)(1 + 4 * (cls) + (pos)))
#define KG_NER_TAG_CLASS(t) ((kg_ner_class)(((t) - 1) / 4))
#define KG_NER_TAG_POS(t) (((t) - 1) % 4)
/* Most features one token has. */
#define KG_NER_MAX_FEATS 96

struct kg_ner {
    kg_perc *perc;
    const char *name;
    char *own_name;       /* a trained model's (a loaded one points into file) */
    kg_mfile file;
};

/* What the features read of one token. */
typedef struct kg_ner_word {
    kg_word_feats w;      /* lower, affixes, shape, case flags (the POS tagger's) */
    uint64_t pre4;        /* 4-code-point prefix of lower */
    unsigned gaz;         /* KG_NER_G_* */
    unsigned caprun;      /* length of the capitalized run it is in (0: not capitalized) */
    unsigned runpos;      /* its position in that run */
} kg_ner_word;

/* Gazetteer bits: what the lexicon knows of a token, alone or as part of a
 * longer name ("United States", "World Health Organization"). */
enum {
    KG_NER_G_GIVEN = 1u << 0,
    KG_NER_G_TITLE = 1u << 1,      /* inside a title ("Prime Minister") */
    KG_NER_G_HONORIFIC = 1u << 2,
    KG_NER_G_ORG_CUE = 1u << 3,
    KG_NER_G_ORG = 1u << 4,        /* inside a known organization's name */
    KG_NER_G_COUNTRY = 1u << 5,    /* inside a country's name */
    KG_NER_G_CODE = 1u << 6,       /* an ISO country code in capitals */
    KG_NER_G_DEMONYM = 1u << 7,
    KG_NER_G_LOCATION = 1u << 8,   /* inside a known place's name */
    KG_NER_G_PROFESSION = 1u << 9,
    KG_NER_G_COMMON = 1u << 10,
    KG_NER_G_LEGAL = 1u << 11,     /* Inc, Ltd, plc */
    KG_NER_G_MULTI = 1u << 12,     /* some name above spans several words here */
    KG_NER_G_BITS = 13
};

/* The tokens' features' inputs, w[0..n) (from a); NULL when out of memory.
 * headline is set when most words are in capitals. */
kg_ner_word *kg_ner_words(const kg_lexicon *lx, kg_arena *a, const char *const *forms, size_t n,
                          bool *headline);
/* f[0..return) = the features of token i given the tags before it. */
size_t kg_ner_features(const kg_ner_word *w, size_t n, size_t i, bool headline,
                       const uint8_t *tags, uint64_t *f);
/* allowed[t] = whether tag t may follow prev (KG_NER_TAGS: the sentence's
 * start) at a token that is, or is not, the sentence's last. */
void kg_ner_allowed(unsigned prev, bool last, bool *allowed);
/* The spans tags[0..n) spell (valid BILOU); margins[i] per token (NULL: 0;
 * NaN: the tag was the only one allowed, and does not count). */
kg_status kg_ner_spans_of(kg_arena *a, const uint8_t *tags, const float *margins, size_t n,
                          kg_ner_span **out, size_t *n_out, kg_error *err);

#endif
