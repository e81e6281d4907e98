/* diff_internal.h - the pieces of kg_diff_graphs (diff.c), shared by the
 * files that make it up and by nobody else:
 *   diff_names.c      names and phrases as the diff compares them
 *   diff_match.c      one side's nodes, and matching them across the sides
 *   diff_sentences.c  the sentences behind a node, a relation or a claim
 *   diff_align.c      the sentences of the two versions, paired
 *   diff_claims.c     claims matched and paired, and opposites
 * Everything lives in the diff's arena; the graphs are borrowed. */
#ifndef KG_DIFF_INTERNAL_H
#define KG_DIFF_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/diff.h"

/* What one kg_diff_side's node looks like to the matcher. */
typedef struct kg_diff_side_node {
    const kg_node *node;
    const char *label;  /* folded */
    const char **names; /* folded label and aliases, unique */
    size_t n_names;
    const char **given; /* folded given names of a person, suffixes dropped */
    size_t n_given;
    const char *surname; /* folded, NULL if not a person or no name */
    long match;          /* node index on the other kg_diff_side, -1 */
    kg_diff_match how;
    size_t entity; /* index in the diff's entity list */
} kg_diff_side_node;

typedef struct kg_diff_side {
    const kg_graph *g;
    const kg_document *doc;
    kg_diff_side_node *nodes;
    size_t n;
    /* sentences per node, sorted by (node, doc, sentence) */
    struct kg_diff_pool_item *pool;
    size_t n_pool;
} kg_diff_side;

typedef struct kg_diff_pool_item {
    size_t node;
    kg_diff_sentence s;
} kg_diff_pool_item;

/* How sentences are chosen from a node's pool. */
typedef struct kg_diff_filter {
    const char *const *words; /* keep sentences containing any of these; NULL: all */
    size_t n_words;
    bool first_only; /* stop after the first kept sentence */
} kg_diff_filter;

/* A sentence of one side, and the aligned pair it is in. */
typedef struct kg_diff_sent_ref {
    const char *doc;
    size_t sentence;
    size_t pair;
} kg_diff_sent_ref;

typedef struct kg_diff_align {
    kg_diff_sentence_pair *pairs;
    size_t n;
    kg_diff_sent_ref *old_refs, *new_refs; /* sorted by (doc, sentence) */
    size_t n_old, n_new;
} kg_diff_align;

struct kg_antonyms;

struct kg_diff {
    kg_arena *arena;
    const kg_graph *old_graph, *new_graph;
    const char *old_name, *new_name;
    kg_diff_entity *entities;
    size_t n_entities;
    kg_diff_relation *relations;
    size_t n_relations;
    kg_diff_claim *claims;
    size_t n_claims;
    kg_diff_align align;
    const char *wordnet_dir;
    struct kg_antonyms *antonyms; /* opened on first use */
    bool antonyms_tried;
};

/* Pairs of leftover relations (or claims) of one actor or pair of actors
 * compared for reversed, value and relation changes, at most: two versions
 * of an article leave a few apart; a rewrite leaves many, and is no edit of
 * one of them. */
#define KG_DIFF_LOOSE_MAX_PAIRS ((size_t)1024)

/* ---- diff_names.c */
/* s case-folded, without diacritics, with periods dropped, commas as spaces
 * and runs of spaces as one: "Antony J.  Blinken" -> "antony j blinken".
 * NULL when out of memory. */
char *kg_diff_fold(kg_arena *a, const char *s);
/* strcmp as if white space were normalized (runs as one space, none at
 * either end). */
int kg_diff_ws_cmp(const char *a, const char *b);
/* Whether the given names of two folded person names can be one person's. */
bool kg_diff_given_compatible(const char *const *a, size_t na, const char *const *b, size_t nb);
/* Splits folded (in place) into at most max words, suffixes dropped; the
 * count.  KG_DIFF_NAME_WORDS is enough for any name. */
#define KG_DIFF_NAME_WORDS 16
size_t kg_diff_name_words(char *folded, const char **words, size_t max);

/* ---- diff_match.c */
/* Reads g's nodes (and doc, which may be NULL) into s. */
kg_status kg_diff_side_init(kg_arena *a, kg_diff_side *s, const kg_graph *g,
                            const kg_document *doc);
/* Matches the nodes of o and n: by id, then alias, then name (kg/diff.h). */
void kg_diff_match_sides(kg_diff_side *o, kg_diff_side *n);

/* Records that i and j are one entity, matched by rule how. */
void kg_diff_match_link(kg_diff_side *o, size_t i, kg_diff_side *n, size_t j, kg_diff_match how);
/* Matches an unmatched old entity with an unmatched new one of its type
 * when an edited sentence names the new one exactly where it named the old
 * (the only change of its wording), and no other entity fits either. */
kg_status kg_diff_match_replaced(kg_arena *a, kg_diff_side *o, kg_diff_side *n,
                                 const kg_diff_align *al);

/* ---- diff_align.c */
kg_status kg_diff_align_build(kg_arena *a, const kg_diff_side *o, const kg_diff_side *n,
                              kg_diff_align *al);
/* The pair holding a side's (doc, sentence), or -1. */
long kg_diff_align_find(const kg_diff_align *al, bool new_side, const char *doc, size_t sentence);

/* ---- diff_claims.c */
kg_status kg_diff_build_claims(kg_diff *d, const kg_diff_side *o, const kg_diff_side *n);
/* Whether two relation labels are opposites (WordNet, opened on first use). */
bool kg_diff_opposite(kg_diff *d, const char *a, const char *b);
/* Whether some sentence of old and some of new are one edited pair (or the
 * same sentence). */
bool kg_diff_aligned(const kg_diff *d, const kg_diff_evidence *old_ev,
                     const kg_diff_evidence *new_ev);

/* ---- diff_sentences.c */
/* The sentences of a claim (none when claim is -1). */
kg_status kg_diff_claim_evidence(kg_arena *a, const kg_graph *g, long claim, kg_diff_evidence *out);
/* The sentences of each node: from the document's entities when the side has
 * the document, else from the evidence of the node's relations. */
kg_status kg_diff_pool_from_document(kg_arena *a, kg_diff_side *s);
kg_status kg_diff_pool_from_edges(kg_arena *a, kg_diff_side *s);
/* The node's sentences passing f; if a filter by words keeps none, the
 * first sentence, so that a change always shows where the entity is. */
kg_status kg_diff_node_evidence(kg_arena *a, const kg_diff_side *s, long node,
                                const kg_diff_filter *f, kg_diff_evidence *out);
/* The sentences of edge (none when edge is -1). */
kg_status kg_diff_edge_evidence(kg_arena *a, const kg_graph *g, long edge, kg_diff_evidence *out);

#endif
