"""Benchmark: how long `timeline build` and `mkdocs build` take on thousands of events.

    python bench/build_speed.py [--events 2000] [--keep DIR]

Makes a fresh project in a temporary folder with N invented seeds (fictional harbour-council
stories, a few days apart), then times: the first `timeline build` (read, extract, group,
write N pages), a second one (nothing to do: every page unchanged), and `mkdocs build` of
the site. Prints the figures; the speed goals live here, not in unit tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOPICS = ["dredging", "ferry timetable", "harbour lights", "fish market", "sea wall",
          "pilot boats", "customs house", "lighthouse keepers", "quay cranes", "tide gauge"]


def write_seeds(seeds: Path, count: int) -> None:
    start = dt.date(2019, 1, 1)
    for number in range(count):
        day = start + dt.timedelta(days=3 * number)
        topic = TOPICS[number % len(TOPICS)]
        (seeds / f"bench-{number:05d}.txt").write_text(
            f"Port Veyra council votes on {topic}, item {number}\n- The Veyra Courier\n\n"
            f"PORT VEYRA, {day:%B} {day.day}, {day.year} -- Mayor Ilse Varnholt said the "
            f"council voted on the {topic} plan, item {number}, after a long debate.\n"
            f"Councillor Tomas Quennell of the Veyran Harbour Authority asked for the "
            f"{topic} budget to be reviewed next year.\n", encoding="utf-8")


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    project = folder / "project"
    timeline = [sys.executable, "-m", "builder"]
    subprocess.run([*timeline, "init", str(project)], check=True, capture_output=True)
    write_seeds(project / "seeds", args.events)
    first = timed([*timeline, "build", "-q"], project)
    second = timed([*timeline, "build", "-q"], project)
    site = timed([sys.executable, "-m", "mkdocs", "build", "-q"], project)
    pages = list((project / "content" / "events").rglob("*.md"))
    html = list((project / "site").rglob("*.html"))
    size = sum(path.stat().st_size for path in html)
    largest = max(path.stat().st_size for path in html)
    print(f"events: {len(pages)} pages from {args.events} seeds")
    print(f"timeline build, first:  {first:7.1f} s ({1000 * first / args.events:.1f} ms/seed)")
    print(f"timeline build, again:  {second:7.1f} s (nothing to do)")
    print(f"mkdocs build:           {site:7.1f} s, {len(html)} HTML files, "
          f"{size / 1e6:.1f} MB, largest {largest / 1e3:.0f} KB")
    print(f"project: {project}")


if __name__ == "__main__":
    main()
