/* pieces.c - see pieces.h.
 *
 * The cuts, strongest first: a parenthesized aside is left out; the sentence
 * is cut at ';', ':' and "--"; a piece that still fails is cut before ", and",
 * ", but", ", while" and the like.  TeX and Treebank quotes (`` ''), which the
 * tokenizer splits into two tokens and link-grammar does not know, are given
 * to the parser as plain '"'. */
#include "pieces.h"

#include <string.h>
#include <strings.h>

/* A piece longer than this is not parsed, as extract.c does not parse
 * longer sentences (parse time grows steeply with length). */
#define MAX_PIECE_WORDS 60
/* Parser calls per sentence, so a long list of fragments stays cheap. */
#define MAX_PIECES 6
/* Confidence factor: a piece lacks the context that would confirm it. */
static const double PIECE_CONF = 0.9;

static bool is_strong_break(const kg_token *t)
{
    return !strcmp(t->norm, ";") || !strcmp(t->norm, ":") || !strcmp(t->norm, "--");
}

static bool is_clause_conj(const char *w)
{
    static const char *const v[] = {"and",    "but",     "or", "while", "whereas", "although",
                                    "though", "because", "so", "yet",   NULL};
    for (size_t i = 0; v[i]; i++)
        if (!strcasecmp(w, v[i]))
            return true;
    return false;
}

/* `` or '' as two tokens. */
static bool tex_quote(const kg_token *t)
{
    return (!strcmp(t[0].norm, "`") || !strcmp(t[0].norm, "'")) && !strcmp(t[1].norm, t[0].norm) &&
           !t[1].space_before;
}

typedef struct piece_ctx {
    kg_arena *a;
    const kg_parser *p;
    const kg_sentence_view *s;
    kg_vec *out;
    kg_error *err;
    const bool *drop; /* tokens left out of every piece (parenthesized asides) */
    int parses;       /* parser calls left */
} piece_ctx;

/* Parses tokens [lo, hi) as a sentence of its own and extracts its triples;
 * *parsed tells whether link-grammar found a linkage. */
static kg_status parse_piece(piece_ctx *u, size_t lo, size_t hi, bool *parsed)
{
    const kg_sentence_view *s = u->s;
    *parsed = false;
    size_t n = hi - lo, words = 0;
    for (size_t i = lo; i < hi; i++)
        words += !u->drop[i] && s->tokens[i].kind != KG_TOK_PUNCT;
    if (words < 3 || words > MAX_PIECE_WORDS || u->parses <= 0)
        return KG_OK;
    u->parses--;
    kg_token *tk = kg_arena_alloc(u->a, (n + 1) * sizeof *tk);
    bool *skip = kg_arena_alloc(u->a, (n + 1) * sizeof *skip);
    if (!tk || !skip)
        return kg_error_set(u->err, KG_ERR_NOMEM, "out of memory extracting triples");
    const long *te = s->token_entity + lo;
    for (size_t i = 0; i < n; i++) {
        tk[i] = s->tokens[lo + i];
        /* as extract.c does: a name is parsed as its last word */
        skip[i] = skip[i] || u->drop[lo + i] ||
                  (i + 1 < n && te[i] >= 0 && te[i + 1] == te[i] &&
                   s->tokens[lo + i + 1].kind != KG_TOK_PUNCT);
        if (i + 1 < n && tex_quote(s->tokens + lo + i)) {
            tk[i].norm = "\"";
            skip[i + 1] = true;
        }
    }
    kg_linkage lk;
    kg_parse_result res;
    kg_status st = kg_parser_parse(u->p, u->a, tk, n, skip, 1, &lk, &res, u->err);
    if (st != KG_OK || res != KG_PARSE_OK)
        return st;
    *parsed = true;
    kg_sentence_view sub = *s;
    sub.tokens = s->tokens + lo;
    sub.n_tokens = n;
    sub.token_entity = te;
    size_t before = u->out->len;
    st = kg_triples_extract(u->a, u->p, &sub, &lk, u->out, u->err);
    for (size_t i = before; st == KG_OK && i < u->out->len; i++)
        ((kg_triple *)kg_vec_at(u->out, i))->confidence *= PIECE_CONF;
    return st;
}

/* Cuts [lo, hi) before ", and"-like clause boundaries and parses each part. */
static kg_status parse_clause_parts(piece_ctx *u, size_t lo, size_t hi)
{
    const kg_token *t = u->s->tokens;
    size_t start = lo;
    for (size_t i = lo; i <= hi; i++) {
        bool cut =
            i == hi || (i + 1 < hi && !strcmp(t[i].norm, ",") && is_clause_conj(t[i + 1].norm));
        if (!cut)
            continue;
        size_t from = start;
        if (from < hi && is_clause_conj(t[from].norm))
            from++;
        if (from == 0 && i == u->s->n_tokens)
            break; /* no cut at all: the sentence as it already failed */
        bool parsed;
        if (i > from) {
            kg_status st = parse_piece(u, from, i, &parsed);
            if (st != KG_OK)
                return st;
        }
        start = i + 1;
    }
    return KG_OK;
}

kg_status kg_pieces_extract(kg_arena *a, const kg_parser *p, const kg_sentence_view *s, kg_vec *out,
                            bool *any, kg_error *err)
{
    size_t n = s->n_tokens;
    *any = false;
    bool *drop = kg_arena_alloc(a, (n + 1) * sizeof *drop);
    if (!drop)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
    /* asides in parentheses go; quotes are mended: either may be all that
     * kept the whole sentence from parsing */
    bool mended = false;
    for (size_t i = 0; i < n; i++) {
        mended |= i + 1 < n && tex_quote(s->tokens + i);
        if (strcmp(s->tokens[i].norm, "("))
            continue;
        size_t j = i;
        while (j < n && strcmp(s->tokens[j].norm, ")"))
            j++;
        if (j < n) {
            for (size_t k = i; k <= j; k++)
                drop[k] = true;
            mended = true;
            i = j;
        }
    }
    piece_ctx u = {a, p, s, out, err, drop, MAX_PIECES};
    size_t before = out->len;
    bool parsed = false;
    kg_status st = KG_OK;
    if (mended)
        st = parse_piece(&u, 0, n, &parsed);
    for (size_t start = 0, i = 0; st == KG_OK && !parsed && i <= n; i++) {
        if (i < n && !is_strong_break(&s->tokens[i]))
            continue;
        bool whole = start == 0 && i == n, ok = false;
        if (!whole && i > start)
            st = parse_piece(&u, start, i, &ok);
        if (st == KG_OK && !ok && i > start)
            st = parse_clause_parts(&u, start, i);
        start = i + 1;
    }
    *any = out->len > before;
    return st;
}
