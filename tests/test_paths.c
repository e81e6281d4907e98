/* test_paths.c - where kg looks for data/ and models/: the environment
 * first, then share/kg beside the program (checked by running a copy of this
 * binary from a staged bin/), then the build tree's path. */
#include "fixtures.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"

static void test_paths_environment_comes_first(void **state)
{
    (void)state;
    char buf[KG_PATHS_MAX];
    setenv("KG_DATA_DIR", "/somewhere/data", 1);
    setenv("KG_MODEL_DIR", "/somewhere/models", 1);
    assert_int_equal(kg_paths_data_dir(buf, sizeof buf, NULL), KG_OK);
    assert_string_equal(buf, "/somewhere/data");
    assert_int_equal(kg_paths_model_dir(buf, sizeof buf, NULL), KG_OK);
    assert_string_equal(buf, "/somewhere/models");
    assert_int_equal(kg_paths_model_file("en-ud.kgm", buf, sizeof buf, NULL), KG_OK);
    assert_string_equal(buf, "/somewhere/models/en-ud.kgm");
    unsetenv("KG_DATA_DIR");
    unsetenv("KG_MODEL_DIR");
}

/* This binary lives in build/.../tests/, with no share/kg above it. */
static void test_paths_empty_environment_falls_back_on_the_build_tree(void **state)
{
    (void)state;
    char buf[KG_PATHS_MAX];
    setenv("KG_DATA_DIR", "", 1);
    unsetenv("KG_MODEL_DIR");
    assert_int_equal(kg_paths_data_dir(buf, sizeof buf, NULL), KG_OK);
    assert_string_equal(buf, KG_DATADIR);
    assert_int_equal(kg_paths_model_dir(buf, sizeof buf, NULL), KG_OK);
    assert_string_equal(buf, KG_MODELDIR);
    unsetenv("KG_DATA_DIR");
}

static void test_paths_too_long_says_where_it_came_from(void **state)
{
    (void)state;
    char buf[16];
    kg_error err = {0};
    setenv("KG_MODEL_DIR", "/a/directory/longer/than/the/buffer", 1);
    assert_int_equal(kg_paths_model_dir(buf, sizeof buf, &err), KG_ERR_USAGE);
    assert_non_null(strstr(err.message, "$KG_MODEL_DIR: path longer than 15 bytes"));
    setenv("KG_MODEL_DIR", "/short", 1);
    assert_int_equal(kg_paths_model_file("a-long-model-name.kgm", buf, sizeof buf, &err),
                     KG_ERR_USAGE);
    assert_non_null(strstr(err.message, "/short/a-long-model-name.kgm: path longer than"));
    unsetenv("KG_MODEL_DIR");
}

static void run(const char *cmd)
{
    assert_int_equal(system(cmd), 0);
}

/* A copy of this binary in STAGE/bin finds STAGE/share/kg/data, resolved,
 * with nothing in the environment; without share/kg it finds the tree's. */
static void test_paths_installed_program_finds_share_kg_beside_it(void **state)
{
    (void)state;
    char made[] = "/tmp/kg-paths-XXXXXX", stage[PATH_MAX];
    assert_non_null(mkdtemp(made));
    assert_non_null(realpath(made, stage)); /* kg names the directory resolved */
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    assert_true(n > 0);
    self[n] = '\0';
    char cmd[8 * PATH_MAX], out[PATH_MAX + 64];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/bin' '%s/share/kg/data' '%s/share/kg/models' && cp '%s' '%s/bin/t'",
             stage, stage, stage, self, stage);
    run(cmd);
    snprintf(out, sizeof out, "%s/out", stage);
    snprintf(cmd, sizeof cmd, "env -u KG_DATA_DIR -u KG_MODEL_DIR '%s/bin/t' --print-dirs >'%s'",
             stage, out);
    run(cmd);
    char want[2 * PATH_MAX + 64], got[sizeof want] = "";
    snprintf(want, sizeof want, "%s/share/kg/data\n%s/share/kg/models\n", stage, stage);
    FILE *f = fopen(out, "r");
    assert_non_null(f);
    size_t len = fread(got, 1, sizeof got - 1, f);
    got[len] = '\0';
    fclose(f);
    assert_string_equal(got, want);

    /* share/kg/models alone: the data directory is the tree's again */
    snprintf(cmd, sizeof cmd,
             "rmdir '%s/share/kg/data' && env -u KG_DATA_DIR '%s/bin/t' --print-dirs >'%s'", stage,
             stage, out);
    run(cmd);
    f = fopen(out, "r");
    assert_non_null(f);
    len = fread(got, 1, sizeof got - 1, f);
    got[len] = '\0';
    fclose(f);
    snprintf(want, sizeof want, "%s\n%s/share/kg/models\n", KG_DATADIR, stage);
    assert_string_equal(got, want);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", stage);
    run(cmd);
}

int main(int argc, char **argv)
{
    /* the copy run by the test above reports what it found */
    if (argc == 2 && !strcmp(argv[1], "--print-dirs")) {
        char data[KG_PATHS_MAX], models[KG_PATHS_MAX];
        if (kg_paths_data_dir(data, sizeof data, NULL) ||
            kg_paths_model_dir(models, sizeof models, NULL))
            return 1;
        printf("%s\n%s\n", data, models);
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paths_environment_comes_first),
        cmocka_unit_test(test_paths_empty_environment_falls_back_on_the_build_tree),
        cmocka_unit_test(test_paths_too_long_says_where_it_came_from),
        cmocka_unit_test(test_paths_installed_program_finds_share_kg_beside_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
