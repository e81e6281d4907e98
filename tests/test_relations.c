/* test_relations.c - relations read off the UD trees (extract/relations.h),
 * on sentences written for the purpose; case format as in test_triples.c. */
#include "triple_check.h"

CASE(test_rel_title_with_demonym_holder,
     "British foreign minister Jack Straw said that Britain would not support the plan.",
     "Jack Straw | foreign minister of | United Kingdom | e",
     "Britain | support | the plan | na | by=Jack Straw",
     "Jack Straw | say | Britain would not support the plan | A")
CASE(test_rel_title_inside_mention_with_org_holder, "UN Secretary General Kofi Annan met officials.",
     "Kofi Annan | secretary general of | United Nations | e")
CASE(test_rel_title_before_name_accuses, "Tory leader Michael Howard accused Tony Blair of lying.",
     "Michael Howard | accuse | Tony Blair | e")
CASE(test_rel_between_two_entities, "ONGC and NIOC reached a deal between Iran and China.",
     "Iran | deal with | China | e", "ONGC | reach | a deal", "NIOC | reach | a deal",
     "!ONGC | and | NIOC", "!Iran | and | China")
CASE(test_rel_participle_borrows_subject, "Mr. Ortega issued a statement, vowing to eliminate Hamas.",
     "Ortega | vow to eliminate | Hamas | em", "Ortega | issue | a statement")
CASE(test_rel_possessive_nested_stops,
     "Ms. Lind's visit to the region, including stops in Peru and Chile, ended.",
     "Lind | stop in | Peru | e", "Lind | stop in | Chile | e")
CASE(test_rel_possessive_without_relation_relates_no_entities,
     "Reporters saw Kenya's biggest shantytown.", "!Kenya | have | Reporters")
CASE(test_rel_according_to_attributes_clause,
     "The drought hit Somalia, according to the World Bank.",
     "drought | hit | Somalia | a | by=World Bank", "!Somalia | accord to | World Bank")
CASE(test_rel_negation_and_modal, "Iran may not accept the offer.", "Iran | accept | the offer | nm")
CASE(test_rel_refuse_negates, "Serbia refused to sign the accord.",
     "Serbia | sign | the accord | n | surf=refused to sign", "!Serbia | refuse to sign | the accord")
CASE(test_rel_coordinated_objects, "Ecuador condemned Peru and Chile.", "Ecuador | condemn | Peru | e",
     "Ecuador | condemn | Chile | e", "!Peru | and | Chile")
CASE(test_rel_oblique_preposition_in_label, "President Ruiz met Chancellor Weber in Berlin.",
     "Ruiz | meet | Weber | e", "Ruiz | meet in | Berlin | e")
CASE(test_rel_passive_agent_read_actively, "The plan was rejected by Norway.",
     "Norway | reject | The plan")

CASE(test_rel_apposition_role_for_org,
     "Matthew Lowe, a spokesperson for the State Department, declined to comment.",
     "Matthew Lowe | be spokesperson for | State Department | e")
CASE(test_rel_apposition_senior_fellow,
     "Amira Saleh, a senior fellow at the Brookings Institution, disagreed.",
     "Amira Saleh | be senior fellow at | Brookings Institution | e")
CASE(test_rel_copula_noun_with_preposition,
     "Omar Haddad is a senior fellow at the Carnegie Foundation.",
     "Omar Haddad | be fellow at | Carnegie Foundation | e")
CASE(test_rel_speech_quoted_after, "\"We will not tolerate violence,\" Blair said.",
     "We | tolerate | violence | na | by=Blair")
CASE(test_rel_intransitive, "The ceasefire collapsed.", "ceasefire | collapse | ")
CASE(test_rel_phrasal_particle, "The rebels gave up their weapons.",
     "rebels | give up | their weapons")
CASE(test_rel_relative_clause_subject, "The envoy met Rosa Diaz, who spent two years in Chile.",
     "Rosa Diaz | spend | two years", "Rosa Diaz | spend years in | Chile | e")
CASE(test_rel_object_relative, "The band released an album, which critics praised.",
     "critics | praise | an album")
CASE(test_rel_named_possessor_support, "Canada's support for Ukraine was praised.",
     "Canada | support for | Ukraine | e")
CASE(test_rel_light_verb_object, "Chile held talks with Peru.", "Chile | hold talks with | Peru | e")
CASE(test_rel_coordinated_subjects, "Germany and France condemned the attack.",
     "Germany | condemn | the attack", "France | condemn | the attack", "!Germany | and | France")
CASE(test_rel_never_negates, "Japan never recognized the claim.",
     "Japan | recognize | the claim | n")
CASE(test_rel_affirmative_not_negated, "Norway accepted the refugees.",
     "Norway | accept | the refugees | N")
CASE(test_rel_demonym_title_role, "Israeli Prime Minister Dan Levi spoke.",
     "Dan Levi | prime minister of | Israel | e")

CASE(test_rel_coordinated_verbs_share_subject, "Brazil signed the accord and praised Chile.",
     "Brazil | sign | the accord", "Brazil | praise | Chile | e")
CASE(test_rel_modal_control_verb, "Spain plans to expel the diplomats.",
     "Spain | plan to expel | the diplomats | m")
CASE(test_rel_passive_without_agent, "The embassy was closed in March.",
     "embassy | be closed in | March")
CASE(test_rel_participle_with_agent_read_actively, "They found weapons used by the rebels.",
     "the rebels | use | weapons")
CASE(test_rel_no_longer_negates, "Sweden no longer supports the plan.",
     "Sweden | support | the plan | n")
CASE(test_rel_speech_after_the_clause, "The talks had failed, the minister told reporters.",
     "The talks | fail | | a | by=the minister")
CASE(test_rel_possessive_title_is_a_role,
     "Norway's Prime Minister Ingrid Solberg met Poland's Foreign Minister Adam Nowak.",
     "Ingrid Solberg | prime minister of | Norway | e", "!Norway | have | Ingrid Solberg")
CASE(test_rel_believe_attributes, "Analysts believe that Iran will expand the program.",
     "Iran | expand | the program | a | by=Analysts")
CASE(test_rel_speaker_not_attributed_outside_speech, "Kenya signed the treaty.",
     "Kenya | sign | the treaty | A")
CASE(test_rel_list_is_no_apposition, "The envoy visited Turkey, Greece, Jordan and Egypt.",
     "!Greece | be | Jordan", "!Turkey | be | Greece", "envoy | visit | Turkey")
CASE(test_rel_label_at_most_four_words,
     "Officials intend to try to reach the border.",
     "Officials | intend to reach | the border | m", "!Officials | intend to try to reach | ")
CASE(test_rel_say_to_belongs_to_inner_verb, "Reagan said he had sold arms to Iran.",
     "he | sell arms to | Iran | a | by=Reagan", "!Reagan | say to | Iran")

/* ---------------------------------------------------------------- tree repairs */
CASE(test_rel_object_of_say_is_the_clause_subject,
     "Mr Howard has said Britain should take its fair share.",
     "Britain | take | its fair share | ma | by=Howard",
     "!Howard | say | Britain | | oid=united-kingdom")
CASE(test_rel_preposition_made_head_is_demoted,
     "Secretary Blinken did not communicate to Israeli Prime Minister Benjamin Netanyahu the need "
     "for ceasefires.",
     "Blinken | communicate to | Benjamin Netanyahu | en", "!Netanyahu | be | the need")
CASE(test_rel_title_run_names_its_last_word, "U.N. Ambassador Albright arrives in Chile.",
     "Albright | arrive in | Chile | e | sid=albright",
     "!U.N. | arrive in | Chile | | sid=united-nations")
CASE(test_rel_one_preposition_per_phrase,
     "Robert Sidoli scored tries in Saturday's Six Nations win in Italy.",
     "!Robert Sidoli | score tries in in | ")

/* ---------------------------------------------------------------- nationality */
CASE(test_rel_nationality_is_no_office, "Krajicek's Dutch countryman Paul Haarhuis won.",
     "!Paul Haarhuis | countryman of | Netherlands",
     "!Paul Haarhuis | countryman of | Krajicek")
CASE(test_rel_nationality_trade_is_no_office, "Indian film director Satyajit Ray died.",
     "!Satyajit Ray | film director of | India", "Satyajit Ray | be | film director")
CASE(test_rel_owner_before_nationality_holds_it,
     "Derbyshire's Australian captain Dean Jones scored.",
     "!Dean Jones | captain of | Australia")

/* ---------------------------------------------------------------- copula */
CASE(test_rel_copula_through_its_noun, "Iran was in talks with China.",
     "Iran | be in talks with | China | e", "!Iran | be in with | China")

CASE(test_rel_partitive_is_no_relation, "Mr Mubanga was one of four Britons who were released.",
     "Mubanga | be | one of four Britons", "!Mubanga | be one of | Britons")
CASE(test_rel_refused_between_people, "Jim Callaghan refused to support Harold Wilson.",
     "Jim Callaghan | support | Harold Wilson | en | sid=jim-callaghan;oid=harold-wilson")

CASE(test_rel_unseen_verb_form_lemma_from_wordnet, "Parnevik tied the record.",
     "Parnevik | tie | the record", "!Parnevik | ty | the record")

/* ---------------------------------------------------------------- nations and relatives */
CASE(test_rel_who_after_a_name_is_that_person,
     "The tour marks a comeback to politics for Senator Ana Ruiz, who spent a decade campaigning in "
     "Chile.",
     "Ana Ruiz | campaign in | Chile | e | sid=ana-ruiz", "!comeback | campaign in | Chile")
CASE(test_rel_national_noun_is_its_country,
     "Mr. Rossi declared his opposition to a Palestinian state.",
     "Rossi | declare opposition to | a Palestinian state | e | oid=palestine")
CASE(test_rel_national_forces_act_for_the_country, "Russian forces attacked Georgia.",
     "Russian forces | attack | Georgia | e | sid=russia")

/* ---------------------------------------------------------------- titles */
CASE(test_rel_rank_after_office_is_no_role, "BP chief executive Lord Browne spoke.",
     "Browne | chief executive of | BP | e", "!Browne | chief executive lord of | BP")
CASE(test_rel_plural_title_is_no_role, "Scotland midfielders Gordon Strachan and Paul Lambert played.",
     "!Gordon Strachan | midfielders of | Scotland", "Gordon Strachan | play | ")

/* ---------------------------------------------------------------- flags and partners */
CASE(test_rel_quote_before_its_reporter,
     "\"Right now I feel that a little bit,\" Roger Federer told BBC Sport.",
     "Roger Federer | tell | BBC Sport | eA", "I | feel | a little bit | a | by=Roger Federer")
CASE(test_rel_no_match_is_negated, "Kathy Butler was no match for Benita Johnson.",
     "Kathy Butler | be match for | Benita Johnson | en")
CASE(test_rel_not_before_is_no_denial,
     "Roger Federer won the trophy, but not before he was given a test by Ivan Ljubicic.",
     "he | be given | a test | N")
CASE(test_rel_wanting_to_be_is_modal, "Gordon Brown wants to be part of the Labour government.",
     "Gordon Brown | be part of | Labour government | m")
CASE(test_rel_allegations_are_not_facts,
     "The tribunal is examining allegations that Kenteris avoided tests in Tel Aviv.",
     "Kenteris | avoid tests in | Tel Aviv | m")
CASE(test_rel_alongside_is_no_partner, "Van Persie was suspended alongside Dennis Bergkamp.",
     "!Van Persie | be suspended alongside | Dennis Bergkamp | e")
CASE(test_rel_verb_lemma_by_wordnet_first, "He lived in the United States.",
     "He | live in | United States", "!He | lower in | United States")

CASE(test_rel_bare_conjunct_borrows_no_subject,
     "Juan Gonzalez homered twice and Ivan Rodriguez added a shot as the Texas Rangers defeated "
     "the Cleveland Indians.",
     "!Juan Gonzalez | defeat | Cleveland Indians", "Ivan Rodriguez | add | a shot")
CASE(test_rel_series_of_verbs_shares_the_subject, "Chile signed the treaty, ratified it, and left.",
     "Chile | sign | the treaty", "Chile | ratify | it", "Chile | leave | ")

CASE(test_rel_a_people_is_no_actor_for_its_country,
     "Seven Iraqis forced the plane to fly to Britain.", "!Iraqis | force | plane | | sid=iraq",
     "Seven Iraqis | force | plane")
CASE(test_rel_national_leaders_are_no_country, "Rafsanjani accused top Iranian leaders.",
     "!Rafsanjani | accuse | Iranian leaders | | oid=iran")

CASE(test_rel_hyphenated_noun_stays_whole_in_label, "The king granted self-government to Scotland.",
     "The king | grant self-government to | Scotland", "!The king | grant government to | Scotland")

CASE(test_rel_former_stays_with_the_role, "Former Labour leader Neil Kinnock said it.",
     "Neil Kinnock | former leader of | Labour Party | e", "!Neil Kinnock | leader of | Labour")
CASE(test_rel_country_holds_only_offices, "UK star Jonny Wilkinson was injured.",
     "!Jonny Wilkinson | star of | United Kingdom", "Jonny Wilkinson | be | star")
CASE(test_rel_along_with_is_no_partner, "Lleyton Hewitt, along with Andy Roddick, won.",
     "!Lleyton Hewitt | win along with | Andy Roddick | e")
CASE(test_rel_present_with_a_day_to_come_is_scheduled,
     "Tim Henman plays Greg Rusedski on Wednesday.", "Tim Henman | play | Greg Rusedski | em")

CASE(test_rel_passive_reads_with_its_participle, "William Thackeray was born in India.",
     "William Thackeray | be born in | India | e", "!William Thackeray | be bear in | India")

CASE(test_rel_finished_list_is_no_subject,
     "Without players like Jonny Wilkinson, Mike Tindall and Richard Hill, England have lost two props.",
     "England | lose | two props", "!Mike Tindall | lose | two props",
     "!Richard Hill | lose | two props")
CASE(test_rel_denied_conjunct_negated,
     "The Labour Party will hold its conference in Manchester and not Blackpool.",
     "Labour Party | hold conference in | Blackpool | n", "Labour Party | hold conference in | Manchester | N")
CASE(test_rel_named_object_is_the_partner, "Mary Jones joined Diaghilev in Monte Carlo.",
     "Mary Jones | join | Diaghilev", "!Mary Jones | join in | Monte Carlo | e")
CASE(test_rel_object_with_preposition_is_misparse,
     "Ozzy Osbourne said his opinion had been lowered after 12 relatively trouble-free years in the US.",
     "!opinion | be lowered years in | US", "!Ozzy Osbourne | be lowered years in | US")
CASE(test_rel_noun_tagged_verb_is_no_clause,
     "A study of the 1993 Des Moines floods, from the Disaster Research Center, found errors.",
     "!Des Moines | flood from | Disaster Research Center")
CASE(test_rel_noun_before_gerund_is_its_subject,
     "Of course Frederick Forsyth is wrong about Britain winning the war against the IRA.",
     "Britain | win war against | IRA | e", "!Frederick Forsyth | win war against | IRA")
CASE(test_rel_participle_preposition_is_no_clause,
     "Michael Howard denied he was soft on crime, compared to the Labour Party.",
     "!Michael Howard | compare to | Labour Party", "!he | compare to | Labour Party")
CASE(test_rel_phrase_after_a_phrase_is_the_nouns,
     "Andre Agassi was delighted with victory over Nicolas Massu.",
     "!Andre Agassi | be delighted over | Nicolas Massu | e")
CASE(test_rel_person_is_no_place, "England have now lost two props in Julian White and Phil Vickery.",
     "!England | lose props in | Julian White | e",
     "!England | lose props in | Phil Vickery | e")
CASE(test_rel_nested_of_phrase_is_no_partner,
     "David Walliams played a range of misfit characters from an alternative Britain.",
     "!David Walliams | play range from | Britain | e")
CASE(test_rel_condition_is_modal, "If England slump in Dublin, Andy Robinson will be criticised.",
     "England | slump in | Dublin | m")
CASE(test_rel_claim_is_attributed,
     "Gordon Brown failed to deny claims he had once told Tony Blair that he was wrong.",
     "he | tell | Tony Blair | ma | by=claims")
CASE(test_rel_pronoun_subject_phrase_draws_no_edge,
     "Tony Blair arrived late. He spoke to reporters in London on Monday.",
     "He | speak to | reporters", "!He | speak in | London | e")
CASE(test_rel_name_on_an_of_list_is_no_apposition,
     "It smacks of the methods of Nazi Germany, Stalin's Russia, Ceausescu's Romania.",
     "!Russia | be methods of | Nazi Germany")
CASE(test_rel_alongside_apposition_is_no_partner,
     "Eric Clapton, alongside Buddy Guy, introduced the act.",
     "!Eric Clapton | be alongside | Buddy Guy | e")

/* a name after a verb of saying heads the clause it reports, when the
 * parser takes it for the object */
CASE(test_rel_named_object_of_say_is_its_clause_subject,
     "She said Mr Okafor and herself had no plans to resign.", "!She | say | Mr Okafor",
     "herself | have | no plans to resign")
/* a preposition the parser left inside an object is the label's */
CASE(test_rel_preposition_opening_an_object_joins_the_label,
     "Portugal could not get past Greece in the final.", "Portugal | get past | Greece | ne",
     "!Portugal | get | past Greece")
CASE(test_rel_to_phrase_parsed_as_object_keeps_to,
     "The suspects were taken to Belmarsh Prison by police.",
     "suspects | be taken to | Belmarsh Prison", "!suspects | be taken | Belmarsh Prison")
/* "put" says little without where or how: its phrase joins the label */
CASE(test_rel_put_takes_its_phrase_into_the_label, "The coach put Ivan Petrov on the bench.",
     "coach | put on bench | Ivan Petrov | | oid=ivan-petrov", "!coach | put | Ivan Petrov | e")
CASE(test_rel_put_in_charge, "The chairman put Anna Kowalski in charge of the bank.",
     "chairman | put in charge | Anna Kowalski | | oid=anna-kowalski")
CASE(test_rel_put_without_its_phrase_draws_no_edge, "Officials put Ivan Petrov there.",
     "Officials | put | Ivan Petrov", "!Officials | put | Ivan Petrov | | oid=ivan-petrov")
CASE(test_rel_particle_verb_keeps_its_object, "Bill Gates set up Microsoft in 1975.",
     "Bill Gates | set up | Microsoft | e")
CASE(test_rel_passive_particle_verb_read_actively,
     "The ministry was set up by Helmut Kohl in 1990.",
     "Helmut Kohl | set up | The ministry | | surf=set up")
/* "the Swedish branches of Warner Music" are the company's, in Sweden;
 * only a place is a country's ("the Peruvian city of Cusco") */
CASE(test_rel_branches_of_a_company_are_no_place,
     "A complaint was filed by the Swedish branches of Warner Music.",
     "!Warner Music | branch of | Sweden")
CASE(test_rel_city_of_a_country, "Stocks fell in the Peruvian city of Cusco.",
     "Cusco | city of | Peru | e")
/* "decided the practice discriminated": the object is the clause's subject */
CASE(test_rel_bare_complement_after_an_object_is_its_clause,
     "The Court of Appeal decided the practice discriminated against Microsoft.",
     "practice | discriminate against | Microsoft",
     "!Court of Appeal | decide to discriminate against | Microsoft")
/* a war that is opposed is no war of the one opposing it */
CASE(test_rel_possessor_of_opposition_wages_no_war,
     "Mr Galloway was expelled because of his opposition to the war on Iraq.",
     "his | opposition to | the war on Iraq", "!his | war on | Iraq")
/* "a man who said he was from MI6": he is the man, no one named */
CASE(test_rel_relative_subject_binds_the_pronoun,
     "Mr. Paul Dunn met a British man who said he was from MI6.", "he | be from | MI6",
     "!he | be from | MI6 | e")
/* a possessor the parser made the object: the phrase names the possessed */
CASE(test_rel_object_marked_possessive_names_the_possessed,
     "Maurice Greene could not catch Britain's Mark Lewis-Francis on the final leg.",
     "Greene | catch | Mark Lewis-Francis | n | oid=mark-lewis-francis",
     "!Greene | catch | Mark Lewis-Francis | | oid=united-kingdom")
/* a nationality before a trade places the person, it gives no office */
CASE(test_rel_nationality_before_a_trade_is_no_office,
     "The festival opened with a film by British director Sean McAllister.",
     "!Sean McAllister | director of | United Kingdom",
     "Sean McAllister | be | director")
/* a passive participle standing for a clause reads as a passive */
CASE(test_rel_participle_clause_reads_passive, "Arrested by police, Tom Rhodes was taken to Belmarsh Prison.",
     "Tom Rhodes | be arrested by | police", "!Tom Rhodes | arrest by | police")
/* a participle with its agent after the object tells of the object */
CASE(test_rel_agent_participle_after_object_is_the_objects,
     "Ricky Gervais received a special award, presented by Noel Gallagher.",
     "!Ricky Gervais | be presented by | Noel Gallagher",
     "!Ricky Gervais | present by | Noel Gallagher")
/* no label through a pronoun object: "anyone from X" is no relation to X */
CASE(test_rel_no_label_through_a_pronoun_object,
     "Mr Adams did not believe anyone from Channel 4 or producer Endemol had tried to place the "
     "bets.",
     "!Adams | believe anyone from | Channel 4")
/* "stressed it would be up to X": "it" is up to X, not the one stressing */
CASE(test_rel_copula_after_an_object_is_its_clause,
     "Nick Davies stressed it would be up to the American authorities to decide.",
     "!Nick Davies | be to | the American authorities",
     "!Nick Davies | be | up")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rel_title_with_demonym_holder),
        cmocka_unit_test(test_rel_title_inside_mention_with_org_holder),
        cmocka_unit_test(test_rel_title_before_name_accuses),
        cmocka_unit_test(test_rel_between_two_entities),
        cmocka_unit_test(test_rel_participle_borrows_subject),
        cmocka_unit_test(test_rel_possessive_nested_stops),
        cmocka_unit_test(test_rel_possessive_without_relation_relates_no_entities),
        cmocka_unit_test(test_rel_according_to_attributes_clause),
        cmocka_unit_test(test_rel_negation_and_modal),
        cmocka_unit_test(test_rel_refuse_negates),
        cmocka_unit_test(test_rel_coordinated_objects),
        cmocka_unit_test(test_rel_oblique_preposition_in_label),
        cmocka_unit_test(test_rel_passive_agent_read_actively),
        cmocka_unit_test(test_rel_apposition_role_for_org),
        cmocka_unit_test(test_rel_apposition_senior_fellow),
        cmocka_unit_test(test_rel_copula_noun_with_preposition),
        cmocka_unit_test(test_rel_speech_quoted_after),
        cmocka_unit_test(test_rel_intransitive),
        cmocka_unit_test(test_rel_phrasal_particle),
        cmocka_unit_test(test_rel_relative_clause_subject),
        cmocka_unit_test(test_rel_object_relative),
        cmocka_unit_test(test_rel_named_possessor_support),
        cmocka_unit_test(test_rel_light_verb_object),
        cmocka_unit_test(test_rel_coordinated_subjects),
        cmocka_unit_test(test_rel_never_negates),
        cmocka_unit_test(test_rel_affirmative_not_negated),
        cmocka_unit_test(test_rel_demonym_title_role),
        cmocka_unit_test(test_rel_coordinated_verbs_share_subject),
        cmocka_unit_test(test_rel_modal_control_verb),
        cmocka_unit_test(test_rel_passive_without_agent),
        cmocka_unit_test(test_rel_participle_with_agent_read_actively),
        cmocka_unit_test(test_rel_no_longer_negates),
        cmocka_unit_test(test_rel_speech_after_the_clause),
        cmocka_unit_test(test_rel_possessive_title_is_a_role),
        cmocka_unit_test(test_rel_believe_attributes),
        cmocka_unit_test(test_rel_speaker_not_attributed_outside_speech),
        cmocka_unit_test(test_rel_list_is_no_apposition),
        cmocka_unit_test(test_rel_label_at_most_four_words),
        cmocka_unit_test(test_rel_say_to_belongs_to_inner_verb),
        cmocka_unit_test(test_rel_object_of_say_is_the_clause_subject),
        cmocka_unit_test(test_rel_preposition_made_head_is_demoted),
        cmocka_unit_test(test_rel_title_run_names_its_last_word),
        cmocka_unit_test(test_rel_one_preposition_per_phrase),
        cmocka_unit_test(test_rel_nationality_is_no_office),
        cmocka_unit_test(test_rel_nationality_trade_is_no_office),
        cmocka_unit_test(test_rel_owner_before_nationality_holds_it),
        cmocka_unit_test(test_rel_copula_through_its_noun),
        cmocka_unit_test(test_rel_partitive_is_no_relation),
        cmocka_unit_test(test_rel_refused_between_people),
        cmocka_unit_test(test_rel_unseen_verb_form_lemma_from_wordnet),
        cmocka_unit_test(test_rel_who_after_a_name_is_that_person),
        cmocka_unit_test(test_rel_national_noun_is_its_country),
        cmocka_unit_test(test_rel_national_forces_act_for_the_country),
        cmocka_unit_test(test_rel_rank_after_office_is_no_role),
        cmocka_unit_test(test_rel_plural_title_is_no_role),
        cmocka_unit_test(test_rel_quote_before_its_reporter),
        cmocka_unit_test(test_rel_no_match_is_negated),
        cmocka_unit_test(test_rel_not_before_is_no_denial),
        cmocka_unit_test(test_rel_wanting_to_be_is_modal),
        cmocka_unit_test(test_rel_allegations_are_not_facts),
        cmocka_unit_test(test_rel_alongside_is_no_partner),
        cmocka_unit_test(test_rel_verb_lemma_by_wordnet_first),
        cmocka_unit_test(test_rel_bare_conjunct_borrows_no_subject),
        cmocka_unit_test(test_rel_series_of_verbs_shares_the_subject),
        cmocka_unit_test(test_rel_a_people_is_no_actor_for_its_country),
        cmocka_unit_test(test_rel_national_leaders_are_no_country),
        cmocka_unit_test(test_rel_hyphenated_noun_stays_whole_in_label),
        cmocka_unit_test(test_rel_former_stays_with_the_role),
        cmocka_unit_test(test_rel_country_holds_only_offices),
        cmocka_unit_test(test_rel_along_with_is_no_partner),
        cmocka_unit_test(test_rel_present_with_a_day_to_come_is_scheduled),
        cmocka_unit_test(test_rel_passive_reads_with_its_participle),
        cmocka_unit_test(test_rel_finished_list_is_no_subject),
        cmocka_unit_test(test_rel_denied_conjunct_negated),
        cmocka_unit_test(test_rel_named_object_is_the_partner),
        cmocka_unit_test(test_rel_object_with_preposition_is_misparse),
        cmocka_unit_test(test_rel_noun_tagged_verb_is_no_clause),
        cmocka_unit_test(test_rel_noun_before_gerund_is_its_subject),
        cmocka_unit_test(test_rel_participle_preposition_is_no_clause),
        cmocka_unit_test(test_rel_phrase_after_a_phrase_is_the_nouns),
        cmocka_unit_test(test_rel_person_is_no_place),
        cmocka_unit_test(test_rel_nested_of_phrase_is_no_partner),
        cmocka_unit_test(test_rel_condition_is_modal),
        cmocka_unit_test(test_rel_claim_is_attributed),
        cmocka_unit_test(test_rel_pronoun_subject_phrase_draws_no_edge),
        cmocka_unit_test(test_rel_name_on_an_of_list_is_no_apposition),
        cmocka_unit_test(test_rel_alongside_apposition_is_no_partner),
        cmocka_unit_test(test_rel_named_object_of_say_is_its_clause_subject),
        cmocka_unit_test(test_rel_preposition_opening_an_object_joins_the_label),
        cmocka_unit_test(test_rel_to_phrase_parsed_as_object_keeps_to),
        cmocka_unit_test(test_rel_put_takes_its_phrase_into_the_label),
        cmocka_unit_test(test_rel_put_in_charge),
        cmocka_unit_test(test_rel_put_without_its_phrase_draws_no_edge),
        cmocka_unit_test(test_rel_particle_verb_keeps_its_object),
        cmocka_unit_test(test_rel_passive_particle_verb_read_actively),
        cmocka_unit_test(test_rel_branches_of_a_company_are_no_place),
        cmocka_unit_test(test_rel_city_of_a_country),
        cmocka_unit_test(test_rel_bare_complement_after_an_object_is_its_clause),
        cmocka_unit_test(test_rel_possessor_of_opposition_wages_no_war),
        cmocka_unit_test(test_rel_relative_subject_binds_the_pronoun),
        cmocka_unit_test(test_rel_object_marked_possessive_names_the_possessed),
        cmocka_unit_test(test_rel_nationality_before_a_trade_is_no_office),
        cmocka_unit_test(test_rel_participle_clause_reads_passive),
        cmocka_unit_test(test_rel_agent_participle_after_object_is_the_objects),
        cmocka_unit_test(test_rel_no_label_through_a_pronoun_object),
        cmocka_unit_test(test_rel_copula_after_an_object_is_its_clause),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
