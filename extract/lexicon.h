/* lexicon.h - the word lists entity finding needs, loaded once, read-only after.
 *
 * Sources, all Debian packages read where they install: iso-codes'
 * iso_3166-1.json (country names, common and official names, alpha-2/alpha-3
 * codes); WordNet 3.0 from wordnet-base (person nouns for professions, place
 * names, common words: see wordnet_words.h); the US Census given names that
 * ruby-ffaker ships; wamerican's word list (inflected common words); and the
 * project's own files under data/ (titles, demonyms, organization cue words
 * and names, country short forms, location names and their countries,
 * function words, supplements to the lists).
 * Lookups are case-sensitive on the given string unless stated; all return
 * NULL/false when absent.  Thread-safe for concurrent lookups.
 */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include <stdbool.h>

#include "kg/extract.h"

typedef struct kg_lexicon kg_lexicon;

typedef struct kg_country {
    const char *name; /* the name kg uses ("Russia"): data/country-names.txt, else
                         iso-codes common_name, else name */
    char alpha2[3];
    char alpha3[4];
} kg_country;

/* Loads the lists.  data_dir holds the project's *.txt files (NULL:
 * kg_paths_data_dir's: $KG_DATA_DIR, share/kg/data, the tree's data/);
 * iso_json is iso-codes' iso_3166-1.json (NULL:
 * /usr/share/iso-codes/json/iso_3166-1.json).  Errors name the file and line
 * ("data/demonyms.txt:12: unknown country code XX"). */
kg_status kg_lexicon_load(const char *data_dir, const char *iso_json, kg_lexicon **out,
                          kg_error *err);

/* Where kg_lexicon_load_from reads; a NULL member means the default. */
typedef struct kg_lexicon_paths {
    const char *data_dir, *iso_json; /* as for kg_lexicon_load */
    const char *wordnet_dir;         /* /usr/share/wordnet */
    const char *given_names_dir;     /* ffaker's data/name (first_names_male, _female) */
    const char *words_file;          /* /usr/share/dict/american-english */
    /* where built lexicons are cached (lexicon_internal.h): NULL, the
     * default ($KG_CACHE_DIR, $XDG_CACHE_HOME/kg, ~/.cache/kg); "" none */
    const char *cache_dir;
} kg_lexicon_paths;

kg_status kg_lexicon_load_from(const kg_lexicon_paths *paths, kg_lexicon **out, kg_error *err);
void kg_lexicon_free(kg_lexicon *lx);

/* A country by any of its names or short forms, exact spelling ("Israel",
 * "United States", "U.S.", "US", "Britain", "Russian Federation"). */
const kg_country *kg_lexicon_country(const kg_lexicon *lx, const char *name);
/* A country by ISO alpha-2 or alpha-3 code. */
const kg_country *kg_lexicon_country_code(const kg_lexicon *lx, const char *code);
/* The country a nationality word stands for: "Israeli", "Palestinians",
 * "British", "Emirati". *plural tells whether the word names people ("Palestinians"). */
const kg_country *kg_lexicon_demonym(const kg_lexicon *lx, const char *word, bool *plural);
/* The word names one person of a nation, apart from the adjective
 * ("Briton", "Spaniard"). */
bool kg_lexicon_demonym_person(const kg_lexicon *lx, const char *word);
/* Titles that precede names ("Secretary", "Prime Minister", "Mr.", "President").
 * Returns the number of words of the longest title starting at words[0], 0 if none. */
size_t kg_lexicon_title_len(const kg_lexicon *lx, const char *const *words, size_t n);
/* Honorifics carry no role: "Mr.", "Mrs.", "Ms.", "Dr." (Dr. is also a title). */
bool kg_lexicon_is_honorific(const kg_lexicon *lx, const char *word);
/* Words that make a capitalized phrase an organization: "Ministry", "Department". */
bool kg_lexicon_is_org_cue(const kg_lexicon *lx, const char *word);
/* A well-known organization that carries no cue word, by name or acronym
 * ("NATO", "UN", "Hamas", "World Health Organization"): its canonical name
 * ("United Nations" for "UN"), from data/organizations.txt. */
const char *kg_lexicon_organization(const kg_lexicon *lx, const char *name);
/* Given names from the US Census lists and data/given-names.txt ("Antony", "Khaled"). */
bool kg_lexicon_is_given_name(const kg_lexicon *lx, const char *word);
/* 1 when the census lists the given name for men only, 2 for women only,
 * 0 otherwise ("Leslie", a name it does not know). */
int kg_lexicon_given_name_gender(const kg_lexicon *lx, const char *word);
/* Named places that are not countries: cities, regions, territories ("Gaza", "West Bank"). */
bool kg_lexicon_is_location(const kg_lexicon *lx, const char *name);
/* The country a location lies in ("London" -> GB, "Gaza" -> PS), NULL when
 * the place is unknown, spans countries or is disputed ("Jerusalem", "Crimea"). */
const kg_country *kg_lexicon_location_country(const kg_lexicon *lx, const char *name);
/* Profession nouns ("spokesperson", "fellow", "minister"), lower case. */
bool kg_lexicon_is_profession(const kg_lexicon *lx, const char *word);
/* Capitalized words that start sentences or headlines without naming anything
 * ("The", "However", "During", "Unfortunately"): closed-class and common words,
 * compared in lower case.  Only a hint for sentence-initial words: the lists
 * also hold words that are names ("Bush", "Rice", "Turkey"), so callers check
 * countries, titles and given names first. */
bool kg_lexicon_is_common_word(const kg_lexicon *lx, const char *word);
/* A verb lemma WordNet knows ("tie"; lower case). */
bool kg_lexicon_is_verb(const kg_lexicon *lx, const char *lemma);
/* The verb lemma of a form by WordNet's morphology ("tied" -> "tie",
 * "abode" -> "abide", "biased" -> "bias"), in buf (cap bytes) or in the
 * lexicon; NULL when WordNet knows no verb it could be. */
const char *kg_lexicon_verb_lemma(const kg_lexicon *lx, const char *form, char *buf, size_t cap);

/* The plain word lists relation extraction reads, one file each under data/
 * (one lower-case word or phrase a line); kg_lexicon_in compares in lower
 * case.  A new list is a new enumerator here and its file name in
 * lexicon.c's wordlist_files. */
typedef enum kg_wordlist {
    KG_WL_SPEECH_VERBS,    /* say, tell, announce: their clause is what the subject said */
    KG_WL_COGNITION_VERBS, /* believe, think: their clause is attributed too */
    KG_WL_NEGATING_VERBS,  /* refuse, fail: "refused to sign" did not sign */
    KG_WL_MODAL_VERBS,     /* plan, want, vow: "plans to sign" may sign */
    KG_WL_MODAL_AUX,       /* may, might, could, should */
    KG_WL_NEGATORS,        /* not, n't, never */
    KG_WL_RELATION_NOUNS,  /* visit, talks, deal: a noun that relates its possessor to its object */
    KG_WL_LIGHT_VERBS,     /* hold, make, sign: "held talks with" relates through its object */
    KG_WL_ATTRIBUTION_PREPS,  /* "according to": the clause is what the object says */
    KG_WL_LEGAL_FORMS,        /* co, corp, inc, ltd, plc, ag: the word that ends a company's name */
    KG_WL_TEAM_WORDS,         /* manager, striker, fans: after a town's name, its club */
    KG_WL_NATIONAL_NOUNS,     /* state, government, forces: "a Palestinian state" is Palestine */
    KG_WL_NOT_ORGS,           /* tv, gdp, hiv: abbreviations in capitals that name no actor */
    KG_WL_NO_RELATION_PREPS,  /* alongside, including, unlike: their phrase is no partner */
    KG_WL_HEARSAY_NOUNS,      /* allegation, report: "allegations that X did" is not a fact */
    KG_WL_EVENT_WORDS,        /* awards, championships, open: last in a name, an event */
    KG_WL_CLAUSE_OPENERS,     /* but, and, however: never a name's first word */
    KG_WL_VESSEL_PREFIXES,    /* hms, uss: "HMS Chatham" is a ship */
    KG_WL_ORG_NOUNS,          /* firm, newspaper: "oil firm Yukos", "the Guardian newspaper" */
    KG_WL_PLACE_PREPOSITIONS, /* in, at, from: "in Leicester" is the place, not its team */
    KG_WL_FUTURE_TIME_WORDS,  /* friday, tomorrow: "plays on Friday" is scheduled */
    KG_WL_ROLE_QUALIFIERS,    /* former, acting: "former Prime Minister" */
    KG_WL_NUMBERED_NAMES,     /* radio, channel: "BBC Radio 4" goes on past its number */
    KG_WL_ATTRIBUTIVE_SUFFIXES, /* based, owned: "California-based" is no part of a name */
    KG_WL_PREPOSITIONS,         /* under, with: a person named after one is no subject */
    KG_WL_PARTICIPLE_PREPS,     /* compared, following: "compared to Labour" is no clause */
    KG_WL_CONTENT_VERBS,        /* say, suggest: their object is what is said, never a listener */
    KG_WL_COMPLEMENT_VERBS,     /* put, place: "put Milburn in charge" says nothing without "in charge" */
    KG_WL_SUBORDINATORS,        /* when, although: a clause put before the main one */
    KG_WL_SHARED_TEAM_WORDS,    /* player, fans: team words said of more than games */
    KG_WL_NATIONALITY_ROLES,    /* director, coach: after "British", a nationality, no office */
    KG_WL_COUNT
} kg_wordlist;

bool kg_lexicon_in(const kg_lexicon *lx, kg_wordlist list, const char *word);

#endif
