/* parse_cache.h - UD annotations kept on disk, one file per sentence.
 *
 * Tagging and parsing are most of the cost of extraction, and a new version
 * of an article repeats most of the old one's sentences; the cache lets the
 * second run annotate only the sentences that changed.  An entry is keyed by
 * everything that decides kg_ud_annotate's answer (kg_parse_cache_key): the
 * sentence's word forms, the model (named by the caller, file size and mtime
 * included, so a retrained model misses), and the kg version and cache format,
 * which stand for the code.  The file name is the SHA-256 of the key in hex;
 * the entry stores the full key too, so a hash collision reads as a miss
 * rather than as another sentence's annotation.
 *
 * Safe for several processes and threads sharing a directory: an entry is
 * written to a temporary file in the same directory and renamed into place,
 * so a reader sees a whole entry or none.  An entry carries a SHA-256 of its
 * body; one that is truncated, corrupt, from another format version, or not
 * a complete tree over the sentence's words is treated as a miss, and the
 * next put replaces it.  Entries are not fsynced: a crash can lose one, never
 * hand back a wrong one.
 *
 * Nothing is ever deleted: remove the directory to empty the cache.
 */
#ifndef KG_PARSE_CACHE_H
#define KG_PARSE_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "kg/parse.h"

/* Bumped whenever the tagger or parser code changes what it returns for the
 * same model and forms, or the key or entry layout changes; it is part of
 * every key. */
#define KG_PARSE_CACHE_FORMAT 2

typedef struct kg_parse_cache kg_parse_cache;

/* Opens (creating it and missing parents if need be) the cache directory. */
kg_status kg_parse_cache_open(const char *dir, kg_parse_cache **out, kg_error *err);
void kg_parse_cache_close(kg_parse_cache *c);
const char *kg_parse_cache_dir(const kg_parse_cache *c);

/* The key of one sentence's annotation, in a: a header line (cache format,
 * kg version KG_VERSION and model_id) and the word forms of words[0..n) one
 * per line, with backslash and newline escaped so that no two sentences share
 * a key.  model_id names the model that annotates (the caller passes
 * kg_ud_model_name(m) plus the model file's size and mtime, already
 * formatted, e.g. "en-ud 1 (...) 47878408 1764686000").  NULL when out of
 * memory, or when model_id or a form is NULL. */
char *kg_parse_cache_key(kg_arena *a, const char *model_id, const kg_ud_word *words, size_t n);

/* True on a hit: lemma, upos, xpos, head and deprel of words[0..n) are set
 * from the entry (strings in a; a NULL lemma or xpos stays NULL); the forms
 * and offsets are left as they are.  A hit is a complete tree, as
 * kg_ud_annotate promises.  False on a miss, an entry for another number of
 * words, an unreadable or corrupt entry, or when out of memory (words then
 * unchanged). */
bool kg_parse_cache_get(const kg_parse_cache *c, const char *key, kg_arena *a, kg_ud_word *words,
                        size_t n);

/* Stores lemma, upos, xpos, head and deprel of words[0..n) for key.  Words
 * without upos or deprel, or whose heads are not a complete tree, are a
 * KG_ERR_USAGE.  A failure leaves the cache as it was; callers may ignore it,
 * as the cache is only an optimisation. */
kg_status kg_parse_cache_put(const kg_parse_cache *c, const char *key, const kg_ud_word *words,
                             size_t n, kg_error *err);

/* SHA-256 of data as 64 lowercase hex digits and a NUL (exposed for tests). */
void kg_parse_cache_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
