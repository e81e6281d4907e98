/* perceptron.c - see perceptron.h. */
#include "perceptron.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A compact slot holds a feature's fingerprint (28 bits), where its row
 * starts in ent (28 bits) and its length (8 bits): that many (class << 16 |
 * int16 weight) words, or DENSE, and then ceil(classes / 2) words hold an
 * int16 for every class: whichever is shorter.  Frequent features have
 * weights for most classes, and adding a dense row is a loop the compiler
 * vectorizes where a sparse one is a chain of dependent scattered adds.
 * With at most KG_PERC_MAX_CLASSES classes a sparse row is shorter than
 * DENSE. */
#define DENSE 255u
#define OFFSET_BITS 28
#define OFFSET_MASK ((1u << OFFSET_BITS) - 1)

static uint64_t slot_of(uint32_t fp, size_t off, unsigned len)
{
    return (uint64_t)fp << 36 | (uint64_t)len << OFFSET_BITS | off;
}

static uint32_t slot_fp(uint64_t s)
{
    return (uint32_t)(s >> 36);
}

static unsigned slot_len(uint64_t s)
{
    return (unsigned)(s >> OFFSET_BITS) & 0xFFu;
}

static size_t slot_off(uint64_t s)
{
    return (size_t)(s & OFFSET_MASK);
}

/* Training rows live in chunks so growth never copies (or doubles) gigabytes. */
#define CHUNK_ROWS 65536u

struct kg_perc_train {
    size_t nc;
    uint64_t *keys; /* 0: empty slot */
    uint32_t *rows;
    size_t cap, used; /* table slots, rows in use */
    float **w;        /* chunk k holds rows [k*CHUNK_ROWS, (k+1)*CHUNK_ROWS) */
    double **u;
    uint32_t *updates; /* per row: how many updates touched it */
    size_t n_chunks;
    double clock; /* instances seen + 1 */
};

struct kg_perc {
    size_t nc;
    size_t cap;           /* slots */
    const uint64_t *slot; /* fingerprint, length and offset of a row (see DENSE); 0: empty */
    size_t nrows;
    size_t nent;         /* words in ent */
    const uint32_t *ent; /* the rows' weights */
    float scale;         /* a weight is its int16 times scale */
    void *owned;         /* the arrays when built, not read */
};

uint64_t kg_perc_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return kg_perc_mix(h, n);
}

/* Tables take their slot and fingerprint from different bits of the key, so
 * the caller's feature is mixed once more: a feature need not be a good hash
 * itself.  0 marks an empty slot, so no key is 0. */
static uint64_t nonzero(uint64_t f)
{
    f = (f ^ (f >> 33)) * 0xff51afd7ed558ccdull;
    f ^= f >> 29;
    return f ? f : 1;
}

/* ---------------------------------------------------------------- training */

kg_perc_train *kg_perc_train_new(size_t n_classes)
{
    if (n_classes == 0 || n_classes > KG_PERC_MAX_CLASSES)
        return NULL;
    kg_perc_train *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->nc = n_classes;
    t->cap = 1 << 16;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->rows = calloc(t->cap, sizeof *t->rows);
    t->clock = 1;
    if (!t->keys || !t->rows) {
        kg_perc_train_free(t);
        return NULL;
    }
    return t;
}

void kg_perc_train_free(kg_perc_train *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->n_chunks; k++) {
        free(t->w[k]);
        free(t->u[k]);
    }
    free(t->w);
    free(t->u);
    free(t->updates);
    free(t->keys);
    free(t->rows);
    free(t);
}

static long find_row(const kg_perc_train *t, uint64_t f)
{
    f = nonzero(f);
    for (size_t s = f & (t->cap - 1);; s = (s + 1) & (t->cap - 1)) {
        if (t->keys[s] == f)
            return t->rows[s];
        if (!t->keys[s])
            return -1;
    }
}

static bool grow_table(kg_perc_train *t)
{
    size_t cap = t->cap * 2;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *rows = calloc(cap, sizeof *rows);
    if (!keys || !rows) {
        free(keys);
        free(rows);
        return false;
    }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        size_t s = t->keys[i] & (cap - 1);
        while (keys[s])
            s = (s + 1) & (cap - 1);
        keys[s] = t->keys[i];
        rows[s] = t->rows[i];
    }
    free(t->keys);
    free(t->rows);
    t->keys = keys;
    t->rows = rows;
    t->cap = cap;
    return true;
}

static bool add_chunk(kg_perc_train *t)
{
    float **w = realloc(t->w, (t->n_chunks + 1) * sizeof *w);
    if (!w)
        return false;
    t->w = w;
    double **u = realloc(t->u, (t->n_chunks + 1) * sizeof *u);
    if (!u)
        return false;
    t->u = u;
    uint32_t *up = realloc(t->updates, (t->n_chunks + 1) * CHUNK_ROWS * sizeof *up);
    if (!up)
        return false;
    t->updates = up;
    memset(up + t->n_chunks * CHUNK_ROWS, 0, CHUNK_ROWS * sizeof *up);
    t->w[t->n_chunks] = calloc((size_t)CHUNK_ROWS * t->nc, sizeof(float));
    t->u[t->n_chunks] = calloc((size_t)CHUNK_ROWS * t->nc, sizeof(double));
    if (!t->w[t->n_chunks] || !t->u[t->n_chunks]) {
        free(t->w[t->n_chunks]);
        free(t->u[t->n_chunks]);
        return false;
    }
    t->n_chunks++;
    return true;
}

static long add_row(kg_perc_train *t, uint64_t f)
{
    f = nonzero(f);
    if (t->used >= UINT32_MAX - 1)
        return -1;
    if ((t->used + 1) * 2 > t->cap && !grow_table(t))
        return -1;
    if (t->used == t->n_chunks * CHUNK_ROWS && !add_chunk(t))
        return -1;
    size_t s = f & (t->cap - 1);
    while (t->keys[s])
        s = (s + 1) & (t->cap - 1);
    t->keys[s] = f;
    t->rows[s] = (uint32_t)t->used;
    return (long)t->used++;
}

static float *row_w(const kg_perc_train *t, size_t r)
{
    return t->w[r / CHUNK_ROWS] + (r % CHUNK_ROWS) * t->nc;
}

static double *row_u(const kg_perc_train *t, size_t r)
{
    return t->u[r / CHUNK_ROWS] + (r % CHUNK_ROWS) * t->nc;
}

void kg_perc_train_score(const kg_perc_train *t, const uint64_t *f, size_t nf, float *scores)
{
    memset(scores, 0, t->nc * sizeof *scores);
    for (size_t i = 0; i < nf; i++) {
        long r = find_row(t, f[i]);
        if (r < 0)
            continue;
        const float *w = row_w(t, (size_t)r);
        for (size_t c = 0; c < t->nc; c++)
            scores[c] += w[c];
    }
}

bool kg_perc_train_update(kg_perc_train *t, const uint64_t *f, size_t nf, size_t truth,
                          size_t guess)
{
    if (truth == guess)
        return true;
    for (size_t i = 0; i < nf; i++) {
        long r = find_row(t, f[i]);
        if (r < 0 && (r = add_row(t, f[i])) < 0)
            return false;
        float *w = row_w(t, (size_t)r);
        double *u = row_u(t, (size_t)r);
        w[truth] += 1;
        u[truth] += t->clock;
        w[guess] -= 1;
        u[guess] -= t->clock;
        t->updates[r]++;
    }
    return true;
}

void kg_perc_train_tick(kg_perc_train *t)
{
    t->clock += 1;
}

size_t kg_perc_train_rows(const kg_perc_train *t)
{
    return t->used;
}

/* ---------------------------------------------------------------- the model */

/* The compact table is 80% full at most; its size need not be a power of
 * two, because a slot is found by scaling the hash's low 32 bits to the
 * size (Lemire's multiply-shift), which costs a multiplication, not a
 * division. */
static size_t table_cap(size_t rows)
{
    return rows + rows / 4 + 16;
}

static size_t home_slot(uint64_t f, size_t cap)
{
    return (size_t)(((f & 0xFFFFFFFFu) * (uint64_t)cap) >> 32);
}

static size_t next_slot(size_t s, size_t cap)
{
    return s + 1 == cap ? 0 : s + 1;
}

static uint32_t fingerprint(uint64_t f)
{
    return (uint32_t)(f >> 36) | 1u;
}

static double averaged(const kg_perc_train *t, size_t r, size_t c)
{
    return row_w(t, r)[c] - row_u(t, r)[c] / t->clock;
}

static uint32_t quantize(const kg_perc *p, double a)
{
    long q = lround(a / p->scale);
    return (uint16_t)(int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q);
}

/* Writes row r's averaged weights at out; *len gets its length code and
 * the words written are returned. */
static size_t write_row(const kg_perc *p, const kg_perc_train *t, size_t r, float min_weight,
                        uint32_t *out, unsigned *len)
{
    size_t nc = p->nc, n = 0, half = (nc + 1) / 2;
    for (size_t c = 0; c < nc; c++)
        n += fabs(averaged(t, r, c)) >= min_weight;
    if (n >= half) {
        *len = DENSE;
        uint16_t *d = (uint16_t *)out;
        memset(d, 0, half * sizeof(uint32_t));
        for (size_t c = 0; c < nc; c++)
            if (fabs(averaged(t, r, c)) >= min_weight)
                d[c] = (uint16_t)quantize(p, averaged(t, r, c));
        return half;
    }
    size_t k = 0;
    for (size_t c = 0; c < nc; c++) {
        double a = averaged(t, r, c);
        if (fabs(a) >= min_weight)
            out[k++] = (uint32_t)c << 16 | quantize(p, a);
    }
    *len = (unsigned)k;
    return k;
}

/* Builds the compact model.  Of two features whose fingerprints meet in one
 * probe chain (about one in 2^28 per probe), the first keeps the slot and
 * the second is dropped. */
kg_perc *kg_perc_train_average(const kg_perc_train *t, float min_weight, unsigned min_updates)
{
    size_t nc = t->nc, kept = 0, words = 0;
    double top = 0;
    unsigned char *keep = calloc(t->used ? t->used : 1, 1);
    kg_perc *p = calloc(1, sizeof *p);
    if (!keep || !p)
        goto fail;
    /* first pass: which rows survive, their size and the largest weight */
    for (size_t r = 0; r < t->used; r++) {
        if (t->updates[r] < min_updates)
            continue;
        size_t n = 0;
        for (size_t c = 0; c < nc; c++) {
            double a = fabs(averaged(t, r, c));
            n += a >= min_weight;
            top = a > top ? a : top;
        }
        keep[r] = n > 0;
        kept += n > 0;
        words += n < (nc + 1) / 2 ? n : (nc + 1) / 2;
    }
    p->nc = nc;
    p->cap = table_cap(kept);
    p->scale = top > 0 ? (float)(top / 32767.0) : 1.0f;
    if (words > OFFSET_MASK || nc > KG_PERC_MAX_CLASSES)
        goto fail;
    p->owned = calloc(1, p->cap * sizeof(uint64_t) + (words + 1) * sizeof(uint32_t));
    if (!p->owned)
        goto fail;
    uint64_t *slot = p->owned;
    uint32_t *ent = (uint32_t *)(slot + p->cap);
    /* second pass in table order, which is the same for the same training */
    size_t nr = 0, ne = 0;
    for (size_t s = 0; s < t->cap; s++) {
        if (!t->keys[s] || !keep[t->rows[s]])
            continue;
        size_t r = t->rows[s], i = home_slot(t->keys[s], p->cap);
        uint32_t fp = fingerprint(t->keys[s]);
        while (slot[i] && slot_fp(slot[i]) != fp)
            i = next_slot(i, p->cap);
        if (slot[i]) /* a fingerprint twin */
            continue;
        unsigned len = 0;
        size_t at = ne;
        ne += write_row(p, t, r, min_weight, ent + ne, &len);
        slot[i] = slot_of(fp, at, len);
        nr++;
    }
    p->nrows = nr;
    p->nent = ne;
    p->slot = slot;
    p->ent = ent;
    free(keep);
    return p;
fail:
    free(keep);
    kg_perc_free(p);
    return NULL;
}

/* Whether the row slot points at lies inside ent.  Checked where a row is
 * found rather than over the whole table at load, so that a short run (one
 * kg diff) reads only the pages of the features it scores, and a damaged
 * file still makes no read out of bounds (class indices are masked where
 * they are used). */
static bool row_ok(const kg_perc *p, uint64_t slot)
{
    size_t half = (p->nc + 1) / 2;
    unsigned len = slot_len(slot);
    size_t words = len == DENSE ? half : len;
    return (len == DENSE || len < half) && words <= p->nent && slot_off(slot) <= p->nent - words;
}

/* Most features a caller scores at once (the prefetch buffers' size). */
#define MAX_SCORED 256
/* Scores are added up in this many accumulators, a power of two above
 * KG_PERC_MAX_CLASSES: a class index is masked into range, so a damaged
 * file can make a score wrong but never an access out of bounds. */
#define ACCUMULATORS 512

void kg_perc_score(const kg_perc *p, const uint64_t *f, size_t nf, float *scores)
{
    /* Lookups are cache misses into tables of many megabytes: all slots
     * are requested before any is read, then all rows, so the misses
     * overlap instead of queueing one behind another. */
    uint64_t row[MAX_SCORED];
    size_t cap = p->cap, m = 0;
    if (nf > MAX_SCORED)
        nf = MAX_SCORED;
    for (size_t i = 0; i < nf; i++)
        __builtin_prefetch(&p->slot[home_slot(nonzero(f[i]), cap)]);
    for (size_t i = 0; i < nf; i++) {
        uint64_t h = nonzero(f[i]);
        uint32_t fp = fingerprint(h);
        /* at most cap probes: a damaged table with no empty slot ends too */
        size_t s = home_slot(h, cap);
        for (size_t probes = 0; probes < cap && p->slot[s]; s = next_slot(s, cap), probes++)
            if (slot_fp(p->slot[s]) == fp) {
                if (!row_ok(p, p->slot[s]))
                    break;
                row[m] = p->slot[s];
                /* a dense row spans several cache lines */
                for (size_t line = 0; line < 4; line++)
                    __builtin_prefetch(&p->ent[slot_off(row[m])] + 16 * line);
                m++;
                break;
            }
    }
    int32_t acc[ACCUMULATORS];
    size_t nc = p->nc;
    memset(acc, 0, sizeof acc);
    for (size_t k = 0; k < m; k++) {
        const uint32_t *e = &p->ent[slot_off(row[k])];
        unsigned len = slot_len(row[k]);
        if (len == DENSE) {
            const int16_t *d = (const int16_t *)e;
            size_t c = 0;
            /* blocks of a fixed size, which the compiler turns into vector adds */
            for (; c + 16 <= nc; c += 16)
                for (size_t j = 0; j < 16; j++)
                    acc[c + j] += d[c + j];
            for (; c < nc; c++)
                acc[c] += d[c];
        } else
            for (unsigned j = 0; j < len; j++)
                acc[(e[j] >> 16) & (ACCUMULATORS - 1)] += (int16_t)(uint16_t)(e[j] & 0xFFFF);
    }
    for (size_t c = 0; c < nc; c++)
        scores[c] = (float)acc[c] * p->scale;
}

size_t kg_perc_classes(const kg_perc *p)
{
    return p->nc;
}

size_t kg_perc_features(const kg_perc *p)
{
    return p->nrows;
}

size_t kg_perc_weights(const kg_perc *p)
{
    return p->nent;
}

void kg_perc_write(const kg_perc *p, kg_mbuf *b)
{
    kg_mbuf_tag(b, "PERC");
    kg_mbuf_u64(b, p->nc);
    kg_mbuf_u64(b, p->cap);
    kg_mbuf_u64(b, p->nrows);
    kg_mbuf_u64(b, p->nent);
    kg_mbuf_f32(b, p->scale);
    kg_mbuf_array(b, p->slot, sizeof *p->slot, p->cap);
    kg_mbuf_array(b, p->ent, sizeof *p->ent, p->nent);
}

static bool valid(const kg_perc *p)
{
    return p->cap > 0 && p->cap <= UINT32_MAX && p->nc > 0 && p->nc <= KG_PERC_MAX_CLASSES &&
           p->nent <= OFFSET_MASK && isfinite(p->scale) && p->scale > 0 && p->nrows < p->cap;
}

kg_perc *kg_perc_read(kg_mread *r)
{
    if (!kg_mread_tag(r, "PERC"))
        return NULL;
    kg_perc *p = calloc(1, sizeof *p);
    if (!p) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    p->nc = kg_mread_count(r, KG_PERC_MAX_CLASSES);
    p->cap = kg_mread_count(r, (size_t)1 << 32);
    p->nrows = kg_mread_count(r, UINT32_MAX);
    p->nent = kg_mread_count(r, UINT32_MAX);
    p->scale = kg_mread_f32(r);
    p->slot = kg_mread_array(r, sizeof *p->slot, p->cap);
    p->ent = kg_mread_array(r, sizeof *p->ent, p->nent);
    if (!r->bad && !valid(p))
        kg_mread_fail(r, "inconsistent classifier weights");
    if (r->bad) {
        free(p);
        return NULL;
    }
    return p;
}

void kg_perc_free(kg_perc *p)
{
    if (!p)
        return;
    free(p->owned);
    free(p);
}

size_t kg_perc_argmax(const float *scores, const bool *allowed, size_t n)
{
    size_t best = n;
    for (size_t c = 0; c < n; c++)
        if ((!allowed || allowed[c]) && (best == n || scores[c] > scores[best]))
            best = c;
    return best;
}
