"""A one-line summary: the article's first real sentence, bounded in length.

"Real" means a sentence of the story, not the page furniture that pasted text and saved
pages put above it: an editor's note ("This post originally appeared on Grist."), a
photo caption or credit, an affiliate notice, "Listen to this story", a call to subscribe or
donate, a cookie or JavaScript notice, an author's bio. Such a paragraph is passed over and
the next one is tried; when every candidate is furniture the lede's first sentence is kept
(the summary is never empty while the article has text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from builder.extract.dateline import extract_dateline

__all__ = ["extract_summary", "is_furniture", "summarize"]

#: Longest summary, in characters; a longer first sentence is cut at a word and marked "…".
SUMMARY_MAX_CHARS = 300
#: How many paragraphs from the top are tried for the first real sentence.
SUMMARY_PARAGRAPHS = 5
#: When those are all furniture (a slideshow's captions, "Image 1 of 5", "Caption" above the
#: story), the first real sentence is looked for this far down before the lede is taken.
SUMMARY_PARAGRAPHS_PAST_FURNITURE = 15
#: A sentence has at least this many words ("Wurmkiste bauen" is a label, not a sentence).
SUMMARY_MIN_WORDS = 4
#: How many sentences of a paragraph are tried (a caption or note glued to the story's first
#: sentence is passed over).
SENTENCES_TRIED = 3
#: Notes, captions and notices are short: a longer paragraph is the story.
FURNITURE_MAX_WORDS = 70

#: Words that end with a full stop without ending a sentence: titles before names ("Gov.",
#: "Sen."), "v." in case names ("Dobbs v. Jackson"), company suffixes, months and the US
#: states' short forms used in datelines and addresses; German, Spanish short forms ("bzw.",
#: "Mio.", "Nr.", "Sra.", "pág."). Single letters (initials, "U.S.") never end a sentence
#: either.
ABBREVIATIONS = frozenset("""
mr mrs ms mx dr prof rev hon fr sr jr st gov sen rep reps sens lt col gen maj capt cmdr adm
sgt cpl pvt brig supt insp det atty pres vice amb mt ft no nos vs v inc corp co ltd llc bros
dept univ assn ave blvd rd hwy approx est vol pp fig jan feb mar apr jun jul aug sep sept oct
nov dec mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill
ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa penn tenn tex vt va wash
wis wyo al cf e.g i.e etc gens govs sgts msgr ret excl incl dist cpt rt
bzw vgl ggf evtl ca mio mrd tsd nr jh jhd bspw sog lt hrsg bd aufl dipl ing gebr
sra srta dra núm pág aprox
""".split())
#: ... nor does the stop after a number that an article or a contraction stands before: a
#: German ordinal ("des 19. Jahrhunderts", "zum 6. Mal", "der 27. Weltklimakonferenz").
_ORDINAL_BEFORE = re.compile(r"\b(?:des|der|dem|den|die|das|zum|zur|am|im|vom|beim|ins|"
                             r"dieses|diesem|ihrem|ihres|seinem|seines)\s+$")

#: Month names (English, German, French, Spanish, Italian, Dutch, Portuguese): "19. Januar"
#: is a date, and its full stop ends no sentence.
_MONTH_WORD = re.compile(
    r"(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|avr|juil|"
    r"août|déc|ene|abr|ago|dic|gen|giu|lug|ott|set|mei|maa|out|fev)", re.IGNORECASE)

#: (A quote closes as English, German or French does it: ” ’, “ ‘, » › (in French after a
#: space); the next sentence may open with any of their opening quotes: “ ‘, „ ‚, « ‹, » ›.)
_CANDIDATE_END = re.compile(r"[.!?](?:[\"”’“‘»›)]|[ \u00a0\u202f][»›])*\s+"
                            r"(?=[A-Z\"“‘„‚«‹»›(\u00C0-\u024F])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")

#: Wire agencies and picture desks whose name alone, after a caption's one sentence, closes
#: it as its credit ("... on the quay at dawn. EFE"). The text reader's caption test uses
#: the same list.
CAPTION_AGENCIES = ("AP", "AFP", "EFE", "dpa", "Reuters", "EPA", "ANSA", "Xinhua", "Keystone",
                    "Imago", "Getty Images", "Europa Press", "picture alliance", "Shutterstock",
                    "iStock", "Unsplash")
#: A photo caption or credit: "(AP Photo/Jane Roe)", "Photo: ...", "Getty Images", "Media
#: caption", "1of4", a person placed in the picture ("..., left, ..."), the weekday and full
#: date that agency captions carry ("..., Sunday, Nov. 17, 2019, in ...").
_CAPTION = re.compile(
    r"\((?:AP|AFP|Reuters|Getty|EPA|Bloomberg|dpa|Xinhua|Photos?|Fotos?|Bild|Image|File|"
    r"Credit|Courtesy)\b[^()]{0,80}\)\s*\.?$"
    r"|\([A-Z][^()/]{1,50}/[^()]{1,60}(?:\)\s*\.?)?$"
    r"|\b(?:AP|AFP|EPA|Getty|Reuters)(?:\s+(?:Images|Photo))?\s*/\s*\w"
    r"|\b(?:photo(?:graph)?|image|picture|illustration|foto|bild)s?\s*(?:credit|courtesy)?\s*:"
    r"|\b(?:photo(?:graph)?|image|picture)s?\s+(?:by|courtesy of|credit)\b"
    r"|^(?:media|image|video|photo)\s*caption|\bGetty Images\b|\bShutterstock\b|\biStock\b"
    r"|^\d{1,3}\s*of\s*\d{1,3}(?=\S)|^(?:image|photo|picture|slide)\s+\d{1,3}\s+of\b"
    r"|,\s+(?:left|right|centre|center|second from (?:left|right)|far (?:left|right)|"
    r"from (?:left|right)|top|bottom|above|below|foreground|background)\s*[,.;)]"
    r"|\((?:l|r|m|left|right|center|centre|top|bottom|from left|from right|v\.\s*l\.|"
    r"background|foreground|front|rear|above|below)\.?\)"
    r"|\b(?:pictured|poses? for a (?:photo|picture|portrait))\b"
    # A caption's opener placing the people in the picture, in several languages: "Von
    # links nach rechts: ...", "From left: ...", "De gauche à droite, ...", "v.l.n.r.".
    r"|^(?:von links(?: nach rechts)?|from left(?: to right)?|left to right|de gauche (?:à|a) "
    r"droite|de izquierda a derecha|da sinistra(?: a destra)?|van links naar rechts|"
    r"od lewej|da esquerda para a direita)\s*[:,]|\bv\.\s*l\.\s*n\.\s*r\.\s*[:,]?"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+(?:jan|feb|march|april|may|june|july|aug|"
    r"sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
    # A caption's credit closing it: "... (c) Ann Roe", "... © Foto: Ann Roe", or an agency's
    # or picture desk's name alone after the caption's one sentence ("... im Hafen. dpa").
    r"|(?:©|\(c\)|\bcopyright\b)\s*[^.!?©]{0,60}$"
    r"|^[^.!?]+[.!?]\s+(?:" + "|".join(map(re.escape, CAPTION_AGENCIES)) + r")\s*$",
    re.IGNORECASE)

#: An editor's note, a notice or a call to act on the site rather than a sentence of the
#: story.
_NOTE = re.compile(
    r"^(?:editor'?s'?\s+note|note|update[ds]?|correction|clarification|disclosure|disclaimer|"
    r"programming note|caption|advertisement|sponsored(?: content)?|watch|listen|video|audio|"
    r"related|read more|see also|more)\s*[:\-–—]"
    r"|^(?:listen to|hear) (?:this|the) (?:story|article|episode|podcast|interview)"
    r"|\b(?:originally|first) (?:appeared|published|ran|posted)\b"
    r"|^(?:this|the|a version of this) (?:post|story|article|piece|essay|report|interview|"
    r"column|review|content)\b[^.]{0,60}?\b(?:appeared|was (?:originally |first )?(?:published|"
    r"produced|written|updated|reported|adapted|made possible|supported)|is (?:part of|"
    r"published|produced|adapted|sponsored)|has been (?:updated|corrected)|contains? "
    r"affiliate)"
    r"|\bindependently selected\b|\bwe may (?:earn|receive|get)\b|\baffiliate (?:links?|"
    r"commissions?|partnerships?)\b|\bcommission (?:from|on) (?:purchases|sales)\b"
    r"|\b(?:(?:sign up|subscribe|donate)(?: now| today| here|$| for (?:our|the|free)| to "
    r"(?:our|the))|please (?:donate|subscribe)|make your contribution|become a (?:member|"
    r"subscriber)|support (?:our|independent|local) journalism)\b"
    r"|\b(?:uses?|use of|accept(?:ing)?|allow)\s+cookies\b"
    r"|\bcookies?\b.{0,80}\b(?:accept|consent|polic(?:y|ies)|settings?|browsing)\b"
    r"|\bjavascript\b.{0,80}\b(?:enable|disabled?|turn(?:ed)? (?:on|off)|aktiv|deaktiv|"
    r"einschalten|ein\b)"
    r"|\b(?:enable|aktivieren|schalten)\b.{0,40}\bjavascript\b"
    r"|^(?:read|lire|leer|lesen|leggi)\b[^.]{0,40}\b(?:in|en|auf)\s+(?:english|spanish|french|"
    r"german|español|français|deutsch|turkish|arabic|chinese)\b"
    # A notice about the reader's browser, a translation, a licence or a like button, in
    # English or German.
    r"|\bbrowser\b[^.]{0,80}\b(?:not supported|no longer supported|unterstützt|update|"
    r"upgrade|aktualisier|verwende|use (?:a|one))|\b(?:inline ?frames|iframes)\b"
    r"|\b(?:verwende|verwenden sie|nutze|nutzen sie|use|utilisez|aktualisiere|aktualisieren "
    r"sie|update)\b[^.]{0,40}\b(?:browsers?|navigateurs?)\b"
    r"|^read (?:the|this) (?:english|spanish|french|german|portuguese|italian|chinese|arabic|"
    r"turkish) (?:version|translation)\b"
    r"|\b(?:translated automatically|automatically translated|machine[- ]translated|"
    r"automatisch übersetzt)\b|\bcreative commons\b[^.]{0,40}\b(?:licen[cs]|lizen)"
    r"|^%d\b|\bgefällt das\b|\bbloggers like this\b"
    r"|\b(?:verwendet|verwenden|nutzt|nutzen|utilise|utilisons|utiliza|usamos)\s+cookies\b",
    re.IGNORECASE)

#: An author's bio: "Mr. Roe is the deputy Opinion editor.", "Ann Roe is a senior writer at
#: ...", "I am a writer and journalist ...".
_BIO = re.compile(
    r"^(?:(?:mr|mrs|ms|dr|prof)\.?\s+)?(?:[A-Z][\w.'’\-]*\s+){0,3}[A-Z][\w.'’\-]+,?\s+"
    r"(?:is|was|has been)\s+(?:a|an|the)\b[^.]{0,120}?\b(?:editor|writer|reporter|"
    r"columnist|correspondent|contributor|author|journalist|professor|fellow|producer|critic|"
    r"analyst|blogger|expert|specialist|engineer|agent|consultant|adviser|advisor|planner|"
    r"researcher)s?\b"
    r"|^I(?:'m|’m| am)\s+(?:a|an)\s+[^.]{0,80}?\b(?:writer|journalist|editor|reporter|author|"
    r"blogger)s?\b")

#: A line of fields parted by bars ("Rentenpolitik | Blog | Mailaktion Bundestag | Alles
#: klar?"): a breadcrumb, a menu or a meta line, not a sentence.
_FIELDS = re.compile(r"(?:\s\|\s.*){2}")


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
    if last.isdigit() and len(last) <= 2 and _MONTH_WORD.match(text, end.end()):
        return False  # a day written "19. Januar"
    if last.isdigit() and len(last) <= 3 and _ORDINAL_BEFORE.search(
            text, max(0, found.start() - 12), found.start()):
        return False  # an ordinal: "des 19. Jahrhunderts"
    return last.casefold() not in ABBREVIATIONS


def first_sentence(text: str) -> str:
    """The first sentence of `text`, with white space folded (not cut at "Gov.", "U.S.",
    "Dobbs v." or an initial)."""
    text = " ".join(text.split())
    for end in _CANDIDATE_END.finditer(text):
        if _ends_sentence(text, end):
            return text[:end.end()].strip()
    return text


def _bounded(sentence: str) -> str:
    if len(sentence) <= SUMMARY_MAX_CHARS:
        return sentence
    cut = sentence[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _unescaped(text: str) -> str:
    """Entities a page escaped twice ("&quot;" left in the text) as the characters they
    stand for: the site escapes the summary once, when it shows it."""
    return html.unescape(text) if _ENTITY.search(text) else text


def is_furniture(paragraph: str) -> bool:
    """Whether a paragraph at the top of an article is page furniture rather than the story:
    a note, caption, credit, notice or author's bio (see the module docstring)."""
    text = " ".join(paragraph.split())
    if len(_WORD.findall(text)) > FURNITURE_MAX_WORDS:
        return False
    return _is_furniture_sentence(first_sentence(text)) or bool(_CAPTION.search(text))


def extract_summary(lede: str) -> str:
    """The first sentence of `lede` (the article text after its dateline), bounded."""
    return _bounded(first_sentence(_unescaped(lede)))


#: A teaser cut short by its page ("... diagnosed with the plague,...", "... in Last Man,
#: […]"): a link to the story, not its sentence.
_CUT_SHORT = re.compile(r"(?:,|\w)\s*(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")
#: A full date written with numbers: with a name and little else, a byline's stamp ("Ann Roe
#: 27/09/2018 Comment!").
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b")
#: ... at most this many words.
STAMP_MAX_WORDS = 7


def _is_furniture_sentence(sentence: str) -> bool:
    return bool(_NOTE.search(sentence) or _CAPTION.search(sentence) or _BIO.match(sentence)
                or _CUT_SHORT.search(sentence) or _FIELDS.search(sentence)
                or (_NUMERIC_DATE.search(sentence)
                    and len(_WORD.findall(sentence)) <= STAMP_MAX_WORDS))


def summarize(paragraphs: Sequence[str]) -> str:
    """The article's first real sentence: the first sentence with a sentence's length that
    is not furniture, in the first of the article's top paragraphs (`paragraphs[0]` is the
    lede after its dateline) that is not furniture as a whole. A caption glued to the story
    ("1of4Grass Valley's Ann Roe looks at ... Gas ran out ...") is passed over within its
    paragraph. The lede's first sentence when there is none.

    A paragraph near the top that opens with a dateline ("OSTRAKAN, Velmora — ...") is where
    the story begins: the short paragraphs above it are its header (a box of key points, a
    standfirst, a photo's caption and credit), and the summary is read from the dateline
    on."""
    paragraphs = _from_dateline(paragraphs)
    found = _first_real_sentence(paragraphs[:SUMMARY_PARAGRAPHS])
    if found is None:
        found = _first_real_sentence(paragraphs[SUMMARY_PARAGRAPHS:
                                                SUMMARY_PARAGRAPHS_PAST_FURNITURE],
                                     strict=True)
    if found is not None:
        return found
    return extract_summary(paragraphs[0]) if paragraphs else ""


#: The paragraphs above a dateline that opens the story are its header when each has at
#: most this many words (key points, a standfirst, a caption); a longer one is the story.
HEADER_PARAGRAPH_WORDS = 70


def _from_dateline(paragraphs: Sequence[str]) -> Sequence[str]:
    """`paragraphs` from the first of the top ones (not the lede) that opens with a
    dateline, the dateline taken off, when every paragraph above it is short; else as
    given (see `summarize`)."""
    for index in range(1, min(len(paragraphs), SUMMARY_PARAGRAPHS)):
        if len(_WORD.findall(paragraphs[index - 1])) > HEADER_PARAGRAPH_WORDS:
            break
        dateline = extract_dateline(paragraphs[index])
        if dateline is not None:
            return [paragraphs[index][dateline.end:], *paragraphs[index + 1:]]
    return paragraphs


#: A sentence ends with a stop (a quote or a bracket may close it); ...
_FINISHED = re.compile(r"[.!?…][\"'”’“‘»›)\]]*$")
#: ... a line of at most this many words without one is a heading or a label, passed over
#: for a sentence in the next paragraphs.
HEADING_MAX_WORDS = 20

#: A sentence past the top paragraphs is taken only when it is a sentence of the story's
#: kind: this many words at least.
STRICT_MIN_WORDS = 8


def _first_real_sentence(paragraphs: Sequence[str], strict: bool = False) -> str | None:
    """The first sentence with a sentence's length that is not furniture in `paragraphs`
    (see `summarize`); None when there is none. `strict`: a longer sentence that ends as a
    sentence does, for paragraphs further down where teasers and labels stand."""
    unfinished: str | None = None
    for paragraph in paragraphs:
        text = " ".join(_unescaped(paragraph).split())
        if (len(_WORD.findall(text)) <= FURNITURE_MAX_WORDS and _CAPTION.search(text)
                and not _is_furniture_sentence(first_sentence(text))):
            continue  # a caption with its credit at the end
        notice = len(_WORD.findall(text)) <= FURNITURE_MAX_WORDS
        for _ in range(SENTENCES_TRIED):
            sentence = first_sentence(text)
            if notice and (_NOTE.search(sentence) or _BIO.match(sentence)):
                # A notice or an author's note goes on to its paragraph's end ("This article
                # has been translated automatically. It might contain mistakes ..."); a
                # caption glued to the story's first sentence does not.
                break
            if not _is_furniture_sentence(sentence):
                words = len(_WORD.findall(sentence))
                if words >= (STRICT_MIN_WORDS if strict else SUMMARY_MIN_WORDS) and (
                        not strict or re.search(r"[.!?][\"”’“‘»›)]*$", sentence)):
                    if strict or _FINISHED.search(sentence) or words > HEADING_MAX_WORDS:
                        return _bounded(sentence)
                    # A line with no final stop (another story's headline, a video's
                    # label, a list of tags) is taken only when no sentence follows.
                    unfinished = unfinished or _bounded(sentence)
                break
            text = text[len(sentence):].strip()
            if not text:
                break
    return unfinished
