/* tokens.c - splits one sentence into words, numbers and punctuation, two
 * ways: kg_tokens_split for the entity finder (described here) and
 * kg_tokens_split_ud for the UD tagger and parser (described at its section
 * below).  Both share the character classes, decoding, clitics, acronyms,
 * abbreviation periods, normalization and the loop that drives them
 * (tokens_run); each has its own token_step.
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
#include "text.h"

/* The longest dotted acronym kept as one token; the sentence splitter looks
 * no further back than 16 bytes (8 letters) for one either. */
#define MAX_ACRONYM_LETTERS 8

typedef struct tokenizer {
    kg_arena *a;
    const char *t;
    size_t end; /* end of the sentence */
    kg_vec toks;
    bool single_open; /* a ‘ is open, so a ’ after "s" closes it */
    bool fold_dashes; /* norm writes – — as "-" (see normalize) */
} tokenizer;

/* Emits the token at i (after whitespace when space; right after a word or
 * number when glued) and returns its end, or 0 on allocation failure. */
typedef size_t (*token_step)(tokenizer *tk, size_t i, bool glued, bool space);

/* What may join two parts of a word at t[i]; see joiner_len. */
typedef size_t (*joiner_fn)(const char *t, size_t p, size_t i, size_t end, size_t *stop,
                            bool *hyphen);

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

/* Length of the apostrophe at t[i] (i > p) if it joins two parts of one
 * word (O’Brien), or 0.  One that starts a clitic ends the word; for n't the
 * stem ends one byte earlier, which *stop reports. */
static size_t apostrophe_joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop)
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
    if ((t[i] == '.' || t[i] == ',') && is_digit(t[i - 1]) && digit_separator(t, i, end))
        return 1;
    return apostrophe_joiner_len(t, p, i, end, stop);
}

/* Scans the word starting at p, its parts held together by join; returns
 * its end. */
static size_t scan_word(const char *t, size_t p, size_t end, joiner_fn join, bool *hyphen)
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
    while (i < end &&
           ((n = closer_len(t, i, end)) > 0 || (n = kg_text_space_len(t, i, end)) > 0))
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

static bool push(tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space)
{
    const char *norm = normalize(tk->a, tk->t + s, e - s, tk->fold_dashes);
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
    size_t q = scan_word(tk->t, i, tk->end, joiner_len, &hyphen);
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

/* The token_step of kg_tokens_split. */
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

/* Runs step over the sentence and hands out the tokens, in tk's arena. */
static kg_status tokens_run(tokenizer *tk, kg_span sentence, token_step step, kg_token **out,
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
    tokenizer tk = {.a = a, .t = text, .end = sentence.end, .fold_dashes = true};
    return tokens_run(&tk, sentence, next_token, out, n, err);
}

/* ------------------------------------------------------------ UD English
 *
 * The rules below are those of the UD English-EWT and GUM treebanks, which
 * the tagger and parser are trained on: a token that the treebanks would
 * have cut differently is a word the models never saw.  What differs from
 * the tokenizer above is the hyphen (split, except after the prefixes
 * below), fused words (cannot gonna wanna gotta), numbers with units (5pm
 * -> 5 pm), whole URLs, e-mail addresses, telephone numbers and file names,
 * runs of punctuation (?! ---- >>) and emoticons.  The word lists are part of
 * the treebanks' conventions, not facts about the world, so they live here
 * beside the clitics rather than in data/. */

/* Prefixes the treebanks leave on the word (non-profit, re-elected,
 * co-operate, e-mail): those their training files keep whole far more often
 * than they split ("pan", "vice", "neo" and "un" go either way, so split). */
static const char *const UD_PREFIXES[] = {
    "anti", "co",   "counter", "cross", "e",   "ex",     "mid", "mini", "mis",   "multi",
    "non",  "over", "post",    "pre",   "pro", "psycho", "re",  "semi", "socio", "sub",
};

/* Words the treebanks write as two, and the first one's length: fused
 * forms in any case (CANNOT -> CAN NOT), and contractions typed without
 * their apostrophe (Im -> I m, thats -> that s), which EWT splits as if it
 * were there, in lower case or capitalized only ("IM" is instant
 * messaging).  Left whole because they are also words: its (but see
 * UD_AFTER_IT_IS), lets, ill, id, well, were, shed. */
static const struct {
    const char *word;
    size_t first;
    bool any_case;
} UD_FUSED[] = {
    {"cannot", 3, true},  {"gonna", 3, true},  {"wanna", 3, true},   {"gotta", 3, true},
    {"outta", 3, true},   {"im", 1, false},    {"ive", 1, false},    {"youre", 3, false},
    {"youve", 3, false},  {"youll", 3, false}, {"theyre", 4, false}, {"theyve", 4, false},
    {"thats", 4, false},  {"whats", 4, false}, {"hes", 2, false},    {"shes", 3, false},
    {"theres", 5, false}, {"heres", 4, false},
};

/* Words that never follow the possessive "its", so that "its" before them
 * is "it's" typed without its apostrophe (its not ... -> it s not), which
 * EWT splits.  Adverbs that do follow the possessive (its very existence,
 * its only hope, its so-called allies) are left out. */
static const char *const UD_AFTER_IT_IS[] = {"a", "an", "the", "not", "been", "really"};

/* Auxiliaries whose n't EWT splits off when typed as "nt" (dont -> do nt,
 * cant -> ca nt, wont -> wo nt). */
static const char *const UD_NT_STEMS[] = {
    "do",    "does",   "did",  "is",  "was", "are", "were", "ca",   "could",
    "would", "should", "have", "has", "had", "wo",  "ai",   "must", "need",
};

/* Abbreviations the treebanks keep with their period that the sentence
 * splitter's list (kg_sentences_is_abbreviation) does not hold: days of the
 * week, and "al." of "et al.". */
static const char *const UD_ABBREVIATIONS[] = {"Mon",   "Tue", "Tues", "Wed", "Thu", "Thur",
                                               "Thurs", "Fri", "Sat",  "Sun", "al"};

/* Longest e-mail local part and domain (RFC 5321); the bound also keeps the
 * look-ahead from each word start constant. */
#define MAX_EMAIL_LOCAL 64
#define MAX_EMAIL_DOMAIN 255

/* 1-800-555-1234 has four. */
#define MAX_PHONE_GROUPS 4

static bool in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static bool is_ascii_letter(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_ascii_alnum(char c)
{
    return is_digit(c) || is_ascii_letter(c);
}

static bool ascii_word_ieq(const char *t, size_t p, size_t q, const char *lower)
{
    return strlen(lower) == q - p && ascii_ieq(t, p, q, lower);
}

/* [p, q) is lower, or lower with a capital: "Im" and "im", not "IM". */
static bool ascii_word_capitalized(const char *t, size_t p, size_t q, const char *lower)
{
    if (strlen(lower) != q - p || (t[p] | 0x20) != lower[0])
        return false;
    return memcmp(t + p + 1, lower + 1, q - p - 1) == 0;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Whether [p, q) is one of words[0..n), in any case. */
static bool ascii_word_in(const char *t, size_t p, size_t q, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (ascii_word_ieq(t, p, q, words[k]))
            return true;
    return false;
}

static bool ud_is_prefix(const char *t, size_t p, size_t q)
{
    return ascii_word_in(t, p, q, UD_PREFIXES, COUNT(UD_PREFIXES));
}

static bool ud_is_abbreviation_as_written(const char *w, size_t len)
{
    for (size_t k = 0; k < COUNT(UD_ABBREVIATIONS); k++)
        if (strlen(UD_ABBREVIATIONS[k]) == len && memcmp(w, UD_ABBREVIATIONS[k], len) == 0)
            return true;
    return kg_sentences_is_abbreviation(w, len);
}

/* Case-sensitive, as the sentence splitter's ("Sun." is a day, "sun." a
 * word), but an abbreviation in capitals is one too (LTD. PVT.). */
static bool ud_is_abbreviation(const char *t, size_t p, size_t q)
{
    if (ud_is_abbreviation_as_written(t + p, q - p))
        return true;
    char title[8]; /* longer than any abbreviation */
    if (q - p < 2 || q - p > sizeof title)
        return false;
    for (size_t k = p; k < q; k++) {
        if (t[k] < 'A' || t[k] > 'Z')
            return false;
        title[k - p] = k == p ? t[k] : (char)(t[k] | 0x20);
    }
    return ud_is_abbreviation_as_written(title, q - p);
}

/* A "." "_" or "&" between ASCII letters or digits that makes one word of
 * a domain, file or newsgroup name (amazon.com  enron.xls  alt.animals), an
 * identifier (GCP_London) or an ampersand abbreviation (AT&T), unless what
 * precedes is an abbreviation with its own period (St.George -> St. George). */
static bool ud_inner_joiner(const char *t, size_t p, size_t i, size_t end)
{
    if (i + 1 >= end || !is_ascii_alnum(t[i - 1]) || !is_ascii_alnum(t[i + 1]))
        return false;
    if (t[i] == '&')
        return is_ascii_letter(t[i - 1]) && is_ascii_letter(t[i + 1]);
    if (t[i] == '_')
        return true;
    return t[i] == '.' && is_ascii_letter(t[i + 1]) && !ud_is_abbreviation(t, p, i);
}

/* The joiner_fn of UD words: digit separators and times (22,000 10:30),
 * prefix hyphens, inner periods, apostrophes; "80's" keeps its 's, a
 * decade's plural rather than a possessive. */
static size_t ud_joiner_len(const char *t, size_t p, size_t i, size_t end, size_t *stop,
                            bool *hyphen)
{
    size_t n = hyphen_len(t, i, end);
    if (n) {
        *hyphen = word_len(t, i + n, end, true) && ud_is_prefix(t, p, i);
        return *hyphen ? n : 0;
    }
    if (is_digit(t[i - 1])) {
        if ((t[i] == '.' || t[i] == ',') && digit_separator(t, i, end))
            return 1;
        if (t[i] == ':' && i + 1 < end && is_digit(t[i + 1]))
            return 1;
        n = apostrophe_len(t, i, end);
        if (n && i + n < end && (t[i + n] | 0x20) == 's' && word_len(t, i + n + 1, end, false) == 0)
            return n + 1;
    }
    if (ud_inner_joiner(t, p, i, end))
        return 1;
    return apostrophe_joiner_len(t, p, i, end, stop);
}

/* Length of the run of digits at t[i], counted up to max + 1: enough to
 * tell a run longer than max, without reading on. */
static size_t digits_len(const char *t, size_t i, size_t end, size_t max)
{
    size_t k = i;
    while (k < end && k - i <= max && is_digit(t[k]))
        k++;
    return k - i;
}

/* A telephone number or ZIP+4 code: digit groups joined by hyphens, the
 * last of four digits, the others of three, the first possibly of one or
 * followed by "/" (555-1234  1-800-555-1234  3-5290  713/853-6197
 * 94720-5180).  The treebanks keep these whole but split ranges
 * (1970 - 1971, 13 - 17).  At most MAX_PHONE_GROUPS groups are read, so a
 * long run of them is not read again from each of its words. */
static size_t ud_phone_len(const char *t, size_t p, size_t end)
{
    size_t i = p, groups = 0;
    while (groups < MAX_PHONE_GROUPS) {
        size_t len = digits_len(t, i, end, 5), k = i + len;
        bool more = k + 1 < end && t[k] == '-' && is_digit(t[k + 1]);
        if (len == 4 && groups > 0 && !more)
            return word_len(t, k, end, false) ? 0 : k - p;
        bool first = groups == 0 && (len == 1 || (len == 5 && digits_len(t, k + 1, end, 4) == 4));
        if (!(len == 3 || first) || k >= end || !(t[k] == '-' || (t[k] == '/' && groups == 0)))
            return 0;
        groups++;
        i = k + 1;
    }
    return 0;
}

/* A date written with slashes: day and month of one or two digits, and a
 * year of two or four (11/28/2000  3/8/00), or day and month alone (9/11).
 * Other numbers with a slash are split (2001 / 02, 20 / 20). */
static size_t ud_slash_date_len(const char *t, size_t p, size_t end)
{
    size_t a = digits_len(t, p, end, 2), i = p + a;
    if (a == 0 || a > 2 || i >= end || t[i] != '/')
        return 0;
    size_t b = digits_len(t, i + 1, end, 2), k = i + 1 + b;
    if (b == 0 || b > 2)
        return 0;
    if (k + 1 < end && t[k] == '/' && is_digit(t[k + 1])) {
        size_t c = digits_len(t, k + 1, end, 4);
        if (c != 2 && c != 4)
            return 0;
        k += 1 + c;
    }
    if (word_len(t, k, end, false) || (k + 1 < end && t[k] == '/' && is_digit(t[k + 1])))
        return 0;
    return k - p;
}

/* Where the unit after a number starts (7:30PM  5pm  65k  35mm), or q when
 * [p, q) is not a number followed by letters, or the letters are an ordinal
 * or plural (4th 1990s) or a single letter that names a thing (3D 4A)
 * rather than a multiplier (k m b x). */
static size_t ud_unit_start(const char *t, size_t p, size_t q)
{
    size_t k = p;
    while (k < q && (is_digit(t[k]) || (in_set(t[k], ".,:") && k + 1 < q && is_digit(t[k + 1]))))
        k++;
    if (k == p || k == q)
        return q;
    for (size_t j = k; j < q; j++)
        if (!is_ascii_letter(t[j]))
            return q;
    static const char *const KEEP[] = {"st", "nd", "rd", "th", "s"};
    for (size_t j = 0; j < COUNT(KEEP); j++)
        if (ascii_word_ieq(t, k, q, KEEP[j]))
            return q;
    if (q - k == 1 && !in_set((char)(t[k] | 0x20), "kmbx"))
        return q;
    return k;
}

/* Whether the UD word [p, q) keeps the period at q: as keeps_period, with
 * UD_ABBREVIATIONS, and after a word whose last part is one letter with
 * periods inside it (Ph.D.). */
static bool ud_keeps_period(const char *t, size_t p, size_t q, size_t end)
{
    if (keeps_period(t, p, q, end))
        return true;
    if (q >= end || t[q] != '.' || (q + 1 < end && t[q + 1] == '.') || final_period(t, q, end))
        return false;
    if (q - p >= 3 && t[q - 2] == '.' && letter_at(t, q - 1, end))
        return true;
    return ud_is_abbreviation(t, p, q);
}

/* Two letters joined by a slash, standing for two words (w/o  b/c  l/c
 * I/C); longer ones (f / b / o) and words (and / or) are split. */
static size_t ud_slash_abbreviation_len(const char *t, size_t p, size_t end)
{
    if (end - p < 3 || (p > 0 && t[p - 1] == '/') || t[p + 1] != '/')
        return 0;
    if (!is_ascii_letter(t[p]) || !is_ascii_letter(t[p + 2]) || word_len(t, p + 3, end, false))
        return 0;
    return p + 3 < end && t[p + 3] == '/' ? 0 : 3;
}

/* Whether the word [p, q) is a word broken off in speech, its hyphen
 * kept (I w- I want; GUM's transcripts).  Only fragments of up to three
 * letters count: a longer word before a hyphen and a space is more often a
 * dangling hyphen (troop- and police-contributing), which both treebanks
 * split. */
static bool ud_truncated(const char *t, size_t p, size_t q, size_t end)
{
    if (q - p > 3 || q >= end || t[q] != '-' ||
        (q + 1 < end && kg_text_space_len(t, q + 1, end) == 0))
        return false;
    if (p > 0 && kg_text_space_len_before(t, 0, p) == 0)
        return false; /* $44m- : a unit, not a fragment */
    for (size_t k = p; k < q; k++)
        if (!is_ascii_letter(t[k]))
            return false;
    return true;
}

/* Length and kind of the UD word or number at i: only its first part when
 * the treebanks split it (5pm -> 5 pm). */
static size_t ud_word_token(const tokenizer *tk, size_t i, kg_token_kind *kind)
{
    const char *t = tk->t;
    *kind = is_digit(t[i]) ? KG_TOK_NUMBER : KG_TOK_WORD;
    size_t n = acronym_len(t, i, tk->end);
    if (n == 0 && is_digit(t[i]))
        n = ud_phone_len(t, i, tk->end);
    if (n == 0 && is_digit(t[i]))
        n = ud_slash_date_len(t, i, tk->end);
    if (n == 0)
        n = ud_slash_abbreviation_len(t, i, tk->end);
    if (n > 0)
        return n;
    bool hyphen = false;
    size_t q = scan_word(t, i, tk->end, ud_joiner_len, &hyphen);
    size_t u = ud_unit_start(t, i, q);
    if (u < q)
        return u - i;
    if (ud_keeps_period(t, i, q, tk->end) || ud_truncated(t, i, q, tk->end))
        q++;
    return q - i;
}

/* Whether the word after q (across whitespace) is one of UD_AFTER_IT_IS,
 * and not the first part of a hyphenated word (its not-for-profit arm). */
static bool ud_it_is_follows(const char *t, size_t q, size_t end)
{
    size_t i = q, n;
    while (i < end && (n = kg_text_space_len(t, i, end)) > 0)
        i += n;
    if (i == q)
        return false;
    size_t e = i;
    while (e < end && is_ascii_alnum(t[e]))
        e++;
    if (e < end && (word_len(t, e, end, false) || hyphen_len(t, e, end)))
        return false;
    return ascii_word_in(t, i, e, UD_AFTER_IT_IS, COUNT(UD_AFTER_IT_IS));
}

/* The length of the first word of a fused word [p, q) (gonna -> gon,
 * dont -> do, its not -> it s not), or 0. */
static size_t ud_fused_len(const char *t, size_t p, size_t q, size_t end)
{
    if (ascii_word_ieq(t, p, q, "its") && ud_it_is_follows(t, q, end))
        return 2;
    for (size_t k = 0; k < COUNT(UD_FUSED); k++) {
        const char *w = UD_FUSED[k].word;
        if (UD_FUSED[k].any_case ? ascii_word_ieq(t, p, q, w) : ascii_word_capitalized(t, p, q, w))
            return UD_FUSED[k].first;
    }
    if (q - p > 2 && ascii_ieq(t, q - 2, q, "nt") &&
        ascii_word_in(t, p, q - 2, UD_NT_STEMS, COUNT(UD_NT_STEMS)))
        return q - p - 2;
    return 0;
}

/* ------------------------------------------------------------ UD: whole strings */

/* A URL from its scheme or "www." up to the next whitespace, without the
 * punctuation and closing quotes or brackets that end the sentence or the
 * parenthesis around it. */
static size_t ud_url_len(const char *t, size_t i, size_t end)
{
    static const char *const STARTS[] = {"http://", "https://", "ftp://", "www.", "mailto:"};
    size_t s = 0;
    for (size_t k = 0; s == 0 && k < COUNT(STARTS); k++)
        if (ascii_ieq(t, i, end, STARTS[k]))
            s = strlen(STARTS[k]);
    if (s == 0 || word_len(t, i + s, end, true) == 0)
        return 0;
    size_t q = i + s;
    while (q < end && kg_text_space_len(t, q, end) == 0)
        q++;
    for (;;) {
        if (in_set(t[q - 1], ".,;:!?'\")]}>"))
            q--;
        else if (q - i > s + 3 && (is_e2_80(t, q - 3, q, 0x9D) || is_e2_80(t, q - 3, q, 0x99)))
            q -= 3;
        else
            return q - i;
    }
}

static bool email_local_char(char c)
{
    return is_ascii_alnum(c) || in_set(c, "._%+-");
}

/* local@domain (Rice@ENRON has no dot, X@ENRON_DEVELOPMENT an underscore):
 * its length, or 0. */
static size_t ud_email_len(const char *t, size_t i, size_t end)
{
    if (!is_ascii_alnum(t[i]))
        return 0;
    size_t at = i;
    while (at < end && at - i < MAX_EMAIL_LOCAL && email_local_char(t[at]))
        at++;
    if (at >= end || t[at] != '@')
        return 0;
    size_t q = at + 1;
    while (q < end && q - at <= MAX_EMAIL_DOMAIN && (is_ascii_alnum(t[q]) || in_set(t[q], "._-")))
        q++;
    while (q > at + 1 && in_set(t[q - 1], ".-"))
        q--;
    return q > at + 1 && word_len(t, q, end, false) == 0 ? q - i : 0;
}

/* ' ` ‘ ’ */
static size_t single_quote_len(const char *t, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    if (t[i] == '`')
        return 1;
    return is_e2_80(t, i, end, 0x98) ? 3 : apostrophe_len(t, i, end);
}

/* A social-media @handle or #hashtag (a letter after # : "#1" is two
 * tokens; @paulhastings.com is one). */
static size_t ud_handle_len(const char *t, size_t i, size_t end)
{
    if (i + 1 >= end || (t[i] != '@' && t[i] != '#') || !is_ascii_letter(t[i + 1]))
        return 0;
    size_t q = i + 1;
    while (q < end && (is_ascii_alnum(t[q]) || t[q] == '_' ||
                       (t[q] == '.' && q + 1 < end && is_ascii_alnum(t[q + 1]))))
        q++;
    return word_len(t, q, end, false) ? 0 : q - i;
}

/* A year cut to two digits after an apostrophe ('72  ’60s): one token. */
static size_t ud_short_year_len(const char *t, size_t i, size_t end)
{
    size_t n = single_quote_len(t, i, end);
    if (n == 0 || t[i] == '`' || digits_len(t, i + n, end, 2) != 2)
        return 0;
    size_t q = i + n + 2;
    if (q < end && t[q] == 's')
        q++;
    return word_len(t, q, end, false) ? 0 : q - i;
}

/* ------------------------------------------------------------ UD: punctuation */

/* Emoticons the treebanks keep as one token; a letter may not follow, so
 * "Note:Do" stays a colon. */
static size_t ud_emoticon_len(const char *t, size_t i, size_t end)
{
    static const char *const FACES[] = {":-)", ":-(", ";-)", ">:(", "^_^", ":)", ":(",
                                        ";)",  ":D",  ":P",  ";P",  "=)",  "=(", "(:"};
    for (size_t k = 0; k < COUNT(FACES); k++) {
        size_t n = strlen(FACES[k]);
        if (end - i >= n && memcmp(t + i, FACES[k], n) == 0 && word_len(t, i + n, end, false) == 0)
            return n;
    }
    return 0;
}

static size_t set_run_len(const char *t, size_t i, size_t end, const char *set)
{
    size_t k = i;
    while (k < end && in_set(t[k], set))
        k++;
    return k - i;
}

/* Length of the punctuation token at i: one code point, except emoticons,
 * runs of sentence-final marks (... ?! !!!), of lines' dashes and stars
 * (---- ==== ***), of one other symbol (<< $$$ //), and two single quotes
 * written for a double. */
static size_t ud_punct_token(tokenizer *tk, size_t i)
{
    const char *t = tk->t;
    size_t n = ud_emoticon_len(t, i, tk->end);
    if (n > 0)
        return n;
    if (t[i] == '.' && i + 1 < tk->end && t[i + 1] == '.')
        return run_len(t, i, tk->end, '.'); /* an ellipsis: "...?" is "..." "?" */
    if (in_set(t[i], ".!?"))
        return set_run_len(t, i, tk->end, ".!?");
    if (is_e2_80(t, i, tk->end, 0xA6))
        return 3 + set_run_len(t, i + 3, tk->end, ".!?");
    if (in_set(t[i], "-=_*+~"))
        return set_run_len(t, i, tk->end, "-=_*+~");
    if (in_set(t[i], "<>$#%^|\\/"))
        return run_len(t, i, tk->end, t[i]);
    n = single_quote_len(t, i, tk->end);
    size_t m = n ? single_quote_len(t, i + n, tk->end) : 0;
    if (m > 0)
        return n + m;
    return punct_token(tk, i);
}

/* Pushes the word [s, e), in two tokens when it is a fused word. */
static bool ud_push_word(tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space)
{
    size_t f = ud_fused_len(tk->t, s, e, tk->end);
    if (f == 0)
        return push(tk, s, e, kind, space);
    return push(tk, s, s + f, kind, space) && push(tk, s + f, e, kind, false);
}

/* Length of the token at i that the word and punctuation rules would cut
 * up (a clitic glued to the word before, a URL, an address, a handle, a
 * short year), or 0.  Handles and years do not follow a word: "x@y" is an
 * address and 5'11 feet and inches. */
static size_t ud_whole_len(tokenizer *tk, size_t i, bool glued, kg_token_kind *kind)
{
    const char *t = tk->t;
    size_t n = glued ? glued_clitic_len(tk, i) : 0;
    if (n == 0)
        n = ud_url_len(t, i, tk->end);
    if (n == 0)
        n = ud_email_len(t, i, tk->end);
    if (n == 0 && !glued)
        n = ud_handle_len(t, i, tk->end);
    *kind = KG_TOK_WORD;
    if (n == 0 && !glued && (n = ud_short_year_len(t, i, tk->end)) > 0)
        *kind = KG_TOK_NUMBER;
    return n;
}

/* The token_step of kg_tokens_split_ud. */
static size_t ud_next_token(tokenizer *tk, size_t i, bool glued, bool space)
{
    kg_token_kind kind;
    size_t n = ud_whole_len(tk, i, glued, &kind);
    if (n > 0)
        return push(tk, i, i + n, kind, space) ? i + n : 0;
    if (word_len(tk->t, i, tk->end, true) > 0) {
        n = ud_word_token(tk, i, &kind);
        return ud_push_word(tk, i, i + n, kind, space) ? i + n : 0;
    }
    n = ud_punct_token(tk, i);
    return push(tk, i, i + n, KG_TOK_PUNCT, space) ? i + n : 0;
}

kg_status kg_tokens_split_ud(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                             size_t *n, kg_error *err)
{
    /* Dashes keep their form: UD tags "-" HYPH and "—" ":" or ",", so a
     * folded dash would read as a hyphen to the tagger. */
    tokenizer tk = {.a = a, .t = text, .end = sentence.end, .fold_dashes = false};
    return tokens_run(&tk, sentence, ud_next_token, out, n, err);
}

bool kg_tokens_is_quote(const char *token)
{
    return !strcmp(token, "\"") || !strcmp(token, "\u201c") || !strcmp(token, "\u201d") ||
           !strcmp(token, "''") || !strcmp(token, "``");
}
