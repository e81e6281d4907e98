/* wordnet.h - which parts of speech WordNet knows a word form as.
 *
 * The tagger's weakest words are those training never showed it (on EWT dev
 * they are 7% of the words and a third of its errors, most of them NOUN or
 * ADJ read as PROPN and back).  WordNet knows most English words: whether a
 * form is a noun, verb, adjective or adverb lemma, or an inflection of one,
 * is a feature that holds for words no treebank has.
 *
 * The classes are read once from WordNet's dictionary files (Debian's
 * wordnet-base, /usr/share/wordnet: index.POS, data.POS and POS.exc) when
 * a model is trained, and kept in the model file as a table of 64-bit
 * fingerprints, so a loaded model needs no WordNet and maps the table in
 * place.  Inflections are found as WordNet's morphy does: the exception
 * lists, then its detachment rules ("-ies" -> "-y", "-ing" -> "" or "-e"),
 * checked against the lemmas of that part of speech.
 * Read-only once built or read: lookups are safe from several threads.
 */
#ifndef KG_WORDNET_H
#define KG_WORDNET_H

#include <stddef.h>
#include <stdint.h>

#include "model_file.h"

/* Where Debian's wordnet-base puts WordNet 3.0's database files. */
#define KG_WORDNET_DIR "/usr/share/wordnet"

typedef struct kg_wordnet kg_wordnet;

/* The bits of kg_wordnet_classes.  Part-of-speech order: noun, verb,
 * adjective (satellites included), adverb. */
#define KG_WN_LEMMA(pos) (1u << (pos))      /* the form is a lemma of pos */
#define KG_WN_INFLECTED(pos) (16u << (pos)) /* an inflection of a lemma of pos */
#define KG_WN_POS_BITS 0xFFu
/* 1 + the part of speech whose lemma has the most senses tagged in SemCor
 * (WordNet's tagsense_cnt), 0 when none has one. */
#define KG_WN_DOMINANT(v) ((v) >> 8 & 7u)
/* How many tagged senses the lemma has in all: 0, 1-2, 3-9, 10 or more. */
#define KG_WN_FREQUENCY(v) ((v) >> 11 & 3u)
/* Some sense of the lemma is written with a capital (Florida, American: a
 * name), some in lower case (beer); both for "Bush" and "bush". */
#define KG_WN_CAPITALIZED (1u << 13)
#define KG_WN_LOWERCASE (1u << 14)
/* 1 + the lexicographer file of the lemma's first (most frequent) noun
 * sense less noun.Tops' 3 (noun.person 18-3+1, noun.location 15-3+1), 0 when
 * it is no noun: a coarse sense (person, place, group, time, act). */
#define KG_WN_NOUN_SENSE(v) ((v) >> 15 & 31u)
/* The same for the first verb sense: 1 + its file less verb.body's 29
 * (verb.communication 32-29+1, verb.motion 38-29+1), 0 when no verb. */
#define KG_WN_VERB_SENSE(v) ((v) >> 20 & 15u)
#define KG_WN_VERB_SENSE_BITS (15u << 20)

/* WordNet's morphy detachment rules for part of speech pos (the order of
 * KG_WN_LEMMA: noun, verb, adjective, adverb): an inflected ending and what
 * replaces it in the lemma ("ies" -> "y").  *n is 0 for adverbs. */
typedef struct kg_wn_rule {
    const char *ending, *lemma_ending;
} kg_wn_rule;
const kg_wn_rule *kg_wordnet_rules(unsigned pos, size_t *n);

/* Reads WordNet's files from dir; errors name the file and line. */
kg_status kg_wordnet_build(const char *dir, kg_wordnet **out, kg_error *err);
/* A table that knows no word (a model trained without WordNet). */
kg_wordnet *kg_wordnet_empty(void);
/* The classes of form (matched in lower case; 0: unknown to WordNet). */
unsigned kg_wordnet_classes(const kg_wordnet *wn, const char *form);
size_t kg_wordnet_forms(const kg_wordnet *wn);
void kg_wordnet_write(const kg_wordnet *wn, kg_mbuf *b);
kg_wordnet *kg_wordnet_read(kg_mread *r);
void kg_wordnet_free(kg_wordnet *wn);

#endif
