"""The timeline's configuration: the `timeline` plugin's section of `mkdocs.yml`.

Declared with MkDocs `config_options`, so a wrong value gets MkDocs' precise message, and
loaded by the CLI through MkDocs' own loader: one place to configure, one place to validate.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

#: The default topic taxonomy: none. Tags come only from the user's own taxonomy in mkdocs.yml
#: (tag -> keywords); a timeline about ferries has no use for tags about peace talks.
DEFAULT_TAXONOMY: dict[str, list[str]] = {}

#: Tag suggestions per new event when `suggest_tags` is true, and the most it may ask for.
DEFAULT_SUGGESTIONS = 3
MAX_SUGGESTIONS = 10

#: The default alias table: canonical name -> other spellings.
DEFAULT_ALIASES: dict[str, list[str]] = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "United States of America"],
    "United Kingdom": ["U.K.", "UK", "Britain", "Great Britain"],
    "European Union": ["EU", "E.U."],
    "United Nations": ["UN", "U.N."],
    "Kyiv": ["Kiev"],
    "Volodymyr Zelensky": ["Volodymyr Zelenskyy", "Zelenskyy"],
}


class DateOption(base.BaseConfigOption[dt.date]):
    """A day, written YYYY-MM-DD."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as error:
                raise base.ValidationError(
                    f"{value!r} is not a date (expected YYYY-MM-DD, e.g. 2026-11-26)") from error
        raise base.ValidationError(f"expected a date YYYY-MM-DD, got {type(value).__name__}")


class SuggestionsOption(base.BaseConfigOption[int]):
    """How many tags to suggest per new event: a number, `true` (the default number) or
    `false` (none)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if value is None or value is True:
            return int(self.default)
        if value is False:
            return 0
        if isinstance(value, int) and 0 <= value <= MAX_SUGGESTIONS:
            return value
        raise base.ValidationError(f"expected true, false or a number from 0 to "
                                   f"{MAX_SUGGESTIONS}, got {value!r}")


class TimelineConfig(base.Config):
    """Options of the `timeline` plugin (`plugins: - timeline: ...` in mkdocs.yml)."""

    enabled = c.Type(bool, default=True)
    #: Folder of seed articles, relative to mkdocs.yml; read by `timeline build`.
    seeds_dir = c.Type(str, default="seeds")
    #: Folder of event pages, inside docs_dir.
    events_dir = c.Type(str, default="events")
    #: Day against which years are inferred for dates written without one (default: today).
    reference_date: c.Optional[dt.date] = c.Optional(DateOption())
    #: Seeds larger than this many bytes are refused rather than read.
    max_seed_bytes = c.Type(int, default=5_000_000)
    #: Topic tags: tag -> keywords.
    taxonomy = c.Type(dict, default=DEFAULT_TAXONOMY)
    #: Canonical name -> other spellings, for people, places and organizations.
    aliases = c.Type(dict, default=DEFAULT_ALIASES)
    #: Suggest tags for the taxonomy: each new event gets one `review` item naming up to this
    #: many of its key phrases that no taxonomy keyword covers (never as tags); `false` or 0:
    #: none.
    suggest_tags = SuggestionsOption(DEFAULT_SUGGESTIONS)
    #: How many events the home page lists as the latest.
    latest_count = c.Type(int, default=10)
    #: Most events on one generated list page (timeline, year, tag, entity pages); longer
    #: lists are split into pages, so no page grows past ~300 KB even at 10,000 events.
    events_per_page = c.Type(int, default=250)
    #: A name (tag, person, place, organization) gets its own page when at least this many
    #: events name it; other names stay on their events and in the filters, without a page.
    entity_min_events = c.Type(int, default=2)
    #: How many of the latest events the Atom and JSON feeds carry.
    feed_count = c.Type(int, default=50)
    #: Put the review page (events whose `review:` flags need a person) in the published
    #: build too; `mkdocs serve` always shows it.
    publish_review_page = c.Type(bool, default=False)
    #: The explorer page (/explore/): filters and search over every event, with a Pagefind
    #: index written after the build.
    explorer = c.Type(bool, default=True)

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        failed, warnings = super().validate()
        for name, expected in (("taxonomy", "keywords"), ("aliases", "spellings")):
            table = self.get(name)
            if isinstance(table, dict):
                for key, value in table.items():
                    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                        failed.append((name, base.ValidationError(
                            f"entry {key!r} must be a list of {expected}, got {value!r}")))
        return failed, warnings


@dataclass(frozen=True)
class Settings:
    """What the builder needs, with paths made absolute."""

    config_file: Path
    docs_dir: Path
    seeds_dir: Path
    events_dir: Path
    reference_date: dt.date | None
    max_seed_bytes: int
    taxonomy: dict[str, list[str]]
    aliases: dict[str, str]
    #: Tag suggestions per new event (0: none); see `TimelineConfig.suggest_tags`.
    suggest_tags: int = DEFAULT_SUGGESTIONS

    @classmethod
    def from_config(cls, config_file: Path, docs_dir: Path, plugin: TimelineConfig) -> Settings:
        root = config_file.parent
        return cls(
            config_file=config_file,
            docs_dir=docs_dir,
            seeds_dir=(root / plugin.seeds_dir).resolve(),
            events_dir=(docs_dir / plugin.events_dir).resolve(),
            reference_date=plugin.reference_date,
            max_seed_bytes=plugin.max_seed_bytes,
            taxonomy={str(k): list(v) for k, v in plugin.taxonomy.items()},
            aliases=spellings(plugin.aliases),
            suggest_tags=plugin.suggest_tags,
        )


def spellings(aliases: dict[str, Any]) -> dict[str, str]:
    """Invert `canonical -> [spellings]` into `spelling -> canonical`."""
    result: dict[str, str] = {}
    for canonical, others in aliases.items():
        for spelling in others:
            result[str(spelling)] = str(canonical)
    return result


class ConfigError(Exception):
    """mkdocs.yml is missing, invalid, or has no `timeline` plugin."""


def load_settings(config_file: str | os.PathLike[str] | None) -> Settings:
    """Load mkdocs.yml with MkDocs' loader and return the timeline plugin's settings."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs import exceptions
    from mkdocs.config import load_config

    path = Path(config_file or "mkdocs.yml").resolve()
    if not path.is_file():
        raise ConfigError(f"{path}: no such file (run in the folder of your mkdocs.yml, pass "
                          "-f PATH, or start a project with `timeline init DIR`)")
    try:
        config = load_config(str(path))
    except exceptions.ConfigurationError as error:
        raise ConfigError(f"{path}: {error}") from error
    plugin = config.plugins.get("timeline")
    if plugin is None:
        raise ConfigError(f"{path}: plugins: no 'timeline' plugin (expected `plugins:` to "
                          "list `- timeline`)")
    return Settings.from_config(path, Path(config.docs_dir), plugin.config)
