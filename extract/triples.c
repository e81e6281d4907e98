/* triples.c - reading triples off a link-grammar linkage.
 *
 * Link-grammar links are typed word pairs; the few types used here (see
 * link-grammar's English documentation) are: S subject-verb (SI inverted),
 * PP/I/Pv/Pg/Pa the verb chain (have+participle, modal/do/to+infinitive,
 * be+passive, be+progressive, be+adjective), TO/IV control verbs, N "not",
 * O objects, MV verb modifiers (prepositions), J preposition objects, K
 * particles, SJ/VJ coordination, MX appositions and comma-attached
 * participles, M noun modifiers, D/A/AN/G/GN/YS noun-phrase internals.
 *
 * Each clause yields one triple per (subject, object) pair after expanding
 * coordination; relations are lemmatized ("communicated to" -> "communicate
 * to"), with negation and modality as flags rather than words. */
#include "triples.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lemma.h"

#define MAX_ARGS 24

typedef struct word_list {
    size_t w[MAX_ARGS];
    size_t n;
} word_list;

typedef struct clause {
    bool has;          /* subjects known */
    word_list subj;
} clause;

typedef struct tctx {
    kg_arena *a;
    const kg_parser *p;
    const kg_sentence_view *s;
    const kg_linkage *lk;
    kg_vec *out;
    kg_error *err;
    size_t *adj_start; /* CSR adjacency: links of word w are adj[adj_start[w] .. adj_start[w+1]) */
    size_t *adj;
    clause *cl;        /* per word: the subjects of the clause it heads */
    bool *in_chain;    /* per word: part of some clause's verb chain */
} tctx;

/* ------------------------------------------------------------ link helpers */

/* The link type without its subscripts: "Ss*s" -> "S", "MVp" -> "MV". */
static bool major_is(const char *label, const char *major)
{
    size_t n = strlen(major);
    if (strncmp(label, major, n) != 0)
        return false;
    return !isupper((unsigned char)label[n]);
}

static const kg_lg_link *link_at(const tctx *c, size_t k)
{
    return &c->lk->links[c->adj[k]];
}

/* The first word linked to w on the given side by a link of this major type. */
static long linked(const tctx *c, size_t w, const char *major, bool right)
{
    for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        size_t other = l->left == w ? l->right : l->left;
        if ((other > w) == right && major_is(l->label, major))
            return (long)other;
    }
    return -1;
}

static const kg_lg_word *W(const tctx *c, size_t w)
{
    return &c->lk->words[w];
}

static bool is_verb(const tctx *c, size_t w)
{
    const char *sub = W(c, w)->sub;
    return sub[0] == 'v' || sub[0] == 'w' || sub[0] == 'q' || sub[0] == 'g';
}

static long token_entity(const tctx *c, size_t w);

/* Nouns by link-grammar subscript (n noun, s singular, l location, b/m/f
 * given names, o organization), or unknown capitalized words. */
static bool is_noun(const tctx *c, size_t w)
{
    const char *sub = W(c, w)->sub;
    if (sub[0])
        return strchr("nslbmfo", sub[0]) != NULL;
    return token_entity(c, w) >= 0 || isupper((unsigned char)W(c, w)->base[0]);
}

static bool is_conj(const tctx *c, size_t w)
{
    return W(c, w)->sub[0] == 'j';
}

static long token_entity(const tctx *c, size_t w)
{
    long t = W(c, w)->token;
    if (t < 0 || (size_t)t >= c->s->n_tokens)
        return -1;
    return c->s->token_entity[t];
}

static bool base_is(const tctx *c, size_t w, const char *s)
{
    return strcasecmp(W(c, w)->base, s) == 0;
}

/* ------------------------------------------------------------ arguments */

static void list_add(word_list *l, size_t w)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->w[i] == w)
            return;
    if (l->n < MAX_ARGS)
        l->w[l->n++] = w;
}

/* The conjuncts of a coordination word ("Germany and France"), else w. */
static void expand_conj(const tctx *c, size_t w, word_list *out, int depth)
{
    if (!is_conj(c, w) || depth > 8) {
        list_add(out, w);
        return;
    }
    for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        if (major_is(l->label, "SJ") || major_is(l->label, "VJ")) {
            size_t other = l->left == w ? l->right : l->left;
            expand_conj(c, other, out, depth + 1);
        }
    }
}

static bool is_relative(const tctx *c, size_t w)
{
    return base_is(c, w, "who") || base_is(c, w, "which") || base_is(c, w, "that") ||
           base_is(c, w, "whom");
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
                   major_is(l->label, "GN") || major_is(l->label, "G") ||
                   major_is(l->label, "D")) {
            e = token_entity(c, m);
        }
        if (e >= 0) {
            *weak = true;
            return e;
        }
    }
    return -1;
}

static bool in_set(const char *label, const char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (major_is(label, set[i]))
            return true;
    return false;
}

/* The noun phrase headed by w as a token range: its dependents are the
 * determiners and modifiers linked from the left and the modifiers and
 * preposition objects linked to the right; a name's hidden words (see
 * collapse_mentions) are added back through the token -> entity map. */
static void phrase_range(const tctx *c, size_t head, size_t *lo, size_t *hi)
{
    static const char *const left_deps[] = {"D", "DD", "DG", "DT", "A", "AN", "AL", "G",
                                            "GN", "YS", "YP", "L", "EA", "NM", "ND", "NN",
                                            "TA", "TM", "TY", "H", "E", "PH", NULL};
    static const char *const right_deps[] = {"M", "J", "NJ", "TO", "I", "O", NULL};
    size_t n = c->lk->n_words;
    bool *seen = calloc(n, sizeof *seen);
    size_t *stack = malloc(n * sizeof *stack);
    long t0 = W(c, head)->token;
    *lo = *hi = t0 >= 0 ? (size_t)t0 : 0;
    if (!seen || !stack) {
        free(seen);
        free(stack);
        return;
    }
    size_t top = 0;
    stack[top++] = head;
    seen[head] = true;
    while (top) {
        size_t w = stack[--top];
        long t = W(c, w)->token;
        if (t >= 0) {
            if ((size_t)t < *lo)
                *lo = (size_t)t;
            if ((size_t)t > *hi)
                *hi = (size_t)t;
        }
        for (size_t k = c->adj_start[w]; k < c->adj_start[w + 1]; k++) {
            const kg_lg_link *l = link_at(c, k);
            size_t o = l->left == w ? l->right : l->left;
            if (seen[o] || W(c, o)->token < 0 || c->in_chain[o])
                continue;
            bool dep = o < w ? in_set(l->label, left_deps)
                             : in_set(l->label, right_deps) && (w != head || !major_is(l->label, "O"));
            if (is_conj(c, w) && major_is(l->label, "SJ"))
                dep = true;
            if (dep) {
                seen[o] = true;
                stack[top++] = o;
            }
        }
    }
    free(seen);
    free(stack);
    const long *te = c->s->token_entity;
    while (*lo > 0 && te[*lo] >= 0 && te[*lo - 1] == te[*lo])
        (*lo)--;
    while (*hi + 1 < c->s->n_tokens && te[*hi] >= 0 && te[*hi + 1] == te[*hi])
        (*hi)++;
}

static const char *token_text(const tctx *c, size_t lo, size_t hi)
{
    const kg_token *t = c->s->tokens;
    /* trailing commas and quotes are not part of a phrase */
    while (hi > lo && t[hi].kind == KG_TOK_PUNCT)
        hi--;
    while (lo < hi && t[lo].kind == KG_TOK_PUNCT)
        lo++;
    return kg_arena_strndup(c->a, c->s->text + t[lo].start, t[hi].end - t[lo].start);
}

static kg_arg make_arg(const tctx *c, size_t w, double *conf)
{
    kg_arg a = {NULL, -1};
    size_t aw = antecedent(c, w);
    bool weak = false;
    a.entity = arg_entity(c, aw, &weak);
    if (weak)
        *conf *= 0.7;
    size_t lo, hi;
    phrase_range(c, aw, &lo, &hi);
    a.text = token_text(c, lo, hi);
    return a;
}

/* ------------------------------------------------------------ emitting */

static bool same_arg(const kg_arg *a, const kg_arg *b)
{
    if (a->entity >= 0 || b->entity >= 0)
        return a->entity == b->entity;
    if (!a->text || !b->text)
        return a->text == b->text;
    return strcmp(a->text, b->text) == 0;
}

static kg_status emit(tctx *c, kg_arg subj, const char *rel, const char *surface, kg_arg obj,
                      bool neg, bool modal, double conf)
{
    kg_triple t = {0};
    t.subject = subj;
    t.object = obj;
    t.relation = rel;
    t.surface = surface;
    t.negated = neg;
    t.modal = modal;
    t.confidence = conf > 1 ? 1 : conf;
    t.sentence = c->s->index;
    t.source = KG_SRC_PARSE;
    /* one triple per (subject, relation, object) within a sentence; arguments
     * that are entities compare by entity, others by text */
    for (size_t i = 0; i < c->out->len; i++) {
        const kg_triple *o = kg_vec_at(c->out, i);
        if (o->sentence == t.sentence && strcmp(o->relation, rel) == 0 &&
            same_arg(&o->subject, &subj) && same_arg(&o->object, &obj))
            return KG_OK;
    }
    if (!kg_vec_push(c->out, &t))
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

static const char *lower(kg_arena *a, const char *s)
{
    char *d = kg_arena_strdup(a, s);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d;
}

static bool is_modal_word(const char *w)
{
    static const char *const m[] = {"will", "would", "can", "could", "may", "might", "must",
                                    "should", "shall", "wo", "ca", NULL};
    for (size_t i = 0; m[i]; i++)
        if (strcasecmp(w, m[i]) == 0)
            return true;
    return false;
}

/* Control verbs that deny their complement ("refuses to accept") or put it
 * in the future ("vows to eliminate"). */
static bool denies(const char *lemma)
{
    return !strcmp(lemma, "refuse") || !strcmp(lemma, "fail") || !strcmp(lemma, "decline") ||
           !strcmp(lemma, "reject");
}

static bool intends(const char *lemma)
{
    static const char *const v[] = {"plan", "intend", "aim", "seek", "hope", "want", "try",
                                    "threaten", "vow", "pledge", "promise", "expect", "need",
                                    "wish", "attempt", "propose", "prepare", NULL};
    for (size_t i = 0; v[i]; i++)
        if (!strcmp(lemma, v[i]))
            return true;
    return false;
}

static bool has_not(const tctx *c, size_t w)
{
    long n = linked(c, w, "N", true);
    if (n >= 0 && (base_is(c, (size_t)n, "not") || base_is(c, (size_t)n, "n't")))
        return true;
    /* "never", "not" as an E modifier on the left */
    long e = linked(c, w, "E", false);
    return e >= 0 && (base_is(c, (size_t)e, "not") || base_is(c, (size_t)e, "never") ||
                      base_is(c, (size_t)e, "n't"));
}

/* ------------------------------------------------------------ clauses */

typedef struct verb_chain {
    size_t words[16];
    size_t n;
    size_t main;       /* the content verb */
    bool neg, modal, passive;
    const char *rel;   /* lemma (with control verbs: "vow to eliminate") */
    const char *surf;
} verb_chain;

static void walk_chain(tctx *c, size_t v, verb_chain *ch)
{
    static const char *const next[] = {"PP", "I", "Pv", "Pg", "Pa", "IV", NULL};
    ch->n = 0;
    ch->neg = ch->modal = ch->passive = false;
    for (int guard = 0; guard < 16; guard++) {
        ch->words[ch->n++] = v;
        c->in_chain[v] = true;
        if (is_modal_word(W(c, v)->base))
            ch->modal = true;
        if (has_not(c, v))
            ch->neg = true;
        long nx = -1;
        for (size_t i = 0; next[i] && nx < 0; i++) {
            nx = linked(c, v, next[i], true);
            if (nx >= 0 && !strcmp(next[i], "Pv"))
                ch->passive = true;
            if (nx >= 0 && !strcmp(next[i], "Pa"))
                nx = -1; /* adjective predicates end the chain at "be" */
        }
        if (nx < 0 && base_is(c, v, "being")) {
            /* "is being hosted": link-grammar often hangs the participle
             * off "being" with an M link */
            for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1] && nx < 0; k++) {
                const kg_lg_link *l = link_at(c, k);
                if (l->left == v && major_is(l->label, "M") && is_verb(c, l->right))
                    nx = (long)l->right;
            }
            ch->passive = nx >= 0;
        }
        if (nx < 0) {
            /* "is being": an O link from "is" to "being" */
            long o = linked(c, v, "O", true);
            if (o >= 0 && base_is(c, (size_t)o, "being"))
                nx = o;
        }
        if (nx < 0) {
            /* control: "vowing to eliminate" (TO + I) */
            long to = linked(c, v, "TO", true);
            if (to >= 0) {
                long v2 = linked(c, (size_t)to, "I", true);
                if (v2 >= 0 && ch->n < 15) {
                    c->in_chain[to] = true;
                    nx = v2;
                }
            }
        }
        if (nx < 0 || ch->n >= 16)
            break;
        v = (size_t)nx;
    }
    ch->main = ch->words[ch->n - 1];
}

/* The relation words of a chain: content verbs lemmatized and joined by
 * "to" ("vow to eliminate"); auxiliaries dropped; a particle kept. */
static void chain_relation(tctx *c, verb_chain *ch)
{
    char rel[256] = "", surf[256] = "";
    bool after_aux = true;
    for (size_t i = 0; i < ch->n; i++) {
        size_t w = ch->words[i];
        const char *base = W(c, w)->base;
        bool aux = i + 1 < ch->n && (is_modal_word(base) || base_is(c, w, "do") ||
                                    base_is(c, w, "did") || base_is(c, w, "does") ||
                                    !strcmp(kg_lemma_verb(c->a, c->p, base), "be") ||
                                    !strcmp(kg_lemma_verb(c->a, c->p, base), "have"));
        size_t sl = strlen(surf);
        snprintf(surf + sl, sizeof surf - sl, "%s%s", sl ? " " : "", base);
        if (aux)
            continue;
        const char *lemma = kg_lemma_verb(c->a, c->p, base);
        if (i + 1 < ch->n) {
            if (denies(lemma))
                ch->neg = true;
            if (intends(lemma))
                ch->modal = true;
        }
        size_t rl = strlen(rel);
        snprintf(rel + rl, sizeof rel - rl, "%s%s%s", rl ? " " : "", rl && !after_aux ? "to " : "",
                 lemma);
        after_aux = false;
    }
    if (!rel[0])
        snprintf(rel, sizeof rel, "%s", kg_lemma_verb(c->a, c->p, W(c, ch->main)->base));
    long k = linked(c, ch->main, "K", true);
    if (k >= 0) {
        size_t rl = strlen(rel);
        snprintf(rel + rl, sizeof rel - rl, " %s", lower(c->a, W(c, (size_t)k)->base));
    }
    if (ch->passive && strncmp(rel, "be ", 3) != 0) {
        /* "were killed" without an agent reads "be kill" */
        ch->rel = kg_arena_printf(c->a, "be %s", rel);
    } else {
        ch->rel = kg_arena_strdup(c->a, rel);
    }
    ch->surf = kg_arena_strdup(c->a, surf);
}

typedef struct obj {
    size_t word;
    const char *prep;  /* NULL for a direct object */
    double conf;
} obj;

static size_t collect_objects(tctx *c, const verb_chain *ch, obj *objs, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->n; i++) {
        size_t v = ch->words[i];
        for (size_t k = c->adj_start[v]; k < c->adj_start[v + 1] && n < max; k++) {
            const kg_lg_link *l = link_at(c, k);
            if (l->left != v)
                continue;
            size_t o = l->right;
            if (major_is(l->label, "O") && v == ch->main) {
                objs[n++] = (obj){o, NULL, 0.9};
            } else if (major_is(l->label, "O") && i + 1 == ch->n - 0) {
                objs[n++] = (obj){o, NULL, 0.9};
            } else if (major_is(l->label, "O") && !strcmp(kg_lemma_verb(c->a, c->p, W(c, v)->base), "be")) {
                objs[n++] = (obj){o, NULL, 0.85};
            } else if (major_is(l->label, "MV") && l->label[2] == 'p') {
                long j = linked(c, o, "J", true);
                if (j >= 0)
                    objs[n++] = (obj){(size_t)j, lower(c->a, W(c, o)->base), 0.8};
            }
        }
    }
    return n;
}

/* Emits the triple again for each entity listed after the object word. */
static kg_status emit_list(tctx *c, kg_arg subj, const char *rel, const char *surf, bool neg,
                           bool modal, size_t w, long ent, double conf)
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
            extra.text = token_text(c, tk, te);
        }
        kg_status st = emit(c, subj, rel, surf, extra, neg, modal, conf);
        if (st != KG_OK)
            return st;
    }
    return KG_OK;
}

/* For each preposition modifying the object noun: (subject, rel noun prep, object). */
static kg_status noun_preps(tctx *c, kg_arg subj, const verb_chain *ch, size_t noun, double conf)
{
    for (size_t k = c->adj_start[noun]; k < c->adj_start[noun + 1]; k++) {
        const kg_lg_link *l = link_at(c, k);
        if (l->left != noun || !major_is(l->label, "M") || is_verb(c, l->right))
            continue;
        size_t pr = l->right;
        long j = linked(c, pr, "J", true);
        if (j < 0)
            continue;
        const char *nrel = kg_arena_printf(c->a, "%s %s %s", ch->rel,
                                           lower(c->a, W(c, noun)->base), lower(c->a, W(c, pr)->base));
        word_list ow = {.n = 0};
        expand_conj(c, (size_t)j, &ow, 0);
        for (size_t m = 0; m < ow.n; m++) {
            double nc = conf;
            kg_arg nob = make_arg(c, ow.w[m], &nc);
            kg_status st = emit(c, subj, nrel, ch->surf, nob, ch->neg, ch->modal, nc);
            if (st == KG_OK && nob.entity >= 0)
                st = emit_list(c, subj, nrel, ch->surf, ch->neg, ch->modal, ow.w[m], nob.entity,
                               nc);
            if (st != KG_OK)
                return st;
        }
    }
    return KG_OK;
}

static kg_status emit_clause(tctx *c, const word_list *subjects, verb_chain *ch, double base)
{
    chain_relation(c, ch);
    obj objs[MAX_ARGS];
    size_t n_obj = collect_objects(c, ch, objs, MAX_ARGS);

    /* a passive's "by" object is its agent */
    long agent = -1;
    for (size_t i = 0; i < n_obj; i++)
        if (ch->passive && objs[i].prep && !strcmp(objs[i].prep, "by"))
            agent = (long)objs[i].word;

    for (size_t si = 0; si < subjects->n; si++) {
        word_list sw = {.n = 0};
        expand_conj(c, subjects->w[si], &sw, 0);
        for (size_t s = 0; s < sw.n; s++) {
            double conf = base;
            kg_arg subj = make_arg(c, sw.w[s], &conf);
            if (agent >= 0) {
                word_list aw = {.n = 0};
                expand_conj(c, (size_t)agent, &aw, 0);
                for (size_t k = 0; k < aw.n; k++) {
                    double ac = conf;
                    kg_arg ag = make_arg(c, aw.w[k], &ac);
                    const char *rel = ch->rel + (strncmp(ch->rel, "be ", 3) == 0 ? 3 : 0);
                    kg_status st = emit(c, ag, rel, ch->surf, subj, ch->neg, ch->modal, ac);
                    if (st != KG_OK)
                        return st;
                }
            }
            if (n_obj == 0) {
                kg_arg none = {NULL, -1};
                kg_status st = emit(c, subj, ch->rel, ch->surf, none, ch->neg, ch->modal,
                                    conf * 0.6);
                if (st != KG_OK)
                    return st;
            }
            for (size_t i = 0; i < n_obj; i++) {
                if ((long)objs[i].word == agent)
                    continue;
                word_list ow = {.n = 0};
                expand_conj(c, objs[i].word, &ow, 0);
                const char *rel = objs[i].prep
                                      ? kg_arena_printf(c->a, "%s %s", ch->rel, objs[i].prep)
                                      : ch->rel;
                for (size_t k = 0; k < ow.n; k++) {
                    double oc = conf * objs[i].conf;
                    kg_arg ob = make_arg(c, ow.w[k], &oc);
                    kg_status st = emit(c, subj, rel, ch->surf, ob, ch->neg, ch->modal, oc);
                    if (st != KG_OK)
                        return st;
                    /* "a staunch supporter of Israel", "including stops in
                     * Turkey": verb + noun + preposition */
                    if (!objs[i].prep && ob.entity < 0) {
                        st = noun_preps(c, subj, ch, ow.w[k], conf * 0.85);
                        if (st != KG_OK)
                            return st;
                    }
                    if (ob.entity >= 0)
                        st = emit_list(c, subj, rel, ch->surf, ch->neg, ch->modal, ow.w[k],
                                       ob.entity, oc * 0.9);
                    if (st != KG_OK)
                        return st;
                }
            }
        }
    }
    return KG_OK;
}

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
            if (l->right != w)
                continue;
            if (major_is(l->label, "MV") || major_is(l->label, "MX") ||
                major_is(l->label, "O") || major_is(l->label, "SI") ||
                major_is(l->label, "Xd")) {
                up = (long)l->left;
            } else if (major_is(l->label, "M")) {
                up = (long)l->left;
                /* "cables sent to X" is a reduced relative, but after a
                 * comma ("a statement, vowing to ...") the participle
                 * belongs to the clause's subject */
                long tok = W(c, w)->token;
                bool comma = tok > 0 && !strcmp(c->s->tokens[tok - 1].norm, ",");
                noun_subject = is_noun(c, l->left) && !comma;
            }
        }
        if (up < 0)
            return false;
        if (noun_subject) {
            out->n = 0;
            list_add(out, (size_t)up);
            return true;
        }
        if (c->cl[up].has) {
            *out = c->cl[up].subj;
            return true;
        }
        w = (size_t)up;
    }
    return false;
}

/* ------------------------------------------------------------ patterns */

/* "Matthew Miller, a spokesperson for the State Department": a role. */
static kg_status appositions(tctx *c)
{
    for (size_t i = 0; i < c->lk->n_links; i++) {
        const kg_lg_link *l = &c->lk->links[i];
        if (!major_is(l->label, "MX"))
            continue;
        size_t who = l->left, role = l->right;
        if (token_entity(c, who) < 0 || is_verb(c, role) || is_relative(c, role))
            continue;
        double conf = 0.85;
        kg_arg subj = make_arg(c, who, &conf);
        const char *noun = lower(c->a, W(c, role)->base);
        /* adjectives before the role noun: "senior fellow" */
        long adj = linked(c, role, "A", false);
        if (adj >= 0)
            noun = kg_arena_printf(c->a, "%s %s", lower(c->a, W(c, (size_t)adj)->base), noun);
        long prep = linked(c, role, "M", true);
        long j = prep >= 0 ? linked(c, (size_t)prep, "J", true) : -1;
        if (j < 0 && W(c, role)->token >= 0 && !strcmp(W(c, role)->sub, "") == 0) {
            /* "Brad Adams, from Human Rights Watch": MX to a preposition */
        }
        if (j < 0) {
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
        const char *rel = noun ? kg_arena_printf(c->a, "be %s %s", noun, p)
                               : kg_arena_printf(c->a, "be %s", p);
        size_t before = c->out->len;
        kg_status st = emit(c, subj, rel, rel, ob, false, false, conf);
        if (st != KG_OK)
            return st;
        if (c->out->len > before)
            ((kg_triple *)kg_vec_at(c->out, c->out->len - 1))->source = KG_SRC_PATTERN;
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
        double conf = 0.6;
        kg_arg subj = make_arg(c, owner, &conf);
        kg_arg ob = make_arg(c, (size_t)j, &conf);
        const char *rel = kg_arena_printf(c->a, "%s %s", lower(c->a, W(c, w)->base),
                                          lower(c->a, W(c, (size_t)prep)->base));
        size_t before = c->out->len;
        kg_status st = emit(c, subj, rel, rel, ob, false, false, conf);
        if (st == KG_OK && ob.entity >= 0)
            st = emit_list(c, subj, rel, rel, false, false, (size_t)j, ob.entity, conf);
        if (st != KG_OK)
            return st;
        for (size_t k = before; k < c->out->len; k++)
            ((kg_triple *)kg_vec_at(c->out, k))->source = KG_SRC_PATTERN;
    }
    return KG_OK;
}

/* ------------------------------------------------------------ shallow */

static bool is_role_prep(const char *w)
{
    return !strcmp(w, "at") || !strcmp(w, "for") || !strcmp(w, "of") || !strcmp(w, "with") ||
           !strcmp(w, "from") || !strcmp(w, "in") || !strcmp(w, "to");
}

/* "Khaled Elgindy, a senior fellow at the Middle East Institute" and "Brad
 * Adams, from Human Rights Watch": entity, comma, optional article, up to five
 * role words, preposition, entity.  Read off the tokens because the parser
 * often attaches such appositions elsewhere. */
static kg_status token_appositions(kg_arena *a, const kg_sentence_view *s, kg_vec *out,
                                   kg_error *err)
{
    const kg_token *t = s->tokens;
    const long *te = s->token_entity;
    size_t n = s->n_tokens;
    for (size_t i = 0; i + 3 < n; i++) {
        if (te[i] < 0 || te[i + 1] == te[i] || strcmp(t[i + 1].norm, ","))
            continue;
        size_t k = i + 2;
        if (k < n && (!strcasecmp(t[k].norm, "a") || !strcasecmp(t[k].norm, "an") ||
                      !strcasecmp(t[k].norm, "the")))
            k++;
        size_t words_start = k;
        while (k < n && k < words_start + 5 && te[k] < 0 && t[k].kind == KG_TOK_WORD &&
               !is_role_prep(t[k].norm))
            k++;
        /* "including stops in", "according to": a participle, not a role */
        bool verbal = false;
        for (size_t w = words_start; w < k; w++) {
            size_t len = strlen(t[w].norm);
            verbal |= len > 4 && (!strcmp(t[w].norm + len - 3, "ing") ||
                                  !strcmp(t[w].norm + len - 2, "ed"));
        }
        if (verbal)
            continue;
        if (k + 1 >= n || !is_role_prep(t[k].norm))
            continue;
        size_t y = k + 1;
        if (y < n && !strcasecmp(t[y].norm, "the"))
            y++;
        if (y >= n || te[y] < 0 || te[y] == te[i])
            continue;
        size_t y_end = y;
        while (y_end + 1 < n && te[y_end + 1] == te[y])
            y_end++;
        size_t x_start = i;
        while (x_start > 0 && te[x_start - 1] == te[i])
            x_start--;
        kg_triple tr = {0};
        tr.subject.entity = te[i];
        tr.subject.text = kg_arena_strndup(a, s->text + t[x_start].start, t[i].end - t[x_start].start);
        tr.object.entity = te[y];
        tr.object.text = kg_arena_strndup(a, s->text + t[y].start, t[y_end].end - t[y].start);
        const char *role = k > words_start ? kg_arena_strndup(a, s->text + t[words_start].start,
                                                              t[k - 1].end - t[words_start].start)
                                           : NULL;
        tr.relation = role ? kg_arena_printf(a, "be %s %s", lower(a, role), t[k].norm)
                           : kg_arena_printf(a, "be %s", t[k].norm);
        tr.surface = tr.relation;
        tr.confidence = 0.8;
        tr.sentence = s->index;
        tr.source = KG_SRC_PATTERN;
        bool dup = false;
        for (size_t j = 0; j < out->len && !dup; j++) {
            const kg_triple *o = kg_vec_at(out, j);
            dup = o->sentence == tr.sentence && o->subject.entity == tr.subject.entity &&
                  o->object.entity == tr.object.entity && !strcmp(o->relation, tr.relation);
        }
        if (!dup && (!tr.relation || !kg_vec_push(out, &tr)))
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
    }
    return KG_OK;
}

/* Without a parse: entity, up to six words without a clause break, entity. */
static kg_status shallow(kg_arena *a, const kg_sentence_view *s, kg_vec *out, kg_error *err)
{
    const kg_token *t = s->tokens;
    const long *te = s->token_entity;
    size_t i = 0;
    while (i < s->n_tokens) {
        if (te[i] < 0) {
            i++;
            continue;
        }
        size_t e1_end = i;
        while (e1_end + 1 < s->n_tokens && te[e1_end + 1] == te[i])
            e1_end++;
        size_t j = e1_end + 1;
        size_t words = 0;
        bool broken = false;
        while (j < s->n_tokens && te[j] < 0) {
            if (t[j].kind == KG_TOK_PUNCT &&
                (strchr(",;:()\"", t[j].norm[0]) != NULL || t[j].norm[0] == '.'))
                broken = true;
            words++;
            j++;
        }
        if (j < s->n_tokens && !broken && words >= 1 && words <= 6 && te[j] != te[i]) {
            size_t e2_end = j;
            while (e2_end + 1 < s->n_tokens && te[e2_end + 1] == te[j])
                e2_end++;
            kg_triple tr = {0};
            tr.subject.entity = te[i];
            tr.subject.text = kg_arena_strndup(a, s->text + t[i].start, t[e1_end].end - t[i].start);
            tr.object.entity = te[j];
            tr.object.text = kg_arena_strndup(a, s->text + t[j].start, t[e2_end].end - t[j].start);
            const char *between = kg_arena_strndup(a, s->text + t[e1_end + 1].start,
                                                   t[j - 1].end - t[e1_end + 1].start);
            tr.relation = lower(a, between);
            tr.surface = between;
            tr.confidence = 0.3;
            tr.sentence = s->index;
            tr.source = KG_SRC_SHALLOW;
            for (size_t k = e1_end + 1; k < j; k++)
                if (!strcasecmp(t[k].norm, "not") || !strcasecmp(t[k].norm, "n't") ||
                    !strcasecmp(t[k].norm, "never"))
                    tr.negated = true;
            if (!tr.relation || !kg_vec_push(out, &tr))
                return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
        }
        i = e1_end + 1;
    }
    return KG_OK;
}

/* ------------------------------------------------------------ driver */

static kg_status build_adjacency(tctx *c)
{
    size_t nw = c->lk->n_words, nl = c->lk->n_links;
    c->adj_start = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->adj_start);
    c->adj = kg_arena_alloc(c->a, (2 * nl + 1) * sizeof *c->adj);
    c->cl = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->cl);
    c->in_chain = kg_arena_alloc(c->a, (nw + 1) * sizeof *c->in_chain);
    if (!c->adj_start || !c->adj || !c->cl || !c->in_chain)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
    size_t *deg = kg_arena_alloc(c->a, (nw + 1) * sizeof *deg);
    if (!deg)
        return kg_error_set(c->err, KG_ERR_NOMEM, "out of memory extracting triples");
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
    return KG_OK;
}

static bool is_subject_link(const char *label)
{
    /* RS: "a crossing which connects" (the relative pronoun's antecedent
     * is found through its R link) */
    return (major_is(label, "S") || major_is(label, "SI") || major_is(label, "SX") ||
            major_is(label, "SFI") || major_is(label, "SF") || major_is(label, "RS")) &&
           !major_is(label, "SJ");
}

static kg_status parse_triples(tctx *c)
{
    kg_status st = build_adjacency(c);
    if (st != KG_OK)
        return st;
    /* clauses with an explicit subject, left to right */
    for (size_t i = 0; i < c->lk->n_links; i++) {
        const kg_lg_link *l = &c->lk->links[i];
        if (!is_subject_link(l->label))
            continue;
        bool inverted = major_is(l->label, "SI") || major_is(l->label, "SFI");
        size_t sw = inverted ? l->right : l->left;
        size_t v = inverted ? l->left : l->right;
        if ((base_is(c, sw, "it") && major_is(l->label, "SF")) || is_verb(c, sw))
            continue;
        word_list verbs = {.n = 0};
        expand_conj(c, v, &verbs, 0);
        word_list subj = {.n = 0};
        list_add(&subj, sw);
        for (size_t k = 0; k < verbs.n; k++) {
            verb_chain ch;
            walk_chain(c, verbs.w[k], &ch);
            for (size_t m = 0; m < ch.n; m++) {
                c->cl[ch.words[m]].has = true;
                c->cl[ch.words[m]].subj = subj;
            }
            st = emit_clause(c, &subj, &ch, 0.9);
            if (st != KG_OK)
                return st;
        }
    }
    /* participles and infinitives that borrow a subject */
    for (size_t w = 1; w + 1 < c->lk->n_words; w++) {
        if (!is_verb(c, w) || c->in_chain[w])
            continue;
        word_list subj;
        if (!borrowed_subject(c, w, &subj))
            continue;
        verb_chain ch;
        walk_chain(c, w, &ch);
        for (size_t m = 0; m < ch.n; m++) {
            c->cl[ch.words[m]].has = true;
            c->cl[ch.words[m]].subj = subj;
        }
        st = emit_clause(c, &subj, &ch, 0.7);
        if (st != KG_OK)
            return st;
    }
    st = appositions(c);
    if (st == KG_OK)
        st = possessed_nouns(c);
    return st;
}

kg_status kg_triples_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s,
                             const kg_linkage *lk, kg_vec *out, kg_error *err)
{
    kg_status st;
#ifdef KG_TRIPLES_DEBUG
    if (!lk || lk->n_words == 0) {
        fprintf(stderr, "NOPARSE\n");
    } else {
        fprintf(stderr, "PARSE nulls=%zu\n", lk->nulls);
        for (size_t i = 0; i < lk->n_words; i++)
            fprintf(stderr, " %zu:%s", i, lk->words[i].word);
        fprintf(stderr, "\n");
        for (size_t i = 0; i < lk->n_links; i++)
            fprintf(stderr, "  %s(%s,%s)\n", lk->links[i].label, lk->words[lk->links[i].left].word,
                    lk->words[lk->links[i].right].word);
    }
#endif
    if (!lk || lk->n_words == 0) {
        st = shallow(a, s, out, err);
    } else {
        tctx c = {.a = a, .p = p, .s = s, .lk = lk, .out = out, .err = err};
        st = parse_triples(&c);
    }
    return st == KG_OK ? token_appositions(a, s, out, err) : st;
}
