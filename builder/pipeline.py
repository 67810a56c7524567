"""seeds -> event pages, with a report of what happened to each seed.

read -> extract -> group -> write. A seed that already has a page is never read again: the
page is the source of truth once written (its date is never recomputed), and a page whose
bytes differ from what the builder wrote was edited by a person and is kept as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from builder import store
from builder.config import Settings
from builder.extract import extract_article
from builder.group import group_articles
from builder.model import Article, Problem, SeedError
from builder.readers import is_seed, read_seed


class Outcome(str, Enum):
    CREATED = "created"
    UNCHANGED = "unchanged"
    KEPT = "kept (edited by hand)"
    DELETED = "not restored (its page was deleted by hand)"
    FAILED = "failed"


@dataclass(frozen=True)
class SeedReport:
    seed: str
    outcome: Outcome
    page: str | None = None
    detail: str | None = None

    def __str__(self) -> str:
        text = f"{self.outcome.value:<10} {self.seed}"
        if self.page:
            text += f" -> {self.page}"
        if self.detail:
            text += f": {self.detail}"
        return text


@dataclass
class BuildReport:
    seeds: list[SeedReport] = field(default_factory=list)
    page_problems: list[Problem] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for report in self.seeds if report.outcome is outcome)

    @property
    def failed(self) -> bool:
        return self.count(Outcome.FAILED) > 0


Progress = Callable[[int, int, str], None]


def list_seeds(seeds_dir: Path) -> list[Path]:
    """Seed files in the seeds folder, sorted by name."""
    if not seeds_dir.is_dir():
        return []
    return sorted((path for path in seeds_dir.iterdir() if path.is_file() and is_seed(path)),
                  key=lambda path: path.name)


def build(settings: Settings, reference: dt.date | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Turn new seeds into event pages; report on every seed."""
    reference = reference or settings.reference_date or dt.date.today()
    events_dir = settings.events_dir
    index = store.load_pages(events_dir, settings.config_file.parent)
    state = store.load_state(events_dir)
    report = BuildReport(page_problems=[p for p in index.problems if p.severity == "error"])
    seeds = list_seeds(settings.seeds_dir)
    articles: list[Article] = []
    for number, path in enumerate(seeds, 1):
        if progress is not None:
            progress(number, len(seeds), path.name)
        existing = _existing(path.name, index, state)
        if existing is not None:
            report.seeds.append(existing)
            continue
        try:
            article = read_seed(path, settings.max_seed_bytes)
            articles.append(extract_article(article, reference, settings.aliases,
                                            settings.taxonomy))
        except SeedError as error:
            report.seeds.append(SeedReport(path.name, Outcome.FAILED, detail=str(error)))
    taken = set(index.paths) | {written.page for written in state.values()}
    for event in group_articles(articles):
        relative = store.page_path_for(event, taken)
        taken.add(relative)
        written = store.write_event(events_dir, relative, event)
        for seed in event.seeds:
            state[seed] = written
            report.seeds.append(SeedReport(seed, Outcome.CREATED, relative))
    if articles:
        store.save_state(events_dir, state)
    report.seeds.sort(key=lambda r: r.seed)
    return report


def _existing(seed: str, index: store.PageIndex, state: dict[str, store.Written]
              ) -> SeedReport | None:
    """The report for a seed that was built before, or None if it is new."""
    page = index.by_seed.get(seed)
    written = state.get(seed)
    if page is None:
        if written is None:
            return None
        if written.page in index.paths:  # the page is there but unreadable: never rewrite it
            return SeedReport(seed, Outcome.KEPT, written.page,
                              "the page has problems: run `timeline check`")
        return SeedReport(seed, Outcome.DELETED, written.page)
    if written is not None and written.page == page and index.sha256.get(page) == written.sha256:
        return SeedReport(seed, Outcome.UNCHANGED, page)
    return SeedReport(seed, Outcome.KEPT, page)
