"""Show the people, organizations and places of a timeline of real articles, with their
event counts: the sample of issue 12's acceptance ("the people and organization index pages
have no function words, no doubled names and no acronym terms").

    python bench/entity_index.py [CORPUS] [--top 40]

CORPUS (default ../shared/corpus beside the repository) is read in place: its saved pages
(`html/*.html`) and browser pastes (`paste/*.txt`) are copied into a new timeline in a
temporary folder, `timeline build` runs there, and the names of its event pages are counted.
tests/test_entity_index.py checks the same lists for leaks.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from builder.extract.entities import lone_first_name

_HERE = Path(__file__).resolve()
DEFAULT_CORPUS = next((folder / "shared" / "corpus" for folder in _HERE.parents[2:4]
                       if (folder / "shared" / "corpus" / "gold.jsonl").is_file()),
                      _HERE.parents[2] / "shared" / "corpus")
KINDS = ("people", "organizations", "places")


def build(corpus: Path, project: Path) -> str:
    """A timeline of the corpus's pages and pastes in `project`; the build's report."""
    subprocess.run([sys.executable, "-m", "builder", "init", str(project)], check=True,
                   capture_output=True)
    for seed in [*(corpus / "paste").glob("*.txt"), *(corpus / "html").glob("*.html")]:
        shutil.copy2(seed, project / "seeds" / seed.name)
    result = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=project,
                            capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr


def count(project: Path) -> tuple[int, dict[str, collections.Counter[str]]]:
    """(events, per kind: name -> number of events naming it)."""
    counts = {kind: collections.Counter[str]() for kind in KINDS}
    pages = sorted((project / "content" / "events").rglob("*.md"))
    for page in pages:
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        for kind in KINDS:
            counts[kind].update(front.get(kind) or [])
    return len(pages), counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    if not (args.corpus / "paste").is_dir():
        print(f"{args.corpus}: no paste/ folder; give the corpus folder", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "timeline"
        print(build(args.corpus, project))
        events, counts = count(project)
    print(f"{events} events")
    for kind, counter in counts.items():
        paged = sum(1 for number in counter.values() if number >= 2)
        print(f"\n{kind}: {len(counter)} names, {paged} in two events or more; top {args.top}:")
        print("; ".join(f"{name} {number}" for name, number in counter.most_common(args.top)))
    lone = [f"{name} {number}" for name, number in counts["people"].most_common()
            if number >= 2 and lone_first_name(name)]
    print(f"\nlone first names in two events or more (entities.lone_first_name: a person of "
          f"one event each, no page): {len(lone)}: " + "; ".join(lone))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
