"""Notes and hand-edited event pages never put live script, or requests to other hosts, into
the built site (issue 8, items 1 and 2), and their text is still shown, as text.

Every note, page, place and person here is fictional (Ashmoor, Port Veyra, Ilse Varnholt).

The checks read the HTML of a real `mkdocs build --strict`: the event page's body is what
Python-Markdown (attr_list, md_in_html, toc) made of the Markdown, cleaned by
`builder/plugin/sanitize.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

import lxml.html
import markdown
import pytest
from conftest import mkdocs_build, run, timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.escape import safe_markdown
from builder.model import SeedError, parse_event
from builder.plugin.sanitize import clean_html, is_local
from builder.readers.markdown import read_note

#: Block contexts in which Python-Markdown resolves links, images and raw HTML, each with
#: an unsafe address or a remote image in it. `{n}` makes each marker unique.
HOSTILE_BLOCKS = [
    "- [a{n}]: javascript:alert({n})\n- click [list ref {n}][a{n}]",
    "- item\n\n    [b{n}]: javascript:alert({n})\n\n    indented [ref {n}][b{n}]",
    "> [c{n}]: vbscript:msgbox({n})\n> quoted [ref {n}][c{n}]",
    "| col | col |\n|---|---|\n"
    "| [table {n}](javascript:alert({n})) | ![t{n}](https://pix.example/t{n}.png) |",
    "Footnote {n}[^f{n}]\n\n[^f{n}]: [foot {n}](data:text/html,<script>alert({n})</script>)",
    "<javascript:alert({n})> and <vbscript:msgbox({n})>",
    '<a href="jav&#x61;script:alert({n})">entity {n}</a>',
    '<a href="java&#9;script:alert({n})">tab {n}</a>',
    '<img src=//pix.example/{n}.png onerror=alert({n})> <img src="/\\pix.example/{n}.png">',
    "![remote {n}](https://pix.example/r{n}.png) ![ref {n}][img{n}]\n\n"
    "[img{n}]: http://pix.example/ref{n}.png",
    '<img srcset="https://pix.example/s{n}.png 2x" src="local{n}.png" alt="srcset {n}">',
    "<script>alert({n})</script><style>body{{display:none}}</style>",
    '<iframe src="https://pix.example/{n}"></iframe><object data="x{n}"></object>',
    "Paragraph {n} with attributes\n{{: onclick=\"alert({n})\" }}",
    '<div markdown="1" onmouseover="alert({n})">md in html [x{n}](javascript:alert({n}))</div>',
    "# Heading {n} <img src=x onerror=alert({n})>",
    "[spaced {n}](java\nscript:alert({n}))",
    "<svg><script>alert({n})</script></svg>"
    '<math><mi xlink:href="javascript:alert({n})">m</mi></math>',
]
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
DANGEROUS_TAGS = {"script", "style", "iframe", "frame", "object", "embed", "svg", "math",
                  "form", "input", "base", "link", "meta", "audio", "video", "source"}


def normalized(address: str) -> str:
    """An address as a browser reads it: controls and spaces off its ends, tabs and line
    breaks removed anywhere."""
    return re.sub(r"[\t\n\r]", "", address.strip("".join(map(chr, range(0x21))))).lower()


def assert_inert(html_text: str, where: str) -> lxml.html.HtmlElement:
    """No on* attribute, no unsafe address and no remote fetch anywhere in the page; no
    dangerous element in its content. Returns the page's <article> (its content)."""
    document = lxml.html.document_fromstring(html_text)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (where, element.tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                address = normalized(value)
                assert not address.startswith(("javascript:", "vbscript:")), (where, value)
    (article,) = document.xpath("//article")
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag.lower() not in DANGEROUS_TAGS, (where, element.tag)
        for name, value in element.attrib.items():
            assert name not in ("srcset", "style", "poster", "background"), (where, name)
            if name in ("href", "src"):
                assert not normalized(value).startswith(UNSAFE_SCHEMES), (where, value)
        if element.tag == "img":
            assert is_local(element.get("src", "")), (where, element.get("src"))
    return article


#: Distinct titles, so that no two notes read as reports of one event (which merges them).
TOPICS = ["ferry", "lighthouse", "granary", "tramway", "orchard", "quarry", "bridge", "school",
          "market", "library", "harbour", "mill", "theatre", "observatory", "cannery",
          "aqueduct", "foundry", "brewery", "chapel", "museum", "bakery", "rowing club"]


def note(number: int, body: str) -> str:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=40 * number)
    return (f"---\ntitle: Ashmoor {TOPICS[number]} note {number}\ndate: {day.isoformat()}\n"
            f"people: [Ilse Varnholt]\n---\nNote {number} begins. {body}\n\n"
            f"Note {number} ends.\n")


def page(number: int, body: str) -> str:
    return (f"---\ntitle: Port Veyra harbour page {number}\ndate: 2024-03-{number + 1:02d}\n"
            f"---\n\nPage {number} begins.\n\n{body}\n\nPage {number} ends.\n")


def build_site(project: Path, notes: list[str], pages: list[str], site: Path) -> list[Path]:
    """Notes built by `timeline build`, pages written as hand edits; returns the event
    pages' HTML files of a `mkdocs build --strict`."""
    for number, text in enumerate(notes):
        (project / "seeds" / f"note-{number:02d}.md").write_text(text, encoding="utf-8")
    folder = project / "content" / "events" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(pages):
        (folder / f"2024-03-{number + 1:02d}-port-veyra-{number}.md").write_text(
            text, encoding="utf-8")
    built = timeline("build", "--reference-date", "2026-01-01", cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    strict = mkdocs_build(project, site)
    assert strict.returncode == 0, strict.stdout + strict.stderr
    assert "Traceback" not in strict.stderr
    return sorted((site / "events").rglob("index.html"))


def test_every_block_context_is_inert_in_the_built_site(bare_project: Path,
                                                        tmp_path: Path) -> None:
    blocks = [block.format(n=number) for number, block in enumerate(HOSTILE_BLOCKS)]
    outputs = build_site(bare_project, [note(n, b) for n, b in enumerate(blocks)],
                         [page(n, b) for n, b in enumerate(blocks)], tmp_path / "site")
    assert len(outputs) == 2 * len(blocks)
    texts = {}
    for output in outputs:
        article = assert_inert(output.read_text(encoding="utf-8"), str(output))
        texts[output.parent.name] = " ".join(article.text_content().split())
    for number in range(len(blocks)):
        (note_text,) = [t for name, t in texts.items() if name.endswith(f"-note-{number}")]
        (page_text,) = [t for name, t in texts.items() if name.endswith(f"port-veyra-{number}")]
        for text, what in ((note_text, "Note"), (page_text, "Page")):
            assert f"{what} {number} begins." in text and f"{what} {number} ends." in text
    # A note's Markdown is made inert before rendering: its raw HTML shows as text.
    (script_note,) = [t for name, t in texts.items() if name.endswith("-note-11")]
    assert "<script>alert(11)</script>" in script_note
    (div_note,) = [t for name, t in texts.items() if name.endswith("-note-14")]
    assert 'onmouseover="alert(14)"' in div_note
    # A remote image is a link showing its address; a local one stays an image.
    remote = lxml.html.document_fromstring(
        next(o for o in outputs if o.parent.name.endswith("port-veyra-9")).read_text("utf-8"))
    links = {a.get("href"): a.text_content() for a in remote.xpath("//article//a")}
    assert links["https://pix.example/r9.png"] == "remote 9 (https://pix.example/r9.png)"
    assert links["http://pix.example/ref9.png"] == "ref 9 (http://pix.example/ref9.png)"
    srcset = lxml.html.document_fromstring(
        next(o for o in outputs if o.parent.name.endswith("port-veyra-10")).read_text("utf-8"))
    (image,) = srcset.xpath("//article//img[@alt='srcset 10']")
    assert image.get("src") == "local10.png" and image.get("srcset") is None


@pytest.mark.parametrize(("fragment", "kept", "gone"), [
    ('<a href="JaVaScRiPt:alert(1)">x</a>', ">x</a>", "href"),
    ('<a href=" &#1;javascript:alert(1)">y</a>', ">y</a>", "href"),
    ('<a href="https://ashmoor.example/">z</a>', 'href="https://ashmoor.example/"', "onclick"),
    ('<img src="https://pix.example/a.png" alt="Quay">',
     'href="https://pix.example/a.png"', "<img"),
    ('<img src=" //pix.example/a.png">', "(//pix.example/a.png)", "<img"),
    ('<img src="data:image/png;base64,AAAA" alt="dot">', 'alt="dot"', "data:"),
    ('<img src="images/quay.png" alt="Quay">', '<img src="images/quay.png" alt="Quay">', "<a"),
    ('<img src="/\\pix.example/a.png" alt="b">', "b (/\\pix.example/a.png)", "<img"),
    ("<p onclick=alert(1) style=color:red>text</p>", "<p>text</p>", "onclick"),
])
def test_clean_html_cases(fragment: str, kept: str, gone: str) -> None:
    cleaned = clean_html(fragment)
    assert kept in cleaned
    assert gone not in cleaned


# --- Fuzz: hostile notes and pages never give live markup or a traceback ----------------

#: The site's Markdown, as MkDocs runs it for an event page.
SITE_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html"]
ATOMS = st.sampled_from([
    "javascript:alert(1)", "jav&#x61;script:", "JAVA\tSCRIPT:", "data:text/html,x",
    "vbscript:x", "<script>", "</script>", "<img src=//pix.example/x onerror=alert(1)>",
    "<a href=", '"', "'", "[", "]", "(", ")", "<", ">", "![", "[x]: ", "- ", "> ", "    ",
    "\n", "\n\n", "|", "{: ", "}", "&#", "&", ";", "`", "*", "#", "<svg onload=alert(1)>",
    "<iframe src=x>", "https://pix.example/i.png", "//pix.example/i.png", "[^1]", "[^1]: ",
    "&amp;", "\\", "<div markdown=1>", "</div>", "Ashmoor", " ", "\ufeff", "\r\n",
    "&:", "*a", "&a ", "--- ", "---\n", "title: ", "tags: ",
])
#: Structure that Markdown renders by recursion, repeated up to past the limits the
#: schema sets (model.MAX_NESTING, model.MAX_RUN).
NESTING = st.sampled_from(["- ", "> ", ">", "1. ", "* ", "    ", "\t", "*", "_", "*_", "**a ",
                           '<div markdown="1">\n', "<div>", "[", "[a](", "- > "])
SEGMENTS = st.one_of(ATOMS, st.tuples(NESTING, st.integers(2, 400)).map(lambda p: p[0] * p[1]))
HOSTILE_TEXT = st.lists(SEGMENTS, max_size=30).map("".join)
HOSTILE_LIST = st.sampled_from([
    "[a, b]", "[[a, b], c]", "&x [a] \ntags2: *x", "{a: 1}", "[1, 2.5, true, null]",
    "[a, a, b]", "!!binary aGk=", "*x", "&a b",
])


def assert_fragment_inert(html_text: str) -> None:
    document = lxml.html.document_fromstring(f"<html><body><article>{html_text}</article>"
                                             "</body></html>")
    assert_inert(lxml.html.tostring(document, encoding="unicode"), "fragment")


@settings(max_examples=1000, deadline=None)
@given(body=HOSTILE_TEXT, title=HOSTILE_TEXT, tags=HOSTILE_LIST)
def test_hostile_notes_and_pages_never_give_live_markup_or_a_traceback(
        body: str, title: str, tags: str) -> None:
    converter = markdown.Markdown(extensions=SITE_EXTENSIONS)
    front = f"---\ntitle: {title}\ndate: 2025-11-03\ntags: {tags}\n---\n{body}\n"
    # A note: read, or refused with a SeedError, never any other exception.
    try:
        article = read_note(front, "fuzz.md")
    except SeedError as error:
        assert "\n" not in str(error)
    else:
        assert article.body_markdown is None or "<" not in article.body_markdown
        if article.body_markdown:
            assert_fragment_inert(clean_html(converter.convert(article.body_markdown)))
    # A page: read (or refused with problems), never an exception; what is read renders.
    event, problems = parse_event(front, "content/events/fuzz.md")
    assert event is not None or problems
    if event is not None:
        converter.reset()
        assert_fragment_inert(clean_html(converter.convert(event.body)))
        converter.reset()
        assert_fragment_inert(clean_html(converter.convert(safe_markdown(event.body))))


@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(bodies=st.lists(HOSTILE_TEXT, min_size=3, max_size=3))
def test_hostile_bodies_in_a_real_build(tmp_path: Path, bodies: list[str]) -> None:
    """Notes and pages built for real: each is built or refused with a one-line message;
    the site builds (without --strict, as refused pages are reported as warnings) with no
    traceback, and what it shows is inert."""
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    project = work / "proj"
    assert timeline("init", str(project), cwd=work).returncode == 0
    safe = [body.replace("\n---", "\n- - -") for body in bodies]
    for number, body in enumerate(safe):
        (project / "seeds" / f"note-{number:02d}.md").write_text(note(number, body), "utf-8")
    folder = project / "content" / "events" / "2024"
    folder.mkdir(parents=True)
    for number, body in enumerate(safe):
        (folder / f"2024-03-{number + 1:02d}-port-veyra-{number}.md").write_text(
            page(number, body), encoding="utf-8")
    built = timeline("build", "--reference-date", "2026-01-01", cwd=project)
    assert "Traceback" not in built.stdout + built.stderr
    for line in built.stdout.splitlines():
        assert not line.startswith("failed") or re.match(r"failed     note-\d\d\.md: line \d+: ",
                                                         line), line
    check = timeline("check", cwd=project)
    assert check.returncode in (0, 1) and "Traceback" not in check.stdout + check.stderr
    site = work / "site"
    lenient = run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], project)
    assert lenient.returncode == 0 and "Traceback" not in lenient.stderr, lenient.stderr
    for output in sorted((site / "events").rglob("index.html")):
        assert_inert(output.read_text(encoding="utf-8"), str(output))


@pytest.mark.parametrize("markdown_text", [
    "- [a]: javascript:alert(1)\n- click [here][a]",
    "1. item\n\n    [b]: vbscript:x\n\n    see [b]",
    "> [c]: data:text/html,x\n> see [c]",
    "| t |\n|---|\n| [d](javascript:alert(1)) |",
    "[e](\njava\nscript:alert(1))",
])
def test_a_note_body_is_inert_markdown_before_any_cleaning(markdown_text: str) -> None:
    """`safe_markdown` alone (the page as written, for any Markdown engine) gives no live
    address, in each block context Python-Markdown resolves."""
    converter = markdown.Markdown(extensions=SITE_EXTENSIONS)
    rendered = converter.convert(safe_markdown(markdown_text))
    document = lxml.html.fragment_fromstring(rendered, create_parent="div")
    for element in document.iter("a"):
        assert not normalized(element.get("href", "")).startswith(UNSAFE_SCHEMES), rendered


def test_front_matter_the_theme_reads_is_escaped(bare_project: Path, tmp_path: Path) -> None:
    """Material writes `description` (and other keys) into the page unescaped; an event
    page's keys are data, and `template` cannot pick a file."""
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    folder = bare_project / "content" / "events" / "2024"
    folder.mkdir(parents=True)
    (folder / "2024-05-06-port-veyra-quay.md").write_text(
        f"---\ntitle: Port Veyra quay\ndate: 2024-05-06\ndescription: '{hostile}'\n"
        f"subtitle: '{hostile}'\nstatus: '{hostile}'\nhide: ['{hostile}']\n"
        "template: ../../../../../etc/passwd\n---\n\nThe quay reopens.\n", encoding="utf-8")
    check = timeline("check", cwd=bare_project)
    assert check.returncode == 0, check.stdout
    site = tmp_path / "site"
    (output,) = build_site(bare_project, [], [], site)
    text = output.read_text(encoding="utf-8")
    assert_inert(text, str(output))
    assert "<script>alert(1)" not in text
    document = lxml.html.document_fromstring(text)
    (description,) = document.xpath("//meta[@name='description']")
    assert description.get("content") == hostile  # escaped once: read back as written
