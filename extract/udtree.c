/* udtree.c - the sentence tree relation extraction walks (see udtree.h). */
#include "udtree.h"

#include <ctype.h>
#include <string.h>

#include "tokens.h"

static bool nominal_upos(const kg_ud_word *w)
{
    return w->upos && (!strcmp(w->upos, "NOUN") || !strcmp(w->upos, "PROPN") ||
                       !strcmp(w->upos, "PRON") || !strcmp(w->upos, "NUM"));
}

/* UD never makes a preposition the head of its noun, but the parser now and
 * then does ("communicate to Israeli Prime Minister Benjamin Netanyahu" with
 * "to" as the obl and the name as its subject): the first noun after such a
 * preposition takes its place and relation, the preposition becomes its
 * case marker, and the preposition's other dependents move to the noun. */
static void promote_prepositions(kg_ud_word *w, size_t n)
{
    for (size_t p = 0; p < n; p++) {
        if (!w[p].upos || strcmp(w[p].upos, "ADP") || !w[p].deprel ||
            !strncmp(w[p].deprel, "case", 4) || !strncmp(w[p].deprel, "mark", 4) ||
            !strncmp(w[p].deprel, "fixed", 5) || !strncmp(w[p].deprel, "compound", 8) ||
            !strcmp(w[p].deprel, "root") || !strcmp(w[p].deprel, "conj"))
            continue;
        size_t noun = n;
        for (size_t k = p + 1; k < n && noun == n; k++)
            if (w[k].head == p + 1 && nominal_upos(&w[k]))
                noun = k;
        if (noun == n)
            continue;
        w[noun].head = w[p].head;
        w[noun].deprel = w[p].deprel;
        w[p].head = noun + 1;
        w[p].deprel = "case";
        for (size_t k = 0; k < n; k++)
            if (k != noun && w[k].head == p + 1)
                w[k].head = noun + 1;
    }
}

/* "has said Britain should take": the parser sometimes makes the subject
 * of a reported clause the object of the verb of saying.  An object right
 * before a clausal complement that has no subject (and is no "to"
 * infinitive) is that clause's subject. */
static void subject_of_complement(kg_ud_word *w, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (!w[c].deprel || strcmp(w[c].deprel, "ccomp") || !w[c].head)
            continue;
        size_t v = w[c].head, obj = n, first = c;
        bool subject = false, to = false;
        for (size_t k = 0; k < n; k++) {
            if (w[k].head == c + 1 && w[k].deprel) {
                subject |= !strncmp(w[k].deprel, "nsubj", 5) || !strncmp(w[k].deprel, "csubj", 5);
                to |= !strcmp(w[k].deprel, "mark") && !strcmp(w[k].form, "to");
                if (k < first)
                    first = k;
            }
            if (w[k].head == v && w[k].deprel && !strcmp(w[k].deprel, "obj") && k < c)
                obj = k;
        }
        if (subject || to || obj == n || !nominal_upos(&w[obj]))
            continue;
        /* adjacent: every word between the object and the clause hangs
         * inside that stretch, so it is the object's (trees are projective) */
        bool inside = true;
        for (size_t k = obj + 1; k < first && inside; k++)
            inside = w[k].head >= obj + 1 && w[k].head <= first;
        if (!inside)
            continue;
        w[obj].head = c + 1;
        w[obj].deprel = "nsubj";
    }
}

/* "wrong about Britain winning the war": the parser may hang the noun
 * before a gerund on the main clause, leaving the gerund no subject (so it
 * would borrow the main clause's).  A gerund clause with neither subject
 * nor marker, right after an oblique of the same head that has a
 * preposition, is that noun's clause: the noun is its subject and the
 * preposition its marker. */
static void gerund_subject(kg_ud_word *w, size_t n)
{
    for (size_t g = 1; g < n; g++) {
        size_t x = g - 1;
        if (!w[g].xpos || strcmp(w[g].xpos, "VBG") || !w[g].deprel || strcmp(w[g].deprel, "advcl") ||
            !w[x].deprel || (strcmp(w[x].deprel, "obl") && strcmp(w[x].deprel, "nmod")) ||
            w[x].head != w[g].head || !nominal_upos(&w[x]))
            continue;
        size_t cs = n;
        bool own = false;
        for (size_t k = 0; k < n; k++) {
            if (!w[k].deprel)
                continue;
            if (w[k].head == g + 1 && (!strncmp(w[k].deprel, "nsubj", 5) || !strcmp(w[k].deprel, "mark")))
                own = true;
            if (w[k].head == x + 1 && !strcmp(w[k].deprel, "case") && k < x)
                cs = k;
        }
        if (own || cs == n)
            continue;
        w[x].head = g + 1;
        w[x].deprel = "nsubj";
        w[cs].head = g + 1;
        w[cs].deprel = "mark";
    }
}

/* "without players like Wilkinson, Tindall and Hill, England have lost":
 * the parser may run a finished list on into the subject after it.  A list
 * ends at its conjunct after "and"; a conjunct of a subject past that one,
 * with no conjunction of its own, is the subject, and the list is no
 * argument of the verb. */
static void closed_list(kg_ud_word *w, size_t n)
{
    for (size_t h = 0; h < n; h++) {
        if (!w[h].deprel || strncmp(w[h].deprel, "nsubj", 5) || !w[h].head)
            continue;
        size_t closed = n, after = n;
        for (size_t k = h + 1; k < n; k++) {
            if (w[k].head != h + 1 || !w[k].deprel || strcmp(w[k].deprel, "conj"))
                continue;
            bool cc = false;
            for (size_t j = h + 1; j < k && !cc; j++)
                cc = w[j].head == k + 1 && w[j].deprel && !strcmp(w[j].deprel, "cc");
            if (cc && closed == n)
                closed = k;
            else if (!cc && closed != n && after == n)
                after = k;
        }
        if (after == n)
            continue;
        w[after].head = w[h].head;
        w[after].deprel = w[h].deprel;
        w[h].deprel = "dep";
    }
}

/* '"Right now I feel that a little bit," he told BBC Sport': the parser may
 * hang the verb of saying after a quotation on a verb inside it, as its
 * clausal complement.  A complement after the quotation's end, with its own
 * subject there, whose head is inside the quotation, is the report: it takes
 * its head's place and the quotation becomes what it reports; the words on
 * either side of the closing mark go with their side. */
static void quote_inversion(kg_ud_word *w, size_t n)
{
    size_t open = n;
    for (size_t q = 0; q < n; q++) {
        if (!w[q].form || !kg_tokens_is_quote(w[q].form))
            continue;
        if (open == n) {
            open = q;
            continue;
        }
        size_t close = q;
        for (size_t c = close + 1; c < n; c++) {
            size_t h = w[c].head;
            if (!w[c].deprel || strcmp(w[c].deprel, "ccomp") || h == 0 || h - 1 <= open ||
                h - 1 >= close)
                continue;
            bool subject = false;
            for (size_t k = close + 1; k < n && !subject; k++)
                subject = w[k].head == c + 1 && w[k].deprel && !strncmp(w[k].deprel, "nsubj", 5);
            if (!subject)
                continue;
            size_t hv = h - 1;
            size_t up = w[hv].head; /* the quotation's own head: the root or outside it */
            if (up != 0 && up - 1 > open && up - 1 < close)
                continue;
            w[c].head = w[hv].head;
            w[c].deprel = w[hv].deprel;
            w[hv].head = c + 1;
            w[hv].deprel = "ccomp";
            for (size_t k = 0; k < n; k++) {
                if (k == c || k == hv)
                    continue;
                if (w[k].head == hv + 1 && k > close)
                    w[k].head = c + 1;
                else if (k > open && k < close && w[k].head > close + 1)
                    w[k].head = hv + 1; /* no arc leaves the quotation but the report's */
            }
            break;
        }
        open = n;
    }
}

kg_status kg_udtree_build(kg_arena *a, const char *text, const kg_ud_word *w, size_t n,
                          const long *word_entity, kg_udtree *t, kg_error *err)
{
    memset(t, 0, sizeof *t);
    t->text = text;
    t->n = n;
    kg_ud_word *ww = kg_arena_alloc(a, (n ? n : 1) * sizeof *ww);
    if (!ww)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    if (n)
        memcpy(ww, w, n * sizeof *ww);
    promote_prepositions(ww, n);
    subject_of_complement(ww, n);
    closed_list(ww, n);
    gerund_subject(ww, n);
    quote_inversion(ww, n);
    t->w = ww;
    w = ww;
    t->entity = word_entity;
    size_t m = n ? n : 1;
    t->head = kg_arena_alloc(a, m * sizeof *t->head);
    t->kids = kg_arena_alloc(a, m * sizeof *t->kids);
    t->kid_at = kg_arena_alloc(a, (m + 1) * sizeof *t->kid_at);
    t->lo = kg_arena_alloc(a, m * sizeof *t->lo);
    t->hi = kg_arena_alloc(a, m * sizeof *t->hi);
    if (!t->head || !t->kids || !t->kid_at || !t->lo || !t->hi)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        t->head[i] = w[i].head >= 1 && w[i].head <= n && w[i].head != i + 1 ? w[i].head - 1
                                                                             : KG_UD_NONE;
    /* the parser only makes trees, but a tree from elsewhere may loop: a
     * word on a cycle is cut loose from its head */
    for (size_t i = 0; i < n; i++) {
        size_t h = t->head[i], steps = 0;
        while (h != KG_UD_NONE && h != i && steps++ < n)
            h = t->head[h];
        if (h == i)
            t->head[i] = KG_UD_NONE;
    }
    for (size_t i = 0; i <= n; i++)
        t->kid_at[i] = 0;
    for (size_t i = 0; i < n; i++)
        if (t->head[i] != KG_UD_NONE)
            t->kid_at[t->head[i] + 1]++;
    for (size_t i = 0; i < n; i++)
        t->kid_at[i + 1] += t->kid_at[i];
    size_t *fill = kg_arena_alloc(a, m * sizeof *fill);
    if (!fill)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        fill[i] = t->kid_at[i];
    for (size_t i = 0; i < n; i++)
        if (t->head[i] != KG_UD_NONE)
            t->kids[fill[t->head[i]]++] = i;
    for (size_t i = 0; i < n; i++)
        t->lo[i] = t->hi[i] = i;
    /* every word widens each of its ancestors' extents */
    for (size_t i = 0; i < n; i++)
        for (size_t h = t->head[i], steps = 0; h != KG_UD_NONE && steps < n;
             h = t->head[h], steps++) {
            if (t->lo[h] > i)
                t->lo[h] = i;
            if (t->hi[h] < i)
                t->hi[h] = i;
        }
    return KG_OK;
}

bool kg_udtree_is(const kg_udtree *t, size_t i, const char *rel)
{
    if (i >= t->n || !t->w[i].deprel)
        return false;
    const char *d = t->w[i].deprel;
    size_t k = strlen(rel);
    if (strncmp(d, rel, k))
        return false;
    return d[k] == '\0' || (d[k] == ':' && !strchr(rel, ':'));
}

size_t kg_udtree_child(const kg_udtree *t, size_t i, const char *rel)
{
    if (i >= t->n)
        return KG_UD_NONE;
    for (size_t k = t->kid_at[i]; k < t->kid_at[i + 1]; k++)
        if (kg_udtree_is(t, t->kids[k], rel))
            return t->kids[k];
    return KG_UD_NONE;
}

const size_t *kg_udtree_kids(const kg_udtree *t, size_t i, size_t *n)
{
    if (i >= t->n) {
        *n = 0;
        return t->kids;
    }
    *n = t->kid_at[i + 1] - t->kid_at[i];
    return t->kids + t->kid_at[i];
}

bool kg_udtree_under(const kg_udtree *t, size_t i, size_t root)
{
    if (i >= t->n || root >= t->n || i < t->lo[root] || i > t->hi[root])
        return false;
    for (size_t h = i, steps = 0; h != KG_UD_NONE && steps <= t->n; h = t->head[h], steps++)
        if (h == root)
            return true;
    return false;
}

bool kg_udtree_upos(const kg_udtree *t, size_t i, const char *upos)
{
    return i < t->n && t->w[i].upos && !strcmp(t->w[i].upos, upos);
}

const char *kg_udtree_lemma(kg_arena *a, const kg_udtree *t, size_t i)
{
    const char *l = t->w[i].lemma && *t->w[i].lemma ? t->w[i].lemma : t->w[i].form;
    char *s = kg_arena_strdup(a, l ? l : "");
    if (s)
        for (char *p = s; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return s;
}

/* Words that never begin or end a phrase. */
static bool edge_word(const kg_udtree *t, size_t i)
{
    return kg_udtree_upos(t, i, "PUNCT") || kg_udtree_upos(t, i, "CCONJ") ||
           kg_udtree_is(t, i, "mark") || kg_udtree_is(t, i, "cc");
}

void kg_udtree_phrase_words(const kg_udtree *t, size_t root, const bool *cut, bool *keep)
{
    for (size_t i = 0; i < t->n; i++)
        keep[i] = false;
    if (root >= t->n)
        return;
    for (size_t i = t->lo[root]; i <= t->hi[root]; i++) {
        bool in = false;
        for (size_t h = i, steps = 0; h != KG_UD_NONE && steps <= t->n; h = t->head[h], steps++) {
            if (h == root) {
                in = true;
                break;
            }
            if (cut && cut[h])
                break;
        }
        keep[i] = in;
    }
    size_t first = t->lo[root], last = t->hi[root];
    while (first <= last && (!keep[first] || (first != root && edge_word(t, first))))
        keep[first++] = false;
    while (last > first && (!keep[last] || (last != root && edge_word(t, last))))
        keep[last--] = false;
}

const char *kg_udtree_join(kg_arena *a, const kg_udtree *t, const bool *keep, bool *oom)
{
    size_t len = 0, prev = KG_UD_NONE;
    for (size_t i = 0; i < t->n; i++)
        if (keep[i]) {
            len += t->w[i].end - t->w[i].start + 1;
            if (prev != KG_UD_NONE && prev + 1 == i)
                len += t->w[i].start - t->w[prev].end;
            prev = i;
        }
    if (!len)
        return NULL;
    char *s = kg_arena_alloc(a, len + 1);
    if (!s) {
        *oom = true;
        return NULL;
    }
    size_t k = 0;
    prev = KG_UD_NONE;
    for (size_t i = 0; i < t->n; i++) {
        if (!keep[i])
            continue;
        if (prev != KG_UD_NONE) {
            if (prev + 1 == i && t->w[i].start >= t->w[prev].end) {
                for (size_t b = t->w[prev].end; b < t->w[i].start; b++)
                    s[k++] = isspace((unsigned char)t->text[b]) ? ' ' : t->text[b];
            } else {
                s[k++] = ' ';
            }
        }
        for (size_t b = t->w[i].start; b < t->w[i].end; b++)
            s[k++] = t->text[b] == '\n' || t->text[b] == '\r' || t->text[b] == '\t' ? ' '
                                                                                   : t->text[b];
        prev = i;
    }
    s[k] = '\0';
    /* runs of spaces from a line break inside a phrase become one */
    size_t j = 0;
    for (size_t i = 0; i < k; i++)
        if (s[i] != ' ' || (j && s[j - 1] != ' '))
            s[j++] = s[i];
    while (j && s[j - 1] == ' ')
        j--;
    s[j] = '\0';
    return j ? s : NULL;
}

const char *kg_udtree_phrase(kg_arena *a, const kg_udtree *t, size_t root, const bool *cut,
                             bool *oom)
{
    bool *keep = kg_arena_alloc(a, (t->n ? t->n : 1) * sizeof *keep);
    if (!keep) {
        *oom = true;
        return NULL;
    }
    kg_udtree_phrase_words(t, root, cut, keep);
    return kg_udtree_join(a, t, keep, oom);
}

long kg_udtree_entity(const kg_udtree *t, size_t i)
{
    if (i >= t->n)
        return -1;
    /* a name's flat words follow its first word, which UD makes the head;
     * the phrase names what its last word names ("U.N. Ambassador
     * Albright", parsed as one flat name headed by "U.N.", is Albright) */
    size_t last = i;
    size_t nk;
    const size_t *kk = kg_udtree_kids(t, i, &nk);
    for (size_t j = 0; j < nk; j++)
        if (kk[j] == last + 1 && kg_udtree_is(t, kk[j], "flat") && t->entity[kk[j]] >= 0)
            last = kk[j];
    if (last != i && t->entity[last] >= 0)
        return t->entity[last];
    if (t->entity[i] >= 0)
        return t->entity[i];
    /* "Secretary Blinken", "President Joe Biden": the parser may head the
     * phrase on the title */
    size_t n;
    const size_t *k = kg_udtree_kids(t, i, &n);
    for (size_t j = 0; j < n; j++)
        if ((kg_udtree_is(t, k[j], "flat") || kg_udtree_is(t, k[j], "appos") ||
             kg_udtree_is(t, k[j], "compound")) &&
            k[j] == i + 1 && t->entity[k[j]] >= 0 && kg_udtree_upos(t, k[j], "PROPN") &&
            kg_udtree_upos(t, i, "PROPN"))
            return t->entity[k[j]];
    return -1;
}
