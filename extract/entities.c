/* entities.c - mentions to entities.
 *
 * Two passes.  The first walks each sentence's tokens and turns capitalized
 * runs, nationality words, pronouns and role descriptions into candidate
 * mentions with a type and a name.  The second walks the candidates in text
 * order and ties each to an entity: countries by ISO code, organizations and
 * places by normalized name or acronym, people by full name or, for short
 * forms, by surname against the people already seen; pronouns and role
 * descriptions against the most recent fitting person.  Text order matters
 * because news introduces an actor in full and shortens afterwards.
 *
 * This file drives both passes and writes the result; the first pass is
 * mentions.c, the lookups of the second entity_match.c over the indexes of
 * entity_index.c, and the word tests and name keys names.c. */
#include "entities_internal.h"

#include <stdlib.h>

#include "entity_index.h"
#include "entity_match.h"
#include "mentions.h"
#include "names.h"

static const char *surface(kg_entity_finder *f, const kg_token *t, size_t from, size_t to)
{
    return kg_arena_strndup(f->a, f->text + t[from].start, t[to - 1].end - t[from].start);
}

/* Adds s to v unless it is there; *added says which. */
static kg_status add_string(kg_entity_finder *f, kg_vec *v, const char *s, bool *added)
{
    *added = false;
    for (size_t i = 0; i < v->len; i++)
        if (eq(*(const char **)kg_vec_at(v, i), s))
            return KG_OK;
    if (!kg_vec_push(v, &s))
        return nomem(f);
    *added = true;
    return KG_OK;
}

static kg_status resolve_name(kg_entity_finder *f, kg_cand *c)
{
    const char *key = kg_name_key(f->a, c->type == KG_ENT_COUNTRY ? c->country->alpha2 : c->name);
    if (!key)
        return nomem(f);
    long e = -1;
    if (c->kind == KG_CAND_UNKNOWN) {
        e = kg_entity_match_person(f, c->name);
        if (e < 0)
            e = kg_entity_match_any(f, key);
        /* a country's key is its code: "It" opening a sentence is no "IT" */
        if (e >= 0 && ent_at(f, (size_t)e)->type == KG_ENT_COUNTRY && strlen(c->name) <= 3 &&
            !kg_name_is_all_caps(c->name))
            e = -1;
        if (e >= 0) {
            c->type = ent_at(f, (size_t)e)->type;
            c->how = KG_RES_SHORT;
        }
    } else if (c->acronym_of) {
        e = kg_entity_match_key(f, KG_ENT_ORGANIZATION, kg_name_key(f->a, c->acronym_of));
    } else if (c->type == KG_ENT_PERSON) {
        e = kg_entity_match_person(f, c->name);
        /* "Mrs Howard" is not "Michael Howard" */
        if (e >= 0 && c->gender != KG_GENDER_UNKNOWN &&
            info_at(f, (size_t)e)->gender != KG_GENDER_UNKNOWN &&
            info_at(f, (size_t)e)->gender != c->gender)
            e = -1;
        if (e >= 0 && kg_name_count_words(c->name) < info_at(f, (size_t)e)->n_name_tokens)
            c->how = KG_RES_SHORT;
    } else {
        /* "Matt Dawson", then "Robinson dropped Dawson": a town's one-word
         * name (or its team's) that is no place of the story, said after a
         * person of that surname, is the person */
        bool town = c->type == KG_ENT_LOCATION || (c->type == KG_ENT_ORGANIZATION && c->team);
        if (town && !c->placed && !strchr(c->name, ' ') &&
            (e = kg_entity_match_person(f, c->name)) >= 0) {
            c->type = KG_ENT_PERSON;
            c->how = KG_RES_SHORT;
        }
        if (e < 0)
            e = kg_entity_match_key(f, c->type, key);
        if (e < 0 && c->type == KG_ENT_ORGANIZATION && !strchr(c->name, ' ') && !c->team)
            e = kg_entity_match_any(f, key); /* an acronym seen before */
        /* a town the document already named as its club ("Cleveland 3
         * Texas 5", then "Cleveland had lost") is that club */
        if (e < 0 && c->type == KG_ENT_LOCATION && !c->placed &&
            (e = kg_entity_match_key(f, KG_ENT_ORGANIZATION, key)) >= 0)
            c->type = KG_ENT_ORGANIZATION;
        size_t k;
        if (e < 0 && c->type == KG_ENT_ORGANIZATION && kg_name_is_all_caps(c->name) &&
            kg_strmap_get(f->initials, c->name, &k)) {
            e = (long)k;
            c->how = KG_RES_ACRONYM;
        }
    }
    if (e < 0) {
        if (c->kind == KG_CAND_UNKNOWN)
            return KG_OK; /* an untyped word nothing else supports: dropped */
        e = kg_entity_match_new(f, c, key);
        if (e < 0)
            return nomem(f);
    } else if (c->type == KG_ENT_PERSON) {
        /* keep the fullest name: "Biden" then "Joe Biden" */
        kg_entity_info *in = info_at(f, (size_t)e);
        size_t words = kg_name_count_words(c->name);
        if (words > in->n_name_tokens) {
            kg_status st = kg_entity_index_tally_person(f, (size_t)e, false);
            ent_at(f, (size_t)e)->name = c->name;
            in->n_name_tokens = words;
            in->first = kg_name_first_word(f->a, c->name);
            in->key = key;
            if (st == KG_OK)
                st = kg_entity_index_tally_person(f, (size_t)e, true);
            if (st != KG_OK || kg_multimap_add(f->by_key, key, (size_t)e) != KG_OK)
                return nomem(f);
        }
    }
    c->entity = e;
    return KG_OK;
}

static kg_status record(kg_entity_finder *f, kg_cand *c, size_t ci, const kg_token *t)
{
    if (c->entity < 0)
        return KG_OK;
    size_t ei = (size_t)c->entity;
    kg_entity *e = ent_at(f, ei);
    kg_entity_info *in = info_at(f, ei);
    in->last_seen = ci + 1;
    if (c->gender != KG_GENDER_UNKNOWN && in->gender == KG_GENDER_UNKNOWN)
        in->gender = c->gender;
    /* "Michael Howard" is a man and "Hilary Benn" a woman by the census's
     * lists, when no title said so */
    if (in->gender == KG_GENDER_UNKNOWN && e->type == KG_ENT_PERSON && in->n_name_tokens >= 2 &&
        in->first) {
        int g = kg_lexicon_given_name_gender(f->lx, in->first);
        in->gender = g == 1 ? KG_GENDER_MALE : g == 2 ? KG_GENDER_FEMALE : KG_GENDER_UNKNOWN;
    }
    if (e->type == KG_ENT_PERSON)
        kg_entity_index_touch(f, ei);
    bool added;
    if (c->kind == KG_CAND_NAME || c->kind == KG_CAND_UNKNOWN) {
        /* both "Secretary Blinken" as written and the bare name "Blinken" */
        const char *s = surface(f, t, c->tok_start, c->tok_end);
        kg_status st = add_string(f, &in->aliases, s, &added);
        if (st == KG_OK && added)
            st = kg_entity_index_alias(f, ei, s);
        if (st == KG_OK && c->name_start > c->tok_start && c->type == KG_ENT_PERSON) {
            s = surface(f, t, c->name_start, c->tok_end);
            st = add_string(f, &in->aliases, s, &added);
            if (st == KG_OK && added)
                st = kg_entity_index_alias(f, ei, s);
        }
        if (st != KG_OK)
            return st;
    }
    if (c->role && c->kind != KG_CAND_ROLE) {
        kg_status st = add_string(f, &in->roles, c->role, &added);
        if (st == KG_OK && added && e->type == KG_ENT_PERSON)
            st = kg_entity_index_role(f, ei, c->role);
        if (st != KG_OK)
            return st;
    }
    if (!e->iso2[0] && c->country && c->type != KG_ENT_PERSON) {
        memcpy(e->iso2, c->country->alpha2, sizeof e->iso2);
        memcpy(e->iso3, c->country->alpha3, sizeof e->iso3);
    } else if (!e->iso2[0] && c->country && c->type == KG_ENT_PERSON) {
        memcpy(e->iso2, c->country->alpha2, sizeof e->iso2);
        memcpy(e->iso3, c->country->alpha3, sizeof e->iso3);
    }
    return KG_OK;
}

static kg_status resolve_all(kg_entity_finder *f, kg_token *const *tokens)
{
    for (size_t ci = 0; ci < f->cands.len; ci++) {
        kg_cand *c = kg_vec_at(&f->cands, ci);
        kg_status st = KG_OK;
        switch (c->kind) {
        case KG_CAND_NAME:
        case KG_CAND_UNKNOWN:
            st = resolve_name(f, c);
            break;
        case KG_CAND_PRONOUN:
            c->entity = kg_entity_match_pronoun(f, ci);
            break;
        case KG_CAND_ROLE:
            c->entity = kg_entity_match_role_holder(f, c->role);
            break;
        }
        if (st == KG_OK)
            st = record(f, c, ci, tokens[c->sentence]);
        if (st != KG_OK)
            return st;
        if (c->kind == KG_CAND_NAME && c->type == KG_ENT_PERSON && c->place >= 0 && c->role &&
            c->entity >= 0) {
            const kg_cand *p = kg_vec_at(&f->cands, (size_t)c->place);
            kg_role_fact rf = {(size_t)c->entity, p->entity, c->role, c->sentence};
            /* "British director Sean McAllister" directs films, not Britain */
            bool nationality = p->how == KG_RES_DEMONYM &&
                               kg_lexicon_in(f->lx, KG_WL_NATIONALITY_ROLES, c->role);
            if (p->entity >= 0 && !nationality && !kg_vec_push(&f->roles, &rf))
                return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
        }
    }
    return KG_OK;
}

static const char **vec_strings(kg_arena *a, const kg_vec *v)
{
    const char **out = kg_arena_alloc(a, (v->len + 1) * sizeof *out);
    if (out && v->len)
        memcpy(out, v->items, v->len * sizeof *out);
    return out;
}

static kg_status finish(kg_entity_finder *f, const kg_span *sentences, kg_token *const *tokens,
                        kg_entity_result *out)
{
    (void)sentences;
    size_t n_ment = 0;
    for (size_t ci = 0; ci < f->cands.len; ci++)
        if (((kg_cand *)kg_vec_at(&f->cands, ci))->entity >= 0)
            n_ment++;
    out->mentions = kg_arena_alloc(f->a, (n_ment + 1) * sizeof *out->mentions);
    out->entities = kg_arena_alloc(f->a, (f->ents.len + 1) * sizeof *out->entities);
    out->roles = kg_arena_alloc(f->a, (f->roles.len + 1) * sizeof *out->roles);
    if (!out->mentions || !out->entities || !out->roles)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");

    /* Entities in order of first mention, with unique ids. */
    kg_strmap *ids = kg_strmap_new();
    if (!ids)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    /* a team named by its place ("Scotland", "Newcastle") is another node
     * than the place itself once documents are merged */
    bool *team = kg_arena_alloc(f->a, (f->ents.len + 1) * sizeof *team);
    if (!team) {
        kg_strmap_free(ids);
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    }
    memset(team, 0, (f->ents.len + 1) * sizeof *team);
    for (size_t ci = 0; ci < f->cands.len; ci++) {
        const kg_cand *c = kg_vec_at(&f->cands, ci);
        if (c->team && c->entity >= 0 && ent_at(f, (size_t)c->entity)->type == KG_ENT_ORGANIZATION)
            team[c->entity] = true;
    }
    for (size_t e = 0; e < f->ents.len; e++) {
        kg_entity *en = ent_at(f, e);
        kg_entity_info *in = info_at(f, e);
        const char *slug = kg_entities_slug(f->a, en->name);
        if (slug && team[e])
            slug = kg_arena_printf(f->a, "%s-team", slug);
        const char *id = slug;
        for (int k = 2; id && kg_strmap_get(ids, id, NULL); k++)
            id = kg_arena_printf(f->a, "%s-%d", slug, k);
        if (!id || kg_strmap_put(ids, id, e) != KG_OK) {
            kg_strmap_free(ids);
            return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
        }
        en->id = id;
        en->aliases = vec_strings(f->a, &in->aliases);
        en->n_aliases = in->aliases.len;
        en->roles = vec_strings(f->a, &in->roles);
        en->n_roles = in->roles.len;
        out->entities[e] = *en;
    }
    kg_strmap_free(ids);
    out->n_entities = f->ents.len;

    size_t m = 0;
    for (size_t ci = 0; ci < f->cands.len; ci++) {
        const kg_cand *c = kg_vec_at(&f->cands, ci);
        if (c->entity < 0)
            continue;
        const kg_token *t = tokens[c->sentence];
        kg_mention *mm = &out->mentions[m++];
        mm->entity = (size_t)c->entity;
        mm->sentence = c->sentence;
        mm->tok_start = c->tok_start;
        mm->tok_end = c->tok_end;
        mm->start = t[c->tok_start].start;
        mm->end = t[c->tok_end - 1].end;
        mm->text = surface(f, t, c->tok_start, c->tok_end);
        mm->how = c->how;
        kg_entity *en = &out->entities[c->entity];
        en->mentions++;
        if (mm->start < en->first_offset)
            en->first_offset = mm->start;
    }
    out->n_mentions = m;
    if (f->roles.len)
        memcpy(out->roles, f->roles.items, f->roles.len * sizeof *out->roles);
    out->n_roles = f->roles.len;
    return KG_OK;
}

static void finder_free(kg_entity_finder *f)
{
    for (size_t e = 0; e < f->ent_info.len; e++) {
        kg_vec_free(&info_at(f, e)->aliases);
        kg_vec_free(&info_at(f, e)->roles);
    }
    kg_vec_free(&f->ent_info);
    kg_vec_free(&f->ents);
    kg_vec_free(&f->cands);
    kg_vec_free(&f->roles);
    kg_entity_index_free(f);
}

kg_status kg_entities_find(kg_arena *a, const kg_lexicon *lx, const kg_ner *ner, const char *text,
                           const kg_span *sentences, size_t n_sentences, kg_token *const *tokens,
                           const size_t *n_tokens, kg_entity_result *out, kg_error *err)
{
    kg_entity_finder f = {
        .a = a, .lx = lx, .ner = ner, .text = text, .sentences = sentences, .tokens = tokens,
        .err = err};
    kg_vec_init(&f.cands, sizeof(kg_cand));
    kg_vec_init(&f.ents, sizeof(kg_entity));
    kg_vec_init(&f.ent_info, sizeof(kg_entity_info));
    kg_vec_init(&f.roles, sizeof(kg_role_fact));
    memset(out, 0, sizeof *out);
    kg_status st = kg_entity_index_init(&f);
    for (size_t s = 0; s < n_sentences && st == KG_OK; s++)
        st = kg_mentions_scan(&f, s, tokens[s], n_tokens[s]);
    if (st == KG_OK)
        st = kg_mentions_clubs(&f, tokens, n_tokens);
    if (st == KG_OK)
        st = resolve_all(&f, tokens);
    if (st == KG_OK)
        st = finish(&f, sentences, tokens, out);
    finder_free(&f);
    return st;
}
