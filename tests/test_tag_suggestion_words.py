"""Which words a tag suggestion may be (issue 12): a lone word only when general English
uses it rarely and the articles use it as a noun; never a verb form or a generic noun;
multi-word phrases rank first; and nothing at all for text that is not English. Fictional
articles, read by the real `key_phrases`."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from builder.extract.keyphrases import Evidence, common_words, key_phrases
from builder.group import WordRarity
from builder.model import Article

FLAT = WordRarity(Counter(), 0)


def phrases(title: str, *paragraphs: str, limit: int = 5) -> list[str]:
    article = Article(seed="x.txt", title=title, paragraphs=list(paragraphs),
                      date=dt.date(2031, 1, 1))
    return key_phrases(Evidence.of([article]), FLAT, {}, limit)


def test_generic_words_and_verb_forms_are_not_suggested_alone() -> None:
    found = phrases(
        "Ways the state of Velmora found to save its desalination plant",
        "Ostrakan engineers were sworn in on Monday; the state has sworn to keep the "
        "desalination plant open, and there are ways to pay for the desalination.",
        "The state listed ways the desalination plant could run: the state, sworn to it, "
        "said the ways were many.",
        "Engineers were sworn in again; the desalination plant hired them.")
    assert found[0] == "desalination plant", found
    for word in ("ways", "state", "sworn"):
        assert word not in found, found
    assert common_words()["state"] > 5  # the list says why: "state" is a common word


def test_a_rare_noun_alone_is_suggested_but_not_an_adjective() -> None:
    found = phrases(
        "Velmora aqueduct stays intact after the tremor",
        "The aqueduct of Velmora stayed intact, Dr Ilse Varnholt said of the aqueduct.",
        "Inspectors said the old aqueduct was intact; the aqueduct carries water to Ostrakan.",
        "It remains intact.")
    assert "aqueduct" in found, found
    assert "intact" not in found, found


def test_a_page_in_another_language_gets_no_suggestion() -> None:
    german = phrases(
        "Velmora beginnt mit der Wasserrationierung am Ostrakan-Stausee",
        "Die Stadt Velmora hat am Montag mit der Wasserrationierung begonnen, nachdem der "
        "Ostrakan-Stausee auf ein Fünftel gefallen war, sagte Bürgermeisterin Ilse Varnholt.",
        "Die Wasserrationierung soll bis zum Frühjahrsregen dauern; Haushalte dürfen "
        "morgens vier Stunden Wasser zapfen. Die Wasserrationierung gilt auch für Gärten.",
        "Landwirte verlangen eine Ausnahme von der Wasserrationierung für ihre Obstgärten.")
    assert german == []
    english = phrases(
        "Velmora begins water rationing at the Ostrakan reservoir",
        "Velmora began water rationing on Monday after the reservoir fell to a fifth of its "
        "capacity, Mayor Ilse Varnholt said.",
        "The water rationing will last until the spring rains; households may draw water "
        "for four hours each morning. Water rationing also covers gardens.",
        "Farmers asked for an exemption from the water rationing for their orchards.")
    assert english[:1] == ["water rationing"], english


def test_a_phrase_holds_no_adverb_and_ends_in_no_participle() -> None:
    found = phrases(
        "Velmora weighs desalination capacity required for a superbly dry summer",
        "The desalination capacity required this summer is twice last year's, Dr Ilse "
        "Varnholt said of a superbly dry summer.",
        "Engineers in Ostrakan doubt the desalination capacity required can be built.",
        "A superbly dry summer is forecast; desalination capacity required by farms grows.")
    assert "desalination capacity" in found, found
    assert not any(phrase.endswith("required") or "superbly" in phrase
                   for phrase in found), found


def test_a_proper_noun_that_names_a_topic_is_suggested_but_not_a_name() -> None:
    found = phrases(
        "Velmora coders move their tools to Quillscript",
        "Developers in Velmora are rewriting their tools in Quillscript, Dr Ilse Varnholt "
        "told Ostrakans at a meetup.",
        "Varnholt said Quillscript runs faster; the Ostrakans asked whether Quillscript "
        "needs a compiler. Many Ostrakans use it, Varnholt said.",
        "Teams that moved to Quillscript report fewer bugs, Varnholt added.")
    assert "Quillscript" in found, found
    for name in ("varnholt", "ostrakan", "ilse"):
        assert not any(name in phrase.lower() for phrase in found), found


def test_an_organization_found_in_the_article_is_no_topic_name() -> None:
    article = Article(
        seed="x.txt", title="Velmora coders move their tools to Quillscript",
        paragraphs=["Developers in Velmora are rewriting their tools in Quillscript.",
                    "They said Quillscript runs faster, and asked whether Quillscript needs "
                    "a compiler.", "Teams that moved to Quillscript report fewer bugs."],
        date=dt.date(2031, 1, 1))
    assert "Quillscript" in key_phrases(Evidence.of([article]), FLAT, {}, 5)
    article.organizations = ["Quillscript"]  # the name tagger took it for a company
    assert "Quillscript" not in key_phrases(Evidence.of([article]), FLAT, {}, 5)
    # Organizations on the tagger's lists are none either, found or not.
    article.organizations = []
    for name in ("Quillscript", "Reuters"):
        text = [paragraph.replace("Quillscript", name) for paragraph in article.paragraphs]
        other = Article(seed="y.txt", title=article.title.replace("Quillscript", name),
                        paragraphs=text, date=article.date)
        assert (name in key_phrases(Evidence.of([other]), FLAT, {}, 5)) == (
            name == "Quillscript"), name
