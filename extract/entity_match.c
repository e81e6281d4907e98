/* entity_match.c - which earlier entity a mention names (entity_match.h). */
#include "entity_match.h"

#include <ctype.h>

#include "entity_index.h"
#include "names.h"

long kg_entity_match_key(kg_entity_finder *f, kg_entity_type type, const char *key)
{
    long best = -1;
    if (!key)
        return -1;
    for (size_t it = kg_multimap_first(f->by_key, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_key, it)) {
        size_t e = kg_multimap_value(f->by_key, it);
        if (ent_at(f, e)->type == type && eq(info_at(f, e)->key, key) &&
            (best < 0 || (long)e < best))
            best = (long)e;
    }
    return best;
}

long kg_entity_match_new(kg_entity_finder *f, const kg_cand *c, const char *key)
{
    kg_entity e = {0};
    e.name = c->name;
    e.type = c->type;
    e.first_offset = (size_t)-1;
    if (c->country && (c->type == KG_ENT_COUNTRY || c->type == KG_ENT_LOCATION ||
                       c->type == KG_ENT_PERSON || c->type == KG_ENT_ORGANIZATION)) {
        memcpy(e.iso2, c->country->alpha2, sizeof e.iso2);
        memcpy(e.iso3, c->country->alpha3, sizeof e.iso3);
    }
    kg_entity_info in = {0};
    in.key = key;
    in.first = kg_name_first_word(f->a, c->name);
    in.last = kg_name_surname_core(kg_name_last_word(c->name));
    in.n_name_tokens = kg_name_count_words(c->name);
    in.gender = c->gender;
    kg_vec_init(&in.aliases, sizeof(const char *));
    kg_vec_init(&in.roles, sizeof(const char *));
    if (!kg_vec_push(&f->ents, &e))
        return -1;
    if (!kg_vec_push(&f->ent_info, &in)) {
        f->ents.len--;
        return -1;
    }
    size_t i = f->ents.len - 1;
    return kg_entity_index_add(f, i) == KG_OK ? (long)i : -1;
}

/* How many of name's first words are particles before a surname: "von der
 * Leyen", or "Von der Leyen" opening a sentence, is the surname "Leyen";
 * "Al Gore" and "Ben Wallace" are given names.  At most words - 1. */
static size_t leading_particles(kg_entity_finder *f, const char *name, size_t words)
{
    size_t n = 0;
    for (const char *p = name, *sp; n + 1 < words && (sp = strchr(p, ' ')); p = sp + 1) {
        if (!kg_name_is_particle(p, (size_t)(sp - p), false))
            break;
        bool lower = islower((unsigned char)p[0]) || islower((unsigned char)sp[1]);
        if (!lower && kg_lexicon_is_given_name(f->lx, kg_name_first_word(f->a, p)))
            break;
        n++;
    }
    return n;
}

long kg_entity_match_person(kg_entity_finder *f, const char *name)
{
    size_t words = kg_name_count_words(name);
    const char *last = kg_name_surname_core(kg_name_last_word(name));
    words -= leading_particles(f, name, words);
    if (words == 1)
        name = last;
    long best = -1, alone = -1;
    size_t best_seen = 0;
    const kg_multimap *m = f->by_last;
    const char *first = words >= 2 ? kg_name_first_word(f->a, name) : NULL;
    for (size_t it = kg_multimap_first(m, last, strlen(last)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(m, it)) {
        size_t e = kg_multimap_value(m, it);
        const kg_entity_info *in = info_at(f, e);
        if (first && in->n_name_tokens >= 2 && eq(in->first, first)) {
            if (best < 0 || (long)e < best)
                best = (long)e;
        } else if (first && in->n_name_tokens == 1) {
            if (alone < 0 || (long)e < alone)
                alone = (long)e;
        } else if (!first && (best < 0 || in->last_seen > best_seen ||
                              (in->last_seen == best_seen && (long)e > best))) {
            best = (long)e; /* the latest seen; of equals, the later entity */
            best_seen = in->last_seen;
        }
    }
    if (first)
        return best >= 0 ? best : alone;
    if (best >= 0)
        return best;
    /* that given name, if one person has it (two: leave it) */
    best = kg_entity_index_tally_one(f, f->firsts, name);
    if (best != -1)
        return best >= 0 ? best : -1;
    /* a middle name the article goes on to use: "Lula" of "Luiz Inacio Lula
     * da Silva"; only when one person has it */
    if (strlen(name) <= 1)
        return -1;
    best = kg_entity_index_tally_one(f, f->middles, name);
    return best >= 0 ? best : -1;
}

long kg_entity_match_any(kg_entity_finder *f, const char *key)
{
    long best = -1;
    for (size_t it = kg_multimap_first(f->by_key, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_key, it)) {
        size_t e = kg_multimap_value(f->by_key, it);
        if (eq(info_at(f, e)->key, key) && (best < 0 || (long)e < best))
            best = (long)e;
    }
    size_t a;
    if (kg_strmap_get(f->alias_keys, key, &a) && (best < 0 || (long)a < best))
        best = (long)a;
    return best;
}

/* Pronouns: salience in the manner of Lappin and Leass (1994), with what a
 * tokenizer can see standing in for the parse.  Each person seen in the last
 * few sentences scores its recency in sentences, a bonus when its latest
 * mention was the first person named in its sentence (most often the
 * subject: "He told BBC News" follows the spokesman the previous sentence
 * was about, not the man it named last), one for each earlier mention
 * (the article's protagonist), one for a known gender that agrees (the
 * recency lists already leave out those it rules out; the unknown may be
 * either but lose to a known match), and a penalty for the one who says the
 * quotation a pronoun stands in ("He is wrong," said Smith: not Smith).
 * The weights were tuned on GUM's dev documents (bench/eval_coref.py). */
typedef struct kg_salience {
    int recency[4]; /* by sentences back: 0 is the pronoun's own */
    int first;      /* named first in that sentence */
    int mention, mention_cap;
    int gender;
    int speaker;
} kg_salience;

/* Tuned on GUM (bench/eval_coref.py): a known gender worth more than 40
 * lost, as most persons have no title to give one and a titled person
 * sentences back then beat the subject just named; so did counting pronouns
 * as mentions, and a bonus for a pronoun first in its own sentence too
 * (parallelism) never helped. */
static const kg_salience SALIENCE = {
    .recency = {100, 60, 35, 20},
    .first = 50,
    .mention = 10,
    .mention_cap = 60,
    .gender = 40,
    .speaker = -200,
};

enum {
    KG_PRONOUN_WINDOW = sizeof SALIENCE.recency / sizeof SALIENCE.recency[0],
    KG_PRONOUN_MAX_RIVALS = 16, /* persons weighed at most: the latest */
    KG_PRONOUN_MAX_LATER = 32,  /* names after a pronoun read for its clause */
    KG_QUOTE_REACH = 1000,      /* bytes searched for a quotation's marks */
    KG_MAX_SPEAKERS = 8,
    KG_TOPIC_NAMED = 3 /* names that make a person the story's subject */
};

/* A quotation mark at text[i]: +1 opens, -1 closes, 0 none.
 * Curly quotes face their way; a straight one opens at the start, after
 * whitespace or a bracket, and closes otherwise. */
static int quote_mark(const char *text, size_t i)
{
    const unsigned char *u = (const unsigned char *)text + i;
    if (u[0] == '"')
        return i == 0 || isspace(u[-1]) || u[-1] == '(' || u[-1] == '[' ? 1 : -1;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x9C || u[2] == 0x9D))
        return u[2] == 0x9C ? 1 : -1;
    return 0;
}

static bool blank_line_at(const char *text, size_t i)
{
    return text[i] == '\n' && text[i + 1] == '\n';
}

/* Whether offset off lies inside a quotation: the nearest mark before it,
 * within the paragraph, opens one.  *open is that mark; *close the mark
 * that ends it (SIZE_MAX if none is near). */
static bool quoted(const kg_entity_finder *f, size_t off, size_t *open, size_t *close)
{
    const char *t = f->text;
    size_t i = off;
    int m = 0;
    while (i > 0 && off - i < KG_QUOTE_REACH && !blank_line_at(t, i - 1))
        if ((m = quote_mark(t, --i)) != 0)
            break;
    if (m != 1)
        return false;
    *open = i;
    *close = SIZE_MAX;
    for (i = off; t[i] && i - off < KG_QUOTE_REACH && !blank_line_at(t, i); i++)
        if ((m = quote_mark(t, i)) != 0) {
            if (m == -1)
                *close = i;
            break;
        }
    return true;
}

static size_t cand_offset(const kg_entity_finder *f, const kg_cand *c)
{
    return f->tokens[c->sentence][c->tok_start].start;
}

/* The sentence holding byte off, searched back from sentence s. */
static size_t sentence_of(const kg_entity_finder *f, size_t s, size_t off)
{
    while (s > 0 && f->sentences[s].start > off)
        s--;
    return s;
}

/* Who may say the quotation [open, close]: the persons named outside it in
 * the sentence it opens in and the one it closes in ("Smith said: "...""
 * and ""...," Smith said").  A name after the pronoun is not resolved yet:
 * the person it would join stands for it. */
static size_t quote_speakers(kg_entity_finder *f, size_t ci, size_t open, size_t close, long *out)
{
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    size_t s_open = sentence_of(f, c->sentence, open), n = 0;
    for (size_t j = ci; j-- > 0 && n < KG_MAX_SPEAKERS;) {
        const kg_cand *o = kg_vec_at(&f->cands, j);
        if (o->sentence < s_open)
            break;
        if (o->entity >= 0 && cand_offset(f, o) < open)
            out[n++] = o->entity;
    }
    if (close == SIZE_MAX)
        return n;
    size_t s_close = c->sentence;
    for (size_t j = ci + 1; j < f->cands.len && n < KG_MAX_SPEAKERS; j++) {
        const kg_cand *o = kg_vec_at(&f->cands, j);
        if (o->sentence > s_close) {
            if (cand_offset(f, o) > close)
                break;
            s_close = o->sentence; /* the quotation runs on */
        }
        size_t oo = cand_offset(f, o), q, r;
        if (oo < close || quoted(f, oo, &q, &r))
            continue;
        bool person =
            o->kind == KG_CAND_UNKNOWN || (o->kind == KG_CAND_NAME && o->type == KG_ENT_PERSON);
        long e = person ? kg_entity_match_person(f, o->name) : -1;
        if (e >= 0)
            out[n++] = e;
    }
    return n;
}

static int salience(kg_entity_finder *f, const kg_cand *c, size_t e, const long *speakers,
                    size_t n_speakers)
{
    const kg_entity_info *in = info_at(f, e);
    const kg_salience *w = &SALIENCE;
    size_t dist = c->sentence - in->seen_sentence;
    int score = dist < KG_PRONOUN_WINDOW ? w->recency[dist] : 0;
    if (in->seen_rank == 0)
        score += w->first;
    size_t more = in->n_named ? in->n_named - 1 : 0; /* names after the first */
    score += more * (size_t)w->mention > (size_t)w->mention_cap ? w->mention_cap
                                                                : (int)more * w->mention;
    if (c->gender != KG_GENDER_UNKNOWN && in->gender == c->gender)
        score += w->gender;
    for (size_t k = 0; k < n_speakers; k++)
        if (speakers[k] == (long)e) {
            score += w->speaker;
            break;
        }
    return score;
}

/* ""Jones can go to the public," he told BBC News": a person named inside a
 * quotation of the pronoun's own sentence is talked about, not the one
 * talking, when the pronoun stands outside it. */
static bool quoted_here(const kg_entity_finder *f, const kg_cand *c, size_t last_seen)
{
    if (last_seen == 0 || last_seen > f->cands.len)
        return false;
    const kg_cand *o = kg_vec_at(&f->cands, last_seen - 1);
    size_t q, r;
    return o->sentence == c->sentence && quoted(f, cand_offset(f, o), &q, &r);
}

static bool nominative(const char *w)
{
    return strcasecmp(w, "he") == 0 || strcasecmp(w, "she") == 0;
}

static bool word_token(const kg_token *t)
{
    return isalpha((unsigned char)t->norm[0]) != 0;
}

/* "a British man who said he was from MI6": a "he" or "she" that opens the
 * clause of a relative's verb ("who said", "who had said") is the noun the
 * relative stands for.  True when the pronoun stands so; *e is then the
 * person named right before "who", or -1 when that noun names nobody. */
static bool relative_subject(const kg_entity_finder *f, size_t ci, long *e)
{
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    const kg_token *t = f->tokens[c->sentence];
    size_t p = c->tok_start;
    if (!nominative(c->name))
        return false;
    for (size_t k = 2; k <= 3 && k <= p; k++) {
        if (!word_token(&t[p - k + 1]))
            return false;
        if (strcasecmp(t[p - k].norm, "who") != 0)
            continue;
        size_t w = p - k; /* the relative */
        if (w > 0 && strcmp(t[w - 1].norm, ",") == 0)
            w--;
        *e = -1;
        for (size_t j = ci; j-- > 0;) {
            const kg_cand *o = kg_vec_at(&f->cands, j);
            if (o->sentence != c->sentence || o->tok_end < w)
                break;
            if (o->tok_end == w && o->type == KG_ENT_PERSON)
                *e = o->entity;
        }
        return true;
    }
    return false;
}

/* "he will play for Newcastle as long as Souness remains in charge": a
 * subject pronoun is never the person named after it in its own sentence,
 * as the name lies in the pronoun's clause; unless the pronoun stands in a
 * clause put first ("When he arrived, Souness said"). */
static bool named_after(kg_entity_finder *f, size_t ci, size_t e)
{
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    const kg_token *t = f->tokens[c->sentence];
    if (!nominative(c->name))
        return false;
    size_t first = 0;
    while (first < c->tok_start && !word_token(&t[first]))
        first++;
    if (first < c->tok_start && kg_lexicon_in(f->lx, KG_WL_SUBORDINATORS, t[first].norm))
        return false;
    for (size_t j = ci + 1; j < f->cands.len && j - ci <= KG_PRONOUN_MAX_LATER; j++) {
        const kg_cand *o = kg_vec_at(&f->cands, j);
        if (o->sentence != c->sentence)
            break;
        bool person =
            o->kind == KG_CAND_UNKNOWN || (o->kind == KG_CAND_NAME && o->type == KG_ENT_PERSON);
        if (person && kg_entity_match_person(f, o->name) == (long)e)
            return true;
    }
    return false;
}

long kg_entity_match_pronoun(kg_entity_finder *f, size_t ci)
{
    const kg_cand *c = kg_vec_at(&f->cands, ci);
    int l = c->gender == KG_GENDER_MALE     ? KG_RECENT_MALE
            : c->gender == KG_GENDER_FEMALE ? KG_RECENT_FEMALE
                                            : KG_RECENT_ANY;
    long speakers[KG_MAX_SPEAKERS];
    size_t n_speakers = 0, open, close;
    if (quoted(f, cand_offset(f, c), &open, &close))
        n_speakers = quote_speakers(f, ci, open, close, speakers);
    bool pronoun_quoted = n_speakers > 0 || quoted(f, cand_offset(f, c), &open, &close);
    long best = -1;
    if (relative_subject(f, ci, &best))
        return best;
    int best_score = 0;
    size_t rivals = 0;
    /* the lists run latest first, so on equal scores the first met stays */
    for (size_t e = f->recent[l]; e != KG_NO_ENTITY && rivals < KG_PRONOUN_MAX_RIVALS;
         e = info_at(f, e)->older[l]) {
        const kg_entity_info *in = info_at(f, e);
        if (in->last_seen > ci)
            continue;
        if (!pronoun_quoted && quoted_here(f, c, in->last_seen))
            continue;
        if (named_after(f, ci, e))
            continue;
        if (c->sentence - in->seen_sentence >= KG_PRONOUN_WINDOW) {
            if (best < 0)
                best = (long)e;
            break;
        }
        int score = salience(f, c, e, speakers, n_speakers);
        if (best < 0 || score > best_score) {
            best = (long)e;
            best_score = score;
        }
        rivals++;
    }
    /* the person the story is about stays in mind past the window: a
     * biography's subject, named again and again, over the co-star of
     * three sentences back */
    size_t tp = f->topic[l];
    if (tp != KG_NO_ENTITY && best >= 0 && (size_t)best != tp &&
        info_at(f, tp)->n_named >= KG_TOPIC_NAMED && info_at(f, tp)->last_seen <= ci &&
        c->sentence - info_at(f, tp)->seen_sentence >= KG_PRONOUN_WINDOW &&
        info_at(f, (size_t)best)->n_named < info_at(f, tp)->n_named &&
        salience(f, c, tp, speakers, n_speakers) > best_score && !named_after(f, ci, tp))
        best = (long)tp;
    return best;
}

long kg_entity_match_role_holder(kg_entity_finder *f, const char *role)
{
    long best = -1;
    size_t seen = 0;
    char *key = kg_name_lower_copy(f->a, role, strlen(role));
    if (!key)
        return -1;
    for (size_t it = kg_multimap_first(f->by_role, key, strlen(key)); it != KG_MULTIMAP_END;
         it = kg_multimap_next(f->by_role, it)) {
        size_t e = kg_multimap_value(f->by_role, it);
        size_t s = info_at(f, e)->last_seen;
        if (best < 0 || s > seen || (s == seen && (long)e > best)) {
            best = (long)e;
            seen = s;
        }
    }
    return best;
}
