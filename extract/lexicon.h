/* lexicon.h - the word lists entity finding needs, loaded once, read-only after.
 *
 * Sources: iso-codes' iso_3166-1.json (country names, common and official
 * names, alpha-2/alpha-3 codes); link-grammar's English word lists (given
 * names, professions); the project's own files under data/ (titles, demonyms,
 * organization cue words, country short forms, location names).
 * Lookups are case-sensitive on the given string unless stated; all return
 * NULL/false when absent.  Thread-safe for concurrent lookups.
 */
#ifndef KG_LEXICON_H
#define KG_LEXICON_H

#include <stdbool.h>

#include "kg/extract.h"

typedef struct kg_lexicon kg_lexicon;

typedef struct kg_country {
    const char *name;        /* the name kg uses: iso-codes common_name, else name ("Russia") */
    char alpha2[3];
    char alpha3[4];
} kg_country;

kg_status kg_lexicon_load(const char *data_dir, const char *lg_words_dir, const char *iso_json,
                          kg_lexicon **out, kg_error *err);
void kg_lexicon_free(kg_lexicon *lx);

/* A country by any of its names or short forms, exact spelling ("Israel",
 * "United States", "U.S.", "US", "Britain", "Russian Federation"). */
const kg_country *kg_lexicon_country(const kg_lexicon *lx, const char *name);
/* A country by ISO alpha-2 or alpha-3 code. */
const kg_country *kg_lexicon_country_code(const kg_lexicon *lx, const char *code);
/* The country a nationality word stands for: "Israeli", "Palestinians",
 * "British", "Emirati". *plural tells whether the word names people ("Palestinians"). */
const kg_country *kg_lexicon_demonym(const kg_lexicon *lx, const char *word, bool *plural);
/* Titles that precede names ("Secretary", "Prime Minister", "Mr.", "President").
 * Returns the number of words of the longest title starting at words[0], 0 if none. */
size_t kg_lexicon_title_len(const kg_lexicon *lx, const char *const *words, size_t n);
/* Honorifics carry no role: "Mr.", "Mrs.", "Ms.", "Dr." (Dr. is also a title). */
bool kg_lexicon_is_honorific(const kg_lexicon *lx, const char *word);
/* Words that make a capitalized phrase an organization: "Ministry", "Department". */
bool kg_lexicon_is_org_cue(const kg_lexicon *lx, const char *word);
/* Given names from link-grammar's lists ("Antony", "Khaled"). */
bool kg_lexicon_is_given_name(const kg_lexicon *lx, const char *word);
/* Named places that are not countries: cities, regions, territories ("Gaza", "West Bank"). */
bool kg_lexicon_is_location(const kg_lexicon *lx, const char *name);
/* Profession nouns ("spokesperson", "fellow", "minister"), lower case. */
bool kg_lexicon_is_profession(const kg_lexicon *lx, const char *word);
/* Capitalized words that start sentences or headlines without naming anything
 * ("The", "However", "During", "Unfortunately"): closed-class and common words. */
bool kg_lexicon_is_common_word(const kg_lexicon *lx, const char *word);

#endif
