"""The body of pasted pages (issue 9): a code listing between two paragraphs is part of the
story; labels that close an article in other languages than English ("Über den Autor",
"Mehr zum Thema", "También te puede interesar") close it as their English ones do. Read from
real files with `read_seed`; every place, person and program here is invented."""

from __future__ import annotations

from pathlib import Path

from builder.model import Article
from builder.readers import read_seed


def read(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "seed.txt"
    path.write_text(text, encoding="utf-8")
    return read_seed(path, 5_000_000)


FIRST = ("A short example shows how the Ostrakan parser shares its small tokens between calls, "
         "and how to reach the shared table from the outside with a pointer of your own.")
LAST = ("Note that depending on the version of the parser the shared value may stand at either "
        "offset [4] or [6] of the table.")
CODE_PAGE = f"""Velmora Notes
Posts
About

How the Ostrakan parser keeps small tokens
Posted by Ilse Varnholt 21.10.2019

{FIRST}

import ostrakan
def peek(addr, kind):
    return ostrakan.cast(addr, ostrakan.POINTER(kind))
peek(id(29), ostrakan.c_int)[4] = 100
> 29
100
> 29*100
10000
> 25+4
100

{LAST}

Posted by Ilse Varnholt @ 12:00 am
Tags: Parsers, Fun
No Comments
Leave a comment
"""


def test_a_code_listing_between_paragraphs_is_body(tmp_path: Path) -> None:
    """The listing neither splits the body (the paragraph under it is kept) nor is dropped."""
    article = read(tmp_path, CODE_PAGE)
    text = "\n".join(article.paragraphs)
    assert "Note that depending on the version of the parser" in text
    assert "return ostrakan.cast(addr, ostrakan.POINTER(kind))" in text
    assert article.paragraphs[0].startswith("A short example shows")


STORY_DE = (
    "Der Gemeinderat von Velmora hat am Dienstag beschlossen, die alte Hafenmauer am Ostkai "
    "neu zu bauen, nachdem der Streit zwischen den Anwohnern und der Baufirma mehr als drei "
    "Jahre gedauert hatte.\n\n"
    "Hafenmeisterin Ilse Varnholt sagte, die Arbeiten würden im Frühjahr beginnen und etwa "
    "zwei Jahre dauern; die Fähren sollen in dieser Zeit an der Nordmole anlegen.\n\n"
    "Die Anwohner des Kais hatten die Reparatur seit den Stürmen des letzten Winters "
    "gefordert, als ein Teil der Brüstung ins Hafenbecken fiel und die Straße wochenlang "
    "gesperrt war.\n")

AUTHOR_BOX = (
    "Über den Autor\n\n"
    "Ossian Pell schreibt seit zwanzig Jahren über die Häfen der Küste und hat drei Bücher "
    "über die Fischerei von Velmora und Ostrakan veröffentlicht, zuletzt über die Werften.\n\n"
    "Mehr zum Thema\n"
    "Velmora baut eine neue Fähre\n"
    "Ostrakan schließt den alten Kai\n")


def test_labels_that_close_an_article_in_german(tmp_path: Path) -> None:
    """"Über den Autor" closes the story: the author's box under it is not the body."""
    article = read(tmp_path, "Startseite\nPolitik\nWirtschaft\n\n"
                             "Velmora baut die Hafenmauer neu\n\n"
                             f"{STORY_DE}\n{AUTHOR_BOX}")
    text = "\n".join(article.paragraphs)
    assert "Die Anwohner des Kais" in text
    assert "Ossian Pell schreibt" not in text
    assert "Velmora baut eine neue Fähre" not in text


def test_share_buttons_in_german_are_furniture(tmp_path: Path) -> None:
    """"Teilen", "Drucken", "Kommentieren" between the paragraphs are buttons, not text."""
    first, rest = STORY_DE.split("\n\n", 1)
    article = read(tmp_path, "Startseite\nPolitik\n\nVelmora baut die Hafenmauer neu\n\n"
                             f"{first}\n\nTeilen\nDrucken\nKommentieren\n\n{rest}")
    assert not {"Teilen", "Drucken", "Kommentieren"} & set(article.paragraphs)
    assert any(p.startswith("Die Anwohner des Kais") for p in article.paragraphs)


def test_cookie_and_spam_notices_in_german_are_furniture(tmp_path: Path) -> None:
    """A German cookie banner and WordPress's spam notice under the story are not its text."""
    notices = ("Wir verwenden Cookies, um Ihnen ein optimales Erlebnis auf unserer Seite zu "
               "bieten.\n\nDiese Website verwendet Akismet, um Spam zu reduzieren. Erfahre "
               "mehr darüber, wie deine Kommentardaten verarbeitet werden.\n")
    article = read(tmp_path, "Startseite\nPolitik\n\nVelmora baut die Hafenmauer neu\n\n"
                             f"{STORY_DE}\n{notices}")
    text = "\n".join(article.paragraphs)
    assert "Die Anwohner des Kais" in text
    assert "Cookies" not in text and "Akismet" not in text
