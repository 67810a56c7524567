"""A German blog's thread of comments ("Ann sagt:", "Ben schreibt:" over a stamp to the minute)
under its comments label is furniture, and a byline with its time ("29. Juni 2027, 23:39 ·
von Tobi") under a "2 Kommentare" link at the top is no comment: the story under it stays
(issue 9). All places and people are invented."""

from __future__ import annotations

from builder.readers.text import _parse, read_text

TITLE = "Velmora: Der Leuchtturm bekommt eine neue Lampe"
STORY = [
    f"Die Gemeinde Velmora hat am Montag beschlossen, die alte Lampe des Leuchtturms am "
    f"Hafen durch eine neue zu ersetzen, die weniger Strom braucht und weiter leuchtet. "
    f"Die Arbeiten beginnen im {month} und sollen nach Angaben der Hafenmeisterin Dr. Ilse "
    f"Varnholt drei Wochen dauern, in denen ein Schiff der Ostrakaner Reederei den Hafen "
    f"nachts mit seinen Scheinwerfern sichert, damit kein Fischer im Dunkeln einlaufen muss. "
    f"Die Kosten von rund vierzigtausend Euro trägt zur Hälfte das Land, den Rest zahlt die "
    f"Gemeinde aus ihrer Rücklage für den Hafen, die dafür schon seit Jahren angespart wird."
    for month in ("März", "April", "Mai", "Juni", "Juli", "August")
]
COMMENTS = [
    ("Anna Roe sagt:", "29. März 2028 um 16:45 Uhr",
     "Endlich! Die alte Lampe hat man bei Nebel kaum gesehen, und mein Vater ist deswegen "
     "einmal auf die Mole gelaufen."),
    ("Ben Quill schreibt:", "29. März 2028 um 22:02 Uhr",
     "Hoffentlich bleibt der alte Turm so, wie er ist. Die Lampe ist mir gleich, aber der "
     "Anstrich gehört zu Velmora."),
    ("Mara Holm sagt:", "30. März 2028 um 08:15 Uhr",
     "Wer bezahlt eigentlich den Strom für das Schiff in diesen drei Wochen? Davon steht im "
     "Beschluss kein Wort."),
]
PAGE = "\n".join([
    "Startseite", TITLE, "2 Kommentare", "29. Juni 2027, 23:39 · von Tobi", *STORY,
    "3 Antworten", *(line for comment in COMMENTS for line in comment), "Antworten",
    "Schreibe einen Kommentar",
])


def test_the_thread_is_furniture_and_the_story_is_not() -> None:
    page = _parse(PAGE)
    by_text = {block.text: block for block in page.blocks}
    assert all(not by_text[paragraph].junk for paragraph in STORY)
    assert all(by_text[comment[2]].junk for comment in COMMENTS)


def test_the_story_is_read_without_the_comments() -> None:
    article = read_text(PAGE, "velmora.txt")
    assert article.paragraphs == STORY
