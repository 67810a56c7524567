"""The HTML reader on small fictional saved pages: metadata, main text, charset, and a real
`timeline build` of an `.html` seed.

Every page here is invented (Port Veyra, The Veyra Courier, Ilse Varnholt ...). The expected
values are what a person reads on the page, not copies of the reader's output.
"""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path
from typing import Any

import pytest
from conftest import timeline

from builder.extract.dateline import extract_dateline
from builder.model import SeedError, parse_event
from builder.readers import is_seed, read_seed
from builder.readers.html import declared_charset, decode_html, read_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Port Veyra orders harbour dredging | The Veyra Courier</title>
<meta property="og:title" content="Port Veyra orders harbour dredging">
<meta property="og:site_name" content="The Veyra Courier">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-03-03T09:15:00+00:00">
<meta property="article:modified_time" content="2025-03-05T17:40:00+00:00">
<meta name="author" content="Ilse Varnholt">
<link rel="canonical" href="https://veyracourier.example/news/2025/03/03/port-veyra-dredging">
</head>
<body>
<header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather in Ashmoor and the Tamsel valley</a></li>
</ul></nav></header>
<main>
<article>
<h1>Port Veyra orders emergency dredging of its harbour</h1>
<p class="byline">By <a href="/authors/ilse-varnholt" rel="author">Ilse Varnholt</a></p>
<time datetime="2025-03-03T09:15:00+00:00">March 3, 2025</time>
<p>PORT VEYRA, March 3 (AP) — The city council of Port Veyra voted 9-2 on Monday to pay for
emergency dredging of the harbour's main channel, a week after two grain freighters ran
aground on a sandbar at its mouth.</p>
<script>window.trackVeyra = function () { return "TRACKING-SCRIPT-TEXT"; };</script>
<p>Harbour master Tomas Quennell told reporters after the vote that the work would begin
within days and that the channel should be open to full-draught ships again by the end of
April.</p>
<p>The Veyran Harbour Authority estimates the cost at 14 million krona. Silt carried down the
River Ostmere by winter storms had narrowed the navigable channel to less than half its
charted width, it said.</p>
<p>Two councillors voted against the measure, arguing that the city should first ask the
national government in Londraven to pay part of the bill.</p>
</article>
</main>
<footer><p>Copyright 2025 The Veyra Courier. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul>
</footer>
</body>
</html>
"""

FIRST = ("PORT VEYRA, March 3 (AP) — The city council of Port Veyra voted 9-2 on Monday to pay "
         "for emergency dredging of the harbour's main channel, a week after two grain "
         "freighters ran aground on a sandbar at its mouth.")
LAST = ("Two councillors voted against the measure, arguing that the city should first ask the "
        "national government in Londraven to pay part of the bill.")


@pytest.fixture(scope="module")
def article() -> Any:
    return read_html(PAGE.encode("utf-8"), "veyra.html")


def test_title_is_the_headline_readers_see(article: Any) -> None:
    # The h1, which agrees with og:title, wins over the shorter social title.
    assert article.title == "Port Veyra orders emergency dredging of its harbour"


def test_publisher_url_and_authors(article: Any) -> None:
    assert article.publisher == "The Veyra Courier"
    assert article.url == "https://veyracourier.example/news/2025/03/03/port-veyra-dredging"
    assert article.authors == ["Ilse Varnholt"]


def test_published_is_the_original_date_not_the_update(article: Any) -> None:
    assert article.published == dt.date(2025, 3, 3)
    assert article.date_evidence is not None and "htmldate" in article.date_evidence


def test_text_is_the_story_from_its_first_paragraph(article: Any) -> None:
    assert article.paragraphs[0] == FIRST
    assert article.paragraphs[-1] == LAST
    assert len(article.paragraphs) == 4
    text = article.text
    for junk in ("TRACKING-SCRIPT-TEXT", "trackVeyra", "Weather in Ashmoor", "Privacy policy",
                 "All rights reserved", "By Ilse Varnholt", "Sport"):
        assert junk not in text, junk
    assert article.title not in text


def test_dateline_of_the_first_paragraph(article: Any) -> None:
    dateline = extract_dateline(article.paragraphs[0])
    assert dateline is not None
    assert (dateline.city, dateline.date_text, dateline.agency) == ("Port Veyra", "March 3",
                                                                    "AP")


def test_nothing_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    """The libraries work on the given HTML only: with every connection refused, the page
    still reads the same."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    article = read_html(PAGE.encode("utf-8"), "veyra.html")
    assert article.published == dt.date(2025, 3, 3)
    assert article.paragraphs[0] == FIRST


# --- A lone dateline line, an h1 with a section label ------------------------------------------

LABELLED = """<html><head><meta charset="utf-8">
<title>Ashmoor ferry crew rescue stranded walkers - Tamsel Valley Post</title>
<meta property="og:title" content="Ashmoor ferry crew rescue stranded walkers">
<meta property="og:site_name" content="Tamsel Valley Post">
<meta name="date" content="2024-11-20">
</head><body>
<h1><span class="kicker">Local News | </span>
<span>Ashmoor ferry crew rescue stranded walkers</span></h1>
<div class="story">
<p>ASHMOOR —</p>
<p>The crew of the evening ferry from Ashmoor pulled six walkers from a sandbank in the Tamsel
estuary on Tuesday after the tide cut them off from the shore near Greshavn Point.</p>
<p>Skipper Marta Ellisande said the walkers had waved torches from the sandbank as the light
failed, and the ferry turned back from its crossing to pick them up with its small boat.</p>
<p>All six were checked by paramedics at the Ashmoor slipway and none needed hospital care,
the Tamsel coastguard said in a statement on Wednesday morning.</p>
</div></body></html>"""


def test_section_label_dropped_and_lone_dateline_joined() -> None:
    article = read_html(LABELLED.encode("utf-8"), "ashmoor.html")
    assert article.title == "Ashmoor ferry crew rescue stranded walkers"
    assert article.publisher == "Tamsel Valley Post"
    assert article.paragraphs[0].startswith("ASHMOOR — The crew of the evening ferry")
    dateline = extract_dateline(article.paragraphs[0])
    assert dateline is not None and dateline.city == "Ashmoor"
    assert article.url is None  # no canonical link, no og:url: nothing is invented


# --- Charsets ------------------------------------------------------------------------------------

CP1252_PAGE = """<html><head><meta charset="windows-1252">
<title>Caf\u00e9 owners in \u00c9tranville fight \u201cna\u00efve\u201d rent rules</title>
<meta property="article:published_time" content="2024-06-12">
</head><body><article>
<h1>Caf\u00e9 owners in \u00c9tranville fight \u201cna\u00efve\u201d rent rules</h1>
<p>\u00c9TRANVILLE, June 12 \u2014 Owners of caf\u00e9s on the Place Aubrane said on Wednesday
that the council\u2019s new rent rules were \u201cna\u00efve\u201d and would close a third of
the square\u2019s terraces within a year.</p>
<p>The council\u2019s housing officer, Zo\u00eb Harcastel, said the rules would be reviewed
after the summer season, when the figures for visitor numbers are known.</p>
<p>Rents on the square have risen by about 40% in five years, the owners\u2019 association
said, while visitor numbers have barely changed since the new tram line opened.</p>
</article></body></html>"""


def test_a_windows_1252_page_is_read_in_its_declared_charset(tmp_path: Path) -> None:
    data = CP1252_PAGE.encode("cp1252")
    assert b"\x93" in data and b"\xe9" in data  # curly quotes and accents as cp1252 bytes
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = tmp_path / "etranville.htm"
    path.write_bytes(data)
    article = read_seed(path, 1_000_000)
    assert article.title == "Café owners in Étranville fight “naïve” rent rules"
    assert article.paragraphs[0].startswith("ÉTRANVILLE, June 12 — Owners of cafés")
    assert "Zoë Harcastel" in article.text
    assert "\ufffd" not in article.text
    assert article.published == dt.date(2024, 6, 12)


def test_declared_charset_wins_over_a_guess() -> None:
    """Bytes that are valid UTF-8 are still read as the page declares (here ISO-8859-7,
    Greek): the declaration is the page's own word on its encoding."""
    text = "Πόρτο Βέιρα"
    head = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-7">'
    data = head + text.encode("iso-8859-7")
    assert declared_charset(data) == "iso8859-7"
    assert decode_html(data).endswith(text)
    assert declared_charset(b"<meta charset='latin1'>") == "cp1252"
    assert declared_charset(b'<?xml version="1.0" encoding="UTF-8"?><html>') == "utf-8"
    assert declared_charset(b"<html><p>no declaration</p>") is None


@pytest.mark.parametrize(("label", "codec"), [
    ("latin1", "cp1252"), ("ISO-8859-1", "cp1252"), ("ascii", "cp1252"), ("utf8", "utf-8"),
    ("unicode-1-1-utf-8", "utf-8"), ("utf-16", "utf-8"), ("x-sjis", "cp932"),
    ("gb2312", "gbk"), ("koi8-u", "koi8-u"), ("windows-874", "cp874"),
])
def test_only_whatwg_labels_are_honoured(label: str, codec: str) -> None:
    """A label is read as browsers read it (the WHATWG Encoding Standard): "ascii" and
    "latin1" are windows-1252, "utf-16" in a page's bytes is UTF-8."""
    assert declared_charset(f"<meta charset='{label}'>".encode()) == codec


@pytest.mark.parametrize("label", ["no-such-charset", "utf-7", "utf-32", "rot13", "punycode",
                                   "uu_codec", "cp037", "iso-2022-kr", "hz-gb-2312"])
def test_an_unknown_or_exotic_charset_is_a_clear_quick_error(tmp_path: Path, label: str) -> None:
    """Python codecs that no browser knows ("rot13", "uu_codec", "utf-7") are not used, and
    labels browsers refuse ("iso-2022-kr") are refused: the message names the label and says
    what to do, and the rest of the page is not decoded at all."""
    path = tmp_path / "odd.html"
    path.write_bytes(f'<html><head><meta charset="{label}"><title>Port Veyra</title></head>'
                     "<body><p>".encode() + b"The ferry runs again. " * 200_000 + b"</p></html>")
    with pytest.raises(SeedError) as caught:
        read_seed(path, 50_000_000)
    message = str(caught.value)
    assert f"charset {label!r}" in message and "UTF-8" in message
    assert "bug" not in message and "\n" not in message


def test_html_seeds_are_seeds_and_refuse_what_is_not_a_page(tmp_path: Path) -> None:
    assert is_seed(Path("a.html")) and is_seed(Path("b.HTM"))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"<html><head><title>Nothing here</title></head><body></body></html>")
    with pytest.raises(SeedError, match="no article text"):
        read_seed(empty, 1_000_000)
    binary = tmp_path / "binary.html"
    binary.write_bytes(b"<html>\x00\x01\x02</html>")
    with pytest.raises(SeedError, match="binary"):
        read_seed(binary, 1_000_000)


# --- End to end: `timeline build` of an .html seed -----------------------------------------------


def test_timeline_build_of_an_html_seed(project: Path) -> None:
    seed = project / "seeds" / "veyra-dredging.html"
    seed.write_text(PAGE, encoding="utf-8")
    result = timeline("build", "--reference-date", "2026-01-15", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if "veyra-dredging.html" in line)
    assert line.startswith("created"), line
    [page] = (project / "content" / "events" / "2025").glob("2025-03-03-*.md")
    event, problems = parse_event(page.read_text(encoding="utf-8"), page.name)
    assert event is not None, problems
    assert event.title == "Port Veyra orders emergency dredging of its harbour"
    assert event.date == dt.date(2025, 3, 3)
    assert event.location == "Port Veyra"
    [source] = event.sources
    assert source.publisher == "The Veyra Courier"
    assert source.url == "https://veyracourier.example/news/2025/03/03/port-veyra-dredging"
    assert source.published == dt.date(2025, 3, 3)
    assert source.seed == "veyra-dredging.html"
    assert "year inferred" not in event.review
    assert "TRACKING-SCRIPT-TEXT" not in page.read_text(encoding="utf-8")
    assert "Tomas Quennell" in event.people


def test_the_saved_from_mark_gives_the_address_when_the_page_names_none() -> None:
    url = "https://tamselpost.example/local/ferry-rescue"
    marked = f"<!-- saved from url=({len(url):04d}){url} -->\n{LABELLED}"
    assert read_html(marked.encode("utf-8"), "ashmoor.html").url == url
    # The page's own canonical link wins over where it was saved from.
    saved = f"<!-- saved from url=(0030)https://mirror.example/copy -->\n{PAGE}"
    assert read_html(saved.encode("utf-8"), "veyra.html").url == (
        "https://veyracourier.example/news/2025/03/03/port-veyra-dredging")
