/* triples.c - clauses read off a link-grammar linkage, as triples.
 *
 * Link-grammar links are typed word pairs; the types used here (see
 * link-grammar's English documentation) are: S subject-verb (SI inverted, RS
 * relative pronoun), PP/I/Pv/Pg the verb chain (have+participle,
 * modal/do/to+infinitive, be+passive, be+progressive), Pa be+adjective, TO/IV
 * control verbs, MVi purpose infinitives, N "not", O objects, MV verb
 * modifiers (MVp prepositions, MVa adverbs, MVs subordinate clauses), J
 * preposition objects, K particles, SJ/VJ coordination, MX appositions and
 * comma-attached participles, M noun modifiers, B/R relative clauses, TH/CV/Ce
 * clausal complements, CP inverted reporting clauses ("..., he said"), CO
 * openers, and the noun-phrase internals D/A/AN/G/GN/YS.
 *
 * A clause is a subject and a verb chain, walked from the subject's verb
 * through auxiliaries, control verbs ("vowed to eliminate"), "be able to" and
 * purpose infinitives, forking at coordinated verbs.  Its arguments are the
 * objects, prepositional phrases, adverbials, complements and openers of the
 * chain's verbs.  The second argument is a direct object if there is one, else
 * the first phrase after the verb (its preposition joins the relation: "taught
 * at"), else a complement, adjective or adverbial; the others follow it in the
 * object text, in text order, as Open IE benchmarks fold n-ary arguments.
 * Argument phrases are the subtrees of their head words read along the
 * dependency-like links, relative clauses and appositions included; a name's
 * collapsed words are added back.  t->surface is the relation as written,
 * with auxiliaries, negation and adverbs inside the verb group; t->relation is
 * the lemma chain the graph uses as a label, with negation and modality as
 * flags.
 *
 * Reported speech: the clauses inside the complement of a verb of saying
 * ("X said that ...", "..., X said") are marked attributed, with the speaker
 * phrase in attributed_to; the speech clause itself gives (X, said, what was
 * said). */
#include "triples.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lemma.h"
#include "pieces.h"
#include "shallow.h"

#define MAX_ARGS 24
#define MAX_CHAIN 16
#define MAX_CLAUSE_ARGS 12
#define NONE SIZE_MAX

/* Confidences.  A consumer ranking by confidence (CaRB's precision-recall
 * curve, a graph threshold) should meet whole clauses first and the smaller
 * triples made for the graph last.  The values are coarse and were set by
 * looking at the precision of each kind of triple on CaRB's dev split. */
static const double CONF_CLAUSE = 0.9;     /* a clause with a subject of its own */
static const double CONF_RELATIVE = 0.8;   /* a relative clause: the antecedent is a guess */
static const double CONF_BORROWED = 0.6;   /* a participle or infinitive borrowing a subject */
static const double CONF_PART = 0.4;       /* factor: one phrase of a clause on its own */
static const double CONF_PART_NOUN = 0.5;  /* factor: verb + object noun + preposition */
static const double CONF_ACTIVE = 0.6;     /* factor: the active reading of a passive */
static const double CONF_APPOSITION = 0.8; /* "X, a Y": X be Y */
static const double CONF_ROLE = 0.6;       /* factor: "X, a spokesperson for Y" as a role */
static const double CONF_TITLE = 0.55;     /* "producer Leo Graham" */
static const double CONF_HAVE = 0.3;       /* "Britain's relationship": rarely what was meant */
static const double CONF_NOMINAL = 0.4;    /* "his visit to Israel" */

typedef struct word_list {
    size_t w[MAX_ARGS];
    size_t n;
} word_list;

typedef struct span {
    size_t lo, hi; /* token indices, inclusive; lo > hi when empty */
} span;

typedef struct tctx {
    kg_arena *a;
    const kg_parser *p;
    const kg_sentence_view *s;
    const kg_linkage *lk;
    kg_vec *out;
    kg_error *err;
    size_t *adj_start; /* CSR adjacency: links of word w are adj[adj_start[w] .. adj_start[w+1]) */
    size_t *adj;
    bool *in_chain;       /* per word: part of a clause's verb chain already read */
    word_list *subj_of;   /* per verb: the subjects of the clause it belongs to */
    const char **speaker; /* per word: inside reported speech of this speaker */
    span *quoted;         /* per verb of saying: what it reports ("..., X said") */
    unsigned *mark;       /* traversal scratch: mark[w] == gen means visited */
    unsigned gen;
    size_t *stack;
    double quality;    /* how much the linkage is trusted (null links lower it) */
    bool full_phrases; /* phrases take in their relative clauses and appositions */
} tctx;

/* ------------------------------------------------------------ link helpers */

/* The link type without its subscripts: "Ss*s" is an "S", "MVp" an "MV". */
static bool major_is(const char *label, const char *major)
{
    size_t n = strlen(major);
    if (strncmp(label, major, n) != 0)
        return false;
    return !isupper((unsigned char)label[n]);
}

static bool in_set(const char *label, const char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (major_is(label, set[i]))
            return true;
    return false;
}

static const kg_lg_link *link_at(const tctx *c, size_t k)
{
    return &c->lk->links[c->adj[k]];
}

static size_t other_end(const kg_lg_link *l, size_t w)
{
    return l->left == w ? l->right : l->left;
}

/* The first word linked to w on the given side by a link of this major type. */
static long linked(const tctx *c, size_t w, const char *major, bool right)
{
    for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        size_t other = other_end(l, w);
        if ((other > w) == right && major_is(l->label, major))
            return (long)other;
    }
    return -1;
}

static const kg_lg_word *W(const tctx *c, size_t w)
{
    return &c->lk->words[w];
}

static bool is_wall(const tctx *c, size_t w)
{
    return W(c, w)->token < 0;
}

static bool base_is(const tctx *c, size_t w, const char *s)
{
    return strcasecmp(W(c, w)->base, s) == 0;
}

static bool is_conjunction_word(const tctx *c, size_t w);

static bool is_verb(const tctx *c, size_t w)
{
    const char *sub = W(c, w)->sub;
    /* "and.v-fill" is a coordination, not a verb */
    return (sub[0] == 'v' || sub[0] == 'w' || sub[0] == 'q' || sub[0] == 'g') &&
           !is_conjunction_word(c, w);
}

static bool is_conjunction_word(const tctx *c, size_t w)
{
    static const char *const conj[] = {"and", "or", "but", "nor", ",", NULL};
    for (size_t i = 0; conj[i]; i++)
        if (!strcasecmp(W(c, w)->base, conj[i]))
            return true;
    return false;
}

static bool is_conj(const tctx *c, size_t w)
{
    return W(c, w)->sub[0] == 'j' || (W(c, w)->sub[0] == 'v' && is_conjunction_word(c, w));
}

static bool is_preposition_word(const char *w)
{
    static const char *const p[] = {
        "for",     "of",      "in",    "on",     "at",    "to",     "with",    "by",     "from",
        "about",   "into",    "over",  "under",  "after", "before", "through", "during", "without",
        "against", "between", "among", "within", "upon",  "toward", "towards", "across", "behind",
        "beyond",  "near",    "since", "until",  "like",  NULL};
    for (size_t i = 0; p[i]; i++)
        if (!strcasecmp(w, p[i]))
            return true;
    return false;
}

static long token_entity(const tctx *c, size_t w)
{
    long t = W(c, w)->token;
    if (t < 0 || (size_t)t >= c->s->n_tokens)
        return -1;
    return c->s->token_entity[t];
}

/* Nouns by link-grammar subscript (n noun, s singular, p plural, l location,
 * b/m/f given names, o organization), or unknown capitalized words. */
static bool is_noun(const tctx *c, size_t w)
{
    const char *sub = W(c, w)->sub;
    if (sub[0] == 'p') /* plural nouns, but also prepositions ("for.p") */
        return !is_preposition_word(W(c, w)->base);
    if (sub[0])
        return strchr("nslbmfou", sub[0]) != NULL;
    return token_entity(c, w) >= 0 || isupper((unsigned char)W(c, w)->base[0]);
}

static bool is_relative(const tctx *c, size_t w)
{
    return base_is(c, w, "who") || base_is(c, w, "which") || base_is(c, w, "that") ||
           base_is(c, w, "whom");
}

static bool is_modal_word(const char *w)
{
    static const char *const m[] = {"will", "would",  "can",   "could", "may", "might",
                                    "must", "should", "shall", "wo",    "ca",  NULL};
    for (size_t i = 0; m[i]; i++)
        if (strcasecmp(w, m[i]) == 0)
            return true;
    return false;
}

static bool is_negator(const tctx *c, size_t w)
{
    return base_is(c, w, "not") || base_is(c, w, "n't") || base_is(c, w, "never");
}

static const char *lower(kg_arena *a, const char *s)
{
    char *d = kg_arena_strdup(a, s);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d;
}

static const char *lemma(const tctx *c, size_t w)
{
    return kg_lemma_verb(c->a, c->p, W(c, w)->base);
}

static bool lemma_is(const tctx *c, size_t w, const char *l)
{
    return strcmp(lemma(c, w), l) == 0;
}

/* ------------------------------------------------------------ word lists */

static void list_add(word_list *l, size_t w)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->w[i] == w)
            return;
    if (l->n < MAX_ARGS)
        l->w[l->n++] = w;
}

static bool is_conj_link(const char *label)
{
    static const char *const conj[] = {"SJ", "VJ", "AJ", "RJ", "MJ", "IJ", NULL};
    return in_set(label, conj);
}

/* The conjuncts of a coordination word ("Germany and France"), else w. */
static void expand_conj(const tctx *c, size_t w, word_list *out, int depth)
{
    if (!is_conj(c, w) || depth > 8) {
        list_add(out, w);
        return;
    }
    size_t before = out->n;
    for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        if (is_conj_link(l->label))
            expand_conj(c, other_end(l, w), out, depth + 1);
    }
    if (out->n == before)
        list_add(out, w);
}

/* What a word stands for: itself, or for "who"/"which" the noun it follows,
 * for a possessive "'s" its possessor. */
static size_t antecedent(const tctx *c, size_t w)
{
    if (base_is(c, w, "'s") || base_is(c, w, "'")) {
        long p = linked(c, w, "YS", false);
        if (p < 0)
            p = linked(c, w, "YP", false);
        return p >= 0 ? (size_t)p : w;
    }
    if (!is_relative(c, w))
        return w;
    static const char *const majors[] = {"R", "B", "MX", "M", NULL};
    for (size_t i = 0; majors[i]; i++) {
        long p = linked(c, w, majors[i], false);
        if (p >= 0)
            return (size_t)p;
    }
    /* "X, who ..." parsed as a new clause: the nearest entity on the left */
    for (size_t v = w; v-- > 1;)
        if (token_entity(c, v) >= 0)
            return v;
    return w;
}

/* The entity an argument word names, directly or - with *weak set - through
 * a possessor or a nationality modifier ("Israel's actions", "a Palestinian
 * state"). */
static long arg_entity(const tctx *c, size_t w, bool *weak)
{
    *weak = false;
    long e = token_entity(c, w);
    if (e >= 0)
        return e;
    for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        if (l->right != w)
            continue;
        size_t m = l->left;
        if (major_is(l->label, "D") && (base_is(c, m, "'s") || base_is(c, m, "'"))) {
            e = token_entity(c, antecedent(c, m));
        } else if (major_is(l->label, "A") || major_is(l->label, "AN") ||
                   major_is(l->label, "GN") || major_is(l->label, "G") || major_is(l->label, "D")) {
            e = token_entity(c, m);
        }
        if (e >= 0) {
            *weak = true;
            return e;
        }
    }
    return -1;
}

/* ------------------------------------------------------------ phrases */

static const span no_span = {1, 0};

static bool span_empty(span s)
{
    return s.lo > s.hi;
}

static void span_add_token(span *s, long t)
{
    if (t < 0)
        return;
    if (span_empty(*s)) {
        s->lo = s->hi = (size_t)t;
    } else {
        if ((size_t)t < s->lo)
            s->lo = (size_t)t;
        if ((size_t)t > s->hi)
            s->hi = (size_t)t;
    }
}

static bool span_overlaps(span a, span b)
{
    return !span_empty(a) && !span_empty(b) && a.lo <= b.hi && b.lo <= a.hi;
}

static void next_gen(tctx *c)
{
    if (++c->gen == 0) {
        memset(c->mark, 0, c->lk->n_words * sizeof *c->mark);
        c->gen = 1;
    }
}

/* Whether the word at the other end of link l is a dependent of w inside a
 * phrase: determiners, adjectives, name parts and the like on the left;
 * modifiers, preposition objects and a participle's own arguments on the
 * right; the conjuncts of a coordination word on either side.  Relative
 * clauses (R, B), appositions (MX) and clause links are never crossed:
 * they give triples of their own. */
static bool phrase_dep(const tctx *c, size_t w, const kg_lg_link *l)
{
    static const char *const left_deps[] = {"D",  "DD", "DG", "DT", "DP", "A",  "AN",  "AL", "G",
                                            "GN", "YS", "YP", "L",  "NN", "ND", "NI",  "TA", "E",
                                            "EA", "EE", "EN", "EC", "H",  "PH", "ZZZ", "NJ", NULL};
    static const char *const right_deps[] = {"M", "J",  "NM", "NI",  "TY", "TM", "MV",
                                             "O", "IN", "ON", "JT",  "TO", "I",  "IV",
                                             "K", "Pv", "Pg", "ZZZ", "OF", NULL};
    /* with full_phrases: relative clauses, appositions, complements */
    static const char *const clause_deps[] = {"R",  "B",  "RS", "MX", "PP", "Pa", "Pg",
                                              "TH", "CV", "C",  "N",  "EB", "M",  NULL};
    size_t o = other_end(l, w);
    if (is_wall(c, o))
        return false;
    if (is_conj_link(l->label))
        return is_conj(c, w);
    if (o < w)
        return in_set(l->label, left_deps) ||
               (c->full_phrases && (major_is(l->label, "S") || major_is(l->label, "B")));
    if (c->full_phrases && in_set(l->label, clause_deps))
        return true;
    if (major_is(l->label, "M") && l->label[1] == 'r')
        return false; /* Mr: "whose" relatives */
    return in_set(l->label, right_deps);
}

/* The tokens of the phrase headed by word head; words in stop (may be NULL)
 * and their dependents are left out.  A name's hidden words (collapsed
 * before parsing) are added back through the token -> entity map. */
static span phrase_span(tctx *c, size_t head, const bool *stop)
{
    span sp = no_span;
    next_gen(c);
    size_t top = 0;
    c->stack[top++] = head;
    c->mark[head] = c->gen;
    while (top) {
        size_t w = c->stack[--top];
        span_add_token(&sp, W(c, w)->token);
        for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            size_t o = other_end(l, w);
            if (c->mark[o] == c->gen || (stop && stop[o]) || !phrase_dep(c, w, l))
                continue;
            c->mark[o] = c->gen;
            c->stack[top++] = o;
        }
    }
    if (span_empty(sp))
        return sp;
    const long *te = c->s->token_entity;
    while (sp.lo > 0 && te[sp.lo] >= 0 && te[sp.lo - 1] == te[sp.lo])
        sp.lo--;
    while (sp.hi + 1 < c->s->n_tokens && te[sp.hi] >= 0 && te[sp.hi + 1] == te[sp.hi])
        sp.hi++;
    return sp;
}

static bool is_quote(const char *s)
{
    return !strcmp(s, "\"") || !strcmp(s, "``") || !strcmp(s, "''") || !strcmp(s, "'") ||
           !strcmp(s, "`");
}

/* The text of a token span, without punctuation at its ends (quotes are
 * kept when the span holds both of a pair). */
static const char *span_text(const tctx *c, span sp)
{
    const kg_token *t = c->s->tokens;
    if (span_empty(sp))
        return NULL;
    size_t lo = sp.lo, hi = sp.hi;
    /* a relative pronoun whose clause is not part of the phrase ("the feud,
     * which") and punctuation */
    while (hi > lo &&
           ((t[hi].kind == KG_TOK_PUNCT && !(is_quote(t[hi].norm) && is_quote(t[lo].norm))) ||
            !strcasecmp(t[hi].norm, "which") || !strcasecmp(t[hi].norm, "who") ||
            !strcasecmp(t[hi].norm, "whom") || !strcasecmp(t[hi].norm, "where")))
        hi--;
    while (lo < hi && t[lo].kind == KG_TOK_PUNCT && !(is_quote(t[hi].norm) && is_quote(t[lo].norm)))
        lo++;
    if (lo == hi && t[lo].kind == KG_TOK_PUNCT)
        return NULL;
    return kg_arena_strndup(c->a, c->s->text + t[lo].start, t[hi].end - t[lo].start);
}

static kg_arg make_arg_stop(tctx *c, size_t w, const bool *stop, double *conf)
{
    kg_arg a = {NULL, -1};
    size_t aw = antecedent(c, w);
    bool weak = false;
    a.entity = arg_entity(c, aw, &weak);
    if (weak)
        *conf *= 0.9;
    a.text = span_text(c, phrase_span(c, aw, stop));
    if (!a.text)
        a.text = W(c, aw)->base;
    return a;
}

static kg_arg make_arg(tctx *c, size_t w, double *conf)
{
    return make_arg_stop(c, w, NULL, conf);
}

/* ------------------------------------------------------------ emitting */

static bool same_arg(const kg_arg *a, const kg_arg *b)
{
    if (!a->text || !b->text)
        return a->text == b->text;
    return strcmp(a->text, b->text) == 0 && a->entity == b->entity;
}

/* Appends a triple unless the sentence has it already; keeps the higher
 * confidence.  Returns the triple (NULL when out of memory). */
static kg_triple *push_triple(kg_vec *out, const kg_triple *t, size_t first)
{
    for (size_t i = first; i < out->len; i++) {
        kg_triple *o = kg_vec_at(out, i);
        if (o->sentence == t->sentence && strcmp(o->relation, t->relation) == 0 &&
            same_arg(&o->subject, &t->subject) && same_arg(&o->object, &t->object) &&
            o->negated == t->negated) {
            if (t->confidence > o->confidence)
                o->confidence = t->confidence;
            return o;
        }
    }
    return kg_vec_push(out, t);
}

typedef struct emit_info {
    const char *rel;     /* lemmatized */
    const char *surface; /* as written */
    bool neg, modal;
    const char *speaker; /* reported speech: the speaker phrase */
    kg_triple_source source;
} emit_info;

static size_t sentence_first(const tctx *c)
{
    /* triples of this sentence are at the end of out */
    size_t i = c->out->len;
    while (i > 0 && ((const kg_triple *)kg_vec_at(c->out, i - 1))->sentence == c->s->index)
        i--;
    return i;
}

static kg_status emit(tctx *c, kg_arg subj, const emit_info *e, kg_arg obj, double conf)
{
    if (!subj.text || !e->rel || !e->surface)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    kg_triple t = {0};
    t.subject = subj;
    t.object = obj;
    t.relation = e->rel;
    t.surface = e->surface;
    t.negated = e->neg;
    t.modal = e->modal;
    t.attributed = e->speaker != NULL;
    t.attributed_to = e->speaker;
    t.confidence = conf > 1 ? 1 : conf < 0 ? 0 : conf;
    t.sentence = c->s->index;
    t.source = e->source;
    if (!push_triple(c->out, &t, sentence_first(c)))
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    return KG_OK;
}

/* Entities listed after an object mention ("in Turkey, Greece, ... and the
 * West Bank") that the parse failed to coordinate. */
static void token_list_after(const tctx *c, long tok, long ent, long *more, size_t *n_more)
{
    const kg_token *t = c->s->tokens;
    const long *te = c->s->token_entity;
    size_t n = c->s->n_tokens;
    size_t i = (size_t)tok;
    *n_more = 0;
    while (i < n && te[i] == ent)
        i++;
    while (i < n && *n_more < MAX_ARGS) {
        size_t j = i;
        bool sep = false;
        while (j < n && (strcmp(t[j].norm, ",") == 0 || strcasecmp(t[j].norm, "and") == 0 ||
                         strcasecmp(t[j].norm, "or") == 0)) {
            sep = true;
            j++;
        }
        if (j < n && strcasecmp(t[j].norm, "the") == 0)
            j++;
        if (!sep || j >= n || te[j] < 0)
            return;
        long e = te[j];
        more[(*n_more)++] = e;
        i = j;
        while (i < n && te[i] == e)
            i++;
    }
}

/* Emits the triple again for each entity listed after the object word. */
static kg_status emit_list(tctx *c, kg_arg subj, const emit_info *e, size_t w, long ent,
                           double conf)
{
    long more[MAX_ARGS];
    size_t n_more = 0;
    if (W(c, w)->token < 0)
        return KG_OK;
    token_list_after(c, W(c, w)->token, ent, more, &n_more);
    for (size_t m = 0; m < n_more; m++) {
        kg_arg extra = {NULL, more[m]};
        for (size_t tk = 0; tk < c->s->n_tokens && !extra.text; tk++) {
            if (c->s->token_entity[tk] != more[m])
                continue;
            size_t te = tk;
            while (te + 1 < c->s->n_tokens && c->s->token_entity[te + 1] == more[m])
                te++;
            extra.text = span_text(c, (span){tk, te});
        }
        if (!extra.text)
            continue;
        kg_status st = emit(c, subj, e, extra, conf);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* ------------------------------------------------------------ verb chains */

/* Control verbs that deny their complement ("refuses to accept") or put it
 * in the future ("vows to eliminate"). */
static bool denies(const char *l)
{
    return !strcmp(l, "refuse") || !strcmp(l, "fail") || !strcmp(l, "decline") ||
           !strcmp(l, "reject");
}

static bool intends(const char *l)
{
    static const char *const v[] = {"plan", "intend",   "aim",     "seek",    "hope",    "want",
                                    "try",  "threaten", "vow",     "pledge",  "promise", "expect",
                                    "need", "wish",     "attempt", "propose", "prepare", NULL};
    for (size_t i = 0; v[i]; i++)
        if (!strcmp(l, v[i]))
            return true;
    return false;
}

/* Verbs that report what someone said or holds: their complement is
 * attributed to their subject. */
static bool is_speech_lemma(const char *l)
{
    static const char *const v[] = {
        "say",     "tell",      "state",    "add",     "claim",    "announce",    "warn",
        "insist",  "note",      "explain",  "argue",   "report",   "acknowledge", "stress",
        "declare", "reply",     "write",    "confirm", "deny",     "admit",       "allege",
        "assert",  "emphasize", "tweet",    "remark",  "comment",  "predict",     "suggest",
        "believe", "think",     "maintain", "contend", "indicate", "reveal",      NULL};
    for (size_t i = 0; v[i]; i++)
        if (!strcmp(l, v[i]))
            return true;
    return false;
}

static bool has_not(const tctx *c, size_t w)
{
    long n = linked(c, w, "N", true);
    if (n >= 0 && is_negator(c, (size_t)n))
        return true;
    /* "never", "not" as an E modifier on the left */
    long e = linked(c, w, "E", false);
    return e >= 0 && is_negator(c, (size_t)e);
}

typedef struct verb_chain {
    size_t words[MAX_CHAIN]; /* verbs, left to right */
    size_t n;
    size_t links[MAX_CHAIN]; /* "to" and coordination words passed on the way */
    size_t n_links;
    size_t main; /* the content verb */
    bool neg, modal, passive;
} verb_chain;

static void chain_link_word(verb_chain *ch, size_t w)
{
    if (ch->n_links < MAX_CHAIN)
        ch->links[ch->n_links++] = w;
}

/* The next verb of a chain after v, or -1; *to is set to the "to" of a
 * control verb ("vowed to eliminate"). */
/* Token distance from verb v to word w on its right.  A control "to" sits
 * next to its verb or after a short object ("vowed to", "urged Israel to");
 * a "to" far to the right belongs to a clause inside the object ("communicated
 * to X the need ... for civilians to evacuate"). */
static bool near_right(const tctx *c, size_t v, size_t w, long max)
{
    long tv = W(c, v)->token, tw = W(c, w)->token;
    return tv >= 0 && tw > tv && tw - tv <= max;
}

static long chain_next(const tctx *c, size_t v, long *to, long *adj, bool *passive)
{
    *to = *adj = -1;
    long t = linked(c, v, "TO", true);
    if (t >= 0 && !near_right(c, v, (size_t)t, 6))
        t = -1;
    if (t >= 0) {
        long v2 = linked(c, (size_t)t, "I", true);
        if (v2 >= 0) {
            *to = t;
            return v2;
        }
    }
    /* "were crushed" read as be + adjective */
    long a = linked(c, v, "Pa", true);
    if (a >= 0 && is_verb(c, (size_t)a)) {
        *passive = true;
        return a;
    }
    /* "are equipped to change": a purpose infinitive continues the relation */
    t = linked(c, v, "MVi", true);
    if (t >= 0 && base_is(c, (size_t)t, "to") && near_right(c, v, (size_t)t, 3)) {
        long v2 = linked(c, (size_t)t, "I", true);
        if (v2 >= 0) {
            *to = t;
            return v2;
        }
    }
    /* "was able to control", "is likely to win": the adjective and its
     * "to" belong to the relation */
    t = a >= 0 ? linked(c, (size_t)a, "TO", true) : -1;
    if (t >= 0) {
        long v2 = linked(c, (size_t)t, "I", true);
        if (v2 >= 0) {
            *to = t;
            *adj = a;
            return v2;
        }
    }
    static const char *const next[] = {"PP", "I", "Pv", "Pg", "IV", NULL};
    for (size_t i = 0; next[i]; i++) {
        long nx = linked(c, v, next[i], true);
        if (nx >= 0) {
            if (!strcmp(next[i], "Pv"))
                *passive = true;
            return nx;
        }
    }
    if (base_is(c, v, "being")) {
        /* "is being hosted": link-grammar often hangs the participle off
         * "being" with an M link */
        for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (l->left == v && major_is(l->label, "M") && is_verb(c, l->right)) {
                *passive = true;
                return (long)l->right;
            }
        }
    }
    /* "is being": an O link from "is" to the verb "being" */
    long o = linked(c, v, "O", true);
    if (o >= 0 && base_is(c, (size_t)o, "being") && is_verb(c, (size_t)o))
        return o;
    return -1;
}

/* ------------------------------------------------------------ clause arguments */

typedef enum arg_kind {
    ARG_OBJ,    /* direct object */
    ARG_PP,     /* prepositional phrase */
    ARG_COMP,   /* clausal complement ("that ...") */
    ARG_ADJ,    /* predicative adjective */
    ARG_OPENER, /* a sentence opener ("On 12 July 2006, ...") */
    ARG_ADV     /* a bare adverbial ("there", "last year") */
} arg_kind;

typedef struct clause_arg {
    arg_kind kind;
    size_t head; /* the noun, adjective or clause head */
    size_t prep; /* the preposition or "that", NONE if none */
    span sp;     /* the whole argument, preposition included */
} clause_arg;

typedef struct clause {
    verb_chain ch;
    clause_arg args[MAX_CLAUSE_ARGS];
    size_t n_args;
    const char *rel; /* lemma chain: "vow to eliminate", "be destroy" */
    bool speech;     /* a verb of saying with a complement */
} clause;

static void add_arg(clause *cl, arg_kind kind, size_t head, size_t prep, span sp)
{
    if (cl->n_args >= MAX_CLAUSE_ARGS || span_empty(sp))
        return;
    for (size_t i = 0; i < cl->n_args; i++)
        if (cl->args[i].head == head && cl->args[i].kind == kind)
            return;
    cl->args[cl->n_args++] = (clause_arg){kind, head, prep, sp};
}

/* The words reachable from start without crossing the walls or the words in
 * stop: the extent of a clausal complement. */
static span region_span(tctx *c, size_t start, const bool *stop, bool *in_region)
{
    span sp = no_span;
    next_gen(c);
    size_t top = 0;
    c->stack[top++] = start;
    c->mark[start] = c->gen;
    while (top) {
        size_t w = c->stack[--top];
        span_add_token(&sp, W(c, w)->token);
        if (in_region)
            in_region[w] = true;
        for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
            size_t o = other_end(link_at(c, k), w);
            if (c->mark[o] == c->gen || is_wall(c, o) || stop[o])
                continue;
            c->mark[o] = c->gen;
            c->stack[top++] = o;
        }
    }
    return sp;
}

/* The clausal complement of v: "said (that) Britain would ...", "told
 * reporters the plan had failed".  Returns the complement's first verb or -1
 * and sets *that to the complementizer. */
static long complement_of(const tctx *c, size_t v, long *that)
{
    *that = linked(c, v, "TH", true);
    size_t from = *that >= 0 ? (size_t)*that : v;
    long cv = linked(c, from, "CV", true);
    if (cv < 0 && *that < 0) {
        long ce = linked(c, v, "Ce", true);
        if (ce >= 0)
            cv = linked(c, (size_t)ce, "S", true);
    }
    return cv;
}

static kg_status collect_args_in(tctx *c, clause *cl, const word_list *subjects);

/* The arguments of a clause.  Their phrases take in relative clauses and
 * appositions: an argument is all that the clause says about it ("an
 * indication of the influence which could be wielded by X"), as Open IE
 * benchmarks annotate it; the relative clause gives its own triple too. */
static kg_status collect_args(tctx *c, clause *cl, const word_list *subjects)
{
    c->full_phrases = true;
    kg_status st = collect_args_in(c, cl, subjects);
    c->full_phrases = false;
    return st;
}

static kg_status collect_args_in(tctx *c, clause *cl, const word_list *subjects)
{
    const verb_chain *ch = &cl->ch;
    bool *stop = kg_arena_alloc(c->a, (c->lk->n_words + 1) * sizeof *stop);
    if (!stop)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    for (size_t i = 0; i < ch->n; i++)
        stop[ch->words[i]] = true;
    for (size_t i = 0; i < ch->n_links; i++)
        stop[ch->links[i]] = true;
    size_t heads[MAX_CHAIN * 2];
    size_t nh = 0;
    for (size_t i = 0; i < ch->n; i++)
        heads[nh++] = ch->words[i];
    for (size_t i = 0; i < ch->n_links; i++)
        if (is_conj(c, ch->links[i]))
            heads[nh++] = ch->links[i];
    for (size_t i = 0; i < nh; i++) {
        size_t v = heads[i];
        bool is_main = v == ch->main || is_conj(c, v);
        for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (l->left != v)
                continue;
            size_t o = l->right;
            /* in_chain also holds "according to", which is no argument */
            if (stop[o] || c->in_chain[o])
                continue;
            if (major_is(l->label, "O") || major_is(l->label, "OD") || major_is(l->label, "OT")) {
                if (base_is(c, o, "being") && is_verb(c, o))
                    continue;
                /* an object of an earlier control verb ("urged Israel to
                 * minimize") is part of the relation; see clause_surface */
                if (is_main || lemma_is(c, v, "be"))
                    add_arg(cl, ARG_OBJ, o, NONE, phrase_span(c, o, stop));
            } else if (major_is(l->label, "Pa") && is_main) {
                add_arg(cl, ARG_ADJ, o, NONE, phrase_span(c, o, stop));
            } else if (major_is(l->label, "MV") && l->label[2] == 'p') {
                long j = linked(c, o, "J", true);
                if (j >= 0)
                    add_arg(cl, ARG_PP, (size_t)j, o, phrase_span(c, o, stop));
                else /* "left him there", "last year" */
                    add_arg(cl, ARG_ADV, o, NONE, phrase_span(c, o, stop));
            } else if (major_is(l->label, "MV") && (l->label[2] == 's' || l->label[2] == 'a')) {
                /* "until he switched to Merck", "closed just after noon" */
                add_arg(cl, ARG_ADV, o, NONE, phrase_span(c, o, stop));
            }
        }
    }
    /* an object relative: "a loophole that businesses are exploiting",
     * "a match, which Keibler lost" */
    for (size_t i = 0; i < nh; i++) {
        long b = linked(c, heads[i], "B", false);
        if (b < 0)
            continue;
        size_t ante = antecedent(c, (size_t)b);
        bool is_subject = false;
        for (size_t s = 0; s < subjects->n; s++)
            is_subject |= antecedent(c, subjects->w[s]) == ante || subjects->w[s] == (size_t)b;
        if (!is_subject && ante != (size_t)b)
            add_arg(cl, ARG_OBJ, ante, NONE, phrase_span(c, ante, stop));
    }
    /* a clausal complement */
    long that;
    long cv = complement_of(c, ch->main, &that);
    if (cv >= 0 && !stop[cv]) {
        bool *cstop = kg_arena_alloc(c->a, (c->lk->n_words + 1) * sizeof *cstop);
        if (!cstop)
            return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
        memcpy(cstop, stop, (c->lk->n_words + 1) * sizeof *cstop);
        for (size_t s = 0; s < subjects->n; s++)
            cstop[subjects->w[s]] = true;
        if (that >= 0)
            cstop[that] = true;
        span sp = region_span(c, (size_t)cv, cstop, NULL);
        if (that >= 0)
            span_add_token(&sp, W(c, (size_t)that)->token);
        add_arg(cl, ARG_COMP, (size_t)cv, that >= 0 ? (size_t)that : NONE, sp);
    } else if (!span_empty(c->quoted[ch->main])) {
        add_arg(cl, ARG_COMP, ch->main, NONE, c->quoted[ch->main]);
    }
    /* openers ("On 12 July 2006, Hezbollah launched ...") hang off the
     * subject */
    for (size_t s = 0; s < subjects->n; s++) {
        size_t sw = subjects->w[s];
        for (size_t k = c->adj_start[sw]; k < c->adj_start[sw + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (l->right != sw || !major_is(l->label, "CO"))
                continue;
            size_t op = l->left;
            if (is_verb(c, op) || c->in_chain[op] || base_is(c, op, "however") ||
                base_is(c, op, "but"))
                continue;
            span sp = phrase_span(c, op, NULL);
            if (linked(c, op, "J", true) >= 0 || (sp.hi > sp.lo))
                add_arg(cl, ARG_OPENER, op, NONE, sp);
        }
    }
    return KG_OK;
}

/* ------------------------------------------------------------ clause triples */

typedef struct text_buf {
    char s[512];
    size_t n;
} text_buf;

static void buf_add(text_buf *b, const char *w)
{
    if (!w || !*w)
        return;
    int k = snprintf(b->s + b->n, sizeof b->s - b->n, "%s%s", b->n ? " " : "", w);
    if (k > 0 && b->n + (size_t)k < sizeof b->s)
        b->n += (size_t)k;
}

static void buf_add_tokens(const tctx *c, text_buf *b, span sp)
{
    for (size_t t = sp.lo; !span_empty(sp) && t <= sp.hi; t++) {
        const kg_token *tk = &c->s->tokens[t];
        char w[128];
        size_t n = tk->end - tk->start < sizeof w - 1 ? tk->end - tk->start : sizeof w - 1;
        memcpy(w, c->s->text + tk->start, n);
        w[n] = '\0';
        buf_add(b, w);
    }
}

/* The relation words of a chain: content verbs lemmatized and joined by
 * "to" ("vow to eliminate"); auxiliaries dropped; a particle kept. */
static const char *chain_lemma(tctx *c, verb_chain *ch)
{
    text_buf rel = {.n = 0};
    bool after_aux = true;
    for (size_t i = 0; i < ch->n; i++) {
        size_t w = ch->words[i];
        const char *base = W(c, w)->base;
        const char *lm = lemma(c, w);
        bool aux = i + 1 < ch->n && (is_modal_word(base) || !strcmp(lm, "do") ||
                                     !strcmp(lm, "be") || !strcmp(lm, "have"));
        if (aux)
            continue;
        if (i + 1 < ch->n) {
            if (denies(lm))
                ch->neg = true;
            if (intends(lm))
                ch->modal = true;
        }
        if (rel.n && !after_aux)
            buf_add(&rel, "to");
        buf_add(&rel, lm);
        after_aux = false;
    }
    if (!rel.n)
        buf_add(&rel, lemma(c, ch->main));
    long k = linked(c, ch->main, "K", true);
    if (k >= 0)
        buf_add(&rel, lower(c->a, W(c, (size_t)k)->base));
    if (ch->passive && strncmp(rel.s, "be ", 3) != 0)
        return kg_arena_printf(c->a, "be %s", rel.s);
    return kg_arena_strdup(c->a, rel.s);
}

/* The relation as written: the chain's verbs, "to"s, negation and adverbs
 * inside the verb group, a particle, objects of control verbs ("urged Israel
 * to minimize"), then the preposition or complementizer of the second
 * argument. */
static const char *clause_surface(tctx *c, const clause *cl, size_t tail)
{
    const verb_chain *ch = &cl->ch;
    size_t n = c->s->n_tokens;
    bool *in = kg_arena_alloc(c->a, (n + 1) * sizeof *in);
    if (!in)
        return NULL;
    long first = -1, last = -1;
    for (size_t i = 0; i < ch->n; i++) {
        long t = W(c, ch->words[i])->token;
        if (t < 0)
            continue;
        in[t] = true;
        if (first < 0 || t < first)
            first = t;
        if (t > last)
            last = t;
    }
    for (size_t i = 0; i < ch->n_links; i++)
        if (!is_conj(c, ch->links[i]) && W(c, ch->links[i])->token >= 0)
            in[W(c, ch->links[i])->token] = true;
    for (size_t i = 0; i < ch->n; i++) {
        size_t v = ch->words[i];
        for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            size_t o = other_end(l, v);
            long t = W(c, o)->token;
            if (t < 0)
                continue;
            bool take = false;
            if ((major_is(l->label, "N") || major_is(l->label, "E") || major_is(l->label, "EB")) &&
                (is_negator(c, o) || (t > first && t < last) || t + 1 == first))
                take = true;
            else if (major_is(l->label, "K") && v == ch->main)
                take = true;
            else if (major_is(l->label, "O") && v != ch->main && l->left == v &&
                     !lemma_is(c, v, "be") && i + 1 < ch->n) {
                span sp = phrase_span(c, o, NULL);
                for (size_t u = sp.lo; !span_empty(sp) && u <= sp.hi; u++)
                    in[u] = true;
            }
            if (take)
                in[t] = true;
        }
    }
    text_buf b = {.n = 0};
    for (size_t t = 0; t < n; t++) {
        if (!in[t])
            continue;
        /* a Treebank clitic split in two ("she 'll" as ' + ll) is one word */
        size_t e = t;
        while (!strcmp(c->s->tokens[e].norm, "'") && e + 1 < n &&
               !c->s->tokens[e + 1].space_before && c->s->tokens[e + 1].kind == KG_TOK_WORD)
            e++;
        const kg_token *a = &c->s->tokens[t], *z = &c->s->tokens[e];
        buf_add(&b, kg_arena_strndup(c->a, c->s->text + a->start, z->end - a->start));
        t = e;
    }
    if (tail != NONE && W(c, tail)->token >= 0)
        buf_add_tokens(c, &b, (span){(size_t)W(c, tail)->token, (size_t)W(c, tail)->token});
    return kg_arena_strdup(c->a, b.s);
}

/* The object text: the second argument and the clause's other arguments,
 * in text order, each once. */
static const char *object_text(tctx *c, const clause *cl, size_t main_arg, const span *subj_sp)
{
    const clause_arg *m = &cl->args[main_arg];
    span used[MAX_CLAUSE_ARGS + 1];
    size_t nu = 0;
    span msp = m->sp;
    if (m->prep != NONE && W(c, m->prep)->token >= 0 && m->kind != ARG_COMP) {
        /* the preposition went into the relation */
        msp.lo = (size_t)W(c, m->prep)->token + 1;
    }
    if (m->kind == ARG_COMP && m->prep != NONE && W(c, m->prep)->token == (long)msp.lo)
        msp.lo++;
    used[nu++] = msp;
    size_t order[MAX_CLAUSE_ARGS];
    size_t no = 0;
    for (size_t i = 0; i < cl->n_args; i++) {
        if (i == main_arg)
            continue;
        span s = cl->args[i].sp;
        bool overlap = span_overlaps(s, *subj_sp) || span_overlaps(s, m->sp);
        for (size_t u = 0; u < nu && !overlap; u++)
            overlap = span_overlaps(s, used[u]);
        if (overlap)
            continue;
        used[nu++] = s;
        order[no++] = i;
    }
    /* text order */
    for (size_t i = 1; i < no; i++)
        for (size_t j = i; j > 0 && cl->args[order[j]].sp.lo < cl->args[order[j - 1]].sp.lo; j--) {
            size_t tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    text_buf b = {.n = 0};
    const char *mt = span_text(c, msp);
    buf_add(&b, mt);
    for (size_t i = 0; i < no; i++)
        buf_add(&b, span_text(c, cl->args[order[i]].sp));
    return b.n ? kg_arena_strdup(c->a, b.s) : NULL;
}

/* Which argument becomes the second one: a direct object, else the first
 * prepositional phrase after the verb, else a complement, an adjective, an
 * adverbial or an opener.  A clause without a second argument is useless to
 * Open IE benchmarks (a missing object fails the match) and to the graph. */
static long main_argument(const tctx *c, const clause *cl)
{
    static const arg_kind pref[] = {ARG_OBJ, ARG_PP, ARG_COMP, ARG_ADJ, ARG_ADV, ARG_OPENER};
    long verb_tok = W(c, cl->ch.main)->token;
    for (size_t p = 0; p < sizeof pref / sizeof pref[0]; p++) {
        long best = -1;
        for (size_t i = 0; i < cl->n_args; i++) {
            if (cl->args[i].kind != pref[p])
                continue;
            if (pref[p] == ARG_PP && (long)cl->args[i].sp.lo < verb_tok)
                continue;
            if (best < 0 || cl->args[i].sp.lo < cl->args[best].sp.lo)
                best = (long)i;
        }
        if (best >= 0)
            return best;
    }
    return -1;
}

/* For each preposition modifying the object noun: (subject, rel noun prep,
 * object) - "be supporter of | Israel", "make stops in | Chile". */
static kg_status noun_preps(tctx *c, kg_arg subj, const emit_info *base, size_t noun, double conf)
{
    for (size_t k = c->adj_start[noun]; k < c->adj_start[noun + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        if (l->left != noun || !major_is(l->label, "M") || is_verb(c, l->right))
            continue;
        size_t pr = l->right;
        long j = linked(c, pr, "J", true);
        if (j < 0)
            continue;
        emit_info e = *base;
        e.rel = kg_arena_printf(c->a, "%s %s %s", base->rel, lower(c->a, W(c, noun)->base),
                                lower(c->a, W(c, pr)->base));
        e.surface =
            kg_arena_printf(c->a, "%s %s %s", base->surface, W(c, noun)->base, W(c, pr)->base);
        word_list ow = {.n = 0};
        expand_conj(c, (size_t)j, &ow, 0);
        for (size_t m = 0; m < ow.n; m++) {
            double nc = conf;
            kg_arg nob = make_arg(c, ow.w[m], &nc);
            kg_status st = emit(c, subj, &e, nob, nc);
            if (st == KG_OK && nob.entity >= 0)
                st = emit_list(c, subj, &e, ow.w[m], nob.entity, nc);
            if (st != KG_OK)
                return st;
        }
    }
    return KG_OK;
}

static bool is_pronoun_word(const tctx *c, size_t w)
{
    static const char *const p[] = {"he",   "she",  "it",    "they",  "we",    "i",   "you",
                                    "this", "that", "these", "those", "which", "who", NULL};
    for (size_t i = 0; p[i]; i++)
        if (base_is(c, w, p[i]))
            return true;
    return false;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (const char *p = s; p && *p; p++)
        n += *p != ' ' && (p == s || p[-1] == ' ');
    return n;
}

/* Confidence of a clause triple from what it is built of.  On CaRB's dev
 * split (measured, not fitted): a triple without a second argument is almost
 * never right, subjects of ten words and more are mostly misparses, and the
 * parse is less often right the longer the sentence (c->quality). */
static double clause_confidence(const tctx *c, double base, size_t subj_word, const char *subj,
                                const char *obj, bool has_main)
{
    double conf = base * c->quality;
    /* Open IE benchmarks and the graph both want two arguments: a clause
     * without any is kept for completeness, ranked last */
    if (!has_main)
        conf *= 0.1;
    if (count_words(obj) > 15)
        conf *= 0.9;
    if (count_words(subj) > 9)
        conf *= 0.8;
    if (is_pronoun_word(c, subj_word))
        conf *= 0.95;
    return conf;
}

static kg_status emit_clause(tctx *c, const word_list *subjects, clause *cl, double base)
{
    verb_chain *ch = &cl->ch;
    cl->rel = chain_lemma(c, ch);
    kg_status st = collect_args(c, cl, subjects);
    if (st != KG_OK)
        return st;
    long ma = main_argument(c, cl);
    const clause_arg *m = ma >= 0 ? &cl->args[ma] : NULL;
    const char *speaker = c->speaker[ch->words[0]];
    bool *chain_stop = kg_arena_alloc(c->a, (c->lk->n_words + 1) * sizeof *chain_stop);
    if (!chain_stop)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    for (size_t i = 0; i < ch->n; i++)
        chain_stop[ch->words[i]] = true;

    emit_info e = {.neg = ch->neg, .modal = ch->modal, .speaker = speaker, .source = KG_SRC_PARSE};
    size_t tail = m && m->prep != NONE ? m->prep : NONE;
    e.surface = clause_surface(c, cl, tail);
    if (m && m->kind == ARG_PP)
        e.rel = kg_arena_printf(c->a, "%s %s", cl->rel, lower(c->a, W(c, m->prep)->base));
    else
        e.rel = cl->rel;

    /* a passive's "by" phrase is its agent */
    long agent = -1;
    if (ch->passive)
        for (size_t i = 0; i < cl->n_args; i++)
            if (cl->args[i].kind == ARG_PP && base_is(c, cl->args[i].prep, "by"))
                agent = (long)i;

    for (size_t si = 0; si < subjects->n; si++) {
        word_list sw = {.n = 0};
        expand_conj(c, subjects->w[si], &sw, 0);
        for (size_t s = 0; s < sw.n; s++) {
            double conf = 1;
            c->full_phrases = true;
            kg_arg subj = make_arg_stop(c, sw.w[s], chain_stop, &conf);
            span ssp = phrase_span(c, antecedent(c, sw.w[s]), chain_stop);
            c->full_phrases = false;
            kg_arg obj = {NULL, -1};
            if (m) {
                obj.text = object_text(c, cl, (size_t)ma, &ssp);
                bool weak = false;
                if (m->kind == ARG_OBJ || m->kind == ARG_PP)
                    obj.entity = arg_entity(c, antecedent(c, m->head), &weak);
            }
            double cc = clause_confidence(c, base, sw.w[s], subj.text, obj.text, m != NULL) * conf;
            /* a one-word relation ("is", "said") says less than "was killed in" */
            if (count_words(e.surface) == 1)
                cc *= 0.95;
            st = emit(c, subj, &e, obj, cc);
            if (st != KG_OK)
                return st;

            /* smaller triples for the graph */
            emit_info pe = e;
            for (size_t i = 0; i < cl->n_args; i++) {
                const clause_arg *a = &cl->args[i];
                if (a->kind != ARG_PP && a->kind != ARG_OBJ)
                    continue;
                if (a->kind == ARG_PP && (long)i == agent)
                    continue;
                word_list ow = {.n = 0};
                expand_conj(c, a->head, &ow, 0);
                if (a->kind == ARG_PP) {
                    pe.rel =
                        kg_arena_printf(c->a, "%s %s", cl->rel, lower(c->a, W(c, a->prep)->base));
                    pe.surface = clause_surface(c, cl, a->prep);
                } else {
                    pe.rel = cl->rel;
                    pe.surface = clause_surface(c, cl, NONE);
                }
                for (size_t k = 0; k < ow.n; k++) {
                    double oc = cc * CONF_PART;
                    kg_arg ob = make_arg(c, ow.w[k], &oc);
                    if ((long)i != ma || ow.n > 1) {
                        st = emit(c, subj, &pe, ob, oc);
                        if (st != KG_OK)
                            return st;
                    }
                    if (ob.entity >= 0)
                        st = emit_list(c, subj, &pe, ow.w[k], ob.entity, oc);
                    if (st == KG_OK && a->kind == ARG_OBJ && ob.entity < 0)
                        st = noun_preps(c, subj, &pe, ow.w[k], cc * CONF_PART_NOUN);
                    if (st != KG_OK)
                        return st;
                }
            }
            /* the object of an earlier control verb is the verb's own
             * relation for the graph: "Biden urged Netanyahu to allow aid"
             * gives (Biden, urge, Netanyahu) beside (Biden, urge Netanyahu
             * to allow, aid); entities only, as for the parts above */
            for (size_t i = 0; i + 1 < ch->n; i++) {
                size_t v = ch->words[i];
                long o = linked(c, v, "O", true);
                long vt = W(c, v)->token;
                if (v == ch->main || o < 0 || vt < 0 || lemma_is(c, v, "be"))
                    continue;
                emit_info ve = e;
                ve.rel = lemma(c, v);
                /* "urged" itself happened; what it urged may not */
                ve.neg = e.neg && !denies(ve.rel);
                ve.modal = e.modal && !intends(ve.rel);
                const kg_token *tk = &c->s->tokens[vt];
                ve.surface = kg_arena_strndup(c->a, c->s->text + tk->start, tk->end - tk->start);
                word_list ow = {.n = 0};
                expand_conj(c, (size_t)o, &ow, 0);
                for (size_t k = 0; k < ow.n && ve.surface; k++) {
                    double oc = cc * CONF_PART;
                    kg_arg ob = make_arg(c, ow.w[k], &oc);
                    if (ob.entity < 0)
                        continue;
                    st = emit(c, subj, &ve, ob, oc);
                    if (st != KG_OK)
                        return st;
                }
            }
            if (agent >= 0) {
                word_list aw = {.n = 0};
                expand_conj(c, cl->args[agent].head, &aw, 0);
                emit_info ae = e;
                ae.rel = cl->rel + (strncmp(cl->rel, "be ", 3) == 0 ? 3 : 0);
                ae.surface = clause_surface(c, cl, NONE);
                for (size_t k = 0; k < aw.n; k++) {
                    double ac = cc * CONF_ACTIVE;
                    kg_arg ag = make_arg(c, aw.w[k], &ac);
                    st = emit(c, ag, &ae, subj, ac);
                    if (st != KG_OK)
                        return st;
                }
            }
        }
    }
    return KG_OK;
}

/* Walks the verb chain from v, forking at coordinated verbs ("aims to
 * address X and explore Y"), and emits each complete chain. */
static kg_status walk_clause(tctx *c, size_t v, verb_chain ch, const word_list *subj, double base,
                             int depth)
{
    for (int guard = 0; guard < MAX_CHAIN; guard++) {
        if (is_conj(c, v)) {
            chain_link_word(&ch, v);
            c->in_chain[v] = true;
            word_list conj = {.n = 0};
            expand_conj(c, v, &conj, 0);
            for (size_t k = 0; k < conj.n && depth < 4; k++) {
                if (conj.w[k] == v)
                    continue;
                kg_status st = walk_clause(c, conj.w[k], ch, subj, base, depth + 1);
                if (st != KG_OK)
                    return st;
            }
            return KG_OK;
        }
        if (ch.n >= MAX_CHAIN)
            break;
        ch.words[ch.n++] = v;
        c->in_chain[v] = true;
        c->subj_of[v] = *subj;
        if (is_modal_word(W(c, v)->base))
            ch.modal = true;
        if (has_not(c, v))
            ch.neg = true;
        long to, adj;
        long nx = chain_next(c, v, &to, &adj, &ch.passive);
        if (adj >= 0)
            chain_link_word(&ch, (size_t)adj);
        if (to >= 0)
            chain_link_word(&ch, (size_t)to);
        if (nx < 0 || c->in_chain[nx])
            break;
        v = (size_t)nx;
    }
    if (ch.n == 0)
        return KG_OK;
    ch.main = ch.words[ch.n - 1];
    clause cl;
    memset(&cl, 0, sizeof cl);
    cl.ch = ch;
    return emit_clause(c, subj, &cl, base);
}

static kg_status start_clause(tctx *c, size_t v, const word_list *subj, double base)
{
    verb_chain ch;
    memset(&ch, 0, sizeof ch);
    return walk_clause(c, v, ch, subj, base, 0);
}

/* ------------------------------------------------------------ subjects */

/* The clause whose subject a subjectless verb borrows: "..., vowing to
 * eliminate Hamas" takes the subject of "issued"; "cables sent to X" has
 * "cables" as its subject. */
static bool borrowed_subject(tctx *c, size_t v, word_list *out)
{
    size_t w = v;
    for (int depth = 0; depth < 5; depth++) {
        long up = -1;
        bool noun_subject = false;
        for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1] && up < 0; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (l->right != w || is_wall(c, l->left))
                continue;
            if (major_is(l->label, "MV") || major_is(l->label, "MX") || major_is(l->label, "Xd") ||
                major_is(l->label, "I") || major_is(l->label, "VJ") || major_is(l->label, "TO") ||
                (major_is(l->label, "O") && is_verb(c, l->left))) {
                up = (long)l->left;
            } else if (major_is(l->label, "M") && depth == 0) {
                up = (long)l->left;
                /* "cables sent to X" is a reduced relative, but after a
                 * comma ("a statement, vowing to ...") the participle
                 * belongs to the clause's subject */
                long tok = W(c, w)->token;
                bool comma = tok > 0 && !strcmp(c->s->tokens[tok - 1].norm, ",");
                noun_subject = is_noun(c, l->left) && !comma;
            } else if (major_is(l->label, "J") || major_is(l->label, "A") ||
                       major_is(l->label, "AN") || major_is(l->label, "D")) {
                /* a gerund as a preposition's object or as a modifier
                 * ("for forcing X", "funding priorities") is no clause */
                return false;
            }
        }
        if (up < 0)
            return false;
        if (noun_subject) {
            out->n = 0;
            list_add(out, (size_t)up);
            return true;
        }
        if (c->subj_of[up].n) {
            *out = c->subj_of[up];
            return true;
        }
        w = (size_t)up;
    }
    return false;
}

/* A subject that no clause has: a bare conjunction, preposition or
 * article.  Link-grammar offers such parses when it reads a noun as a verb;
 * the clause is then wrong as a whole. */
static bool implausible_subject(const tctx *c, size_t w)
{
    if (W(c, w)->token < 0)
        return true;
    if (is_conj(c, w))
        return false;
    return is_conjunction_word(c, w) || is_preposition_word(W(c, w)->base) ||
           base_is(c, w, "the") || base_is(c, w, "a") || base_is(c, w, "an");
}

static bool is_subject_link(const char *label)
{
    return (major_is(label, "S") || major_is(label, "SI") || major_is(label, "SX") ||
            major_is(label, "SFI") || major_is(label, "SF") || major_is(label, "RS") ||
            major_is(label, "SXI")) &&
           !major_is(label, "SJ");
}

/* ------------------------------------------------------------ reported speech */

/* The subject word of the clause that verb v belongs to. */
static long clause_subject(const tctx *c, size_t v)
{
    static const char *const back[] = {"PP", "I", "Pv", "Pg", "IV", NULL};
    size_t w = v;
    for (int guard = 0; guard < MAX_CHAIN; guard++) {
        for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (!is_subject_link(l->label))
                continue;
            bool inverted =
                major_is(l->label, "SI") || major_is(l->label, "SFI") || major_is(l->label, "SXI");
            if (inverted && l->left == w)
                return (long)l->right;
            if (!inverted && l->right == w)
                return (long)antecedent(c, l->left);
        }
        long prev = -1;
        for (size_t i = 0; back[i] && prev < 0; i++)
            prev = linked(c, w, back[i], false);
        if (prev < 0) {
            long to = linked(c, w, "I", false);
            if (to >= 0)
                prev = linked(c, (size_t)to, "TO", false);
        }
        if (prev < 0)
            return -1;
        w = (size_t)prev;
    }
    return -1;
}

/* "..., according to the World Bank": the rest of the sentence is
 * attributed to the bank, and "according" is no clause of its own. */
static void according_to(tctx *c, size_t v)
{
    /* link-grammar reads "according to" as one idiom: the "to" carries
     * the links */
    size_t to = v + 1;
    long j = to + 1 < c->lk->n_words && base_is(c, to, "to") ? linked(c, to, "J", true) : -1;
    if (j < 0)
        return;
    const char *who = span_text(c, phrase_span(c, (size_t)j, NULL));
    span own = phrase_span(c, to, NULL);
    span_add_token(&own, W(c, v)->token);
    if (!who || span_empty(own))
        return;
    c->in_chain[v] = c->in_chain[to] = true;
    for (size_t w = 1; w + 1 < c->lk->n_words; w++) {
        long t = W(c, w)->token;
        if (t >= 0 && ((size_t)t < own.lo || (size_t)t > own.hi) && !c->speaker[w])
            c->speaker[w] = who;
    }
}

/* Marks the words inside reported speech with the speaker's phrase:
 * "X said (that) ..." (TH/CV/Ce) and "..., X said" (CP). */
static void mark_speech(tctx *c)
{
    size_t nw = c->lk->n_words;
    bool *stop = kg_arena_alloc(c->a, (nw + 1) * sizeof *stop);
    bool *region = kg_arena_alloc(c->a, (nw + 1) * sizeof *region);
    if (!stop || !region)
        return;
    for (size_t v = 1; v + 1 < nw; v++) {
        if (base_is(c, v, "according")) {
            according_to(c, v);
            continue;
        }
        if (!is_verb(c, v) || !is_speech_lemma(lemma(c, v)))
            continue;
        long subj = clause_subject(c, v);
        if (subj < 0)
            continue;
        const char *who = span_text(c, phrase_span(c, (size_t)subj, NULL));
        if (!who)
            continue;
        memset(stop, 0, (nw + 1) * sizeof *stop);
        memset(region, 0, (nw + 1) * sizeof *region);
        stop[v] = true;
        long that;
        long cv = complement_of(c, v, &that);
        if (cv >= 0) {
            if (that >= 0)
                stop[that] = true;
            stop[subj] = true;
            region_span(c, (size_t)cv, stop, region);
        } else if (linked(c, v, "CP", false) >= 0) {
            /* "..., the minister said": everything outside the reporting
             * clause's own words */
            bool *own = kg_arena_alloc(c->a, (nw + 1) * sizeof *own);
            if (!own)
                return;
            for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1]; k++) {
                const kg_lg_link *l = link_at(c, k);
                size_t o = other_end(l, v);
                if (major_is(l->label, "CP") || major_is(l->label, "X") ||
                    major_is(l->label, "Xd") || major_is(l->label, "Xc") ||
                    major_is(l->label, "Xp") || major_is(l->label, "Xx"))
                    stop[o] = true;
            }
            region_span(c, v, stop, own);
            span q = no_span, mine = no_span;
            for (size_t w = 1; w + 1 < nw; w++) {
                region[w] = !own[w] && w != v;
                if (region[w] && c->s->tokens[W(c, w)->token].kind != KG_TOK_PUNCT)
                    span_add_token(&q, W(c, w)->token);
                if (own[w] || w == v)
                    span_add_token(&mine, W(c, w)->token);
            }
            /* the quotation ends where the reporting clause begins */
            if (!span_empty(q) && !span_empty(mine) && mine.lo > q.lo && mine.lo <= q.hi)
                q.hi = mine.lo - 1;
            c->quoted[v] = q;
        } else {
            continue;
        }
        for (size_t w = 1; w + 1 < nw; w++)
            if (region[w] && !c->speaker[w])
                c->speaker[w] = who;
    }
}

/* ------------------------------------------------------------ patterns */

static kg_status emit_pattern(tctx *c, kg_arg subj, const char *rel, const char *surface,
                              kg_arg obj, double conf)
{
    emit_info e = {.rel = rel, .surface = surface, .source = KG_SRC_PATTERN};
    return emit(c, subj, &e, obj, conf);
}

static bool token_is(const tctx *c, size_t t, const char *s)
{
    return t < c->s->n_tokens && strcasecmp(c->s->tokens[t].norm, s) == 0;
}

/* Whether "X, Y" is two items of a list ("Turkey, Greece, Jordan and
 * Egypt") rather than an apposition: a bare name after the comma, with more
 * items around it. */
static bool in_list(const tctx *c, size_t who, size_t head, span role)
{
    if (linked(c, head, "D", false) >= 0 || span_empty(role))
        return false;
    size_t after = role.hi + 1;
    long before = W(c, who)->token - 1;
    while (before >= 0 && c->s->token_entity[before] >= 0 &&
           c->s->token_entity[before] == token_entity(c, who))
        before--;
    return token_is(c, after, "and") || token_is(c, after, "or") ||
           (token_is(c, after, ",") &&
            (token_is(c, after + 1, "and") || token_is(c, after + 1, "or"))) ||
           (before >= 0 && token_is(c, (size_t)before, ","));
}

/* "Matthew Miller, a spokesperson for the State Department": (X, be, the
 * apposition) and, for the graph, the role with its preposition. */
static kg_status appositions(tctx *c)
{
    for (size_t i = 0; i < c->lk->n_links; i++) {
        const kg_lg_link *l = &c->lk->links[i];
        if (!major_is(l->label, "MX"))
            continue;
        size_t who = l->left, role = l->right;
        if (is_verb(c, role) || is_relative(c, role) || is_wall(c, who))
            continue;
        double conf = CONF_APPOSITION * c->quality;
        kg_arg subj = make_arg(c, who, &conf);
        span rsp = phrase_span(c, role, NULL);
        kg_arg whole = {span_text(c, rsp), token_entity(c, role)};
        if (whole.text && is_noun(c, role) && !in_list(c, who, role, rsp)) {
            kg_status st = emit_pattern(c, subj, "be", "be", whole, conf);
            if (st != KG_OK)
                return st;
        }
        if (token_entity(c, who) < 0)
            continue;
        const char *noun = lower(c->a, W(c, role)->base);
        /* adjectives before the role noun: "senior fellow" */
        long adj = linked(c, role, "A", false);
        if (adj >= 0)
            noun = kg_arena_printf(c->a, "%s %s", lower(c->a, W(c, (size_t)adj)->base), noun);
        long prep = linked(c, role, "M", true);
        long j = prep >= 0 ? linked(c, (size_t)prep, "J", true) : -1;
        if (j < 0) {
            /* "Brad Adams, from Human Rights Watch": MX to a preposition */
            j = linked(c, role, "J", true);
            if (j >= 0) {
                prep = (long)role;
                noun = NULL;
            }
        }
        if (j < 0)
            continue;
        kg_arg ob = make_arg(c, (size_t)j, &conf);
        const char *p = lower(c->a, W(c, (size_t)prep)->base);
        const char *rel =
            noun ? kg_arena_printf(c->a, "be %s %s", noun, p) : kg_arena_printf(c->a, "be %s", p);
        kg_status st = emit_pattern(c, subj, rel, rel, ob, conf * CONF_ROLE);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* "Britain's relationship with Spain": (Britain, has, relationship with
 * Spain); "producer Leo Graham": (Leo Graham, be, producer). */
static kg_status possession_and_titles(tctx *c)
{
    for (size_t i = 0; i < c->lk->n_links; i++) {
        const kg_lg_link *l = &c->lk->links[i];
        size_t m = l->left, head = l->right;
        if (is_wall(c, m) || is_verb(c, head))
            continue;
        if (major_is(l->label, "D") && (base_is(c, m, "'s") || base_is(c, m, "'"))) {
            size_t owner = antecedent(c, m);
            if (owner == m)
                continue;
            span sp = phrase_span(c, head, NULL);
            long t = W(c, m)->token;
            if (span_empty(sp) || t < 0 || (size_t)t >= sp.hi)
                continue;
            sp.lo = (size_t)t + 1;
            /* "Porter 's": a Treebank clitic may come as ' + s */
            if (sp.lo < sp.hi && !strcmp(c->s->tokens[sp.lo].norm, "s") &&
                !c->s->tokens[sp.lo].space_before)
                sp.lo++;
            double conf = CONF_HAVE * c->quality;
            kg_arg subj = make_arg(c, owner, &conf);
            kg_arg obj = {span_text(c, sp), token_entity(c, head)};
            if (!obj.text)
                continue;
            kg_status st = emit_pattern(c, subj, "have", "has", obj, conf);
            if (st != KG_OK)
                return st;
        } else if (major_is(l->label, "GN") && !isupper((unsigned char)W(c, m)->base[0]) &&
                   is_noun(c, m)) {
            /* a common noun before a name is its title or role */
            double conf = CONF_TITLE * c->quality;
            bool *stop = kg_arena_alloc(c->a, (c->lk->n_words + 1) * sizeof *stop);
            if (!stop)
                return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
            stop[m] = true;
            kg_arg subj = make_arg_stop(c, head, stop, &conf);
            span sp = no_span;
            span_add_token(&sp, W(c, m)->token);
            for (size_t k = c->adj_start[m]; k < c->adj_start[m + 1]; k++) {
                const kg_lg_link *a = link_at(c, k);
                if (a->right == m && (major_is(a->label, "A") || major_is(a->label, "AN")))
                    span_add_token(&sp, W(c, a->left)->token);
            }
            kg_arg obj = {span_text(c, sp), -1};
            if (!obj.text)
                continue;
            kg_status st = emit_pattern(c, subj, "be", "be", obj, conf);
            if (st != KG_OK)
                return st;
        }
    }
    return KG_OK;
}

/* "his visit to Israel", "Israel's military actions in Gaza": a possessed
 * noun with a prepositional object. */
static kg_status possessed_nouns(tctx *c)
{
    for (size_t w = 1; w + 1 < c->lk->n_words; w++) {
        if (is_verb(c, w) || token_entity(c, w) >= 0)
            continue;
        long d = linked(c, w, "D", false);
        if (d < 0)
            continue;
        size_t owner = antecedent(c, (size_t)d);
        long e = token_entity(c, owner);
        if (e < 0)
            continue;
        long prep = linked(c, w, "M", true);
        long j = prep >= 0 ? linked(c, (size_t)prep, "J", true) : -1;
        if (j < 0)
            continue;
        double conf = CONF_NOMINAL * c->quality;
        kg_arg subj = make_arg(c, owner, &conf);
        kg_arg ob = make_arg(c, (size_t)j, &conf);
        const char *rel = kg_arena_printf(c->a, "%s %s", lower(c->a, W(c, w)->base),
                                          lower(c->a, W(c, (size_t)prep)->base));
        emit_info ei = {.rel = rel, .surface = rel, .source = KG_SRC_PATTERN};
        kg_status st = emit(c, subj, &ei, ob, conf);
        if (st == KG_OK && ob.entity >= 0)
            st = emit_list(c, subj, &ei, (size_t)j, ob.entity, conf);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* ------------------------------------------------------------ driver */

static kg_status setup(tctx *c)
{
    size_t nw = c->lk->n_words, nl = c->lk->n_links;
    c->adj_start = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->adj_start);
    c->adj = kg_arena_alloc(c->a, (2 * nl + 1) * sizeof *c->adj);
    c->in_chain = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->in_chain);
    c->subj_of = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->subj_of);
    c->speaker = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->speaker);
    c->quoted = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->quoted);
    c->mark = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->mark);
    c->stack = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->stack);
    size_t *deg = kg_arena_alloc(c->a, (nw + 1) * sizeof *deg);
    if (!c->adj_start || !c->adj || !c->in_chain || !c->subj_of || !c->speaker || !c->quoted ||
        !c->mark || !c->stack || !deg)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    for (size_t w = 0; w < nw; w++)
        c->quoted[w] = no_span;
    for (size_t l = 0; l < nl; l++) {
        deg[c->lk->links[l].left]++;
        deg[c->lk->links[l].right]++;
    }
    c->adj_start[0] = 0;
    for (size_t w = 0; w < nw; w++)
        c->adj_start[w + 1] = c->adj_start[w] + deg[w];
    memset(deg, 0, (nw + 1) * sizeof *deg);
    for (size_t l = 0; l < nl; l++) {
        size_t a = c->lk->links[l].left, b = c->lk->links[l].right;
        c->adj[c->adj_start[a] + deg[a]++] = l;
        c->adj[c->adj_start[b] + deg[b]++] = l;
    }
    /* the parser's accuracy falls with sentence length */
    size_t words = 0;
    for (size_t i = 0; i < c->s->n_tokens; i++)
        words += c->s->tokens[i].kind != KG_TOK_PUNCT;
    double len = words > 15 ? 1.0 - 0.01 * (double)(words - 15) : 1.0;
    c->quality = (c->lk->nulls ? 0.85 : 1.0) * (len < 0.75 ? 0.75 : len);
    return KG_OK;
}

static kg_status parse_triples(tctx *c)
{
    kg_status st;
    mark_speech(c);
    /* clauses with an explicit subject, left to right */
    for (size_t i = 0; i < c->lk->n_links; i++) {
        const kg_lg_link *l = &c->lk->links[i];
        if (!is_subject_link(l->label))
            continue;
        bool inverted =
            major_is(l->label, "SI") || major_is(l->label, "SFI") || major_is(l->label, "SXI");
        size_t sw = inverted ? l->right : l->left;
        size_t v = inverted ? l->left : l->right;
        /* expletive "it"/"there" carry no argument */
        /* a verb is no subject, but a gerund is ("Accomplishing both
         * will be ...", "the remaining was abandoned") */
        bool verb_subject = is_verb(c, sw) && W(c, sw)->sub[0] != 'g';
        if (major_is(l->label, "SF") || major_is(l->label, "SFI") || verb_subject ||
            c->in_chain[v] || implausible_subject(c, sw))
            continue;
        word_list subj = {.n = 0};
        list_add(&subj, sw);
        bool relative = major_is(l->label, "RS") || is_relative(c, sw);
        st = start_clause(c, v, &subj, relative ? CONF_RELATIVE : CONF_CLAUSE);
        if (st != KG_OK)
            return st;
    }
    /* participles and infinitives that borrow a subject; a coordination
     * of them ("to change X and modify Y") as a whole */
    for (size_t w = 1; w + 1 < c->lk->n_words; w++) {
        if (!(is_verb(c, w) || (is_conj(c, w) && linked(c, w, "VJ", true) >= 0)) || c->in_chain[w])
            continue;
        word_list subj;
        if (!borrowed_subject(c, w, &subj))
            continue;
        st = start_clause(c, w, &subj, CONF_BORROWED);
        if (st != KG_OK)
            return st;
    }
    st = appositions(c);
    if (st == KG_OK)
        st = possessed_nouns(c);
    if (st == KG_OK)
        st = possession_and_titles(c);
    return st;
}

kg_status kg_triples_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s,
                             const kg_linkage *lk, kg_vec *out, kg_error *err)
{
    kg_status st;
    if (!lk || lk->n_words == 0) {
        bool any = false;
        st = p ? kg_pieces_extract(a, p, s, out, &any, err) : KG_OK;
        if (st == KG_OK && !any)
            st = kg_shallow_between_entities(a, s, out, err);
    } else {
        tctx c = {.a = a, .p = p, .s = s, .lk = lk, .out = out, .err = err};
        st = setup(&c);
        if (st == KG_OK)
            st = parse_triples(&c);
    }
    return st == KG_OK ? kg_shallow_appositions(a, s, out, err) : st;
}
