/* wordnet_words.c - see wordnet_words.h.
 *
 * A synset line is "offset lex_filenum ss_type w_cnt word lex_id [word
 * lex_id]... p_cnt [ptr offset pos source/target]... | gloss" (wndb(5));
 * w_cnt is two hex digits, p_cnt three decimal ones.  The licence at the top
 * of each file is indented by two spaces.  Scanning in place, without
 * copying the file or a line, keeps the 22 MB of the four files to some
 * 30 ms.
 */
#include "wordnet_words.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wordnet.h"

#define WORD_MAX 128
#define NOUN_LOCATION 15
#define NOUN_PERSON 18

typedef struct span {
    const char *s;
    size_t n;
} span;

typedef struct scan {
    const char *p, *end; /* the rest of the line */
} scan;

/* The next space-separated field of the line, {NULL, 0} at its end. */
static span field(scan *sc)
{
    while (sc->p < sc->end && *sc->p == ' ')
        sc->p++;
    const char *s = sc->p;
    while (sc->p < sc->end && *sc->p != ' ')
        sc->p++;
    return (span){sc->p > s ? s : NULL, (size_t)(sc->p - s)};
}

static bool number(span f, int base, unsigned long *out)
{
    unsigned long v = 0;
    if (!f.s)
        return false;
    for (size_t i = 0; i < f.n; i++) {
        int c = (unsigned char)f.s[i], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else
            return false;
        v = v * (unsigned long)base + (unsigned long)d;
    }
    *out = v;
    return true;
}

enum { HAS_UPPER = 1, HAS_LOWER = 2, HAS_SPACE = 4 };

/* Copies a synset word into buf ('_' as ' ', an adjective's "(a)" marker
 * cut) and says what letters it has. */
static unsigned word_text(span w, char buf[WORD_MAX], size_t *len)
{
    const char *paren = memchr(w.s, '(', w.n);
    size_t n = paren ? (size_t)(paren - w.s) : w.n;
    unsigned what = 0;
    if (n == 0 || n >= WORD_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w.s[i] == '_' ? ' ' : w.s[i];
        what |= c >= 'A' && c <= 'Z' ? HAS_UPPER : c >= 'a' && c <= 'z' ? HAS_LOWER : 0;
        what |= c == ' ' ? HAS_SPACE : 0;
        buf[i] = c;
    }
    *len = n;
    return what;
}

static kg_status add(kg_strmap *m, const char *key, size_t n, const char *path, kg_error *err)
{
    if (!m || kg_strmap_getn(m, key, n, NULL))
        return KG_OK;
    if (kg_strmap_putn(m, key, n, 0))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
    return KG_OK;
}

/* What one pass over the files collects before the lists are chosen. */
typedef struct reading {
    const kg_wordnet_words *into;
    kg_strmap *tagged;  /* lemmas with a sense tagged in SemCor (cntlist.rev) */
    kg_strmap *places;  /* candidate places, to drop repeats */
    kg_vec place_order; /* const char *: the candidates in the files' order */
    kg_arena *names;    /* the strings place_order points to */
    kg_strmap *people;  /* names of people (noun.person instances: "Clinton") */
    bool noun, verb;
    const char *path;
} reading;

/* A new candidate place: remembered in order, because copying a map slot by
 * slot into another map of the same hash clusters linear probing badly. */
static kg_status add_place(reading *r, const char *name, size_t n, kg_error *err)
{
    if (kg_strmap_putn(r->places, name, n, 0))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", r->path);
    const char *copy = kg_arena_strndup(r->names, name, n);
    if (!copy || !kg_vec_push(&r->place_order, &copy))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", r->path);
    return KG_OK;
}

/* Whether the pointers that follow the words include "@i" (instance of). */
static bool is_instance(scan sc)
{
    unsigned long ptrs;
    if (!number(field(&sc), 10, &ptrs))
        return false;
    for (unsigned long i = 0; i < ptrs; i++) {
        span sym = field(&sc);
        if (sym.n == 2 && sym.s[0] == '@' && sym.s[1] == 'i')
            return true;
        field(&sc), field(&sc), field(&sc);
    }
    return false;
}

static kg_status synset_line(reading *r, scan sc, size_t no, kg_error *err)
{
    unsigned long lexfile, words;
    span offset = field(&sc), lex = field(&sc), type = field(&sc), cnt = field(&sc);
    if (!offset.s || !type.s || !number(lex, 10, &lexfile) || !number(cnt, 16, &words) || !words)
        return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: not a WordNet synset line", r->path, no);
    span w[256];
    for (unsigned long i = 0; i < words; i++) {
        w[i] = field(&sc);
        if (!field(&sc).s) /* the lex_id after the word */
            return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: synset has fewer than %lu words",
                                r->path, no, words);
    }
    bool person = r->noun && lexfile == NOUN_PERSON, place = r->noun && lexfile == NOUN_LOCATION;
    bool verb = r->verb;
    bool instance = (person || place) && is_instance(sc);
    kg_status st = KG_OK;
    for (unsigned long i = 0; i < words && !st; i++) {
        char buf[WORD_MAX];
        size_t n = 0;
        unsigned what = word_text(w[i], buf, &n);
        bool plain = what && !(what & (HAS_UPPER | HAS_SPACE));
        if (plain && r->tagged && kg_strmap_getn(r->tagged, buf, n, NULL))
            st = add(r->into->common, buf, n, r->path, err);
        if (!st && plain && verb)
            st = add(r->into->verbs, buf, n, r->path, err);
        if (!st && plain && person && !instance)
            st = add(r->into->people, buf, n, r->path, err);
        if (!st && person && instance && (what & HAS_UPPER))
            st = add(r->people, buf, n, r->path, err);
        if (!st && place && instance && (what & HAS_UPPER) && (what & HAS_LOWER) &&
            !kg_strmap_getn(r->places, buf, n, NULL))
            st = add_place(r, buf, n, err);
    }
    return st;
}

/* Maps dir/name into memory (the 22 MB are only scanned: mapping them costs
 * no copy); a missing file says which package to install. */
static kg_status map_file(const char *dir, const char *name, char *path, size_t size,
                          const char **buf, size_t *len, kg_error *err)
{
    if ((size_t)snprintf(path, size, "%s/%s", dir, name) >= size)
        return kg_error_set(err, KG_ERR_USAGE, "%s: WordNet directory path too long", dir);
    int fd = open(path, O_RDONLY);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        int e = fd < 0 ? errno : EISDIR;
        if (fd >= 0)
            close(fd);
        return kg_error_set(err, KG_ERR_IO,
                            "%s: cannot open: %s (word lists come from WordNet: "
                            "apt-get install wordnet-base)",
                            path, strerror(e));
    }
    *len = (size_t)sb.st_size;
    void *p = *len ? mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    int e = errno;
    close(fd);
    if (*len && p == MAP_FAILED)
        return kg_error_set(err, KG_ERR_IO, "%s: cannot read: %s", path, strerror(e));
    *buf = p;
    return KG_OK;
}

static void unmap_file(const char *buf, size_t len)
{
    if (len)
        munmap((void *)buf, len);
}

/* data.POS: every synset line through synset_line. */
static kg_status read_data(reading *r, const char *dir, const char *pos, kg_error *err)
{
    char path[4096], name[32];
    const char *buf = NULL;
    size_t len = 0;
    snprintf(name, sizeof name, "data.%s", pos);
    kg_status st = map_file(dir, name, path, sizeof path, &buf, &len, err);
    if (st)
        return st;
    r->noun = !strcmp(pos, "noun");
    r->verb = !strcmp(pos, "verb");
    r->path = path;
    size_t no = 0, synsets = 0;
    for (const char *p = buf, *end = buf + len; p < end && !st;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        no++;
        if (eol > p && *p != ' ') {
            st = synset_line(r, (scan){p, eol}, no, err);
            synsets++;
        }
        p = eol + 1;
    }
    unmap_file(buf, len);
    if (!st && !synsets)
        st = kg_error_set(err, KG_ERR_INPUT, "%s: no WordNet synsets", path);
    return st;
}

/* Calls line(ctx, path, no, p, eol) for every line of dir/name (mapped,
 * not copied), until one fails. */
typedef kg_status (*line_fn)(void *ctx, const char *path, size_t no, const char *p, const char *eol,
                             kg_error *err);

static kg_status each_line(const char *dir, const char *name, line_fn line, void *ctx,
                           kg_error *err)
{
    char path[4096];
    const char *buf = NULL;
    size_t len = 0;
    kg_status st = map_file(dir, name, path, sizeof path, &buf, &len, err);
    if (st)
        return st;
    size_t no = 0;
    for (const char *p = buf, *end = buf + len; p < end && !st;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        st = line(ctx, path, ++no, p, eol, err);
        p = eol + 1;
    }
    unmap_file(buf, len);
    return st;
}

/* cntlist.rev: "lemma%sense_key_rest sense_number tag_cnt", one tagged sense
 * a line.  WordNet's lemmas include many rare words that are also surnames
 * ("croft", "slater"); those SemCor never tagged are left out of the common
 * words. */
static kg_status tagged_line(void *ctx, const char *path, size_t no, const char *p, const char *eol,
                             kg_error *err)
{
    reading *r = ctx;
    const char *pct = memchr(p, '%', (size_t)(eol - p));
    if (eol > p && (!pct || pct == p || !memchr(pct, ' ', (size_t)(eol - pct))))
        return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: not a WordNet sense count line", path, no);
    if (eol > p && !memchr(p, '_', (size_t)(pct - p)))
        return add(r->tagged, p, (size_t)(pct - p), path, err);
    return KG_OK;
}

/* verb.exc: "form lemma [lemma...]", one irregular form a line; the first
 * lemma is kept. */
static kg_status verb_form_line(void *ctx, const char *path, size_t no, const char *p,
                                const char *eol, kg_error *err)
{
    const kg_wordnet_words *into = ctx;
    const char *sp = memchr(p, ' ', (size_t)(eol - p));
    const char *lem = sp ? sp + 1 : NULL;
    const char *lem_end = lem ? memchr(lem, ' ', (size_t)(eol - lem)) : NULL;
    if (!lem_end)
        lem_end = eol;
    if (eol > p && (!sp || sp == p || lem == lem_end))
        return kg_error_set(err, KG_ERR_INPUT, "%s:%zu: not a WordNet exception line", path, no);
    if (eol == p || kg_strmap_getn(into->verb_forms, p, (size_t)(sp - p), NULL))
        return KG_OK;
    const char *copy = kg_arena_strndup(into->strings, lem, (size_t)(lem_end - lem));
    if (!copy || !kg_vec_push(into->verb_lemmas, &copy) ||
        kg_strmap_putn(into->verb_forms, p, (size_t)(sp - p), into->verb_lemmas->len - 1))
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
    return KG_OK;
}

static bool into_common_has(const kg_wordnet_words *into, const char *low, size_t n)
{
    return into->common && kg_strmap_getn(into->common, low, n, NULL);
}

/* A place is kept unless its name is also a person's ("Clinton", "Kent") or,
 * in lower case, a common word ("Nice", "Bath", "Reading"): capitalized in
 * a sentence, it names the place less often than not. */
static kg_status choose_places(reading *r, kg_error *err)
{
    kg_status st = KG_OK;
    for (size_t i = 0; i < r->place_order.len && !st; i++) {
        const char *name = *(const char **)kg_vec_at(&r->place_order, i);
        bool excluded = kg_strmap_get(r->people, name, NULL);
        for (size_t k = 0; k < 2 && !excluded; k++)
            excluded = r->into->not_places[k] && kg_strmap_get(r->into->not_places[k], name, NULL);
        if (excluded)
            continue;
        char low[WORD_MAX];
        size_t n = strlen(name);
        for (size_t k = 0; k < n; k++)
            low[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] + ('a' - 'A') : name[k]);
        if (!into_common_has(r->into, low, n))
            st = add(r->into->places, name, n, "WordNet places", err);
    }
    return st;
}

kg_status kg_wordnet_words_load(const char *dir, const kg_wordnet_words *into, kg_error *err)
{
    static const char *const pos[] = {"noun", "verb", "adj", "adv"};
    if (!dir)
        dir = KG_WORDNET_DIR;
    reading r = {.into = into,
                 .tagged = into->common ? kg_strmap_new() : NULL,
                 .places = kg_strmap_new(),
                 .people = kg_strmap_new(),
                 .names = kg_arena_new()};
    kg_vec_init(&r.place_order, sizeof(const char *));
    kg_status st = r.places && r.people && r.names && (r.tagged || !into->common)
                       ? KG_OK
                       : kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    if (!st && r.tagged)
        st = each_line(dir, "cntlist.rev", tagged_line, &r, err);
    /* the nouns give people and places, every part of speech common words */
    for (size_t i = 0; i < sizeof pos / sizeof *pos && !st; i++)
        st = read_data(&r, dir, pos[i], err);
    if (!st && into->places)
        st = choose_places(&r, err);
    if (!st && into->verb_forms)
        st = each_line(dir, "verb.exc", verb_form_line, (void *)into, err);
    kg_vec_free(&r.place_order);
    if (r.names)
        kg_arena_free(r.names);
    kg_strmap_free(r.people);
    kg_strmap_free(r.places);
    kg_strmap_free(r.tagged);
    return st;
}
