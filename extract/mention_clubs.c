/* mention_clubs.c - kg_mentions_clubs (mentions.h): once every sentence is
 * scanned, the places the document names as clubs ("Newcastle manager",
 * "Leeds fans", the town of "the Cleveland Indians" in a report of games)
 * are those clubs in every mention, and in a report of games a town's or
 * country's name that is no place of the story is its team. */
#include "mentions.h"
#include "mentions_internal.h"

#include "names.h"

/* The word after candidate c (past a possessive "'s") is a team word. */
/* How surely the word after candidate c (past a possessive) makes it a
 * team: 2 for "Leeds striker", 1 for a word used of more than games
 * ("Hollywood player", "Tory supporters"), 0 for none. */
static int before_team_word(const kg_lexicon *lx, const kg_cand *c, const kg_token *t, size_t n)
{
    size_t a = c->tok_end;
    if (a < n && (eq(t[a].norm, "'s") || eq(t[a].norm, "'")))
        a++;
    if (!(a < n && is_word(&t[a]) && !kg_name_is_cap(&t[a]) &&
          kg_lexicon_in(lx, KG_WL_TEAM_WORDS, t[a].norm)))
        return 0;
    return kg_lexicon_in(lx, KG_WL_SHARED_TEAM_WORDS, t[a].norm) ? 1 : 2;
}

/* "2-0", "21-19": two numbers of a score, as one token or three. */
static bool score_at(const kg_token *t, size_t k, size_t n)
{
    const char *w = t[k].norm;
    size_t a = strspn(w, "0123456789");
    if (a == 0 || a > 2)
        return false;
    if (w[a] == '-') { /* one token, as the tokenizer keeps a hyphenated word */
        size_t b = strspn(w + a + 1, "0123456789");
        return b > 0 && b <= 2 && w[a + 1 + b] == '\0';
    }
    return w[a] == '\0' && t[k].kind == KG_TOK_NUMBER && k + 2 < n && eq(t[k + 1].norm, "-") && !t[k + 1].space_before &&
           !t[k + 2].space_before && t[k + 2].kind == KG_TOK_NUMBER &&
           strspn(t[k + 2].norm, "0123456789") == strlen(t[k + 2].norm) &&
           strlen(t[k + 2].norm) <= 2;
}

/* The sentence gives a score: "won 2-0", "a 21-19 lead". */
static bool game_score(const kg_token *t, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (score_at(t, k, n))
            return true;
    return false;
}

/* The words after candidate c (past a possessive) open a title that is no
 * team word: "Thailand Prime Minister Thaksin", "Italy's President". */
static bool before_title(const kg_lexicon *lx, const kg_cand *c, const kg_token *t, size_t n)
{
    size_t a = c->tok_end;
    if (a < n && (eq(t[a].norm, "'s") || eq(t[a].norm, "'")))
        a++;
    const char *w[4];
    size_t m = 0;
    for (size_t k = a; k < n && m < 4; k++)
        w[m++] = t[k].norm;
    return m > 0 && kg_lexicon_title_len(lx, w, m) > 0 && !kg_lexicon_in(lx, KG_WL_TEAM_WORDS, w[0]);
}

/* Candidate c follows a preposition of place: "in Leicester" is the town. */
static bool placed_name(const kg_lexicon *lx, const kg_cand *c, const kg_token *t)
{
    return c->tok_start > 0 &&
           kg_lexicon_in(lx, KG_WL_PLACE_PREPOSITIONS, t[c->tok_start - 1].norm);
}

/* Candidate c, a place's name, stands for its team. */
static void as_team(kg_cand *c)
{
    c->type = KG_ENT_ORGANIZATION;
    c->country = NULL;
    c->team = true;
}

/* Adds name (n bytes) to *clubs, made on first use. */
static kg_status add_club(kg_entity_finder *f, kg_strmap **clubs, const char *name, size_t n)
{
    if (!*clubs && !(*clubs = kg_strmap_new()))
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    if (kg_strmap_putn(*clubs, name, n, 0))
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    return KG_OK;
}

kg_status kg_mentions_clubs(kg_entity_finder *f, kg_token *const *tokens, const size_t *n_tokens)
{
    kg_strmap *clubs = NULL;
    kg_status st = KG_OK;
    bool sporting = f->sporting;
    for (size_t i = 0; i < f->cands.len; i++) {
        kg_cand *c = kg_vec_at(&f->cands, i);
        c->placed = placed_name(f->lx, c, tokens[c->sentence]);
    }
    /* "Leeds striker", "Ireland captain": one is enough; a shared word
     * ("Hollywood player Howard Hughes") must come twice, or with a score */
    int sure = 0;
    bool scored = false;
    size_t looked = SIZE_MAX; /* each sentence is read for a score once */
    for (size_t i = 0; i < f->cands.len; i++) {
        const kg_cand *c = kg_vec_at(&f->cands, i);
        if (!scored && c->sentence != looked) {
            looked = c->sentence;
            scored = game_score(tokens[c->sentence], n_tokens[c->sentence]);
        }
        if (c->kind == KG_CAND_NAME && (c->type == KG_ENT_LOCATION || c->type == KG_ENT_COUNTRY) &&
            c->name)
            sure += before_team_word(f->lx, c, tokens[c->sentence], n_tokens[c->sentence]);
    }
    sporting |= sure >= 2 || (sure == 1 && scored);
    for (size_t i = 0; i < f->cands.len && st == KG_OK && sporting; i++) {
        const kg_cand *c = kg_vec_at(&f->cands, i);
        if (c->kind == KG_CAND_NAME && c->type == KG_ENT_LOCATION && c->name &&
            before_team_word(f->lx, c, tokens[c->sentence], n_tokens[c->sentence]))
            st = add_club(f, &clubs, c->name, strlen(c->name));
    }
    /* in a report of games, "Cleveland" after "the Cleveland Indians" is
     * the team too (not in a newspaper's "New York Times") */
    for (size_t i = 0; i < f->cands.len && st == KG_OK && sporting; i++) {
        const kg_cand *c = kg_vec_at(&f->cands, i);
        const kg_token *t = tokens[c->sentence];
        if (c->kind == KG_CAND_NAME && c->type == KG_ENT_ORGANIZATION && c->name &&
            c->tok_end - c->name_start >= 2 &&
            kg_mention_type_is_team_name(f->lx, t, c->name_start, c->tok_end)) {
            const char *sp = strrchr(c->name, ' ');
            if (sp)
                st = add_club(f, &clubs, c->name, (size_t)(sp - c->name));
        }
    }
    if (st != KG_OK) {
        kg_strmap_free(clubs);
        return st;
    }
    /* in a report of games a town's name that is no place of the story
     * ("Leicestershire beat Somerset", not "in Leicester", "Leicester :")
     * is its team */
    for (size_t i = 0; i < f->cands.len && sporting; i++) {
        kg_cand *c = kg_vec_at(&f->cands, i);
        const kg_token *t = tokens[c->sentence];
        size_t n = n_tokens[c->sentence];
        if (c->kind != KG_CAND_NAME || (c->type != KG_ENT_LOCATION && c->type != KG_ENT_COUNTRY))
            continue;
        bool placed = c->placed;
        bool label = c->tok_end < n && (eq(t[c->tok_end].norm, ":") || eq(t[c->tok_end].norm, "("));
        /* in the story of a game a country is its national team ("Scott
         * Gray won his cap against Australia"), but not as a nationality
         * ("Britain's Kathy Butler", "the Italian", "from Italy") nor in a
         * row of results, where CoNLL-2003 tags it a place */
        bool whose =
            c->tok_end < n && (eq(t[c->tok_end].norm, "'s") || eq(t[c->tok_end].norm, "'"));
        bool national = c->type == KG_ENT_COUNTRY &&
                        (c->results || whose || c->how == KG_RES_DEMONYM ||
                         (c->tok_start > 0 && eq(t[c->tok_start - 1].norm, "from")));
        if (c->type == KG_ENT_COUNTRY && before_team_word(f->lx, c, t, n))
            national = false;
        else if (before_title(f->lx, c, t, n))
            national = true; /* the country's office, not its team */
        if (!placed && !label && !national)
            as_team(c);
    }
    if (!clubs)
        return KG_OK;
    for (size_t i = 0; i < f->cands.len; i++) {
        kg_cand *c = kg_vec_at(&f->cands, i);
        if (c->kind == KG_CAND_NAME && c->type == KG_ENT_LOCATION && c->name &&
            kg_strmap_get(clubs, c->name, NULL) && !c->placed)
            as_team(c);
    }
    kg_strmap_free(clubs);
    return KG_OK;
}
