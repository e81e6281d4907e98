/* depparse.c - see depparse.h.
 *
 * The pieces, one at a time: the transition system and oracle are in
 * transition.c, the classifier in perceptron.c; this file holds the feature
 * templates, the greedy decoder and the training loop.  A class is a move
 * with its label: 0 is SHIFT, 1 + l is LEFT with label l, 1 + L + l is RIGHT
 * with label l.
 */
#include "depparse.h"

#include <stdlib.h>
#include <string.h>

#include "perceptron.h"
#include "shuffle.h"
#include "tagger.h"
#include "transition.h"

struct kg_depparse {
    size_t n_labels;
    kg_perc *perc;
    const kg_wordnet *wn; /* the model's, borrowed */
};

#define MAX_FEATS 192
/* After this epoch the trainer follows its own predictions (exploration). */
#define EXPLORE_FROM 1
/* ... nine times in ten; the tenth it follows the oracle. */
#define EXPLORE_P 0.9

/* What the templates read of a sentence: per word 0..n (0 the root) and a
 * last slot, n + 1, standing for "no such word". */
typedef struct sentence_atoms {
    size_t n;
    uint64_t *w;          /* lower-case word */
    uint64_t *p;          /* tag id + 2; the root 1, none 0 */
    uint64_t *q;          /* the tagger's runner-up + 2 where it was unsure (closeness
                             in the top bits), else 0 */
    uint64_t *x;          /* last three letters: a word's class when the word is rare */
    uint64_t *c;          /* WordNet's parts of speech and coarse noun sense + 1; 0: none */
    size_t *punct;        /* punctuation tokens among words 1..i */
    size_t *opener;       /* the nearest unclosed ( [ { or opening quote before i, or 0 */
} sentence_atoms;


static void atoms_free(sentence_atoms *a)
{
    free(a->w);
    free(a->p);
    free(a->q);
    free(a->x);
    free(a->c);
    free(a->punct);
    free(a->opener);
}

/* Brackets and quotes pair up, and a closing one goes where its opening one
 * went: opener[i] tells each word which one is still open before it.  A
 * straight quote closes when the innermost open one is a straight quote and
 * opens otherwise. */
static void find_openers(sentence_atoms *a, const char *const *forms, size_t n)
{
    size_t open[16], depth = 0;
    a->opener[0] = 0;
    for (size_t i = 0; i < n; i++) {
        a->opener[i + 1] = depth ? open[depth - 1] : 0;
        const char *f = forms[i];
        bool one = f[0] && !f[1];
        bool straight = !strcmp(f, "\"");
        bool inner_straight = depth && !strcmp(forms[open[depth - 1] - 1], "\"");
        bool opens = (one && strchr("([{", f[0])) || !strcmp(f, "\xe2\x80\x9c") ||
                     (straight && !inner_straight);
        bool closes = (one && strchr(")]}", f[0])) || !strcmp(f, "\xe2\x80\x9d") ||
                      (straight && inner_straight);
        if (opens && depth < 16)
            open[depth++] = i + 1;
        else if (closes && depth)
            depth--;
    }
    a->opener[n + 1] = depth ? open[depth - 1] : 0;
}

static kg_status atoms_init(sentence_atoms *a, const kg_wordnet *wn, const char *const *forms,
                            const uint16_t *tags, const uint16_t *alt, size_t n, kg_error *err)
{
    a->n = n;
    a->w = malloc((n + 2) * sizeof *a->w);
    a->p = malloc((n + 2) * sizeof *a->p);
    a->q = calloc(n + 2, sizeof *a->q);
    a->x = malloc((n + 2) * sizeof *a->x);
    a->c = malloc((n + 2) * sizeof *a->c);
    a->punct = malloc((n + 2) * sizeof *a->punct);
    a->opener = malloc((n + 2) * sizeof *a->opener);
    if (!a->w || !a->p || !a->q || !a->x || !a->c || !a->punct || !a->opener) {
        atoms_free(a);
        return kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    }
    a->w[0] = a->x[0] = 0x726f6f74u; /* "root" */
    a->p[0] = 1;
    a->w[n + 1] = a->x[n + 1] = 0x6e6f6e65u; /* "none" */
    a->p[n + 1] = 0;
    a->c[0] = 0x100;
    a->c[n + 1] = 0;
    a->punct[0] = 0;
    for (size_t i = 0; i < n; i++) {
        kg_word_feats wf;
        kg_word_feats_of(forms[i], &wf);
        a->w[i + 1] = wf.lower;
        a->x[i + 1] = wf.suffix[2];
        unsigned v = kg_wordnet_classes(wn, forms[i]);
        a->c[i + 1] = 1 + ((v & KG_WN_POS_BITS) | (uint64_t)KG_WN_NOUN_SENSE(v) << 9);
        a->p[i + 1] = tags[i] + 2u;
        if (alt && KG_TAG_ALT_CLOSENESS(alt[i]) < 3)
            a->q[i + 1] = (KG_TAG_ALT_TAG(alt[i]) + 2u) | (uint64_t)KG_TAG_ALT_CLOSENESS(alt[i])
                                                            << 16;
        a->punct[i + 1] = a->punct[i] + ((wf.flags & KG_WF_PUNCT) != 0);
    }
    a->punct[n + 1] = a->punct[n];
    find_openers(a, forms, n);
    return KG_OK;
}


/* ------------------------------------------------------------ features */

static uint64_t h1(unsigned t, uint64_t a)
{
    return kg_perc_mix(kg_perc_mix(t * 0x100000001b3ull, a), 1);
}

static uint64_t h2(unsigned t, uint64_t a, uint64_t b)
{
    return kg_perc_mix(kg_perc_mix(kg_perc_mix(t * 0x100000001b3ull, a), b), 2);
}

static uint64_t h3(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    return kg_perc_mix(kg_perc_mix(kg_perc_mix(kg_perc_mix(t * 0x100000001b3ull, a), b), c), 3);
}

static uint64_t h4(unsigned t, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
    return kg_perc_mix(h3(t, a, b, c), d);
}

static size_t bucket(size_t a, size_t b, size_t none)
{
    if (a == none || b == none)
        return 0;
    size_t d = a > b ? a - b : b - a;
    return d < 5 ? d : d < 8 ? 5 : d < 12 ? 6 : 7;
}

/* Punctuation strictly between words i < j (0 when either is missing), up to 3. */
static uint64_t punct_between(const sentence_atoms *a, size_t i, size_t j, size_t none)
{
    if (i == none || j == none || j <= i + 1)
        return 0;
    size_t c = a->punct[j - 1] - a->punct[i];
    return c < 3 ? c : 3;
}

static uint64_t cap7(unsigned v)
{
    return v < 7 ? v : 7;
}

/* The positions the templates read: the stack's top three, the buffer's
 * first four, their outermost dependents, and n + 1 for "no such word". */
typedef struct window {
    size_t none;
    size_t s0, s1, s2, b0, b1, b2, b3;
    size_t s0l, s0l2, s0r, s0r2, s1l, s1r, s1r2, b0l, b0l2;
    size_t d, d01;        /* distance buckets s0-b0, s1-s0 */
    uint64_t pb, pb01;    /* punctuation between them */
} window;

#define L(x) ((x) == v->none ? 0u : (uint64_t)(s->label[x] + 1))
#define VL(x) ((x) == v->none ? 8u : cap7(s->nl[x]))
#define VR(x) ((x) == v->none ? 8u : cap7(s->nr[x]))
#define SL(x) ((x) == v->none ? 1u : s->lset[x])
#define SR(x) ((x) == v->none ? 1u : s->rset[x])

/* The words and tags of the stack and buffer, alone, in pairs and in
 * threes, and their distance. */
static size_t words_features(const sentence_atoms *a, const window *v, uint64_t *f, size_t k,
                             unsigned *tp)
{
    unsigned t = *tp;
    /* single words */
    f[k++] = h2(++t, a->w[v->s0], a->p[v->s0]);
    f[k++] = h1(++t, a->w[v->s0]);
    f[k++] = h1(++t, a->p[v->s0]);
    f[k++] = h2(++t, a->w[v->b0], a->p[v->b0]);
    f[k++] = h1(++t, a->w[v->b0]);
    f[k++] = h1(++t, a->p[v->b0]);
    f[k++] = h2(++t, a->w[v->b1], a->p[v->b1]);
    f[k++] = h1(++t, a->w[v->b1]);
    f[k++] = h1(++t, a->p[v->b1]);
    f[k++] = h2(++t, a->w[v->b2], a->p[v->b2]);
    f[k++] = h1(++t, a->w[v->b2]);
    f[k++] = h1(++t, a->p[v->b2]);
    f[k++] = h2(++t, a->w[v->s1], a->p[v->s1]);
    f[k++] = h1(++t, a->w[v->s1]);
    f[k++] = h1(++t, a->p[v->s1]);
    f[k++] = h1(++t, a->p[v->s2]);
    /* pairs */
    f[k++] = h4(++t, a->w[v->s0], a->p[v->s0], a->w[v->b0], a->p[v->b0]);
    f[k++] = h3(++t, a->w[v->s0], a->p[v->s0], a->w[v->b0]);
    f[k++] = h3(++t, a->w[v->s0], a->w[v->b0], a->p[v->b0]);
    f[k++] = h3(++t, a->w[v->s0], a->p[v->s0], a->p[v->b0]);
    f[k++] = h3(++t, a->p[v->s0], a->w[v->b0], a->p[v->b0]);
    f[k++] = h2(++t, a->w[v->s0], a->w[v->b0]);
    f[k++] = h2(++t, a->p[v->s0], a->p[v->b0]);
    f[k++] = h2(++t, a->p[v->b0], a->p[v->b1]);
    f[k++] = h4(++t, a->w[v->s1], a->p[v->s1], a->w[v->s0], a->p[v->s0]);
    f[k++] = h2(++t, a->w[v->s1], a->w[v->s0]);
    f[k++] = h2(++t, a->p[v->s1], a->p[v->s0]);
    f[k++] = h3(++t, a->p[v->s1], a->w[v->s0], a->p[v->s0]);
    f[k++] = h3(++t, a->w[v->s1], a->p[v->s1], a->p[v->s0]);
    f[k++] = h2(++t, a->w[v->s1], a->w[v->b0]);
    f[k++] = h2(++t, a->p[v->s1], a->p[v->b0]);
    /* triples */
    f[k++] = h3(++t, a->p[v->b0], a->p[v->b1], a->p[v->b2]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->b0], a->p[v->b1]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s0], a->p[v->b0]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->s0l], a->p[v->b0]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->s0r], a->p[v->b0]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->b0], a->p[v->b0l]);
    f[k++] = h3(++t, a->p[v->s2], a->p[v->s1], a->p[v->s0]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s1r], a->p[v->s0]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s0], a->p[v->s0l]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s0], a->p[v->s0r]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s1l], a->p[v->s0]);
    f[k++] = h3(++t, a->w[v->s0], a->p[v->b0], a->p[v->b1]);
    f[k++] = h3(++t, a->p[v->s0], a->w[v->b0], a->p[v->b1]);
    /* distance */
    f[k++] = h2(++t, a->w[v->s0], v->d);
    f[k++] = h2(++t, a->p[v->s0], v->d);
    f[k++] = h2(++t, a->w[v->b0], v->d);
    f[k++] = h2(++t, a->p[v->b0], v->d);
    f[k++] = h3(++t, a->w[v->s0], a->w[v->b0], v->d);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->b0], v->d);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s0], v->d01);
    f[k++] = h3(++t, a->w[v->s1], a->w[v->s0], v->d01);
    *tp = t;
    return k;
}

/* What the words already have: valency, dependents, their labels. */
static size_t structure_features(const sentence_atoms *a, const kg_tr_state *s, const window *v,
                                 uint64_t *f, size_t k, unsigned *tp)
{
    unsigned t = *tp;
    /* valency */
    f[k++] = h2(++t, a->w[v->s0], VR(v->s0));
    f[k++] = h2(++t, a->p[v->s0], VR(v->s0));
    f[k++] = h2(++t, a->w[v->s0], VL(v->s0));
    f[k++] = h2(++t, a->p[v->s0], VL(v->s0));
    f[k++] = h2(++t, a->w[v->b0], VL(v->b0));
    f[k++] = h2(++t, a->p[v->b0], VL(v->b0));
    f[k++] = h2(++t, a->p[v->s1], VR(v->s1));
    f[k++] = h2(++t, a->w[v->s1], VR(v->s1));
    /* dependents */
    f[k++] = h1(++t, a->w[v->s0l]);
    f[k++] = h1(++t, a->p[v->s0l]);
    f[k++] = h1(++t, L(v->s0l));
    f[k++] = h1(++t, a->w[v->s0r]);
    f[k++] = h1(++t, a->p[v->s0r]);
    f[k++] = h1(++t, L(v->s0r));
    f[k++] = h1(++t, a->w[v->b0l]);
    f[k++] = h1(++t, a->p[v->b0l]);
    f[k++] = h1(++t, L(v->b0l));
    f[k++] = h1(++t, a->w[v->s1r]);
    f[k++] = h1(++t, a->p[v->s1r]);
    f[k++] = h1(++t, L(v->s1r));
    f[k++] = h2(++t, a->p[v->s1l], L(v->s1l));
    /* second dependents */
    f[k++] = h1(++t, a->w[v->s0l2]);
    f[k++] = h1(++t, a->p[v->s0l2]);
    f[k++] = h1(++t, L(v->s0l2));
    f[k++] = h1(++t, a->w[v->s0r2]);
    f[k++] = h1(++t, a->p[v->s0r2]);
    f[k++] = h1(++t, L(v->s0r2));
    f[k++] = h1(++t, a->w[v->b0l2]);
    f[k++] = h1(++t, a->p[v->b0l2]);
    f[k++] = h1(++t, L(v->b0l2));
    f[k++] = h3(++t, a->p[v->s0], a->p[v->s0l], a->p[v->s0l2]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->s0r], a->p[v->s0r2]);
    f[k++] = h3(++t, a->p[v->b0], a->p[v->b0l], a->p[v->b0l2]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s1r], a->p[v->s1r2]);
    /* label sets */
    f[k++] = h2(++t, a->w[v->s0], SR(v->s0));
    f[k++] = h2(++t, a->p[v->s0], SR(v->s0));
    f[k++] = h2(++t, a->w[v->s0], SL(v->s0));
    f[k++] = h2(++t, a->p[v->s0], SL(v->s0));
    f[k++] = h2(++t, a->w[v->b0], SL(v->b0));
    f[k++] = h2(++t, a->p[v->b0], SL(v->b0));
    f[k++] = h2(++t, a->p[v->s1], SR(v->s1));
    f[k++] = h3(++t, a->p[v->s0], SL(v->s0), SR(v->s0));
    *tp = t;
    return k;
}

/* Where the sentence stands, rare words, the tagger's close calls and
 * WordNet's classes. */
static size_t context_features(const sentence_atoms *a, const kg_tr_state *s, const window *v,
                               uint64_t *f, size_t k, unsigned *tp)
{
    unsigned t = *tp;
    /* where the sentence stands: words left, stack depth, an open bracket */
    uint64_t left = v->b0 == v->none ? 0 : a->n - v->b0 < 5 ? a->n - v->b0 + 1 : 6;
    uint64_t depth = s->depth < 4 ? s->depth : 4;
    size_t ob = v->b0 == v->none ? 0 : a->opener[v->b0];
    uint64_t open = ob == 0 ? 0 : v->s0 == v->none || ob > v->s0 ? 1 : ob == v->s0 ? 2 : 3;
    f[k++] = h3(++t, a->p[v->s0], a->p[v->b0], left);
    f[k++] = h2(++t, a->w[v->b0], left);
    f[k++] = h3(++t, a->p[v->s0], depth, a->p[v->b0]);
    f[k++] = h3(++t, a->w[v->b0], open, a->p[v->s0]);
    f[k++] = h3(++t, a->p[v->b0], open, a->p[v->s1]);
    /* rare words by their ending; punctuation between the candidates */
    f[k++] = h2(++t, a->x[v->s0], a->p[v->s0]);
    f[k++] = h2(++t, a->x[v->b0], a->p[v->b0]);
    f[k++] = h3(++t, a->x[v->s0], a->x[v->b0], a->p[v->b0]);
    f[k++] = h2(++t, a->x[v->s1], a->p[v->s1]);
    f[k++] = h3(++t, a->p[v->s0], a->p[v->b0], v->pb);
    f[k++] = h3(++t, v->pb, v->d, a->p[v->b0]);
    f[k++] = h3(++t, a->p[v->s1], a->p[v->s0], v->pb01);
    f[k++] = h4(++t, a->p[v->b0], a->p[v->b1], a->p[v->b2], a->p[v->b3]);
    /* close calls of the tagger: its second choice for the candidates */
    f[k++] = h2(++t, a->p[v->s0], a->q[v->s0]);
    f[k++] = h2(++t, a->p[v->b0], a->q[v->b0]);
    f[k++] = h3(++t, a->q[v->s0], a->p[v->b0], a->p[v->s0]);
    f[k++] = h3(++t, a->p[v->s0], a->q[v->b0], a->p[v->b0]);
    f[k++] = h3(++t, a->q[v->b0], a->w[v->b0], a->p[v->b1]);
    f[k++] = h2(++t, a->p[v->b1], a->q[v->b1]);
    f[k++] = h3(++t, a->p[v->s1], a->q[v->s1], a->p[v->s0]);
    /* WordNet's word classes: what a preposition's object is (a time, a
     * place, a person) tells where the phrase attaches */
    f[k++] = h2(++t, a->c[v->s0], a->p[v->s0]);
    f[k++] = h2(++t, a->c[v->b0], a->p[v->b0]);
    f[k++] = h3(++t, a->c[v->s0], a->w[v->b0l], a->c[v->b0]);
    f[k++] = h3(++t, a->c[v->s1], a->w[v->b0l], a->c[v->b0]);
    f[k++] = h3(++t, a->c[v->s1], a->c[v->s0], a->p[v->b0]);
    f[k++] = h3(++t, a->c[v->s0], a->c[v->b0], v->d);
    *tp = t;
    return k;
}

#undef L
#undef VL
#undef VR
#undef SL
#undef SR

/* Fills f with the features of state s; returns how many.  The template
 * numbers (t) are part of the model file's meaning: the order is fixed. */
static size_t features(const sentence_atoms *a, const kg_tr_state *s, uint64_t *f)
{
    window v;
    size_t none = v.none = a->n + 1;
#define POS(x) ((x) == KG_TR_NONE ? none : (x))
#define CH(arr, x) ((x) == none ? none : (s->arr[x] ? s->arr[x] : none))
    v.s0 = POS(kg_tr_stack(s, 0));
    v.s1 = POS(kg_tr_stack(s, 1));
    v.s2 = POS(kg_tr_stack(s, 2));
    v.b0 = POS(kg_tr_buffer(s, 0));
    v.b1 = POS(kg_tr_buffer(s, 1));
    v.b2 = POS(kg_tr_buffer(s, 2));
    v.b3 = POS(kg_tr_buffer(s, 3));
    v.s0l = CH(lc1, v.s0);
    v.s0l2 = CH(lc2, v.s0);
    v.s0r = CH(rc1, v.s0);
    v.s0r2 = CH(rc2, v.s0);
    v.s1l = CH(lc1, v.s1);
    v.s1r = CH(rc1, v.s1);
    v.s1r2 = CH(rc2, v.s1);
    v.b0l = CH(lc1, v.b0);
    v.b0l2 = CH(lc2, v.b0);
#undef CH
#undef POS
    v.d = bucket(v.s0, v.b0, none);
    v.d01 = bucket(v.s0, v.s1, none);
    v.pb = punct_between(a, v.s0, v.b0, none);
    v.pb01 = punct_between(a, v.s1, v.s0, none);
    unsigned t = 0;
    size_t k = words_features(a, &v, f, 0, &t);
    k = structure_features(a, s, &v, f, k, &t);
    k = context_features(a, s, &v, f, k, &t);
    f[k++] = h1(++t, 0); /* bias */
    return k;
}

/* ------------------------------------------------------------ moves */

static kg_tr_move class_move(size_t c, size_t nl)
{
    return c == 0 ? KG_TR_SHIFT : c <= nl ? KG_TR_LEFT : KG_TR_RIGHT;
}

static int class_label(size_t c, size_t nl)
{
    return c == 0 ? -1 : (int)((c - 1) % nl);
}

static void valid_classes(const kg_tr_state *s, size_t nl, bool *ok)
{
    bool left = kg_tr_valid(s, KG_TR_LEFT), right = kg_tr_valid(s, KG_TR_RIGHT);
    ok[0] = kg_tr_valid(s, KG_TR_SHIFT);
    for (size_t l = 0; l < nl; l++) {
        ok[1 + l] = left;
        ok[1 + nl + l] = right;
    }
}

/* ------------------------------------------------------------ parsing */

kg_status kg_depparse_parse(const kg_depparse *p, const char *const *forms, const uint16_t *tags,
                            const uint16_t *alt, size_t n, size_t *heads, uint16_t *labels,
                            kg_error *err)
{
    if (n == 0)
        return KG_OK;
    size_t nl = p->n_labels, nc = 1 + 2 * nl;
    sentence_atoms a;
    kg_tr_state s;
    kg_status st = atoms_init(&a, p->wn, forms, tags, alt, n, err);
    if (st != KG_OK)
        return st;
    if ((st = kg_tr_init(&s, n, err)) != KG_OK) {
        atoms_free(&a);
        return st;
    }
    float *scores = malloc(nc * sizeof *scores);
    bool *ok = malloc(nc * sizeof *ok);
    if (!scores || !ok)
        st = kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    uint64_t f[MAX_FEATS];
    while (st == KG_OK && !kg_tr_done(&s)) {
        size_t nf = features(&a, &s, f);
        kg_perc_score(p->perc, f, nf, scores);
        valid_classes(&s, nl, ok);
        size_t c = kg_perc_argmax(scores, ok, nc);
        kg_tr_apply(&s, class_move(c, nl), class_label(c, nl));
    }
    for (size_t i = 0; st == KG_OK && i < n; i++) {
        heads[i] = s.head[i + 1];
        labels[i] = (uint16_t)s.label[i + 1];
    }
    free(scores);
    free(ok);
    kg_tr_free(&s);
    atoms_free(&a);
    return st;
}

/* ------------------------------------------------------------ training */

typedef struct trainer {
    kg_perc_train *pt;
    const kg_wordnet *wn;
    size_t nl, nc;
    float *scores;
    bool *ok;
    size_t *cost;
    kg_shuffle_state rng;
    size_t *gold;         /* [0..n]: projectivized gold heads, 1-based */
    size_t gold_cap;
} trainer;

/* Cost of every class: the move's cost, plus one for a wrong label on an arc
 * that is gold. */
static void class_costs(trainer *t, const kg_tr_state *s, const uint16_t *labels)
{
    size_t cs = kg_tr_valid(s, KG_TR_SHIFT) ? kg_tr_cost(s, KG_TR_SHIFT, t->gold) : 0;
    size_t cl = kg_tr_valid(s, KG_TR_LEFT) ? kg_tr_cost(s, KG_TR_LEFT, t->gold) : 0;
    size_t cr = kg_tr_valid(s, KG_TR_RIGHT) ? kg_tr_cost(s, KG_TR_RIGHT, t->gold) : 0;
    size_t s0 = kg_tr_stack(s, 0), s1 = kg_tr_stack(s, 1), b0 = kg_tr_buffer(s, 0);
    bool word = s0 != 0 && s0 != KG_TR_NONE;
    bool left_gold = word && t->gold[s0] == b0, right_gold = word && t->gold[s0] == s1;
    t->cost[0] = cs;
    for (size_t l = 0; l < t->nl; l++) {
        t->cost[1 + l] = cl + (left_gold && labels[s0 - 1] != l);
        t->cost[1 + t->nl + l] = cr + (right_gold && labels[s0 - 1] != l);
    }
}

/* The valid class of least cost with the highest score. */
static size_t best_class(const trainer *t)
{
    size_t least = (size_t)-1, best = t->nc;
    for (size_t c = 0; c < t->nc; c++)
        if (t->ok[c] && t->cost[c] < least)
            least = t->cost[c];
    for (size_t c = 0; c < t->nc; c++)
        if (t->ok[c] && t->cost[c] == least && (best == t->nc || t->scores[c] > t->scores[best]))
            best = c;
    return best;
}

/* One sentence; adds to *right the moves predicted at least cost and to
 * *moves the moves made. */
static kg_status train_sentence(trainer *t, const kg_dep_sentence *x, bool explore,
                                size_t *right, size_t *moves, kg_error *err)
{
    if (x->n + 1 > t->gold_cap) {
        size_t *g = realloc(t->gold, (x->n + 1) * sizeof *g);
        if (!g)
            return kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
        t->gold = g;
        t->gold_cap = x->n + 1;
    }
    t->gold[0] = 0;
    for (size_t i = 0; i < x->n; i++)
        t->gold[i + 1] = x->heads[i];
    kg_tr_projectivize(t->gold, x->n);
    sentence_atoms a;
    kg_tr_state s;
    kg_status st = atoms_init(&a, t->wn, x->forms, x->tags, x->alt, x->n, err);
    if (st != KG_OK)
        return st;
    if ((st = kg_tr_init(&s, x->n, err)) != KG_OK) {
        atoms_free(&a);
        return st;
    }
    uint64_t f[MAX_FEATS];
    while (!kg_tr_done(&s)) {
        size_t nf = features(&a, &s, f);
        kg_perc_train_score(t->pt, f, nf, t->scores);
        valid_classes(&s, t->nl, t->ok);
        class_costs(t, &s, x->labels);
        size_t guess = kg_perc_argmax(t->scores, t->ok, t->nc);
        size_t best = best_class(t);
        if (t->cost[guess] > t->cost[best]) {
            if (!kg_perc_train_update(t->pt, f, nf, best, guess)) {
                st = kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
                break;
            }
        } else
            (*right)++;
        (*moves)++;
        kg_perc_train_tick(t->pt);
        size_t next = best;
        if (explore && (double)(kg_shuffle_next(&t->rng) >> 11) * 0x1.0p-53 < EXPLORE_P)
            next = guess;
        kg_tr_apply(&s, class_move(next, t->nl), class_label(next, t->nl));
    }
    kg_tr_free(&s);
    atoms_free(&a);
    return st;
}

/* Hands the averaged model as it stands after epoch to the caller's hook. */
static kg_status snapshot(const trainer *t, const kg_depparse_train_options *o, int epoch,
                          kg_error *err)
{
    kg_depparse p = {t->nl, kg_perc_train_average(t->pt, 1e-3f, o->min_updates), t->wn};
    if (!p.perc)
        return kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    kg_status st = o->epoch_done(o->hook_ctx, epoch, &p, err);
    kg_perc_free(p.perc);
    return st;
}

kg_status kg_depparse_train(const kg_dep_sentence *s, size_t n,
                            const kg_depparse_train_options *o, kg_depparse **out,
                            kg_error *err)
{
    *out = NULL;
    if (o->n_labels == 0 || 1 + 2 * o->n_labels > KG_PERC_MAX_CLASSES)
        return kg_error_set(err, KG_ERR_USAGE, "parser: %zu labels", o->n_labels);
    trainer t = {0};
    t.nl = o->n_labels;
    t.nc = 1 + 2 * t.nl;
    t.wn = o->wordnet;
    t.pt = kg_perc_train_new(t.nc);
    t.scores = malloc(t.nc * sizeof *t.scores);
    t.ok = malloc(t.nc * sizeof *t.ok);
    t.cost = malloc(t.nc * sizeof *t.cost);
    kg_shuffle_seed(&t.rng, o->seed ^ 0x70617273u);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    kg_depparse *p = calloc(1, sizeof *p);
    kg_status st = KG_OK;
    if (!t.pt || !t.scores || !t.ok || !t.cost || !order || !p)
        st = kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    for (size_t i = 0; i < n && order; i++)
        order[i] = i;
    kg_shuffle_state shuf;
    kg_shuffle_seed(&shuf, o->seed);
    for (int e = 0; e < o->epochs && st == KG_OK; e++) {
        kg_shuffle(&shuf, order, n);
        size_t right = 0, moves = 0;
        for (size_t k = 0; k < n && st == KG_OK; k++)
            st = train_sentence(&t, &s[order[k]], e >= EXPLORE_FROM, &right, &moves, err);
        if (o->log && st == KG_OK)
            fprintf(o->log, "parser epoch %d: %.2f%% of moves right while training, %zu features\n",
                    e + 1, moves ? 100.0 * right / moves : 0.0, kg_perc_train_rows(t.pt));
        if (st == KG_OK && o->epoch_done && e + 1 < o->epochs)
            st = snapshot(&t, o, e + 1, err);
    }
    if (st == KG_OK && !(p->perc = kg_perc_train_average(t.pt, 1e-3f, o->min_updates)))
        st = kg_error_set(err, KG_ERR_NOMEM, "parser: out of memory");
    p->n_labels = t.nl;
    p->wn = t.wn;
    if (st == KG_OK && o->epoch_done)
        st = o->epoch_done(o->hook_ctx, o->epochs, p, err);
    if (o->log && st == KG_OK)
        fprintf(o->log, "parser: %zu of %zu features kept, %zu weights\n",
                kg_perc_features(p->perc), kg_perc_train_rows(t.pt), kg_perc_weights(p->perc));
    kg_perc_train_free(t.pt);
    free(t.scores);
    free(t.ok);
    free(t.cost);
    free(t.gold);
    free(order);
    if (st != KG_OK) {
        kg_depparse_free(p);
        return st;
    }
    *out = p;
    return KG_OK;
}

/* ------------------------------------------------------------ the model */

size_t kg_depparse_labels(const kg_depparse *p)
{
    return p->n_labels;
}

void kg_depparse_write(const kg_depparse *p, kg_mbuf *b)
{
    kg_mbuf_tag(b, "DEPP");
    kg_mbuf_u64(b, p->n_labels);
    kg_perc_write(p->perc, b);
}

kg_depparse *kg_depparse_read(kg_mread *r, const kg_wordnet *wn)
{
    if (!kg_mread_tag(r, "DEPP"))
        return NULL;
    kg_depparse *p = calloc(1, sizeof *p);
    if (!p) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    p->wn = wn;
    p->n_labels = kg_mread_count(r, (KG_PERC_MAX_CLASSES - 1) / 2);
    if (!r->bad && p->n_labels == 0)
        kg_mread_fail(r, "a parser without labels");
    if (!r->bad && !(p->perc = kg_perc_read(r)))
        kg_mread_fail(r, "no parser weights");
    if (!r->bad && kg_perc_classes(p->perc) != 1 + 2 * p->n_labels)
        kg_mread_fail(r, "parser weights for another label set");
    if (r->bad) {
        kg_depparse_free(p);
        return NULL;
    }
    return p;
}

void kg_depparse_free(kg_depparse *p)
{
    if (!p)
        return;
    kg_perc_free(p->perc);
    free(p);
}
