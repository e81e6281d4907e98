/* lemmatizer.c - see lemmatizer.h.
 *
 * Both the dictionary and the rules are tables of (64-bit key, string),
 * sorted by key and searched by bisection.  A rule is stored as the string
 * "<strip>:<keep case 0|1>:<append>".
 */
#include "lemmatizer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perceptron.h"

#define MAX_SUFFIX 5

typedef struct table {
    size_t n;
    const uint64_t *keys;
    const uint32_t *off;  /* into strings */
    size_t bytes;
    const char *strings;
} table;

struct kg_lemmatizer {
    table dict, rules;
    void *owned[6];       /* the tables' arrays when trained, not read */
};

typedef struct entry {
    uint64_t key;
    const char *value;
} entry;

static uint64_t key_of(uint16_t tag, const char *s, size_t n, unsigned kind)
{
    return kg_perc_mix(kg_perc_mix(kind, tag), kg_perc_hash_bytes(s, n));
}

static void ascii_lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* Byte offsets of the last k code points of s (len bytes). */
static size_t suffix_start(const char *s, size_t len, size_t k)
{
    size_t i = len;
    while (k && i > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        k--;
    }
    return i;
}

/* ------------------------------------------------------------ training */

static int entry_cmp(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return strcmp(x->value, y->value);
}

/* Keeps, per key, the value seen most often (ties: the first in byte order). */
static kg_status build_table(entry *e, size_t n, table *t, void **arrays, kg_error *err)
{
    qsort(e, n, sizeof *e, entry_cmp);
    size_t keys = 0, bytes = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || e[i].key != e[i - 1].key)
            keys++;
    for (size_t i = 0; i < n; i++)
        bytes += strlen(e[i].value) + 1; /* an upper bound */
    uint64_t *k = malloc((keys ? keys : 1) * sizeof *k);
    uint32_t *off = malloc((keys ? keys : 1) * sizeof *off);
    char *str = malloc(bytes ? bytes : 1);
    if (!k || !off || !str || bytes > UINT32_MAX) {
        free(k);
        free(off);
        free(str);
        return kg_error_set(err, KG_ERR_NOMEM, "lemmatizer: out of memory");
    }
    size_t nk = 0, used = 0;
    for (size_t i = 0; i < n;) {
        size_t best = i, best_run = 0, j = i;
        while (j < n && e[j].key == e[i].key) {
            size_t r = j;
            while (r < n && e[r].key == e[j].key && !strcmp(e[r].value, e[j].value))
                r++;
            if (r - j > best_run) {
                best_run = r - j;
                best = j;
            }
            j = r;
        }
        k[nk] = e[i].key;
        off[nk++] = (uint32_t)used;
        size_t len = strlen(e[best].value) + 1;
        memcpy(str + used, e[best].value, len);
        used += len;
        i = j;
    }
    t->n = nk;
    t->keys = k;
    t->off = off;
    t->strings = str;
    t->bytes = used;
    arrays[0] = k;
    arrays[1] = off;
    arrays[2] = str;
    return KG_OK;
}

/* The rule that turns form into lemma. */
static char *rule_of(kg_arena *a, const char *form, const char *lemma)
{
    char *lf = kg_arena_strdup(a, form), *ll = kg_arena_strdup(a, lemma);
    if (!lf || !ll)
        return NULL;
    ascii_lower(lf);
    ascii_lower(ll);
    size_t cp = 0;
    while (lf[cp] && lf[cp] == ll[cp])
        cp++;
    bool keep = strcmp(ll, lemma) != 0;
    return kg_arena_printf(a, "%zu:%d:%s", strlen(lf) - cp, keep, ll + cp);
}

kg_status kg_lemmatizer_train(const kg_lemma_example *ex, size_t n, kg_lemmatizer **out,
                              kg_error *err)
{
    *out = NULL;
    kg_arena *a = kg_arena_new();
    entry *dict = malloc((n ? n : 1) * sizeof *dict);
    entry *rules = malloc((n ? n : 1) * (MAX_SUFFIX + 1) * sizeof *rules);
    kg_lemmatizer *l = calloc(1, sizeof *l);
    kg_status st = KG_OK;
    if (!a || !dict || !rules || !l)
        st = kg_error_set(err, KG_ERR_NOMEM, "lemmatizer: out of memory");
    size_t nr = 0;
    for (size_t i = 0; i < n && st == KG_OK; i++) {
        size_t len = strlen(ex[i].form);
        dict[i].key = key_of(ex[i].tag, ex[i].form, len, 1);
        dict[i].value = ex[i].lemma;
        char *lower = kg_arena_strdup(a, ex[i].form);
        char *rule = rule_of(a, ex[i].form, ex[i].lemma);
        if (!lower || !rule) {
            st = kg_error_set(err, KG_ERR_NOMEM, "lemmatizer: out of memory");
            break;
        }
        ascii_lower(lower);
        for (size_t k = 0; k <= MAX_SUFFIX; k++) {
            size_t from = suffix_start(lower, len, k);
            rules[nr].key = key_of(ex[i].tag, lower + from, len - from, 2 + (unsigned)k);
            rules[nr++].value = rule;
            if (from == 0)
                break;
        }
    }
    if (st == KG_OK)
        st = build_table(dict, n, &l->dict, l->owned, err);
    if (st == KG_OK)
        st = build_table(rules, nr, &l->rules, l->owned + 3, err);
    free(dict);
    free(rules);
    kg_arena_free(a);
    if (st != KG_OK) {
        kg_lemmatizer_free(l);
        return st;
    }
    *out = l;
    return KG_OK;
}

/* ------------------------------------------------------------ lookup */

static const char *find(const table *t, uint64_t key)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->n && t->keys[lo] == key ? t->strings + t->off[lo] : NULL;
}

/* Applies "<strip>:<keep>:<append>" to form; NULL if it does not fit. */
static const char *apply(kg_arena *a, const char *form, const char *rule)
{
    char *end = NULL;
    unsigned long strip = strtoul(rule, &end, 10);
    size_t len = strlen(form);
    if (!end || end[0] != ':' || (end[1] != '0' && end[1] != '1') || end[2] != ':' ||
        strip > len || (strip == len && !end[3]))
        return NULL;
    char *out = kg_arena_printf(a, "%.*s%s", (int)(len - strip), form, end + 3);
    if (out && end[1] == '0')
        ascii_lower(out);
    return out;
}

const char *kg_lemmatizer_lemma(const kg_lemmatizer *l, kg_arena *a, const char *form,
                                uint16_t tag)
{
    size_t len = strlen(form);
    const char *known = find(&l->dict, key_of(tag, form, len, 1));
    if (known)
        return known;
    char *lower = kg_arena_strdup(a, form);
    if (!lower)
        return form;
    ascii_lower(lower);
    for (size_t k = MAX_SUFFIX + 1; k-- > 0;) {
        size_t from = suffix_start(lower, len, k);
        if (k > 0 && from == suffix_start(lower, len, k - 1))
            continue; /* the word is shorter than k code points */
        const char *rule = find(&l->rules, key_of(tag, lower + from, len - from, 2 + (unsigned)k));
        const char *lemma = rule ? apply(a, form, rule) : NULL;
        if (lemma)
            return lemma;
    }
    return lower;
}

/* ------------------------------------------------------------ the model */

static void write_table(const table *t, kg_mbuf *b)
{
    kg_mbuf_u64(b, t->n);
    kg_mbuf_u64(b, t->bytes);
    kg_mbuf_array(b, t->keys, sizeof *t->keys, t->n);
    kg_mbuf_array(b, t->off, sizeof *t->off, t->n);
    kg_mbuf_array(b, t->strings, 1, t->bytes);
}

void kg_lemmatizer_write(const kg_lemmatizer *l, kg_mbuf *b)
{
    kg_mbuf_tag(b, "LEMM");
    write_table(&l->dict, b);
    write_table(&l->rules, b);
}

static void read_table(kg_mread *r, table *t)
{
    t->n = kg_mread_count(r, UINT32_MAX);
    t->bytes = kg_mread_count(r, UINT32_MAX);
    t->keys = kg_mread_array(r, sizeof *t->keys, t->n);
    t->off = kg_mread_array(r, sizeof *t->off, t->n);
    t->strings = kg_mread_array(r, 1, t->bytes);
    if (r->bad)
        return;
    if (t->bytes == 0 || t->strings[t->bytes - 1] != '\0')
        kg_mread_fail(r, "lemma strings not terminated");
    for (size_t i = 0; i < t->n && !r->bad; i++)
        if (t->off[i] >= t->bytes || (i > 0 && t->keys[i] <= t->keys[i - 1]))
            kg_mread_fail(r, "a lemma table out of order");
}

kg_lemmatizer *kg_lemmatizer_read(kg_mread *r)
{
    if (!kg_mread_tag(r, "LEMM"))
        return NULL;
    kg_lemmatizer *l = calloc(1, sizeof *l);
    if (!l) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    read_table(r, &l->dict);
    read_table(r, &l->rules);
    if (r->bad) {
        free(l);
        return NULL;
    }
    return l;
}

void kg_lemmatizer_free(kg_lemmatizer *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < 6; i++)
        free(l->owned[i]);
    free(l);
}
