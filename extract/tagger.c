/* tagger.c - see tagger.h. */
#include "tagger.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "perceptron.h"
#include "shuffle.h"

struct kg_tagger {
    kg_perc *perc;
};

/* Feature templates: the numbers are part of the model file's meaning. */
enum {
    F_BIAS = 1,
    F_FORM, F_LOWER, F_PRE1, F_PRE2, F_PRE3, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_SHAPE, F_FLAGS,
    F_FIRST_UPPER,
    F_PREV_LOWER, F_NEXT_LOWER, F_PREV2_LOWER, F_NEXT2_LOWER,
    F_PREV_SUF3, F_NEXT_SUF3, F_PREV_SHAPE, F_NEXT_SHAPE,
    F_PREV_TAG, F_PREV2_TAGS, F_PREV_TAG_LOWER, F_PREV2_TAG,
    F_PREV_LOWER_LOWER, F_LOWER_NEXT_LOWER, F_PREV_TAG_NEXT_LOWER,
    F_COUNT
};

#define N_FEATS (F_COUNT + 2)
/* Hashes standing for the words before the first and after the last. */
#define BOS_HASH 0x5bd1e995u
#define EOS_HASH 0x27d4eb2fu

/* ------------------------------------------------------------ word pieces */

static utf8proc_int32_t fold_quote(utf8proc_int32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: return '"';
    default: return c;
    }
}

static char shape_class(utf8proc_int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
        return 'X';
    if (cat >= UTF8PROC_CATEGORY_LL && cat <= UTF8PROC_CATEGORY_LO)
        return 'x';
    if (cat == UTF8PROC_CATEGORY_ND)
        return '9';
    return c < 0x80 ? (char)c : '*';
}

/* Decodes form into code points (invalid bytes become U+FFFD); returns how
 * many, at most max. */
static size_t decode(const char *form, utf8proc_int32_t *cps, size_t max)
{
    size_t n = 0, len = strlen(form);
    for (size_t i = 0; i < len && n < max;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)form + i, (utf8proc_ssize_t)(len - i), &c);
        if (k <= 0) {
            c = 0xFFFD;
            k = 1;
        }
        cps[n++] = fold_quote(c);
        i += (size_t)k;
    }
    return n;
}

static uint64_t hash_cps(const utf8proc_int32_t *c, size_t n, uint64_t seed)
{
    uint64_t h = seed;
    for (size_t i = 0; i < n; i++)
        h = kg_perc_mix(h, (uint64_t)c[i]);
    return kg_perc_mix(h, n);
}

/* Words longer than this are hashed by their first code points only; their
 * suffixes still come from the end. */
#define MAX_CPS 64

void kg_word_feats_of(const char *form, kg_word_feats *out)
{
    utf8proc_int32_t cps[MAX_CPS], low[MAX_CPS];
    size_t n = decode(form, cps, MAX_CPS);
    memset(out, 0, sizeof *out);
    char shape[16];
    size_t ns = 0;
    bool letter_or_digit = false;
    for (size_t i = 0; i < n; i++) {
        utf8proc_int32_t c = cps[i];
        low[i] = utf8proc_tolower(c);
        char k = shape_class(c);
        if (k == '9') {
            out->flags |= KG_WF_DIGIT;
            low[i] = '9';
        }
        letter_or_digit |= k == 'X' || k == 'x' || k == '9';
        if (c == '-')
            out->flags |= KG_WF_HYPHEN;
        if (ns < sizeof shape && (ns == 0 || shape[ns - 1] != k))
            shape[ns++] = k;
    }
    if (n && shape_class(cps[0]) == 'X')
        out->flags |= KG_WF_UPPER;
    bool caps = n > 1;
    for (size_t i = 0; i < n && caps; i++)
        caps = shape_class(cps[i]) != 'x';
    if (caps && (out->flags & KG_WF_UPPER))
        out->flags |= KG_WF_ALLCAPS;
    if (!letter_or_digit)
        out->flags |= KG_WF_PUNCT;
    out->form = hash_cps(cps, n, 11);
    out->lower = hash_cps(low, n, 13);
    for (size_t k = 0; k < 3; k++)
        out->prefix[k] = hash_cps(low, n < k + 1 ? n : k + 1, 17 + k);
    for (size_t k = 0; k < 4; k++) {
        size_t m = n < k + 1 ? n : k + 1;
        out->suffix[k] = hash_cps(low + n - m, m, 23 + k);
    }
    out->shape = kg_perc_hash_bytes(shape, ns);
}

/* ------------------------------------------------------------ features */

static uint64_t f1(unsigned t, uint64_t a)
{
    return kg_perc_mix(kg_perc_mix(t, a), 0x9fb21c651e98df25ull);
}

static uint64_t f2(unsigned t, uint64_t a, uint64_t b)
{
    return kg_perc_mix(kg_perc_mix(kg_perc_mix(t, a), b), 0x2545f4914f6cdd1dull);
}

/* The features of word i given the tags already chosen before it. */
static size_t features(const kg_word_feats *w, size_t n, size_t i, const uint16_t *tags,
                       uint64_t *f)
{
    const kg_word_feats *x = &w[i];
    uint64_t prev = i > 0 ? w[i - 1].lower : BOS_HASH, next = i + 1 < n ? w[i + 1].lower : EOS_HASH;
    uint64_t prev2 = i > 1 ? w[i - 2].lower : BOS_HASH;
    uint64_t next2 = i + 2 < n ? w[i + 2].lower : EOS_HASH;
    uint64_t t1 = i > 0 ? tags[i - 1] + 1u : 0, t2 = i > 1 ? tags[i - 2] + 1u : 0;
    size_t k = 0;
    f[k++] = f1(F_BIAS, 0);
    f[k++] = f1(F_FORM, x->form);
    f[k++] = f1(F_LOWER, x->lower);
    f[k++] = f1(F_PRE1, x->prefix[0]);
    f[k++] = f1(F_PRE2, x->prefix[1]);
    f[k++] = f1(F_PRE3, x->prefix[2]);
    f[k++] = f1(F_SUF1, x->suffix[0]);
    f[k++] = f1(F_SUF2, x->suffix[1]);
    f[k++] = f1(F_SUF3, x->suffix[2]);
    f[k++] = f1(F_SUF4, x->suffix[3]);
    f[k++] = f1(F_SHAPE, x->shape);
    f[k++] = f1(F_FLAGS, x->flags);
    f[k++] = f2(F_FIRST_UPPER, i == 0, x->flags & (KG_WF_UPPER | KG_WF_ALLCAPS));
    f[k++] = f1(F_PREV_LOWER, prev);
    f[k++] = f1(F_NEXT_LOWER, next);
    f[k++] = f1(F_PREV2_LOWER, prev2);
    f[k++] = f1(F_NEXT2_LOWER, next2);
    f[k++] = f1(F_PREV_SUF3, i > 0 ? w[i - 1].suffix[2] : BOS_HASH);
    f[k++] = f1(F_NEXT_SUF3, i + 1 < n ? w[i + 1].suffix[2] : EOS_HASH);
    f[k++] = f1(F_PREV_SHAPE, i > 0 ? w[i - 1].shape : BOS_HASH);
    f[k++] = f1(F_NEXT_SHAPE, i + 1 < n ? w[i + 1].shape : EOS_HASH);
    f[k++] = f1(F_PREV_TAG, t1);
    f[k++] = f2(F_PREV2_TAGS, t1, t2);
    f[k++] = f2(F_PREV_TAG_LOWER, t1, x->lower);
    f[k++] = f1(F_PREV2_TAG, t2);
    f[k++] = f2(F_PREV_LOWER_LOWER, prev, x->lower);
    f[k++] = f2(F_LOWER_NEXT_LOWER, x->lower, next);
    f[k++] = f2(F_PREV_TAG_NEXT_LOWER, t1, next);
    return k;
}

static kg_word_feats *word_feats(const char *const *forms, size_t n)
{
    kg_word_feats *w = malloc((n ? n : 1) * sizeof *w);
    if (w)
        for (size_t i = 0; i < n; i++)
            kg_word_feats_of(forms[i], &w[i]);
    return w;
}

/* ------------------------------------------------------------ training */

typedef struct trainer {
    kg_perc_train *pt;
    size_t n_tags;
    float *scores;
    uint16_t *pred;       /* the tags chosen so far in the sentence */
    size_t pred_cap;
} trainer;

/* One pass over a sentence; returns the number tagged right, or -1 when out
 * of memory. */
static long train_sentence(trainer *t, const kg_tagger_sentence *s)
{
    if (s->n > t->pred_cap) {
        uint16_t *p = realloc(t->pred, s->n * sizeof *p);
        if (!p)
            return -1;
        t->pred = p;
        t->pred_cap = s->n;
    }
    kg_word_feats *w = word_feats(s->forms, s->n);
    if (!w)
        return -1;
    long right = 0;
    uint64_t f[N_FEATS];
    for (size_t i = 0; i < s->n; i++) {
        size_t nf = features(w, s->n, i, t->pred, f);
        kg_perc_train_score(t->pt, f, nf, t->scores);
        size_t guess = kg_perc_argmax(t->scores, NULL, t->n_tags);
        if (!kg_perc_train_update(t->pt, f, nf, s->tags[i], guess)) {
            free(w);
            return -1;
        }
        kg_perc_train_tick(t->pt);
        right += guess == s->tags[i];
        t->pred[i] = (uint16_t)guess;
    }
    free(w);
    return right;
}

kg_status kg_tagger_train(const kg_tagger_sentence *s, size_t n, const bool *use, size_t n_tags,
                          int epochs, unsigned long seed, FILE *log, kg_tagger **out,
                          kg_error *err)
{
    *out = NULL;
    trainer t = {kg_perc_train_new(n_tags), n_tags, calloc(n_tags, sizeof(float)), NULL, 0};
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    kg_tagger *tg = calloc(1, sizeof *tg);
    kg_status st = KG_OK;
    if (!t.pt || !t.scores || !order || !tg)
        st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!use || use[i])
            order[m++] = i;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, seed);
    for (int e = 0; e < epochs && st == KG_OK; e++) {
        kg_shuffle(&rng, order, m);
        long right = 0, total = 0;
        for (size_t k = 0; k < m && st == KG_OK; k++) {
            long r = train_sentence(&t, &s[order[k]]);
            if (r < 0)
                st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
            right += r;
            total += (long)s[order[k]].n;
        }
        if (log && st == KG_OK)
            fprintf(log, "tagger epoch %d: %.2f%% right while training, %zu features\n", e + 1,
                    total ? 100.0 * right / total : 0.0, kg_perc_train_rows(t.pt));
    }
    if (st == KG_OK && !(tg->perc = kg_perc_train_average(t.pt, 1e-3f, 1)))
        st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    kg_perc_train_free(t.pt);
    free(t.scores);
    free(t.pred);
    free(order);
    if (st != KG_OK) {
        kg_tagger_free(tg);
        return st;
    }
    *out = tg;
    return KG_OK;
}

/* ------------------------------------------------------------ tagging */

/* The runner-up of scores[0..nc) after best, and how close it came. */
static uint16_t runner_up(const float *scores, size_t nc, size_t best)
{
    size_t second = nc;
    for (size_t c = 0; c < nc; c++)
        if (c != best && (second == nc || scores[c] > scores[second]))
            second = c;
    if (second == nc)
        return KG_TAG_ALT(best, 3);
    double gap = scores[best] - scores[second];
    double size = fabs(scores[best]) + fabs(scores[second]) + 1e-9;
    unsigned close = gap < 0.05 * size ? 0 : gap < 0.15 * size ? 1 : gap < 0.3 * size ? 2 : 3;
    return KG_TAG_ALT(second, close);
}

kg_status kg_tagger_tag(const kg_tagger *t, const char *const *forms, size_t n, uint16_t *tags,
                        uint16_t *alt, kg_error *err)
{
    size_t nc = kg_perc_classes(t->perc);
    kg_word_feats *w = word_feats(forms, n);
    float *scores = malloc(nc * sizeof *scores);
    if (!w || !scores) {
        free(w);
        free(scores);
        return kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    }
    uint64_t f[N_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = features(w, n, i, tags, f);
        kg_perc_score(t->perc, f, nf, scores);
        tags[i] = (uint16_t)kg_perc_argmax(scores, NULL, nc);
        if (alt)
            alt[i] = runner_up(scores, nc, tags[i]);
    }
    free(w);
    free(scores);
    return KG_OK;
}

size_t kg_tagger_tags(const kg_tagger *t)
{
    return kg_perc_classes(t->perc);
}

void kg_tagger_write(const kg_tagger *t, kg_mbuf *b)
{
    kg_mbuf_tag(b, "TAGR");
    kg_perc_write(t->perc, b);
}

kg_tagger *kg_tagger_read(kg_mread *r)
{
    if (!kg_mread_tag(r, "TAGR"))
        return NULL;
    kg_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    if (!(t->perc = kg_perc_read(r)))
        kg_mread_fail(r, "no tagger weights");
    if (r->bad) {
        kg_tagger_free(t);
        return NULL;
    }
    return t;
}

void kg_tagger_free(kg_tagger *t)
{
    if (!t)
        return;
    kg_perc_free(t->perc);
    free(t);
}
