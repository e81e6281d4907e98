/* clauses_internal.h - what the clause reader's files share: clause.c finds
 * a predicate's arguments, clause_label.c makes its label, and clauses.c
 * turns the two into triples.  Nothing else includes it: the reader's
 * contract is kg_clauses_read in relations_internal.h. */
#ifndef KG_CLAUSES_INTERNAL_H
#define KG_CLAUSES_INTERNAL_H

#include <ctype.h>
#include <string.h>

#include "relations_internal.h"

#define KG_CLAUSE_MAX_ARGS 16

/* An object, a prepositional phrase or a complement of a predicate. */
typedef struct kg_clause_arg {
    size_t head;      /* the argument's head word */
    size_t case_word; /* its preposition, KG_UD_NONE if none */
    char prep[48];    /* the preposition in lower case ("according to", "in") */
    enum { KG_ARG_OBJ, KG_ARG_OBL, KG_ARG_XCOMP, KG_ARG_CCOMP } kind;
} kg_clause_arg;

typedef struct kg_clause_label {
    char rel[128];  /* lemmas */
    char surf[192]; /* as written */
    bool negated, modal, passive;
    bool borrowed;
    bool oom;
} kg_clause_label;

/* Appends word w to buf after a space; a label that would not fit is left
 * as it was (labels are short: the emitter refuses more than four words). */
static inline void append(char *buf, size_t cap, const char *w)
{
    size_t n = strlen(buf), k = w ? strlen(w) : 0;
    if (!k || n + (n > 0) + k + 1 > cap)
        return;
    if (n)
        buf[n++] = ' ';
    memcpy(buf + n, w, k + 1);
}

static inline void append_lower(char *buf, size_t cap, const char *w)
{
    size_t n = strlen(buf);
    append(buf, cap, w);
    for (size_t i = n; buf[i]; i++)
        buf[i] = (char)tolower((unsigned char)buf[i]);
}

/* clause.c */
/* A relative pronoun: who, which, whom, whose, or the "that" of a clause
 * modifying a noun. */
bool kg_clause_is_rel_pronoun(const kg_rel_ctx *c, size_t i);
/* A verb complement with no "to" after an object: "saw him score",
 * "decided the practice discriminated", "stressed it would be up to".
 * The object is its subject. */
bool kg_clause_small_clause(const kg_udtree *t, size_t x);
/* Object word o of predicate p, or the noun it stands for when it is a
 * relative pronoun: "an album, which critics praised". */
size_t kg_clause_object(const kg_rel_ctx *c, size_t p, size_t o);
/* The arguments of p (at most KG_CLAUSE_MAX_ARGS) in word order, objects
 * first in the list. */
size_t kg_clause_args(kg_rel_ctx *c, size_t p, kg_clause_arg *out);
/* The preposition of the phrase headed by h into a (case_word, prep). */
void kg_clause_prep(kg_rel_ctx *c, size_t h, kg_clause_arg *a);
/* The text of argument a; a phrase's without its preposition unless
 * with_prep. */
const char *kg_clause_arg_text(kg_rel_ctx *c, const kg_clause_arg *a, bool with_prep);
/* The conjuncts of word i, i first, at most cap. */
size_t kg_clause_conjuncts(const kg_rel_ctx *c, size_t i, size_t *out, size_t cap);

/* clause_label.c: keep (one flag a word) gets the words of the verb group */
/* The label of verbal predicate p, control chain and flags included. */
void kg_clause_label_predicate(kg_rel_ctx *c, size_t p, kg_clause_label *l, bool *keep);
/* The flags and surface form of nominal predicate p ("is a fellow at"),
 * from its copula and the verbs above it; l->rel is left empty. */
void kg_clause_label_copula(kg_rel_ctx *c, size_t p, kg_clause_label *l, bool *keep);
/* Conjunct h is denied on its own: "in Manchester and not Blackpool". */
bool kg_clause_label_denied(const kg_rel_ctx *c, size_t h);

#endif
