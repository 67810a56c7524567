"""A one-line summary: the lede's first sentence, bounded in length."""

from __future__ import annotations

import re

#: Longest summary, in characters; a longer first sentence is cut at a word and marked "…".
SUMMARY_MAX_CHARS = 300

_ABBREVIATIONS = r"(?<!\b[A-Z])(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGen)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])")


def extract_summary(lede: str) -> str:
    """The first sentence of `lede` (the article text after its dateline)."""
    text = " ".join(lede.split())
    match = _SENTENCE_END.search(text)
    sentence = text[:match.end()].strip() if match else text
    if len(sentence) <= SUMMARY_MAX_CHARS:
        return sentence
    cut = sentence[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
