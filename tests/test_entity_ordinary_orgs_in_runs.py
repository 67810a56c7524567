"""A listed organization whose name is an ordinary word too ("Target", "Universal") names
none before other capitalised words of a run ("Multi Strategy Target Return", "Universal
Basic Income"); as the run's last word it still may ("der Autokonzern Ford")."""

from __future__ import annotations

from builder.extract.entities import extract_entities


def test_an_ordinary_listed_name_inside_a_run_is_no_organization() -> None:
    text = ("It was followed by the Velmora Investors Multi Strategy Target Return funds, "
            "and Ostrakan Universal Basic Income Explained drew views.")
    organizations = extract_entities(text, {}).organizations
    assert "Target" not in organizations
    assert "Universal" not in organizations


def test_an_ordinary_listed_name_ending_a_run_stays() -> None:
    text = "Firmen wie der Autozulieferer Varnholt und der Autokonzern Ford im Saarland."
    assert "Ford" in extract_entities(text, {}).organizations
