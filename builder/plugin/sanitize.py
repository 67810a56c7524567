"""The rendered HTML of event pages, made safe with an allow-list (nh3, i.e. ammonia).

An event page is text a person (or the builder, from a seed or a note) wrote, and once a site
is shared any page may have been edited by anyone. So the body of every event page is cleaned
after Markdown has rendered it, where the browser will actually read it: whatever Markdown
resolved (reference links inside list items, block quotes, tables, footnotes; autolinks; raw
HTML; entity-encoded schemes such as `jav&#x61;script:`) is judged as the browser would see it.

- Only the tags and attributes Markdown and its usual extensions produce are kept; no `on*`
  attribute, no `style`, no `<script>`, `<style>`, `<iframe>`, `<object>`, `<svg>`, forms.
  A tag that is not allowed is removed and its text kept (never dropped, only made inert).
- A link keeps its address only if it is relative, http(s) or mailto; `javascript:`,
  `data:`, `vbscript:` and every other scheme lose the address and keep the text.
- An image that would make the reader's browser fetch from another host (any address with a
  scheme or a host, `//host/...`, `/\\host/...`) is shown as a plain link, its text and its
  address, so reading the site sends no request elsewhere. Local images (relative or
  site-absolute paths, e.g. under `content/`) stay images.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import nh3

#: Tags Python-Markdown and its common extensions (tables, footnotes, admonition, toc,
#: attr_list, md_in_html, def_list, abbr, code highlighting) produce.
ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "time": {"datetime"},
    "abbr": set(),
}
#: Schemes a link may have (besides relative addresses).
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(),  # keep the text of what is removed: text is never dropped
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(LINK_SCHEMES),
    link_rel="noopener noreferrer",
    strip_comments=True,
)

#: What browsers ignore in a URL: leading/trailing C0 controls and spaces; tabs and line
#: breaks anywhere (so `java\tscript:` is `javascript:` to a browser).
_IGNORED_EDGES = "".join(chr(code) for code in range(0x21))
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: An <img> tag as nh3 writes it: attributes always double-quoted, `"` always escaped.
_IMG = re.compile(r'<img((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')


def clean_html(fragment: str) -> str:
    """The HTML fragment with every unsafe tag, attribute and address made inert."""
    return _IMG.sub(_image, _CLEANER.clean(fragment))


def is_local(address: str) -> bool:
    """Whether an image address stays on this site: relative or site-absolute, no scheme
    and no host (as a browser reads it)."""
    url = _IGNORED_INSIDE.sub("", address.strip(_IGNORED_EDGES)).replace("\\", "/")
    if url.startswith("//"):
        return False
    return _SCHEME.match(url) is None


def _image(match: re.Match[str]) -> str:
    attributes = {name.lower(): html.unescape(value or "")
                  for name, value in _ATTRIBUTE.findall(match.group(1))}
    source = attributes.get("src", "")
    if not source or is_local(source):
        return match.group(0)
    text = attributes.get("alt", "").strip() or "image"
    label = f"{text} ({source.strip()})"
    url = _IGNORED_INSIDE.sub("", source.strip(_IGNORED_EDGES))
    scheme = _SCHEME.match(url)
    if url.startswith("//") or (scheme and scheme.group(1).lower() in ("http", "https")):
        return (f'<a class="timeline-remote-image" href="{html.escape(url)}" '
                f'rel="noopener noreferrer">{html.escape(label, quote=False)}</a>')
    return f'<span class="timeline-remote-image">{html.escape(label, quote=False)}</span>'


#: Front-matter keys of an event page that the theme would use to pick files: ignored.
THEME_KEYS = frozenset({"template"})


def clean_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """An event page's front matter as the theme will see it: every text HTML-escaped
    (MkDocs' templates do not escape: Material writes `description` into a <meta> tag as
    it is), and no key that picks a template."""
    return {key: _escaped(value) for key, value in meta.items() if key not in THEME_KEYS}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value
