"""`timeline serve` on 1,000 fictional events, in headless Chromium: an event page open in
the browser shows a hand edit of its Markdown file through the live reload, and the
server rebuilt only some pages (not the whole site) to show it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, load_bench_explorer

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    reason = f"{CHROMIUM} is missing (install Debian's chromium package to run browser tests)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402

#: Generous waits, for a loaded machine: they bound the test, they measure nothing.
START_TIMEOUT = 1200.0
RELOAD_TIMEOUT_MS = 300_000


def wait_until_served(url: str, server: subprocess.Popen[str], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert server.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(url, timeout=10):
                return
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(1)


def test_an_edit_appears_in_the_open_page_through_live_reload(tmp_path: Path) -> None:
    project = load_bench_explorer("bench_explorer_live").make_project(tmp_path, 1000, 40)
    events = sorted((project / "content" / "events").rglob("*.md"))
    assert len(events) == 1000
    edited = events[500]
    stem = edited.relative_to(project / "content").with_suffix("").as_posix()
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "builder", "serve", "-a",
                                   f"127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=output, stderr=subprocess.STDOUT, text=True)
        try:
            url = f"http://127.0.0.1:{port}/{stem}/"
            wait_until_served(url, server, log)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                     args=CHROMIUM_ARGS)
                tab = browser.new_page()
                tab.goto(url)
                marker = "The Veyra lantern keepers asked for a second vote."
                expect(tab.locator("article")).not_to_contain_text(marker)
                text = edited.read_text(encoding="utf-8")
                edited.write_text(text + f"\n{marker}\n", encoding="utf-8")
                # No reload by the test: the page's live-reload script reloads it.
                expect(tab.locator("article")).to_contain_text(marker,
                                                               timeout=RELOAD_TIMEOUT_MS)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=120)
    served = log.read_text(encoding="utf-8")
    rebuilt = re.search(r"Wrote (\d+) of the (\d+) pages that may have changed", served)
    assert rebuilt is not None, served
    assert "Building the whole site" not in served
    pages = len(list((project / "content" / "events").rglob("*.md")))
    assert int(rebuilt.group(1)) < pages  # a few pages, not the site
