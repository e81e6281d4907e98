/* inspect.c - `kg entities` and `kg triples`: what extraction found, one
 * record a line, for people and for scoring tools. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char entities_usage[] =
    "usage: kg entities FILE [--format jsonl|tsv]\n"
    "  every entity mention: entity id, type, surface text, byte and code-point offsets,\n"
    "  sentence index and how it was resolved\n"
    "  tsv: a tab, newline, CR or backslash inside a field is written \\t \\n \\r \\\\,\n"
    "  another control character as \\xHH (\\x1b); jsonl: as JSON escapes\n";

static const char triples_usage[] =
    "usage: kg triples FILE [--format tsv|jsonl|carb] [--sentences]\n"
    "  -f, --format F   tsv (default), jsonl, or carb (CaRB's tabbed format)\n"
    "  --sentences      FILE holds one sentence per line (read as kg build reads an\n"
    "                   article: the same size limit and errors)\n"
    "  tsv: a tab, newline, CR or backslash inside a field is written \\t \\n \\r \\\\,\n"
    "  another control character as \\xHH (\\x1b); carb (which has no escapes): a tab\n"
    "  or newline as a space, other controls as \\xHH; jsonl: as JSON escapes\n"
    "  jsonl: subject_values and object_values list the numbers, percentages, money\n"
    "  and dates in an argument that is no entity, normalized: {\"kind\":\"money\",\n"
    "  \"amount\":3200000000,\"currency\":\"USD\",\"text\":\"$3.2 billion\"}, {\"kind\":\"date\",\n"
    "  \"date\":\"2024-01-01\",\"text\":\"Monday\"} (weekdays against the article's date)\n";

typedef struct options {
    const char *files[2];
    size_t n_files;
    const char *format;
    bool sentences;
} options;

/* Returns -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, const char *usage, options *o)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"sentences", no_argument, NULL, 's'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    int c;
    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            o->format = optarg;
            break;
        case 's':
            o->sentences = true;
            break;
        case 'h':
            fputs(usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_usage_error("%s: bad option", argv[0]);
        }
    }
    for (int i = optind; i < argc; i++) {
        if (o->n_files == 2)
            return kg_cli_usage_error("%s: give exactly one FILE", argv[0]);
        o->files[o->n_files++] = argv[i];
    }
    return -1;
}

/* ------------------------------------------------------------ printing */

/* Every field comes from the article, which may hold tabs, newlines and
 * terminal controls: each is escaped as kg_escape_write's mode says. */
static void tsv_field(const char *s)
{
    kg_escape_write(stdout, s, KG_ESCAPE_TSV);
}

/* CaRB's reader splits on tabs and has no escapes, and its sentences must
 * match the gold file's byte for byte (they hold backslashes, "11\\/32"). */
static void carb_field(const char *s)
{
    kg_escape_write(stdout, s, KG_ESCAPE_LINE);
}

static void json_line(json_t *j, size_t flags)
{
    char *s = j ? json_dumps(j, flags) : NULL;
    if (s) {
        kg_escape_write(stdout, s, KG_ESCAPE_JSON);
        putchar('\n');
    }
    free(s);
    json_decref(j);
}

/* One argument's values: {"kind", "amount" (not for a date), "currency"
 * (money), "date" (a date), "text"}.  A whole amount is written as an
 * integer ("amount":5, "amount":3200000000). */
static json_t *values_json(const char *text, const kg_value *vals, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
        const kg_value *v = &vals[i];
        json_t *o = json_object();
        if (!o || json_array_append_new(a, o)) {
            json_decref(a);
            return NULL;
        }
        json_object_set_new(o, "kind", json_string(kg_value_kind_name(v->kind)));
        if (v->kind == KG_VALUE_DATE) {
            json_object_set_new(o, "date", json_string(v->date));
        } else {
            double x = v->amount;
            bool whole = x > -1e15 && x < 1e15 && x == (double)(json_int_t)x;
            json_object_set_new(o, "amount", whole ? json_integer((json_int_t)x) : json_real(x));
        }
        if (v->kind == KG_VALUE_MONEY && v->currency[0])
            json_object_set_new(o, "currency", json_string(v->currency));
        json_object_set_new(o, "text", json_stringn(text + v->start, v->end - v->start));
    }
    return a;
}

/* j, the triple's fields, then "subject_values" and "object_values".  The
 * arrays are written apart, with 15 significant digits: the fields before
 * them keep the 4 of the confidence they have always had, and an amount
 * such as 1234567 must not come out as 1.235e+06. */
static void triple_json_line(json_t *j, const kg_triple *t)
{
    const char *obj = t->object.text ? t->object.text : "";
    json_t *sv = values_json(t->subject.text, t->subject_values, t->n_subject_values);
    json_t *ov = values_json(obj, t->object_values, t->n_object_values);
    size_t vflags = JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15);
    char *head =
        j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4)) : NULL;
    char *svs = sv ? json_dumps(sv, vflags) : NULL;
    char *ovs = ov ? json_dumps(ov, vflags) : NULL;
    size_t n = head ? strlen(head) : 0;
    if (n > 1 && svs && ovs) {
        head[n - 1] = '\0'; /* the closing brace */
        kg_escape_write(stdout, head, KG_ESCAPE_JSON);
        fputs(",\"subject_values\":", stdout);
        kg_escape_write(stdout, svs, KG_ESCAPE_JSON);
        fputs(",\"object_values\":", stdout);
        kg_escape_write(stdout, ovs, KG_ESCAPE_JSON);
        fputs("}\n", stdout);
    }
    free(head);
    free(svs);
    free(ovs);
    json_decref(j);
    json_decref(sv);
    json_decref(ov);
}

/* ------------------------------------------------------------ entities */

int kg_cmd_entities(int argc, char **argv)
{
    options opts;
    int rc = parse_options(argc, argv, entities_usage, &opts);
    if (rc >= 0)
        return rc;
    const options *o = &opts;
    if (o->n_files != 1)
        return kg_cli_usage_error("%s", "entities: give exactly one FILE");
    bool tsv = o->format && !strcmp(o->format, "tsv");
    if (o->format && !tsv && strcmp(o->format, "jsonl"))
        return kg_cli_usage_error("unknown format '%s' (jsonl, tsv)", o->format);
    kg_error err = {0};
    kg_resources *r = kg_cli_load_resources(false, &err);
    if (!r)
        return kg_cli_die(err.message);
    kg_document *d = NULL;
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    if (kg_extract_file(r, &eo, o->files[0], &d, &err) != KG_OK) {
        kg_resources_free(r);
        return kg_cli_die(err.message);
    }
    kg_cli_warn_invalid(d);
    size_t ne, nm;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const kg_mention *ms = kg_document_mentions(d, &nm);
    if (tsv)
        printf("entity\ttype\ttext\tstart\tend\tcp_start\tcp_end\tsentence\tresolved\n");
    for (size_t i = 0; i < nm; i++) {
        const kg_mention *m = &ms[i];
        const kg_entity *e = &ents[m->entity];
        if (tsv) {
            tsv_field(e->id);
            printf("\t%s\t", kg_entity_type_name(e->type));
            tsv_field(m->text);
            printf("\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n", m->start, m->end, m->cp_start, m->cp_end,
                   m->sentence, kg_resolution_name(m->how));
            continue;
        }
        json_line(json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:s}", "entity", e->id, "name",
                            e->name, "type", kg_entity_type_name(e->type), "text", m->text, "start",
                            (json_int_t)m->start, "end", (json_int_t)m->end, "cp_start",
                            (json_int_t)m->cp_start, "cp_end", (json_int_t)m->cp_end, "sentence",
                            (json_int_t)m->sentence, "resolved", kg_resolution_name(m->how)),
                  JSON_COMPACT | JSON_PRESERVE_ORDER);
    }
    kg_document_free(d);
    kg_resources_free(r);
    return 0;
}

/* ------------------------------------------------------------ triples */

static void print_triple(const kg_document *d, const kg_triple *t, const char *fmt,
                         const char *sentence_text)
{
    size_t ne;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const char *obj = t->object.text ? t->object.text : "";
    if (!strcmp(fmt, "carb")) {
        carb_field(sentence_text);
        printf("\t%.4f\t", t->confidence);
        /* CaRB scores the relation as written (auxiliaries, "not",
         * prepositions): the surface form, not the lemma the graph uses */
        carb_field(t->surface ? t->surface : t->relation);
        putchar('\t');
        carb_field(t->subject.text);
        if (*obj) {
            putchar('\t');
            carb_field(obj);
        }
        putchar('\n');
    } else if (!strcmp(fmt, "jsonl")) {
        json_t *j = json_pack(
            "{s:I,s:s,s:s?,s:s,s:s?,s:s,s:s?,s:b,s:b,s:b,s:s?,s:f}", "sentence",
            (json_int_t)t->sentence, "subject", t->subject.text, "subject_entity",
            t->subject.entity >= 0 ? ents[t->subject.entity].id : NULL, "relation", t->relation,
            "surface", t->surface, "object", obj, "object_entity",
            t->object.entity >= 0 ? ents[t->object.entity].id : NULL, "negated", t->negated,
            "modal", t->modal, "attributed", t->attributed, "attributed_to", t->attributed_to,
            "confidence", t->confidence);
        triple_json_line(j, t);
    } else {
        printf("%zu\t%.3f\t", t->sentence, t->confidence);
        tsv_field(t->subject.text);
        putchar('\t');
        tsv_field(t->negated ? "not " : "");
        tsv_field(t->relation);
        putchar('\t');
        tsv_field(obj);
        putchar('\t');
        tsv_field(t->subject.entity >= 0 ? ents[t->subject.entity].id : "-");
        putchar('\t');
        tsv_field(t->object.entity >= 0 ? ents[t->object.entity].id : "-");
        putchar('\n');
    }
}

static int triples_of(const kg_resources *r, const kg_extract_options *eo, const char *name,
                      const char *data, size_t len, const char *fmt, const char *line)
{
    kg_error err = {0};
    kg_document *d = NULL;
    kg_status st = data ? kg_extract_buffer(r, eo, name, data, len, &d, &err)
                        : kg_extract_file(r, eo, name, &d, &err);
    if (st != KG_OK) {
        if (data && st == KG_ERR_INPUT)
            return 0; /* a blank or unusable line in --sentences input */
        return kg_cli_die(err.message);
    }
    kg_cli_warn_invalid(d);
    size_t n, ns;
    const kg_triple *ts = kg_document_triples(d, &n);
    const kg_span *sp = kg_document_sentences(d, &ns);
    const char *text = kg_document_doc(d)->text;
    for (size_t i = 0; i < n; i++) {
        char *sent = NULL;
        if (!line && ts[i].sentence < ns) {
            const kg_span *s = &sp[ts[i].sentence];
            sent = strndup(text + s->start, s->end - s->start);
        }
        print_triple(d, &ts[i], fmt, line ? line : sent);
        free(sent);
    }
    kg_document_free(d);
    return 0;
}

/* --sentences: the file is read as `kg build` reads a document (the same
 * size limit, a directory, an unreadable input, a NUL byte or an empty file
 * refused with the same message, invalid UTF-8 repaired and warned about
 * once), then each line is a sentence of its own. */
static int triples_of_lines(const kg_resources *r, const kg_extract_options *eo, const char *path,
                            const char *fmt)
{
    kg_error err = {0};
    kg_arena *a = kg_arena_new();
    if (!a)
        return kg_cli_die("out of memory");
    kg_doc doc;
    if (kg_doc_read_file(a, path, eo->max_bytes, &doc, &err) != KG_OK) {
        kg_arena_free(a);
        return kg_cli_die(err.message);
    }
    kg_cli_warn_invalid_doc(&doc);
    int rc = 0;
    size_t lineno = 0;
    for (size_t at = 0; at < doc.len && rc == 0;) {
        const char *nl = memchr(doc.text + at, '\n', doc.len - at);
        size_t end = nl ? (size_t)(nl - doc.text) : doc.len, len = end - at;
        lineno++;
        while (len > 0 && doc.text[at + len - 1] == '\r')
            len--;
        char *line = strndup(doc.text + at, len);
        char name[64];
        snprintf(name, sizeof name, "line%zu", lineno);
        rc = line ? triples_of(r, eo, name, line, len, fmt, line) : kg_cli_die("out of memory");
        free(line);
        at = end + 1;
    }
    kg_arena_free(a);
    return rc;
}

int kg_cmd_triples(int argc, char **argv)
{
    options opts;
    int prc = parse_options(argc, argv, triples_usage, &opts);
    if (prc >= 0)
        return prc;
    const options *o = &opts;
    if (o->n_files != 1)
        return kg_cli_usage_error("%s", "triples: give exactly one FILE");
    const char *fmt = o->format ? o->format : "tsv";
    if (strcmp(fmt, "tsv") && strcmp(fmt, "jsonl") && strcmp(fmt, "carb"))
        return kg_cli_usage_error("unknown format '%s' (tsv, jsonl, carb)", fmt);
    kg_error err = {0};
    kg_resources *r = kg_cli_load_resources(true, &err);
    if (!r)
        return kg_cli_die(err.message);
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    int rc = 0;
    if (!o->sentences)
        rc = triples_of(r, &eo, o->files[0], NULL, 0, fmt, NULL);
    else
        rc = triples_of_lines(r, &eo, o->files[0], fmt);
    kg_resources_free(r);
    return rc;
}

