"""The summary passes over an author's note that calls its writer an expert, a specialist or
an engineer ("Ann Roe is a personal finance expert who ..."), and a notice asking the reader
to use another browser ("Um die Website korrekt anzuzeigen, verwende bitte einen der
folgenden Browser:", "Bitte aktualisiere deinen Browser"), and a link to the article in
another language ("Read the Spanish version of this article"). A story's sentence about a
browser is still the summary. (Issue 9; all names are invented.)"""

from __future__ import annotations

import pytest

from builder.extract.summary import summarize

STORY = ("The harbour of Velmora reopened on Tuesday after two years of work, in time for the "
         "new ferry to Ostrakan.")
MORE = "The first crossing is planned for June, the harbour master Tobin Ashe said."


@pytest.mark.parametrize("note", [
    "Mara Quill is a personal finance expert who has covered credit cards and taxes for more "
    "than a decade.",
    "Tobin Ashe is an anti-money laundering specialist for a payments company in Ostrakan.",
    "Ilse is a full-stack engineer and has worked as a professional developer since 2007.",
    "Um die Website korrekt anzuzeigen, verwende bitte einen der folgenden Browser:",
    "Please use one of the following browsers to view this page correctly.",
    "Achtung: Bitte aktualisiere deinen Browser, sonst wird die Seite nicht richtig angezeigt.",
    "Read the Spanish version of this article translated by Mara Quill",
])
def test_a_note_above_the_story_is_not_the_summary(note: str) -> None:
    assert summarize([note, STORY, MORE]) == STORY


def test_a_story_about_a_browser_is_the_summary() -> None:
    story = ("Ostrakan Soft released a browser on Monday that people in Velmora can use "
             "without a mouse.")
    assert summarize([story, MORE]) == story
