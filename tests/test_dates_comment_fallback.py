"""With no stamp of its own, a page is dated by its readers' comments (issue 9: a page that
shows a date is not refused): the earliest day of the thread, flagged for review; a
sidebar's dated list of posts below the thread is no comment. Read from real files with
`read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import BODY, TITLE, read

from builder.extract.dates import COMMENT_DATE, PAGE_DATE

MENU = "".join(f"{word}\n" for word in (
    "Startseite", "Nachrichten", "Velmora", "Ostrakan", "Sport", "Kultur", "Wetter",
    "Abonnieren", "Anmelden", "Suche"))


#: A story long enough that a thread under it is not read as its header.
LONG_BODY = BODY + (
    "\nDer Kreis Ostrakan zahlt zwei Drittel der Kosten, die Stadt den Rest; der Bund gibt "
    "nichts dazu, weil die Brücke keine Landstraße trägt.\n\n"
    "Während der Arbeiten fährt eine Fähre zwischen dem Markt und dem Brückenviertel, jeden "
    "Tag von sechs Uhr morgens bis zehn Uhr abends.\n\n"
    "Die Händler des Marktes fürchten, dass weniger Kunden kommen, solange die Brücke "
    "gesperrt ist, und verlangen einen Nachlass auf die Standgebühren.\n\n"
    "Die Stadt will darüber im Januar beraten, sagte Varnholt, und bis dahin die Gebühren "
    "nicht erhöhen.\n")
COMMENTS = ("\n2 Comments\n\n"
            "Ilse Varnholt sagt:\n21. November 2025 um 10:36 Uhr\n\n"
            "Endlich! Die Brücke war seit Jahren eine Gefahr für alle, die zum Markt gehen.\n\n"
            "Jonas Quell sagt:\n20. November 2025 um 21:44 Uhr\n\n"
            "Wer bezahlt das eigentlich? Der Kreis hat doch kein Geld für solche Bauten.\n\n"
            "Schreibe einen Kommentar\n\n")
SIDEBAR = ("Aktuelle Beiträge\n"
           "Der Markt von Ostrakan 3 April, 2024\n"
           "Ein Fest in Velmora 1 April, 2024\n")


def test_with_no_stamp_the_first_comment_dates_the_story(tmp_path: Path) -> None:
    article = read(tmp_path, MENU + "\n" + TITLE + LONG_BODY + COMMENTS + SIDEBAR)
    assert article.published == dt.date(2025, 11, 20)
    assert COMMENT_DATE in article.review


def test_a_thread_headed_by_its_count_of_answers_is_read(tmp_path: Path) -> None:
    comments = COMMENTS.replace(
        "2 Comments", "2 Antworten zu “Velmora baut die alte Steinbrücke über die Ostra neu”")
    assert read(tmp_path, MENU + "\n" + TITLE + LONG_BODY + comments + SIDEBAR).published == (
        dt.date(2025, 11, 20))


def test_a_page_with_no_date_but_a_sidebar_is_flagged_not_refused(tmp_path: Path) -> None:
    # No stamp and no dated comment: the sidebar's date is the page's only date, a weak one
    # flagged for review (issue 9: refuse only a page that shows no date at all).
    comments = COMMENTS.replace("21. November 2025 um ", "").replace(
        "20. November 2025 um ", "")
    article = read(tmp_path, MENU + "\n" + TITLE + LONG_BODY + comments + SIDEBAR)
    assert COMMENT_DATE not in article.review
    assert PAGE_DATE in article.review


def test_a_stamp_of_the_page_is_taken_before_the_comments(tmp_path: Path) -> None:
    page = MENU + "\n" + TITLE + "18.11.2025\n\n" + LONG_BODY + COMMENTS + SIDEBAR
    article = read(tmp_path, page)
    assert article.published == dt.date(2025, 11, 18)
    assert COMMENT_DATE not in article.review
