/* clause.c - the parts of one clause that the readers of relations_internal.h
 * share: which words head a predicate, a predicate's subject (through
 * control, coordination and relative pronouns), its objects and
 * prepositional phrases, and the text of a noun phrase argument.
 *
 * They are apart from the clause reader (clauses.c) because nominal.c and
 * speech.c ask the same questions of the same tree; what the reader alone
 * needs (argument lists, prepositions, conjuncts) is declared in
 * clauses_internal.h.
 */
#include <ctype.h>
#include <string.h>

#include "clauses_internal.h"

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

bool kg_clause_is_rel_pronoun(const kg_rel_ctx *c, size_t i)
{
    return wh_word(c, i, true) ||
           (kg_udtree_upos(T(c), i, "PRON") && T(c)->w[i].lemma &&
            !strcmp(T(c)->w[i].lemma, "that") && kg_udtree_is(T(c), T(c)->head[i], "acl"));
}

bool kg_clause_small_clause(const kg_udtree *t, size_t x)
{
    /* "stressed it would be up to X": a verb of its own, or "be" */
    bool clause = kg_udtree_upos(t, x, "VERB") || kg_udtree_child(t, x, "cop") != KG_UD_NONE;
    return kg_udtree_is(t, x, "xcomp") && clause &&
           kg_udtree_child(t, x, "mark") == KG_UD_NONE && t->head[x] != KG_UD_NONE &&
           kg_udtree_child(t, t->head[x], "obj") != KG_UD_NONE;
}

bool kg_clause_is_predicate(const kg_rel_ctx *c, size_t i)
{
    const kg_udtree *t = T(c);
    static const char *const not_clause[] = {"aux",      "cop",  "amod",  "compound",
                                             "case",     "mark", "fixed", "flat",
                                             "goeswith", "det",  "cc",    "punct"};
    for (size_t k = 0; k < sizeof not_clause / sizeof *not_clause; k++)
        if (kg_udtree_is(t, i, not_clause[k]))
            return false;
    /* "compared to Labour", "following the talks": a preposition */
    if (kg_udtree_upos(t, i, "VERB") && kg_udtree_child(t, i, "nsubj") == KG_UD_NONE &&
        kg_udtree_child(t, i, "aux") == KG_UD_NONE &&
        kg_udtree_child(t, i, "aux:pass") == KG_UD_NONE) {
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
            while (t->head[w] != KG_UD_NONE && t->head[w] < rw &&
                   t->entity[t->head[w]] == t->entity[w])
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
    return wh_word(c, rw, false) && !kg_udtree_is(t, p, "acl") && rw > 0 &&
           (t->lo[p] == rw || t->lo[p] + 1 == rw) && !strcmp(t->w[rw - 1].form, ",");
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
            if (kg_clause_is_rel_pronoun(c, s) && kg_udtree_is(t, p, "acl")) {
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
        /* "received an award, presented by Noel Gallagher": a passive
         * participle with its agent after the object tells of the object
         * ("spent two years focused on Russia" tells of the subject), as a
         * clause or parsed as a conjunct */
        size_t o = kg_udtree_child(t, h, "obj");
        if (t->w[p].xpos && !strcmp(t->w[p].xpos, "VBN") && p > h && o != KG_UD_NONE && o < p &&
            kg_udtree_child(t, p, "obl:agent") != KG_UD_NONE &&
            kg_udtree_child(t, p, "aux") == KG_UD_NONE && kg_udtree_child(t, p, "cc") == KG_UD_NONE &&
            ((kg_udtree_is(t, p, "advcl") && kg_udtree_child(t, p, "mark") == KG_UD_NONE) ||
             kg_udtree_is(t, p, "conj")))
            return o;
        if (kg_clause_small_clause(t, p)) {
            return kg_udtree_child(t, h, "obj");
        } else if (kg_udtree_is(t, p, "xcomp")) {
            /* "urged X to sign": X signs, but the label is "urge to sign"
             * on the urging subject, as Open IE writes it */
            p = h;
        } else if (kg_udtree_is(t, p, "conj") && kg_clause_is_predicate(c, h) &&
                   coordinated(t, p)) {
            p = h;
        } else if (kg_udtree_is(t, p, "acl")) {
            return h; /* "troops deployed in", "the man who" */
        } else if (kg_udtree_is(t, p, "advcl") && kg_udtree_child(t, p, "mark") == KG_UD_NONE &&
                   t->w[p].xpos && (!strcmp(t->w[p].xpos, "VBG") || !strcmp(t->w[p].xpos, "VBN"))) {
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

size_t kg_clause_object(const kg_rel_ctx *c, size_t p, size_t o)
{
    const kg_udtree *t = T(c);
    if ((kg_clause_is_rel_pronoun(c, o) && kg_udtree_is(t, p, "acl")) ||
        set_off_relative(c, p, o)) {
        size_t a = antecedent(c, p, o);
        return a != KG_UD_NONE ? a : o;
    }
    return o;
}

/* ------------------------------------------------------------ arguments */

void kg_clause_prep(kg_rel_ctx *c, size_t h, kg_clause_arg *a)
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
    /* "to Guantanamo Bay" with "to" hung off "Guantanamo": a marker the
     * parser gave a name's first word before the head is still the
     * phrase's */
    for (size_t j = 0; j < n && a->case_word == KG_UD_NONE; j++)
        if (k[j] < h && kg_udtree_is(t, k[j], "compound") && t->lo[k[j]] == t->lo[h]) {
            size_t cw = kg_udtree_child(t, k[j], "case");
            if (cw != KG_UD_NONE && cw == t->lo[h] && kg_udtree_upos(t, cw, "ADP")) {
                a->case_word = cw;
                append_lower(a->prep, sizeof a->prep, t->w[cw].form);
            }
        }
    /* "'s" is a possessive marker, not a preposition */
    if (!strcmp(a->prep, "'s") || !strcmp(a->prep, "’s") || !strcmp(a->prep, "'")) {
        a->prep[0] = '\0';
        a->case_word = KG_UD_NONE;
    }
}

/* "get past Scotland" with "past" an adjective of "Scotland", "taken to
 * Guantanamo Bay" with "Bay" the object: an object whose phrase opens with
 * a preposition is a phrase the parser misread, and reads as one. */
static void object_marker(kg_rel_ctx *c, size_t w, kg_clause_arg *a)
{
    const kg_udtree *t = T(c);
    size_t f = t->lo[w];
    if (f >= w || t->head[f] == KG_UD_NONE || kg_udtree_entity(t, f) >= 0 ||
        !(kg_udtree_upos(t, f, "ADP") || kg_lexicon_in(c->lx, KG_WL_PREPOSITIONS, t->w[f].form)))
        return;
    a->kind = KG_ARG_OBL;
    a->case_word = f;
    a->prep[0] = '\0';
    append_lower(a->prep, sizeof a->prep, t->w[f].form);
}

size_t kg_clause_args(kg_rel_ctx *c, size_t p, kg_clause_arg *out)
{
    const kg_udtree *t = T(c);
    size_t n, na = 0;
    const size_t *k = kg_udtree_kids(t, p, &n);
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < n && na < KG_CLAUSE_MAX_ARGS; j++) {
            size_t w = k[j];
            kg_clause_arg a = {.head = w, .case_word = KG_UD_NONE};
            bool obj = kg_udtree_is(t, w, "obj") || kg_udtree_is(t, w, "iobj");
            if (pass == 0 && obj) {
                a.kind = KG_ARG_OBJ;
                object_marker(c, w, &a);
            } else if (pass == 1 && kg_udtree_is(t, w, "obl") && !c->attribution[w]) {
                a.kind = KG_ARG_OBL;
                kg_clause_prep(c, w, &a);
            } else if (pass == 1 && kg_udtree_is(t, w, "xcomp") && !kg_udtree_upos(t, w, "VERB")) {
                a.kind = KG_ARG_XCOMP;
            } else if (pass == 1 && kg_udtree_is(t, w, "ccomp") && !c->speech_verb[p]) {
                a.kind = KG_ARG_CCOMP;
            } else {
                continue;
            }
            out[na++] = a;
        }
    return na;
}

const char *kg_clause_arg_text(kg_rel_ctx *c, const kg_clause_arg *a, bool with_prep)
{
    if (a->kind == KG_ARG_CCOMP) {
        size_t mk = kg_udtree_child(T(c), a->head, "mark");
        return phrase_cut(c, a->head, np_cut, mk);
    }
    if (a->kind == KG_ARG_OBL && !with_prep)
        return kg_clause_np_without(c, a->head, a->case_word);
    return kg_clause_np(c, a->head);
}

size_t kg_clause_conjuncts(const kg_rel_ctx *c, size_t i, size_t *out, size_t cap)
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
