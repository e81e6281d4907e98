/* test_ud.c - CoNLL-U reading, the perceptron, the lemmatizer, and a model
 * trained, saved and loaded back (kg/parse.h). */
#include "conllu.h"
#include "fixtures.h"
#include "lemmatizer.h"
#include "perceptron.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A tiny treebank: enough sentences for a model to learn these from. */
static const char treebank[] =
    "# text = The cat sleeps.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = A dog barks.\n"
    "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tbarks\tbark\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# text = The dogs don't sleep.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tdogs\tdog\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
    "3-4\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "3\tdo\tdo\tAUX\tVBP\t_\t5\taux\t_\t_\n"
    "4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
    "5\tsleep\tsleep\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n";

static void write_file(const char *path, const char *data)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
    assert_int_equal(fclose(f), 0);
}

static kg_status read_str(kg_arena *a, const char *s, kg_conllu_sentence **out, size_t *n,
                          kg_error *err)
{
    kg_error_clear(err);
    return kg_conllu_read_buffer(a, "t.conllu", s, strlen(s), out, n, err);
}

/* ------------------------------------------------------------ CoNLL-U */

static void test_conllu_reads_words_ranges_and_comments(void **state)
{
    (void)state;
    kg_arena *a = kg_arena_new();
    kg_conllu_sentence *s;
    size_t n;
    kg_error err;
    assert_int_equal(read_str(a, treebank, &s, &n, &err), KG_OK);
    assert_int_equal(n, 3);
    assert_int_equal(s[2].n_words, 6);
    assert_int_equal(s[2].n_lines, 8); /* comment, range, six words */
    assert_string_equal(s[2].text, "The dogs don't sleep.");
    assert_int_equal(s[2].lines[3].kind, KG_CONLLU_OTHER);
    assert_string_equal(s[2].words[3].form, "n't");
    assert_int_equal(s[2].words[1].head, 5);
    assert_string_equal(s[2].words[1].deprel, "nsubj");
    assert_int_equal(s[2].words[4].line, 19);
    kg_arena_free(a);
}

static void test_conllu_error_names_file_and_line(void **state)
{
    (void)state;
    kg_arena *a = kg_arena_new();
    kg_conllu_sentence *s;
    size_t n;
    kg_error err;
    assert_int_equal(read_str(a, "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n2\tb\tb\tX\n", &s, &n, &err),
                     KG_ERR_INPUT);
    assert_string_equal(err.message, "t.conllu:2: a word line needs 10 tab-separated columns");
    assert_int_equal(read_str(a, "1\tA\ta\tDET\tDT\t_\t7\troot\t_\t_\n", &s, &n, &err),
                     KG_ERR_INPUT);
    assert_string_equal(err.message, "t.conllu:1: HEAD is not a word of the sentence");
    assert_int_equal(read_str(a, "2\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", &s, &n, &err),
                     KG_ERR_INPUT);
    assert_non_null(strstr(err.message, "t.conllu:1: word IDs"));
    assert_int_equal(read_str(a, "1\tA\ta\tDET\tDT\t_\tx\troot\t_\t_\n", &s, &n, &err),
                     KG_ERR_INPUT);
    assert_string_equal(err.message, "t.conllu:1: HEAD must be a number");
    kg_arena_free(a);
}

static void test_conllu_writes_back_what_it_read(void **state)
{
    (void)state;
    kg_arena *a = kg_arena_new();
    kg_conllu_sentence *s;
    size_t n;
    kg_error err;
    assert_int_equal(read_str(a, treebank, &s, &n, &err), KG_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    for (size_t i = 0; i < n; i++)
        assert_true(kg_conllu_write_sentence(f, &s[i]));
    fclose(f);
    assert_string_equal(buf, treebank);
    free(buf);
    kg_arena_free(a);
}

/* ------------------------------------------------------------ perceptron */

static void test_perceptron_learns_and_survives_save_and_load(void **state)
{
    (void)state;
    kg_perc_train *t = kg_perc_train_new(3);
    /* class = which of three features fires; a bias feature fires always */
    for (int epoch = 0; epoch < 5; epoch++)
        for (uint64_t c = 0; c < 3; c++) {
            uint64_t f[2] = {100 + c, 7};
            float sc[3];
            kg_perc_train_score(t, f, 2, sc);
            assert_true(kg_perc_train_update(t, f, 2, c, kg_perc_argmax(sc, NULL, 3)));
            kg_perc_train_tick(t);
        }
    kg_perc *p = kg_perc_train_average(t, 1e-3f, 1);
    assert_non_null(p);
    kg_mbuf b;
    kg_mbuf_init(&b);
    kg_perc_write(p, &b);
    char path[] = "/tmp/kg-perc-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    kg_error err;
    assert_int_equal(kg_mbuf_save(&b, path, &err), KG_OK);
    kg_mfile file;
    kg_mread r;
    assert_int_equal(kg_mread_open(path, &file, &r, &err), KG_OK);
    kg_perc *q = kg_perc_read(&r);
    assert_non_null(q);
    for (uint64_t c = 0; c < 3; c++) {
        uint64_t f[2] = {100 + c, 7};
        float a[3], bq[3];
        kg_perc_score(p, f, 2, a);
        kg_perc_score(q, f, 2, bq);
        assert_int_equal(kg_perc_argmax(a, NULL, 3), c);
        assert_memory_equal(a, bq, sizeof a);
    }
    kg_perc_free(q);
    kg_mfile_close(&file);
    kg_perc_free(p);
    kg_perc_train_free(t);
    kg_mbuf_free(&b);
    unlink(path);
}

static void test_perceptron_argmax_breaks_ties_low_and_skips_disallowed(void **state)
{
    (void)state;
    float s[4] = {1, 3, 3, 5};
    bool ok[4] = {true, true, true, false};
    assert_int_equal(kg_perc_argmax(s, ok, 4), 1);
    assert_int_equal(kg_perc_argmax(s, NULL, 4), 3);
    bool none[4] = {false, false, false, false};
    assert_int_equal(kg_perc_argmax(s, none, 4), 4);
}

/* ------------------------------------------------------------ lemmatizer */

static void test_lemmatizer_knows_seen_words_and_guesses_unseen(void **state)
{
    (void)state;
    kg_lemma_example ex[] = {
        {"studies", "study", 1}, {"flies", "fly", 1},  {"cats", "cat", 1},
        {"dogs", "dog", 1},      {"mice", "mouse", 1}, {"Paris", "Paris", 2},
        {"went", "go", 3},       {"walked", "walk", 3}, {"talked", "talk", 3},
    };
    kg_lemmatizer *l = NULL;
    kg_error err;
    assert_int_equal(kg_lemmatizer_train(ex, sizeof ex / sizeof ex[0], &l, &err), KG_OK);
    kg_arena *a = kg_arena_new();
    assert_string_equal(kg_lemmatizer_lemma(l, a, "mice", 1), "mouse");
    assert_string_equal(kg_lemmatizer_lemma(l, a, "went", 3), "go");
    assert_string_equal(kg_lemmatizer_lemma(l, a, "parties", 1), "party");
    assert_string_equal(kg_lemmatizer_lemma(l, a, "Birds", 1), "bird");
    assert_string_equal(kg_lemmatizer_lemma(l, a, "jumped", 3), "jump");
    assert_string_equal(kg_lemmatizer_lemma(l, a, "London", 2), "London");
    kg_arena_free(a);
    kg_lemmatizer_free(l);
}

/* ------------------------------------------------------------ the model */

static kg_ud_model *train_tiny(const char *path, const char *model_path)
{
    write_file(path, treebank);
    const char *files[] = {path};
    kg_ud_train_options o;
    kg_ud_train_options_init(&o);
    o.files = files;
    o.n_files = 1;
    o.tagger_epochs = 5;
    o.parser_epochs = 10;
    o.folds = 1;
    o.min_updates = 1; /* three sentences: every feature counts */
    o.name = "tiny";
    kg_ud_model *m = NULL;
    kg_error err;
    assert_int_equal(kg_ud_train(&o, &m, &err), KG_OK);
    assert_int_equal(kg_ud_model_save(m, model_path, &err), KG_OK);
    return m;
}

static void annotate(const kg_ud_model *m, kg_arena *a, kg_ud_word *w, const char *const *forms,
                     size_t n)
{
    kg_error err;
    for (size_t i = 0; i < n; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].form = forms[i];
    }
    assert_int_equal(kg_ud_annotate(m, a, w, n, NULL, &err), KG_OK);
}

/* The tiny treebank's model, trained once for the tests that only use it:
 * in memory and saved at mp. */
typedef struct tiny {
    char tb[32], mp[32];
    kg_ud_model *m;
} tiny;

static int tiny_setup(void **state)
{
    tiny *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    strcpy(t->tb, "/tmp/kg-tb-XXXXXX");
    strcpy(t->mp, "/tmp/kg-model-XXXXXX");
    close(mkstemp(t->tb));
    close(mkstemp(t->mp));
    t->m = train_tiny(t->tb, t->mp);
    *state = t;
    return 0;
}

static int tiny_teardown(void **state)
{
    tiny *t = *state;
    kg_ud_model_free(t->m);
    unlink(t->tb);
    unlink(t->mp);
    free(t);
    return 0;
}

static void test_model_round_trip_gives_the_same_trees(void **state)
{
    const tiny *t = *state;
    kg_ud_model *m = t->m;
    kg_ud_model *back = NULL;
    kg_error err;
    assert_int_equal(kg_ud_model_load(t->mp, &back, &err), KG_OK);
    assert_string_equal(kg_ud_model_name(back), "tiny");
    const char *forms[] = {"The", "cat", "sleeps", "."};
    kg_arena *a = kg_arena_new();
    kg_ud_word w1[4], w2[4];
    annotate(m, a, w1, forms, 4);
    annotate(back, a, w2, forms, 4);
    size_t roots = 0;
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(w1[i].upos, w2[i].upos);
        assert_string_equal(w1[i].xpos, w2[i].xpos);
        assert_string_equal(w1[i].lemma, w2[i].lemma);
        assert_string_equal(w1[i].deprel, w2[i].deprel);
        assert_int_equal(w1[i].head, w2[i].head);
        assert_true(w1[i].head <= 4 && w1[i].head != i + 1);
        roots += w1[i].head == 0;
    }
    assert_int_equal(roots, 1);
    /* what the treebank teaches it */
    assert_string_equal(w1[0].upos, "DET");
    assert_string_equal(w1[1].upos, "NOUN");
    assert_string_equal(w1[2].deprel, "root");
    assert_int_equal(w1[1].head, 3);
    assert_string_equal(w1[1].deprel, "nsubj");
    kg_arena_free(a);
    kg_ud_model_free(back);
}

static void test_training_twice_gives_identical_files(void **state)
{
    (void)state;
    char tb[] = "/tmp/kg-tb-XXXXXX", m1[] = "/tmp/kg-m1-XXXXXX", m2[] = "/tmp/kg-m2-XXXXXX";
    close(mkstemp(tb));
    close(mkstemp(m1));
    close(mkstemp(m2));
    kg_ud_model_free(train_tiny(tb, m1));
    kg_ud_model_free(train_tiny(tb, m2));
    char *b1 = NULL, *b2 = NULL;
    size_t l1 = 0, l2 = 0;
    FILE *f1 = fopen(m1, "rb"), *f2 = fopen(m2, "rb");
    assert_non_null(f1);
    assert_non_null(f2);
    b1 = malloc(1 << 24);
    b2 = malloc(1 << 24);
    l1 = fread(b1, 1, 1 << 24, f1);
    l2 = fread(b2, 1, 1 << 24, f2);
    fclose(f1);
    fclose(f2);
    assert_true(l1 > 100);
    assert_int_equal(l1, l2);
    assert_memory_equal(b1, b2, l1);
    free(b1);
    free(b2);
    unlink(tb);
    unlink(m1);
    unlink(m2);
}

static void test_model_load_refuses_foreign_and_cut_files(void **state)
{
    const tiny *t = *state;
    kg_ud_model *m = NULL;
    kg_error err;
    /* cut at every length in the first part and at a few later ones */
    FILE *f = fopen(t->mp, "rb");
    char *buf = malloc(1 << 24);
    size_t len = fread(buf, 1, 1 << 24, f);
    fclose(f);
    char cut[] = "/tmp/kg-cut-XXXXXX";
    close(mkstemp(cut));
    for (size_t n = 0; n < len; n += n < 256 ? 1 : 997) {
        FILE *c = fopen(cut, "wb");
        fwrite(buf, 1, n, c);
        fclose(c);
        assert_int_equal(kg_ud_model_load(cut, &m, &err), KG_ERR_INPUT);
        assert_null(m);
        assert_non_null(strstr(err.message, cut));
    }
    write_file(cut, "this is no model at all, just text\n");
    assert_int_equal(kg_ud_model_load(cut, &m, &err), KG_ERR_INPUT);
    assert_non_null(strstr(err.message, "not a usable kg model"));
    assert_int_equal(kg_ud_model_load("/nonexistent/en-ud.kgm", &m, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/en-ud.kgm"));
    free(buf);
    unlink(cut);
}

/* A model file with any one byte changed either fails to load with a
 * message or loads and still gives complete trees: never a bad read. */
static void test_model_load_survives_every_flipped_byte(void **state)
{
    const tiny *t = *state;
    char bad[] = "/tmp/kg-bad-XXXXXX";
    close(mkstemp(bad));
    FILE *f = fopen(t->mp, "rb");
    char *buf = malloc(1 << 24);
    size_t len = fread(buf, 1, 1 << 24, f);
    fclose(f);
    const char *forms[] = {"The", "dog", "sleeps", "."};
    kg_arena *a = kg_arena_new();
    size_t loaded = 0;
    for (size_t i = 0; i < len; i += i < 1024 ? 1 : 37) {
        buf[i] ^= (char)0x5a;
        FILE *c = fopen(bad, "wb");
        fwrite(buf, 1, len, c);
        fclose(c);
        buf[i] ^= (char)0x5a;
        kg_ud_model *m = NULL;
        kg_error err;
        if (kg_ud_model_load(bad, &m, &err) != KG_OK) {
            assert_null(m);
            assert_non_null(strstr(err.message, bad));
            continue;
        }
        loaded++;
        kg_ud_word w[4];
        annotate(m, a, w, forms, 4);
        size_t roots = 0;
        for (size_t k = 0; k < 4; k++) {
            assert_true(w[k].head <= 4);
            roots += w[k].head == 0;
            assert_non_null(w[k].upos);
            assert_non_null(w[k].deprel);
        }
        assert_int_equal(roots, 1);
        kg_ud_model_free(m);
    }
    assert_true(loaded > 0); /* a changed weight is still a model */
    kg_arena_free(a);
    free(buf);
    unlink(bad);
}

/* Raw text: sentences, UD tokens, and byte and code-point offsets that point
 * back at the token's bytes, past multi-byte characters. */
static void test_parse_text_keeps_offsets_and_spacing(void **state)
{
    const kg_ud_model *m = ((const tiny *)*state)->m;
    kg_arena *a = kg_arena_new();
    kg_error err;
    const char *text = "date 2024-01-05\nCaf\xc3\xa9 cats don\xe2\x80\x99t sleep. Israel's dog barks.";
    size_t start = 16, len = strlen(text);
    kg_ud_sentence *s = NULL;
    size_t n = 0;
    kg_ud_stats stats = {0};
    assert_int_equal(kg_ud_parse_text(m, a, text, start, len, &s, &n, &stats, &err), KG_OK);
    assert_int_equal(n, 2);
    const char *forms[] = {"Caf\xc3\xa9", "cats", "do", "n\xe2\x80\x99t", "sleep", "."};
    assert_int_equal(s[0].n, 6);
    for (size_t i = 0; i < 6; i++) {
        const kg_ud_word *w = &s[0].words[i];
        assert_string_equal(w->form, forms[i]);
        assert_memory_equal(text + w->start, w->form, w->end - w->start);
        assert_int_equal(w->end - w->start, strlen(forms[i]));
    }
    /* "Café" is 5 bytes and 4 code points, so "cats" starts a byte later
     * than a code point; ’ is 3 bytes and one code point */
    assert_int_equal(s[0].words[0].start, 16);
    assert_int_equal(s[0].words[0].cp_start, 16);
    assert_int_equal(s[0].words[1].start, 22);
    assert_int_equal(s[0].words[1].cp_start, 21);
    assert_int_equal(s[0].words[4].start, 35);
    assert_int_equal(s[0].words[4].cp_start, 32);
    assert_int_equal(s[0].words[4].cp_end, 37);
    assert_false(s[0].words[2].space_after); /* do|n't */
    assert_true(s[0].words[1].space_after);
    assert_false(s[0].words[4].space_after); /* sleep|. */
    assert_string_equal(s[1].words[0].form, "Israel");
    assert_string_equal(s[1].words[1].form, "'s");
    assert_false(s[1].words[0].space_after);
    assert_int_equal(s[1].start, 42);
    assert_int_equal(s[1].words[0].cp_start, 39);
    assert_int_equal(stats.sentences, 2);
    assert_int_equal(stats.tokens, 11);
    for (size_t k = 0; k < n; k++) {
        size_t roots = 0;
        for (size_t i = 0; i < s[k].n; i++)
            roots += s[k].words[i].head == 0;
        assert_int_equal(roots, 1);
    }
    kg_arena_free(a);
}

static void test_annotate_accepts_an_empty_sentence(void **state)
{
    const kg_ud_model *m = ((const tiny *)*state)->m;
    kg_arena *a = kg_arena_new();
    kg_error err;
    assert_int_equal(kg_ud_annotate(m, a, NULL, 0, NULL, &err), KG_OK);
    kg_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_conllu_reads_words_ranges_and_comments),
        cmocka_unit_test(test_conllu_error_names_file_and_line),
        cmocka_unit_test(test_conllu_writes_back_what_it_read),
        cmocka_unit_test(test_perceptron_learns_and_survives_save_and_load),
        cmocka_unit_test(test_perceptron_argmax_breaks_ties_low_and_skips_disallowed),
        cmocka_unit_test(test_lemmatizer_knows_seen_words_and_guesses_unseen),
        cmocka_unit_test_setup_teardown(test_model_round_trip_gives_the_same_trees, tiny_setup, tiny_teardown),
        cmocka_unit_test(test_training_twice_gives_identical_files),
        cmocka_unit_test_setup_teardown(test_model_load_refuses_foreign_and_cut_files, tiny_setup, tiny_teardown),
        cmocka_unit_test_setup_teardown(test_model_load_survives_every_flipped_byte, tiny_setup, tiny_teardown),
        cmocka_unit_test_setup_teardown(test_parse_text_keeps_offsets_and_spacing, tiny_setup, tiny_teardown),
        cmocka_unit_test_setup_teardown(test_annotate_accepts_an_empty_sentence, tiny_setup, tiny_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
