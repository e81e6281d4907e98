/* perceptron.h - an averaged multiclass perceptron over hashed features.
 *
 * The classifier of the tagger and the parser (Collins 2002; averaging as
 * in Daume's thesis: w - u/t, with u accumulating t * update).  A feature is
 * a 64-bit hash of a template number and its values (kg_perc_mix); weights
 * are kept per feature as a row over the classes.
 *
 * Training (kg_perc_train) holds dense rows and creates a row the first time
 * an update touches its feature.  kg_perc_train_average turns it into the
 * compact read-only model (kg_perc) that is saved and used: averaged weights
 * smaller than a threshold are dropped, rows are sparse lists of (class,
 * 16-bit weight) with one scale for the model, and features are found by a
 * 32-bit fingerprint in an open-addressing table, so a model loads by
 * pointing into the file.
 */
#ifndef KG_PERCEPTRON_H
#define KG_PERCEPTRON_H

#include <stdbool.h>
#include <stdint.h>

#include "model_file.h"

/* Folds v into the hash h (start from a template number). */
static inline uint64_t kg_perc_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 31);
}

/* FNV-1a of n bytes, mixed. */
uint64_t kg_perc_hash_bytes(const char *s, size_t n);

/* Most classes a classifier may have. */
#define KG_PERC_MAX_CLASSES 500

typedef struct kg_perc_train kg_perc_train;
typedef struct kg_perc kg_perc;

/* NULL when out of memory or n_classes is 0 or over KG_PERC_MAX_CLASSES. */
kg_perc_train *kg_perc_train_new(size_t n_classes);
void kg_perc_train_free(kg_perc_train *t);
/* scores[0..n_classes) = sum of the current weights of f[0..nf). */
void kg_perc_train_score(const kg_perc_train *t, const uint64_t *f, size_t nf, float *scores);
/* Rewards truth and penalizes guess for f (nothing when they are equal).
 * False when out of memory. */
bool kg_perc_train_update(kg_perc_train *t, const uint64_t *f, size_t nf, size_t truth,
                          size_t guess);
/* One training instance done: the clock the averages are taken over. */
void kg_perc_train_tick(kg_perc_train *t);
size_t kg_perc_train_rows(const kg_perc_train *t);
/* The averaged model, keeping the weights with |w| >= min_weight of the
 * features that at least min_updates updates touched (rarer ones cost
 * memory and barely a decision); NULL when out of memory. */
kg_perc *kg_perc_train_average(const kg_perc_train *t, float min_weight, unsigned min_updates);

/* scores[0..n_classes) = sum of the weights of f[0..nf). */
void kg_perc_score(const kg_perc *p, const uint64_t *f, size_t nf, float *scores);
size_t kg_perc_classes(const kg_perc *p);
size_t kg_perc_features(const kg_perc *p);
size_t kg_perc_weights(const kg_perc *p);
void kg_perc_write(const kg_perc *p, kg_mbuf *b);
/* Reads a model written by kg_perc_write; it points into r's bytes, which
 * must outlive it.  NULL when r is bad (the reason is in r) or memory ran out. */
kg_perc *kg_perc_read(kg_mread *r);
void kg_perc_free(kg_perc *p);

/* Index of the highest score among classes with allowed[c] set (allowed
 * NULL: all); ties go to the lower index, so decisions are deterministic.
 * Returns n when nothing is allowed. */
size_t kg_perc_argmax(const float *scores, const bool *allowed, size_t n);

#endif
