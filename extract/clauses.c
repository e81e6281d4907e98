/* clauses.c - triples from verbs and their arguments (see relations.h).
 *
 * One triple per predicate in the shape of Open IE benchmarks: the subject
 * phrase, the relation (lemma of the verb, its particle, and the preposition
 * of its first phrase when it has no object), and the object followed by the
 * clause's other phrases; then one smaller triple per prepositional phrase,
 * per coordinated subject and object, the active reading of a passive with
 * its agent, and "held talks with X" through a light verb's object.  A
 * control chain ("vowed to eliminate") becomes one relation; negation and
 * modality are flags, not words of the label.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "relations_internal.h"

#define MAX_ARGS 16
#define MAX_CHAIN 6

int kg_rel_entity_type(const kg_rel_ctx *c, long e)
{
    return e >= 0 && (size_t)e < c->s->n_entities ? (int)c->s->entities[e].type : -1;
}

static const kg_udtree *T(const kg_rel_ctx *c)
{
    return &c->t;
}

/* who, which, whom (WP, WDT); with possessive, whose (WP$) too. */
static bool wh_word(const kg_rel_ctx *c, size_t i, bool possessive)
{
    const char *x = T(c)->w[i].xpos;
    return x && (!strcmp(x, "WDT") || !strcmp(x, "WP") || (possessive && !strcmp(x, "WP$")));
}

static bool rel_pronoun(const kg_rel_ctx *c, size_t i)
{
    return wh_word(c, i, true) ||
           (kg_udtree_upos(T(c), i, "PRON") && T(c)->w[i].lemma &&
            !strcmp(T(c)->w[i].lemma, "that") && kg_udtree_is(T(c), T(c)->head[i], "acl"));
}

bool kg_clause_is_predicate(const kg_rel_ctx *c, size_t i)
{
    const kg_udtree *t = T(c);
    static const char *const not_clause[] = {"aux", "cop", "amod", "compound", "case", "mark",
                                             "fixed", "flat", "goeswith", "det", "cc", "punct"};
    for (size_t k = 0; k < sizeof not_clause / sizeof *not_clause; k++)
        if (kg_udtree_is(t, i, not_clause[k]))
            return false;
    /* "compared to Labour", "following the talks": a preposition */
    if (kg_udtree_upos(t, i, "VERB") && kg_udtree_child(t, i, "nsubj") == KG_UD_NONE &&
        kg_udtree_child(t, i, "aux") == KG_UD_NONE && kg_udtree_child(t, i, "aux:pass") == KG_UD_NONE) {
        char low[32];
        size_t k = 0;
        for (const char *p = t->w[i].form; *p && k + 1 < sizeof low; p++)
            low[k++] = (char)tolower((unsigned char)*p);
        low[k] = '\0';
        if (kg_lexicon_in(c->lx, KG_WL_PARTICIPLE_PREPS, low))
            return false;
    }
    /* "a study of the 1993 Des Moines floods" tagged a verb: a noun's
     * modifier with a preposition of its own is a noun */
    if (kg_udtree_upos(t, i, "VERB"))
        return !(kg_udtree_is(t, i, "nmod") && kg_udtree_child(t, i, "case") != KG_UD_NONE);
    return kg_udtree_child(t, i, "cop") != KG_UD_NONE;
}

static bool nominal(const kg_udtree *t, size_t i)
{
    return kg_udtree_upos(t, i, "NOUN") || kg_udtree_upos(t, i, "PROPN") ||
           kg_udtree_upos(t, i, "PRON") || kg_udtree_upos(t, i, "NUM");
}

/* The noun a relative clause p (with relative word rw) modifies: its head,
 * or when the parser hung the clause on a verb, the nearest noun before the
 * relative word, climbed to the head of its name. */
static size_t antecedent(const kg_rel_ctx *c, size_t p, size_t rw)
{
    const kg_udtree *t = &c->t;
    size_t h = t->head[p];
    /* "who" stands for a person: when the parser hung the clause on
     * another noun ("a return to diplomacy for Secretary Blinken, who
     * spent"), the person named right before it is meant */
    const char *lem = t->w[rw].lemma ? t->w[rw].lemma : t->w[rw].form;
    if ((!strcmp(lem, "who") || !strcmp(lem, "whom")) && h != KG_UD_NONE &&
        kg_rel_entity_type(c, kg_udtree_entity(t, h)) != KG_ENT_PERSON) {
        size_t i = rw;
        while (i > 0 && kg_udtree_upos(t, i - 1, "PUNCT"))
            i--;
        if (i > 0 && kg_rel_entity_type(c, t->entity[i - 1]) == KG_ENT_PERSON) {
            size_t w = i - 1;
            while (t->head[w] != KG_UD_NONE && t->head[w] < rw && t->entity[t->head[w]] == t->entity[w])
                w = t->head[w];
            return w;
        }
    }
    if (h != KG_UD_NONE && nominal(t, h))
        return h;
    for (size_t i = rw; i-- > 0;) {
        if (kg_udtree_upos(t, i, "NOUN") || kg_udtree_upos(t, i, "PROPN")) {
            while (t->head[i] != KG_UD_NONE &&
                   (kg_udtree_is(t, i, "flat") || kg_udtree_is(t, i, "compound")) &&
                   t->head[i] < rw)
                i = t->head[i];
            return i;
        }
        if (!kg_udtree_upos(t, i, "PUNCT"))
            break;
    }
    return KG_UD_NONE;
}

/* ", who spent two years in Chile" hung on the main verb (parataxis,
 * conj, advcl) rather than on the noun: a wh- relative word right after a
 * comma still stands for the noun before the comma. */
static bool set_off_relative(const kg_rel_ctx *c, size_t p, size_t rw)
{
    const kg_udtree *t = T(c);
    return wh_word(c, rw, false) && !kg_udtree_is(t, p, "acl") && rw > 0 && (t->lo[p] == rw || t->lo[p] + 1 == rw) &&
           !strcmp(t->w[rw - 1].form, ",");
}

/* The parser sometimes gives a verb two subjects ("UN Secretary General
 * Kofi Annan met": UN and Kofi); the one nearest the verb is the name. */
static size_t nearest_subject(const kg_udtree *t, size_t p)
{
    size_t n, best = KG_UD_NONE;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++)
        if (kg_udtree_is(t, k[j], "nsubj") && (best == KG_UD_NONE || (k[j] < p && k[j] > best)))
            best = k[j];
    return best;
}

/* A conjunct verb really coordinated with its head: its own "and" / "but"
 * / "or", or a comma before it in a series.  "... added a shot as the
 * Rangers defeated the Indians", with "defeated" hung on the first verb as a
 * bare conjunct, is a clause whose subject the parser lost, not one that
 * shares the first verb's. */
static bool coordinated(const kg_udtree *t, size_t p)
{
    if (kg_udtree_child(t, p, "cc") != KG_UD_NONE)
        return true;
    size_t b = t->lo[p];
    return !strcmp(t->w[b].form, ",") || (b > 0 && !strcmp(t->w[b - 1].form, ","));
}

size_t kg_clause_subject(const kg_rel_ctx *c, size_t p, bool *borrowed)
{
    const kg_udtree *t = T(c);
    for (int depth = 0; depth < 8 && p != KG_UD_NONE; depth++) {
        size_t s = nearest_subject(t, p);
        if (s == KG_UD_NONE)
            s = kg_udtree_child(t, p, "csubj");
        if (s != KG_UD_NONE) {
            if (kg_udtree_is(t, s, "expl"))
                return KG_UD_NONE;
            if (rel_pronoun(c, s) && kg_udtree_is(t, p, "acl")) {
                *borrowed = true;
                return antecedent(c, p, s);
            }
            if (set_off_relative(c, p, s)) {
                size_t a = antecedent(c, p, s);
                *borrowed = a != KG_UD_NONE;
                return a != KG_UD_NONE ? a : s;
            }
            return s;
        }
        size_t h = t->head[p];
        if (h == KG_UD_NONE)
            return KG_UD_NONE;
        *borrowed = true;
        if (kg_udtree_is(t, p, "xcomp")) {
            /* "urged X to sign": X signs, but the label is "urge to sign"
             * on the urging subject, as Open IE writes it */
            p = h;
        } else if (kg_udtree_is(t, p, "conj") && kg_clause_is_predicate(c, h) &&
                   coordinated(t, p)) {
            p = h;
        } else if (kg_udtree_is(t, p, "acl")) {
            return h; /* "troops deployed in", "the man who" */
        } else if (kg_udtree_is(t, p, "advcl") &&
                   kg_udtree_child(t, p, "mark") == KG_UD_NONE && t->w[p].xpos &&
                   (!strcmp(t->w[p].xpos, "VBG") || !strcmp(t->w[p].xpos, "VBN"))) {
            p = h; /* "..., vowing to eliminate Hamas" */
        } else {
            return KG_UD_NONE;
        }
    }
    return KG_UD_NONE;
}

/* Relations a noun phrase argument is cut off at. */
static bool np_cut(const kg_udtree *t, size_t k)
{
    return kg_udtree_is(t, k, "acl:relcl") || kg_udtree_is(t, k, "appos") ||
           kg_udtree_is(t, k, "conj") || kg_udtree_is(t, k, "cc") || kg_udtree_is(t, k, "list") ||
           kg_udtree_is(t, k, "punct") || kg_udtree_is(t, k, "parataxis") ||
           kg_udtree_is(t, k, "dep");
}

static const char *phrase_cut(kg_rel_ctx *c, size_t i, bool (*cut_fn)(const kg_udtree *, size_t),
                              size_t also_cut)
{
    const kg_udtree *t = T(c);
    size_t n;
    const size_t *k = kg_udtree_kids(t, i, &n);
    /* marks already set by the caller stay; only this call's are undone */
    size_t mine[64], nm = 0;
    for (size_t j = 0; j < n && nm < 63; j++)
        if (!c->cut[k[j]] && (cut_fn(t, k[j]) || k[j] == also_cut)) {
            c->cut[k[j]] = true;
            mine[nm++] = k[j];
        }
    if (also_cut != KG_UD_NONE && also_cut < t->n && !c->cut[also_cut]) {
        c->cut[also_cut] = true;
        mine[nm++] = also_cut;
    }
    bool oom = false;
    const char *s = kg_udtree_phrase(c->a, t, i, c->cut, &oom);
    for (size_t j = 0; j < nm; j++)
        c->cut[mine[j]] = false;
    c->oom |= oom;
    return s;
}

const char *kg_clause_np(kg_rel_ctx *c, size_t i)
{
    return phrase_cut(c, i, np_cut, KG_UD_NONE);
}

const char *kg_clause_np_without(kg_rel_ctx *c, size_t i, size_t w)
{
    return phrase_cut(c, i, np_cut, w);
}

const char *kg_clause_subject_np(kg_rel_ctx *c, size_t i)
{
    return kg_clause_np_without(c, i, kg_udtree_child(T(c), i, "case"));
}

/* ------------------------------------------------------------ labels */

/* A noun as written, with the parts a hyphen joins to it ("self-government",
 * which the tokenizer splits as UD does): the text from the first part to
 * the noun when no space lies between. */
static const char *noun_form(kg_rel_ctx *c, size_t i)
{
    const kg_udtree *t = T(c);
    size_t b = i;
    while (b >= 2 && !strcmp(t->w[b - 1].form, "-") && !t->w[b - 2].space_after &&
           !t->w[b - 1].space_after)
        b -= 2;
    if (b == i)
        return t->w[i].form;
    const char *s = kg_arena_strndup(c->a, t->text + t->w[b].start, t->w[i].end - t->w[b].start);
    if (!s)
        c->oom = true;
    return s ? s : t->w[i].form;
}

typedef struct label {
    char rel[128];     /* lemmas */
    char surf[192];    /* as written */
    bool negated, modal, passive;
    bool borrowed;
    bool oom;
} label;

/* Appends word w to buf after a space; a label that would not fit is left
 * as it was (labels are short: the emitter refuses more than four words). */
static void append(char *buf, size_t cap, const char *w)
{
    size_t n = strlen(buf), k = w ? strlen(w) : 0;
    if (!k || n + (n > 0) + k + 1 > cap)
        return;
    if (n)
        buf[n++] = ' ';
    memcpy(buf + n, w, k + 1);
}

static void append_lower(char *buf, size_t cap, const char *w)
{
    size_t n = strlen(buf);
    append(buf, cap, w);
    for (size_t i = n; buf[i]; i++)
        buf[i] = (char)tolower((unsigned char)buf[i]);
}

static bool negator(const kg_rel_ctx *c, size_t k)
{
    const kg_udtree *t = T(c);
    if (!kg_udtree_is(t, k, "advmod") && !kg_udtree_is(t, k, "neg") && !kg_udtree_is(t, k, "det"))
        return false;
    if (kg_lexicon_in(c->lx, KG_WL_NEGATORS, t->w[k].form)) {
        /* "but not before he was given a test", "not only": no denial */
        static const char *const idiom[] = {"before", "only", "until", "just"};
        for (size_t i = 0; k + 1 < t->n && i < sizeof idiom / sizeof *idiom; i++)
            if (!strcmp(t->w[k + 1].form, idiom[i]))
                return false;
        return !kg_udtree_is(t, k, "det");
    }
    /* "no longer" */
    size_t no = kg_udtree_child(t, k, "advmod");
    return no != KG_UD_NONE && !strcmp(t->w[k].form, "longer") &&
           kg_lexicon_in(c->lx, KG_WL_NEGATORS, t->w[no].form);
}

/* Conjunct h is denied on its own: "in Manchester and not Blackpool". */
static bool denied_conjunct(const kg_rel_ctx *c, size_t h)
{
    const kg_udtree *t = T(c);
    if (!kg_udtree_is(t, h, "conj"))
        return false;
    size_t n;
    const size_t *k = kg_udtree_kids(t, h, &n);
    for (size_t j = 0; j < n && k[j] < h; j++)
        if (negator(c, k[j]))
            return true;
    return false;
}

/* The words of a predicate's verb group (auxiliaries, copula, negation,
 * particle) into keep, and its flags into l. */
static void verb_group(kg_rel_ctx *c, size_t p, bool *keep, label *l)
{
    const kg_udtree *t = T(c);
    keep[p] = true;
    size_t n;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++) {
        size_t w = k[j];
        if (kg_udtree_is(t, w, "aux") || kg_udtree_is(t, w, "cop")) {
            keep[w] = true;
            if (kg_udtree_is(t, w, "aux:pass"))
                l->passive = true;
            if (kg_lexicon_in(c->lx, KG_WL_MODAL_AUX, t->w[w].form) ||
                kg_lexicon_in(c->lx, KG_WL_MODAL_AUX, t->w[w].lemma ? t->w[w].lemma : ""))
                l->modal = true;
        } else if (negator(c, w)) {
            keep[w] = true;
            l->negated = true;
        } else if (kg_udtree_is(t, w, "compound:prt")) {
            keep[w] = true;
        } else if (kg_udtree_is(t, w, "nsubj:pass")) {
            l->passive = true;
        }
    }
}

/* "troops deployed in Gaza": a past participle modifying a noun is
 * passive; a relative clause ("which critics praised") has its own voice. */
static bool participle_passive(const kg_udtree *t, size_t q)
{
    return kg_udtree_is(t, q, "acl") && !kg_udtree_is(t, q, "acl:relcl") && t->w[q].xpos &&
           !strcmp(t->w[q].xpos, "VBN") && kg_udtree_child(t, q, "nsubj") == KG_UD_NONE;
}

/* The link of a chain: q's lemma (with "be" for a copula), particle. */
static void link_lemma(kg_rel_ctx *c, size_t q, label *l)
{
    const kg_udtree *t = T(c);
    bool cop = kg_udtree_child(t, q, "cop") != KG_UD_NONE;
    bool pass = kg_udtree_child(t, q, "aux:pass") != KG_UD_NONE ||
                kg_udtree_child(t, q, "nsubj:pass") != KG_UD_NONE ||
                participle_passive(t, q);
    if (cop || pass)
        append(l->rel, sizeof l->rel, "be");
    const char *lem = kg_udtree_lemma(c->a, t, q);
    if (!lem)
        l->oom = true;
    /* the tagger's lemmatizer guesses unseen forms by their ending ("tied"
     * -> "ty", "lived" -> "lower"): WordNet's morphology of the form comes
     * first, the model's lemma where WordNet knows no verb for it */
    char wn[128];
    const char *fix = NULL;
    if (lem && kg_udtree_upos(t, q, "VERB"))
        fix = kg_lexicon_verb_lemma(c->lx, t->w[q].form, wn, sizeof wn);
    /* a passive reads with its participle: "be born in", "be abducted in",
     * not "be bear in" */
    if (pass && t->w[q].xpos && !strcmp(t->w[q].xpos, "VBN"))
        append_lower(l->rel, sizeof l->rel, t->w[q].form);
    else
        append(l->rel, sizeof l->rel, fix ? fix : lem);
    size_t prt = kg_udtree_child(t, q, "compound:prt");
    if (prt != KG_UD_NONE)
        append_lower(l->rel, sizeof l->rel, t->w[prt].form);
}

/* Counts words of a label. */
static size_t words_of(const char *s)
{
    size_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (*p)
            n++;
        while (*p && *p != ' ')
            p++;
    }
    return n;
}

/* The chain of control verbs above p, outermost first: "vowed to [p]".
 * Coordinated verbs share their first conjunct's chain. */
static size_t chain_of(const kg_rel_ctx *c, size_t p, size_t *links)
{
    const kg_udtree *t = T(c);
    size_t n = 0, x = p;
    while (n < MAX_CHAIN) {
        while (kg_udtree_is(t, x, "conj") && t->head[x] != KG_UD_NONE &&
               kg_clause_is_predicate(c, t->head[x]))
            x = t->head[x];
        if (!kg_udtree_is(t, x, "xcomp") || t->head[x] == KG_UD_NONE)
            break;
        size_t q = t->head[x];
        if (!kg_clause_is_predicate(c, q) || !kg_udtree_upos(t, x, "VERB"))
            break;
        links[n++] = q;
        x = q;
    }
    for (size_t i = 0; i < n / 2; i++) {
        size_t tmp = links[i];
        links[i] = links[n - 1 - i];
        links[n - 1 - i] = tmp;
    }
    return n;
}

/* The label of predicate p: chain, lemma, particle; flags from every link. */
/* The clause p is the content of an allegation, a report, a fear
 * ("allegations that X avoided tests"): claimed, not stated. */
static bool hearsay(const kg_rel_ctx *c, size_t p)
{
    const kg_udtree *t = T(c);
    size_t h = t->head[p];
    if (h == KG_UD_NONE || !kg_udtree_upos(t, h, "NOUN") ||
        !(kg_udtree_is(t, p, "acl") || kg_udtree_is(t, p, "ccomp")))
        return false;
    const char *lem = t->w[h].lemma ? t->w[h].lemma : t->w[h].form;
    if (!kg_lexicon_in(c->lx, KG_WL_HEARSAY_NOUNS, lem))
        return false;
    /* read as a relative clause, it is one only if its "that" fills a gap
     * ("the claims that he made"), not beside a subject and an object of
     * its own ("allegations that X avoided tests") */
    if (!kg_udtree_is(t, p, "acl:relcl"))
        return true;
    size_t n;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++)
        if (rel_pronoun(c, k[j]) && (kg_udtree_is(t, k[j], "nsubj") || kg_udtree_is(t, k[j], "obj")))
            return false;
    return kg_udtree_child(t, p, "nsubj") != KG_UD_NONE;
}

/* "plays Rusedski on Wednesday", "races in Birmingham on Friday": a verb in
 * the present tense (no auxiliary) with a day or time still to come is
 * scheduled, not done. */
static bool scheduled(const kg_rel_ctx *c, size_t p)
{
    const kg_udtree *t = T(c);
    const char *x = t->w[p].xpos;
    if (!x || (strcmp(x, "VBZ") && strcmp(x, "VBP")) || kg_udtree_child(t, p, "aux") != KG_UD_NONE)
        return false;
    size_t n;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++) {
        if (!kg_udtree_is(t, k[j], "obl") && !kg_udtree_is(t, k[j], "advmod") &&
            !kg_udtree_is(t, k[j], "nmod"))
            continue;
        const char *lem = kg_udtree_lemma(c->a, t, k[j]);
        if (lem && kg_lexicon_in(c->lx, KG_WL_FUTURE_TIME_WORDS, lem))
            return true;
        size_t am = kg_udtree_child(t, k[j], "amod"); /* "next week" */
        if (am != KG_UD_NONE && !strcmp(t->w[am].form, "next"))
            return true;
    }
    return false;
}

/* "If England slump in Dublin": a condition is not a fact. */
static bool conditional(const kg_rel_ctx *c, size_t p)
{
    const kg_udtree *t = T(c);
    size_t mk = kg_udtree_child(t, p, "mark");
    return mk != KG_UD_NONE && (!strcasecmp(t->w[mk].form, "if") || !strcasecmp(t->w[mk].form, "unless"));
}

static void make_label(kg_rel_ctx *c, size_t p, label *l, bool *keep)
{
    const kg_udtree *t = T(c);
    memset(l, 0, sizeof *l);
    for (size_t i = 0; i < t->n; i++)
        keep[i] = false;
    size_t links[MAX_CHAIN];
    size_t nl = chain_of(c, p, links);
    char chain[128] = "", first[64] = "";
    char rels[MAX_CHAIN][128];
    size_t nk = 0;
    for (size_t i = 0; i < nl; i++) {
        size_t q = links[i];
        label ql = {0};
        verb_group(c, q, keep, &ql);
        l->negated |= ql.negated;
        l->modal |= ql.modal;
        const char *lem = t->w[q].lemma ? t->w[q].lemma : t->w[q].form;
        /* "refused to support": the flag says it, the label is what was
         * not done ("support"), so negated "refuse to" never reads as a
         * double negative */
        if (kg_lexicon_in(c->lx, KG_WL_NEGATING_VERBS, lem)) {
            l->negated = true;
            continue;
        }
        if (kg_lexicon_in(c->lx, KG_WL_MODAL_VERBS, lem))
            l->modal = true;
        link_lemma(c, q, &ql);
        snprintf(rels[nk++], sizeof rels[0], "%s", ql.rel);
    }
    /* at most the first and the last link: "intend to discuss" */
    for (size_t i = 0; i < nk; i++) {
        if (i == 0 || i + 1 == nk) {
            append(chain, sizeof chain, rels[i]);
            append(chain, sizeof chain, "to");
        }
        if (i == 0) {
            append(first, sizeof first, rels[i]);
            append(first, sizeof first, "to");
        }
    }
    /* the "to" of each infinitive on the way down */
    for (size_t i = 0; i < nl; i++) {
        size_t x = i + 1 < nl ? links[i + 1] : p;
        size_t mk = kg_udtree_child(t, x, "mark");
        /* "aims to address the crisis and explore": the second infinitive
         * shares the first one's "to" */
        if (mk == KG_UD_NONE && kg_udtree_is(t, x, "conj") && t->head[x] != KG_UD_NONE)
            mk = kg_udtree_child(t, t->head[x], "mark");
        if (mk != KG_UD_NONE)
            keep[mk] = true;
    }
    label pl = {0};
    verb_group(c, p, keep, &pl);
    l->negated |= pl.negated;
    l->modal |= pl.modal || scheduled(c, p) || conditional(c, p);
    /* "claims he had told Blair": unconfirmed, and the claim is the source */
    if (hearsay(c, p)) {
        l->modal = true;
        if (!c->speaker[p])
            c->speaker[p] = t->w[t->head[p]].form;
    }
    l->passive = pl.passive || participle_passive(t, p);
    char own[128] = "";
    label tmp = {0};
    link_lemma(c, p, &tmp);
    snprintf(own, sizeof own, "%s", tmp.rel);
    l->oom = tmp.oom;
    snprintf(l->rel, sizeof l->rel, "%s", chain);
    append(l->rel, sizeof l->rel, own);
    /* at most four words: "intend to try to reach" is "intend to reach" */
    if (words_of(l->rel) > 4) {
        snprintf(l->rel, sizeof l->rel, "%s", first);
        append(l->rel, sizeof l->rel, own);
    }
    if (words_of(l->rel) > 4)
        snprintf(l->rel, sizeof l->rel, "%s", own);
}

static void surface_of(kg_rel_ctx *c, const bool *keep, label *l)
{
    const kg_udtree *t = T(c);
    l->surf[0] = '\0';
    for (size_t i = 0; i < t->n; i++)
        if (keep[i]) {
            size_t n = strlen(l->surf);
            snprintf(l->surf + n, sizeof l->surf - n, "%s%.*s", n ? " " : "",
                     (int)(t->w[i].end - t->w[i].start), t->text + t->w[i].start);
        }
}

/* ------------------------------------------------------------ arguments */

typedef struct arg {
    size_t head;       /* the argument's head word */
    size_t case_word;  /* its preposition, KG_UD_NONE if none */
    char prep[48];     /* the preposition in lower case ("according to", "in") */
    enum { ARG_OBJ, ARG_OBL, ARG_XCOMP, ARG_CCOMP } kind;
} arg;

static void prep_of(kg_rel_ctx *c, size_t h, arg *a)
{
    const kg_udtree *t = T(c);
    a->case_word = KG_UD_NONE;
    a->prep[0] = '\0';
    size_t n;
    const size_t *k = kg_udtree_kids(t, h, &n);
    /* the first case marker and any right after it ("out of"); a second
     * one further on belongs to a misparse ("in Saturday's win in Italy") */
    size_t last = KG_UD_NONE;
    for (size_t j = 0; j < n; j++)
        if (kg_udtree_is(t, k[j], "case") && k[j] < h) {
            size_t fx = kg_udtree_child(t, k[j], "fixed");
            if (last != KG_UD_NONE && k[j] != last + 1)
                break;
            if (a->case_word == KG_UD_NONE)
                a->case_word = k[j];
            append_lower(a->prep, sizeof a->prep, t->w[k[j]].form);
            last = k[j];
            if (fx != KG_UD_NONE) {
                append_lower(a->prep, sizeof a->prep, t->w[fx].form);
                last = fx;
            }
        }
    /* "'s" is a possessive marker, not a preposition */
    if (!strcmp(a->prep, "'s") || !strcmp(a->prep, "’s") || !strcmp(a->prep, "'")) {
        a->prep[0] = '\0';
        a->case_word = KG_UD_NONE;
    }
}

/* The arguments of p, in word order: objects first in the list. */
static size_t args_of(kg_rel_ctx *c, size_t p, arg *out)
{
    const kg_udtree *t = T(c);
    size_t n, na = 0;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < n && na < MAX_ARGS; j++) {
            size_t w = k[j];
            arg a = {.head = w, .case_word = KG_UD_NONE};
            bool obj = kg_udtree_is(t, w, "obj") || kg_udtree_is(t, w, "iobj");
            if (pass == 0 && obj) {
                a.kind = ARG_OBJ;
            } else if (pass == 1 && kg_udtree_is(t, w, "obl") && !c->attribution[w]) {
                a.kind = ARG_OBL;
                prep_of(c, w, &a);
            } else if (pass == 1 && kg_udtree_is(t, w, "xcomp") && !kg_udtree_upos(t, w, "VERB")) {
                a.kind = ARG_XCOMP;
            } else if (pass == 1 && kg_udtree_is(t, w, "ccomp") && !c->speech_verb[p]) {
                a.kind = ARG_CCOMP;
            } else {
                continue;
            }
            out[na++] = a;
        }
    return na;
}

static const char *arg_text(kg_rel_ctx *c, const arg *a, bool with_prep)
{
    if (a->kind == ARG_CCOMP) {
        size_t mk = kg_udtree_child(T(c), a->head, "mark");
        return phrase_cut(c, a->head, np_cut, mk);
    }
    if (a->kind == ARG_OBL && !with_prep)
        return kg_clause_np_without(c, a->head, a->case_word);
    return kg_clause_np(c, a->head);
}

/* The conjuncts of word i, i first. */
static size_t conjuncts(const kg_rel_ctx *c, size_t i, size_t *out, size_t cap)
{
    const kg_udtree *t = T(c);
    size_t n = 0;
    out[n++] = i;
    for (size_t q = 0; q < n && n < cap; q++) {
        size_t nk;
        const size_t *k = kg_udtree_kids(t, out[q], &nk);
        for (size_t j = 0; j < nk && n < cap; j++)
            if (kg_udtree_is(t, k[j], "conj") && !kg_clause_is_predicate(c, k[j]))
                out[n++] = k[j];
    }
    /* "visited Turkey, Greece, Jordan, and the West Bank" with the last
     * conjunct hung on the verb: a name or noun with no subject of its own
     * conjoined to a verb is one more object */
    size_t h = t->head[i];
    if (kg_udtree_is(t, i, "obj") && h != KG_UD_NONE) {
        size_t nk;
        const size_t *k = kg_udtree_kids(t, h, &nk);
        for (size_t j = 0; j < nk && n < cap; j++)
            if (k[j] > i && kg_udtree_is(t, k[j], "conj") &&
                (kg_udtree_upos(t, k[j], "PROPN") || kg_udtree_upos(t, k[j], "NOUN")) &&
                !kg_clause_is_predicate(c, k[j]) && kg_udtree_child(t, k[j], "nsubj") == KG_UD_NONE)
                out[n++] = k[j];
    }
    return n;
}

/* The subject as an argument: a relative pronoun's antecedent is already
 * resolved by kg_clause_subject. */
static kg_arg make_arg(kg_rel_ctx *c, size_t h, const char *text)
{
    kg_arg a = {.text = text, .entity = kg_udtree_entity(T(c), h)};
    return a;
}

static kg_status put(kg_rel_ctx *c, const label *l, kg_arg s, const char *rel, const char *surf,
                     kg_arg o, size_t pred, kg_emit_kind kind, kg_error *err)
{
    return kg_rel_put(c, s, rel, surf, o, pred, l->negated, l->modal, KG_SRC_PARSE, kind, err);
}

/* put, for an object conjunct oh that may be denied on its own */
static kg_status put_conjunct(kg_rel_ctx *c, const label *l, kg_arg s, const char *rel,
                              const char *surf, kg_arg o, size_t oh, size_t pred,
                              kg_emit_kind kind, kg_error *err)
{
    bool negated = l->negated != denied_conjunct(c, oh);
    return kg_rel_put(c, s, rel, surf, o, pred, negated, l->modal, KG_SRC_PARSE, kind, err);
}

/* Phrase w of p runs on straight from another nominal phrase of p ("was
 * delighted with victory over Massu", "arrived in the city with X"): the
 * parser hangs most such phrases on the verb that belong to the noun before
 * them, so the one after names no partner of the subject. */
static bool runs_on(const kg_udtree *t, size_t p, size_t w)
{
    size_t n;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++) {
        if (k[j] == w || t->hi[k[j]] + 1 != t->lo[w] || !kg_udtree_upos(t, k[j], "NOUN"))
            continue;
        if (kg_udtree_is(t, k[j], "obl") || kg_udtree_is(t, k[j], "nmod"))
            return true;
        /* "played a range of characters from Britain": the characters' */
        size_t m = kg_udtree_child(t, k[j], "nmod");
        size_t cs = m != KG_UD_NONE ? kg_udtree_child(t, m, "case") : KG_UD_NONE;
        if (kg_udtree_is(t, k[j], "obj") && cs != KG_UD_NONE && !strcasecmp(t->w[cs].form, "of"))
            return true;
    }
    return false;
}

/* "lost two props in White and Vickery", "have a leader in Smith": a
 * person is never the place a thing happens in or at. */
static bool person_as_place(const kg_rel_ctx *c, const char *prep, long e)
{
    return e >= 0 && (!strcmp(prep, "in") || !strcmp(prep, "at") || !strcmp(prep, "over")) &&
           kg_rel_entity_type(c, e) == KG_ENT_PERSON;
}

/* A phrase's own triple ties its subject to the phrase only as well as the
 * subject is known: one that is a pronoun ("he told reporters in London")
 * rests on two guesses, the pronoun's person and the phrase's attachment,
 * and in judged samples was right one time in three, so it draws no edge;
 * the clause's own triple still does. */
static bool guessed_subject(const kg_udtree *t, size_t sh)
{
    return kg_udtree_upos(t, sh, "PRON");
}

/* The entity phrase w (preposition prep, entity e) of predicate p names as
 * the partner of subject word sh, or -1 (runs_on, person_as_place,
 * guessed_subject). */
static long phrase_partner(const kg_rel_ctx *c, size_t p, size_t w, const char *prep, long e,
                           size_t sh)
{
    const kg_udtree *t = T(c);
    return runs_on(t, p, w) || person_as_place(c, prep, e) || guessed_subject(t, sh) ? -1 : e;
}

/* An "object" whose phrase opens with a preposition ("lowered after 12
 * years in the US") is a misparsed phrase: no label is made through it. */
static bool marked_object(const kg_udtree *t, size_t o)
{
    return t->lo[o] < o && kg_udtree_upos(t, t->lo[o], "ADP");
}

/* The relative pronoun object of a relative clause stands for the noun
 * the clause modifies: "an album, which critics praised". */
static size_t resolve_object(const kg_rel_ctx *c, size_t p, size_t o)
{
    const kg_udtree *t = T(c);
    if ((rel_pronoun(c, o) && kg_udtree_is(t, p, "acl")) || set_off_relative(c, p, o)) {
        size_t a = antecedent(c, p, o);
        return a != KG_UD_NONE ? a : o;
    }
    return o;
}

/* One predicate: its main triple per subject conjunct and object
 * conjunct, the smaller triples per phrase. */
static kg_status read_predicate(kg_rel_ctx *c, size_t p, bool *keep, kg_error *err)
{
    const kg_udtree *t = T(c);
    bool borrowed = false;
    size_t sh = kg_clause_subject(c, p, &borrowed);
    if (sh == KG_UD_NONE)
        return KG_OK;
    /* a control verb with nothing of its own is read with its complement */
    bool has_obj = kg_udtree_child(t, p, "obj") != KG_UD_NONE;
    size_t xc = kg_udtree_child(t, p, "xcomp");
    if (xc != KG_UD_NONE && kg_udtree_upos(t, xc, "VERB") && !has_obj)
        return KG_OK;
    label l;
    make_label(c, p, &l, keep);
    if (l.oom)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    surface_of(c, keep, &l);
    arg args[MAX_ARGS];
    size_t na = args_of(c, p, args);
    kg_emit_kind main_kind = borrowed ? KG_EMIT_CLAUSE_BORROWED : KG_EMIT_CLAUSE;

    size_t subj[8];
    size_t ns = conjuncts(c, sh, subj, 8);
    for (size_t si = 0; si < ns; si++) {
        const char *stext = kg_clause_subject_np(c, subj[si]);
        kg_arg s = make_arg(c, subj[si], stext);
        if (c->oom)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        kg_status st = KG_OK;
        if (c->speech_verb[p] && (na == 0 || args[0].kind != ARG_OBJ)) {
            /* what was said is speech.c's triple */
        } else if (na == 0) {
            st = put(c, &l, s, l.rel, l.surf, (kg_arg){NULL, -1}, p, KG_EMIT_CLAUSE_NO_OBJECT,
                     err);
        } else {
            /* main triple: first argument (its conjuncts one by one), then the rest */
            size_t oc[8];
            size_t no = args[0].kind == ARG_CCOMP ? 1 : conjuncts(c, args[0].head, oc, 8);
            if (args[0].kind == ARG_CCOMP)
                oc[0] = args[0].head;
            for (size_t oi = 0; oi < no && st == KG_OK; oi++) {
                arg first = args[0];
                first.head = oi ? oc[oi] : resolve_object(c, p, args[0].head);
                if (first.kind == ARG_OBL && oi) {
                    /* "on Russia and China": the conjunct shares the preposition */
                    prep_of(c, first.head, &first);
                    if (!*first.prep)
                        snprintf(first.prep, sizeof first.prep, "%s", args[0].prep);
                }
                char rel[160], surf[224];
                snprintf(rel, sizeof rel, "%s", l.rel);
                snprintf(surf, sizeof surf, "%s", l.surf);
                if (first.kind == ARG_OBL && *first.prep) {
                    append(rel, sizeof rel, first.prep);
                    append(surf, sizeof surf, first.prep);
                }
                const char *otext = arg_text(c, &first, false);
                /* the clause's other phrases follow the object, for Open IE */
                char *full = otext ? kg_arena_strdup(c->a, otext) : NULL;
                for (size_t k = 1; k < na && full; k++) {
                    const char *more = arg_text(c, &args[k], true);
                    if (more)
                        full = kg_arena_printf(c->a, "%s %s", full, more);
                }
                if (c->oom || (otext && !full))
                    return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
                kg_arg o = {full, kg_udtree_entity(t, first.head)};
                /* "suspended alongside Bergkamp": no partner, no edge */
                if (first.kind == ARG_OBL &&
                    kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, first.prep))
                    o.entity = -1;
                st = put_conjunct(c, &l, s, rel, surf, o, first.head, p, main_kind, err);
                if (st == KG_OK && na > 1) {
                    kg_arg o1 = {otext, o.entity};
                    st = put_conjunct(c, &l, s, rel, surf, o1, first.head, p, KG_EMIT_OBLIQUE,
                                      err);
                }
            }
            /* one triple per prepositional phrase and conjunct */
            for (size_t k = 1; k < na && st == KG_OK; k++) {
                if (args[k].kind != ARG_OBL || !*args[k].prep ||
                    kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, args[k].prep))
                    continue;
                size_t cc[8];
                size_t nc = conjuncts(c, args[k].head, cc, 8);
                for (size_t ci = 0; ci < nc && st == KG_OK; ci++) {
                    arg a = args[k];
                    a.head = cc[ci];
                    if (ci)
                        prep_of(c, cc[ci], &a);
                    if (!*a.prep)
                        snprintf(a.prep, sizeof a.prep, "%s", args[k].prep);
                    /* "increase humanitarian aid to Gaza": the object's noun
                     * says what went to Gaza ("increase aid to"); the label
                     * reads as the sentence does, so not when the phrase
                     * comes first ("communicated to X the need for") */
                    char rel[160], surf[224];
                    snprintf(rel, sizeof rel, "%s", l.rel);
                    snprintf(surf, sizeof surf, "%s", l.surf);
                    bool named_obj = false;
                    if (args[0].kind == ARG_OBJ && kg_udtree_upos(t, args[0].head, "NOUN") &&
                        kg_udtree_entity(t, args[0].head) < 0 && args[0].head < a.head &&
                        !marked_object(t, args[0].head)) {
                        const char *nf = noun_form(c, args[0].head);
                        append_lower(rel, sizeof rel, nf);
                        append(surf, sizeof surf, nf);
                    }
                    /* "joined Diaghilev in Monte Carlo": the one named is
                     * the partner, and "join in" would not say so */
                    if (args[0].kind == ARG_OBJ && kg_udtree_upos(t, args[0].head, "PROPN") &&
                        kg_udtree_entity(t, args[0].head) < 0 && args[0].head < a.head)
                        named_obj = true;
                    append(rel, sizeof rel, a.prep);
                    append(surf, sizeof surf, a.prep);
                    kg_arg o = {kg_clause_np_without(c, a.head, a.case_word), kg_udtree_entity(t, a.head)};
                    o.entity = named_obj ? -1
                                         : phrase_partner(c, p, args[k].head, a.prep, o.entity,
                                                          subj[si]);
                    bool agent = kg_udtree_is(t, args[k].head, "obl:agent") ||
                                 (l.passive && !strcmp(a.prep, "by"));
                    if (agent && l.passive) {
                        /* "hosted by Blair": Blair hosts it */
                        label al = l;
                        char arel[128];
                        const char *lem = kg_udtree_lemma(c->a, t, p);
                        snprintf(arel, sizeof arel, "%s", lem ? lem : "");
                        size_t prt = kg_udtree_child(t, p, "compound:prt");
                        if (prt != KG_UD_NONE)
                            append_lower(arel, sizeof arel, t->w[prt].form);
                        st = put(c, &al, o, arel, t->w[p].form, s, p, KG_EMIT_ACTIVE, err);
                    } else {
                        st = put_conjunct(c, &l, s, rel, surf, o, a.head, p, KG_EMIT_OBLIQUE, err);
                    }
                }
            }
            /* the first phrase alone, when it is the agent of a passive */
            if (st == KG_OK && na >= 1 && args[0].kind == ARG_OBL && l.passive &&
                !strcmp(args[0].prep, "by")) {
                kg_arg o = {kg_clause_np_without(c, args[0].head, args[0].case_word),
                            kg_udtree_entity(t, args[0].head)};
                const char *lem = kg_udtree_lemma(c->a, t, p);
                st = put(c, &l, o, lem, t->w[p].form, s, p, KG_EMIT_ACTIVE, err);
            }
            /* "held talks with X", "made stops in Chile": through the object */
            for (size_t k = 0; k < na && st == KG_OK; k++) {
                if (args[k].kind != ARG_OBJ || kg_udtree_entity(t, args[k].head) >= 0 ||
                    marked_object(t, args[k].head))
                    continue;
                size_t obj = args[k].head;
                size_t nk;
                const size_t *kk = kg_udtree_kids(t, obj, &nk);
                bool of_seen = false; /* "a range of characters from X": X is theirs */
                for (size_t j = 0; j < nk && st == KG_OK; j++) {
                    if (!kg_udtree_is(t, kk[j], "nmod") || kg_udtree_is(t, kk[j], "nmod:poss"))
                        continue;
                    if (of_seen)
                        break;
                    size_t ofc = kg_udtree_child(t, kk[j], "case");
                    of_seen = ofc != KG_UD_NONE && !strcmp(t->w[ofc].form, "of");
                    size_t cc[8];
                    size_t nc = conjuncts(c, kk[j], cc, 8);
                    for (size_t ci = 0; ci < nc && st == KG_OK; ci++) {
                        arg a = {.head = cc[ci]};
                        prep_of(c, cc[ci], &a);
                        if (!*a.prep && ci)
                            prep_of(c, kk[j], &a);
                        /* "of" names a part, "between" a pair (nominal.c) */
                        if (!*a.prep || !strcmp(a.prep, "of") || !strcmp(a.prep, "between"))
                            continue;
                        char rel[160], surf[224];
                        snprintf(rel, sizeof rel, "%s", l.rel);
                        const char *nf = noun_form(c, obj);
                        append_lower(rel, sizeof rel, nf);
                        append(rel, sizeof rel, a.prep);
                        snprintf(surf, sizeof surf, "%s", l.surf);
                        append(surf, sizeof surf, nf);
                        append(surf, sizeof surf, a.prep);
                        kg_arg o = {kg_clause_np_without(c, cc[ci], a.case_word),
                                    kg_udtree_entity(t, cc[ci])};
                        if (person_as_place(c, a.prep, o.entity) || guessed_subject(t, subj[si]))
                            o.entity = -1;
                        if (o.entity >= 0)
                            st = put(c, &l, s, rel, surf, o, p, KG_EMIT_OBLIQUE, err);
                    }
                }
            }
        }
        if (st != KG_OK)
            return st;
        if (c->oom)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    return KG_OK;
}

/* A nominal predicate: "X is a senior fellow at Y", "X is from Y". */
static kg_status read_copula(kg_rel_ctx *c, size_t p, bool *keep, kg_error *err)
{
    const kg_udtree *t = T(c);
    bool borrowed = false;
    size_t sh = kg_clause_subject(c, p, &borrowed);
    if (sh == KG_UD_NONE)
        return KG_OK;
    size_t xc = kg_udtree_child(t, p, "xcomp");
    if (xc != KG_UD_NONE && kg_udtree_upos(t, xc, "VERB"))
        return KG_OK; /* "is able to control": read with the complement */
    label l;
    memset(keep, 0, t->n * sizeof *keep);
    memset(&l, 0, sizeof l);
    verb_group(c, p, keep, &l);
    keep[p] = false;
    /* "were no match for Y": the predicate denied */
    size_t det = kg_udtree_child(t, p, "det");
    if (det != KG_UD_NONE && !strcmp(t->w[det].form, "no"))
        l.negated = true;
    /* "wants to be part of", "refused to be drawn": the verbs above */
    for (size_t q = p, d = 0; kg_udtree_is(t, q, "xcomp") && t->head[q] != KG_UD_NONE && d < 8;
         d++) {
        q = t->head[q];
        const char *lem = t->w[q].lemma ? t->w[q].lemma : t->w[q].form;
        l.modal |= kg_lexicon_in(c->lx, KG_WL_MODAL_VERBS, lem);
        l.negated |= kg_lexicon_in(c->lx, KG_WL_NEGATING_VERBS, lem);
    }
    l.modal |= hearsay(c, p);
    surface_of(c, keep, &l);
    arg own = {.head = p};
    prep_of(c, p, &own);
    /* the predicate's phrase: p's subtree without subject, verb group and clauses */
    size_t n;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (size_t j = 0; j < n; j++) {
        size_t w = k[j];
        c->cut[w] = keep[w] || kg_udtree_is(t, w, "nsubj") || kg_udtree_is(t, w, "csubj") ||
                    kg_udtree_is(t, w, "punct") || kg_udtree_is(t, w, "mark") ||
                    kg_udtree_is(t, w, "advcl") || kg_udtree_is(t, w, "parataxis") ||
                    kg_udtree_is(t, w, "conj") || kg_udtree_is(t, w, "cc") ||
                    kg_udtree_is(t, w, "ccomp") || kg_udtree_is(t, w, "advmod") ||
                    kg_udtree_is(t, w, "obl") || w == own.case_word;
    }
    bool oom = false;
    const char *pred = kg_udtree_phrase(c->a, t, p, c->cut, &oom);
    for (size_t j = 0; j < n; j++)
        c->cut[k[j]] = false;
    c->oom |= oom;
    char rel[160] = "be";
    if (*own.prep)
        append(rel, sizeof rel, own.prep);
    char surf[224];
    snprintf(surf, sizeof surf, "%s", l.surf);
    append(surf, sizeof surf, own.prep);
    size_t subj[8];
    size_t ns = conjuncts(c, sh, subj, 8);
    kg_status st = KG_OK;
    for (size_t si = 0; si < ns && st == KG_OK; si++) {
        kg_arg s = make_arg(c, subj[si], kg_clause_subject_np(c, subj[si]));
        kg_arg o = {pred, *own.prep ? kg_udtree_entity(t, p) : -1};
        st = put(c, &l, s, rel, surf, o, p, borrowed ? KG_EMIT_CLAUSE_BORROWED : KG_EMIT_COPULA,
                 err);
        /* "a fellow at Y", "critical of Y", and the clause's phrases; "one
         * of four Britons", "some of them" name a part, no relation */
        bool part = kg_udtree_upos(t, p, "NUM") || kg_udtree_upos(t, p, "PRON") ||
                    kg_udtree_upos(t, p, "DET");
        for (size_t j = 0; j < n && st == KG_OK && !part; j++) {
            size_t w = k[j];
            bool nm = kg_udtree_is(t, w, "nmod") && !kg_udtree_is(t, w, "nmod:poss");
            if (!nm && !kg_udtree_is(t, w, "obl"))
                continue;
            if (c->attribution[w])
                continue;
            arg a = {.head = w};
            prep_of(c, w, &a);
            if (!*a.prep)
                continue;
            /* "was in talks with Y": through the noun, "be in talks with";
             * a phrase of the clause ("was in Iraq on Monday") keeps only
             * its own preposition, "be on" */
            char r2[160] = "be", s2[224];
            snprintf(s2, sizeof s2, "%s", l.surf);
            const char *lem = kg_udtree_lemma(c->a, t, p);
            if (*own.prep && nm) {
                append(r2, sizeof r2, own.prep);
                append(s2, sizeof s2, own.prep);
                append_lower(r2, sizeof r2, noun_form(c, p)); /* "talks", as written */
                append(s2, sizeof s2, t->w[p].form);
            } else if (!*own.prep && (nm || kg_udtree_upos(t, p, "ADJ"))) {
                append(r2, sizeof r2, lem);
                append(s2, sizeof s2, t->w[p].form);
            }
            append(r2, sizeof r2, a.prep);
            append(s2, sizeof s2, a.prep);
            kg_arg o2 = {kg_clause_np_without(c, w, a.case_word), kg_udtree_entity(t, w)};
            o2.entity = phrase_partner(c, p, w, a.prep, o2.entity, subj[si]);
            st = put(c, &l, s, r2, s2, o2, p, KG_EMIT_OBLIQUE, err);
        }
    }
    if (c->oom && st == KG_OK)
        st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return st;
}

kg_status kg_clauses_read(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    bool *keep = kg_arena_alloc(c->a, (t->n ? t->n : 1) * sizeof *keep);
    if (!keep)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_status st = KG_OK;
    for (size_t p = 0; p < t->n && st == KG_OK; p++) {
        if (!kg_clause_is_predicate(c, p))
            continue;
        if (kg_udtree_child(t, p, "cop") != KG_UD_NONE)
            st = read_copula(c, p, keep, err);
        else
            st = read_predicate(c, p, keep, err);
    }
    return st;
}
