/* diff_align.c - the sentences of two versions, paired.
 *
 * A version's sentences are its document's (every sentence), or without
 * the document the sentences its graph quotes as evidence.  Documents pair
 * by id, or, when each side holds one, with each other (two files of one
 * article have two names).  Within a pair of documents, sentences of the
 * same text (white space aside) are aligned as a longest common
 * subsequence, after the common head and tail are taken off: the part left
 * is what an edit touched, and is small for a revision; above
 * ALIGN_DP_CELLS cells it is not aligned at all (every sentence in it
 * counts as edited), so cost stays bounded on unrelated texts.  The
 * sentences between two aligned ones are edits: each old one is paired with
 * the first later new one that shares at least half its words (Dice), the
 * rest are removed or added.
 */
#include "diff_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN_DP_CELLS ((size_t)4 * 1000 * 1000)
/* runs of edited sentences compared pairwise up to this many pairs; longer
 * runs pair in order */
#define ALIGN_RUN_PAIRS ((size_t)4096)
#define ALIGN_SIM_WORDS 200

typedef struct sent {
    kg_diff_sentence s;
    uint64_t hash; /* of the text with white space collapsed */
} sent;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static uint64_t ws_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    bool space = false, any = false;
    for (; *s; s++) {
        if (is_space(*s)) {
            space = any;
            continue;
        }
        if (space) {
            h = (h ^ ' ') * 1099511628211ull;
            space = false;
        }
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
        any = true;
    }
    return h;
}

static bool same_text(const sent *a, const sent *b)
{
    return a->hash == b->hash && kg_diff_ws_cmp(a->s.text, b->s.text) == 0;
}

static int sent_cmp(const void *pa, const void *pb)
{
    const sent *a = pa, *b = pb;
    int c = strcmp(a->s.doc, b->s.doc);
    return c ? c : (a->s.sentence > b->s.sentence) - (a->s.sentence < b->s.sentence);
}

static int sent_text_cmp(const void *pa, const void *pb)
{
    int c = sent_cmp(pa, pb);
    return c ? c : strcmp(((const sent *)pa)->s.text, ((const sent *)pb)->s.text);
}

static void put_evidence(sent *out, size_t *n, const kg_evidence *evs, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        const kg_evidence *ev = &evs[i];
        out[(*n)++].s = (kg_diff_sentence){
            ev->doc ? ev->doc : "",  ev->sentence, ev->start, ev->end, ev->cp_start, ev->cp_end,
            ev->text ? ev->text : ""};
    }
}

/* A side's sentences sorted by (doc, sentence), unique. */
static kg_status side_sentences(kg_arena *a, const kg_diff_side *s, sent **out, size_t *n)
{
    *n = 0;
    if (s->doc) {
        size_t ns;
        const kg_span *spans = kg_document_sentences(s->doc, &ns);
        const kg_doc *doc = kg_document_doc(s->doc);
        *out = kg_arena_alloc(a, (ns + 1) * sizeof **out);
        if (!*out)
            return KG_ERR_NOMEM;
        for (size_t i = 0; i < ns; i++) {
            kg_span sp = spans[i];
            const char *text = kg_arena_strndup(a, doc->text + sp.start, sp.end - sp.start);
            if (!text)
                return KG_ERR_NOMEM;
            (*out)[i].s = (kg_diff_sentence){doc->id,
                                             i,
                                             sp.start,
                                             sp.end,
                                             kg_document_cp(s->doc, sp.start),
                                             kg_document_cp(s->doc, sp.end),
                                             text};
        }
        *n = ns;
    } else {
        size_t total = 0;
        for (size_t j = 0; j < kg_graph_edge_count(s->g); j++)
            total += kg_graph_edge(s->g, j)->n_evidence;
        for (size_t j = 0; j < kg_graph_claim_count(s->g); j++)
            total += kg_graph_claim(s->g, j)->n_evidence;
        *out = kg_arena_alloc(a, (total + 1) * sizeof **out);
        if (!*out)
            return KG_ERR_NOMEM;
        for (size_t j = 0; j < kg_graph_edge_count(s->g); j++) {
            const kg_edge *e = kg_graph_edge(s->g, j);
            put_evidence(*out, n, e->evidence, e->n_evidence);
        }
        for (size_t j = 0; j < kg_graph_claim_count(s->g); j++) {
            const kg_claim *c = kg_graph_claim(s->g, j);
            put_evidence(*out, n, c->evidence, c->n_evidence);
        }
        /* a graph written by hand may quote two texts for one sentence:
         * the smallest is kept, whatever the order of the records */
        qsort(*out, *n, sizeof **out, sent_text_cmp);
        size_t o = 0;
        for (size_t i = 0; i < *n; i++)
            if (o == 0 || sent_cmp(&(*out)[o - 1], &(*out)[i]) != 0)
                (*out)[o++] = (*out)[i];
        *n = o;
    }
    for (size_t i = 0; i < *n; i++)
        (*out)[i].hash = ws_hash((*out)[i].s.text);
    return KG_OK;
}

/* ---------------------------------------------------------------- words */

typedef struct words {
    uint64_t h[ALIGN_SIM_WORDS];
    size_t n;
} words;

static int u64_cmp(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

/* The sentence's first words (letters and digits, ASCII-folded), hashed and sorted. */
static void words_of(const char *s, words *w)
{
    w->n = 0;
    while (*s && w->n < ALIGN_SIM_WORDS) {
        while (*s && !((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') ||
                       ((*s | 32) >= 'a' && (*s | 32) <= 'z')))
            s++;
        if (!*s)
            break;
        uint64_t h = 1469598103934665603ull;
        while ((unsigned char)*s >= 0x80 || (*s >= '0' && *s <= '9') ||
               ((*s | 32) >= 'a' && (*s | 32) <= 'z')) {
            char c = *s >= 'A' && *s <= 'Z' ? (char)(*s | 32) : *s;
            h = (h ^ (unsigned char)c) * 1099511628211ull;
            s++;
        }
        w->h[w->n++] = h;
    }
    qsort(w->h, w->n, sizeof w->h[0], u64_cmp);
}

/* Whether two sentences share at least half their words (Dice). */
static bool similar(const words *a, const words *b)
{
    if (a->n == 0 || b->n == 0)
        return false;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) {
            common++;
            i++;
            j++;
        } else if (a->h[i] < b->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    return 2 * common >= (a->n + b->n) / 2 && 4 * common >= a->n + b->n;
}

/* ---------------------------------------------------------------- pairs */

typedef struct emitter {
    kg_diff_sentence_pair *pairs;
    size_t n;
} emitter;

static void emit(emitter *e, const sent *o, const sent *n, kg_diff_state st)
{
    kg_diff_sentence_pair *p = &e->pairs[e->n++];
    memset(p, 0, sizeof *p);
    p->state = st;
    p->old_sentence = p->new_sentence = -1;
    if (o) {
        p->old_doc = o->s.doc;
        p->old_sentence = (long)o->s.sentence;
        p->old_text = o->s.text;
        p->old_start = o->s.start;
        p->old_end = o->s.end;
    }
    if (n) {
        p->new_doc = n->s.doc;
        p->new_sentence = (long)n->s.sentence;
        p->new_text = n->s.text;
        p->new_start = n->s.start;
        p->new_end = n->s.end;
    }
}

/* The edited run o[0, no) against n[0, nn). */
static kg_status pair_run(emitter *e, const sent *o, size_t no, const sent *n, size_t nn)
{
    if (no == 0 || nn == 0 || no * nn > ALIGN_RUN_PAIRS) {
        size_t k = no < nn ? no : nn;
        for (size_t i = 0; i < k; i++)
            emit(e, &o[i], &n[i], KG_DIFF_CHANGED);
        for (size_t i = k; i < no; i++)
            emit(e, &o[i], NULL, KG_DIFF_REMOVED);
        for (size_t j = k; j < nn; j++)
            emit(e, NULL, &n[j], KG_DIFF_ADDED);
        return KG_OK;
    }
    words *wn = malloc(nn * sizeof *wn), wo;
    if (!wn)
        return KG_ERR_NOMEM;
    for (size_t j = 0; j < nn; j++)
        words_of(n[j].s.text, &wn[j]);
    size_t next = 0; /* first new sentence not yet emitted */
    for (size_t i = 0; i < no; i++) {
        words_of(o[i].s.text, &wo);
        size_t j = next;
        while (j < nn && !similar(&wo, &wn[j]))
            j++;
        /* one edited sentence each side between two kept ones is the same
         * sentence, however much of it changed */
        if (j == nn && no == 1 && nn == 1)
            j = 0;
        if (j == nn) {
            emit(e, &o[i], NULL, KG_DIFF_REMOVED);
            continue;
        }
        for (; next < j; next++)
            emit(e, NULL, &n[next], KG_DIFF_ADDED);
        emit(e, &o[i], &n[j], KG_DIFF_CHANGED);
        next = j + 1;
    }
    for (; next < nn; next++)
        emit(e, NULL, &n[next], KG_DIFF_ADDED);
    free(wn);
    return KG_OK;
}

/* One document's sentences against the other's. */
static kg_status align_docs(emitter *e, const sent *o, size_t no, const sent *n, size_t nn)
{
    size_t head = 0, tail = 0;
    while (head < no && head < nn && same_text(&o[head], &n[head]))
        head++;
    while (tail < no - head && tail < nn - head && same_text(&o[no - 1 - tail], &n[nn - 1 - tail]))
        tail++;
    for (size_t i = 0; i < head; i++)
        emit(e, &o[i], &n[i], KG_DIFF_UNCHANGED);
    const sent *mo = o + head, *mn = n + head;
    size_t a = no - head - tail, b = nn - head - tail;
    kg_status st = KG_OK;
    if (a && b && (a + 1) * (b + 1) <= ALIGN_DP_CELLS) {
        /* lcs[i][j]: the longest common subsequence of mo[i..] and mn[j..] */
        uint32_t *lcs = calloc((a + 1) * (b + 1), sizeof *lcs);
        if (!lcs)
            return KG_ERR_NOMEM;
#define L(i, j) lcs[(i) * (b + 1) + (j)]
        for (size_t i = a; i-- > 0;)
            for (size_t j = b; j-- > 0;)
                L(i, j) = same_text(&mo[i], &mn[j])    ? L(i + 1, j + 1) + 1
                          : L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j)
                                                       : L(i, j + 1);
        size_t i = 0, j = 0, ri = 0, rj = 0; /* the current edited run starts at ri, rj */
        while (i < a && j < b && st == KG_OK) {
            if (same_text(&mo[i], &mn[j]) && L(i, j) == L(i + 1, j + 1) + 1) {
                st = pair_run(e, mo + ri, i - ri, mn + rj, j - rj);
                emit(e, &mo[i], &mn[j], KG_DIFF_UNCHANGED);
                ri = ++i;
                rj = ++j;
            } else if (L(i + 1, j) >= L(i, j + 1)) {
                i++;
            } else {
                j++;
            }
        }
#undef L
        free(lcs);
        if (st == KG_OK)
            st = pair_run(e, mo + ri, a - ri, mn + rj, b - rj);
    } else if (a || b) {
        st = pair_run(e, mo, a, mn, b);
    }
    for (size_t k = 0; k < tail && st == KG_OK; k++)
        emit(e, &o[no - tail + k], &n[nn - tail + k], KG_DIFF_UNCHANGED);
    return st;
}

/* Where the sentences of one document start and end in a sorted list. */
static size_t doc_end(const sent *s, size_t n, size_t from)
{
    size_t k = from;
    while (k < n && strcmp(s[k].s.doc, s[from].s.doc) == 0)
        k++;
    return k;
}

static int ref_cmp(const void *pa, const void *pb)
{
    const kg_diff_sent_ref *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    return c ? c : (a->sentence > b->sentence) - (a->sentence < b->sentence);
}

static kg_status index_side(kg_arena *a, kg_diff_align *al, bool new_side)
{
    size_t n = 0;
    kg_diff_sent_ref *refs = kg_arena_alloc(a, (al->n + 1) * sizeof *refs);
    if (!refs)
        return KG_ERR_NOMEM;
    for (size_t i = 0; i < al->n; i++) {
        const kg_diff_sentence_pair *p = &al->pairs[i];
        long s = new_side ? p->new_sentence : p->old_sentence;
        if (s >= 0)
            refs[n++] = (kg_diff_sent_ref){new_side ? p->new_doc : p->old_doc, (size_t)s, i};
    }
    qsort(refs, n, sizeof *refs, ref_cmp);
    if (new_side) {
        al->new_refs = refs;
        al->n_new = n;
    } else {
        al->old_refs = refs;
        al->n_old = n;
    }
    return KG_OK;
}

kg_status kg_diff_align_build(kg_arena *a, const kg_diff_side *o, const kg_diff_side *n,
                              kg_diff_align *al)
{
    memset(al, 0, sizeof *al);
    sent *so, *sn;
    size_t no, nn;
    kg_status st = side_sentences(a, o, &so, &no);
    if (st == KG_OK)
        st = side_sentences(a, n, &sn, &nn);
    if (st != KG_OK)
        return st;
    emitter e = {kg_arena_alloc(a, (no + nn + 1) * sizeof *e.pairs), 0};
    if (!e.pairs)
        return KG_ERR_NOMEM;
    bool one_each = no && nn && doc_end(so, no, 0) == no && doc_end(sn, nn, 0) == nn;
    if (one_each) {
        st = align_docs(&e, so, no, sn, nn);
    } else {
        size_t i = 0, j = 0;
        while ((i < no || j < nn) && st == KG_OK) {
            int c = i >= no ? 1 : j >= nn ? -1 : strcmp(so[i].s.doc, sn[j].s.doc);
            size_t ie = c <= 0 ? doc_end(so, no, i) : i, je = c >= 0 ? doc_end(sn, nn, j) : j;
            st = align_docs(&e, so + i, ie - i, sn + j, je - j);
            i = ie;
            j = je;
        }
    }
    al->pairs = e.pairs;
    al->n = e.n;
    if (st == KG_OK)
        st = index_side(a, al, false);
    if (st == KG_OK)
        st = index_side(a, al, true);
    return st;
}

long kg_diff_align_find(const kg_diff_align *al, bool new_side, const char *doc, size_t sentence)
{
    const kg_diff_sent_ref *refs = new_side ? al->new_refs : al->old_refs;
    size_t n = new_side ? al->n_new : al->n_old;
    kg_diff_sent_ref key = {doc, sentence, 0};
    const kg_diff_sent_ref *r = refs ? bsearch(&key, refs, n, sizeof *refs, ref_cmp) : NULL;
    return r ? (long)r->pair : -1;
}
