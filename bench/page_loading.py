"""Benchmark: the plugin's loading of the event pages, parsed vs read through the cache.

    python bench/page_loading.py PROJECT [--runs 7]

PROJECT is a project whose event pages are built, e.g. the one `bench/scale.py --keep DIR`
leaves in DIR/project. Each run, in turn: every page parsed (as `mkdocs build` did before it
read the builder's cache), then the same pages read through the cache in
`PROJECT/.cache/timeline/` (filled first if it is empty). Prints CPU seconds of this process
for each, medians, and their ratio; checks both give the same events and problems.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import store  # noqa: E402
from builder.plugin.plugin import TimelinePlugin  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    project = args.project.resolve()
    docs, events_dir = project / "content", project / "content" / "events"
    TimelinePlugin.load_pages(events_dir, docs.parent, {}, project)  # fill the cache
    parsed_cpu, cached_cpu = [], []
    for _ in range(args.runs):
        start = time.process_time()
        plain = store.load_pages(events_dir, docs.parent, {})
        parsed_cpu.append(time.process_time() - start)
        start = time.process_time()
        cached = TimelinePlugin.load_pages(events_dir, docs.parent, {}, project)
        cached_cpu.append(time.process_time() - start)
        if plain.events != cached.events or plain.problems != cached.problems:
            sys.exit("the cache gave other events or problems than parsing")
        del plain, cached
    pages = len(store.page_files(events_dir))
    parsed, cached = statistics.median(parsed_cpu), statistics.median(cached_cpu)
    print(f"{pages} event pages, {args.runs} interleaved runs, CPU s of this process")
    print(f"every page parsed:      {' '.join(f'{t:.2f}' for t in parsed_cpu)}; "
          f"median {parsed:.2f} s")
    print(f"through the cache:      {' '.join(f'{t:.2f}' for t in cached_cpu)}; "
          f"median {cached:.2f} s")
    print(f"ratio (cache / parsed): {cached / parsed:.2f}x")


if __name__ == "__main__":
    main()
