/* mention_runs.c - a capitalized run of one sentence into candidates
 * (mentions_internal.h).  The run is cut where its name words end, split at
 * connectors when the whole names nothing ("Israel and Palestine") and
 * trimmed of words capitalized only by position; then a nationality word
 * ("Israeli"), a country or body before a title ("U.S. President") and the
 * titles themselves are peeled off the front, each its own candidate where
 * it names something, and mention_type.c types the name proper, after which
 * an acronym defined in parentheses follows it. */
#include "mentions_internal.h"

#include <stdio.h>

#include "names.h"

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

/* "California-based", "state-owned": a compound of a place or body and a
 * participle that describes what follows. */
static bool attributive(const kg_lexicon *lx, const char *w)
{
    const char *dash = strrchr(w, '-');
    return dash && dash > w && kg_lexicon_in(lx, KG_WL_ATTRIBUTIVE_SUFFIXES, dash + 1);
}

/* A run's first word that begins a body's name even where a sentence
 * starts: a cue before "of" ("Association of Chief Police Officers") or an
 * adjective in -al before a cue ("National Bureau of Statistics",
 * "Federal Court"). */
static bool opens_body(const kg_lexicon *lx, const kg_token *t, size_t s, size_t e)
{
    if (e - s < 2)
        return false;
    if (eq(t[s + 1].norm, "of"))
        return e - s > 2 && kg_lexicon_is_org_cue(lx, t[s].norm);
    size_t len = strlen(t[s].norm);
    return len >= 5 && !strcmp(t[s].norm + len - 2, "al") &&
           kg_lexicon_is_org_cue(lx, t[s + 1].norm);
}

/* Drops the words of run [*s, *e) that are capitalized only by position
 * ("The", "However", "During") and connectors at either end. */
static void trim_run(const kg_lexicon *lx, const kg_token *t, size_t *s, size_t *e)
{
    bool org_name = kg_mention_type_is_org_word(lx, &t[*e - 1]) || opens_body(lx, t, *s, *e);
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
    while (*s < *e && at_clause_start(t, *s) && kg_lexicon_in(lx, KG_WL_CLAUSE_OPENERS, t[*s].norm))
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
    if (kg_mention_type_is_legal_form(lx, &t[e - 1]))
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
        if ((kg_lexicon_is_org_cue(lx, t[i].norm) && i + 1 < e) ||
            kg_lexicon_country(lx, t[i].norm) || kg_lexicon_is_location(lx, t[i].norm) ||
            kg_lexicon_demonym(lx, t[i].norm, NULL) || !kg_name_is_cap(&t[i]))
            return false;
    /* an event or a team, not a company: "French Open", "British Grand
     * Prix", "Brit Awards" */
    if (kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e - 1].norm))
        return false;
    size_t len = strlen(t[e - 1].norm);
    return len > 4 && t[e - 1].norm[len - 1] == 's' && t[e - 1].norm[len - 2] != 's';
}

/* A determiner of one ("the", "a", "an", "this", "that") before token i,
 * adjectives between allowed: "the scruffy little Austrian". */
static bool person_determiner(const kg_token *t, size_t i)
{
    static const char *const dets[] = {"the", "a", "an", "this", "that",
                                       "The", "A", "An", "This", "That"};
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
    /* an event named by a nation ("Brit Awards", "French Open", "German
     * Cup") names neither an actor nor the country */
    if (e - *s >= 2 && kg_lexicon_in(lx, KG_WL_EVENT_WORDS, t[e - 1].norm)) {
        *done = true;
        return KG_OK;
    }
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
        return kg_mentions_push(f, c);
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
        return kg_mentions_push(f, &d);
    }
    kg_status st = kg_mentions_push(f, &d);
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
        kg_status st = kg_mentions_push(f, &d);
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
    else if (c->place >= 0 && *s > 1 && tl > 0 &&
             kg_lexicon_in(lx, KG_WL_ROLE_QUALIFIERS, t[*s - 2].norm))
        qualifier = t[*s - 2].norm; /* "former Israeli Prime Minister X" */
    if (tl == 0 && m > 1 &&
        kg_lexicon_in(lx, KG_WL_ROLE_QUALIFIERS, kg_name_lower_word(f->a, t[*s].norm))) {
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
     * given name and a surname that is no title describes the person; in
     * capitals it is initials or an acronym of the name ("JP Morgan
     * Securities") */
    size_t ns = c->name_start;
    if (!titled && e - ns >= 3 && !kg_lexicon_is_given_name(lx, t[ns].norm) &&
        !kg_name_is_all_caps(t[ns].norm) &&
        kg_lexicon_is_given_name(lx, t[ns + 1].norm) && !lexicon_names(lx, t[ns].norm) &&
        !kg_lexicon_demonym(lx, t[ns].norm, NULL) && !kg_name_is_connector(t[ns + 1].norm))
        c->name_start = ns + 1;
    if (!kg_mention_type_name(f, t, c->name_start, e, titled,
                              clause_start && !titled && c->place < 0, c))
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
    kg_status st = kg_mentions_push(f, c);
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
        return kg_mentions_push(f, &acr);
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
        return kg_mentions_push(f, &c);
    }
    return run_name(f, t, n, e, titled, clause_start, &c);
}

/* "Institute for the Future", "Church of the Nativity": at token k an
 * "of the" or "for the" after a body's cue word goes on with its name. */
static bool body_goes_on(const kg_lexicon *lx, const kg_token *t, size_t k, size_t n)
{
    return k > 0 && k + 1 < n && (eq(t[k].norm, "of") || eq(t[k].norm, "for")) &&
           eq(t[k + 1].norm, "the") && kg_mention_type_is_org_word(lx, &t[k - 1]);
}

/* Splits a run at its connectors when the whole does not name one thing:
 * "Israel and Palestine" is two; "Bosnia and Herzegovina" is one. */
static kg_status add_run_parts(kg_entity_finder *f, size_t si, const kg_token *t, size_t n,
                               size_t s, size_t e)
{
    /* a legal form ends a name: "Chrysler Corp American Motors Corp" is
     * two companies, "Bear Stearns Co Inc" one */
    for (size_t k = s + 1; k + 1 < e; k++) {
        if (kg_mention_type_is_legal_form(f->lx, &t[k]) && kg_name_is_name_word(&t[k + 1]) &&
            !kg_mention_type_is_legal_form(f->lx, &t[k + 1])) {
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
            bool left_ends = kg_mention_type_is_legal_form(f->lx, &t[e - 1])
                                 ? kg_mention_type_is_legal_form(f->lx, &t[k - 1])
                                 : kg_mention_type_is_org_word(f->lx, &t[k - 1]);
            /* "Kofi Annan and World Bank officials": a person's name on the
             * left is no part of a body's */
            bool person_left =
                eq(t[k].norm, "and") &&
                ((k - s >= 2 && k - s <= 3 && kg_lexicon_is_given_name(f->lx, t[s].norm)) ||
                 (k + 1 < e && eq(t[k + 1].norm, "The"))); /* "Gervais and The Office" */
            /* "Royal Bank of Scotland", "British Chambers of Commerce": a
             * body's name goes on past "of" */
            bool body_of = eq(t[k].norm, "of") && kg_mention_type_is_org_word(f->lx, &t[k - 1]);
            if (whole && !person_left &&
                (lexicon_names(f->lx, whole) || body_of ||
                 (kg_mention_type_is_org_word(f->lx, &t[e - 1]) &&
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

/* Where the capitalized run that starts at token i ends: name words, and
 * between them a number after a numbered name, connectors and a body's
 * "of the". */
static size_t run_end(const kg_lexicon *lx, const kg_token *t, size_t i, size_t n)
{
    size_t j = i + 1;
    while (j < n) {
        if (kg_name_is_name_word(&t[j]) && !kg_name_is_calendar_word(t[j].norm)) {
            j++;
        } else if (t[j].kind == KG_TOK_NUMBER && t[j].end - t[j].start <= 3 && is_word(&t[j - 1]) &&
                   kg_lexicon_in(lx, KG_WL_NUMBERED_NAMES, t[j - 1].norm)) {
            j++; /* "BBC Radio 4", "Channel 4 News" */
        } else if ((kg_name_is_connector(t[j].norm) || eq(t[j].norm, "and")) && j + 1 < n &&
                   kg_name_is_name_word(&t[j + 1])) {
            j += 2;
        } else if (kg_name_is_connector(t[j].norm) && j + 2 < n &&
                   kg_name_is_connector(t[j + 1].norm) && kg_name_is_name_word(&t[j + 2])) {
            j += 3; /* "von der Leyen", "de la Rua" */
        } else if (body_goes_on(lx, t, j, n) && j + 2 < n && kg_name_is_name_word(&t[j + 2])) {
            j += 3;
        } else {
            break;
        }
    }
    return j;
}

kg_status kg_mention_runs_add(kg_entity_finder *f, size_t si, const kg_token *t, size_t n, size_t i,
                              size_t *end)
{
    *end = run_end(f->lx, t, i, n);
    return add_run_parts(f, si, t, n, i, *end);
}
