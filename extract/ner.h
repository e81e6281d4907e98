/* ner.h - named mentions of one sentence, found and typed by a statistical tagger.
 *
 * An averaged perceptron (Collins 2002) tags a sentence's tokens left to right
 * with BILOU tags over four classes, greedily, choosing at each token only
 * among the tags that continue the previous ones validly (so the tags always
 * read as whole, non-overlapping spans).  It looks at the word and its
 * neighbours (lower case, shape, affixes, capitalization, bigrams), the two
 * tags before it, and what the project's lexicon knows of each word: given
 * names, titles, organization cue words and known organizations, countries,
 * ISO codes, demonyms, places, professions, common words.  The lexicon is
 * part of the features' meaning: tag with the lexicon the model was trained
 * with (the project's data/, kg_lexicon_load).
 *
 * It learns from the entity annotation of UD English-GUM (kg_ner_gold_spans
 * says which mentions count as named), never from CoNLL data.  A loaded
 * model is read-only and may be shared by threads; every call takes its
 * memory from the caller's arena.
 */
#ifndef KG_NER_H
#define KG_NER_H

#include <stdio.h>

#include "conllu.h"
#include "kg/base.h"
#include "kg/ner.h" /* kg_ner, KG_NER_MODEL_FILE, kg_ner_training, save, name, free */
#include "lexicon.h"

/* The numbers are part of the model file's meaning. */
typedef enum kg_ner_class {
    KG_NER_PER, /* GUM person */
    KG_NER_ORG, /* organization */
    KG_NER_LOC, /* place */
    KG_NER_OTH, /* any other named thing: events, works, products, laws,
                   ships, languages, nationality nouns ("Americans") */
    KG_NER_CLASSES
} kg_ner_class;

/* "PER", "ORG", "LOC", "OTH". */
const char *kg_ner_class_name(kg_ner_class c);

typedef struct kg_ner_span {
    size_t start, end; /* token indices, end exclusive */
    kg_ner_class cls;
    /* the chosen tag's score minus the best other tag's that was allowed
     * there, averaged over the span's tokens that had a choice (the last of
     * a span's tokens has none when the sentence ends): near 0 a close
     * call, larger the surer */
    float margin;
} kg_ner_span;

/* Loads a model saved by kg_ner_save.  path NULL: en-ner.kgm in the model
 * directory (kg_paths_model_dir: $KG_MODEL_DIR, share/kg/models, models/).
 * A file that is not an NER model is a KG_ERR_INPUT "PATH: not a usable kg
 * model: WHY"; a missing one KG_ERR_IO. */
kg_status kg_ner_load(const char *path, kg_ner **out, kg_error *err);

/* The named mentions of forms[0..n) (one sentence, tokens as kg_tokens_split
 * cuts them), in order, into *out (from a; NULL when none).  lx is the
 * lexicon the model was trained with. */
kg_status kg_ner_tag(const kg_ner *m, const kg_lexicon *lx, kg_arena *a, const char *const *forms,
                     size_t n, kg_ner_span **out, size_t *n_out, kg_error *err);

/* ------------------------------------------------------------ training */

/* Trains on o->files (o->data_dir unused: lx is the lexicon the features
 * read, and the one the model must be used with).  kg_ner_training and its
 * defaults are kg/ner.h's. */
kg_status kg_ner_train(const kg_ner_training *o, const kg_lexicon *lx, kg_ner **out, kg_error *err);

/* The named mentions of a GUM sentence, the tagger's training truth.  A
 * mention is named when its head word (the one whose head lies outside it)
 * is a PROPN; its span is the run of PROPN words around the head, joined
 * across "of", "and", "&", "de", "du", "von", "van", "the" and "-" between
 * PROPNs ("Bank of England"), without leading titles for persons
 * ("President Obama" -> "Obama", as CoNLL marks names).  person, organization
 * and place give PER, ORG, LOC; time and quantity mentions ("February") are
 * not names; other types, and single words the lexicon knows as demonyms,
 * give OTH.  Of overlapping spans the longest is kept ("Bank of England",
 * not "England").  Spans into *out (from a), ordered. */
kg_status kg_ner_gold_spans(const kg_lexicon *lx, kg_arena *a, const kg_conllu_sentence *s,
                            kg_ner_span **out, size_t *n_out, kg_error *err);

/* Exact-span scores: a predicted span counts when its start, end and class
 * are a gold span's. */
typedef struct kg_ner_counts {
    size_t tp[KG_NER_CLASSES], fp[KG_NER_CLASSES], fn[KG_NER_CLASSES];
    size_t sentences, tokens;
    double seconds; /* CPU time of this thread spent in kg_ner_tag */
} kg_ner_counts;

/* Tags every sentence of the CoNLL-U files and adds the comparison with
 * their gold spans to *c (which the caller zeroes). */
kg_status kg_ner_evaluate(const kg_ner *m, const kg_lexicon *lx, const char *const *files,
                          size_t n_files, kg_ner_counts *c, kg_error *err);
/* Writes "PER P R F1" lines and an overall line (the classes of mask, bit
 * 1 << class) to f. */
void kg_ner_counts_print(FILE *f, const kg_ner_counts *c, unsigned mask);

#endif
