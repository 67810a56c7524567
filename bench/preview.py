"""Benchmark: from saving an event page to seeing the edit in the browser, in preview.

    python bench/preview.py [--events 1000] [--edits 7] [--words 400] [--keep DIR]
                            [--mkdocs-serve]

Writes N fictional event pages (bench/explorer.py's generator: 3-6 tags and 5-15 names
each from pools of a few thousand, dates over 20 years), starts `timeline serve` (or, with
`--mkdocs-serve`, `mkdocs serve`, for comparison), opens event pages in headless Chromium,
and for each of `--edits` events: appends a sentence to its Markdown file and waits until
the live reload shows it. Prints the start-up time and the median and slowest time from
save to visible. A benchmark prints figures; no test asserts a time.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def load_generator() -> ModuleType:
    """bench/explorer.py, for its fictional events."""
    spec = importlib.util.spec_from_file_location("bench_explorer", ROOT / "bench" / "explorer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(url: str, server: subprocess.Popen[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            sys.exit(f"the server stopped:\n{server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def wait_idle(log: Path) -> None:
    """Until the server has finished every rebuild it started (so that each edit is timed
    from a quiet server)."""
    while True:
        text = log.read_text(encoding="utf-8")
        if text.count("Reloading browsers") >= text.count("Detected file changes"):
            return
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--keep", type=Path, help="make the project in this folder, keep it")
    parser.add_argument("--mkdocs-serve", action="store_true",
                        help="measure `mkdocs serve` instead of `timeline serve`")
    args = parser.parse_args()
    from playwright.sync_api import expect, sync_playwright

    folder = args.keep or Path(tempfile.mkdtemp(prefix="timeline-preview-"))
    generator = load_generator()
    project = folder / "project"
    if not project.exists():
        generator.make_project(folder, args.events, args.words)
    pages = sorted((project / "content" / "events").rglob("*.md"))
    port = free_port()
    command = ([sys.executable, "-m", "mkdocs", "serve"] if args.mkdocs_serve
               else [sys.executable, "-m", "builder", "serve"])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (folder / "serve.log").open("w", encoding="utf-8")
    start = time.perf_counter()
    server = subprocess.Popen([*command, "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=log, stderr=subprocess.STDOUT, text=True)
    times: list[float] = []
    run = time.strftime("%Y%m%d-%H%M%S")  # a project kept with --keep has earlier edits
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(base, server, timeout=3600)
        print(f"{len(pages)} events: the server answered after "
              f"{time.perf_counter() - start:.1f} s")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page()
            step = max(1, len(pages) // (args.edits + 1))
            for number in range(args.edits):
                page = pages[step * (number + 1)]
                stem = page.relative_to(project / "content").with_suffix("").as_posix()
                wait_idle(folder / "serve.log")
                tab.goto(f"{base}{stem}/")
                marker = f"Preview edit {number} of the Veyra benchmark, run {run}."
                text = page.read_text(encoding="utf-8")
                saved = time.perf_counter()
                page.write_text(text + f"\n{marker}\n", encoding="utf-8")
                expect(tab.get_by_text(marker)).to_be_visible(timeout=3_600_000)
                times.append(time.perf_counter() - saved)
                print(f"edit {number + 1}: visible after {times[-1]:.2f} s")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    name = "mkdocs serve" if args.mkdocs_serve else "timeline serve"
    print(f"{name}, {len(pages)} events, {len(times)} edits: save to visible median "
          f"{statistics.median(times):.2f} s, slowest {max(times):.2f} s")
    if not args.keep:
        print(f"(project and server log in {folder})")


if __name__ == "__main__":
    main()
