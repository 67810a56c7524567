"""Events over time as an inline SVG bar chart, made at build time (no JavaScript library).

Pure: counts and links in, HTML out. Every bar links to the place in the timeline where its
period starts; the chart carries a text alternative (`role="img"`, `aria-label`, `<title>`,
`<desc>`) and a visually hidden table with the same counts, so the figures are not only a
picture. Colours come from CSS (`timeline.css`), so both light and dark palettes work.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

#: Width of one bar's slot and of the bar in it, in SVG user units.
SLOT = 10
BAR = 8
#: Height of the bar area, in SVG user units.
PLOT_HEIGHT = 100
#: Size of the axis labels, in SVG user units, at least: the chart is drawn about 9rem high
#: when narrow, and scaled to the page's width when wide, so wide charts get larger units.
MIN_FONT = 11
#: Fewer slots than this and the chart is padded, so a handful of bars stays narrow.
MIN_SLOTS = 24


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


def _events(count: int) -> str:
    return f"{count:,} event" if count == 1 else f"{count:,} events"


def bar_chart(bars: Sequence[Bar], title: str, period: str) -> str:
    """An HTML `<figure>` with the SVG chart and its table of counts.

    `title` names the chart (e.g. "Events per month"); `period` names one row of the table
    (e.g. "Month"). Returns "" when there is nothing to draw.
    """
    if not bars or not any(bar.count for bar in bars):
        return ""
    total = sum(bar.count for bar in bars)
    busiest = max(bars, key=lambda bar: bar.count)
    summary = (f"{title}, {bars[0].label} to {bars[-1].label}: {_events(total)}; "
               f"the most in {busiest.label} ({_events(busiest.count)}).")
    slots = max(len(bars), MIN_SLOTS)
    width = slots * SLOT
    font = round(max(MIN_FONT, width / 60), 1)
    height = round(PLOT_HEIGHT + font * 1.4)
    offset = (slots - len(bars)) * SLOT / 2
    box = f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg"'
    parts = [
        f'<svg class="tl-chart-svg" role="img" aria-label="{html.escape(summary)}" {box}>',
        f"<title>{html.escape(title)}</title>",
        f"<desc>{html.escape(summary)}</desc>",
        f'<line class="tl-chart-axis" x1="0" y1="{PLOT_HEIGHT}" x2="{width}" '
        f'y2="{PLOT_HEIGHT}"/>',
    ]
    # The links are a second, transparent layer of whole-column targets over the picture:
    # an element with role="img" must not hold links. They are out of the tab order and
    # hidden from screen readers, which get the same places one Tab away in the jump bar.
    hits = [f'<svg class="tl-chart-hits" aria-hidden="true" {box}>']
    for index, bar in enumerate(bars):
        x = offset + index * SLOT + (SLOT - BAR) / 2
        if bar.count:
            bar_height = max(2.0, round(bar.count / busiest.count * (PLOT_HEIGHT - 4), 1))
            parts.append(f'<rect x="{x:g}" y="{PLOT_HEIGHT - bar_height:g}" width="{BAR}" '
                         f'height="{bar_height:g}"/>')
            if bar.href:
                hits.append(f'<a href="{html.escape(bar.href)}" tabindex="-1">'
                            f'<rect x="{offset + index * SLOT:g}" y="0" width="{SLOT}" '
                            f'height="{PLOT_HEIGHT}"><title>{html.escape(bar.label)}: '
                            f"{_events(bar.count)}</title></rect></a>")
        if bar.tick:
            parts.append(f'<text x="{x:g}" y="{PLOT_HEIGHT + font:g}" '
                         f'font-size="{font:g}">{html.escape(bar.tick)}</text>')
    parts.append("</svg>")
    hits.append("</svg>")
    rows = "".join(f"<tr><th scope=\"row\">{html.escape(bar.label)}</th>"
                   f"<td>{bar.count:,}</td></tr>" for bar in bars if bar.count)
    table = (f'<table class="tl-sr-only"><caption>{html.escape(title)}</caption>'
             f'<thead><tr><th scope="col">{html.escape(period)}</th>'
             f'<th scope="col">Events</th></tr></thead><tbody>{rows}</tbody></table>')
    caption = f'<figcaption>{html.escape(summary)}</figcaption>'
    return (f'<figure class="tl-chart"><div class="tl-chart-box">{"".join(parts)}'
            f'{"".join(hits)}</div>{table}{caption}</figure>')
