"""Topic tags from a user-editable taxonomy: keyword rules -> tag.

A keyword matches at the start of a word, case-insensitively: "negotiat" matches
"negotiations", "peace deal" matches "Peace deal". Tags come out in taxonomy order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence


def extract_tags(text: str, taxonomy: Mapping[str, Sequence[str]]) -> list[str]:
    """The tags whose keywords occur in `text`."""
    return [tag for tag, keywords in taxonomy.items() if any(
        _pattern(keyword).search(text) for keyword in keywords)]


_CACHE: dict[str, re.Pattern[str]] = {}


def _pattern(keyword: str) -> re.Pattern[str]:
    pattern = _CACHE.get(keyword)
    if pattern is None:
        words = r"\s+".join(re.escape(word) for word in keyword.split())
        pattern = _CACHE[keyword] = re.compile(rf"(?<!\w){words}", re.IGNORECASE)
    return pattern
