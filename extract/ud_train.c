/* ud_train.c - kg_ud_train: treebanks to a model.
 *
 * The order of work: read every file; number the "UPOS XPOS" pairs and the
 * relation labels in byte order (so the numbering depends on the data, not
 * on the order files are given in); train the tagger on all sentences; tag
 * each of K folds with a tagger trained on the other K-1 (jackknifing), so
 * the parser learns from tags as wrong as the ones it will see; train the
 * lemmatizer and the parser.  Every step is deterministic.
 */
#include "kg/parse.h"

#include <stdlib.h>
#include <string.h>

#include "conllu.h"
#include "depparse.h"
#include "lemmatizer.h"
#include "model_file.h"
#include "perceptron.h"
#include "strmap.h"
#include "tagger.h"
#include "ud_model.h"
#include "wordnet.h"

void kg_ud_train_options_init(kg_ud_train_options *o)
{
    memset(o, 0, sizeof *o);
    o->tagger_epochs = 8;
    o->parser_epochs = 10;
    o->folds = 5;
    o->min_updates = 2;
    o->seed = 1;
    o->wordnet_dir = KG_WORDNET_DIR;
}

typedef struct corpus {
    kg_arena *a;
    kg_conllu_sentence *s;
    size_t n, words;
    kg_strmap *tags, *labels;
    const char **tag_names, **label_names;
    size_t n_tags, n_labels;
} corpus;

/* Reads files[0..n) into one array of sentences (malloc'd; the words are
 * in a). */
static kg_status read_treebanks(kg_arena *a, const char *const *files, size_t n,
                                kg_conllu_sentence **out, size_t *count, kg_error *err)
{
    kg_vec all;
    kg_vec_init(&all, sizeof(kg_conllu_sentence));
    kg_status st = KG_OK;
    for (size_t f = 0; f < n && st == KG_OK; f++) {
        kg_conllu_sentence *s = NULL;
        size_t k = 0;
        st = kg_conllu_read_file(a, files[f], &s, &k, err);
        for (size_t i = 0; i < k && st == KG_OK; i++)
            if (!kg_vec_push(&all, &s[i]))
                st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    *out = all.items;
    *count = all.len;
    return st;
}

static kg_status read_files(const kg_ud_train_options *o, corpus *c, kg_error *err)
{
    kg_status st = read_treebanks(c->a, o->files, o->n_files, &c->s, &c->n, err);
    for (size_t i = 0; i < c->n; i++)
        c->words += c->s[i].n_words;
    if (st == KG_OK && c->n == 0)
        st = kg_error_set(err, KG_ERR_INPUT, "no sentences to train on");
    return st;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Numbers the distinct strings of map in byte order. */
static kg_status number(kg_arena *a, kg_strmap *map, const char ***names, size_t *n, kg_error *err)
{
    *n = kg_strmap_count(map);
    *names = kg_arena_alloc(a, (*n ? *n : 1) * sizeof **names);
    if (!*names)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < kg_strmap_capacity(map); i++) {
        const char *key = kg_strmap_slot(map, i, NULL);
        if (key)
            (*names)[k++] = key;
    }
    qsort(*names, *n, sizeof **names, str_cmp);
    for (size_t i = 0; i < *n; i++)
        if (kg_strmap_put(map, (*names)[i], i) != KG_OK)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return KG_OK;
}

static const char *tag_key(kg_arena *a, const kg_conllu_word *w)
{
    return kg_arena_printf(a, "%s\t%s", w->upos, w->xpos);
}

static kg_status build_sets(corpus *c, kg_error *err)
{
    c->tags = kg_strmap_new();
    c->labels = kg_strmap_new();
    if (!c->tags || !c->labels)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->n; i++)
        for (size_t k = 0; k < c->s[i].n_words; k++) {
            const char *t = tag_key(c->a, &c->s[i].words[k]);
            if (!t || kg_strmap_put(c->tags, t, 0) != KG_OK ||
                kg_strmap_put(c->labels, c->s[i].words[k].deprel, 0) != KG_OK)
                return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        }
    kg_status st = number(c->a, c->tags, &c->tag_names, &c->n_tags, err);
    if (st == KG_OK)
        st = number(c->a, c->labels, &c->label_names, &c->n_labels, err);
    if (st == KG_OK &&
        (c->n_tags > KG_PERC_MAX_CLASSES || 1 + 2 * c->n_labels > KG_PERC_MAX_CLASSES))
        st = kg_error_set(err, KG_ERR_INPUT, "%zu tags and %zu labels: too many", c->n_tags,
                          c->n_labels);
    return st;
}

/* The per-sentence arrays the tagger, lemmatizer and parser train on. */
typedef struct examples {
    kg_tagger_sentence *tag;
    kg_dep_sentence *dep;
    uint16_t **predicted; /* jackknifed tags, per sentence */
    uint16_t **alt;       /* and their runners-up */
    kg_lemma_example *lemma;
} examples;

static kg_status build_examples(corpus *c, examples *e, kg_error *err)
{
    e->tag = kg_arena_alloc(c->a, c->n * sizeof *e->tag);
    e->dep = kg_arena_alloc(c->a, c->n * sizeof *e->dep);
    e->predicted = kg_arena_alloc(c->a, c->n * sizeof *e->predicted);
    e->alt = kg_arena_alloc(c->a, c->n * sizeof *e->alt);
    e->lemma = kg_arena_alloc(c->a, (c->words ? c->words : 1) * sizeof *e->lemma);
    if (!e->tag || !e->dep || !e->predicted || !e->alt || !e->lemma)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t nl = 0;
    for (size_t i = 0; i < c->n; i++) {
        const kg_conllu_sentence *s = &c->s[i];
        size_t n = s->n_words;
        const char **forms = kg_arena_alloc(c->a, n * sizeof *forms);
        uint16_t *tags = kg_arena_alloc(c->a, n * sizeof *tags);
        uint16_t *labels = kg_arena_alloc(c->a, n * sizeof *labels);
        size_t *heads = kg_arena_alloc(c->a, n * sizeof *heads);
        e->predicted[i] = kg_arena_alloc(c->a, n * sizeof **e->predicted);
        e->alt[i] = kg_arena_alloc(c->a, n * sizeof **e->alt);
        if (!forms || !tags || !labels || !heads || !e->predicted[i] || !e->alt[i])
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < n; k++) {
            const kg_conllu_word *w = &s->words[k];
            size_t t = 0, l = 0;
            kg_strmap_get(c->tags, tag_key(c->a, w), &t);
            kg_strmap_get(c->labels, w->deprel, &l);
            forms[k] = w->form;
            tags[k] = (uint16_t)t;
            labels[k] = (uint16_t)l;
            heads[k] = w->head;
            e->lemma[nl++] = (kg_lemma_example){w->form, w->lemma, (uint16_t)t};
        }
        e->tag[i] = (kg_tagger_sentence){forms, tags, n};
        e->dep[i] = (kg_dep_sentence){forms, e->predicted[i], e->alt[i], heads, labels, n};
    }
    return KG_OK;
}

/* Tags every sentence with a tagger that was not trained on it. */
static kg_status jackknife(const kg_ud_train_options *o, corpus *c, examples *e,
                           const kg_wordnet *wn, kg_error *err)
{
    int k = o->folds < 1 ? 1 : o->folds;
    if (k == 1) { /* gold tags, of which the tagger had no doubt */
        for (size_t i = 0; i < c->n; i++) {
            memcpy(e->predicted[i], e->tag[i].tags, e->tag[i].n * sizeof(uint16_t));
            for (size_t w = 0; w < e->tag[i].n; w++)
                e->alt[i][w] = KG_TAG_ALT(e->tag[i].tags[w], 3);
        }
        return KG_OK;
    }
    bool *use = malloc(c->n * sizeof *use);
    if (!use)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_status st = KG_OK;
    for (int f = 0; f < k && st == KG_OK; f++) {
        for (size_t i = 0; i < c->n; i++)
            use[i] = (int)(i % (size_t)k) != f;
        kg_tagger *t = NULL;
        kg_tagger_train_options to = {o->tagger_epochs, o->min_updates, o->seed + 1 + f, NULL};
        st = kg_tagger_train(e->tag, c->n, use, c->n_tags, wn, &to, &t, err);
        size_t right = 0, total = 0;
        for (size_t i = 0; i < c->n && st == KG_OK; i++) {
            if (use[i])
                continue;
            st = kg_tagger_tag(t, e->tag[i].forms, e->tag[i].n, e->predicted[i], e->alt[i], err);
            for (size_t w = 0; w < e->tag[i].n; w++)
                right += e->predicted[i][w] == e->tag[i].tags[w];
            total += e->tag[i].n;
        }
        if (o->log && st == KG_OK)
            fprintf(o->log, "jackknife fold %d/%d: tags %.2f%% right\n", f + 1, k,
                    total ? 100.0 * right / total : 0.0);
        kg_tagger_free(t);
    }
    free(use);
    return st;
}

static const char *default_name(kg_arena *a, const kg_ud_train_options *o)
{
    char *s = kg_arena_strdup(a, "en-ud (");
    for (size_t i = 0; s && i < o->n_files; i++) {
        const char *base = strrchr(o->files[i], '/');
        s = kg_arena_printf(a, "%s%s%s", s, i ? " + " : "", base ? base + 1 : o->files[i]);
    }
    return s ? kg_arena_printf(a, "%s)", s) : NULL;
}

/* Held-out sentences the parser is scored on after each epoch. */
typedef struct dev_set {
    const kg_ud_train_options *o;
    const corpus *c;
    kg_conllu_sentence *s;
    size_t n;
    uint16_t **tags; /* predicted by the final tagger */
    uint16_t **alt;
} dev_set;

static kg_status read_dev(const kg_ud_train_options *o, corpus *c, const kg_tagger *tagger,
                          dev_set *d, kg_error *err)
{
    d->o = o;
    d->c = c;
    kg_status st = read_treebanks(c->a, o->dev_files, o->n_dev_files, &d->s, &d->n, err);
    d->tags = kg_arena_alloc(c->a, (d->n ? d->n : 1) * sizeof *d->tags);
    d->alt = kg_arena_alloc(c->a, (d->n ? d->n : 1) * sizeof *d->alt);
    if (st == KG_OK && (!d->tags || !d->alt))
        st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < d->n && st == KG_OK; i++) {
        size_t n = d->s[i].n_words;
        const char **forms = kg_arena_alloc(c->a, n * sizeof *forms);
        d->tags[i] = kg_arena_alloc(c->a, n * sizeof **d->tags);
        d->alt[i] = kg_arena_alloc(c->a, n * sizeof **d->alt);
        if (!forms || !d->tags[i] || !d->alt[i])
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < n; k++)
            forms[k] = d->s[i].words[k].form;
        st = kg_tagger_tag(tagger, forms, n, d->tags[i], d->alt[i], err);
    }
    return st;
}

/* Relations equal in their universal part (CoNLL 2018's LAS). */
static bool same_relation(const char *a, const char *b)
{
    size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
    return la == lb && !strncmp(a, b, la);
}

static kg_status score_dev(void *ctx, int epoch, const kg_depparse *p, kg_error *err)
{
    const dev_set *d = ctx;
    size_t words = 0, uas = 0, las = 0;
    kg_status st = KG_OK;
    for (size_t i = 0; i < d->n && st == KG_OK; i++) {
        const kg_conllu_sentence *s = &d->s[i];
        size_t n = s->n_words;
        const char **forms = malloc(n * sizeof *forms);
        size_t *heads = malloc(n * sizeof *heads);
        uint16_t *labels = malloc(n * sizeof *labels);
        if (!forms || !heads || !labels)
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < n && st == KG_OK; k++)
            forms[k] = s->words[k].form;
        if (st == KG_OK)
            st = kg_depparse_parse(p, forms, d->tags[i], d->alt[i], n, heads, labels, err);
        for (size_t k = 0; k < n && st == KG_OK; k++) {
            words++;
            if (heads[k] == s->words[k].head) {
                uas++;
                las += same_relation(d->c->label_names[labels[k]], s->words[k].deprel);
            }
        }
        free(forms);
        free(heads);
        free(labels);
    }
    if (st == KG_OK && d->o->log && words)
        fprintf(d->o->log, "parser epoch %d on dev: UAS %.2f LAS %.2f (%zu words)\n", epoch,
                100.0 * uas / words, 100.0 * las / words, words);
    return st;
}

static kg_status train_all(const kg_ud_train_options *o, corpus *c, kg_ud_model *m, kg_error *err)
{
    examples e;
    kg_status st = build_examples(c, &e, err);
    if (st == KG_OK && o->log)
        fprintf(o->log, "training on %zu sentences, %zu words, %zu tags, %zu labels\n", c->n,
                c->words, c->n_tags, c->n_labels);
    if (st == KG_OK) {
        if (o->wordnet_dir && *o->wordnet_dir)
            st = kg_wordnet_build(o->wordnet_dir, &m->wordnet, err);
        else if (!(m->wordnet = kg_wordnet_empty()))
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        if (st == KG_OK && o->log)
            fprintf(o->log, "WordNet: %zu word forms\n", kg_wordnet_forms(m->wordnet));
    }
    kg_tagger_train_options to = {o->tagger_epochs, o->min_updates, o->seed, o->log};
    if (st == KG_OK)
        st = kg_tagger_train(e.tag, c->n, NULL, c->n_tags, m->wordnet, &to, &m->tagger, err);
    if (st == KG_OK)
        st = kg_lemmatizer_train(e.lemma, c->words, &m->lemmatizer, err);
    if (st == KG_OK)
        st = jackknife(o, c, &e, m->wordnet, err);
    kg_depparse_train_options po = {c->n_tags,      c->n_labels, o->parser_epochs,
                                    o->min_updates, o->seed,     m->wordnet,
                                    o->log,         NULL,        NULL};
    dev_set dev = {0};
    if (st == KG_OK && o->n_dev_files && (st = read_dev(o, c, m->tagger, &dev, err)) == KG_OK) {
        po.epoch_done = score_dev;
        po.hook_ctx = &dev;
    }
    if (st == KG_OK)
        st = kg_depparse_train(e.dep, c->n, &po, &m->parser, err);
    free(dev.s);
    return st;
}

/* Copies the tag and label names into the model's own strings. */
static kg_status name_classes(const corpus *c, kg_ud_model *m, kg_error *err)
{
    m->n_tags = c->n_tags;
    m->n_labels = c->n_labels;
    m->upos = calloc(c->n_tags + 1, sizeof *m->upos);
    m->xpos = calloc(c->n_tags + 1, sizeof *m->xpos);
    m->labels = calloc(c->n_labels + 1, sizeof *m->labels);
    if (!m->upos || !m->xpos || !m->labels)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->n_tags; i++) {
        const char *tab = strchr(c->tag_names[i], '\t');
        m->upos[i] = kg_arena_strndup(m->strings, c->tag_names[i], (size_t)(tab - c->tag_names[i]));
        m->xpos[i] = kg_arena_strdup(m->strings, tab + 1);
        if (!m->upos[i] || !m->xpos[i])
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < c->n_labels; i++)
        if (!(m->labels[i] = kg_arena_strdup(m->strings, c->label_names[i])))
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return KG_OK;
}

kg_status kg_ud_train(const kg_ud_train_options *o, kg_ud_model **out, kg_error *err)
{
    *out = NULL;
    if (o->n_files == 0)
        return kg_error_set(err, KG_ERR_USAGE, "no training files");
    corpus c = {0};
    kg_ud_model *m = calloc(1, sizeof *m);
    if (!m || !(c.a = kg_arena_new()) || !(m->strings = kg_arena_new())) {
        kg_arena_free(c.a);
        kg_ud_model_free(m);
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    kg_status st = read_files(o, &c, err);
    if (st == KG_OK)
        st = build_sets(&c, err);
    if (st == KG_OK)
        st = name_classes(&c, m, err);
    if (st == KG_OK) {
        m->name = o->name ? kg_arena_strdup(m->strings, o->name) : default_name(m->strings, o);
        if (!m->name)
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    if (st == KG_OK)
        st = train_all(o, &c, m, err);
    free(c.s);
    kg_strmap_free(c.tags);
    kg_strmap_free(c.labels);
    kg_arena_free(c.a);
    if (st != KG_OK) {
        kg_ud_model_free(m);
        return st;
    }
    *out = m;
    return KG_OK;
}
