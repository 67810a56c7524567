"""Grouping: articles -> events. Articles that report the same happening become one event
whose `sources` lists each of them.

For now "the same happening" means the same article text (a seed saved twice under two
names); grouping different outlets' reports of one happening is a later step.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from builder.escape import escape_paragraph
from builder.model import Article, Event, Source


def group_articles(articles: Iterable[Article]) -> list[list[Article]]:
    """Articles that report one happening, group by group, in the order they come.
    (For now: one group per distinct article text.)"""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(fingerprint(article), []).append(article)
    return list(groups.values())


def fingerprint(article: Article) -> str:
    """The identity of an article's text: the same words in the same order, whatever the
    file name, encoding, line ends or spacing."""
    words = re.findall(r"\w+", f"{article.title} {article.text}".lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def event_from(articles: list[Article]) -> Event:
    """The event that a group of articles reports; the first article leads."""
    lead = articles[0]
    assert lead.date is not None, "extract_article sets the date"
    event = Event(
        title=lead.title,
        date=lead.date,
        location=lead.location,
        summary=lead.summary,
        date_from=lead.date_from,
        review=list(lead.review),
        body="\n\n".join(escape_paragraph(paragraph) for paragraph in lead.paragraphs),
    )
    for article in articles:
        event.sources.append(source_of(article))
        for kind in ("tags", "people", "places", "organizations"):
            names = event.entities(kind)
            names.extend(name for name in getattr(article, kind) if name not in names)
    return event


def source_of(article: Article) -> Source:
    return Source(title=article.title, publisher=article.publisher, credit=article.credit,
                  url=article.url, published=article.published or article.date,
                  seed=article.seed)
