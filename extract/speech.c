/* speech.c - reported speech: who said what (see relations.h).
 *
 * A verb of saying or believing (data/speech-verbs.txt,
 * data/cognition-verbs.txt) with a clausal complement reports that clause:
 * (speaker, say, what was said) is one triple, and every triple read inside
 * the clause is marked attributed, with the speaker phrase.  The report may
 * follow what it reports ("The talks failed, the minister said": the verb
 * hangs off the reported clause as parataxis) or be a phrase ("according to
 * the World Bank").  The innermost report wins: in "X said Y claimed Z", Z
 * is Y's.
 */
#include <string.h>

#include "relations_internal.h"

static bool saying(const kg_rel_ctx *c, size_t v)
{
    const kg_udtree *t = &c->t;
    const char *lem = t->w[v].lemma ? t->w[v].lemma : t->w[v].form;
    return kg_udtree_upos(t, v, "VERB") && (kg_lexicon_in(c->lx, KG_WL_SPEECH_VERBS, lem) ||
                                            kg_lexicon_in(c->lx, KG_WL_COGNITION_VERBS, lem));
}

/* Marks every predicate under root (but not under skip) as said by speaker,
 * unless an inner report already claimed it. */
static void attribute(kg_rel_ctx *c, size_t root, size_t skip, const char *speaker)
{
    const kg_udtree *t = &c->t;
    for (size_t i = t->lo[root]; i <= t->hi[root]; i++)
        if (!c->speaker[i] && kg_udtree_under(t, i, root) &&
            (skip == KG_UD_NONE || !kg_udtree_under(t, i, skip)))
            c->speaker[i] = speaker;
}

static kg_status report(kg_rel_ctx *c, size_t v, size_t clause, size_t skip, kg_error *err)
{
    const kg_udtree *t = &c->t;
    bool borrowed = false;
    size_t sh = kg_clause_subject(c, v, &borrowed);
    if (sh == KG_UD_NONE)
        return KG_OK;
    const char *speaker = kg_clause_subject_np(c, sh);
    if (c->oom)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    if (!speaker)
        return KG_OK;
    c->speech_verb[v] = true;
    attribute(c, clause, skip, speaker);
    /* what was said, without its "that" */
    size_t mk = kg_udtree_child(t, clause, "mark");
    if (mk != KG_UD_NONE)
        c->cut[mk] = true;
    if (skip != KG_UD_NONE)
        c->cut[skip] = true;
    bool oom = false;
    const char *said = kg_udtree_phrase(c->a, t, clause, c->cut, &oom);
    if (mk != KG_UD_NONE)
        c->cut[mk] = false;
    if (skip != KG_UD_NONE)
        c->cut[skip] = false;
    if (oom)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_triple tr = {0};
    tr.subject.text = speaker;
    tr.subject.entity = kg_udtree_entity(t, sh);
    tr.object.text = said;
    tr.object.entity = -1;
    tr.relation = kg_udtree_lemma(c->a, t, v);
    tr.surface = kg_arena_strndup(c->a, t->text + t->w[v].start, t->w[v].end - t->w[v].start);
    if (!tr.relation || !tr.surface)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t n;
    const size_t *k = kg_udtree_kids(t, v, &n);
    for (size_t j = 0; j < n; j++)
        if ((kg_udtree_is(t, k[j], "advmod") || kg_udtree_is(t, k[j], "neg")) &&
            kg_lexicon_in(c->lx, KG_WL_NEGATORS, t->w[k[j]].form))
            tr.negated = true;
    /* a report inside another report is attributed like any clause there */
    tr.attributed = c->speaker[v] != NULL;
    tr.attributed_to = c->speaker[v];
    tr.source = KG_SRC_PARSE;
    return kg_emit(&c->em, &tr, KG_EMIT_SPEECH, err);
}

kg_status kg_speech_read(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = &c->t;
    /* innermost reports first, so their marks stand: words deepest first,
     * in word order within a depth */
    size_t *depth = kg_arena_alloc(c->a, (t->n ? t->n : 1) * sizeof *depth);
    if (!depth)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t max_depth = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t d = 0;
        for (size_t h = t->head[i]; h != KG_UD_NONE && d <= t->n; h = t->head[h])
            d++;
        depth[i] = d;
        if (d > max_depth)
            max_depth = d;
    }
    kg_status st = KG_OK;
    for (size_t d = max_depth + 1; d-- > 0 && st == KG_OK;) {
        for (size_t v = 0; v < t->n && st == KG_OK; v++) {
            if (depth[v] != d)
                continue;
            if (saying(c, v)) {
                size_t cl = kg_udtree_child(t, v, "ccomp");
                if (cl == KG_UD_NONE) {
                    /* '"We will win," he said': the quote is the verb's
                     * parataxis or, when the verb is the root's, its head */
                    size_t n;
                    const size_t *k = kg_udtree_kids(t, v, &n);
                    for (size_t j = 0; j < n && cl == KG_UD_NONE; j++)
                        if (kg_udtree_is(t, k[j], "parataxis") && k[j] < v)
                            cl = k[j];
                }
                if (cl != KG_UD_NONE) {
                    st = report(c, v, cl, KG_UD_NONE, err);
                } else if (kg_udtree_is(t, v, "parataxis") && t->head[v] != KG_UD_NONE &&
                           t->head[v] < v) {
                    st = report(c, v, t->head[v], v, err);
                }
            }
            /* "according to X" marks the clause it modifies */
            if (st == KG_OK && (kg_udtree_is(t, v, "obl") || kg_udtree_is(t, v, "nmod")) &&
                t->head[v] != KG_UD_NONE) {
                size_t cw = kg_udtree_child(t, v, "case");
                if (cw != KG_UD_NONE &&
                    kg_lexicon_in(c->lx, KG_WL_ATTRIBUTION_PREPS, t->w[cw].form)) {
                    c->cut[cw] = true;
                    bool oom = false;
                    const char *src = kg_udtree_phrase(c->a, t, v, c->cut, &oom);
                    c->cut[cw] = false;
                    if (oom)
                        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
                    c->attribution[v] = true;
                    if (src)
                        attribute(c, t->head[v], v, src);
                }
            }
        }
    }
    return st;
}
