/* test_lexicon.c - the word lists as entity finding sees them: countries by
 * every name, demonyms, titles, organizations, places, given names, common
 * words, and load errors that name the file and line. */
#include "fixtures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon.h"
#include "lexicon_internal.h"

#ifndef KG_DATADIR
#error "compile with -DKG_DATADIR='\"/path/to/data\"'"
#endif

static const char *const data_files[] = {
    "country-names.txt",
    "country-aliases.txt",
    "demonyms.txt",
    "titles.txt",
    "org-cues.txt",
    "organizations.txt",
    "given-names.txt",
    "professions.txt",
    "function-words.txt",
    "not-locations.txt",
    "locations.txt",
    "speech-verbs.txt",
    "cognition-verbs.txt",
    "negating-verbs.txt",
    "modal-verbs.txt",
    "modal-auxiliaries.txt",
    "negators.txt",
    "relation-nouns.txt",
    "light-verbs.txt",
    "attribution-prepositions.txt",
    "legal-forms.txt",
    "team-words.txt",
    "national-nouns.txt",
    "not-organizations.txt",
    "no-relation-prepositions.txt",
    "hearsay-nouns.txt",
    "event-words.txt",
    "clause-openers.txt",
    "vessel-prefixes.txt",
    "org-nouns.txt",
    "place-prepositions.txt",
    "future-time-words.txt",
    "role-qualifiers.txt",
    "numbered-names.txt",
    "attributive-suffixes.txt",
    "prepositions.txt",
    "participle-prepositions.txt",
    "content-verbs.txt",
    "complement-verbs.txt",
    "subordinators.txt",
    "shared-team-words.txt",
    "nationality-roles.txt",
};
#define N_DATA_FILES (sizeof data_files / sizeof *data_files)

#define assert_contains(haystack, needle)                                                          \
    do {                                                                                           \
        if (!strstr((haystack), (needle)))                                                         \
            fail_msg("expected \"%s\" in \"%s\"", (needle), (haystack));                           \
    } while (0)

static int load_real(void **state)
{
    kg_lexicon *lx = NULL;
    kg_error err = {0};
    if (kg_lexicon_load(KG_DATADIR, NULL, &lx, &err)) {
        fprintf(stderr, "lexicon: %s\n", err.message);
        return -1;
    }
    *state = lx;
    return 0;
}

static int free_real(void **state)
{
    kg_lexicon_free(*state);
    return 0;
}

static void assert_country(const kg_lexicon *lx, const char *name, const char *alpha2,
                           const char *kg_name)
{
    const kg_country *c = kg_lexicon_country(lx, name);
    if (!c) {
        fail_msg("no country named \"%s\"", name);
        return;
    }
    assert_string_equal(c->alpha2, alpha2);
    assert_string_equal(c->name, kg_name);
}

/* ---------------------------------------------------------------- countries */

static void test_country_found_by_iso_name(void **state)
{
    const kg_country *c = kg_lexicon_country(*state, "Israel");
    assert_non_null(c);
    assert_string_equal(c->alpha2, "IL");
    assert_string_equal(c->alpha3, "ISR");
    assert_string_equal(c->name, "Israel");
}

static void test_country_russian_federation_is_named_russia(void **state)
{
    assert_country(*state, "Russian Federation", "RU", "Russia");
    assert_country(*state, "Russia", "RU", "Russia");
}

static void test_country_found_by_short_forms(void **state)
{
    assert_country(*state, "U.S.", "US", "United States");
    assert_country(*state, "US", "US", "United States");
    assert_country(*state, "USA", "US", "United States");
    assert_country(*state, "America", "US", "United States");
    assert_country(*state, "United States of America", "US", "United States");
    assert_country(*state, "Britain", "GB", "United Kingdom");
    assert_country(*state, "U.K.", "GB", "United Kingdom");
    assert_country(*state, "UAE", "AE", "United Arab Emirates");
    assert_country(*state, "Burma", "MM", "Myanmar");
}

static void test_country_iso_name_with_comma_maps_to_news_name(void **state)
{
    assert_country(*state, "Palestine, State of", "PS", "Palestine");
    assert_country(*state, "State of Palestine", "PS", "Palestine");
    assert_country(*state, "Palestine", "PS", "Palestine");
    assert_country(*state, "Korea, Republic of", "KR", "South Korea");
    assert_country(*state, "Congo, The Democratic Republic of the", "CD",
                   "Democratic Republic of the Congo");
    assert_country(*state, "Holy See (Vatican City State)", "VA", "Vatican City");
}

static void test_country_turkiye_is_turkey(void **state)
{
    assert_country(*state, "Türkiye", "TR", "Turkey");
    assert_country(*state, "Turkiye", "TR", "Turkey");
    assert_country(*state, "Turkey", "TR", "Turkey");
}

static void test_country_found_by_official_and_common_name(void **state)
{
    assert_country(*state, "Federal Republic of Germany", "DE", "Germany");
    assert_country(*state, "Islamic Republic of Iran", "IR", "Iran");
    assert_country(*state, "Iran, Islamic Republic of", "IR", "Iran");
    assert_country(*state, "Syria", "SY", "Syria");
    assert_country(*state, "Syrian Arab Republic", "SY", "Syria");
    assert_country(*state, "Viet Nam", "VN", "Vietnam");
    assert_country(*state, "Cote d'Ivoire", "CI", "Ivory Coast");
    assert_country(*state, "Côte d'Ivoire", "CI", "Ivory Coast");
}

static void test_country_lookup_is_exact(void **state)
{
    assert_null(kg_lexicon_country(*state, "israel"));
    assert_null(kg_lexicon_country(*state, "Israeli"));
    /* codes are not names: "IN", "IT", "NO" are English words */
    assert_null(kg_lexicon_country(*state, "IL"));
    assert_null(kg_lexicon_country(*state, "IN"));
    /* not ISO countries: these are places */
    assert_null(kg_lexicon_country(*state, "England"));
    assert_null(kg_lexicon_country(*state, "Gaza"));
}

static void test_country_found_by_code(void **state)
{
    const kg_country *c = kg_lexicon_country_code(*state, "GBR");
    assert_non_null(c);
    assert_string_equal(c->alpha2, "GB");
    assert_ptr_equal(kg_lexicon_country_code(*state, "GB"), c);
    assert_ptr_equal(kg_lexicon_country(*state, "United Kingdom"), c);
    assert_null(kg_lexicon_country_code(*state, "XX"));
    assert_null(kg_lexicon_country_code(*state, "gb"));
}

/* ---------------------------------------------------------------- demonyms */

static void test_demonym_adjective_is_not_plural(void **state)
{
    bool plural = true;
    const kg_country *c = kg_lexicon_demonym(*state, "Israeli", &plural);
    assert_non_null(c);
    assert_string_equal(c->alpha2, "IL");
    assert_false(plural);
}

static void test_demonym_plural_names_people(void **state)
{
    bool plural = false;
    const kg_country *c = kg_lexicon_demonym(*state, "Palestinians", &plural);
    assert_non_null(c);
    assert_string_equal(c->alpha2, "PS");
    assert_string_equal(c->name, "Palestine");
    assert_true(plural);
}

static void test_demonym_covers_gulf_and_britain(void **state)
{
    bool plural = true;
    assert_string_equal(kg_lexicon_demonym(*state, "Emirati", &plural)->alpha2, "AE");
    assert_false(plural);
    assert_string_equal(kg_lexicon_demonym(*state, "Emiratis", &plural)->alpha2, "AE");
    assert_true(plural);
    assert_string_equal(kg_lexicon_demonym(*state, "British", &plural)->alpha2, "GB");
    assert_false(plural);
    /* one person is not plural */
    assert_string_equal(kg_lexicon_demonym(*state, "Briton", &plural)->alpha2, "GB");
    assert_false(plural);
    assert_string_equal(kg_lexicon_demonym(*state, "Britons", &plural)->alpha2, "GB");
    assert_true(plural);
    assert_string_equal(kg_lexicon_demonym(*state, "Saudi", NULL)->alpha2, "SA");
    assert_string_equal(kg_lexicon_demonym(*state, "Filipino", NULL)->alpha2, "PH");
    assert_string_equal(kg_lexicon_demonym(*state, "Dutch", NULL)->alpha2, "NL");
}

static void test_demonym_unknown_word(void **state)
{
    assert_null(kg_lexicon_demonym(*state, "Martian", NULL));
    assert_null(kg_lexicon_demonym(*state, "israeli", NULL));
    assert_null(kg_lexicon_demonym(*state, "Israel", NULL));
}

/* ---------------------------------------------------------------- titles */

static void test_title_len_multiword_secretary_of_state(void **state)
{
    const char *w[] = {"Secretary", "of", "State", "Antony", "Blinken"};
    assert_int_equal(kg_lexicon_title_len(*state, w, 5), 3);
}

static void test_title_len_prime_minister(void **state)
{
    const char *w[] = {"Prime", "Minister", "Benjamin", "Netanyahu"};
    assert_int_equal(kg_lexicon_title_len(*state, w, 4), 2);
}

static void test_title_len_prefers_longest_title(void **state)
{
    const char *deputy[] = {"Deputy", "Prime", "Minister", "Yariv"};
    assert_int_equal(kg_lexicon_title_len(*state, deputy, 4), 3);
    const char *secretary[] = {"Secretary", "Blinken"};
    assert_int_equal(kg_lexicon_title_len(*state, secretary, 2), 1);
    /* only the words given count: "Secretary of" is no title, "Secretary" is */
    const char *cut[] = {"Secretary", "of", "State"};
    assert_int_equal(kg_lexicon_title_len(*state, cut, 2), 1);
}

static void test_title_len_honorific_mr(void **state)
{
    const char *w[] = {"Mr.", "Smith"};
    assert_int_equal(kg_lexicon_title_len(*state, w, 2), 1);
    const char *bare[] = {"Mr", "Smith"};
    assert_int_equal(kg_lexicon_title_len(*state, bare, 2), 1);
    assert_true(kg_lexicon_is_honorific(*state, "Mr."));
    assert_true(kg_lexicon_is_honorific(*state, "Mrs."));
    assert_true(kg_lexicon_is_honorific(*state, "Ms."));
    assert_true(kg_lexicon_is_honorific(*state, "Dr."));
    assert_false(kg_lexicon_is_honorific(*state, "President"));
    assert_false(kg_lexicon_is_honorific(*state, "Smith"));
}

static void test_title_len_no_title(void **state)
{
    const char *name[] = {"Antony", "Blinken"};
    assert_int_equal(kg_lexicon_title_len(*state, name, 2), 0);
    const char *lower[] = {"prime", "minister", "Netanyahu"};
    assert_int_equal(kg_lexicon_title_len(*state, lower, 3), 0);
    assert_int_equal(kg_lexicon_title_len(*state, name, 0), 0);
}

/* ---------------------------------------------------------------- organizations */

static void test_org_cue_words(void **state)
{
    assert_true(kg_lexicon_is_org_cue(*state, "Ministry"));
    assert_true(kg_lexicon_is_org_cue(*state, "Department"));
    assert_true(kg_lexicon_is_org_cue(*state, "administration"));
    assert_true(kg_lexicon_is_org_cue(*state, "Corp."));
    assert_true(kg_lexicon_is_org_cue(*state, "University"));
    assert_false(kg_lexicon_is_org_cue(*state, "Blinken"));
    assert_false(kg_lexicon_is_org_cue(*state, "department"));
}

static void test_organization_acronym_gives_full_name(void **state)
{
    assert_string_equal(kg_lexicon_organization(*state, "UN"), "United Nations");
    assert_string_equal(kg_lexicon_organization(*state, "U.N."), "United Nations");
    assert_string_equal(kg_lexicon_organization(*state, "United Nations"), "United Nations");
    assert_string_equal(kg_lexicon_organization(*state, "WHO"), "World Health Organization");
    assert_string_equal(kg_lexicon_organization(*state, "IMF"), "International Monetary Fund");
    assert_string_equal(kg_lexicon_organization(*state, "ISIS"), "Islamic State");
    assert_string_equal(kg_lexicon_organization(*state, "EU"), "European Union");
}

static void test_organization_without_cue_word(void **state)
{
    assert_string_equal(kg_lexicon_organization(*state, "NATO"), "NATO");
    assert_string_equal(kg_lexicon_organization(*state, "Hamas"), "Hamas");
    assert_string_equal(kg_lexicon_organization(*state, "Hezbollah"), "Hezbollah");
    assert_string_equal(kg_lexicon_organization(*state, "Reuters"), "Reuters");
    assert_null(kg_lexicon_organization(*state, "Acme Widgets"));
    assert_null(kg_lexicon_organization(*state, "who"));
}

/* ---------------------------------------------------------------- people, places, words */

static void test_given_names_from_census_and_data(void **state)
{
    assert_true(kg_lexicon_is_given_name(*state, "Benjamin")); /* census, male */
    assert_true(kg_lexicon_is_given_name(*state, "Hillary"));  /* census, female */
    assert_true(kg_lexicon_is_given_name(*state, "Antony"));   /* data/given-names.txt */
    assert_true(kg_lexicon_is_given_name(*state, "Khaled"));
    assert_true(kg_lexicon_is_given_name(*state, "Volodymyr"));
    assert_false(kg_lexicon_is_given_name(*state, "Netanyahu"));
    assert_false(kg_lexicon_is_given_name(*state, "benjamin"));
}

/* The census lists "In" and "So" as names: a sentence's first word is not one. */
static void test_given_names_leave_out_function_words(void **state)
{
    assert_false(kg_lexicon_is_given_name(*state, "In"));
    assert_false(kg_lexicon_is_given_name(*state, "So"));
    assert_false(kg_lexicon_is_given_name(*state, "My"));
    assert_true(kg_lexicon_is_common_word(*state, "In"));
}

static void test_locations_and_their_countries(void **state)
{
    assert_true(kg_lexicon_is_location(*state, "Gaza"));
    assert_true(kg_lexicon_is_location(*state, "West Bank"));
    assert_true(kg_lexicon_is_location(*state, "Middle East"));
    assert_string_equal(kg_lexicon_location_country(*state, "Gaza")->alpha2, "PS");
    assert_string_equal(kg_lexicon_location_country(*state, "West Bank")->alpha2, "PS");
    assert_string_equal(kg_lexicon_location_country(*state, "London")->alpha2, "GB");
    assert_string_equal(kg_lexicon_location_country(*state, "Scotland")->alpha2, "GB");
    /* places with no single country */
    assert_true(kg_lexicon_is_location(*state, "Jerusalem"));
    assert_null(kg_lexicon_location_country(*state, "Jerusalem"));
    assert_null(kg_lexicon_location_country(*state, "Middle East"));
    assert_null(kg_lexicon_location_country(*state, "Atlantis"));
    assert_false(kg_lexicon_is_location(*state, "Atlantis"));
}

static void test_locations_from_wordnet_without_junk(void **state)
{
    /* noun.location instances, not in data/locations.txt */
    assert_true(kg_lexicon_is_location(*state, "Yugoslavia"));
    assert_true(kg_lexicon_is_location(*state, "Grozny"));
    assert_true(kg_lexicon_is_location(*state, "Atlantic City"));
    assert_null(kg_lexicon_location_country(*state, "Grozny"));
    assert_true(kg_lexicon_is_location(*state, "Utah"));
    assert_string_equal(kg_lexicon_location_country(*state, "Utah")->alpha2, "US");
    /* classes are no places; state abbreviations are not loaded */
    assert_false(kg_lexicon_is_location(*state, "city"));
    assert_false(kg_lexicon_is_location(*state, "AK"));
    /* also a person's name, a word, or a given name */
    assert_false(kg_lexicon_is_location(*state, "Clinton"));
    assert_false(kg_lexicon_is_location(*state, "Reading"));
    assert_false(kg_lexicon_is_location(*state, "Nancy"));
}

static void test_verb_lemmas_from_wordnet(void **state)
{
    const kg_lexicon *lx = *state;
    char buf[64];
    assert_string_equal(kg_lexicon_verb_lemma(lx, "tied", buf, sizeof buf), "tie");
    assert_string_equal(kg_lexicon_verb_lemma(lx, "Biased", buf, sizeof buf), "bias");
    assert_string_equal(kg_lexicon_verb_lemma(lx, "carries", buf, sizeof buf), "carry");
    assert_string_equal(kg_lexicon_verb_lemma(lx, "abode", buf, sizeof buf), "abide");
    assert_string_equal(kg_lexicon_verb_lemma(lx, "met", buf, sizeof buf), "meet");
    assert_null(kg_lexicon_verb_lemma(lx, "ty", buf, sizeof buf));
    assert_true(kg_lexicon_is_verb(lx, "tie"));
    assert_false(kg_lexicon_is_verb(lx, "ty"));
}

static void test_relation_word_lists(void **state)
{
    const kg_lexicon *lx = *state;
    assert_true(kg_lexicon_in(lx, KG_WL_SPEECH_VERBS, "say"));
    assert_true(kg_lexicon_in(lx, KG_WL_SPEECH_VERBS, "Say")); /* compared in lower case */
    assert_false(kg_lexicon_in(lx, KG_WL_SPEECH_VERBS, "eat"));
    assert_true(kg_lexicon_in(lx, KG_WL_NEGATING_VERBS, "refuse"));
    assert_true(kg_lexicon_in(lx, KG_WL_MODAL_AUX, "might"));
    assert_true(kg_lexicon_in(lx, KG_WL_MODAL_AUX, "will")); /* not yet happened */
    assert_false(kg_lexicon_in(lx, KG_WL_MODAL_AUX, "did"));
    assert_true(kg_lexicon_in(lx, KG_WL_NEGATORS, "n't"));
    assert_true(kg_lexicon_in(lx, KG_WL_RELATION_NOUNS, "visit"));
    assert_true(kg_lexicon_in(lx, KG_WL_ATTRIBUTION_PREPS, "according"));
    assert_false(kg_lexicon_in(lx, KG_WL_COUNT, "say"));
}

static void test_professions_lower_case(void **state)
{
    assert_true(kg_lexicon_is_profession(*state, "spokesperson")); /* WordNet noun.person */
    assert_true(kg_lexicon_is_profession(*state, "cardiologist"));
    assert_true(kg_lexicon_is_profession(*state, "minister")); /* data/professions.txt */
    assert_true(kg_lexicon_is_profession(*state, "diplomat"));
    assert_true(kg_lexicon_is_profession(*state, "fellow"));
    assert_false(kg_lexicon_is_profession(*state, "Spokesperson"));
    assert_false(kg_lexicon_is_profession(*state, "table"));
    assert_false(kg_lexicon_is_profession(*state, "lincoln")); /* a person, not a class */
}

static void test_common_words_ignore_case(void **state)
{
    assert_true(kg_lexicon_is_common_word(*state, "However"));
    assert_true(kg_lexicon_is_common_word(*state, "The"));
    assert_true(kg_lexicon_is_common_word(*state, "During"));
    assert_true(kg_lexicon_is_common_word(*state, "Unfortunately"));
    assert_true(kg_lexicon_is_common_word(*state, "THE"));
    assert_true(kg_lexicon_is_common_word(*state, "Year"));      /* WordNet */
    assert_true(kg_lexicon_is_common_word(*state, "Abandoned")); /* wamerican */
    /* a WordNet lemma SemCor never tagged, and a surname */
    assert_false(kg_lexicon_is_common_word(*state, "Croft"));
    assert_false(kg_lexicon_is_common_word(*state, "Netanyahu"));
    assert_false(kg_lexicon_is_common_word(*state, "Blinken"));
    assert_false(kg_lexicon_is_common_word(*state, ""));
}

/* ---------------------------------------------------------------- load errors */

/* A private copy of the data directory that a test may spoil. */
typedef struct scratch {
    char dir[64];
} scratch;

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    assert_non_null(in);
    FILE *out = fopen(to, "wb");
    assert_non_null(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

static void scratch_make(scratch *s)
{
    strcpy(s->dir, "/tmp/kg-test-lexicon-XXXXXX");
    assert_non_null(mkdtemp(s->dir));
    for (size_t i = 0; i < N_DATA_FILES; i++) {
        char from[4096], to[4096];
        snprintf(from, sizeof from, "%s/%s", KG_DATADIR, data_files[i]);
        snprintf(to, sizeof to, "%s/%s", s->dir, data_files[i]);
        copy_file(from, to);
    }
}

/* Appends line to NAME in the copy and returns the line number it got. */
static size_t scratch_append(scratch *s, const char *name, const char *line)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", s->dir, name);
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    size_t lines = 0;
    int c, last = '\n';
    while ((c = fgetc(f)) != EOF) {
        lines += c == '\n';
        last = c;
    }
    if (last != '\n') {
        fputc('\n', f);
        lines++;
    }
    fprintf(f, "%s\n", line);
    assert_int_equal(fclose(f), 0);
    return lines + 1;
}

static void scratch_remove(scratch *s)
{
    for (size_t i = 0; i < N_DATA_FILES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", s->dir, data_files[i]);
        unlink(path);
    }
    rmdir(s->dir);
}

/* Loads the spoiled copy and checks the error names FILE:LINE and says what. */
static void assert_load_fails(scratch *s, const char *name, size_t line, const char *what)
{
    kg_lexicon *lx = (kg_lexicon *)1;
    kg_error err = {0};
    kg_status st = kg_lexicon_load(s->dir, NULL, &lx, &err);
    scratch_remove(s);
    assert_int_equal(st, KG_ERR_INPUT);
    assert_int_equal(err.status, KG_ERR_INPUT);
    assert_null(lx);
    char where[4200];
    snprintf(where, sizeof where, "%s/%s:%zu: ", s->dir, name, line);
    assert_contains(err.message, where);
    assert_contains(err.message, what);
}

static void test_load_copy_of_data_succeeds(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    kg_lexicon *lx = NULL;
    kg_error err = {0};
    kg_status st = kg_lexicon_load(s.dir, NULL, &lx, &err);
    scratch_remove(&s);
    if (st)
        fail_msg("%s", err.message);
    assert_non_null(kg_lexicon_country(lx, "Israel"));
    kg_lexicon_free(lx);
}

static void test_load_rejects_unknown_country_code(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "demonyms.txt", "Martian\tXX\tadj");
    assert_load_fails(&s, "demonyms.txt", line, "unknown country code XX");
}

static void test_load_rejects_unknown_code_in_locations(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "locations.txt", "Gotham\tZZ");
    assert_load_fails(&s, "locations.txt", line, "unknown country code ZZ");
}

static void test_load_rejects_capital_in_word_list(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "speech-verbs.txt", "Say");
    assert_load_fails(&s, "speech-verbs.txt", line, "entries are lower case");
}

static void test_load_rejects_missing_column(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "demonyms.txt", "Martian\tUS");
    assert_load_fails(&s, "demonyms.txt", line, "expected 3 TAB-separated columns, found 2");
}

static void test_load_rejects_bad_demonym_kind(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "demonyms.txt", "Martian\tUS\tadjective");
    assert_load_fails(&s, "demonyms.txt", line, "kind must be adj, plural or person");
}

static void test_load_rejects_name_given_two_countries(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "country-aliases.txt", "Britain\tUS");
    assert_load_fails(&s, "country-aliases.txt", line, "\"Britain\" already names GB");
}

static void test_load_rejects_acronym_given_two_organizations(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    size_t line = scratch_append(&s, "organizations.txt", "Unified Nonsense\tUN");
    assert_load_fails(&s, "organizations.txt", line, "\"UN\" already names United Nations");
}

static void test_load_missing_data_dir_names_file(void **state)
{
    (void)state;
    kg_lexicon *lx = NULL;
    kg_error err = {0};
    kg_status st = kg_lexicon_load("/nonexistent/kg-data", NULL, &lx, &err);
    assert_int_equal(st, KG_ERR_IO);
    assert_null(lx);
    assert_contains(err.message, "/nonexistent/kg-data/country-names.txt: cannot open");
}

static void test_load_missing_iso_file_suggests_package(void **state)
{
    (void)state;
    kg_lexicon *lx = NULL;
    kg_error err = {0};
    kg_status st = kg_lexicon_load(KG_DATADIR, "/nonexistent/iso_3166-1.json", &lx, &err);
    assert_int_equal(st, KG_ERR_IO);
    assert_null(lx);
    assert_contains(err.message, "/nonexistent/iso_3166-1.json: cannot open");
    assert_contains(err.message, "apt-get install iso-codes");
}

/* Loads with one system source moved and checks the error. */
static void assert_paths_fail(const kg_lexicon_paths *paths, kg_status want, const char *what,
                              const char *hint)
{
    kg_lexicon *lx = (kg_lexicon *)1;
    kg_error err = {0};
    kg_status st = kg_lexicon_load_from(paths, &lx, &err);
    assert_int_equal(st, want);
    assert_null(lx);
    assert_contains(err.message, what);
    if (hint)
        assert_contains(err.message, hint);
}

static void test_load_missing_wordnet_suggests_package(void **state)
{
    (void)state;
    kg_lexicon_paths p = {.wordnet_dir = "/nonexistent/wordnet"};
    assert_paths_fail(&p, KG_ERR_IO, "/nonexistent/wordnet/cntlist.rev: cannot open",
                      "apt-get install wordnet-base");
}

static void test_load_missing_given_names_suggests_package(void **state)
{
    (void)state;
    kg_lexicon_paths p = {.given_names_dir = "/nonexistent/names"};
    assert_paths_fail(&p, KG_ERR_IO, "/nonexistent/names/first_names_male: cannot open",
                      "apt-get install ruby-ffaker");
}

static void test_load_missing_word_list_suggests_package(void **state)
{
    (void)state;
    kg_lexicon_paths p = {.words_file = "/nonexistent/american-english"};
    assert_paths_fail(&p, KG_ERR_IO, "/nonexistent/american-english: cannot open",
                      "apt-get install wamerican");
}

/* A scratch directory holding copies of system files a test may spoil. */
static void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void remove_files(const char *dir, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void test_load_bad_wordnet_line_names_file_and_line(void **state)
{
    (void)state;
    char dir[] = "/tmp/kg-test-wordnet-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const names[] = {"cntlist.rev", "data.noun", "data.verb", "data.adj",
                                        "data.adv"};
    write_file(dir, "cntlist.rev", "year%1:28:01:: 1 250\n");
    write_file(dir, "data.noun",
               "  1 This software and database is being provided\n"
               "00001740 03 n 01 entity 0 000 | that which exists\n"
               "garbage\n");
    for (size_t i = 2; i < 5; i++)
        write_file(dir, names[i], "00001740 03 n 01 entity 0 000 | x\n");
    kg_lexicon_paths p = {.wordnet_dir = dir};
    char where[128];
    snprintf(where, sizeof where, "%s/data.noun:3: not a WordNet synset line", dir);
    assert_paths_fail(&p, KG_ERR_INPUT, where, NULL);
    remove_files(dir, names, 5);
}

static void test_load_bad_given_name_line_names_file_and_line(void **state)
{
    (void)state;
    char dir[] = "/tmp/kg-test-names-XXXXXX";
    assert_non_null(mkdtemp(dir));
    static const char *const names[] = {"first_names_male", "first_names_female"};
    write_file(dir, "first_names_male", "Aaron\n\nAbdul Aziz\n");
    write_file(dir, "first_names_female", "Ada\n");
    kg_lexicon_paths p = {.given_names_dir = dir};
    char where[128];
    snprintf(where, sizeof where, "%s/first_names_male:3: 'Abdul Aziz' is not one word", dir);
    assert_paths_fail(&p, KG_ERR_INPUT, where, NULL);
    remove_files(dir, names, 2);
}

/* ---------------------------------------------------------------- the cache */

/* Answers of every kind of lookup, as one string, to compare two lexicons. */
static void answers(const kg_lexicon *lx, char *out, size_t size)
{
    static const char *const words[] = {
        "Israel", "US",     "Britain", "Palestinians", "Emirati", "NATO",         "UN",
        "Antony", "Leslie", "London",  "Gaza",         "Ohio",    "spokesperson", "year",
        "tie",    "abode",  "said",    "Prime",        "Mr.",     "Kent",         "zzqx"};
    size_t n = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        const char *w = words[i];
        bool plural = false;
        const kg_country *c = kg_lexicon_country(lx, w), *d = kg_lexicon_demonym(lx, w, &plural);
        const kg_country *at = kg_lexicon_location_country(lx, w);
        const char *org = kg_lexicon_organization(lx, w);
        char buf[64];
        const char *lemma = kg_lexicon_verb_lemma(lx, w, buf, sizeof buf);
        const char *two[] = {w, "Minister"};
        n += (size_t)snprintf(out + n, size - n, "%s:%s/%s/%d/%s/%s/%d%d%d%d%d/%d/%zu/%s;", w,
                              c ? c->name : "-", d ? d->alpha3 : "-", plural, at ? at->alpha2 : "-",
                              org ? org : "-", kg_lexicon_is_given_name(lx, w),
                              kg_lexicon_is_location(lx, w), kg_lexicon_is_profession(lx, w),
                              kg_lexicon_is_common_word(lx, w), kg_lexicon_is_verb(lx, w),
                              kg_lexicon_given_name_gender(lx, w), kg_lexicon_title_len(lx, two, 2),
                              lemma ? lemma : "-");
        assert_true(n < size);
    }
}

static size_t count_cache_files(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s 2>/dev/null | grep -c '^lexicon-.*\\.kgl$'", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = 0;
    assert_int_equal(fscanf(p, "%zu", &n), 1);
    pclose(p);
    return n;
}

/* The one cache file in dir. */
static void cache_file(const char *dir, char *path, size_t size)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s/lexicon-*.kgl", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    assert_non_null(fgets(path, (int)size, p));
    path[strcspn(path, "\n")] = '\0';
    pclose(p);
}

static kg_lexicon *load_cached(const char *data, const char *cache)
{
    kg_lexicon_paths paths = {.data_dir = data, .cache_dir = cache};
    kg_lexicon *lx = NULL;
    kg_error err = {0};
    if (kg_lexicon_load_from(&paths, &lx, &err) != KG_OK)
        fail_msg("%s", err.message);
    return lx;
}

static void test_cache_gives_the_same_answers_and_follows_its_sources(void **state)
{
    (void)state;
    scratch s;
    scratch_make(&s);
    char cache[] = "/tmp/kg-test-cache-XXXXXX";
    assert_non_null(mkdtemp(cache));
    static char fresh[8192], built[8192], mapped[8192];
    kg_lexicon *lx = load_cached(s.dir, "");
    answers(lx, fresh, sizeof fresh);
    kg_lexicon_free(lx);
    assert_int_equal(count_cache_files(cache), 0);

    lx = load_cached(s.dir, cache); /* builds and writes the cache */
    answers(lx, built, sizeof built);
    kg_lexicon_free(lx);
    assert_int_equal(count_cache_files(cache), 1);
    lx = load_cached(s.dir, cache); /* maps it */
    answers(lx, mapped, sizeof mapped);
    kg_lexicon_free(lx);
    assert_string_equal(built, fresh);
    assert_string_equal(mapped, fresh);

    /* an edited source is another lexicon: the new entry is found */
    scratch_append(&s, "organizations.txt", "Zzqx Foundation\tzzqx");
    lx = load_cached(s.dir, cache);
    assert_string_equal(kg_lexicon_organization(lx, "zzqx"), "Zzqx Foundation");
    kg_lexicon_free(lx);
    lx = load_cached(s.dir, cache);
    assert_string_equal(kg_lexicon_organization(lx, "zzqx"), "Zzqx Foundation");
    kg_lexicon_free(lx);
    assert_int_equal(count_cache_files(cache), 2);
    scratch_remove(&s);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache);
    assert_int_equal(system(cmd), 0);
}

/* A cache file is input like any other: cut short, changed at any byte or
 * replaced by a FIFO, it is passed over (or gives wrong answers for the
 * changed entry), never a crash, a hang or a load error. */
static void test_cache_survives_damage(void **state)
{
    (void)state;
    char cache[] = "/tmp/kg-test-cache-XXXXXX";
    assert_non_null(mkdtemp(cache));
    kg_lexicon *lx = load_cached(KG_DATADIR, cache);
    static char want[8192], got[8192];
    answers(lx, want, sizeof want);
    kg_lexicon_free(lx);
    char path[4096];
    cache_file(cache, path, sizeof path);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *image = malloc((size_t)len);
    assert_non_null(image);
    assert_int_equal(fread(image, 1, (size_t)len, f), (size_t)len);
    fclose(f);
    /* every byte of the head and tables, and bytes all through the maps,
     * each flipped: the cache is opened (or refused) without rebuilding */
    kg_lexicon_paths paths = {.data_dir = KG_DATADIR,
                              .iso_json = "/usr/share/iso-codes/json/iso_3166-1.json"};
    char *stamp = NULL;
    size_t stamp_len = 0;
    assert_true(kg_lexicon_sources_stamp(&paths, &stamp, &stamp_len));
    lx = kg_lexicon_cache_open(cache, stamp);
    assert_non_null(lx); /* the stamp the load used */
    kg_lexicon_free(lx);
    size_t opened = 0, refused = 0;
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    for (long at = 0; at < len; at += at < 4096 ? 5 : len / 1000) {
        char flipped = (char)(image[at] ^ 0x5a);
        assert_int_equal(pwrite(fd, &flipped, 1, at), 1);
        lx = kg_lexicon_cache_open(cache, stamp);
        if (lx) {
            answers(lx, got, sizeof got); /* may differ; must not crash */
            opened++;
        } else
            refused++;
        kg_lexicon_free(lx);
        assert_int_equal(pwrite(fd, &image[at], 1, at), 1);
    }
    close(fd);
    free(stamp);
    assert_true(opened > 0 && refused > 0);
    /* cut short: refused and rebuilt by a load, with the right answers */
    f = fopen(path, "wb");
    fwrite(image, 1, (size_t)len / 2, f);
    fclose(f);
    lx = load_cached(KG_DATADIR, cache);
    answers(lx, got, sizeof got);
    kg_lexicon_free(lx);
    assert_string_equal(got, want);
    /* a FIFO under the name must not block the load */
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    lx = load_cached(KG_DATADIR, cache);
    answers(lx, got, sizeof got);
    kg_lexicon_free(lx);
    assert_string_equal(got, want);
    free(image);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", cache);
    assert_int_equal(system(cmd), 0);
}

static void test_cache_dir_from_environment(void **state)
{
    (void)state;
    char buf[4096];
    setenv("KG_CACHE_DIR", "/tmp/kg-x", 1);
    assert_true(kg_lexicon_cache_dir(buf, sizeof buf));
    assert_string_equal(buf, "/tmp/kg-x");
    setenv("KG_CACHE_DIR", "off", 1);
    assert_false(kg_lexicon_cache_dir(buf, sizeof buf));
    unsetenv("KG_CACHE_DIR");
    setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
    assert_true(kg_lexicon_cache_dir(buf, sizeof buf));
    assert_string_equal(buf, "/tmp/xdg/kg");
    unsetenv("XDG_CACHE_HOME");
    setenv("HOME", "/tmp/home", 1);
    assert_true(kg_lexicon_cache_dir(buf, sizeof buf));
    assert_string_equal(buf, "/tmp/home/.cache/kg");
    unsetenv("HOME");
    assert_false(kg_lexicon_cache_dir(buf, sizeof buf));
}

int main(void)
{
    const struct CMUnitTest with_lexicon[] = {
        cmocka_unit_test(test_country_found_by_iso_name),
        cmocka_unit_test(test_relation_word_lists),
        cmocka_unit_test(test_verb_lemmas_from_wordnet),
        cmocka_unit_test(test_country_russian_federation_is_named_russia),
        cmocka_unit_test(test_country_found_by_short_forms),
        cmocka_unit_test(test_country_iso_name_with_comma_maps_to_news_name),
        cmocka_unit_test(test_country_turkiye_is_turkey),
        cmocka_unit_test(test_country_found_by_official_and_common_name),
        cmocka_unit_test(test_country_lookup_is_exact),
        cmocka_unit_test(test_country_found_by_code),
        cmocka_unit_test(test_demonym_adjective_is_not_plural),
        cmocka_unit_test(test_demonym_plural_names_people),
        cmocka_unit_test(test_demonym_covers_gulf_and_britain),
        cmocka_unit_test(test_demonym_unknown_word),
        cmocka_unit_test(test_title_len_multiword_secretary_of_state),
        cmocka_unit_test(test_title_len_prime_minister),
        cmocka_unit_test(test_title_len_prefers_longest_title),
        cmocka_unit_test(test_title_len_honorific_mr),
        cmocka_unit_test(test_title_len_no_title),
        cmocka_unit_test(test_org_cue_words),
        cmocka_unit_test(test_organization_acronym_gives_full_name),
        cmocka_unit_test(test_organization_without_cue_word),
        cmocka_unit_test(test_given_names_from_census_and_data),
        cmocka_unit_test(test_given_names_leave_out_function_words),
        cmocka_unit_test(test_locations_and_their_countries),
        cmocka_unit_test(test_locations_from_wordnet_without_junk),
        cmocka_unit_test(test_professions_lower_case),
        cmocka_unit_test(test_common_words_ignore_case),
    };
    const struct CMUnitTest loading[] = {
        cmocka_unit_test(test_load_copy_of_data_succeeds),
        cmocka_unit_test(test_load_rejects_unknown_country_code),
        cmocka_unit_test(test_load_rejects_unknown_code_in_locations),
        cmocka_unit_test(test_load_rejects_capital_in_word_list),
        cmocka_unit_test(test_load_rejects_missing_column),
        cmocka_unit_test(test_load_rejects_bad_demonym_kind),
        cmocka_unit_test(test_load_rejects_name_given_two_countries),
        cmocka_unit_test(test_load_rejects_acronym_given_two_organizations),
        cmocka_unit_test(test_load_missing_data_dir_names_file),
        cmocka_unit_test(test_load_missing_iso_file_suggests_package),
        cmocka_unit_test(test_load_missing_wordnet_suggests_package),
        cmocka_unit_test(test_load_missing_given_names_suggests_package),
        cmocka_unit_test(test_load_missing_word_list_suggests_package),
        cmocka_unit_test(test_load_bad_wordnet_line_names_file_and_line),
        cmocka_unit_test(test_load_bad_given_name_line_names_file_and_line),
        cmocka_unit_test(test_cache_gives_the_same_answers_and_follows_its_sources),
        cmocka_unit_test(test_cache_survives_damage),
        cmocka_unit_test(test_cache_dir_from_environment),
    };
    int failed = cmocka_run_group_tests_name("lexicon", with_lexicon, load_real, free_real);
    failed += cmocka_run_group_tests_name("lexicon loading", loading, NULL, NULL);
    return failed;
}
