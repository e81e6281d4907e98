/* ud.c - kg/parse.h: the tagger, lemmatizer and parser as one model.
 *
 * The model file holds, after the header, a META section (the model's
 * name, its tag set as "UPOS XPOS" pairs and its relation labels), then the
 * tagger's, the lemmatizer's and the parser's sections.  A loaded model
 * keeps the file's bytes and points into them.
 */
#include "kg/parse.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "conllu.h"
#include "model_file.h"
#include "paths.h"
#include "sentences.h"
#include "tokens.h"
#include "ud_model.h"

/* More tags or labels than this is not a treebank we know how to use. */
#define MAX_CLASSES 1000


void kg_ud_model_free(kg_ud_model *m)
{
    if (!m)
        return;
    kg_tagger_free(m->tagger);
    kg_wordnet_free(m->wordnet);
    kg_lemmatizer_free(m->lemmatizer);
    kg_depparse_free(m->parser);
    free(m->upos);
    free(m->xpos);
    free(m->labels);
    kg_mfile_close(&m->file);
    kg_arena_free(m->strings);
    free(m);
}

const char *kg_ud_model_name(const kg_ud_model *m)
{
    return m->name;
}

const char *kg_ud_model_id(const kg_ud_model *m)
{
    return m->id ? m->id : m->name;
}

/* ------------------------------------------------------------ the file */

kg_status kg_ud_model_save(const kg_ud_model *m, const char *path, kg_error *err)
{
    kg_mbuf b;
    kg_mbuf_init(&b);
    kg_mbuf_tag(&b, "META");
    kg_mbuf_str(&b, m->name);
    kg_mbuf_u64(&b, m->n_tags);
    for (size_t i = 0; i < m->n_tags; i++) {
        kg_mbuf_str(&b, m->upos[i]);
        kg_mbuf_str(&b, m->xpos[i]);
    }
    kg_mbuf_u64(&b, m->n_labels);
    for (size_t i = 0; i < m->n_labels; i++)
        kg_mbuf_str(&b, m->labels[i]);
    kg_wordnet_write(m->wordnet, &b);
    kg_tagger_write(m->tagger, &b);
    kg_lemmatizer_write(m->lemmatizer, &b);
    kg_depparse_write(m->parser, &b);
    kg_status st = kg_mbuf_save(&b, path, err);
    kg_mbuf_free(&b);
    return st;
}

static void read_meta(kg_mread *r, kg_ud_model *m)
{
    if (!kg_mread_tag(r, "META"))
        return;
    m->name = kg_mread_str(r);
    m->n_tags = kg_mread_count(r, MAX_CLASSES);
    m->upos = calloc(m->n_tags + 1, sizeof *m->upos);
    m->xpos = calloc(m->n_tags + 1, sizeof *m->xpos);
    if (!m->upos || !m->xpos)
        kg_mread_fail(r, "out of memory");
    for (size_t i = 0; i < m->n_tags && !r->bad; i++) {
        m->upos[i] = kg_mread_str(r);
        m->xpos[i] = kg_mread_str(r);
    }
    m->n_labels = kg_mread_count(r, MAX_CLASSES);
    m->labels = calloc(m->n_labels + 1, sizeof *m->labels);
    if (!m->labels)
        kg_mread_fail(r, "out of memory");
    for (size_t i = 0; i < m->n_labels && !r->bad; i++)
        m->labels[i] = kg_mread_str(r);
}

static kg_status default_path(kg_arena *a, const char **out, kg_error *err)
{
    char path[KG_PATHS_MAX];
    kg_status st = kg_paths_model_file(KG_UD_MODEL_FILE, path, sizeof path, err);
    if (st == KG_OK && !(*out = kg_arena_strdup(a, path)))
        st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return st;
}

kg_status kg_ud_model_load(const char *path, kg_ud_model **out, kg_error *err)
{
    *out = NULL;
    kg_ud_model *m = calloc(1, sizeof *m);
    if (!m || !(m->strings = kg_arena_new())) {
        free(m);
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    kg_status pst = path ? KG_OK : default_path(m->strings, &path, err);
    if (pst != KG_OK) {
        kg_ud_model_free(m);
        return pst;
    }
    kg_mread r;
    kg_status st = kg_mread_open(path, &m->file, &r, err);
    if (st == KG_OK) {
        read_meta(&r, m);
        m->wordnet = kg_wordnet_read(&r);
        m->tagger = kg_tagger_read(&r, m->wordnet);
        m->lemmatizer = kg_lemmatizer_read(&r);
        m->parser = kg_depparse_read(&r, m->wordnet);
        if (!r.bad && kg_tagger_tags(m->tagger) != m->n_tags)
            kg_mread_fail(&r, "the tagger's tag set differs from the model's");
        if (!r.bad && kg_depparse_labels(m->parser) != m->n_labels)
            kg_mread_fail(&r, "the parser's labels differ from the model's");
        if (!r.bad && r.pos != r.len)
            kg_mread_fail(&r, "bytes after the last section");
        st = kg_mread_status(&r, err);
    }
    /* a retrained model is renamed into place: a new file time, so caches
     * keyed by the id never hand back the old model's trees */
    struct stat sb;
    if (st == KG_OK && stat(path, &sb) == 0 &&
        !(m->id = kg_arena_printf(m->strings, "%s %lld %lld.%09ld", m->name ? m->name : "",
                                  (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
                                  (long)sb.st_mtim.tv_nsec)))
        st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    if (st != KG_OK) {
        kg_ud_model_free(m);
        return st;
    }
    *out = m;
    return KG_OK;
}

/* ------------------------------------------------------------ annotating */

kg_status kg_ud_annotate(const kg_ud_model *m, kg_arena *a, kg_ud_word *words, size_t n,
                         kg_ud_stats *stats, kg_error *err)
{
    if (n == 0)
        return KG_OK;
    const char **forms = kg_arena_alloc(a, n * sizeof *forms);
    uint16_t *tags = kg_arena_alloc(a, n * sizeof *tags);
    uint16_t *alt = kg_arena_alloc(a, n * sizeof *alt);
    uint16_t *labels = kg_arena_alloc(a, n * sizeof *labels);
    size_t *heads = kg_arena_alloc(a, n * sizeof *heads);
    if (!forms || !tags || !alt || !labels || !heads)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        forms[i] = words[i].form;
    double t0 = kg_thread_cpu_seconds();
    kg_status st = kg_tagger_tag(m->tagger, forms, n, tags, alt, err);
    for (size_t i = 0; i < n && st == KG_OK; i++) {
        words[i].upos = m->upos[tags[i]];
        words[i].xpos = m->xpos[tags[i]];
        words[i].lemma = kg_lemmatizer_lemma(m->lemmatizer, a, forms[i], tags[i]);
        if (!words[i].lemma)
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    double t1 = kg_thread_cpu_seconds();
    if (st == KG_OK)
        st = kg_depparse_parse(m->parser, forms, tags, alt, n, heads, labels, err);
    for (size_t i = 0; i < n && st == KG_OK; i++) {
        words[i].head = heads[i];
        words[i].deprel = m->labels[labels[i]];
    }
    if (stats) {
        stats->sentences++;
        stats->tokens += n;
        stats->tag_s += t1 - t0;
        stats->parse_s += kg_thread_cpu_seconds() - t1;
    }
    return st;
}

/* Code points in text[from..to). */
static size_t count_cps(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* Tokenizes one sentence.  Whitespace follows a token where the tokenizer
 * saw it before the next one, and after the sentence's last token where the
 * next sentence does not start at once (spans exclude whitespace around
 * them), next being where it starts: SIZE_MAX for the last sentence, which
 * the end of the text closes as whitespace would. */
static kg_status tokenize(kg_arena *a, const char *text, kg_span span, size_t next, size_t *cp,
                          size_t *cp_at, kg_ud_sentence *out, kg_error *err)
{
    kg_token *toks = NULL;
    size_t nt = 0;
    kg_status st = kg_tokens_split_ud(a, text, span, &toks, &nt, err);
    if (st != KG_OK)
        return st;
    out->start = span.start;
    out->end = span.end;
    out->n = nt;
    out->words = kg_arena_alloc(a, (nt ? nt : 1) * sizeof *out->words);
    if (!out->words)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < nt; i++) {
        kg_ud_word *w = &out->words[i];
        w->form = kg_arena_strndup(a, text + toks[i].start, toks[i].end - toks[i].start);
        if (!w->form)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        w->start = toks[i].start;
        w->end = toks[i].end;
        /* code points are counted once, from wherever the last token ended */
        *cp += count_cps(text, *cp_at, w->start);
        w->cp_start = *cp;
        *cp += count_cps(text, w->start, w->end);
        w->cp_end = *cp;
        *cp_at = w->end;
        w->space_after = i + 1 < nt ? toks[i + 1].space_before : span.end < next;
    }
    return KG_OK;
}

kg_status kg_ud_parse_text(const kg_ud_model *m, kg_arena *a, const char *text, size_t start,
                           size_t len, kg_ud_sentence **out, size_t *n, kg_ud_stats *stats,
                           kg_error *err)
{
    *out = NULL;
    *n = 0;
    double t0 = kg_thread_cpu_seconds();
    kg_span *spans = NULL;
    size_t ns = 0;
    kg_status st = kg_sentences_split(a, text, start, len, &spans, &ns, err);
    if (st != KG_OK)
        return st;
    kg_ud_sentence *s = kg_arena_alloc(a, (ns ? ns : 1) * sizeof *s);
    if (!s)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t cp = 0, cp_at = 0;
    for (size_t i = 0; i < ns && st == KG_OK; i++)
        st = tokenize(a, text, spans[i], i + 1 < ns ? spans[i + 1].start : SIZE_MAX, &cp, &cp_at,
                      &s[i], err);
    if (stats)
        stats->tokenize_s += kg_thread_cpu_seconds() - t0;
    for (size_t i = 0; i < ns && st == KG_OK; i++)
        st = kg_ud_annotate(m, a, s[i].words, s[i].n, stats, err);
    if (st != KG_OK)
        return st;
    *out = s;
    *n = ns;
    return KG_OK;
}

/* ------------------------------------------------------------ CoNLL-U */

/* The sentence's text on one line: tabs and line breaks become spaces. */
static void write_text_comment(FILE *f, const char *text, size_t start, size_t end)
{
    fputs("# text = ", f);
    for (size_t i = start; i < end; i++) {
        char c = text[i];
        fputc(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, f);
    }
    fputc('\n', f);
}

kg_status kg_ud_write_conllu(FILE *out, const char *text, const kg_ud_sentence *s, size_t n,
                             const char *sent_prefix, size_t first_id, kg_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (sent_prefix)
            fprintf(out, "# sent_id = %s-%zu\n", sent_prefix, first_id + i);
        else
            fprintf(out, "# sent_id = %zu\n", first_id + i);
        write_text_comment(out, text, s[i].start, s[i].end);
        for (size_t k = 0; k < s[i].n; k++) {
            const kg_ud_word *w = &s[i].words[k];
            fprintf(out, "%zu\t%s\t%s\t%s\t%s\t_\t%zu\t%s\t_\t%s\n", k + 1, w->form, w->lemma,
                    w->upos, w->xpos, w->head, w->deprel,
                    w->space_after || k + 1 == s[i].n ? "_" : "SpaceAfter=No");
        }
        fputc('\n', out);
    }
    if (fflush(out) != 0 || ferror(out))
        return kg_error_set(err, KG_ERR_IO, "cannot write CoNLL-U");
    return KG_OK;
}

static kg_status annotate_sentence(const kg_ud_model *m, kg_arena *a, kg_conllu_sentence *s,
                                   kg_ud_stats *stats, kg_error *err)
{
    kg_ud_word *w = kg_arena_alloc(a, (s->n_words ? s->n_words : 1) * sizeof *w);
    if (!w)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < s->n_words; i++)
        w[i].form = s->words[i].form;
    kg_status st = kg_ud_annotate(m, a, w, s->n_words, stats, err);
    for (size_t i = 0; i < s->n_words && st == KG_OK; i++) {
        kg_conllu_word *c = &s->words[i];
        c->lemma = w[i].lemma;
        c->upos = w[i].upos;
        c->xpos = w[i].xpos;
        c->feats = "_";
        c->head = w[i].head;
        c->deprel = w[i].deprel;
        c->deps = "_";
    }
    return st;
}

kg_status kg_ud_annotate_conllu(const kg_ud_model *m, const char *path, FILE *out,
                                kg_ud_stats *stats, kg_error *err)
{
    kg_arena *a = kg_arena_new();
    if (!a)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_conllu_sentence *s = NULL;
    size_t n = 0;
    kg_status st = kg_conllu_read_file(a, path, &s, &n, err);
    for (size_t i = 0; i < n && st == KG_OK; i++)
        st = annotate_sentence(m, a, &s[i], stats, err);
    for (size_t i = 0; i < n && st == KG_OK; i++)
        if (!kg_conllu_write_sentence(out, &s[i]))
            st = kg_error_set(err, KG_ERR_IO, "cannot write CoNLL-U");
    if (st == KG_OK && (fflush(out) != 0 || ferror(out)))
        st = kg_error_set(err, KG_ERR_IO, "cannot write CoNLL-U");
    kg_arena_free(a);
    return st;
}
