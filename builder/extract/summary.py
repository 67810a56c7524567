"""A one-line summary: the lede's first sentence, bounded in length."""

from __future__ import annotations

import re

#: Longest summary, in characters; a longer first sentence is cut at a word and marked "…".
SUMMARY_MAX_CHARS = 300

#: Words that end with a full stop without ending a sentence: titles before names ("Gov.",
#: "Sen."), "v." in case names ("Dobbs v. Jackson"), company suffixes, months and the US
#: states' short forms used in datelines and addresses. Single letters (initials, "U.S.")
#: never end a sentence either.
ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof rev hon fr sr jr st gov sen rep reps sens lt col gen maj capt cmdr adm
sgt cpl pvt brig supt insp det atty pres vice amb mt ft no nos vs v inc corp co ltd llc bros
dept univ assn ave blvd rd hwy approx est vol pp fig jan feb mar apr jun jul aug sep sept oct
nov dec mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill
ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex vt va wash
wis wyo al cf e.g i.e etc
""".split())

_CANDIDATE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _ends_sentence(text: str, end: re.Match[str]) -> bool:
    """Whether the candidate stop at `end` closes a sentence, not an abbreviation."""
    if text[end.start()] != ".":
        return True
    found = _WORD_BEFORE.search(text, 0, end.start())
    if found is None:
        return True
    word = found.group(1)
    last = word.rsplit(".", 1)[-1] if "." in word else word
    if len(last) == 1 and last.isalpha():
        return False  # an initial ("John F. Kennedy"), "U.S.", "v."
    return last.casefold() not in ABBREVIATIONS


def extract_summary(lede: str) -> str:
    """The first sentence of `lede` (the article text after its dateline)."""
    text = " ".join(lede.split())
    sentence = text
    for end in _CANDIDATE_END.finditer(text):
        if _ends_sentence(text, end):
            sentence = text[:end.end()].strip()
            break
    if len(sentence) <= SUMMARY_MAX_CHARS:
        return sentence
    cut = sentence[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
