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
 * Claims match on (matched entity, role, relation, argument) as relations
 * do.  What is left over is paired where it belongs together: a verb and
 * its opposite with the same actors or argument (REVERSED), the same claim
 * with other values (VALUE), the same actors with another verb in the same
 * edited sentence (RELATION), and an entity removed from an edited sentence
 * where an added one of the same type now stands (REPLACED: the only
 * change of that sentence's wording is one name for the other).
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

#ifdef __cplusplus
extern "C" {
#endif

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
    KG_DIFF_MATCH_NAME,
    KG_DIFF_MATCH_REPLACED /* another entity, named where this one was (kind REPLACED) */
} kg_diff_match;

/* What a change is, read as an editor reads it: two records that belong
 * together are one change of a kind, not a removal and an addition. */
typedef enum kg_diff_kind {
    KG_DIFF_KIND_PLAIN,    /* added, removed, or changed in negation, modality,
                              attribution, support, type or roles */
    KG_DIFF_KIND_REVERSED, /* the verb became its opposite (WordNet antonyms):
                              rejected -> accepted, rose -> fell */
    KG_DIFF_KIND_VALUE,    /* a number, amount, percentage or date in the claim changed */
    KG_DIFF_KIND_RELATION, /* the same actors (or actor and argument), another verb */
    KG_DIFF_KIND_REPLACED  /* an entity named in another's place and role */
} kg_diff_kind;

/* "unchanged", "added", "removed", "changed"; "none", "id", "alias",
 * "name", "replaced"; "plain", "reversed", "value", "relation", "replaced". */
const char *kg_diff_state_name(kg_diff_state s);
const char *kg_diff_match_name(kg_diff_match m);
const char *kg_diff_kind_name(kg_diff_kind k);

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
    kg_diff_kind kind; /* PLAIN or REPLACED */
    bool context;      /* a note, not a change: see kg_diff_relation.context */
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
    kg_diff_kind kind; /* PLAIN, REVERSED or RELATION (the relation labels differ) */
    /* The diff has both documents, and every sentence behind the change
     * reads the same in both versions: it follows from an edit elsewhere (a
     * pronoun now read as someone else), and is a note, not a change
     * (kg_diff_changed ignores it). */
    bool context;
    long old_edge, new_edge; /* edge indices in the old/new graph, -1 when absent */
    size_t source, target;   /* indices into kg_diff_entities */
    bool negation_changed, modality_changed, attribution_changed, count_changed;
    size_t old_count, new_count; /* supporting sentences, 0 on the absent side */
    kg_diff_evidence old_evidence, new_evidence;
} kg_diff_relation;

/* A value of a matched claim, before and after (NULL: none on that side). */
typedef struct kg_diff_value_change {
    const kg_claim_value *old_value, *new_value;
} kg_diff_value_change;

typedef struct kg_diff_claim {
    kg_diff_state state;
    kg_diff_kind kind;         /* PLAIN, REVERSED, VALUE or RELATION */
    bool context;              /* as for relations */
    long old_claim, new_claim; /* claim indices in the old/new graph, -1 when absent */
    size_t entity;             /* index into kg_diff_entities */
    bool negation_changed, modality_changed, attribution_changed, count_changed;
    size_t old_count, new_count;
    const kg_diff_value_change *values; /* VALUE: the values that differ, in order */
    size_t n_values;
    kg_diff_evidence old_evidence, new_evidence;
} kg_diff_claim;

/* The sentences of the two versions, aligned: the same text (white space
 * aside) on both sides is UNCHANGED; an edited sentence is CHANGED, with
 * both sides; a sentence only in one version is ADDED or REMOVED.  From the
 * documents when the diff has both, else from the sentences the graphs
 * quote as evidence; a document's sentences are aligned with those of the
 * document of the same id (or, when each side has one document, with it). */
typedef struct kg_diff_sentence_pair {
    kg_diff_state state;
    const char *old_doc, *new_doc;   /* NULL on the absent side */
    long old_sentence, new_sentence; /* indices within their documents, -1 when absent */
    const char *old_text, *new_text; /* NULL on the absent side */
    size_t old_start, old_end, new_start, new_end; /* byte spans in their documents */
    bool meaning_changed; /* a change (not a note) has evidence in this sentence */
} kg_diff_sentence_pair;

typedef struct kg_diff_summary {
    size_t old_entities, new_entities, old_relations, new_relations;
    size_t entities_added, entities_removed, entities_changed, entities_unchanged;
    size_t entities_renamed;          /* label_changed, whatever the state */
    size_t entities_mentions_changed; /* matched, with another mention count */
    size_t relations_added, relations_removed, relations_changed, relations_unchanged;
    size_t old_claims, new_claims;
    size_t claims_added, claims_removed, claims_changed, claims_unchanged;
    size_t reversed, values, relabelled, replaced; /* changes of each kind */
    size_t context;            /* changes demoted to notes (kg_diff_relation.context) */
    size_t sentences_changed;  /* sentence pairs CHANGED, ADDED or REMOVED */
    size_t sentences_reworded; /* ... of which no change in meaning has evidence in */
} kg_diff_summary;

typedef struct kg_diff_options {
    /* What the two sides are called in reports ("old.txt"); NULL: "old", "new". */
    const char *old_name, *new_name;
    /* The documents the graphs were built from, if known: an entity's
     * evidence is then the sentences that mention it; without them, the
     * sentences of its relations. */
    const kg_document *old_doc, *new_doc;
    /* WordNet's dictionary files for antonyms (NULL: /usr/share/wordnet);
     * opened only when two records could be opposites.  Without them no
     * change is REVERSED. */
    const char *wordnet_dir;
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
/* Every claim of either graph, matched pairs once: ordered by entity (in
 * kg_diff_entities order), role, relation, argument. */
const kg_diff_claim *kg_diff_claims(const kg_diff *d, size_t *n);
/* The aligned sentences, in the new version's order (removed ones where
 * they stood). */
const kg_diff_sentence_pair *kg_diff_sentence_pairs(const kg_diff *d, size_t *n);
/* The claim on the new side if it has one, else on the old side. */
const kg_claim *kg_diff_claim_record(const kg_diff *d, const kg_diff_claim *c);
/* The entity's node on the new side if it has one, else on the old side. */
const kg_node *kg_diff_entity_node(const kg_diff *d, const kg_diff_entity *e);
const kg_edge *kg_diff_relation_edge(const kg_diff *d, const kg_diff_relation *r);

void kg_diff_summarize(const kg_diff *d, kg_diff_summary *out);
/* True if any entity, relation or claim was added, removed or changed
 * (notes aside: context changes, renamed entities, mention counts,
 * reworded sentences). */
bool kg_diff_changed(const kg_diff *d);

/* Whether two person names can be the same person under the name rule
 * above (exposed for tests and for the entity finder). */
bool kg_diff_names_compatible(const char *a, const char *b);

#ifdef __cplusplus
}
#endif

#endif
