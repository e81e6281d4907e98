/* reader.h - loads one document: bytes, UTF-8 check, optional date header.
 *
 * The reader never changes the length of the text, so byte offsets into
 * kg_doc.text are offsets into the original file.  Invalid UTF-8 bytes are
 * replaced one for one by '?' and counted (the caller warns); NUL bytes mean
 * binary data and are refused; an empty or whitespace-only body is refused.
 * A leading `date YYYY-MM-DD` (after optional whitespace, followed by
 * whitespace or end of input) becomes kg_doc.date and body_start skips it.
 */
#ifndef KG_READER_H
#define KG_READER_H

#include "kg/extract.h"

/* Largest document accepted, in bytes, unless the caller asks otherwise. */
#define KG_READER_MAX_BYTES ((size_t)64 * 1024 * 1024)

/* path "-" reads standard input.  All memory comes from the arena. */
kg_status kg_reader_read_file(kg_arena *a, const char *path, size_t max_bytes, kg_doc *out,
                              kg_error *err);
/* The bytes of the file at path ("-": standard input) as they are, in a
 * malloc'd buffer the caller frees; more than max_bytes is a KG_ERR_INPUT. */
kg_status kg_reader_read_bytes(const char *path, size_t max_bytes, char **buf, size_t *len,
                               kg_error *err);
/* id in the arena, each byte that is not part of valid UTF-8 as U+FFFD, as
 * kg_extract_doc_id makes ids from file names; NULL when out of memory. */
const char *kg_reader_id(kg_arena *a, const char *id);
/* name is used as path and for the id. data need not be NUL-terminated. */
kg_status kg_reader_read_buffer(kg_arena *a, const char *name, const char *data, size_t len,
                                kg_doc *out, kg_error *err);

/* Line and column (1-based, column in code points) of a byte offset, for messages. */
void kg_reader_position(const char *text, size_t offset, size_t *line, size_t *col);

#endif
