"""Extractors on the real seed (exact) and on small fictional texts (one rule each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.config import DEFAULT_ALIASES, DEFAULT_TAXONOMY, load_settings, spellings
from builder.extract import extract_article
from builder.extract.entities import extract_entities
from builder.extract.summary import extract_summary
from builder.extract.tags import extract_tags
from builder.readers import read_seed

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_4844bcb1a7dfeb11.txt"
ALIASES = spellings(DEFAULT_ALIASES)
#: The repo's own taxonomy (about the Ukraine talks) lives in its mkdocs.yml, not in code.
REPO_TAXONOMY = load_settings(SEED.parent.parent / "mkdocs.yml").taxonomy


def seed_article():  # type: ignore[no-untyped-def]
    article = read_seed(SEED, 1_000_000)
    return extract_article(article, dt.date(2026, 11, 26), ALIASES, REPO_TAXONOMY)


def test_seed_people_are_exactly_the_people_named() -> None:
    assert seed_article().people == ["Volodymyr Zelensky", "Donald Trump", "Steve Witkoff",
                                     "Jared Kushner", "Alexus Grynkewich", "Friedrich Merz"]


def test_seed_places_and_organizations() -> None:
    article = seed_article()
    assert article.places == ["Berlin", "Ukraine", "Russia", "Kyiv", "Moscow", "Donbas",
                              "Miami", "United States"]
    assert article.organizations == ["White House", "Senate", "U.S. Air Force", "NATO",
                                     "U.S. European Command", "U.S. Congress"]
    junk = {"Comments", "Monday", "He", "The U.S. side", "Article Five", "Zelensky", "Trump",
            "European", "Meanwhile", "Questions", "Gen.", "Europe"}
    assert not junk & set(article.people + article.places + article.organizations)


def test_seed_date_location_tags_summary() -> None:
    article = seed_article()
    assert article.date == dt.date(2025, 12, 17)
    assert article.location == "Berlin"
    assert article.review == ["year inferred"]
    assert article.tags == ["peace talks", "security guarantees", "diplomacy", "military"]
    assert article.summary.startswith("The U.S. has agreed to provide unspecified security")
    assert article.summary.endswith("with President Volodymyr Zelensky in Berlin.")


def test_a_surname_alone_resolves_to_the_full_name_and_titles_go() -> None:
    text = ("Mayor Ilse Varnholt of Port Veyra met harbour master Tomas Quennell. "
            "Varnholt said the channel would reopen. Quennell agreed. Gen. Brannock spoke too.")
    found = extract_entities(text, {}, ["Port Veyra"])
    assert found.people == ["Ilse Varnholt", "Tomas Quennell", "Brannock"]
    assert found.places == ["Port Veyra"]


def test_the_alias_table_gives_one_canonical_name() -> None:
    text = "Marta Ellisande spoke in Kelvane. Later, Dr. M. Ellisande repeated it."
    found = extract_entities(text, {"M. Ellisande": "Marta Ellisande"})
    assert found.people == ["Marta Ellisande"]


def test_organizations_by_word_and_acronym() -> None:
    text = ("The Veyran Harbour Authority and the Dunmark Ministry of Transport wrote to "
            "KORVAL, the coastal alliance, on Monday.")
    found = extract_entities(text, {})
    assert found.organizations == ["Veyran Harbour Authority", "Dunmark Ministry of Transport",
                                   "KORVAL"]
    assert found.people == []


def test_tags_match_at_word_starts_case_insensitively() -> None:
    taxonomy = {"ferries": ["ferr"], "storms": ["gale"], "courts": ["court"]}
    assert extract_tags("Ferry crossings resume after the GALE", taxonomy) == ["ferries",
                                                                               "storms"]
    assert extract_tags("A seaport reopened", taxonomy) == []


def test_no_tags_without_a_taxonomy_of_ones_own() -> None:
    assert DEFAULT_TAXONOMY == {}
    article = read_seed(SEED, 1_000_000)
    assert extract_article(article, dt.date(2026, 11, 26), ALIASES, DEFAULT_TAXONOMY).tags == []


def test_a_tag_needs_the_title_the_lede_or_several_body_hits() -> None:
    taxonomy = {"peace talks": ["negotiat", "peace deal"], "energy": ["energy"],
                "conflict": ["war"]}
    lede = "The Veyra council vetoed the noncompete bill on Tuesday."
    one_passing_word = "Lawyers had negotiated for months. The energy of the room was high."
    assert extract_tags(f"Council vetoes bill\n\n{lede}", taxonomy, one_passing_word) == []
    many = "Energy prices rose. The energy plan failed. Energy use fell."
    assert extract_tags(lede, taxonomy, many) == ["energy"]
    assert extract_tags("Peace deal signed in Ashmoor", taxonomy) == ["peace talks"]
    assert extract_tags("A warning was issued", taxonomy) == []  # "war" is a whole word
    assert extract_tags("The war ended", taxonomy) == ["conflict"]


def test_summary_is_the_first_sentence_bounded() -> None:
    assert extract_summary("The U.S. agreed. More later.") == "The U.S. agreed."
    long = "word " * 100
    summary = extract_summary(long)
    assert len(summary) <= 301 and summary.endswith("…")


def test_given_names_are_gender_guessers_own() -> None:
    """The one-pass reader of gender-guesser's data file gives exactly the detector's names."""
    from gender_guesser.detector import Detector

    from builder.extract.entities import gender_guesser_names

    assert gender_guesser_names() == set(Detector(case_sensitive=False).names)
