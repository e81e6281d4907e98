/* test_export_file.c - format names, atomic files, write errors, GraphML. */
#include "fixtures.h"

#include <dirent.h>
#include <errno.h>
#include <igraph.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xml_check.h"

/* Graphviz's and fontconfig's own leaks (these tests render), as in
 * tests/lsan.supp. */
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

/* ---------------------------------------------------------------- helpers */

static kg_graph *sample(size_t extra_nodes)
{
    kg_graph *g = kg_graph_new();
    assert_non_null(g);
    kg_error err;
    const char *ids[] = {"qatar", "hamas", "israel"};
    const char *labels[] = {"Qatar", "Hamas & Co <\"armed\">", "Isra\xc3\xabl"};
    kg_entity_type types[] = {KG_ENT_COUNTRY, KG_ENT_ORGANIZATION, KG_ENT_COUNTRY};
    for (int k = 0; k < 3; k++) {
        kg_node n;
        memset(&n, 0, sizeof n);
        n.id = ids[k];
        n.label = labels[k];
        n.type = types[k];
        n.mentions = (size_t)k + 1;
        if (k == 0)
            memcpy(n.iso2, "QA", 3);
        assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    }
    for (size_t k = 0; k < extra_nodes; k++) {
        char id[32];
        snprintf(id, sizeof id, "person-%03zu", k);
        kg_node n;
        memset(&n, 0, sizeof n);
        n.id = id;
        n.label = "Somebody With A Long Name";
        assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    }
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.source = 0;
    e.target = 1;
    e.relation = "host";
    e.count = 2;
    e.confidence = 0.8;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    e.source = 2;
    e.relation = "fight";
    e.negated = true;
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    return g;
}

static char *make_dir(void)
{
    char tmpl[] = "/tmp/kg-test-file-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    return strdup(tmpl);
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void remove_dir(char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    char path[512];
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (rmdir(path) != 0)
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
    free(dir);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        fwrite(chunk, 1, k, m);
    fclose(m);
    fclose(f);
    if (len)
        *len = n;
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* ---------------------------------------------------------------- formats */

static void test_format_names_parse_and_name_extensions(void **state)
{
    (void)state;
    const char *names[] = {"json", "dot", "svg", "png", "graphml"};
    kg_format expect[] = {KG_FMT_JSON, KG_FMT_DOT, KG_FMT_SVG, KG_FMT_PNG, KG_FMT_GRAPHML};
    for (int k = 0; k < 5; k++) {
        kg_format f = (kg_format)-1;
        assert_true(kg_format_parse(names[k], &f));
        assert_int_equal(f, expect[k]);
        assert_string_equal(kg_format_extension(f), names[k]);
    }
    kg_format f;
    assert_false(kg_format_parse("JSON", &f));
    assert_false(kg_format_parse("gif", &f));
    assert_false(kg_format_parse("", &f));
    assert_false(kg_format_parse(NULL, &f));
    assert_null(kg_format_extension((kg_format)42));
}

/* Gephi's GEXF and the CSV tables (two files, written by
 * kg_export_csv_files). */
static void test_format_names_gexf_and_csv(void **state)
{
    (void)state;
    kg_format f = (kg_format)-1;
    assert_true(kg_format_parse("gexf", &f));
    assert_int_equal(f, KG_FMT_GEXF);
    assert_string_equal(kg_format_extension(f), "gexf");
    assert_true(kg_format_parse("csv", &f));
    assert_int_equal(f, KG_FMT_CSV);
    assert_string_equal(kg_format_extension(f), "csv");
    assert_false(kg_format_parse("GEXF", &f));
    assert_false(kg_format_parse("csv2", &f));
    assert_false(kg_format_parse("csv ", &f));
}

/* ---------------------------------------------------------------- files */

static void test_file_is_written_whole_and_leaves_no_temporary(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/graph.json", dir);
    kg_graph *g = sample(0);
    kg_error err;
    assert_int_equal(kg_export_file(g, KG_FMT_JSON, path, &err), KG_OK);
    assert_int_equal(entries(dir), 1);
    char *text = slurp(path, NULL);
    assert_true(strncmp(text, "{\n  \"directed\": true,", 21) == 0);
    assert_string_equal(text + strlen(text) - 4, "]\n}\n");
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    free(text);
    kg_graph_free(g);
    remove_dir(dir);
}

static void test_file_sorts_the_graph_before_writing(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/g.json", dir);
    kg_graph *g = sample(0); /* nodes added as qatar, hamas, israel */
    kg_error err;
    assert_int_equal(kg_export_file(g, KG_FMT_JSON, path, &err), KG_OK);
    assert_string_equal(kg_graph_node(g, 0)->id, "hamas");
    char *text = slurp(path, NULL);
    char *h = strstr(text, "\"id\": \"hamas\""), *i = strstr(text, "\"id\": \"israel\""),
         *q = strstr(text, "\"id\": \"qatar\"");
    assert_true(h && i && q && h < i && i < q);
    free(text);
    kg_graph_free(g);
    remove_dir(dir);
}

static void test_file_replaces_an_existing_file_keeping_its_mode(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/graph.dot", dir);
    spit(path, "old contents\n");
    assert_int_equal(chmod(path, 0600), 0);
    kg_graph *g = sample(0);
    kg_error err;
    assert_int_equal(kg_export_file(g, KG_FMT_DOT, path, &err), KG_OK);
    char *text = slurp(path, NULL);
    assert_true(strncmp(text, "digraph kg {", 12) == 0);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(entries(dir), 1);
    free(text);
    kg_graph_free(g);
    remove_dir(dir);
}

static void test_file_into_missing_directory_fails_naming_the_path(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/no/such/dir/graph.json", dir);
    kg_graph *g = sample(0);
    kg_error err;
    assert_int_equal(kg_export_file(g, KG_FMT_JSON, path, &err), KG_ERR_IO);
    char expect[600];
    snprintf(expect, sizeof expect, "%s: cannot write: No such file or directory", path);
    assert_string_equal(err.message, expect);
    assert_int_equal(entries(dir), 0);
    kg_graph_free(g);
    remove_dir(dir);
}

static void test_write_to_a_full_disk_is_an_error(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    kg_graph *g = sample(0);
    kg_error err;
    assert_int_equal(kg_export_write(g, KG_FMT_JSON, full, &err), KG_ERR_IO);
    assert_string_equal(err.message, "cannot write: No space left on device");
    fclose(full);
    full = fopen("/dev/full", "w");
    assert_int_equal(kg_export_write(g, KG_FMT_GRAPHML, full, &err), KG_ERR_IO);
    assert_string_equal(err.message, "cannot write: No space left on device");
    fclose(full);
    kg_graph_free(g);
}

/* A write that fails halfway (here: the file size limit) leaves the old file
 * alone and removes the temporary one. */
static void test_file_failing_halfway_keeps_the_old_file(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/graph.json", dir);
    spit(path, "old contents\n");
    kg_graph *g = sample(200); /* far more than the limit below */
    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 4096;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    kg_error err;
    kg_status st = kg_export_file(g, KG_FMT_JSON, path, &err);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, old_handler);
    assert_int_equal(st, KG_ERR_IO);
    char expect[600];
    snprintf(expect, sizeof expect, "%s: cannot write: File too large", path);
    assert_string_equal(err.message, expect);
    char *text = slurp(path, NULL);
    assert_string_equal(text, "old contents\n");
    assert_int_equal(entries(dir), 1);
    free(text);
    kg_graph_free(g);
    remove_dir(dir);
}

static void test_file_onto_a_directory_fails_and_cleans_up(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/taken", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    kg_graph *g = sample(0);
    kg_error err;
    assert_int_equal(kg_export_file(g, KG_FMT_GRAPHML, path, &err), KG_ERR_IO);
    char expect[600];
    snprintf(expect, sizeof expect, "%s: cannot write: Is a directory", path);
    assert_string_equal(err.message, expect);
    assert_int_equal(entries(dir), 1); /* the directory, no temporary */
    kg_graph_free(g);
    remove_dir(dir);
}

static kg_status write_text(const void *ctx, FILE *out, kg_error *err)
{
    (void)err;
    fputs(ctx, out);
    return KG_OK;
}

static void test_write_all_blocked_second_output_keeps_the_first(void **state)
{
    (void)state;
    char *dir = make_dir();
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/x.json", dir);
    snprintf(b, sizeof b, "%s/x.svg", dir);
    spit(a, "old");
    assert_int_equal(mkdir(b, 0755), 0);
    kg_file_output outs[2] = {{a, write_text, "new"}, {b, write_text, "new"}};
    kg_error err;
    assert_int_equal(kg_file_write_all(outs, 2, &err), KG_ERR_IO);
    char expect[600];
    snprintf(expect, sizeof expect, "%s: cannot write: Is a directory", b);
    assert_string_equal(err.message, expect);
    char *text = slurp(a, NULL);
    assert_string_equal(text, "old");
    free(text);
    assert_int_equal(entries(dir), 2); /* x.json and the directory, no temporary */
    remove_dir(dir);
}

static void test_write_all_writes_every_output(void **state)
{
    (void)state;
    char *dir = make_dir();
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/a", dir);
    snprintf(b, sizeof b, "%s/b", dir);
    kg_file_output outs[2] = {{a, write_text, "one"}, {b, write_text, "two"}};
    kg_error err;
    assert_int_equal(kg_file_write_all(outs, 2, &err), KG_OK);
    char *text = slurp(a, NULL);
    assert_string_equal(text, "one");
    free(text);
    text = slurp(b, NULL);
    assert_string_equal(text, "two");
    free(text);
    assert_int_equal(entries(dir), 2);
    remove_dir(dir);
}

static void test_read_stops_one_byte_past_the_limit(void **state)
{
    (void)state;
    FILE *zero = fopen("/dev/zero", "rb");
    assert_non_null(zero);
    char *buf = NULL;
    size_t len = 0;
    kg_error err;
    assert_int_equal(kg_file_read(zero, "z", 100000, &buf, &len, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "z: larger than 100000 bytes");
    assert_int_equal(len, 100001);
    /* a caller may go on reading under a larger limit */
    assert_int_equal(kg_file_read(zero, "z", 200000, &buf, &len, &err), KG_ERR_INPUT);
    assert_int_equal(len, 200001);
    free(buf);
    fclose(zero);
    char *dir = make_dir();
    assert_int_equal(kg_file_read_all(dir, 10, &buf, &len, &err), KG_ERR_IO);
    assert_null(buf);
    char expect[600];
    snprintf(expect, sizeof expect, "%s: cannot open: Is a directory", dir);
    assert_string_equal(err.message, expect);
    remove_dir(dir);
}

static void test_output_that_is_an_input_is_refused(void **state)
{
    (void)state;
    char *dir = make_dir();
    char a[512], link_path[512], other[512];
    snprintf(a, sizeof a, "%s/notes.json", dir);
    snprintf(link_path, sizeof link_path, "%s/link", dir);
    snprintf(other, sizeof other, "%s/other", dir);
    spit(a, "text");
    spit(other, "text");
    assert_int_equal(link(a, link_path), 0);
    const char *inputs[] = {other, link_path};
    kg_error err;
    assert_int_equal(kg_file_check_not_input(a, inputs, 1, &err), KG_OK);
    assert_int_equal(kg_file_check_not_input(a, inputs, 2, &err), KG_ERR_USAGE);
    char expect[1200];
    snprintf(expect, sizeof expect, "%s: would write over the input %s", a, link_path);
    assert_string_equal(err.message, expect);
    remove_dir(dir);
}

static void test_date_check_knows_the_calendar(void **state)
{
    (void)state;
    assert_true(kg_date_check("2024-02-29"));
    assert_true(kg_date_check("2000-02-29"));
    assert_true(kg_date_check("2023-12-31"));
    assert_false(kg_date_check("2023-02-29"));
    assert_false(kg_date_check("1900-02-29"));
    assert_false(kg_date_check("2024-02-31"));
    assert_false(kg_date_check("2024-04-31"));
    assert_false(kg_date_check("2024-13-01"));
    assert_false(kg_date_check("2024-00-10"));
    assert_false(kg_date_check("2024-01-00"));
    assert_false(kg_date_check("2024-1-05x"));
    assert_false(kg_date_check(""));
}

static void test_file_writes_every_format(void **state)
{
    (void)state;
    char *dir = make_dir();
    kg_graph *g = sample(0);
    const struct {
        kg_format f;
        const char *start;
    } cases[] = {
        {KG_FMT_JSON, "{\n  \"directed\""},
        {KG_FMT_DOT, "digraph kg {"},
        {KG_FMT_SVG, "<?xml"},
        {KG_FMT_PNG, "\x89PNG\r\n\x1a\n"},
        {KG_FMT_GRAPHML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char path[512];
        snprintf(path, sizeof path, "%s/g.%s", dir, kg_format_extension(cases[k].f));
        kg_error err;
        assert_int_equal(kg_export_file(g, cases[k].f, path, &err), KG_OK);
        size_t len;
        char *data = slurp(path, &len);
        size_t n = strlen(cases[k].start);
        assert_true(len > n);
        assert_memory_equal(data, cases[k].start, n);
        free(data);
    }
    assert_int_equal(entries(dir), 5);
    kg_graph_free(g);
    remove_dir(dir);
}

/* ---------------------------------------------------------------- GraphML */

static char *graphml_of(kg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    kg_error err;
    assert_int_equal(kg_export_write(g, KG_FMT_GRAPHML, f, &err), KG_OK);
    fclose(f);
    return buf;
}

static void test_graphml_is_read_by_igraph_with_the_right_counts(void **state)
{
    (void)state;
    kg_graph *g = sample(4);
    kg_error err;
    assert_int_equal(kg_graph_analyze(g, &err), KG_OK);
    char *xml = graphml_of(g);
    FILE *f = fmemopen(xml, strlen(xml), "r");
    assert_non_null(f);
    igraph_t ig;
    assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), 7);
    assert_int_equal(igraph_ecount(&ig), 2);
    assert_true(igraph_is_directed(&ig));
    igraph_destroy(&ig);
    free(xml);
    kg_graph_free(g);
}

static void test_graphml_escapes_text_and_declares_keys(void **state)
{
    (void)state;
    kg_graph *g = sample(0);
    char *xml = graphml_of(g);
    assert_non_null(strstr(xml, "<data key=\"label\">Hamas &amp; Co &lt;&quot;armed&quot;&gt;"
                                "</data>"));
    assert_non_null(strstr(xml, "<data key=\"label\">Isra\xc3\xabl</data>"));
    assert_non_null(
        strstr(xml, "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"));
    assert_non_null(strstr(xml, "<key id=\"mentions\" for=\"node\" attr.name=\"mentions\" "
                                "attr.type=\"long\"/>"));
    assert_non_null(strstr(xml, "<key id=\"count\" for=\"edge\" attr.name=\"count\" "
                                "attr.type=\"long\"/>"));
    assert_non_null(strstr(xml, "<edge id=\"e0\" source=\"israel\" target=\"hamas\">"));
    assert_non_null(strstr(xml, "<edge id=\"e1\" source=\"qatar\" target=\"hamas\">"));
    assert_non_null(strstr(xml, "      <data key=\"relation\">fight</data>\n"
                                "      <data key=\"count\">2</data>\n"
                                "      <data key=\"negated\">true</data>\n"
                                "      <data key=\"modal\">false</data>\n"
                                "      <data key=\"attributed\">false</data>\n"
                                "      <data key=\"confidence\">0.8</data>\n"));
    assert_non_null(strstr(xml, "<data key=\"iso2\">QA</data>"));
    assert_null(strstr(xml, "key=\"pagerank\"")); /* not analyzed */
    free(xml);
    kg_graph_free(g);
}

/* C0 controls but tab, newline and CR, U+FFFE, U+FFFF and a surrogate's
 * bytes made the file not well-formed: igraph's reader (libxml2) refused it. */
static void test_graphml_replaces_characters_xml_cannot_hold(void **state)
{
    (void)state;
    kg_graph *g = kg_graph_new();
    kg_error err;
    const char *ids[] = {"odd\001\357\277\276id", "b\357\277\277"};
    for (int k = 0; k < 2; k++) {
        kg_node n;
        memset(&n, 0, sizeof n);
        n.id = ids[k];
        n.label = "Bad\357\277\276 \033 \355\240\200 tab\tkept";
        assert_int_equal(kg_graph_add_node(g, &n, NULL, &err), KG_OK);
    }
    kg_edge e;
    memset(&e, 0, sizeof e);
    e.target = 1;
    e.relation = "meet\357\277\277\002";
    assert_int_equal(kg_graph_add_edge(g, &e, NULL, &err), KG_OK);
    char *xml = graphml_of(g);
    assert_true(xml_check_text(xml));
    assert_non_null(strstr(xml, "<data key=\"label\">Bad\357\277\275 \357\277\275 "
                                "\357\277\275\357\277\275\357\277\275 tab\tkept</data>"));
    assert_non_null(strstr(xml, "<data key=\"relation\">meet\357\277\275\357\277\275</data>"));
    FILE *f = fmemopen(xml, strlen(xml), "r");
    assert_non_null(f);
    igraph_t ig;
    assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), 2);
    assert_int_equal(igraph_ecount(&ig), 1);
    igraph_destroy(&ig);
    free(xml);
    kg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names_parse_and_name_extensions),
        cmocka_unit_test(test_format_names_gexf_and_csv),
        cmocka_unit_test(test_file_is_written_whole_and_leaves_no_temporary),
        cmocka_unit_test(test_file_sorts_the_graph_before_writing),
        cmocka_unit_test(test_file_replaces_an_existing_file_keeping_its_mode),
        cmocka_unit_test(test_file_into_missing_directory_fails_naming_the_path),
        cmocka_unit_test(test_write_to_a_full_disk_is_an_error),
        cmocka_unit_test(test_file_failing_halfway_keeps_the_old_file),
        cmocka_unit_test(test_file_onto_a_directory_fails_and_cleans_up),
        cmocka_unit_test(test_file_writes_every_format),
        cmocka_unit_test(test_write_all_blocked_second_output_keeps_the_first),
        cmocka_unit_test(test_write_all_writes_every_output),
        cmocka_unit_test(test_read_stops_one_byte_past_the_limit),
        cmocka_unit_test(test_output_that_is_an_input_is_refused),
        cmocka_unit_test(test_date_check_knows_the_calendar),
        cmocka_unit_test(test_graphml_is_read_by_igraph_with_the_right_counts),
        cmocka_unit_test(test_graphml_escapes_text_and_declares_keys),
        cmocka_unit_test(test_graphml_replaces_characters_xml_cannot_hold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
