"""Reader for pasted web text (`.txt`): an article copied from a browser window.

Such text comes with page furniture around the article: a publisher line under the title
("- Balitang Marino"), relative stamps ("4 hours ago", "2 min read"), bylines, share and
comment buttons, a credit line ("Source: mb.com.ph"). The reader keeps the article and
records what the furniture tells (publisher, authors, published date, credit).
The dateline ("BERLIN, December 17 --") stays in the text: `extract.dateline` reads it.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

from builder.model import Article, SeedError

#: A line is "header-sized" when it has at most this many words; longer lines are body text.
HEADER_LINE_MAX_WORDS = 12
#: Lines of a hard-wrapped paragraph are at most this long (mail and terminals wrap at 72-80).
WRAP_MAX_CHARS = 100
#: How many lines under the title are searched for publisher, byline and stamps.
HEADER_MAX_LINES = 12

_BULLET = re.compile(r"^\s*(?:[-–•*·|]\s+)+")
_RELATIVE = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:an?|\d+)\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?)"
    r"\s+ago$|^(?:just now|yesterday|today)$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\.?\s*(?:read|reading)"
                           r"(?:\s+time)?$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s*(?=[A-Z])(.+)$", re.IGNORECASE)
_STAMP_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|first published)"
                           r"(?:\s+on)?[:\s]+", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b",
                    re.IGNORECASE)
_CREDIT = re.compile(r"^(?:source|sources|credit|via|courtesy(?: of)?)\s*[:\-–]\s*(.+)$",
                     re.IGNORECASE)
#: Lines that are page furniture wherever they stand (compared case-insensitively,
#: without trailing counts such as "Comments (12)").
FURNITURE = frozenset({
    "comments", "comment", "leave a comment", "add a comment", "view comments",
    "show comments", "share", "share this", "share this article", "share this story",
    "share on facebook", "share on twitter", "share on x", "share via email", "tweet", "email",
    "print", "copy link", "copy the link", "link copied", "save", "save article", "listen",
    "listen to this article", "subscribe", "subscribe now", "sign up", "sign in", "log in",
    "follow us", "follow", "advertisement", "ad", "sponsored", "read more", "see more",
    "related", "related articles", "related stories", "more stories", "recommended",
    "trending", "most read", "top stories", "skip to content", "skip to main content",
    "menu", "search", "close", "back to top", "loading...", "loading", "facebook", "twitter",
    "x", "whatsapp", "linkedin", "reddit", "telegram", "messenger",
})
_COUNT_SUFFIX = re.compile(r"\s*[\(\[]?\d+[\)\]]?$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")


def read_text(content: str, seed: str) -> Article:
    """Read pasted article text. Raises SeedError when there is no title or no text."""
    lines = [_clean_line(line) for line in content.split("\n")]
    start = _first_content_line(lines)
    if start is None:
        raise SeedError("no title (expected the headline on the first non-empty line)")
    title = _BULLET.sub("", lines[start]).lstrip("# ").strip()
    article = Article(seed=seed, title=title, paragraphs=[])
    body_start = _read_header(lines, start + 1, article)
    article.paragraphs = _read_body(lines[body_start:], article)
    if not article.paragraphs:
        raise SeedError(f"no article text under the title {title[:60]!r} "
                        "(expected paragraphs of text after the headline)")
    return article


def _clean_line(line: str) -> str:
    return line.replace("\u00a0", " ").replace("\u200b", "").strip()


def _is_furniture(line: str) -> bool:
    key = _COUNT_SUFFIX.sub("", _BULLET.sub("", line)).strip().lower().rstrip(":")
    return key in FURNITURE or bool(_RELATIVE.match(key)) or bool(_READING_TIME.match(key))


def _first_content_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line and not _is_furniture(line):
            return index
    return None


def _read_header(lines: list[str], start: int, article: Article) -> int:
    """Read publisher, byline and stamps under the title; return where the body starts."""
    index = start
    seen = 0
    while index < len(lines) and seen < HEADER_MAX_LINES:
        line = lines[index]
        if not line:
            index += 1
            continue
        bare = _BULLET.sub("", line).strip()
        if len(bare.split()) > HEADER_LINE_MAX_WORDS:
            break
        seen += 1
        if _is_furniture(bare):
            pass
        elif (byline := _BYLINE.match(bare)) is not None:
            article.authors = _split_authors(byline.group(1))
        elif (stamp := _read_stamp(bare)) is not None:
            if article.published is None or not bare.lower().startswith(("updated", "last")):
                article.published = stamp
                article.date_evidence = f"timestamp {bare!r}"
        elif seen == 1 and not _SENTENCE_END.search(bare):
            article.publisher = bare
        else:
            break
        index += 1
    return index


def _split_authors(text: str) -> list[str]:
    text = re.sub(r"\s*[|,]\s*(?:updated|published|posted)\b.*$", "", text, flags=re.IGNORECASE)
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    return [part.strip() for part in parts if part.strip()]


def _read_stamp(line: str) -> dt.date | None:
    """A publication stamp with a full date ("Published 5:02 PM EST, Tue December 16, 2025")."""
    text = _STAMP_PREFIX.sub("", line)
    if not _YEAR.search(text) or not (_MONTH.search(text) or re.search(r"\d[-/.]\d", text)):
        return None
    if len(re.findall(r"[A-Za-z]{4,}", text)) > 6:
        return None
    parsed = dateparser.parse(text, languages=["en"],
                              settings={"STRICT_PARSING": False, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


def _read_body(lines: list[str], article: Article) -> list[str]:
    """Paragraphs of the body, without furniture, with wrapped lines joined."""
    kept: list[str] = []
    for line in lines:
        if line and (credit := _CREDIT.match(line)) is not None and len(line.split()) <= 8:
            article.credit = credit.group(1).strip()
            continue
        if line and _is_furniture(line):
            continue
        kept.append(line)
    paragraphs: list[str] = []
    for block in _blocks(kept):
        if _hard_wrapped(block):
            paragraphs.append(" ".join(block))
            continue
        current = ""
        for line in block:
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-empty lines, split at blank lines."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _hard_wrapped(block: list[str]) -> bool:
    """A block of lines broken at a fixed width: one paragraph. (Pasted text that keeps one
    paragraph per line has long lines; a wrapped paragraph's lines all stop short.)"""
    return len(block) >= 2 and max(len(line) for line in block[:-1]) <= WRAP_MAX_CHARS


def _continues(previous: str, line: str) -> bool:
    """Whether `line` is the wrapped continuation of the paragraph `previous`."""
    return not _SENTENCE_END.search(previous) and (line[0].islower() or line[0] in ",;")
