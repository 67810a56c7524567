"""Benchmark: the slowest bodies the page schema accepts, rendered by Python-Markdown.

    python bench/bench_markdown.py [--max-bytes 1000000]

Python-Markdown is quadratic on some inline patterns (unclosed `[`, `(`, `<`, repeated
headings, many inline marks in one long paragraph). `model.body_problem` refuses a body
whose estimated cost passes a bound; this script finds, for each hostile pattern, the
longest body it still accepts (up to --max-bytes) and times its rendering with the site's
extensions. The goal, kept here and not in unit tests: every accepted body renders in a
few seconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import markdown

from builder.model import body_problem

EXTENSIONS = ["attr_list", "md_in_html", "toc", "admonition"]
PATTERNS: dict[str, Callable[[int], str]] = {
    "[ x n": lambda n: "[" * n,
    "[a]( x n": lambda n: "[a](" * n,
    "![ x n": lambda n: "![" * n,
    "[^ x n": lambda n: "[^" * n,
    "[x][ x n": lambda n: "[x][" * n,
    "[ ... ] nested": lambda n: "[" * n + "]" * n,
    "[ newline x n": lambda n: "[\n" * n,
    "<a  x n": lambda n: "<a " * n,
    "<http://a  x n": lambda n: "<http://a " * n,
    "<a@b  x n": lambda n: "<a@b " * n,
    "a < b lines": lambda n: "Ashmoor a < b\n" * n,
    "# h lines": lambda n: "# Ashmoor\n" * n,
    "links x n": lambda n: "[Ashmoor](https://ashmoor.example/) " * n,
    "emphasis, one paragraph": lambda n: "*Ashmoor* quay " * n,
    "code spans, one paragraph": lambda n: "`Ashmoor` " * n,
    "inline tags, one paragraph": lambda n: "<b>Ashmoor</b> " * n,
    "entities, one paragraph": lambda n: "Ashmoor &amp; " * n,
    "many short paragraphs of [": lambda n: "[[[[[[[[[[ x\n\n" * n,
}


def largest_accepted(make: Callable[[int], str], max_bytes: int) -> int:
    low, high = 1, 1
    while len(make(high)) <= max_bytes and body_problem(make(high)) is None:
        low, high = high, high * 2
    if len(make(high)) <= max_bytes and body_problem(make(high)) is None:
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if len(make(middle)) <= max_bytes and body_problem(make(middle)) is None:
            low = middle
        else:
            high = middle
    return low


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=1_000_000)
    args = parser.parse_args()
    for name, make in PATTERNS.items():
        count = largest_accepted(make, args.max_bytes)
        body = make(count)
        start = time.perf_counter()
        markdown.markdown(body, extensions=EXTENSIONS)
        seconds = time.perf_counter() - start
        print(f"{name:28} n={count:8} {len(body):9} bytes  {seconds:6.2f} s", flush=True)


if __name__ == "__main__":
    main()
