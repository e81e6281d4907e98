/* tagger.c - see tagger.h. */
#include "tagger.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "perceptron.h"
#include "shuffle.h"
#include "text.h"

/* Two passes (Tsuruoka and Tsujii 2005 read a sentence both ways): the
 * first left to right on the left context; the second again, now also
 * seeing the first pass's tags of the next two words, which settle what
 * the first pass could not know yet ("after" before a clause is SCONJ). */
struct kg_tagger {
    kg_perc *perc;        /* the first pass */
    kg_perc *perc2;       /* the second */
    const kg_wordnet *wn; /* the model's, borrowed */
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
    F_WN, F_WN_CASE, F_WN_SUF3, F_WN_PREV_TAG, F_PREV_WN, F_NEXT_WN,
    F_NEXT_TAG, F_NEXT2_TAGS, F_PREV_NEXT_TAGS, F_NEXT_TAG_LOWER, F_NEXT_TAG_SUF3, F_NEXT_TAG_WN,
    F_NEXT_TAG_NEXT_LOWER,
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
        int32_t c;
        i += kg_text_decode(form, i, len, &c);
        cps[n++] = fold_quote(c);
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

/* The features of word i given the tags already chosen before it and, in
 * the second pass, the first pass's tags (first, else NULL). */
static size_t features(const kg_word_feats *w, size_t n, size_t i, const uint16_t *tags,
                       const uint16_t *first, uint64_t *f)
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
    /* WordNet's classes speak for the words training never showed. */
    unsigned wn = x->wn & (KG_WN_POS_BITS | KG_WN_CAPITALIZED | KG_WN_LOWERCASE);
    /* the verb sense (kept for claim verbs) measured no better here */
    f[k++] = f1(F_WN, x->wn & ~KG_WN_VERB_SENSE_BITS);
    f[k++] = f2(F_WN_CASE, wn, (x->flags & (KG_WF_UPPER | KG_WF_ALLCAPS)) | (i == 0) << 8);
    f[k++] = f2(F_WN_SUF3, wn, x->suffix[2]);
    f[k++] = f2(F_WN_PREV_TAG, wn, t1);
    f[k++] = f2(F_PREV_WN, i > 0 ? w[i - 1].wn & KG_WN_POS_BITS : 0x100, wn);
    f[k++] = f2(F_NEXT_WN, i + 1 < n ? w[i + 1].wn & KG_WN_POS_BITS : 0x100, wn);
    if (!first)
        return k;
    uint64_t r1 = i + 1 < n ? first[i + 1] + 1u : 0, r2 = i + 2 < n ? first[i + 2] + 1u : 0;
    f[k++] = f1(F_NEXT_TAG, r1);
    f[k++] = f2(F_NEXT2_TAGS, r1, r2);
    f[k++] = f2(F_PREV_NEXT_TAGS, t1, r1);
    f[k++] = f2(F_NEXT_TAG_LOWER, r1, x->lower);
    f[k++] = f2(F_NEXT_TAG_SUF3, r1, x->suffix[2]);
    f[k++] = f2(F_NEXT_TAG_WN, r1, wn);
    f[k++] = f2(F_NEXT_TAG_NEXT_LOWER, r1, next);
    return k;
}

static kg_word_feats *word_feats(const kg_wordnet *wn, const char *const *forms, size_t n)
{
    kg_word_feats *w = malloc((n ? n : 1) * sizeof *w);
    if (w)
        for (size_t i = 0; i < n; i++) {
            kg_word_feats_of(forms[i], &w[i]);
            w[i].wn = kg_wordnet_classes(wn, forms[i]);
        }
    return w;
}

/* ------------------------------------------------------------ training */

typedef struct trainer {
    kg_perc_train *pt;
    const kg_wordnet *wn;
    size_t n_tags;
    const uint16_t *const *first; /* per sentence, the first pass's tags (second pass) */
    float *scores;
    uint16_t *pred;       /* the tags chosen so far in the sentence */
    size_t pred_cap;
} trainer;

/* One pass over sentence j; returns the number tagged right, or -1 when out
 * of memory. */
static long train_sentence(trainer *t, const kg_tagger_sentence *s, size_t j)
{
    if (s->n > t->pred_cap) {
        uint16_t *p = realloc(t->pred, s->n * sizeof *p);
        if (!p)
            return -1;
        t->pred = p;
        t->pred_cap = s->n;
    }
    kg_word_feats *w = word_feats(t->wn, s->forms, s->n);
    if (!w)
        return -1;
    long right = 0;
    uint64_t f[N_FEATS];
    const uint16_t *first = t->first ? t->first[j] : NULL;
    for (size_t i = 0; i < s->n; i++) {
        size_t nf = features(w, s->n, i, t->pred, first, f);
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

/* Trains one pass's weights on the s[i] with use[i] (first: NULL for the
 * first pass). */
static kg_status train_pass(const kg_tagger_sentence *s, size_t n, const bool *use,
                            size_t n_tags, const kg_wordnet *wn, const uint16_t *const *first,
                            const kg_tagger_train_options *o, unsigned long seed, FILE *log,
                            kg_perc **out, kg_error *err)
{
    *out = NULL;
    trainer t = {kg_perc_train_new(n_tags), wn, n_tags, first, calloc(n_tags, sizeof(float)),
                 NULL, 0};
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    kg_status st = KG_OK;
    if (!t.pt || !t.scores || !order)
        st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n && order; i++)
        if (!use || use[i])
            order[m++] = i;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, seed);
    for (int e = 0; e < o->epochs && st == KG_OK; e++) {
        kg_shuffle(&rng, order, m);
        long right = 0, total = 0;
        for (size_t k = 0; k < m && st == KG_OK; k++) {
            long r = train_sentence(&t, &s[order[k]], order[k]);
            if (r < 0)
                st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
            right += r;
            total += (long)s[order[k]].n;
        }
        if (log && st == KG_OK)
            fprintf(log, "tagger %s pass, epoch %d: %.2f%% right while training, %zu features\n",
                    first ? "second" : "first", e + 1, total ? 100.0 * right / total : 0.0,
                    kg_perc_train_rows(t.pt));
    }
    if (st == KG_OK && !(*out = kg_perc_train_average(t.pt, 1e-3f, o->min_updates)))
        st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    kg_perc_train_free(t.pt);
    free(t.scores);
    free(t.pred);
    free(order);
    return st;
}

static void tag_pass(const kg_perc *perc, const kg_word_feats *w, size_t n,
                     const uint16_t *first, float *scores, uint16_t *tags, uint16_t *alt);

/* The first pass's tags of every used sentence, as the second pass will see
 * them at run time: from a first pass that did not train on the sentence
 * (two halves, each tagged by weights trained on the other). */
static kg_status first_pass_tags(const kg_tagger_sentence *s, size_t n, const bool *use,
                                 size_t n_tags, const kg_wordnet *wn,
                                 const kg_tagger_train_options *o, uint16_t **first,
                                 kg_error *err)
{
    bool *half = malloc((n ? n : 1) * sizeof *half);
    float *scores = malloc(n_tags * sizeof *scores);
    kg_status st = half && scores ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    for (size_t h = 0; h < 2 && st == KG_OK; h++) {
        for (size_t i = 0; i < n; i++)
            half[i] = (!use || use[i]) && i % 2 != h;
        kg_perc *p = NULL;
        st = train_pass(s, n, half, n_tags, wn, NULL, o, o->seed + 7 + h, NULL, &p, err);
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if ((use && !use[i]) || i % 2 != h)
                continue;
            kg_word_feats *w = word_feats(wn, s[i].forms, s[i].n);
            if (!w) {
                st = kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
                break;
            }
            tag_pass(p, w, s[i].n, NULL, scores, first[i], NULL);
            free(w);
        }
        kg_perc_free(p);
    }
    free(half);
    free(scores);
    return st;
}

kg_status kg_tagger_train(const kg_tagger_sentence *s, size_t n, const bool *use, size_t n_tags,
                          const kg_wordnet *wn, const kg_tagger_train_options *o,
                          kg_tagger **out, kg_error *err)
{
    *out = NULL;
    kg_tagger *tg = calloc(1, sizeof *tg);
    uint16_t **first = calloc(n ? n : 1, sizeof *first);
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i].n;
    uint16_t *block = malloc((words ? words : 1) * sizeof *block);
    if (!tg || !first || !block) {
        free(tg);
        free(first);
        free(block);
        return kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    }
    tg->wn = wn;
    for (size_t i = 0, at = 0; i < n; at += s[i].n, i++)
        first[i] = block + at;
    kg_status st = train_pass(s, n, use, n_tags, wn, NULL, o, o->seed, o->log, &tg->perc, err);
    if (st == KG_OK)
        st = first_pass_tags(s, n, use, n_tags, wn, o, first, err);
    if (st == KG_OK)
        st = train_pass(s, n, use, n_tags, wn, (const uint16_t *const *)first, o, o->seed + 3,
                        o->log, &tg->perc2, err);
    free(first);
    free(block);
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

/* One left-to-right pass: tags[0..n), and alt[] (may be NULL) the runners-up. */
static void tag_pass(const kg_perc *perc, const kg_word_feats *w, size_t n,
                     const uint16_t *first, float *scores, uint16_t *tags, uint16_t *alt)
{
    size_t nc = kg_perc_classes(perc);
    uint64_t f[N_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = features(w, n, i, tags, first, f);
        kg_perc_score(perc, f, nf, scores);
        tags[i] = (uint16_t)kg_perc_argmax(scores, NULL, nc);
        if (alt)
            alt[i] = runner_up(scores, nc, tags[i]);
    }
}

kg_status kg_tagger_tag(const kg_tagger *t, const char *const *forms, size_t n, uint16_t *tags,
                        uint16_t *alt, kg_error *err)
{
    size_t nc = kg_perc_classes(t->perc);
    kg_word_feats *w = word_feats(t->wn, forms, n);
    float *scores = malloc(nc * sizeof *scores);
    uint16_t *first = malloc((n ? n : 1) * sizeof *first);
    if (!w || !scores || !first) {
        free(w);
        free(scores);
        free(first);
        return kg_error_set(err, KG_ERR_NOMEM, "tagger: out of memory");
    }
    tag_pass(t->perc, w, n, NULL, scores, first, NULL);
    tag_pass(t->perc2, w, n, first, scores, tags, alt);
    free(w);
    free(scores);
    free(first);
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
    kg_perc_write(t->perc2, b);
}

kg_tagger *kg_tagger_read(kg_mread *r, const kg_wordnet *wn)
{
    if (!kg_mread_tag(r, "TAGR"))
        return NULL;
    kg_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    t->wn = wn;
    if (!(t->perc = kg_perc_read(r)) || !(t->perc2 = kg_perc_read(r)))
        kg_mread_fail(r, "no tagger weights");
    if (!r->bad && kg_perc_classes(t->perc) != kg_perc_classes(t->perc2))
        kg_mread_fail(r, "the tagger's passes have different tag sets");
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
    kg_perc_free(t->perc2);
    free(t);
}
