"""Bodies that Python-Markdown renders in super-linear time (issue 8): unclosed `[`, `(`, `<`
and repeated headings are refused by the page schema with the line and the fix; what is
accepted renders within a bounded amount of work.

No wall-clock assert (the timings live in bench/bench_markdown.py): the render of the
largest accepted body of each pattern runs in a subprocess under a CPU-time limit that only a
super-linear blow-up can reach. Every page and place here is fictional (Ashmoor).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import lxml.html
import markdown
import pytest

from builder.escape import MAX_PARAGRAPH, escape_paragraph
from builder.model import MAX_HEADINGS, body_problem, parse_event


def page(body: str) -> str:
    return f"---\ntitle: Ashmoor quay\ndate: 2025-05-02\n---\n\n{body}\n"


@pytest.mark.parametrize(("body", "char", "literal"), [
    ("[" * 10_000, "[", "\\["),
    ("![" * 5_000, "[", "\\["),
    ("[^" * 5_000, "[", "\\["),
    ("[x][" * 5_000, "[", "\\["),
    ("[" * 3_000 + "]" * 3_000, "[", "\\["),
    ("[\n" * 3_000, "[", "\\["),
    ("[a](" * 10_000, "(", "\\("),
    ("<a " * 5_000, "<", "&lt;"),
    ("<http://ashmoor.example " * 2_000, "<", "&lt;"),
    ("<ilse@ashmoor.example " * 2_000, "<", "&lt;"),
])
def test_unclosed_openers_are_refused_with_the_line_and_the_fix(body: str, char: str,
                                                                literal: str) -> None:
    text = page("The Ashmoor quay reopens.\n\n" + body)
    event, problems = parse_event(text, "content/events/q.md")
    assert event is None
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith("content/events/q.md:8: body: leaves ")
    assert f"'{char}' open at once in one paragraph" in message
    assert message.endswith(f"write {literal} for a literal '{char}', or close them)")


def test_repeated_headings_past_the_limit_are_refused() -> None:
    body = "# Ashmoor\n\n" * (MAX_HEADINGS + 1)
    assert body_problem(body) == (0, f"has {MAX_HEADINGS + 1} headings (expected at most "
                                     f"{MAX_HEADINGS}; split the page, or write \\# at the "
                                     "start of a line that is not a heading)")
    assert body_problem("# Ashmoor\n\n" * MAX_HEADINGS) is None


@pytest.mark.parametrize("body", [
    "[Ashmoor](https://ashmoor.example/) and [![quay](quay.png)](https://ashmoor.example/q) "
    * 2_000,
    "\\[" * 20_000,
    "Ashmoor a < b, and c > d (as (noted)).\n" * 2_000,
    "[[[ Ashmoor ]]]\n\n" * 5_000,
    "Ashmoor [1] quay [2] reopens (see [3]).\n" * 3_000,
])
def test_real_text_with_brackets_is_accepted(body: str) -> None:
    assert body_problem(body) is None


RENDER_LARGEST_ACCEPTED = textwrap.dedent("""
    import resource, sys
    sys.path.insert(0, "bench")
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
    import markdown
    from bench_markdown import EXTENSIONS, PATTERNS, largest_accepted
    make = PATTERNS[sys.argv[1]]
    body = make(largest_accepted(make, 200_000))
    markdown.markdown(body, extensions=EXTENSIONS)
    print(len(body))
""")


@pytest.mark.parametrize("pattern", ["[ x n", "[a]( x n", "<http://a  x n",
                                     "emphasis, one paragraph"])
def test_the_largest_accepted_body_renders_within_a_cpu_limit(pattern: str) -> None:
    # 60 s of CPU: the largest accepted bodies take about 2 s (bench/bench_markdown.py);
    # only a body 5 times past the bound, growing quadratically, would reach it.
    result = subprocess.run([sys.executable, "-c", RENDER_LARGEST_ACCEPTED, pattern],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) > 500


def test_a_long_paragraph_from_a_seed_is_split_between_words_and_keeps_every_word() -> None:
    text = " ".join(f"Ashmoor*{n} [quay] <{n}> &" for n in range(2_000))
    escaped = escape_paragraph(text)
    pieces = escaped.split("\n\n")
    assert len(pieces) > 10
    assert all(len(piece.replace("\\", "")) <= MAX_PARAGRAPH * 2 for piece in pieces)
    html = markdown.markdown(escaped)
    words = lxml.html.fromstring(f"<div>{html}</div>").text_content().split()
    assert words == text.split()


def test_one_long_word_is_cut_and_kept() -> None:
    escaped = escape_paragraph("- " + "x" * (MAX_PARAGRAPH * 3))
    assert escaped.startswith("\\- x")
    assert escaped.replace("\n\n", "").replace("\\- ", "") == "x" * (MAX_PARAGRAPH * 3)


@pytest.mark.parametrize("unit", ["*Ashmoor* quay ", "`Ashmoor` ", "<b>Ashmoor</b> ",
                                  "Ashmoor &amp; ", "\\*Ashmoor "])
def test_one_huge_paragraph_of_inline_marks_is_refused(unit: str) -> None:
    body = "The Ashmoor quay reopens.\n\n" + unit * (1_000_000 // len(unit))
    found = body_problem(body)
    assert found is not None and found[0] == 2
    assert found[1].startswith("has a paragraph of ")
    assert found[1].endswith("Markdown marks (Markdown rebuilds the paragraph at each: "
                             "expected shorter paragraphs; put blank lines between them)")
    assert body_problem(body.replace(unit * 100, unit * 100 + "\n\n")) is None


def test_a_large_body_written_by_the_builder_is_accepted() -> None:
    text = "Ashmoor a*b [c] <d> & " * 230_000
    assert body_problem(escape_paragraph(text)) is None
