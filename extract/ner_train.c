/* ner_train.c - the NER tagger's truth (GUM's named mentions), training and scoring.
 *
 * GUM marks every mention, named or not, in the MISC column: "Entity=(3-place-
 * ..." opens mention 3 at a word, "3)" closes it at a later one, "(3-...)"
 * is a one-word mention, and several may open and close at one word.  The
 * named ones become BILOU tags (ner.h, kg_ner_gold_spans, says which), which
 * the perceptron learns greedily left to right on its own previous tags, as
 * it will tag.  Deterministic: the sentence order of each epoch comes from
 * the seed alone. */
#include "ner_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shuffle.h"

void kg_ner_training_init(kg_ner_training *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 10;
    o->min_updates = 2;
    o->seed = 1;
}

/* ------------------------------------------------------------ GUM's mentions */

typedef struct mention {
    size_t start, end;    /* words, end exclusive */
    const char *type;     /* into the MISC column, typelen bytes */
    size_t typelen;
} mention;

typedef struct open_mention {
    const char *id, *type;
    size_t idlen, typelen, start;
} open_mention;

/* The value of Entity= in a MISC column, and its length; NULL when none. */
static const char *entity_field(const char *misc, size_t *len)
{
    for (const char *p = misc; p && *p;) {
        if (strncmp(p, "Entity=", 7) == 0) {
            p += 7;
            const char *e = strchr(p, '|');
            *len = e ? (size_t)(e - p) : strlen(p);
            return p;
        }
        p = strchr(p, '|');
        if (p)
            p++;
    }
    return NULL;
}

/* Reads one word's openings and closings; closed mentions go to done. */
static kg_status scan_entities(const char *v, size_t len, size_t word, kg_vec *open, kg_vec *done)
{
    const char *p = v, *end = v + len;
    while (p < end) {
        bool opening = *p == '(';
        if (opening)
            p++;
        const char *q = p;
        while (q < end && *q != '(' && *q != ')')
            q++;
        const char *dash = memchr(p, '-', (size_t)(q - p));
        size_t idlen = dash ? (size_t)(dash - p) : (size_t)(q - p);
        if (opening) {
            open_mention o = {p, "", idlen, 0, word};
            if (dash) {
                const char *t = dash + 1, *te = memchr(t, '-', (size_t)(q - t));
                o.type = t;
                o.typelen = te ? (size_t)(te - t) : (size_t)(q - t);
            }
            if (q < end && *q == ')') {
                mention m = {word, word + 1, o.type, o.typelen};
                if (!kg_vec_push(done, &m))
                    return KG_ERR_NOMEM;
                q++;
            } else if (!kg_vec_push(open, &o))
                return KG_ERR_NOMEM;
        } else {
            /* "3)" closes the innermost open mention 3 */
            for (size_t k = open->len; k-- > 0;) {
                open_mention *o = kg_vec_at(open, k);
                if (o->idlen == idlen && memcmp(o->id, p, idlen) == 0) {
                    mention m = {o->start, word + 1, o->type, o->typelen};
                    if (!kg_vec_push(done, &m))
                        return KG_ERR_NOMEM;
                    memmove(o, o + 1, (open->len - k - 1) * sizeof *o);
                    open->len--;
                    break;
                }
            }
            if (q < end && *q == ')')
                q++;
        }
        p = q > p ? q : p + 1;
    }
    return KG_OK;
}

/* GUM's UPOS calls "New" in "New York" and "Royal" in "Royal Institute"
 * ADJ; its Penn tag says they are part of a name. */
static bool is_propn(const kg_conllu_sentence *s, size_t i)
{
    const char *x = s->words[i].xpos;
    return strcmp(s->words[i].upos, "PROPN") == 0 || strcmp(x, "NNP") == 0 ||
           strcmp(x, "NNPS") == 0;
}

/* Words that join the parts of one name ("Bank of England", "Rolls - Royce"). */
static bool is_connector(const char *form)
{
    static const char *const words[] = {"of", "and", "&", "de", "du", "von", "van", "the", "-"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcasecmp(form, words[i]) == 0)
            return true;
    return false;
}

static bool is_and(const char *form)
{
    return strcasecmp(form, "and") == 0 || strcmp(form, "&") == 0;
}

/* Extends [*l, *r] (inclusive) over PROPNs and connectors between them,
 * within [s, e).  Across "and" only where no mention of its own starts
 * after it: "Procter & Gamble" is one name, "France and Germany" two. */
static void grow_run(const kg_conllu_sentence *s, const bool *starts, size_t s0, size_t e0,
                     size_t *l, size_t *r)
{
    for (;;) {
        size_t j = *r + 1;
        bool and = false;
        while (j < e0 && is_connector(s->words[j].form)) {
            and |= is_and(s->words[j].form);
            j++;
        }
        if (j >= e0 || !is_propn(s, j) || (and && starts[j]))
            break;
        *r = j;
    }
    for (;;) {
        size_t j = *l;
        bool and = false;
        while (j > s0 && is_connector(s->words[j - 1].form)) {
            and |= is_and(s->words[j - 1].form);
            j--;
        }
        if (j == s0 || !is_propn(s, j - 1) || (and && starts[*l]))
            break;
        *l = j - 1;
    }
}

/* The class of a GUM entity type; false for types that are not names. */
static bool class_of(const char *type, size_t len, kg_ner_class *c)
{
#define IS(t) (len == sizeof t - 1 && memcmp(type, t, len) == 0)
    if (IS("time") || IS("quantity"))
        return false;
    *c = IS("person") ? KG_NER_PER : IS("organization") ? KG_NER_ORG : IS("place") ? KG_NER_LOC
                                                                                    : KG_NER_OTH;
    return true;
#undef IS
}

/* The named span of mention m, false when it is not a name. */
static bool named_span(const kg_lexicon *lx, const kg_conllu_sentence *s, const bool *starts,
                       const mention *m, kg_ner_span *out)
{
    kg_ner_class c;
    if (!class_of(m->type, m->typelen, &c))
        return false;
    size_t head = m->end;
    for (size_t k = m->start; k < m->end && head == m->end; k++) {
        size_t h = s->words[k].head;
        if (h == 0 || h - 1 < m->start || h - 1 >= m->end)
            head = k;
    }
    if (head == m->end || !is_propn(s, head))
        return false;
    size_t l = head, r = head;
    grow_run(s, starts, m->start, m->end, &l, &r);
    if (c == KG_NER_PER) {
        const char *forms[8];
        size_t nf = 0;
        for (size_t k = l; k <= r && nf < 8; k++)
            forms[nf++] = s->words[k].form;
        size_t t = kg_lexicon_title_len(lx, forms, nf);
        if (t == nf)
            return false; /* "the Emperor" is a role */
        if (t > 0) {
            /* "President of France" is a role; the name in it is its own mention */
            if (!is_propn(s, l + t))
                return false;
            l += t;
        }
    }
    bool plural;
    if (l == r && kg_lexicon_demonym(lx, s->words[l].form, &plural))
        c = KG_NER_OTH;
    *out = (kg_ner_span){l, r + 1, c, 0};
    return true;
}

static int by_length_desc(const void *a, const void *b)
{
    const kg_ner_span *x = a, *y = b;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int by_start(const void *a, const void *b)
{
    const kg_ner_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Keeps the longest of overlapping spans, in sentence order; returns how many. */
static size_t keep_outermost(kg_ner_span *c, size_t n)
{
    qsort(c, n, sizeof *c, by_length_desc);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool free_ = true;
        for (size_t j = 0; j < k && free_; j++)
            free_ = c[i].end <= c[j].start || c[j].end <= c[i].start;
        if (free_)
            c[k++] = c[i];
    }
    qsort(c, k, sizeof *c, by_start);
    return k;
}

kg_status kg_ner_gold_spans(const kg_lexicon *lx, kg_arena *a, const kg_conllu_sentence *s,
                            kg_ner_span **out, size_t *n_out, kg_error *err)
{
    *out = NULL;
    *n_out = 0;
    kg_vec open, done;
    kg_vec_init(&open, sizeof(open_mention));
    kg_vec_init(&done, sizeof(mention));
    kg_status st = KG_OK;
    for (size_t i = 0; i < s->n_words && st == KG_OK; i++) {
        size_t len;
        const char *v = entity_field(s->words[i].misc, &len);
        if (v && scan_entities(v, len, i, &open, &done) != KG_OK)
            st = KG_ERR_NOMEM;
    }
    bool *starts = kg_arena_alloc(a, (s->n_words ? s->n_words : 1) * sizeof *starts);
    kg_ner_span *c = kg_arena_alloc(a, (done.len ? done.len : 1) * sizeof *c);
    if (st != KG_OK || !starts || !c) {
        kg_vec_free(&open);
        kg_vec_free(&done);
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    }
    for (size_t k = 0; k < done.len; k++)
        starts[((mention *)kg_vec_at(&done, k))->start] = true;
    size_t n = 0;
    for (size_t k = 0; k < done.len; k++)
        n += named_span(lx, s, starts, kg_vec_at(&done, k), &c[n]);
    kg_vec_free(&open);
    kg_vec_free(&done);
    *n_out = keep_outermost(c, n);
    *out = *n_out ? c : NULL;
    return KG_OK;
}

/* ------------------------------------------------------------ reading */

typedef struct sentence {
    const char **forms;
    uint8_t *gold;
    kg_ner_word *w;
    bool headline;
    size_t n;
} sentence;

static kg_status to_tags(const kg_ner_span *sp, size_t ns, uint8_t *tags)
{
    for (size_t k = 0; k < ns; k++) {
        size_t s = sp[k].start, e = sp[k].end;
        if (e - s == 1)
            tags[s] = KG_NER_TAG(sp[k].cls, KG_NER_U);
        else {
            tags[s] = KG_NER_TAG(sp[k].cls, KG_NER_B);
            for (size_t i = s + 1; i + 1 < e; i++)
                tags[i] = KG_NER_TAG(sp[k].cls, KG_NER_I);
            tags[e - 1] = KG_NER_TAG(sp[k].cls, KG_NER_L);
        }
    }
    return KG_OK;
}

/* News writes headlines in capitals ("LEICESTERSHIRE TAKE OVER AT TOP"),
 * which GUM hardly shows: training also sees a third of GUM's sentences in
 * capitals, with the original's tags.  (Copies with persons' first names
 * cut to an initial, "P. Simmons", measured no better.) */
static const char *upper_copy(kg_arena *a, const char *s)
{
    char *u = kg_arena_strdup(a, s);
    for (char *p = u; p && *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return u;
}

static kg_status push_words(const kg_lexicon *lx, kg_arena *a, sentence *x, kg_vec *out,
                            kg_error *err)
{
    if (!(x->w = kg_ner_words(lx, a, x->forms, x->n, &x->headline)) || !kg_vec_push(out, x))
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    return KG_OK;
}

static kg_status augment(const kg_lexicon *lx, kg_arena *a, const sentence *x, size_t index,
                         kg_vec *out, kg_error *err)
{
    kg_status st = KG_OK;
    if (index % 3 == 0) {
        sentence c = *x;
        if (!(c.forms = kg_arena_alloc(a, x->n * sizeof *c.forms)))
            return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
        for (size_t k = 0; k < x->n && st == KG_OK; k++)
            if (!(c.forms[k] = upper_copy(a, x->forms[k])))
                st = kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
        if (st == KG_OK)
            st = push_words(lx, a, &c, out, err);
    }
    return st;
}

static kg_status read_sentences(const kg_lexicon *lx, kg_arena *a, const char *const *files,
                                size_t n_files, kg_vec *out, kg_error *err)
{
    kg_status st = KG_OK;
    for (size_t f = 0; f < n_files && st == KG_OK; f++) {
        kg_conllu_sentence *s = NULL;
        size_t ns = 0;
        st = kg_conllu_read_file(a, files[f], &s, &ns, err);
        for (size_t i = 0; i < ns && st == KG_OK; i++) {
            if (s[i].n_words == 0)
                continue;
            sentence x = {kg_arena_alloc(a, s[i].n_words * sizeof(char *)),
                          kg_arena_alloc(a, s[i].n_words), NULL, false, s[i].n_words};
            kg_ner_span *sp;
            size_t nsp;
            if (!x.forms || !x.gold)
                return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
            for (size_t k = 0; k < x.n; k++)
                x.forms[k] = s[i].words[k].form;
            st = kg_ner_gold_spans(lx, a, &s[i], &sp, &nsp, err);
            if (st == KG_OK)
                st = to_tags(sp, nsp, x.gold);
            if (st == KG_OK)
                st = push_words(lx, a, &x, out, err);
            if (st == KG_OK)
                st = augment(lx, a, &x, i, out, err);
        }
    }
    return st;
}

/* ------------------------------------------------------------ scoring */

static void compare(const kg_ner_span *g, size_t ng, const kg_ner_span *p, size_t np,
                    kg_ner_counts *c)
{
    for (size_t i = 0; i < np; i++) {
        bool hit = false;
        for (size_t j = 0; j < ng && !hit; j++)
            hit = g[j].start == p[i].start && g[j].end == p[i].end && g[j].cls == p[i].cls;
        if (hit)
            c->tp[p[i].cls]++;
        else
            c->fp[p[i].cls]++;
    }
    for (size_t j = 0; j < ng; j++) {
        bool hit = false;
        for (size_t i = 0; i < np && !hit; i++)
            hit = g[j].start == p[i].start && g[j].end == p[i].end && g[j].cls == p[i].cls;
        if (!hit)
            c->fn[g[j].cls]++;
    }
}

kg_status kg_ner_evaluate(const kg_ner *m, const kg_lexicon *lx, const char *const *files,
                          size_t n_files, kg_ner_counts *c, kg_error *err)
{
    kg_status st = KG_OK;
    for (size_t f = 0; f < n_files && st == KG_OK; f++) {
        kg_arena *a = kg_arena_new();
        if (!a)
            return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
        kg_conllu_sentence *s = NULL;
        size_t ns = 0;
        st = kg_conllu_read_file(a, files[f], &s, &ns, err);
        for (size_t i = 0; i < ns && st == KG_OK; i++) {
            const char **forms = kg_arena_alloc(a, (s[i].n_words + 1) * sizeof *forms);
            if (!forms) {
                st = kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
                break;
            }
            for (size_t k = 0; k < s[i].n_words; k++)
                forms[k] = s[i].words[k].form;
            kg_ner_span *g, *p;
            size_t ng, np;
            st = kg_ner_gold_spans(lx, a, &s[i], &g, &ng, err);
            double t0 = kg_thread_cpu_seconds();
            if (st == KG_OK)
                st = kg_ner_tag(m, lx, a, forms, s[i].n_words, &p, &np, err);
            c->seconds += kg_thread_cpu_seconds() - t0;
            if (st == KG_OK)
                compare(g, ng, p, np, c);
            c->sentences++;
            c->tokens += s[i].n_words;
        }
        kg_arena_free(a);
    }
    return st;
}

static void print_prf(FILE *f, const char *name, size_t tp, size_t fp, size_t fn)
{
    double p = tp + fp ? 100.0 * (double)tp / (double)(tp + fp) : 0;
    double r = tp + fn ? 100.0 * (double)tp / (double)(tp + fn) : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    fprintf(f, "  %-4s precision %6.2f recall %6.2f F1 %6.2f  (tp %zu fp %zu fn %zu)\n", name, p, r,
            f1, tp, fp, fn);
}

void kg_ner_counts_print(FILE *f, const kg_ner_counts *c, unsigned mask)
{
    size_t tp = 0, fp = 0, fn = 0;
    for (unsigned k = 0; k < KG_NER_CLASSES; k++) {
        if (!(mask & 1u << k))
            continue;
        print_prf(f, kg_ner_class_name((kg_ner_class)k), c->tp[k], c->fp[k], c->fn[k]);
        tp += c->tp[k];
        fp += c->fp[k];
        fn += c->fn[k];
    }
    print_prf(f, "all", tp, fp, fn);
}

/* ------------------------------------------------------------ training */

typedef struct trainer {
    kg_perc_train *pt;
    uint8_t *pred;
    size_t pred_cap;
} trainer;

/* One greedy pass over x, learning from each mistake; returns the number
 * of tokens tagged right, -1 when out of memory. */
static long train_sentence(trainer *t, const sentence *x)
{
    if (x->n > t->pred_cap) {
        uint8_t *p = realloc(t->pred, x->n);
        if (!p)
            return -1;
        t->pred = p;
        t->pred_cap = x->n;
    }
    uint64_t f[KG_NER_MAX_FEATS];
    float scores[KG_NER_TAGS];
    bool allowed[KG_NER_TAGS];
    long right = 0;
    for (size_t i = 0; i < x->n; i++) {
        size_t nf = kg_ner_features(x->w, x->n, i, x->headline, t->pred, f);
        kg_perc_train_score(t->pt, f, nf, scores);
        kg_ner_allowed(i ? t->pred[i - 1] : KG_NER_TAGS, i + 1 == x->n, allowed);
        size_t guess = kg_perc_argmax(scores, allowed, KG_NER_TAGS);
        if (!kg_perc_train_update(t->pt, f, nf, x->gold[i], guess))
            return -1;
        kg_perc_train_tick(t->pt);
        right += guess == x->gold[i];
        t->pred[i] = (uint8_t)guess;
    }
    return right;
}

static kg_status log_dev(const kg_ner_training *o, const kg_lexicon *lx, const kg_perc_train *pt,
                         int epoch, kg_error *err)
{
    kg_ner m = {kg_perc_train_average(pt, 1e-3f, o->min_updates), NULL, NULL, {0}};
    if (!m.perc)
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    kg_ner_counts c = {0};
    kg_status st = kg_ner_evaluate(&m, lx, o->dev_files, o->n_dev_files, &c, err);
    if (st == KG_OK) {
        fprintf(o->log, "ner epoch %d, dev (%zu sentences):\n", epoch, c.sentences);
        kg_ner_counts_print(o->log, &c, 0xFu);
    }
    kg_perc_free(m.perc);
    return st;
}

static char *default_name(const kg_ner_training *o)
{
    size_t len = sizeof "kg NER tagger from";
    for (size_t i = 0; i < o->n_files; i++) {
        const char *b = strrchr(o->files[i], '/');
        len += strlen(b ? b + 1 : o->files[i]) + 1;
    }
    char *s = malloc(len);
    if (!s)
        return NULL;
    strcpy(s, "kg NER tagger from");
    for (size_t i = 0; i < o->n_files; i++) {
        const char *b = strrchr(o->files[i], '/');
        strcat(s, " ");
        strcat(s, b ? b + 1 : o->files[i]);
    }
    return s;
}

static kg_status train_epochs(const kg_ner_training *o, const kg_lexicon *lx, const sentence *x,
                              size_t n, trainer *t, kg_error *err)
{
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    kg_shuffle_state rng;
    kg_shuffle_seed(&rng, o->seed);
    kg_status st = KG_OK;
    for (int e = 0; e < o->epochs && st == KG_OK; e++) {
        kg_shuffle(&rng, order, n);
        long right = 0, total = 0;
        for (size_t k = 0; k < n && st == KG_OK; k++) {
            long r = train_sentence(t, &x[order[k]]);
            if (r < 0)
                st = kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
            right += r;
            total += (long)x[order[k]].n;
        }
        if (o->log && st == KG_OK)
            fprintf(o->log, "ner epoch %d: %.2f%% of tags right while training, %zu features\n",
                    e + 1, total ? 100.0 * (double)right / (double)total : 0.0,
                    kg_perc_train_rows(t->pt));
        if (o->log && o->n_dev_files && st == KG_OK)
            st = log_dev(o, lx, t->pt, e + 1, err);
    }
    free(order);
    return st;
}

kg_status kg_ner_train(const kg_ner_training *o, const kg_lexicon *lx, kg_ner **out, kg_error *err)
{
    *out = NULL;
    if (!lx || o->epochs < 1)
        return kg_error_set(err, KG_ERR_USAGE, "ner: training needs the lexicon and 1 epoch or more");
    kg_arena *a = kg_arena_new();
    kg_ner *m = calloc(1, sizeof *m);
    trainer t = {kg_perc_train_new(KG_NER_TAGS), NULL, 0};
    kg_vec s;
    kg_vec_init(&s, sizeof(sentence));
    kg_status st = a && m && t.pt ? KG_OK : kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    if (st == KG_OK)
        st = read_sentences(lx, a, o->files, o->n_files, &s, err);
    if (st == KG_OK && s.len == 0)
        st = kg_error_set(err, KG_ERR_INPUT, "ner: no sentences to train on");
    if (st == KG_OK)
        st = train_epochs(o, lx, s.items, s.len, &t, err);
    if (st == KG_OK && !(m->perc = kg_perc_train_average(t.pt, 1e-3f, o->min_updates)))
        st = kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    if (st == KG_OK && !(m->own_name = o->name ? strdup(o->name) : default_name(o)))
        st = kg_error_set(err, KG_ERR_NOMEM, "ner: out of memory");
    if (st == KG_OK) {
        m->name = m->own_name;
        if (o->log)
            fprintf(o->log, "ner: %zu features, %zu weights kept\n", kg_perc_features(m->perc),
                    kg_perc_weights(m->perc));
    }
    kg_perc_train_free(t.pt);
    free(t.pred);
    kg_vec_free(&s);
    kg_arena_free(a);
    if (st != KG_OK) {
        kg_ner_free(m);
        return st;
    }
    *out = m;
    return KG_OK;
}
