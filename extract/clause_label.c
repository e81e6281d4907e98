/* clause_label.c - the relation label of a predicate and its flags.
 *
 * The label is the lemma of the verb with its particle ("set up"), "be" and
 * the participle for a passive ("be born"), led by the control verbs above
 * it ("vow to eliminate"), at most four words.  Negation ("not", "no
 * longer", "refused to") and modality (a modal auxiliary or verb, a
 * condition, a time still to come, an allegation) are flags beside it, not
 * words of it, so "did not win" and "won" share the relation "win".  The
 * surface form is the verb group as written.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "clauses_internal.h"

#define MAX_CHAIN 6

static const kg_udtree *T(const kg_rel_ctx *c)
{
    return &c->t;
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

bool kg_clause_label_denied(const kg_rel_ctx *c, size_t h)
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
static void verb_group(kg_rel_ctx *c, size_t p, bool *keep, kg_clause_label *l)
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

/* "troops deployed in Gaza", "Arrested by police, he": a past participle
 * modifying a noun or standing for a clause is passive; a relative clause
 * ("which critics praised") has its own voice, "having won" its auxiliary. */
static bool participle_passive(const kg_udtree *t, size_t q)
{
    bool acl = kg_udtree_is(t, q, "acl") && !kg_udtree_is(t, q, "acl:relcl");
    bool advcl = kg_udtree_is(t, q, "advcl") && kg_udtree_child(t, q, "aux") == KG_UD_NONE;
    return (acl || advcl) && t->w[q].xpos && !strcmp(t->w[q].xpos, "VBN") &&
           kg_udtree_child(t, q, "nsubj") == KG_UD_NONE;
}

/* The link of a chain: q's lemma (with "be" for a copula), particle. */
static void link_lemma(kg_rel_ctx *c, size_t q, kg_clause_label *l)
{
    const kg_udtree *t = T(c);
    bool cop = kg_udtree_child(t, q, "cop") != KG_UD_NONE;
    bool pass = kg_udtree_child(t, q, "aux:pass") != KG_UD_NONE ||
                kg_udtree_child(t, q, "nsubj:pass") != KG_UD_NONE || participle_passive(t, q);
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
        if (!kg_udtree_is(t, x, "xcomp") || t->head[x] == KG_UD_NONE ||
            kg_clause_small_clause(t, x))
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
        if (kg_clause_is_rel_pronoun(c, k[j]) &&
            (kg_udtree_is(t, k[j], "nsubj") || kg_udtree_is(t, k[j], "obj")))
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
    return mk != KG_UD_NONE &&
           (!strcasecmp(t->w[mk].form, "if") || !strcasecmp(t->w[mk].form, "unless"));
}

/* The label of predicate p: chain, lemma, particle; flags from every link. */
static void make_label(kg_rel_ctx *c, size_t p, kg_clause_label *l, bool *keep)
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
        kg_clause_label ql = {0};
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
    kg_clause_label pl = {0};
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
    kg_clause_label tmp = {0};
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

static void surface_of(kg_rel_ctx *c, const bool *keep, kg_clause_label *l)
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

void kg_clause_label_predicate(kg_rel_ctx *c, size_t p, kg_clause_label *l, bool *keep)
{
    make_label(c, p, l, keep);
    surface_of(c, keep, l);
}

void kg_clause_label_copula(kg_rel_ctx *c, size_t p, kg_clause_label *l, bool *keep)
{
    const kg_udtree *t = T(c);
    memset(keep, 0, t->n * sizeof *keep);
    memset(l, 0, sizeof *l);
    verb_group(c, p, keep, l);
    keep[p] = false;
    /* "were no match for Y": the predicate denied */
    size_t det = kg_udtree_child(t, p, "det");
    if (det != KG_UD_NONE && !strcmp(t->w[det].form, "no"))
        l->negated = true;
    /* "wants to be part of", "refused to be drawn": the verbs above */
    for (size_t q = p, d = 0; kg_udtree_is(t, q, "xcomp") && t->head[q] != KG_UD_NONE && d < 8;
         d++) {
        q = t->head[q];
        const char *lem = t->w[q].lemma ? t->w[q].lemma : t->w[q].form;
        l->modal |= kg_lexicon_in(c->lx, KG_WL_MODAL_VERBS, lem);
        l->negated |= kg_lexicon_in(c->lx, KG_WL_NEGATING_VERBS, lem);
    }
    l->modal |= hearsay(c, p);
    surface_of(c, keep, l);
}
