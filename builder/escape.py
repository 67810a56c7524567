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


_SCRIPT_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def safe_markdown(text: str) -> str:
    """A person's own Markdown, kept as Markdown but made safe: raw HTML shows as text and
    links to `javascript:`, `vbscript:` and `data:` URLs lead nowhere."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SCRIPT_LINK.sub("](#", text)


def escape_paragraph(text: str) -> str:
    """Escape one paragraph so it renders as exactly that text, as one paragraph."""
    escaped = escape_inline(text)
    # A paragraph starting like a list item, quote, heading or numbered item stays text.
    return _BLOCK_START.sub(_escape_marker, escaped, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"
