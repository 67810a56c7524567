"""Hostile seeds (issue 8, acceptance): reading is bounded, no live script reaches the site, no
traceback reaches the user.

Three tests, the seed half of the issue's fuzz test (notes and pages are in
tests/test_note_safety.py and tests/test_page_faults.py):

* hypothesis makes hostile .txt, .html and .md seeds (repeated bylines, stamps and datelines,
  markup-like text, huge lines, many short lines, BOMs, UTF-16, cp1252, CR and CRLF) and reads
  each through `read_seed` and the extractors: an article, or a one-line SeedError, never any
  other exception; the page body written for it renders with no live markup;
* large hostile seeds are read in a subprocess under a CPU-time limit (no wall-clock assert:
  a linear read of these sizes takes a few seconds, the limit is many times that, so only a
  super-linear blow-up reaches it; timings live in bench/read_speed.py);
* a batch of hostile seeds goes through a real `timeline build` and `mkdocs build --strict`.

Every seed, person and place here is fictional (Ashmoor, Port Veyra, Ilse Varnholt).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import lxml.html
import markdown
import pytest
from conftest import mkdocs_build, timeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_note_safety import assert_inert, normalized

from builder.escape import escape_paragraph
from builder.extract import extract_article
from builder.model import SeedError
from builder.readers import read_seed

TITLE = "Ashmoor council votes on the Port Veyra sea wall"
SENTENCE = ("The harbour council of Ashmoor met on Tuesday to discuss the new sea wall for "
            "Port Veyra, which the engineers say will last a century. ")
#: Lines a hostile or broken seed repeats, and markup that must stay text. `tlfuzz` marks
#: what would run if it were live.
PIECES = [
    "By Ilse Varnholt", "By Ilse Varnholt and Oren Castellane, Veyra Courier",
    "Published 5:02 PM EST, December 17, 2025", "Updated: 03 December 2019", "3 hours ago",
    "ASHMOOR, May 2 (Veyra Press) - ", "PORT VEYRA (AP) --", "Advertisement", "Share this",
    "ASHMOOR PORT VEYRA HARBOUR COUNCIL", SENTENCE, TITLE,
    "<script>alert('tlfuzz')</script>", '<img src=x onerror="tlfuzz()">',
    "[click](javascript:tlfuzz())", "[a]: javascript:tlfuzz()", "- [b]: vbscript:tlfuzz",
    "{: onclick=\"tlfuzz()\" }", "<a href='jav&#x61;script:tlfuzz()'>x</a>",
    "# heading", "> quote", "1. item", "| a | b |", "---", "***", "```", "<!--", "]]>",
    "&amp; &#x3c;script&#x3e;", "[" * 50, "<" * 20, "*" * 40, "\\", "\u200b\u202e\ufeff",
    "</p></div></body></html><body onload=tlfuzz()>", "<meta charset=x-unknown-klingon>",
]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]
NEWLINES = ["\n", "\r\n", "\r"]
EXTENSIONS = ["attr_list", "md_in_html", "toc"]


def seed_lines(pieces: list[tuple[str, int]]) -> list[str]:
    return [piece for piece, times in pieces for _ in range(times)]


def wrap(lines: list[str], suffix: str, date: str = "2025-05-02") -> str:
    """The lines as a seed of the given kind: pasted text, a saved page or a note."""
    if suffix == ".html":
        paragraphs = "".join(f"<p>{line}</p>" for line in lines)
        return (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
                f"{paragraphs}</body></html>")
    if suffix == ".md":
        body = "\n".join(line for line in lines if line.strip() not in ("---", "..."))
        return f"---\ntitle: {TITLE}\ndate: {date}\n---\n{body}\n"
    return "\n".join([TITLE, "", *lines])


def live_markup(html_text: str) -> list[str]:
    """What in an HTML fragment would run: script elements, on* attributes, script links."""
    found: list[str] = []
    document = lxml.html.fragment_fromstring(html_text, create_parent="div")
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in ("script", "iframe", "object", "embed", "svg"):
            found.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{element.tag} {name}")
            if normalized(value).startswith(("javascript:", "vbscript:", "data:")):
                found.append(f"{element.tag} {name}={value}")
    return found


def page_body(article_markdown: str | None, paragraphs: list[str]) -> str:
    """The body the builder writes into an event page (see `group.event_of`)."""
    if article_markdown is not None:
        return article_markdown
    return "\n\n".join(escape_paragraph(paragraph) for paragraph in paragraphs)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(pieces=st.lists(st.tuples(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)),
                                 st.integers(1, 40)), max_size=12),
       suffix=st.sampled_from([".txt", ".html", ".md"]),
       encoding=st.sampled_from(ENCODINGS), newline=st.sampled_from(NEWLINES))
def test_hostile_seeds_read_or_refused_in_one_line_and_render_inert(
        pieces: list[tuple[str, int]], suffix: str, encoding: str, newline: str) -> None:
    text = wrap(seed_lines(pieces), suffix).replace("\n", newline)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"hostile{suffix}"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            article = extract_article(read_seed(path, 5_000_000), dt.date(2026, 1, 1), {}, {})
        except SeedError as error:
            message = str(error)
            assert message.strip() and "\n" not in message and "Traceback" not in message
            return
    assert article.title.strip() and article.date is not None
    body = page_body(article.body_markdown, article.paragraphs)
    rendered = markdown.markdown(body, extensions=EXTENSIONS)
    assert live_markup(rendered) == [], (body[:500], rendered[:500])


# --- Bounded reading: large hostile seeds under a CPU-time limit --------------------------

#: CPU seconds a read of one LARGE seed may take: a linear read of these seeds takes 2 to 10
#: s (bench/read_speed.py); the quadratic stamps below take about a minute.
CPU_LIMIT = 30
LARGE = 2_000_000
READ_UNDER_A_LIMIT = textwrap.dedent(f"""
    import datetime as dt, resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_CPU, ({CPU_LIMIT}, {CPU_LIMIT}))
    from builder.extract import extract_article
    from builder.model import SeedError
    from builder.readers import read_seed
    try:
        extract_article(read_seed(Path(sys.argv[1]), 5_000_000), dt.date(2026, 1, 1), {{}}, {{}})
        print("read")
    except SeedError as error:
        print("refused:", error)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_utime, file=sys.stderr)
""")


def repeated(unit: str, suffix: str = ".txt", newline: str = "\n") -> Callable[[], str]:
    def make() -> str:
        return wrap([unit] * (LARGE // (len(unit) + 1)), suffix).replace("\n", newline)
    return make


@pytest.mark.parametrize(("name", "make"), [
    ("repeated bylines", repeated("By Ilse Varnholt and Oren Castellane, Veyra Courier")),
    ("repeated stamps", repeated("Published 5:02 PM EST, December 17, 2025")),
    ("short lines, CR ends", repeated("quay crane tide", newline="\r")),
    ("datelines and markup", repeated("ASHMOOR, May 2 (Veyra Press) - <script>x</script> "
                                      "[a](javascript:x) " + SENTENCE)),
    ("one huge line", lambda: TITLE + "\n\n" + SENTENCE * (LARGE // len(SENTENCE))),
    ("html paragraphs of bylines", repeated("By Ilse Varnholt", ".html")),
])
def test_a_large_hostile_seed_reads_within_a_cpu_limit(tmp_path: Path, name: str,
                                                       make: Callable[[], str]) -> None:
    path = tmp_path / ("seed.html" if "html" in name else "seed.txt")
    path.write_text(make(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", READ_UNDER_A_LIMIT, str(path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, (name, result.returncode, result.stderr[-1000:])
    assert result.stdout.startswith(("read", "refused: ")), result.stdout
    assert "\n" not in result.stdout.strip()


# --- A real build of hostile seeds --------------------------------------------------------

#: Distinct topics, so that no two seeds read as reports of one event.
TOPICS = ["ferry", "lighthouse", "granary", "tramway", "orchard", "quarry", "bridge", "school",
          "market", "library", "harbour", "mill"]


def hostile_seed(number: int) -> tuple[str, bytes]:
    """Seed `number`: a kind, an encoding and line ends of its own, hostile lines inside."""
    suffix = [".txt", ".html", ".md"][number % 3]
    encoding = ENCODINGS[number % len(ENCODINGS)]
    newline = NEWLINES[number % len(NEWLINES)]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=37 * number)
    title = f"Ashmoor {TOPICS[number]} council vote {number}"
    lines = [f"ASHMOOR, {day:%B} {day.day}, {day.year} (Veyra Press) - The {TOPICS[number]} "
             f"of Ashmoor reopens, said Ilse Varnholt. " + SENTENCE,
             *PIECES[number::3], *["By Ilse Varnholt"] * 30, SENTENCE * 40]
    text = wrap(lines, suffix, day.isoformat()).replace(TITLE, title).replace("\n", newline)
    return f"hostile-{number:02d}{suffix}", text.encode(encoding, errors="replace")


def test_hostile_seeds_in_a_real_build(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    assert timeline("init", str(project), cwd=tmp_path).returncode == 0
    for number in range(len(TOPICS)):
        name, data = hostile_seed(number)
        (project / "seeds" / name).write_bytes(data)
    built = timeline("build", "--reference-date", "2026-01-01", cwd=project)
    output = built.stdout + built.stderr
    assert "Traceback" not in output and built.returncode in (0, 1), output
    for line in built.stdout.splitlines():
        assert not line.startswith("failed") or re.match(r"failed     hostile-\d\d\.\w+: ",
                                                         line), line
    events = sorted((project / "content" / "events").rglob("*.md"))
    assert len(events) >= len(TOPICS) // 2, output
    site = tmp_path / "site"
    strict = mkdocs_build(project, site)
    assert strict.returncode == 0 and "Traceback" not in strict.stderr, strict.stderr[-3000:]
    pages = sorted(site.rglob("*.html"))
    assert pages
    inert = shown = 0
    for page in pages:
        html_text = page.read_text(encoding="utf-8")
        document = lxml.html.document_fromstring(html_text)
        scripts = "".join(script.text_content() for script in document.iter("script"))
        assert "tlfuzz" not in scripts, page
        for element in document.iter():
            for name, value in element.attrib.items() if isinstance(element.tag, str) else ():
                assert not name.lower().startswith("on"), (page, element.tag, name)
                assert not normalized(value).startswith(("javascript:", "vbscript:")), page
        parts = page.relative_to(site).parts
        if parts[0] == "events" and len(parts) == 4:  # events/<year>/<slug>/index.html
            article = assert_inert(html_text, str(page))  # no script, svg or remote image
            shown += "tlfuzz" in article.text_content()
            inert += 1
    assert inert >= len(events)
    assert shown >= 3  # the hostile text is shown as text, not dropped
