"""`timeline init` writes, next to the taxonomy example, how tag suggestions work: the
`suggest_tags` option, its default, and an example line that works once uncommented."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import timeline

from builder.config import DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, load_settings

EXAMPLE = re.compile(r"^(\s*)#\s+(suggest_tags: \S+)$", re.MULTILINE)


def test_init_names_the_option_its_default_and_an_example_that_works(tmp_path: Path) -> None:
    result = timeline("init", str(tmp_path / "proj"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    config = tmp_path / "proj" / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    comments = text[text.index("# Topic tags"):text.index("taxonomy: {}")]
    assert "`suggest_tags`" in comments
    assert f"(default {DEFAULT_SUGGESTIONS})" in comments
    assert f"up to {MAX_SUGGESTIONS}" in comments
    assert load_settings(config).suggest_tags == DEFAULT_SUGGESTIONS
    # The example line, uncommented where it stands, is an option the plugin takes.
    example = EXAMPLE.search(comments)
    assert example is not None, comments
    config.write_text(text.replace(example.group(), example.group(1) + example.group(2)),
                      encoding="utf-8")
    assert load_settings(config).suggest_tags == 0
