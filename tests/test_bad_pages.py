"""Event pages broken by hand, in the `project` fixture (the real seed already built):
`timeline check`, `timeline build`, `mkdocs build --strict` and a non-strict `mkdocs build`
all see every problem of every page at once; plus a property test that hostile seed text
never becomes live markup in the built site.

Every page and article invented here is fictional (Ashmoor, Port Veyra, ...).

The messages are those of builder/model.py (`Problem.__str__` is `path:line: field:
message`; the line is that of the field's key, counted in the file) and builder/store.py
(a seed cited by two pages).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import REFERENCE_DATE, SEED, mkdocs_build, run, timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

#: The fields `timeline check` names when it meets an unknown one (model.FIELDS).
KNOWN_FIELDS = ("title, date, end_date, location, summary, tags, people, places, "
                "organizations, sources, date_from, review, draft")
EVENTS = "content/events"


def events_dir(project: Path) -> Path:
    return project / EVENTS


def seed_page(project: Path) -> str:
    """The real seed's page, relative to the events folder ("2025/2025-12-17-....md")."""
    (page,) = sorted(events_dir(project).glob("2025/2025-12-17-us-officials-*.md"))
    return page.relative_to(events_dir(project)).as_posix()


def line_of(text: str, prefix: str) -> int:
    """The 1-based line number of the one line starting with `prefix`."""
    (number,) = [n for n, line in enumerate(text.split("\n"), 1) if line.startswith(prefix)]
    return number


def yaml_error(front: str) -> tuple[int, str]:
    """(line in the file, reason) of the YAML error in a page's front matter, computed
    with the loader builder/model.py uses (libyaml if present) so the wording matches."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with pytest.raises(yaml.MarkedYAMLError) as error:
        yaml.load(front, Loader=loader)
    mark = error.value.problem_mark
    assert mark is not None and error.value.problem
    return 1 + mark.line + 1, error.value.problem  # +1: the opening '---' line


@dataclass
class Broken:
    """One hand-made page and the exact lines `timeline check` must print for it."""

    name: str
    text: str
    expected: list[str] = field(default_factory=list)
    warning: bool = False


def broken_pages(project: Path) -> list[Broken]:
    invalid_front = "title: Ashmoor: harbour: closed for the winter\ndate: 2025-12-18\n"
    yaml_line, yaml_reason = yaml_error(invalid_front)
    real = seed_page(project)
    pages = [
        Broken("2025/2025-12-18-invalid-yaml.md",
               f"---\n{invalid_front}---\nThe Ashmoor harbour closes for the winter.\n"),
        Broken("2025/2025-12-19-no-front-matter.md",
               "The Port Veyra ferry notes, typed without any front matter.\n"),
        Broken("2025/2025-12-20-bad-date.md",
               "---\ntitle: Ashmoor lighthouse relit\nlocation: Ashmoor\ndate: 2025-13-45\n---\n"
               "Keeper Ilse Varnholt relit the lamp.\n"),
        Broken("2025/2025-12-21-yesterday.md",
               "---\ntitle: Ashmoor market day moved\ndate: yesterday\n---\nStalls moved.\n"),
        Broken("2025/2025-12-22-end-before-date.md",
               "---\ntitle: Port Veyra regatta week\nlocation: Port Veyra\ndate: 2025-12-22\n"
               "end_date: 2025-12-01\n---\nSails on the bay.\n"),
        Broken("2025/2025-12-23-tags-string.md",
               "---\ntitle: Ashmoor ferry crews strike\ndate: 2025-12-23\ntags: ferries, strikes\n"
               "---\nNo boats on Monday.\n"),
        Broken("2025/2025-12-24-unknown-field.md",
               "---\ntitle: Ashmoor choir sings on the quay\ndate: 2025-12-24\nmood: festive\n"
               "---\nThe choir of Ashmoor sang carols.\n", warning=True),
        # Sorts after the real page, so it is the one named as the duplicate.
        Broken("2025/2025-12-30-copy-of-the-seed-event.md",
               "---\ntitle: A hand-made copy of the Berlin talks event\ndate: 2025-12-17\n"
               f"sources:\n  - title: copy\n    seed: {SEED}\n---\nCopied by hand.\n"),
    ]
    expected = {
        "invalid-yaml": [(yaml_line, "front matter",
                          f"invalid YAML: {yaml_reason} (expected 'key: value' lines; quote "
                          "values that contain ': ' or start with a special character)")],
        "no-front-matter": [(1, "front matter",
                             "missing (expected the page to start with a '---' line, YAML "
                             "fields, and another '---' line)")],
        "bad-date": [(4, "date",
                      "'2025-13-45' is not a date (expected YYYY-MM-DD, e.g. 2025-12-17)")],
        "yesterday": [(3, "date",
                       "'yesterday' is not a date (expected YYYY-MM-DD, e.g. 2025-12-17)")],
        "end-before-date": [(5, "end_date", "2025-12-01 is before date 2025-12-22 (expected "
                                            "the same day or later, or null)")],
        "tags-string": [(4, "tags",
                         "is 'ferries, strikes' (expected a list, e.g. [first, second])")],
        "unknown-field": [(4, "mood",
                           f"unknown field (kept as is; known fields: {KNOWN_FIELDS})")],
        # The `sources:` line of the copy; the builder's own page keeps the seed.
        "copy-of-the-seed-event": [(4, "sources",
                                    f"seed {SEED!r} is also a source of {EVENTS}/{real} "
                                    "(expected each "
                                    "seed in one event page only: merge the two pages or "
                                    "remove one source)")],
    }
    for page in pages:
        (problems,) = [v for k, v in expected.items() if page.name.endswith(f"-{k}.md")]
        page.expected = [f"{EVENTS}/{page.name}:{line}: {name}: {message}"
                         for line, name, message in problems]
    # The lines above are the lines of the keys in the files as written.
    for page in pages:
        for problem in page.expected:
            number = int(problem.split(":")[1])
            key = problem.split(": ")[1]
            if key not in ("front matter", "sources"):
                assert number == line_of(page.text, f"{key}:"), problem
    return pages


def snapshot(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*")) if path.is_file()}


def test_every_problem_of_every_page_at_once(project: Path, tmp_path: Path) -> None:
    pages = broken_pages(project)
    for page in pages:
        (events_dir(project) / page.name).write_text(page.text, encoding="utf-8")
    errors = [p for page in pages if not page.warning for p in page.expected]
    warnings = [p for page in pages if page.warning for p in page.expected]
    assert len(errors) == 7 and len(warnings) == 1

    # timeline check: every problem, in page order, each exactly; exit 1.
    check = timeline("check", cwd=project)
    assert check.returncode == 1, check.stdout + check.stderr
    assert check.stdout.splitlines() == [
        problem + (" [warning]" if page.warning else "")
        for page in sorted(pages, key=lambda p: p.name) for problem in page.expected]
    assert check.stderr.splitlines()[-1] == (
        f"{len(pages) + 1} event pages in {EVENTS}: {len(errors)} problem(s)")

    # timeline build: the same problems; no page (nor the state) changes; the seed is fine.
    before = snapshot(events_dir(project))
    build = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    lines = build.stdout.splitlines()
    assert f"unchanged  {SEED} -> {seed_page(project)}" in lines
    for problem in errors:
        assert f"problem    {problem}" in lines
    for problem in warnings:
        assert f"note       {problem}" in lines
    assert snapshot(events_dir(project)) == before

    # mkdocs build --strict: fails, naming every problem.
    strict = mkdocs_build(project, tmp_path / "strict-site")
    assert strict.returncode != 0
    output = strict.stdout + strict.stderr
    for problem in errors:
        assert f"timeline: {problem}" in output, problem
    for problem in warnings:
        assert problem in output, problem

    # mkdocs build (not strict): succeeds and shows the rest of the timeline.
    site = tmp_path / "site"
    loose = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project)
    assert loose.returncode == 0, loose.stdout + loose.stderr
    for problem in errors:
        assert problem in loose.stdout + loose.stderr, problem
    hrefs = Parsed.of(site / "timeline" / "index.html").hrefs
    real_dir = f"events/{seed_page(project).removesuffix('.md')}/"
    assert f"../{real_dir}" in hrefs, hrefs
    assert (site / real_dir / "index.html").is_file()
    assert "../events/2025/2025-12-24-unknown-field/" in hrefs  # a warning only: shown
    for page in pages:
        if not page.warning and "-copy-" not in page.name:  # unreadable: left out
            stem = page.name.removesuffix(".md")
            assert f"../events/{stem}/" not in hrefs, stem
            assert not (site / "events" / stem).exists(), stem


def test_an_unknown_field_alone_is_a_warning_and_the_page_is_kept(
    project: Path, tmp_path: Path
) -> None:
    real = events_dir(project) / seed_page(project)
    edited = real.read_text(encoding="utf-8").replace(
        "\ndraft: false\n", "\ndraft: false\ndesk_note: check the quotes with the Ashmoor desk\n")
    assert "desk_note" in edited
    real.write_text(edited, encoding="utf-8")
    own = events_dir(project) / "2025" / "2025-12-26-ashmoor-carols.md"
    own_text = ("---\ntitle: Ashmoor choir sings on the quay\ndate: 2025-12-26\n"
                "mood: festive\n---\nThe choir of Ashmoor sang carols.\n")
    own.write_text(own_text, encoding="utf-8")
    expected = [
        f"{EVENTS}/{seed_page(project)}:{line_of(edited, 'desk_note:')}: desk_note: unknown "
        f"field (kept as is; known fields: {KNOWN_FIELDS}) [warning]",
        f"{EVENTS}/2025/2025-12-26-ashmoor-carols.md:4: mood: unknown field (kept as is; known "
        f"fields: {KNOWN_FIELDS}) [warning]",
    ]
    check = timeline("check", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines() == expected
    assert check.stderr.splitlines()[-1] == f"2 event pages in {EVENTS}: 0 problem(s)"

    before = snapshot(project)
    build = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    assert f"kept (edited by hand) {SEED} -> {seed_page(project)}" in build.stdout.splitlines()
    assert real.read_text(encoding="utf-8") == edited
    assert own.read_text(encoding="utf-8") == own_text
    assert snapshot(project) == before

    strict = mkdocs_build(project, tmp_path / "site")
    assert strict.returncode == 0, strict.stdout + strict.stderr
    assert (tmp_path / "site" / "events" / "2025" / "2025-12-26-ashmoor-carols").is_dir()


def test_a_duplicate_that_sorts_first_does_not_take_the_seed(project: Path) -> None:
    real = seed_page(project)
    copy = "2025/2025-12-17-a-hand-made-copy.md"
    assert copy < real
    (events_dir(project) / copy).write_text(
        "---\ntitle: A hand-made copy of the Berlin talks event\ndate: 2025-12-17\n"
        f"sources:\n  - title: copy\n    seed: {SEED}\n---\nCopied by hand.\n", encoding="utf-8")
    state = (events_dir(project) / ".timeline-state").read_text(encoding="utf-8")
    build = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert (events_dir(project) / ".timeline-state").read_text(encoding="utf-8") == state
    assert f"unchanged  {SEED} -> {real}" in build.stdout.splitlines(), build.stdout
    check = timeline("check", cwd=project)
    assert check.stdout.startswith(f"{EVENTS}/{copy}:"), check.stdout


# --- Property: hostile seed text never becomes live markup ----------------------------------


FRAGMENTS = (
    "<script>alert('X')</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(2)>",
    "[a](javascript:alert(3))",
    "# heading",
    "| a | b |",
    "---",
    '{: onclick="alert(4)" }',
    "<svg onload=alert(5)>",
    "<a href='javascript:alert(6)'>x</a>",
    "[b]: javascript:alert(7)",
    "&lt;script&gt;alert(8)&lt;/script&gt;",
    "<!-- -->",
    "`code`",
    "*emph*",
)
#: Random text without line breaks (so each generated line stays one line of the seed).
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
               max_size=15)
LINE = st.lists(st.one_of(TEXT, st.sampled_from(FRAGMENTS)), min_size=1, max_size=6).map(
    " ".join)
SEEDS = st.lists(st.tuples(LINE, st.lists(LINE, min_size=1, max_size=3)), min_size=10,
                 max_size=10)


def hostile_seed(number: int, title: str, lines: list[str]) -> str:
    """A seed with a fixed lede (dateline, prose) and hostile title and paragraphs. Seeds
    are three days apart, so that none is grouped with another."""
    when = dt.date(2026, 1, 2) + dt.timedelta(days=3 * number)
    lede = (f"PORT VEYRA, {when:%B} {when.day} -- Mayor Ilse Varnholt said the council of "
            f"Port Veyra had read sheet number {number} into its minutes, as it was found.")
    return "\n\n".join([f"Port Veyra story {number} {title}", lede, *lines]) + "\n"


@dataclass
class Node:
    tag: str
    attrs: list[tuple[str, str | None]]
    in_article: bool
    text: str = ""


class Parsed(HTMLParser):
    """Every element of a built page, with its text, and whether it is in the content."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                      "meta", "source", "track", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Node] = []
        self._open: list[Node] = []
        self._article = 0

    @classmethod
    def of(cls, path: Path) -> Parsed:
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._article += tag == "article"
        node = Node(tag, attrs, self._article > 0)
        self.nodes.append(node)
        if tag not in self.VOID:
            self._open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes.append(Node(tag, attrs, self._article > 0))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break
        if tag == "article" and self._article:
            self._article -= 1

    def handle_data(self, data: str) -> None:
        for node in self._open:
            node.text += data

    @property
    def hrefs(self) -> list[str]:
        return [value or "" for node in self.nodes for key, value in node.attrs
                if key == "href"]


def assert_no_live_markup(page: Parsed, where: str) -> None:
    for node in page.nodes:
        names = [key for key, _ in node.attrs]
        assert not [key for key in names if key.startswith("on")], (where, node)
        for key, value in node.attrs:
            if key in ("href", "src"):
                assert not (value or "").strip().lower().startswith("javascript:"), (where, node)
        if node.tag == "script":
            assert "alert" not in node.text, (where, node)
        assert node.tag not in ("iframe", "frame", "object", "embed"), (where, node)
        if node.tag == "svg":  # only Material's icons and the timeline plugin's charts
            attributes = dict(node.attrs)
            assert (attributes.get("xmlns") == "http://www.w3.org/2000/svg"
                    or (attributes.get("class") or "").startswith("tl-")), (where, node)


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(seeds=SEEDS)
def test_hostile_seed_text_never_becomes_markup(tmp_path: Path,
                                                seeds: list[tuple[str, list[str]]]) -> None:
    work = Path(tempfile.mkdtemp(dir=tmp_path))  # one fresh project per example
    project = work / "proj"
    assert timeline("init", str(project), cwd=work).returncode == 0
    for number, (title, lines) in enumerate(seeds):
        (project / "seeds" / f"{number:02d}_hostile.txt").write_text(
            hostile_seed(number, title, lines), encoding="utf-8")
    build = timeline("build", "--reference-date", REFERENCE_DATE, cwd=project)
    assert build.returncode == 0, build.stdout + build.stderr
    created = [line for line in build.stdout.splitlines() if line.startswith("created    ")]
    assert len(created) == len(seeds), build.stdout
    site = work / "site"
    strict = mkdocs_build(project, site)
    assert strict.returncode == 0, strict.stdout + strict.stderr

    event_pages = sorted((site / "events").rglob("index.html"))
    assert len(event_pages) == len(seeds)
    for output in sorted(site.rglob("*.html")):
        assert_no_live_markup(Parsed.of(output), output.relative_to(site).as_posix())
    # Not vacuous: each event page shows its title, hostile fragments and all, as text.
    headings = sorted(" ".join(node.text.split()) for output in event_pages
                      for node in Parsed.of(output).nodes if node.tag == "h1")
    for number, (title, _lines) in enumerate(seeds):
        (heading,) = [h for h in headings if h.startswith(f"Port Veyra story {number} ")
                      or h == f"Port Veyra story {number}"]
        for fragment in FRAGMENTS:
            if fragment in title:
                assert fragment in heading, (fragment, heading)
