/* wordnet_words.h - the word lists the lexicon takes from WordNet 3.0.
 *
 * WordNet's data.POS files (Debian's wordnet-base, /usr/share/wordnet) list
 * every synset with its lexicographer file, its words as written (a capital
 * marks a name) and its pointers ("@i": an instance, such as a city, rather
 * than a class, such as "city").  Three lists come out of them:
 *   people  - lower-case one-word nouns of noun.person (file 18) class
 *             synsets: "spokesperson", "minister", "fellow";
 *   places  - capitalised words of noun.location (file 15) instance
 *             synsets, '_' read as a space: "Gaza Strip", "Lagos", "Ohio";
 *             left out are all-capital abbreviations ("AK", "AL"), names
 *             that are also people's ("Clinton", "Kent": noun.person
 *             instances) and names that are, in lower case, keys of
 *             common when the lists are chosen ("Nice", "Reading");
 *   common  - lower-case one-word lemmas of any part of speech with a sense
 *             tagged in SemCor (cntlist.rev): "year", not "croft";
 *   verbs   - every one-word verb lemma of data.verb ("tie", "bias"), and
 *             from verb.exc the irregular forms with their lemma ("tied"
 *             is regular, "abode" is "abide"), for WordNet's morphology.
 * Keys already in a map keep their value.  wordnet.c reads the same files
 * for the tagger's model; this reader only scans for words and is kept apart
 * so that the model's table never changes with the lexicon's needs.
 */
#ifndef KG_WORDNET_WORDS_H
#define KG_WORDNET_WORDS_H

#include "kg/base.h"
#include "strmap.h"

typedef struct kg_wordnet_words {
    kg_strmap *people; /* NULL: not wanted */
    kg_strmap *places; /* each added with value 0, in the files' order */
    kg_strmap *common;
    kg_strmap *verbs;        /* lemma -> 0 */
    kg_strmap *verb_forms;   /* irregular form -> index into verb_lemmas */
    kg_vec *verb_lemmas;     /* const char *, in strings */
    kg_arena *strings;       /* needed with verb_forms */
    /* Places also named in these maps are left out (NULL: none). */
    const kg_strmap *not_places[2];
} kg_wordnet_words;

/* Reads dir/data.noun, data.verb, data.adj, data.adv, verb.exc and cntlist.rev (dir
 * NULL: /usr/share/wordnet); a line that is not a synset (or a sense count)
 * is "FILE:LINE: why". */
kg_status kg_wordnet_words_load(const char *dir, const kg_wordnet_words *into, kg_error *err);

#endif
