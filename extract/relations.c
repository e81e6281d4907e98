/* relations.c - one sentence's tree through the three readers (relations.h). */
#include "relations_internal.h"

kg_status kg_rel_put(kg_rel_ctx *c, kg_arg s, const char *rel, const char *surf, kg_arg o,
                     size_t at, bool negated, bool modal, kg_triple_source source,
                     kg_emit_kind kind, kg_error *err)
{
    if (!s.text || !rel)
        return KG_OK;
    kg_triple tr = {0};
    tr.subject = s;
    tr.object = o;
    tr.relation = kg_arena_strdup(c->a, rel);
    tr.surface = kg_arena_strdup(c->a, surf ? surf : rel);
    if (!tr.relation || !tr.surface)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    tr.negated = negated;
    tr.modal = modal;
    tr.attributed_to = at != KG_UD_NONE ? c->speaker[at] : NULL;
    tr.attributed = tr.attributed_to != NULL;
    tr.source = source;
    return kg_emit(&c->em, &tr, kind, err);
}

/* "a Palestinian state", "Russian forces": a noun that stands for a nation,
 * with the nationality word of a country before it, names that country. */
static void national_nouns(kg_rel_ctx *c, long *ent)
{
    const kg_udtree *t = &c->t;
    for (size_t i = 0; i < t->n; i++) {
        if (ent[i] >= 0 || !kg_udtree_upos(t, i, "NOUN"))
            continue;
        const char *lem = t->w[i].lemma ? t->w[i].lemma : t->w[i].form;
        if (!kg_lexicon_in(c->lx, KG_WL_NATIONAL_NOUNS, lem))
            continue;
        size_t n;
        const size_t *k = kg_udtree_kids(t, i, &n);
        for (size_t j = 0; j < n; j++)
            if (kg_udtree_is(t, k[j], "amod") && ent[k[j]] >= 0 &&
                kg_rel_entity_type(c, ent[k[j]]) == KG_ENT_COUNTRY) {
                ent[i] = ent[k[j]];
                break;
            }
    }
}

kg_status kg_relations_extract(kg_arena *a, const kg_lexicon *lx, const kg_rel_sentence *s,
                               kg_vec *out, kg_error *err)
{
    kg_rel_ctx c = {.a = a, .lx = lx, .s = s};
    long *ent = kg_arena_alloc(a, (s->n ? s->n : 1) * sizeof *ent);
    if (!ent)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < s->n; i++)
        ent[i] = s->word_entity[i];
    kg_status st = kg_udtree_build(a, s->text, s->words, s->n, ent, &c.t, err);
    if (st != KG_OK)
        return st;
    national_nouns(&c, ent);
    size_t m = s->n ? s->n : 1;
    c.speaker = kg_arena_alloc(a, m * sizeof *c.speaker);
    c.speech_verb = kg_arena_alloc(a, m * sizeof *c.speech_verb);
    c.attribution = kg_arena_alloc(a, m * sizeof *c.attribution);
    c.cut = kg_arena_alloc(a, m * sizeof *c.cut);
    if (!c.speaker || !c.speech_verb || !c.attribution || !c.cut)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_emit_begin(&c.em, a, out, s->index);
    /* speech first: the other readers ask who said each clause */
    st = kg_speech_read(&c, err);
    if (st == KG_OK)
        st = kg_clauses_read(&c, err);
    if (st == KG_OK)
        st = kg_nominal_read(&c, err);
    return st;
}
