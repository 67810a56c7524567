"""Events over time as a bar chart, made at build time in HTML (no JavaScript library).

Pure: counts and links in, the data of `templates/chart.html` out. Each bar is a link that
fills its own column, so a click lands exactly on the bar's period at every width, and
nothing lies over the caption or the links around the chart. Axis labels get a class that
shows them only when the chart is wide enough for every label of their kind (a CSS
container query in `timeline.css`), so labels never overlap and every one that fits shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.plugin.render import plural

#: Widths (CSS px of the chart) at which a kind of label may show; `timeline.css` has one
#: container query per width.
TICK_WIDTHS = (0, 320, 352, 400, 480, 640, 800, 960, 1200)
#: The class of a label that never fits (`tick_class`).
NEVER = "tl-tick-never"
#: Room one label needs, per character and around it, in CSS px (labels are 0.6rem).
CHAR_PX = 7.0
GAP_PX = 8.0


@dataclass(frozen=True)
class Bar:
    """One period of the chart."""

    #: The period in words, e.g. "December 2025" or "2025".
    label: str
    #: Events in the period.
    count: int
    #: Where the bar links to (a URL relative to the page), or None for no link.
    href: str | None = None
    #: Axis label under the bar (e.g. the year at each January), or "" for none.
    tick: str = ""
    #: One label of this kind every `step` bars (e.g. 12 for the years of a monthly chart):
    #: the chart's width decides whether all labels of the kind fit.
    step: int = 1


@dataclass(frozen=True)
class ChartBar:
    """A bar as the template draws it."""

    label: str
    count: int
    url: str | None
    #: Height in percent of the tallest bar.
    height: float
    tick: str
    #: The label's class (see `tick_class`); "" when the label never shows: it is then
    #: left out of the page (on a sparse chart of many years, most months' labels).
    tick_class: str


@dataclass(frozen=True)
class Chart:
    """What `chart.html` draws."""

    title: str
    period: str
    summary: str
    bars: list[ChartBar]


def tick_class(bars: int, step: int, chars: int) -> str:
    """The class that shows a label only where the chart has room for every label of its
    kind: `bars / step` labels of up to `chars` characters side by side."""
    needed = bars / max(1, step) * (chars * CHAR_PX + GAP_PX)
    width = next((w for w in TICK_WIDTHS if w >= needed), None)
    return NEVER if width is None else f"tl-tick-w{width}"


def _shown_class(bars: int, step: int, chars: int) -> str:
    found = tick_class(bars, step, chars)
    return "" if found == NEVER else found


def bar_chart(bars: Sequence[Bar], title: str, period: str) -> Chart | None:
    """The chart of `bars`: `title` names it (e.g. "Events per month"); `period` names one
    row of its table (e.g. "Month"). None when there is nothing to draw."""
    if not bars or not any(bar.count for bar in bars):
        return None
    total = sum(bar.count for bar in bars)
    busiest = max(bars, key=lambda bar: bar.count)
    summary = (f"{title}, {bars[0].label} to {bars[-1].label}: {plural(total, 'event')}; "
               f"the most in {busiest.label} ({plural(busiest.count, 'event')}).")
    chars = max((len(bar.tick) for bar in bars), default=0)
    drawn = [ChartBar(bar.label, bar.count, bar.href,
                      max(2.0, round(bar.count / busiest.count * 100, 1)) if bar.count else 0,
                      bar.tick, _shown_class(len(bars), bar.step, chars) if bar.tick else "")
             for bar in bars]
    return Chart(title, period, summary, drawn)
