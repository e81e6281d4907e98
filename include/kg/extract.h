/* kg/extract.h - text to entities and triples (the first stage).
 *
 * A kg_resources holds everything that is loaded once per process and only
 * read afterwards (word lists, country codes, the tagger and parser), so
 * one instance serves any number of threads.  A kg_document holds one article
 * and everything found in it, in one arena freed by kg_document_free.
 *
 * Offsets are byte offsets into the original input unless named cp_*, which
 * are Unicode code-point offsets into the same input.
 */
#ifndef KG_EXTRACT_H
#define KG_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- reading */

typedef struct kg_doc {
    const char *id;       /* document id: file name without directory and extension */
    const char *path;     /* as given, for messages ("-" for standard input) */
    char date[11];        /* "YYYY-MM-DD" from a leading `date` header, or "" */
    const char *text;     /* the input bytes, NUL-terminated; invalid UTF-8 bytes replaced by '?' */
    size_t len;           /* length of text in bytes */
    size_t body_start;    /* first byte after the date header (0 without one) */
    size_t n_invalid;     /* invalid UTF-8 bytes that were replaced */
    size_t first_invalid; /* byte offset of the first of them */
} kg_doc;

/* The document id kg gives the file path: its name without directory and
 * last extension ("news/001.txt" -> "001"; a leading dot is part of the
 * name), or with keep_dirs its path without the extension and leading "./"
 * ("news/001"), which tells apart two inputs of the same name.  "-" is
 * "stdin".  Always UTF-8: a byte of the name that is not becomes U+FFFD
 * ("caf\xe9.txt" -> "caf\uFFFD").  malloc'd; NULL when out of memory. */
char *kg_extract_doc_id(const char *path, bool keep_dirs);
/* The bare name kg_extract_doc_id starts from, its bytes as they are: a
 * file name for outputs named after the input ("caf\xe9.txt" -> "caf\xe9",
 * "-" -> "stdin").  malloc'd; NULL when out of memory. */
char *kg_extract_doc_stem(const char *path);

/* Reads the file at path ("-": standard input) into out, all memory from
 * the arena: UTF-8 repaired byte for byte, NUL bytes and empty documents
 * refused, a leading `date YYYY-MM-DD` line taken as the date (max_bytes 0:
 * 64 MiB at most). */
kg_status kg_doc_read_file(kg_arena *a, const char *path, size_t max_bytes, kg_doc *out,
                           kg_error *err);

typedef struct kg_span {
    size_t start; /* byte offset, inclusive */
    size_t end;   /* byte offset, exclusive */
} kg_span;

/* ---------------------------------------------------------------- tokens */

typedef enum kg_token_kind { KG_TOK_WORD, KG_TOK_NUMBER, KG_TOK_PUNCT } kg_token_kind;

typedef struct kg_token {
    size_t start, end; /* bytes in kg_doc.text */
    const char *norm;  /* the token with curly quotes/apostrophes and dashes folded to ASCII */
    kg_token_kind kind;
    bool space_before; /* whitespace precedes the token in the input */
} kg_token;

/* ---------------------------------------------------------------- entities */

typedef enum kg_entity_type {
    KG_ENT_PERSON,
    KG_ENT_ORGANIZATION,
    KG_ENT_COUNTRY,
    KG_ENT_LOCATION
} kg_entity_type;

const char *kg_entity_type_name(kg_entity_type t); /* "person", ... */
/* Parses a name written by kg_entity_type_name; returns false if unknown. */
bool kg_entity_type_parse(const char *s, kg_entity_type *out);

/* How a mention was tied to its entity. */
typedef enum kg_resolution {
    KG_RES_NAME,    /* the name itself, first or fullest form */
    KG_RES_SHORT,   /* a shorter form of an earlier name (surname, title + surname) */
    KG_RES_ALIAS,   /* a known alternative name (iso-codes common name, short form) */
    KG_RES_ACRONYM, /* an acronym defined in the text or by a code list */
    KG_RES_DEMONYM, /* a nationality word standing for its country */
    KG_RES_PRONOUN, /* he/she/his/her resolved to a person */
    KG_RES_ROLE     /* "the prime minister" resolved to the holder of that role */
} kg_resolution;

const char *kg_resolution_name(kg_resolution r);

typedef struct kg_entity {
    const char *id;   /* stable slug of the canonical name: "benjamin-netanyahu" */
    const char *name; /* canonical name, titles stripped */
    kg_entity_type type;
    const char **aliases; /* every distinct surface form seen, in order of first appearance */
    size_t n_aliases;
    const char **roles; /* titles and roles seen: "Prime Minister", "spokesperson" */
    size_t n_roles;
    size_t mentions;     /* number of mentions, resolved pronouns included */
    size_t first_offset; /* byte offset of the first mention */
    size_t first_cp;     /* code-point offset of the first mention */
    char iso2[3];        /* ISO 3166-1 alpha-2 of the country, or tied country; "" if none */
    char iso3[4];
} kg_entity;

typedef struct kg_mention {
    size_t entity;             /* index into kg_document_entities */
    size_t sentence;           /* index into kg_document_sentences */
    size_t tok_start, tok_end; /* token range within the sentence, end exclusive */
    size_t start, end;         /* bytes */
    size_t cp_start, cp_end;   /* code points */
    const char *text;          /* surface text */
    kg_resolution how;
} kg_mention;

/* ---------------------------------------------------------------- triples */

typedef enum kg_triple_source {
    KG_SRC_PARSE,  /* a clause of the dependency tree (verb and its arguments) */
    KG_SRC_PATTERN /* a noun phrase: title, apposition, possessive, role, nominal */
} kg_triple_source;

typedef struct kg_arg {
    const char *text; /* the argument phrase as written */
    long entity;      /* index into kg_document_entities, or -1 */
} kg_arg;

/* A number, percentage, amount of money or date found in an argument,
 * normalized so that two versions of a phrase compare by what they say
 * ("5 per cent" and "5%" are one value; "Monday" in a story dated
 * 2024-01-05 is 2024-01-01). */
typedef enum kg_value_kind {
    KG_VALUE_NUMBER,  /* "22,000", "1.5 million", "five": amount */
    KG_VALUE_PERCENT, /* "5%", "5 per cent": amount 5 */
    KG_VALUE_MONEY,   /* "$3.2bn", "£40 million": amount in units, currency */
    KG_VALUE_DATE     /* "on Monday", "5 January 2024", "March 2023": date */
} kg_value_kind;

typedef struct kg_value {
    kg_value_kind kind;
    double amount;     /* NUMBER, PERCENT, MONEY */
    char currency[4];  /* MONEY: ISO 4217 code ("USD"), "" if unknown */
    char date[11];     /* DATE: "YYYY-MM-DD", "YYYY-MM" or "YYYY" */
    size_t start, end; /* bytes of the value in the argument text */
} kg_value;

/* "number", "percent", "money", "date". */
const char *kg_value_kind_name(kg_value_kind k);
/* Parses a name written by kg_value_kind_name; false if unknown. */
bool kg_value_kind_parse(const char *s, kg_value_kind *out);

typedef struct kg_triple {
    kg_arg subject;
    kg_arg object;
    const char *relation; /* normalized (lemmatized) relation phrase: "communicate to" */
    const char *surface;  /* the relation as written: "communicated to" */
    bool negated;
    bool modal;
    bool attributed;           /* inside reported speech */
    const char *attributed_to; /* the speaker phrase, or NULL */
    double confidence;         /* in [0, 1] */
    size_t sentence;
    kg_triple_source source;
    /* values in the subject's and the object's text, in order (none in an
     * argument that is an entity) */
    const kg_value *subject_values, *object_values;
    size_t n_subject_values, n_object_values;
} kg_triple;

/* ---------------------------------------------------------------- pipeline */

typedef struct kg_resources kg_resources;

typedef struct kg_resources_options {
    const char *data_dir; /* the project's word lists; NULL: $KG_DATA_DIR, then the built-in path */
    bool load_parser;     /* load the tagger and parser (entities alone do not need them) */
} kg_resources_options;

kg_status kg_resources_load(const kg_resources_options *opts, kg_resources **out, kg_error *err);
void kg_resources_free(kg_resources *r);

/* The directories kg reads its word lists and its models from when told
 * none (the data_dir above NULL; kg_ud_model_load(NULL)): $KG_DATA_DIR and
 * $KG_MODEL_DIR when set and not empty; else BIN/../share/kg/data and
 * .../models beside an installed kg or libkg.so; else the build tree's.
 * Looked up afresh at every call, so any thread may ask.  *out is malloc'd;
 * a path too long for the system is a KG_ERR_USAGE naming where it came
 * from ("$KG_DATA_DIR: path longer than 4095 bytes"). */
kg_status kg_resources_data_dir(char **out, kg_error *err);
kg_status kg_resources_model_dir(char **out, kg_error *err);

/* A directory of sentence parses keyed by the words and the model, so a new
 * version of a document re-parses only the sentences that changed; safe to
 * share between processes (see extract/parse_cache.h). */
typedef struct kg_parse_cache kg_parse_cache;
kg_status kg_parse_cache_open(const char *dir, kg_parse_cache **out, kg_error *err);
void kg_parse_cache_close(kg_parse_cache *c);

typedef struct kg_extract_options {
    size_t max_parse_words; /* longer sentences are not parsed and give no triple
                               (default 200; 0: no limit) */
    /* throughput (kg build): */
    bool graph_only;  /* read triples only off sentences that name an entity
                         (pronouns count): the graph keeps no other triple */
    size_t max_bytes; /* largest document accepted (default 64 MiB; 0 means the default) */
    const kg_parse_cache *cache; /* NULL: parse every sentence afresh */
} kg_extract_options;

void kg_extract_options_init(kg_extract_options *o);

typedef struct kg_document kg_document;

/* Reads path ("-" for standard input) and runs the whole first stage. */
kg_status kg_extract_file(const kg_resources *r, const kg_extract_options *o, const char *path,
                          kg_document **out, kg_error *err);
/* Same over a buffer; name is used for the document id and messages. */
kg_status kg_extract_buffer(const kg_resources *r, const kg_extract_options *o, const char *name,
                            const char *data, size_t len, kg_document **out, kg_error *err);

const kg_doc *kg_document_doc(const kg_document *d);
const kg_span *kg_document_sentences(const kg_document *d, size_t *n);
const kg_token *kg_document_tokens(const kg_document *d, size_t sentence, size_t *n);
const kg_entity *kg_document_entities(const kg_document *d, size_t *n);
const kg_mention *kg_document_mentions(const kg_document *d, size_t *n);
const kg_triple *kg_document_triples(const kg_document *d, size_t *n);
/* Code-point offset of a byte offset into the document text. */
size_t kg_document_cp(const kg_document *d, size_t byte_offset);
void kg_document_free(kg_document *d);

/* ---------------------------------------------------------------- throughput
 *
 * For `kg build` over corpora: documents that do not come from a file, and
 * what each stage of a document cost.  Times are CPU seconds of the thread
 * that extracted the document (CLOCK_THREAD_CPUTIME_ID), so they do not
 * count time the thread waited for a core. */

typedef struct kg_extract_stats {
    double read_s;     /* reading, UTF-8 check, date header */
    double split_s;    /* sentences and tokens */
    double entities_s; /* mentions, types, coreference, code-point offsets */
    double parse_s;    /* UD tokens, tags, lemmas and trees (cache lookups included) */
    double triples_s;  /* triples read off the trees */
    size_t bytes;      /* document length */
    size_t sentences;  /* all sentences */
    size_t candidates; /* sentences whose triples were looked for */
    size_t parsed;     /* of those, given a tree */
    size_t cached;     /* ... of which from the parse cache */
    size_t too_long;   /* candidates over max_parse_words, never parsed */
} kg_extract_stats;

/* What extracting d cost; valid until kg_document_free. */
const kg_extract_stats *kg_document_stats(const kg_document *d);
/* Adds every time and count of s to sum. */
void kg_extract_stats_add(kg_extract_stats *sum, const kg_extract_stats *s);

/* One document handed over in memory, as from a JSON Lines record. */
typedef struct kg_extract_input {
    const char *name; /* for messages: "corpus.jsonl:12" */
    const char *id;   /* document id; NULL: derived from name as for a file;
                         "" is refused; bytes that are not UTF-8 become U+FFFD */
    const char *date; /* "YYYY-MM-DD"; NULL or "": from a `date` header in the text */
    const char *data; /* UTF-8 text, need not be NUL-terminated */
    size_t len;
    const char *path; /* set: read this file ("-": standard input), not data */
} kg_extract_input;

/* kg_extract_buffer (or, with in->path, kg_extract_file) with an explicit id
 * and date.  A date that is not YYYY-MM-DD, an empty id, or data longer than
 * o->max_bytes is a KG_ERR_INPUT ("NAME: what"). */
kg_status kg_extract_text(const kg_resources *r, const kg_extract_options *o,
                          const kg_extract_input *in, kg_document **out, kg_error *err);

#ifdef __cplusplus
}
#endif

#endif
