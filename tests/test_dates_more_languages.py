"""A page that writes its date in Polish, Czech, Swedish, Danish, Finnish, Romanian, Russian
or Greek ("16 marca 2021", "28. února 2020", "3 марта 2020") is dated by it, not refused for
want of a date (issue 9: refuse a seed only when no date is on it at all). Read from real
files with `read_seed`; every place, person and publication here is invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builder.readers import read_seed
from builder.readers.text import _dates_in


@pytest.mark.parametrize(("text", "day"), [
    ("16 marca 2021", dt.date(2021, 3, 16)),
    ("Data i godzina 28 Września 2020, 18:00", dt.date(2020, 9, 28)),
    ("Publikováno 28. února 2020", dt.date(2020, 2, 28)),
    ("Publicerad 3 augusti 2021", dt.date(2021, 8, 3)),
    ("Udgivet 12. marts 2022", dt.date(2022, 3, 12)),
    ("Julkaistu 4. maaliskuuta 2020", dt.date(2020, 3, 4)),
    ("Publicat la 12 martie 2021", dt.date(2021, 3, 12)),
    ("Опубликовано 3 марта 2020", dt.date(2020, 3, 3)),
    ("ΔΗΜΟΣΙΕΥΣΗ 9 ΜΑΡΤΙΟΥ 2020", None),  # capitals drop the accent: not read, no error
    ("Δημοσίευση 9 μαρτίου 2020", dt.date(2020, 3, 9)),
])
def test_a_date_in_another_language_is_read(text: str, day: dt.date | None) -> None:
    found = _dates_in(text, True)
    assert [date for date, _ in found] == ([day] if day else [])


def test_a_polish_page_is_dated_by_its_stamp_not_refused(tmp_path: Path) -> None:
    page = (
        "Prom do Ostrakanu znów pływa\n\n"
        "Ilse Varnholt\n\n"
        "16 marca 2025\n\n"
        "Prom między Velmorą a Ostrakanem wypłynął we wtorek rano po trzech dniach postoju w "
        "porcie, poinformował urząd portowy w krótkim komunikacie dla rady miasta.\n\n"
        "Kapitan powiedział, że przeprawa była spokojna, a wszyscy pasażerowie i ich samochody "
        "dotarli na czas, choć molo było jeszcze mokre po sztormie.\n\n"
        "Urząd portowy spodziewa się, że zimowy rozkład rejsów będzie obowiązywał do końca "
        "sezonu, z dwoma przeprawami dziennie i trzecią w dni targowe.\n")
    path = tmp_path / "seed.txt"
    path.write_text(page, encoding="utf-8")
    article = read_seed(path, 5_000_000)
    assert article.published == dt.date(2025, 3, 16)
    assert article.review == []


@pytest.mark.parametrize(("text", "day"), [
    ("2025年3月4日", dt.date(2025, 3, 4)),
    ("发布时间：2025年03月04日 10:20", dt.date(2025, 3, 4)),
    ("2025 年 3 月 4 日", dt.date(2025, 3, 4)),
    ("입력 2025년 3월 4일", dt.date(2025, 3, 4)),
    ("2025年3月44日", None),  # no such day: not read, no error
])
def test_a_date_written_as_chinese_japanese_or_korean_pages_write_it_is_read(
        text: str, day: dt.date | None) -> None:
    found = _dates_in(text, True)
    assert [date for date, _ in found] == ([day] if day else [])


def test_a_chinese_page_is_dated_by_its_stamp_not_refused(tmp_path: Path) -> None:
    # (Issue 9, brief D11: the year, month and day signs were read by no date form, so a
    # page dated only that way was refused.)
    page = "\n".join([
        "首页", "新闻", "港口", "维拉莫拉渡轮冬季继续运营",
        "2025年3月4日 10:20\u3000来源：维拉莫拉日报\u3000作者：林海", "",
        "维拉莫拉港务委员会周二晚间开会，决定冬季继续开行前往奥斯特拉坎的渡轮。三百户岛民此前"
        "联名致信，要求保留冬季航班，委员会最终以多数票通过了新的时刻表。", "",
        "港务委员会主席伊尔莎·瓦恩霍尔特表示，两班早船将从四月一日起提前半小时开出，以便工人"
        "在轮班开始前到达对岸的工厂。多名委员询问晚班船是否保持原来的时间，委员会表示至少在"
        "夏季保持不变。", "",
        "渡轮船长奥迪尔·马罗说，她的船员已经准备好在十二月进行第一次冬季航行，渡轮也已为北方"
        "海峡的风暴进行了改装。岛上的学校和商店都欢迎这一决定。", "",
    ])
    path = tmp_path / "duchuan.txt"
    path.write_text(page, encoding="utf-8")
    article = read_seed(path, 1_000_000)
    assert article.published == dt.date(2025, 3, 4)
