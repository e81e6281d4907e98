/* emit.c - label checks, deduplication and the confidence table (emit.h). */
#include "emit.h"

#include <ctype.h>
#include <string.h>

/* Ordered by how often each kind matched a CaRB dev tuple (mean best
 * precision: speech 0.82, clause 0.71, borrowed subject 0.53, copula and
 * apposition 0.47, possessive 0.32, have 0.21, active reading of a passive
 * 0.20, intransitive 0.07).  A prepositional phrase's own triple restates
 * part of its clause's, so it ranks below the clause readings though it
 * often matches.  Roles rank first: Open IE gold seldom writes them, but a
 * title before a name is the surest relation the graph gets. */
static const double confidence[KG_EMIT_KINDS] = {
    [KG_EMIT_ROLE] = 0.95,           [KG_EMIT_SPEECH] = 0.92,      [KG_EMIT_CLAUSE] = 0.90,
    [KG_EMIT_CLAUSE_BORROWED] = 0.75, [KG_EMIT_COPULA] = 0.70,      [KG_EMIT_APPOSITION] = 0.65,
    [KG_EMIT_POSSESSIVE] = 0.50,     [KG_EMIT_NOMINAL] = 0.45,     [KG_EMIT_OBLIQUE] = 0.40,
    [KG_EMIT_TITLE] = 0.35,          [KG_EMIT_HAVE] = 0.30,        [KG_EMIT_ACTIVE] = 0.25,
    [KG_EMIT_CLAUSE_NO_OBJECT] = 0.15,
};

double kg_emit_confidence(kg_emit_kind kind)
{
    return (unsigned)kind < KG_EMIT_KINDS ? confidence[kind] : 0.0;
}

void kg_emit_begin(kg_emitter *e, kg_arena *a, kg_vec *out, size_t sentence)
{
    e->arena = a;
    e->out = out;
    e->first = out->len;
    e->sentence = sentence;
}

/* Words a relation label may not consist of or end in. */
static bool stray_word(const char *w, size_t n)
{
    static const char *const stray[] = {"and", "or", "but", "nor", "the", "a", "an", "this",
                                        "that", "these", "those", "its", "their", "his", "her"};
    for (size_t i = 0; i < sizeof stray / sizeof *stray; i++)
        if (strlen(stray[i]) == n && !strncmp(w, stray[i], n))
            return true;
    return false;
}

/* At most four words, each starting with a letter, none of them a
 * conjunction or determiner. */
static bool label_ok(const char *rel)
{
    size_t words = 0;
    for (const char *p = rel; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t n = (size_t)(p - w);
        if (!isalpha((unsigned char)*w) && strncmp(w, "n't", 3))
            return false;
        for (size_t i = 0; i < n; i++)
            if (!isalnum((unsigned char)w[i]) && w[i] != '-' && w[i] != '\'' && w[i] != '.')
                return false;
        if (stray_word(w, n))
            return false;
        words++;
    }
    return words >= 1 && words <= 4;
}

static bool has_alnum(const char *s)
{
    for (; s && *s; s++)
        if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return true;
    return false;
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

kg_status kg_emit(kg_emitter *e, const kg_triple *t, kg_emit_kind kind, kg_error *err)
{
    if (!t->relation || !label_ok(t->relation) || !has_alnum(t->subject.text))
        return KG_OK;
    if (t->object.text && *t->object.text && !has_alnum(t->object.text))
        return KG_OK;
    if (t->subject.entity >= 0 && t->subject.entity == t->object.entity)
        return KG_OK;
    double c = kg_emit_confidence(kind);
    for (size_t i = e->first; i < e->out->len; i++) {
        kg_triple *o = kg_vec_at(e->out, i);
        if (o->negated == t->negated && same(o->relation, t->relation) &&
            same(o->subject.text, t->subject.text) && same(o->object.text, t->object.text)) {
            if (c > o->confidence) {
                *o = *t;
                o->confidence = c;
                o->sentence = e->sentence;
            }
            return KG_OK;
        }
    }
    kg_triple copy = *t;
    copy.confidence = c;
    copy.sentence = e->sentence;
    if (!kg_vec_push(e->out, &copy))
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return KG_OK;
}
