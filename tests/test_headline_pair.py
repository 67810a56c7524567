"""The headline model's "candidate_below_longer" feature (issue 9): a headline over its
standfirst has another candidate, longer, on the next line; the standfirst shares more of
the story's words and won without it. Also `bench/train_reader.py --layouts`, which fits
one layout's weights and keeps the other's. Pages are written to real files; every place
and person is invented."""

from __future__ import annotations

import json
from pathlib import Path

from test_headline_name_below import _features

from bench import train_reader
from builder.readers import text as text_reader

HEADLINE = "Want a Ferry That Runs All Winter? So Do the Islanders."
DEK = ("More crossings through the winter mean more islanders who stay on Askel, and that "
       "keeps the school, the shop and the harbour of Lindmoor open for everyone.")
STORY = [
    "Three hundred island families wrote to the harbour council this winter to keep the "
    "Askel crossing open through the winter months, and on Tuesday the council voted to "
    "keep the ferry running, the council's clerk said.",
    "The ferry had stopped each winter since the old quay at Askel was closed, and the "
    "islanders crossed on the mail boat twice a week, when the sea allowed it.",
    "Captain Odile Marrow, who has steered the ferry for twenty years, said her crew would "
    "be ready for the first winter crossing in December.",
]


def test_headline_over_a_longer_candidate(tmp_path: Path) -> None:
    """The headline has the longer standfirst, a candidate too, on the next line; the
    standfirst has no longer candidate under it, and the short label over the headline
    has the headline (longer) under it."""
    found = _features(tmp_path, ["Home", "News", "Ferries", HEADLINE, "", DEK, "",
                                 "March 4, 2025", "", *STORY])
    assert found[HEADLINE]["candidate_below_longer"] == 1.0
    assert found[DEK]["candidate_below_longer"] == 0.0


def test_a_longer_line_that_is_no_candidate_does_not_count(tmp_path: Path) -> None:
    """A bare name under the headline is no longer line, and the story's long paragraph
    is no candidate: the headline is not marked."""
    found = _features(tmp_path, ["Home", "News", HEADLINE, "March 4, 2025", "", *STORY])
    assert found[HEADLINE]["candidate_below_longer"] == 0.0


def _write_page(folder: Path, name: str, title: str) -> None:
    """A saved page and its browser paste, with its title in ground-truth.json."""
    (folder / "html").mkdir(parents=True, exist_ok=True)
    (folder / "paste").mkdir(exist_ok=True)
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    (folder / "html" / f"{name}.html").write_text(
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        f"<p>March 4, 2025</p>{paragraphs}</body></html>", encoding="utf-8")
    (folder / "paste" / f"{name}.txt").write_text(
        "\n".join(["Home", "Ferries", "Marta Quill and Ivo Tessaly", title, "March 4, 2025",
                   "", *STORY]) + "\n", encoding="utf-8")
    truth = folder / "ground-truth.json"
    known = json.loads(truth.read_text(encoding="utf-8")) if truth.is_file() else {}
    known[name] = {"url": f"https://lindmoor-courier.example/{name}", "title": title}
    truth.write_text(json.dumps(known), encoding="utf-8")


def test_fit_one_layout_keeps_the_other(tmp_path: Path) -> None:
    """`--layouts flush` fits the browser pastes' weights and copies the text browsers'
    weights (and figures) from the model in --out, a missing feature's weight as 0."""
    pages = tmp_path / "pages"
    for number in range(6):
        _write_page(pages, f"page{number}", f"Lindmoor ferry will run in winter {number}")
    shipped = json.loads(text_reader._MODEL_FILE.read_text(encoding="utf-8"))
    indented = dict(shipped["indented"])
    indented["weights"] = {name: weight for name, weight in indented["weights"].items()
                           if name != "candidate_below_longer"}
    out = tmp_path / "title.json"
    out.write_text(json.dumps({**shipped, "indented": indented}), encoding="utf-8")
    assert train_reader.main([str(pages), "--out", str(out), "--fit-only", "name_below",
                              "--layouts", "flush", "--epochs", "5",
                              "--exclude-corpus", str(tmp_path / "none")]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["indented"]["figures"] == shipped["indented"]["figures"]
    kept = {name: weight for name, weight in model["indented"]["weights"].items()}
    assert kept["candidate_below_longer"] == 0.0
    assert all(kept[name] == weight for name, weight in indented["weights"].items())
    assert "train paste" in model["flush"]["figures"]
    assert set(model["flush"]["weights"]) == set(text_reader.TITLE_FEATURES)
