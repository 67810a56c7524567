"""Show the people, organizations and places of a timeline of real articles, with their
event counts: the sample of issue 12's acceptance ("the people and organization index pages
have no function words, no doubled names and no acronym terms").

    python bench/entity_index.py [CORPUS] [--top 40] [--pages] [--json OUT.json]
    python bench/entity_index.py --traf /work/unseen/traf --aeb /work/unseen/aeb \
        [--half dev] [--every 3] [--pages] [--json OUT.json]

CORPUS (default ../shared/corpus beside the repository) is read in place: its saved pages
(`html/*.html`) and browser pastes (`paste/*.txt`) are copied into a new timeline in a
temporary folder, `timeline build` runs there, and the names of its event pages are counted.
tests/test_entity_index.py checks the same lists for leaks.

With --traf and --aeb the timeline is made of unseen pages instead, of one half
(`eval_unseen.in_half`: read the lists of `dev`, never those of `test`): every aeb page,
as its saved HTML, and every `--every`-th traf page, alternately its paste and its saved
HTML (never both of one page). --pages lists every name that gets a page (in
`entity_min_events` events or more; a lone first name gets none) and the most frequent
names without one; --json writes each kind's counts, to compare two versions.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import frontmatter

from builder.extract.entities import lone_first_name

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_unseen import in_half

_HERE = Path(__file__).resolve()
DEFAULT_CORPUS = next((folder / "shared" / "corpus" for folder in _HERE.parents[2:4]
                       if (folder / "shared" / "corpus" / "gold.jsonl").is_file()),
                      _HERE.parents[2] / "shared" / "corpus")
KINDS = ("people", "organizations", "places")
#: A name gets a page when this many events name it (the config's default).
MIN_EVENTS = 2


def corpus_seeds(corpus: Path) -> list[Path]:
    """The corpus's pastes and saved pages."""
    return sorted([*(corpus / "paste").glob("*.txt"), *(corpus / "html").glob("*.html")])


def unseen_seeds(traf: Path, aeb: Path, half: str, every: int) -> list[Path]:
    """Unseen pages of one half: aeb's saved pages, every `every`-th traf page as its paste
    or its saved page in turn."""
    seeds = [path for path in sorted((aeb / "html").glob("*.html")) if in_half(path.stem, half)]
    names = [path.stem for path in sorted((traf / "html").glob("*.html"))
             if in_half(path.stem, half)][::every]
    for number, name in enumerate(names):
        paste = traf / "paste" / f"{name}.txt"
        seeds.append(paste if number % 2 == 0 and paste.is_file()
                     else traf / "html" / f"{name}.html")
    return seeds


def build(seeds: list[Path], project: Path) -> str:
    """A timeline of `seeds` in `project`; the build's report."""
    subprocess.run([sys.executable, "-m", "builder", "init", str(project)], check=True,
                   capture_output=True)
    for seed in seeds:
        shutil.copy2(seed, project / "seeds" / seed.name)
    result = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=project,
                            capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr


def count(project: Path) -> tuple[int, dict[str, collections.Counter[str]]]:
    """(events, per kind: name -> number of events naming it)."""
    counts = {kind: collections.Counter[str]() for kind in KINDS}
    pages = sorted((project / "content" / "events").rglob("*.md"))
    for page in pages:
        front = frontmatter.loads(page.read_text(encoding="utf-8")).metadata
        for kind in KINDS:
            counts[kind].update(front.get(kind) or [])
    return len(pages), counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--traf", type=Path)
    parser.add_argument("--aeb", type=Path)
    parser.add_argument("--half", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--pages", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.traf and args.aeb:
        seeds = unseen_seeds(args.traf, args.aeb, args.half, args.every)
    elif (args.corpus / "paste").is_dir():
        seeds = corpus_seeds(args.corpus)
    else:
        print(f"{args.corpus}: no paste/ folder; give the corpus folder", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "timeline"
        print(f"{len(seeds)} seeds; " + build(seeds, project))
        events, counts = count(project)
    print(f"{events} events")
    if args.json:
        args.json.write_text(json.dumps({kind: dict(counter.most_common())
                                         for kind, counter in counts.items()},
                                        ensure_ascii=False, indent=0), encoding="utf-8")
    for kind, counter in counts.items():
        paged = sum(1 for number in counter.values() if number >= 2)
        print(f"\n{kind}: {len(counter)} names, {paged} in two events or more; top {args.top}:")
        print("; ".join(f"{name} {number}" for name, number in counter.most_common(args.top)))
    lone = [f"{name} {number}" for name, number in counts["people"].most_common()
            if number >= 2 and lone_first_name(name)]
    if args.pages:
        for kind, counter in counts.items():
            paged = [f"{name} {number}" for name, number in counter.most_common()
                     if number >= MIN_EVENTS and not (kind == "people" and lone_first_name(name))]
            print(f"\n{kind} with a page ({len(paged)}): " + "; ".join(paged))
            unpaged = [f"{name} {number}" for name, number in counter.most_common()
                       if number < MIN_EVENTS or (kind == "people" and lone_first_name(name))]
            print(f"{kind} without, most frequent: " + "; ".join(unpaged[:args.top]))
    print(f"\nlone first names in two events or more (entities.lone_first_name: a person of "
          f"one event each, no page): {len(lone)}: " + "; ".join(lone))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
