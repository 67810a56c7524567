"""`bench/eval_unseen.date_shown`: whether a rendering shows a page's gold day, so that the
date figure can be given over the pages that show it (issue 9). Fictional lines only."""

from __future__ import annotations

import datetime as dt

import pytest

from bench.eval_unseen import date_shown

DAY = dt.date(2026, 3, 4)


@pytest.mark.parametrize("line", [
    "Velmora Gazette | 2026-03-04 | Dr Ilse Varnholt",
    "Veröffentlicht am 04.03.2026 um 09:15 Uhr",
    "Posted 3/4/26 by Ostrakan Desk",
    "4/3/2026",
    "4. 3. 2026",
    "2026/3/4",
    "2026年3月4日",
    "Wednesday, March 4th, 2026",
    "Mar. 4 2026",
    "4 de marzo de 2026",
    "4. März 2026",
    "le 4 mars 2026",
    "04-Mar-26",
    "4 marca 2026",
    "2026. március 4.",
    "Ilse VarnholtMarch 4, 20269:41 AM",
    "3. März 20264. März 2026",
    "Mar 042026",
])
def test_a_written_form_of_the_day_is_shown(line: str) -> None:
    assert date_shown(f"The Ostrakan ferry\n\n{line}\n\nThe story goes on.", DAY)


@pytest.mark.parametrize("line", [
    "March 2026",
    "March 14, 2026",
    "14.03.2026",
    "4.3.2025",
    "March 4, 2025",
    "Mar 4",
    "24 March 2026",
    "3/14/2026",
])
def test_another_day_or_no_year_is_not_shown(line: str) -> None:
    assert not date_shown(f"The Ostrakan ferry\n\n{line}\n\nThe story goes on.", DAY)
