"""Measure grouping on real multi-outlet story clusters: pairwise precision and recall.

The set is ECB+ (see tests/fixtures/ecbplus/README.md): news texts from many outlets, in
topics that each hold two different happenings of one kind (two rehab check-ins, two
earthquakes). Two texts are of one happening when they share topic and subtopic.

The texts carry no reliable dates, so two calendars are measured:

* **two days**: every `ecb` text on one day and every `ecbplus` text two days later, so
  each text is compared with the reports of some forty other happenings of its day (rehab
  stays, earthquakes, acquisitions, elections...), as on a busy news day; the two
  look-alike happenings of a topic, which happened years apart, are on different days;
* **one day**: all texts on the same day, the look-alike happenings included: a stress
  figure, since reports of the same kind of happening with the same people (two rehab stays
  of one actress) can only be told apart by what they say.

Each text becomes an Article as a reader would give it (first sentence the title, all
sentences its paragraphs, the host of its address its publisher), with its people, places
and organizations found by the extractor, and all go through `group_articles` at once.
A pair of texts is "together" when one group holds both.

Against fitting: the grouping's thresholds and rules were tuned on the odd-numbered topics
only ("development", also measured alone); the even-numbered ones are measured alone too
("held out"), grouped without the others.

The corpus's sentences are its tokens joined back, which splits decimals ("$2. 6 million",
"4. 6"); they are joined again here, as a page's text would have them.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from builder.extract.entities import extract_entities
from builder.group import group_articles
from builder.model import Article

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "ecbplus" / (
    "ecbplus-texts.jsonl.gz")
#: Pairwise (precision, recall) floors for CI, a little under the measured figures.
FLOORS = {"two days": (0.98, 0.83), "one day": (0.91, 0.82),
          "two days, development": (0.98, 0.80), "one day, development": (0.94, 0.79),
          "two days, held out": (0.98, 0.81), "one day, held out": (0.91, 0.81)}
FIRST_DAY = dt.date(2020, 1, 6)
_DECIMAL = re.compile(r"(\d)\. (\d)")


@dataclass
class Text:
    """One text of the set and its gold happening."""

    doc: str
    happening: str
    topic: int
    article: Article


@dataclass
class Score:
    """Pairwise counts."""

    guessed: int
    right: int
    gold: int

    @property
    def precision(self) -> float:
        return self.right / self.guessed if self.guessed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def read_texts(path: Path = SAMPLE) -> list[Text]:
    """The texts of the set, as articles with their entities (dates not yet set)."""
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            # the corpus's tokens joined back leave "$2. 6 million" and "4. 6" split
            sentences = [_DECIMAL.sub(r"\1.\2", s) for s in record["sentences"] if s.strip()]
            host = urlparse(record["url"]).hostname if record.get("url") else None
            # the first sentence is a headline (ecbplus) or a lede (ecb): title and text both
            article = Article(seed=record["doc"], title=sentences[0], paragraphs=sentences,
                              publisher=host)
            found = extract_entities(article.text, {})
            article.people, article.places = found.people, found.places
            article.organizations = found.organizations
            texts.append(Text(record["doc"], f"{record['topic']}-{record['subtopic']}",
                              record["topic"], article))
    return texts


def measure(texts: list[Text], one_day: bool) -> Score:
    """Group the texts on the given calendar and score the pairs."""
    for text in texts:
        later = not one_day and text.happening.endswith("ecbplus")
        text.article.date = FIRST_DAY + dt.timedelta(days=2 if later else 0)
    grouping = group_articles([text.article for text in texts])
    predicted = [[article.seed for article in group] for group in grouping.new]
    gold: dict[str, list[str]] = {}
    for text in texts:
        gold.setdefault(text.happening, []).append(text.doc)
    guessed, right = _pairs(predicted), _pairs(gold.values())
    return Score(len(guessed), len(guessed & right), len(right))


def _pairs(clusters: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for cluster in clusters
            for pair in itertools.combinations(sorted(set(cluster)), 2)}


def evaluate(path: Path = SAMPLE) -> dict[str, Score]:
    """Scores on both calendars, for all topics, for the development (odd) topics alone and
    for the held-out (even) topics alone."""
    texts = read_texts(path)
    development = [text for text in texts if text.topic % 2 == 1]
    held_out = [text for text in texts if text.topic % 2 == 0]
    return {"two days": measure(texts, one_day=False), "one day": measure(texts, one_day=True),
            "two days, development": measure(development, one_day=False),
            "one day, development": measure(development, one_day=True),
            "two days, held out": measure(held_out, one_day=False),
            "one day, held out": measure(held_out, one_day=True)}


def report(scores: dict[str, Score]) -> list[str]:
    """One line per calendar."""
    return [f"{name:<21} precision {score.precision:.3f} ({score.right}/{score.guessed})  "
            f"recall {score.recall:.3f} ({score.right}/{score.gold})"
            for name, score in scores.items()]


def below_floors(scores: dict[str, Score]) -> list[str]:
    """The calendars whose figures are under the CI floors, as messages."""
    failures = []
    for name, (precision, recall) in FLOORS.items():
        if scores[name].precision < precision:
            failures.append(f"{name}: precision {scores[name].precision:.3f} < {precision}")
        if scores[name].recall < recall:
            failures.append(f"{name}: recall {scores[name].recall:.3f} < {recall}")
    return failures
