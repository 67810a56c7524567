"""The HTML reader on fictional saved pages that trip a parser or a date finder: a script
written as `<script .../>`, and pages whose visible date differs from what the page's markup
or its copyright line suggests.

Every page here is invented (Velmora, The Ostrakan Ledger, Dr Ilse Varnholt ...). Expected
values are what a person reads on the page.
"""

from __future__ import annotations

import datetime as dt

from trafilatura.utils import load_html

from builder.readers.html import choose_date, headline_date, read_html

SCRIPT_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Velmora bakers revive the salt loaf | The Ostrakan Ledger</title>
<meta property="og:site_name" content="The Ostrakan Ledger">
</head>
<body>
<main>
<h1>Velmora bakers revive the salt loaf</h1>
<div class="ratings"><span>459 Reviews</span></div>
<script type="text/javascript"/>
(function() {
  document.addEventListener('DOMContentLoaded', function() {
    var componentMetadata = JSON.parse('{"componentName": "VelmoraRatings"}');
    var moduleName = 'velmoraRatings';
    Ostrakan.RegisterControlInstance(moduleName, componentMetadata);
  });
})();
</script>
<p>The bakers of Velmora have brought back the salt loaf, a dense rye bread that had not been
sold in the town since the mill on the Tamsel river closed forty years ago.</p>
<p>Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept by
her great-grandmother and gave it to the four bakeries on Harbour Street.</p>
<p>The loaf is baked for six hours in a cooling oven and keeps for two weeks, she said.</p>
<style/>
.velmora-banner { color: red; }
</style>
<p>The first batch sold out before noon on Saturday.</p>
</main>
</body>
</html>
"""


def test_a_self_closed_script_is_never_article_text() -> None:
    """A browser reads `<script/>` as an open script: its code is not the story's text."""
    article = read_html(SCRIPT_PAGE, "salt-loaf.html")
    text = "\n".join(article.paragraphs)
    for code in ("componentMetadata", "RegisterControlInstance", "function()", "velmora-banner"):
        assert code not in text
    assert article.paragraphs[0].startswith("The bakers of Velmora have brought back")
    assert "The first batch sold out before noon on Saturday." in text


BODY = """<p>The bakers of Velmora have brought back the salt loaf, a dense rye bread that had not
been sold in the town since the mill on the Tamsel river closed forty years ago.</p>
<p>Dr Ilse Varnholt, who runs the town's bread museum, found the recipe in a ledger kept by
her great-grandmother and gave it to the four bakeries on Harbour Street.</p>"""

#: A page whose header lists older stories with their dates before the article's headline;
#: the article's own date is the one printed under its headline.
LISTED_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Velmora salt loaf | The Ostrakan Ledger</title></head>
<body><header><ul class="latest">
<li><a href="/a">Tamsel ferry timetable changes</a> <span class="post-date">2019/10/15</span></li>
</ul></header>
<main><article><h1>Velmora bakers revive the salt loaf</h1>
<p>By Ilse Varnholt | 12 March 2020</p>
{BODY}</article>
<footer><p>Copyright 2004 The Ostrakan Ledger</p></footer>
<script>var pageDate = "2001-05-05";</script>
</main></body></html>"""


def test_the_date_beside_the_headline_is_read_from_visible_text_only() -> None:
    tree = load_html(LISTED_PAGE)
    assert headline_date(tree) == dt.date(2020, 3, 12)


def test_a_page_without_a_headline_has_no_headline_date() -> None:
    tree = load_html(f"<html><body><p>Updated 12 March 2020</p>{BODY}</body></html>")
    assert headline_date(tree) is None


def _never() -> dt.date | None:
    raise AssertionError("the newest date is only asked when it can change the answer")


def test_the_original_date_stands_without_a_second_pass_when_nothing_disputes_it() -> None:
    """No date beside the headline, or the same day there: htmldate's newest date (a second
    full pass over the page) is not asked."""
    day = dt.date(2020, 3, 12)
    assert choose_date(day, day, _never)[0] == day
    assert choose_date(day, None, _never)[0] == day


def test_agreeing_dates_are_the_original_date() -> None:
    day = dt.date(2020, 3, 12)
    assert choose_date(day, dt.date(2021, 5, 5), lambda: day)[0] == day
    assert choose_date(day, dt.date(2021, 5, 5), lambda: None)[0] == day


def test_a_first_of_january_original_date_is_only_a_year() -> None:
    """A placeholder or year-only original date (1 January 2004) gives way to the page's
    full newer date (Updated June 13, 2019), even with no date beside the headline."""
    newer = dt.date(2019, 6, 13)
    chosen, why = choose_date(dt.date(2004, 1, 1), None, lambda: newer)
    assert chosen == newer
    assert "2004" in why


def test_the_newest_date_wins_only_when_the_headline_shows_it() -> None:
    older, newer = dt.date(2019, 10, 15), dt.date(2020, 3, 12)
    assert choose_date(older, newer, lambda: newer)[0] == newer
    assert choose_date(older, dt.date(2018, 1, 2), lambda: newer)[0] == older
    assert choose_date(older, None, lambda: newer)[0] == older


#: The markup gives the time in UTC, late on 2 March; the page shows its readers 3 March.
ZONED_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Velmora salt loaf | The Ostrakan Ledger</title>
<meta property="article:published_time" content="2025-03-02T23:30:00Z"></head>
<body><main><article><h1>Velmora bakers revive the salt loaf</h1>
<p>By Ilse Varnholt, 3 March 2025</p>
{BODY}</article></main></body></html>"""


def test_the_day_the_page_shows_beats_a_utc_time_a_day_off() -> None:
    article = read_html(ZONED_PAGE, "salt-loaf.html")
    assert article.published == dt.date(2025, 3, 3)
    assert article.date_evidence is not None and "headline" in article.date_evidence
