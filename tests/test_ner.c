/* test_ner.c - the statistical named-mention tagger (extract/ner.h) and the
 * model models/en-ner.kgm (`make model-ner`). */
#include "fixtures.h"
#include "ner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef KG_DATADIR
#error "compile with -DKG_DATADIR='\"/path/to/data\"'"
#endif
#ifndef KG_MODELDIR
#error "compile with -DKG_MODELDIR='\"/path/to/models\"'"
#endif

typedef struct fixture {
    kg_lexicon *lx;
    kg_ner *m;
    kg_arena *a;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    kg_error err = {0};
    if (!f || kg_lexicon_load(KG_DATADIR, NULL, &f->lx, &err) != KG_OK ||
        kg_ner_load(KG_MODELDIR "/" KG_NER_MODEL_FILE, &f->m, &err) != KG_OK ||
        !(f->a = kg_arena_new())) {
        fprintf(stderr, "setup: %s\n", err.message);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    kg_arena_free(f->a);
    kg_ner_free(f->m);
    kg_lexicon_free(f->lx);
    free(f);
    return 0;
}

/* Splits a copy of text on spaces into forms (at most max). */
static size_t words(kg_arena *a, const char *text, const char **forms, size_t max)
{
    char *s = kg_arena_strdup(a, text), *save = NULL;
    size_t n = 0;
    for (char *t = strtok_r(s, " ", &save); t && n < max; t = strtok_r(NULL, " ", &save))
        forms[n++] = t;
    return n;
}

static kg_ner_span *tag(fixture *f, const char *const *forms, size_t n, size_t *ns)
{
    kg_ner_span *sp = NULL;
    kg_error err = {0};
    assert_int_equal(kg_ner_tag(f->m, f->lx, f->a, forms, n, &sp, ns, &err), KG_OK);
    return sp;
}

/* Ordered, non-overlapping, in range, of a known class. */
static void assert_valid_spans(const kg_ner_span *sp, size_t ns, size_t n)
{
    for (size_t k = 0; k < ns; k++) {
        assert_true(sp[k].start < sp[k].end);
        assert_true(sp[k].end <= n);
        assert_true((unsigned)sp[k].cls < KG_NER_CLASSES);
        assert_true(sp[k].margin >= 0);
        if (k > 0)
            assert_true(sp[k - 1].end <= sp[k].start);
    }
}

static const kg_ner_span *find(const kg_ner_span *sp, size_t ns, size_t start, size_t end)
{
    for (size_t k = 0; k < ns; k++)
        if (sp[k].start == start && sp[k].end == end)
            return &sp[k];
    return NULL;
}

static void test_ner_model_loads_from_default_path(void **state)
{
    (void)state;
    kg_error err = {0};
    kg_ner *m = NULL;
    setenv("KG_MODEL_DIR", KG_MODELDIR, 1);
    assert_int_equal(kg_ner_load(NULL, &m, &err), KG_OK);
    assert_non_null(m);
    assert_non_null(strstr(kg_ner_name(m), "gum"));
    kg_ner_free(m);
}

static void test_ner_types_bank_city_and_people(void **state)
{
    fixture *f = *state;
    const char *forms[64];
    size_t n = words(f->a,
                     "The Bank of England said on Tuesday that Goldman Sachs chief executive "
                     "Lloyd Blankfein met Nasser Hussain in London .",
                     forms, 64);
    size_t ns;
    kg_ner_span *sp = tag(f, forms, n, &ns);
    assert_valid_spans(sp, ns, n);
    const kg_ner_span *bank = find(sp, ns, 1, 4), *gs = find(sp, ns, 8, 10);
    const kg_ner_span *lb = find(sp, ns, 12, 14), *london = find(sp, ns, 18, 19);
    assert_non_null(bank);
    assert_int_equal(bank->cls, KG_NER_ORG);
    assert_non_null(gs);
    assert_int_equal(gs->cls, KG_NER_ORG);
    assert_non_null(lb);
    assert_int_equal(lb->cls, KG_NER_PER);
    assert_non_null(london);
    assert_int_equal(london->cls, KG_NER_LOC);
}

/* The sentence: the firm is found as a name of its own.  (Its class
 * is not asserted: the GUM-trained model calls it PER; see models/README.md.) */
static void test_ner_finds_yukos_alone(void **state)
{
    fixture *f = *state;
    const char *forms[32];
    size_t n = words(f->a, "Shares of Yukos , the troubled Russian oil firm , fell .", forms, 32);
    size_t ns;
    kg_ner_span *sp = tag(f, forms, n, &ns);
    assert_valid_spans(sp, ns, n);
    assert_non_null(find(sp, ns, 2, 3));
    for (size_t k = 0; k < ns; k++)
        assert_false(sp[k].start <= 6 && 6 < sp[k].end && sp[k].cls != KG_NER_OTH);
}

static void test_ner_empty_sentence_has_no_spans(void **state)
{
    fixture *f = *state;
    size_t ns = 99;
    kg_ner_span *sp = tag(f, NULL, 0, &ns);
    assert_int_equal(ns, 0);
    assert_null(sp);
}

static void test_ner_one_word_sentences(void **state)
{
    fixture *f = *state;
    static const char *const one[] = {"London"}, *const dot[] = {"."};
    size_t ns;
    kg_ner_span *sp = tag(f, one, 1, &ns);
    assert_valid_spans(sp, ns, 1);
    assert_int_equal(ns, 1);
    assert_int_equal(sp[0].cls, KG_NER_LOC);
    sp = tag(f, dot, 1, &ns);
    assert_int_equal(ns, 0);
}

/* Long inputs (a table flattened into one "sentence") stay linear and valid. */
static void test_ner_5000_token_sentence(void **state)
{
    fixture *f = *state;
    enum { N = 5000 };
    static const char *const cycle[] = {"Mr.", "John", "Smith", "of", "Acme", "Corp", "visited",
                                        "New",  "York", "and",  "said", "so",   ","};
    const char **forms = kg_arena_alloc(f->a, N * sizeof *forms);
    assert_non_null(forms);
    for (size_t i = 0; i < N; i++)
        forms[i] = cycle[i % (sizeof cycle / sizeof *cycle)];
    size_t ns;
    kg_ner_span *sp = tag(f, forms, N, &ns);
    assert_true(ns > 100);
    assert_valid_spans(sp, ns, N);
}

static void test_ner_bad_model_file_is_named(void **state)
{
    (void)state;
    char path[] = "/tmp/kg-ner-test-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "not a model\n", 12), 12);
    close(fd);
    kg_error err = {0};
    kg_ner *m = NULL;
    assert_int_equal(kg_ner_load(path, &m, &err), KG_ERR_INPUT);
    assert_null(m);
    assert_non_null(strstr(err.message, path));
    unlink(path);
}

/* The parser's model is a kg model file too, but not an NER one. */
static void test_ner_refuses_the_parser_model(void **state)
{
    (void)state;
    const char *path = KG_MODELDIR "/en-ud.kgm";
    if (access(path, R_OK) != 0)
        skip();
    kg_error err = {0};
    kg_ner *m = NULL;
    assert_int_equal(kg_ner_load(path, &m, &err), KG_ERR_INPUT);
    assert_non_null(strstr(err.message, path));
    assert_non_null(strstr(err.message, "not an NER model"));
}

static void test_ner_missing_model_is_an_io_error(void **state)
{
    (void)state;
    kg_error err = {0};
    kg_ner *m = NULL;
    assert_int_equal(kg_ner_load("/nonexistent/en-ner.kgm", &m, &err), KG_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/en-ner.kgm"));
}

/* GUM's annotation as the tagger learns it: the outermost name, PROPN runs
 * joined by "of", titles cut from persons, times left out. */
static void test_ner_gold_spans_from_gum_entities(void **state)
{
    fixture *f = *state;
    static const char conllu[] =
        "1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-x-1-sgl\n"
        "2\tSmith\tSmith\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=1)\n"
        "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-x-1-sgl\n"
        "5\tBank\tBank\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
        "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
        "7\tEngland\tEngland\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-x-1-sgl)2)\n"
        "8\ton\ton\tADP\tIN\t_\t9\tcase\t_\t_\n"
        "9\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(4-time-new-x-1-sgl)\n"
        "10\twith\twith\tADP\tIN\t_\t12\tcase\t_\t_\n"
        "11\tthe\tthe\tDET\tDT\t_\t12\tdet\t_\tEntity=(5-person-new-x-1-sgl\n"
        "12\tman\tman\tNOUN\tNN\t_\t3\tobl\t_\tEntity=5)\n"
        "13\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
    kg_conllu_sentence *s;
    size_t n;
    kg_error err = {0};
    assert_int_equal(kg_conllu_read_buffer(f->a, "t.conllu", conllu, sizeof conllu - 1, &s, &n, &err),
                     KG_OK);
    assert_int_equal(n, 1);
    kg_ner_span *sp;
    size_t ns;
    assert_int_equal(kg_ner_gold_spans(f->lx, f->a, &s[0], &sp, &ns, &err), KG_OK);
    assert_int_equal(ns, 2);
    assert_int_equal(sp[0].start, 1);
    assert_int_equal(sp[0].end, 2);
    assert_int_equal(sp[0].cls, KG_NER_PER);
    assert_int_equal(sp[1].start, 4);
    assert_int_equal(sp[1].end, 7);
    assert_int_equal(sp[1].cls, KG_NER_ORG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ner_model_loads_from_default_path),
        cmocka_unit_test(test_ner_types_bank_city_and_people),
        cmocka_unit_test(test_ner_finds_yukos_alone),
        cmocka_unit_test(test_ner_empty_sentence_has_no_spans),
        cmocka_unit_test(test_ner_one_word_sentences),
        cmocka_unit_test(test_ner_5000_token_sentence),
        cmocka_unit_test(test_ner_bad_model_file_is_named),
        cmocka_unit_test(test_ner_refuses_the_parser_model),
        cmocka_unit_test(test_ner_missing_model_is_an_io_error),
        cmocka_unit_test(test_ner_gold_spans_from_gum_entities),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
