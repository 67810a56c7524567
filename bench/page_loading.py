"""Benchmark: the loading of the event pages, parsed vs read through the cache.

    python bench/page_loading.py PROJECT [--runs 7]
    python bench/page_loading.py PROJECT --hand-edits K [--runs 7]

PROJECT is a project whose event pages are built, e.g. the one `bench/scale.py --keep DIR`
leaves in DIR/project. Each run, in turn: every page parsed (as `mkdocs build` did before it
read the builder's cache), then the same pages read through the cache in
`PROJECT/.cache/timeline/` (filled first if it is empty). Prints CPU seconds of this process
for each, medians, and their ratio; checks both give the same events and problems.

With `--hand-edits K`: the builder's loading instead (`timeline build`: pages hashed, those
its state vouches for not parsed), in a copy of PROJECT (in a temporary folder) where K
pages spread over the timeline had a sentence added by hand, which the builder parses on
every build: parsed (as it did before it read the cache) vs through the cache, only the
edited pages' lines of it decoded (`ParsedEvents.want`).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from builder import cache, store  # noqa: E402
from builder import state as memory  # noqa: E402
from builder.pipeline import _trusted  # noqa: E402
from builder.plugin.plugin import TimelinePlugin  # noqa: E402


def builder_loading(events_dir: Path, root: Path, through_cache: bool) -> store.PageIndex:
    """The event pages as `timeline build` loads them (`Builder.run`), with or without the
    cache of parsed events; pages the state vouches for are not parsed either way."""
    hashes = store.hash_pages(events_dir, cache.PageHashes(root, events_dir))
    recorded = memory.read_state(events_dir).recover(hashes)
    trusted = _trusted(recorded)
    parsed = None
    if through_cache:
        parsed = cache.ParsedEvents(root)
        parsed.want(sha for page, sha in hashes.items()
                    if trusted.get(page, ("",))[0] != sha)
    index = store.load_pages(events_dir, root, {seed: w.page for seed, w in recorded.items()},
                             trusted, hashes, parsed)
    if parsed is not None:
        parsed.save(index.sha256.values())
    return index


def bench_builder(project: Path, edits: int, runs: int) -> None:
    """`--hand-edits K`: see the module's docstring."""
    with tempfile.TemporaryDirectory(prefix="timeline-page-loading-") as folder:
        copy = Path(folder) / "project"
        shutil.copytree(project, copy, symlinks=True)
        events_dir = copy / "content" / "events"
        pages = [path for _, path in store.page_files(events_dir)]
        step = max(1, len(pages) // max(1, edits))
        for page in pages[::step][:edits]:
            text = page.read_text(encoding="utf-8").rstrip("\n")
            page.write_text(f"{text}\n\nA note added by hand.\n", encoding="utf-8")
        builder_loading(events_dir, copy, True)  # fill the cache with the edited pages
        parsed_cpu, cached_cpu = [], []
        for _ in range(runs):
            start = time.process_time()
            plain = builder_loading(events_dir, copy, False)
            parsed_cpu.append(time.process_time() - start)
            start = time.process_time()
            cached = builder_loading(events_dir, copy, True)
            cached_cpu.append(time.process_time() - start)
            if plain.events != cached.events or plain.problems != cached.problems:
                sys.exit("the cache gave other events or problems than parsing")
        report("the builder's loading", len(pages), edits, runs, parsed_cpu, cached_cpu)


def report(what: str, pages: int, edits: int | None, runs: int, parsed_cpu: list[float],
           cached_cpu: list[float]) -> None:
    parsed, cached = statistics.median(parsed_cpu), statistics.median(cached_cpu)
    edited = "" if edits is None else f", {edits} edited by hand"
    print(f"{what}: {pages} event pages{edited}, {runs} interleaved runs, CPU s of this "
          "process")
    print(f"every page parsed:      {' '.join(f'{t:.3f}' for t in parsed_cpu)}; "
          f"median {parsed:.3f} s")
    print(f"through the cache:      {' '.join(f'{t:.3f}' for t in cached_cpu)}; "
          f"median {cached:.3f} s")
    print(f"ratio (cache / parsed): {cached / parsed:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--hand-edits", type=int, metavar="K",
                        help="the builder's loading, K pages edited by hand (in a copy)")
    args = parser.parse_args()
    project = args.project.resolve()
    if args.hand_edits is not None:
        bench_builder(project, args.hand_edits, args.runs)
        return
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
    report("the plugin's loading", len(store.page_files(events_dir)), None, args.runs,
           parsed_cpu, cached_cpu)


if __name__ == "__main__":
    main()
