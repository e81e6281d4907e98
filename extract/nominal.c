/* nominal.c - relations inside noun phrases (see relations.h).
 *
 *   appositions      "X, a spokesperson for Y"     (X, be, ...), (X, be spokesperson for, Y)
 *   titles           "British foreign minister Jack Straw"  (Straw, foreign minister of, UK)
 *   possessives      "Blinken's visit to Israel"   (Blinken, visit to, Israel);
 *                    one that names no relation ("Kenya's biggest shantytown") relates
 *                    no entities: (Kenya, have, biggest shantytown) for Open IE only
 *   between          "a deal between Iran and China"   (Iran, deal with, China)
 *   place of         "the Israeli city of Tel Aviv"    (Tel Aviv, city of, Israel)
 *
 * The entity finder's own role facts (titles it peeled off a name) are
 * emitted here too, so the emitter keeps one of each.
 */
#include <ctype.h>
#include <string.h>

#include "relations_internal.h"

static const kg_udtree *T(const kg_rel_ctx *c)
{
    return &c->t;
}

static kg_status nomem(kg_error *err)
{
    return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
}

static kg_status put(kg_rel_ctx *c, kg_arg s, const char *rel, const char *surf, kg_arg o,
                     size_t at, kg_emit_kind kind, kg_error *err)
{
    return kg_rel_put(c, s, rel, surf, o, at, false, false, KG_SRC_PATTERN, kind, err);
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static const char *prep(kg_rel_ctx *c, size_t i, size_t *case_word)
{
    const kg_udtree *t = T(c);
    size_t cw = kg_udtree_child(t, i, "case");
    *case_word = cw;
    if (cw == KG_UD_NONE || cw > i)
        return NULL;
    char *p = kg_arena_strndup(c->a, t->text + t->w[cw].start, t->w[cw].end - t->w[cw].start);
    if (!p) {
        c->oom = true;
        return NULL;
    }
    lower(p);
    if (!strcmp(p, "'s") || !strcmp(p, "'"))
        return NULL;
    return p;
}

static bool is_person(const kg_rel_ctx *c, long e)
{
    return kg_rel_entity_type(c, e) == KG_ENT_PERSON;
}

static bool is_holder(const kg_rel_ctx *c, long e)
{
    int ty = kg_rel_entity_type(c, e);
    return ty == KG_ENT_COUNTRY || ty == KG_ENT_ORGANIZATION;
}

/* ------------------------------------------------------------ appositions */

/* The description's words before its head, its head and a preposition:
 * "be senior fellow at"; NULL when that is more than a label. */
static const char *role_label(kg_rel_ctx *c, size_t y, const char *p)
{
    const kg_udtree *t = T(c);
    char buf[160] = "be";
    for (size_t i = t->lo[y]; i <= y; i++) {
        bool mod = i == y || (t->head[i] == y &&
                              (kg_udtree_is(t, i, "amod") || kg_udtree_is(t, i, "compound")));
        if (!mod || t->entity[i] >= 0)
            continue;
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, " %.*s", (int)(t->w[i].end - t->w[i].start),
                 t->text + t->w[i].start);
    }
    size_t n = strlen(buf);
    snprintf(buf + n, sizeof buf - n, " %s", p);
    lower(buf);
    char *s = kg_arena_strdup(c->a, buf);
    if (!s)
        c->oom = true;
    return s;
}

/* Noun x has a modifier phrase between itself and word y. */
static bool between_nmod(const kg_udtree *t, size_t x, size_t y)
{
    size_t n;
    const size_t *k = kg_udtree_kids(t, x, &n);
    for (size_t j = 0; j < n; j++)
        if (k[j] > x && k[j] < y && kg_udtree_is(t, k[j], "nmod"))
            return true;
    return false;
}

static kg_status appositions(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    kg_status st = KG_OK;
    for (size_t y = 0; y < t->n && st == KG_OK; y++) {
        size_t x = t->head[y];
        if (x == KG_UD_NONE)
            continue;
        bool appos = kg_udtree_is(t, y, "appos");
        /* the comma is the phrase's own first word or the one before it */
        bool comma_before = !strcmp(t->w[t->lo[y]].form, ",") ||
                            (t->lo[y] > 0 && kg_udtree_upos(t, t->lo[y] - 1, "PUNCT"));
        long ex = kg_udtree_entity(t, x);
        size_t cw;
        const char *py = prep(c, y, &cw);
        /* "Brad Adams, from Human Rights Watch," */
        bool set_off = kg_udtree_is(t, y, "nmod") || kg_udtree_is(t, y, "list") || appos;
        /* "Clapton, alongside BB King,": a companion, no relation */
        if (py && comma_before && set_off && kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, py))
            continue;
        if (py && comma_before && set_off && is_person(c, ex) && kg_udtree_entity(t, y) >= 0) {
            char rel[64];
            snprintf(rel, sizeof rel, "be %s", py);
            kg_arg s = {kg_clause_np(c, x), ex};
            kg_arg o = {kg_clause_np_without(c, y, cw), kg_udtree_entity(t, y)};
            st = put(c, s, rel, rel, o, x, KG_EMIT_APPOSITION, err);
            continue;
        }
        /* an apposition is set off ("Matthew Miller, a spokesperson"); a
         * name run into a noun ("Netanyahu the need for") is a misparse */
        if (!appos || !comma_before)
            continue;
        bool y_common = kg_udtree_upos(t, y, "NOUN");
        bool x_common = kg_udtree_upos(t, x, "NOUN");
        long ey = kg_udtree_entity(t, y);
        /* "the minister, John Smith": the name is the subject */
        size_t subj = y_common ? x : x_common && ey >= 0 ? y : KG_UD_NONE;
        size_t desc = subj == x ? y : x;
        if (subj == KG_UD_NONE)
            continue; /* two names: a list, not a description */
        /* "the methods of Nazi Germany, Stalin's Russia": a name after the
         * noun's own "of" phrase goes on that phrase's list (a person there
         * is the noun's: "the head of the Bank, John Smith") */
        if (subj == y && between_nmod(t, x, y) && !is_person(c, ey))
            continue;
        kg_arg s = {kg_clause_subject_np(c, subj), kg_udtree_entity(t, subj)};
        kg_arg o = {kg_clause_np(c, desc), -1};
        st = put(c, s, "be", "is", o, x, KG_EMIT_APPOSITION, err);
        /* "a spokesperson for the State Department" */
        size_t n;
        const size_t *k = kg_udtree_kids(t, desc, &n);
        for (size_t j = 0; j < n && st == KG_OK; j++) {
            if (!kg_udtree_is(t, k[j], "nmod") || kg_udtree_is(t, k[j], "nmod:poss"))
                continue;
            const char *p = prep(c, k[j], &cw);
            if (!p)
                continue;
            const char *rel = role_label(c, desc, p);
            kg_arg o2 = {kg_clause_np_without(c, k[j], cw), kg_udtree_entity(t, k[j])};
            st = put(c, s, rel, rel, o2, x, KG_EMIT_APPOSITION, err);
        }
    }
    return st;
}

/* ------------------------------------------------------------ titles */

static bool title_word(const kg_rel_ctx *c, size_t i)
{
    const kg_udtree *t = T(c);
    char w[64];
    size_t len = t->w[i].end - t->w[i].start;
    if (len == 0 || len >= sizeof w)
        return false;
    memcpy(w, t->text + t->w[i].start, len);
    w[len] = '\0';
    const char *words[1] = {w};
    /* WordNet files some given names as people nouns ("jack", a sailor) */
    if (kg_lexicon_is_honorific(c->lx, w) || kg_lexicon_is_given_name(c->lx, w))
        return false;
    if (kg_lexicon_title_len(c->lx, words, 1) > 0)
        return true;
    lower(w);
    return kg_lexicon_is_profession(c->lx, w) ||
           kg_lexicon_is_profession(c->lx, t->w[i].lemma ? t->w[i].lemma : w);
}

/* Whether words [from, to) are an office as titles.txt lists them
 * ("foreign minister" as "Foreign Minister", "leader"), rather than only
 * naming a kind of person (WordNet's "countryman", "rival"). */
static bool office(const kg_rel_ctx *c, size_t from, size_t to)
{
    const kg_udtree *t = T(c);
    char buf[8][48];
    const char *words[8];
    size_t n = 0;
    for (size_t k = from; k < to && n < 8; k++) {
        size_t len = t->w[k].end - t->w[k].start;
        if (len == 0 || len >= sizeof buf[0])
            return false;
        memcpy(buf[n], t->text + t->w[k].start, len);
        buf[n][len] = '\0';
        if (buf[n][0] >= 'a' && buf[n][0] <= 'z')
            buf[n][0] = (char)(buf[n][0] - 'a' + 'A');
        words[n] = buf[n];
        n++;
    }
    /* the whole phrase: "film director" and "world champion" are trades,
     * whatever their last word */
    return n > 0 && kg_lexicon_title_len(c->lx, words, n) == n;
}

/* Whether words [from, to) are a trade a nationality word only places
 * (data/nationality-roles.txt): "British director Sean McAllister". */
static bool nationality_role(const kg_rel_ctx *c, size_t from, size_t to)
{
    const kg_udtree *t = T(c);
    char buf[128] = "";
    for (size_t k = from; k < to; k++) {
        size_t n = strlen(buf);
        int len = (int)(t->w[k].end - t->w[k].start);
        if (n + (size_t)len + 2 >= sizeof buf)
            return false;
        snprintf(buf + n, sizeof buf - n, "%s%.*s", n ? " " : "", len, t->text + t->w[k].start);
    }
    return kg_lexicon_in(c->lx, KG_WL_NATIONALITY_ROLES, buf);
}

/* "[holder] [title words] [person]" read off the words before a person's
 * name: "British foreign minister Jack Straw", "UN Secretary General Kofi
 * Annan", "Israel's Prime Minister Benjamin Netanyahu", "Tory leader
 * Michael Howard". */
static kg_status titles(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    kg_status st = KG_OK;
    for (size_t i = 0; i < t->n && st == KG_OK; i++) {
        long e = t->entity[i];
        if (!is_person(c, e) || (i > 0 && t->entity[i - 1] == e))
            continue;
        size_t end = i;
        while (end + 1 < t->n && t->entity[end + 1] == e)
            end++;
        /* the finder may keep a title inside the mention ("Secretary
         * General Kofi Annan"): those words count as title words too */
        size_t name = i;
        bool any_title = false;
        while (name < end && title_word(c, name) && !kg_udtree_upos(t, name + 1, "PUNCT")) {
            any_title = true;
            name++;
        }
        /* the title words right before the name */
        size_t j = i, first_title = i;
        while (j > 0) {
            size_t k = j - 1;
            if (t->entity[k] >= 0)
                break;
            bool content = kg_udtree_upos(t, k, "NOUN") || kg_udtree_upos(t, k, "PROPN") ||
                           kg_udtree_upos(t, k, "ADJ");
            /* "Scotland midfielders X and Y": a plural names a group, no role */
            bool plural = t->w[k].xpos && !strcmp(t->w[k].xpos, "NNS");
            if (!content || plural)
                break;
            any_title |= title_word(c, k);
            first_title = k;
            j = k;
        }
        if (!any_title || (first_title == i && name == i))
            continue;
        /* the holder: an entity right before ("Israel 's", "British", "UN") */
        long holder = -1;
        size_t h = first_title;
        if (h > 0 && (!strcmp(t->w[h - 1].form, "'s") || !strcmp(t->w[h - 1].form, "’s")))
            h--;
        if (h > 0 && is_holder(c, t->entity[h - 1]))
            holder = t->entity[h - 1];
        /* a nationality word before a title that is no office says where
         * the person is from, not what they hold: "Dutch countryman Paul
         * Haarhuis", "Jamaican rival"; and after an owner, the owner holds
         * it: "Derbyshire's Australian captain" */
        /* "UK star X" as "British star X": a country holds only offices */
        if (holder >= 0 && !kg_udtree_upos(t, h - 1, "ADJ") &&
            kg_rel_entity_type(c, holder) == KG_ENT_COUNTRY && !office(c, first_title, name))
            holder = -1;
        if (holder >= 0 && kg_udtree_upos(t, h - 1, "ADJ")) {
            size_t o = h - 1;
            if (o >= 2 && (!strcmp(t->w[o - 1].form, "'s") || !strcmp(t->w[o - 1].form, "’s")))
                holder = is_holder(c, t->entity[o - 2]) && t->entity[o - 2] != holder
                             ? t->entity[o - 2]
                             : -1;
            else if (!office(c, first_title, name) || nationality_role(c, first_title, name))
                holder = -1;
        }
        /* "BP chief executive Lord Browne": the rank after the office is
         * the person's style, not part of the role */
        size_t last_title = name;
        for (size_t k = first_title + 1; k < name; k++)
            if (t->text[t->w[k].start] >= 'A' && t->text[t->w[k].start] <= 'Z' &&
                t->text[t->w[k - 1].start] >= 'a' && t->text[t->w[k - 1].start] <= 'z') {
                last_title = k;
                break;
            }
        char buf[160] = "";
        for (size_t k = first_title; k < last_title; k++) {
            size_t n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, "%s%.*s", n ? " " : "",
                     (int)(t->w[k].end - t->w[k].start), t->text + t->w[k].start);
        }
        /* "Former Labour leader Neil Kinnock": the qualifier before the
         * holder or the title belongs to the role */
        size_t before = holder >= 0 ? (h > 0 ? h - 1 : 0) : first_title;
        const char *ql = before > 0 ? kg_udtree_lemma(c->a, t, before - 1) : NULL;
        if (ql && kg_lexicon_in(c->lx, KG_WL_ROLE_QUALIFIERS, ql)) {
            char rest[sizeof buf];
            memcpy(rest, buf, sizeof rest);
            int qn = (int)(t->w[before - 1].end - t->w[before - 1].start);
            if (qn > 40)
                qn = 40;
            snprintf(buf, sizeof buf, "%.*s %.100s", qn, t->text + t->w[before - 1].start, rest);
        }
        char *surf = kg_arena_strdup(c->a, buf);
        if (!surf)
            return nomem(err);
        lower(buf);
        size_t n = strlen(buf);
        kg_arg s = {c->s->entities[e].name, e};
        if (holder >= 0) {
            snprintf(buf + n, sizeof buf - n, " of");
            kg_arg o = {c->s->entities[holder].name, holder};
            st = put(c, s, buf, surf, o, i, KG_EMIT_ROLE, err);
        } else {
            kg_arg o = {surf, -1};
            st = put(c, s, "be", "is", o, i, KG_EMIT_TITLE, err);
        }
    }
    return st;
}

/* The entity finder's role facts: titles it peeled off a name. */
static kg_status role_facts(kg_rel_ctx *c, kg_error *err)
{
    kg_status st = KG_OK;
    for (size_t i = 0; i < c->s->n_roles && st == KG_OK; i++) {
        const kg_role_fact *rf = &c->s->roles[i];
        if (rf->place < 0 || rf->person >= c->s->n_entities ||
            (size_t)rf->place >= c->s->n_entities)
            continue;
        char *rel = kg_arena_printf(c->a, "%s of", rf->role);
        if (!rel)
            return nomem(err);
        lower(rel);
        kg_arg s = {c->s->entities[rf->person].name, (long)rf->person};
        kg_arg o = {c->s->entities[rf->place].name, rf->place};
        st = put(c, s, rel, rf->role, o, KG_UD_NONE, KG_EMIT_ROLE, err);
    }
    return st;
}

/* ------------------------------------------------------------ possessives */

static bool pronoun(const kg_udtree *t, size_t i)
{
    return kg_udtree_upos(t, i, "PRON");
}

/* (X, N P, Z) for Z and each of its conjuncts: "visit to Israel and Jordan". */
static kg_status related(kg_rel_ctx *c, kg_arg s, const char *noun, size_t z, const char *p,
                         size_t at, kg_error *err)
{
    const kg_udtree *t = T(c);
    char *rel = kg_arena_printf(c->a, "%s %s", noun, p);
    if (!rel)
        return nomem(err);
    lower(rel);
    kg_status st = KG_OK;
    size_t conj[16], nc = 0;
    conj[nc++] = z;
    for (size_t q = 0; q < nc && nc < 16; q++) {
        size_t n;
        const size_t *k = kg_udtree_kids(t, conj[q], &n);
        for (size_t j = 0; j < n && nc < 16; j++)
            if (kg_udtree_is(t, k[j], "conj"))
                conj[nc++] = k[j];
    }
    for (size_t q = 0; q < nc && st == KG_OK; q++) {
        size_t cw = kg_udtree_child(t, conj[q], "case");
        kg_arg o = {kg_clause_np_without(c, conj[q], cw), kg_udtree_entity(t, conj[q])};
        st = put(c, s, rel, rel, o, at, KG_EMIT_POSSESSIVE, err);
    }
    return st;
}

static bool relation_noun(kg_rel_ctx *c, size_t i, const char *lem)
{
    return kg_lexicon_in(c->lx, KG_WL_RELATION_NOUNS, c->t.w[i].form) ||
           (lem && kg_lexicon_in(c->lx, KG_WL_RELATION_NOUNS, lem));
}

/* An nmod of a noun, not its possessor, with the preposition that
 * introduces it: "a visit [to] Israel", "talks [between] Iran and China". */
typedef struct nmod_child {
    size_t at;        /* the nmod */
    size_t case_word; /* its case word */
    const char *prep; /* the case word, lower-cased */
    long entity;      /* the entity it is, or -1 */
} nmod_child;

/* Steps *j over the children k[0..n) of a noun to the next nmod_child;
 * false after the last. */
static bool next_nmod(kg_rel_ctx *c, const size_t *k, size_t n, size_t *j, nmod_child *m)
{
    const kg_udtree *t = T(c);
    while (*j < n) {
        size_t z = k[(*j)++];
        if (!kg_udtree_is(t, z, "nmod") || kg_udtree_is(t, z, "nmod:poss"))
            continue;
        m->at = z;
        m->prep = prep(c, z, &m->case_word);
        m->entity = kg_udtree_entity(t, z);
        if (m->prep)
            return true;
    }
    return false;
}

static kg_status possessives(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    kg_status st = KG_OK;
    for (size_t x = 0; x < t->n && st == KG_OK; x++) {
        if (!kg_udtree_is(t, x, "nmod:poss"))
            continue;
        size_t nn = t->head[x];
        if (nn == KG_UD_NONE || !kg_udtree_upos(t, nn, "NOUN"))
            continue;
        long ex = kg_udtree_entity(t, x);
        /* "Israel's Prime Minister X" is a title: titles() reads it */
        if (t->entity[nn] >= 0)
            continue;
        size_t xcase = kg_udtree_child(t, x, "case");
        kg_arg s = {kg_clause_np_without(c, x, xcase), ex};
        const char *lem = kg_udtree_lemma(c->a, t, nn);
        if (!lem)
            return nomem(err);
        bool relnoun = relation_noun(c, nn, lem);
        size_t n;
        const size_t *k = kg_udtree_kids(t, nn, &n);
        nmod_child m;
        for (size_t j = 0; st == KG_OK && next_nmod(c, k, n, &j, &m);) {
            size_t z = m.at;
            /* only a noun that names a relation relates its possessor:
             * "Kenya's biggest shantytown in Nairobi" relates nothing */
            if (relnoun)
                st = related(c, s, lem, z, m.prep, nn, err);
            /* "his visit, including stops in Turkey and Greece": a part of
             * his visit; "his opposition to the war on Iraq" is no war of his */
            const char *zl = relnoun && m.entity < 0 &&
                                     kg_lexicon_in(c->lx, KG_WL_NO_RELATION_PREPS, m.prep)
                                 ? kg_udtree_lemma(c->a, t, z)
                                 : NULL;
            if (zl && relation_noun(c, z, zl)) {
                size_t n2;
                const size_t *k2 = kg_udtree_kids(t, z, &n2);
                for (size_t q = 0; q < n2 && st == KG_OK; q++) {
                    size_t cw2;
                    const char *p2 = kg_udtree_is(t, k2[q], "nmod") ? prep(c, k2[q], &cw2) : NULL;
                    if (p2 && kg_udtree_entity(t, k2[q]) >= 0)
                        st = related(c, s, zl, k2[q], p2, nn, err);
                }
            }
        }
        if (st != KG_OK || pronoun(t, x))
            continue;
        /* (X, have, N): Open IE writes it; it relates no two entities */
        size_t ncase = kg_udtree_child(t, nn, "case");
        c->cut[x] = true;
        if (ncase != KG_UD_NONE)
            c->cut[ncase] = true;
        const char *what = kg_clause_np(c, nn);
        c->cut[x] = false;
        if (ncase != KG_UD_NONE)
            c->cut[ncase] = false;
        kg_arg o = {what, -1};
        st = put(c, s, "have", "has", o, nn, KG_EMIT_HAVE, err);
    }
    return st;
}

/* ------------------------------------------------------------ between, place of */

/* "the Israeli city of Tel Aviv": one place that noun nn names, so its
 * holder holds the place; "the Norwegian branches of Sony Music" are
 * Sony's, and Norway holds the branches, not Sony. */
static bool names_a_place(const kg_rel_ctx *c, size_t nn, long ez)
{
    const char *x = T(c)->w[nn].xpos;
    int ty = kg_rel_entity_type(c, ez);
    return (ty == KG_ENT_LOCATION || ty == KG_ENT_COUNTRY) && !(x && !strcmp(x, "NNS"));
}

static kg_status nominal_relations(kg_rel_ctx *c, kg_error *err)
{
    const kg_udtree *t = T(c);
    kg_status st = KG_OK;
    for (size_t nn = 0; nn < t->n && st == KG_OK; nn++) {
        if (!kg_udtree_upos(t, nn, "NOUN") || t->entity[nn] >= 0)
            continue;
        size_t n;
        const size_t *k = kg_udtree_kids(t, nn, &n);
        const char *lem = NULL;
        nmod_child m;
        for (size_t j = 0; st == KG_OK && next_nmod(c, k, n, &j, &m);) {
            size_t z = m.at, cw = m.case_word;
            const char *p = m.prep;
            long ez = m.entity;
            if (ez < 0)
                continue;
            if (!lem && !(lem = kg_udtree_lemma(c->a, t, nn)))
                return nomem(err);
            if (!strcmp(p, "between") && relation_noun(c, nn, lem)) {
                /* "talks between Iran and China" */
                size_t z2 = kg_udtree_child(t, z, "conj");
                long e2 = kg_udtree_entity(t, z2);
                if (z2 == KG_UD_NONE || e2 < 0)
                    continue;
                char *rel = kg_arena_printf(c->a, "%s with", lem);
                if (!rel)
                    return nomem(err);
                kg_arg s = {kg_clause_np_without(c, z, cw), ez};
                kg_arg o = {kg_clause_np(c, z2), e2};
                st = put(c, s, rel, rel, o, nn, KG_EMIT_NOMINAL, err);
            } else if (!strcmp(p, "of") && names_a_place(c, nn, ez)) {
                /* "the Israeli city of Tel Aviv": a holder before the noun */
                for (size_t q = 0; q < n && st == KG_OK; q++) {
                    size_t hw = k[q];
                    if (hw > nn ||
                        !(kg_udtree_is(t, hw, "amod") || kg_udtree_is(t, hw, "compound") ||
                          kg_udtree_is(t, hw, "nmod:poss")))
                        continue;
                    long eh = kg_udtree_entity(t, hw);
                    if (!is_holder(c, eh) || eh == ez)
                        continue;
                    char *rel = kg_arena_printf(c->a, "%s of", lem);
                    if (!rel)
                        return nomem(err);
                    kg_arg s = {kg_clause_np_without(c, z, cw), ez};
                    kg_arg o = {c->s->entities[eh].name, eh};
                    st = put(c, s, rel, rel, o, nn, KG_EMIT_NOMINAL, err);
                }
            }
        }
    }
    return st;
}

kg_status kg_nominal_read(kg_rel_ctx *c, kg_error *err)
{
    kg_status st = appositions(c, err);
    if (st == KG_OK)
        st = titles(c, err);
    if (st == KG_OK)
        st = role_facts(c, err);
    if (st == KG_OK)
        st = possessives(c, err);
    if (st == KG_OK)
        st = nominal_relations(c, err);
    if (st == KG_OK && c->oom)
        st = nomem(err);
    return st;
}
