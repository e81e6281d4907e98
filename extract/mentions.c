/* mentions.c - one sentence's tokens into candidate mentions (mentions.h). */
#include "mentions.h"

#include <ctype.h>
#include <stdio.h>

#include "names.h"
#include "tokens.h"
#include "wire.h"

/* How far the typer's best tag must lead the next for its class to count
 * (the perceptron's units; 0, 10 and 20 measured on CoNLL-2003 dev: 10 kept
 * the most of the typer's organizations at the least cost in persons). */
#define NER_MIN_MARGIN 10.0f

static kg_status push_cand(kg_entity_finder *f, const kg_cand *c)
{
    kg_cand *in = kg_vec_push(&f->cands, c);
    if (!in)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    in->results = f->score_line;
    return KG_OK;
}

/* Is token i where a sentence (or a quotation or bracket) starts, so that its
 * capital says nothing? */
static bool at_clause_start(const kg_token *t, size_t i)
{
    if (i == 0)
        return true;
    const char *p = t[i - 1].norm;
    return eq(p, "\"") || eq(p, "(") || eq(p, "'") || eq(p, "[") || eq(p, ":") || eq(p, "-");
}

static bool lexicon_names(const kg_lexicon *lx, const char *name)
{
    return kg_lexicon_country(lx, name) || kg_lexicon_organization(lx, name) ||
           kg_lexicon_is_location(lx, name);
}

/* A legal form that ends a company's name: "Corp", "Co", "Ltd", "AG". */
static bool is_legal_form(const kg_lexicon *lx, const kg_token *t)
{
    return kg_name_is_cap(t) && kg_lexicon_in(lx, KG_WL_LEGAL_FORMS, t->norm);
}

/* A word that makes a longer capitalized phrase an organization: a cue
 * ("Ministry", "Bank") or a legal form. */
static bool is_org_word(const kg_lexicon *lx, const kg_token *t)
{
    return kg_lexicon_is_org_cue(lx, t->norm) || is_legal_form(lx, t);
}

/* [s, e) is a place's name and then one capitalized plural. */
static bool team_name(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e)
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

/* The typer's span that is the run [s, e), give or take a word at either
 * end, when it is sure enough to overrule the rules' guesses. */
static kg_status tag_sentence(kg_entity_finder *f, const kg_token *t, size_t n);

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

/* Types the name tokens [s, e) of a run (titles already removed).  Returns
 * false when the words name nothing we keep. */
static bool type_name(kg_entity_finder *f, const kg_token *t, size_t s, size_t e, bool titled,
                      bool clause_start, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    char *name = kg_name_join_norms(f->a, t, s, e);
    if (!name)
        return false;
    c->name = name;
    size_t n = e - s;
    const kg_country *country = kg_lexicon_country(lx, name);
    if (country && !titled) {
        c->type = KG_ENT_COUNTRY;
        c->country = country;
        c->name = country->name;
        c->how = eq(name, country->name) ? KG_RES_NAME : KG_RES_ALIAS;
        return true;
    }
    /* in a row of results a name before its score is a team; a country
     * stays the country (its national side, as CoNLL-2003 reads it) */
    if (f->score_line && !titled && n <= 3 && e < f->cur_n && t[e].kind == KG_TOK_NUMBER &&
        !country && !person_like(lx, t, s, e)) {
        c->type = KG_ENT_ORGANIZATION;
        return true;
    }
    const char *org = kg_lexicon_organization(lx, name);
    if (org && !titled) {
        c->type = KG_ENT_ORGANIZATION;
        c->how = eq(org, name) ? KG_RES_NAME : KG_RES_ACRONYM;
        c->name = org;
        return true;
    }
    if (!titled && kg_lexicon_is_location(lx, name)) {
        c->type = KG_ENT_LOCATION;
        c->country = kg_lexicon_location_country(lx, name);
        return true;
    }
    /* a ship ("HMS Chatham", "USS Cole") is no actor */
    if (n >= 2 && all_caps(t[s].norm) && kg_lexicon_in(lx, KG_WL_VESSEL_PREFIXES, t[s].norm))
        return false;
    /* "Russian oil firm Yukos", "the Guardian newspaper": the noun beside
     * the name says what it is */
    if (!titled && ((s > 0 && is_word(&t[s - 1]) && !kg_name_is_cap(&t[s - 1]) &&
                     kg_lexicon_in(lx, KG_WL_ORG_NOUNS, t[s - 1].norm)) ||
                    (e < f->cur_n && is_word(&t[e]) && !kg_name_is_cap(&t[e]) &&
                     kg_lexicon_in(lx, KG_WL_ORG_NOUNS, t[e].norm)))) {
        c->type = KG_ENT_ORGANIZATION;
        return true;
    }
    /* an event ("Academy Awards", "French Open") or a work named in
     * quotation marks ("Viva Zapata", "On the Waterfront") is no actor */
    /* ... nor is one named before its kind: "a Golden Globe award" */
    if ((n >= 2 && kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e - 1].norm) &&
         !kg_lexicon_organization(lx, name)) ||
        (e < f->cur_n && is_word(&t[e]) && !kg_name_is_cap(&t[e]) &&
         kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e].norm) && !kg_lexicon_organization(lx, name)) ||
        quoted(t, s, e, f->cur_n))
        return false;
    /* a cue word makes an organization of a longer name ("State
     * Department"), not of itself ("the Department", "Radio 4") */
    for (size_t i = s; i < e && n >= 2; i++) {
        if (is_org_word(lx, &t[i]) && !(titled && i == s)) {
            c->type = KG_ENT_ORGANIZATION;
            return true;
        }
    }
    bool given = kg_lexicon_is_given_name(lx, t[s].norm);
    size_t commons = 0;
    for (size_t i = s; i < e; i++)
        if (kg_lexicon_is_common_word(lx, t[i].norm) && !kg_lexicon_is_given_name(lx, t[i].norm))
            commons++;
    if (titled || (given && n >= 2 && n <= 5)) {
        c->type = KG_ENT_PERSON;
        return true;
    }
    /* "TV", "GDP", "HIV" in capitals name no actor at all */
    if (n == 1 && kg_lexicon_in(lx, KG_WL_NOT_ORGS, name) && all_caps(name))
        return false;
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
        return true;
    }
    /* a place and a plural: a team ("Cleveland Indians", "Texas Rangers",
     * "Leeds Rhinos"), not a person */
    if (n >= 2 && team_name(lx, t, s, e)) {
        c->type = KG_ENT_ORGANIZATION;
        return true;
    }
    /* no person's name opens with an acronym: "PSV Eindhoven", "ING
     * Barings", "BBC Radio" */
    if (n >= 2 && strlen(t[s].norm) >= 2 && strlen(t[s].norm) <= 5 && all_caps(t[s].norm) &&
        !strchr(t[s].norm, '.') && !kg_lexicon_in(lx, KG_WL_NOT_ORGS, t[s].norm)) {
        c->type = KG_ENT_ORGANIZATION;
        return true;
    }
    /* An all-capital word of two to six letters is an acronym: "NATO", "ONGC" */
    if (n == 1 && strlen(name) >= 2 && strlen(name) <= 6) {
        bool caps = true;
        for (const char *p = name; *p; p++)
            if (!isupper((unsigned char)*p) && *p != '.')
                caps = false;
        if (caps) {
            c->type = KG_ENT_ORGANIZATION;
            return true;
        }
    }
    if (n == 1 && kg_lexicon_is_org_cue(lx, name))
        return false;
    if (clause_start && n == 1 && kg_lexicon_is_common_word(lx, name)) {
        /* "Bush said ..." at a sentence start: only an entity if the
         * document names one so elsewhere */
        c->kind = KG_CAND_UNKNOWN;
        c->type = KG_ENT_PERSON;
        return true;
    }
    if (n >= 2 && n <= 4 && commons == 0) {
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

/* A demonym followed by lower-case words that end in an organization cue:
 * "Israeli government", "Gaza health ministry", "Biden administration". */
static size_t lowercase_org_tail(const kg_lexicon *lx, const kg_token *t, size_t e, size_t n)
{
    for (size_t k = e; k < n && k < e + 3; k++) {
        if (!is_word(&t[k]) || kg_name_is_cap(&t[k]))
            return 0;
        if (kg_lexicon_is_org_cue(lx, t[k].norm))
            return k + 1;
        /* "Reliance Group acquired the government's stake": a clause, not
         * a name, runs on to the cue */
        char buf[64];
        const char *lemma = kg_lexicon_verb_lemma(lx, t[k].norm, buf, sizeof buf);
        size_t len = strlen(t[k].norm);
        if (eq(t[k].norm, "the") || eq(t[k].norm, "a") || eq(t[k].norm, "an") ||
            (len > 2 && !strcmp(t[k].norm + len - 2, "ed") && lemma && strcmp(lemma, t[k].norm)))
            return 0;
    }
    return 0;
}

static kg_status add_run(kg_entity_finder *f, size_t si, const kg_token *t, size_t n, size_t s,
                         size_t e);

/* "Institute for the Future", "Church of the Nativity": at token k an
 * "of the" or "for the" after a body's cue word goes on with its name. */
static bool body_goes_on(const kg_lexicon *lx, const kg_token *t, size_t k, size_t n)
{
    return k > 0 && k + 1 < n && (eq(t[k].norm, "of") || eq(t[k].norm, "for")) &&
           eq(t[k + 1].norm, "the") && is_org_word(lx, &t[k - 1]);
}

/* Splits a run at its connectors when the whole does not name one thing:
 * "Israel and Palestine" is two; "Bosnia and Herzegovina" is one. */
static kg_status add_run_parts(kg_entity_finder *f, size_t si, const kg_token *t, size_t n,
                               size_t s, size_t e)
{
    /* a legal form ends a name: "Chrysler Corp American Motors Corp" is
     * two companies, "Bear Stearns Co Inc" one */
    for (size_t k = s + 1; k + 1 < e; k++) {
        if (is_legal_form(f->lx, &t[k]) && kg_name_is_name_word(&t[k + 1]) &&
            !is_legal_form(f->lx, &t[k + 1])) {
            kg_status st = add_run_parts(f, si, t, n, s, k + 1);
            return st != KG_OK ? st : add_run_parts(f, si, t, n, k + 1, e);
        }
    }
    for (size_t k = s + 1; k + 1 < e; k++) {
        if (body_goes_on(f->lx, t, k, e))
            continue;
        /* a particle ("Mohammed bin Salman") never separates two names */
        if ((kg_name_is_connector(t[k].norm) &&
             !kg_name_is_particle(t[k].norm, strlen(t[k].norm), false)) ||
            eq(t[k].norm, "and")) {
            char *whole = kg_name_join_norms(f->a, t, s, e);
            /* "Department of Health and Human Services" and "Oil & Natural
             * Gas Corporation" are one body each, "Apple Inc. and Microsoft
             * Corp." two: both sides of the "and" end in a cue, the left one
             * after a name ("Entertainment and Leisure Software Publishers
             * Association" is one) */
            /* Before a legal form only a legal form ends the left side:
             * "Hudson Bay Mining and Smelting Co Ltd" is one. */
            bool left_ends = is_legal_form(f->lx, &t[e - 1]) ? is_legal_form(f->lx, &t[k - 1])
                                                              : is_org_word(f->lx, &t[k - 1]);
            /* "Kofi Annan and World Bank officials": a person's name on the
             * left is no part of a body's */
            bool person_left = eq(t[k].norm, "and") &&
                               ((k - s >= 2 && k - s <= 3 && kg_lexicon_is_given_name(f->lx, t[s].norm)) ||
                                (k + 1 < e && eq(t[k + 1].norm, "The"))); /* "Gervais and The Office" */
            /* "Royal Bank of Scotland", "British Chambers of Commerce": a
             * body's name goes on past "of" */
            bool body_of = eq(t[k].norm, "of") && is_org_word(f->lx, &t[k - 1]);
            if (whole && !person_left &&
                (lexicon_names(f->lx, whole) || body_of ||
                 (is_org_word(f->lx, &t[e - 1]) &&
                  (!eq(t[k].norm, "and") || k - s < 2 || !left_ends))))
                break;
            /* "Secretary of State" is a title, keep it whole, also after
             * its country ("US Secretary of State Condoleezza Rice") */
            bool title_across = false;
            for (size_t from = s; from < k && from <= s + 2 && !title_across; from++) {
                const char *words[8];
                size_t m = 0;
                for (size_t i = from; i < e && m < 8; i++)
                    words[m++] = t[i].norm;
                title_across = kg_lexicon_title_len(f->lx, words, m) > k - from;
            }
            if (title_across)
                break;
            kg_status st = add_run(f, si, t, n, s, k);
            if (st != KG_OK)
                return st;
            return add_run_parts(f, si, t, n, k + 1, e);
        }
    }
    return add_run(f, si, t, n, s, e);
}

/* "California-based", "state-owned": a compound of a place or body and a
 * participle that describes what follows. */
static bool attributive(const kg_lexicon *lx, const char *w)
{
    const char *dash = strrchr(w, '-');
    return dash && dash > w && kg_lexicon_in(lx, KG_WL_ATTRIBUTIVE_SUFFIXES, dash + 1);
}

/* Drops the words of run [*s, *e) that are capitalized only by position
 * ("The", "However", "During") and connectors at either end. */
static void trim_run(const kg_lexicon *lx, const kg_token *t, size_t *s, size_t *e)
{
    bool org_name = is_org_word(lx, &t[*e - 1]);
    if (*e - *s > 1) {
        char whole[256];
        size_t at = 0;
        for (size_t i = *s; i < *e && at < sizeof whole; i++)
            at += (size_t)snprintf(whole + at, sizeof whole - at, "%s%s", i > *s ? " " : "",
                                   t[i].norm);
        /* "New Zealand" at a sentence's start: the whole is the name */
        if (at < sizeof whole && lexicon_names(lx, whole))
            org_name = true;
    }
    while (*s < *e &&
           (eq(t[*s].norm, "The") || (at_clause_start(t, *s) && *e - *s > 1 && !org_name &&
                                      kg_lexicon_is_common_word(lx, t[*s].norm) &&
                                      !kg_lexicon_demonym(lx, t[*s].norm, NULL) &&
                                      !kg_lexicon_is_given_name(lx, t[*s].norm)))) {
        const char *w[8];
        size_t m = 0;
        for (size_t i = *s; i < *e && m < 8; i++)
            w[m++] = t[i].norm;
        if (!eq(t[*s].norm, "The") &&
            (kg_lexicon_title_len(lx, w, m) || kg_lexicon_country(lx, t[*s].norm)))
            break;
        (*s)++;
    }
    /* "the California-based Institute", "Kremlin-backed Rosneft": a
     * description of the body is no part of its name */
    while (*e - *s > 1 && attributive(lx, t[*s].norm))
        (*s)++;
    /* "But Human Rights Watch": an opener is never part of a name */
    while (*s < *e && at_clause_start(t, *s) &&
           kg_lexicon_in(lx, KG_WL_CLAUSE_OPENERS, t[*s].norm))
        (*s)++;
    while (*s < *e && kg_name_is_connector(t[*s].norm))
        (*s)++;
    while (*e > *s && kg_name_is_connector(t[*e - 1].norm))
        (*e)--;
}

/* A demonym that begins a company's name: [s, e) is the demonym and one to
 * three words that end in a legal form ("American Motors Corp") or in a
 * plural that no title, given name, place or cue explains ("American
 * Motors", "British Airways"; "American Express" is in organizations.txt).
 * "American Pete Sampras", "British Prime Minister", "Israeli Defence
 * Ministry" and "French Open" are not.  Only plurals: on CoNLL-2003 a
 * singular there was more often an event ("German Cup") than a company. */
static bool demonym_company(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e)
{
    if (e - s < 2 || e - s > 4)
        return false;
    if (is_legal_form(lx, &t[e - 1]))
        return true;
    const char *words[4];
    size_t m = 0;
    for (size_t i = s + 1; i < e; i++)
        words[m++] = t[i].norm;
    if (kg_lexicon_title_len(lx, words, m) || kg_lexicon_is_given_name(lx, t[s + 1].norm))
        return false;
    /* a cue before the last word, or a singular one last ("Ministry"),
     * makes a body of the country's; a plural last ("Motors") a company */
    for (size_t i = s + 1; i < e; i++)
        if ((kg_lexicon_is_org_cue(lx, t[i].norm) && i + 1 < e) || kg_lexicon_country(lx, t[i].norm) ||
            kg_lexicon_is_location(lx, t[i].norm) || kg_lexicon_demonym(lx, t[i].norm, NULL) ||
            !kg_name_is_cap(&t[i]))
            return false;
    /* an event or a team, not a company: "French Open", "British Grand
     * Prix", "Brit Awards" */
    char low[32];
    snprintf(low, sizeof low, "%s", t[e - 1].norm);
    for (char *q = low; *q; q++)
        *q = (char)tolower((unsigned char)*q);
    if (kg_lexicon_in(lx, KG_WL_EVENT_WORDS, low))
        return false;
    size_t len = strlen(t[e - 1].norm);
    return len > 4 && t[e - 1].norm[len - 1] == 's' && t[e - 1].norm[len - 2] != 's';
}

/* A determiner of one ("the", "a", "an", "this", "that") before token i,
 * adjectives between allowed: "the scruffy little Austrian". */
static bool person_determiner(const kg_token *t, size_t i)
{
    static const char *const dets[] = {"the", "a", "an", "this", "that", "The", "A", "An", "This",
                                       "That"};
    for (size_t k = i, seen = 0; k-- > 0 && seen < 4; seen++) {
        for (size_t d = 0; d < sizeof dets / sizeof *dets; d++)
            if (eq(t[k].norm, dets[d]))
                return true;
        if (!is_word(&t[k]) || kg_name_is_cap(&t[k]))
            return false;
    }
    return false;
}

/* A nationality word before a title or a name: "Israeli Prime Minister X"
 * becomes the country, and c's place; "Israeli government" an organization
 * tied to it, which is the whole run (*done). */
static kg_status run_demonym(kg_entity_finder *f, const kg_token *t, size_t n, size_t e, size_t *s,
                             kg_cand *c, bool *done)
{
    const kg_lexicon *lx = f->lx;
    /* whole-run names first: "United Arab Emirates", "Saudi Arabia" */
    char *whole = kg_name_join_norms(f->a, t, *s, e);
    if (!whole)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    bool plural = false;
    const kg_country *dem = kg_lexicon_demonym(lx, t[*s].norm, &plural);
    if (!dem || kg_lexicon_country(lx, whole) || kg_lexicon_organization(lx, whole))
        return KG_OK;
    /* "the Spaniard took over", "a Briton was freed", "the scruffy little
     * Austrian.": one person of that nation, not the country (which
     * "Spaniards" and "the Austrian team" may still stand for) */
    bool alone = *s + 1 >= n || !is_word(&t[*s + 1]); /* "the Austrian," not "the Austrian team" */
    if (e == *s + 1 && !plural && *s > 0 && person_determiner(t, *s) &&
        (alone || kg_lexicon_demonym_person(lx, t[*s].norm))) {
        *done = true;
        return KG_OK;
    }
    if (demonym_company(lx, t, *s, e)) {
        /* "American Motors", "British Airways": the company, not the country */
        c->type = KG_ENT_ORGANIZATION;
        c->name = whole;
        c->how = KG_RES_NAME;
        c->name_start = *s;
        c->tok_end = e;
        *done = true;
        return push_cand(f, c);
    }
    kg_cand d = *c;
    d.tok_end = *s + 1;
    d.name_start = *s;
    d.type = KG_ENT_COUNTRY;
    d.country = dem;
    d.name = dem->name;
    d.how = KG_RES_DEMONYM;
    size_t tail = e == *s + 1 ? lowercase_org_tail(lx, t, e, n) : 0;
    if (tail) {
        /* "Israeli government": an organization tied to the country */
        d.tok_end = tail;
        d.type = KG_ENT_ORGANIZATION;
        d.name = kg_name_join_norms(f->a, t, *s, tail);
        d.how = KG_RES_NAME;
        *done = true;
        return push_cand(f, &d);
    }
    kg_status st = push_cand(f, &d);
    if (st != KG_OK)
        return st;
    c->place = (long)(f->cands.len - 1);
    (*s)++;
    c->tok_start = *s;
    *done = *s >= e;
    return KG_OK;
}

/* A country or organization named before a title: "U.S. President Joe
 * Biden", "UK Prime Minister X", "NATO Secretary-General Jens Stoltenberg":
 * the place or body, then its titled holder.  Then "Israel's Prime Minister
 * X", "Britain's Prince Y": the owner named just before "'s" is where the
 * title holds and the person belongs. */
static kg_status run_place(kg_entity_finder *f, size_t si, const kg_token *t, size_t e, size_t *s,
                           kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    for (size_t k = e - *s > 3 ? 3 : e - *s - 1; c->place < 0 && k >= 1 && *s + k < e; k--) {
        const char *after[16];
        size_t na = 0;
        for (size_t i = *s + k; i < e && na < 16; i++)
            after[na++] = t[i].norm;
        if (!kg_lexicon_title_len(lx, after, na))
            continue;
        char *pre = kg_name_join_norms(f->a, t, *s, *s + k);
        if (!pre)
            return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
        const kg_country *pc = kg_lexicon_country(lx, pre);
        const char *po = pc ? NULL : kg_lexicon_organization(lx, pre);
        if (!pc && !po)
            continue;
        kg_cand d = *c;
        d.tok_end = *s + k;
        d.name_start = *s;
        d.type = pc ? KG_ENT_COUNTRY : KG_ENT_ORGANIZATION;
        d.country = pc;
        d.name = pc ? pc->name : po;
        d.how = pc ? (eq(pre, pc->name) ? KG_RES_NAME : KG_RES_ALIAS)
                   : (eq(po, pre) ? KG_RES_NAME : KG_RES_ACRONYM);
        kg_status st = push_cand(f, &d);
        if (st != KG_OK)
            return st;
        if (pc)
            c->place = (long)(f->cands.len - 1);
        *s += k;
        c->tok_start = *s;
        break;
    }
    if (c->place < 0 && *s >= 2 && f->cands.len > 0 &&
        (eq(t[*s - 1].norm, "'s") || eq(t[*s - 1].norm, "'"))) {
        const kg_cand *prev = kg_vec_at(&f->cands, f->cands.len - 1);
        if (prev->kind == KG_CAND_NAME && prev->sentence == si && prev->tok_end == *s - 1 &&
            (prev->type == KG_ENT_COUNTRY || prev->type == KG_ENT_ORGANIZATION))
            c->place = (long)(f->cands.len - 1);
    }
    return KG_OK;
}

/* Peels titles off the front of [*s, e) into c->role (with a qualifier:
 * "former Foreign Secretary Jack Straw", so that a diff sees the change from
 * "Foreign Secretary") and c->gender; whether there was one. */
static bool run_titles(kg_entity_finder *f, const kg_token *t, size_t e, size_t *s, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    const char *words[16];
    size_t m = 0;
    for (size_t i = *s; i < e && m < 16; i++)
        words[m++] = t[i].norm;
    size_t tl = kg_lexicon_title_len(lx, words, m);
    bool titled = false;
    const char *qualifier = NULL;
    if (*s > 0 && tl > 0 && kg_lexicon_in(lx, KG_WL_ROLE_QUALIFIERS, t[*s - 1].norm))
        qualifier = t[*s - 1].norm;
    else if (c->place >= 0 && *s > 1 && tl > 0 && kg_lexicon_in(lx, KG_WL_ROLE_QUALIFIERS, t[*s - 2].norm))
        qualifier = t[*s - 2].norm; /* "former Israeli Prime Minister X" */
    if (tl == 0 && m > 1 && kg_lexicon_in(lx, KG_WL_ROLE_QUALIFIERS, kg_name_lower_word(f->a, t[*s].norm))) {
        /* "Former Foreign Secretary ..." at the start of a sentence */
        size_t tl2 = kg_lexicon_title_len(lx, words + 1, m - 1);
        if (tl2 > 0) {
            qualifier = kg_name_lower_word(f->a, t[*s].norm);
            (*s)++;
            c->tok_start = *s;
            m--;
            memmove(words, words + 1, m * sizeof *words);
            tl = tl2;
        }
    }
    while (tl > 0 && tl <= m) {
        const char *title = kg_name_join_norms(f->a, t, *s, *s + tl);
        if (!kg_lexicon_is_honorific(lx, title))
            c->role = qualifier ? kg_arena_printf(f->a, "%s %s", qualifier, title) : title;
        qualifier = NULL;
        if (kg_name_title_gender(title) != KG_GENDER_UNKNOWN)
            c->gender = kg_name_title_gender(title);
        titled = true;
        *s += tl;
        m = 0;
        for (size_t i = *s; i < e && m < 16; i++)
            words[m++] = t[i].norm;
        tl = m ? kg_lexicon_title_len(lx, words, m) : 0;
    }
    return titled;
}

/* A title that follows its portfolio: "International Development
 * Secretary Hilary Benn", "Home Office Minister X".  The words up to the
 * title are the role, and a given name after it starts the person's name. */
static bool run_portfolio(kg_entity_finder *f, const kg_token *t, size_t e, size_t *s, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    for (size_t k = *s + 1; k + 1 < e && k <= *s + 4; k++) {
        const char *words[8];
        size_t m = 0;
        for (size_t i = k; i < e && m < 8; i++)
            words[m++] = t[i].norm;
        size_t tl = kg_lexicon_title_len(lx, words, m);
        if (tl == 0 || kg_lexicon_is_honorific(lx, words[0]))
            continue;
        if (k + tl >= e || !kg_lexicon_is_given_name(lx, t[k + tl].norm))
            return false;
        c->role = kg_name_join_norms(f->a, t, *s, k + tl);
        if (!c->role)
            return false;
        if (kg_name_title_gender(words[0]) != KG_GENDER_UNKNOWN)
            c->gender = kg_name_title_gender(words[0]);
        *s = k + tl;
        c->tok_start = *s;
        return true;
    }
    return false;
}

/* The name proper, [c->name_start, e): typed, extended by a lower-case
 * organization tail, pushed, and followed by an acronym defined right
 * after it. */
static kg_status run_name(kg_entity_finder *f, const kg_token *t, size_t n, size_t e, bool titled,
                          bool clause_start, kg_cand *c)
{
    const kg_lexicon *lx = f->lx;
    /* "Beatle George Harrison", "Welshman Jimmy Watkins": a word before a
     * given name and a surname that is no title describes the person */
    size_t ns = c->name_start;
    if (!titled && e - ns >= 3 && !kg_lexicon_is_given_name(lx, t[ns].norm) &&
        kg_lexicon_is_given_name(lx, t[ns + 1].norm) && !lexicon_names(lx, t[ns].norm) &&
        !kg_lexicon_demonym(lx, t[ns].norm, NULL) && !kg_name_is_connector(t[ns + 1].norm))
        c->name_start = ns + 1;
    if (!type_name(f, t, c->name_start, e, titled, clause_start && !titled && c->place < 0, c))
        return KG_OK;
    c->tok_end = e;
    if (c->type == KG_ENT_PERSON && c->place >= 0) {
        /* "Israeli Prime Minister Benjamin Netanyahu": tie the person to the country */
        c->country = ((kg_cand *)kg_vec_at(&f->cands, (size_t)c->place))->country;
    }
    if (c->type != KG_ENT_PERSON && c->type != KG_ENT_COUNTRY) {
        size_t tail = lowercase_org_tail(lx, t, e, n);
        if (tail) {
            /* "Gaza health ministry", "Biden administration" */
            c->type = KG_ENT_ORGANIZATION;
            c->tok_end = tail;
            c->name = kg_name_join_norms(f->a, t, c->name_start, tail);
        }
    } else if (c->type == KG_ENT_PERSON && !titled && lowercase_org_tail(lx, t, e, n)) {
        size_t tail = lowercase_org_tail(lx, t, e, n);
        c->kind = KG_CAND_NAME;
        c->type = KG_ENT_ORGANIZATION;
        c->tok_end = tail;
        c->name = kg_name_join_norms(f->a, t, c->name_start, tail);
    }
    kg_status st = push_cand(f, c);
    if (st != KG_OK)
        return st;
    /* an acronym defined right after the name: "Palestinian Authority (PA)" */
    size_t k = c->tok_end;
    if (k + 2 < n && eq(t[k].norm, "(") && eq(t[k + 2].norm, ")") && kg_name_is_cap(&t[k + 1]) &&
        c->type == KG_ENT_ORGANIZATION) {
        kg_cand acr = *c;
        acr.tok_start = acr.name_start = k + 1;
        acr.tok_end = k + 2;
        acr.name = t[k + 1].norm;
        acr.acronym_of = c->name;
        acr.how = KG_RES_ACRONYM;
        acr.role = NULL;
        return push_cand(f, &acr);
    }
    return KG_OK;
}

/* One capitalized run [s, e) of sentence si into candidates. */
static kg_status add_run(kg_entity_finder *f, size_t si, const kg_token *t, size_t n, size_t s,
                         size_t e)
{
    bool clause_start = at_clause_start(t, s);
    trim_run(f->lx, t, &s, &e);
    if (s >= e)
        return KG_OK;
    kg_cand c = {0};
    c.kind = KG_CAND_NAME;
    c.sentence = si;
    c.tok_start = s;
    c.entity = -1;
    c.place = -1;
    bool done = false;
    kg_status st = run_demonym(f, t, n, e, &s, &c, &done);
    if (st != KG_OK || done)
        return st;
    st = run_place(f, si, t, e, &s, &c);
    if (st != KG_OK)
        return st;
    bool titled = run_titles(f, t, e, &s, &c) || run_portfolio(f, t, e, &s, &c);
    c.name_start = s;
    if (s >= e) {
        /* a title alone ("the President said") refers to its holder */
        if (!c.role)
            return KG_OK;
        c.kind = KG_CAND_ROLE;
        c.tok_end = e;
        return push_cand(f, &c);
    }
    return run_name(f, t, n, e, titled, clause_start, &c);
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
        kg_status st = push_cand(f, &c);
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
    return push_cand(f, &c);
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
            kg_status st = push_cand(f, &c);
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
            kg_status st = push_cand(f, &c);
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
        size_t j = i + 1;
        while (j < n) {
            if (kg_name_is_name_word(&t[j]) && !kg_name_is_calendar_word(t[j].norm)) {
                j++;
            } else if (t[j].kind == KG_TOK_NUMBER && t[j].end - t[j].start <= 3 &&
                       is_word(&t[j - 1]) &&
                       kg_lexicon_in(f->lx, KG_WL_NUMBERED_NAMES, t[j - 1].norm)) {
                j++; /* "BBC Radio 4", "Channel 4 News" */
            } else if ((kg_name_is_connector(t[j].norm) || eq(t[j].norm, "and")) && j + 1 < n &&
                       kg_name_is_name_word(&t[j + 1])) {
                j += 2;
            } else if (kg_name_is_connector(t[j].norm) && j + 2 < n &&
                       kg_name_is_connector(t[j + 1].norm) && kg_name_is_name_word(&t[j + 2])) {
                j += 3; /* "von der Leyen", "de la Rua" */
            } else if (body_goes_on(f->lx, t, j, n) && j + 2 < n && kg_name_is_name_word(&t[j + 2])) {
                j += 3;
            } else {
                break;
            }
        }
        kg_status st = add_run_parts(f, si, t, n, i, j);
        if (st != KG_OK)
            return st;
        i = j;
    }
    return KG_OK;
}

/* The word after candidate c (past a possessive "'s") is a team word. */
static bool before_team_word(const kg_lexicon *lx, const kg_cand *c, const kg_token *t, size_t n)
{
    size_t a = c->tok_end;
    if (a < n && (eq(t[a].norm, "'s") || eq(t[a].norm, "'")))
        a++;
    return a < n && is_word(&t[a]) && !kg_name_is_cap(&t[a]) &&
           kg_lexicon_in(lx, KG_WL_TEAM_WORDS, t[a].norm);
}

/* Candidate c follows a preposition of place: "in Leicester" is the town. */
static bool placed_name(const kg_lexicon *lx, const kg_cand *c, const kg_token *t)
{
    return c->tok_start > 0 && kg_lexicon_in(lx, KG_WL_PLACE_PREPOSITIONS, t[c->tok_start - 1].norm);
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
    for (size_t i = 0; i < f->cands.len && st == KG_OK; i++) {
        const kg_cand *c = kg_vec_at(&f->cands, i);
        if (c->kind != KG_CAND_NAME ||
            (c->type != KG_ENT_LOCATION && c->type != KG_ENT_COUNTRY) || !c->name ||
            !before_team_word(f->lx, c, tokens[c->sentence], n_tokens[c->sentence]))
            continue;
        sporting = true; /* "Leeds striker", "Ireland captain" */
        if (c->type == KG_ENT_LOCATION)
            st = add_club(f, &clubs, c->name, strlen(c->name));
    }
    /* in a report of games, "Cleveland" after "the Cleveland Indians" is
     * the team too (not in a newspaper's "New York Times") */
    for (size_t i = 0; i < f->cands.len && st == KG_OK && sporting; i++) {
        const kg_cand *c = kg_vec_at(&f->cands, i);
        const kg_token *t = tokens[c->sentence];
        if (c->kind == KG_CAND_NAME && c->type == KG_ENT_ORGANIZATION && c->name &&
            c->tok_end - c->name_start >= 2 && team_name(f->lx, t, c->name_start, c->tok_end)) {
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
        if (c->kind != KG_CAND_NAME ||
            (c->type != KG_ENT_LOCATION && c->type != KG_ENT_COUNTRY))
            continue;
        bool placed = c->placed;
        bool label = c->tok_end < n && (eq(t[c->tok_end].norm, ":") || eq(t[c->tok_end].norm, "("));
        /* in the story of a game a country is its national team ("Scott
         * Gray won his cap against Australia"), but not as a nationality
         * ("Britain's Kathy Butler", "the Italian", "from Italy") nor in a
         * row of results, where CoNLL-2003 tags it a place */
        bool whose = c->tok_end < n && (eq(t[c->tok_end].norm, "'s") || eq(t[c->tok_end].norm, "'"));
        bool national = c->type == KG_ENT_COUNTRY &&
                        (c->results || whose || c->how == KG_RES_DEMONYM ||
                         (c->tok_start > 0 && eq(t[c->tok_start - 1].norm, "from")));
        if (c->type == KG_ENT_COUNTRY && before_team_word(f->lx, c, t, n))
            national = false;
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
