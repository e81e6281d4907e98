/* lexicon_internal.h - the lexicon's tables, shared by lexicon.c, which
 * fills them from the word lists, and lexicon_cache.c, which writes them
 * to a cache file and maps them back.
 */
#ifndef KG_LEXICON_INTERNAL_H
#define KG_LEXICON_INTERNAL_H

#include "lexicon.h"
#include "strmap.h"

struct kg_lexicon {
    kg_arena *strings;     /* every name a lookup returns */
    kg_country *countries; /* in iso-codes order */
    size_t n_countries;
    kg_strmap *country_names; /* any name or short form -> country index */
    kg_strmap *country_codes; /* alpha-2 and alpha-3 -> country index */
    kg_strmap *demonyms;      /* word -> country index * 4 + demonym_kind */
    kg_strmap *titles;        /* words joined by ' ' -> 1 if honorific */
    size_t title_max_words;
    kg_strmap *org_cues;
    kg_strmap *organizations; /* name or acronym -> index into org_names */
    kg_vec org_names;         /* const char *, canonical names */
    kg_strmap *given_names;
    kg_strmap *name_genders; /* given name -> 1 the census counts it male, 2 female, 3 both */
    kg_strmap *locations;    /* name -> country index + 1, or 0 */
    kg_strmap *professions;
    kg_strmap *common_words; /* lower case */
    kg_strmap *verbs;        /* WordNet's verb lemmas */
    kg_strmap *verb_forms;   /* WordNet's irregular verb forms -> index into verb_lemmas */
    kg_vec verb_lemmas;      /* const char * */
    kg_strmap *wordlists[KG_WL_COUNT]; /* lower case */
    /* a cache file the maps and strings above view (lexicon_cache.c) */
    void *mapped;
    size_t mapped_len;
};

/* Every map of lx, in one fixed order, for code that treats them alike. */
#define KG_LEXICON_N_MAPS (13 + KG_WL_COUNT)
void kg_lexicon_maps(kg_lexicon *lx, kg_strmap **maps[KG_LEXICON_N_MAPS]);

/* The cache of loaded lexicons (lexicon_cache.c).  A cache file holds one
 * lexicon's tables as written by kg_strmap_freeze, under a stamp naming
 * every source file with its size, time and inode: a lexicon is read from
 * the file only when the stamp is the one its sources give now.  The file
 * is mapped, not read, so a run touches only the pages its lookups need.
 *
 * kg_lexicon_cache_stamp appends to *stamp (malloc'd, grown) a line for
 * path: for a directory, itself and each regular file in it (in name
 * order); a path that does not exist gives a line too, so that creating it
 * changes the stamp.  kg_lexicon_cache_open returns the cached lexicon for
 * stamp in dir, or NULL (none, stale or damaged: the caller loads the
 * sources).  kg_lexicon_cache_save writes lx there for stamp, replacing
 * older cache files; failing is not an error (the cache is an
 * optimisation), so it returns nothing. */
bool kg_lexicon_cache_stamp(char **stamp, size_t *len, const char *path);
/* The stamp of everything a lexicon of paths (defaults filled in) is built
 * from: the code that builds it, then each source. */
bool kg_lexicon_sources_stamp(const kg_lexicon_paths *paths, char **stamp, size_t *len);
kg_lexicon *kg_lexicon_cache_open(const char *dir, const char *stamp);
void kg_lexicon_cache_save(const char *dir, const char *stamp, kg_lexicon *lx);
/* The default cache directory into buf: $KG_CACHE_DIR, else
 * $XDG_CACHE_HOME/kg, else $HOME/.cache/kg; false when none applies or
 * KG_CACHE_DIR is "off". */
bool kg_lexicon_cache_dir(char *buf, size_t size);

#endif
