"""Reader for Markdown notes (`.md` with front matter): a person's own note about an event.

The note is taken as given: its title, date, location, summary, entities and sources are
used as written. Only fields the note leaves out are filled by the extractors (a list given
as `[]` stays empty). The body is the person's Markdown, kept as Markdown, made safe: raw
HTML is shown as text and script links are disarmed (and the site cleans the rendered page
again, see `builder/plugin/sanitize.py`).

The front matter is held to the event page's rules (`model.load_front`): YAML anchors,
aliases and duplicate keys are refused, a list of names holds texts only and at most
`model.MAX_NAMES` of them, and the date is in the supported range. Each problem is reported
as `line N: field: message`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from builder.escape import safe_markdown
from builder.model import (
    ENTITY_KINDS,
    Article,
    Problem,
    SeedError,
    Source,
    body_problem,
    check_names,
    date_range_problem,
    load_front,
    parse_iso_date,
    with_lines,
)

_FIELDS = ("title", "date", "location", "summary", "tags", "people", "places",
           "organizations", "sources", "url", "publisher")


def read_note(content: str, seed: str) -> Article:
    """Read a Markdown note. Raises SeedError when it has no title or no valid date."""
    data, body = _split(content)
    title = _text(data, "title")
    if not title:
        raise SeedError("the note has no title (expected `title: ...` in its front matter)")
    date = parse_iso_date(data.get("date"))
    if date is None:
        raise SeedError(f"date: {data.get('date')!r} is not a date (expected `date: "
                        "YYYY-MM-DD` in the note's front matter, e.g. date: 2025-12-17)")
    if problem := date_range_problem(date):
        raise SeedError(f"date: {problem}")
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()] or [title]
    article = Article(seed=seed, title=title, paragraphs=paragraphs, published=date,
                      date_evidence="the note's date", url=_text(data, "url"),
                      publisher=_text(data, "publisher"), location=_text(data, "location"),
                      body_markdown=safe_markdown(body.strip()) if body.strip() else None)
    article.note = {key: data[key] for key in _FIELDS if key in data}
    article.note["sources"] = [_source(item, seed, title, date)
                               for item in _list(data.get("sources"))] or None
    return article


def _split(content: str) -> tuple[dict[str, Any], str]:
    lines = content.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SeedError("no front matter (expected the note to start with a '---' line, "
                        "then `title:` and `date:` lines, then '---')")
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "..."))
    except StopIteration as error:
        raise SeedError("front matter not closed (expected a second '---' line)") from error
    front = "\n".join(lines[1:end])
    data, problems = load_front(front, "", 2)
    if data is not None:
        given = {kind: data[kind] if isinstance(data[kind], list | None) else [data[kind]]
                 for kind in ENTITY_KINDS if kind in data}
        problems = with_lines(check_names(given, tuple(given), "", 2)[1], front, 2)
    if problems or data is None:
        raise SeedError("; ".join(_line_field(problem) for problem in problems))
    body = "\n".join(lines[end + 1:])
    if found := body_problem(body):
        raise SeedError(f"line {end + 2 + found[0]}: body: {found[1]}")
    return data, body


def _line_field(problem: Problem) -> str:
    return f"line {problem.line}: {problem.field}: {problem.message}"


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return str(value).strip() or None if isinstance(value, str | int | float) else None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _source(item: Any, seed: str, title: str, date: dt.date) -> Source:
    """A source as the note lists it: a URL, a title, or a mapping of source fields."""
    if isinstance(item, dict):
        return Source(title=str(item.get("title") or item.get("url") or title),
                      publisher=_text(item, "publisher"), credit=_text(item, "credit"),
                      url=_text(item, "url"), published=parse_iso_date(item.get("published")),
                      seed=seed)
    text = str(item).strip()
    if text.startswith(("http://", "https://")):
        return Source(title=text, url=text, seed=seed)
    return Source(title=text, seed=seed)
