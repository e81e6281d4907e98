/* diff_export.c - a kg_diff as a text summary, JSON, DOT or SVG.
 *
 * The text summary is for a person at a terminal: counts first, then each
 * change on one line, marked like diff(1) ('+' added, '-' removed, '~'
 * changed), with at most a couple of its sentences from each side under it;
 * notes (renamed entities, mention counts) come last, apart, because they
 * are not changes in meaning.  The JSON holds everything, in the shape
 * docs/diff-format.md describes.  The drawing is the union of both graphs,
 * coloured by state; colour is never the only cue (removed parts are
 * dashed, changed edges say what they were, and a legend names the colours).
 */
#include <errno.h>
#include <graphviz/cgraph.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "dot_build.h"
#include "graphviz.h"
#include "diff_sides.h"
#include "kg/diff_export.h"

static const char *const format_names[] = {[KG_DIFF_FMT_TEXT] = "text",
                                           [KG_DIFF_FMT_JSON] = "json",
                                           [KG_DIFF_FMT_DOT] = "dot",
                                           [KG_DIFF_FMT_SVG] = "svg",
                                           [KG_DIFF_FMT_HTML] = "html"};

bool kg_diff_format_parse(const char *name, kg_diff_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            if (out)
                *out = (kg_diff_format)i;
            return true;
        }
    return false;
}

/* ---------------------------------------------------------------- shared */

static bool mentions_changed(const kg_diff_entity *e)
{
    return e->old_node >= 0 && e->new_node >= 0 && e->old_mentions != e->new_mentions;
}

/* ---------------------------------------------------------------- text */

typedef struct painter {
    FILE *out;
    bool color;
    size_t max_evidence;
} painter;

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"
#define ANSI_DIM "\033[2m"
#define ANSI_RED "\033[31m"
#define ANSI_GREEN "\033[32m"
#define ANSI_AMBER "\033[33m"

static const char *paint(const painter *p, const char *code)
{
    return p->color ? code : "";
}

/* Names, relations and sentences come from the articles and may hold
 * terminal controls (an ESC, an OSC title sequence): they are shown escaped,
 * and a sentence that spans lines in the article is one line here. */
static void put_text(FILE *out, const char *s)
{
    kg_escape_write(out, s, KG_ESCAPE_LINE);
}

static const char *state_mark(kg_diff_state s)
{
    switch (s) {
    case KG_DIFF_ADDED:
        return "+";
    case KG_DIFF_REMOVED:
        return "-";
    case KG_DIFF_CHANGED:
        return "~";
    default:
        return "=";
    }
}

static const char *state_color(kg_diff_state s)
{
    switch (s) {
    case KG_DIFF_ADDED:
        return ANSI_GREEN;
    case KG_DIFF_REMOVED:
        return ANSI_RED;
    case KG_DIFF_CHANGED:
        return ANSI_AMBER;
    default:
        return ANSI_DIM;
    }
}

/* Sentences as "    old [5] text", 1-based as people count them. */
static void text_evidence(const painter *p, const char *side, const char *color,
                          const kg_diff_evidence *ev)
{
    size_t shown = ev->n < p->max_evidence ? ev->n : p->max_evidence;
    for (size_t i = 0; i < shown; i++) {
        fprintf(p->out, "    %s%s [%zu]%s ", paint(p, color), side, ev->items[i].sentence + 1,
                paint(p, ANSI_RESET));
        put_text(p->out, ev->items[i].text);
        fputc('\n', p->out);
    }
    if (ev->n > shown)
        fprintf(p->out, "    %s%s (%zu more)%s\n", paint(p, ANSI_DIM), side, ev->n - shown,
                paint(p, ANSI_RESET));
}

static void text_name(const painter *p, const kg_diff *d, const kg_diff_entity *e)
{
    const kg_node *n = kg_diff_entity_node(d, e);
    put_text(p->out, kg_diff_label_of(n));
    if (e->label_changed) {
        fputs(" (was ", p->out);
        put_text(p->out, kg_diff_label_of(kg_diff_old_node(d, e)));
        fputc(')', p->out);
    }
}

static void text_roles(FILE *out, const char *what, const char *const *roles, size_t n, bool *first)
{
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%s role \"", *first ? ":" : ";");
        put_text(out, roles[i]);
        fprintf(out, "\" %s", what);
        *first = false;
    }
}

static void text_entity(const painter *p, const kg_diff *d, const kg_diff_entity *e)
{
    const kg_node *n = kg_diff_entity_node(d, e);
    fprintf(p->out, "%s%s %s ", paint(p, state_color(e->state)), state_mark(e->state),
            kg_entity_type_name(n->type));
    if (e->kind == KG_DIFF_KIND_REPLACED) {
        put_text(p->out, kg_diff_label_of(kg_diff_old_node(d, e)));
        fputs(" replaced by ", p->out);
        put_text(p->out, kg_diff_label_of(kg_diff_new_node(d, e)));
    } else {
        text_name(p, d, e);
    }
    fprintf(p->out, "%s", paint(p, ANSI_RESET));
    bool first = true;
    if (e->type_changed) {
        fprintf(p->out, ": type %s -> %s", kg_entity_type_name(kg_diff_old_node(d, e)->type),
                kg_entity_type_name(kg_diff_new_node(d, e)->type));
        first = false;
    }
    text_roles(p->out, "added", e->roles_added, e->n_roles_added, &first);
    text_roles(p->out, "removed", e->roles_removed, e->n_roles_removed, &first);
    fputc('\n', p->out);
    text_evidence(p, "old", ANSI_RED, &e->old_evidence);
    text_evidence(p, "new", ANSI_GREEN, &e->new_evidence);
}

static void text_relation_form(FILE *out, const kg_edge *e)
{
    fputs(e->negated ? "not " : "", out);
    put_text(out, e->relation);
}

static void text_relation(const painter *p, const kg_diff *d, const kg_diff_relation *r)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const kg_edge *oe = kg_diff_old_edge(d, r), *ne = kg_diff_new_edge(d, r);
    const kg_edge *e = ne ? ne : oe;
    fprintf(p->out, "%s%s ", paint(p, state_color(r->state)), state_mark(r->state));
    put_text(p->out, kg_diff_label_of(kg_diff_entity_node(d, &ents[r->source])));
    fputs(" -[", p->out);
    text_relation_form(p->out, e);
    fputs("]-> ", p->out);
    put_text(p->out, kg_diff_label_of(kg_diff_entity_node(d, &ents[r->target])));
    fputs(paint(p, ANSI_RESET), p->out);
    const char *sep = ":";
    if (r->kind == KG_DIFF_KIND_REVERSED || r->kind == KG_DIFF_KIND_RELATION) {
        fprintf(p->out, "%s %s, was \"", sep,
                r->kind == KG_DIFF_KIND_REVERSED ? "reversed" : "another verb");
        text_relation_form(p->out, oe);
        fputc('"', p->out);
        sep = ";";
    } else if (r->negation_changed) {
        fprintf(p->out, "%s was \"", sep);
        text_relation_form(p->out, oe);
        fprintf(p->out, "\"");
        sep = ";";
    }
    if (r->modality_changed) {
        fprintf(p->out, "%s %s", sep,
                ne->modal ? "now modal (was asserted)" : "now asserted (was modal)");
        sep = ";";
    }
    if (r->attribution_changed) {
        fprintf(p->out, "%s %s", sep,
                ne->attributed ? "now reported speech (was direct)"
                               : "now direct (was reported speech)");
        sep = ";";
    }
    if (r->count_changed)
        fprintf(p->out, "%s sentences %zu -> %zu", sep, r->old_count, r->new_count);
    fputc('\n', p->out);
    text_evidence(p, "old", ANSI_RED, &r->old_evidence);
    text_evidence(p, "new", ANSI_GREEN, &r->new_evidence);
}

/* A value as written, and what kg read it as: "Monday (2024-01-01)". */
static void text_value(FILE *out, const kg_claim_value *v)
{
    if (!v) {
        fputs("(none)", out);
        return;
    }
    put_text(out, v->text);
    if (v->kind == KG_VALUE_DATE)
        fprintf(out, " (%s)", v->date);
    else if (v->kind == KG_VALUE_MONEY)
        fprintf(out, " (%s %.15g)", *v->currency ? v->currency : "?", v->amount);
    else
        fprintf(out, " (%.15g%s)", v->amount, v->kind == KG_VALUE_PERCENT ? "%" : "");
}

/* "Label -[relation]-> argument" for a subject's claim, the other way
 * round for an object's. */
static void text_claim_form(FILE *out, const kg_diff *d, const kg_diff_claim *c, const kg_claim *k)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const char *label = kg_diff_label_of(kg_diff_entity_node(d, &ents[c->entity]));
    put_text(out, k->role == KG_CLAIM_SUBJECT ? label : k->argument);
    fputs(" -[", out);
    fputs(k->negated ? "not " : "", out);
    put_text(out, k->relation);
    fputs("]-> ", out);
    put_text(out, k->role == KG_CLAIM_SUBJECT ? k->argument : label);
}

static void text_claim(const painter *p, const kg_diff *d, const kg_diff_claim *c)
{
    const kg_claim *oc = kg_diff_old_claim(d, c), *nc = kg_diff_new_claim(d, c);
    fprintf(p->out, "%s%s claim ", paint(p, state_color(c->state)), state_mark(c->state));
    text_claim_form(p->out, d, c, nc ? nc : oc);
    fputs(paint(p, ANSI_RESET), p->out);
    const char *sep = ":";
    if (c->kind == KG_DIFF_KIND_REVERSED || c->kind == KG_DIFF_KIND_RELATION) {
        fprintf(p->out, "%s %s, was \"%s", sep,
                c->kind == KG_DIFF_KIND_REVERSED ? "reversed" : "another verb",
                oc->negated ? "not " : "");
        put_text(p->out, oc->relation);
        fputc('"', p->out);
        sep = ";";
    }
    for (size_t i = 0; i < c->n_values; i++) {
        fprintf(p->out, "%s value ", sep);
        text_value(p->out, c->values[i].old_value);
        fputs(" -> ", p->out);
        text_value(p->out, c->values[i].new_value);
        sep = ";";
    }
    if (c->negation_changed) {
        fprintf(p->out, "%s %s", sep, nc->negated ? "now negated" : "no longer negated");
        sep = ";";
    }
    if (c->modality_changed) {
        fprintf(p->out, "%s %s", sep,
                nc->modal ? "now modal (was asserted)" : "now asserted (was modal)");
        sep = ";";
    }
    if (c->attribution_changed) {
        fprintf(p->out, "%s %s", sep, *nc->speaker ? "now said by " : "no longer reported");
        put_text(p->out, nc->speaker);
        sep = ";";
    }
    if (c->count_changed)
        fprintf(p->out, "%s sentences %zu -> %zu", sep, c->old_count, c->new_count);
    fputc('\n', p->out);
    text_evidence(p, "old", ANSI_RED, &c->old_evidence);
    text_evidence(p, "new", ANSI_GREEN, &c->new_evidence);
}

/* Changes that follow from an edit elsewhere, and sentences reworded
 * without a change in meaning. */
static bool text_context_notes(const painter *p, const kg_diff *d, bool any)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    size_t ctx = 0;
    for (size_t i = 0; i < n; i++)
        ctx += ents[i].state != KG_DIFF_UNCHANGED && ents[i].context;
    const kg_diff_relation *rels = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++)
        ctx += rels[i].state != KG_DIFF_UNCHANGED && rels[i].context;
    const kg_diff_claim *cls = kg_diff_claims(d, &n);
    for (size_t i = 0; i < n; i++)
        ctx += cls[i].state != KG_DIFF_UNCHANGED && cls[i].context;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(d, &n);
    size_t reworded = 0;
    for (size_t i = 0; i < n; i++)
        reworded += ps[i].state != KG_DIFF_UNCHANGED && !ps[i].meaning_changed;
    if (!ctx && !reworded)
        return any;
    if (!any)
        fprintf(p->out, "%s%snotes (not changes in meaning):%s\n", any ? "\n" : "",
                paint(p, ANSI_BOLD), paint(p, ANSI_RESET));
    for (size_t i = 0; i < n; i++) {
        const kg_diff_sentence_pair *sp = &ps[i];
        if (sp->state == KG_DIFF_UNCHANGED || sp->meaning_changed)
            continue;
        if (sp->state == KG_DIFF_CHANGED)
            fprintf(p->out, "  sentence [%ld] -> [%ld] reworded, no change in meaning\n",
                    sp->old_sentence + 1, sp->new_sentence + 1);
        else if (sp->state == KG_DIFF_ADDED)
            fprintf(p->out, "  sentence [%ld] added, no change in meaning\n", sp->new_sentence + 1);
        else
            fprintf(p->out, "  sentence [%ld] removed, no change in meaning\n",
                    sp->old_sentence + 1);
        if (sp->old_text) {
            fprintf(p->out, "    %sold%s ", paint(p, ANSI_RED), paint(p, ANSI_RESET));
            put_text(p->out, sp->old_text);
            fputc('\n', p->out);
        }
        if (sp->new_text) {
            fprintf(p->out, "    %snew%s ", paint(p, ANSI_GREEN), paint(p, ANSI_RESET));
            put_text(p->out, sp->new_text);
            fputc('\n', p->out);
        }
    }
    if (ctx)
        fprintf(p->out,
                "  %zu change%s in sentences that read the same in both versions (following "
                "from an edit elsewhere; see --format json)\n",
                ctx, ctx == 1 ? "" : "s");
    return true;
}

static void text_notes(const painter *p, const kg_diff *d)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = ents[i].label_changed || mentions_changed(&ents[i]);
    if (!any) {
        if (text_context_notes(p, d, false) && ferror(p->out))
            return;
        return;
    }
    fprintf(p->out, "\n%snotes (not changes in meaning):%s\n", paint(p, ANSI_BOLD),
            paint(p, ANSI_RESET));
    for (size_t i = 0; i < n; i++) {
        if (!ents[i].label_changed)
            continue;
        fprintf(p->out, "  %s ", kg_entity_type_name(kg_diff_new_node(d, &ents[i])->type));
        put_text(p->out, kg_diff_label_of(kg_diff_old_node(d, &ents[i])));
        fputs(" is now named ", p->out);
        put_text(p->out, kg_diff_label_of(kg_diff_new_node(d, &ents[i])));
        fprintf(p->out, " (matched by %s)\n", kg_diff_match_name(ents[i].match));
    }
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        if (!mentions_changed(&ents[i]))
            continue;
        fprintf(p->out, "%s ", first ? "  mentions:" : ",");
        put_text(p->out, kg_diff_label_of(kg_diff_new_node(d, &ents[i])));
        fprintf(p->out, " %zu -> %zu", ents[i].old_mentions, ents[i].new_mentions);
        first = false;
    }
    if (!first)
        fputc('\n', p->out);
    text_context_notes(p, d, true);
}

kg_status kg_diff_export_text(const kg_diff *d, const kg_diff_export_options *opts, FILE *out,
                              kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    painter p = {out, opts && opts->color, opts && opts->max_evidence ? opts->max_evidence : 2};
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    if (kg_diff_changed(d)) {
        fprintf(out, "%s--- ", paint(&p, ANSI_BOLD));
        put_text(out, kg_diff_old_name(d));
        fputs("\n+++ ", out);
        put_text(out, kg_diff_new_name(d));
        fprintf(out, "%s\n", paint(&p, ANSI_RESET));
        fprintf(out, "entities: %zu added, %zu removed, %zu changed (%zu -> %zu)\n",
                s.entities_added, s.entities_removed, s.entities_changed, s.old_entities,
                s.new_entities);
        fprintf(out, "relations: %zu added, %zu removed, %zu changed (%zu -> %zu)\n",
                s.relations_added, s.relations_removed, s.relations_changed, s.old_relations,
                s.new_relations);
        fprintf(out, "claims: %zu added, %zu removed, %zu changed (%zu -> %zu)\n", s.claims_added,
                s.claims_removed, s.claims_changed, s.old_claims, s.new_claims);
        if (s.reversed || s.values || s.relabelled || s.replaced)
            fprintf(out, "of which: %zu reversed, %zu value, %zu another verb, %zu replaced\n",
                    s.reversed, s.values, s.relabelled, s.replaced);
        size_t n;
        const kg_diff_entity *ents = kg_diff_entities(d, &n);
        bool blank = false;
        for (size_t i = 0; i < n; i++) {
            if (ents[i].state == KG_DIFF_UNCHANGED || ents[i].context)
                continue;
            if (!blank)
                fputc('\n', out);
            blank = true;
            text_entity(&p, d, &ents[i]);
        }
        const kg_diff_relation *rels = kg_diff_relations(d, &n);
        blank = false;
        for (size_t i = 0; i < n; i++) {
            if (rels[i].state == KG_DIFF_UNCHANGED || rels[i].context)
                continue;
            if (!blank)
                fputc('\n', out);
            blank = true;
            text_relation(&p, d, &rels[i]);
        }
        const kg_diff_claim *cls = kg_diff_claims(d, &n);
        blank = false;
        for (size_t i = 0; i < n; i++) {
            if (cls[i].state == KG_DIFF_UNCHANGED || cls[i].context)
                continue;
            if (!blank)
                fputc('\n', out);
            blank = true;
            text_claim(&p, d, &cls[i]);
        }
    }
    text_notes(&p, d);
    if (ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

/* ---------------------------------------------------------------- JSON */

/* Failures are sticky, as in json.c: the first one decides the message. */
typedef struct builder {
    bool nomem;
    const char *bad_string;
} builder;

static json_t *str(builder *b, const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (!v && !b->bad_string && s)
        b->bad_string = s;
    return v;
}

static json_t *num(size_t n)
{
    return json_integer((json_int_t)n);
}

/* put and push take ownership of value, also when they fail. */
static bool put(builder *b, json_t *obj, const char *key, json_t *value)
{
    if (!obj || !value || json_object_set_new(obj, key, value) != 0) {
        if (!obj)
            json_decref(value);
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

static bool push(builder *b, json_t *arr, json_t *value)
{
    if (!arr || !value || json_array_append_new(arr, value) != 0) {
        if (!arr)
            json_decref(value);
        if (!b->bad_string)
            b->nomem = true;
        return false;
    }
    return true;
}

static json_t *done(json_t *o, bool ok)
{
    if (ok)
        return o;
    json_decref(o);
    return NULL;
}

static json_t *strings(builder *b, const char *const *items, size_t n)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; i < n && ok; i++)
        ok = push(b, arr, str(b, items[i]));
    return done(arr, ok);
}

static json_t *side_info(builder *b, const char *name, const kg_graph *g)
{
    json_t *o = json_object(), *docs = json_array();
    bool ok = put(b, o, "name", str(b, name)) &&
              put(b, o, "entities", num(kg_graph_node_count(g))) &&
              put(b, o, "relations", num(kg_graph_edge_count(g))) &&
              put(b, o, "claims", num(kg_graph_claim_count(g)));
    for (size_t i = 0; ok && i < kg_graph_doc_count(g); i++) {
        const kg_graph_doc *doc = kg_graph_doc_at(g, i);
        json_t *x = json_object();
        ok =
            push(b, docs,
                 done(x, put(b, x, "id", str(b, doc->id)) && put(b, x, "date", str(b, doc->date))));
    }
    ok = ok ? put(b, o, "documents", docs) : (json_decref(docs), false);
    return done(o, ok);
}

static json_t *summary(builder *b, const kg_diff *d)
{
    kg_diff_summary s;
    kg_diff_summarize(d, &s);
    json_t *o = json_object(), *e = json_object(), *r = json_object(), *c = json_object(),
           *k = json_object(), *t = json_object();
    bool ok = put(b, e, "added", num(s.entities_added)) &&
              put(b, e, "removed", num(s.entities_removed)) &&
              put(b, e, "changed", num(s.entities_changed)) &&
              put(b, e, "unchanged", num(s.entities_unchanged)) &&
              put(b, e, "renamed", num(s.entities_renamed)) &&
              put(b, e, "mentions_changed", num(s.entities_mentions_changed));
    ok = ok && put(b, r, "added", num(s.relations_added)) &&
         put(b, r, "removed", num(s.relations_removed)) &&
         put(b, r, "changed", num(s.relations_changed)) &&
         put(b, r, "unchanged", num(s.relations_unchanged));
    ok = ok && put(b, c, "added", num(s.claims_added)) &&
         put(b, c, "removed", num(s.claims_removed)) &&
         put(b, c, "changed", num(s.claims_changed)) &&
         put(b, c, "unchanged", num(s.claims_unchanged));
    ok = ok && put(b, k, "reversed", num(s.reversed)) && put(b, k, "value", num(s.values)) &&
         put(b, k, "relation", num(s.relabelled)) && put(b, k, "replaced", num(s.replaced)) &&
         put(b, k, "context", num(s.context));
    ok = ok && put(b, t, "changed", num(s.sentences_changed)) &&
         put(b, t, "reworded", num(s.sentences_reworded));
    if (!ok) {
        json_decref(e);
        json_decref(r);
        json_decref(c);
        json_decref(k);
        json_decref(t);
        return done(o, false);
    }
    return done(o, put(b, o, "entities", e) && put(b, o, "relations", r) &&
                       put(b, o, "claims", c) && put(b, o, "kinds", k) &&
                       put(b, o, "sentences", t));
}

static json_t *sentences(builder *b, const kg_diff_evidence *ev)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < ev->n; i++) {
        json_t *o = json_object();
        ok = push(b, arr,
                  done(o, put(b, o, "doc", str(b, ev->items[i].doc)) &&
                              put(b, o, "sentence", num(ev->items[i].sentence)) &&
                              put(b, o, "start", num(ev->items[i].start)) &&
                              put(b, o, "end", num(ev->items[i].end)) &&
                              put(b, o, "cp_start", num(ev->items[i].cp_start)) &&
                              put(b, o, "cp_end", num(ev->items[i].cp_end)) &&
                              put(b, o, "text", str(b, ev->items[i].text))));
    }
    return done(arr, ok);
}

static json_t *evidence(builder *b, const kg_diff_evidence *old_ev, const kg_diff_evidence *new_ev)
{
    json_t *o = json_object();
    return done(o,
                put(b, o, "old", sentences(b, old_ev)) && put(b, o, "new", sentences(b, new_ev)));
}

static json_t *node_side(builder *b, const kg_node *n)
{
    if (!n)
        return json_null();
    json_t *o = json_object();
    return done(o, put(b, o, "id", str(b, n->id)) &&
                       put(b, o, "label", str(b, kg_diff_label_of(n))) &&
                       put(b, o, "type", str(b, kg_entity_type_name(n->type))) &&
                       put(b, o, "aliases", strings(b, n->aliases, n->n_aliases)) &&
                       put(b, o, "roles", strings(b, n->roles, n->n_roles)) &&
                       put(b, o, "mentions", num(n->mentions)));
}

static json_t *entity_json(builder *b, const kg_diff *d, const kg_diff_entity *e)
{
    const kg_node *n = kg_diff_entity_node(d, e);
    const char *changes[2], *notes[2];
    size_t nc = 0, nn = 0;
    if (e->type_changed)
        changes[nc++] = "type";
    if (e->n_roles_added || e->n_roles_removed)
        changes[nc++] = "roles";
    if (e->label_changed)
        notes[nn++] = "label";
    if (mentions_changed(e))
        notes[nn++] = "mentions";
    json_t *o = json_object();
    bool ok = put(b, o, "status", str(b, kg_diff_state_name(e->state))) &&
              put(b, o, "kind", str(b, kg_diff_kind_name(e->kind))) &&
              put(b, o, "context", json_boolean(e->context)) && put(b, o, "id", str(b, n->id)) &&
              put(b, o, "label", str(b, kg_diff_label_of(n))) &&
              put(b, o, "type", str(b, kg_entity_type_name(n->type))) &&
              put(b, o, "match", str(b, kg_diff_match_name(e->match))) &&
              put(b, o, "changes", strings(b, changes, nc)) &&
              put(b, o, "notes", strings(b, notes, nn)) &&
              put(b, o, "roles_added", strings(b, e->roles_added, e->n_roles_added)) &&
              put(b, o, "roles_removed", strings(b, e->roles_removed, e->n_roles_removed)) &&
              put(b, o, "old", node_side(b, kg_diff_old_node(d, e))) &&
              put(b, o, "new", node_side(b, kg_diff_new_node(d, e))) &&
              put(b, o, "evidence", evidence(b, &e->old_evidence, &e->new_evidence));
    return done(o, ok);
}

static json_t *edge_side(builder *b, const kg_graph *g, const kg_edge *e)
{
    if (!e)
        return json_null();
    json_t *o = json_object();
    return done(o, put(b, o, "source", str(b, kg_graph_node(g, e->source)->id)) &&
                       put(b, o, "target", str(b, kg_graph_node(g, e->target)->id)) &&
                       put(b, o, "relation", str(b, e->relation)) &&
                       put(b, o, "negated", json_boolean(e->negated)) &&
                       put(b, o, "modal", json_boolean(e->modal)) &&
                       put(b, o, "attributed", json_boolean(e->attributed)) &&
                       put(b, o, "count", num(e->count)));
}

static json_t *relation_json(builder *b, const kg_diff *d, const kg_diff_relation *r)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const kg_edge *e = kg_diff_relation_edge(d, r);
    const char *changes[4];
    size_t nc = 0;
    if (r->negation_changed)
        changes[nc++] = "negation";
    if (r->modality_changed)
        changes[nc++] = "modality";
    if (r->attribution_changed)
        changes[nc++] = "attribution";
    if (r->count_changed)
        changes[nc++] = "count";
    json_t *o = json_object();
    bool ok = put(b, o, "status", str(b, kg_diff_state_name(r->state))) &&
              put(b, o, "kind", str(b, kg_diff_kind_name(r->kind))) &&
              put(b, o, "context", json_boolean(r->context)) &&
              put(b, o, "source", str(b, kg_diff_entity_node(d, &ents[r->source])->id)) &&
              put(b, o, "relation", str(b, e->relation)) &&
              put(b, o, "target", str(b, kg_diff_entity_node(d, &ents[r->target])->id)) &&
              put(b, o, "changes", strings(b, changes, nc)) &&
              put(b, o, "old", edge_side(b, kg_diff_old_graph(d), kg_diff_old_edge(d, r))) &&
              put(b, o, "new", edge_side(b, kg_diff_new_graph(d), kg_diff_new_edge(d, r))) &&
              put(b, o, "evidence", evidence(b, &r->old_evidence, &r->new_evidence));
    return done(o, ok);
}

/* A NULL result (no memory) is reported by the put or push it goes to. */
static json_t *value_json(const kg_claim_value *v)
{
    return v ? kg_export_value_json(v) : json_null();
}

static json_t *values_json(builder *b, const kg_claim_value *v, size_t n)
{
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < n; i++)
        ok = push(b, arr, value_json(&v[i]));
    return done(arr, ok);
}

static json_t *claim_side(builder *b, const kg_graph *g, const kg_claim *c)
{
    if (!c)
        return json_null();
    json_t *o = json_object();
    return done(o, put(b, o, "entity", str(b, kg_graph_node(g, c->node)->id)) &&
                       put(b, o, "role", str(b, kg_claim_role_name(c->role))) &&
                       put(b, o, "relation", str(b, c->relation)) &&
                       put(b, o, "argument", str(b, c->argument)) &&
                       put(b, o, "negated", json_boolean(c->negated)) &&
                       put(b, o, "modal", json_boolean(c->modal)) &&
                       put(b, o, "attributed", json_boolean(c->attributed)) &&
                       put(b, o, "speaker", str(b, c->speaker)) &&
                       put(b, o, "values", values_json(b, c->values, c->n_values)) &&
                       put(b, o, "count", num(c->count)));
}

static json_t *claim_json(builder *b, const kg_diff *d, const kg_diff_claim *c)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    const kg_claim *k = kg_diff_claim_record(d, c);
    const char *changes[5];
    size_t nc = 0;
    if (c->negation_changed)
        changes[nc++] = "negation";
    if (c->modality_changed)
        changes[nc++] = "modality";
    if (c->attribution_changed)
        changes[nc++] = "attribution";
    if (c->count_changed)
        changes[nc++] = "count";
    if (c->n_values)
        changes[nc++] = "values";
    json_t *o = json_object(), *vals = json_array();
    bool ok = vals != NULL;
    for (size_t i = 0; ok && i < c->n_values; i++) {
        json_t *x = json_object();
        ok = push(b, vals,
                  done(x, put(b, x, "old", value_json(c->values[i].old_value)) &&
                              put(b, x, "new", value_json(c->values[i].new_value))));
    }
    ok = ok && put(b, o, "status", str(b, kg_diff_state_name(c->state))) &&
         put(b, o, "kind", str(b, kg_diff_kind_name(c->kind))) &&
         put(b, o, "context", json_boolean(c->context)) &&
         put(b, o, "entity", str(b, kg_diff_entity_node(d, &ents[c->entity])->id)) &&
         put(b, o, "role", str(b, kg_claim_role_name(k->role))) &&
         put(b, o, "relation", str(b, k->relation)) && put(b, o, "argument", str(b, k->argument)) &&
         put(b, o, "changes", strings(b, changes, nc)) && put(b, o, "value_changes", vals);
    if (!ok && vals && !json_object_get(o, "value_changes"))
        json_decref(vals);
    ok = ok && put(b, o, "old", claim_side(b, kg_diff_old_graph(d), kg_diff_old_claim(d, c))) &&
         put(b, o, "new", claim_side(b, kg_diff_new_graph(d), kg_diff_new_claim(d, c))) &&
         put(b, o, "evidence", evidence(b, &c->old_evidence, &c->new_evidence));
    return done(o, ok);
}

/* The aligned sentences that are not the same in both versions. */
static json_t *sentence_pairs_json(builder *b, const kg_diff *d)
{
    size_t n;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(d, &n);
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const kg_diff_sentence_pair *p = &ps[i];
        if (p->state == KG_DIFF_UNCHANGED)
            continue;
        json_t *o = json_object();
        json_t *side[2];
        for (int k = 0; k < 2; k++) {
            const char *doc = k ? p->new_doc : p->old_doc, *text = k ? p->new_text : p->old_text;
            long sn = k ? p->new_sentence : p->old_sentence;
            if (sn < 0) {
                side[k] = json_null();
                continue;
            }
            side[k] = json_object();
            ok = ok && put(b, side[k], "doc", str(b, doc)) &&
                 put(b, side[k], "sentence", num((size_t)sn)) &&
                 put(b, side[k], "start", num(k ? p->new_start : p->old_start)) &&
                 put(b, side[k], "end", num(k ? p->new_end : p->old_end)) &&
                 put(b, side[k], "text", str(b, text));
        }
        ok = push(b, arr,
                  done(o, ok && put(b, o, "status", str(b, kg_diff_state_name(p->state))) &&
                              put(b, o, "meaning_changed", json_boolean(p->meaning_changed)) &&
                              put(b, o, "old", side[0]) && put(b, o, "new", side[1])));
    }
    return done(arr, ok);
}

static json_t *diff_json(builder *b, const kg_diff *d)
{
    json_t *root = json_object(), *ents = json_array(), *rels = json_array(), *cls = json_array();
    bool ok = put(b, root, "format", str(b, "kg-diff")) &&
              put(b, root, "version", json_integer(2)) &&
              put(b, root, "generator", str(b, "kg " KG_VERSION)) &&
              put(b, root, "changed", json_boolean(kg_diff_changed(d))) &&
              put(b, root, "old", side_info(b, kg_diff_old_name(d), kg_diff_old_graph(d))) &&
              put(b, root, "new", side_info(b, kg_diff_new_name(d), kg_diff_new_graph(d))) &&
              put(b, root, "summary", summary(b, d));
    size_t n;
    const kg_diff_entity *es = kg_diff_entities(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (es[i].state != KG_DIFF_UNCHANGED || es[i].label_changed || mentions_changed(&es[i]))
            ok = push(b, ents, entity_json(b, d, &es[i]));
    const kg_diff_relation *rs = kg_diff_relations(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (rs[i].state != KG_DIFF_UNCHANGED)
            ok = push(b, rels, relation_json(b, d, &rs[i]));
    const kg_diff_claim *cs = kg_diff_claims(d, &n);
    for (size_t i = 0; ok && i < n; i++)
        if (cs[i].state != KG_DIFF_UNCHANGED)
            ok = push(b, cls, claim_json(b, d, &cs[i]));
    if (ok) {
        ok = put(b, root, "entities", ents);
        ents = NULL;
    }
    if (ok) {
        ok = put(b, root, "relations", rels);
        rels = NULL;
    }
    if (ok) {
        ok = put(b, root, "claims", cls);
        cls = NULL;
    }
    ok = ok && put(b, root, "sentences", sentence_pairs_json(b, d));
    json_decref(ents);
    json_decref(rels);
    json_decref(cls);
    return done(root, ok);
}

kg_status kg_diff_export_json(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    builder b = {false, NULL};
    json_t *root = diff_json(&b, d);
    if (!root) {
        if (b.bad_string)
            return kg_error_set(err, KG_ERR_INPUT, "json: not valid UTF-8: \"%.60s\"",
                                b.bad_string);
        return kg_error_set(err, KG_ERR_NOMEM, "json: out of memory");
    }
    /* usually read on a terminal: C1 controls escaped too (kg_escape_write) */
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text)
        return kg_error_set(err, KG_ERR_NOMEM, "json: out of memory");
    int rc = kg_escape_write(out, text, KG_ESCAPE_JSON);
    free(text);
    if (rc == EOF || fputc('\n', out) == EOF)
        return kg_export_io_error(err);
    return KG_OK;
}

/* ---------------------------------------------------------------- drawing */

typedef struct state_style {
    const char *title, *line, *fill, *font, *node_style, *edge_style;
} state_style;

/* Okabe-Ito's bluish green, vermillion and orange, and greys. */
static const state_style state_styles[] = {
    [KG_DIFF_UNCHANGED] = {"unchanged", "#999999", "#F2F2F2", "#555555", "filled", "solid"},
    [KG_DIFF_ADDED] = {"added", "#009E73", "#CCEDE3", "#000000", "filled,bold", "bold"},
    [KG_DIFF_REMOVED] = {"removed", "#D55E00", "#F7DCCC", "#000000", "filled,dashed", "dashed"},
    [KG_DIFF_CHANGED] = {"changed", "#E69F00", "#FAEBCC", "#000000", "filled,bold", "bold"},
};

static const char *const type_shapes[] = {
    [KG_ENT_PERSON] = "ellipse",
    [KG_ENT_ORGANIZATION] = "box",
    [KG_ENT_COUNTRY] = "hexagon",
    [KG_ENT_LOCATION] = "note",
};

static bool set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, "") == 0;
}

static bool set_label(void *obj, const char *text, size_t width)
{
    char *label = kg_graphviz_label(text, width, true);
    bool ok = label && set(obj, "label", label);
    free(label);
    return ok;
}

static bool style_node(Agnode_t *an, kg_diff_state s, kg_entity_type t)
{
    const state_style *st = &state_styles[s];
    const char *shape =
        (size_t)t < sizeof type_shapes / sizeof type_shapes[0] ? type_shapes[t] : "ellipse";
    return set(an, "shape", shape) && set(an, "color", st->line) &&
           set(an, "fillcolor", st->fill) && set(an, "fontcolor", st->font) &&
           set(an, "style", st->node_style);
}

static bool draw_nodes(Agraph_t *ag, const kg_diff *d, Agnode_t **nodes)
{
    size_t n;
    const kg_diff_entity *ents = kg_diff_entities(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_diff_entity *e = &ents[i];
        const kg_node *node = kg_diff_entity_node(d, e);
        char name[32], *text = NULL;
        snprintf(name, sizeof name, "e%zu", i); /* ids may hold anything; these never clash */
        if (e->label_changed) {
            const char *o = kg_diff_label_of(kg_diff_old_node(d, e)), *nw = kg_diff_label_of(node);
            size_t len = strlen(o) + strlen(nw) + 16;
            text = malloc(len);
            if (text)
                snprintf(text, len, "%s\n(was %s)", nw, o);
        }
        nodes[i] = agnode(ag, name, 1);
        bool ok = nodes[i] && (!e->label_changed || text) &&
                  set_label(nodes[i], text ? text : kg_diff_label_of(node), 18) &&
                  style_node(nodes[i], e->state, node->type);
        free(text);
        if (!ok)
            return false;
    }
    return true;
}

/* "not attend ×2", the way dot.c labels edges. */
static char *edge_form(const kg_edge *e)
{
    size_t len = strlen(e->relation) + 64;
    char *s = malloc(len);
    if (!s)
        return NULL;
    int k = snprintf(s, len, "%s%s%s", e->negated ? "not " : "", e->relation,
                     e->modal ? " (modal)" : "");
    if (e->count > 1)
        snprintf(s + k, len - (size_t)k, " \xC3\x97%zu", e->count);
    return s;
}

static bool draw_edges(Agraph_t *ag, const kg_diff *d, Agnode_t **nodes)
{
    size_t n;
    const kg_diff_relation *rels = kg_diff_relations(d, &n);
    for (size_t i = 0; i < n; i++) {
        const kg_diff_relation *r = &rels[i];
        const kg_edge *ne = kg_diff_new_edge(d, r), *oe = kg_diff_old_edge(d, r);
        char *now = edge_form(ne ? ne : oe), *was = ne && oe ? edge_form(oe) : NULL;
        char *text = NULL;
        if (now && (r->state != KG_DIFF_CHANGED || was)) {
            size_t len = strlen(now) + (was ? strlen(was) : 0) + 16;
            text = malloc(len);
            if (text)
                snprintf(text, len, r->state == KG_DIFF_CHANGED ? "%s\n(was %s)" : "%s", now,
                         was ? was : "");
        }
        free(now);
        free(was);
        const state_style *st = &state_styles[r->state];
        Agedge_t *ae = text ? agedge(ag, nodes[r->source], nodes[r->target], NULL, 1) : NULL;
        bool ok = ae && set_label(ae, text, 24) && set(ae, "color", st->line) &&
                  set(ae, "fontcolor", r->state == KG_DIFF_UNCHANGED ? st->font : st->line) &&
                  set(ae, "style", st->edge_style);
        free(text);
        if (!ok)
            return false;
    }
    return true;
}

/* A legend naming the four colours; its node names hold spaces, which the
 * entity nodes' names ("e12") never do. */
static bool draw_legend(Agraph_t *ag)
{
    Agraph_t *sub = agsubg(ag, "cluster_legend", 1);
    if (!sub || !set(sub, "label", "Legend") || !set(sub, "style", "rounded") ||
        !set(sub, "color", "#999999") || !set(sub, "fontsize", "11"))
        return false;
    Agnode_t *prev = NULL;
    for (size_t s = 0; s < sizeof state_styles / sizeof state_styles[0]; s++) {
        char name[40];
        snprintf(name, sizeof name, "kg legend %s", state_styles[s].title);
        Agnode_t *an = agnode(sub, name, 1);
        if (!an || !style_node(an, (kg_diff_state)s, KG_ENT_ORGANIZATION) ||
            !set(an, "label", state_styles[s].title) || !set(an, "fontsize", "10"))
            return false;
        if (prev) {
            Agedge_t *ae = agedge(sub, prev, an, NULL, 1);
            if (!ae || !set(ae, "style", "invis"))
                return false;
        }
        prev = an;
    }
    return true;
}

static bool draw_defaults(Agraph_t *ag, const kg_diff *d)
{
    static const char *const graph_attrs[][2] = {
        {"overlap", "false"},
        {"splines", "true"},
        {"fontname", "Helvetica"},
        {"outputorder", "edgesfirst"},
        {"nodesep", "0.4"},
        {"ranksep", "0.6"},
        {"pad", "0.3"},
        {"labelloc", "t"},
        {"fontsize", "14"},
    };
    static const char *const node_attrs[][2] = {
        {"label", "\\N"},   {"shape", "ellipse"},   {"style", "filled"},
        {"color", "black"}, {"fillcolor", "white"}, {"fontname", "Helvetica"},
        {"fontsize", "12"}, {"fontcolor", "black"}, {"margin", "0.08,0.04"},
    };
    static const char *const edge_attrs[][2] = {
        {"label", ""},        {"fontname", "Helvetica"}, {"fontsize", "10"},
        {"color", "#555555"}, {"fontcolor", "#333333"},  {"style", "solid"},
        {"arrowsize", "0.7"},
    };
    for (size_t i = 0; i < sizeof graph_attrs / sizeof graph_attrs[0]; i++)
        if (!agattr(ag, AGRAPH, (char *)graph_attrs[i][0], (char *)graph_attrs[i][1]))
            return false;
    for (size_t i = 0; i < sizeof node_attrs / sizeof node_attrs[0]; i++)
        if (!agattr(ag, AGNODE, (char *)node_attrs[i][0], (char *)node_attrs[i][1]))
            return false;
    for (size_t i = 0; i < sizeof edge_attrs / sizeof edge_attrs[0]; i++)
        if (!agattr(ag, AGEDGE, (char *)edge_attrs[i][0], (char *)edge_attrs[i][1]))
            return false;
    size_t len = strlen(kg_diff_old_name(d)) + strlen(kg_diff_new_name(d)) + 16;
    char *title = malloc(len);
    if (!title)
        return false;
    snprintf(title, len, "%s \xE2\x86\x92 %s", kg_diff_old_name(d), kg_diff_new_name(d));
    bool ok = set_label(ag, title, 80);
    free(title);
    return ok;
}

/* The union graph; call with kg_graphviz_lock held. */
static Agraph_t *draw(const kg_diff *d, kg_error *err)
{
    size_t n;
    kg_diff_entities(d, &n);
    Agnode_t **nodes = malloc((n ? n : 1) * sizeof *nodes);
    Agraph_t *ag = agopen("kg_diff", Agdirected, NULL);
    bool ok = nodes && ag && draw_defaults(ag, d) && draw_nodes(ag, d, nodes) &&
              draw_edges(ag, d, nodes) && draw_legend(ag);
    free(nodes);
    if (!ok) {
        if (ag)
            agclose(ag);
        kg_error_set(err, KG_ERR_LIB, "diff: cannot build the Graphviz graph (out of memory?)");
        return NULL;
    }
    return ag;
}

kg_status kg_diff_export_dot(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    kg_graphviz_lock();
    Agraph_t *ag = draw(d, err);
    int rc = ag ? agwrite(ag, out) : 0;
    if (ag)
        agclose(ag);
    kg_graphviz_unlock();
    if (!ag)
        return err ? err->status : KG_ERR_LIB;
    if (rc != 0 || ferror(out))
        return kg_export_io_error(err);
    return KG_OK;
}

kg_status kg_diff_export_svg(const kg_diff *d, FILE *out, kg_error *err)
{
    if (!d || !out)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no output");
    kg_graphviz_lock();
    kg_status st = KG_OK;
    Agraph_t *ag = draw(d, err);
    if (!ag)
        st = err ? err->status : KG_ERR_LIB;
    else {
        st = kg_graphviz_render(ag, "dot", "svg", out, "diff", err);
        agclose(ag);
    }
    kg_graphviz_unlock();
    return st;
}

/* ---------------------------------------------------------------- files */

kg_status kg_diff_export_write(const kg_diff *d, kg_diff_format f,
                               const kg_diff_export_options *opts, FILE *out, kg_error *err)
{
    errno = 0;
    kg_status st;
    switch (f) {
    case KG_DIFF_FMT_TEXT:
        st = kg_diff_export_text(d, opts, out, err);
        break;
    case KG_DIFF_FMT_JSON:
        st = kg_diff_export_json(d, out, err);
        break;
    case KG_DIFF_FMT_DOT:
        st = kg_diff_export_dot(d, out, err);
        break;
    case KG_DIFF_FMT_SVG:
        st = kg_diff_export_svg(d, out, err);
        break;
    case KG_DIFF_FMT_HTML:
        st = kg_diff_export_html(d, out, err);
        break;
    default:
        return kg_error_set(err, KG_ERR_USAGE, "diff: unknown format %d", (int)f);
    }
    if (st == KG_OK && (fflush(out) != 0 || ferror(out)))
        st = kg_export_io_error(err);
    return st;
}

typedef struct diff_job {
    const kg_diff *d;
    kg_diff_format f;
    const kg_diff_export_options *opts;
} diff_job;

static kg_status write_diff(const void *ctx, FILE *out, kg_error *err)
{
    const diff_job *j = ctx;
    return kg_diff_export_write(j->d, j->f, j->opts, out, err);
}

/* Atomic, as kg_export_file: on failure PATH stays as it was. */
kg_status kg_diff_export_file(const kg_diff *d, kg_diff_format f,
                              const kg_diff_export_options *opts, const char *path, kg_error *err)
{
    if (!d || !path || !*path)
        return kg_error_set(err, KG_ERR_USAGE, "diff: no diff or no path");
    diff_job j = {d, f, opts};
    return kg_file_write_atomic(path, write_diff, &j, err);
}
