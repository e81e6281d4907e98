/* test_coref.c - which person a third-person pronoun is tied to, on short
 * texts written for the purpose (extract/entity_match.c's salience).
 *
 * Each case is a text and a list of expectations "SURFACE#K -> NAME": the
 * K-th mention (1-based, in text order; "#K" may be left out for the first)
 * whose text is SURFACE is tied to the person named NAME.  Every case says
 * what must be found, so a finder that ties nothing fails it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_case.h"

static void check_expectation(const kg_document *d, const char *x)
{
    char surface[128], name[128];
    const char *arrow = strstr(x, " -> ");
    assert_non_null(arrow);
    snprintf(surface, sizeof surface, "%.*s", (int)(arrow - x), x);
    snprintf(name, sizeof name, "%s", arrow + 4);
    unsigned k = 1;
    char *hash = strchr(surface, '#');
    if (hash) {
        k = (unsigned)strtoul(hash + 1, NULL, 10);
        *hash = '\0';
    }
    size_t n, nm;
    const kg_entity *ents = kg_document_entities(d, &n);
    const kg_mention *ms = kg_document_mentions(d, &nm);
    for (size_t i = 0; i < nm; i++) {
        if (strcmp(ms[i].text, surface) || --k > 0)
            continue;
        if (strcmp(ents[ms[i].entity].name, name)) {
            dump_mentions(d);
            fail_msg("'%s' is tied to '%s', not '%s'", x, ents[ms[i].entity].name, name);
        }
        return;
    }
    dump_mentions(d);
    fail_msg("no mention for '%s'", x);
}

/* ---------------------------------------------------------------- gender */
CASE(test_coref_she_skips_the_man_named_later,
     "Mrs. Helen Brooks opened the clinic. Mr. David Lorne cut the ribbon. She spoke first.",
     "She -> Helen Brooks")
CASE(test_coref_she_and_him_split_by_gender,
     "Mr. John Carter met Ms. Alice Wong in Paris. She thanked him for the visit.",
     "She -> Alice Wong", "him -> John Carter")
CASE(test_coref_known_gender_beats_unknown,
     "Mr. Karl Weber met the press in Bonn. Robin Ellis spoke next. He left early.",
     "He -> Karl Weber")
CASE(test_coref_herself_is_the_woman_of_the_sentence,
     "Mr. Owen Pratt said Mrs. Ruth Calder had written the letter herself.",
     "herself -> Ruth Calder")

/* ---------------------------------------------------------------- subject and protagonist */
CASE(test_coref_sentence_initial_he_is_the_previous_subject,
     "Tom Reed met Peter Vance on Monday. He said the talks had gone well.", "He -> Tom Reed")
CASE(test_coref_he_is_the_speaker_not_his_employer,
     "Ross Dean, who works for Alan Price, said the firm would appeal. He told reporters the "
     "ruling was wrong.",
     "He -> Ross Dean")
CASE(test_coref_protagonist_across_a_minor_person,
     "Johnny Depp starred in the film. Depp later moved to France. Depp met the producer Tommy "
     "Hanson there. He worked again with Tim Burton.",
     "He -> Johnny Depp")
CASE(test_coref_her_after_two_women_is_the_first_named,
     "Ms. Carla Diaz met Ms. Nora Quinn in Rome. She praised the gardens.", "She -> Carla Diaz")

/* ---------------------------------------------------------------- quotations */
CASE(test_coref_quoted_he_is_not_the_speaker_before_the_quote,
     "Mr. Frank Hill retired on Friday. Mr. Brian Cole spoke at the party. Cole said: \"He was "
     "a fine colleague.\"",
     "He -> Frank Hill")
CASE(test_coref_quoted_he_is_not_the_speaker_after_the_quote,
     "Mr. Frank Hill retired on Friday. Mr. Brian Cole spoke at the party. \xe2\x80\x9cHe was a "
     "fine colleague,\xe2\x80\x9d Cole said.",
     "He -> Frank Hill")
CASE(test_coref_he_outside_the_quote_may_be_the_speaker,
     "Mr. Frank Hill retired on Friday. Mr. Brian Cole spoke at the party. He said: \"It was a "
     "good day.\"",
     "He -> Brian Cole")

CASE(test_coref_he_after_a_quote_is_not_the_one_quoted_about,
     "Mr. Frank Hill chaired the meeting. \"Mr. Toth can stay in the post,\" he told "
     "reporters.",
     "he -> Frank Hill")
/* "he" opening the clause of "who said" is the one "who" stands for */
CASE(test_coref_he_after_who_said_is_the_relative,
     "Mr. Tom Lee met Mr. Sam Ives, who said he was tired.", "he -> Sam Ives")
/* a subject pronoun is not the person named later in its own clause */
CASE(test_coref_he_is_not_named_later_in_his_clause,
     "Mr. Ray Okonjo praised Mr. Alan Cole. He will stay as long as Okonjo is in charge.",
     "He -> Alan Cole")
/* in a clause put first it may be */
CASE(test_coref_he_in_a_clause_put_first_may_be_named_after,
     "Mr. Ray Okonjo praised Mr. Alan Cole. When he arrived, Okonjo spoke.",
     "he -> Ray Okonjo")

/* ---------------------------------------------------------------- reach */
CASE(test_coref_possessive_in_the_same_sentence, "Mr. Omar Haddad thanked his staff.",
     "his -> Omar Haddad")
CASE(test_coref_pronoun_far_from_any_name_takes_the_latest,
     "Mr. Ian Gold arrived. The weather was cold. Nobody spoke. The rain fell. The wind rose. "
     "Then he left.",
     "he -> Ian Gold")

/* given names carry a gender when the census counts them for one sex only */
CASE(test_coref_mrs_is_not_the_man_of_that_surname,
     "Michael Howard spoke first. Mrs Howard said she was proud of him.",
     "Mrs Howard -> Howard", "she -> Howard", "him -> Michael Howard")
CASE(test_coref_she_never_a_man_by_given_name,
     "Peter Hain met Margaret Beckett in London. She said the talks went well.",
     "She -> Margaret Beckett")

/* the story's subject, named again and again, outlasts the window */
CASE(test_coref_story_subject_outlasts_a_cast,
     "Novelist Karl Brenner wrote eleven books. Brenner was born in Hull. Brenner moved to Leeds. "
     "Brenner's first novel sold well. The film starred Burt Okafor. It was a hit. "
     "Critics praised the score. Sales rose. Later he moved to Nassau.",
     "he -> Karl Brenner")
/* a person after a preposition is no subject of the sentence */
CASE(test_coref_person_in_a_phrase_is_no_subject,
     "Another film under Tom Rowe starred Paul Price. He played a cook.", "He -> Paul Price")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coref_she_skips_the_man_named_later),
        cmocka_unit_test(test_coref_she_and_him_split_by_gender),
        cmocka_unit_test(test_coref_known_gender_beats_unknown),
        cmocka_unit_test(test_coref_mrs_is_not_the_man_of_that_surname),
        cmocka_unit_test(test_coref_she_never_a_man_by_given_name),
        cmocka_unit_test(test_coref_herself_is_the_woman_of_the_sentence),
        cmocka_unit_test(test_coref_sentence_initial_he_is_the_previous_subject),
        cmocka_unit_test(test_coref_he_is_the_speaker_not_his_employer),
        cmocka_unit_test(test_coref_protagonist_across_a_minor_person),
        cmocka_unit_test(test_coref_her_after_two_women_is_the_first_named),
        cmocka_unit_test(test_coref_quoted_he_is_not_the_speaker_before_the_quote),
        cmocka_unit_test(test_coref_quoted_he_is_not_the_speaker_after_the_quote),
        cmocka_unit_test(test_coref_he_outside_the_quote_may_be_the_speaker),
        cmocka_unit_test(test_coref_possessive_in_the_same_sentence),
        cmocka_unit_test(test_coref_pronoun_far_from_any_name_takes_the_latest),
        cmocka_unit_test(test_coref_story_subject_outlasts_a_cast),
        cmocka_unit_test(test_coref_person_in_a_phrase_is_no_subject),
        cmocka_unit_test(test_coref_he_after_a_quote_is_not_the_one_quoted_about),
        cmocka_unit_test(test_coref_he_after_who_said_is_the_relative),
        cmocka_unit_test(test_coref_he_is_not_named_later_in_his_clause),
        cmocka_unit_test(test_coref_he_in_a_clause_put_first_may_be_named_after),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
