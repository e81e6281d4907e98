/* entity_index.c - the indexes of resolution (entity_index.h).  kg_entity_match_new,
 * the fullest-name update of resolve_name and record keep them in step
 * with the kg_entity_info records. */
#include "entity_index.h"

#include <ctype.h>

#include "names.h"

/* How many entities have a word, and which when just one: the sum of their
 * indices is that entity then. */
typedef struct kg_tally {
    size_t count, sum;
    size_t stamp; /* the update that last counted under it: a name with a
                     word twice counts once */
} kg_tally;

static kg_status tally_word(kg_entity_finder *f, kg_strmap *m, const char *w, size_t len, size_t e,
                            bool add)
{
    size_t i;
    if (!kg_strmap_getn(m, w, len, &i)) {
        kg_tally t = {0, 0, 0};
        if (!add)
            return KG_OK;
        if (!kg_vec_push(&f->tallies, &t) || kg_strmap_putn(m, w, len, f->tallies.len - 1) != KG_OK)
            return nomem(f);
        i = f->tallies.len - 1;
    }
    kg_tally *t = kg_vec_at(&f->tallies, i);
    if (t->stamp == f->stamp)
        return KG_OK;
    t->stamp = f->stamp;
    t->count = add ? t->count + 1 : t->count - 1;
    t->sum = add ? t->sum + e : t->sum - e;
    return KG_OK;
}

kg_status kg_entity_index_tally_person(kg_entity_finder *f, size_t e, bool add)
{
    const kg_entity_info *in = info_at(f, e);
    const char *name = ent_at(f, e)->name;
    f->stamp++;
    kg_status st = KG_OK;
    if (in->n_name_tokens >= 2)
        st = tally_word(f, f->firsts, in->first, strlen(in->first), e, add);
    const char *lastsp = strrchr(name, ' ');
    for (const char *w = strchr(name, ' '); st == KG_OK && w && w < lastsp;
         w = strchr(w + 1, ' ')) {
        size_t len = (size_t)(strchr(w + 1, ' ') - (w + 1)); /* w < lastsp: a space follows */
        if (len > 1)
            st = tally_word(f, f->middles, w + 1, len, e, add);
    }
    return st;
}

long kg_entity_index_tally_one(kg_entity_finder *f, const kg_strmap *m, const char *w)
{
    size_t i;
    if (!kg_strmap_get(m, w, &i))
        return -1;
    const kg_tally *t = kg_vec_at(&f->tallies, i);
    return t->count == 0 ? -1 : t->count == 1 ? (long)t->sum : -2;
}

/* Whether recency list l holds a person of gender g: KG_RECENT_ANY all, KG_RECENT_MALE
 * those not known to be female, KG_RECENT_FEMALE those not known to be male. */
static bool recent_fits(int l, kg_gender g)
{
    return l == KG_RECENT_ANY || g == KG_GENDER_UNKNOWN ||
           (l == KG_RECENT_MALE) == (g == KG_GENDER_MALE);
}

size_t kg_entity_index_rank(kg_entity_finder *f, size_t ci)
{
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    size_t rank = 0;
    for (size_t j = ci; j-- > 0;) {
        const kg_cand *o = kg_vec_at(&f->cands, j);
        if (o->sentence != c->sentence)
            break;
        if (o->entity >= 0 && o->entity != c->entity &&
            ent_at(f, (size_t)o->entity)->type == KG_ENT_PERSON)
            rank++;
    }
    return rank;
}

/* The salience record kg_entity_match_pronoun weighs. */
static void note_salience(kg_entity_finder *f, size_t e)
{
    kg_entity_info *in = info_at(f, e);
    size_t ci = in->last_seen - 1;
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    if (in->n_named == 0 || in->seen_sentence != c->sentence) {
        in->seen_sentence = c->sentence;
        in->seen_rank = kg_entity_index_rank(f, ci);
        /* "under Burton": inside a phrase, not the sentence's subject */
        const kg_token *t = f->tokens[c->sentence];
        if (c->tok_start > 0 && kg_lexicon_in(f->lx, KG_WL_PREPOSITIONS, t[c->tok_start - 1].norm))
            in->seen_rank++;
    }
    if (c->kind != KG_CAND_PRONOUN) {
        in->n_named++;
        for (int l = 0; l < KG_N_RECENT; l++)
            if (recent_fits(l, in->gender) &&
                (f->topic[l] == KG_NO_ENTITY || in->n_named > info_at(f, f->topic[l])->n_named))
                f->topic[l] = e;
    }
}

void kg_entity_index_touch(kg_entity_finder *f, size_t e)
{
    kg_entity_info *in = info_at(f, e);
    note_salience(f, e);
    for (int l = 0; l < KG_N_RECENT; l++) {
        if (in->listed[l]) {
            if (in->newer[l] != KG_NO_ENTITY)
                info_at(f, in->newer[l])->older[l] = in->older[l];
            else
                f->recent[l] = in->older[l];
            if (in->older[l] != KG_NO_ENTITY)
                info_at(f, in->older[l])->newer[l] = in->newer[l];
            in->listed[l] = false;
        }
        if (recent_fits(l, in->gender)) {
            in->newer[l] = KG_NO_ENTITY;
            in->older[l] = f->recent[l];
            if (f->recent[l] != KG_NO_ENTITY)
                info_at(f, f->recent[l])->newer[l] = e;
            f->recent[l] = e;
            in->listed[l] = true;
        }
    }
}

kg_status kg_entity_index_role(kg_entity_finder *f, size_t e, const char *r)
{
    const char *sp = strchr(r, ' ');
    if (sp && islower((unsigned char)r[0]))
        r = sp + 1;
    char *low = kg_name_lower_copy(f->a, r, strlen(r));
    if (!low)
        return nomem(f);
    for (size_t i = 0;; i++) {
        if ((low[i] == ' ' || !low[i]) && kg_multimap_addn(f->by_role, low, i, e) != KG_OK)
            return nomem(f);
        if (!low[i])
            return KG_OK;
    }
}

kg_status kg_entity_index_alias(kg_entity_finder *f, size_t e, const char *alias)
{
    char *k = kg_name_key(f->a, alias);
    if (!k)
        return nomem(f);
    size_t have;
    if (kg_strmap_get(f->alias_keys, k, &have) && have <= e)
        return KG_OK;
    return kg_strmap_put(f->alias_keys, k, e) == KG_OK ? KG_OK : nomem(f);
}

kg_status kg_entity_index_add(kg_entity_finder *f, size_t e)
{
    const kg_entity *en = ent_at(f, e);
    const kg_entity_info *in = info_at(f, e);
    if (kg_multimap_add(f->by_key, in->key, e) != KG_OK)
        return nomem(f);
    if (en->type == KG_ENT_PERSON) {
        if (kg_multimap_add(f->by_last, in->last, e) != KG_OK)
            return nomem(f);
        return kg_entity_index_tally_person(f, e, true);
    }
    if (en->type == KG_ENT_ORGANIZATION) {
        const char *ini = kg_name_initials(f->a, en->name);
        if (ini && !kg_strmap_get(f->initials, ini, NULL) &&
            kg_strmap_put(f->initials, ini, e) != KG_OK)
            return nomem(f);
    }
    return KG_OK;
}

kg_status kg_entity_index_init(kg_entity_finder *f)
{
    f->by_last = kg_multimap_new();
    f->by_key = kg_multimap_new();
    f->by_role = kg_multimap_new();
    f->alias_keys = kg_strmap_new();
    f->initials = kg_strmap_new();
    f->firsts = kg_strmap_new();
    f->middles = kg_strmap_new();
    kg_vec_init(&f->tallies, sizeof(kg_tally));
    for (int l = 0; l < KG_N_RECENT; l++)
        f->recent[l] = f->topic[l] = KG_NO_ENTITY;
    if (!f->by_last || !f->by_key || !f->by_role || !f->alias_keys || !f->initials || !f->firsts ||
        !f->middles)
        return nomem(f);
    return KG_OK;
}

void kg_entity_index_free(kg_entity_finder *f)
{
    kg_multimap_free(f->by_last);
    kg_multimap_free(f->by_key);
    kg_multimap_free(f->by_role);
    kg_strmap_free(f->alias_keys);
    kg_strmap_free(f->initials);
    kg_strmap_free(f->firsts);
    kg_strmap_free(f->middles);
    kg_vec_free(&f->tallies);
}
