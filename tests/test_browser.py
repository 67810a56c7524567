"""The repo's site in a real headless Chromium, served under a GitHub Pages-like sub-path."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from conftest import (
    CHROMIUM,
    ROOT,
    SEED_DAY,
    SEED_TITLE,
    build_repo_site,
    launch_chromium,
    serve_under_subpath,
)

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():
    reason = f"{CHROMIUM} is missing (install Debian's chromium package to run browser tests)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from playwright.sync_api import Browser, expect  # noqa: E402


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repo's site, built with its `site_url` under /repo/, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("browser")
    with serve_under_subpath(root / "site") as url:
        build_repo_site(root, url)
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as chromium:
        yield chromium


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
