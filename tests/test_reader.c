/* test_reader.c - loading documents: checks, repair, date header, ids. */
#include "fixtures.h"
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int setup(void **state)
{
    *state = kg_arena_new();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    kg_arena_free(*state);
    return 0;
}

static kg_status read_str(void **state, const char *name, const char *s, kg_doc *doc, kg_error *err)
{
    kg_error_clear(err);
    return kg_reader_read_buffer(*state, name, s, strlen(s), doc, err);
}

/* Writes len bytes to a fresh temporary file; the caller removes it. */
static void write_temp(char path[64], const char *data, size_t len)
{
    strcpy(path, "/tmp/kg-reader-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void test_reader_reads_date_on_same_line(void **state)
{
    const char *s = " date 2024-03-18 Officials in Ankara said the talks would resume.\n";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "ankara.txt", s, &doc, &err), KG_OK);
    assert_string_equal(doc.date, "2024-03-18");
    assert_int_equal(doc.body_start, 17);
    assert_memory_equal(doc.text + doc.body_start, "Officials", 9);
    assert_int_equal(doc.len, strlen(s));
    assert_string_equal(doc.text, s);
}

static void test_reader_reads_date_on_own_line(void **state)
{
    const char *s = "date\t2023-11-02\n\nThe ministry confirmed the figures.";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "m.txt", s, &doc, &err), KG_OK);
    assert_string_equal(doc.date, "2023-11-02");
    assert_int_equal(doc.body_start, 17);
}

static void test_reader_ignores_capitalized_date_word(void **state)
{
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "d.txt", "Date 2024-01-05 was a Friday.", &doc, &err), KG_OK);
    assert_string_equal(doc.date, "");
    assert_int_equal(doc.body_start, 0);
}

static void test_reader_ignores_impossible_dates(void **state)
{
    const char *bad[] = {"date 2024-13-05 Rain fell.", "date 2024-00-10 Rain fell.",
                         "date 2024-02-32 Rain fell.", "date 2024-02-00 Rain fell.",
                         "date 24-02-10 Rain fell.",   "date 2024-02-10x Rain fell.",
                         "date2024-02-10 Rain fell."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kg_doc doc;
        kg_error err;
        assert_int_equal(read_str(state, "d.txt", bad[i], &doc, &err), KG_OK);
        assert_string_equal(doc.date, "");
        assert_int_equal(doc.body_start, 0);
    }
}

static void test_reader_refuses_nul_byte_with_position(void **state)
{
    const char data[] = "First line\nab\0cd";
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_buffer(*state, "bin.dat", data, sizeof data - 1, &doc, &err);
    assert_int_equal(st, KG_ERR_INPUT);
    assert_string_equal(err.message, "bin.dat:2:3: binary data (NUL byte at byte 13)");
}

static void test_reader_refuses_empty_document(void **state)
{
    kg_doc doc;
    kg_error err;
    assert_int_equal(kg_reader_read_buffer(*state, "e.txt", "", 0, &doc, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "e.txt: empty document");
}

static void test_reader_refuses_whitespace_only(void **state)
{
    kg_doc doc;
    kg_error err;
    /* no-break space and BOM count as whitespace too */
    assert_int_equal(read_str(state, "w.txt", " \n\t\r\n\xC2\xA0\xEF\xBB\xBF \n", &doc, &err),
                     KG_ERR_INPUT);
    assert_string_equal(err.message, "w.txt: empty document");
}

static void test_reader_refuses_header_only(void **state)
{
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "h.txt", " date 2024-01-05 \n\n", &doc, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "h.txt: empty document");
    assert_int_equal(read_str(state, "h.txt", "date 2024-01-05", &doc, &err), KG_ERR_INPUT);
}

static void test_reader_replaces_invalid_utf8_keeping_offsets(void **state)
{
    /* valid é, then: stray byte, overlong '/', surrogate, above U+10FFFF,
     * truncated euro sign */
    const char *s = "Caf\xC3\xA9 \xFF ok \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 \xE2\x82";
    const char *want = "Caf\xC3\xA9 ? ok ?? ??? ???? ??";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "u.txt", s, &doc, &err), KG_OK);
    assert_int_equal(doc.len, strlen(s));
    assert_string_equal(doc.text, want);
    assert_int_equal(doc.n_invalid, 12);
    assert_int_equal(doc.first_invalid, 6);
}

static void test_reader_keeps_emoji_and_offsets(void **state)
{
    const char *s = "Leaders met \xF0\x9F\xA4\x9D in Cairo.";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "e.txt", s, &doc, &err), KG_OK);
    assert_int_equal(doc.n_invalid, 0);
    assert_int_equal(doc.len, 26);
    assert_memory_equal(doc.text + 17, "in Cairo.", 9);
}

static void test_reader_treats_bom_as_leading_whitespace(void **state)
{
    const char *s = "\xEF\xBB\xBF"
                    "date 2024-02-29 Talks resumed.";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "b.txt", s, &doc, &err), KG_OK);
    assert_string_equal(doc.date, "2024-02-29");
    assert_int_equal(doc.body_start, 19);
    assert_int_equal(doc.len, strlen(s)); /* the BOM stays, offsets do not move */
}

static void test_reader_derives_id_from_file_name(void **state)
{
    struct {
        const char *name, *id;
    } cases[] = {{"samples/sub/ankara-talks.v2.txt", "ankara-talks.v2"},
                 {"plain", "plain"},
                 {"dir/.hidden", ".hidden"},
                 {"-", "stdin"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kg_doc doc;
        kg_error err;
        assert_int_equal(read_str(state, cases[i].name, "Text.", &doc, &err), KG_OK);
        assert_string_equal(doc.id, cases[i].id);
        assert_string_equal(doc.path, cases[i].name);
    }
}

static void test_reader_doc_id_keeps_folders_on_request(void **state)
{
    (void)state;
    struct {
        const char *path, *bare, *kept;
    } cases[] = {{"bbc/business/001.txt", "001", "bbc/business/001"},
                 {"./bbc/politics/001.txt", "001", "bbc/politics/001"},
                 {".//a/./b.v2.txt", "b.v2", "a/./b.v2"},
                 {"/tmp/x/001.txt", "001", "/tmp/x/001"},
                 {"dir/.hidden", ".hidden", "dir/.hidden"},
                 {"plain", "plain", "plain"},
                 {"-", "stdin", "stdin"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bare = kg_extract_doc_id(cases[i].path, false);
        char *kept = kg_extract_doc_id(cases[i].path, true);
        assert_non_null(bare);
        assert_non_null(kept);
        assert_string_equal(bare, cases[i].bare);
        assert_string_equal(kept, cases[i].kept);
        free(bare);
        free(kept);
    }
}

/* A Latin-1 file name made the JSON writer fail: ids go to JSON and XML. */
static void test_reader_doc_id_of_a_name_that_is_not_utf8_is_utf8(void **state)
{
    char *bare = kg_extract_doc_id("news/caf\351.txt", false);
    char *kept = kg_extract_doc_id("n\377ws/caf\351.txt", true);
    char *stem = kg_extract_doc_stem("news/caf\351.txt");
    assert_string_equal(bare, "caf\xEF\xBF\xBD");
    assert_string_equal(kept, "n\xEF\xBF\xBDws/caf\xEF\xBF\xBD");
    assert_string_equal(stem, "caf\351"); /* outputs keep the name's bytes */
    free(bare);
    free(kept);
    free(stem);
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_str(state, "caf\351 \342\202\254.txt", "Text.", &doc, &err), KG_OK);
    assert_string_equal(doc.id, "caf\xEF\xBF\xBD \342\202\254"); /* the euro sign stays */
    assert_string_equal(doc.path, "caf\351 \342\202\254.txt");
}

static void test_reader_copies_unterminated_buffer(void **state)
{
    const char data[] = "Ports reopened.XYZ"; /* only the first 15 bytes are the document */
    kg_doc doc;
    kg_error err;
    assert_int_equal(kg_reader_read_buffer(*state, "p.txt", data, 15, &doc, &err), KG_OK);
    assert_ptr_not_equal(doc.text, data);
    assert_int_equal(doc.len, 15);
    assert_string_equal(doc.text, "Ports reopened.");
}

static void test_reader_reports_missing_file(void **state)
{
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_file(*state, "/nonexistent-kg/none.txt", 0, &doc, &err);
    assert_int_equal(st, KG_ERR_IO);
    assert_string_equal(err.message,
                        "/nonexistent-kg/none.txt: cannot open: No such file or directory");
}

static void test_reader_refuses_directory(void **state)
{
    kg_doc doc;
    kg_error err;
    assert_int_equal(kg_reader_read_file(*state, "/tmp", 0, &doc, &err), KG_ERR_IO);
    assert_string_equal(err.message, "/tmp: cannot open: Is a directory");
}

static void test_reader_reads_file_from_disk(void **state)
{
    const char *s = "date 2022-06-30\nThe port of Aden reopened.\n";
    char path[64];
    write_temp(path, s, strlen(s));
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_file(*state, path, 0, &doc, &err);
    remove(path);
    assert_int_equal(st, KG_OK);
    assert_string_equal(doc.text, s);
    assert_string_equal(doc.date, "2022-06-30");
    assert_int_equal(doc.body_start, 16);
    assert_string_equal(doc.id, path + 5); /* "kg-reader-XXXXXX" has no extension */
}

static void test_reader_reads_stdin_for_dash(void **state)
{
    const char *s = "Shipping resumed through the strait.";
    char path[64];
    write_temp(path, s, strlen(s));
    assert_non_null(freopen(path, "rb", stdin));
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_file(*state, "-", 0, &doc, &err);
    remove(path);
    assert_int_equal(st, KG_OK);
    assert_string_equal(doc.text, s);
    assert_string_equal(doc.id, "stdin");
    assert_string_equal(doc.path, "-");
}

static void test_reader_refuses_file_over_limit(void **state)
{
    char data[100];
    memset(data, 'a', sizeof data);
    char path[64];
    write_temp(path, data, sizeof data);
    kg_doc doc;
    kg_error err;
    kg_status over = kg_reader_read_file(*state, path, 99, &doc, &err);
    kg_status exact = kg_reader_read_file(*state, path, 100, &doc, &err);
    remove(path);
    assert_int_equal(over, KG_ERR_INPUT);
    assert_int_equal(exact, KG_OK);
    assert_int_equal(doc.len, 100);
}

static void test_reader_limit_message_names_file_and_size(void **state)
{
    char data[40];
    memset(data, 'b', sizeof data);
    char path[64];
    write_temp(path, data, sizeof data);
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_file(*state, path, 10, &doc, &err);
    remove(path);
    char want[128];
    snprintf(want, sizeof want, "%s: larger than 10 bytes", path);
    assert_int_equal(st, KG_ERR_INPUT);
    assert_string_equal(err.message, want);
}

static void test_reader_reads_megabyte_single_line(void **state)
{
    size_t len = 1024 * 1024;
    char *data = malloc(len);
    assert_non_null(data);
    for (size_t i = 0; i < len; i++)
        data[i] = (i % 6 == 5) ? ' ' : 'w';
    kg_doc doc;
    kg_error err;
    kg_status st = kg_reader_read_buffer(*state, "big.txt", data, len, &doc, &err);
    free(data);
    assert_int_equal(st, KG_OK);
    assert_int_equal(doc.len, len);
    assert_int_equal(doc.n_invalid, 0);
}

static void test_reader_position_counts_code_points(void **state)
{
    (void)state;
    const char *s = "ab\nc\xC3\xA9\xF0\x9F\x99\x82x";
    size_t line, col;
    kg_reader_position(s, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1);
    kg_reader_position(s, 2, &line, &col); /* the newline itself */
    assert_int_equal(line, 1);
    assert_int_equal(col, 3);
    kg_reader_position(s, 10, &line, &col); /* the x after é and the emoji */
    assert_int_equal(line, 2);
    assert_int_equal(col, 4);
    kg_reader_position("\x80\xBFx", 2, &line, &col); /* stray bytes count one each */
    assert_int_equal(line, 1);
    assert_int_equal(col, 3);
}

/* The buffer is on the heap at its exact length (no NUL after it), so that
 * AddressSanitizer (make san) sees any read past the end. */
static kg_status read_exact(void **state, const char *s, size_t len, kg_doc *doc, kg_error *err)
{
    char *buf = malloc(len ? len : 1);
    assert_non_null(buf);
    memcpy(buf, s, len);
    kg_error_clear(err);
    kg_status st = kg_reader_read_buffer(*state, "x.txt", buf, len, doc, err);
    free(buf);
    return st;
}

static void test_reader_repairs_truncated_sequence_at_buffer_end(void **state)
{
    const char s[] = "Israel \xF0\x9F\x98";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_exact(state, s, sizeof s - 1, &doc, &err), KG_OK);
    assert_string_equal(doc.text, "Israel ???");
    assert_int_equal(doc.n_invalid, 3);
    assert_int_equal(doc.first_invalid, 7);
}

static void test_reader_date_followed_by_invalid_byte_is_text(void **state)
{
    /* the replaced byte is not whitespace, so "2024-01-05?" is no date */
    const char s[] = "date 2024-01-05\xFF Talks resumed.";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_exact(state, s, sizeof s - 1, &doc, &err), KG_OK);
    assert_string_equal(doc.date, "");
    assert_int_equal(doc.body_start, 0);
    assert_int_equal(doc.n_invalid, 1);
}

static void test_reader_nul_position_counts_invalid_bytes_once(void **state)
{
    /* line 2: an invalid byte, é, x (three code points), then the NUL */
    const char s[] = "\xFF\xFE\n\xFF\xC3\xA9x\0y";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_exact(state, s, sizeof s - 1, &doc, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "x.txt:2:4: binary data (NUL byte at byte 7)");
}

static void test_reader_refuses_only_whitespace_of_every_kind(void **state)
{
    /* NBSP, BOM, NEL, line and paragraph separators, ideographic space */
    const char s[] = " \t\r\n\xC2\xA0\xEF\xBB\xBF\xC2\x85\xE2\x80\xA8\xE2\x80\xA9\xE3\x80\x80";
    kg_doc doc;
    kg_error err;
    assert_int_equal(read_exact(state, s, sizeof s - 1, &doc, &err), KG_ERR_INPUT);
    assert_string_equal(err.message, "x.txt: empty document");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_reader_reads_date_on_same_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_reads_date_on_own_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_ignores_capitalized_date_word, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_ignores_impossible_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_nul_byte_with_position, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_empty_document, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_whitespace_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_header_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_replaces_invalid_utf8_keeping_offsets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_keeps_emoji_and_offsets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_treats_bom_as_leading_whitespace, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_derives_id_from_file_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_copies_unterminated_buffer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_reports_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_directory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_reads_file_from_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_reads_stdin_for_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_file_over_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_limit_message_names_file_and_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_reads_megabyte_single_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_position_counts_code_points, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_repairs_truncated_sequence_at_buffer_end, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_date_followed_by_invalid_byte_is_text, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_reader_nul_position_counts_invalid_bytes_once, setup,
                                        teardown),
        cmocka_unit_test(test_reader_doc_id_keeps_folders_on_request),
        cmocka_unit_test_setup_teardown(test_reader_doc_id_of_a_name_that_is_not_utf8_is_utf8,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_refuses_only_whitespace_of_every_kind, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
