"""People and organisations read from the article: places are no people, documents and
facilities no organisations, and a person named once after an organisation is found. Texts
written for these tests, one per class."""

from __future__ import annotations

from summariser.articles.load import article_from_text
from summariser.pipeline.article_names import article_names


def _names(text: str) -> tuple[list[str], list[str]]:
    # the first line is the article's title, which is no body sentence
    found = article_names(article_from_text("A report\n\n" + text, path="test"))
    return [p.name for p in found.people], found.organisations


def test_a_name_opening_with_a_place_word_is_no_person() -> None:
    people, _ = _names("The minister held talks with officials in Moscow and St. Petersburg. "
                       "Minister Ivan Petrov said the talks went well.")
    assert people == ["Ivan Petrov"]


def test_a_name_the_text_calls_a_port_or_city_is_no_person() -> None:
    people, _ = _names("Ships will use the Bandar Abbas port from May. Trade through "
                       "Bandar Abbas grew. Officials in the city of Port Vila agreed.")
    assert people == []


def test_documents_and_facilities_are_no_organisations() -> None:
    _, orgs = _names(
        "Both sides respect the UN Charter, the minister said. The plane landed at the Astra "
        "Khan International Airport. The International North-South Transport Corridor "
        "(INSTC) is a route. The INSTC carries goods. The Shanghai Cooperation Organization "
        "said that its members would meet again in the spring.")
    assert orgs == ["Shanghai Cooperation Organization"]


def test_a_railway_company_stays_an_organisation() -> None:
    # WordNet has a railway as an organisation too, so the class does not drop it
    _, orgs = _names("The Kazakhstan Temir Railway said on Monday that freight rose.")
    assert orgs == ["Kazakhstan Temir Railway"]


def test_a_person_named_after_the_organisation_they_speak_for() -> None:
    people, orgs = _names("Caretaker of the Mines Ministry Mehrabian met the visitors. Later "
                          "Mehrabian said ties would grow. The ministry said so too.")
    assert people == ["Mehrabian"]
    assert "Ministry Mehrabian" not in orgs


def test_an_organisation_with_of_keeps_its_name() -> None:
    people, orgs = _names("The New South Wales Court of Criminal Appeal ruled on the case "
                          "late on Friday after a long hearing. "
                          "The court said the case was closed.")
    assert people == []
    assert orgs == ["New South Wales Court of Criminal Appeal"]


def test_a_name_written_before_its_state_province_or_country_is_a_place() -> None:
    people, _ = _names("A freight train came off the tracks near Glen Carbon, Illinois, on "
                       "Monday night. Crews from Glen Ridge, New Jersey helped. Talks were held "
                       "in Bela Vista, Brazil last week. Residents of Glen Carbon stayed inside. "
                       "Officer Maria Lopez said the line would reopen.")
    assert people == ["Maria Lopez"]


def test_a_person_before_a_state_and_a_title_stays_a_person() -> None:
    # ', Texas governor': the state qualifies the title after it, the name is a person's
    people, _ = _names("Greg Abbott, Texas governor, spoke on Monday. Abbott said the state "
                       "would help.")
    assert people == ["Greg Abbott"]


def test_a_name_made_of_ordinary_words_only_is_no_person() -> None:
    # a building, an agency's parts, an event: every word a lower-case dictionary word
    people, _ = _names("Reporters waited at the White House for the decision. The Consumer "
                       "Safety and Public Health office reviewed it before the Grand Slam. "
                       "Minister Ivan Petrov said the review was over.")
    assert people == ["Ivan Petrov"]


def test_a_first_name_the_dictionary_has_capitalised_keeps_the_person() -> None:
    # 'Scott', 'Will' and 'Grace' are in Webster's capitalised, as given names, too
    people, _ = _names("On Friday Scott White admitted the charge. Neither Will Smith nor "
                       "Grace Park was there, the court said.")
    assert people == ["Scott White", "Will Smith", "Grace Park"]


def test_the_title_before_a_name_is_no_part_of_it() -> None:
    people, _ = _names(
        "The plan was set out on Monday by Secretary of Commerce Anna Korvald in a speech to "
        "the members. It was praised by the company's Vice President of Government Relations "
        "Olaf Brandt in a short note. A letter from Sen. Maria Lindqvist followed, and Chief "
        "Inspector Tomas Ekberg spoke last.")
    assert people == ["Anna Korvald", "Olaf Brandt", "Maria Lindqvist", "Tomas Ekberg"]


def test_a_given_name_webster_has_only_as_an_old_word_keeps_the_person() -> None:
    # 'rory' and 'clint' are old lower-case words of Webster's that WordNet does not have; a
    # name the article writes after 'the' is still a thing's ('the Ryder Cup')
    people, _ = _names("On Friday Rory Burns was caught on the boundary, and Clint Hill scored "
                       "twice before he flew home to play in the Ryder Cup.")
    assert people == ["Rory Burns", "Clint Hill"]


def test_a_name_after_an_honorific_is_a_person_named_once() -> None:
    people, _ = _names("Miss Muller told the court she had been afraid. Janet Muller, 42, "
                       "denied the charge.")
    assert people == ["Janet Muller"]


def test_a_possessive_ends_another_name_before_the_person() -> None:
    people, _ = _names("Sky's Geraint Thomas won the stage. The orchestra played Handel's "
                       "Messiah with Boston's Handel and Haydn Society.")
    assert people == ["Geraint Thomas"]


def test_a_person_named_in_part_is_listed_once_under_the_fullest_name() -> None:
    people, _ = _names("Cameron Bure spoke first at the event on Monday. Later Candace Cameron "
                       "Bure said the show would return. Wang Xiaolu said the plan was new. "
                       "Mr Wang added that it would cost more.")
    assert people == ["Candace Cameron Bure", "Wang Xiaolu"]


def test_a_town_before_a_brazilian_state_is_a_place() -> None:
    # Brazil's states are subdivisions too, with or without their accents
    people, _ = _names("The farm lies near Nova Santa Rita, Mato Grosso, and another near "
                       "Campo Verde, Sao Paulo. Officer Elizeu Santos da Silva said the "
                       "cattle were moved to Rio de Janeiro.")
    assert people == ["Elizeu Santos da Silva"]


def test_a_title_the_article_also_writes_in_lower_case_still_names_the_person() -> None:
    # 'vice president' in lower case does not make 'President Biden' a bare 'Biden'; a title's
    # modifier alone ('First') names no one
    people, _ = _names("A senior vice president spoke first. The law was signed by President "
                       "Biden in August, under the First Amendment.")
    assert people == ["Biden"]


def test_a_rank_or_a_word_for_a_role_before_a_full_name_is_no_part_of_it() -> None:
    people, _ = _names("The court heard that PC Siobhan Kerr was first at the scene, and Det Ch "
                       "Insp Bev Holm led the inquiry. Later Det Holm said the case was "
                       "closed. The statement was read by Commissioner Mark Abbey in Los "
                       "Angeles.")
    assert people == ["Siobhan Kerr", "Bev Holm", "Mark Abbey"]
