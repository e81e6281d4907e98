/* entities.c - mentions to entities.
 *
 * Two passes.  The first walks each sentence's tokens and turns capitalized
 * runs, nationality words, pronouns and role descriptions into candidate
 * mentions with a type and a name.  The second walks the candidates in text
 * order and ties each to an entity: countries by ISO code, organizations and
 * places by normalized name or acronym, people by full name or, for short
 * forms, by surname against the people already seen; pronouns and role
 * descriptions against the most recent fitting person.  Text order matters
 * because news introduces an actor in full and shortens afterwards. */
#include "entities.h"

#include "strmap.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

enum gender { G_UNKNOWN, G_MALE, G_FEMALE };

typedef enum cand_kind {
    C_NAME,     /* a typed name */
    C_UNKNOWN,  /* a capitalized name we could not type on its own */
    C_PRONOUN,
    C_ROLE      /* "the prime minister" */
} cand_kind;

typedef struct cand {
    cand_kind kind;
    size_t sentence, tok_start, tok_end; /* the whole mention (title included) */
    size_t name_start;                   /* first token of the name proper */
    kg_entity_type type;
    const char *name;                    /* normalized name, titles stripped */
    const kg_country *country;           /* the country named, or tied to */
    const char *role;                    /* title or role description */
    const char *acronym_of;              /* for an acronym defined in parentheses */
    kg_resolution how;
    enum gender gender;
    long entity;
    long place;                          /* entity of a demonym before a title */
} cand;

typedef struct finder {
    kg_arena *a;
    const kg_lexicon *lx;
    const char *text;
    kg_vec cands;     /* cand */
    kg_vec ents;      /* kg_entity */
    kg_vec ent_info;  /* ent_info, parallel to ents */
    kg_vec roles;     /* kg_role_fact */
    kg_error *err;
} finder;

typedef struct ent_info {
    const char *key;    /* identity within the document */
    const char *first;  /* first name token (people) */
    const char *last;   /* last name token (people) */
    size_t n_name_tokens;
    enum gender gender;
    kg_vec aliases;     /* const char * */
    kg_vec roles;       /* const char * */
    size_t last_seen;   /* index of the latest candidate tied to it */
} ent_info;

/* ------------------------------------------------------------ token tests */

/* Mathematical Alphanumeric Symbols (U+1D400-U+1D7FF, "𝐁"): styled letters
 * that running text uses as symbols, never to start a name; the slug keeps
 * every letter, so one before a name would become part of its id. */
static bool is_math_letter(utf8proc_int32_t cp)
{
    return cp >= 0x1D400 && cp <= 0x1D7FF;
}

static bool is_upper_start(const char *s)
{
    if ((unsigned char)s[0] < 0x80)
        return isupper((unsigned char)s[0]) != 0;
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) < 0)
        return false;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU && !is_math_letter(cp);
}

static bool is_word(const kg_token *t)
{
    return t->kind == KG_TOK_WORD;
}

static bool is_cap(const kg_token *t)
{
    return is_word(t) && is_upper_start(t->norm);
}

static bool eq(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

static bool ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

/* Months and weekdays are capitalized but name no actor. */
static bool is_calendar_word(const char *w)
{
    static const char *const names[] = {
        "January", "February", "March",    "April",   "May",      "June",   "July",
        "August",  "September", "October", "November", "December", "Jan.",   "Feb.",
        "Mar.",    "Apr.",     "Jun.",     "Jul.",    "Aug.",     "Sep.",   "Sept.",
        "Oct.",    "Nov.",     "Dec.",     "Monday",  "Tuesday",  "Wednesday",
        "Thursday", "Friday",  "Saturday", "Sunday",  NULL};
    for (size_t i = 0; names[i]; i++)
        if (eq(w, names[i]))
            return true;
    return false;
}

/* Lower-case particles of personal names: "Osama bin Laden", "Ursula von
 * der Leyen", "Charles de Gaulle"; joined by a hyphen also the Arabic article
 * and its assimilated forms ("Bashar al-Assad", "Moqtada as-Sadr"), which
 * standing alone would be English words ("as", "at"). */
static bool is_particle(const char *w, size_t len, bool joined)
{
    static const char *const alone[] = {"al",  "el",  "bin", "ibn", "bint", "ben", "abu",
                                        "de",  "du",  "da",  "di",  "dos",  "das", "del",
                                        "della", "der", "la", "le", "van", "von", "ter",
                                        "zu",  NULL};
    static const char *const prefix[] = {"ad", "an", "as", "ash", "at", "az", "ul", NULL};
    for (size_t i = 0; alone[i]; i++)
        if (strlen(alone[i]) == len && strncasecmp(w, alone[i], len) == 0)
            return true;
    for (size_t i = 0; joined && prefix[i]; i++)
        if (strlen(prefix[i]) == len && strncasecmp(w, prefix[i], len) == 0)
            return true;
    return false;
}

/* Words that may sit inside a capitalized name: "Secretary of State",
 * "Bank of England", "Oil & Natural Gas", and the particles above. */
static bool is_connector(const char *w)
{
    return eq(w, "of") || eq(w, "&") || eq(w, "for") ||
           (islower((unsigned char)w[0]) && is_particle(w, strlen(w), false));
}

/* "al-Assad", "el-Sisi": a particle joined to a capitalized name. */
static bool is_particle_name(const kg_token *t)
{
    const char *dash = strchr(t->norm, '-');
    return is_word(t) && dash && islower((unsigned char)t->norm[0]) &&
           is_particle(t->norm, (size_t)(dash - t->norm), true) && is_upper_start(dash + 1);
}

/* A word that continues or starts a name. */
static bool is_name_word(const kg_token *t)
{
    return is_cap(t) || is_particle_name(t);
}

/* The part of a surname that later mentions repeat: "Sisi" of "el-Sisi",
 * "Assad" of "Al-Assad". */
static const char *surname_core(const char *last)
{
    const char *dash = strchr(last, '-');
    if (dash && is_particle(last, (size_t)(dash - last), true) && is_upper_start(dash + 1))
        return dash + 1;
    return last;
}

static const char *lower_word(kg_arena *a, const char *w)
{
    char *d = kg_arena_strdup(a, w);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d ? d : w;
}

/* Lower-case words before a title that change what the title says about
 * its holder now. */
static bool is_role_qualifier(const char *w)
{
    return eq(w, "former") || eq(w, "ex-") || eq(w, "then") || eq(w, "outgoing") ||
           eq(w, "acting") || eq(w, "interim") || eq(w, "late") || eq(w, "incoming");
}

static enum gender pronoun_gender(const char *w)
{
    if (ieq(w, "he") || ieq(w, "him") || ieq(w, "his") || ieq(w, "himself"))
        return G_MALE;
    if (ieq(w, "she") || ieq(w, "her") || ieq(w, "hers") || ieq(w, "herself"))
        return G_FEMALE;
    return G_UNKNOWN;
}

static enum gender title_gender(const char *title)
{
    static const char *const male[] = {"Mr.", "Mr", "King", "Prince", "Sir", "Lord",
                                       "Father", "Crown Prince", "Emperor", NULL};
    static const char *const female[] = {"Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Queen",
                                         "Princess", "Dame", "Lady", "Empress", NULL};
    for (size_t i = 0; male[i]; i++)
        if (eq(title, male[i]))
            return G_MALE;
    for (size_t i = 0; female[i]; i++)
        if (eq(title, female[i]))
            return G_FEMALE;
    return G_UNKNOWN;
}

/* ------------------------------------------------------------ strings */

static char *join_norms(kg_arena *a, const kg_token *t, size_t from, size_t to)
{
    size_t len = 0;
    for (size_t i = from; i < to; i++)
        len += strlen(t[i].norm) + 1;
    char *s = kg_arena_alloc(a, len + 1);
    if (!s)
        return NULL;
    size_t at = 0;
    for (size_t i = from; i < to; i++) {
        /* "Gaza health ministry", but "al-Qaeda" and "O'Neill" stay joined */
        if (i > from && t[i].space_before)
            s[at++] = ' ';
        size_t k = strlen(t[i].norm);
        memcpy(s + at, t[i].norm, k);
        at += k;
    }
    s[at] = '\0';
    return s;
}

static const char *surface(finder *f, const kg_token *t, size_t from, size_t to)
{
    return kg_arena_strndup(f->a, f->text + t[from].start, t[to - 1].end - t[from].start);
}

/* Whether a combining mark on base is a diacritic a name may lose: in the
 * Latin, Greek, Cyrillic, Armenian, Hebrew and Arabic blocks ("José" is
 * "Jose", "Ёлкин" is "Елкин", Arabic's short-vowel marks are optional), but
 * not in scripts whose marks are letters of the word (Devanagari's vowel
 * signs, kana's voicing marks: "मोदी" is not "मद", "が" is not "か"), which
 * would otherwise give different names one key and one id. */
static bool mark_is_diacritic(utf8proc_int32_t base)
{
    return base < 0x0780 || (base >= 0x1E00 && base <= 0x1FFF);
}

/* name case-folded, diacritics dropped as mark_is_diacritic allows, and
 * composed again (NFC).  malloc'd; NULL if name is not UTF-8 or out of memory. */
static char *fold_name(const char *name)
{
    const utf8proc_option_t opts =
        UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD;
    const utf8proc_uint8_t *in = (const utf8proc_uint8_t *)name;
    utf8proc_ssize_t n = utf8proc_decompose(in, 0, NULL, 0, opts);
    utf8proc_int32_t *cps = n >= 0 ? malloc(((size_t)n + 1) * sizeof *cps) : NULL;
    if (!cps || utf8proc_decompose(in, 0, cps, n, opts) != n) {
        free(cps);
        return NULL;
    }
    utf8proc_ssize_t kept = 0;
    utf8proc_int32_t base = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        utf8proc_category_t cat = utf8proc_category(cps[i]);
        bool mark = cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
                    cat == UTF8PROC_CATEGORY_ME;
        if (!mark)
            base = cps[i];
        if (!mark || !mark_is_diacritic(base))
            cps[kept++] = cps[i];
    }
    /* reencode composes in place and writes UTF-8 over the code points */
    utf8proc_ssize_t len = utf8proc_reencode(cps, kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) {
        free(cps);
        return NULL;
    }
    return (char *)cps;
}

/* Case- and punctuation-insensitive identity of a name: "the U.S." and "US"
 * differ, but "Biden Administration" and "Biden administration" agree. */
static char *name_key(kg_arena *a, const char *name)
{
    char *folded = fold_name(name);
    if (!folded)
        return kg_arena_strdup(a, name);
    char *k = kg_arena_alloc(a, strlen(folded) + 1);
    if (k) {
        size_t at = 0;
        for (size_t i = 0; folded[i]; i++)
            if (folded[i] != '.')
                k[at++] = folded[i];
        k[at] = '\0';
        /* "Apple Inc." and a later "Apple" are one company: the legal form
         * is no part of the identity */
        static const char *const legal[] = {" inc", " corp", " ltd", " plc", " llc", " co",
                                            " ag",  " sa",   " nv",  " gmbh", NULL};
        for (size_t i = 0; legal[i]; i++) {
            size_t l = strlen(legal[i]);
            if (at > l && !strcmp(k + at - l, legal[i])) {
                at -= l;
                while (at > 0 && (k[at - 1] == ',' || k[at - 1] == ' '))
                    at--;
                k[at] = '\0';
                break;
            }
        }
    }
    free(folded);
    return k;
}

/* Letters, marks and digits of every script are part of an id: utf8proc
 * numbers the categories L*, M*, N* from LU to NO, in that order. */
static bool slug_char(utf8proc_int32_t cp)
{
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/* The id of a key with no letter or digit at all ("★"): its code points in
 * hex, "u2605", so that two such names still get two ids. */
static char *hex_slug(kg_arena *a, const char *k)
{
    size_t size = 9 * strlen(k) + sizeof "entity"; /* "-u10ffff" per code point at most */
    char *out = kg_arena_alloc(a, size);
    if (!out)
        return NULL;
    size_t at = 0;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    for (const char *p = k; *p; p += n) {
        n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
        if (n <= 0) {
            n = 1;
            cp = (unsigned char)*p;
        }
        if (cp != ' ')
            at += (size_t)snprintf(out + at, size - at, "%su%x", at ? "-" : "", (unsigned)cp);
    }
    if (at == 0) /* an empty name */
        snprintf(out, size, "entity");
    return out;
}

char *kg_entities_slug(kg_arena *a, const char *name)
{
    char *k = name_key(a, name);
    if (!k)
        return NULL;
    size_t at = 0;
    bool dash = false;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    for (size_t i = 0; k[i]; i += (size_t)n) {
        n = utf8proc_iterate((const utf8proc_uint8_t *)k + i, -1, &cp);
        if (n <= 0) { /* name_key kept a name that is not UTF-8 as it was */
            n = 1;
            cp = 0xFFFD;
        }
        if (slug_char(cp)) {
            if (dash && at > 0)
                k[at++] = '-';
            memmove(k + at, k + i, (size_t)n); /* at <= i: the slug is never longer */
            at += (size_t)n;
            dash = false;
        } else if (cp != '\'') {
            dash = true;
        }
    }
    if (at == 0) /* nothing was moved: k is the key as it was */
        return hex_slug(a, k);
    k[at] = '\0';
    return k;
}

/* ------------------------------------------------------------ candidates */

static kg_status push_cand(finder *f, const cand *c)
{
    if (!kg_vec_push(&f->cands, c))
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
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

/* Types the name tokens [s, e) of a run (titles already removed).  Returns
 * false when the words name nothing we keep. */
static bool type_name(finder *f, const kg_token *t, size_t s, size_t e, bool titled,
                      bool clause_start, cand *c)
{
    const kg_lexicon *lx = f->lx;
    char *name = join_norms(f->a, t, s, e);
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
    /* a cue word makes an organization of a longer name ("State
     * Department"), not of itself ("the Department", "Radio 4") */
    for (size_t i = s; i < e && n >= 2; i++) {
        if (kg_lexicon_is_org_cue(lx, t[i].norm) && !(titled && i == s)) {
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
    /* An all-capital word of two to six letters is an acronym: "NATO", "ONGC". */
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
        c->kind = C_UNKNOWN;
        c->type = KG_ENT_PERSON;
        return true;
    }
    if (n >= 2 && n <= 4 && commons == 0) {
        c->type = KG_ENT_PERSON;
        return true;
    }
    if (n == 1 && commons == 0) {
        c->kind = C_UNKNOWN;
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
        if (!is_word(&t[k]) || is_cap(&t[k]))
            return 0;
        if (kg_lexicon_is_org_cue(lx, t[k].norm))
            return k + 1;
    }
    return 0;
}

static kg_status add_run(finder *f, size_t si, const kg_token *t, size_t n, size_t s, size_t e);

/* Splits a run at its connectors when the whole does not name one thing:
 * "Israel and Palestine" is two; "Bosnia and Herzegovina" is one. */
static kg_status add_run_parts(finder *f, size_t si, const kg_token *t, size_t n, size_t s,
                               size_t e)
{
    for (size_t k = s + 1; k + 1 < e; k++) {
        /* a particle ("Mohammed bin Salman") never separates two names */
        if ((is_connector(t[k].norm) && !is_particle(t[k].norm, strlen(t[k].norm), false)) ||
            eq(t[k].norm, "and")) {
            char *whole = join_norms(f->a, t, s, e);
            /* "Department of Health and Human Services" and "Oil & Natural
             * Gas Corporation" are one body each, "Apple Inc. and Microsoft
             * Corp." two: both sides of the "and" end in a cue, the left one
             * after a name ("Entertainment and Leisure Software Publishers
             * Association" is one) */
            if (whole && (lexicon_names(f->lx, whole) ||
                          (kg_lexicon_is_org_cue(f->lx, t[e - 1].norm) &&
                           (!eq(t[k].norm, "and") || k - s < 2 ||
                            !kg_lexicon_is_org_cue(f->lx, t[k - 1].norm)))))
                break;
            /* "Secretary of State" is a title, keep it whole */
            const char *words[8];
            size_t m = 0;
            for (size_t i = s; i < e && m < 8; i++)
                words[m++] = t[i].norm;
            if (kg_lexicon_title_len(f->lx, words, m) > k - s)
                break;
            kg_status st = add_run(f, si, t, n, s, k);
            if (st != KG_OK)
                return st;
            return add_run_parts(f, si, t, n, k + 1, e);
        }
    }
    return add_run(f, si, t, n, s, e);
}

static kg_status add_run(finder *f, size_t si, const kg_token *t, size_t n, size_t s, size_t e)
{
    const kg_lexicon *lx = f->lx;
    bool clause_start = at_clause_start(t, s);
    /* "The", "However", "During": capitalized only by position */
    bool org_name = kg_lexicon_is_org_cue(lx, t[e - 1].norm);
    while (s < e && (eq(t[s].norm, "The") ||
                     (at_clause_start(t, s) && e - s > 1 && !org_name &&
                      kg_lexicon_is_common_word(lx, t[s].norm) &&
                      !kg_lexicon_demonym(lx, t[s].norm, NULL) &&
                      !kg_lexicon_is_given_name(lx, t[s].norm)))) {
        const char *w[8];
        size_t m = 0;
        for (size_t i = s; i < e && m < 8; i++)
            w[m++] = t[i].norm;
        if (!eq(t[s].norm, "The") &&
            (kg_lexicon_title_len(lx, w, m) || kg_lexicon_country(lx, t[s].norm)))
            break;
        s++;
    }
    while (s < e && is_connector(t[s].norm))
        s++;
    while (e > s && is_connector(t[e - 1].norm))
        e--;
    if (s >= e)
        return KG_OK;

    cand c = {0};
    c.kind = C_NAME;
    c.sentence = si;
    c.tok_start = s;
    c.entity = -1;
    c.place = -1;

    /* whole-run names first: "United Arab Emirates", "Saudi Arabia" */
    char *whole = join_norms(f->a, t, s, e);
    if (!whole)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");

    /* a nationality word before a title or a name: "Israeli Prime Minister X" */
    bool plural = false;
    const kg_country *dem = kg_lexicon_demonym(lx, t[s].norm, &plural);
    if (dem && !kg_lexicon_country(lx, whole) && !kg_lexicon_organization(lx, whole)) {
        cand d = c;
        d.tok_end = s + 1;
        d.name_start = s;
        d.type = KG_ENT_COUNTRY;
        d.country = dem;
        d.name = dem->name;
        d.how = KG_RES_DEMONYM;
        size_t tail = e == s + 1 ? lowercase_org_tail(lx, t, e, n) : 0;
        if (tail) {
            /* "Israeli government": an organization tied to the country */
            d.tok_end = tail;
            d.type = KG_ENT_ORGANIZATION;
            d.name = join_norms(f->a, t, s, tail);
            d.how = KG_RES_NAME;
            return push_cand(f, &d);
        }
        kg_status st = push_cand(f, &d);
        if (st != KG_OK)
            return st;
        c.place = (long)(f->cands.len - 1);
        s++;
        c.tok_start = s;
        if (s >= e)
            return KG_OK;
    }

    /* a country or organization named before a title: "U.S. President Joe
     * Biden", "UK Prime Minister X", "NATO Secretary-General Jens
     * Stoltenberg": the place or body, then its titled holder */
    for (size_t k = e - s > 3 ? 3 : e - s - 1; c.place < 0 && k >= 1 && s + k < e; k--) {
        const char *after[16];
        size_t na = 0;
        for (size_t i = s + k; i < e && na < 16; i++)
            after[na++] = t[i].norm;
        if (!kg_lexicon_title_len(lx, after, na))
            continue;
        char *pre = join_norms(f->a, t, s, s + k);
        if (!pre)
            return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
        const kg_country *pc = kg_lexicon_country(lx, pre);
        const char *po = pc ? NULL : kg_lexicon_organization(lx, pre);
        if (!pc && !po)
            continue;
        cand d = c;
        d.tok_end = s + k;
        d.name_start = s;
        d.type = pc ? KG_ENT_COUNTRY : KG_ENT_ORGANIZATION;
        d.country = pc;
        d.name = pc ? pc->name : po;
        d.how = pc ? (eq(pre, pc->name) ? KG_RES_NAME : KG_RES_ALIAS)
                   : (eq(po, pre) ? KG_RES_NAME : KG_RES_ACRONYM);
        kg_status st = push_cand(f, &d);
        if (st != KG_OK)
            return st;
        if (pc)
            c.place = (long)(f->cands.len - 1);
        s += k;
        c.tok_start = s;
        break;
    }

    /* "Israel's Prime Minister X", "Britain's Prince Y": the owner named
     * just before "'s" is where the title holds and the person belongs */
    if (c.place < 0 && s >= 2 && f->cands.len > 0 &&
        (eq(t[s - 1].norm, "'s") || eq(t[s - 1].norm, "'"))) {
        const cand *prev = kg_vec_at(&f->cands, f->cands.len - 1);
        if (prev->kind == C_NAME && prev->sentence == si && prev->tok_end == s - 1 &&
            (prev->type == KG_ENT_COUNTRY || prev->type == KG_ENT_ORGANIZATION))
            c.place = (long)(f->cands.len - 1);
    }

    const char *words[16];
    size_t m = 0;
    for (size_t i = s; i < e && m < 16; i++)
        words[m++] = t[i].norm;
    size_t tl = kg_lexicon_title_len(lx, words, m);
    bool titled = false;
    /* "former Foreign Secretary Jack Straw": the qualifier is part of the
     * role, so a diff sees the change from "Foreign Secretary" */
    const char *qualifier = NULL;
    if (s > 0 && tl > 0 && is_role_qualifier(t[s - 1].norm))
        qualifier = t[s - 1].norm;
    else if (c.place >= 0 && s > 1 && tl > 0 && is_role_qualifier(t[s - 2].norm))
        qualifier = t[s - 2].norm; /* "former Israeli Prime Minister X" */
    if (tl == 0 && m > 1 && is_role_qualifier(lower_word(f->a, t[s].norm))) {
        /* "Former Foreign Secretary ..." at the start of a sentence */
        size_t tl2 = kg_lexicon_title_len(lx, words + 1, m - 1);
        if (tl2 > 0) {
            qualifier = lower_word(f->a, t[s].norm);
            s++;
            c.tok_start = s;
            m--;
            memmove(words, words + 1, m * sizeof *words);
            tl = tl2;
        }
    }
    while (tl > 0 && tl <= m) {
        const char *title = join_norms(f->a, t, s, s + tl);
        if (!kg_lexicon_is_honorific(lx, title))
            c.role = qualifier ? kg_arena_printf(f->a, "%s %s", qualifier, title) : title;
        qualifier = NULL;
        if (title_gender(title) != G_UNKNOWN)
            c.gender = title_gender(title);
        titled = true;
        s += tl;
        m = 0;
        for (size_t i = s; i < e && m < 16; i++)
            words[m++] = t[i].norm;
        tl = m ? kg_lexicon_title_len(lx, words, m) : 0;
    }
    c.name_start = s;
    if (s >= e) {
        /* a title alone ("the President said") refers to its holder */
        if (!c.role)
            return KG_OK;
        c.kind = C_ROLE;
        c.tok_end = e;
        return push_cand(f, &c);
    }
    if (!type_name(f, t, s, e, titled, clause_start && !titled && c.place < 0, &c))
        return KG_OK;
    c.tok_end = e;
    if (c.type == KG_ENT_PERSON && c.place >= 0) {
        /* "Israeli Prime Minister Benjamin Netanyahu": tie the person to the country */
        c.country = ((cand *)kg_vec_at(&f->cands, (size_t)c.place))->country;
    }
    if (c.type != KG_ENT_PERSON && c.type != KG_ENT_COUNTRY) {
        size_t tail = lowercase_org_tail(lx, t, e, n);
        if (tail) {
            /* "Gaza health ministry", "Biden administration" */
            c.type = KG_ENT_ORGANIZATION;
            c.tok_end = tail;
            c.name = join_norms(f->a, t, c.name_start, tail);
        }
    } else if (c.type == KG_ENT_PERSON && !titled && lowercase_org_tail(lx, t, e, n)) {
        size_t tail = lowercase_org_tail(lx, t, e, n);
        c.kind = C_NAME;
        c.type = KG_ENT_ORGANIZATION;
        c.tok_end = tail;
        c.name = join_norms(f->a, t, c.name_start, tail);
    }
    kg_status st = push_cand(f, &c);
    if (st != KG_OK)
        return st;
    /* an acronym defined right after the name: "Palestinian Authority (PA)" */
    size_t k = c.tok_end;
    if (k + 2 < n && eq(t[k].norm, "(") && eq(t[k + 2].norm, ")") && is_cap(&t[k + 1]) &&
        c.type == KG_ENT_ORGANIZATION) {
        cand acr = c;
        acr.tok_start = acr.name_start = k + 1;
        acr.tok_end = k + 2;
        acr.name = t[k + 1].norm;
        acr.acronym_of = c.name;
        acr.how = KG_RES_ACRONYM;
        acr.role = NULL;
        return push_cand(f, &acr);
    }
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
        if (!is_word(&t[k]) || is_cap(&t[k]))
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
    if (after < n && is_cap(&t[after]))
        return 0;
    *role = join_norms(a, t, i + 1, after);
    return after - i;
}

static kg_status scan_sentence(finder *f, size_t si, const kg_token *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *w = t[i].norm;
        enum gender g = pronoun_gender(w);
        if (g != G_UNKNOWN) {
            cand c = {.kind = C_PRONOUN, .sentence = si, .tok_start = i, .tok_end = i + 1,
                      .name_start = i, .type = KG_ENT_PERSON, .name = w,
                      .how = KG_RES_PRONOUN, .gender = g, .entity = -1, .place = -1};
            kg_status st = push_cand(f, &c);
            if (st != KG_OK)
                return st;
            i++;
            continue;
        }
        const char *role = NULL;
        size_t rl = role_description(f->lx, f->a, t, i, n, &role);
        if (rl) {
            cand c = {.kind = C_ROLE, .sentence = si, .tok_start = i + 1, .tok_end = i + rl,
                      .name_start = i + rl, .type = KG_ENT_PERSON, .role = role,
                      .how = KG_RES_ROLE, .entity = -1, .place = -1};
            kg_status st = push_cand(f, &c);
            if (st != KG_OK)
                return st;
            i += rl;
            continue;
        }
        bool known_lower = is_word(&t[i]) && !is_cap(&t[i]) &&
                           kg_lexicon_organization(f->lx, w) != NULL;
        if (!known_lower && (!is_name_word(&t[i]) || is_calendar_word(w))) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n) {
            if (is_name_word(&t[j]) && !is_calendar_word(t[j].norm)) {
                j++;
            } else if ((is_connector(t[j].norm) || eq(t[j].norm, "and")) && j + 1 < n &&
                       is_name_word(&t[j + 1])) {
                j += 2;
            } else if (is_connector(t[j].norm) && j + 2 < n && is_connector(t[j + 1].norm) &&
                       is_name_word(&t[j + 2])) {
                j += 3; /* "von der Leyen", "de la Rua" */
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

/* ------------------------------------------------------------ resolution */

static ent_info *info_at(finder *f, size_t e)
{
    return kg_vec_at(&f->ent_info, e);
}

static kg_entity *ent_at(finder *f, size_t e)
{
    return kg_vec_at(&f->ents, e);
}

static kg_status add_string(finder *f, kg_vec *v, const char *s)
{
    for (size_t i = 0; i < v->len; i++)
        if (eq(*(const char **)kg_vec_at(v, i), s))
            return KG_OK;
    if (!kg_vec_push(v, &s))
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    return KG_OK;
}

static long find_entity_by_key(finder *f, kg_entity_type type, const char *key)
{
    for (size_t e = 0; e < f->ents.len; e++)
        if (ent_at(f, e)->type == type && eq(info_at(f, e)->key, key))
            return (long)e;
    return -1;
}

static const char *first_word(kg_arena *a, const char *name)
{
    const char *sp = strchr(name, ' ');
    return sp ? kg_arena_strndup(a, name, (size_t)(sp - name)) : name;
}

static const char *last_word(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp ? sp + 1 : name;
}

static size_t count_words(const char *name)
{
    size_t n = 1;
    for (const char *p = name; *p; p++)
        if (*p == ' ')
            n++;
    return n;
}

static long new_entity(finder *f, const cand *c, const char *key)
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
    ent_info in = {0};
    in.key = key;
    in.first = first_word(f->a, c->name);
    in.last = surname_core(last_word(c->name));
    in.n_name_tokens = count_words(c->name);
    in.gender = c->gender;
    kg_vec_init(&in.aliases, sizeof(const char *));
    kg_vec_init(&in.roles, sizeof(const char *));
    if (!kg_vec_push(&f->ents, &e))
        return -1;
    if (!kg_vec_push(&f->ent_info, &in)) {
        f->ents.len--;
        return -1;
    }
    return (long)f->ents.len - 1;
}

/* How many of name's first words are particles before a surname: "von der
 * Leyen", or "Von der Leyen" opening a sentence, is the surname "Leyen";
 * "Al Gore" and "Ben Wallace" are given names.  At most words - 1. */
static size_t leading_particles(finder *f, const char *name, size_t words)
{
    size_t n = 0;
    for (const char *p = name, *sp; n + 1 < words && (sp = strchr(p, ' ')); p = sp + 1) {
        if (!is_particle(p, (size_t)(sp - p), false))
            break;
        bool lower = islower((unsigned char)p[0]) || islower((unsigned char)sp[1]);
        if (!lower && kg_lexicon_is_given_name(f->lx, first_word(f->a, p)))
            break;
        n++;
    }
    return n;
}

/* The person a short form or a full name refers to.  A full name joins an
 * entity with the same first and last word ("Antony Blinken" and "Antony J.
 * Blinken"), or a surname-only entity with no first name yet.  A one-word
 * name joins the most recently mentioned person with that surname (or, if
 * none, that given name). */
static long match_person(finder *f, const char *name)
{
    size_t words = count_words(name);
    const char *last = surname_core(last_word(name));
    words -= leading_particles(f, name, words);
    if (words == 1)
        name = last;
    long best = -1;
    size_t best_seen = 0;
    if (words >= 2) {
        const char *first = first_word(f->a, name);
        for (size_t e = 0; e < f->ents.len; e++) {
            ent_info *in = info_at(f, e);
            if (ent_at(f, e)->type != KG_ENT_PERSON || !eq(in->last, last))
                continue;
            if (in->n_name_tokens >= 2 && eq(in->first, first))
                return (long)e;
        }
        for (size_t e = 0; e < f->ents.len; e++) {
            ent_info *in = info_at(f, e);
            if (ent_at(f, e)->type == KG_ENT_PERSON && in->n_name_tokens == 1 &&
                eq(in->last, last))
                return (long)e;
        }
        return -1;
    }
    for (size_t e = 0; e < f->ents.len; e++) {
        ent_info *in = info_at(f, e);
        if (ent_at(f, e)->type == KG_ENT_PERSON && eq(in->last, last) &&
            (best < 0 || in->last_seen >= best_seen)) {
            best = (long)e;
            best_seen = in->last_seen;
        }
    }
    if (best >= 0)
        return best;
    for (size_t e = 0; e < f->ents.len; e++) {
        ent_info *in = info_at(f, e);
        if (ent_at(f, e)->type == KG_ENT_PERSON && in->n_name_tokens >= 2 &&
            eq(in->first, name)) {
            if (best >= 0)
                return -1; /* two people with that given name: leave it */
            best = (long)e;
        }
    }
    if (best >= 0)
        return best;
    /* a middle name the article goes on to use: "Lula" of "Luiz Inacio Lula
     * da Silva"; only when one person has it */
    size_t len = strlen(name);
    for (size_t e = 0; e < f->ents.len && len > 1; e++) {
        ent_info *in = info_at(f, e);
        const char *full = ent_at(f, e)->name;
        if (ent_at(f, e)->type != KG_ENT_PERSON || in->n_name_tokens < 3)
            continue;
        const char *w = strchr(full, ' ');
        const char *lastsp = strrchr(full, ' ');
        for (; w && w < lastsp; w = strchr(w + 1, ' ')) {
            if (strncmp(w + 1, name, len) == 0 && (w[1 + len] == ' ' || !w[1 + len])) {
                if (best >= 0 && best != (long)e)
                    return -1;
                best = (long)e;
            }
        }
    }
    return best;
}

/* "EC" for "European Commission": the capitals of the name's words,
 * skipping the small words that acronyms leave out. */
static bool is_initials_of(const char *acronym, const char *name)
{
    size_t k = 0;
    const char *p = name;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        if (wl == 0)
            break;
        bool small = (wl == 2 && !strncmp(w, "of", 2)) || (wl == 3 && !strncmp(w, "and", 3)) ||
                     (wl == 3 && !strncmp(w, "the", 3)) || (wl == 3 && !strncmp(w, "for", 3)) ||
                     (wl == 1 && *w == '&');
        if (small)
            continue;
        if (!acronym[k] || toupper((unsigned char)*w) != acronym[k])
            return false;
        k++;
    }
    return k >= 2 && acronym[k] == '\0';
}

static bool all_caps(const char *s)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!isupper((unsigned char)*s))
            return false;
    return n >= 2;
}

/* An unknown capitalized word (no title, no given name) that is not a
 * person's surname may still be a known entity's name or acronym. */
static long match_any(finder *f, const char *key)
{
    for (size_t e = 0; e < f->ents.len; e++) {
        if (eq(info_at(f, e)->key, key))
            return (long)e;
        ent_info *in = info_at(f, e);
        for (size_t k = 0; k < in->aliases.len; k++) {
            char *ak = name_key(f->a, *(const char **)kg_vec_at(&in->aliases, k));
            if (ak && eq(ak, key))
                return (long)e;
        }
    }
    return -1;
}

static long latest_person(finder *f, enum gender g, size_t before)
{
    long best = -1;
    size_t seen = 0;
    for (size_t e = 0; e < f->ents.len; e++) {
        ent_info *in = info_at(f, e);
        if (ent_at(f, e)->type != KG_ENT_PERSON || in->last_seen >= before)
            continue;
        if (g != G_UNKNOWN && in->gender != G_UNKNOWN && in->gender != g)
            continue;
        if (best < 0 || in->last_seen >= seen) {
            best = (long)e;
            seen = in->last_seen;
        }
    }
    return best;
}

/* The most recent person who was given this role: "the secretary" matches
 * "Secretary of State"; "the prime minister" matches "Prime Minister". */
static long role_holder(finder *f, const char *role)
{
    long best = -1;
    size_t seen = 0;
    for (size_t e = 0; e < f->ents.len; e++) {
        ent_info *in = info_at(f, e);
        if (ent_at(f, e)->type != KG_ENT_PERSON)
            continue;
        for (size_t k = 0; k < in->roles.len; k++) {
            const char *r = *(const char **)kg_vec_at(&in->roles, k);
            const char *sp = strchr(r, ' ');
            if (sp && islower((unsigned char)r[0]))
                r = sp + 1; /* "former Prime Minister" still answers "the prime minister" */
            size_t rl = strlen(role);
            if (ieq(r, role) || (strncasecmp(r, role, rl) == 0 && r[rl] == ' ')) {
                if (best < 0 || in->last_seen >= seen) {
                    best = (long)e;
                    seen = in->last_seen;
                }
            }
        }
    }
    return best;
}

static kg_status resolve_name(finder *f, cand *c)
{
    const char *key = name_key(f->a, c->type == KG_ENT_COUNTRY ? c->country->alpha2 : c->name);
    if (!key)
        return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    long e = -1;
    if (c->kind == C_UNKNOWN) {
        e = match_person(f, c->name);
        if (e < 0)
            e = match_any(f, key);
        if (e >= 0) {
            c->type = ent_at(f, (size_t)e)->type;
            c->how = KG_RES_SHORT;
        }
    } else if (c->acronym_of) {
        e = find_entity_by_key(f, KG_ENT_ORGANIZATION, name_key(f->a, c->acronym_of));
    } else if (c->type == KG_ENT_PERSON) {
        e = match_person(f, c->name);
        if (e >= 0 && count_words(c->name) < info_at(f, (size_t)e)->n_name_tokens)
            c->how = KG_RES_SHORT;
    } else {
        e = find_entity_by_key(f, c->type, key);
        if (e < 0 && c->type == KG_ENT_ORGANIZATION && !strchr(c->name, ' '))
            e = match_any(f, key); /* an acronym seen before */
        if (e < 0 && c->type == KG_ENT_ORGANIZATION && all_caps(c->name)) {
            for (size_t k = 0; k < f->ents.len && e < 0; k++)
                if (ent_at(f, k)->type == KG_ENT_ORGANIZATION &&
                    is_initials_of(c->name, ent_at(f, k)->name))
                    e = (long)k;
            if (e >= 0)
                c->how = KG_RES_ACRONYM;
        }
    }
    if (e < 0) {
        if (c->kind == C_UNKNOWN)
            return KG_OK; /* an untyped word nothing else supports: dropped */
        e = new_entity(f, c, key);
        if (e < 0)
            return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
    } else if (c->type == KG_ENT_PERSON) {
        /* keep the fullest name: "Biden" then "Joe Biden" */
        ent_info *in = info_at(f, (size_t)e);
        size_t words = count_words(c->name);
        if (words > in->n_name_tokens) {
            ent_at(f, (size_t)e)->name = c->name;
            in->n_name_tokens = words;
            in->first = first_word(f->a, c->name);
            in->key = key;
        }
    }
    c->entity = e;
    return KG_OK;
}

static kg_status record(finder *f, cand *c, size_t ci, const kg_token *t)
{
    if (c->entity < 0)
        return KG_OK;
    kg_entity *e = ent_at(f, (size_t)c->entity);
    ent_info *in = info_at(f, (size_t)c->entity);
    in->last_seen = ci + 1;
    if (c->gender != G_UNKNOWN && in->gender == G_UNKNOWN)
        in->gender = c->gender;
    if (c->kind == C_NAME || c->kind == C_UNKNOWN) {
        /* both "Secretary Blinken" as written and the bare name "Blinken" */
        kg_status st = add_string(f, &in->aliases, surface(f, t, c->tok_start, c->tok_end));
        if (st == KG_OK && c->name_start > c->tok_start && c->type == KG_ENT_PERSON)
            st = add_string(f, &in->aliases, surface(f, t, c->name_start, c->tok_end));
        if (st != KG_OK)
            return st;
    }
    if (c->role && c->kind != C_ROLE) {
        kg_status st = add_string(f, &in->roles, c->role);
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

static kg_status resolve_all(finder *f, kg_token *const *tokens)
{
    for (size_t ci = 0; ci < f->cands.len; ci++) {
        cand *c = kg_vec_at(&f->cands, ci);
        kg_status st = KG_OK;
        switch (c->kind) {
        case C_NAME:
        case C_UNKNOWN:
            st = resolve_name(f, c);
            break;
        case C_PRONOUN:
            c->entity = latest_person(f, c->gender, ci + 1);
            break;
        case C_ROLE:
            c->entity = role_holder(f, c->role);
            break;
        }
        if (st == KG_OK)
            st = record(f, c, ci, tokens[c->sentence]);
        if (st != KG_OK)
            return st;
        if (c->kind == C_NAME && c->type == KG_ENT_PERSON && c->place >= 0 && c->role &&
            c->entity >= 0) {
            const cand *p = kg_vec_at(&f->cands, (size_t)c->place);
            kg_role_fact rf = {(size_t)c->entity, p->entity, c->role, c->sentence};
            if (p->entity >= 0 && !kg_vec_push(&f->roles, &rf))
                return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
        }
    }
    return KG_OK;
}

/* ------------------------------------------------------------ output */

static const char **vec_strings(kg_arena *a, const kg_vec *v)
{
    const char **out = kg_arena_alloc(a, (v->len + 1) * sizeof *out);
    if (out && v->len)
        memcpy(out, v->items, v->len * sizeof *out);
    return out;
}

static kg_status finish(finder *f, const kg_span *sentences, kg_token *const *tokens,
                        kg_entity_result *out)
{
    (void)sentences;
    size_t n_ment = 0;
    for (size_t ci = 0; ci < f->cands.len; ci++)
        if (((cand *)kg_vec_at(&f->cands, ci))->entity >= 0)
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
    for (size_t e = 0; e < f->ents.len; e++) {
        kg_entity *en = ent_at(f, e);
        ent_info *in = info_at(f, e);
        const char *slug = kg_entities_slug(f->a, en->name);
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
        const cand *c = kg_vec_at(&f->cands, ci);
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

static void finder_free(finder *f)
{
    for (size_t e = 0; e < f->ent_info.len; e++) {
        kg_vec_free(&info_at(f, e)->aliases);
        kg_vec_free(&info_at(f, e)->roles);
    }
    kg_vec_free(&f->ent_info);
    kg_vec_free(&f->ents);
    kg_vec_free(&f->cands);
    kg_vec_free(&f->roles);
}

kg_status kg_entities_find(kg_arena *a, const kg_lexicon *lx, const char *text,
                           const kg_span *sentences, size_t n_sentences,
                           kg_token *const *tokens, const size_t *n_tokens,
                           kg_entity_result *out, kg_error *err)
{
    finder f = {.a = a, .lx = lx, .text = text, .err = err};
    kg_vec_init(&f.cands, sizeof(cand));
    kg_vec_init(&f.ents, sizeof(kg_entity));
    kg_vec_init(&f.ent_info, sizeof(ent_info));
    kg_vec_init(&f.roles, sizeof(kg_role_fact));
    memset(out, 0, sizeof *out);
    kg_status st = KG_OK;
    for (size_t s = 0; s < n_sentences && st == KG_OK; s++)
        st = scan_sentence(&f, s, tokens[s], n_tokens[s]);
    if (st == KG_OK)
        st = resolve_all(&f, tokens);
    if (st == KG_OK)
        st = finish(&f, sentences, tokens, out);
    finder_free(&f);
    return st;
}
