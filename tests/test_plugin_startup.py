"""The MkDocs plugin's start-up (every `mkdocs build` and `serve`) does not load the
extractors' modules: the name tagger's (`extract.entities`, `extract.ner`) and the key
phrases' cost about 0.1 s and are needed only when a page has what they judge."""

from __future__ import annotations

import subprocess
import sys

from builder.plugin import pages

HEAVY = ("builder.extract.entities", "builder.extract.ner", "builder.extract.keyphrases")


def loaded_after(statement: str) -> set[str]:
    """The builder modules a fresh interpreter has loaded after running `statement`."""
    result = subprocess.run(
        [sys.executable, "-c", f"{statement}\nimport sys\n"
         "print('\\n'.join(name for name in sys.modules if name.startswith('builder.')))"],
        capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_importing_the_plugin_loads_no_extractor() -> None:
    loaded = loaded_after("import builder.plugin.plugin")
    assert "builder.plugin.pages" in loaded
    assert not loaded.intersection(HEAVY), sorted(loaded.intersection(HEAVY))


def test_a_name_of_two_words_needs_no_tagger_and_a_lone_one_is_judged_by_it() -> None:
    loaded = loaded_after("from builder.plugin import pages\n"
                          "assert not pages.lone_first_name('Ilse Varnholt')")
    assert "builder.extract.entities" not in loaded
    from builder.extract import entities

    for name in ("Harry", "Varnholt", "Sharon", "Ostrakan"):
        assert pages.lone_first_name(name) == entities.lone_first_name(name), name


def test_suggestion_flags_are_told_apart_as_before() -> None:
    from builder.extract import keyphrases

    flag = keyphrases.suggestion(["water rationing", "dam"])
    assert flag is not None
    assert pages.is_suggestion(flag) and not pages.is_suggestion("year inferred")
    assert pages.suggested_phrases(flag) == "water rationing, dam"
