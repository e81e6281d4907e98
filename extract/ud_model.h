/* ud_model.h - what a kg_ud_model holds, shared by ud.c (loading, saving,
 * annotating) and ud_train.c (training). */
#ifndef KG_UD_MODEL_H
#define KG_UD_MODEL_H

#include "depparse.h"
#include "kg/parse.h"
#include "lemmatizer.h"
#include "model_file.h"
#include "tagger.h"
#include "wordnet.h"

struct kg_ud_model {
    const char *name;
    const char *id;       /* name, file size and modification time (kg_ud_model_id) */
    size_t n_tags, n_labels;
    const char **upos, **xpos; /* per tag id */
    const char **labels;       /* per label id */
    kg_wordnet *wordnet;  /* the tagger's word classes */
    kg_tagger *tagger;
    kg_lemmatizer *lemmatizer;
    kg_depparse *parser;
    kg_mfile file;        /* the loaded file the strings point into (empty when trained) */
    kg_arena *strings;    /* the strings of a trained model */
};

#endif
