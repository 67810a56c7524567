"""People, places and organizations found on unseen news pages (no gold), to see what a
rule change adds and drops on pages no rule was fitted to.

    .venv/bin/python bench/entity_unseen.py dump OUT.json [--aeb /work/unseen/aeb]
        [--traf /work/unseen/traf] [--half dev|test|all] [--every 3]
    .venv/bin/python bench/entity_unseen.py diff BEFORE.json AFTER.json

`dump` reads every aeb page and every `--every`-th traf page (sorted by name) as their lynx
text (`text/NAME.txt`, read by the builder's reader as a seed), keeps the pages of one half
(`eval_unseen.in_half`: fit a rule on `dev`, report `test`), runs the entity extractor on
each article's text as a build does (the dateline taken off) and writes the names found.
`diff` lists, per kind, the names one dump has and the other not, page by page, and the
counts. Run `dump` with each version's code (e.g. a copy of the base commit on PYTHONPATH
in a virtualenv without the editable install) and `diff` the two files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import builder.extract.entities  # noqa: F401  (before eval_unseen puts this checkout first)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_unseen import _read, in_half

KINDS = ("people", "places", "organizations")


def pages(aeb: Path, traf: Path, half: str, every: int) -> list[Path]:
    """The lynx text pages read: all of aeb, every `every`-th of traf, in one half."""
    chosen = sorted((aeb / "text").glob("*.txt"))
    chosen += sorted((traf / "text").glob("*.txt"))[::every]
    return [path for path in chosen if path.suffix and in_half(path.stem, half)]


def found(path: Path) -> dict[str, list[str]] | None:
    """The names the extractor finds in one page's article, as a build runs it."""
    from builder.extract import entity_text
    from builder.extract.entities import extract_entities

    article = _read(path)
    if article is None or not article.paragraphs:
        return None
    entities = extract_entities(entity_text(article)[0], {})
    return {kind: list(getattr(entities, kind)) for kind in KINDS}


def dump(out: Path, aeb: Path, traf: Path, half: str, every: int) -> None:
    """Write {collection/page: {kind: names}} for the chosen pages."""
    result: dict[str, dict[str, list[str]]] = {}
    for path in pages(aeb, traf, half, every):
        names = found(path)
        if names is not None:
            result[f"{path.parent.parent.name}/{path.stem}"] = names
    out.write_text(json.dumps(result, indent=0, ensure_ascii=False), encoding="utf-8")
    print(f"{len(result)} pages -> {out}")


def diff(before: Path, after: Path) -> None:
    """Print the names added and dropped, per kind and page, and their counts."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    counts = {kind: [0, 0] for kind in KINDS}
    for page in sorted(set(old) | set(new)):
        for kind in KINDS:
            was = set(old.get(page, {}).get(kind, []))
            now = set(new.get(page, {}).get(kind, []))
            if was != now:
                counts[kind][0] += len(now - was)
                counts[kind][1] += len(was - now)
                print(f"{page[:24]} {kind}: + {sorted(now - was)}  - {sorted(was - now)}")
    for kind, (added, dropped) in counts.items():
        print(f"{kind}: +{added} -{dropped}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("dump")
    one.add_argument("out", type=Path)
    one.add_argument("--aeb", type=Path, default=Path("/work/unseen/aeb"))
    one.add_argument("--traf", type=Path, default=Path("/work/unseen/traf"))
    one.add_argument("--half", choices=("all", "dev", "test"), default="dev")
    one.add_argument("--every", type=int, default=3)
    two = sub.add_parser("diff")
    two.add_argument("before", type=Path)
    two.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.aeb, args.traf, args.half, args.every)
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
