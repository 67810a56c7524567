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
    return [tag for tag, keywords in taxonomy.items()
            if any(keyword_pattern(keyword).search(lead) for keyword in keywords)
            or sum(len(keyword_pattern(keyword).findall(body))
                   for keyword in keywords) >= BODY_HITS]


_CACHE: dict[str, re.Pattern[str]] = {}


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """The compiled match of one taxonomy keyword (see the module's docstring); cached."""
    pattern = _CACHE.get(keyword)
    if pattern is None:
        words = r"\s+".join(re.escape(word) for word in keyword.split())
        end = r"(?!\w)" if len(keyword) <= WHOLE_WORD_MAX else ""
        pattern = _CACHE[keyword] = re.compile(rf"(?<!\w){words}{end}", re.IGNORECASE)
    return pattern
