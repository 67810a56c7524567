"""Grouping measured on real multi-outlet story clusters (ECB+, see
tests/fixtures/ecbplus/README.md), with CI floors a little under the measured figures."""

from __future__ import annotations

from builder.evaluate_grouping import FLOORS, below_floors, evaluate, read_texts


def test_the_set_is_read_whole() -> None:
    texts = read_texts()
    assert len(texts) == 982
    assert len({text.happening for text in texts}) >= 80
    assert sum(1 for text in texts if text.article.publisher) > 400


def test_grouping_holds_its_floors() -> None:
    scores = evaluate()
    assert set(scores) == set(FLOORS)
    assert below_floors(scores) == []
