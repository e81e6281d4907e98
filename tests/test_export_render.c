/* test_export_render.c - SVG and PNG through gvc. */
#include "fixtures.h"

#include <stdlib.h>
#include <string.h>

#include "xml_check.h"

/* Graphviz's and fontconfig's own leaks, as in tests/lsan.supp (read by
 * LeakSanitizer when the test is built with -fsanitize=address). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so.6\nleak:libfontconfig.so.1\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

static kg_graph *sample(void)
{
    kg_graph *g = kg_graph_new();
    const char *ids[] = {"antony-blinken", "israel", "qatar"};
    const char *labels[] = {"Antony Blinken", "Israel", "Qatar"};
    kg_entity_type types[] = {KG_ENT_PERSON, KG_ENT_COUNTRY, KG_ENT_COUNTRY};
    kg_error err;
    for (int k = 0; k < 3; k++) {
        kg_node n;
        memset(&n, 0, sizeof n);
        n.id = ids[k];
        n.label = labels[k];
        n.type = types[k];
        assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    }
    for (size_t t = 1; t < 3; t++) {
        kg_edge e;
        memset(&e, 0, sizeof e);
        e.source = 0;
        e.target = t;
        e.relation = "visit";
        e.count = t;
        assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    }
    return g;
}

typedef struct output {
    char *data;
    size_t len;
} output;

static kg_status render(kg_graph *g, const char *format, const char *layout, output *out,
                        kg_error *err)
{
    out->data = NULL;
    out->len = 0;
    FILE *f = open_memstream(&out->data, &out->len);
    assert_non_null(f);
    kg_status st = kg_export_render(g, format, layout, f, err);
    assert_int_equal(fclose(f), 0);
    return st;
}

static void test_render_svg_is_an_svg_document_with_our_labels(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output o;
    kg_error err;
    assert_int_equal(render(g, "svg", NULL, &o, &err), KG_OK);
    assert_non_null(strstr(o.data, "<svg"));
    assert_non_null(strstr(o.data, "</svg>"));
    assert_non_null(strstr(o.data, ">Antony Blinken</text>"));
    assert_non_null(strstr(o.data, ">visit \xc3\x97"
                                   "2</text>"));
    assert_non_null(strstr(o.data, ">Legend</text>"));
    free(o.data);
    kg_graph_free(g);
}

static void test_render_png_has_the_png_signature(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output o;
    kg_error err;
    assert_int_equal(render(g, "png", NULL, &o, &err), KG_OK);
    assert_true(o.len > 1000);
    assert_memory_equal(o.data, "\x89PNG\r\n\x1a\n", 8);
    free(o.data);
    kg_graph_free(g);
}

static void test_render_is_the_same_every_time(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output a, b;
    kg_error err;
    assert_int_equal(render(g, "svg", "dot", &a, &err), KG_OK);
    assert_int_equal(render(g, "svg", "dot", &b, &err), KG_OK);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    free(a.data);
    free(b.data);
    kg_graph_free(g);
}

static void test_render_with_other_layout_engines(void **state)
{
    (void)state;
    kg_graph *g = sample();
    const char *engines[] = {"neato", "sfdp", "circo"};
    for (int k = 0; k < 3; k++) {
        output o;
        kg_error err;
        assert_int_equal(render(g, "svg", engines[k], &o, &err), KG_OK);
        assert_non_null(strstr(o.data, ">Qatar</text>"));
        free(o.data);
    }
    kg_graph_free(g);
}

static void test_render_rejects_unknown_format(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output o;
    kg_error err;
    assert_int_equal(render(g, "gif", NULL, &o, &err), KG_ERR_USAGE);
    assert_string_equal(err.message, "render: unknown image format 'gif' (svg or png)");
    assert_int_equal(o.len, 0);
    free(o.data);
    kg_graph_free(g);
}

static void test_render_rejects_unknown_layout_engine(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output o;
    kg_error err;
    assert_int_equal(render(g, "svg", "spring", &o, &err), KG_ERR_USAGE);
    assert_string_equal(err.message, "render: unknown layout engine 'spring' (dot, neato, fdp, "
                                     "sfdp, circo, twopi, osage or patchwork)");
    assert_int_equal(o.len, 0);
    free(o.data);
    kg_graph_free(g);
}

static void test_render_draws_an_empty_graph(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    output o;
    kg_error err;
    assert_int_equal(render(g, "svg", NULL, &o, &err), KG_OK);
    assert_non_null(strstr(o.data, "</svg>"));
    free(o.data);
    kg_graph_free(g);
}

/* Starting Graphviz's context changes cgraph's defaults for new graphs; the
 * DOT written afterwards must not change with it. */
static void test_dot_output_is_the_same_before_and_after_a_render(void **state)
{
    (void)state;
    kg_graph *g = sample();
    output before, after, image;
    kg_error err;
    FILE *f = open_memstream(&before.data, &before.len);
    assert_int_equal(kg_export_dot(g, f, &err), KG_OK);
    fclose(f);
    assert_int_equal(render(g, "svg", NULL, &image, &err), KG_OK);
    f = open_memstream(&after.data, &after.len);
    assert_int_equal(kg_export_dot(g, f, &err), KG_OK);
    fclose(f);
    assert_string_equal(before.data, after.data);
    free(before.data);
    free(after.data);
    free(image.data);
    kg_graph_free(g);
}

/* What an article or a hand-written graph may hold: controls, U+FFFE,
 * U+FFFF, a surrogate's bytes, text that looks like an XML reference. */
static kg_graph *hostile(void)
{
    kg_graph *g = kg_graph_new();
    const char *ids[] = {"odd\001\357\277\276id", "n&#1;x"};
    const char *labels[] = {"Bad\357\277\276\357\277\277 \001 name \355\240\200",
                            "&#1; &nbsp; &amp;"};
    kg_error err;
    for (int k = 0; k < 2; k++) {
        kg_node n;
        memset(&n, 0, sizeof n);
        n.id = ids[k];
        n.label = labels[k];
        n.type = KG_ENT_PERSON;
        assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    }
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = 0;
    e.target = 1;
    e.relation = "meet\357\277\277 &#xFFFE;";
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    return g;
}

static void test_render_svg_holds_only_xml_characters(void **state)
{
    (void)state;
    kg_graph *g = hostile();
    output o;
    kg_error err;
    assert_int_equal(render(g, "svg", NULL, &o, &err), KG_OK);
    assert_true(xml_check_text(o.data));
    /* the labels say what the text says */
    assert_non_null(strstr(o.data, ">&amp;#1; &amp;nbsp; &amp;amp;</text>"));
    assert_non_null(strstr(o.data, "Bad\357\277\275\357\277\275"));
    free(o.data);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* first: it needs a process where Graphviz has not yet been started */
        cmocka_unit_test(test_dot_output_is_the_same_before_and_after_a_render),
        cmocka_unit_test(test_render_svg_is_an_svg_document_with_our_labels),
        cmocka_unit_test(test_render_png_has_the_png_signature),
        cmocka_unit_test(test_render_is_the_same_every_time),
        cmocka_unit_test(test_render_with_other_layout_engines),
        cmocka_unit_test(test_render_rejects_unknown_format),
        cmocka_unit_test(test_render_rejects_unknown_layout_engine),
        cmocka_unit_test(test_render_draws_an_empty_graph),
        cmocka_unit_test(test_render_svg_holds_only_xml_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
