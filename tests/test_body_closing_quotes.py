"""A paragraph that ends in a German or French closing quote ("... an.“", "... sauber!«",
"... fin.»") is prose, as one that ends in an English quote is: a closing quotation at the
end of a story was dropped as a non-sentence (issue 9). All places and people are invented."""

from __future__ import annotations

from builder.readers.text import _Block, _classify, read_text

STORY = [
    "Die Gemeinde Velmora hat am Dienstag beschlossen, den alten Hafen am Ostrakan-See bis "
    "zum Sommer 2028 zu sanieren. Die Arbeiten sollen rund vier Millionen Kronen kosten und "
    "werden zur Hälfte vom Land getragen.",
    "Bürgermeisterin Dr. Ilse Varnholt sprach von einem wichtigen Tag für die Stadt. Der "
    "Hafen war seit dem Sturm im vergangenen Winter für größere Boote gesperrt, und die "
    "Fischer mussten ihre Fänge im Nachbarort Brenmark anlanden.",
    "Der Gemeinderat stimmte mit großer Mehrheit für den Plan. Nur die Fraktion der Freien "
    "Wähler wollte die Sanierung auf zwei Jahre strecken, um die Kosten zu senken.",
]
CLOSING = ("„Wir wollen, dass die Fischer im nächsten Frühjahr wieder in Velmora anlegen "
           "können, und dafür setzen wir uns mit aller Kraft ein.“")


def test_a_paragraph_closing_with_a_german_quote_is_prose() -> None:
    block = _Block(CLOSING, 0, 0)
    _classify(block)
    assert block.prose
    french = _Block("Le maire de Velmora a promis que le port rouvrira avant la fin de "
                    "l'été prochain, « et cette fois pour de bon. »", 0, 0)
    _classify(french)
    assert french.prose


def test_the_closing_quotation_stays_in_the_body() -> None:
    page = "\n".join([
        "Startseite", "Lokales", "Velmora saniert den alten Hafen", "Von Mara Quill",
        "14. März 2027", *STORY, CLOSING, "Kontakt", "Impressum", "Datenschutz",
    ])
    article = read_text(page, "velmora.txt")
    assert article.paragraphs == [*STORY, CLOSING]
