"""The Jinja2 templates that make every piece of the timeline's HTML.

Templates ship in `templates/`; a user overrides any of them with a file of the same name in
`<custom_dir>/timeline/` (the theme's `custom_dir` in mkdocs.yml), as with Material's own
partials. Autoescape is on: text from articles is data. Each template is compiled once per
build and rendered many times.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

#: The templates shipped with the plugin.
TEMPLATES = Path(__file__).parent / "templates"
#: The folder, inside a theme's custom_dir, whose files override the shipped templates.
OVERRIDE_FOLDER = "timeline"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 event', '2,500 events'."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


@functools.lru_cache(maxsize=65536)
def format_day(day: dt.date) -> str:
    """'17 December 2025' (cached: lists and event pages name each day many times)."""
    return f"{day.day} {day:%B %Y}"


class View(dict[str, Any]):
    """A dict whose keys templates read as attributes (`e.url`) at the cost of one lookup:
    Jinja2 tries an attribute first, and a plain dict answers that with an exception."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Templates:
    """The template environment: the user's overrides first, then the shipped templates."""

    def __init__(self, override_dirs: Sequence[Path] = ()) -> None:
        loaders: list[jinja2.BaseLoader] = [
            jinja2.FileSystemLoader(str(Path(folder) / OVERRIDE_FOLDER))
            for folder in override_dirs]
        loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
        self.env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                                      undefined=jinja2.StrictUndefined, auto_reload=False,
                                      keep_trailing_newline=False)
        self.env.filters["plural"] = plural
        self.env.filters["day"] = format_day
        self._cache: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context: Any) -> Markup:
        """The template `name` rendered with `context`, as markup safe to put in another."""
        template = self._cache.get(name)
        if template is None:
            template = self._cache[name] = self.env.get_template(name)
        return Markup(template.render(**context))
