/* entities_internal.h - the records the entity finder's files share:
 * mentions.c makes candidates, entities.c ties them to entities with the
 * lookups of entity_match.c over the indexes of entity_index.c, and names.c
 * holds the word tests and name keys all of them use.  Nothing outside those
 * files includes it: the finder's contract is entities.h. */
#ifndef KG_ENTITIES_INTERNAL_H
#define KG_ENTITIES_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "multimap.h"
#include "ner.h"
#include "strmap.h"

typedef enum kg_gender { KG_GENDER_UNKNOWN, KG_GENDER_MALE, KG_GENDER_FEMALE } kg_gender;

typedef enum kg_cand_kind {
    KG_CAND_NAME,    /* a typed name */
    KG_CAND_UNKNOWN, /* a capitalized name we could not type on its own */
    KG_CAND_PRONOUN,
    KG_CAND_ROLE /* "the prime minister" */
} kg_cand_kind;

typedef struct kg_cand {
    kg_cand_kind kind;
    size_t sentence, tok_start, tok_end; /* the whole mention (title included) */
    size_t name_start;                   /* first token of the name proper */
    kg_entity_type type;
    const char *name;          /* normalized name, titles stripped */
    const kg_country *country; /* the country named, or tied to */
    const char *role;          /* title or role description */
    const char *acronym_of;    /* for an acronym defined in parentheses */
    kg_resolution how;
    kg_gender gender;
    long entity;
    long place; /* entity of a demonym before a title */
    bool team;  /* a place's name standing for its team ("Scotland beat Italy") */
    bool placed; /* after a preposition of place ("in Newcastle"): the place */
    bool results; /* in a row of results ("Japan 2 Syria 1") */
} kg_cand;

/* Persons by when they were last seen, latest first, one list per pronoun
 * gender: any person, those who may be "he", those who may be "she". */
enum { KG_RECENT_ANY, KG_RECENT_MALE, KG_RECENT_FEMALE, KG_N_RECENT };
#define KG_NO_ENTITY SIZE_MAX

typedef struct kg_entity_finder {
    kg_arena *a;
    const kg_lexicon *lx;
    const char *text;
    kg_vec cands;    /* kg_cand */
    kg_vec ents;     /* kg_entity */
    kg_vec ent_info; /* kg_entity_info, parallel to ents */
    kg_vec roles;    /* kg_role_fact */
    const kg_ner *ner;        /* the statistical typer, or NULL */
    kg_ner_span *ner_spans;   /* its spans in the sentence being scanned */
    size_t n_ner_spans;
    bool score_line;          /* that sentence is a row of results ("Lotte 6 Hyundai 2") */
    size_t cur_n;             /* its number of tokens */
    const kg_token *cur_t;    /* and the tokens */
    bool ner_done;            /* ner_spans hold the typer's spans of that sentence */
    bool sporting;            /* some sentence so far was a row of results */
    const kg_span *sentences; /* byte spans, for where quotations lie */
    kg_token *const *tokens;  /* tokens[s]: sentence s's */
    kg_error *err;
    /* the indexes of resolution (entity_index.h) */
    kg_multimap *by_last;       /* surname core -> person entities */
    kg_multimap *by_key;        /* a key an entity has had -> that entity */
    kg_multimap *by_role;       /* a lower-cased role or word prefix of it -> persons given it */
    kg_strmap *alias_keys;      /* kg_name_key of an alias -> lowest entity with it */
    kg_strmap *initials;        /* initials of an organization's name -> lowest such */
    kg_strmap *firsts;          /* given name -> tally of persons of two words or more */
    kg_strmap *middles;         /* word between a person's first and last -> tally */
    kg_vec tallies;             /* kg_tally */
    size_t stamp;               /* tally updates so far */
    size_t recent[KG_N_RECENT]; /* latest person of each recency list, KG_NO_ENTITY if none */
    size_t topic[KG_N_RECENT];  /* person of each list named most so far, KG_NO_ENTITY if none */
} kg_entity_finder;

typedef struct kg_entity_info {
    const char *key;   /* identity within the document */
    const char *first; /* first name token (people) */
    const char *last;  /* last name token (people) */
    size_t n_name_tokens;
    kg_gender gender;
    kg_vec aliases;                                /* const char * */
    kg_vec roles;                                  /* const char * */
    size_t last_seen;                              /* index of the latest candidate tied to it */
    /* what pronoun resolution weighs (persons only, kg_entity_index_touch) */
    size_t n_named;       /* times named so far: pronouns are not counted, or one tied
                             wrongly would draw the next ones after it */
    size_t seen_sentence; /* sentence of the latest of them */
    size_t seen_rank;     /* persons named before it there: 0 is the first, a subject proxy */
    size_t newer[KG_N_RECENT], older[KG_N_RECENT]; /* neighbours in the recency lists */
    bool listed[KG_N_RECENT];
} kg_entity_info;

static inline bool is_word(const kg_token *t)
{
    return t->kind == KG_TOK_WORD;
}

static inline bool eq(const char *a, const char *b)
{
    return strcmp(a, b) == 0;
}

static inline bool ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

static inline kg_entity_info *info_at(kg_entity_finder *f, size_t e)
{
    return kg_vec_at(&f->ent_info, e);
}

static inline kg_entity *ent_at(kg_entity_finder *f, size_t e)
{
    return kg_vec_at(&f->ents, e);
}

static inline kg_status nomem(kg_entity_finder *f)
{
    return kg_error_set(f->err, KG_ERR_NOMEM, "out of memory finding entities");
}

#endif
