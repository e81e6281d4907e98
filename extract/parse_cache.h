/* parse_cache.h - link-grammar results kept on disk, one file per sentence.
 *
 * Parsing is most of the cost of extraction, and a new version of an article
 * repeats most of the old one's sentences; the cache lets the second run parse
 * only the sentences that changed.  An entry is keyed by everything that
 * decides kg_parser_parse's answer (kg_parse_cache_key): the string handed to
 * link-grammar, the token each of its words maps back to, the time limit, and
 * the kg and link-grammar versions.  The file name is the SHA-256 of the key
 * in hex; the entry stores the full key too, so a hash collision reads as a
 * miss rather than as another sentence's parse.
 *
 * Safe for several processes and threads sharing a directory: an entry is
 * written to a temporary file in the same directory and renamed into place,
 * so a reader sees a whole entry or none.  An entry carries a SHA-256 of its
 * body; one that is truncated, corrupt or from another format version is
 * treated as a miss, and the next put replaces it.  Entries are not fsynced:
 * a crash can lose one, never hand back a wrong one.
 *
 * Nothing is ever deleted: remove the directory to empty the cache.
 */
#ifndef KG_PARSE_CACHE_H
#define KG_PARSE_CACHE_H

#include <stdbool.h>

#include "kg/extract.h"
#include "parser.h"

/* Bumped whenever parser.c changes what it returns for the same input, or
 * the entry layout changes; it is part of every key. */
#define KG_PARSE_CACHE_FORMAT 1

typedef struct kg_parse_cache kg_parse_cache;

/* Opens (creating it and missing parents if need be) the cache directory. */
kg_status kg_parse_cache_open(const char *dir, kg_parse_cache **out, kg_error *err);
void kg_parse_cache_close(kg_parse_cache *c);
const char *kg_parse_cache_dir(const kg_parse_cache *c);

/* The key for one kg_parser_parse call with the same arguments, in a:
 * a header line (format, kg and link-grammar versions, time limit), the
 * sentence as link-grammar will read it, and where each kept token starts in
 * it.  NULL when out of memory. */
char *kg_parse_cache_key(kg_arena *a, const kg_token *tokens, size_t n, const bool *skip,
                         int seconds);

/* True on a hit: *result is what the parser said (KG_PARSE_OK, NONE or
 * TIMEOUT) and, for KG_PARSE_OK, *out the linkage, allocated in a.  False on
 * a miss, an unreadable or corrupt entry, or when out of memory. */
bool kg_parse_cache_get(const kg_parse_cache *c, const char *key, kg_arena *a,
                        kg_parse_result *result, kg_linkage *out);

/* Stores the parser's answer for key (lk is read only for KG_PARSE_OK and
 * may be NULL otherwise).  A failure leaves the cache as it was; callers may
 * ignore it, as the cache is only an optimisation. */
kg_status kg_parse_cache_put(const kg_parse_cache *c, const char *key, kg_parse_result result,
                             const kg_linkage *lk, kg_error *err);

/* SHA-256 of data as 64 lowercase hex digits and a NUL (exposed for tests). */
void kg_parse_cache_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
