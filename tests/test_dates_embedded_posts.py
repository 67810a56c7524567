"""Dates of embedded posts are not the page's stamp (issue 9, round four): a Facebook post
shown in the story ("Posted by Velmora Council on Monday, February 7, 2022") and an
Instagram post ("A post shared by Ada Quill (@ada.quill) on Jun 16, 2019") carry the day
the post was written; the page's own stamp elsewhere dates the story. Read from real files
with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_dates_far_stamp import BODY, MENU, TITLE, read

from builder.readers.text import _dates_in

EMBED = ("Die Brücke muss bleiben, wie sie ist! Wir sammeln Unterschriften…\n\n"
         "Posted by Velmora Bürgerforum on Monday, February 7, 2022\n\n")


def test_a_facebook_posts_signature_is_no_stamp() -> None:
    assert _dates_in("Posted by Velmora Bürgerforum on Monday, February 7, 2022", False) == []
    # A blog's own stamp, with the day of the week but more on its line, stays a stamp.
    assert _dates_in("Posted by Ilse Varnholt on Monday, February 7, 2022 | 3 Comments",
                     False) == [(dt.date(2022, 2, 7), False)]
    assert _dates_in("Posted on February 7, 2022 by Ilse Varnholt", False) == [
        (dt.date(2022, 2, 7), False)]


def test_an_instagram_posts_signature_is_no_stamp() -> None:
    assert _dates_in("A post shared by Ada Quill (@ada.quill) on Jun 16, 2019 at 7:30am PDT",
                     False) == []
    assert _dates_in("— Ada Quill (@ada.quill) May 2, 2020", False) == []


def test_the_pages_stamp_dates_the_story_not_the_embedded_post(tmp_path: Path) -> None:
    paragraphs = BODY.split("\n\n")
    body = "\n\n".join([paragraphs[0], EMBED.strip(), *paragraphs[1:]])
    page = MENU + "\nKultur\n04. Februar 2022, 15:29 Uhr\n" + TITLE + body
    article = read(tmp_path, page)
    assert article.published == dt.date(2022, 2, 4)
