"""Hostile and broken seeds, end to end: one real project, one `timeline build`, one
`mkdocs build --strict`; then each case asserts on its own seed's line in the build's report,
on its event page (or that there is none), and on the built HTML.

Every article here is fictional (Port Veyra, Ashmoor, Mayor Ilse Varnholt, ...). Each seed is
dated at least three days from every other (grouping only joins reports at most a day
apart), except where two seeds share a day on purpose.

Report lines are `pipeline.SeedReport.__str__`: `f"{outcome:<10} {seed}"`, then
` -> {page}` and `: {detail}`; a failed seed's detail is its `SeedError` message.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import html
import re
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import frontmatter
import pytest
import yaml
from conftest import mkdocs_build, timeline

from builder.store import slug_for

REFERENCE_DATE = "2026-11-26"
FIRST_DAY = dt.date(2026, 1, 2)

# --- What the builder says (builder/readers/__init__.py, readers/text.py, extract/dates.py,
# pipeline.py): the exact `SeedError` messages.
EMPTY = "the file is empty (expected the article's title on the first line, then its text)"
BINARY = ("binary file (it contains NUL bytes; expected text: save the article as .txt, .html "
          "or .md)")
NO_TITLE = "no title (expected the headline on the first non-empty line)"
NO_DATE = ("no date found (expected a dateline such as 'CITY, December 17 --' or a "
           "'Published ...' line; or write the seed as a .md note with a 'date:' field)")
FEB_30 = ("the dateline's date 'February 30' is not a real day (expected a day such as "
          "'December 17'; correct the seed's dateline)")
TOO_BIG = ("5,000 bytes is over the limit of 2,000 (raise max_seed_bytes in mkdocs.yml, or "
           "trim the file)")


def link_outside(target: Path) -> str:
    return (f"a link to {target}, outside the seeds folder (copy the file into the seeds "
            "folder instead)")


# --- Seeds ---------------------------------------------------------------------------------


def day(slot: int) -> dt.date:
    """The day of a seed: slots are three days apart."""
    return FIRST_DAY + dt.timedelta(days=3 * slot)


def dateline(place: str, slot: int) -> str:
    when = day(slot)
    return f"{place.upper()}, {when:%B} {when.day} -- "


def article(title: str, place: str, slot: int, *paragraphs: str, newline: str = "\n",
            publisher: bool = True) -> str:
    """A pasted article as the README describes it: headline, publisher line, then the
    dateline and paragraphs (each long enough to read as prose)."""
    lines = [title, "- The Veyra Courier"] if publisher else [title]
    lines += ["", dateline(place, slot) + paragraphs[0]]
    for paragraph in paragraphs[1:]:
        lines += ["", paragraph]
    return newline.join(lines) + newline


def story(place: str, who: str, what: str) -> list[str]:
    """Two paragraphs of a fictional story about `what`."""
    return [f"{who} told residents of {place} on Tuesday that {what} would be finished before "
            "the autumn storms, and that the harbour office would publish the details.",
            f"The council of {place} said the cost of {what} had been agreed in the spring, "
            f"and that {who} would answer questions at the town hall next month."]


def png_bytes() -> bytes:
    """A real 1x1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


CP1252_TITLE = "Harbour master says “no ferries” until Port Veyra’s pier is mended"
CP1252_TEXT = ("Harbour master Brann Oster said the “temporary” gangway would stay closed — "
               "and that the ferry company’s own engineers agreed with the council of Port "
               "Veyra about the repairs.")
LATIN1_TITLE = "Café owner Élodie Vantreñez reopens the old bakery in Ashmoor"
LATIN1_TEXT = ("Élodie Vantreñez said the café would serve piñones and crème brûlée again, "
               "after the señora who owned the building agreed to a new lease with Ashmoor.")
UTF16_TITLE = "Ashmoor’s ferry timetable changes – again"
UTF16_TEXT = ("The ferry operator of Ashmoor said the winter timetable would change for the "
              "third time this year, citing a shortage of crew and the state of the slipway.")
UTF16BE_TITLE = "Ashmoor’s slipway crew asks for a “proper” winter shed"
UTF16BE_TEXT = ("The slipway crew of Ashmoor said their shed had leaked since March, and that "
                "the council’s surveyor had promised a new roof before the first frost.")
BOM_TITLE = "Port Veyra lighthouse keeper Ilse Varnholt retires after forty years"
BOM_TEXT = ("Ilse Varnholt, who kept the Port Veyra light since she was twenty, said she would "
            "stay in the keeper's cottage and teach the new keeper how to read the weather.")
CRLF_TITLE = "Ashmoor school roof to be repaired over the winter break"
CRLF_TEXT = ("The headteacher of Ashmoor school, Tomas Rell, said pupils would not notice the "
             "work because the builders would start on the first day of the holiday.")
CR_TITLE = "Port Veyra fish market moves to the north quay for the summer"
CR_TEXT = ("Market warden Ada Quist said the stalls on the north quay had more shade and more "
           "room for the carts, and that the move had been asked for by the traders.")
#: YAML and Markdown syntax everywhere; `[x]` is also a text browser's check box mark.
YAML_TITLE_X = "Ashmoor vote: # no - 'yes' \"maybe\" --- | > [x](y) * {a: b} &anc *ref !tag"
YAML_TITLE = ("Ashmoor poll: # no - 'yes' \"maybe\" --- | > [see](y) * {a: b} &anc *ref !tag "
              "% @ `code` <b>bold</b> &amp; ok")
LONG_TITLE = " ".join(["Ashmoor"] + [f"harbour{n:04d}" for n in range(250)])[:1999] + "x"
CYRILLIC_TITLE = "Мэр Порт-Вейры открыл новый мост через гавань"
GREEK_TITLE = "Ο δήμαρχος της Άσμορ εγκαινίασε τη νέα γέφυρα"
CJK_TITLE = "港口维拉市长宣布新桥开放"
EMOJI_TITLE = "🚢🌊🎉"
SAME_TITLE = "Council approves new harbour budget"
COPY_TITLE = "Ferry fares in Port Veyra frozen for another year"
COPY_TEXT = ("The ferry company’s director, Halvard Crane, said fares would stay the same "
             "until the new boat arrives from the yard in Ashmoor next summer.")
OUTSIDE_MARKER = "Quillan Desmarch"

#: Hostile constructs. Each is pinned inside a sentence (where the reader keeps it: it must
#: reach the page, as text) and also stands on a line of its own (where it may be dropped as
#: page debris, or kept: either way never as markup).
HOSTILE_PARTS = [
    "<script>alert('ZQX-SCRIPT')</script>",
    "<img src=\"zqx-img.png\" onerror=\"alert('ZQX-IMG')\">",
    "<iframe src=\"https://zqx.invalid/ZQX-FRAME\"></iframe>",
    "# ZQX-HEADING one",
    "## ZQX-HEADING two",
    "[ZQX-LINK](javascript:alert('ZQX-JS'))",
    "<javascript:alert('ZQX-AUTOLINK')>",
    "[zqx-ref]: javascript:alert('ZQX-REF')",
    "[ZQX-REFLINK][zqx-ref]",
    "---",
    "***",
    "> ZQX-QUOTE",
    "<div onclick=\"alert('ZQX-DIV')\">ZQX-DIV</div>",
    "{: onclick=\"alert('ZQX-ATTR')\" }",
    "<svg onload=alert('ZQX-SVG')>",
    "| ZQX-TABLE | b |",
]
HOSTILE_BLOCKS = ["ZQX-SETEXT heading\n===", "ZQX-SETEXT2 heading\n---",
                  "| ZQX-TABLE | b |\n|---|---|\n| 1 | 2 |", "---"]
HOSTILE_MARKER = "ZQX"


def pinned(part: str) -> str:
    return (f"Harbour clerk Odo Brambeck read the line {part} from the sheet, word for word, "
            "so that the minutes of Port Veyra would record it.")


#: The sentences the page must show (a line with two or more `|` is not prose to the reader).
HOSTILE_SHOWN = [pinned(part) for part in HOSTILE_PARTS if part.count("|") < 2]
HOSTILE_SEED = article(
    "Port Veyra notice board covered in strange code overnight", "Port Veyra", 5,
    "Harbour clerk Odo Brambeck found printed sheets pinned to the pier notice board on "
    "Friday morning and took them to the council, which asked the police to look at them.",
    *(pinned(part) for part in HOSTILE_PARTS), *HOSTILE_PARTS, *HOSTILE_BLOCKS,
    "\n".join(HOSTILE_PARTS),
    "The council of Port Veyra said the sheets would be kept in the town archive.",
)
#: The same, as a person's Markdown note (`.md`): its Markdown is kept, made safe.
HOSTILE_NOTE = "\n".join([
    "---", "title: Ashmoor note on the pier sheets", f"date: {day(31).isoformat()}", "---",
    "Clerk Una Pell copied the sheets found on the Ashmoor pier into this note.",
    "{: onclick=\"alert('ZQX-NOTE-ATTR')\" }", "",
    "See [the sheet][zqx-note] and [this](javascript:alert('ZQX-NOTE-JS')) and "
    "[that](java\nscript:alert('ZQX-NOTE-SPLIT')).", "",
    "[zqx-note]: javascript:alert('ZQX-NOTE-REF')", "",
    "<script>alert('ZQX-NOTE-SCRIPT')</script> <img src=x onerror=\"alert('ZQX-NOTE-IMG')\">",
    "", "## Copied {: onmouseover=\"alert('ZQX-NOTE-H')\" }", "",
    "<svg onload=alert('ZQX-NOTE-SVG')> <iframe src=\"javascript:alert('ZQX-NOTE-FRAME')\">",
]) + "\n"


# --- The batch: every seed in one project, one build ---------------------------------------


@dataclass
class Batch:
    root: Path
    stdout: str
    returncode: int
    site: Path
    #: page path (relative to content/events) -> parsed page
    pages: dict[str, frontmatter.Post]
    #: snapshot of the whole temp folder before and after `timeline build`
    before: dict[str, str]
    after: dict[str, str]
    strict: subprocess.CompletedProcess[str]
    #: the pages of a second build of a fresh copy of the project
    second_pages: list[str] = field(default_factory=list)

    @property
    def events(self) -> Path:
        return self.root / "content" / "events"

    def lines(self, seed: str) -> list[str]:
        """The report lines about one seed (outcome padded to 10, then the name)."""
        return [line for line in self.stdout.splitlines()
                if len(line) > 11 and (line[11:].startswith(f"{seed} -> ")
                                       or line[11:].startswith(f"{seed}: ")
                                       or line[11:] == seed)]

    def line(self, seed: str) -> str:
        found = self.lines(seed)
        assert len(found) == 1, f"{seed}: expected one report line, got {found}\n{self.stdout}"
        return found[0]

    def pages_of(self, seed: str) -> dict[str, frontmatter.Post]:
        return {path: post for path, post in self.pages.items()
                if any(source.get("seed") == seed for source in sources(post))}

    def page_of(self, seed: str) -> tuple[str, frontmatter.Post]:
        found = self.pages_of(seed)
        assert len(found) == 1, f"{seed}: expected one page, got {sorted(found)}\n{self.stdout}"
        ((path, post),) = found.items()
        assert self.line(seed) == f"created    {seed} -> {path}"
        return path, post

    def html_of(self, page: str) -> Path:
        return self.site / "events" / page.removesuffix(".md") / "index.html"


def snapshot(root: Path) -> dict[str, str]:
    """Every file, folder and link under root -> sha256 of its bytes (or what it is)."""
    result: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink():
            result[key] = f"link to {path.readlink()}"
        elif path.is_file():
            result[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            result[key] = "folder"
    return result


def new_project(where: Path, max_seed_bytes: int | None = None) -> Path:
    result = timeline("init", str(where), cwd=where.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    if max_seed_bytes is not None:  # an option of the timeline plugin, beside events_dir
        config_file = where / "mkdocs.yml"
        text = config_file.read_text(encoding="utf-8")
        text, count = re.subn(r"(?m)^(\s+)events_dir: events$",
                              rf"\g<0>\n\g<1>max_seed_bytes: {max_seed_bytes}", text)
        assert count == 1, text
        config_file.write_text(text, encoding="utf-8")
    return where


def read_pages(events: Path) -> dict[str, frontmatter.Post]:
    return {path.relative_to(events).as_posix(): frontmatter.load(path)
            for path in sorted(events.rglob("*.md"))}


def run_batch(tmp: Path, seeds: dict[str, bytes], max_seed_bytes: int | None = None,
              setup: Callable[[Path], None] | None = None, second: bool = False) -> Batch:
    root = new_project(tmp / "proj", max_seed_bytes)
    for name, data in seeds.items():
        (root / "seeds" / name).write_bytes(data)
    if setup is not None:
        setup(root)
    fresh = tmp / "copy"
    shutil.copytree(root, fresh, symlinks=True)  # the same project, not yet built
    before = snapshot(tmp)
    result = timeline("build", "--reference-date", REFERENCE_DATE, cwd=root)
    after = snapshot(tmp)
    assert "Traceback" not in result.stderr, result.stderr
    second_pages: list[str] = []
    if second:
        again = timeline("build", "--reference-date", REFERENCE_DATE, cwd=fresh)
        assert again.returncode == result.returncode, again.stdout + again.stderr
        second_pages = sorted(read_pages(fresh / "content" / "events"))
    return Batch(root=root, stdout=result.stdout, returncode=result.returncode,
                 site=tmp / "site", pages=read_pages(root / "content" / "events"),
                 before=before, after=after, strict=mkdocs_build(root, tmp / "site"),
                 second_pages=second_pages)


# --- The cases -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    seed: str
    data: bytes
    check: Callable[[Batch, Case], object]
    #: what the build's report says of the seed
    outcome: str = "created"
    #: the title the seed's page must have
    title: str | None = None
    slot: int | None = None
    marks: tuple[Any, ...] = ()


def fails_with(message: str) -> Callable[[Batch, Case], None]:
    """The seed is reported `failed` with exactly this message; no page cites it; the
    batch's other seeds were built and the build exits 1."""
    def check(batch: Batch, case: Case) -> None:
        assert batch.line(case.seed) == f"failed     {case.seed}: {message}"
        assert batch.pages_of(case.seed) == {}
        assert batch.returncode == 1
        assert any(line.startswith("created    ") for line in batch.stdout.splitlines())
    return check


def failing(id: str, seed: str, data: bytes, message: str, marks: tuple[Any, ...] = ()
            ) -> Case:
    return Case(id, seed, data, fails_with(message), outcome="failed", marks=marks)


def sources(post: frontmatter.Post) -> list[dict[str, Any]]:
    listed = post.get("sources") or []
    assert isinstance(listed, list)
    return listed


def title_of(post: frontmatter.Post) -> str:
    title = post["title"]
    assert isinstance(title, str)
    return title


def plain(markdown: str) -> str:
    """Escaped Markdown text as the text it renders."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def built(batch: Batch, case: Case) -> tuple[str, frontmatter.Post]:
    """The seed's one page, created, dated and titled as expected, shown on the site."""
    path, post = batch.page_of(case.seed)
    assert case.slot is not None and case.title is not None
    assert Path(path).name.startswith(f"{day(case.slot).isoformat()}-"), path
    assert post["title"] == case.title
    assert sources(post)[0]["title"] == case.title
    assert batch.strict.returncode == 0, batch.strict.stdout + batch.strict.stderr
    assert case.title in Html.of(batch.html_of(path)).headings
    return path, post


def decoded_as(text: str) -> Callable[[Batch, Case], None]:
    """Built, with exactly this title and text: no mojibake, no BOM, no CR."""
    def check(batch: Batch, case: Case) -> None:
        path, post = built(batch, case)
        assert text in plain(post.content)
        raw = (batch.events / path).read_bytes()
        for bad in (b"\r", "\ufeff".encode(), "\ufffd".encode(), "â€".encode(), "Ã".encode(),
                    b"\x00"):
            assert bad not in raw, (bad, path)
        shown = Html.of(batch.html_of(path)).article_text
        assert case.title is not None and case.title in shown and text in shown
    return check


def check_yaml_title(batch: Batch, case: Case) -> None:
    path, _post = built(batch, case)
    raw = (batch.events / path).read_text(encoding="utf-8")
    front = raw.split("\n---\n", 1)[0].removeprefix("---\n")
    assert yaml.safe_load(front)["title"] == case.title
    page = Html.of(batch.html_of(path))
    assert page.title.startswith(f"{case.title} - ")  # "<title> - <site name>"
    assert not page.elements("b")
    assert not [href for href in page.hrefs if href.rstrip("/").split("/")[-1] == "y"]
    # The timeline lists it by its title, as text too.
    listing = Html.of(batch.site / "timeline" / "index.html")
    assert case.title in [" ".join(e.text.split()) for e in listing.elements("a")]
    assert not listing.elements("b")
    assert not [href for href in listing.hrefs if href.rstrip("/").split("/")[-1] == "y"]


def check_hostile_body(batch: Batch, case: Case) -> None:
    path, _post = built(batch, case)
    page = Html.of(batch.html_of(path))
    shown = page.article_text
    for sentence in HOSTILE_SHOWN:  # not vacuous: the hostile text is on the page, as text
        assert " ".join(sentence.split()) in shown, sentence
    for output in sorted(batch.site.rglob("*.html")):
        assert_no_live_markup(Html.of(output), output.relative_to(batch.site).as_posix())
    for tag in ("table", "blockquote", "hr", "img", "iframe", "svg", "script"):
        assert not page.elements(tag, in_article=True), tag
    # No heading, list, link, emphasis or code made of the seed's text.
    made = [e for e in page.all if e.in_article and HOSTILE_MARKER in e.text and e.tag in (
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code")]
    assert made == []


def assert_no_live_markup(parsed: Html, where: str, marker_in_attributes: bool = False
                          ) -> None:
    """No markup in a built page could have come from a seed: no event handler, no
    `javascript:` link, no script that alerts, no frame, no <svg> but Material's icons and
    the plugin's charts, nothing carrying the hostile marker in an attribute."""
    for element in parsed.all:
        attributes = dict(element.attrs)
        assert not [key for key in attributes if key.startswith("on")], (where, element)
        for key in ("href", "src", "action", "formaction", "xlink:href", "data"):
            # Browsers drop tabs and line breaks inside URLs ("java\nscript:" runs).
            value = re.sub(r"[\t\n\r]", "", attributes.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:text/html")), (
                where, element)
        if not marker_in_attributes:
            assert HOSTILE_MARKER.lower() not in element.attributes.lower(), (where, element)
        if element.tag == "script":
            assert "alert" not in element.text, (where, element)
        assert element.tag not in ("iframe", "frame", "object", "embed", "img"), (
            where, element)
        if element.tag == "svg":  # only Material's icons and the timeline plugin's charts
            assert (attributes.get("xmlns") == "http://www.w3.org/2000/svg"
                    or (attributes.get("class") or "").startswith("tl-")), (where, element)


def check_long_title(batch: Batch, case: Case) -> None:
    path, _post = built(batch, case)
    assert len(LONG_TITLE) == 2000 and case.title == LONG_TITLE
    slug = Path(path).stem.removeprefix(f"{day(case.slot or 0).isoformat()}-")
    assert 0 < len(slug) <= 60, slug
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug
    assert slug.startswith("ashmoor-harbour0000-harbour0001-")


def readable_slug(expected: str | None = None) -> Callable[[Batch, Case], None]:
    """An ASCII slug made from the title's letters ('event' when it has none), the same in a
    second build of a fresh copy of the project."""
    def check(batch: Batch, case: Case) -> None:
        path, post = built(batch, case)
        slug = Path(path).stem.removeprefix(f"{day(case.slot or 0).isoformat()}-")
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug
        if expected is not None:
            assert slug == expected
        else:
            assert slug == slug_for(title_of(post)) and len(slug.split("-")) >= 3, slug
        assert path in batch.second_pages, (path, batch.second_pages)
        assert batch.second_pages == sorted(batch.pages)
    return check


SAME_DAY = {  # seed -> (place, lead paragraph): one headline, one day, two stories
    "same_headline_ashmoor.txt": (
        "Ashmoor",
        "The Ashmoor town council approved the harbour budget by seven votes to two after "
        "treasurer Wilm Okafor promised a new crane for the east quay and a dredger."),
    "same_headline_port_veyra.txt": (
        "Port Veyra",
        "Mayor Ilse Varnholt said the Port Veyra council had agreed its budget unanimously, "
        "with money set aside for lifeboat volunteers and the lighthouse museum."),
}
SAME_DAY_MORE = {
    "same_headline_ashmoor.txt":
        "Okafor said the crane would be bought second-hand from a shipyard in the north, and "
        "that fishermen had waited eleven years for it; two councillors called it a luxury.",
    "same_headline_port_veyra.txt":
        "Varnholt thanked the volunteer crews, whose old boathouse floods every winter, and "
        "said the museum would open on Sundays from April with a new curator, Mira Santell.",
}


def check_same_headline(batch: Batch, case: Case) -> None:
    """Two stories with one headline on one day: two pages, `-slug` and `-slug-2`."""
    path, post = built(batch, case)
    when = day(case.slot or 0)
    stem = f"{when.year}/{when.isoformat()}-{slug_for(SAME_TITLE)}"
    pages = {seed: batch.page_of(seed)[0] for seed in SAME_DAY}
    assert sorted(pages.values()) == [f"{stem}-2.md", f"{stem}.md"]
    place, lead = SAME_DAY[case.seed]
    assert [source["seed"] for source in sources(post)] == [case.seed]
    assert post["location"] == place
    assert lead in plain(post.content)
    (other,) = [seed for seed in SAME_DAY if seed != case.seed]
    assert SAME_DAY[other][1] not in plain(post.content)
    assert path == pages[case.seed]


COPIES = ["copy_a_ferry.txt", "copy_b_ferry (1).txt"]


def check_copies(batch: Batch, case: Case) -> None:
    """The same article under two names (one of them cp1252 with CRLF): one page."""
    found = batch.pages_of(COPIES[0])
    assert len(found) == 1, batch.stdout
    ((path, post),) = found.items()
    assert batch.pages_of(COPIES[1]) == found
    assert [source["seed"] for source in sources(post)] == COPIES
    assert post["title"] == COPY_TITLE
    for name in COPIES:  # each seed is reported, with the one page
        assert batch.line(name) == f"created    {name} -> {path}"
    assert case.seed in COPIES


def check_outside_link(batch: Batch, case: Case) -> None:
    target = (batch.root.parent / "outside" / "secret.txt").resolve()
    fails_with(link_outside(target))(batch, case)
    for page in batch.pages.values():
        assert OUTSIDE_MARKER not in page.content and OUTSIDE_MARKER not in title_of(page)
    for output in batch.site.rglob("*.html"):
        assert OUTSIDE_MARKER not in output.read_text(encoding="utf-8"), output


def check_odd_names(batch: Batch, case: Case) -> None:
    _path, post = built(batch, case)
    assert sources(post)[0]["seed"] == case.seed
    changed = {key for key in batch.before.keys() | batch.after.keys()
               if batch.before.get(key) != batch.after.get(key)}
    assert changed, "the build wrote nothing"
    allowed = re.compile(r"proj/content/events(?:/\.timeline-state|/\.timeline\.lock"
                         r"|/\d{4}|/\d{4}/\d{4}-\d\d-\d\d-[a-z0-9-]+\.md)?"
                         r"|proj/\.cache(?:/timeline(?:/pages\.json|/events\.jsonl|/seeds\.json|/grouping\.json)?)?")
    assert sorted(key for key in changed if not allowed.fullmatch(key)) == []
    assert {key.removeprefix("proj/content/events/") for key in changed
            if key.endswith(".md")} == set(batch.pages)


def ok(id: str, seed: str, data: bytes, title: str, slot: int,
       check: Callable[[Batch, Case], object] = built, marks: tuple[Any, ...] = ()) -> Case:
    return Case(id, seed, data, check, title=title, slot=slot, marks=marks)


def bug(reason: str) -> tuple[Any, ...]:
    return (pytest.mark.xfail(strict=True, reason=f"builder bug: {reason}"),)


CASES: list[Case] = [
    failing("empty", "empty.txt", b"", EMPTY),
    failing("whitespace-only", "whitespace.txt", b"  \n\t\n   \r\n\xc2\xa0\n \n", EMPTY),
    failing("utf-8-bom-only", "bom_only.txt", codecs.BOM_UTF8 + b" \r\n", EMPTY),
    failing("utf-16-bom-only", "bom16_only.txt", " \n\n".encode("utf-16"), EMPTY),
    failing("binary-nul-bytes", "binary.txt",
            b"Port Veyra\x00\x01\x02 harbour\x00 log\n" * 20, BINARY),
    failing("png-renamed-txt", "photo_of_the_pier.txt", png_bytes(), BINARY),
    ok("cp1252-smart-quotes", "cp1252.txt",
       article(CP1252_TITLE, "Port Veyra", 0, CP1252_TEXT,
               *story("Port Veyra", "Brann Oster", "the gangway")[1:]).encode("cp1252"),
       CP1252_TITLE, 0, decoded_as(CP1252_TEXT)),
    ok("latin-1", "latin1.txt",
       article(LATIN1_TITLE, "Ashmoor", 1, LATIN1_TEXT,
               *story("Ashmoor", "Élodie Vantreñez", "the bakery")[1:]).encode("latin-1"),
       LATIN1_TITLE, 1, decoded_as(LATIN1_TEXT)),
    ok("utf-16-bom", "utf16.txt",
       article(UTF16_TITLE, "Ashmoor", 2, UTF16_TEXT,
               *story("Ashmoor", "the operator", "the timetable")[1:]).encode("utf-16"),
       UTF16_TITLE, 2, decoded_as(UTF16_TEXT)),
    ok("utf-16-be-bom", "utf16be.txt",
       codecs.BOM_UTF16_BE + article(UTF16BE_TITLE, "Ashmoor", 3, UTF16BE_TEXT,
                                     *story("Ashmoor", "the crew", "the shed")[1:]
                                     ).encode("utf-16-be"),
       UTF16BE_TITLE, 3, decoded_as(UTF16BE_TEXT)),
    ok("utf-8-bom", "utf8bom.txt",
       codecs.BOM_UTF8 + utf8(article(BOM_TITLE, "Port Veyra", 4, BOM_TEXT,
                                      *story("Port Veyra", "Ilse Varnholt", "the light")[1:])),
       BOM_TITLE, 4, decoded_as(BOM_TEXT)),
    ok("crlf", "crlf.txt",
       utf8(article(CRLF_TITLE, "Ashmoor", 6, CRLF_TEXT,
                    *story("Ashmoor", "Tomas Rell", "the school roof")[1:], newline="\r\n")),
       CRLF_TITLE, 6, decoded_as(CRLF_TEXT)),
    ok("lone-cr", "cr.txt",
       utf8(article(CR_TITLE, "Port Veyra", 7, CR_TEXT,
                    *story("Port Veyra", "Ada Quist", "the market move")[1:], newline="\r")),
       CR_TITLE, 7, decoded_as(CR_TEXT)),
    failing("no-title-furniture-lines", "furniture.txt",
            b"Share\n\nComments\n\n- 4 hours ago\n\nShare this article\n\nComments (12)\n\n"
            b"Subscribe\n", NO_TITLE),
    failing("no-title-furniture-lines-together", "furniture_run.txt",
            b"Share\nComments\n- 4 hours ago\nShare this article\nComments (12)\nSubscribe\n",
            NO_TITLE),
    failing("no-date-anywhere", "undated.txt",
            utf8("Ashmoor ferry service resumes after the storm\n- The Veyra Courier\n\n"
                 "The Ashmoor ferry ran again on Monday after repairs to the slipway, and the "
                 "operator said it would keep to the summer timetable until further "
                 "notice.\n\nPassengers were asked to arrive early, because the new "
                 "ticket machines on the quay were still being tested by the company.\n"),
            NO_DATE),
    failing("dateline-february-30", "feb30.txt",
            utf8("Ashmoor council meets on a day that does not exist\n- The Veyra Courier\n\n"
                 "ASHMOOR, February 30 -- " + " ".join(story("Ashmoor", "Mayor Petra Holm",
                                                             "the sea wall")) + "\n"),
            FEB_30),
    ok("yaml-and-markdown-title", "yaml_title.txt",
       utf8(article(YAML_TITLE, "Ashmoor", 8,
                    *story("Ashmoor", "Returning officer Cass Dunleigh", "the count"))),
       YAML_TITLE, 8, check_yaml_title),
    ok("yaml-and-markdown-title-with-[x]", "yaml_title_x.txt",
       utf8(article(YAML_TITLE_X, "Ashmoor", 9,
                    *story("Ashmoor", "Returning officer Bex Arlow", "the recount"))),
       YAML_TITLE_X, 9, check_yaml_title),
    ok("hostile-html-and-markdown-body", "hostile.txt", utf8(HOSTILE_SEED),
       "Port Veyra notice board covered in strange code overnight", 5, check_hostile_body),
    ok("title-2000-chars", "long_title.txt",
       utf8(article(LONG_TITLE, "Ashmoor", 10,
                    *story("Ashmoor", "The harbour board", "the long report"), publisher=False)),
       LONG_TITLE, 10, check_long_title),
    ok("title-2000-chars-with-publisher-line", "long_title_publisher.txt",
       utf8(article(LONG_TITLE, "Ashmoor", 11,
                    *story("Ashmoor", "The pier board", "the longer report"))),
       LONG_TITLE, 11, check_long_title),
    ok("cyrillic-title", "cyrillic.txt",
       utf8(article(CYRILLIC_TITLE, "Port Veyra", 12,
                    *story("Port Veyra", "Mayor Ilse Varnholt", "the bridge"))),
       CYRILLIC_TITLE, 12, readable_slug()),
    ok("greek-title", "greek.txt",
       utf8(article(GREEK_TITLE, "Ashmoor", 13, *story("Ashmoor", "Mayor Petra Holm",
                                                      "the footbridge"))),
       GREEK_TITLE, 13, readable_slug()),
    ok("cjk-title", "cjk.txt",
       utf8(article(CJK_TITLE, "Port Veyra", 14,
                    *story("Port Veyra", "Deputy mayor Lin Adair", "the new bridge"))),
       CJK_TITLE, 14, readable_slug()),
    ok("cjk-title-no-publisher-line", "cjk_bare.txt",
       utf8(article(CJK_TITLE + "。", "Port Veyra", 15,
                    *story("Port Veyra", "Harbour master Jon Edris", "the crane"),
                    publisher=False)),
       CJK_TITLE + "。", 15, readable_slug()),
    ok("emoji-only-title", "emoji.txt",
       utf8(article(EMOJI_TITLE, "Port Veyra", 16,
                    *story("Port Veyra", "The regatta committee", "the regatta"))),
       EMOJI_TITLE, 16, readable_slug(expected="event")),
    ok("emoji-only-title-no-publisher-line", "emoji_bare.txt",
       utf8(article(EMOJI_TITLE + "⚓", "Port Veyra", 17,
                    *story("Port Veyra", "The sailing club", "the new slipway"),
                    publisher=False)),
       EMOJI_TITLE + "⚓", 17, readable_slug(expected="event")),
    *(ok(f"same-headline-same-day-{place.lower().replace(' ', '-')}", seed,
         utf8(article(SAME_TITLE, place, 18, lead, SAME_DAY_MORE[seed])),
         SAME_TITLE, 18, check_same_headline)
      for seed, (place, lead) in SAME_DAY.items()),
    ok("same-article-two-names", COPIES[0],
       utf8(article(COPY_TITLE, "Port Veyra", 19, COPY_TEXT,
                    *story("Port Veyra", "Halvard Crane", "the new boat")[1:])),
       COPY_TITLE, 19, check_copies),
    ok("same-article-two-names-cp1252-crlf-copy", COPIES[1],
       article(COPY_TITLE, "Port Veyra", 19, COPY_TEXT,
               *story("Port Veyra", "Halvard Crane", "the new boat")[1:],
               newline="\r\n").encode("cp1252"),
       COPY_TITLE, 19, check_copies),
    Case("symlink-outside-seeds", "link_to_outside.txt", b"", check_outside_link,
         outcome="failed"),
    ok("name-with-spaces-and-quotes", 'Ashmoor "harbour" report.txt',
       utf8(article("Ashmoor harbour report finds cracks in the breakwater", "Ashmoor", 20,
                    *story("Ashmoor", "Engineer Rosalind Vey", "the breakwater"))),
       "Ashmoor harbour report finds cracks in the breakwater", 20, check_odd_names),
    ok("name-with-apostrophe", "Port Veyra's pier minutes.txt",
       utf8(article("Port Veyra pier minutes published in full", "Port Veyra", 21,
                    *story("Port Veyra", "Clerk Odo Brambeck", "the pier minutes"))),
       "Port Veyra pier minutes published in full", 21, check_odd_names),
    ok("name-with-dot-dot", "minutes .. draft ..txt",
       utf8(article("Draft minutes of the Ashmoor ferry board released", "Ashmoor", 22,
                    *story("Ashmoor", "Board secretary Una Pell", "the minutes"))),
       "Draft minutes of the Ashmoor ferry board released", 22, check_odd_names),
    ok("name-like-a-path", "ashmoor ..%2F..%2Fetc%2Fpasswd.txt",
       utf8(article("Ashmoor archive opens its doors for a weekend", "Ashmoor", 23,
                    *story("Ashmoor", "Archivist Teodor Lisk", "the archive"))),
       "Ashmoor archive opens its doors for a weekend", 23, check_odd_names),
]
#: A plain, well-formed seed: the batch always has one seed that must be built.
CONTROL = ok("control", "control.txt",
             utf8(article("Port Veyra harbour reopens after dredging", "Port Veyra", 24,
                          *story("Port Veyra", "Mayor Ilse Varnholt", "the dredging"))),
             "Port Veyra harbour reopens after dredging", 24)


def make_outside_link(root: Path) -> None:
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(article(
        f"Secret file of {OUTSIDE_MARKER} about the Ashmoor lighthouse", "Ashmoor", 25,
        *story("Ashmoor", OUTSIDE_MARKER, "the lighthouse")), encoding="utf-8")
    link = root / "seeds" / "link_to_outside.txt"
    link.unlink()
    link.symlink_to(outside / "secret.txt")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    seeds = {case.seed: case.data for case in [*CASES, CONTROL]}
    assert len(seeds) == len(CASES) + 1, "two cases share a seed name"
    return run_batch(tmp_path_factory.mktemp("batch"), seeds, setup=make_outside_link,
                     second=True)


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id, marks=case.marks)
                                  for case in CASES])
def test_bad_seed(batch: Batch, case: Case) -> None:
    case.check(batch, case)


def test_control_seed_is_built(batch: Batch) -> None:
    CONTROL.check(batch, CONTROL)


def test_every_seed_gets_one_report_line_and_a_failure_exits_1(batch: Batch) -> None:
    *seed_lines, summary = batch.stdout.splitlines()
    cases = [*CASES, CONTROL]
    assert len(seed_lines) == len(cases), batch.stdout
    for case in cases:
        line = batch.line(case.seed)
        if not case.marks:  # (a case marked as a known bug may end otherwise)
            assert line.startswith(f"{case.outcome:<10} {case.seed}"), case.id
    created = sum(1 for line in seed_lines if line.startswith("created    "))
    failed = sum(1 for line in seed_lines if line.startswith("failed     "))
    assert created + failed == len(cases), batch.stdout
    assert failed >= sum(1 for case in cases if case.outcome == "failed" and not case.marks)
    assert summary == f"{len(cases)} seeds in seeds: {created} created, {failed} failed"
    assert batch.returncode == 1
    # A page per seed built, and no other (the two copies of one article share one).
    assert len(batch.pages) == created - 1
    assert batch.strict.returncode == 0, batch.strict.stdout + batch.strict.stderr


# --- A person's Markdown note (`.md`) with the same hostile content ----------------------


def test_a_hostile_markdown_note_renders_no_live_markup(tmp_path: Path) -> None:
    batch = run_batch(tmp_path, {"hostile_note.md": utf8(HOSTILE_NOTE)})
    case = ok("hostile-markdown-note", "hostile_note.md", b"",
              "Ashmoor note on the pier sheets", 31)
    path, _post = built(batch, case)
    page = Html.of(batch.html_of(path))
    assert "Clerk Una Pell copied the sheets" in page.article_text
    assert "<script>alert('ZQX-NOTE-SCRIPT')</script>" in page.article_text  # shown as text
    outputs = sorted(batch.site.rglob("*.html"))
    assert batch.html_of(path) in outputs
    for output in outputs:
        assert_no_live_markup(Html.of(output), output.relative_to(batch.site).as_posix(),
                              marker_in_attributes=True)  # a disarmed link's "#alert(...)"


# --- A seed over the size limit (its own project: the limit applies to every seed) -------


def test_a_seed_over_max_seed_bytes_is_refused_unread(tmp_path: Path) -> None:
    paragraphs = [p for n in range(20) for p in story("Ashmoor", f"Harbour master Vell {n}",
                                                      "the harbour dues")]
    data = utf8(article("Ashmoor harbour dues explained at great length", "Ashmoor", 0,
                        *paragraphs))[:4990]
    data = data + b"\nDone.\n" + b"." * (5000 - len(data) - 7)
    assert len(data) == 5000
    small = utf8(article("Port Veyra ferry on time all week", "Port Veyra", 3,
                         *story("Port Veyra", "Mayor Ilse Varnholt", "the timetable")))
    assert len(small) < 2000
    batch = run_batch(tmp_path, {"big.txt": data, "small.txt": small}, max_seed_bytes=2000)
    fails_with(TOO_BIG)(batch, Case("too-big", "big.txt", data, built))
    assert "max_seed_bytes" in TOO_BIG and "2,000" in TOO_BIG
    path, _post = batch.page_of("small.txt")
    assert list(batch.pages) == [path]
    assert batch.stdout.splitlines()[-1] == "2 seeds in seeds: 1 created, 1 failed"
    for page in batch.pages.values():
        assert "Vell" not in page.content


# --- The "no date" message's advice works ---------------------------------------------------


def test_following_the_no_date_advice_gives_an_event(tmp_path: Path) -> None:
    """NO_DATE says: 'or write the seed as a .md note with a 'date:' field'."""
    note = ("---\ntitle: Ashmoor ferry service resumes after the storm\ndate: 2026-03-18\n---\n"
            "The Ashmoor ferry ran again on Monday after repairs to the slipway.\n")
    batch = run_batch(tmp_path, {"undated.md": utf8(note)})
    path, post = batch.page_of("undated.md")
    assert path.startswith("2026/2026-03-18-")
    assert post["title"] == "Ashmoor ferry service resumes after the storm"


# --- Built HTML, parsed --------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    in_article: bool
    text: str = ""

    @property
    def attributes(self) -> str:
        return " ".join(f"{key}={value}" for key, value in self.attrs)


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})


class Html(HTMLParser):
    """Every element of a page (with its text), the page's <title>, its headings, and the
    text of its <article> (the page content)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[Element] = []
        self._open: list[Element] = []
        self._article_depth = 0
        self._article_text: list[str] = []

    @classmethod
    def of(cls, path: Path) -> Html:
        parser = cls()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._article_depth += 1
        element = Element(tag, attrs, self._article_depth > 0)
        self.all.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.all.append(Element(tag, attrs, self._article_depth > 0))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break
        if tag == "article" and self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data
        if self._article_depth:
            self._article_text.append(data)

    def elements(self, tag: str, in_article: bool = False) -> list[Element]:
        return [e for e in self.all if e.tag == tag and (e.in_article or not in_article)]

    @property
    def article_text(self) -> str:
        return " ".join("".join(self._article_text).split())

    @property
    def title(self) -> str:
        (element,) = self.elements("title")
        return element.text

    @property
    def hrefs(self) -> list[str]:
        return [value or "" for e in self.all for key, value in e.attrs if key == "href"]

    @property
    def headings(self) -> list[str]:
        return [" ".join(e.text.split()) for e in self.all
                if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
