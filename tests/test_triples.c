/* test_triples.c - relation extraction on sentences written for the purpose.
 *
 * Each case lists expected triples "SUBJECT | RELATION | OBJECT [| flags [|
 * checks]]": a triple must exist whose subject text contains SUBJECT, whose
 * relation is RELATION exactly and whose object text contains OBJECT (empty:
 * no object); flags: n negated, m modal, N not negated, e both ends are
 * entities, a attributed (reported speech), A not attributed; checks, joined
 * by ';': "surf=TEXT" the surface relation is TEXT exactly, "by=TEXT" the
 * speaker phrase contains TEXT, "sid=ID" / "oid=ID" the subject / object is
 * the entity of that id.
 * "!SUBJECT | RELATION | OBJECT" asserts that no such triple exists. */
#include <stdio.h>
#include <string.h>

#include "fixtures.h"

#include "triple_check.h"

/* ---------------------------------------------------------------- voice */
CASE(test_triples_active_transitive, "The committee approved the budget.",
     "committee | approve | the budget")
CASE(test_triples_passive_with_agent, "The meeting is being hosted by Blair.",
     "Blair | host | The meeting")
CASE(test_triples_passive_without_agent, "The bridge was destroyed in March.",
     "bridge | be destroyed in | March")
CASE(test_triples_past_tense_lemma, "Kenya signed the treaty.", "Kenya | sign | the treaty")
CASE(test_triples_perfect_aspect, "Brazil has rejected the offer.", "Brazil | reject | the offer")

/* ---------------------------------------------------------------- verb + preposition */
CASE(test_triples_verb_preposition, "Mr. Haddad communicated to the minister his concerns.",
     "Haddad | communicate to | the minister")
CASE(test_triples_focused_on, "The agency focused on Sudan.", "agency | focus on | Sudan")
CASE(test_triples_phrasal_object_and_prep, "Chile sent troops to Haiti.", "Chile | send | troops",
     "Chile | send troops to | Haiti | e")

/* ---------------------------------------------------------------- control and purpose */
CASE(test_triples_control_verb, "Mr. Ortega vowed to defeat the rebels.",
     "Ortega | vow to defeat | the rebels | m")
CASE(test_triples_participle_after_comma_takes_subject,
     "Mr. Ortega issued a statement, vowing to eliminate Hamas.",
     "Ortega | vow to eliminate | Hamas | e")
CASE(test_triples_intend_to, "Secretary Lane intends to visit Kenya.",
     "Lane | intend to visit | Kenya | m")

/* ---------------------------------------------------------------- coordination */
CASE(test_triples_coordinated_subjects, "Germany and France have called for talks.",
     "Germany | call for | talks", "France | call for | talks")
CASE(test_triples_coordinated_objects, "Ecuador condemned Peru and Chile.",
     "Ecuador | condemn | Peru | e", "Ecuador | condemn | Chile | e")
CASE(test_triples_list_of_countries, "The envoy visited Turkey, Greece, Jordan, and the West Bank.",
     "envoy | visit | Turkey", "envoy | visit | Greece", "envoy | visit | Jordan",
     "envoy | visit | West Bank")
CASE(test_triples_noun_and_preposition_after_verb, "The envoy made stops in Chile and Peru.",
     "envoy | make stops in | Chile", "envoy | make stops in | Peru")

/* ---------------------------------------------------------------- relative clauses */
CASE(test_triples_relative_who, "The talks were led by Rosa Diaz, who spent two years in Chile.",
     "Rosa Diaz | spend years in | Chile | e")
CASE(test_triples_relative_which, "Egypt opened a crossing which connects Gaza to Sinai.",
     "crossing | connect | Gaza")

/* ---------------------------------------------------------------- appositions and titles */
CASE(test_triples_apposition_role,
     "Matthew Lowe, a spokesperson for the State Department, declined to comment.",
     "Matthew Lowe | be spokesperson for | State Department | e")
CASE(test_triples_control_verb_object_is_a_relation,
     "Senator Mark Delaney urged Governor Amara Okoye to sign the bill.",
     "Mark Delaney | urge to sign | bill", "Mark Delaney | urge | Amara Okoye | e;surf=urged")
CASE(test_triples_possessive_title_is_a_role,
     "Norway's Prime Minister Ingrid Solberg met Poland's Foreign Minister Adam Nowak.",
     "Ingrid Solberg | prime minister of | Norway | e", "Adam Nowak | foreign minister of | Poland | e",
     "!Norway | have | Ingrid Solberg", "!Poland | have | Adam Nowak")
CASE(test_triples_dateline_is_no_subject,
     "WASHINGTON (Reuters) - Senator Dale Hammond met Ruth Acland in Ottawa.",
     "Dale Hammond | meet | Ruth Acland | e", "!WASHINGTON | say | ")
CASE(test_triples_apposition_senior_fellow,
     "Amira Saleh, a senior fellow at the Brookings Institution, disagreed.",
     "Amira Saleh | be senior fellow at | Brookings Institution | e")
CASE(test_triples_apposition_from, "Brad Adams, from Human Rights Watch, criticized the plan.",
     "Brad Adams | be from | Human Rights Watch | e")
CASE(test_triples_demonym_title_role, "Israeli Prime Minister Dan Levi spoke.",
     "Dan Levi | prime minister of | Israel | e")
CASE(test_triples_apposition_needs_role_words,
     "The drought hit Kenya, according to the World Bank.", "!Kenya | be according to | World Bank")

/* ---------------------------------------------------------------- nominal relations */
CASE(test_triples_possessive_visit, "Mr. Kato made his first visit to Vietnam.",
     "Kato | make visit to | Vietnam | e")
CASE(test_triples_named_possessor, "Canada's support for Ukraine was praised.",
     "Canada | support for | Ukraine | e")
CASE(test_triples_opposition_to, "Mr. Rossi declared his opposition to a Palestinian state.",
     "Rossi | declare opposition to | a Palestinian state")

/* ---------------------------------------------------------------- copulas */
CASE(test_triples_copula_noun_prep, "Omar Haddad is a senior fellow at the Carnegie Foundation.",
     "Omar Haddad | be fellow at | Carnegie Foundation | e")
CASE(test_triples_copula_supporter, "President Vargas has been a staunch supporter of Israel.",
     "Vargas | be supporter of | Israel | e")
CASE(test_triples_copula_plain, "The minister was a lawyer.", "minister | be | a lawyer")

/* ---------------------------------------------------------------- negation and modality */
CASE(test_triples_did_not_attend, "Germany did not attend the summit.",
     "Germany | attend | the summit | n")
CASE(test_triples_will_not_tolerate, "The government will not tolerate violence.",
     "government | tolerate | violence | nm")
CASE(test_triples_refuses_to_accept, "Serbia refuses to accept the verdict.",
     "Serbia | accept | the verdict | n | surf=refuses to accept")
CASE(test_triples_modal_may, "Iran may reject the proposal.", "Iran | reject | the proposal | mN")
CASE(test_triples_never_negates, "Japan never recognized the claim.",
     "Japan | recognize | the claim | n")
CASE(test_triples_affirmative_not_negated, "Norway accepted the refugees.",
     "Norway | accept | the refugees | N")

/* ---------------------------------------------------------------- reported speech */
CASE(test_triples_said_has_object_clause, "Straw said that Britain would support the plan.",
     "Britain | support | the plan | m")
CASE(test_triples_speaker_verb, "The minister told reporters the plan had failed.",
     "minister | tell | reporters")

/* ---------------------------------------------------------------- entity arguments */
CASE(test_triples_entity_ids_on_both_ends, "President Ruiz met Chancellor Weber in Berlin.",
     "Ruiz | meet | Weber | e", "Ruiz | meet in | Berlin | e")
CASE(test_triples_pronoun_subject_resolved, "Mr. Sato arrived. He criticized China.",
     "He | criticize | China | e")
CASE(test_triples_intransitive, "The ceasefire collapsed.", "ceasefire | collapse | ")

/* ---------------------------------------------------------------- between entities */
CASE(test_triples_adverb_between_entities, "Chile quietly visited Peru yesterday.",
     "Chile | visit | Peru | e")
CASE(test_triples_aside_is_no_relation, "Chile, unlike Peru, voted.", "!Chile | , unlike | Peru",
     "!Chile | unlike | Peru", "Chile | vote | ")
CASE(test_triples_phrasal_particle, "The rebels gave up their weapons.",
     "rebels | give up | their weapons")

/* ---------------------------------------------------------------- clause shape */
/* Open IE style: the relation as written, the object with the clause's
 * other phrases (CaRB n-ary arguments folded into one) */
CASE(test_triples_surface_keeps_auxiliaries_and_preposition,
     "Jesus is not accepted as the son by Muslims.",
     "Jesus | be accepted as | the son by Muslims | n | surf=is not accepted as")
CASE(test_triples_object_carries_time_phrase, "Tom Bradley joined the company in 1941.",
     "Tom Bradley | join | the company in 1941 | | surf=joined")
CASE(test_triples_opener_is_an_argument,
     "On 12 July 2006, Hezbollah launched a series of rocket attacks.",
     "Hezbollah | launch | a series of rocket attacks On 12 July 2006")
CASE(test_triples_adverbial_as_second_argument, "The station closed just after midnight.",
     "station | close after | midnight | | surf=closed after")
CASE(test_triples_be_able_to, "He was able to control his instincts.",
     "He | be able to control | his instincts | m | surf=was able to control")
CASE(test_triples_purpose_infinitive_joins_relation,
     "Ballast tanks are equipped to change the trim.",
     "Ballast tanks | be equipped to change | the trim | | surf=are equipped to change")
CASE(test_triples_participle_read_as_adjective_is_passive,
     "After the Battle of Culloden in 1746, these rebellions were crushed.",
     "these rebellions | be crushed after | the Battle of Culloden in 1746 | | surf=were crushed after")

/* ---------------------------------------------------------------- coordination in chains */
CASE(test_triples_control_verb_coordination,
     "He aims to address the crisis and explore new options.",
     "He | aim to address | the crisis | m | surf=aims to address",
     "He | aim to explore | new options | m | surf=aims to explore", "!He | aim to and | ")
CASE(test_triples_coordinated_infinitives_borrow_subject,
     "Ballast tanks are equipped to change the trim and modify the stability.",
     "Ballast tanks | be equipped to change | the trim",
     "Ballast tanks | be equipped to modify | the stability")

/* ---------------------------------------------------------------- relative clauses */
CASE(test_triples_object_relative, "The band released an album, which critics praised.",
     "critics | praise | an album")
CASE(test_triples_relative_clause_subject, "The mine, which collapsed in 1990, was closed.",
     "The mine | collapse in | 1990")

/* ---------------------------------------------------------------- reported speech */
CASE(test_triples_speech_inner_clause_attributed, "Straw said that Britain would support the plan.",
     "Britain | support | the plan | ma | by=Straw",
     "Straw | say | Britain would support the plan | A")
CASE(test_triples_speech_inverted, "The talks had failed, the minister told reporters.",
     "The talks | fail | | a | by=the minister", "minister | tell | reporters | A")
CASE(test_triples_speech_quoted, "\"We will not tolerate violence,\" Blair said.",
     "We | tolerate | violence | nma | by=Blair", "Blair | say | We will not tolerate violence")
CASE(test_triples_according_to_attributes, "The drought hit Kenya, according to the World Bank.",
     "drought | hit | Kenya | a | by=World Bank", "!Kenya | accord to | World Bank")
CASE(test_triples_speaker_clause_not_attributed, "Kenya signed the treaty.",
     "Kenya | sign | the treaty | A")

/* ---------------------------------------------------------------- is and has */
CASE(test_triples_apposition_gives_be,
     "Alpha Serpentis, the brightest star in Serpens, is a red giant.",
     "Alpha Serpentis | be | the brightest star in Serpens")
CASE(test_triples_possessive_gives_have, "Britain's relationship with Spain improved.",
     "Britain | have | relationship with Spain | | surf=has")
CASE(test_triples_title_noun_gives_be, "The band hired producer Leo Graham.",
     "Leo Graham | be | producer")
CASE(test_triples_list_is_not_apposition, "The envoy visited Turkey, Greece, Jordan and Egypt.",
     "!Greece | be | Jordan", "!Turkey | be | Greece")

/* ---------------------------------------------------------------- long sentences */
CASE(test_triples_semicolon_joins_two_clauses, "Chile signed the treaty; Peru rejected the offer.",
     "Chile | sign | the treaty", "Peru | reject | the offer")

/* a sentence over max_parse_words is not parsed, and the rest of the
 * document still is */
static void test_triples_too_long_sentence_skipped(void **state)
{
    (void)state;
    const char *text = "Chile signed the treaty with Peru and Bolivia on Monday. Peru rejected it.";
    kg_extract_options o;
    kg_extract_options_init(&o);
    o.max_parse_words = 5;
    kg_document *d = NULL;
    kg_error err = {0};
    assert_int_equal(kg_extract_buffer(res, &o, "long", text, strlen(text), &d, &err), KG_OK);
    size_t n;
    const kg_triple *ts = kg_document_triples(d, &n);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ts[i].sentence, 1);
    assert_int_equal(kg_document_stats(d)->too_long, 1);
    assert_int_equal(kg_document_stats(d)->parsed, 1);
    kg_document_free(d);
}
/* an argument that names no entity carries its values, dated by the
 * document; an entity argument carries none */
static void test_triples_object_values_filled_from_document_date(void **state)
{
    (void)state;
    const char *text = "Britain pledged $3.2 billion on Monday.";
    kg_extract_input in = {
        .name = "values", .date = "2024-01-05", .data = text, .len = strlen(text)};
    kg_document *d = NULL;
    kg_error err = {0};
    assert_int_equal(kg_extract_text(res, NULL, &in, &d, &err), KG_OK);
    size_t n;
    const kg_triple *ts = kg_document_triples(d, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        const kg_triple *t = &ts[i];
        if (t->subject.entity >= 0)
            assert_int_equal(t->n_subject_values, 0);
        const char *obj = t->object.text ? t->object.text : "";
        if (t->object.entity >= 0 || strcmp(obj, "$3.2 billion on Monday"))
            continue;
        found = true;
        assert_int_equal(t->n_object_values, 2);
        assert_int_equal(t->object_values[0].kind, KG_VALUE_MONEY);
        assert_true(t->object_values[0].amount == 3.2e9);
        assert_string_equal(t->object_values[0].currency, "USD");
        assert_int_equal(t->object_values[0].start, 0);
        assert_int_equal(t->object_values[0].end, 12);
        assert_int_equal(t->object_values[1].kind, KG_VALUE_DATE);
        assert_string_equal(t->object_values[1].date, "2024-01-01");
    }
    if (!found) {
        dump(d);
        fail_msg("no triple with the object \"$3.2 billion on Monday\"");
    }
    kg_document_free(d);
}
CASE(test_triples_tex_quotes, "She began her career in the film `` A New Oath '' in 1947.",
     "She | begin | her career in the film")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_triples_active_transitive),
        cmocka_unit_test(test_triples_passive_with_agent),
        cmocka_unit_test(test_triples_passive_without_agent),
        cmocka_unit_test(test_triples_past_tense_lemma),
        cmocka_unit_test(test_triples_perfect_aspect),
        cmocka_unit_test(test_triples_verb_preposition),
        cmocka_unit_test(test_triples_focused_on),
        cmocka_unit_test(test_triples_phrasal_object_and_prep),
        cmocka_unit_test(test_triples_control_verb),
        cmocka_unit_test(test_triples_participle_after_comma_takes_subject),
        cmocka_unit_test(test_triples_intend_to),
        cmocka_unit_test(test_triples_coordinated_subjects),
        cmocka_unit_test(test_triples_coordinated_objects),
        cmocka_unit_test(test_triples_list_of_countries),
        cmocka_unit_test(test_triples_noun_and_preposition_after_verb),
        cmocka_unit_test(test_triples_relative_who),
        cmocka_unit_test(test_triples_relative_which),
        cmocka_unit_test(test_triples_apposition_role),
        cmocka_unit_test(test_triples_control_verb_object_is_a_relation),
        cmocka_unit_test(test_triples_possessive_title_is_a_role),
        cmocka_unit_test(test_triples_dateline_is_no_subject),
        cmocka_unit_test(test_triples_apposition_senior_fellow),
        cmocka_unit_test(test_triples_apposition_from),
        cmocka_unit_test(test_triples_demonym_title_role),
        cmocka_unit_test(test_triples_apposition_needs_role_words),
        cmocka_unit_test(test_triples_possessive_visit),
        cmocka_unit_test(test_triples_named_possessor),
        cmocka_unit_test(test_triples_opposition_to),
        cmocka_unit_test(test_triples_copula_noun_prep),
        cmocka_unit_test(test_triples_copula_supporter),
        cmocka_unit_test(test_triples_copula_plain),
        cmocka_unit_test(test_triples_did_not_attend),
        cmocka_unit_test(test_triples_will_not_tolerate),
        cmocka_unit_test(test_triples_refuses_to_accept),
        cmocka_unit_test(test_triples_modal_may),
        cmocka_unit_test(test_triples_never_negates),
        cmocka_unit_test(test_triples_affirmative_not_negated),
        cmocka_unit_test(test_triples_said_has_object_clause),
        cmocka_unit_test(test_triples_speaker_verb),
        cmocka_unit_test(test_triples_entity_ids_on_both_ends),
        cmocka_unit_test(test_triples_pronoun_subject_resolved),
        cmocka_unit_test(test_triples_intransitive),
        cmocka_unit_test(test_triples_adverb_between_entities),
        cmocka_unit_test(test_triples_aside_is_no_relation),
        cmocka_unit_test(test_triples_phrasal_particle),
        cmocka_unit_test(test_triples_surface_keeps_auxiliaries_and_preposition),
        cmocka_unit_test(test_triples_object_carries_time_phrase),
        cmocka_unit_test(test_triples_opener_is_an_argument),
        cmocka_unit_test(test_triples_adverbial_as_second_argument),
        cmocka_unit_test(test_triples_be_able_to),
        cmocka_unit_test(test_triples_purpose_infinitive_joins_relation),
        cmocka_unit_test(test_triples_participle_read_as_adjective_is_passive),
        cmocka_unit_test(test_triples_control_verb_coordination),
        cmocka_unit_test(test_triples_coordinated_infinitives_borrow_subject),
        cmocka_unit_test(test_triples_object_relative),
        cmocka_unit_test(test_triples_relative_clause_subject),
        cmocka_unit_test(test_triples_speech_inner_clause_attributed),
        cmocka_unit_test(test_triples_speech_inverted),
        cmocka_unit_test(test_triples_speech_quoted),
        cmocka_unit_test(test_triples_according_to_attributes),
        cmocka_unit_test(test_triples_speaker_clause_not_attributed),
        cmocka_unit_test(test_triples_apposition_gives_be),
        cmocka_unit_test(test_triples_possessive_gives_have),
        cmocka_unit_test(test_triples_title_noun_gives_be),
        cmocka_unit_test(test_triples_list_is_not_apposition),
        cmocka_unit_test(test_triples_semicolon_joins_two_clauses),
        cmocka_unit_test(test_triples_too_long_sentence_skipped),
        cmocka_unit_test(test_triples_object_values_filled_from_document_date),
        cmocka_unit_test(test_triples_tex_quotes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
