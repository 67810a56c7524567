"""`timeline init`: the files of a new timeline project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from builder.config import DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS
from builder.state import STATE_FILE
from builder.store import write_atomic

HOME_PAGE = """\
# {name}

<!-- This page is for your readers: say here, in a few lines, what story the timeline
follows. The latest events and the timeline's span are added below it. (For you: put
articles in seeds/, run `timeline build`, and edit the event pages in content/events/;
see the README.) -->
The events of this story in time order, each with the reports it comes from and the
people, places and organizations it names.
"""

_N, _MOST = DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS

#: Written under the empty taxonomy of a new project: how to add tags, as an example.
TAXONOMY_EXAMPLE = f"""\
    # Topic tags: tag -> keywords; none until you add some (then drop the {{}}), for example:
    #   taxonomy:
    #     ferries: [ferry, ferries, crossing]
    #     storms: [gale, storm, flood]
    # A keyword matches the start of a word in any case ("negotiat" matches
    # "negotiations"; one of three letters or fewer, whole words only). A tag needs a
    # keyword in the title or lede, or three matches in the rest of the article.
    # Tag suggestions: each new event gets one `review` item naming up to {_N} key
    # phrases that no keyword covers, as tags to consider (never as tags; the review page
    # lists them). Option `suggest_tags` (default {_N}): up to {_MOST}, or false for none:
    #   suggest_tags: false
"""

GITIGNORE = "site/\n.venv/\n__pycache__/\n.cache/\n.timeline.lock\n"
GITATTRIBUTES = f"content/events/{STATE_FILE} merge=union\n"


class EnvValue(list[Any]):
    """A value MkDocs reads from the environment: written as `!ENV [NAME, default]`."""


class _Dumper(yaml.SafeDumper):
    """Safe YAML, plus MkDocs' `!ENV` tag."""


_Dumper.add_representer(EnvValue, lambda dumper, value: dumper.represent_sequence(
    "!ENV", list(value), flow_style=True))


def _palette(media: str, scheme: str, icon: str, name: str) -> dict[str, Any]:
    return {"media": f"(prefers-color-scheme: {media})", "scheme": scheme,
            "toggle": {"icon": f"material/{icon}", "name": name}}


def mkdocs_config(site_name: str) -> dict[str, Any]:
    """The mkdocs.yml of a new project (written with a YAML library), as the repo's own:
    light and dark palettes, search, and `OFFLINE=true mkdocs build` for a site that works
    from disk (file://). No `navigation.instant`: the timeline's script runs on page load."""
    return {
        "site_name": site_name,
        "docs_dir": "content",
        "theme": {"name": "material", "font": False,
                  "features": ["navigation.top", "search.highlight", "search.suggest"],
                  "palette": [_palette("light", "default", "weather-night",
                                       "Switch to dark mode"),
                              _palette("dark", "slate", "weather-sunny",
                                       "Switch to light mode")]},
        "markdown_extensions": ["attr_list", "md_in_html", "toc"],
        "plugins": [
            "search",
            {"offline": {"enabled": EnvValue(["OFFLINE", False])}},
            {"timeline": {"seeds_dir": "seeds", "events_dir": "events", "taxonomy": {}}},
        ],
    }


def _with_taxonomy_example(text: str) -> str:
    """The YAML with the commented example just above its (empty) `taxonomy:` line."""
    line = "    taxonomy: {}\n"
    return text.replace(line, TAXONOMY_EXAMPLE + line, 1)


def create_project(directory: Path, site_name: str | None = None
                   ) -> tuple[list[Path], list[Path]]:
    """Create the project's files; returns (created, kept because they already existed)."""
    name = site_name or directory.resolve().name.replace("-", " ").replace("_", " ").title()
    header = ("# Timeline site. `timeline build` turns seeds/ into content/events/;\n"
              "# `mkdocs serve` previews the site. Options: see the timeline README.\n"
              "# `OFFLINE=true mkdocs build`: a site that also works opened from disk.\n")
    files: dict[Path, str] = {
        directory / "mkdocs.yml": header + _with_taxonomy_example(yaml.dump(
            mkdocs_config(name), Dumper=_Dumper, sort_keys=False, allow_unicode=True)),
        directory / "content" / "index.md": HOME_PAGE.format(name=name),
        directory / ".gitignore": GITIGNORE,
        directory / ".gitattributes": GITATTRIBUTES,
    }
    created: list[Path] = []
    kept: list[Path] = []
    for path, text in files.items():
        if path.exists():
            kept.append(path)
            continue
        write_atomic(path, text.encode("utf-8"))
        created.append(path)
    for folder in (directory / "seeds", directory / "content" / "events"):
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
    return created, kept
