/* conllu.c - see conllu.h.  The file is read whole and cut into lines in
 * place (one arena copy), so fields are pointers into that copy. */
#include "conllu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

/* Treebanks are tens of MB; anything past this is not one. */
#define MAX_CONLLU_BYTES ((size_t)1024 * 1024 * 1024)

typedef struct reader {
    kg_arena *a;
    const char *name;
    size_t line;          /* current line number */
    kg_vec sents;         /* kg_conllu_sentence */
    kg_vec lines;         /* kg_conllu_line of the sentence being read */
    kg_vec words;         /* kg_conllu_word of the sentence being read */
    kg_error *err;
} reader;

static kg_status fail(reader *r, const char *what)
{
    return kg_error_set(r->err, KG_ERR_INPUT, "%s:%zu: %s", r->name, r->line, what);
}

/* Parses a decimal index (no sign, no spaces); false if s is not one. */
static bool parse_index(const char *s, size_t *out)
{
    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > (unsigned long long)SIZE_MAX / 2)
        return false;
    *out = (size_t)v;
    return true;
}

static void *arena_copy(kg_arena *a, const kg_vec *v)
{
    if (v->len == 0)
        return NULL;
    void *p = kg_arena_alloc(a, v->len * v->item_size);
    if (p)
        memcpy(p, v->items, v->len * v->item_size);
    return p;
}

/* Closes the sentence being read: heads checked now that its length is known. */
static kg_status end_sentence(reader *r)
{
    if (r->lines.len == 0)
        return KG_OK;
    if (r->words.len == 0) {
        r->lines.len = 0;
        return KG_OK; /* comments alone (a file header) make no sentence */
    }
    kg_conllu_sentence s = {0};
    s.n_lines = r->lines.len;
    s.n_words = r->words.len;
    s.lines = arena_copy(r->a, &r->lines);
    s.words = arena_copy(r->a, &r->words);
    if (!s.lines || !s.words)
        return kg_error_set(r->err, KG_ERR_NOMEM, "%s: out of memory", r->name);
    for (size_t i = 0; i < s.n_words; i++)
        if (s.words[i].head > s.n_words) {
            r->line = s.words[i].line;
            return fail(r, "HEAD is not a word of the sentence");
        }
    for (size_t i = 0; i < s.n_lines; i++)
        if (s.lines[i].kind == KG_CONLLU_COMMENT && !strncmp(s.lines[i].text, "# text = ", 9))
            s.text = s.lines[i].text + 9;
    r->lines.len = 0;
    r->words.len = 0;
    return kg_vec_push(&r->sents, &s) ? KG_OK
                                      : kg_error_set(r->err, KG_ERR_NOMEM, "out of memory");
}

/* Splits line (modified in place) into exactly ten tab-separated columns. */
static bool split_columns(char *line, char *col[10])
{
    size_t k = 0;
    col[k++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            if (k == 10)
                return false;
            *p = '\0';
            col[k++] = p + 1;
        }
    return k == 10;
}

static kg_status word_line(reader *r, char *line)
{
    const char *verbatim = kg_arena_strdup(r->a, line);
    char *col[10];
    if (!verbatim)
        return kg_error_set(r->err, KG_ERR_NOMEM, "out of memory");
    if (!split_columns(line, col))
        return fail(r, "a word line needs 10 tab-separated columns");
    for (int i = 0; i < 10; i++)
        if (!*col[i])
            return fail(r, "empty column (write '_' for none)");
    kg_conllu_line l = {KG_CONLLU_OTHER, verbatim, 0};
    if (strchr(col[0], '-') || strchr(col[0], '.'))
        return kg_vec_push(&r->lines, &l) ? KG_OK : fail(r, "out of memory");
    size_t id = 0;
    if (!parse_index(col[0], &id) || id != r->words.len + 1)
        return fail(r, "word IDs must run 1, 2, 3, ... within a sentence");
    kg_conllu_word w = {col[1], col[2], col[3], col[4], col[5], col[7], col[8], col[9], 0, r->line};
    if (!strcmp(col[6], "_"))
        w.head = 0; /* no tree given: the parser's input needs none */
    else if (!parse_index(col[6], &w.head))
        return fail(r, "HEAD must be a number");
    l.kind = KG_CONLLU_WORD;
    l.word = r->words.len;
    if (!kg_vec_push(&r->words, &w) || !kg_vec_push(&r->lines, &l))
        return kg_error_set(r->err, KG_ERR_NOMEM, "out of memory");
    return KG_OK;
}

static kg_status read_lines(reader *r, char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        r->line++;
        char *line = text + i;
        char *nl = memchr(line, '\n', len - i);
        size_t n = nl ? (size_t)(nl - line) : len - i;
        i += n + 1;
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (memchr(line, '\0', n))
            return fail(r, "NUL byte in the line");
        kg_status st = KG_OK;
        if (n == 0)
            st = end_sentence(r);
        else if (line[0] == '#') {
            kg_conllu_line l = {KG_CONLLU_COMMENT, line, 0};
            st = kg_vec_push(&r->lines, &l) ? KG_OK : fail(r, "out of memory");
        } else
            st = word_line(r, line);
        if (st != KG_OK)
            return st;
    }
    return end_sentence(r);
}

kg_status kg_conllu_read_buffer(kg_arena *a, const char *name, const char *data, size_t len,
                                kg_conllu_sentence **out, size_t *n, kg_error *err)
{
    *out = NULL;
    *n = 0;
    char *text = kg_arena_strndup(a, data, len);
    if (!text)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    reader r = {a, name, 0, {0}, {0}, {0}, err};
    kg_vec_init(&r.sents, sizeof(kg_conllu_sentence));
    kg_vec_init(&r.lines, sizeof(kg_conllu_line));
    kg_vec_init(&r.words, sizeof(kg_conllu_word));
    kg_status st = read_lines(&r, text, len);
    if (st == KG_OK) {
        *n = r.sents.len;
        *out = arena_copy(a, &r.sents);
        if (*n && !*out)
            st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    }
    kg_vec_free(&r.sents);
    kg_vec_free(&r.lines);
    kg_vec_free(&r.words);
    return st;
}

kg_status kg_conllu_read_file(kg_arena *a, const char *path, kg_conllu_sentence **out, size_t *n,
                              kg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_reader_read_bytes(path, MAX_CONLLU_BYTES, &buf, &len, err);
    if (st != KG_OK)
        return st;
    st = kg_conllu_read_buffer(a, path, buf, len, out, n, err);
    free(buf);
    return st;
}

bool kg_conllu_write_sentence(FILE *f, const kg_conllu_sentence *s)
{
    for (size_t i = 0; i < s->n_lines; i++) {
        const kg_conllu_line *l = &s->lines[i];
        if (l->kind != KG_CONLLU_WORD) {
            fprintf(f, "%s\n", l->text);
            continue;
        }
        const kg_conllu_word *w = &s->words[l->word];
        fprintf(f, "%zu\t%s\t%s\t%s\t%s\t%s\t%zu\t%s\t%s\t%s\n", l->word + 1, w->form, w->lemma,
                w->upos, w->xpos, w->feats, w->head, w->deprel, w->deps, w->misc);
    }
    return fputc('\n', f) != EOF && !ferror(f);
}
