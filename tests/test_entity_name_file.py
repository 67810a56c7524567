"""gender-guesser's name file is read as its header lays it out: the name in columns 4-29,
a sort mark in column 30, one frequency digit per country from column 31, '+' inside a
name standing for nothing, a space or a hyphen."""

from __future__ import annotations

from builder.extract.entities import (
    _common_given_names,
    _given_name_frequencies,
    _name_line,
    gender_guesser_names,
)


def _line(kind: str, name: str, mark: str, figures: str) -> str:
    """One line of the file's layout (87 characters, '$' at the end)."""
    return f"{kind:<3}{name:<26}{mark}{figures:<55} $"


def test_a_name_with_letters_outside_ascii_keeps_no_sort_mark() -> None:
    # Fictional names; the file prints a name with an umlaut twice, marked '+' and '-'.
    line = _line("M", "Örvald", "-", "   3  1")
    assert len(line) == 87
    [(name, figures)] = _name_line(line)
    assert name == "örvald"
    assert figures[:7] == (0, 0, 0, 3, 0, 0, 1)
    assert len(figures) == 55


def test_a_plus_inside_a_name_stands_for_nothing_a_space_or_a_hyphen() -> None:
    names = [name for name, _ in _name_line(_line("M", "Velm+Ora", " ", "  B"))]
    assert names == ["velmora", "velm ora", "velm-ora"]


def test_comments_and_equivalences_name_nobody() -> None:
    assert _name_line("# char set = utf-8\n") == []
    assert _name_line("=  Velm Velmoran\n") == []
    assert _name_line("\n") == []


def test_the_real_file_gives_no_mangled_names() -> None:
    names = {name for name, _ in _given_name_frequencies()}
    assert not [name for name in names if name.endswith((" -", " +"))]
    # Common in Germany and Sweden: were read as "jürgen                   -" and so on.
    assert {"jürgen", "åke", "søren"} <= _common_given_names()
    assert "gündüz" in names
    # "Abdel+Aziz" is also written "Abdelaziz".
    assert "abdelaziz" in _common_given_names()
    assert names == gender_guesser_names()
