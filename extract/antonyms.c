/* antonyms.c - WordNet's antonym pointers, looked up in the mapped files.
 *
 * The dictionary layout (wndb(5)): index.POS holds one line per lemma,
 * sorted, "lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt
 * offset..."; data.POS one line per synset at the byte offset that names
 * it, "offset lex_filenum ss_type w_cnt word lex_id ... p_cnt [symbol
 * offset pos source/target]... | gloss"; POS.exc one line per irregular
 * form, "form base...", sorted.  Both kinds of file begin with licence lines
 * that start with a space, which sort before every lemma.
 */
#include "antonyms.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wordnet.h"

enum { POS_VERB, POS_ADJ, N_POS };
enum { F_INDEX, F_DATA, F_EXC, N_FILES };

typedef struct mapped {
    const char *p;
    size_t n;
} mapped;

struct kg_antonyms {
    mapped f[N_POS][N_FILES];
};

static const char *const pos_names[N_POS] = {"verb", "adj"};
/* the same parts of speech in wordnet.h's order (noun 0, verb 1, adj 2) */
static const unsigned wn_pos[N_POS] = {1, 2};
static const char *const file_fmt[N_FILES] = {"%s/index.%s", "%s/data.%s", "%s/%s.exc"};

#define WORD_MAX 64
#define BASES_MAX 8
#define OFFSETS_MAX 64
#define SYNSET_WORDS_MAX 64
#define POINTERS_MAX 256

static kg_status map_file(const char *path, mapped *m, kg_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return kg_error_set(err, KG_ERR_INPUT, "%s: cannot open WordNet's file", path);
    }
    m->n = (size_t)st.st_size;
    m->p = NULL;
    if (m->n) {
        void *p = mmap(NULL, m->n, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            close(fd);
            return kg_error_set(err, KG_ERR_INPUT, "%s: cannot map WordNet's file", path);
        }
        m->p = p;
    }
    close(fd);
    return KG_OK;
}

void kg_antonyms_close(kg_antonyms *a)
{
    if (!a)
        return;
    for (int p = 0; p < N_POS; p++)
        for (int f = 0; f < N_FILES; f++)
            if (a->f[p][f].p)
                munmap((void *)a->f[p][f].p, a->f[p][f].n);
    free(a);
}

kg_status kg_antonyms_open(const char *dir, kg_antonyms **out, kg_error *err)
{
    *out = NULL;
    kg_antonyms *a = calloc(1, sizeof *a);
    if (!a)
        return kg_error_set(err, KG_ERR_NOMEM, "antonyms: out of memory");
    if (!dir)
        dir = KG_WORDNET_DIR;
    for (int p = 0; p < N_POS; p++)
        for (int f = 0; f < N_FILES; f++) {
            char path[4096];
            snprintf(path, sizeof path, file_fmt[f], dir, pos_names[p]);
            kg_status st = map_file(path, &a->f[p][f], err);
            if (st != KG_OK) {
                kg_antonyms_close(a);
                return st;
            }
        }
    *out = a;
    return KG_OK;
}

/* ---------------------------------------------------------------- lines */

/* The start of the line holding byte i. */
static size_t line_start(const mapped *m, size_t i)
{
    while (i > 0 && m->p[i - 1] != '\n')
        i--;
    return i;
}

/* The line of a sorted file (index or exceptions) whose first field is key,
 * as [*start, *end); false when there is none. */
static bool find_line(const mapped *m, const char *key, size_t *start, size_t *end)
{
    size_t klen = strlen(key), lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, s = line_start(m, mid), e = s;
        while (e < m->n && m->p[e] != '\n')
            e++;
        size_t f = s;
        while (f < e && m->p[f] != ' ')
            f++;
        int c;
        if (s < e && m->p[s] == ' ')
            c = -1; /* a licence line: before every lemma */
        else {
            size_t n = f - s < klen ? f - s : klen;
            c = memcmp(m->p + s, key, n);
            if (!c)
                c = (f - s > klen) - (f - s < klen);
        }
        if (c == 0) {
            *start = s;
            *end = e;
            return true;
        }
        if (c < 0)
            lo = e + 1 > mid + 1 ? e + 1 : mid + 1;
        else
            hi = s;
    }
    return false;
}

/* The next space-separated field of [*at, end) into buf; false at the end. */
static bool field(const mapped *m, size_t *at, size_t end, char *buf, size_t cap)
{
    while (*at < end && m->p[*at] == ' ')
        (*at)++;
    if (*at >= end)
        return false;
    size_t n = 0;
    while (*at < end && m->p[*at] != ' ') {
        if (n + 1 < cap)
            buf[n++] = m->p[*at];
        (*at)++;
    }
    buf[n] = '\0';
    return true;
}

static bool parse_ulong(const char *s, int base, unsigned long *v)
{
    if (!*s)
        return false;
    char *end;
    *v = strtoul(s, &end, base);
    return *end == '\0';
}

/* ---------------------------------------------------------------- words */

/* WordNet's form of a word: lower case, '_' for a space, an adjective's
 * "(a)" marker dropped. */
static void wn_form(const char *s, char *out)
{
    size_t n = 0;
    for (; *s && *s != '(' && n + 1 < WORD_MAX; s++)
        out[n++] = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s == ' ' ? '_' : *s;
    out[n] = '\0';
}

typedef struct bases {
    char w[BASES_MAX][WORD_MAX];
    size_t n;
} bases;

static void add_base(bases *b, const char *w)
{
    for (size_t i = 0; i < b->n; i++)
        if (!strcmp(b->w[i], w))
            return;
    if (b->n < BASES_MAX)
        snprintf(b->w[b->n++], WORD_MAX, "%s", w);
}

/* The lemmas of part of speech p that form can be, as WordNet's morphy
 * finds them: the form itself, its exceptions, then the detachment rules. */
static void morphy(const kg_antonyms *a, int p, const char *form, bases *b)
{
    size_t s, e;
    b->n = 0;
    if (find_line(&a->f[p][F_INDEX], form, &s, &e))
        add_base(b, form);
    const mapped *x = &a->f[p][F_EXC];
    if (find_line(x, form, &s, &e)) {
        char w[WORD_MAX];
        size_t at = s;
        field(x, &at, e, w, sizeof w); /* the form */
        while (field(x, &at, e, w, sizeof w))
            add_base(b, w);
    }
    size_t nr;
    const kg_wn_rule *rules = kg_wordnet_rules(wn_pos[p], &nr);
    size_t len = strlen(form);
    for (size_t r = 0; r < nr; r++) {
        const char *suf = rules[r].ending, *rep = rules[r].lemma_ending;
        size_t sl = strlen(suf);
        if (len <= sl || strcmp(form + len - sl, suf) != 0 || len - sl + strlen(rep) >= WORD_MAX)
            continue;
        char w[WORD_MAX];
        memcpy(w, form, len - sl);
        strcpy(w + len - sl, rep);
        if (find_line(&a->f[p][F_INDEX], w, &s, &e))
            add_base(b, w);
    }
}

/* ---------------------------------------------------------------- synsets */

typedef struct synset {
    char type; /* n v a s r */
    char words[SYNSET_WORDS_MAX][WORD_MAX];
    size_t n_words;
    unsigned long ptr_offset[POINTERS_MAX];
    char ptr_symbol[POINTERS_MAX][3];
    char ptr_pos[POINTERS_MAX];
    size_t n_ptrs;
} synset;

/* Reads the synset at offset of data file m; false if the line is not one. */
static bool read_synset(const mapped *m, unsigned long offset, synset *out)
{
    if (offset >= m->n || (offset > 0 && m->p[offset - 1] != '\n'))
        return false;
    size_t end = offset;
    while (end < m->n && m->p[end] != '\n' && m->p[end] != '|')
        end++;
    size_t at = offset;
    char f[WORD_MAX];
    unsigned long v, count;
    if (!field(m, &at, end, f, sizeof f) || !parse_ulong(f, 10, &v) || v != offset ||
        !field(m, &at, end, f, sizeof f) || !field(m, &at, end, f, sizeof f))
        return false;
    out->type = f[0];
    if (!field(m, &at, end, f, sizeof f) || !parse_ulong(f, 16, &count))
        return false;
    out->n_words = 0;
    for (unsigned long k = 0; k < count; k++) {
        char w[WORD_MAX];
        if (!field(m, &at, end, w, sizeof w) || !field(m, &at, end, f, sizeof f))
            return false;
        if (out->n_words < SYNSET_WORDS_MAX)
            wn_form(w, out->words[out->n_words++]);
    }
    if (!field(m, &at, end, f, sizeof f) || !parse_ulong(f, 10, &count))
        return false;
    out->n_ptrs = 0;
    for (unsigned long k = 0; k < count; k++) {
        char sym[8], off[16], pos[4], st[8];
        if (!field(m, &at, end, sym, sizeof sym) || !field(m, &at, end, off, sizeof off) ||
            !field(m, &at, end, pos, sizeof pos) || !field(m, &at, end, st, sizeof st) ||
            !parse_ulong(off, 10, &v))
            return false;
        if (out->n_ptrs < POINTERS_MAX) {
            /* symbols are one or two characters ("!", "@i"); longer ones match none */
            out->ptr_symbol[out->n_ptrs][0] = sym[0];
            out->ptr_symbol[out->n_ptrs][1] = sym[0] ? sym[1] : '\0';
            out->ptr_symbol[out->n_ptrs][2] = '\0';
            out->ptr_offset[out->n_ptrs] = v;
            out->ptr_pos[out->n_ptrs] = pos[0];
            out->n_ptrs++;
        }
    }
    return true;
}

static bool has_word(const synset *s, const bases *b)
{
    for (size_t i = 0; i < s->n_words; i++)
        for (size_t k = 0; k < b->n; k++)
            if (!strcmp(s->words[i], b->w[k]))
                return true;
    return false;
}

/* Whether a "!" pointer of synset s leads to a synset holding a word of b. */
static bool antonym_in(const mapped *data, const synset *s, const bases *b, synset *tmp)
{
    for (size_t k = 0; k < s->n_ptrs; k++)
        if (!strcmp(s->ptr_symbol[k], "!") && read_synset(data, s->ptr_offset[k], tmp) &&
            has_word(tmp, b))
            return true;
    return false;
}

/* Whether a sense of a word of ba in part of speech p is an antonym of a
 * sense of a word of bb. */
static bool opposite_in(const kg_antonyms *a, int p, const bases *ba, const bases *bb)
{
    const mapped *ix = &a->f[p][F_INDEX], *data = &a->f[p][F_DATA];
    synset *s = malloc(3 * sizeof *s);
    if (!s)
        return false;
    bool found = false;
    for (size_t i = 0; i < ba->n && !found; i++) {
        size_t ls, le;
        if (!find_line(ix, ba->w[i], &ls, &le))
            continue;
        /* lemma pos synset_cnt p_cnt [ptr x p_cnt] sense_cnt tagsense_cnt offsets */
        size_t at = ls;
        char f[WORD_MAX];
        unsigned long n_syn, n_ptr;
        if (!field(ix, &at, le, f, sizeof f) || !field(ix, &at, le, f, sizeof f) ||
            !field(ix, &at, le, f, sizeof f) || !parse_ulong(f, 10, &n_syn) ||
            !field(ix, &at, le, f, sizeof f) || !parse_ulong(f, 10, &n_ptr))
            continue;
        bool ok = true;
        for (unsigned long k = 0; k < n_ptr + 2 && ok; k++)
            ok = field(ix, &at, le, f, sizeof f);
        for (unsigned long k = 0; ok && k < n_syn && k < OFFSETS_MAX && !found; k++) {
            unsigned long off;
            if (!field(ix, &at, le, f, sizeof f) || !parse_ulong(f, 10, &off) ||
                !read_synset(data, off, &s[0]))
                break;
            found = antonym_in(data, &s[0], bb, &s[1]);
            /* an adjective satellite has its antonyms through its head */
            for (size_t h = 0; !found && s[0].type == 's' && h < s[0].n_ptrs; h++)
                if (!strcmp(s[0].ptr_symbol[h], "&") &&
                    read_synset(data, s[0].ptr_offset[h], &s[2]))
                    found = antonym_in(data, &s[2], bb, &s[1]);
        }
    }
    free(s);
    return found;
}

static bool words_opposite(const kg_antonyms *a, const char *x, const char *y)
{
    char fx[WORD_MAX], fy[WORD_MAX];
    wn_form(x, fx);
    wn_form(y, fy);
    if (!*fx || !*fy || !strcmp(fx, fy))
        return false;
    for (int p = 0; p < N_POS; p++) {
        bases bx, by;
        morphy(a, p, fx, &bx);
        morphy(a, p, fy, &by);
        if (bx.n && by.n && (opposite_in(a, p, &bx, &by) || opposite_in(a, p, &by, &bx)))
            return true;
    }
    return false;
}

/* Splits s into at most max words of at most WORD_MAX-1 bytes; the count,
 * or max + 1 when there are more. */
static size_t split(const char *s, char words[][WORD_MAX], size_t max)
{
    size_t n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        if (n == max)
            return max + 1;
        size_t k = 0;
        while (*s && *s != ' ') {
            if (k + 1 < WORD_MAX)
                words[n][k++] = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
            s++;
        }
        words[n++][k] = '\0';
    }
    return n;
}

#define LABEL_WORDS 8

bool kg_antonyms_opposite(const kg_antonyms *a, const char *rel_a, const char *rel_b)
{
    if (!a || !rel_a || !rel_b)
        return false;
    char wa[LABEL_WORDS][WORD_MAX], wb[LABEL_WORDS][WORD_MAX];
    size_t na = split(rel_a, wa, LABEL_WORDS), nb = split(rel_b, wb, LABEL_WORDS);
    if (na != nb || na == 0 || na > LABEL_WORDS)
        return false;
    long differ = -1;
    for (size_t i = 0; i < na; i++)
        if (strcmp(wa[i], wb[i]) != 0) {
            if (differ >= 0)
                return false;
            differ = (long)i;
        }
    return differ >= 0 && words_opposite(a, wa[differ], wb[differ]);
}
