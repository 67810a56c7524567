"""Benchmark: how long the seed readers take on large and awkward pasted texts.

    python bench/read_speed.py [--max-bytes 5000000]

Reading must be linear in the size of the seed (issue 8, item 5). Each case is a fictional
text made here, written to a temporary file and read with `read_seed`, as `timeline build`
does; the time and the time per 100 KB are printed, so that a case that grows faster than its
size shows. The goals live here, not in unit tests: 5,000 short lines well under a second, and
any seed up to `max_seed_bytes` (the default, 5 MB) in seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from builder.model import SeedError
from builder.readers import read_seed

HEADER = ("Harbour council in Port Veyra votes on the new sea wall\n- Veyra Courier\n"
          "- 3 hours ago\n\n")
SENTENCE = ("The harbour council of Port Veyra met on Tuesday evening to discuss the plans for "
            "the new sea wall, which the engineers say will last for a century. ")


def short_lines(size: int) -> str:
    """Lines of three or four words, no blank lines between them (the worst case for
    joining wrapped lines)."""
    words = ["quay", "crane", "tide", "gauge", "ferry", "pilot", "boat", "lighthouse"]
    lines = []
    total = len(HEADER)
    index = 0
    while total < size:
        line = " ".join(words[(index + k) % len(words)] for k in range(3 + index % 2))
        lines.append(line)
        total += len(line) + 1
        index += 1
    return HEADER + "\n".join(lines) + "\n"


def repeated_bylines(size: int) -> str:
    """The same byline and stamp lines, over and over."""
    unit = "By Ilse Varnholt\nDecember 17, 2025, 12:34 PM\n"
    return HEADER + SENTENCE * 3 + "\n\n" + unit * (size // len(unit)) + "\n" + SENTENCE + "\n"


def long_paragraphs(size: int) -> str:
    """Paragraphs of prose, a blank line between them."""
    paragraph = SENTENCE * 8 + "\n\n"
    return HEADER + paragraph * (size // len(paragraph))


def one_line(size: int) -> str:
    """All the prose on one line."""
    return HEADER + SENTENCE * (size // len(SENTENCE)) + "\n"


def wrapped(size: int) -> str:
    """Prose hard-wrapped at 72 characters, as mail and terminals do."""
    import textwrap

    paragraph = "\n".join(textwrap.wrap(SENTENCE * 8, 72)) + "\n\n"
    return HEADER + paragraph * (size // len(paragraph))


CASES: dict[str, Callable[[int], str]] = {
    "short lines": short_lines,
    "repeated bylines": repeated_bylines,
    "long paragraphs": long_paragraphs,
    "one line": one_line,
    "hard-wrapped": wrapped,
}


def time_read(text: str, folder: Path, max_bytes: int) -> tuple[float, str]:
    path = folder / "seed.txt"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    try:
        article = read_seed(path, max_bytes)
        outcome = f"{len(article.paragraphs)} paragraphs"
    except SeedError as error:
        outcome = f"refused: {error}"
    return time.perf_counter() - started, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-bytes", type=int, default=5_000_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        text = short_lines(180_000)
        lines = text.count("\n")
        seconds, outcome = time_read(text, Path(folder), args.max_bytes)
        print(f"{lines:,} short lines ({len(text):,} bytes): {seconds:.2f} s ({outcome})")
        print()
        print("| case | 100 KB | 1 MB | max_seed_bytes | s per 100 KB at the largest |")
        print("|---|---|---|---|---|")
        for name, make in CASES.items():
            cells = []
            per = 0.0
            for size in (100_000, 1_000_000, args.max_bytes - 1_000):
                seconds, _ = time_read(make(size), Path(folder), args.max_bytes)
                cells.append(f"{seconds:.2f} s")
                per = seconds / (size / 100_000)
            print(f"| {name} | {' | '.join(cells)} | {per:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
