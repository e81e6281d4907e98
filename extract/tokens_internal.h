/* tokens_internal.h - what the two tokenizers share: tokens.c holds the
 * decoding, clitics, acronyms, abbreviation periods, normalization and the
 * loop that drives a tokenizer (kg_tokens_run) along with the entity
 * finder's own kg_token_step; tokens_ud.c holds the rules of the UD treebanks,
 * built from those pieces.  The character tests are inline here because
 * both run them on every byte.  Nothing but those two files includes it:
 * the contract is tokens.h. */
#ifndef KG_TOKENS_INTERNAL_H
#define KG_TOKENS_INTERNAL_H

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "kg/extract.h"

typedef struct kg_tokenizer {
    kg_arena *a;
    const char *t;
    size_t end; /* end of the sentence */
    kg_vec toks;
    bool single_open; /* a ‘ is open, so a ’ after "s" closes it */
    bool fold_dashes; /* norm writes – — as "-" (see normalize) */
} kg_tokenizer;

/* Emits the token at i (after whitespace when space; right after a word or
 * number when glued) and returns its end, or 0 on allocation failure. */
typedef size_t (*kg_token_step)(kg_tokenizer *tk, size_t i, bool glued, bool space);

/* What may join two parts of a word at t[i]: joiner_len (tokens.c) or
 * ud_joiner_len (tokens_ud.c). */
typedef size_t (*kg_joiner_fn)(const char *t, size_t p, size_t i, size_t end, size_t *stop,
                               bool *hyphen);

/* ------------------------------------------------------------ characters */

/* Decodes the code point at t[i]; an invalid byte (the reader repairs them,
 * but callers may pass any text) is one code point of its own, -1. */
static inline size_t decode(const char *t, size_t i, size_t end, utf8proc_int32_t *cp)
{
    unsigned char c = (unsigned char)t[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(end - i), cp);
    if (n <= 0) {
        *cp = -1;
        return 1;
    }
    return (size_t)n;
}

static inline bool cp_is_letter(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Letters and numbers start a word; combining marks only continue one. */
static inline bool cp_is_word(utf8proc_int32_t cp, bool first)
{
    if (cp < 0)
        return false;
    if (cp < 0x80)
        return cp_is_letter(cp) || (cp >= '0' && cp <= '9');
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
        return true;
    if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)
        return true;
    return !first && cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
}

/* Length of a word code point at t[i], or 0 (also at the end). */
static inline size_t word_len(const char *t, size_t i, size_t end, bool first)
{
    if (i >= end)
        return 0;
    utf8proc_int32_t cp;
    size_t n = decode(t, i, end, &cp);
    return cp_is_word(cp, first) ? n : 0;
}

static inline bool letter_at(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return false;
    utf8proc_int32_t cp;
    decode(t, i, end, &cp);
    return cp_is_letter(cp);
}

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_e2_80(const char *t, size_t i, size_t end, unsigned char last)
{
    return end - i >= 3 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == last;
}

/* ' or ’ */
static inline size_t apostrophe_len(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    if (t[i] == '\'')
        return 1;
    return is_e2_80(t, i, end, 0x99) ? 3 : 0;
}

/* - and the Unicode hyphens U+2010, U+2011 (not the dashes, which separate). */
static inline size_t hyphen_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '-')
        return 1;
    return (is_e2_80(t, i, end, 0x90) || is_e2_80(t, i, end, 0x91)) ? 3 : 0;
}

static inline bool ascii_ieq(const char *t, size_t i, size_t end, const char *lower)
{
    size_t n = strlen(lower);
    if (end - i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if ((t[i + k] | 0x20) != lower[k])
            return false;
    return true;
}

static inline size_t run_len(const char *t, size_t i, size_t end, char c)
{
    size_t k = i;
    while (k < end && t[k] == c)
        k++;
    return k - i;
}

/* ------------------------------------------------------------ shared pieces (tokens.c) */

/* A digit separator at t[i]: "." before a digit, "," before exactly three. */
bool kg_tokens_digit_separator(const char *t, size_t i, size_t end);

/* Length of the apostrophe at t[i] (i > p) if it joins two parts of one
 * word (O’Brien), or 0.  One that starts a clitic ends the word; for n't the
 * stem ends one byte earlier, which *stop reports. */
size_t kg_tokens_apostrophe_joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop);

/* Scans the word starting at p, its parts held together by join; returns
 * its end. */
size_t kg_tokens_scan_word(const char *t, size_t p, size_t end, kg_joiner_fn join, bool *hyphen);

/* Length of the dotted acronym at p ("U.S." "p.m." "U.S.A"), or 0. */
size_t kg_tokens_acronym_len(const char *t, size_t p, size_t end);

/* Whether the period at dot ends the sentence: only closing quotes,
 * brackets and whitespace follow it. */
bool kg_tokens_final_period(const char *t, size_t dot, size_t end);

/* Whether the word [p, q) keeps the period at q: an initial or an
 * abbreviation the sentence splitter knows, not at the sentence's end. */
bool kg_tokens_keeps_period(const char *t, size_t p, size_t q, size_t end);

/* The clitic glued to the word that ends at i, or 0. */
size_t kg_tokens_glued_clitic_len(const kg_tokenizer *tk, size_t i);

/* Appends the token [s, e) with its norm; false when out of memory. */
bool kg_tokens_push(kg_tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space);

/* Length of the punctuation token at i; tracks ‘ ’ pairs. */
size_t kg_tokens_punct_token(kg_tokenizer *tk, size_t i);

/* Runs step over the sentence and hands out the tokens, in tk's arena. */
kg_status kg_tokens_run(kg_tokenizer *tk, kg_span sentence, kg_token_step step, kg_token **out,
                        size_t *n, kg_error *err);

#endif
