"""Extractors: one module per fact, each a function from text to a value (or None).

`extract_article` runs them in order on an Article from a reader: dateline (location and
written date), date (with how it was found), entities, tags and summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from builder.extract.dateline import extract_dateline
from builder.extract.dates import find_date
from builder.extract.entities import extract_entities
from builder.extract.summary import extract_summary
from builder.extract.tags import extract_tags
from builder.model import Article

__all__ = ["extract_article"]


def extract_article(article: Article, reference: dt.date, aliases: Mapping[str, str],
                    taxonomy: Mapping[str, Sequence[str]]) -> Article:
    """Fill in the article's date, location, entities, tags and summary.

    Raises SeedError when no date can be found.
    """
    lede = article.paragraphs[0]
    dateline = extract_dateline(lede)
    if dateline is not None:
        article.location = aliases.get(dateline.city, dateline.city)
        lede = lede[dateline.end:]
    found = find_date(dateline.date_text if dateline else None,
                      article.published, article.date_evidence, reference)
    article.date = found.date
    article.date_from = found.how
    article.review = [*article.review, *(flag for flag in found.review
                                         if flag not in article.review)]
    text = "\n\n".join([lede, *article.paragraphs[1:]])
    known = [article.location] if article.location else []
    if dateline is not None and dateline.region:
        known.append(dateline.region)
    entities = extract_entities(text, aliases, known)
    article.people = entities.people
    article.places = entities.places
    article.organizations = entities.organizations
    article.tags = extract_tags(f"{article.title}\n\n{text}", taxonomy)
    article.summary = extract_summary(lede)
    return article
