/* main.c - the kg command: options, inputs and outputs around the library.
 *
 *   kg build FILE... [-o PREFIX] [--format json,dot,svg,png,graphml]
 *   kg entities FILE [--format jsonl|tsv]
 *   kg triples FILE [--format tsv|jsonl|carb] [--sentences] [--all]
 *
 * Every error is one line, "kg: FILE:LINE:COL: what", and a non-zero exit;
 * outputs are only written once every input has been read and processed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg.h"

#define EXIT_TROUBLE 2

static const char usage_text[] =
    "usage: kg COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Builds knowledge graphs of the people, organizations and countries in news articles.\n"
    "FILE is an English article in UTF-8 ('-' for standard input), optionally starting\n"
    "with a line 'date YYYY-MM-DD'.\n"
    "\n"
    "commands:\n"
    "  build FILE...      extract entities and relations and write the graph\n"
    "      -o PREFIX        write PREFIX.json, PREFIX.dot, ... (default: the first file's name)\n"
    "      --format LIST    comma-separated: json,dot,svg,png,graphml (default: json)\n"
    "  entities FILE      list every entity mention\n"
    "      --format F       jsonl (default) or tsv\n"
    "  triples FILE       list every subject-relation-object triple\n"
    "      --format F       tsv (default), jsonl, or carb (CaRB's tabbed format)\n"
    "      --sentences      FILE holds one sentence per line\n"
    "      --all            parse every sentence, not only those with an entity\n"
    "\n"
    "options:\n"
    "  -q, --quiet        print nothing but errors\n"
    "  -h, --help         show this help\n"
    "  -V, --version      show the version\n";

typedef struct options {
    const char *command;
    const char **files;
    size_t n_files;
    const char *prefix;
    const char *format;
    bool sentences;
    bool all;
    bool quiet;
} options;

static int die(const char *msg)
{
    fprintf(stderr, "kg: %s\n", msg);
    return EXIT_TROUBLE;
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "kg: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'kg --help'.\n");
    return EXIT_TROUBLE;
}

/* Returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    if (!o->files)
        return die("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            return 0;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("kg %s\n", KG_VERSION);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = true;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            if (++i >= argc)
                return usage_error("%s needs an argument", a);
            o->prefix = argv[i];
        } else if (!strcmp(a, "--format") || !strcmp(a, "-f")) {
            if (++i >= argc)
                return usage_error("%s needs an argument", a);
            o->format = argv[i];
        } else if (!strncmp(a, "--format=", 9)) {
            o->format = a + 9;
        } else if (!strcmp(a, "--sentences")) {
            o->sentences = true;
        } else if (!strcmp(a, "--all")) {
            o->all = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if (!o->command) {
            o->command = a;
        } else {
            o->files[o->n_files++] = a;
        }
    }
    if (!o->command)
        return usage_error("%s", "no command given");
    return -1;
}

static kg_resources *load_resources(bool parser, kg_error *err)
{
    kg_resources_options ro = {NULL, parser};
    kg_resources *r = NULL;
    if (kg_resources_load(&ro, &r, err) != KG_OK)
        return NULL;
    return r;
}

static void warn_invalid(const kg_document *d)
{
    const kg_doc *doc = kg_document_doc(d);
    if (doc->n_invalid)
        fprintf(stderr, "kg: %s: warning: %zu invalid UTF-8 byte(s) replaced, first at byte %zu\n",
                doc->path, doc->n_invalid, doc->first_invalid);
}

/* ------------------------------------------------------------ build */

static const char *default_prefix(const char *path)
{
    if (!strcmp(path, "-"))
        return "stdin";
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, base, n);
        p[n] = '\0';
    }
    return p;
}

static int cmd_build(const options *o)
{
    if (o->n_files == 0)
        return usage_error("%s", "build: no input file");
    kg_format formats[8];
    size_t n_formats = 0;
    char *list = strdup(o->format ? o->format : "json");
    if (!list)
        return die("out of memory");
    for (char *save = NULL, *f = strtok_r(list, ",", &save); f; f = strtok_r(NULL, ",", &save)) {
        if (n_formats == 8 || !kg_format_parse(f, &formats[n_formats])) {
            int rc = usage_error("unknown format '%s' (json, dot, svg, png, graphml)", f);
            free(list);
            return rc;
        }
        n_formats++;
    }
    free(list);

    kg_error err = {0};
    kg_resources *r = load_resources(true, &err);
    if (!r)
        return die(err.message);
    kg_graph *g = kg_graph_new();
    if (!g) {
        kg_resources_free(r);
        return die("out of memory");
    }
    int rc = 0;
    for (size_t i = 0; i < o->n_files && rc == 0; i++) {
        kg_document *d = NULL;
        if (kg_extract_file(r, NULL, o->files[i], &d, &err) != KG_OK ||
            kg_graph_add_document(g, d, &err) != KG_OK) {
            rc = die(err.message);
        } else {
            warn_invalid(d);
        }
        kg_document_free(d);
    }
    kg_resources_free(r);
    if (rc == 0 && kg_graph_analyze(g, &err) != KG_OK)
        rc = die(err.message);

    const char *prefix = o->prefix ? o->prefix : default_prefix(o->files[0]);
    for (size_t k = 0; k < n_formats && rc == 0 && prefix; k++) {
        size_t n = strlen(prefix) + 16;
        char *path = malloc(n);
        if (!path) {
            rc = die("out of memory");
            break;
        }
        snprintf(path, n, "%s.%s", prefix, kg_format_extension(formats[k]));
        if (kg_export_file(g, formats[k], path, &err) != KG_OK)
            rc = die(err.message);
        else if (!o->quiet)
            printf("wrote %s\n", path);
        free(path);
    }
    if (rc == 0 && !o->quiet) {
        size_t actors = 0, countries = 0, places = 0;
        for (size_t i = 0; i < kg_graph_node_count(g); i++) {
            kg_entity_type t = kg_graph_node(g, i)->type;
            actors += t == KG_ENT_PERSON || t == KG_ENT_ORGANIZATION;
            countries += t == KG_ENT_COUNTRY;
            places += t == KG_ENT_LOCATION;
        }
        printf("%zu document(s): %zu actors, %zu countries, %zu other places, %zu relations\n",
               kg_graph_doc_count(g), actors, countries, places, kg_graph_edge_count(g));
    }
    if (!o->prefix)
        free((char *)prefix);
    kg_graph_free(g);
    return rc;
}

/* ------------------------------------------------------------ entities */

static int cmd_entities(const options *o)
{
    if (o->n_files != 1)
        return usage_error("%s", "entities: give exactly one FILE");
    bool tsv = o->format && !strcmp(o->format, "tsv");
    if (o->format && !tsv && strcmp(o->format, "jsonl"))
        return usage_error("unknown format '%s' (jsonl, tsv)", o->format);
    kg_error err = {0};
    kg_resources *r = load_resources(false, &err);
    if (!r)
        return die(err.message);
    kg_document *d = NULL;
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    if (kg_extract_file(r, &eo, o->files[0], &d, &err) != KG_OK) {
        kg_resources_free(r);
        return die(err.message);
    }
    warn_invalid(d);
    size_t ne, nm;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const kg_mention *ms = kg_document_mentions(d, &nm);
    if (tsv)
        printf("entity\ttype\ttext\tstart\tend\tcp_start\tcp_end\tsentence\tresolved\n");
    for (size_t i = 0; i < nm; i++) {
        const kg_mention *m = &ms[i];
        const kg_entity *e = &ents[m->entity];
        if (tsv) {
            printf("%s\t%s\t%s\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n", e->id, kg_entity_type_name(e->type),
                   m->text, m->start, m->end, m->cp_start, m->cp_end, m->sentence,
                   kg_resolution_name(m->how));
            continue;
        }
        json_t *j = json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:s}", "entity", e->id,
                              "name", e->name, "type", kg_entity_type_name(e->type), "text",
                              m->text, "start", (json_int_t)m->start, "end", (json_int_t)m->end,
                              "cp_start", (json_int_t)m->cp_start, "cp_end",
                              (json_int_t)m->cp_end, "sentence", (json_int_t)m->sentence,
                              "resolved", kg_resolution_name(m->how));
        char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        if (s)
            puts(s);
        free(s);
        json_decref(j);
    }
    kg_document_free(d);
    kg_resources_free(r);
    return 0;
}

/* ------------------------------------------------------------ triples */

static void tsv_field(const char *s)
{
    for (; s && *s; s++)
        putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void print_triple(const kg_document *d, const kg_triple *t, const char *fmt,
                         const char *sentence_text)
{
    size_t ne;
    const kg_entity *ents = kg_document_entities(d, &ne);
    const char *obj = t->object.text ? t->object.text : "";
    if (!strcmp(fmt, "carb")) {
        tsv_field(sentence_text);
        printf("\t%.4f\t", t->confidence);
        tsv_field(t->negated ? "not " : "");
        tsv_field(t->surface && t->source == KG_SRC_PARSE ? t->relation : t->relation);
        putchar('\t');
        tsv_field(t->subject.text);
        if (*obj) {
            putchar('\t');
            tsv_field(obj);
        }
        putchar('\n');
    } else if (!strcmp(fmt, "jsonl")) {
        json_t *j = json_pack(
            "{s:I,s:s,s:s?,s:s,s:s?,s:s,s:s?,s:b,s:b,s:b,s:f}", "sentence",
            (json_int_t)t->sentence, "subject", t->subject.text, "subject_entity",
            t->subject.entity >= 0 ? ents[t->subject.entity].id : NULL, "relation", t->relation,
            "surface", t->surface, "object", obj, "object_entity",
            t->object.entity >= 0 ? ents[t->object.entity].id : NULL, "negated", t->negated,
            "modal", t->modal, "attributed", t->attributed, "confidence", t->confidence);
        char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4))
                    : NULL;
        if (s)
            puts(s);
        free(s);
        json_decref(j);
    } else {
        printf("%zu\t%.3f\t", t->sentence, t->confidence);
        tsv_field(t->subject.text);
        putchar('\t');
        tsv_field(t->negated ? "not " : "");
        tsv_field(t->relation);
        putchar('\t');
        tsv_field(obj);
        printf("\t%s\t%s\n", t->subject.entity >= 0 ? ents[t->subject.entity].id : "-",
               t->object.entity >= 0 ? ents[t->object.entity].id : "-");
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
        return die(err.message);
    }
    warn_invalid(d);
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

static int cmd_triples(const options *o)
{
    if (o->n_files != 1)
        return usage_error("%s", "triples: give exactly one FILE");
    const char *fmt = o->format ? o->format : "tsv";
    if (strcmp(fmt, "tsv") && strcmp(fmt, "jsonl") && strcmp(fmt, "carb"))
        return usage_error("unknown format '%s' (tsv, jsonl, carb)", fmt);
    kg_error err = {0};
    kg_resources *r = load_resources(true, &err);
    if (!r)
        return die(err.message);
    kg_extract_options eo;
    kg_extract_options_init(&eo);
    eo.parse_all = o->all || o->sentences || !strcmp(fmt, "carb");
    int rc = 0;
    if (!o->sentences) {
        rc = triples_of(r, &eo, o->files[0], NULL, 0, fmt, NULL);
    } else {
        FILE *f = strcmp(o->files[0], "-") ? fopen(o->files[0], "rb") : stdin;
        if (!f) {
            fprintf(stderr, "kg: %s: cannot open: ", o->files[0]);
            perror(NULL);
            kg_resources_free(r);
            return EXIT_TROUBLE;
        }
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        size_t lineno = 0;
        while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
            lineno++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            char name[64];
            snprintf(name, sizeof name, "line%zu", lineno);
            rc = triples_of(r, &eo, name, line, (size_t)len, fmt, line);
        }
        free(line);
        if (f != stdin)
            fclose(f);
    }
    kg_resources_free(r);
    return rc;
}

int main(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc < 0) {
        if (!strcmp(o.command, "build"))
            rc = cmd_build(&o);
        else if (!strcmp(o.command, "entities"))
            rc = cmd_entities(&o);
        else if (!strcmp(o.command, "triples"))
            rc = cmd_triples(&o);
        else
            rc = usage_error("unknown command '%s' (build, entities, triples)", o.command);
    }
    free(o.files);
    if (fflush(stdout) != 0 && rc == 0)
        rc = die("cannot write to standard output");
    return rc;
}
