/* text.h - reading an article's characters, in one place: decoding a code
 * point, what counts as whitespace, and which marks are quotation marks.
 *
 * Invalid UTF-8 decodes as U+FFFD one byte at a time, so a walk over any
 * bytes advances and ends.
 *
 * The reader (trimming), the sentence splitter and both tokenizers must
 * agree on it, or a span one trims another keeps: ASCII space and \t-\r,
 * NEL, the byte-order mark, and Unicode's space, line and paragraph
 * separators (categories Zs, Zl, Zp).  Bytes that are not UTF-8 are not
 * whitespace.
 */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point at t[i] (i < end) in *cp, U+FFFD for invalid UTF-8;
 * returns its byte length, at least 1. */
size_t kg_text_decode(const char *t, size_t i, size_t end, int32_t *cp);

bool kg_text_is_space(int32_t cp);
/* Byte length of the whitespace code point at t[i] (i < end), or 0. */
size_t kg_text_space_len(const char *t, size_t i, size_t end);
/* The first i' >= i that starts no whitespace (or end). */
size_t kg_text_skip_space(const char *t, size_t i, size_t end);
/* Byte length of the whitespace code point that ends just before e (lo <= e:
 * looks no further back than lo), or 0. */
size_t kg_text_space_len_before(const char *t, size_t lo, size_t e);

/* Byte length of the opening quotation mark at t[i] (i < end): " ' “ ‘ ‹ «;
 * or 0.  The straight quotes open and close: both lists hold them. */
size_t kg_text_open_quote_len(const char *t, size_t i, size_t end);
/* Byte length of the closing quotation mark at t[i] (i < end): " ' ” ’ › »;
 * or 0. */
size_t kg_text_close_quote_len(const char *t, size_t i, size_t end);

#endif
