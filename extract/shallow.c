/* shallow.c - see shallow.h. */
#include "shallow.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static const char *lower(kg_arena *a, const char *s)
{
    char *d = kg_arena_strdup(a, s);
    if (d)
        for (char *p = d; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return d;
}

static bool is_role_prep(const char *w)
{
    return !strcmp(w, "at") || !strcmp(w, "for") || !strcmp(w, "of") || !strcmp(w, "with") ||
           !strcmp(w, "from") || !strcmp(w, "in") || !strcmp(w, "to");
}

static bool triple_dup(const kg_vec *out, const kg_triple *tr)
{
    for (size_t j = 0; j < out->len; j++) {
        const kg_triple *o = kg_vec_at(out, j);
        if (o->sentence == tr->sentence && o->subject.entity == tr->subject.entity &&
            o->object.entity == tr->object.entity && !strcmp(o->relation, tr->relation))
            return true;
    }
    return false;
}

/* "Khaled Elgindy, a senior fellow at the Middle East Institute" and "Brad
 * Adams, from Human Rights Watch": entity, comma, optional article, up to five
 * role words, preposition, entity.  Read off the tokens because the parser
 * often attaches such appositions elsewhere. */
kg_status kg_shallow_appositions(kg_arena *a, const kg_sentence_view *s, kg_vec *out, kg_error *err)
{
    const kg_token *t = s->tokens;
    const long *te = s->token_entity;
    size_t n = s->n_tokens;
    for (size_t i = 0; i + 3 < n; i++) {
        if (te[i] < 0 || te[i + 1] == te[i] || strcmp(t[i + 1].norm, ","))
            continue;
        size_t k = i + 2;
        if (k < n && (!strcasecmp(t[k].norm, "a") || !strcasecmp(t[k].norm, "an") ||
                      !strcasecmp(t[k].norm, "the")))
            k++;
        size_t words_start = k;
        while (k < n && k < words_start + 5 && te[k] < 0 && t[k].kind == KG_TOK_WORD &&
               !is_role_prep(t[k].norm))
            k++;
        /* "including stops in", "according to": a participle, not a role */
        bool verbal = false;
        for (size_t w = words_start; w < k; w++) {
            size_t len = strlen(t[w].norm);
            verbal |= len > 4 &&
                      (!strcmp(t[w].norm + len - 3, "ing") || !strcmp(t[w].norm + len - 2, "ed"));
        }
        if (verbal)
            continue;
        if (k + 1 >= n || !is_role_prep(t[k].norm))
            continue;
        size_t y = k + 1;
        if (y < n && !strcasecmp(t[y].norm, "the"))
            y++;
        if (y >= n || te[y] < 0 || te[y] == te[i])
            continue;
        size_t y_end = y;
        while (y_end + 1 < n && te[y_end + 1] == te[y])
            y_end++;
        size_t x_start = i;
        while (x_start > 0 && te[x_start - 1] == te[i])
            x_start--;
        kg_triple tr = {0};
        tr.subject.entity = te[i];
        tr.subject.text =
            kg_arena_strndup(a, s->text + t[x_start].start, t[i].end - t[x_start].start);
        tr.object.entity = te[y];
        tr.object.text = kg_arena_strndup(a, s->text + t[y].start, t[y_end].end - t[y].start);
        const char *role = k > words_start ? kg_arena_strndup(a, s->text + t[words_start].start,
                                                              t[k - 1].end - t[words_start].start)
                                           : NULL;
        tr.relation = role ? kg_arena_printf(a, "be %s %s", lower(a, role), t[k].norm)
                           : kg_arena_printf(a, "be %s", t[k].norm);
        tr.surface = tr.relation;
        tr.confidence = 0.5;
        tr.sentence = s->index;
        tr.source = KG_SRC_PATTERN;
        if (!tr.relation)
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
        if (!triple_dup(out, &tr) && !kg_vec_push(out, &tr))
            return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
    }
    return KG_OK;
}

kg_status kg_shallow_between_entities(kg_arena *a, const kg_sentence_view *s, kg_vec *out,
                                      kg_error *err)
{
    const kg_token *t = s->tokens;
    const long *te = s->token_entity;
    size_t i = 0;
    while (i < s->n_tokens) {
        if (te[i] < 0) {
            i++;
            continue;
        }
        size_t e1_end = i;
        while (e1_end + 1 < s->n_tokens && te[e1_end + 1] == te[i])
            e1_end++;
        size_t j = e1_end + 1;
        size_t words = 0;
        bool broken = false;
        while (j < s->n_tokens && te[j] < 0) {
            if (t[j].kind == KG_TOK_PUNCT &&
                (strchr(",;:()\"", t[j].norm[0]) != NULL || t[j].norm[0] == '.'))
                broken = true;
            words++;
            j++;
        }
        if (j < s->n_tokens && !broken && words >= 1 && words <= 6 && te[j] != te[i]) {
            size_t e2_end = j;
            while (e2_end + 1 < s->n_tokens && te[e2_end + 1] == te[j])
                e2_end++;
            kg_triple tr = {0};
            tr.subject.entity = te[i];
            tr.subject.text = kg_arena_strndup(a, s->text + t[i].start, t[e1_end].end - t[i].start);
            tr.object.entity = te[j];
            tr.object.text = kg_arena_strndup(a, s->text + t[j].start, t[e2_end].end - t[j].start);
            const char *between = kg_arena_strndup(a, s->text + t[e1_end + 1].start,
                                                   t[j - 1].end - t[e1_end + 1].start);
            tr.relation = lower(a, between);
            tr.surface = between;
            tr.confidence = 0.2;
            tr.sentence = s->index;
            tr.source = KG_SRC_SHALLOW;
            for (size_t k = e1_end + 1; k < j; k++)
                if (!strcasecmp(t[k].norm, "not") || !strcasecmp(t[k].norm, "n't") ||
                    !strcasecmp(t[k].norm, "never"))
                    tr.negated = true;
            if (!tr.relation || !kg_vec_push(out, &tr))
                return kg_error_set(err, KG_ERR_NOMEM, "out of memory extracting triples");
        }
        i = e1_end + 1;
    }
    return KG_OK;
}
