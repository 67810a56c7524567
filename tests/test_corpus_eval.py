"""The readers measured on the development corpus (real pages, read at test time from
`../shared/corpus`, never copied into the repository), with the accuracy floors; and the
evaluation itself checked on a tiny fictional corpus made here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import evaluate

# `../shared/corpus` beside the repository (or beside the folder of worktrees it is in).
CORPUS = next((folder / "shared" / "corpus" for folder in Path(__file__).resolve().parents[2:4]
               if (folder / "shared" / "corpus" / "gold.jsonl").is_file()),
              Path(__file__).resolve().parents[2] / "shared" / "corpus")


@pytest.fixture(scope="module")
def measured() -> evaluate.Evaluation:
    if not (CORPUS / "gold.jsonl").is_file():
        pytest.skip(f"the development corpus is absent ({CORPUS} has no gold.jsonl): the "
                    "readers' accuracy floors are not checked here")
    return evaluate.evaluate(CORPUS)


def test_every_page_is_measured(measured: evaluate.Evaluation) -> None:
    assert measured.pages >= 100
    for kind in evaluate.KINDS:
        # Every page is scored but those whose rendering is empty (listed apart).
        empty = measured.empty.get(kind, [])
        assert len(empty) <= 3, empty
        assert measured.scores[(kind, "title")].total == measured.pages - len(empty)
    # Datelines exist on some pages only; they are counted, not assumed.
    assert 5 <= measured.scores[("html", "location")].total < measured.pages


def test_accuracy_floors(measured: evaluate.Evaluation) -> None:
    table = evaluate.format_table(measured)
    missed = evaluate.missed_floors(measured)
    assert not missed, "\n".join([*missed, "", table, "", evaluate.format_misses(measured)])


def test_dateline_location_on_saved_pages(measured: evaluate.Evaluation) -> None:
    """Where a page has a dateline, the HTML reader's first paragraph is the story's first
    paragraph, so the dateline extractor finds its city."""
    score = measured.scores[("html", "location")]
    assert score.ratio is not None and score.ratio >= 0.85, score.misses


# --- The measure itself, on a fictional corpus ------------------------------------------------

HTML = """<html><head><meta charset="utf-8">
<title>Port Veyra ferry timetable restored | Veyra Courier</title>
<meta property="og:title" content="Port Veyra ferry timetable restored">
<meta property="og:site_name" content="Veyra Courier">
<meta property="article:published_time" content="2025-05-02">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Port Veyra ferry timetable restored</h1>
<p>PORT VEYRA, May 2 (AP) — The full ferry timetable between Port Veyra and Ashmoor was
restored on Friday after repairs to the slipway at the Ashmoor terminal were finished ahead
of schedule, the operator said.</p>
<p>Harbour master Tomas Quennell said the morning crossings would run every half hour again
from Saturday, and that the weekend night boat would resume the following week.</p>
<p>Passengers had faced waits of up to two hours during the six weeks of repairs.</p>
</article><footer>Subscribe to the Veyra Courier newsletter</footer></body></html>"""

TEXT = """Skip to content
   * Home
   * News

Port Veyra ferry timetable restored

   By Ilse Varnholt
   May 2, 2025

   PORT VEYRA, May 2 (AP) — The full ferry timetable between Port Veyra and Ashmoor was restored on Friday after repairs to the slipway at the Ashmoor terminal were finished ahead of schedule, the operator said.

   Harbour master Tomas Quennell said the morning crossings would run every half hour again from Saturday, and that the weekend night boat would resume the following week.

   Passengers had faced waits of up to two hours during the six weeks of repairs.

Related Stories
     * Ashmoor slipway closes for six weeks of repairs
     * Veyra Courier newsletter: sign up today
"""  # noqa: E501 - a pasted page keeps its long lines

PASTE = """Skip to content
Home
News
Port Veyra ferry timetable restored
By Ilse Varnholt
May 2, 2025
PORT VEYRA, May 2 (AP) — The full ferry timetable between Port Veyra and Ashmoor was restored on Friday after repairs to the slipway at the Ashmoor terminal were finished ahead of schedule, the operator said.

Harbour master Tomas Quennell said the morning crossings would run every half hour again from Saturday, and that the weekend night boat would resume the following week.

Passengers had faced waits of up to two hours during the six weeks of repairs.

Related Stories
Ashmoor slipway closes for six weeks of repairs
Veyra Courier newsletter: sign up today
"""  # noqa: E501 - a pasted page keeps its long lines


def _corpus(tmp_path: Path, title: str) -> Path:
    (tmp_path / "html").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "paste").mkdir()
    (tmp_path / "paste" / "001.txt").write_text(PASTE, encoding="utf-8")
    (tmp_path / "html" / "001.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "text" / "001.txt").write_text(TEXT, encoding="utf-8")
    gold = {"n": 1, "url": "https://veyracourier.example/ferry", "domain": "veyracourier.example",
            "html": "html/001.html", "text": "text/001.txt", "title": title,
            "date": "2025-05-02", "author": "Ilse Varnholt",
            "body_snippets": ["restored on Friday after repairs", "waits of up to two hours"],
            "junk_snippets": ["Ashmoor slipway closes", "Home"],
            "checks": {"date_in_html": True, "date_in_text": True}}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return tmp_path


def test_a_fictional_corpus_is_scored_field_by_field(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "Port Veyra ferry timetable restored")
    result = evaluate.evaluate(corpus)
    for kind in evaluate.KINDS:
        for name in ("title", "date", "body", "junk"):
            assert result.scores[(kind, name)].ratio == 1.0, (kind, name, result.scores)
    assert result.scores[("html", "publisher")].ratio == 1.0  # "Veyra Courier" ~ veyracourier
    for kind in ("text", "paste"):
        assert result.scores[(kind, "author")].ratio == 1.0
        assert result.scores[(kind, "location")].hits == 1
        assert result.scores[(kind, "summary")].ratio == 1.0
        assert result.scores[(kind, "read")].ratio == 1.0
    assert evaluate.main(corpus, floors=True) == 0


def test_a_missed_floor_fails_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path, "A headline that is on neither page")
    assert evaluate.main(corpus, floors=True) == 1
    out = capsys.readouterr().out
    floors = " / ".join(f"{evaluate.FLOORS[(kind, 'title')]:.2f}" for kind in evaluate.KINDS)
    assert f"| title (folded) | 0.000 (0/1) | 0.000 (0/1) | 0.000 (0/1) | {floors} |" in out
    assert "below the floor" in out
    assert evaluate.main(corpus, floors=False) == 0


def test_no_corpus_is_said_plainly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(tmp_path / "nowhere", floors=True) == 2
    assert "no corpus at" in capsys.readouterr().out


@pytest.mark.parametrize(("publisher", "domain", "expected"), [
    ("Los Angeles Times", "latimes.com", True),
    ("The Guardian", "theguardian.com", True),
    ("BBC News", "bbc.com", True),
    ("Tone Deaf", "tonedeaf.thebrag.com", True),
    ("Mail Online", "dailymail.co.uk", False),
    (None, "latimes.com", False),
    ("Evening Standard", "standard.co.uk", True),
    ("Intelligencer", "nymag.com", False),
])
def test_names_site(publisher: str | None, domain: str, expected: bool) -> None:
    assert evaluate.names_site(publisher, domain) is expected


def test_titles_fold_case_quotes_and_space() -> None:
    assert evaluate.fold("WHAT IT’S  LIKE") == evaluate.fold("What it's like")
    assert evaluate.fold("A — B") == evaluate.fold("a - b")
    assert evaluate.fold("Port Veyra") != evaluate.fold("Port Veyra Harbour")


def test_an_empty_rendering_is_listed_not_scored(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """A paste that holds nothing (the browser showed no text) is named under the table and
    left out of every figure of that rendering, as a date the rendering does not show is."""
    corpus = _corpus(tmp_path, "Port Veyra ferry timetable restored")
    (corpus / "paste" / "001.txt").write_text("\n", encoding="utf-8")
    result = evaluate.evaluate(corpus)
    assert result.empty == {"paste": ["001 veyracourier.example"]}
    assert ("paste", "title") not in result.scores
    assert result.scores[("text", "title")].ratio == 1.0
    assert evaluate.main(corpus, floors=False) == 0
    assert "not scored, the browser paste is empty: 001 veyracourier.example" in (
        capsys.readouterr().out)
