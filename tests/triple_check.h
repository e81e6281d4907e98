/* triple_check.h - the CASE checker shared by test_triples.c (the pipeline
 * on sentences) and test_relations.c (the readers of the trees); the case
 * format is described in test_triples.c. */
#ifndef KG_TRIPLE_CHECK_H
#define KG_TRIPLE_CHECK_H

#include <stdio.h>
#include <string.h>

#define DOC_CASE_PARSER true
#include "doc_case.h"

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    size_t k = 0;
    while (s[k] == ' ')
        k++;
    memmove(s, s + k, strlen(s + k) + 1);
}

static void dump(const kg_document *d)
{
    size_t n;
    const kg_triple *t = kg_document_triples(d, &n);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "  (%s | %s%s%s | %s) surface \"%s\"%s%s\n", t[i].subject.text,
                t[i].negated ? "NOT " : "", t[i].modal ? "MODAL " : "", t[i].relation,
                t[i].object.text ? t[i].object.text : "", t[i].surface ? t[i].surface : "",
                t[i].attributed ? " said by " : "", t[i].attributed_to ? t[i].attributed_to : "");
}

/* The id of the entity an argument names, or "" (ents: the document's). */
static const char *arg_id(const kg_entity *ents, size_t ne, long e)
{
    return e >= 0 && (size_t)e < ne ? ents[e].id : "";
}

/* The checks field: "surf=TEXT;by=TEXT;sid=ID;oid=ID". */
static bool checks_hold(const kg_triple *t, const char *checks, const kg_entity *ents, size_t ne)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", checks);
    char *save = NULL;
    for (char *c = strtok_r(buf, ";", &save); c; c = strtok_r(NULL, ";", &save)) {
        if (!strncmp(c, "surf=", 5) && (!t->surface || strcmp(t->surface, c + 5)))
            return false;
        if (!strncmp(c, "by=", 3) && (!t->attributed_to || !strstr(t->attributed_to, c + 3)))
            return false;
        if (!strncmp(c, "sid=", 4) && strcmp(arg_id(ents, ne, t->subject.entity), c + 4))
            return false;
        if (!strncmp(c, "oid=", 4) && strcmp(arg_id(ents, ne, t->object.entity), c + 4))
            return false;
    }
    return true;
}

static bool matches(const kg_triple *t, const char *s, const char *r, const char *o,
                    const char *flags, const char *checks, const kg_entity *ents, size_t ne)
{
    if (!strstr(t->subject.text, s) || strcmp(t->relation, r))
        return false;
    const char *obj = t->object.text ? t->object.text : "";
    if (*o ? !strstr(obj, o) : *obj != '\0')
        return false;
    if (strchr(flags, 'n') && !t->negated)
        return false;
    if (strchr(flags, 'N') && t->negated)
        return false;
    if (strchr(flags, 'm') && !t->modal)
        return false;
    if (strchr(flags, 'e') && (t->subject.entity < 0 || t->object.entity < 0))
        return false;
    if (strchr(flags, 'a') && !t->attributed)
        return false;
    if (strchr(flags, 'A') && t->attributed)
        return false;
    return checks_hold(t, checks, ents, ne);
}

/* One expectation "SUBJECT | RELATION | OBJECT [| flags [| checks]]" (or
 * "!..." for one that must not hold) against d's triples. */
static void check_expectation(const kg_document *d, const char *x)
{
    size_t n, ne;
    const kg_triple *ts = kg_document_triples(d, &n);
    const kg_entity *ents = kg_document_entities(d, &ne);
    char buf[512];
    char *f[5] = {NULL, NULL, NULL, NULL, NULL};
    bool negative = x[0] == '!';
    snprintf(buf, sizeof buf, "%s", x + negative);
    char *save = NULL;
    size_t k = 0;
    for (char *p = strtok_r(buf, "|", &save); p && k < 5; p = strtok_r(NULL, "|", &save))
        f[k++] = p;
    assert_true(k >= 3);
    for (size_t j = 0; j < k; j++)
        trim(f[j]);
    bool found = false;
    for (size_t j = 0; j < n && !found; j++)
        found = matches(&ts[j], f[0], f[1], f[2], f[3] ? f[3] : "", f[4] ? f[4] : "", ents, ne);
    if (found == negative) {
        dump(d);
        fail_msg("%s triple (%s | %s | %s)", negative ? "unexpected" : "missing", f[0], f[1], f[2]);
    }
}

#endif
