/* mention_type.c - what a capitalized name is (mentions_internal.h): a
 * country, an organization, a place or a person, or nothing we keep.  The
 * lexicon's lists decide first, then the words in and around the name, then
 * the statistical typer's confident organizations and the name's form (a
 * team's plural, an acronym); a name no test types is a person when its
 * words are no common ones.  The word tests of organizations and teams the
 * other mention files share live here too. */
#include "mentions_internal.h"

#include <ctype.h>
#include <stdio.h>

#include "names.h"
#include "tokens.h"

/* How far the typer's best tag must lead the next for its class to count
 * (the perceptron's units; 0, 10 and 20 measured on CoNLL-2003 dev: 10 kept
 * the most of the typer's organizations at the least cost in persons). */
#define NER_MIN_MARGIN 10.0f

/* A legal form that ends a company's name: "Corp", "Co", "Ltd", "AG". */
bool kg_mention_type_is_legal_form(const kg_lexicon *lx, const kg_token *t)
{
    return kg_name_is_cap(t) && kg_lexicon_in(lx, KG_WL_LEGAL_FORMS, t->norm);
}

/* A word that makes a longer capitalized phrase an organization: a cue
 * ("Ministry", "Bank") or a legal form. */
bool kg_mention_type_is_org_word(const kg_lexicon *lx, const kg_token *t)
{
    return kg_lexicon_is_org_cue(lx, t->norm) || kg_mention_type_is_legal_form(lx, t);
}

/* [s, e) is a place's name and then one capitalized plural. */
bool kg_mention_type_is_team_name(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e)
{
    const char *last = t[e - 1].norm;
    size_t len = strlen(last);
    if (len < 4 || last[len - 1] != 's' || last[len - 2] == 's' || last[len - 2] == '\'' ||
        !kg_name_is_cap(&t[e - 1]))
        return false;
    char buf[128] = "";
    for (size_t i = s; i + 1 < e; i++) {
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", t[i].norm);
    }
    return kg_lexicon_is_location(lx, buf) || kg_lexicon_country(lx, buf);
}

/* The run [s, e) is all that stands between two quotation marks. */
static bool quoted(const kg_token *t, size_t s, size_t e, size_t n)
{
    return s > 0 && e < n && kg_tokens_is_quote(t[s - 1].norm) && kg_tokens_is_quote(t[e].norm);
}

static bool all_caps(const char *w)
{
    bool letter = false;
    for (; *w; w++) {
        if (islower((unsigned char)*w))
            return false;
        letter |= isupper((unsigned char)*w) != 0;
    }
    return letter;
}

/* The statistical typer's spans of the sentence, into f; done once, and
 * only for a sentence with a name the word lists cannot type (the typer
 * costs 4 us a sentence, most of the entity stage if run on every one). */
static kg_status tag_sentence(kg_entity_finder *f, const kg_token *t, size_t n)
{
    if (f->ner_done)
        return KG_OK;
    f->ner_done = true;
    f->n_ner_spans = 0;
    if (!f->ner || n == 0)
        return KG_OK;
    const char **forms = kg_arena_alloc(f->a, n * sizeof *forms);
    if (!forms)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    for (size_t i = 0; i < n; i++)
        forms[i] = t[i].norm;
    return kg_ner_tag(f->ner, f->lx, f->a, forms, n, &f->ner_spans, &f->n_ner_spans, f->err);
}

/* The typer's span that is the run [s, e), give or take a word at either
 * end, when it is sure enough to overrule the rules' guesses. */
static const kg_ner_span *ner_span(kg_entity_finder *f, size_t s, size_t e)
{
    if (tag_sentence(f, f->cur_t, f->cur_n) != KG_OK)
        return NULL; /* out of memory: the rules alone type the run */
    for (size_t k = 0; k < f->n_ner_spans; k++) {
        const kg_ner_span *sp = &f->ner_spans[k];
        if (sp->start + 1 >= s + 1 && sp->start <= s + 1 && sp->end + 1 >= e && sp->end <= e + 1 &&
            sp->margin >= NER_MIN_MARGIN)
            return sp;
    }
    return NULL;
}

/* A run that reads as a person's name: a given name first ("Chris
 * Lewis"), or an initial ("C. Lewis", "T.O'Gorman") in a scorecard. */
static bool person_like(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e)
{
    if (e - s >= 2 && kg_lexicon_is_given_name(lx, t[s].norm))
        return true;
    const char *w = t[s].norm;
    size_t len = strlen(w);
    bool initial = len >= 2 && isupper((unsigned char)w[0]) && w[1] == '.';
    return initial && (e - s >= 2 || len > 2);
}

/* How far kg_mention_type_name has got with a name: typed, found to name
 * nothing we keep, or still open for the next test. */
typedef enum { TYPING_OPEN, TYPING_KEPT, TYPING_DROPPED } typing;

/* What the lexicon knows the whole name as: a country, an organization or
 * a place (none of them after a title); in a row of results a name before
 * its score is a team. */
static typing type_known(kg_entity_finder *f, const kg_token *t, size_t s, size_t e,
                         const char *name, bool titled, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    size_t n = e - s;
    const kg_country *country = kg_lexicon_country(lx, name);
    if (country && !titled) {
        c->type = KG_ENT_COUNTRY;
        c->country = country;
        c->name = country->name;
        c->how = eq(name, country->name) ? KG_RES_NAME : KG_RES_ALIAS;
        return TYPING_KEPT;
    }
    /* in a row of results a name before its score is a team; a country
     * stays the country (its national side, as CoNLL-2003 reads it) */
    if (f->score_line && !titled && n <= 3 && e < f->cur_n && t[e].kind == KG_TOK_NUMBER &&
        !country && !person_like(lx, t, s, e)) {
        c->type = KG_ENT_ORGANIZATION;
        return TYPING_KEPT;
    }
    const char *org = kg_lexicon_organization(lx, name);
    if (org && !titled) {
        c->type = KG_ENT_ORGANIZATION;
        c->how = eq(org, name) ? KG_RES_NAME : KG_RES_ACRONYM;
        c->name = org;
        return TYPING_KEPT;
    }
    if (!titled && kg_lexicon_is_location(lx, name)) {
        c->type = KG_ENT_LOCATION;
        c->country = kg_lexicon_location_country(lx, name);
        return TYPING_KEPT;
    }
    return TYPING_OPEN;
}

/* What the words of the name and beside it say: a ship's prefix, a noun
 * of organizations, an event's word or quotation marks, a cue word. */
static typing type_by_words(kg_entity_finder *f, const kg_token *t, size_t s, size_t e,
                            const char *name, bool titled, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    size_t n = e - s;
    /* a ship ("HMS Chatham", "USS Cole") is no actor */
    if (n >= 2 && all_caps(t[s].norm) && kg_lexicon_in(lx, KG_WL_VESSEL_PREFIXES, t[s].norm))
        return TYPING_DROPPED;
    /* "Russian oil firm Yukos", "the Guardian newspaper": the noun beside
     * the name says what it is */
    if (!titled && ((s > 0 && is_word(&t[s - 1]) && !kg_name_is_cap(&t[s - 1]) &&
                     kg_lexicon_in(lx, KG_WL_ORG_NOUNS, t[s - 1].norm)) ||
                    (e < f->cur_n && is_word(&t[e]) && !kg_name_is_cap(&t[e]) &&
                     kg_lexicon_in(lx, KG_WL_ORG_NOUNS, t[e].norm)))) {
        c->type = KG_ENT_ORGANIZATION;
        return TYPING_KEPT;
    }
    /* an event ("Academy Awards", "French Open") or a work named in
     * quotation marks ("Viva Zapata", "On the Waterfront") is no actor */
    /* ... nor is one named before its kind: "a Golden Globe award" */
    if ((n >= 2 && kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e - 1].norm) &&
         !kg_lexicon_organization(lx, name)) ||
        (e < f->cur_n && is_word(&t[e]) && !kg_name_is_cap(&t[e]) &&
         kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e].norm) && !kg_lexicon_organization(lx, name)) ||
        quoted(t, s, e, f->cur_n))
        return TYPING_DROPPED;
    /* a cue word makes an organization of a longer name ("State
     * Department"), not of itself ("the Department", "Radio 4") */
    for (size_t i = s; i < e && n >= 2; i++) {
        if (kg_mention_type_is_org_word(lx, &t[i]) && !(titled && i == s)) {
            c->type = KG_ENT_ORGANIZATION;
            return TYPING_KEPT;
        }
    }
    return TYPING_OPEN;
}

/* An organization by the statistical typer or by the name's form: a place
 * and a plural, an acronym first or alone.  Capitals that name no actor
 * ("TV") are nothing. */
static typing type_organization(kg_entity_finder *f, const kg_token *t, size_t s, size_t e,
                                const char *name, bool titled, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    size_t n = e - s;
    /* "TV", "GDP", "HIV" in capitals name no actor at all */
    if (n == 1 && kg_lexicon_in(lx, KG_WL_NOT_ORGS, name) && all_caps(name))
        return TYPING_DROPPED;
    /* what the word lists cannot tell, the statistical typer may: an
     * organization by its context ("oil firm Yukos", "told the Guardian
     * newspaper").  Its persons, places and other names are not taken: on
     * CoNLL-2003 dev they cost the rules below more than they gave (PER
     * 87.2 -> 85.8 with its "not an actor" class, ORG 38.5 -> 40.2 from its
     * organizations at a margin of 10).  A given name and a surname are a
     * person before it is asked: it costs 4 us a sentence. */
    bool lone_cue = n == 1 && kg_lexicon_is_org_cue(lx, name); /* "the Department" */
    const kg_ner_span *sp = titled || lone_cue ? NULL : ner_span(f, s, e);
    if (sp && sp->cls == KG_NER_ORG) {
        c->type = KG_ENT_ORGANIZATION;
        return TYPING_KEPT;
    }
    /* a place and a plural: a team ("Cleveland Indians", "Texas Rangers",
     * "Leeds Rhinos"), not a person */
    if (n >= 2 && kg_mention_type_is_team_name(lx, t, s, e)) {
        c->type = KG_ENT_ORGANIZATION;
        return TYPING_KEPT;
    }
    /* no person's name opens with an acronym: "PSV Eindhoven", "ING
     * Barings", "BBC Radio" */
    if (n >= 2 && strlen(t[s].norm) >= 2 && strlen(t[s].norm) <= 5 && all_caps(t[s].norm) &&
        !strchr(t[s].norm, '.') && !kg_lexicon_in(lx, KG_WL_NOT_ORGS, t[s].norm)) {
        c->type = KG_ENT_ORGANIZATION;
        return TYPING_KEPT;
    }
    /* An all-capital word of two to six letters is an acronym: "NATO", "ONGC" */
    if (n == 1 && strlen(name) >= 2 && strlen(name) <= 6) {
        bool caps = true;
        for (const char *p = name; *p; p++)
            if (!isupper((unsigned char)*p) && *p != '.')
                caps = false;
        if (caps) {
            c->type = KG_ENT_ORGANIZATION;
            return TYPING_KEPT;
        }
    }
    return TYPING_OPEN;
}

/* What no test has typed: a person if none of its words is a common one
 * (given names aside), and a single word at a clause's start only if the
 * document names it so elsewhere; a lone cue word is nothing. */
static bool type_rest(kg_entity_finder *f, const kg_token *t, size_t s, size_t e, const char *name,
                      bool clause_start, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    size_t n = e - s;
    size_t commons = 0;
    for (size_t i = s; i < e; i++)
        if (kg_lexicon_is_common_word(lx, t[i].norm) && !kg_lexicon_is_given_name(lx, t[i].norm))
            commons++;
    if (n == 1 && kg_lexicon_is_org_cue(lx, name))
        return false;
    if (clause_start && n == 1 && kg_lexicon_is_common_word(lx, name)) {
        /* "Bush said ..." at a sentence start: only an entity if the
         * document names one so elsewhere */
        c->kind = KG_CAND_UNKNOWN;
        c->type = KG_ENT_PERSON;
        return true;
    }
    /* "a Royal Marine", "the Honda Accura": an article before capitals
     * nothing else types makes them a kind or a thing, not someone's name */
    bool article = s > 0 && (eq(t[s - 1].norm, "a") || eq(t[s - 1].norm, "an") ||
                             eq(t[s - 1].norm, "the") || eq(t[s - 1].norm, "The"));
    if (n >= 2 && n <= 4 && commons == 0 && !article) {
        c->type = KG_ENT_PERSON;
        return true;
    }
    if (n == 1 && commons == 0) {
        c->kind = KG_CAND_UNKNOWN;
        c->type = KG_ENT_PERSON;
        return true;
    }
    return false;
}

/* Types the name tokens [s, e) of a run (titles already removed).  Returns
 * false when the words name nothing we keep. */
bool kg_mention_type_name(kg_entity_finder *f, const kg_token *t, size_t s, size_t e, bool titled,
                          bool clause_start, kg_cand *c)
{
    char *name = kg_name_join_norms(f->a, t, s, e);
    if (!name)
        return false;
    c->name = name;
    typing v = type_known(f, t, s, e, name, titled, c);
    if (v == TYPING_OPEN)
        v = type_by_words(f, t, s, e, name, titled, c);
    if (v != TYPING_OPEN)
        return v == TYPING_KEPT;
    /* a title, or a given name and a surname or two: a person */
    size_t n = e - s;
    if (titled || (kg_lexicon_is_given_name(f->lx, t[s].norm) && n >= 2 && n <= 5)) {
        c->type = KG_ENT_PERSON;
        return true;
    }
    v = type_organization(f, t, s, e, name, titled, c);
    if (v != TYPING_OPEN)
        return v == TYPING_KEPT;
    return type_rest(f, t, s, e, name, clause_start, c);
}
