"""The text reader and the dateline/date extractors on pasted-web-text seeds.

The fixtures in `tests/fixtures/seeds/` are invented articles (invented places, people and
organisations), each pasted in a different page layout. Every expected value below was
written by reading the fixture as a person would, not by copying the reader's output.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from builder.extract.dateline import extract_dateline
from builder.extract.dates import YEAR_INFERRED, find_date, infer_year, parse_written_date
from builder.model import Article, SeedError
from builder.readers import read_seed

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "seeds"
REAL_SEED = ROOT / "seeds" / "000_4844bcb1a7dfeb11.txt"
MAX_BYTES = 1_000_000
#: The "first build" day used to complete dates written without a year.
REFERENCE = dt.date(2026, 1, 15)

#: Page furniture that must never end up inside an article paragraph.
FURNITURE: tuple[str, ...] = (
    "Share", "Comments", "Subscribe", "4 min read", "3 hours ago", "Advertisement",
    "Read more", "- The Veyra Courier", "Skip to content", "Menu", "4 hours ago",
    "2 min read", "- Balitang Marino", "Source:", "\ufeff",
)

DatelineParts = tuple[str, str | None, str | None, str | None]


@dataclass
class Case:
    """What a person reads in one seed."""

    path: Path
    title: str
    publisher: str | None
    credit: str | None
    authors: list[str]
    published: dt.date | None
    paragraphs: int
    first_words: str
    last_words: str
    #: (city, region, date_text, agency) of the first paragraph's dateline.
    dateline: DatelineParts | None
    #: The event's day found from dateline and publication stamp, with REFERENCE.
    event_date: dt.date
    year_inferred: bool = False
    #: Checks the reader is known to get wrong: check name -> what it gets wrong.
    xfail: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.path.stem


def fixture(name: str, **values: Any) -> Case:
    return Case(path=FIXTURES / name, **values)


CASES: list[Case] = [
    fixture(
        "01_ap_port_veyra.txt",
        title="Port Veyra council orders emergency dredging after freighters run aground",
        publisher=None,
        credit=None,
        authors=["Amara Feldrecht", "Omar Kessling"],
        published=dt.date(2025, 12, 16),
        paragraphs=4,
        first_words="PORT VEYRA, Dunmark (AP) — The city council of Port Veyra voted",
        last_words="to pay part of the bill.",
        dateline=("Port Veyra", "Dunmark", None, "AP"),
        event_date=dt.date(2025, 12, 16),
    ),
    fixture(
        "02_reuters_londraven.txt",
        title="Dunmark central bank holds rates as krona steadies",
        publisher=None,
        credit=None,
        authors=["Priya Osterhagen"],
        published=dt.date(2025, 12, 3),
        paragraphs=5,
        first_words="LONDRAVEN, Dec 3 (Reuters) - The Bank of Dunmark left",
        last_words="against the Calvenian mark after the announcement.",
        dateline=("Londraven", None, "Dec 3", "Reuters"),
        event_date=dt.date(2025, 12, 3),
    ),
    fixture(
        "03_ap_brennick_falls.txt",
        title="Wildfire forces evacuation of 3,000 homes near Brennick Falls",
        publisher=None,
        credit=None,
        authors=["The Associated Press"],
        published=dt.date(2024, 3, 5),
        paragraphs=4,
        first_words="BRENNICK FALLS -- Firefighters battled a fast-moving grass fire",
        last_words="Two firefighters were treated for smoke inhalation.",
        dateline=("Brennick Falls", None, None, None),
        event_date=dt.date(2024, 3, 5),
    ),
    fixture(
        "04_wrapped_tolvere.txt",
        title="Tolvere rail workers end six-day strike after pay deal",
        publisher=None,
        credit=None,
        authors=["Elena Quillon"],
        published=dt.date(2025, 3, 12),
        paragraphs=4,
        # Crosses the first hard line break: wrapped lines must be joined with one space.
        first_words="TOLVERE, Calvenia — Rail workers in Tolvere went back to work early on "
                    "Wednesday after",
        last_words="and thanked passengers for their patience.",
        dateline=("Tolvere", "Calvenia", None, None),
        event_date=dt.date(2025, 3, 12),
    ),
    fixture(
        "05_courier_ashmoor.txt",
        title="Ashmoor floodgates hold as River Tamsel crests at record height",
        publisher="The Veyra Courier",
        credit="veyracourier.example",
        authors=[],
        published=None,
        paragraphs=4,
        first_words="ASHMOOR, March 3 ------ The new floodgates on the River Tamsel",
        last_words="More rain is forecast for the upper valley later in the week.",
        dateline=("Ashmoor", None, "March 3", None),
        event_date=dt.date(2025, 3, 3),
        year_inferred=True,
    ),
    fixture(
        "06_share_orlaine.txt",
        title="Kestria's parliament approves ban on single-use plastic cutlery",
        publisher=None,
        credit=None,
        authors=["Nadia Ombrecht"],
        published=dt.date(2025, 3, 14),
        paragraphs=5,
        first_words="ORLAINE, Kestria — Kestria's parliament on Friday approved a ban",
        last_words="will start at 500 marks for a first offence.",
        dateline=("Orlaine", "Kestria", None, None),
        event_date=dt.date(2025, 3, 14),
    ),
    fixture(
        "07_crlf_istravel.txt",
        title="Varnesse switches on its first offshore wind farm",
        publisher=None,
        credit=None,
        authors=["Henrik Maravel"],
        published=dt.date(2025, 11, 19),
        paragraphs=4,
        first_words="ISTRAVEL, Varnesse, Nov. 19 (AP) — Varnesse switched on its first",
        last_words="for compensation for lost fishing grounds.",
        dateline=("Istravel", "Varnesse", "Nov. 19", "AP"),
        event_date=dt.date(2025, 11, 19),
    ),
    fixture(
        "08_bom_etranville.txt",
        title="Calvenian museum returns stolen medieval altarpiece to Étranville",
        publisher=None,
        credit=None,
        authors=["Zoë Harcastel", "Tomás Lindrecht"],
        published=dt.date(2025, 6, 12),
        paragraphs=4,
        first_words="ÉTRANVILLE, Calvenia — A carved wooden altarpiece stolen",
        last_words="Police in Calvenia have never identified the thieves.",
        dateline=("Étranville", "Calvenia", None, None),
        event_date=dt.date(2025, 6, 12),
    ),
    fixture(
        "09_prnewswire_keldoran.txt",
        title="Halvorsk Marine Systems Opens Tidal Turbine Plant in Keldoran",
        publisher=None,
        credit=None,
        authors=[],
        published=dt.date(2024, 3, 5),
        paragraphs=4,
        first_words="KELDORAN, March 5, 2024 /PRNewswire/ -- Halvorsk Marine Systems, a maker",
        last_words="Production is scheduled to begin in June 2024.",
        dateline=("Keldoran", None, "March 5, 2024", "PRNewswire"),
        event_date=dt.date(2024, 3, 5),
    ),
    fixture(
        "10_afp_valdris.txt",
        title="Meridal court jails former minister for bribery",
        publisher=None,
        credit=None,
        authors=[],
        published=dt.date(2025, 4, 22),
        paragraphs=4,
        first_words="Valdris (AFP) - A court in the Meridalese capital Valdris on Tuesday",
        last_words="launched by Kaltenmark's successor, President Anton Veliskov.",
        dateline=("Valdris", None, None, "AFP"),
        event_date=dt.date(2025, 4, 22),
    ),
    fixture(
        "11_skip_menu_quellmarsh.txt",
        title="Quellmarsh votes to merge its two rival football clubs",
        publisher=None,
        credit=None,
        authors=["Sofia Drevanko"],
        published=dt.date(2025, 10, 4),
        paragraphs=4,
        first_words="QUELLMARSH, Meridal — Voters in Quellmarsh have approved a plan",
        last_words='said he accepted the result but was "heartbroken."',
        dateline=("Quellmarsh", "Meridal", None, None),
        event_date=dt.date(2025, 10, 4),
    ),
    fixture(
        "12_wrapped_greshavn.txt",
        title="Greshavn opens library in restored customs house",
        publisher=None,
        credit=None,
        authors=["Jonas Wetterlind"],
        published=dt.date(2025, 9, 8),
        paragraphs=4,
        first_words="GRESHAVN, Dunmark — The old customs house on Greshavn's waterfront "
                    "reopened on Monday",
        last_words="will open seven days a week.",
        dateline=("Greshavn", "Dunmark", None, None),
        event_date=dt.date(2025, 9, 8),
    ),
    Case(
        path=REAL_SEED,
        title="US officials say Washington has agreed to give Ukraine security guarantees "
              "in peace talks",
        publisher="Balitang Marino",
        credit="mb.com.ph",
        authors=[],
        published=None,
        paragraphs=7,
        first_words="BERLIN, December 17 ------ The U.S. has agreed to provide",
        last_words="from NATO countries being based on Ukrainian soil.",
        dateline=("Berlin", None, "December 17", None),
        event_date=dt.date(2025, 12, 17),
        year_inferred=True,
    ),
]


@cache
def read(path: Path) -> Article:
    return read_seed(path, MAX_BYTES)


def params(check: str) -> list[Any]:
    """One parameter per case for `check`, marked xfail where the reader is known wrong."""
    result = []
    for case in CASES:
        reason = case.xfail.get(check)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        result.append(pytest.param(case, id=case.id, marks=marks))
    return result


# --- The table itself ----------------------------------------------------------------------


def test_every_fixture_has_expectations() -> None:
    listed = {case.path.name for case in CASES if case.path.parent == FIXTURES}
    present = {path.name for path in FIXTURES.glob("*.txt")}
    assert listed == present
    assert len(present) >= 10


def test_fixture_layouts_are_what_they_claim() -> None:
    crlf = (FIXTURES / "07_crlf_istravel.txt").read_bytes()
    assert b"\r\n" in crlf
    assert b"\n" not in crlf.replace(b"\r\n", b"")
    bom = (FIXTURES / "08_bom_etranville.txt").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf")
    assert not bom[3:].startswith(b"\xef\xbb\xbf")
    for path in FIXTURES.glob("*.txt"):
        if path.name != "08_bom_etranville.txt":
            assert not path.read_bytes().startswith(b"\xef\xbb\xbf"), path.name


# --- Reader -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", params("title"))
def test_title(case: Case) -> None:
    assert read(case.path).title == case.title


@pytest.mark.parametrize("case", params("publisher"))
def test_publisher(case: Case) -> None:
    assert read(case.path).publisher == case.publisher


@pytest.mark.parametrize("case", params("credit"))
def test_credit(case: Case) -> None:
    assert read(case.path).credit == case.credit


@pytest.mark.parametrize("case", params("authors"))
def test_authors(case: Case) -> None:
    assert read(case.path).authors == case.authors


@pytest.mark.parametrize("case", params("published"))
def test_published(case: Case) -> None:
    assert read(case.path).published == case.published


@pytest.mark.parametrize("case", params("paragraphs"))
def test_paragraph_count(case: Case) -> None:
    assert len(read(case.path).paragraphs) == case.paragraphs


@pytest.mark.parametrize("case", params("first_words"))
def test_first_paragraph_opening(case: Case) -> None:
    assert read(case.path).paragraphs[0].startswith(case.first_words)


@pytest.mark.parametrize("case", params("last_words"))
def test_last_paragraph_ending(case: Case) -> None:
    assert read(case.path).paragraphs[-1].endswith(case.last_words)


@pytest.mark.parametrize("case", params("furniture"))
def test_no_furniture_in_paragraphs(case: Case) -> None:
    for paragraph in read(case.path).paragraphs:
        for furniture in FURNITURE:
            assert furniture not in paragraph, (furniture, paragraph[:80])


@pytest.mark.parametrize("case", params("clean_lines"))
def test_paragraphs_are_single_clean_lines(case: Case) -> None:
    for paragraph in read(case.path).paragraphs:
        assert paragraph == paragraph.strip()
        assert "\n" not in paragraph and "\r" not in paragraph
        assert "  " not in paragraph


def test_wrapped_paragraph_is_joined_exactly() -> None:
    article = read(FIXTURES / "04_wrapped_tolvere.txt")
    assert article.paragraphs[1] == (
        "The Calvenian Railway Workers' Union said its members had voted by a margin of "
        "roughly three to one to accept a 6.5% rise this year and a further 4% next year, "
        "along with a cap on weekend shifts for drivers."
    )


def test_furniture_between_lines_splits_paragraphs() -> None:
    """A 'Subscribe' line between two paragraphs with no blank line still separates them."""
    article = read(FIXTURES / "06_share_orlaine.txt")
    assert article.paragraphs[2].endswith('one for the country," she said.')
    assert article.paragraphs[3].startswith("Opposition lawmakers backed the goal")


def test_read_seed_matches_read_text_for_plain_file() -> None:
    from builder.readers.text import read_text

    path = FIXTURES / "01_ap_port_veyra.txt"
    direct = read_text(path.read_text(encoding="utf-8"), path.name)
    via_seed = read(path)
    assert direct.seed == via_seed.seed == path.name
    assert direct.paragraphs == via_seed.paragraphs


# --- Dateline and date of each seed -----------------------------------------------------------


@pytest.mark.parametrize("case", params("dateline"))
def test_dateline(case: Case) -> None:
    dateline = extract_dateline(read(case.path).paragraphs[0])
    found = None if dateline is None else (
        dateline.city, dateline.region, dateline.date_text, dateline.agency)
    assert found == case.dateline


@pytest.mark.parametrize("case", params("dateline_end"))
def test_dateline_end_is_where_the_story_starts(case: Case) -> None:
    paragraph = read(case.path).paragraphs[0]
    dateline = extract_dateline(paragraph)
    assert dateline is not None
    opening, rest = paragraph[:dateline.end], paragraph[dateline.end:]
    assert case.first_words.startswith(opening)
    assert opening.rstrip()[-1] in "-—–", opening
    assert rest[:1].isupper(), rest[:20]


@pytest.mark.parametrize("case", params("event_date"))
def test_event_date(case: Case) -> None:
    article = read(case.path)
    dateline = extract_dateline(article.paragraphs[0])
    date_text = dateline.date_text if dateline else None
    found = find_date(date_text, article.published, article.date_evidence, REFERENCE)
    assert found.date == case.event_date
    assert found.review == ((YEAR_INFERRED,) if case.year_inferred else ())


# --- find_date and friends --------------------------------------------------------------------


def test_year_inferred_from_reference() -> None:
    found = find_date("December 17", None, None, dt.date(2026, 11, 26))
    assert found.date == dt.date(2025, 12, 17)
    assert found.review == ("year inferred",)


def test_year_inferred_same_day_as_reference() -> None:
    found = find_date("November 26", None, None, dt.date(2026, 11, 26))
    assert found.date == dt.date(2026, 11, 26)
    assert found.review == (YEAR_INFERRED,)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (dt.date(2026, 3, 1), dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 29), dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 28), dt.date(2020, 2, 29)),
        (dt.date(2025, 1, 10), dt.date(2024, 2, 29)),
    ],
)
def test_february_29_without_year(reference: dt.date, expected: dt.date) -> None:
    assert parse_written_date("February 29") == (None, 2, 29)
    assert infer_year(2, 29, reference) == expected
    found = find_date("February 29", None, None, reference)
    assert found.date == expected
    assert found.review == (YEAR_INFERRED,)


@pytest.mark.parametrize(
    ("date_text", "published", "expected"),
    [
        ("March 5, 2024", None, dt.date(2024, 3, 5)),
        ("March 5, 2024", dt.date(2024, 3, 9), dt.date(2024, 3, 5)),
        # A year written in the dateline is trusted even when later than the reference.
        ("March 5, 2030", None, dt.date(2030, 3, 5)),
        ("Dec. 3, 2024", None, dt.date(2024, 12, 3)),
    ],
)
def test_date_with_year_is_used_as_is(date_text: str, published: dt.date | None,
                                      expected: dt.date) -> None:
    found = find_date(date_text, published, "timestamp", dt.date(2026, 11, 26))
    assert found.date == expected
    assert found.review == ()


def test_year_taken_from_publication_date() -> None:
    found = find_date("December 31", dt.date(2026, 1, 2), "timestamp", dt.date(2026, 11, 26))
    assert found.date == dt.date(2025, 12, 31)
    assert found.review == ()


def test_publication_date_alone() -> None:
    published = dt.date(2025, 7, 4)
    found = find_date(None, published, "timestamp 'Published July 4, 2025'", REFERENCE)
    assert found.date == published
    assert found.how == "timestamp 'Published July 4, 2025'"
    assert found.review == ()


def test_no_date_at_all_raises() -> None:
    with pytest.raises(SeedError):
        find_date(None, None, None, REFERENCE)


def test_impossible_day_raises() -> None:
    with pytest.raises(SeedError):
        find_date("February 30", None, None, REFERENCE)


def test_impossible_day_falls_back_to_publication_date() -> None:
    published = dt.date(2025, 2, 27)
    assert find_date("February 30", published, "timestamp", REFERENCE).date == published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 17", (None, 12, 17)),
        ("Dec 3", (None, 12, 3)),
        ("Nov. 19", (None, 11, 19)),
        ("March 3rd", (None, 3, 3)),
        ("24 December", (None, 12, 24)),
        ("Dec. 3, 2024", (2024, 12, 3)),
        ("March 5, 2024", (2024, 3, 5)),
        ("February 30", None),
        ("Yesterday evening", None),
        ("last week", None),
        ("today", None),
    ],
)
def test_parse_written_date(text: str, expected: tuple[int | None, int, int] | None) -> None:
    assert parse_written_date(text) == expected


# --- The xfail table names real checks ------------------------------------------------------

CHECKS = frozenset({
    "title", "publisher", "credit", "authors", "published", "paragraphs", "first_words",
    "last_words", "furniture", "clean_lines", "dateline", "dateline_end", "event_date",
})


def test_xfail_keys_name_real_checks() -> None:
    for case in CASES:
        assert set(case.xfail) <= CHECKS, case.id
