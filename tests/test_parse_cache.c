/* test_parse_cache.c - the on-disk sentence cache of UD annotations: keys,
 * round trips (the real model's included), corruption, collisions and
 * concurrent writers. */
#include "fixtures.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "parse_cache.h"

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

/* An entry for key with a valid checksum around body (what follows the key
 * line), to reach the checks behind the checksum. */
static void forge(const fixture *f, const char *key, const char *body)
{
    char *data = malloc(strlen(key) + strlen(body) + 64);
    assert_non_null(data);
    sprintf(data, "key %zu\n%s\n%s", strlen(key), key, body);
    char hex[65];
    kg_parse_cache_sha256_hex(data, strlen(data), hex);
    char *path = entry_file(f, key);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fprintf(fp, "kg-parse-cache %d\n%s\n%s", KG_PARSE_CACHE_FORMAT, hex, data);
    assert_int_equal(fclose(fp), 0);
    free(path);
    free(data);
}

enum { SAMPLE_N = 5 };

/* A sentence with awkward strings: a tab, a newline, a colon, a byte that
 * is not UTF-8, an empty lemma, a lemma and a tag that start with the "-"
 * that stands for NULL, and NULL lemma and xpos. */
static void sample_words(kg_ud_word w[SAMPLE_N])
{
    static const kg_ud_word words[SAMPLE_N] = {
        {"Blinken", "Blinken", "PROPN", "NNP", 2, "nsubj", 0, 7, 0, 7, true},
        {"met", "meet", "VERB", "VBD", 0, "root", 8, 11, 8, 11, true},
        {"odd\tform", "odd word\n12:3", "X", NULL, 2, "obj", 12, 20, 12, 20, true},
        {"(", NULL, "PUNCT", "-LRB-", 5, "punct", 21, 22, 21, 22, false},
        {"\xff-", "", "SYM", "-", 2, "obl:tmod", 22, 24, 22, 23, false},
    };
    memcpy(w, words, sizeof words);
}

/* The forms and offsets of src, every annotated field set to something a
 * hit must overwrite. */
static void fresh_words(kg_ud_word *dst, const kg_ud_word *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        dst[i] = src[i];
        dst[i].lemma = dst[i].upos = dst[i].xpos = dst[i].deprel = "unset";
        dst[i].head = 99;
    }
}

static void assert_same_string(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_words(const kg_ud_word *a, const kg_ud_word *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(a[i].form, b[i].form);
        assert_same_string(a[i].lemma, b[i].lemma);
        assert_same_string(a[i].upos, b[i].upos);
        assert_same_string(a[i].xpos, b[i].xpos);
        assert_same_string(a[i].deprel, b[i].deprel);
        assert_int_equal(a[i].head, b[i].head);
        assert_int_equal(a[i].start, b[i].start);
        assert_int_equal(a[i].end, b[i].end);
        assert_int_equal(a[i].cp_start, b[i].cp_start);
        assert_int_equal(a[i].cp_end, b[i].cp_end);
        assert_int_equal(a[i].space_after, b[i].space_after);
    }
}

/* A miss must leave the caller's words exactly as they were. */
static void assert_untouched(const kg_ud_word *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(w[i].lemma, "unset");
        assert_string_equal(w[i].upos, "unset");
        assert_string_equal(w[i].xpos, "unset");
        assert_string_equal(w[i].deprel, "unset");
        assert_int_equal(w[i].head, 99);
    }
}

static char *sample_key(const fixture *f, const kg_ud_word *w, size_t n)
{
    char *key = kg_parse_cache_key(f->arena, "test-model 1 2", w, n);
    assert_non_null(key);
    return key;
}

static void put_sample(const fixture *f, const char *key)
{
    kg_ud_word w[SAMPLE_N];
    sample_words(w);
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, key, w, SAMPLE_N, &err), KG_OK);
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
    assert_int_equal(kg_parse_cache_open(path, &c, &err), KG_ERR_IO);
    assert_null(c);
    assert_non_null(strstr(err.message, path));
    assert_int_equal(kg_parse_cache_open("", &c, &err), KG_ERR_USAGE);
    assert_null(c);
}

/* ---------------------------------------------------------------- keys */

static void test_parse_cache_key_is_versions_model_and_forms(void **state)
{
    fixture *f = *state;
    kg_ud_word w[] = {{.form = "Blinken"}, {.form = "met"}, {.form = "."}};
    char *key = kg_parse_cache_key(f->arena, "en-ud 1 (EWT) 47878408 1764686000", w, 3);
    assert_non_null(key);
    char want[256];
    snprintf(want, sizeof want,
             "kg-parse-cache %d kg %s model en-ud 1 (EWT) 47878408 1764686000\n"
             "Blinken\nmet\n.\n",
             KG_PARSE_CACHE_FORMAT, KG_VERSION);
    assert_string_equal(key, want);
    assert_string_equal(key,
                        kg_parse_cache_key(f->arena, "en-ud 1 (EWT) 47878408 1764686000", w, 3));
    assert_null(kg_parse_cache_key(f->arena, NULL, w, 3));
    w[1].form = NULL;
    assert_null(kg_parse_cache_key(f->arena, "m", w, 3));
}

/* A retrained model (same name, another size or mtime) must not reuse the
 * old model's trees. */
static void test_parse_cache_key_differs_for_another_model(void **state)
{
    fixture *f = *state;
    kg_ud_word w[] = {{.form = "Blinken"}, {.form = "spoke"}};
    char *a = kg_parse_cache_key(f->arena, "en-ud 1 (EWT) 47878408 1764686000", w, 2);
    char *b = kg_parse_cache_key(f->arena, "en-ud 1 (EWT) 47878408 1764686001", w, 2);
    char *c = kg_parse_cache_key(f->arena, "en-ud 2 (EWT) 47878408 1764686000", w, 2);
    assert_string_not_equal(a, b);
    assert_string_not_equal(a, c);
    /* a newline in the model's name cannot pass for a form */
    kg_ud_word one[] = {{.form = "x"}};
    assert_string_not_equal(kg_parse_cache_key(f->arena, "m\nx", NULL, 0),
                            kg_parse_cache_key(f->arena, "m", one, 1));
}

static void test_parse_cache_key_differs_for_other_forms(void **state)
{
    fixture *f = *state;
    kg_ud_word a[] = {{.form = "Blinken"}, {.form = "spoke"}};
    kg_ud_word b[] = {{.form = "Blinken"}, {.form = "spoke."}};
    assert_string_not_equal(kg_parse_cache_key(f->arena, "m", a, 2),
                            kg_parse_cache_key(f->arena, "m", b, 2));
    assert_string_not_equal(kg_parse_cache_key(f->arena, "m", a, 2),
                            kg_parse_cache_key(f->arena, "m", a, 1));
    /* "U.S." as one word or as "U.S" + "." */
    kg_ud_word one[] = {{.form = "U.S."}};
    kg_ud_word two[] = {{.form = "U.S"}, {.form = "."}};
    assert_string_not_equal(kg_parse_cache_key(f->arena, "m", one, 1),
                            kg_parse_cache_key(f->arena, "m", two, 2));
    /* a newline inside a form, a backslash and an n, or two forms */
    kg_ud_word nl[] = {{.form = "a\nb"}, {.form = "c"}};
    kg_ud_word bs[] = {{.form = "a\\nb"}, {.form = "c"}};
    kg_ud_word split[] = {{.form = "a"}, {.form = "b\nc"}};
    char *knl = kg_parse_cache_key(f->arena, "m", nl, 2);
    char *kbs = kg_parse_cache_key(f->arena, "m", bs, 2);
    char *ksplit = kg_parse_cache_key(f->arena, "m", split, 2);
    assert_string_not_equal(knl, kbs);
    assert_string_not_equal(knl, ksplit);
    assert_string_not_equal(kbs, ksplit);
}

/* ---------------------------------------------------------------- round trips */

static void test_parse_cache_round_trips_every_field(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    char *key = sample_key(f, w, SAMPLE_N);
    kg_error err;
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);
    assert_int_equal(kg_parse_cache_put(f->cache, key, w, SAMPLE_N, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    assert_same_words(w, got, SAMPLE_N);
    assert_null(got[2].xpos);
    assert_null(got[3].lemma);
    assert_string_equal(got[4].lemma, "");
    /* the forms are the caller's, not copies from the entry */
    for (size_t i = 0; i < SAMPLE_N; i++)
        assert_ptr_equal(got[i].form, w[i].form);
    size_t tmp;
    assert_int_equal(count_files(f->dir, &tmp), 1);
    assert_int_equal(tmp, 0);
}

static void test_parse_cache_round_trips_an_empty_sentence(void **state)
{
    fixture *f = *state;
    char *key = kg_parse_cache_key(f->arena, "m", NULL, 0);
    assert_non_null(key);
    kg_error err;
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, NULL, 0));
    assert_int_equal(kg_parse_cache_put(f->cache, key, NULL, 0, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, NULL, 0));
}

static void test_parse_cache_misses_for_another_number_of_words(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N + 1], got[SAMPLE_N + 1];
    sample_words(w);
    w[SAMPLE_N] = (kg_ud_word){.form = "extra"};
    char *key = sample_key(f, w, SAMPLE_N);
    put_sample(f, key);
    fresh_words(got, w, SAMPLE_N + 1);
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N - 1));
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N + 1));
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, 0));
    assert_untouched(got, SAMPLE_N + 1);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
}

static void test_parse_cache_put_replaces_an_entry(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    char *key = sample_key(f, w, SAMPLE_N);
    put_sample(f, key);
    w[0].deprel = "nsubj:pass";
    w[0].lemma = NULL;
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, key, w, SAMPLE_N, &err), KG_OK);
    fresh_words(got, w, SAMPLE_N);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    assert_same_words(w, got, SAMPLE_N);
    size_t tmp;
    assert_int_equal(count_files(f->dir, &tmp), 1);
}

/* Heads that are not a tree, or a word without UPOS or relation, would be
 * refused by get; put refuses them and writes nothing. */
static void test_parse_cache_put_refuses_words_get_would_refuse(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N];
    kg_error err;
    size_t tmp;
    const size_t bad_heads[][SAMPLE_N] = {
        {2, 0, 2, 2, 6}, /* out of range */
        {2, 0, 2, 2, 0}, /* two roots */
        {2, 1, 2, 2, 2}, /* no root */
        {2, 0, 4, 3, 2}, /* a cycle beside the root */
        {2, 0, 3, 2, 2}, /* a word its own head */
    };
    for (size_t k = 0; k < sizeof bad_heads / sizeof bad_heads[0]; k++) {
        sample_words(w);
        for (size_t i = 0; i < SAMPLE_N; i++)
            w[i].head = bad_heads[k][i];
        assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_ERR_USAGE);
        assert_non_null(strstr(err.message, f->dir));
    }
    sample_words(w);
    w[1].upos = NULL;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_ERR_USAGE);
    sample_words(w);
    w[3].deprel = NULL;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_ERR_USAGE);
    assert_int_equal(count_files(f->dir, &tmp), 0);
}

/* The file name is a hash; a file found under the right name but written
 * for another key (a collision, or a copied file) is a miss. */
static void test_parse_cache_compares_the_full_key(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    put_sample(f, "sentence A");
    char *a = entry_file(f, "sentence A"), *b = entry_file(f, "sentence B");
    assert_int_equal(rename(a, b), 0);
    assert_false(kg_parse_cache_get(f->cache, "sentence B", f->arena, got, SAMPLE_N));
    assert_false(kg_parse_cache_get(f->cache, "sentence A", f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);
    free(a);
    free(b);
}

static void test_parse_cache_ignores_and_rebuilds_corrupt_entries(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    char *key = sample_key(f, w, SAMPLE_N);
    put_sample(f, key);
    char *path = entry_file(f, key);
    size_t len;
    char *good = slurp(path, &len);

    /* every single flipped byte is caught */
    char *bad = malloc(len);
    assert_non_null(bad);
    for (size_t i = 0; i < len; i++) {
        memcpy(bad, good, len);
        bad[i] ^= 0x20;
        spit(path, bad, len);
        assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    }
    /* every truncation, the empty file included */
    for (size_t n = 0; n < len; n++) {
        spit(path, good, n);
        assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    }
    assert_untouched(got, SAMPLE_N);
    /* garbage after a whole entry */
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fwrite(good, 1, len, fp);
    fputs("more\n", fp);
    fclose(fp);
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);

    /* the next put rebuilds it */
    put_sample(f, key);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, SAMPLE_N));
    assert_same_words(w, got, SAMPLE_N);
    free(bad);
    free(good);
    free(path);
}

/* Entries whose checksum holds but whose words do not: written by another
 * program, or by a bug.  The first one is well formed, so the others fail
 * for what they change and not for the way they were forged. */
static void test_parse_cache_validates_what_the_checksum_covers(void **state)
{
    fixture *f = *state;
    kg_ud_word w[] = {{.form = "Blinken"}, {.form = "spoke"}};
    kg_ud_word got[2];
    const char *key = "forged";
    fresh_words(got, w, 2);
    forge(f, key, "words 2\n2 7:Blinken 5:PROPN 3:NNP 5:nsubj\n0 5:speak 4:VERB - 4:root\nend\n");
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, 2));
    assert_string_equal(got[0].lemma, "Blinken");
    assert_int_equal(got[0].head, 2);
    assert_null(got[1].xpos);
    assert_string_equal(got[1].deprel, "root");

    static const char *const bodies[] = {
        "words 2\n3 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\nend\n", /* head > n */
        "words 2\n0 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\nend\n", /* two roots */
        "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\n1 1:s 4:VERB - 4:root\nend\n", /* a cycle */
        "words 2\n2 1:B - 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\nend\n",       /* no upos */
        "words 2\n2 1:B 5:PROPN 3:NNP -\n0 1:s 4:VERB - 4:root\nend\n",       /* no deprel */
        "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\nend\n",                        /* a word short */
        "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\n"
        "0 1:s 4:VERB - 4:root\nend\n", /* a word over */
        "words 3\n2 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\n"
        "2 1:. 5:PUNCT 1:. 5:punct\nend\n",                                      /* n differs */
        "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\n",         /* no end */
        "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB 99:- 4:root\nend\n", /* length past the
                                                                                    end */
    };
    for (size_t k = 0; k < sizeof bodies / sizeof bodies[0]; k++) {
        fresh_words(got, w, 2);
        forge(f, key, bodies[k]);
        assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, 2));
        assert_untouched(got, 2);
    }
    /* a NUL inside a string, which no stored C string can hold: forged as
     * "1:B", then the B made a NUL and the checksum mended by hand */
    char *path = entry_file(f, key);
    forge(f, key, "words 2\n2 1:B 5:PROPN 3:NNP 5:nsubj\n0 1:s 4:VERB - 4:root\nend\n");
    size_t len;
    char *data = slurp(path, &len);
    char *b = strstr(data, "1:B");
    assert_non_null(b);
    b[2] = '\0';
    char *body = strchr(strchr(data, '\n') + 1, '\n') + 1;
    char hex[65];
    kg_parse_cache_sha256_hex(body, len - (size_t)(body - data), hex);
    memcpy(strchr(data, '\n') + 1, hex, 64);
    spit(path, data, len);
    fresh_words(got, w, 2);
    assert_false(kg_parse_cache_get(f->cache, key, f->arena, got, 2));
    assert_untouched(got, 2);
    free(data);
    free(path);
}

/* An entry of another format version (same key) is a miss. */
static void test_parse_cache_ignores_other_format_versions(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    put_sample(f, "k");
    char *path = entry_file(f, "k");
    size_t len;
    char *data = slurp(path, &len);
    char *sp = strchr(data, ' ');
    assert_non_null(sp);
    assert_int_equal(sp[1], '0' + KG_PARSE_CACHE_FORMAT);
    sp[1] = '1';
    spit(path, data, len);
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);
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
            kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
            sample_words(w);
            for (int r = 0; r < ROUNDS && !bad; r++) {
                char key[32];
                snprintf(key, sizeof key, "shared %d", r % 5);
                kg_arena *a = kg_arena_new();
                fresh_words(got, w, SAMPLE_N);
                if (kg_parse_cache_get(c, key, a, got, SAMPLE_N))
                    for (size_t i = 0; i < SAMPLE_N; i++)
                        bad |= got[i].head != w[i].head || strcmp(got[i].upos, w[i].upos) != 0 ||
                               strcmp(got[i].deprel, w[i].deprel) != 0;
                bad |= strcmp(got[2].lemma, "unset") != 0 &&
                       strcmp(got[2].lemma, "odd word\n12:3") != 0;
                if (kg_parse_cache_put(c, key, w, SAMPLE_N, &err) != KG_OK)
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
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    kg_error err;
    assert_int_equal(rmdir(f->dir), 0);
    assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, f->dir));
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, got, SAMPLE_N));
}

/* A rename that fails (a directory where the entry goes: unlike a
 * read-only directory, this holds when the tests run as root) is reported,
 * and the temporary file goes. */
static void test_parse_cache_put_cleans_up_when_the_rename_fails(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    char *path = entry_file(f, "k");
    assert_int_equal(mkdir(path, 0777), 0);
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, f->dir));
    assert_non_null(strstr(err.message, "cannot write a cache entry"));
    size_t tmp;
    assert_int_equal(count_files(f->dir, &tmp), 1);
    assert_int_equal(tmp, 0);
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);
    free(path);
}

/* A FIFO under an entry's name (planted, or left by another program) is a
 * miss at once: opening it for reading would wait for a writer for ever,
 * and a put replaces it with a real entry. */
static void test_parse_cache_get_does_not_wait_on_a_fifo(void **state)
{
    fixture *f = *state;
    kg_ud_word w[SAMPLE_N], got[SAMPLE_N];
    sample_words(w);
    fresh_words(got, w, SAMPLE_N);
    char *path = entry_file(f, "k");
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_false(kg_parse_cache_get(f->cache, "k", f->arena, got, SAMPLE_N));
    assert_untouched(got, SAMPLE_N);
    kg_error err;
    assert_int_equal(kg_parse_cache_put(f->cache, "k", w, SAMPLE_N, &err), KG_OK);
    assert_true(kg_parse_cache_get(f->cache, "k", f->arena, got, SAMPLE_N));
    assert_string_equal(got[0].lemma, w[0].lemma);
    free(path);
}

/* What the model really says survives the trip unchanged, keyed as the
 * extractor keys it. */
static void test_parse_cache_round_trips_a_real_annotation(void **state)
{
    fixture *f = *state;
    kg_ud_model *m = NULL;
    kg_error err;
    assert_int_equal(kg_ud_model_load(NULL, &m, &err), KG_OK);
    static const char *const forms[] = {"Antony", "Blinken",   "met", "Benjamin", "Netanyahu",
                                        "in",     "Jerusalem", "on",  "Friday",   "."};
    enum { N = sizeof forms / sizeof forms[0] };
    kg_ud_word w[N], got[N];
    memset(w, 0, sizeof w);
    for (size_t i = 0; i < N; i++)
        w[i].form = forms[i];
    assert_int_equal(kg_ud_annotate(m, f->arena, w, N, NULL, &err), KG_OK);
    const char *dir = getenv("KG_MODEL_DIR");
    char *model_path =
        kg_arena_printf(f->arena, "%s/%s", dir && *dir ? dir : KG_MODELDIR, KG_UD_MODEL_FILE);
    struct stat st;
    assert_int_equal(stat(model_path, &st), 0);
    char *model_id = kg_arena_printf(f->arena, "%s %lld %lld", kg_ud_model_name(m),
                                     (long long)st.st_size, (long long)st.st_mtime);
    char *key = kg_parse_cache_key(f->arena, model_id, w, N);
    assert_non_null(key);
    assert_int_equal(kg_parse_cache_put(f->cache, key, w, N, &err), KG_OK);
    fresh_words(got, w, N);
    assert_true(kg_parse_cache_get(f->cache, key, f->arena, got, N));
    assert_same_words(w, got, N);
    /* the model said something worth keeping: a tree over the sentence */
    size_t roots = 0;
    for (size_t i = 0; i < N; i++)
        roots += got[i].head == 0;
    assert_int_equal(roots, 1);
    assert_string_equal(got[0].upos, "PROPN");
    kg_ud_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_cache_sha256_matches_fips_vectors),
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_parse_cache_open_creates_missing_directories),
        T(test_parse_cache_open_rejects_a_file),
        T(test_parse_cache_key_is_versions_model_and_forms),
        T(test_parse_cache_key_differs_for_another_model),
        T(test_parse_cache_key_differs_for_other_forms),
        T(test_parse_cache_round_trips_every_field),
        T(test_parse_cache_round_trips_an_empty_sentence),
        T(test_parse_cache_misses_for_another_number_of_words),
        T(test_parse_cache_put_replaces_an_entry),
        T(test_parse_cache_put_refuses_words_get_would_refuse),
        T(test_parse_cache_compares_the_full_key),
        T(test_parse_cache_ignores_and_rebuilds_corrupt_entries),
        T(test_parse_cache_validates_what_the_checksum_covers),
        T(test_parse_cache_ignores_other_format_versions),
        T(test_parse_cache_shared_by_processes),
        T(test_parse_cache_put_reports_a_vanished_directory),
        T(test_parse_cache_put_cleans_up_when_the_rename_fails),
        T(test_parse_cache_get_does_not_wait_on_a_fifo),
        T(test_parse_cache_round_trips_a_real_annotation),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
