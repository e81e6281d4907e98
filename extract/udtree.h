/* udtree.h - one parsed sentence as relation extraction reads it.
 *
 * A kg_udtree wraps the words of kg_ud_annotate (kg/parse.h) with what the
 * readers of clauses, noun phrases and speech ask of a tree: a word's head
 * and children by relation, its subtree's extent, the entity a word belongs
 * to, and the text of a phrase (a subtree with some of its branches cut off)
 * as it stands in the document.  Everything is 0-based word indices; a root's
 * head is KG_UD_NONE.  Built once per sentence in the document's arena and
 * only read afterwards.
 */
#ifndef KG_UDTREE_H
#define KG_UDTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/extract.h"
#include "kg/parse.h"

#define KG_UD_NONE ((size_t)-1)

typedef struct kg_udtree {
    const char *text;        /* the document text the words' offsets point into */
    const kg_ud_word *w;
    size_t n;
    size_t *head;            /* KG_UD_NONE for the root */
    size_t *kids;            /* children of i: kids[kid_at[i] .. kid_at[i + 1]), in word order */
    size_t *kid_at;
    size_t *lo, *hi;         /* first and last word of i's subtree */
    const long *entity;      /* entity index per word, -1 when none */
} kg_udtree;

/* word_entity has n entries (-1 when a word is in no mention).  A head out of
 * range or a cycle makes that word a root, so any tree is safe to walk. */
kg_status kg_udtree_build(kg_arena *a, const char *text, const kg_ud_word *w, size_t n,
                          const long *word_entity, kg_udtree *t, kg_error *err);

/* The relation of i to its head is rel: "obl" matches "obl" and "obl:tmod";
 * "obl:agent" only itself. */
bool kg_udtree_is(const kg_udtree *t, size_t i, const char *rel);
/* The first child of i whose relation is rel (as kg_udtree_is), or KG_UD_NONE. */
size_t kg_udtree_child(const kg_udtree *t, size_t i, const char *rel);
/* Children of i: *n of them from the returned array. */
const size_t *kg_udtree_kids(const kg_udtree *t, size_t i, size_t *n);
/* i lies in the subtree of root (root included). */
bool kg_udtree_under(const kg_udtree *t, size_t i, size_t root);
bool kg_udtree_upos(const kg_udtree *t, size_t i, const char *upos);
/* The lemma in lower case, in the arena (the form when there is no lemma). */
const char *kg_udtree_lemma(kg_arena *a, const kg_udtree *t, size_t i);

/* A phrase: the subtree of root without the subtrees of the words marked in
 * cut (n entries; NULL cuts nothing) and without punctuation, conjunctions
 * and the subordinating marker at either end.  The text is the document's
 * bytes for runs of adjacent words (line breaks made spaces) and one space
 * across a gap.  NULL when nothing is left, or out of memory (*oom set). */
const char *kg_udtree_phrase(kg_arena *a, const kg_udtree *t, size_t root, const bool *cut,
                             bool *oom);
/* The words of a phrase as kg_udtree_phrase picks them, into keep (n entries). */
void kg_udtree_phrase_words(const kg_udtree *t, size_t root, const bool *cut, bool *keep);
/* Text of the kept words, joined as kg_udtree_phrase joins them. */
const char *kg_udtree_join(kg_arena *a, const kg_udtree *t, const bool *keep, bool *oom);

/* The entity a noun phrase headed by i names: its head word's, else (for a
 * title heading a name, "Secretary Blinken") a name word attached to it. */
long kg_udtree_entity(const kg_udtree *t, size_t i);

#endif
