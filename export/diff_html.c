/* diff_html.c - a kg_diff as one HTML page, for a person reviewing an edit.
 *
 * The page stands alone: its style is inline and there is no script, font
 * or image to fetch, so it can be mailed, archived or opened offline and
 * shows nothing the diff does not hold.  It has three parts: the counts;
 * each change on one line, linked to the sentence rows that are its
 * evidence, with the notes (changes that follow from an edit elsewhere,
 * sentences reworded without a change in meaning) apart; and the two
 * versions side by side, one row per aligned sentence pair, the words an
 * edit changed marked with <del> and <ins>.  Those are struck through and
 * underlined, and a row carrying a change in meaning says so in words, so
 * colour is never the only cue.
 *
 * The marked words come from a longest common subsequence of the two
 * sides' words, after their common first and last words are set aside; a
 * middle longer than MAX_LCS_WORDS on either side is marked whole, so a row
 * costs at most a bounded table and the page stays linear in the article.
 *
 * Everything from the articles goes through put_text: the five characters
 * HTML gives meaning to become references, and what a page must not hold
 * raw (C0 controls but tab and newline, DEL, C1 controls, noncharacters,
 * bytes that are not UTF-8) is shown as a visible \xHH, the code point in
 * hex, as kg_escape_write shows it on a terminal.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "dot_build.h"
#include "diff_sides.h"
#include "kg/diff_export.h"
#include "text.h"

/* Words per side of an edit's middle beyond which the LCS table (their
 * product, two bytes a cell) is not worth it: the middle is marked whole. */
#define MAX_LCS_WORDS 400

#define ARROW " \xE2\x86\x92 " /* U+2192 */
#define LQUOTE "\xE2\x80\x9C"  /* U+201C */
#define RQUOTE "\xE2\x80\x9D"  /* U+201D */

/* ---------------------------------------------------------------- text */

/* What a page may not carry raw: HTML's parser reports controls and
 * noncharacters as errors, and a control in a page is never what the
 * article meant to show. */
static bool forbidden(utf8proc_int32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n';
    if (cp >= 0x7F && cp <= 0x9F)
        return true;
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

static const char *reference(unsigned char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

/* The len bytes at s as HTML text, runs of ordinary text in one fwrite. */
static void put_text(FILE *out, const char *s, size_t len)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s, *end = p + len, *run = p;
    while (p < end) {
        utf8proc_int32_t cp = *p;
        utf8proc_ssize_t n = 1;
        if (*p >= 0x80) {
            n = utf8proc_iterate(p, end - p, &cp);
            if (n <= 0) {
                cp = *p; /* a stray byte, shown as itself */
                n = 1;
            }
        }
        const char *ref = cp < 0x80 ? reference((unsigned char)cp) : NULL;
        bool stray = n == 1 && *p >= 0x80;
        bool bad = stray || forbidden(cp);
        if (!ref && !bad) {
            p += n;
            continue;
        }
        fwrite(run, 1, (size_t)(p - run), out);
        if (ref)
            fputs(ref, out);
        else
            fprintf(out, "<span class=\"ctl\">\\x%02x</span>", (unsigned)cp);
        p += n;
        run = p;
    }
    fwrite(run, 1, (size_t)(p - run), out);
}

static void put_str(FILE *out, const char *s)
{
    if (s)
        put_text(out, s, strlen(s));
}

/* ---------------------------------------------------------------- words */

typedef struct span {
    size_t start, end;
} span;

/* The whitespace-separated words of t[0, len), in *out (malloc'd; the
 * caller frees it).  False when out of memory. */
static bool split_words(const char *t, size_t len, span **out, size_t *n)
{
    *n = 0;
    *out = malloc((len / 2 + 1) * sizeof **out);
    if (!*out)
        return false;
    size_t i = kg_text_skip_space(t, 0, len);
    while (i < len) {
        size_t start = i;
        while (i < len && !kg_text_space_len(t, i, len))
            i++;
        (*out)[(*n)++] = (span){start, i};
        i = kg_text_skip_space(t, i, len);
    }
    return true;
}

static bool same_word(const char *a, span x, const char *b, span y)
{
    return x.end - x.start == y.end - y.start && !memcmp(a + x.start, b + y.start, x.end - x.start);
}

/* One side of an edited sentence: its text, words, and which words the
 * other side shares. */
typedef struct side {
    const char *text;
    size_t len;
    span *words;
    size_t n;
    bool *kept;
} side;

static void free_side(side *s)
{
    free(s->words);
    free(s->kept);
}

static bool side_init(side *s, const char *text)
{
    s->text = text ? text : "";
    s->len = strlen(s->text);
    s->kept = NULL;
    if (!split_words(s->text, s->len, &s->words, &s->n))
        return false;
    s->kept = calloc(s->n + 1, sizeof *s->kept);
    return s->kept != NULL;
}

/* Marks in a->kept and b->kept the words of a longest common subsequence
 * of the middles a[p, p + ma) and b[p, p + mb).  L[i][j] is the LCS length
 * of the suffixes from i and j, so a match can be taken greedily from the
 * front. */
static bool mark_lcs(side *a, side *b, size_t p, size_t ma, size_t mb)
{
    size_t w = mb + 1;
    uint16_t *L = calloc((ma + 1) * w, sizeof *L);
    if (!L)
        return false;
    for (size_t i = ma; i-- > 0;)
        for (size_t j = mb; j-- > 0;) {
            if (same_word(a->text, a->words[p + i], b->text, b->words[p + j]))
                L[i * w + j] = (uint16_t)(L[(i + 1) * w + j + 1] + 1);
            else {
                uint16_t down = L[(i + 1) * w + j], right = L[i * w + j + 1];
                L[i * w + j] = down >= right ? down : right;
            }
        }
    for (size_t i = 0, j = 0; i < ma && j < mb;) {
        if (same_word(a->text, a->words[p + i], b->text, b->words[p + j])) {
            a->kept[p + i++] = true;
            b->kept[p + j++] = true;
        } else if (L[(i + 1) * w + j] >= L[i * w + j + 1])
            i++;
        else
            j++;
    }
    free(L);
    return true;
}

static bool mark_common_words(side *a, side *b)
{
    size_t p = 0, s = 0;
    while (p < a->n && p < b->n && same_word(a->text, a->words[p], b->text, b->words[p])) {
        a->kept[p] = b->kept[p] = true;
        p++;
    }
    while (s < a->n - p && s < b->n - p &&
           same_word(a->text, a->words[a->n - 1 - s], b->text, b->words[b->n - 1 - s])) {
        a->kept[a->n - 1 - s] = b->kept[b->n - 1 - s] = true;
        s++;
    }
    size_t ma = a->n - p - s, mb = b->n - p - s;
    if (!ma || !mb || ma > MAX_LCS_WORDS || mb > MAX_LCS_WORDS)
        return true;
    return mark_lcs(a, b, p, ma, mb);
}

/* The side's text with each run of words the other side lacks in
 * <tag>...</tag>; the white space inside a run goes inside the tag. */
static void put_marked(FILE *out, const side *s, const char *tag)
{
    size_t at = 0;
    for (size_t k = 0; k < s->n; k++) {
        span w = s->words[k];
        if (!s->kept[k] && (k == 0 || s->kept[k - 1])) {
            put_text(out, s->text + at, w.start - at);
            fprintf(out, "<%s>", tag);
            at = w.start;
        }
        put_text(out, s->text + at, w.end - at);
        at = w.end;
        if (!s->kept[k] && (k + 1 == s->n || s->kept[k + 1]))
            fprintf(out, "</%s>", tag);
    }
    put_text(out, s->text + at, s->len - at);
}

/* ---------------------------------------------------------------- rows */

/* Where each (document, sentence) of a side stands among the sentence
 * pairs, for linking a change to the rows of its evidence. */
typedef struct row_key {
    const char *doc;
    long sentence;
    size_t row;
} row_key;

typedef struct row_index {
    row_key *keys;
    size_t n;
} row_index;

static int key_cmp(const void *x, const void *y)
{
    const row_key *a = x, *b = y;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    if (a->sentence != b->sentence)
        return a->sentence < b->sentence ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

static bool index_side(row_index *ix, const kg_diff_sentence_pair *ps, size_t n, bool old)
{
    ix->n = 0;
    ix->keys = malloc((n ? n : 1) * sizeof *ix->keys);
    if (!ix->keys)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *doc = old ? ps[i].old_doc : ps[i].new_doc;
        long sentence = old ? ps[i].old_sentence : ps[i].new_sentence;
        if (doc && sentence >= 0)
            ix->keys[ix->n++] = (row_key){doc, sentence, i};
    }
    qsort(ix->keys, ix->n, sizeof *ix->keys, key_cmp);
    return true;
}

/* The first row of (doc, sentence), or -1. */
static long row_of(const row_index *ix, const char *doc, size_t sentence)
{
    size_t lo = 0, hi = ix->n;
    row_key k = {doc, (long)sentence, 0};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(&ix->keys[mid], &k) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ix->n && !strcmp(ix->keys[lo].doc, doc) && ix->keys[lo].sentence == (long)sentence)
        return (long)ix->keys[lo].row;
    return -1;
}

typedef struct page {
    FILE *out;
    const kg_diff *d;
    const kg_diff_sentence_pair *pairs;
    size_t n_pairs;
    row_index old_rows, new_rows;
    bool nomem;
} page;

/* "sentence 3", "sentence 3 → 4", "new sentence 5": a row as a person
 * counts sentences. */
static void put_row_label(FILE *out, const kg_diff_sentence_pair *sp)
{
    if (sp->state == KG_DIFF_ADDED)
        fprintf(out, "new sentence %ld", sp->new_sentence + 1);
    else if (sp->state == KG_DIFF_REMOVED)
        fprintf(out, "old sentence %ld", sp->old_sentence + 1);
    else if (sp->old_sentence == sp->new_sentence)
        fprintf(out, "sentence %ld", sp->new_sentence + 1);
    else
        fprintf(out, "sentence %ld" ARROW "%ld", sp->old_sentence + 1, sp->new_sentence + 1);
}

static int row_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Links to the rows of the evidence on both sides, each row once, in page
 * order; evidence with no row (which the diff should not give) is named
 * without a link. */
static void put_links(page *pg, const kg_diff_evidence *old_ev, const kg_diff_evidence *new_ev)
{
    size_t *rows = malloc((old_ev->n + new_ev->n + 1) * sizeof *rows), n = 0;
    if (!rows) {
        pg->nomem = true;
        return;
    }
    bool first = true;
    for (int s = 0; s < 2; s++) {
        const kg_diff_evidence *ev = s == 0 ? old_ev : new_ev;
        const row_index *ix = s == 0 ? &pg->old_rows : &pg->new_rows;
        for (size_t i = 0; i < ev->n; i++) {
            long r = row_of(ix, ev->items[i].doc, ev->items[i].sentence);
            if (r >= 0) {
                rows[n++] = (size_t)r;
                continue;
            }
            fprintf(pg->out, "%s%s sentence %zu", first ? " <span class=\"ev\">" : ", ",
                    s == 0 ? "old" : "new", ev->items[i].sentence + 1);
            first = false;
        }
    }
    qsort(rows, n, sizeof *rows, row_cmp);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && rows[i] == rows[i - 1])
            continue;
        fprintf(pg->out, "%s<a href=\"#s-%zu\">", first ? " <span class=\"ev\">" : ", ",
                rows[i] + 1);
        put_row_label(pg->out, &pg->pairs[rows[i]]);
        fputs("</a>", pg->out);
        first = false;
    }
    if (!first)
        fputs("</span>", pg->out);
    free(rows);
}

/* ---------------------------------------------------------------- changes */

static const char *entity_label(const kg_diff *d, size_t i)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    return kg_diff_label_of(kg_diff_entity_node(d, &ents[i]));
}

/* The line's opening: its class and a badge naming the kind of change (its
 * state for a plain one), in words; a context record says why it is only a
 * note. */
static void open_item(FILE *out, kg_diff_state state, kg_diff_kind kind, bool context,
                      const char *what)
{
    const char *badge =
        kind == KG_DIFF_KIND_PLAIN ? kg_diff_state_name(state) : kg_diff_kind_name(kind);
    fprintf(out, "<li class=\"%s%s\"><span class=\"badge\">%s</span> %s%s ",
            kg_diff_state_name(state), context ? " context" : "", badge,
            context ? "<i>follows from an edit elsewhere:</i> " : "", what);
}

/* Separators between what changed: ": a; b; c". */
static void next_detail(FILE *out, bool *first)
{
    fputs(*first ? ": " : "; ", out);
    *first = false;
}

static void put_roles(FILE *out, const char *what, const char *const *roles, size_t n, bool *first)
{
    for (size_t i = 0; i < n; i++) {
        next_detail(out, first);
        fputs("role " LQUOTE, out);
        put_str(out, roles[i]);
        fprintf(out, RQUOTE " %s", what);
    }
}

static void put_entity(page *pg, const kg_diff_entity *e)
{
    FILE *out = pg->out;
    const kg_node *on = kg_diff_old_node(pg->d, e), *nn = kg_diff_new_node(pg->d, e);
    const kg_node *n = nn ? nn : on;
    open_item(out, e->state, e->kind, e->context, "entity");
    fprintf(out, "%s <strong>", kg_entity_type_name(n->type));
    if (e->kind == KG_DIFF_KIND_REPLACED && on && nn) {
        put_str(out, kg_diff_label_of(on));
        fputs("</strong>" ARROW "<strong>", out);
        put_str(out, kg_diff_label_of(nn));
        fputs("</strong>", out);
    } else {
        put_str(out, kg_diff_label_of(n));
        fputs("</strong>", out);
        if (e->label_changed && on) {
            fputs(" (was ", out);
            put_str(out, kg_diff_label_of(on));
            fputc(')', out);
        }
    }
    bool first = true;
    if (e->type_changed && on && nn) {
        next_detail(out, &first);
        fprintf(out, "type %s" ARROW "%s", kg_entity_type_name(on->type),
                kg_entity_type_name(nn->type));
    }
    put_roles(out, "added", e->roles_added, e->n_roles_added, &first);
    put_roles(out, "removed", e->roles_removed, e->n_roles_removed, &first);
    put_links(pg, &e->old_evidence, &e->new_evidence);
    fputs("</li>\n", out);
}

static void put_verb(FILE *out, bool negated, const char *relation)
{
    fprintf(out, LQUOTE "%s", negated ? "not " : "");
    put_str(out, relation);
    fputs(RQUOTE, out);
}

/* What relations and claims say alike. */
static void put_flags(FILE *out, bool modality, bool modal, bool count, size_t old_count,
                      size_t new_count, bool *first)
{
    if (modality) {
        next_detail(out, first);
        fputs(modal ? "now modal (was asserted)" : "now asserted (was modal)", out);
    }
    if (count) {
        next_detail(out, first);
        fprintf(out, "sentences %zu" ARROW "%zu", old_count, new_count);
    }
}

static void put_relation(page *pg, const kg_diff_relation *r)
{
    FILE *out = pg->out;
    const kg_edge *oe = kg_diff_old_edge(pg->d, r), *ne = kg_diff_new_edge(pg->d, r),
                  *e = ne ? ne : oe;
    open_item(out, r->state, r->kind, r->context, "relation");
    fputs("<strong>", out);
    put_str(out, entity_label(pg->d, r->source));
    fputs("</strong> ", out);
    put_verb(out, e->negated, e->relation);
    fputs(" <strong>", out);
    put_str(out, entity_label(pg->d, r->target));
    fputs("</strong>", out);
    bool first = true;
    if (oe && ne && (r->kind != KG_DIFF_KIND_PLAIN || r->negation_changed)) {
        next_detail(out, &first);
        put_verb(out, oe->negated, oe->relation);
        fputs(ARROW, out);
        put_verb(out, ne->negated, ne->relation);
    }
    if (oe && ne && r->attribution_changed) {
        next_detail(out, &first);
        fputs(ne->attributed ? "now reported speech (was direct)"
                             : "now direct (was reported speech)",
              out);
    }
    put_flags(out, r->modality_changed && ne, ne && ne->modal, r->count_changed, r->old_count,
              r->new_count, &first);
    put_links(pg, &r->old_evidence, &r->new_evidence);
    fputs("</li>\n", out);
}

/* A value as written, and what kg read it as: "on Monday (2024-01-01)". */
static void put_value(FILE *out, const kg_claim_value *v)
{
    if (!v) {
        fputs("(none)", out);
        return;
    }
    put_str(out, v->text);
    char num[40];
    kg_export_format_double(num, sizeof num, 15, v->amount);
    fputs(" (", out);
    if (v->kind == KG_VALUE_DATE)
        put_str(out, v->date);
    else if (v->kind == KG_VALUE_MONEY) {
        put_str(out, *v->currency ? v->currency : "?");
        fprintf(out, " %s", num);
    } else
        fprintf(out, "%s%s", num, v->kind == KG_VALUE_PERCENT ? "%" : "");
    fputc(')', out);
}

/* "Netanyahu “reject” these proposals", or the other way round for an
 * object's claim. */
static void put_claim_form(FILE *out, const char *label, const kg_claim *k)
{
    bool subject = k->role == KG_CLAIM_SUBJECT;
    fputs("<strong>", out);
    put_str(out, subject ? label : k->argument);
    fputs("</strong> ", out);
    put_verb(out, k->negated, k->relation);
    fputs(" <strong>", out);
    put_str(out, subject ? k->argument : label);
    fputs("</strong>", out);
}

static void put_claim(page *pg, const kg_diff_claim *c)
{
    FILE *out = pg->out;
    const kg_claim *oc = kg_diff_old_claim(pg->d, c), *nc = kg_diff_new_claim(pg->d, c);
    open_item(out, c->state, c->kind, c->context, "claim");
    put_claim_form(out, entity_label(pg->d, c->entity), nc ? nc : oc);
    bool first = true;
    if (oc && nc && (c->kind == KG_DIFF_KIND_REVERSED || c->kind == KG_DIFF_KIND_RELATION)) {
        next_detail(out, &first);
        put_verb(out, oc->negated, oc->relation);
        fputs(ARROW, out);
        put_verb(out, nc->negated, nc->relation);
    }
    for (size_t i = 0; i < c->n_values; i++) {
        next_detail(out, &first);
        fputs("value ", out);
        put_value(out, c->values[i].old_value);
        fputs(ARROW, out);
        put_value(out, c->values[i].new_value);
    }
    if (oc && nc && c->negation_changed) {
        next_detail(out, &first);
        fputs(nc->negated ? "now negated" : "no longer negated", out);
    }
    if (oc && nc && c->attribution_changed) {
        next_detail(out, &first);
        if (*nc->speaker) {
            fputs("now said by ", out);
            put_str(out, nc->speaker);
        } else
            fputs("no longer reported", out);
    }
    put_flags(out, c->modality_changed && nc, nc && nc->modal, c->count_changed, c->old_count,
              c->new_count, &first);
    put_links(pg, &c->old_evidence, &c->new_evidence);
    fputs("</li>\n", out);
}

/* Every record that is not UNCHANGED and whose context flag is `context`;
 * the number written. */
static size_t put_records(page *pg, bool context)
{
    size_t n, k = 0;
    const kg_diff_entity *ents = kg_diff_entities(pg->d, &n);
    for (size_t i = 0; i < n; i++)
        if (ents[i].state != KG_DIFF_UNCHANGED && ents[i].context == context) {
            put_entity(pg, &ents[i]);
            k++;
        }
    const kg_diff_relation *rels = kg_diff_relations(pg->d, &n);
    for (size_t i = 0; i < n; i++)
        if (rels[i].state != KG_DIFF_UNCHANGED && rels[i].context == context) {
            put_relation(pg, &rels[i]);
            k++;
        }
    const kg_diff_claim *cls = kg_diff_claims(pg->d, &n);
    for (size_t i = 0; i < n; i++)
        if (cls[i].state != KG_DIFF_UNCHANGED && cls[i].context == context) {
            put_claim(pg, &cls[i]);
            k++;
        }
    return k;
}

static void put_changes(page *pg)
{
    FILE *out = pg->out;
    fputs("<section id=\"changes\">\n<h2>Changes in meaning</h2>\n<ul class=\"changes\">\n", out);
    if (!put_records(pg, false))
        fputs("<li class=\"none\">None.</li>\n", out);
    fputs("</ul>\n</section>\n", out);
}

/* Renamed entities and changed mention counts: notes, as in the text
 * summary. */
static size_t put_entity_notes(page *pg)
{
    FILE *out = pg->out;
    size_t n, k = 0;
    const kg_diff_entity *ents = kg_diff_entities(pg->d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_node *on = kg_diff_old_node(pg->d, &ents[i]),
                      *nn = kg_diff_new_node(pg->d, &ents[i]);
        if (!ents[i].label_changed || !on || !nn)
            continue;
        fprintf(out, "<li class=\"note\"><span class=\"badge\">renamed</span> %s <strong>",
                kg_entity_type_name(nn->type));
        put_str(out, kg_diff_label_of(on));
        fputs("</strong> is now named <strong>", out);
        put_str(out, kg_diff_label_of(nn));
        fprintf(out, "</strong> (matched by %s)", kg_diff_match_name(ents[i].match));
        put_links(pg, &ents[i].old_evidence, &ents[i].new_evidence);
        fputs("</li>\n", out);
        k++;
    }
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        const kg_diff_entity *e = &ents[i];
        if (!kg_diff_mentions_changed(e))
            continue;
        fputs(first ? "<li class=\"note\"><span class=\"badge\">mentions</span> " : ", ", out);
        put_str(out, kg_diff_label_of(kg_diff_new_node(pg->d, e)));
        fprintf(out, " %zu" ARROW "%zu", e->old_mentions, e->new_mentions);
        first = false;
    }
    if (!first) {
        fputs("</li>\n", out);
        k++;
    }
    return k;
}

static size_t put_sentence_notes(page *pg)
{
    size_t k = 0;
    for (size_t i = 0; i < pg->n_pairs; i++) {
        const kg_diff_sentence_pair *sp = &pg->pairs[i];
        if (sp->state == KG_DIFF_UNCHANGED || sp->meaning_changed)
            continue;
        const char *what =
            sp->state == KG_DIFF_CHANGED ? "reworded" : kg_diff_state_name(sp->state);
        fprintf(pg->out, "<li class=\"note\"><span class=\"badge\">%s</span> <a href=\"#s-%zu\">",
                what, i + 1);
        put_row_label(pg->out, sp);
        fprintf(pg->out, "</a> %s, no change in meaning</li>\n", what);
        k++;
    }
    return k;
}

static void put_notes(page *pg)
{
    FILE *out = pg->out;
    fputs("<section id=\"notes\">\n<h2>Notes (not changes in meaning)</h2>\n<ul class=\"notes\">\n",
          out);
    size_t k = put_records(pg, true);
    k += put_entity_notes(pg);
    k += put_sentence_notes(pg);
    if (!k)
        fputs("<li class=\"none\">None.</li>\n", out);
    fputs("</ul>\n</section>\n", out);
}

/* ---------------------------------------------------------------- summary */

static void put_count_row(FILE *out, const char *what, size_t added, size_t removed, size_t changed,
                          size_t unchanged, size_t before, size_t after)
{
    fprintf(out,
            "<tr><th scope=\"row\">%s</th><td>%zu</td><td>%zu</td><td>%zu</td><td>%zu</td>"
            "<td>%zu" ARROW "%zu</td></tr>\n",
            what, added, removed, changed, unchanged, before, after);
}

static void put_summary(page *pg)
{
    FILE *out = pg->out;
    kg_diff_summary s;
    kg_diff_summarize(pg->d, &s);
    bool changed = kg_diff_changed(pg->d);
    fputs("<header>\n<h1>", out);
    put_str(out, kg_diff_old_name(pg->d));
    fputs(ARROW, out);
    put_str(out, kg_diff_new_name(pg->d));
    fprintf(out, "</h1>\n<p class=\"verdict %s\">%s</p>\n", changed ? "yes" : "no",
            changed ? "The meaning changed." : "No change in meaning.");
    fputs("<table class=\"counts\">\n<thead><tr><th></th><th scope=\"col\">added</th>"
          "<th scope=\"col\">removed</th><th scope=\"col\">changed</th>"
          "<th scope=\"col\">unchanged</th><th scope=\"col\">old" ARROW "new</th></tr></thead>\n"
          "<tbody>\n",
          out);
    put_count_row(out, "entities", s.entities_added, s.entities_removed, s.entities_changed,
                  s.entities_unchanged, s.old_entities, s.new_entities);
    put_count_row(out, "relations", s.relations_added, s.relations_removed, s.relations_changed,
                  s.relations_unchanged, s.old_relations, s.new_relations);
    put_count_row(out, "claims", s.claims_added, s.claims_removed, s.claims_changed,
                  s.claims_unchanged, s.old_claims, s.new_claims);
    fputs("</tbody>\n</table>\n", out);
    fprintf(out,
            "<p class=\"kinds\">Changes by kind: %zu reversed, %zu value, %zu relation, "
            "%zu replaced.</p>\n",
            s.reversed, s.values, s.relabelled, s.replaced);
    fprintf(out,
            "<p class=\"kinds\">Sentences: %zu changed, of which %zu reworded without a change "
            "in meaning; %zu change%s following from an edit elsewhere; %zu entit%s "
            "renamed.</p>\n</header>\n",
            s.sentences_changed, s.sentences_reworded, s.context, s.context == 1 ? "" : "s",
            s.entities_renamed, s.entities_renamed == 1 ? "y" : "ies");
}

/* ---------------------------------------------------------------- versions */

static void put_cell(FILE *out, long sentence, bool mark)
{
    fprintf(out, "<td><span class=\"n\">%ld</span> ", sentence + 1);
    if (mark)
        fputs("<strong class=\"mark\">meaning changed</strong> ", out);
}

/* One pair's row: the changed words of an edited sentence marked on each
 * side, an added or removed sentence marked whole beside an empty cell. */
static void put_row(page *pg, size_t i)
{
    FILE *out = pg->out;
    const kg_diff_sentence_pair *sp = &pg->pairs[i];
    fprintf(out, "<tr id=\"s-%zu\" class=\"%s%s\">", i + 1, kg_diff_state_name(sp->state),
            sp->meaning_changed ? " meaning" : "");
    bool has_old = sp->old_text != NULL, has_new = sp->new_text != NULL;
    side a = {0}, b = {0};
    bool marked = sp->state == KG_DIFF_CHANGED && has_old && has_new;
    if (marked) {
        if (!side_init(&a, sp->old_text) || !side_init(&b, sp->new_text) ||
            !mark_common_words(&a, &b))
            pg->nomem = true;
        marked = !pg->nomem;
    }
    const char *old_tag = sp->state == KG_DIFF_UNCHANGED ? NULL : "del";
    const char *new_tag = sp->state == KG_DIFF_UNCHANGED ? NULL : "ins";
    if (has_old) {
        put_cell(out, sp->old_sentence, sp->meaning_changed);
        if (marked)
            put_marked(out, &a, old_tag);
        else if (old_tag) {
            fprintf(out, "<%s>", old_tag);
            put_str(out, sp->old_text);
            fprintf(out, "</%s>", old_tag);
        } else
            put_str(out, sp->old_text);
        fputs("</td>", out);
    } else
        fputs("<td class=\"empty\"></td>", out);
    if (has_new) {
        put_cell(out, sp->new_sentence, sp->meaning_changed && !has_old);
        if (marked)
            put_marked(out, &b, new_tag);
        else if (new_tag) {
            fprintf(out, "<%s>", new_tag);
            put_str(out, sp->new_text);
            fprintf(out, "</%s>", new_tag);
        } else
            put_str(out, sp->new_text);
        fputs("</td>", out);
    } else
        fputs("<td class=\"empty\"></td>", out);
    fputs("</tr>\n", out);
    free_side(&a);
    free_side(&b);
}

/* When a side holds several documents, a heading row where each begins. */
static bool several_docs(const page *pg)
{
    const char *first[2] = {NULL, NULL};
    for (size_t i = 0; i < pg->n_pairs; i++) {
        const char *doc[2] = {pg->pairs[i].old_doc, pg->pairs[i].new_doc};
        for (int s = 0; s < 2; s++) {
            if (!doc[s])
                continue;
            if (!first[s])
                first[s] = doc[s];
            else if (strcmp(first[s], doc[s]) != 0)
                return true;
        }
    }
    return false;
}

static void put_doc_row(FILE *out, const kg_diff_sentence_pair *sp)
{
    fputs("<tr class=\"doc\"><th scope=\"colgroup\">", out);
    put_str(out, sp->old_doc);
    fputs("</th><th scope=\"colgroup\">", out);
    put_str(out, sp->new_doc);
    fputs("</th></tr>\n", out);
}

static void put_versions(page *pg)
{
    FILE *out = pg->out;
    fputs("<section id=\"versions\">\n<h2>The two versions</h2>\n<table class=\"side\">\n"
          "<thead><tr><th scope=\"col\">",
          out);
    put_str(out, kg_diff_old_name(pg->d));
    fputs("</th><th scope=\"col\">", out);
    put_str(out, kg_diff_new_name(pg->d));
    fputs("</th></tr></thead>\n<tbody>\n", out);
    bool docs = several_docs(pg);
    const char *doc[2] = {NULL, NULL};
    for (size_t i = 0; i < pg->n_pairs && !pg->nomem && !ferror(out); i++) {
        const kg_diff_sentence_pair *sp = &pg->pairs[i];
        bool other = (sp->old_doc && (!doc[0] || strcmp(doc[0], sp->old_doc))) ||
                     (sp->new_doc && (!doc[1] || strcmp(doc[1], sp->new_doc)));
        if (docs && other)
            put_doc_row(out, sp);
        doc[0] = sp->old_doc ? sp->old_doc : doc[0];
        doc[1] = sp->new_doc ? sp->new_doc : doc[1];
        put_row(pg, i);
    }
    if (!pg->n_pairs)
        fputs("<tr><td class=\"empty\" colspan=\"2\">No sentences.</td></tr>\n", out);
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---------------------------------------------------------------- page */

/* Struck and underlined words, a bar and the words "meaning changed" on
 * rows whose sentence carries a change: the page reads in greyscale. */
static const char style[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:90em;padding:0 1em;"
    "color:#111;background:#fff}\n"
    "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}\n"
    "table{border-collapse:collapse}\n"
    ".counts th,.counts td{padding:.15em .7em;border-bottom:1px solid #ddd;text-align:right}\n"
    ".counts th[scope=row]{text-align:left}\n"
    ".verdict{font-weight:bold;font-size:1.1em}.verdict.yes{color:#8a1f11}\n"
    ".badge{display:inline-block;min-width:5.5em;font-size:.8em;font-weight:bold;"
    "text-transform:uppercase;letter-spacing:.03em}\n"
    "ul.changes li,ul.notes li{margin:.2em 0}.ev{color:#555;font-size:.9em}\n"
    ".side{width:100%;table-layout:fixed}\n"
    ".side th,.side td{width:50%;vertical-align:top;text-align:left;padding:.3em .6em;"
    "border-top:1px solid #e3e3e3;overflow-wrap:anywhere}\n"
    ".side tr.doc th{background:#f3f3f3}\n"
    ".side tr.unchanged td{color:#777}\n"
    ".side tr.meaning td{background:#fff6dc}\n"
    ".side tr.meaning td:first-child{border-left:4px solid #a66a00}\n"
    ".side td.empty{background:#f7f7f7}\n"
    "del{background:#fbd5d2;text-decoration:line-through}\n"
    "ins{background:#cdeccf;text-decoration:underline}\n"
    ".n{color:#888;font-size:.8em;margin-right:.3em}\n"
    ".mark{font-size:.75em;text-transform:uppercase;margin-right:.3em}\n"
    ".ctl{font-family:monospace;font-size:.85em;border:1px solid #999;padding:0 .1em}\n"
    "tr:target td{outline:2px solid #2b6cb0}\n";

static void put_page(page *pg)
{
    FILE *out = pg->out;
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>kg "
          "diff: ",
          out);
    put_str(out, kg_diff_old_name(pg->d));
    fputs(ARROW, out);
    put_str(out, kg_diff_new_name(pg->d));
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
    put_summary(pg);
    put_changes(pg);
    put_notes(pg);
    put_versions(pg);
    fputs("</body>\n</html>\n", out);
}

kg_status kg_diff_export_html(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    errno = 0;
    page pg = {out, d, NULL, 0, {NULL, 0}, {NULL, 0}, false};
    pg.pairs = kg_diff_sentence_pairs(d, &pg.n_pairs);
    kg_status st = KG_OK;
    if (!index_side(&pg.old_rows, pg.pairs, pg.n_pairs, true) ||
        !index_side(&pg.new_rows, pg.pairs, pg.n_pairs, false))
        pg.nomem = true;
    else
        put_page(&pg);
    if (pg.nomem)
        st = kg_error_set(err, KG_ERR_NOMEM, "diff: out of memory writing HTML");
    else if (fflush(out) != 0 || ferror(out))
        st = kg_export_io_error(err);
    free(pg.old_rows.keys);
    free(pg.new_rows.keys);
    return st;
}
