/* kg/ner.h - the statistical entity typer: training a new one.
 *
 * Besides its word lists, kg types the names it finds with an averaged
 * perceptron that tags a sentence's tokens (person, organization, place,
 * other), loaded by kg_resources_load from KG_NER_MODEL_FILE in the model
 * directory (kg_resources_model_dir).  Its features read the word lists, so
 * a model is trained with the lists it will be used with.  Training learns
 * from the entity annotation of UD English-GUM (Entity= in CoNLL-U's MISC
 * column), never from CoNLL-2003, and is deterministic: the same files,
 * options and seed give the same bytes.  `kg train --ner` and `make
 * model-ner` drive it.
 */
#ifndef KG_PUBLIC_NER_H
#define KG_PUBLIC_NER_H

#include <stddef.h>
#include <stdio.h>

#include "kg/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The model's file name in the models folder. */
#define KG_NER_MODEL_FILE "en-ner.kgm"

typedef struct kg_ner kg_ner;

typedef struct kg_ner_training {
    const char *const *files; /* CoNLL-U with GUM's Entity= annotation */
    size_t n_files;
    const char *const *dev_files; /* scored per class after every epoch (logged), never
                                     trained on */
    size_t n_dev_files;
    const char *data_dir; /* the word lists the features read; NULL: where kg_resources_load
                             looks (kg_resources_data_dir) */
    int epochs;           /* passes over the data (default 10) */
    unsigned min_updates; /* features fewer updates touched are dropped (default 2) */
    unsigned long seed;   /* sentence order (default 1) */
    const char *name;     /* stored in the model; NULL: from the file names */
    FILE *log;            /* progress lines, or NULL */
} kg_ner_training;

void kg_ner_training_init(kg_ner_training *t);
/* Loads the word lists and trains a model on t->files.  A malformed file is
 * a KG_ERR_INPUT "PATH:LINE: ...". */
kg_status kg_ner_train_files(const kg_ner_training *t, kg_ner **out, kg_error *err);
/* Saves through a temporary file and rename: path is whole or as it was. */
kg_status kg_ner_save(const kg_ner *m, const char *path, kg_error *err);
/* What the model says of itself (the name it was trained with). */
const char *kg_ner_name(const kg_ner *m);
void kg_ner_free(kg_ner *m);

#ifdef __cplusplus
}
#endif

#endif
