/* extract.c - the first stage end to end: read, split, tokenize, find
 * entities, tag and parse (kg/parse.h), read triples off the trees
 * (relations.h) and the values in their arguments (values.h).
 *
 * Everything a document produces lives in one arena owned by kg_document.
 * Every sentence is parsed, except with graph_only, where only those naming
 * an entity are: the graph keeps only triples with an entity argument (an
 * edge between two, a claim of one), and every argument's entity comes from
 * the sentence's own mentions (pronouns and role descriptions included).  Each stage is timed
 * into the document's kg_extract_stats, which costs a few clock reads per
 * sentence (~1 us against a parse of ~0.7 ms). */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "lexicon.h"
#include "ner.h"
#include "parse_cache.h"
#include "paths.h"
#include "reader.h"
#include "relations.h"
#include "sentences.h"
#include "tokens.h"
#include "values.h"
#include "wire.h"

/* code-point offsets are found from a checkpoint every CP_STRIDE bytes */
#define CP_STRIDE 256

struct kg_resources {
    kg_lexicon *lexicon;
    kg_ner *ner;       /* the entity finder's statistical typer */
    kg_values *values; /* numbers, money and dates in triple arguments */
    kg_ud_model *ud;   /* NULL when not loaded */
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
    kg_ner *ner;
    kg_values *values;
    kg_error err;
    kg_status st;
} lexicon_load;

static void *load_lexicon(void *arg)
{
    lexicon_load *ll = arg;
    ll->st = kg_lexicon_load(ll->dir, NULL, &ll->lexicon, &ll->err);
    if (ll->st == KG_OK)
        ll->st = kg_ner_load(NULL, &ll->ner, &ll->err);
    if (ll->st == KG_OK)
        ll->st = kg_values_load(ll->dir, &ll->values, &ll->err);
    return NULL;
}

kg_status kg_resources_load(const kg_resources_options *opts, kg_resources **out, kg_error *err)
{
    char found[KG_PATHS_MAX];
    const char *dir = opts && opts->data_dir ? opts->data_dir : found;
    if (dir == found) {
        kg_status fst = kg_paths_data_dir(found, sizeof found, err);
        if (fst != KG_OK)
            return fst;
    }
    kg_resources *r = calloc(1, sizeof *r);
    if (!r)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory loading resources");
    /* The word lists load on a thread of their own while this one maps the
     * tagger and parser: from the lexicon cache that is a millisecond, but
     * building them afresh (a first run, an edited list) is 0.1 s, which a
     * start-up then pays only once instead of beside the model's load.
     * Without a thread the lists load first. */
    bool want_parser = !opts || opts->load_parser;
    lexicon_load ll = {.dir = dir, .st = KG_OK};
    pthread_t th;
    bool threaded = want_parser && pthread_create(&th, NULL, load_lexicon, &ll) == 0;
    if (!threaded)
        load_lexicon(&ll);
    kg_error perr = {0};
    kg_status pst = KG_OK;
    if (want_parser && (threaded || ll.st == KG_OK))
        pst = kg_ud_model_load(NULL, &r->ud, &perr);
    if (threaded)
        pthread_join(th, NULL);
    r->lexicon = ll.lexicon;
    r->ner = ll.ner;
    r->values = ll.values;
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
    kg_ner_free(r->ner);
    kg_values_free(r->values);
    kg_ud_model_free(r->ud);
    free(r);
}

void kg_extract_options_init(kg_extract_options *o)
{
    /* the parser is linear in the words, but a "sentence" of thousands of
     * words is a table or a list, and reading clauses off it costs more
     * than it gives */
    o->max_parse_words = 200;
    o->graph_only = false;
    o->max_bytes = KG_READER_MAX_BYTES;
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

/* "seven Iraqis seized an airliner", "22,000 Palestinians": a people named
 * by its plural is a mention of the country, but what its members did is
 * no deed of the country's, so it is no argument of a relation. */
static bool people(const kg_lexicon *lx, const kg_mention *m)
{
    bool plural = false;
    return m->how == KG_RES_DEMONYM && kg_lexicon_demonym(lx, m->text, &plural) && plural;
}

/* The sentence's words for the UD tagger and parser (from the dateline's
 * end: a dateline is no clause), tied to the entities of the mentions whose
 * bytes they lie in; NULL words when nothing is left to read. */
static kg_status sentence_words(kg_document *d, const kg_lexicon *lx, size_t s,
                                size_t first_mention, kg_ud_word **out, long **out_ent,
                                size_t *out_n, size_t *out_words, kg_error *err)
{
    kg_span span = d->sentences[s];
    span.start = kg_wire_dateline_end(d->doc.text, span);
    *out_n = *out_words = 0;
    if (span.start >= span.end || kg_wire_is_headline(d->doc.text, span))
        return KG_OK;
    kg_token *toks = NULL;
    size_t nt = 0;
    kg_status st = kg_tokens_split_ud(d->arena, d->doc.text, span, &toks, &nt, err);
    if (st != KG_OK || nt == 0)
        return st;
    kg_ud_word *w = kg_arena_alloc(d->arena, nt * sizeof *w);
    long *ent = kg_arena_alloc(d->arena, nt * sizeof *ent);
    if (!w || !ent)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    memset(w, 0, nt * sizeof *w);
    size_t k = first_mention;
    for (size_t i = 0; i < nt; i++) {
        w[i].form =
            kg_arena_strndup(d->arena, d->doc.text + toks[i].start, toks[i].end - toks[i].start);
        if (!w[i].form)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
        w[i].start = toks[i].start;
        w[i].end = toks[i].end;
        w[i].space_after = i + 1 < nt && toks[i + 1].space_before;
        *out_words += toks[i].kind != KG_TOK_PUNCT;
        ent[i] = -1;
        while (k < d->ents.n_mentions && d->ents.mentions[k].sentence == s &&
               d->ents.mentions[k].end <= w[i].start)
            k++;
        if (k < d->ents.n_mentions && d->ents.mentions[k].sentence == s &&
            d->ents.mentions[k].start <= w[i].start && w[i].end <= d->ents.mentions[k].end &&
            !people(lx, &d->ents.mentions[k]))
            ent[i] = (long)d->ents.mentions[k].entity;
    }
    *out = w;
    *out_ent = ent;
    *out_n = nt;
    return KG_OK;
}

/* Tags and parses words[0..n), from the cache when it holds the sentence. */
static kg_status annotate(kg_document *d, const kg_resources *r, const kg_extract_options *o,
                          kg_ud_word *w, size_t n, kg_error *err)
{
    const char *key = o->cache ? kg_parse_cache_key(d->arena, kg_ud_model_id(r->ud), w, n) : NULL;
    if (key && kg_parse_cache_get(o->cache, key, d->arena, w, n)) {
        d->stats.cached++;
        return KG_OK;
    }
    kg_status st = kg_ud_annotate(r->ud, d->arena, w, n, NULL, err);
    if (st == KG_OK && key)
        (void)kg_parse_cache_put(o->cache, key, w, n, NULL); /* only an optimisation */
    return st;
}

static kg_status sentence_triples(kg_document *d, const kg_resources *r,
                                  const kg_extract_options *o, size_t s, size_t first_mention,
                                  size_t *role_at, kg_vec *out, kg_error *err)
{
    kg_extract_stats *stats = &d->stats;
    double t0 = kg_thread_cpu_seconds();
    kg_ud_word *w = NULL;
    long *ent = NULL;
    size_t nt = 0, words = 0;
    kg_status st = sentence_words(d, r->lexicon, s, first_mention, &w, &ent, &nt, &words, err);
    if (st != KG_OK || nt == 0) {
        stats->parse_s += kg_thread_cpu_seconds() - t0;
        return st;
    }
    if (o->max_parse_words && words > o->max_parse_words) {
        stats->too_long++;
        stats->parse_s += kg_thread_cpu_seconds() - t0;
        return KG_OK;
    }
    st = annotate(d, r, o, w, nt, err);
    stats->parse_s += kg_thread_cpu_seconds() - t0;
    if (st != KG_OK)
        return st;
    stats->parsed++;
    double t1 = kg_thread_cpu_seconds();
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
    stats->triples_s += kg_thread_cpu_seconds() - t1;
    return st;
}

/* How many different entities sentence s mentions (mentions from m on),
 * counting up to 2. */
static size_t distinct_entities(const kg_document *d, size_t s, size_t m)
{
    long first = -1;
    for (size_t k = m; k < d->ents.n_mentions && d->ents.mentions[k].sentence == s; k++) {
        long e = (long)d->ents.mentions[k].entity;
        if (first < 0)
            first = e;
        else if (e != first)
            return 2;
    }
    return first >= 0;
}

/* The values of one argument that names no entity, from the arena. */
static kg_status arg_values(kg_document *d, const kg_values *v, const kg_arg *arg,
                            const kg_value **out, size_t *n, kg_error *err)
{
    *out = NULL;
    *n = 0;
    if (arg->entity >= 0 || !arg->text)
        return KG_OK;
    /* an argument holds a few values at most: find them on the stack and
     * copy them once; only a longer list is looked for again */
    kg_value buf[8];
    size_t len = strlen(arg->text);
    size_t k = kg_values_find(v, arg->text, len, d->doc.date, buf, sizeof buf / sizeof *buf);
    if (!k)
        return KG_OK;
    kg_value *vals = kg_arena_alloc(d->arena, k * sizeof *vals);
    if (!vals)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    if (k <= sizeof buf / sizeof *buf)
        memcpy(vals, buf, k * sizeof *vals);
    else
        kg_values_find(v, arg->text, len, d->doc.date, vals, k);
    *out = vals;
    *n = k;
    return KG_OK;
}

static kg_status triple_values(kg_document *d, const kg_values *v, kg_error *err)
{
    double t0 = kg_thread_cpu_seconds();
    kg_status st = KG_OK;
    for (size_t i = 0; i < d->n_triples && st == KG_OK; i++) {
        kg_triple *t = &d->triples[i];
        st = arg_values(d, v, &t->subject, &t->subject_values, &t->n_subject_values, err);
        if (st == KG_OK)
            st = arg_values(d, v, &t->object, &t->object_values, &t->n_object_values, err);
    }
    d->stats.triples_s += kg_thread_cpu_seconds() - t0;
    return st;
}

static kg_status extract_all_triples(kg_document *d, const kg_resources *r,
                                     const kg_extract_options *o, kg_error *err)
{
    kg_vec out;
    kg_vec_init(&out, sizeof(kg_triple));
    kg_status st = KG_OK;
    size_t m = 0;       /* mentions are in text order */
    size_t role_at = 0; /* so are role facts */
    for (size_t s = 0; r->ud && s < d->n_sentences && st == KG_OK; s++) {
        while (m < d->ents.n_mentions && d->ents.mentions[m].sentence < s)
            m++;
        if (o->graph_only && distinct_entities(d, s, m) < 1)
            continue;
        d->stats.candidates++;
        st = sentence_triples(d, r, o, s, m, &role_at, &out, err);
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
    return st == KG_OK ? triple_values(d, r->values, err) : st;
}

/* ------------------------------------------------------------ pipeline */

static kg_status run_pipeline(kg_document *d, const kg_resources *r, const kg_extract_options *o,
                              kg_error *err)
{
    double t0 = kg_thread_cpu_seconds();
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
    double t1 = kg_thread_cpu_seconds();
    d->stats.split_s = t1 - t0;
    st = kg_entities_find(d->arena, r->lexicon, r->ner, d->doc.text, d->sentences, d->n_sentences,
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
    d->stats.entities_s = kg_thread_cpu_seconds() - t1;
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
    double t0 = kg_thread_cpu_seconds();
    kg_status st = in->data ? kg_reader_read_buffer(d->arena, name, in->data, in->len, &d->doc, err)
                            : kg_reader_read_file(d->arena, name, max, &d->doc, err);
    if (st == KG_OK && in->id && !(d->doc.id = kg_reader_id(d->arena, in->id)))
        st = kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
    if (st == KG_OK && in->date && *in->date)
        memcpy(d->doc.date, in->date, sizeof d->doc.date);
    d->stats.read_s = kg_thread_cpu_seconds() - t0;
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
    sum->cached += s->cached;
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
