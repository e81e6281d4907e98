/* parser.c - link-grammar wrapper.
 *
 * Every option below was chosen by measurement; the numbers next to each are
 * CPU seconds of `kg build -j2` on 102 BBC articles (every 22nd file of
 * ../shared/corpus/bbc in path order: 2,171 sentences, 642 of them naming two
 * entities and so parsed), link-grammar 5.12.0, with the relation score on the
 * sample article (score_graph.py) as the check that quality held.  Spell
 * guessing is off (no accuracy use on edited news, 1% faster per
 * link-grammar-notes.md).  We only read the first linkage, which
 * link-grammar sorts lowest-cost first.
 *
 * link-grammar shares one Dictionary between threads (its own test suite,
 * tests/multi-thread.cc, parses on many threads with one); Parse_Options and
 * Sentence are per call, and the error handler is thread-local, so it is set
 * on every call. */
#include "parser.h"

#include <link-grammar/dict-api.h>
#include <link-grammar/link-includes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KG_LG_DICT
#define KG_LG_DICT "/usr/share/link-grammar/en"
#endif

/* See the measurements at parse_options_set_linkage_limit. */
#define LINKAGE_LIMIT 100

/* The one-null retry only for sentences of at most this many words (as
 * handed to link-grammar: names collapsed, punctuation not counted), because
 * its cost grows steeply with length while what it finds does not.  Whole
 * run CPU seconds (clause pieces of failed sentences re-parsed included) /
 * graph edges / sample relations P and R: retry up to 60 words: 34.0 s /
 * 328 / 0.806 0.889; up to 30: 25.8 s / 325; up to 25: 21.1 s / 329 (10
 * edges lost, 11 gained) / 0.806 0.889; up to 15: 18.9 s / 341 / 0.800
 * 0.833; never: 20.9 s / 342 (38 lost, 52 gained) / 0.800 0.833. */
#define NULL_RETRY_MAX_WORDS 25

/* link-grammar 5.12 overflows a heap buffer in sentence_create when one
 * whitespace-free word is longer than about 32 KB (nested quotes glued
 * together, a run of letters); its dictionary words stop at MAX_WORD (1024
 * bytes, dict-defines.h), so no longer word can be parsed anyway.  A sentence
 * with such a word, or longer than MAX_PARSE_BYTES in all, stays unparsed. */
#define MAX_PARSE_WORD_BYTES 1024
#define MAX_PARSE_BYTES 8192

static bool parseable(const char *text)
{
    size_t word = 0, i = 0;
    for (; text[i]; i++) {
        word = text[i] == ' ' ? 0 : word + 1;
        if (word > MAX_PARSE_WORD_BYTES)
            return false;
    }
    return i <= MAX_PARSE_BYTES;
}

struct kg_parser {
    Dictionary dict;
};

/* link-grammar reports locale and dictionary notes through a thread-local
 * handler; a library must not print, so they are dropped. */
static void discard_lg_message(lg_errinfo *ei, void *data)
{
    (void)ei;
    (void)data;
}

kg_status kg_parser_new(kg_parser **out, kg_error *err)
{
    lg_error_set_handler(discard_lg_message, NULL);
    kg_parser *p = calloc(1, sizeof *p);
    if (!p)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory loading the parser");
    /* The dictionary directory is named with a trailing '/': link-grammar
     * takes the language from the last path component, which is then empty,
     * so it does not load hunspell's en_US word list for spell guessing,
     * which kg turns off in every parse anyway.  That saves 60 ms of each
     * process's start (0.19 s -> 0.13 s for dictionary_create_lang here)
     * with byte-identical linkages.  Where the directory is elsewhere, the
     * library's own search by language name still finds it. */
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/4.0.dict", KG_LG_DICT);
    if (n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0) {
        snprintf(path, sizeof path, "%s/", KG_LG_DICT);
        p->dict = dictionary_create_lang(path);
    }
    if (!p->dict)
        p->dict = dictionary_create_lang("en");
    if (!p->dict) {
        free(p);
        return kg_error_set(err, KG_ERR_LIB,
                            "link-grammar: cannot load the English dictionary "
                            "(apt-get install link-grammar-dictionaries-en)");
    }
    *out = p;
    return KG_OK;
}

void kg_parser_free(kg_parser *p)
{
    if (!p)
        return;
    dictionary_delete(p->dict);
    free(p);
}

/* The tokens joined as link-grammar reads them: a space where the input had
 * one, so "administration" + "'s" stays one word for its affix splitter.
 * starts[i] is where token i begins in the joined string. */
static char *join_tokens(kg_arena *a, const kg_token *t, size_t n, const bool *skip, size_t *starts)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(t[i].norm) + 1;
    char *s = kg_arena_alloc(a, len + 1);
    if (!s)
        return NULL;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        starts[i] = at;
        if (skip && skip[i])
            continue;
        if (at > 0 && (t[i].space_before || (i > 0 && skip && skip[i - 1])))
            s[at++] = ' ';
        starts[i] = at;
        size_t k = strlen(t[i].norm);
        memcpy(s + at, t[i].norm, k);
        at += k;
    }
    s[at] = '\0';
    return s;
}

static long token_at(const size_t *starts, const bool *skip, size_t n, size_t offset)
{
    /* the last kept token starting at or before offset */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (starts[mid] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > 0 && skip && skip[lo - 1])
        lo--;
    return lo == 0 ? -1 : (long)lo - 1;
}

static void split_word(kg_arena *a, const char *w, kg_lg_word *out)
{
    out->word = kg_arena_strdup(a, w);
    size_t n = strlen(w);
    const char *bang = strstr(w, "[");
    size_t end = bang && bang != w ? (size_t)(bang - w) : n;
    /* the subscript is after the last '.' that is followed by a letter;
     * "Mr..x" is "Mr." with subscript x, "U.S." has none */
    size_t dot = end;
    for (size_t i = end; i > 1; i--) {
        if (w[i - 1] == '.' && i < end && ((w[i] >= 'a' && w[i] <= 'z') || w[i] == '#')) {
            dot = i - 1;
            break;
        }
    }
    out->base = kg_arena_strndup(a, w, dot);
    out->sub = dot < end ? kg_arena_strndup(a, w + dot + 1, end - dot - 1) : "";
}

kg_status kg_parser_parse(const kg_parser *p, kg_arena *a, const kg_token *tokens, size_t n,
                          const bool *skip, int seconds, kg_linkage *out, kg_parse_result *result,
                          kg_error *err)
{
    *result = KG_PARSE_NONE;
    memset(out, 0, sizeof *out);
    if (n == 0)
        return KG_OK;
    size_t *starts = kg_arena_alloc(a, n * sizeof *starts);
    char *text = starts ? join_tokens(a, tokens, n, skip, starts) : NULL;
    if (!text)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory preparing a parse");
    if (!parseable(text))
        return KG_OK; /* unparsed: the shallow extractor takes it */

    lg_error_set_handler(discard_lg_message, NULL);
    Parse_Options po = parse_options_create();
    if (!po)
        return kg_error_set(err, KG_ERR_NOMEM, "link-grammar: cannot create parse options");
    parse_options_set_verbosity(po, 0);
    parse_options_set_spell_guess(po, 0);
    /* Above the limit link-grammar samples that many linkages and
     * post-processes them: too few and the best linkage is often not among
     * them, or every sample fails post-processing.  Whole-run CPU seconds /
     * clean linkages of 642 / graph edges / sample relations P and R: limit
     * 30: 22.2 s / 470 / 335 / 0.750 0.444; 50: 22.0 s / 475 / 336 / 0.833
     * 0.833; 100: 21.5 s / 485 / 329 / 0.806 0.889; 200: 25.5 s / 490 / 360
     * / 0.862 0.889 (better, but 19% slower); with the retry at every length,
     * 1000 took 40 s of parsing against 29 s at 100. */
    parse_options_set_linkage_limit(po, LINKAGE_LIMIT);
    /* The disjunct cost is left at the dictionary's max-disjunct-cost (2.7 in
     * the English dictionary 5.12): 1.5: 16.3 s but 309 clean linkages and
     * sample recall 0.389; 2.0: 27.5 s, 469, sample precision 0.774 (0.800 at
     * 2.7); 2.7: 28.6 s, 485; 3.0: 30.4 s, 488. */
    parse_options_set_min_null_count(po, 0);
    parse_options_set_max_null_count(po, 0);
    parse_options_set_max_parse_time(po, seconds > 0 ? seconds : 1);

    kg_status st = KG_OK;
    Sentence s = sentence_create(text, p->dict);
    if (!s) {
        parse_options_delete(po);
        return KG_OK; /* link-grammar could not tokenize it: treated as unparsed */
    }
    int found = sentence_parse(s, po);
    bool expired = parse_options_timer_expired(po);
    size_t words = 0;
    for (size_t i = 0; i < n; i++)
        words += !(skip && skip[i]) && tokens[i].kind != KG_TOK_PUNCT;
    if (found == 0 && !expired && words <= NULL_RETRY_MAX_WORDS) {
        /* One unlinked word is allowed on a retry: a quarter of news
         * sentences need it, and one null costs ~2.5x a clean parse, while
         * the unbounded null search costs ~7x (link-grammar-notes.md). */
        parse_options_set_min_null_count(po, 1);
        parse_options_set_max_null_count(po, 1);
        found = sentence_parse(s, po);
        expired = parse_options_timer_expired(po);
    }
    if (found > 0 && !expired) {
        Linkage lk = linkage_create(0, s, po);
        if (lk) {
            out->n_words = (size_t)linkage_get_num_words(lk);
            out->n_links = (size_t)linkage_get_num_links(lk);
            out->words = kg_arena_alloc(a, (out->n_words + 1) * sizeof *out->words);
            out->links = kg_arena_alloc(a, (out->n_links + 1) * sizeof *out->links);
            if (!out->words || !out->links) {
                st = kg_error_set(err, KG_ERR_NOMEM, "out of memory copying a linkage");
            } else {
                for (size_t w = 0; w < out->n_words; w++) {
                    split_word(a, linkage_get_word(lk, (WordIdx)w), &out->words[w]);
                    bool wall = w == 0 || w + 1 == out->n_words;
                    out->words[w].token =
                        wall ? -1
                             : token_at(starts, skip, n,
                                        (size_t)linkage_get_word_byte_start(lk, (WordIdx)w));
                }
                for (size_t l = 0; l < out->n_links; l++) {
                    out->links[l].left = (size_t)linkage_get_link_lword(lk, (LinkIdx)l);
                    out->links[l].right = (size_t)linkage_get_link_rword(lk, (LinkIdx)l);
                    out->links[l].label =
                        kg_arena_strdup(a, linkage_get_link_label(lk, (LinkIdx)l));
                }
                out->nulls = (size_t)linkage_unused_word_cost(lk);
                *result = KG_PARSE_OK;
            }
            linkage_delete(lk);
        }
    } else if (expired) {
        *result = KG_PARSE_TIMEOUT;
    }
    sentence_delete(s);
    parse_options_delete(po);
    return st;
}

bool kg_parser_knows(const kg_parser *p, const char *word)
{
    /* dictionary_word_is_known() also says yes to anything its regexes
     * would guess, so look for a real entry with a verb subscript
     * ("refuse.v"); the dictionary marks the subscript with a control
     * character rather than '.' */
    if (!p)
        return false;
    Dict_node *list = dictionary_lookup_list(p->dict, word);
    size_t n = strlen(word);
    bool verb = false;
    for (Dict_node *x = list; x && !verb; x = x->right)
        verb = strncmp(x->string, word, n) == 0 && x->string[n] != '\0' && x->string[n + 1] == 'v';
    free_lookup_list(p->dict, list);
    return verb;
}
