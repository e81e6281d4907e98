/* test_file_mode.c - the mode of what kg_file_write_atomic writes: a new
 * file gets 0666 less the umask, as any program's new file does (mkstemp
 * alone would make it 0600), and a replaced file keeps its own mode. */
#include "fixtures.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *make_dir(void)
{
    char tmpl[] = "/tmp/kg-test-mode-XXXXXX";
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
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
    free(dir);
}

static kg_status write_hello(const void *ctx, FILE *out, kg_error *err)
{
    (void)ctx;
    (void)err;
    fputs("hello\n", out);
    return KG_OK;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

/* Writes dir/NAME under umask mask and returns its mode. */
static mode_t written_under(const char *dir, const char *name, mode_t mask)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    mode_t old = umask(mask);
    kg_error err;
    kg_status st = kg_file_write_atomic(path, write_hello, NULL, &err);
    umask(old);
    assert_int_equal(st, KG_OK);
    return mode_of(path);
}

static void test_new_file_mode_follows_the_umask(void **state)
{
    (void)state;
    char *dir = make_dir();
    assert_int_equal(written_under(dir, "a", 022), 0644);
    assert_int_equal(written_under(dir, "b", 002), 0664);
    assert_int_equal(written_under(dir, "c", 077), 0600);
    assert_int_equal(written_under(dir, "d", 0), 0666);
    assert_int_equal(entries(dir), 4); /* no temporary file left */
    remove_dir(dir);
}

static void test_replaced_file_keeps_its_mode_whatever_the_umask(void **state)
{
    (void)state;
    char *dir = make_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/keep", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(written_under(dir, "keep", 0), 0600);
    assert_int_equal(chmod(path, 0640), 0);
    assert_int_equal(written_under(dir, "keep", 077), 0640);
    assert_int_equal(entries(dir), 1);
    remove_dir(dir);
}

/* Several outputs staged together each get their own temporary name. */
static void test_outputs_written_together_get_the_umask_mode(void **state)
{
    (void)state;
    char *dir = make_dir();
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/g.nodes.csv", dir);
    snprintf(b, sizeof b, "%s/g.edges.csv", dir);
    kg_file_output outs[] = {{a, write_hello, NULL}, {b, write_hello, NULL}};
    mode_t old = umask(027);
    kg_error err;
    kg_status st = kg_file_write_all(outs, 2, &err);
    umask(old);
    assert_int_equal(st, KG_OK);
    assert_int_equal(mode_of(a), 0640);
    assert_int_equal(mode_of(b), 0640);
    assert_int_equal(entries(dir), 2);
    remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_file_mode_follows_the_umask),
        cmocka_unit_test(test_replaced_file_keeps_its_mode_whatever_the_umask),
        cmocka_unit_test(test_outputs_written_together_get_the_umask_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
