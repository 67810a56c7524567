"""The event's day, with a record of how it was found.

Order of trust: a dateline's date, then the page's publication stamp. A date without a year
("December 17") takes the latest such day not after the reference date (the day the seed is
first built, unless configured), and is flagged for review. Weekday names and relative words
inside the text ("Monday", "last week") never move the day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from builder.model import SeedError
from builder.readers.months import MONTH_NAMES

YEAR_INFERRED = "year inferred"
RELATIVE_DATE = "date from a relative stamp"
#: The page shows no stamp: the day is the first the story's opening tells of.
STORY_DATE = "date from the story's text"
#: The page shows no stamp of its own: the day is that of the first reader's comment (the
#: story was published that day or before).
COMMENT_DATE = "date from the readers' comments"
#: The page shows no stamp, no dated story and no dated comment: the day is the nearest date
#: to the headline written anywhere on the page (a list, a caption, a sidebar, the headline's
#: own line), weak, but a page that shows a date is not refused for want of one.
PAGE_DATE = "date from elsewhere on the page"
#: The page shows no date but in the signatures of the posts it embeds ("— Ann Roe (@annroe)
#: November 18, 2019"): the day is the latest of them (a story embeds posts already
#: written, so it was published that day or after).
EMBED_DATE = "date from an embedded post"

_AGO = re.compile(r"(an?|\d+)\s*(second|sec|minute|min|hour|hr|h|day|d|week|wk|month|year)s?"
                  r"\s+ago", re.IGNORECASE)
_DAYS = {"day": 1, "d": 1, "week": 7, "wk": 7, "month": 30, "year": 365}


#: A relative stamp in another language the readers know: "hace 3 horas", "há 2 dias",
#: "vor 3 Stunden", "vor einer Stunde", "il y a 2 jours", "3 ore fa", "2 uur geleden", with
#: perhaps a label before it ("Publicado hace 3 horas", "Publiziert vor 2 Tagen").
_AGO_OTHER = re.compile(
    r"^(?:(?:publicado|actualizado|atualizado|publiziert|veröffentlicht|aktualisiert|publié|"
    r"mis à jour|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\s+)?"
    r"(?:(?:hace|há|vor|il y a)\s+(?P<count>\d+|une?|una|uno|ein|eine|einer|einem|einen)\s*"
    r"(?P<unit>[^\W\d_]+)|(?P<count2>\d+|un|una|uno|een)\s*(?P<unit2>[^\W\d_]+)\s+"
    r"(?:fa|geleden))$", re.IGNORECASE)
#: The units of `_AGO_OTHER`, by the English unit `_AGO` reads.
_OTHER_UNITS = {
    "second": ("segundo", "segundos", "sekunde", "sekunden", "seconde", "secondes", "secondo",
               "secondi", "seconden"),
    "minute": ("minuto", "minutos", "minute", "minuten", "minutes", "minuti", "minuut"),
    "hour": ("hora", "horas", "stunde", "stunden", "heure", "heures", "ora", "ore", "uur"),
    "day": ("día", "días", "dia", "dias", "tag", "tage", "tagen", "jour", "jours", "giorno",
            "giorni", "dag", "dagen"),
    "week": ("semana", "semanas", "woche", "wochen", "semaine", "semaines", "settimana",
             "settimane", "week", "weken"),
    "month": ("mes", "meses", "monat", "monaten", "mois", "mese", "mesi", "maand", "maanden"),
    "year": ("año", "años", "ano", "anos", "jahr", "jahren", "an", "ans", "année", "années",
             "anno", "anni", "jaar", "jaren"),
}
_OTHER_UNIT = {word: unit for unit, words in _OTHER_UNITS.items() for word in words}


def relative_in_english(stamp: str) -> str | None:
    """A relative stamp in another language as `_AGO` reads it ("vor 3 Stunden" -> "3 hours
    ago", "hace un día" -> "1 days ago"), so that a page stamped that way is dated (and
    flagged) as an English one is; None when `stamp` is no such stamp."""
    match = _AGO_OTHER.match(stamp.strip())
    if match is None:
        return None
    count = (match.group("count") or match.group("count2") or "").lower()
    unit = _OTHER_UNIT.get((match.group("unit") or match.group("unit2") or "").lower())
    if unit is None:
        return None
    return f"{count if count.isdigit() else 1} {unit}s ago"


def resolve_relative(stamp: str, reference: dt.date) -> dt.date | None:
    """'4 hours ago' -> the reference day; '2 days ago' -> two days before; None if unknown."""
    text = (relative_in_english(stamp) or stamp).strip().lower()
    if text in ("today", "just now"):
        return reference
    if text == "yesterday":
        return reference - dt.timedelta(days=1)
    match = _AGO.search(text)
    if match is None:
        return None
    count = 1 if match.group(1) in ("a", "an") else int(match.group(1))
    unit = match.group(2).lower()
    return reference - dt.timedelta(days=count * _DAYS.get(unit, 0))

_UNIT_SECONDS = {"second": 1, "sec": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600,
                 "h": 3600}


def resolve_relative_at(stamp: str, moment: dt.datetime) -> dt.date | None:
    """A relative stamp counted back from a moment (a file's saved time): '16 hours ago'
    saved at 09:00 is the day before; days and longer count as `resolve_relative` does."""
    match = _AGO.search((relative_in_english(stamp) or stamp).strip().lower())
    if match is not None and match.group(2).lower() in _UNIT_SECONDS:
        count = 1 if match.group(1) in ("a", "an") else int(match.group(1))
        seconds = count * _UNIT_SECONDS[match.group(2).lower()]
        return (moment - dt.timedelta(seconds=seconds)).date()
    return resolve_relative(stamp, moment.date())


_HAS_YEAR = re.compile(r"\b\d{4}\b")
_HAS_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?!\w)"
                        r"|\b\d{1,4}[-/.]\d{1,2}\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A day and how it was found."""

    date: dt.date
    how: str
    review: tuple[str, ...] = ()


_MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
                  "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_NAME = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
               r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: The common written forms, read without dateparser (issue 11: it costs ~15 ms a seed).
#: Anything else, or a day that does not exist, goes to dateparser as before.
_FAST_FORMS = (
    re.compile(rf"^{_MONTH_NAME}\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?$",
               re.IGNORECASE),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH_NAME}\.?(?:,?\s+(?P<year>\d{{4}}))?$",
               re.IGNORECASE),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
    # Numeric, month first (dateparser's English order) when the first number is a month.
    re.compile(r"^(?P<month>0?[1-9]|1[0-2])/(?P<day>\d{1,2})/(?P<year>\d{4})$"),
)


def _parse_fast(cleaned: str) -> tuple[int | None, int, int] | None:
    """The common forms ("December 17", "Dec. 17, 2025", "17 December 2025", "2025-12-17",
    "12/17/2025"), or None to leave the text to dateparser."""
    for form in _FAST_FORMS:
        match = form.match(cleaned)
        if match is None:
            continue
        month_text = match.group("month").lower()
        month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS[month_text[:3]]
        day = int(match.group("day"))
        year = int(match.group("year")) if match.group("year") else None
        try:
            dt.date(year if year is not None else 2024, month, day)
        except ValueError:
            return None  # not a real day: dateparser decides, as before
        return (year, month, day)
    return None


#: Month names in the languages the readers know (`builder.readers.months`), by name.
_MONTHS_ANY = {name: number for number, names in MONTH_NAMES.items() for name in names}
#: A full date written day first in any of those languages, as a European dateline has it:
#: "14. Dezember 2021", "14 décembre 2021", "14 de diciembre de 2021".
_DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?\s+"
                        r"(?:de\s+|del\s+)?(?P<year>\d{4})$")


#: ... or in numbers parted by dots, always day first: "14.12.2021".
_DOTTED = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")


def _parse_day_first(cleaned: str) -> tuple[int | None, int, int] | None:
    """A day-first date in a language of the month tables, or in numbers parted by dots
    (dateparser is asked for English only, and reads "04.03.2021" month first), or None."""
    match = _DAY_FIRST.match(cleaned) or _DOTTED.match(cleaned)
    month_text = match.group("month").lower() if match else ""
    month = int(month_text) if month_text.isdigit() else _MONTHS_ANY.get(month_text)
    if match is None or month is None:
        return None
    year, day = int(match.group("year")), int(match.group("day"))
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return (year, month, day)


def parse_written_date(text: str) -> tuple[int | None, int, int] | None:
    """'December 17' -> (None, 12, 17); 'Dec. 3, 2024' -> (2024, 12, 3); '14. Dezember 2021'
    -> (2021, 12, 14); None if not a date."""
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.strip())
    fast = _parse_fast(cleaned) or _parse_day_first(cleaned)
    if fast is not None:
        return fast
    return _parse_with_dateparser(cleaned)


def _parse_with_dateparser(cleaned: str) -> tuple[int | None, int, int] | None:
    """What dateparser reads in a written date (the slow path, for the rarer forms)."""
    if not _HAS_MONTH.search(cleaned):  # "yesterday", "last week": not a written date
        return None
    has_year = bool(_HAS_YEAR.search(cleaned))
    # A leap-year base, so that "February 29" without a year still parses.
    base = dt.datetime(2024 if not has_year else 2000, 1, 1)
    parsed = dateparser.parse(cleaned, languages=["en"],
                              settings={"RELATIVE_BASE": base,
                                        "REQUIRE_PARTS": ["day", "month"]})
    if parsed is None:
        return None
    return (parsed.year if has_year else None, parsed.month, parsed.day)


def infer_year(month: int, day: int, reference: dt.date) -> dt.date:
    """The latest day `month`/`day` that is not after `reference`."""
    year = reference.year
    while True:
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # February 29 outside a leap year
            year -= 1
            continue
        if candidate <= reference:
            return candidate
        year -= 1


_NAMED_YEAR = re.compile(r"(?<![\d,.$£€/-])(?:19|20)\d\d(?![\d,]|\.\d)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|-\d\d?[-/])")
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?((?:19|20)\d\d)"
                             r"(?:\s*[-–]\s*((?:19|20)\d\d))?", re.IGNORECASE)
#: Evidence for a year comes from the article's own text; a text that names year Y as its
#: latest year was written in Y, or at the very start of Y+1 (a look back at Y).
LOOK_BACK_DAYS = 31


def latest_not_after(month: int, day: int, bound: dt.date) -> dt.date:
    """The latest day `month`/`day` that is not after `bound`."""
    return infer_year(month, day, bound)


def year_from_evidence(month: int, day: int, *, url: str | None, text: str,
                       page_text: str, saved: dt.date) -> FoundDate | None:
    """The day `month`/`day` in the year the article itself supports, or None without
    evidence. In order of trust: a year in the page's address (".../2023/12/22/..."); the
    years `text` names (the headline and the opening paragraph: the latest of them, not after
    the day the file was saved, is the year it was written in, or the year it looks back on
    early in the next); a copyright line on the page ("© 2021": the page is not from after
    that year). `how` says which evidence was used."""
    if url and (found := _URL_YEAR.search(url)) is not None:
        year = int(found.group(1))
        try:
            return FoundDate(dt.date(year, month, day), f"year {year} from the page's address")
        except ValueError:
            pass
    years = sorted({int(y) for y in _NAMED_YEAR.findall(text) if int(y) <= saved.year})
    if years:
        latest = years[-1]
        bound = min(saved, dt.date(latest + 1, 1, 1) + dt.timedelta(days=LOOK_BACK_DAYS - 1))
        found_day = latest_not_after(month, day, bound)
        return FoundDate(found_day, f"year {found_day.year} from the years the article names "
                                    f"(latest {latest})")
    copyright_years = [int(m.group(2) or m.group(1)) for m in _COPYRIGHT_YEAR.finditer(page_text)]
    copyright_years = [year for year in copyright_years if year <= saved.year]
    if copyright_years:
        year = max(copyright_years)
        found_day = latest_not_after(month, day, min(saved, dt.date(year, 12, 31)))
        return FoundDate(found_day, f"year {found_day.year} from the page's copyright line "
                                    f"(© {year})")
    return None


def find_date(date_text: str | None, published: dt.date | None, published_how: str | None,
              reference: dt.date, relative_stamp: str | None = None) -> FoundDate:
    """The event's day from a dateline's date text, the publication stamp, or a relative
    stamp ("4 hours ago", resolved against the reference date and flagged for review).

    Raises SeedError when neither gives a day (the event is never invented with a wrong date).
    """
    if date_text:
        written = parse_written_date(date_text)
        if written is None and published is None:
            raise SeedError(f"the dateline's date {date_text!r} is not a real day (expected a "
                            "day such as 'December 17'; correct the seed's dateline)")
        if written is not None:
            year, month, day = written
            if year is not None:
                return FoundDate(dt.date(year, month, day), f"dateline {date_text!r}")
            if published is not None and (published_how or "").startswith(
                    f"dateline {date_text!r}"):
                return FoundDate(published, published_how or "")  # the reader's evidence
            if published is not None:
                inferred = infer_year(month, day, published)
                return FoundDate(inferred, f"dateline {date_text!r}, year from the "
                                           f"publication date {published.isoformat()}")
            inferred = infer_year(month, day, reference)
            return FoundDate(inferred, f"dateline {date_text!r}, year inferred as the latest "
                                       f"such day not after {reference.isoformat()}",
                             (YEAR_INFERRED,))
    if published is not None:
        return FoundDate(published, published_how or "publication date")
    if relative_stamp and (ago := resolve_relative(relative_stamp, reference)) is not None:
        return FoundDate(ago, f"relative stamp {relative_stamp!r} counted back from "
                              f"{reference.isoformat()}", (RELATIVE_DATE,))
    raise SeedError("no date found (expected a dateline such as 'CITY, December 17 --' or a "
                    "'Published ...' line; or write the seed as a .md note with a 'date:' field)")
