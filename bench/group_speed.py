"""Benchmark: grouping one new article against thousands of existing events.

    python bench/group_speed.py [--events 10000]

Existing events are made from bench/build_speed.py's invented seeds (harbour-council stories
a few days apart): the first ten seeds are read and extracted as `timeline build` does, and
each event takes one of them as its pattern with its own item number and date (extracting
10,000 seeds would time the extractor, not grouping). Then one new seed is grouped against
them three ways: a cold start (a new process: every event profiled), a second call in the
same process (profiles in memory), and a new process that finds the cache file written by
the first (loading and saving the cache file are timed too). Prints the figures; the speed
goals live here, not in unit tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speed import write_seeds

from builder import group
from builder.extract import extract_article
from builder.model import Article, Event
from builder.readers import read_seed

REFERENCE = dt.date(2030, 1, 1)


def articles(folder: Path, count: int) -> list[Article]:
    write_seeds(folder, count)
    found = []
    for path in sorted(folder.iterdir()):
        article = read_seed(path, 10_000_000)
        article.seed = path.name
        found.append(extract_article(article, REFERENCE, {}, {}))
    return found


def events(patterns: list[Article], count: int) -> list[Event]:
    made = []
    start = dt.date(2019, 1, 1)
    for number in range(count):
        pattern = group.event_from([patterns[number % len(patterns)]])
        old = f"item {number % len(patterns)}"
        new = f"item {number}"
        made.append(dataclasses.replace(
            pattern, title=pattern.title.replace(old, new),
            summary=pattern.summary.replace(old, new), body=pattern.body.replace(old, new),
            date=start + dt.timedelta(days=3 * number), sources=[],
            path=f"{number:05d}.md"))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="group-bench-") as name:
        folder = Path(name)
        (folder / "seeds").mkdir()
        patterns = articles(folder / "seeds", 11)
        existing = events(patterns[:10], args.events)
        new = patterns[10]
        new.date = existing[-1].date  # a report of a day that has an event
        cache_file = folder / "grouping-cache"
        timings = []
        current = None
        for label, fresh in (("cold (every event profiled)", True),
                             ("again, same process", False),
                             ("new process, cache file", True)):
            start = time.perf_counter()
            if fresh or current is None:
                current = group.ProfileCache(cache_file)
            result = group.group_articles([new], existing, cache=current)
            current.save()
            timings.append((label, time.perf_counter() - start))
        for label, seconds in timings:
            print(f"{label:<30} {1000 * seconds:8.1f} ms")
        print(f"events: {len(existing)}; the new report joins: {result.into_existing or 'none'}")


if __name__ == "__main__":
    main()
