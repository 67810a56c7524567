"""A pasted page with no stamp anywhere but a day its story tells of is dated by that day,
flagged for review, not refused (issue 9: refuse a seed only when no date is on it at all);
and readers' comments never date a page. Fictional texts (Quellport, Odile Franke)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from builder.extract.dates import STORY_DATE
from builder.readers import read_seed

STORY = ("Saltmere grounds in fog off Quellport\n\n- Estuary Radio News archive\n\n"
         "The Saltmere went aground in thick fog off the north pier on the evening of 3 March "
         "2027, with a lorry of fish and 51 people on board.\n\n"
         "The lifeboat took everyone ashore, and harbour master Odile Franke closed the "
         "channel until the vessel floated off at midnight.\n")


def test_a_page_with_no_stamp_takes_the_day_its_story_tells_of(tmp_path: Path) -> None:
    seed = tmp_path / "archive.txt"
    seed.write_text(STORY, encoding="utf-8")
    article = read_seed(seed, 1_000_000)
    assert article.published == dt.date(2027, 3, 3)
    assert STORY_DATE in article.review
    assert "the story's opening tells of it" in (article.date_evidence or "")


def test_a_stamp_on_the_page_wins_over_the_day_the_story_tells_of(tmp_path: Path) -> None:
    seed = tmp_path / "stamped.txt"
    seed.write_text(STORY.replace("- Estuary Radio News archive",
                                  "- Estuary Radio News\n- Published 5 March 2027"),
                    encoding="utf-8")
    article = read_seed(seed, 1_000_000)
    assert article.published == dt.date(2027, 3, 5)
    assert STORY_DATE not in article.review
