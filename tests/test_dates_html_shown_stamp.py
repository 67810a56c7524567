"""The saved-page reader weighs the stamp a reader sees under the headline, read as the text
reader reads a paste, against the date the page's markup gives (issue 9: the saved-HTML
date row was the weakest; markup often dates the page's last change or another article).

The pages are fictional (Velmora, Ostrakan, Dr Ilse Varnholt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from trafilatura.utils import load_html

from builder.readers import read_seed
from builder.readers.html import ShownStamp, prefer_shown_stamp, visible_lines
from builder.readers.text import shows_date

STORY = " ".join([
    "The ferry council of Velmora met on Tuesday evening to weigh the new timetable for the",
    "crossing to Ostrakan, which the harbour board had drawn up over the winter months.",
    "Dr Ilse Varnholt, who chairs the board, told the council that the two morning boats",
    "would leave half an hour earlier from the first of April, so that workers reach the",
    "mills on the far shore before the shift begins. Several members asked whether the",
    "evening boat would keep its old time; the board said it would, for the summer at least.",
])


def _page(stamp: str, published_meta: str, footer: str = "", after_story: str = "") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Neue Fahrzeiten für die Fähre nach Ostrakan | Velmora Bote</title>
<meta property="og:title" content="Neue Fahrzeiten für die Fähre nach Ostrakan">
<meta property="article:published_time" content="{published_meta}">
</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/lokal">Lokales</a></li></ul></nav>
<main><article>
<h1>Neue Fahrzeiten für die Fähre nach Ostrakan</h1>
<div class="meta">{stamp}</div>
{paragraphs}
</article>
{after_story}
</main>
<footer><p>{footer}</p></footer>
</body></html>"""


def _read(tmp_path: Path, text: str) -> tuple[dt.date | None, str | None]:
    path = tmp_path / "faehre.html"
    path.write_text(text, encoding="utf-8")
    article = read_seed(path, 10_000_000)
    return article.published, article.date_evidence


def test_a_stamp_under_the_headline_beats_a_markup_date_the_page_never_shows(
        tmp_path: Path) -> None:
    published, evidence = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025",
                                                "2025-02-10T08:00:00+01:00"))
    assert published == dt.date(2025, 3, 4)
    assert evidence is not None and "not shown on the page" in evidence


def test_the_markup_date_stays_when_the_page_shows_it(tmp_path: Path) -> None:
    # The stamp under the headline is an update; the markup's day is written further down.
    published, _ = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025",
                                         "2025-02-10T08:00:00+01:00",
                                         footer="Zuerst erschienen am 10.02.2025"))
    assert published == dt.date(2025, 2, 10)


def test_the_markup_tells_which_way_a_numeric_stamp_reads() -> None:
    markup = (dt.date(2021, 11, 1), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2021, 1, 11), "timestamp '11/01/2021'", ())
    chosen = prefer_shown_stamp(markup, dt.date(2021, 1, 11), stamp, ["11/01/2021"])
    assert chosen is not None and chosen[0] == dt.date(2021, 11, 1)


def test_a_weak_date_of_the_text_reader_does_not_overrule_the_markup() -> None:
    markup = (dt.date(2025, 2, 10), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2025, 3, 4), "a date elsewhere on the page",
                       ("date from elsewhere on the page",))
    chosen = prefer_shown_stamp(markup, None, stamp, ["Fahrplan ab 4. März 2025"])
    assert chosen is not None and chosen[0] == dt.date(2025, 2, 10)


def test_without_a_markup_date_the_text_readers_date_is_taken_with_its_flag() -> None:
    stamp = ShownStamp(dt.date(2025, 3, 4), "a date elsewhere on the page",
                       ("date from elsewhere on the page",))
    chosen = prefer_shown_stamp(None, None, stamp, ["Fahrplan ab 4. März 2025"])
    assert chosen == (dt.date(2025, 3, 4), "a date elsewhere on the page",
                      ("date from elsewhere on the page",))


def test_visible_lines_keep_text_after_comments_and_leave_out_scripts() -> None:
    tree = load_html(
        "<html><head><title>Velmora</title></head><body><div>Velmora<!-- ad -->Bote"
        "<script>var d = '01.01.2020';</script></div><h1>Fähre</h1><p>eins<br>zwei</p>"
        "</body></html>")
    lines, headline = visible_lines(tree)
    assert lines == ["VelmoraBote", "Fähre", "eins", "zwei"]
    assert headline == 1


def test_shows_date_reads_the_page_as_stamps_are_read() -> None:
    lines = ["Velmora Bote", "Zuerst erschienen am 10.02.2025", "Fähre nach Ostrakan"]
    assert shows_date(lines, dt.date(2025, 2, 10))
    assert not shows_date(lines, dt.date(2025, 10, 2))
    assert not shows_date(lines, dt.date(2025, 3, 4))


def test_a_day_shown_only_as_an_update_is_not_the_pages_publication() -> None:
    # Markup often gives the day of the last change; the page shows it only as an update.
    lines = ["Velmora Bote", "11.01.2022, 09:50 Uhr / Aktualisiert am 21.01.2022, 11:39 Uhr"]
    assert not shows_date(lines, dt.date(2022, 1, 21))
    assert shows_date(lines, dt.date(2022, 1, 11))
    markup = (dt.date(2022, 1, 21), "the date shown beside the page's headline (htmldate)")
    stamp = ShownStamp(dt.date(2022, 1, 11), "timestamp '11.01.2022, 09:50 Uhr'", ())
    chosen = prefer_shown_stamp(markup, dt.date(2022, 1, 21), stamp, lines)
    assert chosen is not None and chosen[0] == dt.date(2022, 1, 11)


def test_a_dotted_date_reads_day_first_whatever_the_markup_says() -> None:
    # "01.11.2023" is 1 November on any page; the markup's 11 January is no reading of it.
    markup = (dt.date(2023, 1, 11), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2023, 11, 1), "timestamp 'Erstellt am: 01.11.2023'", ())
    lines = ["Velmora Bote", "Trinkwasser in Ostrakan belastet", "Erstellt am: 01.11.2023"]
    chosen = prefer_shown_stamp(markup, None, stamp, lines)
    assert chosen is not None and chosen[0] == dt.date(2023, 11, 1)


def test_the_stamp_is_looked_for_under_the_chosen_headline_not_a_logo_h1(
        tmp_path: Path) -> None:
    # The page's first <h1> is its logo, far above the story behind a long menu.
    menu = "".join(f"<li><a href='/r{n}'>Rubrik {n}</a></li>" for n in range(80))
    page = _page("Von Ilse Varnholt, 4. 3. 2025", "2025-02-10T08:00:00+01:00")
    page = page.replace("<nav><ul>", f"<h1>Velmora Bote</h1><nav><ul>{menu}", 1)
    page = page.replace("<h1>Neue Fahrzeiten", "<h2>Neue Fahrzeiten", 1).replace(
        "Ostrakan</h1>", "Ostrakan</h2>", 1)
    published, _ = _read(tmp_path, page)
    assert published == dt.date(2025, 3, 4)


# A stamp beside the headline beats a markup date the page shows only farther away: markup
# often gives the day of a reader's comment, a related article in a list or a caption's
# picture, which the page does show, but not as its stamp. The markup's day still stands
# when shown at least as near the headline, or labelled the publication anywhere.

MARKUP = "2025-03-12T21:40:00+01:00"


COMMENT = ("<section class='comments'><h2>2 Kommentare</h2>"
           "<div class='comment'><p>Tomas Quillan</p><p>12.03.2025, 21:40</p>"
           "<p>Endlich fährt das Morgenboot früher!</p></div></section>")


def test_the_stamp_beside_the_headline_beats_a_markup_date_shown_in_a_comment(
        tmp_path: Path) -> None:
    published, evidence = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025", MARKUP,
                                              after_story=COMMENT))
    assert published == dt.date(2025, 3, 4)
    assert evidence is not None and "farther" in evidence


def test_the_markup_date_stands_when_shown_as_near_the_headline() -> None:
    markup = (dt.date(2025, 3, 12), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2025, 3, 4), "timestamp '4. März 2025'", ())
    for lines in (["Fähre nach Ostrakan", "12.03.2025", "4. März 2025"],
                  ["12.03.2025", "Fähre nach Ostrakan", "4. März 2025"]):
        chosen = prefer_shown_stamp(markup, None, stamp, lines, headline=lines.index(
            "Fähre nach Ostrakan"))
        assert chosen is not None and chosen[0] == dt.date(2025, 3, 12)


def test_the_markup_date_stands_when_labelled_the_publication(tmp_path: Path) -> None:
    footer = "<p>Zuerst erschienen am 12.03.2025 im Ostrakaner Anzeiger</p>"
    published, _ = _read(tmp_path, _page("Von Ilse Varnholt, 4. 3. 2025", MARKUP,
                                         after_story=footer))
    assert published == dt.date(2025, 3, 12)


def test_without_the_headline_line_a_markup_date_shown_anywhere_stands() -> None:
    markup = (dt.date(2025, 3, 12), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2025, 3, 4), "timestamp '4. März 2025'", ())
    lines = ["Fähre nach Ostrakan", "4. März 2025", "Story", "Tomas Quillan 12.03.2025, 21:40"]
    chosen = prefer_shown_stamp(markup, None, stamp, lines)
    assert chosen is not None and chosen[0] == dt.date(2025, 3, 12)
    chosen = prefer_shown_stamp(markup, None, stamp, lines, headline=0)
    assert chosen is not None and chosen[0] == dt.date(2025, 3, 4)


def test_a_wordpress_update_stamp_hidden_beside_the_publication_is_not_read(
        tmp_path: Path) -> None:
    # WordPress themes write both stamps, the update first in some; their style hides the
    # update ("<time class="updated">"), so a reader sees only the publication day.
    stamp = ('Von Ilse Varnholt | <time class="updated" datetime="2025-03-03T15:36:19+01:00">'
             '3. März 2025</time><time class="entry-date published" '
             'datetime="2025-03-04T07:00:40+01:00">4. März 2025</time> | Lokales')
    published, _ = _read(tmp_path, _page(stamp, "2025-03-04T07:00:40+01:00"))
    assert published == dt.date(2025, 3, 4)
    lines, _ = visible_lines(load_html(_page(stamp, "2025-03-04T07:00:40+01:00")))
    assert "3. März 2025" not in lines and "4. März 2025" in lines
    # An update stamp alone (no publication beside it) is shown, and read.
    alone = stamp.replace('class="entry-date published"', 'class="entry-date"')
    lines, _ = visible_lines(load_html(_page(alone, "2025-03-04T07:00:40+01:00")))
    assert "3. März 2025" in lines


def test_a_stamp_the_page_hides_is_not_read_as_shown(tmp_path: Path) -> None:
    # The markup's copies of its dates, hidden from the reader ("class="hidden"", the
    # `hidden` attribute, "display: none"), are no stamp the page shows.
    for hiding in ('class="hidden"', "hidden", 'style="display: none"'):
        stamp = (f'<time itemprop="dateModified" {hiding}>2025-03-19 14:15:57</time>'
                 f'<time itemprop="datePublished" {hiding}>2025-03-04 10:20:00</time>'
                 '<span class="v-box">04.03.2025 10:20</span>')
        lines, _ = visible_lines(load_html(_page(stamp, "2025-03-19T14:15:57+01:00")))
        assert "2025-03-19 14:15:57" not in lines and "04.03.2025 10:20" in lines
        published, _ = _read(tmp_path, _page(stamp, "2025-03-19T14:15:57+01:00"))
        assert published == dt.date(2025, 3, 4)


# The first <h1> is the site's logo and the title read is no line of the page, or the page
# gives no markup date at all: nothing is dated near the line taken for the headline, and
# the story's stamp stands far below it. The stamp is read under the headline the <title>
# holds, or on the whole page without a markup date (issue 9,
# brief D11; prompted by dev page ejwue.de.lieferketten).

LONG_MENU = "".join(f"<li><a href='/r{n}'>Rubrik {n}</a></li>" for n in range(70))


def _logo_page(meta: str, title: str) -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>
<h1><a href="/"><img src="logo.png" alt=""></a>Termine</h1>
<nav><ul>{LONG_MENU}</ul></nav>
<main><article>
<p>04.03.2025 - Redaktion: Ilse Varnholt (Pressestelle)</p>
<h2>Neue Fahrzeiten für die Fähre nach Ostrakan</h2>
{paragraphs}
</article></main>
<footer><p>Velmora Bote</p></footer>
</body></html>"""


def test_a_logo_h1_and_a_title_not_on_the_page_send_the_reader_to_the_titles_headline(
        tmp_path: Path) -> None:
    meta = '<meta property="article:published_time" content="2025-02-10T08:00:00+01:00">'
    # The reader's title is the <title>'s longest part, the site's name, which the page
    # does not show; the headline is its first part.
    title = "Fährplan Ostrakan - Evangelisches Jugendwerk in Velmora (ejv)\n- EJV"
    page = _logo_page(meta, title).replace("<h2>Neue Fahrzeiten für die Fähre nach Ostrakan",
                                           "<h2>Fährplan Ostrakan")
    published, evidence = _read(tmp_path, page)
    assert published == dt.date(2025, 3, 4)
    assert evidence is not None and "not shown on the page" in evidence


def test_without_a_markup_date_the_whole_page_is_read_for_a_stamp(tmp_path: Path) -> None:
    # (htmldate reads no date in "4 Mar 25": the page would be refused for want of one.)
    page = _logo_page("", "Termine").replace(
        "04.03.2025 - Redaktion: Ilse Varnholt (Pressestelle)", "Ilse Varnholt | 4 Mar 25")
    published, _ = _read(tmp_path, page)
    assert published == dt.date(2025, 3, 4)


def test_a_day_shown_only_in_a_figures_caption_is_not_the_pages() -> None:
    # A caption's date is its picture's or its data's ("Datensatz vom ..."): the markup
    # that gives it does not stand against the page's own stamp (issue 9, brief D11;
    # prompted by dev page gipfelbuch.ch-hochaufloesung).
    lines = ["Fährplan Ostrakan",
             "Abbildung: Die Fährlinien vor Ostrakan im Winter (Karte). Datensatz vom "
             "09.03.2016",
             "Die Fähre nach Ostrakan fährt ab April früher.",
             "Bildunterschrift: Der Hafen von Velmora am 09.03.2016",
             "Der Hafen von Velmora (Foto: Ilse Varnholt, 09.03.2016)",
             "Letzte Änderung:", "14.01.2022 um 09:25"]
    assert not shows_date(lines, dt.date(2016, 3, 9))
    markup = (dt.date(2016, 3, 9), "the page's publication date (htmldate, original date)")
    stamp = ShownStamp(dt.date(2022, 1, 14), "timestamp '14.01.2022 um 09:25'", ())
    chosen = prefer_shown_stamp(markup, None, stamp, lines, headline=0)
    assert chosen is not None and chosen[0] == dt.date(2022, 1, 14)
    assert shows_date(["Fährplan Ostrakan", "Datensatz vom 09.03.2016"], dt.date(2016, 3, 9))
