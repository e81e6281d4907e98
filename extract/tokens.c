/* tokens.c - splits one sentence into words, numbers and punctuation.
 *
 * A word is a run of letters, digits and combining marks (any script, by
 * utf8proc category), held together by in-word hyphens (right-wing), digit
 * separators (22,000  3.5) and apostrophes between letters (O’Brien).  Clitics
 * are split off Penn-Treebank style, because the parser and the entity finder
 * both want the stem alone: `’s 're 've 'll 'd 'm`, `n't` (don’t -> do n’t) and
 * the bare apostrophe of a plural possessive (Palestinians’).  Those clitic
 * tokens are KG_TOK_WORD.
 *
 * A period stays on a word that is a dotted acronym (U.S.), a single letter
 * (J.) or an abbreviation the sentence splitter knows (Mr.), except at the end
 * of the sentence, where it is the sentence's own token; dotted acronyms keep
 * it even there, because "U.S" would no longer be the country's name.
 * Everything else that is not whitespace is punctuation, one token per code
 * point (emoji included), except that runs of '.' or '-' ("..." "--") stay
 * together.  A token that starts with a digit and has no hyphen is a number
 * (1990s  4.25); "$" is punctuation of its own.
 */
#include "tokens.h"

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "sentences.h"

/* The longest dotted acronym kept as one token; the sentence splitter looks
 * no further back than 16 bytes (8 letters) for one either. */
#define MAX_ACRONYM_LETTERS 8

typedef struct tokenizer {
    kg_arena *a;
    const char *t;
    size_t end; /* end of the sentence */
    kg_vec toks;
    bool single_open; /* a ‘ is open, so a ’ after "s" closes it */
} tokenizer;

/* ------------------------------------------------------------ characters */

/* Decodes the code point at t[i]; an invalid byte (the reader repairs them,
 * but callers may pass any text) is one code point of its own, -1. */
static size_t decode(const char *t, size_t i, size_t end, utf8proc_int32_t *cp)
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

static bool cp_is_space(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cp == 0xFEFF || cp == 0x85 || cat == UTF8PROC_CATEGORY_ZS ||
           cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

static size_t space_len(const char *t, size_t i, size_t end)
{
    utf8proc_int32_t cp;
    size_t n = decode(t, i, end, &cp);
    return cp_is_space(cp) ? n : 0;
}

/* Whether the code point just before t[i] is whitespace (looks outside the
 * sentence, since spans are trimmed). */
static bool space_before(const char *t, size_t i)
{
    if (i == 0)
        return false;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)t[j] & 0xC0) == 0x80)
        j--;
    utf8proc_int32_t cp;
    return decode(t, j, i, &cp) == i - j && cp_is_space(cp);
}

static bool cp_is_letter(utf8proc_int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* Letters and numbers start a word; combining marks only continue one. */
static bool cp_is_word(utf8proc_int32_t cp, bool first)
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
static size_t word_len(const char *t, size_t i, size_t end, bool first)
{
    if (i >= end)
        return 0;
    utf8proc_int32_t cp;
    size_t n = decode(t, i, end, &cp);
    return cp_is_word(cp, first) ? n : 0;
}

static bool letter_at(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return false;
    utf8proc_int32_t cp;
    decode(t, i, end, &cp);
    return cp_is_letter(cp);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_e2_80(const char *t, size_t i, size_t end, unsigned char last)
{
    return end - i >= 3 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == last;
}

/* ' or ’ */
static size_t apostrophe_len(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    if (t[i] == '\'')
        return 1;
    return is_e2_80(t, i, end, 0x99) ? 3 : 0;
}

/* - and the Unicode hyphens U+2010, U+2011 (not the dashes, which separate). */
static size_t hyphen_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '-')
        return 1;
    return (is_e2_80(t, i, end, 0x90) || is_e2_80(t, i, end, 0x91)) ? 3 : 0;
}

/* ------------------------------------------------------------ clitics */

static bool ascii_ieq(const char *t, size_t i, size_t end, const char *lower)
{
    size_t n = strlen(lower);
    if (end - i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if ((t[i + k] | 0x20) != lower[k])
            return false;
    return true;
}

/* `'s 're 've 'll 'd 'm` at t[i], not followed by more word: its length. */
static size_t clitic_len(const char *t, size_t i, size_t end)
{
    static const char *const SUFFIXES[] = {"s", "re", "ve", "ll", "d", "m"};
    size_t ap = apostrophe_len(t, i, end);
    if (ap == 0)
        return 0;
    for (size_t k = 0; k < sizeof SUFFIXES / sizeof SUFFIXES[0]; k++) {
        size_t n = strlen(SUFFIXES[k]);
        if (ascii_ieq(t, i + ap, end, SUFFIXES[k]) && word_len(t, i + ap + n, end, false) == 0)
            return ap + n;
    }
    return 0;
}

/* `n't` at t[i], not followed by more word: its length. */
static size_t nt_len(const char *t, size_t i, size_t end)
{
    if (i >= end || (t[i] | 0x20) != 'n')
        return 0;
    size_t ap = apostrophe_len(t, i + 1, end);
    if (ap == 0 || i + 1 + ap >= end || (t[i + 1 + ap] | 0x20) != 't')
        return 0;
    size_t n = 2 + ap;
    return word_len(t, i + n, end, false) == 0 ? n : 0;
}

/* ------------------------------------------------------------ words */

/* A digit separator: "." before a digit, "," before exactly three. */
static bool digit_separator(const char *t, size_t i, size_t end)
{
    if (t[i] == '.')
        return i + 1 < end && is_digit(t[i + 1]);
    if (t[i] != ',' || end - i < 4)
        return false;
    if (!is_digit(t[i + 1]) || !is_digit(t[i + 2]) || !is_digit(t[i + 3]))
        return false;
    return i + 4 == end || !is_digit(t[i + 4]);
}

/* Length of what joins two parts of one word at t[i] (i > p), or 0.  An
 * apostrophe that starts a clitic ends the word; for n't the stem ends one
 * byte earlier, which *stop reports. */
static size_t joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop, bool *hyphen)
{
    size_t n = hyphen_len(t, i, end);
    if (n && word_len(t, i + n, end, true)) {
        *hyphen = true;
        return n;
    }
    if ((t[i] == '.' || t[i] == ',') && is_digit(t[i - 1]) && digit_separator(t, i, end))
        return 1;
    n = apostrophe_len(t, i, end);
    if (n == 0 || clitic_len(t, i, end))
        return 0;
    if (i - 1 > p && nt_len(t, i - 1, end)) {
        *stop = i - 1;
        return 0;
    }
    return letter_at(t, i + n, end) ? n : 0; /* O’Brien */
}

/* Scans the word starting at p; returns its end. */
static size_t scan_word(const char *t, size_t p, size_t end, bool *hyphen)
{
    size_t i = p, n;
    while (i < end) {
        if ((n = word_len(t, i, end, i == p)) > 0) {
            i += n;
            continue;
        }
        size_t stop = i;
        if (i == p || (n = joiner_len(t, p, i, end, &stop, hyphen)) == 0)
            return stop;
        i += n;
    }
    return i;
}

/* "U.S." "p.m." "U.S.A": single ASCII letters joined by periods, at least
 * two and at most MAX_ACRONYM_LETTERS, not run into a longer word nor the
 * tail of a longer run ("A.B.C." after "X.Y.").  Returns the length or 0.
 * Both rules keep tokenizing linear: a run like "a.a.a.(...)a.ab" was
 * rescanned to its end from each of its letters. */
static size_t acronym_len(const char *t, size_t p, size_t end)
{
    if (p >= 2 && t[p - 1] == '.' && (unsigned char)t[p - 2] < 0x80 && letter_at(t, p - 2, end))
        return 0;
    size_t i = p, letters = 0;
    while (i + 1 < end && (unsigned char)t[i] < 0x80 && letter_at(t, i, end) && t[i + 1] == '.') {
        if (++letters > MAX_ACRONYM_LETTERS)
            return 0;
        i += 2;
    }
    if (i < end && (unsigned char)t[i] < 0x80 && letter_at(t, i, end) && letters > 0 &&
        word_len(t, i + 1, end, false) == 0) {
        letters++; /* "U.S.A" without the last period */
        i++;
    }
    if (letters < 2 || word_len(t, i, end, false) > 0)
        return 0;
    return i - p;
}

static size_t closer_len(const char *t, size_t i, size_t end)
{
    if (t[i] == '"' || t[i] == '\'' || t[i] == ')' || t[i] == ']' || t[i] == '}')
        return 1;
    if (is_e2_80(t, i, end, 0x9D) || is_e2_80(t, i, end, 0x99) || is_e2_80(t, i, end, 0xBA))
        return 3;
    if (end - i >= 2 && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xBB)
        return 2;
    return 0;
}

/* Whether the period at dot ends the sentence: only closing quotes,
 * brackets and whitespace follow it. */
static bool final_period(const char *t, size_t dot, size_t end)
{
    size_t i = dot + 1, n;
    while (i < end && ((n = closer_len(t, i, end)) > 0 || (n = space_len(t, i, end)) > 0))
        i += n;
    return i >= end;
}

/* Whether the word [p, q) keeps the period at q. */
static bool keeps_period(const char *t, size_t p, size_t q, size_t end)
{
    if (q >= end || t[q] != '.' || (q + 1 < end && t[q + 1] == '.'))
        return false;
    if (final_period(t, q, end))
        return false;
    utf8proc_int32_t cp;
    if (decode(t, p, q, &cp) == q - p && cp_is_letter(cp))
        return true; /* an initial */
    return kg_sentences_is_abbreviation(t + p, q - p);
}

/* ------------------------------------------------------------ tokens */

static size_t run_len(const char *t, size_t i, size_t end, char c)
{
    size_t k = i;
    while (k < end && t[k] == c)
        k++;
    return k - i;
}

/* The clitic glued to the word that ends at i, or 0. */
static size_t glued_clitic_len(const tokenizer *tk, size_t i)
{
    const char *t = tk->t;
    size_t n = clitic_len(t, i, tk->end);
    if (n == 0)
        n = nt_len(t, i, tk->end);
    if (n > 0)
        return n;
    /* plural possessive: Palestinians’ (unless it closes a ‘quote’) */
    n = apostrophe_len(t, i, tk->end);
    if (n && !tk->single_open && (t[i - 1] | 0x20) == 's' &&
        word_len(t, i + n, tk->end, false) == 0)
        return n;
    return 0;
}

/* Folds curly quotes and dashes to ASCII; every fold shortens, so len + 1
 * bytes always suffice. */
static const char *normalize(kg_arena *a, const char *s, size_t len)
{
    char *d = kg_arena_alloc(a, len + 1);
    if (!d)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_e2_80(s, i, len, 0x98) || is_e2_80(s, i, len, 0x99))
            d[o++] = '\'';
        else if (is_e2_80(s, i, len, 0x9C) || is_e2_80(s, i, len, 0x9D))
            d[o++] = '"';
        else if (is_e2_80(s, i, len, 0x93) || is_e2_80(s, i, len, 0x94))
            d[o++] = '-';
        else {
            d[o++] = s[i];
            continue;
        }
        i += 2;
    }
    d[o] = '\0';
    return d;
}

static bool push(tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space)
{
    const char *norm = normalize(tk->a, tk->t + s, e - s);
    if (!norm)
        return false;
    kg_token tok = {.start = s, .end = e, .norm = norm, .kind = kind, .space_before = space};
    return kg_vec_push(&tk->toks, &tok) != NULL;
}

/* Length and kind of the word or number at i. */
static size_t word_token(const tokenizer *tk, size_t i, kg_token_kind *kind)
{
    size_t n = acronym_len(tk->t, i, tk->end);
    if (n > 0) {
        *kind = KG_TOK_WORD;
        return n;
    }
    bool hyphen = false;
    size_t q = scan_word(tk->t, i, tk->end, &hyphen);
    *kind = is_digit(tk->t[i]) && !hyphen ? KG_TOK_NUMBER : KG_TOK_WORD;
    if (keeps_period(tk->t, i, q, tk->end))
        q++;
    return q - i;
}

/* Length of the punctuation token at i; tracks ‘ ’ pairs. */
static size_t punct_token(tokenizer *tk, size_t i)
{
    const char *t = tk->t;
    if (t[i] == '.' || t[i] == '-')
        return run_len(t, i, tk->end, t[i]);
    if (is_e2_80(t, i, tk->end, 0x98))
        tk->single_open = true;
    else if (is_e2_80(t, i, tk->end, 0x99))
        tk->single_open = false;
    utf8proc_int32_t cp;
    return decode(t, i, tk->end, &cp);
}

/* Emits the token at i and returns its end, or 0 on allocation failure. */
static size_t next_token(tokenizer *tk, size_t i, bool glued, bool space)
{
    kg_token_kind kind = KG_TOK_PUNCT;
    size_t n = glued ? glued_clitic_len(tk, i) : 0;
    if (n > 0)
        kind = KG_TOK_WORD;
    else if (word_len(tk->t, i, tk->end, true) > 0)
        n = word_token(tk, i, &kind);
    else
        n = punct_token(tk, i);
    return push(tk, i, i + n, kind, space) ? i + n : 0;
}

kg_status kg_tokens_split(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                          size_t *n, kg_error *err)
{
    *out = NULL;
    *n = 0;
    if (sentence.start > sentence.end)
        return kg_error_set(err, KG_ERR_USAGE, "tokens: span %zu-%zu is reversed", sentence.start,
                            sentence.end);
    tokenizer tk = {.a = a, .t = text, .end = sentence.end};
    kg_vec_init(&tk.toks, sizeof(kg_token));
    size_t i = sentence.start, word_end = (size_t)-1;
    bool space = space_before(text, i), ok = true;
    while (ok && i < sentence.end) {
        size_t sl = space_len(text, i, sentence.end);
        if (sl > 0) {
            space = true;
            i += sl;
            continue;
        }
        size_t e = next_token(&tk, i, i == word_end, space);
        ok = e != 0;
        if (ok) {
            const kg_token *last = kg_vec_at(&tk.toks, tk.toks.len - 1);
            word_end = last->kind != KG_TOK_PUNCT ? e : (size_t)-1;
        }
        i = e;
        space = false;
    }
    if (ok && tk.toks.len > 0) {
        *out = kg_arena_alloc(a, tk.toks.len * sizeof(kg_token));
        ok = *out != NULL;
        if (ok) {
            memcpy(*out, tk.toks.items, tk.toks.len * sizeof(kg_token));
            *n = tk.toks.len;
        }
    }
    kg_vec_free(&tk.toks);
    return ok ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "tokens: out of memory");
}
