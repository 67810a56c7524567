"""Topic tags from the user's taxonomy (tag -> keywords in mkdocs.yml), and nothing else.

A keyword matches at the start of a word, case-insensitively: "negotiat" matches
"negotiations", "peace deal" matches "Peace deal"; a keyword of `WHOLE_WORD_MAX` letters or
fewer matches a whole word only ("war" is not "warning"). A tag needs real evidence, not one passing
word deep in an unrelated story: one of its keywords in the title or the lede, or
`BODY_HITS` matches of its keywords in the rest of the text. Tags come out in taxonomy order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: Keywords this short match whole words only.
WHOLE_WORD_MAX = 3
#: Keyword matches in the body (after the lede) that make a tag without the title or lede.
BODY_HITS = 3


def extract_tags(lead: str, taxonomy: Mapping[str, Sequence[str]], body: str = "") -> list[str]:
    """The tags with evidence: a keyword in `lead` (title and lede), or `BODY_HITS` matches
    in `body`."""
    return [tag for tag, keywords in taxonomy.items() if keywords
            and (_any_of(keywords).search(lead) or _body_hits(keywords, body))]


def _body_hits(keywords: Sequence[str], body: str) -> bool:
    """Whether the keywords' matches in `body`, each keyword counted on its own (as
    `findall` per keyword: "peace deal" counts for "peace" and for "peace deal"), reach
    `BODY_HITS`. One search for any of them first: most tags have none in most texts."""
    if not _any_of(keywords).search(body):
        return False
    hits = 0
    for keyword in keywords:
        for _match in _pattern(keyword).finditer(body):
            hits += 1
            if hits >= BODY_HITS:
                return True
    return False


_CACHE: dict[str, re.Pattern[str]] = {}
_ANY: dict[tuple[str, ...], re.Pattern[str]] = {}


def _source(keyword: str) -> str:
    words = r"\s+".join(re.escape(word) for word in keyword.split())
    end = r"(?!\w)" if len(keyword) <= WHOLE_WORD_MAX else ""
    return rf"(?<!\w){words}{end}"


def _pattern(keyword: str) -> re.Pattern[str]:
    pattern = _CACHE.get(keyword)
    if pattern is None:
        pattern = _CACHE[keyword] = re.compile(_source(keyword), re.IGNORECASE)
    return pattern


def _any_of(keywords: Sequence[str]) -> re.Pattern[str]:
    """One pattern for a tag's keywords: it matches where any of them does (one compiled
    regex per tag, not one search per keyword)."""
    key = tuple(keywords)
    pattern = _ANY.get(key)
    if pattern is None:
        pattern = _ANY[key] = re.compile("|".join(f"(?:{_source(k)})" for k in key),
                                         re.IGNORECASE)
    return pattern
