/* entity_match.c - which earlier entity a mention names (entity_match.h). */
#include "entity_match.h"

#include <ctype.h>

#include "entity_index.h"
#include "names.h"

long kg_entity_match_key(kg_entity_finder *f, kg_entity_type type, const char *key)
{
    long best = -1;
    if (!key)
        return -1;
    for (size_t it = kg_multimap_first(f->by_key, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_key, it)) {
        size_t e = kg_multimap_value(f->by_key, it);
        if (ent_at(f, e)->type == type && eq(info_at(f, e)->key, key) &&
            (best < 0 || (long)e < best))
            best = (long)e;
    }
    return best;
}

long kg_entity_match_new(kg_entity_finder *f, const kg_cand *c, const char *key)
{
    kg_entity e = {0};
    e.name = c->name;
    e.type = c->type;
    e.first_offset = (size_t)-1;
    if (c->country && (c->type == KG_ENT_COUNTRY || c->type == KG_ENT_LOCATION ||
                       c->type == KG_ENT_PERSON || c->type == KG_ENT_ORGANIZATION)) {
        memcpy(e.iso2, c->country->alpha2, sizeof e.iso2);
        memcpy(e.iso3, c->country->alpha3, sizeof e.iso3);
    }
    kg_entity_info in = {0};
    in.key = key;
    in.first = kg_name_first_word(f->a, c->name);
    in.last = kg_name_surname_core(kg_name_last_word(c->name));
    in.n_name_tokens = kg_name_count_words(c->name);
    in.gender = c->gender;
    kg_vec_init(&in.aliases, sizeof(const char *));
    kg_vec_init(&in.roles, sizeof(const char *));
    if (!kg_vec_push(&f->ents, &e))
        return -1;
    if (!kg_vec_push(&f->ent_info, &in)) {
        f->ents.len--;
        return -1;
    }
    size_t i = f->ents.len - 1;
    return kg_entity_index_add(f, i) == KG_OK ? (long)i : -1;
}

/* How many of name's first words are particles before a surname: "von der
 * Leyen", or "Von der Leyen" opening a sentence, is the surname "Leyen";
 * "Al Gore" and "Ben Wallace" are given names.  At most words - 1. */
static size_t leading_particles(kg_entity_finder *f, const char *name, size_t words)
{
    size_t n = 0;
    for (const char *p = name, *sp; n + 1 < words && (sp = strchr(p, ' ')); p = sp + 1) {
        if (!kg_name_is_particle(p, (size_t)(sp - p), false))
            break;
        bool lower = islower((unsigned char)p[0]) || islower((unsigned char)sp[1]);
        if (!lower && kg_lexicon_is_given_name(f->lx, kg_name_first_word(f->a, p)))
            break;
        n++;
    }
    return n;
}

long kg_entity_match_person(kg_entity_finder *f, const char *name)
{
    size_t words = kg_name_count_words(name);
    const char *last = kg_name_surname_core(kg_name_last_word(name));
    words -= leading_particles(f, name, words);
    if (words == 1)
        name = last;
    long best = -1, alone = -1;
    size_t best_seen = 0;
    const kg_multimap *m = f->by_last;
    const char *first = words >= 2 ? kg_name_first_word(f->a, name) : NULL;
    for (size_t it = kg_multimap_first(m, last, strlen(last)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(m, it)) {
        size_t e = kg_multimap_value(m, it);
        const kg_entity_info *in = info_at(f, e);
        if (first && in->n_name_tokens >= 2 && eq(in->first, first)) {
            if (best < 0 || (long)e < best)
                best = (long)e;
        } else if (first && in->n_name_tokens == 1) {
            if (alone < 0 || (long)e < alone)
                alone = (long)e;
        } else if (!first && (best < 0 || in->last_seen > best_seen ||
                              (in->last_seen == best_seen && (long)e > best))) {
            best = (long)e; /* the latest seen; of equals, the later entity */
            best_seen = in->last_seen;
        }
    }
    if (first)
        return best >= 0 ? best : alone;
    if (best >= 0)
        return best;
    /* that given name, if one person has it (two: leave it) */
    best = kg_entity_index_tally_one(f, f->firsts, name);
    if (best != -1)
        return best >= 0 ? best : -1;
    /* a middle name the article goes on to use: "Lula" of "Luiz Inacio Lula
     * da Silva"; only when one person has it */
    if (strlen(name) <= 1)
        return -1;
    best = kg_entity_index_tally_one(f, f->middles, name);
    return best >= 0 ? best : -1;
}

long kg_entity_match_any(kg_entity_finder *f, const char *key)
{
    long best = -1;
    for (size_t it = kg_multimap_first(f->by_key, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_key, it)) {
        size_t e = kg_multimap_value(f->by_key, it);
        if (eq(info_at(f, e)->key, key) && (best < 0 || (long)e < best))
            best = (long)e;
    }
    size_t a;
    if (kg_strmap_get(f->alias_keys, key, &a) && (best < 0 || (long)a < best))
        best = (long)a;
    return best;
}

long kg_entity_match_latest(kg_entity_finder *f, kg_gender g, size_t before)
{
    int l = g == KG_GENDER_MALE     ? KG_RECENT_MALE
            : g == KG_GENDER_FEMALE ? KG_RECENT_FEMALE
                                    : KG_RECENT_ANY;
    for (size_t e = f->recent[l]; e != KG_NO_ENTITY; e = info_at(f, e)->older[l])
        if (info_at(f, e)->last_seen < before)
            return (long)e;
    return -1;
}

long kg_entity_match_role_holder(kg_entity_finder *f, const char *role)
{
    long best = -1;
    size_t seen = 0;
    char *key = kg_name_lower_copy(f->a, role, strlen(role));
    if (!key)
        return -1;
    for (size_t it = kg_multimap_first(f->by_role, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_role, it)) {
        size_t e = kg_multimap_value(f->by_role, it);
        size_t s = info_at(f, e)->last_seen;
        if (best < 0 || s > seen || (s == seen && (long)e > best)) {
            best = (long)e;
            seen = s;
        }
    }
    return best;
}
