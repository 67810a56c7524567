"""The repo's site in a real headless Chromium, served under a GitHub Pages-like sub-path."""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SEED_DAY, SEED_TITLE, copy_repo_site_sources, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PREFIX = "/repo"

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    reason = f"{CHROMIUM} is missing (install Debian's chromium package to run browser tests)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import Browser, expect, sync_playwright  # noqa: E402


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site only under `/repo/`, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        route = urlsplit(path).path
        if route != PREFIX and not route.startswith(f"{PREFIX}/"):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path(path[len(PREFIX):] or "/")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repo's site, built with its `site_url` under /repo/, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("browser")
    site = root / "site"
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
        sources = copy_repo_site_sources(root / "src")
        with (sources / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write(f"\nsite_url: {url}\n")
        result = mkdocs_build(sources, site)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_timeline_title_link_opens_the_event_page(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    requests: list[str] = []
    failures: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failures.append(request.url))
    context.on("response", lambda response: response.status >= 400
               and failures.append(f"{response.status} {response.url}"))
    page = context.new_page()
    try:
        response = page.goto(f"{site_url}timeline/")
        assert response is not None and response.ok
        page.wait_for_load_state("networkidle")
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        page.screenshot(path=str(artifacts / "timeline.png"), full_page=True)

        page.get_by_role("link", name=SEED_TITLE, exact=True).click()
        page.wait_for_url(re.compile(rf"^{re.escape(site_url)}events/2025/2025-12-17-[^/]+/$"))
        page.wait_for_load_state("networkidle")
        expect(page.locator(".md-content h1")).to_have_text(SEED_TITLE)
        expect(page.get_by_text(SEED_DAY, exact=True).first).to_be_visible()
    finally:
        context.close()

    assert requests, "no request was recorded"
    foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert failures == [], f"failed requests: {failures}"
