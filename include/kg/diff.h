/* kg/diff.h - what changed in meaning between two versions of a graph.
 *
 * kg_diff_graphs matches the entities of an old and a new graph and then
 * their relations, and records every difference with the sentences behind it
 * on each side.  Entities match, in this order of rules, each rule only among
 * entities still unmatched:
 *
 *   id     the same id (a type change is then reported as a change);
 *   alias  the same type, and one side's label is the other's label or one
 *          of its aliases, with exactly one such entity on each side;
 *   name   persons only: the same surname and compatible given names (one
 *          side's given names a subsequence of the other's, an initial
 *          matching any name with that letter: "Blinken", "Antony Blinken",
 *          "A. J. Blinken" and "Antony J. Blinken" are one person, "Joe
 *          Biden" and "Hunter Biden" two).  When a name fits several
 *          entities on the other side ("Biden" against "Joe Biden" and
 *          "Hunter Biden") it matches only the one that shares an alias no
 *          other candidate has ("President Biden"); otherwise it matches none.
 *
 * Names are compared case-folded, without diacritics and without generational
 * suffixes (Jr., III).  Relations match on (matched source, relation, matched
 * target), ignoring negation and modality; a pair that differs in negation,
 * modality, attribution (reported speech) or in the number of sentences
 * supporting it is a change.  An entity changes when its type or its roles
 * differ.  A different label ("Antony J. Blinken" to "Blinken": the same
 * person, named differently) and a different mention count are notes, not
 * changes: they never make kg_diff_changed true.
 *
 * The diff borrows both graphs (and the documents, if given): they must stay
 * unchanged until kg_diff_free.  Its order is canonical, so it depends only
 * on the content of the two graphs.
 */
#ifndef KG_DIFF_H
#define KG_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/base.h"
#include "kg/extract.h"
#include "kg/graph.h"

typedef struct kg_diff kg_diff;

typedef enum kg_diff_state {
    KG_DIFF_UNCHANGED,
    KG_DIFF_ADDED,   /* only in the new graph */
    KG_DIFF_REMOVED, /* only in the old graph */
    KG_DIFF_CHANGED  /* in both, different in meaning */
} kg_diff_state;

typedef enum kg_diff_match {
    KG_DIFF_MATCH_NONE, /* added or removed */
    KG_DIFF_MATCH_ID,
    KG_DIFF_MATCH_ALIAS,
    KG_DIFF_MATCH_NAME
} kg_diff_match;

/* "unchanged", "added", "removed", "changed"; "none", "id", "alias", "name". */
const char *kg_diff_state_name(kg_diff_state s);
const char *kg_diff_match_name(kg_diff_match m);

/* A sentence offered as evidence for a change. */
typedef struct kg_diff_sentence {
    const char *doc;         /* document id */
    size_t sentence;         /* index within that document */
    size_t start, end;       /* byte span of the sentence in its document */
    size_t cp_start, cp_end; /* the same in code points */
    const char *text;
} kg_diff_sentence;

typedef struct kg_diff_evidence {
    kg_diff_sentence *items; /* by (doc, sentence) */
    size_t n;
} kg_diff_evidence;

typedef struct kg_diff_entity {
    kg_diff_state state;
    kg_diff_match match;
    long old_node, new_node; /* node indices in the old/new graph, -1 when absent */
    bool type_changed;
    const char **roles_added; /* in the new graph's order */
    size_t n_roles_added;
    const char **roles_removed; /* in the old graph's order */
    size_t n_roles_removed;
    bool label_changed;                /* a note: the same entity under another canonical name */
    size_t old_mentions, new_mentions; /* 0 on the absent side */
    kg_diff_evidence old_evidence, new_evidence;
} kg_diff_entity;

typedef struct kg_diff_relation {
    kg_diff_state state;
    long old_edge, new_edge; /* edge indices in the old/new graph, -1 when absent */
    size_t source, target;   /* indices into kg_diff_entities */
    bool negation_changed, modality_changed, attribution_changed, count_changed;
    size_t old_count, new_count; /* supporting sentences, 0 on the absent side */
    kg_diff_evidence old_evidence, new_evidence;
} kg_diff_relation;

typedef struct kg_diff_summary {
    size_t old_entities, new_entities, old_relations, new_relations;
    size_t entities_added, entities_removed, entities_changed, entities_unchanged;
    size_t entities_renamed;          /* label_changed, whatever the state */
    size_t entities_mentions_changed; /* matched, with another mention count */
    size_t relations_added, relations_removed, relations_changed, relations_unchanged;
} kg_diff_summary;

typedef struct kg_diff_options {
    /* What the two sides are called in reports ("old.txt"); NULL: "old", "new". */
    const char *old_name, *new_name;
    /* The documents the graphs were built from, if known: an entity's
     * evidence is then the sentences that mention it; without them, the
     * sentences of its relations. */
    const kg_document *old_doc, *new_doc;
} kg_diff_options;

/* opts may be NULL.  The graphs need not be sorted. */
kg_status kg_diff_graphs(const kg_graph *old_graph, const kg_graph *new_graph,
                         const kg_diff_options *opts, kg_diff **out, kg_error *err);
void kg_diff_free(kg_diff *d);

const kg_graph *kg_diff_old_graph(const kg_diff *d);
const kg_graph *kg_diff_new_graph(const kg_diff *d);
const char *kg_diff_old_name(const kg_diff *d);
const char *kg_diff_new_name(const kg_diff *d);

/* Every entity of either graph, matched pairs once: ordered by id (the new
 * id where there is one), then the old id. */
const kg_diff_entity *kg_diff_entities(const kg_diff *d, size_t *n);
/* Every relation of either graph, matched pairs once: ordered by source and
 * target (in kg_diff_entities order), relation, then negation. */
const kg_diff_relation *kg_diff_relations(const kg_diff *d, size_t *n);
/* The entity's node on the new side if it has one, else on the old side. */
const kg_node *kg_diff_entity_node(const kg_diff *d, const kg_diff_entity *e);
const kg_edge *kg_diff_relation_edge(const kg_diff *d, const kg_diff_relation *r);

void kg_diff_summarize(const kg_diff *d, kg_diff_summary *out);
/* True if any entity or relation was added, removed or changed. */
bool kg_diff_changed(const kg_diff *d);

/* Whether two person names can be the same person under the name rule
 * above (exposed for tests and for the entity finder). */
bool kg_diff_names_compatible(const char *a, const char *b);

#endif
