/* antonyms.h - whether two relation labels are opposites, by WordNet.
 *
 * `kg diff` reads "rejected" -> "accepted" and "rose 5%" -> "fell 5%" as one
 * change, reversed.  The opposites come from WordNet 3.0 (Debian's
 * wordnet-base, /usr/share/wordnet): its antonym pointers ("!") between
 * verb and adjective senses.  Opening maps the files and reads nothing: an
 * index.POS file is sorted by lemma, so a lemma is found by binary search,
 * and a synset's line starts at the byte offset that names it in data.POS,
 * so a lookup costs a few page reads, and a diff that has no candidate pair
 * never opens the files at all (the diff opens them lazily).  The files are
 * untrusted input: a line that does not parse makes the lookup answer false.
 * Read-only once open: lookups are safe from several threads.
 */
#ifndef KG_ANTONYMS_H
#define KG_ANTONYMS_H

#include <stdbool.h>

#include "kg/base.h"

typedef struct kg_antonyms kg_antonyms;

/* Maps index.verb, data.verb, verb.exc, index.adj, data.adj and adj.exc of
 * dir (NULL: /usr/share/wordnet); a missing file is a KG_ERR_INPUT naming it. */
kg_status kg_antonyms_open(const char *dir, kg_antonyms **out, kg_error *err);
/* Whether labels a and b ("rise to", "fall to") have the same number of
 * words, differ in exactly one, and those two words are opposites: a sense of
 * one (as WordNet's morphology reads an inflected form: "rose" is "rise") is
 * an antonym of a sense of the other, directly or through a word of the same
 * synset (WordNet's indirect antonymy: "take" in the synset of "accept").
 * ASCII case is ignored; a NULL kg_antonyms knows no opposites. */
bool kg_antonyms_opposite(const kg_antonyms *a, const char *rel_a, const char *rel_b);
void kg_antonyms_close(kg_antonyms *a);

#endif
