/* model_file.h - the binary layout of trained models (models/en-ud.kgm).
 *
 * A model file is a header (magic "KGMODEL", a byte-order mark, the format
 * version) followed by sections that the tagger, lemmatizer and parser each
 * write and read themselves: a section starts with a four-letter tag, and
 * holds numbers, strings and arrays, every array 8-aligned so that a loaded
 * model uses the file's bytes in place instead of copying them.  The reader
 * checks every count against the bytes left, so a truncated or foreign file
 * is an error, never an out-of-bounds read; callers check indices they read
 * against the sizes they read.
 */
#ifndef KG_MODEL_FILE_H
#define KG_MODEL_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "kg/base.h"

#define KG_MODEL_VERSION 2u  /* 2: the WordNet classes (WNET) */

/* A growing buffer a model is written into, then saved in one write. */
typedef struct kg_mbuf {
    unsigned char *data;
    size_t len, cap;
    bool failed;          /* an allocation failed; the buffer is no longer used */
} kg_mbuf;

void kg_mbuf_init(kg_mbuf *b);        /* writes the header */
void kg_mbuf_free(kg_mbuf *b);
void kg_mbuf_tag(kg_mbuf *b, const char tag[4]);
void kg_mbuf_u64(kg_mbuf *b, uint64_t v);
void kg_mbuf_f32(kg_mbuf *b, float v);
void kg_mbuf_str(kg_mbuf *b, const char *s);
/* count items of size bytes each, padded to 8 bytes. */
void kg_mbuf_array(kg_mbuf *b, const void *items, size_t size, size_t count);
/* Saves to path through a temporary file and rename. */
kg_status kg_mbuf_save(const kg_mbuf *b, const char *path, kg_error *err);

/* Reading: a cursor over the whole file in memory.  Once a read fails, every
 * later read fails too and returns zeros/NULL, so a loader checks ok once per
 * section instead of after every field. */
typedef struct kg_mread {
    const unsigned char *data;
    size_t len, pos;
    const char *path;     /* for messages */
    bool bad;
    char why[128];        /* the first failure */
} kg_mread;

/* A model file's bytes: mapped read-only where the file can be (a model
 * loads without copying its tens of megabytes), else read into memory. */
typedef struct kg_mfile {
    unsigned char *data;
    size_t len;
    bool mapped;
} kg_mfile;

/* Loads path into *f (closed with kg_mfile_close once nothing points into
 * it) and checks the header. */
kg_status kg_mread_open(const char *path, kg_mfile *f, kg_mread *r, kg_error *err);
void kg_mfile_close(kg_mfile *f);
bool kg_mread_tag(kg_mread *r, const char tag[4]);
uint64_t kg_mread_u64(kg_mread *r);
float kg_mread_f32(kg_mread *r);
const char *kg_mread_str(kg_mread *r);   /* NUL-terminated, in place */
const void *kg_mread_array(kg_mread *r, size_t size, size_t count);
/* A u64 that must be at most max (a count or an index). */
size_t kg_mread_count(kg_mread *r, size_t max);
void kg_mread_fail(kg_mread *r, const char *why);
/* KG_OK, or the first failure as "PATH: not a usable kg model: WHY". */
kg_status kg_mread_status(const kg_mread *r, kg_error *err);

#endif
