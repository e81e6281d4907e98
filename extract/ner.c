/* ner.c - see ner.h: the features, greedy BILOU decoding and the model file.
 *
 * The file is the model header, then a NERM section: the model's name, the
 * number of tags and of the feature set (both checked on loading, so a model
 * from other templates is refused rather than read as nonsense), and the
 * perceptron's weights, which a loaded model points into. */
#include "ner_internal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "paths.h"
#include "text.h"

/* Changes with the templates below: a model is only read by the code whose
 * features it was trained on. */
#define FEATURE_SET 1u

/* Feature templates: the numbers are part of the model file's meaning. */
enum {
    F_BIAS = 1,
    F_LOWER, F_PRE1, F_PRE2, F_PRE3, F_PRE4, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_SHAPE, F_FLAGS,
    F_FIRST_FLAGS, F_HEADLINE_SHAPE,
    F_PREV_LOWER, F_NEXT_LOWER, F_PREV2_LOWER, F_NEXT2_LOWER,
    F_PREV_LOWER_LOWER, F_LOWER_NEXT_LOWER, F_PREV2_PREV_LOWER, F_NEXT_NEXT2_LOWER,
    F_PREV_NEXT_LOWER,
    F_PREV_LOWER_SHAPE, F_NEXT_LOWER_SHAPE, F_PREV_SHAPE, F_NEXT_SHAPE, F_PREV_NEXT_SHAPE,
    F_PREV_TAG, F_PREV2_TAGS, F_PREV_TAG_LOWER, F_PREV_TAG_SHAPE,
    F_GAZ, F_PREV_GAZ, F_NEXT_GAZ, F_GAZ_SHAPE, F_GAZ_PREV_TAG, F_GAZ_MASK,
    F_PREV_GAZ_SHAPE, F_NEXT_GAZ_SHAPE,
    F_CAPRUN, F_CAPRUN_GAZ,
    F_COUNT
};

#define BOS_HASH 0x5bd1e995u
#define EOS_HASH 0x27d4eb2fu

static const char *const class_names[KG_NER_CLASSES] = {"PER", "ORG", "LOC", "OTH"};

const char *kg_ner_class_name(kg_ner_class c)
{
    return (unsigned)c < KG_NER_CLASSES ? class_names[c] : "?";
}

/* ------------------------------------------------------------ the lexicon's view */

/* Longest names looked up, in words. */
#define WINDOW 3
#define KEY_MAX 256

static bool all_caps_word(const char *s)
{
    size_t letters = 0;
    for (; *s; s++) {
        if (islower((unsigned char)*s))
            return false;
        letters += isupper((unsigned char)*s) != 0;
    }
    return letters > 1;
}

/* "LEICESTERSHIRE" -> "Leicestershire": headlines write names in capitals,
 * the lexicon does not. */
static bool title_case(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    if (n + 1 > size)
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = i ? (char)tolower((unsigned char)s[i]) : s[i];
    out[n] = '\0';
    return true;
}

/* Words i..i+k joined by spaces into key; false when too long. */
static bool join(const char *const *forms, size_t i, size_t k, char *key)
{
    size_t len = 0;
    for (size_t j = i; j < i + k; j++) {
        size_t w = strlen(forms[j]);
        if (len + w + 2 > KEY_MAX)
            return false;
        if (j > i)
            key[len++] = ' ';
        memcpy(key + len, forms[j], w);
        len += w;
    }
    key[len] = '\0';
    return true;
}

/* What the lexicon knows of one word by itself. */
static unsigned word_gaz(const kg_lexicon *lx, const char *form)
{
    unsigned g = 0;
    char alt[KEY_MAX];
    const char *tc = all_caps_word(form) && title_case(form, alt, sizeof alt) ? alt : NULL;
    bool plural;
    if (kg_lexicon_is_given_name(lx, form) || (tc && kg_lexicon_is_given_name(lx, tc)))
        g |= KG_NER_G_GIVEN;
    if (kg_lexicon_is_honorific(lx, form))
        g |= KG_NER_G_HONORIFIC;
    if (kg_lexicon_is_org_cue(lx, form) || (tc && kg_lexicon_is_org_cue(lx, tc)))
        g |= KG_NER_G_ORG_CUE;
    if (kg_lexicon_demonym(lx, form, &plural) || (tc && kg_lexicon_demonym(lx, tc, &plural)))
        g |= KG_NER_G_DEMONYM;
    if (strlen(form) <= 3 && all_caps_word(form) && kg_lexicon_country_code(lx, form))
        g |= KG_NER_G_CODE;
    if (tc && (kg_lexicon_country(lx, tc) || kg_lexicon_is_location(lx, tc)))
        g |= kg_lexicon_country(lx, tc) ? KG_NER_G_COUNTRY : KG_NER_G_LOCATION;
    if (kg_lexicon_in(lx, KG_WL_LEGAL_FORMS, form))
        g |= KG_NER_G_LEGAL;
    char low[KEY_MAX];
    size_t n = strlen(form);
    if (n < sizeof low) {
        for (size_t i = 0; i <= n; i++)
            low[i] = (char)tolower((unsigned char)form[i]);
        if (kg_lexicon_is_profession(lx, low))
            g |= KG_NER_G_PROFESSION;
    }
    if (kg_lexicon_is_common_word(lx, form))
        g |= KG_NER_G_COMMON;
    return g;
}

/* Names of one to WINDOW words starting at i: organizations, countries,
 * places and titles mark every word they cover. */
static void window_gaz(const kg_lexicon *lx, const char *const *forms, size_t n, size_t i,
                       kg_ner_word *w)
{
    char key[KEY_MAX];
    size_t title = kg_lexicon_title_len(lx, forms + i, n - i);
    for (size_t k = 0; k < title; k++)
        w[i + k].gaz |= KG_NER_G_TITLE;
    for (size_t k = 1; k <= WINDOW && i + k <= n; k++) {
        if (!join(forms, i, k, key))
            break;
        unsigned g = 0;
        if (kg_lexicon_organization(lx, key))
            g |= KG_NER_G_ORG;
        if (kg_lexicon_country(lx, key))
            g |= KG_NER_G_COUNTRY;
        if (kg_lexicon_is_location(lx, key))
            g |= KG_NER_G_LOCATION;
        if (g && k > 1)
            g |= KG_NER_G_MULTI;
        for (size_t j = i; j < i + k; j++)
            w[j].gaz |= g;
    }
}

static uint64_t prefix4(const char *form)
{
    uint64_t h = 29;
    size_t len = strlen(form), k = 0;
    for (size_t i = 0; i < len && k < 4; k++) {
        int32_t c;
        i += kg_text_decode(form, i, len, &c);
        h = kg_perc_mix(h, (uint64_t)utf8proc_tolower(c));
    }
    return kg_perc_mix(h, k);
}

kg_ner_word *kg_ner_words(const kg_lexicon *lx, kg_arena *a, const char *const *forms, size_t n,
                          bool *headline)
{
    kg_ner_word *w = kg_arena_alloc(a, (n ? n : 1) * sizeof *w);
    if (!w)
        return NULL;
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
        kg_word_feats_of(forms[i], &w[i].w);
        w[i].pre4 = prefix4(forms[i]);
        w[i].gaz |= word_gaz(lx, forms[i]);
        window_gaz(lx, forms, n, i, w);
        if (!(w[i].w.flags & KG_WF_PUNCT) && !(w[i].w.flags & KG_WF_DIGIT)) {
            words++;
            caps += all_caps_word(forms[i]);
        }
    }
    *headline = words >= 2 && caps * 2 > words;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && (w[j].w.flags & KG_WF_UPPER))
            j++;
        for (size_t k = i; k < j; k++) {
            w[k].caprun = (unsigned)(j - i < 4 ? j - i : 4);
            w[k].runpos = (unsigned)(k - i < 2 ? k - i : 2) | (k + 1 == j) << 2;
        }
        i = j > i ? j : i + 1;
    }
    return w;
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

static uint64_t f3(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    return kg_perc_mix(kg_perc_mix(kg_perc_mix(kg_perc_mix(t, a), b), c), 0x4cf5ad432745937full);
}

/* Adds one feature per gazetteer bit set in g, so that each piece of
 * knowledge has its own weight whatever else is known of the word. */
static size_t gaz_bits(unsigned t, unsigned g, uint64_t with, uint64_t *f, size_t k)
{
    for (unsigned b = 0; b < KG_NER_G_BITS; b++)
        if (g & 1u << b)
            f[k++] = f2(t, b, with);
    return k;
}

/* The bits that name something, not the common-word hint. */
#define GAZ_NAMES (~(unsigned)KG_NER_G_COMMON)

size_t kg_ner_features(const kg_ner_word *w, size_t n, size_t i, bool headline,
                       const uint8_t *tags, uint64_t *f)
{
    const kg_word_feats *x = &w[i].w;
    uint64_t prev = i > 0 ? w[i - 1].w.lower : BOS_HASH;
    uint64_t next = i + 1 < n ? w[i + 1].w.lower : EOS_HASH;
    uint64_t prev2 = i > 1 ? w[i - 2].w.lower : BOS_HASH;
    uint64_t next2 = i + 2 < n ? w[i + 2].w.lower : EOS_HASH;
    uint64_t pshape = i > 0 ? w[i - 1].w.shape : BOS_HASH;
    uint64_t nshape = i + 1 < n ? w[i + 1].w.shape : EOS_HASH;
    uint64_t t1 = i > 0 ? tags[i - 1] + 1u : 0, t2 = i > 1 ? tags[i - 2] + 1u : 0;
    unsigned caseflags = x->flags & (KG_WF_UPPER | KG_WF_ALLCAPS);
    unsigned g = w[i].gaz;
    unsigned pg = i > 0 ? w[i - 1].gaz : 1u << 20, ng = i + 1 < n ? w[i + 1].gaz : 1u << 21;
    size_t k = 0;
    f[k++] = f1(F_BIAS, 0);
    f[k++] = f1(F_LOWER, x->lower);
    f[k++] = f1(F_PRE1, x->prefix[0]);
    f[k++] = f1(F_PRE2, x->prefix[1]);
    f[k++] = f1(F_PRE3, x->prefix[2]);
    f[k++] = f1(F_PRE4, w[i].pre4);
    f[k++] = f1(F_SUF1, x->suffix[0]);
    f[k++] = f1(F_SUF2, x->suffix[1]);
    f[k++] = f1(F_SUF3, x->suffix[2]);
    f[k++] = f1(F_SUF4, x->suffix[3]);
    f[k++] = f1(F_SHAPE, x->shape);
    f[k++] = f1(F_FLAGS, x->flags);
    f[k++] = f2(F_FIRST_FLAGS, i == 0, x->flags);
    /* in a headline capitals say little, and the words say more */
    f[k++] = f3(F_HEADLINE_SHAPE, headline, x->shape, i == 0);
    f[k++] = f1(F_PREV_LOWER, prev);
    f[k++] = f1(F_NEXT_LOWER, next);
    f[k++] = f1(F_PREV2_LOWER, prev2);
    f[k++] = f1(F_NEXT2_LOWER, next2);
    f[k++] = f2(F_PREV_LOWER_LOWER, prev, x->lower);
    f[k++] = f2(F_LOWER_NEXT_LOWER, x->lower, next);
    f[k++] = f2(F_PREV2_PREV_LOWER, prev2, prev);
    /* "X 's chief executive", "X said" */
    f[k++] = f2(F_NEXT_NEXT2_LOWER, next, next2);
    /* "the X newspaper" */
    f[k++] = f2(F_PREV_NEXT_LOWER, prev, next);
    /* "firm X" */
    f[k++] = f2(F_PREV_LOWER_SHAPE, prev, x->shape);
    f[k++] = f2(F_NEXT_LOWER_SHAPE, next, x->shape);
    f[k++] = f1(F_PREV_SHAPE, pshape);
    f[k++] = f1(F_NEXT_SHAPE, nshape);
    f[k++] = f3(F_PREV_NEXT_SHAPE, pshape, x->shape, nshape);
    f[k++] = f1(F_PREV_TAG, t1);
    f[k++] = f2(F_PREV2_TAGS, t1, t2);
    f[k++] = f2(F_PREV_TAG_LOWER, t1, x->lower);
    f[k++] = f2(F_PREV_TAG_SHAPE, t1, x->shape);
    k = gaz_bits(F_GAZ, g, caseflags, f, k);
    k = gaz_bits(F_PREV_GAZ, pg & GAZ_NAMES, caseflags, f, k);
    k = gaz_bits(F_NEXT_GAZ, ng & GAZ_NAMES, caseflags, f, k);
    f[k++] = f2(F_GAZ_MASK, g, caseflags);
    f[k++] = f2(F_GAZ_SHAPE, g & GAZ_NAMES, x->shape);
    f[k++] = f2(F_GAZ_PREV_TAG, g & GAZ_NAMES, t1);
    f[k++] = f3(F_PREV_GAZ_SHAPE, pg & GAZ_NAMES, x->shape, caseflags);
    f[k++] = f3(F_NEXT_GAZ_SHAPE, ng & GAZ_NAMES, x->shape, caseflags);
    f[k++] = f2(F_CAPRUN, w[i].caprun, w[i].runpos);
    f[k++] = f3(F_CAPRUN_GAZ, w[i].caprun, w[i].runpos, g & GAZ_NAMES);
    return k;
}

/* ------------------------------------------------------------ BILOU */

void kg_ner_allowed(unsigned prev, bool last, bool *allowed)
{
    bool inside = prev != 0 && prev < KG_NER_TAGS &&
                  (KG_NER_TAG_POS(prev) == KG_NER_B || KG_NER_TAG_POS(prev) == KG_NER_I);
    memset(allowed, 0, KG_NER_TAGS * sizeof *allowed);
    if (inside) {
        kg_ner_class c = KG_NER_TAG_CLASS(prev);
        allowed[KG_NER_TAG(c, KG_NER_L)] = true;
        if (!last)
            allowed[KG_NER_TAG(c, KG_NER_I)] = true;
        return;
    }
    allowed[0] = true;
    for (unsigned c = 0; c < KG_NER_CLASSES; c++) {
        allowed[KG_NER_TAG(c, KG_NER_U)] = true;
        if (!last)
            allowed[KG_NER_TAG(c, KG_NER_B)] = true;
    }
}

kg_status kg_ner_spans_of(kg_arena *a, const uint8_t *tags, const float *margins, size_t n,
                          kg_ner_span **out, size_t *n_out, kg_error *err)
{
    *out = NULL;
    *n_out = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        count += tags[i] && (KG_NER_TAG_POS(tags[i]) == KG_NER_L ||
                             KG_NER_TAG_POS(tags[i]) == KG_NER_U);
    if (!count)
        return KG_OK;
    kg_ner_span *s = kg_arena_alloc(a, count * sizeof *s);
    if (!s)
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    size_t k = 0, start = 0, counted = 0;
    float sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (!tags[i])
            continue;
        unsigned pos = KG_NER_TAG_POS(tags[i]);
        if (pos == KG_NER_B || pos == KG_NER_U) {
            start = i;
            sum = 0;
            counted = 0;
        }
        /* a forced tag (NaN) was no decision */
        if (margins && !isnan(margins[i])) {
            sum += margins[i];
            counted++;
        }
        if (pos == KG_NER_L || pos == KG_NER_U)
            s[k++] = (kg_ner_span){start, i + 1, KG_NER_TAG_CLASS(tags[i]),
                                   counted ? sum / (float)counted : 0};
    }
    *out = s;
    *n_out = k;
    return KG_OK;
}

/* ------------------------------------------------------------ tagging */

kg_status kg_ner_tag(const kg_ner *m, const kg_lexicon *lx, kg_arena *a, const char *const *forms,
                     size_t n, kg_ner_span **out, size_t *n_out, kg_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (n == 0)
        return KG_OK;
    bool headline;
    kg_ner_word *w = kg_ner_words(lx, a, forms, n, &headline);
    uint8_t *tags = kg_arena_alloc(a, n * sizeof *tags);
    float *margins = kg_arena_alloc(a, n * sizeof *margins);
    if (!w || !tags || !margins)
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    uint64_t f[KG_NER_MAX_FEATS];
    float scores[KG_NER_TAGS];
    bool allowed[KG_NER_TAGS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = kg_ner_features(w, n, i, headline, tags, f);
        kg_perc_score(m->perc, f, nf, scores);
        kg_ner_allowed(i ? tags[i - 1] : KG_NER_TAGS, i + 1 == n, allowed);
        size_t best = kg_perc_argmax(scores, allowed, KG_NER_TAGS);
        float other = 0;
        bool any = false;
        for (size_t t = 0; t < KG_NER_TAGS; t++)
            if (t != best && allowed[t] && (!any || scores[t] > other)) {
                other = scores[t];
                any = true;
            }
        tags[i] = (uint8_t)best;
        margins[i] = any ? scores[best] - other : NAN;
    }
    return kg_ner_spans_of(a, tags, margins, n, out, n_out, err);
}

/* ------------------------------------------------------------ the file */

const char *kg_ner_name(const kg_ner *m)
{
    return m->name ? m->name : "";
}

void kg_ner_free(kg_ner *m)
{
    if (!m)
        return;
    kg_perc_free(m->perc);
    free(m->own_name);
    kg_mfile_close(&m->file);
    free(m);
}

kg_status kg_ner_save(const kg_ner *m, const char *path, kg_error *err)
{
    kg_mbuf b;
    kg_mbuf_init(&b);
    kg_mbuf_tag(&b, "NERM");
    kg_mbuf_str(&b, kg_ner_name(m));
    kg_mbuf_u64(&b, KG_NER_TAGS);
    kg_mbuf_u64(&b, FEATURE_SET);
    kg_perc_write(m->perc, &b);
    kg_status st = kg_mbuf_save(&b, path, err);
    kg_mbuf_free(&b);
    return st;
}

kg_status kg_ner_load(const char *path, kg_ner **out, kg_error *err)
{
    *out = NULL;
    char own[KG_PATHS_MAX];
    if (!path) {
        kg_status pst = kg_paths_model_file(KG_NER_MODEL_FILE, own, sizeof own, err);
        if (pst != KG_OK)
            return pst;
    }
    kg_ner *m = calloc(1, sizeof *m);
    if (!m)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_mread r;
    kg_status st = kg_mread_open(path ? path : own, &m->file, &r, err);
    if (st == KG_OK) {
        /* a parser model is a kg model too: say what is wrong with it */
        if (r.len - r.pos < 4 || memcmp(r.data + r.pos, "NERM", 4) != 0)
            kg_mread_fail(&r, "not an NER model (no NERM section)");
        if (!r.bad && kg_mread_tag(&r, "NERM")) {
            m->name = kg_mread_str(&r);
            if (kg_mread_u64(&r) != KG_NER_TAGS && !r.bad)
                kg_mread_fail(&r, "not the NER tag set");
            if (kg_mread_u64(&r) != FEATURE_SET && !r.bad)
                kg_mread_fail(&r, "trained on other features than this kg computes");
            if (!r.bad && !(m->perc = kg_perc_read(&r)))
                kg_mread_fail(&r, "no NER weights");
            if (!r.bad && kg_perc_classes(m->perc) != KG_NER_TAGS)
                kg_mread_fail(&r, "the weights are not for the NER tag set");
            if (!r.bad && r.pos != r.len)
                kg_mread_fail(&r, "bytes after the last section");
        }
        st = kg_mread_status(&r, err);
    }
    if (st != KG_OK) {
        kg_ner_free(m);
        return st;
    }
    *out = m;
    return KG_OK;
}
