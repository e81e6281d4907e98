/* mentions.c - one sentence's tokens into candidate mentions (mentions.h):
 * the places of a dateline, the known names of a headline, pronouns, role
 * descriptions ("the prime minister"), and each capitalized run, which
 * mention_runs.c cuts into candidates; bracketed stock tickers are skipped.
 * The document pass over all of them is mention_clubs.c's. */
#include "mentions.h"
#include "mentions_internal.h"

#include <ctype.h>

#include "names.h"
#include "wire.h"

/* Appends c to f->cands, marked as in a row of results when the sentence
 * is one. */
kg_status kg_mentions_push(kg_entity_finder *f, const kg_cand *c)
{
    kg_cand *in = kg_vec_push(&f->cands, c);
    if (!in)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    in->results = f->score_line;
    return KG_OK;
}

/* "the prime minister", "the secretary": a lower-case title after "the". */
static size_t role_description(const kg_lexicon *lx, kg_arena *a, const kg_token *t, size_t i,
                               size_t n, const char **role)
{
    if (!ieq(t[i].norm, "the") || i + 1 >= n)
        return 0;
    const char *words[4];
    size_t m = 0;
    for (size_t k = i + 1; k < n && m < 4; k++) {
        if (!is_word(&t[k]) || kg_name_is_cap(&t[k]))
            break;
        /* titles are listed capitalized; try the capitalized form */
        char *w = kg_arena_strdup(a, t[k].norm);
        if (!w)
            return 0;
        w[0] = (char)toupper((unsigned char)w[0]);
        words[m++] = w;
    }
    if (m == 0)
        return 0;
    size_t tl = kg_lexicon_title_len(lx, words, m);
    if (tl == 0 || kg_lexicon_is_honorific(lx, words[0]))
        return 0;
    /* "the secretary of state" is fine; "the president's" is fine; but not
     * "the minister of X" where X is capitalized (then it is a name) */
    size_t after = i + 1 + tl;
    if (after < n && kg_name_is_cap(&t[after]))
        return 0;
    *role = kg_name_join_norms(a, t, i + 1, after);
    return after - i;
}

/* c names country, written as title: the country's own name or an alias. */
static void as_country(kg_cand *c, const kg_country *country, const char *title)
{
    c->type = KG_ENT_COUNTRY;
    c->country = country;
    c->name = country->name;
    c->how = eq(title, country->name) ? KG_RES_NAME : KG_RES_ALIAS;
}

/* A candidate of the whole name tokens [s, e) as the lexicon knows it,
 * written in capitals ("NEW YORK", "NATO", "U.S."): a country, an
 * organization or a place, looked up in title case and, for acronyms, as
 * written.  A single word that is also a common English word ("WIN",
 * "LUCKY", "US") is only taken as a country ("TURKEY"): a headline's
 * capitals do not tell "Nice" from "nice". */
static bool known_capital_name(kg_entity_finder *f, const kg_token *t, size_t s, size_t e,
                               kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    char *raw = kg_name_join_norms(f->a, t, s, e);
    char *title = raw ? kg_name_title_case(f->a, raw) : NULL;
    if (!title)
        return false;
    bool common = e - s == 1 && kg_lexicon_is_common_word(lx, raw);
    const kg_country *country = kg_lexicon_country(lx, title);
    if (!country && !common)
        country = kg_lexicon_country(lx, raw);
    if (country) {
        as_country(c, country, title);
        return true;
    }
    if (common)
        return false;
    const char *org = kg_lexicon_organization(lx, title);
    if (!org)
        org = kg_lexicon_organization(lx, raw);
    if (org) {
        c->type = KG_ENT_ORGANIZATION;
        c->name = org;
        c->how = eq(org, title) || eq(org, raw) ? KG_RES_NAME : KG_RES_ACRONYM;
        return true;
    }
    if (kg_lexicon_is_location(lx, title)) {
        c->type = KG_ENT_LOCATION;
        c->name = title;
        c->country = kg_lexicon_location_country(lx, title);
        c->how = KG_RES_NAME;
        return true;
    }
    return false;
}

/* The names of a headline ("SOCCER - JAPAN GET LUCKY WIN"): only those the
 * lexicon knows, longest first.  Capitals hide which words are names, so
 * the rules for running text would make actors of "SOCCER" and "YORK";
 * known names alone keep the countries and places headlines are full of
 * (on CoNLL-2003's development set, against finding no names in headlines:
 * LOC F1 87.6 against 86.0, all 76.9 against 76.0; the capitalized-run
 * rules there, 71.5 in all, made ~120 organizations of "SOCCER" and the
 * like and found almost nothing right). */
static kg_status headline_names(kg_entity_finder *f, size_t si, const kg_token *t, size_t i,
                                size_t n)
{
    while (i < n) {
        size_t len = 4;
        kg_cand c = {.kind = KG_CAND_NAME, .sentence = si, .entity = -1, .place = -1};
        for (; len >= 1; len--) {
            bool words = i + len <= n;
            for (size_t k = i; words && k < i + len; k++)
                words = is_word(&t[k]);
            if (words && known_capital_name(f, t, i, i + len, &c))
                break;
        }
        if (len == 0) {
            i++;
            continue;
        }
        c.tok_start = c.name_start = i;
        c.tok_end = i + len;
        if (f->score_line && c.type == KG_ENT_LOCATION) {
            c.type = KG_ENT_ORGANIZATION; /* "KANSAS CITY 61 74 .452 20": the team */
            c.country = NULL;
        }
        kg_status st = kg_mentions_push(f, &c);
        if (st != KG_OK)
            return st;
        i += len;
    }
    return KG_OK;
}

/* A place a dateline names ("NEW YORK", "N.H."): a location, or the
 * country the lexicon knows by that name; never a person or a body. */
static kg_status dateline_place(kg_entity_finder *f, size_t si, const kg_token *t, size_t n,
                                kg_span place)
{
    size_t s = 0;
    while (s < n && t[s].start < place.start)
        s++;
    size_t e = s;
    while (e < n && t[e].end <= place.end)
        e++;
    if (s >= e)
        return KG_OK;
    char *raw = kg_name_join_norms(f->a, t, s, e);
    char *title = raw ? kg_name_title_case(f->a, raw) : NULL;
    if (!title)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    kg_cand c = {.kind = KG_CAND_NAME,
                 .sentence = si,
                 .tok_start = s,
                 .tok_end = e,
                 .name_start = s,
                 .type = KG_ENT_LOCATION,
                 .name = title,
                 .how = KG_RES_NAME,
                 .entity = -1,
                 .place = -1};
    const kg_country *country = kg_lexicon_country(f->lx, title);
    if (country) {
        as_country(&c, country, title);
    } else {
        c.country = kg_lexicon_location_country(f->lx, title);
    }
    return kg_mentions_push(f, &c);
}

/* The dateline of sentence si, if it opens with one: its places become
 * candidates; the index of the story's first token. */
static kg_status dateline(kg_entity_finder *f, size_t si, const kg_token *t, size_t n,
                          size_t *story)
{
    *story = 0;
    if (n == 0)
        return KG_OK;
    kg_span sentence = {t[0].start, t[n - 1].end};
    kg_span places[2];
    size_t np = kg_wire_dateline_places(f->text, sentence, places, 2);
    for (size_t p = 0; p < np; p++) {
        kg_status st = dateline_place(f, si, t, n, places[p]);
        if (st != KG_OK)
            return st;
    }
    size_t end = kg_wire_dateline_end(f->text, sentence);
    while (*story < n && t[*story].start < end)
        (*story)++;
    return KG_OK;
}

/* How many tokens from i make a bracketed stock ticker, 0 if none:
 * "<C>", "<GM.N>", "(NYSE: XOM)", or "(PWJ)" right after the company whose
 * candidate (with the ticker as its acronym) run_name has already made.  A
 * ticker is no entity of its own. */
static size_t ticker_len(const kg_entity_finder *f, size_t si, const kg_token *t, size_t i,
                         size_t n)
{
    if (i + 2 < n && eq(t[i].norm, "<") && eq(t[i + 2].norm, ">") && kg_name_is_cap(&t[i + 1]))
        return 3;
    if (i + 4 < n && eq(t[i].norm, "(") && kg_name_is_cap(&t[i + 1]) && eq(t[i + 2].norm, ":") &&
        kg_name_is_cap(&t[i + 3]) && eq(t[i + 4].norm, ")"))
        return 5;
    if (i + 2 < n && eq(t[i].norm, "(") && eq(t[i + 2].norm, ")") && f->cands.len > 0) {
        const kg_cand *last = kg_vec_at(&f->cands, f->cands.len - 1);
        if (last->sentence == si && last->acronym_of && last->tok_start == i + 1)
            return 3;
    }
    return 0;
}

/* A row of results: two or more names each right before a number, and
 * hardly a lower-case word ("Lotte 6 Hyundai 2", "Warwickshire 195 ,
 * Surrey 429-7"), or a row of standings, one name and its numbers. */
static bool score_line(const kg_token *t, size_t n)
{
    size_t pairs = 0, lower = 0, numbers = 0, names = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_word(&t[i]) && !kg_name_is_cap(&t[i]))
            lower++;
        if (i + 1 < n && kg_name_is_cap(&t[i]) && t[i + 1].kind == KG_TOK_NUMBER)
            pairs++;
        numbers += t[i].kind == KG_TOK_NUMBER;
        names += is_word(&t[i]) && kg_name_is_cap(&t[i]) && (i == 0 || !kg_name_is_cap(&t[i - 1]));
    }
    /* a row of a table of standings: one name, then its numbers
     * ("KANSAS CITY 61 74 .452 20") */
    bool standings = names == 1 && numbers >= 2 && lower == 0 && n > 0 && is_word(&t[0]) &&
                     kg_name_is_cap(&t[0]);
    return (pairs >= 2 && lower <= 3) || standings;
}

kg_status kg_mentions_scan(kg_entity_finder *f, size_t si, const kg_token *t, size_t n)
{
    size_t i;
    f->score_line = score_line(t, n);
    f->sporting |= f->score_line;
    f->cur_n = n;
    f->cur_t = t;
    f->ner_done = false;
    f->n_ner_spans = 0;
    kg_status st = dateline(f, si, t, n, &i);
    if (st != KG_OK || i >= n)
        return st;
    if (kg_wire_is_headline(f->text, (kg_span){t[i].start, t[n - 1].end})) {
        size_t words = 0;
        for (size_t k = i; k < n; k++)
            words += is_word(&t[k]);
        /* a word alone in capitals ("SOCCER", "ATLANTA" heading a row of a
         * table) gives no context at all: nothing is taken from it */
        return words > 1 ? headline_names(f, si, t, i, n) : KG_OK;
    }
    while (i < n) {
        size_t ticker = ticker_len(f, si, t, i, n);
        if (ticker) {
            i += ticker;
            continue;
        }
        const char *w = t[i].norm;
        kg_gender g = kg_name_pronoun_gender(w);
        if (g != KG_GENDER_UNKNOWN) {
            kg_cand c = {.kind = KG_CAND_PRONOUN,
                         .sentence = si,
                         .tok_start = i,
                         .tok_end = i + 1,
                         .name_start = i,
                         .type = KG_ENT_PERSON,
                         .name = w,
                         .how = KG_RES_PRONOUN,
                         .gender = g,
                         .entity = -1,
                         .place = -1};
            kg_status st = kg_mentions_push(f, &c);
            if (st != KG_OK)
                return st;
            i++;
            continue;
        }
        const char *role = NULL;
        size_t rl = role_description(f->lx, f->a, t, i, n, &role);
        if (rl) {
            kg_cand c = {.kind = KG_CAND_ROLE,
                         .sentence = si,
                         .tok_start = i + 1,
                         .tok_end = i + rl,
                         .name_start = i + rl,
                         .type = KG_ENT_PERSON,
                         .role = role,
                         .how = KG_RES_ROLE,
                         .entity = -1,
                         .place = -1};
            kg_status st = kg_mentions_push(f, &c);
            if (st != KG_OK)
                return st;
            i += rl;
            continue;
        }
        bool known_lower =
            is_word(&t[i]) && !kg_name_is_cap(&t[i]) && kg_lexicon_organization(f->lx, w) != NULL;
        if (!known_lower && (!kg_name_is_name_word(&t[i]) || kg_name_is_calendar_word(w))) {
            i++;
            continue;
        }
        size_t j;
        kg_status st = kg_mention_runs_add(f, si, t, n, i, &j);
        if (st != KG_OK)
            return st;
        i = j;
    }
    return KG_OK;
}
