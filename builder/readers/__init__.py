"""Readers: one module per seed format, each turning a seed file into an `Article`.

`read_seed` is the one entry point: it checks the file (size, binary content, encoding)
before handing its text to the reader for its suffix, and raises `SeedError` with a message
a person can act on.

The readers and the date extractor are imported when a seed of their kind is read, not when
this package is: a build with nothing to read (or only text seeds) does not pay for
trafilatura, htmldate and dateparser.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from builder.model import Article, SeedError

__all__ = ["READERS", "SeedError", "date_from_page", "decode", "is_seed", "read_seed"]


def _read_text(content: str, seed: str) -> Article:
    from builder.readers import text

    return text.read_text(content, seed)


def _read_note(content: str, seed: str) -> Article:
    from builder.readers import markdown

    return markdown.read_note(content, seed)


def _read_html(content: str | bytes, seed: str) -> Article:
    from builder.readers import html

    return html.read_html(content, seed)


#: Seed suffixes and the reader for each.
READERS: dict[str, Callable[[str, str], Article]] = {
    ".txt": _read_text,
    ".md": _read_note,
    ".html": _read_html,
    ".htm": _read_html,
}
#: Readers that are given the file's bytes (after the same checks), so that a saved page is
#: read in the charset it declares itself.
BYTE_READERS: dict[str, Callable[[bytes, str], Article]] = {
    ".html": _read_html,
    ".htm": _read_html,
}


def is_seed(path: Path) -> bool:
    """Whether a file in the seeds folder is one the builder reads."""
    return path.suffix.lower() in READERS and not path.name.startswith(".")


def read_seed(path: Path, max_bytes: int) -> Article:
    """Read one seed file into an Article, or raise SeedError."""
    size = path.stat().st_size
    if size > max_bytes:
        raise SeedError(f"{size:,} bytes is over the limit of {max_bytes:,} "
                        "(raise max_seed_bytes in mkdocs.yml, or trim the file)")
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    content = decode(data)
    if not content.strip():
        raise SeedError("the file is empty (expected the article's title on the first line, "
                        "then its text)")
    suffix = path.suffix.lower()
    if suffix in BYTE_READERS:
        article = BYTE_READERS[suffix](data, path.name)
    else:
        article = READERS[suffix](content, path.name)
    if article.note is None:
        date_from_page(article, content, dt.datetime.fromtimestamp(path.stat().st_mtime))
    return article


def date_from_page(article: Article, page_text: str, saved: dt.datetime) -> None:
    """What the page itself says about a day the reader found no full date for, with
    `saved` the day the seed file was saved (its modification time):

    * a dateline's day without a year ("KANSAS CITY, January 2 (AP) -") takes the year the
      article supports (`extract.dates.year_from_evidence`: its address, the years its
      headline and opening paragraph name (later paragraphs name past years: "the record set
      in 2014"), a copyright line); without evidence it is left to the extractor's reference
      date;
    * a relative stamp ("5 hours ago") with no dateline date counts back from `saved`, and is
      flagged for review.
    """
    if article.published is not None or not article.paragraphs:
        return
    from builder.extract.dateline import extract_dateline
    from builder.extract.dates import (
        RELATIVE_DATE,
        parse_written_date,
        resolve_relative_at,
        year_from_evidence,
    )

    dateline = extract_dateline(article.paragraphs[0])
    if dateline is not None and dateline.date_text:
        written = parse_written_date(dateline.date_text)
        if written is None or written[0] is not None:
            return
        _, month, day = written
        text = f"{article.title}\n{article.paragraphs[0]}"
        found = year_from_evidence(month, day, url=article.url, text=text, page_text=page_text,
                                   saved=saved.date())
        if found is not None:
            article.published = found.date
            article.date_evidence = f"dateline {dateline.date_text!r}, {found.how}"
        return
    if article.relative_stamp:
        ago = resolve_relative_at(article.relative_stamp, saved)
        if ago is not None:
            article.published = ago
            article.date_evidence = (f"relative stamp {article.relative_stamp!r} counted back "
                                     f"from the seed file's saved time "
                                     f"({saved.isoformat(' ', 'minutes')})")
            if RELATIVE_DATE not in article.review:
                article.review.append(RELATIVE_DATE)


def decode(data: bytes) -> str:
    """Seed bytes as text with '\\n' line ends: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252, the usual encoding of text saved on Windows."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            content = data.decode(encoding, errors="replace")
            break
    else:
        if b"\x00" in data:
            raise SeedError("binary file (it contains NUL bytes; expected text: save the "
                            "article as .txt, .html or .md)")
        try:
            content = data.decode("utf-8")
        except UnicodeDecodeError:
            content = _decode_broken_utf8(data)
    return content.replace("\r\n", "\n").replace("\r", "\n")


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 read as Windows-1252, one by one."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("builder-cp1252", _cp1252_bytes)


def _decode_broken_utf8(data: bytes) -> str:
    """Text that is not valid UTF-8: Windows-1252, unless most of its non-ASCII characters
    are valid UTF-8 (a UTF-8 page with a few broken bytes: a line wrap that cut a character,
    a quote pasted from a Windows program). Reading such a page as Windows-1252 would garble
    every accented letter and every non-Latin script in it; so it is read as UTF-8, and only
    the broken bytes as Windows-1252, so that nothing is dropped."""
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for char in replaced if ord(char) > 127) - broken
    if valid > broken:
        return data.decode("utf-8", errors="builder-cp1252")
    return data.decode("cp1252", errors="replace")
