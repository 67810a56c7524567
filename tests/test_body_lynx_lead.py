"""A text browser's dump sets the story's paragraphs indented and its headings flush left;
the lead under the headline, set apart in the page's header, comes out flush left too and
read as no prose, so it was lost. It is kept as the standfirst when it is prose (ten words
or more, a final stop) between the headline and the story with only furniture, captions,
bylines and stamps between (issue 9). All places and people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

LEAD = ("Mit Entsetzen hat der Fischereiverband Velmora auf den Brand im Hafen von Ostrakan "
        "reagiert, wie er in einer Mitteilung vom Dienstag schreibt.")
STORY = [
    "„Unsere Gedanken sind bei den Familien der Fischer, die ihre Boote verloren haben“, "
    "sagte die Vorsitzende Dr. Ilse Varnholt. Der Verband fordert eine schnelle Aufklärung "
    "der Ursache und Hilfe des Landes für die Betriebe, die nun ohne Einkommen sind.",
    "Nach Angaben der Feuerwehr brannten in der Nacht zum Montag sieben Kutter und ein "
    "Lagerhaus am Nordkai. Verletzt wurde niemand. Die Polizei schließt Brandstiftung nicht "
    "aus und sucht Zeugen, die in der Nacht am Hafen waren.",
    "Der Verband will am Freitag mit dem Landwirtschaftsministerium über einen Hilfsfonds "
    "sprechen. Bis dahin sammeln die Fischer von Brenmark Spenden für die Betroffenen.",
]


def _dump(lead: str) -> str:
    lines = [
        "   * Startseite", "   * Nachrichten", "",
        "Brand im Hafen: Fischer fordern schnelle Aufklärung", "",
        "   14. März 2027", "", "   Facebook", "   Twitter", "",
        lead, "",
        "Der Kai am Morgen nach dem Brand. (Foto: Mara Quill)", "",
    ]
    for paragraph in STORY:
        lines += ["   " + paragraph, ""]
    lines += ["   Impressum", "   Datenschutz"]
    return "\n".join(lines)


def test_the_flush_left_lead_of_a_dump_is_the_standfirst() -> None:
    article = read_text(_dump(LEAD), "velmora.txt")
    assert article.title == "Brand im Hafen: Fischer fordern schnelle Aufklärung"
    assert article.standfirst == [LEAD]
    assert article.paragraphs == STORY


def test_a_flush_left_line_without_a_stop_is_no_lead() -> None:
    label = "Mehr zum Thema Hafen Ostrakan und Fischerei in Velmora und Brenmark"
    article = read_text(_dump(label), "velmora.txt")
    assert article.standfirst == []
    assert article.paragraphs == STORY
