"""The header's search finds events and entity pages by an event's words, not the home page
that lists the latest events.

A walk of a 116-event timeline found "Home" among the hits of a story's word: the home page
was indexed with the latest events the plugin adds under its own text. Its record now holds
the user's own text only (`search.page_record`). Tested on a real build (`timeline init`,
the repository's seed, `mkdocs build --strict`): the Pagefind bundle's records are read, and
Pagefind's own script answers queries in Chromium.
"""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    REFERENCE_DATE,
    ROOT,
    SEED,
    SEED_TITLE,
    launch_chromium,
    mkdocs_build,
    serve_under_subpath,
    timeline,
)

from builder.plugin import search

#: Words of the seed's article that are not in the home page's own text.
EVENT_WORDS = ("Washington", "guarantees")
#: The home page's own words (`timeline init`'s index.md) and the site's description.
HOME_WORDS = "The events of this story in time order"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by `timeline init`, the seed built into an event, the site built."""
    root = tmp_path_factory.mktemp("search")
    result = timeline("init", "proj", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    project = root / "proj"
    shutil.copy2(ROOT / "seeds" / SEED, project / "seeds" / SEED)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Each record Pagefind stored (its fragment files: gzip, a signature, then JSON), by
    title."""
    found = {}
    for path in (site / search.BUNDLE_DIR / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        found[record["meta"]["title"]] = record
    return found


def test_the_home_page_record_holds_its_own_text_not_the_latest_events(site: Path) -> None:
    records = fragments(site)
    assert SEED_TITLE in records
    home = records["Home"]
    assert HOME_WORDS in home["content"]
    for word in EVENT_WORDS:
        assert word in records[SEED_TITLE]["content"]
        assert word not in home["content"], home["content"]
    assert "Latest events" not in home["content"]


def test_page_record_keeps_the_users_text_and_description_and_leaves_the_lists_out() -> None:
    html = ('<h1>Velmora</h1>\n<p class="tl-lede">A chronicle of the Velmora ferries.</p>'
            '<p>Kept by <em>Dr Ilse Varnholt</em>.<br>Since 2019.</p>'
            '<div class="tl-home"><p class="tl-span">3 events</p><div class="tl-latest">'
            '<div class="tl-entry"><p><a class="tl-title">Ostrakan pier opens</a></p>'
            '<div><p>The pier at Ostrakan opened.</p></div></div></div></div>'
            '<h2>Export</h2><ul><li><a href="feed.xml">Atom feed</a></li></ul>')
    record = search.page_record("Home", html, "")
    assert record.content == ("Home\nVelmora A chronicle of the Velmora ferries. Kept by Dr "
                              "Ilse Varnholt . Since 2019. Export Atom feed")
    assert search.html_text(html).count("Ostrakan") == 2  # without `own`, all the text


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launch_chromium() as browser:
        yield browser


@pytest.mark.browser
def test_pagefind_finds_the_event_not_the_home_page_by_an_events_word(
        site: Path, chromium: Any) -> None:
    with serve_under_subpath(site) as url:
        tab = chromium.new_page()
        try:
            tab.goto(url)
            for word in EVENT_WORDS:
                titles = tab.evaluate("""async ([url, word]) => {
                    const pagefind = await import(url + 'pagefind/pagefind.js');
                    const found = await pagefind.search(word);
                    const data = await Promise.all(found.results.map(r => r.data()));
                    return data.map(d => d.meta.title); }""", [url, word])
                assert SEED_TITLE in titles, (word, titles)
                assert "Home" not in titles, (word, titles)
            # The home page is still found by its own words.
            titles = tab.evaluate("""async (url) => {
                const pagefind = await import(url + 'pagefind/pagefind.js');
                const found = await pagefind.search('story');
                const data = await Promise.all(found.results.map(r => r.data()));
                return data.map(d => d.meta.title); }""", url)
            assert "Home" in titles, titles
        finally:
            tab.close()
