/* test_graph_html.c - the interactive page (kg build -f html): one file that
 * holds its script, its style and the graph, fetches nothing, cannot be
 * broken out of by a label, and is the same bytes every time. */
#include "fixtures.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web_assets.h"

#define DATA_OPEN "<script type=\"application/json\" id=\"kg-graph\">\n"

static char *page_of(kg_graph *g, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    kg_error err = {0};
    kg_status st = kg_export_write(g, KG_FMT_HTML, f, &err);
    if (st != KG_OK)
        fail_msg("html: %s", err.message);
    assert_int_equal(fclose(f), 0);
    if (len)
        *len = n;
    return buf;
}

static void add_node(kg_graph *g, const char *id, const char *label, const char *alias,
                     kg_entity_type type, size_t mentions)
{
    kg_doc_count dc = {"doc", mentions};
    kg_node n;
    memset(&n, 0, sizeof n);
    n.id = id;
    n.label = label;
    n.type = type;
    n.aliases = &alias;
    n.n_aliases = alias ? 1 : 0;
    n.mentions = mentions;
    n.first_doc = "doc";
    n.docs = &dc;
    n.n_docs = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
}

static void add_edge(kg_graph *g, const char *s, const char *t, const char *rel, const char *text)
{
    kg_evidence ev = {"doc", "2024-01-05", 0, 0, strlen(text), 0, strlen(text), text};
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = (size_t)kg_graph_find_node(g, s);
    e.target = (size_t)kg_graph_find_node(g, t);
    e.relation = rel;
    e.confidence = 0.5;
    e.evidence = &ev;
    e.n_evidence = 1;
    kg_error err;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
}

/* Two people, a country and an isolated organization whose label tries to
 * end the data script; reversed adds them in the opposite order. */
static kg_graph *sample(bool reversed)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    assert_int_equal(kg_graph_add_doc(g, "doc", "2024-01-05", &err), KG_OK);
    struct {
        const char *id, *label, *alias;
        kg_entity_type type;
        size_t mentions;
    } nodes[] = {
        {"antony-blinken", "Antony Blinken", "Blinken", KG_ENT_PERSON, 3},
        {"turkey", "T\xC3\xBCrkiye", NULL, KG_ENT_COUNTRY, 1},
        {"hakan-fidan", "Hakan Fidan", NULL, KG_ENT_PERSON, 1},
        {"evil", "Evil </script><script>alert(1)</script>", "<!-- <script>", KG_ENT_ORGANIZATION,
         1},
    };
    size_t n = sizeof nodes / sizeof nodes[0];
    for (size_t k = 0; k < n; k++) {
        size_t i = reversed ? n - 1 - k : k;
        add_node(g, nodes[i].id, nodes[i].label, nodes[i].alias, nodes[i].type, nodes[i].mentions);
    }
    const char *said = "Blinken visited T\xC3\xBCrkiye.\xE2\x80\xA8 It was </SCRIPT> brief.";
    if (reversed) {
        add_edge(g, "antony-blinken", "hakan-fidan", "meet", "Blinken met Hakan Fidan.");
        add_edge(g, "antony-blinken", "turkey", "visit", said);
    } else {
        add_edge(g, "antony-blinken", "turkey", "visit", said);
        add_edge(g, "antony-blinken", "hakan-fidan", "meet", "Blinken met Hakan Fidan.");
    }
    return g;
}

/* The first k bytes equal to needle in hay[0..len), or NULL (memmem is a
 * GNU extension). */
static const char *find(const void *hay, size_t len, const void *needle, size_t k)
{
    const char *h = hay;
    for (size_t i = 0; k <= len && i <= len - k; i++)
        if (memcmp(h + i, needle, k) == 0)
            return h + i;
    return NULL;
}

static size_t count(const char *hay, size_t len, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = hay; (p = find(p, len - (size_t)(p - hay), needle, k)); p += k)
        n++;
    return n;
}

/* The text of the data script, NUL-terminated, malloc'd. */
static char *data_of(const char *page)
{
    const char *from = strstr(page, DATA_OPEN);
    assert_non_null(from);
    from += strlen(DATA_OPEN);
    const char *to = strstr(from, "</script>");
    assert_non_null(to);
    return strndup(from, (size_t)(to - from));
}

static void test_html_page_holds_the_bundle_and_the_style(void **state)
{
    (void)state;
    kg_graph *g = sample(false);
    size_t len;
    char *page = page_of(g, &len);
    assert_true(strncmp(page, "<!DOCTYPE html>\n", 16) == 0);
    /* the bundle is sigma.js and graphology, not a few lines */
    assert_true(kg_web_assets_script_len > 50000);
    assert_non_null(find(page, len, kg_web_assets_script, kg_web_assets_script_len));
    assert_non_null(find(page, len, kg_web_assets_style, kg_web_assets_style_len));
    assert_non_null(find(kg_web_assets_script, kg_web_assets_script_len, "kgPage", 6));
    const char *tail = "\n</script>\n</body>\n</html>\n";
    assert_string_equal(page + len - strlen(tail), tail);
    free(page);
    kg_graph_free(g);
}

static void test_html_data_script_is_the_graphology_json(void **state)
{
    (void)state;
    kg_graph *g = sample(false);
    char *page = page_of(g, NULL);
    char *data = data_of(page);
    json_error_t jerr;
    json_t *root = json_loads(data, 0, &jerr);
    if (!root)
        fail_msg("data script: %s at %d:%d", jerr.text, jerr.line, jerr.column);
    json_t *nodes = json_object_get(root, "nodes"), *edges = json_object_get(root, "edges");
    assert_int_equal(json_array_size(nodes), 4);
    assert_int_equal(json_array_size(edges), 2);
    bool found = false;
    for (size_t i = 0; i < json_array_size(nodes); i++) {
        json_t *a = json_object_get(json_array_get(nodes, i), "attributes");
        const char *label = json_string_value(json_object_get(a, "label"));
        found |= strcmp(label, "Evil </script><script>alert(1)</script>") == 0;
        assert_non_null(json_object_get(a, "entity_type"));
    }
    assert_true(found); /* the escapes decode to the label as it was */
    json_t *visit = NULL;
    for (size_t j = 0; j < json_array_size(edges); j++) {
        json_t *a = json_object_get(json_array_get(edges, j), "attributes");
        if (strcmp(json_string_value(json_object_get(a, "relation")), "visit") == 0)
            visit = a;
    }
    assert_non_null(visit);
    json_t *ev = json_array_get(json_object_get(visit, "evidence"), 0);
    assert_string_equal(json_string_value(json_object_get(ev, "text")),
                        "Blinken visited T\xC3\xBCrkiye.\xE2\x80\xA8 It was </SCRIPT> brief.");
    json_decref(root);
    free(data);
    free(page);
    kg_graph_free(g);
}

static void test_html_escapes_what_would_end_the_script(void **state)
{
    (void)state;
    kg_graph *g = sample(false);
    size_t len;
    char *page = page_of(g, &len);
    char *data = data_of(page);
    /* no "<" at all in the data: no "</script", no "<!--", no "<script" */
    assert_null(strchr(data, '<'));
    assert_non_null(strstr(data, "Evil \\u003c/script>\\u003cscript>alert(1)\\u003c/script>"));
    assert_non_null(strstr(data, "\\u003c!-- \\u003cscript>"));
    assert_non_null(strstr(data, "T\xC3\xBCrkiye.\\u2028 It was \\u003c/SCRIPT>"));
    assert_null(find(page, len, "\xE2\x80\xA8", 3));
    /* only the page's own two scripts end */
    assert_int_equal(count(page, len, "</script>"), 2);
    assert_int_equal(count(page, len, "<script"), 2);
    free(data);
    free(page);
    kg_graph_free(g);
}

/* Whether an src= or href= attribute anywhere names an http(s) URL. */
static bool links_out(const char *page, size_t len)
{
    const char *attrs[] = {"src=", "href=", "SRC=", "HREF="};
    for (size_t a = 0; a < 4; a++) {
        size_t k = strlen(attrs[a]);
        for (const char *p = page; (p = find(p, len - (size_t)(p - page), attrs[a], k)); p += k) {
            const char *v = p + k;
            if (*v == '"' || *v == '\'')
                v++;
            if (strncmp(v, "http://", 7) == 0 || strncmp(v, "https://", 8) == 0 ||
                strncmp(v, "//", 2) == 0)
                return true;
        }
    }
    return false;
}

static void test_html_fetches_nothing(void **state)
{
    (void)state;
    kg_graph *g = sample(false);
    size_t len;
    char *page = page_of(g, &len);
    assert_false(links_out(page, len));
    assert_null(find(page, len, "http://", 7));
    assert_null(find(page, len, "https://", 8));
    assert_null(find(page, len, "<link", 5));
    assert_null(find(page, len, "<script src", 11));
    assert_null(find(page, len, "<iframe", 7));
    /* the checker itself sees a link when there is one */
    const char *bad = "<img src=\"https://example.org/x.png\">";
    assert_true(links_out(bad, strlen(bad)));
    free(page);
    kg_graph_free(g);
}

static void test_html_is_byte_identical_for_two_runs_and_any_order(void **state)
{
    (void)state;
    kg_graph *a = sample(false), *b = sample(true);
    size_t la, la2, lb;
    char *pa = page_of(a, &la), *pa2 = page_of(a, &la2), *pb = page_of(b, &lb);
    assert_int_equal(la, la2);
    assert_memory_equal(pa, pa2, la);
    assert_int_equal(la, lb);
    assert_memory_equal(pa, pb, la);
    free(pa);
    free(pa2);
    free(pb);
    kg_graph_free(a);
    kg_graph_free(b);
}

static void test_html_of_empty_graph_is_a_page(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    size_t len;
    char *page = page_of(g, &len);
    char *data = data_of(page);
    json_t *root = json_loads(data, 0, NULL);
    assert_non_null(root);
    assert_int_equal(json_array_size(json_object_get(root, "nodes")), 0);
    json_decref(root);
    free(data);
    free(page);
    kg_graph_free(g);
}

static void test_html_refuses_strings_that_are_not_utf8(void **state)
{
    (void)state;
    kg_graph *g = sample(false);
    add_node(g, "bad", "Caf\xe9", NULL, KG_ENT_LOCATION, 1);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_error err;
    assert_int_equal(kg_export_write(g, KG_FMT_HTML, f, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "html: json: not valid UTF-8: \"Caf\xe9\"");
    fclose(f);
    assert_null(find(buf, len, "<!DOCTYPE", 9)); /* nothing written */
    free(buf);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_page_holds_the_bundle_and_the_style),
        cmocka_unit_test(test_html_data_script_is_the_graphology_json),
        cmocka_unit_test(test_html_escapes_what_would_end_the_script),
        cmocka_unit_test(test_html_fetches_nothing),
        cmocka_unit_test(test_html_is_byte_identical_for_two_runs_and_any_order),
        cmocka_unit_test(test_html_of_empty_graph_is_a_page),
        cmocka_unit_test(test_html_refuses_strings_that_are_not_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
