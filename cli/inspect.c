/* inspect.c - `kg entities` and `kg triples`: what extraction found, one
 * record a line, for people and for scoring tools. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char entities_usage[] =
    "usage: kg entities FILE [--format jsonl|tsv] [-o FILE] [-q]\n"
    "  every entity mention: entity id, type, surface text, byte and code-point offsets,\n"
    "  sentence index and how it was resolved\n"
    "  -f, --format F     jsonl (default) or tsv (with a header row), any case\n"
    "  -o, --output FILE  write to FILE, atomically ('-': standard output, the default)\n"
    "  -q, --quiet        no warnings (invalid UTF-8 repaired), only errors\n"
    "  tsv: a tab, newline, CR or backslash inside a field is written \\t \\n \\r \\\\,\n"
    "  another control character as \\xHH (\\x1b); jsonl: as JSON escapes\n";

static const char triples_usage[] =
    "usage: kg triples FILE [--format tsv|jsonl|carb] [--sentences] [-o FILE] [-q]\n"
    "  -f, --format F     tsv (default, with a header row), jsonl, or carb (CaRB's\n"
    "                     tabbed format, no header), any case\n"
    "  -s, --sentences    FILE holds one sentence per line (read as kg build reads an\n"
    "                     article: the same size limit and errors); a triple's\n"
    "                     sentence is its line's index, from 0\n"
    "  -o, --output FILE  write to FILE, atomically ('-': standard output, the default)\n"
    "  -q, --quiet        no warnings (invalid UTF-8 repaired), only errors\n"
    "  tsv columns: sentence, confidence, subject, relation (\"not \" before a negated\n"
    "  one), object, subject_entity, object_entity (\"-\": none)\n"
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
    char format[16];          /* lower case; "" when not given */
    const char *format_given; /* as given, for messages */
    const char *output;
    bool sentences, quiet;
} options;

/* Returns -1 to go on, else the exit status.  triples: whether --sentences
 * is an option of the command. */
static int parse_options(int argc, char **argv, const char *usage, bool triples, options *o)
{
    static const struct option triples_opts[] = {
        {"format", required_argument, NULL, 'f'}, {"sentences", no_argument, NULL, 's'},
        {"output", required_argument, NULL, 'o'}, {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    static const struct option entities_opts[] = {{"format", required_argument, NULL, 'f'},
                                                  {"output", required_argument, NULL, 'o'},
                                                  {"quiet", no_argument, NULL, 'q'},
                                                  {"help", no_argument, NULL, 'h'},
                                                  {NULL, 0, NULL, 0}};
    const struct option *longopts = triples ? triples_opts : entities_opts;
    memset(o, 0, sizeof *o);
    opterr = 0; /* kg_cli_getopt_error says it in one line */
    int c;
    while ((c = getopt_long(argc, argv, triples ? ":f:so:qh" : ":f:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            o->format_given = optarg;
            if (!kg_cli_lower(optarg, o->format, sizeof o->format))
                snprintf(o->format, sizeof o->format, "?"); /* no format is that long */
            break;
        case 's':
            o->sentences = true;
            break;
        case 'o':
            o->output = optarg;
            if (!*optarg || optarg[strlen(optarg) - 1] == '/') {
                fprintf(stderr, "kg: %s: -o '", argv[0]);
                kg_escape_write(stderr, optarg, KG_ESCAPE_LINE);
                fputs("' names no file\nTry 'kg --help'.\n", stderr);
                return KG_EXIT_TROUBLE;
            }
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'h':
            fputs(usage, stdout);
            return KG_EXIT_OK;
        default:
            return kg_cli_getopt_error(argv[0], c, argv, longopts);
        }
    }
    for (int i = optind; i < argc; i++) {
        if (o->n_files == 2)
            return kg_cli_usage_error("%s: give exactly one FILE", argv[0]);
        o->files[o->n_files++] = argv[i];
    }
    if (o->n_files == 1 && o->output && kg_cli_check_not_input(o->output, o->files, 1))
        return KG_EXIT_TROUBLE;
    return -1;
}

/* ------------------------------------------------------------ printing */

/* Every field comes from the article, which may hold tabs, newlines and
 * terminal controls: each is escaped as kg_escape_write's mode says. */
static void tsv_field(FILE *out, const char *s)
{
    kg_escape_write(out, s, KG_ESCAPE_TSV);
}

/* CaRB's reader splits on tabs and has no escapes, and its sentences must
 * match the gold file's byte for byte (they hold backslashes, "11\\/32"). */
static void carb_field(FILE *out, const char *s)
{
    kg_escape_write(out, s, KG_ESCAPE_LINE);
}

static void json_line(FILE *out, json_t *j, size_t flags)
{
    char *s = j ? json_dumps(j, flags) : NULL;
    if (s) {
        kg_escape_write(out, s, KG_ESCAPE_JSON);
        fputc('\n', out);
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
static void triple_json_line(FILE *out, json_t *j, const kg_triple *t)
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
        kg_escape_write(out, head, KG_ESCAPE_JSON);
        fputs(",\"subject_values\":", out);
        kg_escape_write(out, svs, KG_ESCAPE_JSON);
        fputs(",\"object_values\":", out);
        kg_escape_write(out, ovs, KG_ESCAPE_JSON);
        fputs("}\n", out);
    }
    free(head);
    free(svs);
    free(ovs);
    json_decref(j);
    json_decref(sv);
    json_decref(ov);
}

/* ------------------------------------------------------------ entities */

static void print_mentions(FILE *out, const kg_document *d, bool tsv)
{
    size_t ne, nm;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const kg_mention *ms = kg_document_mentions(d, &nm);
    if (tsv)
        fprintf(out, "entity\ttype\ttext\tstart\tend\tcp_start\tcp_end\tsentence\tresolved\n");
    for (size_t i = 0; i < nm; i++) {
        const kg_mention *m = &ms[i];
        const kg_entity *e = &ents[m->entity];
        if (tsv) {
            tsv_field(out, e->id);
            fprintf(out, "\t%s\t", kg_entity_type_name(e->type));
            tsv_field(out, m->text);
            fprintf(out, "\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n", m->start, m->end, m->cp_start,
                    m->cp_end, m->sentence, kg_resolution_name(m->how));
            continue;
        }
        json_line(out,
                  json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:s}", "entity", e->id, "name",
                            e->name, "type", kg_entity_type_name(e->type), "text", m->text, "start",
                            (json_int_t)m->start, "end", (json_int_t)m->end, "cp_start",
                            (json_int_t)m->cp_start, "cp_end", (json_int_t)m->cp_end, "sentence",
                            (json_int_t)m->sentence, "resolved", kg_resolution_name(m->how)),
                  JSON_COMPACT | JSON_PRESERVE_ORDER);
    }
}

int kg_cmd_entities(int argc, char **argv)
{
    options opts;
    int rc = parse_options(argc, argv, entities_usage, false, &opts);
    if (rc >= 0)
        return rc;
    const options *o = &opts;
    if (o->n_files != 1)
        return kg_cli_usage_error("%s", "entities: give exactly one FILE");
    bool tsv = !strcmp(o->format, "tsv");
    if (*o->format && !tsv && strcmp(o->format, "jsonl"))
        return kg_cli_usage_error("entities: unknown format '%s' (jsonl, tsv)", o->format_given);
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
    if (!o->quiet)
        kg_cli_warn_invalid(d);
    kg_cli_sink sink;
    rc = kg_cli_sink_open(&sink, o->output);
    if (rc == KG_EXIT_OK)
        print_mentions(sink.f, d, tsv);
    rc = kg_cli_sink_close(&sink, rc);
    kg_document_free(d);
    kg_resources_free(r);
    return rc;
}

/* ------------------------------------------------------------ triples */

/* The TSV columns; carb has none (CaRB's reader takes every line as a
 * triple), jsonl names its fields. */
static const char triples_tsv_header[] =
    "sentence\tconfidence\tsubject\trelation\tobject\tsubject_entity\tobject_entity\n";

/* How the triples of one document are written. */
typedef struct triples_out {
    FILE *f;
    const char *fmt;   /* "tsv", "jsonl" or "carb" */
    bool quiet;        /* no warnings */
    bool header;       /* tsv: the header row is due once the input has been read */
    const char *line;  /* --sentences: the line the document is */
    size_t line_index; /* --sentences: its index from 0, the triples' sentence */
} triples_out;

static void print_triple(const triples_out *o, const kg_document *d, const kg_triple *t,
                         const char *sentence_text)
{
    FILE *out = o->f;
    size_t ne;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const char *obj = t->object.text ? t->object.text : "";
    /* each line of --sentences input is a document of its own, whose
     * sentences count from 0 again: the line's index is the sentence */
    size_t sentence = o->line ? o->line_index : t->sentence;
    if (!strcmp(o->fmt, "carb")) {
        carb_field(out, sentence_text);
        fprintf(out, "\t%.4f\t", t->confidence);
        /* CaRB scores the relation as written (auxiliaries, "not",
         * prepositions): the surface form, not the lemma the graph uses */
        carb_field(out, t->surface ? t->surface : t->relation);
        fputc('\t', out);
        carb_field(out, t->subject.text);
        if (*obj) {
            fputc('\t', out);
            carb_field(out, obj);
        }
        fputc('\n', out);
    } else if (!strcmp(o->fmt, "jsonl")) {
        json_t *j =
            json_pack("{s:I,s:s,s:s?,s:s,s:s?,s:s,s:s?,s:b,s:b,s:b,s:s?,s:f}", "sentence",
                      (json_int_t)sentence, "subject", t->subject.text, "subject_entity",
                      t->subject.entity >= 0 ? ents[t->subject.entity].id : NULL, "relation",
                      t->relation, "surface", t->surface, "object", obj, "object_entity",
                      t->object.entity >= 0 ? ents[t->object.entity].id : NULL, "negated",
                      t->negated, "modal", t->modal, "attributed", t->attributed, "attributed_to",
                      t->attributed_to, "confidence", t->confidence);
        triple_json_line(out, j, t);
    } else {
        fprintf(out, "%zu\t%.3f\t", sentence, t->confidence);
        tsv_field(out, t->subject.text);
        fputc('\t', out);
        tsv_field(out, t->negated ? "not " : "");
        tsv_field(out, t->relation);
        fputc('\t', out);
        tsv_field(out, obj);
        fputc('\t', out);
        tsv_field(out, t->subject.entity >= 0 ? ents[t->subject.entity].id : "-");
        fputc('\t', out);
        tsv_field(out, t->object.entity >= 0 ? ents[t->object.entity].id : "-");
        fputc('\n', out);
    }
}

static int triples_of(const kg_resources *r, const kg_extract_options *eo, const char *name,
                      const char *data, size_t len, const triples_out *o)
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
    if (!o->quiet)
        kg_cli_warn_invalid(d);
    if (o->header)
        fputs(triples_tsv_header, o->f);
    size_t n, ns;
    const kg_triple *ts = kg_document_triples(d, &n);
    const kg_span *sp = kg_document_sentences(d, &ns);
    const char *text = kg_document_doc(d)->text;
    for (size_t i = 0; i < n; i++) {
        char *sent = NULL;
        if (!o->line && ts[i].sentence < ns) {
            const kg_span *s = &sp[ts[i].sentence];
            sent = strndup(text + s->start, s->end - s->start);
        }
        print_triple(o, d, &ts[i], o->line ? o->line : sent);
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
                            const triples_out *base)
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
    if (!base->quiet)
        kg_cli_warn_invalid_doc(&doc);
    if (base->header)
        fputs(triples_tsv_header, base->f);
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
        triples_out o = *base;
        o.line = line;
        o.line_index = lineno - 1;
        o.header = false;
        /* the document was checked whole; a line's own repair is not news */
        o.quiet = true;
        rc = line ? triples_of(r, eo, name, line, len, &o) : kg_cli_die("out of memory");
        free(line);
        at = end + 1;
    }
    kg_arena_free(a);
    return rc;
}

int kg_cmd_triples(int argc, char **argv)
{
    options opts;
    int prc = parse_options(argc, argv, triples_usage, true, &opts);
    if (prc >= 0)
        return prc;
    const options *o = &opts;
    if (o->n_files != 1)
        return kg_cli_usage_error("%s", "triples: give exactly one FILE");
    const char *fmt = *o->format ? o->format : "tsv";
    if (strcmp(fmt, "tsv") && strcmp(fmt, "jsonl") && strcmp(fmt, "carb"))
        return kg_cli_usage_error("triples: unknown format '%s' (tsv, jsonl, carb)",
                                  o->format_given);
    kg_error err = {0};
    kg_resources *r = kg_cli_load_resources(true, &err);
    if (!r)
        return kg_cli_die(err.message);
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    kg_cli_sink sink;
    int rc = kg_cli_sink_open(&sink, o->output);
    /* nothing, not even the header, for an input that cannot be read */
    triples_out out = {sink.f, fmt, o->quiet, !strcmp(fmt, "tsv"), NULL, 0};
    if (rc == KG_EXIT_OK && !o->sentences)
        rc = triples_of(r, &eo, o->files[0], NULL, 0, &out);
    else if (rc == KG_EXIT_OK)
        rc = triples_of_lines(r, &eo, o->files[0], &out);
    rc = kg_cli_sink_close(&sink, rc);
    kg_resources_free(r);
    return rc;
}
