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
 *
 * A predicate's subject and arguments come from clause.c and its label
 * from clause_label.c; this file decides which triples they make.
 */
#include <string.h>
#include <strings.h>

#include "clauses_internal.h"

static const kg_udtree *T(const kg_rel_ctx *c)
{
    return &c->t;
}

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

/* The subject as an argument: a relative pronoun's antecedent is already
 * resolved by kg_clause_subject. */
/* The entity argument head h names.  "could not catch Britain's Mark
 * Lewis-Francis", parsed with "Britain" for the object: a word marked by
 * "'s" possesses; the phrase names what it possesses, or no one. */
static long arg_entity(kg_rel_ctx *c, size_t h)
{
    const kg_udtree *t = T(c);
    size_t cs = kg_udtree_child(t, h, "case");
    if (cs == KG_UD_NONE || kg_udtree_is(t, h, "nmod:poss") ||
        (strcmp(t->w[cs].form, "'s") && strcmp(t->w[cs].form, "'")))
        return kg_udtree_entity(t, h);
    size_t nk;
    const size_t *kk = kg_udtree_kids(t, h, &nk);
    for (size_t j = 0; j < nk; j++)
        if (kk[j] > cs && (kg_udtree_upos(t, kk[j], "PROPN") || kg_udtree_upos(t, kk[j], "NOUN")) &&
            !kg_udtree_is(t, kk[j], "flat") && !kg_udtree_is(t, kk[j], "compound"))
            return kg_udtree_entity(t, kk[j]);
    return -1;
}

static kg_arg make_arg(kg_rel_ctx *c, size_t h, const char *text)
{
    kg_arg a = {.text = text, .entity = arg_entity(c, h)};
    return a;
}

static kg_status put(kg_rel_ctx *c, const kg_clause_label *l, kg_arg s, const char *rel,
                     const char *surf, kg_arg o, size_t pred, kg_emit_kind kind, kg_error *err)
{
    return kg_rel_put(c, s, rel, surf, o, pred, l->negated, l->modal, KG_SRC_PARSE, kind, err);
}

/* put, for an object conjunct oh that may be denied on its own */
static kg_status put_conjunct(kg_rel_ctx *c, const kg_clause_label *l, kg_arg s, const char *rel,
                              const char *surf, kg_arg o, size_t oh, size_t pred, kg_emit_kind kind,
                              kg_error *err)
{
    bool negated = l->negated != kg_clause_label_denied(c, oh);
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

static kg_status nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
}

/* One predicate as it is read: what all its triples share. */
typedef struct reading {
    size_t p; /* the predicate */
    kg_clause_label l;
    kg_clause_arg args[KG_CLAUSE_MAX_ARGS];
    size_t na;
    size_t sh; /* the subject conjunct being read */
    kg_arg s;  /* and its phrase */
} reading;

/* "put Milburn in charge": a verb of data/complement-verbs.txt takes into
 * rel (and surf) the preposition and noun of its first phrase that names
 * no entity, and returns 1; -1 when it has none, and the clause says
 * nothing of its object; 0 for any other verb. */
static int complete(kg_rel_ctx *c, const reading *r, char *rel, size_t nrel, char *surf,
                    size_t nsurf)
{
    const kg_udtree *t = T(c);
    const char *lem = kg_udtree_lemma(c->a, t, r->p);
    if (!lem || !kg_lexicon_in(c->lx, KG_WL_COMPLEMENT_VERBS, lem) ||
        kg_udtree_child(t, r->p, "compound:prt") != KG_UD_NONE) /* "set up" is whole */
        return 0;
    for (size_t k = 1; k < r->na; k++) {
        const kg_clause_arg *a = &r->args[k];
        if (a->kind != KG_ARG_OBL || !*a->prep || kg_udtree_entity(t, a->head) >= 0 ||
            !kg_udtree_upos(t, a->head, "NOUN"))
            continue;
        const char *nf = noun_form(c, a->head);
        append(rel, nrel, a->prep);
        append_lower(rel, nrel, nf);
        append(surf, nsurf, a->prep);
        append(surf, nsurf, nf);
        return 1;
    }
    return -1;
}

/* The main triple, one per conjunct of the first argument: the relation
 * with the argument's preposition, the object with the clause's other
 * phrases after it, for Open IE; and the same without them. */
static kg_status put_main(kg_rel_ctx *c, const reading *r, kg_emit_kind kind, kg_error *err)
{
    const kg_clause_arg *args = r->args;
    size_t p = r->p, na = r->na;
    size_t oc[8];
    size_t no = args[0].kind == KG_ARG_CCOMP ? 1 : kg_clause_conjuncts(c, args[0].head, oc, 8);
    if (args[0].kind == KG_ARG_CCOMP)
        oc[0] = args[0].head;
    kg_status st = KG_OK;
    for (size_t oi = 0; oi < no && st == KG_OK; oi++) {
        kg_clause_arg first = args[0];
        first.head = oi ? oc[oi] : kg_clause_object(c, p, args[0].head);
        if (first.kind == KG_ARG_OBL && oi) {
            /* "on Russia and China": the conjunct shares the preposition */
            kg_clause_prep(c, first.head, &first);
            if (!*first.prep)
                snprintf(first.prep, sizeof first.prep, "%s", args[0].prep);
        }
        char rel[160], surf[224];
        snprintf(rel, sizeof rel, "%s", r->l.rel);
        snprintf(surf, sizeof surf, "%s", r->l.surf);
        if (first.kind == KG_ARG_OBL && *first.prep) {
            append(rel, sizeof rel, first.prep);
            append(surf, sizeof surf, first.prep);
        }
        /* the short triple carries the completed label and the edge */
        char crel[160], csurf[224];
        memcpy(crel, rel, sizeof crel);
        memcpy(csurf, surf, sizeof csurf);
        int completion = first.kind == KG_ARG_OBJ ? complete(c, r, crel, sizeof crel, csurf, sizeof csurf) : 0;
        const char *otext = kg_clause_arg_text(c, &first, false);
        /* the clause's other phrases follow the object, for Open IE */
        char *full = otext ? kg_arena_strdup(c->a, otext) : NULL;
        for (size_t k = 1; k < na && full; k++) {
            const char *more = kg_clause_arg_text(c, &args[k], true);
            if (more)
                full = kg_arena_printf(c->a, "%s %s", full, more);
        }
        if (c->oom || (otext && !full))
            return nomem(err);
        kg_arg o = {full, arg_entity(c, first.head)};
        /* "suspended alongside Bergkamp": no partner, no edge */
        if (first.kind == KG_ARG_OBL && kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, first.prep))
            o.entity = -1;
        kg_arg o1 = {otext, completion < 0 ? -1 : o.entity};
        if (completion)
            o.entity = -1;
        st = put_conjunct(c, &r->l, r->s, rel, surf, o, first.head, p, kind, err);
        if (st == KG_OK && na > 1)
            st = put_conjunct(c, &r->l, r->s, completion > 0 ? crel : rel,
                              completion > 0 ? csurf : surf, o1, first.head, p, KG_EMIT_OBLIQUE,
                              err);
    }
    return st;
}

/* "hosted by Blair": Blair hosts it. */
static kg_status put_active(kg_rel_ctx *c, const reading *r, kg_arg agent, kg_error *err)
{
    const kg_udtree *t = T(c);
    char arel[128], asurf[128];
    const char *lem = kg_udtree_lemma(c->a, t, r->p);
    snprintf(arel, sizeof arel, "%s", lem ? lem : "");
    snprintf(asurf, sizeof asurf, "%s", t->w[r->p].form);
    size_t prt = kg_udtree_child(t, r->p, "compound:prt");
    if (prt != KG_UD_NONE) {
        append_lower(arel, sizeof arel, t->w[prt].form);
        append(asurf, sizeof asurf, t->w[prt].form);
    }
    return put(c, &r->l, agent, arel, asurf, r->s, r->p, KG_EMIT_ACTIVE, err);
}

/* The triple of phrase a, a conjunct of the phrase headed by w. */
static kg_status put_phrase(kg_rel_ctx *c, const reading *r, size_t w, const kg_clause_arg *a,
                            kg_error *err)
{
    const kg_udtree *t = T(c);
    const kg_clause_arg *obj = &r->args[0];
    /* "increase humanitarian aid to Gaza": the object's noun
     * says what went to Gaza ("increase aid to"); the label
     * reads as the sentence does, so not when the phrase
     * comes first ("communicated to X the need for") */
    char rel[160], surf[224];
    snprintf(rel, sizeof rel, "%s", r->l.rel);
    snprintf(surf, sizeof surf, "%s", r->l.surf);
    bool named_obj = false;
    if (obj->kind == KG_ARG_OBJ && kg_udtree_upos(t, obj->head, "NOUN") &&
        kg_udtree_entity(t, obj->head) < 0 && obj->head < a->head && !marked_object(t, obj->head)) {
        const char *nf = noun_form(c, obj->head);
        append_lower(rel, sizeof rel, nf);
        append(surf, sizeof surf, nf);
    }
    /* "joined Diaghilev in Monte Carlo": the one named is
     * the partner, and "join in" would not say so */
    if (obj->kind == KG_ARG_OBJ && kg_udtree_upos(t, obj->head, "PROPN") &&
        kg_udtree_entity(t, obj->head) < 0 && obj->head < a->head)
        named_obj = true;
    append(rel, sizeof rel, a->prep);
    append(surf, sizeof surf, a->prep);
    kg_arg o = {kg_clause_np_without(c, a->head, a->case_word), arg_entity(c, a->head)};
    o.entity = named_obj ? -1 : phrase_partner(c, r->p, w, a->prep, o.entity, r->sh);
    bool agent = kg_udtree_is(t, w, "obl:agent") || (r->l.passive && !strcmp(a->prep, "by"));
    if (agent && r->l.passive)
        return put_active(c, r, o, err);
    return put_conjunct(c, &r->l, r->s, rel, surf, o, a->head, r->p, KG_EMIT_OBLIQUE, err);
}

/* One triple per prepositional phrase after the first and per conjunct
 * of it. */
static kg_status put_phrases(kg_rel_ctx *c, const reading *r, kg_error *err)
{
    kg_status st = KG_OK;
    for (size_t k = 1; k < r->na && st == KG_OK; k++) {
        const kg_clause_arg *ak = &r->args[k];
        if (ak->kind != KG_ARG_OBL || !*ak->prep ||
            kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, ak->prep))
            continue;
        size_t cc[8];
        size_t nc = kg_clause_conjuncts(c, ak->head, cc, 8);
        for (size_t ci = 0; ci < nc && st == KG_OK; ci++) {
            kg_clause_arg a = *ak;
            a.head = cc[ci];
            if (ci)
                kg_clause_prep(c, cc[ci], &a);
            if (!*a.prep)
                snprintf(a.prep, sizeof a.prep, "%s", ak->prep);
            st = put_phrase(c, r, ak->head, &a, err);
        }
    }
    return st;
}

/* The first phrase alone, when it is the agent of a passive. */
static kg_status put_first_agent(kg_rel_ctx *c, const reading *r, kg_error *err)
{
    const kg_clause_arg *a = &r->args[0];
    if (r->na < 1 || a->kind != KG_ARG_OBL || !r->l.passive || strcmp(a->prep, "by"))
        return KG_OK;
    kg_arg o = {kg_clause_np_without(c, a->head, a->case_word), arg_entity(c, a->head)};
    return put_active(c, r, o, err);
}

/* "held talks with X", "made stops in Chile": through the noun of object
 * obj, one triple per phrase of it that names an entity. */
static kg_status put_through_object(kg_rel_ctx *c, const reading *r, size_t obj, kg_error *err)
{
    const kg_udtree *t = T(c);
    size_t nk;
    const size_t *kk = kg_udtree_kids(t, obj, &nk);
    bool of_seen = false; /* "a range of characters from X": X is theirs */
    kg_status st = KG_OK;
    for (size_t j = 0; j < nk && st == KG_OK; j++) {
        if (!kg_udtree_is(t, kk[j], "nmod") || kg_udtree_is(t, kk[j], "nmod:poss"))
            continue;
        if (of_seen)
            break;
        size_t ofc = kg_udtree_child(t, kk[j], "case");
        of_seen = ofc != KG_UD_NONE && !strcmp(t->w[ofc].form, "of");
        size_t cc[8];
        size_t nc = kg_clause_conjuncts(c, kk[j], cc, 8);
        for (size_t ci = 0; ci < nc && st == KG_OK; ci++) {
            kg_clause_arg a = {.head = cc[ci]};
            kg_clause_prep(c, cc[ci], &a);
            if (!*a.prep && ci)
                kg_clause_prep(c, kk[j], &a);
            /* "of" names a part, "between" a pair (nominal.c) */
            if (!*a.prep || !strcmp(a.prep, "of") || !strcmp(a.prep, "between"))
                continue;
            char rel[160], surf[224];
            snprintf(rel, sizeof rel, "%s", r->l.rel);
            const char *nf = noun_form(c, obj);
            append_lower(rel, sizeof rel, nf);
            append(rel, sizeof rel, a.prep);
            snprintf(surf, sizeof surf, "%s", r->l.surf);
            append(surf, sizeof surf, nf);
            append(surf, sizeof surf, a.prep);
            kg_arg o = {kg_clause_np_without(c, cc[ci], a.case_word), kg_udtree_entity(t, cc[ci])};
            if (person_as_place(c, a.prep, o.entity) || guessed_subject(t, r->sh))
                o.entity = -1;
            if (o.entity >= 0)
                st = put(c, &r->l, r->s, rel, surf, o, r->p, KG_EMIT_OBLIQUE, err);
        }
    }
    return st;
}

/* "He said Mr Jones and himself had no intention": a name as the object
 * of a verb whose object is what was said (data/content-verbs.txt) is the
 * subject of a reported clause the parser cut short. */
static bool cut_report(kg_rel_ctx *c, const reading *r)
{
    const kg_udtree *t = T(c);
    if (r->na == 0 || r->args[0].kind != KG_ARG_OBJ)
        return false;
    size_t o = r->args[0].head;
    if (kg_udtree_entity(t, o) < 0 && !kg_udtree_upos(t, o, "PROPN"))
        return false;
    const char *lem = kg_udtree_lemma(c->a, t, r->p);
    return lem && kg_lexicon_in(c->lx, KG_WL_CONTENT_VERBS, lem);
}

/* The triples of the predicate for one subject conjunct. */
static kg_status read_subject(kg_rel_ctx *c, const reading *r, kg_emit_kind main_kind,
                              kg_error *err)
{
    const kg_udtree *t = T(c);
    if (c->speech_verb[r->p] && (r->na == 0 || r->args[0].kind != KG_ARG_OBJ))
        return KG_OK; /* what was said is speech.c's triple */
    if (cut_report(c, r))
        return KG_OK;
    if (r->na == 0)
        return put(c, &r->l, r->s, r->l.rel, r->l.surf, (kg_arg){NULL, -1}, r->p,
                   KG_EMIT_CLAUSE_NO_OBJECT, err);
    kg_status st = put_main(c, r, main_kind, err);
    if (st == KG_OK)
        st = put_phrases(c, r, err);
    if (st == KG_OK)
        st = put_first_agent(c, r, err);
    for (size_t k = 0; k < r->na && st == KG_OK; k++) {
        size_t obj = r->args[k].head;
        /* not through a pronoun or a name: "believed anyone from Channel 4
         * had tried" is no belief in Channel 4 */
        if (r->args[k].kind == KG_ARG_OBJ && kg_udtree_entity(t, obj) < 0 && !marked_object(t, obj) &&
            kg_udtree_upos(t, obj, "NOUN"))
            st = put_through_object(c, r, obj, err);
    }
    return st;
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
    reading r = {.p = p};
    kg_clause_label_predicate(c, p, &r.l, keep);
    if (r.l.oom)
        return nomem(err);
    r.na = kg_clause_args(c, p, r.args);
    kg_emit_kind main_kind = borrowed ? KG_EMIT_CLAUSE_BORROWED : KG_EMIT_CLAUSE;

    size_t subj[8];
    size_t ns = kg_clause_conjuncts(c, sh, subj, 8);
    for (size_t si = 0; si < ns; si++) {
        r.sh = subj[si];
        const char *stext = kg_clause_subject_np(c, subj[si]);
        r.s = make_arg(c, subj[si], stext);
        if (c->oom)
            return nomem(err);
        kg_status st = read_subject(c, &r, main_kind, err);
        if (st != KG_OK)
            return st;
        if (c->oom)
            return nomem(err);
    }
    return KG_OK;
}

/* Phrase w of nominal predicate p, which has preposition own_prep ("" if
 * none): "a fellow at Y", "critical of Y", and the clause's phrases. */
static kg_status put_copula_phrase(kg_rel_ctx *c, size_t p, const kg_clause_label *l,
                                   const char *own_prep, kg_arg s, size_t sh, size_t w,
                                   kg_error *err)
{
    const kg_udtree *t = T(c);
    bool nm = kg_udtree_is(t, w, "nmod") && !kg_udtree_is(t, w, "nmod:poss");
    if (!nm && !kg_udtree_is(t, w, "obl"))
        return KG_OK;
    if (c->attribution[w])
        return KG_OK;
    kg_clause_arg a = {.head = w};
    kg_clause_prep(c, w, &a);
    if (!*a.prep)
        return KG_OK;
    /* "was in talks with Y": through the noun, "be in talks with";
     * a phrase of the clause ("was in Iraq on Monday") keeps only
     * its own preposition, "be on" */
    char r2[160] = "be", s2[224];
    snprintf(s2, sizeof s2, "%s", l->surf);
    const char *lem = kg_udtree_lemma(c->a, t, p);
    if (*own_prep && nm) {
        append(r2, sizeof r2, own_prep);
        append(s2, sizeof s2, own_prep);
        append_lower(r2, sizeof r2, noun_form(c, p)); /* "talks", as written */
        append(s2, sizeof s2, t->w[p].form);
    } else if (!*own_prep && (nm || kg_udtree_upos(t, p, "ADJ"))) {
        append(r2, sizeof r2, lem);
        append(s2, sizeof s2, t->w[p].form);
    }
    append(r2, sizeof r2, a.prep);
    append(s2, sizeof s2, a.prep);
    kg_arg o2 = {kg_clause_np_without(c, w, a.case_word), kg_udtree_entity(t, w)};
    o2.entity = phrase_partner(c, p, w, a.prep, o2.entity, sh);
    return put(c, l, s, r2, s2, o2, p, KG_EMIT_OBLIQUE, err);
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
    kg_clause_label l;
    kg_clause_label_copula(c, p, &l, keep);
    kg_clause_arg own = {.head = p};
    kg_clause_prep(c, p, &own);
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
    size_t ns = kg_clause_conjuncts(c, sh, subj, 8);
    kg_status st = KG_OK;
    for (size_t si = 0; si < ns && st == KG_OK; si++) {
        kg_arg s = make_arg(c, subj[si], kg_clause_subject_np(c, subj[si]));
        kg_arg o = {pred, *own.prep ? kg_udtree_entity(t, p) : -1};
        st = put(c, &l, s, rel, surf, o, p, borrowed ? KG_EMIT_CLAUSE_BORROWED : KG_EMIT_COPULA,
                 err);
        /* "one of four Britons", "some of them" name a part, no relation */
        bool part = kg_udtree_upos(t, p, "NUM") || kg_udtree_upos(t, p, "PRON") ||
                    kg_udtree_upos(t, p, "DET");
        for (size_t j = 0; j < n && st == KG_OK && !part; j++)
            st = put_copula_phrase(c, p, &l, own.prep, s, subj[si], k[j], err);
    }
    if (c->oom && st == KG_OK)
        st = nomem(err);
    return st;
}

kg_status kg_clauses_read(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    bool *keep = kg_arena_alloc(c->a, (t->n ? t->n : 1) * sizeof *keep);
    if (!keep)
        return nomem(err);
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
