/* test_diff_html.c - the HTML page of a diff: the changed words marked in
 * their row, each change linked to its row, the page self-contained,
 * escaped and deterministic. */
#include "diff_case.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kg/diff.h"
#include "kg/diff_export.h"

static char *html_of(const kg_diff *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    kg_error err = {0};
    if (kg_diff_export_html(d, out, &err) != KG_OK)
        fail_msg("%s", err.message);
    assert_int_equal(fclose(out), 0);
    assert_int_equal(strlen(buf), len); /* no NUL inside */
    return buf;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The text between the first `from` and the next `to` after it (malloc'd). */
static char *between(const char *s, const char *from, const char *to)
{
    const char *a = strstr(s, from);
    if (!a)
        fail_msg("no %s in the page", from);
    const char *b = strstr(a, to);
    if (!b)
        fail_msg("no %s after %s", to, from);
    return strndup(a, (size_t)(b - a));
}

/* The <tr ...>...</tr> that holds `needle` (malloc'd). */
static char *row_with(const char *html, const char *needle)
{
    const char *at = strstr(html, needle);
    if (!at)
        fail_msg("no %s in the page", needle);
    const char *start = at;
    while (start > html && strncmp(start, "<tr ", 4) != 0)
        start--;
    assert_memory_equal(start, "<tr id=\"s-", 10);
    const char *end = strstr(at, "</tr>");
    assert_non_null(end);
    return strndup(start, (size_t)(end - start));
}

/* What any page must be: HTML5 with its charset and title, everything
 * inline, elements that open also closed. */
static void assert_page_shape(const char *html)
{
    assert_memory_equal(html, "<!DOCTYPE html>\n", 16);
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(html, "<title>"));
    assert_non_null(strstr(html, "</html>\n"));
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<link"));
    assert_null(strstr(html, "<img"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "url("));
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "http"));
    static const char *const tags[][2] = {
        {"<tr", "</tr>"},           {"<td", "</td>"},
        {"<thead", "</thead>"},     {"<li", "</li>"},
        {"<ul", "</ul>"},           {"<del>", "</del>"},
        {"<ins>", "</ins>"},        {"<a ", "</a>"},
        {"<span", "</span>"},       {"<strong", "</strong>"},
        {"<section", "</section>"}, {"<table", "</table>"},
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (count(html, tags[i][0]) != count(html, tags[i][1]))
            fail_msg("%zu %s but %zu %s", count(html, tags[i][0]), tags[i][0],
                     count(html, tags[i][1]), tags[i][1]);
    /* nothing raw that a page cannot hold */
    for (const unsigned char *p = (const unsigned char *)html; *p; p++)
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)
            fail_msg("raw control 0x%02x at byte %zu", *p,
                     (size_t)(p - (const unsigned char *)html));
    assert_null(strstr(html, "\302\233")); /* U+009B, a C1 control */
}

#define HEAD "date 2024-01-05\n\n"
#define BEFORE "Secretary of State Antony Blinken arrived in Israel on Monday.\n"
#define AFTER "The talks continued in Cairo.\n"

/* ---------------------------------------------------------------- changes */

static void test_diff_html_marks_the_changed_word_in_its_row(void **state)
{
    (void)state;
    pair p =
        diff_texts(HEAD BEFORE "Prime Minister Benjamin Netanyahu rejected the proposals.\n" AFTER,
                   HEAD BEFORE "Prime Minister Benjamin Netanyahu accepted the proposals.\n" AFTER);
    assert_true(kg_diff_changed(p.d));
    char *html = html_of(p.d);
    assert_page_shape(html);
    assert_non_null(strstr(html, "The meaning changed."));

    /* both marks in one row, the rest of the sentence unmarked */
    char *row = row_with(html, "<del>rejected</del>");
    assert_non_null(strstr(row, "<ins>accepted</ins>"));
    assert_non_null(strstr(row, "Netanyahu <del>rejected</del> the proposals."));
    assert_non_null(strstr(row, "Netanyahu <ins>accepted</ins> the proposals."));
    assert_int_equal(count(row, "<del>"), 1);
    assert_int_equal(count(row, "<ins>"), 1);
    assert_non_null(strstr(row, "class=\"changed meaning\""));
    assert_non_null(strstr(row, "meaning changed</strong>"));

    /* a change in the list links to that row */
    char id[32];
    assert_int_equal(sscanf(row, "<tr id=\"%31[^\"]\"", id), 1);
    char href[48];
    snprintf(href, sizeof href, "href=\"#%s\"", id);
    char *changes = between(html, "<section id=\"changes\">", "</section>");
    assert_non_null(strstr(changes, href));
    assert_null(strstr(changes, "None."));
    free(changes);

    /* every sentence pair has its row, the unchanged ones too */
    size_t n;
    kg_diff_sentence_pairs(p.d, &n);
    assert_int_equal(n, 3);
    assert_int_equal(count(html, "<tr id=\"s-"), n);
    char *first = row_with(html, "Antony Blinken arrived");
    assert_non_null(strstr(first, "class=\"unchanged\""));
    assert_null(strstr(first, "<del>"));
    free(first);
    free(row);
    free(html);
    free_pair(&p);
}

static void test_diff_html_identical_versions_say_no_change(void **state)
{
    (void)state;
    const char *text = HEAD BEFORE "Netanyahu rejected the proposals.\n" AFTER;
    pair p = diff_texts(text, text);
    assert_false(kg_diff_changed(p.d));
    char *html = html_of(p.d);
    assert_page_shape(html);
    assert_non_null(strstr(html, "No change in meaning."));
    assert_null(strstr(html, "The meaning changed."));
    assert_null(strstr(html, "<del>"));
    assert_null(strstr(html, "<ins>"));
    assert_null(strstr(html, " meaning\""));
    char *changes = between(html, "<section id=\"changes\">", "</section>");
    assert_non_null(strstr(changes, "None."));
    assert_null(strstr(changes, "href="));
    free(changes);
    assert_int_equal(count(html, "<tr id=\"s-"), 3);
    assert_int_equal(count(html, "class=\"unchanged\""), 3);
    free(html);
    free_pair(&p);
}

static void test_diff_html_reworded_sentence_is_a_note(void **state)
{
    (void)state;
    pair p = diff_texts(HEAD BEFORE "Netanyahu rejected the proposals.\n" AFTER,
                        HEAD BEFORE "Netanyahu rejected the proposals.\n"
                                    "The talks continued in Cairo on Tuesday evening.\n");
    char *html = html_of(p.d);
    assert_page_shape(html);
    char *row = row_with(html, "<ins>Cairo on Tuesday evening.</ins>");
    assert_non_null(strstr(row, "in <del>Cairo.</del>"));
    char id[32];
    assert_int_equal(sscanf(row, "<tr id=\"%31[^\"]\"", id), 1);
    char href[48];
    snprintf(href, sizeof href, "href=\"#%s\"", id);
    /* the row is linked from somewhere: as a change if kg found one in it,
     * else as a reworded sentence among the notes */
    size_t n;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(p.d, &n);
    assert_int_equal(n, 3);
    assert_int_equal(ps[2].state, KG_DIFF_CHANGED);
    char *notes = between(html, "<section id=\"notes\">", "</section>");
    if (!ps[2].meaning_changed) {
        assert_non_null(strstr(notes, href));
        assert_non_null(strstr(notes, "reworded, no change in meaning"));
        assert_null(strstr(row, " meaning\""));
    } else
        assert_non_null(strstr(row, "class=\"changed meaning\""));
    free(notes);
    free(row);
    free(html);
    free_pair(&p);
}

/* ---------------------------------------------------------------- escaping */

static void test_diff_html_escapes_article_text(void **state)
{
    (void)state;
    pair p = diff_texts(HEAD "Netanyahu rejected the <b>proposals</b> & \"plans\" of O'Neill.\n",
                        HEAD "Netanyahu accepted the <b>proposals</b> & \"plans\" of O'Neill.\n");
    char *html = html_of(p.d);
    assert_page_shape(html);
    assert_null(strstr(html, "<b>"));
    assert_null(strstr(html, "</b>"));
    assert_non_null(strstr(html, "&lt;b&gt;proposals&lt;/b&gt; &amp; &quot;plans&quot; of "
                                 "O&#39;Neill."));
    char *row = row_with(html, "<del>rejected</del>");
    assert_non_null(strstr(row, "<ins>accepted</ins>"));
    free(row);
    free(html);
    free_pair(&p);
}

/* A hand-written graph may hold anything a string can: controls, a C1
 * control, a noncharacter, bytes that are not UTF-8, markup. */
static kg_graph *hostile_graph(const char *relation, const char *sentence)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    kg_doc_count dc = {"doc", 1};
    const char *ids[] = {"evil", "israel"};
    const char *labels[] = {"<script>Evil\033]0;x\007</script> \302\233One\357\277\276 \377",
                            "Israel"};
    for (int i = 0; i < 2; i++) {
        kg_node spec;
        memset(&spec, 0, sizeof spec);
        spec.id = ids[i];
        spec.label = labels[i];
        spec.type = i ? KG_ENT_COUNTRY : KG_ENT_PERSON;
        spec.mentions = 1;
        spec.first_doc = "doc";
        spec.docs = &dc;
        spec.n_docs = 1;
        assert_int_equal(kg_graph_add_node(g, &spec, NULL, &err), KG_OK);
    }
    kg_evidence ev = {"doc", "2024-01-05", 0, 0, 10, 0, 10, sentence};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = 0;
    e.target = 1;
    e.relation = relation;
    e.confidence = 0.8;
    e.evidence = &ev;
    e.n_evidence = 1;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    return g;
}

static void test_diff_html_shows_controls_and_stray_bytes_escaped(void **state)
{
    (void)state;
    kg_graph *a = hostile_graph("meet", "Evil met\033[5m <i>Israel</i> \377 today.");
    kg_graph *b = hostile_graph("meet\001", "Evil met\033[5m <i>Israel</i> \377 again.");
    kg_diff *d = NULL;
    kg_error err;
    assert_int_equal(kg_diff_graphs(a, b, NULL, &d, &err), KG_OK);
    char *html = html_of(d);
    assert_page_shape(html);
    assert_null(strstr(html, "<i>"));
    assert_null(strstr(html, "\377"));
    assert_null(strstr(html, "\357\277\276")); /* U+FFFE */
    assert_non_null(strstr(html, "&lt;script&gt;Evil<span class=\"ctl\">\\x1b</span>]0;x"
                                 "<span class=\"ctl\">\\x07</span>&lt;/script&gt; "
                                 "<span class=\"ctl\">\\x9b</span>One"
                                 "<span class=\"ctl\">\\xfffe</span> "
                                 "<span class=\"ctl\">\\xff</span>"));
    assert_non_null(strstr(html, "meet<span class=\"ctl\">\\x01</span>"));
    assert_non_null(strstr(html, "<del>today.</del>"));
    assert_non_null(strstr(html, "<ins>again.</ins>"));
    free(html);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
}

/* ---------------------------------------------------------------- words */

/* "w0 w1 ... w(n-1)" (malloc'd), the words at at1 and at2 replaced by edit. */
static char *words(size_t n, const char *edit, size_t at1, size_t at2)
{
    size_t cap = n * 8 + 64, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++) {
        if (edit && (i == at1 || i == at2))
            len += (size_t)snprintf(s + len, cap - len, "%s%s", i ? " " : "", edit);
        else
            len += (size_t)snprintf(s + len, cap - len, "%sw%zu", i ? " " : "", i);
    }
    return s;
}

static char *html_of_sentences(const char *old_sentence, const char *new_sentence)
{
    kg_graph *a = hostile_graph("meet", old_sentence), *b = hostile_graph("meet", new_sentence);
    kg_diff *d = NULL;
    kg_error err;
    assert_int_equal(kg_diff_graphs(a, b, NULL, &d, &err), KG_OK);
    size_t n;
    const kg_diff_sentence_pair *ps = kg_diff_sentence_pairs(d, &n);
    assert_int_equal(n, 1);
    assert_int_equal(ps[0].state, KG_DIFF_CHANGED);
    char *html = html_of(d);
    assert_page_shape(html);
    kg_diff_free(d);
    kg_graph_free(a);
    kg_graph_free(b);
    return html;
}

static void test_diff_html_marks_words_by_common_subsequence(void **state)
{
    (void)state;
    char *html = html_of_sentences("the quick brown fox jumps over the lazy dog",
                                   "the brown fox quickly jumps over a lazy dog");
    char *row = between(html, "<tr id=\"s-1\"", "</tr>");
    assert_non_null(
        strstr(row, "the <del>quick</del> brown fox jumps over <del>the</del> lazy dog"));
    assert_non_null(
        strstr(row, "the brown fox <ins>quickly</ins> jumps over <ins>a</ins> lazy dog"));
    free(row);
    free(html);
}

static void test_diff_html_marks_a_long_edit_whole(void **state)
{
    (void)state;
    /* 900 words, the second and the second last edited: the middle is
     * past the LCS bound on both sides, so it is marked whole */
    char *old_s = words(900, NULL, 0, 0), *new_s = words(900, "EDIT", 1, 898);
    char *html = html_of_sentences(old_s, new_s);
    char *row = between(html, "<tr id=\"s-1\"", "</tr>");
    assert_non_null(strstr(row, "w0 <del>w1 w2 "));
    assert_non_null(strstr(row, " w897 w898</del> w899"));
    assert_non_null(strstr(row, "w0 <ins>EDIT w2 "));
    assert_non_null(strstr(row, " w897 EDIT</ins> w899"));
    assert_int_equal(count(row, "<del>"), 1);
    assert_int_equal(count(row, "<ins>"), 1);
    free(row);
    free(html);
    /* under the bound the same edit is two words on each side */
    char *old_t = words(300, NULL, 0, 0), *new_t = words(300, "EDIT", 1, 298);
    html = html_of_sentences(old_t, new_t);
    assert_non_null(strstr(html, "w0 <del>w1</del> w2 "));
    assert_non_null(strstr(html, " w297 <ins>EDIT</ins> w299"));
    assert_int_equal(count(html, "<del>"), 2);
    assert_int_equal(count(html, "<ins>"), 2);
    free(html);
    free(old_s);
    free(new_s);
    free(old_t);
    free(new_t);
}

/* ---------------------------------------------------------------- output */

static void test_diff_html_is_deterministic(void **state)
{
    (void)state;
    const char *old_text = HEAD BEFORE "Netanyahu rejected the proposals.\n" AFTER;
    const char *new_text = HEAD BEFORE "Netanyahu accepted the proposals.\n"
                                       "Egypt welcomed the decision.\n" AFTER;
    pair p = diff_texts(old_text, new_text), q = diff_texts(old_text, new_text);
    char *first = html_of(p.d), *again = html_of(p.d), *other = html_of(q.d);
    assert_string_equal(first, again);
    assert_string_equal(first, other);
    free(first);
    free(again);
    free(other);
    free_pair(&p);
    free_pair(&q);
}

static void test_diff_html_reports_a_failed_write(void **state)
{
    (void)state;
    pair p = diff_texts(HEAD "Netanyahu rejected the proposals.\n",
                        HEAD "Netanyahu accepted the proposals.\n");
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    kg_error err = {0};
    assert_int_equal(kg_diff_export_html(p.d, full, &err), KG_ERR_IO);
    assert_int_equal(err.status, KG_ERR_IO);
    assert_non_null(strstr(err.message, "cannot write"));
    fclose(full);
    assert_int_equal(kg_diff_export_html(NULL, stdout, &err), KG_ERR_USAGE);
    free_pair(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diff_html_marks_the_changed_word_in_its_row),
        cmocka_unit_test(test_diff_html_identical_versions_say_no_change),
        cmocka_unit_test(test_diff_html_reworded_sentence_is_a_note),
        cmocka_unit_test(test_diff_html_escapes_article_text),
        cmocka_unit_test(test_diff_html_shows_controls_and_stray_bytes_escaped),
        cmocka_unit_test(test_diff_html_marks_words_by_common_subsequence),
        cmocka_unit_test(test_diff_html_marks_a_long_edit_whole),
        cmocka_unit_test(test_diff_html_is_deterministic),
        cmocka_unit_test(test_diff_html_reports_a_failed_write),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
