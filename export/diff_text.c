/* diff_text.c - a kg_diff as a text summary, for a person at a terminal.
 *
 * Counts first, then each change on one line, marked like diff(1) ('+'
 * added, '-' removed, '~' changed), with at most a couple of its sentences
 * from each side under it; notes (renamed entities, mention counts) come
 * last, apart, because they are not changes in meaning.  Unlike the JSON
 * and the drawing it leaves things out: colour only when asked, and a
 * change's sentences cut to max_evidence a side.
 */
#include <stdbool.h>
#include <stdio.h>

#include "dot_build.h"
#include "diff_sides.h"
#include "kg/diff_export.h"

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
        any = ents[i].label_changed || kg_diff_mentions_changed(&ents[i]);
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
        if (!kg_diff_mentions_changed(&ents[i]))
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
