"""A source line in another language ("Quelle: Landesregierung", "Fuente: EFE", "Źródło: PAP")
is the story's credit, as "Source: ..." is: kept as the credit, not as a paragraph (issue 9).
All places and people are invented."""

from __future__ import annotations

from builder.readers.text import read_text

STORY = [
    "Die Landesregierung von Velmora hat am Montag die Öffnung der Friseursalons ab dem 1. "
    "März beschlossen. Kundinnen und Kunden müssen vorher einen Termin vereinbaren und im "
    "Salon eine medizinische Maske tragen.",
    "Die Handwerkskammer Ostrakan begrüßte die Entscheidung. Viele Betriebe hätten seit "
    "Wochen keine Einnahmen gehabt, sagte ihr Präsident Dr. Ilse Varnholt am Dienstag.",
]


def test_a_german_source_line_is_the_credit() -> None:
    page = "\n".join([
        "Startseite", "Friseure in Velmora dürfen ab März öffnen", "Von Mara Quill",
        "14. Februar 2027", STORY[0], "Quelle: Landesregierung Velmora", STORY[1], "Kontakt",
        "Impressum",
    ])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == STORY
    assert article.credit == "Landesregierung Velmora"


def test_a_paragraph_that_names_its_source_stays() -> None:
    sentence = ("Quelle: Die Zahlen der Handwerkskammer Ostrakan zeigen, dass drei von vier "
                "Salons im Winter Kurzarbeit angemeldet haben.")
    page = "\n".join([
        "Startseite", "Friseure in Velmora dürfen ab März öffnen", "Von Mara Quill",
        "14. Februar 2027", *STORY, sentence, "Kontakt",
    ])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY, sentence]
