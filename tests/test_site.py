"""Real `mkdocs build --strict` runs of the repo's site and of `timeline init` projects."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import (
    ROOT,
    SEED_DAY,
    SEED_TITLE,
    copy_repo_site_sources,
    mkdocs_build,
    timeline,
)

#: The committed event page of the real seed, e.g. `2025-12-17-us-officials-....md`.
(SEED_PAGE,) = sorted((ROOT / "content" / "events" / "2025").glob("2025-12-17-*.md"))
SEED_DIR = f"events/2025/{SEED_PAGE.stem}/"


class Links(HTMLParser):
    """Every `<a href>` of a page, and those inside Material's primary navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.nav_hrefs: list[str] = []
        self.found_primary_nav = False
        self._nav_depth = 0  # > 0 while inside the primary nav (counting nested <nav>s)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav":
            classes = (attributes.get("class") or "").split()
            if self._nav_depth:
                self._nav_depth += 1
            elif "md-nav--primary" in classes:
                self._nav_depth, self.found_primary_nav = 1, True
        elif tag == "a" and attributes.get("href") is not None:
            href = attributes["href"] or ""
            self.hrefs.append(href)
            if self._nav_depth:
                self.nav_hrefs.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1


def links_of(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def site_path(page_url: str, href: str) -> str:
    """The site-relative path an href on the page at `page_url` (e.g. `timeline/`) points to."""
    return urlsplit(urljoin(f"http://site.invalid/{page_url}", href)).path.lstrip("/")


def page_url_of(html_file: Path, site: Path) -> str:
    relative = html_file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's own site, built from a copy of its sources (never into the repo)."""
    sources = copy_repo_site_sources(tmp_path_factory.mktemp("repo") / "src")
    site = sources.parent / "site"
    result = mkdocs_build(sources, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_repo_site_links_timeline_to_the_seed_event_page(repo_site: Path) -> None:
    timeline_html = repo_site / "timeline" / "index.html"
    targets = {site_path("timeline/", href) for href in links_of(timeline_html).hrefs}
    assert SEED_DIR in targets
    event_html = repo_site / SEED_DIR / "index.html"
    assert event_html.is_file()
    text = event_html.read_text(encoding="utf-8")
    assert SEED_TITLE in text
    assert SEED_DAY in text


def test_repo_site_keeps_event_pages_out_of_the_navigation(repo_site: Path) -> None:
    pages = sorted(repo_site.rglob("*.html"))
    assert repo_site / SEED_DIR / "index.html" in pages
    for html_file in pages:
        page_url = page_url_of(html_file, repo_site)
        links = links_of(html_file)
        assert links.found_primary_nav, f"{page_url}: no primary navigation found"
        nav_targets = [site_path(page_url, href) for href in links.nav_hrefs]
        assert "timeline/" in nav_targets, f"{page_url}: the nav lacks the timeline"
        in_nav = [target for target in nav_targets if target.startswith("events/")]
        assert in_nav == [], f"{page_url}: event pages in the navigation: {in_nav}"


def front_matter(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return text.split("\n---\n", 1)[0].splitlines()[1:]


def test_init_project_builds_strict(project: Path, tmp_path: Path) -> None:
    (page,) = sorted((project / "content" / "events").rglob("*.md"))
    assert page.relative_to(project).as_posix() == f"content/{SEED_DIR.rstrip('/')}.md"
    fields = front_matter(page)
    assert "date: 2025-12-17" in fields
    assert "location: Berlin" in fields
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / SEED_DIR / "index.html").is_file()


def test_bad_front_matter_fails_check_and_strict_build_with_one_message(
    project: Path, tmp_path: Path
) -> None:
    broken = project / "content" / "events" / "2025" / "2025-12-18-broken.md"
    broken.write_text("---\ntitle: Broken\ndate: 2025-13-45\n---\n\nSome text.\n",
                      encoding="utf-8")
    # builder/model.py: Problem.__str__ is `path:line: field: message`; the line is that of
    # the `date:` key (line 3 of the file); _describe quotes the text with repr().
    expected = ("content/events/2025/2025-12-18-broken.md:3: date: '2025-13-45' is not a date "
                "(expected YYYY-MM-DD, e.g. 2025-12-17)")
    check = timeline("check", cwd=project)
    assert check.returncode == 1, check.stdout + check.stderr
    assert expected in check.stdout.splitlines()
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0
    assert expected in build.stdout + build.stderr


HOSTILE_SEED = """\
Port Veyra council <script>alert(1)</script> votes on the pier <img src=x onerror=alert(2)>
- The Veyra Courier

PORT VEYRA, March 3 -- Mayor Ilse Varnholt said the council of Port Veyra voted on Tuesday \
to rebuild the old pier <script>alert(1)</script> after a long debate about the harbour budget.
# Not a heading
Councillor Odo Brambeck pinned [click](javascript:alert(3)) and <img src=x onerror=alert(2)> \
to the council noticeboard, and residents of Port Veyra said they would watch the work closely.
"""


def test_article_text_is_escaped_on_every_page(project: Path, tmp_path: Path) -> None:
    (project / "seeds" / "001_port_veyra.txt").write_text(HOSTILE_SEED, encoding="utf-8")
    built = timeline("build", "--reference-date", "2026-11-26", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    pages = sorted((project / "content" / "events" / "2026").glob("2026-03-03-*.md"))
    assert len(pages) == 1, built.stdout
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    event_html = (site / "events" / "2026" / pages[0].stem / "index.html").read_text("utf-8")
    timeline_html = (site / "timeline" / "index.html").read_text("utf-8")
    for name, html in (("event page", event_html), ("timeline", timeline_html)):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, name
    assert "PORT VEYRA, March 3" in event_html
    assert "<p># Not a heading</p>" in event_html
    assert not re.search(r"<h1[^>]*>[^<]*Not a heading", event_html)
    # Every built page (the seed's event page links to this one as "Next"), and the search
    # index, whose titles and text the search box inserts as HTML.
    outputs = [*site.rglob("*.html"), site / "search" / "search_index.json"]
    for output in outputs:
        text = output.read_text(encoding="utf-8")
        name = posixpath.join(*output.relative_to(site).parts)
        assert "<script>alert" not in text, name
        assert "<img src=x" not in text, name
        assert 'href="javascript:' not in text.lower(), name


def test_a_draft_event_is_left_out_of_the_published_site(project: Path, tmp_path: Path) -> None:
    draft = project / "content" / "events" / "2025" / "2025-12-20-draft.md"
    draft.write_text("---\ntitle: Ferry timetable for Ashmoor still unsettled\n"
                     "date: 2025-12-20\ndraft: true\n---\nNot ready yet.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "events" / "2025" / "2025-12-20-draft").exists()
    for page in site.rglob("*.html"):
        assert "Ferry timetable for Ashmoor" not in page.read_text(encoding="utf-8"), page
