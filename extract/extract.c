/* extract.c - the first stage end to end: read, split, tokenize, find
 * entities, parse, extract triples.
 *
 * Everything a document produces lives in one arena owned by kg_document.
 * Only sentences that mention an entity are parsed (unless parse_all), and
 * with graph_only only those naming two different entities: the graph keeps
 * only triples between two entities, every argument's entity comes from the
 * sentence's own mentions (pronouns and role descriptions included), and
 * parsing is most of the cost.  Each stage is timed into the document's
 * kg_extract_stats, which costs a few clock reads per sentence (~1 us against
 * a parse of ~20 ms). */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entities.h"
#include "lexicon.h"
#include "parse_cache.h"
#include "parser.h"
#include "reader.h"
#include "relations.h"
#include "sentences.h"
#include "tokens.h"
#include "triples.h"

#ifndef KG_DATADIR
#define KG_DATADIR "data"
#endif

/* code-point offsets are found from a checkpoint every CP_STRIDE bytes */
#define CP_STRIDE 256

struct kg_resources {
    kg_lexicon *lexicon;
    kg_parser *parser; /* NULL when not loaded */
    kg_ud_model *ud;   /* NULL when not loaded */
    bool use_lg;
};

struct kg_document {
    kg_arena *arena;
    kg_doc doc;
    kg_span *sentences;
    size_t n_sentences;
    kg_token **tokens;
    size_t *n_tokens;
    kg_entity_result ents;
    kg_triple *triples;
    size_t n_triples;
    size_t *cp_marks; /* code-point offset of byte k * CP_STRIDE */
    kg_extract_stats stats;
};

/* Stage times are CPU time of the calling thread, not wall time: kg runs
 * on shared machines.  Two runs of the same 102 BBC articles on a 2-core
 * machine with a load average of 7-9 took 90 s and 71 s of wall time (52 s
 * and 77 s for another pair) but 28.2 s and 28.3 s of parse CPU time. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *kg_entity_type_name(kg_entity_type t)
{
    switch (t) {
    case KG_ENT_PERSON:
        return "person";
    case KG_ENT_ORGANIZATION:
        return "organization";
    case KG_ENT_COUNTRY:
        return "country";
    case KG_ENT_LOCATION:
        return "location";
    }
    return "unknown";
}

bool kg_entity_type_parse(const char *s, kg_entity_type *out)
{
    for (int t = KG_ENT_PERSON; t <= KG_ENT_LOCATION; t++) {
        if (strcmp(s, kg_entity_type_name((kg_entity_type)t)) == 0) {
            *out = (kg_entity_type)t;
            return true;
        }
    }
    return false;
}

const char *kg_resolution_name(kg_resolution r)
{
    static const char *const names[] = {"name",    "short",   "alias", "acronym",
                                        "demonym", "pronoun", "role"};
    return (size_t)r < sizeof names / sizeof names[0] ? names[r] : "unknown";
}

typedef struct lexicon_load {
    const char *dir;
    kg_lexicon *lexicon;
    kg_error err;
    kg_status st;
} lexicon_load;

static void *load_lexicon(void *arg)
{
    lexicon_load *ll = arg;
    ll->st = kg_lexicon_load(ll->dir, NULL, &ll->lexicon, &ll->err);
    return NULL;
}

kg_status kg_resources_load(const kg_resources_options *opts, kg_resources **out, kg_error *err)
{
    const char *dir = opts && opts->data_dir ? opts->data_dir : getenv("KG_DATA_DIR");
    if (!dir || !*dir)
        dir = KG_DATADIR;
    kg_resources *r = calloc(1, sizeof *r);
    if (!r)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory loading resources");
    /* The word lists (0.07-0.09 s) load on a thread of their own while this
     * one loads the link-grammar dictionary (0.13-0.2 s): a start-up costs
     * the longer of the two, not their sum, which is most of what a small
     * job (one article, a kg diff on a warm cache) waits for.  The
     * dictionary stays on the calling thread because link-grammar keeps
     * per-thread state of its own that it never frees when a thread ends.
     * link-grammar may switch the process's LC_CTYPE from "C" to "C.UTF-8"
     * meanwhile; the lists are read with <ctype.h> calls on single bytes,
     * which both locales class alike (ASCII as ASCII, bytes above 0x7F as
     * nothing).  Without a thread the lists load first, here. */
    bool want_parser = !opts || opts->load_parser;
    lexicon_load ll = {.dir = dir, .st = KG_OK};
    pthread_t th;
    bool threaded = want_parser && pthread_create(&th, NULL, load_lexicon, &ll) == 0;
    if (!threaded)
        load_lexicon(&ll);
    kg_error perr = {0};
    kg_status pst = KG_OK;
    /* Relations from the UD trees (relations.h) replace link-grammar's once
     * they pass the suite written for link-grammar; until then they are
     * chosen at load time with KG_RELATIONS=ud (issue 12). */
    const char *which = getenv("KG_RELATIONS");
    r->use_lg = !which || strcmp(which, "ud") != 0;
    if (want_parser && (threaded || ll.st == KG_OK))
        pst = r->use_lg ? kg_parser_new(&r->parser, &perr) : kg_ud_model_load(NULL, &r->ud, &perr);
    if (threaded)
        pthread_join(th, NULL);
    r->lexicon = ll.lexicon;
    kg_status st = ll.st != KG_OK ? ll.st : pst;
    if (st != KG_OK) {
        if (err)
            *err = ll.st != KG_OK ? ll.err : perr;
        kg_resources_free(r);
        return st;
    }
    *out = r;
    return KG_OK;
}

void kg_resources_free(kg_resources *r)
{
    if (!r)
        return;
    kg_lexicon_free(r->lexicon);
    kg_parser_free(r->parser);
    kg_ud_model_free(r->ud);
    free(r);
}

void kg_extract_options_init(kg_extract_options *o)
{
    o->parse_seconds = 2;
    /* parse cost grows steeply with length (link-grammar-notes.md: 240 ms at
     * 40-50 words); longer sentences go to the shallow extractor */
    o->max_parse_words = 60;
    o->parse_all = false;
    o->graph_only = false;
    o->max_bytes = KG_READER_MAX_BYTES;
    o->parse_threads = 1;
    o->cache = NULL;
}

/* ------------------------------------------------------------ code points */

static kg_status index_code_points(kg_document *d, kg_error *err)
{
    size_t n = d->doc.len / CP_STRIDE + 1;
    d->cp_marks = kg_arena_alloc(d->arena, n * sizeof *d->cp_marks);
    if (!d->cp_marks)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", d->doc.path);
    size_t cp = 0;
    for (size_t i = 0; i < d->doc.len; i++) {
        if (i % CP_STRIDE == 0)
            d->cp_marks[i / CP_STRIDE] = cp;
        if (((unsigned char)d->doc.text[i] & 0xC0) != 0x80)
            cp++;
    }
    return KG_OK;
}

size_t kg_document_cp(const kg_document *d, size_t byte_offset)
{
    if (byte_offset > d->doc.len)
        byte_offset = d->doc.len;
    size_t k = byte_offset / CP_STRIDE;
    if (k * CP_STRIDE >= d->doc.len && d->doc.len > 0)
        k = (d->doc.len - 1) / CP_STRIDE;
    if (d->doc.len == 0)
        return 0;
    size_t cp = d->cp_marks[k];
    for (size_t i = k * CP_STRIDE; i < byte_offset; i++)
        if (((unsigned char)d->doc.text[i] & 0xC0) != 0x80)
            cp++;
    return cp;
}

/* ------------------------------------------------------------ triples */

/* Every token of a multi-word mention but its head (the last word) is
 * hidden from the parser. */
static bool *collapse_mentions(kg_document *d, size_t s, const long *tok_ent)
{
    size_t n = d->n_tokens[s];
    bool *skip = kg_arena_alloc(d->arena, (n + 1) * sizeof *skip);
    if (!skip)
        return NULL;
    for (size_t i = 0; i + 1 < n; i++)
        skip[i] = tok_ent[i] >= 0 && tok_ent[i + 1] == tok_ent[i] &&
                  d->tokens[s][i + 1].kind != KG_TOK_PUNCT;
    return skip;
}

/* The time limit handed to link-grammar: it counts the CPU time of the whole
 * process (getrusage(RUSAGE_SELF) in 5.12), which parse_threads busy threads
 * advance that many times as fast. */
static int parse_budget(const kg_extract_options *o)
{
    int threads = o->parse_threads > 1 ? o->parse_threads : 1;
    int seconds = o->parse_seconds > 0 ? o->parse_seconds : 1;
    return seconds > INT_MAX / threads ? INT_MAX : seconds * threads;
}

/* The sentence's words for the UD tagger and parser, tied to the entities
 * of the mentions whose bytes they lie in. */
static kg_status ud_sentence_triples(kg_document *d, const kg_resources *r, size_t s,
                                     size_t first_mention, size_t *role_at, kg_vec *out,
                                     kg_error *err)
{
    kg_extract_stats *stats = &d->stats;
    double t0 = now();
    kg_token *toks = NULL;
    size_t nt = 0;
    kg_status st = kg_tokens_split_ud(d->arena, d->doc.text, d->sentences[s], &toks, &nt, err);
    if (st != KG_OK)
        return st;
    kg_ud_word *w = kg_arena_alloc(d->arena, (nt ? nt : 1) * sizeof *w);
    long *ent = kg_arena_alloc(d->arena, (nt ? nt : 1) * sizeof *ent);
    if (!w || !ent)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    size_t k = first_mention;
    for (size_t i = 0; i < nt; i++) {
        w[i].form = kg_arena_strndup(d->arena, d->doc.text + toks[i].start,
                                     toks[i].end - toks[i].start);
        if (!w[i].form)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        w[i].start = toks[i].start;
        w[i].end = toks[i].end;
        w[i].space_after = i + 1 < nt && toks[i + 1].space_before;
        ent[i] = -1;
        while (k < d->ents.n_mentions && d->ents.mentions[k].sentence == s &&
               d->ents.mentions[k].end <= w[i].start)
            k++;
        if (k < d->ents.n_mentions && d->ents.mentions[k].sentence == s &&
            d->ents.mentions[k].start <= w[i].start && w[i].end <= d->ents.mentions[k].end)
            ent[i] = (long)d->ents.mentions[k].entity;
    }
    if (nt)
        st = kg_ud_annotate(r->ud, d->arena, w, nt, NULL, err);
    stats->parse_s += now() - t0;
    if (st != KG_OK)
        return st;
    stats->parsed++;
    stats->linked++;
    double t1 = now();
    /* role facts are in sentence order, as sentences are read */
    size_t r0 = *role_at;
    while (r0 < d->ents.n_roles && d->ents.roles[r0].sentence < s)
        r0++;
    size_t r1 = r0;
    while (r1 < d->ents.n_roles && d->ents.roles[r1].sentence == s)
        r1++;
    kg_rel_sentence rs = {.index = s,
                          .text = d->doc.text,
                          .words = w,
                          .n = nt,
                          .word_entity = ent,
                          .entities = d->ents.entities,
                          .n_entities = d->ents.n_entities,
                          .roles = d->ents.roles + r0,
                          .n_roles = r1 - r0};
    *role_at = r1;
    st = kg_relations_extract(d->arena, r->lexicon, &rs, out, err);
    stats->triples_s += now() - t1;
    return st;
}

/* n_entities is the number of different entities the sentence mentions. */
static kg_status sentence_triples(kg_document *d, const kg_resources *r,
                                  const kg_extract_options *o, size_t s, const long *tok_ent,
                                  size_t n_entities, kg_vec *out, kg_error *err)
{
    kg_sentence_view view = {s, d->doc.text, d->tokens[s], d->n_tokens[s], tok_ent};
    if (!o->parse_all && n_entities < (o->graph_only ? 2u : 1u))
        return KG_OK;
    kg_extract_stats *stats = &d->stats;
    stats->candidates++;
    kg_linkage lk = {0};
    kg_parse_result res = KG_PARSE_NONE;
    size_t words = 0;
    for (size_t i = 0; i < d->n_tokens[s]; i++)
        words += d->tokens[s][i].kind != KG_TOK_PUNCT;
    if (r->parser && words > o->max_parse_words)
        stats->too_long++;
    if (r->parser && words <= o->max_parse_words) {
        bool *skip = collapse_mentions(d, s, tok_ent);
        if (!skip)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        double t0 = now();
        const char *key = o->cache ? kg_parse_cache_key(d->arena, d->tokens[s], d->n_tokens[s],
                                                        skip, o->parse_seconds)
                                   : NULL;
        kg_status st = KG_OK;
        if (!key || !kg_parse_cache_get(o->cache, key, d->arena, &res, &lk)) {
            st = kg_parser_parse(r->parser, d->arena, d->tokens[s], d->n_tokens[s], skip,
                                 parse_budget(o), &lk, &res, err);
            /* a timeout depends on the machine's load: not remembered */
            if (st == KG_OK && key && res != KG_PARSE_TIMEOUT)
                (void)kg_parse_cache_put(o->cache, key, res, &lk, NULL);
        }
        stats->parse_s += now() - t0;
        if (st != KG_OK)
            return st;
        stats->parsed++;
        stats->linked += res == KG_PARSE_OK && lk.nulls == 0;
        stats->linked_null += res == KG_PARSE_OK && lk.nulls > 0;
        stats->timeouts += res == KG_PARSE_TIMEOUT;
    }
    double t0 = now();
    kg_status st =
        kg_triples_extract(d->arena, r->parser, &view, res == KG_PARSE_OK ? &lk : NULL, out, err);
    stats->triples_s += now() - t0;
    return st;
}

/* How many different entities tok_ent[0..n) names, counting up to 2. */
static size_t distinct_entities(const long *tok_ent, size_t n)
{
    long first = -1;
    for (size_t i = 0; i < n; i++) {
        if (tok_ent[i] < 0)
            continue;
        if (first < 0)
            first = tok_ent[i];
        else if (tok_ent[i] != first)
            return 2;
    }
    return first >= 0;
}

/* "Israeli Prime Minister Benjamin Netanyahu" -> (Netanyahu, prime minister of, Israel) */
static kg_status role_triples(kg_document *d, kg_vec *out, kg_error *err)
{
    for (size_t i = 0; i < d->ents.n_roles; i++) {
        const kg_role_fact *rf = &d->ents.roles[i];
        if (rf->place < 0)
            continue;
        kg_triple t = {0};
        t.subject.entity = (long)rf->person;
        t.subject.text = d->ents.entities[rf->person].name;
        t.object.entity = rf->place;
        t.object.text = d->ents.entities[rf->place].name;
        char *rel = kg_arena_printf(d->arena, "%s of", rf->role);
        if (!rel)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        for (char *p = rel; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        t.relation = rel;
        t.surface = rf->role;
        t.confidence = 0.95;
        t.sentence = rf->sentence;
        t.source = KG_SRC_PATTERN;
        /* "Israel's Prime Minister X" said (Israel, have, X) too: the role
         * says it better */
        size_t kept = 0;
        for (size_t k = 0; k < out->len; k++) {
            kg_triple *o = kg_vec_at(out, k);
            bool said_better = o->sentence == rf->sentence && o->source == KG_SRC_PATTERN &&
                               o->subject.entity == rf->place &&
                               o->object.entity == (long)rf->person && !strcmp(o->relation, "have");
            if (!said_better)
                *(kg_triple *)kg_vec_at(out, kept++) = *o;
        }
        out->len = kept;
        if (!kg_vec_push(out, &t))
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    return KG_OK;
}

static kg_status extract_all_triples(kg_document *d, const kg_resources *r,
                                     const kg_extract_options *o, kg_error *err)
{
    kg_vec out;
    kg_vec_init(&out, sizeof(kg_triple));
    kg_status st = KG_OK;
    size_t m = 0;       /* mentions are in text order */
    size_t role_at = 0; /* so are role facts */
    for (size_t s = 0; s < d->n_sentences && st == KG_OK; s++) {
        long *tok_ent = kg_arena_alloc(d->arena, (d->n_tokens[s] + 1) * sizeof *tok_ent);
        if (!tok_ent) {
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
            break;
        }
        for (size_t i = 0; i < d->n_tokens[s]; i++)
            tok_ent[i] = -1;
        while (m < d->ents.n_mentions && d->ents.mentions[m].sentence < s)
            m++;
        for (size_t k = m; k < d->ents.n_mentions && d->ents.mentions[k].sentence == s; k++) {
            const kg_mention *mm = &d->ents.mentions[k];
            for (size_t t = mm->tok_start; t < mm->tok_end && t < d->n_tokens[s]; t++)
                tok_ent[t] = (long)mm->entity;
        }
        size_t ne = distinct_entities(tok_ent, d->n_tokens[s]);
        if (r->ud) {
            if (!o->graph_only || ne >= 2) {
                d->stats.candidates++;
                st = ud_sentence_triples(d, r, s, m, &role_at, &out, err);
            }
        } else {
            st = sentence_triples(d, r, o, s, tok_ent, ne, &out, err);
        }
    }
    if (st == KG_OK && !r->ud) {
        double t0 = now();
        st = role_triples(d, &out, err);
        d->stats.triples_s += now() - t0;
    }
    if (st == KG_OK) {
        d->triples = kg_arena_alloc(d->arena, (out.len + 1) * sizeof *d->triples);
        if (!d->triples)
            st = kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        else if (out.len)
            memcpy(d->triples, out.items, out.len * sizeof *d->triples);
        d->n_triples = out.len;
    }
    kg_vec_free(&out);
    return st;
}

/* ------------------------------------------------------------ pipeline */

static kg_status run_pipeline(kg_document *d, const kg_resources *r, const kg_extract_options *o,
                              kg_error *err)
{
    double t0 = now();
    kg_status st = index_code_points(d, err);
    if (st == KG_OK)
        st = kg_sentences_split(d->arena, d->doc.text, d->doc.body_start, d->doc.len, &d->sentences,
                                &d->n_sentences, err);
    if (st != KG_OK)
        return st;
    d->tokens = kg_arena_alloc(d->arena, (d->n_sentences + 1) * sizeof *d->tokens);
    d->n_tokens = kg_arena_alloc(d->arena, (d->n_sentences + 1) * sizeof *d->n_tokens);
    if (!d->tokens || !d->n_tokens)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", d->doc.path);
    for (size_t s = 0; s < d->n_sentences; s++) {
        st = kg_tokens_split(d->arena, d->doc.text, d->sentences[s], &d->tokens[s], &d->n_tokens[s],
                             err);
        if (st != KG_OK)
            return st;
    }
    d->stats.sentences = d->n_sentences;
    double t1 = now();
    d->stats.split_s = t1 - t0;
    st = kg_entities_find(d->arena, r->lexicon, d->doc.text, d->sentences, d->n_sentences,
                          d->tokens, d->n_tokens, &d->ents, err);
    if (st != KG_OK)
        return st;
    for (size_t i = 0; i < d->ents.n_mentions; i++) {
        kg_mention *m = &d->ents.mentions[i];
        m->cp_start = kg_document_cp(d, m->start);
        m->cp_end = kg_document_cp(d, m->end);
    }
    for (size_t e = 0; e < d->ents.n_entities; e++)
        d->ents.entities[e].first_cp = kg_document_cp(d, d->ents.entities[e].first_offset);
    d->stats.entities_s = now() - t1;
    return extract_all_triples(d, r, o, err);
}

/* in->data NULL reads the file named in->name. */
static kg_status extract(const kg_resources *r, const kg_extract_options *o,
                         const kg_extract_input *in, kg_document **out, kg_error *err)
{
    kg_extract_options defaults;
    if (!o) {
        kg_extract_options_init(&defaults);
        o = &defaults;
    }
    const char *name = in->name ? in->name : "-";
    size_t max = o->max_bytes ? o->max_bytes : KG_READER_MAX_BYTES;
    if (in->data && in->len > max)
        return kg_error_set(err, KG_ERR_INPUT, "%s: larger than %zu bytes", name, max);
    if (in->date && *in->date && (strlen(in->date) != 10 || !kg_date_check(in->date)))
        return kg_error_set(err, KG_ERR_INPUT, "%s: date '%s' is not YYYY-MM-DD", name, in->date);
    /* the graph could not hold the document (its evidence names it by id) */
    if (in->id && !*in->id)
        return kg_error_set(err, KG_ERR_INPUT, "%s: the document id is empty", name);
    kg_document *d = calloc(1, sizeof *d);
    if (!d || !(d->arena = kg_arena_new())) {
        free(d);
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    }
    double t0 = now();
    kg_status st = in->data ? kg_reader_read_buffer(d->arena, name, in->data, in->len, &d->doc, err)
                            : kg_reader_read_file(d->arena, name, max, &d->doc, err);
    if (st == KG_OK && in->id && !(d->doc.id = kg_reader_id(d->arena, in->id)))
        st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    if (st == KG_OK && in->date && *in->date)
        memcpy(d->doc.date, in->date, sizeof d->doc.date);
    d->stats.read_s = now() - t0;
    d->stats.bytes = d->doc.len;
    if (st == KG_OK)
        st = run_pipeline(d, r, o, err);
    if (st != KG_OK) {
        kg_document_free(d);
        return st;
    }
    *out = d;
    return KG_OK;
}

kg_status kg_extract_file(const kg_resources *r, const kg_extract_options *o, const char *path,
                          kg_document **out, kg_error *err)
{
    kg_extract_input in = {.name = path};
    return extract(r, o, &in, out, err);
}

kg_status kg_extract_buffer(const kg_resources *r, const kg_extract_options *o, const char *name,
                            const char *data, size_t len, kg_document **out, kg_error *err)
{
    kg_extract_input in = {.name = name, .data = data ? data : "", .len = data ? len : 0};
    return extract(r, o, &in, out, err);
}

kg_status kg_extract_text(const kg_resources *r, const kg_extract_options *o,
                          const kg_extract_input *in, kg_document **out, kg_error *err)
{
    kg_extract_input copy = *in;
    if (copy.path) {
        copy.name = copy.path;
        copy.data = NULL; /* extract() reads the file named name */
        copy.len = 0;
    } else if (!copy.data) {
        copy.data = "";
        copy.len = 0;
    }
    return extract(r, o, &copy, out, err);
}

const kg_extract_stats *kg_document_stats(const kg_document *d)
{
    return &d->stats;
}

void kg_extract_stats_add(kg_extract_stats *sum, const kg_extract_stats *s)
{
    sum->read_s += s->read_s;
    sum->split_s += s->split_s;
    sum->entities_s += s->entities_s;
    sum->parse_s += s->parse_s;
    sum->triples_s += s->triples_s;
    sum->bytes += s->bytes;
    sum->sentences += s->sentences;
    sum->candidates += s->candidates;
    sum->parsed += s->parsed;
    sum->linked += s->linked;
    sum->linked_null += s->linked_null;
    sum->timeouts += s->timeouts;
    sum->too_long += s->too_long;
}

const kg_doc *kg_document_doc(const kg_document *d)
{
    return &d->doc;
}

const kg_span *kg_document_sentences(const kg_document *d, size_t *n)
{
    *n = d->n_sentences;
    return d->sentences;
}

const kg_token *kg_document_tokens(const kg_document *d, size_t sentence, size_t *n)
{
    if (sentence >= d->n_sentences) {
        *n = 0;
        return NULL;
    }
    *n = d->n_tokens[sentence];
    return d->tokens[sentence];
}

const kg_entity *kg_document_entities(const kg_document *d, size_t *n)
{
    *n = d->ents.n_entities;
    return d->ents.entities;
}

const kg_mention *kg_document_mentions(const kg_document *d, size_t *n)
{
    *n = d->ents.n_mentions;
    return d->ents.mentions;
}

const kg_triple *kg_document_triples(const kg_document *d, size_t *n)
{
    *n = d->n_triples;
    return d->triples;
}

void kg_document_free(kg_document *d)
{
    if (!d)
        return;
    kg_arena_free(d->arena);
    free(d);
}
