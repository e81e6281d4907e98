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

kg_status kg_relations_extract(kg_arena *a, const kg_lexicon *lx, const kg_rel_sentence *s,
                               kg_vec *out, kg_error *err)
{
    kg_rel_ctx c = {.a = a, .lx = lx, .s = s};
    kg_status st = kg_udtree_build(a, s->text, s->words, s->n, s->word_entity, &c.t, err);
    if (st != KG_OK)
        return st;
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
