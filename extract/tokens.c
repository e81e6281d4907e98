/* tokens.c - splits one sentence into words, numbers and punctuation for the
 * entity finder (kg_tokens_split), and holds the pieces that the UD
 * tokenizer of tokens_ud.c builds on (tokens_internal.h): clitics,
 * acronyms, abbreviation periods, normalization and the loop that drives
 * either tokenizer (kg_tokens_run); each has its own kg_token_step.
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
#include "tokens_internal.h"

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

#include "sentences.h"
#include "text.h"

/* The longest dotted acronym kept as one token; the sentence splitter looks
 * no further back than 16 bytes (8 letters) for one either. */
#define MAX_ACRONYM_LETTERS 8

/* ------------------------------------------------------------ clitics */

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
bool kg_tokens_digit_separator(const char *t, size_t i, size_t end)
{
    if (t[i] == '.')
        return i + 1 < end && is_digit(t[i + 1]);
    if (t[i] != ',' || end - i < 4)
        return false;
    if (!is_digit(t[i + 1]) || !is_digit(t[i + 2]) || !is_digit(t[i + 3]))
        return false;
    return i + 4 == end || !is_digit(t[i + 4]);
}

/* Length of the apostrophe at t[i] (i > p) if it joins two parts of one
 * word (O’Brien), or 0.  One that starts a clitic ends the word; for n't the
 * stem ends one byte earlier, which *stop reports. */
size_t kg_tokens_apostrophe_joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop)
{
    size_t n = apostrophe_len(t, i, end);
    if (n == 0 || clitic_len(t, i, end))
        return 0;
    if (i - 1 > p && nt_len(t, i - 1, end)) {
        *stop = i - 1;
        return 0;
    }
    return letter_at(t, i + n, end) ? n : 0;
}

/* Length of what joins two parts of one word at t[i] (i > p), or 0: a
 * hyphen (reported in *hyphen), a digit separator or an apostrophe. */
static size_t joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop, bool *hyphen)
{
    size_t n = hyphen_len(t, i, end);
    if (n && word_len(t, i + n, end, true)) {
        *hyphen = true;
        return n;
    }
    if ((t[i] == '.' || t[i] == ',') && is_digit(t[i - 1]) && kg_tokens_digit_separator(t, i, end))
        return 1;
    return kg_tokens_apostrophe_joiner_len(t, p, i, end, stop);
}

/* Scans the word starting at p, its parts held together by join; returns
 * its end. */
size_t kg_tokens_scan_word(const char *t, size_t p, size_t end, kg_joiner_fn join, bool *hyphen)
{
    size_t i = p, n;
    while (i < end) {
        if ((n = word_len(t, i, end, i == p)) > 0) {
            i += n;
            continue;
        }
        size_t stop = i;
        if (i == p || (n = join(t, p, i, end, &stop, hyphen)) == 0)
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
size_t kg_tokens_acronym_len(const char *t, size_t p, size_t end)
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
    if (t[i] == ')' || t[i] == ']' || t[i] == '}')
        return 1;
    return kg_text_close_quote_len(t, i, end);
}

/* Whether the period at dot ends the sentence: only closing quotes,
 * brackets and whitespace follow it. */
bool kg_tokens_final_period(const char *t, size_t dot, size_t end)
{
    size_t i = dot + 1, n;
    while (i < end && ((n = closer_len(t, i, end)) > 0 || (n = kg_text_space_len(t, i, end)) > 0))
        i += n;
    return i >= end;
}

/* Whether the word [p, q) keeps the period at q. */
bool kg_tokens_keeps_period(const char *t, size_t p, size_t q, size_t end)
{
    if (q >= end || t[q] != '.' || (q + 1 < end && t[q + 1] == '.'))
        return false;
    if (kg_tokens_final_period(t, q, end))
        return false;
    utf8proc_int32_t cp;
    if (decode(t, p, q, &cp) == q - p && cp_is_letter(cp))
        return true; /* an initial */
    return kg_sentences_is_abbreviation(t + p, q - p);
}

/* ------------------------------------------------------------ tokens */

/* The clitic glued to the word that ends at i, or 0. */
size_t kg_tokens_glued_clitic_len(const kg_tokenizer *tk, size_t i)
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

/* Folds curly quotes, and with fold_dashes the en and em dashes, to ASCII;
 * every fold shortens, so len + 1 bytes always suffice. */
static const char *normalize(kg_arena *a, const char *s, size_t len, bool fold_dashes)
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
        else if (fold_dashes && (is_e2_80(s, i, len, 0x93) || is_e2_80(s, i, len, 0x94)))
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

bool kg_tokens_push(kg_tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space)
{
    const char *norm = normalize(tk->a, tk->t + s, e - s, tk->fold_dashes);
    if (!norm)
        return false;
    kg_token tok = {.start = s, .end = e, .norm = norm, .kind = kind, .space_before = space};
    return kg_vec_push(&tk->toks, &tok) != NULL;
}

/* Length and kind of the word or number at i. */
static size_t word_token(const kg_tokenizer *tk, size_t i, kg_token_kind *kind)
{
    size_t n = kg_tokens_acronym_len(tk->t, i, tk->end);
    if (n > 0) {
        *kind = KG_TOK_WORD;
        return n;
    }
    bool hyphen = false;
    size_t q = kg_tokens_scan_word(tk->t, i, tk->end, joiner_len, &hyphen);
    *kind = is_digit(tk->t[i]) && !hyphen ? KG_TOK_NUMBER : KG_TOK_WORD;
    if (kg_tokens_keeps_period(tk->t, i, q, tk->end))
        q++;
    return q - i;
}

/* Length of the punctuation token at i; tracks ‘ ’ pairs. */
size_t kg_tokens_punct_token(kg_tokenizer *tk, size_t i)
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

/* The kg_token_step of kg_tokens_split. */
static size_t next_token(kg_tokenizer *tk, size_t i, bool glued, bool space)
{
    kg_token_kind kind = KG_TOK_PUNCT;
    size_t n = glued ? kg_tokens_glued_clitic_len(tk, i) : 0;
    if (n > 0)
        kind = KG_TOK_WORD;
    else if (word_len(tk->t, i, tk->end, true) > 0)
        n = word_token(tk, i, &kind);
    else
        n = kg_tokens_punct_token(tk, i);
    return kg_tokens_push(tk, i, i + n, kind, space) ? i + n : 0;
}

/* Runs step over the sentence and hands out the tokens, in tk's arena. */
kg_status kg_tokens_run(kg_tokenizer *tk, kg_span sentence, kg_token_step step, kg_token **out,
                        size_t *n, kg_error *err)
{
    *out = NULL;
    *n = 0;
    if (sentence.start > sentence.end)
        return kg_error_set(err, KG_ERR_USAGE, "tokens: span %zu-%zu is reversed", sentence.start,
                            sentence.end);
    const char *text = tk->t;
    kg_vec_init(&tk->toks, sizeof(kg_token));
    size_t i = sentence.start, word_end = (size_t)-1;
    bool space = kg_text_space_len_before(text, 0, i) > 0, ok = true;
    while (ok && i < sentence.end) {
        size_t sl = kg_text_space_len(text, i, sentence.end);
        if (sl > 0) {
            space = true;
            i += sl;
            continue;
        }
        size_t e = step(tk, i, i == word_end, space);
        ok = e != 0;
        if (ok) {
            const kg_token *last = kg_vec_at(&tk->toks, tk->toks.len - 1);
            word_end = last->kind != KG_TOK_PUNCT ? e : (size_t)-1;
        }
        i = e;
        space = false;
    }
    if (ok && tk->toks.len > 0) {
        *out = kg_arena_alloc(tk->a, tk->toks.len * sizeof(kg_token));
        ok = *out != NULL;
        if (ok) {
            memcpy(*out, tk->toks.items, tk->toks.len * sizeof(kg_token));
            *n = tk->toks.len;
        }
    }
    kg_vec_free(&tk->toks);
    return ok ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "tokens: out of memory");
}

kg_status kg_tokens_split(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                          size_t *n, kg_error *err)
{
    kg_tokenizer tk = {.a = a, .t = text, .end = sentence.end, .fold_dashes = true};
    return kg_tokens_run(&tk, sentence, next_token, out, n, err);
}

bool kg_tokens_is_quote(const char *token)
{
    return !strcmp(token, "\"") || !strcmp(token, "\u201c") || !strcmp(token, "\u201d") ||
           !strcmp(token, "''") || !strcmp(token, "``");
}
