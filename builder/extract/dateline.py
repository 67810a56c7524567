"""The dateline: the place (and often the day) a story was filed from, opening its text.

Forms recognised (the separator is any run of dashes, en or em dashes):

    BERLIN, December 17 ------ The U.S. has agreed ...
    WASHINGTON (AP) — President ...
    KYIV, Ukraine (AP) — ...
    LONDON, Dec 3 (Reuters) - ...
    PARIS, March 5, 2024 /PRNewswire/ -- ...
    NAIROBI -- ...
    Paris (AFP) - ...           (mixed case only together with an agency)
    Wien, 14. Dezember 2021 – ...                (or with a full date written day first,
    Paris, le 14 décembre 2021 - ...              in a language the month tables know)
    Madrid, 14 de diciembre de 2021 (EFE).- ...
    Velmora, den 14.12.2021 – ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from builder.readers.months import MONTH_NAMES

#: Upper-case letters: ASCII, Latin-1, Greek and Cyrillic ("ÉTRANVILLE", "КИЇВ").
_UP = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁЇІЄ"
_CITY_UPPER = rf"[{_UP}][{_UP}.'’\-]*(?:\s+[{_UP}][{_UP}.'’\-]*){{0,3}}"
_CITY_TITLE = r"[A-Z][a-zA-Z.'’\-]*(?:\s+[A-Z][a-zA-Z.'’\-]*){0,3}"
_REGION = rf"[{_UP}][\w.'’\-]*(?:\s+[{_UP}][\w.'’\-]*){{0,2}}"
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_DATE = (rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
         rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?")
#: A full date written day first, in any language of the month tables ("14. Dezember 2021",
#: "14 décembre 2021", "14 de diciembre de 2021") or in numbers parted by dots, always day
#: first ("14.12.2021"), perhaps after "le", "den", "am" or "el".
_ANY_MONTH = "|".join(re.escape(name) for name in sorted(
    {name for names in MONTH_NAMES.values() for name in names}, key=len, reverse=True))
_DATE_DAY_FIRST = (rf"(?:(?:le|den|am|el)\s+)?(?:\d{{1,2}}\.?\s+(?:de\s+)?(?i:{_ANY_MONTH})"
                   rf"(?![^\W\d_])\.?,?\s+(?:de\s+|del\s+)?\d{{4}}"
                   rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})")
#: A city in mixed case, in any alphabet the upper-case one knows ("Wien", "Zürich", "São
#: Paulo").
_CITY_MIXED = rf"[{_UP}][\w.'’\-]*(?:\s+[{_UP}][\w.'’\-]*){{0,3}}"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z&.\- ]{0,30})\)|/(?P<wire>[A-Za-z][A-Za-z\- ]{1,30})/"
_SEPARATOR = r"\s*(?:-{1,}|–|—|―)+\s*"

_DATELINE = re.compile(
    rf"^(?P<city>{_CITY_UPPER})"
    rf"(?:,\s*(?P<region>{_REGION}?))??"
    rf"(?:,\s*(?P<date>{_DATE_DAY_FIRST}|{_DATE}))?"
    rf"\s*(?:{_AGENCY})?\.?"
    rf"{_SEPARATOR}(?=\S)"
)
#: A city in mixed case with a full date written day first, the way European agencies and
#: press offices open a story ("Wien, 14. Dezember 2021 –", "Madrid, 14 de diciembre de 2021
#: (EFE).-"): the full date makes it a dateline without an agency.
_DATELINE_DATED = re.compile(
    rf"^(?P<city>{_CITY_MIXED})"
    rf"(?:,\s*(?P<region>{_REGION}))??"
    rf",\s*(?P<date>{_DATE_DAY_FIRST})"
    rf"\s*(?:{_AGENCY})?\.?"
    rf"{_SEPARATOR}(?=\S)"
)
#: Days of the week, which open a dated line as a city would ("Montag, 14. Dezember 2021 -").
_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday montag
dienstag mittwoch donnerstag freitag samstag sonnabend sonntag lundi mardi mercredi jeudi
vendredi samedi dimanche lunes martes miércoles miercoles jueves viernes sábado sabado domingo
lunedì martedì mercoledì giovedì venerdì sabato domenica segunda terça quarta quinta sexta
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag heute today""".split())
_DATELINE_AGENCY = re.compile(
    rf"^(?P<city>{_CITY_TITLE})"
    rf"(?:,\s*(?P<region>{_REGION}))?"
    rf"(?:,\s*(?P<date>{_DATE}))?"
    rf"\s*(?:{_AGENCY})"
    rf"(?:{_SEPARATOR}|\s*)(?=\S)"  # "London (CNN)It was ...": no dash after the agency
)
#: News agencies that may close a dateline without a dash ("London (CNN)It was ...").
AGENCIES = frozenset({"AP", "AFP", "CNN", "Reuters", "BBC", "UPI", "dpa", "DPA", "ANI", "PTI",
                      "Xinhua", "Bloomberg", "IANS", "EFE", "ANSA", "Kyodo", "Yonhap", "TASS"})
#: Upper-case openers that are not places ("UPDATE --", "BREAKING:").
NOT_PLACES = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION",
                        "EDITOR'S NOTE", "CORRECTION", "WATCH", "LIVE", "PHOTOS", "VIDEO"})


#: The U.S. states' short forms that datelines use after the city: AP style ("HAYWARD,
#: Calif.") and the postal codes ("AUSTIN, TX"), with each state's name.
_STATES = {
    "Alabama": "Ala. AL", "Alaska": "AK", "Arizona": "Ariz. AZ", "Arkansas": "Ark. AR",
    "California": "Calif. Cal. CA", "Colorado": "Colo. CO", "Connecticut": "Conn. CT",
    "Delaware": "Del. DE", "Florida": "Fla. FL", "Georgia": "Ga. GA", "Hawaii": "HI",
    "Idaho": "ID", "Illinois": "Ill. IL", "Indiana": "Ind. IN", "Iowa": "IA",
    "Kansas": "Kan. Kans. KS", "Kentucky": "Ky. KY", "Louisiana": "La. LA", "Maine": "ME",
    "Maryland": "Md. MD", "Massachusetts": "Mass. MA", "Michigan": "Mich. MI",
    "Minnesota": "Minn. MN", "Mississippi": "Miss. MS", "Missouri": "Mo. MO",
    "Montana": "Mont. MT", "Nebraska": "Neb. Nebr. NE", "Nevada": "Nev. NV",
    "New Hampshire": "N.H. NH", "New Jersey": "N.J. NJ", "New Mexico": "N.M. NM",
    "New York": "N.Y. NY", "North Carolina": "N.C. NC", "North Dakota": "N.D. ND",
    "Ohio": "OH", "Oklahoma": "Okla. OK", "Oregon": "Ore. Oreg. OR",
    "Pennsylvania": "Pa. Penn. PA", "Rhode Island": "R.I. RI", "South Carolina": "S.C. SC",
    "South Dakota": "S.D. SD", "Tennessee": "Tenn. TN", "Texas": "Tex. TX", "Utah": "UT",
    "Vermont": "Vt. VT", "Virginia": "Va. VA", "Washington": "Wash. WA",
    "West Virginia": "W.Va. W.Va WV", "Wisconsin": "Wis. Wisc. WI", "Wyoming": "Wyo. WY",
}
STATE_SHORT_FORMS = {short: state for state, forms in _STATES.items() for short in forms.split()}


def region_name(region: str) -> str:
    """A dateline's region by its full name when it is a U.S. state's short form ("Calif."
    -> "California", "TX" -> "Texas"), so that the event lists the state once, by the name
    its text uses; any other region as written ("Iowa", "Ukraine", "D.C.")."""
    return STATE_SHORT_FORMS.get(region, region)


@dataclass(frozen=True)
class Dateline:
    """What a dateline says."""

    city: str
    region: str | None
    date_text: str | None
    agency: str | None
    #: Where the story's own text starts after the dateline.
    end: int


def extract_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, or None."""
    match = (_DATELINE.match(paragraph) or _DATELINE_AGENCY.match(paragraph)
             or _DATELINE_DATED.match(paragraph))
    if match is None:
        return None
    city = match.group("city").strip()
    if city.upper() in NOT_PLACES or len(city) < 2 or city.lower() in _WEEKDAYS:
        return None
    # An upper-case city must really be upper case ("BERLIN"), not a sentence's first word.
    if match.re is _DATELINE and not any(ch.isupper() for ch in city[1:]) and len(city) > 1:
        return None
    region = match.group("region")
    agency = match.group("agency") or match.group("wire")
    if match.re is _DATELINE_AGENCY and not any(
            dash in paragraph[match.start("agency") if match.group("agency") else 0:match.end()]
            for dash in "-–—―") and (agency or "").strip() not in AGENCIES:
        return None  # "Apple (AAPL)rose": only a known agency may stand without a dash
    return Dateline(
        city=place_name(city),
        region=region.strip() if region else None,
        date_text=_date_text(match.group("date")),
        agency=agency.strip() if agency else None,
        end=match.end(),
    )


def _date_text(date: str | None) -> str | None:
    """The dateline's date without the word before it ("le 14 décembre 2021" -> "14 décembre
    2021")."""
    return re.sub(r"^(?:le|den|am|el)\s+", "", date) if date else None


def place_name(text: str) -> str:
    """'NEW YORK' -> 'New York', 'ST. LOUIS' -> 'St. Louis'; mixed case is kept."""
    if text != text.upper():
        return text
    words = []
    for word in text.split():
        parts = re.split(r"([\-'’])", word.lower())
        words.append("".join(part.capitalize() if part.isalpha() else part for part in parts))
    return " ".join(words)
