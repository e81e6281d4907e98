/* test_parse_cache.c - the on-disk sentence cache: keys, round trips,
 * corruption, collisions and concurrent writers. */
#include "fixtures.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parse_cache.h"
#include "parser.h"

/* ---------------------------------------------------------------- helpers */

typedef struct fixture {
    char dir[64];
    kg_parse_cache *cache;
    kg_arena *arena;
} fixture;

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[512];
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/kg-test-pc-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    kg_error err;
    assert_int_equal(kg_parse_cache_open(f->dir, &f->cache, &err), KG_OK);
    f->arena = kg_arena_new();
    assert_non_null(f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    kg_parse_cache_close(f->cache);
    kg_arena_free(f->arena);
    remove_tree(f->dir);
    free(f);
    return 0;
}

/* Entries in the cache directory, and how many of them are temporary. */
static size_t count_files(const char *dir, size_t *tmp)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    *tmp = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        n++;
        *tmp += strncmp(e->d_name, ".tmp-", 5) == 0;
    }
    closedir(d);
    return n;
}

static char *entry_file(const fixture *f, const char *key)
{
    char hex[65];
    kg_parse_cache_sha256_hex(key, strlen(key), hex);
    char *path = malloc(strlen(f->dir) + 70);
    assert_non_null(path);
    sprintf(path, "%s/%s", f->dir, hex);
    return path;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    *len = (size_t)n;
    return data;
}

static void spit(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
}

/* A small linkage with awkward strings (spaces, a newline, a colon). */
static kg_linkage sample_linkage(void)
{
    static kg_lg_word words[] = {
        {"LEFT-WALL", "LEFT-WALL", "", -1},   {"Blinken", "Blinken", "", 0},
        {"met.v-d", "met", "v-d", 1},         {"odd word\n12:3", "odd word", "\n12:3", 2},
        {"RIGHT-WALL", "RIGHT-WALL", "", -1},
    };
    static kg_lg_link links[] = {{0, 1, "Wd"}, {1, 2, "Ss*s"}, {2, 3, "O x"}};
    kg_linkage lk = {words, 5, links, 3, 1};
    return lk;
}

static void assert_same_linkage(const kg_linkage *a, const kg_linkage *b)
{
    assert_int_equal(a->n_words, b->n_words);
    assert_int_equal(a->n_links, b->n_links);
    assert_int_equal(a->nulls, b->nulls);
    for (size_t i = 0; i < a->n_words; i++) {
        assert_string_equal(a->words[i].word, b->words[i].word);
        assert_string_equal(a->words[i].base, b->words[i].base);
        assert_string_equal(a->words[i].sub, b->words[i].sub);
        assert_int_equal(a->words[i].token, b->words[i].token);
    }
    for (size_t i = 0; i < a->n_links; i++) {
        assert_int_equal(a->links[i].left, b->links[i].left);
        assert_int_equal(a->links[i].right, b->links[i].right);
        assert_string_equal(a->links[i].label, b->links[i].label);
    }
}

static kg_token tok(const char *norm, bool space)
{
    kg_token t = {0, 0, norm, KG_TOK_WORD, space};
    return t;
}

/* ---------------------------------------------------------------- SHA-256 */

static void test_parse_cache_sha256_matches_fips_vectors(void **state)
{
    (void)state;
    char hex[65];
    kg_parse_cache_sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    kg_parse_cache_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    kg_parse_cache_sha256_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *million = malloc(1000000);
    assert_non_null(million);
    memset(million, 'a', 1000000);
    kg_parse_cache_sha256_hex(million, 1000000, hex);
    free(million);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* ---------------------------------------------------------------- opening */

static void test_parse_cache_open_creates_missing_directories(void **state)
{
    fixture *f = *state;
    char deep[128];
    snprintf(deep, sizeof deep, "%s/a/b/c/", f->dir);
    kg_parse_cache *c = NULL;
    kg_error err;
    assert_int_equal(kg_parse_cache_open(deep, &c, &err), KG_OK);
    struct stat st;
    assert_int_equal(stat(deep, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    snprintf(deep, sizeof deep, "%s/a/b/c", f->dir);
    assert_string_equal(kg_parse_cache_dir(c), deep);
    kg_parse_cache_close(c);
}

static void test_parse_cache_open_rejects_a_file(void **state)
{
    fixture *f = *state;
    char path[128];
    snprintf(path, sizeof path, "%s/plain", f->dir);
    spit(path, "x", 1);
    kg_parse_cache *c = NULL;
    kg_error err;
    assert_int_not_equal(kg_parse_cache_open(path, &c, &err), KG_OK);
    assert_null(c);
    assert_non_null(strstr(err.message, path));
    assert_int_not_equal(kg_parse_cache_open("", &c, &err), KG_OK);
}

/* ---------------------------------------------------------------- keys */

static void test_parse_cache_key_holds_the_sentence_and_options(void **state)
{
    fixture *f = *state;
    kg_token t[] = {tok("Antony", false), tok("Blinken", true), tok("met", true),
                    tok("Netanyahu", true), tok(".", false)};
    bool skip[] = {true, false, false, false, false};
    char *key = kg_parse_cache_key(f->arena, t, 5, skip, 2);
    assert_non_null(key);
    assert_non_null(strstr(key, "\ntext Blinken met Netanyahu.\n"));
    assert_non_null(strstr(key, "kg " KG_VERSION));
    assert_non_null(strstr(key, "seconds 2"));
    assert_non_null(strstr(key, "link-grammar"));
    /* the same call gives the same key; other options another */
    assert_string_equal(key, kg_parse_cache_key(f->arena, t, 5, skip, 2));
    assert_string_not_equal(key, kg_parse_cache_key(f->arena, t, 5, skip, 3));
}

/* The same string for link-grammar with a different token behind a word
 * must not share an entry: the linkage maps words back to token indices. */
static void test_parse_cache_key_tells_apart_same_text_other_tokens(void **state)
{
    fixture *f = *state;
    kg_token collapsed[] = {tok("Antony", false), tok("Blinken", true), tok("spoke", true)};
    bool skip1[] = {true, false, false};
    kg_token plain[] = {tok("Blinken", false), tok("spoke", true)};
    char *a = kg_parse_cache_key(f->arena, collapsed, 3, skip1, 2);
    char *b = kg_parse_cache_key(f->arena, plain, 2, NULL, 2);
    assert_non_null(strstr(a, "\ntext Blinken spoke\n"));
    assert_non_null(strstr(b, "\ntext Blinken spoke\n"));
    assert_string_not_equal(a, b);
    /* "U.S." as one token or as "U.S" + "." */
    kg_token one[] = {tok("U.S.", false)};
    kg_token two[] = {tok("U.S", false), tok(".", false)};
    assert_string_not_equal(kg_parse_cache_key(f->arena, one, 1, NULL, 2),
                            kg_parse_cache_key(f->arena, two, 2, NULL, 2));
}

/* ---------------------------------------------------------------- round trips */

static void test_parse_cache_round_trips_a_linkage(void **state)
{
    fixture *f = *state;
    kg_linkage lk = sample_linkage(), got;
    kg_parse_result res = KG_PARSE_NONE;
    kg_error err;
    assert_false(kg_parse_cache_get(f->cache, "k1", f->arena, &res, &got));
    assert_int_equal(kg_parse_cache_put(f->cache, "k1", KG_PARSE_OK, &lk, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, "k1", f->arena, &res, &got));
    assert_int_equal(res, KG_PARSE_OK);
    assert_same_linkage(&lk, &got);
    size_t tmp;
    assert_int_equal(count_files(f->dir, &tmp), 1);
    assert_int_equal(tmp, 0);
}

static void test_parse_cache_remembers_failed_parses(void **state)
{
    fixture *f = *state;
    kg_linkage got;
    kg_parse_result res = KG_PARSE_OK;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "none", KG_PARSE_NONE, NULL, &err), KG_OK);
    assert_int_equal(kg_parse_cache_put(f->cache, "slow", KG_PARSE_TIMEOUT, NULL, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, "none", f->arena, &res, &got));
    assert_int_equal(res, KG_PARSE_NONE);
    assert_int_equal(got.n_words, 0);
    assert_null(got.words);
    assert_true(kg_parse_cache_get(f->cache, "slow", f->arena, &res, &got));
    assert_int_equal(res, KG_PARSE_TIMEOUT);
}

static void test_parse_cache_put_replaces_an_entry(void **state)
{
    fixture *f = *state;
    kg_linkage lk = sample_linkage(), got;
    kg_parse_result res;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_NONE, NULL, &err), KG_OK);
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_OK, &lk, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
    assert_int_equal(res, KG_PARSE_OK);
    assert_same_linkage(&lk, &got);
}

/* The file name is a hash; a file found under the right name but written
 * for another key (a collision, or a copied file) is a miss. */
static void test_parse_cache_compares_the_full_key(void **state)
{
    fixture *f = *state;
    kg_linkage lk = sample_linkage(), got;
    kg_parse_result res;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "sentence A", KG_PARSE_OK, &lk, &err), KG_OK);
    char *a = entry_file(f, "sentence A"), *b = entry_file(f, "sentence B");
    assert_int_equal(rename(a, b), 0);
    assert_false(kg_parse_cache_get(f->cache, "sentence B", f->arena, &res, &got));
    assert_false(kg_parse_cache_get(f->cache, "sentence A", f->arena, &res, &got));
    free(a);
    free(b);
}

static void test_parse_cache_ignores_and_rebuilds_corrupt_entries(void **state)
{
    fixture *f = *state;
    kg_linkage lk = sample_linkage(), got;
    kg_parse_result res;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_OK, &lk, &err), KG_OK);
    char *path = entry_file(f, "k");
    size_t len;
    char *good = slurp(path, &len);

    /* every single flipped byte is caught */
    char *bad = malloc(len);
    assert_non_null(bad);
    for (size_t i = 0; i < len; i++) {
        memcpy(bad, good, len);
        bad[i] ^= 0x20;
        spit(path, bad, len);
        assert_false(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
    }
    /* every truncation, the empty file included */
    for (size_t n = 0; n < len; n++) {
        spit(path, good, n);
        assert_false(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
    }
    /* garbage after a whole entry */
    memcpy(bad, good, len);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fwrite(good, 1, len, fp);
    fputs("more\n", fp);
    fclose(fp);
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));

    /* the next put rebuilds it */
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_OK, &lk, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
    assert_same_linkage(&lk, &got);
    free(bad);
    free(good);
    free(path);
}

/* An entry of another format version (same key) is a miss. */
static void test_parse_cache_ignores_other_format_versions(void **state)
{
    fixture *f = *state;
    kg_linkage got;
    kg_parse_result res;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_NONE, NULL, &err), KG_OK);
    char *path = entry_file(f, "k");
    size_t len;
    char *data = slurp(path, &len);
    char *sp = strchr(data, ' ');
    assert_non_null(sp);
    sp[1] = '9';
    spit(path, data, len);
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
    free(data);
    free(path);
}

/* Writers and readers in several processes on the same keys: every read is
 * a miss or a whole, correct entry, and no temporary file is left. */
static void test_parse_cache_shared_by_processes(void **state)
{
    fixture *f = *state;
    enum { PROCS = 4, ROUNDS = 150 };
    pid_t pids[PROCS];
    for (int p = 0; p < PROCS; p++) {
        pids[p] = fork();
        assert_true(pids[p] >= 0);
        if (pids[p] == 0) {
            kg_parse_cache *c = NULL;
            kg_error err;
            int bad = kg_parse_cache_open(f->dir, &c, &err) != KG_OK;
            kg_linkage lk = sample_linkage();
            for (int r = 0; r < ROUNDS && !bad; r++) {
                char key[32];
                snprintf(key, sizeof key, "shared %d", r % 5);
                kg_arena *a = kg_arena_new();
                kg_linkage got;
                kg_parse_result res;
                if (kg_parse_cache_get(c, key, a, &res, &got))
                    bad = res != KG_PARSE_OK || got.n_words != lk.n_words ||
                          got.n_links != lk.n_links || strcmp(got.words[3].sub, "\n12:3") != 0;
                if (kg_parse_cache_put(c, key, KG_PARSE_OK, &lk, &err) != KG_OK)
                    bad = 1;
                kg_arena_free(a);
            }
            kg_parse_cache_close(c);
            _exit(bad);
        }
    }
    for (int p = 0; p < PROCS; p++) {
        int status = 0;
        assert_int_equal(waitpid(pids[p], &status, 0), pids[p]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    size_t tmp;
    assert_int_equal(count_files(f->dir, &tmp), 5);
    assert_int_equal(tmp, 0);
}

static void test_parse_cache_put_reports_a_vanished_directory(void **state)
{
    fixture *f = *state;
    kg_linkage got;
    kg_parse_result res;
    kg_error err;
    assert_int_equal(rmdir(f->dir), 0);
    assert_int_equal(kg_parse_cache_put(f->cache, "k", KG_PARSE_NONE, NULL, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, f->dir));
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, &res, &got));
}

/* A real linkage from link-grammar survives the trip unchanged. */
static void test_parse_cache_round_trips_a_real_parse(void **state)
{
    fixture *f = *state;
    kg_parser *p = NULL;
    kg_error err;
    assert_int_equal(kg_parser_new(&p, &err), KG_OK);
    kg_token t[] = {tok("Antony", false),   tok("Blinken", true), tok("met", true),
                    tok("Netanyahu", true), tok("in", true),      tok("Jerusalem", true),
                    tok(".", false)};
    bool skip[] = {true, false, false, false, false, false, false};
    kg_linkage lk, got;
    kg_parse_result res, cached;
    assert_int_equal(kg_parser_parse(p, f->arena, t, 7, skip, 5, &lk, &res, &err), KG_OK);
    assert_int_equal(res, KG_PARSE_OK);
    char *key = kg_parse_cache_key(f->arena, t, 7, skip, 5);
    assert_int_equal(kg_parse_cache_put(f->cache, key, res, &lk, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, &cached, &got));
    assert_int_equal(cached, KG_PARSE_OK);
    assert_same_linkage(&lk, &got);
    kg_parser_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_cache_sha256_matches_fips_vectors),
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_parse_cache_open_creates_missing_directories),
        T(test_parse_cache_open_rejects_a_file),
        T(test_parse_cache_key_holds_the_sentence_and_options),
        T(test_parse_cache_key_tells_apart_same_text_other_tokens),
        T(test_parse_cache_round_trips_a_linkage),
        T(test_parse_cache_remembers_failed_parses),
        T(test_parse_cache_put_replaces_an_entry),
        T(test_parse_cache_compares_the_full_key),
        T(test_parse_cache_ignores_and_rebuilds_corrupt_entries),
        T(test_parse_cache_ignores_other_format_versions),
        T(test_parse_cache_shared_by_processes),
        T(test_parse_cache_put_reports_a_vanished_directory),
        T(test_parse_cache_round_trips_a_real_parse),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
