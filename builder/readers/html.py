"""Reader for saved web pages (`.html`, `.htm`): an article saved from a browser.

The work is done by well-kept libraries, on the given HTML only (nothing is fetched):
trafilatura finds the main text and the page's metadata (title, site name, authors,
canonical URL), htmldate finds the original publication date (not the date of an update).
This module picks among what they find and tidies the text so that the article's first
paragraph is the story's first paragraph: its dateline ("PORT VEYRA, March 3 (AP) — ...") is
read later by `extract.dateline`.

Its address is the canonical link (or og:url), else the address noted when it was saved
(`<!-- saved from url=(NNNN)... -->`). The page's own charset declaration (`<meta charset>`,
`http-equiv` Content-Type, an XML declaration or a byte order mark) decides how its bytes
are read.
"""

from __future__ import annotations

import codecs
import copy
import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any, NamedTuple

import htmldate
import trafilatura
import webencodings
from trafilatura.settings import Document
from trafilatura.utils import load_html

from builder.extract.dateline import extract_dateline
from builder.model import Article, SeedError
from builder.readers.months import MONTH_NAMES
from builder.readers.text import (
    date_lines,
    furniture_marks,
    labels_publication,
    read_text,
    reads_day_first,
    shown_days,
    shows_date,
)

__all__ = ["decode_html", "read_html"]

#: How far into the file a charset declaration is looked for (the HTML standard's prescan
#: reads 1,024 bytes; saved pages often carry long comments and scripts before the meta).
CHARSET_SCAN_BYTES = 16_384

_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)",
                           re.IGNORECASE)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: A script or style tag written as if it closed itself (`<script src="x.js"/>`).
_SELF_CLOSED_RAW_TEXT = re.compile(r"<(script|style)(\b[^<>]*?)\s*/>", re.IGNORECASE)
#: Separators between a headline and the site name in `<title>` and `og:title`.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—»:·•]\s+|\s*[|»·•]\s*|\s+::\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_BYLINE = re.compile(r"^(?:by|written by|posted by|words by)\b[\s:]*\S", re.IGNORECASE)
_LIST_MARK = re.compile(r"^[-•*]\s+")
#: A date in a stamp line: a numeric date (11/19/2019, 2019-11-19, 19.11.2019), or a day
#: then a year within a few words ("22 de janeiro de 2018", "18 November 2019").
_STAMP_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"
                         r"|\b\d{1,2}\.?\s+\D{2,25}?\b(?:19|20)\d\d\b"
                         r"|\b[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b")
#: The parts of a label line ("January 13, 2024 at 08:45 AM | categories: Bread | Comments").
_LABEL_SEPARATOR = re.compile(r"\s+[|·•]\s+")
#: A part of such a line is at most this many words.
LABEL_PART_MAX_WORDS = 8
#: A reading-time or counter label: "Tempo de leitura: 1 minuto", "5 min read".
_COUNTER_LABEL = re.compile(r"^[^\W\d_][^\d:]{0,30}:\s*\d+(?:\s+[^\W\d_]+\.?)?$"
                            r"|^\d+\s*min\w*\.?(?:\s+[^\W\d_]+)?$", re.IGNORECASE)
#: Month names and short forms in the languages the text reader knows.
MONTHS = frozenset(name for names in MONTH_NAMES.values() for name in names)
#: A stamp or label line is at most this many words.
STAMP_MAX_WORDS = 12
#: A headline is at most this many words (a longer h1 is a page's lead paragraph).
HEADLINE_MAX_WORDS = 40
#: How many paragraphs at the top of the text are checked for title/byline/stamp repeats.
LEAD_LINES = 4


def read_html(content: str | bytes, seed: str) -> Article:
    """Read a saved web page. Raises SeedError when it has no article text or no title."""
    text = decode_html(content) if isinstance(content, bytes) else content
    text = _XML_DECLARATION.sub("", text, count=1)
    text = open_raw_text_elements(text)
    tree = load_html(text)
    if tree is None:
        raise SeedError("not an HTML page (expected a web page saved from a browser)")
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree), with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        date_extraction_params=_date_params())
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise SeedError("no article text found in the page (expected a saved article page; "
                        "pages built by scripts may save without their text)")
    site = _clean(document.sitename) or None
    title = pick_title(tree, site) or _clean(document.title)
    if not title:
        raise SeedError("no title found in the page (expected an <h1>, og:title or <title>)")
    url = _canonical_url(document.url) or _saved_from(text)
    paragraphs = _paragraphs(document.text or "", title)
    if not paragraphs:
        raise SeedError(f"no article text under the title {title[:60]!r}")
    article = Article(seed=seed, title=title, paragraphs=paragraphs, publisher=site, url=url,
                      authors=_authors(document.author))
    # trafilatura has asked htmldate for the original date, with the same settings, giving
    # it the address trafilatura read: asked again only when the page's address is another.
    original = (_iso_date(document.date) if document.url == url
                else _find_date(tree, url, original_date=True))
    published = _published(tree, url, original, title)
    if published is not None:
        article.published, article.date_evidence, flags = published
        article.review.extend(flag for flag in flags if flag not in article.review)
    return article


def open_raw_text_elements(text: str) -> str:
    """`<script .../>` and `<style .../>` as browsers read them: open tags.

    In HTML a `/>` does not close a script or a style (only void elements such as `<br/>` close
    themselves); a browser reads everything up to the next `</script>` as script. The HTML
    parser under trafilatura takes the `/>` at its word, so the code that follows would be
    read as the page's text, and could become the article's body and summary."""
    return _SELF_CLOSED_RAW_TEXT.sub(r"<\1\2>", text)


# --- Bytes to text ---------------------------------------------------------------------------


def decode_html(data: bytes) -> str:
    """The page's text, read with the charset it declares (a BOM first, then `<meta charset>`,
    `http-equiv` Content-Type or an XML declaration), else UTF-8, else windows-1252.

    Only the encoding labels of the WHATWG Encoding Standard (what browsers honour) are read,
    through `webencodings`; a page declaring any other label, or one of the encodings that
    browsers refuse to decode ("replacement": ISO-2022-KR, HZ-GB-2312, ...), is refused with
    SeedError naming the label."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _lines(data.decode(encoding, errors="replace"))
    declared = declared_charset(data[:CHARSET_SCAN_BYTES])
    if declared == "x-user-defined":
        return _lines(webencodings.decode(data, declared, errors="replace")[0])
    if declared is not None:
        return _lines(data.decode(declared, errors="replace"))
    try:
        return _lines(data.decode("utf-8"))
    except UnicodeDecodeError:
        return _lines(data.decode("cp1252", errors="replace"))


def declared_charset(head: bytes) -> str | None:
    """The Python codec for the charset a page declares in its first bytes, or None when it
    declares none. Raises SeedError for a label that is not a WHATWG encoding label, or one
    that browsers do not decode."""
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").strip()
    encoding = webencodings.lookup(label)
    if encoding is None:
        raise SeedError(f"the page declares the charset {label!r}, which is not an encoding "
                        "label browsers know (WHATWG Encoding Standard); correct its <meta "
                        "charset=...>, or save the page again as UTF-8")
    if encoding.name == "replacement":
        raise SeedError(f"the page declares the charset {label!r}, which browsers refuse to "
                        "decode (it is unsafe); save the page again as UTF-8")
    # A page read as bytes cannot be UTF-16 without a BOM (the standard says: read it as
    # UTF-8).
    if encoding.name in ("utf-16le", "utf-16be"):
        return "utf-8"
    if encoding.name == "x-user-defined":
        return "x-user-defined"
    return str(encoding.codec_info.name)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- Metadata ----------------------------------------------------------------------------------


def _date_params() -> dict[str, Any]:
    return {"original_date": True, "extensive_search": True,
            "max_date": dt.date.today().isoformat()}


def _published(tree: Any, url: str | None, original: dt.date | None,
               title: str) -> tuple[dt.date, str, tuple[str, ...]] | None:
    """The page's publication date, how it was chosen, and the review flags it carries.

    htmldate's original date (the oldest date the page's markup gives for the article)
    is the rule (`original`, read by the caller). It can be an older date of something else
    on the page: another article in a list, a copyright year read as 1 January. So when it
    is a bare year's 1 January, or when the date shown beside the headline is another day,
    htmldate's newest date is asked too (a second full pass over the page, so only then):
    the newest date is taken when the original one is only a year, or when the headline
    shows it. A date shown beside the headline one day from the chosen one is the page's
    own calendar day. Then the stamp a reader sees under the headline (`title`), read as a
    paste of the page is read (`_shown_stamp`), may overrule the markup
    (`prefer_shown_stamp`)."""
    shown = headline_date(tree)
    markup: tuple[dt.date, str] | None = None
    if original is not None:
        chosen, why = choose_date(original, shown,
                                  lambda: _find_date(tree, url, original_date=False))
        markup = (chosen, why)
        if shown is not None and abs((shown - chosen).days) == 1:
            # The markup's time is often in UTC (or the server's zone) and the calendar day
            # the page shows its readers, in its own zone, is the day before or after.
            markup = (shown, "the date shown beside the page's headline (htmldate), a day "
                             "from the markup's date (another time zone)")
    lines, h1 = visible_lines(tree)
    headline = _headline_line(lines, title, h1)
    title_shown = headline is not None and fold(lines[headline]) == fold(title)
    # How the page's numeric dates read, weighed once for every question about the markup's
    # day (none without one).
    day_first = reads_day_first(lines) if markup is not None else None
    if markup is not None and shown in (None, markup[0]) and _markup_stands(
            lines, headline, markup[0], day_first):
        return (*markup, ())  # the page shows the markup's day: no stamp can overrule it
    stamp = _shown_stamp(lines, headline)
    if stamp is None and headline is not None and markup is None:
        # Nothing dated around the headline's line and no markup date at all: the page
        # would be refused for want of a date, though it may show its stamp further down.
        stamp = _shown_stamp(lines, None)
    elif (stamp is None and headline is not None and markup is not None and not title_shown
          and not shows_date(lines, markup[0], day_first)):
        # The title is no line of the page (the site's name, or a <title> the page does
        # not show), so the headline's line is the first <h1>'s, which may be the site's
        # logo; nothing is dated around it, and the page does not show the markup's day.
        # The stamp is looked for around the longest line that the page's <title> or
        # social title holds: the headline as the page shows it.
        stamp = _stamp_under_page_title(tree, lines)
    return prefer_shown_stamp(markup, shown, stamp, lines, headline, day_first=day_first)


def _markup_stands(lines: list[str], headline: int | None, day: dt.date,
                   day_first: bool | None) -> bool:
    """Whether the page shows the markup's `day` so that no stamp can overrule it: with no
    other day shown nearer the headline (line `headline`), or labelled the publication
    anywhere, or anywhere at all on a page whose headline is not found. Otherwise the
    stamp beside the headline is read and weighed against it (`prefer_shown_stamp`).
    `day_first`: how the page's numeric dates read (None: weighed here)."""
    if day_first is None:
        day_first = reads_day_first(lines)
    if headline is None:
        return shows_date(lines, day, day_first)
    at = date_lines(lines, day, day_first)
    if not at:
        return False
    if any(labels_publication(lines[index]) for index in at):
        return True
    distance = min(abs(index - headline) for index in at)
    nearer = lines[max(0, headline - distance + 1):headline + distance]
    return not any(found != day for line in nearer for found in shown_days(line, day_first))


class ShownStamp(NamedTuple):
    """The date the text reader reads in a page's visible text, as it reads a paste."""

    day: dt.date
    evidence: str
    #: Its review flags: empty for a stamp near the headline; a weak date (the story's told
    #: day, a comment's, one from elsewhere on the page) carries one.
    flags: tuple[str, ...]


def prefer_shown_stamp(markup: tuple[dt.date, str] | None, shown: dt.date | None,
                       stamp: ShownStamp | None, lines: list[str],
                       headline: int | None = None, *, day_first: bool | None = None,
                       ) -> tuple[dt.date, str, tuple[str, ...]] | None:
    """Between the markup's date (htmldate, `markup`) and the stamp the text reader reads in
    the page's visible `lines` (`stamp`), the publication date, why, and its review flags.

    The markup's date is the rule: it is what the publisher filed. But markup often dates
    something else: the page's last change, a sitemap's or a related article's date. A
    stamp under the headline with no flag is taken instead when the markup's day is
    nowhere in the page's visible text (a reader of the page never sees it), or when
    htmldate, reading the text beside the headline (`shown`), finds the same day (two
    readings of what the page shows agree). With no markup date at all, the text reader's
    date is taken, weak or not, so a page that shows a date is not refused for want of one.
    `day_first`: how the page's numeric dates read (None: weighed here, when needed)."""
    if stamp is None:
        return (*markup, ()) if markup is not None else None
    if markup is None:
        return stamp.day, stamp.evidence, stamp.flags
    day, why = markup
    if stamp.flags or stamp.day == day or (
            (stamp.day.year, stamp.day.month, stamp.day.day) == (day.year, day.day, day.month)
            and any(shows_date(lines, day, day_first=order) for order in (False, True))):
        # The same day; or the page's numeric date read the other way round ("11/01/2021"
        # read day first, the markup's 1 November; not "01.11.2023", day first whatever the
        # page): the markup tells how the page writes.
        return day, why, ()
    if day_first is None:
        day_first = reads_day_first(lines)
    if not shows_date(lines, day, day_first):
        return stamp.day, (f"{stamp.evidence} beside the headline; the markup's date "
                           f"{day.isoformat()} is not shown on the page"), ()
    if stamp.day == shown:
        return stamp.day, (f"{stamp.evidence} beside the headline, as htmldate reads it "
                           f"there; the markup's date was {day.isoformat()}"), ()
    if headline is not None and _shown_nearer(lines, headline, stamp.day, day, day_first):
        return stamp.day, (f"{stamp.evidence} beside the headline; the markup's date "
                           f"{day.isoformat()} is shown only farther from it"), ()
    return day, why, ()


def _shown_nearer(lines: list[str], headline: int, stamp: dt.date, markup: dt.date,
                  day_first: bool) -> bool:
    """Whether the page shows the `stamp`'s day nearer its headline (line `headline`) than
    it shows the `markup`'s day anywhere, and never labels the markup's day its publication
    ("Zuerst erschienen am ..."): the markup's day is then that of a reader's comment, a
    related article in a list, a caption's picture, which the markup took for the page's.
    `day_first`: how the page's numeric dates read."""
    markup_at = date_lines(lines, markup, day_first)
    stamp_at = date_lines(lines, stamp, day_first)
    if not stamp_at or any(labels_publication(lines[index]) for index in markup_at):
        return False
    return min(abs(index - headline) for index in stamp_at) < min(
        (abs(index - headline) for index in markup_at), default=len(lines))


#: Elements whose text starts and ends a line of the page as a browser shows it.
_BLOCK_TAGS = frozenset("""address article aside blockquote br dd div dl dt figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul
time""".split())


def visible_lines(tree: Any) -> tuple[list[str], int | None]:
    """The page's visible text, one line per block as a browser's copy and paste gives it
    (scripts, styles and the head left out), for the text reader's date rules; and the
    index of the line where the page's first `<h1>` starts (None without one)."""
    lines: list[str] = []
    parts: list[str] = []
    headline: int | None = None

    def close_line() -> None:
        line = _SPACE.sub(" ", "".join(parts)).strip()
        if line:
            lines.append(line)
        parts.clear()

    # A walk by hand, not lxml's iterwalk: that leaves out comments, and with them the
    # text that follows each one. Each element is met twice, opening and closing.
    pending: list[tuple[Any, bool]] = [(tree, False)]
    while pending:
        element, closing = pending.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                close_line()
            if element.tail:
                parts.append(element.tail)
            continue
        pending.append((element, True))
        if not tag or tag in _NOT_SHOWN or tag == "head" or _hidden(element) or (
                tag == "time" and _hidden_update(element)):
            continue  # a comment, a script, a style, a hidden element: only its tail shows
        if tag in _BLOCK_TAGS:
            close_line()
        if tag == "h1" and headline is None:
            headline = len(lines)
        if element.text:
            parts.append(element.text)
        pending.extend((child, False) for child in reversed(element))
    close_line()
    return lines, headline


#: Classes that hide an element whatever the page's own style (Bootstrap's "hidden" and
#: "d-none"), and an inline style that hides it.
_HIDING_CLASSES = frozenset({"hidden", "d-none"})
_HIDING_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _hidden(element: Any) -> bool:
    """Whether an element is not shown: the `hidden` attribute, a class that hides it, or
    an inline `display: none` (markup's copies of a stamp, "<time itemprop="dateModified"
    class="hidden">", that a reader never sees)."""
    attributes = element.attrib
    if not attributes:
        return False
    if "hidden" in attributes:
        return True
    classes = attributes.get("class")
    if classes and not _HIDING_CLASSES.isdisjoint(classes.split()):
        return True
    style = attributes.get("style")
    return bool(style) and _HIDING_STYLE.search(style) is not None


def _hidden_update(element: Any) -> bool:
    """Whether a `<time>` is the update of a WordPress post's pair of stamps (`<time
    class="entry-date published">` and `<time class="updated">` side by side): the theme's
    style hides the update, so a reader sees only the publication day, whichever of the two
    the markup writes first."""
    classes = (element.get("class") or "").split()
    parent = element.getparent()
    return ("updated" in classes and "published" not in classes and parent is not None
            and any(sibling is not element and sibling.tag == "time"
                    and "published" in (sibling.get("class") or "").split()
                    for sibling in parent))


#: The lines of the page read for its stamp: from this many above the first `<h1>` ...
STAMP_LINES_BEFORE = 5
#: ... this many in all.
STAMP_LINES = 50


def _headline_line(lines: list[str], title: str, h1: int | None) -> int | None:
    """The line of the page's headline: the first line that is the title the reader chose
    (a page's first `<h1>` may be its logo), else the first `<h1>`'s (at line `h1`), else
    None."""
    wanted = fold(title)
    if wanted:
        for index, line in enumerate(lines):
            if fold(line) == wanted:
                return index
    return h1


#: A line the page's <title> holds is its headline when it has this many words at least.
TITLE_LINE_WORDS = 2


def _stamp_under_page_title(tree: Any, lines: list[str]) -> ShownStamp | None:
    """The stamp the text reader finds around the line of the page (of two words or more)
    that the page's <title> or social title holds first (the headline comes before the
    site's name: "Faire Lieferketten - Jugendwerk Velmora"), the longest of those; None
    without such a line."""
    page_title = fold(" ".join(tree.xpath("//title//text()|//meta[@property='og:title']"
                                          "/@content")))
    found = [(page_title.find(fold(line)), -len(line), index) for index, line in
             enumerate(lines) if len(_words(line)) >= TITLE_LINE_WORDS
             and fold(line) in page_title]
    return _shown_stamp(lines, min(found)[2]) if found else None


def _shown_stamp(lines: list[str], headline: int | None) -> ShownStamp | None:
    """The date the text reader finds in the page's visible `lines` around the headline
    (at line `headline`; the whole page without one): its stamp near the headline, else a
    weaker date it flags; None when it finds none (or reads no article there)."""
    if not lines:
        return None
    # The text around the headline: the stamp is beside it, and the reader's work grows
    # with the page (menus, lists and footers below the story are most of a page's lines).
    window = lines if headline is None else lines[max(0, headline - STAMP_LINES_BEFORE):
                                                  headline + STAMP_LINES - STAMP_LINES_BEFORE]
    try:
        seen = read_text("\n".join(window), "page.html")
    except SeedError:
        return None
    if seen.published is None:
        return None
    return ShownStamp(seen.published, seen.date_evidence or "a date shown on the page",
                      tuple(seen.review))


def choose_date(original: dt.date, shown: dt.date | None,
                newest: Callable[[], dt.date | None]) -> tuple[dt.date, str]:
    """Between htmldate's original and newest dates of a page, the publication date and why.

    `shown` is the date beside the headline. `newest` (htmldate's newest date: a full pass
    over the page) is only asked when it can change the answer: when the original date is a
    1 January, or when the headline shows another day than the original date."""
    if not (original.month == 1 and original.day == 1) and shown in (None, original):
        return original, "the page's publication date (htmldate, original date)"
    latest = newest()
    if latest is None or latest == original:
        return original, "the page's publication date (htmldate, original date)"
    if original.month == 1 and original.day == 1 and latest > original:
        return latest, ("the page's date (htmldate); its original date, 1 January "
                        f"{original.year}, was only a year")
    if shown == latest:
        return latest, "the date shown beside the page's headline (htmldate)"
    return original, "the page's publication date (htmldate, original date)"


def _find_date(tree: Any, url: str | None, *, original_date: bool) -> dt.date | None:
    params = _date_params() | {"original_date": original_date}
    found = htmldate.find_date(copy.deepcopy(tree), url=url, outputformat="%Y-%m-%d", **params)
    return _iso_date(found)


def _iso_date(found: str | None) -> dt.date | None:
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None


#: How much visible text after and before the first `<h1>` is read for the headline's date.
HEADLINE_DATE_AFTER = 400
HEADLINE_DATE_BEFORE = 150
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template"})


def headline_date(tree: Any) -> dt.date | None:
    """The date a reader sees next to the headline ("By Ilse Varnholt, 3 March 2025"): the
    one date htmldate reads in the visible text around the page's first `<h1>`."""
    headings = tree.xpath("(//h1)[1]")
    if not headings:
        return None
    after = _shown_texts(headings[0].xpath("following::text()"), HEADLINE_DATE_AFTER)
    before = _shown_texts(reversed(headings[0].xpath("preceding::text()")),
                          HEADLINE_DATE_BEFORE)
    texts = [*reversed(before), *after]
    if not texts:
        return None
    page = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in texts) + "</body></html>"
    return _iso_date(htmldate.find_date(page, outputformat="%Y-%m-%d", extensive_search=True,
                                        original_date=False,
                                        max_date=dt.date.today().isoformat()))


def _shown_texts(nodes: Any, limit: int) -> list[str]:
    """Text nodes a reader sees (not in scripts or styles), in order, up to `limit` chars."""
    texts: list[str] = []
    size = 0
    for node in nodes:
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _NOT_SHOWN:
            continue
        text = _clean(str(node))
        if not text:
            continue
        texts.append(text)
        size += len(text)
        if size > limit:
            break
    return texts


def _canonical_url(url: str | None) -> str | None:
    """The page's own address (canonical link, og:url), when it is a web address."""
    url = (url or "").strip()
    return url if re.match(r"^https?://[^\s/]+", url, re.IGNORECASE) else None


def _saved_from(text: str) -> str | None:
    """The address a browser noted when it saved the page ("<!-- saved from url=(0042)https://
    ... -->", the mark browsers and `timeline add` leave), when the page names none itself."""
    match = _SAVED_FROM.search(text[:4096])
    return _canonical_url(match.group(1)) if match else None


def _authors(author: str | None) -> list[str]:
    names: list[str] = []
    for part in re.split(r"\s*;\s*", author or ""):
        name = _clean(part)
        if name and name.lower() not in (n.lower() for n in names):
            names.append(name)
    return names


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").replace("\u00a0", " ").replace("\u200b", "")).strip()


#: Typographic quotes and dashes as their plain forms, for `fold`.
_PLAIN_MARKS = str.maketrans("‘’‚‛′“”„‟″–—―", "''''\"\"\"\"\"\"---")


def fold(text: str) -> str:
    """Text compared loosely: case, quotes, dashes and spacing folded."""
    text = text.translate(_PLAIN_MARKS)
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip().casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _headline_part(title: str, site: str | None) -> str:
    """A `<title>` without the site name: 'Headline | Site' -> 'Headline'. Without a known
    site name, the longest part between separators."""
    if site:
        stripped = _strip_site(title, site)
        if fold(stripped) != fold(title):
            return stripped
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(parts) <= 1:
        return title.strip()
    return max(parts, key=lambda part: len(_words(part)))


def _strip_site(title: str, site: str) -> str:
    """'Headline - Site' or 'Site: Headline' -> 'Headline' (the headline keeps its own
    colons and dashes)."""
    pattern = re.escape(site)
    stripped = re.sub(rf"(?:\s*(?:[|\-–—»:·•]|::)\s*{pattern}\s*)+$", "", title,
                      flags=re.IGNORECASE)
    stripped = re.sub(rf"^\s*{pattern}\s*(?:[|\-–—»:·•]|::)\s*", "", stripped,
                      flags=re.IGNORECASE)
    return stripped.strip() or title.strip()


def _meta(tree: Any, *xpaths: str) -> str:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            text = _clean(str(value))
            if text:
                return text
    return ""


def pick_title(tree: Any, site: str | None) -> str:
    """The headline: the page's `<h1>` that best agrees with its social or `<title>` title
    (the h1 is the headline readers see), else that title without the site name."""
    social = _meta(tree, "//meta[@property='og:title']/@content",
                   "//meta[@name='og:title']/@content",
                   "//meta[@name='twitter:title']/@content",
                   "//meta[@property='twitter:title']/@content")
    page_title = _meta(tree, "//head//title//text()", "//title//text()")
    candidates = []
    if social:
        candidates.append(_strip_site(social, site) if site else social)
    if page_title:
        candidates.append(_headline_part(page_title, site))
    reference = next((c for c in candidates if c), "")
    headings = []
    for heading in tree.xpath("//h1"):
        text = _clean(heading.text_content())
        words = _words(text)
        if not words or len(words) > HEADLINE_MAX_WORDS or (site and fold(text) == fold(site)):
            continue
        headings.append((heading, text))
    if not reference:
        return headings[0][1] if headings else ""
    best, best_score = "", 0.0
    for heading, text in headings:
        if fold(reference) in fold(text) and len(text) > len(reference):
            # The h1 holds the headline and more: a section label or a subtitle in an
            # element of its own ("Local News | <span>Headline</span>"), or one sentence.
            parts = {fold(_clean(element.text_content())) for element in heading.iterdescendants()
                     if isinstance(element.tag, str)}
            return reference if fold(reference) in parts else text
        score = max(_dice(text, candidate) for candidate in candidates)
        shared = max(len(_content_words(text) & _content_words(c)) for c in candidates)
        if score < 0.5 and not (len(headings) == 1 and shared >= 2 and len(_words(text)) >= 4):
            continue
        if score > best_score:
            best, best_score = text, score
    return best or reference


_STOPWORDS = frozenset("a an and are as at be by for from has have in is it its of on or "
                       "the this to was were will with".split())


def _content_words(text: str) -> set[str]:
    return {word for word in _words(text) if word not in _STOPWORDS}


def _dice(a: str, b: str) -> float:
    """How alike two titles are by their words, 0..1."""
    words_a, words_b = set(_words(a)), set(_words(b))
    if not words_a or not words_b:
        return 0.0
    return 2 * len(words_a & words_b) / (len(words_a) + len(words_b))


# --- Text --------------------------------------------------------------------------------------


def _paragraphs(text: str, title: str) -> list[str]:
    """The extracted text as paragraphs, starting with the story's first paragraph: repeats
    of the headline, bylines and a lone dateline line ("WASHINGTON —") are tidied away or
    joined to the paragraph they open."""
    lines = [_clean(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    folded_title = fold(title)
    start = 0
    while start < min(len(lines), LEAD_LINES) and len(lines) - start > 1:
        line = lines[start]
        if (fold(line) == folded_title or (_BYLINE.match(line) and len(line.split()) <= 12)
                or _stamp(line)):
            start += 1
            continue
        # A short kicker (a section's name) just above a repeat of the headline.
        if (start + 1 < min(len(lines), LEAD_LINES) and len(line.split()) <= 3
                and fold(lines[start + 1]) == folded_title and len(lines) - start > 2):
            start += 2
            continue
        break
    lines = lines[start:]
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _lone_dateline(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return _without_furniture(paragraphs)


def _without_furniture(paragraphs: list[str]) -> list[str]:
    """The paragraphs without those the paste reader's block tests call page furniture (a
    call to subscribe, a 'Read also: ...' teaser, a comments prompt, an affiliate notice, an
    author's note): trafilatura keeps such boxes when they sit inside the article's markup.
    The same tests as the paste reader's (`text.furniture_marks`), so the two readers agree on
    what is the article. A short label whose next paragraph opens in lower case is a link
    cut out of a sentence ('Photos' + 'which were released ...'), kept. A label of other
    stories ('Empfohlene Beiträge', 'More stories', 'Lesen Sie auch die folgenden Beiträge:')
    below the story's first paragraph goes with the list of headlines under it
    (`_other_stories`). When every paragraph would go, all are kept."""
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        junk, stop = furniture_marks(paragraphs[index])
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if junk and not following[:1].islower():
            index += 1
            continue
        if kept and stop:
            end = _other_stories(paragraphs, index + 1)
            if end - index - 1 >= OTHER_STORIES_MIN:
                index = end
                continue
        kept.append(paragraphs[index])
        index += 1
    return kept or paragraphs


#: A list of other stories under a 'Related' label has at least this many headlines ...
OTHER_STORIES_MIN = 2
#: ... each of this many words (a shorter line is a label or a name, a longer one prose).
HEADLINE_MIN_WORDS = 3
HEADLINE_LIST_MAX_WORDS = 20


def _other_stories(paragraphs: list[str], start: int) -> int:
    """Where the run of headline-like lines from `start` ends: lines of a headline's length
    that end without a sentence's stop (a list of other stories' titles)."""
    end = start
    while end < len(paragraphs):
        line = paragraphs[end]
        if (not HEADLINE_MIN_WORDS <= len(line.split()) <= HEADLINE_LIST_MAX_WORDS
                or re.search(r"[.!?:;…]\s*$", line)):
            break
        end += 1
    return end


def _stamp(line: str) -> bool:
    """A line at the top of the text that only stamps the story ("5:45 AM PST 11/19/2019 by
    Patrick Shanley", "segunda-feira, 22 de janeiro de 2018 às 0:13", "Tempo de leitura: 1
    minuto", "March 3, 2019 at 08:45 AM | categories: Python | 4 Comments"): the page's
    date, time, byline or reading time, not its first paragraph (a sentence ends with a stop;
    a stamp does not)."""
    parts = _LABEL_SEPARATOR.split(line)
    if len(parts) > 1 and all(len(part.split()) <= LABEL_PART_MAX_WORDS for part in parts):
        # A line of short labels between bars is a stamp when one of its parts is.
        return any(_stamp(part) for part in parts)
    if len(line.split()) > STAMP_MAX_WORDS:
        return False
    if _COUNTER_LABEL.match(line):
        return True
    if re.search(r"[.!?…\"”»)]\s*$", line):
        return False
    match = _STAMP_DATE.search(line)
    if match is None:
        return False
    # A day and a year with words between are a date only when a month is named there:
    # "22 de janeiro de 2018" is a stamp, a subtitle "5 bakers who shaped 2019" is not.
    between = re.findall(r"[^\W\d_]+", match.group(0))
    return not between or any(word.casefold().rstrip(".") in MONTHS for word in between)


def _lone_dateline(paragraph: str) -> bool:
    """A paragraph that is only a dateline ("WASHINGTON —", "LONDON (Reuters) -")."""
    if len(paragraph.split()) > 8 or not re.search(r"[-–—―:]\s*$", paragraph):
        return False
    return extract_dateline(f"{paragraph} X") is not None
