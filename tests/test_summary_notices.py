"""The summary passes over notices that pages in English and German put above the story: a
note about the reader's browser, a machine translation, a licence, a like button, a cookie
banner in German; and "Rt." ("the Rt. Hon.") ends no sentence. (Issue 9; all names are
invented.)"""

from __future__ import annotations

import pytest

from builder.extract.summary import first_sentence, summarize

STORY = ("Der Stadtrat von Velmora hat am Dienstag beschlossen, die alte Hafenmauer noch vor "
         "dem Winter zu erneuern.")
MORE = "Die Arbeiten am Nordkai beginnen im März, sagte die Hafenmeisterin Ilse Varnholt."


@pytest.mark.parametrize("notice", [
    "Ihr Browser unterstützt Inlineframes nicht oder zeigt sie derzeit nicht an.",
    "Der Browser wird leider nicht mehr unterstützt!",
    "This article has been translated automatically.",
    "Dieses Werk ist unter einer Creative Commons-Lizenz lizenziert.",
    "%d Bloggern gefällt das:",
    "Diese Website verwendet Cookies, um Ihre Erfahrungen zu verbessern.",
])
def test_a_notice_above_the_story_is_not_the_summary(notice: str) -> None:
    assert summarize([notice, STORY, MORE]) == STORY


def test_a_sentence_about_a_browser_in_the_story_is_the_summary() -> None:
    """Only a notice to the reader is passed over, not the story's word "browser"."""
    story = ("Die Firma Ostrakan Soft aus Velmora hat am Montag einen neuen Browser für "
             "ältere Menschen vorgestellt.")
    assert summarize([story, MORE]) == story


def test_rt_ends_no_sentence() -> None:
    text = ("The Prime Minister, the Rt. Hon. Tobin Ashe, opened the new quay at Velmora on "
            "Friday. Hundreds came.")
    assert first_sentence(text) == text.removesuffix(" Hundreds came.")
