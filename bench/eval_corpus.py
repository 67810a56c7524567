"""Print the readers' per-field accuracy on the development corpus; exit 1 below a floor.

    python bench/eval_corpus.py [CORPUS] [--misses] [--no-floors]

CORPUS defaults to ../shared/corpus beside the repository. `--misses` lists every miss,
page by page, to see what goes wrong. See builder/evaluate.py for what is measured.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from builder import evaluate

_HERE = Path(__file__).resolve()
DEFAULT_CORPUS = next((folder / "shared" / "corpus" for folder in _HERE.parents[2:4]
                       if (folder / "shared" / "corpus" / "gold.jsonl").is_file()),
                      _HERE.parents[2] / "shared" / "corpus")


def run(argv: list[str] | None = None) -> int:
    """Parse the arguments and run the evaluation."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--no-floors", action="store_true", help="exit 0 even below a floor")
    args = parser.parse_args(argv)
    if not args.misses:
        return evaluate.main(args.corpus, floors=not args.no_floors)
    if not (args.corpus / "gold.jsonl").is_file():
        print(f"no corpus at {args.corpus}")
        return 2
    result = evaluate.evaluate(args.corpus)
    print(evaluate.format_misses(result))
    print()
    print(evaluate.format_table(result))
    missed = evaluate.missed_floors(result)
    for line in missed:
        print(f"  below the floor: {line}")
    return 1 if missed and not args.no_floors else 0


if __name__ == "__main__":
    sys.exit(run())
