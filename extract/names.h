/* names.h - words and names as the entity finder reads them: what a token
 * may be in a name (capitalized, a particle, a connector, a month), the
 * genders pronouns and titles give, and the key, parts and initials of a
 * name.  Pure functions; strings come from the arena given. */
#ifndef KG_NAMES_H
#define KG_NAMES_H

#include "entities_internal.h"

/* A word token that starts with an upper-case letter (not a styled
 * mathematical one, U+1D400-U+1D7FF). */
bool kg_name_is_cap(const kg_token *t);

/* Months and weekdays are capitalized but name no actor. */
bool kg_name_is_calendar_word(const char *w);

/* Lower-case particles of personal names: "Osama bin Laden", "Ursula von
 * der Leyen", "Charles de Gaulle"; joined by a hyphen also the Arabic article
 * and its assimilated forms ("Bashar al-Assad", "Moqtada as-Sadr"), which
 * standing alone would be English words ("as", "at"). */
bool kg_name_is_particle(const char *w, size_t len, bool joined);

/* Words that may sit inside a capitalized name: "Secretary of State",
 * "Bank of England", "Oil & Natural Gas", and the particles above. */
bool kg_name_is_connector(const char *w);

/* A word that continues or starts a name. */
bool kg_name_is_name_word(const kg_token *t);

/* The part of a surname that later mentions repeat: "Sisi" of "el-Sisi",
 * "Assad" of "Al-Assad". */
const char *kg_name_surname_core(const char *last);

/* w with ASCII letters lower-cased (w itself when out of memory). */
const char *kg_name_lower_word(kg_arena *a, const char *w);

/* The gender a personal pronoun refers to ("he", "her"), else unknown. */
kg_gender kg_name_pronoun_gender(const char *w);

/* The gender a title or honorific implies ("Mrs.", "King"), else unknown. */
kg_gender kg_name_title_gender(const char *title);

/* The normalized words of tokens [from, to), a space where the text had
 * one ("al-Qaeda" and "O'Neill" stay joined); NULL when out of memory. */
char *kg_name_join_norms(kg_arena *a, const kg_token *t, size_t from, size_t to);

/* Case- and punctuation-insensitive identity of a name: "the U.S." and "US"
 * differ, but "Biden Administration" and "Biden administration" agree. */
char *kg_name_key(kg_arena *a, const char *name);

/* The first word of name (a copy), its last word (within name), and how
 * many words it has (separated by single spaces). */
const char *kg_name_first_word(kg_arena *a, const char *name);
const char *kg_name_last_word(const char *name);
size_t kg_name_count_words(const char *name);

/* A copy of s with ASCII letters lower-cased, as strcasecmp compares. */
char *kg_name_lower_copy(kg_arena *a, const char *s, size_t len);

/* "EC" for "European Commission": the capitals of the name's words,
 * skipping the small words that acronyms leave out.  NULL when fewer than
 * two (no acronym stands for a one-word name) or out of memory. */
char *kg_name_initials(kg_arena *a, const char *name);

/* A name written in capitals as running text writes it: "NEW YORK" ->
 * "New York", "ST. LOUIS" -> "St. Louis", "AL-RAM" -> "Al-Ram",
 * "N'DJAMENA" -> "N'Djamena", "N.H." unchanged; NULL when out of memory. */
char *kg_name_title_case(kg_arena *a, const char *s);

/* Two or more ASCII capitals and nothing else ("EU", "NATO"). */
bool kg_name_is_all_caps(const char *s);

#endif
