"""The summary passes over the whole paragraph of a notice or an author's note (its second
sentence is the notice's too), a bio of an agent, consultant, adviser, planner or
researcher (its subject a name or a pronoun), and a line of fields parted by bars (a
breadcrumb or a menu). (Issue 9; all names are invented.)"""

from __future__ import annotations

import pytest

from builder.extract.summary import summarize

STORY = ("The council of Velmora voted on Tuesday to rebuild the old harbour wall before the "
         "winter storms.")
MORE = "Work on the north quay starts in March, harbour master Ilse Varnholt said."


@pytest.mark.parametrize("notice", [
    "This article has been translated automatically. It might contain mistakes or wrong "
    "information. If you have any doubts, please read the original version.",
    "Dieses Werk ist unter einer Creative Commons-Lizenz lizenziert. Es sei denn, es sind "
    "andere Regeln im Beitrag erwähnt.",
    "Ilse Varnholt is a senior writer at the Ostrakan Courier. She has covered the harbour "
    "towns of the north coast for a decade.",
])
def test_the_sentences_after_a_notice_in_its_paragraph_are_not_the_summary(
        notice: str) -> None:
    assert summarize([notice, STORY, MORE]) == STORY


@pytest.mark.parametrize("bio", [
    "He is a former enrolled agent and has prepared scores of tax returns for Ostrakan firms.",
    "Dara Quell is a certified financial planner who has advised Ostrakan families since 2009.",
])
def test_a_bio_of_another_trade_is_not_the_summary(bio: str) -> None:
    assert summarize([bio, STORY, MORE]) == STORY


def test_a_line_of_fields_parted_by_bars_is_not_the_summary() -> None:
    assert summarize(["Harbour policy | Blog | Letters to the council | All clear?", STORY,
                      MORE]) == STORY


def test_a_caption_glued_to_the_story_is_still_passed_over_within_its_paragraph() -> None:
    """A caption is no notice: the story's sentence after it in the same paragraph is the
    summary, as before."""
    glued = "1of4Harbour master Ilse Varnholt, left, walks the north quay. " + STORY
    assert summarize([glued, MORE]) == STORY


def test_a_story_that_opens_on_a_pronoun_is_still_summarised() -> None:
    """Only a pronoun that a trade follows is a bio: "He was twelve when ..." opens a story."""
    opening = ("He was twelve when the storm of 1987 broke the harbour wall of Velmora, and "
               "he has not forgotten it.")
    assert summarize([opening, MORE]) == opening


@pytest.mark.parametrize("line", [
    "Harbour towns of the north coast count their losses",
    "Velmora council news flash for March 3 Video",
    "Harbour, Fisheries, Weather, Letters",
])
def test_a_line_without_a_stop_gives_way_to_a_sentence_below(line: str) -> None:
    """Another story's headline, a video's label or a list of tags above the story has no
    final stop: the story's first sentence below it is the summary."""
    assert summarize([line, STORY, MORE]) == STORY


def test_a_line_without_a_stop_is_the_summary_when_no_sentence_follows() -> None:
    line = "Harbour towns of the north coast count their losses"
    assert summarize([line, "Velmora", "Ostrakan harbour"]) == line


def test_a_long_lede_without_a_stop_is_still_the_summary() -> None:
    """A paragraph of more than a heading's words is the story's, stop or not."""
    lede = ("The council of Velmora voted on Tuesday to rebuild the old harbour wall before "
            "the winter storms that broke it twice in the last ten years and flooded the "
            "north quay")
    assert summarize([lede, MORE]) == lede
