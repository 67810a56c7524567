"""Text from articles is data, never markup: escaping for the Markdown we write.

Everything a seed says must render literally: no raw HTML, no headings, lists, tables,
links, emphasis or attribute lists made by accident. Backslash escapes keep the Markdown
readable for the people who edit event pages; `<`, `>` and `&` become entities.
"""

from __future__ import annotations

import re

#: The characters Python-Markdown (and its tables extension) accept a backslash before.
_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|])")
_BLOCK_START = re.compile(r"^(\s*)(?:([-+*>#])|(\d+)([.)]))")


def escape_inline(text: str) -> str:
    """Escape text for use inside a Markdown line (link text, table cell, paragraph)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE.sub(r"\\\1", text)


#: Where a link's address starts: inline `](...)` or a reference definition `[x]: ...`,
#: anywhere: Python-Markdown also reads definitions inside list items, quotes and indented
#: text, so every `[x]:` is treated as one (disarming a literal one costs nothing).
_LINK_TARGET = re.compile(r"\]\(\s*|\[[^\]\n]+\]:\s*")
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:]*$)", re.IGNORECASE)


def safe_markdown(text: str) -> str:
    """A person's own Markdown, kept as Markdown but made safe: raw HTML and attribute lists
    (`{: onclick=...}`) show as text, and a link whose address is not http(s), mailto or
    relative (`javascript:`, even split by spaces or line breaks) leads nowhere.

    This keeps the page itself inert for any Markdown engine; the site also cleans the
    rendered HTML of every event page with an allow-list (`builder/plugin/sanitize.py`),
    which is what holds where Markdown resolves something this did not foresee."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "\\{").replace("}", "\\}")
    return _LINK_TARGET.sub(_disarm_link, text)


def _disarm_link(match: re.Match[str]) -> str:
    after = match.string[match.end():match.end() + 200].lstrip("<")
    address = "".join(after.split())  # browsers drop spaces and line breaks in a URL
    address = address[:address.find(")")] if ")" in address else address
    if _SAFE_SCHEME.match(address):
        return match.group()
    return match.group() + "#"


def escape_paragraph(text: str) -> str:
    """Escape one paragraph so it renders as exactly that text, as one paragraph."""
    escaped = escape_inline(text)
    # A paragraph starting like a list item, quote, heading or numbered item stays text.
    return _BLOCK_START.sub(_escape_marker, escaped, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"
