"""A list entry's chips as they wrap: "+N more" is one piece of text, never split in two.

Walking a site of the 212 corpus seeds at desktop size showed an entry ending in "+1" on
one line and "more" alone on the next. Here a real `mkdocs build --strict` of fictional
events, each naming more than the eight chips an entry shows (invented towns and people
from `test_timeline_ui`), is read in a real headless Chromium: every entry is laid out at
every width from a narrow phone column to a wide one, and at each the "+N more" label must
sit on one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import launch_chromium, serve_under_subpath
from test_timeline_ui import build, fictional_events, make_project

pytestmark = pytest.mark.browser

#: For each entry with a "+N more" label, the widths (px) at which the label breaks into
#: more than one line box; each entry is narrowed step by step, then given its width back.
SPLIT_WIDTHS = """() => {
    const found = [];
    for (const entry of document.querySelectorAll('.tl-entry')) {
        const more = entry.querySelector('.tl-more');
        if (!more) continue;
        const width = entry.style.width;
        const split = [];
        for (let w = 180; w <= 760; w += 2) {
            entry.style.width = w + 'px';
            if (more.getClientRects().length > 1) split.push(w);
        }
        entry.style.width = width;
        found.push({label: more.textContent, split});
    }
    return found;
}"""


@pytest.fixture(scope="module")
def chip_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    events = fictional_events(12, dt.date(2024, 3, 1), dt.date(2024, 9, 30), seed=5,
                              heavy_every=1)
    project = make_project(tmp_path_factory.mktemp("chips") / "proj", events)
    site = project.parent / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_under_subpath(site) as url:
        yield url


def test_the_more_label_never_breaks_between_its_words(chip_url: str) -> None:
    with launch_chromium() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            tab: Any = context.new_page()
            tab.goto(f"{chip_url}timeline/")
            tab.wait_for_load_state("load")
            found = tab.evaluate(SPLIT_WIDTHS)
            assert len(found) >= 10, found  # every heavy event has a "+N more"
            assert [f for f in found if f["split"]] == []
        finally:
            context.close()
