/* wordnet.c - see wordnet.h. */
#include "wordnet.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "perceptron.h"
#include "strmap.h"

/* A slot is a form's fingerprint (the hash's upper 40 bits) and its 24 bits
 * of classes; 0 is an empty slot.  40 bits make a false match among 90,000
 * forms about one in ten million lookups. */
#define VALUE_MASK 0xFFFFFFull
#define MAX_FORM 64
#define MAX_SLOTS (1u << 24)

struct kg_wordnet {
    const uint64_t *slots;
    uint64_t *own; /* slots when built here, NULL when they are the model file's */
    size_t cap;    /* slots */
    size_t forms;
};

static const char *const POS_NAMES[4] = {"noun", "verb", "adj", "adv"};

/* ------------------------------------------------------------ lookups */

static uint64_t fingerprint(const char *s, size_t n)
{
    uint64_t h = kg_perc_hash_bytes(s, n) & ~VALUE_MASK;
    return h ? h : VALUE_MASK + 1;
}

/* The table is 80% full at most and of any size: a slot is found by scaling
 * 32 bits of the fingerprint to it (multiply-shift, as perceptron.c does). */
static size_t first_slot(uint64_t fp, size_t cap)
{
    return (size_t)(((fp >> 32) * (uint64_t)cap) >> 32);
}

static size_t table_cap(size_t forms)
{
    return forms + forms / 4 + 16;
}

static unsigned lookup(const kg_wordnet *wn, const char *s, size_t n)
{
    if (!wn->forms)
        return 0;
    uint64_t fp = fingerprint(s, n);
    for (size_t i = first_slot(fp, wn->cap);; i = i + 1 == wn->cap ? 0 : i + 1) {
        uint64_t e = wn->slots[i];
        if (!e)
            return 0;
        if ((e & ~VALUE_MASK) == fp)
            return (unsigned)(e & VALUE_MASK);
    }
}

/* WordNet's morphy detachment rules, per part of speech (wordnet.h). */
static const kg_wn_rule NOUN_RULES[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},
                                        {"zes", "z"},   {"ches", "ch"}, {"shes", "sh"},
                                        {"men", "man"}, {"ies", "y"}};
static const kg_wn_rule VERB_RULES[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                        {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
static const kg_wn_rule ADJ_RULES[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

static const struct {
    const kg_wn_rule *rules;
    size_t n;
} RULES[4] = {{NOUN_RULES, sizeof NOUN_RULES / sizeof *NOUN_RULES},
              {VERB_RULES, sizeof VERB_RULES / sizeof *VERB_RULES},
              {ADJ_RULES, sizeof ADJ_RULES / sizeof *ADJ_RULES},
              {NULL, 0}};

const kg_wn_rule *kg_wordnet_rules(unsigned pos, size_t *n)
{
    *n = pos < 4 ? RULES[pos].n : 0;
    return pos < 4 ? RULES[pos].rules : NULL;
}

/* The parts of speech of which low[0..n) is an inflection by a rule. */
static unsigned inflected_by_rule(const kg_wordnet *wn, const char *low, size_t n)
{
    unsigned bits = 0;
    char base[MAX_FORM + 4];
    for (unsigned p = 0; p < 4; p++)
        for (size_t k = 0; k < RULES[p].n && !(bits & KG_WN_INFLECTED(p)); k++) {
            const kg_wn_rule *r = &RULES[p].rules[k];
            size_t e = strlen(r->ending), l = strlen(r->lemma_ending);
            if (n <= e || memcmp(low + n - e, r->ending, e) != 0)
                continue;
            memcpy(base, low, n - e);
            memcpy(base + n - e, r->lemma_ending, l);
            if (lookup(wn, base, n - e + l) & KG_WN_LEMMA(p))
                bits |= KG_WN_INFLECTED(p);
        }
    return bits;
}

unsigned kg_wordnet_classes(const kg_wordnet *wn, const char *form)
{
    char low[MAX_FORM];
    size_t n = 0;
    for (const char *s = form; *s; s++) {
        unsigned char c = (unsigned char)*s;
        /* WordNet's lemmas are ASCII: any other word is unknown to it. */
        if (c >= 0x80 || n == MAX_FORM)
            return 0;
        low[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    if (!n || !wn)
        return 0;
    return lookup(wn, low, n) | inflected_by_rule(wn, low, n);
}

size_t kg_wordnet_forms(const kg_wordnet *wn)
{
    return wn ? wn->forms : 0;
}

/* ------------------------------------------------------------ building */

/* While reading, a form's value in the string map: bits 0-7 and the two
 * case bits as in wordnet.h, then per part of speech its tagged-sense count
 * (8 bits each, capped), then the noun sense. */
#define COUNT_SHIFT(p) (16 + 8 * (p))
#define SENSE_SHIFT 48
#define VERB_SENSE_SHIFT 53

static kg_status read_error(kg_error *err, const char *path, size_t line, const char *why)
{
    return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: %s", path, line, why);
}

/* A part of speech's synsets (data.POS, sorted by offset as the file is):
 * the offset and lexicographer file of each. */
typedef struct synsets {
    unsigned long *offset;
    unsigned char *lexfile;
    size_t n, cap;
} synsets;

static unsigned lexfile_of(const synsets *ss, unsigned long offset)
{
    size_t lo = 0, hi = ss->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ss->offset[mid] < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < ss->n && ss->offset[lo] == offset ? ss->lexfile[lo] : 255;
}

/* Marks each word of a synset line as written with or without a capital. */
static kg_status note_case(char *save, unsigned long words, kg_strmap *m)
{
    for (unsigned long w = 0; w < words; w++) {
        char *word = strtok_r(NULL, " \n", &save);
        if (!word || !strtok_r(NULL, " \n", &save)) /* the lex_id after it */
            break;
        size_t len = strcspn(word, "("); /* adjectives: "galore(ip)" */
        if (memchr(word, '_', len) || len > MAX_FORM)
            continue;
        bool cap = false;
        char low[MAX_FORM];
        for (size_t i = 0; i < len; i++) {
            char c = word[i];
            cap |= c >= 'A' && c <= 'Z';
            low[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        size_t v = 0;
        kg_strmap_getn(m, low, len, &v);
        if (kg_strmap_putn(m, low, len, v | (cap ? KG_WN_CAPITALIZED : KG_WN_LOWERCASE)) != KG_OK)
            return KG_ERR_NOMEM;
    }
    return KG_OK;
}

/* What reading one file needs: the map every form goes into, the part of
 * speech, and the synsets of data.POS (read before index.POS). */
typedef struct reading {
    kg_strmap *m;
    unsigned pos;
    synsets *ss;
    const char *path;
} reading;

typedef kg_status (*line_fn)(reading *r, char *line, size_t no, kg_error *err);

/* Calls fn on every line of r->path but the licence lines WordNet indents. */
static kg_status read_lines(reading *r, line_fn fn, kg_error *err)
{
    FILE *f = fopen(r->path, "r");
    if (!f)
        return kg_error_set(err, KG_ERR_IO, "%s: %s (is wordnet-base installed?)", r->path,
                            strerror(errno));
    char *line = NULL;
    size_t cap = 0, no = 0;
    kg_status st = KG_OK;
    while (st == KG_OK && getline(&line, &cap, f) >= 0)
        if (++no, line[0] != ' ' && line[0] != '\n')
            st = fn(r, line, no, err);
    if (st == KG_OK && ferror(f))
        st = kg_error_set(err, KG_ERR_IO, "%s: cannot read", r->path);
    free(line);
    fclose(f);
    return st;
}

static kg_status no_memory(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
}

/* data.POS: "offset lex_filenum ss_type w_cnt word lex_id ... | gloss". */
static kg_status data_line(reading *r, char *line, size_t no, kg_error *err)
{
    synsets *ss = r->ss;
    char *save = NULL;
    char *off = strtok_r(line, " \n", &save), *lex = strtok_r(NULL, " \n", &save);
    char *type = strtok_r(NULL, " \n", &save), *cnt = type ? strtok_r(NULL, " \n", &save) : NULL;
    unsigned long offset = off ? strtoul(off, NULL, 10) : 0;
    if (!cnt || (ss->n && offset <= ss->offset[ss->n - 1]))
        return read_error(err, r->path, no, "not a synset line in offset order");
    if (ss->n == ss->cap) {
        size_t nc = ss->cap ? 2 * ss->cap : 1024;
        unsigned long *o = realloc(ss->offset, nc * sizeof *o);
        if (o)
            ss->offset = o;
        unsigned char *l = o ? realloc(ss->lexfile, nc) : NULL;
        if (!l)
            return no_memory(err);
        ss->lexfile = l;
        ss->cap = nc;
    }
    unsigned long lexfile = strtoul(lex, NULL, 10);
    ss->offset[ss->n] = offset;
    ss->lexfile[ss->n++] = (unsigned char)(lexfile < 255 ? lexfile : 255);
    return note_case(save, strtoul(cnt, NULL, 16), r->m) == KG_OK ? KG_OK : no_memory(err);
}

/* index.POS: "lemma pos synset_cnt p_cnt ptr... sense_cnt tagsense_cnt offsets..." */
static kg_status index_line(reading *r, char *line, size_t no, kg_error *err)
{
    char *save = NULL, *tok[4];
    size_t k = 0;
    for (char *t = strtok_r(line, " \n", &save); t; t = k < 4 ? strtok_r(NULL, " \n", &save) : NULL)
        tok[k++] = t;
    long ptrs = k == 4 ? strtol(tok[3], NULL, 10) : -1;
    char *t = NULL;
    for (long i = 0; i <= ptrs + 1 && (t = strtok_r(NULL, " \n", &save)); i++)
        ;
    if (ptrs < 0 || !t)
        return read_error(err, r->path, no, "not an index line");
    long tagged = strtol(t, NULL, 10);
    char *first = strtok_r(NULL, " \n", &save);
    size_t len = strlen(tok[0]);
    if (strchr(tok[0], '_') || len > MAX_FORM) /* a phrase: tokens are single words */
        return KG_OK;
    size_t v = 0;
    unsigned p = r->pos;
    kg_strmap_getn(r->m, tok[0], len, &v);
    /* Noun lexicographer files are 3 (noun.Tops) to 28 (noun.time),
     * verb files 29 (verb.body) to 43 (verb.weather). */
    unsigned lexfile = first ? lexfile_of(r->ss, strtoul(first, NULL, 10)) : 255;
    if (p == 0 && lexfile >= 3 && lexfile <= 28)
        v = (v & ~((size_t)31 << SENSE_SHIFT)) | (size_t)(lexfile - 2) << SENSE_SHIFT;
    if (p == 1 && lexfile >= 29 && lexfile <= 43)
        v = (v & ~((size_t)15 << VERB_SENSE_SHIFT)) | (size_t)(lexfile - 28) << VERB_SENSE_SHIFT;
    size_t sum = (v >> COUNT_SHIFT(p) & 0xFF) + (size_t)(tagged > 0 ? tagged : 0);
    v = (v & ~((size_t)0xFF << COUNT_SHIFT(p))) | (sum > 255 ? 255 : sum) << COUNT_SHIFT(p);
    return kg_strmap_putn(r->m, tok[0], len, v | KG_WN_LEMMA(p)) == KG_OK ? KG_OK : no_memory(err);
}

/* POS.exc: "inflected lemma [lemma...]". */
static kg_status exception_line(reading *r, char *line, size_t no, kg_error *err)
{
    (void)no;
    size_t len = strcspn(line, " \n");
    if (!len || len > MAX_FORM || memchr(line, '_', len))
        return KG_OK;
    size_t v = 0;
    kg_strmap_getn(r->m, line, len, &v);
    return kg_strmap_putn(r->m, line, len, v | KG_WN_INFLECTED(r->pos)) == KG_OK ? KG_OK
                                                                                 : no_memory(err);
}

static unsigned final_value(size_t v)
{
    unsigned best = 0;
    size_t best_count = 0, total = 0;
    for (unsigned p = 0; p < 4; p++) {
        size_t c = v >> COUNT_SHIFT(p) & 0xFF;
        total += c;
        if (c > best_count) {
            best_count = c;
            best = p + 1;
        }
    }
    unsigned freq = total == 0 ? 0 : total < 3 ? 1 : total < 10 ? 2 : 3;
    unsigned sense = (unsigned)(v >> SENSE_SHIFT & 31);
    unsigned verb_sense = (unsigned)(v >> VERB_SENSE_SHIFT & 15);
    return (unsigned)(v & (KG_WN_POS_BITS | KG_WN_CAPITALIZED | KG_WN_LOWERCASE)) | best << 8 |
           freq << 11 | sense << 15 | verb_sense << 20;
}

static kg_status fill_table(kg_wordnet *wn, const kg_strmap *m, kg_error *err)
{
    size_t n = table_cap(kg_strmap_count(m));
    if (!(wn->own = calloc(n, sizeof *wn->own)))
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    wn->slots = wn->own;
    wn->cap = n;
    for (size_t i = 0; i < kg_strmap_capacity(m); i++) {
        size_t v;
        const char *key = kg_strmap_slot(m, i, &v);
        if (!key)
            continue;
        uint64_t fp = fingerprint(key, strlen(key));
        size_t s = first_slot(fp, wn->cap);
        while (wn->own[s] && (wn->own[s] & ~VALUE_MASK) != fp)
            s = s + 1 == wn->cap ? 0 : s + 1;
        if (!wn->own[s])
            wn->forms++;
        /* Two forms with one fingerprint (never seen in WordNet 3.0) share
         * their classes rather than one losing its own. */
        wn->own[s] = fp | ((wn->own[s] & VALUE_MASK) | final_value(v));
    }
    return KG_OK;
}

kg_status kg_wordnet_build(const char *dir, kg_wordnet **out, kg_error *err)
{
    *out = NULL;
    kg_strmap *m = kg_strmap_new();
    kg_wordnet *wn = calloc(1, sizeof *wn);
    kg_status st = m && wn ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    char path[4096];
    for (unsigned p = 0; p < 4 && st == KG_OK; p++) {
        synsets ss = {0};
        reading r = {m, p, &ss, path};
        snprintf(path, sizeof path, "%s/data.%s", dir, POS_NAMES[p]);
        st = read_lines(&r, data_line, err);
        snprintf(path, sizeof path, "%s/index.%s", dir, POS_NAMES[p]);
        if (st == KG_OK)
            st = read_lines(&r, index_line, err);
        snprintf(path, sizeof path, "%s/%s.exc", dir, POS_NAMES[p]);
        if (st == KG_OK)
            st = read_lines(&r, exception_line, err);
        free(ss.offset);
        free(ss.lexfile);
    }
    if (st == KG_OK && kg_strmap_count(m) == 0)
        st = kg_error_set(err, KG_ERR_INPUT, "%s: no WordNet words in index.*", dir);
    if (st == KG_OK)
        st = fill_table(wn, m, err);
    kg_strmap_free(m);
    if (st != KG_OK) {
        kg_wordnet_free(wn);
        return st;
    }
    *out = wn;
    return KG_OK;
}

kg_wordnet *kg_wordnet_empty(void)
{
    return calloc(1, sizeof(kg_wordnet));
}

/* ------------------------------------------------------------ the file */

void kg_wordnet_write(const kg_wordnet *wn, kg_mbuf *b)
{
    kg_mbuf_tag(b, "WNET");
    kg_mbuf_u64(b, wn->forms);
    size_t n = wn->forms ? wn->cap : 0;
    kg_mbuf_u64(b, n);
    kg_mbuf_array(b, wn->slots, sizeof *wn->slots, n);
}

kg_wordnet *kg_wordnet_read(kg_mread *r)
{
    if (!kg_mread_tag(r, "WNET"))
        return NULL;
    kg_wordnet *wn = calloc(1, sizeof *wn);
    if (!wn) {
        kg_mread_fail(r, "out of memory");
        return NULL;
    }
    wn->forms = kg_mread_count(r, MAX_SLOTS);
    size_t n = kg_mread_count(r, MAX_SLOTS);
    wn->slots = kg_mread_array(r, sizeof *wn->slots, n);
    /* A lookup stops at an empty slot: a table must have room to spare, or
     * a foreign file could make it loop. */
    if (!r->bad && (wn->forms ? n <= wn->forms : n != 0))
        kg_mread_fail(r, "a WordNet table too full");
    if (!r->bad && wn->forms) {
        size_t used = 0;
        for (size_t i = 0; i < n; i++)
            used += wn->slots[i] != 0;
        if (used != wn->forms)
            kg_mread_fail(r, "a WordNet table whose count is wrong");
    }
    if (r->bad) {
        free(wn);
        return NULL;
    }
    wn->cap = n;
    return wn;
}

void kg_wordnet_free(kg_wordnet *wn)
{
    if (!wn)
        return;
    free(wn->own);
    free(wn);
}
