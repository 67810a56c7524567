"""Events over time as a bar chart, made at build time in HTML (no JavaScript library).

Pure: counts and links in, the data of `templates/chart.html` out. Each bar is a link that
fills its own column, so a click lands exactly on the bar's period at every width, and
nothing lies over the caption or the links around the chart.

The axis has one step at each width: the smallest step (every year, every 2, 5, 10 ...) whose
labels all fit side by side in the chart's width. Each label gets the classes of the chart
widths at which the chosen step includes it (CSS container queries in `timeline.css`), so
the labels shown are evenly spaced, never overlap, and as many as fit. (Showing each kind of
label wherever all labels of that kind fitted mixed steps: "2004 2005 2006 _ 2008", every
2 and every 5 years together.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from builder.plugin.render import plural

#: Widths (CSS px of the chart) at which the axis may change its step; `timeline.css` has a
#: container query per width and per pair of widths (240 and 280: a phone 320 px wide).
TICK_WIDTHS = (0, 240, 280, 320, 352, 400, 480, 640, 800, 960, 1200)
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
    #: One label of this kind every `step` bars (e.g. 12 for the years of a monthly chart,
    #: 3 for the quarters' months, 1 for the other months): the largest axis step that
    #: includes this label. Steps must nest (each divides the larger ones the chart holds,
    #: as 1 | 2 | 10 and 1 | 5 | 10), so that the labels of any one step are evenly spaced.
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
    #: The label's classes (see `tick_classes`); "" when the label never shows: it is then
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


def _width(bars: int, step: int, chars: int) -> int | None:
    """The narrowest of `TICK_WIDTHS` with room for a label every `step` of `bars` bars;
    None if none has."""
    needed = bars / max(1, step) * (chars * CHAR_PX + GAP_PX)
    return next((w for w in TICK_WIDTHS if w >= needed), None)


#: Multiples of a chart's largest step, for when even its labels do not fit (a century of
#: years: a label every 20, 50, 100 ... years). Not for a chart whose labels are all of one
#: kind (step 1): they name no coarser grouping to count in.
LARGER = (2, 5, 10, 20, 50, 100)


def range_class(low: int, high: int | None) -> str:
    """The class showing a label where the chart is at least `low` px wide and, unless
    `high` is None, narrower than `high` px (`timeline.css` has a rule for each)."""
    return f"tl-tick-w{low}" if high is None else f"tl-tick-w{low}-{high}"


def axis_steps(bars: Sequence[Bar], chars: int) -> list[tuple[int, int, int | None]]:
    """The axis step at each chart width: `(step, low, high)`, the chart showing a label
    every `step` bars from `low` px wide up to `high` (None: no bound), widest first.
    Each width gets the smallest step whose labels all fit it."""
    steps = sorted({bar.step for bar in bars if bar.tick})
    if not steps:
        return []
    if steps[-1] > 1:  # labels of kinds (years among months ...): coarser steps of the top
        steps += [steps[-1] * factor for factor in LARGER]
    chosen: list[tuple[int, int, int | None]] = []
    high: int | None = None
    for step in steps:
        low = _width(len(bars), step, chars)
        if low is None or (high is not None and low >= high):
            continue  # never fits, or a smaller step fits wherever this one does
        chosen.append((step, low, high))
        high = low
        if low == 0:
            break
    return chosen


def tick_classes(bars: Sequence[Bar]) -> list[str]:
    """Each bar's label classes: the ranges of chart widths whose step includes it, joined
    when they touch; "" for a bar without a label or whose label never shows.

    A label belongs to every step that divides its own (`Bar.step`); to a multiple of the
    chart's largest step when it is that step's label counted from the first (so the 2nd,
    4th ... of the decades' labels are left out at a step of 20 years)."""
    chars = max((len(bar.tick) for bar in bars), default=0)
    ranges = axis_steps(bars, chars)
    top = max((bar.step for bar in bars if bar.tick), default=1)
    classes = []
    ordinal = 0
    for bar in bars:
        if not bar.tick:
            classes.append("")
            continue
        spans: list[tuple[int, int | None]] = []
        for step, low, high in reversed(ranges):  # narrowest first
            member = (bar.step % step == 0 if step <= top
                      else bar.step == top and ordinal % (step // top) == 0)
            if not member:
                continue
            if spans and spans[-1][1] == low:
                spans[-1] = (spans[-1][0], high)
            else:
                spans.append((low, high))
        if bar.step == top:
            ordinal += 1
        classes.append(" ".join(range_class(low, high) for low, high in spans))
    return classes


def bar_chart(bars: Sequence[Bar], title: str, period: str) -> Chart | None:
    """The chart of `bars`: `title` names it (e.g. "Events per month"); `period` names one
    row of its table (e.g. "Month"). None when there is nothing to draw."""
    if not bars or not any(bar.count for bar in bars):
        return None
    total = sum(bar.count for bar in bars)
    busiest = max(bars, key=lambda bar: bar.count)
    summary = (f"{title}, {bars[0].label} to {bars[-1].label}: {plural(total, 'event')}; "
               f"the most in {busiest.label} ({plural(busiest.count, 'event')}).")
    drawn = [ChartBar(bar.label, bar.count, bar.href,
                      max(2.0, round(bar.count / busiest.count * 100, 1)) if bar.count else 0,
                      bar.tick, classes)
             for bar, classes in zip(bars, tick_classes(bars), strict=True)]
    return Chart(title, period, summary, drawn)
