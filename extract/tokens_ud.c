/* tokens_ud.c - kg_tokens_split_ud: one sentence into UD English tokens,
 * for the tagger and dependency parser, built from the pieces tokens.c
 * shares (tokens_internal.h).
 *
 * The rules below are those of the UD English-EWT and GUM treebanks, which
 * the tagger and parser are trained on: a token that the treebanks would
 * have cut differently is a word the models never saw.  What differs from
 * kg_tokens_split's is the hyphen (split, except after the prefixes
 * below), fused words (cannot gonna wanna gotta), numbers with units (5pm
 * -> 5 pm), whole URLs, e-mail addresses, telephone numbers and file names,
 * runs of punctuation (?! ---- >>) and emoticons.  The word lists are part of
 * the treebanks' conventions, not facts about the world, so they live here
 * with the tokenizer rather than in data/. */
#include "tokens.h"
#include "tokens_internal.h"

#include <stdbool.h>
#include <string.h>

#include "sentences.h"
#include "text.h"

/* ------------------------------------------------------------ UD: words */

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

/* The kg_joiner_fn of UD words: digit separators and times (22,000 10:30),
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
        if ((t[i] == '.' || t[i] == ',') && kg_tokens_digit_separator(t, i, end))
            return 1;
        if (t[i] == ':' && i + 1 < end && is_digit(t[i + 1]))
            return 1;
        n = apostrophe_len(t, i, end);
        if (n && i + n < end && (t[i + n] | 0x20) == 's' && word_len(t, i + n + 1, end, false) == 0)
            return n + 1;
    }
    if (ud_inner_joiner(t, p, i, end))
        return 1;
    return kg_tokens_apostrophe_joiner_len(t, p, i, end, stop);
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

/* Whether the UD word [p, q) keeps the period at q: as
 * kg_tokens_keeps_period, with UD_ABBREVIATIONS, and after a word whose last
 * part is one letter with periods inside it (Ph.D.). */
static bool ud_keeps_period(const char *t, size_t p, size_t q, size_t end)
{
    if (kg_tokens_keeps_period(t, p, q, end))
        return true;
    if (q >= end || t[q] != '.' || (q + 1 < end && t[q + 1] == '.') ||
        kg_tokens_final_period(t, q, end))
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
static size_t ud_word_token(const kg_tokenizer *tk, size_t i, kg_token_kind *kind)
{
    const char *t = tk->t;
    *kind = is_digit(t[i]) ? KG_TOK_NUMBER : KG_TOK_WORD;
    size_t n = kg_tokens_acronym_len(t, i, tk->end);
    if (n == 0 && is_digit(t[i]))
        n = ud_phone_len(t, i, tk->end);
    if (n == 0 && is_digit(t[i]))
        n = ud_slash_date_len(t, i, tk->end);
    if (n == 0)
        n = ud_slash_abbreviation_len(t, i, tk->end);
    if (n > 0)
        return n;
    bool hyphen = false;
    size_t q = kg_tokens_scan_word(t, i, tk->end, ud_joiner_len, &hyphen);
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
static size_t ud_punct_token(kg_tokenizer *tk, size_t i)
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
    return kg_tokens_punct_token(tk, i);
}

/* Pushes the word [s, e), in two tokens when it is a fused word. */
static bool ud_push_word(kg_tokenizer *tk, size_t s, size_t e, kg_token_kind kind, bool space)
{
    size_t f = ud_fused_len(tk->t, s, e, tk->end);
    if (f == 0)
        return kg_tokens_push(tk, s, e, kind, space);
    return kg_tokens_push(tk, s, s + f, kind, space) && kg_tokens_push(tk, s + f, e, kind, false);
}

/* Length of the token at i that the word and punctuation rules would cut
 * up (a clitic glued to the word before, a URL, an address, a handle, a
 * short year), or 0.  Handles and years do not follow a word: "x@y" is an
 * address and 5'11 feet and inches. */
static size_t ud_whole_len(kg_tokenizer *tk, size_t i, bool glued, kg_token_kind *kind)
{
    const char *t = tk->t;
    size_t n = glued ? kg_tokens_glued_clitic_len(tk, i) : 0;
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

/* The kg_token_step of kg_tokens_split_ud. */
static size_t ud_next_token(kg_tokenizer *tk, size_t i, bool glued, bool space)
{
    kg_token_kind kind;
    size_t n = ud_whole_len(tk, i, glued, &kind);
    if (n > 0)
        return kg_tokens_push(tk, i, i + n, kind, space) ? i + n : 0;
    if (word_len(tk->t, i, tk->end, true) > 0) {
        n = ud_word_token(tk, i, &kind);
        return ud_push_word(tk, i, i + n, kind, space) ? i + n : 0;
    }
    n = ud_punct_token(tk, i);
    return kg_tokens_push(tk, i, i + n, KG_TOK_PUNCT, space) ? i + n : 0;
}

kg_status kg_tokens_split_ud(kg_arena *a, const char *text, kg_span sentence, kg_token **out,
                             size_t *n, kg_error *err)
{
    /* Dashes keep their form: UD tags "-" HYPH and "—" ":" or ",", so a
     * folded dash would read as a hyphen to the tagger. */
    kg_tokenizer tk = {.a = a, .t = text, .end = sentence.end, .fold_dashes = false};
    return kg_tokens_run(&tk, sentence, ud_next_token, out, n, err);
}
