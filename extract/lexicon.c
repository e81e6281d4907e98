/* lexicon.c - loads the word lists once into hash maps, then only reads them.
 *
 * Every list becomes a kg_strmap whose value encodes what a lookup returns
 * (a country index, a demonym's kind, a title's honorific flag), so a lookup is
 * one hash probe and never allocates.  Strings that lookups hand back
 * (country and organization names) live in one arena owned by the lexicon.
 *
 * Country codes in the project's files are checked against iso-codes, and a
 * name may not be claimed by two countries: data errors are reported as
 * FILE:LINE at load time rather than surfacing as odd entities later.
 *
 * Building the maps is 0.1 s, most of a short run: a built lexicon is kept
 * in a cache file and mapped by later runs (lexicon_cache.c), keyed by a
 * stamp of its sources and of this code.
 */
/* dladdr, for the file that holds the lexicon's code */
#define _GNU_SOURCE
#include "lexicon.h"

#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <link.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "datafile.h"
#include "lexicon_internal.h"
#include "paths.h"
#include "strmap.h"
#include "wordnet.h"
#include "wordnet_words.h"

#define WORDS_FILE "/usr/share/dict/american-english"
#define WORDS_HINT " (English word list: apt-get install wamerican)"
#define FFAKER_GEMS "/usr/share/rubygems-integration/all/gems"
#define FFAKER_HINT " (given names come from ffaker: apt-get install ruby-ffaker)"
#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* Longest word or phrase a lookup will lower-case or join on the stack;
 * anything longer is in no list. */
#define KEY_MAX 256
#define MAX_COLS KG_DATAFILE_MAX_COLS

enum demonym_kind { DEMONYM_ADJ, DEMONYM_PLURAL, DEMONYM_PERSON };

static const char *const wordlist_files[KG_WL_COUNT] = {
    [KG_WL_SPEECH_VERBS] = "speech-verbs.txt",
    [KG_WL_COGNITION_VERBS] = "cognition-verbs.txt",
    [KG_WL_NEGATING_VERBS] = "negating-verbs.txt",
    [KG_WL_MODAL_VERBS] = "modal-verbs.txt",
    [KG_WL_MODAL_AUX] = "modal-auxiliaries.txt",
    [KG_WL_NEGATORS] = "negators.txt",
    [KG_WL_RELATION_NOUNS] = "relation-nouns.txt",
    [KG_WL_LIGHT_VERBS] = "light-verbs.txt",
    [KG_WL_ATTRIBUTION_PREPS] = "attribution-prepositions.txt",
    [KG_WL_LEGAL_FORMS] = "legal-forms.txt",
    [KG_WL_TEAM_WORDS] = "team-words.txt",
    [KG_WL_NATIONAL_NOUNS] = "national-nouns.txt",
    [KG_WL_NOT_ORGS] = "not-organizations.txt",
    [KG_WL_NO_RELATION_PREPS] = "no-relation-prepositions.txt",
    [KG_WL_HEARSAY_NOUNS] = "hearsay-nouns.txt",
    [KG_WL_EVENT_WORDS] = "event-words.txt",
    [KG_WL_CLAUSE_OPENERS] = "clause-openers.txt",
    [KG_WL_VESSEL_PREFIXES] = "vessel-prefixes.txt",
    [KG_WL_ORG_NOUNS] = "org-nouns.txt",
    [KG_WL_PLACE_PREPOSITIONS] = "place-prepositions.txt",
    [KG_WL_FUTURE_TIME_WORDS] = "future-time-words.txt",
    [KG_WL_ROLE_QUALIFIERS] = "role-qualifiers.txt",
    [KG_WL_NUMBERED_NAMES] = "numbered-names.txt",
    [KG_WL_ATTRIBUTIVE_SUFFIXES] = "attributive-suffixes.txt",
    [KG_WL_PREPOSITIONS] = "prepositions.txt",
    [KG_WL_PARTICIPLE_PREPS] = "participle-prepositions.txt",
    [KG_WL_CONTENT_VERBS] = "content-verbs.txt",
    [KG_WL_COMPLEMENT_VERBS] = "complement-verbs.txt",
    [KG_WL_SUBORDINATORS] = "subordinators.txt",
    [KG_WL_SHARED_TEAM_WORDS] = "shared-team-words.txt",
    [KG_WL_NATIONALITY_ROLES] = "nationality-roles.txt",
};

/* ---------------------------------------------------------------- project data files */

typedef struct loader {
    kg_lexicon *lx;
    kg_error *err;
    const char *path; /* file being read, for messages */
    size_t line;
    kg_strmap *set;  /* where row_set puts one-column entries */
    const char *iso; /* the iso-codes file, for messages */
} loader;

typedef kg_status (*row_fn)(loader *ld, char **cols, size_t ncols);

static kg_status row_error(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static kg_status row_error(loader *ld, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kg_error_set(ld->err, KG_ERR_INPUT, "%s:%zu: %s", ld->path, ld->line, msg);
    return KG_ERR_INPUT;
}

static kg_status nomem(loader *ld)
{
    kg_error_set(ld->err, KG_ERR_NOMEM, "%s: out of memory", ld->path ? ld->path : "lexicon");
    return KG_ERR_NOMEM;
}

typedef struct rows_call {
    loader *ld;
    row_fn fn;
} rows_call;

static kg_status row_through(void *ctx, const kg_datafile_row *at, char **cols, size_t n,
                             kg_error *err)
{
    (void)err; /* the loader's */
    rows_call *c = ctx;
    c->ld->path = at->path;
    c->ld->line = at->line;
    return c->fn(c->ld, cols, n);
}

/* Reads DIR/NAME as datafile.h says, passing each entry of
 * min_cols..max_cols columns to fn. */
static kg_status load_rows(loader *ld, const char *dir, const char *name, size_t min_cols,
                           size_t max_cols, row_fn fn)
{
    rows_call c = {.ld = ld, .fn = fn};
    kg_status st = kg_datafile_rows(dir, name, min_cols, max_cols, row_through, &c, ld->err);
    ld->path = NULL;
    return st;
}

/* The country a data file names by alpha-2 code, or an error naming the line. */
static kg_status country_index(loader *ld, const char *code, size_t *idx)
{
    if (strlen(code) != 2 || !kg_strmap_get(ld->lx->country_codes, code, idx))
        return row_error(ld, "unknown country code %s", code);
    return KG_OK;
}

/* Maps a name to a country, refusing a name that already names another one. */
static kg_status put_country_name(loader *ld, const char *name, size_t idx)
{
    size_t old;
    if (kg_strmap_get(ld->lx->country_names, name, &old)) {
        if (old == idx)
            return KG_OK;
        if (ld->path)
            return row_error(ld, "\"%s\" already names %s", name, ld->lx->countries[old].alpha2);
        return kg_error_set(ld->err, KG_ERR_INPUT, "%s: \"%s\" names both %s and %s", ld->iso, name,
                            ld->lx->countries[old].alpha2, ld->lx->countries[idx].alpha2);
    }
    return kg_strmap_put(ld->lx->country_names, name, idx) ? nomem(ld) : KG_OK;
}

static kg_status row_country_name(loader *ld, char **cols, size_t n)
{
    (void)n;
    size_t idx = 0;
    kg_status st = country_index(ld, cols[0], &idx);
    if (st)
        return st;
    const char *name = kg_arena_strdup(ld->lx->strings, cols[1]);
    if (!name)
        return nomem(ld);
    ld->lx->countries[idx].name = name;
    return put_country_name(ld, name, idx);
}

static kg_status row_country_alias(loader *ld, char **cols, size_t n)
{
    (void)n;
    size_t idx = 0;
    kg_status st = country_index(ld, cols[1], &idx);
    return st ? st : put_country_name(ld, cols[0], idx);
}

static kg_status row_demonym(loader *ld, char **cols, size_t n)
{
    (void)n;
    size_t idx = 0, kind;
    kg_status st = country_index(ld, cols[1], &idx);
    if (st)
        return st;
    if (!strcmp(cols[2], "adj"))
        kind = DEMONYM_ADJ;
    else if (!strcmp(cols[2], "plural"))
        kind = DEMONYM_PLURAL;
    else if (!strcmp(cols[2], "person"))
        kind = DEMONYM_PERSON;
    else
        return row_error(ld, "kind must be adj, plural or person, not \"%s\"", cols[2]);
    if (kg_strmap_get(ld->lx->demonyms, cols[0], NULL))
        return row_error(ld, "duplicate demonym \"%s\"", cols[0]);
    return kg_strmap_put(ld->lx->demonyms, cols[0], idx * 4 + kind) ? nomem(ld) : KG_OK;
}

static kg_status row_title(loader *ld, char **cols, size_t n)
{
    size_t honorific = 0;
    if (n == 2) {
        if (strcmp(cols[1], "honorific"))
            return row_error(ld, "second column must be \"honorific\", not \"%s\"", cols[1]);
        honorific = 1;
    }
    /* Lookups join the caller's words with single spaces: store titles that way. */
    char key[KEY_MAX];
    size_t len = 0, words = 0;
    for (const char *s = cols[0]; *s;) {
        while (*s == ' ')
            s++;
        size_t w = strcspn(s, " ");
        if (len + w + 2 > sizeof key)
            return row_error(ld, "title too long");
        if (words++)
            key[len++] = ' ';
        memcpy(key + len, s, w);
        len += w;
        s += w;
    }
    if (words > ld->lx->title_max_words)
        ld->lx->title_max_words = words;
    return kg_strmap_putn(ld->lx->titles, key, len, honorific) ? nomem(ld) : KG_OK;
}

static kg_status put_word(loader *ld, kg_strmap *m, const char *word, size_t value)
{
    return kg_strmap_put(m, word, value) ? nomem(ld) : KG_OK;
}

/* One-column lists: the entry itself is the key. */
static kg_status row_set(loader *ld, char **cols, size_t n)
{
    (void)n;
    return put_word(ld, ld->set, cols[0], 1);
}

/* A one-column list into set, each row through fn (row_set or row_lower). */
static kg_status load_set_with(loader *ld, const char *dir, const char *name, kg_strmap *set,
                               row_fn fn)
{
    ld->set = set;
    kg_status st = load_rows(ld, dir, name, 1, 1, fn);
    ld->set = NULL;
    return st;
}

static kg_status load_set(loader *ld, const char *dir, const char *name, kg_strmap *set)
{
    return load_set_with(ld, dir, name, set, row_set);
}

/* One-column lists compared in lower case: an entry with a capital is a
 * mistake in the file, not a second spelling. */
static kg_status row_lower(loader *ld, char **cols, size_t n)
{
    (void)n;
    for (const char *p = cols[0]; *p; p++)
        if (isupper((unsigned char)*p))
            return row_error(ld, "'%s': entries are lower case", cols[0]);
    return put_word(ld, ld->set, cols[0], 1);
}

static kg_status row_organization(loader *ld, char **cols, size_t n)
{
    kg_lexicon *lx = ld->lx;
    size_t idx = lx->org_names.len;
    for (size_t i = 0; i < n; i++) {
        size_t old;
        if (kg_strmap_get(lx->organizations, cols[i], &old) && old != idx) {
            const char *other = *(const char **)kg_vec_at(&lx->org_names, old);
            return row_error(ld, "\"%s\" already names %s", cols[i], other);
        }
    }
    const char *name = kg_arena_strdup(lx->strings, cols[0]);
    if (!name || !kg_vec_push(&lx->org_names, &name))
        return nomem(ld);
    for (size_t i = 0; i < n; i++)
        if (kg_strmap_put(lx->organizations, cols[i], idx))
            return nomem(ld);
    return KG_OK;
}

static kg_status row_location(loader *ld, char **cols, size_t n)
{
    size_t value = 0;
    if (n == 2) {
        kg_status st = country_index(ld, cols[1], &value);
        if (st)
            return st;
        value++;
    }
    return put_word(ld, ld->lx->locations, cols[0], value);
}

/* Function words are stored lower-case, like the common words they join. */
static kg_status row_function_word(loader *ld, char **cols, size_t n)
{
    (void)n;
    for (char *s = cols[0]; *s; s++)
        *s = (char)tolower((unsigned char)*s);
    return put_word(ld, ld->lx->common_words, cols[0], 1);
}

/* ---------------------------------------------------------------- iso-codes */

static const char *json_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static kg_status load_iso(loader *ld, const char *path)
{
    kg_lexicon *lx = ld->lx;
    ld->iso = path;
    FILE *f = fopen(path, "rb");
    if (!f)
        return kg_error_set(ld->err, KG_ERR_IO,
                            "%s: cannot open: %s (country names come from iso-codes: "
                            "apt-get install iso-codes)",
                            path, strerror(errno));
    json_error_t jerr;
    json_t *root = json_loadf(f, 0, &jerr);
    fclose(f);
    if (!root)
        return kg_error_set(ld->err, KG_ERR_INPUT, "%s:%d:%d: %s", path, jerr.line, jerr.column,
                            jerr.text);
    kg_status st = KG_OK;
    json_t *list = json_object_get(root, "3166-1");
    size_t n = json_array_size(list);
    if (!n) {
        st = kg_error_set(ld->err, KG_ERR_INPUT, "%s: no \"3166-1\" array of countries", path);
        goto done;
    }
    lx->countries = calloc(n, sizeof *lx->countries);
    if (!lx->countries) {
        st = kg_error_set(ld->err, KG_ERR_NOMEM, "%s: out of memory", path);
        goto done;
    }
    for (size_t i = 0; i < n && !st; i++) {
        json_t *c = json_array_get(list, i);
        const char *a2 = json_str(c, "alpha_2"), *a3 = json_str(c, "alpha_3");
        const char *name = json_str(c, "name"), *common = json_str(c, "common_name");
        const char *official = json_str(c, "official_name");
        if (!a2 || strlen(a2) != 2 || !a3 || strlen(a3) != 3 || !name) {
            st = kg_error_set(ld->err, KG_ERR_INPUT, "%s: entry %zu lacks alpha_2, alpha_3 or name",
                              path, i + 1);
            break;
        }
        kg_country *k = &lx->countries[lx->n_countries];
        memcpy(k->alpha2, a2, 3);
        memcpy(k->alpha3, a3, 4);
        k->name = kg_arena_strdup(lx->strings, common ? common : name);
        if (!k->name || kg_strmap_put(lx->country_codes, a2, lx->n_countries) ||
            kg_strmap_put(lx->country_codes, a3, lx->n_countries)) {
            st = kg_error_set(ld->err, KG_ERR_NOMEM, "%s: out of memory", path);
            break;
        }
        size_t idx = lx->n_countries++;
        st = put_country_name(ld, name, idx);
        if (!st && common)
            st = put_country_name(ld, common, idx);
        if (!st && official) {
            st = put_country_name(ld, official, idx);
            /* "the State of Palestine": news writes the name without "the". */
            if (!st && !strncmp(official, "the ", 4))
                st = put_country_name(ld, official + 4, idx);
        }
    }
done:
    json_decref(root);
    return st;
}

/* ---------------------------------------------------------------- system word lists */

/* Whether s, in lower case, is a key of m (an empty s never is). */
static bool lower_in(const kg_strmap *m, const char *s)
{
    char key[KEY_MAX];
    size_t n = 0;
    for (; s[n]; n++) {
        if (n + 1 >= sizeof key)
            return false;
        key[n] = (char)tolower((unsigned char)s[n]);
    }
    return n && kg_strmap_getn(m, key, n, NULL);
}

/* Adds every entry of a plain word list (one word a line, as wamerican's and
 * ffaker's are) to m; lower_only skips entries with a capital, and entries
 * that are keys of except in lower case are skipped too.  A line with a
 * space or a control character in it is an error naming the line: the file
 * is not the list we expect.  Entries already in m keep their value. */
static kg_status load_list(loader *ld, const char *path, const char *hint, kg_strmap *m,
                           bool lower_only, const kg_strmap *except)
{
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_datafile_read(path, hint, &buf, &len, ld->err);
    if (st)
        return st;
    ld->path = path;
    ld->line = 0;
    size_t entries = 0;
    char *cursor = buf, *line;
    while (!st && (line = kg_datafile_next_line(&cursor))) {
        ld->line++;
        if (!*line)
            continue;
        bool upper = false;
        for (const char *p = line; *p && !st; p++) {
            if ((unsigned char)*p <= ' ' || *p == 0x7f)
                st = row_error(ld, "'%s' is not one word", line);
            upper |= isupper((unsigned char)*p) != 0;
        }
        entries++;
        if (st || (lower_only && upper) || kg_strmap_get(m, line, NULL) ||
            (except && lower_in(except, line)))
            continue;
        st = put_word(ld, m, line, 0);
    }
    if (!st && !entries)
        st = kg_error_set(ld->err, KG_ERR_INPUT, "%s: no entries%s", path, hint ? hint : "");
    free(buf);
    ld->path = NULL;
    return st;
}

/* Marks every name of the census list at path with bit (1 male, 2 female);
 * a name on both lists ("Leslie", "Jordan") says nothing of a gender. */
static kg_status load_genders(loader *ld, const char *path, size_t bit)
{
    char *buf = NULL;
    size_t len = 0;
    kg_status st = kg_datafile_read(path, FFAKER_HINT, &buf, &len, ld->err);
    char *cursor = buf, *line;
    while (!st && (line = kg_datafile_next_line(&cursor))) {
        if (!*line)
            continue;
        size_t v = 0;
        kg_strmap_get(ld->lx->name_genders, line, &v);
        if (kg_strmap_put(ld->lx->name_genders, line, v | bit))
            st = kg_error_set(ld->err, KG_ERR_NOMEM, "out of memory");
    }
    free(buf);
    return st;
}

/* ffaker keeps its data inside its gem, whose directory is named after its
 * version ("ffaker-2.20.0"): the newest one found is used. */
static kg_status find_ffaker(loader *ld, const char *gems, char *dir, size_t size)
{
    DIR *d = opendir(gems);
    if (!d)
        return kg_error_set(ld->err, KG_ERR_IO, "%s: cannot open: %s%s", gems, strerror(errno),
                            FFAKER_HINT);
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d)))
        if (!strncmp(e->d_name, "ffaker-", 7) && strlen(e->d_name) < sizeof best &&
            strcmp(e->d_name, best) > 0)
            strcpy(best, e->d_name);
    closedir(d);
    if (!*best)
        return kg_error_set(ld->err, KG_ERR_IO, "%s: no ffaker-* gem%s", gems, FFAKER_HINT);
    if ((size_t)snprintf(dir, size, "%s/%s/lib/ffaker/data/name", gems, best) >= size)
        return kg_error_set(ld->err, KG_ERR_USAGE, "%s: path too long", gems);
    return KG_OK;
}

/* The US Census Bureau's 1990 lists of male and female given names, as
 * ruby-ffaker ships them.  The census counted every name some people bear,
 * "In", "So" and "May" among them: names that are function words are left
 * out, or a sentence's first word would start a person's name. */
static kg_status load_given_names(loader *ld, const char *dir, const kg_strmap *function_words)
{
    char gem[4096];
    if (!dir) {
        kg_status st = find_ffaker(ld, FFAKER_GEMS, gem, sizeof gem);
        if (st)
            return st;
        dir = gem;
    }
    static const char *const files[] = {"first_names_male", "first_names_female"};
    kg_status st = KG_OK;
    for (size_t i = 0; i < sizeof files / sizeof *files && !st; i++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[i]) >= sizeof path)
            return kg_error_set(ld->err, KG_ERR_USAGE, "%s: path too long", dir);
        st = load_list(ld, path, FFAKER_HINT, ld->lx->given_names, false, function_words);
        if (!st)
            st = load_genders(ld, path, (size_t)1 << i);
    }
    return st;
}

/* ---------------------------------------------------------------- load and free */

static kg_status load_all(loader *ld, const kg_lexicon_paths *paths)
{
    kg_lexicon *lx = ld->lx;
    const char *data = paths->data_dir;
    kg_status st = load_iso(ld, paths->iso_json);
    if (!st)
        st = load_rows(ld, data, "country-names.txt", 2, 2, row_country_name);
    if (!st)
        st = load_rows(ld, data, "country-aliases.txt", 2, 2, row_country_alias);
    if (!st)
        st = load_rows(ld, data, "demonyms.txt", 3, 3, row_demonym);
    if (!st)
        st = load_rows(ld, data, "titles.txt", 1, 2, row_title);
    if (!st)
        st = load_set(ld, data, "org-cues.txt", lx->org_cues);
    if (!st)
        st = load_rows(ld, data, "organizations.txt", 1, MAX_COLS, row_organization);
    if (!st)
        st = load_set(ld, data, "given-names.txt", lx->given_names);
    if (!st)
        st = load_set(ld, data, "professions.txt", lx->professions);
    if (!st)
        st = load_rows(ld, data, "function-words.txt", 1, 1, row_function_word);
    for (size_t i = 0; i < KG_WL_COUNT && !st; i++)
        st = load_set_with(ld, data, wordlist_files[i], ld->lx->wordlists[i], row_lower);

    /* Given names before WordNet: common_words holds only the function
     * words yet; and a place that is also a given name ("Chester", "Nancy")
     * is left to the name. */
    if (!st)
        st = load_given_names(ld, paths->given_names_dir, lx->common_words);
    /* WordNet has lemmas only: the American English word list (package
     * wamerican) adds their inflections ("years", "said").  Lower-case
     * entries only, so names like "Athens" stay out.  Loaded before
     * WordNet, whose places must not be common words ("Nice", "Surrey"). */
    if (!st)
        st = load_list(ld, paths->words_file ? paths->words_file : WORDS_FILE, WORDS_HINT,
                       lx->common_words, true, NULL);
    /* WordNet's places less the project's not-locations.txt; the project's
     * own locations load last so that their countries win. */
    kg_strmap *not_locations = kg_strmap_new();
    if (!not_locations)
        st = st ? st : kg_error_set(ld->err, KG_ERR_NOMEM, "out of memory");
    if (!st)
        st = load_set(ld, data, "not-locations.txt", not_locations);
    kg_wordnet_words wn = {.people = lx->professions,
                           .places = lx->locations,
                           .common = lx->common_words,
                           .verbs = lx->verbs,
                           .verb_forms = lx->verb_forms,
                           .verb_lemmas = &lx->verb_lemmas,
                           .strings = lx->strings,
                           .not_places = {not_locations, lx->given_names}};
    if (!st)
        st = kg_wordnet_words_load(paths->wordnet_dir, &wn, ld->err);
    kg_strmap_free(not_locations);
    if (!st)
        st = load_rows(ld, data, "locations.txt", 1, 2, row_location);
    return st;
}

kg_status kg_lexicon_load(const char *data_dir, const char *iso_json, kg_lexicon **out,
                          kg_error *err)
{
    kg_lexicon_paths paths = {.data_dir = data_dir, .iso_json = iso_json};
    return kg_lexicon_load_from(&paths, out, err);
}

void kg_lexicon_maps(kg_lexicon *lx, kg_strmap **maps[KG_LEXICON_N_MAPS])
{
    kg_strmap **fixed[] = {&lx->country_names, &lx->country_codes, &lx->demonyms,
                           &lx->titles,        &lx->org_cues,      &lx->organizations,
                           &lx->given_names,   &lx->locations,     &lx->professions,
                           &lx->common_words,  &lx->verbs,         &lx->verb_forms,
                           &lx->name_genders};
    _Static_assert(sizeof fixed / sizeof *fixed + KG_WL_COUNT == KG_LEXICON_N_MAPS,
                   "KG_LEXICON_N_MAPS counts every map");
    size_t n = 0;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        maps[n++] = fixed[i];
    for (size_t i = 0; i < KG_WL_COUNT; i++)
        maps[n++] = &lx->wordlists[i];
}

/* The code that builds the lexicon is a source too: the file holding this
 * function (a rebuilt kg or libkg is another loader). */
bool kg_lexicon_sources_stamp(const kg_lexicon_paths *paths, char **stamp, size_t *len)
{
    /* the main program's link map has no name (dladdr would give argv[0]) */
    Dl_info self;
    struct link_map *map = NULL;
    const char *code =
        dladdr1((void *)kg_lexicon_sources_stamp, &self, (void **)&map, RTLD_DL_LINKMAP) && map &&
                map->l_name && *map->l_name
            ? map->l_name
            : "/proc/self/exe";
    char gem[4096];
    const char *names = paths->given_names_dir;
    kg_error ignored = {0};
    loader probe = {.err = &ignored};
    if (!names && find_ffaker(&probe, FFAKER_GEMS, gem, sizeof gem) == KG_OK)
        names = gem;
    const char *sources[] = {code,
                             paths->data_dir,
                             paths->iso_json,
                             paths->wordnet_dir ? paths->wordnet_dir : KG_WORDNET_DIR,
                             paths->words_file ? paths->words_file : WORDS_FILE,
                             FFAKER_GEMS,
                             names ? names : FFAKER_GEMS};
    bool ok = true;
    for (size_t i = 0; i < sizeof sources / sizeof *sources && ok; i++)
        ok = kg_lexicon_cache_stamp(stamp, len, sources[i]);
    return ok;
}

/* The lexicon built from its sources. */
static kg_status load_sources(const kg_lexicon_paths *paths_in, kg_lexicon **out, kg_error *err)
{
    kg_lexicon_paths paths = *paths_in;
    kg_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_vec_init(&lx->org_names, sizeof(const char *));
    kg_vec_init(&lx->verb_lemmas, sizeof(const char *));
    lx->strings = kg_arena_new();
    kg_strmap **maps[KG_LEXICON_N_MAPS];
    kg_lexicon_maps(lx, maps);
    bool ok = lx->strings != NULL;
    for (size_t i = 0; i < KG_LEXICON_N_MAPS; i++)
        ok = (*maps[i] = kg_strmap_new()) != NULL && ok;
    if (!ok) {
        kg_lexicon_free(lx);
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    loader ld = {.lx = lx, .err = err};
    kg_status st = load_all(&ld, &paths);
    if (st) {
        kg_lexicon_free(lx);
        return st;
    }
    *out = lx;
    return KG_OK;
}

kg_status kg_lexicon_load_from(const kg_lexicon_paths *given, kg_lexicon **out, kg_error *err)
{
    *out = NULL;
    kg_lexicon_paths paths = *given;
    char found[KG_PATHS_MAX];
    if (!paths.data_dir) {
        kg_status fst = kg_paths_data_dir(found, sizeof found, err);
        if (fst != KG_OK)
            return fst;
        paths.data_dir = found;
    }
    if (!paths.iso_json)
        paths.iso_json = ISO_3166_JSON;

    char dir[4096];
    char *stamp = NULL;
    size_t stamp_len = 0;
    bool cached = paths.cache_dir ? snprintf(dir, sizeof dir, "%s", paths.cache_dir) > 0 &&
                                        strlen(paths.cache_dir) < sizeof dir
                                  : kg_lexicon_cache_dir(dir, sizeof dir);
    cached = cached && kg_lexicon_sources_stamp(&paths, &stamp, &stamp_len);
    if (cached && (*out = kg_lexicon_cache_open(dir, stamp))) {
        free(stamp);
        return KG_OK;
    }
    kg_status st = load_sources(&paths, out, err);
    if (st == KG_OK && cached)
        kg_lexicon_cache_save(dir, stamp, *out);
    free(stamp);
    return st;
}

void kg_lexicon_free(kg_lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < KG_WL_COUNT; i++)
        kg_strmap_free(lx->wordlists[i]);
    kg_strmap_free(lx->common_words);
    kg_strmap_free(lx->verbs);
    kg_strmap_free(lx->name_genders);
    kg_strmap_free(lx->verb_forms);
    kg_vec_free(&lx->verb_lemmas);
    kg_strmap_free(lx->professions);
    kg_strmap_free(lx->locations);
    kg_strmap_free(lx->given_names);
    kg_vec_free(&lx->org_names);
    kg_strmap_free(lx->organizations);
    kg_strmap_free(lx->org_cues);
    kg_strmap_free(lx->titles);
    kg_strmap_free(lx->demonyms);
    kg_strmap_free(lx->country_codes);
    kg_strmap_free(lx->country_names);
    free(lx->countries);
    if (lx->strings)
        kg_arena_free(lx->strings);
    if (lx->mapped)
        munmap(lx->mapped, lx->mapped_len);
    free(lx);
}

/* ---------------------------------------------------------------- lookups */

const kg_country *kg_lexicon_country(const kg_lexicon *lx, const char *name)
{
    size_t i;
    return kg_strmap_get(lx->country_names, name, &i) ? &lx->countries[i] : NULL;
}

const kg_country *kg_lexicon_country_code(const kg_lexicon *lx, const char *code)
{
    size_t i;
    return kg_strmap_get(lx->country_codes, code, &i) ? &lx->countries[i] : NULL;
}

const kg_country *kg_lexicon_demonym(const kg_lexicon *lx, const char *word, bool *plural)
{
    size_t v;
    if (!kg_strmap_get(lx->demonyms, word, &v))
        return NULL;
    if (plural)
        *plural = v % 4 == DEMONYM_PLURAL;
    return &lx->countries[v / 4];
}

bool kg_lexicon_demonym_person(const kg_lexicon *lx, const char *word)
{
    size_t v;
    return kg_strmap_get(lx->demonyms, word, &v) && v % 4 == DEMONYM_PERSON;
}

/* Joins words[0..k) with single spaces into key; false if it does not fit. */
static bool join_words(const char *const *words, size_t k, char key[KEY_MAX], size_t *len)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++) {
        size_t w = strlen(words[i]);
        if (n + w + 2 > KEY_MAX)
            return false;
        if (i)
            key[n++] = ' ';
        memcpy(key + n, words[i], w);
        n += w;
    }
    *len = n;
    return true;
}

size_t kg_lexicon_title_len(const kg_lexicon *lx, const char *const *words, size_t n)
{
    char key[KEY_MAX];
    size_t k = n < lx->title_max_words ? n : lx->title_max_words;
    for (; k > 0; k--) {
        size_t len;
        if (join_words(words, k, key, &len) && kg_strmap_getn(lx->titles, key, len, NULL))
            return k;
    }
    return 0;
}

bool kg_lexicon_is_honorific(const kg_lexicon *lx, const char *word)
{
    size_t v;
    return kg_strmap_get(lx->titles, word, &v) && v == 1;
}

bool kg_lexicon_is_org_cue(const kg_lexicon *lx, const char *word)
{
    return kg_strmap_get(lx->org_cues, word, NULL);
}

const char *kg_lexicon_organization(const kg_lexicon *lx, const char *name)
{
    size_t i;
    if (!kg_strmap_get(lx->organizations, name, &i))
        return NULL;
    return *(const char **)kg_vec_at(&lx->org_names, i);
}

bool kg_lexicon_is_given_name(const kg_lexicon *lx, const char *word)
{
    return kg_strmap_get(lx->given_names, word, NULL);
}

bool kg_lexicon_is_location(const kg_lexicon *lx, const char *name)
{
    return kg_strmap_get(lx->locations, name, NULL);
}

const kg_country *kg_lexicon_location_country(const kg_lexicon *lx, const char *name)
{
    size_t v;
    if (!kg_strmap_get(lx->locations, name, &v) || v == 0)
        return NULL;
    return &lx->countries[v - 1];
}

bool kg_lexicon_is_profession(const kg_lexicon *lx, const char *word)
{
    return kg_strmap_get(lx->professions, word, NULL);
}

bool kg_lexicon_is_common_word(const kg_lexicon *lx, const char *word)
{
    return lower_in(lx->common_words, word);
}

bool kg_lexicon_in(const kg_lexicon *lx, kg_wordlist list, const char *word)
{
    return (unsigned)list < KG_WL_COUNT && lower_in(lx->wordlists[list], word);
}

bool kg_lexicon_is_verb(const kg_lexicon *lx, const char *lemma)
{
    return kg_strmap_get(lx->verbs, lemma, NULL);
}

/* WordNet's morphology for verbs (morphy): an irregular form from
 * verb.exc, the form itself, or the first of its detachments (-s, -ies,
 * -es, -ed, -ing, with -e restored where the rule says) that is a verb. */
const char *kg_lexicon_verb_lemma(const kg_lexicon *lx, const char *form, char *buf, size_t cap)
{
    static const char *const rules[][2] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                           {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
    size_t n = strlen(form);
    if (n == 0 || n >= cap)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)(form[i] >= 'A' && form[i] <= 'Z' ? form[i] + ('a' - 'A') : form[i]);
    size_t v;
    if (kg_strmap_get(lx->verb_forms, buf, &v))
        return *(const char **)kg_vec_at(&lx->verb_lemmas, v);
    if (kg_strmap_get(lx->verbs, buf, NULL))
        return buf;
    char low[128];
    if (n >= sizeof low)
        return NULL;
    memcpy(low, buf, n + 1);
    for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
        size_t sl = strlen(rules[r][0]), al = strlen(rules[r][1]);
        if (n <= sl || strcmp(low + n - sl, rules[r][0]) || n - sl + al >= cap)
            continue;
        memcpy(buf, low, n - sl);
        memcpy(buf + n - sl, rules[r][1], al + 1);
        if (kg_strmap_get(lx->verbs, buf, NULL))
            return buf;
    }
    return NULL;
}

int kg_lexicon_given_name_gender(const kg_lexicon *lx, const char *word)
{
    size_t v = 0;
    if (!kg_strmap_get(lx->name_genders, word, &v) || v == 3)
        return 0;
    return (int)v;
}
